//! The app's state and the actions that change it, applied by one reducer
//! (`use_reducer`), as in Yew's `function_todomvc`. Everything the user
//! does is an [`Action`]; ids and timestamps come in with the actions, so
//! the reducer stays free of clocks and randomness.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::annotate::{
    merge, same_work, snap_selection, AnnotationSet, EditError, NewAnnotation, ReanchorReport,
    Session,
};
use crate::document::Document;
use crate::facts::FactKind;
use crate::parse::parse;

/// What the next tag applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A selection in the document, snapped to words (code points).
    Range { start: usize, end: usize },
    /// A fact, by index.
    Fact(usize),
    /// The whole turn holding a paragraph.
    Turn(usize),
}

/// What the reader asked to see highlighted in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Speaker(usize),
    Entity(usize),
    /// One fact's span, e.g. a mention picked in the Facts panel.
    Fact(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the user. Errors stay until dismissed or resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }
}

/// A change that waits for the user's yes, because it would set aside
/// annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub question: String,
    pub confirm_label: String,
    pub document: Rc<Document>,
    pub session: Rc<Session>,
    pub input: AttrValue,
}

/// A text this long is parsed in a Web Worker, so the page stays usable.
pub const WORKER_THRESHOLD_BYTES: usize = 2 * 1024 * 1024;

/// The longest text the app takes: past this, a tab runs short of memory
/// holding the text, its parse and the page.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Progress of a parse in the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsing {
    pub id: u64,
    pub percent: u8,
}

/// What another tab saved while this one was open.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherTab {
    pub text: String,
    pub set: AnnotationSet,
}

/// How the reader settles a save from another tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    /// Both tabs' annotations, when both have the same text.
    Merge,
    /// The other tab's text and annotations.
    TakeTheirs,
    /// This tab's; the next autosave overwrites the other's.
    KeepMine,
}

/// Large parts are shared, so cloning a state (which the reducer does for
/// every action) copies no text and no annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// What the textarea holds; parsed after a pause or on "Parse".
    pub input: AttrValue,
    pub document: Rc<Document>,
    pub session: Rc<Session>,
    pub target: Option<Target>,
    pub focus: Option<Focus>,
    /// Bumped by every jump request, so the view scrolls even to the same place.
    pub scroll_request: u64,
    /// First paragraph of the part of a long document on show.
    pub window_start: usize,
    pub selected_annotation: Option<String>,
    pub hidden_fact_kinds: BTreeSet<FactKind>,
    pub speaker_filter: String,
    pub tag_filter: Option<String>,
    /// `Some(None)` filters to text outside any turn.
    pub speaker_choice: Option<Option<usize>>,
    pub notice: Option<Notice>,
    /// Kept apart from `notice` so that an autosave failure stays visible.
    pub storage_problem: Option<String>,
    pub pending: Option<Pending>,
    /// A long text being parsed in the worker.
    pub parsing: Option<Parsing>,
    /// Set when another tab saved; autosave waits until the reader settles it.
    pub other_tab: Option<Rc<OtherTab>>,
    /// Bumped whenever what autosave stores changes.
    pub revision: u64,
    /// The revision autosave last wrote (or tried to write).
    pub saved_revision: u64,
}

