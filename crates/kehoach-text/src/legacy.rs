//! Legacy Vietnamese font encodings: TCVN3 (ABC, the `.VnTime` fonts) and VNI (`VNI-Times`).
//!
//! Documents typed before Unicode store Vietnamese in 8-bit fonts; Word keeps the bytes as
//! Latin-1 characters, so "Chương trình" arrives as "Ch­¬ng tr×nh". Readers decode a run when
//! its font names the encoding ([`encoding_of_font`]); text whose font is unknown is decoded
//! when it can only be legacy text ([`detect_legacy`]).
//!
//! * TCVN3 is TCVN 5712:1993 VN3: one byte per letter. The table below was generated from
//!   glibc's `TCVN5712-1` charmap (letters 0xA1–0xFE; the VN1-only combining tones and
//!   capital toned letters are not part of VN3). Capitals with tones come from a separate
//!   font (`.VnTimeH`) that draws the lower-case codes as capitals: pass `upper`.
//! * VNI writes a base letter followed by one or two mark characters ("Vieät" = "Việt").
//!
//! ```
//! use kehoach_text::{decode_legacy, LegacyEncoding};
//! assert_eq!(decode_legacy("Ch\u{AD}\u{AC}ng tr\u{D7}nh", LegacyEncoding::Tcvn3, false), "Chương trình");
//! assert_eq!(decode_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", LegacyEncoding::Vni, false),
//!            "Cộng hòa xã hội chủ nghĩa Việt Nam");
//! ```

use crate::clean;

/// A legacy 8-bit Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    Tcvn3,
    Vni,
}

/// TCVN3 (VN3) code → letter, from glibc's TCVN5712-1 charmap.
const TCVN3: &[(char, char)] = &[
    ('\u{00A1}', 'Ă'),
    ('\u{00A2}', 'Â'),
    ('\u{00A3}', 'Ê'),
    ('\u{00A4}', 'Ô'),
    ('\u{00A5}', 'Ơ'),
    ('\u{00A6}', 'Ư'),
    ('\u{00A7}', 'Đ'),
    ('\u{00A8}', 'ă'),
    ('\u{00A9}', 'â'),
    ('\u{00AA}', 'ê'),
    ('\u{00AB}', 'ô'),
    ('\u{00AC}', 'ơ'),
    ('\u{00AD}', 'ư'),
    ('\u{00AE}', 'đ'),
    ('\u{00B5}', 'à'),
    ('\u{00B6}', 'ả'),
    ('\u{00B7}', 'ã'),
    ('\u{00B8}', 'á'),
    ('\u{00B9}', 'ạ'),
    ('\u{00BB}', 'ằ'),
    ('\u{00BC}', 'ẳ'),
    ('\u{00BD}', 'ẵ'),
    ('\u{00BE}', 'ắ'),
    ('\u{00C6}', 'ặ'),
    ('\u{00C7}', 'ầ'),
    ('\u{00C8}', 'ẩ'),
    ('\u{00C9}', 'ẫ'),
    ('\u{00CA}', 'ấ'),
    ('\u{00CB}', 'ậ'),
    ('\u{00CC}', 'è'),
    ('\u{00CE}', 'ẻ'),
    ('\u{00CF}', 'ẽ'),
    ('\u{00D0}', 'é'),
    ('\u{00D1}', 'ẹ'),
    ('\u{00D2}', 'ề'),
    ('\u{00D3}', 'ể'),
    ('\u{00D4}', 'ễ'),
    ('\u{00D5}', 'ế'),
    ('\u{00D6}', 'ệ'),
    ('\u{00D7}', 'ì'),
    ('\u{00D8}', 'ỉ'),
    ('\u{00DC}', 'ĩ'),
    ('\u{00DD}', 'í'),
    ('\u{00DE}', 'ị'),
    ('\u{00DF}', 'ò'),
    ('\u{00E1}', 'ỏ'),
    ('\u{00E2}', 'õ'),
    ('\u{00E3}', 'ó'),
    ('\u{00E4}', 'ọ'),
    ('\u{00E5}', 'ồ'),
    ('\u{00E6}', 'ổ'),
    ('\u{00E7}', 'ỗ'),
    ('\u{00E8}', 'ố'),
    ('\u{00E9}', 'ộ'),
    ('\u{00EA}', 'ờ'),
    ('\u{00EB}', 'ở'),
    ('\u{00EC}', 'ỡ'),
    ('\u{00ED}', 'ớ'),
    ('\u{00EE}', 'ợ'),
    ('\u{00EF}', 'ù'),
    ('\u{00F1}', 'ủ'),
    ('\u{00F2}', 'ũ'),
    ('\u{00F3}', 'ú'),
    ('\u{00F4}', 'ụ'),
    ('\u{00F5}', 'ừ'),
    ('\u{00F6}', 'ử'),
    ('\u{00F7}', 'ữ'),
    ('\u{00F8}', 'ứ'),
    ('\u{00F9}', 'ự'),
    ('\u{00FA}', 'ỳ'),
    ('\u{00FB}', 'ỷ'),
    ('\u{00FC}', 'ỹ'),
    ('\u{00FD}', 'ý'),
    ('\u{00FE}', 'ỵ'),
];

/// The encoding a font name implies, and whether it is a capitals-only font (`.VnTimeH`).
///
/// ```
/// use kehoach_text::{encoding_of_font, LegacyEncoding};
/// assert_eq!(encoding_of_font(".VnTime"), Some((LegacyEncoding::Tcvn3, false)));
/// assert_eq!(encoding_of_font(".VnTimeH"), Some((LegacyEncoding::Tcvn3, true)));
/// assert_eq!(encoding_of_font("VNI-Times"), Some((LegacyEncoding::Vni, false)));
/// assert_eq!(encoding_of_font("Times New Roman"), None);
/// assert_eq!(encoding_of_font(".Vcơ"), None); // fuzz find: was a panic
/// ```
pub fn encoding_of_font(font: &str) -> Option<(LegacyEncoding, bool)> {
    let f = font.trim();
    if let Some(rest) = f.strip_prefix(".Vn").or_else(|| f.strip_prefix(".vn")) {
        let name = rest.trim_end_matches(|c: char| c.is_ascii_digit());
        return Some((LegacyEncoding::Tcvn3, name.ends_with('H')));
    }
    // Bytes, not `f[..4]`: a name like ".Vcơ" has no character boundary at 4.
    if f.as_bytes()
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"VNI-"))
    {
        return Some((LegacyEncoding::Vni, false));
    }
    None
}

/// TCVN3 codes U+00A1..=U+00FE as one lookup table, built from [`TCVN3`] at compile time.
const TCVN3_MAP: [char; 94] = {
    let mut m = ['\0'; 94];
    let mut i = 0;
    while i < TCVN3.len() {
        m[TCVN3[i].0 as usize - 0xA1] = TCVN3[i].1;
        i += 1;
    }
    m
};

fn tcvn3(c: char) -> Option<char> {
    let i = (c as u32).wrapping_sub(0xA1) as usize;
    TCVN3_MAP.get(i).copied().filter(|&v| v != '\0')
}

