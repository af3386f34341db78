//! Reading files the user opens: a release as text (`.txt`, or the text of
//! an `.html` page, extracted without running or inserting anything), and
//! annotation files (one, or several picked at once) as bytes.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Event, HtmlInputElement, Node, SupportedType};
use yew::Callback;

/// The largest file the app reads; past this a browser tab struggles.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A file the user picked, read into memory.
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Files being read; reading stops if this is dropped.
pub type Reading = Vec<FileReader>;

/// What runs once every file is read (or one failed).
type Done = Option<Box<dyn FnOnce()>>;

/// Starts reading the files picked in the file input an event came from,
/// as bytes: decoding is the caller's business, so that bad UTF-8 is
/// reported, not papered over. `on_files` gets them all, in the order
/// picked, once every one is read; `on_error` gets a sentence instead when
/// one is too large or cannot be read; `done` runs when the reading ends
/// either way.
pub fn read_picked(
    event: &Event,
    on_files: Callback<Vec<PickedFile>>,
    on_error: Callback<String>,
    done: impl FnOnce() + 'static,
) -> Option<Reading> {
    let input = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let list = input.files()?;
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    // Picking the same files again must fire `change` again.
    input.set_value("");
    if files.is_empty() {
        return None;
    }
    let megabytes = |bytes: u64| bytes as f64 / 1_048_576.0;
    for file in &files {
        let size = file.size() as u64;
        if size > MAX_FILE_BYTES {
            on_error.emit(format!(
                "{} is {} MB; Rapporteur opens files of up to {} MB.",
                file.name(),
                crate::text::one_decimal(megabytes(size)),
                MAX_FILE_BYTES / 1_048_576
            ));
            return None;
        }
    }
    let total: u64 = files.iter().map(|f| f.size() as u64).sum();
    if total > MAX_FILE_BYTES {
        on_error.emit(format!(
            "These {} files are {} MB together; Rapporteur opens up to {} MB at once.",
            files.len(),
            crate::text::one_decimal(megabytes(total)),
            MAX_FILE_BYTES / 1_048_576
        ));
        return None;
    }
    let count = files.len();
    let read: Rc<RefCell<Vec<Option<PickedFile>>>> =
        Rc::new(RefCell::new((0..count).map(|_| None).collect()));
    let remaining = Rc::new(Cell::new(count));
    let failed = Rc::new(Cell::new(false));
    let done: Rc<RefCell<Done>> = Rc::new(RefCell::new(Some(Box::new(done))));
    let readers = files
        .into_iter()
        .enumerate()
        .map(|(index, file)| {
            let name = file.name();
            let (read, remaining, failed, done) = (
                read.clone(),
                remaining.clone(),
                failed.clone(),
                done.clone(),
            );
            let (on_files, on_error) = (on_files.clone(), on_error.clone());
            let file = gloo::file::File::from(file);
            gloo::file::callbacks::read_as_bytes(&file, move |result| {
                match result {
                    Ok(bytes) => read.borrow_mut()[index] = Some(PickedFile { name, bytes }),
                    Err(error) => {
                        // One message, for the first file that fails.
                        if !failed.replace(true) {
                            on_error.emit(format!("{name} could not be read: {error}."));
                        }
                    }
                }
                remaining.set(remaining.get() - 1);
                if remaining.get() > 0 {
                    return;
                }
                if !failed.get() {
                    let files = read.take().into_iter().flatten().collect();
                    on_files.emit(files);
                }
                if let Some(done) = done.take() {
                    done();
                }
            })
        })
        .collect();
    Some(readers)
}

