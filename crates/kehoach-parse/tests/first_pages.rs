//! First pages of plans and other documents, written by hand in the layouts people get when
//! they copy a document from a legal-text site into text (`fixtures/firstpages/*.txt`): the
//! two-column header flattened in either order or into "|" cells, the number and the date on
//! one line, a date broken over two lines, blank numbers and days in drafts, Party and
//! ministry headers, several-line titles, signer blocks in any layout. Every header field of
//! each is compared with `fixtures/firstpages/expected.json` (written by hand), and the field
//! accuracy is printed (`cargo test --test first_pages -- --nocapture`).

mod common;

use common::*;
use serde_json::{json, Value};

fn got_fields(rec: &kehoach_parse::record::Record) -> Value {
    let d = &rec.document;
    // Through JSON, so that the test reads fields that a version of the model may not have.
    let v = serde_json::to_value(d).unwrap();
    let date = d.date.as_ref().map(|d| json!([d.day, d.month, d.year]));
    let signer = d.signer.as_ref().map(|s| {
        let o = |x: &Option<String>| x.clone().unwrap_or_default();
        format!(
            "{}|{}|{}|{}",
            o(&s.authority),
            o(&s.on_behalf_of),
            o(&s.position),
            o(&s.name)
        )
    });
    json!({
        "doc_type": d.doc_type,
        "type_code": v.get("type_code").cloned().unwrap_or(Value::Null),
        "number": d.number.as_ref().and_then(|n| n.number.clone()),
        "symbol": d.number.as_ref().and_then(|n| n.symbol.clone()),
        "date": date,
        "place": d.place,
        "issuer": d.issuer,
        "parent_body": d.parent_body,
        "title": d.title,
        "is_plan": kehoach_parse::plan::meta::is_plan(d),
        "signer": signer,
    })
}

#[test]
fn first_pages_header_fields() {
    let expected: serde_json::Map<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(fixture("firstpages/expected.json")).unwrap(),
    )
    .unwrap();
    let files = fixtures_in("firstpages", &["txt"]);
    assert!(files.len() >= 20, "{} first pages", files.len());
    let (mut right, mut total) = (0usize, 0usize);
    let mut per_field: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut diffs = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let want = expected
            .get(name)
            .unwrap_or_else(|| panic!("{name}: no entry in expected.json"));
        let got = got_fields(&record(path));
        for (field, w) in want.as_object().unwrap() {
            let g = &got[field.as_str()];
            let ok = g == w;
            total += 1;
            right += ok as usize;
            let e = per_field
                .entry(match field.as_str() {
                    "doc_type" => "doc_type",
                    "type_code" => "type_code",
                    "number" => "number",
                    "symbol" => "symbol",
                    "date" => "date",
                    "place" => "place",
                    "issuer" => "issuer",
                    "parent_body" => "parent_body",
                    "title" => "title",
                    "is_plan" => "is_plan",
                    _ => "signer",
                })
                .or_default();
            e.0 += ok as usize;
            e.1 += 1;
            if !ok {
                diffs.push(format!("{name} {field}: want {w}, got {g}"));
            }
        }
    }
    println!(
        "first pages: {right}/{total} fields right ({:.1}%)",
        100.0 * right as f64 / total as f64
    );
    for (f, (r, t)) in &per_field {
        println!("  {f:12} {r}/{t}");
    }
    assert!(
        diffs.is_empty(),
        "{} of {total} fields differ:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// Header-shaped garbage: fragments of header lines (numbers, dates, type lines, "|" cells,
/// spaced letters, lone marks) shuffled into many lines never panic and stay fast.
#[test]
fn header_fragments_never_panic() {
    let parts = [
        "Số:",
        "Số",
        "/KH-",
        "-KH/",
        "ngày",
        "tháng",
        "năm",
        "2026",
        "31",
        "/",
        "|",
        "\t",
        ",",
        "K Ế",
        "H O Ạ C H",
        "KẾ HOẠCH",
        "QUYẾT ĐỊNH",
        "V/v",
        "Kính gửi:",
        "ỦY BAN NHÂN DÂN",
        "TỈNH",
        "VÀ",
        "&",
        "-----",
        "*",
        "(Đã ký)",
        "KT. CHỦ TỊCH",
        "TM.",
        "Nơi nhận:",
        "- ",
        "Căn cứ",
        "I.",
        "Điều 1.",
        "(Kèm theo Kế hoạch số",
        "Phụ lục",
        "ẞ",
        "İ",
        "\u{301}",
        "…",
        "Tp.",
        "Đ",
        "DỰ THẢO",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Độc lập - Tự do",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // No clock: the speed of the header scan is in `benches/`; here, no panic and a bounded
    // outcome.
    for _ in 0..300 {
        let mut text = String::new();
        let lines = 1 + next() % 40;
        for _ in 0..lines {
            for _ in 0..(next() % 7) {
                text.push_str(parts[(next() % parts.len() as u64) as usize]);
                if next() % 3 > 0 {
                    text.push(' ');
                }
            }
            text.push('\n');
        }
        if let Ok(p) = kehoach_parse::parse_bytes(text.as_bytes(), &Default::default()) {
            let _ = kehoach_parse::plan::meta::is_plan(&p.plan.document);
        }
    }
    // One long header-looking line with many cells.
    let long = "ỦY BAN NHÂN DÂN | Số: 1/KH-UBND | ngày 1 tháng 1 năm 2026 | ".repeat(20_000);
    let p = kehoach_parse::parse_bytes(long.as_bytes(), &Default::default()).expect("text reads");
    assert_eq!(
        (
            p.document.blocks.len(),
            p.plan.items.len(),
            p.plan.document.number.clone()
        ),
        (1, 0, None)
    );
}
