//! The check, diff and rules subcommands as a user runs them: exit codes and outputs.

use std::path::PathBuf;
use std::process::Command;

/// The binary, in English: these tests read its English wording (`cli_lang.rs` reads the
/// Vietnamese default).
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    c.env("KEHOACH_LANG", "en");
    c
}

fn fixture(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx");
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

#[test]
fn exit_codes() {
    // 004 has warnings only: 0.
    let o = bin().arg("check").arg(fixture("004")).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // 003 names the wrong year in 1.2: 1.
    let o = bin().arg("check").arg(fixture("003")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("error[KH102]"), "{out}");
    assert!(!out.contains("\x1b["), "no colour when not on a terminal");
    // A file that is not a plan: 2, with a clear message.
    let dir = std::env::temp_dir().join("kehoach-cli-test");
    std::fs::create_dir_all(&dir).unwrap();
    let junk = dir.join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let o = bin().arg("check").arg(&junk).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("junk.bin"));
    // A usage error: 2.
    let o = bin()
        .args(["check", "--stage", "final"])
        .arg(fixture("003"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn json_and_rules_data() {
    let dir = std::env::temp_dir().join("kehoach-cli-test");
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("extra.json");
    std::fs::write(
        &data,
        r#"{"bodies":[{"names":["Phòng Hỗ trợ - HCTP"],"replacement":"Phòng Hành chính tư pháp","effective":"2026-01-01","source":"test"}]}"#,
    )
    .unwrap();
    let o = bin()
        .arg("check")
        .arg(fixture("003"))
        .args(["--format", "json", "--rules-data"])
        .arg(&data)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let fs = v["findings"].as_array().unwrap();
    assert!(fs
        .iter()
        .any(|f| f["code"] == "KH301" && f["location"]["stt"] == "1.7"));
    assert_eq!(
        v["summary"]["error"].as_u64().unwrap() as usize,
        fs.iter().filter(|f| f["severity"] == "error").count()
    );
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"bodies":[{"names":["X"],"replacement":"Y","effective":"soon","source":"s"}]}"#,
    )
    .unwrap();
    let o = bin()
        .arg("check")
        .arg(fixture("003"))
        .arg("--rules-data")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rules_and_diff() {
    let o = bin().arg("rules").output().unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    // A header, one line per rule of the registry (code and name, in order), a blank line
    // and the pointer to `kehoach rules CODE`.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["code", "name", "severity", "summary"]
    );
    let rules = kehoach_diff::registry();
    assert_eq!(lines.len(), 1 + rules.len() + 2, "{out}");
    assert_eq!(
        lines[1 + rules.len()..],
        ["", "`kehoach rules CODE` explains one."]
    );
    for (line, rule) in lines[1..].iter().zip(rules) {
        let info = rule.info();
        let cols: Vec<&str> = line.split_whitespace().take(2).collect();
        assert_eq!(cols, [info.code, info.name], "{line}");
    }
    assert!(
        lines.iter().any(|l| l.starts_with("KH301  stale-body ")),
        "{out}"
    );
    let o = bin().args(["rules", "KH301"]).output().unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Bad:") && out.contains("Good:"));
    assert_eq!(
        bin()
            .args(["rules", "KH999"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let o = bin()
        .args(["diff", "--lang", "en"])
        .arg(fixture("004"))
        .arg(fixture("003"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("content: year only, 2024 → 2025"));
    let o = bin()
        .args(["diff", "--format", "html"])
        .arg(fixture("004"))
        .arg(fixture("003"))
        .output()
        .unwrap();
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

/// `kehoach diff 003 004 FLAGS` and `kehoach check 003 --against 004 FLAGS`: must exit 2
/// with nothing on stdout and an error that contains every one of `says`.
fn refused_by_both(flags: &[&str], says: &[&str]) {
    for cmd in [&["diff"][..], &["check", "--against"][..]] {
        let o = bin()
            .args(cmd.iter().take(1))
            .arg(fixture("003"))
            .args(cmd.iter().skip(1))
            .arg(fixture("004"))
            .args(flags)
            .output()
            .unwrap();
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {err}");
        assert!(says.iter().all(|s| err.contains(s)), "{cmd:?}: {err}");
        assert!(o.stdout.is_empty(), "{cmd:?}");
    }
}

#[test]
fn check_and_diff_limits_exit_2_naming_the_flag() {
    // 003 against 004: 35 × 45 items and their words, 260,394 word comparisons.
    refused_by_both(
        &["--max-word-comparisons", "100000"],
        &["over the limit of 100000", "--max-word-comparisons"],
    );
    // The reading limits of `parse` apply to both plans too.
    refused_by_both(&["--max-table-rows", "5"], &["--max-table-rows"]);
}
