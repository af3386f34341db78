//! brat standoff. Each release is a `.txt` (our text, exactly) and a `.ann`:
//!
//! ```text
//! T1<TAB>Claim 120 158<TAB>the Council must act now
//! #1<TAB>AnnotatorNotes T1<TAB>Check the verbatim record.
//! T2<TAB>Press_freedom 400 415;417 430<TAB>end of one line start of next
//! ```
//!
//! Offsets count code points, as brat (Python) does. A span that crosses a
//! line break is written as brat itself writes it: one fragment per line,
//! the covered text joined by spaces; reading takes the first fragment's
//! start and the last one's end. Tag names become brat type names (ASCII
//! letters, digits, `_`); `visual.conf` maps each type back to the tag's
//! name and colour, and `annotation.conf` declares the types. A note is one
//! `AnnotatorNotes` line per line of the note.

use std::collections::HashMap;

use super::archive::write_zip;
use super::{text_of, ExportError, ImportedRelease, Loaded, Release};
use crate::annotate::{
    assemble, exported_annotations, slug, ForeignRelease, ForeignSpan, ImportError, Problems, Tag,
};
use crate::text::CharIndex;

// ---- export ---------------------------------------------------------------

/// The zip: `<stem>.txt` and `<stem>.ann` per release, then the two
/// configuration files for every tag of every release.
pub(crate) fn export(releases: &[Release], stems: &[String]) -> Result<Vec<u8>, ExportError> {
    let types = TypeNames::of(releases);
    let mut files = Vec::new();
    for ((document, set), stem) in releases.iter().zip(stems) {
        files.push((format!("{stem}.txt"), document.text.clone().into_bytes()));
        files.push((
            format!("{stem}.ann"),
            ann(document, set, &types).into_bytes(),
        ));
    }
    files.push((
        "annotation.conf".to_owned(),
        types.annotation_conf().into_bytes(),
    ));
    files.push(("visual.conf".to_owned(), types.visual_conf().into_bytes()));
    write_zip(&files)
}

/// The `.ann` of one release.
pub(crate) fn ann(
    document: &crate::document::Document,
    set: &crate::annotate::AnnotationSet,
    types: &TypeNames,
) -> String {
    let mut out = String::new();
    let mut notes = 0;
    for (n, a) in exported_annotations(document, set).iter().enumerate() {
        let name = a.tag_name.as_deref().unwrap_or(&a.tag);
        let fragments = fragments(&a.exact, a.start);
        let spans: Vec<String> = fragments
            .iter()
            .map(|(s, e, _)| format!("{s} {e}"))
            .collect();
        let covered: Vec<&str> = fragments.iter().map(|(_, _, t)| *t).collect();
        let id = n + 1;
        out.push_str(&format!(
            "T{id}\t{} {}\t{}\n",
            types.type_of(name),
            spans.join(";"),
            covered.join(" ")
        ));
        for line in a.note.lines().map(|l| l.replace('\t', " ")) {
            if line.trim().is_empty() {
                continue;
            }
            notes += 1;
            out.push_str(&format!("#{notes}\tAnnotatorNotes T{id}\t{line}\n"));
        }
    }
    out
}

/// The pieces of a span's text between line breaks, with their code-point
/// offsets: `(start, end, text)`. Empty pieces (blank lines) are left out.
fn fragments(exact: &str, start: usize) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut at = start;
    for piece in exact.split('\n') {
        let piece_chars = piece.chars().count();
        let trimmed = piece.strip_suffix('\r').unwrap_or(piece);
        if !trimmed.is_empty() {
            out.push((at, at + trimmed.chars().count(), trimmed));
        }
        at += piece_chars + 1;
    }
    if out.is_empty() {
        out.push((start, start + exact.chars().count(), exact));
    }
    out
}

/// brat type names for tag names, unique and reversible through
/// `visual.conf`.
pub(crate) struct TypeNames {
    /// (tag name, type name, colour), in palette order.
    entries: Vec<(String, String, String)>,
}

impl TypeNames {
    pub(crate) fn of(releases: &[Release]) -> Self {
        let mut tags: Vec<&Tag> = Vec::new();
        for (_, set) in releases {
            for tag in set.tags() {
                if !tags.iter().any(|t| t.name == tag.name) {
                    tags.push(tag);
                }
            }
        }
        let mut entries: Vec<(String, String, String)> = Vec::new();
        for tag in tags {
            let base = type_name(&tag.name);
            let taken = |t: &str| entries.iter().any(|(_, e, _)| e.eq_ignore_ascii_case(t));
            let unique = if taken(&base) {
                (2..)
                    .map(|n| format!("{base}_{n}"))
                    .find(|t| !taken(t))
                    .unwrap_or(base)
            } else {
                base
            };
            entries.push((tag.name.clone(), unique, tag.color.clone()));
        }
        TypeNames { entries }
    }

