//! Names in one pass: at each capitalised word, the longest of a built-in
//! organisation or country name, a name the release taught (an
//! organisation by its form or its signals, or a name of another kind
//! that hides what it contains), or a name the text defined; else a word
//! in capitals the text defined as an acronym. One lookup per word serves
//! both kinds, and the longest name wins, so `United Nations Interim Force
//! in Lebanon` is an organisation, not a mention of Lebanon, and `United
//! Nations Convention on the Law of the Sea` holds neither.

use std::sync::OnceLock;

use crate::lexicon::phrases::PhraseMatcher;
use crate::lexicon::{countries as country_list, organizations as organization_list};

use super::organizations::{self, Acronyms, Mention};
use super::scan::Text;
use super::{countries, Found};

/// What a built-in name stands for; `None` marks the phrases that contain
/// a name without being a mention of it (`Northern Ireland`,
/// `United Nations Charter`).
#[derive(Debug, Clone, Copy)]
enum Name {
    Organization(Option<usize>),
    Country(Option<&'static str>),
}

fn matcher() -> &'static PhraseMatcher<Name> {
    static MATCHER: OnceLock<PhraseMatcher<Name>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut m = PhraseMatcher::new();
        for (k, o) in organization_list::ORGANIZATIONS.iter().enumerate() {
            let names = std::iter::once(o.name)
                .chain(o.acronym)
                .chain(o.aliases.iter().copied());
            for name in names {
                m.insert(name, Name::Organization(Some(k)));
            }
        }
        for phrase in organization_list::NOT_ORGANIZATIONS {
            m.insert(phrase, Name::Organization(None));
        }
        for c in &country_list::COUNTRIES {
            for name in std::iter::once(c.name).chain(c.aliases.iter().copied()) {
                m.insert(name, Name::Country(Some(c.name)));
            }
        }
        for place in country_list::NOT_COUNTRIES {
            m.insert(place, Name::Country(None));
        }
        m
    })
}

pub fn scan(text: &Text, acronyms: &Acronyms, out: &mut Vec<Found>) {
    let s = text.s;
    let mut resume = 0;
    for &i in &text.capitals {
        if i < resume {
            continue;
        }
        let known = matcher().match_at(s, i);
        let longest_known = known.map_or(0, |(end, _)| end);
        // A name the release taught (a company, a name by its form, a
        // treaty's name) wins only when longer than the built-in one.
        let learnt = organizations::learnt(s, i, acronyms).filter(|(end, _)| *end > longest_known);
        let longest = learnt.as_ref().map_or(longest_known, |(end, _)| *end);
        let mention = match organizations::defined_name(s, i, acronyms, longest) {
            Some(defined) => Some(defined),
            None => match (learnt, known) {
                (Some((_, mention)), _) => Some(mention),
                (None, Some((end, Name::Organization(Some(k))))) => {
                    Some(organizations::known(s, i, end, k, acronyms))
                }
                (None, Some((end, Name::Country(Some(name))))) => {
                    Some(Mention::Fact(countries::fact(i..end, name)))
                }
                (None, Some((end, _))) => Some(Mention::Skip(end)),
                // Two capitals at least: `The` is not worth a look.
                (None, None) if s.as_bytes().get(i + 1).is_some_and(u8::is_ascii_uppercase) => {
                    organizations::defined_acronym(s, i, acronyms)
                }
                (None, None) => None,
            },
        };
        match mention {
            Some(Mention::Fact(f)) => {
                resume = f.span.end;
                out.push(f);
            }
            Some(Mention::Skip(end)) => resume = end,
            None => {}
        }
    }
}
