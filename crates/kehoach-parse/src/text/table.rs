//! Text tables → [`Table`]: ragged rows, repeated headers, rows cut by page breaks, inline
//! agency lists.
//!
//! * A row whose first cell (STT) is empty continues the data row above it (the row was cut at
//!   a page break). It is merged column by column: the first line of each continued cell is
//!   joined to the last line above with a space, unless it starts a new list line ("- ").
//! * A cell line that is an inline list (`- Công an tỉnh - Sở Lao động - Thương binh và Xã
//!   hội - UBND cấp huyện`) is split before each " - " that starts a new agency: a capitalised
//!   word or a known acronym (UBND, HĐND, …), but not an unknown all-caps abbreviation
//!   (`Phòng Hỗ trợ - HCTP` stays whole). The split keeps the "- " on each line, so the
//!   cell's text is unchanged.
//! * A text table cannot say that a cell spans columns; converters write the text in the first
//!   column and leave the rest empty. Where a row's last filled cell is a time expression ("Theo
//!   Kế hoạch riêng", "Thường xuyên", "Năm 2024") in a column before the last, followed only by
//!   empty cells, it is read as one cell spanning to the last column, as the source document had
//!   it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Cell, Paragraph, Row, Table};

use super::inline;

/// One source line of a table, split into raw cell texts.
#[derive(Debug, Clone)]
pub(crate) struct RawRow {
    /// 1-based line number in the file.
    pub line: usize,
    pub cells: Vec<String>,
    /// The row is a header (the line above a `|---|` separator, or a repeated header).
    pub header: bool,
}

/// A table as found in the text, before cleaning up.
#[derive(Debug, Clone)]
pub(crate) struct RawTable {
    pub rows: Vec<RawRow>,
}

impl RawTable {
    pub fn new() -> Self {
        RawTable { rows: Vec::new() }
    }

    /// The number of columns: the header's for a pipe table with a header, else the most
    /// common row width (the first row's on a tie).
    pub fn width(&self) -> usize {
        if let Some(h) = self.rows.first().filter(|r| r.header) {
            return h.cells.len();
        }
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for r in &self.rows {
            match counts.iter_mut().find(|(w, _)| *w == r.cells.len()) {
                Some((_, n)) => *n += 1,
                None => counts.push((r.cells.len(), 1)),
            }
        }
        let best = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
        counts
            .iter()
            .find(|&&(_, n)| n == best)
            .map(|&(w, _)| w)
            .unwrap_or(0)
    }

    /// Adds the rows of a later piece of the same table.
    pub fn append(&mut self, next: RawTable) {
        self.rows.extend(next.rows);
    }
}

/// A comparison key for a cell: its text without markup, case and spacing folded.
fn cell_key(c: &str) -> String {
    let text: Vec<String> = inline::parse(c, true).into_iter().map(|l| l.text).collect();
    kehoach_text::clean(&text.join(" ")).to_lowercase()
}

/// Whether a row says the same as a header whose cell keys are `key`, cell by cell; stops at
/// the first difference.
fn same_row(key: &[String], cells: &[String]) -> bool {
    key.len() == cells.len() && key.iter().zip(cells).all(|(k, c)| *k == cell_key(c))
}

fn row_key(cells: &[String]) -> Vec<String> {
    cells.iter().map(|c| cell_key(c)).collect()
}

/// "1", "1.2", "2.1.3.", "IV", "a)": what an STT cell holds.
pub(crate) fn is_numbering(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d+(\.\d+)*\.?|[IVXLC]+\.?|[a-zđ][\.\)])$").expect("valid regex")
    });
    RE.is_match(s.trim())
}

