//! The few places the app talks to the DOM directly: the text selection
//! (UTF-16 in the DOM, code points in the core), scrolling, downloads, and
//! the values of form fields, so that components never handle DOM types.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, Node};
use yew::NodeRef;

use crate::text::{byte_of_utf16, char_of_utf16, Snap};

/// The element carrying `data-start` that holds `node`, if any, within `root`.
fn segment_of(node: &Node, root: &Element) -> Option<Element> {
    let mut current = if node.node_type() == Node::TEXT_NODE {
        node.parent_element()
    } else {
        node.dyn_ref::<Element>().cloned()
    };
    while let Some(element) = current {
        if element.has_attribute("data-start") {
            return Some(element);
        }
        if element.is_same_node(Some(root)) {
            return None;
        }
        current = element.parent_element();
    }
    None
}

/// The code-point offset in the document of a selection boundary. A
/// boundary inside a surrogate pair moves by `snap` to a whole character.
fn boundary_offset(node: &Node, offset: u32, root: &Element, snap: Snap) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        let segment = segment_of(node, root)?;
        let start: usize = segment.get_attribute("data-start")?.parse().ok()?;
        let text = node.text_content().unwrap_or_default();
        return Some(start + char_of_utf16(&text, offset as usize, snap));
    }
    // An element boundary: before its child `offset`, or at its end.
    let element: &Element = node.dyn_ref()?;
    if let Some(segment) = segment_of(node, root).filter(|s| s.is_same_node(Some(element))) {
        let start: usize = segment.get_attribute("data-start")?.parse().ok()?;
        let length = segment.text_content().unwrap_or_default().chars().count();
        return Some(if offset == 0 { start } else { start + length });
    }
    let children = element.query_selector_all("[data-start]").ok()?;
    let child = node.child_nodes().item(offset);
    for i in 0..children.length() {
        let candidate: Element = children.item(i)?.dyn_into().ok()?;
        let after = match &child {
            Some(child) => {
                child.contains(Some(&candidate))
                    || child.compare_document_position(&candidate)
                        & Node::DOCUMENT_POSITION_FOLLOWING
                        != 0
            }
            None => false,
        };
        if after {
            return candidate.get_attribute("data-start")?.parse().ok();
        }
    }
    // After every segment: the end of the last one.
    let last: Element = children
        .item(children.length().checked_sub(1)?)?
        .dyn_into()
        .ok()?;
    let start: usize = last.get_attribute("data-start")?.parse().ok()?;
    Some(start + last.text_content().unwrap_or_default().chars().count())
}

/// The current selection inside `root` as code points `(start, end)`, or
/// None when it is empty or does not touch `root`. A selection that starts
/// or ends outside `root` (a drag that overshoots the pane) is cut at the
/// edge of `root`'s text.
pub fn selection_in(root: &Element) -> Option<(usize, usize)> {
    selection_within(root, None)
}

/// [`selection_in`], for a root that holds only part of the document (a
/// windowed list): a boundary outside it stands for the document's own
/// edge, `edges` (code points), not for the edge of the text in the page.
fn selection_within(root: &Element, edges: Option<(usize, usize)>) -> Option<(usize, usize)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    let (start_inside, end_inside) = (
        root.contains(Some(&start_node)),
        root.contains(Some(&end_node)),
    );
    if !start_inside && !end_inside {
        return None;
    }
    let (first, last) = match edges {
        Some(edges) => edges,
        None => text_edges(root)?,
    };
    let start = if start_inside {
        boundary_offset(&start_node, range.start_offset().ok()?, root, Snap::Back)?
    } else {
        first
    };
    let end = if end_inside {
        boundary_offset(&end_node, range.end_offset().ok()?, root, Snap::Forward)?
    } else {
        last
    };
    Some((start.min(end), start.max(end)))
}

/// The code-point offsets where `root`'s segments begin and end.
fn text_edges(root: &Element) -> Option<(usize, usize)> {
    let segments = root.query_selector_all("[data-start]").ok()?;
    let first: Element = segments.item(0)?.dyn_into().ok()?;
    let last: Element = segments
        .item(segments.length().checked_sub(1)?)?
        .dyn_into()
        .ok()?;
    let start_of = |e: &Element| -> Option<usize> { e.get_attribute("data-start")?.parse().ok() };
    let last_end = start_of(&last)? + last.text_content().unwrap_or_default().chars().count();
    Some((start_of(&first)?, last_end))
}

