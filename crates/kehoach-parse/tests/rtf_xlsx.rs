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
    assert_eq!(
        items_without_location(a),
        items_without_location(b),
        "{name}: items"
    );
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

// ---------------------------------------------------------------------------------------
// Hand-written RTF (tools/make_rtf_fixtures.py).

fn all_text(d: &Document) -> String {
    fn table(t: &Table, out: &mut String) {
        for r in &t.rows {
            for c in &r.cells {
                out.push_str(&c.text());
                out.push('\n');
                for n in &c.tables {
                    table(n, out);
                }
            }
        }
    }
    let mut s = String::new();
    for b in &d.blocks {
        match b {
            Block::Paragraph(p) => {
                s.push_str(&p.display_text());
                s.push('\n');
            }
            Block::Table(t) => table(t, &mut s),
        }
    }
    s
}

fn paragraph_texts(d: &Document) -> Vec<String> {
    d.paragraphs().map(|p| p.display_text()).collect()
}

type ItemRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Vec<&'a str>,
    Vec<&'a str>,
    &'a str,
);

fn item_rows(r: &Record) -> Vec<ItemRow<'_>> {
    r.items
        .iter()
        .map(|i| {
            (
                i.stt.as_str(),
                match i.kind {
                    kehoach_parse::plan::ItemKind::Group => "group",
                    _ => "task",
                },
                i.content.as_str(),
                i.lead.iter().map(String::as_str).collect(),
                i.support.iter().map(String::as_str).collect(),
                i.deadline.text.as_str(),
            )
        })
        .collect()
}

/// A commune plan of Hà Tĩnh written as Word writes RTF: metadata from the header table,
/// every item with its merged lead, and nothing from the header, footer, field code,
/// deleted or hidden text.
#[test]
fn handmade_commune_plan_reads_as_written() {
    let f = rtf("handmade_xa_camxuyen_2027.rtf");
    let r = record(&f);
    let d = &r.document;
    assert_eq!(d.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN XÃ CẨM XUYÊN"));
    let n = d.number.as_ref().unwrap();
    assert_eq!(
        (n.number.as_deref(), n.symbol.as_deref()),
        (Some("27"), Some("KH-UBND"))
    );
    let date = d.date.as_ref().unwrap();
    assert_eq!(
        (date.day, date.month, date.year),
        (Some(12), Some(1), Some(2027))
    );
    assert_eq!(d.place.as_deref(), Some("Cẩm Xuyên"));
    assert!(r.is_plan);
    let vh = "Công chức Văn hóa - Xã hội";
    assert_eq!(
        item_rows(&r),
        vec![
            ("I", "group", "Công tác tuyên truyền", vec![], vec![], ""),
            (
                "1",
                "task",
                "Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh xã",
                vec![vh],
                vec!["Các thôn, tổ dân phố"],
                "Thường xuyên"
            ),
            (
                "2",
                "task",
                "Tổ chức tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
                vec![vh],
                vec!["Đoàn Thanh niên xã"],
                "Quý II/2027"
            ),
            ("II", "group", "Hạ tầng số", vec![], vec![], ""),
            (
                "1",
                "task",
                "Rà soát, nâng cấp mạng nội bộ tại Bộ phận một cửa",
                vec!["Văn phòng HĐND và UBND xã"],
                vec!["Viễn thông Hà Tĩnh"],
                "Trước ngày 30/6/2027"
            ),
            (
                "2",
                "task",
                "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                vec!["Công chức Tư pháp - Hộ tịch"],
                vec!["Bưu điện xã"],
                "Tháng 9/2027"
            ),
        ]
    );
    let doc = read(&f);
    let text = all_text(&doc);
    for absent in [
        "999",
        "đầu trang",
        "Nghệ An",
        "không được đọc",
        "HYPERLINK",
        "example",
        "hội nghị",
        "mã nội bộ",
        "Normal",
        "Times New Roman",
        "Van phong",
        "\\",
    ] {
        assert!(!text.contains(absent), "{absent:?} in {text}");
    }
    let paras = paragraph_texts(&doc);
    for want in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ",
        "Thông tin được đăng trên Cổng thông tin điện tử xã.",
        "Tổ chức tuyên truyền đến từng thôn.",
        "Căn cứ Kế hoạch số 15/KH-UBND ngày 05/01/2027 của UBND huyện Cẩm Xuyên về chuyển đổi số năm 2027;",
    ] {
        assert!(paras.iter().any(|p| p == want), "{want:?} not in {paras:#?}");
    }
    let label = doc
        .paragraphs()
        .find(|p| p.text == "MỤC ĐÍCH, YÊU CẦU")
        .unwrap();
    assert_eq!(label.list_label.as_deref(), Some("I."));
    assert!(label.bold);
}

