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

fn tcvn3(c: char) -> Option<char> {
    TCVN3.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
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

/// Characters TCVN3 text has and Unicode Vietnamese never does.
/// Some character in U+0080..U+00FF and none above: the only text a legacy encoding's
/// marks can be in.
fn latin1_only_with_marks(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_ascii() && b.iter().all(|&x| x < 0xC4)
}

fn tcvn3_marker(c: char) -> bool {
    matches!(
        c,
        '\u{A8}' | '\u{A9}' | '\u{AA}' | '\u{AB}' | '\u{AC}' | '\u{AD}' | '\u{AE}' | '\u{B5}'
            ..='\u{BF}'
                | '\u{C6}'
                | '\u{C7}'
                | '\u{CB}'
                | '\u{CE}'
                | '\u{CF}'
                | '\u{D0}'
                | '\u{D1}'
                | '\u{D6}'
                | '\u{D7}'
                | '\u{D8}'
                | '\u{DC}'
                | '\u{DE}'
                | '\u{DF}'
                | '\u{E4}'
                | '\u{E5}'
                | '\u{E6}'
                | '\u{E7}'
                | '\u{EB}'
                | '\u{EE}'
                | '\u{EF}'
                | '\u{F1}'
                | '\u{F6}'
                | '\u{F7}'
                | '\u{F8}'
                | '\u{FB}'
                | '\u{FC}'
                | '\u{FE}'
    )
}

/// Guesses whether text whose font is unknown is TCVN3 or VNI. Unicode Vietnamese of any
/// length has letters beyond Latin-1 (ư, ơ, đ, ạ …); legacy text has none and shows the
/// encoding's marks. Short or ambiguous text gives `None`.
///
/// ```
/// use kehoach_text::{detect_legacy, LegacyEncoding};
/// assert_eq!(detect_legacy("KÕ ho¹ch kiÓm so¸t thñ tôc hµnh chÝnh"), Some(LegacyEncoding::Tcvn3));
/// assert_eq!(detect_legacy("Keá hoaïch kieåm soaùt thuû tuïc haønh chính"), Some(LegacyEncoding::Vni));
/// assert_eq!(detect_legacy("Kế hoạch kiểm soát thủ tục hành chính"), None);
/// assert_eq!(detect_legacy("Café crème"), None);
/// ```
pub fn detect_legacy(s: &str) -> Option<LegacyEncoding> {
    // Every mark of either encoding is a Latin-1 letter (U+0080..U+00FF, lead bytes C2/C3)
    // and nothing above U+00FF may appear: settle most text from its bytes alone.
    if !latin1_only_with_marks(s) {
        return None;
    }
    let mut letters = 0;
    let mut tcvn = 0;
    let mut vni = 0;
    let mut prev_vowel = false;
    for c in s.chars() {
        if c as u32 >= 0x100 {
            return None;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
        if tcvn3_marker(c) {
            tcvn += 1;
        }
        if prev_vowel && vni_marks(c).is_some() || matches!(c, 'ñ' | 'Ñ' | 'ö' | 'Ö') {
            vni += 1;
        }
        prev_vowel = "aeiouyAEIOUY".contains(c);
    }
    if letters < 12 {
        return None;
    }
    if tcvn >= 2 && tcvn >= vni {
        Some(LegacyEncoding::Tcvn3)
    } else if vni >= 2 {
        Some(LegacyEncoding::Vni)
    } else {
        None
    }
}

/// Whether short text could be in `enc`: nothing beyond Latin-1 and at least one mark of
/// that encoding. Used once longer text of the same document was detected as `enc`.
pub fn could_be_legacy(s: &str, enc: LegacyEncoding) -> bool {
    if !latin1_only_with_marks(s) {
        return false;
    }
    match enc {
        LegacyEncoding::Tcvn3 => s.chars().any(tcvn3_marker),
        LegacyEncoding::Vni => {
            let mut prev_vowel = false;
            for c in s.chars() {
                if (prev_vowel && vni_marks(c).is_some())
                    || matches!(c, 'ñ' | 'Ñ' | 'ö' | 'Ö' | 'ô' | 'Ô')
                {
                    return true;
                }
                prev_vowel = "aeiouyAEIOUY".contains(c);
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
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
}