/// Whether `next`, found right after `prev` with only blank lines between, is a later piece of
/// the same table: it repeats the header, or has no header of its own and starts with a row
/// that continues or numbers like a data row. Marks a repeated header as a header.
pub(crate) fn continues(prev: &mut RawTable, next: &mut RawTable) -> bool {
    let (Some(first), Some(next_first)) = (prev.rows.first(), next.rows.first()) else {
        return false;
    };
    if prev.width() != next.width() {
        return false;
    }
    if same_row(&row_key(&first.cells), &next_first.cells) {
        next.rows[0].header = true;
        prev.rows[0].header = true;
        return true;
    }
    let stt = |r: &RawRow| {
        let t: Vec<String> = r
            .cells
            .first()
            .map(|c| inline::parse(c, true))
            .unwrap_or_default()
            .into_iter()
            .map(|l| l.text)
            .collect();
        kehoach_text::clean(&t.join(" "))
    };
    let head_is_data = is_numbering(&stt(first));
    let next_stt = stt(next_first);
    // Only arabic numbering counts here: "C" or "I" may be a header word as well as a number.
    let numbered = next_stt.starts_with(|c: char| c.is_ascii_digit()) && is_numbering(&next_stt);
    if !head_is_data && (next_stt.is_empty() || numbered) {
        // A piece whose "header" is really a data row.
        next.rows[0].header = false;
        return true;
    }
    false
}

/// The paragraphs of a raw cell: one per line, markup removed.
fn cell_paragraphs(raw: &str) -> Vec<Paragraph> {
    inline::parse(raw, true)
        .into_iter()
        .filter_map(|l| {
            let text = kehoach_text::clean(&l.text);
            (!text.is_empty()).then(|| Paragraph {
                text,
                bold: l.bold,
                italic: l.italic,
                ..Default::default()
            })
        })
        .collect()
}

struct BuiltRow {
    line: usize,
    header: bool,
    cells: Vec<Vec<Paragraph>>,
}

fn is_blank(cell: &[Paragraph]) -> bool {
    cell.iter().all(|p| p.text.is_empty())
}

/// Builds the model table: ragged rows fixed, headers marked, continuation rows merged, inline
/// lists split, spans restored.
pub(crate) fn build(raw: RawTable, warnings: &mut Vec<String>) -> Table {
    let width = raw.width().max(1);
    let first_key = raw.rows.first().map(|r| row_key(&r.cells));
    let recurs = first_key
        .as_ref()
        .is_some_and(|k| raw.rows.iter().skip(1).any(|r| same_row(k, &r.cells)));
    // Without a header mark, a first row with no number above numbered rows is the header
    // (the .docx marks it to repeat on every page).
    let first_cell = |r: &RawRow| r.cells.first().map(|c| cell_key(c)).unwrap_or_default();
    let numbered_header = !raw.rows.iter().any(|r| r.header)
        && raw.rows.first().is_some_and(|r| {
            let k = first_cell(r);
            !k.is_empty() && !is_numbering(&k)
        })
        && raw
            .rows
            .iter()
            .skip(1)
            .take(50)
            .any(|r| is_numbering(&first_cell(r)));
    let mut rows: Vec<BuiltRow> = Vec::with_capacity(raw.rows.len());
    for (idx, r) in raw.rows.into_iter().enumerate() {
        let mut header = r.header || (idx == 0 && numbered_header);
        if recurs
            && first_key
                .as_ref()
                .is_some_and(|k| idx == 0 || same_row(k, &r.cells))
        {
            header = true;
        }
        let mut cells = r.cells;
        if cells.len() != width {
            if cells.len() > width {
                let extra: Vec<String> = cells.split_off(width);
                if extra.iter().any(|c| !c.trim().is_empty()) {
                    warnings.push(format!(
                        "ragged row at line {}: {} cells where the table has {}; the extra cells were joined into the last column",
                        r.line,
                        width + extra.len(),
                        width
                    ));
                    if let Some(last) = cells.last_mut() {
                        for e in extra.iter().filter(|e| !e.trim().is_empty()) {
                            last.push(' ');
                            last.push_str(e);
                        }
                    }
                }
            } else {
                warnings.push(format!(
                    "ragged row at line {}: {} cells where the table has {}; padded with empty cells",
                    r.line,
                    cells.len(),
                    width
                ));
                cells.resize(width, String::new());
            }
        }
        let cells: Vec<Vec<Paragraph>> = cells.iter().map(|c| cell_paragraphs(c)).collect();
        if cells.iter().all(|c| is_blank(c)) {
            continue;
        }
        rows.push(BuiltRow {
            line: r.line,
            header,
            cells,
        });
    }

    // Rows cut by a page break: an empty STT continues the data row above.
    let mut merged: Vec<BuiltRow> = Vec::with_capacity(rows.len());
    for row in rows {
        let continues = !row.header && is_blank(&row.cells[0]);
        let target = if continues {
            merged.iter_mut().rev().find(|r| !r.header)
        } else {
            None
        };
        match target {
            Some(above) => {
                for (c, cont) in row.cells.into_iter().enumerate() {
                    merge_cell(&mut above.cells[c], cont);
                }
            }
            None => merged.push(row),
        }
    }

    let mut table = Table {
        grid_cols: width,
        rows: Vec::with_capacity(merged.len()),
        borderless: false,
    };
    for row in merged {
        let mut cells: Vec<Cell> = Vec::with_capacity(width);
        let mut paras: Vec<Vec<Paragraph>> =
            row.cells.into_iter().map(split_inline_lists).collect();
        let span_from = if row.header {
            None
        } else {
            spanned_tail(&paras)
        };
        if let Some(k) = span_from {
            paras.truncate(k + 1);
        }
        for (col, mut p) in paras.into_iter().enumerate() {
            if p.is_empty() {
                p.push(Paragraph::default());
            }
            let span = if Some(col) == span_from {
                width - col
            } else {
                1
            };
            cells.push(Cell::new(col, span, p));
        }
        let _ = row.line;
        table.rows.push(Row {
            cells,
            repeat_header: row.header,
            page: None,
        });
    }
    table
}

