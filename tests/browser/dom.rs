//! `app::dom`: a real DOM selection over text with emoji, flags, skin tones,
//! mathematical letters and combining marks, read back as the code points
//! the core counts, however the browser cut the text into segments.

use rapporteur::app::dom::selection_in;
use wasm_bindgen_test::*;

use crate::support::*;

/// Each character here is more than one UTF-16 unit, or more than one code
/// point, or both; some of them start or end the passages selected below.
const TEXT: &str = "Rome, 4 June 2025\n\n\
    Delegates of 🇺🇳 agencies met 👩🏽‍⚕️ nurses in Zürich and thanked them.\n\n\
    The fund grew 🎉 by 𝟓 per cent, said Ms. Ngu\u{303}gi\u{303}, and 😀 was the word.";

fn span_of(passage: &str) -> (usize, usize) {
    let start = offset_of(TEXT, passage);
    (start, start + passage.chars().count())
}

#[wasm_bindgen_test]
async fn a_selection_over_emoji_is_read_back_in_code_points_and_tagged() {
    let app = mount().await;
    load_text(&app.root, TEXT).await;
    let pane = document_pane(&app.root);
    for passage in [
        "🇺🇳 agencies met 👩🏽‍⚕️",
        "👩🏽‍⚕️ nurses in Zürich",
        "🎉 by 𝟓",
        "Ngu\u{303}gi\u{303}, and 😀",
        "😀 was the word.",
    ] {
        let (start, end) = span_of(passage);
        select_code_points(&pane, start, end);
        let selected = String::from(
            gloo::utils::window()
                .get_selection()
                .unwrap()
                .unwrap()
                .to_string(),
        );
        assert_eq!(selected, passage, "the DOM selection is the passage");
        assert_eq!(selection_in(&pane), Some((start, end)), "{passage}");
    }
    // Across two paragraphs: from the flag to the party popper.
    let (start, _) = span_of("🇺🇳 agencies");
    let (_, end) = span_of("grew 🎉");
    select_code_points(&pane, start, end);
    assert_eq!(selection_in(&pane), Some((start, end)));

    // What a reader does: the selection is the target, a tag annotates it,
    // and the annotation covers exactly those code points.
    let passage = "🇺🇳 agencies met 👩🏽‍⚕️ nurses";
    let (start, end) = span_of(passage);
    select_code_points(&pane, start, end);
    fire(&pane, "mouseup");
    wait_until("the selection to become the target", || {
        text_of(&app.root, ".tag-palette .target").contains("agencies met")
    })
    .await;
    tag_button(&app.root, "Claim").click();
    wait_until("the annotation to be drawn", || {
        !all(&pane, "[data-annotations]").is_empty()
    })
    .await;
    let drawn: String = all(&pane, "[data-annotations]")
        .iter()
        .map(|s| s.text_content().unwrap_or_default())
        .collect();
    assert_eq!(drawn, passage);
    let first: usize = all(&pane, "[data-annotations]")[0]
        .get_attribute("data-start")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(first, start);
    app.unmount();
}

#[wasm_bindgen_test]
async fn boundaries_inside_a_surrogate_pair_take_the_whole_character() {
    let app = mount().await;
    load_text(&app.root, TEXT).await;
    let pane = document_pane(&app.root);
    // Start between the halves of 🎉, end between the halves of 𝟓: one
    // UTF-16 unit past where each character starts.
    let (party, _) = span_of("🎉");
    let (_, digit_end) = span_of("𝟓");
    let (start_node, start_offset) = dom_position(&pane, party);
    let (end_node, end_offset) = dom_position(&pane, digit_end - 1);
    select_dom((&start_node, start_offset + 1), (&end_node, end_offset + 1));
    assert_eq!(selection_in(&pane), Some((party, digit_end)));
    // Both ends inside the two halves of the flag's letters.
    let (flag, _) = span_of("🇺🇳");
    let (node, offset) = dom_position(&pane, flag);
    select_dom((&node, offset + 1), (&node, offset + 3));
    assert_eq!(selection_in(&pane), Some((flag, flag + 2)));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_selection_that_leaves_the_pane_is_cut_at_its_edge() {
    let app = mount().await;
    load_text(&app.root, TEXT).await;
    let pane = document_pane(&app.root);
    let total = TEXT.chars().count();
    let (start, end) = span_of("nurses in Zürich");
    // From the page header (before the pane) into the text.
    let header = query(&app.root, ".site-header .tagline").unwrap();
    let header_text = header.first_child().unwrap();
    let (node, offset) = dom_position(&pane, end);
    select_dom((&header_text, 3), (&node, offset));
    assert_eq!(selection_in(&pane), Some((0, end)));
    // From the text into the Tags panel (after the pane).
    let tags = query(&app.root, ".tag-palette h2").unwrap();
    let (node, offset) = dom_position(&pane, start);
    select_dom((&node, offset), (&tags.first_child().unwrap(), 2));
    assert_eq!(selection_in(&pane), Some((start, total)));
    // Wholly outside the pane, or empty: no selection in the document.
    select_dom((&header_text, 1), (&header_text, 6));
    assert_eq!(selection_in(&pane), None);
    select_dom((&node, offset), (&node, offset));
    assert_eq!(selection_in(&pane), None);
    app.unmount();
}
