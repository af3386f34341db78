//! Custom hooks: debounced parsing, keyboard shortcuts, autosave and
//! noticing saves from other tabs.

mod use_autosave;
mod use_debounce;
mod use_shortcuts;
mod use_storage_sync;

pub use use_autosave::use_autosave;
pub use use_debounce::use_debounce;
pub use use_shortcuts::use_shortcuts;
pub use use_storage_sync::use_storage_sync;
