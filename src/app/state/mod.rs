//! The app's state, as in Yew's `function_todomvc` but one small reducer per
//! concern, each with its own `Action` enum:
//!
//! - [`workspace`]: the open document: the text box, the parse (and the
//!   worker's progress), the document on show, its annotation session, a
//!   change waiting for the reader's yes;
//! - [`view`]: what the reader looks at: target, focus, selected
//!   annotation, filters, hidden fact kinds, the find box's match, the
//!   last jump request (and whether it marks its paragraph);
//! - [`library`]: every release (summaries and annotations), the one
//!   codebook, the release open, the list's filter and order, where the
//!   library is kept and what waits to be written;
//! - [`notice`]: the latest message for the reader.
//!
//! [`store`] routes each [`Action`] to its reducer and handles the few that
//! cross concerns (the workspace is the one open release of the library).
//!
//! Everything here is pure: no clock (ids and timestamps arrive with the
//! actions), no browser, no Yew. It is built and tested natively with the
//! core; the app hands it to Yew in `app::context`.

pub mod library;
pub mod notice;
pub mod store;
pub mod view;
pub mod workspace;

pub use library::{
    bodies, listed, Library, LibraryAction, Listing, Release, Sort, Storage, StoredRelease,
};
pub use notice::{Notice, NoticeKind};
pub use store::{Action, AddedText, Place, SaveState, Start, Store};
pub use view::{edges, snapped, Focus, Found, Jump, Target, View, ViewAction};
pub use workspace::{
    Edit, Parsing, Pending, Workspace, WorkspaceAction, MAX_TEXT_BYTES, WORKER_THRESHOLD_BYTES,
};
