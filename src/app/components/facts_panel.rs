use std::collections::BTreeSet;

use yew::prelude::*;

use crate::app::context::{use_dispatch, Dispatch};
use crate::app::renders::rendered;
use crate::app::shared::Shared;
use crate::app::state::{Action, Focus, Target, ViewAction};
use crate::document::Document;
use crate::facts::FactKind;

#[derive(Properties, PartialEq)]
pub struct FactsPanelProps {
    pub document: Shared<Document>,
    /// The entity or fact highlighted (a speaker's focus is not shown here).
    pub focus: Option<Focus>,
    /// Fact kinds not highlighted in the document.
    pub hidden: BTreeSet<FactKind>,
    /// The document is a long text's outline, still being read.
    #[prop_or_default]
    pub reading: bool,
}

/// The kinds in the order a reader scans them, with their group names.
pub const KINDS: &[(FactKind, &str)] = &[
    (FactKind::Quote, "Quotes"),
    (FactKind::Organization, "Organizations"),
    (FactKind::Country, "Countries"),
    (FactKind::Money, "Money"),
    (FactKind::Quantity, "Quantities"),
    (FactKind::Percent, "Percentages"),
    (FactKind::Date, "Dates"),
    (FactKind::Time, "Times"),
    (FactKind::Resolution, "Resolutions"),
    (FactKind::Document, "Documents"),
];

/// Rows listed per kind until the reader asks for all.
const ROWS_SHOWN: usize = 40;

/// One line of the panel: an entity, or a fact no entity groups. Borrowed
/// from the document: a long text has tens of thousands of facts, and only
/// the first rows of each kind are shown.
struct Row<'a> {
    label: &'a str,
    expansion: Option<&'a str>,
    mentions: Mentions<'a>,
    focus: Focus,
}

/// The facts a row stands for.
enum Mentions<'a> {
    Entity(&'a [usize]),
    Lone(usize),
}

impl Row<'_> {
    fn facts(&self) -> &[usize] {
        match &self.mentions {
            Mentions::Entity(facts) => facts,
            Mentions::Lone(fact) => std::slice::from_ref(fact),
        }
    }

    fn key(&self) -> String {
        match self.focus {
            Focus::Entity(index) => format!("e{index}"),
            Focus::Fact(index) => format!("f{index}"),
            Focus::Speaker(index) => format!("s{index}"),
        }
    }
}

/// Whether an entity groups each fact.
fn grouped(doc: &Document) -> Vec<bool> {
    let mut grouped = vec![false; doc.facts.len()];
    for entity in &doc.entities {
        for &f in &entity.facts {
            if let Some(slot) = grouped.get_mut(f) {
                *slot = true;
            }
        }
    }
    grouped
}

/// The rows of one kind, most mentioned first.
fn rows<'a>(doc: &'a Document, grouped: &[bool], kind: FactKind) -> Vec<Row<'a>> {
    let mut rows: Vec<Row> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.kind == kind)
        .map(|(index, entity)| Row {
            label: &entity.name,
            expansion: entity.expansion.as_deref(),
            mentions: Mentions::Entity(&entity.facts),
            focus: Focus::Entity(index),
        })
        .collect();
    rows.extend(
        doc.facts
            .iter()
            .enumerate()
            .filter(|(index, fact)| fact.kind == kind && !grouped[*index])
            .map(|(index, fact)| Row {
                label: &fact.text,
                expansion: None,
                mentions: Mentions::Lone(index),
                focus: Focus::Fact(index),
            }),
    );
    crate::sort::sort_by(&mut rows, |a, b| {
        b.facts()
            .len()
            .cmp(&a.facts().len())
            .then(a.facts().first().cmp(&b.facts().first()))
    });
    rows
}

/// Who asserted a group of facts: speakers' names, or "the release".
fn asserted_by(doc: &Document, facts: &[usize]) -> String {
    let mut names: Vec<&str> = Vec::new();
    let mut narrator = false;
    for fact in facts.iter().filter_map(|&f| doc.facts.get(f)) {
        match fact.speaker.and_then(|s| doc.speakers.get(s)) {
            Some(speaker) if !names.contains(&speaker.name.as_str()) => names.push(&speaker.name),
            Some(_) => {}
            None => narrator = true,
        }
    }
    if narrator {
        names.push("the release");
    }
    if names.len() > 4 {
        let more = names.len() - 3;
        names.truncate(3);
        return format!("{} and {more} more", names.join(", "));
    }
    names.join(", ")
}

/// A fact's paragraph and a few words around it, for the mention list.
fn snippet(doc: &Document, fact: usize) -> String {
    let Some(fact) = doc.facts.get(fact) else {
        return String::new();
    };
    let before = doc.slice(fact.start.saturating_sub(30), fact.start);
    let after = doc.slice(fact.end, fact.end + 30);
    format!("¶{} …{}{}{}…", fact.paragraph + 1, before, fact.text, after)
}

