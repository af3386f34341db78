//! Moving a parsed document from the parsing worker to the page in pieces.
//!
//! A large text is parsed in a Web Worker so that the page stays usable.
//! The result then has to cross to the page, where turning it back into a
//! `Document` costs time in proportion to its size. Sending it as a list of
//! small JSON parts lets the page rebuild it a part at a time, between
//! frames, with a progress bar, instead of freezing for one long step. The
//! text itself is not sent back: the page has it already.

use serde::{Deserialize, Serialize};

use crate::document::{Document, Entity, Fact, Paragraph, Speaker};
use crate::text::normalize_line_endings;

/// Items per part: small enough to rebuild within one frame.
const PART_ITEMS: usize = 10_000;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Part {
    /// Everything but the text and the long lists.
    Header(Box<Document>),
    Paragraphs(Vec<Paragraph>),
    Speakers(Vec<Speaker>),
    Facts(Vec<Fact>),
    Entities(Vec<Entity>),
}

/// The document as JSON parts, the header first.
pub fn split(mut document: Document) -> Vec<String> {
    let paragraphs = std::mem::take(&mut document.paragraphs);
    let speakers = std::mem::take(&mut document.speakers);
    let facts = std::mem::take(&mut document.facts);
    let entities = std::mem::take(&mut document.entities);
    // The digest travels with the header (computed here, off the page's
    // thread); the text does not.
    document.text_sha256();
    document.text = String::new();
    let mut parts = vec![Part::Header(Box::new(document))];
    parts.extend(chunks(paragraphs).into_iter().map(Part::Paragraphs));
    parts.extend(chunks(speakers).into_iter().map(Part::Speakers));
    parts.extend(chunks(facts).into_iter().map(Part::Facts));
    parts.extend(chunks(entities).into_iter().map(Part::Entities));
    parts
        .iter()
        .map(|part| serde_json::to_string(part).unwrap_or_default())
        .collect()
}

fn chunks<T>(items: Vec<T>) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        out.push(items.by_ref().take(PART_ITEMS).collect());
    }
    out
}

/// Rebuilds a document from its parts, one part per call.
pub struct Assembler {
    text: String,
    document: Option<Document>,
}

impl Assembler {
    /// `input` is the text that was sent to be parsed, as the user gave it.
    pub fn new(input: &str) -> Self {
        Assembler {
            text: normalize_line_endings(input),
            document: None,
        }
    }

    pub fn feed(&mut self, part: &str) -> Result<(), String> {
        let part: Part = serde_json::from_str(part)
            .map_err(|e| format!("a part of the parsed document is damaged: {e}"))?;
        let document = match (part, self.document.as_mut()) {
            (Part::Header(header), None) => {
                let mut header = *header;
                header.text = std::mem::take(&mut self.text);
                // The same input, normalised the same way: the worker's
                // digest holds for this text.
                self.document = Some(header.with_fresh_index());
                return Ok(());
            }
            (Part::Header(_), Some(_)) => {
                return Err("the parsed document came with two headers".to_owned())
            }
            (_, None) => return Err("the parsed document came without its header".to_owned()),
            (part, Some(document)) => (part, document),
        };
        match document {
            (Part::Paragraphs(items), document) => document.paragraphs.extend(items),
            (Part::Speakers(items), document) => document.speakers.extend(items),
            (Part::Facts(items), document) => document.facts.extend(items),
            (Part::Entities(items), document) => document.entities.extend(items),
            (Part::Header(_), _) => unreachable!("handled above"),
        }
        Ok(())
    }

    /// The document, once every part was fed; its spans and indices are
    /// checked before it is shown. Not `check()`: its JSON round trip of the
    /// whole document would hold the page for seconds on a 50 MB text, and
    /// the parts just came through JSON anyway.
    pub fn finish(self) -> Result<Document, String> {
        let document = self.document.ok_or("the parsed document is empty")?;
        document
            .check_spans()
            .map_err(|broken| format!("the parsed document is inconsistent: {broken}"))?;
        Ok(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, sample};

    #[test]
    fn parts_rebuild_the_same_document() {
        let input = sample::UN_MEETING.repeat(400).replace('\n', "\r\n");
        let document = parse(&input);
        assert!(document.paragraphs.len() > PART_ITEMS);
        let parts = split(document.clone());
        assert!(parts.len() > 3);
        let mut assembler = Assembler::new(&input);
        for part in &parts {
            assembler.feed(part).unwrap();
        }
        let rebuilt = assembler.finish().unwrap();
        assert_eq!(rebuilt, document);
        assert_eq!(rebuilt.text_sha256(), document.text_sha256());
    }

    #[test]
    fn damaged_or_misordered_parts_are_refused() {
        let document = parse(sample::UN_MEETING);
        let parts = split(document);
        let mut assembler = Assembler::new(sample::UN_MEETING);
        assert!(assembler
            .feed(&parts[1])
            .unwrap_err()
            .contains("without its header"));
        assert!(assembler.feed("{not json").unwrap_err().contains("damaged"));
        assert!(Assembler::new("x").finish().is_err());
    }
}
