//! References to known speakers elsewhere in the text: their names
//! (`António Guterres` for `ANTÓNIO GUTERRES`, `Ms. Stephan`, a surname in an
//! ordinary release) and, in UN coverage, their delegations (`India’s
//! delegate`, `The representative of Armenia`, `the United States’
//! representative`).

use std::collections::HashMap;
use std::ops::Range;

use super::draft::{Para, SpeakerDraft};
use super::words::{fold, words};
use crate::document::ParagraphRole;

/// A reference to a speaker: paragraph index, byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub para: usize,
    pub range: Range<usize>,
    pub speaker: usize,
}

/// What to look for.
pub struct Options {
    /// A bare surname refers to its speaker (ordinary releases, where people
    /// are introduced by full name and then by surname).
    pub surnames: bool,
    /// Delegation phrases refer to the delegation's speaker (UN coverage).
    pub delegations: bool,
}

enum Pattern {
    /// The remaining folded words of a full name after its first.
    FullName { speaker: usize, rest: Vec<String> },
    /// A surname on its own.
    Surname { speaker: usize },
}

/// Finds every reference, in text order.
pub fn scan(paras: &[Para], speakers: &[SpeakerDraft], options: &Options) -> Vec<Reference> {
    let names = name_patterns(speakers, options.surnames);
    let delegations: HashMap<String, usize> = if options.delegations {
        delegation_keys(speakers)
    } else {
        HashMap::new()
    };
    let mut found = Vec::new();
    for (index, para) in paras.iter().enumerate() {
        if matches!(para.role, ParagraphRole::Clutter | ParagraphRole::Meta) {
            continue;
        }
        let list: Vec<(usize, &str)> = words(para.text).collect();
        let folded: Vec<String> = list.iter().map(|(_, w)| fold_word(w)).collect();
        let mut refs = Vec::new();
        names_in(&list, &folded, &names, para.text, &mut refs);
        if !delegations.is_empty() {
            delegations_in(&list, &folded, &delegations, &mut refs);
        }
        refs.sort_by_key(|r: &(Range<usize>, usize)| r.0.start);
        refs.dedup_by(|b, a| b.0.start < a.0.end);
        found.extend(refs.into_iter().map(|(range, speaker)| Reference {
            para: index,
            range: para.range.start + range.start..para.range.start + range.end,
            speaker,
        }));
    }
    found
}

/// A word without surrounding punctuation or a possessive, folded.
fn fold_word(word: &str) -> String {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let bare = ["’s", "'s"]
        .iter()
        .find_map(|s| bare.strip_suffix(s))
        .unwrap_or(bare);
    fold(bare)
}

/// Byte length of `word` without trailing punctuation or possessive.
fn bare_len(word: &str) -> usize {
    let start = word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let bare = ["’s", "'s"]
        .iter()
        .find_map(|s| bare.strip_suffix(s))
        .unwrap_or(bare);
    start + bare.len()
}

fn name_patterns(speakers: &[SpeakerDraft], surnames: bool) -> HashMap<String, Vec<Pattern>> {
    let mut patterns: HashMap<String, Vec<Pattern>> = HashMap::new();
    for (speaker, draft) in speakers.iter().enumerate() {
        if draft.key.starts_with("delegation of ") {
            continue;
        }
        let tokens: Vec<String> = words(&draft.name)
            .map(|(_, w)| fold_word(w))
            .filter(|w| !w.is_empty())
            .collect();
        let Some((first, rest)) = tokens.split_first() else {
            continue;
        };
        if !rest.is_empty() {
            patterns
                .entry(first.clone())
                .or_default()
                .push(Pattern::FullName {
                    speaker,
                    rest: rest.to_vec(),
                });
        }
        if surnames {
            if let Some(last) = tokens.last().filter(|t| t.chars().count() >= 3) {
                patterns
                    .entry(last.clone())
                    .or_default()
                    .push(Pattern::Surname { speaker });
            }
        }
    }
    patterns
}

