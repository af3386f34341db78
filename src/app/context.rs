//! How the state reaches the components. The store lives in one
//! `use_reducer` in `App`; its parts go down as narrow props, and three
//! contexts carry what many components need:
//!
//! - [`Dispatch`]: sends an [`Action`] to the store (never changes);
//! - the document on show, as a [`Shared<Document>`] (changes only when
//!   another document is shown);
//! - [`Latest`]: the workspace as last rendered, for event handlers that
//!   read it when they fire (exports) but show nothing of it, so that they
//!   do not re-render at every edit (never changes either).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::shared::Shared;
use super::state::{Action, Store, Workspace};
use crate::document::Document;

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action)
    }
}

/// Sends actions to the store.
#[derive(Clone, PartialEq)]
pub struct Dispatch(Callback<Action>);

impl Dispatch {
    pub fn new(callback: Callback<Action>) -> Self {
        Dispatch(callback)
    }

    pub fn emit(&self, action: impl Into<Action>) {
        self.0.emit(action.into())
    }

    /// A callback that turns an event into an action and sends it.
    pub fn reform<E, A: Into<Action>>(&self, to_action: impl Fn(E) -> A + 'static) -> Callback<E> {
        self.0.reform(move |event| to_action(event).into())
    }

    pub fn callback(&self) -> Callback<Action> {
        self.0.clone()
    }
}

/// The workspace of the last render.
#[derive(Clone)]
pub struct Latest(Rc<RefCell<Rc<Workspace>>>);

impl Latest {
    pub fn new(workspace: Rc<Workspace>) -> Self {
        Latest(Rc::new(RefCell::new(workspace)))
    }

    pub fn set(&self, workspace: Rc<Workspace>) {
        *self.0.borrow_mut() = workspace;
    }

    pub fn get(&self) -> Rc<Workspace> {
        self.0.borrow().clone()
    }
}

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App's providers")
}

#[hook]
pub fn use_document() -> Shared<Document> {
    use_context::<Shared<Document>>().expect("components are rendered inside App's providers")
}

#[hook]
pub fn use_latest() -> Latest {
    use_context::<Latest>().expect("components are rendered inside App's providers")
}
