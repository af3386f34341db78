//! Delegations and organisations that spoke without a reported turn: `Also
//! delivering statements were representatives of the United Kingdom,
//! France, ... and Belarus.`, the Geneva style's `Speaking were Sierra
//! Leone on behalf of the African Group, Brazil and China.`, `The United
//! Nations Children's Fund also took the floor.`, `The following civil
//! society organizations also took the floor: A, B and C.`, and the plural
//! `the representatives of Kenya, Peru and Chile asked …`.

use super::draft::Para;
use super::words::{strip_article, tidy};
use crate::lexicon::countries;

/// Names that hold an "and" of their own, so that a list is not split
/// inside them.
const NAMES_WITH_AND: &[&str] = &[
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "São Tomé and Príncipe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Group of 77 and China",
    "Heard Island and McDonald Islands",
    "Wallis and Futuna",
    "Turks and Caicos Islands",
];

const OPENINGS: &[&str] = &[
    "Also delivering statements were",
    "Also speaking were",
    "Also speaking today were",
    "Also speaking in the debate were",
    "Also making statements were",
    "Also taking the floor were",
    "Also participating were",
    "Also delivering remarks were",
    "Also addressing the Council were",
    "Also addressing the meeting were",
    "Speaking also were",
    "Speaking were",
    "Also taking part were",
    "Taking the floor were",
    "Speaking in the interactive dialogue were",
    "Speaking in the general debate were",
    "Speaking in the debate were",
    "Statements were made by",
    "Statements were also made by",
    "Delivering statements were",
];

pub fn find(paras: &[Para]) -> Vec<String> {
    let mut found = Vec::new();
    // Lists of those who spoke without a turn are nobody's turn: in a turn,
    // `the representatives of …` are whom the speaker addressed.
    for para in paras.iter().filter(|p| p.is_text() && p.speaker.is_none()) {
        let text = para.text;
        // Such lists end a paragraph (`… also took the floor.`) or follow
        // `The following … took the floor:`; several representatives open
        // theirs.
        if text.ends_with("the floor.") || text.starts_with("The following") {
            took_the_floor(text, &mut found);
        }
        if head(text, 200).contains("representatives of ") {
            plural_representatives(text, &mut found);
        }
        // Every opening ends in ` were` (`… were made by`): find those,
        // then the opening they end.
        let mut ends = Vec::new();
        for (at, were) in text.match_indices(" were") {
            let mut end = at + were.len();
            for made in [" made by", " also made by"] {
                if text[end..].starts_with(made) {
                    end += made.len();
                }
            }
            if OPENINGS
                .iter()
                .any(|opening| text[..end].ends_with(opening))
            {
                ends.push(end);
            }
        }
        for end in ends {
            let rest = &text[end..];
            let end = rest.find(". ").unwrap_or(rest.len());
            let list = rest[..end].trim().trim_end_matches('.');
            let list = [
                "the representatives of ",
                "representatives of ",
                "the representative of ",
                "representative of ",
            ]
            .iter()
            .find_map(|lead| list.strip_prefix(lead))
            .unwrap_or(list);
            found.extend(split_list(list));
        }
    }
    // A name listed twice (in two sentences) is listed once.
    let mut seen = std::collections::HashSet::new();
    found.retain(|name| seen.insert(name.clone()));
    found
}

