//! Annotations read from another tool's file (brat, doccano, Label Studio,
//! UIMA CAS XMI), checked with the same rules as our own import and turned
//! into the same [`ImportedFile`], so that placing them on a document,
//! re-anchoring and "Not placed" work exactly as for our own files.
//!
//! Each format's reader (in `crate::exchange`) only finds spans, labels and
//! notes in its file and converts offsets to code points; everything that
//! decides what an annotation may be lives here.

use std::collections::HashMap;

use super::{widen_to_characters, ImportedFile, Problems};
use crate::annotate::annotation::{Annotation, Quote};
use crate::annotate::indexed::{shorten, Indexed};
use crate::annotate::tags::{check_id, clean_color, clean_tag_name, same_name, Tag};
use crate::text::{chars_of_utf16, sha256_hex};

/// One span as another tool stores it, offsets already in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ForeignSpan {
    /// Where it is in the file, for messages: `T3 in sc-15630.ann`.
    pub location: String,
    /// The id the tool gave it, kept when it makes a valid, unused id.
    pub id: Option<String>,
    /// The label, as the tool names it (our tag's name).
    pub label: String,
    pub note: String,
    pub start: usize,
    pub end: usize,
    /// The text the tool says the span covers, when the format carries it;
    /// line breaks may stand as spaces (brat writes them so).
    pub exact: Option<String>,
}

/// One document of another tool's file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ForeignRelease {
    pub text: String,
    pub symbol: Option<String>,
    pub headline: Option<String>,
    /// Labels the file declares (a labelling config, `annotation.conf`),
    /// with their colours when it gives them, in order. Labels that spans
    /// use but the file does not declare are added too.
    pub labels: Vec<(String, Option<String>)>,
    pub spans: Vec<ForeignSpan>,
}

/// What the import did that the user should hear about, beyond the counts.
#[derive(Debug, Default)]
pub(crate) struct Assembled {
    pub file: Option<ImportedFile>,
    /// Spans given twice (same label, place and note), kept once.
    pub duplicates: usize,
    /// Spans whose offsets counted UTF-16 code units and were converted.
    pub utf16: usize,
}

/// Checks every span of `release` against its text and builds the file.
/// Tags are the `palette` (kept whole, so importing never loses a tag) plus
/// one new tag per label the palette lacks, matched by name as our import
/// does (case and surrounding spaces ignored). Every problem goes into
/// `problems`; the caller refuses the whole import if there is any.
pub(crate) fn assemble(
    release: ForeignRelease,
    palette: &[Tag],
    now: &str,
    id_prefix: &str,
    problems: &mut Problems,
) -> Assembled {
    let text = Indexed::new(&release.text);
    let mut tags = TagTable::new(palette);
    for (name, color) in &release.labels {
        if let Err(message) = tags.id_for(name, color.as_deref()) {
            problems.add(format!("label {:?}", shorten(name, 40)), message);
        }
    }
    let mut out = Assembled::default();
    let mut annotations: Vec<(Annotation, Quote)> = Vec::new();
    let mut ids = IdTable::new(id_prefix);
    let mut widened = 0;
    for span in release.spans {
        let tag = match tags.id_for(&span.label, None) {
            Ok(id) => id,
            Err(message) => {
                problems.add(span.location, message);
                continue;
            }
        };
        let (start, end, converted) = match locate(&text, &span) {
            Ok(found) => found,
            Err(message) => {
                problems.add(span.location, message);
                continue;
            }
        };
        let duplicate = annotations
            .iter()
            .any(|(a, _)| (a.start, a.end) == (start, end) && a.tag == tag && a.note == span.note);
        if duplicate {
            out.duplicates += 1;
            continue;
        }
        out.utf16 += usize::from(converted);
        let mut annotation = Annotation {
            id: ids.take(span.id.as_deref()),
            tag,
            note: span.note,
            start,
            end,
            created: now.to_owned(),
            modified: now.to_owned(),
        };
        let mut quote = Quote::at(&text, start, end);
        if widen_to_characters(&text, &mut annotation, &mut quote) {
            widened += 1;
        }
        annotations.push((annotation, quote));
    }
    out.file = Some(ImportedFile {
        text_sha256: sha256_hex(release.text.as_bytes()),
        text: release.text.clone(),
        exported: None,
        symbol: release.symbol,
        headline: release.headline,
        tags: tags.into_tags(),
        annotations,
        orphans: Vec::new(),
        widened,
    });
    out
}

