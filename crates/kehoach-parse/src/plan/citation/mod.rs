//! Legal citations: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ", "Nghị quyết số
//! 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Luật Tổ chức chính quyền địa phương ngày 19
//! tháng 02 năm 2025", and the legal bases of a document ("Căn cứ …", "Thực hiện …").
//!
//! The grammar (one hand-written scanner, linear in the text; `\s` is white space other than a
//! line break; words are compared on their [`kehoach_text::ascii_key`], so case, tone placement
//! and NFD do not matter):
//!
//! ```text
//! citation  = TYPE \s+ (numbered | law-name)
//! numbered  = ("số" \s* ":"? \s*)? DIGITS* \s* ( "/" \s* (YEAR \s* "/" \s*)? STATE-SYMBOL
//!                                              | "-" \s* PARTY-SYMBOL )
//!             ((\s+ | \s* "," \s*) DATE)? (\s+ "của" \s+ ISSUER)? (\s+ DATE)?
//! STATE     = PART (\s* "-" \s* PART)*          "QĐ-TTg", "TTLT-BTC-BNV", "CTr-UBND", "QH15"
//! PARTY     = PART "/" PART ("-" PART)*         "57-NQ/TW", "141-KH/BDVTU", "05-QĐi/TW"
//! PART      = letter or digit or "&", any case, the first an upper-case letter (a digit
//!             after the first part)
//! DATE      = "ngày" \s* D{0,2} \s* ("/"|"-"|"."|"tháng") \s* D{0,2} \s* ("/"|"-"|"."|"năm") \s* D{4}
//! law-name  = (for Luật, Bộ luật, Hiến pháp, Pháp lệnh, Điều lệ) NAME then DATE, "năm" YEAR, or
//!             "số" numbered; NAME starts upper-case (or "sửa đổi" for an amending law, any
//!             word for Hiến pháp) and runs to the date; a comma goes on only before a
//!             lower-case word ("Luật Phòng, chống tham nhũng"). In a basis line a law may
//!             also be cited without a date ("Căn cứ Luật Đất đai;").
//! ISSUER    = words up to ";", ".", ":", a line break, an unbalanced ")", a lower-case
//!             word that starts a description (about, regulating, amending: "về", "quy
//!             định", "sửa đổi" … [`ISSUER_ENDS`]), a date, another citation, or 16 words;
//!             a comma goes on only before a title ("Bộ trưởng, Chủ nhiệm Văn phòng Chính
//!             phủ").
//! ```
//!
//! The issuer is the text's "của …" when there is one; else it is read from the symbol
//! ([`issuer::from_symbol`]): the text wins. A law cited by name is issued by the Quốc hội
//! (Hiến pháp 2013, Điều 70), a Pháp lệnh by the Ủy ban Thường vụ Quốc hội.

pub mod issuer;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::deadline::iso;

/// A cited document: "Quyết định số 182/QĐ-UBND ngày 25/12/2025 của UBND tỉnh Thái Nguyên".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LegalRef {
    pub text: String,
    /// "Quyết định", "Nghị định", "Kế hoạch", "Luật" … ("" for a basis that names no
    /// document that could be read).
    pub doc_type: String,
    /// "182" (none for a law cited by name).
    pub number: Option<String>,
    /// Year inside the reference, "61/2018/NĐ-CP" → 2018; for a law cited by name, its year.
    pub ref_year: Option<i32>,
    /// "QĐ-UBND", "NĐ-CP", "NQ/TW" (a Party symbol keeps its "/").
    pub symbol: Option<String>,
    /// ISO date, where given.
    pub date: Option<String>,
    /// The text's "của …"; else the body the symbol names.
    pub issuer: Option<String>,
}

impl LegalRef {
    /// "61/2018/NĐ-CP", "182/QĐ-UBND", "57-NQ/TW".
    pub fn reference(&self) -> Option<String> {
        let n = self.number.as_ref()?;
        Some(match (self.ref_year, &self.symbol) {
            (_, Some(s)) if s.contains('/') => format!("{n}-{s}"),
            (Some(y), Some(s)) => format!("{n}/{y}/{s}"),
            (None, Some(s)) => format!("{n}/{s}"),
            _ => n.clone(),
        })
    }
}

/// Document types, as the keys of their words, with their name. Longer first where one
/// starts another. `true` for the types that may be cited by name (laws, charters).
const TYPES: &[(&[&str], &str, bool)] = &[
    (&["bo", "luat"], "Bộ luật", true),
    (&["luat"], "Luật", true),
    (&["hien", "phap"], "Hiến pháp", true),
    (&["phap", "lenh"], "Pháp lệnh", true),
    (&["nghi", "dinh"], "Nghị định", false),
    (
        &["nghi", "quyet", "lien", "tich"],
        "Nghị quyết liên tịch",
        false,
    ),
    (&["nghi", "quyet"], "Nghị quyết", false),
    (&["quyet", "dinh"], "Quyết định", false),
    (&["quy", "dinh"], "Quy định", false),
    (&["quy", "che"], "Quy chế", false),
    (&["dieu", "le"], "Điều lệ", true),
    (
        &["thong", "tu", "lien", "tich"],
        "Thông tư liên tịch",
        false,
    ),
    (&["thong", "tu"], "Thông tư", false),
    (&["thong", "tri"], "Thông tri", false),
    (
        &["thong", "bao", "ket", "luan"],
        "Thông báo kết luận",
        false,
    ),
    (&["thong", "bao"], "Thông báo", false),
    (&["chi", "thi"], "Chỉ thị", false),
    (&["ket", "luan"], "Kết luận", false),
    (&["ke", "hoach"], "Kế hoạch", false),
    (&["cong", "van"], "Công văn", false),
    (&["cong", "dien"], "Công điện", false),
    (&["van", "ban", "hop", "nhat"], "Văn bản hợp nhất", false),
    (&["van", "ban"], "Văn bản", false),
    (&["huong", "dan"], "Hướng dẫn", false),
    (&["to", "trinh"], "Tờ trình", false),
    (&["chuong", "trinh"], "Chương trình", false),
    (&["bao", "cao"], "Báo cáo", false),
    (&["de", "an"], "Đề án", false),
    (&["phuong", "an"], "Phương án", false),
];

