//! Grouping facts that name the same thing into entities ("NATO, 2
//! mentions"): organisations and countries by canonical name, the other
//! kinds by normalised value, quotes by their words.

use std::collections::HashMap;

use crate::lexicon::phrases::{is_apostrophe, FxBuild};

use super::value::FactValue;
use super::{Entity, Fact};

/// Entities in order of first mention; each lists its facts in text order.
pub fn group(facts: &[Fact]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<(super::FactKind, String), usize, FxBuild> = HashMap::default();
    for (k, fact) in facts.iter().enumerate() {
        let (name, expansion) = name_of(fact);
        let slot = *index.entry((fact.kind, name.clone())).or_insert_with(|| {
            entities.push(Entity {
                kind: fact.kind,
                name,
                expansion: None,
                facts: Vec::new(),
            });
            entities.len() - 1
        });
        let entity = &mut entities[slot];
        entity.facts.push(k);
        if entity.expansion.is_none() {
            entity.expansion = expansion;
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

/// The entity name of a fact, and the expansion it carries.
fn name_of(fact: &Fact) -> (String, Option<String>) {
    let name = match &fact.value {
        FactValue::Quantity(q) => {
            let mut parts = vec![number(q.number)];
            parts.extend(q.unit.clone());
            match (&q.unit, &q.counts) {
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
        FactValue::Date(d) => d.date.clone(),
        FactValue::Time(t) => t.time.clone(),
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
        FactValue::Document(d) => d.symbol.clone(),
        FactValue::Organization(o) => return (o.name.clone(), o.expansion.clone()),
        FactValue::Country(c) => c.name.clone(),
        FactValue::Quote(_) => fact
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(|c| if is_apostrophe(c) { '’' } else { c })
            .collect(),
    };
    (name, None)
}
