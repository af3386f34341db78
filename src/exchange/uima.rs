//! UIMA CAS XMI for INCEpTION (and any UIMA tool, or dkpro-cassis).
//!
//! One `.xmi` per release plus `TypeSystem.xml`, zipped. The sofa is our
//! text; each annotation is a `webanno.custom.RapporteurTag` (features
//! `label`, `note`, `identifier`), the namespace INCEpTION gives custom span
//! layers, so a project with that layer shows them. Turns, speaker mentions
//! and facts go in layers of their own (`RapporteurTurn`,
//! `RapporteurSpeaker`, `RapporteurFact`).
//!
//! Offsets count UTF-16 code units, as Java (and so UIMA) does: an emoji is
//! two. dkpro-cassis converts them to code points when it loads a CAS.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::archive::write_zip;
use super::extracted::{extracted, ExtractedKind};
use super::xml::{attribute, disallowed_count};
use super::{text_of, ExportError, ImportedRelease, Loaded, Release};
use crate::annotate::{
    assemble, exported_annotations, ForeignRelease, ForeignSpan, ImportError, Problems, Tag,
};
use crate::text::{chars_of_utf16, utf16_len, utf16_of_chars};

/// The custom layers' namespace, as INCEpTION names custom layers.
const NAMESPACE: &str = "webanno.custom";
const TAG_TYPE: &str = "RapporteurTag";
/// INCEpTION's built-in named-entity layer, also read on import.
const NAMED_ENTITY: &str = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";

// ---- export ---------------------------------------------------------------

/// The zip: `<stem>.xmi` per release and one `TypeSystem.xml`.
pub(crate) fn export(releases: &[Release], stems: &[String]) -> Result<Vec<u8>, ExportError> {
    let mut files: Vec<(String, Vec<u8>)> = releases
        .iter()
        .zip(stems)
        .map(|(release, stem)| (format!("{stem}.xmi"), xmi(*release).into_bytes()))
        .collect();
    files.push(("TypeSystem.xml".to_owned(), type_system().into_bytes()));
    write_zip(&files)
}

/// An annotation to write: type, code-point span, features.
struct Element {
    kind: &'static str,
    start: usize,
    end: usize,
    features: Vec<(&'static str, String)>,
}

/// The XMI of one release.
pub(crate) fn xmi((document, set): Release) -> String {
    let mut elements: Vec<Element> = exported_annotations(document, set)
        .into_iter()
        .map(|a| Element {
            kind: TAG_TYPE,
            start: a.start,
            end: a.end,
            features: vec![
                ("label", a.tag_name.unwrap_or(a.tag)),
                ("note", a.note),
                ("identifier", a.id),
            ],
        })
        .collect();
    for e in extracted(document) {
        let (kind, features) = match e.kind {
            ExtractedKind::Turn => ("RapporteurTurn", vec![("speaker", e.detail)]),
            ExtractedKind::Speaker => ("RapporteurSpeaker", vec![("speaker", e.detail)]),
            ExtractedKind::Fact => (
                "RapporteurFact",
                vec![("kind", e.label), ("value", e.detail)],
            ),
        };
        elements.push(Element {
            kind,
            start: e.start,
            end: e.end,
            features,
        });
    }
    let positions: Vec<usize> = elements.iter().flat_map(|e| [e.start, e.end]).collect();
    let units = utf16_of_chars(&document.text, &positions);

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" \
         xmlns:cas=\"http:///uima/cas.ecore\" xmlns:tcas=\"http:///uima/tcas.ecore\" \
         xmlns:custom=\"http:///webanno/custom.ecore\" xmi:version=\"2.0\">\n  <cas:NULL xmi:id=\"0\"/>\n",
    );
    let mut members = vec![2.to_string()];
    out.push_str(&format!(
        "  <tcas:DocumentAnnotation xmi:id=\"2\" sofa=\"1\" begin=\"0\" end=\"{}\" language=\"x-unspecified\"/>\n",
        utf16_len(&document.text)
    ));
    for (n, element) in elements.iter().enumerate() {
        let id = n + 3;
        members.push(id.to_string());
        out.push_str(&format!(
            "  <custom:{} xmi:id=\"{id}\" sofa=\"1\" begin=\"{}\" end=\"{}\"",
            element.kind,
            units[2 * n],
            units[2 * n + 1]
        ));
        for (name, value) in &element.features {
            out.push_str(&format!(" {name}=\"{}\"", attribute(value)));
        }
        out.push_str("/>\n");
    }
    out.push_str(&format!(
        "  <cas:Sofa xmi:id=\"1\" sofaNum=\"1\" sofaID=\"_InitialView\" mimeType=\"text/plain\" \
         sofaString=\"{}\"/>\n  <cas:View sofa=\"1\" members=\"{}\"/>\n</xmi:XMI>\n",
        attribute(&document.text),
        members.join(" ")
    ));
    out
}

