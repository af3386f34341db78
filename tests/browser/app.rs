//! The app's components in headless Chromium: test builds are debug builds,
//! so the app counts its components' renders (`rapporteur::app::renders`),
//! and the tests below prove that a component re-renders only when what it
//! shows changes; the Export menu's keys and scopes.

use std::rc::Rc;

use rapporteur::annotate::AnnotationSet;
use rapporteur::app::components::app::App;
use rapporteur::app::components::export_menu::{ExportMenu, ExportScope};
use rapporteur::app::context::{Dispatch, Handles, Latest};
use rapporteur::app::exports::{Export, Outgoing, LIBRARY_EXPORTS, RELEASE_EXPORTS};
use rapporteur::app::renders;
use rapporteur::app::state::{Library, Workspace};
use rapporteur::exchange::Format;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit,
    MouseEvent, MouseEventInit, Node,
};
use yew::prelude::{html, AttrValue, Callback, ContextProvider, Html};
use yew::AppHandle;

/// The app mounted in an element of its own, destroyed at the end of the
/// test so that its listeners and timers stop (and count no renders).
struct Mounted {
    root: Element,
    app: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Resolves after `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts a fresh app (an empty library: the database deleted, nothing in
/// local storage) and waits until its library is open, saved and indexed,
/// so that no background work renders during the test.
async fn mount() -> Mounted {
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let factory = js_sys::Reflect::get(&gloo::utils::window(), &"indexedDB".into()).unwrap();
    let delete: js_sys::Function = js_sys::Reflect::get(&factory, &"deleteDatabase".into())
        .unwrap()
        .into();
    delete.call1(&factory, &"rapporteur".into()).unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..500 {
        yew::scheduler::flush().await;
        let settled = root
            .query_selector("[role=region][aria-label=Document]")
            .unwrap()
            .is_some()
            && root
                .query_selector(".save-status[data-state=saved]")
                .unwrap()
                .is_some()
            && root
                .query_selector(".search-view .loading")
                .unwrap()
                .is_none();
        if settled {
            break;
        }
        pause(10).await;
    }
    // Let the last writes' reports (the storage estimate) arrive.
    pause(50).await;
    yew::scheduler::flush().await;
    Mounted {
        root,
        app: Some(app),
    }
}

fn document_pane(root: &Element) -> Element {
    root.query_selector("[role=region][aria-label=Document]")
        .unwrap()
        .expect("the Document region")
}

fn paragraph_texts(root: &Element) -> Vec<String> {
    let list = document_pane(root).query_selector_all("p").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

/// Sets a text field's value and sends the `input` event typing would.
async fn type_into(area: &HtmlTextAreaElement, text: &str) {
    area.set_value(text);
    area.dispatch_event(&bubbling("input")).unwrap();
    yew::scheduler::flush().await;
}

fn release_textarea(root: &Element) -> HtmlTextAreaElement {
    root.query_selector("#release-text")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

/// The button whose text is `label`.
fn button(root: &Element, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

/// The tag button named `tag` (its text also holds the digit key).
fn tag_button(root: &Element, tag: &str) -> HtmlElement {
    let buttons = root.query_selector_all(".tag-palette .tag-button").unwrap();
    (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.first_child().and_then(|t| t.text_content()).as_deref() == Some(tag))
        .unwrap_or_else(|| panic!("no tag button {tag:?}"))
}

/// The index of the paragraph holding `phrase`, and where the phrase is
/// among its segments' text nodes: (node, UTF-16 offset) of its two ends.
fn locate(root: &Element, phrase: &str) -> (usize, (Node, u32), (Node, u32)) {
    let paragraphs = document_pane(root).query_selector_all(".para").unwrap();
    for i in 0..paragraphs.length() {
        let paragraph: Element = paragraphs.item(i).unwrap().unchecked_into();
        let segments = paragraph.query_selector_all("[data-start]").unwrap();
        let mut text = String::new();
        let mut nodes: Vec<(Node, usize)> = Vec::new();
        for s in 0..segments.length() {
            let node = segments.item(s).unwrap().first_child().unwrap();
            nodes.push((node.clone(), text.encode_utf16().count()));
            text.push_str(&node.text_content().unwrap_or_default());
        }
        let Some(at) = text.find(phrase) else {
            continue;
        };
        let start = text[..at].encode_utf16().count();
        let end = start + phrase.encode_utf16().count();
        let point = |unit: usize, is_end: bool| {
            let (node, from) = nodes
                .iter()
                .rev()
                .find(|(_, from)| if is_end { *from < unit } else { *from <= unit })
                .unwrap();
            (node.clone(), (unit - from) as u32)
        };
        let index = paragraph.id().trim_start_matches("para-").parse().unwrap();
        return (index, point(start, false), point(end, true));
    }
    panic!("{phrase:?} is not in the document");
}

/// Selects `phrase` in the document and releases the mouse on it, as a
/// drag does. Returns the index of its paragraph.
async fn select(root: &Element, phrase: &str) -> usize {
    let (index, (start_node, start), (end_node, end)) = locate(root, phrase);
    let document = gloo::utils::document();
    let range = document.create_range().unwrap();
    range.set_start(&start_node, start).unwrap();
    range.set_end(&end_node, end).unwrap();
    let selection = gloo::utils::window().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    let release = MouseEvent::new_with_mouse_event_init_dict("mouseup", &init).unwrap();
    // Mouse events happen on elements, not text nodes.
    let segment = end_node.parent_element().unwrap();
    segment.dispatch_event(&release).unwrap();
    yew::scheduler::flush().await;
    index
}

fn target_line(root: &Element) -> String {
    root.query_selector(".tag-palette .target")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

/// Asserts that none of `names` rendered since the counts were reset.
fn assert_not_rendered(names: &[&str], what: &str) {
    for name in names {
        assert_eq!(
            renders::count(name),
            0,
            "{what} re-rendered {name} (renders since: {:?})",
            renders::names()
        );
    }
}

/// A phrase of one paragraph of the sample release.
const RELEASE_PHRASE: &str = "Much of the contaminated land is farmland";

#[wasm_bindgen_test]
async fn selecting_text_re_renders_the_tags_panel_only() {
    let app = mount().await;
    renders::reset();
    select(&app.root, RELEASE_PHRASE).await;
    assert!(
        target_line(&app.root).starts_with("Selection: “Much of the contaminated"),
        "{}",
        target_line(&app.root)
    );
    assert!(renders::count("TagPalette") >= 1);
    assert_not_rendered(
        &[
            "DocumentView",
            "ParagraphList",
            "Paragraph",
            "SpeakersPanel",
            "FactsPanel",
            "HeaderCard",
            "InputPanel",
            "AnnotationsPanel",
            "SiteHeader",
            "Notices",
        ],
        "selecting text",
    );
}

#[wasm_bindgen_test]
async fn tagging_re_renders_only_the_paragraph_whose_highlights_changed() {
    let app = mount().await;
    let paragraph = select(&app.root, RELEASE_PHRASE).await;
    renders::reset();
    tag_button(&app.root, "Claim").click();
    yew::scheduler::flush().await;
    let highlighted = document_pane(&app.root)
        .query_selector(".annotated")
        .unwrap()
        .expect("the new highlight");
    assert!(highlighted
        .closest(&format!("#para-{paragraph}"))
        .unwrap()
        .is_some());
    assert_eq!(
        renders::count("Paragraph"),
        1,
        "paragraphs re-rendered: {:?}",
        renders::names()
    );
    assert_eq!(renders::count(&format!("Paragraph {paragraph}")), 1);
    assert!(renders::count("AnnotationsPanel") >= 1);
    assert_not_rendered(
        &["SpeakersPanel", "FactsPanel", "HeaderCard", "InputPanel"],
        "tagging",
    );
}

#[wasm_bindgen_test]
async fn typing_a_note_re_renders_neither_the_document_view_nor_its_paragraphs() {
    let app = mount().await;
    select(&app.root, RELEASE_PHRASE).await;
    tag_button(&app.root, "Claim").click();
    yew::scheduler::flush().await;
    let note: HtmlTextAreaElement = app
        .root
        .query_selector(".annotations-panel textarea[aria-label=Note]")
        .unwrap()
        .expect("the note field of the new, selected annotation")
        .unchecked_into();
    renders::reset();
    for typed in ["D", "Dr", "Dro", "Drou", "Drought"] {
        type_into(&note, typed).await;
    }
    let listed = app
        .root
        .query_selector(".annotations-panel .annotation-meta")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(listed.ends_with("note: Drought"), "{listed}");
    assert!(renders::count("AnnotationsPanel") >= 5);
    assert_not_rendered(
        &[
            "DocumentView",
            "ParagraphList",
            "Paragraph",
            "SpeakersPanel",
            "FactsPanel",
            "HeaderCard",
            "InputPanel",
            "TagPalette",
        ],
        "typing a note",
    );
}

#[wasm_bindgen_test]
async fn choosing_a_speaker_re_renders_their_turns_but_not_the_facts_panel() {
    let app = mount().await;
    renders::reset();
    let speaker = app
        .root
        .query_selector(".speakers-panel button.speaker")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    speaker.click();
    yew::scheduler::flush().await;
    assert_eq!(
        speaker.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let focused = document_pane(&app.root)
        .query_selector_all(".focus")
        .unwrap()
        .length();
    assert!(focused > 0, "the speaker's turns are highlighted");
    assert!(renders::count("SpeakersPanel") >= 1);
    // Only the paragraphs of the turns change.
    let paragraphs = renders::count("Paragraph");
    assert!(
        (1..10).contains(&paragraphs),
        "{paragraphs} paragraphs re-rendered"
    );
    assert_not_rendered(
        &[
            "FactsPanel",
            "HeaderCard",
            "InputPanel",
            "AnnotationsPanel",
            "TagPalette",
        ],
        "choosing a speaker",
    );
}

#[wasm_bindgen_test]
async fn typing_in_the_release_box_re_renders_only_it_until_parsed() {
    let app = mount().await;
    renders::reset();
    let area = release_textarea(&app.root);
    let text = area.value();
    type_into(&area, &format!("{text}\nA line typed at the end.")).await;
    assert!(renders::count("InputPanel") >= 1);
    assert_not_rendered(
        &[
            "DocumentView",
            "ParagraphList",
            "Paragraph",
            "SpeakersPanel",
            "FactsPanel",
            "HeaderCard",
            "AnnotationsPanel",
            "TagPalette",
        ],
        "typing in the text box",
    );
    // Parsed, the new document re-renders what shows it.
    button(&app.root, "Parse").click();
    yew::scheduler::flush().await;
    assert!(renders::count("DocumentView") >= 1);
    assert!(renders::count("HeaderCard") >= 1);
    assert_eq!(
        paragraph_texts(&app.root).last().map(String::as_str),
        Some("A line typed at the end.")
    );
}

/// Presses `key` on `element` (a keydown that bubbles, as a real one does).
async fn press(element: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

/// The element with the focus: a menu item's text, else its id.
fn focused() -> String {
    let element = gloo::utils::document().active_element().unwrap();
    if element.get_attribute("role").as_deref() == Some("menuitem") {
        element.text_content().unwrap_or_default()
    } else {
        format!("#{}", element.id())
    }
}

fn menu_is_open(root: &Element) -> bool {
    let menu = root.query_selector("[role=menu]").unwrap().unwrap();
    let button = root.query_selector("#export-button").unwrap().unwrap();
    let expanded = button.get_attribute("aria-expanded").as_deref() == Some("true");
    assert_eq!(
        expanded,
        !menu.has_attribute("hidden"),
        "aria-expanded says what is shown"
    );
    expanded
}

#[wasm_bindgen_test]
async fn the_export_menu_follows_the_keys_and_re_renders_only_itself() {
    let app = mount().await;
    let button = app.root.query_selector("#export-button").unwrap().unwrap();
    assert_eq!(
        button.get_attribute("aria-haspopup").as_deref(),
        Some("menu")
    );
    assert!(!menu_is_open(&app.root));
    renders::reset();
    press(&button, "ArrowDown").await;
    assert!(menu_is_open(&app.root));
    assert_eq!(focused(), "Export JSON");
    assert!(renders::count("ExportMenu") >= 1);
    assert_not_rendered(
        &[
            "SiteHeader",
            "DocumentView",
            "Paragraph",
            "AnnotationsPanel",
            "TagPalette",
            "Notices",
        ],
        "opening the Export menu",
    );
    // This release's entries, then the whole library's.
    let labels: Vec<String> = RELEASE_EXPORTS
        .iter()
        .map(|e| e.label())
        .chain(
            LIBRARY_EXPORTS
                .iter()
                .map(|e| format!("{} (whole library)", e.label())),
        )
        .collect();
    let items = app.root.query_selector_all("[role=menuitem]").unwrap();
    let shown: Vec<String> = (0..items.length())
        .map(|i| items.item(i).unwrap().text_content().unwrap_or_default())
        .collect();
    assert_eq!(shown, labels);

    let menu = app.root.query_selector("[role=menu]").unwrap().unwrap();
    for (key, expected) in [
        ("ArrowUp", labels.last().unwrap().as_str()),
        ("ArrowDown", "Export JSON"),
        ("End", labels.last().unwrap().as_str()),
        ("Home", "Export JSON"),
        ("i", "Export INCEpTION UIMA CAS XMI (.zip)"),
        ("l", "Export Label Studio tasks (whole library)"),
        (
            "l",
            "Export Label Studio tasks with predictions (whole library)",
        ),
        // The page's shortcuts do not see keys pressed in the menu.
        (
            "1",
            "Export Label Studio tasks with predictions (whole library)",
        ),
    ] {
        let target = gloo::utils::document().active_element().unwrap();
        assert!(menu.contains(Some(&target)), "the focus is in the menu");
        press(&target, key).await;
        assert_eq!(focused(), expected, "after {key}");
    }
    press(&gloo::utils::document().active_element().unwrap(), "Escape").await;
    assert!(!menu_is_open(&app.root));
    assert_eq!(focused(), "#export-button");
    assert_eq!(
        menu.child_element_count(),
        0,
        "a closed menu holds no entries"
    );
}

/// The menu alone, with two scopes, as the library will use it.
#[yew::component(TwoScopes)]
fn two_scopes() -> Html {
    let workspace = Rc::new(Workspace::new(
        "A release.".to_owned(),
        AnnotationSet::default(),
    ));
    let handles = Handles {
        dispatch: Dispatch::new(Callback::from(|_| ())),
        latest: Latest::new(workspace.clone()),
        library: Latest::new(Rc::new(Library::default())),
    };
    let releases = {
        let workspace = workspace.clone();
        Callback::from(move |()| {
            Ok(vec![Outgoing::Parsed(
                workspace.document.clone(),
                workspace.session.set().clone(),
            )])
        })
    };
    let scopes = Rc::new(vec![
        ExportScope {
            name: AttrValue::from("This release"),
            suffix: AttrValue::default(),
            exports: &RELEASE_EXPORTS[..2],
            releases: releases.clone(),
            library: false,
        },
        ExportScope {
            name: AttrValue::from("Whole library"),
            suffix: AttrValue::from(" (whole library)"),
            exports: &[Export::Tool {
                format: Format::Doccano,
                predictions: false,
            }],
            releases,
            library: true,
        },
    ]);
    html! {
        <ContextProvider<Handles> context={handles}>
            <ExportMenu {scopes} />
        </ContextProvider<Handles>>
    }
}

#[wasm_bindgen_test]
async fn a_menu_of_two_scopes_groups_its_entries_under_their_names() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<TwoScopes>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let button = root.query_selector("#export-button").unwrap().unwrap();
    button.unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(focused(), "Export JSON");
    let groups = root.query_selector_all("[role=menu] [role=group]").unwrap();
    assert_eq!(groups.length(), 2);
    let names: Vec<String> = (0..2)
        .map(|i| {
            let group: Element = groups.item(i).unwrap().unchecked_into();
            let heading = group.get_attribute("aria-labelledby").unwrap();
            document
                .get_element_by_id(&heading)
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(names, ["This release", "Whole library"]);
    let active = || document.active_element().unwrap();
    press(&active(), "End").await;
    assert_eq!(focused(), "Export doccano JSONL (whole library)");
    press(&active(), "ArrowDown").await;
    assert_eq!(focused(), "Export JSON", "the keys cross groups and wrap");
    press(&active(), "Tab").await;
    assert_eq!(focused(), "#export-button");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    app.destroy();
    root.remove();
}

/// The app's own stylesheet, so that the Document pane scrolls as it does
/// in the app (the windowed list follows the pane's scrolling).
fn add_app_styles(root: &Element) {
    let style = gloo::utils::document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../../styles/app.css")));
    root.append_child(&style).unwrap();
}

/// Scrolls the Document pane to `top` as a reader would, and lets the app
/// answer the scroll event.
async fn scroll_pane(root: &Element, top: i32) {
    let pane: HtmlElement = document_pane(root).unchecked_into();
    pane.set_scroll_top(top);
    pane.dispatch_event(&Event::new("scroll").unwrap()).unwrap();
    for _ in 0..4 {
        yew::scheduler::flush().await;
    }
}

fn mounted_paragraphs(root: &Element) -> Vec<usize> {
    let list = document_pane(root).query_selector_all(".para").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into::<Element>().id())
        .map(|id| id.trim_start_matches("para-").parse().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn a_long_document_has_a_window_of_paragraphs_in_the_page_and_scrolling_renders_only_it() {
    let app = mount().await;
    add_app_styles(&app.root);
    let text: String = (0..3_000)
        .map(|i| format!("Entry {i} of the record, kept for the reader.\n\n"))
        .collect();
    type_into(&release_textarea(&app.root), &text).await;
    button(&app.root, "Parse").click();
    for _ in 0..4 {
        yew::scheduler::flush().await;
    }
    let pane: HtmlElement = document_pane(&app.root).unchecked_into();
    let first = mounted_paragraphs(&app.root);
    assert!(
        first.len() > 5 && first.len() < 300,
        "{} paragraphs in the page",
        first.len()
    );
    assert_eq!(first[0], 0);
    let height = pane.scroll_height();
    assert!(height > 3_000 * 20, "scroll height {height}");

    renders::reset();
    scroll_pane(&app.root, height / 2).await;
    let middle = mounted_paragraphs(&app.root);
    assert!(
        middle.len() < 300,
        "{} paragraphs in the page",
        middle.len()
    );
    assert!(
        middle.iter().any(|&i| (1_200..1_800).contains(&i)),
        "the middle of the document is in the page: {middle:?}"
    );
    assert!(!middle.contains(&0), "the top is no longer in the page");
    assert!(renders::count("ParagraphList") >= 1);
    assert!(renders::count("Paragraph") as usize <= middle.len() * 2);
    assert_not_rendered(
        &[
            "App",
            "DocumentView",
            "FindBox",
            "SpeakersPanel",
            "FactsPanel",
            "HeaderCard",
            "InputPanel",
            "AnnotationsPanel",
            "TagPalette",
        ],
        "scrolling",
    );
    let drift = (pane.scroll_height() - height).abs();
    assert!(
        drift * 20 < height,
        "scroll height {} against {height}",
        pane.scroll_height()
    );

    scroll_pane(&app.root, pane.scroll_height()).await;
    scroll_pane(&app.root, pane.scroll_height()).await;
    let end = mounted_paragraphs(&app.root);
    assert_eq!(end.last(), Some(&2_999), "the end is in the page");
    assert!(end.len() < 300);
}
