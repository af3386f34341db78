#![cfg(not(target_arch = "wasm32"))]
//! Short forms of organisations joined to the entity of the full name they
//! stand for (`the Treaty Organization`, `the Council`, `the Committee`,
//! `the company`, `the Department`), on releases written for these tests
//! in `tests/fixtures/links` and on the seed release in `../shared/corpus`.
//! Each entity's mentions are checked in full, and so are the places where
//! a short form must stay unlinked.

mod support;

use std::path::Path;

use rapporteur::facts::FactKind;
use rapporteur::Document;

fn parse_fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/links")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = rapporteur::parse(&text);
    doc.check().expect("the document keeps its invariants");
    assert_one_entity_each_and_no_overlap(&doc);
    doc
}

/// Every fact is in exactly one entity, and no two organisation facts
/// overlap.
fn assert_one_entity_each_and_no_overlap(doc: &Document) {
    let mut seen: Vec<usize> = doc.entities.iter().flat_map(|e| e.facts.clone()).collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..doc.facts.len()).collect::<Vec<_>>());
    let orgs: Vec<_> = doc
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Organization)
        .collect();
    for pair in orgs.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{:?} overlaps {:?}",
            pair[0].text,
            pair[1].text
        );
    }
}

/// The texts of an organisation entity's mentions, in text order.
fn mentions(doc: &Document, name: &str) -> Vec<String> {
    let entity = doc
        .entities
        .iter()
        .find(|e| e.kind == FactKind::Organization && e.name == name)
        .unwrap_or_else(|| panic!("no organisation {name}"));
    entity
        .facts
        .iter()
        .map(|&k| doc.facts[k].text.clone())
        .collect()
}

/// The entity of the organisation fact spanning exactly `word` inside the
/// first `context` of the text, if there is one.
fn linked(doc: &Document, context: &str, word: &str) -> Option<String> {
    let at = doc
        .text
        .find(context)
        .unwrap_or_else(|| panic!("{context:?}"));
    let offset = context.find(word).unwrap_or_else(|| panic!("{word:?}"));
    let start = doc.text[..at + offset].chars().count();
    let end = start + word.chars().count();
    let k = doc
        .facts
        .iter()
        .position(|f| f.kind == FactKind::Organization && f.start == start && f.end == end)?;
    doc.entities
        .iter()
        .find(|e| e.facts.contains(&k))
        .map(|e| e.name.clone())
}

#[test]
fn a_regional_body_takes_its_tail_and_the_council_is_the_security_council() {
    let doc = parse_fixture("sc_regional_agency.txt");
    let full = "West African Coastal Security Agency";
    assert_eq!(
        mentions(&doc, "WACSA"),
        [
            full,
            "WACSA",
            full,
            "Security Agency",
            "Security Agency",
            full,
            // Her own agency, in her turn, although the IAEA is an agency too.
            "Agency",
            "Security Agency",
            "Security Agency",
            // After the ACSA's definition: that body is called `ACSA`, and
            // `the Security Agency` keeps meaning the one it meant.
            "Security Agency",
            "Security Agency",
            "Security Agency",
        ]
    );
    assert_eq!(mentions(&doc, "ACSA"), ["ACSA"]);
    assert_eq!(
        mentions(&doc, "IAEA"),
        ["International Atomic Energy Agency", "Agency"]
    );
    assert_eq!(
        mentions(&doc, "UNSC"),
        [
            "Security Council",
            "Council",
            "Council",
            "Council",
            "Council"
        ]
    );
    assert_eq!(
        linked(&doc, "This Council, one speaker", "Council").as_deref(),
        Some("UNSC")
    );
    assert_eq!(mentions(&doc, "HRC"), ["Human Rights Council"]);
    // Not linked: no `the` before a lone head word, `the Organization`,
    // and a head word right after another council in the same sentence,
    // which could mean either.
    for (context, word) in [
        ("Council members welcomed", "Council"),
        ("the Organization had a duty", "Organization"),
        ("the Council’s resolution had urged", "Council"),
        ("reports to the Council.", "Council"),
    ] {
        assert_eq!(linked(&doc, context, word), None, "{context}");
    }
}

