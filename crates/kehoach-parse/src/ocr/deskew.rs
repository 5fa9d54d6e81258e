//! Deskew: the page's angle found by projection profiles, and the page turned back.
//!
//! A scanned sheet lies a little askew on the glass (up to a degree or two). Text lines and
//! table rules are horizontal on the sheet, so the angle at which the ink, projected onto the
//! vertical axis, gives the sharpest profile (rows of ink and rows of paper, the most
//! contrast between neighbouring bins) is the skew. The search tries every 0.1° within ±3°
//! on a sample of the ink, then every 0.02° around the best; turning the page back by it
//! makes rules straight for `rules.rs` and lines level for the OCR engine.

use super::image::Gray;

/// The largest skew searched for, in degrees (a sheet fed by hand or by a feeder; a page
/// turned further is a page scanned sideways, which /Rotate or the reader corrects).
pub const MAX_DEGREES: f32 = 3.0;

/// The most ink points the search projects (a sample spread over the page).
const SAMPLE: usize = 60_000;

/// The skew of the page in degrees (positive: lines descend to the right), from its binary
/// image (`true` is ink). 0 when there is too little ink to tell.
pub fn angle(ink: &[bool], w: usize, h: usize) -> f32 {
    let total = ink.iter().filter(|&&b| b).count();
    if total < 200 || w == 0 || h == 0 {
        return 0.0;
    }
    let step = (total / SAMPLE).max(1);
    let pts: Vec<(f32, f32)> = ink
        .iter()
        .enumerate()
        .filter(|(_, &b)| b)
        .step_by(step)
        .map(|(i, _)| ((i % w) as f32 - w as f32 / 2.0, (i / w) as f32))
        .collect();
    let score = |deg: f32| -> f64 {
        let t = deg.to_radians().tan();
        let pad = (w as f32 * t.abs()) as usize + 2;
        let mut bins = vec![0u32; h + 2 * pad];
        for &(x, y) in &pts {
            let b = (y - x * t) as isize + pad as isize;
            if let Some(c) = usize::try_from(b).ok().and_then(|b| bins.get_mut(b)) {
                *c += 1;
            }
        }
        bins.windows(2)
            .map(|p| {
                let d = p[1] as f64 - p[0] as f64;
                d * d
            })
            .sum()
    };
    let best = |from: f32, to: f32, by: f32| {
        let n = ((to - from) / by).round() as i32;
        (0..=n)
            .map(|k| from + k as f32 * by)
            .map(|a| (a, score(a)))
            .fold(
                (0.0f32, f64::MIN),
                |acc, x| if x.1 > acc.1 { x } else { acc },
            )
            .0
    };
    let coarse = best(-MAX_DEGREES, MAX_DEGREES, 0.1);
    best(coarse - 0.1, coarse + 0.1, 0.02)
}

/// The image turned by `-deg` about its centre (bilinear; outside the sheet is white).
pub fn rotate(img: &Gray, deg: f32) -> Gray {
    let (w, h) = (img.w, img.h);
    let mut out = Gray::new(w, h, 255);
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    for y in 0..h {
        let dy = y as f32 - cy;
        for x in 0..w {
            let dx = x as f32 - cx;
            let sx = cx + dx * c - dy * s;
            let sy = cy + dx * s + dy * c;
            if sx < 0.0 || sy < 0.0 {
                continue;
            }
            let (x0, y0) = (sx as usize, sy as usize);
            if x0 + 1 >= w || y0 + 1 >= h {
                continue;
            }
            let (fx, fy) = (sx - x0 as f32, sy - y0 as f32);
            let p = |x: usize, y: usize| img.get(x, y) as f32;
            let top = p(x0, y0) * (1.0 - fx) + p(x0 + 1, y0) * fx;
            let bot = p(x0, y0 + 1) * (1.0 - fx) + p(x0 + 1, y0 + 1) * fx;
            out.px[y * w + x] = (top * (1.0 - fy) + bot * fy).round() as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of "text lines": dashes along lines descending at `deg`.
    fn page(deg: f32) -> (Vec<bool>, usize, usize) {
        let (w, h) = (600, 800);
        let mut ink = vec![false; w * h];
        let t = deg.to_radians().tan();
        for line in 0..30 {
            let y0 = 60.0 + line as f32 * 22.0;
            for x in 40..560 {
                if x % 9 < 6 {
                    let y = y0 + (x as f32 - 300.0) * t;
                    for dy in 0..4 {
                        let yy = y as usize + dy;
                        if yy < h {
                            ink[yy * w + x] = true;
                        }
                    }
                }
            }
        }
        (ink, w, h)
    }

    #[test]
    fn finds_the_skew_of_lines() {
        for want in [-2.5f32, -1.0, 0.0, 0.7, 1.6] {
            let (ink, w, h) = page(want);
            let got = angle(&ink, w, h);
            assert!((got - want).abs() < 0.1, "want {want}, got {got}");
        }
    }

    #[test]
    fn blank_page_has_no_skew_and_rotation_keeps_size() {
        assert_eq!(angle(&[false; 100], 10, 10), 0.0);
        let g = Gray::new(20, 10, 255);
        let r = rotate(&g, 1.0);
        assert_eq!((r.w, r.h), (20, 10));
    }
}
