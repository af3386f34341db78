//! The organs of the United Nations that releases and documents name, with
//! the symbol series that belong to each: the one table both the parser
//! (a release's `body`, from its symbol or a header line) and the fact
//! extractor (a document symbol's `body`) read.
//!
//! A symbol's organ is that of its longest series prefix: `GA/SHC/4386`
//! is `GA/SHC` (the Third Committee), not `GA`; `A/C.3/79/L.12` is `A/C.3`;
//! `S/2022/123` is `S`. Press-release series (`SC`, `GA/EF`, `SG/SM`) and
//! document series (`S`, `A/C.1`, `CEDAW`) share the table, since both name
//! the organ a reader would name (`General Assembly Third Committee`, not
//! the series' own title).
//!
//! Some series are shared by several organs (`HR` by the Human Rights
//! Council and the treaty bodies, `WOM` by the Commission on the Status of
//! Women and CEDAW): for those the organ the release prints wins, and the
//! table gives only a default.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::phrases::FxBuild;

/// What a series of releases holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    /// Meetings coverage (and other press releases of an organ).
    Meetings,
    /// Statements, messages and remarks of an office holder.
    Statements,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Organ {
    /// The organ as a reader names it: `General Assembly Third Committee`.
    pub name: &'static str,
    /// Press-release series: `GA/SHC`, `SG/SM`.
    pub press: &'static [&'static str],
    /// Document series: `A/C.3`, `S`, `CEDAW`.
    pub documents: &'static [&'static str],
    /// Other ways a release prints the organ on a line of its own
    /// (`Third Committee`); the name itself always counts.
    pub printed: &'static [&'static str],
    pub genre: Genre,
    /// The press series covers other organs too: the printed organ wins.
    pub shared: bool,
}

const fn organ(
    name: &'static str,
    press: &'static [&'static str],
    documents: &'static [&'static str],
    printed: &'static [&'static str],
) -> Organ {
    Organ {
        name,
        press,
        documents,
        printed,
        genre: Genre::Meetings,
        shared: false,
    }
}

const fn shared(organ: Organ) -> Organ {
    Organ {
        shared: true,
        ..organ
    }
}

const fn statements(organ: Organ) -> Organ {
    Organ {
        genre: Genre::Statements,
        ..organ
    }
}

