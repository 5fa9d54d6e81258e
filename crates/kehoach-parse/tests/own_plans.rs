//! Plans written for these tests (`fixtures/plans/`, made by tools/make_plan_fixtures.py):
//! other provinces, bodies, years, column wordings and orders, tasks merged over several
//! rows, several tables each numbered from 1, a report that is not a plan — each as .docx,
//! as HTML and as LibreOffice's PDF export, held to a truth file written by hand from the
//! document.

mod common;

use std::path::Path;

use common::*;
use kehoach_parse::record::Record;

#[derive(Debug, serde::Deserialize)]
struct Doc {
    issuer: String,
    number: String,
    symbol: String,
    date_day: u32,
    date_month: u32,
    date_year: i32,
    place: String,
    plan_year: i32,
}

#[derive(Debug, serde::Deserialize)]
struct Truth {
    document: Doc,
    is_plan: bool,
    roles: Vec<String>,
    items: Vec<TruthItem>,
    shares_task: Vec<usize>,
    sections: Vec<usize>,
}

fn plan_truth(path: &Path) -> Truth {
    let t = path.with_extension("json");
    serde_json::from_str(&std::fs::read_to_string(&t).expect("truth file")).unwrap()
}

fn plans() -> Vec<std::path::PathBuf> {
    let files = fixtures_in("plans", &["docx", "html", "pdf"]);
    assert_eq!(files.len(), 15, "{files:?}");
    files
}

fn check(rec: &Record, t: &Truth) -> Vec<String> {
    let mut diffs = Vec::new();
    let roles: Vec<&str> = rec.columns.iter().map(|c| c.role.name()).collect();
    if roles != t.roles {
        diffs.push(format!("roles {roles:?}, want {:?}", t.roles));
    }
    let shared: Vec<usize> = (0..rec.items.len())
        .filter(|&i| rec.items[i].location.shares_task)
        .collect();
    if shared != t.shares_task {
        diffs.push(format!(
            "shares_task at {shared:?}, want {:?}",
            t.shares_task
        ));
    }
    let sections: Vec<usize> = rec.items.iter().map(|i| i.location.section).collect();
    if sections != t.sections {
        diffs.push(format!("sections {sections:?}, want {:?}", t.sections));
    }
    // Every basis these plans cite is readable, in every format (a PDF must not join the
    // sentence after the bases, or the first section, to a basis).
    for w in rec.warnings.iter().filter(|w| w.contains("căn cứ")) {
        diffs.push(format!("warning: {w}"));
    }
    if rec.is_plan != t.is_plan {
        diffs.push(format!("is_plan {}, want {}", rec.is_plan, t.is_plan));
    }
    let d = &rec.document;
    let n = d.number.as_ref();
    let date = d.date.as_ref();
    let got = [
        ("issuer", d.issuer.clone()),
        ("number", n.and_then(|n| n.number.clone())),
        ("symbol", n.and_then(|n| n.symbol.clone())),
        ("place", d.place.clone()),
        ("day", date.and_then(|x| x.day).map(|v| v.to_string())),
        ("month", date.and_then(|x| x.month).map(|v| v.to_string())),
        ("year", date.and_then(|x| x.year).map(|v| v.to_string())),
        ("plan_year", d.plan_year.map(|v| v.to_string())),
    ];
    let td = &t.document;
    let want = [
        td.issuer.clone(),
        td.number.clone(),
        td.symbol.clone(),
        td.place.clone(),
        td.date_day.to_string(),
        td.date_month.to_string(),
        td.date_year.to_string(),
        td.plan_year.to_string(),
    ];
    for ((field, g), w) in got.into_iter().zip(want) {
        if g.as_deref() != Some(w.as_str()) {
            diffs.push(format!("document.{field}: {g:?}, want {w:?}"));
        }
    }
    diffs
}

