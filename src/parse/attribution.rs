//! Who spoke each quotation: an explicit name, a pronoun resolved to whoever
//! the text was last about, a continued quotation from the paragraph before,
//! or else the speaker whose turn holds it.

use super::draft::Para;
use super::mentions::Reference;
use super::quotes::{self, Who};
use super::release_speakers::FoundQuote;
use crate::document::ParagraphRole;

/// Every quotation in the spoken paragraphs, with its syntactic attribution.
pub fn collect(paras: &[Para]) -> Vec<FoundQuote> {
    let mut found = Vec::new();
    for (index, para) in paras.iter().enumerate() {
        if !para.is_text() || !para.section.is_spoken() {
            continue;
        }
        for quote in quotes::find(para.text) {
            let who = quotes::attribution(para.text, &quote);
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
/// name denotes (if any); `references` are the speaker references in text
/// order, which move the subject that a pronoun points back to.
pub fn resolve(
    paras: &[Para],
    quotes: &mut [FoundQuote],
    named: &[Option<usize>],
    references: &[Reference],
) {
    let mut subject: Option<usize> = None;
    let mut refs = references.iter().peekable();
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
        }
        while let Some(reference) = refs.next_if(|r| r.range.start < quote_at) {
            subject = Some(reference.speaker);
        }
        // An unattributed quotation continues the one before it when it is
        // in the same paragraph, or opens the next one.
        let continued = previous.and_then(|(prev_para, speaker, ran_on)| {
            let same = found.para == prev_para;
            let next = found.quote.open == 0 && (found.para == prev_para + 1 || ran_on);
            (same || next).then_some(speaker).flatten()
        });
        found.speaker = match &found.who {
            Some(Who::Named(_)) => named[i].or(para.speaker),
            Some(Who::Pronoun) => subject.or(para.speaker),
            None => para.speaker.or(continued),
        };
        if found.speaker.is_some() {
            subject = found.speaker;
        }
        previous = Some((found.para, found.speaker, found.quote.close_end.is_none()));
    }
}
