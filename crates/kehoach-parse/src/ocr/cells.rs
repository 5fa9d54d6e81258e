//! A second reading of table cells the page reading missed.
//!
//! Read as a page, a table's short cells are where the engine fails: a lone "1" or "2" in the
//! STT column between two erased rules is dropped as noise, or read as "|" with a low
//! confidence. So, once the rules are known, every cell of every grid that has ink but no word
//! (or only words of confidence below [`REREAD_BELOW`]) is cut out, the cuts are stacked on
//! one white strip with wide gaps, and the strip is read once more as a block of text (one
//! engine run per page, not one per cell); each word read goes back to its cell.

use std::time::Instant;

use super::image::Gray;
use super::tesseract::{self, Word};
use crate::pdf::content::Seg;
use crate::pdf::ruling;

/// Cells whose words' mean confidence is below this are read again.
pub const REREAD_BELOW: f32 = 50.0;

/// Block numbers of the words of a second reading start here (the page's are below).
pub const LINE_BASE: u32 = 100_000;

/// The most cells read again on one page.
const MAX_CELLS: usize = 300;

/// Reads again the cells of the grids of `segs` (page coordinates; `sx`, `sy` points a
/// pixel) that the page reading left empty or unsure, and puts their words in `words`.
pub fn reread(
    img: &Gray,
    words: &mut Vec<Word>,
    segs: &[Seg],
    (sx, sy): (f32, f32),
    dpi: f32,
    deadline: Instant,
) -> Result<usize, String> {
    let (h, v) = ruling::merge(segs);
    let ink_below = super::rules::otsu(img);
    // Cells as pixel rectangles (x0, y0, x1, y1), a little inside their rules.
    let pad = (dpi / 50.0).ceil() as usize + 1;
    let mut rects: Vec<(usize, usize, usize, usize)> = Vec::new();
    for g in ruling::grids(&h, &v) {
        for (r, c, rs, cs) in g.cells() {
            let x0 = (g.xs[c] / sx) as usize + pad;
            let x1 = ((g.xs[c + cs] / sx) as usize)
                .min(img.w)
                .saturating_sub(pad);
            let y0 = (g.ys[r] / sy) as usize + pad;
            let y1 = ((g.ys[r + rs] / sy) as usize)
                .min(img.h)
                .saturating_sub(pad);
            if x1 > x0 + 4 && y1 > y0 + 4 {
                rects.push((x0, y0, x1, y1));
            }
        }
    }
    let inside = |w: &Word, r: &(usize, usize, usize, usize)| {
        let (cx, cy) = (w.left + w.width / 2.0, w.top + w.height / 2.0);
        cx >= r.0 as f32 && cx < r.2 as f32 && cy >= r.1 as f32 && cy < r.3 as f32
    };
    let margin = (dpi / 6.0) as usize;
    let gap = (dpi / 4.0) as usize;
    let mut strip_px = 0usize;
    let mut todo: Vec<(usize, usize, usize, usize)> = Vec::new();
    for r in &rects {
        let (mut n, mut sum) = (0usize, 0f32);
        for w in words.iter().filter(|w| inside(w, r)) {
            n += 1;
            sum += w.conf;
        }
        if n > 0 && sum / n as f32 >= REREAD_BELOW {
            continue;
        }
        let ink = (r.1..r.3)
            .map(|y| {
                img.px[y * img.w + r.0..y * img.w + r.2]
                    .iter()
                    .filter(|&&p| p < ink_below)
                    .count()
            })
            .sum::<usize>();
        if ink >= 12 {
            // The strip holds at most a page's worth of pixels twice over.
            strip_px += (r.2 - r.0 + margin * 2) * (r.3 - r.1 + gap);
            if strip_px > 2 * img.w * img.h {
                break;
            }
            todo.push(*r);
        }
        if todo.len() >= MAX_CELLS {
            break;
        }
    }
    if todo.is_empty() {
        return Ok(0);
    }
    // The strip: each cut at x = margin, one below the other with a gap between.
    let width = todo.iter().map(|r| r.2 - r.0).max().unwrap_or(0) + 2 * margin;
    let height: usize = todo.iter().map(|r| r.3 - r.1 + gap).sum::<usize>() + 2 * margin;
    let mut strip = Gray::new(width, height, 255);
    let mut at = Vec::with_capacity(todo.len());
    let mut y = margin;
    for r in &todo {
        for dy in 0..r.3 - r.1 {
            let src = (r.1 + dy) * img.w + r.0;
            let dst = (y + dy) * width + margin;
            strip.px[dst..dst + (r.2 - r.0)].copy_from_slice(&img.px[src..src + (r.2 - r.0)]);
        }
        at.push(y);
        y += r.3 - r.1 + gap;
    }
    let found = tesseract::recognise_block(&strip, dpi.round() as u32, deadline)?;
    // Words of a re-read cell replace what the page reading had there.
    words.retain(|w| !todo.iter().any(|r| inside(w, r)));
    let mut added = 0;
    for mut w in found {
        let cy = w.top + w.height / 2.0;
        let Some(k) = at
            .iter()
            .zip(&todo)
            .position(|(&y, r)| cy >= y as f32 && cy < (y + r.3 - r.1) as f32)
        else {
            continue;
        };
        let r = todo[k];
        w.left += r.0 as f32 - margin as f32;
        w.top += r.1 as f32 - at[k] as f32;
        w.line = (LINE_BASE + k as u32, w.line.1, w.line.2);
        words.push(w);
        added += 1;
    }
    Ok(added)
}
