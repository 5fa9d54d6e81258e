//! document.xml → [`Document`] blocks, in one pass over the XML.
//!
//! What is read, and how:
//! * paragraphs: text of `w:t` in runs, `w:tab` as a space, `w:br`/`w:cr` as a line break,
//!   `w:noBreakHyphen` as "-"; hidden runs (`w:vanish`) dropped; bold/italic per paragraph;
//!   automatic numbering rendered to a label (see [`super::numbering`]);
//! * containers read through as if absent: `w:sdt`/`w:sdtContent`, `w:hyperlink`, `w:ins`,
//!   `w:moveTo`, `w:smartTag`, `w:customXml`, `w:fldSimple` — so content controls, links,
//!   inserted text and the displayed result of fields are kept;
//! * tracked deletions (`w:del`, `w:moveFrom`, `w:delText`) and field instructions
//!   (`w:instrText`) dropped: the document reads as if all changes were accepted;
//! * drawings, text boxes (`mc:AlternateContent`), math and anything outside the
//!   WordprocessingML namespace skipped;
//! * tables with `gridSpan`, `gridBefore`/`gridAfter`, `vMerge` restart/continue, legacy
//!   `hMerge`, the repeat-header flag `w:tblHeader`, borders, nested tables.

use crate::error::Result;
use crate::limits::Limits;
use crate::model::{Align, Block, Cell, Paragraph, Revision, RevisionKind, Row, Table};

use super::numbering::Numbering;
use super::xml::{attr, attr_num, attr_raw, local, on_off, Cursor, Ev, Ns};

pub struct Walker<'a, 'l> {
    c: Cursor<'a>,
    numbering: Option<Numbering>,
    limits: &'l Limits,
    cells: u64,
    /// Tables open around the current position.
    tables: u64,
    /// The paragraph being read, reused from one paragraph to the next.
    raw: String,
    /// The last `w:rFonts` name seen and the legacy encoding it implies (runs repeat the
    /// same font thousands of times).
    font: (Vec<u8>, Option<(kehoach_text::LegacyEncoding, bool)>),
    /// Runs of the current paragraph whose font names a legacy encoding: byte range in the
    /// paragraph's text, encoding, capitals font. Decided once the paragraph is read.
    legacy_runs: Vec<LegacyRun>,
    /// Where each paragraph is in the part, recorded only when reading for annotation.
    pub map: Option<Vec<ParaSource>>,
    /// Comment ranges open at this point: id, the text gathered so far, and where the range
    /// starts in the current paragraph's text (`None`: from its beginning).
    open_anchors: Vec<(String, String, Option<usize>)>,
    /// Comment ranges read: id and anchored text (raw).
    pub anchors: Vec<(String, String)>,
    /// Tracked insertions and deletions, in reading order.
    pub revisions: Vec<Revision>,
}

/// Where a paragraph is in `word/document.xml`: byte offsets into the part's text.
#[derive(Debug, Clone, Default)]
pub struct ParaSource {
    /// Start of `<w:p …>` (or of the empty element `<w:p/>`).
    pub start: usize,
    /// Where the paragraph's content starts: after its start tag and its `w:pPr`.
    pub content: usize,
    /// Start of the end tag `</w:p>`; for an empty element `<w:p/>`, its end.
    pub end: usize,
    /// The paragraph is an empty element `<w:p/>`.
    pub empty: bool,
    /// The paragraph's runs, in order.
    pub runs: Vec<RunSource>,
}

/// Where a run is in `word/document.xml`, and whether it is simple enough to split: a
/// direct child of its paragraph holding at most a `w:rPr` and one `w:t`.
#[derive(Debug, Clone, Default)]
pub struct RunSource {
    /// Start of `<w:r …>` and end of that start tag.
    pub start: usize,
    pub open_end: usize,
    /// End of `</w:r>`.
    pub end: usize,
    /// Byte range of the run's `w:rPr` element, if it has one.
    pub rpr: Option<(usize, usize)>,
    /// The text of its `w:t` (entities unescaped).
    pub text: String,
    pub simple: bool,
}

