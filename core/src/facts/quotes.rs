//! Quotations in curly (`“…”`) or straight (`"…"`) double quotes.
//!
//! The span is the quoted words without the quote marks, and without a
//! comma, semicolon or colon that only leads back into the sentence
//! (`“…dissipating,” he stressed` gives `…dissipating`); a final full stop,
//! question or exclamation mark is kept. A quote left open at the end of
//! a paragraph runs to its end, as in releases that continue a quotation
//! in the next paragraph. Quotes of three words or fewer are scare quotes.

use super::scan::{
    char_at, char_before, is_apostrophe, is_capitalized, is_space, is_word_char, match_any,
    next_word, prev_word, skip_spaces, skip_spaces_back, word_end, Text,
};
use super::value::{FactValue, QuoteValue};
use super::{FactKind, Found};

/// Verbs of saying that introduce or follow a quotation.
const VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "stressed",
    "noted",
    "explained",
    "stated",
    "declared",
    "warned",
    "urged",
    "remarked",
    "continued",
    "concluded",
    "asked",
    "emphasized",
    "emphasised",
    "observed",
    "commented",
    "told",
    "wrote",
    "recalled",
    "insisted",
    "underlined",
];

/// Words that start a sentence, not a name (`He said`).
const NOT_NAMES: &[&str] = &[
    "He", "She", "They", "It", "We", "I", "The", "This", "That", "His", "Her", "You",
];

/// Lower-case particles inside names (`Nicolas de Rivière`).
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "van", "von", "der", "den", "al", "bin", "la", "du",
];

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    let s = text.s;
    // Where the open quotation's text starts, and where its mark is.
    let mut open: Option<(usize, usize)> = None;
    for &i in &text.quote_marks {
        let Some(c) = char_at(s, i) else {
            continue;
        };
        let after = i + c.len_utf8();
        match c {
            '\u{201C}' | '\u{201E}' => {
                if let Some((start, mark)) = open.take() {
                    push(s, mark, start, i, None, out);
                }
                open = Some((after, i));
            }
            '\u{201D}' => {
                if let Some((start, mark)) = open.take() {
                    push(s, mark, start, i, Some(after), out);
                }
            }
            '"' => {
                let prev = char_before(s, i);
                let next = char_at(s, after);
                let opener_shaped = prev.is_none_or(|p| is_space(p) || "([{—–:;,".contains(p))
                    && next.is_some_and(|n| !is_space(n));
                let closer_shaped = prev.is_some_and(|p| !is_space(p))
                    && next.is_none_or(|n| is_space(n) || !is_word_char(n));
                match open.take() {
                    Some((start, mark)) if closer_shaped || !opener_shaped => {
                        push(s, mark, start, i, Some(after), out);
                    }
                    Some((start, mark)) => {
                        push(s, mark, start, i, None, out);
                        open = Some((after, i));
                    }
                    None if opener_shaped => open = Some((after, i)),
                    None => {}
                }
            }
            _ => {}
        }
    }
    if let Some((start, mark)) = open {
        push(s, mark, start, s.len(), None, out);
    }
}

/// Emits the quote between `start` and `end`, trimmed; `mark` is where
/// the opening mark stands and `closed` where the closing mark ends.
fn push(
    s: &str,
    mark: usize,
    start: usize,
    end: usize,
    closed: Option<usize>,
    out: &mut Vec<Found>,
) {
    let mut from = skip_spaces(s, start);
    let mut to = skip_spaces_back(s, end).max(from);
    while let Some(c) = char_before(s, to).filter(|c| matches!(c, ',' | ';' | ':')) {
        to -= c.len_utf8();
        to = skip_spaces_back(s, to).max(from);
    }
    if from >= to || !s[from..to].chars().any(is_word_char) {
        return;
    }
    from = from.min(to);
    let words = word_count(&s[from..to]);
    let attribution = closed
        .and_then(|after| attribution_after(s, after))
        .or_else(|| attribution_before(s, mark));
    out.push(Found::new(
        FactKind::Quote,
        from..to,
        FactValue::Quote(QuoteValue {
            scare: words <= 3,
            words,
            attribution,
        }),
    ));
}

/// Words with a letter or digit in them; an ASCII quotation is counted
/// on its bytes.
fn word_count(quoted: &str) -> usize {
    if !quoted.is_ascii() {
        return quoted
            .split(is_space)
            .filter(|w| w.chars().any(is_word_char))
            .count();
    }
    quoted
        .as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|w| w.iter().any(u8::is_ascii_alphanumeric))
        .count()
}

/// `“…,” said NAME` or `“…,” NAME said`.
fn attribution_after(s: &str, after: usize) -> Option<String> {
    let mut at = after;
    if char_at(s, at) == Some(',') {
        at += 1;
    }
    let at = skip_spaces(s, at);
    if let Some((verb_end, _)) = match_any(s, at, VERBS) {
        return name_at(s, verb_end).map(|(_, name)| name);
    }
    let (name_end, name) = name_at(s, at)?;
    match_any(s, skip_spaces(s, name_end), VERBS).map(|_| name)
}

