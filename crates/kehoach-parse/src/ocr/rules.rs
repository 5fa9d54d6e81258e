//! Binarising the page and finding its ruling lines.
//!
//! Ink is what is darker than Otsu's threshold (the grey level that best splits the page's
//! histogram into paper and ink). A ruling line is a long, thin run of ink: in each pixel row
//! (column, for vertical lines) runs of ink are followed across gaps of a few pixels (a line
//! broken by the scanner or by toner), and a run long enough (a third of an inch), dense
//! enough and with paper above and below (not a stroke of bold text) is a piece of a rule.
//! Pieces in neighbouring rows and overlapping, or in line with a gap as wide as a stamp's
//! ring crossing the line, are one rule, so a rule left slightly slanted after deskew, broken,
//! or under a stamp is still one rule. The rules are given in page coordinates as the same
//! segments a text PDF's painted lines give (`pdf::ruling` makes grids of both), and their
//! ink is whitened in the image given to OCR (the engine reads table lines as letters).

use super::image::Gray;
use crate::pdf::content::Seg;

/// The grey level splitting ink from paper (Otsu's method); ink is `< threshold`.
pub fn otsu(img: &Gray) -> u8 {
    let mut hist = [0u64; 256];
    for &p in &img.px {
        hist[p as usize] += 1;
    }
    let total: u64 = hist.iter().sum();
    if total == 0 {
        return 128;
    }
    let sum_all: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &n)| i as f64 * n as f64)
        .sum();
    let (mut w0, mut sum0, mut best, mut best_t) = (0u64, 0f64, -1f64, 128u8);
    for (t, &n) in hist.iter().enumerate() {
        w0 += n;
        if w0 == 0 {
            continue;
        }
        let w1 = total - w0;
        if w1 == 0 {
            break;
        }
        sum0 += t as f64 * n as f64;
        let m0 = sum0 / w0 as f64;
        let m1 = (sum_all - sum0) / w1 as f64;
        let between = w0 as f64 * w1 as f64 * (m0 - m1) * (m0 - m1);
        if between > best {
            best = between;
            best_t = t as u8;
        }
    }
    best_t.saturating_add(1)
}

/// The binary image: `true` where there is ink.
pub fn binarise(img: &Gray) -> Vec<bool> {
    let t = otsu(img);
    img.px.iter().map(|&p| p < t).collect()
}

/// A rule found in the image, in pixels: `at` across it, `from..to` along it, `thick`ness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PxRule {
    pub at: f32,
    pub from: usize,
    pub to: usize,
    pub thick: usize,
}

/// Rules of the binary image (`w` × `h`) at `dpi`: (horizontal, vertical).
pub fn find(ink: &[bool], w: usize, h: usize, dpi: f32) -> (Vec<PxRule>, Vec<PxRule>) {
    let horiz = rules_along(|x, y| ink[y * w + x], w, h, dpi);
    let vert = rules_along(|y, x| ink[y * w + x], h, w, dpi);
    (horiz, vert)
}

/// Pieces of rules along the first coordinate (`len` long), one scan per line `0..across`.
fn rules_along(
    at: impl Fn(usize, usize) -> bool,
    len: usize,
    across: usize,
    dpi: f32,
) -> Vec<PxRule> {
    let gap = (dpi / 60.0).round().max(2.0) as usize;
    let min_piece = (dpi / 3.0) as usize;
    let bridge = (dpi / 5.0) as usize;
    let max_thick = (dpi / 24.0).max(3.0) as usize;
    // Pieces: (line, from, to), row by row.
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
    for a in 0..across {
        let mut x = 0;
        while x < len {
            if !at(x, a) {
                x += 1;
                continue;
            }
            let start = x;
            let (mut end, mut dark, mut blank) = (x, 0usize, 0usize);
            while x < len && blank <= gap {
                if at(x, a) {
                    dark += 1;
                    blank = 0;
                    end = x;
                } else {
                    blank += 1;
                }
                x += 1;
            }
            let n = end + 1 - start;
            if n >= min_piece && dark * 10 >= n * 9 {
                pieces.push((a, start, end));
            }
        }
        if pieces.len() > 400_000 {
            return Vec::new();
        }
    }
    // Join pieces into rules: same or next lines, overlapping or within a bridge.
    struct Acc {
        last: usize,
        first: usize,
        from: usize,
        to: usize,
        sum: f64,
        n: f64,
    }
    let mut done: Vec<Acc> = Vec::new();
    let mut open: Vec<Acc> = Vec::new();
    for (a, f, t) in pieces {
        let mut k = 0;
        while k < open.len() {
            if open[k].last + 3 < a {
                done.push(open.swap_remove(k));
            } else {
                k += 1;
            }
        }
        let hit = open
            .iter_mut()
            .find(|r| f <= r.to + bridge && t + bridge >= r.from && r.first + max_thick * 4 >= a);
        let weight = (t - f + 1) as f64;
        match hit {
            Some(r) => {
                r.last = a;
                r.from = r.from.min(f);
                r.to = r.to.max(t);
                r.sum += a as f64 * weight;
                r.n += weight;
            }
            None => open.push(Acc {
                last: a,
                first: a,
                from: f,
                to: t,
                sum: a as f64 * weight,
                n: weight,
            }),
        }
    }
    done.extend(open);
    let min_rule = (dpi / 2.5) as usize;
    let mut out: Vec<PxRule> = done
        .into_iter()
        .filter(|r| r.to - r.from + 1 >= min_rule && r.last - r.first < max_thick * 3)
        .map(|r| PxRule {
            at: (r.sum / r.n) as f32,
            from: r.from,
            to: r.to,
            thick: r.last - r.first + 1,
        })
        .collect();
    out.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.cmp(&b.from)));
    out
}

