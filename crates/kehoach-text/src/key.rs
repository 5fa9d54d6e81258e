//! Canonical keys for comparing Vietnamese texts.
//!
//! Vietnamese writes a syllable's tone as one combining mark, and two conventions place it on
//! different vowels ("hoá" / "hóa", "thuỷ" / "thủy"); careless typing puts it elsewhere again
//! ("họach"). The key therefore strips the tone from the letters and appends it once, after the
//! syllable, as a Telex letter (`s f r x j`), which no Vietnamese syllable ends with. Case is
//! folded, `Ð`/`ð` (Icelandic eth, a common look-alike) become `đ`, and every run of punctuation
//! or space becomes one space.

use unicode_normalization::UnicodeNormalization;

const ACUTE: char = '\u{0301}';
const GRAVE: char = '\u{0300}';
const HOOK: char = '\u{0309}';
const TILDE: char = '\u{0303}';
const DOT: char = '\u{0323}';

fn tone_letter(mark: char) -> Option<char> {
    match mark {
        ACUTE => Some('s'),
        GRAVE => Some('f'),
        HOOK => Some('r'),
        TILDE => Some('x'),
        DOT => Some('j'),
        _ => None,
    }
}

/// `char::is_alphanumeric`, answered without a table lookup for Latin letters.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{00C0}'..='\u{024F}' => c != '\u{00D7}' && c != '\u{00F7}',
        '\u{1E00}'..='\u{1EFF}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Folds the look-alikes of đ and lower-cases.
fn fold_letter(c: char, out: &mut String) {
    match c {
        'Đ' | 'Ð' | 'ð' | 'Ɖ' | 'ɖ' => out.push('đ'),
        c => out.extend(c.to_lowercase()),
    }
}

/// Splits `s` into tokens (runs of letters, digits and combining marks, each character
/// canonically decomposed) and calls `f` on each. Decomposing one character at a time skips
/// the reordering buffer of a full NFD pass; the keys do not depend on the order of marks.
fn for_each_token(s: &str, f: impl FnMut(&[char])) {
    // A combining mark written as its own character may stand out of canonical order
    // ("i\u{307}\u{347}"), which NFC (and so `clean`) reorders: such text takes a full NFD
    // pass first, so that a key is the same before and after cleaning. Precomposed text
    // (all of real Vietnamese NFC text) never has one.
    if s.chars().any(has_combining_class) {
        let nfd: String = s
            .chars()
            .filter(|&c| !crate::whitespace::is_dropped(c))
            .nfd()
            .collect();
        return tokens(&nfd, f);
    }
    tokens(s, f)
}

/// A character that is itself a combining mark (canonical combining class not 0).
fn has_combining_class(c: char) -> bool {
    use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
    if (c as u32) < 0x300 || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
        return false;
    }
    if canonical_combining_class(c) != 0 {
        return true;
    }
    // A character that decomposes into marks (Tibetan U+0F73 → U+0F71 U+0F72) is reordered
    // by NFC too: it needs the full pass as well.
    let mut marks = false;
    decompose_canonical(c, |d| marks |= canonical_combining_class(d) != 0);
    marks
}

fn tokens(s: &str, mut f: impl FnMut(&[char])) {
    let mut tok: Vec<char> = Vec::with_capacity(16);
    let mut parts: [char; 4] = ['\0'; 4];
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_control() && crate::whitespace::is_dropped(c) {
                // Dropped by clean, so it must not split a word here either.
                continue;
            }
            if c.is_ascii_alphanumeric() {
                tok.push(c);
            } else if !tok.is_empty() {
                f(&tok);
                tok.clear();
            }
            continue;
        }
        if crate::is_invisible(c) {
            continue;
        }
        let mut n = 0;
        unicode_normalization::char::decompose_canonical(c, |d| {
            if n < parts.len() {
                parts[n] = d;
                n += 1;
            }
        });
        for &d in &parts[..n] {
            if is_letter(d) || (is_combining(d) && !tok.is_empty()) {
                tok.push(d);
            } else if !tok.is_empty() {
                f(&tok);
                tok.clear();
            }
        }
    }
    if !tok.is_empty() {
        f(&tok);
    }
}

