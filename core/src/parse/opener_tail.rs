//! What follows the name in a turn's opener, up to the verb: `, Council
//! President for February, speaking in his national capacity, said`, `,
//! speaking on behalf of the Group of 77 and China, said`, `, of the
//! European Union, said`, `, founder of Fanm Vanyan, a network of women’s
//! groups, said`, `, Head of the Fund, who said`; and how the clauses
//! become the speaker's role, affiliation and group.

use super::titles::split_title;
use super::words::strip_article;

#[derive(Debug, Default)]
pub struct Clauses<'a> {
    /// Titles, in order: `Council President for February`.
    pub roles: Vec<&'a str>,
    pub on_behalf_of: Option<&'a str>,
    pub national_capacity: bool,
    /// `, of the European Union,`: the organisation without a title.
    pub of: Option<&'a str>,
    /// The sentence's verb follows the clauses (`said`, `who said`), as
    /// opposed to a participle clause that starts the sentence proper.
    pub verb: bool,
}

/// Lower-case words that open a title printed after a name (`founder of
/// …`, `co-founder and chief executive of …`), which an opener must not
/// take for the start of the sentence.
const LOWER_TITLES: &[&str] = &[
    "founder",
    "co-founder",
    "chief",
    "director",
    "head",
    "president",
    "chair",
    "chairperson",
    "member",
    "coordinator",
    "executive",
    "professor",
    "senior",
    "deputy",
    "representative",
    "spokesperson",
    "secretary",
    "expert",
];

/// Reporting verbs: what makes a sentence a turn rather than a mention.
pub const REPORTING_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "addressed",
    "advocated",
    "affirmed",
    "agreed",
    "announced",
    "appealed",
    "applauded",
    "argued",
    "asked",
    "asserted",
    "assured",
    "believed",
    "briefed",
    "brought",
    "called",
    "cautioned",
    "cited",
    "claimed",
    "commended",
    "concluded",
    "concurred",
    "condemned",
    "confirmed",
    "considered",
    "contended",
    "continued",
    "countered",
    "criticised",
    "criticized",
    "declared",
    "decried",
    "deemed",
    "delivered",
    "denounced",
    "deplored",
    "described",
    "detailed",
    "disagreed",
    "doubted",
    "drew",
    "echoed",
    "emphasised",
    "emphasized",
    "encouraged",
    "explained",
    "expressed",
    "feared",
    "focused",
    "gave",
    "hailed",
    "highlighted",
    "hoped",
    "illustrated",
    "indicated",
    "informed",
    "insisted",
    "introduced",
    "joined",
    "lamented",
    "lauded",
    "listed",
    "made",
    "maintained",
    "mentioned",
    "named",
    "noted",
    "objected",
    "observed",
    "offered",
    "opened",
    "outlined",
    "pledged",
    "pointed",
    "praised",
    "presented",
    "pressed",
    "proposed",
    "put",
    "questioned",
    "raised",
    "reaffirmed",
    "recalled",
    "recognized",
    "recommended",
    "regretted",
    "reiterated",
    "rejected",
    "remarked",
    "reminded",
    "renewed",
    "replied",
    "reported",
    "requested",
    "responded",
    "reviewed",
    "said",
    "saw",
    "shared",
    "signaled",
    "signalled",
    "sought",
    "spoke",
    "spotlighted",
    "stated",
    "stood",
    "stressed",
    "suggested",
    "summarized",
    "supported",
    "thanked",
    "told",
    "took",
    "touched",
    "turned",
    "underlined",
    "underscored",
    "urged",
    "voiced",
    "warned",
    "welcomed",
    "went",
    "wondered",
];

pub fn is_reporting_verb(word: &str) -> bool {
    // Every verb is in lower-case ASCII letters: most words go no further.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let word = word.trim_end_matches([',', ':', ';', '.']);
    REPORTING_VERBS.binary_search(&word).is_ok()
}

