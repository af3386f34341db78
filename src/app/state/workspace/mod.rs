//! The open document: the text in the input box, its parse (here, or in the
//! worker for a long text), the document on show, its annotation session,
//! and a change that waits for the reader's yes. What a change means for
//! the rest of the app (a new document resets the view, a message for the
//! reader) comes back as [`Event`]s for the coordinator to pass on.

mod edit;
mod text;

use std::rc::Rc;

use crate::annotate::{AnnotationSet, ReanchorReport, Session};
use crate::document::Document;
use crate::library::is_edit_of;
use crate::parse::parse;

pub use edit::Edit;

use super::notice::Notice;

/// A text this long is parsed in a Web Worker, so the page stays usable.
pub const WORKER_THRESHOLD_BYTES: usize = 2 * 1024 * 1024;

/// The longest text the app takes: past this, a tab runs short of memory
/// holding the text, its parse and the page.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Why an edit of the annotations is refused while an outline is on show.
const READING_NOTICE: &str =
    "This text is still being read: tagging opens once its speakers and facts are found.";

/// Progress of a parse in the worker.
#[derive(Debug, Clone)]
pub struct Parsing {
    pub id: u64,
    pub percent: u8,
    /// The text is a release of its own, not an edit of the one on show.
    pub fresh: bool,
    /// A release of its own is shown as its paragraphs alone
    /// ([`outline`](crate::parse::outline), made on the page while the
    /// worker parses: `Outlined`), read-only, until the parse replaces it;
    /// an edit of the document on show keeps that document. A new job
    /// starts with the outline already on show, if any, until its own.
    pub outline: Option<Rc<Document>>,
}

/// Compared by the outline's address: the reducer runs on every action and
/// must not compare a long text.
impl PartialEq for Parsing {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.percent == other.percent
            && self.fresh == other.fresh
            && match (&self.outline, &other.outline) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// A change that waits for the reader's yes, because it would set aside
/// annotations.
#[derive(Debug, Clone)]
pub struct Pending {
    pub question: String,
    pub confirm_label: String,
    pub document: Rc<Document>,
    pub session: Rc<Session>,
    pub input: Rc<str>,
}

/// Large parts are shared, so cloning a workspace (which the reducer does
/// for every action) copies no text and no annotations.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// What the text box holds; parsed after a pause or on "Parse".
    pub input: Rc<str>,
    pub document: Rc<Document>,
    pub session: Rc<Session>,
    /// A long text being parsed in the worker.
    pub parsing: Option<Parsing>,
    pub pending: Option<Rc<Pending>>,
    /// Bumped whenever what the library stores (text, annotations) changes.
    pub revision: u64,
}

pub enum WorkspaceAction {
    /// The reader typed or pasted into the text box.
    EditInput(Rc<str>),
    /// Parse the text box now (after a pause in typing, or "Parse").
    ParseInput,
    /// A whole new text, a release of its own: "Load sample", "Open
    /// file", a huge paste.
    LoadText(Rc<str>),
    /// A release of the library opened, with its annotations; `text` is
    /// the document's text as the library holds it (shared, not copied).
    Open {
        document: Rc<Document>,
        text: Rc<str>,
        set: AnnotationSet,
    },
    ConfirmPending,
    CancelPending,
    /// The worker finished job `id` on `input`.
    Parsed {
        id: u64,
        input: Rc<str>,
        result: Result<Rc<Document>, String>,
    },
    ParseProgress {
        id: u64,
        percent: u8,
    },
    /// The outline of job `id`'s text, to show until the worker's answer:
    /// taken only for a release of its own.
    Outlined {
        id: u64,
        outline: Rc<Document>,
    },
    /// A change to the annotations or tags, through the session.
    Edit(Edit),
    /// Ends a run of note edits, so the next one is an undo step of its own.
    SealNote,
    /// Annotations read from a file, already placed in the current text.
    Import {
        set: AnnotationSet,
        report: ReanchorReport,
        file_name: String,
        /// Annotations the file started or ended inside a character.
        widened: usize,
        /// Sentences for the reader after the count: what another tool's
        /// file held that has no place here, releases left out.
        notices: Vec<String>,
    },
    /// The annotations replaced (an import merged, the codebook's tags), as
    /// one undo step, without a message.
    Replace(AnnotationSet),
    /// The annotations as another tab left them (merged with these): taken
    /// as they are, with a fresh history, since undoing into another tab's
    /// work would undo it there too.
    Adopt(AnnotationSet),
}

impl From<Edit> for WorkspaceAction {
    fn from(edit: Edit) -> Self {
        WorkspaceAction::Edit(edit)
    }
}

/// What a change of the workspace means for the rest of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Another document is on show (or the one on show was edited).
    Shown,
    /// A text that is a release of its own is on show, with no annotations
    /// yet: the library adds it (or opens the copy it has).
    NewRelease,
    /// The message for the reader (`None` clears it).
    Notice(Option<Notice>),
    /// A new annotation with this id.
    Annotated(String),
    /// The annotations were replaced wholesale.
    Replaced,
}

