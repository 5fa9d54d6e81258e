//! The deadline grammar, read by hand over tokens: no regex, each form one pass over at most
//! [`MAX_TOKENS`] tokens, so reading a cell is linear in its length.
//!
//! A phrase is read in three steps:
//! 1. the strict grammar: the whole phrase (after an optional activity, "Hoàn thành …",
//!    "Tổ chức thực hiện …") must be one form (quarter, half, months, range, recurring …);
//! 2. a compound: the phrase splits at ";", ",", "và", "hoặc", "sau đó" into parts that
//!    each read (strictly or by a prefix rule) — every part is kept with its own text;
//! 3. prefix rules (the first version of this reader): "Thường xuyên …", "Theo …",
//!    "Sau khi …", "Trước … <date> …", "Định kỳ …".
//!
//! Words are compared on `ascii_key` (no diacritics, lower case): "hằng"/"hàng" are one
//! word, and tone placement, case, NFD and non-breaking spaces never matter.

use super::{
    days_in_month, find_date, is_real_date, iso, Deadline, DeadlineKind, Period, Unit, When,
};

/// More tokens than this is no deadline cell: only the prefix rules read it.
const MAX_TOKENS: usize = 80;

/// A word's `ascii_key`, inline when short (every Vietnamese syllable): no allocation per
/// token, and comparing two words is a length test and a few bytes.
#[derive(Debug, Clone)]
enum Word {
    Inline(u8, [u8; WORD_INLINE]),
    Heap(Box<str>),
}

const WORD_INLINE: usize = 22;

impl Word {
    fn new(w: &str) -> Word {
        if w.len() <= WORD_INLINE {
            let mut b = [0u8; WORD_INLINE];
            b[..w.len()].copy_from_slice(w.as_bytes());
            Word::Inline(w.len() as u8, b)
        } else {
            Word::Heap(w.into())
        }
    }
    fn as_bytes(&self) -> &[u8] {
        match self {
            Word::Inline(n, b) => &b[..*n as usize],
            Word::Heap(s) => s.as_bytes(),
        }
    }
}

impl PartialEq for Word {
    fn eq(&self, o: &Word) -> bool {
        self.as_bytes() == o.as_bytes()
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, o: &str) -> bool {
        self.as_bytes() == o.as_bytes()
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, o: &&str) -> bool {
        self.as_bytes() == o.as_bytes()
    }
}

#[derive(Debug, Clone, PartialEq)]
enum K {
    /// A word, as its `ascii_key`.
    W(Word),
    /// A run of ASCII digits: its value (saturated) and its length.
    N(u32, usize),
    /// Any other character (dashes folded to '-').
    P(char),
}

#[derive(Debug, Clone)]
struct Tok {
    k: K,
    start: usize,
    end: usize,
}

fn is_wordy(c: char) -> bool {
    match c as u32 {
        // ASCII, and the Latin letters of Vietnamese (all alphabetic but × and ÷): no
        // Unicode table.
        0..=0x7f => c.is_ascii_alphabetic(),
        0xd7 | 0xf7 => false,
        0xc0..=0x24f | 0x1e00..=0x1eff => true,
        _ => (c.is_alphabetic() && !c.is_ascii_digit()) || ('\u{300}'..='\u{36f}').contains(&c),
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            let digits = &text[i..end];
            let v = if digits.len() > 9 {
                u32::MAX
            } else {
                digits.parse().unwrap_or(u32::MAX)
            };
            out.push(Tok {
                k: K::N(v, end - i),
                start: i,
                end,
            });
            continue;
        }
        if is_wordy(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !is_wordy(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            let run = &text[i..end];
            if let Some(w) = run_key(run) {
                out.push(Tok {
                    k: K::W(w),
                    start: i,
                    end,
                });
                continue;
            }
            let key = kehoach_text::ascii_key(run);
            for w in key.split(' ').filter(|w| !w.is_empty()) {
                // "quí" is the older spelling of "quý".
                let w = if w == "qui" { "quy" } else { w };
                out.push(Tok {
                    k: K::W(Word::new(w)),
                    start: i,
                    end,
                });
            }
            continue;
        }
        let p = match c {
            // Brackets, quotes and colons carry no meaning in a deadline: "Định kỳ hằng
            // năm (trước ngày 15/12)", "Hạn chót: 15/12/2026".
            '(' | ')' | '[' | ']' | '"' | '\'' | '“' | '”' | '‘' | '’' | ':' | '*' | '«' | '»' => {
                continue
            }
            '–' | '—' | '−' | '‐' | '‑' | '~' => '-',
            c => c,
        };
        out.push(Tok {
            k: K::P(p),
            start: i,
            end: i + c.len_utf8(),
        });
    }
    out
}

/// The `ascii_key` of the Latin letters of Vietnamese (U+00C0..U+01B0, U+1EA0..U+1EF9), one
/// character each, computed once: a letter's key when it is 1 to 4 ASCII lower-case
/// letters, else empty (its run takes `ascii_key`).
fn latin_keys() -> &'static [([u8; 4], u8)] {
    static KEYS: std::sync::OnceLock<Vec<([u8; 4], u8)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        LATIN_KEYED
            .clone()
            .chain(VIET_KEYED.clone())
            .map(|u| {
                let mut b = [0u8; 4];
                let Some(c) = char::from_u32(u) else {
                    return (b, 0);
                };
                let k = kehoach_text::ascii_key(c.encode_utf8(&mut [0u8; 4]));
                if k.is_empty() || k.len() > 4 || !k.bytes().all(|x| x.is_ascii_lowercase()) {
                    return (b, 0);
                }
                b[..k.len()].copy_from_slice(k.as_bytes());
                (b, k.len() as u8)
            })
            .collect()
    })
}

const LATIN_KEYED: std::ops::RangeInclusive<u32> = 0xc0..=0x1b0;
const VIET_KEYED: std::ops::RangeInclusive<u32> = 0x1ea0..=0x1ef9;

