//! The HTML reader: LibreOffice's HTML of each corpus .docx reads into the same tables and
//! paragraphs as the .docx itself; a windows-1258 copy reads the same as its UTF-8 original;
//! spans, bad encodings, broken markup and junk.

use std::path::{Path, PathBuf};

use kehoach_parse::model::{Align, Block, Document, Format, Table};
use kehoach_parse::{docx, html, Limits, ParseError};

const CORPUS: [&str; 5] = [
    "000_bac8a76d1f608aa3",
    "001_6353f7d068eb39a6",
    "002_ee099550d2cd63e2",
    "003_e474f24c970af6a5",
    "004_eb12abc5933443e7",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn read_html(name: &str) -> Document {
    let bytes = std::fs::read(fixtures().join("html").join(name)).unwrap();
    let doc = html::read(&bytes, &Limits::default()).unwrap();
    assert_eq!(doc.format, Format::Html);
    let via = kehoach_parse::read_document(&bytes, &Limits::default()).unwrap();
    assert_eq!(via.format, Format::Html, "{name} is sniffed as HTML");
    doc
}

/// Whitespace folded: a .docx line break inside a paragraph and an HTML paragraph break read
/// the same.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each row as (repeat_header, cells as (col, col_span, row_span, covered, text)).
type Shape = Vec<(bool, Vec<(usize, usize, usize, bool, String)>)>;

fn shape(t: &Table) -> Shape {
    t.rows
        .iter()
        .map(|r| {
            (
                r.repeat_header,
                r.cells
                    .iter()
                    .map(|c| (c.col, c.col_span, c.row_span, c.covered, fold(&c.text())))
                    .collect(),
            )
        })
        .collect()
}

fn paragraph_texts(d: &Document) -> Vec<String> {
    d.paragraphs().map(|p| fold(&p.display_text())).collect()
}

#[test]
fn libreoffice_html_reads_like_the_docx() {
    for name in CORPUS {
        let docx_bytes =
            std::fs::read(fixtures().join("docx").join(format!("{name}.A.docx"))).unwrap();
        let want = docx::read(&docx_bytes, &Limits::default()).unwrap();
        let got = read_html(&format!("{name}.A.html"));
        assert!(got.warnings.is_empty(), "{name}: {:?}", got.warnings);

        let (wt, gt): (Vec<_>, Vec<_>) = (want.tables().collect(), got.tables().collect());
        assert_eq!(wt.len(), gt.len(), "{name}: number of tables");
        for (i, (w, g)) in wt.iter().zip(&gt).enumerate() {
            assert_eq!(w.grid_cols, g.grid_cols, "{name} table {i}: grid columns");
            assert_eq!(w.borderless, g.borderless, "{name} table {i}: borderless");
            let (ws, gs) = (shape(w), shape(g));
            for (r, (wr, gr)) in ws.iter().zip(&gs).enumerate() {
                assert_eq!(wr, gr, "{name} table {i} row {r}");
            }
            assert_eq!(ws.len(), gs.len(), "{name} table {i}: rows");
            // Agencies one per line, as in the .docx.
            for (wr, gr) in w.rows.iter().zip(&g.rows) {
                for (wc, gc) in wr.cells.iter().zip(&gr.cells) {
                    let wl: Vec<String> = wc
                        .lines()
                        .iter()
                        .flat_map(|l| l.lines().map(str::to_string).collect::<Vec<_>>())
                        .collect();
                    assert_eq!(wl, gc.lines(), "{name}: cell lines");
                    assert_eq!(
                        (wc.is_bold(), wc.is_italic()),
                        (gc.is_bold(), gc.is_italic()),
                        "{name}: cell flags {wl:?}"
                    );
                }
            }
        }
        assert_eq!(
            paragraph_texts(&want),
            paragraph_texts(&got),
            "{name}: body paragraphs"
        );
        let flags = |d: &Document| -> Vec<(bool, bool, Align)> {
            d.paragraphs()
                .map(|p| (p.bold, p.italic, p.align))
                .collect()
        };
        assert_eq!(flags(&want), flags(&got), "{name}: paragraph flags");
    }
}

#[test]
fn windows_1258_copy_reads_like_the_utf8_original() {
    let bytes = std::fs::read(fixtures().join("html/004_eb12abc5933443e7.A.cp1258.html")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture really is windows-1258"
    );
    let legacy = read_html("004_eb12abc5933443e7.A.cp1258.html");
    let utf8 = read_html("004_eb12abc5933443e7.A.html");
    assert!(legacy.warnings.is_empty(), "{:?}", legacy.warnings);
    assert_eq!(
        serde_json::to_value(&legacy.blocks).unwrap(),
        serde_json::to_value(&utf8.blocks).unwrap()
    );
    // The tones came out composed.
    assert!(legacy
        .paragraphs()
        .any(|p| p.text.contains("KIỂM SOÁT THỦ TỤC HÀNH CHÍNH")));
}

#[test]
fn undeclared_windows_1258_is_sniffed() {
    let bytes = std::fs::read(fixtures().join("html/004_eb12abc5933443e7.A.cp1258.html")).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let start = text.find("<meta http-equiv").unwrap();
    let end = start + text[start..].find('>').unwrap() + 1;
    let mut stripped = bytes[..start].to_vec();
    stripped.extend_from_slice(&bytes[end..]);
    let doc = html::read(&stripped, &Limits::default()).unwrap();
    let utf8 = read_html("004_eb12abc5933443e7.A.html");
    assert_eq!(
        serde_json::to_value(&doc.blocks).unwrap(),
        serde_json::to_value(&utf8.blocks).unwrap()
    );
    assert!(
        doc.warnings.iter().any(|w| w.contains("windows-1258")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn declared_encoding_that_lies_and_mixed_bytes() {
    let page = "<meta charset=\"windows-1258\"><p>Sở Tư pháp</p>";
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(d.paragraphs().next().unwrap().text, "Sở Tư pháp");
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);

    let mut mixed = "<meta charset=\"utf-8\"><p>Văn phòng UBND tỉnh, "
        .as_bytes()
        .to_vec();
    mixed.extend_from_slice(b"\xd0\xf4ng</p>"); // "Đông" written in windows-1258
    let d = html::read(&mixed, &Limits::default()).unwrap();
    assert_eq!(
        d.paragraphs().next().unwrap().text,
        "Văn phòng UBND tỉnh, Đông"
    );
    assert!(d.warnings[0].contains("mixes"), "{:?}", d.warnings);

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("<meta charset=\"windows-1258\"><p>Hà Nội</p>".as_bytes());
    let d = html::read(&bom, &Limits::default()).unwrap();
    assert_eq!(d.paragraphs().next().unwrap().text, "Hà Nội");
}

#[test]
fn hand_written_spans() {
    // ┌────┬─────────────┬────┐
    // │ A  │ B (2 cols)  │ C  │
    // ├────┼──────┬──────┤    │  C: rowspan 3
    // │ D  │ E    │ F    │    │
    // │ (2 rows) ───────┤    │
    // │    │ G (2 cols)  │    │
    // └────┴─────────────┴────┘
    let page = r#"<table border="1">
        <tr><td>A</td><td colspan="2">B</td><td rowspan="3">C</td></tr>
        <tr><td rowspan="2">D</td><td>E</td><td>F</td></tr>
        <tr><td colspan="2">G<br>G2</td></tr>
    </table>"#;
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    let t = d.tables().next().unwrap();
    assert_eq!(t.grid_cols, 4);
    assert!(!t.borderless);
    type Cells = Vec<Vec<(usize, usize, usize, bool, String)>>;
    let cells: Cells = t
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| (c.col, c.col_span, c.row_span, c.covered, c.text()))
                .collect()
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        cells,
        vec![
            vec![
                (0, 1, 1, false, s("A")),
                (1, 2, 1, false, s("B")),
                (3, 1, 3, false, s("C"))
            ],
            vec![
                (0, 1, 2, false, s("D")),
                (1, 1, 1, false, s("E")),
                (2, 1, 1, false, s("F")),
                (3, 1, 1, true, s(""))
            ],
            vec![
                (0, 1, 1, true, s("")),
                (1, 2, 1, false, s("G G2")),
                (3, 1, 1, true, s(""))
            ],
        ]
    );
    assert_eq!(
        t.cell_at(2, 3).map(|(r, c)| (r, c.text())),
        Some((0, s("C")))
    );
    assert_eq!(
        t.cell_at(2, 0).map(|(r, c)| (r, c.text())),
        Some((1, s("D")))
    );
    assert_eq!(t.rows[2].cells[1].lines(), ["G", "G2"]);
}

#[test]
fn spans_past_the_end_and_rowspan_zero() {
    let page = "<table><tbody><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>\
                <tbody><tr><td rowspan=9>X</td><td>4</td></tr></tbody></table>";
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows[0].cells[0].row_span, 3);
    assert!(t.rows[2].cells[0].covered);
    assert_eq!(
        t.rows[3].cells[0].row_span, 1,
        "a span past the end of the table stops there"
    );
    assert_eq!(t.rows[3].cells[1].text(), "4");
}