/// Decodes text stored in a legacy encoding. `upper` draws letters as capitals (TCVN3 "H"
/// fonts). Characters outside the encoding's letters pass through.
pub fn decode_legacy(s: &str, enc: LegacyEncoding, upper: bool) -> String {
    let out = match enc {
        LegacyEncoding::Tcvn3 => s.chars().map(|c| tcvn3(c).unwrap_or(c)).collect::<String>(),
        LegacyEncoding::Vni => decode_vni(s),
    };
    let out = if upper { out.to_uppercase() } else { out };
    clean(&out)
}

/// VNI mark characters and the combining marks they stand for, lower and upper case.
fn vni_marks(c: char) -> Option<&'static [char]> {
    Some(match c {
        'ù' | 'Ù' => &['\u{0301}'],
        'ø' | 'Ø' => &['\u{0300}'],
        'û' | 'Û' => &['\u{0309}'],
        'õ' | 'Õ' => &['\u{0303}'],
        'ï' | 'Ï' => &['\u{0323}'],
        'â' | 'Â' => &['\u{0302}'],
        'á' | 'Á' => &['\u{0302}', '\u{0301}'],
        'à' | 'À' => &['\u{0302}', '\u{0300}'],
        'å' | 'Å' => &['\u{0302}', '\u{0309}'],
        'ã' | 'Ã' => &['\u{0302}', '\u{0303}'],
        'ä' | 'Ä' => &['\u{0302}', '\u{0323}'],
        'ê' | 'Ê' => &['\u{0306}'],
        'é' | 'É' => &['\u{0306}', '\u{0301}'],
        'è' | 'È' => &['\u{0306}', '\u{0300}'],
        'ú' | 'Ú' => &['\u{0306}', '\u{0309}'],
        'ü' | 'Ü' => &['\u{0306}', '\u{0303}'],
        'ë' | 'Ë' => &['\u{0306}', '\u{0323}'],
        _ => return None,
    })
}

/// VNI letters that stand alone.
fn vni_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ñ' => "đ",
        'Ñ' => "Đ",
        'ô' => "ơ",
        'Ô' => "Ơ",
        'ö' => "ư",
        'Ö' => "Ư",
        'í' => "í",
        'Í' => "Í",
        'ì' => "ì",
        'Ì' => "Ì",
        'æ' => "ỉ",
        'Æ' => "Ỉ",
        'ó' => "ĩ",
        'Ó' => "Ĩ",
        'ò' => "ị",
        'Ò' => "Ị",
        _ => return None,
    })
}

