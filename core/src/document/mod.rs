//! The parsed document: what the parser produces, the app shows and the
//! exports carry. Every offset counts Unicode code points into `text`,
//! end-exclusive. `docs/FORMAT.md` documents the JSON form.

use std::cell::OnceCell;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::{sha256_hex, CharIndex};

mod fact;
pub mod fact_value;

pub use fact::{Entity, Fact, FactKind};

/// Serialised by hand (see below) so that `text_sha256`, which costs as much
/// as a fifth of a parse, is computed only when someone asks for it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Document {
    /// The input with line endings normalised to LF: every offset points here.
    pub text: String,
    /// SHA-256 of `text`; read it with [`Document::text_sha256`].
    #[serde(rename = "text_sha256", default)]
    sha256: LazySha256,
    pub kind: DocumentKind,
    pub meeting: Option<Meeting>,
    /// The UN document symbol of the release, e.g. `SC/14794`.
    pub symbol: Option<String>,
    /// The organ the symbol names, e.g. `Security Council`.
    pub body: Option<String>,
    /// The release's own date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The opening place-and-date of an ordinary release, as printed.
    pub dateline: Option<String>,
    pub headline: Option<String>,
    pub subheadlines: Vec<String>,
    /// When the meeting began, 24-hour `HH:MM`.
    pub began: Option<String>,
    /// When the meeting ended, 24-hour `HH:MM`.
    pub ended: Option<String>,
    /// Times the meeting was suspended, each resumed later.
    pub suspensions: Vec<Suspension>,
    /// Sitting time: from `began` to `ended` less the suspensions.
    pub duration_minutes: Option<u32>,
    pub paragraphs: Vec<Paragraph>,
    pub speakers: Vec<Speaker>,
    /// Delegations named in sentences such as "Also delivering statements
    /// were representatives of ...": they spoke, but the release gives no turn.
    pub also_speaking: Vec<String>,
    pub facts: Vec<Fact>,
    pub entities: Vec<Entity>,
    /// Built on first use, so that slicing by code points stays cheap on
    /// large documents, including deserialised ones.
    #[serde(skip)]
    index: LazyCharIndex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// UN meeting coverage: a meeting line, a symbol, speakers' turns.
    UnMeeting,
    /// A UN statement or remarks (SG/SM, DSG/SM and the like).
    UnStatement,
    /// Anything else: corporate and government releases.
    PressRelease,
}

/// The meeting or meetings a release covers, from its header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The meeting part of the header as printed, e.g. `8967th Meeting
    /// (AM)` or `14th & 15th Meetings (AM & PM)`, without a session phrase
    /// printed on the same line.
    pub title: String,
    /// The (first) meeting's number.
    pub number: u32,
    /// Every meeting's number: `[14, 15]` for `14th & 15th Meetings`.
    #[serde(default)]
    pub numbers: Vec<u32>,
    /// What the brackets hold, as printed: `AM`, `AM & PM`, `AM, PM & Night`;
    /// null without brackets.
    pub session: Option<String>,
    /// The periods of the day the brackets name: `["AM", "PM"]`.
    #[serde(default)]
    pub periods: Vec<String>,
    /// The session the meeting belongs to, as printed on its own line or
    /// before the meeting: `Seventy-eighth Session`, `2024 Session`,
    /// `Resumed Session`, `Sixty-sixth General Assembly`.
    #[serde(default)]
    pub session_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    /// `HH:MM` when the meeting was suspended.
    pub from: String,
    /// `HH:MM` when it resumed.
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// `header`, `summary`, `briefings`, `statements`, `body`, `contact`,
    /// `boilerplate`, `footer`, or the text of a heading the parser found.
    pub section: String,
    pub role: ParagraphRole,
    /// Index into `speakers` when this paragraph is part of a speaker's turn.
    pub speaker: Option<usize>,
}

