//! Where each paragraph of a windowed document sits, in CSS pixels from the
//! top of the list: the measured height of every paragraph that has been in
//! the page, an estimate from its length for the others, and prefix sums in
//! a Fenwick tree, so that the offset of a paragraph, the paragraph at an
//! offset and a height correction each cost O(log n) even for a million
//! paragraphs. Pure: the hook that measures the page (`hooks::use_window`)
//! feeds it numbers and reads numbers back.

use std::ops::Range;

/// What an estimate is made of, read from the page's style and refined by
/// the paragraphs measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Height of one line of text.
    pub line: f64,
    /// Space below a paragraph (its margin).
    pub gap: f64,
    /// Code points that fit on one line.
    pub chars_per_line: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            line: 27.0,
            gap: 13.0,
            chars_per_line: 80.0,
        }
    }
}

impl Metrics {
    /// The estimated height of a paragraph of `chars` code points.
    pub fn estimate(&self, chars: usize) -> f64 {
        let lines = (chars as f64 / self.chars_per_line.max(1.0))
            .ceil()
            .max(1.0);
        self.gap + self.line * lines
    }
}

/// The parts of a windowed list: blank space of `gap` pixels standing for
/// the paragraphs before `paragraphs`, then those paragraphs in the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub gap: f64,
    pub paragraphs: Range<usize>,
}

/// The list as it is drawn: blocks of mounted paragraphs and the blank
/// space after the last one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub tail: f64,
}

#[derive(Clone)]
pub struct Heights {
    chars: Vec<usize>,
    measured: Vec<bool>,
    heights: Vec<f64>,
    /// Fenwick tree over `heights`, 1-based.
    tree: Vec<f64>,
    metrics: Metrics,
    /// Lines-per-code-point samples from measured paragraphs of several
    /// lines: (code points, lines).
    samples: (f64, f64),
    /// Heights of measured paragraphs surely of one line: (sum, count).
    short: (f64, f64),
}

impl Heights {
    /// The heights of paragraphs of `chars` code points each, all estimated.
    pub fn new(chars: Vec<usize>, metrics: Metrics) -> Self {
        let heights: Vec<f64> = chars.iter().map(|&c| metrics.estimate(c)).collect();
        let measured = vec![false; chars.len()];
        let mut list = Heights {
            chars,
            measured,
            tree: Vec::new(),
            heights,
            metrics,
            samples: (0.0, 0.0),
            short: (0.0, 0.0),
        };
        list.rebuild();
        list
    }

    fn rebuild(&mut self) {
        let n = self.heights.len();
        let mut tree = vec![0.0; n + 1];
        for i in 1..=n {
            tree[i] += self.heights[i - 1];
            let parent = i + (i & i.wrapping_neg());
            if parent <= n {
                tree[parent] += tree[i];
            }
        }
        self.tree = tree;
    }

    pub fn len(&self) -> usize {
        self.heights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }

    pub fn metrics(&self) -> Metrics {
        self.metrics
    }

    pub fn height(&self, paragraph: usize) -> f64 {
        self.heights.get(paragraph).copied().unwrap_or(0.0)
    }

    pub fn is_measured(&self, paragraph: usize) -> bool {
        self.measured.get(paragraph).copied().unwrap_or(false)
    }

    /// The offset of the top of `paragraph` (the total height for `len()`).
    pub fn top(&self, paragraph: usize) -> f64 {
        let mut i = paragraph.min(self.len());
        let mut sum = 0.0;
        while i > 0 {
            sum += self.tree[i];
            i &= i - 1;
        }
        sum
    }

    pub fn total(&self) -> f64 {
        self.top(self.len())
    }

