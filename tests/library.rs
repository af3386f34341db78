//! The library's views across releases, on our own UN-style fixture
//! releases (tests/fixtures/library/), which share delegations under
//! different printed forms: people and delegations, codes by delegation,
//! search, the CSV and the corpus file.

use std::collections::HashMap;
use std::rc::Rc;

use rapporteur::annotate::{default_tags, AnnotationSet, NewAnnotation, Session};
use rapporteur::document::Document;
use rapporteur::library::corpus::CorpusEntry;
use rapporteur::library::csv_export::CsvRelease;
use rapporteur::library::{
    code_matrix, corpus_json, import_corpus, library_csv, passages, people, search, turns_of,
    ReleaseRef, RowKind, SearchText, Summary, Who, Work, CSV_COLUMNS,
};
use rapporteur::parse;

const FIXTURES: [&str; 4] = [
    "sc-grain-corridor",
    "ga-food-security",
    "sc-maritime-security",
    "ecosoc-rural-women",
];

struct Release {
    id: String,
    document: Document,
    summary: Summary,
    work: Work,
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/library/{name}.txt")).unwrap()
}

/// Annotates `quote` (its first occurrence) with `tag`.
fn annotate(session: &mut Session, document: &Document, id: &str, tag: &str, quote: &str) {
    let byte = document
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} is in the text"));
    let start = document.text[..byte].chars().count();
    session
        .annotate(
            document,
            NewAnnotation {
                id: id.into(),
                tag: tag.into(),
                note: String::new(),
                start,
                end: start + quote.chars().count(),
                now: "2026-12-02T10:00:00.000Z".into(),
            },
        )
        .unwrap();
}

/// The four releases; the first two tagged.
fn library() -> Vec<Release> {
    FIXTURES
        .iter()
        .map(|name| {
            let document = parse(&fixture(name));
            let mut session = Session::new(AnnotationSet::default());
            match *name {
                "sc-grain-corridor" => {
                    annotate(
                        &mut session,
                        &document,
                        "g1",
                        "concern",
                        "the convoys were delayed by security checks",
                    );
                    annotate(
                        &mut session,
                        &document,
                        "g2",
                        "proposal",
                        "ready to discuss a monitoring mechanism",
                    );
                    annotate(
                        &mut session,
                        &document,
                        "g3",
                        "commitment",
                        "fund 12 additional mobile clinics",
                    );
                    annotate(
                        &mut session,
                        &document,
                        "g4",
                        "claim",
                        "humanitarian corridors must be protected by international law",
                    );
                }
                "ga-food-security" => {
                    annotate(
                        &mut session,
                        &document,
                        "f1",
                        "concern",
                        "unilateral sanctions are the main obstacle",
                    );
                    annotate(
                        &mut session,
                        &document,
                        "f2",
                        "claim",
                        "humanitarian corridors had saved lives",
                    );
                }
                _ => {}
            }
            let summary = Summary::of(&document);
            Release {
                id: (*name).to_owned(),
                work: Work::of(session.set()),
                summary,
                document,
            }
        })
        .collect()
}

fn refs(releases: &[Release]) -> Vec<ReleaseRef<'_>> {
    releases
        .iter()
        .map(|r| ReleaseRef {
            id: &r.id,
            summary: &r.summary,
            work: &r.work,
        })
        .collect()
}

#[test]
fn one_delegation_under_every_form_with_its_meetings_and_turns() {
    let releases = library();
    let all = people(&refs(&releases));
    let find = |name: &str| {
        all.delegations
            .iter()
            .find(|p| p.label == name)
            .unwrap_or_else(|| panic!("{name} is listed"))
    };
    let russia = find("Russian Federation");
    assert_eq!(russia.releases.len(), 4, "NEBENZIA (Russian Federation) and \"the representative of the Russian Federation\" are one delegation");
    assert_eq!(russia.turns, 4);
    assert_eq!(
        find("United Kingdom").releases,
        [
            "sc-grain-corridor",
            "ga-food-security",
            "sc-maritime-security"
        ]
    );
    assert_eq!(find("Malta").turns, 3);
    assert_eq!(find("China").releases.len(), 3);
    // The same person in three meetings is one speaker.
    let woodward = all
        .speakers
        .iter()
        .find(|p| p.label == "BARBARA WOODWARD")
        .unwrap();
    assert_eq!(woodward.releases.len(), 2);
    assert_eq!(woodward.detail, ["United Kingdom"]);

    let texts: HashMap<&str, &str> = releases
        .iter()
        .map(|r| (r.id.as_str(), r.document.text.as_str()))
        .collect();
    let lines = turns_of(&refs(&releases), &Who::Delegation("Malta".into()), |id| {
        texts.get(id).copied()
    });
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].release_label, "SC/16021");
    assert!(lines[0]
        .excerpt
        .as_deref()
        .unwrap()
        .starts_with("The representative of Malta said that humanitarian corridors"));
    let paragraph = &releases[0].document.paragraphs[lines[0].paragraph];
    assert_eq!(
        paragraph
            .speaker
            .map(|s| releases[0].document.speakers[s].affiliation.clone()),
        Some(Some("Malta".to_owned()))
    );
    // Without texts in memory, the lines come without words.
    assert!(
        turns_of(&refs(&releases), &Who::Delegation("Malta".into()), |_| None)
            .iter()
            .all(|l| l.excerpt.is_none())
    );
}

