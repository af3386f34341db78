//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast but large, and each call site
//! with its own element type or key closure gets its own copy: in the wasm
//! bundle, eighteen call sites came to about 48 KB of sort code (see
//! BENCHMARKS.md, "What takes the space"). Here a short slice is sorted in
//! place by insertion (small code, no allocation: what the parser's many
//! per-paragraph sorts need), and a longer one by merging an index
//! permutation with one non-generic merge sort, then permuting in place.
//! Both are stable, so results are exactly those of `slice::sort_by`.

use std::cmp::Ordering;

/// Up to this length, insertion sort.
const SHORT: usize = 16;

/// Sorts `v` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in ascending order, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    merge_sort(&mut order, &mut |a, b| {
        compare(&v[a], &v[b]) == Ordering::Greater
    });
    permute(v, &mut order);
}

/// Stable bottom-up merge sort of indices; `after(a, b)`: `a` goes after `b`.
/// Not generic, so the bundle holds it once.
fn merge_sort(order: &mut Vec<usize>, after: &mut dyn FnMut(usize, usize) -> bool) {
    let n = order.len();
    let mut from = std::mem::take(order);
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut a, mut b) = (start, mid);
            for slot in &mut to[start..end] {
                // Equal keys take the left run first: stable.
                let take_left = b == end || (a < mid && !after(from[a], from[b]));
                if take_left {
                    *slot = from[a];
                    a += 1;
                } else {
                    *slot = from[b];
                    b += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *order = from;
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, following
/// each cycle of the permutation once. `order` is used up.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut i = start;
        while order[i] != i {
            let j = order[i];
            order[i] = i;
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so that no test depends on chance.
    fn numbers(n: usize, seed: u64, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 1000, 4099] {
            for modulo in [1, 3, 50, u64::MAX] {
                // Pairs of (key, position): stability shows in the positions.
                let items: Vec<(u64, usize)> =
                    numbers(n, (n as u64).wrapping_add(modulo) | 1, modulo)
                        .into_iter()
                        .enumerate()
                        .map(|(k, x)| (x, k))
                        .collect();
                let mut expected = items.clone();
                expected.sort_by_key(|p| p.0);
                let mut got = items.clone();
                sort_by_key(&mut got, |p| p.0);
                assert_eq!(got, expected, "n={n} modulo={modulo}");
                let mut descending = items.clone();
                sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
                expected.sort_by_key(|p| std::cmp::Reverse(p.0));
                assert_eq!(descending, expected);
                let mut whole = items;
                sort(&mut whole);
                expected.sort();
                assert_eq!(whole, expected);
            }
        }
    }

    #[test]
    fn moves_owned_values() {
        let mut words: Vec<String> =
            "the quick brown fox jumps over the lazy dog again and again today"
                .split(' ')
                .map(str::to_owned)
                .chain((0..20).map(|k| format!("w{}", 19 - k)))
                .collect();
        let mut expected = words.clone();
        expected.sort();
        sort(&mut words);
        assert_eq!(words, expected);
    }
}
