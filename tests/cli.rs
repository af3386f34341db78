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
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sample/un_meeting.txt");
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
