//! The header block (Nghị định 30/2020/NĐ-CP, Phụ lục I: ô số 1–4): the issuing body under its
//! parent body, the national motto, the number and symbol, the place and date.
//!
//! The header is two columns: left the bodies and the number, right the motto and the
//! place-date. Copied into text it comes out in either column order, row by row, or with the
//! cells of a row on one line separated by "|"; the lines are read one by one and each is told
//! by what it is, not by where it is.

use std::sync::OnceLock;

use regex::Regex;

use super::{regex, DocNumber, PartialDate};

/// The national motto and its Party counterpart, never an issuer: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
/// VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM" (the right column of a
/// Party header), and the halves of a motto broken over two lines.
pub fn is_motto(key: &str) -> bool {
    key.contains("cong hoa xa hoi chu nghia")
        || key.contains("doc lap tu do hanh phuc")
        || key == "dang cong san viet nam"
        || key == "viet nam"
        || key == "doc lap"
        || key == "tu do hanh phuc"
}

/// A header row read onto one line (PDF text, a copy without cell marks) keeps the motto
/// beside the body name or the number: "UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
/// NAM", "SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc", "TỈNH ỦY HÀ TĨNH ĐẢNG CỘNG SẢN VIỆT
/// NAM". Returns the line without the motto (maybe empty), or `None` when it has none.
pub fn without_motto(t: &str) -> Option<String> {
    use Tok::{Dash, Sp, Sp0, W};
    const STATE: &[Tok] = &[
        W("cộng"),
        Sp,
        W("h"),
        Tok::Either("òa", "oà"),
        Sp,
        W("xã"),
        Sp,
        W("hội"),
        Sp,
        W("chủ"),
        Sp,
        W("nghĩa"),
        Sp,
        W("việt"),
        Sp,
        W("nam"),
    ];
    const MOTTO: &[Tok] = &[
        W("độc"),
        Sp,
        W("lập"),
        Sp0,
        Dash,
        Sp0,
        W("tự"),
        Sp,
        W("do"),
        Sp0,
        Dash,
        Sp0,
        W("hạnh"),
        Sp,
        W("phúc"),
    ];
    const PARTY: &[Tok] = &[
        W("đảng"),
        Sp,
        W("cộng"),
        Sp,
        W("sản"),
        Sp,
        W("việt"),
        Sp,
        W("nam"),
    ];
    // The two mottos, each replaced by a space wherever it stands (leftmost first).
    let mut out = None;
    let mut replaced = String::new();
    let mut last = 0;
    let mut i = 0;
    while i < t.len() {
        match phrase_at(t, i, STATE).or_else(|| phrase_at(t, i, MOTTO)) {
            Some(e) if e > i => {
                replaced.push_str(&t[last..i]);
                replaced.push(' ');
                last = e;
                i = e;
            }
            _ => i += t[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if last > 0 {
        replaced.push_str(&t[last..]);
        out = Some(replaced);
    }
    // The Party's motto only at the end of the line, after a body ("TỈNH ỦY …"), not in the
    // name "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM".
    let cur = out.as_deref().unwrap_or(t).to_string();
    let party_start = cur.char_indices().find_map(|(p, c)| {
        let e = phrase_at(&cur, p + c.len_utf8(), PARTY)?;
        (c.is_whitespace() && cur[e..].chars().all(char::is_whitespace)).then_some(p)
    });
    if let Some(p) = party_start {
        let head = cur[..p].trim();
        if !kehoach_text::ascii_key(head).starts_with("ban chap hanh") {
            out = Some(head.to_string());
        }
    }
    out.map(|s| kehoach_text::clean(s.trim_matches(|c: char| c.is_whitespace() || c == '|')))
}

/// A step of a fixed phrase read by [`phrase_at`].
enum Tok {
    /// Letters, in any case.
    W(&'static str),
    /// One of two spellings, in any case.
    Either(&'static str, &'static str),
    /// White space, at least one (`\s+`).
    Sp,
    /// White space or none (`\s*`).
    Sp0,
    /// A hyphen or dash, or none (`[-–—]?`).
    Dash,
}

/// Where the phrase `toks` ends when it starts at byte `i` of `t`. The steps are decided by
/// the next character (spaces, dashes and letters do not overlap), so reading greedily is
/// what the regexes this replaced (each a millisecond to compile) matched.
fn phrase_at(t: &str, mut i: usize, toks: &[Tok]) -> Option<usize> {
    let word = |i: usize, w: &str| -> Option<usize> {
        let mut j = i;
        for want in w.chars() {
            let c = t.get(j..)?.chars().next()?;
            if c.to_lowercase().ne(std::iter::once(want)) {
                return None;
            }
            j += c.len_utf8();
        }
        Some(j)
    };
    let spaces = |mut i: usize| {
        while let Some(c) = t
            .get(i..)
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
        {
            i += c.len_utf8();
        }
        i
    };
    for tok in toks {
        i = match tok {
            Tok::W(w) => word(i, w)?,
            Tok::Either(a, b) => word(i, a).or_else(|| word(i, b))?,
            Tok::Sp => {
                let j = spaces(i);
                if j == i {
                    return None;
                }
                j
            }
            Tok::Sp0 => spaces(i),
            Tok::Dash => match t.get(i..).and_then(|r| r.chars().next()) {
                Some(c @ ('-' | '–' | '—')) => i + c.len_utf8(),
                _ => i,
            },
        };
    }
    Some(i)
}

/// An underline or separator: the rule under the body name or the motto ("-------", "___",
/// "*" under a Party body, "=o0o=").
pub fn is_rule(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars().all(|c| {
            matches!(
                c,
                '-' | '_' | '=' | '*' | '~' | '.' | '·' | '–' | '—' | 'o' | '0' | 'O' | ' '
            )
        })
        && t.chars().any(|c| !matches!(c, 'o' | 'O' | '0' | ' '))
}

/// Marks printed in or near the header that are not bodies: "DỰ THẢO" (draft, with its round),
/// "MẬT", "TỐI MẬT", "KHẨN", "HỎA TỐC", "THƯỢNG KHẨN".
pub fn is_marking(key: &str) -> bool {
    let words = key.split(' ').count();
    (key.starts_with("du thao") && words <= 4)
        || matches!(
            key,
            "mat"
                | "toi mat"
                | "tuyet mat"
                | "khan"
                | "thuong khan"
                | "hoa toc"
                | "hoa toc hen gio"
        )
}

/// Parses the number line: "Số: 182/KH-UBND", "Số: 15/2025/NQ-HĐND", the draft's blank
/// "Số:      /KH-STP" or "Số: ....../KH-UBND", and the Party's "Số 152-KH/TU". Returns the
/// number and where the symbol ends, so that a place-date on the same line can be read
/// ("Số: 45/KH-UBND    Cần Thơ, ngày …"). The symbol is letters, digits and "&", in parts
/// joined by "-" (spaces around a hyphen are dropped: "KH- SDTTG"); it ends at the first
/// space not around a hyphen.
pub fn number(line: &str) -> Option<(DocNumber, usize)> {
    let t = line.trim();
    let (num, sym, end) = scan_number(t, false).or_else(|| scan_number(t, true))?;
    let number = num.map(|(a, b)| t[a..b].to_string());
    let symbol: String = t[sym..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(['.', '-'])
        .to_string();
    Some((
        DocNumber {
            text: kehoach_text::clean(&t[..end]),
            number,
            symbol: Some(symbol).filter(|s| !s.is_empty()),
        },
        end,
    ))
}

/// A hand scanner for the number line (a regex with Unicode letter classes cost 17 M
/// instructions to compile, more than three whole parses). It reads, anchored at the start:
///
/// - state bodies: `số` (any case) `\s* :? [\s._…]* (\d{1,6}[a-zA-Z]?)? [\s._…]* / \s*`
///   then the symbol `(\d{4}\s*/\s*)? Lu [L d &]* (\s*-\s*[Lu d][L d & .]*)*`;
/// - the Party (`party`): the same up to the number, then `[\s._…]* - \s*` and the symbol
///   `Lu L* \s* / \s* Lu [L d]* (\s*-\s*[Lu d][L d]*)*`.
///
/// Every step is determined by the next character (the classes do not overlap where a
/// choice is made), so reading greedily gives what the regex gave. Returns the number's
/// span, where the symbol starts, and where the match ends.
#[allow(clippy::type_complexity)]
fn scan_number(t: &str, party: bool) -> Option<(Option<(usize, usize)>, usize, usize)> {
    let b = t.as_bytes();
    let mut i = 0;
    let next = |i: usize| t[i..].chars().next();
    let skip = |mut i: usize, f: &dyn Fn(char) -> bool| {
        while let Some(c) = next(i).filter(|&c| f(c)) {
            i += c.len_utf8();
        }
        i
    };
    let filler = |c: char| c.is_whitespace() || matches!(c, '.' | '_' | '…');
    // "số" in any case (the regex's case folding: s, S, ſ; ố, Ố).
    match next(i) {
        Some(c @ ('s' | 'S' | 'ſ')) => i += c.len_utf8(),
        _ => return None,
    }
    match next(i) {
        Some(c @ ('ố' | 'Ố')) => i += c.len_utf8(),
        _ => return None,
    }
    i = skip(i, &char::is_whitespace);
    if b.get(i) == Some(&b':') {
        i += 1;
    }
    i = skip(i, &filler);
    let n0 = i;
    let mut digits = 0;
    while digits < 6 && b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
        digits += 1;
    }
    let num = if digits > 0 {
        if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        Some((n0, i))
    } else {
        None
    };
    i = skip(i, &filler);
    let lu = |c: char| c.is_uppercase() && c.is_alphabetic();
    let letter = |c: char| c.is_alphabetic();
    let digit = |c: char| c.is_ascii_digit();
    if !party {
        if b.get(i) != Some(&b'/') {
            return None;
        }
        i = skip(i + 1, &char::is_whitespace);
        let sym = i;
        // An optional year: four digits, then a slash.
        if b.len() >= i + 4 && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            let j = skip(i + 4, &char::is_whitespace);
            if b.get(j) == Some(&b'/') {
                let k = skip(j + 1, &char::is_whitespace);
                if next(k).is_some_and(lu) {
                    i = k;
                }
            }
        }
        let c = next(i).filter(|&c| lu(c))?;
        i = skip(i + c.len_utf8(), &|c| letter(c) || digit(c) || c == '&');
        i = parts(t, i, &|c| letter(c) || digit(c) || c == '&' || c == '.');
        Some((num, sym, i))
    } else {
        if b.get(i) != Some(&b'-') {
            return None;
        }
        i = skip(i + 1, &char::is_whitespace);
        let sym = i;
        let c = next(i).filter(|&c| lu(c))?;
        i = skip(i + c.len_utf8(), &letter);
        i = skip(i, &char::is_whitespace);
        if b.get(i) != Some(&b'/') {
            return None;
        }
        i = skip(i + 1, &char::is_whitespace);
        let c = next(i).filter(|&c| lu(c))?;
        i = skip(i + c.len_utf8(), &|c| letter(c) || digit(c));
        i = parts(t, i, &|c| letter(c) || digit(c));
        Some((num, sym, i))
    }
}

/// `(\s*-\s*[Lu d][rest]*)*` from `i`: hyphenated parts, each kept only when whole.
fn parts(t: &str, mut i: usize, rest: &dyn Fn(char) -> bool) -> usize {
    let next = |i: usize| t[i..].chars().next();
    let skip_ws = |mut i: usize| {
        while let Some(c) = next(i).filter(|c| c.is_whitespace()) {
            i += c.len_utf8();
        }
        i
    };
    loop {
        let j = skip_ws(i);
        if next(j) != Some('-') {
            return i;
        }
        let k = skip_ws(j + 1);
        match next(k) {
            Some(c) if (c.is_uppercase() && c.is_alphabetic()) || c.is_ascii_digit() => {
                let mut e = k + c.len_utf8();
                while let Some(c) = next(e).filter(|&c| rest(c)) {
                    e += c.len_utf8();
                }
                i = e;
            }
            _ => return i,
        }
    }
}

/// Reads a place-date: "Thái Nguyên, ngày 25 tháng 12 năm 2025", "Phú Quốc, ngày 10/3/2026",
/// "Tp. Hồ Chí Minh, ngày 12 tháng 01 năm 2026", the draft's "ngày     tháng 01 năm 2026",
/// "Nghệ An, tháng 01 năm 2026" (meeting papers date by month). The place is whatever comes
/// before the date (its comma dropped): a name of one to eight words, no digits, capitalised.
/// Returns the place (if any) and the date; the date's text runs from "ngày" (or "tháng") to
/// the end of the line.
pub fn place_date(t: &str) -> Option<(Option<String>, PartialDate)> {
    place_date_after_body(t).map(|(p, d, _)| (p, d))
}

/// Where the date begins: the first word "ngày" or "tháng" (any case) at the start or after a
/// space or comma, followed by a space, digit, ".", "_", "…", "/" or the end — the regex
/// `(?:^|[\s,])(ngày|tháng)(?:[\s\d._…/]|$)` scanned by hand (a line is read for a date at
/// every header line, and a capturing regex costs more than the rest of the line's reading).
fn date_word(t: &str) -> Option<std::ops::Range<usize>> {
    let lower_is = |at: usize, word: &str| -> Option<usize> {
        let mut end = at;
        let mut want = word.chars();
        for c in t[at..].chars() {
            match want.next() {
                None => break,
                Some(w) => {
                    let mut l = c.to_lowercase();
                    if l.next() != Some(w) || l.next().is_some() {
                        return None;
                    }
                    end += c.len_utf8();
                }
            }
        }
        if want.next().is_some() {
            return None;
        }
        let ok_after = match t[end..].chars().next() {
            None => true,
            Some(c) => {
                c.is_whitespace() || c.is_ascii_digit() || matches!(c, '.' | '_' | '…' | '/')
            }
        };
        ok_after.then_some(end)
    };
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        let boundary = prev.is_none_or(|p| p.is_whitespace() || p == ',');
        if boundary && matches!(c, 'n' | 'N' | 't' | 'T') {
            for word in ["ngày", "tháng"] {
                if let Some(end) = lower_is(i, word) {
                    return Some(i..end);
                }
            }
        }
        prev = Some(c);
    }
    None
}

/// [`place_date`], and the body name in capitals that stands before the place when a header
/// row was read onto one line: "SỞ TÀI CHÍNH Hà Tĩnh, ngày 05 tháng 12 năm 2025" → place "Hà
/// Tĩnh", body "SỞ TÀI CHÍNH". The body is two or more words in capitals before a word that
/// is not ("TP. Hồ Chí Minh" is a place: one word in capitals).
pub fn place_date_after_body(t: &str) -> Option<(Option<String>, PartialDate, Option<String>)> {
    static DAY: OnceLock<Regex> = OnceLock::new();
    static MONTH: OnceLock<Regex> = OnceLock::new();
    let t = t.trim();
    let word = date_word(t)?;
    let mut head = t[..word.start].trim().trim_end_matches(',').trim();
    let mut body = None;
    {
        let words: Vec<(usize, &str)> = head
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - head.as_ptr() as usize, w))
            .collect();
        let upper_run = words.iter().take_while(|(_, w)| super::is_upper(w)).count();
        if upper_run >= 2 && upper_run < words.len() {
            let at = words[upper_run].0;
            body = Some(head[..at].trim().to_string());
            head = head[at..].trim();
        }
    }
    let rest = &t[word.start..];
    let caps;
    let (day, month, year);
    if word.len() == "ngày".len() {
        let day_re = regex(
            &DAY,
            r"(?i)^ngày[\s._…]*([0-9]{1,2})?[\s._…]*(?:tháng|/|-|\.)[\s._…]*([0-9]{1,2})?[\s._…]*(?:năm|/|-|\.)[\s._…]*([0-9]{4})?",
        );
        caps = day_re.captures(rest)?;
        day = caps.get(1).and_then(|d| d.as_str().parse::<u32>().ok());
        month = caps.get(2).and_then(|d| d.as_str().parse::<u32>().ok());
        year = caps.get(3).and_then(|d| d.as_str().parse::<i32>().ok());
    } else {
        // A month date needs a place before it: "tháng" alone starts many a sentence.
        if head.is_empty() {
            return None;
        }
        let month_re = regex(
            &MONTH,
            r"(?i)^tháng[\s._…]*([0-9]{1,2})?[\s._…]*(?:năm|/)[\s._…]*([0-9]{4})?",
        );
        caps = month_re.captures(rest)?;
        day = None;
        month = caps.get(1).and_then(|d| d.as_str().parse::<u32>().ok());
        year = caps.get(2).and_then(|d| d.as_str().parse::<i32>().ok());
    }
    let place = Some(head.to_string()).filter(|h| is_place(h));
    if !head.is_empty() && place.is_none() {
        return None;
    }
    Some((
        place,
        PartialDate {
            text: kehoach_text::clean(rest),
            day: day.filter(|d| (1..=31).contains(d)),
            month: month.filter(|m| (1..=12).contains(m)),
            year: year.filter(|y| (1900..=2100).contains(y)),
        },
        body,
    ))
}

