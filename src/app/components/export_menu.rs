use std::rc::Rc;

use yew::prelude::*;

use crate::annotate::AnnotationSet;
use crate::app::clock::now_iso;
use crate::app::context::use_dispatch;
use crate::app::dom::{download, focus};
use crate::app::exchange_worker;
use crate::app::exports::{Export, Outgoing};
use crate::app::hooks::use_click_outside;
use crate::app::renders::rendered;
use crate::app::state::{Action, Notice};
use crate::document::Document;
use crate::exchange::{library_file_name, ExportedFile};

/// The releases an export is made of, read when an entry is chosen; or why
/// they cannot be had yet.
pub type Releases = Result<Vec<Outgoing>, String>;

/// A group of entries exporting the same releases: the open release, or
/// every release of the library.
#[derive(Clone, PartialEq)]
pub struct ExportScope {
    /// The group's heading, shown when the menu has more than one scope:
    /// "This release", "Whole library".
    pub name: AttrValue,
    /// Added to each entry's name so that names stay unique across scopes:
    /// "" for the open release, " (whole library)".
    pub suffix: AttrValue,
    pub exports: &'static [Export],
    pub releases: Callback<(), Releases>,
    /// Every release of the library: the file is named
    /// `library-<n>.<format>.<ext>` (`exchange::library_file_name`), and the
    /// reader is told while it is made and what it holds once saved.
    pub library: bool,
}

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub scopes: Rc<Vec<ExportScope>>,
}

/// One entry, flattened across scopes.
struct Entry {
    scope: usize,
    export: Export,
    label: String,
}

