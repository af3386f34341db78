//! Telling the app's other tabs what this one wrote to the library, through
//! a `BroadcastChannel`; messages cross as structured values
//! (`serde-wasm-bindgen`). A tab that hears one reads what was written back
//! from IndexedDB (`hooks::use_library`): the annotations record alone when
//! only the annotations changed.

use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// The channel's name, the same in every tab of the app.
pub const CHANNEL: &str = "rapporteur-library";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Message {
    Release {
        id: String,
        revision: u64,
        /// The write changed the release's text or document record too, not
        /// only its annotations. Absent from an older tab's message: then
        /// read as yes, and the whole release is read back.
        #[serde(default = "yes")]
        document: bool,
    },
    Deleted {
        ids: Vec<String>,
    },
    Codebook {
        revision: u64,
    },
}

fn yes() -> bool {
    true
}

// One channel object for sending and for listening: a `BroadcastChannel`
// delivers to every other object of the same name, this tab's own included,
// so a second object here would hear each of this tab's writes and read the
// whole release back from IndexedDB after every autosave.
thread_local! {
    static CHANNEL_HERE: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the other tabs; a browser without the channel hears nothing.
pub fn send(message: Message) {
    CHANNEL_HERE.with(|channel| {
        if let (Some(channel), Ok(value)) = (channel, serde_wasm_bindgen::to_value(&message)) {
            let _ = channel.post_message(&value);
        }
    });
}

/// Calls `on_message` for each message from another tab (never for this
/// tab's own), while the returned listener lives.
pub fn listen(on_message: impl Fn(Message) + 'static) -> Option<EventListener> {
    let channel = CHANNEL_HERE.with(Clone::clone)?;
    let listener = EventListener::new(&channel, "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        if let Ok(message) = serde_wasm_bindgen::from_value::<Message>(event.data()) {
            on_message(message);
        }
    });
    Some(listener)
}
