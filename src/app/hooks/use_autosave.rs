use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::clock::now_iso;
use crate::app::shared::Shared;
use crate::app::state::{Action, State};
use crate::app::storage;

/// Quiet time after a change before it is written: writing a long text to
/// localStorage takes milliseconds that tagging should not wait for.
const SAVE_DELAY_MS: u32 = 300;

/// What is waiting to be saved, shared by the timer and the page-hide
/// listener so that whichever comes first writes it, once.
type Unsaved = Rc<RefCell<Option<(Shared<State>, Callback<Action>)>>>;

/// Saves text and annotations shortly after every change (`revision`), and
/// at once when the page is hidden or closed, so a reload never loses the
/// last change; reports a failure, or the recovery from one, as a storage
/// problem.
#[hook]
pub fn use_autosave(state: Shared<State>, dispatch: Callback<Action>) {
    let unsaved: Unsaved = use_mut_ref(|| None).clone();
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let flush = move |_: &web_sys::Event| save(&unsaved);
            let hide = EventListener::new(&window, "pagehide", flush.clone());
            let hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", flush);
            move || drop((hide, hidden))
        });
    }
    let revision = state.revision;
    let waiting = state.other_tab.is_some();
    use_effect_with((revision, waiting), move |&(revision, waiting)| {
        // The first render shows what was just loaded: nothing to save yet.
        // While another tab's save is unsettled, saving would destroy it.
        let timer = (revision > 0 && !waiting).then(|| {
            *unsaved.borrow_mut() = Some((state, dispatch));
            let unsaved = unsaved.clone();
            Timeout::new(SAVE_DELAY_MS, move || save(&unsaved))
        });
        move || drop(timer)
    });
}

/// Writes what is waiting, if anything.
fn save(unsaved: &Unsaved) {
    let Some((state, dispatch)) = unsaved.borrow_mut().take() else {
        return;
    };
    let result = if state.document.text.len() > storage::AUTOSAVE_MAX_BYTES {
        Err(format!(
            "this text ({:.1} MB) is longer than the browser's local storage holds",
            state.document.text.len() as f64 / 1_048_576.0
        ))
    } else {
        storage::save(&state.document.text, state.session.set(), &now_iso())
    };
    let problem = result.err().map(|reason| {
        format!("Autosave failed: {reason}. Nothing is lost while this tab stays open; use Export JSON to keep a copy.")
    });
    dispatch.emit(Action::Saved {
        revision: state.revision,
        problem,
    });
}
