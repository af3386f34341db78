//! Organisations: acronyms defined in the text (`Organization for Security
//! and Co-operation in Europe (OSCE)` gives `OSCE` that expansion in every
//! paragraph, before the definition too), the built-in list of the UN
//! system and regional bodies (by acronym or full name), and any other
//! all-capitals acronym, listed without expansion.
//!
//! A definition is found the way Schwartz and Hearst describe (Pacific
//! Symposium on Biocomputing, 2003): the shortest run of words before the
//! brackets whose letters spell the acronym, its first letter starting a
//! word. A definition in lower case (`lesbian, gay, bisexual, transgender
//! and intersex (LGBTI+)`) names a term, not an organisation: that acronym
//! is then never listed.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::lexicon::countries;
use crate::lexicon::organizations::{by_acronym, Organization, ORGANIZATIONS};
use crate::lexicon::phrases::{FxBuild, PhraseMatcher};

use super::scan::{
    char_at, char_before, in_sorted_exact, is_all_caps, is_apostrophe, is_capitalized, is_hyphen,
    is_space, is_word_char, next_word, prev_word, skip_spaces, skip_spaces_back,
};
use super::value::{FactValue, OrganizationValue};
use super::{FactKind, Found};

/// Capitals that are abbreviations but not organisations (sorted).
const NOT_ORGANIZATIONS: &[&str] = &[
    "ADV", "AI", "AIDS", "AM", "AND", "API", "ASAP", "AUM", "CAGR", "CEO", "CET", "CFO", "CIO",
    "CO", "CONTACT", "COO", "COVID", "CTO", "DNA", "EBITDA", "EDITORS", "EDT", "END", "ESG", "EST",
    "EVP", "FAQ", "FOR", "FY", "GDP", "GM", "GMT", "GNI", "GNP", "GPS", "GW", "GWH", "HIV", "HQ",
    "ICT", "ID", "IDP", "INC", "IOT", "IPO", "IT", "JR", "KPI", "KW", "LAN", "LGBT", "LGBTI",
    "LGBTIQ", "LGBTQ", "LLC", "LP", "LTD", "MBA", "MD", "MEDIA", "MORE", "MPH", "MW", "MWH",
    "NEWS", "NGO", "NOTE", "OF", "OK", "PDF", "PHD", "PLC", "PM", "PR", "PRESS", "PST", "RELEASE",
    "RNA", "ROI", "RSVP", "SARS", "SDG", "SMS", "SR", "SVP", "TBA", "TBD", "THE", "TV", "UPDATE",
    "URL", "USB", "UTC", "VIP", "VP", "WAN",
];

/// Words that may stand capitalised before an organisation's full name
/// without being part of a longer name (`The Security Council`).
const DETERMINERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "Its",
    "Their",
    "Our",
    "His",
    "Her",
    "Both",
    "Each",
    "And",
    "But",
    "Today",
    "Yesterday",
];

/// What the text itself says about acronyms, collected over the whole
/// document before any paragraph is scanned.
#[derive(Debug, Default)]
pub struct Acronyms {
    /// Acronym → expansion, first definition first (the built-in name when
    /// the definition is only another spelling of it).
    expansions: HashMap<String, Cow<'static, str>, FxBuild>,
    /// Acronyms defined in lower case: terms, not organisations.
    terms: HashSet<String, FxBuild>,
    /// Defined full names not in the built-in list → acronym.
    names: PhraseMatcher<String>,
}

impl Acronyms {
    pub fn collect<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Self {
        let mut acronyms = Acronyms::default();
        for paragraph in paragraphs {
            for definition in definitions(paragraph) {
                acronyms.add(definition);
            }
        }
        acronyms
    }