/// Every organ, principal organs first.
pub const ORGANS: &[Organ] = &[
    organ("Security Council", &["SC"], &["S"], &[]),
    organ(
        "General Assembly",
        &["GA"],
        &["A"],
        &["General Assembly Plenary", "Plenary", "Plenary Meeting"],
    ),
    organ(
        "General Assembly First Committee",
        &["GA/DIS"],
        &["A/C.1"],
        &[
            "First Committee",
            "Disarmament and International Security Committee",
        ],
    ),
    organ(
        "General Assembly Second Committee",
        &["GA/EF"],
        &["A/C.2"],
        &["Second Committee", "Economic and Financial Committee"],
    ),
    organ(
        "General Assembly Third Committee",
        &["GA/SHC"],
        &["A/C.3"],
        &[
            "Third Committee",
            "Social, Humanitarian and Cultural Committee",
        ],
    ),
    organ(
        "General Assembly Fourth Committee",
        &["GA/SPD"],
        &["A/C.4"],
        &[
            "Fourth Committee",
            "Special Political and Decolonization Committee",
        ],
    ),
    organ(
        "General Assembly Fifth Committee",
        &["GA/AB"],
        &["A/C.5"],
        &["Fifth Committee", "Administrative and Budgetary Committee"],
    ),
    organ(
        "General Assembly Sixth Committee",
        &["GA/L"],
        &["A/C.6"],
        &["Sixth Committee", "Legal Committee"],
    ),
    statements(organ(
        "President of the General Assembly",
        &["GA/SM"],
        &[],
        &[],
    )),
    organ(
        "Special Committee on Decolonization",
        &["GA/COL"],
        &["A/AC.109"],
        &["Committee of 24", "Special Committee of 24"],
    ),
    organ(
        "Special Committee on Peacekeeping Operations",
        &["GA/PK"],
        &["A/AC.121"],
        &[],
    ),
    organ(
        "Committee on the Exercise of the Inalienable Rights of the Palestinian People",
        &["GA/PAL"],
        &["A/AC.183"],
        &["Palestinian Rights Committee"],
    ),
    organ("Economic and Social Council", &["ECOSOC"], &["E"], &[]),
    organ(
        "Committee on Non-Governmental Organizations",
        &["NGO", "ECOSOC/NGO", "GA/NGO"],
        &["E/C.2"],
        &["Committee on NGOs"],
    ),
    organ("Human Rights Council", &["HRC"], &["A/HRC"], &[]),
    // Human rights releases of Geneva: the Council and the treaty bodies.
    shared(organ("Human Rights Council", &["HR"], &[], &[])),
    organ("Commission on Human Rights", &["HR/CN"], &["E/CN.4"], &[]),
    shared(organ("Human Rights Committee", &["HR/CT"], &["CCPR"], &[])),
    organ(
        "Committee on the Elimination of Discrimination against Women",
        &[],
        &["CEDAW"],
        &["CEDAW"],
    ),
    organ(
        "Committee on the Elimination of Racial Discrimination",
        &[],
        &["CERD"],
        &[],
    ),
    organ("Committee against Torture", &[], &["CAT"], &[]),
    organ("Committee on the Rights of the Child", &[], &["CRC"], &[]),
    organ(
        "Committee on Economic, Social and Cultural Rights",
        &[],
        &["E/C.12"],
        &[],
    ),
    organ(
        "Committee on the Rights of Persons with Disabilities",
        &[],
        &["CRPD"],
        &[],
    ),
    organ("Committee on Migrant Workers", &[], &["CMW"], &[]),
    organ("Committee on Enforced Disappearances", &[], &["CED"], &[]),
    organ("Peacebuilding Commission", &["PBC"], &["PBC"], &[]),
    organ(
        "Disarmament Commission",
        &["DC"],
        &["A/CN.10"],
        &["United Nations Disarmament Commission"],
    ),
    organ("Conference on Disarmament", &["CD", "DCF"], &["CD"], &[]),
    shared(organ(
        "Commission on the Status of Women",
        &["WOM"],
        &[],
        &[],
    )),
    organ(
        "Commission on Population and Development",
        &["POP"],
        &[],
        &[],
    ),
    organ("Commission for Social Development", &["SOC"], &[], &[]),
    shared(organ(
        "Commission on Sustainable Development",
        &["ENV/DEV"],
        &[],
        &[],
    )),
    organ(
        "High-level Political Forum on Sustainable Development",
        &[],
        &[],
        &["High-Level Political Forum on Sustainable Development"],
    ),
    shared(organ(
        "Meeting of States Parties to the United Nations Convention on the Law of the Sea",
        &["SEA"],
        &[],
        &[],
    )),
    organ("International Law Commission", &[], &["A/CN.4"], &[]),
    shared(organ("Office of Legal Affairs", &["L"], &[], &[])),
    shared(organ("Committee on Information", &["PI"], &[], &[])),
    shared(organ("Observances", &["OBV"], &[], &[])),
    organ("International Court of Justice", &["ICJ"], &[], &[]),
    organ("Trusteeship Council", &[], &["T"], &[]),
    organ("Secretariat", &[], &["ST"], &[]),
    statements(organ(
        "Secretary-General",
        &["SG/SM", "SG/A", "SG/T", "SG"],
        &["SG"],
        &[],
    )),
    statements(organ(
        "Deputy Secretary-General",
        &["DSG/SM", "DSG"],
        &["DSG"],
        &[],
    )),
    shared(organ(
        "Office for the Coordination of Humanitarian Affairs",
        &["IHA"],
        &[],
        &[],
    )),
    shared(organ("Department of Peace Operations", &["PKO"], &[], &[])),
    shared(organ(
        "Office of the United Nations High Commissioner for Refugees",
        &["REF"],
        &[],
        &[],
    )),
    shared(organ("Specialized Agencies", &["SAG"], &[], &[])),
    shared(organ("United Nations", &["ORG", "BIO"], &[], &[])),
    shared(organ(
        "Department of Economic and Social Affairs",
        &["DEV"],
        &[],
        &[],
    )),
    shared(organ(
        "United Nations Environment Programme",
        &["ENV"],
        &[],
        &[],
    )),
];

/// The organ of a symbol (`GA/SHC/4386`, `A/C.3/79/L.12`, `S/2022/123`):
/// that of its longest series prefix, press series before document series.
pub fn of_symbol(symbol: &str) -> Option<&'static Organ> {
    let symbol = symbol.trim().trim_end_matches('*');
    // Prefixes of whole `/` parts, longest first, never the whole symbol.
    let mut end = symbol.len();
    while let Some(slash) = symbol[..end].rfind('/') {
        end = slash;
        let series = &symbol[..end];
        let press = ORGANS.iter().find(|o| o.press.contains(&series));
        if let Some(found) = press.or_else(|| ORGANS.iter().find(|o| o.documents.contains(&series)))
        {
            return Some(found);
        }
    }
    None
}

/// The organ a header line names on its own (`Security Council`, `Third
/// Committee`, `HUMAN RIGHTS COUNCIL`, `Third Committee (Social,
/// Humanitarian and Cultural)`, `Committee on Elimination of
/// Discrimination against Women`), compared without case or `the`.
pub fn printed(line: &str) -> Option<&'static Organ> {
    let line = line.trim().trim_end_matches([',', '.', ':']);
    // `Third Committee (Social, Humanitarian and Cultural)`: the bracket
    // repeats the name.
    let line = match line.find(" (") {
        Some(open) if line.ends_with(')') => &line[..open],
        _ => line,
    };
    if line.is_empty() || line.len() > LONGEST_PRINTED {
        return None;
    }
    by_printed_key()
        .get(&printed_key(line))
        .map(|&k| &ORGANS[k])
}

/// Longer lines name no organ: the longest name the table holds is 80
/// bytes (`every_name_is_short` checks it).
const LONGEST_PRINTED: usize = 96;

