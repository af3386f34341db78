use std::rc::Rc;

use gloo::timers::callback::Timeout;

use yew::prelude::*;

use super::use_debounce;
use crate::app::context::Dispatch;
use crate::app::parse_worker;
use crate::app::state::{Workspace, WorkspaceAction};

/// Milliseconds of quiet after typing before the text is parsed.
const PARSE_DELAY_MS: u32 = 350;

/// Parses what is typed after a pause, and hands a long text to the worker
/// when the workspace starts a job for it (outlining a release of its own
/// meanwhile).
#[hook]
pub fn use_parsing(workspace: Rc<Workspace>, dispatch: Dispatch) {
    // Comparing the text box with the document costs a pass over the text:
    // done once per change of either, not at every render.
    let differs = *use_memo(
        (
            Rc::as_ptr(&workspace.input) as *const u8 as usize,
            Rc::as_ptr(&workspace.document) as usize,
        ),
        {
            let workspace = workspace.clone();
            move |_| workspace.input_differs()
        },
    );
    {
        let dispatch = dispatch.clone();
        use_debounce(
            (
                workspace.input.len(),
                differs,
                Rc::as_ptr(&workspace.document) as usize,
            ),
            PARSE_DELAY_MS,
            Callback::from(move |_| {
                if differs {
                    dispatch.emit(WorkspaceAction::ParseInput)
                }
            }),
        );
    }
    // A long text goes to the worker; the job id changes per text. A
    // release of its own is outlined here meanwhile, after the worker has
    // it, so the two run side by side; in a task of its own, so that the
    // browser paints between handing over the text and splitting it.
    let job = workspace.parsing.as_ref().map(|p| (p.id, p.fresh));
    let input = workspace.input.clone();
    use_effect_with(job, move |job| {
        if let Some((id, fresh)) = *job {
            parse_worker::run(id, input.clone(), dispatch.clone());
            if fresh {
                Timeout::new(0, move || {
                    let outline = Rc::new(crate::parse::outline(&input));
                    dispatch.emit(WorkspaceAction::Outlined { id, outline });
                })
                .forget();
            }
        }
    });
}
