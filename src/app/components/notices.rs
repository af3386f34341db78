use yew::prelude::*;

use crate::app::shared::Shared;
use crate::app::state::{Action, NoticeKind, Settle, State};

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
    let other_tab = state.other_tab.as_ref().map(|other| {
        let same_text = other.text == state.document.text;
        let settle = |choice: Settle| props.dispatch.reform(move |_: MouseEvent| Action::SettleOtherTab(choice));
        let theirs = other.set.annotations().len();
        let ours = state.session.set().annotations().len();
        let text = if same_text {
            format!(
                "Another tab of Rapporteur saved {theirs} annotation(s) on this document while this tab has {ours}. \
                 Autosave is paused so that neither is lost."
            )
        } else {
            "Another tab of Rapporteur saved a different document. Autosave is paused so that neither is lost.".to_owned()
        };
        html! {
            <div role="alert" class="notice error other-tab">
                <p>{ text }</p>
                <div class="actions">
                    if same_text {
                        <button type="button" class="small primary" onclick={settle(Settle::Merge)}>{ "Merge both" }</button>
                    }
                    <button type="button" class="small" onclick={settle(Settle::TakeTheirs)}>{ "Use the other tab's" }</button>
                    <button type="button" class="small" onclick={settle(Settle::KeepMine)}>{ "Keep this tab's" }</button>
                </div>
            </div>
        }
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
            { for other_tab }
            { for notice }
            { for pending }
        </div>
    }
}
