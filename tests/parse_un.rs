//! The parser on UN meeting coverage written for these tests: every speaker
//! shape, turns, summaries, times and the header.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rapporteur::document::{DocumentKind, ParagraphRole};
use rapporteur::{parse, sample};
use support::*;

#[test]
fn sample_header_and_times() {
    let doc = parse(sample::UN_MEETING);
    assert_eq!(doc.kind, DocumentKind::UnMeeting);
    let meeting = doc.meeting.as_ref().unwrap();
    assert_eq!(
        (
            meeting.title.as_str(),
            meeting.number,
            meeting.session.as_deref()
        ),
        ("9587th Meeting (PM)", 9587, Some("PM"))
    );
    assert_eq!(doc.symbol.as_deref(), Some("SC/15802"));
    assert_eq!(doc.body.as_deref(), Some("Security Council"));
    assert_eq!(doc.date.as_deref(), Some("2025-09-11"));
    assert!(doc
        .headline
        .as_deref()
        .unwrap()
        .starts_with("Buried Explosives Keep Farmland Closed"));
    assert_eq!(doc.subheadlines.len(), 1);
    assert_eq!(
        (doc.began.as_deref(), doc.ended.as_deref()),
        (Some("15:06"), Some("17:48"))
    );
    assert_eq!(doc.duration_minutes, Some(162));
    assert_eq!(doc.dateline, None);
    assert_eq!(
        doc.also_speaking,
        ["Chile", "Fiji", "Latvia", "Pakistan", "Slovenia"]
    );
}

#[test]
fn sample_speakers_in_every_shape() {
    let doc = parse(sample::UN_MEETING);
    assert_speakers(
        &doc,
        &[
            (
                "KATARINA VELLMAN-OSEI",
                Some("United Nations Mine Action Service"),
                Some("Director"),
                "briefings",
            ),
            (
                "IBRAHIM SALL-TOURÉ",
                Some("Sahel Demining Coordination Centre"),
                Some("Coordinator"),
                "briefings",
            ),
            (
                "SOFIA MARCHETTI-RUIZ",
                Some("Denmark"),
                Some("Council President for September"),
                "statements",
            ),
            ("RAFAEL ACUÑA BRITO", Some("Panama"), None, "statements"),
            ("KWAME ASANTE-BOAHEN", Some("Ghana"), None, "statements"),
            ("ĐẶNG HOÀNG MINH", Some("Viet Nam"), None, "statements"),
            (
                "The representative of the Republic of Moldova",
                Some("Republic of Moldova"),
                None,
                "statements",
            ),
            (
                "AMARA KONÉ-WILLIAMS",
                Some("Sierra Leone"),
                None,
                "statements",
            ),
            (
                "MARIEKE DE VRIES-KOOLE",
                Some("Belgium"),
                None,
                "statements",
            ),
            ("OMAR AL-FAROUQ", Some("Kuwait"), None, "statements"),
            ("MÁIRE O’SULLIVAN", Some("Ireland"), None, "statements"),
            (
                "GIOVANNI BATTISTA ROSSELLI",
                Some("Holy See"),
                None,
                "statements",
            ),
        ],
    );
    let president = speaker(&doc, "SOFIA MARCHETTI-RUIZ");
    assert!(president.national_capacity);
    assert_eq!(
        speaker(&doc, "KWAME ASANTE-BOAHEN").on_behalf_of.as_deref(),
        Some("African members of the Council")
    );
}

#[test]
fn turns_run_until_the_next_speaker_and_people_appear_once() {
    let doc = parse(sample::UN_MEETING);
    assert_eq!(
        turn_openings(&doc, "KATARINA VELLMAN-OSEI"),
        ["KATARINA VELLMAN-OSEI, Di", "Casualties rose 22 per ce"]
    );
    // The President spoke twice: one entry, both turns.
    assert_eq!(
        turn_openings(&doc, "SOFIA MARCHETTI-RUIZ"),
        ["SOFIA MARCHETTI-RUIZ (Den", "SOFIA MARCHETTI-RUIZ (Den"]
    );
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        if let Some(s) = paragraph.speaker {
            assert!(doc.speakers[s].paragraphs.contains(&index));
        }
    }
    let footer = doc.paragraphs.last().unwrap();
    assert_eq!((footer.section.as_str(), footer.speaker), ("footer", None));
}

