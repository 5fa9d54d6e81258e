//! The .pdf reader (positioned text, ruling lines, tables across pages).
//!
//! lopdf reads the file (xref recovery, object streams, decryption with the empty user
//! password, stream filters); everything from there on is ours:
//!
//! ```text
//! lexer.rs    content-stream tokens (lopdf's Content::decode is ~6x slower)
//! content.rs  operators → glyphs (Unicode, position, size, bold/italic) + ruling segments
//! fonts.rs    simple / Type0 fonts, widths, encodings; cmap.rs ToUnicode and CID CMaps
//! ruling.rs   segments → merged rules → grids → cells with row/column spans
//! layout.rs   glyphs → lines (spaces from gaps) → paragraphs
//! table.rs    a page's grids and free text → blocks; tables continued across pages
//! ```
//!
//! lopdf's own `extract_text` is not used: it prefers `/Encoding` over `ToUnicode`, adds a
//! space after every TJ and ignores Form XObjects. hayro-interpret was not chosen: its
//! `Device` gives a glyph's Unicode and transform but neither its font (bold rows) nor its
//! advance width, and it needs Rust 1.92 and a colour-management stack we do not use.
//!
//! Layout rules, in short: a page's ruled grids are tables (text goes to the cell holding
//! the glyph's body); the rest is lines in reading order. Lines with a wide gutter and no
//! space glyph in it (two text runs side by side) form a borderless table (the header
//! block). A wrapped line joins the paragraph above; a line starting with a dash, plus or
//! bullet, or whose first word would have fitted on the line above, starts a new one. A table
//! whose columns match the table that ended the previous page continues it: repeated header
//! rows are marked, a row cut by the break (empty first cell) is joined to the row above.
//! Lines in the top and bottom margins that recur on several pages (running headers,
//! footers, page numbers) are left out.

mod cmap;
pub(crate) mod content;
mod fonts;
mod layout;
mod lexer;
pub(crate) mod objects;
pub(crate) mod ruling;
mod stamp;
mod table;

use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::{Document as PdfDoc, Object};

use crate::error::{ParseError, Result};
use crate::limits::{Limits, OcrMode};
use crate::model::{Document, Format};

use objects::{as_dict, inherited, nums};

/// Reads a PDF into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ParseError::Unsupported(
            "not a PDF file: no %PDF- header".into(),
        ));
    }
    let pdf = load(bytes, limits)?;
    limits.check_time()?;
    match catch_unwind(AssertUnwindSafe(|| read_pages(&pdf, bytes, limits))) {
        Ok(r) => r,
        Err(_) => Err(ParseError::corrupt(
            "the PDF could not be interpreted (internal error while reading it)",
        )),
    }
}

thread_local! {
    /// Objects lopdf has loaded on this thread for the current document, and the most it may
    /// keep (see [`count_object`]).
    static LOADED: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, u64::MAX)) };
}

/// lopdf's load filter (a plain `fn`, hence the thread-local): counts every object as it is
/// read and drops those past `--max-pdf-objects`, so that a file of millions of tiny objects
/// (1,900,000 in 92 MB took 2.2 GB) is refused without holding them all. lopdf keeps a
/// top-level object as it is and an object-stream member as returned; streams are never
/// members, so only non-stream objects need a copy.
fn count_object(id: (u32, u16), object: &mut Object) -> Option<((u32, u16), Object)> {
    let (n, limit) = LOADED.get();
    LOADED.set((n + 1, limit));
    if n >= limit {
        return None;
    }
    match object {
        Object::Stream(_) => Some((id, Object::Null)),
        other => Some((id, other.clone())),
    }
}