/// `\ucN` fallbacks: none after `\uc0`, two bytes after `\uc2`, one by default; a surrogate
/// pair is one character.
#[test]
fn unicode_escapes_and_their_fallbacks() {
    let doc = read(&rtf("handmade_xa_camxuyen_2027.rtf"));
    assert!(
        paragraph_texts(&doc).iter().any(|p| p == "Phướngứ chế 📌"),
        "{:#?}",
        paragraph_texts(&doc)
    );
    let one = |s: &str| -> String {
        let d = read_document(s.as_bytes(), &Limits::default()).unwrap();
        d.paragraphs()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join("|")
    };
    // A negative \uN counts from 65536; a group end stops the fallback count.
    assert_eq!(one("{\\rtf1 {\\uc3 \\u-1?}x\\par}"), "\u{ffff}x");
    // A lone surrogate reads as U+FFFD; nothing panics.
    assert_eq!(
        one("{\\rtf1 \\u-10179?A\\u-9012?\\par}"),
        "\u{fffd}A\u{fffd}"
    );
    assert_eq!(one("{\\rtf1 \\uc0\\u272\\u7889 ng Nai\\par}"), "Đống Nai");
    // The fallback skip counts an escape and a control word as one character each.
    assert_eq!(one("{\\rtf1 \\uc2\\u7875\\'3f\\'3fm tra\\par}"), "ểm tra");
    assert_eq!(one("{\\rtf1 \\uc1\\u7879\\tab xong\\par}"), "ệxong");
}

/// `\'hh` bytes are read in the font's code page: the document's `\ansicpg` for ANSI fonts,
/// `\fcharsetN` otherwise, `\cpgN` above both.
#[test]
fn hex_bytes_follow_the_font_code_page() {
    let one = |s: &str| -> String {
        let d = read_document(s.as_bytes(), &Limits::default()).unwrap();
        d.paragraphs()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join("|")
    };
    let fonts = "{\\fonttbl{\\f0\\fcharset0 Times New Roman;}{\\f1\\fcharset204 Times New Roman Cyr;}\
                 {\\f2\\fcharset128 MS Mincho;}{\\f3\\fcharset0\\cpg1250 Arial CE;}{\\f4\\fcharset163 Arial;}}";
    // cp1258: base letter then the tone mark as a combining byte.
    assert_eq!(
        one(&format!(
            "{{\\rtf1\\ansi\\ansicpg1258{fonts}\\f0 Xa\\'de Th\\'f5\\'ecm C\\'e2\\'ccn\\par}}"
        )),
        "Xã Thớm Cần"
    );
    assert_eq!(
        one(&format!(
            "{{\\rtf1\\ansi\\ansicpg1252{fonts}\\f4 M\\'fd\\'ecc Th\\'f5\\'ecm\\par}}"
        )),
        "Mức Thớm"
    );
    // Windows-1252 without \ansicpg; Cyrillic, Shift_JIS (two bytes a character), \cpg.
    assert_eq!(
        one(&format!("{{\\rtf1\\ansi{fonts}\\f0 caf\\'e9\\par}}")),
        "café"
    );
    assert_eq!(
        one(&format!(
            "{{\\rtf1\\ansi\\ansicpg1258{fonts}\\f1 \\'cf\\'f0\\'e8\\'ea\\'e0\\'e7\\par}}"
        )),
        "Приказ"
    );
    assert_eq!(
        one(&format!(
            "{{\\rtf1\\ansi{fonts}\\f2 \\'93\\'fa\\'96\\'7b\\par}}"
        )),
        "日本"
    );
    assert_eq!(
        one(&format!("{{\\rtf1\\ansi{fonts}\\f3 \\'8a\\'9a\\par}}")),
        "Šš"
    );
}

