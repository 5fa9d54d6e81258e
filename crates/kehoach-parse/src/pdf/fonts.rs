//! Fonts: how the bytes of a shown string split into codes, what Unicode text and what
//! advance width each code has, and whether the face is bold or italic.
//!
//! Unicode comes from the `ToUnicode` CMap first (LibreOffice, Chromium and Word all write
//! one; the Vietnamese letters of a subset font are only reachable through it), then from the
//! simple font's encoding (base encoding + `/Differences` glyph names).

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::objects::{deref, dict_get, name_of, num, nums, stream_bytes};

/// One code of a shown string.
pub struct Code {
    /// Unicode text; None when the font does not say.
    pub text: Option<Rc<str>>,
    /// Horizontal advance in glyph space (thousandths of the font size).
    pub width: f32,
    /// The code is the single-byte code 32 (word spacing applies).
    pub is_space_code: bool,
}

#[derive(Debug, Default)]
pub struct Font {
    pub bold: bool,
    pub italic: bool,
    composite: bool,
    to_unicode: Option<CMap>,
    /// Encoding CMap of a Type0 font (codespace, code -> CID); None for Identity-H/V.
    encoding_cmap: Option<CMap>,
    /// Simple fonts: code -> text from the encoding.
    simple: Vec<Option<Rc<str>>>,
    /// Simple fonts: widths indexed by code; composite fonts use `cid_widths`.
    widths: Vec<f32>,
    cid_widths: HashMap<u32, f32>,
    default_width: f32,
}

/// Unicode for a glyph name: the Adobe Glyph List via lopdf, `uniXXXX` and `uXXXX[XX]`.
pub fn glyph_name_to_unicode(name: &[u8]) -> Option<String> {
    match name {
        b"space" => return Some(" ".into()),
        b"hyphen" | b"minus" => return Some("-".into()),
        b"period" => return Some(".".into()),
        b"comma" => return Some(",".into()),
        b"Dcroat" => return Some("Đ".into()),
        b"dcroat" => return Some("đ".into()),
        _ => {}
    }
    let s = std::str::from_utf8(name).ok()?;
    let s = s.split('.').next().unwrap_or(s);
    if let Some(hex) = s.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 {
            let units: Option<Vec<u16>> = hex
                .as_bytes()
                .chunks(4)
                .map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                .collect();
            return Some(
                char::decode_utf16(units?)
                    .map(|r| r.unwrap_or('\u{FFFD}'))
                    .collect(),
            );
        }
    }
    if let Some(hex) = s.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    if s.len() == 1 && s.as_bytes()[0].is_ascii_alphanumeric() {
        return Some(s.to_string());
    }
    None
}

fn style_from_name(name: &str) -> (bool, bool) {
    let n = name.to_ascii_lowercase();
    let n = n.split_once('+').map(|(_, r)| r.to_string()).unwrap_or(n);
    let bold = ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|k| n.contains(k));
    let italic = n.contains("italic") || n.contains("oblique");
    (bold, italic)
}

impl Font {
    /// A font used when the resource is missing or broken: codes are single bytes read as
    /// Latin-1, every glyph half an em wide.
    pub fn fallback() -> Font {
        Font {
            simple: (0u32..256)
                .map(|c| {
                    char::from_u32(c)
                        .filter(|c| !c.is_control())
                        .map(|c| Rc::from(c.to_string()))
                })
                .collect(),
            widths: vec![500.0; 256],
            default_width: 500.0,
            ..Default::default()
        }
    }

