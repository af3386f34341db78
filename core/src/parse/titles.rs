//! Splitting a printed title into a role and the organisation it belongs to:
//! `Secretary-General of the United Nations` is the role `Secretary-General`
//! of `United Nations`; `Senior Managing Director at Harrison Street` is
//! `Senior Managing Director` at `Harrison Street`.

use super::words::strip_article;
use crate::lexicon::countries;

/// Returns `(role, affiliation)`. The split is at the first ` of ` or ` at `
/// that is followed by a proper name, except where the name is the
/// Secretary-General's (`Special Representative of the Secretary-General`
/// stays one role). Titles that name the Secretary-General belong to the
/// United Nations. Four refinements:
/// - `Minister of Social Affairs of Estonia`: a title that ends with ` of `
///   a country is held for that country, whatever ` of ` it holds before;
/// - `Professor of Climate Risk at the University of Uppsala`: where a
///   title with an ` of ` of its own is held ` at ` a place, the place;
/// - `Special Representative of the Secretary-General for Haiti and Head
///   of the Integrated Office in Haiti`: two titles joined by `and`, the
///   first is the role and the second's organisation the affiliation;
/// - `Expert from Sweden`, `Member from Chile`: a committee member and the
///   country they come from.
pub fn split_title(title: &str) -> (&str, Option<&str>) {
    let title = title.trim();
    if let Some(at) = title.find(" at ") {
        let place = strip_article(&title[at + 4..]);
        if title[..at].contains(" of ") && is_proper(place) {
            return (title[..at].trim(), Some(without_acronym(place)));
        }
    }
    if let Some(from) = title.find(" from ") {
        let role = title[..from].trim();
        let country = strip_article(&title[from + 6..]);
        let member = ["Expert", "Member", "expert", "member"]
            .iter()
            .any(|m| role.ends_with(m));
        if member && is_proper(country) {
            return (role, Some(without_acronym(country)));
        }
    }
    // `Minister of Social Affairs of Estonia`, `Minister for Foreign Affairs
    // of Norway`: a title that runs to the country it serves.
    // The first ` of ` that a whole country name follows (`the State of
    // Palestine` is one name).
    for (at, _) in title.match_indices(" of ") {
        let country = strip_article(&title[at + 4..]);
        if countries::canonical_printed(country).is_some() {
            let role = title[..at].trim();
            if role.contains(" of ") || role.contains(" for ") {
                return (role, Some(country));
            }
            break;
        }
    }
    let mut search = 0;
    while let Some(found) = find_connector(&title[search..]) {
        let (at, len) = (search + found.0, found.1);
        let rest = strip_article(&title[at + len..]);
        if is_proper(rest) && !rest.starts_with("Secretary-General") {
            return (
                first_of_two_titles(title[..at].trim()),
                Some(without_acronym(rest)),
            );
        }
        search = at + len;
    }
    if title.contains("Secretary-General") {
        return (title, Some("United Nations"));
    }
    (title, None)
}

fn is_proper(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// `Special Representative of the Secretary-General for Haiti and Head`:
/// the first of two titles joined by `and`, when it is a whole title with
/// its own ` of ` or ` for ` (`co-founder and CEO` stays one role).
fn first_of_two_titles(role: &str) -> &str {
    match role.rsplit_once(" and ") {
        Some((first, second))
            if (first.contains(" of ") || first.contains(" for "))
                && second.split_whitespace().count() <= 3
                && second
                    .split_whitespace()
                    .last()
                    .is_some_and(|head| TITLE_HEADS.contains(&head)) =>
        {
            first.trim()
        }
        _ => role,
    }
}

/// Words that end a title of their own (`Head`, `Resident Coordinator`).
const TITLE_HEADS: &[&str] = &[
    "Head",
    "Chief",
    "Director",
    "Coordinator",
    "Chair",
    "Chairperson",
    "President",
    "Representative",
    "Envoy",
    "Commissioner",
    "Officer",
    "Secretary",
    "Administrator",
    "Adviser",
    "Advisor",
    "Minister",
];

/// The next ` of ` or ` at ` in `s`: (offset, length).
fn find_connector(s: &str) -> Option<(usize, usize)> {
    let of = s.find(" of ").map(|at| (at, 4));
    let at = s.find(" at ").map(|at| (at, 4));
    match (of, at) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// `Lake Chad Basin Commission (LCBC)` → `Lake Chad Basin Commission`;
/// `Nepal to the United Nations` → `Nepal`.
fn without_acronym(name: &str) -> &str {
    let name = name.trim().trim_end_matches(['.', ',']);
    // `Permanent Representative of Nepal to the United Nations`: the
    // country, not its mission.
    let name = [" to the United Nations", " to the UN"]
        .iter()
        .find_map(|mission| name.find(mission).map(|at| &name[..at]))
        .unwrap_or(name);
    match name.rfind(" (") {
        Some(open) if name.ends_with(')') => {
            let inside = &name[open + 2..name.len() - 1];
            let acronym = !inside.is_empty()
                && inside
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
            if acronym {
                name[..open].trim_end()
            } else {
                name
            }
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::split_title;

    #[test]
    fn splits() {
        let cases = [
            ("Secretary-General of the United Nations", "Secretary-General", Some("United Nations")),
            ("Secretary-General of the Andean Water Compact", "Secretary-General", Some("Andean Water Compact")),
            ("Permanent Observer of the State of Palestine", "Permanent Observer", Some("State of Palestine")),
            ("Minister of Social Affairs of Estonia", "Minister of Social Affairs", Some("Estonia")),
            ("Deputy Minister of Justice of the Republic of Moldova", "Deputy Minister of Justice", Some("Republic of Moldova")),
            ("Permanent Representative of Norway", "Permanent Representative", Some("Norway")),
            ("Executive Secretary of the Lake Chad Basin Commission (LCBC)", "Executive Secretary", Some("Lake Chad Basin Commission")),
            ("Under-Secretary-General for Humanitarian Affairs", "Under-Secretary-General for Humanitarian Affairs", Some("United Nations")),
            (
                "Special Representative of the Secretary-General for Somalia and Head of the United Nations Assistance Mission in Somalia",
                "Special Representative of the Secretary-General for Somalia",
                Some("United Nations Assistance Mission in Somalia"),
            ),
            ("Senior Managing Director at Harrison Street", "Senior Managing Director", Some("Harrison Street")),
            ("Professor of Climate Risk at the University of Uppsala", "Professor of Climate Risk", Some("University of Uppsala")),
            ("co-founder and CEO of PathAI", "co-founder and CEO", Some("PathAI")),
            ("Minister for Gender Equality and Child Welfare of Namibia", "Minister for Gender Equality and Child Welfare", Some("Namibia")),
            ("Expert from Slovenia", "Expert", Some("Slovenia")),
            ("Permanent Representative of Nepal to the United Nations", "Permanent Representative", Some("Nepal")),
            ("the Committee Expert from Sweden", "the Committee Expert", Some("Sweden")),
            ("volunteer from Oakland", "volunteer from Oakland", None),
            ("chief executive of Acme", "chief executive", Some("Acme")),
            ("Council President for February", "Council President for February", None),
            ("head of communications", "head of communications", None),
        ];
        for (title, role, affiliation) in cases {
            assert_eq!(split_title(title), (role, affiliation), "{title}");
        }
    }
}
