//! Organisations: acronyms defined in the text (`Organization for Security
//! and Co-operation in Europe (OSCE)` gives `OSCE` that expansion in every
//! paragraph, before the definition too), the built-in list of the UN
//! system and regional bodies (by acronym or full name), and the names the
//! release itself teaches: by their form ([`super::org_forms`]) and by what
//! it says of them ([`super::companies`]). Everything is learnt in one
//! pass over the whole document ([`Acronyms::collect`]) and then found in
//! every paragraph. A word in capitals that none of these explains is not
//! an organisation.
//!
//! A definition is found the way Schwartz and Hearst describe (Pacific
//! Symposium on Biocomputing, 2003): the shortest run of words before the
//! brackets whose letters spell the acronym, its first letter starting a
//! word. A definition in lower case (`lesbian, gay, bisexual, transgender
//! and intersex (LGBTI+)`) names a term, not an organisation: that acronym
//! is then never listed.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::organizations::{by_acronym, Organization, ORGANIZATIONS};
use crate::lexicon::phrases::{FxBuild, PhraseMatcher};

use super::scan::{
    char_at, char_before, is_all_caps, is_apostrophe, is_capitalized, is_hyphen, is_space,
    is_word_char, next_word, prev_word, skip_spaces, skip_spaces_back, word_end, Text,
};
use super::value::{FactValue, OrganizationValue};
use super::{companies, org_forms};
use super::{FactKind, Found};

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

/// An organisation the release names that the built-in list does not
/// know: learnt from its form (`Consumer Justice Bureau`) or from what the
/// release says of it (`About Acme`). Short forms (`the Bureau`) are not
/// learnt; linking joins them to these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearntOrganization {
    /// The full name as first printed, spaces made single.
    pub name: String,
    /// The head noun that makes it an organisation (`Bureau`, `Inc.`),
    /// when its form says so.
    pub head: Option<String>,
    /// The acronym the text defined for it or for its last words
    /// (`California Department of Toxic Substances Control` → `DTSC`).
    pub acronym: Option<String>,
}

/// What a learnt name is.
#[derive(Debug, Clone, Copy)]
enum Learnt {
    /// An index into [`Acronyms::organizations`].
    Organization(usize),
    /// A name of another kind (a treaty, a product, an operation): nothing
    /// inside it is an organisation.
    Other,
}

/// What the text itself says about acronyms and names, collected over the
/// whole document before any paragraph is scanned.
#[derive(Debug, Default)]
pub struct Acronyms {
    /// Acronym → expansion, first definition first (the built-in name when
    /// the definition is only another spelling of it). Organisations only.
    expansions: HashMap<String, Cow<'static, str>, FxBuild>,
    /// Acronyms defined as terms, products or anything but an
    /// organisation: never listed.
    terms: HashSet<String, FxBuild>,
    /// Defined full names not in the built-in list → acronym.
    names: PhraseMatcher<String>,
    /// Organisations learnt from the release, in order of learning.
    organizations: Vec<LearntOrganization>,
    /// Their names, and the names of other kinds.
    learnt: PhraseMatcher<Learnt>,
}

