use std::rc::Rc;

use yew::prelude::*;

use super::use_debounce;
use crate::app::context::Dispatch;
use crate::app::parse_worker;
use crate::app::state::{Workspace, WorkspaceAction};

/// Milliseconds of quiet after typing before the text is parsed.
const PARSE_DELAY_MS: u32 = 350;

/// Parses what is typed after a pause, and hands a long text to the worker
/// when the workspace starts a job for it.
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
    // A long text goes to the worker; the job id changes per text.
    let job = workspace.parsing.as_ref().map(|p| p.id);
    let input = workspace.input.clone();
    use_effect_with(job, move |job| {
        if let Some(id) = *job {
            parse_worker::run(id, input, dispatch);
        }
    });
}