/// The canonical comparison key of a text. See the module documentation.
///
/// ```
/// use kehoach_text::match_key;
/// assert_eq!(match_key("Thuỷ lợi"), match_key("THỦY LỢI"));
/// assert_eq!(match_key("kế họach"), match_key("Kế hoạch"));
/// assert_eq!(match_key("hằng năm"), match_key("hàng năm"));
/// assert_ne!(match_key("Kiểm toàn"), match_key("Kiện toàn"));
/// ```
pub fn match_key(s: &str) -> String {
    if let Some(k) = fast_key(s, Kind::Match) {
        return k;
    }
    match_key_slow(s)
}

fn match_key_slow(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_token(s, |tok| {
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        let mut tone = None;
        // The letters, lower-cased, with their vowel marks (circumflex, breve, horn)
        // composed back onto them and the tone mark taken off.
        let mut prev: Option<char> = None;
        for &c in tok {
            if let Some(t) = tone_letter(c) {
                tone = Some(t);
                continue;
            }
            if is_combining(c) {
                match prev.and_then(|p| unicode_normalization::char::compose(p, c)) {
                    Some(composed) => prev = Some(composed),
                    None => {
                        if let Some(p) = prev.take() {
                            out.push(p);
                        }
                        out.push(c);
                    }
                }
                continue;
            }
            if let Some(p) = prev.take() {
                out.push(p);
            }
            let mut folded = String::new();
            fold_letter(c, &mut folded);
            let mut chars = folded.chars();
            prev = chars.next();
            for extra in chars {
                if let Some(p) = prev.replace(extra) {
                    out.push(p);
                }
            }
        }
        if let Some(p) = prev {
            out.push(p);
        }
        // "hằng năm" and "hàng năm" are both accepted spellings of "yearly".
        if tone == Some('f') && &out[start..] == "hăng" {
            out.truncate(start);
            out.push_str("hang");
        }
        if let Some(t) = tone {
            out.push(t);
        }
    });
    out
}

/// A key without any diacritics, for search typed without accents: `đ` becomes `d`, case and
/// punctuation are folded like in [`match_key`].
///
/// ```
/// assert_eq!(kehoach_text::ascii_key("Đơn giản hoá, TTHC"), "don gian hoa tthc");
/// ```
pub fn ascii_key(s: &str) -> String {
    if let Some(k) = fast_key(s, Kind::Ascii) {
        return k;
    }
    ascii_key_slow(s)
}

fn ascii_key_slow(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_token(s, |tok| {
        if !out.is_empty() {
            out.push(' ');
        }
        for &c in tok {
            if is_combining(c) {
                continue;
            }
            match c {
                'đ' | 'Đ' | 'Ð' | 'ð' | 'Ɖ' | 'ɖ' => out.push('d'),
                c => out.extend(c.to_lowercase()),
            }
        }
    });
    out
}

/// The general path of [`match_key`] and [`ascii_key`], without the table: the reference
/// that differential fuzzing (`fuzz/fuzz_targets/text_keys.rs`) holds the fast path to.
#[doc(hidden)]
pub mod general {
    pub fn match_key(s: &str) -> String {
        super::match_key_slow(s)
    }