#[test]
fn summary_refers_to_speakers_by_delegation_and_name() {
    let doc = parse(sample::UN_MEETING);
    assert_eq!(
        mention_texts(&doc, "SOFIA MARCHETTI-RUIZ"),
        ["Denmark’s delegate"]
    );
    assert_eq!(
        mention_texts(&doc, "RAFAEL ACUÑA BRITO"),
        ["Panama’s representative"]
    );
    assert_eq!(
        mention_texts(&doc, "KWAME ASANTE-BOAHEN"),
        ["The representative of Ghana"]
    );
    assert_eq!(
        mention_texts(&doc, "KATARINA VELLMAN-OSEI"),
        ["Katarina Vellman-Osei"]
    );
    assert_eq!(
        mention_texts(&doc, "IBRAHIM SALL-TOURÉ"),
        ["Ibrahim Sall-Touré"]
    );
    // Mentions are in the summary, never in the speaker's own turns.
    for s in &doc.speakers {
        for m in &s.mentions {
            let para = doc.paragraph_at(m.start).unwrap();
            assert_eq!(doc.paragraphs[para].section, "summary", "{}", s.name);
        }
    }
}

#[test]
fn sections_and_roles() {
    let doc = parse(sample::UN_MEETING);
    let sections: Vec<(&str, ParagraphRole)> = doc
        .paragraphs
        .iter()
        .map(|p| (p.section.as_str(), p.role))
        .collect();
    assert_eq!(
        &sections[..5],
        &[
            ("header", ParagraphRole::Meta),
            ("header", ParagraphRole::Meta),
            ("header", ParagraphRole::Meta),
            ("header", ParagraphRole::Headline),
            ("header", ParagraphRole::Subheadline),
        ]
    );
    let headings: Vec<&str> = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == ParagraphRole::Heading)
        .map(|(i, _)| doc.paragraph_text(i))
        .collect();
    assert_eq!(headings, ["Briefings", "Statements"]);
    let summary = doc
        .paragraphs
        .iter()
        .filter(|p| p.section == "summary")
        .count();
    assert_eq!(summary, 7);
}

#[test]
fn committee_release_with_site_clutter_groups_and_suspension() {
    let doc = parse(&fixture("un_committee.txt"));
    assert_eq!(doc.kind, DocumentKind::UnMeeting);
    let meeting = doc.meeting.as_ref().unwrap();
    assert_eq!(
        (meeting.number, meeting.session.as_deref()),
        (21, Some("AM & PM"))
    );
    assert_eq!(doc.symbol.as_deref(), Some("GA/SHC/4412"));
    assert_eq!(
        doc.body.as_deref(),
        Some("General Assembly Third Committee")
    );
    assert_eq!(
        (doc.began.as_deref(), doc.ended.as_deref()),
        (Some("10:05"), Some("18:15"))
    );
    assert_eq!(doc.suspensions.len(), 1);
    assert_eq!(
        (
            doc.suspensions[0].from.as_str(),
            doc.suspensions[0].to.as_str()
        ),
        ("13:02", "15:10")
    );
    assert_eq!(doc.duration_minutes, Some(490 - 128));
    assert_speakers(
        &doc,
        &[
            (
                "MARÍA JOSÉ DEL VALLE ÁLVAREZ",
                Some("United Nations"),
                Some("Assistant Secretary-General for Economic Development"),
                "Opening Remarks",
            ),
            (
                "YANELIS ORTEGA PÉREZ",
                Some("Cuba"),
                None,
                "General Discussion",
            ),
            (
                "K. R. NARAYANAN PILLAI",
                Some("India"),
                None,
                "General Discussion",
            ),
            (
                "ELENA MOROZ",
                Some("European Union"),
                None,
                "General Discussion",
            ),
            (
                "NETUMBO KAVANGO",
                Some("Namibia"),
                Some("Minister for Social Affairs"),
                "General Discussion",
            ),
            ("AHMED AL-SAYED", Some("Egypt"), None, "General Discussion"),
            (
                "The representative of the Republic of Moldova",
                Some("Republic of Moldova"),
                None,
                "General Discussion",
            ),
            (
                "BENEDIKT VAN HOUTEN",
                Some("Belgium"),
                None,
                "General Discussion",
            ),
            ("O’MALLEY-DIAZ", Some("Ireland"), None, "General Discussion"),
        ],
    );
    assert_eq!(
        speaker(&doc, "YANELIS ORTEGA PÉREZ")
            .on_behalf_of
            .as_deref(),
        Some("Group of 77 and China")
    );
    assert_eq!(
        speaker(&doc, "AHMED AL-SAYED").on_behalf_of.as_deref(),
        Some("Group of Arab States")
    );
    assert_eq!(
        mention_texts(&doc, "ELENA MOROZ"),
        ["The representative of the European Union"]
    );
    assert_eq!(
        doc.also_speaking,
        [
            "Bosnia and Herzegovina",
            "Japan",
            "Mexico",
            "Saint Vincent and the Grenadines",
            "Trinidad and Tobago"
        ]
    );
    // The closing list of delegations is nobody's turn.
    assert_eq!(turn_openings(&doc, "O’MALLEY-DIAZ").len(), 1);
    // Site navigation and footer links are clutter, not headline or speakers.
    let clutter: Vec<&str> = doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == ParagraphRole::Clutter)
        .map(|(i, _)| doc.paragraph_text(i))
        .collect();
    assert_eq!(
        clutter,
        [
            "Skip to main content",
            "Welcome to the United Nations",
            "Toggle navigation",
            "Meetings Coverage and Press Releases",
            "United Nations",
            "Office of the Spokesperson",
            "Terms of Use",
            "Privacy Notice"
        ]
    );
}