    fn add(&mut self, definition: Definition) {
        let Definition {
            acronym,
            expansion,
            term,
        } = definition;
        if term {
            if !self.expansions.contains_key(&acronym) {
                self.terms.insert(acronym);
            }
            return;
        }
        if self.expansions.contains_key(&acronym) || self.terms.contains(&acronym) {
            return;
        }
        // Only the built-in organisation of that acronym can be respelled.
        let known = by_acronym(&acronym).filter(|o| o.is_named(&expansion));
        match known {
            Some(org) => {
                self.expansions.insert(acronym, Cow::Borrowed(org.name));
            }
            None => {
                if crate::lexicon::organizations::by_name(&expansion).is_none() {
                    self.names.insert(&expansion, acronym.clone());
                }
                self.expansions.insert(acronym, Cow::Owned(expansion));
            }
        }
    }

    /// The expansion of an acronym: the text's own, else the built-in one.
    fn expansion(
        &self,
        acronym: &str,
        known: Option<&'static Organization>,
    ) -> Option<Cow<'static, str>> {
        if let Some(e) = self.expansions.get(acronym) {
            return Some(e.clone());
        }
        known
            .filter(|o| o.acronym.is_some())
            .map(|o| Cow::Borrowed(o.name))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub acronym: String,
    pub expansion: String,
    /// Defined in lower case: a term such as `internally displaced persons`.
    pub term: bool,
}

/// Every `Full Name (ACRONYM)` of a paragraph.
pub fn definitions(s: &str) -> Vec<Definition> {
    let mut out = Vec::new();
    for (open, _) in s.match_indices('(') {
        let Some(close) = s[open..]
            .char_indices()
            .take(16)
            .find(|(_, c)| *c == ')')
            .map(|(k, _)| open + k)
        else {
            continue;
        };
        let content = &s[open + 1..close];
        if !looks_like_acronym(content) {
            continue;
        }
        let acronym: String = content
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Some(definition) = long_form(s, open, &acronym) {
            out.push(definition);
        }
    }
    out
}

/// `OSCE`, `LGBTI+`, `A4P`, `UN-Habitat`: two or more capitals, no spaces.
fn looks_like_acronym(content: &str) -> bool {
    let capitals = content.chars().filter(char::is_ascii_uppercase).count();
    content.len() <= 14
        && content.starts_with(|c: char| c.is_ascii_uppercase())
        && capitals >= 2
        && content
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "&+-.".contains(c))
}

/// The words before `open` that spell `acronym`, if any.
fn long_form(s: &str, open: usize, acronym: &str) -> Option<Definition> {
    let letters = acronym.chars().count();
    let max_words = (letters + 5).min(letters * 2);
    let mut end = skip_spaces_back(s, open);
    // `Competitive Power Ventures’ (CPV)`
    if char_before(s, end).is_some_and(is_apostrophe)
        && char_before(s, end - char_before(s, end)?.len_utf8()) == Some('s')
    {
        end -= char_before(s, end)?.len_utf8();
    }
    let mut start = end;
    let mut cursor = end;
    for _ in 0..max_words {
        let mut at = skip_spaces_back(s, cursor);
        if char_before(s, at) == Some(',') {
            at = skip_spaces_back(s, at - 1);
        }
        let Some(word) = prev_word(s, at).filter(|w| w.end == at) else {
            break;
        };
        start = word.start;
        cursor = word.start;
    }
    if start == end {
        return None;
    }
    let window = &s[start..end];
    let mut offset = shortest_spelling(acronym, window)?;
    // `Organization of American States (OAS)`: the shortest spelling starts
    // at `of`; a capitalised word with the same initial further left is
    // the name's real start.
    if !is_capitalized(&window[offset..]) {
        let initial = acronym.chars().next()?;
        if let Some(k) = capitalised_start(&window[..offset], initial) {
            offset = k;
        }
    }
    let expansion = window[offset..].trim();
    if expansion.chars().filter(|c| c.is_alphabetic()).count() <= letters
        || expansion.contains(acronym)
    {
        return None;
    }
    let term = !is_capitalized(expansion);
    Some(Definition {
        acronym: acronym.to_owned(),
        expansion: expansion.to_owned(),
        term,
    })
}

