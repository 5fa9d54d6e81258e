//! The xlsx export: one sheet of plans ("Kế hoạch"), one of items ("Nhiệm vụ"), Vietnamese
//! headers, columns sized to read, the header row frozen and filterable. Sheets are written
//! in constant-memory mode (rows streamed to temporary files), so a large selection fits.

use std::path::Path;

use kehoach_store::query::{self, Filter};
use kehoach_store::Store;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::store::{item_fields, plan_fields};

/// (header, width in characters, wrap) of each plan column, in `plan_fields` order.
const PLAN_COLUMNS: &[(&str, f64, bool)] = &[
    ("Mã", 7.0, false),
    ("Cơ quan ban hành", 30.0, true),
    ("Cơ quan cấp trên", 28.0, true),
    ("Loại văn bản", 14.0, false),
    ("Số, ký hiệu", 20.0, false),
    ("Ngày ban hành", 22.0, false),
    ("Năm kế hoạch", 13.0, false),
    ("Trích yếu", 70.0, true),
    ("Số nhiệm vụ", 12.0, false),
    ("Tệp nguồn", 40.0, false),
    ("SHA-256", 20.0, false),
];

/// (header, width, wrap) of each item column, in `item_fields` order.
const ITEM_COLUMNS: &[(&str, f64, bool)] = &[
    ("Mã kế hoạch", 11.0, false),
    ("Cơ quan ban hành", 26.0, true),
    ("Số, ký hiệu", 18.0, false),
    ("Năm", 7.0, false),
    ("STT", 8.0, false),
    ("Cấp", 5.0, false),
    ("Loại", 10.0, false),
    ("Nội dung công việc", 70.0, true),
    ("Cơ quan chủ trì", 30.0, true),
    ("Cơ quan phối hợp", 30.0, true),
    ("Thời hạn", 28.0, true),
    ("Loại thời hạn", 14.0, false),
    ("Hạn (ngày)", 12.0, false),
    ("Tệp nguồn", 40.0, false),
];

/// The deadline kinds in Vietnamese, for the workbook.
fn deadline_kind_vi(kind: &str) -> &str {
    match kind {
        "empty" => "",
        "continuous" => "Thường xuyên",
        "recurring" => "Định kỳ",
        "before" => "Trước ngày",
        "on_date" => "Vào ngày",
        "months" => "Theo tháng",
        "year" => "Trong năm",
        "separate_plan" => "Theo kế hoạch riêng",
        "after_event" => "Sau sự kiện",
        "as_scheduled" => "Theo lịch của văn bản khác",
        "unparsed" => "Chưa đọc được",
        other => other,
    }
}

fn setup(ws: &mut Worksheet, name: &str, cols: &[(&str, f64, bool)]) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#DDEBF7")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    for (c, (title, width, _)) in cols.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
        ws.write_string_with_format(0, c as u16, *title, &header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    fields: &[String],
    cols: &[(&str, f64, bool)],
    numeric: &[usize],
    wrap: &Format,
    top: &Format,
) -> Result<(), XlsxError> {
    for (c, v) in fields.iter().enumerate() {
        let fmt = if cols[c].2 { wrap } else { top };
        if numeric.contains(&c) {
            if let Ok(n) = v.parse::<f64>() {
                ws.write_number_with_format(row, c as u16, n, fmt)?;
                continue;
            }
        }
        if !v.is_empty() {
            ws.write_string_with_format(row, c as u16, v, fmt)?;
        }
    }
    Ok(())
}

/// Writes the workbook; returns (plans, items) written.
pub fn export(path: &Path, store: &Store, f: &Filter) -> Result<(usize, usize), String> {
    let err = |e: XlsxError| format!("{}: {e}", path.display());
    let store_err = |e: kehoach_store::Error| e.to_string();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let mut wb = Workbook::new();
    let plans = {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        setup(ws, "Kế hoạch", PLAN_COLUMNS).map_err(err)?;
        let mut row = 1u32;
        let mut failure = None;
        query::plans(store, f, &mut |p| {
            if let Err(e) = write_row(
                ws,
                row,
                &plan_fields(&p),
                PLAN_COLUMNS,
                &[0, 6, 8],
                &wrap,
                &top,
            ) {
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
        if plans > 0 {
            ws.autofilter(0, 0, row - 1, PLAN_COLUMNS.len() as u16 - 1)
                .map_err(err)?;
        }
        plans
    };
    let items = {
        let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
        setup(ws, "Nhiệm vụ", ITEM_COLUMNS).map_err(err)?;
        let mut row = 1u32;
        let mut failure = None;
        query::items(store, f, &mut |i| {
            let mut fields = item_fields(&i);
            fields[6] = match fields[6].as_str() {
                "group" => "Nhóm".into(),
                "task" => "Nhiệm vụ".into(),
                other => other.into(),
            };
            fields[11] = deadline_kind_vi(&fields[11]).to_string();
            if let Err(e) = write_row(ws, row, &fields, ITEM_COLUMNS, &[0, 3, 5], &wrap, &top) {
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
        if items > 0 {
            ws.autofilter(0, 0, row - 1, ITEM_COLUMNS.len() as u16 - 1)
                .map_err(err)?;
        }
        items
    };
    wb.save(path).map_err(err)?;
    Ok((plans, items))
}
