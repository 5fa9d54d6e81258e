//! `kehoach parse FILE... [--format json|jsonl|csv|table]`

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use kehoach_parse::Limits;
use rayon::prelude::*;

use crate::render;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One JSON object for one file, an array for several.
    Json,
    /// One JSON object per line, one line per file.
    Jsonl,
    /// One line per item, with the file it came from.
    Csv,
    /// A readable table for a terminal.
    Table,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files to parse (.docx, .doc, .rtf, .xlsx, .pdf, .html, .txt, .md); the reader is chosen by content.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "json")]
    format: Format,
    /// Start `--format csv` with a UTF-8 byte-order mark, for Excel on Windows.
    #[arg(long)]
    bom: bool,
    /// Width of `--format table` in columns (default: the terminal's, else $COLUMNS, else 100).
    #[arg(long, value_name = "N")]
    width: Option<usize>,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    ocr: OcrArgs,
}

/// Resource limits for each document: the defaults refuse zip and XML bombs and runaway
/// files; raise one when a real document needs it (the error names the flag).
#[derive(clap::Args, Clone, Debug)]
#[command(next_help_heading = "Limits (per document)")]
pub struct LimitArgs {
    /// Size of the input file in bytes.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_file_bytes)]
    pub max_file_bytes: u64,
    /// Entries in a zip package (.docx).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_zip_entries)]
    pub max_zip_entries: u64,
    /// Inflated size in bytes of one zip entry that is read.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_entry_bytes)]
    pub max_entry_bytes: u64,
    /// Inflated size / compressed size of one zip entry.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_inflate_ratio)]
    pub max_inflate_ratio: u64,
    /// Nesting depth of XML or HTML elements (at most 512 for HTML).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_xml_depth)]
    pub max_xml_depth: u64,
    /// XML elements in one part.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_xml_elements)]
    pub max_xml_elements: u64,
    /// Elements of an HTML page (its whole tree is built in memory, ~230 bytes an element).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_html_elements)]
    pub max_html_elements: u64,
    /// Rows of one table.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_table_rows)]
    pub max_table_rows: u64,
    /// Tables nested in table cells (at most 100).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_table_depth)]
    pub max_table_depth: u64,
    /// Table cells in one document.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_cells)]
    pub max_cells: u64,
    /// Objects in a PDF.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_pdf_objects)]
    pub max_pdf_objects: u64,
    /// Pages in a PDF.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_pdf_pages)]
    pub max_pdf_pages: u64,
    /// Decoded size in bytes of one PDF stream.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_stream_bytes)]
    pub max_stream_bytes: u64,
    /// Content-stream operations on one PDF page.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_ops_per_page)]
    pub max_ops_per_page: u64,
    /// Seconds to read one document (0: no limit).
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().max_seconds)]
    pub max_seconds: f64,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_bytes,
            max_zip_entries: self.max_zip_entries,
            max_entry_bytes: self.max_entry_bytes,
            max_inflate_ratio: self.max_inflate_ratio,
            max_xml_depth: self.max_xml_depth,
            max_xml_elements: self.max_xml_elements,
            max_html_elements: self.max_html_elements,
            max_table_rows: self.max_table_rows,
            max_table_depth: self.max_table_depth,
            max_cells: self.max_cells,
            max_pdf_objects: self.max_pdf_objects,
            max_pdf_pages: self.max_pdf_pages,
            max_stream_bytes: self.max_stream_bytes,
            max_ops_per_page: self.max_ops_per_page,
            max_seconds: if self.max_seconds.is_finite() {
                self.max_seconds.max(0.0)
            } else {
                0.0
            },
            deadline: None,
            ocr: kehoach_parse::limits::OcrMode::Never,
            ocr_page_seconds: Limits::default().ocr_page_seconds,
        }
    }
}

/// When to OCR a PDF's pages (`--ocr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OcrChoice {
    /// Pages without a text layer, when `tesseract` with its Vietnamese model is installed.
    Auto,
    /// Every page, text layer or not; a scan without `tesseract` stays needs_ocr.
    Always,
    /// No OCR: a PDF without a text layer is needs_ocr.
    Never,
}

/// OCR of scanned PDFs, shared by the commands that read documents (`parse`, `check`,
/// `import`, `reparse`), as [`LimitArgs`] is.
#[derive(clap::Args, Clone, Debug)]
#[command(next_help_heading = "OCR (scanned PDFs)")]
pub struct OcrArgs {
    /// When to OCR PDF pages (Tesseract: apt-get install tesseract-ocr tesseract-ocr-vie).
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub ocr: OcrChoice,
    /// Seconds the OCR engine may spend on one page before it is stopped.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().ocr_page_seconds)]
    pub ocr_page_seconds: f64,
}

impl OcrArgs {
    /// `limits` with these OCR settings.
    pub fn apply(&self, mut limits: Limits) -> Limits {
        use kehoach_parse::limits::OcrMode;
        limits.ocr = match self.ocr {
            OcrChoice::Auto => OcrMode::Auto,
            OcrChoice::Always => OcrMode::Always,
            OcrChoice::Never => OcrMode::Never,
        };
        limits.ocr_page_seconds = if self.ocr_page_seconds.is_finite() {
            self.ocr_page_seconds.max(0.0)
        } else {
            0.0
        };
        limits
    }
}

/// Exit codes: 0 every file parsed, 1 some file failed.
pub fn run(args: Args) -> u8 {
    let limits = args.ocr.apply(args.limits.limits());
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|f| super::parse_file(f, &limits))
        .collect();
    let mut ok = Vec::new();
    let mut failed = 0;
    for r in results {
        match r {
            Ok(rec) => ok.push(rec),
            Err(msg) => {
                error!("{msg}");
                failed += 1;
            }
        }
    }
    for rec in &ok {
        for w in &rec.warnings {
            warning!("{}: {w}", rec.source.path);
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let res = match args.format {
        Format::Json => render::records::json(&mut out, &ok, args.files.len() == 1),
        Format::Jsonl => render::records::jsonl(&mut out, &ok),
        Format::Csv => render::records::csv(&mut out, &ok, args.bom),
        Format::Table => {
            render::records::table(&mut out, &ok, render::table::output_width(args.width))
        }
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error!("cannot write output: {e}");
            return 1;
        }
    }
    u8::from(failed > 0)
}