/// A ward plan of Cần Thơ typed in .VnTime / .VnTimeH (TCVN3 bytes) reads in Unicode.
#[test]
fn tcvn3_fonts_are_converted() {
    let f = rtf("handmade_tcvn3_phuong_2026.rtf");
    let doc = read(&f);
    let paras = paragraph_texts(&doc);
    assert_eq!(
        paras,
        [
            "KẾ HOẠCH",
            "Phòng, chống thiên tai trên địa bàn phường năm 2026",
            "Căn cứ Luật Phòng, chống thiên tai năm 2013;",
            "II. NHIỆM VỤ"
        ]
    );
    let r = record(&f);
    assert_eq!(
        r.document.issuer.as_deref(),
        Some("ỦY BAN NHÂN DÂN PHƯỜNG AN KHÁNH")
    );
    assert_eq!(r.document.place.as_deref(), Some("An Khánh"));
    assert_eq!(
        item_rows(&r),
        vec![
            (
                "1",
                "task",
                "Kiện toàn Ban chỉ huy phòng, chống thiên tai phường",
                vec!["Văn phòng HĐND và UBND phường"],
                vec!["Các khu vực"],
                "Tháng 4/2026"
            ),
            (
                "2",
                "task",
                "Tổ chức diễn tập ứng phó ngập lụt tại khu vực 3",
                vec!["Ban chỉ huy Quân sự phường"],
                vec!["Công an phường"],
                "Quý III/2026"
            ),
            (
                "3",
                "task",
                "Tuyên truyền kỹ năng ứng phó thiên tai cho người dân",
                vec!["Hội Liên hiệp Phụ nữ phường"],
                vec!["Đoàn Thanh niên phường"],
                "Thường xuyên"
            ),
        ]
    );
}

/// Spans as spans: a group row merged over four columns (`\clmgf`/`\clmrg`), a lead merged
/// down two rows (`\clvmgf`/`\clvmrg`), a repeated header row, a nested table in a cell, and
/// the borderless header block.
#[test]
fn handmade_spans_and_nesting() {
    let doc = read(&rtf("handmade_xa_camxuyen_2027.rtf"));
    let tables: Vec<&Table> = doc.tables().collect();
    assert_eq!(tables.len(), 2);
    assert!(tables[0].borderless);
    let t = tables[1];
    assert!(!t.borderless);
    assert_eq!(t.grid_cols, 5);
    assert!(t.rows[0].repeat_header && !t.rows[1].repeat_header);
    let spans = |r: usize| -> Vec<(usize, usize, usize, bool)> {
        t.rows[r]
            .cells
            .iter()
            .map(|c| (c.col, c.col_span, c.row_span, c.covered))
            .collect()
    };
    assert_eq!(spans(1), [(0, 1, 1, false), (1, 4, 1, false)]);
    assert_eq!(t.rows[1].cells[1].text(), "Công tác tuyên truyền");
    assert_eq!(spans(2)[2], (2, 1, 2, false));
    assert_eq!(spans(3)[2], (2, 1, 1, true));
    assert_eq!(
        t.cell_at(3, 2).unwrap().1.text(),
        "Công chức Văn hóa - Xã hội"
    );
    let nested = &t.rows[5].cells[1].tables;
    assert_eq!(nested.len(), 1);
    let texts: Vec<Vec<String>> = nested[0]
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(texts, [["Hạng mục", "Số lượng"], ["Máy tính", "05"]]);
    assert_eq!(
        t.rows[5].cells[1].text(),
        "Rà soát, nâng cấp mạng nội bộ tại Bộ phận một cửa"
    );
}

