use yew::prelude::*;

use super::library::export::export_corpus;
use crate::app::context::{use_dispatch, use_latest_library};
use crate::app::renders::rendered;
use crate::app::state::{Action, Notice, NoticeKind, WorkspaceAction};

/// A change that waits for the reader's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingQuestion {
    pub question: AttrValue,
    pub confirm_label: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notice: Option<Notice>,
    /// Why the library is not being saved, when it is not.
    pub storage_problem: Option<AttrValue>,
    pub pending: Option<PendingQuestion>,
}

/// Messages for the reader: the latest notice (errors as alerts), a lasting
/// storage problem (with a way to keep a copy), and the question a pending
/// change asks.
#[component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    rendered("Notices");
    let dispatch = use_dispatch();
    let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissNotice);
    let notice = props.notice.as_ref().map(|notice| {
        let (role, class) = match notice.kind {
            NoticeKind::Error => ("alert", "notice error"),
            NoticeKind::Info => ("status", "notice info"),
        };
        html! {
            <div {role} {class}>
                <p>{ notice.text.clone() }</p>
                <button type="button" class="small" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });
    let library = use_latest_library();
    let storage = props.storage_problem.as_ref().map(|problem| {
        let save_copy = {
            let dispatch = dispatch.clone();
            let library = library.clone();
            Callback::from(move |_: MouseEvent| {
                if let Err(problem) = export_corpus(&library.get()) {
                    dispatch.emit(Action::Notify(Notice::error(format!("The export could not be made: {problem}."))));
                }
            })
        };
        html! {
            <div role="alert" class="notice error storage">
                <p>{ problem.clone() }</p>
                <button type="button" class="small" onclick={save_copy}>{ "Download a copy of the library" }</button>
            </div>
        }
    });
    let pending = props.pending.as_ref().map(|pending| {
        let confirm = dispatch.reform(|_: MouseEvent| WorkspaceAction::ConfirmPending);
        let cancel = dispatch.reform(|_: MouseEvent| WorkspaceAction::CancelPending);
        html! {
            <div class="dialog-backdrop">
                <div role="alertdialog" aria-modal="true" aria-labelledby="pending-title" aria-describedby="pending-text" class="dialog">
                    <h2 id="pending-title">{ "Replace the annotated document?" }</h2>
                    <p id="pending-text">{ pending.question.clone() }</p>
                    <div class="actions">
                        <button type="button" class="primary" onclick={confirm}>{ pending.confirm_label.clone() }</button>
                        <button type="button" onclick={cancel} autofocus=true>{ "Cancel" }</button>
                    </div>
                </div>
            </div>
        }
    });
    html! {
        <div class="notices" aria-live="polite">
            { for storage }
            { for notice }
            { for pending }
        </div>
    }
}
