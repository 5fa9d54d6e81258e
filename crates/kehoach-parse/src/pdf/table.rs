//! A page's grids and free text → blocks in reading order, and tables continued across pages
//! joined into one [`Table`].

use super::content::{Glyph, PageContent, Seg};
use super::layout::{self, cell_paragraphs, paragraph_of, starts_item, Line};
use super::ruling::{self, Grid};
use crate::error::Result;
use crate::limits::Limits;
use crate::model::{Align, Block, Cell, Paragraph, Row, Table};

/// Lines starting above this fraction of the page height, or ending below the other, are in
/// the margins: running headers, footers, page numbers.
const MARGIN_TOP: f32 = 0.065;
const MARGIN_BOTTOM: f32 = 0.94;

/// Column edges closer than this (points) are the same edge across pages.
const EDGE_TOLERANCE: f32 = 2.5;

/// A table as read on one page, with the geometry that decides whether the next page
/// continues it.
struct PageTable {
    table: Table,
    xs: Vec<f32>,
    /// How many header rows were found repeated (set on the first page's table when a
    /// continuation matches it).
    header_rows: usize,
}

enum PBlock {
    Para(Paragraph),
    Table(PageTable),
}

pub struct Assembler<'l> {
    limits: &'l Limits,
    blocks: Vec<PBlock>,
    cells: u64,
    /// The last block is a paragraph whose last line runs to the right edge: the first
    /// paragraph of the next page may continue it.
    open_tail: bool,
    /// No block has been added for the current page yet.
    page_start: bool,
    /// Indices of blocks made from lines in the top or bottom margin (running headers and
    /// footers, page numbers): they do not stop a table or paragraph that goes on over the
    /// page break.
    furniture: std::collections::BTreeSet<usize>,
    /// Pages each header or footer text (digits masked) was seen on.
    furniture_pages: std::collections::HashMap<String, std::collections::BTreeSet<u32>>,
    /// Height of the current page.
    height: f32,
    /// How far (points) column edges may differ for a table to continue one on the page
    /// before: [`EDGE_TOLERANCE`] for drawn pages; more where either page is a scan (see
    /// [`Assembler::set_scanned`]).
    edge_tolerance: f32,
    /// The table that ended the previous page was on a scan.
    prev_scanned: bool,
    scanned: bool,
}

impl<'l> Assembler<'l> {
    pub fn new(limits: &'l Limits) -> Self {
        Assembler {
            limits,
            blocks: Vec::new(),
            cells: 0,
            open_tail: false,
            page_start: true,
            furniture: Default::default(),
            furniture_pages: Default::default(),
            height: 842.0,
            edge_tolerance: EDGE_TOLERANCE,
            prev_scanned: false,
            scanned: false,
        }
    }

    /// Whether the next page is a scan read by OCR, `width` points wide. A scanner places
    /// each sheet a little differently (and deskew turns it about its centre), so column
    /// edges of a table continued on the next scanned page agree within 1.5% of the page
    /// width rather than the [`EDGE_TOLERANCE`] of a drawn page.
    pub fn set_scanned(&mut self, scanned: bool, width: f32) {
        self.prev_scanned = self.scanned;
        self.scanned = scanned;
        self.edge_tolerance = if scanned || self.prev_scanned {
            (width * 0.015).clamp(EDGE_TOLERANCE, 15.0)
        } else {
            EDGE_TOLERANCE
        };
    }

    pub fn page(&mut self, page: u32, width: f32, height: f32, pc: &PageContent) -> Result<()> {
        match upright(pc, width, height) {
            Some((turned, w, h)) => self.page_upright(page, w, h, &turned),
            None => self.page_upright(page, width, height, pc),
        }
    }