    /// The paragraph at offset `y`: the last one whose top is at or above
    /// it (the first for a negative offset, the last past the end).
    pub fn index_at(&self, y: f64) -> usize {
        let n = self.len();
        if n == 0 {
            return 0;
        }
        let mut position = 0;
        let mut remaining = y;
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = position + step;
            if next <= n && self.tree[next] <= remaining {
                position = next;
                remaining -= self.tree[next];
            }
            step >>= 1;
        }
        position.min(n - 1)
    }

    /// Records the measured height of `paragraph`; true when it moved what
    /// follows by half a pixel or more.
    pub fn measure(&mut self, paragraph: usize, height: f64) -> bool {
        if paragraph >= self.len() || !height.is_finite() || height < 0.0 {
            return false;
        }
        if !self.measured[paragraph] {
            self.measured[paragraph] = true;
            let lines = ((height - self.metrics.gap) / self.metrics.line).round();
            let chars = self.chars[paragraph] as f64;
            if lines >= 3.0 {
                // The last line is half full on average.
                self.samples.0 += chars;
                self.samples.1 += lines - 0.5;
            } else if lines <= 1.0 && chars <= self.metrics.chars_per_line {
                self.short.0 += height;
                self.short.1 += 1.0;
            }
        }
        let delta = height - self.heights[paragraph];
        if delta.abs() < 0.5 {
            return false;
        }
        self.heights[paragraph] = height;
        let mut i = paragraph + 1;
        while i <= self.len() {
            self.tree[i] += delta;
            i += i & i.wrapping_neg();
        }
        true
    }

    /// The code points per line the measured paragraphs suggest, once
    /// enough have been seen.
    pub fn learned_chars_per_line(&self) -> Option<f64> {
        (self.samples.1 >= 12.0).then(|| self.samples.0 / self.samples.1)
    }

    /// The metrics the measured paragraphs suggest: the line length from
    /// those of several lines, the space around a paragraph from the
    /// height of those of one line; `None` until enough have been seen or
    /// when they suggest what is in use.
    pub fn learned(&self) -> Option<Metrics> {
        let mut metrics = self.metrics;
        if let Some(chars_per_line) = self.learned_chars_per_line() {
            if (chars_per_line - metrics.chars_per_line).abs() > 0.1 * metrics.chars_per_line {
                metrics.chars_per_line = chars_per_line;
            }
        }
        if self.short.1 >= 5.0 {
            let gap = self.short.0 / self.short.1 - metrics.line;
            if (gap - metrics.gap).abs() > 0.5 {
                metrics.gap = gap.max(0.0);
            }
        }
        (metrics != self.metrics).then_some(metrics)
    }

    /// Estimates the paragraphs not yet measured again with `metrics` (the
    /// measured keep their heights unless `forget`, after the width
    /// changed). True when anything moved.
    pub fn set_metrics(&mut self, metrics: Metrics, forget: bool) -> bool {
        if metrics == self.metrics && !forget {
            return false;
        }
        self.metrics = metrics;
        if forget {
            self.measured.iter_mut().for_each(|m| *m = false);
            self.samples = (0.0, 0.0);
            self.short = (0.0, 0.0);
        }
        for (i, height) in self.heights.iter_mut().enumerate() {
            if !self.measured[i] {
                *height = metrics.estimate(self.chars[i]);
            }
        }
        self.rebuild();
        true
    }

    /// The paragraphs between offsets `from` and `to` (both included).
    pub fn span(&self, from: f64, to: f64) -> Range<usize> {
        if self.is_empty() {
            return 0..0;
        }
        self.index_at(from)..(self.index_at(to) + 1)
    }

    /// The list drawn with the paragraphs of `mounted` in the page (ranges
    /// in any order; overlapping or touching ones are merged).
    pub fn layout(&self, mounted: &[Range<usize>]) -> Layout {
        let n = self.len();
        let mut ranges: Vec<Range<usize>> = mounted
            .iter()
            .map(|r| r.start.min(n)..r.end.min(n))
            .filter(|r| !r.is_empty())
            .collect();
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        let mut previous_end = 0;
        let blocks = merged
            .into_iter()
            .map(|range| {
                let gap = self.top(range.start) - self.top(previous_end);
                previous_end = range.end;
                Block {
                    gap,
                    paragraphs: range,
                }
            })
            .collect();
        Layout {
            blocks,
            tail: self.total() - self.top(previous_end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> Metrics {
        Metrics {
            line: 20.0,
            gap: 10.0,
            chars_per_line: 50.0,
        }
    }

    #[test]
    fn estimates_grow_with_the_lines_a_paragraph_needs() {
        let m = metrics();
        assert_eq!(m.estimate(0), 30.0);
        assert_eq!(m.estimate(50), 30.0);
        assert_eq!(m.estimate(51), 50.0);
        assert_eq!(m.estimate(1_000), 410.0);
    }

    #[test]
    fn offsets_and_lookups_agree_over_a_hundred_thousand_paragraphs() {
        let chars: Vec<usize> = (0..100_000).map(|i| (i * 37) % 400).collect();
        let mut list = Heights::new(chars.clone(), metrics());
        let mut running = 0.0;
        for (i, &c) in chars.iter().enumerate().step_by(997) {
            running = list.top(i);
            assert_eq!(list.index_at(running), i);
            assert_eq!(list.index_at(running + list.height(i) - 0.5), i);
            let _ = c;
        }
        assert!(running > 0.0);
        let total: f64 = chars.iter().map(|&c| metrics().estimate(c)).sum();
        assert_eq!(list.total(), total);
        assert_eq!(list.index_at(-5.0), 0);
        assert_eq!(list.index_at(total + 100.0), 99_999);
        // A measurement moves everything after it, and only that.
        let before = (list.top(500), list.top(501), list.total());
        assert!(list.measure(500, list.height(500) + 40.0));
        assert_eq!(list.top(500), before.0);
        assert_eq!(list.top(501), before.1 + 40.0);
        assert_eq!(list.total(), before.2 + 40.0);
        assert!(list.is_measured(500));
        // The same height again is no change.
        assert!(!list.measure(500, list.height(500) + 0.2));
    }

    #[test]
    fn new_metrics_re_estimate_only_what_was_not_measured() {
        let mut list = Heights::new(vec![100; 10], metrics());
        list.measure(3, 77.0);
        let wider = Metrics {
            chars_per_line: 100.0,
            ..metrics()
        };
        assert!(list.set_metrics(wider, false));
        assert_eq!(list.height(3), 77.0);
        assert_eq!(list.height(4), 30.0);
        assert_eq!(list.total(), 77.0 + 9.0 * 30.0);
        // After a change of width every paragraph is estimated again.
        assert!(list.set_metrics(wider, true));
        assert_eq!(list.height(3), 30.0);
        assert!(!list.is_measured(3));
    }

    #[test]
    fn measured_paragraphs_teach_the_line_length() {
        let mut list = Heights::new(vec![400; 20], metrics());
        assert_eq!(list.learned_chars_per_line(), None);
        // 400 code points over 5 lines: 10 + 5 × 20 px.
        for i in 0..4 {
            list.measure(i, 110.0);
        }
        let learned = list.learned_chars_per_line().unwrap();
        assert!((learned - 400.0 / 4.5).abs() < 1e-9, "{learned}");
        assert_eq!(list.learned().unwrap().chars_per_line, learned);
    }

    #[test]
    fn measured_short_paragraphs_teach_the_space_around_one() {
        let mut list = Heights::new(vec![5; 20], metrics());
        assert_eq!(list.learned(), None);
        for i in 0..5 {
            list.measure(i, 26.0);
        }
        let learned = list.learned().unwrap();
        assert_eq!(learned.gap, 6.0);
        assert!(list.set_metrics(learned, false));
        assert_eq!(list.height(10), 26.0);
        assert_eq!(list.learned(), None);
    }

    #[test]
    fn layout_merges_mounted_ranges_and_fills_the_rest_with_gaps() {
        let list = Heights::new(vec![10; 100], metrics());
        let layout = list.layout(&[40..60, 3..4, 55..70]);
        assert_eq!(
            layout.blocks,
            vec![
                Block {
                    gap: 90.0,
                    paragraphs: 3..4
                },
                Block {
                    gap: 36.0 * 30.0,
                    paragraphs: 40..70
                },
            ]
        );
        assert_eq!(layout.tail, 30.0 * 30.0);
        let whole = list.layout(&[0..60, 60..100]);
        assert_eq!(whole.blocks[0].gap, 0.0);
        assert_eq!(whole.tail, 0.0);
        assert_eq!(list.span(95.0, 200.0), 3..7);
        assert_eq!(Heights::new(Vec::new(), metrics()).span(0.0, 10.0), 0..0);
    }
}
