#![cfg(not(target_arch = "wasm32"))]
//! Fact extraction through the public API: every kind and form with exact
//! values on text written for these tests, the conformance test on the
//! shared corpus, and a property test over generated text.

mod support;

use std::path::Path;

use rapporteur::facts::{extract, Fact, FactKind, FactValue};
use rapporteur::lexicon::countries;
use rapporteur::Document;
use serde_json::{json, Value};
use support::Generator;

// ---------------------------------------------------------------- helpers

/// Parses `text`, gives the document `date`, and extracts again.
fn document(text: &str, date: Option<&str>) -> Document {
    let mut doc = rapporteur::parse(text);
    doc.date = date.map(str::to_owned);
    let (facts, entities) = extract(&doc);
    doc.facts = facts;
    doc.entities = entities;
    doc
}

/// (text, value as JSON) of the facts of one kind.
fn facts_of(doc: &Document, kind: FactKind) -> Vec<(String, Value)> {
    doc.facts
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| (f.text.clone(), serde_json::to_value(&f.value).unwrap()))
        .collect()
}

fn kind(text: &str, kind: FactKind) -> Vec<(String, Value)> {
    facts_of(&document(text, None), kind)
}

fn pair(text: &str, value: Value) -> (String, Value) {
    (text.to_owned(), value)
}

