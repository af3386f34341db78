//! The 193 Member States of the United Nations and its two observer
//! States, each under one canonical name, with the other names releases
//! use for them.
//!
//! The canonical name is the one UN meeting coverage prints for a
//! delegation: the Member State's name in the UN list, except that
//! `United Kingdom`, `United States`, `Iran`, `Bolivia`, `Venezuela`,
//! `Micronesia` and `Netherlands` drop the longer official form (which is
//! accepted as an alias). Apostrophes are curly (`Côte d’Ivoire`); straight
//! ones are accepted everywhere.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::phrases::{is_apostrophe, FxBuild, PhraseMatcher};

/// Whether a country is a Member State or an observer State.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Member,
    Observer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub name: &'static str,
    pub status: Status,
    /// Other names accepted for it, in text and by [`canonical`].
    pub aliases: &'static [&'static str],
}

const fn member(name: &'static str, aliases: &'static [&'static str]) -> Country {
    Country {
        name,
        status: Status::Member,
        aliases,
    }
}

pub const COUNTRIES: [Country; 195] = [
    member("Afghanistan", &[]),
    member("Albania", &[]),
    member("Algeria", &[]),
    member("Andorra", &[]),
    member("Angola", &[]),
    member("Antigua and Barbuda", &[]),
    member("Argentina", &[]),
    member("Armenia", &[]),
    member("Australia", &[]),
    member("Austria", &[]),
    member("Azerbaijan", &[]),
    member("Bahamas", &[]),
    member("Bahrain", &[]),
    member("Bangladesh", &[]),
    member("Barbados", &[]),
    member("Belarus", &[]),
    member("Belgium", &[]),
    member("Belize", &[]),
    member("Benin", &[]),
    member("Bhutan", &[]),
    member(
        "Bolivia",
        &[
            "Bolivia (Plurinational State of)",
            "Plurinational State of Bolivia",
        ],
    ),
    member("Bosnia and Herzegovina", &["Bosnia-Herzegovina"]),
    member("Botswana", &[]),
    member("Brazil", &[]),
    member("Brunei Darussalam", &["Brunei"]),
    member("Bulgaria", &[]),
    member("Burkina Faso", &[]),
    member("Burundi", &[]),
    member("Cabo Verde", &["Cape Verde"]),
    member("Cambodia", &[]),
    member("Cameroon", &[]),
    member("Canada", &[]),
    member("Central African Republic", &[]),
    member("Chad", &[]),
    member("Chile", &[]),
    member("China", &["People’s Republic of China"]),
    member("Colombia", &[]),
    member("Comoros", &[]),
    member("Congo", &["Republic of the Congo", "Congo-Brazzaville"]),
    member("Costa Rica", &[]),
    member("Côte d’Ivoire", &["Cote d’Ivoire", "Ivory Coast"]),
    member("Croatia", &[]),
    member("Cuba", &[]),
    member("Cyprus", &[]),
    member("Czechia", &["Czech Republic"]),
    member(
        "Democratic People’s Republic of Korea",
        &["North Korea", "DPRK"],
    ),
    member(
        "Democratic Republic of the Congo",
        &["DRC", "DR Congo", "Congo-Kinshasa"],
    ),
    member("Denmark", &[]),
    member("Djibouti", &[]),
    member("Dominica", &[]),
    member("Dominican Republic", &[]),
    member("Ecuador", &[]),
    member("Egypt", &[]),
    member("El Salvador", &[]),
    member("Equatorial Guinea", &[]),
    member("Eritrea", &[]),
    member("Estonia", &[]),
    member("Eswatini", &["Swaziland", "Kingdom of Eswatini"]),
    member("Ethiopia", &[]),
    member("Fiji", &[]),
    member("Finland", &[]),
    member("France", &[]),
    member("Gabon", &[]),
    member("Gambia", &[]),
    member("Georgia", &[]),
    member("Germany", &[]),
    member("Ghana", &[]),
    member("Greece", &[]),
    member("Grenada", &[]),
    member("Guatemala", &[]),
    member("Guinea", &[]),
    member("Guinea-Bissau", &[]),
    member("Guyana", &[]),
    member("Haiti", &[]),
    member("Honduras", &[]),
    member("Hungary", &[]),
    member("Iceland", &[]),
    member("India", &[]),
    member("Indonesia", &[]),
    member(
        "Iran",
        &["Iran (Islamic Republic of)", "Islamic Republic of Iran"],
    ),
    member("Iraq", &[]),
    member("Ireland", &[]),
    member("Israel", &[]),
    member("Italy", &[]),
    member("Jamaica", &[]),
    member("Japan", &[]),
    member("Jordan", &[]),
    member("Kazakhstan", &[]),
    member("Kenya", &[]),
    member("Kiribati", &[]),
    member("Kuwait", &[]),
    member("Kyrgyzstan", &["Kyrgyz Republic"]),
    member("Lao People’s Democratic Republic", &["Laos", "Lao PDR"]),
    member("Latvia", &[]),
    member("Lebanon", &[]),
    member("Lesotho", &[]),
    member("Liberia", &[]),
    member("Libya", &[]),
    member("Liechtenstein", &[]),
    member("Lithuania", &[]),
    member("Luxembourg", &[]),
    member("Madagascar", &[]),
    member("Malawi", &[]),
    member("Malaysia", &[]),
    member("Maldives", &[]),
    member("Mali", &[]),
    member("Malta", &[]),
    member("Marshall Islands", &[]),
    member("Mauritania", &[]),
    member("Mauritius", &[]),
    member("Mexico", &[]),
    member(
        "Micronesia",
        &[
            "Micronesia (Federated States of)",
            "Federated States of Micronesia",
        ],
    ),
    member("Monaco", &[]),
    member("Mongolia", &[]),
    member("Montenegro", &[]),
    member("Morocco", &[]),
    member("Mozambique", &[]),
    member("Myanmar", &["Burma"]),
    member("Namibia", &[]),
    member("Nauru", &[]),
    member("Nepal", &[]),
    member(
        "Netherlands",
        &["Netherlands (Kingdom of the)", "Kingdom of the Netherlands"],
    ),
    member("New Zealand", &[]),
    member("Nicaragua", &[]),
    member("Niger", &[]),
    member("Nigeria", &[]),
    member("North Macedonia", &["Republic of North Macedonia"]),
    member("Norway", &[]),
    member("Oman", &[]),
    member("Pakistan", &[]),
    member("Palau", &[]),
    member("Panama", &[]),
    member("Papua New Guinea", &[]),
    member("Paraguay", &[]),
    member("Peru", &[]),
    member("Philippines", &[]),
    member("Poland", &[]),
    member("Portugal", &[]),
    member("Qatar", &[]),
    member("Republic of Korea", &["South Korea"]),
    member("Republic of Moldova", &["Moldova"]),
    member("Romania", &[]),
    member("Russian Federation", &["Russia"]),
    member("Rwanda", &[]),
    member(
        "Saint Kitts and Nevis",
        &["St. Kitts and Nevis", "St Kitts and Nevis"],
    ),
    member("Saint Lucia", &["St. Lucia", "St Lucia"]),
    member(
        "Saint Vincent and the Grenadines",
        &[
            "St. Vincent and the Grenadines",
            "St Vincent and the Grenadines",
        ],
    ),
    member("Samoa", &[]),
    member("San Marino", &[]),
    member("Sao Tome and Principe", &["São Tomé and Príncipe"]),
    member("Saudi Arabia", &[]),
    member("Senegal", &[]),
    member("Serbia", &[]),
    member("Seychelles", &[]),
    member("Sierra Leone", &[]),
    member("Singapore", &[]),
    member("Slovakia", &["Slovak Republic"]),
    member("Slovenia", &[]),
    member("Solomon Islands", &[]),
    member("Somalia", &[]),
    member("South Africa", &[]),
    member("South Sudan", &[]),
    member("Spain", &[]),
    member("Sri Lanka", &[]),
    member("Sudan", &[]),
    member("Suriname", &[]),
    member("Sweden", &[]),
    member("Switzerland", &[]),
    member("Syrian Arab Republic", &["Syria"]),
    member("Tajikistan", &[]),
    member("Thailand", &[]),
    member("Timor-Leste", &["East Timor"]),
    member("Togo", &[]),
    member("Tonga", &[]),
    member("Trinidad and Tobago", &[]),
    member("Tunisia", &[]),
    member("Türkiye", &["Turkey", "Turkiye"]),
    member("Turkmenistan", &[]),
    member("Tuvalu", &[]),
    member("Uganda", &[]),
    member("Ukraine", &[]),
    member("United Arab Emirates", &["UAE"]),
    member(
        "United Kingdom",
        &[
            "United Kingdom of Great Britain and Northern Ireland",
            "UK",
            "U.K.",
            "Britain",
            "Great Britain",
        ],
    ),
    member("United Republic of Tanzania", &["Tanzania"]),
    member(
        "United States",
        &["United States of America", "US", "U.S.", "USA", "U.S.A."],
    ),
    member("Uruguay", &[]),
    member("Uzbekistan", &[]),
    member("Vanuatu", &[]),
    member(
        "Venezuela",
        &[
            "Venezuela (Bolivarian Republic of)",
            "Bolivarian Republic of Venezuela",
        ],
    ),
    member("Viet Nam", &["Vietnam"]),
    member("Yemen", &[]),
    member("Zambia", &[]),
    member("Zimbabwe", &[]),
    Country {
        name: "Holy See",
        status: Status::Observer,
        aliases: &["Vatican", "Vatican City"],
    },
    Country {
        name: "State of Palestine",
        status: Status::Observer,
        aliases: &["Palestine"],
    },
];

/// Places whose names contain a country's without being that country:
/// found and skipped, so that `Northern Ireland` is not `Ireland`.
pub const NOT_COUNTRIES: &[&str] = &[
    "Northern Ireland",
    "New Mexico",
    "Gulf of Mexico",
    "Gulf of Guinea",
    "Lake Chad",
    "Georgia Tech",
];

/// Lower case, curly apostrophes, single spaces, no leading `the`, no
/// possessive: the key under which names are looked up.
fn lookup_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(|c| if is_apostrophe(c) { '’' } else { c }));
    }
    let mut key = key.to_lowercase();
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest.to_owned();
    }
    for possessive in ["’s", "’"] {
        if let Some(rest) = key.strip_suffix(possessive) {
            if !rest.is_empty() && by_key().contains_key(rest) {
                return rest.to_owned();
            }
        }
    }
    key
}

