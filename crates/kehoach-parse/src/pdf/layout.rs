//! Glyphs → lines → paragraphs.
//!
//! A line is the glyphs whose baselines agree, sorted left to right; a space goes in where the
//! gap between two glyphs is wider than a fraction of the font size (TJ kerning alone never
//! makes a space). A line can be cut into segments where a gap is wide enough to be a column
//! gutter (the header block "UBND TỈNH … | CỘNG HÒA …").

use super::content::Glyph;

use crate::model::{Align, Paragraph};

/// A gap wider than this many font sizes between two glyphs is a space.
const SPACE_GAP: f32 = 0.18;
/// A gap wider than this many font sizes with no space glyph in it splits a free line into
/// column segments (two text runs side by side: the header block).
const GUTTER_GAP: f32 = 1.2;
/// A gap wider than this many font sizes splits a free line even across a space glyph.
const WIDE_GUTTER_GAP: f32 = 3.0;

#[derive(Debug, Clone)]
pub struct Line {
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    pub size: f32,
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Width of the first word (to tell a wrapped line from a new paragraph).
    pub first_word: f32,
    /// Reading direction of the glyphs (see [`Glyph::dir`]); positions above are in its frame.
    pub dir: u8,
    /// Top of the line in page space (reading order of rotated lines among upright ones).
    pub top: f32,
}

impl Line {
    pub fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

/// Groups glyphs into lines, top to bottom: upright text first, then each other reading
/// direction (rotated text is read in its own frame). Each line is returned as its column
/// segments (one segment when `split` is false or no gap is wide enough; rotated text is
/// never split).
pub fn lines(glyphs: &[&Glyph], split: bool) -> Vec<Vec<Line>> {
    if glyphs.iter().all(|g| g.dir == 0) {
        return lines_in_frame(glyphs.to_vec(), split);
    }
    let mut out = Vec::new();
    for dir in 0..4u8 {
        let gs: Vec<&Glyph> = glyphs.iter().copied().filter(|g| g.dir == dir).collect();
        if !gs.is_empty() {
            out.extend(lines_in_frame(gs, split && dir == 0));
        }
    }
    out
}

fn lines_in_frame(mut gs: Vec<&Glyph>, split: bool) -> Vec<Vec<Line>> {
    gs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    let mut cur: Vec<&Glyph> = Vec::new();
    let mut base = f32::NAN;
    // The largest glyph of the row so far (kept as the row grows: linear per row).
    let mut largest = 0f32;
    for g in gs {
        if !cur.is_empty() && (g.y - base).abs() > largest.max(g.size) * 0.4 {
            rows.push(std::mem::take(&mut cur));
        }
        if cur.is_empty() {
            base = g.y;
            largest = 0.0;
        }
        largest = largest.max(g.size);
        cur.push(g);
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    rows.into_iter()
        .filter_map(|mut row| {
            row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let segs = segments(&row, split);
            (!segs.is_empty()).then_some(segs)
        })
        .collect()
}

fn segments(row: &[&Glyph], split: bool) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut last_ink = None::<f32>;
    let mut spaced = false;
    for (i, g) in row.iter().enumerate() {
        if g.is_space() {
            spaced = true;
            continue;
        }
        if let Some(x1) = last_ink {
            let gap = g.x0 - x1;
            let gutter = if spaced { WIDE_GUTTER_GAP } else { GUTTER_GAP };
            if split && gap > g.size * gutter && i > start {
                if let Some(l) = make_line(&row[start..i]) {
                    out.push(l);
                }
                start = i;
            }
        }
        last_ink = Some(last_ink.map_or(g.x1, |x: f32| x.max(g.x1)));
        spaced = false;
    }
    if let Some(l) = make_line(&row[start..]) {
        out.push(l);
    }
    out
}

fn make_line(gs: &[&Glyph]) -> Option<Line> {
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    let (mut x0, mut x1, mut size) = (f32::MAX, f32::MIN, 0f32);
    let (mut bold, mut italic, mut ink) = (0usize, 0usize, 0usize);
    let mut ysum = 0.0;
    let mut first_end: Option<f32> = None;
    let mut in_first = true;
    let mut top = f32::MAX;
    for g in gs {
        if let Some(p) = prev {
            // The same glyph drawn twice (fake bold, shadows) is kept once.
            if g.text == p.text && (g.x0 - p.x0).abs() < g.size * 0.05 && (g.y - p.y).abs() < 0.5 {
                continue;
            }
            let gap = g.x0 - p.x1;
            if gap > g.size.max(p.size) * SPACE_GAP
                && !g.is_space()
                && !p.is_space()
                && !number_goes_on(&text, &g.text, gap / g.size.max(p.size))
            {
                text.push(' ');
                in_first &= ink == 0;
            }
        }
        if g.is_space() {
            in_first &= ink == 0;
        } else if in_first {
            first_end = Some(first_end.map_or(g.x1, |e: f32| e.max(g.x1)));
        }
        text.push_str(&g.text);
        prev = Some(g);
        if !g.is_space() {
            top = top.min(g.py - g.size * 0.5);
            x0 = x0.min(g.x0);
            x1 = x1.max(g.x1);
            size = size.max(g.size);
            bold += g.bold as usize;
            italic += g.italic as usize;
            ysum += g.y;
            ink += 1;
        }
    }
    let text = kehoach_text::clean(&text);
    if ink == 0 || text.is_empty() {
        return None;
    }
    // Bold or italic when most glyphs are: a fallback font for a few letters (Chromium
    // substitutes DejaVu for glyphs the main font lacks) does not change the line's weight.
    let most = |n: usize| n * 10 >= ink * 7;
    Some(Line {
        x0,
        x1,
        y: ysum / ink as f32,
        size,
        text,
        bold: most(bold),
        italic: most(italic),
        first_word: first_end.map_or(0.0, |e| e - x0),
        dir: gs.first().map_or(0, |g| g.dir),
        top,
    })
}

/// A gap (in font sizes, under [`NUMBER_GAP`]) inside a section number drawn in several
/// runs ("2" then ".1.1", "2." then "1.1"): no space goes in. A space before
/// a period after a digit is never written, and a line that so far holds only digits and
/// periods is a number still being written when a digit follows.
fn number_goes_on(before: &str, next: &str, gap: f32) -> bool {
    if gap >= NUMBER_GAP {
        return false;
    }
    let last = before.chars().next_back();
    let first = next.chars().next();
    let numbering = !before.is_empty()
        && before.chars().all(|c| c.is_ascii_digit() || c == '.')
        && before.chars().any(|c| c.is_ascii_digit());
    match (last, first) {
        (Some(l), Some('.')) => l.is_ascii_digit() && numbering,
        (Some('.'), Some(f)) => f.is_ascii_digit() && numbering,
        _ => false,
    }
}

/// Runs of one section number are at most this many font sizes apart.
const NUMBER_GAP: f32 = 0.6;

/// Starts a new paragraph: a list dash, plus or bullet.
pub fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("- ")
        || t.starts_with("+ ")
        || t.starts_with("– ")
        || t.starts_with("* ")
        || t.starts_with([
            '•', '·', '▪', '◦', '\u{F0B7}', '●', '○', '■', '➢', '✓', '-', '+', '–',
        ]) && t.chars().nth(1).is_some_and(char::is_whitespace)
}