/// The facts of the text grouped by kind: entities with their mentions and
/// who asserted them. Choosing one highlights every mention.
#[component(FactsPanel)]
pub fn facts_panel(props: &FactsPanelProps) -> Html {
    rendered("FactsPanel");
    let doc = &*props.document;
    let dispatch = use_dispatch();
    // Kinds whose whole list the reader asked for; others show the top rows.
    let expanded = use_state(BTreeSet::<FactKind>::new);
    let grouped = grouped(doc);
    let groups: Html = KINDS
        .iter()
        .map(|&(kind, title)| {
            let rows = rows(doc, &grouped, kind);
            if rows.is_empty() {
                return html! {};
            }
            let shown = !props.hidden.contains(&kind);
            let toggle = dispatch.reform(move |_: Event| ViewAction::ToggleFactKind(kind));
            let count: usize = rows.iter().map(|r| r.facts().len()).sum();
            let total_rows = rows.len();
            let limit = if expanded.contains(&kind) { usize::MAX } else { ROWS_SHOWN };
            let show_all = (total_rows > limit).then(|| {
                let expanded = expanded.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    let mut all = (*expanded).clone();
                    all.insert(kind);
                    expanded.set(all);
                });
                html! { <button type="button" class="small" {onclick}>{ format!("Show all {total_rows}") }</button> }
            });
            let items: Html = rows.into_iter().take(limit).map(|row| fact_row(doc, props, &dispatch, row)).collect();
            html! {
                <section class={classes!("fact-group", fact_class(kind))} key={title}>
                    <h3>
                        { title }<span class="count">{ count }</span>
                        <label class="toggle">
                            <input type="checkbox" checked={shown} onchange={toggle}
                                aria-label={format!("Highlight {} in the document", title.to_lowercase())} />
                            { "highlight" }
                        </label>
                    </h3>
                    <ul>{ items }</ul>
                    { for show_all }
                </section>
            }
        })
        .collect();
    html! {
        <section class="panel facts-panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{ "Facts" }<span class="count">{ doc.facts.len() }</span></h2>
            if props.reading {
                <p class="empty">{ "Finding the facts while the text is read…" }</p>
            } else if doc.facts.is_empty() {
                <p class="empty">{ "No facts found." }</p>
            }
            { groups }
        </section>
    }
}

fn fact_row(doc: &Document, props: &FactsPanelProps, dispatch: &Dispatch, row: Row) -> Html {
    let facts = row.facts();
    let chosen = props.focus.as_ref() == Some(&row.focus)
        || matches!(props.focus, Some(Focus::Fact(f)) if facts.len() > 1 && facts.contains(&f));
    let focus = row.focus.clone();
    let first = facts.first().copied();
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if chosen {
                dispatch.emit(Action::SetFocus(None));
                return;
            }
            dispatch.emit(Action::SetFocus(Some(focus.clone())));
            if let Some(fact) = first {
                dispatch.emit(ViewAction::SetTarget(Some(Target::Fact(fact))));
            }
        })
    };
    let mentions = facts.len();
    let mention_list: Html = if chosen && mentions > 1 {
        let items: Html = facts
            .iter()
            .map(|&fact| {
                let dispatch = dispatch.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::SetFocus(Some(Focus::Fact(fact))));
                    dispatch.emit(ViewAction::SetTarget(Some(Target::Fact(fact))));
                });
                let current = props.focus == Some(Focus::Fact(fact));
                html! {
                    <li key={fact}>
                        <button type="button" class="mention" aria-pressed={current.to_string()} {onclick}>
                            { snippet(doc, fact) }
                        </button>
                    </li>
                }
            })
            .collect();
        html! { <ul class="mentions" aria-label={format!("Mentions of {}", row.label)}>{ items }</ul> }
    } else {
        html! {}
    };
    html! {
        <li key={row.key()}>
            <button type="button" class="entity" aria-pressed={chosen.to_string()} {onclick}>
                <span class="entity-name">{ row.label.to_owned() }</span>
                if let Some(expansion) = row.expansion {
                    <span class="entity-expansion">{ expansion.to_owned() }</span>
                }
                <span class="entity-meta">
                    { format!("{mentions} mention{}", if mentions == 1 { "" } else { "s" }) }
                    { " · " }{ asserted_by(doc, facts) }
                </span>
            </button>
            { mention_list }
        </li>
    }
}

/// The class of a fact of this kind in the document, and of its group in
/// the panel.
pub fn fact_class(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Quantity => "fact-quantity",
        FactKind::Money => "fact-money",
        FactKind::Percent => "fact-percent",
        FactKind::Date => "fact-date",
        FactKind::Time => "fact-time",
        FactKind::Resolution => "fact-resolution",
        FactKind::Document => "fact-document",
        FactKind::Organization => "fact-organization",
        FactKind::Country => "fact-country",
        FactKind::Quote => "fact-quote",
    }
}