/// A run of word characters as one word, its `ascii_key` read letter by letter (what
/// `ascii_key` does for ASCII and table letters: their keys in a row, one word), "quí"
/// read "quy"; `None` when a character is not such a letter or the word is long: the run
/// then takes `ascii_key`.
fn run_key(run: &str) -> Option<Word> {
    let mut b = [0u8; WORD_INLINE];
    let mut n = 0;
    let mut table: Option<&[([u8; 4], u8)]> = None;
    for c in run.chars() {
        let u = c as u32;
        let one;
        let k: &[u8] = if c.is_ascii_alphabetic() {
            one = [c.to_ascii_lowercase() as u8];
            &one
        } else {
            let i = if LATIN_KEYED.contains(&u) {
                (u - LATIN_KEYED.start()) as usize
            } else if VIET_KEYED.contains(&u) {
                (u - VIET_KEYED.start()) as usize + LATIN_KEYED.clone().count()
            } else {
                return None;
            };
            let t = *table.get_or_insert_with(latin_keys);
            let (kb, kn) = t.get(i)?;
            if *kn == 0 {
                return None;
            }
            &kb[..*kn as usize]
        };
        if n + k.len() > WORD_INLINE {
            return None;
        }
        b[n..n + k.len()].copy_from_slice(k);
        n += k.len();
    }
    if n == 0 {
        return None;
    }
    if &b[..n] == b"qui" {
        return Some(Word::new("quy"));
    }
    Some(Word::Inline(n as u8, b))
}

/// The tokens without punctuation at either end ("- Quý II/2026.", "Năm 2026;").
fn trim(t: &[Tok]) -> &[Tok] {
    let a = t
        .iter()
        .position(|x| !matches!(x.k, K::P(_)))
        .unwrap_or(t.len());
    let b = t
        .iter()
        .rposition(|x| !matches!(x.k, K::P(_)))
        .map_or(a, |i| i + 1);
    &t[a..b.max(a)]
}

/// A cursor over tokens. Every reader either succeeds or leaves the cursor where it was.
struct P<'a> {
    text: &'a str,
    t: &'a [Tok],
    i: usize,
}

