//! `rapporteur-cli`: the web app's parser, exports and imports on files.
//!
//! - `parse FILE|- [--pretty]`: the parsed document as JSON.
//! - `export --format F [--annotations A.json]... [--predictions] [-o OUT] [TEXT...]`:
//!   one release (or several: a library export) in our JSON, the W3C form,
//!   or another tool's format.
//! - `import [--text TEXT] [-o OUT] FILE...`: another tool's export turned
//!   into our annotations JSON.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use rapporteur::annotate::{
    default_tags, export_file_name, export_json, import_annotations, web_annotation_json,
    AnnotationSet,
};
use rapporteur::exchange::{export_releases, import_foreign, ExportOptions, Format, InputFile};
use rapporteur::Document;

const USAGE: &str = "usage:
  rapporteur-cli parse <FILE | -> [--pretty]
  rapporteur-cli export --format <json|web-annotation|brat|doccano|label-studio|label-studio-config|uima-xmi>
                        [--annotations FILE.json]... [--predictions] [-o OUT | -o -] [TEXT...]
  rapporteur-cli import [--text TEXT] [-o OUT] FILE...";

/// Largest file read, as in the app.
const LIMIT: u64 = 64 * 1024 * 1024;

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
    match command.as_str() {
        "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        "parse" => parse_command(rest),
        "export" => export_command(rest),
        "import" => import_command(rest),
        _ => Err(format!("unknown command '{command}'\n{USAGE}")),
    }
}

/// The parser of the app, with each paragraph's facts found on a second
/// thread while the speakers are read: the same document, sooner.
fn parse(text: &str) -> rapporteur::Document {
    rapporteur::parse::parse_on(text, rapporteur::parse::Threads::Two)
}

fn parse_command(rest: &[String]) -> Result<(), String> {
    let pretty = rest.iter().any(|a| a == "--pretty");
    let mut paths = rest.iter().filter(|a| *a != "--pretty");
    let path = paths.next().ok_or(USAGE)?;
    if let Some(extra) = paths.next() {
        return Err(format!("unexpected argument '{extra}'\n{USAGE}"));
    }
    let document = parse(&read_text(path)?);
    // Straight into a buffered standard output: no copy of the whole JSON
    // (several times the text) is built first.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if pretty {
        serde_json::to_writer_pretty(&mut out, &document)
    } else {
        serde_json::to_writer(&mut out, &document)
    }
    .map_err(|e| format!("cannot write output: {e}"))?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))?;
    // The process ends here: handing every allocation of a large document
    // back one by one would only delay the exit.
    std::mem::forget(document);
    Ok(())
}

/// Options shared by export and import.
#[derive(Default)]
struct Options {
    format: Option<String>,
    annotations: Vec<String>,
    predictions: bool,
    output: Option<String>,
    text: Option<String>,
    now: Option<String>,
    paths: Vec<String>,
}

fn options(rest: &[String], allowed: &[&str]) -> Result<Options, String> {
    let mut out = Options::default();
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        let flag = arg.as_str();
        if flag.starts_with('-') && flag != "-" && !allowed.contains(&flag) {
            return Err(format!("unknown option '{flag}'\n{USAGE}"));
        }
        match flag {
            "--format" | "-f" => out.format = Some(value(flag)?),
            "--annotations" | "-a" => out.annotations.push(value(flag)?),
            "--predictions" => out.predictions = true,
            "-o" | "--output" => out.output = Some(value(flag)?),
            "--text" => out.text = Some(value(flag)?),
            "--now" => out.now = Some(value(flag)?),
            _ => out.paths.push(arg.clone()),
        }
    }
    Ok(out)
}

fn export_command(rest: &[String]) -> Result<(), String> {
    let o = options(
        rest,
        &[
            "--format",
            "-f",
            "--annotations",
            "-a",
            "--predictions",
            "-o",
            "--output",
            "--now",
        ],
    )?;
    let format = o
        .format
        .as_deref()
        .ok_or_else(|| format!("--format is missing\n{USAGE}"))?;
    let now = o.now.clone().unwrap_or_else(now_iso);
    let releases = load_releases(&o)?;
    let pairs: Vec<(&Document, &AnnotationSet)> = releases.iter().map(|(d, s)| (d, s)).collect();
    let (name, bytes) = match format {
        "json" | "web-annotation" => {
            let [(document, set)] = pairs[..] else {
                return Err(format!(
                    "--format {format} holds one release; give one TEXT (or use a format \
                     that holds several)"
                ));
            };
            if format == "json" {
                let json = export_json(document, set, &now);
                (export_file_name(document), json.into_bytes())
            } else {
                let json = web_annotation_json(document, set);
                (
                    rapporteur::annotate::web_annotation_file_name(document),
                    json.into_bytes(),
                )
            }
        }
        id => {
            let format =
                Format::from_id(id).ok_or_else(|| format!("unknown format '{id}'\n{USAGE}"))?;
            let options = ExportOptions {
                predictions: o.predictions,
            };
            let file = export_releases(format, &pairs, options).map_err(|e| e.to_string())?;
            (file.name, file.bytes)
        }
    };
    write_output(o.output.as_deref(), &name, &bytes)
}