/// A place name as it stands before the date: one to eight words, no digits, starting with a
/// capital ("Hà Nội", "Thành phố Hồ Chí Minh", "Tp. Hồ Chí Minh", "Định Hoá").
fn is_place(h: &str) -> bool {
    let words = h.split_whitespace().count();
    (1..=8).contains(&words)
        && h.chars().next().is_some_and(|c| c.is_uppercase())
        && !h
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | ';' | '|' | '(' | ')'))
}

/// A body type without its place: "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND", "ĐẢNG ỦY".
fn is_body_type_only(key: &str) -> bool {
    matches!(
        key,
        "uy ban nhan dan"
            | "ubnd"
            | "hoi dong nhan dan"
            | "hdnd"
            | "uy ban mat tran to quoc viet nam"
            | "uy ban mttq viet nam"
            | "dang uy"
            | "dang bo"
            | "chi bo"
    )
}

const UNITS: &[&str] = &[
    "tinh",
    "thanh pho",
    "tp",
    "xa",
    "phuong",
    "huyen",
    "quan",
    "thi xa",
    "thi tran",
    "dac khu",
];

/// Heads that start the name of a body under a local government (compared on match keys,
/// which keep tones: "PHÒNG" is a head, the place "PHONG ĐIỀN" is not).
const HEADS_UNDER_LOCAL: &[&str] = &[
    "sở",
    "ban",
    "văn phòng",
    "phòng",
    "trung tâm",
    "chi cục",
    "thanh tra",
    "công an",
    "đài",
    "cục",
    "kho bạc",
];