fn load(bytes: &[u8], limits: &Limits) -> Result<PdfDoc> {
    let opts = |reconstruct: bool| lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes.min(usize::MAX as u64) as usize),
        force_reconstruct: reconstruct,
        filter: Some(count_object),
        ..Default::default()
    };
    let attempt = |reconstruct: bool| {
        LOADED.set((0, limits.max_pdf_objects));
        let r = catch_unwind(AssertUnwindSafe(|| {
            PdfDoc::load_mem_with_options(bytes, opts(reconstruct))
        }))
        .unwrap_or(Err(lopdf::Error::Unimplemented(
            "the PDF parser failed on this file",
        )));
        let (loaded, _) = LOADED.replace((0, u64::MAX));
        Limits::check(
            loaded,
            limits.max_pdf_objects,
            "the number of PDF objects",
            "--max-pdf-objects",
        )?;
        Ok::<_, ParseError>(r)
    };
    let doc = match attempt(false)? {
        Ok(d) if !d.get_pages().is_empty() || d.is_encrypted() => d,
        first => match attempt(true)? {
            Ok(d) => d,
            Err(e) => return Err(load_error(first.err().unwrap_or(e))),
        },
    };
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(ParseError::Encrypted(
            "the PDF needs a user password to open".into(),
        ));
    }
    Limits::check(
        doc.objects.len() as u64,
        limits.max_pdf_objects,
        "the number of PDF objects",
        "--max-pdf-objects",
    )?;
    Ok(doc)
}

fn load_error(e: lopdf::Error) -> ParseError {
    match e {
        lopdf::Error::InvalidPassword
        | lopdf::Error::Decryption(_)
        | lopdf::Error::AlreadyEncrypted => {
            ParseError::Encrypted(format!("the PDF cannot be decrypted: {e}"))
        }
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
            ParseError::Limit {
                what: "the decoded size of a PDF stream",
                value: (limit as u64).saturating_add(1),
                limit: limit as u64,
                flag: "--max-stream-bytes",
            }
        }
        e => ParseError::corrupt(format!("the PDF cannot be read: {e}")),
    }
}

