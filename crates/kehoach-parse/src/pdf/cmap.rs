//! CMaps: `ToUnicode` (bfchar, bfrange in both forms) and embedded encoding CMaps
//! (codespacerange, cidchar, cidrange). A small tokenizer, no PostScript interpreter.

use std::collections::HashMap;
use std::rc::Rc;

/// Ranges larger than this are kept as ranges instead of being expanded into the map.
const EXPAND_LIMIT: u32 = 256;
/// Once the map holds this many codes, further ranges are kept as ranges (a hostile CMap
/// with a million small ranges must not expand into a billion entries).
const MAX_EXPANDED: usize = 1 << 20;

#[derive(Debug, Clone, Default)]
pub struct CMap {
    /// (low, high, number of bytes) of each codespace range.
    pub codespace: Vec<(u32, u32, u8)>,
    /// code -> Unicode text (ToUnicode).
    chars: HashMap<u32, Rc<str>>,
    /// Large bfranges: (low, high, first destination as UTF-16 units).
    ranges: Vec<(u32, u32, Vec<u16>)>,
    /// code -> CID (encoding CMaps).
    cids: HashMap<u32, u32>,
    cid_ranges: Vec<(u32, u32, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Int(i64),
    Name(Vec<u8>),
    Word(Vec<u8>),
    ArrOpen,
    ArrClose,
}

fn tokenize(data: &[u8], max_tokens: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() && out.len() < max_tokens {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += 1;
                let mut nib = Vec::new();
                while i < data.len() && data[i] != b'>' {
                    if let Some(v) = (data[i] as char).to_digit(16) {
                        nib.push(v as u8);
                    }
                    i += 1;
                }
                i += 1;
                if nib.len() % 2 == 1 {
                    nib.push(0);
                }
                out.push(Tok::Hex(nib.chunks(2).map(|p| p[0] << 4 | p[1]).collect()));
            }
            b'[' => {
                out.push(Tok::ArrOpen);
                i += 1;
            }
            b']' => {
                out.push(Tok::ArrClose);
                i += 1;
            }
            b'(' => {
                // Literal strings appear in headers only (/Registry (Adobe)); skip them.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'/' => {
                let s = i + 1;
                i += 1;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                out.push(Tok::Name(data[s..i].to_vec()));
            }
            _ if is_space(c) => i += 1,
            _ => {
                let s = i;
                while i < data.len() && !is_delim(data[i]) {
                    i += 1;
                }
                if s == i {
                    i += 1;
                    continue;
                }
                let w = &data[s..i];
                match std::str::from_utf8(w)
                    .ok()
                    .and_then(|t| t.parse::<i64>().ok())
                {
                    Some(n) => out.push(Tok::Int(n)),
                    None => out.push(Tok::Word(w.to_vec())),
                }
            }
        }
    }
    out
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(c: u8) -> bool {
    is_space(c)
        || matches!(
            c,
            b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'/' | b'%' | b'{' | b'}'
        )
}

fn be(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |a, &b| a << 8 | b as u32)
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| {
            if c.len() == 2 {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                c[0] as u16
            }
        })
        .collect()
}

fn units_to_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