/// Lower-case words that end an issuer: the description of the document begins. Compared
/// on [`kehoach_text::match_key`] (tones count: "giao" ends it, "Tôn giáo" does not).
pub const ISSUER_ENDS: &[&str] = &[
    "về",
    "quy định",
    "hướng dẫn",
    "ban hành",
    "sửa đổi",
    "bổ sung",
    "phê duyệt",
    "triển khai",
    "thực hiện",
    "thi hành",
    "thay thế",
    "bãi bỏ",
    "công bố",
    "kiện toàn",
    "tổ chức",
    "tăng cường",
    "đẩy mạnh",
    "nâng cao",
    "tiếp tục",
    "đối với",
    "giai đoạn",
    "chỉ đạo",
    "nhằm",
    "để",
    "trong",
    "tại",
    "theo",
    "với",
    "cho",
    "kèm",
    "ngày",
    "năm",
    "đến",
    "là",
    "đã",
    "được",
    "giao",
    "và các",
];

/// [`ISSUER_ENDS`] as match keys, word by word.
fn issuer_ends() -> &'static [Vec<String>] {
    static KEYS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        ISSUER_ENDS
            .iter()
            .map(|p| {
                kehoach_text::match_key(p)
                    .split(' ')
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    })
}

/// The [`ISSUER_ENDS`] phrases by the first byte of their first word's key.
fn issuer_ends_by_byte() -> &'static [Vec<&'static [String]>] {
    static BY: std::sync::OnceLock<Vec<Vec<&'static [String]>>> = std::sync::OnceLock::new();
    BY.get_or_init(|| {
        let mut by = vec![Vec::new(); 256];
        for w in issuer_ends() {
            if let Some(&b) = w[0].as_bytes().first() {
                by[usize::from(b)].push(w.as_slice());
            }
        }
        by
    })
}

/// The [`TYPES`] by the first byte of their first word, in order.
fn types_by_byte() -> &'static [Vec<&'static (&'static [&'static str], &'static str, bool)>] {
    type Entry = &'static (&'static [&'static str], &'static str, bool);
    static BY: std::sync::OnceLock<Vec<Vec<Entry>>> = std::sync::OnceLock::new();
    BY.get_or_init(|| {
        let mut by = vec![Vec::new(); 256];
        for t in TYPES {
            if let Some(&b) = t.0[0].as_bytes().first() {
                by[usize::from(b)].push(t);
            }
        }
        by
    })
}

/// Titles and co-issuing bodies that may follow a comma inside an issuer ("của Bộ trưởng,
/// Chủ nhiệm …", "của Bộ Chính trị, Ban Bí thư").
const TITLES: &[&[&str]] = &[
    &["bo", "chinh", "tri"],
    &["ban", "bi", "thu"],
    &["ban", "chap", "hanh"],
    &["chu", "nhiem"],
    &["bo", "truong"],
    &["thu", "truong"],
    &["chu", "tich"],
    &["truong", "ban"],
    &["giam", "doc"],
    &["tong", "giam", "doc"],
    &["thong", "doc"],
    &["tong", "kiem", "toan"],
    &["chanh", "an"],
    &["vien", "truong"],
    &["tong", "cuc", "truong"],
    &["cuc", "truong"],
    &["bi", "thu"],
    &["pho"],
];

/// Words that put a citation right after them inside the description of the one before
/// ("… sửa đổi, bổ sung một số điều của Nghị định số …"): see [`is_nested_gap`].
const SEPARATOR_WORDS: &[&str] = &["va", "cung", "hoac", "cac"];

const MAX_ISSUER_WORDS: usize = 16;
const MAX_LAW_NAME_WORDS: usize = 40;
const MAX_SYMBOL_CHARS: usize = 40;
const MAX_NUMBER_DIGITS: usize = 7;
/// Longer than any word compared with a keyword ("nghị", "quyết", "hướng" …) in bytes.
const MAX_KEYWORD_BYTES: usize = 48;

/// `char::is_alphanumeric` or a combining mark: a character of a word. ASCII and the Latin
/// blocks of Vietnamese text are answered without a table lookup (every character of
/// U+00C0..=U+024F but × and ÷, and of U+1E00..=U+1EFF, is alphanumeric).
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        '\u{00C0}'..='\u{024F}' => c != '\u{00D7}' && c != '\u{00F7}',
        '\u{0300}'..='\u{036F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `char::is_alphanumeric`, answered like [`is_word_char`] for ASCII and the Latin blocks.
fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        '\u{00C0}'..='\u{024F}' => c != '\u{00D7}' && c != '\u{00F7}',
        '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Index of a character of the Latin blocks U+00C0..=U+024F and U+1E00..=U+1EFF.
fn latin_index(c: char) -> Option<usize> {
    match c as usize {
        i @ 0xC0..=0x24F => Some(i - 0xC0),
        i @ 0x1E00..=0x1EFF => Some(i - 0x1E00 + 0x190),
        _ => None,
    }
}

