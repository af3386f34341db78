use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::file_button::{FileButton, PickedFile};
use crate::app::context::use_dispatch;
use crate::app::dom::{field_value, focus, pasted_text, set_text_box, text_with_paste};
use crate::app::files::release_text;
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Notice, WorkspaceAction};
use crate::sample;

/// Texts longer than this are not put in the text box (see below).
const EDITABLE_BYTES: usize = 4 * 1024 * 1024;

/// Texts longer than this fold the text box away until the reader asks to
/// edit them. A text box holding a long text costs the browser a walk over
/// all its lines at every frame the page paints (measured: 100,000 lines
/// took 14 s to open from a file instead of 3.5 s, and every tag key on a
/// 1 MB text waited for it); a press release is a few tens of kilobytes.
const FOLD_BYTES: usize = 256 * 1024;

/// An edit in the open box that takes its text past the fold by at most
/// this much is the reader writing in it (typing, an input method, a short
/// paste): the box stays open under their hands. A longer text put in at
/// once folds it, as one opened or pasted does.
const TYPED_BYTES: usize = 4 * 1024;

/// Whether an edit of the box from `before` to `after` bytes crossed the
/// fold by the reader's own writing (see `TYPED_BYTES`).
fn typed_past_fold(before: usize, after: usize) -> bool {
    before > 0 && before <= FOLD_BYTES && after > FOLD_BYTES && after - before <= TYPED_BYTES
}

const PLACEHOLDER: &str = "Paste a press release here";

const TOO_LONG: &str = "This text is too long to edit here. It is shown in the Document pane; edit it in a text editor and open it again.";

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the text box should hold (compared by address: the text typed
    /// comes back as the very value the box reported).
    pub value: Shared<str>,
}

/// How the text box shows a text of `bytes`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BoxState {
    /// In the box, to edit.
    Open,
    /// Long: the box is folded away until the reader asks for it.
    Folded,
    /// Too long for the box at all: it stays empty, and says so.
    TooLong,
}

fn box_state(bytes: usize, unfolded: bool) -> BoxState {
    if bytes > EDITABLE_BYTES {
        BoxState::TooLong
    } else if bytes > FOLD_BYTES && !unfolded {
        BoxState::Folded
    } else {
        BoxState::Open
    }
}