impl<'a> P<'a> {
    fn new(text: &'a str, t: &'a [Tok]) -> Self {
        P { text, t, i: 0 }
    }
    fn end(&self) -> bool {
        self.i >= self.t.len()
    }
    fn peek(&self) -> Option<&'a K> {
        self.t.get(self.i).map(|t| &t.k)
    }
    fn peek_at(&self, k: usize) -> Option<&'a K> {
        self.t.get(self.i + k).map(|t| &t.k)
    }
    fn w(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(K::W(x)) if x == w) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// A sequence of words written with spaces ("cham nhat la").
    fn ws(&mut self, ws: &str) -> bool {
        // Word by word without splitting: each token's key (never empty) must be the next
        // word of `ws`, followed by a space or the end.
        let mut rest = ws.as_bytes();
        let mut j = self.i;
        loop {
            let Some(K::W(x)) = self.t.get(j).map(|t| &t.k) else {
                return false;
            };
            let x = x.as_bytes();
            if x.is_empty() || !rest.starts_with(x) {
                return false;
            }
            rest = &rest[x.len()..];
            j += 1;
            match rest.split_first() {
                None => {
                    self.i = j;
                    return true;
                }
                Some((b' ', tail)) => rest = tail,
                Some(_) => return false,
            }
        }
    }
    /// Whether the next token is one of `words` (or, with `num`, a number): the words a
    /// form can start with, to pass over the forms that cannot read at all.
    fn starts(&self, words: &[&str], num: bool) -> bool {
        match self.peek() {
            Some(K::W(x)) => words.iter().any(|w| x == w),
            Some(K::N(..)) => num,
            Some(K::P(_)) => true,
            None => true,
        }
    }
    /// The first of `opts` (word sequences) that reads.
    fn any(&mut self, opts: &[&str]) -> bool {
        opts.iter().any(|o| self.ws(o))
    }
    fn p(&mut self, c: char) -> bool {
        if self.peek() == Some(&K::P(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// A date separator: '/', '.', '-'.
    fn sep(&mut self) -> bool {
        self.p('/') || self.p('.') || self.p('-')
    }
    /// A number of at most `maxlen` digits.
    fn num(&mut self, maxlen: usize) -> Option<u32> {
        match self.peek() {
            Some(K::N(v, n)) if *n <= maxlen => {
                self.i += 1;
                Some(*v)
            }
            _ => None,
        }
    }
    /// A four-digit year, 1900 to 2199.
    fn year(&mut self) -> Option<i32> {
        match self.peek() {
            Some(K::N(v, 4)) if (1900..=2199).contains(v) => {
                self.i += 1;
                Some(*v as i32)
            }
            _ => None,
        }
    }
    fn try_<R>(&mut self, f: impl FnOnce(&mut Self) -> Option<R>) -> Option<R> {
        let save = self.i;
        let r = f(self);
        if r.is_none() {
            self.i = save;
        }
        r
    }
}

/// A year after a month or quarter: "/2026", "-2026", "năm 2026", "của năm 2026", " 2026".
fn year_suffix(p: &mut P) -> Option<i32> {
    p.try_(|p| {
        if !p.sep() {
            p.w("cua");
            p.w("nam");
        }
        p.year()
    })
}

/// A quarter number: Roman I–IV or Arabic 1–4.
fn quarter(p: &mut P) -> Option<u32> {
    let q = match p.peek()? {
        K::W(w) => match w.as_bytes() {
            b"i" => 1,
            b"ii" => 2,
            b"iii" => 3,
            b"iv" => 4,
            _ => return None,
        },
        K::N(v, n) if *n <= 2 && (1..=4).contains(v) => *v,
        _ => return None,
    };
    p.i += 1;
    Some(q)
}

/// A month number 1–12.
fn month(p: &mut P) -> Option<u32> {
    p.try_(|p| p.num(2).filter(|m| (1..=12).contains(m)))
}

/// "d/m/yyyy", "d-m-yyyy", "d.m.yyyy", "d/m", "d tháng m năm yyyy": (year, month, day) of a
/// real date (without a year, 29/02 is allowed).
fn date(p: &mut P) -> Option<(Option<i32>, u32, u32)> {
    p.try_(|p| {
        let d = p.num(2)?;
        let (m, y);
        if p.sep() {
            m = p.num(2)?;
            y = p.try_(|p| if p.sep() { p.year() } else { None });
        } else if p.w("thang") {
            m = p.num(2)?;
            y = p.try_(|p| {
                if !p.sep() {
                    p.w("nam");
                }
                p.year()
            });
        } else {
            return None;
        }
        is_real_date(y.unwrap_or(2000), m, d).then_some((y, m, d))
    })
}

/// "6 tháng đầu năm 2026", "sáu tháng cuối năm", "nửa đầu năm 2026": (half, year).
fn half(p: &mut P) -> Option<(u32, Option<i32>)> {
    p.try_(|p| {
        let six = p.try_(|p| p.num(2).filter(|&n| n == 6)).is_some() || p.w("sau");
        if six {
            if !p.w("thang") {
                return None;
            }
        } else if !p.w("nua") {
            return None;
        }
        let h = if p.w("dau") {
            1
        } else if p.w("cuoi") {
            2
        } else {
            return None;
        };
        p.w("cua");
        let named = p.w("nam");
        let y = year_suffix(p);
        (named || y.is_some() || p.end()).then_some((h, y))
    })
}

/// One point of the calendar: a date, a half, a quarter, a month, a year. `hint` is the
/// other end of a range: after "tháng 3 -" a bare "9/2026" is a month, after "quý I -" a
/// bare "II" a quarter.
fn point(p: &mut P, hint: Option<&When>) -> Option<When> {
    if let Some((year, month, day)) = p.try_(|p| {
        p.w("ngay");
        date(p)
    }) {
        return Some(When {
            year,
            month: Some(month),
            day: Some(day),
            ..When::default()
        });
    }
    if let Some((h, year)) = half(p) {
        return Some(When {
            year,
            half: Some(h),
            ..When::default()
        });
    }
    if let Some(q) = p.try_(|p| {
        let named = p.w("quy");
        (named || hint.is_some_and(|h| h.quarter.is_some())).then_some(())?;
        quarter(p)
    }) {
        return Some(When {
            year: year_suffix(p),
            quarter: Some(q),
            ..When::default()
        });
    }
    if let Some(m) = p.try_(|p| {
        let named = p.w("thang");
        (named || hint.is_some_and(|h| h.month.is_some() && h.day.is_none())).then_some(())?;
        month(p)
    }) {
        return Some(When {
            year: year_suffix(p),
            month: Some(m),
            ..When::default()
        });
    }
    // "3/2026": a month and its year, "tháng" left out.
    if let Some((m, y)) = p.try_(|p| {
        let m = month(p)?;
        if !p.sep() {
            return None;
        }
        Some((m, p.year()?))
    }) {
        return Some(When {
            year: Some(y),
            month: Some(m),
            ..When::default()
        });
    }
    p.try_(|p| {
        p.w("nam");
        Some(When {
            year: Some(p.year()?),
            ..When::default()
        })
    })
}

/// A recurring period word after "hằng", "mỗi", "định kỳ": ngày, tuần, tháng, quý, 6 tháng,
/// nửa năm, năm.
fn period_word(p: &mut P) -> Option<Period> {
    p.try_(|p| {
        if p.try_(|p| {
            let six = p.try_(|p| p.num(2).filter(|&n| n == 6)).is_some() || p.w("sau");
            (six && p.w("thang")).then_some(())
        })
        .is_some()
            || p.ws("nua nam")
        {
            return Some(Period::HalfYearly);
        }
        // "hằng ngày" is daily; "ngày 20" is a day, not a period.
        if matches!(p.peek(), Some(K::W(w)) if w == "ngay")
            && !matches!(p.peek_at(1), Some(K::N(..)))
        {
            p.i += 1;
            return Some(Period::Daily);
        }
        let per = match p.peek()? {
            K::W(w) => match w.as_bytes() {
                b"tuan" => Period::Weekly,
                b"thang" => Period::Monthly,
                b"quy" => Period::Quarterly,
                b"nam" => Period::Yearly,
                _ => return None,
            },
            _ => return None,
        };
        p.i += 1;
        Some(per)
    })
}

/// "hằng năm", "mỗi tháng", "của mỗi quý", "các năm" after what recurs.
fn recurring_suffix(p: &mut P) -> Option<Period> {
    p.try_(|p| {
        p.p(',');
        p.ws("dinh ky");
        p.w("cua");
        if !(p.w("hang") || p.w("moi") || p.w("cac")) {
            return None;
        }
        period_word(p)
    })
}

/// "Định kỳ", "hằng quý, năm", "hàng tháng", "định kỳ 6 tháng": the periods. A report
/// named by its period ("báo cáo quý", "báo cáo 6 tháng", "báo cáo năm") recurs in it.
fn recurring_header(p: &mut P) -> Option<Vec<Period>> {
    p.try_(|p| {
        if p.ws("bao cao") {
            p.ws("dinh ky");
            p.w("hang");
            let per = period_word(p)?;
            return (!p.end()).then(|| vec![per]);
        }
        let dk = p.ws("dinh ky");
        let mut periods: Vec<Period> = Vec::new();
        loop {
            let save = p.i;
            if !periods.is_empty()
                && !(p.p(',') || p.w("va") || p.p('/') || p.p(';') || p.w("hoac") || p.p('-'))
            {
                break;
            }
            let had = p.w("hang") || p.w("moi");
            if !(had || dk || !periods.is_empty()) {
                p.i = save;
                break;
            }
            match period_word(p) {
                Some(x) => {
                    if !periods.contains(&x) {
                        periods.push(x);
                    }
                }
                None => {
                    p.i = save;
                    break;
                }
            }
        }
        (dk || !periods.is_empty()).then_some(periods)
    })
}

/// "theo tháng, quý, năm" to the end of the cell: the periods, in order, each once.
fn by_periods(p: &mut P) -> Option<Vec<Period>> {
    p.try_(|p| {
        p.p(',');
        if !p.w("theo") {
            return None;
        }
        let mut periods: Vec<Period> = Vec::new();
        loop {
            if !periods.is_empty() && !(p.p(',') || p.w("va") || p.p('/') || p.p(';')) {
                break;
            }
            let per = period_word(p)?;
            if !periods.contains(&per) {
                periods.push(per);
            }
        }
        (p.end() && !periods.is_empty()).then_some(periods)
    })
}

/// What a recurring deadline is anchored to: a day ("trước ngày 20"), a day and month
/// ("ngày 15/12"), months ("tháng 6 và tháng 12"), quarters ("quý IV"); `implied` is the
/// period a relative phrase names ("của tháng liền kề" → monthly, following).
#[derive(Default)]
struct Anchor {
    day: Option<u32>,
    months: Vec<u32>,
    quarters: Vec<u32>,
    following: bool,
    implied: Option<Period>,
}

/// "của tháng liền kề", "tháng sau", "của tháng cuối quý", "tháng đầu quý sau", "năm sau".
/// Rule: a relative period after a day names the period the day falls in; "liền kề",
/// "sau", "tiếp theo", "kế tiếp" put it in the period after the one reported on.
fn relative(p: &mut P) -> Option<(Period, bool)> {
    const NEXT: &[&str] = &[
        "sau lien ke",
        "lien ke",
        "tiep theo",
        "ke tiep",
        "ke sau",
        "sau",
    ];
    p.try_(|p| {
        p.w("cua");
        if p.w("thang") {
            if p.any(NEXT) {
                return Some((Period::Monthly, true));
            }
            if p.any(&["bao cao", "do", "nay"]) {
                return Some((Period::Monthly, false));
            }
            if p.ws("cuoi quy") {
                return Some((Period::Quarterly, false));
            }
            if p.w("dau") {
                p.w("cua");
                if p.w("quy") && p.any(NEXT) {
                    return Some((Period::Quarterly, true));
                }
            }
            return None;
        }
        if p.w("quy") {
            if p.any(NEXT) {
                return Some((Period::Quarterly, true));
            }
            return None;
        }
        if p.w("nam") && p.any(NEXT) {
            return Some((Period::Yearly, true));
        }
        None
    })
}

fn anchor(p: &mut P) -> Option<Anchor> {
    p.try_(|p| {
        let _ = p.p(',') || p.p(';') || p.p('-');
        p.any(&[
            "truoc",
            "cham nhat la vao",
            "cham nhat la",
            "cham nhat vao",
            "cham nhat",
            "han chot la",
            "han chot",
            "muon nhat la",
            "muon nhat",
            "vao",
            "trong",
            "den",
        ]);
        if let Some(a) = p.try_(|p| {
            let ngay = p.w("ngay");
            let d = p.num(2).filter(|d| (1..=31).contains(d))?;
            let m = p.try_(|p| {
                if !(p.sep() || p.w("thang")) {
                    return None;
                }
                month(p)
            });
            if m.is_none() && !ngay {
                return None;
            }
            if m.is_some_and(|m| !is_real_date(2000, m, d)) {
                return None;
            }
            let rel = relative(p);
            Some(Anchor {
                day: Some(d),
                months: m.into_iter().collect(),
                following: rel.is_some_and(|r| r.1),
                implied: rel.map(|r| r.0),
                ..Anchor::default()
            })
        }) {
            return Some(a);
        }
        if p.w("thang") {
            let months = list(p, month, "thang")?;
            return Some(Anchor {
                months,
                ..Anchor::default()
            });
        }
        if p.w("quy") {
            let quarters = list(p, quarter, "quy")?;
            return Some(Anchor {
                quarters,
                ..Anchor::default()
            });
        }
        None
    })
}

/// A list "3, 6 và tháng 9" of items read by `item`, each maybe preceded by `word`.
fn list(p: &mut P, item: fn(&mut P) -> Option<u32>, word: &str) -> Option<Vec<u32>> {
    let mut v = vec![item(p)?];
    loop {
        let got = p.try_(|p| {
            if !(p.p(',') || p.p(';') || p.w("va") || p.p('&') || p.p('+')) {
                return None;
            }
            p.w(word);
            item(p)
        });
        match got {
            Some(x) => {
                if !v.contains(&x) {
                    v.push(x)
                }
            }
            None => break,
        }
    }
    Some(v)
}

fn recurring_at(period: Period, a: Anchor) -> DeadlineKind {
    DeadlineKind::RecurringAt {
        period,
        months: a.months,
        quarters: a.quarters,
        day: a.day,
        following: a.following,
    }
}

/// Rule: a recurring period ("hằng tháng", "định kỳ hằng năm") optionally followed by the
/// day, months or quarters it falls on: "Hằng tháng, trước ngày 20", "Định kỳ hằng năm
/// (trước ngày 15/12)", "Hằng năm, vào tháng 12", "Định kỳ hằng quý, năm".
fn recurring_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(&["bao", "dinh", "hang", "moi"], false) {
        return None;
    }
    let periods = recurring_header(p)?;
    if p.end() {
        return Some(DeadlineKind::Recurring { periods });
    }
    let a = anchor(p)?;
    let period = periods.first().copied().or(a.implied)?;
    Some(recurring_at(period, a))
}

/// Rule: a day, months or quarters, then the period they recur in: "Chậm nhất ngày 10/12
/// hằng năm", "Trước ngày 20 hằng tháng", "Tháng 6 và tháng 12 hằng năm", "Quý IV hằng
/// năm"; or a day with a relative period alone: "Trước ngày 05 của tháng liền kề",
/// "Trước ngày 15/01 năm sau".
fn anchored_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(
        &[
            "truoc", "cham", "han", "muon", "vao", "trong", "den", "ngay", "thang", "quy",
        ],
        true,
    ) {
        return None;
    }
    let a = anchor(p)?;
    if let Some(period) = recurring_suffix(p) {
        return Some(recurring_at(period, a));
    }
    let period = a.implied?;
    Some(recurring_at(period, a))
}

