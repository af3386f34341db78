//! File names for exports: `<symbol-or-headline>.annotations.json`, made of
//! characters every file system and mail client takes.

use crate::document::Document;

/// Longest slug kept from a headline, in characters; cut at a word.
const MAX_HEADLINE_SLUG: usize = 60;

/// `SC-14794.annotations.json`, `lake-chad-basin-….annotations.json` or
/// `document.annotations.json`.
pub fn export_file_name(document: &Document) -> String {
    format!("{}.annotations.json", base_name(document))
}

/// The same name for the W3C Web Annotation export, `.annotations.jsonld`.
pub fn web_annotation_file_name(document: &Document) -> String {
    format!("{}.annotations.jsonld", base_name(document))
}

/// The part of every export's name before the format: the symbol, else the
/// headline, else `document` (`SC-14794`, `lake-chad-basin-…`).
pub fn file_stem(document: &Document) -> String {
    base_name(document)
}

fn base_name(document: &Document) -> String {
    // A symbol keeps its case (SC/14794 reads as it is printed); a
    // headline is lower-cased and shortened.
    let from_symbol = document
        .symbol
        .as_deref()
        .map(|s| slug(s, MAX_HEADLINE_SLUG));
    let from_headline = || {
        document
            .headline
            .as_deref()
            .map(|h| slug(&h.to_lowercase(), MAX_HEADLINE_SLUG))
    };
    let name = from_symbol
        .filter(|s| !s.is_empty())
        .or_else(|| from_headline().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "document".to_owned());
    if is_reserved_on_windows(&name) {
        format!("{name}-document")
    } else {
        name
    }
}

/// ASCII letters and digits joined by single hyphens, at most `max`
/// characters, cut at a hyphen when it can be. Accented Latin letters lose
/// their accents; other characters separate words.
pub fn slug(input: &str, max: usize) -> String {
    let mut out = String::new();
    for c in input.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(plain) = fold_latin(c) {
            out.push_str(plain);
        } else if is_combining_mark(c) {
            // "e\u{301}" is "é" written in two: the mark alone is dropped.
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.len() <= max {
        return trimmed.to_owned();
    }
    // All ASCII here, so byte offsets are character offsets.
    let cut = &trimmed[..max];
    match cut.rfind('-') {
        Some(at) if at >= max / 2 => cut[..at].to_owned(),
        _ => cut.trim_end_matches('-').to_owned(),
    }
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Accented and special Latin letters as plain ASCII.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' | 'ð' => "d",
        'Ď' | 'Đ' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' | 'ľ' | 'ĺ' => "l",
        'Ł' | 'Ľ' | 'Ĺ' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' | 'ŕ' => "r",
        'Ř' | 'Ŕ' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'þ' => "th",
        'Þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

/// Names Windows refuses whatever the extension.
fn is_reserved_on_windows(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_symbols_and_headlines() {
        assert_eq!(slug("SC/14794", 60), "SC-14794");
        assert_eq!(slug("  GA/12345 — Rev.1 ", 60), "GA-12345-Rev-1");
        assert_eq!(slug("Zoë Åström’s “plan” 🎉", 60), "Zoe-Astrom-s-plan");
        assert_eq!(slug("e\u{301}lan", 60), "elan");
        assert_eq!(slug("東京", 60), "");
        assert_eq!(slug("alpha beta gamma", 12), "alpha-beta");
        assert_eq!(slug("abcdefghijklmnop", 5), "abcde");
    }

    #[test]
    fn reserved_names() {
        assert!(is_reserved_on_windows("con"));
        assert!(is_reserved_on_windows("COM1"));
        assert!(!is_reserved_on_windows("COMMA"));
        assert!(!is_reserved_on_windows("console"));
    }
}
