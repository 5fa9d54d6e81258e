//! Tables of PDFs written here by hand, one producer trait each (issue 22): standard fonts
//! without /Widths, spot colours, dotted rules, shaded headers with white lines, rotated
//! pages, merged lead cells without a rule, numbers drawn in several runs. Each asserts the
//! cells (text and spans) a reader sees on the page.

use kehoach_parse::model::{Document, Table};
use kehoach_parse::{pdf, Limits};
use kehoach_testkit::make::pdf_pages;

const HELVETICA: (&str, &str) = (
    "F1",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
);

fn read(bytes: &[u8]) -> Document {
    pdf::read(bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Stroked lines of a full grid: every column edge from top to bottom, every row edge across.
fn grid(xs: &[f32], ys: &[f32]) -> String {
    let (l, r) = (xs[0], xs[xs.len() - 1]);
    let (t, b) = (ys[0], ys[ys.len() - 1]);
    let mut s = String::from("0 G 0.5 w ");
    for y in ys {
        s += &format!("{l} {y} m {r} {y} l S ");
    }
    for x in xs {
        s += &format!("{x} {t} m {x} {b} l S ");
    }
    s
}

fn text(x: f32, y: f32, s: &str) -> String {
    format!("BT /F1 10 Tf {x} {y} Td ({s}) Tj ET ")
}

/// The ruled tables, each as rows of (text, row span, column span) of the cells that start
/// in the row.
fn ruled(d: &Document) -> Vec<Vec<Vec<(String, usize, usize)>>> {
    d.tables()
        .filter(|t| !t.borderless)
        .map(|t: &Table| {
            t.rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .filter(|c| !c.covered)
                        .map(|c| (c.text(), c.row_span, c.col_span))
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn cell(t: &str) -> (String, usize, usize) {
    (t.to_string(), 1, 1)
}

#[test]
fn standard_font_without_widths_keeps_text_in_its_cell() {
    // Helvetica with no /Widths: an "i" is 222/1000 em, not half an em. Column 0 is 40 pt
    // wide and "illicit lilt" is 31 pt at 10 pt; the second run of column 1 starts where the
    // first ends (Helvetica metrics) plus a space.
    let mut c = grid(&[50.0, 90.0, 350.0], &[720.0, 700.0, 680.0]);
    c += &text(52.0, 706.0, "STT");
    c += &text(92.0, 706.0, "Noi dung");
    c += &text(52.0, 686.0, "illicit lilt");
    c += &text(92.0, 686.0, "Chi thi, Nghi quyet");
    c += &text(92.0 + 81.7 + 2.78, 686.0, "tinh Ha Tinh");
    let d = read(&pdf_pages(&[&c], &[HELVETICA], "", ""));
    assert_eq!(
        ruled(&d),
        vec![vec![
            vec![cell("STT"), cell("Noi dung")],
            vec![
                cell("illicit lilt"),
                cell("Chi thi, Nghi quyet tinh Ha Tinh")
            ],
        ]]
    );
}

/// The same 3 × 3 table (header and two rows of a Lào Cai plan) with the rules `rules` draws.
fn sample(rules: &str, header_colour: &str) -> String {
    let mut c = String::from(rules);
    c += header_colour;
    c += &text(52.0, 736.0, "STT");
    c += &text(102.0, 736.0, "Noi dung cong viec");
    c += &text(302.0, 736.0, "Co quan chu tri");
    c += "0 g ";
    c += &text(52.0, 716.0, "1");
    c += &text(102.0, 716.0, "Ra soat thu tuc hanh chinh");
    c += &text(302.0, 716.0, "So Noi vu");
    c += &text(52.0, 696.0, "2");
    c += &text(102.0, 696.0, "Chuyen doi so cap xa");
    c += &text(302.0, 696.0, "UBND cac xa, phuong");
    c
}

const XS: [f32; 4] = [50.0, 100.0, 300.0, 450.0];
const YS: [f32; 4] = [750.0, 730.0, 710.0, 690.0];

fn sample_rows() -> Vec<Vec<(String, usize, usize)>> {
    vec![
        vec![
            cell("STT"),
            cell("Noi dung cong viec"),
            cell("Co quan chu tri"),
        ],
        vec![
            cell("1"),
            cell("Ra soat thu tuc hanh chinh"),
            cell("So Noi vu"),
        ],
        vec![
            cell("2"),
            cell("Chuyen doi so cap xa"),
            cell("UBND cac xa, phuong"),
        ],
    ]
}

#[test]
fn rules_in_a_spot_colour_are_rules() {
    // A Separation (PANTONE) with an exponential tint transform into CMYK, at full tint:
    // a dark blue line, though its single component is 1.
    let cs = "/ColorSpace << /CS0 [/Separation /PANTONE#20286#20C /DeviceCMYK \
              << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 0.66 0 0.02] /N 1 >>] >>";
    let rules = grid(&XS, &YS).replace("0 G", "/CS0 CS 1 SCN");
    let d = read(&pdf_pages(&[&sample(&rules, "")], &[HELVETICA], "", cs));
    assert_eq!(ruled(&d), vec![sample_rows()]);
    // At tint 0 the same lines are not there (no ink): no ruled table.
    let rules = grid(&XS, &YS).replace("0 G", "/CS0 CS 0 SCN");
    let d = read(&pdf_pages(&[&sample(&rules, "")], &[HELVETICA], "", cs));
    assert!(ruled(&d).is_empty());
}

#[test]
fn dotted_and_dashed_rules_are_rules() {
    // Dots: 0.8 pt squares every 3 pt along every edge.
    let mut dots = String::from("0 g ");
    for &y in &YS {
        let mut x = XS[0];
        while x <= XS[3] {
            dots += &format!("{x} {y} 0.8 0.8 re f ");
            x += 3.0;
        }
    }
    for &x in &XS {
        let mut y = YS[3];
        while y <= YS[0] {
            dots += &format!("{x} {y} 0.8 0.8 re f ");
            y += 3.0;
        }
    }
    let d = read(&pdf_pages(&[&sample(&dots, "")], &[HELVETICA], "", ""));
    assert_eq!(ruled(&d), vec![sample_rows()]);
    // A dash pattern on stroked lines.
    let dashed = grid(&XS, &YS).replace("0.5 w", "0.5 w [3 2] 0 d");
    let d = read(&pdf_pages(&[&sample(&dashed, "")], &[HELVETICA], "", ""));
    assert_eq!(ruled(&d), vec![sample_rows()]);
    // Dashes drawn one by one as short lines, 4 pt long with 3 pt gaps.
    let mut pieces = String::from("0 G 0.5 w ");
    for &y in &YS {
        let mut x = XS[0];
        while x < XS[3] {
            pieces += &format!("{x} {y} m {} {y} l S ", (x + 4.0).min(XS[3]));
            x += 7.0;
        }
    }
    for &x in &XS {
        let mut y = YS[3];
        while y < YS[0] {
            pieces += &format!("{x} {y} m {x} {} l S ", (y + 4.0).min(YS[0]));
            y += 7.0;
        }
    }
    let d = read(&pdf_pages(&[&sample(&pieces, "")], &[HELVETICA], "", ""));
    assert_eq!(ruled(&d), vec![sample_rows()]);
}

#[test]
fn shaded_header_with_white_lines() {
    // The header row is filled dark grey and divided by white lines; the body is ruled in
    // black. The white lines are the header's cell borders.
    let mut rules = String::from("0.3 g 50 730 400 20 re f ");
    rules += "1 G 0.75 w 100 750 m 100 730 l S 300 750 m 300 730 l S ";
    rules += "0 G 0.5 w 50 730 m 450 730 l S 50 710 m 450 710 l S 50 690 m 450 690 l S ";
    rules += "50 750 m 50 690 l S 450 750 m 450 690 l S ";
    rules += "100 730 m 100 690 l S 300 730 m 300 690 l S ";
    let d = read(&pdf_pages(&[&sample(&rules, "1 g ")], &[HELVETICA], "", ""));
    assert_eq!(ruled(&d), vec![sample_rows()]);
}

#[test]
fn shaded_cells_without_lines_bound_the_cells() {
    // Every cell filled light blue, 1 pt of white between cells, no line drawn anywhere.
    let mut fills = String::from("0.85 0.9 1 rg ");
    for r in 0..3 {
        for c in 0..3 {
            let (x0, x1) = (XS[c] + 0.5, XS[c + 1] - 0.5);
            let (y1, y0) = (YS[r] - 0.5, YS[r + 1] + 0.5);
            fills += &format!("{x0} {y0} {} {} re f ", x1 - x0, y1 - y0);
        }
    }
    fills += "0 g ";
    let d = read(&pdf_pages(&[&sample(&fills, "")], &[HELVETICA], "", ""));
    assert_eq!(ruled(&d), vec![sample_rows()]);
}

#[test]
fn a_lead_cell_printed_once_without_a_rule_spans_its_rows() {
    // "1" is printed once, level with the line between rows 1 and 2, and the line between
    // them stops at the lead column: one cell over two rows, as the .docx reader gives.
    let mut c = String::from("0 G 0.5 w ");
    c += "50 750 m 450 750 l S 50 730 m 450 730 l S 100 710 m 450 710 l S 50 690 m 450 690 l S ";
    for x in XS {
        c += &format!("{x} 750 m {x} 690 l S ");
    }
    c += &text(52.0, 736.0, "STT");
    c += &text(102.0, 736.0, "Noi dung");
    c += &text(302.0, 736.0, "Thoi gian");
    c += &text(52.0, 706.0, "1");
    c += &text(102.0, 716.0, "Tap huan can bo cap xa");
    c += &text(302.0, 716.0, "Quy I/2026");
    c += &text(102.0, 696.0, "Kiem tra, giam sat");
    c += &text(302.0, 696.0, "Quy IV/2026");
    let d = read(&pdf_pages(&[&c], &[HELVETICA], "", ""));
    assert_eq!(
        ruled(&d),
        vec![vec![
            vec![cell("STT"), cell("Noi dung"), cell("Thoi gian")],
            vec![
                ("1".to_string(), 2, 1),
                cell("Tap huan can bo cap xa"),
                cell("Quy I/2026"),
            ],
            vec![cell("Kiem tra, giam sat"), cell("Quy IV/2026")],
        ]]
    );
}

#[test]
fn a_section_number_drawn_in_two_runs_is_one_string() {
    // "2" then ".1.1", and "3." then "2", each second run 0.25 em after the first ends
    // (Helvetica: a digit is 556/1000 em, a period 278).
    let mut c = grid(&XS, &YS);
    c += &text(52.0, 736.0, "STT");
    c += &text(102.0, 736.0, "Noi dung");
    c += &text(302.0, 736.0, "Ghi chu");
    c += &text(52.0, 716.0, "2");
    c += &text(52.0 + 5.56 + 2.5, 716.0, ".1.1");
    c += &text(102.0, 716.0, "Hoi nghi so ket");
    c += &text(52.0, 696.0, "3.");
    c += &text(52.0 + 8.34 + 2.5, 696.0, "2");
    c += &text(102.0, 696.0, "Bao cao nam 2027");
    let d = read(&pdf_pages(&[&c], &[HELVETICA], "", ""));
    assert_eq!(
        ruled(&d),
        vec![vec![
            vec![cell("STT"), cell("Noi dung"), cell("Ghi chu")],
            vec![cell("2.1.1"), cell("Hoi nghi so ket"), cell("")],
            vec![cell("3.2"), cell("Bao cao nam 2027"), cell("")],
        ]]
    );
}

#[test]
fn a_line_over_part_of_a_cell_splits_nothing() {
    // A line from the cell's left border under part of its text, and a tick down from the
    // top border of a cell: both touch the grid, neither is a cell border.
    let mut rules = grid(&XS, &YS);
    rules += "100 712.5 m 180 712.5 l S 350 730 m 350 718 l S ";
    let d = read(&pdf_pages(&[&sample(&rules, "")], &[HELVETICA], "", ""));
    assert_eq!(ruled(&d), vec![sample_rows()]);
}

#[test]
fn sideways_tables_read_upright() {
    // A landscape table drawn turned a quarter on a portrait page: once with /Rotate 90 (the
    // viewer turns it), once without (the text reads upwards on the page).
    let turned = format!(
        "q 0 1 -1 0 595 0 cm 1 0 0 1 0 -300 cm {} Q",
        sample(&grid(&XS, &YS), "")
    );
    for rotate in ["/Rotate 90", ""] {
        let d = read(&pdf_pages(&[&turned], &[HELVETICA], rotate, ""));
        assert_eq!(ruled(&d), vec![sample_rows()], "{rotate}");
    }
}

#[test]
fn one_line_with_a_wide_gap_is_not_a_table() {
    // "Dieu 2." and the article's text far apart on one line (a tab), then a body line and
    // a wrapped line: paragraphs only.
    let mut c = String::new();
    c += &text(72.0, 700.0, "Dieu 2.");
    c += &text(150.0, 700.0, "Ke hoach nay co hieu luc tu ngay ky.");
    c += &text(
        72.0,
        660.0,
        "Giao So Noi vu tinh Lao Cai theo doi, kiem tra.",
    );
    let d = read(&pdf_pages(&[&c], &[HELVETICA], "", ""));
    assert_eq!(d.tables().count(), 0, "{:?}", d.blocks);
    let ps: Vec<String> = d.paragraphs().map(|p| p.text.clone()).collect();
    assert_eq!(
        ps,
        [
            "Dieu 2. Ke hoach nay co hieu luc tu ngay ky.",
            "Giao So Noi vu tinh Lao Cai theo doi, kiem tra."
        ]
    );
}

#[test]
fn highlighted_lines_are_not_a_table() {
    // Three lines highlighted in yellow (one fill per line, stacked 1 pt apart) and two runs
    // of one line highlighted side by side: text, not tables.
    let mut c = String::from("1 1 0 rg ");
    for y in [698.0, 684.0, 670.0] {
        c += &format!("70 {} 400 13 re f ", y - 3.0);
    }
    c += "70 637 100 13 re f 170 637 100 13 re f 0 g ";
    c += &text(72.0, 700.0, "Ra soat, cat giam thu tuc hanh chinh noi bo");
    c += &text(
        72.0,
        686.0,
        "trong he thong hanh chinh nha nuoc tinh Can Tho",
    );
    c += &text(72.0, 672.0, "giai doan 2026 - 2030.");
    c += &text(72.0, 640.0, "Chuyen doi so");
    c += &text(172.0, 640.0, "cap xa, phuong.");
    let d = read(&pdf_pages(&[&c], &[HELVETICA], "", ""));
    assert_eq!(d.tables().count(), 0, "{:?}", d.blocks);
}
