use yew::prelude::*;

/// How many of `total` items to mount now: `chunk` more at every animation
/// frame until all are, so that showing a long document never blocks the
/// page for long; at once at least `at_least` (a jump mounts up to its
/// target). Starts again from `chunk` when `key` changes.
#[hook]
pub fn use_progressive_mount<K>(key: K, total: usize, at_least: usize, chunk: usize) -> usize
where
    K: PartialEq + Clone + 'static,
{
    let mounted = use_state(|| (key.clone(), chunk));
    let count = if mounted.0 == key { mounted.1 } else { chunk };
    let count = count.max(at_least).min(total);
    {
        let mounted = mounted.clone();
        let remaining = count < total;
        use_effect_with((key, count, remaining), move |(key, count, remaining)| {
            let (key, count) = (key.clone(), *count);
            let frame = remaining.then(|| {
                gloo::render::request_animation_frame(move |_| mounted.set((key, count + chunk)))
            });
            move || drop(frame)
        });
    }
    count
}