    fn type_of(&self, name: &str) -> String {
        self.entries
            .iter()
            .find(|(n, _, _)| n == name)
            .map_or_else(|| type_name(name), |(_, t, _)| t.clone())
    }

    fn annotation_conf(&self) -> String {
        let mut out = String::from(
            "# Written by Rapporteur: one entity type per tag. visual.conf gives each\n\
             # type its tag's name and colour.\n[entities]\n",
        );
        for (_, t, _) in &self.entries {
            out.push_str(t);
            out.push('\n');
        }
        out.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
        out
    }

    fn visual_conf(&self) -> String {
        let mut out = String::from("[labels]\n");
        for (name, t, _) in &self.entries {
            // `|` separates brat's alternative names.
            out.push_str(&format!("{t} | {}\n", name.replace('|', "/")));
        }
        out.push_str("\n[drawing]\n");
        for (_, t, color) in &self.entries {
            out.push_str(&format!("{t}\tbgColor:{color}\n"));
        }
        out
    }
}

/// A tag name as a brat type: ASCII letters and digits joined by `_`
/// (accents dropped), starting with a letter; `Tag` if nothing is left.
fn type_name(name: &str) -> String {
    let plain = slug(name, 60).replace('-', "_");
    match plain.chars().next() {
        None => "Tag".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("Tag_{plain}"),
        Some(_) => plain,
    }
}

// ---- import ---------------------------------------------------------------

/// Every `.ann` of the files with the `.txt` of the same name.
pub(crate) fn import(
    files: &[Loaded],
    palette: &[Tag],
    now: &str,
    limit: u64,
) -> Result<Vec<ImportedRelease>, ImportError> {
    let visual = files
        .iter()
        .find(|f| f.name.rsplit('/').next() == Some("visual.conf"))
        .map(|f| read_visual_conf(&String::from_utf8_lossy(&f.bytes)))
        .unwrap_or_default();
    let declared = files
        .iter()
        .find(|f| f.name.rsplit('/').next() == Some("annotation.conf"))
        .map(|f| read_entity_types(&String::from_utf8_lossy(&f.bytes)))
        .unwrap_or_default();
    let label_of = |t: &str| -> String {
        visual
            .get(t)
            .map_or_else(|| t.to_owned(), |(name, _)| name.clone())
    };
    let mut problems = Problems::default();
    let mut out = Vec::new();
    let mut anns: Vec<&Loaded> = files.iter().filter(|f| f.extension() == "ann").collect();
    crate::sort::sort_by_key(&mut anns, |f| f.name.clone());
    for ann_file in anns {
        let base = ann_file.name.strip_suffix(".ann").unwrap_or(&ann_file.name);
        let Some(txt) = files
            .iter()
            .find(|f| f.name == format!("{base}.txt") || f.name == format!("{base}.TXT"))
        else {
            problems.add(
                short(&ann_file.name),
                format!(
                    "there is no {}.txt beside it: brat keeps the text there",
                    short(base)
                ),
            );
            continue;
        };
        let text = text_of(txt, limit)?;
        let ann_text = text_of(ann_file, limit)?;
        let mut notices = Vec::new();
        let spans = read_ann(
            ann_text,
            &ann_file.name,
            &Pieces::new(text),
            &label_of,
            &mut problems,
            &mut notices,
        );
        // Declared types first, in order; then those only visual.conf names.
        let mut types: Vec<&String> = declared.iter().collect();
        let mut extra: Vec<&String> = visual.keys().filter(|t| !declared.contains(t)).collect();
        crate::sort::sort(&mut extra);
        types.extend(extra);
        let labels: Vec<(String, Option<String>)> = types
            .into_iter()
            .map(|t| (label_of(t), visual.get(t).and_then(|(_, c)| c.clone())))
            .collect();
        let release = ForeignRelease {
            text: text.to_owned(),
            labels,
            spans,
            ..ForeignRelease::default()
        };
        let assembled = assemble(release, palette, now, "brat", &mut problems);
        if assembled.duplicates > 0 {
            notices.push(format!(
                "{} span(s) were given twice with the same type and note and were imported once",
                assembled.duplicates
            ));
        }
        if assembled.utf16 > 0 {
            notices.push(format!(
                "{} span(s) counted UTF-16 code units (as JavaScript tools do) and were \
                 converted to code points",
                assembled.utf16
            ));
        }
        if let Some(file) = assembled.file {
            out.push(ImportedRelease {
                name: short(&ann_file.name).to_owned(),
                file,
                notices,
            });
        }
    }
    match problems.into_error() {
        Some(error) => Err(error),
        None if out.is_empty() => Err(ImportError::NotOurFormat(
            "there is no brat .ann file among the files".to_owned(),
        )),
        None => Ok(out),
    }
}

