//! Paragraphs with their table marks → blocks: paragraphs and tables with spans, as the
//! .docx reader builds them.
//!
//! A .doc table is not a container: its cells are runs of paragraphs that end with a cell
//! mark, and each row ends with a row mark whose properties (TAP) describe the row's cells.
//! So cells are collected until a row mark, then matched with the row's cell definitions:
//! * the grid is every cell boundary of every row of the table, sorted (Word draws a
//!   column edge at each one); a cell covers the grid columns between its two boundaries
//!   (`col_span`), as `w:gridSpan` does in .docx;
//! * a cell that continues a horizontal merge (fMerged) widens the cell to its left, as
//!   the legacy `w:hMerge` does; one that continues a vertical merge (fVertMerge without
//!   fVertRestart, or sprmTVertMerge) is a [`Cell::covered`] placeholder, and
//!   [`Table::resolve_row_spans`] gives the first cell its `row_span`;
//! * nested tables (depth from sprmPItap) are built the same way one level down and put in
//!   the cell that holds them; depth is bounded by `--max-table-depth`.

use crate::error::Result;
use crate::limits::Limits;
use crate::model::{Block, Cell, Paragraph, Row, Table};

use super::paragraphs::Tap;
use super::story::{End, Para};

#[derive(Default)]
struct Level {
    rows: Vec<(Vec<Content>, Option<Tap>)>,
    cells: Vec<Content>,
    cur: Content,
}

#[derive(Default)]
struct Content {
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
}

pub struct Builder<'l> {
    pub blocks: Vec<Block>,
    stack: Vec<Level>,
    limits: &'l Limits,
    cells: u64,
}

impl<'l> Builder<'l> {
    pub fn new(limits: &'l Limits) -> Self {
        Builder {
            blocks: Vec::new(),
            stack: Vec::new(),
            limits,
            cells: 0,
        }
    }

    pub fn push(&mut self, para: Para<'_>) -> Result<()> {
        let depth = para.depth() as u64;
        Limits::check(
            depth,
            self.limits.table_depth(),
            "the nesting depth of tables in tables",
            "--max-table-depth (at most 100)",
        )?;
        let depth = depth as usize;
        while self.stack.len() > depth {
            self.close()?;
        }
        while self.stack.len() < depth {
            self.stack.push(Level::default());
        }
        let Some(level) = self.stack.last_mut() else {
            self.blocks.push(Block::Paragraph(para.p));
            return Ok(());
        };
        match para.end {
            End::Row => {
                if !level.cur.paragraphs.is_empty() || !level.cur.tables.is_empty() {
                    let c = std::mem::take(&mut level.cur);
                    level.cells.push(c);
                }
                let cells = std::mem::take(&mut level.cells);
                let tap = para.pap.and_then(|p| p.tap.as_deref()).cloned();
                level.rows.push((cells, tap));
                self.limits.check_rows(level.rows.len() as u64)?;
            }
            End::Cell => {
                level.cur.paragraphs.push(para.p);
                let c = std::mem::take(&mut level.cur);
                level.cells.push(c);
                self.cells += 1;
                self.limits.check_cells(self.cells)?;
            }
            End::Paragraph => level.cur.paragraphs.push(para.p),
        }
        Ok(())
    }

    /// Closes every open table; returns the blocks.
    pub fn finish(mut self) -> Result<Vec<Block>> {
        while !self.stack.is_empty() {
            self.close()?;
        }
        Ok(self.blocks)
    }

    /// Closes the innermost open table and puts it where it belongs.
    fn close(&mut self) -> Result<()> {
        let Some(mut level) = self.stack.pop() else {
            return Ok(());
        };
        // Cells or paragraphs after the last row mark (a damaged or cut file): one more row.
        if !level.cur.paragraphs.is_empty() || !level.cur.tables.is_empty() {
            let c = std::mem::take(&mut level.cur);
            level.cells.push(c);
        }
        if !level.cells.is_empty() {
            let cells = std::mem::take(&mut level.cells);
            level.rows.push((cells, None));
        }
        let table = build(level.rows, self.limits)?;
        match self.stack.last_mut() {
            Some(outer) => outer.cur.tables.push(table),
            None => self.blocks.push(Block::Table(table)),
        }
        Ok(())
    }
}

fn build(rows: Vec<(Vec<Content>, Option<Tap>)>, limits: &Limits) -> Result<Table> {
    let mut grid: Vec<i16> = rows
        .iter()
        .filter_map(|(_, tap)| tap.as_ref())
        .flat_map(|t| t.cells.iter().flat_map(|c| [c.left, c.right]))
        .collect();
    grid.sort_unstable();
    grid.dedup();
    let col_of = |x: i16| grid.binary_search(&x).unwrap_or_else(|i| i);
    let mut t = Table::default();
    let mut stated = false;
    let mut borderless = true;
    for (contents, tap) in rows {
        let mut row = Row::default();
        if let Some(tap) = &tap {
            row.repeat_header = tap.header;
            stated = true;
            borderless &= tap.draws_no_border();
        }
        let mut next_col = 0usize;
        for (i, content) in contents.into_iter().enumerate() {
            let def = tap.as_ref().and_then(|t| t.cells.get(i));
            let (col, end) = match def {
                Some(d) if d.right > d.left => (col_of(d.left), col_of(d.right)),
                _ => (next_col, next_col + 1),
            };
            let col = col.max(next_col);
            let span = end.saturating_sub(col).max(1);
            if def.is_some_and(|d| d.merged) {
                if let Some(prev) = row.cells.last_mut() {
                    prev.col_span = (col + span).saturating_sub(prev.col).max(1);
                    next_col = prev.col_end();
                    continue;
                }
            }
            let mut cell = Cell::new(col, span, content.paragraphs);
            cell.tables = content.tables;
            cell.covered = def.is_some_and(|d| d.vert_continue);
            if cell.covered {
                cell.paragraphs.retain(|p| !p.text.is_empty());
            }
            next_col = cell.col_end();
            row.cells.push(cell);
        }
        t.rows.push(row);
    }
    t.borderless = stated && borderless;
    let widest = t
        .rows
        .iter()
        .map(|r| r.cells.last().map(|c| c.col_end()).unwrap_or(0))
        .max()
        .unwrap_or(0);
    t.grid_cols = grid.len().saturating_sub(1).max(widest);
    Limits::check(
        (t.rows.len() as u64)
            .max(1)
            .saturating_mul(t.grid_cols as u64),
        limits.max_cells,
        "the area of a table (rows × grid columns)",
        "--max-cells",
    )?;
    t.resolve_row_spans();
    Ok(t)
}