fn decode_vni(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev_base: Option<char> = None;
    for c in s.chars() {
        if let (Some(marks), Some(base)) = (vni_marks(c), prev_base) {
            // Circumflex and breve only sit on a, e, o (breve on a); tone marks on any vowel.
            let base_l = base.to_ascii_lowercase();
            let ok = match marks[0] {
                '\u{0302}' => matches!(base_l, 'a' | 'e' | 'o'),
                '\u{0306}' => base_l == 'a',
                _ => true,
            };
            if ok {
                out.extend(marks.iter());
                // ơ/ư followed by a tone: the tone applies, the letter stays.
                prev_base = None;
                continue;
            }
        }
        if let Some(l) = vni_letter(c) {
            out.push_str(l);
            prev_base = l
                .chars()
                .next()
                .filter(|ch| matches!(ch, 'ơ' | 'Ơ' | 'ư' | 'Ư'));
            continue;
        }
        out.push(c);
        prev_base = Some(c).filter(|c| "aeiouyAEIOUY".contains(*c));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Deciding whether text is legacy-encoded
// ---------------------------------------------------------------------------------------

/// What the reader already knows about where a text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Nothing: the text alone must show that it is legacy Vietnamese.
    None,
    /// Other paragraphs of the same document were clearly in this encoding: a short
    /// paragraph or cell needs less evidence of its own.
    Document,
    /// The text's font names the encoding (`.VnTime`, `VNI-Times`): converted unless the
    /// text is already Unicode Vietnamese or converting would spoil more words than it mends.
    Font,
}

/// Whether `s` has any character U+0080..=U+00FF (UTF-8 lead byte C2 or C3). Legacy
/// encodings show every Vietnamese mark as such a character; text without one is never
/// examined further (the fast path for ordinary Unicode text).
#[inline]
pub fn has_latin1_marks(s: &str) -> bool {
    s.bytes().any(|b| b == 0xC2 || b == 0xC3)
}

/// The fast path for text whose font is unknown: whether `s` could hold legacy text at all.
///
/// Legacy encodings show every Vietnamese mark as a character U+00A1..U+00FF, so text without
/// one is not examined. Text that also has letters beyond Latin-1 is Unicode Vietnamese,
/// which takes from Latin-1 only à á â ã è é ê ì í ò ó ô õ ù ú ý and their capitals: it is
/// examined only if two adjacent words are Latin-1 only (a legacy name or phrase inside it)
/// and one of them holds another Latin-1 character (a TCVN3 code such as ¸ µ ­ Ö Þ ï, a VNI
/// mark such as ä ø û ö ñ) or a vowel followed by what VNI reads as a mark ("eá").
/// Linear, no allocation.
pub fn worth_a_look(s: &str) -> bool {
    look(s, false)
}

/// [`worth_a_look`]; `strict` (no other evidence) also asks text of Latin-1 only for a
/// suspicious character or a VNI "oá": "Trung tâm", "Thái Bình" are not examined.
fn look(s: &str, strict: bool) -> bool {
    // Latin-1 characters are the two-byte sequences led by C2 or C3 (never a continuation
    // byte, so a byte search finds exactly them). Most paragraphs of Unicode Vietnamese have
    // some; the search jumps from one to the next instead of walking every byte.
    let b = s.as_bytes();
    let mut at = memchr::memchr2_iter(0xC2, 0xC3, b).peekable();
    if at.peek().is_none() {
        return false;
    }
    // Is there a character beyond Latin-1 (a lead byte C4 or above)? Chunks fold without an
    // early exit so that the compiler vectorises them.
    let beyond = b
        .chunks(64)
        .any(|c| c.iter().fold(false, |acc, &x| acc | (x >= 0xC4)));
    if !beyond && !strict {
        return true;
    }
    // A suspicious Latin-1 character, or a VNI "oá".
    let (mut susp, mut o_mark) = (false, false);
    for i in at {
        let cp = (((b[i] & 0x1F) as u32) << 6) | (b.get(i + 1).copied().unwrap_or(0) & 0x3F) as u32;
        if cp <= 0xA0 {
            continue;
        }
        // The previous character, when it is ASCII, lower-cased.
        let p = match i.checked_sub(1).map(|j| b[j]) {
            Some(x) if x < 0x80 => x.to_ascii_lowercase(),
            _ => 0,
        };
        if suspicious(cp, p) {
            susp = true;
            break;
        }
        o_mark |= p == b'o' && matches!(cp | 0x20, 0xE0 | 0xE1 | 0xE3);
    }
    if !beyond {
        return susp || o_mark;
    }
    susp && mixed_worth_a_look(s)
}

/// Latin-1 letters Unicode Vietnamese uses (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals),
/// as bits of U+00C0..=U+00FF.
const VIET_LATIN1: u64 = {
    let letters = [
        0xC0u32, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD2, 0xD3, 0xD4, 0xD5, 0xD9,
        0xDA, 0xDD,
    ];
    let mut m = 0u64;
    let mut i = 0;
    while i < letters.len() {
        m |= 1 << (letters[i] - 0xC0);
        m |= 1 << (letters[i] + 0x20 - 0xC0);
        i += 1;
    }
    m
};

/// A Latin-1 character (code point `cp`, U+00A1..=U+00FF) that Unicode Vietnamese text does
/// not write here: not one of its letters, or one after a vowel that VNI reads as a mark
/// ("eá" is VNI "ế"; "oá", "oà" are left out: Unicode writes them in "soát", "hoà").
/// `prev` is the previous character if ASCII, lower-cased, else 0.
fn suspicious(cp: u32, prev: u8) -> bool {
    if cp < 0xC0 || VIET_LATIN1 & (1 << (cp - 0xC0)) == 0 {
        return true;
    }
    match cp | 0x20 {
        // Not after o: Unicode Vietnamese writes "hoà", "soát", "toàn", "đoàn" all the time.
        0xE0 | 0xE1 | 0xE3 => matches!(prev, b'a' | b'e'),
        0xE2 => matches!(prev, b'a' | b'e' | b'o'),
        0xE8..=0xEA => prev == b'a',
        0xF9 | 0xF5 => matches!(prev, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'),
        _ => false,
    }
}

/// For text with Unicode Vietnamese in it: a legacy insertion is two adjacent words of
/// Latin-1 only, with a non-ASCII character each and a suspicious one between them. A byte
/// scan: words end at ASCII punctuation and spaces, U+0080..=U+00A0 and U+2000..=U+207F.
fn mixed_worth_a_look(s: &str) -> bool {
    let b = s.as_bytes();
    // Per word: only Latin-1, some non-ASCII, some suspicious character.
    let (mut latin1, mut non_ascii, mut susp) = (true, false, false);
    let (mut prev_cand, mut prev_susp) = (false, false);
    let mut in_word = false;
    let mut prev = 0u8;
    let mut i = 0;
    while i <= b.len() {
        let x = b.get(i).copied().unwrap_or(b' ');
        let (len, word_char) = match x {
            0..=0x7F => (1, x.is_ascii_alphanumeric()),
            0xC2 | 0xC3 => {
                let cp =
                    (((x & 0x1F) as u32) << 6) | (b.get(i + 1).copied().unwrap_or(0) & 0x3F) as u32;
                if cp > 0xA0 {
                    non_ascii = true;
                    susp |= suspicious(cp, prev);
                }
                (2, cp > 0xA0)
            }
            _ => {
                let len = match x {
                    0xC4..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                let punct = x == 0xE2 && matches!(b.get(i + 1), Some(0x80 | 0x81));
                if !punct {
                    latin1 = false;
                }
                (len, !punct)
            }
        };
        if word_char {
            in_word = true;
        } else if in_word {
            let cand = latin1 && non_ascii;
            if cand && prev_cand && (susp || prev_susp) {
                return true;
            }
            (prev_cand, prev_susp) = (cand, susp);
            (latin1, non_ascii, susp) = (true, false, false);
            in_word = false;
        } else {
            // Separators between words do not carry state.
            (latin1, non_ascii, susp) = (true, false, false);
        }
        prev = if x.is_ascii() {
            x.to_ascii_lowercase()
        } else {
            0
        };
        i += len;
    }
    false
}

/// A Latin-1 letter of some Western European language (not × ÷, not the symbols
/// U+00A1..U+00BF such as ª µ º).
fn european_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{FF}').contains(&c) && c != '×' && c != '÷')
}

/// A character that belongs to a word for the syllable count: letters, digits, combining
/// marks, and every Latin-1 character from U+00A1 (legacy encodings put letters there).
fn wordish(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{A1}'..='\u{FF}').contains(&c)
        || ('\u{300}'..='\u{36F}').contains(&c)
}

fn vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Vowel groups that end a syllable with no final consonant (ta, tai, tao, khuya, người …).
const OPEN: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];
/// Vowel groups before -nh / -ch (anh, ênh, inh, oanh, uênh, uynh).
const BEFORE_NH_CH: &[&str] = &["a", "ê", "i", "y", "oa", "uê", "uy"];
/// Vowel groups before -ng / -c / -k (ang, ăng, âng, eng, ong, ông, ung, ưng, iêng, uông …).
const BEFORE_NG_C: &[&str] = &[
    "a", "ă", "â", "e", "o", "ô", "u", "ư", "iê", "yê", "oa", "oă", "uâ", "uô", "ươ", "oo",
];
/// Vowel groups before -m / -p.
const BEFORE_M_P: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "iê", "yê", "uô", "ươ", "oa", "oă", "oe",
];
/// Vowel groups before -n / -t.
const BEFORE_N_T: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "iê", "yê", "uô", "ươ", "oa", "oă",
    "oe", "uâ", "uê", "uy", "uyê",
];

fn rhyme_ok(nucleus: &str, coda: &str, stop_tone_ok: bool) -> bool {
    if nucleus.is_empty() {
        return false;
    }
    let list = match coda {
        "" => OPEN,
        "nh" => BEFORE_NH_CH,
        "ch" if stop_tone_ok => BEFORE_NH_CH,
        "ng" => BEFORE_NG_C,
        // -k: Central Highlands names written with k (Đắk Lắk, Krông Pắk).
        "c" | "k" if stop_tone_ok => BEFORE_NG_C,
        "m" => BEFORE_M_P,
        "p" if stop_tone_ok => BEFORE_M_P,
        "n" => BEFORE_N_T,
        "t" if stop_tone_ok => BEFORE_N_T,
        _ => return false,
    };
    list.contains(&nucleus)
}

/// Letters of a syllable being read: base letters with their vowel marks, and the tone.
struct Letters {
    l: [char; 8],
    n: usize,
    tone: Option<char>,
    bad: bool,
}

impl Letters {
    fn push(&mut self, c: char) {
        if self.bad {
            return;
        }
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if c == 'Đ' {
            'đ'
        } else {
            c
        };
        match c {
            'a'..='z' | 'đ' => {
                if matches!(c, 'f' | 'j' | 'w' | 'z') || self.n == self.l.len() {
                    self.bad = true;
                    return;
                }
                self.l[self.n] = c;
                self.n += 1;
            }
            '\u{302}' | '\u{306}' | '\u{31B}' => {
                let Some(last) = self.n.checked_sub(1).map(|i| &mut self.l[i]) else {
                    self.bad = true;
                    return;
                };
                *last = match (c, *last) {
                    ('\u{302}', 'a') => 'â',
                    ('\u{302}', 'e') => 'ê',
                    ('\u{302}', 'o') => 'ô',
                    ('\u{306}', 'a') => 'ă',
                    ('\u{31B}', 'o') => 'ơ',
                    ('\u{31B}', 'u') => 'ư',
                    _ => {
                        self.bad = true;
                        return;
                    }
                };
            }
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => {
                if self.tone.is_some() || self.n == 0 || !vowel(self.l[self.n - 1]) {
                    self.bad = true;
                    return;
                }
                self.tone = Some(c);
            }
            _ => self.bad = true,
        }
    }
}