/// The selection inside the element `root` refers to, in a document whose
/// text runs over `edges` (see [`selection_within`]). Both ends of a
/// selection are in the page (the windowed list keeps the paragraph of its
/// anchor mounted), however many paragraphs between them are not: offsets
/// come from the segments' `data-start`, never from the text in between.
pub fn selection_in_ref(root: &NodeRef, edges: (usize, usize)) -> Option<(usize, usize)> {
    selection_within(&root.cast::<Element>()?, Some(edges))
}

/// The ids (space-separated) of the annotations under the highlight an
/// event hit, if it hit one.
pub fn annotation_ids_at(event: &Event) -> Option<String> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-annotations]")
        .ok()??
        .get_attribute("data-annotations")
}

/// Whether an event happened inside the element `root` refers to.
pub fn happened_inside(event: &Event, root: &NodeRef) -> bool {
    let Some(root) = root.cast::<Element>() else {
        return false;
    };
    event
        .target()
        .and_then(|t| t.dyn_into::<Node>().ok())
        .is_some_and(|node| root.contains(Some(&node)))
}

pub fn clear_selection() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Scrolls the element with `id` to the middle of the scrolling element
/// that holds it, and nothing else: the page around stays where it is.
pub fn scroll_to(id: &str) {
    let Some(element) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(container) = element
        .offset_parent()
        .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let top =
        element.offset_top() - (container.client_height() - element.offset_height()).max(0) / 2;
    let options = web_sys::ScrollToOptions::new();
    options.set_top(f64::from(top.max(0)));
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    container.scroll_to_with_scroll_to_options(&options);
}

/// Opens the file picker of a file input (a button stands for it).
pub fn pick_files(input: &NodeRef) {
    if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
        input.click();
    }
}

/// Offers `bytes` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "").map_err(describe)?;
    let body = gloo::utils::body();
    body.append_child(&anchor).map_err(describe)?;
    anchor.click();
    anchor.remove();
    // Revoked later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Moves the keyboard focus to the element `node` refers to.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves the keyboard focus to the input `node` refers to and selects its
/// text, so that typing replaces it.
pub fn focus_and_select(node: &NodeRef) {
    if let Some(input) = node.cast::<HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    }
}

/// The value of the input, text box or list an event came from.
pub fn field_value(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Puts `value` back into the input an event came from.
pub fn reset_field(event: &Event, value: &str) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    {
        input.set_value(value);
    }
}

/// Sets the text and placeholder of the text box `area` refers to.
pub fn set_text_box(area: &NodeRef, value: &str, placeholder: &str) {
    if let Some(area) = area.cast::<HtmlTextAreaElement>() {
        area.set_value(value);
        area.set_placeholder(placeholder);
    }
}

/// The plain text a paste event carries.
pub fn pasted_text(event: &Event) -> Option<String> {
    event
        .dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()
}

/// The text of the text box a paste event came from, with `pasted` in
/// place of its selection (which the DOM counts in UTF-16 code units).
pub fn text_with_paste(event: &Event, pasted: &str) -> String {
    let Some(area) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return pasted.to_owned();
    };
    let value = area.value();
    let units = |position: Result<Option<u32>, wasm_bindgen::JsValue>| {
        position.ok().flatten().map(|p| p as usize)
    };
    // The DOM counts the selection in UTF-16 code units; an end inside a
    // surrogate pair takes the whole character.
    let end_units = units(area.selection_end()).unwrap_or(usize::MAX);
    let start_units = units(area.selection_start()).unwrap_or(end_units);
    let end = byte_of_utf16(&value, end_units, Snap::Forward);
    let start = byte_of_utf16(&value, start_units, Snap::Back).min(end);
    [&value[..start], pasted, &value[end..]].concat()
}

/// A JavaScript error as one readable line.
pub fn describe(error: wasm_bindgen::JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return format!(
            "{}: {}",
            String::from(error.name()),
            String::from(error.message())
        );
    }
    error
        .as_string()
        .unwrap_or_else(|| "unknown browser error".to_owned())
}
