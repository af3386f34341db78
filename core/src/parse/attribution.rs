//! Who spoke each quotation: an explicit name, a pronoun resolved to whoever
//! the text was last about, a continued quotation from the paragraph before,
//! or else the speaker whose turn holds it.

use super::draft::Para;
use super::mentions::Reference;
use super::quotes::{self, Who};
use super::release_speakers::FoundQuote;
use crate::document::ParagraphRole;

/// Every quotation in the spoken paragraphs, with its syntactic attribution.
pub fn collect(paras: &[Para], meeting: bool) -> Vec<FoundQuote> {
    let mut found = Vec::new();
    for (index, para) in paras.iter().enumerate() {
        if !para.is_text() || !para.section.is_spoken() {
            continue;
        }
        for quote in quotes::find(para.text) {
            let who = quotes::attribution(para.text, &quote, meeting);
            found.push(FoundQuote {
                para: index,
                quote,
                who,
                speaker: None,
            });
        }
    }
    found
}

/// Resolves each quotation's speaker. `named[i]` is the speaker an explicit
/// name, a title or a person quoted denotes (if any); `references` are the
/// speaker references in text order, which move the subject that a
/// pronoun points back to. In meeting coverage (`turns`), a quotation
/// inside a turn is its speaker's unless the sentence names another, and
/// a pronoun there is the turn's speaker; outside turns (a summary) it is
/// the sentence's subject, or whoever the text was last about.
pub fn resolve(
    paras: &[Para],
    quotes: &mut [FoundQuote],
    named: &[Option<usize>],
    references: &[Reference],
    turns: bool,
) {
    let mut subject: Option<usize> = None;
    let mut refs = references.iter().peekable();
    // The references read in the current paragraph: (where, speaker).
    let mut in_para: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<(usize, Option<usize>, bool)> = None; // (para, speaker, ran on)
    let mut last_para = None;
    for (i, found) in quotes.iter_mut().enumerate() {
        let para = &paras[found.para];
        let quote_at = para.range.start + found.quote.open;
        // Paragraphs between the last quote and this one may move the subject.
        if last_para != Some(found.para) {
            let from = last_para.map_or(0, |p| p + 1);
            for between in &paras[from..=found.para] {
                if between.role == ParagraphRole::Heading {
                    subject = None;
                }
                if between.speaker.is_some() {
                    subject = between.speaker;
                }
            }
            last_para = Some(found.para);
            in_para.clear();
        }
        while let Some(reference) = refs.next_if(|r| r.range.start < quote_at) {
            subject = Some(reference.speaker);
            if reference.para == found.para {
                in_para.push((reference.range.start, reference.speaker));
            }
        }
        // An unattributed quotation continues the one before it when it is
        // in the same paragraph, or opens the next one.
        let continued = previous.and_then(|(prev_para, speaker, ran_on)| {
            let same = found.para == prev_para;
            let next = found.quote.open == 0 && (found.para == prev_para + 1 || ran_on);
            (same || next).then_some(speaker).flatten()
        });
        let here = para.speaker_at(found.quote.open);
        found.speaker = if turns {
            // The first speaker the quotation's sentence refers to.
            let sentence =
                para.range.start + quotes::sentence_start(&para.text[..found.quote.open]);
            let first = in_para.partition_point(|&(at, _)| at < sentence);
            let in_sentence = in_para.get(first).map(|&(_, speaker)| speaker);
            match &found.who {
                Some(Who::Named(_)) => named[i].or(here),
                Some(Who::Role(_) | Who::Other(_)) => named[i],
                Some(Who::Title) => None,
                Some(Who::Pronoun) => here.or(subject),
                None if here.is_some() => here,
                None => in_sentence.or(continued),
            }
        } else {
            match &found.who {
                Some(Who::Named(_) | Who::Role(_)) => named[i].or(here),
                Some(Who::Other(_)) => named[i],
                Some(Who::Title) => None,
                Some(Who::Pronoun) => subject.or(here),
                None => here.or(continued),
            }
        };
        if found.speaker.is_some() && !matches!(found.who, Some(Who::Other(_) | Who::Title)) {
            subject = found.speaker;
        }
        previous = Some((found.para, found.speaker, found.quote.close_end.is_none()));
    }
}