fn quantity(number: Value, unit: Value, counts: Value, qualifier: Value) -> Value {
    json!({"number": number, "upper": null, "unit": unit, "counts": counts, "qualifier": qualifier})
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/facts")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ------------------------------------------------------------- quantities

#[test]
fn quantity_counts_the_head_noun_past_its_modifiers() {
    assert_eq!(
        kind(
            "A team of 2,400 fully equipped and recently certified medics arrived.",
            FactKind::Quantity
        ),
        [pair(
            "2,400",
            quantity(json!(2400), Value::Null, json!("medics"), Value::Null)
        )]
    );
}

#[test]
fn quantity_with_a_unit_and_what_it_measures() {
    assert_eq!(
        kind(
            "Output rose by 5,100 tons, equal to 410 tons of raw opium; seizures \
             reached around 2 tons (1,950 kilograms) in all.",
            FactKind::Quantity
        ),
        [
            pair(
                "5,100 tons",
                quantity(json!(5100), json!("ton"), Value::Null, Value::Null)
            ),
            pair(
                "410 tons",
                quantity(json!(410), json!("ton"), json!("raw opium"), Value::Null)
            ),
            pair(
                "2 tons",
                quantity(json!(2), json!("ton"), Value::Null, json!("around"))
            ),
            pair(
                "1,950 kilograms",
                quantity(json!(1950), json!("kg"), Value::Null, Value::Null)
            ),
        ]
    );
}

#[test]
fn quantity_approximations_are_qualifiers_outside_the_span() {
    assert_eq!(
        kind(
            "There are over 4,500 fighters and more than 30 camps, \
             an almost fourfold increase.",
            FactKind::Quantity
        ),
        [
            pair(
                "4,500",
                quantity(json!(4500), Value::Null, json!("fighters"), json!("over"))
            ),
            pair(
                "30",
                quantity(json!(30), Value::Null, json!("camps"), json!("more than"))
            ),
            pair(
                "fourfold",
                quantity(json!(4), json!("fold"), json!("increase"), json!("almost"))
            ),
        ]
    );
}

#[test]
fn quantity_in_words_and_with_multipliers() {
    assert_eq!(
        kind(
            "It held seven large-scale naval exercises; some 2.4 million people \
             fled and two million riders stayed.",
            FactKind::Quantity
        ),
        [
            pair(
                "seven",
                quantity(json!(7), Value::Null, json!("exercises"), Value::Null)
            ),
            pair(
                "2.4 million",
                quantity(json!(2400000), Value::Null, json!("people"), json!("some"))
            ),
            pair(
                "two million",
                quantity(json!(2000000), Value::Null, json!("riders"), Value::Null)
            ),
        ]
    );
}

#[test]
fn quantity_units_are_normalised() {
    let found = kind(
        "A 114 MW farm, a 10 GW pipeline, about 38,000 square kilometres of grazing land, \
         a 30-year plan, 15 hectares and 140 miles of trails.",
        FactKind::Quantity,
    );
    let units: Vec<(&str, &Value, &Value)> = found
        .iter()
        .map(|(t, v)| (t.as_str(), &v["unit"], &v["counts"]))
        .collect();
    assert_eq!(
        units,
        [
            ("114 MW", &json!("MW"), &Value::Null),
            ("10 GW", &json!("GW"), &Value::Null),
            (
                "38,000 square kilometres",
                &json!("km2"),
                &json!("grazing land")
            ),
            ("30-year", &json!("year"), &Value::Null),
            ("15 hectares", &json!("ha"), &Value::Null),
            ("140 miles", &json!("mi"), &json!("trails")),
        ]
    );
}

#[test]
fn phone_numbers_codes_and_model_names_are_not_quantities() {
    let text = "Call 714-555-0134 or (800) 555-0199. Case #: 22CV001234. \
                The V-150 turbine cuts CO2; A4P+ and the C5+1 format; open 24/7 on 3G/4G.";
    assert_eq!(kind(text, FactKind::Quantity), []);
    assert_eq!(kind(text, FactKind::Percent), []);
    assert_eq!(kind(text, FactKind::Date), []);
    assert_eq!(kind(text, FactKind::Organization), []);
}

// ------------------------------------------------------------------ money

#[test]
fn money_in_every_currency_form() {
    let money = |amount: Value, currency: &str, qualifier: Value| json!({"amount": amount, "upper": null, "currency": currency, "qualifier": qualifier});
    assert_eq!(
        kind(
            "It pledged $1 billion, then US$ 2.5 million, €40 million and £3bn; \
             the fund holds approximately $55 billion, or $7,500,000 and $7.5 Million.",
            FactKind::Money
        ),
        [
            pair("$1 billion", money(json!(1000000000), "USD", Value::Null)),
            pair("US$ 2.5 million", money(json!(2500000), "USD", Value::Null)),
            pair("€40 million", money(json!(40000000), "EUR", Value::Null)),
            pair("£3bn", money(json!(3000000000u64), "GBP", Value::Null)),
            pair(
                "$55 billion",
                money(json!(55000000000u64), "USD", json!("approximately"))
            ),
            pair("$7,500,000", money(json!(7500000), "USD", Value::Null)),
            pair("$7.5 Million", money(json!(7500000), "USD", Value::Null)),
        ]
    );
}

// ------------------------------------------------------------ percentages

#[test]
fn percent_forms() {
    let percent = |p: Value, q: Value| json!({"percent": p, "upper": null, "qualifier": q});
    assert_eq!(
        kind(
            "Only 12 per cent, then 12%, then 12 percent and over 23.5 per cent.",
            FactKind::Percent
        ),
        [
            pair("12 per cent", percent(json!(12), Value::Null)),
            pair("12%", percent(json!(12), Value::Null)),
            pair("12 percent", percent(json!(12), Value::Null)),
            pair("23.5 per cent", percent(json!(23.5), json!("over"))),
        ]
    );
}

// ------------------------------------------------------------------ dates

fn date(iso: &str, year: Value, month: Value, day: Value, inferred: bool) -> Value {
    json!({"date": iso, "year": year, "month": month, "day": day, "year_inferred": inferred})
}

#[test]
fn full_dates_in_both_orders() {
    assert_eq!(
        kind(
            "The summit on 27 January 2022 was moved to January 27, 2022.",
            FactKind::Date
        ),
        [
            pair(
                "27 January 2022",
                date("2022-01-27", json!(2022), json!(1), json!(27), false)
            ),
            pair(
                "January 27, 2022",
                date("2022-01-27", json!(2022), json!(1), json!(27), false)
            ),
        ]
    );
}

#[test]
fn a_day_without_a_year_takes_the_documents_year_or_stays_open() {
    let text = "Medics deployed on 9 February and left on April 27.";
    assert_eq!(
        facts_of(&document(text, None), FactKind::Date),
        [
            pair(
                "9 February",
                date("--02-09", Value::Null, json!(2), json!(9), false)
            ),
            pair(
                "April 27",
                date("--04-27", Value::Null, json!(4), json!(27), false)
            ),
        ]
    );
    assert_eq!(
        facts_of(&document(text, Some("2023-06-21")), FactKind::Date),
        [
            pair(
                "9 February",
                date("2023-02-09", json!(2023), json!(2), json!(9), true)
            ),
            pair(
                "April 27",
                date("2023-04-27", json!(2023), json!(4), json!(27), true)
            ),
        ]
    );
}

#[test]
fn bare_years_and_months_in_context() {
    let doc = document(
        "It began in 2021, since late October 2021, and in January; \
         fiscal years 2016 and 2019; the Agenda 2063 plan; 2000 cases.",
        Some("2022-02-10"),
    );
    assert_eq!(
        facts_of(&doc, FactKind::Date),
        [
            pair(
                "2021",
                date("2021", json!(2021), Value::Null, Value::Null, false)
            ),
            pair(
                "October 2021",
                date("2021-10", json!(2021), json!(10), Value::Null, false)
            ),
            pair(
                "January",
                date("2022-01", json!(2022), json!(1), Value::Null, true)
            ),
            pair(
                "2016",
                date("2016", json!(2016), Value::Null, Value::Null, false)
            ),
            pair(
                "2019",
                date("2019", json!(2019), Value::Null, Value::Null, false)
            ),
        ]
    );
}

#[test]
fn may_and_march_as_verbs_are_not_dates() {
    assert_eq!(
        kind(
            "Delegates May object. March with us. Other months: in May.",
            FactKind::Date
        ),
        [pair(
            "May",
            date("--05", Value::Null, json!(5), Value::Null, false)
        )]
    );
}

// ------------------------------------------------------------------ times

#[test]
fn times_are_24_hour() {
    let time = |t: &str| json!({ "time": t });
    assert_eq!(
        kind(
            "It began at 9:42 a.m., paused at noon and ended at 2:26 p.m.; \
             the next opens at 10 a.m. or 15:30.",
            FactKind::Time
        ),
        [
            pair("9:42 a.m.", time("09:42")),
            pair("noon", time("12:00")),
            pair("2:26 p.m.", time("14:26")),
            pair("10 a.m.", time("10:00")),
            pair("15:30", time("15:30")),
        ]
    );
}

// ----------------------------------------------------- resolutions, symbols

#[test]
fn resolutions_one_fact_each() {
    let resolution = |n: u32, y: Value| json!({"number": n, "year": y, "session": null});
    assert_eq!(
        kind(
            "Under Council resolution 2702 (2023), and resolutions 2593 (2021) \
             and 2615 (2021), as well as resolution 1325.",
            FactKind::Resolution
        ),
        [
            pair("resolution 2702 (2023)", resolution(2702, json!(2023))),
            pair("resolutions 2593 (2021)", resolution(2593, json!(2021))),
            pair("2615 (2021)", resolution(2615, json!(2021))),
            pair("resolution 1325", resolution(1325, Value::Null)),
        ]
    );
    assert_eq!(
        kind(
            "General Assembly resolution 76/262 applies.",
            FactKind::Resolution
        ),
        [pair(
            "resolution 76/262",
            json!({"number": 262, "year": null, "session": "76"})
        )]
    );
}

#[test]
fn un_document_symbols() {
    assert_eq!(
        kind(
            "See S/2022/123, A/76/L.5 and SG/SM/20000. Not HIV/AIDS or 24/7.",
            FactKind::Document
        ),
        [
            pair(
                "S/2022/123",
                json!({"symbol": "S/2022/123", "body": "Security Council"})
            ),
            pair(
                "A/76/L.5",
                json!({"symbol": "A/76/L.5", "body": "General Assembly"})
            ),
            pair(
                "SG/SM/20000",
                json!({"symbol": "SG/SM/20000", "body": "Secretary-General"})
            ),
        ]
    );
}

// ---------------------------------------------------------- organisations

fn org(name: &str, expansion: Option<&str>) -> Value {
    json!({"name": name, "expansion": expansion})
}

#[test]
fn a_defined_acronym_has_its_expansion_everywhere() {
    let doc = document(
        "The MOC met.\n\nThe Maritime Observation Commission (MOC) reported.\n\nThe MOC’s staff.",
        None,
    );
    let expansion = Some("Maritime Observation Commission");
    assert_eq!(
        facts_of(&doc, FactKind::Organization),
        [
            pair("MOC", org("MOC", expansion)),
            pair("MOC", org("MOC", expansion)),
            pair("MOC", org("MOC", expansion)),
        ]
    );
    // Each fact stays within its paragraph.
    let paragraphs: Vec<usize> = doc.facts.iter().map(|f| f.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2]);
}

