//! Terminal tables that fit the terminal: widths measured in terminal columns
//! (`unicode-width`: a Vietnamese combining tone mark, as in NFD text, takes no column; a CJK
//! character takes two), one flexible column (the content) taking what the others leave, and
//! cells wrapped by words onto as many lines as they need; a word is broken only when it is
//! longer than its column. Nothing is cut: every character of every cell is printed.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width used when standard output is not a terminal and no width was asked for.
pub const PIPE_WIDTH: usize = 100;
/// Narrowest table laid out; a smaller `--width` is raised to this.
pub const MIN_WIDTH: usize = 40;
/// Widest table laid out (a wider terminal gets this).
pub const MAX_WIDTH: usize = 1000;

const SEP: &str = " │ ";

/// Content lines wider than this read badly: past it, the other columns grow first.
const COMFORT: usize = 100;

/// The width to lay tables out for: `--width` if given, else the terminal's when standard
/// output is one, else `$COLUMNS` when set to a number, else [`PIPE_WIDTH`].
pub fn output_width(flag: Option<usize>) -> usize {
    let w = flag
        .or_else(|| {
            use std::io::IsTerminal;
            let stdout = io::stdout();
            if stdout.is_terminal() {
                terminal_size::terminal_size_of(&stdout).map(|(w, _)| w.0 as usize)
            } else {
                None
            }
        })
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
        })
        .unwrap_or(PIPE_WIDTH);
    w.clamp(MIN_WIDTH, MAX_WIDTH)
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// A cell's text for a terminal: runs of white space (new lines, tabs) become one space and
/// other control characters (a terminal escape in a hostile file) a replacement sign.
pub fn clean_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            w.chars()
                .map(|c| if c.is_control() { '\u{FFFD}' } else { c }),
        );
    }
    out
}

/// One column: its title, the widths it may take, and whether it is the flexible one.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub title: &'static str,
    /// Never narrower than this (the title's width is the usual floor).
    pub min: usize,
    /// Width it takes when the table is tight.
    pub ideal: usize,
    /// Never wider than this (the content column: unbounded).
    pub max: usize,
    pub flex: bool,
}

impl Column {
    pub const fn fixed(title: &'static str, min: usize, ideal: usize, max: usize) -> Column {
        Column {
            title,
            min,
            ideal,
            max,
            flex: false,
        }
    }
    pub const fn flex(title: &'static str, min: usize) -> Column {
        Column {
            title,
            min,
            ideal: min,
            max: usize::MAX,
            flex: true,
        }
    }
}

/// Column widths for a table `total` columns wide. `natural[i]`: the widest cell of column
/// i (its title included), when known; a column is never made wider than what it holds.
///
/// Fixed columns get their ideal width (or less when their cells are narrower); the flexible
/// column takes the rest. When that leaves it under its minimum, the widest fixed columns give
/// up a column at a time down to their minimums. When the flexible column has room to spare,
/// the fixed ones grow towards their natural width up to their maximum.
pub fn layout(cols: &[Column], natural: &[usize], total: usize) -> Vec<usize> {
    let nat = |i: usize| natural.get(i).copied().unwrap_or(usize::MAX);
    let seps = 3 * cols.len().saturating_sub(1);
    let avail = total.saturating_sub(seps);
    let mut w: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.flex {
                c.min
            } else {
                c.ideal.min(nat(i)).max(c.min)
            }
        })
        .collect();
    let flex = cols.iter().position(|c| c.flex);
    let fixed_sum = |w: &[usize]| -> usize {
        w.iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != flex)
            .map(|(_, x)| *x)
            .sum()
    };
    let Some(f) = flex else {
        return w;
    };
    let fmin = cols[f].min.min(nat(f)).max(width(cols[f].title));
    // Shrink the widest fixed column until the flexible one has its minimum (bounded: each
    // pass takes one column off one cell, and stops at the minimums).
    while fixed_sum(&w) + fmin > avail {
        let widest = (0..cols.len())
            .filter(|&i| i != f && w[i] > cols[i].min)
            .max_by_key(|&i| w[i]);
        match widest {
            Some(i) => w[i] -= 1,
            None => break,
        }
    }
    let mut rest = avail.saturating_sub(fixed_sum(&w)).max(fmin);
    // Room to spare once the content fits on one line, or is wider than reads well: the
    // fixed columns grow towards their natural widths; what they do not take goes back to
    // the content.
    let fnat = nat(f).max(fmin);
    let target = fnat.min(COMFORT.max(fmin));
    if rest > target {
        let mut spare = rest - target;
        rest = target;
        loop {
            let grow = (0..cols.len())
                .filter(|&i| i != f && w[i] < cols[i].max.min(nat(i)))
                .min_by_key(|&i| w[i]);
            match grow {
                Some(i) if spare > 0 => {
                    let room = cols[i].max.min(nat(i)) - w[i];
                    let step = room.min(spare).min(4);
                    w[i] += step;
                    spare -= step;
                }
                _ => break,
            }
        }
        rest += spare.min(fnat.saturating_sub(rest));
    }
    w[f] = rest;
    w
}

