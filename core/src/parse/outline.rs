//! The outline of a text: its paragraphs alone, split exactly as [`parse`]
//! splits them, with no speakers, facts or header. It costs one pass over
//! the text, so the app can show a long text at once while the full parse
//! runs in the worker; the paragraphs then keep their places when the
//! parsed document replaces the outline.
//!
//! [`parse`]: super::parse

use std::ops::Range;

use crate::document::{Document, Paragraph, ParagraphRole};
use crate::text::{normalize_line_endings, CharIndex};

use super::paragraphs;
use super::view::View;

/// The paragraphs of `input`, as running text of the body, in a document of
/// the same text [`parse`](super::parse) gives.
pub fn outline(input: &str) -> Document {
    let original = normalize_line_endings(input);
    let wraps = paragraphs::wrapped_line_breaks(&original);
    // The parser splits its view, where runs of spaces are one space; a
    // line trimmed there starts and ends where it does trimmed in the text
    // itself (the same characters are spaces to both), so only a
    // hard-wrapped text, whose blocks span lines, needs the view.
    let ranges: Vec<Range<usize>> = if wraps.is_empty() {
        paragraphs::split(&original)
    } else {
        let view = View::new(&original, &wraps);
        paragraphs::split(&view.text)
            .into_iter()
            .map(|range| view.to_original(range.start)..view.to_original(range.end))
            .collect()
    };
    let index = CharIndex::new(&original);
    let paragraphs = ranges
        .into_iter()
        .map(|range| Paragraph {
            start: index.char_of_byte(&original, range.start),
            end: index.char_of_byte(&original, range.end),
            section: "body".to_owned(),
            role: ParagraphRole::Text,
            speaker: None,
        })
        .collect();
    let mut document = Document::empty(original);
    document.paragraphs = paragraphs;
    document
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn places(document: &Document) -> Vec<(usize, usize)> {
        document
            .paragraphs
            .iter()
            .map(|p| (p.start, p.end))
            .collect()
    }

    /// Every shape of text the fixtures hold: the outline's paragraphs are
    /// the parse's, at the same code-point offsets, in the same text.
    #[test]
    fn paragraphs_are_where_the_parse_puts_them() {
        let mut texts: Vec<(String, String)> =
            vec![("sample".into(), crate::sample::UN_MEETING.into())];
        let mut dirs =
            vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("the fixtures") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).expect("a fixture");
                    texts.push((path.display().to_string(), text));
                }
            }
        }
        assert!(texts.len() > 20, "{} texts", texts.len());
        for (name, text) in texts {
            // CRLF and runs of spaces, as a paste from a web page gives them.
            let pasted = text.replace('\n', "\r\n").replace(". ", ".\u{a0}  ");
            // Lines indented and trailed by spaces of every kind.
            let indented: String = text
                .lines()
                .map(|line| format!("\u{3000}\t \u{2003}{line} \u{a0}\u{202f}\n"))
                .collect();
            for text in [text, pasted, indented] {
                let parsed = parse(&text);
                let outlined = outline(&text);
                assert_eq!(outlined.text, parsed.text, "{name}");
                assert_eq!(places(&outlined), places(&parsed), "{name}");
            }
        }
    }

    #[test]
    fn a_hard_wrapped_text_is_outlined_by_blocks() {
        let block = "The Council heard a briefing on the situation in the region from the\n\
                     Special Representative of the Secretary-General, who said that the\n\
                     ceasefire was holding in most places and that aid was arriving.\n";
        let text = format!("{block}\n{block}\n{block}\n{block}");
        let outlined = outline(&text);
        assert_eq!(outlined.paragraphs.len(), 4);
        assert_eq!(places(&outlined), places(&parse(&text)));
        let first = &outlined.paragraphs[0];
        assert_eq!(first.start, 0);
        assert_eq!(first.end, block.trim_end().chars().count());
    }

    #[test]
    fn nothing_but_paragraphs() {
        let text = "Security Council\n8967th Meeting (AM)\nSC/14794\n\nZHANG JUN (China) said his country welcomed the report.";
        let outlined = outline(text);
        assert_eq!(outlined.paragraphs.len(), 4);
        assert!(outlined
            .paragraphs
            .iter()
            .all(|p| p.role == ParagraphRole::Text && p.speaker.is_none() && p.section == "body"));
        assert!(outlined.speakers.is_empty() && outlined.facts.is_empty());
        assert_eq!(outlined.symbol, None);
        assert!(outline("").paragraphs.is_empty());
        assert!(outline(" \n\t\n").paragraphs.is_empty());
    }
}
