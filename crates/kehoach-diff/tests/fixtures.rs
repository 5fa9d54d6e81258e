//! Snapshot tests: every fixture alone, and each draft against the provincial plan 004.
//! The snapshots were reviewed line by line; see the assertions below for the defects each
//! must keep reporting and the right items that must stay quiet.

mod common;

use common::load;
use kehoach_diff::{check, Finding, Options, Severity};

fn render(fs: &[Finding]) -> String {
    let mut s: String = fs
        .iter()
        .map(|f| format!("{}\n", f.line(kehoach_diff::Lang::Vi)))
        .collect();
    let n = |sev| fs.iter().filter(|f| f.severity == sev).count();
    s.push_str(&format!(
        "-- {} errors, {} warnings, {} infos\n",
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info)
    ));
    s
}

fn alone(prefix: &str) -> Vec<Finding> {
    check(&load(prefix), &[], &Options::default()).unwrap()
}

fn against_004(prefix: &str) -> Vec<Finding> {
    check(&load(prefix), &[load("004")], &Options::default()).unwrap()
}

fn has(fs: &[Finding], code: &str, stt: Option<&str>, field: Option<&str>) -> bool {
    fs.iter().any(|f| {
        f.code == code
            && f.location.stt.as_deref() == stt
            && (field.is_none() || f.location.field.as_deref() == field)
    })
}

#[test]
fn snapshot_000_alone() {
    insta::assert_snapshot!(render(&alone("000")));
}

#[test]
fn snapshot_001_alone() {
    insta::assert_snapshot!(render(&alone("001")));
}

#[test]
fn snapshot_002_alone() {
    insta::assert_snapshot!(render(&alone("002")));
}

#[test]
fn snapshot_003_alone() {
    insta::assert_snapshot!(render(&alone("003")));
}

#[test]
fn snapshot_004_alone() {
    insta::assert_snapshot!(render(&alone("004")));
}

#[test]
fn snapshot_000_against_004() {
    insta::assert_snapshot!(render(&against_004("000")));
}

#[test]
fn snapshot_001_against_004() {
    insta::assert_snapshot!(render(&against_004("001")));
}

#[test]
fn snapshot_002_against_004() {
    insta::assert_snapshot!(render(&against_004("002")));
}

#[test]
fn snapshot_003_against_004() {
    insta::assert_snapshot!(render(&against_004("003")));
}

#[test]
fn known_defects_are_reported() {
    // 003 item 1.2 draws up last year's plan.
    let f = alone("003");
    assert!(f.iter().any(|f| f.code == "KH102"
        && f.location.stt.as_deref() == Some("1.2")
        && f.severity == Severity::Error));
    // 002 numbers 2.1 twice; the second should be 2.1.1.
    let f = alone("002");
    let d: Vec<_> = f.iter().filter(|f| f.code == "KH401").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].location.stt.as_deref(), Some("2.1"));
    assert_eq!(d[0].location.row, Some(10));
    assert_eq!(d[0].suggestion.as_deref(), Some("\"2.1.1\""));
    // 000 still says "Ban Dân tộc", in item 1.1 and in the appendix title.
    let f = alone("000");
    assert!(has(&f, "KH301", Some("1.1"), None));
    assert!(has(&f, "KH301", None, Some("appendix.title")));
    // 000's appendix line has another symbol than its number line.
    assert!(has(&f, "KH501", None, Some("appendix.reference")));
    // 001 cites a plan for 2026 dated February 2025.
    assert!(alone("001").iter().any(|f| f.code == "KH104"));
    // 004: one agency both leads and supports 2.3.1.
    assert!(has(&alone("004"), "KH405", Some("2.3.1"), None));
}

#[test]
fn no_errors_on_right_items() {
    // 004 is a plan for 2024 dated 13/12/2023: preparing the year's plan in December and
    // next year's plan (item 1.9, "năm 2025", due "Tháng 12/2024") are normal; "UBND cấp
    // huyện" and Nghị định 61/2018 were current then.
    let f = alone("004");
    let errors: Vec<_> = f.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // No year error anywhere but 003's item 1.2.
    for p in ["000", "001", "002", "003", "004"] {
        for f in alone(p) {
            if f.code.starts_with("KH10") && f.severity == Severity::Error {
                assert_eq!((p, f.location.stt.as_deref()), ("003", Some("1.2")), "{f}");
            }
        }
    }
    // Drafts citing the 2025 decree 118/2025 and the 2010 decree 63/2010 are fine.
    assert!(!alone("002").iter().any(|f| f.code == "KH302"));
}

