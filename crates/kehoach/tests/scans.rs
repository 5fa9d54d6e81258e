//! Scans are never a silent pass: a PDF whose pages are images (fixtures/scans, written by
//! tools/make_scan_fixtures.py) is said to need OCR by `parse` (exit 1), `check` (exit 2) and
//! `import` (kept as a source waiting for OCR, not failed and not a plan with 0 items); a
//! digital-signature stamp is never read as the issuer. The commands run with `--ocr never`
//! (what they do without Tesseract): reading scans by OCR is tests/ocr.rs of kehoach-parse.

mod support;

use support::*;

#[test]
fn parse_says_a_scan_needs_ocr_and_exits_1() {
    for (file, pages) in [
        ("fixtures/scans/scan-2-pages.pdf", 2),
        ("fixtures/scans/scan-with-stamp.pdf", 1),
    ] {
        let o = kehoach(&["parse", "--ocr", "never", file]);
        assert_eq!(o.status.code(), Some(1), "{file}: {}", stderr(&o));
        // No record for a scan (the batch's JSON list stays empty).
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]", "{file}");
        let e = stderr(&o);
        assert!(
            e.contains(&format!(
                "scanned, no text layer on any of its {pages} page(s): the text is an image and needs OCR"
            )),
            "{file}: {e}"
        );
    }
}

#[test]
fn check_cannot_judge_a_scan_and_exits_2() {
    let o = kehoach(&["check", "--ocr", "never", "fixtures/scans/scan-2-pages.pdf"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("scanned, no text layer"),
        "{}",
        stderr(&o)
    );
    // Never "0 errors".
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("0 errors"), "{out}");
}

#[test]
fn a_stamp_over_a_text_pdf_is_not_the_issuer() {
    let o = kehoach(&["parse", "fixtures/scans/text-with-stamp.pdf"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rec: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc = &rec["document"];
    assert_eq!(doc["issuer"], "SO NOI VU", "{doc}");
    assert_eq!(doc["parent_body"], "UBND TINH QUANG TRI", "{doc}");
    assert_eq!(doc["type_code"], "KH", "{doc}");
    let text = rec.to_string();
    for stamp in ["Nguoi ky", "snv@quangtri", "Thoi gian ky"] {
        assert!(!text.contains(stamp), "stamp text {stamp:?} in the record");
    }
}

#[test]
fn import_keeps_scans_waiting_for_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let o = kehoach(&[
        "import",
        "--ocr",
        "never",
        "--db",
        db,
        "--format",
        "json",
        "fixtures/scans",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut scans: Vec<String> = s["needs_ocr"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = f["path"].as_str().unwrap();
            assert!(f["error"]
                .as_str()
                .unwrap()
                .starts_with("scanned, no text layer"));
            p.rsplit('/').next().unwrap().to_string()
        })
        .collect();
    scans.sort();
    assert_eq!(scans, ["scan-2-pages.pdf", "scan-with-stamp.pdf"], "{s}");
    assert_eq!(s["failed"].as_array().unwrap().len(), 0, "{s}");
    assert_eq!(s["imported"], 1, "{s}");
    // Imported again: the stored scans are said to need OCR again, not "present".
    let o = kehoach(&["import", "--ocr", "never", "--db", db, "fixtures/scans"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("2 scans need OCR, 0 failed"), "{out}");
    assert!(
        out.contains("needs OCR: ") && out.contains("scan-2-pages.pdf"),
        "{out}"
    );
}

#[test]
fn without_ocr_a_scan_says_how_to_install_it() {
    for cmd in ["parse", "check"] {
        let o = kehoach(&[
            cmd,
            "--ocr",
            "never",
            "fixtures/ocr/cantho_kiemtra_2026.scan.pdf",
        ]);
        assert_eq!(
            o.status.code(),
            Some(if cmd == "parse" { 1 } else { 2 }),
            "{}",
            stderr(&o)
        );
        let e = stderr(&o);
        assert!(
            e.contains("scanned, no text layer on any of its 1 page(s)"),
            "{e}"
        );
        assert!(
            e.contains("apt-get install tesseract-ocr tesseract-ocr-vie"),
            "{e}"
        );
        assert!(e.contains("--ocr auto"), "{e}");
    }
}
