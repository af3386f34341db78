//! Every annotation of the library as one CSV row, for spreadsheets and
//! statistics: RFC 4180 quoting through the `csv` crate (a note with
//! commas, quotes, line breaks or emoji stays one field), UTF-8 with a
//! byte-order mark. The mark is what makes Excel read the file as UTF-8 when
//! it is opened by a double click (without it Excel guesses the system code
//! page and garbles accents and emoji); LibreOffice, Google Sheets, pandas
//! and Python's `csv` with `encoding="utf-8-sig"` read it either way.
//! Offsets count code points, end-exclusive, into the release's text.

use crate::annotate::Tag;
use crate::text::CharIndex;

use super::summary::Summary;
use super::Work;

/// The header row, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "release_symbol",
    "release_title",
    "date",
    "body",
    "meeting",
    "paragraph",
    "speaker",
    "delegation",
    "role",
    "on_behalf_of",
    "tag",
    "note",
    "exact_text",
    "start",
    "end",
    "created",
    "modified",
    "annotation_id",
];

/// One release for the CSV.
pub struct CsvRelease<'a> {
    pub summary: &'a Summary,
    pub text: &'a str,
    pub work: &'a Work,
}

/// The CSV file: a BOM, the header, then one row per annotation, release
/// by release in reading order; annotations that lost their place
/// ("not placed") follow their release's with empty offsets and their
/// quoted text.
pub fn library_csv(releases: &[CsvRelease<'_>], tags: &[Tag]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(CSV_COLUMNS);
    let tag_name = |id: &str| {
        tags.iter()
            .find(|t| t.id == id)
            .map_or(id.to_owned(), |t| t.name.clone())
    };
    for release in releases {
        let summary = release.summary;
        let index = CharIndex::new(release.text);
        let slice = |start: usize, end: usize| {
            let from = index.byte_of_char(release.text, start);
            let to = index.byte_of_char(release.text, end.max(start));
            &release.text[from..to]
        };
        let opt = |value: &Option<String>| value.clone().unwrap_or_default();
        let mut annotations: Vec<_> = release.work.annotations.iter().collect();
        crate::sort::sort_by(&mut annotations, |a, b| {
            a.start.cmp(&b.start).then(b.end.cmp(&a.end))
        });
        for a in annotations {
            let paragraph = summary.paragraph_at(a.start);
            let speaker = summary.speaker_at(a.start);
            let _ = writer.write_record([
                opt(&summary.symbol),
                summary.title.clone(),
                opt(&summary.date),
                opt(&summary.body),
                opt(&summary.meeting),
                paragraph.map(|p| p.to_string()).unwrap_or_default(),
                speaker.map(|s| s.name.clone()).unwrap_or_default(),
                speaker
                    .and_then(|s| s.delegation.clone())
                    .unwrap_or_default(),
                speaker.and_then(|s| s.role.clone()).unwrap_or_default(),
                speaker
                    .and_then(|s| s.on_behalf_of.clone())
                    .unwrap_or_default(),
                tag_name(&a.tag),
                a.note.clone(),
                slice(a.start, a.end).to_owned(),
                a.start.to_string(),
                a.end.to_string(),
                a.created.clone(),
                a.modified.clone(),
                a.id.clone(),
            ]);
        }
        for o in &release.work.orphans {
            let a = &o.annotation;
            let _ = writer.write_record([
                opt(&summary.symbol),
                summary.title.clone(),
                opt(&summary.date),
                opt(&summary.body),
                opt(&summary.meeting),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                tag_name(&a.tag),
                a.note.clone(),
                o.quote.exact.clone(),
                String::new(),
                String::new(),
                a.created.clone(),
                a.modified.clone(),
                a.id.clone(),
            ]);
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// `rapporteur-library-2026-12-02.csv`.
pub fn csv_file_name(today: &str) -> String {
    format!(
        "rapporteur-library-{}.csv",
        today.get(..10).unwrap_or(today)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{default_tags, AnnotationSet, NewAnnotation, Session};
    use crate::parse;

    #[test]
    fn quotes_commas_newlines_and_emoji_stay_in_their_fields() {
        let document = parse("A release.\n\nThe plan, “bold” and 🎉 new, was adopted.");
        let mut session = Session::new(AnnotationSet::default());
        let start = document.text.chars().position(|c| c == '“').unwrap();
        session
            .annotate(
                &document,
                NewAnnotation {
                    id: "a1".into(),
                    tag: "claim".into(),
                    note: "She said \"yes\", then\nleft 🎉".into(),
                    start,
                    end: start + 12,
                    now: "2026-12-02T10:00:00Z".into(),
                },
            )
            .unwrap();
        let summary = Summary::of(&document);
        let work = Work::of(session.set());
        let csv = library_csv(
            &[CsvRelease {
                summary: &summary,
                text: &document.text,
                work: &work,
            }],
            &default_tags(),
        );
        assert!(csv.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][11], "She said \"yes\", then\nleft 🎉");
        assert_eq!(&rows[0][12], "“bold” and 🎉");
        assert_eq!(&rows[0][10], "Claim");
        assert_eq!(
            csv_file_name("2026-12-02T10:00:00Z"),
            "rapporteur-library-2026-12-02.csv"
        );
    }
}
