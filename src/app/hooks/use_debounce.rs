use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Runs `callback` once `delay_ms` after `value` last changed; a change in
/// between restarts the wait. Used to parse after a pause in typing.
#[hook]
pub fn use_debounce<T: PartialEq + Clone + 'static>(
    value: T,
    delay_ms: u32,
    callback: Callback<()>,
) {
    use_effect_with(value, move |_| {
        let timeout = Timeout::new(delay_ms, move || callback.emit(()));
        move || drop(timeout)
    });
}