pub enum Action {
    /// The user typed or pasted into the textarea.
    EditInput(AttrValue),
    /// Parse the textarea now (after a pause in typing, or "Parse").
    ParseInput,
    /// A whole new text: "Load sample" or "Open file".
    LoadText(AttrValue),
    ConfirmPending,
    CancelPending,
    SetTarget(Option<Target>),
    /// Show the part of a long document starting at this paragraph.
    ShowWindow(usize),
    SetFocus(Option<Focus>),
    SelectAnnotation(Option<String>),
    /// Tag the target with a tag id.
    Tag {
        tag: String,
        id: String,
        now: String,
    },
    /// Tag the target with the tag on digit key 1-9.
    TagDigit {
        digit: u32,
        id: String,
        now: String,
    },
    DeleteAnnotation(String),
    DeleteSelectedAnnotation,
    SetNote {
        id: String,
        note: String,
        now: String,
    },
    SealNote,
    SetAnnotationTag {
        id: String,
        tag: String,
        now: String,
    },
    DeleteOrphan(String),
    AddTag {
        id: String,
        name: String,
        color: String,
    },
    RenameTag {
        id: String,
        name: String,
    },
    RecolorTag {
        id: String,
        color: String,
    },
    DeleteTag(String),
    DeleteTagWithAnnotations(String),
    Undo,
    Redo,
    ToggleFactKind(FactKind),
    SetSpeakerFilter(String),
    SetTagFilter(Option<String>),
    SetSpeakerChoice(Option<Option<usize>>),
    /// Annotations read from a file, already placed in the current text.
    Import {
        set: AnnotationSet,
        report: ReanchorReport,
        file_name: String,
        /// Annotations the file started or ended inside a character.
        widened: usize,
    },
    Notify(Notice),
    DismissNotice,
    /// Autosave wrote `revision`, or failed to with the problem given.
    Saved {
        revision: u64,
        problem: Option<String>,
    },
    /// Another tab saved this text and these annotations.
    OtherTabSaved {
        text: String,
        set: AnnotationSet,
    },
    SettleOtherTab(Settle),
    /// The worker finished job `id` on `input`.
    Parsed {
        id: u64,
        input: AttrValue,
        result: Result<Rc<Document>, String>,
    },
    ParseProgress {
        id: u64,
        percent: u8,
    },
}

impl State {
    /// A state showing `text`, with `set` as its annotations.
    pub fn new(text: String, set: AnnotationSet) -> Self {
        let document = Rc::new(parse(&text));
        State {
            input: AttrValue::from(text),
            document,
            session: Rc::new(Session::new(set)),
            target: None,
            focus: None,
            scroll_request: 0,
            window_start: 0,
            selected_annotation: None,
            hidden_fact_kinds: BTreeSet::new(),
            speaker_filter: String::new(),
            tag_filter: None,
            speaker_choice: None,
            notice: None,
            storage_problem: None,
            pending: None,
            parsing: None,
            other_tab: None,
            revision: 0,
            saved_revision: 0,
        }
    }

    pub fn has_annotations(&self) -> bool {
        let set = self.session.set();
        !set.annotations().is_empty() || !set.orphans().is_empty()
    }

    fn changed(mut self) -> Self {
        self.revision += 1;
        self
    }

    /// Applies an edit of the annotations; a refusal becomes a notice.
    fn edit(mut self, edit: impl FnOnce(&mut Session, &Document) -> Result<(), EditError>) -> Self {
        let document = self.document.clone();
        let mut session = (*self.session).clone();
        match edit(&mut session, &document) {
            Ok(()) => {
                self.session = Rc::new(session);
                self.changed()
            }
            Err(error) => {
                self.notice = Some(Notice::error(capitalise(&error.to_string())));
                self
            }
        }
    }

    /// Parses `input`, here for a short text or in the worker for a long one.
    fn take_text(mut self, input: AttrValue) -> Self {
        if *input == *self.document.text && self.pending.is_none() {
            self.input = input;
            self.parsing = None;
            return self;
        }
        if input.len() > MAX_TEXT_BYTES {
            self.notice = Some(Notice::error(format!(
                "This text is {:.1} MB; Rapporteur reads up to {} MB in a browser tab. The document shown was kept.",
                input.len() as f64 / 1_048_576.0,
                MAX_TEXT_BYTES / 1_048_576
            )));
            self.input = AttrValue::from(self.document.text.clone());
            return self;
        }
        if self.parsing.is_some() && *input == *self.input {
            // Already being parsed (a pause in typing asks again).
            return self;
        }
        if input.len() > WORKER_THRESHOLD_BYTES {
            // Parsed off the page's thread; `Parsed` comes back with it.
            let id = self
                .parsing
                .as_ref()
                .map_or(1, |p| p.id + 1)
                .max(self.revision + 1);
            self.input = input;
            self.parsing = Some(Parsing { id, percent: 0 });
            return self;
        }
        let document = Rc::new(parse(&input));
        self.take_document(input, document)
    }

