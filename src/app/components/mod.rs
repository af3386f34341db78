//! Small function components, one per file.

pub mod app;
pub mod document_view;
pub mod input_panel;
pub mod site_header;