/// Reads the clauses after a name or delegation, up to the verb. Fails
/// when what follows cannot continue an opener (nothing follows, or a
/// sentence starts in capitals).
pub fn read_clauses(mut rest: &str) -> Option<Clauses<'_>> {
    let mut clauses = Clauses::default();
    let mut first = true;
    let mut aside = false;
    for _ in 0..6 {
        rest = rest.trim_start_matches(' ');
        let Some(after_comma) = rest.strip_prefix(',') else {
            // A verb in lower case starts the sentence proper.
            let next = first_word(rest);
            clauses.verb = is_reporting_verb(next);
            let lower = next.chars().next().is_some_and(char::is_lowercase);
            return (lower || (!first && next.is_empty())).then_some(clauses);
        };
        let clause_text = after_comma.trim_start_matches(' ');
        let word = first_word(clause_text);
        if word == "who" {
            let verb = first_word(clause_text[3..].trim_start_matches(' '));
            clauses.verb = is_reporting_verb(verb);
            return clauses.verb.then_some(clauses);
        }
        if is_reporting_verb(word) {
            // `…, said that …`: the verb after the last clause's comma.
            clauses.verb = true;
            return Some(clauses);
        }
        let mut end = clause_end(clause_text);
        let clause = clause_text[..end].trim();
        let more = end < clause_text.len();
        if let Some(group) = group_spoken_for(clause) {
            // `also speaking for Argentina, Brazil and Chile`: the list goes
            // on past the clause's comma.
            let list_end = end + list_continuation(&clause_text[end..], Items::Names);
            // `group` is a part of `clause_text`.
            let group_start = group.as_ptr() as usize - clause_text.as_ptr() as usize;
            clauses.on_behalf_of = Some(clause_text[group_start..list_end].trim());
            end = list_end;
        } else if let Some(organisation) = clause.strip_prefix("of ") {
            // `ELENA MOROZ, of the European Union, said`
            clauses.of = Some(strip_article(organisation));
        } else if word == "speaking" && clause.contains("national capacity") {
            clauses.national_capacity = true;
        } else if more && !aside && is_title_clause(clause, first) {
            // `Assistant Secretary-General for Programme Planning, Finance
            // and Budget`: a title with a list inside.
            let list_end = end + list_continuation(&clause_text[end..], Items::Words);
            clauses
                .roles
                .push(strip_article(clause_text[..list_end].trim()));
            end = list_end;
        } else if more && word.chars().next().is_some_and(char::is_lowercase) {
            // An aside (`responding`, `a network of …`, `penholder on the
            // text`) or a participle clause (`expressing support …`): the
            // verb may still follow; no title comes after it.
            aside = true;
        } else {
            return Some(clauses);
        }
        first = false;
        rest = &clause_text[end..];
    }
    Some(clauses)
}

/// How far the list a group clause starts goes on after it: `, Brazil and
/// Chile` in `speaking for Argentina, Brazil and Chile, said`. The list goes
/// on through clauses of a few capitalised words up to one that joins the
/// last item with `and`; without that last item nothing is taken, so a
/// title after a group (`, Council President for May,`) stays a title.
fn list_continuation(rest: &str, items: Items) -> usize {
    let mut at = 0;
    for _ in 0..30 {
        let Some(after) = rest[at..].strip_prefix(',') else {
            return 0;
        };
        let item_start = at + 1 + (after.len() - after.trim_start_matches(' ').len());
        let item_len = clause_end(&rest[item_start..]);
        let item = rest[item_start..item_start + item_len].trim_end();
        let last = item.starts_with("and ") || item.contains(" and ");
        let item = item.strip_prefix("and ").unwrap_or(item);
        if !is_list_item(item, items) {
            return 0;
        }
        at = item_start + item_len;
        if last {
            return at;
        }
    }
    0
}

/// What a list holds.
#[derive(Clone, Copy, PartialEq)]
enum Items {
    /// States and groups (`the Bolivarian Republic of Venezuela`).
    Names,
    /// The words of a title (`Finance and Budget`); an item with `of` is
    /// an organisation after the title (`Department of Economic and Social
    /// Affairs`), not part of it.
    Words,
}

/// `Brazil`, `the Niger`, `Bosnia and Herzegovina`, `Trinidad and Tobago`:
/// a few words, each capitalised or a joining word. A name in capitals
/// (`JOHN SMITH`) is another speaker, not an item.
fn is_list_item(item: &str, items: Items) -> bool {
    if items == Items::Words && item.contains(" of ") {
        return false;
    }
    let words: Vec<&str> = item.split(' ').filter(|w| !w.is_empty()).collect();
    let in_capitals = words
        .iter()
        .filter(|w| w.len() > 1 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
        .count();
    (1..=6).contains(&words.len())
        && in_capitals < 2
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "and" | "the" | "of")
                || w.starts_with('(')
        })
}

