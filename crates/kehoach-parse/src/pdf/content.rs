//! The content-stream interpreter: graphics and text state, Form XObjects, and the two things
//! the layout needs: positioned glyphs and axis-aligned ruling segments, both in page space
//! with the origin at the top left and y growing downwards.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::{Code, Font};
use super::lexer::{Lexer, Operand};
use super::objects::{as_dict, deref, dict_get, nums};
use crate::error::{ParseError, Result};
use crate::limits::Limits;

/// Form XObjects nested deeper than this are skipped (with a warning).
const MAX_FORM_DEPTH: usize = 12;
/// q without Q deeper than this stops saving state.
const MAX_STATE_DEPTH: usize = 256;
/// A stroked line or filled rectangle at most this thick (points) is a ruling.
const MAX_RULE_THICKNESS: f32 = 3.0;
/// Page coordinates farther out than this are off any page (PDF's implementation limit is
/// ±32,767 units, ISO 32000-1 Annex C; an A0 sheet is 3,370 units tall): glyphs and rules there
/// are dropped. Bounding them keeps every sum and midpoint of coordinates finite: f32 overflows
/// at 3.4e38, and a rule at y = ±inf made the ruling's grouping compare NaN (a fuzz find).
const MAX_COORD: f32 = 1.0e6;

/// Whether a page coordinate is within [`MAX_COORD`] (false for NaN and infinities).
fn on_page(v: f32) -> bool {
    v.abs() <= MAX_COORD
}

/// One glyph with its text, in page space.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Extent along the baseline and the baseline's position, in the glyph's reading frame:
    /// page space for upright text, page space turned by `dir` quarter turns otherwise.
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Reading direction in quarter turns clockwise on the page: 0 upright, 1 reading
    /// downwards, 2 upside down, 3 reading upwards (rotated table headers).
    pub dir: u8,
    /// A point inside the glyph's body, in page space (which cell holds the glyph).
    pub px: f32,
    pub py: f32,
    /// Font size in page space.
    pub size: f32,
    pub text: Rc<str>,
    pub bold: bool,
    pub italic: bool,
    /// The text is whitespace only.
    pub space: bool,
    /// The OCR engine's confidence in the word (0–100); negative for a text layer's glyph.
    pub conf: f32,
}

impl Glyph {
    pub fn is_space(&self) -> bool {
        self.space
    }
    /// A point inside the glyph's body (between baseline and x-height), in page space.
    pub fn cx(&self) -> f32 {
        self.px
    }
    pub fn cy(&self) -> f32 {
        self.py
    }
}

/// An axis-aligned ruling segment: horizontal when `y0 == y1`, vertical when `x0 == x1`.
#[derive(Debug, Clone, Copy)]
pub struct Seg {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Seg {
    pub fn horizontal(&self) -> bool {
        self.y0 == self.y1
    }
}

#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub segs: Vec<Seg>,
    pub warnings: Vec<String>,
}

