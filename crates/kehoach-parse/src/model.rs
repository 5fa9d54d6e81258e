//! The document model every reader produces.
//!
//! A [`Document`] is the body of a file in reading order: paragraphs and tables. Tables keep
//! their cell spans as spans (a cell merged over three grid columns is one [`Cell`] with
//! `col_span == 3`; a cell merged down rows is one cell with `row_span > 1` in its first row
//! and a [`Cell::covered`] placeholder in each row below), the way pandoc's docx reader keeps
//! them. Nothing downstream looks at XML, PDF operators or HTML again: plan extraction, drift
//! checks and the store all work on this model.

use serde::Serialize;

/// Which reader produced a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    /// Word 97–2003 binary document.
    Doc,
    Pdf,
    Html,
    Text,
    Rtf,
    Xlsx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Text => "text",
            Format::Rtf => "rtf",
            Format::Xlsx => "xlsx",
        }
    }
}

/// A whole document: blocks in reading order, plus what the reader noticed on the way.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub format: Format,
    pub blocks: Vec<Block>,
    /// Non-fatal problems ("no text layer on page 3", "ragged row 12").
    pub warnings: Vec<String>,
    /// What OCR read, for a PDF whose pages were OCR'd (see [`crate::ocr::OcrInfo`]).
    pub ocr: Option<crate::ocr::OcrInfo>,
    /// Reviewers' comments (.docx `word/comments.xml`), with the text each is anchored on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// Tracked changes (.docx `w:ins`/`w:del` in paragraphs). The blocks read as if every
    /// change were accepted; these say what the changes are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}

/// A reviewer's comment and the words it is anchored on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// The comment's id in the package (`w:id`).
    pub id: String,
    pub author: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub initials: String,
    /// The comment's paragraphs, joined by line breaks, clean line by line.
    pub text: String,
    /// The document text between the comment's range start and end (paragraphs joined by a
    /// line break), clean line by line; empty for a comment on a point.
    pub anchored: String,
}

/// Whether a tracked change inserts or deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RevisionKind {
    Insert,
    Delete,
}

/// One tracked change: inserted or deleted text and who made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    pub kind: RevisionKind,
    pub author: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The inserted or deleted text, clean.
    pub text: String,
}

impl Document {
    pub fn new(format: Format) -> Self {
        Document {
            format,
            blocks: Vec::new(),
            warnings: Vec::new(),
            comments: Vec::new(),
            revisions: Vec::new(),
            ocr: None,
        }
    }

    /// All tables at the top level of the body, in order (nested tables are inside cells).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
    }

    /// All top-level paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
    }
}

/// One block of the body.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// Horizontal alignment of a paragraph, where the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    #[default]
    Start,
    Center,
    End,
    Justify,
}

/// A paragraph: its text (NFC, whitespace folded, see [`kehoach_text::clean`]), the label of
/// an automatic list number if it has one, and the formatting that extraction uses.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Paragraph {
    pub text: String,
    /// Rendered automatic numbering ("1.", "2.1.3", "a)"), when the source numbers the
    /// paragraph rather than typing the number. Not part of `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_label: Option<String>,
    /// All of the text is bold.
    #[serde(skip_serializing_if = "is_false")]
    pub bold: bool,
    /// All of the text is italic.
    #[serde(skip_serializing_if = "is_false")]
    pub italic: bool,
    pub align: Align,
    /// 1-based page number, where the reader knows it (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where the paragraph is in the source: an index into the source map of a .docx read
    /// for annotation ([`crate::docx::Mapped`]); `None` otherwise. Never serialized.
    #[serde(skip)]
    pub source: Option<u32>,
}

