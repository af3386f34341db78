/// Turns CRLF and lone CR into LF and changes nothing else.
///
/// The result is the text every offset of a [`crate::Document`] points into,
/// so this must stay the only rewrite the parser applies to its input.
pub fn normalize_line_endings(input: &str) -> String {
    if !input.contains('\r') {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::normalize_line_endings;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(
            normalize_line_endings("a\r\nb\rc\n\r\nd\r"),
            "a\nb\nc\n\nd\n"
        );
    }

    #[test]
    fn other_whitespace_is_kept() {
        let text = "a\u{a0}b\t c  \n";
        assert_eq!(normalize_line_endings(text), text);
    }
}
