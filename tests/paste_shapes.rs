//! The same release pasted in the shapes people really paste it in yields
//! the same speakers: blank lines or single newlines, CRLF, no-break spaces,
//! tabs, trailing spaces, straight quotes, and web-page clutter around it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rapporteur::{parse, sample};
use support::*;

/// Every shape of `text` the tests paste, with a name for failures.
fn shapes(text: &str) -> Vec<(&'static str, String)> {
    let single_newlines = text
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let crlf = text.replace('\n', "\r\n");
    let old_mac = text.replace('\n', "\r");
    let odd_spaces: String = text
        .split('\n')
        .map(|line| {
            format!(
                "{}  \t",
                line.replacen(' ', "\u{a0}", 3).replacen(' ', "\t", 1)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let straight = text.replace(['“', '”'], "\"");
    let indented = text
        .split('\n')
        .map(|l| format!("   {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    let cluttered = format!(
        "Skip to main content\nToggle navigation\nHome > Newsroom\nSearch\nShare\n\n{}\n\nShare this:\nFacebook\nTwitter\nLinkedIn\nEmail\nPrint\nBack to top\n",
        text.replacen("\n\n", "\n\nShare\n\n", 1)
    );
    let hard_wrapped = text
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|line| wrap(line, 72))
        .collect::<Vec<_>>()
        .join("\n\n");
    vec![
        ("single newlines", single_newlines),
        ("hard-wrapped at 72 columns", hard_wrapped),
        ("CRLF", crlf),
        ("CR", old_mac),
        ("no-break spaces, tabs, trailing spaces", odd_spaces),
        ("straight quotes", straight),
        ("indented", indented),
        ("web clutter", cluttered),
    ]
}

/// `line` broken into lines of at most `width` characters, as an e-mail
/// client or a plain-text release does.
fn wrap(line: &str, width: usize) -> String {
    let mut out = String::new();
    let mut current = 0;
    for word in line.split_whitespace() {
        let len = word.chars().count();
        if current > 0 && current + 1 + len > width {
            out.push('\n');
            current = 0;
        } else if current > 0 {
            out.push(' ');
            current += 1;
        }
        out.push_str(word);
        current += len;
    }
    out
}

/// The release without its header: from its headline on.
fn without_header(text: &str, headline_start: &str) -> String {
    let at = text.find(headline_start).expect("headline");
    text[at..].to_owned()
}

fn assert_same_speakers(text: &str) {
    let reference = parse(text);
    assert!(!reference.speakers.is_empty());
    let want = speaker_rows(&reference);
    for (shape, variant) in shapes(text) {
        let got = speaker_rows(&parse(&variant));
        assert_eq!(got, want, "pasted with {shape}");
    }
}

#[test]
fn un_meeting_sample_in_every_shape() {
    assert_same_speakers(sample::UN_MEETING);
}

#[test]
fn un_committee_release_in_every_shape() {
    assert_same_speakers(&fixture("un_committee.txt"));
}

#[test]
fn un_releases_of_every_organ_in_every_shape() {
    for name in [
        "sc_2006_old",
        "sc_2025_current",
        "ga_ef_two_meetings",
        "ecosoc_panel",
        "hrc_dialogue",
        "whole_page_gashc",
        "cedaw_treaty_body",
    ] {
        let text = fixture(&format!("un/{name}.txt"));
        let reference = speaker_rows(&parse(&text));
        for (shape, variant) in shapes(&text) {
            assert_eq!(
                speaker_rows(&parse(&variant)),
                reference,
                "{name} pasted with {shape}"
            );
        }
    }
}

#[test]
fn a_release_pasted_without_its_header_keeps_its_speakers() {
    let text = fixture("un/ga_ef_two_meetings.txt");
    let reference = parse(&text);
    let bare = parse(&without_header(&text, "Debt Burdens Crowd Out"));
    assert_eq!(bare.kind, reference.kind);
    assert_eq!(bare.body, reference.body);
    assert_eq!(speaker_rows(&bare), speaker_rows(&reference));
    let sample = parse(sample::UN_MEETING);
    let headline = sample.headline.clone().unwrap();
    let bare = parse(&without_header(sample::UN_MEETING, &headline));
    assert_eq!(speaker_rows(&bare), speaker_rows(&sample));
}

#[test]
fn corporate_release_in_every_shape() {
    assert_same_speakers(&fixture("press_release.txt"));
}

#[test]
fn header_survives_every_shape() {
    let reference = parse(sample::UN_MEETING);
    for (shape, variant) in shapes(sample::UN_MEETING) {
        let doc = parse(&variant);
        assert_eq!(doc.symbol, reference.symbol, "{shape}");
        assert_eq!(
            doc.meeting.as_ref().map(|m| m.number),
            Some(9587),
            "{shape}"
        );
        assert_eq!(
            (doc.began.as_deref(), doc.ended.as_deref()),
            (Some("15:06"), Some("17:48")),
            "{shape}"
        );
        assert_eq!(doc.headline, reference.headline, "{shape}");
        assert_eq!(doc.also_speaking, reference.also_speaking, "{shape}");
    }
}

#[test]
fn offsets_point_into_the_normalised_text() {
    let crlf = sample::UN_MEETING.replace('\n', "\r\n");
    let doc = parse(&crlf);
    assert!(!doc.text.contains('\r'));
    assert_eq!(doc.text, sample::UN_MEETING);
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let text = doc.paragraph_text(i);
        assert_eq!(text.chars().count(), p.end - p.start);
        assert_eq!(text, text.trim());
    }
}
