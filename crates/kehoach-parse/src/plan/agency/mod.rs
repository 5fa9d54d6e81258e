//! Responsible-agency cells → one entry per agency, typed.
//!
//! A cell of the "Cơ quan chủ trì" / "Cơ quan phối hợp" columns names agencies the way
//! Vietnamese administrative documents do everywhere: one per paragraph (often after "- ",
//! "+", "1." or "a)"), or several on one line separated by ";", "," or "và". A separator
//! inside a line is ambiguous — "Sở Văn hóa, Thể thao và Du lịch" is ONE body, "Sở Tư pháp,
//! Công an tỉnh" two — so splitting inside a line follows a small grammar over the *shapes*
//! of public bodies (the gazetteer `data/agency_shapes.txt`: "Sở" + name, "UBND" + level +
//! place, "Công an tỉnh", "Hội Nông dân", acronyms such as UBND, HĐND, MTTQ, BHXH …):
//!
//! * a **line** (a paragraph, or a bullet / numbering mark) always starts a new entry, except
//!   that a line without a mark continues the entry above when the cell's other lines have
//!   marks, or when the entry above ends on a connector ("và", "-", "của", …, or "," before a
//!   line that starts no body) or the line starts with a lower-case word that does not begin
//!   an entry (a name wrapped by a narrow column: "Sở Văn hóa, Thể thao và" + "Du lịch");
//! * **","** and **"và"** separate only a *complete named body* from a following *named body or
//!   collective* ("Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh"; "Sở Nội vụ và Sở Tài
//!   chính"). They never split a name ("Sở Khoa học và Công nghệ": "Công nghệ" starts no body),
//!   a collective ("Các sở, ban, ngành", "UBND các xã, phường, đặc khu"), a reference, or a
//!   text whose start is not a recognised body ("Tôn giáo, tín ngưỡng"). A collective ends
//!   only before a capitalised body ("Các sở, ban, ngành, UBND các xã"), and never after it
//!   opened a list with ":" ("Các ngành: Công an, Quân đội"). An office is named after the
//!   bodies it serves: "Văn phòng Đoàn ĐBQH và HĐND" stays one;
//! * **";"** separates any two recognised entries (body, collective or reference): "Sở Nội vụ;
//!   Sở Tài chính", "Các sở, ban, ngành; UBND các xã". When a side is not recognised the line
//!   is kept as the author wrote it;
//! * **" - "** separates two named bodies ("Công an tỉnh - Sở Tư pháp") but not a dashed name
//!   ("Sở Lao động - Thương binh và Xã hội", "Phòng Hỗ trợ - HCTP"). A bulleted line holding
//!   further " - " before a body is a bullet list flattened by conversion ("- Công an tỉnh -
//!   UBND cấp xã"): there every " - " before a capitalised word or known acronym is a bullet;
//! * a lead given **by reference** ("Theo phân công tại Quyết định số 1441/QĐ-UBND", "Theo
//!   chức năng, nhiệm vụ", "Các cơ quan được giao tại Phụ lục II") is one entry, typed
//!   [`AgencyKind::Reference`];
//! * nothing splits inside brackets ("Sở Y tế (Bệnh viện A, Bệnh viện B)");
//! * each entry loses leading marks and trailing ".", ";", ",", ":" and is `clean`ed; all
//!   decisions are taken on `ascii_key`s, so "Ủy"/"Uỷ", NFD and case never matter.
//!
//! The scan is linear in the cell: every decision looks at a bounded number of words.

mod shapes;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use shapes::{shapes, Head};
use std::borrow::Cow;
use std::sync::OnceLock;

/// What an agency entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// A named body: "Sở Tư pháp", "UBND phường Hà Huy Tập", "Công an tỉnh".
    Body,
    /// A class of bodies: "Các sở, ban, ngành", "UBND các xã, phường, đặc khu".
    Collective,
    /// A lead given by reference: "Theo phân công tại Quyết định số 1441/QĐ-UBND".
    Reference,
    /// Anything else, kept as written ("Tôn giáo, tín ngưỡng", "Bộ phận Một cửa").
    Other,
}

/// One entry of an agency cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// The entry as written (`kehoach_text::clean`ed, marks and trailing punctuation off).
    pub text: String,
    pub kind: AgencyKind,
}

