//! The parser: text in, [`Document`] out, as a chain of small passes over
//! byte spans that are turned into code-point offsets only at the end.

mod paragraphs;

use crate::document::{Document, Paragraph, ParagraphRole};
use crate::text::{normalize_line_endings, sha256_hex, CharIndex};

/// Parses pasted text into a document. Never panics, whatever the input.
pub fn parse(input: &str) -> Document {
    let text = normalize_line_endings(input);
    let index = CharIndex::new(&text);
    let paragraphs = paragraphs::split(&text)
        .into_iter()
        .map(|range| Paragraph {
            start: index.char_of_byte(&text, range.start),
            end: index.char_of_byte(&text, range.end),
            section: "body".to_owned(),
            role: ParagraphRole::Text,
            speaker: None,
        })
        .collect();
    let sha = sha256_hex(text.as_bytes());
    let mut document = Document::empty(text, sha);
    document.paragraphs = paragraphs;
    let (facts, entities) = crate::facts::extract(&document);
    document.facts = facts;
    document.entities = entities;
    document
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn paragraphs_count_code_points() {
        let doc = parse("Zoë said hi.\r\n\r\n🎉 Done  \n");
        assert_eq!(doc.text, "Zoë said hi.\n\n🎉 Done  \n");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraph_text(0), "Zoë said hi.");
        assert_eq!((doc.paragraphs[1].start, doc.paragraphs[1].end), (14, 20));
        assert_eq!(doc.paragraph_text(1), "🎉 Done");
    }
}
