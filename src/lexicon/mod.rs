//! Names the parser and the fact extractor both need: the countries of the
//! United Nations and the organisations of the UN system and of regional
//! and intergovernmental cooperation, with a matcher that finds many
//! multi-word names in text in one pass.

pub mod countries;
pub mod organizations;
pub mod phrases;
