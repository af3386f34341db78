use yew::prelude::*;

use crate::app::context::use_dispatch;
use crate::app::renders::rendered;
use crate::app::state::{Action, Notice, NoticeKind, Settle, WorkspaceAction};

/// What the reader is asked about a save by another tab.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherTabQuestion {
    /// Whether the other tab saved the same text (then both can merge).
    pub same_text: bool,
    /// Annotations the other tab saved.
    pub theirs: usize,
    /// Annotations this tab holds.
    pub ours: usize,
}

/// A change that waits for the reader's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingQuestion {
    pub question: AttrValue,
    pub confirm_label: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notice: Option<Notice>,
    pub storage_problem: Option<AttrValue>,
    pub other_tab: Option<OtherTabQuestion>,
    pub pending: Option<PendingQuestion>,
}

/// Messages for the reader: the latest notice (errors as alerts), a lasting
/// autosave problem, another tab's save to settle, and the question a
/// pending change asks.
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
    let storage = props.storage_problem.as_ref().map(|problem| {
        html! { <div role="alert" class="notice error storage"><p>{ problem.clone() }</p></div> }
    });
    let other_tab = props.other_tab.as_ref().map(|other| {
        let settle = |choice: Settle| dispatch.reform(move |_: MouseEvent| Action::SettleOtherTab(choice));
        let (theirs, ours) = (other.theirs, other.ours);
        let text = if other.same_text {
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
                    if other.same_text {
                        <button type="button" class="small primary" onclick={settle(Settle::Merge)}>{ "Merge both" }</button>
                    }
                    <button type="button" class="small" onclick={settle(Settle::TakeTheirs)}>{ "Use the other tab's" }</button>
                    <button type="button" class="small" onclick={settle(Settle::KeepMine)}>{ "Keep this tab's" }</button>
                </div>
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
            { for other_tab }
            { for notice }
            { for pending }
        </div>
    }
}