fn by_key() -> &'static HashMap<String, &'static str, FxBuild> {
    static MAP: OnceLock<HashMap<String, &'static str, FxBuild>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for country in &COUNTRIES {
            for name in std::iter::once(&country.name).chain(country.aliases) {
                let key: String = name
                    .chars()
                    .map(|c| if is_apostrophe(c) { '’' } else { c })
                    .collect::<String>()
                    .to_lowercase();
                map.insert(key, country.name);
            }
        }
        map
    })
}

/// The canonical name of a country given by any of its names, short forms
/// (`Russia`, `UK`, `Turkey`, `Vietnam`), with a leading `the`, a
/// possessive (`Kazakhstan’s`), either apostrophe, any letter case.
pub fn canonical(name: &str) -> Option<&'static str> {
    by_key().get(&lookup_key(name.trim())).copied()
}

/// [`canonical`], first trying the name exactly as the table spells it
/// (`China`, `Russian Federation`, `Türkiye`, `Viet Nam`), as a release
/// mostly prints it: that costs one lookup and no allocation.
pub fn canonical_printed(name: &str) -> Option<&'static str> {
    static EXACT: OnceLock<HashMap<&'static str, &'static str, FxBuild>> = OnceLock::new();
    let exact = EXACT.get_or_init(|| {
        let mut map = HashMap::default();
        for country in &COUNTRIES {
            for printed in std::iter::once(&country.name).chain(country.aliases) {
                map.insert(*printed, country.name);
            }
        }
        map
    });
    exact.get(name).copied().or_else(|| canonical(name))
}