/// `TypeSystem.xml`: the four custom span layers.
pub(crate) fn type_system() -> String {
    // (type, description, [(feature, description)])
    type Layer<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let layers: [Layer; 4] = [
        (
            TAG_TYPE,
            "An annotation made in Rapporteur: its tag and note.",
            &[
                ("label", "The tag's name."),
                ("note", "The annotator's note."),
                ("identifier", "The annotation's id in Rapporteur."),
            ],
        ),
        (
            "RapporteurTurn",
            "A speaker's turn, as Rapporteur's parser found it.",
            &[("speaker", "Who spoke: name (affiliation), role.")],
        ),
        (
            "RapporteurSpeaker",
            "A mention of a speaker.",
            &[("speaker", "Who is meant: name (affiliation), role.")],
        ),
        (
            "RapporteurFact",
            "A fact Rapporteur extracted: quantity, money, date, organisation…",
            &[
                ("kind", "Quantity, Money, Percent, Date, Time, Resolution, Document, Organization, Country or Quote."),
                ("value", "The normalised value, as JSON."),
            ],
        ),
    ];
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<typeSystemDescription \
         xmlns=\"http://uima.apache.org/resourceSpecifier\">\n  <types>\n",
    );
    for (name, description, features) in layers {
        out.push_str(&format!(
            "    <typeDescription>\n      <name>{NAMESPACE}.{name}</name>\n      \
             <description>{description}</description>\n      \
             <supertypeName>uima.tcas.Annotation</supertypeName>\n      <features>\n"
        ));
        for (feature, about) in features {
            out.push_str(&format!(
                "        <featureDescription>\n          <name>{feature}</name>\n          \
                 <description>{about}</description>\n          \
                 <rangeTypeName>uima.cas.String</rangeTypeName>\n        </featureDescription>\n"
            ));
        }
        out.push_str("      </features>\n    </typeDescription>\n");
    }
    out.push_str("  </types>\n</typeSystemDescription>\n");
    out
}

// ---- import ---------------------------------------------------------------

/// Every `.xmi` of the files (a type system beside them is not needed:
/// the layers are recognised by name).
pub(crate) fn import(
    files: &[Loaded],
    palette: &[Tag],
    now: &str,
    limit: u64,
) -> Result<Vec<ImportedRelease>, ImportError> {
    let mut problems = Problems::default();
    let mut out = Vec::new();
    let mut xmis: Vec<&Loaded> = files
        .iter()
        .filter(|f| f.extension() == "xmi" || f.extension() == "xml" && looks_like_xmi(f))
        .collect();
    crate::sort::sort_by_key(&mut xmis, |f| f.name.clone());
    for file in xmis {
        let name = file
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&file.name)
            .to_owned();
        let content = text_of(file, limit)?;
        let mut notices = Vec::new();
        let release = match read_xmi(content, &name, &mut problems, &mut notices) {
            Ok(Some(release)) => release,
            Ok(None) => continue,
            Err(message) => {
                problems.add(name.clone(), message);
                continue;
            }
        };
        let assembled = assemble(release, palette, now, "xmi", &mut problems);
        if assembled.duplicates > 0 {
            notices.push(format!(
                "{name}: {} span(s) were given twice and were imported once",
                assembled.duplicates
            ));
        }
        if let Some(file) = assembled.file {
            out.push(ImportedRelease {
                name,
                file,
                notices,
            });
        }
    }
    match problems.into_error() {
        Some(error) => Err(error),
        None if out.is_empty() => Err(ImportError::NotOurFormat(
            "there is no UIMA CAS XMI file among the files".to_owned(),
        )),
        None => Ok(out),
    }
}