/// Breaks `s` into lines at most `w` columns wide, at spaces; a word wider than `w` is
/// broken between characters (a combining mark stays with its letter). Always one line at
/// least (empty for an empty cell).
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut lw = 0;
    for word in s.split_whitespace() {
        let ww = width(word);
        if lw > 0 && lw + 1 + ww <= w {
            line.push(' ');
            line.push_str(word);
            lw += 1 + ww;
            continue;
        }
        if lw > 0 {
            lines.push(std::mem::take(&mut line));
            lw = 0;
        }
        if ww <= w {
            line.push_str(word);
            lw = ww;
            continue;
        }
        // A word longer than the column: break it where the next character would overflow.
        for c in word.chars() {
            let cw = UnicodeWidthChar::width(c).unwrap_or(0);
            if lw + cw > w && lw > 0 {
                lines.push(std::mem::take(&mut line));
                lw = 0;
            }
            line.push(c);
            lw += cw;
        }
    }
    if lw > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pads `s` with spaces to `w` columns (display width).
pub fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    let mut t = String::with_capacity(s.len() + w.saturating_sub(n));
    t.push_str(s);
    t.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
    t
}

/// A table being written: widths fixed, rows printed as they come.
pub struct Table {
    widths: Vec<usize>,
}

impl Table {
    pub fn new(widths: Vec<usize>) -> Table {
        Table { widths }
    }

    /// Total width of a row.
    pub fn total(&self) -> usize {
        self.widths.iter().sum::<usize>() + 3 * self.widths.len().saturating_sub(1)
    }

    /// Writes the titles and a rule under them.
    pub fn header(&self, out: &mut impl Write, cols: &[Column]) -> io::Result<()> {
        let titles: Vec<String> = cols.iter().map(|c| c.title.to_string()).collect();
        self.row(out, &titles, &[])?;
        writeln!(out, "{}", "─".repeat(self.total()))
    }