/// Cell edges a few twips apart (writers round widths) are one grid line; text after the
/// last `\cell` of a row is one more cell; a row without `\trowd` still reads.
#[test]
fn grid_edges_snap_and_rows_tolerate_missing_definitions() {
    let s = "{\\rtf1 \\trowd\\cellx1000\\cellx5000\\intbl STT\\cell N\\'f4i dung\\cell\\row\
             \\trowd\\cellx1007\\cellx4995\\intbl 1\\cell Ki\\u7875?m tra\\cell\\row\
             \\trowd\\cellx5000\\intbl Ghi ch\\u250?\\cell\\row\
             \\trowd\\cellx1000\\intbl 2\\cell th\\u234?m\\row\\pard Sau b\\u7843?ng\\par}";
    let d = read_document(s.as_bytes(), &Limits::default()).unwrap();
    let t = d.tables().next().unwrap();
    assert_eq!(t.grid_cols, 2);
    let rows: Vec<Vec<(usize, usize, String)>> = t
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| (c.col, c.col_span, c.text()))
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            vec![(0, 1, "STT".into()), (1, 1, "Nôi dung".into())],
            vec![(0, 1, "1".into()), (1, 1, "Kiểm tra".into())],
            vec![(0, 2, "Ghi chú".into())],
            vec![(0, 1, "2".into()), (1, 1, "thêm".into())],
        ]
    );
    assert_eq!(paragraph_texts(&d), ["Sau bảng"]);
    // Text after the document's closing brace is not part of it.
    let d = read_document(b"{\\rtf1 A\\par}\n%trailer 1\n", &Limits::default()).unwrap();
    assert_eq!(paragraph_texts(&d), ["A"]);
}

// ---------------------------------------------------------------------------------------
// Hostile RTF: each ends with its own error, or reads, within the default limits.

fn hostile(name: &str, limits: &Limits) -> Result<Document, ParseError> {
    let bytes = std::fs::read(rtf(&format!("hostile/{name}"))).unwrap();
    read_document(&bytes, limits)
}

#[test]
fn hostile_rtf_files_end_with_their_error() {
    let l = Limits::default();
    let err = |name: &str, limits: &Limits| hostile(name, limits).unwrap_err().to_string();
    assert_eq!(
        err("deep_groups.rtf", &l),
        "limit exceeded: the nesting depth of RTF groups is 257, the limit is 256; raise it with --max-xml-depth"
    );
    assert_eq!(
        err("deep_skipped_groups.rtf", &l),
        err("deep_groups.rtf", &l)
    );
    assert_eq!(
        err("bin_lying.rtf", &l),
        "the file is damaged: RTF \\bin99999999 claims 99999999 bytes of data but only 5 remain in the file"
    );
    assert_eq!(
        err("u_out_of_range.rtf", &l),
        "the file is damaged: RTF \\u70000 is outside the range of a 16-bit Unicode escape (-32768 to 65535)"
    );
    assert_eq!(
        err("itap_deep.rtf", &l),
        "limit exceeded: the nesting depth of tables in tables is 5000, the limit is 32; raise it with --max-table-depth (at most 100)"
    );
    let small = Limits {
        max_cells: 1000,
        ..Limits::default()
    };
    assert_eq!(
        err("cellx_flood.rtf", &small),
        "limit exceeded: the number of cells defined for one RTF table row (\\cellx) is 1001, the limit is 1000; raise it with --max-cells"
    );
    // Within the default limits the flood reads: one cell, one grid column.
    let d = hostile("cellx_flood.rtf", &l).unwrap();
    assert_eq!(d.tables().next().unwrap().rows[0].cells.len(), 1);
    let d = hostile("unbalanced.rtf", &l).unwrap();
    assert_eq!(paragraph_texts(&d), ["Đoạn văn không đóng nhóm"]);
    assert!(hostile("stray_marks.rtf", &l).is_ok());
    assert!(hostile("random_after_header.rtf", &l).is_ok());
}

