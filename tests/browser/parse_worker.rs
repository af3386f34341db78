//! `app::parse_worker`: a long text parsed in the Web Worker comes back as
//! the very document a direct parse gives, part by part; a later job
//! supersedes an earlier one; and a long paste is shown through it.
//!
//! The worker runs the real `assets/parse-worker.js`, with its two imports
//! pointed at the module the test runner serves instead of Trunk's.

use std::cell::RefCell;
use std::rc::Rc;

use rapporteur::app::context::Dispatch;
use rapporteur::app::parse_worker;
use rapporteur::app::state::{Action, WorkspaceAction};
use rapporteur::Document;
use wasm_bindgen_test::*;
use yew::Callback;

use crate::support::*;

const SCRIPT: &str = include_str!("../../assets/parse-worker.js");

/// Starts the worker from `assets/parse-worker.js`, its imports of the app's
/// module and wasm (`./rapporteur.js`, `./rapporteur_bg.wasm`) replaced by
/// the test runner's (`/wasm-bindgen-test.js` and its wasm).
fn use_worker_from_the_real_script() {
    let origin = gloo::utils::window().location().origin().unwrap();
    let mut script = SCRIPT.to_owned();
    for (ours, theirs) in [
        (
            "'./rapporteur.js'",
            format!("'{origin}/wasm-bindgen-test.js'"),
        ),
        (
            "'./rapporteur_bg.wasm'",
            format!("'{origin}/wasm-bindgen-test_bg.wasm'"),
        ),
    ] {
        assert!(
            script.contains(ours),
            "parse-worker.js no longer imports {ours}"
        );
        script = script.replace(ours, &theirs);
    }
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&script.into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    parse_worker::use_script(&url);
}

/// A long UN release of our own: many turns, facts of every kind, emoji and
/// combining marks, so that the parts cut at character boundaries matter.
fn long_release(turns: usize) -> String {
    let mut text = String::from(
        "10012th Meeting (PM)\nSC/16021\n7 November 2025\n\n\
         Mine Clearance Must Keep Pace with Returns, Speakers Tell Security Council\n\n\
         The meeting began at 3:05 p.m. and ended at 6:12 p.m.\n\n",
    );
    let countries = ["Ghana", "Peru", "Denmark", "Viet Nam", "Ecuador", "Malta"];
    for i in 0..turns {
        let country = countries[i % countries.len()];
        text.push_str(&format!(
            "SPEAKER NUMBER{i} ({country}) said that {} families returned in week {i}, \
             that $1.{} million was pledged on {} March 2025 at 10:{:02} a.m., and that \
             “clearance is 40 per cent done 🧭 in Kharkiv oblast,” recalling resolution 2{:03} (2019). \
             José\u{301} agreed 👩🏽‍🌾.\n\n",
            120 + i,
            i % 10,
            1 + i % 28,
            i % 60,
            i % 1000,
        ));
    }
    text.push_str("For information media. Not an official record.\n");
    text
}

/// What the worker's jobs reported: job id and document (or why not).
type Reports = Rc<RefCell<Vec<(u64, Result<Rc<Document>, String>)>>>;

/// Runs one job in the worker and collects what it dispatches.
fn collect(id: u64, text: &str, seen: &Reports) {
    let seen = seen.clone();
    let dispatch = Callback::from(move |action: Action| {
        if let Action::Workspace(WorkspaceAction::Parsed { id, result, .. }) = action {
            seen.borrow_mut().push((id, result));
        }
    });
    parse_worker::run(id, Rc::from(text), Dispatch::new(dispatch));
}

#[wasm_bindgen_test]
async fn the_worker_hands_back_the_document_a_direct_parse_gives() {
    use_worker_from_the_real_script();
    // About 1 MB, more than one part (10,000 items) of paragraphs and facts.
    let text = long_release(4_000);
    assert!(text.len() > 1_000_000, "{} bytes", text.len());
    let seen = Reports::default();
    collect(7, &text, &seen);
    wait_until("the worker's document", || !seen.borrow().is_empty()).await;
    let (id, result) = seen.borrow_mut().remove(0);
    assert_eq!(id, 7);
    let from_worker = result.expect("the worker parsed the text");
    let direct = rapporteur::parse(&text);
    let items = direct.paragraphs.len() + direct.facts.len();
    assert!(
        items > 20_000,
        "more than one part: {items} paragraphs and facts"
    );
    assert_eq!(from_worker.speakers.len(), direct.speakers.len());
    assert_eq!(from_worker.facts.len(), direct.facts.len());
    assert!(
        *from_worker == direct,
        "the worker's document differs from a direct parse"
    );
}

#[wasm_bindgen_test]
async fn a_later_job_supersedes_an_earlier_one() {
    use_worker_from_the_real_script();
    let first = long_release(400);
    let second = long_release(20);
    let seen = Reports::default();
    collect(1, &first, &seen);
    collect(2, &second, &seen);
    wait_until("the second job", || {
        seen.borrow().iter().any(|(id, _)| *id == 2)
    })
    .await;
    sleep(300).await; // Time for the first job's answer, which must be dropped.
    let seen = seen.borrow();
    let ids: Vec<u64> = seen.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, vec![2], "only the latest job reports");
    let document = seen[0].1.as_ref().expect("parsed");
    assert_eq!(**document, rapporteur::parse(&second));
}

#[wasm_bindgen_test]
async fn a_long_text_is_parsed_in_the_worker_and_shown() {
    use_worker_from_the_real_script();
    let app = mount().await;
    // Past the 2 MB the page parses itself, in fewer paragraphs than one
    // part of the view (2,000), so that every one is on the page.
    let mut text = long_release(0);
    let filler =
        "The humanitarian convoy reached the valley after the bridge was repaired. ".repeat(40);
    let body: String = (0..900)
        .map(|i| format!("Paragraph {i}. {filler}\n\n"))
        .collect();
    text = text.replace(
        "For information media.",
        &format!("{body}For information media."),
    );
    assert!(text.len() > 2 * 1024 * 1024);
    load_text(&app.root, &text).await;
    let direct = rapporteur::parse(&text);
    let shown = paragraph_texts(&app.root);
    assert_eq!(shown.len(), direct.paragraphs.len());
    for (index, shown) in shown.iter().enumerate() {
        assert_eq!(shown, direct.paragraph_text(index), "paragraph {index}");
    }
    app.unmount();
}