    fn page_upright(&mut self, page: u32, width: f32, height: f32, pc: &PageContent) -> Result<()> {
        self.page_start = true;
        self.height = height;
        let (mut segs, struck) = strike_through(pc);
        segs.extend(ruling::dotted(&pc.dots));
        segs.extend(ruling::fill_edges(&pc.fills));
        let (h, v) = ruling::merge(&segs);
        let grids: Vec<Grid> = ruling::grids(&h, &v)
            .into_iter()
            .filter(|g| g.rows() * g.cols() > 1)
            .collect();
        let mut in_grid: Vec<Vec<&Glyph>> = vec![Vec::new(); grids.len()];
        let mut free: Vec<&Glyph> = Vec::new();
        // Glyphs off the page (drawn outside the crop box) are not shown to a reader.
        let on_page = |g: &&Glyph| {
            g.cx() >= -2.0 && g.cx() <= width + 2.0 && g.cy() >= -2.0 && g.cy() <= height + 2.0
        };
        let kept = pc
            .glyphs
            .iter()
            .enumerate()
            .filter(|(i, _)| !struck.contains(i))
            .map(|(_, g)| g);
        for g in kept.filter(on_page) {
            match grids.iter().position(|gr| gr.contains(g.cx(), g.cy())) {
                Some(k) => in_grid[k].push(g),
                None => free.push(g),
            }
        }
        // Items in reading order: (top y, item).
        enum Item {
            Line(Vec<Line>),
            Rotated(Vec<Line>),
            Grid(usize),
        }
        let mut items: Vec<(f32, Item)> = Vec::new();
        for segs in layout::lines(&free, true) {
            let top = segs.iter().map(|l| l.top).fold(f32::MAX, f32::min);
            if segs[0].dir != 0 {
                // Rotated text outside tables (a stamp, a margin note): a paragraph of its own.
                items.push((top, Item::Rotated(segs)));
            } else {
                items.push((top, Item::Line(segs)));
            }
        }
        for (k, g) in grids.iter().enumerate() {
            items.push((g.top(), Item::Grid(k)));
        }
        items.sort_by(|a, b| a.0.total_cmp(&b.0));

        let all_lines: Vec<&Line> = items
            .iter()
            .filter_map(|(_, it)| match it {
                Item::Line(s) => Some(s.iter()),
                Item::Rotated(_) | Item::Grid(_) => None,
            })
            .flatten()
            // The text edges are those of the body, not of headers and footers.
            .filter(|l| {
                l.y - l.size >= height * MARGIN_TOP && l.y + l.size * 0.3 <= height * MARGIN_BOTTOM
            })
            .collect();
        let geom = Geom::of(&all_lines, width);

        let mut run: Vec<Vec<Line>> = Vec::new();
        for (_, it) in items {
            match it {
                Item::Line(segs) => run.push(segs),
                Item::Rotated(segs) => {
                    self.flush_free(&mut run, page, &geom);
                    let parts: Vec<&Line> = segs.iter().collect();
                    self.blocks
                        .push(PBlock::Para(paragraph_of(&parts, page, Align::Start)));
                    self.open_tail = false;
                    self.page_start = false;
                }
                Item::Grid(k) => {
                    self.flush_free(&mut run, page, &geom);
                    let t = self.grid_table(&grids[k], &in_grid[k], page)?;
                    self.push_table(t)?;
                    self.open_tail = false;
                    self.page_start = false;
                }
            }
        }
        self.flush_free(&mut run, page, &geom);
        Ok(())
    }

    fn grid_table(&mut self, grid: &Grid, glyphs: &[&Glyph], page: u32) -> Result<PageTable> {
        let cells = grid.cells();
        let (nr, nc) = (grid.rows(), grid.cols());
        self.cells += cells.len() as u64;
        self.limits.check_cells(self.cells)?;
        // Owner cell of each grid slot.
        let mut owner = vec![vec![usize::MAX; nc]; nr];
        for (k, &(r, c, rs, cs)) in cells.iter().enumerate() {
            for row in owner.iter_mut().skip(r).take(rs) {
                for o in row.iter_mut().skip(c).take(cs) {
                    *o = k;
                }
            }
        }
        let mut per_cell: Vec<Vec<&Glyph>> = vec![Vec::new(); cells.len()];
        for g in glyphs {
            let (r, c) = grid.locate(g.cx(), g.cy());
            if let Some(&k) = owner.get(r).and_then(|row| row.get(c)) {
                if k != usize::MAX {
                    per_cell[k].push(g);
                }
            }
        }
        let mut rows: Vec<Row> = (0..nr)
            .map(|_| Row {
                cells: Vec::new(),
                repeat_header: false,
                page: Some(page),
            })
            .collect();
        for (k, &(r, c, rs, cs)) in cells.iter().enumerate() {
            let lines: Vec<Line> = layout::lines(&per_cell[k], false)
                .into_iter()
                .flatten()
                .collect();
            let mut cell = Cell::new(
                c,
                cs,
                cell_paragraphs(&lines, page, grid.xs[c], grid.xs[c + cs]),
            );
            cell.row_span = rs;
            cell.confidence = crate::ocr::mean_confidence(per_cell[k].iter().copied());
            rows[r].cells.push(cell);
            for row in rows.iter_mut().skip(r + 1).take(rs - 1) {
                let mut cov = Cell::new(c, cs, Vec::new());
                cov.covered = true;
                row.cells.push(cov);
            }
        }
        for row in &mut rows {
            row.cells.sort_by_key(|c| c.col);
        }
        Ok(PageTable {
            table: Table {
                grid_cols: nc,
                rows,
                borderless: false,
            },
            xs: grid.xs.clone(),
            header_rows: 0,
        })
    }

