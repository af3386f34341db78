//! Organisations by how they are written: a run of capitalised words
//! whose head is an organisational noun (`Consumer Justice Bureau`,
//! `Third Committee`, `Acme Holdings Inc.`), with its complement
//! (`Department of Justice`, `Committee on the Elimination of
//! Discrimination against Women`); and the names of other kinds that may
//! hold an organisation's name without being one (`United Nations
//! Convention on the Law of the Sea`, `Image Management System`,
//! `Operation Sandstorm`), which are found so that nothing inside them is
//! taken alone.
//!
//! A name is split into segments, capitalised words joined only by
//! spaces, `&` or a possessive; the last head word of the first segment
//! decides the kind of the whole name, and a complement (`of …`, `for …`,
//! `on …`) follows only a head that ends its segment.

use std::ops::Range;

use super::scan::{
    char_at, char_before, in_sorted_exact, is_apostrophe, is_word_char, skip_spaces, word_end,
};

/// What a head word makes of the name it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// An organisation (`Bureau`, `Inc.`); the word as printed.
    Organization,
    /// A treaty, law, product, event, place or operation.
    Other,
}

/// Nouns that head an organisation's name (sorted by bytes).
const ORGANIZATION_HEADS: &[&str] = &[
    "AB",
    "AG",
    "ASA",
    "Academy",
    "Administration",
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Assembly",
    "Association",
    "Authority",
    "Bancorp",
    "Bank",
    "Bio",
    "Biosciences",
    "Biotech",
    "Board",
    "Bureau",
    "Capital",
    "Center",
    "Centre",
    "Clinic",
    "Clinics",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Consortium",
    "Corp",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Diagnostics",
    "Directorate",
    "Division",
    "Federation",
    "Forum",
    "Foundation",
    "Fund",
    "GmbH",
    "Group",
    "Holdings",
    "Hospital",
    "Hospitals",
    "Inc",
    "Incorporated",
    "Industrie",
    "Industries",
    "Institute",
    "Institution",
    "Investments",
    "LLC",
    "LLP",
    "LP",
    "Laboratories",
    "Labs",
    "League",
    "Limited",
    "Ltd",
    "Ministry",
    "Mission",
    "Motors",
    "NV",
    "Networks",
    "Observatory",
    "Office",
    "Organisation",
    "Organization",
    "Oy",
    "PLC",
    "Parliament",
    "Partners",
    "Pharma",
    "Pharmaceuticals",
    "Program",
    "Programme",
    "Pty",
    "SA",
    "SAS",
    "SE",
    "Secretariat",
    "Service",
    "Services",
    "Society",
    "SpA",
    "Technologies",
    "Therapeutics",
    "Tribunal",
    "Union",
    "Unit",
    "University",
    "Ventures",
];

/// Nouns that head a name of another kind (sorted by bytes).
const OTHER_HEADS: &[&str] = &[
    "Accord",
    "Accords",
    "Act",
    "Agenda",
    "Agreement",
    "Airport",
    "Avenue",
    "Award",
    "Awards",
    "Blueprint",
    "Bridge",
    "Building",
    "Charter",
    "Code",
    "Convention",
    "Covenant",
    "Day",
    "Decade",
    "Declaration",
    "Directive",
    "Framework",
    "Goals",
    "Hall",
    "Index",
    "Initiative",
    "Law",
    "Memorandum",
    "Operation",
    "Park",
    "Plan",
    "Platform",
    "Prize",
    "Protocol",
    "Regulation",
    "Regulations",
    "Report",
    "Road",
    "Square",
    "Stadium",
    "Station",
    "Statute",
    "Strategy",
    "Summit",
    "System",
    "Systems",
    "Treaty",
    "Valley",
    "Week",
];

/// Capitalised words that open a sentence or a phrase, never a name
/// (sorted by bytes).
const STOP_WORDS: &[&str] = &[
    "A",
    "About",
    "Additionally",
    "After",
    "Against",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Between",
    "Both",
    "But",
    "By",
    "Click",
    "Contact",
    "Dear",
    "Despite",
    "During",
    "Each",
    "Even",
    "Every",
    "Finally",
    "Following",
    "For",
    "From",
    "Further",
    "Furthermore",
    "Her",
    "Here",
    "His",
    "However",
    "If",
    "In",
    "Including",
    "Into",
    "Its",
    "Join",
    "Just",
    "Like",
    "Many",
    "Meanwhile",
    "Moreover",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Per",
    "Please",
    "Read",
    "Several",
    "Since",
    "So",
    "Some",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "This",
    "Those",
    "Through",
    "Throughout",
    "Thus",
    "To",
    "Today",
    "Together",
    "Tomorrow",
    "Under",
    "Unlike",
    "Until",
    "Upon",
    "Via",
    "Visit",
    "When",
    "Where",
    "While",
    "With",
    "Within",
    "Without",
    "Yesterday",
    "Yet",
    "Your",
];

