//! `kehoach tables`: the tables of the document model, for a PDF written here (a merged lead
//! cell, two pages) and for the .docx seeds, in JSON (exact shape), CSV and Markdown.

mod support;

use kehoach_testkit::make::pdf_pages;
use serde_json::json;
use support::{json, kehoach, stderr};

const HELVETICA: (&str, &str) = (
    "F1",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
);

/// A 3-column ruled table of a Hà Tĩnh plan whose lead cell "1" spans two rows (no rule
/// under it), drawn at the top of a page.
fn page() -> String {
    let mut c = String::from("0 G 0.5 w ");
    c += "50 750 m 450 750 l S 50 730 m 450 730 l S 100 710 m 450 710 l S 50 690 m 450 690 l S ";
    for x in [50, 100, 300, 450] {
        c += &format!("{x} 750 m {x} 690 l S ");
    }
    for (x, y, t) in [
        (52, 736, "STT"),
        (102, 736, "Noi dung"),
        (302, 736, "Thoi gian"),
        (52, 706, "1"),
        (102, 716, "Tap huan can bo xa"),
        (302, 716, "Quy I/2026"),
        (102, 696, "Kiem tra, giam sat"),
        (302, 696, "Quy IV/2026"),
    ] {
        c += &format!("BT /F1 10 Tf {x} {y} Td ({t}) Tj ET ");
    }
    c
}

fn write_pdf(dir: &std::path::Path) -> String {
    let p = dir.join("hatinh.pdf");
    std::fs::write(&p, pdf_pages(&[&page()], &[HELVETICA], "", "")).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn json_of_a_pdf_table_with_a_row_span() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path());
    let o = kehoach(&["tables", &pdf]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let cell = |col: usize, rs: usize, text: &str| json!({"col": col, "row_span": rs, "col_span": 1, "text": text});
    assert_eq!(
        json(&o),
        json!({"tables": [{
            "pages": [1], "cols": 3, "borderless": false,
            "rows": [
                {"page": 1, "cells": [cell(0, 1, "STT"), cell(1, 1, "Noi dung"), cell(2, 1, "Thoi gian")]},
                {"page": 1, "cells": [cell(0, 2, "1"), cell(1, 1, "Tap huan can bo xa"), cell(2, 1, "Quy I/2026")]},
                {"page": 1, "cells": [cell(1, 1, "Kiem tra, giam sat"), cell(2, 1, "Quy IV/2026")]},
            ]
        }]})
    );
    // The fields come in the documented order.
    let text = String::from_utf8(o.stdout).unwrap();
    let at = |k: &str| text.find(k).unwrap();
    assert!(at("\"pages\"") < at("\"cols\"") && at("\"cols\"") < at("\"borderless\""));
    assert!(at("\"col\"") < at("\"row_span\"") && at("\"col_span\"") < at("\"text\""));
}

#[test]
fn several_files_csv_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path());
    let docx = "fixtures/docx/004_eb12abc5933443e7.A.docx";
    let o = kehoach(&["tables", &pdf, docx]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v[0]["file"], json!(pdf));
    assert_eq!(v[1]["file"], json!(docx));
    // The .docx: the header block (borderless) first, then the work-item table whose header
    // names the lead bodies; its rows have no page.
    let tables = v[1]["tables"].as_array().unwrap();
    assert!(tables[0]["borderless"].as_bool().unwrap());
    let items = tables
        .iter()
        .find(|t| t["borderless"] == json!(false))
        .unwrap();
    assert_eq!(items["rows"][0]["cells"][0]["text"], "STT");
    assert_eq!(items["rows"][0]["page"], json!(null));
    assert_eq!(items["pages"], json!([]));

    let o = kehoach(&["tables", "--format", "csv", &pdf]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,table,row,col,row_span,col_span,page,borderless,text"
    );
    assert_eq!(lines[4], format!("{pdf},1,2,0,2,1,1,false,1"));
    assert_eq!(lines.len(), 1 + 8);
    assert_eq!(
        lines[7],
        format!("{pdf},1,3,1,1,1,1,false,\"Kiem tra, giam sat\"")
    );

    let o = kehoach(&["tables", "-f", "markdown", &pdf]);
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("| STT | Noi dung | Thoi gian |\n|---|---|---|\n| 1 | Tap huan can bo xa | Quy I/2026 |\n|  | Kiem tra, giam sat | Quy IV/2026 |\n"), "{md}");
}

#[test]
fn an_unreadable_file_is_an_error_and_the_others_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path());
    let o = kehoach(&["tables", "no/such/file.docx", &pdf]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.docx"), "{}", stderr(&o));
    assert_eq!(json(&o)[0]["file"], json!(pdf));
}