/// Whether `word` is one well-formed Vietnamese syllable: initial consonant (b, c, ch, d, đ,
/// g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh, p, ph, qu, r, s, t, th, tr, v, x or none) + a
/// vowel group of the language (a, oa, uyê, ươi …) + a final (c, ch, m, n, ng, nh, p, t or
/// none), with at most one tone mark, on a vowel; finals c/ch/p/t take only the sắc or nặng
/// tone; c/k, g/gh and ng/ngh follow the spelling rule (k, gh, ngh before e, ê, i). Case and
/// tone placement (hoà/hòa), NFC or NFD do not matter. f, j, w, z, and letters such as ç, ø,
/// å, ß, ü, ñ are no Vietnamese letters.
///
/// ```
/// use kehoach_text::is_vietnamese_syllable as ok;
/// assert!(ok("nghiêng") && ok("Người") && ok("HOÀ") && ok("hoà") && ok("khuya") && ok("giữa"));
/// assert!(!ok("cỏc") && !ok("Denominação") && !ok("Allerød") && !ok("Kon") && !ok("ghà"));
/// ```
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let mut acc = Letters {
        l: ['\0'; 8],
        n: 0,
        tone: None,
        bad: false,
    };
    for c in word.chars() {
        if c.is_ascii() {
            acc.push(c);
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| acc.push(d));
        }
        if acc.bad {
            return false;
        }
    }
    // The letters as UTF-8, with each letter's byte offset, so that parts compare as &str.
    let mut buf = [0u8; 32];
    let mut off = [0usize; 9];
    for i in 0..acc.n {
        let len = acc.l[i].encode_utf8(&mut buf[off[i]..]).len();
        off[i + 1] = off[i] + len;
    }
    let n = acc.n;
    let Ok(s) = std::str::from_utf8(&buf[..off[n]]) else {
        return false;
    };
    let is_vowel_at = |i: usize| i < n && vowel(acc.l[i]);
    // Initial consonant: the longest that fits; "gi" only before another vowel (gìn is g+ìn).
    const ONSETS: &[(&str, usize)] = &[
        ("ngh", 3),
        ("ng", 2),
        ("nh", 2),
        ("ch", 2),
        ("gh", 2),
        ("gi", 2),
        ("kh", 2),
        ("ph", 2),
        ("th", 2),
        ("tr", 2),
        ("qu", 2),
        ("b", 1),
        ("c", 1),
        ("d", 1),
        ("đ", 1),
        ("g", 1),
        ("h", 1),
        ("k", 1),
        ("l", 1),
        ("m", 1),
        ("n", 1),
        ("p", 1),
        ("r", 1),
        ("s", 1),
        ("t", 1),
        ("v", 1),
        ("x", 1),
    ];
    let mut k = 0; // letters in the onset
    for &(o, len) in ONSETS {
        if s.starts_with(o) {
            if o == "gi" && !is_vowel_at(2) {
                continue;
            }
            k = len;
            break;
        }
    }
    let onset = &s[..off[k]];
    if onset == "qu" && !is_vowel_at(2) {
        return false;
    }
    let nv = (k..n).take_while(|&i| vowel(acc.l[i])).count();
    if nv == 0 {
        return false;
    }
    let nucleus = &s[off[k]..off[k + nv]];
    let coda = &s[off[k + nv]..];
    let first = acc.l[k];
    let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
    let spelled = match onset {
        "c" => !front,
        "k" => front,
        "gh" | "ngh" => matches!(first, 'e' | 'ê' | 'i'),
        "g" => !matches!(first, 'e' | 'ê'),
        "ng" => !matches!(first, 'e' | 'ê' | 'i'),
        _ => true,
    };
    if !spelled {
        return false;
    }
    let stop_ok = matches!(acc.tone, Some('\u{301}' | '\u{323}'));
    if rhyme_ok(nucleus, coda, stop_ok) {
        return true;
    }
    // After gi, "iê" is written "ê" (giêng, giết).
    if onset == "gi" {
        let mut with_i = String::with_capacity(nucleus.len() + 1);
        with_i.push('i');
        with_i.push_str(nucleus);
        return rhyme_ok(&with_i, coda, stop_ok);
    }
    false
}

/// Decodes one word: TCVN3 letter by letter, VNI mark by mark; upper-cased for `upper`
/// fonts; NFC.
fn decode_word(w: &str, enc: LegacyEncoding, upper: bool) -> String {
    use unicode_normalization::UnicodeNormalization;
    let raw = match enc {
        LegacyEncoding::Tcvn3 => w.chars().map(|c| tcvn3(c).unwrap_or(c)).collect::<String>(),
        LegacyEncoding::Vni => decode_vni(w),
    };
    let raw = if upper { raw.to_uppercase() } else { raw };
    let out: String = raw.nfc().collect();
    if enc == LegacyEncoding::Tcvn3 && !is_vietnamese_syllable(&out) {
        if let Some(fixed) = restore_dropped_u(&out) {
            return fixed;
        }
    }
    out
}

/// TCVN3 writes ư as U+00AD, the soft hyphen, which readers drop as invisible before the
/// legacy pass sees the text ("Ch­¬ng" arrives as "Ch¬ng"). A decoded word that is no
/// syllable but becomes one with ư before its ơ ("Chơng" → "Chương", "đợc" → "được") gets
/// the ư back. Words that are syllables either way ("ngời", "vờn") cannot be told apart.
fn restore_dropped_u(w: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let nfd: Vec<char> = w.nfd().collect();
    let i = nfd
        .iter()
        .position(|&c| c == '\u{31B}')
        .filter(|&i| i >= 2 && matches!(nfd[i - 1], 'o' | 'O'))?;
    let before = nfd[i - 2];
    let b = before.to_lowercase().next().unwrap_or(before);
    if !(b.is_ascii_alphabetic() || b == 'đ') || vowel(b) {
        return None;
    }
    let u = if nfd[i - 1] == 'O' { "Ư" } else { "ư" };
    let mut s: String = nfd[..i - 1].iter().collect();
    s.push_str(u);
    s.extend(&nfd[i - 1..]);
    let s: String = s.nfc().collect();
    is_vietnamese_syllable(&s).then_some(s)
}

/// How a word of the text fares under decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits, ASCII abbreviations (UBND, KH), symbols: no vote.
    Neutral,
    /// Has letters beyond Latin-1: Unicode already, never decoded.
    Unicode { valid: bool },
    /// Only ASCII/Latin-1 and decoding leaves it as it is.
    Same { valid: bool },
    /// Decoding changes it.
    Changed {
        before: bool,
        after: bool,
        strong: bool,
    },
}