/// Titles of people: a name's complement stops before them (`Chicago
/// Police Department Superintendent …`), and a possessive of one may sit
/// inside a name (`Sheriff’s Office`). Sorted by bytes.
const TITLES: &[&str] = &[
    "Acting",
    "Ambassador",
    "Assessor",
    "Attorney",
    "Attorneys",
    "Auditor",
    "CEO",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chairwoman",
    "Chief",
    "Clerk",
    "Co-Founder",
    "Commissioner",
    "Comptroller",
    "Controller",
    "Coroner",
    "Defender",
    "Deputy",
    "Director",
    "Dr",
    "Founder",
    "General",
    "Governor",
    "Head",
    "Inspector",
    "Manager",
    "Managing",
    "Marshal",
    "Mayor",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Officer",
    "President",
    "Prosecutor",
    "Recorder",
    "Secretary",
    "Senator",
    "Sheriff",
    "Spokesman",
    "Spokesperson",
    "Superintendent",
    "Treasurer",
    "Vice",
];

/// Lower-case words that may join the parts of a name.
fn connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for"
            | "on"
            | "in"
            | "and"
            | "the"
            | "against"
            | "de"
            | "des"
            | "du"
            | "del"
            | "la"
            | "le"
            | "et"
            | "y"
            | "für"
            | "to"
            | "with"
    )
}

pub fn is_title(word: &str) -> bool {
    in_sorted_exact(word.as_bytes(), TITLES)
}

/// Capitalised words after a connector that do not go on with a name
/// (`Department of Fish and Wildlife on Monday`, `briefed the Council on
/// Monday`), sorted.
const CALENDAR: &[&str] = &[
    "April",
    "August",
    "December",
    "February",
    "Friday",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "November",
    "October",
    "Saturday",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
];

/// A month or a day of the week: after a connector it dates what comes
/// before, it does not name it.
pub fn is_calendar_word(word: &str) -> bool {
    CALENDAR.binary_search(&word).is_ok()
}

pub fn is_stop_word(word: &str) -> bool {
    in_sorted_exact(word.as_bytes(), STOP_WORDS)
}

/// The kind a word gives the name it ends, given the word before it.
pub fn head(word: &str, before: Option<&str>) -> Option<Head> {
    let bare = word.strip_suffix('.').unwrap_or(word);
    let bytes = bare.as_bytes();
    // Most words are no head: ruled out on their first letter and length.
    let fits =
        head_shape_slot(bytes).is_some_and(|slot| head_shapes()[slot] & (1 << bytes.len()) != 0);
    if !(2..=15).contains(&bytes.len()) || !fits {
        return None;
    }
    if in_sorted_exact(bytes, ORGANIZATION_HEADS) {
        let other = match bare {
            "Center" | "Centre" => before.is_some_and(|b| {
                matches!(
                    b,
                    "Convention"
                        | "Conference"
                        | "Trade"
                        | "Shopping"
                        | "Energy"
                        | "Data"
                        | "Visitor"
                        | "Visitors"
                        | "Distribution"
                        | "Fulfillment"
                        | "Call"
                )
            }),
            "Union" => before == Some("Soviet"),
            "Bank" => before == Some("West"),
            _ => false,
        };
        return Some(if other {
            Head::Other
        } else {
            Head::Organization
        });
    }
    if in_sorted_exact(bytes, OTHER_HEADS) {
        return Some(Head::Other);
    }
    match bare {
        "Force" => (before == Some("Task")).then_some(Head::Organization),
        "S.A" | "N.V" | "B.V" | "S.p.A" | "Co" | "L.P" | "S.A.S" => Some(Head::Organization),
        _ => None,
    }
}

/// For each capital letter and ASCII byte after it, a bit per length of
/// the head words starting with those two (both lists and the special
/// cases of [`head`]): a capitalised word that is no head is ruled out by
/// one load.
fn head_shapes() -> &'static [u32; 26 * 128] {
    static SHAPES: std::sync::OnceLock<Box<[u32; 26 * 128]>> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = Box::new([0u32; 26 * 128]);
        let special = ["Force", "S.A", "N.V", "B.V", "S.p.A", "Co", "L.P", "S.A.S"];
        for word in ORGANIZATION_HEADS.iter().chain(OTHER_HEADS).chain(&special) {
            if let Some(slot) = head_shape_slot(word.as_bytes()) {
                shapes[slot] |= 1 << word.len();
            }
        }
        shapes
    })
}