/// The first word of `s`, up to a space (the passes read a view whose
/// spaces are single plain ones).
pub fn first_word(s: &str) -> &str {
    s.find(' ').map_or(s, |at| &s[..at])
}

/// `Council President for February`, `Minister for Social Affairs`, `the
/// Committee Expert from Sweden`, `founder of Fanm Vanyan`.
fn is_title_clause(clause: &str, first: bool) -> bool {
    let bare = strip_article(clause);
    let word = first_word(bare);
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    first && LOWER_TITLES.contains(&word)
}

/// `speaking on behalf of the Group of 77 and China`, `speaking for the
/// Nordic countries`, `also speaking for Greece and Slovenia`, `on behalf
/// of the member States of the African Union`.
pub fn group_spoken_for(clause: &str) -> Option<&str> {
    // Every lead starts with `s`, `a`, `o`, `S` or `O`.
    if !clause.starts_with(['s', 'a', 'o', 'S', 'O']) {
        return None;
    }
    const LEADS: &[&str] = &[
        "speaking on behalf of ",
        "also speaking on behalf of ",
        "speaking also on behalf of ",
        "also speaking for ",
        "speaking for ",
        "on behalf of ",
        "Speaking on behalf of ",
        "Speaking for ",
        "On behalf of ",
    ];
    LEADS
        .iter()
        .find_map(|lead| clause.strip_prefix(lead))
        .map(strip_article)
}

/// How far a clause is looked for: no title, aside or introductory clause
/// runs longer, and a bound keeps reading every sentence of a huge
/// paragraph linear.
const LONGEST_CLAUSE: usize = 600;

/// Where a comma-separated clause ends: the next comma outside brackets
/// and quotation marks within [`LONGEST_CLAUSE`] bytes, or the end of the
/// text when there is none.
pub fn clause_end(s: &str) -> usize {
    // Byte by byte: the marks are ASCII, or `“` `”` (E2 80 9C, E2 80 9D),
    // and no byte of another character can be taken for one.
    let bytes = s.as_bytes();
    let mut depth = 0i32;
    let mut quoted = false;
    for (at, &byte) in bytes.iter().enumerate().take(LONGEST_CLAUSE) {
        match byte {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b',' if depth <= 0 && !quoted => return at,
            0xE2 if bytes.get(at + 1) == Some(&0x80) => match bytes.get(at + 2) {
                Some(0x9C) => quoted = true,
                Some(0x9D) => quoted = false,
                _ => {}
            },
            _ => {}
        }
    }
    s.len()
}

