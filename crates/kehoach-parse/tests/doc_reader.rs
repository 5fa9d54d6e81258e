//! The Word 97–2003 (.doc) reader: every fixture saved as .doc by LibreOffice
//! (`tools/make_doc_fixtures.py`) reads as its .docx does, field for field; merges are spans,
//! tracked changes are accepted, TCVN3 is converted, fields show their results; other OLE
//! files and damaged ones are refused with the error that says what they are.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use kehoach_parse::model::{Block, Document, Format, Table};
use kehoach_parse::{read_document, Limits, ParseError};

fn doc_dir(sub: &str) -> Vec<PathBuf> {
    let dir = if sub.is_empty() {
        "doc".to_string()
    } else {
        format!("doc/{sub}")
    };
    fixtures_in(&dir, &["doc"])
}

fn model(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap();
    read_document(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The document model as JSON, without the reader's name.
fn model_json(path: &Path) -> serde_json::Value {
    let mut v = serde_json::to_value(model(path)).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("format");
    // Tracked changes and comments are read from .docx only (the .doc reader gives the
    // accepted text, as the .docx reader's blocks do).
    o.remove("revisions");
    o.remove("comments");
    v
}

/// The .docx a .doc fixture was saved from.
fn source_docx(doc: &Path) -> PathBuf {
    let name = doc
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .replace(".doc", ".docx");
    let parent = doc.parent().unwrap().file_name().unwrap().to_str().unwrap();
    match parent {
        "own" => doc.with_extension("docx"),
        "variants" => fixture(&format!("variants/{name}")),
        _ if name.starts_with(|c: char| c.is_ascii_digit()) => fixture(&format!("docx/{name}")),
        _ => fixture(&format!("plans/{name}")),
    }
}

fn assert_same_record(doc: &Path) {
    let docx = source_docx(doc);
    let a = record(&docx);
    let b = record(doc);
    assert_eq!(b.source.format, "doc", "{}", doc.display());
    assert_eq!(
        serde_json::to_value(&a.document).unwrap(),
        serde_json::to_value(&b.document).unwrap(),
        "metadata of {}",
        doc.display()
    );
    assert_eq!(a.is_plan, b.is_plan, "{}", doc.display());
    assert_eq!(
        serde_json::to_value(&a.columns).unwrap(),
        serde_json::to_value(&b.columns).unwrap(),
        "{}",
        doc.display()
    );
    assert_eq!(
        items_without_location(&a),
        items_without_location(&b),
        "items of {}",
        doc.display()
    );
}

#[test]
fn seeds_as_doc_give_the_records_of_their_docx() {
    let seeds: Vec<_> = doc_dir("")
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_str().unwrap().ends_with(".A.doc"))
        .collect();
    assert_eq!(seeds.len(), 5);
    for f in &seeds {
        assert_same_record(f);
        assert_matches_truth(&record(f), &truth(f));
    }
}

#[test]
fn own_plans_as_doc_give_their_truth_and_the_records_of_their_docx() {
    #[derive(serde::Deserialize)]
    struct T {
        items: Vec<TruthItem>,
    }
    let plans: Vec<_> = doc_dir("")
        .into_iter()
        .filter(|p| !p.file_name().unwrap().to_str().unwrap().ends_with(".A.doc"))
        .collect();
    assert_eq!(plans.len(), 5);
    for f in &plans {
        assert_same_record(f);
        let truth = fixture("plans").join(f.with_extension("json").file_name().unwrap());
        let t: T = serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap();
        assert_matches_truth(&record(f), &t.items);
    }
}

/// Stronger than the records: the whole document model (every paragraph, its alignment,
/// bold and italic, list labels, every cell with its spans) equals the .docx reader's.
#[test]
fn every_doc_fixture_reads_as_its_docx_block_for_block() {
    let all: Vec<_> = [doc_dir(""), doc_dir("variants"), doc_dir("own")].concat();
    assert_eq!(all.len(), 5 + 5 + 5 + 5);
    for f in &all {
        assert_eq!(model(f).format, Format::Doc);
        assert_eq!(
            model_json(&source_docx(f)),
            model_json(f),
            "{}",
            f.display()
        );
    }
    for f in doc_dir("variants").iter().chain(&doc_dir("own")) {
        assert_same_record(f);
    }
}

fn tables(d: &Document) -> Vec<&Table> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn all_text(d: &Document) -> String {
    serde_json::to_string(d).unwrap()
}

#[test]
fn merged_cells_are_spans_and_nested_tables_stay_in_their_cell() {
    let d = model(&fixture("doc/own/cantho_merges_2026.doc"));
    let t = tables(&d)[1];
    assert_eq!(t.grid_cols, 4);
    // The group row "I | KIỂM TRA CẤP QUẬN, HUYỆN" spans three columns.
    let group = &t.rows[1].cells;
    assert_eq!((group.len(), group[1].col, group[1].col_span), (2, 1, 3));
    // "Phòng Văn thư - Lưu trữ" leads three rows: one cell with row_span 3, then placeholders.
    let lead = &t.rows[2].cells[2];
    assert_eq!((lead.col, lead.row_span), (2, 3));
    assert_eq!(lead.text(), "Phòng Văn thư - Lưu trữ");
    for r in 3..5 {
        assert!(t.rows[r].cells[2].covered, "row {r}");
        assert_eq!(t.cell_at(r, 2).unwrap().1.text(), "Phòng Văn thư - Lưu trữ");
    }
    // The nested table is in the cell that holds it, and its rows are not the outer table's.
    let host = &t.rows[5].cells[1];
    assert_eq!(host.tables.len(), 1);
    assert_eq!(host.tables[0].rows[1].cells[0].text(), "25 phường");
    assert_eq!(t.rows[5].cells[2].text(), "Chánh Văn phòng Sở");
    assert_eq!(t.rows.len(), 6);
    // The seed variant with vMerge too.
    let v = model(&fixture("doc/variants/004_eb12abc5933443e7.vmerge.doc"));
    assert!(tables(&v).iter().any(|t| t
        .rows
        .iter()
        .any(|r| r.cells.iter().any(|c| c.row_span > 1))));
}

#[test]
fn tracked_changes_read_as_accepted() {
    let d = model(&fixture("doc/own/hatinh_xa_tracked_2027.doc"));
    let s = all_text(&d);
    assert!(
        s.contains("Tuyên truyền phổ biến pháp luật trên địa bàn xã năm 2027"),
        "{s}"
    );
    assert!(s.contains("Tổ chức hội nghị tuyên truyền Luật Đất đai"));
    assert!(s.contains("Công chức Tư pháp - Hộ tịch"));
    assert!(s.contains("Tháng 6/2027"));
    for gone in ["huyện", "trực tuyến", "Phòng Tư pháp", "Tháng 3"] {
        assert!(!s.contains(gone), "deleted text {gone:?} shows");
    }
}

#[test]
fn legacy_font_text_is_converted() {
    let d = model(&fixture("doc/own/laocai_tcvn3_2026.doc"));
    let s = all_text(&d);
    assert!(s.contains("KẾ HOẠCH"), "{s}");
    assert!(
        s.contains("Phát triển du lịch cộng đồng huyện Bắc Hà năm 2026"),
        "{s}"
    );
    assert!(s.contains("Phòng Văn hóa và Thông tin"), "{s}");
    // No run names a font, the document's default font is .VnTime: short cells still convert
    // once the document is known to be TCVN3.
    let d = model(&fixture("doc/own/hatinh_tcvn3_default_font.doc"));
    let s = all_text(&d);
    for want in ["Sở Y tế tỉnh Hà Tĩnh", "Nội dung", "Chủ trì", "Văn phòng"] {
        assert!(s.contains(want), "{want}: {s}");
    }
    // TCVN3's ư is the soft hyphen, which .doc stores as its optional-hyphen character.
    let v = record(&fixture("doc/variants/004_eb12abc5933443e7.tcvn3.doc"));
    assert!(v.items.iter().any(|i| i.content.contains("người dân")));
}

#[test]
fn fields_show_their_result_not_their_code() {
    let d = model(&fixture("doc/own/bonoivu_field_2026.doc"));
    let s = all_text(&d);
    assert!(s.contains("Trang 1 - Bộ Nội vụ"), "{s}");
    assert!(!s.contains("PAGE"));
}

fn err(name: &str) -> ParseError {
    let bytes = std::fs::read(fixture(&format!("doc/hostile/{name}"))).unwrap();
    match read_document(&bytes, &Limits::default()) {
        Ok(_) => panic!("{name} read without error"),
        Err(e) => e,
    }
}

#[test]
fn other_ole_files_are_named() {
    let cases = [
        (
            "encrypted_package.docx",
            "encrypted",
            "a .docx saved with a password to open",
        ),
        (
            "encrypted.doc",
            "encrypted",
            "a Word 97–2003 .doc saved with a password to open",
        ),
        (
            "workbook.xls",
            "unsupported",
            "an Excel 97–2003 workbook (.xls); save it as .xlsx",
        ),
        (
            "slides.ppt",
            "unsupported",
            "a PowerPoint 97–2003 presentation (.ppt)",
        ),
        (
            "mail.msg",
            "unsupported",
            "an Outlook e-mail message (.msg); save its attached plan",
        ),
        (
            "other.ole",
            "unsupported",
            "holds no Word document (no WordDocument stream)",
        ),
        (
            "word95.doc",
            "unsupported",
            "a Word 6.0/95 document (file format version 104)",
        ),
    ];
    for (name, code, says) in cases {
        let e = err(name);
        assert_eq!(e.code(), code, "{name}: {e}");
        assert!(e.to_string().contains(says), "{name}: {e}");
    }
}

#[test]
fn hostile_files_are_refused_with_their_cause() {
    let cases = [
        ("truncated.doc", "an OLE compound file (the container of .doc files) that cannot be opened"),
        ("fat_cross.doc", "an OLE compound file (the container of .doc files) that cannot be opened: Malformed FAT (sector 24 pointed to twice)"),
        ("fat_loop.doc", "the WordDocument stream cannot be read: Chain contained duplicate sector id"),
        (
            "ccp_lies.doc",
            "the Word file header says the text has 2147483632 characters, more than the WordDocument stream's",
        ),
        ("clx_past_stream.doc", "the piece table (CLX) is said to be 268435455 bytes at offset"),
        ("piece_past_stream.doc", "piece 0 of the text (15913 characters at byte 1073741568) runs past the end of the WordDocument stream"),
        ("fkp_past_stream.doc", "a character property page is said to be at byte 2147483136, past the end of the WordDocument stream"),
    ];
    for (name, says) in cases {
        let e = err(name);
        assert_eq!(e.code(), "corrupt", "{name}: {e}");
        assert!(e.to_string().contains(says), "{name}: {e}");
    }
    // The file the hostile ones were made from, rewritten by the same container writer,
    // reads as the original: the damage, not the writer, is what is refused.
    assert_eq!(
        model_json(&fixture("doc/hostile/rewritten_ok.doc")),
        model_json(&fixture("doc/004_eb12abc5933443e7.A.doc"))
    );
}

#[test]
fn limits_name_themselves() {
    let bytes = std::fs::read(fixture("doc/004_eb12abc5933443e7.A.doc")).unwrap();
    let l = Limits {
        max_table_rows: 3,
        ..Limits::default()
    };
    let e = read_document(&bytes, &l).unwrap_err();
    assert!(e.to_string().contains("--max-table-rows"), "{e}");
    let l = Limits {
        max_stream_bytes: 1000,
        ..Limits::default()
    };
    let e = read_document(&bytes, &l).unwrap_err();
    assert!(e.to_string().contains("--max-stream-bytes"), "{e}");
    let l = Limits {
        max_table_depth: 0,
        ..Limits::default()
    };
    let e = read_document(&bytes, &l).unwrap_err();
    assert!(e.to_string().contains("--max-table-depth"), "{e}");
}

/// Cut and flipped copies of a .doc end with a result or an error, never a panic (the
/// reader's own `catch_unwind` would turn one into "internal error": refused here too).
#[test]
fn damaged_copies_never_panic() {
    let good = std::fs::read(fixture("doc/own/cantho_merges_2026.doc")).unwrap();
    let mut seed = 0x2026_u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let l = Limits::default();
    for cut in (0..good.len()).step_by(997) {
        if let Err(e) = read_document(&good[..cut], &l) {
            assert!(!e.to_string().contains("internal error"), "cut {cut}: {e}");
        }
    }
    for _ in 0..300 {
        let mut b = good.clone();
        for _ in 0..(1 + rnd() % 8) {
            let i = (rnd() as usize) % b.len();
            b[i] = rnd() as u8;
        }
        if let Err(e) = read_document(&b, &l) {
            assert!(!e.to_string().contains("internal error"), "{e}");
        }
    }
}