#[test]
fn unclosed_and_misnested_tags() {
    let page =
        "<p><b>Đậm <i>nghiêng</b> tiếp</i><table><tr><td>a<td>b<tr><td>c<td><p>d<p>e</table><p>sau";
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].cells[1].lines(), ["d", "e"]);
    assert_eq!(d.paragraphs().last().unwrap().text, "sau");
    assert!(matches!(d.blocks.first(), Some(Block::Paragraph(p)) if p.text == "Đậm nghiêng tiếp"));
}

#[test]
fn nested_tables_and_header_block() {
    let page = r#"<table><tr><td style="border: none">UBND TỈNH</td><td style="border:none">CỘNG HÒA</td></tr></table>
        <table><tr><td>ngoài<table><tr><td>trong</td></tr></table>sau</td></tr></table>"#;
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    let t: Vec<_> = d.tables().collect();
    assert_eq!(t.len(), 2);
    assert!(t[0].borderless);
    assert!(!t[1].borderless);
    let cell = &t[1].rows[0].cells[0];
    assert_eq!(cell.lines(), ["ngoài", "sau"]);
    assert_eq!(cell.tables[0].rows[0].cells[0].text(), "trong");
}

#[test]
fn limits_are_enforced() {
    // Refused before html5ever builds the tree (its scope checks make deep pages quadratic).
    let deep = "<div>".repeat(200_000) + "x";
    let err = html::read(deep.as_bytes(), &Limits::default()).unwrap_err();
    assert!(
        matches!(
            err,
            ParseError::Limit {
                flag: "--max-xml-depth (at most 512 for HTML)",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "limit exceeded: the nesting depth of HTML elements is 257, the limit is 256; raise it with --max-xml-depth (at most 512 for HTML)"
    );
    // Implied end tags do not count as nesting.
    let flat = "<p>a".repeat(2000)
        + "<ul>"
        + &"<li>b".repeat(2000)
        + "</ul>"
        + &"<a href=x>c".repeat(2000);
    let d = html::read(flat.as_bytes(), &Limits::default()).unwrap();
    // 2,000 paragraphs, 2,000 list items, and the 2,000 inline links in one paragraph.
    assert_eq!(d.paragraphs().count(), 4001);
    let deep = "<div>".repeat(5000) + "x";
    let err = html::read(deep.as_bytes(), &Limits::default()).unwrap_err();
    assert!(
        matches!(
            err,
            ParseError::Limit {
                flag: "--max-xml-depth (at most 512 for HTML)",
                ..
            }
        ),
        "{err}"
    );

    let rows = "<table>".to_string() + &"<tr><td>1</td><td>2</td></tr>".repeat(50) + "</table>";
    let small = Limits {
        max_table_rows: 10,
        ..Limits::default()
    };
    let err = html::read(rows.as_bytes(), &small).unwrap_err();
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
        max_cells: 20,
        ..Limits::default()
    };
    let err = html::read(rows.as_bytes(), &small).unwrap_err();
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
    assert!(
        err.to_string().starts_with("limit exceeded: ")
            && err.to_string().ends_with("; raise it with --max-cells"),
        "{err}"
    );
}

#[test]
fn junk_is_an_error_not_a_panic() {
    assert!(matches!(
        html::read(b"", &Limits::default()),
        Err(ParseError::Empty)
    ));
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert!(matches!(
        html::read(&junk, &Limits::default()),
        Err(ParseError::Unsupported(_))
    ));
    let err = kehoach_parse::read_document(&junk, &Limits::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a document kehoach can read (binary data that is not a document kehoach reads (.docx, .doc, .rtf, .xlsx, .pdf, HTML or text))"
    );
}

/// Small deterministic fuzz: random tag soup and random bytes never panic.
#[test]
fn tag_soup_never_panics() {
    let pieces = [
        "<table>",
        "</table>",
        "<tr>",
        "<td colspan=3>",
        "<td rowspan=0>",
        "<th rowspan=99999999999>",
        "</td>",
        "<thead>",
        "</thead>",
        "<tbody>",
        "<p>",
        "</p>",
        "<br>",
        "<b>",
        "</i>",
        "<li>",
        "<ol start=-5>",
        "<ol start=-9223372036854775808><li>",
        "<li value=9223372036854775807><li>",
        "</ol>",
        "Sở",
        " - ",
        "&#xD800;",
        "&#0;",
        "&amp",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "\u{0}",
        "<caption>",
        "<td colspan=0>",
        "<div style='display:none'>",
        "</div>",
        "<meta charset=windows-1258>",
        "\u{feff}",
        "<svg><td>",
        "<select><tr>",
        "<pre>\n\n",
        "<center>",
        "<h1>",
        "<table><td>",
    ];
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(next() % 80) {
            s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
        }
        let _ = html::read(s.as_bytes(), &Limits::default());
        let _ = kehoach_parse::text::read(s.as_bytes(), &Limits::default());
        let bytes: Vec<u8> = (0..(next() % 200)).map(|_| next() as u8).collect();
        let _ = html::read(&bytes, &Limits::default());
        let _ = kehoach_parse::text::read(&bytes, &Limits::default());
    }
}

