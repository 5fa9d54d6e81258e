//! `kehoach parse` end to end: formats, exit codes, one bad file among good ones.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kehoach(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .env("KEHOACH_LANG", "en")
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn one_file_gives_one_json_object() {
    let out = kehoach(&["parse", "fixtures/docx/003_e474f24c970af6a5.A.docx"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["source"]["format"], "docx");
    assert_eq!(v["source"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["items"].as_array().unwrap().len(), 35);
    let item = &v["items"][2];
    let keys: Vec<&str> = item
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    for k in [
        "stt", "level", "parent", "kind", "content", "lead", "support", "deadline", "extra",
        "location",
    ] {
        assert!(keys.contains(&k), "missing {k} in {keys:?}");
    }
    assert_eq!(item["deadline"]["text"], "Trước ngày 31/01/2026");
    assert_eq!(item["deadline"]["date"], "2026-01-31");
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let out = kehoach(&[
        "parse",
        "fixtures/docx/000_bac8a76d1f608aa3.A.docx",
        "fixtures/peer/poi/truncated62886.docx",
        "fixtures/docx/002_ee099550d2cd63e2.A.docx",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("truncated62886.docx: the file is damaged"),
        "{err}"
    );
}

#[test]
fn missing_file_and_usage_errors() {
    let out = kehoach(&["parse", "no/such/file.docx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no/such/file.docx: cannot read the file")
    );
    let out = kehoach(&["parse"]);
    assert_eq!(out.status.code(), Some(2));
    let out = kehoach(&["parse", "--format", "yaml", "x.docx"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jsonl_csv_and_table_formats() {
    let f = "fixtures/docx/004_eb12abc5933443e7.A.docx";
    let out = kehoach(&[
        "parse",
        f,
        "fixtures/docx/003_e474f24c970af6a5.A.docx",
        "--format",
        "jsonl",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    let out = kehoach(&["parse", f, "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 46);
    assert!(lines[0].starts_with("file,stt,level,kind,content,lead,support,deadline"));
    assert!(lines[2].contains(",1.1,2,task,"), "{}", lines[2]);
    assert!(
        lines[2].contains("\"Các sở, ban, ngành; UBND cấp huyện\""),
        "{}",
        lines[2]
    );
    // Wide enough for the deadline on one line (the width is tested in tests/office.rs).
    let out = kehoach(&["parse", f, "--format", "table", "--width", "200"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("QUYẾT ĐỊNH Số: 3161/QĐ-UBND (45 items)"),
        "{text}"
    );
    assert!(text.contains("Trước ngày 15/01/2024"));
}
