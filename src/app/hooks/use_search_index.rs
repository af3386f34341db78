use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::context::Dispatch;
use crate::app::state::{Library, LibraryAction};
use crate::library::SearchText;

/// Bytes of text folded per task: a few milliseconds, so that the page
/// stays responsive while a large library is indexed.
const BATCH_BYTES: usize = 2 * 1024 * 1024;

/// Folds the library's texts for search once they are in memory, a batch
/// per task, each text once (again only when it changes).
#[hook]
pub fn use_search_index(library: Rc<Library>, dispatch: Dispatch) {
    let key = (
        Rc::as_ptr(&library.texts) as usize,
        Rc::as_ptr(&library.search) as usize,
    );
    use_effect_with(key, move |_| {
        let todo = library.unindexed();
        let timer = (!todo.is_empty()).then(|| {
            Timeout::new(0, move || {
                let mut batch = Vec::new();
                let mut bytes = 0;
                for (id, text, summary) in todo {
                    if bytes > 0 && bytes + text.len() > BATCH_BYTES {
                        break;
                    }
                    bytes += text.len();
                    batch.push((id, Rc::new(SearchText::new(text, &summary))));
                }
                dispatch.emit(LibraryAction::Indexed(batch));
            })
        });
        move || drop(timer)
    });
}
