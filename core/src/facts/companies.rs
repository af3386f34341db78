//! Companies and other bodies learnt from what a release says of them:
//! its boilerplate (`About Acme`), an apposition or a copula naming a
//! kind of company (`Acme, a leading maker of …`, `Acme is one of the
//! largest firms …`), a stock ticker (`(NASDAQ: ACME)`), a list after a
//! class noun (`companies such as Acme and Brightwave`), and a list that
//! holds a known organisation (`the Sheriff’s Office, Metra and Pace`).
//! Once learnt, a name is found wherever the release uses it.

use std::ops::Range;

use super::org_forms::{head, is_stop_word, is_title};
use super::scan::{char_at, char_before, is_apostrophe, is_word_char, skip_spaces, word_end};

/// A company's legal form as its name's last word, full stop dropped
/// (`Inc`, `GmbH`, `S.A`), sorted by bytes: the one list the recognisers,
/// the grouping under a company's stem and the linking of `the company`
/// share.
const LEGAL_FORMS: &[&str] = &[
    "AB",
    "AG",
    "ASA",
    "BV",
    "Co",
    "Corp",
    "GmbH",
    "Inc",
    "Incorporated",
    "LLC",
    "LLP",
    "LP",
    "Limited",
    "Ltd",
    "N.V",
    "NV",
    "Oy",
    "PLC",
    "S.A",
    "SA",
    "SE",
    "SpA",
    "plc",
];

/// Whether `word` (a final full stop allowed) is a company's legal form.
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS
        .binary_search(&word.trim_end_matches('.'))
        .is_ok()
}

/// Nouns that say the name before them is a company or another body.
const BODY_NOUNS: &[&str] = &[
    "affiliate",
    "agency",
    "airline",
    "association",
    "bank",
    "biotech",
    "biotechnology",
    "brand",
    "business",
    "carrier",
    "charity",
    "company",
    "conglomerate",
    "consortium",
    "consultancy",
    "cooperative",
    "corporation",
    "developer",
    "distributor",
    "firm",
    "foundation",
    "frontrunner",
    "front-runner",
    "group",
    "innovator",
    "insurer",
    "institute",
    "institution",
    "laboratory",
    "leader",
    "lender",
    "maker",
    "manufacturer",
    "non-profit",
    "nonprofit",
    "operator",
    "organisation",
    "organization",
    "partnership",
    "pioneer",
    "producer",
    "provider",
    "retailer",
    "specialist",
    "startup",
    "start-up",
    "subsidiary",
    "supplier",
    "university",
    "utility",
    "vendor",
];

/// Nouns that say it is a person (or a thing): the search stops.
const OTHER_NOUNS: &[&str] = &[
    "activist",
    "advocate",
    "analyst",
    "author",
    "city",
    "country",
    "doctor",
    "economist",
    "entrepreneur",
    "executive",
    "expert",
    "founder",
    "journalist",
    "lawyer",
    "member",
    "nation",
    "officer",
    "physician",
    "platform",
    "product",
    "professor",
    "region",
    "researcher",
    "resident",
    "scientist",
    "software",
    "solution",
    "state",
    "system",
    "town",
    "tool",
    "veteran",
    "woman",
    "man",
    "writer",
    "api",
    "app",
    "application",
    "device",
    "algorithm",
    "suite",
    "project",
    "programme",
    "program",
    "initiative",
    "plan",
    "service",
    "network",
    "technology",
    "test",
    "assay",
    "drug",
    "vaccine",
    "treatment",
    "facility",
    "site",
    "plant",
    "portfolio",
    "model",
    "instrument",
    "agreement",
    "deal",
    "transaction",
    "milestone",
];

/// Plural nouns before a list of bodies (`companies such as …`).
const CLASS_NOUNS: &[&str] = &[
    "agencies",
    "banks",
    "brands",
    "businesses",
    "carriers",
    "companies",
    "corporations",
    "developers",
    "firms",
    "insurers",
    "institutions",
    "laboratories",
    "labs",
    "lenders",
    "manufacturers",
    "operators",
    "organisations",
    "organizations",
    "partners",
    "providers",
    "retailers",
    "startups",
    "suppliers",
    "universities",
    "vendors",
];

/// Stock exchanges printed in a ticker.
const EXCHANGES: &[&str] = &[
    "AMEX", "ASX", "BSE", "CSE", "Euronext", "FWB", "HKEX", "JSE", "KOSDAQ", "KRX", "LSE",
    "NASDAQ", "NSE", "NYSE", "Nasdaq", "OTC", "OTCQB", "OTCQX", "SGX", "SIX", "TASE", "TSE", "TSX",
    "TSXV", "Xetra",
];

