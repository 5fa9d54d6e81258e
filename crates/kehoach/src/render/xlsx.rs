//! The xlsx export, made for offices that open it in Excel or LibreOffice and print it on A4.
//!
//! Sheets: "Kế hoạch" (plans), "Nhiệm vụ" (items) and, when the selected plans were checked
//! (`import --check`), "Phát hiện" (findings). Headers, item kinds, deadline kinds and
//! severities are in Vietnamese; dates are real date cells shown dd/mm/yyyy (the Vietnamese
//! order), so they sort and filter as dates; group rows (headings such as "I. CÔNG TÁC CHỈ
//! ĐẠO") are bold and shaded so they do not read as tasks. Every sheet is set up to print: A4
//! landscape, all columns on one page wide (as many pages tall as needed), the header row
//! repeated on each page, narrow margins, grid lines, a footer naming the source and the page
//! ("Trang 3/12"). The header row is frozen and filterable. Sheets are written in
//! constant-memory mode (rows streamed to temporary files), so a large selection fits.

use std::path::Path;

use kehoach_store::query::{self, Filter, FindingRow};
use kehoach_store::Store;
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::store::{item_fields, plan_fields};

/// How a column's cells are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// Text on one line.
    Text,
    /// Text wrapped within the column.
    Wrap,
    /// A number when the text is one.
    Number,
    /// A date cell when the text is an ISO date (YYYY-MM-DD), else the text.
    Date,
}

/// (header, width in characters, cell kind) of each plan column, in `plan_fields` order.
const PLAN_COLUMNS: &[(&str, f64, Cell)] = &[
    ("Mã", 6.0, Cell::Number),
    ("Cơ quan ban hành", 26.0, Cell::Wrap),
    ("Cơ quan cấp trên", 22.0, Cell::Wrap),
    ("Loại văn bản", 12.0, Cell::Wrap),
    ("Số, ký hiệu", 16.0, Cell::Wrap),
    ("Ngày ban hành", 12.0, Cell::Date),
    ("Năm kế hoạch", 9.0, Cell::Number),
    ("Trích yếu", 60.0, Cell::Wrap),
    ("Số nhiệm vụ", 9.0, Cell::Number),
    ("Tệp nguồn", 30.0, Cell::Wrap),
    ("SHA-256", 16.0, Cell::Text),
];

/// (header, width, cell kind) of each item column, in `item_fields` order.
const ITEM_COLUMNS: &[(&str, f64, Cell)] = &[
    ("Mã kế hoạch", 8.0, Cell::Number),
    ("Cơ quan ban hành", 18.0, Cell::Wrap),
    ("Số, ký hiệu", 14.0, Cell::Wrap),
    ("Năm", 6.0, Cell::Number),
    ("STT", 6.0, Cell::Text),
    ("Cấp", 5.0, Cell::Number),
    ("Loại", 9.0, Cell::Text),
    ("Nội dung công việc", 56.0, Cell::Wrap),
    ("Cơ quan chủ trì", 22.0, Cell::Wrap),
    ("Cơ quan phối hợp", 24.0, Cell::Wrap),
    ("Thời hạn", 18.0, Cell::Wrap),
    ("Loại thời hạn", 12.0, Cell::Wrap),
    ("Hạn (ngày)", 11.0, Cell::Date),
    ("Tệp nguồn", 22.0, Cell::Text),
];

/// (header, width, cell kind) of each findings column, in `finding_fields` order.
const FINDING_COLUMNS: &[(&str, f64, Cell)] = &[
    ("Mã kế hoạch", 8.0, Cell::Number),
    ("Số, ký hiệu", 16.0, Cell::Wrap),
    ("STT", 6.0, Cell::Text),
    ("Mã phát hiện", 9.0, Cell::Text),
    ("Mức độ", 10.0, Cell::Text),
    ("Nội dung phát hiện", 60.0, Cell::Wrap),
    ("Vị trí", 28.0, Cell::Wrap),
    ("Gợi ý", 36.0, Cell::Wrap),
];