    /// Shows a parsed document; re-anchors annotations on it, or asks first
    /// when most of them would lose their place.
    fn take_document(mut self, input: AttrValue, document: Rc<Document>) -> Self {
        self.parsing = None;
        self.input = input.clone();
        if !self.has_annotations() {
            return self.show(document);
        }
        let before = self.session.set().annotations().len();
        let mut session = (*self.session).clone();
        let report = session.follow_text_change(&self.document.text, &document);
        let placed = session.set().annotations().len();
        if before > 0 && placed * 2 < before {
            self.pending = Some(Pending {
                question: format!(
                    "This text is not the one you annotated: {} of {} annotations cannot be placed in it. \
                     Replace the document? The annotations that cannot be placed are kept in the Annotations \
                     panel as not placed, and can be exported.",
                    before - placed,
                    before
                ),
                confirm_label: "Replace document".to_owned(),
                document,
                session: Rc::new(session),
                input,
            });
            return self;
        }
        self.session = Rc::new(session);
        self.notice = reanchor_notice(&report);
        self.show(document)
    }

    fn show(mut self, document: Rc<Document>) -> Self {
        self.document = document;
        self.window_start = 0;
        self.target = None;
        self.focus = None;
        self.selected_annotation = None;
        self.pending = None;
        self.changed()
    }

    fn tag_target(self, tag: String, id: String, now: String) -> Self {
        let Some(target) = self.target else {
            let mut state = self;
            state.notice = Some(Notice::info(
                "Select a passage in the document first (or pick a fact or a speaker's turn), then choose a tag.",
            ));
            return state;
        };
        let new = NewAnnotation {
            id: id.clone(),
            tag,
            note: String::new(),
            start: 0,
            end: 0,
            now,
        };
        let mut state = self.edit(|session, document| match target {
            Target::Range { start, end } => {
                session.annotate(document, NewAnnotation { start, end, ..new })
            }
            Target::Fact(index) => session.annotate_fact(document, index, new),
            Target::Turn(paragraph) => session.annotate_turn(document, paragraph, new),
        });
        if state.session.set().annotation(&id).is_some() {
            state.selected_annotation = Some(id);
            state.target = None;
            state.notice = None;
        }
        state
    }
}

impl State {
    fn settle(mut self, other: &OtherTab, settle: Settle) -> Self {
        self.other_tab = None;
        match settle {
            Settle::KeepMine => self.changed(),
            Settle::Merge if other.text == self.document.text => {
                let merged = merge(self.session.set(), &other.set);
                self.edit(|session, _| session.replace_all(merged))
            }
            Settle::TakeTheirs if other.text == self.document.text => {
                let theirs = other.set.clone();
                self.edit(|session, _| session.replace_all(theirs))
            }
            // Different texts cannot merge: take the other tab's document.
            Settle::Merge | Settle::TakeTheirs => {
                self.session = Rc::new(Session::new(other.set.clone()));
                self.input = AttrValue::from(other.text.clone());
                let document = Rc::new(parse(&other.text));
                self.show(document)
            }
        }
    }
}

/// Paragraphs shown at once: a long document is shown in parts, so that
/// the page never holds hundreds of thousands of paragraphs.
pub const WINDOW: usize = 25_000;

/// The first paragraph of the part holding `paragraph`.
pub fn window_of(paragraph: usize) -> usize {
    paragraph - paragraph % WINDOW
}