/// For each character of the Latin blocks ([`latin_index`]), its
/// [`kehoach_text::ascii_key`] when that is one ASCII letter or digit, else 0. The key of a
/// word made of ASCII letters, digits and such characters is their keys one after another.
fn latin_fold() -> &'static [u8; 0x290] {
    static TABLE: std::sync::OnceLock<[u8; 0x290]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; 0x290];
        for c in ('\u{00C0}'..='\u{024F}').chain('\u{1E00}'..='\u{1EFF}') {
            let k = kehoach_text::ascii_key(c.encode_utf8(&mut [0; 4]));
            if let (Some(i), [b]) = (latin_index(c), k.as_bytes()) {
                if b.is_ascii_lowercase() || b.is_ascii_digit() {
                    t[i] = *b;
                }
            }
        }
        t
    })
}

/// The one ASCII letter or digit that a character contributes to the
/// [`kehoach_text::ascii_key`] of a word it is in, when it is an ASCII letter or digit or a
/// Latin letter of [`latin_fold`]; the key of a word begins with its first characters' letters
/// while these are known.
fn fold(c: char) -> Option<u8> {
    if c.is_ascii() {
        return c
            .is_ascii_alphanumeric()
            .then(|| c.to_ascii_lowercase() as u8);
    }
    let b = latin_fold()[latin_index(c)?];
    (b != 0).then_some(b)
}

/// Whether some [`TYPES`] first word begins with the letters `a`, `b`.
fn type_prefix(a: u8, b: u8) -> bool {
    static SECOND: std::sync::OnceLock<[u128; 128]> = std::sync::OnceLock::new();
    let second = SECOND.get_or_init(|| {
        let mut t = [0u128; 128];
        for (k, _, _) in TYPES {
            if let [a, b, ..] = k[0].as_bytes() {
                t[usize::from(*a & 0x7F)] |= 1 << (*b & 0x7F);
            }
        }
        t
    });
    a < 128 && b < 128 && second[usize::from(a)] & (1 << b) != 0
}

/// A word's key ([`kehoach_text::ascii_key`] or [`kehoach_text::match_key`]), kept in place
/// when it could be computed without the general path.
struct WordKey {
    buf: [u8; MAX_KEYWORD_BYTES],
    len: usize,
    general: Option<String>,
}

impl WordKey {
    fn general(k: String) -> Self {
        WordKey {
            buf: [0; MAX_KEYWORD_BYTES],
            len: 0,
            general: Some(k),
        }
    }
    /// `kehoach_text::match_key(w)` of a word (a run of [`is_word_char`]): in place when it
    /// is ASCII (letters and digits lower-cased, no tone).
    fn matching(w: &str) -> Self {
        if w.len() > MAX_KEYWORD_BYTES || !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Self::general(kehoach_text::match_key(w));
        }
        let mut k = WordKey {
            buf: [0; MAX_KEYWORD_BYTES],
            len: w.len(),
            general: None,
        };
        for (d, b) in k.buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        k
    }
    fn as_bytes(&self) -> &[u8] {
        match &self.general {
            Some(k) => k.as_bytes(),
            None => &self.buf[..self.len],
        }
    }
}

/// White space within a line.
fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// A position in the text being scanned.
#[derive(Clone, Copy)]
struct Scan<'a> {
    t: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    fn rest(self) -> &'a str {
        &self.t[self.at..]
    }
    fn to(self, at: usize) -> Self {
        Scan { at, ..self }
    }
    fn peek(self) -> Option<char> {
        self.rest().chars().next()
    }
    fn bump(self) -> Self {
        self.to(self.at + self.peek().map_or(0, char::len_utf8))
    }
    fn spaces(self) -> Self {
        let r = self.rest();
        let n: usize = r
            .chars()
            .take_while(|&c| is_space(c))
            .map(char::len_utf8)
            .sum();
        self.to(self.at + n)
    }
    fn spaces1(self) -> Option<Self> {
        let q = self.spaces();
        (q.at > self.at).then_some(q)
    }
    fn ch(self, c: char) -> Option<Self> {
        (self.peek() == Some(c)).then(|| self.bump())
    }
    /// The position after the word starting here.
    fn word(self) -> Option<Self> {
        let r = self.rest();
        let n = r
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(r.len(), |(i, _)| i);
        (n > 0).then(|| self.to(self.at + n))
    }
    /// The word starting here if it is short enough to be a keyword (scanning no further).
    fn short_word(self) -> Option<&'a str> {
        let mut n = 0;
        for c in self.rest().chars() {
            if !is_word_char(c) {
                break;
            }
            n += c.len_utf8();
            if n > MAX_KEYWORD_BYTES {
                return None;
            }
        }
        (n > 0).then(|| &self.t[self.at..self.at + n])
    }
    /// [`Scan::short_word`] and its [`kehoach_text::ascii_key`], in one pass.
    fn short_word_key(self) -> Option<(&'a str, WordKey)> {
        let r = self.rest();
        let table = latin_fold();
        let mut k = WordKey {
            buf: [0; MAX_KEYWORD_BYTES],
            len: 0,
            general: None,
        };
        let mut general = false;
        let mut n = 0;
        for c in r.chars() {
            let b = if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase() as u8
            } else if c.is_ascii() {
                break;
            } else if let Some(b) = latin_index(c).map(|i| table[i]).filter(|&b| b != 0) {
                b
            } else if is_word_char(c) {
                general = true;
                0
            } else {
                break;
            };
            n += c.len_utf8();
            if n > MAX_KEYWORD_BYTES {
                return None;
            }
            if !general {
                k.buf[k.len] = b;
                k.len += 1;
            }
        }
        if n == 0 {
            return None;
        }
        let w = &r[..n];
        if general {
            k = WordKey::general(kehoach_text::ascii_key(w));
        }
        Some((w, k))
    }
    /// The words with these match keys, separated by spaces, starting here.
    fn match_words(self, keys: &[String]) -> Option<Self> {
        let mut p = self;
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                p = p.spaces1()?;
            }
            let w = p.short_word()?;
            if WordKey::matching(w).as_bytes() != k.as_bytes() {
                return None;
            }
            p = p.to(p.at + w.len());
        }
        Some(p)
    }
    /// `\s+` and the words with these match keys after a word that ends here.
    fn match_rest(self, keys: &[String]) -> bool {
        keys.is_empty() || self.spaces1().and_then(|p| p.match_words(keys)).is_some()
    }
    /// A lower-case word that starts a description ([`ISSUER_ENDS`]) here; in a citation
    /// written in capitals (`caps`), such a word in capitals too.
    fn at_issuer_end(self, caps: bool) -> bool {
        let Some(word) = self.short_word() else {
            return false;
        };
        if !(self.starts_lower() || caps && !word.chars().any(char::is_lowercase)) {
            return false;
        }
        // An ASCII first letter is the first letter of the key: no phrase may start with it.
        if let Some(&b) = word
            .as_bytes()
            .first()
            .filter(|b| b.is_ascii_alphanumeric())
        {
            if issuer_ends_by_byte()[usize::from(b.to_ascii_lowercase())].is_empty() {
                return false;
            }
        }
        // The first word's key once; the rest of the phrases starting with it, then.
        let first = WordKey::matching(word);
        let first = first.as_bytes();
        let after = self.to(self.at + word.len());
        let Some(&b) = first.first() else {
            return false;
        };
        issuer_ends_by_byte()[usize::from(b)]
            .iter()
            .any(|w| w[0].as_bytes() == first && after.match_rest(&w[1..]))
    }
    /// The words `keys`, separated by spaces, starting here.
    fn words(self, keys: &[&str]) -> Option<Self> {
        let mut p = self;
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                p = p.spaces1()?;
            }
            // The first letter of the key first, where it is known.
            if let Some(b) = fold(p.peek()?) {
                if k.as_bytes().first() != Some(&b) {
                    return None;
                }
            }
            let (w, key) = p.short_word_key()?;
            if key.as_bytes() != k.as_bytes() {
                return None;
            }
            p = p.to(p.at + w.len());
        }
        Some(p)
    }
    /// Up to `max` ASCII digits.
    fn digits(self, max: usize) -> (Self, usize) {
        let n = self
            .rest()
            .bytes()
            .take(max + 1)
            .take_while(u8::is_ascii_digit)
            .count();
        (self.to(self.at + n), n)
    }
    fn starts_upper(self) -> bool {
        self.peek().is_some_and(char::is_uppercase)
    }
    fn starts_lower(self) -> bool {
        self.peek().is_some_and(char::is_lowercase)
    }
}