/// The slot of [`head_shapes`] for a word of two bytes or more that starts
/// with a capital and an ASCII byte, shorter than 32 bytes.
fn head_shape_slot(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [first @ b'A'..=b'Z', second, ..] if *second < 0x80 && bytes.len() < 32 => {
            Some(usize::from(first - b'A') * 128 + usize::from(*second))
        }
        _ => None,
    }
}

/// One token of a run of name words.
#[derive(Debug, Clone)]
struct Token {
    span: Range<usize>,
    kind: TokenKind,
    /// Followed by a possessive `’s` (or a bare `’` after an `s`).
    possessive: bool,
    /// The kind of name it would end as a head word, read once per run
    /// (see [`read_head`]).
    head: Option<Head>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// A word starting with a capital or a digit.
    Capital,
    Connector,
    Ampersand,
}

/// A name found by its form, with the kind its head gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormName {
    pub span: Range<usize>,
    pub head: Head,
    /// The head word (`Department`, `Inc.`).
    pub head_word: Range<usize>,
}

/// Company suffixes printed with a period (`Inc.`, `Ltd.`): the period
/// belongs to the name.
fn takes_period(word: &str) -> bool {
    matches!(
        word,
        "Inc" | "Ltd" | "Corp" | "Co" | "Bros" | "Jr" | "St" | "Mt" | "Dept" | "Intl"
    )
}

/// The word at `i` with a dotted abbreviation joined up (`U.S.`,
/// `S.A.`, `Inc.`): its end.
fn word_at(s: &str, i: usize) -> usize {
    let mut end = word_end(s, i);
    if end == i {
        return end;
    }
    let b = s.as_bytes();
    // `U.S.`, `S.A.`, `N.V.`: single letters each followed by a period.
    if end - i == 1 && b.get(end) == Some(&b'.') {
        let mut at = end;
        while b.get(at) == Some(&b'.')
            && b.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
            && b.get(at + 2) == Some(&b'.')
        {
            at += 2;
        }
        if at > end {
            return at + 1;
        }
    }
    if b.get(end) == Some(&b'.') && takes_period(&s[i..end]) {
        end += 1;
    }
    end
}

/// The tokens of the run of name words starting at the capital `i`: they
/// end at punctuation, a line end or a lower-case word that is no
/// connector. Returns where the run ends.
fn run_tokens(s: &str, i: usize, tokens: &mut Vec<Token>) -> usize {
    tokens.clear();
    let b = s.as_bytes();
    let mut at = i;
    let mut end = i;
    while let Some(c) = char_at(s, at) {
        if c == '&' {
            tokens.push(Token {
                span: at..at + 1,
                kind: TokenKind::Ampersand,
                possessive: false,
                head: None,
            });
            at = next_token(s, at + 1);
            continue;
        }
        let word_end = word_at(s, at);
        if word_end == at {
            break;
        }
        let word = &s[at..word_end];
        let kind = if c.is_uppercase() || c.is_ascii_digit() {
            TokenKind::Capital
        } else if connector(word) {
            TokenKind::Connector
        } else {
            break;
        };
        let mut after = word_end;
        let mut possessive = false;
        if let Some(a) = char_at(s, after).filter(|a| is_apostrophe(*a)) {
            let past = after + a.len_utf8();
            if b.get(past) == Some(&b's') && !char_at(s, past + 1).is_some_and(is_word_char) {
                possessive = true;
                after = past + 1;
            } else if word.ends_with('s') && !char_at(s, past).is_some_and(is_word_char) {
                possessive = true;
                after = past;
            } else {
                // `D’Angelo`, `Côte d’Ivoire`: the apostrophe ends the run.
                tokens.push(Token {
                    span: at..word_end,
                    kind,
                    possessive: false,
                    head: None,
                });
                end = word_end;
                break;
            }
        }
        tokens.push(Token {
            span: at..word_end,
            kind,
            possessive,
            head: None,
        });
        end = after;
        // `Department of Foreign Affairs, Trade and Development`: a comma
        // inside a name's list of capitalised words.
        if !possessive && b.get(after) == Some(&b',') {
            let in_complement = tokens.iter().any(|t| t.kind == TokenKind::Connector);
            if let Some(next) = comma_joins(s, after, in_complement) {
                tokens.push(Token {
                    span: after..after + 1,
                    kind: TokenKind::Connector,
                    possessive: false,
                    head: None,
                });
                at = next;
                continue;
            }
            // `Acme Holdings, Inc.`: a company suffix after a comma.
            let next = skip_spaces(s, after + 1);
            let suffix_end = word_at(s, next);
            if next > after + 1 && super::companies::is_legal_form(&s[next..suffix_end]) {
                tokens.push(Token {
                    span: next..suffix_end,
                    kind: TokenKind::Capital,
                    possessive: false,
                    head: None,
                });
                end = suffix_end;
            }
            break;
        }
        let next = next_token(s, after);
        if next == after {
            break;
        }
        at = next;
    }
    // Connectors do not end a run.
    while tokens.last().is_some_and(|t| t.kind != TokenKind::Capital) {
        tokens.pop();
        end = tokens.last().map_or(i, |t| t.span.end);
    }
    for k in 0..tokens.len() {
        tokens[k].head = read_head(s, tokens, k);
    }
    end.max(i)
}

