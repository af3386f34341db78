//! "Search": a phrase across every release, without regard to case or
//! accents (`text::fold`), results as keyword-in-context lines. Each text is
//! folded once, paragraph by paragraph (a hit never spans two), when the
//! library's texts are loaded; a search is then one substring scan of the
//! folded texts, and only the hits shown are mapped back to code points.

use std::rc::Rc;

use crate::text::{fold, fold_into, original_offset};

use super::summary::Summary;
use super::ReleaseRef;

/// Code points of context shown on each side of a hit.
pub const CONTEXT_CHARS: usize = 60;

/// A release's text, folded for search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    pub text: Rc<str>,
    folded: String,
    /// Byte offset in `folded` where each paragraph starts.
    starts: Vec<usize>,
    /// Each paragraph's byte span in `text`.
    spans: Vec<(usize, usize)>,
}

impl SearchText {
    /// Folds `text` paragraph by paragraph, in one pass over it.
    pub fn new(text: Rc<str>, summary: &Summary) -> Self {
        let mut folded = String::with_capacity(text.len() + summary.paragraphs.len());
        let mut starts = Vec::with_capacity(summary.paragraphs.len());
        let mut spans = Vec::with_capacity(summary.paragraphs.len());
        let mut cursor = Cursor::default();
        for p in &summary.paragraphs {
            let from = cursor.byte_of(&text, p.start);
            let to = cursor.byte_of(&text, p.end.max(p.start));
            starts.push(folded.len());
            spans.push((from, to));
            let at = folded.len();
            fold_into(&text[from..to], &mut folded);
            // Line breaks and tabs inside a paragraph read as spaces (the
            // same length), so that a phrase matches across them.
            if folded[at..].bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
                let tail = folded.split_off(at).replace(['\n', '\r', '\t'], " ");
                folded.push_str(&tail);
            }
            folded.push('\n');
        }
        SearchText {
            text,
            folded,
            starts,
            spans,
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Walks a text forwards from code-point offset to byte offset; offsets
/// asked in order cost one pass in all.
#[derive(Default)]
struct Cursor {
    chars: usize,
    byte: usize,
}

impl Cursor {
    fn byte_of(&mut self, text: &str, chars: usize) -> usize {
        if chars < self.chars {
            *self = Cursor::default();
        }
        let rest = &text[self.byte..];
        let ahead = chars - self.chars;
        let step = rest
            .char_indices()
            .nth(ahead)
            .map_or(rest.len(), |(at, _)| at);
        self.byte += step;
        self.chars = if self.byte == text.len() {
            self.chars + rest[..step].chars().count()
        } else {
            chars
        };
        self.byte
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub release: String,
    pub release_label: String,
    pub paragraph: usize,
    /// Code points into the release's text, end-exclusive.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub before: String,
    pub matched: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResults {
    /// The first hits, in library then reading order.
    pub hits: Vec<SearchHit>,
    /// Every hit, shown or not.
    pub total: usize,
    /// Releases with at least one hit.
    pub releases: usize,
}

/// The query as it is matched: folded, runs of spaces as one.
pub fn fold_query(query: &str) -> String {
    fold(query).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds `query` in every release; the first `limit` hits come with context.
pub fn search(
    releases: &[(ReleaseRef<'_>, &SearchText)],
    query: &str,
    limit: usize,
) -> SearchResults {
    let needle = fold_query(query);
    let mut results = SearchResults::default();
    if needle.is_empty() {
        return results;
    }
    for (release, text) in releases {
        let mut found = 0;
        for (at, _) in text.folded.match_indices(needle.as_str()) {
            found += 1;
            if results.hits.len() < limit {
                if let Some(hit) = hit_at(release, text, at, needle.len()) {
                    results.hits.push(hit);
                }
            }
        }
        if found > 0 {
            results.releases += 1;
            results.total += found;
        }
    }
    results
}

fn hit_at(release: &ReleaseRef<'_>, text: &SearchText, at: usize, len: usize) -> Option<SearchHit> {
    let paragraph = text.starts.partition_point(|s| *s <= at).checked_sub(1)?;
    let (from, to) = *text.spans.get(paragraph)?;
    let original = &text.text[from..to];
    let local = at - text.starts[paragraph];
    let start = original_offset(original, local);
    let end = original_offset(original, local + len).max(start + 1);
    let chars: Vec<char> = original.chars().collect();
    let end = end.min(chars.len());
    let take = |from: usize, to: usize| -> String {
        chars[from..to]
            .iter()
            .map(|c| if c.is_whitespace() { ' ' } else { *c })
            .collect()
    };
    let paragraph_start = release.summary.paragraphs.get(paragraph)?.start;
    let before_from = start.saturating_sub(CONTEXT_CHARS);
    let after_to = (end + CONTEXT_CHARS).min(chars.len());
    Some(SearchHit {
        release: release.id.to_owned(),
        release_label: release.summary.label().to_owned(),
        paragraph,
        start: paragraph_start + start,
        end: paragraph_start + end,
        speaker: release
            .summary
            .paragraphs
            .get(paragraph)
            .and_then(|p| p.speaker)
            .and_then(|s| release.summary.speakers.get(s))
            .map(|s| s.name.clone()),
        before: format!(
            "{}{}",
            if before_from > 0 { "…" } else { "" },
            take(before_from, start)
        ),
        matched: take(start, end),
        after: format!(
            "{}{}",
            take(end, after_to),
            if after_to < chars.len() { "…" } else { "" }
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Work;
    use crate::parse;

    #[test]
    fn finds_a_phrase_without_regard_to_case_accents_or_line_breaks() {
        let text = "Header line.\n\nThe delegate of Côte d’Ivoire spoke  about EARLY action.\n\nNothing here.";
        let document = parse(text);
        let summary = Summary::of(&document);
        let work = Work::default();
        let search_text = SearchText::new(Rc::from(document.text.as_str()), &summary);
        let release = ReleaseRef {
            id: "r1",
            summary: &summary,
            work: &work,
        };
        let results = search(&[(release, &search_text)], "cote D'IVOIRE spoke", 10);
        assert_eq!(results.total, 1);
        let hit = &results.hits[0];
        assert_eq!(hit.matched, "Côte d’Ivoire spoke");
        assert_eq!(document.slice(hit.start, hit.end), "Côte d’Ivoire spoke");
        assert!(hit.before.ends_with("The delegate of "));
        assert_eq!(
            search(&[(release, &search_text)], "about early   Action", 10).total,
            1,
            "runs of spaces in the query are one"
        );
        assert_eq!(
            search(
                &[(release, &search_text)],
                "spoke about early action nothing",
                10
            )
            .total,
            0,
            "no hit across paragraphs"
        );
        assert_eq!(search(&[(release, &search_text)], "  ", 10).total, 0);
    }
}
