//! Runs of bytes found eight at a time. Every pass reads its text word by
//! word, and a byte-at-a-time loop that stops at the end of a word costs a
//! mispredicted branch per word, as word lengths follow no pattern. Here
//! eight bytes are loaded as one `u64` and tested together with plain
//! arithmetic, so the end of a word is found by counting trailing zeros:
//! one well-predicted branch per eight bytes.
//!
//! Each test below sets the high bit of every byte of the word for which
//! it holds. The byte-wise additions cannot carry from one byte into the
//! next, because each works on bytes whose high bit is clear (`low`) and
//! adds at most 0x80.

/// 0x01 in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `low` (high bits clear) that lies in
/// `first..=last` (both below 0x80).
#[inline(always)]
const fn in_range(low: u64, first: u8, last: u8) -> u64 {
    let at_least_first = low + ONES * (0x80 - first as u64);
    let above_last = low + ONES * (0x80 - last as u64 - 1);
    at_least_first & !above_last & HIGH
}

/// The high bit of each byte of `x` that is an ASCII letter or digit.
#[inline(always)]
const fn ascii_alnum(x: u64) -> u64 {
    let low = x & !HIGH;
    let letter = in_range(low | (ONES * 0x20), b'a', b'z');
    (in_range(low, b'0', b'9') | letter) & !x
}

/// The high bit of each byte of `x` that is an ASCII space: space, tab,
/// LF, VT, FF or CR (`text::scan::is_space`'s ASCII members).
#[inline(always)]
const fn ascii_space(x: u64) -> u64 {
    let low = x & !HIGH;
    (in_range(low, b' ', b' ') | in_range(low, b'\t', b'\r')) & !x
}

/// The high bit of each byte of `x` that is ASCII and not a space.
#[inline(always)]
const fn ascii_non_space(x: u64) -> u64 {
    !(ascii_space(x) | x) & HIGH
}

/// The first offset from `i` whose byte fails `test` (a test above), or
/// where `fallback` fails for the last few bytes, or the end.
#[inline(always)]
fn run_end(
    b: &[u8],
    mut i: usize,
    test: impl Fn(u64) -> u64,
    fallback: impl Fn(u8) -> bool,
) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let stops = !test(u64::from_le_bytes(word)) & HIGH;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&byte| fallback(byte)) {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters and digits that starts at `i`
/// (`i` itself when none does).
#[inline]
pub fn ascii_alnum_end(b: &[u8], i: usize) -> usize {
    run_end(b, i, ascii_alnum, |byte| byte.is_ascii_alphanumeric())
}

/// The end of the run of ASCII bytes other than spaces that starts at `i`.
#[inline]
pub fn ascii_word_end(b: &[u8], i: usize) -> usize {
    run_end(b, i, ascii_non_space, |byte| {
        byte < 0x80 && !super::scan::is_space(char::from(byte))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each run end against a byte-at-a-time reading of its definition,
    /// for every byte value at every position of a chunk and beyond it.
    #[test]
    fn run_ends_match_their_definitions_for_every_byte() {
        type Case = (fn(&[u8], usize) -> usize, fn(u8) -> bool);
        let cases: [Case; 2] = [
            (ascii_alnum_end, |b| b.is_ascii_alphanumeric()),
            (ascii_word_end, |b| {
                b < 0x80 && !b" \t\n\x0b\x0c\r".contains(&b)
            }),
        ];
        for (run, holds) in cases {
            for filler in [b'a', b'Z', b'5', b' ', b'\t', b'-', 0xc3] {
                for stop in 0..=255u8 {
                    for at in 0..20 {
                        let mut bytes = vec![filler; 24];
                        bytes[at] = stop;
                        for start in [0, 1, 7, 9] {
                            let expected = (start..bytes.len())
                                .find(|&k| !holds(bytes[k]))
                                .unwrap_or(bytes.len());
                            assert_eq!(
                                run(&bytes, start),
                                expected,
                                "filler {filler:#04x}, byte {stop:#04x} at {at}, from {start}"
                            );
                        }
                    }
                }
            }
        }
    }
}
