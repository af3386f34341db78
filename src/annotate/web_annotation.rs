//! The W3C Web Annotation export: one `AnnotationCollection` whose first
//! page holds every annotation as an `Annotation` with the tag as a
//! `tagging` body, the note as a `commenting` body, and a target carrying
//! both a `TextQuoteSelector` and a `TextPositionSelector`.
//!
//! The Web Annotation Data Model counts positions in Unicode code points, as
//! we do, so offsets go out unchanged. The target's source names the text by
//! its SHA-256 as a Named Information URI (RFC 6920), which needs no server.

use serde::Serialize;

use crate::document::Document;

use super::export::exported_annotations;
use super::set::AnnotationSet;

pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<WebAnnotation>,
}

#[derive(Serialize)]
struct WebAnnotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    created: String,
    modified: String,
    body: Vec<Body>,
    target: Target,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    format: &'static str,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector {
        exact: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        prefix: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// The collection, pretty-printed. Orphans are included with only their
/// quote selector, since they have no position in this text.
pub fn web_annotation_json(document: &Document, set: &AnnotationSet) -> String {
    let base = format!("urn:rapporteur:{}", document.text_sha256());
    let source = named_information_uri(document.text_sha256());
    let tag_name = |id: &str| {
        set.tag(id)
            .map_or_else(|| id.to_owned(), |t| t.name.clone())
    };
    let bodies = |tag: &str, note: &str| {
        let mut body = vec![Body {
            kind: "TextualBody",
            purpose: "tagging",
            value: tag_name(tag),
            format: "text/plain",
        }];
        if !note.trim().is_empty() {
            body.push(Body {
                kind: "TextualBody",
                purpose: "commenting",
                value: note.to_owned(),
                format: "text/plain",
            });
        }
        body
    };

    let mut items: Vec<WebAnnotation> = exported_annotations(document, set)
        .into_iter()
        .map(|a| WebAnnotation {
            id: format!("{base}:annotation:{}", percent_encode(&a.id)),
            kind: "Annotation",
            body: bodies(&a.tag, &a.note),
            target: Target {
                source: source.clone(),
                selector: vec![
                    Selector::TextQuoteSelector {
                        exact: a.exact,
                        prefix: a.prefix,
                        suffix: a.suffix,
                    },
                    Selector::TextPositionSelector {
                        start: a.start,
                        end: a.end,
                    },
                ],
            },
            created: a.created,
            modified: a.modified,
        })
        .collect();
    items.extend(set.orphans().iter().map(|o| WebAnnotation {
        id: format!("{base}:annotation:{}", percent_encode(&o.annotation.id)),
        kind: "Annotation",
        body: bodies(&o.annotation.tag, &o.annotation.note),
        target: Target {
            source: source.clone(),
            selector: vec![Selector::TextQuoteSelector {
                exact: o.quote.exact.clone(),
                prefix: o.quote.prefix.clone(),
                suffix: o.quote.suffix.clone(),
            }],
        },
        created: o.annotation.created.clone(),
        modified: o.annotation.modified.clone(),
    }));

    let title = document
        .symbol
        .as_deref()
        .or(document.headline.as_deref())
        .unwrap_or("a press release");
    let collection = Collection {
        context: ANNO_CONTEXT,
        id: format!("{base}:annotations"),
        kind: "AnnotationCollection",
        label: format!("Annotations on {title}"),
        total: items.len(),
        first: Page {
            id: format!("{base}:annotations:page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    // Plain structs of strings and numbers: serialising cannot fail.
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

/// `ni:///sha-256;<base64url digest>` for a lower-case hex SHA-256.
fn named_information_uri(sha256_hex: &str) -> String {
    let bytes: Vec<u8> = (0..sha256_hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(sha256_hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    format!("ni:///sha-256;{}", base64url(&bytes))
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Percent-encodes all but RFC 3986's unreserved characters, so that any
/// annotation id makes a valid IRI.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn named_information_of_empty_text() {
        // SHA-256 of the empty string.
        let hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(
            named_information_uri(hex),
            "ni:///sha-256;47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
        );
    }

    #[test]
    fn ids_become_iri_safe() {
        assert_eq!(percent_encode("a-17"), "a-17");
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
    }
}
