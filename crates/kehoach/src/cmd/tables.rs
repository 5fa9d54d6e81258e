//! `kehoach tables FILE... [--format json|csv|markdown]`: every table of the document model,
//! as the reader of the file's format saw it (.docx, .doc, .rtf, .xlsx, .pdf, HTML, text).
//! A way to see what a reader made of a table before plan extraction reads it.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use kehoach_parse::model::{Document, Table};
use serde::Serialize;

use super::parse::LimitArgs;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// `{"tables": [...]}` for one file; an array of `{"file", "tables"}` for several.
    Json,
    /// One line per cell: file, table, row, col, row_span, col_span, page, borderless, text.
    Csv,
    /// Each table as a Markdown pipe table (a spanning cell's text in its first position).
    Markdown,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files to read (.docx, .doc, .rtf, .xlsx, .pdf, .html, .txt, .md); the reader is chosen by content.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "json")]
    format: Format,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Tables in document order: each top-level table, then the tables nested in its cells.
fn all_tables(doc: &Document) -> Vec<&Table> {
    fn walk<'a>(t: &'a Table, out: &mut Vec<&'a Table>) {
        out.push(t);
        for r in &t.rows {
            for c in &r.cells {
                for n in &c.tables {
                    walk(n, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for t in doc.tables() {
        walk(t, &mut out);
    }
    out
}

/// A table as JSON, fields in this order: `{"pages", "cols", "borderless", "rows": [{"page",
/// "cells": [{"col", "row_span", "col_span", "text"}]}]}`; a row lists the cells that start
/// in it (positions a span covers are left out), `col` is the first grid column.
#[derive(Serialize)]
struct TableOut {
    pages: Vec<u32>,
    cols: usize,
    borderless: bool,
    rows: Vec<RowOut>,
}

#[derive(Serialize)]
struct RowOut {
    page: Option<u32>,
    cells: Vec<CellOut>,
}

#[derive(Serialize)]
struct CellOut {
    col: usize,
    row_span: usize,
    col_span: usize,
    text: String,
}

#[derive(Serialize)]
struct FileOut<'a> {
    file: &'a str,
    tables: Vec<TableOut>,
}

#[derive(Serialize)]
struct OneFile {
    tables: Vec<TableOut>,
}

fn table_json(t: &Table) -> TableOut {
    let mut pages: Vec<u32> = t.rows.iter().filter_map(|r| r.page).collect();
    pages.sort_unstable();
    pages.dedup();
    TableOut {
        pages,
        cols: t.grid_cols,
        borderless: t.borderless,
        rows: t
            .rows
            .iter()
            .map(|r| RowOut {
                page: r.page,
                cells: r
                    .cells
                    .iter()
                    .filter(|c| !c.covered)
                    .map(|c| CellOut {
                        col: c.col,
                        row_span: c.row_span.max(1),
                        col_span: c.col_span.max(1),
                        text: c.text(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], "<br>")
}

/// A table as a Markdown grid: `cols` columns, a spanning cell's text in its first position
/// and the positions it covers left empty; the first row is the header row.
fn markdown(out: &mut impl Write, t: &Table) -> std::io::Result<()> {
    let cols = t.grid_cols.max(1);
    let mut grid = vec![vec![String::new(); cols]; t.rows.len()];
    for (r, row) in t.rows.iter().enumerate() {
        for c in row.cells.iter().filter(|c| !c.covered) {
            if let Some(slot) = grid[r].get_mut(c.col) {
                *slot = md_cell(&c.text());
            }
        }
    }
    if grid.is_empty() {
        grid.push(vec![String::new(); cols]);
    }
    for (r, row) in grid.iter().enumerate() {
        writeln!(out, "| {} |", row.join(" | "))?;
        if r == 0 {
            writeln!(out, "|{}", "---|".repeat(cols))?;
        }
    }
    writeln!(out)
}

/// Exit codes: 0 every file read, 1 some file failed.
pub fn run(args: Args) -> u8 {
    let limits = args.limits.limits();
    let mut failed = 0;
    let mut docs = Vec::new();
    for f in &args.files {
        let read = super::read_with(f, |b| kehoach_parse::read_document(b, &limits));
        match read {
            Ok((shown, _, d)) => docs.push((shown, d)),
            Err(msg) => {
                error!("{msg}");
                failed += 1;
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let res = (|| -> std::io::Result<()> {
        match args.format {
            Format::Json => {
                let per_file = |d: &Document| {
                    all_tables(d)
                        .into_iter()
                        .map(table_json)
                        .collect::<Vec<_>>()
                };
                if args.files.len() == 1 {
                    let tables = docs.first().map(|(_, d)| per_file(d)).unwrap_or_default();
                    serde_json::to_writer_pretty(&mut out, &OneFile { tables })?;
                } else {
                    let all: Vec<FileOut> = docs
                        .iter()
                        .map(|(f, d)| FileOut {
                            file: f,
                            tables: per_file(d),
                        })
                        .collect();
                    serde_json::to_writer_pretty(&mut out, &all)?;
                }
                writeln!(out)
            }
            Format::Csv => {
                writeln!(
                    out,
                    "file,table,row,col,row_span,col_span,page,borderless,text"
                )?;
                for (f, d) in &docs {
                    for (k, t) in all_tables(d).into_iter().enumerate() {
                        for (r, row) in t.rows.iter().enumerate() {
                            for c in row.cells.iter().filter(|c| !c.covered) {
                                writeln!(
                                    out,
                                    "{},{},{},{},{},{},{},{},{}",
                                    csv_field(f),
                                    k + 1,
                                    r + 1,
                                    c.col,
                                    c.row_span.max(1),
                                    c.col_span.max(1),
                                    row.page.map_or(String::new(), |p| p.to_string()),
                                    t.borderless,
                                    csv_field(&c.text())
                                )?;
                            }
                        }
                    }
                }
                Ok(())
            }
            Format::Markdown => {
                for (f, d) in &docs {
                    let tables = all_tables(d);
                    for (k, t) in tables.iter().enumerate() {
                        let kind = if t.borderless { ", borderless" } else { "" };
                        writeln!(out, "## {} — table {}{kind}\n", f, k + 1)?;
                        markdown(&mut out, t)?;
                    }
                }
                Ok(())
            }
        }
    })();
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error!("cannot write output: {e}");
            return 1;
        }
    }
    u8::from(failed > 0)
}