/// Regions and generic capitalised words that a list may hold beside an
/// organisation without being one.
const NOT_BODIES: &[&str] = &[
    "Africa",
    "America",
    "Americas",
    "Antarctica",
    "Arctic",
    "Asia",
    "Balkans",
    "Caribbean",
    "Central",
    "East",
    "Eastern",
    "Europe",
    "Government",
    "Governments",
    "Latin",
    "Member",
    "Middle",
    "North",
    "Northern",
    "Oceania",
    "Pacific",
    "Parties",
    "Sahel",
    "South",
    "Southern",
    "States",
    "West",
    "Western",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// The bytes a company signal starts at: `,`, ` `, `(` and `o` (of
/// `companies`), each its own bit.
const STARTS_SIGNAL: [u8; 256] = {
    let mut table = [0; 256];
    table[b',' as usize] = COMMA;
    table[b' ' as usize] = SPACE;
    table[b'(' as usize] = PAREN;
    table[b'o' as usize] = O;
    table
};
const COMMA: u8 = 1;
const SPACE: u8 = 2;
const PAREN: u8 = 4;
const O: u8 = 8;

/// For each byte, the starts (bits of [`STARTS_SIGNAL`]) that a signal
/// can have with this byte second: a space after a comma; after a space,
/// the first letters of the words [`scan`] tests there (`is`, `such as`,
/// `like`, `About`, and the verbs of [`subject_at`] in either case); any
/// byte after `(`; `m` after `o`. Testing the pair rules out most spaces,
/// where nearly every stop of a byte-wise test would be.
const SECOND_OF_SIGNAL: [u8; 256] = {
    let mut table = [PAREN; 256];
    table[b' ' as usize] |= COMMA;
    let followers = b"isAlaLuU";
    let mut k = 0;
    while k < followers.len() {
        table[followers[k] as usize] |= SPACE;
        k += 1;
    }
    table[b'm' as usize] |= O;
    table
};

/// Names learnt from the paragraph `s`'s company signals, in one pass
/// over its bytes (a release is read whole before any paragraph is
/// scanned, so this must stay cheap).
pub fn scan(s: &str, out: &mut Vec<Range<usize>>, subjects_out: &mut Vec<Range<usize>>) {
    let b = s.as_bytes();
    if s.starts_with("About ") {
        about_at(s, 0, out);
    }
    let mut k = 0;
    loop {
        // Every signal starts at a pair of bytes that the two tables allow
        // (the last byte, with no second, by its first alone); the rest of
        // the text is skipped without further tests.
        k += b
            .get(k..)
            .unwrap_or_default()
            .windows(2)
            .position(|pair| {
                STARTS_SIGNAL[usize::from(pair[0])] & SECOND_OF_SIGNAL[usize::from(pair[1])] != 0
            })
            .unwrap_or(b.len().saturating_sub(k + 1));
        while k < b.len() && STARTS_SIGNAL[usize::from(b[k])] == 0 {
            k += 1;
        }
        let Some(&byte) = b.get(k) else {
            return;
        };
        let rest = &b[k..];
        match byte {
            b',' => {
                for pattern in [" a ", " an ", " the ", " one of "] {
                    if rest[1..].starts_with(pattern.as_bytes()) {
                        apposition_at(s, k, k + 1 + pattern.len(), out);
                        break;
                    }
                }
            }
            b' ' => {
                match rest.get(1) {
                    Some(b'i') => {
                        for pattern in [" is a ", " is an ", " is one of "] {
                            if rest.starts_with(pattern.as_bytes()) {
                                apposition_at(s, k, k + pattern.len(), out);
                                break;
                            }
                        }
                        if rest.starts_with(b" including ") {
                            class_list_at(s, k, k + 11, out);
                        }
                    }
                    Some(b's') if rest.starts_with(b" such as ") => class_list_at(s, k, k + 9, out),
                    Some(b'l') if rest.starts_with(b" like ") => class_list_at(s, k, k + 6, out),
                    Some(b'A') if rest.starts_with(b" About ") => about_at(s, k + 1, out),
                    _ => {}
                }
                // The verbs of `subject_at` all start `an`, `ac`, `la`
                // or `un`, in either case.
                if let Some(&[first, second]) = rest.get(1..3) {
                    let second = second.to_ascii_lowercase();
                    if matches!(
                        (first.to_ascii_lowercase(), second),
                        (b'a', b'n' | b'c') | (b'l', b'a') | (b'u', b'n')
                    ) {
                        subject_at(s, k + 1, subjects_out);
                    }
                }
            }
            b'(' => ticker_at(s, k, out),
            _ if rest.starts_with(b"ompanies ") => list_after(s, k + 9, out),
            _ => {}
        }
        k += 1;
    }
}

/// Single names that open a corporate verb (`Acme announced`, `Acme
/// today launched`, `Acme acquires`): candidates only, learnt when the
/// release also gives them a possessive or they are written like a brand
/// (see [`brand_like`]).
fn subject_at(s: &str, verb_start: usize, out: &mut Vec<Range<usize>>) {
    {
        {
            let verb = &s[verb_start..word_end(s, verb_start)];
            if !matches!(
                verb,
                "announced"
                    | "announces"
                    | "launched"
                    | "launches"
                    | "acquired"
                    | "acquires"
                    | "unveiled"
                    | "unveils"
                    | "Announces"
                    | "Launches"
                    | "Acquires"
                    | "Unveils"
            ) {
                return;
            }
            let mut end = super::scan::skip_spaces_back(s, verb_start);
            for helper in ["today", "has", "have", "will", "Today"] {
                if s[..end].ends_with(helper) {
                    let start = end - helper.len();
                    if !char_before(s, start).is_some_and(is_word_char) {
                        end = super::scan::skip_spaces_back(s, start);
                    }
                }
            }
            let word_begin = super::scan::word_start(s, end);
            if word_begin == end || !is_word_char(char_at(s, word_begin).unwrap_or(' ')) {
                return;
            }
            // One word, not after a title (`Attorney General Bonta
            // announced`) nor part of a longer capitalised name.
            let before = super::scan::skip_spaces_back(s, word_begin);
            let prev = &s[super::scan::word_start(s, before)..before];
            let name = &s[word_begin..end];
            // An acronym is an organisation only when known, defined or
            // listed beside one (`DA Announces …` is a title's).
            if !name.starts_with(char::is_uppercase)
                || super::scan::is_all_caps(name)
                || prev.starts_with(char::is_uppercase) && before < word_begin
                || !acceptable(name)
            {
                return;
            }
            out.push(word_begin..end);
        }
    }
}

/// Written like a brand: a capital or a digit after the first letter
/// (`PathAI`, `DoMore`, `3M`), not all in capitals.
pub fn brand_like(name: &str) -> bool {
    !name.contains(' ')
        && name
            .chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit())
        && name.chars().any(char::is_lowercase)
}

