//! OCR of scanned pages: pages without a text layer read by Tesseract's Vietnamese model.
//!
//! ```text
//! image.rs     the page's own image (DCT, Flate) at native resolution, else pdftoppm
//! deskew.rs    skew by projection profiles within ±3°, page turned back
//! rules.rs     Otsu binarisation, ruling lines as page segments, their ink erased
//! tesseract.rs the `tesseract` program: TSV words with boxes and confidences, time limit
//! cells.rs     table cells the page reading missed, read again on one strip
//! cleanup.rs   NFC, tone placement, digits, domain dictionary
//! ```
//!
//! A page read so becomes the same [`PageContent`] a text page gives (a glyph per word, in
//! page coordinates, and ruling segments), so the PDF reader's tables (grids, cross-page
//! stitching, repeated headers, cut rows, spans) work for scans as for text PDFs. Each glyph
//! keeps its word's confidence; a cell's confidence is the mean of its words'.

pub mod cells;
pub mod cleanup;
pub mod deskew;
pub mod image;
pub mod rules;
pub mod tesseract;

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::pdf::content::{Glyph, PageContent};
use image::Gray;
use tesseract::Word;

pub use tesseract::{available, INSTALL_HINT};

/// When to OCR a PDF's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OcrMode {
    /// Never: a PDF without a text layer is the `needs_ocr` outcome (the library's default,
    /// so callers that do not ask get what they always got).
    #[default]
    Never,
    /// Pages without a text layer, when `tesseract` with `vie` is installed; without it,
    /// the `needs_ocr` outcome as with `Never` (the CLI's default).
    Auto,
    /// Every page, a text layer or not (a text layer whose fonts map to garbage); without
    /// `tesseract`, the `needs_ocr` outcome.
    Always,
}

/// Pages whose words' mean confidence is below this are not taken as text.
pub const PAGE_MIN_CONFIDENCE: f32 = 40.0;

/// Cells whose words' mean confidence is below this are listed in the warnings.
pub const LOW_CONFIDENCE: f32 = 60.0;

/// The `ocr` block of a document and its record: present only when a page was OCR'd.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct OcrInfo {
    /// The engine's version line ("tesseract 5.3.0").
    pub engine: String,
    /// The engine's language model ("vie").
    pub language: String,
    /// The pages read by OCR, in order.
    pub pages: Vec<OcrPage>,
}

/// One OCR'd page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct OcrPage {
    /// Page number, 1-based.
    pub page: u32,
    /// "image": the page's own image at its resolution; "rasterised": drawn by pdftoppm.
    pub source: String,
    /// Resolution of the image read, dots per inch.
    pub dpi: u32,
    /// Skew found and corrected, degrees (positive: lines descended to the right).
    pub deskew_degrees: f32,
    /// Words recognised.
    pub words: usize,
    /// Mean word confidence, 0–100.
    pub mean_confidence: f32,
    /// The engine's text as it gave it, a line per line, before cleanup.
    pub raw_text: String,
    /// Text the cleanup changed (beyond Unicode normalisation): lines changed word by word
    /// (tone placement, digits, quarters), then paragraphs changed by the dictionary; what
    /// the engine read and what the document says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// A line as the engine read it and as corrected.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Correction {
    pub raw: String,
    pub corrected: String,
}

/// A page read by OCR: its content for the layout and its `ocr` entry.
pub struct PageOcr {
    pub content: PageContent,
    pub info: OcrPage,
}

/// What the engine read on a page, before it becomes glyphs (which are not `Send`: pages are
/// read in parallel, glyphs made on the reading thread).
pub struct Scanned {
    words: Vec<Word>,
    segs: Vec<crate::pdf::content::Seg>,
    sx: f32,
    sy: f32,
    info: OcrPage,
}

impl Scanned {
    /// Mean confidence of the page's words (0 when there are none).
    pub fn mean_confidence(&self) -> f32 {
        self.info.mean_confidence
    }

    /// The page content and its `ocr` entry (words cleaned up).
    pub fn into_page(self) -> PageOcr {
        let (glyphs, raw_text, corrections) = glyphs_of(&self.words, self.sx, self.sy);
        PageOcr {
            content: PageContent {
                glyphs,
                segs: self.segs,
                // Rules found in the image are whole segments already: no shaded cells or
                // dotted runs to merge.
                fills: Vec::new(),
                dots: Vec::new(),
                warnings: Vec::new(),
            },
            info: OcrPage {
                raw_text,
                corrections,
                ..self.info
            },
        }
    }
}