/// Index of "Loại" (item kind) in the item columns: a group row is bold and shaded.
const ITEM_KIND: usize = 6;
/// Index of "Loại thời hạn".
const ITEM_DEADLINE_KIND: usize = 11;

/// Number format of date cells: day/month/year, as Vietnamese documents write dates.
pub const DATE_FORMAT: &str = "dd/mm/yyyy";

/// The deadline kinds in Vietnamese, by their JSON name (`kind_name`). A kind this list does
/// not know yet (a newer parser) is shown by its name with spaces for underscores, never lost.
pub fn deadline_kind_vi(kind: &str) -> String {
    match kind {
        "empty" => "",
        "continuous" => "Thường xuyên",
        "recurring" => "Định kỳ",
        "before" => "Trước ngày",
        "on_date" => "Vào ngày",
        "months" => "Theo tháng",
        "quarters" => "Theo quý",
        "half_year" => "Theo nửa năm",
        "year" => "Trong năm",
        "within_year" => "Trong năm kế hoạch",
        "range" => "Khoảng thời gian",
        "since" => "Từ thời điểm trở đi",
        "until" => "Đến hết",
        "within" => "Trong thời hạn",
        "recurring_at" => "Định kỳ, có ngày",
        "compound" => "Nhiều mốc",
        "separate_plan" => "Theo kế hoạch riêng",
        "after_event" => "Sau sự kiện",
        "as_scheduled" => "Theo lịch của văn bản khác",
        "unparsed" => "Chưa đọc được",
        other => return other.replace('_', " "),
    }
    .to_string()
}

/// Item kinds in Vietnamese.
fn item_kind_vi(kind: &str) -> String {
    match kind {
        "group" => "Nhóm".into(),
        "task" => "Nhiệm vụ".into(),
        other => other.replace('_', " "),
    }
}

/// Finding severities in Vietnamese.
fn severity_vi(s: &str) -> String {
    match s {
        "error" => "Lỗi".into(),
        "warning" => "Cảnh báo".into(),
        "info" => "Lưu ý".into(),
        other => other.into(),
    }
}

/// Where a finding points, in Vietnamese, from the checker's `location`: "bảng 2, dòng 5,
/// cột chủ trì", "trích yếu", "đoạn 14: “Căn cứ …”".
fn where_vi(detail: Option<&serde_json::Value>) -> String {
    let Some(loc) = detail.and_then(|d| d.get("location")) else {
        return String::new();
    };
    let s = |k: &str| loc.get(k).and_then(|v| v.as_str()).map(String::from);
    let n = |k: &str| loc.get(k).and_then(|v| v.as_u64());
    let mut parts = Vec::new();
    if let Some(f) = s("field") {
        parts.push(
            match f.as_str() {
                "title" => "trích yếu",
                "date" => "ngày ban hành",
                "number" => "số, ký hiệu",
                "issuer" => "cơ quan ban hành",
                "appendix.title" => "tên phụ lục",
                "appendix.reference" => "dẫn chiếu phụ lục",
                "legal_bases" => "căn cứ",
                "recipients" => "nơi nhận",
                "signer" => "người ký",
                other => other,
            }
            .to_string(),
        );
    }
    if let Some(p) = n("page") {
        parts.push(format!("trang {p}"));
    }
    if let Some(t) = n("table") {
        parts.push(format!("bảng {t}"));
    }
    if let Some(r) = n("row") {
        parts.push(format!("dòng {r}"));
    }
    if let Some(c) = s("column") {
        let c = match c.as_str() {
            "stt" => "STT",
            "content" => "nội dung",
            "lead" => "chủ trì",
            "support" => "phối hợp",
            "deadline" => "thời hạn",
            other => other,
        };
        parts.push(format!("cột {c}"));
    }
    if let Some(p) = n("paragraph") {
        match s("paragraph_start") {
            Some(start) => parts.push(format!("đoạn {p}: “{start}”")),
            None => parts.push(format!("đoạn {p}")),
        }
    }
    if let Some(p) = s("parent_stt") {
        parts.push(format!("mục {p} của kế hoạch cấp trên"));
    }
    parts.join(", ")
}

