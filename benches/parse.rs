//! Parser benchmark: parses (with fact extraction) our sample release and
//! texts of 1 MB and 10 MB built by repeating and varying our fixtures, and
//! prints the time per parse, throughput, and time per MB to show that cost
//! grows linearly. Run with `make bench-native` (release mode).

use std::hint::black_box;
use std::time::{Duration, Instant};

use rapporteur::{parse, sample};

const PRESS_RELEASE: &str = include_str!("../tests/fixtures/press_release.txt");

/// About `target` bytes of release text: the sample, then alternating
/// fixtures with their figures varied so that no two copies are the same.
fn corpus(target: usize) -> String {
    let mut text = String::with_capacity(target + 64 * 1024);
    let mut round = 0u32;
    while text.len() < target {
        let source = if round.is_multiple_of(2) {
            sample::UN_MEETING
        } else {
            PRESS_RELEASE
        };
        // Vary digits so that copies differ, keeping the shape.
        text.extend(source.chars().map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + round) % 10, 10).unwrap_or(c),
            None => c,
        }));
        text.push('\n');
        round += 1;
    }
    text
}

fn measure(name: &str, text: &str) {
    // Warm up, then take the best of enough runs for a stable figure.
    black_box(parse(text));
    let runs = (20_000_000 / text.len().max(1)).clamp(3, 200);
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    for _ in 0..runs {
        let start = Instant::now();
        let document = black_box(parse(black_box(text)));
        let took = start.elapsed();
        black_box(document.facts.len());
        best = best.min(took);
        total += took;
    }
    let mb = text.len() as f64 / 1_000_000.0;
    let mean = total / runs as u32;
    println!(
        "{name:<10} {:>10} bytes  best {:>9.3} ms  mean {:>9.3} ms  {:>8.1} MB/s  {:>7.3} ms/MB  ({runs} runs)",
        text.len(),
        best.as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
        mb / best.as_secs_f64(),
        best.as_secs_f64() * 1e3 / mb,
    );
}

fn main() {
    println!("parse + facts, release build, best and mean of repeated runs");
    measure("sample", sample::UN_MEETING);
    measure("1 MB", &corpus(1_000_000));
    measure("10 MB", &corpus(10_000_000));
}