#[test]
fn built_in_organisations_by_acronym_or_name() {
    assert_eq!(
        kind(
            "NATO, ECOWAS, IGAD, ECCAS, the OAS, UNODC and UNIFIL met the African Union \
             and the Collective Security Treaty Organization.",
            FactKind::Organization
        ),
        [
            pair(
                "NATO",
                org("NATO", Some("North Atlantic Treaty Organization"))
            ),
            pair(
                "ECOWAS",
                org("ECOWAS", Some("Economic Community of West African States"))
            ),
            pair(
                "IGAD",
                org("IGAD", Some("Intergovernmental Authority on Development"))
            ),
            pair(
                "ECCAS",
                org(
                    "ECCAS",
                    Some("Economic Community of Central African States")
                )
            ),
            pair("OAS", org("OAS", Some("Organization of American States"))),
            pair(
                "UNODC",
                org("UNODC", Some("United Nations Office on Drugs and Crime"))
            ),
            pair(
                "UNIFIL",
                org("UNIFIL", Some("United Nations Interim Force in Lebanon"))
            ),
            pair("African Union", org("AU", Some("African Union"))),
            pair(
                "Collective Security Treaty Organization",
                org("CSTO", Some("Collective Security Treaty Organization"))
            ),
        ]
    );
}

#[test]
fn a_spelling_variant_keeps_the_built_in_expansion() {
    assert_eq!(
        kind(
            "The Organization for Security and Cooperation in Europe (OSCE) spoke.",
            FactKind::Organization
        ),
        [pair(
            "OSCE",
            org(
                "OSCE",
                Some("Organization for Security and Co-operation in Europe")
            )
        )]
    );
}