fn finding_fields(f: &FindingRow) -> Vec<String> {
    let d = f.detail.as_ref();
    let text = |k: &str| {
        d.and_then(|d| d.get(k))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let stt = f.stt.clone().unwrap_or_else(|| {
        d.and_then(|d| d.pointer("/location/stt"))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    });
    vec![
        f.document_id.to_string(),
        f.number_text.clone().unwrap_or_default(),
        stt,
        f.code.clone(),
        severity_vi(&f.severity),
        f.message.clone(),
        where_vi(d),
        text("suggestion"),
    ]
}

/// The cell formats of a sheet: plain rows and group rows (bold, shaded).
struct Formats {
    text: Format,
    wrap: Format,
    date: Format,
    group_text: Format,
    group_wrap: Format,
    group_date: Format,
}

impl Formats {
    fn new() -> Formats {
        let text = Format::new().set_align(FormatAlign::Top);
        let wrap = text.clone().set_text_wrap();
        let date = text
            .clone()
            .set_num_format(DATE_FORMAT)
            .set_align(FormatAlign::Left);
        let group = |f: &Format| f.clone().set_bold().set_background_color("#E2EFDA");
        Formats {
            group_text: group(&text),
            group_wrap: group(&wrap),
            group_date: group(&date),
            text,
            wrap,
            date,
        }
    }

    fn get(&self, cell: Cell, group: bool) -> &Format {
        match (cell, group) {
            (Cell::Wrap, false) => &self.wrap,
            (Cell::Wrap, true) => &self.group_wrap,
            (Cell::Date, false) => &self.date,
            (Cell::Date, true) => &self.group_date,
            (_, false) => &self.text,
            (_, true) => &self.group_text,
        }
    }
}

/// An ISO date (YYYY-MM-DD, anything after the day ignored) as an Excel date.
fn iso_date(s: &str) -> Option<ExcelDateTime> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u16 = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    // Excel's dates start in 1900; the 1900 leap-year bug makes earlier dates unsafe.
    if !(1901..=9999).contains(&y) {
        return None;
    }
    ExcelDateTime::from_ymd(y, m, d).ok()
}