/// A run of capitalised words starting at `i` (with `&`, a dotted
/// abbreviation or a company suffix), at most five words: its end.
pub fn name_forward(s: &str, i: usize) -> Option<usize> {
    let mut at = i;
    let mut end = None;
    for _ in 0..5 {
        let c = char_at(s, at)?;
        if c == '&' {
            at = skip_spaces(s, at + 1);
            continue;
        }
        if !(c.is_uppercase() || (end.is_some() && c.is_ascii_digit())) {
            break;
        }
        let mut e = word_end(s, at);
        if s[e..].starts_with('.') && s[at..e].len() <= 4 && s[at..e] != *"St" {
            // `Inc.`, `Ltd.`, `Co.`; a sentence's period stays out.
            if matches!(&s[at..e], "Inc" | "Ltd" | "Corp" | "Co") {
                e += 1;
            }
        }
        end = Some(e);
        let next = skip_spaces(s, e);
        if next == e || !char_at(s, next).is_some_and(|c| c.is_uppercase() || c == '&') {
            break;
        }
        at = next;
    }
    end
}

/// The run of capitalised words ending at `end` (at most five), without
/// stop words or titles in front: its start.
fn name_backward(s: &str, end: usize) -> Option<usize> {
    let mut start = None;
    let mut at = end;
    // `Marrow Ltd.`: the period of a company suffix.
    if char_before(s, at) == Some('.') {
        let w = super::scan::word_start(s, at - 1);
        if matches!(&s[w..at - 1], "Inc" | "Ltd" | "Corp" | "Co") {
            start = Some(w);
            at = super::scan::skip_spaces_back(s, w);
            if at == w {
                return start;
            }
        }
    }
    for _ in 0..5 {
        let e = at;
        let b = super::scan::word_start(s, e);
        if b == e {
            break;
        }
        let word = &s[b..e];
        if !word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            break;
        }
        if is_stop_word(word) || is_title(word) {
            break;
        }
        start = Some(b);
        let before = super::scan::skip_spaces_back(s, b);
        if before == b {
            break;
        }
        at = before;
        if char_before(s, at) == Some('&') {
            at = super::scan::skip_spaces_back(s, at - 1);
        }
    }
    let start = start?;
    // A name opening a sentence: the first word must not be a stop word.
    Some(start)
}

