//! Telling the app's other tabs what this one wrote to the library, through
//! a `BroadcastChannel`; messages cross as structured values
//! (`serde-wasm-bindgen`). A tab that hears one reads the record back from
//! IndexedDB (`hooks::use_library`).

use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "rapporteur-library";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Message {
    Release { id: String, revision: u64 },
    Deleted { ids: Vec<String> },
    Codebook { revision: u64 },
}

thread_local! {
    static SENDER: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the other tabs; a browser without the channel hears nothing.
pub fn send(message: Message) {
    SENDER.with(|channel| {
        if let (Some(channel), Ok(value)) = (channel, serde_wasm_bindgen::to_value(&message)) {
            let _ = channel.post_message(&value);
        }
    });
}

/// Calls `on_message` for each message from another tab, while the
/// returned listener lives.
pub fn listen(on_message: impl Fn(Message) + 'static) -> Option<(BroadcastChannel, EventListener)> {
    let channel = BroadcastChannel::new(CHANNEL).ok()?;
    let listener = EventListener::new(&channel, "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        if let Ok(message) = serde_wasm_bindgen::from_value::<Message>(event.data()) {
            on_message(message);
        }
    });
    Some((channel, listener))
}