/// A document type at `p` (a word start): its name, whether it may be cited by name, and
/// the position after it.
fn doc_type_at(p: Scan<'_>) -> Option<(Scan<'_>, &'static str, bool)> {
    // Cheap test first: every type's first word starts with one of these letters.
    let c = p.peek()?;
    let first = match c {
        'đ' | 'Đ' => 'd',
        c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
        _ => return None,
    };
    if !matches!(
        first,
        'b' | 'l' | 'h' | 'p' | 'n' | 'q' | 'd' | 't' | 'c' | 'k' | 'v'
    ) {
        return None;
    }
    // Then the first two letters of the key, where they are known (a one-letter word is no
    // type).
    let mut cs = p.rest().chars();
    if let Some(a) = cs.next().and_then(fold) {
        match cs.next() {
            Some(c2) => match fold(c2) {
                Some(b) if !type_prefix(a, b) => return None,
                None if !is_word_char(c2) => return None,
                _ => {}
            },
            None => return None,
        }
    }
    // The key of a word of known letters, in place: no first word of a type is longer
    // than 6 letters.
    let mut buf = [0u8; 6];
    let mut n = 0;
    let mut end = p.at;
    let mut known = true;
    for c in p.rest().chars() {
        if let Some(b) = fold(c) {
            if n == buf.len() {
                return None;
            }
            buf[n] = b;
            n += 1;
        } else {
            known = !is_word_char(c);
            break;
        }
        end += c.len_utf8();
    }
    let general;
    let (key, after) = if known {
        (&buf[..n], p.to(end))
    } else {
        let (word, key) = p.short_word_key()?;
        general = key;
        (general.as_bytes(), p.to(p.at + word.len()))
    };
    let &b = key.first()?;
    types_by_byte()[usize::from(b)]
        .iter()
        .filter(|(k, _, _)| k[0].as_bytes() == key)
        .find_map(|(k, name, law)| {
            if k.len() == 1 {
                return Some((after, *name, *law));
            }
            after.spaces1()?.words(&k[1..]).map(|q| (q, *name, *law))
        })
}

/// Whether a citation of any type with a number starts at `p` ("Nghị định số", "Luật 5/").
fn citation_starts(p: Scan<'_>) -> bool {
    let Some((q, _, _)) = doc_type_at(p) else {
        return false;
    };
    let Some(q) = q.spaces1() else { return false };
    q.words(&["so"]).is_some() || q.peek().is_some_and(|c| c.is_ascii_digit())
}

/// A document cited in a text, where it is, and whether it is cited inside another one's
/// description (then it is not a basis of the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub r: LegalRef,
    pub span: Range<usize>,
    pub nested: bool,
}

/// Every document cited in `text`, left to right, each once (see the module's grammar).
///
/// ```
/// let refs = kehoach_parse::plan::citation::find_citations(
///     "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa");
/// assert_eq!(refs[0].doc_type, "Nghị định");
/// assert_eq!(refs[0].reference().unwrap(), "61/2018/NĐ-CP");
/// assert_eq!(refs[0].date.as_deref(), Some("2018-04-23"));
/// assert_eq!(refs[0].issuer.as_deref(), Some("Chính phủ"));
/// ```
pub fn find_citations(text: &str) -> Vec<LegalRef> {
    scan(text, false).into_iter().map(|f| f.r).collect()
}