impl Acronyms {
    /// Collects from the paragraphs' texts, in four steps: definitions and
    /// company signals, then names by form (not from Title Case lines),
    /// then lists that hold a known organisation. Company signals (`About
    /// X`, `(NASDAQ: X)`, `X announced`) are read only when
    /// `read_company_signals` says so: meeting coverage has none, and the pass reads every byte.
    pub fn collect(texts: &[Text], read_company_signals: bool) -> Self {
        let mut acronyms = Acronyms::default();
        let mut definitions_found = Vec::new();
        let mut signals = Vec::new();
        let mut signal_names: Vec<String> = Vec::new();
        // `Acme announced …` with `Acme’s …` elsewhere, or `PathAI
        // announced`: a company.
        let mut subjects = Vec::new();
        let mut candidates: Vec<String> = Vec::new();
        for text in texts {
            definitions_found.extend(definitions(text.s));
            if !read_company_signals {
                continue;
            }
            signals.clear();
            subjects.clear();
            companies::scan(text.s, &mut signals, &mut subjects);
            for span in &signals {
                signal_names.push(single_spaced(&text.s[span.clone()]));
            }
            for span in &subjects {
                let name = &text.s[span.clone()];
                if candidates.len() < 16 && !candidates.iter().any(|c| c == name) {
                    candidates.push(name.to_owned());
                }
            }
        }
        let mut possessive: HashSet<&str, FxBuild> = HashSet::default();
        if candidates.iter().any(|c| !companies::brand_like(c)) {
            for text in texts {
                for &i in &text.capitals {
                    let end = word_end(text.s, i);
                    let is_possessive = char_at(text.s, end).is_some_and(is_apostrophe)
                        && text.s[end..].chars().nth(1) == Some('s');
                    if is_possessive && candidates.iter().any(|c| *c == text.s[i..end]) {
                        possessive.insert(&text.s[i..end]);
                    }
                }
            }
        }
        for name in candidates {
            if companies::brand_like(&name) || possessive.contains(name.as_str()) {
                signal_names.push(name);
            }
        }
        let mut signal_matcher: PhraseMatcher<()> = PhraseMatcher::new();
        for name in &signal_names {
            signal_matcher.insert(name, ());
        }
        let is_signalled = |name: &str| {
            signal_matcher
                .match_at(name, 0)
                .is_some_and(|(end, _)| end == name.len())
        };
        // A name that stands apart when `and` joins it to another:
        // `United Nations and Security Council`, `Hiber & Acme Industries`.
        let is_name = |name: &str| {
            is_signalled(name)
                || crate::lexicon::organizations::by_name(name).is_some()
                || crate::lexicon::countries::canonical(name).is_some()
        };
        for definition in definitions_found {
            let organization = !definition.term
                && (crate::lexicon::organizations::by_acronym(&definition.acronym)
                    .is_some_and(|o| o.is_named(&definition.expansion))
                    || crate::lexicon::organizations::by_name(&definition.expansion).is_some()
                    || is_organization_name(&definition.expansion)
                    || is_signalled(&definition.expansion));
            acronyms.add(Definition {
                term: !organization,
                ..definition
            });
        }
        // Names by form.
        let mut forms = Vec::new();
        let mut others: Vec<String> = Vec::new();
        let mut formed: Vec<(String, String)> = Vec::new();
        // Each printed name once: a long release repeats its names.
        let mut printed: HashSet<&str, FxBuild> = HashSet::default();
        let title_case: Vec<bool> = texts
            .iter()
            .map(|t| org_forms::is_title_case(t.s, t.capitals.len()))
            .collect();
        let mut scanner = org_forms::Scanner::default();
        for (text, &title) in texts.iter().zip(&title_case) {
            if title {
                continue;
            }
            forms.clear();
            scanner.scan(text.s, &text.capitals, &is_name, &mut forms);
            for form in &forms {
                if !printed.insert(&text.s[form.span.clone()]) {
                    continue;
                }
                let name = single_spaced(&text.s[form.span.clone()]);
                match form.head {
                    org_forms::Head::Other => others.push(name),
                    org_forms::Head::Organization => {
                        formed.push((name, text.s[form.head_word.clone()].to_owned()))
                    }
                }
            }
        }
        for name in signal_names {
            acronyms.learn(name, None);
        }
        // Each name once, and the word tails of all of them, so that
        // spotting a short form costs one lookup.
        let mut seen: HashSet<String, FxBuild> = HashSet::default();
        formed.retain(|(name, _)| seen.insert(name.clone()));
        let mut tails: HashSet<&str, FxBuild> = HashSet::default();
        for (name, _) in &formed {
            for (k, _) in name.match_indices(' ') {
                tails.insert(&name[k + 1..]);
            }
        }
        let tails: HashSet<String, FxBuild> = tails.into_iter().map(str::to_owned).collect();
        for (name, head) in formed {
            // `the Treaty Organization` beside the `Collective Security
            // Treaty Organization`: a short form, left to linking.
            let short_form = is_tail_of_known(&name)
                || name
                    .match_indices('-')
                    .any(|(k, _)| is_tail_of_known(&name[k + 1..]))
                || crate::lexicon::countries::canonical(&name).is_some()
                || tails.contains(&name);
            // `Acme Bio, Inc.` where the release calls itself `Acme Bio`.
            let stem_learnt = company_stem(&name).is_some_and(&is_signalled);
            if !short_form
                && !stem_learnt
                && crate::lexicon::organizations::by_name(&name).is_none()
            {
                acronyms.learn(name, Some(head));
            }
        }
        for name in others {
            acronyms.learnt.insert(&name, Learnt::Other);
        }
        // Lists that hold a known organisation.
        let mut items = Vec::new();
        for (text, &title) in texts.iter().zip(&title_case) {
            if text.capitals.len() < 2 || title || !has_worded_join(text) {
                continue;
            }
            items.clear();
            acronyms.list_neighbours(text, &mut items);
            for name in items.drain(..) {
                acronyms.learn(name, None);
            }
        }
        acronyms
    }

