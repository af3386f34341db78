//! Organisations of the United Nations system and regional and
//! intergovernmental bodies, with their acronyms and the spellings of
//! their names that releases use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::phrases::{FxBuild, PhraseMatcher};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Organization {
    /// The usual acronym, when the organisation has one.
    pub acronym: Option<&'static str>,
    /// The full name, as the organisation spells it.
    pub name: &'static str,
    /// Other full names or short forms found in releases.
    pub aliases: &'static [&'static str],
}

impl Organization {
    /// What a mention of it is called: the acronym, or the name.
    pub fn short(&self) -> &'static str {
        self.acronym.unwrap_or(self.name)
    }

    /// `name` is one of its names, perhaps spelled another way.
    pub fn is_named(&self, name: &str) -> bool {
        same_name(self.name, name) || self.aliases.iter().any(|a| same_name(a, name))
    }
}

const fn org(
    acronym: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
) -> Organization {
    Organization {
        acronym: Some(acronym),
        name,
        aliases,
    }
}

const fn named(name: &'static str, aliases: &'static [&'static str]) -> Organization {
    Organization {
        acronym: None,
        name,
        aliases,
    }
}

pub const ORGANIZATIONS: &[Organization] = &[
    // The United Nations and its principal organs.
    org("UN", "United Nations", &[]),
    org("UNSC", "United Nations Security Council", &["Security Council", "UN Security Council"]),
    org("UNGA", "United Nations General Assembly", &["General Assembly", "UN General Assembly"]),
    org("ECOSOC", "Economic and Social Council", &["United Nations Economic and Social Council"]),
    org("ICJ", "International Court of Justice", &[]),
    org("HRC", "Human Rights Council", &["United Nations Human Rights Council", "UN Human Rights Council"]),
    org("PBC", "Peacebuilding Commission", &[]),
    // Funds, programmes, offices and departments.
    org("UNDP", "United Nations Development Programme", &[]),
    org("UNEP", "United Nations Environment Programme", &[]),
    org("UNICEF", "United Nations Children’s Fund", &[]),
    org("UNFPA", "United Nations Population Fund", &[]),
    org(
        "UNHCR",
        "Office of the United Nations High Commissioner for Refugees",
        &["United Nations High Commissioner for Refugees", "UN Refugee Agency", "United Nations Refugee Agency"],
    ),
    org("OHCHR", "Office of the United Nations High Commissioner for Human Rights", &[]),
    org("WFP", "World Food Programme", &[]),
    org("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East", &[]),
    org("UN-Habitat", "United Nations Human Settlements Programme", &[]),
    org(
        "UN-Women",
        "United Nations Entity for Gender Equality and the Empowerment of Women",
        &["UN Women"],
    ),
    org("UNAIDS", "Joint United Nations Programme on HIV/AIDS", &[]),
    org("UNODC", "United Nations Office on Drugs and Crime", &[]),
    org(
        "UNOCT",
        "United Nations Office of Counter-Terrorism",
        &["United Nations Counter-Terrorism Office", "Office of Counter-Terrorism"],
    ),
    org(
        "CTED",
        "Counter-Terrorism Committee Executive Directorate",
        &["Counter-Terrorism Executive Directorate"],
    ),
    org(
        "OCHA",
        "Office for the Coordination of Humanitarian Affairs",
        &["United Nations Office for the Coordination of Humanitarian Affairs"],
    ),
    org("DPPA", "Department of Political and Peacebuilding Affairs", &[]),
    org("DPO", "Department of Peace Operations", &[]),
    org("DESA", "Department of Economic and Social Affairs", &[]),
    org("UNCTAD", "United Nations Conference on Trade and Development", &[]),
    org("UNIDO", "United Nations Industrial Development Organization", &[]),
    org("UNITAR", "United Nations Institute for Training and Research", &[]),
    org("UNU", "United Nations University", &[]),
    org("UNOPS", "United Nations Office for Project Services", &[]),
    org("UNDRR", "United Nations Office for Disaster Risk Reduction", &[]),
    org("UNMAS", "United Nations Mine Action Service", &[]),
    org("UNFCCC", "United Nations Framework Convention on Climate Change", &[]),
    org("IPCC", "Intergovernmental Panel on Climate Change", &[]),
    org("UNOWAS", "United Nations Office for West Africa and the Sahel", &[]),
    org(
        "UNRCCA",
        "United Nations Regional Centre for Preventive Diplomacy for Central Asia",
        &["United Nations Regional Centre for Preventative Diplomacy in Central Asia"],
    ),
    org("UNOCA", "United Nations Regional Office for Central Africa", &[]),
    org("ECA", "Economic Commission for Africa", &[]),
    org("ECE", "Economic Commission for Europe", &["UNECE"]),
    org("ECLAC", "Economic Commission for Latin America and the Caribbean", &[]),
    org("ESCAP", "Economic and Social Commission for Asia and the Pacific", &[]),
    org("ESCWA", "Economic and Social Commission for Western Asia", &[]),
    // Specialized agencies and related organizations.
    org("UNESCO", "United Nations Educational, Scientific and Cultural Organization", &[]),
    org(
        "FAO",
        "Food and Agriculture Organization of the United Nations",
        &["Food and Agriculture Organization"],
    ),
    org("WHO", "World Health Organization", &[]),
    org("ILO", "International Labour Organization", &["International Labor Organization"]),
    org("IMF", "International Monetary Fund", &[]),
    named("World Bank", &["World Bank Group"]),
    org("IAEA", "International Atomic Energy Agency", &[]),
    org("ICAO", "International Civil Aviation Organization", &[]),
    org("IMO", "International Maritime Organization", &[]),
    org("ITU", "International Telecommunication Union", &[]),
    org("UPU", "Universal Postal Union", &[]),
    org("WMO", "World Meteorological Organization", &[]),
    org("WIPO", "World Intellectual Property Organization", &[]),
    org("IFAD", "International Fund for Agricultural Development", &[]),
    org("UNWTO", "World Tourism Organization", &[]),
    org("IOM", "International Organization for Migration", &[]),
    org("OPCW", "Organisation for the Prohibition of Chemical Weapons", &["Organization for the Prohibition of Chemical Weapons"]),
    org("CTBTO", "Comprehensive Nuclear-Test-Ban Treaty Organization", &[]),
    org("WTO", "World Trade Organization", &[]),
    org("ICC", "International Criminal Court", &[]),
    // Peace operations and political missions.
    org("UNIFIL", "United Nations Interim Force in Lebanon", &[]),
    org("UNMISS", "United Nations Mission in South Sudan", &[]),
    org(
        "MONUSCO",
        "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
        &[],
    ),
    org(
        "MINUSCA",
        "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
        &[],
    ),
    org("MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in Mali", &[]),
    org("UNFICYP", "United Nations Peacekeeping Force in Cyprus", &[]),
    org("UNDOF", "United Nations Disengagement Observer Force", &[]),
    org("UNTSO", "United Nations Truce Supervision Organization", &[]),
    org("UNMIK", "United Nations Interim Administration Mission in Kosovo", &[]),
    org("MINURSO", "United Nations Mission for the Referendum in Western Sahara", &[]),
    org("UNISFA", "United Nations Interim Security Force for Abyei", &[]),
    org("UNMOGIP", "United Nations Military Observer Group in India and Pakistan", &[]),
    org("UNAMA", "United Nations Assistance Mission in Afghanistan", &[]),
    org("UNAMI", "United Nations Assistance Mission for Iraq", &[]),
    org("UNSMIL", "United Nations Support Mission in Libya", &[]),
    org("UNSOM", "United Nations Assistance Mission in Somalia", &[]),
    org("BINUH", "United Nations Integrated Office in Haiti", &[]),
    org("UNVMC", "United Nations Verification Mission in Colombia", &[]),
    // Regional and intergovernmental bodies.
    org("AU", "African Union", &[]),
    org("EU", "European Union", &[]),
    org("NATO", "North Atlantic Treaty Organization", &[]),
    org(
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        &["Organization for Security and Cooperation in Europe"],
    ),
    org("ECOWAS", "Economic Community of West African States", &[]),
    org("ECCAS", "Economic Community of Central African States", &[]),
    org("IGAD", "Intergovernmental Authority on Development", &[]),
    org("SADC", "Southern African Development Community", &[]),
    org("EAC", "East African Community", &[]),
    org("COMESA", "Common Market for Eastern and Southern Africa", &[]),
    org("LCBC", "Lake Chad Basin Commission", &[]),
    org("MNJTF", "Multinational Joint Task Force", &[]),
    org("OAS", "Organization of American States", &[]),
    org("ASEAN", "Association of Southeast Asian Nations", &["Association of South-East Asian Nations"]),
    org("SAARC", "South Asian Association for Regional Cooperation", &[]),
    org("SCO", "Shanghai Cooperation Organisation", &["Shanghai Cooperation Organization"]),
    org("CSTO", "Collective Security Treaty Organization", &[]),
    org("CIS", "Commonwealth of Independent States", &[]),
    org("OIC", "Organisation of Islamic Cooperation", &["Organization of Islamic Cooperation"]),
    org("LAS", "League of Arab States", &["Arab League"]),
    org(
        "GCC",
        "Gulf Cooperation Council",
        &["Cooperation Council for the Arab States of the Gulf"],
    ),
    org("CARICOM", "Caribbean Community", &[]),
    org("CELAC", "Community of Latin American and Caribbean States", &[]),
    org("SICA", "Central American Integration System", &[]),
    org("PIF", "Pacific Islands Forum", &[]),
    org("APEC", "Asia-Pacific Economic Cooperation", &[]),
    org(
        "OECD",
        "Organisation for Economic Co-operation and Development",
        &["Organization for Economic Cooperation and Development"],
    ),
    org("OPEC", "Organization of the Petroleum Exporting Countries", &[]),
    named("Council of Europe", &[]),
    org("NAM", "Non-Aligned Movement", &["Movement of Non-Aligned Countries"]),
    org("G77", "Group of 77", &["Group of 77 and China", "G-77"]),
    org("G7", "Group of Seven", &["G-7"]),
    org("G20", "Group of Twenty", &["G-20"]),
    named("BRICS", &[]),
    org("ICRC", "International Committee of the Red Cross", &[]),
    org("IFRC", "International Federation of Red Cross and Red Crescent Societies", &[]),
    org("AfDB", "African Development Bank", &[]),
    org("ADB", "Asian Development Bank", &[]),
    org("IDB", "Inter-American Development Bank", &[]),
    org("IsDB", "Islamic Development Bank", &[]),
    org("EBRD", "European Bank for Reconstruction and Development", &[]),
    org("EIB", "European Investment Bank", &[]),
    org("AIIB", "Asian Infrastructure Investment Bank", &[]),
    org("INTERPOL", "International Criminal Police Organization", &["Interpol"]),
    org("IEA", "International Energy Agency", &[]),
    org("IRENA", "International Renewable Energy Agency", &[]),
    // National bodies that releases name by acronym alone.
    org("FBI", "Federal Bureau of Investigation", &[]),
    org("DEA", "Drug Enforcement Administration", &[]),
    org("ATF", "Bureau of Alcohol, Tobacco, Firearms and Explosives", &[]),
    org("EPA", "Environmental Protection Agency", &["United States Environmental Protection Agency", "U.S. Environmental Protection Agency"]),
    org("FDA", "Food and Drug Administration", &["U.S. Food and Drug Administration"]),
    org("SEC", "Securities and Exchange Commission", &["U.S. Securities and Exchange Commission"]),
    org("FTC", "Federal Trade Commission", &[]),
    org("FEMA", "Federal Emergency Management Agency", &[]),
    org("CDC", "Centers for Disease Control and Prevention", &[]),
    org("NIH", "National Institutes of Health", &[]),
    org("NASA", "National Aeronautics and Space Administration", &[]),
    org("EMA", "European Medicines Agency", &[]),
    org("ECB", "European Central Bank", &[]),
];

/// Phrases that start with an organisation's name but are not a mention of
/// it: found and skipped.
pub const NOT_ORGANIZATIONS: &[&str] =
    &["United Nations Charter", "United Nations Day", "UN Charter"];

/// The organisation known by an acronym (`NATO`) or short form.
pub fn by_acronym(acronym: &str) -> Option<&'static Organization> {
    static MAP: OnceLock<HashMap<&'static str, usize, FxBuild>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for (k, o) in ORGANIZATIONS.iter().enumerate() {
            if let Some(a) = o.acronym {
                map.entry(a).or_insert(k);
            }
        }
        map
    });
    map.get(acronym).map(|k| &ORGANIZATIONS[*k])
}

