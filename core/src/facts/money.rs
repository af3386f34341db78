//! Amounts of money: `$1 billion`, `US$ 2.5 million`, `US $55 billion`,
//! `€40 million`, `£3bn`, `$7,500,000`, `USD 5 million`, `5 million euros`.

use super::numbers::{
    attached_multiplier, dash_and_digit_after, digits_anywhere, digits_before_dash,
    may_start_number, qualifier_before, scale, spaced_multiplier, Numeral,
};
use super::ranges::{self, Joiner, Pair};
use super::scan::{char_before, is_word_char, match_phrase, prev_word, skip_spaces, Text};
use super::value::{FactValue, MoneyValue};
use super::{FactKind, Found};

/// ISO codes accepted before or after an amount (`USD 5 million`).
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "INR", "ZAR", "NGN", "KES",
    "BRL", "RUB", "SEK", "NOK", "DKK", "MXN", "HKD", "SGD", "SAR", "AED", "XOF",
];

/// Currency words after an amount (`5 million euros`), longest first.
const WORDS: &[(&str, &str)] = &[
    ("US dollars", "USD"),
    ("U.S. dollars", "USD"),
    ("pounds sterling", "GBP"),
    ("Swiss francs", "CHF"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupees", "INR"),
    ("roubles", "RUB"),
];

fn symbol_currency(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₩' => "KRW",
        '₦' => "NGN",
        _ => return None,
    })
}

/// The dollar of a letter prefix: `US$`, `A$`, `C$`, `NZ$`, `HK$`.
fn dollar_prefix(prefix: &str) -> Option<&'static str> {
    Some(match prefix {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "CAN" => "CAD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "Mex" | "MX" => "MXN",
        "NT" => "TWD",
        _ => return None,
    })
}

pub fn scan(text: &Text, out: &mut Vec<Found>) {
    let s = text.s;
    Text::each_of(&text.numbers, &text.capitals, out, |i| {
        let b = s.as_bytes()[i];
        if b.is_ascii_uppercase() {
            return after_code(s, i);
        }
        if !b.is_ascii_digit() {
            return None;
        }
        // A currency symbol before the amount, touching it or one space away.
        let mut before = i;
        if char_before(s, before) == Some(' ') {
            before -= 1;
        }
        match char_before(s, before).filter(|c| symbol_currency(*c).is_some()) {
            Some(symbol) => after_symbol(s, before - symbol.len_utf8(), symbol),
            None if may_start_number(s, i) => before_word(s, i),
            None => None,
        }
    })
}

/// `$1 billion`, `US$ 2.5 million`, `£3bn`, `€40 million`.
fn after_symbol(s: &str, at: usize, symbol: char) -> Option<Found> {
    let mut currency = symbol_currency(symbol)?;
    let mut start = at;
    if symbol == '$' {
        // A prefix glued to the symbol (`US$`) or one space before (`US $`).
        if let Some(word) = prev_word(s, at) {
            let glued = word.end == at;
            let spaced = &s[word.end..at] == " ";
            if glued || (spaced && &s[word.clone()] == "US") {
                if let Some(code) = dollar_prefix(&s[word.clone()]) {
                    currency = code;
                    start = word.start;
                } else if glued {
                    return None;
                }
            }
        }
        if start == at && s[..at].ends_with("U.S.") {
            start = at - 4;
        }
    }
    let number_at = skip_spaces(s, at + symbol.len_utf8());
    if number_at - at > symbol.len_utf8() + 1 {
        return None;
    }
    let lower = amount_at(s, number_at, false)?;
    lower_or_range(s, start, &s[start..number_at], lower, Some(currency))
}

/// `USD 5 million`, `EUR 3.2 billion`.
fn after_code(s: &str, at: usize) -> Option<Found> {
    // Most capitalised words (`The`, `Council`) fail on their second byte.
    let code = s.as_bytes().get(at..at + 3)?;
    if !code.iter().all(u8::is_ascii_uppercase)
        || s.as_bytes()
            .get(at + 3)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let currency = CODES.iter().find(|c| c.as_bytes() == code)?;
    if s[at + 3..].starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let number_at = skip_spaces(s, at + 3);
    let lower = amount_at(s, number_at, false)?;
    lower_or_range(s, at, &s[at..number_at], lower, Some(currency))
}

/// `5 million euros`, `200 USD`.
fn before_word(s: &str, at: usize) -> Option<Found> {
    let lower = amount_at(s, at, false)?;
    if let Some(found) = range(s, at, "", &lower, None) {
        return found;
    }
    if dash_and_digit_after(s, lower.numeral.end) {
        return None;
    }
    let (word_end, currency) = currency_after(s, lower.end)?;
    Some(found(s, at, word_end, lower.value, None, currency))
}

