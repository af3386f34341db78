//! The parsed document: what the parser produces, the app shows and the
//! exports carry. Offsets count Unicode code points into `text`,
//! end-exclusive.

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use crate::text::CharIndex;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The input with line endings normalised to LF: every offset points here.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// Built on first use, so that slicing by code points stays cheap on
    /// large documents, including deserialised ones.
    #[serde(skip)]
    index: LazyCharIndex,
}

/// One paragraph: a run of non-blank text between line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

impl Document {
    pub fn new(text: String, paragraphs: Vec<Paragraph>) -> Self {
        Document {
            text,
            paragraphs,
            index: LazyCharIndex::default(),
        }
    }

    /// The code-point index of `text`.
    pub fn char_index(&self) -> &CharIndex {
        self.index.0.get_or_init(|| CharIndex::new(&self.text))
    }

    /// The text between two code-point offsets, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let index = self.char_index();
        let from = index.byte_of_char(&self.text, start);
        let to = index.byte_of_char(&self.text, end.max(start));
        &self.text[from..to]
    }

    /// The text of paragraph `index`, or "" when out of range.
    pub fn paragraph_text(&self, index: usize) -> &str {
        match self.paragraphs.get(index) {
            Some(p) => self.slice(p.start, p.end),
            None => "",
        }
    }
}

/// A derived cache: equal whatever it holds, so it never decides equality.
#[derive(Debug, Clone, Default)]
struct LazyCharIndex(OnceCell<CharIndex>);

impl PartialEq for LazyCharIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LazyCharIndex {}
