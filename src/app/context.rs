//! How the state reaches the components. The store lives in one
//! `use_reducer` in `App`; its parts go down as narrow props (the document
//! as a [`Shared<Document>`](super::shared::Shared), compared by address),
//! and one context, [`Handles`], carries what every component may need to
//! act but that never changes:
//!
//! - [`Dispatch`]: sends an [`Action`] to the store;
//! - [`Latest`]: the workspace as last rendered, for event handlers that
//!   read it when they fire (exports, import) but show nothing of it, so
//!   that they do not re-render at every edit.
//!
//! (One context rather than one per handle: each provider is a component
//! type of its own in the wasm.)

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, Store, Workspace};

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

/// What `App` provides to every component; never changes.
#[derive(Clone, PartialEq)]
pub struct Handles {
    pub dispatch: Dispatch,
    pub latest: Latest,
}

#[hook]
fn use_handles() -> Handles {
    use_context::<Handles>().expect("components are rendered inside App's provider")
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_handles().dispatch
}

#[hook]
pub fn use_latest() -> Latest {
    use_handles().latest
}
