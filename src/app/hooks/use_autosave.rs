use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::clock::now_iso;
use crate::app::context::Dispatch;
use crate::app::state::{SyncAction, Workspace};
use crate::app::storage;

/// Quiet time after a change before it is written: writing a long text to
/// localStorage takes milliseconds that tagging should not wait for.
const SAVE_DELAY_MS: u32 = 300;

/// What is waiting to be saved, shared by the timer and the page-hide
/// listener so that whichever comes first writes it, once.
type Unsaved = Rc<RefCell<Option<(Rc<Workspace>, Dispatch)>>>;

/// Saves text and annotations shortly after every change (the workspace's
/// `revision`), and at once when the page is hidden or closed, so a reload
/// never loses the last change; reports a failure, or the recovery from
/// one, as a storage problem. `waiting` holds saving back while another
/// tab's save is unsettled: saving then would destroy it.
#[hook]
pub fn use_autosave(workspace: Rc<Workspace>, waiting: bool, dispatch: Dispatch) {
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
    let revision = workspace.revision;
    use_effect_with((revision, waiting), move |&(revision, waiting)| {
        // The first render shows what was just loaded: nothing to save yet.
        let timer = (revision > 0 && !waiting).then(|| {
            *unsaved.borrow_mut() = Some((workspace, dispatch));
            let unsaved = unsaved.clone();
            Timeout::new(SAVE_DELAY_MS, move || save(&unsaved))
        });
        move || drop(timer)
    });
}

/// Writes what is waiting, if anything.
fn save(unsaved: &Unsaved) {
    let Some((workspace, dispatch)) = unsaved.borrow_mut().take() else {
        return;
    };
    let text = &workspace.document.text;
    let result = if text.len() > storage::AUTOSAVE_MAX_BYTES {
        Err(format!(
            "this text ({} MB) is longer than the browser's local storage holds",
            crate::text::one_decimal(text.len() as f64 / 1_048_576.0)
        ))
    } else {
        storage::save(text, workspace.session.set(), &now_iso())
    };
    let problem = result.err().map(|reason| {
        format!("Autosave failed: {reason}. Nothing is lost while this tab stays open; use Export JSON to keep a copy.")
    });
    dispatch.emit(SyncAction::Saved {
        revision: workspace.revision,
        problem,
    });
}
