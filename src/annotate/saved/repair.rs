//! Salvaging the readable start of damaged JSON: cut after the last complete
//! value and close whatever is still open. A saved state cut off or garbled
//! part-way then still yields its text and the annotations before the damage.

/// What the scanner expects next inside one open object or array.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Key,
    Colon,
    Value,
    CommaOrEnd,
}

struct Frame {
    closer: u8,
    expect: Expect,
}

/// Marks the innermost open frame's value complete; returns the cut point
/// just after it and the depth to close there.
fn completed(stack: &mut [Frame], at: usize) -> (usize, usize) {
    if let Some(top) = stack.last_mut() {
        top.expect = Expect::CommaOrEnd;
    }
    (at, stack.len())
}

/// `json` cut after its last complete value and closed, or `None` if not
/// even one value is complete. Only the structure is scanned, so a prefix
/// that serde_json accepted up to some point scans correctly up to there.
pub(crate) fn close_after_last_complete_value(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let (mut in_string, mut escaped, mut string_is_key) = (false, false, false);
    let mut in_literal = false;
    // Where to cut, and how many open frames to close there.
    let mut last_safe: Option<(usize, usize)> = None;

    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if string_is_key {
                    if let Some(top) = stack.last_mut() {
                        top.expect = Expect::Colon;
                    }
                } else {
                    last_safe = Some(completed(&mut stack, i + 1));
                }
            }
            continue;
        }
        if in_literal {
            if b.is_ascii_whitespace() || matches!(b, b',' | b']' | b'}' | b':') {
                in_literal = false;
                last_safe = Some(completed(&mut stack, i));
            } else {
                continue;
            }
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'{' | b'[' => {
                let (closer, expect) = if b == b'{' {
                    (b'}', Expect::Key)
                } else {
                    (b']', Expect::Value)
                };
                stack.push(Frame { closer, expect });
                last_safe = Some((i + 1, stack.len()));
            }
            b'}' | b']' => {
                stack.pop();
                last_safe = Some(completed(&mut stack, i + 1));
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.expect = Expect::Value;
                }
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    top.expect = if top.closer == b'}' {
                        Expect::Key
                    } else {
                        Expect::Value
                    };
                }
            }
            b'"' => {
                in_string = true;
                string_is_key = stack.last().is_some_and(|f| f.expect == Expect::Key);
            }
            _ => in_literal = true,
        }
    }
    // A literal running to the very end may itself be cut (`12` of `123`),
    // so it does not count as complete.
    let (cut, depth) = last_safe?;
    let mut out = json.get(..cut)?.to_owned();
    for frame in stack.iter().take(depth).rev() {
        out.push(char::from(frame.closer));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::close_after_last_complete_value as close;

    #[test]
    fn keeps_complete_values_and_drops_the_cut_one() {
        assert_eq!(
            close(r#"{"a":"x","b":[1,2,{"c":"#).unwrap(),
            r#"{"a":"x","b":[1,2,{}]}"#
        );
        assert_eq!(
            close(r#"{"a":"x","b":[1,2"#).unwrap(),
            r#"{"a":"x","b":[1]}"#
        );
        assert_eq!(close(r#"{"a":"x\"y","b"#).unwrap(), r#"{"a":"x\"y"}"#);
        assert_eq!(close(r#"{"a":"unfinished"#).unwrap(), "{}");
        assert_eq!(close(r#"[true, null"#).unwrap(), "[true]");
        assert_eq!(close(r#"{"a":{"b":[]}}"#).unwrap(), r#"{"a":{"b":[]}}"#);
        assert_eq!(close(""), None);
        assert_eq!(close("  12"), None);
    }

    #[test]
    fn every_cut_of_a_document_closes_into_valid_json() {
        let json = r#"{"format":"x","text":"Zoë 🎉 \"q\"","tags":[{"id":"a","n":1.5e3}],"list":[true,false,null,[],{}]}"#;
        for (cut, _) in json.char_indices().skip(1) {
            if let Some(closed) = close(&json[..cut]) {
                assert!(
                    serde_json::from_str::<serde_json::Value>(&closed).is_ok(),
                    "{cut}: {closed}"
                );
            }
        }
    }
}