    pub fn load(doc: &Document, dict: &Dictionary, max_stream: usize) -> Font {
        let subtype = dict_get(doc, dict, b"Subtype")
            .and_then(name_of)
            .unwrap_or_default();
        let base = dict_get(doc, dict, b"BaseFont")
            .and_then(name_of)
            .unwrap_or_default();
        let mut font = Font {
            default_width: 0.0,
            ..Default::default()
        };
        let (b, i) = style_from_name(&String::from_utf8_lossy(&base));
        font.bold = b;
        font.italic = i;
        if let Some(tu) = dict_get(doc, dict, b"ToUnicode").and_then(|o| o.as_stream().ok()) {
            if let Some(bytes) = stream_bytes(tu, max_stream) {
                let m = CMap::parse(&bytes, 2_000_000);
                if !m.is_empty() {
                    font.to_unicode = Some(m);
                }
            }
        }
        let mut descriptor = None;
        if subtype == b"Type0" {
            font.composite = true;
            if let Some(Object::Stream(s)) = dict_get(doc, dict, b"Encoding") {
                if let Some(bytes) = stream_bytes(s, max_stream) {
                    font.encoding_cmap = Some(CMap::parse(&bytes, 2_000_000));
                }
            }
            let desc = dict_get(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(cid) = desc {
                font.default_width = dict_get(doc, cid, b"DW").and_then(num).unwrap_or(1000.0);
                if let Some(w) = dict_get(doc, cid, b"W").and_then(|o| o.as_array().ok()) {
                    font.cid_widths = parse_w(doc, w);
                }
                descriptor = dict_get(doc, cid, b"FontDescriptor").and_then(|o| o.as_dict().ok());
                if font.cid_widths.is_empty() {
                    font.cid_widths = cid_program_widths(doc, cid, descriptor, max_stream);
                }
                if base.is_empty() {
                    let n = dict_get(doc, cid, b"BaseFont")
                        .and_then(name_of)
                        .unwrap_or_default();
                    let (b, i) = style_from_name(&String::from_utf8_lossy(&n));
                    font.bold |= b;
                    font.italic |= i;
                }
            } else {
                font.default_width = 1000.0;
            }
        } else {
            descriptor = dict_get(doc, dict, b"FontDescriptor").and_then(|o| o.as_dict().ok());
            let missing = descriptor
                .and_then(|d| dict_get(doc, d, b"MissingWidth"))
                .and_then(num);
            let std_width = standard_width(&String::from_utf8_lossy(&base));
            font.default_width = missing.unwrap_or(std_width);
            font.simple = simple_encoding(doc, dict, descriptor, max_stream);
            font.widths = simple_widths(doc, dict, descriptor, &base, &font, max_stream);
            if subtype == b"Type3" {
                // Type3 widths are in glyph space: FontMatrix maps them to text space.
                let m = dict
                    .get(b"FontMatrix")
                    .map(|o| nums(doc, o))
                    .unwrap_or_default();
                let scale = m.first().map_or(1.0, |a| a * 1000.0);
                if scale.is_finite() && scale > 0.0 {
                    font.widths.iter_mut().for_each(|w| *w *= scale);
                    font.default_width *= scale;
                }
            }
        }
        if !font.composite {
            // One table for single-byte codes: ToUnicode first, then the encoding.
            for (c, slot) in font.simple.iter_mut().enumerate() {
                if let Some(t) = font.to_unicode.as_ref().and_then(|m| m.lookup(c as u32)) {
                    *slot = Some(t);
                }
            }
            font.simple.resize(256, None);
        }
        for slot in font.simple.iter_mut().flatten() {
            *slot = super::content::unligature(slot);
        }
        if let Some(d) = descriptor {
            let flags = dict_get(doc, d, b"Flags").and_then(num).unwrap_or(0.0) as u32;
            let weight = dict_get(doc, d, b"FontWeight").and_then(num).unwrap_or(0.0);
            let angle = dict_get(doc, d, b"ItalicAngle")
                .and_then(num)
                .unwrap_or(0.0);
            font.bold |= weight >= 600.0 || flags & (1 << 18) != 0;
            font.italic |= angle.abs() > 1.0 || flags & (1 << 6) != 0;
        }
        font
    }

    /// Splits a shown string into codes.
    pub fn codes(&self, bytes: &[u8], out: &mut Vec<Code>) {
        out.clear();
        if self.composite {
            let mut i = 0;
            while i < bytes.len() {
                let (code, n) = match &self.encoding_cmap {
                    Some(m) => m.next_code(&bytes[i..], 2),
                    None => {
                        if i + 1 < bytes.len() {
                            ((bytes[i] as u32) << 8 | bytes[i + 1] as u32, 2)
                        } else {
                            (bytes[i] as u32, 1)
                        }
                    }
                };
                i += n.max(1);
                let cid = self.encoding_cmap.as_ref().map_or(code, |m| m.cid(code));
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|m| m.lookup(code))
                    .map(|t| super::content::unligature(&t));
                let width = self
                    .cid_widths
                    .get(&cid)
                    .copied()
                    .unwrap_or(self.default_width);
                out.push(Code {
                    text,
                    width,
                    is_space_code: n == 1 && code == 32,
                });
            }
        } else {
            for &b in bytes {
                let text = self.simple.get(b as usize).cloned().flatten();
                let width = self
                    .widths
                    .get(b as usize)
                    .copied()
                    .unwrap_or(self.default_width);
                out.push(Code {
                    text,
                    width,
                    is_space_code: b == 32,
                });
            }
        }
    }
}