fn names_in(
    list: &[(usize, &str)],
    folded: &[String],
    patterns: &HashMap<String, Vec<Pattern>>,
    text: &str,
    refs: &mut Vec<(Range<usize>, usize)>,
) {
    let mut i = 0;
    while i < list.len() {
        let Some(candidates) = patterns.get(&folded[i]) else {
            i += 1;
            continue;
        };
        let capitalised = list[i]
            .1
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let mut matched = None;
        for pattern in candidates {
            match pattern {
                Pattern::FullName { speaker, rest } => {
                    let end = i + rest.len();
                    if end < list.len() && folded[i + 1..=end] == rest[..] {
                        matched = Some((end, *speaker));
                        break;
                    }
                }
                Pattern::Surname { speaker } if capitalised => {
                    matched = matched.or(Some((i, *speaker)));
                }
                Pattern::Surname { .. } => {}
            }
        }
        match matched {
            Some((end, speaker)) => {
                let start = list[i].0
                    + (list[i].1.len()
                        - list[i]
                            .1
                            .trim_start_matches(|c: char| !c.is_alphanumeric())
                            .len());
                let stop = list[end].0 + bare_len(list[end].1);
                if start < stop && text.is_char_boundary(start) && text.is_char_boundary(stop) {
                    refs.push((start..stop, speaker));
                }
                i = end + 1;
            }
            None => i += 1,
        }
    }
}

/// Affiliations of the speakers, folded, mapped to the first speaker of each.
fn delegation_keys(speakers: &[SpeakerDraft]) -> HashMap<String, usize> {
    let mut keys = HashMap::new();
    for (speaker, draft) in speakers.iter().enumerate() {
        if let Some(affiliation) = &draft.affiliation {
            keys.entry(fold(affiliation)).or_insert(speaker);
        }
    }
    keys
}

const DELEGATE_NOUNS: &[&str] = &[
    "delegate",
    "representative",
    "delegation",
    "speaker",
    "envoy",
    "ambassador",
];

/// `India’s delegate`, `The United States’ representative`, `the
/// representative of the Russian Federation`.
fn delegations_in(
    list: &[(usize, &str)],
    folded: &[String],
    keys: &HashMap<String, usize>,
    refs: &mut Vec<(Range<usize>, usize)>,
) {
    for (i, (at, word)) in list.iter().enumerate() {
        let noun = word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !DELEGATE_NOUNS.contains(&noun.as_str()) {
            continue;
        }
        let noun_end = at + word.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        // Possessive before the noun: the longest run of words ending there
        // that names a known delegation.
        if i > 0 && is_possessive(list[i - 1].1) {
            let from = i.saturating_sub(7);
            for start in from..i {
                let phrase = folded[start..i].join(" ");
                if let Some(&speaker) = keys.get(phrase.trim_start_matches("the ")) {
                    let span_start = if start > 0 && folded[start - 1] == "the" {
                        list[start - 1].0
                    } else {
                        list[start].0
                    };
                    refs.push((span_start..noun_end, speaker));
                    break;
                }
            }
            continue;
        }
        // `representative of X`: the longest run after "of"/"for" that names one.
        let Some(&(_, connector)) = list.get(i + 1) else {
            continue;
        };
        if connector != "of" && connector != "for" {
            continue;
        }
        let first = i + 2;
        for end in (first..list.len().min(first + 8)).rev() {
            let phrase = folded[first..=end].join(" ");
            if let Some(&speaker) = keys.get(phrase.trim_start_matches("the ")) {
                let span_start = if i > 0 && folded[i - 1] == "the" {
                    list[i - 1].0
                } else {
                    *at
                };
                let stop = list[end].0 + bare_len(list[end].1);
                refs.push((span_start..stop, speaker));
                break;
            }
        }
    }
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with('’') || word.ends_with('\'')
}
