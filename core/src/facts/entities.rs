//! Grouping facts that name the same thing into entities ("NATO, 2
//! mentions"): organisations and countries by canonical name, the other
//! kinds by normalised value, quotes by their words. A short form of an
//! organisation (`the Treaty Organization`, `the Council`) carries the value
//! of the one it stands for (`org_links`), so it joins that entity here.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::BuildHasher;

use crate::lexicon::phrases::{is_apostrophe, FxBuild};

use super::value::FactValue;
use super::{Entity, Fact};

/// Entities in order of first mention; each lists its facts in text order.
pub fn group(facts: &[Fact]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    // Keyed by the hash of the kind's number and the name, written into one
    // reused buffer, so that a mention of a known entity allocates nothing
    // and a new one allocates only its own name. The entity found is
    // checked against the name; two names with one hash (which 64 bits
    // make all but impossible) are told apart by a search of the entities.
    let mut index: HashMap<u64, usize, FxBuild> =
        HashMap::with_capacity_and_hasher(facts.len(), FxBuild::default());
    let mut key = String::new();
    for (k, fact) in facts.iter().enumerate() {
        key.clear();
        key.push(char::from(b'a' + fact.kind as u8));
        write_name(fact, &mut key);
        let name = &key[1..];
        let hash = FxBuild::default().hash_one(key.as_str());
        let is_this = |entity: &Entity| entity.kind == fact.kind && entity.name == name;
        let slot = match index.get(&hash) {
            Some(&slot) if is_this(&entities[slot]) => Some(slot),
            Some(_) => entities.iter().position(is_this),
            None => None,
        };
        let slot = slot.unwrap_or_else(|| {
            entities.push(Entity {
                kind: fact.kind,
                name: name.to_owned(),
                expansion: None,
                facts: Vec::new(),
            });
            index.entry(hash).or_insert(entities.len() - 1);
            entities.len() - 1
        });
        let entity = &mut entities[slot];
        entity.facts.push(k);
        if entity.expansion.is_none() {
            if let FactValue::Organization(o) = &fact.value {
                entity.expansion = o.expansion.as_deref().map(str::to_owned);
            }
        }
    }
    entities
}

/// A number as a reader writes it: `3800`, `2.5`.
fn write_number(out: &mut String, n: f64) {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        write_integer(out, n as i64);
    } else {
        out.push_str(&crate::text::shortest(n));
    }
}

/// `n` in decimal, as `{}` writes it, without the formatting machinery:
/// this runs for most facts of a long document.
fn write_integer(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A number, or both ends of a range joined by an en dash (`10–15`).
fn write_range(out: &mut String, number: f64, upper: Option<f64>) {
    write_number(out, number);
    if let Some(upper) = upper {
        out.push('–');
        write_number(out, upper);
    }
}

fn write_qualifier(out: &mut String, qualifier: &Option<String>) {
    if let Some(q) = qualifier {
        out.push_str(q);
        out.push(' ');
    }
}

/// Appends the entity name of a fact to `out`.
fn write_name(fact: &Fact, out: &mut String) {
    match &fact.value {
        FactValue::Quantity(q) => {
            write_qualifier(out, &q.qualifier);
            write_range(out, q.number, q.upper);
            match q.unit.as_deref() {
                Some("fold") => out.push_str("-fold"),
                Some(unit) => {
                    out.push(' ');
                    out.push_str(unit);
                }
                None => {}
            }
            if let Some(counts) = &q.counts {
                let joiner = match q.unit.as_deref() {
                    Some("fold") | None => " ",
                    Some(_) => " of ",
                };
                out.push_str(joiner);
                out.push_str(counts);
            }
        }
        FactValue::Money(m) => {
            write_qualifier(out, &m.qualifier);
            write_range(out, m.amount, m.upper);
            out.push(' ');
            out.push_str(&m.currency);
        }
        FactValue::Percent(p) => {
            write_qualifier(out, &p.qualifier);
            write_range(out, p.percent, p.upper);
            out.push('%');
        }
        FactValue::Date(d) => out.push_str(&d.date),
        FactValue::Time(t) => out.push_str(&t.time),
        FactValue::Resolution(r) => {
            if let Some(session) = &r.session {
                out.push_str(session);
                out.push('/');
            }
            write_integer(out, i64::from(r.number));
            if let Some(year) = r.year {
                let _ = write!(out, " ({year})");
            }
        }
        FactValue::Document(d) => out.push_str(&d.symbol),
        FactValue::Organization(o) => out.push_str(&o.name),
        FactValue::Country(c) => out.push_str(&c.name),
        // A quotation's words, with spaces and apostrophes made uniform.
        FactValue::Quote(_) => {
            for (k, word) in fact.text.split_whitespace().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                if word.bytes().all(|b| b.is_ascii() && b != b'\'') {
                    out.push_str(word);
                } else {
                    out.extend(word.chars().map(|c| if is_apostrophe(c) { '’' } else { c }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_written_as_format_writes_them() {
        for n in [
            0,
            7,
            -7,
            10,
            3800,
            -120_000,
            8_999_999_999_999_999,
            i64::MIN,
            i64::MAX,
        ] {
            let mut out = String::from("x");
            write_integer(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
        let mut out = String::new();
        write_number(&mut out, 2.5);
        write_number(&mut out, -3.0);
        assert_eq!(out, "2.5-3");
    }
}
