/// Maps byte offsets of a string to code-point offsets and back.
///
/// Parsing works on byte offsets because that is what `str` slices with, but
/// every offset that leaves the program counts Unicode code points. A
/// checkpoint every [`BLOCK`] bytes keeps each lookup to one short scan, so
/// converting all spans of a 10 MB document stays linear.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `checkpoints[k]` is the number of code points in `text[..k * BLOCK]`.
    checkpoints: Vec<u32>,
    len_bytes: usize,
    len_chars: usize,
}

const BLOCK: usize = 64;

fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// How many bytes of `block` start a character, eight at a time: a
/// continuation byte is `10xxxxxx`, its top bit set and the next one clear.
fn count_char_starts(block: &[u8]) -> u32 {
    const TOP_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = block.chunks_exact(8);
    let mut count = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // Bit 7 of each byte: set, with bit 6 (shifted up into 7) clear.
        let continuation = x & !(x << 1) & TOP_BITS;
        count += 8 - continuation.count_ones();
    }
    count
        + words
            .remainder()
            .iter()
            .filter(|b| is_char_start(**b))
            .count() as u32
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += count_char_starts(block);
        }
        checkpoints.push(count);
        CharIndex {
            checkpoints,
            len_bytes: bytes.len(),
            len_chars: count as usize,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Code-point offset of a byte offset. A byte offset inside a character
    /// counts as that character's start.
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let block = byte / BLOCK;
        let start = block * BLOCK;
        let within = text.as_bytes()[start..byte]
            .iter()
            .filter(|b| is_char_start(**b))
            .count();
        self.checkpoints[block] as usize + within
    }

    /// Byte offset of a code-point offset; offsets past the end clamp to it.
    pub fn byte_of_char(&self, text: &str, char_offset: usize) -> usize {
        if char_offset >= self.len_chars {
            return self.len_bytes;
        }
        // The last block whose checkpoint is at or before the wanted char.
        let block = self
            .checkpoints
            .partition_point(|&c| c as usize <= char_offset)
            .saturating_sub(1);
        let mut remaining = char_offset - self.checkpoints[block] as usize;
        let bytes = text.as_bytes();
        let mut at = block * BLOCK;
        loop {
            if is_char_start(bytes[at]) {
                if remaining == 0 {
                    return at;
                }
                remaining -= 1;
            }
            at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn round_trips_every_boundary_of_mixed_text() {
        let text = "Zürich — 東京 🎉 ok ".repeat(40);
        let index = CharIndex::new(&text);
        assert_eq!(index.len_chars(), text.chars().count());
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of_byte(&text, byte), chars);
            assert_eq!(index.byte_of_char(&text, chars), byte);
        }
        assert_eq!(index.byte_of_char(&text, index.len_chars()), text.len());
        assert_eq!(index.char_of_byte(&text, text.len()), index.len_chars());
    }

    #[test]
    fn counting_eight_bytes_at_a_time() {
        let text = "aé—🎉\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}".repeat(9);
        for end in 0..text.len() {
            let block = &text.as_bytes()[..end];
            let expected = block.iter().filter(|b| super::is_char_start(**b)).count() as u32;
            assert_eq!(super::count_char_starts(block), expected);
        }
    }

    #[test]
    fn empty_text() {
        let index = CharIndex::new("");
        assert_eq!(index.len_chars(), 0);
        assert_eq!(index.byte_of_char("", 5), 0);
        assert_eq!(index.char_of_byte("", 0), 0);
    }
}
