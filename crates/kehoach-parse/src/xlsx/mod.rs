//! The .xlsx appendix reader: a plan's task table sent as a spreadsheet, read with calamine
//! into the same table model as the other readers.
//!
//! Why calamine: it is the Rust ecosystem's standard spreadsheet reader (xlsx, xls, ods),
//! pure Rust, maintained, and it reads shared strings, number formats (so a date cell is
//! known as a date) and merged regions; its cell reader streams a sheet cell by cell, so a
//! sheet that claims a huge range is not allocated as a dense grid.
//!
//! Rules:
//! * the zip is first read through the same limits as a .docx package (entry count, inflated
//!   size, inflation ratio: [`crate::docx::Package`]), every XML part inflated once within
//!   them, so calamine never meets a zip bomb;
//! * each visible worksheet is one table: its used cells, from the first row that fills two
//!   or more cells to the last filled row, over the columns those rows fill; hidden sheets are
//!   not what a reader sees and are skipped;
//! * rows above that first row with a single filled cell ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ …",
//!   often merged across the width) are titles, read as paragraphs before the table;
//! * merged regions are spans: the top-left cell spans the region's columns and rows, the
//!   rows below hold [`crate::model::Cell::covered`] placeholders, as for .docx `vMerge`;
//! * a blank row that no merged region crosses is spacing and is left out;
//! * values read as shown: text as typed (a line break in a cell starts a paragraph), whole
//!   numbers without decimals, dates stored as serial numbers as dd/mm/yyyy.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::{Block, Cell, Document, Format, Paragraph, Row, Table};

/// Reads an .xlsx workbook into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    check_package(bytes, limits)?;
    // calamine is a dependency we do not control: a panic inside it is a damaged file, not
    // a crash of the whole import.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook(bytes, limits)
    }))
    .unwrap_or_else(|_| {
        Err(ParseError::corrupt(
            "the workbook cannot be read (the spreadsheet reader failed on it)",
        ))
    })
}

fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let sheets: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut doc = Document::new(Format::Xlsx);
    let mut cells_read = 0u64;
    for name in sheets {
        limits.check_time()?;
        let merges = wb.merge_cells_by_sheet_name(&name).map_err(xlsx_error)?;
        let mut values: HashMap<(u32, u32), String> = HashMap::new();
        let mut reader = wb.worksheet_cells_reader(&name).map_err(xlsx_error)?;
        while let Some(cell) = reader.next_cell().map_err(xlsx_error)? {
            cells_read += 1;
            Limits::check(
                cells_read,
                limits.max_cells,
                "the number of spreadsheet cells",
                "--max-cells",
            )?;
            if cells_read.is_multiple_of(4096) {
                limits.check_time()?;
            }
            let text = value_text(cell.get_value());
            if !text.trim().is_empty() {
                values.insert(cell.get_position(), text);
            }
        }
        drop(reader);
        let merges: Vec<((u32, u32), (u32, u32))> =
            merges.iter().map(|d| (d.start, d.end)).collect();
        sheet(&values, &merges, limits, &mut doc)?;
    }
    Ok(doc)
}

/// Inflates every XML part of the package once through the .docx reader's zip limits.
fn check_package(bytes: &[u8], limits: &Limits) -> Result<()> {
    let mut pkg = crate::docx::Package::open(bytes, limits)?;
    for name in pkg.names() {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            pkg.read(&name)?;
            limits.check_time()?;
        }
    }
    Ok(())
}

fn xlsx_error(e: calamine::XlsxError) -> ParseError {
    use calamine::XlsxError as E;
    match e {
        E::Password => ParseError::Encrypted("the workbook is password-protected".into()),
        E::Zip(z) => ParseError::corrupt(format!("not a valid workbook zip ({z})")),
        other => ParseError::corrupt(format!("the workbook cannot be read: {other}")),
    }
}

/// A cell value as the spreadsheet shows it.
fn value_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{day:02}/{m:02}/{y:04}")
        }
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn cell_paragraphs(text: Option<&String>) -> Vec<Paragraph> {
    match text {
        None => vec![Paragraph::default()],
        Some(t) => t
            .split('\n')
            .map(|l| Paragraph::new(kehoach_text::clean(l)))
            .collect(),
    }
}

