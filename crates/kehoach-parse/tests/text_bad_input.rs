//! The text reader on bad or unusual input: other encodings, ragged rows, broken markup,
//! junk. Clear errors or warnings, never a panic.

use std::path::{Path, PathBuf};

use kehoach_parse::model::{Block, Document};
use kehoach_parse::{text, Limits, ParseError};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn read(s: &str) -> Document {
    text::read(s.as_bytes(), &Limits::default()).unwrap()
}

fn blocks_json(d: &Document) -> serde_json::Value {
    serde_json::to_value(&d.blocks).unwrap()
}

#[test]
fn windows_1258_seed_reads_like_utf8() {
    let legacy = std::fs::read(fixtures().join("text/004_eb12abc5933443e7.cp1258.txt")).unwrap();
    assert!(std::str::from_utf8(&legacy).is_err());
    let utf8 = std::fs::read(fixtures().join("text/004_eb12abc5933443e7.txt")).unwrap();
    let a = text::read(&legacy, &Limits::default()).unwrap();
    let b = text::read(&utf8, &Limits::default()).unwrap();
    assert_eq!(blocks_json(&a), blocks_json(&b));
    assert!(
        a.warnings.iter().any(|w| w.contains("windows-1258")),
        "{:?}",
        a.warnings
    );
    // Through the sniffer too: windows-1258 text is text.
    let sniffed = kehoach_parse::read_document(&legacy, &Limits::default()).unwrap();
    assert_eq!(blocks_json(&sniffed), blocks_json(&b));
}

#[test]
fn mixed_encodings_and_boms() {
    let mut bytes = "STT\tNội dung\tCơ quan\n1\tViệc một\t".as_bytes().to_vec();
    bytes.extend_from_slice(b"S\xf5\xd2\n"); // "Sở" in windows-1258: ơ, then the hook as a combining mark
    let d = text::read(&bytes, &Limits::default()).unwrap();
    assert!(
        d.warnings.iter().any(|w| w.contains("mixes")),
        "{:?}",
        d.warnings
    );
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows[1].cells[1].text(), "Việc một");
    assert_eq!(t.rows[1].cells[2].text(), "Sở");

    let mut utf16 = vec![0xFF, 0xFE];
    for u in "KẾ HOẠCH\r\nSố: 1/KH".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let d = text::read(&utf16, &Limits::default()).unwrap();
    let p: Vec<_> = d.paragraphs().map(|p| p.text.clone()).collect();
    assert_eq!(p, ["KẾ HOẠCH", "Số: 1/KH"]);

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("Kế hoạch".as_bytes());
    assert_eq!(
        text::read(&bom, &Limits::default())
            .unwrap()
            .paragraphs()
            .next()
            .unwrap()
            .text,
        "Kế hoạch"
    );
}

#[test]
fn crlf_reads_like_lf() {
    let seed = std::fs::read_to_string(fixtures().join("text/002_ee099550d2cd63e2.txt")).unwrap();
    let crlf = seed.replace('\n', "\r\n");
    assert_eq!(blocks_json(&read(&seed)), blocks_json(&read(&crlf)));
}

#[test]
fn ragged_rows_are_padded_with_a_warning() {
    let d = read("STT\tNội dung\tChủ trì\tPhối hợp\n1\tViệc\tSở Tư pháp\n2\tViệc hai\tVăn phòng\tSở\tThường xuyên\n3\ta\tb\tc\n");
    let t = d.tables().next().unwrap();
    assert_eq!(t.grid_cols, 4);
    assert!(t.rows.iter().all(|r| r.cells.len() == 4));
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
    assert!(
        d.warnings[0].contains("line 2") && d.warnings[0].contains("padded"),
        "{}",
        d.warnings[0]
    );
    assert!(d.warnings[1].contains("line 3"), "{}", d.warnings[1]);
    assert_eq!(t.rows[2].cells[3].text(), "Sở Thường xuyên");

    let d = read("| STT | Nội dung |\n|---|---|\n| 1 |\n| 2 | b | c |\n");
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows.len(), 3);
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
}

#[test]
fn pipe_table_variants() {
    // No outer pipes, escaped pipe, alignment colons.
    let d = read("STT | Nội dung\n:--|:--:\n1 | a \\| b\n2 | <b>đậm</b><br>dòng hai\n");
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows.len(), 3);
    assert!(t.rows[0].repeat_header);
    assert_eq!(t.rows[1].cells[1].text(), "a | b");
    assert_eq!(t.rows[2].cells[1].lines(), ["đậm", "dòng hai"]);
    assert!(t.rows[2].cells[1].paragraphs[0].bold);
    assert!(!t.rows[2].cells[1].paragraphs[1].bold);
}

