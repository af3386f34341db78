//! The parser's working state: paragraphs as byte ranges with what the passes
//! have learnt about them so far. Turned into the public model at the end.

use std::collections::HashMap;
use std::ops::Range;

use super::words::{fold, tidy_owned, words};
use crate::document::ParagraphRole;

#[derive(Debug, Clone)]
pub struct Para<'a> {
    /// Byte range in the normalised text.
    pub range: Range<usize>,
    pub text: &'a str,
    pub role: ParagraphRole,
    pub section: Section,
    pub speaker: Option<usize>,
    /// Where the speaker changes inside the paragraph, when it does: each
    /// (byte offset in `text`, speaker from there on), the first at 0. A
    /// turn opened mid-paragraph (`… in the region.  Malta’s delegate said
    /// …`) or a sentence about the vote after a speaker's words. Empty
    /// when `speaker` holds for the whole paragraph.
    pub segments: Vec<(usize, Option<usize>)>,
}

impl<'a> Para<'a> {
    pub fn new(text: &'a str, range: Range<usize>) -> Self {
        Para {
            text: &text[range.clone()],
            range,
            role: ParagraphRole::Text,
            section: Section::Body,
            speaker: None,
            segments: Vec::new(),
        }
    }

    /// Whose words stand at byte `offset` of the paragraph: the turn there.
    pub fn speaker_at(&self, offset: usize) -> Option<usize> {
        if self.segments.is_empty() {
            return self.speaker;
        }
        let after = self.segments.partition_point(|&(at, _)| at <= offset);
        self.segments[after.saturating_sub(1)].1
    }

    /// Running text: not a heading, title, meta line or clutter.
    pub fn is_text(&self) -> bool {
        self.role == ParagraphRole::Text
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    Header,
    Summary,
    Briefings,
    Statements,
    Body,
    Contact,
    Boilerplate,
    Footer,
    /// A heading the parser found that is none of the above.
    Heading(String),
}

impl Section {
    pub fn name(&self) -> &str {
        match self {
            Section::Header => "header",
            Section::Summary => "summary",
            Section::Briefings => "briefings",
            Section::Statements => "statements",
            Section::Body => "body",
            Section::Contact => "contact",
            Section::Boilerplate => "boilerplate",
            Section::Footer => "footer",
            Section::Heading(text) => text,
        }
    }

    /// Sections whose paragraphs can be speakers' turns or quotes.
    pub fn is_spoken(&self) -> bool {
        !matches!(
            self,
            Section::Header | Section::Contact | Section::Boilerplate | Section::Footer
        )
    }
}

/// A speaker as the passes build it, with byte spans.
#[derive(Debug, Clone, Default)]
pub struct SpeakerDraft {
    pub name: String,
    /// Identity across turns: the folded name, or the folded affiliation of
    /// an unnamed speaker.
    pub key: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub on_behalf_of: Option<String>,
    pub national_capacity: bool,
    pub section: String,
    pub paragraphs: Vec<usize>,
    /// Byte ranges in the whole text.
    pub mentions: Vec<Range<usize>>,
}

/// The speakers found so far, in order of first appearance, with a lookup by
/// identity so that adding stays cheap with thousands of speakers.
#[derive(Debug, Default)]
pub struct SpeakerList {
    pub list: Vec<SpeakerDraft>,
    by_key: HashMap<String, usize>,
    /// The first speaker whose printed name ends with each folded word,
    /// over the first `last_words_indexed` speakers (names never change
    /// once listed, so the index only catches up with new ones).
    by_last_word: HashMap<String, usize>,
    last_words_indexed: usize,
}

impl SpeakerList {
    /// Finds or adds the speaker with `draft.key`, filling in what the known
    /// entry lacks, and returns its index.
    pub fn upsert(&mut self, mut draft: SpeakerDraft) -> usize {
        let tidy_all = |field: &mut Option<String>| *field = field.take().map(tidy_owned);
        draft.name = tidy_owned(std::mem::take(&mut draft.name));
        tidy_all(&mut draft.affiliation);
        tidy_all(&mut draft.role);
        tidy_all(&mut draft.on_behalf_of);
        if let Some(&i) = self.by_key.get(&draft.key) {
            let known = &mut self.list[i];
            known.affiliation = known.affiliation.take().or(draft.affiliation);
            known.role = known.role.take().or(draft.role);
            known.on_behalf_of = known.on_behalf_of.take().or(draft.on_behalf_of);
            known.national_capacity |= draft.national_capacity;
            return i;
        }
        self.by_key.insert(draft.key.clone(), self.list.len());
        self.list.push(draft);
        self.list.len() - 1
    }

    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The first speaker whose printed name's last word folds to `folded`
    /// (a surname). One look-up, not a pass over every speaker.
    pub fn first_with_last_word(&mut self, folded: &str) -> Option<usize> {
        for (i, speaker) in self.list.iter().enumerate().skip(self.last_words_indexed) {
            if let Some((_, last)) = words(&speaker.name).last() {
                self.by_last_word.entry(fold(last)).or_insert(i);
            }
        }
        self.last_words_indexed = self.list.len();
        self.by_last_word.get(folded).copied()
    }
}