/// Every document cited in `text`, with where and whether nested. `basis`: the text is a
/// basis line, where a law may be cited by name alone ("Căn cứ Luật Đất đai;").
pub fn scan(text: &str, basis: bool) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    let mut prev_word = false;
    // The start of the current clause (after ";", a line break or a sentence's end).
    let mut clause_start = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else {
            break;
        };
        if !prev_word && is_word_char(c) {
            if let Some((span, r)) = citation_at(text, i, basis) {
                let first_in_clause = out.last().is_none_or(|f| f.span.end <= clause_start);
                let nested = if first_in_clause {
                    false
                } else {
                    let prev = out.last().is_some_and(|f| f.nested);
                    let gap_from = out.last().map_or(clause_start, |f| f.span.end);
                    is_nested_gap(&text[gap_from..span.start], prev)
                };
                i = span.end;
                out.push(Found { r, span, nested });
                prev_word = false;
                continue;
            }
            // No citation here: the rest of the word holds no clause end and starts none.
            let rest = Scan { t: text, at: i }
                .word()
                .map_or(i + c.len_utf8(), |q| q.at);
            prev_word = true;
            i = rest;
            continue;
        }
        if matches!(c, ';' | '\n' | '\r' | '.') && is_clause_end(text, i, c) {
            clause_start = i + c.len_utf8();
        }
        prev_word = is_word_char(c);
        i += c.len_utf8();
    }
    out
}

/// The character at byte `i` of `t` (a character boundary).
fn char_at(t: &str, i: usize) -> Option<char> {
    match t.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => t.get(i..)?.chars().next(),
    }
}

/// ";", a line break, or "." ending a sentence (a space and an upper-case letter, or the
/// end, after it; not "TP.").
fn is_clause_end(text: &str, i: usize, c: char) -> bool {
    match c {
        ';' | '\n' | '\r' => true,
        '.' => {
            let after = Scan { t: text, at: i + 1 };
            let s = after.spaces();
            let ends = s.peek().is_none() || (s.at > after.at && s.starts_upper());
            ends && !text[..i].ends_with("TP") && !text[..i].ends_with("Tp")
        }
        _ => false,
    }
}

/// Whether a citation is cited inside the description of the one before it in the same
/// clause, from the text between them (`gap`). Rule: the citation right after a word of
/// the description ("… một số điều của", "… hướng dẫn thi hành", "… tại") is nested;
/// after a comma or "và" that closes a description ("… về kiểm soát thủ tục hành chính,
/// Nghị định số …") or after "căn cứ" it is a basis of its own; with only a separator
/// between ("Nghị định số 1, Nghị định số 2") it is what the one before it is.
fn is_nested_gap(gap: &str, prev_nested: bool) -> bool {
    let key = kehoach_text::ascii_key(gap);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().all(|w| SEPARATOR_WORDS.contains(w)) {
        return prev_nested;
    }
    let trimmed = gap.trim_end_matches(|c: char| c.is_whitespace());
    if trimmed.ends_with([',', '-', '+']) {
        return false;
    }
    let last = words.last().copied().unwrap_or("");
    let before_last = words.len().checked_sub(2).map_or("", |k| words[k]);
    if last == "cu" && before_last == "can" {
        return false;
    }
    if last == "va" {
        return trimmed.len() < 4 && prev_nested;
    }
    true
}

/// A citation starting at byte `i` (a word start): its span and what it says.
fn citation_at(text: &str, i: usize, basis: bool) -> Option<(Range<usize>, LegalRef)> {
    let start = Scan { t: text, at: i };
    let (after_type, doc_type, law) = doc_type_at(start)?;
    let p = after_type.spaces1()?;
    if let Some(found) = numbered(text, i, p, doc_type) {
        return Some(found);
    }
    if law {
        return law_by_name(text, i, p, doc_type, basis);
    }
    None
}

/// `("số" \s* ":"? \s*)? DIGITS* \s* ("/" … STATE | "-" PARTY) DATE? ("của" ISSUER)? DATE?`
fn numbered(
    text: &str,
    i: usize,
    p: Scan<'_>,
    doc_type: &'static str,
) -> Option<(Range<usize>, LegalRef)> {
    let caps = !text[i..p.at].chars().any(char::is_lowercase);
    let mut p = p;
    if let Some(q) = p.words(&["so"]) {
        let q = q.spaces();
        p = q.ch(':').unwrap_or(q).spaces();
    }
    let (after_num, n) = p.digits(MAX_NUMBER_DIGITS);
    if n > MAX_NUMBER_DIGITS {
        return None;
    }
    let number = Some(text[p.at..after_num.at].to_string()).filter(|s| !s.is_empty());
    let q = after_num.spaces();
    let (end, ref_year, symbol) = if let Some(q) = q.ch('/') {
        let mut q = q.spaces();
        let mut ref_year = None;
        let (y, k) = q.digits(4);
        if k == 4 {
            if let Some(r) = y.spaces().ch('/') {
                ref_year = text[q.at..y.at].parse().ok();
                q = r.spaces();
            }
        }
        let (end, symbol) = state_symbol(q)?;
        (end, ref_year, symbol)
    } else if n > 0 {
        let q = q.ch('-')?.spaces();
        let (end, symbol) = party_symbol(q)?;
        (end, None, symbol)
    } else {
        return None;
    };
    let mut end = end;
    let mut date = None;
    // "… /NĐ-CP ngày 5/3/2020", also with a comma between ("… /NĐ-CP, ngày 5/3/2020").
    let before_date = end
        .spaces()
        .ch(',')
        .map(Scan::spaces)
        .or_else(|| end.spaces1());
    if let Some((q, d)) = before_date.and_then(date_at) {
        end = q;
        date = d;
    }
    let mut issuer = None;
    // A citation written in capitals ("CĂN CỨ NGHỊ ĐỊNH SỐ …") ends its issuer at a word
    // in capitals too ("… CỦA CHÍNH PHỦ VỀ …").
    if let Some((q, s)) = issuer_at(end, caps) {
        end = q;
        issuer = Some(s);
        if date.is_none() {
            if let Some((q, d)) = end.spaces1().and_then(date_at) {
                end = q;
                date = d;
            }
        }
    }
    let issuer = issuer.or_else(|| issuer::from_symbol(&symbol));
    Some((
        i..end.at,
        LegalRef {
            text: kehoach_text::clean(&text[i..end.at]),
            doc_type: doc_type.to_string(),
            number,
            ref_year,
            symbol: Some(symbol),
            date,
            issuer,
        },
    ))
}

