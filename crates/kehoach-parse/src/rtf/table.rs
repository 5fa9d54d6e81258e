//! Tables: row definitions (`\trowd … \cellxN`) and the cells read between them, turned
//! into a [`Table`] with spans.
//!
//! Rules:
//! * a row's cells are the text between `\cell` marks; the row ends at `\row` (`\nestcell`
//!   and `\nestrow` for tables nested at `\itapN`, N ≥ 2, whose definitions come at the row's
//!   end in `{\*\nesttableprops …}`); the definition in force at `\row` describes the row;
//! * `\cellxN` is the right edge of the next cell in twips, the row's left edge is
//!   `\trleftN`; the table's grid is every edge of every row, edges closer than
//!   [`SNAP_TWIPS`] read as one (writers round widths), so a cell that spans two grid
//!   columns of the rows above is one cell with `col_span == 2`;
//! * `\clmgf`/`\clmrg` (first/continuation of a horizontal merge): the continuation widens
//!   the cell before it and shows nothing of its own; `\clvmgf`/`\clvmrg` (vertical): the
//!   continuation is a [`Cell::covered`] placeholder, spans resolved by
//!   [`Table::resolve_row_spans`] as for .docx `vMerge`;
//! * `\trhdr` marks a row repeated as a header;
//! * a table is borderless when no cell and no row of it sets a visible border
//!   (`\clbrdrX` / `\trbrdrX` followed by a style other than `\brdrnone`/`\brdrnil`/`\brdrtbl`).

use crate::error::Result;
use crate::limits::Limits;
use crate::model::{Cell, Paragraph, Row, Table};

/// Cell edges closer than this (in twips, 1/1440 inch; 20 twips = 1 point) are one grid line.
pub const SNAP_TWIPS: i64 = 20;

/// The definition of one cell: its right edge and merge flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct CellDef {
    pub right: i64,
    pub h_cont: bool,
    pub v_cont: bool,
}

/// A row definition, built by the words after `\trowd`.
#[derive(Debug, Clone, Default)]
pub struct RowDef {
    pub left: i64,
    pub cells: Vec<CellDef>,
    pub header: bool,
    /// Some cell or the row sets a visible border.
    pub border: bool,
    /// Flags for the next `\cellx`.
    next: CellDef,
    /// A border side was named (`\clbrdrb`, `\trbrdrt` …) and waits for its style.
    border_side: bool,
}

