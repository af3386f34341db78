//! What the library keeps of a parsed release besides its text: enough for
//! the library list and every cross-library view, so that opening a library
//! of hundreds of releases parses none of them.

use serde::{Deserialize, Serialize};

use crate::annotate::speaker_of_paragraph;
use crate::document::{Document, ParagraphRole};

use super::delegation::delegation_name;

/// Longest title kept when a release has no headline.
const TITLE_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The headline, or else the first line of running text.
    pub title: String,
    pub symbol: Option<String>,
    pub body: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The meeting as a reader names it: the session, if the header
    /// prints one, and the meeting line, e.g. `8967th Meeting (AM)`,
    /// `Seventy-ninth Session, 41st Meeting (PM)`.
    pub meeting: Option<String>,
    /// Code points in the text.
    pub chars: usize,
    /// Each paragraph's span and the speaker whose turn it is part of;
    /// stored packed as bytes (one typed array in IndexedDB, not an object
    /// per paragraph: a 50 MB text has a million paragraphs).
    #[serde(with = "packed")]
    pub paragraphs: Vec<ParagraphRef>,
    pub speakers: Vec<SpeakerSummary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRef {
    pub start: usize,
    pub end: usize,
    /// Index into [`Summary::speakers`].
    pub speaker: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerSummary {
    pub name: String,
    pub affiliation: Option<String>,
    /// The delegation under one name for all its forms
    /// ([`delegation_name`]).
    pub delegation: Option<String>,
    pub role: Option<String>,
    pub on_behalf_of: Option<String>,
    /// Packed as bytes, like the paragraphs.
    #[serde(with = "packed_turns")]
    pub turns: Vec<TurnSummary>,
}

/// One turn: a run of consecutive paragraphs of one speaker. Its words are
/// read from the text when a view shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TurnSummary {
    /// Its first paragraph.
    pub paragraph: usize,
    /// How many paragraphs it runs to.
    pub paragraphs: usize,
}

impl Summary {
    pub fn of(document: &Document) -> Summary {
        let paragraph_speakers = speaker_of_paragraph(document);
        let mut turns = turns_of_all(&paragraph_speakers, document.speakers.len());
        let paragraphs = document
            .paragraphs
            .iter()
            .zip(&paragraph_speakers)
            .map(|(p, speaker)| ParagraphRef {
                start: p.start,
                end: p.end,
                speaker: *speaker,
            })
            .collect();
        let speakers = document
            .speakers
            .iter()
            .enumerate()
            .map(|(index, speaker)| SpeakerSummary {
                name: speaker.name.clone(),
                affiliation: speaker.affiliation.clone(),
                delegation: speaker.affiliation.as_deref().and_then(delegation_name),
                role: speaker.role.clone(),
                on_behalf_of: speaker.on_behalf_of.clone(),
                turns: std::mem::take(&mut turns[index]),
            })
            .collect();
        Summary {
            title: title(document),
            symbol: document.symbol.clone(),
            body: document.body.clone(),
            date: document.date.clone(),
            meeting: document.meeting.as_ref().map(|m| match &m.session_name {
                Some(session) => format!("{session}, {}", m.title),
                None => m.title.clone(),
            }),
            chars: document.char_index().len_chars(),
            paragraphs,
            speakers,
        }
    }

    /// The paragraph holding code point `at`, or the first one after it.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let after = self.paragraphs.partition_point(|p| p.start <= at);
        match after.checked_sub(1) {
            Some(i) if at < self.paragraphs[i].end => Some(i),
            _ => (after < self.paragraphs.len()).then_some(after),
        }
    }

    /// The speaker whose turn holds code point `at`.
    pub fn speaker_at(&self, at: usize) -> Option<&SpeakerSummary> {
        let paragraph = self.paragraph_at(at)?;
        let speaker = self.paragraphs.get(paragraph)?.speaker?;
        self.speakers.get(speaker)
    }

    /// The symbol, or else the title: how the release is named in lists.
    pub fn label(&self) -> &str {
        self.symbol.as_deref().unwrap_or(&self.title)
    }
}