/// The next token's start after spaces (not line breaks), or `at` when
/// none follows on the line.
fn next_token(s: &str, at: usize) -> usize {
    let mut k = at;
    while let Some(c) = char_at(s, k) {
        if c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\t' {
            k += c.len_utf8();
        } else {
            break;
        }
    }
    if k == at {
        at
    } else {
        k
    }
}

/// Every name of an organisation or of another kind in the paragraph
/// `s`, given the starts of its capitalised words; `is_learnt` says
/// whether a span is a name already known to be an organisation (a
/// company from its signals), which then stands apart (`Hiber & Acme
/// Industries`).
pub fn scan(
    s: &str,
    capitals: &[usize],
    is_learnt: &dyn Fn(&str) -> bool,
    out: &mut Vec<FormName>,
) {
    Scanner::default().scan(s, capitals, is_learnt, out);
}

/// [`scan`] with its token buffer kept from one paragraph to the next, for
/// a pass over a whole release.
#[derive(Default)]
pub struct Scanner {
    tokens: Vec<Token>,
}

impl Scanner {
    /// As [`scan`].
    pub fn scan(
        &mut self,
        s: &str,
        capitals: &[usize],
        is_learnt: &dyn Fn(&str) -> bool,
        out: &mut Vec<FormName>,
    ) {
        let tokens = &mut self.tokens;
        let mut resume = 0;
        for &i in capitals {
            if i < resume {
                continue;
            }
            let end = run_tokens(s, i, tokens);
            resume = end.max(i + 1);
            // Every name ends in a head word: a run without one holds none.
            if !(0..tokens.len()).any(|k| tokens[k].head.is_some()) {
                continue;
            }
            names_in_run(s, tokens, is_learnt, out);
        }
    }
}

fn text<'a>(s: &'a str, t: &Token) -> &'a str {
    &s[t.span.clone()]
}

/// The kind of name the token `k` ends as a head word, if it is one:
/// read from the word and the capital before it.
fn read_head(s: &str, tokens: &[Token], k: usize) -> Option<Head> {
    if tokens[k].kind != TokenKind::Capital {
        return None;
    }
    let before = k
        .checked_sub(1)
        .filter(|&p| tokens[p].kind == TokenKind::Capital)
        .map(|p| text(s, &tokens[p]));
    head(text(s, &tokens[k]), before)
}

/// A possessive that may sit inside a name: a title's (`Sheriff’s
/// Office`, `Attorney General’s Office`, `State’s Attorney’s Office`).
fn joins_possessive(word: &str) -> bool {
    is_title(word) || word == "State" || word == "People"
}

