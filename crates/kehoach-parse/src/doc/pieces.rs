//! The piece table ([MS-DOC] 2.9.38 Clx, 2.9.177 PlcPcd): which bytes of the WordDocument
//! stream hold each run of character positions (CPs), and how they are encoded.
//!
//! A piece is either UTF-16LE (two bytes a character) or "compressed": one byte a
//! character in Windows-1252, the only 8-bit code page the format allows there (Word
//! stores any character outside it, Vietnamese letters included, in UTF-16 pieces).
//! Text in a legacy Vietnamese font (TCVN3, VNI) is stored as the Latin-1 letters the font
//! draws, in either kind of piece, and is converted later by its font name.
//!
//! Every character comes out with its file position (FC), which is what the character and
//! paragraph property tables (FKPs) are indexed by.

use std::sync::OnceLock;

use crate::error::{ParseError, Result};
use crate::limits::{Limits, MAX_DOC_PIECES};

use super::sprm::{le_u16, le_u32};

#[derive(Debug, Clone, Copy)]
pub struct Piece {
    pub cp_start: u32,
    pub cp_end: u32,
    /// Byte offset of the piece's first character in the WordDocument stream.
    pub fc: u32,
    pub compressed: bool,
}

/// One character of the text, and the byte offset in the WordDocument stream it came from.
#[derive(Debug, Clone, Copy)]
pub struct Ch {
    pub c: char,
    pub fc: u32,
}

/// Reads the piece table from the CLX: skips the Prc entries (property modifiers of fast
/// saves) and reads the Pcdt.
pub fn parse_clx(clx: &[u8]) -> Result<Vec<Piece>> {
    let bad = |what: String| ParseError::corrupt(format!("the piece table (CLX) {what}"));
    let mut at = 0usize;
    loop {
        match clx.get(at) {
            Some(1) => {
                let cb = le_u16(clx, at + 1).ok_or_else(|| bad("is cut short".into()))?;
                at += 3 + cb as usize;
            }
            Some(2) => break,
            Some(x) => return Err(bad(format!("has an entry of unknown kind {x}"))),
            None => return Err(bad("has no piece descriptors (Pcdt)".into())),
        }
    }
    let lcb = le_u32(clx, at + 1).ok_or_else(|| bad("is cut short".into()))? as usize;
    let plc = at
        .checked_add(5)
        .and_then(|s| clx.get(s..s.checked_add(lcb)?))
        .ok_or_else(|| {
            bad(format!(
                "says its descriptors take {lcb} bytes, more than the {} bytes it has",
                clx.len().saturating_sub(at + 5)
            ))
        })?;
    if plc.len() < 16 || (plc.len() - 4) % 12 != 0 {
        return Err(bad(format!(
            "has a descriptor table of {} bytes, not 4 + 12n",
            plc.len()
        )));
    }
    let n = (plc.len() - 4) / 12;
    Limits::check(
        n as u64,
        MAX_DOC_PIECES,
        "the number of pieces in a .doc piece table",
        "no flag (a fixed ceiling; real documents have a few thousand at most)",
    )?;
    let mut pieces = Vec::with_capacity(n);
    let pcd_at = (n + 1) * 4;
    for i in 0..n {
        let cp_start = le_u32(plc, i * 4).unwrap_or(0);
        let cp_end = le_u32(plc, i * 4 + 4).unwrap_or(0);
        if cp_end < cp_start || pieces.last().is_some_and(|p: &Piece| p.cp_end > cp_start) {
            return Err(bad(format!(
                "has character positions out of order at piece {i}"
            )));
        }
        let raw = le_u32(plc, pcd_at + i * 8 + 2).unwrap_or(0);
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        pieces.push(Piece {
            cp_start,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(pieces)
}

fn cp1252() -> &'static [char; 256] {
    static T: OnceLock<[char; 256]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = ['\0'; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let b = [i as u8];
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&b);
            *slot = s.chars().next().unwrap_or('\u{FFFD}');
        }
        t
    })
}

