//! Facts and entities as the document carries them: the hard facts of a
//! release (numbers, money, dates, names, quotations), each with who
//! asserted it, and the entities that group facts naming the same thing.
//! `crate::facts` finds them; `docs/FORMAT.md` documents the JSON.

use serde::{Deserialize, Serialize};

use super::fact_value::{FactValue, RawFact};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawFact")]
pub struct Fact {
    pub kind: FactKind,
    /// Exactly as in the document: `document.text[start..end]` in code points.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The normalised value; its shape depends on `kind`.
    pub value: FactValue,
    pub paragraph: usize,
    /// The speaker whose turn or quote this is in.
    pub speaker: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Quantity,
    Money,
    Percent,
    Date,
    Time,
    Resolution,
    Document,
    Organization,
    Country,
    Quote,
}

/// Facts that name the same thing: "NATO, 2 mentions".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: FactKind,
    /// Canonical name (organisation, country) or normalised value (the rest).
    pub name: String,
    /// What an acronym stands for, when known.
    pub expansion: Option<String>,
    /// Indices into the document's facts, in text order.
    pub facts: Vec<usize>,
}
