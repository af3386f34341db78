//! Parser benchmark: parses (with fact extraction) our sample release and
//! texts of 100 KB, 1 MB and 10 MB built from many varied releases of our
//! fixtures (`rapporteur::bench_corpus`, the same bytes the browser
//! benchmarks use), and prints the median time per parse, throughput, and time per
//! MB to show that cost grows linearly. Also times `Document::text_sha256`
//! on its own: it is computed lazily (on export, autosave, serialisation),
//! never during a parse, so it is not in the parse figures.
//!
//! The parse is timed on one thread, as the app runs it, and on the 1 MB
//! and 10 MB texts also on two (`parse::Threads::Two`), as the CLI runs it.
//!
//! `make bench-native` runs it under the `release` profile (opt-level 3,
//! LTO: how the CLI is built), then under `wasm-release` (opt-level "z",
//! the one the wasm build uses). The last line is the figures as JSON, for
//! `tests/e2e/bench/all.mjs`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rapporteur::bench_corpus::{build, SEED};
use rapporteur::parse::{parse_on, Threads};
use rapporteur::{parse, sample};

struct Figures {
    name: &'static str,
    bytes: usize,
    runs: usize,
    median: Duration,
    best: Duration,
}

impl Figures {
    fn mb(&self) -> f64 {
        self.bytes as f64 / 1_000_000.0
    }

    fn print(&self, what: &str) {
        let median = self.median.as_secs_f64();
        println!(
            "{what:<6} {:<8} {:>10} bytes  median {:>9.3} ms  best {:>9.3} ms  {:>7.1} MB/s  {:>7.3} ms/MB  ({} runs)",
            self.name,
            self.bytes,
            median * 1e3,
            self.best.as_secs_f64() * 1e3,
            self.mb() / median,
            median * 1e3 / self.mb(),
            self.runs,
        );
    }

    fn json(&self) -> String {
        format!(
            r#"{{"name":"{}","bytes":{},"runs":{},"median_ms":{:.4},"best_ms":{:.4}}}"#,
            self.name,
            self.bytes,
            self.runs,
            self.median.as_secs_f64() * 1e3,
            self.best.as_secs_f64() * 1e3
        )
    }
}

/// Times `f` on `text`: one warm-up, then enough runs for a stable median
/// (this machine is shared, so the median, not the mean, is the figure).
fn measure<R>(name: &'static str, text: &str, f: impl Fn(&str) -> R) -> Figures {
    black_box(f(text));
    let runs = (30_000_000 / text.len().max(1)).clamp(5, 301);
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f(black_box(text)));
            start.elapsed()
        })
        .collect();
    times.sort();
    Figures {
        name,
        bytes: text.len(),
        runs,
        median: times[runs / 2],
        best: times[0],
    }
}

fn main() {
    println!(
        "parse + facts (rapporteur::parse; parse2: on two threads, as the CLI), then text_sha256 alone; median of repeated runs"
    );
    let texts = [
        ("sample", sample::UN_MEETING.to_owned()),
        ("100 KB", build(100_000, SEED)),
        ("1 MB", build(1_000_000, SEED)),
        ("10 MB", build(10_000_000, SEED)),
    ];
    let mut parses = Vec::new();
    for (name, text) in &texts {
        let figures = measure(name, text, |t| parse(t).facts.len());
        figures.print("parse");
        parses.push(figures.json());
    }
    let mut two_threads = Vec::new();
    for (name, text) in texts.iter().skip(2) {
        let figures = measure(name, text, |t| parse_on(t, Threads::Two).facts.len());
        figures.print("parse2");
        two_threads.push(figures.json());
    }
    let mut hashes = Vec::new();
    for (name, text) in texts.iter().skip(2) {
        let document = parse(text);
        let figures = measure(name, text, |_| {
            // A fresh copy each time: the digest is cached once computed.
            let copy = document.clone();
            let digest = copy.text_sha256().len();
            (digest, copy)
        });
        let clone = measure(name, text, |_| document.clone());
        let hashing = Figures {
            median: figures.median.saturating_sub(clone.median),
            best: figures.best.saturating_sub(clone.best),
            ..figures
        };
        hashing.print("sha256");
        hashes.push(hashing.json());
    }
    println!(
        r#"JSON {{"parse":[{}],"parse_two_threads":[{}],"sha256":[{}]}}"#,
        parses.join(","),
        two_threads.join(","),
        hashes.join(",")
    );
}