    /// Adds a table, joining it to the table it continues (the last block, on the page
    /// before, with the same column edges).
    fn push_table(&mut self, mut t: PageTable) -> Result<()> {
        // Page numbers between the two parts do not stop a continuation.
        let mut k = self.blocks.len();
        while k > 0
            && (self.furniture.contains(&(k - 1))
                || matches!(&self.blocks[k - 1], PBlock::Para(p) if is_page_number(&p.text)))
        {
            k -= 1;
        }
        let continues = match self.blocks.get(k.wrapping_sub(1)) {
            Some(PBlock::Table(prev)) => {
                let prev_page = prev.table.rows.last().and_then(|r| r.page);
                let this_page = t.table.rows.first().and_then(|r| r.page);
                prev.xs.len() == t.xs.len()
                    && prev
                        .xs
                        .iter()
                        .zip(&t.xs)
                        .all(|(a, b)| (a - b).abs() <= self.edge_tolerance)
                    && prev_page.is_some()
                    && prev_page != this_page
            }
            _ => false,
        };
        if !continues {
            self.check_rows(t.table.rows.len())?;
            self.blocks.push(PBlock::Table(t));
            return Ok(());
        }
        self.blocks.truncate(k);
        self.furniture.retain(|&i| i < k);
        let Some(PBlock::Table(prev)) = self.blocks.last_mut() else {
            return Ok(());
        };
        // Repeated header rows: the first rows of the continuation equal the first rows of
        // the table.
        let row_texts = |r: &Row| r.cells.iter().map(|c| c.text()).collect::<Vec<_>>();
        let mut h = 0;
        while h < t.table.rows.len().saturating_sub(1).min(4)
            && h < prev.table.rows.len()
            && row_texts(&t.table.rows[h]) == row_texts(&prev.table.rows[h])
            && t.table.rows[h].cells.iter().any(|c| !c.is_empty())
        {
            h += 1;
        }
        if h > 0 {
            prev.header_rows = prev.header_rows.max(h);
            for r in prev.table.rows.iter_mut().take(h) {
                r.repeat_header = true;
            }
            for r in t.table.rows.iter_mut().take(h) {
                r.repeat_header = true;
            }
        }
        let mut rows = std::mem::take(&mut t.table.rows);
        // A row cut by the page break: the first body row of the continuation has an empty
        // first cell and the same cells as the last body row before the break (which may sit
        // above a header repeated on a page the row filled entirely).
        let last_body = prev.table.rows.iter().rposition(|r| !r.repeat_header);
        if let (Some(first), Some(li)) = (rows.get(h), last_body) {
            let last = &prev.table.rows[li];
            let same_shape = first.cells.len() == last.cells.len()
                && first
                    .cells
                    .iter()
                    .zip(&last.cells)
                    .all(|(a, b)| a.col == b.col && a.col_span == b.col_span);
            let first_empty = first
                .cells
                .first()
                .is_some_and(|c| c.is_empty() && !c.covered);
            if same_shape && first_empty {
                let cut = rows.remove(h);
                for (dst, src) in prev.table.rows[li].cells.iter_mut().zip(cut.cells) {
                    append_cell(dst, src);
                }
            }
        }
        prev.table.rows.extend(rows);
        let n = prev.table.rows.len();
        self.check_rows(n)
    }

