//! Writing XML by hand for the two small XML files we make (the Label
//! Studio config and UIMA XMI): escaping, and what XML 1.0 cannot hold.

/// `value` escaped for a double-quoted attribute. Line breaks and tabs are
/// written as character references, so that an XML reader's attribute
/// normalisation gives them back instead of spaces. Characters XML 1.0
/// forbids even as references (most C0 controls, U+FFFE, U+FFFF) become
/// U+FFFD, one for one, which keeps every offset.
pub(crate) fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if !allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document.
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// How many characters of `text` an XML file cannot hold.
pub(crate) fn disallowed_count(text: &str) -> usize {
    text.chars().filter(|&c| !allowed(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_breaks_and_forbidden_characters() {
        assert_eq!(
            attribute("a<b>&\"c\"\n\td\u{1}e🎉"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#10;&#9;d\u{FFFD}e🎉"
        );
        assert_eq!(disallowed_count("ok\u{B}\u{FFFF}"), 2);
    }
}