/// What [`Walker::run`] saw of a run besides its text.
#[derive(Default)]
struct RunInfo {
    bold: bool,
    italic: bool,
    has_text: bool,
    rpr: Option<(usize, usize)>,
    /// Number of `w:t` elements.
    texts: u32,
    /// Some child other than `w:rPr` and `w:t`, hidden text or a legacy font.
    other: bool,
}

/// A run in a legacy font: its byte range in the paragraph text, encoding, capitals font.
pub(crate) type LegacyRun = (usize, usize, kehoach_text::LegacyEncoding, bool);

/// Elements whose children are read as if the element were not there.
fn transparent(name: &[u8]) -> bool {
    matches!(
        name,
        b"sdt"
            | b"sdtContent"
            | b"hyperlink"
            | b"ins"
            | b"moveTo"
            | b"smartTag"
            | b"customXml"
            | b"fldSimple"
            | b"bdo"
            | b"dir"
            | b"body"
            | b"document"
    )
}

impl<'a, 'l> Walker<'a, 'l> {
    pub fn new(xml: &'a str, numbering: Option<Numbering>, limits: &'l Limits) -> Self {
        Walker {
            c: Cursor::new(xml, "word/document.xml", limits),
            numbering,
            limits,
            cells: 0,
            tables: 0,
            raw: String::new(),
            legacy_runs: Vec::new(),
            font: (Vec::new(), None),
            map: None,
            open_anchors: Vec::new(),
            anchors: Vec::new(),
            revisions: Vec::new(),
        }
    }

    /// Records where each paragraph and run is in the part ([`ParaSource`]).
    pub fn mapping(mut self) -> Self {
        self.map = Some(Vec::new());
        self
    }

    /// A comment range's start or end met at `at` in the current paragraph's text `raw`
    /// (`None`: between paragraphs).
    fn comment_mark(&mut self, e: &quick_xml::events::BytesStart<'_>, raw: Option<&str>) {
        let name = local(e);
        if !matches!(name, b"commentRangeStart" | b"commentRangeEnd") {
            return;
        }
        let Some(id) = attr(e, b"id") else { return };
        match name {
            // Bounded: a hostile part may open thousands of ranges.
            b"commentRangeStart" if self.open_anchors.len() < 64 => {
                self.open_anchors
                    .push((id, String::new(), raw.map(str::len)));
            }
            b"commentRangeEnd" => {
                if let Some(i) = self.open_anchors.iter().position(|a| a.0 == id) {
                    let (id, mut text, from) = self.open_anchors.remove(i);
                    if let Some(raw) = raw {
                        text.push_str(raw.get(from.unwrap_or(0)..).unwrap_or_default());
                    }
                    if self.anchors.len() < 100_000 {
                        self.anchors.push((id, text));
                    }
                }
            }
            _ => {}
        }
    }

    /// The paragraph `raw` ended: open comment ranges gather its text (from where they
    /// started) and a line break.
    fn anchors_paragraph_end(&mut self, raw: &str) {
        for (_, text, from) in &mut self.open_anchors {
            if text.len() < 1 << 20 {
                text.push_str(raw.get(from.unwrap_or(0)..).unwrap_or_default());
                text.push('\n');
            }
            *from = None;
        }
    }

    /// A tracked deletion (`w:del`) whose start was just returned: its text is recorded as a
    /// revision and left out of the paragraph.
    fn deletion(&mut self, e: &quick_xml::events::BytesStart<'_>) -> Result<()> {
        let author = attr(e, b"author").unwrap_or_default();
        let date = attr(e, b"date").unwrap_or_default();
        let d = self.c.depth();
        let mut text = String::new();
        let mut in_t = false;
        loop {
            match self.c.next()? {
                Ev::End(..) if self.c.depth() < d => break,
                Ev::Eof => break,
                Ev::End(..) => in_t = false,
                Ev::Start(Ns::W, e) if matches!(local(&e), b"delText" | b"t") => in_t = true,
                Ev::Empty(Ns::W, e) if local(&e) == b"tab" => text.push(' '),
                Ev::Text(t) if in_t && text.len() < 1 << 20 => text.push_str(&t),
                _ => {}
            }
        }
        self.push_revision(RevisionKind::Delete, author, date, &text);
        Ok(())
    }