#[test]
fn a_definition_starts_at_a_capital_not_at_of() {
    assert_eq!(
        kind(
            "She cited the Organization of American States (OAS), and the OAS again.",
            FactKind::Organization
        ),
        [
            pair("OAS", org("OAS", Some("Organization of American States"))),
            pair("OAS", org("OAS", Some("Organization of American States"))),
        ]
    );
}

#[test]
fn acronyms_are_organisations_only_when_known_defined_or_listed_beside_one() {
    // `CCSAO` stands in a list beside the FBI; `UKCA`, `IVDR` and the
    // code name `CHANNEL` are a mark, a regulation and an operation.
    assert_eq!(
        kind(
            "The CCSAO and the FBI agreed. ZHANG WEI (China) and T. S. RAO (India) spoke; \
             PAOLO D’ANGELO too. lesbian, gay, bisexual, transgender and intersex (LGBTI+) \
             people; the SDGs; Chapter VIII. The kit carries the UKCA mark under IVDR rules, \
             seized in operation CHANNEL.",
            FactKind::Organization
        ),
        [
            pair("CCSAO", org("CCSAO", None)),
            pair("FBI", org("FBI", Some("Federal Bureau of Investigation"))),
        ]
    );
}

// -------------------------------------------------------------- countries

#[test]
fn countries_by_name_short_form_and_possessive() {
    let country = |n: &str| json!({ "name": n });
    assert_eq!(
        kind(
            "Kazakhstan’s envoy, Russia, the UK, Turkey, Vietnam, Côte d'Ivoire, \
             Bosnia and Herzegovina, Trinidad and Tobago, Saint Vincent and the Grenadines, \
             the United Kingdom of Great Britain and Northern Ireland, the Holy See and the \
             State of Palestine; not the European Union nor Northern Ireland.",
            FactKind::Country
        ),
        [
            pair("Kazakhstan", country("Kazakhstan")),
            pair("Russia", country("Russian Federation")),
            pair("UK", country("United Kingdom")),
            pair("Turkey", country("Türkiye")),
            pair("Vietnam", country("Viet Nam")),
            pair("Côte d'Ivoire", country("Côte d’Ivoire")),
            pair("Bosnia and Herzegovina", country("Bosnia and Herzegovina")),
            pair("Trinidad and Tobago", country("Trinidad and Tobago")),
            pair(
                "Saint Vincent and the Grenadines",
                country("Saint Vincent and the Grenadines")
            ),
            pair(
                "United Kingdom of Great Britain and Northern Ireland",
                country("United Kingdom")
            ),
            pair("Holy See", country("Holy See")),
            pair("State of Palestine", country("State of Palestine")),
        ]
    );
}