/// The span's code-point offsets, checked against the text. When the tool
/// gave the covered text and it matches only if the offsets are read as
/// UTF-16 code units (JavaScript's and Java's count), they are converted and
/// the third value says so.
fn locate(text: &Indexed, span: &ForeignSpan) -> Result<(usize, usize, bool), String> {
    let (start, end) = (span.start, span.end);
    let len = text.len_chars();
    let agrees = |s: usize, e: usize| {
        span.exact
            .as_deref()
            .is_none_or(|exact| same_covered_text(exact, text.slice(s, e)))
    };
    if start < end && end <= len && agrees(start, end) {
        return Ok((start, end, false));
    }
    if let Some((s, e)) = from_utf16(text.text, start, end) {
        if span.exact.is_some() && s < e && agrees(s, e) {
            return Ok((s, e, true));
        }
    }
    if start > end {
        return Err(format!("start {start} is after end {end}"));
    }
    if start == end {
        return Err(format!("it is empty (start and end are both {start})"));
    }
    if end > len {
        return Err(format!(
            "end {end} is past the end of the text ({len} code points)"
        ));
    }
    let exact = span.exact.as_deref().unwrap_or_default();
    Err(format!(
        "its text {:?} does not match the text at {start}–{end}, which reads {:?}",
        shorten(exact, 40),
        shorten(text.slice(start, end), 40)
    ))
}

fn from_utf16(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    match chars_of_utf16(text, &[start, end])[..] {
        [Some(s), Some(e)] => Some((s, e)),
        _ => None,
    }
}

/// Whether a tool's copy of a span's text is the text: exactly, or with
/// line breaks written as spaces (brat's `.ann` lines cannot hold them).
fn same_covered_text(given: &str, actual: &str) -> bool {
    given == actual
        || (given.chars().count() == actual.chars().count()
            && given.chars().zip(actual.chars()).all(|(g, a)| {
                g == a || (g == ' ' && matches!(a, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}'))
            }))
}

/// Tags by name: the palette's, then new ones as labels need them.
struct TagTable {
    tags: Vec<Tag>,
    by_label: HashMap<String, String>,
}

/// Colours for new tags, after the palette's: the Okabe–Ito set and a few
/// more, each readable with black text.
const NEW_TAG_COLORS: &[&str] = &[
    "#56b4e9", "#009e73", "#e69f00", "#d55e00", "#cc79a7", "#f0e442", "#88ccee", "#44aa99",
    "#ddcc77", "#aa99ee", "#ee8866", "#bbcc33", "#99ddff", "#ffaabb",
];

impl TagTable {
    fn new(palette: &[Tag]) -> Self {
        TagTable {
            tags: palette.to_vec(),
            by_label: HashMap::new(),
        }
    }

    /// The id of the tag named `label`, made if there is none.
    fn id_for(&mut self, label: &str, color: Option<&str>) -> Result<String, String> {
        if let Some(id) = self.by_label.get(label) {
            return Ok(id.clone());
        }
        let name = clean_tag_name(label).map_err(|e| format!("label {label:?}: {e}"))?;
        let id = match self.tags.iter().find(|t| same_name(&t.name, &name)) {
            Some(tag) => tag.id.clone(),
            None => {
                let color = color
                    .and_then(|c| clean_color(c).ok())
                    .unwrap_or_else(|| self.free_color());
                let id = self.free_id(&name);
                self.tags.push(Tag {
                    id: id.clone(),
                    name,
                    color,
                });
                id
            }
        };
        self.by_label.insert(label.to_owned(), id.clone());
        Ok(id)
    }

    fn free_color(&self) -> String {
        let used = |c: &&str| self.tags.iter().any(|t| t.color == *c);
        let pick = NEW_TAG_COLORS
            .iter()
            .find(|c| !used(c))
            .unwrap_or(&NEW_TAG_COLORS[self.tags.len() % NEW_TAG_COLORS.len()]);
        (*pick).to_owned()
    }

    /// `tag-<name as a slug>`, numbered if taken.
    fn free_id(&self, name: &str) -> String {
        let slug = crate::annotate::slug(&name.to_lowercase(), 40);
        let base = if slug.is_empty() {
            "tag".to_owned()
        } else {
            format!("tag-{slug}")
        };
        let taken = |id: &str| self.tags.iter().any(|t| t.id == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    fn into_tags(self) -> Vec<Tag> {
        self.tags
    }
}

/// Annotation ids: the tool's when usable, else `<prefix>-<n>`.
struct IdTable {
    prefix: String,
    used: Vec<String>,
    next: usize,
}

impl IdTable {
    fn new(prefix: &str) -> Self {
        IdTable {
            prefix: prefix.to_owned(),
            used: Vec::new(),
            next: 1,
        }
    }

    fn take(&mut self, wanted: Option<&str>) -> String {
        let id = match wanted {
            Some(id) if check_id(id).is_ok() && !self.used.iter().any(|u| u == id) => id.to_owned(),
            _ => loop {
                let id = format!("{}-{}", self.prefix, self.next);
                self.next += 1;
                if !self.used.contains(&id) {
                    break id;
                }
            },
        };
        self.used.push(id.clone());
        id
    }
}
