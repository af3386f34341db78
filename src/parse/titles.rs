//! Splitting a printed title into a role and the organisation it belongs to:
//! `Secretary-General of the United Nations` is the role `Secretary-General`
//! of `United Nations`; `Senior Managing Director at Harrison Street` is
//! `Senior Managing Director` at `Harrison Street`.

use super::words::strip_article;

/// Returns `(role, affiliation)`. The split is at the first ` of ` or ` at `
/// that is followed by a proper name, except where the name is the
/// Secretary-General's (`Special Representative of the Secretary-General`
/// stays one role). Titles that name the Secretary-General belong to the
/// United Nations.
pub fn split_title(title: &str) -> (&str, Option<&str>) {
    let title = title.trim();
    let mut search = 0;
    while let Some(found) = find_connector(&title[search..]) {
        let (at, len) = (search + found.0, found.1);
        let rest = strip_article(&title[at + len..]);
        let proper = rest.chars().next().is_some_and(char::is_uppercase);
        if proper && !rest.starts_with("Secretary-General") {
            return (title[..at].trim(), Some(without_acronym(rest)));
        }
        search = at + len;
    }
    if title.contains("Secretary-General") {
        return (title, Some("United Nations"));
    }
    (title, None)
}

/// The next ` of ` or ` at ` in `s`: (offset, length).
fn find_connector(s: &str) -> Option<(usize, usize)> {
    let of = s.find(" of ").map(|at| (at, 4));
    let at = s.find(" at ").map(|at| (at, 4));
    match (of, at) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// `Lake Chad Basin Commission (LCBC)` → `Lake Chad Basin Commission`.
fn without_acronym(name: &str) -> &str {
    let name = name.trim().trim_end_matches(['.', ',']);
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
            ("Secretary-General of the Collective Security Treaty Organization", "Secretary-General", Some("Collective Security Treaty Organization")),
            ("Permanent Observer of the State of Palestine", "Permanent Observer", Some("State of Palestine")),
            ("Executive Secretary of the Lake Chad Basin Commission (LCBC)", "Executive Secretary", Some("Lake Chad Basin Commission")),
            ("Under-Secretary-General for Humanitarian Affairs", "Under-Secretary-General for Humanitarian Affairs", Some("United Nations")),
            (
                "Special Representative of the Secretary-General for Somalia and Head of the United Nations Assistance Mission in Somalia",
                "Special Representative of the Secretary-General for Somalia and Head",
                Some("United Nations Assistance Mission in Somalia"),
            ),
            ("Senior Managing Director at Harrison Street", "Senior Managing Director", Some("Harrison Street")),
            ("chief executive of Acme", "chief executive", Some("Acme")),
            ("Council President for February", "Council President for February", None),
            ("head of communications", "head of communications", None),
        ];
        for (title, role, affiliation) in cases {
            assert_eq!(split_title(title), (role, affiliation), "{title}");
        }
    }
}
