//! The RTF and .xlsx readers: the seeds and our own plans saved as .rtf by LibreOffice give
//! exactly the records of their .docx; hand-written RTF (`tools/make_rtf_fixtures.py`) with
//! `\uN` escapes, cp1258 bytes, TCVN3 fonts, merges and hostile structure; workbooks whose
//! task table becomes items.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use kehoach_parse::model::{Block, Document, Table};
use kehoach_parse::record::Record;
use kehoach_parse::{read_document, Format, Limits, ParseError};

/// Items without where in the file they are.
fn items(r: &Record) -> Vec<serde_json::Value> {
    r.items
        .iter()
        .map(|i| {
            let mut v = serde_json::to_value(i).unwrap();
            v.as_object_mut().unwrap().remove("location");
            v
        })
        .collect()
}

/// Asserts that two records say the same thing: metadata, plan or not, columns, items
/// (every field but the location), and the same location sections and shared-task marks.
fn assert_same_record(a: &Record, b: &Record, name: &str) {
    assert_eq!(
        serde_json::to_value(&a.document).unwrap(),
        serde_json::to_value(&b.document).unwrap(),
        "{name}: metadata"
    );
    assert_eq!(a.is_plan, b.is_plan, "{name}: is_plan");
    assert_eq!(
        serde_json::to_value(&a.columns).unwrap(),
        serde_json::to_value(&b.columns).unwrap(),
        "{name}: columns"
    );
    assert_eq!(items(a), items(b), "{name}: items");
    let loc = |r: &Record| -> Vec<(usize, bool)> {
        r.items
            .iter()
            .map(|i| (i.location.section, i.location.shares_task))
            .collect()
    };
    assert_eq!(loc(a), loc(b), "{name}: sections and shared tasks");
}

fn rtf(name: &str) -> PathBuf {
    fixture(&format!("rtf/{name}"))
}

fn read(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap();
    read_document(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each seed saved as .rtf gives exactly the record of its .docx.
#[test]
fn seed_rtf_records_equal_docx_records() {
    let files: Vec<_> = fixtures_in("rtf", &["rtf"])
        .into_iter()
        .filter(|p| p.to_str().unwrap().ends_with(".A.rtf"))
        .collect();
    assert_eq!(files.len(), 5);
    for f in files {
        let name = f
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".rtf", ".docx");
        let docx = record(&fixture(&format!("docx/{name}")));
        let r = record(&f);
        assert_eq!(r.source.format, "rtf");
        assert_same_record(&docx, &r, &name);
        assert_matches_truth(&r, &truth(&f));
    }
}

/// Our own plans (other provinces, bodies, years; tasks merged over rows; several
/// appendices) saved as .rtf give the records of their .docx, which `own_plans.rs` holds to
/// the truth files.
#[test]
fn own_plan_rtf_records_equal_docx_records() {
    let plans = [
        "cantho_kiemtra_2026",
        "hatinh_xa_tuyentruyen_2026",
        "laocai_ccch_2026",
        "nghean_baocao_2025",
        "quangninh_so_2027",
    ];
    for p in plans {
        let docx = record(&fixture(&format!("plans/{p}.docx")));
        let r = record(&rtf(&format!("{p}.rtf")));
        assert_same_record(&docx, &r, p);
        assert!(!r.items.is_empty() || !docx.is_plan, "{p}");
    }
}

/// The variants of seed 004 saved as .rtf: TCVN3 and VNI fonts converted, the tracked
/// changes read with deletions dropped, vertical merges as spans.
#[test]
fn variant_rtf_records_equal_docx_records() {
    for v in ["tcvn3", "vni", "tracked", "vmerge"] {
        let name = format!("004_eb12abc5933443e7.{v}");
        let docx = record(&fixture(&format!("variants/{name}.docx")));
        let r = record(&rtf(&format!("{name}.rtf")));
        assert_same_record(&docx, &r, &name);
        assert_matches_truth(&r, &truth(&rtf(&format!("{name}.rtf"))));
    }
}

/// Every table of every converted file has the same shape as in the .docx: rows, and each
/// row's cells with their columns, spans and covered marks.
#[test]
fn rtf_tables_have_the_docx_spans() {
    fn shape(d: &Document) -> Vec<Vec<Vec<(usize, usize, usize, bool)>>> {
        d.tables()
            .map(|t: &Table| {
                t.rows
                    .iter()
                    .map(|r| {
                        r.cells
                            .iter()
                            .map(|c| (c.col, c.col_span, c.row_span, c.covered))
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }
    let pairs = [
        (
            "docx/004_eb12abc5933443e7.A.docx",
            "004_eb12abc5933443e7.A.rtf",
        ),
        (
            "variants/004_eb12abc5933443e7.vmerge.docx",
            "004_eb12abc5933443e7.vmerge.rtf",
        ),
        ("plans/laocai_ccch_2026.docx", "laocai_ccch_2026.rtf"),
        (
            "plans/hatinh_xa_tuyentruyen_2026.docx",
            "hatinh_xa_tuyentruyen_2026.rtf",
        ),
    ];
    for (d, r) in pairs {
        let a = read(&fixture(d));
        let b = read(&rtf(r));
        assert_eq!(shape(&a), shape(&b), "{r}");
        assert_eq!(b.format, Format::Rtf);
    }
    let vm = read(&rtf("004_eb12abc5933443e7.vmerge.rtf"));
    assert!(
        vm.tables().any(|t| t
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.row_span > 1))),
        "the vmerge variant has a cell spanning rows"
    );
}
