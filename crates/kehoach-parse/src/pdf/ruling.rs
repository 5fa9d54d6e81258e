//! Ruling lines: segments merged when collinear and touching, then grouped into grids (the
//! lines of one table touch each other), and each grid cut into cells with spans: a cell
//! spans where an inner line is missing.

use super::content::Seg;

/// Distance within which two coordinates are the same line / edge.
const SNAP: f32 = 2.0;

/// A segment at most this long (points) is a dash of a dashed rule, and dashes at most
/// [`DASH_GAP`] apart along one line are one rule (a dashed or dotted border is a border).
const DASH: f32 = 10.0;
const DASH_GAP: f32 = 6.0;
/// Filled cells at most this far apart are neighbours (the white line between shaded cells).
const FILL_GAP: f32 = 2.0;

/// Runs of dots (tiny filled squares) along one line: three or more, at most [`DASH_GAP`]
/// apart, are a dotted rule. Returns the rules as segments.
pub fn dotted(dots: &[Seg]) -> Vec<Seg> {
    let mut out = Vec::new();
    // (along, across, extent start, extent end) for horizontal runs, then vertical ones.
    for horizontal in [true, false] {
        let mut d: Vec<(f32, f32, f32)> = dots
            .iter()
            .map(|s| {
                if horizontal {
                    ((s.y0 + s.y1) / 2.0, s.x0, s.x1)
                } else {
                    ((s.x0 + s.x1) / 2.0, s.y0, s.y1)
                }
            })
            .filter(|t| t.0.is_finite() && t.1.is_finite() && t.2.is_finite())
            .collect();
        d.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut i = 0;
        while i < d.len() {
            let mut j = i + 1;
            while j < d.len() && d[j].0 - d[i].0 <= 0.5 {
                j += 1;
            }
            let mut line = d[i..j].to_vec();
            line.sort_by(|a, b| a.1.total_cmp(&b.1));
            let mut start = 0;
            for k in 1..=line.len() {
                if k == line.len() || line[k].1 - line[k - 1].2 > DASH_GAP {
                    if k - start >= 3 {
                        let (at, from, to) = (line[start].0, line[start].1, line[k - 1].2);
                        out.push(if horizontal {
                            Seg {
                                x0: from,
                                y0: at,
                                x1: to,
                                y1: at,
                            }
                        } else {
                            Seg {
                                x0: at,
                                y0: from,
                                x1: at,
                                y1: to,
                            }
                        });
                    }
                    start = k;
                }
            }
            i = j;
        }
    }
    out
}

