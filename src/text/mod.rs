//! Text primitives shared by every pass: line-ending normalisation and the
//! mapping between byte offsets (what Rust slices with) and code-point offsets
//! (what leaves the program).

mod normalize;
mod offsets;

pub use normalize::normalize_line_endings;
pub use offsets::CharIndex;
