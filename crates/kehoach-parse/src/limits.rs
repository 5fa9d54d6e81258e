//! Limits that make hostile input harmless: a zip bomb, an XML bomb or a huge table is
//! refused with a [`ParseError::Limit`] that names the limit, instead of eating the machine.

use std::time::{Duration, Instant};

use crate::error::ParseError;
pub use crate::ocr::OcrMode;

/// Resource limits for one document. The defaults are generous for real plans (the largest
/// real plan we have seen is under 1 MB of XML) and small enough to refuse bombs early.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Size of the input file in bytes.
    pub max_file_bytes: u64,
    /// Entries in a zip package.
    pub max_zip_entries: u64,
    /// Inflated size of one zip entry we read.
    pub max_entry_bytes: u64,
    /// Inflated size / compressed size of one entry.
    pub max_inflate_ratio: u64,
    /// Nesting depth of XML or HTML elements, and of RTF groups `{…}` (skipped ones too).
    /// For HTML, values above [`MAX_HTML_DEPTH_CEILING`] count as that ceiling.
    pub max_xml_depth: u64,
    /// XML elements in one part.
    pub max_xml_elements: u64,
    /// Elements of an HTML page. html5ever builds the whole tree before it is read (about
    /// 230 bytes an element: 4,000,000 `<div>`s in a 44 MB page took 917 MB), so this,
    /// counted before the tree is built, bounds the memory an HTML file takes.
    pub max_html_elements: u64,
    /// Rows of one table.
    pub max_table_rows: u64,
    /// Tables nested inside table cells, counting the outermost as 1. Readers recurse once
    /// per level, so values above [`MAX_TABLE_DEPTH_CEILING`] count as that ceiling.
    pub max_table_depth: u64,
    /// Cells of one document; also the `\cellx` of one RTF row definition and the cells of
    /// one spreadsheet.
    pub max_cells: u64,
    /// Objects in a PDF, counted as lopdf loads them (object-stream members included). lopdf
    /// holds every object in memory, about 1.1 KB each for small ones (1,900,000 took 2.2 GB),
    /// so the default, 200,000, bounds that near 300 MB; a plan's PDF has a few hundred.
    pub max_pdf_objects: u64,
    /// Pages in a PDF.
    pub max_pdf_pages: u64,
    /// Decoded size of one PDF stream.
    pub max_stream_bytes: u64,
    /// Content-stream operations on one PDF page.
    pub max_ops_per_page: u64,
    /// Wall-clock seconds for one document, reading and plan extraction together; `0` means
    /// no limit. Readers check it every few thousand steps of their loops (see
    /// [`Limits::check_time`]), so a document that would take minutes is refused within a
    /// few milliseconds of the limit.
    pub max_seconds: f64,
    /// When the current document must be done. [`crate::read_document`] and
    /// [`crate::parse_bytes`] set it from `max_seconds` when it is `None`; a caller may set it
    /// to share one deadline across several steps.
    pub deadline: Option<Instant>,
    /// When to OCR a PDF's pages (see [`OcrMode`]); `Never` by default, so a library caller
    /// gets the `needs_ocr` outcome for a scan unless it asks.
    pub ocr: OcrMode,
    /// Wall-clock seconds the OCR engine may spend on one page before it is stopped (the
    /// page is then left unread, with a warning).
    pub ocr_page_seconds: f64,
}

/// The most nested tables any setting allows: each level costs stack in a reader that
/// recurses, and a stack overflow aborts the process (no `catch_unwind` can stop it).
pub const MAX_TABLE_DEPTH_CEILING: u64 = 100;

/// The deepest HTML nesting any setting allows. html5ever's tree builder checks scopes by
/// walking the stack of open elements, so each element costs up to the depth: 50,000 nested
/// `<div>`s took 40 s, 200,000 took minutes, past any time limit (the tree is built before
/// the reader's budget can be checked). Browsers cap the depth of the tree they build the
/// same way (Blink at 512).
pub const MAX_HTML_DEPTH_CEILING: u64 = 512;

/// The most pieces a .doc piece table may have. Each piece is 12 bytes of the table stream,
/// so the stream size already bounds them; this stops a table of millions of one-character
/// pieces early. Word writes one piece per fast save or edit run: a few thousand at most.
pub const MAX_DOC_PIECES: u64 = 1_000_000;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 << 20,
            max_zip_entries: 10_000,
            max_entry_bytes: 256 << 20,
            max_inflate_ratio: 200,
            max_xml_depth: 256,
            max_xml_elements: 20_000_000,
            max_html_elements: 1_000_000,
            max_table_rows: 200_000,
            max_table_depth: 32,
            max_cells: 2_000_000,
            max_pdf_objects: 200_000,
            max_pdf_pages: 5_000,
            max_stream_bytes: 256 << 20,
            max_ops_per_page: 5_000_000,
            max_seconds: 60.0,
            deadline: None,
            ocr: OcrMode::Never,
            ocr_page_seconds: 120.0,
        }
    }
}

impl Limits {
    /// These limits with the deadline set from `max_seconds`, counted from now, unless a
    /// deadline is already set.
    pub fn started(&self) -> Limits {
        let mut l = self.clone();
        if l.deadline.is_none() && l.max_seconds > 0.0 && l.max_seconds.is_finite() {
            l.deadline = Instant::now().checked_add(Duration::from_secs_f64(l.max_seconds));
        }
        l
    }

    /// The nesting limit for HTML elements, at most [`MAX_HTML_DEPTH_CEILING`].
    pub fn html_depth(&self) -> u64 {
        self.max_xml_depth.min(MAX_HTML_DEPTH_CEILING)
    }

    /// The nesting limit for tables, at most [`MAX_TABLE_DEPTH_CEILING`].
    pub fn table_depth(&self) -> u64 {
        self.max_table_depth.min(MAX_TABLE_DEPTH_CEILING)
    }

    /// Returns [`ParseError::TimeLimit`] once the deadline has passed. One call costs a
    /// clock read (tens of nanoseconds); loops call it every few thousand iterations.
    pub fn check_time(&self) -> Result<(), ParseError> {
        match self.deadline {
            Some(d) if Instant::now() >= d => Err(ParseError::TimeLimit {
                seconds: self.max_seconds,
            }),
            _ => Ok(()),
        }
    }

    /// The cells read so far against `--max-cells`.
    pub fn check_cells(&self, cells: u64) -> Result<(), ParseError> {
        Self::check(
            cells,
            self.max_cells,
            "the number of table cells",
            "--max-cells",
        )
    }

    /// The rows of one table against `--max-table-rows`.
    pub fn check_rows(&self, rows: u64) -> Result<(), ParseError> {
        Self::check(
            rows,
            self.max_table_rows,
            "the number of rows in a table",
            "--max-table-rows",
        )
    }

    /// The input's size against `--max-file-bytes`.
    pub fn check_file_size(&self, bytes: u64) -> Result<(), ParseError> {
        Self::check(
            bytes,
            self.max_file_bytes,
            "the file size (bytes)",
            "--max-file-bytes",
        )
    }

    /// Returns an error naming the limit when `value > limit`.
    pub fn check(
        value: u64,
        limit: u64,
        what: &'static str,
        flag: &'static str,
    ) -> Result<(), ParseError> {
        if value > limit {
            Err(ParseError::Limit {
                what,
                value,
                limit,
                flag,
            })
        } else {
            Ok(())
        }
    }
}
