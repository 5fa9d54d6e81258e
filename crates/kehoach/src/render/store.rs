//! Plans and items from the store as a table, CSV, JSON lines or JSON. Rows are written as
//! they are read, so a large selection does not sit in memory.

use std::io::{self, Write};

use kehoach_store::query::{self, Filter, ItemRow, PlanRow};
use kehoach_store::Store;

use super::records::csv_field;
use super::table::{layout, Column, Table};

#[derive(Debug)]
pub enum Error {
    Io(io::Error),
    Store(kehoach_store::Error),
}

impl std::error::Error for Error {}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(e) => write!(f, "cannot write output: {e}"),
            Error::Store(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<kehoach_store::Error> for Error {
    fn from(e: kehoach_store::Error) -> Self {
        match e {
            kehoach_store::Error::Io(e) => Error::Io(e),
            e => Error::Store(e),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A terminal table this many columns wide.
    Table(usize),
    Csv,
    Jsonl,
    Json,
}

/// Column headers of the plan and item exports (CSV; the xlsx uses Vietnamese ones).
pub const PLAN_HEADERS: &[&str] = &[
    "id",
    "issuer",
    "parent_body",
    "doc_type",
    "number",
    "date",
    "year",
    "title",
    "items",
    "path",
    "sha256",
];
pub const ITEM_HEADERS: &[&str] = &[
    "plan_id",
    "issuer",
    "number",
    "year",
    "stt",
    "level",
    "kind",
    "content",
    "lead",
    "support",
    "deadline",
    "deadline_kind",
    "due_date",
    "path",
];

pub fn plan_fields(p: &PlanRow) -> Vec<String> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    vec![
        p.id.to_string(),
        o(&p.issuer),
        o(&p.parent_body),
        o(&p.doc_type),
        o(&p.number_text),
        p.date
            .clone()
            .or_else(|| p.date_text.clone())
            .unwrap_or_default(),
        p.year.map(|y| y.to_string()).unwrap_or_default(),
        o(&p.title),
        p.items.to_string(),
        p.path.clone(),
        p.sha256.clone(),
    ]
}

pub fn item_fields(i: &ItemRow) -> Vec<String> {
    vec![
        i.document_id.to_string(),
        i.issuer.clone().unwrap_or_default(),
        i.number_text.clone().unwrap_or_default(),
        i.year.map(|y| y.to_string()).unwrap_or_default(),
        i.stt.clone(),
        i.level.to_string(),
        i.kind.clone(),
        i.content.clone(),
        i.lead.join("; "),
        i.support.join("; "),
        i.deadline.clone(),
        i.deadline_kind.clone(),
        i.deadline_date.clone().unwrap_or_default(),
        i.path.clone(),
    ]
}

fn csv_line(out: &mut impl Write, fields: &[String]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", line.join(","))
}

/// Columns of `query plans` (rows are streamed, so widths come from the terminal alone).
const PLAN_TABLE: [Column; 7] = [
    Column::fixed("Mã", 2, 4, 6),
    Column::fixed("Cơ quan ban hành", 10, 24, 40),
    Column::fixed("Số", 6, 16, 20),
    Column::fixed("Ngày", 8, 12, 24),
    Column::fixed("Năm", 4, 4, 4),
    Column::fixed("NV", 3, 4, 5),
    Column::flex("Trích yếu", 24),
];

/// Columns of `query items`: at 100 columns the content keeps 30 and the others share the rest.
const ITEM_TABLE: [Column; 6] = [
    Column::fixed("Mã", 2, 4, 6),
    Column::fixed("STT", 3, 6, 8),
    Column::flex("Nội dung", 30),
    Column::fixed("Chủ trì", 8, 18, 30),
    Column::fixed("Phối hợp", 8, 18, 30),
    Column::fixed("Thời hạn", 8, 14, 24),
];

/// An ISO date as Vietnamese documents write it (2026-02-05 → 05/02/2026); other text as is.
fn vn_date(iso: &str) -> String {
    let b = iso.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' && iso.is_ascii() {
        format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4])
    } else {
        iso.to_string()
    }
}

