//! `Also delivering statements were representatives of the United Kingdom,
//! France, ... and Belarus.`: delegations that spoke without a reported turn.

use super::draft::Para;
use super::words::{strip_article, tidy};

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
];

pub fn find(paras: &[Para]) -> Vec<String> {
    let mut found = Vec::new();
    // Every opening holds "lso " ("Also", "also"): one search rules most
    // paragraphs out.
    for para in paras
        .iter()
        .filter(|p| p.is_text() && p.text.contains("lso "))
    {
        for opening in OPENINGS {
            let Some(at) = para.text.find(opening) else {
                continue;
            };
            let rest = &para.text[at + opening.len()..];
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
    found
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

fn clean(name: &str) -> String {
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
}