/// A name's words in lower case, without `the`, one space apart.
fn printed_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if word.eq_ignore_ascii_case("the") {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// Every organ by the key of each of its names.
fn by_printed_key() -> &'static HashMap<String, usize, FxBuild> {
    static MAP: OnceLock<HashMap<String, usize, FxBuild>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for (k, organ) in ORGANS.iter().enumerate() {
            for name in std::iter::once(organ.name).chain(organ.printed.iter().copied()) {
                map.entry(printed_key(name)).or_insert(k);
            }
        }
        map
    })
}

/// Every name a release may print for an organ, with the organ: for
/// finding the organ a summary's first sentence names.
pub fn names() -> impl Iterator<Item = (&'static str, &'static Organ)> {
    ORGANS.iter().flat_map(|o| {
        std::iter::once(o.name)
            .chain(o.printed.iter().copied())
            .map(move |name| (name, o))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(symbol: &str) -> Option<&'static str> {
        of_symbol(symbol).map(|o| o.name)
    }

    #[test]
    fn press_series_by_longest_prefix() {
        assert_eq!(name("SC/14794"), Some("Security Council"));
        assert_eq!(name("GA/12345"), Some("General Assembly"));
        assert_eq!(
            name("GA/SHC/4386"),
            Some("General Assembly Third Committee")
        );
        assert_eq!(
            name("GA/EF/3600"),
            Some("General Assembly Second Committee")
        );
        assert_eq!(
            name("GA/DIS/3700*"),
            Some("General Assembly First Committee")
        );
        assert_eq!(name("ECOSOC/7100"), Some("Economic and Social Council"));
        assert_eq!(
            name("ECOSOC/NGO/900"),
            Some("Committee on Non-Governmental Organizations")
        );
        assert_eq!(name("HR/CT/700"), Some("Human Rights Committee"));
        assert_eq!(name("HRC/18/12"), Some("Human Rights Council"));
        assert_eq!(name("PBC/150"), Some("Peacebuilding Commission"));
        assert_eq!(
            name("ENV/DEV/1200"),
            Some("Commission on Sustainable Development")
        );
        assert_eq!(name("SG/SM/21952/Rev.1"), Some("Secretary-General"));
        assert_eq!(name("DSG/SM/1874"), Some("Deputy Secretary-General"));
        assert_eq!(name("XYZ/12"), None);
        assert_eq!(name("SC"), None);
    }

    #[test]
    fn document_series() {
        assert_eq!(name("S/2022/123"), Some("Security Council"));
        assert_eq!(name("A/76/L.5/Rev.1"), Some("General Assembly"));
        assert_eq!(
            name("A/C.3/79/L.12"),
            Some("General Assembly Third Committee")
        );
        assert_eq!(name("A/HRC/55/L.1"), Some("Human Rights Council"));
        assert_eq!(name("E/CN.6/2022/L.7"), Some("Economic and Social Council"));
        assert_eq!(
            name("CEDAW/C/GAB/7"),
            Some("Committee on the Elimination of Discrimination against Women")
        );
    }

    #[test]
    fn genres_and_shared_series() {
        assert_eq!(
            of_symbol("SG/SM/1").map(|o| o.genre),
            Some(Genre::Statements)
        );
        assert_eq!(
            of_symbol("GA/SM/400").map(|o| o.genre),
            Some(Genre::Statements)
        );
        assert_eq!(of_symbol("SC/1").map(|o| o.genre), Some(Genre::Meetings));
        assert!(of_symbol("WOM/2200").is_some_and(|o| o.shared));
        assert!(!of_symbol("GA/L/3700").is_some_and(|o| o.shared));
    }

    #[test]
    fn printed_organs() {
        let name = |line| printed(line).map(|o| o.name);
        assert_eq!(name("Security Council"), Some("Security Council"));
        assert_eq!(
            name("Third Committee"),
            Some("General Assembly Third Committee")
        );
        assert_eq!(
            name("Sixth Committee (Legal)"),
            Some("General Assembly Sixth Committee")
        );
        assert_eq!(
            name("HUMAN RIGHTS COMMITTEE"),
            Some("Human Rights Committee")
        );
        assert_eq!(name("Plenary"), Some("General Assembly"));
        assert_eq!(
            name("Economic and Social Council"),
            Some("Economic and Social Council")
        );
        assert_eq!(name("Security Council members"), None);
        assert_eq!(
            name("Committee on Elimination of Discrimination against Women"),
            Some("Committee on the Elimination of Discrimination against Women")
        );
        assert_eq!(name("The Security Council"), Some("Security Council"));
    }

    #[test]
    fn every_name_is_short() {
        for (name, _) in names() {
            assert!(name.len() <= LONGEST_PRINTED, "{name}");
        }
    }

    #[test]
    fn every_series_has_one_organ() {
        let mut seen = std::collections::HashMap::new();
        for organ in ORGANS {
            for series in organ.press {
                assert_eq!(
                    seen.insert(("press", *series), organ.name),
                    None,
                    "{series}"
                );
            }
            for series in organ.documents {
                assert_eq!(
                    seen.insert(("document", *series), organ.name),
                    None,
                    "{series}"
                );
            }
        }
    }
}