    fn check_rows(&self, n: usize) -> Result<()> {
        self.limits.check_rows(n as u64)
    }

    fn flush_free(&mut self, run: &mut Vec<Vec<Line>>, page: u32, geom: &Geom) {
        let lines = std::mem::take(run);
        let h = self.height;
        let in_margin = |segs: &Vec<Line>| {
            let top = segs.iter().map(|l| l.y - l.size).fold(f32::MAX, f32::min);
            let bottom = segs
                .iter()
                .map(|l| l.y + l.size * 0.3)
                .fold(f32::MIN, f32::max);
            top < h * MARGIN_TOP || bottom > h * MARGIN_BOTTOM
        };
        let mut i = 0;
        while i < lines.len() {
            let furniture = in_margin(&lines[i]);
            let mut j = i;
            while j < lines.len() && in_margin(&lines[j]) == furniture {
                j += 1;
            }
            let chunk = lines[i..j].to_vec();
            if furniture {
                let (start, page_start, open_tail) =
                    (self.blocks.len(), self.page_start, self.open_tail);
                self.free_lines(chunk, page, geom);
                for k in start..self.blocks.len() {
                    let (key, page) = furniture_key(&self.blocks[k]);
                    self.furniture_pages.entry(key).or_default().extend(page);
                    self.furniture.insert(k);
                }
                self.page_start = page_start;
                self.open_tail = open_tail;
            } else {
                self.free_lines(chunk, page, geom);
            }
            i = j;
        }
    }

    fn free_lines(&mut self, mut lines: Vec<Vec<Line>>, page: u32, geom: &Geom) {
        // A band of one line is not a table: two runs side by side on a single line ("Điều
        // 2.      Quyết định này …", "Số: 12/KH-UBND      Hà Tĩnh, ngày …") are one line of
        // text, read left to right. A table needs a second line in its columns.
        let mut k = 0;
        while k < lines.len() {
            if lines[k].len() < 2 {
                k += 1;
                continue;
            }
            let end = band_end(&lines, k);
            if end == k + 1 {
                let segs = std::mem::take(&mut lines[k]);
                lines[k] = vec![join_segments(segs)];
            }
            k = end.max(k + 1);
        }
        let mut i = 0;
        while i < lines.len() {
            if lines[i].len() >= 2 {
                let end = band_end(&lines, i);
                let t = band_table(&lines[i..end], page, geom);
                self.blocks.push(PBlock::Table(PageTable {
                    table: t,
                    xs: Vec::new(),
                    header_rows: 0,
                }));
                self.open_tail = false;
                self.page_start = false;
                i = end;
                continue;
            }
            // Paragraph lines until the next band.
            let mut j = i;
            while j < lines.len() && lines[j].len() < 2 {
                j += 1;
            }
            let single: Vec<&Line> = lines[i..j].iter().map(|s| &s[0]).collect();
            for fp in free_paragraphs(&single, page, geom) {
                let continues = self.page_start
                    && self.open_tail
                    && fp.left_flush
                    && !starts_item(&fp.para.text)
                    && !is_page_number(&fp.para.text);
                if is_page_number(&fp.para.text) && (self.page_start || j == lines.len()) {
                    // Page numbers in headers and footers are not content.
                    continue;
                }
                self.page_start = false;
                // The paragraph to continue: the last one that is not a header or footer.
                let last_body = (0..self.blocks.len())
                    .rev()
                    .find(|k| !self.furniture.contains(k));
                if continues {
                    if let Some(PBlock::Para(prev)) = last_body.and_then(|k| self.blocks.get_mut(k))
                    {
                        if prev.bold == fp.para.bold {
                            prev.text = layout::join_wrapped(&prev.text, &fp.para.text);
                            prev.italic &= fp.para.italic;
                            self.open_tail = fp.open_tail;
                            continue;
                        }
                    }
                }
                self.open_tail = fp.open_tail;
                self.blocks.push(PBlock::Para(fp.para));
            }
            i = j;
        }
    }

