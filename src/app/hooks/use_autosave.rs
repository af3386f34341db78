use yew::prelude::*;

use crate::app::clock::now_iso;
use crate::app::shared::Shared;
use crate::app::state::{Action, State};
use crate::app::storage;

/// Saves text and annotations whenever they change (`revision`), and
/// reports a failure, or the recovery from one, as a storage problem.
#[hook]
pub fn use_autosave(state: Shared<State>, dispatch: Callback<Action>) {
    let revision = state.revision;
    let snapshot = state.clone();
    let waiting = state.other_tab.is_some();
    use_effect_with((revision, waiting), move |(revision, _)| {
        // The first render shows what was just loaded: nothing to save yet.
        // While another tab's save is unsettled, saving would destroy it.
        if *revision > 0 && snapshot.other_tab.is_none() {
            let result = if snapshot.document.text.len() > storage::AUTOSAVE_MAX_BYTES {
                Err(format!(
                    "this text ({:.1} MB) is longer than the browser's local storage holds",
                    snapshot.document.text.len() as f64 / 1_048_576.0
                ))
            } else {
                storage::save(&snapshot.document.text, snapshot.session.set(), &now_iso())
            };
            let problem = result.err().map(|reason| {
                format!(
                    "Autosave failed: {reason}. Nothing is lost while this tab stays open; use Export JSON to keep a copy."
                )
            });
            dispatch.emit(Action::StorageProblem(problem));
        }
    });
}