/// One part of a symbol: letters (any case), digits, "&"; at most [`MAX_SYMBOL_CHARS`].
fn symbol_part(p: Scan<'_>) -> Scan<'_> {
    let n: usize = p
        .rest()
        .chars()
        .take(MAX_SYMBOL_CHARS)
        .take_while(|&c| c == '&' || is_alphanumeric(c))
        .map(char::len_utf8)
        .sum();
    p.to(p.at + n)
}

/// `PART (\s* "-" \s* PART)*`, the first part starting upper-case, the others upper-case
/// or a digit: the end and the symbol without spaces ("KH - UBND" → "KH-UBND").
fn state_symbol(p: Scan<'_>) -> Option<(Scan<'_>, String)> {
    if !p.starts_upper() {
        return None;
    }
    let mut end = symbol_part(p);
    let mut sym = p.t[p.at..end.at].to_string();
    for _ in 0..6 {
        let Some(q) = end.spaces().ch('-') else { break };
        let q = q.spaces();
        if !q
            .peek()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            break;
        }
        let r = symbol_part(q);
        sym.push('-');
        sym.push_str(&p.t[q.at..r.at]);
        end = r;
    }
    Some((end, sym))
}

/// `PART "/" PART ("-" PART)*`: "NQ/TW", "KH/BDVTU", "QĐi/TW".
fn party_symbol(p: Scan<'_>) -> Option<(Scan<'_>, String)> {
    if !p.starts_upper() {
        return None;
    }
    let a = symbol_part(p);
    let q = a.spaces().ch('/')?.spaces();
    let (end, body) = state_symbol(q)?;
    Some((end, format!("{}/{}", &p.t[p.at..a.at], body)))
}

/// `DATE` at `p`: the end and the ISO date when day and month are given and valid.
fn date_at(p: Scan<'_>) -> Option<(Scan<'_>, Option<String>)> {
    let p = p.words(&["ngay"])?.spaces();
    fn num(q: Scan<'_>) -> Option<(Scan<'_>, Option<u32>)> {
        let (r, n) = q.digits(2);
        (n <= 2).then(|| (r.spaces(), q.t[q.at..r.at].parse::<u32>().ok()))
    }
    fn sep<'a>(q: Scan<'a>, word: &str) -> Option<Scan<'a>> {
        ['/', '-', '.']
            .into_iter()
            .find_map(|c| q.ch(c))
            .or_else(|| q.words(&[word]))
            .map(Scan::spaces)
    }
    let (p, d) = num(p)?;
    let p = sep(p, "thang")?;
    let (p, m) = num(p)?;
    let p = sep(p, "nam")?;
    let (end, n) = p.digits(4);
    if n != 4 {
        return None;
    }
    let y: i32 = p.t[p.at..end.at].parse().ok()?;
    let date = match (d, m) {
        (Some(d), Some(m)) if (1..=31).contains(&d) && (1..=12).contains(&m) => {
            Some(iso((y, m, d)))
        }
        _ => None,
    };
    Some((end, date))
}

