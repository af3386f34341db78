//! A release's text in the `texts` store: `{ id, text }`, the text as its
//! UTF-8 bytes, in one of two shapes.
//!
//! - Up to [`BLOB_ABOVE`] bytes, a `Uint8Array`. The browser copies bytes
//!   into storage for a fraction of what cloning a string costs (a 50 MB
//!   text is a 100 MB UTF-16 string, first decoded from the wasm's UTF-8).
//! - Above it, a `Blob` of those bytes. Storing a `Uint8Array` copies it
//!   on the page's thread three times (out of the wasm, into the
//!   structured clone, and into the `Blob` the browser wraps a large value
//!   in); a `Blob` made from a view of the wasm's memory is one copy, and
//!   storing it copies nothing more there. On a 50 MB text that is the
//!   difference between a page held for about a second and a fraction of it.
//!
//! Records of either shape are read back the same way, whatever size they
//! hold (records written before blobs were used are all bytes).

use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// Texts longer than this many bytes are stored as a `Blob`.
pub const BLOB_ABOVE: usize = 1 << 20;

/// The record for `text` of release `id`, ready for `put`.
pub fn to_record(id: &str, text: &str) -> Result<JsValue, String> {
    if text.len() <= BLOB_ABOVE {
        return super::to_js(&SmallText { id, text });
    }
    let record = js_sys::Object::new();
    // SAFETY: the view is read only by the `Blob` constructor, which copies
    // it before returning; nothing in between allocates in the wasm's
    // memory (which could move or grow it under the view).
    let view = unsafe { js_sys::Uint8Array::view(text.as_bytes()) };
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&view))
        .map_err(|e| format!("the text could not be prepared for storage ({e:?})"))?;
    for (name, value) in [("id", JsValue::from_str(id)), ("text", blob.into())] {
        js_sys::Reflect::set(&record, &name.into(), &value)
            .map_err(|e| format!("the text could not be prepared for storage ({e:?})"))?;
    }
    Ok(record.into())
}

/// Release id and text of a stored record, of either shape.
pub async fn from_record(record: JsValue) -> Result<(String, String), String> {
    const DAMAGED: &str = "a stored text could not be read";
    let text = js_sys::Reflect::get(&record, &"text".into()).map_err(|_| DAMAGED)?;
    let Some(blob) = text.dyn_ref::<web_sys::Blob>() else {
        let stored: StoredText = super::from_js(record)?;
        return Ok((stored.id, stored.text));
    };
    let id = js_sys::Reflect::get(&record, &"id".into())
        .ok()
        .and_then(|id| id.as_string())
        .ok_or(DAMAGED)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| format!("{DAMAGED} ({e:?})"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = String::from_utf8(bytes).map_err(|_| "a stored text is not UTF-8")?;
    Ok((id, text))
}

/// A text written as bytes, borrowed: a copy of it would cost the page
/// what the bytes save.
#[derive(Serialize)]
struct SmallText<'a> {
    id: &'a str,
    #[serde(serialize_with = "utf8::serialize")]
    text: &'a str,
}

/// A text read as bytes.
#[derive(Deserialize)]
struct StoredText {
    id: String,
    #[serde(deserialize_with = "utf8::deserialize")]
    text: String,
}

/// A text as UTF-8 bytes, and back.
mod utf8 {
    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(text.as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_byte_buf(Text)
    }

    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = String;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a text as UTF-8 bytes")
        }

        fn visit_byte_buf<E: Error>(self, bytes: Vec<u8>) -> Result<String, E> {
            String::from_utf8(bytes).map_err(|_| E::custom("a stored text is not UTF-8"))
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<String, E> {
            self.visit_byte_buf(bytes.to_vec())
        }
    }
}