#[test]
fn codes_by_delegation_count_each_tag_and_list_the_passages() {
    let releases = library();
    let tags = default_tags();
    let matrix = code_matrix(&refs(&releases), &tags, RowKind::Delegations);
    let cell = |row: &str, tag: &str| {
        let r = matrix
            .rows
            .iter()
            .position(|x| x == row)
            .unwrap_or_else(|| panic!("row {row}"));
        let c = matrix.tags.iter().position(|(id, _)| id == tag).unwrap();
        matrix.counts[r][c]
    };
    assert_eq!(
        cell("Russian Federation", "concern"),
        2,
        "one in each of two meetings"
    );
    assert_eq!(cell("Russian Federation", "proposal"), 1);
    assert_eq!(cell("United Kingdom", "commitment"), 1);
    assert_eq!(cell("United Kingdom", "claim"), 1);
    assert_eq!(cell("Malta", "claim"), 1);
    assert_eq!(matrix.rows[0], "Russian Federation", "rows sorted by total");
    assert_eq!(matrix.totals[0], 3);
    assert_eq!(matrix.max, 2);
    let found = passages(
        &refs(&releases),
        RowKind::Delegations,
        "Russian Federation",
        "concern",
    );
    assert_eq!(
        found
            .iter()
            .map(|p| p.annotation.as_str())
            .collect::<Vec<_>>(),
        ["g1", "f1"]
    );
    assert_eq!(found[0].release_label, "SC/16021");

    let by_speaker = code_matrix(&refs(&releases), &tags, RowKind::Speakers);
    assert!(by_speaker
        .rows
        .contains(&"VASSILY NEBENZIA (Russian Federation)".to_owned()));
    assert!(by_speaker
        .rows
        .contains(&"BARBARA WOODWARD (United Kingdom)".to_owned()));
}

#[test]
fn search_finds_a_phrase_in_two_releases_whatever_its_case_and_accents() {
    let releases = library();
    let texts: Vec<SearchText> = releases
        .iter()
        .map(|r| SearchText::new(Rc::from(r.document.text.as_str()), &r.summary))
        .collect();
    let pairs: Vec<_> = refs(&releases).into_iter().zip(texts.iter()).collect();
    let results = search(&pairs, "HUMANITARIAN CORRIDORS", 100);
    assert_eq!(results.releases, 2);
    assert_eq!(results.total, 4);
    for hit in &results.hits {
        let release = releases.iter().find(|r| r.id == hit.release).unwrap();
        assert_eq!(
            release.document.slice(hit.start, hit.end).to_lowercase(),
            "humanitarian corridors"
        );
    }
    let malta = results
        .hits
        .iter()
        .find(|h| h.speaker.as_deref() == Some("The representative of Malta"))
        .unwrap();
    assert_eq!(malta.release_label, "SC/16021");
    // Accents and case folded alike.
    let brazil = search(&pairs, "sergio franca danese", 100);
    assert_eq!(brazil.releases, 2);
    assert_eq!(brazil.hits[0].matched, "SÉRGIO FRANÇA DANESE");
    assert_eq!(search(&pairs, "akerblom", 100).total, 1);
}

#[test]
fn every_annotation_is_one_csv_row_that_a_csv_reader_reads_back() {
    let releases = library();
    let csv_releases: Vec<CsvRelease> = releases
        .iter()
        .map(|r| CsvRelease {
            summary: &r.summary,
            text: &r.document.text,
            work: &r.work,
        })
        .collect();
    let csv = library_csv(&csv_releases, &default_tags());
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let g1 = rows.iter().find(|r| &r[17] == "g1").unwrap();
    assert_eq!(&g1[0], "SC/16021");
    assert_eq!(&g1[2], "2025-03-04");
    assert_eq!(&g1[3], "Security Council");
    assert_eq!(&g1[4], "9731st Meeting (AM)");
    assert_eq!(&g1[6], "VASSILY NEBENZIA");
    assert_eq!(&g1[7], "Russian Federation");
    assert_eq!(&g1[10], "Concern");
    assert_eq!(&g1[12], "the convoys were delayed by security checks");
    let (start, end): (usize, usize) = (g1[13].parse().unwrap(), g1[14].parse().unwrap());
    assert_eq!(releases[0].document.slice(start, end), &g1[12]);
    // A session printed with the meeting names it too.
    let food = rows.iter().find(|r| &r[0] == "GA/12688").unwrap();
    assert_eq!(&food[4], "Seventy-ninth Session, 41st Meeting (PM)");
}

#[test]
fn the_whole_library_round_trips_through_one_corpus_file() {
    let releases = library();
    let sets: Vec<AnnotationSet> = releases
        .iter()
        .map(|r| r.work.with_tags(&default_tags()))
        .collect();
    let entries: Vec<CorpusEntry> = releases
        .iter()
        .zip(&sets)
        .map(|(r, set)| CorpusEntry {
            document: &r.document,
            set,
            added: Some("2026-12-01T08:00:00.000Z"),
        })
        .collect();
    let json = corpus_json(&entries, &default_tags(), "2026-12-02T10:00:00.000Z");
    let corpus = import_corpus(json.as_bytes()).unwrap();
    assert_eq!(corpus.tags, default_tags());
    assert_eq!(corpus.releases.len(), 4);
    for (release, imported) in releases.iter().zip(&corpus.releases) {
        assert_eq!(imported.file.text, release.document.text);
        let placed = imported.file.place(&release.document);
        assert_eq!(Work::of(&placed.set), release.work);
        assert_eq!(imported.added.as_deref(), Some("2026-12-01T08:00:00.000Z"));
    }
}