/// Every field the truth names, for every plan in both formats.
#[test]
fn own_plans_equal_their_truth() {
    let mut failures = Vec::new();
    for f in plans() {
        let rec = record(&f);
        let t = plan_truth(&f);
        let diffs = check(&rec, &t);
        if !diffs.is_empty() {
            failures.push(format!("{}:\n  {}", f.display(), diffs.join("\n  ")));
        }
        let outcome = std::panic::catch_unwind(|| assert_matches_truth(&rec, &t.items));
        if let Err(e) = outcome {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "items differ".into());
            failures.push(format!("{}: {msg}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A column whose header names no role gets one from its cells, and the record says so.
#[test]
fn a_role_taken_from_the_cells_is_a_warning() {
    let rec = record(&fixture("plans/quangninh_so_2027.docx"));
    let w: Vec<&String> = rec
        .warnings
        .iter()
        .filter(|w| w.contains("«Sở, ngành»"))
        .collect();
    assert_eq!(w.len(), 1, "{:?}", rec.warnings);
    assert!(w[0].contains("4/4 ô là tên cơ quan, đơn vị"), "{}", w[0]);
    assert!(w[0].contains("chủ trì (lead)"), "{}", w[0]);
    // The follow-up column stays in `extra` by its header text.
    assert_eq!(
        rec.items[1]
            .extra
            .get("Theo dõi, đôn đốc")
            .map(String::as_str),
        Some("Phòng Kế hoạch - Tài chính")
    );
}

/// Parents and levels start again in each section: item "1" of the second appendix is not
/// a child of anything in the first.
#[test]
fn sections_restart_levels_and_parents() {
    let rec = record(&fixture("plans/hatinh_xa_tuyentruyen_2026.docx"));
    let got: Vec<(&str, u32, Option<&str>, usize)> = rec
        .items
        .iter()
        .map(|i| {
            (
                i.stt.as_str(),
                i.level,
                i.parent.as_deref(),
                i.location.section,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1", 1, None, 0),
            ("2", 1, None, 0),
            ("3", 1, None, 0),
            ("1", 1, None, 1),
            ("2", 1, None, 1),
        ]
    );
}

/// The second row of a task merged over two rows is a whole assignment: same number, same
/// content and parent, its own lead and deadline.
#[test]
fn a_task_merged_over_two_rows_gives_two_assignments() {
    for f in [
        "plans/laocai_ccch_2026.docx",
        "plans/laocai_ccch_2026.html",
        "plans/laocai_ccch_2026.pdf",
    ] {
        let rec = record(&fixture(f));
        let (a, b) = (&rec.items[4], &rec.items[5]);
        assert_eq!((a.stt.as_str(), b.stt.as_str()), ("1", "1"), "{f}");
        assert_eq!(a.content, b.content, "{f}");
        assert_eq!(a.parent.as_deref(), Some("II"), "{f}");
        assert_eq!(b.parent.as_deref(), Some("II"), "{f}");
        assert!(!a.location.shares_task && b.location.shares_task, "{f}");
        assert_eq!(b.deadline.text, "Quý II/2026", "{f}");
    }
}

/// A date that cannot exist is kept as text, read as `unparsed`, never stored as a date, and
/// the plan says where it is.
#[test]
fn an_impossible_date_is_a_warning_not_a_date() {
    for f in [
        "plans/cantho_kiemtra_2026.docx",
        "plans/cantho_kiemtra_2026.html",
        "plans/cantho_kiemtra_2026.pdf",
    ] {
        let rec = record(&fixture(f));
        let it = &rec.items[4];
        assert_eq!(it.deadline.text, "31/6/2026", "{f}");
        assert_eq!(
            serde_json::to_value(&it.deadline.kind).unwrap(),
            serde_json::json!({ "kind": "unparsed" }),
            "{f}"
        );
        let w: Vec<&String> = rec
            .warnings
            .iter()
            .filter(|w| w.contains("31/6/2026"))
            .collect();
        assert_eq!(w.len(), 1, "{f}: {:?}", rec.warnings);
        assert!(
            w[0].contains("STT 5") && w[0].contains("ngày không có thật"),
            "{f}: {}",
            w[0]
        );
    }
}