fn read_pages(pdf: &PdfDoc, bytes: &[u8], limits: &Limits) -> Result<Document> {
    let pages = pdf.get_pages();
    if pages.is_empty() {
        return Err(ParseError::corrupt("the PDF has no pages"));
    }
    Limits::check(
        pages.len() as u64,
        limits.max_pdf_pages,
        "the number of PDF pages",
        "--max-pdf-pages",
    )?;
    let mut doc = Document::new(Format::Pdf);
    let mut assembler = table::Assembler::new(limits);
    let mut interp = content::Interp::new(pdf, limits);
    let ocr_mode = limits.ocr;
    let ocr_on = ocr_mode != OcrMode::Never && crate::ocr::available();
    // Pages read (number, width, height, content, whether it is a scan read by OCR), and
    // pages to OCR (their index there, and their image when the page is one image).
    let mut read: Vec<(u32, f32, f32, content::PageContent, bool)> = Vec::new();
    let mut to_ocr: Vec<(usize, Option<crate::ocr::image::Gray>)> = Vec::new();
    let mut scanned_pages = 0usize;
    for (&n, &id) in &pages {
        limits.check_time()?;
        let Ok(page) = pdf.get_dictionary(id) else {
            doc.warnings.push(format!("page {n} is missing"));
            continue;
        };
        let (ctm, width, height) = page_matrix(pdf, page);
        let mut data = Vec::new();
        for cid in pdf.get_page_contents(id) {
            let Ok(Object::Stream(s)) = pdf.get_object(cid) else {
                continue;
            };
            match s.get_plain_content_with_limit(limits.max_stream_bytes as usize) {
                Ok(d) => {
                    data.extend_from_slice(&d);
                    data.push(b'\n');
                }
                Err(e) if content::is_limit(&e) => {
                    return Err(ParseError::Limit {
                        what: "the decoded size of a PDF stream",
                        value: limits.max_stream_bytes.saturating_add(1),
                        limit: limits.max_stream_bytes,
                        flag: "--max-stream-bytes",
                    })
                }
                Err(e) => doc.warnings.push(format!(
                    "a content stream of page {n} could not be decoded: {e}"
                )),
            }
            Limits::check(
                data.len() as u64,
                limits.max_stream_bytes,
                "the decoded size of a PDF stream",
                "--max-stream-bytes",
            )?;
        }
        let resources = inherited(pdf, page, b"Resources").and_then(as_dict);
        let pc = interp.run_page(&data, ctm, resources)?;
        for w in &pc.warnings {
            doc.warnings.push(format!("page {n}: {w}"));
        }
        let no_text = pc.glyphs.iter().all(|g| g.is_space());
        scanned_pages += no_text as usize;
        if ocr_on && (no_text || ocr_mode == OcrMode::Always) {
            // The page's own image when the page is a scan of one image; else rasterised.
            let img = ((ctm[0] - 1.0).abs() < 1e-3 && (ctm[3] + 1.0).abs() < 1e-3)
                .then(|| {
                    crate::ocr::image::page_image(pdf, resources, limits.max_stream_bytes as usize)
                })
                .flatten()
                .filter(|g| {
                    // The image's shape is the page's (it covers it, not a logo on it).
                    let (a, b) = (g.w as f32 / g.h as f32, width / height);
                    (a / b - 1.0).abs() < 0.03
                });
            to_ocr.push((read.len(), img));
        } else if no_text {
            doc.warnings.push(format!(
                "no text layer on page {n} (a scanned page: its text needs OCR)"
            ));
        }
        read.push((n, width, height, pc, false));
    }
    if !to_ocr.is_empty() {
        ocr_pages(&mut read, to_ocr, bytes, limits, &mut doc)?;
    } else if ocr_mode != OcrMode::Never && !ocr_on && scanned_pages > 0 {
        doc.warnings.push(format!(
            "OCR is not available: install Tesseract with its Vietnamese model ({})",
            crate::ocr::INSTALL_HINT
        ));
    }
    for (n, width, height, pc, scanned) in &read {
        limits.check_time()?;
        assembler.set_scanned(*scanned, *width);
        assembler.page(*n, *width, *height, pc)?;
    }
    doc.blocks = assembler.finish();
    if doc.ocr.is_some() {
        crate::ocr::correct_document(&mut doc);
        low_confidence_warnings(&mut doc);
    }
    let stamp_lines = stamp::remove(&mut doc);
    if stamp_lines > 0 {
        doc.warnings.push(format!(
            "{stamp_lines} line(s) of a digital-signature stamp (Người ký, Thời gian ký …) left out of the text"
        ));
    }
    // No text at all (a scan, or a scan whose only text is its signature stamp) is its own
    // outcome: never a document that reads as empty.
    if !has_text(&doc) {
        return Err(ParseError::NeedsOcr { pages: pages.len() });
    }
    Ok(doc)
}

/// OCRs the pages listed (in parallel, a few at a time so that only a few page images are
/// held at once), replacing their content with what was read.
fn ocr_pages(
    read: &mut [(u32, f32, f32, content::PageContent, bool)],
    to_ocr: Vec<(usize, Option<crate::ocr::image::Gray>)>,
    bytes: &[u8],
    limits: &Limits,
    doc: &mut Document,
) -> Result<()> {
    use rayon::prelude::*;
    use std::time::{Duration, Instant};
    let per_page = Duration::from_secs_f64(
        if limits.ocr_page_seconds.is_finite() && limits.ocr_page_seconds > 0.0 {
            limits.ocr_page_seconds.min(86_400.0)
        } else {
            86_400.0
        },
    );
    let batch = rayon::current_num_threads().max(1) * 2;
    let mut info = crate::ocr::OcrInfo {
        engine: crate::ocr::tesseract::version(),
        language: "vie".into(),
        pages: Vec::new(),
    };
    let mut queue = to_ocr.into_iter().peekable();
    while queue.peek().is_some() {
        limits.check_time()?;
        let chunk: Vec<_> = queue.by_ref().take(batch).collect();
        let jobs: Vec<_> = chunk
            .into_iter()
            .map(|(k, img)| (k, read[k].0, read[k].1, read[k].2, img))
            .collect();
        let results: Vec<_> = jobs
            .into_par_iter()
            .map(|(k, n, w, h, img)| {
                let now = Instant::now();
                let mut deadline = now + per_page;
                if let Some(d) = limits.deadline {
                    deadline = deadline.min(d);
                }
                let (img, source) = match img {
                    Some(g) => (g, "image"),
                    None => match crate::ocr::image::rasterise(
                        bytes,
                        n,
                        crate::ocr::image::raster_dpi(w, h),
                        per_page,
                    ) {
                        Ok(g) => (g, "rasterised"),
                        Err(e) => return (k, Err(e)),
                    },
                };
                (k, crate::ocr::read_page(img, n, w, h, source, deadline))
            })
            .collect();
        for (k, r) in results {
            let n = read[k].0;
            match r {
                // A page read at under this mean confidence is a drawing, a photo or a
                // blank sheet's speckle, not text: it stays a page without text.
                Ok(p) if p.mean_confidence() < crate::ocr::PAGE_MIN_CONFIDENCE => {
                    doc.warnings.push(format!(
                        "page {n}: OCR found no readable text (mean confidence {:.0})",
                        p.mean_confidence()
                    ));
                }
                Ok(p) => {
                    let p = p.into_page();
                    read[k].3 = p.content;
                    read[k].4 = true;
                    info.pages.push(p.info);
                }
                Err(e) => doc
                    .warnings
                    .push(format!("page {n} could not be OCR'd: {e}")),
            }
        }
    }
    info.pages.sort_by_key(|p| p.page);
    doc.ocr = Some(info);
    Ok(())
}