    /// Adds a learnt organisation (once).
    fn learn(&mut self, name: String, head: Option<String>) {
        if let Some((end, _)) = self.learnt.match_at(&name, 0) {
            if end == name.len() {
                return;
            }
        }
        if name.len() < 2 {
            return;
        }
        // Its acronym, if the text defined one for its last words.
        let acronym = name
            .char_indices()
            .filter(|(k, c)| *k == 0 || (*c != ' ' && name[..*k].ends_with(' ')))
            .find_map(|(k, _)| {
                self.names
                    .match_at(&name, k)
                    .filter(|(end, _)| *end == name.len())
                    .map(|(_, a)| a)
            });
        self.learnt
            .insert(&name, Learnt::Organization(self.organizations.len()));
        self.organizations.push(LearntOrganization {
            name,
            head,
            acronym,
        });
    }

    /// The items of lists in `text` that stand beside a known or learnt
    /// organisation (`the CCSAO, the Riverside Police Department, Metra
    /// and Pace`) and are not one yet.
    fn list_neighbours(&self, text: &Text, out: &mut Vec<String>) {
        let s = text.s;
        // Items as (span, is an organisation, may be learnt), and whether
        // a separator of the chain holds `and`, `or` or `&`.
        let mut chain: Vec<(Range<usize>, bool, bool)> = Vec::new();
        let mut worded = false;
        let mut resume = 0;
        let flush =
            |chain: &mut Vec<(Range<usize>, bool, bool)>, worded: bool, out: &mut Vec<String>| {
                if worded && chain.iter().any(|(_, org, _)| *org) {
                    for (span, org, learnable) in chain.iter() {
                        let name = &s[span.clone()];
                        if !org && *learnable && companies::acceptable(name) {
                            out.push(single_spaced(name));
                        }
                    }
                }
                chain.clear();
            };
        for &i in &text.capitals {
            if i < resume || org_forms::is_stop_word(&s[i..word_end(s, i)]) {
                continue;
            }
            // Only a word next to a list separator (or to a connector
            // inside a longer name) is worth the look-ups.
            let joined_here = chain.last().is_some_and(|(last, _, _)| {
                companies::list_separator(s, last.end).is_some_and(|(next, _)| next == i)
            });
            if !joined_here {
                let plain_end = item_end(s, i);
                let after = skip_spaces(s, plain_end);
                let next = &s[after..word_end(s, after)];
                let may_list = companies::list_separator(s, plain_end).is_some()
                    || matches!(next, "of" | "for" | "on" | "and");
                if !may_list {
                    flush(&mut chain, worded, out);
                    worded = false;
                    resume = plain_end.max(i + 1);
                    continue;
                }
            }
            let other = self.learnt.match_at(s, i).and_then(|(end, l)| match l {
                Learnt::Other => Some(end),
                Learnt::Organization(_) => None,
            });
            let item = match (self.organization_at(s, i), other) {
                (Some(end), other) if other.is_none_or(|o| o <= end) => {
                    // An organisation's name that runs on into a longer
                    // name (`Acme Fairview Plant`) is not an item.
                    let runs_on =
                        next_word(s, end).is_some_and(|w| w.start > end && is_capitalized(&s[w]));
                    (end, !runs_on, false)
                }
                (_, Some(end)) => (end, false, false),
                (Some(_), None) | (None, None) => {
                    let end = item_end(s, i);
                    let last = s[i..end].rsplit(' ').next().unwrap_or_default();
                    let learnable =
                        org_forms::head(last, None).is_none() && !is_tail_of_known(&s[i..end]);
                    (end, false, learnable)
                }
            };
            let (end, org, learnable) = item;
            resume = end.max(i + 1);
            let joined = chain
                .last()
                .and_then(|(last, _, _)| companies::list_separator(s, last.end))
                .filter(|(next, _)| *next == i);
            match joined {
                Some((_, word)) => worded |= word,
                None => {
                    flush(&mut chain, worded, out);
                    worded = false;
                }
            }
            chain.push((i..end, org, learnable));
        }
        flush(&mut chain, worded, out);
    }

