//! Spans the app can annotate in one action: a fact, or a whole speaker's
//! turn.

use crate::document::Document;
pub use crate::document::Span;

use super::error::EditError;

/// The span of fact `index`.
pub fn fact_range(document: &Document, index: usize) -> Result<Span, EditError> {
    let fact = document
        .facts
        .get(index)
        .ok_or(EditError::NoSuchFact(index))?;
    Ok(Span {
        start: fact.start,
        end: fact.end,
    })
}

/// Each turn of speaker `speaker`: a run of consecutive paragraphs of theirs,
/// from the start of its first paragraph to the end of its last. A speaker
/// who took the floor twice (a President opening and closing a meeting) has
/// two turns.
pub fn speaker_turns(document: &Document, speaker: usize) -> Vec<Span> {
    let Some(speaker) = document.speakers.get(speaker) else {
        return Vec::new();
    };
    let mut indices: Vec<usize> = speaker
        .paragraphs
        .iter()
        .copied()
        .filter(|&p| p < document.paragraphs.len())
        .collect();
    crate::sort::sort(&mut indices);
    indices.dedup();
    runs(&indices)
        .into_iter()
        .map(|(first, last)| Span {
            start: document.paragraphs[first].start,
            end: document.paragraphs[last].end,
        })
        .collect()
}

/// The turn that paragraph `paragraph` belongs to.
pub fn turn_range_at(document: &Document, paragraph: usize) -> Result<Span, EditError> {
    let p = document
        .paragraphs
        .get(paragraph)
        .ok_or(EditError::NoSuchParagraph(paragraph))?;
    let speaker = p
        .speaker
        .or_else(|| {
            document
                .speakers
                .iter()
                .position(|s| s.paragraphs.contains(&paragraph))
        })
        .ok_or(EditError::NotInATurn(paragraph))?;
    let (start, end) = (p.start, p.end);
    speaker_turns(document, speaker)
        .into_iter()
        .find(|turn| turn.start <= start && end <= turn.end)
        .ok_or(EditError::NotInATurn(paragraph))
}

/// Runs of consecutive numbers in a sorted list, as (first, last) pairs.
fn runs(sorted: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &n in sorted {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => out.push((n, n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn groups_consecutive_paragraphs() {
        assert_eq!(runs(&[]), vec![]);
        assert_eq!(runs(&[3]), vec![(3, 3)]);
        assert_eq!(runs(&[1, 2, 3, 7, 8, 10]), vec![(1, 3), (7, 8), (10, 10)]);
    }
}