/// The "Export" menu button (WAI-ARIA menu button pattern): Enter, Space
/// or a click open it with the focus on the first entry, ArrowDown on the
/// first and ArrowUp on the last; in the menu ArrowUp/ArrowDown (wrapping),
/// Home and End move, a letter moves to the next entry whose format starts
/// with it, Enter or Space choose, Escape closes and returns the focus to
/// the button, Tab closes and moves on; a press outside closes it.
/// Choosing an entry saves its file (other tools' formats are made in the
/// exchange worker and saved when it answers); a problem is told, never
/// panicked on.
#[component(ExportMenu)]
pub fn export_menu(props: &ExportMenuProps) -> Html {
    rendered("ExportMenu");
    let dispatch = use_dispatch();
    // The focused entry while the menu is open; closed when `None`.
    let active = use_state_eq(|| None::<usize>);
    let root = use_node_ref();
    let button = use_node_ref();
    let entries: Rc<Vec<Entry>> = use_memo(props.scopes.clone(), |scopes| {
        let mut out = Vec::new();
        for (index, scope) in scopes.iter().enumerate() {
            for &export in scope.exports {
                out.push(Entry {
                    scope: index,
                    export,
                    label: format!("{}{}", export.label(), scope.suffix),
                });
            }
        }
        out
    });
    let count = entries.len();
    let items: Rc<Vec<NodeRef>> = use_memo(count, |count| {
        (0..*count).map(|_| NodeRef::default()).collect()
    });
    {
        let items = items.clone();
        use_effect_with(*active, move |active| {
            if let Some(item) = active.and_then(|index| items.get(index)) {
                focus(item);
            }
        });
    }
    use_click_outside(root.clone(), active.is_some(), {
        let active = active.clone();
        Callback::from(move |()| active.set(None))
    });

    let open_at = {
        let active = active.clone();
        move |index: usize| active.set((count > 0).then_some(index.min(count.saturating_sub(1))))
    };
    let onclick = {
        let active = active.clone();
        let open_at = open_at.clone();
        Callback::from(move |_: MouseEvent| match *active {
            Some(_) => active.set(None),
            None => open_at(0),
        })
    };
    let on_button_key = {
        let open_at = open_at.clone();
        Callback::from(move |event: KeyboardEvent| {
            // Enter and Space click the button, which opens the menu.
            let at = match event.key().as_str() {
                "ArrowDown" => 0,
                "ArrowUp" => count.saturating_sub(1),
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            open_at(at);
        })
    };
    let choose = {
        let active = active.clone();
        let button = button.clone();
        let entries = entries.clone();
        let scopes = props.scopes.clone();
        Callback::from(move |index: usize| {
            let Some(entry) = entries.get(index) else {
                return;
            };
            active.set(None);
            focus(&button);
            let scope = &scopes[entry.scope];
            let label = entry.label.clone();
            let releases = match scope.releases.emit(()) {
                Ok(releases) => releases,
                Err(problem) => {
                    dispatch.emit(Action::Notify(Notice::error(format!(
                        "{label} could not be made: {problem}."
                    ))));
                    return;
                }
            };
            let library = scope.library;
            let count = releases.len();
            let told = dispatch.clone();
            let save = move |file: Result<ExportedFile, String>| {
                let saved = file
                    .map_err(|error| format!("{label} could not be made: {error}."))
                    .and_then(|file| {
                        download(&file.name, file.mime, &file.bytes)
                            .map_err(|error| format!("{} could not be saved: {error}.", file.name))
                            .map(|()| file.name)
                    });
                match saved {
                    Ok(name) if library => told.emit(Action::Notify(Notice::info(format!(
                        "Exported the library's {count} release(s) to {name}."
                    )))),
                    Ok(_) => {}
                    Err(message) => told.emit(Action::Notify(Notice::error(message))),
                }
            };
            match entry.export {
                Export::Tool {
                    format,
                    predictions,
                } => {
                    let saved = releases.iter().map(Outgoing::saved).collect();
                    if library {
                        // The worker parses and writes every release: it
                        // may take a moment, and fetches its module first.
                        dispatch.emit(Action::Notify(Notice::info(format!(
                            "Exporting the library's {count} release(s) as {}…",
                            format.label()
                        ))));
                    }
                    exchange_worker::export(format, predictions, saved, move |file| {
                        save(file.map(|file| {
                            if library {
                                ExportedFile {
                                    name: library_file_name(count, format),
                                    ..file
                                }
                            } else {
                                file
                            }
                        }))
                    });
                }
                own => {
                    let parsed: Vec<(&Document, &AnnotationSet)> = releases
                        .iter()
                        .filter_map(|release| match release {
                            Outgoing::Parsed(document, set) => Some((&**document, set)),
                            Outgoing::Text(..) => None,
                        })
                        .collect();
                    let file = if parsed.len() == releases.len() {
                        own.own_file(&parsed, &now_iso())
                    } else {
                        Some(Err("it is made of parsed releases only".to_owned()))
                    };
                    if let Some(file) = file {
                        save(file);
                    }
                }
            }
        })
    };
    let on_menu_key = {
        let active = active.clone();
        let button = button.clone();
        let entries = entries.clone();
        let choose = choose.clone();
        Callback::from(move |event: KeyboardEvent| {
            // The menu has the keyboard while open: the page's shortcuts
            // (digits tag, Escape clears) must not see these keys.
            event.stop_propagation();
            let Some(current) = *active else {
                return;
            };
            let key = event.key();
            let next = match key.as_str() {
                "ArrowDown" => (current + 1) % count,
                "ArrowUp" => (current + count - 1) % count,
                "Home" | "PageUp" => 0,
                "End" | "PageDown" => count - 1,
                "Enter" | " " => {
                    event.prevent_default();
                    choose.emit(current);
                    return;
                }
                "Escape" => {
                    event.prevent_default();
                    active.set(None);
                    focus(&button);
                    return;
                }
                "Tab" => {
                    // From the button, the browser's own Tab moves on to
                    // what follows the menu (or, with Shift, before it).
                    focus(&button);
                    active.set(None);
                    return;
                }
                _ => match typed_letter(&key, &event) {
                    Some(letter) => match next_starting_with(&entries, current, letter) {
                        Some(next) => next,
                        None => return,
                    },
                    None => return,
                },
            };
            event.prevent_default();
            active.set(Some(next));
        })
    };

    let item = |index: usize, entry: &Entry| {
        let onclick = choose.reform(move |_: MouseEvent| index);
        let onmousemove = {
            let active = active.clone();
            Callback::from(move |_: MouseEvent| active.set(Some(index)))
        };
        html! {
            <li
                role="menuitem"
                tabindex="-1"
                class="menu-item"
                ref={items[index].clone()}
                {onclick}
                {onmousemove}
            >
                { entry.label.clone() }
            </li>
        }
    };
    // The menu element is always there, hidden while closed, so that the
    // button beside it is never re-created (which would drop its focus);
    // its entries exist only while it is open.
    let open = active.is_some();
    let groups = open.then(|| {
        let grouped = props.scopes.len() > 1;
        let mut index = 0;
        props
            .scopes
            .iter()
            .enumerate()
            .map(|(scope_index, scope)| {
                let first = index;
                index += scope.exports.len();
                let list = entries[first..index]
                    .iter()
                    .enumerate()
                    .map(|(offset, entry)| item(first + offset, entry))
                    .collect::<Html>();
                if !grouped {
                    return list;
                }
                let heading = format!("export-scope-{scope_index}");
                html! {
                    <li role="none" class="menu-group">
                        <span class="menu-heading" id={heading.clone()}>{ scope.name.clone() }</span>
                        <ul role="group" aria-labelledby={heading}>{ list }</ul>
                    </li>
                }
            })
            .collect::<Html>()
    });
    html! {
        <div class="menu-button" ref={root}>
            <button
                type="button"
                id="export-button"
                ref={button}
                aria-haspopup="menu"
                aria-expanded={if open { "true" } else { "false" }}
                aria-controls="export-menu"
                {onclick}
                onkeydown={on_button_key}
            >
                { "Export" }
                <span class="caret" aria-hidden="true">{ "▾" }</span>
            </button>
            <ul
                class="menu"
                id="export-menu"
                role="menu"
                aria-labelledby="export-button"
                hidden={!open}
                onkeydown={on_menu_key}
            >
                { groups.unwrap_or_default() }
            </ul>
        </div>
    }
}

/// The letter a key press types, when it types one without a modifier.
fn typed_letter(key: &str, event: &KeyboardEvent) -> Option<char> {
    let mut chars = key.chars();
    let letter = chars.next()?;
    let plain =
        chars.next().is_none() && !event.ctrl_key() && !event.meta_key() && !event.alt_key();
    (plain && letter.is_alphanumeric()).then(|| letter.to_lowercase().next().unwrap_or(letter))
}

/// The next entry after `current` (wrapping) whose format, the words after
/// "Export ", starts with `letter`.
fn next_starting_with(entries: &[Entry], current: usize, letter: char) -> Option<usize> {
    let count = entries.len();
    (1..=count)
        .map(|step| (current + step) % count)
        .find(|&index| {
            let label = &entries[index].label;
            let format = label.strip_prefix("Export ").unwrap_or(label);
            format.chars().next().and_then(|c| c.to_lowercase().next()) == Some(letter)
        })
}