/// "trong", "vào": a period is within what follows.
fn opt_in(p: &mut P) {
    p.any(&["trong suot", "trong", "vao"]);
}

/// A unit word and a list or span of its numbers: "quý I, II", "quý I và quý II", "quý I -
/// quý II", "tháng 3, 4 và 5", "tháng 3 - 9" (the unit may be repeated before each
/// number). Returns the distinct numbers in order and whether a dash or "đến" joined any.
fn unit_list(p: &mut P, unit: &str, one: fn(&mut P) -> Option<u32>) -> Option<(Vec<u32>, bool)> {
    if !p.w(unit) {
        return None;
    }
    let mut xs = vec![one(p)?];
    let mut dash = false;
    while let Some((x, d)) = p.try_(|p| {
        let is_dash = p.p('-') || p.w("den");
        if !is_dash && !(p.p(',') || p.p(';') || p.w("va") || p.p('&') || p.p('+')) {
            return None;
        }
        p.w(unit);
        one(p).map(|x| (x, is_dash))
    }) {
        dash |= d;
        if !xs.contains(&x) {
            xs.push(x);
        }
    }
    Some((xs, dash))
}

/// Rule: "quý" with Roman or Arabic numbers, a list ("quý I, II", "quý I và quý II") or a
/// span ("quý I - quý II"), and an optional year ("/2026", "năm 2026"): "Quý II/2026",
/// "Trong quý I năm 2026", "Quý IV". With "hằng năm" it recurs.
fn quarters_form(p: &mut P) -> Option<DeadlineKind> {
    numbered_form(p, Numbered::Quarter)
}

/// Rule: "tháng" with a list ("tháng 3, tháng 4", "tháng 3, 4 và 5") or a span
/// ("tháng 3 - 9") and an optional year: "Tháng 12/2024", "Trong tháng 01/2026". With "hằng năm" it
/// recurs: "Tháng 6 và tháng 12 hằng năm".
fn months_form(p: &mut P) -> Option<DeadlineKind> {
    numbered_form(p, Numbered::Month)
}

/// The unit of [`numbered_form`].
#[derive(Clone, Copy)]
enum Numbered {
    Quarter,
    Month,
}