/// The characters of CPs `0..ccp` (the main document), with their FCs.
///
/// The FIB's count is checked against the stream first: every character takes at least a
/// byte of the WordDocument stream, so a count larger than the stream is a size that lies
/// (and pieces that all point at the same bytes cannot multiply the text).
pub fn main_text(pieces: &[Piece], word: &[u8], ccp: u32, limits: &Limits) -> Result<Vec<Ch>> {
    if ccp as usize > word.len() {
        return Err(ParseError::corrupt(format!(
            "the Word file header says the text has {ccp} characters, more than the WordDocument stream's {} bytes can hold",
            word.len()
        )));
    }
    let table = cp1252();
    let mut out: Vec<Ch> = Vec::with_capacity(ccp as usize);
    for (i, p) in pieces.iter().enumerate() {
        if p.cp_start >= ccp {
            break;
        }
        if i % 256 == 255 {
            limits.check_time()?;
        }
        let n = (p.cp_end.min(ccp) - p.cp_start) as usize;
        let unit = if p.compressed { 1 } else { 2 };
        let start = p.fc as usize;
        let bytes = start
            .checked_add(n * unit)
            .and_then(|end| word.get(start..end))
            .ok_or_else(|| {
                ParseError::corrupt(format!(
                    "piece {i} of the text ({n} characters at byte {start}) runs past the end of the WordDocument stream ({} bytes)",
                    word.len()
                ))
            })?;
        if p.compressed {
            out.extend(bytes.iter().enumerate().map(|(k, &b)| Ch {
                c: table[b as usize],
                fc: p.fc + k as u32,
            }));
        } else {
            let mut k = 0;
            while k + 1 < bytes.len() {
                let u = u16::from_le_bytes([bytes[k], bytes[k + 1]]);
                let fc = p.fc + k as u32;
                k += 2;
                let c = match u {
                    0xD800..=0xDBFF => match le_u16(bytes, k) {
                        Some(lo @ 0xDC00..=0xDFFF) => {
                            k += 2;
                            let v = 0x10000 + (((u as u32) - 0xD800) << 10) + (lo as u32 - 0xDC00);
                            char::from_u32(v).unwrap_or('\u{FFFD}')
                        }
                        _ => '\u{FFFD}',
                    },
                    _ => char::from_u32(u as u32).unwrap_or('\u{FFFD}'),
                };
                out.push(Ch { c, fc });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clx(cps: &[u32], pcds: &[(u32, bool)]) -> Vec<u8> {
        let mut plc = Vec::new();
        for cp in cps {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        for &(fc, comp) in pcds {
            plc.extend_from_slice(&[0, 0]);
            let v = if comp { (fc * 2) | 0x4000_0000 } else { fc };
            plc.extend_from_slice(&v.to_le_bytes());
            plc.extend_from_slice(&[0, 0]);
        }
        let mut out = vec![1, 2, 0, 0x35, 0x08, 2];
        out.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        out.extend_from_slice(&plc);
        out
    }

    #[test]
    fn compressed_and_unicode_pieces() {
        let mut word = b"Ha Tinh \x93".to_vec();
        word.extend("Hà Tĩnh".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let c = clx(&[0, 9, 16], &[(0, true), (9, false)]);
        let pieces = parse_clx(&c).unwrap();
        assert_eq!(pieces.len(), 2);
        let t = main_text(&pieces, &word, 16, &Limits::default()).unwrap();
        let s: String = t.iter().map(|c| c.c).collect();
        assert_eq!(s, "Ha Tinh \u{201C}Hà Tĩnh");
        assert_eq!(t[9].fc, 9);
        assert_eq!(t[10].fc, 11);
    }

    #[test]
    fn lies_are_errors() {
        let c = clx(&[0, 100], &[(0, true)]);
        let pieces = parse_clx(&c).unwrap();
        let e = main_text(&pieces, &[0u8; 50], 100, &Limits::default()).unwrap_err();
        assert!(
            e.to_string().contains("more than the WordDocument stream"),
            "{e}"
        );
        let e = main_text(&pieces, &[0u8; 150], 100, &Limits::default()).is_ok();
        assert!(e);
        let c = clx(&[0, 100], &[(120, true)]);
        let pieces = parse_clx(&c).unwrap();
        let e = main_text(&pieces, &[0u8; 150], 100, &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("runs past the end"), "{e}");
        let mut c = clx(&[0, 100], &[(0, true)]);
        c[6] = 0xFF;
        assert!(parse_clx(&c).is_err());
    }
}
