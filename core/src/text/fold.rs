//! Folding for search: a character as its lower-case base letter, so that
//! `Côte d’Ivoire`, `COTE D'IVOIRE` and `cote d'ivoire` read alike. Like
//! Unicode's canonical decomposition (NFD) with the marks dropped, for the
//! scripts releases are written in (Latin, Greek, Cyrillic), without a
//! Unicode table crate: precomposed letters map to their base, combining
//! marks (U+0300–U+036F) vanish, typographic quotes and dashes become plain
//! ones, and the rest is lower-cased. A few letters fold to two (`æ`, `ß`,
//! `œ`, `þ`), as a person would spell them in ASCII.

/// What one character folds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Dropped (a combining mark).
    Nothing,
    One(char),
    Two(char, char),
}

/// Folds one character.
pub fn fold_char(c: char) -> Folded {
    if c.is_ascii() {
        return Folded::One(c.to_ascii_lowercase());
    }
    if is_combining_mark(c) {
        return Folded::Nothing;
    }
    if let Some(plain) = fold_latin(c) {
        let mut chars = plain.chars().map(|c| c.to_ascii_lowercase());
        return match (chars.next(), chars.next()) {
            (Some(a), Some(b)) => Folded::Two(a, b),
            (Some(a), None) => Folded::One(a),
            _ => Folded::Nothing,
        };
    }
    match c {
        '‘' | '’' | '‚' | '′' | 'ʼ' => return Folded::One('\''),
        '“' | '”' | '„' | '″' | '«' | '»' => return Folded::One('"'),
        '‐' | '‑' | '‒' | '–' | '—' | '−' => return Folded::One('-'),
        '\u{a0}' | '\u{2007}' | '\u{202f}' => return Folded::One(' '),
        _ => {}
    }
    if let Some(base) = fold_greek(c).or_else(|| fold_cyrillic(c)) {
        return Folded::One(base);
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Folded::One(l),
        _ => Folded::One(c),
    }
}

/// The folded form of a whole text.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    // Most release text is ASCII: a run of it is copied lower-cased at once.
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |n| at + n);
        if run > at {
            let start = out.len();
            out.push_str(&text[at..run]);
            // SAFETY-free: lower-casing ASCII in place keeps it UTF-8.
            out[start..].make_ascii_lowercase();
            at = run;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        match fold_char(c) {
            Folded::Nothing => {}
            Folded::One(a) => out.push(a),
            Folded::Two(a, b) => {
                out.push(a);
                out.push(b);
            }
        }
        at += c.len_utf8();
    }
}

/// The code-point offset in `original` where folded byte offset
/// `folded_byte` falls (a character that folds to two is found at its start).
pub fn original_offset(original: &str, folded_byte: usize) -> usize {
    let mut folded = 0;
    for (i, c) in original.chars().enumerate() {
        if folded >= folded_byte {
            return i;
        }
        folded += match fold_char(c) {
            Folded::Nothing => 0,
            Folded::One(a) => a.len_utf8(),
            Folded::Two(a, b) => a.len_utf8() + b.len_utf8(),
        };
    }
    original.chars().count()
}

pub fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Accented and special Latin letters as plain ASCII (case kept).
pub fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' | 'Ǎ' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "C",
        'ď' | 'đ' | 'ð' => "d",
        'Ď' | 'Đ' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ĕ' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' | 'Ĕ' => "E",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'Ğ' | 'Ĝ' | 'Ġ' | 'Ģ' => "G",
        'ĥ' | 'ħ' => "h",
        'Ĥ' | 'Ħ' => "H",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'ĩ' | 'ǐ' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' | 'Ĩ' | 'Ǐ' => "I",
        'ĵ' => "j",
        'Ĵ' => "J",
        'ķ' => "k",
        'Ķ' => "K",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => "L",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'ǒ' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' | 'Ǒ' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' | 'ŕ' | 'ŗ' => "r",
        'Ř' | 'Ŕ' | 'Ŗ' => "R",
        'ś' | 'š' | 'ş' | 'ș' | 'ŝ' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' | 'Ŝ' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'þ' => "th",
        'Þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'ũ' | 'ǔ' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' | 'Ũ' | 'Ǔ' => "U",
        'ŵ' => "w",
        'Ŵ' => "W",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'Ý' | 'Ÿ' | 'Ŷ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

/// Greek letters with tonos or dialytika as their lower-case base; final
/// sigma as sigma.
fn fold_greek(c: char) -> Option<char> {
    Some(match c {
        'ά' | 'Ά' | 'α' | 'Α' => 'α',
        'έ' | 'Έ' | 'ε' | 'Ε' => 'ε',
        'ή' | 'Ή' | 'η' | 'Η' => 'η',
        'ί' | 'Ί' | 'ϊ' | 'ΐ' | 'Ϊ' | 'ι' | 'Ι' => 'ι',
        'ό' | 'Ό' | 'ο' | 'Ο' => 'ο',
        'ύ' | 'Ύ' | 'ϋ' | 'ΰ' | 'Ϋ' | 'υ' | 'Υ' => 'υ',
        'ώ' | 'Ώ' | 'ω' | 'Ω' => 'ω',
        'ς' | 'σ' | 'Σ' => 'σ',
        _ => return None,
    })
}

/// Cyrillic letters whose marks NFD separates, as their lower-case base.
fn fold_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'ё' | 'Ё' | 'ѐ' | 'Ѐ' => 'е',
        'й' | 'Й' | 'ѝ' | 'Ѝ' => 'и',
        'ї' | 'Ї' => 'і',
        'ў' | 'Ў' => 'у',
        'ѓ' | 'Ѓ' => 'г',
        'ќ' | 'Ќ' => 'к',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_typography() {
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("COTE D'IVOIRE"), "cote d'ivoire");
        assert_eq!(fold("Co\u{302}te"), "cote", "a combining mark is dropped");
        assert_eq!(fold("Straße — Æsir"), "strasse - aesir");
        assert_eq!(fold("Ἀθήνα Αθήνα ΑΘΉΝΑ"), "ἀθηνα αθηνα αθηνα");
        assert_eq!(fold("Ёлка, ЙОД"), "елка, иод");
        assert_eq!(fold("Türkiye 🎉"), "turkiye 🎉");
    }

    #[test]
    fn maps_folded_offsets_back() {
        let text = "Æsir and Co\u{302}te d’Ivoire";
        let folded = fold(text);
        let at = folded.find("cote").unwrap();
        let start = original_offset(text, at);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[start], 'C');
        let end = original_offset(text, at + "cote d'ivoire".len());
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            "Co\u{302}te d’Ivoire"
        );
    }
}