/// Quarters or months: the unit word and its numbers ([`unit_list`]), then a year, or a
/// recurrence ("hằng năm") when there is no year, and a span of two as a range.
fn numbered_form(p: &mut P, unit: Numbered) -> Option<DeadlineKind> {
    let (word, one): (&str, fn(&mut P) -> Option<u32>) = match unit {
        Numbered::Quarter => ("quy", quarter),
        Numbered::Month => ("thang", month),
    };
    if !p.starts(&["trong", "vao", "cac", word], false) {
        return None;
    }
    opt_in(p);
    p.w("cac");
    let (xs, dash) = unit_list(p, word, one)?;
    let year = year_suffix(p);
    if year.is_none() {
        if let Some(period) = recurring_suffix(p) {
            let anchor = match unit {
                Numbered::Quarter => Anchor {
                    quarters: xs,
                    ..Anchor::default()
                },
                Numbered::Month => Anchor {
                    months: xs,
                    ..Anchor::default()
                },
            };
            return Some(recurring_at(period, anchor));
        }
    }
    if dash && xs.len() == 2 {
        let at = |x| match unit {
            Numbered::Quarter => When {
                year,
                quarter: Some(x),
                ..When::default()
            },
            Numbered::Month => When {
                year,
                month: Some(x),
                ..When::default()
            },
        };
        return Some(DeadlineKind::Range {
            from: at(xs[0]),
            to: at(xs[1]),
        });
    }
    Some(match unit {
        Numbered::Quarter => DeadlineKind::Quarters { quarters: xs, year },
        Numbered::Month => DeadlineKind::Months { months: xs, year },
    })
}

/// Rule: "6 tháng đầu năm" / "6 tháng cuối năm" (also "sáu tháng", "nửa đầu năm"), with
/// an optional year.
fn half_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(&["trong", "vao", "sau", "nua"], true) {
        return None;
    }
    opt_in(p);
    let (half, year) = half(p)?;
    Some(DeadlineKind::HalfYear { half, year })
}

/// Rule: the year of the plan without its number ("Trong năm", "Cả năm", "Đến hết năm",
/// "Cuối năm", "Trong năm kế hoạch"); a year ("Năm 2026", "Trong năm 2026", "2026"); years
/// as a span ("Năm 2026-2027", "Giai đoạn 2026 – 2030", "2026 đến 2030"); a year and on
/// ("Năm 2026 và các năm tiếp theo", "Năm 2026 trở đi").
fn year_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(
        &[
            "trong", "ca", "suot", "quanh", "den", "cuoi", "giai", "gd", "thoi", "cac", "vao",
            "nam",
        ],
        true,
    ) {
        return None;
    }
    if p.try_(|p| {
        p.any(&[
            "trong ca",
            "trong suot",
            "trong",
            "ca",
            "suot",
            "quanh",
            "den het",
            "den cuoi",
            "cuoi",
        ])
        .then_some(())?;
        p.w("nam").then_some(())?;
        p.any(&["ke hoach", "nay", "hien hanh"]);
        p.end().then_some(())
    })
    .is_some()
    {
        return Some(DeadlineKind::WithinYear);
    }
    let span = p
        .try_(|p| {
            p.w("trong");
            p.any(&["giai doan", "gd", "thoi ky"]).then_some(())
        })
        .is_some();
    if span {
        p.w("tu");
    } else {
        p.any(&[
            "trong cac",
            "trong ca",
            "trong suot",
            "trong",
            "cac",
            "ca",
            "suot",
            "vao",
        ]);
    }
    p.w("nam");
    let y = p.year()?;
    let y_when = When {
        year: Some(y),
        ..When::default()
    };
    if let Some(y2) = p.try_(|p| {
        if !(p.p('-') || p.w("den") || p.p('/')) {
            return None;
        }
        p.w("nam");
        p.year().filter(|&y2| y2 > y)
    }) {
        return Some(DeadlineKind::Range {
            from: y_when,
            to: When {
                year: Some(y2),
                ..When::default()
            },
        });
    }
    if span {
        return None;
    }
    if p.any(SINCE) {
        return Some(DeadlineKind::Since { from: y_when });
    }
    Some(DeadlineKind::Year { year: y })
}

/// "… và các năm tiếp theo", "… trở đi": from then on.
const SINCE: &[&str] = &[
    "va cac nam tiep theo",
    "va nhung nam tiep theo",
    "va cac nam ke tiep",
    "va cac nam sau",
    "va nhung nam sau",
    "tro di",
    "tro ve sau",
    "ve sau",
];

/// Rule: "từ A đến B" / "A - B" of dates, months, quarters or years: a range; the year
/// written once at the end is both ends' ("Từ tháng 3 đến tháng 9/2026"). "Từ A" alone
/// (or "từ A trở đi", "từ A đến nay") is open: since A. "Từ nay đến B" is until B.
fn range_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(
        &["ke", "tu", "ngay", "sau", "nua", "quy", "thang", "nam"],
        true,
    ) {
        return None;
    }
    let tu = p.ws("ke tu") || p.w("tu");
    if tu && p.any(&["nay", "bay gio"]) {
        if !(p.any(&["den het", "den cuoi", "den"]) || p.p('-')) {
            return None;
        }
        return Some(DeadlineKind::Until {
            end: point(p, None)?,
        });
    }
    let a = point(p, None)?;
    if p.any(SINCE) {
        return Some(DeadlineKind::Since { from: a });
    }
    let dash = p.any(&["den het", "den cuoi", "den"]) || p.p('-');
    if !dash {
        return tu.then_some(DeadlineKind::Since { from: a });
    }
    if p.w("nay") {
        return Some(DeadlineKind::Since { from: a });
    }
    let b = point(p, Some(&a))?;
    let mut a = a;
    if a.year.is_none() {
        a.year = b.year;
    }
    Some(DeadlineKind::Range { from: a, to: b })
}

/// Rule: "tuần đầu (tiên)", "tuần thứ N", "tuần cuối" of a month: a range of days (days 1
/// to 7, 7N-6 to 7N, the last seven days).
fn week_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(&["trong", "vao", "tuan"], false) {
        return None;
    }
    opt_in(p);
    if !p.w("tuan") {
        return None;
    }
    enum Wk {
        Nth(u32),
        Last,
    }
    let wk = if p.any(&["dau tien", "dau", "thu nhat"]) {
        Wk::Nth(1)
    } else if p.any(&["cuoi cung", "cuoi"]) {
        Wk::Last
    } else if p.w("thu") || matches!(p.peek(), Some(K::N(..))) {
        let n = match p.peek()? {
            K::N(v, 1) if (1..=5).contains(v) => *v,
            K::W(w) => match w.as_bytes() {
                b"hai" => 2,
                b"ba" => 3,
                b"tu" => 4,
                b"nam" => 5,
                _ => return None,
            },
            _ => return None,
        };
        p.i += 1;
        Wk::Nth(n)
    } else {
        return None;
    };
    p.w("cua");
    if !p.w("thang") {
        return None;
    }
    let m = month(p)?;
    let year = year_suffix(p);
    let last = days_in_month(year.unwrap_or(2001), m);
    let (d1, d2) = match wk {
        Wk::Nth(n) => (7 * (n - 1) + 1, (7 * n).min(last)),
        Wk::Last => (last - 6, last),
    };
    if d1 > last {
        return None;
    }
    let at = |d| When {
        year,
        month: Some(m),
        day: Some(d),
        ..When::default()
    };
    Some(DeadlineKind::Range {
        from: at(d1),
        to: at(d2),
    })
}