/// `About Acme` as a line of its own or before a colon, at `i`.
fn about_at(s: &str, i: usize, out: &mut Vec<Range<usize>>) {
    let opens = i == 0 || s[..i].ends_with("  ") || {
        let before = super::scan::skip_spaces_back(s, i);
        char_before(s, before).is_some_and(|c| matches!(c, '.' | '!' | '?'))
    };
    if !opens {
        return;
    }
    let mut start = skip_spaces(s, i + 6);
    if s[start..].starts_with("the ") {
        start += 4;
    }
    let Some(end) = name_forward(s, start) else {
        return;
    };
    let rest = s[end..].trim_start();
    if (rest.is_empty() || rest.starts_with(':')) && acceptable(&s[start..end]) {
        out.push(start..end);
    }
}

/// `Acme, a leading maker …`, `Acme is one of the largest firms …`: the
/// pattern starts at `at`, the description at `from`.
fn apposition_at(s: &str, at: usize, from: usize, out: &mut Vec<Range<usize>>) {
    if char_before(s, at).is_some_and(is_apostrophe) {
        return;
    }
    // The name first: it is one look back, the description a window of
    // words ahead.
    if let Some(start) = name_backward(s, at) {
        if describes_a_body(&s[from..]) && acceptable(&s[start..at]) {
            out.push(start..at);
        }
    }
}

/// The words after an article name a kind of body (`a leading maker`,
/// `one of the largest firms`) before a person or a thing, a preposition
/// or relative word (`an open API that allows developers`), or the end of
/// the clause.
fn describes_a_body(rest: &str) -> bool {
    // A window of a few words: linear however long the paragraph.
    let mut window = rest.len().min(160);
    while !rest.is_char_boundary(window) {
        window -= 1;
    }
    let rest = &rest[..window];
    let clause_end = rest
        .find(['.', ',', ';', ':', '(', ')', '!', '?', '—', '–'])
        .unwrap_or(rest.len());
    for word in rest[..clause_end]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(8)
    {
        if matches!(
            word,
            "of" | "in"
                | "for"
                | "that"
                | "which"
                | "who"
                | "whose"
                | "with"
                | "to"
                | "on"
                | "at"
                | "by"
                | "from"
                | "where"
                | "whom"
        ) {
            return false;
        }
        if !word.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let singular = word.strip_suffix('s').unwrap_or(word);
        if BODY_NOUNS.contains(&word) || BODY_NOUNS.contains(&singular) {
            return true;
        }
        if OTHER_NOUNS.contains(&word) || OTHER_NOUNS.contains(&singular) {
            return false;
        }
    }
    false
}

/// `Acme Inc. (NASDAQ: ACME)`, `OPC Energy Ltd. (OPCE:Tel Aviv)`.
fn ticker_at(s: &str, open: usize, out: &mut Vec<Range<usize>>) {
    {
        let mut window = (open + 40).min(s.len());
        while !s.is_char_boundary(window) {
            window -= 1;
        }
        let Some(close) = s[open..window].find(')').map(|k| open + k) else {
            return;
        };
        let Some((a, b)) = s[open + 1..close].split_once(':') else {
            return;
        };
        let (a, b) = (a.trim(), b.trim());
        let ticker = |t: &str| {
            (1..=6).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_uppercase() || c == b'.')
        };
        let exchange = |t: &str| EXCHANGES.iter().any(|e| t.starts_with(e));
        let capitalised_words =
            b.len() < 20 && b.split(' ').all(|w| w.starts_with(char::is_uppercase));
        let is_ticker =
            (exchange(a) && ticker(b)) || (ticker(a) && (exchange(b) || capitalised_words));
        if !is_ticker {
            return;
        }
        let end = super::scan::skip_spaces_back(s, open);
        if let Some(start) = name_backward(s, end) {
            if acceptable(&s[start..end]) {
                out.push(start..end);
            }
        }
    }
}