#[test]
fn a_main_committee_and_a_treaty_body_each_keep_their_committee() {
    let doc = parse_fixture("ga_third_committee.txt");
    // The meeting's organ, before it is ever named, in the summary and in
    // the delegates' turns.
    assert_eq!(
        mentions(&doc, "Third Committee"),
        ["Committee", "Committee", "Committee"]
    );
    assert_eq!(
        linked(&doc, "The Committee today took up", "Committee").as_deref(),
        Some("Third Committee")
    );
    assert_eq!(
        linked(&doc, "The Committee will reconvene", "Committee").as_deref(),
        Some("Third Committee")
    );
    // In the turn of the treaty body's Chair, `the Committee` is hers.
    assert_eq!(
        mentions(&doc, "CRPD"),
        [
            "CRPD",
            "Committee on the Rights of Persons with Disabilities",
            "Committee",
            "Committee",
            "CRPD",
        ]
    );
    assert_eq!(
        mentions(&doc, "UNGA"),
        ["General Assembly", "Assembly", "Assembly"]
    );
    assert_eq!(mentions(&doc, "EU"), ["European Union", "Union"]);
    // A longer name, and a lower-case common noun.
    assert_eq!(linked(&doc, "the Committee of Experts", "Committee"), None);
    assert_eq!(linked(&doc, "the treaty body chose", "treaty body"), None);
}

#[test]
fn the_company_is_the_release_s_own_or_the_one_its_about_section_describes() {
    let doc = parse_fixture("corporate_company.txt");
    // Recognising company names is another pass's work: whatever name the
    // entity has, it is Brightwater Robotics, under its `About` heading.
    let company = |context: &str, word: &str| {
        linked(&doc, context, word).unwrap_or_else(|| panic!("{context} not linked"))
    };
    let own = company("the company expects", "company");
    assert!(own.starts_with("Brightwater Robotics"), "{own}");
    for (context, word) in [
        ("The Company will keep", "Company"),
        ("the company’s revenue", "company"),
        ("the company employs", "company"),
    ] {
        assert_eq!(company(context, word), own, "{context}");
    }
    let partner = company("The company is based in Cambridge", "company");
    assert!(partner.starts_with("Larkspur Bio"), "{partner}");
    let of_company = |name: &str| {
        mentions(&doc, name)
            .into_iter()
            .filter(|t| t.eq_ignore_ascii_case("company"))
            .count()
    };
    assert_eq!(of_company(&own), 4);
    assert_eq!(of_company(&partner), 1);
    assert_eq!(linked(&doc, "Neither a company nor", "company"), None);
    let lone_company_facts = doc
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Organization && f.text.eq_ignore_ascii_case("company"))
        .count();
    assert_eq!(lone_company_facts, 5);
}

#[test]
fn a_department_and_a_bureau_named_earlier_take_their_short_forms() {
    let doc = parse_fixture("state_department_bureau.txt");
    assert_eq!(mentions(&doc, "DOJ"), ["DOJ", "Department", "Department"]);
    assert_eq!(mentions(&doc, "HGCB"), ["HGCB", "Bureau", "Bureau"]);
    for (context, word) in [
        // Lower case, and other departments and bureaus by their full name.
        ("the department said", "department"),
        ("the Bureau of Consumer Affairs", "Bureau"),
        ("the Department of Labor", "Department"),
    ] {
        assert_eq!(linked(&doc, context, word), None, "{context}");
    }
}

#[test]
fn the_seed_s_treaty_organization_joins_the_collective_security_treaty_organization() {
    let Some(dir) = support::shared_corpus("org_links") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("sc-14794.txt")).expect("seed text");
    let doc = rapporteur::parse(&text);
    doc.check().expect("the seed keeps its invariants");
    assert_one_entity_each_and_no_overlap(&doc);
    let csto = mentions(&doc, "CSTO");
    let count = |text: &str| csto.iter().filter(|t| *t == text).count();
    // 15 in full; 38 `the Treaty Organization` (one capitalised) and 8 bare
    // (`a Treaty Organization force`, `United Nations-Treaty Organization
    // cooperation`). NATO, named in full once, keeps its own.
    assert_eq!(count("Collective Security Treaty Organization"), 15);
    assert_eq!(count("Treaty Organization"), 46);
    assert_eq!(csto.len(), 61);
    assert_eq!(mentions(&doc, "NATO"), ["NATO", "NATO", "NATO", "NATO"]);
    // The six `the Council` are the Security Council, the Gulf Cooperation
    // Council earlier in one paragraph notwithstanding.
    let council = mentions(&doc, "UNSC");
    assert_eq!(council.iter().filter(|t| *t == "Council").count(), 6);
}
