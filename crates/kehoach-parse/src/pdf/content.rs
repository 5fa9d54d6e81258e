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
    /// Filled rectangles larger than a rule that are darker than what they cover (cell
    /// shading): where a table has no lines, their edges are its cell boundaries.
    pub fills: Vec<Seg>,
    /// Tiny filled squares and dots (at most [`MAX_RULE_THICKNESS`] each way): runs of them
    /// are dotted rules.
    pub dots: Vec<Seg>,
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
    /// Lightness of the stroking and non-stroking colours, 0 black to 1 white (NaN: paints
    /// nothing, the `/None` separation).
    stroke_lum: f32,
    fill_lum: f32,
    stroke_space: Rc<Space>,
    fill_space: Rc<Space>,
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
            stroke_lum: 0.0,
            fill_lum: 0.0,
            stroke_space: Rc::new(Space::Gray),
            fill_space: Rc::new(Space::Gray),
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
    /// Filled rectangles painted on this page so far, with their lightness, newest last: the
    /// background a rule is painted on.
    painted: Vec<(Seg, f32)>,
    /// Comparisons spent finding backgrounds (bounded: past the budget the page is white).
    bg_work: u64,
    /// Colour spaces resolved by (resource dictionary, name).
    spaces: HashMap<(usize, Vec<u8>), Rc<Space>>,
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
            painted: Vec::new(),
            bg_work: 0,
            spaces: HashMap::new(),
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
        self.painted.clear();
        self.bg_work = 0;
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
            b"g" | b"G" | b"rg" | b"RG" | b"k" | b"K" => {
                let space = match operator {
                    [b'g' | b'G'] => Space::Gray,
                    [b'r' | b'R', _] => Space::Rgb,
                    _ => Space::Cmyk,
                };
                let v: Vec<f32> = a.iter().filter_map(Operand::num).collect();
                let lum = space.lum(&v);
                let space = Rc::new(space);
                if operator[0].is_ascii_lowercase() {
                    (self.gs.fill_space, self.gs.fill_lum) = (space, lum);
                } else {
                    (self.gs.stroke_space, self.gs.stroke_lum) = (space, lum);
                }
            }
            b"cs" | b"CS" => {
                let space = self.space(res, a.first().and_then(Operand::name));
                let lum = space.initial_lum();
                if operator == b"cs" {
                    (self.gs.fill_space, self.gs.fill_lum) = (space, lum);
                } else {
                    (self.gs.stroke_space, self.gs.stroke_lum) = (space, lum);
                }
            }
            b"sc" | b"scn" => {
                let v: Vec<f32> = a.iter().filter_map(Operand::num).collect();
                self.gs.fill_lum = self.gs.fill_space.lum(&v);
            }
            b"SC" | b"SCN" => {
                let v: Vec<f32> = a.iter().filter_map(Operand::num).collect();
                self.gs.stroke_lum = self.gs.stroke_space.lum(&v);
            }
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

    /// Lightness of what lies under the point: the newest filled rectangle holding it, or
    /// the white page.
    fn background(&mut self, x: f32, y: f32) -> f32 {
        for (r, lum) in self.painted.iter().rev() {
            self.bg_work += 1;
            if self.bg_work > BACKGROUND_BUDGET {
                return 1.0;
            }
            if x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1 {
                return *lum;
            }
        }
        1.0
    }

    /// A line painted in `lum` over the point is a rule when it stands out from what it is
    /// painted on: dark on white, or white on a shaded cell (tables whose header is shaded
    /// and ruled with white lines). A line the colour of its background is invisible.
    fn visible(&mut self, lum: f32, x: f32, y: f32) -> bool {
        !lum.is_nan() && (self.background(x, y) - lum).abs() >= MIN_CONTRAST
    }

    fn stroke(&mut self) {
        let lum = self.gs.stroke_lum;
        if lum.is_nan() {
            return;
        }
        let lw = self.gs.line_width.abs() * (self.gs.ctm[0].abs() + self.gs.ctm[1].abs()).max(0.01);
        if lw > MAX_RULE_THICKNESS * 2.0 {
            return;
        }
        let path = std::mem::take(&mut self.path);
        for sp in &path {
            for w in sp.windows(2) {
                let (a, b) = (w[0], w[1]);
                if b.2 {
                    continue;
                }
                if self.visible(lum, (a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0) {
                    push_seg(&mut self.out.segs, a.0, a.1, b.0, b.1);
                }
            }
        }
        self.path = path;
    }

    fn fill(&mut self) {
        let lum = self.gs.fill_lum;
        if lum.is_nan() {
            return;
        }
        let path = std::mem::take(&mut self.path);
        for sp in &path {
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
            if !sp.iter().all(corner) || ![x0, y0, x1, y1].into_iter().all(on_page) {
                continue;
            }
            let (w, h) = (x1 - x0, y1 - y0);
            let visible = self.visible(lum, (x0 + x1) / 2.0, (y0 + y1) / 2.0);
            if w <= MAX_RULE_THICKNESS && h <= MAX_RULE_THICKNESS {
                if visible && self.out.dots.len() < 1_000_000 {
                    self.out.dots.push(Seg { x0, y0, x1, y1 });
                }
            } else if h <= MAX_RULE_THICKNESS && w > h {
                if visible {
                    let y = (y0 + y1) / 2.0;
                    push_seg(&mut self.out.segs, x0, y, x1, y);
                }
            } else if w <= MAX_RULE_THICKNESS && h > w {
                if visible {
                    let x = (x0 + x1) / 2.0;
                    push_seg(&mut self.out.segs, x, y0, x, y1);
                }
            } else {
                let r = Seg { x0, y0, x1, y1 };
                // Shading darker than what it covers bounds cells; any fill is a background.
                if visible && lum < 0.97 && self.out.fills.len() < 100_000 {
                    self.out.fills.push(r);
                }
                if self.painted.len() < 100_000 {
                    self.painted.push((r, lum));
                }
            }
        }
        self.path = path;
    }

    /// The colour space a `cs`/`CS` operand names: a device space, or one of the page's
    /// `/ColorSpace` resources (cached per resource dictionary).
    fn space(&mut self, res: Option<&'a Dictionary>, name: Option<&[u8]>) -> Rc<Space> {
        let Some(name) = name else {
            return Rc::new(Space::Gray);
        };
        if let Some(s) = Space::device(name) {
            return Rc::new(s);
        }
        let key = (
            res.map_or(0, |r| r as *const Dictionary as usize),
            name.to_vec(),
        );
        if let Some(s) = self.spaces.get(&key) {
            return s.clone();
        }
        let doc = self.doc;
        let obj = res
            .and_then(|r| dict_get(doc, r, b"ColorSpace"))
            .and_then(as_dict)
            .and_then(|d| dict_get(doc, d, name));
        let s = Rc::new(
            obj.map(|o| Space::of(doc, o, 0, self.limits.max_stream_bytes as usize))
                .unwrap_or(Space::Gray),
        );
        if self.spaces.len() < 1024 {
            self.spaces.insert(key, s.clone());
        }
        s
    }
}

