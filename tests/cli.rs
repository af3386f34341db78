//! `rapporteur-cli parse`: files, standard input, --pretty, and clear
//! failures with exit code 2.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

const CLI: &str = env!("CARGO_BIN_EXE_rapporteur-cli");

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn parses_a_file_to_json() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src/sample/un_meeting.txt");
    let out = Command::new(CLI)
        .args(["parse"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["symbol"], "SC/15802");
    assert_eq!(json["kind"], "un_meeting");
    assert_eq!(json["text_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["speakers"][0]["name"], "KATARINA VELLMAN-OSEI");
    // One line without --pretty.
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
}

#[test]
fn reads_standard_input_and_pretty_prints() {
    let mut child = Command::new(CLI)
        .args(["parse", "-", "--pretty"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Zoë said “hi”.\r\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\n  \"text\": \"Zoë said “hi”.\\n\""),
        "{text}"
    );
}

#[test]
fn invalid_utf8_names_the_first_bad_byte() {
    let path = temp_file("bad.txt", b"Caf\xc3\xa9 ok\n\xff\xfe rest");
    let out = Command::new(CLI).arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8(out.stderr).unwrap();
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("not UTF-8") && message.contains("byte offset 9"),
        "{message}"
    );
}

#[test]
fn missing_file_and_bad_usage_exit_2_with_one_line() {
    let out = Command::new(CLI)
        .args(["parse", "/no/such/release.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8(out.stderr).unwrap();
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("/no/such/release.txt"));

    let out = Command::new(CLI).args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(CLI).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn release_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange/release-crlf.txt")
}

#[test]
fn exports_every_format_and_imports_it_back() {
    let dir = std::env::temp_dir().join(format!("rapporteur-cli-exchange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Our JSON export of the release (no annotations yet), as a starting point.
    let ours = dir.join("ours.json");
    let out = Command::new(CLI)
        .args([
            "export",
            "--format",
            "json",
            "--now",
            "2026-03-12T09:00:00.000Z",
            "-o",
        ])
        .arg(&ours)
        .arg(release_path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&ours).unwrap()).unwrap();
    assert_eq!(json["format"], "rapporteur-annotations/1");
    assert_eq!(json["exported"], "2026-03-12T09:00:00.000Z");
    for (format, name) in [
        ("brat", "SC-99001.brat.zip"),
        ("doccano", "SC-99001.doccano.jsonl"),
        ("label-studio", "SC-99001.label-studio.json"),
        ("uima-xmi", "SC-99001.inception.zip"),
    ] {
        // Without -o, the file gets the export's own name in the current directory.
        let out = Command::new(CLI)
            .current_dir(&dir)
            .args([
                "export",
                "--format",
                format,
                "--predictions",
                "--annotations",
            ])
            .arg(&ours)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(dir.join(name).exists(), "{format}: {name}");
        let out = Command::new(CLI)
            .current_dir(&dir)
            .args(["import", name, "--now", "2026-03-12T09:00:00.000Z"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let back: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            back["document"]["text"], json["document"]["text"],
            "{format}"
        );
        let report = String::from_utf8(out.stderr).unwrap();
        assert!(report.contains("0 not placed"), "{format}: {report}");
    }
    let xml = Command::new(CLI)
        .args(["export", "--format", "label-studio-config", "-o", "-"])
        .arg(release_path())
        .output()
        .unwrap();
    assert!(String::from_utf8(xml.stdout).unwrap().starts_with("<View>"));
}

#[test]
fn exchange_commands_fail_clearly() {
    let run = |args: &[&str]| {
        let out = Command::new(CLI).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(run(&["export", "--format", "word", "x.txt"]).contains("cannot read x.txt"));
    let release = release_path();
    let release = release.to_str().unwrap();
    assert!(run(&["export", "--format", "word", release]).contains("unknown format 'word'"));
    assert!(run(&["export", release]).contains("--format is missing"));
    assert!(run(&["export", "--format", "json", release, release]).contains("holds one release"));
    assert!(run(&["export", "--format", "brat", "--bogus", release])
        .contains("unknown option '--bogus'"));
    let message = run(&["import", release]);
    assert!(
        message.contains("not a brat, doccano, Label Studio or UIMA CAS XMI export"),
        "{message}"
    );
    assert!(run(&["import"]).contains("give the file(s) to import"));
}