fn title(document: &Document) -> String {
    if let Some(headline) = document
        .headline
        .as_deref()
        .filter(|h| !h.trim().is_empty())
    {
        return headline.trim().to_owned();
    }
    let first = document
        .paragraphs
        .iter()
        .enumerate()
        .find(|(_, p)| matches!(p.role, ParagraphRole::Text | ParagraphRole::Headline))
        .map(|(i, _)| document.paragraph_text(i))
        .or_else(|| document.text.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("");
    let line = first.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return "Untitled release".to_owned();
    }
    let short: String = line.chars().take(TITLE_CHARS).collect();
    if short.len() < line.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The turns of each of `count` speakers: runs of consecutive paragraphs.
/// One pass over the paragraphs for all speakers (one pass per speaker was
/// quadratic: a 1 MB release of 2,300 speakers took 80 ms in the browser).
fn turns_of_all(speakers: &[Option<usize>], count: usize) -> Vec<Vec<TurnSummary>> {
    let mut turns: Vec<Vec<TurnSummary>> = vec![Vec::new(); count];
    for (p, speaker) in speakers.iter().enumerate() {
        let Some(list) = speaker.and_then(|s| turns.get_mut(s)) else {
            continue;
        };
        match list.last_mut() {
            Some(turn) if turn.paragraph + turn.paragraphs == p => turn.paragraphs += 1,
            _ => list.push(TurnSummary {
                paragraph: p,
                paragraphs: 1,
            }),
        }
    }
    turns
}

/// Turns as little-endian `u32` pairs (first paragraph, count).
mod packed_turns {
    use serde::de::Error;
    use serde::{Deserializer, Serializer};

    use super::packed::{read_words, write_words};
    use super::TurnSummary;

    pub fn serialize<S: Serializer>(
        turns: &[TurnSummary],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let words: Vec<u32> = turns
            .iter()
            .flat_map(|t| [t.paragraph as u32, t.paragraphs as u32])
            .collect();
        serializer.serialize_bytes(&write_words(&words))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<TurnSummary>, D::Error> {
        let words = read_words(deserializer)?;
        if words.len() % 2 != 0 {
            return Err(D::Error::custom("packed turns are not whole"));
        }
        Ok(words
            .chunks_exact(2)
            .map(|w| TurnSummary {
                paragraph: w[0] as usize,
                paragraphs: w[1] as usize,
            })
            .collect())
    }
}

/// Paragraphs as little-endian `u32` triples (start, end, speaker or
/// `u32::MAX`): bytes, which `serde-wasm-bindgen` hands to JavaScript as one
/// `Uint8Array`.
mod packed {
    use serde::de::{Error, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use super::ParagraphRef;

    const NONE: u32 = u32::MAX;

    pub fn serialize<S: Serializer>(
        paragraphs: &[ParagraphRef],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let words: Vec<u32> = paragraphs
            .iter()
            .flat_map(|p| {
                [
                    p.start as u32,
                    p.end as u32,
                    p.speaker.map_or(NONE, |s| s as u32),
                ]
            })
            .collect();
        serializer.serialize_bytes(&write_words(&words))
    }

    pub(super) fn write_words(words: &[u32]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    pub(super) fn read_words<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<u32>, D::Error> {
        let bytes = deserializer.deserialize_byte_buf(Bytes)?;
        if bytes.len() % 4 != 0 {
            return Err(D::Error::custom("packed numbers are not whole"));
        }
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    struct Bytes;

    impl<'de> Visitor<'de> for Bytes {
        type Value = Vec<u8>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("packed paragraphs")
        }

        fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }

        fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::new();
            while let Some(byte) = seq.next_element::<u8>()? {
                out.push(byte);
            }
            Ok(out)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<ParagraphRef>, D::Error> {
        let words = read_words(deserializer)?;
        if words.len() % 3 != 0 {
            return Err(D::Error::custom("packed paragraphs are not whole"));
        }
        Ok(words
            .chunks_exact(3)
            .map(|w| ParagraphRef {
                start: w[0] as usize,
                end: w[1] as usize,
                speaker: match w[2] {
                    NONE => None,
                    s => Some(s as usize),
                },
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn the_sample_summarised() {
        let document = parse(crate::sample::UN_MEETING);
        let summary = Summary::of(&document);
        assert_eq!(summary.symbol.as_deref(), document.symbol.as_deref());
        assert_eq!(summary.paragraphs.len(), document.paragraphs.len());
        assert_eq!(summary.speakers.len(), document.speakers.len());
        assert!(summary.speakers.iter().all(|s| !s.turns.is_empty()));
        // Every paragraph of a turn is in exactly one turn summary.
        let covered: usize = summary
            .speakers
            .iter()
            .flat_map(|s| &s.turns)
            .map(|t| t.paragraphs)
            .sum();
        let in_turns = summary
            .paragraphs
            .iter()
            .filter(|p| p.speaker.is_some())
            .count();
        assert_eq!(covered, in_turns);
        let turn = &summary.speakers[0].turns[0];
        assert_eq!(document.paragraphs[turn.paragraph].speaker, Some(0));
        // Round trip through JSON, as IndexedDB stores it.
        let json = serde_json::to_string(&summary).unwrap();
        assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), summary);
    }

    #[test]
    fn turns_are_runs_of_one_speakers_paragraphs() {
        let t = |paragraph, paragraphs| TurnSummary {
            paragraph,
            paragraphs,
        };
        // Paragraphs 0-1 by speaker 0, 2 by 1, 3 by 0, 4 narration, 5-6 by 1;
        // speaker 2 never speaks, and an index past the speakers is ignored.
        let of = [
            Some(0),
            Some(0),
            Some(1),
            Some(0),
            None,
            Some(1),
            Some(1),
            Some(7),
        ];
        assert_eq!(
            turns_of_all(&of, 3),
            vec![vec![t(0, 2), t(3, 1)], vec![t(2, 1), t(5, 2)], vec![]]
        );
    }

    #[test]
    fn a_release_without_headline_is_titled_by_its_first_line() {
        let document = parse("Some words of a note.\n\nAnother paragraph.");
        assert_eq!(Summary::of(&document).title, "Some words of a note.");
        assert_eq!(Summary::of(&parse("")).title, "Untitled release");
    }
}
