//! `app::files` through "Open file", as a reader uses it: a `.txt` file (with
//! a byte-order mark, or with bytes that are not UTF-8), an `.html` page
//! whose text is read without running or inserting anything, an empty file
//! and one too large to open.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{DataTransfer, Element, File, FilePropertyBag, HtmlInputElement};

use crate::support::*;

/// Picks a file of `bytes` named `name` in the "Open file" button's input,
/// as the file chooser does.
fn open_file(root: &Element, name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    pick(root, name, mime, &parts);
}

fn pick(root: &Element, name: &str, mime: &str, parts: &js_sys::Array) {
    let options = FilePropertyBag::new();
    options.set_type(mime);
    let file = File::new_with_u8_array_sequence_and_options(parts, name, &options).unwrap();
    let transfer = DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = all(root, ".input-panel input[type=file]")
        .into_iter()
        .next()
        .expect("the Open file input")
        .unchecked_into();
    input.set_files(transfer.files().as_ref());
    fire(&input, "change");
}

#[wasm_bindgen_test]
async fn a_text_file_is_read_and_parsed() {
    let app = mount().await;
    let text = "Oslo, 2 February 2026\n\nCouncil Adopts Budget for Coastal Ferries\n\n\
        The council approved NOK 480 million for four new ferries, said Kari Nordmann, its chair.";
    let mut bytes = vec![0xEF, 0xBB, 0xBF]; // A byte-order mark, as Notepad writes.
    bytes.extend_from_slice(text.as_bytes());
    open_file(&app.root, "ferries.txt", "text/plain", &bytes);
    wait_until("the file's text", || {
        paragraph_texts(&app.root).first().map(String::as_str) == Some("Oslo, 2 February 2026")
    })
    .await;
    assert_eq!(
        paragraph_texts(&app.root),
        vec![
            "Oslo, 2 February 2026",
            "Council Adopts Budget for Coastal Ferries",
            "The council approved NOK 480 million for four new ferries, said Kari Nordmann, its chair."
        ]
    );
    assert_eq!(notices(&app.root), "");
    app.unmount();
}

#[wasm_bindgen_test]
async fn bytes_that_are_not_utf8_are_shown_as_replacement_characters_and_the_reader_told() {
    let app = mount().await;
    // "Café" in Latin-1: the é is the lone byte 0xE9.
    open_file(
        &app.root,
        "latin1.txt",
        "text/plain",
        b"Caf\xe9 owners met the mayor.\n\nThey agreed.",
    );
    wait_until("the file's text", || {
        paragraph_texts(&app.root)
            .first()
            .is_some_and(|p| p.starts_with("Caf"))
    })
    .await;
    assert_eq!(
        paragraph_texts(&app.root)[0],
        "Caf\u{fffd} owners met the mayor."
    );
    let said = notices(&app.root);
    assert!(
        said.contains("Some bytes of latin1.txt were not valid UTF-8; they are shown as \u{fffd}."),
        "{said}"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_html_page_gives_its_text_and_nothing_of_it_runs() {
    let app = mount().await;
    let page = r#"<!doctype html><html><head><title>Ignored title</title>
        <script>window.pageScriptRan = true;</script><style>p { color: red }</style></head>
        <body><nav>Home | News</nav>
        <h1>Port Opens Night Ferry Line</h1>
        <p>The line runs <b>three</b> nights a week,
           from 1 May.</p>
        <p hidden>Draft note: do not publish.</p>
        <img src="x" onerror="window.imageHandlerRan = true">
        <ul><li>Fares from €12</li><li>Bikes carried free</li></ul>
        <pre>Route      Nights
Oslo–Kiel  Mon Wed Fri</pre>
        <script>window.bodyScriptRan = true;</script>
        </body></html>"#;
    open_file(&app.root, "ferry.html", "text/html", page.as_bytes());
    wait_until("the page's text", || {
        paragraph_texts(&app.root)
            .iter()
            .any(|p| p.contains("Port Opens Night Ferry Line"))
    })
    .await;
    assert_eq!(
        paragraph_texts(&app.root),
        vec![
            "Home | News",
            "Port Opens Night Ferry Line",
            "The line runs three nights a week, from 1 May.",
            "Fares from €12",
            "Bikes carried free",
            "Route      Nights",
            "Oslo–Kiel  Mon Wed Fri"
        ]
    );
    sleep(100).await; // Time for a handler that would run.
    let window = gloo::utils::window();
    for flag in ["pageScriptRan", "bodyScriptRan", "imageHandlerRan"] {
        let value = js_sys::Reflect::get(&window, &flag.into()).unwrap();
        assert!(value.is_undefined(), "{flag} must not be set");
    }
    let pane = document_pane(&app.root);
    assert!(pane
        .query_selector("script, style, img, b, nav, h1")
        .unwrap()
        .is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_empty_file_and_a_file_too_large_are_refused_and_the_document_kept() {
    let app = mount().await;
    let before = paragraph_texts(&app.root);
    open_file(&app.root, "blank.txt", "text/plain", b" \n\n\t ");
    wait_until("the refusal", || {
        notices(&app.root).contains("blank.txt holds no text.")
    })
    .await;
    assert_eq!(paragraph_texts(&app.root), before);

    // 51 MB of zero bytes, never read: the size alone refuses it.
    let zeros = js_sys::Array::of1(&js_sys::ArrayBuffer::new(51 * 1024 * 1024));
    pick(&app.root, "huge.txt", "text/plain", &zeros);
    wait_until("the refusal", || {
        notices(&app.root).contains("huge.txt is 51.0 MB")
    })
    .await;
    assert!(notices(&app.root).contains("Rapporteur opens files of up to 50 MB."));
    assert_eq!(paragraph_texts(&app.root), before);
    app.unmount();
}