    pub fn ascii_key(s: &str) -> String {
        super::ascii_key_slow(s)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Match,
    Ascii,
}

/// The key of one precomposed character, as the general path computes it: its letters
/// (lower-cased, vowel marks kept for [`match_key`], none for [`ascii_key`]) and its tone.
/// No letters: the character separates words.
struct KeyChar {
    /// The letters' UTF-8, inline (no pointer to follow in the hot loop).
    letters: [u8; KEY_CHAR_BYTES],
    len: u8,
    tone: Option<char>,
}

/// Room for a character's key letters; a character whose key is longer (none in the
/// table's ranges today) sends its text to the general path.
const KEY_CHAR_BYTES: usize = 6;

/// Characters whose keys are looked up: U+0080..U+024F and U+1E00..U+1EFF, all the letters
/// of Vietnamese and of the other Latin-script languages.
struct Table {
    matching: Vec<KeyChar>,
    ascii: Vec<KeyChar>,
}

const LATIN: std::ops::RangeInclusive<u32> = 0x80..=0x24F;
const LATIN_ADDITIONAL: std::ops::RangeInclusive<u32> = 0x1E00..=0x1EFF;
/// Entries of [`LATIN`] at the start of each table.
const LATIN_LEN: usize = (*LATIN.end() - *LATIN.start() + 1) as usize;

impl Table {
    fn get() -> &'static Table {
        static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let chars = || LATIN.chain(LATIN_ADDITIONAL).filter_map(char::from_u32);
            let entry = |c: char, kind: Kind| {
                let one = c.to_string();
                let mut letters = match kind {
                    Kind::Match => match_key_slow(&one),
                    Kind::Ascii => ascii_key_slow(&one),
                };
                let mut tone = None;
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if let Some(t) = tone_letter(d) {
                        tone = Some(t);
                    }
                });
                if kind == Kind::Match && tone.is_some() {
                    letters.pop();
                }
                let mut bytes = [0u8; KEY_CHAR_BYTES];
                let len = if letters.len() <= KEY_CHAR_BYTES {
                    bytes[..letters.len()].copy_from_slice(letters.as_bytes());
                    letters.len() as u8
                } else {
                    u8::MAX
                };
                KeyChar {
                    letters: bytes,
                    len,
                    tone: if kind == Kind::Match { tone } else { None },
                }
            };
            Table {
                matching: chars().map(|c| entry(c, Kind::Match)).collect(),
                ascii: chars().map(|c| entry(c, Kind::Ascii)).collect(),
            }
        })
    }

    fn lookup(&self, c: char, kind: Kind) -> Option<&KeyChar> {
        let u = c as u32;
        let i = if LATIN.contains(&u) {
            (u - LATIN.start()) as usize
        } else if LATIN_ADDITIONAL.contains(&u) {
            (u - LATIN_ADDITIONAL.start()) as usize + LATIN_LEN
        } else {
            return None;
        };
        match kind {
            Kind::Match => self.matching.get(i),
            Kind::Ascii => self.ascii.get(i),
        }
    }
}

/// The keys for text made of ASCII, Latin letters, invisible characters and general
/// punctuation (all real Vietnamese text): one pass, a table lookup per accented letter.
/// `None` for anything else (a combining mark of its own, another script), which takes the
/// general path. The two paths agree (tested over every character of the table).
fn fast_key(s: &str, kind: Kind) -> Option<String> {
    let table = Table::get();
    // Bytes: ASCII (most of any text) is handled a byte at a time without decoding; the
    // output is UTF-8 by construction (ASCII bytes and whole characters' letters).
    let mut out: Vec<u8> = Vec::with_capacity(s.len() + 8);
    // Start of the current word in `out`, and its tone.
    let mut word: Option<usize> = None;
    let mut tone: Option<char> = None;
    let end_word = |out: &mut Vec<u8>, word: &mut Option<usize>, tone: &mut Option<char>| {
        if let Some(start) = word.take() {
            if let Some(t) = tone.take() {
                if t == 'f' && &out[start..] == "hăng".as_bytes() {
                    out.truncate(start);
                    out.extend_from_slice(b"hang");
                }
                let mut buf = [0u8; 4];
                out.extend_from_slice(t.encode_utf8(&mut buf).as_bytes());
            }
        }
    };
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            if x.is_ascii_alphanumeric() {
                if word.is_none() {
                    if !out.is_empty() {
                        out.push(b' ');
                    }
                    word = Some(out.len());
                }
                out.push(x.to_ascii_lowercase());
            } else if !(x.is_ascii_control() && crate::whitespace::is_dropped(x as char)) {
                end_word(&mut out, &mut word, &mut tone);
            }
            continue;
        }
        let c = s[i..].chars().next()?;
        i += c.len_utf8();
        if crate::is_invisible(c) {
            continue;
        }
        if let Some(k) = table.lookup(c, kind) {
            if k.len == u8::MAX {
                return None;
            }
            if k.len == 0 {
                end_word(&mut out, &mut word, &mut tone);
                continue;
            }
            if word.is_none() {
                if !out.is_empty() {
                    out.push(b' ');
                }
                word = Some(out.len());
            }
            out.extend_from_slice(&k.letters[..k.len as usize]);
            if k.tone.is_some() {
                tone = k.tone;
            }
            continue;
        }
        if ('\u{2000}'..='\u{206F}').contains(&c) {
            end_word(&mut out, &mut word, &mut tone);
            continue;
        }
        return None;
    }
    end_word(&mut out, &mut word, &mut tone);
    String::from_utf8(out).ok()
}