/// `NAME said: “…”` or `NAME said, “…”`.
fn attribution_before(s: &str, mark: usize) -> Option<String> {
    let mut at = skip_spaces_back(s, mark);
    if let Some(c) = char_before(s, at).filter(|c| matches!(c, ':' | ',')) {
        at = skip_spaces_back(s, at - c.len_utf8());
    }
    let verb = prev_word(s, at)?;
    if !VERBS.contains(&&s[verb.clone()]) {
        return None;
    }
    // Walk back over capitalised words to the start of the name.
    let mut start = None;
    let mut cursor = verb.start;
    for _ in 0..8 {
        let Some(word) = prev_word(s, cursor) else {
            break;
        };
        if !is_capitalized(&s[word.clone()]) {
            break;
        }
        start = Some(word.start);
        cursor = word.start;
    }
    let (_, name) = name_at(s, start?)?;
    Some(name)
}

/// A personal name with titles: capitalised words, initials (`J.`),
/// particles (`de`) and apostrophes (`O’Neill`). (end, name)
fn name_at(s: &str, at: usize) -> Option<(usize, String)> {
    let first = next_word(s, at)?;
    let first_word = &s[first.clone()];
    if !is_capitalized(first_word) || NOT_NAMES.contains(&first_word) {
        return None;
    }
    let mut end = first.end;
    let mut cursor = first.start;
    for _ in 0..8 {
        let Some(word) = next_word(s, cursor) else {
            break;
        };
        let mut word_end_at = word.end;
        // `O’Neill`: an apostrophe before a capital stays in the word;
        // `State’s Attorney`: so does a possessive inside a title.
        while let Some(apostrophe) = char_at(s, word_end_at).filter(|c| is_apostrophe(*c)) {
            let after = word_end_at + apostrophe.len_utf8();
            if char_at(s, after).is_some_and(char::is_uppercase) {
                word_end_at = word_end(s, after);
            } else if char_at(s, after) == Some('s')
                && !char_at(s, after + 1).is_some_and(is_word_char)
                && next_word(s, after + 1).is_some_and(|w| is_capitalized(&s[w]))
            {
                word_end_at = after + 1;
            } else {
                break;
            }
        }
        let text = &s[word.start..word_end_at];
        if !is_capitalized(text) && !PARTICLES.contains(&text) {
            break;
        }
        if word.start != first.start && VERBS.contains(&text) {
            break;
        }
        end = word_end_at;
        cursor = word_end_at;
        // An initial: `Thomas J. Dart`.
        if text.chars().count() == 1 && char_at(s, cursor) == Some('.') {
            cursor += 1;
            end = cursor;
        }
    }
    Some((end, s[first.start..end].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn quotes(s: &str) -> Vec<(String, bool, Option<String>)> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Quote(q) => (s[f.span].to_owned(), q.scare, q.attribution),
                _ => unreachable!(),
            })
            .collect()
    }

    fn q(text: &str, scare: bool, by: Option<&str>) -> (String, bool, Option<String>) {
        (text.to_owned(), scare, by.map(str::to_owned))
    }

    #[test]
    fn curly_quotes_drop_the_trailing_comma_and_keep_the_full_stop() {
        assert_eq!(
            quotes(
                "“The tide is not turning,” he stressed.  She added:  “We stand ready to help.”"
            ),
            [
                q("The tide is not turning", false, None),
                q("We stand ready to help.", false, None)
            ]
        );
    }

    #[test]
    fn scare_quotes_and_attribution() {
        assert_eq!(
            quotes("oppose such “bloc politics” and confrontation"),
            [q("bloc politics", true, None)]
        );
        assert_eq!(
            quotes("“We will build it together,” said Ana M. de Souza, head of the agency."),
            [q(
                "We will build it together",
                false,
                Some("Ana M. de Souza")
            )]
        );
        assert_eq!(
            quotes("\"We are ready to start,\" Eileen O’Neill Burke said."),
            [q(
                "We are ready to start",
                false,
                Some("Eileen O’Neill Burke")
            )]
        );
        assert_eq!(
            quotes("Chair Lena Berg said: “Nothing about us without us.”"),
            [q(
                "Nothing about us without us.",
                false,
                Some("Chair Lena Berg")
            )]
        );
    }

    #[test]
    fn straight_quotes_mixed_and_unclosed() {
        assert_eq!(
            quotes("stating,\"This is big. It is new.   \"Having done it, we know.\" says Tom Ek."),
            [
                q("This is big. It is new.", false, None),
                q("Having done it, we know.", false, Some("Tom Ek"))
            ]
        );
        assert_eq!(
            quotes("“Open to the end"),
            [q("Open to the end", false, None)]
        );
        assert_eq!(quotes("lone ” and \" marks"), []);
    }
}