    /// The blocks, without running headers and footers: margin text that recurs on two or
    /// more pages (digits aside: "Trang 2", "2/6") or is a bare page number.
    pub fn finish(self) -> Vec<Block> {
        let pages = self.furniture_pages;
        let furniture = self.furniture;
        self.blocks
            .into_iter()
            .enumerate()
            .filter(|(i, b)| {
                if !furniture.contains(i) {
                    return true;
                }
                let page_number = matches!(b, PBlock::Para(p) if is_page_number(&p.text));
                let recurs = pages.get(&furniture_key(b).0).is_some_and(|p| p.len() >= 2);
                !(page_number || recurs)
            })
            .map(|(_, b)| match b {
                PBlock::Para(p) => Block::Paragraph(p),
                PBlock::Table(t) => Block::Table(t.table),
            })
            .collect()
    }
}

/// A page whose text nearly all reads in one rotated direction (a landscape table drawn
/// sideways on a portrait page, with no `/Rotate`): the page turned so that it reads
/// upright, with its new width and height. None when most text is upright already.
///
/// A glyph's reading-frame coordinates (`x0`, `x1` along the baseline, `y` across) are page
/// coordinates turned by its direction; turning the page by the main direction `d` shifts
/// them by the page corner that becomes the origin, seen in the glyph's new frame.
fn upright(pc: &PageContent, width: f32, height: f32) -> Option<(PageContent, f32, f32)> {
    let mut count = [0usize; 4];
    for g in pc.glyphs.iter().filter(|g| !g.is_space()) {
        count[g.dir as usize & 3] += 1;
    }
    let total: usize = count.iter().sum();
    let d = (1..4).max_by_key(|&d| count[d])?;
    if total == 0 || count[d] * 10 < total * 8 {
        return None;
    }
    // Unit vectors along and across the baseline of each direction.
    const DIRS: [(f32, f32); 4] = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)];
    // The page corner that becomes the origin, and the new page size.
    let (off, w, h) = match d {
        1 => ((0.0, width), height, width),
        2 => ((width, height), width, height),
        _ => ((height, 0.0), height, width),
    };
    // Page point → turned page point: its coordinates in direction d's frame, shifted.
    let turn = |x: f32, y: f32| {
        let (dx, dy) = DIRS[d];
        let (nx, ny) = (-dy, dx);
        (x * dx + y * dy + off.0, x * nx + y * ny + off.1)
    };
    let mut out = PageContent {
        warnings: Vec::new(),
        ..Default::default()
    };
    for g in &pc.glyphs {
        let nd = (g.dir as usize + 4 - d) % 4;
        let (dx, dy) = DIRS[nd];
        let (nx, ny) = (-dy, dx);
        let along = off.0 * dx + off.1 * dy;
        let across = off.0 * nx + off.1 * ny;
        let (px, py) = turn(g.px, g.py);
        let (a, b) = (g.x0 + along, g.x1 + along);
        out.glyphs.push(Glyph {
            x0: a.min(b),
            x1: a.max(b),
            y: g.y + across,
            dir: nd as u8,
            px,
            py,
            ..g.clone()
        });
    }
    let seg = |s: &Seg| {
        let (ax, ay) = turn(s.x0, s.y0);
        let (bx, by) = turn(s.x1, s.y1);
        Seg {
            x0: ax.min(bx),
            y0: ay.min(by),
            x1: ax.max(bx),
            y1: ay.max(by),
        }
    };
    out.segs = pc.segs.iter().map(seg).collect();
    out.fills = pc.fills.iter().map(seg).collect();
    out.dots = pc.dots.iter().map(seg).collect();
    Some((out, w, h))
}