/// One sheet's title paragraphs and table.
fn sheet(
    values: &HashMap<(u32, u32), String>,
    merges: &[((u32, u32), (u32, u32))],
    limits: &Limits,
    doc: &mut Document,
) -> Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    // Filled cells per row, in order.
    let mut rows: Vec<(u32, u32)> = values.keys().copied().collect();
    rows.sort_unstable();
    let mut per_row: Vec<(u32, Vec<u32>)> = Vec::new();
    for (r, c) in rows {
        match per_row.last_mut() {
            Some((lr, cols)) if *lr == r => cols.push(c),
            _ => per_row.push((r, vec![c])),
        }
    }
    let first = per_row.iter().position(|(_, cols)| cols.len() >= 2);
    let titles = first.unwrap_or(per_row.len());
    for (r, cols) in &per_row[..titles] {
        if let Some(t) = values.get(&(*r, cols[0])) {
            for p in cell_paragraphs(Some(t)) {
                doc.blocks.push(Block::Paragraph(p));
            }
        }
    }
    let Some(first) = first else { return Ok(()) };
    let r0 = per_row[first].0;
    let r1 = per_row.last().map_or(r0, |x| x.0);
    let table_rows = &per_row[first..];
    let c0 = table_rows.iter().map(|(_, c)| c[0]).min().unwrap_or(0);
    let c1 = table_rows
        .iter()
        .filter_map(|(_, c)| c.last().copied())
        .max()
        .unwrap_or(c0);
    // Merged regions clipped to the table's box.
    let regions: Vec<((u32, u32), (u32, u32))> = merges
        .iter()
        .filter_map(|&((ar, ac), (br, bc))| {
            let (ar, ac, br, bc) = (ar.max(r0), ac.max(c0), br.min(r1), bc.min(c1));
            (ar <= br && ac <= bc && (ar, ac) != (br, bc)).then_some(((ar, ac), (br, bc)))
        })
        .collect();
    let height = u64::from(r1 - r0) + 1;
    let width = u64::from(c1 - c0) + 1;
    limits.check_rows(height)?;
    Limits::check(
        height.saturating_mul(width),
        limits.max_cells,
        "the area of a table (rows × grid columns)",
        "--max-cells",
    )?;
    let merged_area: u64 = regions
        .iter()
        .map(|((ar, ac), (br, bc))| {
            (u64::from(*br) - u64::from(*ar) + 1) * (u64::from(*bc) - u64::from(*ac) + 1)
        })
        .sum();
    Limits::check(
        merged_area,
        limits.max_cells,
        "the area of the merged cells of a sheet",
        "--max-cells",
    )?;
    // Which region owns each cell of the box (regions that overlap an earlier one are
    // ignored where they overlap).
    let (h, w) = (height as usize, width as usize);
    let mut owner: Vec<u32> = vec![u32::MAX; h * w];
    for (i, ((ar, ac), (br, bc))) in regions.iter().enumerate() {
        for r in *ar..=*br {
            for c in *ac..=*bc {
                let k = (r - r0) as usize * w + (c - c0) as usize;
                if owner[k] == u32::MAX {
                    owner[k] = i as u32;
                }
            }
        }
    }
    let mut t = Table {
        grid_cols: w,
        rows: Vec::new(),
        borderless: false,
    };
    for r in r0..=r1 {
        let mut row = Row::default();
        // Columns counted from c0 (no arithmetic near u32::MAX).
        let mut i = 0usize;
        let mut touched = false;
        while i < w {
            let c = c0 + i as u32;
            let k = (r - r0) as usize * w + i;
            let col = i;
            match regions.get(owner[k] as usize) {
                Some(&((ar, ac), (br, bc))) if ac == c => {
                    touched = true;
                    let span = (bc - ac) as usize + 1;
                    if ar == r {
                        let mut cell = Cell::new(col, span, cell_paragraphs(values.get(&(r, c))));
                        cell.row_span = (br - ar) as usize + 1;
                        row.cells.push(cell);
                    } else {
                        let mut cell = Cell::new(col, span, Vec::new());
                        cell.covered = true;
                        row.cells.push(cell);
                    }
                    i += span;
                }
                Some(_) => i += 1,
                None => {
                    let v = values.get(&(r, c));
                    touched |= v.is_some();
                    row.cells.push(Cell::new(col, 1, cell_paragraphs(v)));
                    i += 1;
                }
            }
        }
        if touched {
            t.rows.push(row);
        }
    }
    // Row spans are set from the regions above (no search of the rows below).
    doc.blocks.push(Block::Table(t));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(f64::NAN), "NaN");
    }
}
