//! Small function components, one per file (the document view in its own
//! folder of parts). Each takes the narrow props it shows (the document
//! compared by address), and the dispatcher from the one context
//! (`app::context`).

pub mod annotations_panel;
pub mod app;
pub mod document;
pub mod export_menu;
pub mod facts_panel;
pub mod file_button;
pub mod header_card;
pub mod input_panel;
pub mod library;
pub mod notices;
pub mod site_header;
pub mod speakers_panel;
pub mod tag_editor;
pub mod tag_palette;