/// Struck-through text (deletions printed with tracked changes shown): a horizontal segment
/// through the middle of upright glyphs, between 0.15 and 0.45 em above their baseline, over
/// at least half of each. Returns the segments without the strike lines (they must not cut
/// a table row in two) and the indices of the struck glyphs.
fn strike_through(pc: &PageContent) -> (Vec<Seg>, std::collections::HashSet<usize>) {
    let mut struck = std::collections::HashSet::new();
    let mut segs = Vec::with_capacity(pc.segs.len());
    if pc.segs.len().saturating_mul(pc.glyphs.len()) > 20_000_000 {
        return (pc.segs.clone(), struck);
    }
    // Glyph indices by baseline, to find the glyphs near a segment quickly.
    let mut order: Vec<usize> = (0..pc.glyphs.len())
        .filter(|&i| pc.glyphs[i].dir == 0)
        .collect();
    order.sort_by(|&a, &b| pc.glyphs[a].y.total_cmp(&pc.glyphs[b].y));
    let max_size = pc.glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    for s in &pc.segs {
        if !s.horizontal() {
            segs.push(*s);
            continue;
        }
        let from = order.partition_point(|&i| pc.glyphs[i].y < s.y0);
        let mut hits = Vec::new();
        for &i in &order[from..] {
            let g = &pc.glyphs[i];
            if g.y - s.y0 > max_size * 0.45 {
                break;
            }
            let above = g.y - s.y0;
            let overlap = s.x1.min(g.x1) - s.x0.max(g.x0);
            if !g.is_space()
                && above >= g.size * 0.15
                && above <= g.size * 0.45
                && overlap >= (g.x1 - g.x0) * 0.5
            {
                hits.push(i);
            }
        }
        if hits.is_empty() {
            segs.push(*s);
        } else {
            struck.extend(hits);
        }
    }
    (segs, struck)
}

/// A header or footer block's text with digits masked, and its page.
fn furniture_key(b: &PBlock) -> (String, Option<u32>) {
    let (text, page) = match b {
        PBlock::Para(p) => (p.text.clone(), p.page),
        PBlock::Table(t) => (
            t.table
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .map(Cell::text)
                .collect::<Vec<_>>()
                .join(" | "),
            t.table.rows.first().and_then(|r| r.page),
        ),
    };
    (
        text.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect(),
        page,
    )
}

fn append_cell(dst: &mut Cell, src: Cell) {
    let mut it = src.paragraphs.into_iter().filter(|p| !p.text.is_empty());
    if let Some(first) = it.next() {
        match dst.paragraphs.last_mut() {
            Some(last) if !last.text.is_empty() && !starts_item(&first.text) => {
                last.text = layout::join_wrapped(&last.text, &first.text);
                last.bold &= first.bold;
                last.italic &= first.italic;
            }
            _ => dst.paragraphs.push(first),
        }
    }
    dst.paragraphs.extend(it);
    dst.confidence = match (dst.confidence, src.confidence) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
}

fn is_page_number(t: &str) -> bool {
    let s = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())
}

/// Text geometry of a page: the left and right edges of its free text.
struct Geom {
    left: f32,
    right: f32,
}

impl Geom {
    fn of(lines: &[&Line], width: f32) -> Geom {
        if lines.is_empty() {
            return Geom {
                left: width * 0.1,
                right: width * 0.9,
            };
        }
        let left = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
        let right = lines.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
        Geom { left, right }
    }
    fn center(&self) -> f32 {
        (self.left + self.right) / 2.0
    }
}

/// The end (exclusive) of a band of two-column lines starting at `i`: lines with several
/// segments, and single lines that sit inside one of the band's columns, close below.
fn band_end(lines: &[Vec<Line>], i: usize) -> usize {
    let splits = splits_of(&lines[i]);
    let mut j = i + 1;
    while j < lines.len() {
        let l = &lines[j];
        let prev = &lines[j - 1];
        let gap = l[0].y - prev[0].y;
        let size = l[0].size.max(prev[0].size);
        if gap > size * 2.6 {
            break;
        }
        if l.len() >= 2 {
            j += 1;
            continue;
        }
        let s = &l[0];
        // Reaching a little over the gutter is fine (a wide line in one column); a line that
        // sits well on both sides of it is not in the band (a centred title).
        let crosses = splits
            .iter()
            .any(|&x| (x - s.x0).min(s.x1 - x) > s.size * 0.5);
        if crosses {
            break;
        }
        j += 1;
    }
    j
}