fn looks_like_xmi(file: &Loaded) -> bool {
    let head = String::from_utf8_lossy(&file.bytes[..file.bytes.len().min(2048)]);
    head.contains("xmi:XMI")
}

/// An annotation element as read: type name, sofa, begin, end, features.
struct Read {
    type_name: String,
    sofa: Option<String>,
    begin: Option<String>,
    end: Option<String>,
    features: HashMap<String, String>,
}

/// The release an XMI holds: the `_InitialView` sofa's text and its
/// `RapporteurTag` and `NamedEntity` annotations. `Ok(None)` after a
/// problem was recorded.
fn read_xmi(
    content: &str,
    name: &str,
    problems: &mut Problems,
    notices: &mut Vec<String>,
) -> Result<Option<ForeignRelease>, String> {
    let mut reader = Reader::from_str(content);
    let mut namespaces: HashMap<String, String> = HashMap::new();
    let mut sofas: Vec<(String, String, Option<String>)> = Vec::new();
    let mut elements: Vec<Read> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "the XML cannot be read at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        let start = match &event {
            Event::Start(e) | Event::Empty(e) => e,
            Event::Eof => break,
            _ => continue,
        };
        let (qualified, attributes) = element(start)?;
        if qualified == "xmi:XMI" {
            for (key, value) in &attributes {
                if let Some(prefix) = key.strip_prefix("xmlns:") {
                    namespaces.insert(prefix.to_owned(), value.clone());
                }
            }
            continue;
        }
        let type_name = type_name(&qualified, &namespaces);
        if type_name == "uima.cas.Sofa" {
            let id = attributes.get("xmi:id").cloned().unwrap_or_default();
            let view = attributes.get("sofaID").cloned().unwrap_or_default();
            sofas.push((id, view, attributes.get("sofaString").cloned()));
            continue;
        }
        if attributes.contains_key("begin") && attributes.contains_key("end") {
            let mut features = attributes;
            elements.push(Read {
                type_name,
                sofa: features.remove("sofa"),
                begin: features.remove("begin"),
                end: features.remove("end"),
                features,
            });
        }
    }
    let sofa = sofas
        .iter()
        .find(|(_, view, _)| view == "_InitialView")
        .or_else(|| sofas.first());
    let Some((sofa_id, _, Some(text))) = sofa else {
        return Err("it has no text (no cas:Sofa with a sofaString)".to_owned());
    };
    let mut spans = Vec::new();
    let mut offsets = Vec::new();
    let mut others: HashMap<String, usize> = HashMap::new();
    for (n, e) in elements.iter().enumerate() {
        if e.sofa.as_deref().is_some_and(|s| s != sofa_id) {
            continue;
        }
        let short = e
            .type_name
            .rsplit('.')
            .next()
            .unwrap_or(&e.type_name)
            .to_owned();
        let label = if e.type_name == format!("{NAMESPACE}.{TAG_TYPE}") {
            e.features.get("label").cloned()
        } else if e.type_name == NAMED_ENTITY {
            e.features.get("value").cloned()
        } else {
            if !matches!(short.as_str(), "DocumentAnnotation" | "DocumentMetaData") {
                *others.entry(short).or_default() += 1;
            }
            continue;
        };
        let here = format!(
            "{name}: {short} xmi:id {}",
            e.features.get("xmi:id").map_or("?", String::as_str)
        );
        let (Some(begin), Some(end)) = (
            e.begin
                .as_deref()
                .and_then(|b| b.trim().parse::<usize>().ok()),
            e.end
                .as_deref()
                .and_then(|b| b.trim().parse::<usize>().ok()),
        ) else {
            problems.add(here, "begin and end must be whole numbers");
            continue;
        };
        let Some(label) = label.filter(|l| !l.trim().is_empty()) else {
            problems.add(
                here,
                "it has no label (feature \"label\", or \"value\" for a named entity)",
            );
            continue;
        };
        offsets.push((n, begin, end));
        spans.push(ForeignSpan {
            location: here,
            id: e.features.get("identifier").cloned(),
            label,
            note: e.features.get("note").cloned().unwrap_or_default(),
            start: begin,
            end,
            exact: None,
        });
    }
    // UTF-16 code units to code points, all at once.
    let units: Vec<usize> = offsets.iter().flat_map(|&(_, b, e)| [b, e]).collect();
    let chars = chars_of_utf16(text, &units);
    let mut ok = true;
    for (i, span) in spans.iter_mut().enumerate() {
        match (chars[2 * i], chars[2 * i + 1]) {
            (Some(s), Some(e)) => {
                span.start = s;
                span.end = e;
            }
            _ => {
                problems.add(
                    span.location.clone(),
                    format!(
                        "begin {} or end {} falls inside a character or past the end of the \
                         text ({} UTF-16 code units): XMI offsets count UTF-16 code units",
                        span.start,
                        span.end,
                        utf16_len(text)
                    ),
                );
                ok = false;
            }
        }
    }
    if !ok {
        return Ok(None);
    }
    let mut kinds: Vec<(String, usize)> = others.into_iter().collect();
    crate::sort::sort(&mut kinds);
    let extracted_layers = ["RapporteurTurn", "RapporteurSpeaker", "RapporteurFact"];
    let (ours, theirs): (Vec<_>, Vec<_>) = kinds
        .into_iter()
        .partition(|(k, _)| extracted_layers.contains(&k.as_str()));
    if !ours.is_empty() {
        notices.push(format!(
            "{name}: turns, speakers and facts were not imported: Rapporteur finds them again \
             in the text"
        ));
    }
    if !theirs.is_empty() {
        let list: Vec<String> = theirs.iter().map(|(k, c)| format!("{c} {k}")).collect();
        notices.push(format!(
            "{name}: annotations of other layers were not imported: {}",
            list.join(", ")
        ));
    }
    if disallowed_count(text) > 0 {
        notices.push(format!(
            "{name}: the text holds characters XML cannot carry"
        ));
    }
    Ok(Some(ForeignRelease {
        text: text.clone(),
        spans,
        ..ForeignRelease::default()
    }))
}