type M = [f32; 6];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Ref(ObjectId),
    /// A font dictionary written inline in a resource dictionary (the document outlives the
    /// interpreter, so its address is stable).
    Inline(usize),
}
const IDENTITY: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` (row-vector convention, as in the PDF spec: p' = p × M).
fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

#[derive(Clone)]
struct GState {
    ctm: M,
    line_width: f32,
    stroke_white: bool,
    fill_white: bool,
    font: Option<Rc<Font>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl GState {
    fn initial() -> Self {
        GState {
            ctm: IDENTITY,
            line_width: 1.0,
            stroke_white: false,
            fill_white: false,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Walks one page's content (and the forms it draws).
pub struct Interp<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    /// Fonts by object id, or by the address of a font dictionary written inline.
    fonts: HashMap<FontKey, Rc<Font>>,
    fallback_font: Option<Rc<Font>>,
    ops: u64,
    form_stack: Vec<ObjectId>,
    out: PageContent,
    gs: GState,
    stack: Vec<GState>,
    tm: M,
    tlm: M,
    /// Current path: subpaths of (x, y, reached by a curve) in page space.
    path: Vec<Vec<(f32, f32, bool)>>,
    codes: Vec<Code>,
}

impl<'a> Interp<'a> {
    pub fn new(doc: &'a Document, limits: &'a Limits) -> Self {
        Interp {
            doc,
            limits,
            fonts: HashMap::new(),
            fallback_font: None,
            ops: 0,
            form_stack: Vec::new(),
            out: PageContent::default(),
            gs: GState::initial(),
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            path: Vec::new(),
            codes: Vec::new(),
        }
    }

    /// Runs a page: `content` is the page's decoded content, `ctm` maps user space to page
    /// space (flip and /Rotate), `resources` the page's resource dictionary. Fonts loaded for
    /// one page are kept for the next.
    pub fn run_page(
        &mut self,
        content: &[u8],
        ctm: M,
        resources: Option<&'a Dictionary>,
    ) -> Result<PageContent> {
        self.ops = 0;
        self.form_stack.clear();
        self.gs = GState::initial();
        self.gs.ctm = ctm;
        self.stack.clear();
        self.tm = IDENTITY;
        self.tlm = IDENTITY;
        self.path.clear();
        let r = self.run(content, resources);
        let out = std::mem::take(&mut self.out);
        r.map(|()| out)
    }

    fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>) -> Result<()> {
        let mut lexer = Lexer::new(content);
        let mut operands = Vec::new();
        while let Some(operator) = lexer.next_op(&mut operands) {
            self.ops += 1;
            if self.ops.is_multiple_of(4096) {
                self.limits.check_time()?;
            }
            Limits::check(
                self.ops,
                self.limits.max_ops_per_page,
                "the number of content operations on one page",
                "--max-ops-per-page",
            )?;
            self.op(operator, &operands, resources)?;
        }
        Ok(())
    }

    fn op(
        &mut self,
        operator: &[u8],
        a: &[Operand<'_>],
        res: Option<&'a Dictionary>,
    ) -> Result<()> {
        let f = |i: usize| a.get(i).and_then(Operand::num).unwrap_or(0.0);
        match operator {
            b"q" if self.stack.len() < MAX_STATE_DEPTH => self.stack.push(self.gs.clone()),
            b"Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            b"cm" if a.len() >= 6 => {
                let m = [f(0), f(1), f(2), f(3), f(4), f(5)];
                self.gs.ctm = mul(&m, &self.gs.ctm);
            }
            b"w" => self.gs.line_width = f(0),
            b"g" => self.gs.fill_white = f(0) >= 0.95,
            b"G" => self.gs.stroke_white = f(0) >= 0.95,
            b"rg" => self.gs.fill_white = (0..3).all(|i| f(i) >= 0.95),
            b"RG" => self.gs.stroke_white = (0..3).all(|i| f(i) >= 0.95),
            b"k" => self.gs.fill_white = (0..4).all(|i| f(i) <= 0.05),
            b"K" => self.gs.stroke_white = (0..4).all(|i| f(i) <= 0.05),
            b"sc" | b"scn" => self.gs.fill_white = is_white(a),
            b"SC" | b"SCN" => self.gs.stroke_white = is_white(a),
            // Paths.
            b"m" => self.path.push(vec![self.pt(f(0), f(1), false)]),
            b"l" => {
                let p = self.pt(f(0), f(1), false);
                match self.path.last_mut() {
                    Some(sp) => sp.push(p),
                    None => self.path.push(vec![p]),
                }
            }
            b"c" | b"v" | b"y" => {
                let (x, y) = if operator == b"c" {
                    (f(4), f(5))
                } else {
                    (f(2), f(3))
                };
                let p = self.pt(x, y, true);
                match self.path.last_mut() {
                    Some(sp) => sp.push(p),
                    None => self.path.push(vec![p]),
                }
            }
            b"re" => {
                let (x, y, w, h) = (f(0), f(1), f(2), f(3));
                let sp = vec![
                    self.pt(x, y, false),
                    self.pt(x + w, y, false),
                    self.pt(x + w, y + h, false),
                    self.pt(x, y + h, false),
                    self.pt(x, y, false),
                ];
                self.path.push(sp);
            }
            b"h" => {
                if let Some(sp) = self.path.last_mut() {
                    if let (Some(&first), Some(&last)) = (sp.first(), sp.last()) {
                        if (first.0, first.1) != (last.0, last.1) {
                            sp.push((first.0, first.1, false));
                        }
                    }
                }
            }
            b"S" | b"s" => {
                if operator == b"s" {
                    self.op(b"h", &[], res)?;
                }
                self.stroke();
                self.path.clear();
            }
            b"f" | b"F" | b"f*" => {
                self.fill();
                self.path.clear();
            }
            b"B" | b"B*" | b"b" | b"b*" => {
                if operator.starts_with(b"b") {
                    self.op(b"h", &[], res)?;
                }
                self.fill();
                self.stroke();
                self.path.clear();
            }
            b"n" => self.path.clear(),
            // Text.
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tf" => {
                self.gs.font_size = f(1);
                let name = a.first().and_then(Operand::name);
                self.gs.font = Some(self.font(res, name));
            }
            b"Tc" => self.gs.char_spacing = f(0),
            b"Tw" => self.gs.word_spacing = f(0),
            b"Tz" => self.gs.h_scale = f(0) / 100.0,
            b"TL" => self.gs.leading = f(0),
            b"Ts" => self.gs.rise = f(0),
            b"Td" => self.next_line(f(0), f(1)),
            b"TD" => {
                self.gs.leading = -f(1);
                self.next_line(f(0), f(1));
            }
            b"Tm" if a.len() >= 6 => {
                self.tm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                self.tlm = self.tm;
            }
            b"T*" => self.next_line(0.0, -self.gs.leading),
            b"Tj" => {
                if let Some(s) = a.first().and_then(Operand::string) {
                    self.show(s);
                }
            }
            b"'" => {
                self.next_line(0.0, -self.gs.leading);
                if let Some(s) = a.first().and_then(Operand::string) {
                    self.show(s);
                }
            }
            b"\"" => {
                self.gs.word_spacing = f(0);
                self.gs.char_spacing = f(1);
                self.next_line(0.0, -self.gs.leading);
                if let Some(s) = a.get(2).and_then(Operand::string) {
                    self.show(s);
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(items)) = a.first() {
                    for it in items {
                        match it {
                            Operand::Str(s) => self.show(s),
                            o => {
                                if let Some(n) = o.num() {
                                    let tx = -n / 1000.0 * self.gs.font_size * self.gs.h_scale;
                                    self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                                }
                            }
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(name) = a.first().and_then(Operand::name) {
                    self.do_xobject(res, name)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn pt(&self, x: f32, y: f32, curve: bool) -> (f32, f32, bool) {
        let (x, y) = apply(&self.gs.ctm, x, y);
        (x, y, curve)
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn font(&mut self, res: Option<&'a Dictionary>, name: Option<&[u8]>) -> Rc<Font> {
        let doc = self.doc;
        let entry = res
            .and_then(|r| dict_get(doc, r, b"Font"))
            .and_then(as_dict)
            .and_then(|fonts| name.and_then(|n| fonts.get(n).ok()));
        let dict = entry.and_then(|e| deref(doc, e)).and_then(as_dict);
        let (Some(entry), Some(dict)) = (entry, dict) else {
            return self
                .fallback_font
                .get_or_insert_with(|| Rc::new(Font::fallback()))
                .clone();
        };
        let key = match entry.as_reference() {
            Ok(id) => FontKey::Ref(id),
            Err(_) => FontKey::Inline(dict as *const Dictionary as usize),
        };
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        let font = Rc::new(Font::load(doc, dict, self.limits.max_stream_bytes as usize));
        self.fonts.insert(key, font.clone());
        font
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else {
            return;
        };
        let mut codes = std::mem::take(&mut self.codes);
        font.codes(bytes, &mut codes);
        let fs = self.gs.font_size;
        let th = self.gs.h_scale;
        for c in &codes {
            let trm = mul(
                &mul(&[fs * th, 0.0, 0.0, fs, 0.0, self.gs.rise], &self.tm),
                &self.gs.ctm,
            );
            let w0 = c.width / 1000.0;
            if let Some(text) = c.text.as_ref().filter(|t| !t.is_empty()) {
                let (ox, oy) = apply(&trm, 0.0, 0.0);
                let (ex, ey) = apply(&trm, w0, 0.0);
                let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                // Reading direction, quantised to quarter turns; (dx, dy) along the
                // baseline, (nx, ny) from the glyph's top towards its baseline.
                let angle = trm[1].atan2(trm[0]);
                let dir =
                    ((angle / std::f32::consts::FRAC_PI_2).round() as i32).rem_euclid(4) as u8;
                let (dx, dy) = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)][dir as usize];
                let (nx, ny) = (-dy, dx);
                let (s0, s1) = (ox * dx + oy * dy, ex * dx + ey * dy);
                let t = ox * nx + oy * ny;
                let px = (ox + ex) / 2.0 - nx * size * 0.3;
                let py = (oy + ey) / 2.0 - ny * size * 0.3;
                if [s0, s1, t, px, py, size].into_iter().all(on_page) {
                    self.out.glyphs.push(Glyph {
                        x0: s0.min(s1),
                        x1: s0.max(s1),
                        y: t,
                        dir,
                        px,
                        py,
                        size,
                        space: text.chars().all(char::is_whitespace),
                        text: text.clone(),
                        bold: font.bold,
                        italic: font.italic,
                        conf: -1.0,
                    });
                }
            }
            let mut tx = w0 * fs + self.gs.char_spacing;
            if c.is_space_code {
                tx += self.gs.word_spacing;
            }
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx * th, 0.0], &self.tm);
        }
        self.codes = codes;
    }

    fn do_xobject(&mut self, res: Option<&'a Dictionary>, name: &[u8]) -> Result<()> {
        let doc = self.doc;
        let Some(entry) = res
            .and_then(|r| dict_get(doc, r, b"XObject"))
            .and_then(as_dict)
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let id = entry.as_reference().ok();
        let Some(Object::Stream(stream)) = deref(doc, entry) else {
            return Ok(());
        };
        if dict_get(doc, &stream.dict, b"Subtype").and_then(|o| o.as_name().ok()) != Some(b"Form") {
            return Ok(());
        }
        if let Some(id) = id {
            if self.form_stack.contains(&id) {
                self.out.warnings.push(format!(
                    "a Form XObject draws itself (object {} {}); the cycle was cut",
                    id.0, id.1
                ));
                return Ok(());
            }
        }
        if self.form_stack.len() >= MAX_FORM_DEPTH {
            self.out
                .warnings
                .push("Form XObjects are nested too deeply; the innermost were skipped".into());
            return Ok(());
        }
        let data = match stream.get_plain_content_with_limit(self.limits.max_stream_bytes as usize)
        {
            Ok(d) => d,
            Err(e) => {
                if is_limit(&e) {
                    return Err(ParseError::Limit {
                        what: "the decoded size of a PDF stream",
                        value: self.limits.max_stream_bytes.saturating_add(1),
                        limit: self.limits.max_stream_bytes,
                        flag: "--max-stream-bytes",
                    });
                }
                self.out
                    .warnings
                    .push(format!("a Form XObject could not be decoded: {e}"));
                return Ok(());
            }
        };
        let form_res = dict_get(doc, &stream.dict, b"Resources")
            .and_then(as_dict)
            .or(res);
        let m = stream
            .dict
            .get(b"Matrix")
            .map(|o| nums(doc, o))
            .unwrap_or_default();
        let saved = (
            self.gs.clone(),
            self.stack.len(),
            self.tm,
            self.tlm,
            std::mem::take(&mut self.path),
        );
        if m.len() == 6 {
            let m = [m[0], m[1], m[2], m[3], m[4], m[5]];
            self.gs.ctm = mul(&m, &self.gs.ctm);
        }
        self.form_stack.push(id.unwrap_or((0, 0)));
        let r = self.run(&data, form_res);
        self.form_stack.pop();
        self.gs = saved.0;
        self.stack.truncate(saved.1);
        self.tm = saved.2;
        self.tlm = saved.3;
        self.path = saved.4;
        r
    }

    fn stroke(&mut self) {
        if self.gs.stroke_white {
            return;
        }
        let lw = self.gs.line_width.abs() * (self.gs.ctm[0].abs() + self.gs.ctm[1].abs()).max(0.01);
        if lw > MAX_RULE_THICKNESS * 2.0 {
            return;
        }
        for sp in &self.path {
            for w in sp.windows(2) {
                let (a, b) = (w[0], w[1]);
                if b.2 {
                    continue;
                }
                push_seg(&mut self.out.segs, a.0, a.1, b.0, b.1);
            }
        }
    }

    fn fill(&mut self) {
        if self.gs.fill_white {
            return;
        }
        for sp in &self.path {
            if sp.len() < 4 || sp.iter().any(|p| p.2) {
                continue;
            }
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for p in sp {
                x0 = x0.min(p.0);
                x1 = x1.max(p.0);
                y0 = y0.min(p.1);
                y1 = y1.max(p.1);
            }
            // Only axis-aligned rectangles: every point on the bounding box's corners.
            let corner = |p: &(f32, f32, bool)| {
                ((p.0 - x0).abs() < 0.5 || (p.0 - x1).abs() < 0.5)
                    && ((p.1 - y0).abs() < 0.5 || (p.1 - y1).abs() < 0.5)
            };
            if !sp.iter().all(corner) {
                continue;
            }
            let (w, h) = (x1 - x0, y1 - y0);
            if h <= MAX_RULE_THICKNESS && w > h {
                let y = (y0 + y1) / 2.0;
                push_seg(&mut self.out.segs, x0, y, x1, y);
            } else if w <= MAX_RULE_THICKNESS && h > w {
                let x = (x0 + x1) / 2.0;
                push_seg(&mut self.out.segs, x, y0, x, y1);
            }
        }
    }
}

fn push_seg(segs: &mut Vec<Seg>, ax: f32, ay: f32, bx: f32, by: f32) {
    if ![ax, ay, bx, by].into_iter().all(on_page) {
        return;
    }
    if segs.len() >= 1_000_000 {
        return;
    }
    if (ay - by).abs() < 0.5 && (ax - bx).abs() >= 0.5 {
        let y = (ay + by) / 2.0;
        segs.push(Seg {
            x0: ax.min(bx),
            y0: y,
            x1: ax.max(bx),
            y1: y,
        });
    } else if (ax - bx).abs() < 0.5 && (ay - by).abs() >= 0.5 {
        let x = (ax + bx) / 2.0;
        segs.push(Seg {
            x0: x,
            y0: ay.min(by),
            x1: x,
            y1: ay.max(by),
        });
    }
}

fn is_white(a: &[Operand<'_>]) -> bool {
    let v: Vec<f32> = a.iter().filter_map(Operand::num).collect();
    match v.len() {
        1 | 3 => v.iter().all(|&c| c >= 0.95),
        4 => v.iter().all(|&c| c <= 0.05),
        _ => false,
    }
}

/// Typographic ligatures (ﬁ, ﬂ, …) as their letters.
pub fn unligature(t: &Rc<str>) -> Rc<str> {
    let lig = |c: char| match c {
        '\u{FB00}' => Some("ff"),
        '\u{FB01}' => Some("fi"),
        '\u{FB02}' => Some("fl"),
        '\u{FB03}' => Some("ffi"),
        '\u{FB04}' => Some("ffl"),
        '\u{FB05}' | '\u{FB06}' => Some("st"),
        _ => None,
    };
    if !t.chars().any(|c| lig(c).is_some()) {
        return t.clone();
    }
    t.chars()
        .map(|c| lig(c).map_or_else(|| c.to_string(), str::to_string))
        .collect::<String>()
        .into()
}

pub fn is_limit(e: &lopdf::Error) -> bool {
    matches!(
        e,
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_matrices() {
        assert_eq!(
            &*unligature(&Rc::from("\u{FB01}le o\u{FB03}ce")),
            "file office"
        );
        let m = mul(
            &[2.0, 0.0, 0.0, 2.0, 1.0, 1.0],
            &[1.0, 0.0, 0.0, -1.0, 0.0, 100.0],
        );
        assert_eq!(apply(&m, 1.0, 1.0), (3.0, 97.0));
    }

    #[test]
    fn rules_off_the_page_are_dropped() {
        // A fuzz find: a rule at y = -3e38 (finite) had its midpoint (ay + by) / 2 overflow
        // to -inf, and the ruling's grouping then compared NaN.
        let mut segs = Vec::new();
        push_seg(&mut segs, 0.0, -3.0e38, 100.0, -3.0e38);
        push_seg(&mut segs, 1.0e7, 5.0, 1.0e7, 50.0);
        push_seg(&mut segs, 0.0, f32::NAN, 100.0, f32::NAN);
        assert!(segs.is_empty(), "{segs:?}");
        push_seg(&mut segs, 0.0, 842.0, 595.0, 842.2);
        push_seg(&mut segs, -1.0e6, 0.0, -1.0e6, 10.0);
        assert_eq!(segs.len(), 2);
        assert_eq!((segs[0].y0, segs[0].x1), (842.1, 595.0));
        assert_eq!((segs[1].x0, segs[1].y1), (-1.0e6, 10.0));
    }
}