/// The shape of a page saved as HTML by Word: windows-1258 declared, `MsoNormal` paragraphs,
/// `<o:p>`, conditional comments around list numbers, borders in `mso-` styles.
#[test]
fn word_saved_html() {
    let page = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<head>\n\
        <meta http-equiv=Content-Type content=\"text/html; charset=windows-1258\">\n\
        <style><!-- p.MsoNormal {margin:0cm} --></style></head>\n<body lang=EN-US>\n\
        <div class=WordSection1>\n\
        <p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>K\u{1EBE} HO\u{1EA0}CH<o:p></o:p></span></b></p>\n\
        <p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=VI>M\u{1EE5}c \u{111}\u{ED}ch</span></p>\n\
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\n\
        <tr><td style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal><b>STT<o:p></o:p></b></p></td>\n\
        <td style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b>C\u{1A1} quan<o:p></o:p></b></p></td></tr>\n\
        <tr><td><p class=MsoNormal>1<o:p></o:p></p></td><td><p class=MsoNormal>- S\u{1EDF} T\u{1B0} ph\u{E1}p<o:p></o:p></p>\n\
        <p class=MsoNormal>- V\u{103}n ph\u{F2}ng<o:p></o:p></p></td></tr></table>\n\
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>\n</div></body></html>";
    // Encode the way Word does: windows-1258 with the tones as combining marks.
    let nfd = page
        .replace('\u{1EBE}', "\u{CA}\u{301}")
        .replace('\u{1EA0}', "A\u{323}")
        .replace('\u{1EE5}', "u\u{323}")
        .replace('\u{1EDF}', "\u{1A1}\u{309}")
        .replace('\u{ED}', "i\u{301}")
        .replace('\u{F2}', "o\u{300}");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&nfd);
    assert!(!unmappable);
    let d = html::read(&bytes, &Limits::default()).unwrap();
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let p: Vec<_> = d
        .paragraphs()
        .map(|p| (p.text.clone(), p.bold, p.align))
        .collect();
    assert_eq!(p[0], ("KẾ HOẠCH".to_string(), true, Align::Center));
    assert_eq!(p[1].0, "1. Mục đích");
    let t = d.tables().next().unwrap();
    assert!(!t.borderless);
    assert!(t.rows[0].cells[1].is_bold());
    assert_eq!(t.rows[1].cells[1].lines(), ["- Sở Tư pháp", "- Văn phòng"]);
}