/// OCRs one page image of a `width` × `height` point page; `source` names where the image
/// came from. Errors are messages for the document's warnings.
pub fn read_page(
    img: Gray,
    page: u32,
    width: f32,
    height: f32,
    source: &str,
    deadline: Instant,
) -> Result<Scanned, String> {
    if img.w < 16 || img.h < 16 || !(width > 1.0 && height > 1.0) {
        return Err("the page image is too small to read".into());
    }
    let (sx, sy) = (width / img.w as f32, height / img.h as f32);
    let dpi = 72.0 / sx;
    let ink = rules::binarise(&img);
    let angle = deskew::angle(&ink, img.w, img.h);
    let (mut img, ink) = if angle.abs() >= 0.05 {
        let r = deskew::rotate(&img, angle);
        let ink = rules::binarise(&r);
        (r, ink)
    } else {
        (img, ink)
    };
    let (hz, vt) = rules::find(&ink, img.w, img.h, dpi);
    drop(ink);
    rules::erase(&mut img, &hz, &vt);
    let segs = rules::segments(&hz, &vt, sx, sy);
    let mut words = tesseract::recognise(&img, dpi.round() as u32, deadline)?;
    cells::reread(&img, &mut words, &segs, (sx, sy), dpi, deadline)?;
    let mean = if words.is_empty() {
        0.0
    } else {
        words.iter().map(|w| w.conf).sum::<f32>() / words.len() as f32
    };
    Ok(Scanned {
        info: OcrPage {
            page,
            source: source.into(),
            dpi: dpi.round() as u32,
            deskew_degrees: (angle * 100.0).round() / 100.0,
            words: words.len(),
            mean_confidence: (mean * 10.0).round() / 10.0,
            raw_text: String::new(),
            corrections: Vec::new(),
        },
        words,
        segs,
        sx,
        sy,
    })
}

/// Words → glyphs in page space (one glyph per word, a space glyph between words of a line
/// closer than a font size), the raw text, and the corrected lines.
pub fn glyphs_of(words: &[Word], sx: f32, sy: f32) -> (Vec<Glyph>, String, Vec<Correction>) {
    let mut glyphs = Vec::with_capacity(words.len() * 2);
    let mut raw_text = String::new();
    let mut corrections = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i + 1;
        while j < words.len() && words[j].line == words[i].line {
            j += 1;
        }
        let mut line: Vec<&Word> = words[i..j].iter().collect();
        line.sort_by(|a, b| a.left.total_cmp(&b.left));
        i = j;
        drop_noise(&mut line);
        if line.is_empty() {
            continue;
        }
        let raw: Vec<String> = line.iter().map(|w| kehoach_text::clean(&w.text)).collect();
        let fixed: Vec<String> = raw.iter().map(|w| cleanup::clean_word(w)).collect();
        let (raw_line, fixed_line) = (raw.join(" "), fixed.join(" "));
        if raw_line != fixed_line {
            corrections.push(Correction {
                raw: raw_line.clone(),
                corrected: fixed_line,
            });
        }
        if !raw_text.is_empty() {
            raw_text.push('\n');
        }
        raw_text.push_str(&raw_line);
        // The line's baseline: the median bottom of its words; its size: 0.7 of its
        // height from the highest mark to the lowest descender.
        let mut bottoms: Vec<f32> = line.iter().map(|w| w.top + w.height).collect();
        bottoms.sort_by(f32::total_cmp);
        let base = bottoms[bottoms.len() / 2] * sy;
        let top = line.iter().map(|w| w.top).fold(f32::MAX, f32::min) * sy;
        let bottom = bottoms[bottoms.len() - 1] * sy;
        let size = ((bottom - top) * 0.7).max(2.0);
        let mut prev_x1: Option<f32> = None;
        for (w, text) in line.iter().zip(fixed) {
            if text.is_empty() {
                continue;
            }
            let (x0, x1) = (w.left * sx, (w.left + w.width) * sx);
            if let Some(p) = prev_x1 {
                if x0 - p < size && x0 > p {
                    glyphs.push(glyph(p, x0, base, size, " ".into(), w.conf, true));
                }
            }
            glyphs.push(glyph(x0, x1, base, size, text, w.conf, false));
            prev_x1 = Some(x1);
        }
    }
    (glyphs, raw_text, corrections)
}

/// Leaves out of a line what the engine read from things that are not text: words of
/// confidence below 10 (dots, rule remains, a stamp's edge read as letters), words below 40
/// whose height is under half or over one and a half times the line's median (an underline,
/// a logo or a stamp beside the text), and words that are only underscores or bars. Words of
/// a cell's second reading ([`cells::reread`]) are kept whatever their confidence: the cell
/// has ink, and its one short word ("II") is what the engine is least sure of.
fn drop_noise(line: &mut Vec<&Word>) {
    let reread = line.first().is_some_and(|w| w.line.0 >= cells::LINE_BASE);
    let mut hs: Vec<f32> = line.iter().map(|w| w.height).collect();
    hs.sort_by(f32::total_cmp);
    let med = hs.get(hs.len() / 2).copied().unwrap_or(0.0);
    line.retain(|w| {
        let odd = w.height < med * 0.5 || w.height > med * 1.5;
        let marks = w
            .text
            .chars()
            .all(|c| matches!(c, '_' | '|' | '-' | '~' | '—') || c.is_whitespace());
        let noise = !reread && (w.conf < 10.0 || (w.conf < 40.0 && odd));
        !(noise || (marks && w.text.chars().any(|c| c == '_' || c == '|')))
    });
}