#[test]
fn the_country_lexicon_is_complete_and_public() {
    use countries::Status;
    let members = countries::COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Member)
        .count();
    let observers = countries::COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Observer)
        .count();
    assert_eq!((members, observers), (193, 2));
    assert_eq!(
        countries::canonical("the United States"),
        Some("United States")
    );
    assert_eq!(countries::canonical("Türkiye"), Some("Türkiye"));
    assert_eq!(countries::canonical("Cote d’Ivoire"), Some("Côte d’Ivoire"));
    assert_eq!(countries::canonical("European Union"), None);
    let found = countries::find_all("Guinea-Bissau, Guinea and Papua New Guinea");
    let names: Vec<&str> = found.iter().map(|m| m.name).collect();
    assert_eq!(names, ["Guinea-Bissau", "Guinea", "Papua New Guinea"]);
}

// ------------------------------------------------------------------ quotes

fn quote(scare: bool, words: usize, attribution: Option<&str>) -> Value {
    json!({"scare": scare, "words": words, "attribution": attribution})
}

#[test]
fn quotes_without_marks_and_trailing_comma() {
    assert_eq!(
        kind(
            "“The sea lanes are no longer safe,” said Ilse Marten, the Director. \
             She added:  “Our partnership was central to our work.”",
            FactKind::Quote
        ),
        [
            pair(
                "The sea lanes are no longer safe",
                quote(false, 7, Some("Ilse Marten"))
            ),
            pair(
                "Our partnership was central to our work.",
                quote(false, 7, None)
            ),
        ]
    );
}

#[test]
fn scare_quotes_and_straight_quotes() {
    assert_eq!(
        kind(
            "He rejected such “wishful thinking” and \"bloc games\", saying \"We will not wait for others.\"",
            FactKind::Quote
        ),
        [
            pair("wishful thinking", quote(true, 2, None)),
            pair("bloc games", quote(true, 2, None)),
            pair("We will not wait for others.", quote(false, 6, None)),
        ]
    );
}

#[test]
fn facts_carry_the_speaker_of_their_turn() {
    let mut doc = rapporteur::parse("Intro.\n\nANA ROS (Chile) said 40 per cent “is too little”.");
    doc.paragraphs[1].speaker = Some(3);
    let (facts, _) = extract(&doc);
    let speakers: Vec<(FactKind, Option<usize>)> =
        facts.iter().map(|f| (f.kind, f.speaker)).collect();
    assert_eq!(
        speakers,
        [
            (FactKind::Country, Some(3)),
            (FactKind::Percent, Some(3)),
            (FactKind::Quote, Some(3)),
        ]
    );
}

// ---------------------------------------------------------------- entities

#[test]
fn entities_group_mentions() {
    let doc = document(&fixture("briefing.txt"), None);
    let find = |kind: FactKind, name: &str| {
        doc.entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    };
    // Defined once, "(RFCA)", then named by acronym twice, in full once
    // and by its short form once ("Director-General of the Agency").
    let agency = find(FactKind::Organization, "RFCA");
    assert_eq!(
        agency.expansion.as_deref(),
        Some("Regional Fire Coordination Agency")
    );
    assert_eq!(agency.facts.len(), 5);
    for &k in &agency.facts {
        assert_eq!(doc.facts[k].kind, FactKind::Organization);
    }
    // "(Uruguay)" in the opener and "Uruguay’s delegate".
    assert_eq!(find(FactKind::Country, "Uruguay").facts.len(), 2);
    assert_eq!(find(FactKind::Money, "26000000 EUR").facts.len(), 1);
    assert_eq!(find(FactKind::Money, "3100000 USD").facts.len(), 1);
    assert_eq!(
        find(FactKind::Quantity, "nearly 3-fold rise").facts.len(),
        1
    );
    assert_eq!(find(FactKind::Resolution, "2573 (2021)").facts.len(), 1);
    // Every fact is in exactly one entity.
    let mut seen: Vec<usize> = doc.entities.iter().flat_map(|e| e.facts.clone()).collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..doc.facts.len()).collect::<Vec<_>>());
}

