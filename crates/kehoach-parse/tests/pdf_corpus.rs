//! Plan extraction on the PDF exports of the corpus gives the truth items and the same
//! metadata as the .docx it was exported from.

mod common;

use common::*;

fn pdf_fixtures() -> Vec<std::path::PathBuf> {
    let v: Vec<_> = fixtures_in("pdf", &["pdf"])
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_str().unwrap().ends_with(".A.pdf"))
        .collect();
    assert_eq!(v.len(), 5);
    v
}

#[test]
fn corpus_pdf_items_equal_truth() {
    for f in pdf_fixtures() {
        let rec = record(&f);
        assert_matches_truth(&rec, &truth(&f));
        assert_eq!(rec.source.format, "pdf");
    }
}

#[test]
fn corpus_pdf_metadata_equals_docx() {
    for f in pdf_fixtures() {
        let name = f
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".pdf", ".docx");
        let docx = record(&fixture(&format!("docx/{name}")));
        let pdf = record(&f);
        let a = serde_json::to_value(&docx.document).unwrap();
        let b = serde_json::to_value(&pdf.document).unwrap();
        assert_eq!(a, b, "{name}");
    }
}

/// For each plan the .pdf and the .docx give identical items: every field (level, parent,
/// kind, agencies, the typed deadline, extra columns) except where in the file it is.
#[test]
fn corpus_pdf_items_equal_docx_items() {
    for f in pdf_fixtures() {
        let name = f
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".pdf", ".docx");
        let docx = record(&fixture(&format!("docx/{name}")));
        let pdf = record(&f);
        assert_eq!(
            items_without_location(&docx),
            items_without_location(&pdf),
            "{name}"
        );
        assert!(
            pdf.items.iter().all(|i| i.location.page.is_some()),
            "{name}: every PDF item has its page"
        );
    }
}

/// The .docx variants (auto-numbering, a two-row merged header, NFD text, text split over
/// runs, a non-`w` prefix, tracked changes — printed with deletions struck through — and all
/// at once) exported to PDF by LibreOffice 7.4 give the same items. Not here: the vMerge
/// variant (a merged lead cell split by a page break prints as an empty cell on the next
/// page: nothing on paper says it continues).
#[test]
fn variant_pdfs_items_equal_truth() {
    let files = fixtures_in("pdf/variants", &["pdf"]);
    assert_eq!(files.len(), 7, "{files:?}");
    let mut failed = Vec::new();
    for f in files {
        let rec = record(&f);
        if let Err(e) = std::panic::catch_unwind(|| assert_matches_truth(&rec, &truth(&f))) {
            failed.push(format!("{}: {:?}", f.display(), e.downcast_ref::<String>()));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The same plan printed by Chromium with and without its running header and footer gives
/// the same record (the date in the header is not taken for the issuing body).
#[test]
fn running_headers_do_not_change_the_record() {
    let a = record(&fixture("pdf/chromium_plan.pdf"));
    let b = record(&fixture("pdf/chromium_plan_headers.pdf"));
    assert_eq!(
        serde_json::to_value(&a.document).unwrap(),
        serde_json::to_value(&b.document).unwrap()
    );
    assert_eq!(a.items.len(), 36);
    assert_eq!(
        serde_json::to_value(&a.items).unwrap(),
        serde_json::to_value(&b.items).unwrap()
    );
    assert_eq!(
        a.document.parent_body.as_deref(),
        Some("UBND TỈNH THÁI NGUYÊN")
    );
    assert_eq!(a.document.issuer.as_deref(), Some("SỞ TƯ PHÁP"));
}

/// The corpus PDFs rewritten by Ghostscript's pdfwrite (re-subset fonts, its own content
/// streams) give the same items and metadata.
#[test]
fn ghostscript_rewrites_give_the_same_record() {
    let files = fixtures_in("pdf/gs", &["pdf"]);
    assert_eq!(files.len(), 2);
    for f in files {
        let rec = record(&f);
        assert_matches_truth(&rec, &truth(&f));
        let name = f
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".gs.pdf", ".A.docx");
        let docx = record(&fixture(&format!("docx/{name}")));
        assert_eq!(
            serde_json::to_value(&docx.document).unwrap(),
            serde_json::to_value(&rec.document).unwrap(),
            "{name}"
        );
    }
}
