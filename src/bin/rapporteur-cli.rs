//! `rapporteur-cli parse FILE|-- [--pretty]`: the web app's parser on files.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: rapporteur-cli parse <FILE | -> [--pretty]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rapporteur-cli: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    if command == "-h" || command == "--help" {
        println!("{USAGE}");
        return Ok(());
    }
    if command != "parse" {
        return Err(format!("unknown command '{command}'\n{USAGE}"));
    }
    let pretty = rest.iter().any(|a| a == "--pretty");
    let mut paths = rest.iter().filter(|a| *a != "--pretty");
    let path = paths.next().ok_or(USAGE)?;
    if let Some(extra) = paths.next() {
        return Err(format!("unexpected argument '{extra}'\n{USAGE}"));
    }

    let bytes = read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8: invalid byte at byte offset {}",
            display_name(path),
            e.utf8_error().valid_up_to()
        )
    })?;
    let document = rapporteur::parse(&text);
    let json = if pretty {
        serde_json::to_string_pretty(&document)
    } else {
        serde_json::to_string(&document)
    }
    .map_err(|e| format!("cannot write JSON: {e}"))?;

    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| format!("cannot write output: {e}"))
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "standard input"
    } else {
        path
    }
}