#[test]
fn the_briefing_fixture_has_one_fact_of_every_kind() {
    let doc = document(&fixture("briefing.txt"), Some("2023-06-21"));
    for kind in [
        FactKind::Quantity,
        FactKind::Money,
        FactKind::Percent,
        FactKind::Date,
        FactKind::Time,
        FactKind::Resolution,
        FactKind::Document,
        FactKind::Organization,
        FactKind::Country,
        FactKind::Quote,
    ] {
        assert!(doc.facts.iter().any(|f| f.kind == kind), "{kind:?}");
    }
    assert!(doc
        .facts
        .iter()
        .any(|f| f.text == "14 May" && f.value_json()["date"] == "2023-05-14"));
    check_invariants(&doc);
}

#[test]
fn facts_round_trip_through_json() {
    let doc = document(&fixture("briefing.txt"), Some("2023-06-21"));
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.facts, doc.facts);
    assert_eq!(back.entities, doc.entities);
    // Whole numbers are JSON integers.
    let value: Value = serde_json::from_str(&json).unwrap();
    let money = value["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "money")
        .unwrap();
    assert!(money["value"]["amount"].is_u64());
}

trait ValueJson {
    fn value_json(&self) -> Value;
}

impl ValueJson for Fact {
    fn value_json(&self) -> Value {
        serde_json::to_value(&self.value).unwrap()
    }
}

// ------------------------------------------------------------- conformance

/// Spaces as the gold writes them: the corpus has no-break spaces where
/// the gold has plain ones.
fn plain_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every entry of `facts_sample` is found: a fact of that kind whose text
/// equals the gold text (spaces made plain), with the gold's `counts` and
/// `expansion`. The two quote speakers are left to the parser, which
/// attributes quotes.
#[test]
fn conformance_with_the_gold_sample() {
    let Some(dir) = support::shared_corpus("conformance_with_the_gold_sample") else {
        return;
    };
    let text = std::fs::read_to_string(dir.join("sc-14794.txt")).unwrap();
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("sc-14794.gold.json")).unwrap())
            .unwrap();
    let doc = rapporteur::parse(&text);
    check_invariants(&doc);
    let sample = gold["facts_sample"].as_array().unwrap();
    assert!(!sample.is_empty());
    let mut missing = Vec::new();
    for entry in sample {
        let kind: FactKind = serde_json::from_value(entry["kind"].clone()).unwrap();
        let text = entry["text"].as_str().unwrap();
        let found = doc.facts.iter().any(|f| {
            let value = f.value_json();
            f.kind == kind
                && plain_spaces(&f.text) == text
                && entry
                    .get("counts")
                    .is_none_or(|c| value.get("counts") == Some(c))
                && entry
                    .get("expansion")
                    .is_none_or(|e| value.get("expansion") == Some(e))
                && entry
                    .get("speaker")
                    .is_none_or(|name| speaker_name(&doc, f) == name.as_str())
        });
        if !found {
            missing.push(entry.clone());
        }
    }
    assert!(missing.is_empty(), "not found: {missing:#?}");
    // A quote the gold attributes is attributed so wherever it appears: in
    // the speaker's turn and in the summary ("..., he stressed").
    for entry in sample.iter().filter(|e| e.get("speaker").is_some()) {
        let text = entry["text"].as_str().unwrap();
        for fact in doc.facts.iter().filter(|f| plain_spaces(&f.text) == text) {
            assert_eq!(
                speaker_name(&doc, fact),
                entry["speaker"].as_str(),
                "{text}"
            );
        }
    }
    // And the values of a few, exactly.
    let value_of = |text: &str| {
        doc.facts
            .iter()
            .find(|f| plain_spaces(&f.text) == text)
            .map(Fact::value_json)
            .unwrap()
    };
    assert_eq!(
        value_of("$1 billion"),
        json!({"amount": 1000000000, "upper": null, "currency": "USD", "qualifier": null})
    );
    assert_eq!(value_of("27 January 2022")["date"], "2022-01-27");
    assert_eq!(value_of("6,000")["qualifier"], "over");
    assert_eq!(
        value_of("resolution 2616 (2021)"),
        json!({"number": 2616, "year": 2021, "session": null})
    );
}