/// Names in one run of tokens.
fn names_in_run(
    s: &str,
    tokens: &[Token],
    is_learnt: &dyn Fn(&str) -> bool,
    out: &mut Vec<FormName>,
) {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if tokens[i].kind != TokenKind::Capital {
            i += 1;
            continue;
        }
        // The first segment: capitals joined by spaces, a title's
        // possessive, or `and`/`&` when what comes before holds no head.
        let start = i;
        let mut j = i;
        let mut last_head: Option<(usize, Head)> = None;
        let segment_start = i;
        while j < n {
            let t = &tokens[j];
            match t.kind {
                TokenKind::Capital => {
                    if let Some(h) = tokens[j].head {
                        last_head = Some((j, h));
                    }
                    let word = text(s, t);
                    if t.possessive && !joins_possessive(word) {
                        // `Walmart’s Compliance Department`: the name
                        // starts after the possessive.
                        j += 1;
                        break;
                    }
                    j += 1;
                }
                TokenKind::Ampersand | TokenKind::Connector
                    if (t.kind == TokenKind::Ampersand || text(s, t) == "and")
                        && last_head.is_none()
                        && j + 1 < n
                        && tokens[j + 1].kind == TokenKind::Capital
                        && !is_learnt(
                            &s[tokens[segment_start].span.start..tokens[j - 1].span.end],
                        ) =>
                {
                    j += 1;
                }
                _ => break,
            }
            if tokens[j - 1].possessive && !joins_possessive(text(s, &tokens[j - 1])) {
                break;
            }
        }
        let segment_end = j; // exclusive
                             // `Artibonite and Centre` is two places: after `and`, a modifier
                             // and a head (`Conservation and Recreation Authority`).
        if let Some(and) = (start..segment_end)
            .rev()
            .find(|&k| tokens[k].kind != TokenKind::Capital)
        {
            if segment_end - and < 3 {
                i = segment_end;
                continue;
            }
        }
        let Some((h, kind)) = last_head else {
            i = segment_end.max(i + 1);
            continue;
        };
        // Where the name starts: after stop words and sentence openers.
        let mut first = start;
        while first < h
            && (tokens[first].kind != TokenKind::Capital
                || is_stop_word(text(s, &tokens[first]))
                || opens_sentence_as_verb(s, &tokens[first]))
        {
            first += 1;
        }
        if tokens[first].kind != TokenKind::Capital {
            i = segment_end;
            continue;
        }
        // `General Manager Acme Industrie`: a person's titles before the
        // name (but `Attorney General’s Office` is one name).
        let mut after_titles = first;
        while after_titles < h && is_title(text(s, &tokens[after_titles])) {
            after_titles += 1;
        }
        let titles = after_titles - first;
        if after_titles < h
            && (titles >= 2 || titles == 1 && text(s, &tokens[first]) != "General")
            && !tokens[after_titles - 1].possessive
        {
            first = after_titles;
        }
        let mut last = h;
        let mut next = h + 1;
        // A complement after a head that ends its segment.
        if h + 1 == segment_end && !tokens[h].possessive {
            if let Some(end) = complement(s, tokens, h) {
                last = end;
                next = end + 1;
            }
        } else if kind == Head::Other && text(s, &tokens[h]) == "Operation" {
            // `Operation Sandstorm`: a code name after the head.
            last = segment_end - 1;
            next = segment_end;
        } else {
            next = segment_end;
        }
        let words = tokens[first..=last]
            .iter()
            .filter(|t| t.kind == TokenKind::Capital)
            .count();
        let span = tokens[first].span.start..tokens[last].span.end;
        let head_word = tokens[h].span.clone();
        if (kind == Head::Other || words >= 2) && !excluded(&s[span.clone()]) {
            out.push(FormName {
                span,
                head: kind,
                head_word,
            });
        }
        i = next.max(i + 1);
    }
}

/// `Board of Directors` names a company's organ, not another body.
fn excluded(name: &str) -> bool {
    matches!(
        name,
        "Board of Directors" | "Board of Trustees" | "Board of Governors"
    ) || name.starts_with("Programme of ")
        && matches!(&name["Programme of ".len()..], "Action" | "Work")
}

/// A word opening a sentence that a verb or adverb could be
/// (`Reaffirming`, `Notably`): not part of a name.
fn opens_sentence_as_verb(s: &str, t: &Token) -> bool {
    let word = text(s, t);
    if !(word.ends_with("ing") || word.ends_with("ly")) {
        return false;
    }
    let before = super::scan::skip_spaces_back(s, t.span.start);
    char_before(s, before).is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '—'))
}

