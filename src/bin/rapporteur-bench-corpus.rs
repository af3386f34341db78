//! `rapporteur-bench-corpus DIR`: writes the benchmark texts
//! (`rapporteur::bench_corpus`, seed [`SEED`]) into DIR as
//! `varied-100kb.txt`, `varied-1mb.txt`, `varied-10mb.txt` and
//! `varied-50mb.txt`, for the browser benchmarks
//! (`tests/e2e/bench/corpus.mjs`), which time the wasm parser and
//! `compromise` on the very bytes `benches/parse.rs` times the native parser
//! on, and open the 50 MB text as a file.

use std::path::Path;
use std::process::ExitCode;

use rapporteur::bench_corpus::{build, SEED};

/// File name and size of each text; `benches/parse.rs` uses the first three
/// sizes, the annotator benchmark the last (a 50 MB file on screen).
const TEXTS: [(&str, usize); 4] = [
    ("varied-100kb.txt", 100_000),
    ("varied-1mb.txt", 1_000_000),
    ("varied-10mb.txt", 10_000_000),
    ("varied-50mb.txt", 50_000_000),
];

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: rapporteur-bench-corpus DIR");
        return ExitCode::from(2);
    };
    let dir = Path::new(&dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!(
            "rapporteur-bench-corpus: cannot create {}: {e}",
            dir.display()
        );
        return ExitCode::from(2);
    }
    for (name, size) in TEXTS {
        let path = dir.join(name);
        let text = build(size, SEED);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!(
                "rapporteur-bench-corpus: cannot write {}: {e}",
                path.display()
            );
            return ExitCode::from(2);
        }
        println!("{} ({} bytes)", path.display(), text.len());
    }
    ExitCode::SUCCESS
}