/// The last word of `window` that starts with the capital `initial`.
fn capitalised_start(window: &str, initial: char) -> Option<usize> {
    window
        .char_indices()
        .rev()
        .find(|(k, c)| {
            *c == initial.to_ascii_uppercase() && !window[..*k].ends_with(char::is_alphanumeric)
        })
        .map(|(k, _)| k)
}

/// Schwartz–Hearst: match the acronym's characters right to left in the
/// window; the first character must start a word. Returns the byte offset
/// where the shortest such long form starts.
fn shortest_spelling(acronym: &str, window: &str) -> Option<usize> {
    let short: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    let long: Vec<(usize, char)> = window.char_indices().collect();
    let lower = |k: usize| long[k].1.to_lowercase().next().unwrap_or(long[k].1);
    let mut l = long.len();
    for s_index in (0..short.len()).rev() {
        let c = short[s_index];
        if !c.is_alphanumeric() {
            continue;
        }
        loop {
            if l == 0 {
                return None;
            }
            l -= 1;
            let word_start = l == 0 || !long[l - 1].1.is_alphanumeric();
            if lower(l) == c && (s_index > 0 || word_start) {
                break;
            }
        }
    }
    Some(long.get(l).map_or(0, |(offset, _)| *offset))
}

/// What a capitalised word turned out to be.
pub enum Mention {
    Fact(Found),
    /// Recognised but not a fact here: skip to this offset.
    Skip(usize),
}

fn fact(
    start: usize,
    end: usize,
    name: Cow<'static, str>,
    expansion: Option<Cow<'static, str>>,
) -> Mention {
    Mention::Fact(Found::new(
        FactKind::Organization,
        start..end,
        FactValue::Organization(OrganizationValue { name, expansion }),
    ))
}

/// A full name the text itself defined (`Lake Chad Basin Commission`),
/// if one starts at `i` and is longer than `longest_known`.
pub fn defined_name(
    s: &str,
    i: usize,
    acronyms: &Acronyms,
    longest_known: usize,
) -> Option<Mention> {
    if acronyms.names.is_empty() {
        return None;
    }
    let (end, acronym) = acronyms
        .names
        .match_at(s, i)
        .filter(|(e, _)| *e > longest_known)?;
    Some(full_name(
        s,
        i,
        end,
        Cow::Owned(acronym.clone()),
        acronyms.expansion(&acronym, None),
    ))
}

/// A built-in organisation's acronym or name at `i..end`.
pub fn known(s: &str, i: usize, end: usize, index: usize, acronyms: &Acronyms) -> Mention {
    let org = &ORGANIZATIONS[index];
    let text = &s[i..end];
    let is_acronym = org.acronym == Some(text) || (is_all_caps(text) && !text.contains(' '));
    if is_acronym {
        let name = org.acronym.unwrap_or(org.name);
        if acronyms.terms.contains(name) || in_capitals_run(s, i, end) {
            return Mention::Skip(end);
        }
        return fact(
            i,
            end,
            Cow::Borrowed(name),
            acronyms.expansion(name, Some(org)),
        );
    }
    if part_of_longer_name(s, i) {
        return Mention::Skip(end);
    }
    let expansion = org.acronym.and_then(|a| acronyms.expansion(a, Some(org)));
    full_name(s, i, end, Cow::Borrowed(org.short()), expansion)
}

/// A full name is a mention unless its acronym follows in brackets, which
/// is then the mention (and carries the expansion).
fn full_name(
    s: &str,
    start: usize,
    end: usize,
    name: Cow<'static, str>,
    expansion: Option<Cow<'static, str>>,
) -> Mention {
    let after = skip_spaces(s, end);
    if char_at(s, after) == Some('(') && s[after + 1..].starts_with(&*name) {
        return Mention::Skip(after);
    }
    fact(start, end, name, expansion)
}