/// The complement after the head at `h` (`of Justice`, `on the
/// Elimination of Discrimination against Women`): the index of its last
/// capitalised token.
fn complement(s: &str, tokens: &[Token], h: usize) -> Option<usize> {
    let n = tokens.len();
    let mut k = h + 1;
    let mut last = None;
    let head_word = text(s, &tokens[h]).trim_end_matches('.');
    while k < n {
        let t = &tokens[k];
        match t.kind {
            TokenKind::Connector => {
                let word = text(s, t);
                let opens = last.is_none();
                // `Consumer Fraud Bureau of the Riverside District
                // Attorney’s Office`: another organisation starts there.
                // After `and`, only a part that is a name of its own
                // (`and the Federal Trade Commission`, `and Ministry of
                // Education`); `of Health and Human Services` is one name.
                let another = if word == "and" {
                    and_starts_another(s, tokens, k + 1)
                } else {
                    next_part_has_head(s, tokens, k + 1)
                };
                if another {
                    break;
                }
                let allowed = match word {
                    "in" => {
                        (!opens
                            || matches!(head_word, "Mission" | "Force" | "Operation" | "Office"))
                            && place_follows(s, tokens, k + 1)
                    }
                    "to" => false,
                    // `Committee on the Rights of Persons with
                    // Disabilities`, `Countries with Economies in
                    // Transition`; not `Department of Justice with …`.
                    "with" => {
                        !opens
                            && matches!(
                                text(s, &tokens[k - 1]),
                                "Persons" | "People" | "Peoples" | "Children" | "Countries"
                            )
                    }
                    "and" => !opens,
                    "the" => {
                        tokens[k - 1].kind == TokenKind::Connector
                            && text(s, &tokens[k - 1]) != "the"
                    }
                    _ => true,
                };
                if !allowed {
                    break;
                }
                k += 1;
            }
            TokenKind::Ampersand => {
                if last.is_none() || next_part_has_head(s, tokens, k + 1) {
                    break;
                }
                k += 1;
            }
            TokenKind::Capital => {
                // The first word after the head must follow a connector.
                if k == h + 1 {
                    break;
                }
                let word = text(s, t);
                let after_connector = tokens[k - 1].kind == TokenKind::Connector;
                if after_connector && is_calendar_word(word) {
                    break;
                }
                // `Office of the Attorney General`, `Office of the Prime
                // Minister`: after `the`, titles (and the words that
                // qualify them) name an office. The name may go on after
                // a connector (`… High Commissioner for Refugees`), not
                // into a person's name (`… Prime Minister Jane Doe`).
                if after_connector && text(s, &tokens[k - 1]) == "the" {
                    let office_end = office_end(s, tokens, k);
                    if office_end > k {
                        last = Some(office_end - 1);
                        k = office_end;
                        if tokens[k - 1].possessive
                            || tokens.get(k).is_some_and(|t| t.kind == TokenKind::Capital)
                        {
                            break;
                        }
                        continue;
                    }
                }
                if is_title(word) && word != "General" && !t.possessive {
                    break;
                }
                // A number only as in `Group of 77`, and it ends the name.
                if word.starts_with(|c: char| c.is_ascii_digit()) {
                    if last.is_none() && text(s, &tokens[k - 1]) == "of" {
                        last = Some(k);
                    }
                    break;
                }
                last = Some(k);
                k += 1;
                if t.possessive {
                    break;
                }
            }
        }
    }
    last
}

/// After `in`, a country or a region ends the name (`… in Europe`,
/// `… in Lebanon`); a city does not belong to it (`… in New York`).
fn place_follows(s: &str, tokens: &[Token], k: usize) -> bool {
    let mut j = k;
    if j < tokens.len() && text(s, &tokens[j]) == "the" {
        j += 1;
    }
    let start = j;
    while j < tokens.len() && tokens[j].kind == TokenKind::Capital {
        j += 1;
    }
    if j == start {
        return false;
    }
    let place = &s[tokens[start].span.start..tokens[j - 1].span.end];
    crate::lexicon::countries::canonical(place).is_some()
        || matches!(
            place,
            "Europe"
                | "Africa"
                | "Asia"
                | "Central Asia"
                | "West Africa"
                | "Central Africa"
                | "the Americas"
                | "Latin America"
                | "the Caribbean"
                | "the Pacific"
                | "Asia and the Pacific"
                | "the Sahel"
                | "the Near East"
                | "the Middle East"
        )
}

/// The end (exclusive) of the office named by the capitals from `k`:
/// titles, each other word qualifying a title after it (`Prime
/// Minister`, `High Commissioner`, `Attorney General`); `k` when the run
/// names no office.
fn office_end(s: &str, tokens: &[Token], k: usize) -> usize {
    let titled = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Capital && is_title(text(s, t)))
    };
    let mut j = k;
    while j < tokens.len() && tokens[j].kind == TokenKind::Capital {
        let qualifies = !titled(j) && titled(j + 1) && !tokens[j].possessive;
        if !titled(j) && !qualifies {
            break;
        }
        j += 1;
        if tokens[j - 1].possessive {
            break;
        }
    }
    // The run must end in a title, not in a qualifier.
    while j > k && !titled(j - 1) {
        j -= 1;
    }
    j
}

/// Whether the part after an `and` at `k - 1` inside a name's complement
/// is another organisation: led by `the` and holding a head word, led by
/// a head word and going on (`and Ministry of Education`, not `and
/// Industries and …`), or a company
/// (`and Acme Holdings Inc.`). A part of modifiers ending in a head
/// (`and Human Services`, `and Industries`) belongs to the name.
fn and_starts_another(s: &str, tokens: &[Token], k: usize) -> bool {
    if k < tokens.len() && text(s, &tokens[k]) == "the" {
        return next_part_has_head(s, tokens, k);
    }
    let mut j = k;
    while j < tokens.len() && tokens[j].kind == TokenKind::Capital {
        j += 1;
    }
    if j == k {
        return false;
    }
    let first = &tokens[k];
    let goes_on = j - k >= 2
        || tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Connector && text(s, t) != "and");
    let led_by_head = first.head == Some(Head::Organization) && goes_on;
    let company = super::companies::is_legal_form(text(s, &tokens[j - 1]).trim_end_matches('.'));
    led_by_head || company
}

