//! Reading typed fields out of parsed JSON with messages that say what was
//! found instead: `"start" is "12" (text), not a whole number`.

use serde_json::{Map, Value};

use crate::annotate::indexed::shorten;
use crate::annotate::timestamp::is_iso_datetime;

pub(crate) type Object = Map<String, Value>;

/// A JSON value described for a person: `"12" (text)`, `-3`, `an array`.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("{b} (true/false)"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{:?} (text)", shorten(s, 40)),
        Value::Array(items) => format!("a list of {} item{}", items.len(), plural(items.len())),
        Value::Object(_) => "an object".to_owned(),
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(crate) fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Object, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} is {}, not an object", describe(value)))
}

pub(crate) fn string<'a>(obj: &'a Object, key: &str) -> Result<&'a str, String> {
    match obj.get(key) {
        None => Err(format!("\"{key}\" is missing")),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!("\"{key}\" is {}, not text", describe(other))),
    }
}

/// A string that may be missing or null.
pub(crate) fn optional_string<'a>(obj: &'a Object, key: &str) -> Result<Option<&'a str>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("\"{key}\" is {}, not text", describe(other))),
    }
}

pub(crate) fn offset(obj: &Object, key: &str) -> Result<usize, String> {
    let value = obj
        .get(key)
        .ok_or_else(|| format!("\"{key}\" is missing"))?;
    value
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("\"{key}\" is {}, not a whole number ≥ 0", describe(value)))
}

pub(crate) fn timestamp(obj: &Object, key: &str) -> Result<String, String> {
    let s = string(obj, key)?;
    if is_iso_datetime(s) {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "\"{key}\" is {:?}, not an ISO-8601 date-time such as 2024-03-14T10:03:00Z",
            shorten(s, 40)
        ))
    }
}

pub(crate) fn list<'a>(obj: &'a Object, key: &str) -> Result<&'a [Value], String> {
    match obj.get(key) {
        None => Err(format!("\"{key}\" is missing")),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(format!("\"{key}\" is {}, not a list", describe(other))),
    }
}

/// `annotation 3 ("a-17")`, or `annotation 3` when the item has no usable
/// id. Items count from 1, as people count.
pub(crate) fn label(kind: &str, index: usize, value: &Value) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("{kind} {} ({:?})", index + 1, shorten(id, 40)),
        _ => format!("{kind} {}", index + 1),
    }
}
