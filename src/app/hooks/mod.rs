//! Custom hooks: page-wide listeners (keyboard shortcuts, Ctrl+F for the
//! app's find box, saves by other tabs of the library, the mouse and keys
//! that make a selection, a press outside an open menu, files dropped on the
//! page), timers and effects (debounced parsing and the worker, the library
//! in IndexedDB, search indexing, the window of a long document in the page
//! and scrolling to a jump), and derived values kept at a stable address.
//! With `dom` and a few other modules, the only code of the app that
//! touches browser APIs.

mod use_click_outside;
mod use_debounce;
mod use_derived;
mod use_file_drop;
mod use_find_shortcut;
mod use_jump_scroll;
mod use_keyboard_selection;
mod use_library;
mod use_parsing;
mod use_search_index;
mod use_selection_reading;
mod use_shortcuts;
mod use_window;

pub use use_click_outside::use_click_outside;
pub use use_debounce::use_debounce;
pub use use_derived::use_derived;
pub use use_file_drop::use_file_drop;
pub use use_find_shortcut::use_find_shortcut;
pub use use_jump_scroll::use_jump_scroll;
pub use use_keyboard_selection::use_keyboard_selection;
pub use use_library::use_library;
pub use use_parsing::use_parsing;
pub use use_search_index::use_search_index;
pub use use_selection_reading::use_selection_reading;
pub use use_shortcuts::use_shortcuts;
pub use use_window::{use_window, Window, WHOLE_UP_TO};
