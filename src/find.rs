//! Find in the document: every place a query occurs in the text, ignoring
//! case, as code-point spans (end-exclusive), for the app's own find box
//! (the browser's find cannot see paragraphs a windowed view has not put in
//! the page). One pass over the bytes for an ASCII query, which is most;
//! a pass over the characters, each folded to lower case, otherwise.

/// The matches found, and whether the search stopped at its limit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matches {
    pub spans: Vec<(usize, usize)>,
    pub capped: bool,
}

/// Up to `limit` non-overlapping occurrences of `query` in `text`, in
/// order, ignoring case. Blank queries find nothing.
pub fn find_all(text: &str, query: &str, limit: usize) -> Matches {
    if query.trim().is_empty() || limit == 0 {
        return Matches::default();
    }
    if query.is_ascii() {
        find_ascii(text, query.as_bytes(), limit)
    } else {
        find_folded(text, query, limit)
    }
}

fn find_ascii(text: &str, query: &[u8], limit: usize) -> Matches {
    let bytes = text.as_bytes();
    let first = query[0].to_ascii_lowercase();
    let length = query.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let mut matches = Matches::default();
    // Code points before byte `counted`.
    let (mut counted, mut chars) = (0, 0);
    let mut at = 0;
    while at + query.len() <= bytes.len() {
        if bytes[at].to_ascii_lowercase() != first
            || !bytes[at..at + query.len()].eq_ignore_ascii_case(query)
        {
            at += 1;
            continue;
        }
        if matches.spans.len() == limit {
            matches.capped = true;
            break;
        }
        chars += bytes[counted..at]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        counted = at;
        matches.spans.push((chars, chars + length));
        at += query.len();
    }
    matches
}

/// A character as compared: its lower case when that is one character.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn find_folded(text: &str, query: &str, limit: usize) -> Matches {
    let needle: Vec<char> = query.chars().map(fold).collect();
    let haystack: Vec<char> = text.chars().collect();
    let mut matches = Matches::default();
    let mut at = 0;
    while at + needle.len() <= haystack.len() {
        let hit = needle
            .iter()
            .zip(&haystack[at..])
            .all(|(n, h)| *n == fold(*h));
        if !hit {
            at += 1;
            continue;
        }
        if matches.spans.len() == limit {
            matches.capped = true;
            break;
        }
        matches.spans.push((at, at + needle.len()));
        at += needle.len();
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, (start, end): (usize, usize)) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn finds_every_occurrence_ignoring_case_in_code_points() {
        let text = "Côte d’Ivoire said: the COUNCIL met; the council adjourned. 🇺🇳 Council.";
        let found = find_all(text, "council", 10);
        assert_eq!(found.spans.len(), 3);
        assert!(!found.capped);
        for span in &found.spans {
            assert_eq!(slice(text, *span).to_lowercase(), "council");
        }
        // After the flag (two code points, four UTF-16 units).
        assert_eq!(slice(text, found.spans[2]), "Council");
    }

    #[test]
    fn a_non_ascii_query_folds_case_too() {
        let text = "CÔTE D’IVOIRE and Côte d’Ivoire";
        let found = find_all(text, "côte d’ivoire", 10);
        assert_eq!(found.spans, vec![(0, 13), (18, 31)]);
    }

    #[test]
    fn stops_at_the_limit_and_says_so_and_blank_finds_nothing() {
        let text = "aa ".repeat(100);
        let found = find_all(&text, "AA", 7);
        assert_eq!(found.spans.len(), 7);
        assert!(found.capped);
        assert_eq!(find_all(&text, "  ", 7), Matches::default());
        assert_eq!(find_all(&text, "", 7), Matches::default());
        assert_eq!(find_all("", "x", 7), Matches::default());
        // Occurrences do not overlap.
        assert_eq!(find_all("aaaa", "aa", 9).spans, vec![(0, 2), (2, 4)]);
    }
}