/// `\s+ "của" \s+ ISSUER`: the end and the issuer as written (cleaned).
fn issuer_at(p: Scan<'_>, caps: bool) -> Option<(Scan<'_>, String)> {
    let p = p.spaces1()?.words(&["cua"])?.spaces1()?;
    let start = p.at;
    let mut end = p; // after the last word of the issuer
    let mut q = p;
    let mut words = 0;
    let mut depth = 0usize;
    while words < MAX_ISSUER_WORDS {
        let Some(c) = q.peek() else { break };
        if is_word_char(c) {
            if q.at_issuer_end(caps) {
                break;
            }
            if citation_starts(q) {
                break;
            }
            let r = q.word()?;
            words += 1;
            end = r;
            q = r;
        } else if is_space(c) {
            q = q.spaces();
        } else if c == ',' {
            let r = q.bump().spaces();
            if !r.starts_upper() || !TITLES.iter().any(|w| r.words(w).is_some()) {
                break;
            }
            q = r;
        } else if c == '(' {
            depth += 1;
            q = q.bump();
        } else if c == ')' {
            if depth == 0 {
                break;
            }
            depth -= 1;
            q = q.bump();
            end = q;
        } else if c == '.' && (q.t[..q.at].ends_with("TP") || q.t[..q.at].ends_with("Tp")) {
            // "UBND TP. Hồ Chí Minh": the dot of the abbreviation of "thành phố".
            q = q.bump();
        } else if c == '-' || c == '–' || c == '&' || c == '\'' || c == '’' {
            // "Bà Rịa - Vũng Tàu", "Lao động - Thương binh và Xã hội".
            q = q.bump();
        } else {
            break;
        }
    }
    // A trailing "và" or "(" belongs to what follows.
    let mut s = p.t[start..end.at].trim_end();
    loop {
        let t = s.trim_end_matches(['(', ' ', '-', '–']);
        let t = t.strip_suffix(" và").unwrap_or(t);
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    let issuer = kehoach_text::clean(s);
    (!issuer.is_empty()).then(|| (p.to(start + s.len()), issuer))
}

/// A law cited by name: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
/// "Luật sửa đổi, bổ sung một số điều của Luật … năm 2019", "Hiến pháp năm 2013".
fn law_by_name(
    text: &str,
    i: usize,
    p: Scan<'_>,
    doc_type: &'static str,
    basis: bool,
) -> Option<(Range<usize>, LegalRef)> {
    let constitution = doc_type == "Hiến pháp";
    let amending = p.words(&["sua", "doi"]).is_some();
    if !(p.starts_upper() || amending || constitution) {
        return None;
    }
    // Who passes a document cited by name (Hiến pháp 2013, Điều 70 and 74); a charter
    // ("Điều lệ Đảng", "Điều lệ Hội") says nothing of it.
    let issuer = match doc_type {
        "Pháp lệnh" => Some("Ủy ban Thường vụ Quốc hội"),
        "Điều lệ" => None,
        _ => Some("Quốc hội"),
    };
    let make = |end: usize, year: Option<i32>, date: Option<String>, number: Option<String>| {
        let t = text[i..end].trim_end();
        LegalRef {
            text: kehoach_text::clean(t),
            doc_type: doc_type.to_string(),
            number,
            ref_year: year,
            symbol: None,
            date,
            issuer: issuer.map(str::to_string),
        }
    };
    let mut q = p;
    let mut name_end = p.at;
    let mut words = 0;
    while let Some(c) = q.peek() {
        if is_word_char(c) {
            // What ends the name: a date, a year, a number.
            if words > 0 || constitution {
                if let Some((end, date)) = date_at(q) {
                    let year = text[end.at - 4..end.at].parse().ok();
                    return Some((i..end.at, make(end.at, year, date, None)));
                }
                if let Some(r) = q.words(&["nam"]).and_then(Scan::spaces1) {
                    let (end, n) = r.digits(4);
                    if n == 4 {
                        let year = text[r.at..end.at].parse().ok();
                        return Some((i..end.at, make(end.at, year, None, None)));
                    }
                }
                if q.words(&["so"]).is_some() {
                    if let Some((span, mut r)) = numbered(text, i, q, doc_type) {
                        // "Luật Đất đai số 31/2024/QH15": the name stays in the text.
                        r.issuer = r.issuer.or(issuer.map(str::to_string));
                        return Some((span, r));
                    }
                }
            }
            if words >= MAX_LAW_NAME_WORDS {
                return None;
            }
            if !amending
                && words > 0
                && q.starts_upper()
                && doc_type_at(q).is_some_and(|(_, _, law)| law)
            {
                break;
            }
            if !amending && q.starts_lower() && at_name_end(q) {
                break;
            }
            let r = q.word()?;
            words += 1;
            name_end = r.at;
            q = r;
        } else if is_space(c) {
            q = q.spaces();
        } else if c == ',' {
            let r = q.bump().spaces();
            if !r.starts_lower() {
                break;
            }
            q = r;
        } else if c == '-' || c == '–' || c == '(' || c == ')' {
            q = q.bump();
        } else {
            break;
        }
    }
    // No date: only in a basis line, and only a name ("Căn cứ Luật Đất đai;").
    if !basis || words == 0 || words > 15 {
        return None;
    }
    // A trailing "và" before another law belongs to the list, not the name.
    let mut end = name_end;
    let name = text[p.at..end].trim_end();
    if let Some(n) = name.strip_suffix(" và") {
        end = p.at + n.len();
    }
    Some((i..end, make(end, None, None, None)))
}

/// Whether one of the first 8 [`ISSUER_ENDS`] or the last one ("về" … "phê duyệt", "và
/// các") starts at `q`: a law's name ends there.
fn at_name_end(q: Scan<'_>) -> bool {
    let ends = issuer_ends();
    let mut phrases = ends[..8].iter().chain(ends.last());
    let Some(word) = q.short_word() else {
        return false;
    };
    // An ASCII first letter is the first letter of the key (see `Scan::at_issuer_end`).
    if let Some(&b) = word
        .as_bytes()
        .first()
        .filter(|b| b.is_ascii_alphanumeric())
    {
        let b = b.to_ascii_lowercase();
        if !phrases.clone().any(|w| w[0].as_bytes().first() == Some(&b)) {
            return false;
        }
    }
    let first = WordKey::matching(word);
    let after = q.to(q.at + word.len());
    phrases.any(|w| w[0].as_bytes() == first.as_bytes() && after.match_rest(&w[1..]))
}

/// [`kehoach_text::ascii_key`] of a text: in one pass over ASCII and the letters of
/// [`latin_fold`], else by the general function.
fn text_ascii_key(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut in_word = false;
    for c in t.chars() {
        if let Some(b) = fold(c) {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            out.push(char::from(b));
        } else if c.is_ascii() && !c.is_ascii_control() {
            in_word = false;
        } else {
            return kehoach_text::ascii_key(t);
        }
    }
    out
}

/// What [`legal_bases`] read.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Bases {
    pub refs: Vec<LegalRef>,
    /// Warnings for the plan: each basis kept as text only because no citation could be
    /// read from it ("không đọc được căn cứ: …").
    pub warnings: Vec<String>,
}

/// Words a basis line starts with (as keys). "Theo đề nghị của …" is not a basis: it names
/// who proposed the document.
const LEADS: &[&[&str]] = &[&["can", "cu"], &["thuc", "hien"], &["trien", "khai"]];

fn starts_with_lead(t: &str) -> bool {
    let p = Scan { t, at: 0 }.spaces();
    LEADS.iter().any(|w| p.words(w).is_some())
}