fn short(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// The text-bound annotations of an `.ann` with their notes. Relations,
/// events, attributes and normalisations have no place in Rapporteur and
/// are counted in a notice.
fn read_ann(
    ann: &str,
    file: &str,
    text: &Pieces,
    label_of: &dyn Fn(&str) -> String,
    problems: &mut Problems,
    notices: &mut Vec<String>,
) -> Vec<ForeignSpan> {
    let file = short(file);
    let mut spans: Vec<ForeignSpan> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut notes: Vec<(String, String, String)> = Vec::new();
    let mut skipped: HashMap<&'static str, usize> = HashMap::new();
    for (n, line) in ann.lines().enumerate() {
        let here = format!("{file} line {}", n + 1);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (id, middle, rest) = (fields.next().unwrap_or(""), fields.next(), fields.next());
        match id.chars().next() {
            Some('T') => match read_text_bound(id, middle, rest, label_of, text) {
                Ok((span, joined)) => {
                    if joined {
                        notices.push(format!(
                            "{file}: {id} is in pieces with text between them; it was imported \
                             as one span from its first piece to its last"
                        ));
                    }
                    index.insert(id.to_owned(), spans.len());
                    spans.push(ForeignSpan {
                        location: format!("{id} ({here})"),
                        ..span
                    });
                }
                Err(message) => problems.add(here, message),
            },
            Some('#') => {
                let mut words = middle.unwrap_or("").split(' ');
                let (kind, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
                if kind == "AnnotatorNotes" && !target.is_empty() {
                    notes.push((target.to_owned(), rest.unwrap_or("").to_owned(), here));
                } else {
                    problems.add(
                        here,
                        "a note line must read #N<TAB>AnnotatorNotes T<N><TAB>note",
                    );
                }
            }
            Some('R') => *skipped.entry("relation").or_default() += 1,
            Some('E') => *skipped.entry("event").or_default() += 1,
            Some('A' | 'M') => *skipped.entry("attribute").or_default() += 1,
            Some('N') => *skipped.entry("normalization").or_default() += 1,
            Some('*') => *skipped.entry("equivalence").or_default() += 1,
            _ => problems.add(
                here,
                format!("{:?} is not a brat annotation line", shorten(line)),
            ),
        }
    }
    for (target, note, here) in notes {
        match index.get(&target) {
            Some(&i) => {
                let existing = &mut spans[i].note;
                if !existing.is_empty() {
                    existing.push('\n');
                }
                existing.push_str(&note);
            }
            None => {
                if target.starts_with('T') {
                    problems.add(
                        here,
                        format!("the note is on {target}, which is not in the file"),
                    );
                } else {
                    *skipped.entry("note on a non-span annotation").or_default() += 1;
                }
            }
        }
    }
    let mut kinds: Vec<(&str, usize)> = skipped.into_iter().collect();
    crate::sort::sort(&mut kinds);
    for (kind, count) in kinds {
        notices.push(format!(
            "{file}: {count} {kind} line(s) were not imported: Rapporteur keeps tagged spans only"
        ));
    }
    spans
}

/// `T1<TAB>Type 12 20;21 30<TAB>text`, and whether its pieces had more
/// than whitespace between them (a discontinuous span, joined).
fn read_text_bound(
    id: &str,
    middle: Option<&str>,
    rest: Option<&str>,
    label_of: &dyn Fn(&str) -> String,
    text: &Pieces,
) -> Result<(ForeignSpan, bool), String> {
    let middle = middle.ok_or("a span line must read T<N><TAB>Type start end<TAB>text")?;
    let (kind, ranges) = middle
        .split_once(' ')
        .ok_or_else(|| format!("{middle:?} has a type but no offsets"))?;
    let mut fragments = Vec::new();
    for range in ranges.split(';') {
        let mut numbers = range.split_whitespace().map(str::parse::<usize>);
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(Ok(s)), Some(Ok(e)), None) => fragments.push((s, e)),
            _ => return Err(format!("{range:?} is not a pair of offsets such as 12 20")),
        }
    }
    let (start, end) = match (fragments.first(), fragments.last()) {
        (Some(&(s, _)), Some(&(_, e))) => (s, e),
        _ => return Err("the span has no offsets".to_owned()),
    };
    // One fragment: the core checks the text (line breaks as spaces).
    // Several: each piece is checked here, as brat joins them with spaces.
    let (exact, joined) = match (rest, fragments.len()) {
        (Some(covered), 1) => (Some(covered.to_owned()), false),
        (covered, _) => (None, text.check(&fragments, covered.unwrap_or(""))?),
    };
    let span = ForeignSpan {
        location: id.to_owned(),
        id: Some(id.to_owned()),
        label: label_of(kind),
        note: String::new(),
        start,
        end,
        exact,
    };
    Ok((span, joined))
}