/// Acronyms that begin a name after a flattened bullet " - ".
const ACRONYMS: &[&str] = &[
    "UBND", "HĐND", "MTTQ", "UBMTTQ", "BHXH", "BCH", "VP", "TAND", "VKSND", "CA", "BCĐ",
];

const BULLETS: &[char] = &['-', '–', '—', '+', '•', '*', '·', '●', '○', '▪', '◦'];
const DASHES: &[char] = &['-', '–', '—'];

/// A leading list mark: a bullet ("- ", "-Văn phòng", "+", "•") or numbering ("1.", "2)",
/// "a)", "b.", "(3)"). Returns the rest and whether the mark was a dash.
fn mark_rest(line: &str) -> Option<(&str, bool)> {
    let t = line.trim_start();
    let first = t.chars().next()?;
    if BULLETS.contains(&first) {
        let rest = &t[first.len_utf8()..];
        // "-Văn phòng" and "- Văn phòng" are bullets; "-1" is not.
        if rest.starts_with(' ') || rest.chars().next().is_some_and(|c| c.is_alphabetic()) {
            return Some((rest.trim_start(), DASHES.contains(&first)));
        }
        return None;
    }
    let n = numbering_len(t)?;
    let rest = &t[n..];
    rest.starts_with(' ').then(|| (rest.trim_start(), false))
}

/// Byte length of a numbering mark at the start of `t` ("12.", "3)", "a)", "đ.", "(4)"), not
/// followed by the space (checked by the caller).
fn numbering_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let (open, start) = if b.first() == Some(&b'(') {
        (true, 1)
    } else {
        (false, 0)
    };
    let body = &t[start..];
    let digits = body.bytes().take_while(|c| c.is_ascii_digit()).count();
    let len = if (1..=2).contains(&digits) {
        digits
    } else if digits == 0 {
        let c = body.chars().next()?;
        if !(c.is_ascii_lowercase() || c == 'đ') {
            return None;
        }
        c.len_utf8()
    } else {
        return None;
    };
    let close = body[len..].chars().next()?;
    let ok = if open {
        close == ')'
    } else {
        close == '.' || close == ')'
    };
    ok.then_some(start + len + 1)
}

/// A word that is only a list mark ("+", "1.", "b)"), as found after ";" in "a) …; b) …".
fn is_mark_word(w: &str) -> bool {
    // The longest marks are four bytes: "(12)", "(đ)".
    if w.len() > 4 {
        return false;
    }
    let mut cs = w.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => BULLETS.contains(&c),
        // A numbering mark ends on its "." or ")".
        (Some(_), Some(_)) => w.ends_with(['.', ')']) && numbering_len(w) == Some(w.len()),
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Comma,
    Semi,
    Dash,
    And,
}

#[derive(Debug)]
struct Tok<'k> {
    /// `None` for a word.
    sep: Option<Sep>,
    start: usize,
    end: usize,
    /// ascii key of a word ("" for a separator or pure punctuation).
    key: &'k str,
    /// The word's first letter is a capital.
    cap: bool,
}

/// A token before its key is borrowed: the key as a range of the key buffer.
struct RawTok {
    sep: Option<Sep>,
    start: usize,
    end: usize,
    key: (usize, usize),
    cap: bool,
}

/// Key letters of single characters of Latin-1, Latin Extended-A/B (U+00C0..U+024F) and
/// Latin Extended Additional (U+1E00..U+1EFF), the Vietnamese letters: the one ASCII
/// character that `kehoach_text::ascii_key` gives the character alone, or 0 (anything else:
/// such a word takes the general key).
struct LetterKeys {
    latin: [u8; 0x250 - 0xc0],
    extended: [u8; 0x100],
}

fn letter_keys() -> &'static LetterKeys {
    static KEYS: OnceLock<LetterKeys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let one = |c: u32| -> u8 {
            let Some(c) = char::from_u32(c) else {
                return 0;
            };
            let k = kehoach_text::ascii_key(c.encode_utf8(&mut [0; 4]));
            match k.as_bytes() {
                [b] if b.is_ascii_alphanumeric() => *b,
                _ => 0,
            }
        };
        let mut keys = LetterKeys {
            latin: [0; 0x250 - 0xc0],
            extended: [0; 0x100],
        };
        for (i, k) in keys.latin.iter_mut().enumerate() {
            *k = one(0xc0 + i as u32);
        }
        for (i, k) in keys.extended.iter_mut().enumerate() {
            *k = one(0x1e00 + i as u32);
        }
        keys
    })
}