/// Header row, column widths, frozen header, and the print setup shared by every sheet.
fn setup(
    ws: &mut Worksheet,
    name: &str,
    cols: &[(&str, f64, Cell)],
    footer_source: &str,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin);
    for (c, (title, width, _)) in cols.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
        ws.write_string_with_format(0, c as u16, *title, &header)?;
    }
    // Titles wrap in narrow columns ("Mã kế hoạch"): the header row is as tall as they need.
    let titles: Vec<String> = cols.iter().map(|c| c.0.to_string()).collect();
    let wrapped: Vec<(&str, f64, Cell)> = cols.iter().map(|c| (c.0, c.1, Cell::Wrap)).collect();
    let lines = row_lines(&titles, &wrapped);
    if lines > 1 {
        ws.set_row_height(0, LINE_HEIGHT * lines as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Print: A4 (paper size 9) landscape, all columns one page wide, as tall as needed.
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    // Inches: left, right, top, bottom, header, footer.
    ws.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    ws.set_print_gridlines(true);
    ws.set_footer(footer(footer_source));
    Ok(())
}

/// The page footer: the source on the left, "Trang 3/12" on the right. `&` in a name is
/// doubled (a lone one starts a footer code); the name is cut to keep the footer within
/// Excel's 255 characters.
fn footer(source: &str) -> String {
    let mut name: String = source.chars().take(180).collect();
    name = name.replace('&', "&&");
    format!("&L&8{name}&R&8Trang &P/&N")
}

/// Points per line of the default 11-point font.
const LINE_HEIGHT: f64 = 15.0;

/// Lines the tallest wrapped cell of a row takes. Excel and LibreOffice do not grow a row
/// to its wrapped text when they open a file (LibreOffice printed such rows over each
/// other), so the writer sets each row's height: the cell wrapped by words at the column's
/// width in characters, one character taken off for the cell's padding (an estimate that
/// errs towards a row too tall, never one that hides text).
fn row_lines(fields: &[String], cols: &[(&str, f64, Cell)]) -> usize {
    fields
        .iter()
        .zip(cols)
        .filter(|(v, (_, _, cell))| *cell == Cell::Wrap && !v.is_empty())
        .map(|(v, (_, w, _))| super::table::wrap(v, (*w as usize).saturating_sub(1).max(1)).len())
        .max()
        .unwrap_or(1)
        .max(1)
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    fields: &[String],
    cols: &[(&str, f64, Cell)],
    fmts: &Formats,
    group: bool,
) -> Result<(), XlsxError> {
    let lines = row_lines(fields, cols);
    if lines > 1 {
        ws.set_row_height(row, (LINE_HEIGHT * lines as f64).min(409.0))?;
    }
    for (c, v) in fields.iter().enumerate() {
        let Some(&(_, _, cell)) = cols.get(c) else {
            break;
        };
        let fmt = fmts.get(cell, group);
        match cell {
            Cell::Number => {
                if let Ok(n) = v.parse::<f64>() {
                    ws.write_number_with_format(row, c as u16, n, fmt)?;
                    continue;
                }
            }
            Cell::Date => {
                if let Some(d) = iso_date(v) {
                    ws.write_date_with_format(row, c as u16, d, fmt)?;
                    continue;
                }
            }
            _ => {}
        }
        if !v.is_empty() {
            ws.write_string_with_format(row, c as u16, v, fmt)?;
        } else if group {
            // Shade the whole group row, empty cells too.
            ws.write_blank(row, c as u16, fmt)?;
        }
    }
    Ok(())
}

/// Filters on the header row, and the print area: the table's own columns, so that text
/// running past the last column (a long path on one line) does not pull empty columns onto
/// the page and shrink the print.
fn finish(ws: &mut Worksheet, last_row: u32, ncols: usize) -> Result<(), XlsxError> {
    let last_col = ncols.saturating_sub(1) as u16;
    if last_row > 0 {
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    ws.set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}

/// What a workbook export wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub plans: usize,
    pub items: usize,
    pub findings: usize,
}

/// Writes the workbook. `source` names where the rows came from (the store), for the page
/// footer when the selection has more than one plan; a single plan's footer names its file.
pub fn export(path: &Path, store: &Store, f: &Filter, source: &str) -> Result<Written, String> {
    let err = |e: XlsxError| format!("{}: {e}", path.display());
    let store_err = |e: kehoach_store::Error| e.to_string();
    let fmts = Formats::new();
    // The footer: the plan's own file when one plan is exported, else the store.
    let selected = {
        let mut paths = Vec::new();
        let mut probe = f.clone();
        probe.limit = Some(2);
        query::plans(store, &probe, &mut |p| {
            paths.push(p.path);
            Ok(())
        })
        .map_err(store_err)?;
        paths
    };
    let footer_source = match selected.as_slice() {
        [one] => one.clone(),
        _ => source.to_string(),
    };
    let mut wb = Workbook::new();
    let plans = {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        setup(ws, "Kế hoạch", PLAN_COLUMNS, &footer_source).map_err(err)?;
        let mut row = 1u32;
        let mut failure = None;
        query::plans(store, f, &mut |p| {
            let mut fields = plan_fields(&p);
            // The date cell takes the ISO date; the text as written when there is none.
            fields[5] = p
                .date
                .clone()
                .or_else(|| p.date_text.clone())
                .unwrap_or_default();
            if let Err(e) = write_row(ws, row, &fields, PLAN_COLUMNS, &fmts, false) {
                failure.get_or_insert(e.to_string());
            }
            row += 1;
            Ok(())
        })
        .map_err(store_err)?;
        if let Some(e) = failure {
            return Err(e);
        }
        let plans = (row - 1) as usize;
        finish(ws, row - 1, PLAN_COLUMNS.len()).map_err(err)?;
        plans
    };
    let items = {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        setup(ws, "Nhiệm vụ", ITEM_COLUMNS, &footer_source).map_err(err)?;
        let mut row = 1u32;
        let mut failure = None;
        query::items(store, f, &mut |i| {
            let mut fields = item_fields(&i);
            let group = fields[ITEM_KIND] == "group";
            fields[ITEM_KIND] = item_kind_vi(&fields[ITEM_KIND]);
            fields[ITEM_DEADLINE_KIND] = deadline_kind_vi(&fields[ITEM_DEADLINE_KIND]);
            if let Err(e) = write_row(ws, row, &fields, ITEM_COLUMNS, &fmts, group) {
                failure.get_or_insert(e.to_string());
            }
            row += 1;
            Ok(())
        })
        .map_err(store_err)?;
        if let Some(e) = failure {
            return Err(e);
        }
        let items = (row - 1) as usize;
        finish(ws, row - 1, ITEM_COLUMNS.len()).map_err(err)?;
        items
    };
    // Findings of checked plans (a few per plan): collected, and a sheet only when any.
    let mut found = Vec::new();
    query::findings(store, f, &mut |r| {
        found.push(r);
        Ok(())
    })
    .map_err(store_err)?;
    if !found.is_empty() {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        setup(ws, "Phát hiện", FINDING_COLUMNS, &footer_source).map_err(err)?;
        for (n, r) in found.iter().enumerate() {
            let row = n as u32 + 1;
            write_row(ws, row, &finding_fields(r), FINDING_COLUMNS, &fmts, false).map_err(err)?;
        }
        finish(ws, found.len() as u32, FINDING_COLUMNS.len()).map_err(err)?;
    }
    wb.save(path).map_err(err)?;
    Ok(Written {
        plans,
        items,
        findings: found.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_only_from_iso() {
        assert!(iso_date("2026-03-31").is_some());
        assert!(iso_date("2027-12-31T00:00").is_some());
        assert!(iso_date("2026-02-30").is_none());
        assert!(iso_date("31/03/2026").is_none());
        assert!(iso_date("1899-12-31").is_none());
        assert!(iso_date("ngày 15 tháng 01").is_none());
        assert!(iso_date("2026-0é-01").is_none());
    }

    #[test]
    fn kinds_in_vietnamese_and_unknown_kinds_kept() {
        assert_eq!(deadline_kind_vi("before"), "Trước ngày");
        assert_eq!(deadline_kind_vi("continuous"), "Thường xuyên");
        assert_eq!(deadline_kind_vi("empty"), "");
        assert_eq!(deadline_kind_vi("half_year"), "Theo nửa năm");
        assert_eq!(deadline_kind_vi("quarters"), "Theo quý");
        // A kind added by a newer parser is shown by its name, not dropped.
        assert_eq!(deadline_kind_vi("school_year"), "school year");
        assert_eq!(item_kind_vi("group"), "Nhóm");
        assert_eq!(severity_vi("warning"), "Cảnh báo");
    }

    #[test]
    fn finding_places_in_vietnamese() {
        let d = serde_json::json!({"location": {"table": 2, "row": 5, "column": "lead"}});
        assert_eq!(where_vi(Some(&d)), "bảng 2, dòng 5, cột chủ trì");
        let d = serde_json::json!({"location": {"field": "title"}});
        assert_eq!(where_vi(Some(&d)), "trích yếu");
        let d =
            serde_json::json!({"location": {"paragraph": 14, "paragraph_start": "Căn cứ Luật"}});
        assert_eq!(where_vi(Some(&d)), "đoạn 14: “Căn cứ Luật”");
        assert_eq!(where_vi(None), "");
    }

    #[test]
    fn footer_escapes_ampersands() {
        assert_eq!(
            footer("KH Sở KH&ĐT Lào Cai.docx"),
            "&L&8KH Sở KH&&ĐT Lào Cai.docx&R&8Trang &P/&N"
        );
    }
}
