//! Moving a parsed document from the parsing worker to the page in pieces.
//!
//! A large text is parsed in a Web Worker so that the page stays usable.
//! The result then has to cross to the page, where turning it back into a
//! `Document` costs time in proportion to its size. Sending it as a list of
//! small JSON parts lets the page rebuild it a part at a time, between
//! frames, with a progress bar, instead of freezing for one long step. The
//! parts travel as UTF-8 bytes laid end to end ([`Packed`]), which
//! `postMessage` can hand over without a copy, and which the page reads a
//! part at a time without first turning all of them into JavaScript
//! strings. The text itself is not sent back: the page has it already.

use serde::{Deserialize, Serialize};

use crate::document::{Document, Entity, Fact, Paragraph, Speaker};
use crate::text::LineEndings;

/// Items per part: small enough to rebuild within one frame.
const PART_ITEMS: usize = 10_000;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Part {
    /// Everything but the text and the long lists, and how long each list
    /// is: the page makes room for each once, instead of growing it part by
    /// part (each growth copies the list so far, on the page's thread).
    Header {
        document: Box<Document>,
        lengths: Lengths,
    },
    Paragraphs(Vec<Paragraph>),
    Speakers(Vec<Speaker>),
    Facts(Vec<Fact>),
    Entities(Vec<Entity>),
}

#[derive(Serialize, Deserialize, Default, Clone, Copy)]
struct Lengths {
    paragraphs: usize,
    speakers: usize,
    facts: usize,
    entities: usize,
}

/// The document's JSON parts, header first, as one run of UTF-8 bytes.
#[derive(Debug, Default)]
pub struct Packed {
    pub bytes: Vec<u8>,
    /// Where each part ends in `bytes` (it starts where the one before ends).
    pub ends: Vec<usize>,
}

impl Packed {
    /// Each part's bytes, in order.
    pub fn parts(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.bytes[start..end])
    }
}

/// The document as JSON parts, the header first.
pub fn split(mut document: Document) -> Packed {
    let paragraphs = std::mem::take(&mut document.paragraphs);
    let speakers = std::mem::take(&mut document.speakers);
    let facts = std::mem::take(&mut document.facts);
    let entities = std::mem::take(&mut document.entities);
    let lengths = Lengths {
        paragraphs: paragraphs.len(),
        speakers: speakers.len(),
        facts: facts.len(),
        entities: entities.len(),
    };
    // The digest travels with the header (computed here, off the page's
    // thread); the text does not.
    document.text_sha256();
    document.text = String::new();
    let mut parts = vec![Part::Header {
        document: Box::new(document),
        lengths,
    }];
    parts.extend(chunks(paragraphs).into_iter().map(Part::Paragraphs));
    parts.extend(chunks(speakers).into_iter().map(Part::Speakers));
    parts.extend(chunks(facts).into_iter().map(Part::Facts));
    parts.extend(chunks(entities).into_iter().map(Part::Entities));
    let mut packed = Packed::default();
    for part in &parts {
        // Writing JSON into a Vec cannot fail for these types (string keys,
        // no maps with other keys).
        let _ = serde_json::to_writer(&mut packed.bytes, part);
        packed.ends.push(packed.bytes.len());
    }
    packed
}

fn chunks<T>(items: Vec<T>) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        out.push(items.by_ref().take(PART_ITEMS).collect());
    }
    out
}

/// Rebuilds a document: first its text (the input as sent to be parsed, in
/// one go or a piece at a time), then its parts, one per call.
pub struct Assembler {
    text: String,
    line_endings: LineEndings,
    document: Option<Document>,
}

impl Assembler {
    /// `input` is the text that was sent to be parsed, as the user gave it.
    pub fn new(input: &str) -> Self {
        let mut assembler = Assembler::for_text_of(input.len());
        assembler.push_text(input);
        assembler
    }

    /// An assembler for an input of `len` bytes, to be given with
    /// [`push_text`](Self::push_text): the page copies a long text between
    /// frames, since a copy of 50 MB in one go holds it for a visible time.
    pub fn for_text_of(len: usize) -> Self {
        Assembler {
            text: String::with_capacity(len),
            line_endings: LineEndings::default(),
            document: None,
        }
    }

    /// The next piece of the input, before any part.
    pub fn push_text(&mut self, piece: &str) {
        self.line_endings.push(piece, &mut self.text);
    }

