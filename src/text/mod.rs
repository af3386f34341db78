//! Text primitives shared by every pass: line-ending normalisation, the
//! mapping between byte offsets (what Rust slices with) and code-point offsets
//! (what leaves the program), the digest that identifies a text, and the
//! character scanner every pass reads text through (`scan`).

mod normalize;
mod offsets;
pub mod scan;
mod sha256;

pub use normalize::normalize_line_endings;
pub use offsets::CharIndex;
pub use sha256::sha256_hex;
