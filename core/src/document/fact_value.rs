//! The normalised value of each kind of fact, as it appears in JSON under
//! `value`. Every field is always present (null when unknown), so that a
//! reader can rely on the shape of each kind; fields added later default
//! when absent, so that older JSON still imports.

use std::borrow::Cow;

use serde::{Deserialize, Serialize, Serializer};

use super::fact::{Fact, FactKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Quantity(QuantityValue),
    Money(MoneyValue),
    Percent(PercentValue),
    Date(DateValue),
    Time(TimeValue),
    Resolution(ResolutionValue),
    Document(DocumentValue),
    Organization(OrganizationValue),
    Country(CountryValue),
    Quote(QuoteValue),
}

/// `3,800 highly trained and well-equipped troops`: 3800, counts `troops`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityValue {
    /// The number, or the lower end of a range (`10–15 tons` → 10).
    #[serde(serialize_with = "whole_or_fraction")]
    pub number: f64,
    /// The upper end of a range (`10–15 tons` → 15), else `None`.
    #[serde(default, serialize_with = "optional_whole_or_fraction")]
    pub upper: Option<f64>,
    /// Normalised unit symbol or name (`t`, `kg`, `km2`, `MW`, `year`, `fold`).
    pub unit: Option<Cow<'static, str>>,
    /// What is counted or measured, as printed (`troops`, `pure heroin`).
    pub counts: Option<String>,
    /// The qualifier printed before the number, read whole and lower-cased
    /// (`around`, `more than`, `no fewer than`, `well over`).
    pub qualifier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoneyValue {
    /// The amount, or the lower end of a range.
    #[serde(serialize_with = "whole_or_fraction")]
    pub amount: f64,
    /// The upper end of a range (`$2 million to $3 million`), else `None`.
    #[serde(default, serialize_with = "optional_whole_or_fraction")]
    pub upper: Option<f64>,
    /// ISO 4217 code.
    pub currency: Cow<'static, str>,
    pub qualifier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PercentValue {
    /// The percentage, or the lower end of a range.
    #[serde(serialize_with = "whole_or_fraction")]
    pub percent: f64,
    /// The upper end of a range (`0.15 to 0.2 per cent`), else `None`.
    #[serde(default, serialize_with = "optional_whole_or_fraction")]
    pub upper: Option<f64>,
    pub qualifier: Option<String>,
}

/// A calendar date of day, month or year precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// ISO 8601: `2022-01-27`, `2022-01`, `2022`; with the year unknown,
    /// `--01-27` or `--01`.
    pub date: String,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The year is not printed: it is the year of the document's date.
    pub year_inferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue {
    /// 24-hour `HH:MM`.
    pub time: String,
}

/// `resolution 2616 (2021)`; `resolution 76/262` has session `76`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionValue {
    pub number: u32,
    pub year: Option<u16>,
    /// The General Assembly session of `76/262` or `ES-11/1`.
    pub session: Option<String>,
}

/// A UN document symbol such as `S/2022/123`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentValue {
    pub symbol: String,
    /// The organ named by the symbol's first part, when it names one.
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationValue {
    /// The acronym when the organisation has one, else its full name.
    pub name: Cow<'static, str>,
    /// What the acronym stands for, when known.
    pub expansion: Option<Cow<'static, str>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryValue {
    /// One canonical name per country (see `lexicon::countries`).
    pub name: Cow<'static, str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteValue {
    /// Three words or fewer: a term held at arm's length, not a statement.
    pub scare: bool,
    pub words: usize,
    /// The person named in `“…,” said NAME` or `NAME said: “…”`, as printed.
    pub attribution: Option<String>,
}

impl FactValue {
    /// The kind this value belongs to.
    pub fn kind(&self) -> FactKind {
        match self {
            FactValue::Quantity(_) => FactKind::Quantity,
            FactValue::Money(_) => FactKind::Money,
            FactValue::Percent(_) => FactKind::Percent,
            FactValue::Date(_) => FactKind::Date,
            FactValue::Time(_) => FactKind::Time,
            FactValue::Resolution(_) => FactKind::Resolution,
            FactValue::Document(_) => FactKind::Document,
            FactValue::Organization(_) => FactKind::Organization,
            FactValue::Country(_) => FactKind::Country,
            FactValue::Quote(_) => FactKind::Quote,
        }
    }
}

/// Whole numbers as JSON integers (`3800`, not `3800.0`).
fn whole_or_fraction<S: Serializer>(number: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if number.fract() == 0.0 && number.abs() < 9.0e15 {
        serializer.serialize_i64(*number as i64)
    } else {
        serializer.serialize_f64(*number)
    }
}

fn optional_whole_or_fraction<S: Serializer>(
    number: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match number {
        Some(n) => whole_or_fraction(n, serializer),
        None => serializer.serialize_none(),
    }
}

/// A fact as read back from JSON: `kind` says how to read `value`.
#[derive(Deserialize)]
pub(crate) struct RawFact {
    kind: FactKind,
    text: String,
    start: usize,
    end: usize,
    value: serde_json::Value,
    paragraph: usize,
    speaker: Option<usize>,
}

impl TryFrom<RawFact> for Fact {
    type Error = serde_json::Error;

    fn try_from(raw: RawFact) -> Result<Self, Self::Error> {
        use serde_json::from_value;
        let v = raw.value;
        let value = match raw.kind {
            FactKind::Quantity => FactValue::Quantity(from_value(v)?),
            FactKind::Money => FactValue::Money(from_value(v)?),
            FactKind::Percent => FactValue::Percent(from_value(v)?),
            FactKind::Date => FactValue::Date(from_value(v)?),
            FactKind::Time => FactValue::Time(from_value(v)?),
            FactKind::Resolution => FactValue::Resolution(from_value(v)?),
            FactKind::Document => FactValue::Document(from_value(v)?),
            FactKind::Organization => FactValue::Organization(from_value(v)?),
            FactKind::Country => FactValue::Country(from_value(v)?),
            FactKind::Quote => FactValue::Quote(from_value(v)?),
        };
        Ok(Fact {
            kind: raw.kind,
            text: raw.text,
            start: raw.start,
            end: raw.end,
            value,
            paragraph: raw.paragraph,
            speaker: raw.speaker,
        })
    }
}