struct Word {
    start: usize,
    end: usize,
    kind: Kind,
    decoded: Option<String>,
    /// In a mixed paragraph: a gain next to another gain (a legacy name or phrase).
    grouped: bool,
}

impl Word {
    fn gain(&self) -> bool {
        matches!(
            self.kind,
            Kind::Changed {
                before: false,
                after: true,
                ..
            }
        )
    }
}

/// What decoding would do to a text, word by word.
struct Judged {
    words: Vec<Word>,
    /// Words that become syllables (and were none): the evidence for decoding.
    gains: usize,
    /// Gains whose legacy form held a character that no language writes inside a word
    /// (TCVN3's ¸ µ ¹ ­ ¬ © ª « ®, …).
    strong: usize,
    /// Syllables that decoding would spoil.
    losses: usize,
    /// Words that vote, and of those, syllables once the text is decoded.
    counted: usize,
    valid_after: usize,
    /// Whether some word is Unicode Vietnamese already (a mixed paragraph).
    mixed: bool,
}

fn judge(s: &str, enc: LegacyEncoding, upper: bool) -> Judged {
    let mut j = Judged {
        words: Vec::new(),
        gains: 0,
        strong: 0,
        losses: 0,
        counted: 0,
        valid_after: 0,
        mixed: false,
    };
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !wordish(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = it.peek() {
            if !wordish(c) {
                break;
            }
            end = i + c.len_utf8();
            it.next();
        }
        let w = &s[start..end];
        let mut kind;
        let mut decoded = None;
        let has_digit = w.bytes().any(|b| b.is_ascii_digit());
        let beyond = w.chars().any(|c| c as u32 > 0xFF);
        if beyond {
            kind = if has_digit {
                Kind::Neutral
            } else {
                j.mixed |= w.chars().any(|c| c as u32 > 0xFF && c.is_alphabetic());
                // Checked below, only if the paragraph shows some gain.
                Kind::Unicode { valid: false }
            };
        } else if w.is_ascii() && !upper {
            let abbreviation = w.len() >= 2 && !w.bytes().any(|b| b.is_ascii_lowercase());
            kind = if has_digit || abbreviation {
                Kind::Neutral
            } else {
                Kind::Same {
                    valid: is_vietnamese_syllable(w),
                }
            };
        } else {
            let d = decode_word(w, enc, upper);
            let changed = d != w;
            kind = if !changed {
                Kind::Same {
                    valid: is_vietnamese_syllable(w),
                }
            } else {
                Kind::Changed {
                    before: is_vietnamese_syllable(w),
                    after: is_vietnamese_syllable(&d),
                    strong: w
                        .chars()
                        .any(|c| ('\u{A1}'..='\u{BF}').contains(&c) || c == '×' || c == '÷'),
                }
            };
            if changed {
                decoded = Some(d);
            }
            // "µm", "µg": a measure in micro-units, not TCVN3 "à".
            let micro = w.starts_with('µ') && w[2..].bytes().all(|b| b.is_ascii_alphabetic());
            if has_digit || micro || !w.chars().any(european_letter) {
                // "©", "®", "µm", "25°": symbols vote neither way, but are decoded along
                // with a paragraph that is.
                if matches!(kind, Kind::Changed { .. } | Kind::Same { .. }) {
                    kind = Kind::Neutral;
                }
            }
        }
        match kind {
            Kind::Neutral => {}
            Kind::Unicode { .. } => j.counted += 1,
            Kind::Same { valid } => {
                j.counted += 1;
                j.valid_after += valid as usize;
            }
            Kind::Changed {
                before,
                after,
                strong,
            } => {
                j.counted += 1;
                if after && !before {
                    j.gains += 1;
                    j.strong += strong as usize;
                }
                if before && !after {
                    j.losses += 1;
                }
                j.valid_after += (after || before) as usize;
            }
        }
        j.words.push(Word {
            start,
            end,
            kind,
            decoded,
            grouped: false,
        });
    }
    if j.mixed {
        // In a Unicode paragraph a legacy insertion is a name or a phrase: two or more
        // adjacent words that all become syllables ("Lª V¨n Hïng"). A lone word ("5 µm")
        // is no evidence.
        j.gains = 0;
        j.strong = 0;
        let mut i = 0;
        while i < j.words.len() {
            let k = j.words[i..].iter().take_while(|w| w.gain()).count();
            if k >= 2 {
                for w in &mut j.words[i..i + k] {
                    w.grouped = true;
                    j.gains += 1;
                    j.strong += matches!(w.kind, Kind::Changed { strong: true, .. }) as usize;
                }
            }
            i += k.max(1);
        }
    }
    if j.gains > 0 {
        for w in &mut j.words {
            if let Kind::Unicode { valid } = &mut w.kind {
                *valid = is_vietnamese_syllable(&s[w.start..w.end]);
                j.valid_after += *valid as usize;
            }
        }
    }
    j
}

impl Judged {
    /// The decision rule (see the module docs and notes/legacy-fonts.md).
    fn convert(&self, enc: LegacyEncoding, ev: Evidence) -> bool {
        if self.gains <= self.losses && ev != Evidence::Font {
            return false;
        }
        match ev {
            Evidence::Font => {
                // The font says legacy: believe it unless the text is Unicode Vietnamese
                // already, or decoding spoils more words than it mends ("Thái Bình").
                if self.mixed {
                    self.gains >= 1 && self.gains > self.losses
                } else {
                    self.losses <= self.gains
                }
            }
            Evidence::Document => self.gains >= 1 && self.valid_after * 10 >= self.counted * 7,
            Evidence::None => {
                self.gains >= 2
                    && self.valid_after * 10 >= self.counted * 8
                    && (enc == LegacyEncoding::Vni || self.strong >= 1)
            }
        }
    }

    /// The text with its words decoded: every changed word in a text with no Unicode
    /// Vietnamese; in a mixed paragraph only the words that decoding turns into syllables.
    fn render(&self, s: &str, all: bool) -> String {
        let mut out = String::with_capacity(s.len() + 16);
        let mut at = 0;
        for w in &self.words {
            let Some(d) = &w.decoded else { continue };
            let take = all || w.grouped;
            if take {
                out.push_str(&s[at..w.start]);
                out.push_str(d);
                at = w.end;
            }
        }
        out.push_str(&s[at..]);
        out
    }
}

