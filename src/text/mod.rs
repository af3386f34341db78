//! Text primitives shared by every pass: line-ending normalisation, the
//! mapping between byte offsets (what Rust slices with) and code-point offsets
//! (what leaves the program), UTF-16 offsets (what JavaScript and Java
//! count), the digest that identifies a text, and folding for search.

mod cursor;
mod fold;
mod normalize;
mod offsets;
mod sha256;
mod utf16;

pub use cursor::CharCursor;
pub use fold::{fold, fold_char, fold_into, original_offset, Folded};
pub(crate) use fold::{fold_latin, is_combining_mark};
pub use normalize::normalize_line_endings;
pub use offsets::CharIndex;
pub use sha256::sha256_hex;
pub use utf16::{chars_of_utf16, utf16_len, utf16_of_chars};
