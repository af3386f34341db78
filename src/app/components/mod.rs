//! Small function components, one per file.

pub mod annotations_panel;
pub mod app;
pub mod document_view;
pub mod facts_panel;
pub mod file_button;
pub mod header_card;
pub mod input_panel;
pub mod notices;
pub mod paragraph;
pub mod site_header;
pub mod speakers_panel;
pub mod tag_editor;
pub mod tag_palette;
