//! "People and delegations": every speaker and every delegation across the
//! library, with the meetings they spoke in and their turns.

use std::collections::{BTreeMap, BTreeSet};

use crate::text::{fold, CharCursor};

use super::ReleaseRef;

/// Who a row of the view is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// By [`super::delegation_name`].
    Delegation(String),
    /// By folded name and delegation, so that two people of one surname in
    /// different delegations stay apart.
    Speaker {
        name: String,
        delegation: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub who: Who,
    /// The name shown: the delegation's, or the speaker's as first printed.
    pub label: String,
    /// For a speaker, the delegation; for a delegation, the forms the
    /// releases gave it (as printed) and its speakers' names.
    pub detail: Vec<String>,
    /// Ids of the releases they spoke in, in library order.
    pub releases: Vec<String>,
    pub turns: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct People {
    /// By number of turns, then name.
    pub delegations: Vec<Person>,
    pub speakers: Vec<Person>,
}

/// One turn, for a keyword-in-context line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnLine {
    pub release: String,
    /// The release's symbol or title.
    pub release_label: String,
    pub paragraph: usize,
    pub speaker: String,
    /// The turn's first words, when the release's text is in memory.
    pub excerpt: Option<String>,
}

/// Code points of a turn shown in its line.
pub const EXCERPT_CHARS: usize = 240;

fn speaker_key(name: &str, delegation: Option<&str>) -> Who {
    Who::Speaker {
        name: fold(name.trim()),
        delegation: delegation.map(str::to_owned),
    }
}

#[derive(Default)]
struct Acc {
    label: String,
    detail: BTreeSet<String>,
    releases: Vec<String>,
    turns: usize,
}

impl Acc {
    fn add(&mut self, release: &str, turns: usize) {
        if self.releases.last().map(String::as_str) != Some(release) {
            self.releases.push(release.to_owned());
        }
        self.turns += turns;
    }
}

/// Everyone who spoke in the library.
pub fn people(releases: &[ReleaseRef<'_>]) -> People {
    let mut delegations: BTreeMap<Who, Acc> = BTreeMap::new();
    let mut speakers: BTreeMap<Who, Acc> = BTreeMap::new();
    for release in releases {
        for speaker in &release.summary.speakers {
            let turns = speaker.turns.len();
            if let Some(delegation) = &speaker.delegation {
                let acc = delegations
                    .entry(Who::Delegation(delegation.clone()))
                    .or_default();
                acc.label = delegation.clone();
                if let Some(form) = &speaker.affiliation {
                    acc.detail.insert(form.trim().to_owned());
                }
                acc.add(release.id, turns);
            }
            let acc = speakers
                .entry(speaker_key(&speaker.name, speaker.delegation.as_deref()))
                .or_default();
            if acc.label.is_empty() {
                acc.label = speaker.name.trim().to_owned();
            }
            if let Some(d) = speaker.delegation.as_ref().or(speaker.role.as_ref()) {
                acc.detail.insert(d.clone());
            }
            acc.add(release.id, turns);
        }
    }
    let finish = |map: BTreeMap<Who, Acc>| {
        let mut rows: Vec<Person> = map
            .into_iter()
            .map(|(who, acc)| Person {
                who,
                label: acc.label,
                detail: acc.detail.into_iter().collect(),
                releases: acc.releases,
                turns: acc.turns,
            })
            .collect();
        crate::sort::sort_by(&mut rows, |a, b| {
            b.turns.cmp(&a.turns).then_with(|| a.label.cmp(&b.label))
        });
        rows
    };
    People {
        delegations: finish(delegations),
        speakers: finish(speakers),
    }
}

/// Every turn of `who`, release by release in library order, each with its
/// first words read from `text_of(release id)`.
pub fn turns_of<'t>(
    releases: &[ReleaseRef<'_>],
    who: &Who,
    text_of: impl Fn(&str) -> Option<&'t str>,
) -> Vec<TurnLine> {
    let mut lines = Vec::new();
    for release in releases {
        let first = lines.len();
        for speaker in &release.summary.speakers {
            let matches = match who {
                Who::Delegation(d) => speaker.delegation.as_ref() == Some(d),
                other => speaker_key(&speaker.name, speaker.delegation.as_deref()) == *other,
            };
            if !matches {
                continue;
            }
            for turn in &speaker.turns {
                lines.push(TurnLine {
                    release: release.id.to_owned(),
                    release_label: release.summary.label().to_owned(),
                    paragraph: turn.paragraph,
                    speaker: speaker.name.clone(),
                    excerpt: None,
                });
            }
        }
        // Reading order, and the words read in one pass over the text.
        let these = &mut lines[first..];
        crate::sort::sort_by_key(these, |l| l.paragraph);
        if let Some(text) = text_of(release.id) {
            let mut cursor = CharCursor::default();
            for line in these.iter_mut() {
                let Some(p) = release.summary.paragraphs.get(line.paragraph) else {
                    continue;
                };
                let from = cursor.byte_of(text, p.start);
                let to = cursor.byte_of(text, p.end.max(p.start));
                line.excerpt = Some(excerpt(&text[from..to]));
            }
        }
    }
    lines
}

fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = flat.chars().take(EXCERPT_CHARS).collect();
    if short.len() < flat.len() {
        format!("{short}…")
    } else {
        short
    }
}