#[test]
fn unnamed_speakers_observers_and_minister_shapes() {
    let text = "1001st Meeting (PM)\nSC/99001\n\nCouncil Debates Water\n\nThe Council met today.\n\nStatements\n\n\
The observer for the Holy See said water is a gift.\n\n\
RIYA DAS, Minister for Foreign Affairs of Nepal, said rivers cross borders.\n\n\
The representative of Bosnia and Herzegovina, speaking on behalf of a group of States, said cooperation works.\n\n\
He added that more was needed.\n\n\
JEAN-LUC DE SAINT-AUBIN (France), expressing support for the draft, said it was timely.\n\n\
For information media. Not an official record.";
    let doc = parse(text);
    assert_speakers(
        &doc,
        &[
            (
                "The observer for the Holy See",
                Some("Holy See"),
                None,
                "statements",
            ),
            (
                "RIYA DAS",
                Some("Nepal"),
                Some("Minister for Foreign Affairs"),
                "statements",
            ),
            (
                "The representative of Bosnia and Herzegovina",
                Some("Bosnia and Herzegovina"),
                None,
                "statements",
            ),
            (
                "JEAN-LUC DE SAINT-AUBIN",
                Some("France"),
                None,
                "statements",
            ),
        ],
    );
    assert_eq!(
        speaker(&doc, "The representative of Bosnia and Herzegovina")
            .on_behalf_of
            .as_deref(),
        Some("a group of States")
    );
    assert_eq!(
        turn_openings(&doc, "The representative of Bosnia and Herzegovina").len(),
        2
    );
}

#[test]
fn statements_name_their_author() {
    let text = "SG/SM/30001\n\n2 May 2025\n\nSecretary-General Welcomes Ceasefire\n\n\
Following is UN Secretary-General Ana Lucía Ferreira’s statement on the ceasefire, issued in New York today:\n\n\
I welcome the ceasefire announced this morning.\n\nI urge all parties to respect it.\n";
    let doc = parse(text);
    assert_eq!(doc.kind, DocumentKind::UnStatement);
    assert_eq!(doc.body.as_deref(), Some("Secretary-General"));
    assert_speakers(
        &doc,
        &[(
            "Ana Lucía Ferreira",
            Some("United Nations"),
            Some("Secretary-General"),
            "body",
        )],
    );
    assert_eq!(
        turn_openings(&doc, "Ana Lucía Ferreira"),
        ["I welcome the ceasefire a", "I urge all parties to res"]
    );
    assert_eq!(
        mention_texts(&doc, "Ana Lucía Ferreira"),
        ["Ana Lucía Ferreira"]
    );
}