    fn push_revision(&mut self, kind: RevisionKind, author: String, date: String, text: &str) {
        let text = kehoach_text::clean(text);
        if !text.is_empty() && self.revisions.len() < 100_000 {
            self.revisions.push(Revision {
                kind,
                author,
                date,
                text,
            });
        }
    }

    /// Reads the whole part and returns the body's blocks.
    pub fn document(&mut self) -> Result<Vec<Block>> {
        let blocks = self.blocks(0)?;
        Ok(blocks)
    }

    /// Reads block content until the element open at depth `until` closes (0: end of file).
    fn blocks(&mut self, until: u64) -> Result<Vec<Block>> {
        let mut out = Vec::new();
        loop {
            match self.c.next()? {
                Ev::Eof => return Ok(out),
                Ev::End(..) if self.c.depth() < until => {
                    return Ok(out);
                }
                Ev::Empty(Ns::W, e) if local(&e) == b"p" => {
                    out.push(Block::Paragraph(self.empty_paragraph()));
                }
                Ev::Empty(Ns::W, e) => self.comment_mark(&e, None),
                Ev::Start(Ns::W, e) => match local(&e) {
                    b"p" => out.push(Block::Paragraph(self.paragraph()?)),
                    b"tbl" => out.push(Block::Table(self.table()?)),
                    name if transparent(name) => {}
                    _ => self.c.skip()?,
                },
                Ev::Start(..) => self.c.skip()?,
                _ => {}
            }
        }
    }

    /// An empty paragraph element `<w:p/>` just returned.
    fn empty_paragraph(&mut self) -> Paragraph {
        let mut p = Paragraph::default();
        if let Some(map) = self.map.as_mut() {
            p.source = Some(map.len() as u32);
            map.push(ParaSource {
                start: self.c.event_start(),
                content: self.c.event_end(),
                end: self.c.event_end(),
                empty: true,
                runs: Vec::new(),
            });
        }
        p
    }