    /// The end of a known, defined or learnt organisation's name at `i`.
    fn organization_at(&self, s: &str, i: usize) -> Option<usize> {
        let known = crate::lexicon::organizations::matcher()
            .match_at(s, i)
            .and_then(|(end, k)| k.map(|_| end));
        let learnt = self.learnt.match_at(s, i).and_then(|(end, l)| match l {
            Learnt::Organization(_) => Some(end),
            Learnt::Other => None,
        });
        let defined = self.names.match_at(s, i).map(|(end, _)| end);
        let word = word_end(s, i);
        let acronym = (self.expansions.contains_key(&s[i..word])).then_some(word);
        [known, learnt, defined, acronym]
            .into_iter()
            .flatten()
            .max()
    }

    /// The organisations learnt from this release (not those of the
    /// built-in list), with their head nouns: for linking short forms.
    #[allow(dead_code)]
    pub fn organizations(&self) -> &[LearntOrganization] {
        &self.organizations
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

/// Whether some capitalised word of `text` follows `and`, `or` or `&`
/// (with `the` between, maybe): a list whose items might be learnt needs
/// such a join (see [`companies::list_separator`]), and most paragraphs
/// have none, so they are passed over without looking up every capital.
fn has_worded_join(text: &Text) -> bool {
    let b = text.s.as_bytes();
    let before_spaces = |mut k: usize| {
        // Any byte of a non-ASCII character counts as a space here: a
        // check that errs only towards looking.
        while k > 0 && matches!(b[k - 1], b' ' | b'\t'..=b'\r' | 0x80..=0xff) {
            k -= 1;
        }
        k
    };
    text.capitals.iter().any(|&i| {
        let mut k = before_spaces(i);
        if b[..k].ends_with(b"the") {
            k = before_spaces(k - 3);
        }
        b[..k].ends_with(b"and") || b[..k].ends_with(b"or") || b[..k].ends_with(b"&")
    })
}

/// A name with every run of spaces made one space.
fn single_spaced(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (k, word) in name
        .split(|c: char| is_space(c))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A company's name without its legal form (`Acme Bio` of `Acme Bio,
/// Inc.`), when it has one.
fn company_stem(name: &str) -> Option<&str> {
    let (stem, suffix) = name.rsplit_once(' ')?;
    companies::is_legal_form(suffix).then(|| stem.trim_end_matches(','))
}

/// The capitalised words starting at `i`, as a list item: their end.
fn item_end(s: &str, i: usize) -> usize {
    companies::name_forward(s, i).unwrap_or_else(|| word_end(s, i))
}

/// A defined full name is an organisation's by its form: its head is an
/// organisational noun (`Regional Fire Coordination Agency`), not a
/// product's or a treaty's (`Image Management System`).
fn is_organization_name(name: &str) -> bool {
    let capitals: Vec<usize> = name
        .char_indices()
        .filter(|(k, c)| c.is_uppercase() && !char_before(name, *k).is_some_and(is_word_char))
        .map(|(k, _)| k)
        .collect();
    let mut forms = Vec::new();
    org_forms::scan(name, &capitals, &|_| false, &mut forms);
    let by_form = forms
        .iter()
        .any(|f| f.head == org_forms::Head::Organization && name[f.span.end..].trim().is_empty());
    // A lone head word (`Agency`) or a known form of one.
    let lone = forms.is_empty()
        && org_forms::head(name.rsplit(' ').next().unwrap_or(name), None)
            == Some(org_forms::Head::Organization);
    by_form || lone || name.ends_with(" International") || name.ends_with(" Watch")
}

/// A name that ends a built-in organisation's name (`Treaty
/// Organization`, `Development Bank`): a short form, not a new name.
fn is_tail_of_known(name: &str) -> bool {
    static TAILS: OnceLock<HashSet<String, FxBuild>> = OnceLock::new();
    let tails = TAILS.get_or_init(|| {
        let mut tails = HashSet::default();
        for o in ORGANIZATIONS {
            for full in std::iter::once(o.name).chain(o.aliases.iter().copied()) {
                for (k, _) in full.match_indices(' ') {
                    tails.insert(full[k + 1..].to_owned());
                }
            }
        }
        tails
    });
    tails.contains(name)
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
        .find(|(k, c)| *c == initial.to_ascii_uppercase() && !window[..*k].ends_with(is_word_char))
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
        if !is_word_char(c) {
            continue;
        }
        loop {
            if l == 0 {
                return None;
            }
            l -= 1;
            let word_start = l == 0 || !is_word_char(long[l - 1].1);
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

/// A word in capitals the text defined as an organisation's acronym
/// (`LCBC` after `Lake Chad Basin Commission (LCBC)`). Other words in
/// capitals (`IVDR`, `UKCA`, `CHANNEL`) are not organisations.
pub fn defined_acronym(s: &str, i: usize, acronyms: &Acronyms) -> Option<Mention> {
    if acronyms.expansions.is_empty() {
        return None;
    }
    let b = s.as_bytes();
    let mut end = i;
    while end < b.len() && (b[end].is_ascii_uppercase() || b[end].is_ascii_digit()) && end - i <= 10
    {
        end += 1;
    }
    let letters = end - i;
    if !(2..=10).contains(&letters) {
        return None;
    }
    let mut token_end = end;
    // A plural: `NGOs`.
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
    let defined = acronyms.expansions.get(acronym)?.clone();
    Some(fact(i, end, Cow::Owned(acronym.to_owned()), Some(defined)))
}

/// A name learnt from the release at `i`, as (end, mention): an
/// organisation (under its defined acronym when it has one) or a name of
/// another kind, skipped whole.
pub fn learnt(s: &str, i: usize, acronyms: &Acronyms) -> Option<(usize, Mention)> {
    if acronyms.learnt.is_empty() {
        return None;
    }
    let (end, what) = acronyms.learnt.match_at(s, i)?;
    let mention = match what {
        Learnt::Other => Mention::Skip(end),
        Learnt::Organization(k) => {
            let org = &acronyms.organizations[k];
            match &org.acronym {
                Some(a) => full_name(
                    s,
                    i,
                    end,
                    Cow::Owned(a.clone()),
                    acronyms.expansion(a, None),
                ),
                None => fact(i, end, Cow::Owned(org.name.clone()), None),
            }
        }
    };
    Some((end, mention))
}

#[cfg(test)]
mod tests {
    use super::super::scan::Text;
    use super::*;

    fn orgs(text: &str) -> Vec<(String, String, Option<String>)> {
        let texts: Vec<Text> = text.split('\n').map(Text::new).collect();
        let acronyms = Acronyms::collect(&texts, true);
        text.split('\n')
            .flat_map(|p| {
                super::super::scan::collected(|out| {
                    super::super::names::scan(&Text::new(p), &acronyms, out)
                })
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
