//! Timestamps and ids for new annotations and tags: the browser's clock and
//! randomness, kept out of the reducer.

/// Now, as ISO-8601 UTC with milliseconds (`2025-04-02T15:00:00.000Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh id such as `a-lq3k9z-4f2c`: time and randomness in base 36, so
/// ids made in two tabs or imported from elsewhere do not collide.
pub fn new_id(prefix: &str) -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    format!("{prefix}-{}-{}", base36(time), base36(random))
}

fn base36(mut value: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
