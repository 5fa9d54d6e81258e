//! The issued .docx plans and their variants give the records of the truth files, and the
//! full JSON records equal the reviewed golden files.

mod common;

use common::*;

#[test]
fn corpus_docx_items_equal_truth() {
    let files = fixtures_in("docx", &["docx"]);
    assert_eq!(files.len(), 5);
    for f in files {
        let rec = record(&f);
        assert_matches_truth(&rec, &truth(&f));
        assert_eq!(rec.source.format, "docx");
    }
}

#[test]
fn corpus_docx_records_equal_golden() {
    let files = fixtures_in("docx", &["docx"]);
    assert_eq!(files.len(), 5, "{files:?}");
    let mut recs = Vec::new();
    for f in files {
        let rec = record(&f);
        let name = f
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".docx", ".json");
        recs.push((rec, format!("docx/{name}")));
    }
    assert_goldens(recs.iter().map(|(r, n)| (r, n.clone())));
}

/// The same plan written with Word auto-numbering, vMerge'd lead cells, a two-row merged
/// header, text split over runs, tracked changes, NFD text, a non-`w` prefix, the legacy
/// TCVN3 (with .VnTime fonts) and VNI (without font information) encodings — and all of
/// them at once — gives the same records (made by tools/make_docx_variants.py).
#[test]
fn variants_give_the_same_records() {
    let files = fixtures_in("variants", &["docx"]);
    assert_eq!(files.len(), 10, "{files:?}");
    let mut recs = Vec::new();
    for f in files {
        let rec = record(&f);
        assert_matches_truth(&rec, &truth(&f));
        let name = f
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".docx", ".json");
        recs.push((rec, format!("variants/{name}")));
    }
    assert_goldens(recs.iter().map(|(r, n)| (r, n.clone())));
}

#[test]
fn two_row_header_maps_columns() {
    let rec = record(&fixture("variants/004_eb12abc5933443e7.header2.docx"));
    let roles: Vec<(String, &str)> = rec
        .columns
        .iter()
        .map(|c| (c.header.clone(), c.role.name()))
        .collect();
    assert_eq!(
        roles,
        [
            ("STT".to_string(), "stt"),
            ("Nội dung công việc".to_string(), "content"),
            ("Cơ quan, đơn vị thực hiện Chủ trì".to_string(), "lead"),
            (
                "Cơ quan, đơn vị thực hiện Phối hợp/theo dõi".to_string(),
                "support"
            ),
            ("Thời gian hoàn thành".to_string(), "deadline"),
        ]
    );
}

#[test]
fn metadata_of_the_provincial_decision() {
    let rec = record(&fixture("docx/004_eb12abc5933443e7.A.docx"));
    let d = &rec.document;
    assert_eq!(
        d.issuer.as_deref(),
        Some("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN")
    );
    assert_eq!(d.doc_type.as_deref(), Some("QUYẾT ĐỊNH"));
    let n = d.number.as_ref().unwrap();
    assert_eq!(
        (n.number.as_deref(), n.symbol.as_deref()),
        (Some("3161"), Some("QĐ-UBND"))
    );
    assert_eq!(d.place.as_deref(), Some("Thái Nguyên"));
    let date = d.date.as_ref().unwrap();
    assert_eq!(
        (date.day, date.month, date.year),
        (Some(13), Some(12), Some(2023))
    );
    assert_eq!(d.plan_year, Some(2024));
    assert!(d
        .title
        .as_deref()
        .unwrap()
        .starts_with("Ban hành Kế hoạch kiểm soát thủ tục hành chính"));
    let refs: Vec<String> = d.legal_bases.iter().filter_map(|r| r.reference()).collect();
    assert!(refs.contains(&"61/2018/NĐ-CP".to_string()), "{refs:?}");
    assert!(refs.contains(&"107/2021/NĐ-CP".to_string()), "{refs:?}");
    let s = d.signer.as_ref().unwrap();
    assert_eq!(s.authority.as_deref(), Some("KT."));
    assert_eq!(s.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
    assert_eq!(s.name.as_deref(), Some("Lê Quang Tiến"));
    let a = d.appendix.as_ref().unwrap();
    assert_eq!(
        a.reference.as_ref().unwrap().reference().as_deref(),
        Some("3161/QĐ-UBND")
    );
}

#[test]
fn metadata_of_a_draft_with_blank_number_and_day() {
    let rec = record(&fixture("docx/003_e474f24c970af6a5.A.docx"));
    let d = &rec.document;
    assert_eq!(d.parent_body.as_deref(), Some("UBND TỈNH THÁI NGUYÊN"));
    assert_eq!(d.issuer.as_deref(), Some("SỞ TƯ PHÁP"));
    let n = d.number.as_ref().unwrap();
    assert_eq!(
        (n.number.as_deref(), n.symbol.as_deref()),
        (None, Some("KH-STP"))
    );
    let date = d.date.as_ref().unwrap();
    assert_eq!(
        (date.day, date.month, date.year),
        (None, Some(1), Some(2026))
    );
    assert_eq!(d.plan_year, Some(2026));
    assert_eq!(d.legal_bases.len(), 1);
    assert_eq!(d.legal_bases[0].reference().as_deref(), Some("182/KH-UBND"));
    assert_eq!(d.legal_bases[0].date.as_deref(), Some("2025-12-25"));
    let s = d.signer.as_ref().unwrap();
    assert_eq!(
        (
            s.authority.as_deref(),
            s.position.as_deref(),
            s.name.as_deref()
        ),
        (None, Some("GIÁM ĐỐC"), Some("Vũ Thị Lệ Hằng"))
    );
    assert_eq!(d.recipients.len(), 5);
    assert_eq!(d.recipients[0], "Văn phòng UBND tỉnh");
}

#[test]
fn items_carry_levels_parents_deadlines_and_locations() {
    let rec = record(&fixture("docx/003_e474f24c970af6a5.A.docx"));
    let it = rec.items.iter().find(|i| i.stt == "2.1.2").unwrap();
    assert_eq!((it.level, it.parent.as_deref()), (3, Some("2.1")));
    assert_eq!((it.location.table, it.location.row), (1, 14));
    let it = rec.items.iter().find(|i| i.stt == "1.5").unwrap();
    let dl = serde_json::to_value(&it.deadline).unwrap();
    assert_eq!(
        dl,
        serde_json::json!({"text": "Tháng 3, tháng 4 năm 2026", "kind": "months", "months": [3, 4], "year": 2026})
    );
    let it = rec.items.iter().find(|i| i.stt == "1.1").unwrap();
    assert_eq!(
        serde_json::to_value(&it.deadline).unwrap()["kind"],
        "after_event"
    );
}

#[test]
fn a_plan_without_a_table_warns_instead_of_failing() {
    let rec = record(&fixture("docx/001_6353f7d068eb39a6.A.docx"));
    assert!(rec.items.is_empty());
    assert!(
        rec.warnings
            .iter()
            .any(|w| w.contains("no work-item table")),
        "{:?}",
        rec.warnings
    );
    assert_eq!(rec.document.plan_year, Some(2026));
}
