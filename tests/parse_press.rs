//! The parser on ordinary corporate and government releases written for
//! these tests: every quotation shape, continued quotes, surnames, contact
//! blocks and boilerplate.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rapporteur::document::{DocumentKind, ParagraphRole};
use rapporteur::parse;
use support::*;

#[test]
fn header_dateline_and_kind() {
    let doc = parse(&fixture("press_release.txt"));
    assert_eq!(doc.kind, DocumentKind::PressRelease);
    assert_eq!((doc.meeting.as_ref(), doc.symbol.as_deref()), (None, None));
    assert_eq!(
        doc.headline.as_deref(),
        Some("Northwind Ferries Orders Six Battery-Electric Vessels for Harbour Routes, Cutting Fleet Emissions by Half")
    );
    assert_eq!(
        doc.subheadlines,
        ["Shipyard Partnership Brings 400 Jobs to Port Alder"]
    );
    assert_eq!(
        doc.dateline.as_deref(),
        Some("PORT ALDER, Wash., June 4, 2024 /PRNewswire/ --")
    );
    assert_eq!(doc.date.as_deref(), Some("2024-06-04"));
    assert_eq!((doc.began.as_ref(), doc.duration_minutes), (None, None));
}

#[test]
fn quoted_people_in_every_shape() {
    let doc = parse(&fixture("press_release.txt"));
    assert_speakers(
        &doc,
        &[
            // “...,” said NAME, TITLE of ORG.
            (
                "Ingrid Solberg-Mæland",
                Some("Northwind Ferries"),
                Some("chief executive"),
                "body",
            ),
            // “...,” SURNAME said. after `ORG TITLE NAME said ...` elsewhere
            (
                "Tomás Ó Briain",
                Some("Calloway Marine"),
                Some("President"),
                "body",
            ),
            // TITLE NAME, ..., said: “...”
            ("Denise Okafor", None, Some("Mayor"), "body"),
            // “...” says NAME, TITLE of ORG.
            (
                "Rafael Quintero-Ruiz",
                Some("Alder Basin Port Authority"),
                Some("director"),
                "body",
            ),
        ],
    );
}

#[test]
fn quotes_continue_and_surnames_resolve() {
    let doc = parse(&fixture("press_release.txt"));
    // The unattributed quotation paragraph after hers is hers, and so is the
    // later paragraph that names her by surname and quotes "she said".
    let turns = turn_openings(&doc, "Ingrid Solberg-Mæland");
    assert_eq!(
        turns,
        [
            "“Our passengers asked us ",
            "“Half of our fleet’s emis",
            "Solberg-Mæland added that"
        ]
    );
    assert_eq!(mention_texts(&doc, "Tomás Ó Briain"), ["Tomás Ó Briain"]);
}

#[test]
fn boilerplate_and_contacts_are_not_speakers() {
    let doc = parse(&fixture("press_release.txt"));
    let section_of = |needle: &str| {
        let i = (0..doc.paragraphs.len())
            .find(|&i| doc.paragraph_text(i).starts_with(needle))
            .unwrap();
        (doc.paragraphs[i].section.clone(), doc.paragraphs[i].speaker)
    };
    assert_eq!(
        section_of("Northwind Ferries operates"),
        ("boilerplate".into(), None)
    );
    assert_eq!(section_of("Hanne Lund"), ("contact".into(), None));
    assert_eq!(section_of("press@northwind"), ("contact".into(), None));
    assert_eq!(section_of("###"), ("footer".into(), None));
    assert_eq!(
        section_of("The charging stations"),
        ("Charging Infrastructure".into(), None)
    );
    assert!(doc.speakers.iter().all(|s| s.name != "Hanne Lund"));
}

#[test]
fn said_title_name_and_title_name_said() {
    let text = "County Launches Elder Safety Plan\n\n\
“Our elders deserve safety,” said District Attorney Summer Lindqvist-Ray.\n\n\
“We will train every deputy,” Sheriff Bo Tran said.\n\n\
“The plan is funded,” said County Supervisor Ada Obi, who chairs the board.\n\n\
Jane Doe, chief executive of Acme, said: “We will donate the software.”\n\n\
According to Lindqvist-Ray, “reports rose by a third last year.”\n";
    let doc = parse(text);
    assert_speakers(
        &doc,
        &[
            (
                "Summer Lindqvist-Ray",
                None,
                Some("District Attorney"),
                "body",
            ),
            ("Bo Tran", None, Some("Sheriff"), "body"),
            ("Ada Obi", None, Some("County Supervisor"), "body"),
            ("Jane Doe", Some("Acme"), Some("chief executive"), "body"),
        ],
    );
    assert_eq!(speaker(&doc, "Summer Lindqvist-Ray").paragraphs, [1, 5]);
}

#[test]
fn scare_quotes_and_company_statements_make_no_speaker() {
    let text = "Acme Expands\n\nAcme called the deal a “game changer” for the region.\n\n\
“We are pleased,” the company said.\n\nAnalysts described the plan as \"ambitious\".\n";
    let doc = parse(text);
    assert!(doc.speakers.is_empty(), "{:?}", speaker_rows(&doc));
    assert!(doc.paragraphs.iter().all(|p| p.speaker.is_none()));
}

#[test]
fn headings_and_web_furniture() {
    let text = "Skip to main content\nHome > Newsroom > 2025\nShare\n\nAcme Opens Plant\n\n\
ACME CITY, Ohio -- Acme opened a plant today.\n\n[TWEET THIS]\n\n\
“It is a great day,” said Lee Park, plant manager at Acme.\n\nPrint\nEmail\n";
    let doc = parse(text);
    assert_eq!(doc.headline.as_deref(), Some("Acme Opens Plant"));
    assert_eq!(doc.dateline.as_deref(), Some("ACME CITY, Ohio --"));
    let clutter: Vec<&str> = (0..doc.paragraphs.len())
        .filter(|&i| doc.paragraphs[i].role == ParagraphRole::Clutter)
        .map(|i| doc.paragraph_text(i))
        .collect();
    assert_eq!(
        clutter,
        [
            "Skip to main content",
            "Home > Newsroom > 2025",
            "Share",
            "[TWEET THIS]",
            "Print",
            "Email"
        ]
    );
    assert_speakers(
        &doc,
        &[("Lee Park", Some("Acme"), Some("plant manager"), "body")],
    );
}