/// A line of a list: "1.", "2)", "a)", "-", "+", "•", or a line starting with a document
/// type ("Luật …", "Nghị định số …").
fn is_list_item(t: &str) -> bool {
    let p = Scan { t, at: 0 }.spaces();
    let Some(c) = p.peek() else { return false };
    if matches!(c, '-' | '–' | '—' | '+' | '•' | '*' | '·') {
        return true;
    }
    let (q, n) = p.digits(3);
    if (1..=3).contains(&n) && matches!(q.peek(), Some('.' | ')')) {
        return true;
    }
    if c.is_alphabetic() && matches!(p.bump().peek(), Some(')')) {
        return true;
    }
    doc_type_at(p).is_some()
}

/// The legal bases of a document, given every text line between the title and the first
/// section, in order.
///
/// A basis line starts with "Căn cứ", "Thực hiện" or "Triển khai", or is an item of a list
/// under a line "Căn cứ:" alone or "Căn cứ …:" naming no document ("1. Luật …", "- Nghị
/// định …"); "Theo đề nghị của …" ends
/// such a list and is not a basis. From each basis line, every document it cites is a basis
/// — several in a paragraph, separated by ";" or "," — except those cited inside another
/// one's description ("Nghị định số 107/2021/NĐ-CP … sửa đổi, bổ sung một số điều của Nghị
/// định số 61/2018/NĐ-CP" cites 107/2021 only; see [`scan`]). A later sentence of the line
/// is read only if it starts with "Căn cứ" / "Thực hiện" / "Triển khai" too.
///
/// A basis is never dropped: a clause of a basis line from which no citation can be read
/// ("Căn cứ chức năng, nhiệm vụ được giao;") is kept as a [`LegalRef`] with only `text`
/// set (`doc_type` ""), and a warning "không đọc được căn cứ: …" says so.
pub fn legal_bases<'a>(lines: impl IntoIterator<Item = &'a str>) -> Bases {
    let mut out = Bases::default();
    let mut in_list = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let head = t.char_indices().nth(48).map_or(t, |(i, _)| &t[..i]);
        let key = text_ascii_key(head);
        if key.starts_with("theo de nghi") {
            in_list = false;
            continue;
        }
        // "Căn cứ:" alone, or "Căn cứ các văn bản sau:" naming no document: a list of
        // bases follows.
        if key == "can cu"
            || key == "can cu phap ly"
            || key.starts_with("can cu ") && t.ends_with(':') && scan(t, true).is_empty()
        {
            in_list = true;
            continue;
        }
        let lead = starts_with_lead(t);
        let item = !lead && in_list && is_list_item(t);
        if !lead && !item {
            in_list = false;
            continue;
        }
        read_basis_line(t, &mut out);
    }
    out
}

/// The length of a list marker ("1.", "2)", "a)", "-", "+", "•") and the spaces after it.
fn list_marker_len(t: &str) -> usize {
    let p = Scan { t, at: 0 };
    let q = match p.peek() {
        Some('-' | '–' | '—' | '+' | '•' | '*' | '·') => p.bump(),
        Some(c) if c.is_ascii_digit() => {
            let (q, n) = p.digits(3);
            match q.peek() {
                Some('.' | ')') if n <= 3 => q.bump(),
                _ => return 0,
            }
        }
        Some(c) if c.is_alphabetic() && p.bump().peek() == Some(')') => p.bump().bump(),
        _ => return 0,
    };
    match q.spaces1() {
        Some(r) => r.at,
        None => 0,
    }
}

/// The bases of one basis line (see [`legal_bases`]).
fn read_basis_line(t: &str, out: &mut Bases) {
    let t = &t[list_marker_len(t)..];
    let found = scan(t, true);
    // Segments between ";" and sentence ends outside any citation: (range, starts a sentence).
    let mut segs: Vec<(Range<usize>, bool)> = Vec::new();
    let mut seg_start = 0;
    let mut sentence = true;
    let mut i = 0;
    let mut k = 0;
    while i < t.len() {
        if let Some(f) = found.get(k) {
            if f.span.start <= i {
                i = f.span.end.max(i + 1);
                k += 1;
                continue;
            }
        }
        // Clause ends are ASCII: a byte at a time (no other character holds an ASCII byte).
        let c = char::from(t.as_bytes()[i]);
        if matches!(c, ';' | '\n' | '\r' | '.') && is_clause_end(t, i, c) {
            segs.push((seg_start..i, sentence));
            sentence = c != ';';
            seg_start = i + 1;
        }
        i += 1;
    }
    segs.push((seg_start..t.len(), sentence));
    let mut basis_sentence = true;
    let mut next = 0;
    for (n, (seg, starts)) in segs.into_iter().enumerate() {
        let text = t.get(seg.clone()).unwrap_or("");
        if starts && n > 0 {
            basis_sentence = starts_with_lead(text);
        }
        if !basis_sentence {
            continue;
        }
        // Segments and citations are both in order: walk them together.
        while found.get(next).is_some_and(|f| f.span.start < seg.start) {
            next += 1;
        }
        let first = next;
        while found
            .get(next)
            .is_some_and(|f| f.span.start < seg.end.max(seg.start + 1))
        {
            next += 1;
        }
        let inside = &found[first..next];
        if inside.is_empty() {
            let shown =
                kehoach_text::clean(text.trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ';' | ',' | '.' | ':')
                }));
            if kehoach_text::ascii_key(&shown).is_empty() {
                continue;
            }
            out.warnings.push(format!("không đọc được căn cứ: {shown}"));
            out.refs.push(LegalRef {
                text: shown,
                ..LegalRef::default()
            });
            continue;
        }
        out.refs
            .extend(inside.iter().filter(|f| !f.nested).map(|f| f.r.clone()));
    }
}

#[cfg(test)]
mod tests;