/// Whether the comma at `comma` joins the capitalised words of a
/// complement into one name, and if so where the next word starts. It does
/// when a complement is under way and groups of capitalised words follow,
/// separated by commas, the last after `and` (`Ministry of Health, Labour
/// and Welfare`, `Office of the High Representative for the Least
/// Developed Countries, Landlocked Developing Countries and Small Island
/// Developing States`). No group may be a country, an acronym or hold a
/// head word: `Ministry of Defence, Germany and France` and `Department of
/// Justice, FBI and ATF` are lists.
fn comma_joins(s: &str, comma: usize, in_complement: bool) -> Option<usize> {
    const MOST_GROUPS: usize = 6;
    let next = comma + 1;
    if !in_complement || s.as_bytes().get(next) != Some(&b' ') {
        return None;
    }
    let has_head = |words: &str| words.split(' ').any(|w| head(w, None).is_some());
    let is_country = |words: &str| crate::lexicon::countries::canonical(words).is_some();
    let mut at = next + 1;
    for _ in 0..MOST_GROUPS {
        let end = capitalised_group(s, at)?;
        let group = &s[at..end];
        if is_country(group) || has_head(group) {
            return None;
        }
        let rest = &s[end..];
        if rest.starts_with(", ") {
            at = end + 2;
            continue;
        }
        if !rest.starts_with(" and ") {
            return None;
        }
        let last_start = end + " and ".len();
        let last_end = capitalised_group(s, last_start)?;
        let last_group = &s[last_start..last_end];
        return (!is_country(last_group) && !has_head(last_group)).then_some(next + 1);
    }
    None
}

/// The capitalised words from `at`, a single space apart: where they end;
/// none when no such word starts there or one is an acronym (`FBI`).
fn capitalised_group(s: &str, mut at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut last = None;
    while char_at(s, at).is_some_and(char::is_uppercase) {
        let end = word_at(s, at);
        let word = &s[at..end];
        if word.len() > 1 && word.bytes().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        last = Some(end);
        if b.get(end) == Some(&b' ') && char_at(s, end + 1).is_some_and(char::is_uppercase) {
            at = end + 1;
        } else {
            break;
        }
    }
    last
}

/// The capitals from `k` to the next connector end in a head word.
fn next_part_has_head(s: &str, tokens: &[Token], k: usize) -> bool {
    let mut j = k;
    if j < tokens.len() && text(s, &tokens[j]) == "the" {
        j += 1;
    }
    while j < tokens.len() && tokens[j].kind == TokenKind::Capital {
        if tokens[j].head == Some(Head::Organization) {
            return true;
        }
        j += 1;
    }
    false
}

/// Whether each byte value is an ASCII letter or a hyphen: one load per
/// byte in [`is_title_case`], which reads most paragraphs.
static IS_ASCII_LETTER_OR_HYPHEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphabetic() || b == b'-' as usize;
        b += 1;
    }
    table
};