/// Rows and cells past their limits are refused by name; a table of 2 × 100,000 cells with
/// every cell of the second row merged into the first reads in linear time.
#[test]
fn big_tables_are_bounded_and_linear() {
    let mut s = String::from("{\\rtf1 \\trowd");
    for i in 1..=100_000 {
        s.push_str(&format!("\\cellx{}", i * 100));
    }
    s.push_str("\\intbl ");
    s.push_str(&"a\\cell ".repeat(100_000));
    s.push_str("\\row\\trowd");
    for i in 1..=100_000 {
        s.push_str(&format!("\\clvmrg\\cellx{}", i * 100));
    }
    s.push_str("\\intbl ");
    s.push_str(&"\\cell".repeat(100_000));
    s.push_str("\\row}");
    // Read whole (its speed is in benches/hostile.rs, not timed here).
    let d = read_document(s.as_bytes(), &Limits::default()).unwrap();
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows[0].cells.len(), 100_000);
    assert!(t.rows[0].cells.iter().all(|c| c.row_span == 2));
    // One definition of 3,000 cells read for 3,000 rows of one cell each: linear.
    let mut s = String::from("{\\rtf1 \\trowd");
    for i in 1..=3000 {
        s.push_str(&format!("\\cellx{}", i * 100));
    }
    s.push_str(&"\\intbl x\\cell\\row".repeat(3000));
    s.push('}');
    let d = read_document(s.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(d.tables().next().unwrap().rows.len(), 3000);
    let rows = "{\\rtf1 ".to_string() + &"\\trowd\\cellx100\\intbl x\\cell\\row".repeat(50) + "}";
    let small = Limits {
        max_table_rows: 40,
        ..Limits::default()
    };
    assert_eq!(
        read_document(rows.as_bytes(), &small).unwrap_err().to_string(),
        "limit exceeded: the number of rows in a table is 41, the limit is 40; raise it with --max-table-rows"
    );
    let cells = Limits {
        max_cells: 30,
        ..Limits::default()
    };
    assert_eq!(
        read_document(rows.as_bytes(), &cells).unwrap_err().to_string(),
        "limit exceeded: the number of table cells is 31, the limit is 30; raise it with --max-cells"
    );
}

/// The reader is chosen by content: `{\rtf` after a byte-order mark and white space, and a
/// zip whose directory names `xl/workbook.xml`.
#[test]
fn sniffing_picks_rtf_and_xlsx() {
    use kehoach_parse::sniff::{sniff, Sniffed};
    let mut b = b"\xef\xbb\xbf\r\n  ".to_vec();
    b.extend(std::fs::read(rtf("handmade_tcvn3_phuong_2026.rtf")).unwrap());
    assert_eq!(sniff(&b), Sniffed::Readable(Format::Rtf));
    assert_eq!(
        read_document(&b, &Limits::default()).unwrap().format,
        Format::Rtf
    );
    let x = std::fs::read(fixture("xlsx/laocai_xa_nhiemvu_2027.xlsx")).unwrap();
    assert_eq!(sniff(&x), Sniffed::Readable(Format::Xlsx));
    let w = std::fs::read(fixture("docx/000_bac8a76d1f608aa3.A.docx")).unwrap();
    assert_eq!(sniff(&w), Sniffed::Readable(Format::Docx));
}

// ---------------------------------------------------------------------------------------
// Workbooks.