/// The organisation whose full name or alias is `name`.
pub fn by_name(name: &str) -> Option<&'static Organization> {
    match matcher().match_at(name, 0)? {
        (end, Some(k)) if end == name.len() => Some(&ORGANIZATIONS[k]),
        _ => None,
    }
}

/// Every name and acronym, as index into [`ORGANIZATIONS`]; `None` for the
/// phrases that are not mentions.
pub fn matcher() -> &'static PhraseMatcher<Option<usize>> {
    static MATCHER: OnceLock<PhraseMatcher<Option<usize>>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut m = PhraseMatcher::new();
        for (k, o) in ORGANIZATIONS.iter().enumerate() {
            m.insert(o.name, Some(k));
            if let Some(a) = o.acronym {
                m.insert(a, Some(k));
            }
            for alias in o.aliases {
                m.insert(alias, Some(k));
            }
        }
        for phrase in NOT_ORGANIZATIONS.iter().copied() {
            m.insert(phrase, None);
        }
        m
    })
}

/// Two spellings of one name: `Co-operation` and `Cooperation`,
/// `Organisation` and `Organization`, any case and punctuation.
pub fn same_name(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace("organisation", "organization")
            .replace("labour", "labor")
    }
    // The first and last letters survive both respellings: most pairs
    // differ there, and are told apart without building either key.
    fn ends(s: &str) -> (Option<char>, Option<char>) {
        let mut letters = s.chars().filter(|c| c.is_alphanumeric());
        let first = letters.next().and_then(|c| c.to_lowercase().next());
        let last = s
            .chars()
            .rev()
            .find(|c| c.is_alphanumeric())
            .and_then(|c| c.to_lowercase().last());
        (first, last)
    }
    a == b || ends(a) == ends(b) && key(a) == key(b)
}

/// The organisation a text-defined expansion names, if it is one of ours.
pub fn by_expansion(expansion: &str) -> Option<&'static Organization> {
    ORGANIZATIONS.iter().find(|o| o.is_named(expansion))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_unique_and_found() {
        let mut acronyms: Vec<&str> = ORGANIZATIONS.iter().filter_map(|o| o.acronym).collect();
        let n = acronyms.len();
        acronyms.sort_unstable();
        acronyms.dedup();
        assert_eq!(acronyms.len(), n);
        assert_eq!(
            by_acronym("NATO").map(|o| o.name),
            Some("North Atlantic Treaty Organization")
        );
        assert_eq!(
            by_name("Security Council").and_then(|o| o.acronym),
            Some("UNSC")
        );
        assert_eq!(
            by_expansion("Organization for Security and Cooperation in Europe").map(|o| o.short()),
            Some("OSCE")
        );
        assert!(by_acronym("European Union").is_none());
    }
}
