//! `app::broadcast`: the library's messages reach the app's other tabs and
//! never come back to the tab that sent them (which would read its own
//! write back from IndexedDB after every autosave).

use std::cell::RefCell;
use std::rc::Rc;

use rapporteur::app::broadcast::{self, Message, CHANNEL};
use wasm_bindgen_test::*;
use web_sys::BroadcastChannel;

use crate::support::{sleep, wait_until};

#[wasm_bindgen_test]
async fn a_tab_hears_the_others_and_not_itself() {
    let heard: Rc<RefCell<Vec<Message>>> = Rc::default();
    let listener = broadcast::listen({
        let heard = heard.clone();
        move |message| heard.borrow_mut().push(message)
    })
    .expect("Chromium has BroadcastChannel");

    // Another tab stands behind a channel object of its own.
    let other_tab = BroadcastChannel::new(CHANNEL).unwrap();
    let heard_there: Rc<RefCell<Vec<Message>>> = Rc::default();
    let _there = gloo::events::EventListener::new(&other_tab, "message", {
        let heard_there = heard_there.clone();
        move |event| {
            let event: &web_sys::MessageEvent = wasm_bindgen::JsCast::unchecked_ref(event);
            if let Ok(message) = serde_wasm_bindgen::from_value::<Message>(event.data()) {
                heard_there.borrow_mut().push(message);
            }
        }
    });

    let ours = Message::Release {
        id: "ours".into(),
        revision: 3,
        document: false,
    };
    broadcast::send(ours.clone());
    wait_until("the other tab hears this one", || {
        !heard_there.borrow().is_empty()
    })
    .await;
    assert!(heard_there.borrow().contains(&ours));

    let theirs = Message::Deleted {
        ids: vec!["theirs".into()],
    };
    other_tab
        .post_message(&serde_wasm_bindgen::to_value(&theirs).unwrap())
        .unwrap();
    wait_until("this tab hears the other", || !heard.borrow().is_empty()).await;
    // Time for a stray echo of our own message to arrive, had it been sent.
    sleep(100).await;
    assert_eq!(
        *heard.borrow(),
        vec![theirs],
        "this tab hears only what another tab sent"
    );
    drop(listener);
    other_tab.close();
}

#[wasm_bindgen_test]
async fn a_message_from_an_older_tab_without_the_document_flag_is_read_as_a_whole_write() {
    let heard: Rc<RefCell<Vec<Message>>> = Rc::default();
    let _listener = broadcast::listen({
        let heard = heard.clone();
        move |message| heard.borrow_mut().push(message)
    })
    .expect("Chromium has BroadcastChannel");
    let other_tab = BroadcastChannel::new(CHANNEL).unwrap();
    // What the app sent before the flag, as a plain object.
    let older = js_sys::JSON::parse(r#"{"kind":"release","id":"older","revision":2}"#).unwrap();
    other_tab.post_message(&older).unwrap();
    wait_until("this tab hears the older one", || {
        !heard.borrow().is_empty()
    })
    .await;
    assert_eq!(
        *heard.borrow(),
        vec![Message::Release {
            id: "older".into(),
            revision: 2,
            document: true,
        }]
    );
    other_tab.close();
}
