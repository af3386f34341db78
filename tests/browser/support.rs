//! What the browser tests share: mounting the app as a page load does,
//! waiting for it, and finding what it shows.

use rapporteur::app::components::app::App;
use rapporteur::text::utf16_of_char;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};
use yew::AppHandle;

/// The app mounted in an element of its own.
pub struct Mounted {
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    /// Unmounts the app, so that its page-wide listeners and timers go with
    /// it, and removes its element.
    pub fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

pub fn local_storage() -> web_sys::Storage {
    gloo::utils::window()
        .local_storage()
        .expect("local storage is enabled")
        .expect("local storage exists")
}

/// Mounts the app with nothing saved: a first visit (an empty library:
/// its database deleted, nothing in local storage).
pub async fn mount() -> Mounted {
    local_storage().clear().unwrap();
    delete_library().await;
    mount_as_saved().await
}

#[wasm_bindgen(inline_js = "
export function delete_database(name) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
")]
extern "C" {
    /// Deletes the database `name`; resolves once it is gone (an app still
    /// holding it open would keep it waiting: every test unmounts its app).
    fn delete_database(name: &str) -> js_sys::Promise;
}

/// Deletes the library's database (IndexedDB), as a new profile has none.
pub async fn delete_library() {
    wasm_bindgen_futures::JsFuture::from(delete_database("rapporteur"))
        .await
        .expect("the library's database is deleted");
}

/// Mounts the app on whatever storage holds, as a reload does, and waits
/// until the library is open (or known to be in memory only), written, and
/// its texts read, so that no background work renders during the test.
pub async fn mount_as_saved() -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    wait_until("the library to open", || settled(&root)).await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Whether the app has opened its library, written what waited and read
/// every text.
pub fn settled(root: &Element) -> bool {
    query(root, "[role=region][aria-label=Document]").is_some()
        && query(root, ".storage-line")
            .and_then(|line| line.text_content())
            .is_some_and(|line| !line.starts_with("Opening"))
        && save_state(root) != "saving"
        && query(root, ".search-view .loading").is_none()
}

/// Lets the browser run timers and events for `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 20 s) until `ready` holds, rendering as it goes.
pub async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..1000 {
        yew::scheduler::flush().await;
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("gave up waiting for {what}");
}

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// The text of the first element matching `selector`, or "" if none does.
pub fn text_of(root: &Element, selector: &str) -> String {
    query(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

pub fn document_pane(root: &Element) -> Element {
    query(root, "[role=region][aria-label=Document]").expect("the Document region")
}

/// The text of each paragraph the Document pane shows.
pub fn paragraph_texts(root: &Element) -> Vec<String> {
    all(&document_pane(root), ".para")
        .iter()
        .map(|p| p.text_content().unwrap_or_default())
        .collect()
}

/// What the notices area says (errors, autosave problems, information).
pub fn notices(root: &Element) -> String {
    text_of(root, ".notices")
}

/// The autosave state the header shows: "saved", "saving" or "failed".
pub fn save_state(root: &Element) -> String {
    query(root, ".save-status")
        .and_then(|e| e.get_attribute("data-state"))
        .unwrap_or_default()
}

/// The items of the Annotations list, as their summaries say them.
pub fn listed_annotations(root: &Element) -> Vec<String> {
    all(root, ".annotation-list > li .annotation-summary")
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect()
}

/// The button whose text is `label`.
pub fn button(root: &Element, label: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

/// The tag button named `name` in the Tags panel (its text also holds the
/// digit key).
pub fn tag_button(root: &Element, name: &str) -> HtmlElement {
    all(root, ".tag-palette .tag-button")
        .into_iter()
        .find(|b| b.first_child().and_then(|c| c.text_content()).as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no tag button {name:?}"))
        .unchecked_into()
}

/// Dispatches a bubbling event of `kind` at `target`.
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Puts `text` in the textarea and presses "Parse", then waits until the
/// Document pane shows its first and last lines.
pub async fn load_text(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = query(root, "textarea").unwrap().unchecked_into();
    area.set_value(text);
    fire(&area, "input");
    yew::scheduler::flush().await;
    button(root, "Parse").click();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("").to_owned();
    let last = lines.next_back().unwrap_or(&first).to_owned();
    wait_until("the text to be shown", || {
        let shown = paragraph_texts(root);
        shown.first().is_some_and(|p| p.contains(&first))
            && shown.last().is_some_and(|p| p.contains(&last))
    })
    .await;
}

/// The text node and UTF-16 offset in the Document pane where code point
/// `at` of the document is.
pub fn dom_position(pane: &Element, at: usize) -> (web_sys::Node, u32) {
    for segment in all(pane, "[data-start]") {
        let start: usize = segment
            .get_attribute("data-start")
            .unwrap()
            .parse()
            .unwrap();
        let text = segment.text_content().unwrap_or_default();
        if start <= at && at <= start + text.chars().count() {
            let node = segment.first_child().expect("a segment holds its text");
            return (node, utf16_of_char(&text, at - start) as u32);
        }
    }
    panic!("code point {at} is in no segment");
}

/// Makes the page's selection the range from `start` to `end` (DOM nodes and
/// UTF-16 offsets), as a drag or Shift+arrows would.
pub fn select_dom(start: (&web_sys::Node, u32), end: (&web_sys::Node, u32)) {
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    let selection = gloo::utils::window().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
}

/// Selects code points `start..end` of the document in the Document pane.
pub fn select_code_points(pane: &Element, start: usize, end: usize) {
    let (start_node, start_offset) = dom_position(pane, start);
    let (end_node, end_offset) = dom_position(pane, end);
    select_dom((&start_node, start_offset), (&end_node, end_offset));
}

/// Selects the first `passage` of the document `text` shown in the app,
/// releases the mouse as a drag ends, and tags it with the tag button `tag`.
pub async fn tag_passage(root: &Element, text: &str, passage: &str, tag: &str) {
    let pane = document_pane(root);
    let start = offset_of(text, passage);
    select_code_points(&pane, start, start + passage.chars().count());
    fire(&pane, "mouseup");
    wait_until("the selection to become the target", || {
        text_of(root, ".tag-palette .target").starts_with("Selection:")
    })
    .await;
    let before = listed_annotations(root).len();
    tag_button(root, tag).click();
    wait_until("the annotation to be listed", || {
        listed_annotations(root).len() == before + 1
    })
    .await;
}

/// Code point offset of the first `passage` in `text`.
pub fn offset_of(text: &str, passage: &str) -> usize {
    let byte = text
        .find(passage)
        .unwrap_or_else(|| panic!("{passage:?} not in the text"));
    text[..byte].chars().count()
}