impl RowDef {
    /// Applies a row-definition control word; returns false if the word is not one.
    pub fn word(&mut self, word: &[u8], param: Option<i64>, limits: &Limits) -> Result<bool> {
        match word {
            b"trowd" => *self = RowDef::default(),
            b"trleft" => self.left = param.unwrap_or(0),
            b"trhdr" => self.header = param != Some(0),
            b"clmrg" => self.next.h_cont = true,
            b"clvmrg" => self.next.v_cont = true,
            b"clmgf" | b"clvmgf" => {}
            b"cellx" => {
                let mut d = std::mem::take(&mut self.next);
                d.right = param.unwrap_or(0);
                self.cells.push(d);
                self.border_side = false;
                Limits::check(
                    self.cells.len() as u64,
                    limits.max_cells,
                    "the number of cells defined for one RTF table row (\\cellx)",
                    "--max-cells",
                )?;
            }
            w if w.starts_with(b"clbrdr") || w.starts_with(b"trbrdr") => self.border_side = true,
            b"brdrnone" | b"brdrnil" | b"brdrtbl" => self.border_side = false,
            b"brdrw" | b"brdrcf" | b"brsp" => {}
            w if w.starts_with(b"brdr") => {
                if self.border_side {
                    self.border = true;
                }
                self.border_side = false;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// What a cell holds while its table is read.
#[derive(Debug, Clone, Default)]
pub struct RawCell {
    pub paragraphs: Vec<Paragraph>,
    pub tables: Vec<Table>,
}

impl RawCell {
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty() && self.tables.is_empty()
    }
}

#[derive(Debug)]
struct RawRow {
    /// Left edge, right edge, merge flags and content of each cell.
    cells: Vec<(i64, i64, CellDef, RawCell)>,
    header: bool,
}

/// A table being read at one nesting level.
#[derive(Debug, Default)]
pub struct Level {
    rows: Vec<RawRow>,
    /// Cells of the current row closed by `\cell`.
    cells: Vec<RawCell>,
    /// The cell being read.
    pub cur: RawCell,
    border: bool,
    /// Right edges of the cells of the rows before.
    edges: std::collections::BTreeSet<i64>,
}

impl Level {
    /// `\cell`: the current cell is complete.
    pub fn end_cell(&mut self) {
        let c = std::mem::take(&mut self.cur);
        self.cells.push(c);
    }

    /// Whether any cell content is waiting for its row.
    pub fn has_open_row(&self) -> bool {
        !self.cells.is_empty()
    }

    /// `\row`: the cells read make a row described by `def`.
    pub fn end_row(&mut self, def: &RowDef, limits: &Limits) -> Result<()> {
        let cells = std::mem::take(&mut self.cells);
        let mut out = Vec::with_capacity(cells.len());
        let mut left = def.left;
        for (i, content) in cells.into_iter().enumerate() {
            let d = def.cells.get(i).copied().unwrap_or(CellDef {
                // More cells than definitions: the next edge of the rows above, else an
                // inch on.
                right: self
                    .edges
                    .range(left.saturating_add(SNAP_TWIPS + 1)..)
                    .next()
                    .copied()
                    .unwrap_or(left.saturating_add(1440)),
                ..Default::default()
            });
            let right = d.right.max(left);
            self.edges.insert(right);
            out.push((left, right, d, content));
            left = right;
        }
        self.border |= def.border;
        self.rows.push(RawRow {
            cells: out,
            header: def.header,
        });
        limits.check_rows(self.rows.len() as u64)
    }

    /// The table read, or `None` when no row was completed (its stray content is returned
    /// for the enclosing level).
    pub fn finish(mut self, def: &RowDef, limits: &Limits) -> Result<(Option<Table>, RawCell)> {
        let mut stray = RawCell::default();
        if !self.cur.is_empty() {
            self.end_cell();
        }
        if self.has_open_row() {
            if self.rows.is_empty() && self.cells.len() == 1 && def.cells.is_empty() {
                // Text marked as in a table without any cell: read it as it is.
                stray = self.cells.pop().unwrap_or_default();
            } else {
                self.end_row(def, limits)?;
            }
        }
        if self.rows.is_empty() {
            return Ok((None, stray));
        }
        // The grid: every edge of every row, snapped.
        let mut edges: Vec<i64> = self
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flat_map(|c| [c.0, c.1]))
            .collect();
        edges.sort_unstable();
        let mut grid: Vec<i64> = Vec::new();
        for e in edges {
            if grid
                .last()
                .is_none_or(|&g| e.saturating_sub(g) > SNAP_TWIPS)
            {
                grid.push(e);
            }
        }
        let index = |x: i64| -> usize {
            let i = grid.partition_point(|&g| g < x);
            match (i.checked_sub(1).and_then(|j| grid.get(j)), grid.get(i)) {
                (Some(&a), Some(&b)) if x.saturating_sub(a) <= b.saturating_sub(x) => i - 1,
                (Some(_), None) => i - 1,
                _ => i,
            }
        };
        let mut t = Table {
            grid_cols: grid.len().saturating_sub(1).max(1),
            rows: Vec::with_capacity(self.rows.len()),
            borderless: !self.border,
        };
        Limits::check(
            (self.rows.len() as u64).saturating_mul(t.grid_cols as u64),
            limits.max_cells,
            "the area of a table (rows × grid columns)",
            "--max-cells",
        )?;
        for raw in self.rows {
            let mut row = Row {
                repeat_header: raw.header,
                ..Row::default()
            };
            for (left, right, d, content) in raw.cells {
                let col = index(left);
                let end = index(right).max(col + 1);
                if d.h_cont {
                    if let Some(prev) = row.cells.last_mut() {
                        prev.col_span = end.saturating_sub(prev.col).max(1);
                        continue;
                    }
                }
                let mut cell = Cell::new(col, end - col, content.paragraphs);
                cell.tables = content.tables;
                if d.v_cont {
                    cell.covered = true;
                    // A continuation cell shows nothing of its own.
                    cell.paragraphs.retain(|p| !p.text.is_empty());
                }
                row.cells.push(cell);
            }
            t.rows.push(row);
        }
        let widest = t
            .rows
            .iter()
            .map(|r| r.cells.last().map(|c| c.col_end()).unwrap_or(0))
            .max()
            .unwrap_or(0);
        t.grid_cols = t.grid_cols.max(widest);
        resolve_row_spans(&mut t);
        Ok((Some(t), stray))
    }
}

/// Sets `row_span` of each cell from the covered placeholders below it, as
/// [`Table::resolve_row_spans`] does, in one pass: for each grid column, the cell whose
/// span is still open and the last row it reaches (a row of a million covered cells costs a
/// million steps, not a million searches of a million cells).
fn resolve_row_spans(t: &mut Table) {
    // Per grid column: (row, index in row) of the cell above whose span is open, and the
    // last row it covers.
    let mut open: std::collections::HashMap<usize, ((usize, usize), usize)> =
        std::collections::HashMap::new();
    for r in 0..t.rows.len() {
        for i in 0..t.rows[r].cells.len() {
            let (col, covered) = {
                let c = &t.rows[r].cells[i];
                (c.col, c.covered)
            };
            if !covered {
                t.rows[r].cells[i].row_span = 1;
                open.insert(col, ((r, i), r));
                continue;
            }
            if let Some(((tr, ti), last)) = open.get_mut(&col) {
                if *last + 1 == r {
                    *last = r;
                    let (tr, ti) = (*tr, *ti);
                    if let Some(top) = t.rows.get_mut(tr).and_then(|row| row.cells.get_mut(ti)) {
                        top.row_span += 1;
                    }
                }
            }
        }
    }
}