/// The corpus guard itself: a missing corpus is a failure under CI and a
/// loud skip elsewhere; a corpus with both files is used.
#[test]
fn a_missing_corpus_fails_under_ci_and_is_skipped_loudly_elsewhere() {
    let dir = std::env::temp_dir().join(format!("rapporteur-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let error = support::corpus_or_skip(&dir, "guard", true).unwrap_err();
    assert!(
        error.contains("guard: the shared corpus is missing"),
        "{error}"
    );
    assert!(error.contains("CI=true"), "{error}");
    assert_eq!(support::corpus_or_skip(&dir, "guard", false), Ok(None));
    // Half a corpus (the text without its gold file) is still missing.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sc-14794.txt"), "text").unwrap();
    assert!(support::corpus_or_skip(&dir, "guard", true).is_err());
    std::fs::write(dir.join("sc-14794.gold.json"), "{}").unwrap();
    for ci in [true, false] {
        assert_eq!(
            support::corpus_or_skip(&dir, "guard", ci),
            Ok(Some(dir.clone()))
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The name of the speaker a fact is attributed to.
fn speaker_name<'a>(doc: &'a Document, fact: &Fact) -> Option<&'a str> {
    fact.speaker
        .and_then(|s| doc.speakers.get(s))
        .map(|s| s.name.as_str())
}

// ---------------------------------------------------------- property test

/// The invariants every document's facts keep.
fn check_invariants(doc: &Document) {
    let chars: Vec<char> = doc.text.chars().collect();
    for (k, f) in doc.facts.iter().enumerate() {
        let p = &doc.paragraphs[f.paragraph];
        assert!(
            p.start <= f.start && f.start < f.end && f.end <= p.end,
            "fact {k} {:?} outside its paragraph",
            f.text
        );
        let text: String = chars[f.start..f.end].iter().collect();
        assert_eq!(text, f.text, "fact {k}");
        assert_eq!(f.value.kind(), f.kind);
        // A range's upper end lies above its lower end.
        let ends = match &f.value {
            FactValue::Quantity(q) => Some((q.number, q.upper)),
            FactValue::Money(m) => Some((m.amount, m.upper)),
            FactValue::Percent(p) => Some((p.percent, p.upper)),
            _ => None,
        };
        if let Some((lower, Some(upper))) = ends {
            assert!(lower < upper, "fact {k} {:?}: {lower} to {upper}", f.text);
        }
        // The turn's speaker, or the speaker a quotation is attributed to.
        if f.speaker != p.speaker {
            let quoted = doc.facts.iter().any(|q| {
                q.kind == rapporteur::facts::FactKind::Quote
                    && q.start <= f.start
                    && f.end <= q.end + 1
            });
            assert!(
                quoted,
                "fact {k} {:?}: speaker {:?}, paragraph's {:?}",
                f.text, f.speaker, p.speaker
            );
        }
    }
    // No two facts of one kind overlap; facts come in text order.
    for (k, a) in doc.facts.iter().enumerate() {
        if let Some(b) = doc.facts.get(k + 1) {
            assert!(a.start <= b.start);
        }
        for b in &doc.facts[k + 1..] {
            if b.start >= a.end {
                break;
            }
            assert!(a.kind != b.kind, "{:?} overlaps {:?}", a.text, b.text);
        }
    }
    for e in &doc.entities {
        assert!(!e.facts.is_empty());
        for &k in &e.facts {
            assert!(k < doc.facts.len());
            assert_eq!(doc.facts[k].kind, e.kind);
        }
    }
}

/// Pieces that trigger every scanner, and the characters that trip
/// careless slicing.
const PIECES: &[&str] = &[
    "1,150",
    "2.4",
    "million",
    "$",
    "US$",
    "€",
    "£",
    "3bn",
    "per cent",
    "%",
    "percent",
    "27",
    "January",
    "May",
    "2022",
    ",",
    ".",
    "(",
    ")",
    "9:42",
    "a.m.",
    "p.m.",
    "noon",
    "resolution",
    "resolutions",
    "2719",
    "(2023)",
    "and",
    "S/2023/415",
    "A/76/L.5",
    "NATO",
    "OSCE",
    "Organization for Security and Co-operation in Europe",
    "(OSCE)",
    "Russia",
    "Côte",
    "d’Ivoire",
    "d'Ivoire",
    "Guinea-Bissau",
    "Uruguay’s",
    "the",
    "“",
    "”",
    "\"",
    "’",
    "'",
    "said",
    "Paulo",
    "Arantes",
    "medics",
    "tons",
    "of",
    "retardant",
    "over",
    "around",
    "almost",
    "threefold",
    "eight",
    "twenty-five",
    "-",
    // Ranges, changes and qualifiers read whole.
    "10–15 tons",
    "between 3 and 5 million",
    "0.15 to 0.2",
    "$2–3",
    "2-3",
    "to",
    "between",
    "–",
    "from",
    "rose",
    "votes",
    "no",
    "fewer",
    "than",
    "well",
    "Agenda",
    "2030",
    "of",
    "1884",
    "Treaty",
    "—",
    "‑",
    "/",
    ":",
    "714-555-0134",
    "CO2",
    "V-150",
    "ZHANG",
    "WEI",
    "é",
    "🎉",
    "東京",
    "\u{a0}",
    "\u{202f}",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
    "\u{301}",
    "0",
    "9",
    "12",
    "1,2",
    "1.",
    "$1",
    "US",
    "UK",
    "in",
    "since",
    "tonś",
    "naïve",
    "Ærø",
    "ÉTATS",
    "Jan.",
    "’s",
    "(AM)",
    "fold",
    "-fold",
    "www.",
    "@",
    "https://x.org/2021",
    "km²",
    "°C",
    "¥",
    "₹",
    "½",
];

fn generated(g: &mut Generator) -> String {
    let mut text = String::new();
    let pieces = 1 + g.below(60);
    for _ in 0..pieces {
        text.push_str(g.pick(PIECES));
        if g.below(3) > 0 {
            text.push(' ');
        }
        if g.below(12) == 0 {
            // A random code point, any plane.
            if let Some(c) = char::from_u32(g.below(0x11_0000) as u32) {
                text.push(c);
            }
        }
    }
    text
}

#[test]
fn property_facts_keep_their_invariants_on_generated_text() {
    for seed in [0x9E37_79B9_7F4A_7C15, 0x2545_F491_4F6C_DD1D, 7] {
        let mut g = Generator(seed);
        let ranges = generated_documents_keep_invariants(&mut g, 2000);
        // The generator makes ranges too, so that their invariant is tried.
        assert!(ranges > 0, "seed {seed:#x}: no range generated");
    }
}

/// Checks `rounds` generated documents; returns how many ranges they held.
fn generated_documents_keep_invariants(g: &mut Generator, rounds: usize) -> usize {
    let mut ranges = 0;
    for round in 0..rounds {
        let text = generated(g);
        let mut doc = rapporteur::parse(&text);
        // Some turns, so that the speaker copy is exercised too.
        for (k, p) in doc.paragraphs.iter_mut().enumerate() {
            p.speaker = (k % 2 == 1).then_some(k);
        }
        if round % 3 == 0 {
            doc.date = Some("2022-02-10".to_owned());
        }
        let (facts, entities) = extract(&doc);
        doc.facts = facts;
        doc.entities = entities;
        check_invariants(&doc);
        ranges += doc
            .facts
            .iter()
            .filter(|f| {
                matches!(&f.value, FactValue::Quantity(q) if q.upper.is_some())
                    || matches!(&f.value, FactValue::Money(m) if m.upper.is_some())
                    || matches!(&f.value, FactValue::Percent(p) if p.upper.is_some())
            })
            .count();
    }
    ranges
}

#[test]
fn long_lines_and_lone_marks_do_not_panic() {
    let inputs = [
        "“".repeat(100_000),
        "\"".repeat(100_001),
        "9".repeat(200_000),
        "A".repeat(200_000),
        "(".repeat(50_000) + "OSCE)",
        "$".repeat(10_000) + "1",
        format!("{} 3,800 troops", "x ".repeat(400_000)),
        "Republic of ".repeat(50_000),
        "1,".repeat(100_000),
        "é—".repeat(100_000),
    ];
    for input in inputs {
        let doc = rapporteur::parse(&input);
        check_invariants(&doc);
    }
}

#[test]
fn a_five_megabyte_line_is_one_paragraph_and_does_not_panic() {
    let mut g = Generator(42);
    let mut line = String::new();
    while line.len() < 5_000_000 {
        line.push_str(g.pick(PIECES).trim_matches('\n'));
        line.push(' ');
    }
    let doc = rapporteur::parse(&line);
    assert_eq!(doc.paragraphs.len(), 1);
    assert!(!doc.facts.is_empty());
    check_invariants(&doc);
}
