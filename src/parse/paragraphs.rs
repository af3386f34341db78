use std::ops::Range;

/// Splits text into paragraphs: each non-blank line, trimmed of surrounding
/// whitespace.
///
/// Pasted releases separate paragraphs by blank lines or by single newlines
/// depending on where they were copied from, so a line is the unit that reads
/// the same in both shapes.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = line_start + trimmed_start;
            out.push(start..start + trimmed.len());
        }
        line_start += line.len() + 1;
    }
    out
}