/// Whitens the rules' ink in the image (a pixel's width around each rule).
pub fn erase(img: &mut Gray, horiz: &[PxRule], vert: &[PxRule]) {
    let (w, h) = (img.w, img.h);
    for r in horiz {
        let y0 = (r.at - r.thick as f32 / 2.0 - 1.5).max(0.0) as usize;
        let y1 = ((r.at + r.thick as f32 / 2.0 + 1.5) as usize).min(h.saturating_sub(1));
        for y in y0..=y1 {
            for x in r.from..=r.to.min(w.saturating_sub(1)) {
                img.px[y * w + x] = 255;
            }
        }
    }
    for r in vert {
        let x0 = (r.at - r.thick as f32 / 2.0 - 1.5).max(0.0) as usize;
        let x1 = ((r.at + r.thick as f32 / 2.0 + 1.5) as usize).min(w.saturating_sub(1));
        for y in r.from..=r.to.min(h.saturating_sub(1)) {
            for x in x0..=x1 {
                img.px[y * w + x] = 255;
            }
        }
    }
}

/// The rules as page segments: pixels scaled by `sx`, `sy` points a pixel.
pub fn segments(horiz: &[PxRule], vert: &[PxRule], sx: f32, sy: f32) -> Vec<Seg> {
    let mut out = Vec::with_capacity(horiz.len() + vert.len());
    for r in horiz {
        let y = (r.at + 0.5) * sy;
        out.push(Seg {
            x0: r.from as f32 * sx,
            y0: y,
            x1: (r.to + 1) as f32 * sx,
            y1: y,
        });
    }
    for r in vert {
        let x = (r.at + 0.5) * sx;
        out.push(Seg {
            x0: x,
            y0: r.from as f32 * sy,
            x1: x,
            y1: (r.to + 1) as f32 * sy,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 150 dpi page with a 3 × 3 grid whose lines are 2 px thick, one horizontal line
    /// broken by a 12 px gap (a stamp's ring), and a row of "text" (dense short strokes).
    fn page() -> (Vec<bool>, usize, usize) {
        let (w, h) = (800, 600);
        let mut ink = vec![false; w * h];
        let mut set = |x: usize, y: usize| ink[y * w + x] = true;
        for &y in &[100usize, 200, 300, 400] {
            for x in 100..=700 {
                if y == 200 && (380..392).contains(&x) {
                    continue;
                }
                set(x, y);
                set(x, y + 1);
            }
        }
        for &x in &[100usize, 300, 500, 700] {
            for y in 100..=401 {
                set(x, y);
                set(x + 1, y);
            }
        }
        for x in 110..690 {
            if x % 6 < 3 {
                for y in 500..512 {
                    set(x, y);
                }
            }
        }
        (ink, w, h)
    }

    #[test]
    fn finds_grid_lines_across_breaks_and_not_text() {
        let (ink, w, h) = page();
        let (hz, vt) = find(&ink, w, h, 150.0);
        assert_eq!(hz.len(), 4, "{hz:?}");
        assert_eq!(vt.len(), 4, "{vt:?}");
        assert!(hz.iter().all(|r| r.from <= 100 && r.to >= 700));
        assert!((hz[1].at - 200.5).abs() < 0.6);
        let segs = segments(&hz, &vt, 0.48, 0.48);
        assert_eq!(segs.len(), 8);
        assert!(segs[0].horizontal() && !segs[4].horizontal());
    }

    #[test]
    fn otsu_splits_paper_from_ink() {
        let mut g = Gray::new(10, 10, 240);
        for p in g.px.iter_mut().take(20) {
            *p = 30;
        }
        let t = otsu(&g);
        assert!(t > 30 && t <= 240, "{t}");
        let (mut g2, hz) = (
            g.clone(),
            [PxRule {
                at: 0.5,
                from: 0,
                to: 9,
                thick: 2,
            }],
        );
        erase(&mut g2, &hz, &[]);
        assert!(g2.px[..20].iter().all(|&p| p == 255));
        assert_eq!(binarise(&g).iter().filter(|&&b| b).count(), 20);
    }
}