/// Rule: "trước" + a date is `before` it; "chậm nhất", "hạn chót", "muộn nhất", "đến
/// (hết)" + a date too. "Trước" + a month, quarter, half or year with its year is before
/// its first day ("Trước tháng 6/2026" → 2026-06-01); the others + a period are `until`
/// its end ("Đến hết năm 2026", "Chậm nhất quý II/2026", "Cuối tháng 6/2026"). A date
/// without a year ("Trước ngày 15/12") is `until` that day.
fn before_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(
        &[
            "xong", "truoc", "cham", "muon", "han", "thoi", "den", "cuoi",
        ],
        false,
    ) {
        return None;
    }
    let strict_before = if p.any(&["xong truoc", "truoc"]) {
        true
    } else if p.any(&[
        "cham nhat la vao",
        "cham nhat la",
        "cham nhat vao",
        "cham nhat",
        "muon nhat la",
        "muon nhat",
        "han chot la",
        "han chot",
        "thoi han",
        "han",
        "den het",
        "den cuoi",
        "den",
        "cuoi",
    ]) {
        false
    } else {
        return None;
    };
    p.any(&["trong", "vao"]);
    let at = point(p, None)?;
    if let (Some(y), Some(m), Some(d)) = (at.year, at.month, at.day) {
        return Some(DeadlineKind::Before {
            date: iso((y, m, d)),
        });
    }
    if at.day.is_some() {
        return Some(DeadlineKind::Until { end: at });
    }
    if strict_before {
        return Some(DeadlineKind::Before {
            date: iso(at.first_day()?),
        });
    }
    Some(DeadlineKind::Until { end: at })
}

/// Rule: "thường xuyên", "liên tục" (with "trong năm", "hằng năm", "cả năm" after them).
/// "Thường xuyên theo tháng, quý, năm" ("regularly, by month, quarter and year") names the
/// periods the work is done and reported in: it recurs in them.
fn continuous_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(&["thuong", "lien"], false) {
        return None;
    }
    if p.ws("thuong xuyen") {
        if let Some(periods) = by_periods(p) {
            return Some(DeadlineKind::Recurring { periods });
        }
        let _ = p.p(',') || p.p('-') || p.w("va");
        p.ws("lien tuc");
    } else if !p.ws("lien tuc") {
        return None;
    }
    if p.any(&[
        "trong ca nam",
        "trong suot nam",
        "trong nam",
        "ca nam",
        "hang nam",
        "hang thang",
        "quanh nam",
        "suot nam",
    ]) {
        p.year();
    }
    Some(DeadlineKind::Continuous)
}

/// Rule: a time limit counted from an event: "Trong vòng 15 ngày kể từ ngày nhận được văn
/// bản", "Trong thời hạn 30 ngày làm việc kể từ ngày Kế hoạch được ban hành", "Sau 03
/// tháng kể từ ngày ký", "Chậm nhất 15 ngày sau khi kết thúc quý", "Trong 10 ngày". The
/// event is kept as written after "kể từ", "tính từ", "từ" or "sau khi".
fn within_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(&["cham", "muon", "trong", "sau", "khong"], true) {
        return None;
    }
    let named = p.any(&[
        "cham nhat la",
        "cham nhat",
        "muon nhat",
        "trong vong",
        "trong thoi han",
        "trong thoi gian",
        "trong",
        "sau",
        "khong qua",
    ]);
    let count = p.num(3).filter(|&n| n > 0)?;
    let unit = if p.w("ngay") {
        if p.ws("lam viec") {
            Unit::WorkingDays
        } else {
            Unit::Days
        }
    } else if p.w("tuan") {
        Unit::Weeks
    } else if p.w("thang") {
        Unit::Months
    } else if p.w("nam") {
        Unit::Years
    } else {
        return None;
    };
    if p.end() {
        return named.then_some(DeadlineKind::Within {
            count,
            unit,
            from: None,
        });
    }
    let _ = p.p(',');
    if !p.any(&["ke tu", "tinh tu", "tu", "sau khi", "sau"]) {
        return None;
    }
    let start = p.t.get(p.i)?.start;
    let end = p.t.last()?.end;
    let from = p.text.get(start..end)?.trim().to_string();
    p.i = p.t.len();
    Some(DeadlineKind::Within {
        count,
        unit,
        from: Some(from),
    })
}

/// Rule: a date with its year, alone ("25/01/2026", "Ngày 15/12/2026", "Vào ngày …").
fn on_date_form(p: &mut P) -> Option<DeadlineKind> {
    if !p.starts(&["vao", "ngay"], true) {
        return None;
    }
    p.w("vao");
    p.w("ngay");
    let (y, m, d) = date(p)?;
    Some(DeadlineKind::OnDate {
        date: iso((y?, m, d)),
    })
}

type Form = fn(&mut P) -> Option<DeadlineKind>;

const FORMS: &[Form] = &[
    continuous_form,
    recurring_form,
    anchored_form,
    quarters_form,
    half_form,
    months_form,
    week_form,
    year_form,
    range_form,
    before_form,
    on_date_form,
    within_form,
];

/// Words of an activity written before the time ("Hoàn thành …", "Tổ chức thực hiện …",
/// "Ban hành kế hoạch …", "Báo cáo kết quả …"): skipped, up to eight.
fn is_activity(w: &Word) -> bool {
    matches!(
        w.as_bytes(),
        b"hoan"
            | b"thanh"
            | b"thuc"
            | b"hien"
            | b"trien"
            | b"khai"
            | b"to"
            | b"chuc"
            | b"ban"
            | b"hanh"
            | b"bao"
            | b"cao"
            | b"gui"
            | b"nop"
            | b"xong"
            | b"du"
            | b"kien"
            | b"ap"
            | b"dung"
            | b"duy"
            | b"tri"
            | b"tiep"
            | b"tuc"
            | b"ke"
            | b"hoach"
            | b"van"
            | b"xay"
            | b"cong"
            | b"tac"
            | b"tong"
            | b"ket"
            | b"qua"
            | b"danh"
            | b"gia"
            | b"trinh"
            | b"phe"
            | b"duyet"
            | b"se"
            | b"duoc"
            | b"dat"
            | b"chinh"
            | b"thoi"
            | b"gian"
            | b"han"
    )
}