/// The role and affiliation an opener gives: a delegation in brackets
/// with any title as the role; else the title split into role and
/// organisation (`Secretary-General of the United Nations`), or an
/// organisation alone (`of the European Union`). A second title clause
/// that names no role is the organisation (`Director, Office of X`).
pub fn role_and_affiliation(
    delegation: Option<&str>,
    clauses: &Clauses,
    title_before: Option<&str>,
) -> (Option<String>, Option<String>) {
    let delegation = delegation.or(clauses.of);
    let mut titles: Vec<&str> = title_before.into_iter().collect();
    match delegation {
        Some(delegation) => {
            titles.extend(clauses.roles.iter().copied());
            let role = (!titles.is_empty()).then(|| titles.join(", "));
            (role, Some(strip_article(delegation).to_owned()))
        }
        None => {
            let Some(first) = clauses.roles.first().or(titles.first()) else {
                return (None, None);
            };
            let (role, affiliation) = split_title(first);
            let affiliation = affiliation.map(str::to_owned).or_else(|| {
                clauses
                    .roles
                    .get(1)
                    .filter(|second| split_title(second).1.is_none())
                    .map(|second| strip_article(second).to_owned())
            });
            let role = match title_before {
                Some(before) if clauses.roles.is_empty() => split_title(before).0,
                _ => role,
            };
            (Some(role.to_owned()), affiliation)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_sorted() {
        let mut sorted = REPORTING_VERBS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, REPORTING_VERBS);
    }

    #[test]
    fn clauses_up_to_the_verb() {
        let c =
            read_clauses(", Council President for June, speaking in her national capacity, said")
                .unwrap();
        assert_eq!(c.roles, ["Council President for June"]);
        assert!(c.national_capacity && c.verb);
        let c =
            read_clauses(", founder of Fanm Vanyan, a network of women’s groups, said").unwrap();
        assert_eq!(c.roles, ["founder of Fanm Vanyan"]);
        assert!(c.verb);
        let c = read_clauses(
            ", Assistant Secretary-General for Programme Planning, Finance and Budget, said",
        )
        .unwrap();
        assert_eq!(
            c.roles,
            ["Assistant Secretary-General for Programme Planning, Finance and Budget"]
        );
        let c = read_clauses(", Chair of the Board, and LENA BERG SUND, Treasurer, said").unwrap();
        assert_eq!(c.roles.first(), Some(&"Chair of the Board"));
        let c = read_clauses(", Head of the Fund, who said that").unwrap();
        assert_eq!(c.roles, ["Head of the Fund"]);
        let c = read_clauses(", also speaking for Greece and Slovenia, said").unwrap();
        assert_eq!(c.on_behalf_of, Some("Greece and Slovenia"));
        let c = read_clauses(", also speaking for Argentina, Brazil and the Niger, said").unwrap();
        assert_eq!(c.on_behalf_of, Some("Argentina, Brazil and the Niger"));
        assert!(c.roles.is_empty() && c.verb);
        let c = read_clauses(", speaking for Fiji, Samoa, and Tonga, said").unwrap();
        assert_eq!(c.on_behalf_of, Some("Fiji, Samoa, and Tonga"));
        let c =
            read_clauses(", speaking for the Nordic countries, Council President for May, said")
                .unwrap();
        assert_eq!(c.on_behalf_of, Some("Nordic countries"));
        assert_eq!(c.roles, ["Council President for May"]);
        let c = read_clauses(", responding, said").unwrap();
        assert!(c.verb && c.roles.is_empty());
        let c = read_clauses(" expressed deep concern").unwrap();
        assert!(c.verb);
        let c = read_clauses(", expressing support for the draft, said it").unwrap();
        assert!(c.verb);
        let c = read_clauses(", expressing support for the draft").unwrap();
        assert!(!c.verb);
        assert!(read_clauses(". The Council").is_none());
        assert!(read_clauses("").is_none());
    }

    #[test]
    fn clauses_end_at_commas_outside_brackets_and_quotations() {
        assert_eq!(clause_end("Head of X, said"), 9);
        assert_eq!(clause_end("Chair (Argentina, Chile), said"), 24);
        assert_eq!(
            clause_end("Introducing “Peace, now”, the"),
            "Introducing “Peace, now”".len()
        );
        assert_eq!(clause_end("no comma"), 8);
        let long = format!("{}, then", "word ".repeat(200));
        assert_eq!(clause_end(&long), long.len());
    }

    #[test]
    fn roles_and_affiliations() {
        let c = read_clauses(", Secretary-General of the United Nations, said").unwrap();
        assert_eq!(
            role_and_affiliation(None, &c, None),
            (
                Some("Secretary-General".into()),
                Some("United Nations".into())
            )
        );
        let c = read_clauses(
            ", Director of the Financing Office, Department of Economic Affairs, said",
        )
        .unwrap();
        assert_eq!(
            role_and_affiliation(None, &c, None),
            (Some("Director".into()), Some("Financing Office".into()))
        );
        let c = read_clauses(", Director, Financing Office, said").unwrap();
        assert_eq!(
            role_and_affiliation(None, &c, None),
            (Some("Director".into()), Some("Financing Office".into()))
        );
        let c = read_clauses(", President of the General Assembly, said").unwrap();
        assert_eq!(
            role_and_affiliation(Some("Mongolia"), &c, None),
            (
                Some("President of the General Assembly".into()),
                Some("Mongolia".into())
            )
        );
        let c = read_clauses(", speaking in his national capacity, said").unwrap();
        assert_eq!(
            role_and_affiliation(Some("Qatar"), &c, Some("Council President")),
            (Some("Council President".into()), Some("Qatar".into()))
        );
    }
}