#[test]
fn different_tables_stay_apart_and_headerless_pieces_join() {
    let d = read("| A | B |\n|---|---|\n| 1 | x |\n\n| C | D |\n|---|---|\n| 2 | y |\n");
    assert_eq!(d.tables().count(), 2);

    // The second piece lost its header: its "header" is a numbered data row.
    let d = read("| STT | Nội dung |\n|---|---|\n| 1 | x |\n\n| 2 | y |\n|---|---|\n| 3 | z |\n");
    let t: Vec<_> = d.tables().collect();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows.len(), 4);
    assert!(!t[0].rows[2].repeat_header);

    // A paragraph between pieces ends the table.
    let d = read("| STT | Nội dung |\n|---|---|\n| 1 | x |\n\nGhi chú\n\n| STT | Nội dung |\n|---|---|\n| 2 | y |\n");
    assert_eq!(d.tables().count(), 2);
}

#[test]
fn continuation_rows_merge_across_pieces() {
    let d = read(
        "| STT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Tổ chức kiểm tra | - Văn phòng UBND |\n\n\
         | STT | Nội dung | Chủ trì |\n|---|---|---|\n| | công tác | tỉnh; - Sở Tư pháp |\n| 2 | b | c |\n",
    );
    let t = d.tables().next().unwrap();
    let data: Vec<_> = t.rows.iter().filter(|r| !r.repeat_header).collect();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0].cells[1].text(), "Tổ chức kiểm tra công tác");
    assert_eq!(
        data[0].cells[2].lines(),
        ["- Văn phòng UBND tỉnh;", "- Sở Tư pháp"]
    );
}

#[test]
fn broken_markup_is_text() {
    let d =
        read("**không đóng\n\n<b>mở <i>lồng</b> x\n\n5 < 7 & 8 > 2 &bogus; &#99999999;\n\n# \n");
    let p: Vec<_> = d.paragraphs().map(|p| (p.text.clone(), p.bold)).collect();
    assert_eq!(p[0], ("**không đóng".to_string(), false));
    assert_eq!(p[1].0, "mở lồng x");
    assert_eq!(p[2].0, "5 < 7 & 8 > 2 &bogus; \u{FFFD}");
    assert_eq!(p.len(), 3);
}

#[test]
fn junk_and_limits() {
    assert!(matches!(
        text::read(b"", &Limits::default()),
        Err(ParseError::Empty)
    ));
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let err = text::read(&junk, &Limits::default()).unwrap_err();
    assert!(matches!(err, ParseError::Unsupported(_)), "{err}");
    assert!(err.to_string().contains("binary"));

    let big = "a\tb\tc\n".repeat(100);
    let small = Limits {
        max_table_rows: 10,
        ..Limits::default()
    };
    let err = text::read(big.as_bytes(), &small).unwrap_err();
    assert!(
        matches!(
            err,
            ParseError::Limit {
                flag: "--max-table-rows",
                ..
            }
        ),
        "{err}"
    );
    let small = Limits {
        max_cells: 50,
        ..Limits::default()
    };
    let err = text::read(big.as_bytes(), &small).unwrap_err();
    assert!(
        matches!(
            err,
            ParseError::Limit {
                flag: "--max-cells",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn every_block_is_in_order() {
    let d = read("Trước\n\nA\tB\tC\n1\t2\t3\n\nSau\n");
    let kinds: Vec<&str> = d
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "p",
            Block::Table(_) => "t",
        })
        .collect();
    assert_eq!(kinds, ["p", "t", "p"]);
}

#[test]
fn tab_table_with_repeated_header_and_cut_row() {
    let d = read(
        "STT\tNội dung\tChủ trì\n1.\tXây dựng kế hoạch\t- Sở Tư pháp\n\n\
         STT\tNội dung\tChủ trì\n\tnăm 2026\t- Văn phòng\n2.\tBáo cáo\tVăn phòng\n",
    );
    let t = d.tables().next().unwrap();
    assert_eq!(d.tables().count(), 1);
    let headers: Vec<bool> = t.rows.iter().map(|r| r.repeat_header).collect();
    assert_eq!(headers, [true, false, true, false]);
    assert_eq!(t.rows[1].cells[1].text(), "Xây dựng kế hoạch năm 2026");
    assert_eq!(t.rows[1].cells[2].lines(), ["- Sở Tư pháp", "- Văn phòng"]);
}

#[test]
fn rows_that_lost_trailing_tabs() {
    let d = read("STT\tNội dung\tChủ trì\tThời gian\n1.\tXây dựng\tVăn phòng\tNăm 2026\n\tkế hoạch\n2.\tBáo cáo\n\n\tSau đoạn trống\n");
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[1].cells[1].text(), "Xây dựng kế hoạch");
    assert_eq!(t.rows[2].cells[1].text(), "Báo cáo");
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
    // After a blank line a one-tab line is body text (an indented paragraph).
    assert_eq!(d.paragraphs().last().unwrap().text, "Sau đoạn trống");
}