/// The country of a canonical name.
pub fn country(canonical_name: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.name == canonical_name)
}

/// `Some(name)` for a country, `None` for a place that only contains one.
fn matcher() -> &'static PhraseMatcher<Option<&'static str>> {
    static MATCHER: OnceLock<PhraseMatcher<Option<&'static str>>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut m = PhraseMatcher::new();
        for country in &COUNTRIES {
            m.insert(country.name, Some(country.name));
            for alias in country.aliases {
                m.insert(alias, Some(country.name));
            }
        }
        for place in NOT_COUNTRIES.iter().copied() {
            m.insert(place, None);
        }
        m
    })
}

/// A country name found in text: byte span and canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    pub name: &'static str,
}

/// Every country named in `text`, longest name first (`Guinea-Bissau`,
/// `Saint Vincent and the Grenadines` are one name). Case-sensitive: a
/// name starts with a capital. The span leaves out a leading `the` and a
/// possessive `’s`.
pub fn find_all(text: &str) -> Vec<Mention> {
    matcher()
        .find_all(text)
        .into_iter()
        .filter_map(|(span, name)| name.map(|name| Mention { span, name }))
        .collect()
}

/// The country name starting at byte `at`, if any: (end, canonical name).
pub fn match_at(text: &str, at: usize) -> Option<(usize, &'static str)> {
    match place_at(text, at)? {
        (end, Some(name)) => Some((end, name)),
        _ => None,
    }
}