    fn paragraph(&mut self) -> Result<Paragraph> {
        let d = self.c.depth();
        let mut p = Paragraph::default();
        let mut src = self.map.is_some().then(|| ParaSource {
            start: self.c.event_start(),
            content: self.c.event_end(),
            ..Default::default()
        });
        // Tracked insertions open in this paragraph: depth, author, date, start in `raw`.
        let mut ins: Vec<(u64, String, String, usize)> = Vec::new();
        // Depths of open containers whose runs must not be split (a tracked insertion or
        // move, a simple field's result); `frozen_all` once too many are open.
        let mut frozen: Vec<u64> = Vec::new();
        let mut frozen_all = false;
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        self.legacy_runs.clear();
        let mut num: (Option<String>, Option<u32>) = (None, None);
        let mut style: Option<String> = None;
        let mut all_bold = true;
        let mut all_italic = true;
        let mut any_text = false;
        loop {
            match self.c.next()? {
                Ev::End(..) if self.c.depth() < d => {
                    if let Some(src) = src.as_mut() {
                        src.end = self.c.event_start();
                    }
                    break;
                }
                Ev::Eof => break,
                Ev::End(..) => {
                    let depth = self.c.depth();
                    if ins.last().is_some_and(|i| depth < i.0) {
                        if let Some((_, author, date, from)) = ins.pop() {
                            let text = raw.get(from..).unwrap_or_default().to_string();
                            self.push_revision(RevisionKind::Insert, author, date, &text);
                        }
                    }
                    while frozen.last().is_some_and(|&f| depth < f) {
                        frozen.pop();
                    }
                }
                Ev::Empty(Ns::W, e) => self.comment_mark(&e, Some(&raw)),
                Ev::Start(Ns::W, e) => match local(&e) {
                    b"pPr" => {
                        self.paragraph_props(&mut p, &mut num, &mut style)?;
                        if let Some(src) = src.as_mut() {
                            src.content = self.c.event_end();
                        }
                    }
                    b"r" => {
                        // Inside a hyperlink, smart tag or content control a run may be
                        // split (their content allows w:del/w:ins); inside an insertion or
                        // a field result it may not.
                        let splittable = frozen.is_empty() && !frozen_all;
                        let (start, open_end, at) =
                            (self.c.event_start(), self.c.event_end(), raw.len());
                        let info = self.run(&mut raw)?;
                        if info.has_text {
                            any_text = true;
                            all_bold &= info.bold;
                            all_italic &= info.italic;
                        }
                        if let Some(src) = src.as_mut() {
                            src.runs.push(RunSource {
                                start,
                                open_end,
                                end: self.c.event_end(),
                                rpr: info.rpr,
                                text: raw.get(at..).unwrap_or_default().to_string(),
                                simple: splittable && !info.other && info.texts == 1,
                            });
                        }
                    }
                    b"del" => self.deletion(&e)?,
                    name @ (b"ins" | b"moveTo" | b"fldSimple") => {
                        if frozen.len() < 64 {
                            frozen.push(self.c.depth());
                        } else {
                            frozen_all = true;
                        }
                        if name == b"ins" && ins.len() < 64 {
                            ins.push((
                                self.c.depth(),
                                attr(&e, b"author").unwrap_or_default(),
                                attr(&e, b"date").unwrap_or_default(),
                                raw.len(),
                            ));
                        }
                    }
                    name if transparent(name) => {}
                    _ => self.c.skip()?,
                },
                Ev::Start(..) => self.c.skip()?,
                _ => {}
            }
        }
        if !self.open_anchors.is_empty() {
            self.anchors_paragraph_end(&raw);
        }
        if let (Some(src), Some(map)) = (src, self.map.as_mut()) {
            p.source = Some(map.len() as u32);
            map.push(src);
        }
        p.bold = any_text && all_bold;
        p.italic = any_text && all_italic;
        if !self.legacy_runs.is_empty() {
            raw = decode_legacy_runs(raw, &self.legacy_runs);
        }
        p.text = clean_keep_lines(&raw);
        self.raw = raw;
        if let Some(n) = self.numbering.as_mut() {
            let (num_id, ilvl) = match (num.0, style.and_then(|s| n.style_links.get(&s).cloned())) {
                (Some(id), _) => (Some(id), num.1.unwrap_or(0)),
                (None, Some((id, l))) => (Some(id), num.1.unwrap_or(l)),
                (None, None) => (None, 0),
            };
            if let Some(id) = num_id {
                p.list_label = n.next_label(&id, ilvl);
            }
        }
        Ok(p)
    }

    fn paragraph_props(
        &mut self,
        p: &mut Paragraph,
        num: &mut (Option<String>, Option<u32>),
        style: &mut Option<String>,
    ) -> Result<()> {
        visit_props(&mut self.c, &[b"numPr"], |name, e| match name {
            b"numId" => num.0 = attr(e, b"val"),
            b"ilvl" => num.1 = attr_num(e, b"val"),
            b"pStyle" => *style = attr(e, b"val"),
            b"jc" => {
                p.align = match attr_raw(e, b"val").as_deref() {
                    Some(b"center") => Align::Center,
                    Some(b"right" | b"end") => Align::End,
                    Some(b"both" | b"distribute") => Align::Justify,
                    _ => Align::Start,
                }
            }
            _ => {}
        })
    }

