//! `check` says when what it was given cannot be checked, instead of passing: an unknown rule
//! code in `--select`/`--ignore` and a parent with no work items are usage errors (exit 2);
//! rules left out by `--select` do not run (so the match limit of KH201/KH203 does not refuse
//! a check that does not use them); `--output`/`-o` writes the report (`--out` kept).

mod support;

use support::*;

const DRAFT: &str = "fixtures/docx/003_e474f24c970af6a5.A.docx";
const PARENT: &str = "fixtures/docx/004_eb12abc5933443e7.A.docx";

#[test]
fn unknown_rule_codes_are_a_usage_error() {
    for args in [
        vec!["check", DRAFT, "--select", "KH9"],
        vec!["check", DRAFT, "--ignore", "KH301,stale"],
    ] {
        let o = kehoach(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: no report");
        assert!(
            stderr(&o).starts_with("error: no rule \""),
            "{}",
            stderr(&o)
        );
    }
    let o = kehoach(&["check", DRAFT, "--ignore", "KH301,stale"]);
    assert!(stderr(&o).contains("no rule \"stale\""), "{}", stderr(&o));
}

#[test]
fn a_parent_without_items_is_refused() {
    let o = kehoach(&[
        "check",
        DRAFT,
        "--against",
        "fixtures/firstpages/09_danang_congvan.txt",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("09_danang_congvan.txt: no work items were found in this parent plan"),
        "{}",
        stderr(&o)
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains("0 errors"));
}

#[test]
fn selected_rules_only_run_and_the_match_limit_follows_them() {
    // KH201/KH203 match 003's items with 004's: a limit of 10 word comparisons refuses that …
    let o = kehoach(&[
        "check",
        DRAFT,
        "--against",
        PARENT,
        "--max-word-comparisons",
        "10",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // … but not a check of the STT rules alone, which match nothing.
    let o = kehoach(&[
        "check",
        DRAFT,
        "--against",
        PARENT,
        "--max-word-comparisons",
        "10",
        "--select",
        "KH4",
        "--format",
        "json",
    ]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.iter().all(|c| c.starts_with("KH4")), "{codes:?}");
}

#[test]
fn output_and_its_old_name_write_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    for (flag, path) in [("--output", &a), ("--out", &b)] {
        let o = kehoach(&[
            "check",
            DRAFT,
            "--format",
            "json",
            flag,
            path.to_str().unwrap(),
        ]);
        assert!(o.stdout.is_empty(), "{flag}: the report goes to the file");
        assert!(
            o.status.code().is_some_and(|c| c < 2),
            "{flag}: {}",
            stderr(&o)
        );
    }
    let (a, b) = (
        std::fs::read_to_string(a).unwrap(),
        std::fs::read_to_string(b).unwrap(),
    );
    assert!(a.contains("\"findings\""), "{a}");
    assert_eq!(a, b);
}

/// A report (Báo cáo) with a table is not a plan: `check` names what it is and exits 2
/// rather than reporting "no deadline" on every row of the report's table.
#[test]
fn a_document_that_is_not_a_plan_is_named_not_checked() {
    let o = kehoach_env(&["check", "fixtures/plans/nghean_baocao_2025.docx"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.starts_with("lỗi: "), "{e}");
    assert!(e.contains("không phải kế hoạch (loại: BÁO CÁO)"), "{e}");
    assert!(o.stdout.is_empty());
    let o = kehoach(&["check", "README.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not a plan (type: unknown)"),
        "{}",
        stderr(&o)
    );
}