/// The whole phrase as one strict form, after an optional activity.
fn strict(text: &str, t: &[Tok]) -> Option<DeadlineKind> {
    let t = trim(t);
    if t.is_empty() || t.len() > MAX_TOKENS {
        return None;
    }
    let skip = t
        .iter()
        .take(8)
        .take_while(|x| matches!(&x.k, K::W(w) if is_activity(w)))
        .count();
    let whole = |sub: &[Tok]| {
        FORMS.iter().find_map(|f| {
            let mut p = P::new(text, sub);
            f(&mut p).filter(|_| p.end())
        })
    };
    for s in 0..=skip {
        let sub = trim(&t[s..]);
        if sub.is_empty() {
            break;
        }
        if let Some(k) = whole(sub) {
            return Some(k);
        }
    }
    // The activity written after the time: "Quý I/2026 (xây dựng kế hoạch)".
    let tail = t
        .iter()
        .rev()
        .take(8)
        .take_while(|x| matches!(&x.k, K::W(w) if is_activity(w)))
        .count();
    (1..=tail).find_map(|e| {
        let sub = trim(&t[..t.len() - e]);
        (!sub.is_empty()).then(|| whole(sub)).flatten()
    })
}

/// A token where a compound deadline may split: ";", ",", "và", "hoặc", "sau đó", "rồi".
fn is_split(t: &[Tok], i: usize) -> bool {
    match &t[i].k {
        K::P(';') | K::P(',') | K::P('+') => true,
        K::W(w) => {
            matches!(w.as_bytes(), b"va" | b"hoac" | b"roi")
                || (w == "sau" && matches!(t.get(i + 1).map(|x| &x.k), Some(K::W(d)) if d == "do"))
        }
        _ => false,
    }
}

/// One part of a compound: its text (from the first to the last token, separators and
/// "đó" of "sau đó" left out) and its reading, strict or by prefix.
fn part(text: &str, t: &[Tok]) -> Option<Deadline> {
    let mut t = trim(t);
    while let Some(K::W(w)) = t.first().map(|x| &x.k) {
        if w == "do" || w == "va" {
            t = trim(&t[1..]);
        } else {
            break;
        }
    }
    let (first, last) = (t.first()?, t.last()?);
    // Closing brackets and quotes are not tokens: keep those right after the last word.
    let end = last.end
        + text
            .get(last.end..)?
            .chars()
            .take_while(|c| matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»'))
            .map(char::len_utf8)
            .sum::<usize>();
    let s = text.get(first.start..end)?;
    let kind = match strict(text, t) {
        Some(k) => k,
        None => prefix_rules(s, t),
    };
    (!matches!(kind, DeadlineKind::Unparsed | DeadlineKind::Empty)).then(|| Deadline {
        text: s.to_string(),
        kind,
    })
}

/// Rule: one cell may hold several deadlines for the steps of a task ("Ban hành kế hoạch
/// chậm nhất là ngày 15/01/2026 và tổ chức thực hiện trong năm"): split at ";", ",", "và",
/// "hoặc", "sau đó", the fewest parts that each read; every part is kept.
fn compound(text: &str, t: &[Tok]) -> Option<DeadlineKind> {
    let t = trim(t);
    if t.len() > MAX_TOKENS {
        return None;
    }
    let seps: Vec<usize> = (0..t.len()).filter(|&i| is_split(t, i)).take(8).collect();
    if seps.is_empty() {
        return None;
    }
    // Cut points: 0 = the start, k = just after separator k-1, the last = the end.
    let n = seps.len();
    let start_of = |a: usize| if a == 0 { 0 } else { seps[a - 1] + 1 };
    let end_of = |b: usize| if b == n + 1 { t.len() } else { seps[b - 1] };
    let mut best: Vec<Option<Vec<Deadline>>> = vec![None; n + 2];
    best[0] = Some(Vec::new());
    for b in 1..=n + 1 {
        for a in 0..b {
            let Some(prev) = &best[a] else { continue };
            let (s, e) = (start_of(a), end_of(b));
            // The whole phrase is no compound of one part.
            if s >= e || (a == 0 && b == n + 1) {
                continue;
            }
            if best[b]
                .as_ref()
                .is_some_and(|cur| cur.len() <= prev.len() + 1)
            {
                continue;
            }
            if let Some(d) = part(text, &t[s..e]) {
                let mut v = prev.clone();
                v.push(d);
                best[b] = Some(v);
            }
        }
    }
    let parts = best[n + 1].take()?;
    (parts.len() >= 2).then_some(DeadlineKind::Compound { parts })
}

/// The first reader's prefix rules, for a phrase the grammar does not read whole: "Thường
/// xuyên bằng văn bản", "Trước ngày 25/01/2026 để tổng hợp", "Theo …", "Sau khi …",
/// "Khi có yêu cầu", "Định kỳ … hoặc đột xuất".
fn prefix_rules(text: &str, t: &[Tok]) -> DeadlineKind {
    let k = kehoach_text::ascii_key(text);
    if k.is_empty() {
        return DeadlineKind::Empty;
    }
    if k.starts_with("truoc")
        || k.starts_with("cham nhat")
        || k.starts_with("han chot")
        || k.starts_with("xong truoc")
    {
        if let Some(d) = find_date(text) {
            return DeadlineKind::Before { date: iso(d) };
        }
    }
    if k.starts_with("thuong xuyen") || k == "lien tuc" {
        return DeadlineKind::Continuous;
    }
    if k.starts_with("dinh ky") || k.starts_with("hang ") {
        let mut periods = Vec::new();
        let words: Vec<&str> = k.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            let p = match *w {
                "tuan" => Some(Period::Weekly),
                "thang" if i > 0 && words[i - 1] == "6" => Some(Period::HalfYearly),
                "thang" => Some(Period::Monthly),
                "quy" => Some(Period::Quarterly),
                "nam" if i > 0 && words[i - 1] == "6" => None,
                "nam" => Some(Period::Yearly),
                _ => None,
            };
            if let Some(p) = p {
                if !periods.contains(&p) {
                    periods.push(p);
                }
            }
        }
        return DeadlineKind::Recurring { periods };
    }
    // Rule: "sau khi …", "ngay sau khi …", "ngay khi …", "khi …": upon an event, kept as
    // written after "khi".
    if k.starts_with("ngay sau khi")
        || k.starts_with("sau khi")
        || k.starts_with("ngay khi")
        || k.starts_with("khi ")
    {
        let event = t
            .iter()
            .position(|x| matches!(&x.k, K::W(w) if w == "khi"))
            .and_then(|i| text.get(t[i].end..))
            .map(|s| {
                s.trim()
                    .trim_end_matches(['.', ';', ','])
                    .trim()
                    .to_string()
            })
            .unwrap_or_default();
        return DeadlineKind::AfterEvent { event };
    }
    if k.starts_with("theo ke hoach rieng") {
        return DeadlineKind::SeparatePlan;
    }
    if k.starts_with("theo ") {
        // The key drops what precedes the first letter ("- Theo …", "…Theo"): find the
        // word in the text itself, never by the key's byte offsets.
        let rest = text
            .find(char::is_alphanumeric)
            .map(|i| &text[i..])
            .unwrap_or(text);
        let by = match rest.get(..4) {
            Some(w) if w.eq_ignore_ascii_case("theo") => &rest[4..],
            _ => rest,
        };
        return DeadlineKind::AsScheduled {
            by: by
                .trim()
                .trim_end_matches(['.', ';', ','])
                .trim()
                .to_string(),
        };
    }
    if let Some(d) = find_date(text) {
        if k.split(' ').count() <= 4 {
            return DeadlineKind::OnDate { date: iso(d) };
        }
    }
    DeadlineKind::Unparsed
}

