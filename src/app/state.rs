//! App state and the actions that change it, applied by a reducer.

use std::rc::Rc;

use yew::prelude::*;

use crate::document::Document;
use crate::parse::parse;
use crate::sample;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// What the textarea holds.
    pub input: String,
    /// The parse of `input`.
    pub document: Rc<Document>,
}

pub enum Action {
    /// The user edited or pasted into the textarea.
    SetInput(String),
    /// The "Load sample" button.
    LoadSample,
}

impl State {
    pub fn with_input(input: String) -> Self {
        let document = Rc::new(parse(&input));
        State { input, document }
    }
}

impl Default for State {
    /// A first visit opens on the sample, so there is something real to read.
    fn default() -> Self {
        State::with_input(sample::UN_MEETING.to_owned())
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetInput(input) => Rc::new(State::with_input(input)),
            Action::LoadSample => Rc::new(State::default()),
        }
    }
}