/// Least difference in lightness between a line and what it is painted on for it to be a
/// rule.
const MIN_CONTRAST: f32 = 0.05;
/// Rectangles looked at, per page, to find the backgrounds of rules.
const BACKGROUND_BUDGET: u64 = 20_000_000;

/// A colour space, as far as the lightness of its colours goes.
#[derive(Debug, Clone)]
pub enum Space {
    Gray,
    Rgb,
    Cmyk,
    Lab,
    /// Patterns and shadings: some ink, lightness unknown.
    Pattern,
    /// A Separation (one colorant, `n == 1`) or DeviceN space: the tint transform when it is
    /// an exponential (Type 2) function into `alt`, else the tints read as ink coverage.
    Tint {
        n: usize,
        none: bool,
        alt: Box<Space>,
        exp: Option<(Vec<f32>, Vec<f32>, f32)>,
    },
    Indexed {
        base: Box<Space>,
        hival: usize,
        lookup: Vec<u8>,
    },
}

impl Space {
    fn device(name: &[u8]) -> Option<Space> {
        Some(match name {
            b"DeviceGray" | b"G" | b"CalGray" => Space::Gray,
            b"DeviceRGB" | b"RGB" | b"CalRGB" => Space::Rgb,
            b"DeviceCMYK" | b"CMYK" => Space::Cmyk,
            b"Pattern" => Space::Pattern,
            b"Lab" => Space::Lab,
            _ => return None,
        })
    }

