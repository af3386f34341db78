//! Countries: UN Member States and observer States by name, short form or
//! possessive (`Kazakhstan’s` gives the span `Kazakhstan`), each with its
//! canonical name from [`crate::lexicon::countries`].

use super::value::{CountryValue, FactValue};
use super::{FactKind, Found};

/// The fact of a country name at `span`.
pub fn fact(span: std::ops::Range<usize>, name: &'static str) -> Found {
    Found::new(
        FactKind::Country,
        span,
        FactValue::Country(CountryValue {
            name: std::borrow::Cow::Borrowed(name),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::super::names;
    use super::super::organizations::Acronyms;
    use super::super::scan::Text;
    use super::*;

    #[test]
    fn names_short_forms_and_possessives() {
        let s = "Kazakhstan’s forces, the United States’ envoy, Russia, Bosnia and Herzegovina, \
                 the United Kingdom of Great Britain and Northern Ireland, Côte d'Ivoire, \
                 Saint Vincent and the Grenadines, the Niger and Nigeria; Northern Ireland.";
        let names: Vec<(&str, String)> = super::super::scan::collected(|out| {
            names::scan(&Text::new(s), &Acronyms::default(), out)
        })
        .into_iter()
        .filter_map(|f| match f.value {
            FactValue::Country(c) => Some((&s[f.span], c.name.into_owned())),
            _ => None,
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
