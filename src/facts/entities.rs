//! Grouping facts that name the same thing into entities ("NATO, 2
//! mentions"): organisations and countries by canonical name, the other
//! kinds by normalised value, quotes by their words.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::lexicon::phrases::{is_apostrophe, FxBuild};

use super::value::FactValue;
use super::{Entity, Fact, FactKind};

/// Entities in order of first mention; each lists its facts in text order.
pub fn group(facts: &[Fact]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<(FactKind, Cow<'_, str>), usize, FxBuild> = HashMap::default();
    for (k, fact) in facts.iter().enumerate() {
        let (name, expansion) = name_of(fact);
        let slot = match index.entry((fact.kind, name)) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                entities.push(Entity {
                    kind: fact.kind,
                    name: e.key().1.to_string(),
                    expansion: None,
                    facts: Vec::new(),
                });
                *e.insert(entities.len() - 1)
            }
        };
        let entity = &mut entities[slot];
        entity.facts.push(k);
        if entity.expansion.is_none() {
            entity.expansion = expansion.map(str::to_owned);
        }
    }
    entities
}

/// A number as a reader writes it: `3800`, `2.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn with_qualifier(qualifier: &Option<String>, rest: String) -> String {
    match qualifier {
        Some(q) => format!("{q} {rest}"),
        None => rest,
    }
}

/// The entity name of a fact, and the expansion it carries. Names that
/// the fact already holds are borrowed, not copied.
fn name_of(fact: &Fact) -> (Cow<'_, str>, Option<&str>) {
    let name = match &fact.value {
        FactValue::Quantity(q) => {
            let mut parts = vec![number(q.number)];
            match q.unit.as_deref() {
                Some("fold") => parts = vec![format!("{}-fold", number(q.number))],
                Some(unit) => parts.push(unit.to_owned()),
                None => {}
            }
            match (q.unit.as_deref(), &q.counts) {
                (Some("fold"), Some(c)) => parts.push(c.clone()),
                (Some(_), Some(c)) => parts.push(format!("of {c}")),
                (None, Some(c)) => parts.push(c.clone()),
                _ => {}
            }
            with_qualifier(&q.qualifier, parts.join(" "))
        }
        FactValue::Money(m) => {
            with_qualifier(&m.qualifier, format!("{} {}", number(m.amount), m.currency))
        }
        FactValue::Percent(p) => with_qualifier(&p.qualifier, format!("{}%", number(p.percent))),
        FactValue::Date(d) => return (Cow::Borrowed(&d.date), None),
        FactValue::Time(t) => return (Cow::Borrowed(&t.time), None),
        FactValue::Resolution(r) => {
            let mut name = match &r.session {
                Some(session) => format!("{session}/{}", r.number),
                None => r.number.to_string(),
            };
            if let Some(year) = r.year {
                name.push_str(&format!(" ({year})"));
            }
            name
        }
        FactValue::Document(d) => return (Cow::Borrowed(&d.symbol), None),
        FactValue::Organization(o) => return (Cow::Borrowed(&o.name), o.expansion.as_deref()),
        FactValue::Country(c) => return (Cow::Borrowed(&c.name), None),
        FactValue::Quote(_) => return (quote_key(&fact.text), None),
    };
    (Cow::Owned(name), None)
}

/// A quotation's words with spaces and apostrophes made uniform.
fn quote_key(text: &str) -> Cow<'_, str> {
    let uniform = !text.contains(['\'', '\u{02BC}'])
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ');
    if uniform {
        return Cow::Borrowed(text);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    Cow::Owned(
        words
            .join(" ")
            .chars()
            .map(|c| if is_apostrophe(c) { '’' } else { c })
            .collect(),
    )
}
