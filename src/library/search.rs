//! "Search": a phrase across every release, without regard to case or
//! accents (`text::fold`), results as keyword-in-context lines. Each text is
//! folded once, paragraph by paragraph (a hit never spans two), when the
//! library's texts are loaded; a search is then one substring scan of the
//! folded texts, and only the hits shown are mapped back to code points.

use std::rc::Rc;

use crate::text::{fold, fold_into, original_offset, CharCursor};

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
        let mut builder = SearchTextBuilder::new(text);
        let mut unlimited = usize::MAX;
        builder.step(summary, &mut unlimited);
        builder.finish()
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A text being folded a part at a time, so that folding a very long one
/// never holds the page: each [`Self::step`] folds whole paragraphs up to a
/// budget of bytes.
#[derive(Debug, Clone)]
pub struct SearchTextBuilder {
    text: Rc<str>,
    folded: String,
    starts: Vec<usize>,
    spans: Vec<(usize, usize)>,
    cursor: CharCursor,
}

impl SearchTextBuilder {
    pub fn new(text: Rc<str>) -> Self {
        SearchTextBuilder {
            folded: String::with_capacity(text.len()),
            text,
            starts: Vec::new(),
            spans: Vec::new(),
            cursor: CharCursor::default(),
        }
    }

    /// Whether this folds `text` (the very same text).
    pub fn is_for(&self, text: &Rc<str>) -> bool {
        Rc::ptr_eq(&self.text, text)
    }

    /// Folds the next paragraphs of `summary` (the text's own) until
    /// `budget` bytes are spent; whether every paragraph is folded.
    pub fn step(&mut self, summary: &Summary, budget: &mut usize) -> bool {
        let text = self.text.clone();
        while let Some(p) = summary.paragraphs.get(self.starts.len()) {
            if *budget == 0 {
                return false;
            }
            let from = self.cursor.byte_of(&text, p.start);
            let to = self.cursor.byte_of(&text, p.end.max(p.start));
            self.starts.push(self.folded.len());
            self.spans.push((from, to));
            let at = self.folded.len();
            fold_into(&text[from..to], &mut self.folded);
            // Line breaks and tabs inside a paragraph read as spaces (the
            // same length), so that a phrase matches across them.
            if self.folded[at..]
                .bytes()
                .any(|b| matches!(b, b'\n' | b'\r' | b'\t'))
            {
                let tail = self.folded.split_off(at).replace(['\n', '\r', '\t'], " ");
                self.folded.push_str(&tail);
            }
            self.folded.push('\n');
            *budget = budget.saturating_sub(to - from + 1);
        }
        true
    }

    pub fn finish(self) -> SearchText {
        SearchText {
            text: self.text,
            folded: self.folded,
            starts: self.starts,
            spans: self.spans,
        }
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