#[test]
fn geneva_dialogue_lists_those_without_turns_and_ends_turns_at_summaries() {
    let doc = parse(&fixture("un/hrc_dialogue.txt"));
    assert_eq!(
        doc.also_speaking,
        [
            "Sierra Leone",
            "Luxembourg",
            "Estonia",
            "Pakistan",
            "Brazil",
            "China",
            "Ecuador",
            "Egypt",
            "France",
            "Indonesia",
            "Malaysia",
            "Maldives",
            "Portugal",
            "United Nations Human Settlements Programme",
            "Habitat International Coalition",
            "Coastal Communities Forum",
            "Geneva Housing Rights Centre",
        ]
    );
    // The Special Rapporteur's three turns, the second as `Mr. Mehta-Castellanos`.
    assert_eq!(
        turn_openings(&doc, "Rohan Mehta-Castellanos"),
        [
            "Rohan Mehta-Castellanos, ",
            "Mr. Mehta-Castellanos sai",
            "Mr. MEHTA-CASTELLANOS, in"
        ]
    );
    let summary = doc
        .paragraphs
        .iter()
        .position(|p| {
            doc.slice(p.start, p.end)
                .starts_with("In the interactive dialogue, speakers")
        })
        .unwrap();
    assert_eq!(doc.paragraphs[summary].speaker, None);
}

#[test]
fn panellists_speak_under_their_introduced_names() {
    let doc = parse(&fixture("un/ecosoc_panel.txt"));
    assert_eq!(
        turn_openings(&doc, "Aiko Sato-Whitfield"),
        ["Ms. SATO-WHITFIELD said s", "Responding, Ms. SATO-WHIT"]
    );
    // Introduced but silent people are no speakers; their introduction is
    // a mention of those who speak.
    assert_eq!(mention_texts(&doc, "Tomás Berglund"), ["Tomás Berglund"]);
    assert_eq!(doc.also_speaking, ["Kenya", "Philippines", "Norway"]);
    // The sitting times end the last turn.
    let eu = speaker(&doc, "The representative of the European Union");
    assert_eq!(eu.paragraphs.len(), 1);
}

#[test]
fn current_style_summary_ends_at_the_first_turn() {
    let doc = parse(&fixture("un/sc_2025_current.txt"));
    let sections: Vec<&str> = doc
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Text)
        .map(|p| p.section.as_str())
        .collect();
    assert_eq!(
        &sections[..4],
        ["summary", "summary", "briefings", "briefings"]
    );
    assert_eq!(sections[6], "statements");
    // A delegation speaking twice is one speaker, under its first phrase.
    let doc = parse(&fixture("un/ga_plenary_votes.txt"));
    assert_eq!(
        turn_openings(&doc, "The delegate of Egypt"),
        ["The delegate of Egypt sai", "The representative of Egy"]
    );
    assert_eq!(
        mention_texts(&doc, "Trinidad and Tobago’s delegate"),
        ["Trinidad and Tobago’s delegate"]
    );
    assert_eq!(
        mention_texts(&doc, "BATJARGAL TSOGTBAATAR"),
        ["BATJARGAL TSOGTBAATAR"]
    );
}

#[test]
fn a_summary_refers_back_to_a_speaker_by_title_and_surname() {
    let text = "1234th Meeting (AM)\nSC/99123\n\nCouncil Hears Briefing on Floods\n\n\
The Council heard a briefing on floods today.  Ms. Okafor warned that the rains would return.\n\n\
Briefing\n\n\
LENA OKAFOR, Director of the Regional Flood Office, said that 2 million people were affected.\n\n\
Statements\n\n\
TOMAS REYES (Chile) said his country would send engineers.\n\n\
For information media. Not an official record.";
    let doc = parse(text);
    assert_speakers(
        &doc,
        &[
            (
                "LENA OKAFOR",
                Some("Regional Flood Office"),
                Some("Director"),
                "briefings",
            ),
            ("TOMAS REYES", Some("Chile"), None, "statements"),
        ],
    );
    assert_eq!(mention_texts(&doc, "LENA OKAFOR"), ["Ms. Okafor"]);
}