/// Lists the OCR'd cells of top-level tables whose confidence is below
/// [`crate::ocr::LOW_CONFIDENCE`] (table, row, column, all 1-based, and the confidence).
fn low_confidence_warnings(doc: &mut Document) {
    let mut out = Vec::new();
    for (t, table) in doc.tables().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            for cell in &row.cells {
                if let Some(c) = cell.confidence.filter(|&c| c < crate::ocr::LOW_CONFIDENCE) {
                    out.push(format!(
                        "OCR: low confidence {c:.0} in table {}, row {}, column {}",
                        t + 1,
                        r + 1,
                        cell.col + 1
                    ));
                }
            }
        }
    }
    doc.warnings.extend(out);
}

/// Whether any paragraph, in the body or in a cell, has a visible character.
fn has_text(doc: &Document) -> bool {
    fn cell_text(t: &crate::model::Table) -> bool {
        t.rows.iter().any(|r| {
            r.cells.iter().any(|c| {
                c.paragraphs.iter().any(|p| !p.text.trim().is_empty())
                    || c.tables.iter().any(cell_text)
            })
        })
    }
    doc.blocks.iter().any(|b| match b {
        crate::model::Block::Paragraph(p) => !p.text.trim().is_empty(),
        crate::model::Block::Table(t) => cell_text(t),
    })
}

/// The matrix from user space to page space (top-left origin, y down, /Rotate applied), and
/// the page's width and height as displayed.
fn page_matrix(pdf: &PdfDoc, page: &lopdf::Dictionary) -> ([f32; 6], f32, f32) {
    let mut b = inherited(pdf, page, b"CropBox")
        .map(|o| nums(pdf, o))
        .unwrap_or_default();
    if b.len() != 4 {
        b = inherited(pdf, page, b"MediaBox")
            .map(|o| nums(pdf, o))
            .unwrap_or_default();
    }
    if b.len() != 4 {
        b = vec![0.0, 0.0, 595.0, 842.0];
    }
    let (x0, y0, x1, y1) = (
        b[0].min(b[2]),
        b[1].min(b[3]),
        b[0].max(b[2]),
        b[1].max(b[3]),
    );
    let rot = inherited(pdf, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    match rot {
        90 => ([0.0, 1.0, 1.0, 0.0, -y0, -x0], y1 - y0, x1 - x0),
        180 => ([-1.0, 0.0, 0.0, 1.0, x1, -y0], x1 - x0, y1 - y0),
        270 => ([0.0, -1.0, -1.0, 0.0, y1, x1], y1 - y0, x1 - x0),
        _ => ([1.0, 0.0, 0.0, -1.0, -x0, y1], x1 - x0, y1 - y0),
    }
}