/// The segments of one line as one line: texts joined by a space, extent from the first to
/// the last, bold or italic only when all are.
fn join_segments(segs: Vec<Line>) -> Line {
    let mut it = segs.into_iter();
    let mut line = it.next().expect("a band line has segments");
    for s in it {
        line.text = kehoach_text::clean(&format!("{} {}", line.text, s.text));
        line.x1 = line.x1.max(s.x1);
        line.size = line.size.max(s.size);
        line.bold &= s.bold;
        line.italic &= s.italic;
        line.top = line.top.min(s.top);
    }
    line
}

fn splits_of(segs: &[Line]) -> Vec<f32> {
    segs.windows(2).map(|w| (w[0].x1 + w[1].x0) / 2.0).collect()
}

/// A borderless table from a band of column lines: columns split at the first line's
/// gutters, a new row where the vertical gap is wider than a line.
fn band_table(lines: &[Vec<Line>], page: u32, geom: &Geom) -> Table {
    let splits = splits_of(&lines[0]);
    let ncols = splits.len() + 1;
    let col_of = |l: &Line| splits.iter().filter(|&&x| l.cx() > x).count();
    let mut edges = vec![geom.left];
    edges.extend(&splits);
    edges.push(geom.right);
    // A line continues the one above in its column when the first word of it would not have
    // fitted on that line (the column is a little narrower than the gutter-to-edge width),
    // or when it starts with a digit or a lower-case letter ("2023" under "ngày … năm").
    let wrapped = |a: &Line, b: &Line, c: usize| {
        let words = b.text.split(' ').count().max(1) as f32;
        let first = b.text.split(' ').next().unwrap_or("").chars().count() as f32;
        let chars = b.text.chars().count().max(1) as f32;
        let first_w = (b.x1 - b.x0) * first / chars + b.size * 0.25 * (words > 1.0) as u8 as f32;
        let width = edges[c + 1] - edges[c] - a.size;
        let overflow = (a.x1 - a.x0) + a.size * 0.25 + first_w > width;
        let lower = b
            .text
            .chars()
            .next()
            .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit());
        (overflow || lower)
            && a.bold == b.bold
            && (a.size - b.size).abs() < 0.6
            && !starts_item(&b.text)
    };
    let mut last_in_col: Vec<Option<&Line>> = vec![None; ncols];
    let mut rows: Vec<Vec<Vec<Paragraph>>> = Vec::new();
    let mut prev_y = f32::NAN;
    for segs in lines {
        let y = segs[0].y;
        let size = segs.iter().map(|l| l.size).fold(0.0, f32::max);
        // A new row where every column starts together after a wider gap.
        if rows.is_empty() || (y - prev_y > size * 1.6 && segs.len() >= 2) {
            rows.push(vec![Vec::new(); ncols]);
            last_in_col = vec![None; ncols];
        }
        prev_y = y;
        let row = rows.last_mut().expect("pushed above");
        for l in segs {
            let c = col_of(l).min(ncols - 1);
            let cont = last_in_col[c].is_some_and(|a| wrapped(a, l, c));
            match row[c].last_mut() {
                Some(p) if cont => p.text = layout::join_wrapped(&p.text, &l.text),
                _ => row[c].push(paragraph_of(&[l], page, Align::Center)),
            }
            last_in_col[c] = Some(l);
        }
    }
    Table {
        grid_cols: ncols,
        rows: rows
            .into_iter()
            .map(|cells| Row {
                cells: cells
                    .into_iter()
                    .enumerate()
                    .map(|(c, ps)| Cell::new(c, 1, ps))
                    .collect(),
                repeat_header: false,
                page: Some(page),
            })
            .collect(),
        borderless: true,
    }
}

/// Free lines → paragraphs: a wrapped line (the line above reaches the right edge, the gap is
/// a normal line gap, same size and weight, no dash or bullet, starts at the left edge)
/// continues the paragraph; anything else starts one.
struct FreePara {
    para: Paragraph,
    /// The first line starts at the left edge (no first-line indent).
    left_flush: bool,
    /// The last line runs to the right edge (the paragraph may go on on the next page).
    open_tail: bool,
}