/// Like [`match_at`], but also recognises places whose names contain a
/// country's (`Northern Ireland`): `(end, None)`, so that a scanner can
/// skip them whole.
pub fn place_at(text: &str, at: usize) -> Option<(usize, Option<&'static str>)> {
    matcher().match_at(text, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_names_read_as_any_other_spelling() {
        for name in [
            "China",
            "the United States",
            "Russia",
            "Côte d'Ivoire",
            "Viet Nam",
            "Neverland",
        ] {
            assert_eq!(canonical_printed(name), canonical(name), "{name}");
        }
    }

    #[test]
    fn all_members_and_observers() {
        let members = COUNTRIES
            .iter()
            .filter(|c| c.status == Status::Member)
            .count();
        assert_eq!(members, 193);
        let mut names: Vec<&str> = COUNTRIES.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 195);
        for c in &COUNTRIES {
            assert_eq!(canonical(c.name), Some(c.name));
            for a in c.aliases {
                assert_eq!(canonical(a), Some(c.name), "{a}");
            }
        }
    }

    #[test]
    fn short_forms() {
        for (name, expected) in [
            ("Russia", "Russian Federation"),
            ("the United States", "United States"),
            ("UK", "United Kingdom"),
            ("Türkiye", "Türkiye"),
            ("Turkey", "Türkiye"),
            ("Viet Nam", "Viet Nam"),
            ("Vietnam", "Viet Nam"),
            ("Côte d'Ivoire", "Côte d’Ivoire"),
            ("Côte d’Ivoire", "Côte d’Ivoire"),
            ("The Gambia", "Gambia"),
            ("Kazakhstan’s", "Kazakhstan"),
            ("  the  Netherlands ", "Netherlands"),
            ("RUSSIAN FEDERATION", "Russian Federation"),
        ] {
            assert_eq!(canonical(name), Some(expected), "{name}");
        }
        assert_eq!(canonical("European Union"), None);
        assert_eq!(canonical("Atlantis"), None);
    }
}
