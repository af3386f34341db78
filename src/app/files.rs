//! Reading files the user opens: a release as text (`.txt`, or the text of
//! an `.html` page, extracted without running or inserting anything), and
//! annotation files as bytes.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// The largest file the app reads; past this a browser tab struggles.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Elements whose text is not part of the page's reading text.
const SKIPPED: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "SVG", "IFRAME", "OBJECT",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "P",
    "DIV",
    "BR",
    "LI",
    "UL",
    "OL",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "TR",
    "TABLE",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "FOOTER",
    "BLOCKQUOTE",
    "PRE",
    "ADDRESS",
    "FIGCAPTION",
    "NAV",
    "ASIDE",
    "MAIN",
    "DT",
    "DD",
    "HR",
];

/// The reading text of an HTML page. DOMParser builds an inert document:
/// its scripts never run, nothing of it enters the app's page, and only
/// text nodes are read, one block element per line.
pub fn text_of_html(html: &str) -> Result<String, String> {
    let parser = DomParser::new().map_err(super::dom::describe)?;
    let parsed = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(super::dom::describe)?;
    let mut out = String::new();
    if let Some(body) = parsed.body() {
        collect(&body, false, &mut out);
    }
    Ok(out
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n"))
}

/// Appends the reading text under `node`. Outside `<pre>` a run of source
/// whitespace (line breaks and indentation inside a paragraph) is one
/// space, as a browser shows it.
fn collect(node: &Node, preformatted: bool, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = child.text_content().unwrap_or_default();
                if preformatted {
                    out.push_str(&text);
                } else {
                    push_collapsed(&text, out);
                }
            }
            Node::ELEMENT_NODE => {
                let Some(element) = child.dyn_ref::<Element>() else {
                    continue;
                };
                let tag = element.tag_name().to_uppercase();
                if SKIPPED.contains(&tag.as_str()) || element.has_attribute("hidden") {
                    continue;
                }
                let block = BLOCKS.contains(&tag.as_str());
                if block {
                    out.push('\n');
                }
                collect(&child, preformatted || tag == "PRE", out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// `text` with each run of HTML whitespace (space, tab, line feed, form
/// feed, carriage return; not the no-break space) as one space, also
/// across the end of what `out` holds already.
fn push_collapsed(text: &str, out: &mut String) {
    let mut in_space = out.ends_with(' ');
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
}

/// Whether a file name is an HTML page.
pub fn is_html(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml")
}

/// Decodes a text file, replacing bytes that are not UTF-8 (a release is
/// still readable) and saying so.
pub fn decode_text(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.trim_start_matches('\u{feff}').to_owned(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}