/// Appends `kehoach_text::ascii_key(w)` to `buf`. A word of printable ASCII and Vietnamese
/// letters (all but rare words) is keyed here, character by character, as the general key
/// does it: letters and digits folded to their ASCII key letter, every other ASCII character
/// ending a key word, words joined by one space.
fn push_key(w: &str, buf: &mut String) {
    let start = buf.len();
    let keys = letter_keys();
    let mut in_word = false;
    for c in w.chars() {
        let u = c as u32;
        let k = if (0x21..0x7f).contains(&u) {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase() as u8
            } else {
                in_word = false;
                continue;
            }
        } else if (0xc0..0x250).contains(&u) {
            keys.latin[(u - 0xc0) as usize]
        } else if (0x1e00..0x1f00).contains(&u) {
            keys.extended[(u - 0x1e00) as usize]
        } else {
            0
        };
        if k == 0 {
            buf.truncate(start);
            buf.push_str(&kehoach_text::ascii_key(w));
            return;
        }
        if !in_word && buf.len() > start {
            buf.push(' ');
        }
        in_word = true;
        buf.push(k as char);
    }
}

/// Words, and ",", ";", a free-standing dash and the word "và" as separators. A comma
/// between digits ("1,5") stays inside its word. The keys live in `buf`.
fn tokenize<'k>(s: &str, buf: &'k mut String) -> Vec<Tok<'k>> {
    buf.clear();
    let mut toks: Vec<RawTok> = Vec::with_capacity(s.len() / 4 + 2);
    let mut word_start: Option<usize> = None;
    let push_word = |toks: &mut Vec<RawTok>, buf: &mut String, a: usize, b: usize| {
        let w = &s[a..b];
        let mut cs = w.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if DASHES.contains(&c) {
                toks.push(RawTok {
                    sep: Some(Sep::Dash),
                    start: a,
                    end: b,
                    key: (0, 0),
                    cap: false,
                });
                return;
            }
        }
        let k0 = buf.len();
        push_key(w, buf);
        let key = (k0, buf.len());
        let sep = (&buf[k0..] == "va").then_some(Sep::And);
        let cap = match w
            .bytes()
            .find(|c| c.is_ascii_alphanumeric() || !c.is_ascii())
        {
            Some(c) if c.is_ascii() => c.is_ascii_uppercase(),
            _ => w
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase()),
        };
        toks.push(RawTok {
            sep,
            start: a,
            end: b,
            key,
            cap,
        });
    };
    let bytes = s.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        if (0x80..0xc0).contains(&byte) {
            // A continuation byte: inside a character met at its lead byte.
            continue;
        }
        let (space, c) = if byte < 0x80 {
            (
                matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                byte as char,
            )
        } else if matches!(byte, 0xc2 | 0xe1 | 0xe2 | 0xe3) {
            // The lead bytes of every non-ASCII white space (U+0085, U+00A0, U+1680,
            // U+2000.., U+3000).
            let c = s[i..].chars().next().unwrap_or('x');
            (c.is_whitespace(), c)
        } else {
            (false, 'x')
        };
        let sep = match c {
            ',' => {
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                let digit_after = bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit());
                (!(digit_before && digit_after)).then_some(Sep::Comma)
            }
            ';' => Some(Sep::Semi),
            _ => None,
        };
        if space || sep.is_some() {
            if let Some(a) = word_start.take() {
                push_word(&mut toks, buf, a, i);
            }
            if let Some(sep) = sep {
                toks.push(RawTok {
                    sep: Some(sep),
                    start: i,
                    end: i + 1,
                    key: (0, 0),
                    cap: false,
                });
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(a) = word_start {
        push_word(&mut toks, buf, a, s.len());
    }
    let buf: &'k String = buf;
    toks.into_iter()
        .map(|t| Tok {
            sep: t.sep,
            start: t.start,
            end: t.end,
            key: &buf[t.key.0..t.key.1],
            cap: t.cap,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StartKind {
    Body,
    Collective,
    Reference,
    Unknown,
}

/// How an entry starting at a token begins.
#[derive(Debug, Clone, Copy)]
struct Start {
    kind: StartKind,
    /// A body head complete on its own.
    alone: bool,
    /// Index of the first token after the head (bodies).
    after_head: usize,
    /// For an office ("Văn phòng" + served bodies): the token after the served bodies.
    served_end: Option<usize>,
}

const UNKNOWN: Start = Start {
    kind: StartKind::Unknown,
    alone: false,
    after_head: 0,
    served_end: None,
};

/// The longest phrase of `p` made of the words at `j..` ("và" counts as a word here:
/// "Đài Phát thanh và Truyền hình"), as its number of words and value.
fn match_words<V: Copy>(toks: &[Tok], j: usize, p: &shapes::Phrases<V>) -> Option<(usize, V)> {
    p.longest(|n| toks.get(j + n).filter(|t| !t.key.is_empty()).map(|t| t.key))
}

/// Skips list-mark words ("b)" after ";").
fn skip_marks(toks: &[Tok], s: &str, mut j: usize) -> usize {
    while toks
        .get(j)
        .is_some_and(|t| t.sep.is_none() && is_mark_word(&s[t.start..t.end]))
    {
        j += 1;
    }
    j
}

fn classify(toks: &[Tok], s: &str, j: usize) -> Start {
    let sh = shapes();
    let j = skip_marks(toks, s, j);
    let Some(first) = toks.get(j) else {
        return UNKNOWN;
    };
    if first.sep.is_some() {
        return UNKNOWN;
    }
    if match_words(toks, j, &sh.reference_starts).is_some() {
        return Start {
            kind: StartKind::Reference,
            ..UNKNOWN
        };
    }
    if match_words(toks, j, &sh.collective).is_some() {
        return Start {
            kind: StartKind::Collective,
            ..UNKNOWN
        };
    }
    if !first.cap {
        return UNKNOWN;
    }
    let Some((n, head)) = match_words(toks, j, &sh.heads) else {
        return UNKNOWN;
    };
    let after_head = j + n;
    let next = toks.get(after_head).filter(|t| t.sep.is_none());
    if head == Head::Not {
        return UNKNOWN;
    }
    if next.is_some() {
        // "UBND các xã, phường": a head over a collective.
        if match_words(toks, after_head, &sh.collective).is_some() {
            return Start {
                kind: StartKind::Collective,
                ..UNKNOWN
            };
        }
    }
    if head == Head::Named && !next.is_some_and(|t| t.cap) {
        // A head that needs a name is a body only before a proper name, which Vietnamese
        // capitalises ("Sở Tư pháp", "Ban Quản lý", "Trường THCS"): "Sở," and "Số 12" are
        // no body, and "Ban ngành", "Phòng chuyên môn" are generic nouns.
        return UNKNOWN;
    }
    let mut served_end = None;
    if toks[j].key == "van" && toks.get(j + 1).is_some_and(|t| t.key == "phong") && n == 2 {
        served_end = match_words(toks, after_head, &sh.served).map(|(m, _)| after_head + m);
    }
    Start {
        kind: StartKind::Body,
        alone: head == Head::Alone,
        after_head,
        served_end,
    }
}

/// A capitalised word ("Sở", "Công") or a known acronym begins the next item of a flattened
/// bullet list.
fn starts_new_name(toks: &[Tok], s: &str, j: usize) -> bool {
    let j = skip_marks(toks, s, j);
    let Some(t) = toks.get(j).filter(|t| t.sep.is_none()) else {
        return false;
    };
    let w = &s[t.start..t.end];
    let word: String = w.chars().take_while(|c| c.is_alphanumeric()).collect();
    if ACRONYMS.contains(&word.as_str()) {
        return true;
    }
    let mut cs = word.chars();
    let first = cs.next().unwrap_or(' ');
    if first.is_uppercase() && cs.next().is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    matches!(
        classify(toks, s, j).kind,
        StartKind::Body | StartKind::Collective
    )
}

/// Word-bounded reference cues inside an entry so far ("theo", "phụ lục", "quyết định").
fn is_reference_cue(prev: &str, key: &str) -> bool {
    key == "theo" || (prev == "phu" && key == "luc") || (prev == "quyet" && key == "dinh")
}

/// Splits one logical line (marks already off) into entries.
fn split_line(s: &str, dash_bullet: bool, typed: bool, out: &mut Vec<Agency>) {
    if !typed && !has_separator(s) {
        // Most cells: one name, nothing to decide.
        let text = tidy(s);
        if !text.is_empty() {
            out.push(Agency {
                text: text.to_string(),
                kind: AgencyKind::Other,
            });
        }
        return;
    }
    let mut buf = String::with_capacity(s.len() + 8);
    let toks = tokenize(s, &mut buf);
    // A bulleted line with " - " before a body is a flattened bullet list.
    let flattened = dash_bullet
        && toks.iter().enumerate().any(|(i, t)| {
            t.sep == Some(Sep::Dash)
                && matches!(
                    classify(&toks, s, i + 1).kind,
                    StartKind::Body | StartKind::Collective
                )
        });
    let mut seg_byte = 0usize;
    let mut st = classify(&toks, s, 0);
    let mut served_end = st.served_end;
    let mut last_word: Option<usize> = None;
    let mut ref_cue = false;
    let mut colon = false;
    let mut depth = 0u32;
    let mut prev_key = "";
    for (i, t) in toks.iter().enumerate() {
        let Some(sep) = t.sep else {
            last_word = Some(i);
            colon |= s[t.start..t.end].ends_with(':');
            for &c in &s.as_bytes()[t.start..t.end] {
                match c {
                    b'(' | b'[' => depth += 1,
                    b')' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            ref_cue |= is_reference_cue(prev_key, t.key);
            prev_key = t.key;
            continue;
        };
        if depth > 0 {
            // Inside brackets: "Sở Y tế (Bệnh viện A, Bệnh viện B)" is one entry.
            if sep == Sep::And {
                last_word = Some(i);
                prev_key = t.key;
            }
            continue;
        }
        if sep == Sep::And && last_word.is_none() {
            // "và" opening an entry is a word, not a separator.
            last_word = Some(i);
            prev_key = t.key;
            continue;
        }
        let right = classify(&toks, s, i + 1);
        let left = if ref_cue {
            StartKind::Reference
        } else {
            st.kind
        };
        let complete =
            left == StartKind::Body && (st.alone || last_word.is_some_and(|w| w >= st.after_head));
        let split = match sep {
            Sep::Comma | Sep::And if left == StartKind::Collective => {
                // A collective enumerates lower-case nouns ("các sở, ban, ngành", "UBND các
                // xã, phường, đặc khu"); it ends before a capitalised body ("Các sở, ban,
                // ngành, UBND các xã"), unless it opened its list with ":" ("Các ngành: Công
                // an, Quân đội").
                let j = skip_marks(&toks, s, i + 1);
                let cap = toks.get(j).is_some_and(|t| t.cap);
                !colon
                    && last_word.is_some()
                    && cap
                    && matches!(right.kind, StartKind::Body | StartKind::Collective)
            }
            Sep::Comma | Sep::And => {
                let body_next = matches!(right.kind, StartKind::Body | StartKind::Collective);
                if complete && body_next && served_end == Some(i) {
                    // "Văn phòng Đoàn ĐBQH và HĐND": an office named after the bodies it serves.
                    let sh = shapes();
                    let more = match_words(&toks, i + 1, &sh.served);
                    match more {
                        Some((m, _)) => {
                            served_end = Some(i + 1 + m);
                            false
                        }
                        None => true,
                    }
                } else {
                    complete && body_next
                }
            }
            Sep::Semi => {
                let left_ok =
                    complete || matches!(left, StartKind::Collective | StartKind::Reference);
                left_ok
                    && matches!(
                        right.kind,
                        StartKind::Body | StartKind::Collective | StartKind::Reference
                    )
            }
            Sep::Dash => {
                if flattened {
                    last_word.is_some() && starts_new_name(&toks, s, i + 1)
                } else {
                    complete && right.kind == StartKind::Body
                }
            }
        };
        if split {
            push_entry(&s[seg_byte..t.start], st.kind, ref_cue, typed, out);
            seg_byte = t.end;
            st = right;
            served_end = right.served_end;
            last_word = None;
            ref_cue = false;
            colon = false;
            prev_key = "";
        } else if sep == Sep::And {
            last_word = Some(i);
            prev_key = t.key;
        }
    }
    push_entry(&s[seg_byte..], st.kind, ref_cue, typed, out);
}

/// Whether a line holds anything [`split_line`] may split at: ",", ";", a dash, "và".
fn has_separator(s: &str) -> bool {
    // ",", ";", "-", or "–" / "—" (E2 80 93 / E2 80 94), on bytes.
    let b = s.as_bytes();
    if b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b',' | b';' | b'-')
            || (c == 0xe2
                && b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x93 | 0x94)))
    }) {
        return true;
    }
    // A word (between spaces) of at most four bytes starting with "v" keyed "va".
    let mut key = String::new();
    (0..b.len()).any(|i| {
        matches!(b[i], b'v' | b'V') && (i == 0 || b[i - 1] == b' ') && {
            let end = b[i..]
                .iter()
                .position(|&c| c == b' ')
                .map_or(b.len(), |n| i + n);
            end - i <= 4 && {
                key.clear();
                push_key(&s[i..end], &mut key);
                key == "va"
            }
        }
    })
}

/// Marks off the front, punctuation off the end.
fn tidy(s: &str) -> &str {
    if !s.bytes().any(|b| b.is_ascii_alphanumeric()) && !s.chars().any(char::is_alphanumeric) {
        return "";
    }
    let mut t = s.trim();
    t = t.trim_start_matches([',', ';', ' ']);
    while let Some((rest, _)) = mark_rest(t) {
        if rest.len() == t.len() {
            break;
        }
        t = rest;
    }
    t.trim_end_matches(['.', ',', ';', ':', '/', ' '])
}

/// Pushes an entry; untyped (`typed` false: only its text is wanted) it is not typed.
fn push_entry(raw: &str, start: StartKind, ref_cue: bool, typed: bool, out: &mut Vec<Agency>) {
    let text = tidy(raw);
    if text.is_empty() {
        return;
    }
    let kind = if !typed {
        AgencyKind::Other
    } else if start == StartKind::Reference
        || ((ref_cue || start != StartKind::Body) && is_reference(text))
    {
        AgencyKind::Reference
    } else {
        match start {
            StartKind::Body => AgencyKind::Body,
            StartKind::Collective => AgencyKind::Collective,
            StartKind::Reference => AgencyKind::Reference,
            StartKind::Unknown => AgencyKind::Other,
        }
    };
    out.push(Agency {
        text: text.to_string(),
        kind,
    });
}

/// Whether an entry names its agencies by reference ("Theo chức năng, nhiệm vụ", "Theo phân
/// công tại Quyết định số 1441/QĐ-UBND", "Các cơ quan được giao tại Phụ lục II") rather than
/// by name. Compared on `ascii_key`.
///
/// ```
/// use kehoach_parse::plan::agency::is_reference;
/// assert!(is_reference("Theo chức năng, nhiệm vụ"));
/// assert!(is_reference("Các đơn vị được giao tại Phụ lục I"));
/// assert!(!is_reference("Sở Tư pháp"));
/// ```
pub fn is_reference(entry: &str) -> bool {
    let key = kehoach_text::ascii_key(entry);
    let sh = shapes();
    if sh.reference_start_keys.iter().any(|p| {
        key.strip_prefix(p.as_str())
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    }) {
        return true;
    }
    // A cue anywhere, word-bounded: at a word start, followed by the end or a space.
    let kb = key.as_bytes();
    let mut i = 0;
    loop {
        let rest = &kb[i..];
        if let Some(&first) = rest.first() {
            let hit = sh.reference_anywhere_keys.iter().any(|p| {
                let pb = p.as_bytes();
                pb.first() == Some(&first)
                    && rest.starts_with(pb)
                    && rest.get(pb.len()).is_none_or(|&c| c == b' ')
            });
            if hit {
                return true;
            }
        }
        match rest.iter().position(|&c| c == b' ') {
            Some(n) => i += n + 1,
            None => return false,
        }
    }
}

/// The kind of one entry, as [`entries`] types it.
pub fn kind_of(entry: &str) -> AgencyKind {
    let mut out = Vec::new();
    let cleaned = kehoach_text::clean(entry);
    let mut buf = String::new();
    let toks = tokenize(&cleaned, &mut buf);
    let st = classify(&toks, &cleaned, 0);
    let cue = {
        let mut prev = "";
        toks.iter().any(|t| {
            let c = is_reference_cue(prev, t.key);
            prev = t.key;
            c
        })
    };
    push_entry(&cleaned, st.kind, cue, true, &mut out);
    out.first().map(|a| a.kind).unwrap_or(AgencyKind::Other)
}

/// Whether a line continues the entry above in a cell without list marks: the entry above
/// ends on a connector, or the line starts with a lower-case word that begins no entry.
fn continues(prev: &str, line: &str) -> bool {
    let p = prev.trim_end();
    let mut buf = String::with_capacity(line.len() + 8);
    let toks = tokenize(line, &mut buf);
    let starts_entry = classify(&toks, line, 0).kind != StartKind::Unknown;
    if p.ends_with(['-', '–', '—', '(', '/']) {
        return true;
    }
    // "Sở Tư pháp," + "Công an tỉnh": the line break is the author's; a name wrapped after its
    // comma ("Sở Văn hóa," + "Thể thao và Du lịch") goes on.
    if p.ends_with(',') {
        return !starts_entry;
    }
    // A name cannot end on a connector ("Sở Lao động - Thương binh và" + "Xã hội"); compared
    // on match keys, which keep tones, so "Sở" is not "số".
    let last = p.rsplit(' ').next().unwrap_or("");
    if last.starts_with(char::is_lowercase) {
        let key = kehoach_text::match_key(last);
        let connector = [
            "và", "của", "thuộc", "các", "với", "tại", "theo", "số", "cấp", "trên",
        ]
        .iter()
        .any(|w| kehoach_text::match_key(w) == key);
        if connector {
            return true;
        }
    }
    let starts_lower = line
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    starts_lower && !starts_entry
}

/// Splits the lines of an agency cell into typed entries (see the module documentation for
/// the grammar).
///
/// ```
/// use kehoach_parse::plan::agency::{entries, AgencyKind};
/// let e = entries(&["Theo chức năng, nhiệm vụ; Sở Nội vụ và Sở Tài chính.".to_string()]);
/// assert_eq!(e.len(), 3);
/// assert_eq!(e[0].kind, AgencyKind::Reference);
/// assert_eq!(e[2].text, "Sở Tài chính");
/// ```
pub fn entries(lines: &[String]) -> Vec<Agency> {
    entries_impl(lines, true)
}

/// Adds a line of a cell, cleaned (borrowed when it is clean already), unless empty.
fn push_raw<'a>(raw: &mut Vec<Cow<'a, str>>, l: &'a str) {
    let l = if kehoach_text::is_clean(l) {
        Cow::Borrowed(l)
    } else {
        Cow::Owned(kehoach_text::clean(l))
    };
    if !l.is_empty() {
        raw.push(l);
    }
}