    /// One run, appended to `out`: its formatting, whether it has visible text and what else
    /// it holds.
    fn run(&mut self, out: &mut String) -> Result<RunInfo> {
        let d = self.c.depth();
        let start = out.len();
        let mut info = RunInfo::default();
        let (mut bold, mut italic, mut hidden) = (false, false, false);
        let mut legacy: Option<(kehoach_text::LegacyEncoding, bool)> = None;
        let mut in_t = false;
        loop {
            match self.c.next()? {
                Ev::End(ns, name) => {
                    if self.c.depth() < d {
                        break;
                    }
                    if ns == Ns::W && super::xml::end_local(&name) == b"t" {
                        in_t = false;
                    }
                }
                Ev::Eof => break,
                Ev::Text(t) if in_t => out.push_str(&t),
                Ev::Start(Ns::W, e) => match local(&e) {
                    b"t" => {
                        in_t = true;
                        info.texts += 1;
                    }
                    b"rPr" => {
                        let rpr_start = self.c.event_start();
                        let font = &mut self.font;
                        visit_props(&mut self.c, &[], |name, e| match name {
                            b"b" => bold = on_off(e),
                            b"i" => italic = on_off(e),
                            b"vanish" => hidden = on_off(e),
                            b"rFonts" => {
                                let name = attr_raw(e, b"ascii").or_else(|| attr_raw(e, b"hAnsi"));
                                let name = name.as_deref().unwrap_or_default();
                                if font.0 != name {
                                    font.0.clear();
                                    font.0.extend_from_slice(name);
                                    font.1 = std::str::from_utf8(name)
                                        .ok()
                                        .and_then(kehoach_text::encoding_of_font);
                                }
                                legacy = font.1;
                            }
                            _ => {}
                        })?;
                        info.rpr = Some((rpr_start, self.c.event_end()));
                    }
                    _ => {
                        info.other = true;
                        self.c.skip()?
                    }
                },
                Ev::Empty(Ns::W, e) => match local(&e) {
                    b"rPr" => info.rpr = Some((self.c.event_start(), self.c.event_end())),
                    b"t" => info.texts += 1,
                    name => {
                        info.other = true;
                        match name {
                            b"tab" | b"ptab" => out.push('\t'),
                            b"br" => match attr_raw(&e, b"type").as_deref() {
                                Some(b"page" | b"column") => out.push(' '),
                                _ => out.push('\n'),
                            },
                            b"cr" => out.push('\n'),
                            b"noBreakHyphen" => out.push('-'),
                            _ => {}
                        }
                    }
                },
                Ev::Empty(..) => info.other = true,
                Ev::Start(..) => {
                    info.other = true;
                    self.c.skip()?
                }
                _ => {}
            }
        }
        // Anything but rPr and t (tabs, breaks, drawings) makes the run not simple.
        info.other |= hidden || legacy.is_some();
        if hidden {
            out.truncate(start);
        }
        if let Some((enc, upper)) = legacy {
            if out.len() > start {
                self.legacy_runs.push((start, out.len(), enc, upper));
            }
        }
        info.has_text = !out[start..].trim().is_empty();
        info.bold = bold;
        info.italic = italic;
        Ok(info)
    }

    fn table(&mut self) -> Result<Table> {
        // Each nested table is one more level of recursion: bounded here, whatever the XML
        // depth limit says.
        crate::limits::Limits::check(
            self.tables + 1,
            self.limits.table_depth(),
            "the nesting depth of tables in tables",
            "--max-table-depth (at most 100)",
        )?;
        self.tables += 1;
        let t = self.table_inner();
        self.tables -= 1;
        t
    }

