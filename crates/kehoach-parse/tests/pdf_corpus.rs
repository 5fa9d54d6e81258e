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