/// Similarity of two texts in `0.0..=1.0`: the Dice coefficient over the multisets of
/// [`match_key`] tokens. Rewording that keeps most words scores high; reordering is free.
///
/// ```
/// let s = kehoach_text::similarity("Rà soát, đơn giản hoá TTHC", "rà soát đơn giản hóa thủ tục");
/// assert!(s > 0.5 && s < 1.0);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    let ka = match_key(a);
    let kb = match_key(b);
    token_dice(&ka, &kb)
}

pub(crate) fn token_dice(ka: &str, kb: &str) -> f64 {
    let mut ta: Vec<&str> = ka.split(' ').filter(|t| !t.is_empty()).collect();
    let mut tb: Vec<&str> = kb.split(' ').filter(|t| !t.is_empty()).collect();
    if ta.is_empty() && tb.is_empty() {
        return 1.0;
    }
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    ta.sort_unstable();
    tb.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < ta.len() && j < tb.len() {
        match ta[i].cmp(tb[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (ta.len() + tb.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys() {
        let same = [
            ("hoá", "hóa"),
            ("Thuỷ", "thủy"),
            ("hoà", "hòa"),
            ("quý", "qúy"),
            ("họach", "hoạch"),
            ("Ðơn", "đơn"),
            ("ĐƠN GIẢN HOÁ", "đơn giản hóa"),
            ("Ho\u{0301}a", "hóa"), // NFD
            ("hằng năm", "Hàng năm"),
            (
                "Sở Lao động - Thương binh và Xã hội",
                "Sở Lao động-Thương binh và Xã hội",
            ),
            ("một cửa, một cửa liên thông", "một cửa một cửa liên thông"),
            ("Văn phòng Sở", "Văn phòng sở"),
            ("a\u{00A0}b", "a  b"),
            ("zero\u{200B}width", "zerowidth"),
            ("(TTHC)", "TTHC"),
        ];
        for (a, b) in same {
            assert_eq!(match_key(a), match_key(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn different_keys() {
        let differ = [
            ("Kiểm toàn", "Kiện toàn"),
            ("Công Dịch vụ công", "Cổng Dịch vụ công"),
            ("tính", "tỉnh"),
            ("da", "đa"),
            ("hang", "hàng"),
        ];
        for (a, b) in differ {
            assert_ne!(match_key(a), match_key(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn key_shape() {
        assert_eq!(match_key("Hoá đơn"), "hoas đơn");
        assert_eq!(match_key("  Kế   hoạch, năm 2026. "), "kês hoachj năm 2026");
    }

    #[test]
    fn ascii_keys() {
        assert_eq!(ascii_key("Kiểm soát thủ tục"), "kiem soat thu tuc");
        assert_eq!(ascii_key("ĐỊNH HOÁ"), "dinh hoa");
        assert_eq!(ascii_key("tính"), ascii_key("tỉnh"));
    }

    #[test]
    fn fast_keys_equal_the_general_path() {
        let mut samples: Vec<String> = Vec::new();
        let chars: Vec<char> = (0u32..0x2100).filter_map(char::from_u32).collect();
        for &c in &chars {
            for t in [
                "{c}",
                "a{c}b",
                "h{c}ng",
                "{c}{c} x",
                "Ð{c}.",
                "ơ{c}\u{200b}",
            ] {
                samples.push(t.replace("{c}", &c.to_string()));
            }
        }
        samples.extend(
            [
                "hằng năm",
                "Hằng",
                "hằngg",
                "Kế hoạch, năm 2026",
                "ĐỊNH HOÁ – “trích yếu”",
                "x\u{7}y",
            ]
            .map(String::from),
        );
        for s in &samples {
            if let Some(k) = fast_key(s, Kind::Match) {
                assert_eq!(k, match_key_slow(s), "match_key {s:?}");
            }
            if let Some(k) = fast_key(s, Kind::Ascii) {
                assert_eq!(k, ascii_key_slow(s), "ascii_key {s:?}");
            }
        }
        // Real text takes the fast path.
        assert!(fast_key("Sở Tư pháp – “Kế hoạch” số 182/KH-UBND", Kind::Match).is_some());
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("a", ""), 0.0);
        assert_eq!(similarity("Kế hoạch năm 2026", "kế hoach năm 2026"), 0.75);
        assert_eq!(similarity("Đơn giản hoá", "đơn giản hóa"), 1.0);
    }
}