/// A reduced workspace: the same `Rc` when nothing changed.
pub struct Reduced {
    pub workspace: Rc<Workspace>,
    pub events: Vec<Event>,
}

impl Workspace {
    /// A workspace showing `text`, with `set` as its annotations.
    pub fn new(text: String, set: AnnotationSet) -> Self {
        let document = Rc::new(parse(&text));
        Workspace {
            input: Rc::from(text),
            document,
            session: Rc::new(Session::new(set)),
            parsing: None,
            pending: None,
            revision: 0,
        }
    }

    /// The outline on show while the worker parses a release of its own:
    /// it has no session yet, so annotation edits and exports wait.
    pub fn outline(&self) -> Option<&Rc<Document>> {
        self.parsing.as_ref()?.outline.as_ref()
    }

    pub fn has_annotations(&self) -> bool {
        let set = self.session.set();
        !set.annotations().is_empty() || !set.orphans().is_empty()
    }

    /// Whether the text box holds something other than the document's text.
    pub fn input_differs(&self) -> bool {
        *self.input != *self.document.text
    }

    pub fn reduce(self: &Rc<Self>, action: WorkspaceAction) -> Reduced {
        let mut events = Vec::new();
        let next = (**self).clone();
        let next = match action {
            WorkspaceAction::EditInput(input) => Workspace { input, ..next },
            WorkspaceAction::ParseInput => {
                let input = next.input.clone();
                let fresh = !is_edit_of(&next.document.text, &input);
                next.take_text(input, fresh, &mut events)
            }
            WorkspaceAction::LoadText(input) => next.take_text(input, true, &mut events),
            WorkspaceAction::Open {
                document,
                text,
                set,
            } => {
                let mut next = next;
                next.input = text;
                next.session = Rc::new(Session::new(set));
                next.parsing = None;
                next.show(document, &mut events)
            }
            WorkspaceAction::ConfirmPending => next.confirm_pending(&mut events),
            WorkspaceAction::CancelPending => Workspace {
                input: Rc::from(next.document.text.as_str()),
                pending: None,
                ..next
            },
            WorkspaceAction::Parsed { id, input, result } => {
                next.parsed(id, input, result, &mut events)
            }
            WorkspaceAction::ParseProgress { id, percent } => match next.parsing {
                Some(ref parsing) if parsing.id == id => Workspace {
                    parsing: Some(Parsing {
                        percent,
                        ..parsing.clone()
                    }),
                    ..next
                },
                _ => next,
            },
            WorkspaceAction::Outlined { id, outline } => match next.parsing {
                Some(ref parsing) if parsing.id == id && parsing.fresh => {
                    // The view makes way for the text on show.
                    events.push(Event::Shown);
                    Workspace {
                        parsing: Some(Parsing {
                            outline: Some(outline),
                            ..parsing.clone()
                        }),
                        ..next
                    }
                }
                _ => next,
            },
            WorkspaceAction::Edit(ref edit)
                if edit.touches_annotations() && next.outline().is_some() =>
            {
                events.push(Event::Notice(Some(Notice::info(READING_NOTICE))));
                next
            }
            WorkspaceAction::Import { .. } if next.outline().is_some() => {
                events.push(Event::Notice(Some(Notice::info(READING_NOTICE))));
                next
            }
            WorkspaceAction::Edit(edit) => next.apply_edit(edit, &mut events),
            WorkspaceAction::SealNote if next.session.history().is_sealed() => next,
            WorkspaceAction::SealNote => {
                let mut next = next;
                Rc::make_mut(&mut next.session).seal_history();
                next
            }
            WorkspaceAction::Import {
                set,
                report,
                file_name,
                widened,
                notices,
            } => next.import(set, &report, &file_name, widened, &notices, &mut events),
            WorkspaceAction::Replace(set) if *next.session.set() == set => next,
            WorkspaceAction::Replace(set) => next.replace(set, &mut events),
            WorkspaceAction::Adopt(set) if *next.session.set() == set => next,
            WorkspaceAction::Adopt(set) => Workspace {
                session: Rc::new(Session::new(set)),
                ..next
            }
            .changed(),
        };
        let workspace = if next.same_as(self) {
            Rc::clone(self)
        } else {
            Rc::new(next)
        };
        Reduced { workspace, events }
    }

    /// Whether `other` holds the very same parts (compared by address).
    fn same_as(&self, other: &Workspace) -> bool {
        Rc::ptr_eq(&self.input, &other.input)
            && Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.session, &other.session)
            && self.parsing == other.parsing
            && match (&self.pending, &other.pending) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
            && self.revision == other.revision
    }

    fn changed(mut self) -> Self {
        self.revision += 1;
        self
    }
}

#[cfg(test)]
mod tests;