    pub fn feed(&mut self, part: &[u8]) -> Result<(), String> {
        let part: Part = serde_json::from_slice(part)
            .map_err(|e| format!("a part of the parsed document is damaged: {e}"))?;
        let document = match (part, self.document.as_mut()) {
            (Part::Header { document, lengths }, None) => {
                let mut header = *document;
                header.text = std::mem::take(&mut self.text);
                reserve(&mut header, lengths);
                // The same input, normalised the same way: the worker's
                // digest holds for this text.
                self.document = Some(header.with_fresh_index());
                return Ok(());
            }
            (Part::Header { .. }, Some(_)) => {
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
            (Part::Header { .. }, _) => unreachable!("handled above"),
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

/// Makes room for the lists the header announces. A damaged header cannot
/// ask for more than one item per byte of text, and room that cannot be had
/// is simply not made: the lists then grow as their parts arrive.
fn reserve(document: &mut Document, lengths: Lengths) {
    let most = document.text.len() + 1;
    let _ = document
        .paragraphs
        .try_reserve_exact(lengths.paragraphs.min(most));
    let _ = document
        .speakers
        .try_reserve_exact(lengths.speakers.min(most));
    let _ = document.facts.try_reserve_exact(lengths.facts.min(most));
    let _ = document
        .entities
        .try_reserve_exact(lengths.entities.min(most));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, sample};

    fn assemble(input: &str, parts: &Packed) -> Result<Document, String> {
        let mut assembler = Assembler::new(input);
        for part in parts.parts() {
            assembler.feed(part)?;
        }
        assembler.finish()
    }

    #[test]
    fn parts_rebuild_the_same_document() {
        let input = sample::UN_MEETING.repeat(400).replace('\n', "\r\n");
        let document = parse(&input);
        assert!(document.paragraphs.len() > PART_ITEMS);
        let packed = split(document.clone());
        assert!(packed.ends.len() > 3);
        assert_eq!(packed.ends.last(), Some(&packed.bytes.len()));
        let rebuilt = assemble(&input, &packed).unwrap();
        assert_eq!(rebuilt, document);
        assert_eq!(rebuilt.text_sha256(), document.text_sha256());
    }

    #[test]
    fn the_text_given_in_pieces_is_the_text_given_whole() {
        let input = sample::UN_MEETING.repeat(3).replace('\n', "\r\n");
        let packed = split(parse(&input));
        let whole = assemble(&input, &packed).unwrap();
        // Cut after every CR: between each CR and its LF.
        let mut assembler = Assembler::for_text_of(input.len());
        for piece in input.split_inclusive('\r') {
            assembler.push_text(piece);
        }
        for part in packed.parts() {
            assembler.feed(part).unwrap();
        }
        assert_eq!(assembler.finish().unwrap(), whole);
    }

    #[test]
    fn each_list_is_made_room_for_once() {
        let input = sample::UN_MEETING.repeat(400);
        let packed = split(parse(&input));
        let rebuilt = assemble(&input, &packed).unwrap();
        assert!(rebuilt.facts.len() > 2 * PART_ITEMS);
        assert_eq!(rebuilt.paragraphs.capacity(), rebuilt.paragraphs.len());
        assert_eq!(rebuilt.facts.capacity(), rebuilt.facts.len());
        assert_eq!(rebuilt.entities.capacity(), rebuilt.entities.len());
    }

    #[test]
    fn a_header_announcing_impossible_lengths_is_not_believed() {
        let input = sample::UN_MEETING;
        let packed = split(parse(input));
        let mut parts: Vec<Vec<u8>> = packed.parts().map(<[u8]>::to_vec).collect();
        let mut header: serde_json::Value = serde_json::from_slice(&parts[0]).unwrap();
        for list in ["paragraphs", "speakers", "facts", "entities"] {
            header["header"]["lengths"][list] = serde_json::json!(u64::MAX);
        }
        parts[0] = serde_json::to_vec(&header).unwrap();
        let mut assembler = Assembler::new(input);
        for part in &parts {
            assembler.feed(part).unwrap();
        }
        assert_eq!(assembler.finish().unwrap(), parse(input));
    }

    #[test]
    fn damaged_or_misordered_parts_are_refused() {
        let document = parse(sample::UN_MEETING);
        let packed = split(document);
        let parts: Vec<&[u8]> = packed.parts().collect();
        let mut assembler = Assembler::new(sample::UN_MEETING);
        assert!(assembler
            .feed(parts[1])
            .unwrap_err()
            .contains("without its header"));
        assert!(assembler
            .feed(b"{not json")
            .unwrap_err()
            .contains("damaged"));
        assert!(assembler
            .feed(&[0xff, 0xfe])
            .unwrap_err()
            .contains("damaged"));
        assert!(Assembler::new("x").finish().is_err());
    }
}