/// What a paragraph is, so that the app can show each kind its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphRole {
    /// Running text.
    Text,
    Headline,
    Subheadline,
    /// A section heading such as `Briefings` or `About Acme`.
    Heading,
    /// Meeting line, symbol, date, release markers and the like.
    Meta,
    /// Web-page furniture pasted along with the release (menus, share
    /// buttons, "Skip to main content").
    Clutter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// As printed where the speaker is introduced, e.g. `ZHANG JUN`; for an
    /// unnamed speaker, the phrase that introduces them.
    pub name: String,
    /// Delegation, country or organisation.
    pub affiliation: Option<String>,
    /// E.g. `Secretary-General`, `Council President for February`.
    pub role: Option<String>,
    /// E.g. `Group of 77 and China`.
    pub on_behalf_of: Option<String>,
    /// The speaker presides and spoke for their own country.
    pub national_capacity: bool,
    /// The section of the speaker's first turn.
    pub section: String,
    /// Indices of the paragraphs of the speaker's turns.
    pub paragraphs: Vec<usize>,
    /// Spans elsewhere in the text that refer to the speaker.
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Document {
    /// The text between two code-point offsets, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let index = self.char_index();
        let from = index.byte_of_char(&self.text, start);
        let to = index.byte_of_char(&self.text, end.max(start));
        &self.text[from..to]
    }

    /// The code-point index of `text`.
    pub fn char_index(&self) -> &CharIndex {
        self.index.0.get_or_init(|| CharIndex::new(&self.text))
    }

    /// Hands over a code-point index of `text` already built, so that the
    /// first use does not build another.
    pub(crate) fn set_char_index(&mut self, index: CharIndex) {
        let _ = self.index.0.set(index);
    }

    /// The text of paragraph `index`, or "" when out of range.
    pub fn paragraph_text(&self, index: usize) -> &str {
        match self.paragraphs.get(index) {
            Some(p) => self.slice(p.start, p.end),
            None => "",
        }
    }

    /// The paragraph holding code-point offset `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let after = self.paragraphs.partition_point(|p| p.start <= at);
        let candidate = after.checked_sub(1)?;
        (at < self.paragraphs[candidate].end).then_some(candidate)
    }

    /// A document with only text and paragraphs, for the parser to fill in.
    /// SHA-256 of `text` as UTF-8, lower-case hex: what ties exported
    /// annotations to the exact text they point into.
    pub fn text_sha256(&self) -> &str {
        self.sha256
            .0
            .get_or_init(|| sha256_hex(self.text.as_bytes()))
    }

    /// The same document with its code-point index cleared, for after
    /// `text` was put back (the digest, of the same text, kept).
    pub fn with_fresh_index(mut self) -> Self {
        self.index = LazyCharIndex::default();
        self
    }

    pub(crate) fn empty(text: String) -> Self {
        Document {
            text,
            sha256: LazySha256::default(),
            kind: DocumentKind::PressRelease,
            meeting: None,
            symbol: None,
            body: None,
            date: None,
            dateline: None,
            headline: None,
            subheadlines: Vec::new(),
            began: None,
            ended: None,
            suspensions: Vec::new(),
            duration_minutes: None,
            paragraphs: Vec::new(),
            speakers: Vec::new(),
            also_speaking: Vec::new(),
            facts: Vec::new(),
            entities: Vec::new(),
            index: LazyCharIndex::default(),
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

/// The digest once computed; equal whatever it holds, as it derives from the
/// text. Deserialising keeps the digest given (an import checks it).
#[derive(Debug, Clone, Default)]
struct LazySha256(OnceCell<String>);

impl PartialEq for LazySha256 {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<'de> Deserialize<'de> for LazySha256 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let digest = String::deserialize(deserializer)?;
        Ok(LazySha256(OnceCell::from(digest)))
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Keep in step with the fields above: this is the documented JSON.
        let mut out = serializer.serialize_struct("Document", 19)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("text_sha256", self.text_sha256())?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("meeting", &self.meeting)?;
        out.serialize_field("symbol", &self.symbol)?;
        out.serialize_field("body", &self.body)?;
        out.serialize_field("date", &self.date)?;
        out.serialize_field("dateline", &self.dateline)?;
        out.serialize_field("headline", &self.headline)?;
        out.serialize_field("subheadlines", &self.subheadlines)?;
        out.serialize_field("began", &self.began)?;
        out.serialize_field("ended", &self.ended)?;
        out.serialize_field("suspensions", &self.suspensions)?;
        out.serialize_field("duration_minutes", &self.duration_minutes)?;
        out.serialize_field("paragraphs", &self.paragraphs)?;
        out.serialize_field("speakers", &self.speakers)?;
        out.serialize_field("also_speaking", &self.also_speaking)?;
        out.serialize_field("facts", &self.facts)?;
        out.serialize_field("entities", &self.entities)?;
        out.end()
    }
}
