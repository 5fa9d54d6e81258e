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
            font.widths = vec![font.default_width; 256];
            let first = dict_get(doc, dict, b"FirstChar")
                .and_then(num)
                .unwrap_or(0.0)
                .max(0.0) as usize;
            if let Some(w) = dict_get(doc, dict, b"Widths").and_then(|o| o.as_array().ok()) {
                for (k, o) in w.iter().enumerate() {
                    if let (Some(slot), Some(v)) = (
                        font.widths.get_mut(first.saturating_add(k)),
                        deref(doc, o).and_then(num),
                    ) {
                        *slot = v;
                    }
                }
            }
            font.simple = simple_encoding(doc, dict, descriptor, max_stream);
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

/// Rough average width of the standard 14 fonts, for files that omit `/Widths`.
fn standard_width(base: &str) -> f32 {
    if base.contains("Courier") {
        600.0
    } else {
        500.0
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
