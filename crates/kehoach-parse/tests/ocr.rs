//! OCR of scanned plans: our own fixture plans (fixtures/plans/*.pdf) as a scanner makes them
//! (fixtures/ocr, written by tools/make_ocr_fixtures.py: 150–200 dpi, turned about a degree,
//! noise, JPEG or 1-bit Flate, no text layer), read with `OcrMode::Auto` and held to the
//! truth written for the plans (fixtures/plans/*.json).
//!
//! These need Tesseract with its Vietnamese model, so they are ignored by default; `.ci/run`
//! installs `tesseract-ocr tesseract-ocr-vie` and runs them with `--ignored`. The tests that
//! do not need it (the `needs_ocr` outcome without OCR) are not ignored.

use std::path::PathBuf;

use kehoach_parse::limits::OcrMode;
use kehoach_parse::record::Record;
use kehoach_parse::{parse_bytes, Limits, ParseError};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scan(name: &str) -> Vec<u8> {
    let p = root().join(format!("fixtures/ocr/{name}.scan.pdf"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn truth(name: &str) -> Value {
    let p = root().join(format!("fixtures/plans/{name}.json"));
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

fn ocr_limits() -> Limits {
    Limits {
        ocr: OcrMode::Auto,
        max_seconds: 0.0,
        ..Limits::default()
    }
}

/// The record of a scanned fixture, read with OCR, as JSON.
fn read(name: &str) -> Value {
    let bytes = scan(name);
    let parsed = parse_bytes(&bytes, &ocr_limits()).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(Record::new(name, &bytes, parsed)).unwrap()
}

fn key(s: &str) -> String {
    kehoach_text::match_key(s)
}

/// Text as OCR gives it: equal to the truth on match keys, or at least `min` similar
/// character by character (1 − edit distance / length, spaces and punctuation left out: OCR
/// glues words, "SởYtế,Sở").
fn close(got: &str, want: &str, min: f64) -> bool {
    let (a, b) = (key(got), key(want));
    if a == b {
        return true;
    }
    let a: Vec<char> = a.chars().filter(|c| c.is_alphanumeric()).collect();
    let b: Vec<char> = b.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + (ca != cb) as usize).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    let n = a.len().max(b.len()).max(1);
    1.0 - row[b.len()] as f64 / n as f64 >= min
}

/// Items of the truth found in the record (in order, content at least 0.8 similar), and of
/// their STT, content, lead and deadline cells those that are right (0.97 similar).
fn score(rec: &Value, truth: &Value) -> (usize, usize, usize) {
    let items = rec["items"].as_array().unwrap();
    let (mut found, mut cells, mut right) = (0, 0, 0);
    let mut from = 0;
    for t in truth["items"].as_array().unwrap() {
        let want = t["content"].as_str().unwrap();
        let Some(k) = (from..items.len())
            .find(|&k| close(items[k]["content"].as_str().unwrap_or(""), want, 0.8))
        else {
            continue;
        };
        from = k + 1;
        found += 1;
        let got = &items[k];
        let stt = |v: &Value| v.as_str().unwrap_or("").trim_end_matches('.').to_string();
        cells += 4;
        right += (stt(&got["stt"]) == stt(&t["stt"])) as usize;
        right += close(got["content"].as_str().unwrap_or(""), want, 0.97) as usize;
        let lead = |v: &Value| {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| x.as_str().or(x["name"].as_str()).unwrap_or("").to_string())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .unwrap_or_default()
        };
        right += close(&lead(&got["lead"]), &lead(&t["lead"]), 0.97) as usize;
        let dl = got["deadline"]["text"].as_str().unwrap_or("");
        right += close(dl, t["deadline"].as_str().unwrap_or(""), 0.97) as usize;
    }
    (found, cells, right)
}

fn assert_plan(name: &str) -> Value {
    let rec = read(name);
    let t = truth(name);
    let n = t["items"].as_array().unwrap().len();
    let (found, cells, right) = score(&rec, &t);
    assert_eq!(found, n, "{name}: items found {found}/{n}\n{rec:#}");
    assert!(
        right * 10 >= cells * 8,
        "{name}: cells right {right}/{cells}\n{rec:#}"
    );
    let d = &rec["document"];
    let td = &t["document"];
    assert_eq!(d["number"]["number"], td["number"], "{name}: {d}");
    assert_eq!(d["number"]["symbol"], td["symbol"], "{name}: {d}");
    assert_eq!(d["date"]["day"], td["date_day"], "{name}: {d}");
    assert_eq!(d["date"]["month"], td["date_month"], "{name}: {d}");
    assert_eq!(d["date"]["year"], td["date_year"], "{name}: {d}");
    // The ocr block: every page read, with the skew found and the raw text kept.
    let pages = rec["ocr"]["pages"].as_array().unwrap();
    assert!(!pages.is_empty(), "{name}");
    for p in pages {
        assert!(p["mean_confidence"].as_f64().unwrap() > 70.0, "{name}: {p}");
        assert!(!p["raw_text"].as_str().unwrap().is_empty(), "{name}: {p}");
        assert_eq!(p["source"], "image", "{name}: the page's own image is read");
    }
    assert_eq!(rec["ocr"]["language"], "vie");
    rec
}

#[test]
#[ignore = "needs tesseract: .ci/run runs them with --ignored"]
fn can_tho_inspection_plan_one_jpeg_page() {
    let rec = assert_plan("cantho_kiemtra_2026");
    let d = &rec["document"];
    assert!(
        close(d["issuer"].as_str().unwrap(), "SỞ NỘI VỤ", 0.99),
        "{d}"
    );
    let items = rec["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[1]["content"], "UBND xã Phong Điền");
    assert_eq!(items[1]["deadline"]["kind"], "months");
    assert_eq!(items[1]["deadline"]["months"], serde_json::json!([5]));
    assert_eq!(items[2]["deadline"]["quarters"], serde_json::json!([3]));
    // Skew: the sheet was turned 0.9°.
    let skew = rec["ocr"]["pages"][0]["deskew_degrees"].as_f64().unwrap();
    assert!((skew - 0.9).abs() < 0.3, "{skew}");
}

#[test]
#[ignore = "needs tesseract: .ci/run runs them with --ignored"]
fn ha_tinh_commune_plan_two_appendix_tables() {
    let rec = assert_plan("hatinh_xa_tuyentruyen_2026");
    let items = rec["items"].as_array().unwrap();
    let stts: Vec<&str> = items.iter().map(|i| i["stt"].as_str().unwrap()).collect();
    assert_eq!(stts, ["1", "2", "3", "1", "2"]);
    assert_eq!(items[2]["lead"][0], "Bộ phận Một cửa xã");
    assert_eq!(items[3]["deadline"]["text"], "Quý II/2026");
    assert_eq!(items[1]["deadline"]["text"], "Hằng tháng, trước ngày 20");
}

#[test]
#[ignore = "needs tesseract: .ci/run runs them with --ignored"]
fn lao_cai_plan_table_continued_over_three_scanned_pages() {
    let rec = assert_plan("laocai_ccch_2026");
    let items = rec["items"].as_array().unwrap();
    let i = items
        .iter()
        .position(|i| {
            close(
                i["content"].as_str().unwrap(),
                "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính",
                0.8,
            )
        })
        .expect("item 3 of part II");
    assert_eq!(
        items[i]["deadline"]["text"],
        "Trước ngày 05 của tháng liền kề"
    );
    // One table: the pages' parts were joined (a continuation, not three tables).
    assert!(
        !rec["warnings"]
            .to_string()
            .contains("without STT before any numbered row"),
        "{}",
        rec["warnings"]
    );
}

#[test]
#[ignore = "needs tesseract: .ci/run runs them with --ignored"]
fn quang_ninh_plan_one_bit_flate_scan_at_200_dpi() {
    let rec = assert_plan("quangninh_so_2027");
    assert_eq!(rec["ocr"]["pages"][0]["dpi"], 200);
    let items = rec["items"].as_array().unwrap();
    let t = items.iter().find(|i| i["stt"] == "1.2").expect("1.2");
    assert_eq!(t["deadline"]["date"], "2027-06-30");
    assert_eq!(t["lead"][0], "Trung tâm Lưu trữ lịch sử");
}

#[test]
#[ignore = "needs tesseract: .ci/run runs them with --ignored"]
fn low_confidence_cells_are_listed_and_ocr_block_is_absent_for_text_pdfs() {
    // A text PDF is not OCR'd in auto mode: no ocr block.
    let text = std::fs::read(root().join("fixtures/plans/cantho_kiemtra_2026.pdf")).unwrap();
    let parsed = parse_bytes(&text, &ocr_limits()).unwrap();
    assert!(parsed.document.ocr.is_none());
    // Always: the text page is read by OCR too.
    let always = Limits {
        ocr: OcrMode::Always,
        ..ocr_limits()
    };
    let parsed = parse_bytes(&text, &always).unwrap();
    assert_eq!(parsed.document.ocr.as_ref().map(|o| o.pages.len()), Some(1));
    assert_eq!(parsed.plan.items.len(), 5);
    // Every warning about a cell names its table, row and column.
    let rec = read("laocai_ccch_2026");
    for w in rec["warnings"].as_array().unwrap() {
        let w = w.as_str().unwrap();
        if w.starts_with("OCR: low confidence") {
            assert!(
                w.contains("table ") && w.contains(", row ") && w.contains(", column "),
                "{w}"
            );
        }
    }
}

#[test]
fn without_ocr_a_scan_is_needs_ocr_with_the_install_hint() {
    {
        let mode = OcrMode::Never;
        let l = Limits {
            ocr: mode,
            ..Limits::default()
        };
        let e = parse_bytes(&scan("cantho_kiemtra_2026"), &l).unwrap_err();
        assert!(matches!(e, ParseError::NeedsOcr { pages: 1 }), "{e:?}");
        assert!(
            e.to_string()
                .contains("apt-get install tesseract-ocr tesseract-ocr-vie"),
            "{e}"
        );
    }
    // The library's default is Never: callers that do not ask keep the needs_ocr outcome.
    assert_eq!(Limits::default().ocr, OcrMode::Never);
    let e = parse_bytes(&scan("laocai_ccch_2026"), &Limits::default()).unwrap_err();
    assert!(matches!(e, ParseError::NeedsOcr { pages: 3 }), "{e:?}");
}