impl Paragraph {
    pub fn new(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            ..Default::default()
        }
    }

    /// The label and the text as a reader would see them on paper: "1.1 Xây dựng …".
    pub fn display_text(&self) -> String {
        match &self.list_label {
            Some(l) if !self.text.is_empty() => format!("{l} {}", self.text),
            Some(l) => l.clone(),
            None => self.text.clone(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A table. `grid_cols` is the number of grid columns; each row's cells cover them left to
/// right (a row may cover fewer where the source skips columns with gridBefore/gridAfter).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    pub grid_cols: usize,
    pub rows: Vec<Row>,
    /// The table is drawn without borders (a layout table, such as the header block).
    #[serde(skip_serializing_if = "is_false")]
    pub borderless: bool,
}

/// A table row.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// The row is marked to repeat as a header on every page (`w:tblHeader`, `<thead>`), or
    /// the reader recognised it as a repeated header.
    #[serde(skip_serializing_if = "is_false")]
    pub repeat_header: bool,
    /// 1-based page the row starts on, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A table cell, with its spans.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cell {
    /// First grid column the cell covers (0-based).
    pub col: usize,
    /// Number of grid columns covered (gridSpan, colspan); at least 1.
    pub col_span: usize,
    /// Number of rows covered, counting this one (vMerge restart, rowspan); at least 1.
    /// Placeholders for the rows below have `covered == true`.
    pub row_span: usize,
    /// This cell is covered by a cell above that spans down into this row (vMerge continue,
    /// or the shadow of a rowspan). Its content is empty; read the cell above.
    #[serde(skip_serializing_if = "is_false")]
    pub covered: bool,
    pub paragraphs: Vec<Paragraph>,
    /// Tables nested inside the cell.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<Table>,
    /// Mean confidence (0–100) of the OCR'd words in the cell; `None` for text that was not
    /// OCR'd.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl Cell {
    pub fn new(col: usize, col_span: usize, paragraphs: Vec<Paragraph>) -> Self {
        Cell {
            col,
            col_span: col_span.max(1),
            row_span: 1,
            covered: false,
            paragraphs,
            tables: Vec::new(),
            confidence: None,
        }
    }

    /// The cell's text, paragraphs joined with a space (labels included), clean in the
    /// sense of [`kehoach_text::clean`]: a line break inside a paragraph reads as a space.
    /// (Readers keep paragraph texts clean line by line, so nothing is scanned again.)
    pub fn text(&self) -> String {
        let mut s = String::new();
        for p in &self.paragraphs {
            let label = p.list_label.as_deref().filter(|l| !l.is_empty());
            let mut pieces = label.into_iter().chain(p.text.split('\n'));
            for piece in pieces.by_ref().filter(|t| !t.is_empty()) {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(piece);
            }
        }
        // `is_clean` may say no to clean text (a lone combining mark is "maybe" in the NFC
        // quick check), so the check is the definition itself.
        debug_assert!(
            kehoach_text::is_clean(&s) || kehoach_text::clean(&s) == s,
            "cell text not clean: {s:?}"
        );
        s
    }

    /// Non-empty paragraph texts (labels included), one per line of the cell.
    pub fn lines(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .map(|p| p.display_text())
            .filter(|t| !t.is_empty())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs
            .iter()
            .all(|p| p.text.is_empty() && p.list_label.is_none())
            && self.tables.is_empty()
    }

    /// Every non-empty paragraph is bold.
    pub fn is_bold(&self) -> bool {
        let mut any = false;
        for p in &self.paragraphs {
            if p.text.is_empty() {
                continue;
            }
            if !p.bold {
                return false;
            }
            any = true;
        }
        any
    }

    /// Every non-empty paragraph is italic.
    pub fn is_italic(&self) -> bool {
        let mut any = false;
        for p in &self.paragraphs {
            if p.text.is_empty() {
                continue;
            }
            if !p.italic {
                return false;
            }
            any = true;
        }
        any
    }

    /// The last grid column covered, exclusive.
    pub fn col_end(&self) -> usize {
        self.col + self.col_span.max(1)
    }
}

impl Table {
    /// Fills `row_span` of each spanning cell from the `covered` placeholders below it. Readers
    /// that only know "this cell continues the one above" (docx vMerge) call this once.
    pub fn resolve_row_spans(&mut self) {
        for r in 0..self.rows.len() {
            for c in 0..self.rows[r].cells.len() {
                if self.rows[r].cells[c].covered {
                    continue;
                }
                let col = self.rows[r].cells[c].col;
                let mut span = 1;
                while let Some(below) = self.rows.get(r + span) {
                    match below.cells.iter().find(|x| x.col == col) {
                        Some(x) if x.covered => span += 1,
                        _ => break,
                    }
                }
                self.rows[r].cells[c].row_span = span;
            }
        }
    }

    /// The cell that holds grid column `col` in row `row`, following a covered placeholder up
    /// to the cell that spans into it. Returns `(row index, cell)` of the owning cell.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<(usize, &Cell)> {
        let cells = &self.rows.get(row)?.cells;
        let cell = cells.iter().find(|c| c.col <= col && col < c.col_end())?;
        if !cell.covered {
            return Some((row, cell));
        }
        (0..row).rev().find_map(|r| {
            self.rows[r]
                .cells
                .iter()
                .find(|c| !c.covered && c.col <= col && col < c.col_end() && r + c.row_span > row)
                .map(|c| (r, c))
        })
    }
}

/// Text gathered from runs or inline elements of differing formatting, remembering whether
/// all of its visible text is bold and whether all of it is italic (group rows are). Used by
/// the HTML and text readers.
#[derive(Debug, Clone)]
pub(crate) struct StyledText {
    pub text: String,
    /// Some visible (non-space, non-invisible) text was pushed.
    pub any: bool,
    pub bold: bool,
    pub italic: bool,
}

impl StyledText {
    pub fn new() -> Self {
        StyledText {
            text: String::new(),
            any: false,
            bold: true,
            italic: true,
        }
    }

    /// Appends `s` written in the given formatting.
    pub fn push(&mut self, s: &str, bold: bool, italic: bool) {
        if s.chars()
            .any(|c| !c.is_whitespace() && !kehoach_text::is_invisible(c))
        {
            self.any = true;
            self.bold &= bold;
            self.italic &= italic;
        }
        self.text.push_str(s);
    }

    /// All visible text is bold (false when there is none).
    pub fn all_bold(&self) -> bool {
        self.any && self.bold
    }

    /// All visible text is italic (false when there is none).
    pub fn all_italic(&self) -> bool {
        self.any && self.italic
    }
}
