//! Names the parser and the fact extractor both need: the countries of the
//! United Nations, the organisations of the UN system and of regional and
//! intergovernmental cooperation, the UN organs with the symbol series of
//! each, and a matcher that finds many multi-word names in text in one pass.

pub mod countries;
pub mod organizations;
pub mod organs;
pub mod phrases;
