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
            vec![cell("illicit lilt"), cell("Chi thi, Nghi quyet tinh Ha Tinh")],
        ]]
    );
}