/// `companies such as Acme, Brightwave and Zeta Labs`: the pattern
/// starts at `at` after a plural class noun, the list at `from`.
fn class_list_at(s: &str, at: usize, from: usize, out: &mut Vec<Range<usize>>) {
    let before = at - usize::from(char_before(s, at) == Some(','));
    let start = super::scan::word_start(s, before);
    if lower_in(&s[start..before], CLASS_NOUNS) {
        list_after(s, from, out);
    }
}

/// Learns the names of a list that starts at `i`.
fn list_after(s: &str, mut i: usize, out: &mut Vec<Range<usize>>) {
    for _ in 0..12 {
        if s[i..].starts_with("the ") {
            i += 4;
        }
        let Some(end) = name_forward(s, i) else {
            return;
        };
        if acceptable(&s[i..end]) {
            out.push(i..end);
        }
        let Some((next, _)) = list_separator(s, end) else {
            return;
        };
        i = next;
    }
}

/// After an item of a list, the start of the next one, if a separator
/// (`, `, ` and `, `, and `, ` or `, ` & `) comes between, and whether the
/// separator holds a word (`and`, `or`, `&`).
pub fn list_separator(s: &str, end: usize) -> Option<(usize, bool)> {
    let mut at = end;
    let comma = s[at..].starts_with(',');
    if comma {
        at += 1;
    }
    let spaced = skip_spaces(s, at);
    if spaced == at {
        return None;
    }
    let mut next = spaced;
    let mut word = false;
    for joiner in ["and ", "or ", "& "] {
        if s[spaced..].starts_with(joiner) {
            next = skip_spaces(s, spaced + joiner.len());
            word = true;
            break;
        }
    }
    if !comma && !word {
        return None;
    }
    if s[next..].starts_with("the ") {
        next += 4;
    }
    char_at(s, next)
        .filter(|c| c.is_uppercase())
        .map(|_| (next, word))
}

/// A name worth learning: not a stop word, a title, a region, a country,
/// a lone organisational noun or a word in capitals only by position.
pub fn acceptable(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or_default();
    let words = name.split_whitespace().count();
    if name.is_empty()
        || words > 5
        || is_stop_word(first)
        || name.split_whitespace().any(|w| {
            is_title(w.trim_end_matches(['.', ','])) || w.split('-').next().is_some_and(is_title)
        })
        || NOT_BODIES.contains(&first)
        || first.ends_with("ing")
        || crate::lexicon::countries::canonical(name).is_some()
        || name.chars().all(|c| c.is_ascii_digit() || !is_word_char(c))
    {
        return false;
    }
    // `Council`, `Company`: a short form, for linking, not a new name.
    !(words == 1 && head(name, None).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_are_sorted_for_bisection() {
        assert!(LEGAL_FORMS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_legal_form("Inc.") && is_legal_form("S.A.") && !is_legal_form("Labs"));
    }

    fn learnt(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        scan(s, &mut out, &mut Vec::new());
        out.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn signals_of_a_company() {
        assert_eq!(learnt("About Brightwave"), ["Brightwave"]);
        assert_eq!(
            learnt("Thanks.  About Nordvik Kraft: a story"),
            ["Nordvik Kraft"]
        );
        assert_eq!(
            learnt("Today Lumora, a leading maker of sensors, bought Kettle Rock, one of the largest firms in Ohio."),
            ["Lumora", "Kettle Rock"]
        );
        assert_eq!(learnt("Quilla is a pioneer in assays."), ["Quilla"]);
        let mut subjects_found = Vec::new();
        let mut others = Vec::new();
        let s = "Tessaly today announced a deal. Attorney General Bonta announced it; Jane Doe \
                 announced it. DA Announces Blueprint.";
        scan(s, &mut others, &mut subjects_found);
        let names: Vec<&str> = subjects_found.into_iter().map(|r| &s[r]).collect();
        assert_eq!(names, ["Tessaly"]);
        assert!(brand_like("PathAI") && !brand_like("Tessaly") && !brand_like("NATO"));
        assert_eq!(
            learnt("Jane Doe, a leading expert in law firms, spoke."),
            Vec::<&str>::new()
        );
        assert_eq!(
            learnt("Tessel Holdings (NASDAQ: TSSL) and Marrow Ltd. (MRW:Tel Aviv)"),
            ["Tessel Holdings", "Marrow Ltd."]
        );
        assert_eq!(
            learnt("businesses such as Ardent Foods, Pell and Ruskin Cole; companies including Verdan."),
            ["Ardent Foods", "Pell", "Ruskin Cole", "Verdan"]
        );
    }
}
