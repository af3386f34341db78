//! Render counts, in debug builds only: each component reports its renders
//! here, so that tests can prove a component re-renders only when what it
//! shows changes (tests/browser.rs mounts the app and reads them; an
//! end-to-end test on the debug build reads `window.__rapporteurRenders`).
//! In release builds [`rendered`] is empty and compiles to nothing.
//!
//! The counts live in that window object, one property per name, so that
//! Rust and a test page see and reset the same numbers.

#[cfg(debug_assertions)]
const KEY: &str = "__rapporteurRenders";

/// Counts one render of `name`.
#[inline]
pub fn rendered(name: &str) {
    #[cfg(debug_assertions)]
    bump(name);
    #[cfg(not(debug_assertions))]
    let _ = name;
}

/// Counts one render of paragraph `index`, under "Paragraph" and under
/// "Paragraph <index>".
#[inline]
pub fn rendered_paragraph(index: usize) {
    #[cfg(debug_assertions)]
    {
        bump("Paragraph");
        bump(&format!("Paragraph {index}"));
    }
    #[cfg(not(debug_assertions))]
    let _ = index;
}

#[cfg(debug_assertions)]
fn counts_object() -> Option<js_sys::Object> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let current = js_sys::Reflect::get(&window, &KEY.into()).ok()?;
    if let Some(object) = current.dyn_ref::<js_sys::Object>() {
        return Some(object.clone());
    }
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&window, &KEY.into(), &object).ok()?;
    Some(object)
}

#[cfg(debug_assertions)]
fn bump(name: &str) {
    let Some(object) = counts_object() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str(name);
    let count = js_sys::Reflect::get(&object, &key)
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&object, &key, &(count + 1.0).into());
}

/// Renders of `name` since the last [`reset`].
#[cfg(debug_assertions)]
pub fn count(name: &str) -> u32 {
    counts_object()
        .and_then(|object| js_sys::Reflect::get(&object, &name.into()).ok())
        .and_then(|v| v.as_f64())
        .map_or(0, |n| n as u32)
}

/// Names counted since the last [`reset`], in no particular order.
#[cfg(debug_assertions)]
pub fn names() -> Vec<String> {
    counts_object()
        .map(|object| {
            js_sys::Object::keys(&object)
                .iter()
                .filter_map(|key| key.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Starts counting from zero.
#[cfg(debug_assertions)]
pub fn reset() {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &KEY.into(), &js_sys::Object::new());
    }
}