    fn table_inner(&mut self) -> Result<Table> {
        let d = self.c.depth();
        let mut t = Table::default();
        let mut border_vals: Vec<String> = Vec::new();
        loop {
            match self.c.next()? {
                Ev::End(..) if self.c.depth() < d => break,
                Ev::Eof => break,
                Ev::Start(Ns::W, e) => match local(&e) {
                    b"tblPr" => visit_props(&mut self.c, &[b"tblBorders"], |name, e| {
                        if matches!(
                            name,
                            b"top"
                                | b"left"
                                | b"bottom"
                                | b"right"
                                | b"start"
                                | b"end"
                                | b"insideH"
                                | b"insideV"
                        ) {
                            border_vals.push(attr(e, b"val").unwrap_or_default());
                        }
                    })?,
                    b"tblGrid" => visit_props(&mut self.c, &[], |name, _| {
                        if name == b"gridCol" {
                            t.grid_cols += 1
                        }
                    })?,
                    b"tr" => {
                        let row = self.row()?;
                        t.rows.push(row);
                        self.limits.check_rows(t.rows.len() as u64)?;
                    }
                    name if transparent(name) => {}
                    _ => self.c.skip()?,
                },
                Ev::Start(..) => self.c.skip()?,
                _ => {}
            }
        }
        t.borderless = !border_vals.is_empty()
            && border_vals
                .iter()
                .all(|v| matches!(v.as_str(), "nil" | "none"));
        let widest = t
            .rows
            .iter()
            .map(|r| r.cells.last().map(|c| c.col_end()).unwrap_or(0))
            .max()
            .unwrap_or(0);
        t.grid_cols = t.grid_cols.max(widest);
        // Spans and gridBefore can claim a grid far wider than the cells: bound the area
        // that plan extraction walks.
        crate::limits::Limits::check(
            (t.rows.len() as u64)
                .max(1)
                .saturating_mul(t.grid_cols as u64),
            self.limits.max_cells,
            "the area of a table (rows × grid columns)",
            "--max-cells",
        )?;
        t.resolve_row_spans();
        Ok(t)
    }

    fn row(&mut self) -> Result<Row> {
        let d = self.c.depth();
        let mut row = Row::default();
        let mut col = 0usize;
        loop {
            match self.c.next()? {
                Ev::End(..) if self.c.depth() < d => break,
                Ev::Eof => break,
                Ev::Start(Ns::W, e) => match local(&e) {
                    b"trPr" | b"tblPrEx" => visit_props(&mut self.c, &[], |name, e| match name {
                        b"tblHeader" => row.repeat_header = on_off(e),
                        b"gridBefore" => col += attr_num::<usize>(e, b"val").unwrap_or(0).min(1000),
                        _ => {}
                    })?,
                    b"tc" => {
                        let (cell, h_continue) = self.cell(col)?;
                        self.cells += 1;
                        self.limits.check_cells(self.cells)?;
                        if h_continue {
                            // Legacy horizontal merge: widen the cell to the left.
                            if let Some(prev) = row.cells.last_mut() {
                                prev.col_span += cell.col_span;
                                col += cell.col_span;
                                continue;
                            }
                        }
                        col += cell.col_span;
                        row.cells.push(cell);
                    }
                    name if transparent(name) => {}
                    _ => self.c.skip()?,
                },
                Ev::Start(..) => self.c.skip()?,
                _ => {}
            }
        }
        Ok(row)
    }

