//! Our own export, `rapporteur-annotations/1`: the text the offsets point
//! into, the palette, and each annotation with its quote and where it sits
//! (speaker, paragraph). `docs/ANNOTATIONS.md` documents every field.

use serde::Serialize;

use crate::document::{Document, Meeting, Speaker};

use super::annotation::Quote;
use super::indexed::Indexed;
use super::set::AnnotationSet;
use super::tags::Tag;

/// The value of the `format` field.
pub const FORMAT: &str = "rapporteur-annotations/1";

/// One release's export, as a file holds it and as a corpus holds each
/// release.
#[derive(Serialize)]
pub(crate) struct ExportFile<'a> {
    format: &'static str,
    exported: &'a str,
    document: ExportDocument<'a>,
    tags: &'a [Tag],
    annotations: Vec<ExportedAnnotation>,
    orphans: Vec<ExportedOrphan>,
}

#[derive(Serialize)]
struct ExportDocument<'a> {
    text: &'a str,
    text_sha256: &'a str,
    /// Code points in `text`, so that a reader can check it counts alike.
    text_length: usize,
    symbol: Option<&'a str>,
    headline: Option<&'a str>,
    date: Option<&'a str>,
    meeting: Option<&'a Meeting>,
    speakers: &'a [Speaker],
}

/// An annotation as exported, with what is derived from the text: its
/// quote, the speaker whose turn it starts in and its paragraph. The app
/// can also use these for its list of annotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedAnnotation {
    pub id: String,
    pub tag: String,
    /// The tag's name when the annotation was exported, for readers.
    pub tag_name: Option<String>,
    pub note: String,
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Index into `document.speakers` of the turn holding `start`.
    pub speaker: Option<usize>,
    /// Index of the paragraph holding `start` (or the first paragraph the
    /// annotation reaches, if it starts between paragraphs).
    pub paragraph: Option<usize>,
    pub created: String,
    pub modified: String,
}

#[derive(Serialize)]
struct ExportedOrphan {
    id: String,
    tag: String,
    tag_name: Option<String>,
    note: String,
    exact: String,
    prefix: String,
    suffix: String,
    created: String,
    modified: String,
}

/// Each annotation of `set` with its derived fields, in reading order.
pub fn exported_annotations(document: &Document, set: &AnnotationSet) -> Vec<ExportedAnnotation> {
    let text = Indexed::of(document);
    let speakers = speaker_of_paragraph(document);
    set.in_reading_order()
        .into_iter()
        .map(|a| {
            let quote = Quote::at(&text, a.start, a.end);
            let paragraph = paragraph_of(document, a.start, a.end);
            ExportedAnnotation {
                id: a.id.clone(),
                tag: a.tag.clone(),
                tag_name: set.tag(&a.tag).map(|t| t.name.clone()),
                note: a.note.clone(),
                start: a.start,
                end: a.end,
                exact: quote.exact,
                prefix: quote.prefix,
                suffix: quote.suffix,
                speaker: paragraph.and_then(|p| speakers.get(p).copied().flatten()),
                paragraph,
                created: a.created.clone(),
                modified: a.modified.clone(),
            }
        })
        .collect()
}

/// The export file, pretty-printed. `exported` is the app's ISO-8601 now.
pub fn export_json(document: &Document, set: &AnnotationSet, exported: &str) -> String {
    // Plain structs of strings and numbers: serialising cannot fail.
    serde_json::to_string_pretty(&export_file(document, set, exported)).unwrap_or_default()
}

/// What [`export_json`] writes, before it is written.
pub(crate) fn export_file<'a>(
    document: &'a Document,
    set: &'a AnnotationSet,
    exported: &'a str,
) -> ExportFile<'a> {
    let orphans = set
        .orphans()
        .iter()
        .map(|o| ExportedOrphan {
            id: o.annotation.id.clone(),
            tag: o.annotation.tag.clone(),
            tag_name: set.tag(&o.annotation.tag).map(|t| t.name.clone()),
            note: o.annotation.note.clone(),
            exact: o.quote.exact.clone(),
            prefix: o.quote.prefix.clone(),
            suffix: o.quote.suffix.clone(),
            created: o.annotation.created.clone(),
            modified: o.annotation.modified.clone(),
        })
        .collect();
    ExportFile {
        format: FORMAT,
        exported,
        document: ExportDocument {
            text: &document.text,
            text_sha256: document.text_sha256(),
            text_length: document.char_index().len_chars(),
            symbol: document.symbol.as_deref(),
            headline: document.headline.as_deref(),
            date: document.date.as_deref(),
            meeting: document.meeting.as_ref(),
            speakers: &document.speakers,
        },
        tags: set.tags(),
        annotations: exported_annotations(document, set),
        orphans,
    }
}

/// The paragraph holding `start`, or else the first one starting inside
/// the span.
pub(crate) fn paragraph_of(document: &Document, start: usize, end: usize) -> Option<usize> {
    document.paragraph_at(start).or_else(|| {
        let next = document.paragraphs.partition_point(|p| p.start < start);
        document
            .paragraphs
            .get(next)
            .is_some_and(|p| p.start < end)
            .then_some(next)
    })
}

/// For each paragraph, the speaker whose turn it is part of: the
/// paragraph's own `speaker`, or else the speaker listing it.
pub(crate) fn speaker_of_paragraph(document: &Document) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = document.paragraphs.iter().map(|p| p.speaker).collect();
    for (s, speaker) in document.speakers.iter().enumerate() {
        for &p in &speaker.paragraphs {
            if let Some(slot @ None) = out.get_mut(p) {
                *slot = Some(s);
            }
        }
    }
    out
}