/// Converts `s` from the legacy encoding `enc` when the evidence and the text say it is in
/// that encoding; `None` leaves it as it is. `upper` draws letters as capitals (`.VnTimeH`).
///
/// The rule: decode every word and count the words that become well-formed Vietnamese
/// syllables ([`is_vietnamese_syllable`]) and were none before (gains), and those that were
/// syllables and stop being ones (losses). Without other evidence, convert only with two
/// gains or more, more gains than losses, at least 80 % of the text's words syllables
/// afterwards and, for TCVN3, a gain showing a character no language writes inside a word
/// (¸ µ ¹ ­ ¬ …). Text with letters beyond Latin-1 is Unicode: its other words are decoded
/// only where they gain (a TCVN3 name inside a Unicode sentence).
///
/// ```
/// use kehoach_text::{convert_legacy, Evidence, LegacyEncoding::*};
/// assert_eq!(convert_legacy("KÕ ho¹ch ph¸t triÓn x· héi", Tcvn3, false, Evidence::None).as_deref(),
///            Some("Kế hoạch phát triển xã hội"));
/// assert_eq!(convert_legacy("Denominação social", Tcvn3, false, Evidence::Document), None);
/// assert_eq!(convert_legacy("Kế hoạch năm 2026", Tcvn3, false, Evidence::Font), None);
/// ```
pub fn convert_legacy(s: &str, enc: LegacyEncoding, upper: bool, ev: Evidence) -> Option<String> {
    if !worth_a_look(s) {
        return None;
    }
    let j = judge(s, enc, upper);
    if !j.convert(enc, ev) {
        return None;
    }
    let out = j.render(s, !j.mixed);
    (out != s).then_some(out)
}

/// The decision for the text of the runs of one paragraph whose font names `enc`
/// ([`Evidence::Font`]): `None` keeps them as they are; `Some(only_gains)` decodes them with
/// [`decode_legacy_words`]. Text with no Latin-1 letter decodes to itself (upper-cased for
/// `.VnTimeH`), so it is always `Some(false)`.
pub fn font_decision(s: &str, enc: LegacyEncoding) -> Option<bool> {
    if !has_latin1_marks(s) {
        return Some(false);
    }
    let j = judge(s, enc, false);
    j.convert(enc, Evidence::Font).then_some(j.mixed)
}

/// Decodes the words of `s` that change in `enc`, keeping everything between them as it is;
/// with `only_gains`, only the words that become Vietnamese syllables (and were none).
pub fn decode_legacy_words(s: &str, enc: LegacyEncoding, upper: bool, only_gains: bool) -> String {
    if !upper && !has_latin1_marks(s) {
        return s.to_string();
    }
    judge(s, enc, upper).render(s, !only_gains)
}

/// Tries both encodings on text whose font is unknown; `prefer` wins a tie. Returns the
/// encoding and the converted text.
pub fn convert_unknown(
    s: &str,
    ev: Evidence,
    prefer: Option<LegacyEncoding>,
) -> Option<(LegacyEncoding, String)> {
    if !look(s, ev == Evidence::None) {
        return None;
    }
    let t = judge(s, LegacyEncoding::Tcvn3, false);
    let v = judge(s, LegacyEncoding::Vni, false);
    let ok_t = t.convert(LegacyEncoding::Tcvn3, ev);
    let ok_v = v.convert(LegacyEncoding::Vni, ev);
    let (enc, j) = match (ok_t, ok_v) {
        (false, false) => return None,
        (true, false) => (LegacyEncoding::Tcvn3, t),
        (false, true) => (LegacyEncoding::Vni, v),
        (true, true) => {
            let net_t = t.gains - t.losses.min(t.gains);
            let net_v = v.gains - v.losses.min(v.gains);
            if net_t > net_v || (net_t == net_v && prefer != Some(LegacyEncoding::Vni)) {
                (LegacyEncoding::Tcvn3, t)
            } else {
                (LegacyEncoding::Vni, v)
            }
        }
    };
    let out = j.render(s, !j.mixed);
    (out != s).then_some((enc, out))
}

/// Guesses whether text whose font is unknown is TCVN3 or VNI ([`convert_unknown`] with no
/// other evidence).
///
/// ```
/// use kehoach_text::{detect_legacy, LegacyEncoding};
/// assert_eq!(detect_legacy("KÕ ho¹ch kiÓm so¸t thñ tôc hµnh chÝnh"), Some(LegacyEncoding::Tcvn3));
/// assert_eq!(detect_legacy("Keá hoaïch kieåm soaùt thuû tuïc haønh chính"), Some(LegacyEncoding::Vni));
/// assert_eq!(detect_legacy("Kế hoạch kiểm soát thủ tục hành chính"), None);
/// assert_eq!(detect_legacy("Café crème"), None);
/// ```
pub fn detect_legacy(s: &str) -> Option<LegacyEncoding> {
    convert_unknown(s, Evidence::None, None).map(|(e, _)| e)
}