/// Starts reading every file of a list (a multiple file input, or files
/// dropped on the page), as bytes; `on_files` gets them all, in order,
/// once every one is read (those that could not be read are left out and
/// reported through `on_error`).
pub fn read_all(
    files: Vec<web_sys::File>,
    on_files: Callback<Vec<PickedFile>>,
    on_error: Callback<String>,
) -> Reading {
    let count = files.len();
    let results: std::rc::Rc<std::cell::RefCell<Vec<Option<PickedFile>>>> =
        std::rc::Rc::new(std::cell::RefCell::new((0..count).map(|_| None).collect()));
    let left = std::rc::Rc::new(std::cell::Cell::new(count));
    let mut readings = Vec::new();
    let finish = {
        let results = results.clone();
        let on_files = on_files.clone();
        move || {
            let files: Vec<PickedFile> = results.borrow_mut().drain(..).flatten().collect();
            on_files.emit(files);
        }
    };
    let finish = std::rc::Rc::new(finish);
    for (index, file) in files.into_iter().enumerate() {
        let name = file.name();
        let size = file.size() as u64;
        if size > MAX_FILE_BYTES {
            on_error.emit(format!(
                "{name} is {} MB; Rapporteur opens files of up to {} MB.",
                crate::text::one_decimal(size as f64 / 1_048_576.0),
                MAX_FILE_BYTES / 1_048_576
            ));
            left.set(left.get() - 1);
            continue;
        }
        let (results, left, finish, on_error) = (
            results.clone(),
            left.clone(),
            finish.clone(),
            on_error.clone(),
        );
        let file = gloo::file::File::from(file);
        readings.push(gloo::file::callbacks::read_as_bytes(&file, move |result| {
            match result {
                Ok(bytes) => results.borrow_mut()[index] = Some(PickedFile { name, bytes }),
                Err(error) => on_error.emit(format!("{name} could not be read: {error}.")),
            }
            left.set(left.get() - 1);
            if left.get() == 0 {
                finish();
            }
        }));
    }
    if readings.is_empty() {
        finish();
    }
    readings
}

/// The files of a file input an event came from (emptied, so that picking
/// the same files again fires again).
pub fn picked_files(event: &Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    // Taken out of the list before it is cleared: the list is live.
    let files = input
        .files()
        .map(|list| list_files(&list))
        .unwrap_or_default();
    input.set_value("");
    files
}

/// The files of a list.
pub fn list_files(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A release's text from a file: `.html` pages give their reading text,
/// anything else is decoded as UTF-8 (bad bytes replaced, and said).
pub fn release_text(file: &PickedFile) -> Result<(Cow<'_, str>, bool), String> {
    let (text, replaced) = decode_text(&file.bytes);
    if is_html(&file.name) {
        text_of_html(&text)
            .map(|text| (Cow::Owned(text), replaced))
            .map_err(|error| format!("{} could not be read as HTML: {error}.", file.name))
    } else {
        Ok((text, replaced))
    }
}

/// Elements whose text is not part of the page's reading text.
const SKIPPED: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "SVG", "IFRAME", "OBJECT",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "P",
    "DIV",
    "BR",
    "LI",
    "UL",
    "OL",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "TR",
    "TABLE",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "FOOTER",
    "BLOCKQUOTE",
    "PRE",
    "ADDRESS",
    "FIGCAPTION",
    "NAV",
    "ASIDE",
    "MAIN",
    "DT",
    "DD",
    "HR",
];

/// The reading text of an HTML page. DOMParser builds an inert document:
/// its scripts never run, nothing of it enters the app's page, and only
/// text nodes are read, one block element per line.
pub fn text_of_html(html: &str) -> Result<String, String> {
    let parser = DomParser::new().map_err(super::dom::describe)?;
    let parsed = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(super::dom::describe)?;
    let mut out = String::new();
    if let Some(body) = parsed.body() {
        collect(&body, false, &mut out);
    }
    Ok(out
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n"))
}

/// Appends the reading text under `node`. Outside `<pre>` a run of source
/// whitespace (line breaks and indentation inside a paragraph) is one
/// space, as a browser shows it.
fn collect(node: &Node, preformatted: bool, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = child.text_content().unwrap_or_default();
                if preformatted {
                    out.push_str(&text);
                } else {
                    push_collapsed(&text, out);
                }
            }
            Node::ELEMENT_NODE => {
                let Some(element) = child.dyn_ref::<Element>() else {
                    continue;
                };
                let tag = element.tag_name().to_uppercase();
                if SKIPPED.contains(&tag.as_str()) || element.has_attribute("hidden") {
                    continue;
                }
                let block = BLOCKS.contains(&tag.as_str());
                if block {
                    out.push('\n');
                }
                collect(&child, preformatted || tag == "PRE", out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// `text` with each run of HTML whitespace (space, tab, line feed, form
/// feed, carriage return; not the no-break space) as one space, also
/// across the end of what `out` holds already.
fn push_collapsed(text: &str, out: &mut String) {
    let mut in_space = out.ends_with(' ');
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
}

/// Whether a file name is an HTML page.
pub fn is_html(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml")
}

/// Decodes a text file, replacing bytes that are not UTF-8 (a release is
/// still readable) and saying so. Borrowed when nothing was replaced: a
/// copy of a 50 MB file costs the page a visible time.
pub fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text.trim_start_matches('\u{feff}')), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}