impl State {
    /// The paragraph that the focus or the selected annotation is in.
    pub fn jump_target(&self) -> Option<usize> {
        let doc = &self.document;
        let paragraph_of_fact = |f: usize| doc.facts.get(f).map(|fact| fact.paragraph);
        match &self.focus {
            Some(Focus::Speaker(s)) => {
                return doc
                    .speakers
                    .get(*s)
                    .and_then(|s| s.paragraphs.first().copied())
            }
            Some(Focus::Entity(e)) => {
                return doc
                    .entities
                    .get(*e)
                    .and_then(|e| e.facts.first().copied())
                    .and_then(paragraph_of_fact)
            }
            Some(Focus::Fact(f)) => return paragraph_of_fact(*f),
            None => {}
        }
        let id = self.selected_annotation.as_ref()?;
        let annotation = self.session.set().annotation(id)?;
        doc.paragraph_at(annotation.start)
            .or_else(|| doc.paragraph_at(annotation.end.saturating_sub(1)))
    }

    /// Asks the view to scroll to the jump target, showing its part first.
    fn jump(mut self) -> Self {
        if let Some(paragraph) = self.jump_target() {
            self.window_start = window_of(paragraph);
        }
        self.scroll_request += 1;
        self
    }
}

/// A sentence for the user about annotations that moved or lost their place.
fn reanchor_notice(report: &ReanchorReport) -> Option<Notice> {
    let lost = report.orphaned + report.still_orphaned;
    let moved = report.moved_total();
    match (lost, moved) {
        (0, 0) => None,
        (0, moved) => Some(Notice::info(format!("{moved} annotation(s) moved with the edited text."))),
        (lost, _) => Some(Notice::info(format!(
            "{lost} annotation(s) could not be placed in the edited text; they are listed under \"Not placed\"."
        ))),
    }
}

