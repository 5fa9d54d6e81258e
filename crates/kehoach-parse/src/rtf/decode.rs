//! Text decoding: which 8-bit code page a `\'hh` byte is in, and the font table that says
//! so per font.
//!
//! Rules (the RTF specification's, as Word and LibreOffice write it):
//! * the document's code page is `\ansicpgN` (Vietnamese Word writes `\ansicpg1258`); without
//!   it, ANSI means Windows-1252;
//! * a font's bytes are in its `\cpgN` code page if given, else in the code page of its
//!   `\fcharsetN` (163 Vietnamese → 1258, 0 and 1 ANSI/default → the document's, 204 → 1251,
//!   238 → 1250, 128 → Shift_JIS …);
//! * a font named for a legacy Vietnamese encoding (".VnTime", "VNI-Times") addresses its
//!   glyphs as Western characters: its bytes are read as Windows-1252 whatever the document
//!   says, and the text is converted by [`crate::legacy`] the way the .docx reader does;
//! * `\uN` is a signed 16-bit UTF-16 unit (negative values count from 65536; pairs of
//!   surrogates make one character); it is followed by `\ucN` fallback characters (1 unless
//!   set) that a Unicode reader skips.

use encoding_rs::Encoding;
use kehoach_text::LegacyEncoding;

/// The encoding of a Windows code page number, where encoding_rs knows it.
pub fn codepage(cp: i64) -> Option<&'static Encoding> {
    use encoding_rs::*;
    Some(match cp {
        874 => WINDOWS_874,
        932 => SHIFT_JIS,
        936 => GBK,
        949 => EUC_KR,
        950 => BIG5,
        866 => IBM866,
        1250 => WINDOWS_1250,
        1251 => WINDOWS_1251,
        1252 => WINDOWS_1252,
        1253 => WINDOWS_1253,
        1254 => WINDOWS_1254,
        1255 => WINDOWS_1255,
        1256 => WINDOWS_1256,
        1257 => WINDOWS_1257,
        1258 => WINDOWS_1258,
        10000 => MACINTOSH,
        20866 => KOI8_R,
        28591 | 28592 | 28595 | 28605 => match cp {
            28591 => WINDOWS_1252,
            28592 => ISO_8859_2,
            28595 => ISO_8859_5,
            _ => ISO_8859_15,
        },
        65001 => UTF_8,
        _ => return None,
    })
}

/// The code page of a font character set (`\fcharsetN`); `None` for ANSI and default, which
/// follow the document's code page.
pub fn charset_codepage(charset: i64) -> Option<i64> {
    Some(match charset {
        0 | 1 => return None,
        2 => 1252, // Symbol: no text of ours is in it; read the bytes as they are
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// One font of the font table, as far as reading text needs it.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub encoding: &'static Encoding,
    /// The legacy Vietnamese encoding the font's name implies, and whether it is a capitals
    /// font (".VnTimeH").
    pub legacy: Option<(LegacyEncoding, bool)>,
}

/// A font table entry being read.
#[derive(Debug, Default)]
pub struct FontEntry {
    pub id: Option<i64>,
    pub charset: Option<i64>,
    pub cpg: Option<i64>,
    pub name: Vec<u8>,
}

impl FontEntry {
    /// The font this entry describes in a document whose code page is `doc`.
    pub fn font(&self, doc: &'static Encoding) -> Font {
        let name = String::from_utf8_lossy(&self.name);
        let legacy = kehoach_text::encoding_of_font(name.trim());
        let encoding = if legacy.is_some() {
            encoding_rs::WINDOWS_1252
        } else {
            self.cpg
                .and_then(codepage)
                .or_else(|| self.charset.and_then(charset_codepage).and_then(codepage))
                .unwrap_or(doc)
        };
        Font { encoding, legacy }
    }
}

/// Joins UTF-16 units from `\uN` escapes into characters: a high surrogate waits for its
/// low one; a lone surrogate reads as U+FFFD.
#[derive(Debug, Default)]
pub struct Utf16 {
    high: Option<u16>,
}

impl Utf16 {
    /// Feeds one unit; returns up to two characters to emit.
    pub fn push(&mut self, unit: u16) -> [Option<char>; 2] {
        let pending = self.high.take();
        match unit {
            0xD800..=0xDBFF => {
                self.high = Some(unit);
                [pending.map(|_| '\u{FFFD}'), None]
            }
            0xDC00..=0xDFFF => match pending {
                Some(h) => {
                    let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    [char::from_u32(c), None]
                }
                None => [Some('\u{FFFD}'), None],
            },
            _ => [pending.map(|_| '\u{FFFD}'), char::from_u32(u32::from(unit))],
        }
    }

    /// Anything other than a `\uN` came: a waiting high surrogate is lone.
    pub fn flush(&mut self) -> Option<char> {
        self.high.take().map(|_| '\u{FFFD}')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_take_their_code_page() {
        let doc = encoding_rs::WINDOWS_1258;
        let f = |charset, name: &str| {
            FontEntry {
                id: Some(0),
                charset,
                cpg: None,
                name: name.as_bytes().to_vec(),
            }
            .font(doc)
        };
        assert_eq!(f(Some(0), "Times New Roman").encoding, doc);
        assert_eq!(
            f(Some(204), "Times New Roman Cyr").encoding,
            encoding_rs::WINDOWS_1251
        );
        assert_eq!(f(Some(163), "Arial").encoding, encoding_rs::WINDOWS_1258);
        let vn = f(Some(0), ".VnTime");
        assert_eq!(vn.encoding, encoding_rs::WINDOWS_1252);
        assert!(vn.legacy.is_some());
        assert!(f(None, "VNI-Times").legacy.is_some());
    }

    #[test]
    fn surrogates_pair_or_read_as_replacement() {
        let mut u = Utf16::default();
        assert_eq!(u.push(0xD83D), [None, None]);
        assert_eq!(u.push(0xDE00), [Some('😀'), None]);
        assert_eq!(u.push(0xDC00), [Some('\u{FFFD}'), None]);
        u.push(0xD800);
        assert_eq!(u.push(0x41), [Some('\u{FFFD}'), Some('A')]);
        u.push(0xD800);
        assert_eq!(u.flush(), Some('\u{FFFD}'));
    }
}