/// The text of a `.txt`, sliced by code points, for checking pieces.
struct Pieces<'a> {
    text: &'a str,
    index: CharIndex,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str) -> Self {
        Pieces {
            text,
            index: CharIndex::new(text),
        }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let from = self.index.byte_of_char(self.text, start);
        let to = self.index.byte_of_char(self.text, end.max(start));
        &self.text[from..to]
    }

    /// Checks each piece against its part of `covered` (pieces joined by
    /// one space, line breaks as spaces); returns whether anything but
    /// whitespace lies between the pieces.
    fn check(&self, fragments: &[(usize, usize)], covered: &str) -> Result<bool, String> {
        let len = self.index.len_chars();
        let mut rest = covered;
        let mut joined = false;
        let mut previous_end: Option<usize> = None;
        for &(s, e) in fragments {
            if s >= e || e > len || previous_end.is_some_and(|p| s < p) {
                return Err(format!(
                    "the piece {s} {e} is empty, out of order or past the end of the text \
                     ({len} code points)"
                ));
            }
            if let Some(p) = previous_end {
                joined |= !self.slice(p, s).trim().is_empty();
            }
            let actual = self.slice(s, e);
            let count = actual.chars().count();
            let given: String = rest.chars().take(count).collect();
            let same = given
                .chars()
                .zip(actual.chars())
                .all(|(g, a)| g == a || (g == ' ' && a.is_whitespace()))
                && given.chars().count() == count;
            if !same {
                return Err(format!(
                    "its text {:?} does not match the text at {s}–{e}, which reads {:?}",
                    shorten(&given),
                    shorten(actual)
                ));
            }
            rest = rest.get(given.len()..).unwrap_or("");
            rest = rest.strip_prefix(' ').unwrap_or(rest);
            previous_end = Some(e);
        }
        Ok(joined)
    }
}

fn shorten(s: &str) -> String {
    s.chars().take(40).collect()
}

/// `[labels]` lines `Type | Name | Short` and `[drawing]` lines
/// `Type<TAB>bgColor:#rrggbb`.
fn read_visual_conf(conf: &str) -> HashMap<String, (String, Option<String>)> {
    let mut out: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut section = "";
    for line in conf.lines().map(str::trim) {
        if line.starts_with('[') && line.ends_with(']') {
            section = if line == "[labels]" {
                "labels"
            } else if line == "[drawing]" {
                "drawing"
            } else {
                ""
            };
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if section == "labels" {
            let mut parts = line.split('|').map(str::trim);
            if let (Some(t), Some(name)) = (parts.next(), parts.next()) {
                if !name.is_empty() {
                    out.entry(t.to_owned()).or_insert((t.to_owned(), None)).0 = name.to_owned();
                }
            }
        } else if section == "drawing" {
            let mut parts = line.split_whitespace();
            let t = parts.next().unwrap_or("");
            let color = line
                .split(|c: char| c == ',' || c.is_whitespace())
                .find_map(|p| p.strip_prefix("bgColor:"));
            if let Some(color) = color {
                out.entry(t.to_owned()).or_insert((t.to_owned(), None)).1 = Some(color.to_owned());
            }
        }
    }
    out
}

/// The types of `[entities]`, in order (indentation, used by brat for
/// hierarchy, is ignored; `!` marks a type that cannot be used).
fn read_entity_types(conf: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in conf.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[entities]";
            continue;
        }
        if inside && !line.is_empty() && !line.starts_with('#') && !line.starts_with('!') {
            let name = line.split_whitespace().next().unwrap_or(line);
            out.push(name.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_brat_safe() {
        assert_eq!(type_name("Press freedom"), "Press_freedom");
        assert_eq!(type_name("Déjà vu!"), "Deja_vu");
        assert_eq!(type_name("2024 goals"), "Tag_2024_goals");
        assert_eq!(type_name("東京"), "Tag");
    }

    #[test]
    fn spans_across_lines_become_fragments() {
        assert_eq!(
            fragments("ab\n\ncd", 10),
            vec![(10, 12, "ab"), (14, 16, "cd")]
        );
        assert_eq!(fragments("x", 3), vec![(3, 4, "x")]);
    }

    #[test]
    fn visual_conf_gives_names_and_colours() {
        let conf = "[labels]\nPress_freedom | Press freedom | PF\n\n[drawing]\nPress_freedom\tbgColor:#aabbcc, fgColor:black\n";
        let read = read_visual_conf(conf);
        assert_eq!(
            read["Press_freedom"],
            ("Press freedom".to_owned(), Some("#aabbcc".to_owned()))
        );
    }
}
