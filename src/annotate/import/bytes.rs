//! From the bytes of a chosen file to text, refusing early what cannot be an
//! export: too large, empty, a known binary format, UTF-16, not UTF-8.
//!
//! The check sits here, on bytes, because a browser that reads a file as
//! text silently turns invalid bytes into U+FFFD; the app reads the file as
//! an ArrayBuffer and hands the bytes over, so the user hears that the file
//! is not text instead of getting a mangled import.

use super::ImportError;

/// Refuses a file larger than `limit` bytes. The app calls this with the
/// file's size before reading it, so a huge file is never loaded.
pub fn check_size(size: u64, limit: u64) -> Result<(), ImportError> {
    if size > limit {
        Err(ImportError::TooLarge { size, limit })
    } else {
        Ok(())
    }
}

/// The text of the file, without a UTF-8 byte-order mark.
pub(crate) fn decode(bytes: &[u8], limit: u64) -> Result<&str, ImportError> {
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX), limit)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if let Some(kind) = known_binary(bytes) {
        return Err(ImportError::Binary { kind: Some(kind) });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().take(4096).any(|&b| b == 0) {
        return Err(ImportError::Binary { kind: None });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        ImportError::NotUtf8 { byte: at, line }
    })
}

/// Recognises the formats people most often pick by mistake.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or a Word, Excel or OpenDocument file)",
        ),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"{\\rtf", "an RTF document"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_utf8_json_text() {
        let limit = 1000;
        assert!(matches!(decode(b"", limit), Err(ImportError::Empty)));
        assert!(matches!(decode(b" \n\t", limit), Err(ImportError::Empty)));
        assert!(matches!(
            decode(b"%PDF-1.7 ...", limit),
            Err(ImportError::Binary {
                kind: Some("a PDF document")
            })
        ));
        assert!(matches!(
            decode(b"\xFF\xFE{\0", limit),
            Err(ImportError::Utf16)
        ));
        assert!(matches!(
            decode(b"{\0\0}", limit),
            Err(ImportError::Binary { kind: None })
        ));
        assert!(matches!(
            decode(b"{\n\"a\": \"caf\xE9\"}", limit),
            Err(ImportError::NotUtf8 { byte: 11, line: 2 })
        ));
        assert_eq!(decode(b"\xEF\xBB\xBF{}", limit).unwrap(), "{}");
        assert!(matches!(
            decode(&[b' '; 1001], limit),
            Err(ImportError::TooLarge {
                size: 1001,
                limit: 1000
            })
        ));
    }
}