mod common;

/// End to end: the plan extraction on LibreOffice's HTML of each plan gives the truth.
#[test]
fn plan_extraction_on_html_equals_truth() {
    let files = common::fixtures_in("html", &["html"]);
    assert_eq!(files.len(), 6, "{files:?}");
    for f in files {
        let rec = common::record(&f);
        common::assert_matches_truth(&rec, &common::truth(&f));
        assert_eq!(rec.source.format, "html");
    }
}

/// LibreOffice's HTML of the .docx variants (auto-numbered STT, vMerge'd lead cells, a
/// two-row merged header, NFD text): the same tables as the .docx reader gives, and the
/// truth through plan extraction. Auto-numbering comes out as nested `<ol start=…>` lists,
/// one per cell, read back as multi-level labels ("1.2").
#[test]
fn libreoffice_html_of_docx_variants() {
    for v in ["autonum", "vmerge", "header2", "nfd"] {
        let name = format!("004_eb12abc5933443e7.{v}");
        let docx_bytes = std::fs::read(fixtures().join(format!("variants/{name}.docx"))).unwrap();
        let want = docx::read(&docx_bytes, &Limits::default()).unwrap();
        let got = read_html(&format!("variants/{name}.html"));
        let (wt, gt): (Vec<_>, Vec<_>) = (want.tables().collect(), got.tables().collect());
        assert_eq!(wt.len(), gt.len(), "{name}");
        for (w, g) in wt.iter().zip(&gt) {
            assert_eq!(shape(w), shape(g), "{name}");
        }
        assert_eq!(paragraph_texts(&want), paragraph_texts(&got), "{name}");
        let path = fixtures().join(format!("html/variants/{name}.html"));
        let rec = common::record(&path);
        common::assert_matches_truth(&rec, &common::truth(&path));
    }
}

