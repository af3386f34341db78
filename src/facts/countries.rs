//! Countries: UN Member States and observer States by name, short form or
//! possessive (`Kazakhstan’s` gives the span `Kazakhstan`), each with its
//! canonical name from [`crate::lexicon::countries`].

use crate::lexicon::countries;

use super::value::{CountryValue, FactValue};
use super::{FactKind, Found};

pub fn scan(s: &str) -> Vec<Found> {
    countries::find_all(s)
        .into_iter()
        .map(|m| {
            Found::new(
                FactKind::Country,
                m.span,
                FactValue::Country(CountryValue {
                    name: m.name.to_owned(),
                }),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_short_forms_and_possessives() {
        let s = "Kazakhstan’s forces, the United States’ envoy, Russia, Bosnia and Herzegovina, \
                 the United Kingdom of Great Britain and Northern Ireland, Côte d'Ivoire, \
                 Saint Vincent and the Grenadines, the Niger and Nigeria; Northern Ireland.";
        let names: Vec<(&str, String)> = scan(s)
            .into_iter()
            .map(|f| match f.value {
                FactValue::Country(c) => (&s[f.span], c.name),
                _ => unreachable!(),
            })
            .collect();
        let expected = [
            ("Kazakhstan", "Kazakhstan"),
            ("United States", "United States"),
            ("Russia", "Russian Federation"),
            ("Bosnia and Herzegovina", "Bosnia and Herzegovina"),
            (
                "United Kingdom of Great Britain and Northern Ireland",
                "United Kingdom",
            ),
            ("Côte d'Ivoire", "Côte d’Ivoire"),
            (
                "Saint Vincent and the Grenadines",
                "Saint Vincent and the Grenadines",
            ),
            ("Niger", "Niger"),
            ("Nigeria", "Nigeria"),
        ];
        let expected: Vec<(&str, String)> =
            expected.iter().map(|(a, b)| (*a, b.to_string())).collect();
        assert_eq!(names, expected);
    }
}