    /// One cell starting at grid column `col`. Returns the cell and whether it continues a
    /// legacy horizontal merge.
    fn cell(&mut self, col: usize) -> Result<(Cell, bool)> {
        let d = self.c.depth();
        let mut cell = Cell::new(col, 1, Vec::new());
        let mut h_continue = false;
        loop {
            match self.c.next()? {
                Ev::End(..) if self.c.depth() < d => break,
                Ev::Eof => break,
                Ev::Empty(Ns::W, e) if local(&e) == b"p" => {
                    let p = self.empty_paragraph();
                    cell.paragraphs.push(p)
                }
                Ev::Empty(Ns::W, e) => self.comment_mark(&e, None),
                Ev::Start(Ns::W, e) => match local(&e) {
                    b"tcPr" => visit_props(&mut self.c, &[], |name, e| match name {
                        b"gridSpan" => {
                            cell.col_span = attr_num::<usize>(e, b"val").unwrap_or(1).clamp(1, 1000)
                        }
                        b"vMerge" => {
                            cell.covered = attr_raw(e, b"val").as_deref() != Some(b"restart")
                        }
                        b"hMerge" => {
                            h_continue = attr_raw(e, b"val").as_deref() != Some(b"restart")
                        }
                        _ => {}
                    })?,
                    b"p" => {
                        let p = self.paragraph()?;
                        cell.paragraphs.push(p);
                    }
                    b"tbl" => {
                        let t = self.table()?;
                        cell.tables.push(t);
                    }
                    name if transparent(name) => {}
                    _ => self.c.skip()?,
                },
                Ev::Start(..) => self.c.skip()?,
                _ => {}
            }
        }
        if cell.covered {
            // A continuation cell shows nothing of its own.
            cell.paragraphs.retain(|p| !p.text.is_empty());
        }
        Ok((cell, h_continue))
    }
}

/// Cleans each line of a paragraph and keeps the hard line breaks.
/// Decodes the runs of one paragraph whose fonts name a legacy encoding. The decision is
/// made once for all such runs of the paragraph together ([`kehoach_text::font_decision`]):
/// a font name says legacy, but text typed in Unicode under an old `.VnTime` style (a
/// converted document that kept its fonts) stays as it is.
pub(crate) fn decode_legacy_runs(raw: String, runs: &[LegacyRun]) -> String {
    use kehoach_text::LegacyEncoding;
    let mut decide = [None; 2];
    for (i, enc) in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni]
        .into_iter()
        .enumerate()
    {
        let mut joined = String::new();
        for &(a, b, e, _) in runs {
            if e == enc {
                joined.push_str(raw.get(a..b).unwrap_or_default());
                joined.push(' ');
            }
        }
        if !joined.is_empty() {
            decide[i] = kehoach_text::font_decision(&joined, enc);
        }
    }
    if decide == [None, None] {
        return raw;
    }
    let mut out = String::with_capacity(raw.len() + 16);
    let mut at = 0;
    for &(a, b, enc, upper) in runs {
        let Some(Some(only_gains)) = decide.get(enc as usize) else {
            continue;
        };
        let (Some(gap), Some(text)) = (raw.get(at..a), raw.get(a..b)) else {
            continue;
        };
        out.push_str(gap);
        out.push_str(&kehoach_text::decode_legacy_words(
            text,
            enc,
            upper,
            *only_gains,
        ));
        at = b;
    }
    out.push_str(raw.get(at..).unwrap_or_default());
    out
}

pub(crate) fn clean_keep_lines(raw: &str) -> String {
    if !raw.contains('\n') {
        return kehoach_text::clean(raw);
    }
    kehoach_text::clean_lines(raw).join("\n")
}

/// Walks the properties element whose start was just returned (pPr, rPr, tblPr, trPr,
/// tcPr, tblGrid) to its end, calling `f` with the local name and the element of each
/// WordprocessingML child. Children named in `descend` (`numPr`, `tblBorders`) are
/// walked into and their children passed to `f` too; any other child's content is
/// skipped (so `tblCellMar/top` is not taken for a border).
fn visit_props(
    c: &mut Cursor<'_>,
    descend: &[&[u8]],
    mut f: impl FnMut(&[u8], &quick_xml::events::BytesStart<'_>),
) -> Result<()> {
    let d = c.depth();
    loop {
        match c.next()? {
            Ev::End(..) if c.depth() < d => return Ok(()),
            Ev::Eof => return Ok(()),
            Ev::Empty(Ns::W, e) => f(local(&e), &e),
            Ev::Start(Ns::W, e) if descend.contains(&local(&e)) => f(local(&e), &e),
            Ev::Start(Ns::W, e) => {
                f(local(&e), &e);
                c.skip()?
            }
            Ev::Start(..) => c.skip()?,
            _ => {}
        }
    }
}