/// A currency word or code after an amount: (end, ISO code).
fn currency_after(s: &str, end: usize) -> Option<(usize, &'static str)> {
    let word_at = skip_spaces(s, end);
    if word_at == end {
        return None;
    }
    let first = *s.as_bytes().get(word_at)?;
    if !first.is_ascii_alphabetic() || !(first.is_ascii_uppercase() || b"dpeyrS".contains(&first)) {
        return None;
    }
    let by_word = WORDS
        .iter()
        .find_map(|(w, code)| match_phrase(s, word_at, w).map(|e| (e, *code)));
    let (word_end, currency) = match by_word {
        Some(found) => found,
        None => {
            let code = s.get(word_at..word_at + 3)?;
            let code = CODES.iter().find(|c| **c == code)?;
            if s[word_at + 3..].starts_with(is_word_char) {
                return None;
            }
            (word_at + 3, *code)
        }
    };
    Some((word_end, currency))
}

/// An amount with its multiplier. The lower end of a range may be
/// followed by a dash and digits (`$2–3 million`); the upper end, after
/// that dash, is read `anywhere`.
struct Amount {
    numeral: Numeral,
    end: usize,
    value: f64,
}

fn amount_at(s: &str, at: usize, anywhere: bool) -> Option<Amount> {
    let mut numeral = if anywhere {
        digits_anywhere(s, at).filter(|n| !dash_and_digit_after(s, n.end))?
    } else {
        digits_before_dash(s, at)?
    };
    let (end, value, exponent) = with_multiplier(s, numeral.start, numeral.end, numeral.value)?;
    numeral.exponent = exponent;
    Some(Amount {
        numeral,
        end,
        value,
    })
}

/// The amount at `start` alone, or the range it opens.
fn lower_or_range(
    s: &str,
    start: usize,
    prefix: &str,
    lower: Amount,
    currency: Option<&'static str>,
) -> Option<Found> {
    if let Some(found) = range(s, start, prefix, &lower, currency) {
        return found;
    }
    if dash_and_digit_after(s, lower.numeral.end) {
        return None;
    }
    Some(found(s, start, lower.end, lower.value, None, currency?))
}

/// `$2 million to $3 million`, `$2–3 million`, `between €2 and €3 billion`,
/// `5 to 10 million euros` after the lower end (its currency printed before
/// it as `prefix`, or, with `currency` `None`, after the upper end):
/// `Some(Some(fact))` for the range or, after a change (`rose from $2
/// million to $3 million`), the lower end alone; `Some(None)` for two
/// numbers that are neither; `None` when no second amount is joined.
fn range(
    s: &str,
    start: usize,
    prefix: &str,
    lower: &Amount,
    currency: Option<&'static str>,
) -> Option<Option<Found>> {
    let join = ranges::joined_after(s, lower.end, start)?;
    let (mut at, joiner) = (join.upper_at, join.joiner);
    let not_a_range = (joiner == Joiner::Dash).then_some(None);
    // The currency may be printed again: `$2 million to $3 million`.
    let prefix = prefix.trim_end();
    if !prefix.is_empty() && s[at..].starts_with(prefix) {
        at = skip_spaces(s, at + prefix.len()).min(at + prefix.len() + 1);
    }
    let Some(upper) = amount_at(s, at, true) else {
        return not_a_range;
    };
    let (end, currency) = match currency {
        Some(c) => (upper.end, c),
        None => match currency_after(s, upper.end) {
            Some(found) => found,
            None => return not_a_range,
        },
    };
    let mut lower_numeral = lower.numeral.clone();
    lower_numeral.value = lower.value;
    let mut upper_numeral = upper.numeral.clone();
    upper_numeral.value = upper.value;
    let lower_text = &s[lower.numeral.start..lower.numeral.end];
    let low = ranges::lower_value(&lower_numeral, &upper_numeral, lower_text);
    Some(
        match ranges::classify(s, start, joiner, low, upper.value, false) {
            Pair::Range => Some(found(s, join.start, end, low, Some(upper.value), currency)),
            Pair::Change => {
                let first =
                    ranges::with_borrowed_multiplier(&lower_numeral, &upper_numeral, lower_text);
                Some(found(s, start, lower.end, first, None, currency))
            }
            Pair::Neither if joiner == Joiner::Dash => None,
            Pair::Neither => Some(found(s, start, lower.end, lower.value, None, currency)),
        },
    )
}

