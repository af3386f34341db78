//! The promises a parsed document keeps, checked in one place: by the
//! property tests, the fuzzers and the replay of past fuzz findings.

use crate::document::Document;

impl Document {
    /// Every promise of [`Document::check_spans`], and the JSON form
    /// round-tripping. Returns the first broken promise.
    pub fn check(&self) -> Result<(), String> {
        self.check_spans()?;
        let json = serde_json::to_string(self).map_err(|e| format!("does not serialise: {e}"))?;
        let back: Document =
            serde_json::from_str(&json).map_err(|e| format!("does not deserialise: {e}"))?;
        if &back != self || back.text_sha256() != self.text_sha256() {
            return Err("the JSON form does not round-trip".to_owned());
        }
        Ok(())
    }

    /// Every span on character boundaries inside the text and inside its
    /// paragraph, and every index in range: cheap enough to run on every
    /// document that crosses from the parsing worker.
    pub fn check_spans(&self) -> Result<(), String> {
        let chars = self.char_index().len_chars();
        let mut previous_end = 0;
        for (i, p) in self.paragraphs.iter().enumerate() {
            if !(p.start < p.end && p.end <= chars && p.start >= previous_end) {
                return Err(format!(
                    "paragraph {i} {}..{} in {chars} code points after {previous_end}",
                    p.start, p.end
                ));
            }
            previous_end = p.end;
            if let Some(s) = p.speaker {
                let listed = self
                    .speakers
                    .get(s)
                    .is_some_and(|speaker| speaker.paragraphs.binary_search(&i).is_ok());
                if !listed {
                    return Err(format!(
                        "paragraph {i} names speaker {s}, who does not list it"
                    ));
                }
            }
        }
        for (s, speaker) in self.speakers.iter().enumerate() {
            if let Some(p) = speaker
                .paragraphs
                .iter()
                .find(|&&p| p >= self.paragraphs.len())
            {
                return Err(format!(
                    "speaker {s} lists paragraph {p} of {}",
                    self.paragraphs.len()
                ));
            }
            for m in &speaker.mentions {
                let inside = self
                    .paragraph_at(m.start)
                    .is_some_and(|p| m.end <= self.paragraphs[p].end);
                if !(m.start < m.end && inside) {
                    return Err(format!(
                        "speaker {s}: mention {}..{} is not inside one paragraph",
                        m.start, m.end
                    ));
                }
            }
        }
        for (f, fact) in self.facts.iter().enumerate() {
            let Some(paragraph) = self.paragraphs.get(fact.paragraph) else {
                return Err(format!("fact {f} names paragraph {}", fact.paragraph));
            };
            if !(paragraph.start <= fact.start
                && fact.start <= fact.end
                && fact.end <= paragraph.end)
            {
                return Err(format!(
                    "fact {f} {}..{} is not inside its paragraph",
                    fact.start, fact.end
                ));
            }
            if self.slice(fact.start, fact.end) != fact.text {
                return Err(format!(
                    "fact {f}: text {:?} is not what its offsets hold",
                    fact.text
                ));
            }
            if fact.speaker.is_some_and(|s| s >= self.speakers.len()) {
                return Err(format!("fact {f} names a speaker out of range"));
            }
        }
        for (e, entity) in self.entities.iter().enumerate() {
            if entity.facts.iter().any(|&f| f >= self.facts.len()) {
                return Err(format!("entity {e} names a fact out of range"));
            }
        }
        Ok(())
    }
}
