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
    vec![
        ("single newlines", single_newlines),
        ("CRLF", crlf),
        ("CR", old_mac),
        ("no-break spaces, tabs, trailing spaces", odd_spaces),
        ("straight quotes", straight),
        ("indented", indented),
        ("web clutter", cluttered),
    ]
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