/// `/W` array of a CID font: `c [w1 w2 …]` and `cfirst clast w`.
fn parse_w(doc: &Document, w: &[Object]) -> HashMap<u32, f32> {
    let mut m = HashMap::new();
    let mut i = 0;
    while i < w.len() && m.len() < 1_000_000 {
        let Some(start) = deref(doc, &w[i]).and_then(num) else {
            break;
        };
        let start = start.max(0.0) as u32;
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(a)) => {
                for (k, o) in a.iter().enumerate() {
                    if let Some(v) = deref(doc, o).and_then(num) {
                        m.insert(start.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let end = num(o).unwrap_or(0.0).max(0.0) as u32;
                let v = w
                    .get(i + 2)
                    .and_then(|o| deref(doc, o))
                    .and_then(num)
                    .unwrap_or(0.0);
                for c in start..=end.min(start.saturating_add(65_535)) {
                    m.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
    m
}

/// Rough average width of a font known by name only, for codes no table gives a width.
fn standard_width(base: &str) -> f32 {
    if base.contains("Courier") {
        600.0
    } else {
        500.0
    }
}

mod core14 {
    include!("../../data/core14/widths.rs");
}

/// The standard-14 face a font name stands for: the 14 names themselves, with a subset tag
/// or not, and the names Acrobat takes as aliases of them (`Arial,Bold`, `TimesNewRoman`,
/// `CourierNew,Italic`, `Arial-BoldItalicMT`). Returns (widths, keyed by code).
fn core14_face(base: &str) -> Option<(&'static [(u32, u16)], bool)> {
    let name = base.split_once('+').map_or(base, |(_, r)| r);
    let key: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let family = if key.starts_with("courier") {
        "Courier"
    } else if key.starts_with("times") {
        "Times"
    } else if key.starts_with("helvetica") || key.starts_with("arial") {
        "Helvetica"
    } else if key == "symbol" {
        "Symbol"
    } else if key.starts_with("zapfdingbats") {
        "ZapfDingbats"
    } else {
        return None;
    };
    let (bold, italic) = style_from_name(name);
    let face = match (family, bold, italic) {
        ("Times", false, false) => "Times-Roman".to_string(),
        ("Times", true, false) => "Times-Bold".into(),
        ("Times", false, true) => "Times-Italic".into(),
        ("Times", true, true) => "Times-BoldItalic".into(),
        ("Symbol" | "ZapfDingbats", _, _) => family.into(),
        (f, b, i) => format!(
            "{f}{}",
            match (b, i) {
                (false, false) => "",
                (true, false) => "-Bold",
                (false, true) => "-Oblique",
                (true, true) => "-BoldOblique",
            }
        ),
    };
    core14::CORE14
        .iter()
        .find(|(n, _, _)| *n == face)
        .map(|&(_, t, sym)| (t, sym))
}

/// Width of a character (or code, for a symbolic face) in a standard-14 table.
fn core14_width(table: &[(u32, u16)], key: u32) -> Option<f32> {
    table
        .binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1 as f32)
}

/// Widths of a simple font's 256 codes. `/Widths` (from `/FirstChar`) when the file gives
/// them; a code it does not cover (no array, or a short one) takes its width from the
/// embedded TrueType program (`hmtx`), else from the standard-14 metrics when the font is
/// one of them (Adobe's AFM widths: a Helvetica "i" is 222, an "m" 833 — one average
/// width for all made text drift across cell borders), else `/MissingWidth`, else a guess.
fn simple_widths(
    doc: &Document,
    dict: &Dictionary,
    descriptor: Option<&Dictionary>,
    base: &[u8],
    font: &Font,
    max_stream: usize,
) -> Vec<f32> {
    let mut widths = vec![font.default_width; 256];
    let first = dict_get(doc, dict, b"FirstChar")
        .and_then(num)
        .unwrap_or(0.0)
        .max(0.0) as usize;
    let given = dict_get(doc, dict, b"Widths").and_then(|o| o.as_array().ok());
    let last = dict_get(doc, dict, b"LastChar")
        .and_then(num)
        .map_or(255, |l| l.clamp(0.0, 255.0) as usize);
    // The font program is decoded only when /Widths leaves codes out (it can be large).
    let complete = given.is_some_and(|w| first.saturating_add(w.len()) > last);
    let program = (!complete)
        .then_some(descriptor)
        .flatten()
        .and_then(|d| dict_get(doc, d, b"FontFile2"))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| stream_bytes(s, max_stream));
    let from_program = program.as_deref().and_then(sfnt::Metrics::parse);
    let symbolic = descriptor
        .and_then(|d| dict_get(doc, d, b"Flags"))
        .and_then(num)
        .is_some_and(|f| (f as u32) & 4 != 0);
    let text_of = |c: usize| -> Option<char> {
        let t = font.simple.get(c)?.as_ref()?;
        let mut it = t.chars();
        let ch = it.next()?;
        it.next().is_none().then_some(ch)
    };
    if let Some(m) = &from_program {
        for (c, slot) in widths.iter_mut().enumerate() {
            if let Some(w) = m.simple_width(c as u8, text_of(c), symbolic) {
                *slot = w;
            }
        }
    } else if let Some((table, by_code)) = (!complete)
        .then(|| core14_face(&String::from_utf8_lossy(base)))
        .flatten()
    {
        for (c, slot) in widths.iter_mut().enumerate() {
            let key = if by_code {
                Some(c as u32)
            } else {
                text_of(c).map(u32::from)
            };
            if let Some(w) = key.and_then(|k| core14_width(table, k)) {
                *slot = w;
            }
        }
    }
    if let Some(w) = given {
        for (k, o) in w.iter().enumerate() {
            if let (Some(slot), Some(v)) = (
                widths.get_mut(first.saturating_add(k)),
                deref(doc, o).and_then(num),
            ) {
                *slot = v;
            }
        }
    }
    widths
}

/// Widths of a CID font that gives no `/W`: the embedded TrueType program's `hmtx`, glyph
/// ids from `/CIDToGIDMap` (Identity when absent or a name, else a stream of 2-byte ids).
fn cid_program_widths(
    doc: &Document,
    cid_font: &Dictionary,
    descriptor: Option<&Dictionary>,
    max_stream: usize,
) -> HashMap<u32, f32> {
    let mut out = HashMap::new();
    let program = descriptor
        .and_then(|d| dict_get(doc, d, b"FontFile2"))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| stream_bytes(s, max_stream));
    let Some(m) = program.as_deref().and_then(sfnt::Metrics::parse) else {
        return out;
    };
    let map = dict_get(doc, cid_font, b"CIDToGIDMap")
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| stream_bytes(s, max_stream));
    match map {
        Some(bytes) => {
            for (cid, pair) in bytes.chunks_exact(2).enumerate().take(65_536) {
                let gid = u16::from_be_bytes([pair[0], pair[1]]);
                if let Some(w) = m.advance(gid) {
                    out.insert(cid as u32, w);
                }
            }
        }
        None => {
            for gid in 0..m.glyphs().min(65_536) {
                if let Some(w) = m.advance(gid as u16) {
                    out.insert(gid as u32, w);
                }
            }
        }
    }
    out
}

/// A small reader of the TrueType tables that give advance widths: `head` (units per em),
/// `hhea` (how many long metrics), `hmtx` (advances) and `cmap` (code → glyph id; formats 0,
/// 4, 6 and 12). Every read is bounds-checked: a broken table reads as absent.
mod sfnt {
    fn u16_at(b: &[u8], o: usize) -> Option<u16> {
        Some(u16::from_be_bytes([*b.get(o)?, *b.get(o + 1)?]))
    }
    fn u32_at(b: &[u8], o: usize) -> Option<u32> {
        Some(u32::from_be_bytes([
            *b.get(o)?,
            *b.get(o + 1)?,
            *b.get(o + 2)?,
            *b.get(o + 3)?,
        ]))
    }

    pub struct Metrics<'a> {
        hmtx: &'a [u8],
        long: usize,
        units: f32,
        /// cmap subtables: (platform, encoding, bytes).
        cmaps: Vec<(u16, u16, &'a [u8])>,
    }

    fn table<'a>(b: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
        let n = u16_at(b, 4)? as usize;
        (0..n.min(512)).find_map(|i| {
            let rec = 12 + 16 * i;
            if b.get(rec..rec + 4)? != tag {
                return None;
            }
            let off = u32_at(b, rec + 8)? as usize;
            let len = u32_at(b, rec + 12)? as usize;
            b.get(off..off.checked_add(len)?)
        })
    }

    impl<'a> Metrics<'a> {
        pub fn parse(b: &'a [u8]) -> Option<Metrics<'a>> {
            let head = table(b, b"head")?;
            let hhea = table(b, b"hhea")?;
            let hmtx = table(b, b"hmtx")?;
            let units = u16_at(head, 18)? as f32;
            let long = u16_at(hhea, 34)? as usize;
            if !(16.0..=16384.0).contains(&units) || long == 0 {
                return None;
            }
            let mut cmaps = Vec::new();
            if let Some(cmap) = table(b, b"cmap") {
                let n = u16_at(cmap, 2).unwrap_or(0) as usize;
                for i in 0..n.min(64) {
                    let rec = 4 + 8 * i;
                    let (Some(p), Some(e), Some(off)) = (
                        u16_at(cmap, rec),
                        u16_at(cmap, rec + 2),
                        u32_at(cmap, rec + 4),
                    ) else {
                        break;
                    };
                    if let Some(sub) = cmap.get(off as usize..) {
                        cmaps.push((p, e, sub));
                    }
                }
            }
            Some(Metrics {
                hmtx,
                long,
                units,
                cmaps,
            })
        }

        /// Glyphs with a metric of their own (the last advance repeats after them).
        pub fn glyphs(&self) -> usize {
            self.long.min(self.hmtx.len() / 4)
        }

        /// Advance of a glyph in thousandths of an em.
        pub fn advance(&self, gid: u16) -> Option<f32> {
            let k = (gid as usize).min(self.long - 1);
            let adv = u16_at(self.hmtx, 4 * k)?;
            Some(adv as f32 * 1000.0 / self.units)
        }

        /// Width of a code of a simple TrueType font: a symbolic font maps its codes through
        /// the (3,0) subtable (at 0xF000 + code or at the code) or the (1,0) one; a
        /// non-symbolic font maps the code's character through (3,1), then the code through
        /// (1,0).
        pub fn simple_width(&self, code: u8, ch: Option<char>, symbolic: bool) -> Option<f32> {
            let code = code as u32;
            let gid = if symbolic {
                self.lookup(3, 0, 0xF000 + code)
                    .or_else(|| self.lookup(3, 0, code))
                    .or_else(|| self.lookup(1, 0, code))
            } else {
                ch.and_then(|c| self.lookup(3, 1, c as u32))
                    .or_else(|| self.lookup(1, 0, code))
            }?;
            (gid != 0).then(|| self.advance(gid)).flatten()
        }

        fn lookup(&self, platform: u16, encoding: u16, c: u32) -> Option<u16> {
            self.cmaps
                .iter()
                .filter(|(p, e, _)| *p == platform && *e == encoding)
                .find_map(|(_, _, sub)| lookup_sub(sub, c).filter(|&g| g != 0))
        }
    }

    fn lookup_sub(s: &[u8], c: u32) -> Option<u16> {
        match u16_at(s, 0)? {
            0 => (c < 256).then(|| s.get(6 + c as usize).map(|&g| g as u16))?,
            6 => {
                let first = u16_at(s, 6)? as u32;
                let count = u16_at(s, 8)? as u32;
                (c >= first && c < first + count)
                    .then(|| u16_at(s, 10 + 2 * (c - first) as usize))?
            }
            4 => {
                let segs = u16_at(s, 6)? as usize / 2;
                let ends = 14;
                let starts = ends + 2 * segs + 2;
                let deltas = starts + 2 * segs;
                let ranges = deltas + 2 * segs;
                // Segments are sorted by end code: the first whose end is >= c.
                let (mut lo, mut hi) = (0, segs);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if (u16_at(s, ends + 2 * mid)? as u32) < c {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let i = lo;
                if i >= segs {
                    return None;
                }
                let start = u16_at(s, starts + 2 * i)? as u32;
                if c < start {
                    return None;
                }
                let delta = u16_at(s, deltas + 2 * i)?;
                let range = u16_at(s, ranges + 2 * i)? as usize;
                if range == 0 {
                    return Some((c as u16).wrapping_add(delta));
                }
                let at = ranges + 2 * i + range + 2 * (c - start) as usize;
                let g = u16_at(s, at)?;
                (g != 0).then_some(g.wrapping_add(delta))
            }
            12 => {
                let n = u32_at(s, 12)? as usize;
                let (mut lo, mut hi) = (0, n.min(s.len() / 12));
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    let rec = 16 + 12 * mid;
                    let (a, b) = (u32_at(s, rec)?, u32_at(s, rec + 4)?);
                    if c < a {
                        hi = mid;
                    } else if c > b {
                        lo = mid + 1;
                    } else {
                        let g = u32_at(s, rec + 8)?.checked_add(c - a)?;
                        return u16::try_from(g).ok();
                    }
                }
                None
            }
            _ => None,
        }
    }
}

fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    descriptor: Option<&Dictionary>,
    max: usize,
) -> Vec<Option<Rc<str>>> {
    let symbolic = descriptor
        .and_then(|d| dict_get(doc, d, b"Flags"))
        .and_then(num)
        .map(|f| (f as u32) & 4 != 0)
        .unwrap_or(false);
    let mut v: Vec<Option<Rc<str>>> = vec![None; 256];
    let has_encoding = dict.has(b"Encoding");
    // lopdf knows the base encodings and the Adobe Glyph List; it is asked about a font
    // dictionary holding only the encoding, so that it never answers from ToUnicode.
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    match dict.get(b"Encoding") {
        Ok(e) => probe.set("Encoding", e.clone()),
        Err(_) if !symbolic => probe.set("Encoding", Object::Name(b"StandardEncoding".to_vec())),
        Err(_) => {}
    }
    if probe.has(b"Encoding") {
        if let Ok(enc) = probe.get_font_encoding_with_limit(doc, max) {
            for (c, slot) in v.iter_mut().enumerate() {
                if let Ok(s) = enc.bytes_to_string(&[c as u8]) {
                    if !s.is_empty() && !s.contains('\u{FFFD}') {
                        *slot = Some(s.into());
                    }
                }
            }
        }
    }
    // Glyph names lopdf does not know (uniXXXX, uXXXX).
    if let Some(diffs) = dict_get(doc, dict, b"Encoding")
        .and_then(|e| e.as_dict().ok())
        .and_then(|d| dict_get(doc, d, b"Differences"))
        .and_then(|o| o.as_array().ok())
    {
        let mut code = 0usize;
        for o in diffs {
            match deref(doc, o) {
                Some(Object::Integer(c)) => code = (*c).clamp(0, 255) as usize,
                Some(Object::Name(n)) => {
                    if let Some(slot) = v.get_mut(code) {
                        if slot.is_none() {
                            *slot = glyph_name_to_unicode(n).map(Rc::from);
                        }
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    if symbolic && !has_encoding {
        // Symbolic TrueType without an encoding: codes are often Latin-1 already.
        for (c, slot) in v.iter_mut().enumerate() {
            if slot.is_none() && c >= 32 {
                *slot = char::from_u32(c as u32)
                    .filter(|c| !c.is_control())
                    .map(|c| Rc::from(c.to_string()));
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_unicode(b"A").as_deref(), Some("A"));
        assert_eq!(glyph_name_to_unicode(b"uni1EA1.alt").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_to_unicode(b"uni1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_to_unicode(b"u1EA1").as_deref(), Some("ạ"));
        assert_eq!(glyph_name_to_unicode(b"Dcroat").as_deref(), Some("Đ"));
        assert_eq!(glyph_name_to_unicode(b"space").as_deref(), Some(" "));
    }

    #[test]
    fn standard_fonts_and_their_aliases() {
        let w = |base: &str, c: char| {
            let (t, by_code) = core14_face(base).unwrap();
            assert!(!by_code);
            core14_width(t, c as u32).unwrap()
        };
        assert_eq!(w("Helvetica", 'i'), 222.0);
        assert_eq!(w("Helvetica", 'm'), 833.0);
        assert_eq!(w("Arial,Bold", 'i'), 278.0);
        assert_eq!(w("ABCDEF+Arial-BoldItalicMT", 'i'), 278.0);
        assert_eq!(w("TimesNewRoman", 'a'), 444.0);
        assert_eq!(w("Times-Bold", 'a'), 500.0);
        assert_eq!(w("CourierNew,Italic", 'i'), 600.0);
        assert_eq!(w("Times-Roman", 'é'), 444.0);
        assert!(core14_face("Symbol").unwrap().1);
        assert!(core14_face("LiberationSerif").is_none());
        // A broken font program reads as absent, never a panic.
        assert!(sfnt::Metrics::parse(b"\0\x01\0\0\0\x03").is_none());
        assert!(sfnt::Metrics::parse(&[0xff; 64]).is_none());
    }

    /// A TrueType program of three glyphs (.notdef, "A", "i") whose `cmap` is a (3,1)
    /// format 4 subtable and a (1,0) format 0 one, at 2048 units per em.
    fn tiny_truetype() -> Vec<u8> {
        let be16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_be_bytes());
        // cmap: two encoding records, then format 4 and format 0.
        let mut f4 = Vec::new();
        let segs: [(u16, u16, u16); 3] = [(0x41, 0x41, 1), (0x69, 0x69, 2), (0xFFFF, 0xFFFF, 0)];
        be16(&mut f4, 4);
        be16(&mut f4, (16 + 8 * segs.len()) as u16);
        be16(&mut f4, 0);
        be16(&mut f4, 2 * segs.len() as u16);
        for x in [4u16, 1, 2] {
            be16(&mut f4, x);
        }
        segs.iter().for_each(|s| be16(&mut f4, s.1));
        be16(&mut f4, 0);
        segs.iter().for_each(|s| be16(&mut f4, s.0));
        segs.iter()
            .for_each(|s| be16(&mut f4, if s.2 == 0 { 1 } else { s.2.wrapping_sub(s.0) }));
        segs.iter().for_each(|_| be16(&mut f4, 0));
        let mut f0 = Vec::new();
        be16(&mut f0, 0);
        be16(&mut f0, 262);
        be16(&mut f0, 0);
        let mut ids = [0u8; 256];
        ids[0x41] = 1;
        ids[0x69] = 2;
        f0.extend_from_slice(&ids);
        let mut cmap = Vec::new();
        be16(&mut cmap, 0);
        be16(&mut cmap, 2);
        for (p, e, off) in [(3u16, 1u16, 20u32), (1, 0, 20 + f4.len() as u32)] {
            be16(&mut cmap, p);
            be16(&mut cmap, e);
            cmap.extend_from_slice(&off.to_be_bytes());
        }
        cmap.extend_from_slice(&f4);
        cmap.extend_from_slice(&f0);
        let mut head = vec![0u8; 54];
        head[18..20].copy_from_slice(&2048u16.to_be_bytes());
        let mut hhea = vec![0u8; 36];
        hhea[34..36].copy_from_slice(&3u16.to_be_bytes());
        let mut hmtx = Vec::new();
        for adv in [1000u16, 1366, 455] {
            be16(&mut hmtx, adv);
            be16(&mut hmtx, 0);
        }
        let tables: [(&[u8; 4], Vec<u8>); 4] = [
            (b"cmap", cmap),
            (b"head", head),
            (b"hhea", hhea),
            (b"hmtx", hmtx),
        ];
        let mut out = vec![0, 1, 0, 0];
        be16(&mut out, tables.len() as u16);
        out.extend_from_slice(&[0; 6]);
        let mut offset = 12 + 16 * tables.len();
        let mut body = Vec::new();
        for (tag, t) in &tables {
            out.extend_from_slice(*tag);
            out.extend_from_slice(&[0; 4]);
            out.extend_from_slice(&(offset as u32).to_be_bytes());
            out.extend_from_slice(&(t.len() as u32).to_be_bytes());
            body.extend_from_slice(t);
            offset += t.len();
        }
        out.extend_from_slice(&body);
        out
    }

    #[test]
    fn truetype_widths_from_hmtx() {
        let font = tiny_truetype();
        let m = sfnt::Metrics::parse(&font).unwrap();
        let w = |code: u8, ch: Option<char>, sym: bool| m.simple_width(code, ch, sym);
        assert_eq!(w(b'A', Some('A'), false), Some(1366.0 * 1000.0 / 2048.0));
        assert_eq!(w(b'i', Some('i'), false), Some(455.0 * 1000.0 / 2048.0));
        // A character the (3,1) table lacks falls back to the code through (1,0); a glyph
        // the font lacks has no width.
        assert_eq!(w(b'i', Some('ı'), false), Some(455.0 * 1000.0 / 2048.0));
        assert_eq!(w(b'z', Some('z'), false), None);
        // Symbolic: the code through (3,0) (absent here), then (1,0).
        assert_eq!(w(b'A', None, true), Some(1366.0 * 1000.0 / 2048.0));
        assert_eq!(m.advance(7), Some(455.0 * 1000.0 / 2048.0));
        // Every cut of the program reads as absent or as widths, never a panic.
        for n in 0..font.len() {
            if let Some(m) = sfnt::Metrics::parse(&font[..n]) {
                let _ = m.simple_width(b'A', Some('A'), false);
            }
        }
    }

    #[test]
    fn style() {
        assert_eq!(
            style_from_name("BAAAAA+LiberationSerif-Bold"),
            (true, false)
        );
        assert_eq!(
            style_from_name("DAAAAA+LiberationSerif-Italic"),
            (false, true)
        );
        assert_eq!(
            style_from_name("TimesNewRomanPS-BoldItalicMT"),
            (true, true)
        );
        assert_eq!(style_from_name("ABCDEF+Arial"), (false, false));
    }
}