#[cfg(test)]
mod tests {
    /// The byte-by-byte `look` that `latin1_flags` replaced, kept as its specification.
    fn look_reference(s: &str, strict: bool) -> bool {
        // One pass over the bytes: is there a Latin-1 character, one beyond Latin-1, and a
        // suspicious Latin-1 character?
        let b = s.as_bytes();
        let (mut latin1, mut beyond, mut susp, mut o_mark) = (false, false, false, false);
        let mut prev = 0u8;
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0x80 {
                prev = x;
                i += 1;
                continue;
            }
            if x == 0xC2 || x == 0xC3 {
                let cp =
                    (((x & 0x1F) as u32) << 6) | (b.get(i + 1).copied().unwrap_or(0) & 0x3F) as u32;
                latin1 = true;
                if cp > 0xA0 && !susp {
                    let p = prev.to_ascii_lowercase();
                    susp = suspicious(cp, p);
                    o_mark |= p == b'o' && matches!(cp | 0x20, 0xE0 | 0xE1 | 0xE3);
                }
            } else if x >= 0xC4 {
                beyond = true;
            }
            prev = 0;
            i += 1;
        }
        if !latin1 {
            return false;
        }
        if !beyond {
            return !strict || susp || o_mark;
        }
        susp && mixed_worth_a_look(s)
    }

    #[test]
    fn look_equals_its_reference() {
        let mut samples: Vec<String> = Vec::new();
        let latin1: Vec<char> = (0xA0u32..=0xFF).filter_map(char::from_u32).collect();
        for &c in &latin1 {
            for pre in ["", "a", "E", "o", "O", "i", "u", "Y", "x", "ơ", " ", "1"] {
                for post in ["", "n", " Kế hoạch", " x"] {
                    samples.push(format!("{pre}{c}{post}"));
                    samples.push(format!("tháng {pre}{c}{post} năm"));
                }
            }
        }
        samples.extend(
            [
                "KÕ ho¹ch kiÓm so¸t thñ tôc hµnh chÝnh",
                "Keá hoaïch kieåm soaùt thuû tuïc haønh chính",
                "Kế hoạch kiểm soát thủ tục hành chính",
                "Café crème, Denominação, Allerød",
                "Sở Y tế và V¨n phßng UBND",
                "",
                "®",
            ]
            .map(String::from),
        );
        for s in &samples {
            for strict in [false, true] {
                assert_eq!(
                    look(s, strict),
                    look_reference(s, strict),
                    "{s:?} strict={strict}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn tcvn3_words() {
        let cases = [
            ("KÕ ho¹ch", "Kế hoạch"),
            (
                "Uû ban nh©n d©n tØnh Th¸i Nguyªn",
                "Uỷ ban nhân dân tỉnh Thái Nguyên",
            ),
            ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
            ("thñ tôc hµnh chÝnh", "thủ tục hành chính"),
        ];
        for (raw, want) in cases {
            assert_eq!(
                decode_legacy(raw, LegacyEncoding::Tcvn3, false),
                want,
                "{raw}"
            );
        }
        assert_eq!(
            decode_legacy("kÕ ho¹ch", LegacyEncoding::Tcvn3, true),
            "KẾ HOẠCH"
        );
    }

    #[test]
    fn vni_words() {
        let cases = [
            (
                "Ñoäc laäp - Töï do - Haïnh phuùc",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
            ("UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
            ("Sôû Tö phaùp", "Sở Tư pháp"),
            ("ñôn giaûn hoùa", "đơn giản hóa"),
        ];
        for (raw, want) in cases {
            assert_eq!(
                decode_legacy(raw, LegacyEncoding::Vni, false),
                want,
                "{raw}"
            );
        }
    }

    #[test]
    fn table_is_the_glibc_one() {
        assert_eq!(TCVN3.len(), 74);
        assert_eq!(tcvn3('\u{B8}'), Some('á'));
        assert_eq!(tcvn3('\u{AE}'), Some('đ'));
        assert_eq!(tcvn3('\u{A7}'), Some('Đ'));
        assert_eq!(tcvn3('a'), None);
    }

    /// Whole sentences in each encoding, in the wording of many provinces and bodies: each
    /// is recognised on its own (no font, no other paragraph) and converted exactly.
    #[test]
    fn legacy_sentences_convert_on_their_own() {
        let tcvn3 = [
            (
                "KÕ ho¹ch phßng, chèng thiªn tai tØnh Hµ TÜnh n¨m 2026",
                "Kế hoạch phòng, chống thiên tai tỉnh Hà Tĩnh năm 2026",
            ),
            (
                "Së Tµi nguyªn vµ M«i tr\u{AD}êng thµnh phè CÇn Th¬",
                "Sở Tài nguyên và Môi trường thành phố Cần Thơ",
            ),
            (
                "Ph¸t triÓn kinh tÕ - x· héi vïng ®ång bµo d©n téc thiÓu sè tØnh Lµo Cai",
                "Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số tỉnh Lào Cai",
            ),
            (
                "Bé Néi vô h\u{AD}íng dÉn s¾p xÕp ®¬n vÞ hµnh chÝnh cÊp x·",
                "Bộ Nội vụ hướng dẫn sắp xếp đơn vị hành chính cấp xã",
            ),
            (
                "Giai ®o¹n 2026 - 2030, ®Þnh h\u{AD}íng ®Õn n¨m 2035",
                "Giai đoạn 2026 - 2030, định hướng đến năm 2035",
            ),
            (
                "Hoµn thµnh tr\u{AD}íc ngµy 31 th¸ng 12 n¨m 2027",
                "Hoàn thành trước ngày 31 tháng 12 năm 2027",
            ),
            (
                "Ph\u{AD}êng VÜnh Ninh, thµnh phè HuÕ",
                "Phường Vĩnh Ninh, thành phố Huế",
            ),
            (
                "§éi ngò c¸n bé, c«ng chøc, viªn chøc",
                "Đội ngũ cán bộ, công chức, viên chức",
            ),
            (
                "X©y dùng n«ng th«n míi n©ng cao",
                "Xây dựng nông thôn mới nâng cao",
            ),
            (
                "ChuyÓn ®æi sè trong c¬ quan nhµ n\u{AD}íc",
                "Chuyển đổi số trong cơ quan nhà nước",
            ),
            (
                "Ch¸nh V¨n phßng §oµn ®¹i biÓu Quèc héi tØnh Sãc Tr¨ng",
                "Chánh Văn phòng Đoàn đại biểu Quốc hội tỉnh Sóc Trăng",
            ),
            (
                "Thùc hiÖn nghiªm tóc chÕ ®é b¸o c¸o ®Þnh kú",
                "Thực hiện nghiêm túc chế độ báo cáo định kỳ",
            ),
        ];
        let vni = [
            ("Keá hoaïch phoøng, choáng thieân tai tænh Haø Tónh naêm 2026", "Kế hoạch phòng, chống thiên tai tỉnh Hà Tĩnh năm 2026"),
            ("Sôû Taøi nguyeân vaø Moâi tröôøng thaønh phoá Caàn Thô", "Sở Tài nguyên và Môi trường thành phố Cần Thơ"),
            ("Phaùt trieån kinh teá - xaõ hoäi vuøng ñoàng baøo daân toäc thieåu soá tænh Laøo Cai", "Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số tỉnh Lào Cai"),
            ("Boä Noäi vuï höôùng daãn saép xeáp ñôn vò haønh chính caáp xaõ", "Bộ Nội vụ hướng dẫn sắp xếp đơn vị hành chính cấp xã"),
            ("Giai ñoaïn 2026 - 2030, ñònh höôùng ñeán naêm 2035", "Giai đoạn 2026 - 2030, định hướng đến năm 2035"),
            ("Hoaøn thaønh tröôùc ngaøy 31 thaùng 12 naêm 2027", "Hoàn thành trước ngày 31 tháng 12 năm 2027"),
            ("Phöôøng Vónh Ninh, thaønh phoá Hueá", "Phường Vĩnh Ninh, thành phố Huế"),
            ("Ñoäi nguõ caùn boä, coâng chöùc, vieân chöùc", "Đội ngũ cán bộ, công chức, viên chức"),
            ("Xaây döïng noâng thoân môùi naâng cao", "Xây dựng nông thôn mới nâng cao"),
            ("Chuyeån ñoåi soá trong cô quan nhaø nöôùc", "Chuyển đổi số trong cơ quan nhà nước"),
            ("Chaùnh Vaên phoøng Ñoaøn ñaïi bieåu Quoác hoäi tænh Soùc Traêng", "Chánh Văn phòng Đoàn đại biểu Quốc hội tỉnh Sóc Trăng"),
            ("Thöïc hieän nghieâm tuùc cheá ñoä baùo caùo ñònh kyø", "Thực hiện nghiêm túc chế độ báo cáo định kỳ"),
        ];
        for (enc, cases) in [(LegacyEncoding::Tcvn3, tcvn3), (LegacyEncoding::Vni, vni)] {
            for (raw, want) in cases {
                assert_eq!(
                    convert_unknown(raw, Evidence::None, None),
                    Some((enc, want.to_string())),
                    "{raw}"
                );
                assert_eq!(detect_legacy(raw), Some(enc), "{raw}");
            }
        }
    }

    /// Text of other languages, symbols and Unicode Vietnamese is never converted, not even
    /// inside a document known to be legacy-encoded.
    #[test]
    fn other_text_is_never_converted() {
        let cases = [
            // Portuguese
            "Denominação",
            "Denominação social da empresa",
            "A informação está disponível até março",
            "São Paulo é a maior cidade do Brasil; não há serviço hoje",
            "Coração, mãe, irmão, pão e avô",
            // French
            "Le café crème coûte trois euros à Besançon",
            "Où est la préfecture de la région?",
            "Noël à Besançon, déjà très froid; l'élève a réussi",
            "Hôtel de Ville, côte d'Azur, être ou ne pas être",
            // German
            "Die Bürger von Göttingen lieben Straßenbahnen",
            "Schöne Grüße aus München",
            "Öffentliche Verwaltung für Ökologie und Änderungen",
            // Danish
            "Allerød",
            "Allerød Kommune",
            "Så går vi på stranden ved Ærø",
            "Søren bor på Østerbro i København",
            "Blåbærgrød med fløde",
            // Spanish
            "El niño está en España",
            "¿Qué día es mañana? Sí, aún está aquí",
            "La canción del año, señor Muñoz",
            // Symbols
            "®",
            "©",
            "Nhãn hiệu® và bản quyền © 2026",
            "Nhiệt độ 25 °C ± 2 °C",
            "Kích thước 5 µm × 10 µm",
            "Độ dày 3 µm, sai số ± 0,5 µm",
            "Marque déposée®, 90°, ½ ¼ ¾",
            // Unicode Vietnamese, some words of which are Latin-1 only
            "Tiền Giang và Thái Bình",
            "Thái Bình",
            "Các cơ quan có liên quan",
            "Cà Mau, Bà Rịa - Vũng Tàu, Tây Ninh",
            "Kế hoạch kiểm soát thủ tục hành chính năm 2026 của xã Tà Xùa",
        ];
        for s in cases {
            assert_eq!(convert_unknown(s, Evidence::None, None), None, "{s}");
            for enc in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
                assert_eq!(
                    convert_legacy(s, enc, false, Evidence::Document),
                    None,
                    "{s} {enc:?}"
                );
            }
        }
        // Unicode Vietnamese under a legacy font name (a converted file that kept its fonts).
        for s in [
            "Thái Bình",
            "Bình Định và Phú Yên",
            "Lê Thị Hồng Gấm, Chánh Thanh tra",
        ] {
            let out = font_decision(s, LegacyEncoding::Tcvn3).map_or(s.to_string(), |g| {
                decode_legacy_words(s, LegacyEncoding::Tcvn3, false, g)
            });
            assert_eq!(out, s);
        }
    }

    /// Two mended words are enough on their own; a cell with one needs the document.
    #[test]
    fn short_cells() {
        let alone = [
            ("V¨n phßng", LegacyEncoding::Tcvn3, "Văn phòng"),
            ("C«ng an tØnh", LegacyEncoding::Tcvn3, "Công an tỉnh"),
            ("Vaên phoøng", LegacyEncoding::Vni, "Văn phòng"),
            ("Sôû Y teá", LegacyEncoding::Vni, "Sở Y tế"),
        ];
        for (raw, enc, want) in alone {
            assert_eq!(
                convert_unknown(raw, Evidence::None, None),
                Some((enc, want.to_string())),
                "{raw}"
            );
        }
        let with_document = [
            ("Së Y tÕ", LegacyEncoding::Tcvn3, "Sở Y tế"),
            ("Hµ Giang", LegacyEncoding::Tcvn3, "Hà Giang"),
            ("Quyù IV", LegacyEncoding::Vni, "Quý IV"),
            ("Vónh Long", LegacyEncoding::Vni, "Vĩnh Long"),
        ];
        for (raw, enc, want) in with_document {
            assert_eq!(convert_unknown(raw, Evidence::None, None), None, "{raw}");
            assert_eq!(
                convert_legacy(raw, enc, false, Evidence::Document).as_deref(),
                Some(want),
                "{raw}"
            );
        }
    }

    /// A TCVN3 name typed into a Unicode sentence: only the name is converted.
    #[test]
    fn legacy_name_in_a_unicode_sentence() {
        let s = "Giao ông Lª V¨n Hïng, Phó Chủ tịch UBND xã Tả Van chủ trì";
        assert_eq!(
            convert_unknown(s, Evidence::None, None),
            Some((
                LegacyEncoding::Tcvn3,
                "Giao ông Lê Văn Hùng, Phó Chủ tịch UBND xã Tả Van chủ trì".to_string()
            ))
        );
        // A lone word is no name: "5 µm" in a Unicode sentence stays.
        let s = "Lớp phủ dày 5 µm theo tiêu chuẩn";
        assert_eq!(
            convert_unknown(s, Evidence::Document, Some(LegacyEncoding::Tcvn3)),
            None
        );
    }

    /// TCVN3's ư is the soft hyphen, which readers drop: ư comes back where the word needs it.
    #[test]
    fn dropped_soft_hyphen_restored() {
        let s = "Tr\u{AD}êng trung häc c¬ së x· Th\u{AD}îng Hoµ";
        let dropped = s.replace('\u{AD}', "");
        let want = "Trường trung học cơ sở xã Thượng Hoà";
        assert_eq!(convert_unknown(s, Evidence::None, None).unwrap().1, want);
        assert_eq!(
            convert_unknown(&dropped, Evidence::None, None).unwrap().1,
            want
        );
    }

    #[test]
    fn syllables() {
        let ok = [
            "a", "ý", "nghiêng", "người", "được", "quyết", "huyện", "Nguyễn", "xoong", "khuya",
            "giữa", "gìn", "giêng", "thuở", "khuỷu", "Đắk", "HOÀ", "hoà", "hòa", "ĐIỆN", "ngoặt",
            "oanh", "uỷ", "ủy",
        ];
        let bad = [
            "",
            "cỏc",
            "kan",
            "ghà",
            "ngi",
            "Kon",
            "ăn'",
            "ă",
            "hât",
            "hàt",
            "chơng",
            "Street",
            "fan",
            "Denominação",
            "Allerød",
            "München",
            "año",
            "ươ",
            "qua1",
            "q",
            "nghiêngg",
        ];
        for w in ok {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in bad {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
        // NFD input reads the same.
        assert!(is_vietnamese_syllable("nghie\u{302}\u{300}ng"));
    }

    /// Hostile input: never a panic, and linear time on long text.
    #[test]
    fn hostile_input() {
        for s in [
            "µ",
            "µµµ",
            "\u{AD}",
            "ö\u{302}\u{302}",
            "a\u{301}\u{301}",
            "ññññññññññ",
        ] {
            let _ = convert_unknown(s, Evidence::Document, None);
            let _ = font_decision(s, LegacyEncoding::Vni);
            let _ = decode_legacy_words(s, LegacyEncoding::Tcvn3, true, true);
        }
        let long = "KÕ ho¹ch ".repeat(20_000) + &"aaaaaaaa¸".repeat(10_000);
        // The known reading, not only "some": TCVN3 throughout (speed: benches, `scanners`).
        let (enc, text) = convert_unknown(&long, Evidence::None, None).expect("converted");
        assert_eq!(enc, LegacyEncoding::Tcvn3);
        assert!(text.starts_with("Kế hoạch Kế hoạch "), "{}", &text[..40]);
        assert_eq!(text.matches("Kế hoạch ").count(), 20_000);
    }
}
