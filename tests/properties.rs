//! Property tests: the parser on arbitrary strings (multi-byte characters,
//! lone and nested quotes, huge lines, UN-looking fragments) never panics and
//! keeps every span on character boundaries inside the text. The generator
//! is a small deterministic xorshift, so failures reproduce exactly.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rapporteur::{parse, Document};
use support::Generator as Rng;

/// Pieces that exercise the parser's patterns, mixed with noise.
const PIECES: &[&str] = &[
    "LI MEIHUA (China) said ",
    "The representative of ",
    "Statements\n",
    "Briefings\n",
    "9318th Meeting (AM)\n",
    "SC/15317\n",
    "“",
    "”",
    "\"",
    "’s delegate",
    ", said ",
    " said ",
    "he said",
    ", speaking on behalf of ",
    "(",
    ")",
    "The meeting began at 9:42 a.m. and ended at 2:26 p.m.",
    "Also speaking were representatives of A, B and C.",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u{a0}",
    "\t",
    "é",
    "Ž",
    "東京",
    "🎉",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{202e}",
    "\u{0}",
    "KATARINA VELLMAN-OSEI, Director of the United Nations Mine Action Service, said ",
    "###",
    "About Acme\n",
    "Media Contact:\n",
    "SAN DIEGO (March 3, 2024) – ",
    "For information media. Not an official record.",
    "—",
    ".",
    ",",
    ":",
    "NATO",
    "$1 billion",
    "12 per cent",
    "27 January 2022",
    "resolution 2719 (2023)",
    "noon",
    "Mr. ",
    "T. S. ",
    "’",
    "'",
    "Following is the Deputy Secretary-General’s message to the forum:\n",
    "said Harbour Commissioner Inês Carvalho.",
];

fn arbitrary_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    let pieces = rng.below(60);
    for _ in 0..pieces {
        match rng.below(10) {
            0 => text.push(char::from_u32(rng.below(0x2FFFF) as u32).unwrap_or('?')),
            1 => text.push_str(&"x".repeat(rng.below(300))),
            _ => text.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    text
}

fn check(document: &Document) {
    if let Err(broken) = document.check() {
        panic!(
            "{broken}\nin {:?}",
            document.text.chars().take(400).collect::<String>()
        );
    }
}

#[test]
fn arbitrary_strings_never_break_the_parser() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let text = arbitrary_text(&mut rng);
        check(&parse(&text));
    }
}

#[test]
fn huge_lines_and_many_tiny_paragraphs() {
    let line = "LI MEIHUA (China) said “quote ".repeat(40_000);
    check(&parse(&line));
    let tiny = "a\n".repeat(100_000);
    let doc = parse(&tiny);
    assert_eq!(doc.paragraphs.len(), 100_000);
    check(&doc);
}

#[test]
fn empty_and_blank_input() {
    for text in ["", " ", "\n\n\n", "\r\n\t\u{a0}\r"] {
        let doc = parse(text);
        assert!(
            doc.paragraphs.is_empty() && doc.speakers.is_empty(),
            "{text:?}"
        );
        check(&doc);
    }
}