/// The first `bytes` bytes of `text` or so, on a character boundary.
fn head(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `The United Nations Children's Fund also took the floor.`, `The
/// following civil society organizations also took the floor: A, B and C.`
fn took_the_floor(text: &str, found: &mut Vec<String>) {
    const TOOK: &str = " took the floor";
    for sentence in text.split(". ") {
        let Some(at) = sentence.find(TOOK) else {
            continue;
        };
        let after = sentence[at + TOOK.len()..].trim_start();
        let at = if sentence[..at].ends_with(" also") {
            at - " also".len()
        } else {
            at
        };
        if let Some(list) = after.strip_prefix(':') {
            found.extend(split_list(list.trim().trim_end_matches('.')));
        } else if after.trim_end_matches('.').is_empty() {
            let who = sentence[..at].trim();
            if who.chars().next().is_some_and(char::is_uppercase) && who.len() <= 120 {
                found.push(clean(who));
            }
        }
    }
}

/// `the representatives of Kenya, Peru and Chile asked …`: several
/// delegations in one sentence, each a State.
fn plural_representatives(text: &str, found: &mut Vec<String>) {
    const LEAD: &str = "representatives of ";
    let mut from = 0;
    while let Some(at) = text[from..].find(LEAD) {
        let start = from + at + LEAD.len();
        from = start;
        // Not the openings' own lists (`Also speaking were representatives of`).
        let before = text[..start - LEAD.len()].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        if OPENINGS.iter().any(|o| before.ends_with(o)) || before.ends_with(" were") {
            continue;
        }
        // The list runs to the first word in lower case other than `and`/`the`.
        let mut end = start;
        for word in text[start..].split_inclusive(' ') {
            let bare = word.trim();
            let lower = bare.chars().next().is_some_and(char::is_lowercase);
            if lower && !matches!(bare, "and" | "the" | "of") {
                break;
            }
            end += word.len();
            if bare.ends_with('.') {
                break;
            }
        }
        let names = split_list(text[start..end].trim().trim_end_matches([',', '.']));
        if names.len() >= 2 && names.iter().all(|n| countries::canonical(n).is_some()) {
            found.extend(names);
        }
    }
}

/// Splits `A, B, C and D` into names, keeping names that contain "and".
fn split_list(list: &str) -> Vec<String> {
    let mut names = Vec::new();
    let parts: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let part = part.strip_prefix("and ").unwrap_or(part);
        if i + 1 == parts.len() || part.contains(" and ") {
            names.extend(split_and(part));
        } else {
            names.push(clean(part));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// `Kyrgyzstan and Belarus` → two names; `Trinidad and Tobago` → one.
fn split_and(part: &str) -> Vec<String> {
    if is_known_and_name(part) {
        return vec![clean(part)];
    }
    let mut at = 0;
    while let Some(found) = part[at..].find(" and ") {
        let split = at + found;
        let (left, right) = (&part[..split], &part[split + 5..]);
        let left_ok = is_known_and_name(left) || !left.contains(" and ");
        let right_ok = is_known_and_name(right) || !right.contains(" and ");
        if left_ok && right_ok {
            return vec![clean(left), clean(right)];
        }
        at = split + 5;
    }
    vec![clean(part)]
}

fn is_known_and_name(name: &str) -> bool {
    let name = strip_article(name.trim());
    NAMES_WITH_AND
        .iter()
        .any(|known| known.eq_ignore_ascii_case(name))
}

/// A name as listed, without `the` and without the group it spoke for
/// (`Sierra Leone on behalf of the African Group`).
fn clean(name: &str) -> String {
    let name = name.trim();
    let name = name
        .find(" on behalf of ")
        .or_else(|| name.find(" speaking for "))
        .map_or(name, |at| &name[..at]);
    tidy(strip_article(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lists_but_not_names() {
        assert_eq!(
            split_list("the United Kingdom, France, Trinidad and Tobago, Kyrgyzstan and Belarus"),
            vec![
                "United Kingdom",
                "France",
                "Trinidad and Tobago",
                "Kyrgyzstan",
                "Belarus"
            ]
        );
        assert_eq!(
            split_list("Serbia and Bosnia and Herzegovina"),
            vec!["Serbia", "Bosnia and Herzegovina"]
        );
        assert_eq!(split_list("Norway"), vec!["Norway"]);
    }

    #[test]
    fn finds_the_sentence() {
        let text =
            "Also delivering statements were representatives of Ecuador, Malta and the Niger.";
        let paras = [Para::new(text, 0..text.len())];
        assert_eq!(find(&paras), vec!["Ecuador", "Malta", "Niger"]);
    }

    #[test]
    fn geneva_lists_and_organisations_that_took_the_floor() {
        let text = "Speaking were Chad on behalf of the African Group, Fiji, Peru and Bosnia and Herzegovina.";
        let paras = [Para::new(text, 0..text.len())];
        assert_eq!(
            find(&paras),
            vec!["Chad", "Fiji", "Peru", "Bosnia and Herzegovina"]
        );
        let text = "The World Food Programme also took the floor.";
        let paras = [Para::new(text, 0..text.len())];
        assert_eq!(find(&paras), vec!["World Food Programme"]);
        let text = "The following civil society organizations also took the floor: Open Doors, Child Aid and River Watch.";
        let paras = [Para::new(text, 0..text.len())];
        assert_eq!(find(&paras), vec!["Open Doors", "Child Aid", "River Watch"]);
        let text = "The following non-governmental organizations took the floor: Sea Shepherds and Open Doors.";
        let paras = [Para::new(text, 0..text.len())];
        assert_eq!(find(&paras), vec!["Sea Shepherds", "Open Doors"]);
    }

    #[test]
    fn several_representatives_in_one_sentence() {
        let text =
            "In the dialogue, the representatives of Kenya, Peru and Chile asked about funding.";
        let paras = [Para::new(text, 0..text.len())];
        assert_eq!(find(&paras), vec!["Kenya", "Peru", "Chile"]);
        let text = "He thanked the representatives of civil society and the donors.";
        let paras = [Para::new(text, 0..text.len())];
        assert!(find(&paras).is_empty());
    }
}