/// Merges the cell of a continuation row into the cell above.
fn merge_cell(above: &mut Vec<Paragraph>, cont: Vec<Paragraph>) {
    let mut cont: Vec<Paragraph> = cont.into_iter().filter(|p| !p.text.is_empty()).collect();
    if cont.is_empty() {
        return;
    }
    above.retain(|p| !p.text.is_empty());
    let Some(last) = above.last_mut() else {
        *above = cont;
        return;
    };
    if starts_list_line(&cont[0].text) {
        above.extend(cont);
        return;
    }
    let first = cont.remove(0);
    last.text.push(' ');
    last.text.push_str(&first.text);
    last.bold &= first.bold;
    last.italic &= first.italic;
    above.extend(cont);
}

fn starts_list_line(t: &str) -> bool {
    t.starts_with("- ") || t.starts_with("+ ") || t.starts_with("• ") || t.starts_with("– ")
}

/// Acronyms that begin an agency's name.
const AGENCY_ACRONYMS: &[&str] = &[
    "UBND", "HĐND", "MTTQ", "UBMTTQ", "BHXH", "TAND", "VKSND", "BCĐ", "BCH", "ĐBQH",
];

/// Whether the word after " - " starts a new agency.
fn starts_agency(rest: &str) -> bool {
    let word = rest.split_whitespace().next().unwrap_or("");
    let word = word.trim_end_matches([',', ';', ':', '.', ')']);
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if word.chars().any(|c| c.is_lowercase()) {
        return true;
    }
    AGENCY_ACRONYMS
        .iter()
        .any(|a| word == *a || word.strip_prefix(a).is_some_and(|r| r.starts_with('-')))
}

/// Splits each list line of a cell ("- A - B") into one paragraph per agency.
fn split_inline_lists(cell: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(cell.len());
    for p in cell {
        if !p.text.starts_with("- ") {
            out.push(p);
            continue;
        }
        let mut start = 0;
        let mut pieces = Vec::new();
        let text = p.text.as_str();
        let mut search = 2;
        while let Some(off) = text[search..].find(" - ") {
            let at = search + off;
            if starts_agency(&text[at + 3..]) {
                pieces.push(text[start..at].trim_end().to_string());
                start = at + 1;
            }
            search = at + 3;
        }
        if pieces.is_empty() {
            out.push(p);
            continue;
        }
        pieces.push(text[start..].to_string());
        for t in pieces {
            out.push(Paragraph {
                text: t,
                ..p.clone()
            });
        }
    }
    out
}

/// What a deadline cell says: a time or a schedule.
fn is_time_expression(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(theo (kế hoạch|chương trình|lộ trình|tiến độ)|thường xuyên|trước (ngày|tháng|quý|năm)|định kỳ|hàng (năm|quý|tháng|tuần)|năm \d{4}|tháng \d|quý (\d|i)|ngay sau|trong (năm|tháng|quý)|\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4})",
        )
        .expect("valid regex")
    });
    RE.is_match(s)
}