/// The provincial 2024 plan copied as a 2026 draft without review: everything that went
/// stale must show, at its item.
fn copied_into_2026() -> Vec<Finding> {
    let mut s = load("004");
    let d = &mut s.plan.document;
    d.date = Some(kehoach_parse::plan::PartialDate {
        text: "ngày tháng 01 năm 2026".into(),
        day: None,
        month: Some(1),
        year: Some(2026),
    });
    d.title = d.title.as_ref().map(|t| t.replace("2024", "2026"));
    if let Some(a) = d.appendix.as_mut() {
        a.title = a.title.as_ref().map(|t| t.replace("2024", "2026"));
        a.year = Some(2026);
        a.text = "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 01 năm 2026 của Chủ tịch UBND tỉnh Thái Nguyên)".into();
        a.reference = kehoach_parse::plan::meta::find_citations(&a.text)
            .into_iter()
            .next();
    }
    d.plan_year = Some(2026);
    check(&s, &[], &Options::default()).unwrap()
}

#[test]
fn snapshot_004_copied_into_2026() {
    let f = copied_into_2026();
    // UBND cấp huyện in 1.1's lead, Sở TT&TT in 2.2.5's support, the split "Sở Lao động;
    // Thương binh và Xã hội" in 4.4's lead, Nghị định 61/2018 and 107/2021 in 4.1.
    assert!(f.iter().any(|f| f.code == "KH301"
        && f.location.stt.as_deref() == Some("1.1")
        && f.location.column.as_deref() == Some("lead")));
    assert!(f.iter().any(|f| f.code == "KH301"
        && f.location.stt.as_deref() == Some("2.2.5")
        && f.text.as_deref() == Some("Sở Thông tin và Truyền thông")));
    assert!(f.iter().any(|f| f.code == "KH301"
        && f.location.stt.as_deref() == Some("4.4")
        && f.suggestion.as_deref() == Some("Sở Nội vụ")));
    assert_eq!(
        f.iter()
            .filter(|f| f.code == "KH302" && f.location.stt.as_deref() == Some("4.1"))
            .count(),
        2
    );
    // Last year's deadlines and years.
    assert!(f
        .iter()
        .any(|f| f.code == "KH103" && f.location.stt.as_deref() == Some("1.1")));
    insta::assert_snapshot!(render(&f));
}

/// The formatting variants of 004 (NFD text, split runs, tracked changes, merged cells,
/// automatic numbering …) must give the same findings as 004, except the STT style mix that
/// automatic numbering removes.
#[test]
fn variants_of_004_give_the_same_findings() {
    let key = |fs: Vec<Finding>| {
        let mut v: Vec<(String, Option<String>, Option<String>)> = fs
            .into_iter()
            .map(|f| (f.code.to_string(), f.location.stt, f.text))
            .collect();
        v.sort();
        v
    };
    let base = key(alone("004"));
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/variants");
    // A missing folder is a failure, not a silent pass.
    let rd = std::fs::read_dir(&dir).expect("fixtures/variants");
    let mut n = 0;
    for e in rd.filter_map(|e| e.ok()) {
        let p = e.path();
        if p.extension().and_then(|x| x.to_str()) != Some("docx") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let parsed = kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap();
        let got = key(check(
            &kehoach_diff::Source::from_parsed("v", parsed),
            &[],
            &Options::default(),
        )
        .unwrap());
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let want: Vec<_> = if name.contains("autonum") || name.contains(".all.") {
            base.iter().filter(|k| k.0 != "KH403").cloned().collect()
        } else {
            base.clone()
        };
        assert_eq!(got, want, "{name}");
        n += 1;
    }
    assert_eq!(n, 10, "the ten variants of 004");
}