/// Splits a line in capitals that holds a local government's name and, after it, the name
/// of a body under it — as a PDF or a copied page puts the two lines of the header's left
/// column on one: "UBND THÀNH PHỐ CẦN THƠ SỞ NỘI VỤ" → "UBND THÀNH PHỐ CẦN THƠ" and "SỞ NỘI
/// VỤ". The government's name is its type (UBND, Ủy ban nhân dân, HĐND), a unit (tỉnh,
/// thành phố, xã …) and at least one word of the place; the body starts at the first head
/// after that. Any other line is returned as it is.
fn split_parent_and_body(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let keys: Vec<String> = words.iter().map(|w| kehoach_text::ascii_key(w)).collect();
    let key_at = |i: usize, n: usize| keys.get(i..i + n).map(|k| k.join(" "));
    let typ = ["ubnd", "hdnd", "uy ban nhan dan", "hoi dong nhan dan"]
        .iter()
        .find_map(|t| {
            let n = t.split(' ').count();
            (key_at(0, n).as_deref() == Some(*t)).then_some(n)
        });
    let Some(mut i) = typ else {
        return vec![line.to_string()];
    };
    let unit = UNITS.iter().find_map(|u| {
        let n = u.split(' ').count();
        (key_at(i, n).as_deref() == Some(*u)).then_some(n)
    });
    let Some(n) = unit else {
        return vec![line.to_string()];
    };
    i += n + 1; // the unit and the place's first word
    let heads: Vec<Vec<String>> = HEADS_UNDER_LOCAL
        .iter()
        .map(|h| h.split(' ').map(kehoach_text::match_key).collect())
        .collect();
    for j in i..words.len() {
        let starts = heads.iter().any(|h| {
            words.get(j..j + h.len()).is_some_and(|ws| {
                ws.iter()
                    .zip(h)
                    .all(|(w, hk)| kehoach_text::match_key(w) == *hk)
            })
        });
        if starts {
            return vec![words[..j].join(" "), words[j..].join(" ")];
        }
    }
    vec![line.to_string()]
}