/// `National Security Council` is not the `Security Council`.
fn part_of_longer_name(s: &str, start: usize) -> bool {
    let Some(prev) = prev_word(s, start) else {
        return false;
    };
    let word = &s[prev.clone()];
    let only_spaces = s[prev.end..start].chars().all(is_space);
    only_spaces && is_capitalized(word) && !DETERMINERS.contains(&word)
}

/// Another all-capitals word next to this one: a name in capitals
/// (`ZHANG JUN`, `T. S. TIRUMURTI`) or a heading, not an acronym.
fn in_capitals_run(s: &str, start: usize, end: usize) -> bool {
    capitals_before(s, start) || capitals_after(s, end)
}

/// A word of capitals without digits.
fn caps_word(word: &str) -> bool {
    is_all_caps(word) && !word.chars().any(|c| c.is_ascii_digit())
}

/// The word before `start` is in capitals: `ZHANG` before `JUN`, the
/// initial `S.` before `TIRUMURTI`, `D’` before `ANGELO`.
fn capitals_before(s: &str, start: usize) -> bool {
    let mut before = skip_spaces_back(s, start);
    let mut joined = before < start;
    if let Some(c) = char_before(s, before).filter(|c| *c == '.' || is_apostrophe(*c)) {
        before -= c.len_utf8();
        joined = true;
    }
    joined
        && prev_word(s, before)
            .filter(|w| w.end == before)
            .is_some_and(|w| caps_word(&s[w]))
}

/// The word after `end` is in capitals (a single letter only when an
/// initial, an apostrophe or another capitals word follows it: `WATCH A
/// VIDEO`, `PAOLO D’ANGELO`).
fn capitals_after(s: &str, end: usize) -> bool {
    let next_start = skip_spaces(s, end);
    if next_start == end {
        return false;
    }
    let Some(w) = next_word(s, next_start) else {
        return false;
    };
    let word = &s[w.clone()];
    if !caps_word(word) {
        return false;
    }
    if word.chars().count() > 1 {
        return true;
    }
    match char_at(s, w.end) {
        Some(c) if c == '.' || is_apostrophe(c) => true,
        _ => next_word(s, w.end).is_some_and(|n| {
            let after = &s[n];
            caps_word(after) && after.chars().count() > 1
        }),
    }
}

/// Any other word in capitals: `LCBC` as defined in the text, or `CCSAO`
/// with no expansion.
pub fn unknown_acronym(s: &str, i: usize, acronyms: &Acronyms) -> Option<Mention> {
    let b = s.as_bytes();
    let mut end = i;
    while end < b.len() && b[end].is_ascii_uppercase() && end - i <= 10 {
        end += 1;
    }
    let letters = end - i;
    if !(2..=10).contains(&letters) {
        return None;
    }
    let mut token_end = end;
    // A plural: `NGOs`, `SDGs`.
    if b.get(end) == Some(&b's') && !b.get(end + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        token_end = end + 1;
    }
    let glued_after = char_at(s, token_end).is_some_and(|c| {
        is_word_char(c)
            || ((is_hyphen(c) || c == '/') && char_at(s, token_end + 1).is_some_and(is_word_char))
    });
    let glued_before =
        char_before(s, i).is_some_and(|c| is_hyphen(c) || c == '/' || c == '.' || c == '$');
    if glued_after || glued_before {
        return None;
    }
    let acronym = &s[i..end];
    let roman = acronym.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'));
    let skip = Some(Mention::Skip(token_end));
    if roman
        || in_sorted_exact(acronym.as_bytes(), NOT_ORGANIZATIONS)
        || acronyms.terms.contains(acronym)
    {
        return skip;
    }
    // Every test below only skips: the cheap ones go first (a name in
    // capitals, `ZHANG JUN`, is common in UN coverage).
    let defined = acronyms.expansions.get(acronym).cloned();
    if defined.is_none() && in_capitals_run(s, i, token_end) {
        return skip;
    }
    if countries::canonical(acronym).is_some() || (defined.is_none() && dateline(s, i, token_end)) {
        return skip;
    }
    Some(fact(i, end, Cow::Owned(acronym.to_owned()), defined))
}