/// The text box the release is pasted into, with its buttons. Typing is
/// parsed after a pause; "Parse" parses at once. A long text folds the box
/// away (a line says so and offers to edit it), so that the page stays fast.
#[component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    rendered("InputPanel");
    let dispatch = use_dispatch();
    // The text box is not re-set with what it already holds: for a long
    // text, setting it again costs the browser a full relayout.
    let area = use_node_ref();
    // What the box holds (as far as the app set or was told), and whether
    // the reader unfolded the long text on show.
    let held: Rc<RefCell<Rc<str>>> = use_mut_ref(|| Rc::from(""));
    let unfolded = use_state_eq(|| false);
    let state = box_state(props.value.0.len(), *unfolded);
    // What the effect last handled: a new text, or a change of state.
    let seen: Rc<RefCell<Rc<str>>> = use_mut_ref(|| Rc::from(""));
    // The reader unfolded the box: the caret goes into it once it is shown.
    let caret: Rc<Cell<bool>> = use_memo((), |_| Cell::new(false));
    {
        let area = area.clone();
        let held = held.clone();
        let unfolded = unfolded.clone();
        let caret = caret.clone();
        use_effect_with((props.value.clone(), state), move |(value, state)| {
            let value = value.0.clone();
            let fresh = !Rc::ptr_eq(&seen.borrow(), &value);
            *seen.borrow_mut() = value.clone();
            let typed = Rc::ptr_eq(&held.borrow(), &value);
            if fresh && !typed && *unfolded {
                // A text from elsewhere (a file, the library, the sample)
                // folds again if long; this runs again once it has.
                unfolded.set(false);
                if value.len() > FOLD_BYTES {
                    return;
                }
            }
            let same = typed || **held.borrow() == *value;
            match state {
                BoxState::Open if !same => {
                    set_text_box(&area, &value, PLACEHOLDER);
                    *held.borrow_mut() = value;
                }
                BoxState::Open => *held.borrow_mut() = value,
                // Not set until the reader unfolds it: putting a long text
                // in the box costs the browser hundreds of milliseconds.
                // What the box held before is let go.
                BoxState::Folded if !same && !held.borrow().is_empty() => {
                    set_text_box(&area, "", PLACEHOLDER);
                    *held.borrow_mut() = Rc::from("");
                }
                BoxState::Folded => {}
                // A text box holding tens of megabytes freezes the page at
                // every change; such texts are read, not edited here.
                BoxState::TooLong if fresh || !held.borrow().is_empty() => {
                    set_text_box(&area, "", TOO_LONG);
                    *held.borrow_mut() = Rc::from("");
                }
                BoxState::TooLong => {}
            }
            if *state == BoxState::Open && caret.replace(false) {
                focus(&area);
            }
        });
    }
    let oninput = {
        let held = held.clone();
        let unfolded = unfolded.clone();
        dispatch.reform(move |event: InputEvent| {
            let value: Rc<str> = Rc::from(field_value(&event));
            if typed_past_fold(held.borrow().len(), value.len()) {
                unfolded.set(true);
            }
            *held.borrow_mut() = value.clone();
            WorkspaceAction::EditInput(value)
        })
    };
    // A paste too long for the text box is taken straight from the
    // clipboard: put into the text box, tens of megabytes would freeze the
    // browser's own editing before the app even saw them (and past the
    // 64 MB limit the reader would never hear why).
    // A long paste is taken the same way, unless the reader unfolded a
    // long text to edit it: it would fold the box at once anyway.
    let onpaste = {
        let dispatch = dispatch.clone();
        let limit = if *unfolded {
            EDITABLE_BYTES
        } else {
            FOLD_BYTES
        };
        Callback::from(move |event: Event| {
            let Some(pasted) = pasted_text(&event) else {
                return;
            };
            if pasted.len() <= limit {
                return; // The browser pastes it as usual.
            }
            event.prevent_default();
            let text = text_with_paste(&event, &pasted);
            dispatch.emit(WorkspaceAction::LoadText(Rc::from(text)));
        })
    };
    let unfold = {
        let unfolded = unfolded.clone();
        let caret = caret.clone();
        Callback::from(move |_: MouseEvent| {
            caret.set(true);
            unfolded.set(true);
        })
    };
    let parse = dispatch.reform(|_: MouseEvent| WorkspaceAction::ParseInput);
    let load_sample =
        dispatch.reform(|_: MouseEvent| WorkspaceAction::LoadText(Rc::from(sample::UN_MEETING)));
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let (text, replaced) = match release_text(&file) {
                Ok(read) => read,
                Err(message) => return dispatch.emit(Action::Notify(Notice::error(message))),
            };
            if text.trim().is_empty() {
                return dispatch.emit(Action::Notify(Notice::error(format!(
                    "{} holds no text.",
                    file.name
                ))));
            }
            dispatch.emit(WorkspaceAction::LoadText(Rc::from(&*text)));
            if replaced {
                dispatch.emit(Action::Notify(Notice::info(format!(
                    "Some bytes of {} were not valid UTF-8; they are shown as \u{fffd}.",
                    file.name
                ))));
            }
        })
    };
    let on_error = dispatch.reform(|message: String| Action::Notify(Notice::error(message)));

    html! {
        <section class="panel input-panel" aria-labelledby="input-heading">
            <h2 id="input-heading" class="visually-hidden">{ "Input" }</h2>
            <label for="release-text">{ "Press release text" }</label>
            if state == BoxState::Folded {
                <p class="folded-text">
                    { format!(
                        "This text is {} MB, too long to keep in the text box while you read: it is shown in the Document pane. ",
                        crate::text::one_decimal(props.value.0.len() as f64 / 1_048_576.0)
                    ) }
                    <button type="button" class="small" onclick={unfold}>{ "Edit the text" }</button>
                </p>
            }
            <textarea
                id="release-text"
                ref={area}
                spellcheck="false"
                placeholder={PLACEHOLDER}
                hidden={state == BoxState::Folded}
                {oninput}
                {onpaste}
            />
            <div class="actions">
                <button type="button" class="primary" onclick={parse}>{ "Parse" }</button>
                <button type="button" onclick={load_sample}>{ "Load sample" }</button>
                <FileButton label="Open file" accept=".txt,.text,.html,.htm,text/plain,text/html" {on_files} {on_error} />
            </div>
        </section>
    }
}