fn free_paragraphs(lines: &[&Line], page: u32, geom: &Geom) -> Vec<FreePara> {
    let mut out = Vec::new();
    let mut cur: Vec<&Line> = Vec::new();
    let flush = |cur: &mut Vec<&Line>, out: &mut Vec<FreePara>| {
        let (Some(first), Some(last)) = (cur.first(), cur.last()) else {
            return;
        };
        out.push(FreePara {
            para: paragraph_of(cur, page, align_of(cur, geom)),
            left_flush: first.x0 <= geom.left + first.size,
            open_tail: last.x1 >= geom.right - last.size * 1.2
                && last.x0 <= geom.left + last.size * 4.0,
        });
        cur.clear();
    };
    for &l in lines {
        if let Some(&a) = cur.last() {
            let size = a.size.max(l.size);
            let same_style = l.y - a.y <= size * 1.7
                && (a.size - l.size).abs() < 0.6
                && a.bold == l.bold
                && !starts_item(&l.text);
            let wrapped = a.x1 >= geom.right - size * 1.2
                && l.x0 <= geom.left + size * 1.0
                && a.x0 <= geom.left + size * 4.0;
            // A centred title wrapped over two lines.
            let centred = a.x1 >= geom.right - size * 2.0
                && a.x0 <= geom.left + size * 2.0
                && (l.cx() - geom.center()).abs() <= size
                && l.x0 > geom.left + size;
            let joins = same_style && (wrapped || centred) && !starts_block(&a.text, &l.text);
            if !joins {
                flush(&mut cur, &mut out);
            }
        }
        cur.push(l);
    }
    flush(&mut cur, &mut out);
    out
}

/// Whether line `b` starts a new block though line `a` above it ran to the right edge: `b` is
/// a section heading in Roman numerals ("II. NHIỆM VỤ CỤ THỂ"), or `a` ends a clause (":"
/// or ";") and `b` starts with a capital or a number ("… như sau:" / "Ủy ban nhân dân …",
/// "… Chính phủ;" / "Căn cứ …"). A sentence that goes on after a colon or a semicolon goes on
/// in lower case.
fn starts_block(a: &str, b: &str) -> bool {
    let b = b.trim_start();
    let roman_heading = {
        let n = b.bytes().take_while(|c| b"IVX".contains(c)).count();
        n > 0
            && b[n..].starts_with(". ")
            && b[n + 2..].chars().next().is_some_and(char::is_uppercase)
    };
    let ends_clause = a.trim_end().ends_with([':', ';']);
    let starts_capital = b
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    roman_heading || (ends_clause && starts_capital)
}

fn align_of(lines: &[&Line], geom: &Geom) -> Align {
    let l = lines[0];
    let size = l.size;
    if lines.len() > 1 {
        let last = lines[lines.len() - 1];
        if (last.cx() - geom.center()).abs() <= size && last.x0 > geom.left + size {
            return Align::Center;
        }
        return Align::Justify;
    }
    let full = l.x0 <= geom.left + size && l.x1 >= geom.right - size;
    if full {
        return Align::Justify;
    }
    if (l.cx() - geom.center()).abs() <= size * 1.0 && l.x0 > geom.left + size {
        return Align::Center;
    }
    if l.x1 >= geom.right - size * 0.5 && l.x0 > geom.center() {
        return Align::End;
    }
    Align::Start
}

#[cfg(test)]
mod tests {
    use super::starts_block;

    #[test]
    fn a_block_starts_after_a_clause_or_at_a_heading() {
        assert!(starts_block(
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU"
        ));
        assert!(starts_block("… trên địa bàn tỉnh.", "II. NHIỆM VỤ CỤ THỂ"));
        assert!(starts_block(
            "… của UBND tỉnh Hà Tĩnh;",
            "UBND xã ban hành Kế hoạch như sau:"
        ));
        assert!(starts_block(
            "Căn cứ Luật Tổ chức chính quyền địa phương;",
            "Căn cứ Nghị định số"
        ));
        // A wrapped sentence goes on: lower case after the clause, or no clause at the end.
        assert!(!starts_block(
            "… gồm các nội dung sau:",
            "rà soát, đánh giá …"
        ));
        assert!(!starts_block("… của Ủy ban nhân dân", "Tỉnh Lào Cai về …"));
        assert!(!starts_block("… giai đoạn", "II"));
        assert!(!starts_block("… giai đoạn", "IV.2026"));
    }
}