impl CMap {
    /// Parses a CMap stream; never fails, unknown content is skipped. At most `max_tokens`
    /// tokens are read.
    pub fn parse(data: &[u8], max_tokens: usize) -> CMap {
        let toks = tokenize(data, max_tokens);
        let mut m = CMap::default();
        let mut i = 0;
        while i < toks.len() {
            let Tok::Word(w) = &toks[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match w.as_slice() {
                b"begincodespacerange" => {
                    while let (Some(Tok::Hex(a)), Some(Tok::Hex(b))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        m.codespace.push((be(a), be(b), a.len().clamp(1, 4) as u8));
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Tok::Hex(a)), Some(dst)) = (toks.get(i), toks.get(i + 1)) {
                        match dst {
                            Tok::Hex(d) => {
                                m.chars
                                    .insert(be(a), units_to_string(&utf16_units(d)).into());
                            }
                            Tok::Name(n) => {
                                if let Some(s) = super::fonts::glyph_name_to_unicode(n) {
                                    m.chars.insert(be(a), s.into());
                                }
                            }
                            _ => break,
                        }
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Tok::Hex(a)), Some(Tok::Hex(b))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        let (lo, hi) = (be(a), be(b));
                        i += 2;
                        match toks.get(i) {
                            Some(Tok::Hex(d)) => {
                                let units = utf16_units(d);
                                if hi >= lo
                                    && hi - lo < EXPAND_LIMIT
                                    && m.chars.len() < MAX_EXPANDED
                                {
                                    for k in 0..=(hi - lo) {
                                        m.chars.insert(
                                            lo + k,
                                            units_to_string(&bump(&units, k)).into(),
                                        );
                                    }
                                } else if hi >= lo {
                                    m.ranges.push((lo, hi, units));
                                }
                                i += 1;
                            }
                            Some(Tok::ArrOpen) => {
                                i += 1;
                                let mut k = 0;
                                while let Some(Tok::Hex(d)) = toks.get(i) {
                                    if k > hi.saturating_sub(lo) {
                                        // More destinations than codes in the range.
                                        i += 1;
                                        continue;
                                    }
                                    m.chars.insert(
                                        lo.wrapping_add(k),
                                        units_to_string(&utf16_units(d)).into(),
                                    );
                                    k += 1;
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Tok::ArrClose) {
                                    i += 1;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                b"begincidchar" => {
                    while let (Some(Tok::Hex(a)), Some(Tok::Int(c))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        m.cids.insert(be(a), (*c).max(0) as u32);
                        i += 2;
                    }
                }
                b"begincidrange" => {
                    while let (Some(Tok::Hex(a)), Some(Tok::Hex(b)), Some(Tok::Int(c))) =
                        (toks.get(i), toks.get(i + 1), toks.get(i + 2))
                    {
                        m.cid_ranges.push((be(a), be(b), (*c).max(0) as u32));
                        i += 3;
                    }
                }
                _ => {}
            }
        }
        m.ranges.sort_by_key(|r| r.0);
        m.cid_ranges.sort_by_key(|r| r.0);
        m
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// Unicode text for a code, if the CMap maps it.
    pub fn lookup(&self, code: u32) -> Option<Rc<str>> {
        if let Some(s) = self.chars.get(&code) {
            return Some(s.clone());
        }
        // Ranges are sorted by their start; the one that can hold `code` starts at or before it.
        let k = self.ranges.partition_point(|r| r.0 <= code);
        let (lo, hi, d) = self.ranges.get(k.checked_sub(1)?)?;
        (code <= *hi).then(|| units_to_string(&bump(d, code - lo)).into())
    }

    /// CID for a code (encoding CMaps); identity when unmapped.
    pub fn cid(&self, code: u32) -> u32 {
        if let Some(c) = self.cids.get(&code) {
            return *c;
        }
        let k = self.cid_ranges.partition_point(|r| r.0 <= code);
        match k.checked_sub(1).and_then(|k| self.cid_ranges.get(k)) {
            Some((lo, hi, start)) if code <= *hi => start.saturating_add(code - lo),
            _ => code,
        }
    }

    /// Splits the next code off `bytes` by the codespace ranges; (code, length in bytes).
    /// Without codespace ranges codes are `default_len` bytes long.
    pub fn next_code(&self, bytes: &[u8], default_len: usize) -> (u32, usize) {
        if !self.codespace.is_empty() {
            for n in 1..=4usize {
                if bytes.len() < n {
                    break;
                }
                let code = be(&bytes[..n]);
                if self
                    .codespace
                    .iter()
                    .any(|&(lo, hi, len)| len as usize == n && lo <= code && code <= hi)
                {
                    return (code, n);
                }
            }
        }
        let n = default_len.clamp(1, 4).min(bytes.len()).max(1);
        (be(&bytes[..n.min(bytes.len())]), n)
    }
}

/// Adds `k` to the last UTF-16 unit of a bfrange destination.
fn bump(units: &[u16], k: u32) -> Vec<u16> {
    let mut u = units.to_vec();
    if let Some(last) = u.last_mut() {
        *last = last.wrapping_add(k as u16);
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_both_bfrange_forms() {
        let src = b"1 begincodespacerange <00> <FF> endcodespacerange\n\
            2 beginbfchar <01> <0041> <02> <1EA1> endbfchar\n\
            2 beginbfrange <10> <12> <0061> <20> <21> [<00E0> <0110>] endbfrange";
        let m = CMap::parse(src, 10_000);
        assert_eq!(m.lookup(1).as_deref(), Some("A"));
        assert_eq!(m.lookup(2).as_deref(), Some("ạ"));
        assert_eq!(m.lookup(0x11).as_deref(), Some("b"));
        assert_eq!(m.lookup(0x21).as_deref(), Some("Đ"));
        assert_eq!(m.lookup(0x30), None);
        assert_eq!(m.next_code(&[0x41, 0x42], 2), (0x41, 1));
    }

    #[test]
    fn large_range_and_surrogates() {
        let m = CMap::parse(b"1 beginbfrange <0000> <FFFF> <0000> endbfrange 1 beginbfchar <0003> <D835DC00> endbfchar", 100);
        assert_eq!(m.lookup(0x1EA1).as_deref(), Some("ạ"));
        assert_eq!(m.lookup(3).as_deref(), Some("𝐀"));
    }
}