/// Joins the lines of a body name broken over lines, then reads parent and issuer: the first
/// name is the parent body and the second the issuer when there are two ("UBND TỈNH HÀ TĨNH" /
/// "SỞ TÀI CHÍNH"), the only one is the issuer ("BỘ NỘI VỤ", "TỈNH ỦY HÀ TĨNH").
///
/// A line continues the name above it when that name is a body type without its place and
/// the line starts with an administrative unit ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI"), when that
/// name ends with a joining word ("SỞ NÔNG NGHIỆP VÀ" / "MÔI TRƯỜNG", "… &", "… -", "… ,") or
/// the line starts with one ("SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH"), or when it
/// is a body type and a unit word still waiting for its name ("UBND TỈNH" / "HÀ TĨNH"; not
/// "UBND TỈNH HÀ TĨNH", whose last word only looks like one).
pub fn bodies(lines: Vec<String>) -> (Option<String>, Option<String>) {
    let mut joined: Vec<String> = Vec::new();
    for l in lines.into_iter().flat_map(|l| split_parent_and_body(&l)) {
        let key = kehoach_text::ascii_key(&l);
        let starts_unit = UNITS
            .iter()
            .any(|u| key == *u || key.starts_with(&format!("{u} ")));
        let continues = match joined.last() {
            Some(prev) => {
                let pk = kehoach_text::ascii_key(prev);
                let pt = prev.trim_end();
                (is_body_type_only(&pk) && starts_unit)
                    || pk.ends_with(" va")
                    || key.starts_with("va ")
                    || pt.ends_with(['&', '-', ','])
                    || UNITS.iter().any(|u| {
                        pk.strip_suffix(u)
                            .and_then(|b| b.strip_suffix(' '))
                            .is_some_and(is_body_type_only)
                    })
            }
            None => false,
        };
        match joined.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(l.trim());
            }
            _ => joined.push(l.trim().to_string()),
        }
    }
    let mut it = joined.into_iter();
    match (it.next(), it.next()) {
        (Some(a), None) => (None, Some(a)),
        (Some(a), Some(b)) => (Some(a), Some(b)),
        _ => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The motto scanner reads what the regexes it replaced read.
    #[test]
    fn motto_scanner_agrees_with_the_regexes_it_replaced() {
        let re = Regex::new(
            r"(?i)cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|độc\s+lập\s*[-–—]?\s*tự\s+do\s*[-–—]?\s*hạnh\s+phúc",
        )
        .unwrap();
        let party = Regex::new(r"(?i)\s(đảng\s+cộng\s+sản\s+việt\s+nam)\s*$").unwrap();
        let old = |t: &str| {
            let mut out = None;
            if re.is_match(t) {
                out = Some(re.replace_all(t, " ").into_owned());
            }
            let cur = out.as_deref().unwrap_or(t).to_string();
            if let Some(m) = party.captures(&cur) {
                let head = cur[..m.get(0).map_or(0, |x| x.start())].trim();
                if !kehoach_text::ascii_key(head).starts_with("ban chap hanh") {
                    out = Some(head.to_string());
                }
            }
            out.map(|s| {
                kehoach_text::clean(s.trim_matches(|c: char| c.is_whitespace() || c == '|'))
            })
        };
        for l in [
            "UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc",
            "Độc lập–Tự do—Hạnh phúc | Cộng hoà  xã hội chủ nghĩa Việt Nam",
            "TỈNH ỦY LÀO CAI ĐẢNG CỘNG SẢN VIỆT NAM",
            "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM",
            "Đảng Cộng sản Việt Nam  ",
            "x đảng cộng sản việt nam quang vinh",
            "ĐỘC LẬP TỰ DO HẠNH PHÚC",
            "độc lập -  - tự do",
            "Sở Nội vụ",
        ] {
            let mut cut: Vec<usize> = l.char_indices().map(|(i, _)| i).collect();
            cut.push(l.len());
            for end in cut {
                let t = &l[..end];
                assert_eq!(without_motto(t), old(t), "{t:?}");
            }
        }
    }

    /// The number scanner reads what the regexes it replaced read, on number lines of many
    /// shapes and on every prefix of them (a cut anywhere must agree too).
    #[test]
    fn number_scanner_agrees_with_the_regexes_it_replaced() {
        let state = Regex::new(
            r"^(?i:số)\s*:?[\s._…]*(\d{1,6}[a-zA-Z]?)?[\s._…]*/\s*((?:\d{4}\s*/\s*)?\p{Lu}[\p{L}\d&]*(?:\s*-\s*[\p{Lu}\d][\p{L}\d&.]*)*)",
        )
        .unwrap();
        let party = Regex::new(
            r"^(?i:số)\s*:?[\s._…]*(\d{1,6}[a-zA-Z]?)?[\s._…]*-\s*(\p{Lu}[\p{L}]*\s*/\s*\p{Lu}[\p{L}\d]*(?:\s*-\s*[\p{Lu}\d][\p{L}\d]*)*)",
        )
        .unwrap();
        let old = |t: &str| {
            let m = state.captures(t).or_else(|| party.captures(t))?;
            Some((
                m.get(1).map(|x| (x.start(), x.end())),
                m.get(2).map_or(0, |x| x.start()),
                m.get(0).map_or(0, |x| x.end()),
            ))
        };
        let lines = [
            "Số: 182/KH-UBND",
            "SỐ: 15/2025/NQ-HĐND",
            "Số:      /KH-STP",
            "Số: ....../KH-UBND",
            "Số 152-KH/TU",
            "Số 07 - CTr/ĐU - HU",
            "số:12a/ QĐ-UBND   Hà Tĩnh, ngày 5 tháng 3 năm 2026",
            "Số: 45/KH-UBND    Cần Thơ, ngày 10 tháng 01 năm 2026",
            "Số: 1234567/KH",
            "Số: 12/2026 / KH- SDTTG.",
            "Số: 12/2026/12",
            "Số: 3/KH-BCĐ&TT-..",
            "Số: 88/UBND-VX - ",
            "Số: 9 / BC - UBND - 2026x",
            "Số … 12 _ / KH",
            "Số lượng cán bộ: 12",
            "Số:",
            "ſố: 5/KH",
            "SỐ 15-NQ/TW-12",
            "Số 15-nq/TW",
            "Số 15 - Nq / Tw - Ab - c",
            "Số: 20/ 2025/ kh",
        ];
        for l in lines {
            let mut cut: Vec<usize> = l.char_indices().map(|(i, _)| i).collect();
            cut.push(l.len());
            for end in cut {
                let t = &l[..end];
                let new = scan_number(t, false).or_else(|| scan_number(t, true));
                assert_eq!(new, old(t), "{t:?}");
            }
        }
    }

    #[test]
    fn date_word_is_the_first_ngay_or_thang_standing_alone() {
        fn at(t: &str) -> Option<&str> {
            date_word(t).map(|r| &t[r])
        }
        assert_eq!(at("Lào Cai, ngày 05 tháng 01 năm 2026"), Some("ngày"));
        assert_eq!(at("CẦN THƠ, NGÀY 10/01/2026"), Some("NGÀY"));
        assert_eq!(at("Hà Tĩnh,ngày 3"), Some("ngày"));
        assert_eq!(at("Quảng Ninh, tháng 3 năm 2026"), Some("tháng"));
        assert_eq!(at("Tháng…/2026"), Some("Tháng"));
        assert_eq!(at("ngày"), Some("ngày"));
        // Inside a word, or followed by a letter: not a date.
        assert_eq!(at("hằngngày 5"), None);
        assert_eq!(at("ngàyx 5"), None);
        assert_eq!(at("Kế hoạch năm 2026"), None);
    }

    fn num(s: &str) -> (Option<String>, Option<String>, String) {
        let (n, end) = number(s).unwrap();
        (n.number, n.symbol, s[end..].trim().to_string())
    }

    #[test]
    fn a_parent_and_its_body_on_one_line() {
        let split = |s: &str| split_parent_and_body(s);
        assert_eq!(
            split("UBND THÀNH PHỐ CẦN THƠ SỞ NỘI VỤ"),
            ["UBND THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"]
        );
        assert_eq!(
            split("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU VĂN PHÒNG"),
            ["ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "VĂN PHÒNG"]
        );
        assert_eq!(
            split("UBND XÃ PHONG ĐIỀN PHÒNG VĂN HÓA - XÃ HỘI"),
            ["UBND XÃ PHONG ĐIỀN", "PHÒNG VĂN HÓA - XÃ HỘI"]
        );
        // One name, or a body that is not under a local government: unchanged.
        for s in [
            "UBND THÀNH PHỐ CẦN THƠ",
            "ỦY BAN NHÂN DÂN XÃ PHONG ĐIỀN",
            "VĂN PHÒNG UBND TỈNH",
            "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "UBND TỈNH",
        ] {
            assert_eq!(split(s), [s], "{s}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(
            num("Số: 45/KH-UBND    Cần Thơ, ngày 10 tháng 01 năm 2026"),
            (
                Some("45".into()),
                Some("KH-UBND".into()),
                "Cần Thơ, ngày 10 tháng 01 năm 2026".into()
            )
        );
        assert_eq!(num("Số:      /KH-UBND").0, None);
        assert_eq!(num("Số: ....../KH-UBND").1.as_deref(), Some("KH-UBND"));
        assert_eq!(num("Số: 12/2026/TT-BNV").1.as_deref(), Some("2026/TT-BNV"));
        assert_eq!(num("Số: 7/KH- SDTTG").1.as_deref(), Some("KH-SDTTG"));
        assert_eq!(
            num("Số 152-KH/TU"),
            (Some("152".into()), Some("KH/TU".into()), String::new())
        );
        assert_eq!(num("SỐ: 09/TTr-UBND").1.as_deref(), Some("TTr-UBND"));
        assert!(number("Số lượng cán bộ: 12").is_none());
        assert!(number("Số:").is_none());
    }

    fn pd(s: &str) -> (Option<String>, Option<u32>, Option<u32>, Option<i32>) {
        let (p, d) = place_date(s).unwrap();
        (p, d.day, d.month, d.year)
    }

    #[test]
    fn place_dates() {
        assert_eq!(
            pd("Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2027"),
            (
                Some("Thành phố Hồ Chí Minh".into()),
                Some(5),
                Some(3),
                Some(2027)
            )
        );
        assert_eq!(
            pd("Phú Quốc, ngày 10/3/2026"),
            (Some("Phú Quốc".into()), Some(10), Some(3), Some(2026))
        );
        assert_eq!(
            pd("Tp. Hồ Chí Minh, ngày 12-01-2026"),
            (
                Some("Tp. Hồ Chí Minh".into()),
                Some(12),
                Some(1),
                Some(2026)
            )
        );
        assert_eq!(
            pd("ngày     tháng 01 năm 2026"),
            (None, None, Some(1), Some(2026))
        );
        assert_eq!(
            pd("Hà Tĩnh, ngày …… tháng …… năm 2028"),
            (Some("Hà Tĩnh".into()), None, None, Some(2028))
        );
        assert_eq!(
            pd("Nghệ An, tháng 01 năm 2026"),
            (Some("Nghệ An".into()), None, Some(1), Some(2026))
        );
        assert!(place_date("Hà Nội, ngày 01").is_none());
        let (p, d, body) =
            place_date_after_body("SỞ TÀI CHÍNH Hà Tĩnh, ngày 05 tháng 12 năm 2025").unwrap();
        assert_eq!(
            (p.as_deref(), d.day, body.as_deref()),
            (Some("Hà Tĩnh"), Some(5), Some("SỞ TÀI CHÍNH"))
        );
        assert_eq!(
            pd("TP. Hồ Chí Minh, ngày 1 tháng 2 năm 2026").0.as_deref(),
            Some("TP. Hồ Chí Minh")
        );
        assert_eq!(
            pd("Hà Nội, ngày 01 tháng 07 năm 2021"),
            (Some("Hà Nội".into()), Some(1), Some(7), Some(2021))
        );
        assert!(place_date("tháng 7 năm 2026 sẽ tổ chức").is_none());
        assert!(place_date("Căn cứ Luật số 12, ngày 5 tháng 6 năm 2015").is_none());
    }

    #[test]
    fn body_names() {
        let b = |v: &[&str]| bodies(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            b(&["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]),
            (None, Some("ỦY BAN NHÂN DÂN TỈNH LÀO CAI".into()))
        );
        assert_eq!(
            b(&["UBND TỈNH THANH HÓA", "SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"]),
            (
                Some("UBND TỈNH THANH HÓA".into()),
                Some("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG".into())
            )
        );
        assert_eq!(
            b(&["UBND TỈNH", "HÀ TĨNH", "SỞ TƯ PHÁP"]),
            (Some("UBND TỈNH HÀ TĨNH".into()), Some("SỞ TƯ PHÁP".into()))
        );
        assert_eq!(
            b(&["UBND TỈNH HÀ TĨNH", "SỞ TÀI CHÍNH"]),
            (
                Some("UBND TỈNH HÀ TĨNH".into()),
                Some("SỞ TÀI CHÍNH".into())
            )
        );
        assert_eq!(
            b(&[
                "UBND TỈNH",
                "KHÁNH HÒA",
                "SỞ VĂN HÓA, THỂ THAO",
                "VÀ DU LỊCH"
            ]),
            (
                Some("UBND TỈNH KHÁNH HÒA".into()),
                Some("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH".into())
            )
        );
        assert_eq!(b(&["BỘ NỘI VỤ"]), (None, Some("BỘ NỘI VỤ".into())));
        assert_eq!(
            b(&["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ YÊN THÀNH"]),
            (
                Some("ĐẢNG BỘ TỈNH NGHỆ AN".into()),
                Some("ĐẢNG ỦY XÃ YÊN THÀNH".into())
            )
        );
    }

    #[test]
    fn mottos_and_rules() {
        for s in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ĐỘC LẬP – TỰ DO – HẠNH PHÚC",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
        ] {
            assert!(is_motto(&kehoach_text::ascii_key(s)), "{s}");
        }
        assert_eq!(
            without_motto("UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").as_deref(),
            Some("UBND TỈNH HÀ TĨNH")
        );
        assert_eq!(
            without_motto("SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc").as_deref(),
            Some("SỞ TÀI CHÍNH")
        );
        assert_eq!(
            without_motto("TỈNH ỦY HÀ TĨNH ĐẢNG CỘNG SẢN VIỆT NAM").as_deref(),
            Some("TỈNH ỦY HÀ TĨNH")
        );
        assert_eq!(
            without_motto("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").as_deref(),
            Some("")
        );
        assert_eq!(
            without_motto("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM"),
            None
        );
        assert_eq!(without_motto("SỞ TƯ PHÁP"), None);
        for s in ["---------", "*", "_____", "=o0o="] {
            assert!(is_rule(s), "{s}");
        }
        assert!(!is_rule("o"));
        assert!(!is_rule("Số: 12"));
    }
}