/// Cell boundaries from shading: a filled rectangle with another beside it and another
/// above or below it (at most [`FILL_GAP`] apart, overlapping over half the shorter side) is
/// a shaded cell of a table drawn without lines, and its four edges are rules. A lone shaded
/// box (a title banner), highlighted lines stacked one under another, or highlighted runs
/// side by side on one line draw none.
pub fn fill_edges(fills: &[Seg]) -> Vec<Seg> {
    let mut out = Vec::new();
    if fills.len() > 2000 {
        return out;
    }
    let overlap = |a0: f32, a1: f32, b0: f32, b1: f32| {
        a1.min(b1) - a0.max(b0) >= 0.5 * (a1 - a0).min(b1 - b0)
    };
    let near = |gap: f32| (-0.5..=FILL_GAP).contains(&gap);
    for (i, a) in fills.iter().enumerate() {
        let beside = fills.iter().enumerate().any(|(j, b)| {
            j != i && (near(b.x0 - a.x1) || near(a.x0 - b.x1)) && overlap(a.y0, a.y1, b.y0, b.y1)
        });
        let stacked = fills.iter().enumerate().any(|(j, b)| {
            j != i && (near(b.y0 - a.y1) || near(a.y0 - b.y1)) && overlap(a.x0, a.x1, b.x0, b.x1)
        });
        if beside && stacked {
            let (x0, y0, x1, y1) = (a.x0, a.y0, a.x1, a.y1);
            out.push(Seg { x0, y0, x1, y1: y0 });
            out.push(Seg { x0, y0: y1, x1, y1 });
            out.push(Seg { x0, y0, x1: x0, y1 });
            out.push(Seg { x0: x1, y0, x1, y1 });
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// y of a horizontal rule, x of a vertical one.
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// Merges collinear touching segments; returns (horizontal, vertical) rules.
pub fn merge(segs: &[Seg]) -> (Vec<Rule>, Vec<Rule>) {
    let mut h: Vec<Rule> = Vec::new();
    let mut v: Vec<Rule> = Vec::new();
    for s in segs {
        if s.horizontal() {
            h.push(Rule {
                at: s.y0,
                from: s.x0,
                to: s.x1,
            });
        } else {
            v.push(Rule {
                at: s.x0,
                from: s.y0,
                to: s.y1,
            });
        }
    }
    (merge_rules(h), merge_rules(v))
}

fn merge_rules(mut rs: Vec<Rule>) -> Vec<Rule> {
    rs.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Rule> = Vec::new();
    // Group by `at` (within SNAP of the group's first), then merge along the group.
    let mut i = 0;
    while i < rs.len() {
        // A group holds at least its first rule, whatever the comparison says.
        let mut j = i + 1;
        while j < rs.len() && rs[j].at - rs[i].at <= SNAP / 2.0 {
            j += 1;
        }
        let mut group = rs[i..j].to_vec();
        group.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur = group[0];
        let mut n = 1.0;
        let mut sum = cur.at;
        let mut last_piece = cur.to - cur.from <= DASH;
        for r in &group[1..] {
            let piece = r.to - r.from <= DASH;
            // Dashes follow each other across a gap; a solid line does not jump one.
            let reach = if piece && last_piece { DASH_GAP } else { SNAP };
            last_piece = piece;
            if r.from <= cur.to + reach {
                cur.to = cur.to.max(r.to);
                sum += r.at;
                n += 1.0;
            } else {
                cur.at = sum / n;
                out.push(cur);
                cur = *r;
                sum = r.at;
                n = 1.0;
            }
        }
        cur.at = sum / n;
        out.push(cur);
        i = j;
    }
    out
}

/// A ruled grid: column and row edges, and which inner edges are drawn.
#[derive(Debug, Clone)]
pub struct Grid {
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    h: Vec<Rule>,
    v: Vec<Rule>,
}

impl Grid {
    pub fn top(&self) -> f32 {
        self.ys[0]
    }
    pub fn bottom(&self) -> f32 {
        *self.ys.last().unwrap_or(&0.0)
    }
    pub fn left(&self) -> f32 {
        self.xs[0]
    }
    pub fn right(&self) -> f32 {
        *self.xs.last().unwrap_or(&0.0)
    }
    pub fn rows(&self) -> usize {
        self.ys.len() - 1
    }
    pub fn cols(&self) -> usize {
        self.xs.len() - 1
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.left() - 1.0
            && x <= self.right() + 1.0
            && y >= self.top() - 1.0
            && y <= self.bottom() + 1.0
    }

    /// Grid (row, col) of a point inside the grid.
    pub fn locate(&self, x: f32, y: f32) -> (usize, usize) {
        let find = |edges: &[f32], p: f32| {
            let n = edges.len() - 1;
            (0..n).find(|&k| p < edges[k + 1]).unwrap_or(n - 1)
        };
        (find(&self.ys, y), find(&self.xs, x))
    }

    /// Is the vertical edge at column edge `j` drawn beside row `r`?
    fn v_drawn(&self, r: usize, j: usize) -> bool {
        let x = self.xs[j];
        let (a, b) = (self.ys[r], self.ys[r + 1]);
        self.v
            .iter()
            .any(|l| (l.at - x).abs() <= SNAP && covers(l, a, b))
    }

    /// Is the horizontal edge at row edge `i` drawn above/below column `c`?
    fn h_drawn(&self, i: usize, c: usize) -> bool {
        let y = self.ys[i];
        let (a, b) = (self.xs[c], self.xs[c + 1]);
        self.h
            .iter()
            .any(|l| (l.at - y).abs() <= SNAP && covers(l, a, b))
    }

    /// Cells as (row, col, row_span, col_span), row-major by origin.
    pub fn cells(&self) -> Vec<(usize, usize, usize, usize)> {
        let (nr, nc) = (self.rows(), self.cols());
        let mut owned = vec![vec![false; nc]; nr];
        let mut out = Vec::new();
        for r in 0..nr {
            for c in 0..nc {
                if owned[r][c] {
                    continue;
                }
                let mut cs = 1;
                while c + cs < nc && !owned[r][c + cs] && !self.v_drawn(r, c + cs) {
                    cs += 1;
                }
                let mut rs = 1;
                while r + rs < nr
                    && (c..c + cs).all(|cc| !owned[r + rs][cc] && !self.h_drawn(r + rs, cc))
                    && (c + 1..c + cs).all(|j| !self.v_drawn(r + rs, j))
                {
                    rs += 1;
                }
                for row in owned.iter_mut().skip(r).take(rs) {
                    for o in row.iter_mut().skip(c).take(cs) {
                        *o = true;
                    }
                }
                out.push((r, c, rs, cs));
            }
        }
        out
    }
}

/// The rule covers the middle of [a, b] and most of it.
fn covers(l: &Rule, a: f32, b: f32) -> bool {
    let mid = (a + b) / 2.0;
    let overlap = l.to.min(b) - l.from.max(a);
    l.from <= mid && l.to >= mid && overlap >= (b - a) * 0.5
}

/// The edges of `edges` (positions across `rules`) that some rule in `rules` runs along
/// for most of a whole span between two neighbouring `cross` edges; the two outer edges are
/// kept.
fn full_edges(edges: &[f32], cross: &[f32], rules: &[Rule]) -> Vec<f32> {
    let n = edges.len();
    if n <= 2 || rules.len().saturating_mul(cross.len()) > 4_000_000 {
        return edges.to_vec();
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    for l in rules {
        // Edges are sorted: those within SNAP of the rule.
        let from = edges.partition_point(|&e| e < l.at - SNAP);
        let to = edges.partition_point(|&e| e <= l.at + SNAP);
        if from >= to || keep[from..to].iter().all(|&k| k) {
            continue;
        }
        let whole = cross.windows(2).any(|w| {
            let span = w[1] - w[0];
            l.to.min(w[1]) - l.from.max(w[0]) >= span * 0.85
        });
        if whole {
            keep[from..to].iter_mut().for_each(|k| *k = true);
        }
    }
    edges
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(&e, _)| e)
        .collect()
}

fn snap_edges(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in v {
        match out.last() {
            Some(&l) if x - l <= SNAP => {}
            _ => out.push(x),
        }
    }
    out
}

/// Finds the grids among the rules: rules that touch form one grid; a grid needs at least two
/// horizontal and two vertical rules (a lone underline or box edge is not a table).
pub fn grids(h: &[Rule], v: &[Rule]) -> Vec<Grid> {
    let n = h.len() + v.len();
    if n > 20_000 {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            let touch = b.at >= a.from - SNAP
                && b.at <= a.to + SNAP
                && a.at >= b.from - SNAP
                && a.at <= b.to + SNAP;
            if touch {
                let (x, y) = (find(&mut parent, i), find(&mut parent, h.len() + j));
                if x != y {
                    parent[x] = y;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        let e = groups.entry(root).or_default();
        if i < h.len() {
            e.0.push(h[i]);
        } else {
            e.1.push(v[i - h.len()]);
        }
    }
    let mut out = Vec::new();
    for (_, (gh, gv)) in groups {
        if gh.len() < 2 || gv.len() < 2 {
            continue;
        }
        let mut xs: Vec<f32> = gv.iter().map(|r| r.at).collect();
        let mut ys: Vec<f32> = gh.iter().map(|r| r.at).collect();
        // The outer box, where a border is left out.
        xs.push(gh.iter().map(|r| r.from).fold(f32::MAX, f32::min));
        xs.push(gh.iter().map(|r| r.to).fold(f32::MIN, f32::max));
        ys.push(gv.iter().map(|r| r.from).fold(f32::MAX, f32::min));
        ys.push(gv.iter().map(|r| r.to).fold(f32::MIN, f32::max));
        let mut xs = snap_edges(xs);
        let mut ys = snap_edges(ys);
        if xs.len() < 2 || ys.len() < 2 || xs.len() > 200 || ys.len() > 2000 {
            continue;
        }
        // An inner edge is a cell border only where a rule runs along a whole cell (a
        // column's width, a row's height); a line over part of a cell (a signature line, an
        // underline, a tick) splits nothing. Twice: dropping a row edge makes rows taller.
        for _ in 0..2 {
            ys = full_edges(&ys, &xs, &gh);
            xs = full_edges(&xs, &ys, &gv);
        }
        out.push(Grid {
            xs,
            ys,
            h: gh,
            v: gv,
        });
    }
    out.sort_by(|a, b| a.top().total_cmp(&b.top()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs(y: f32, x0: f32, x1: f32) -> Seg {
        Seg {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }
    fn vs(x: f32, y0: f32, y1: f32) -> Seg {
        Seg {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }

    #[test]
    fn rules_at_nan_or_infinity_end_cleanly() {
        // The reader drops such rules (content::MAX_COORD); grouping must still end on them:
        // `inf - inf` is NaN, and a group that compared nothing equal was empty (a panic).
        let segs = vec![
            hs(f32::INFINITY, 0.0, 10.0),
            hs(f32::NEG_INFINITY, 0.0, 10.0),
            hs(f32::NAN, 0.0, 10.0),
            hs(5.0, 0.0, 10.0),
            hs(5.5, 8.0, 20.0),
        ];
        let (h, v) = merge(&segs);
        let finite: Vec<_> = h.iter().filter(|r| r.at.is_finite()).collect();
        assert_eq!(finite.len(), 1);
        assert_eq!((finite[0].from, finite[0].to), (0.0, 20.0));
        // inf and -inf alone; the NaN one (not horizontal: NaN != NaN) as a vertical.
        assert_eq!((h.len(), v.len()), (3, 1));
    }

    #[test]
    fn spans_from_missing_lines() {
        // 3 columns, 3 rows; row 0 spans all columns (no inner verticals there);
        // column 0 spans rows 1-2 (no horizontal at y=20 under column 0).
        let segs = vec![
            hs(0.0, 0.0, 30.0),
            hs(10.0, 0.0, 15.0),
            hs(10.0, 15.2, 30.0), // touching pieces merge
            hs(20.0, 10.0, 30.0),
            hs(30.0, 0.0, 30.0),
            vs(0.0, 0.0, 30.0),
            vs(30.0, 0.0, 30.0),
            vs(10.0, 10.0, 30.0),
            vs(20.0, 10.0, 30.0),
        ];
        let (h, v) = merge(&segs);
        assert_eq!(h.len(), 4);
        let g = grids(&h, &v);
        assert_eq!(g.len(), 1);
        let cells = g[0].cells();
        assert_eq!(cells[0], (0, 0, 1, 3));
        assert_eq!(cells[1], (1, 0, 2, 1));
        assert_eq!(cells.len(), 6);
    }
}
