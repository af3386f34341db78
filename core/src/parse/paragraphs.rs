//! Paragraphs: each non-blank line, trimmed of surrounding whitespace; in a
//! hard-wrapped text, each wrapped block.
//!
//! Pasted releases separate paragraphs by blank lines or by single newlines
//! depending on where they were copied from, so a line is the unit that
//! reads the same in both shapes. Text copied from an e-mail or an old
//! plain-text release is hard-wrapped instead: every paragraph broken into
//! lines of at most some width, blank lines between paragraphs. There a
//! line break inside a block is only a space, and [`wrapped_line_breaks`]
//! says which ones are, so that the view reads them as spaces.

use std::ops::Range;

use crate::text::scan::lines;

/// Splits text into paragraphs: each non-blank line, trimmed.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in lines(text) {
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

/// Lines longer than this were not wrapped by anyone.
const WIDEST_WRAP: usize = 100;

/// The byte offsets of the line breaks that only wrap a paragraph, when the
/// text is hard-wrapped; none otherwise.
///
/// A text is hard-wrapped when nearly all its lines fit some width (at most
/// 100 characters), many come close to it, and blank lines separate blocks
/// of several lines. A break inside a block wraps when the next line's first
/// word would not have fitted on the line: that is why the line was broken.
/// Short header lines (`8967th Meeting (AM)` / `SC/14794`) stay apart.
pub fn wrapped_line_breaks(text: &str) -> Vec<usize> {
    // A first pass that allocates nothing rules out most texts: those with
    // lines too long to have been wrapped.
    let mut non_blank = 0;
    let mut too_long = 0;
    for line in lines(text) {
        // Bytes first: characters are counted only where they can differ.
        let long = match line.len() {
            0 => continue,
            n if n <= WIDEST_WRAP => false,
            n if n > 4 * WIDEST_WRAP => true,
            _ => width_of(line) > WIDEST_WRAP,
        };
        non_blank += 1;
        too_long += usize::from(long);
        // A wrapped text has next to no long line: three, and more than a
        // twentieth of the lines so far, settle it without reading on.
        if too_long > 2 && too_long * 20 > non_blank {
            return Vec::new();
        }
    }
    if non_blank < 6 || too_long * 20 > non_blank {
        return Vec::new();
    }
    let lines: Vec<(usize, &str)> = line_starts(text).collect();
    let lengths: Vec<usize> = lines.iter().map(|(_, line)| width_of(line)).collect();
    let width = lengths
        .iter()
        .copied()
        .filter(|&n| n <= WIDEST_WRAP)
        .max()
        .unwrap_or(0);
    let near_width = lengths.iter().filter(|&&n| n * 5 >= width * 4).count();
    // Blocks of two lines or more, separated by blank lines.
    let blank_lines = lengths.iter().filter(|&&n| n == 0).count();
    let multi_line_blocks = lengths
        .windows(3)
        .filter(|w| w[0] == 0 && w[1] > 0 && w[2] > 0)
        .count()
        + usize::from(lengths.len() >= 2 && lengths[0] > 0 && lengths[1] > 0);
    if width < 40 || near_width < 5 || blank_lines < 2 || multi_line_blocks < 2 {
        return Vec::new();
    }
    let mut breaks = Vec::new();
    for k in 0..lines.len().saturating_sub(1) {
        let (length, next) = (lengths[k], lines[k + 1].1.trim());
        if length == 0 || length > WIDEST_WRAP || next.is_empty() {
            continue;
        }
        let next_word = next
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        if length + 1 + next_word > width {
            // The newline ending line k: just before the next line starts.
            breaks.push(lines[k + 1].0 - 1);
        }
    }
    breaks
}

/// A trimmed line's width in characters; a line of many bytes is long
/// whatever its characters, and is not counted.
fn width_of(line: &str) -> usize {
    let line = line.trim();
    if line.len() > 4 * WIDEST_WRAP || line.is_ascii() {
        line.len()
    } else {
        line.chars().count()
    }
}

/// Each line with the byte offset where it starts.
fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    lines(text).map(move |line| {
        let at = start;
        start += line.len() + 1;
        (at, line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "8967th Meeting (AM)\nSC/99001\n\nCouncil Hears Briefing on Regional Cooperation\n\nThe Security Council heard today from the head of a regional body,\nwho said that cooperation with the United Nations had never been\ncloser.\n\nKWAME ASANTE (Ghana) said that the subregion could not afford a\nsecurity vacuum and that the mission should stay until its tasks\nwere done.\n\nANA LIMA (Brazil) said partnerships were key to conflict prevention,\nmediation and crisis management.\n";

    #[test]
    fn wrapped_blocks_are_joined_but_header_lines_are_not() {
        let breaks = wrapped_line_breaks(WRAPPED);
        let mut joined = WRAPPED.to_owned();
        for at in &breaks {
            joined.replace_range(at..&(at + 1), " ");
        }
        let paragraphs: Vec<&str> = split(&joined).into_iter().map(|r| &joined[r]).collect();
        assert_eq!(paragraphs[0], "8967th Meeting (AM)");
        assert_eq!(paragraphs[1], "SC/99001");
        assert!(
            paragraphs[3].starts_with("The Security Council") && paragraphs[3].ends_with("closer.")
        );
        assert!(
            paragraphs[4].starts_with("KWAME ASANTE (Ghana)") && paragraphs[4].ends_with("done.")
        );
        assert_eq!(paragraphs.len(), 6);
    }

    #[test]
    fn unwrapped_text_keeps_its_lines() {
        let long = "A paragraph that runs on for well over a hundred characters, as paragraphs pasted from a web page do, without any break.";
        let text = format!("Headline\n\n{long}\n\n{long}\n{long}\n\n{long}\n{long}\n{long}\n");
        assert!(wrapped_line_breaks(&text).is_empty());
        let short = "One line.\nAnother line.\n\nA third.\nA fourth.\n\nFifth.\nSixth.\n";
        assert!(wrapped_line_breaks(short).is_empty());
    }
}
