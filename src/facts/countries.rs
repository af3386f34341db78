//! Countries: UN Member States and observer States by name, short form or
//! possessive (`Kazakhstan’s` gives the span `Kazakhstan`), each with its
//! canonical name from [`crate::lexicon::countries`].

use crate::lexicon::countries;

use super::scan::Text;
use super::value::{CountryValue, FactValue};
use super::{FactKind, Found};

pub fn scan(text: &Text) -> Vec<Found> {
    let s = text.s;
    let mut out = Vec::new();
    let mut resume = 0;
    for &i in &text.capitals {
        let b = s.as_bytes()[i];
        if i < resume || (b < 0x80 && !b.is_ascii_uppercase()) {
            continue;
        }
        let Some((end, name)) = countries::place_at(s, i) else {
            continue;
        };
        resume = end;
        if let Some(name) = name {
            out.push(Found::new(
                FactKind::Country,
                i..end,
                FactValue::Country(CountryValue {
                    name: name.to_owned(),
                }),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_short_forms_and_possessives() {
        let s = "Kazakhstan’s forces, the United States’ envoy, Russia, Bosnia and Herzegovina, \
                 the United Kingdom of Great Britain and Northern Ireland, Côte d'Ivoire, \
                 Saint Vincent and the Grenadines, the Niger and Nigeria; Northern Ireland.";
        let names: Vec<(&str, String)> = scan(&Text::new(s))
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