/// The paragraphs of a table cell (from `left` to `right`): a line starting with a dash or
/// bullet starts a paragraph, and so does a line whose first word would have fitted on the
/// line above (that line was not wrapped: it ended a paragraph); any other line continues
/// the one above.
pub fn cell_paragraphs(lines: &[Line], page: u32, left: f32, right: f32) -> Vec<Paragraph> {
    // Cell padding: the least indent of any line, assumed the same on the right.
    let pad = lines
        .iter()
        .map(|l| l.x0 - left)
        .fold(f32::MAX, f32::min)
        .clamp(0.5, 10.0);
    let room = right - left - 2.0 * pad;
    // The first word plus a space fits with a little room to spare (0.3 em, for rounding and
    // a guessed space width).
    let fits_above =
        |a: &Line, b: &Line| (a.x1 - a.x0) + a.size * 0.25 + b.first_word < room - a.size * 0.3;
    let mut out: Vec<Paragraph> = Vec::new();
    let mut parts: Vec<&Line> = Vec::new();
    let flush = |parts: &mut Vec<&Line>, out: &mut Vec<Paragraph>| {
        if parts.is_empty() {
            return;
        }
        out.push(paragraph_of(parts, page, Align::Start));
        parts.clear();
    };
    for l in lines {
        let fits = parts
            .last()
            .is_some_and(|a| a.dir == 0 && l.dir == 0 && fits_above(a, l));
        if starts_item(&l.text) || fits {
            flush(&mut parts, &mut out);
        }
        parts.push(l);
    }
    flush(&mut parts, &mut out);
    out
}

/// Joins a wrapped line to the text before it: with a space, or with nothing after a
/// hyphen that closes a word ("QĐ-" + "UBND").
pub fn join_wrapped(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + 1);
    s.push_str(a.trim_end());
    let hyphen = s.ends_with('-') && s.chars().rev().nth(1).is_some_and(|c| !c.is_whitespace());
    if !hyphen && !s.is_empty() {
        s.push(' ');
    }
    s.push_str(b.trim_start());
    kehoach_text::clean(&s)
}

pub fn paragraph_of(parts: &[&Line], page: u32, align: Align) -> Paragraph {
    // Line texts are clean already: join them as `join_wrapped` does and clean once.
    let mut text = String::new();
    for l in parts {
        let hyphen = text.ends_with('-')
            && text
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| !c.is_whitespace());
        if !hyphen && !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&l.text);
    }
    let text = if parts.len() > 1 {
        kehoach_text::clean(&text)
    } else {
        text
    };
    Paragraph {
        text,
        list_label: None,
        bold: parts.iter().all(|l| l.bold),
        italic: parts.iter().all(|l| l.italic),
        align,
        page: Some(page),
        source: None,
    }
}
