//! Plans and items from the store as a table, CSV, JSON lines or JSON. Rows are written as
//! they are read, so a large selection does not sit in memory.

use std::io::{self, Write};

use kehoach_store::query::{self, Filter, ItemRow, PlanRow};
use kehoach_store::Store;

use super::records::csv_field;

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
    Table,
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

pub fn fit(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        format!("{s}{}", " ".repeat(width - n))
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
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
    match format {
        Format::Csv => csv_line(
            out,
            &PLAN_HEADERS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        )?,
        Format::Json => write!(out, "[")?,
        Format::Table => writeln!(
            out,
            "{} │ {} │ {} │ {} │ {} │ {} │ Trích yếu",
            fit("Mã", 5),
            fit("Cơ quan ban hành", 28),
            fit("Số", 18),
            fit("Ngày", 24),
            fit("Năm", 4),
            fit("NV", 4),
        )?,
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
                Format::Table => writeln!(
                    out,
                    "{} │ {} │ {} │ {} │ {} │ {} │ {}",
                    fit(&p.id.to_string(), 5),
                    fit(p.issuer.as_deref().unwrap_or(""), 28),
                    fit(
                        p.number_text
                            .as_deref()
                            .unwrap_or("")
                            .trim_start_matches("Số:")
                            .trim(),
                        18
                    ),
                    fit(
                        p.date.as_deref().or(p.date_text.as_deref()).unwrap_or(""),
                        24
                    ),
                    fit(&p.year.map(|y| y.to_string()).unwrap_or_default(), 4),
                    fit(&p.items.to_string(), 4),
                    fit(p.title.as_deref().unwrap_or(""), 70),
                ),
            }
        })();
        n += 1;
        r.map_err(kehoach_store::Error::Io)
    })?;
    match format {
        Format::Json => writeln!(out, "{}]", if n > 0 { "\n" } else { "" })?,
        Format::Table => writeln!(out, "({n} plans)")?,
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
    match format {
        Format::Csv => csv_line(
            out,
            &ITEM_HEADERS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        )?,
        Format::Json => write!(out, "[")?,
        Format::Table => {
            writeln!(
                out,
                "{} │ {} │ {} │ {} │ {} │ Thời hạn",
                fit("Mã", 5),
                fit("STT", 7),
                fit("Nội dung", 60),
                fit("Chủ trì", 26),
                fit("Phối hợp", 26),
            )?;
        }
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
                Format::Table => {
                    let indent = "  ".repeat(i.level.saturating_sub(1) as usize);
                    writeln!(
                        out,
                        "{} │ {} │ {} │ {} │ {} │ {}",
                        fit(&i.document_id.to_string(), 5),
                        fit(&i.stt, 7),
                        fit(&format!("{indent}{}", i.content), 60),
                        fit(&i.lead.join("; "), 26),
                        fit(&i.support.join("; "), 26),
                        i.deadline
                    )
                }
            }
        })();
        n += 1;
        r.map_err(kehoach_store::Error::Io)
    })?;
    match format {
        Format::Json => writeln!(out, "{}]", if n > 0 { "\n" } else { "" })?,
        Format::Table => writeln!(out, "({n} items)")?,
        _ => {}
    }
    Ok(n)
}