/// A place in capitals opening a paragraph: `OAKLAND –`, `GENEVA,`,
/// `AMSTERDAM and PARIS, March 19`.
fn dateline(s: &str, start: usize, end: usize) -> bool {
    let before = &s[..start];
    let only_places_before = before.len() <= 80
        && before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| w == "and" || caps_word(w));
    let next = skip_spaces(s, end);
    let joins = char_at(s, next).is_some_and(|c| c == ',' || super::scan::is_dash(c))
        || s[next..].starts_with("and ");
    only_places_before && joins
}

#[cfg(test)]
mod tests {
    use super::super::scan::Text;
    use super::*;

    fn orgs(text: &str) -> Vec<(String, String, Option<String>)> {
        let acronyms = Acronyms::collect(text.split('\n'));
        text.split('\n')
            .flat_map(|p| {
                super::super::names::scan(&Text::new(p), &acronyms)
                    .into_iter()
                    .filter_map(move |f| match f.value {
                        FactValue::Organization(o) => Some((
                            p[f.span].to_owned(),
                            o.name.into_owned(),
                            o.expansion.map(|e| e.into_owned()),
                        )),
                        _ => None,
                    })
            })
            .collect()
    }

    fn row(t: &str, n: &str, e: Option<&str>) -> (String, String, Option<String>) {
        (t.to_owned(), n.to_owned(), e.map(str::to_owned))
    }

    #[test]
    fn lists_searched_by_bisection_are_sorted() {
        assert!(NOT_ORGANIZATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn definitions_give_expansions_everywhere() {
        let text = "The GLRA met.\nThe Great Lakes River Authority (GLRA) and the GLRA’s board.";
        let expansion = Some("Great Lakes River Authority");
        assert_eq!(
            orgs(text),
            [
                row("GLRA", "GLRA", expansion),
                row("GLRA", "GLRA", expansion),
                row("GLRA", "GLRA", expansion)
            ]
        );
    }

    #[test]
    fn known_names_and_acronyms() {
        let text = "the North Atlantic Treaty Organization (NATO) and NATO; the Organization for Security and Cooperation in Europe (OSCE); the Collective Security Treaty Organization.";
        assert_eq!(
            orgs(text),
            [
                row("NATO", "NATO", Some("North Atlantic Treaty Organization")),
                row("NATO", "NATO", Some("North Atlantic Treaty Organization")),
                row(
                    "OSCE",
                    "OSCE",
                    Some("Organization for Security and Co-operation in Europe")
                ),
                row(
                    "Collective Security Treaty Organization",
                    "CSTO",
                    Some("Collective Security Treaty Organization")
                ),
            ]
        );
    }

    #[test]
    fn not_organizations() {
        let text = "ZHANG JUN (China) and T. S. TIRUMURTI said the US, UK and UAE; lesbian, gay, bisexual, transgender and intersex (LGBTI+) people; CO2, A4P+, SDGs, Chapter VIII, 8967th Meeting (AM).\nOAKLAND – The CEO spoke.";
        assert_eq!(orgs(text), []);
    }

    #[test]
    fn schwartz_hearst_picks_the_shortest_spelling() {
        let d =
            definitions("said Executive Secretary of the Lake Chad Basin Commission (LCBC), and");
        assert_eq!(d[0].expansion, "Lake Chad Basin Commission");
        let d = definitions("the California Department of Toxic Substances Control (DTSC) and");
        assert_eq!(d[0].expansion, "Department of Toxic Substances Control");
        let d = definitions("the Organization of American States (OAS) is");
        assert_eq!(d[0].expansion, "Organization of American States");
        assert!(!d[0].term);
        let d = definitions("Today Competitive Power Ventures’ (CPV) affiliate");
        assert_eq!(d[0].expansion, "Competitive Power Ventures");
    }
}
