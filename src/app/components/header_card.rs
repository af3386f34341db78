use yew::prelude::*;

use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::document::{Document, DocumentKind};

#[derive(Properties, PartialEq)]
pub struct HeaderCardProps {
    pub document: Shared<Document>,
}

fn kind_label(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::UnMeeting => "UN meeting coverage",
        DocumentKind::UnStatement => "UN statement",
        DocumentKind::PressRelease => "Press release",
    }
}

/// `2 h 10 min`, `45 min`.
fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// What the document is: session, meeting, symbol, organ, date, times, headline,
/// and how many speakers and facts were found.
#[component(HeaderCard)]
pub fn header_card(props: &HeaderCardProps) -> Html {
    rendered("HeaderCard");
    let doc = &*props.document;
    let row = |label: &'static str, value: Option<String>| -> Html {
        match value {
            Some(value) => html! { <><dt>{ label }</dt><dd>{ value }</dd></> },
            None => html! {},
        }
    };
    let sitting = match (&doc.began, &doc.ended) {
        (Some(began), Some(ended)) => {
            let mut text = format!("{began}–{ended}");
            if let Some(minutes) = doc.duration_minutes {
                text.push_str(&format!(" ({})", duration(minutes)));
            }
            if !doc.suspensions.is_empty() {
                text.push_str(&format!(", suspended {}×", doc.suspensions.len()));
            }
            Some(text)
        }
        (Some(began), None) => Some(format!("from {began}")),
        _ => None,
    };
    let quotes = doc
        .facts
        .iter()
        .filter(|f| f.kind == crate::facts::FactKind::Quote)
        .count();
    html! {
        <section class="panel header-card" aria-labelledby="header-card-heading">
            <h2 id="header-card-heading">{ kind_label(doc.kind) }</h2>
            if let Some(headline) = &doc.headline {
                <p class="headline">{ headline.clone() }</p>
            }
            <dl class="facts-list">
                { row("Session", doc.meeting.as_ref().and_then(|m| m.session_name.clone())) }
                { row("Meeting", doc.meeting.as_ref().map(|m| m.title.clone())) }
                { row("Symbol", doc.symbol.clone()) }
                { row("Body", doc.body.clone()) }
                { row("Date", doc.date.clone()) }
                { row("Dateline", doc.dateline.clone()) }
                { row("Sitting", sitting) }
                <dt>{ "Found" }</dt>
                <dd>{ format!("{} speakers, {} facts ({} quotes), {} paragraphs", doc.speakers.len(), doc.facts.len(), quotes, doc.paragraphs.len()) }</dd>
            </dl>
        </section>
    }
}
