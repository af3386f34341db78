//! One name for a delegation under the forms releases print it in:
//! `Russian Federation`, `the Russian Federation`, `Russia’s delegate`,
//! `Russia` are one delegation, and so are `European Union` and `EU`.

use crate::lexicon::{countries, organizations};

/// The name a delegation is listed under: a country's canonical name, an
/// organisation's full name, or else the affiliation as printed without a
/// leading "the", a possessive and a trailing "delegate"/"representative".
pub fn delegation_name(affiliation: &str) -> Option<String> {
    let trimmed = affiliation.trim();
    if trimmed.is_empty() {
        return None;
    }
    let bare = strip_delegate_words(trimmed);
    if let Some(country) = countries::canonical(bare) {
        return Some(country.to_owned());
    }
    let without_the = strip_the(strip_possessive(bare));
    if let Some(country) = countries::canonical(without_the) {
        return Some(country.to_owned());
    }
    if let Some(org) =
        organizations::by_name(without_the).or_else(|| organizations::by_acronym(without_the))
    {
        return Some(org.name.to_owned());
    }
    Some(without_the.to_owned())
}

fn strip_the(name: &str) -> &str {
    for the in ["the ", "The "] {
        if let Some(rest) = name.strip_prefix(the) {
            return rest.trim_start();
        }
    }
    name
}

fn strip_possessive(name: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(rest) = name.strip_suffix(suffix) {
            return rest.trim_end();
        }
    }
    name
}

/// `Malta’s delegate`, `the representative of Malta` → `Malta`.
fn strip_delegate_words(name: &str) -> &str {
    let mut name = name;
    for prefix in [
        "the representative of ",
        "The representative of ",
        "representative of ",
        "the delegate of ",
        "The delegate of ",
        "delegate of ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest;
        }
    }
    for suffix in [
        " delegate",
        " delegation",
        " representative",
        " speaker",
        " Ambassador",
    ] {
        if let Some(rest) = name.strip_suffix(suffix) {
            name = rest;
        }
    }
    strip_possessive(name.trim())
}

#[cfg(test)]
mod tests {
    use super::delegation_name;

    #[test]
    fn forms_of_one_delegation_are_one() {
        for form in [
            "Russian Federation",
            "the Russian Federation",
            "Russia’s delegate",
            "Russia",
            "Russia's",
            "The Russian Federation’s representative",
        ] {
            assert_eq!(
                delegation_name(form).as_deref(),
                Some("Russian Federation"),
                "{form}"
            );
        }
        assert_eq!(
            delegation_name("United States of America").as_deref(),
            Some("United States")
        );
        assert_eq!(
            delegation_name("EU").as_deref(),
            delegation_name("European Union").as_deref()
        );
        assert_eq!(
            delegation_name("the Group of Friends of X").as_deref(),
            Some("Group of Friends of X")
        );
        assert_eq!(delegation_name("  "), None);
    }
}