fn capitalise(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = (*self).clone();
        let next = match action {
            Action::EditInput(input) => State { input, ..state },
            Action::ParseInput => {
                let input = state.input.clone();
                state.take_text(input)
            }
            Action::LoadText(text) => state.take_text(text),
            Action::ConfirmPending => match state.pending.clone() {
                Some(pending) => {
                    let mut state = state;
                    state.session = pending.session;
                    state.input = pending.input;
                    state.show(pending.document)
                }
                None => state,
            },
            Action::CancelPending => State {
                input: AttrValue::from(state.document.text.clone()),
                pending: None,
                ..state
            },
            Action::SetTarget(target) => {
                if state.target == target {
                    return self;
                }
                State { target, ..state }
            }
            Action::SetFocus(focus) => State { focus, ..state }.jump(),
            Action::SelectAnnotation(id) => State {
                selected_annotation: id,
                ..state
            }
            .jump(),
            Action::ShowWindow(start) => State {
                window_start: window_of(
                    start.min(state.document.paragraphs.len().saturating_sub(1)),
                ),
                ..state
            },
            Action::Tag { tag, id, now } => state.tag_target(tag, id, now),
            Action::TagDigit { digit, id, now } => match state.session.set().tag_for_digit(digit) {
                Some(tag) => {
                    let tag = tag.id.clone();
                    state.tag_target(tag, id, now)
                }
                None => state,
            },
            Action::DeleteAnnotation(id) => {
                let mut state = state.edit(|session, _| session.delete_annotation(&id));
                if state.selected_annotation.as_deref() == Some(id.as_str()) {
                    state.selected_annotation = None;
                }
                state
            }
            Action::DeleteSelectedAnnotation => match state.selected_annotation.clone() {
                Some(id) => {
                    let mut state = state.edit(|session, _| session.delete_annotation(&id));
                    state.selected_annotation = None;
                    state
                }
                None => return self,
            },
            Action::SetNote { id, note, now } => {
                state.edit(|session, _| session.set_note(&id, &note, &now))
            }
            Action::SealNote => {
                let mut state = state;
                Rc::make_mut(&mut state.session).seal_history();
                state
            }
            Action::SetAnnotationTag { id, tag, now } => {
                state.edit(|session, _| session.set_annotation_tag(&id, &tag, &now))
            }
            Action::DeleteOrphan(id) => state.edit(|session, _| session.delete_orphan(&id)),
            Action::AddTag { id, name, color } => {
                state.edit(|session, _| session.add_tag(&id, &name, &color))
            }
            Action::RenameTag { id, name } => {
                state.edit(|session, _| session.rename_tag(&id, &name))
            }
            Action::RecolorTag { id, color } => {
                state.edit(|session, _| session.recolor_tag(&id, &color))
            }
            Action::DeleteTag(id) => state.edit(|session, _| session.delete_tag(&id)),
            Action::DeleteTagWithAnnotations(id) => {
                state.edit(|session, _| session.delete_tag_with_annotations(&id))
            }
            Action::Undo => state.edit(|session, _| session.undo().map(|_| ())),
            Action::Redo => state.edit(|session, _| session.redo().map(|_| ())),
            Action::ToggleFactKind(kind) => {
                let mut hidden = state.hidden_fact_kinds.clone();
                if !hidden.remove(&kind) {
                    hidden.insert(kind);
                }
                State {
                    hidden_fact_kinds: hidden,
                    ..state
                }
            }
            Action::SetSpeakerFilter(speaker_filter) => State {
                speaker_filter,
                ..state
            },
            Action::SetTagFilter(tag_filter) => State {
                tag_filter,
                ..state
            },
            Action::SetSpeakerChoice(speaker_choice) => State {
                speaker_choice,
                ..state
            },
            Action::Import {
                set,
                report,
                file_name,
                widened,
            } => {
                let count = set.annotations().len();
                let mut state = state.edit(|session, _| session.replace_all(set));
                let lost = report.orphaned + report.still_orphaned;
                if state.notice.is_none() {
                    let mut text = if lost == 0 {
                        format!("Imported {count} annotation(s) from {file_name}.")
                    } else {
                        format!(
                            "Imported {count} annotation(s) from {file_name}; {lost} could not be placed in this text and are listed under \"Not placed\"."
                        )
                    };
                    if widened > 0 {
                        text.push_str(&format!(
                            " {widened} started or ended inside a character (between a letter and its accent, or inside an emoji) and now cover(s) the whole character."
                        ));
                    }
                    state.notice = Some(Notice::info(text));
                }
                state.selected_annotation = None;
                state
            }
            Action::Notify(notice) => State {
                notice: Some(notice),
                ..state
            },
            Action::DismissNotice => State {
                notice: None,
                ..state
            },
            Action::Parsed { id, input, result } => {
                if state.parsing.as_ref().map(|p| p.id) != Some(id) {
                    return self;
                }
                match result {
                    Ok(document) => state.take_document(input, document),
                    Err(error) => State {
                        parsing: None,
                        notice: Some(Notice::error(format!(
                            "The text could not be read: {error}. The document shown was kept."
                        ))),
                        ..state
                    },
                }
            }
            Action::ParseProgress { id, percent } => match &state.parsing {
                Some(parsing) if parsing.id == id && parsing.percent != percent => State {
                    parsing: Some(Parsing { id, percent }),
                    ..state
                },
                _ => return self,
            },
            Action::OtherTabSaved { text, set } => {
                // The same work in another order (both tabs merged) is
                // nothing to settle.
                if text == state.document.text && same_work(&set, state.session.set()) {
                    return self;
                }
                State {
                    other_tab: Some(Rc::new(OtherTab { text, set })),
                    ..state
                }
            }
            Action::SettleOtherTab(settle) => match state.other_tab.clone() {
                Some(other) => state.settle(&other, settle),
                None => state,
            },
            Action::Saved { revision, problem } => State {
                saved_revision: revision,
                storage_problem: problem,
                ..state
            },
        };
        Rc::new(next)
    }
}

/// Snaps a raw selection (code points) to the words around it.
pub fn snapped(document: &Document, start: usize, end: usize) -> Option<Target> {
    snap_selection(document, start, end).map(|span| Target::Range {
        start: span.start,
        end: span.end,
    })
}