/// The releases to export: each TEXT (parsed) with the `--annotations`
/// file at the same position placed on it; or, with annotations and no
/// TEXT, each annotations file on its own text.
fn load_releases(o: &Options) -> Result<Vec<(Document, AnnotationSet)>, String> {
    let mut files = Vec::new();
    for path in &o.annotations {
        let bytes = read_bytes(path)?;
        let file = import_annotations(&bytes, LIMIT).map_err(|e| format!("{path}: {e}"))?;
        files.push(file);
    }
    if o.paths.is_empty() && files.is_empty() {
        return Err(format!("give a TEXT file, or --annotations\n{USAGE}"));
    }
    if !o.paths.is_empty() && !files.is_empty() && files.len() != o.paths.len() {
        return Err(format!(
            "{} TEXT file(s) but {} --annotations file(s): give one annotations file per text",
            o.paths.len(),
            files.len()
        ));
    }
    let mut out = Vec::new();
    if o.paths.is_empty() {
        for file in files {
            let document = parse(&file.text);
            let placement = file.place(&document);
            out.push((document, placement.set));
        }
        return Ok(out);
    }
    for (i, path) in o.paths.iter().enumerate() {
        let document = parse(&read_text(path)?);
        let set = match files.get(i) {
            Some(file) => {
                let placement = file.place(&document);
                let lost = placement.report.orphaned + placement.report.still_orphaned;
                if lost > 0 {
                    eprintln!(
                        "rapporteur-cli: {path}: {lost} annotation(s) could not be placed on this \
                         text and are not in the export"
                    );
                }
                placement.set
            }
            None => AnnotationSet::with_tags(default_tags()),
        };
        out.push((document, set));
    }
    Ok(out)
}

fn import_command(rest: &[String]) -> Result<(), String> {
    let o = options(rest, &["--text", "-o", "--output", "--now"])?;
    if o.paths.is_empty() {
        return Err(format!("give the file(s) to import\n{USAGE}"));
    }
    let now = o.now.clone().unwrap_or_else(now_iso);
    let loaded: Vec<(String, Vec<u8>)> = o
        .paths
        .iter()
        .map(|p| Ok((p.clone(), read_bytes(p)?)))
        .collect::<Result<_, String>>()?;
    let inputs: Vec<InputFile> = loaded
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let imported =
        import_foreign(&inputs, &default_tags(), &now, LIMIT).map_err(|e| e.to_string())?;
    let given_text = o.text.as_deref().map(read_text).transpose()?;
    if given_text.is_some() && imported.releases.len() > 1 {
        return Err(format!(
            "--text names one text, but the file holds {} releases",
            imported.releases.len()
        ));
    }
    let many = imported.releases.len() > 1;
    for release in &imported.releases {
        let document = parse(given_text.as_deref().unwrap_or(&release.file.text));
        let placement = release.file.place(&document);
        for notice in &release.notices {
            eprintln!("rapporteur-cli: {notice}");
        }
        let report = placement.report;
        eprintln!(
            "rapporteur-cli: {} ({}): {} annotation(s) placed, {} moved, {} not placed",
            release.name,
            imported.format.id(),
            placement.set.annotations().len(),
            report.moved_total(),
            placement.set.orphans().len()
        );
        let json = export_json(&document, &placement.set, &now);
        let name = export_file_name(&document);
        match (&o.output, many) {
            (Some(dir), true) => {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
                let path = Path::new(dir).join(&name);
                std::fs::write(&path, json.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                eprintln!("rapporteur-cli: wrote {}", path.display());
            }
            (None, true) => {
                return Err(format!(
                    "the file holds {} releases: give -o DIRECTORY to write one annotations \
                     file each",
                    imported.releases.len()
                ))
            }
            (output, false) => write_output(
                Some(output.as_deref().unwrap_or("-")),
                &name,
                json.as_bytes(),
            )?,
        }
    }
    Ok(())
}

/// Writes to `-o` (a file, or `-` for standard output); without `-o`,
/// into the current directory under the export's own name.
fn write_output(output: Option<&str>, name: &str, bytes: &[u8]) -> Result<(), String> {
    match output {
        Some("-") => {
            let mut out = std::io::stdout().lock();
            if out.is_terminal() && bytes.starts_with(b"PK") {
                return Err("will not write a zip archive to a terminal: give -o FILE".to_owned());
            }
            out.write_all(bytes)
                .map_err(|e| format!("cannot write output: {e}"))
        }
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            std::fs::write(name, bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
            eprintln!("rapporteur-cli: wrote {name}");
            Ok(())
        }
    }
}

fn read_text(path: &str) -> Result<String, String> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8: invalid byte at byte offset {}",
            display_name(path),
            e.utf8_error().valid_up_to()
        )
    })
}

fn read_bytes(path: &str) -> Result<Vec<u8>, String> {
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

/// The current time as ISO-8601 UTC (`2025-04-02T15:00:00.000Z`): the CLI
/// reads the clock so that the core never has to.
fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
