//! Finding a quote in a text: every occurrence of `exact`, scored by how much
//! of the recorded prefix and suffix surrounds it, nearest to where the
//! annotation is expected winning ties.
//!
//! The search starts in a window around the expected position and widens
//! only when no occurrence there has its whole context, so an annotation
//! that merely shifted costs a few kilobytes of scanning, not the document.

use std::collections::HashMap;

/// Bytes on each side of the expected position searched first; each
/// widening multiplies it by [`WIDEN`], so the whole text is scanned at
/// most a few times over.
const FIRST_RADIUS: usize = 4096;
const WIDEN: usize = 16;

/// Occurrences scored at most, the nearest to the expected position: a
/// one-word quote of a common word would otherwise score thousands.
const MAX_SCORED: usize = 2000;

/// A quote shorter than this many code points is not distinctive enough to
/// be placed by itself: it also needs this many code points of its context
/// to agree.
pub(crate) const DISTINCTIVE_CHARS: usize = 16;
pub(crate) const MIN_CONTEXT_AGREEMENT: usize = 4;

/// What a search looks for, in the same form as the text searched.
pub(crate) struct Needle<'q> {
    pub exact: &'q str,
    pub prefix: &'q str,
    pub suffix: &'q str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Byte offsets of the occurrence.
    pub start: usize,
    pub end: usize,
    /// Code points of prefix and suffix that agree.
    pub agreement: usize,
    /// Both prefix and suffix agree in full.
    pub full: bool,
}

/// Occurrences of strings in one text, remembered so that many annotations
/// on the same words search once.
#[derive(Default)]
pub(crate) struct Occurrences {
    whole_text: HashMap<String, Vec<usize>>,
}

impl Occurrences {
    fn all<'a>(&'a mut self, text: &str, needle: &str) -> &'a [usize] {
        self.whole_text
            .entry(needle.to_owned())
            .or_insert_with(|| find_all(text, needle, 0, text.len()))
    }
}

/// Byte offsets of every occurrence of `needle` starting in `from..to`,
/// overlapping ones included.
fn find_all(text: &str, needle: &str, from: usize, to: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let first_len = needle.chars().next().map_or(1, char::len_utf8);
    let limit = floor_char(text, to.saturating_add(needle.len()));
    let mut at = from;
    while let Some(found) = text.get(at..limit).and_then(|hay| hay.find(needle)) {
        let pos = at + found;
        if pos >= to {
            break;
        }
        out.push(pos);
        at = pos + first_len;
    }
    out
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The best occurrence of `needle.exact` near byte `expected`, or `None`.
/// The caller decides whether a partial agreement is good enough.
pub(crate) fn best_hit(
    text: &str,
    needle: &Needle,
    expected: usize,
    cache: &mut Occurrences,
) -> Option<Hit> {
    if needle.exact.is_empty() {
        return None;
    }
    let mut radius = FIRST_RADIUS;
    loop {
        let from = floor_char(text, expected.saturating_sub(radius));
        let to = floor_char(text, expected.saturating_add(radius));
        let whole = from == 0 && to == text.len();
        let positions = if whole {
            cache.all(text, needle.exact).to_vec()
        } else {
            find_all(text, needle.exact, from, to)
        };
        let best = best_of(text, needle, expected, &positions);
        if whole || best.is_some_and(|h| h.full) {
            return best;
        }
        radius = radius.saturating_mul(WIDEN);
    }
}

fn best_of(text: &str, needle: &Needle, expected: usize, positions: &[usize]) -> Option<Hit> {
    let distance = |pos: usize| pos.abs_diff(expected);
    let mut nearest: Vec<usize> = positions.to_vec();
    if nearest.len() > MAX_SCORED {
        crate::sort::sort_by_key(&mut nearest, |&p| distance(p));
        nearest.truncate(MAX_SCORED);
    }
    nearest
        .into_iter()
        .map(|start| score(text, needle, start))
        .max_by(|a, b| {
            (a.full, a.agreement)
                .cmp(&(b.full, b.agreement))
                .then(distance(b.start).cmp(&distance(a.start)))
        })
}

fn score(text: &str, needle: &Needle, start: usize) -> Hit {
    let end = start + needle.exact.len();
    let before = text[..start]
        .chars()
        .rev()
        .zip(needle.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[end..]
        .chars()
        .zip(needle.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    Hit {
        start,
        end,
        agreement: before + after,
        full: before == needle.prefix.chars().count() && after == needle.suffix.chars().count(),
    }
}

/// Whether a hit is trustworthy: its whole context agrees, or the quote is
/// long enough to stand alone, or enough of its context agrees.
pub(crate) fn acceptable(hit: &Hit, needle: &Needle) -> bool {
    hit.full
        || needle.exact.chars().count() >= DISTINCTIVE_CHARS
        || hit.agreement >= MIN_CONTEXT_AGREEMENT
}

/// Finds where the quote's text was replaced: its prefix, then its suffix a
/// plausible distance later. Used when the quoted words themselves were
/// edited. Needs enough context on both sides to be sure.
pub(crate) fn between_context(
    text: &str,
    needle: &Needle,
    expected: usize,
    cache: &mut Occurrences,
) -> Option<(usize, usize)> {
    let (prefix_chars, suffix_chars) =
        (needle.prefix.chars().count(), needle.suffix.chars().count());
    if prefix_chars < MIN_CONTEXT_AGREEMENT
        || suffix_chars < MIN_CONTEXT_AGREEMENT
        || prefix_chars + suffix_chars < DISTINCTIVE_CHARS
    {
        return None;
    }
    // The replacement may be up to twice as long as what it replaced.
    let max_gap = needle.exact.len().saturating_mul(2).saturating_add(64);
    let mut prefixes = cache.all(text, needle.prefix).to_vec();
    crate::sort::sort_by_key(&mut prefixes, |&p| p.abs_diff(expected));
    prefixes.truncate(MAX_SCORED);
    prefixes.into_iter().find_map(|p| {
        let gap_start = p + needle.prefix.len();
        let limit = floor_char(
            text,
            gap_start.saturating_add(max_gap + needle.suffix.len()),
        );
        let gap = text.get(gap_start..limit)?.find(needle.suffix)?;
        let inner = &text[gap_start..gap_start + gap];
        let lead = inner.len() - inner.trim_start().len();
        let trimmed = inner.trim();
        (!trimmed.is_empty()).then_some((gap_start + lead, gap_start + lead + trimmed.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_occurrences() {
        assert_eq!(find_all("aaaa", "aa", 0, 4), vec![0, 1, 2]);
        assert_eq!(find_all("abcabc", "abc", 1, 6), vec![3]);
        assert_eq!(find_all("abc", "", 0, 3), Vec::<usize>::new());
    }

    #[test]
    fn prefers_full_context_then_nearness() {
        let text = "x said hello there. y said hello here. x said hello there.";
        let needle = Needle {
            exact: "hello",
            prefix: "x said ",
            suffix: " there",
        };
        let mut cache = Occurrences::default();
        let near_end = best_hit(text, &needle, text.len(), &mut cache).unwrap();
        assert!(near_end.full);
        assert_eq!(near_end.start, text.rfind("hello").unwrap());
        let near_start = best_hit(text, &needle, 0, &mut cache).unwrap();
        assert_eq!(near_start.start, text.find("hello").unwrap());
    }
}