/// Applies `bn`, `m` (glued) or ` million` (spaced) to the amount:
/// (end, amount, power of ten).
fn with_multiplier(s: &str, start: usize, end: usize, value: f64) -> Option<(usize, f64, i32)> {
    if let Some((after, exponent)) = attached_multiplier(s, end) {
        return Some((after, scale(&s[start..end], exponent)?, exponent));
    }
    if s[end..].starts_with(is_word_char) {
        return None;
    }
    if let Some((after, exponent)) = spaced_multiplier(s, end) {
        return Some((after, scale(&s[start..end], exponent)?, exponent));
    }
    Some((end, value, 0))
}

fn found(
    s: &str,
    start: usize,
    end: usize,
    amount: f64,
    upper: Option<f64>,
    currency: &'static str,
) -> Found {
    let qualifier = qualifier_before(s, start).map(|(_, q)| q);
    Found::new(
        FactKind::Money,
        start..end,
        FactValue::Money(MoneyValue {
            amount,
            upper,
            currency: std::borrow::Cow::Borrowed(currency),
            qualifier,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::super::scan::collected;
    use super::*;

    fn money(s: &str) -> Vec<(String, f64, String)> {
        collected(|out| scan(&Text::new(s), out))
            .into_iter()
            .map(|f| match f.value {
                FactValue::Money(m) => (s[f.span].to_owned(), m.amount, m.currency.into_owned()),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn forms() {
        let t = |s: &str, a: f64, c: &str| (s.to_owned(), a, c.to_owned());
        assert_eq!(money("a $1 billion line"), [t("$1 billion", 1e9, "USD")]);
        assert_eq!(
            money("US$ 2.5 million"),
            [t("US$ 2.5 million", 2.5e6, "USD")]
        );
        assert_eq!(
            money("some US $55 billion"),
            [t("US $55 billion", 55e9, "USD")]
        );
        assert_eq!(money("€40 million"), [t("€40 million", 4e7, "EUR")]);
        assert_eq!(money("£3bn."), [t("£3bn", 3e9, "GBP")]);
        assert_eq!(money("$7,500,000 in"), [t("$7,500,000", 7.5e6, "USD")]);
        assert_eq!(money("$7.5 Million"), [t("$7.5 Million", 7.5e6, "USD")]);
        assert_eq!(money("USD 5 million"), [t("USD 5 million", 5e6, "USD")]);
        assert_eq!(money("5 million euros"), [t("5 million euros", 5e6, "EUR")]);
        assert_eq!(money("A$10m"), [t("A$10m", 1e7, "AUD")]);
    }

    #[test]
    fn qualifiers_are_read_whole() {
        let qualifier = |s: &str| match &collected(|out| scan(&Text::new(s), out))[0].value {
            FactValue::Money(m) => m.qualifier.clone(),
            _ => unreachable!(),
        };
        assert_eq!(
            qualifier("no less than $5 million"),
            Some("no less than".into())
        );
        assert_eq!(qualifier("just under €2bn"), Some("just under".into()));
        assert_eq!(qualifier("some $2–3 million"), Some("some".into()));
    }

    #[test]
    fn ranges() {
        let ranges = |s: &str| -> Vec<(String, f64, Option<f64>, String)> {
            collected(|out| scan(&Text::new(s), out))
                .into_iter()
                .map(|f| match f.value {
                    FactValue::Money(m) => (
                        s[f.span].to_owned(),
                        m.amount,
                        m.upper,
                        m.currency.into_owned(),
                    ),
                    _ => unreachable!(),
                })
                .collect()
        };
        let r = |t: &str, lo: f64, hi: Option<f64>, c: &str| (t.to_owned(), lo, hi, c.to_owned());
        assert_eq!(
            ranges("$2 million to $3 million"),
            [r("$2 million to $3 million", 2e6, Some(3e6), "USD")]
        );
        assert_eq!(ranges("£1.5–2bn"), [r("£1.5–2bn", 1.5e9, Some(2e9), "GBP")]);
        assert_eq!(
            ranges("between US$ 40 and US$ 55 million"),
            [r(
                "between US$ 40 and US$ 55 million",
                4e7,
                Some(5.5e7),
                "USD"
            )]
        );
        assert_eq!(
            ranges("EUR 3 to 4 billion"),
            [r("EUR 3 to 4 billion", 3e9, Some(4e9), "EUR")]
        );
        assert_eq!(
            ranges("7 to 9 million Swiss francs"),
            [r("7 to 9 million Swiss francs", 7e6, Some(9e6), "CHF")]
        );
        // A change: two amounts, the first with the upper's multiplier.
        assert_eq!(
            ranges("fell from $9 to $7 million"),
            [r("$9", 9e6, None, "USD"), r("$7 million", 7e6, None, "USD")]
        );
    }

    #[test]
    fn not_money() {
        assert!(money("call (800) 510-2020").is_empty());
        assert!(money("$ alone, USDA 5, 5 dollarsign").is_empty());
    }
}