/// A paragraph in Title Case (a headline, a heading): many capitalised
/// words and hardly a lower-case word of five letters or more. Names are
/// not learnt from it, only found in it.
pub fn is_title_case(s: &str, capitals: usize) -> bool {
    if capitals < 3 {
        return false;
    }
    let mut lower = 0;
    let b = s.as_bytes();
    let mut at = 0;
    while at < b.len() {
        // The word at `at`: letters and hyphens, ASCII a byte at a time.
        let start = at;
        while let Some(&byte) = b.get(at) {
            if IS_ASCII_LETTER_OR_HYPHEN[usize::from(byte)] {
                at += 1;
            } else if byte >= 0x80 {
                match s[at..].chars().next() {
                    Some(c) if c.is_alphabetic() => at += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        if at == start {
            at += s[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let word = &s[start..at];
        let first = word.chars().next().unwrap_or('-');
        if first.is_lowercase()
            && word.len() >= 5
            && !matches!(
                word,
                "about"
                    | "after"
                    | "against"
                    | "among"
                    | "before"
                    | "between"
                    | "during"
                    | "through"
                    | "towards"
                    | "under"
                    | "until"
                    | "within"
                    | "without"
                    | "across"
                    | "amid"
                    | "behind"
            )
        {
            lower += 1;
            if lower > 1 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, Head)> {
        let capitals: Vec<usize> = s
            .char_indices()
            .filter(|(k, c)| {
                c.is_uppercase()
                    && !char_before(s, *k).is_some_and(super::super::scan::is_word_char)
            })
            .map(|(k, _)| k)
            .collect();
        let mut out = Vec::new();
        scan(s, &capitals, &|n| n == "Hiber", &mut out);
        out.into_iter()
            .map(|f| (s[f.span].to_owned(), f.head))
            .collect()
    }

    fn orgs(s: &str) -> Vec<String> {
        names(s)
            .into_iter()
            .filter(|(_, h)| *h == Head::Organization)
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn a_comma_inside_a_complement_joins_its_list_of_words() {
        let found = names(
            "The Ministry of Health, Labour and Welfare met the Office of the High \
             Representative for the Least Developed Countries, Landlocked Developing \
             Countries and Small Island Developing States.",
        );
        let found: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            found,
            [
                "Ministry of Health, Labour and Welfare",
                "Office of the High Representative for the Least Developed Countries, \
                 Landlocked Developing Countries and Small Island Developing States",
            ]
        );
        // Countries, acronyms and names with heads of their own are lists.
        for list in [
            "The Ministry of Defence, Germany and France met.",
            "The Department of Justice, FBI and ATF met.",
            "The Ministry of Health, Ministry of Labour and Ministry of Welfare met.",
        ] {
            let found = names(list);
            assert!(
                found.iter().all(|(n, _)| !n.contains(',')),
                "{list}: {found:?}"
            );
        }
    }

    #[test]
    fn lists_searched_by_bisection_are_sorted() {
        for list in [ORGANIZATION_HEADS, OTHER_HEADS, STOP_WORDS, TITLES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
    }

    #[test]
    fn every_listed_head_passes_the_shape_filter() {
        for word in ORGANIZATION_HEADS.iter().chain(OTHER_HEADS) {
            assert!(head(word, None).is_some(), "{word}");
        }
        for word in ["S.A", "N.V", "B.V", "S.p.A", "Co", "L.P", "S.A.S"] {
            assert_eq!(head(word, None), Some(Head::Organization), "{word}");
        }
        assert_eq!(head("Force", Some("Task")), Some(Head::Organization));
    }

    #[test]
    fn heads_with_modifiers_and_complements() {
        assert_eq!(
            orgs("The Consumer Justice Bureau and the Department of Justice met the Third Committee, the Committee on the Elimination of Discrimination against Women and the Special Committee on Peacekeeping Operations in New York."),
            [
                "Consumer Justice Bureau",
                "Department of Justice",
                "Third Committee",
                "Committee on the Elimination of Discrimination against Women",
                "Special Committee on Peacekeeping Operations"
            ]
        );
        assert_eq!(
            orgs("The Committee on the Rights of Persons with Disabilities wrote to the Department of Justice with Mayor Reyes."),
            [
                "Committee on the Rights of Persons with Disabilities",
                "Department of Justice",
            ]
        );
        assert_eq!(
            orgs("Acme Holdings Inc. bought Brightwave Labs, Inc. and Zeta Bio S.A. from the Cook County Sheriff’s Office."),
            ["Acme Holdings Inc.", "Brightwave Labs, Inc.", "Zeta Bio S.A.", "Cook County Sheriff’s Office"]
        );
    }

    #[test]
    fn titles_possessives_and_sentence_openers_stay_out() {
        assert_eq!(
            orgs("said Riverside Police Department Superintendent Ann Lee. Walmart’s Compliance Department and the County’s Aging and Independence Services. Reaffirming the Treaty Organization."),
            ["Riverside Police Department", "Compliance Department", "Aging and Independence Services", "Treaty Organization"]
        );
        assert_eq!(orgs("Minister for Foreign Affairs of Freedonia spoke; the Ministry of Foreign Affairs of Freedonia wrote."), ["Ministry of Foreign Affairs of Freedonia"]);
        assert_eq!(
            orgs("Hiber & Srett Industrie and the Security Council and General Assembly"),
            ["Srett Industrie", "Security Council", "General Assembly"]
        );
    }

    #[test]
    fn names_of_other_kinds() {
        assert_eq!(
            names("the United Nations Convention on the Law of the Sea, the Image Management System and Operation Sandstorm"),
            [
                ("United Nations Convention on the Law of the Sea".to_owned(), Head::Other),
                ("Image Management System".to_owned(), Head::Other),
                ("Operation Sandstorm".to_owned(), Head::Other),
            ]
        );
        assert_eq!(
            orgs("the Collective Security Treaty Organization"),
            ["Collective Security Treaty Organization"]
        );
    }

    #[test]
    fn title_case_lines() {
        let s = "Acme Launches Regional Transit Task Force to Enhance Public Safety";
        assert!(is_title_case(s, 9));
        let s = "Participants include representatives from the Chicago Police Department, Metra and Pace.";
        assert!(!is_title_case(s, 6));
    }
}