/// Rule: a date that the calendar does not have is never read as a date. Looks for
/// "d/m/yyyy" (and "-", "."), "ngày d tháng m (năm yyyy)", "ngày d/m", "ngày d", "tháng m"
/// and "quý n" out of range: the first one found, as a Vietnamese warning.
fn impossible(text: &str, t: &[Tok]) -> Option<String> {
    let k = |i: usize| t.get(i).map(|x| &x.k);
    let num = |i: usize, max: usize| match k(i) {
        Some(K::N(v, n)) if *n <= max => Some(*v),
        _ => None,
    };
    let year = |i: usize| match k(i) {
        Some(K::N(v, 4)) => Some(*v as i32),
        _ => None,
    };
    let is_sep = |i: usize| matches!(k(i), Some(K::P('/' | '.' | '-')));
    let word = |i: usize, w: &str| matches!(k(i), Some(K::W(x)) if x == w);
    let slice = |a: usize, b: usize| text.get(t[a].start..t[b].end).unwrap_or("");
    for i in 0..t.len() {
        // d/m/yyyy
        if let (Some(d), Some(m), Some(y)) = (num(i, 2), num(i + 2, 2), year(i + 4)) {
            if is_sep(i + 1) && is_sep(i + 3) && !is_real_date(y, m, d) {
                return Some(format!("ngày không có thật: {}", slice(i, i + 4)));
            }
        }
        if word(i, "ngay") {
            if let Some(d) = num(i + 1, 2) {
                // ngày d tháng m (năm yyyy)
                if word(i + 2, "thang") {
                    if let Some(m) = num(i + 3, 2) {
                        let (y, last) = match (word(i + 4, "nam"), year(i + 5)) {
                            (true, Some(y)) => (Some(y), i + 5),
                            _ => (None, i + 3),
                        };
                        if !is_real_date(y.unwrap_or(2000), m, d) {
                            return Some(format!("ngày không có thật: {}", slice(i, last)));
                        }
                        continue;
                    }
                }
                // ngày d/m (no year)
                if is_sep(i + 2) {
                    if let Some(m) = num(i + 3, 2) {
                        if !(is_sep(i + 4) && year(i + 5).is_some()) && !is_real_date(2000, m, d) {
                            return Some(format!("ngày không có thật: {}", slice(i, i + 3)));
                        }
                        continue;
                    }
                }
                if !(1..=31).contains(&d) {
                    return Some(format!("ngày không có thật: {}", slice(i, i + 1)));
                }
            }
        }
        if word(i, "thang") && !(i > 0 && num(i - 1, 9).is_some()) {
            if let Some(m) = num(i + 1, 2) {
                if !(1..=12).contains(&m) {
                    let last = if is_sep(i + 2) && year(i + 3).is_some() {
                        i + 3
                    } else {
                        i + 1
                    };
                    return Some(format!("tháng không có thật: {}", slice(i, last)));
                }
            }
        }
        if word(i, "quy") {
            if let Some(q) = num(i + 1, 2) {
                if !(1..=4).contains(&q) {
                    return Some(format!("quý không có thật: {}", slice(i, i + 1)));
                }
            }
        }
    }
    None
}

/// Reads a cleaned deadline text: the reading and, for an impossible date, a warning.
pub(super) fn classify(text: &str) -> (DeadlineKind, Option<String>) {
    let toks = tokenize(text);
    if toks.iter().all(|t| matches!(t.k, K::P(_))) && kehoach_text::ascii_key(text).is_empty() {
        return (DeadlineKind::Empty, None);
    }
    if let Some(w) = impossible(text, &toks) {
        return (DeadlineKind::Unparsed, Some(w));
    }
    if let Some(k) = strict(text, &toks) {
        return (k, None);
    }
    if let Some(k) = compound(text, &toks) {
        return (k, None);
    }
    (prefix_rules(text, &toks), None)
}

#[cfg(test)]
mod key_tests {
    use super::*;

    /// `run_key` is `ascii_key` (one word, "qui" → "quy") wherever it answers.
    #[test]
    fn run_key_is_ascii_key() {
        let mut runs: Vec<String> = Vec::new();
        for u in (0u32..0x250).chain(0x1e00..0x1f00) {
            let Some(c) = char::from_u32(u) else { continue };
            for t in ["{c}", "h{c}ng", "{c}{c}", "Q{c}", "ng{c}y", "th{c}ng"] {
                runs.push(t.replace("{c}", &c.to_string()));
            }
        }
        for w in [
            "Quí", "QUÍ", "qui", "Hằng", "năm", "Đến", "THÁNG", "ngày", "xuyên",
        ] {
            runs.push(w.to_string());
        }
        runs.push("ẩ".repeat(30));
        let mut answered = 0;
        for r in &runs {
            let Some(w) = run_key(r) else { continue };
            answered += 1;
            let k = kehoach_text::ascii_key(r);
            let k = if k == "qui" { "quy".to_string() } else { k };
            assert_eq!(w.as_bytes(), k.as_bytes(), "{r:?}");
        }
        assert!(answered > 1000);
    }
}
