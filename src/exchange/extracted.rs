//! What the parser found, as labelled spans for other tools: each turn of
//! each speaker, each mention of a speaker, and each fact. Label Studio
//! gets them as predictions, UIMA XMI as layers of their own.

use serde_json::Value;

use crate::annotate::speaker_turns;
use crate::document::{Document, Speaker};

/// One extracted span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Extracted {
    pub kind: ExtractedKind,
    /// `Turn`, `Speaker`, or the fact's kind (`Money`, `Date`, …).
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// The speaker (`ZHANG JUN (China)`) or the fact's value as JSON.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExtractedKind {
    Turn,
    Speaker,
    Fact,
}

/// The labels extracted spans may carry, in the order a config lists them.
pub(crate) const EXTRACTED_LABELS: &[&str] = &[
    "Turn",
    "Speaker",
    "Quantity",
    "Money",
    "Percent",
    "Date",
    "Time",
    "Resolution",
    "Document",
    "Organization",
    "Country",
    "Quote",
];

/// Every turn, speaker mention and fact of `document`, in text order.
pub(crate) fn extracted(document: &Document) -> Vec<Extracted> {
    let mut out = Vec::new();
    for (index, speaker) in document.speakers.iter().enumerate() {
        let who = describe(speaker);
        for turn in speaker_turns(document, index) {
            out.push(Extracted {
                kind: ExtractedKind::Turn,
                label: "Turn".to_owned(),
                start: turn.start,
                end: turn.end,
                detail: who.clone(),
            });
        }
        for mention in &speaker.mentions {
            out.push(Extracted {
                kind: ExtractedKind::Speaker,
                label: "Speaker".to_owned(),
                start: mention.start,
                end: mention.end,
                detail: who.clone(),
            });
        }
    }
    for fact in &document.facts {
        out.push(Extracted {
            kind: ExtractedKind::Fact,
            label: fact_label(serde_json::to_value(fact.kind).unwrap_or(Value::Null)),
            start: fact.start,
            end: fact.end,
            detail: serde_json::to_string(&fact.value).unwrap_or_default(),
        });
    }
    let len = document.char_index().len_chars();
    out.retain(|e| e.start < e.end && e.end <= len);
    crate::sort::sort_by_key(&mut out, |e| (e.start, std::cmp::Reverse(e.end)));
    out
}

/// `ZHANG JUN (China)`, `Jane Doe, chief executive`.
fn describe(speaker: &Speaker) -> String {
    let mut out = speaker.name.clone();
    if let Some(affiliation) = &speaker.affiliation {
        out.push_str(&format!(" ({affiliation})"));
    }
    if let Some(role) = &speaker.role {
        out.push_str(&format!(", {role}"));
    }
    out
}

/// `"money"` → `Money`: the fact kind as the JSON names it, capitalised.
fn fact_label(kind: Value) -> String {
    let name = kind.as_str().unwrap_or("fact");
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Fact".to_owned(),
    }
}
