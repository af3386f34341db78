//! Parses one file a given number of times and prints nothing: a driver
//! for instruction counts under `valgrind --tool=callgrind`. The counts of
//! two parses less those of one give the cost of a parse in the steady
//! state, without start-up, reading the file or the one-time building of
//! the built-in name lists (see BENCHMARKS.md).
//!
//! `cargo run --release --example parse_repeat -- FILE TIMES`

use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(times)) = (args.first(), args.get(1)) else {
        eprintln!("usage: parse_repeat FILE TIMES");
        return ExitCode::from(2);
    };
    let Ok(times) = times.parse::<usize>() else {
        eprintln!("parse_repeat: TIMES must be a whole number, not {times:?}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("parse_repeat: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    for _ in 0..times {
        black_box(rapporteur::parse(black_box(&text)));
    }
    ExitCode::SUCCESS
}