/// Writes the selected plans; returns how many.
pub fn plans(
    out: &mut impl Write,
    store: &Store,
    f: &Filter,
    format: Format,
) -> Result<usize, Error> {
    let mut n = 0;
    let table = Table::new(match format {
        Format::Table(w) => layout(&PLAN_TABLE, &[], w),
        _ => Vec::new(),
    });
    match format {
        Format::Csv => csv_line(
            out,
            &PLAN_HEADERS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        )?,
        Format::Json => write!(out, "[")?,
        Format::Table(_) => table.header(out, &PLAN_TABLE)?,
        Format::Jsonl => {}
    }
    query::plans(store, f, &mut |p| {
        let r = (|| -> io::Result<()> {
            match format {
                Format::Csv => csv_line(out, &plan_fields(&p)),
                Format::Jsonl => {
                    serde_json::to_writer(&mut *out, &p)?;
                    writeln!(out)
                }
                Format::Json => {
                    if n > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    serde_json::to_writer(&mut *out, &p).map_err(io::Error::from)
                }
                Format::Table(_) => table.row(
                    out,
                    &[
                        p.id.to_string(),
                        p.issuer.clone().unwrap_or_default(),
                        p.number_text
                            .as_deref()
                            .unwrap_or("")
                            .trim_start_matches("Số:")
                            .trim()
                            .to_string(),
                        p.date
                            .as_deref()
                            .map(vn_date)
                            .or(p.date_text.clone())
                            .unwrap_or_default(),
                        p.year.map(|y| y.to_string()).unwrap_or_default(),
                        p.items.to_string(),
                        p.title.clone().unwrap_or_default(),
                    ],
                    &[],
                ),
            }
        })();
        n += 1;
        r.map_err(kehoach_store::Error::Io)
    })?;
    match format {
        Format::Json => writeln!(out, "{}]", if n > 0 { "\n" } else { "" })?,
        Format::Table(_) => writeln!(out, "({n} plans)")?,
        _ => {}
    }
    Ok(n)
}

/// Writes the selected items; returns how many.
pub fn items(
    out: &mut impl Write,
    store: &Store,
    f: &Filter,
    format: Format,
) -> Result<usize, Error> {
    let mut n = 0;
    let table = Table::new(match format {
        Format::Table(w) => layout(&ITEM_TABLE, &[], w),
        _ => Vec::new(),
    });
    match format {
        Format::Csv => csv_line(
            out,
            &ITEM_HEADERS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        )?,
        Format::Json => write!(out, "[")?,
        Format::Table(_) => table.header(out, &ITEM_TABLE)?,
        Format::Jsonl => {}
    }
    query::items(store, f, &mut |i| {
        let r = (|| -> io::Result<()> {
            match format {
                Format::Csv => csv_line(out, &item_fields(&i)),
                Format::Jsonl => {
                    serde_json::to_writer(&mut *out, &i)?;
                    writeln!(out)
                }
                Format::Json => {
                    if n > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    serde_json::to_writer(&mut *out, &i).map_err(io::Error::from)
                }
                Format::Table(_) => table.row(
                    out,
                    &[
                        i.document_id.to_string(),
                        i.stt.clone(),
                        i.content.clone(),
                        i.lead.join("; "),
                        i.support.join("; "),
                        i.deadline.clone(),
                    ],
                    &[0, 0, 2 * i.level.saturating_sub(1) as usize],
                ),
            }
        })();
        n += 1;
        r.map_err(kehoach_store::Error::Io)
    })?;
    match format {
        Format::Json => writeln!(out, "{}]", if n > 0 { "\n" } else { "" })?,
        Format::Table(_) => writeln!(out, "({n} items)")?,
        _ => {}
    }
    Ok(n)
}