/// The column of a cell that spans to the end of the row, where text tables lost the span.
fn spanned_tail(cells: &[Vec<Paragraph>]) -> Option<usize> {
    let width = cells.len();
    if width < 4 || is_blank(&cells[0]) || is_blank(&cells[1]) {
        return None;
    }
    let k = cells.iter().rposition(|c| !is_blank(c))?;
    if k < 2 || k + 1 >= width {
        return None;
    }
    let text: Vec<&str> = cells[k].iter().map(|p| p.text.as_str()).collect();
    is_time_expression(&text.join(" ")).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Paragraph {
        Paragraph::new(t)
    }

    fn texts(v: &[Paragraph]) -> Vec<&str> {
        v.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn inline_lists() {
        let s = split_inline_lists(vec![para(
            "- Công an tỉnh - Bảo hiểm xã hội tỉnh - UBND cấp xã",
        )]);
        assert_eq!(
            texts(&s),
            ["- Công an tỉnh", "- Bảo hiểm xã hội tỉnh", "- UBND cấp xã"]
        );
        let s = split_inline_lists(vec![para("- Phòng Hỗ trợ - HCTP - Văn phòng Sở")]);
        assert_eq!(texts(&s), ["- Phòng Hỗ trợ - HCTP", "- Văn phòng Sở"]);
        let s = split_inline_lists(vec![para("- Sở Lao động - Thương binh và Xã hội")]);
        assert_eq!(texts(&s), ["- Sở Lao động", "- Thương binh và Xã hội"]);
        let s = split_inline_lists(vec![para("- Các sở, ban, ngành; - UBND cấp huyện;")]);
        assert_eq!(texts(&s), ["- Các sở, ban, ngành;", "- UBND cấp huyện;"]);
        // Not a list line: left alone.
        let s = split_inline_lists(vec![para("Sở Lao động - Thương binh và Xã hội")]);
        assert_eq!(texts(&s), ["Sở Lao động - Thương binh và Xã hội"]);
        let s = split_inline_lists(vec![para("- liên thông 3 cấp tỉnh - huyện - xã")]);
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn continuation_merge() {
        let mut above = vec![para("- Văn phòng UBND")];
        merge_cell(&mut above, vec![para("tỉnh; - Các cơ quan")]);
        assert_eq!(texts(&above), ["- Văn phòng UBND tỉnh; - Các cơ quan"]);
        let mut above = vec![para("- Văn phòng UBND tỉnh")];
        merge_cell(&mut above, vec![para("- UBND cấp huyện")]);
        assert_eq!(texts(&above), ["- Văn phòng UBND tỉnh", "- UBND cấp huyện"]);
        let mut above = vec![Paragraph::default()];
        merge_cell(&mut above, vec![para("x")]);
        assert_eq!(texts(&above), ["x"]);
    }

    #[test]
    fn ragged_rows_warn() {
        let raw = RawTable {
            rows: vec![
                RawRow {
                    line: 1,
                    cells: vec!["a".into(), "b".into(), "c".into()],
                    header: false,
                },
                RawRow {
                    line: 2,
                    cells: vec!["1".into(), "x".into()],
                    header: false,
                },
                RawRow {
                    line: 3,
                    cells: vec!["2".into(), "y".into(), "z".into(), "w".into()],
                    header: false,
                },
                RawRow {
                    line: 4,
                    cells: vec!["3".into(), "y".into(), "z".into()],
                    header: false,
                },
            ],
        };
        let mut w = Vec::new();
        let t = build(raw, &mut w);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains("line 2"));
        assert!(w[1].contains("line 3"));
        assert!(t.rows.iter().all(|r| r.cells.len() == 3));
        assert_eq!(t.rows[2].cells[2].text(), "z w");
    }

    #[test]
    fn numbering() {
        for s in ["1", "1.", "2.1.3", "IV.", "a)"] {
            assert!(is_numbering(s), "{s}");
        }
        for s in ["STT", "", "Nội dung"] {
            assert!(!is_numbering(s), "{s}");
        }
    }
}
