//! The app's state, as in Yew's `function_todomvc` but one small reducer per
//! concern, each with its own `Action` enum:
//!
//! - [`workspace`]: the open document: the text box, the parse (and the
//!   worker's progress), the document on show, its annotation session, a
//!   change waiting for the reader's yes;
//! - [`view`]: what the reader looks at: target, focus, selected
//!   annotation, filters, hidden fact kinds, the find box's match, the
//!   last jump request;
//! - [`sync`]: keeping the work: autosave status, a storage problem, a save
//!   by another tab;
//! - [`notice`]: the latest message for the reader.
//!
//! [`store`] routes each [`Action`] to its reducer and handles the few that
//! cross concerns. A library of many documents (issue 11) joins as a fourth
//! reducer beside these, `library`, with its own action enum routed the same
//! way; the workspace stays the one open document.
//!
//! Everything here is pure: no clock (ids and timestamps arrive with the
//! actions), no browser, no Yew. It is built and tested natively with the
//! core; the app hands it to Yew in `app::context`.

pub mod notice;
pub mod store;
pub mod sync;
pub mod view;
pub mod workspace;

pub use notice::{Notice, NoticeKind};
pub use store::{Action, Store};
pub use sync::{OtherTab, SaveState, Settle, SyncAction, SyncStatus};
pub use view::{edges, snapped, Focus, Found, Jump, Target, View, ViewAction};
pub use workspace::{
    Edit, Parsing, Pending, Workspace, WorkspaceAction, MAX_TEXT_BYTES, WORKER_THRESHOLD_BYTES,
};