fn glyph(x0: f32, x1: f32, y: f32, size: f32, text: String, conf: f32, space: bool) -> Glyph {
    Glyph {
        x0,
        x1,
        y,
        dir: 0,
        px: (x0 + x1) / 2.0,
        py: y - size * 0.3,
        size,
        text: text.into(),
        bold: false,
        italic: false,
        space,
        conf,
    }
}

/// The dictionary step of the cleanup over the paragraphs of OCR'd pages (body and cells,
/// nested tables too), once the layout has joined a cell's wrapped lines; each change is
/// added to its page's corrections.
pub fn correct_document(doc: &mut crate::model::Document) {
    use crate::model::{Block, Paragraph, Table};
    let Some(info) = doc.ocr.as_mut() else {
        return;
    };
    fn para(p: &mut Paragraph, info: &mut OcrInfo) {
        let Some(page) = info.pages.iter_mut().find(|x| Some(x.page) == p.page) else {
            return;
        };
        if let Some(fixed) = cleanup::correct_text(&p.text) {
            page.corrections.push(Correction {
                raw: std::mem::replace(&mut p.text, fixed.clone()),
                corrected: fixed,
            });
        }
    }
    fn table(t: &mut Table, info: &mut OcrInfo) {
        for r in &mut t.rows {
            for c in &mut r.cells {
                c.paragraphs.iter_mut().for_each(|p| para(p, info));
                c.tables.iter_mut().for_each(|t| table(t, info));
            }
        }
    }
    for b in &mut doc.blocks {
        match b {
            Block::Paragraph(p) => para(p, info),
            Block::Table(t) => table(t, info),
        }
    }
}

/// The mean confidence of OCR'd glyphs (`None` when none was OCR'd).
pub fn mean_confidence<'a>(glyphs: impl IntoIterator<Item = &'a Glyph>) -> Option<f32> {
    let (mut sum, mut n) = (0.0f32, 0usize);
    for g in glyphs {
        if g.conf >= 0.0 && !g.space {
            sum += g.conf;
            n += 1;
        }
    }
    (n > 0).then(|| (sum / n as f32 * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(left: f32, line: u32, text: &str, conf: f32) -> Word {
        Word {
            left,
            top: 100.0 + line as f32 * 40.0,
            width: 50.0,
            height: 24.0,
            conf,
            line: (1, 1, line),
            text: text.into(),
        }
    }

    #[test]
    fn words_become_glyphs_with_spaces_and_corrections() {
        let ws = [
            word(100.0, 1, "Uy", 80.0),
            word(160.0, 1, "ban", 90.0),
            word(220.0, 1, "nhăn", 40.0),
            word(280.0, 1, "dân", 90.0),
            word(100.0, 2, "2O26", 70.0),
        ];
        let (g, raw, corr) = glyphs_of(&ws, 0.5, 0.5);
        assert_eq!(raw, "Uy ban nhăn dân\n2O26");
        // Word steps here; the dictionary runs on paragraphs (correct_document).
        assert_eq!(corr.len(), 1);
        assert_eq!(corr[0].corrected, "2026");
        let text: Vec<&str> = g.iter().filter(|g| !g.space).map(|g| &*g.text).collect();
        assert_eq!(text, ["Uy", "ban", "nhăn", "dân", "2026"]);
        assert_eq!(g.iter().filter(|g| g.space).count(), 3);
        assert_eq!(g[0].x0, 50.0);
        assert_eq!(mean_confidence(&g), Some(74.0));
    }

    #[test]
    fn noise_words_are_left_out() {
        let mut tall = word(160.0, 1, "B2", 20.0);
        tall.height = 48.0;
        let mut flat = word(220.0, 1, "TH", 30.0);
        flat.height = 6.0;
        let ws = [
            word(100.0, 1, "SỞ", 96.0),
            tall,
            flat,
            word(280.0, 1, "Vu:", 2.0),
            word(340.0, 1, "_", 90.0),
            word(400.0, 1, "NỘI", 95.0),
            word(460.0, 1, "VỤ", 95.0),
        ];
        let (g, raw, _) = glyphs_of(&ws, 1.0, 1.0);
        assert_eq!(raw, "SỞ NỘI VỤ");
        assert_eq!(g.iter().filter(|g| !g.space).count(), 3);
    }
}