    /// Reads a colour space object (ISO 32000-1 §8.6); unknown or broken ones read as gray.
    fn of(doc: &Document, o: &Object, depth: usize, max_stream: usize) -> Space {
        if depth > 4 {
            return Space::Gray;
        }
        let o = deref(doc, o).unwrap_or(o);
        if let Ok(n) = o.as_name() {
            return Space::device(n).unwrap_or(Space::Gray);
        }
        let Ok(arr) = o.as_array() else {
            return Space::Gray;
        };
        let family = arr
            .first()
            .and_then(|f| deref(doc, f))
            .and_then(|f| f.as_name().ok())
            .unwrap_or_default();
        let item = |i: usize| arr.get(i).and_then(|x| deref(doc, x));
        match family {
            b"ICCBased" => {
                let n = item(1)
                    .and_then(as_dict)
                    .and_then(|d| dict_get(doc, d, b"N"))
                    .and_then(|n| n.as_i64().ok())
                    .unwrap_or(3);
                match n {
                    1 => Space::Gray,
                    4 => Space::Cmyk,
                    _ => Space::Rgb,
                }
            }
            b"Separation" | b"DeviceN" => {
                let (n, none) = if family == b"Separation" {
                    let name = item(1).and_then(|x| x.as_name().ok()).unwrap_or_default();
                    (1, name == b"None")
                } else {
                    let names = item(1).and_then(|x| x.as_array().ok());
                    let n = names.map_or(1, |a| a.len().clamp(1, 32));
                    let none = names.is_some_and(|a| {
                        a.iter()
                            .all(|x| deref(doc, x).and_then(|x| x.as_name().ok()) == Some(b"None"))
                    });
                    (n, none)
                };
                let alt = item(2).map_or(Space::Gray, |x| Space::of(doc, x, depth + 1, max_stream));
                let exp = item(3).and_then(as_dict).and_then(|f| {
                    let kind = dict_get(doc, f, b"FunctionType").and_then(|t| t.as_i64().ok());
                    if kind != Some(2) {
                        return None;
                    }
                    let c0 = dict_get(doc, f, b"C0").map_or_else(|| vec![0.0], |o| nums(doc, o));
                    let c1 = dict_get(doc, f, b"C1").map_or_else(|| vec![1.0], |o| nums(doc, o));
                    let e = dict_get(doc, f, b"N")
                        .and_then(|o| o.as_float().ok())
                        .unwrap_or(1.0);
                    (c0.len() == c1.len() && e.is_finite()).then_some((c0, c1, e))
                });
                Space::Tint {
                    n,
                    none,
                    alt: Box::new(alt),
                    exp,
                }
            }
            b"Indexed" | b"I" => {
                let base = item(1).map_or(Space::Rgb, |x| Space::of(doc, x, depth + 1, max_stream));
                let hival = item(2)
                    .and_then(|x| x.as_i64().ok())
                    .unwrap_or(0)
                    .clamp(0, 255) as usize;
                let lookup = match item(3) {
                    Some(Object::String(s, _)) => s.clone(),
                    Some(Object::Stream(s)) => {
                        super::objects::stream_bytes(s, max_stream.min(4096)).unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                Space::Indexed {
                    base: Box::new(base),
                    hival,
                    lookup,
                }
            }
            b"CalGray" => Space::Gray,
            b"CalRGB" => Space::Rgb,
            b"Lab" => Space::Lab,
            b"Pattern" => Space::Pattern,
            _ => Space::Gray,
        }
    }

    fn components(&self) -> usize {
        match self {
            Space::Gray | Space::Pattern | Space::Indexed { .. } => 1,
            Space::Rgb | Space::Lab => 3,
            Space::Cmyk => 4,
            Space::Tint { n, .. } => *n,
        }
    }

    /// Lightness of the colour a space starts with after `cs` (black, full tint, index 0).
    fn initial_lum(&self) -> f32 {
        match self {
            Space::Cmyk => self.lum(&[0.0, 0.0, 0.0, 1.0]),
            Space::Tint { n, .. } => self.lum(&vec![1.0; *n]),
            _ => self.lum(&[0.0, 0.0, 0.0]),
        }
    }

    /// Lightness, 0 black to 1 white, of a colour given by its components; NaN when the
    /// colour paints nothing.
    pub fn lum(&self, c: &[f32]) -> f32 {
        let at = |i: usize| c.get(i).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        match self {
            Space::Gray => at(0),
            Space::Rgb => 0.30 * at(0) + 0.59 * at(1) + 0.11 * at(2),
            Space::Cmyk => (1.0 - at(3)) * (1.0 - (0.30 * at(0) + 0.59 * at(1) + 0.11 * at(2))),
            Space::Lab => (c.first().copied().unwrap_or(0.0) / 100.0).clamp(0.0, 1.0),
            Space::Pattern => 0.5,
            Space::Tint { n, none, alt, exp } => {
                if *none {
                    return f32::NAN;
                }
                match exp {
                    Some((c0, c1, e)) if *n == 1 => {
                        let t = at(0).powf(*e);
                        let out: Vec<f32> =
                            c0.iter().zip(c1).map(|(a, b)| a + t * (b - a)).collect();
                        if out.len() == alt.components() {
                            alt.lum(&out)
                        } else {
                            1.0 - at(0)
                        }
                    }
                    // Any other tint transform: the tint is the ink's coverage.
                    _ => 1.0 - (0..*n).map(at).fold(0.0, f32::max),
                }
            }
            Space::Indexed {
                base,
                hival,
                lookup,
            } => {
                let i = (c.first().copied().unwrap_or(0.0).round().max(0.0) as usize).min(*hival);
                let nb = base.components();
                match lookup.get(i * nb..(i + 1) * nb) {
                    Some(b) => {
                        let v: Vec<f32> = b.iter().map(|&x| x as f32 / 255.0).collect();
                        // Lab lookups hold L in 0..255 for 0..100.
                        match **base {
                            Space::Lab => v[0],
                            _ => base.lum(&v),
                        }
                    }
                    None => 0.0,
                }
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