/// An element's qualified name and its attributes, unescaped (character
/// references such as `&#10;` give back line breaks).
fn element(start: &BytesStart) -> Result<(String, HashMap<String, String>), String> {
    let qualified = start.name().as_ref().to_owned();
    let mut attributes = HashMap::new();
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| format!("a malformed attribute in <{qualified}>: {e}"))?;
        let key = attribute.key.as_ref().to_owned();
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| format!("attribute {key} of <{qualified}>: {e}"))?
            .into_owned();
        attributes.insert(key, value);
    }
    Ok((qualified, attributes))
}

/// `custom:RapporteurTag` with `xmlns:custom="http:///webanno/custom.ecore"`
/// is `webanno.custom.RapporteurTag`: the namespace's path, dotted.
fn type_name(qualified: &str, namespaces: &HashMap<String, String>) -> String {
    let (prefix, local) = qualified.split_once(':').unwrap_or(("", qualified));
    let package = namespaces
        .get(prefix)
        .map(|uri| {
            uri.trim_start_matches("http://")
                .trim_start_matches('/')
                .trim_end_matches(".ecore")
                .replace('/', ".")
        })
        .unwrap_or_default();
    if package.is_empty() {
        local.to_owned()
    } else {
        format!("{package}.{local}")
    }
}