#[test]
fn nested_decimal_lists_number_by_level() {
    let page = "<ol><li>Một</li></ol><table><tr><td><ol><ol start=2><li>x</li></ol></ol></td></tr></table>\
                <ol start=2><li>Hai</li><ol><li>a</li><li>b</li></ol></ol><ul><li>chấm</li></ul>";
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    let labels: Vec<_> = d.paragraphs().map(|p| p.display_text()).collect();
    assert_eq!(labels, ["1. Một", "2. Hai", "2.1 a", "2.2 b", "chấm"]);
    let t = d.tables().next().unwrap();
    assert_eq!(t.rows[0].cells[0].text(), "1.2 x");
}

#[test]
fn deleted_text_is_dropped() {
    let d = html::read(
        "<p>Giữ <del>xoá</del>lại</p>".as_bytes(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(d.paragraphs().next().unwrap().text, "Giữ lại");
}

/// pandoc's HTML of the .docx gives the truth through plan extraction.
#[test]
fn pandoc_html_equals_truth() {
    let files = common::fixtures_in("html/pandoc", &["html"]);
    assert_eq!(files.len(), 4, "{files:?}");
    for f in files {
        let rec = common::record(&f);
        common::assert_matches_truth(&rec, &common::truth(&f));
        assert_eq!(rec.source.format, "html");
    }
}

#[test]
fn text_with_html_tables_goes_to_the_text_reader() {
    let page = "**KẾ HOẠCH**\n\nDòng một\nDòng hai\n\n<table><tr><td>STT</td></tr>\n<tr><td>1</td></tr></table>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    let d = html::read(page.as_bytes(), &Limits::default()).unwrap();
    assert_eq!(d.format, Format::Text);
    assert_eq!(d.tables().count(), 2);
    let p: Vec<_> = d.paragraphs().map(|p| (p.text.as_str(), p.bold)).collect();
    assert_eq!(
        p,
        [("KẾ HOẠCH", true), ("Dòng một", false), ("Dòng hai", false)]
    );
    // A real page stays HTML.
    let d = html::read(
        "<p>a</p>\n<table><tr><td>1</td></tr></table>\nb\nc".as_bytes(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(d.format, Format::Html);
}
