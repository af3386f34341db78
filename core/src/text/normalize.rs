/// Turns CRLF and lone CR into LF and changes nothing else.
///
/// The result is the text every offset of a [`crate::Document`] points into,
/// so this must stay the only rewrite the parser applies to its input.
pub fn normalize_line_endings(input: &str) -> String {
    if !input.contains('\r') {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    LineEndings::default().push(input, &mut out);
    out
}

/// [`normalize_line_endings`] a piece at a time, for a long text copied
/// between frames: a CR that ends one piece and the LF that starts the next
/// are one line end, as they would be in one piece.
#[derive(Debug, Default, Clone, Copy)]
pub struct LineEndings {
    after_cr: bool,
}

impl LineEndings {
    /// Appends `piece` to `out` with its line ends made LF.
    pub fn push(&mut self, piece: &str, out: &mut String) {
        if piece.is_empty() {
            return;
        }
        let mut rest = match self.after_cr {
            true => piece.strip_prefix('\n').unwrap_or(piece),
            false => piece,
        };
        self.after_cr = piece.ends_with('\r');
        while let Some(at) = rest.find('\r') {
            out.push_str(&rest[..at]);
            out.push('\n');
            rest = &rest[at + 1..];
            if let Some(after) = rest.strip_prefix('\n') {
                rest = after;
            }
        }
        out.push_str(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::{normalize_line_endings, LineEndings};

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

    #[test]
    fn pieces_give_what_the_whole_gives_wherever_they_are_cut() {
        let text = "x\r\n\r\ny\r\rz\n\r\n\r\u{e9}\r";
        let whole = normalize_line_endings(text);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &first in &cuts {
            for &second in cuts.iter().filter(|&&c| c >= first) {
                let mut out = String::new();
                let mut endings = LineEndings::default();
                for piece in [&text[..first], &text[first..second], &text[second..]] {
                    endings.push(piece, &mut out);
                }
                assert_eq!(out, whole, "cut at {first} and {second}");
            }
        }
    }
}