    /// Writes one row: every cell wrapped to its column; `indent[i]` spaces of hanging
    /// indent in cell i (item levels), taken from the column's width.
    pub fn row(&self, out: &mut impl Write, cells: &[String], indent: &[usize]) -> io::Result<()> {
        let wrapped: Vec<Vec<String>> = self
            .widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let cell = cells.get(i).map(|s| clean_cell(s)).unwrap_or_default();
                // At most half the column goes to indentation.
                let ind = indent.get(i).copied().unwrap_or(0).min(w / 2);
                let pre = " ".repeat(ind);
                wrap(&cell, w - ind)
                    .into_iter()
                    .map(|l| format!("{pre}{l}"))
                    .collect()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let last = self.widths.len().saturating_sub(1);
        for r in 0..height {
            let mut line = String::new();
            for (i, &w) in self.widths.iter().enumerate() {
                let text = wrapped[i].get(r).map(String::as_str).unwrap_or("");
                if i > 0 {
                    line.push_str(SEP);
                }
                if i == last {
                    line.push_str(text);
                } else {
                    line.push_str(&pad(text, w));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_ignore_combining_marks() {
        // NFC and NFD forms of the same words take the same columns.
        let nfc = "Sở Tư pháp tỉnh Hà Tĩnh";
        let nfd: String =
            "So\u{31b}\u{309} Tu\u{31b} pha\u{301}p ti\u{309}nh Ha\u{300} Ti\u{303}nh".into();
        assert_eq!(width(nfc), 23);
        assert_eq!(width(&nfd), 23);
        assert_eq!(width(&pad(&nfd, 25)), 25);
        assert!(pad(&nfd, 25).ends_with("nh  "));
    }

    #[test]
    fn wraps_by_words_and_breaks_only_long_words() {
        let s = "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền của UBND thành phố Cần Thơ";
        let lines = wrap(s, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), s);
        // No word was cut: every word of the input is whole on some line.
        for w in s.split_whitespace() {
            assert!(lines.iter().any(|l| l.split(' ').any(|x| x == w)), "{w}");
        }
        let long = "https://dichvucong.laocai.gov.vn/thu-tuc-hanh-chinh";
        let lines = wrap(long, 16);
        assert!(lines.len() > 1 && lines.iter().all(|l| width(l) <= 16));
        assert_eq!(lines.concat(), long);
        // A combining mark stays with its letter when a long word is broken.
        let nfd = "nghie\u{302}\u{323}mthu\u{31b}\u{323}cnghie\u{302}\u{323}mthu\u{31b}\u{323}c";
        for l in wrap(nfd, 5) {
            assert!(!l.starts_with(|c: char| UnicodeWidthChar::width(c) == Some(0)));
        }
        assert_eq!(wrap("", 10), vec![String::new()]);
    }

    #[test]
    fn cells_lose_controls() {
        assert_eq!(
            clean_cell("Bộ\tNội vụ\n\x1b[31mđỏ"),
            "Bộ Nội vụ \u{FFFD}[31mđỏ"
        );
    }

    fn cols() -> Vec<Column> {
        vec![
            Column::fixed("STT", 3, 7, 10),
            Column::flex("Nội dung", 24),
            Column::fixed("Chủ trì", 8, 22, 40),
            Column::fixed("Phối hợp", 8, 22, 40),
            Column::fixed("Thời hạn", 8, 18, 30),
        ]
    }

    #[test]
    fn layout_fills_the_width() {
        let nat = [6, 400, 60, 80, 40];
        for total in [40, 60, 80, 100, 140, 200, 300] {
            let w = layout(&cols(), &nat, total);
            let t = Table::new(w.clone());
            if total >= 80 {
                assert_eq!(t.total(), total, "{total}: {w:?}");
            }
            assert!(w[1] >= 24, "{total}: {w:?}");
        }
        // Wide: the fixed columns grow to their natural widths (up to their maximum), the
        // content takes the rest.
        let w = layout(&cols(), &nat, 300);
        assert_eq!((w[0], w[2], w[3], w[4]), (6, 40, 40, 30));
        assert_eq!(w[1], 300 - 12 - 116);
        // 200 columns: content at 100 first, the rest to the others.
        let w = layout(&cols(), &nat, 200);
        assert_eq!(Table::new(w.clone()).total(), 200);
        assert!(w[1] >= 100 && w[2] > 22, "{w:?}");
        // Short content: the table is no wider than it needs.
        let w = layout(&cols(), &[3, 30, 10, 10, 10], 200);
        assert_eq!(w, vec![3, 30, 10, 10, 10]);
    }
}