/// A commune's task table of Lào Cai as a workbook: title rows as paragraphs, group rows
/// merged across, a lead merged down two rows, a date stored as a serial number, a line
/// break inside a cell, a hidden sheet left out.
#[test]
fn own_workbook_gives_its_items() {
    let f = fixture("xlsx/laocai_xa_nhiemvu_2027.xlsx");
    let doc = read(&f);
    assert_eq!(doc.format, Format::Xlsx);
    assert_eq!(
        paragraph_texts(&doc),
        [
            "PHỤ LỤC",
            "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2027",
            "(Kèm theo Kế hoạch số 31/KH-UBND ngày 10/02/2027 của UBND xã Bản Lầu, tỉnh Lào Cai)"
        ]
    );
    assert_eq!(doc.tables().count(), 1, "the hidden sheet is not read");
    assert!(!all_text(&doc).contains("Bảng nháp"));
    let t = doc.tables().next().unwrap();
    assert_eq!(t.grid_cols, 5);
    assert_eq!(t.rows.len(), 6);
    assert_eq!(t.rows[1].cells[1].col_span, 4);
    assert_eq!(
        (t.rows[2].cells[2].row_span, t.rows[3].cells[2].covered),
        (2, true)
    );
    assert_eq!(t.rows[5].cells[1].paragraphs.len(), 2);
    let r = record(&f);
    assert_eq!(r.source.format, "xlsx");
    let vp = "Văn phòng HĐND và UBND xã";
    assert_eq!(
        item_rows(&r),
        vec![
            ("I", "group", "Phát triển hạ tầng số", vec![], vec![], ""),
            (
                "1",
                "task",
                "Phủ sóng 4G đến các thôn vùng cao",
                vec![vp],
                vec!["Viettel Lào Cai"],
                "Quý III/2027"
            ),
            (
                "2",
                "task",
                "Lắp đặt wifi miễn phí tại nhà văn hóa thôn",
                vec![vp],
                vec!["Các thôn"],
                "30/06/2027"
            ),
            ("II", "group", "Phát triển công dân số", vec![], vec![], ""),
            (
                "1",
                "task",
                "Hướng dẫn người dân cài đặt và sử dụng VNeID mức độ 2",
                vec!["Công an xã"],
                vec!["Đoàn Thanh niên xã"],
                "Thường xuyên"
            ),
        ]
    );
    let deadline = serde_json::to_value(&r.items[2].deadline).unwrap();
    assert_eq!(deadline["date"], "2027-06-30");
}

/// Seed 000's task table as a workbook gives the seed's items (seed 001 has no task table).
#[test]
fn seed_task_table_workbook_gives_the_seed_items() {
    let f = fixture("xlsx/000_task_table.xlsx");
    let r = record(&f);
    assert_matches_truth(&r, &truth(&f));
    let docx = record(&fixture("docx/000_bac8a76d1f608aa3.A.docx"));
    let key = |r: &Record| -> Vec<(String, String, Vec<String>, Vec<String>)> {
        r.items
            .iter()
            .map(|i| {
                (
                    i.stt.clone(),
                    i.content.clone(),
                    i.lead.clone(),
                    i.support.clone(),
                )
            })
            .collect()
    };
    assert_eq!(key(&docx), key(&r));
}

#[test]
fn hostile_workbooks_end_with_their_error() {
    let err = |name: &str| {
        let b = std::fs::read(fixture(&format!("xlsx/{name}"))).unwrap();
        read_document(&b, &Limits::default())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err("hostile_huge_range.xlsx"),
        "limit exceeded: the number of rows in a table is 1048576, the limit is 200000; raise it with --max-table-rows"
    );
    assert_eq!(
        err("hostile_strings_bomb.xlsx"),
        "limit exceeded: the inflation ratio of a zip entry is 201, the limit is 200; raise it with --max-inflate-ratio"
    );
    // A truncated workbook is damaged, not a panic.
    let b = std::fs::read(fixture("xlsx/laocai_xa_nhiemvu_2027.xlsx")).unwrap();
    for cut in [30, 200, b.len() / 2, b.len() - 10] {
        let e = read_document(&b[..cut], &Limits::default());
        assert!(e.is_err() || e.is_ok());
    }
}
