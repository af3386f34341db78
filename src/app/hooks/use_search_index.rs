use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::context::Dispatch;
use crate::app::state::{Library, LibraryAction};
use crate::library::SearchTextBuilder;

/// Bytes of text folded per task: a few milliseconds, so that the page
/// stays responsive while a large library (or one very long text) is
/// indexed.
const BATCH_BYTES: usize = 1024 * 1024;

/// A text being folded, across tasks.
type InProgress = Rc<RefCell<Option<(String, SearchTextBuilder)>>>;

/// Folds the library's texts for search once they are in memory, a part
/// per task, each text once (again only when it changes).
#[hook]
pub fn use_search_index(library: Rc<Library>, dispatch: Dispatch) {
    let in_progress: InProgress = use_mut_ref(|| None).clone();
    let tick = use_state(|| 0u32);
    let key = (
        Rc::as_ptr(&library.texts) as usize,
        Rc::as_ptr(&library.search) as usize,
        *tick,
    );
    use_effect_with(key, move |_| {
        let todo = library.unindexed();
        let timer = (!todo.is_empty()).then(|| {
            Timeout::new(0, move || {
                let mut budget = BATCH_BYTES;
                let mut done = Vec::new();
                let mut slot = in_progress.borrow_mut();
                for (id, text, summary) in todo {
                    let mut builder = match slot.take() {
                        Some((at, builder)) if at == id && builder.is_for(&text) => builder,
                        _ => SearchTextBuilder::new(text),
                    };
                    if builder.step(&summary, &mut budget) {
                        done.push((id, Rc::new(builder.finish())));
                    } else {
                        *slot = Some((id, builder));
                        break;
                    }
                    if budget == 0 {
                        break;
                    }
                }
                drop(slot);
                if done.is_empty() {
                    tick.set(*tick + 1);
                } else {
                    dispatch.emit(LibraryAction::Indexed(done));
                }
            })
        });
        move || drop(timer)
    });
}
