//! Text primitives shared by every pass: line-ending normalisation, the
//! mapping between byte offsets (what Rust slices with) and code-point offsets
//! (what leaves the program), UTF-16 offsets (what the DOM, JavaScript and
//! Java count), the digest that identifies a text, the character scanner
//! every pass reads text through (`scan`), runs of word bytes found eight at
//! a time (`swar`), folding for search, and numbers written without the
//! float formatting machinery (`decimal`).

mod cursor;
mod decimal;
mod fold;
mod normalize;
mod offsets;
pub mod scan;
mod sha256;
pub mod swar;
mod utf16;

pub use cursor::CharCursor;
pub use decimal::{one_decimal, shortest};
pub use fold::{fold, fold_char, fold_into, original_offset, Folded};
pub use fold::{fold_latin, is_combining_mark};
pub use normalize::{normalize_line_endings, LineEndings};
pub use offsets::CharIndex;
pub use sha256::sha256_hex;
pub use utf16::{
    byte_of_utf16, char_of_utf16, chars_of_utf16, chars_of_utf16_range, utf16_len, utf16_of_char,
    utf16_of_chars, Snap,
};
