use yew::prelude::*;

use crate::app::shared::Shared;
use crate::app::state::{Action, NoticeKind, State};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub state: Shared<State>,
    pub dispatch: Callback<Action>,
}

/// Messages for the user: the latest notice (errors as alerts), a lasting
/// autosave problem, and the question a pending change asks.
#[component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let state = &props.state;
    let dismiss = props.dispatch.reform(|_: MouseEvent| Action::DismissNotice);
    let notice = state.notice.as_ref().map(|notice| {
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
    let storage = state.storage_problem.as_ref().map(|problem| {
        html! { <div role="alert" class="notice error storage"><p>{ problem.clone() }</p></div> }
    });
    let pending = state.pending.as_ref().map(|pending| {
        let confirm = props.dispatch.reform(|_: MouseEvent| Action::ConfirmPending);
        let cancel = props.dispatch.reform(|_: MouseEvent| Action::CancelPending);
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