fn entries_impl(lines: &[String], typed: bool) -> Vec<Agency> {
    // Logical lines: (text, opened by a dash bullet). A clean line is borrowed, not copied.
    let mut raw: Vec<Cow<str>> = Vec::with_capacity(lines.len());
    for l in lines {
        if l.as_bytes().contains(&b'\n') {
            for part in l.split('\n') {
                push_raw(&mut raw, part);
            }
        } else {
            push_raw(&mut raw, l);
        }
    }
    let marks: Vec<Option<(&str, bool)>> = raw.iter().map(|l| mark_rest(l)).collect();
    let any_mark = marks.iter().any(Option::is_some);
    let mut logical: Vec<(Cow<str>, bool)> = Vec::with_capacity(raw.len());
    let mut seen_mark = false;
    for (line, mark) in raw.iter().zip(&marks) {
        match *mark {
            Some((rest, dash)) => {
                seen_mark = true;
                logical.push((Cow::Borrowed(rest), dash));
            }
            None => match logical.last_mut() {
                Some((last, _))
                    if (any_mark && seen_mark) || (!any_mark && continues(last, line)) =>
                {
                    let last = last.to_mut();
                    last.push(' ');
                    last.push_str(line);
                }
                _ => logical.push((Cow::Borrowed(line), false)),
            },
        }
    }
    let mut out = Vec::with_capacity(logical.len());
    for (line, dash) in &logical {
        split_line(line, *dash, typed, &mut out);
    }
    out
}

/// Splits the lines of an agency cell into agencies: the texts of [`entries`].
///
/// ```
/// use kehoach_parse::plan::agency::split;
/// let lines = vec!["- Văn phòng UBND tỉnh;".to_string(), "- Sở Tư pháp".to_string()];
/// assert_eq!(split(&lines), ["Văn phòng UBND tỉnh", "Sở Tư pháp"]);
/// let one = vec!["Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh".to_string()];
/// assert_eq!(split(&one), ["Sở Tư pháp", "Văn phòng UBND tỉnh", "Công an tỉnh"]);
/// assert_eq!(split(&["Sở Văn hóa, Thể thao và Du lịch".to_string()]), ["Sở Văn hóa, Thể thao và Du lịch"]);
/// ```
pub fn split(lines: &[String]) -> Vec<String> {
    entries_impl(lines, false)
        .into_iter()
        .map(|a| a.text)
        .collect()
}
