//! Where the legal citations of a text are: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của
//! Chính phủ về …" — the span from the document type to the word or mark that ends the
//! citation. [`super::meta::find_citations`] then reads the parts of each span.
//!
//! The grammar, as a regex (the tests check that this scanner finds exactly its matches):
//!
//! ```text
//! TYPE \s+ ([Ss]ố \s* :? \s*)? \d* \s* / \s* (\d{4} \s* / \s*)?
//!   [A-ZĐ][A-ZĐ0-9&]* (\s* - \s* [A-ZĐ0-9&]+)*                 symbol
//!   (\s+ ngày \s* \d{0,2} \s* (/|tháng) \s* \d{0,2} \s* (/|năm) \s* \d{4})?
//!   (\s+ của \s+ [^;,.]+?)?                                     issuer, shortest
//!   (\s+ (về|quy định|…) | [;,.)] | end)                        what ends it
//! ```
//!
//! Digits are ASCII digits and `\s` is Unicode white space, as in the regex; "uppercase" is
//! the Unicode Uppercase property.
//!
//! Scanned by hand rather than by that regex: the regex's lazy DFA spent about 45 cycles a
//! byte on real legal-basis paragraphs (its issuer part is a shortest match up to a list of
//! words), more than the rest of the metadata together.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::deadline::{find_date, iso};

/// Document types a citation starts with, in the regex's order of preference, with the
/// case of their first letter free unless written in capitals.
const TYPES: &[&str] = &[
    "Luật",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Thông tư liên tịch",
    "Thông tư",
    "Chỉ thị",
    "Kế hoạch",
    "Công văn",
    "Văn bản",
    "Thông báo",
    "Hướng dẫn",
    "Tờ trình",
    "Chương trình",
    "LUẬT",
    "NGHỊ ĐỊNH",
    "QUYẾT ĐỊNH",
    "KẾ HOẠCH",
    "THÔNG TƯ",
];

/// Words that end a citation when a space comes before them.
pub(crate) const END_WORDS: &[&str] = &[
    "về",
    "quy định",
    "hướng dẫn",
    "ban hành",
    "sửa đổi",
    "phê duyệt",
    "triển khai",
    "thực hiện",
];

/// The name of a document type as [`spans`] reports it: "NGHỊ ĐỊNH" and "nghị định" are
/// both "Nghị định" (the same number of bytes as the text they name).
pub fn type_name(k: usize) -> &'static str {
    match TYPES[k] {
        "LUẬT" => "Luật",
        "NGHỊ ĐỊNH" => "Nghị định",
        "QUYẾT ĐỊNH" => "Quyết định",
        "KẾ HOẠCH" => "Kế hoạch",
        "THÔNG TƯ" => "Thông tư",
        t => t,
    }
}

/// The spans of the citations in `text`, left to right, not overlapping, each with the
/// index of its type (see [`type_name`]).
pub fn spans(text: &str) -> Vec<(Range<usize>, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Every type starts with an ASCII letter: only the types starting with this one
        // (either case) are tried here.
        let folded = b[i] | 0x20;
        if !folded.is_ascii_lowercase() {
            i += 1;
            continue;
        }
        let mut candidates = first_letters()[(folded - b'a') as usize];
        let mut found = None;
        while candidates != 0 && found.is_none() {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            found = at_type(text, i, TYPES[k]).map(|end| (end, k));
        }
        match found {
            Some((end, k)) => {
                out.push((i..end, k));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// For each ASCII letter, the types starting with it (either case), as a bit set over
/// [`TYPES`] in their order of preference.
fn first_letters() -> &'static [u32; 26] {
    static TABLE: std::sync::OnceLock<[u32; 26]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 26];
        for (k, ty) in TYPES.iter().enumerate() {
            t[((ty.as_bytes()[0] | 0x20) - b'a') as usize] |= 1 << k;
        }
        t
    })
}

/// The end of a citation of type `ty` starting at byte `start`, if one is there.
fn at_type(text: &str, start: usize, ty: &str) -> Option<usize> {
    let (b, t) = (&text.as_bytes()[start..], ty.as_bytes());
    // "[Ll]uật": the first letter in either case, unless the type is written in capitals.
    let capitals = t.get(1).is_some_and(u8::is_ascii_uppercase);
    let first_ok = b.first() == t.first() || (!capitals && b.first() == Some(&(t[0] | 0x20)));
    // The second byte first: a cheap test that rejects almost every position.
    if !first_ok || b.get(1) != t.get(1) || !b[1..].starts_with(&t[1..]) {
        return None;
    }
    let p = Scan::new(text, start + ty.len()).spaces1()?;
    // ([Ss]ố \s* :? \s*)?
    let p = match p.lit("số").or_else(|| p.lit("Số")) {
        Some(q) => {
            let q = q.spaces();
            q.lit(":").unwrap_or(q).spaces()
        }
        None => p,
    };
    let p = p.digits(usize::MAX).0.spaces().lit("/")?.spaces();
    // (\d{4} \s* / \s*)?
    let p = match p
        .digits_exactly(4)
        .map(|q| q.spaces())
        .and_then(|q| q.lit("/"))
    {
        Some(q) => q.spaces(),
        None => p,
    };
    let p = p.symbol()?;
    // The date is optional: with it if the rest then matches, else without.
    if let Some(end) = p.date().and_then(|q| q.issuer_and_end()) {
        return Some(end);
    }
    p.issuer_and_end()
}

/// A law cited by name and year: "Luật Tổ chức chính quyền địa phương năm 2015",
/// "Bộ luật … ngày 1/1/2020". As a regex (the tests hold the scanner to it):
///
/// ```text
/// (Luật|Bộ luật) \s+ \p{Lu}[^;,]*? \s+ (ngày \s+ \d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4}) | năm \s+ (\d{4}))
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawSpan {
    pub span: Range<usize>,
    /// "Luật" or "Bộ luật".
    pub doc_type: &'static str,
    pub year: Option<i32>,
}

/// The laws cited by name in `text`, left to right, not overlapping.
pub fn law_spans(text: &str) -> Vec<LawSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = text[i..].find("uật") {
        // "Luật" at k-1, or "Bộ luật" ending there.
        let at = i + k;
        let found = ["Bộ luật", "Luật"].into_iter().find_map(|ty| {
            let start = at.checked_sub(ty.len() - "uật".len())?;
            (start >= i && text.get(start..)?.starts_with(ty))
                .then(|| law_at(text, start, ty))
                .flatten()
                .map(|(end, year)| (start, end, ty, year))
        });
        match found {
            Some((start, end, doc_type, year)) => {
                out.push(LawSpan {
                    span: start..end,
                    doc_type,
                    year,
                });
                i = end;
            }
            None => i = at + "uật".len(),
        }
    }
    out
}

fn law_at(text: &str, start: usize, ty: &str) -> Option<(usize, Option<i32>)> {
    let p = Scan::new(text, start + ty.len()).spaces1()?;
    let first = p.rest().chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // The name, as short as possible, up to a date or a year.
    let mut at = p.at + first.len_utf8();
    loop {
        if let Some(found) = Scan::new(text, at).law_date() {
            return Some(found);
        }
        let c = text[at..].chars().next()?;
        if matches!(c, ';' | ',') {
            return None;
        }
        at += c.len_utf8();
    }
}

/// A position in the text being scanned.
#[derive(Clone, Copy)]
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, at: usize) -> Self {
        Scan { text, at }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn to(self, at: usize) -> Self {
        Scan { at, ..self }
    }

    /// `\s*`
    fn spaces(self) -> Self {
        let r = self.rest();
        self.to(self.at + (r.len() - r.trim_start().len()))
    }

    /// `\s+`
    fn spaces1(self) -> Option<Self> {
        let q = self.spaces();
        (q.at > self.at).then_some(q)
    }

    fn lit(self, s: &str) -> Option<Self> {
        self.rest()
            .starts_with(s)
            .then(|| self.to(self.at + s.len()))
    }

    /// Up to `max` ASCII digits: the position after them and how many.
    fn digits(self, max: usize) -> (Self, usize) {
        let n = self
            .rest()
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        (self.to(self.at + n), n)
    }

    fn digits_exactly(self, n: usize) -> Option<Self> {
        let (q, k) = self.digits(n);
        (k == n).then_some(q)
    }

    /// `[A-ZĐ][A-ZĐ0-9&]* (\s* - \s* [A-ZĐ0-9&]+)*`, greedy.
    fn symbol(self) -> Option<Self> {
        let first = self.rest().chars().next()?;
        if !(first.is_ascii_uppercase() || first == 'Đ') {
            return None;
        }
        let mut p = self.to(self.at + first.len_utf8()).symbol_chars();
        loop {
            let Some(q) = p.spaces().lit("-") else { break };
            let q = q.spaces();
            let r = q.symbol_chars();
            if r.at == q.at {
                break;
            }
            p = r;
        }
        Some(p)
    }

    /// `[A-ZĐ0-9&]*`
    fn symbol_chars(self) -> Self {
        let n: usize = self
            .rest()
            .chars()
            .take_while(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' || c == 'Đ')
            .map(char::len_utf8)
            .sum();
        self.to(self.at + n)
    }

    /// `\s+ ngày \s* \d{0,2} \s* (/|tháng) \s* \d{0,2} \s* (/|năm) \s* \d{4}`
    fn date(self) -> Option<Self> {
        let p = self.spaces1()?.lit("ngày")?.spaces();
        let p = p.day_or_month()?;
        let p = p.lit("/").or_else(|| p.lit("tháng"))?.spaces();
        let p = p.day_or_month()?;
        let p = p.lit("/").or_else(|| p.lit("năm"))?.spaces();
        p.digits_exactly(4)
    }

    /// `\d{0,2} \s*` where what follows may not be a digit (so three digits do not match).
    fn day_or_month(self) -> Option<Self> {
        let (q, n) = self.digits(3);
        (n <= 2).then(|| q.spaces())
    }

    /// `(\s+ của \s+ [^;,.]+?)?` then the end: the end of the whole citation.
    fn issuer_and_end(self) -> Option<usize> {
        if let Some(cua) = self.spaces1().and_then(|q| q.lit("của")) {
            // `\s+` after "của" gives back spaces one at a time when the issuer cannot
            // end otherwise ("của  ;": the issuer is the second space).
            let run = cua.spaces();
            let mut starts: Vec<usize> = cua.rest()[..run.at - cua.at]
                .char_indices()
                .map(|(i, c)| cua.at + i + c.len_utf8())
                .collect();
            starts.reverse();
            for start in starts {
                // The shortest issuer after which the citation can end.
                let mut at = start;
                for c in self.text[start..].chars() {
                    if matches!(c, ';' | ',' | '.') {
                        break;
                    }
                    at += c.len_utf8();
                    if let Some(end) = self.to(at).end() {
                        return Some(end);
                    }
                }
            }
        }
        self.end()
    }

    /// `\s+ (ngày \s+ \d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4}) | năm \s+ (\d{4}))`: the end and
    /// the year.
    fn law_date(self) -> Option<(usize, Option<i32>)> {
        let p = self.spaces1()?;
        let year = |q: Scan<'a>| {
            let end = q.digits_exactly(4)?;
            Some((end.at, q.text[q.at..end.at].parse().ok()))
        };
        if let Some(q) = p.lit("ngày").and_then(|q| q.spaces1()) {
            let one_or_two = |q: Scan<'a>| {
                let (r, n) = q.digits(3);
                (1..=2).contains(&n).then_some(r)
            };
            let found = one_or_two(q)
                .and_then(|q| q.spaces().lit("/"))
                .and_then(|q| one_or_two(q.spaces()))
                .and_then(|q| q.spaces().lit("/"))
                .and_then(|q| year(q.spaces()));
            if found.is_some() {
                return found;
            }
        }
        p.lit("năm").and_then(|q| q.spaces1()).and_then(year)
    }

    /// `\s+ (về|quy định|…) | [;,.)] | end of text`
    fn end(self) -> Option<usize> {
        let r = self.rest();
        if r.is_empty() {
            return Some(self.at);
        }
        if r.starts_with([';', ',', '.', ')']) {
            return Some(self.at + 1);
        }
        let q = self.spaces1()?;
        END_WORDS.iter().find_map(|w| q.lit(w)).map(|q| q.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex this scanner replaced: the reference it must agree with.
    fn spans_only(text: &str) -> Vec<Range<usize>> {
        spans(text).into_iter().map(|(r, _)| r).collect()
    }

    fn laws_by_regex(text: &str) -> Vec<LawSpan> {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| regex::Regex::new(r"(Luật|Bộ luật)\s+([\p{Uppercase}][^;,]*?)\s+(?:ngày\s+[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*([0-9]{4})|năm\s+([0-9]{4}))").unwrap());
        re.captures_iter(text)
            .map(|m| LawSpan {
                span: m.get(0).unwrap().range(),
                doc_type: if &m[1] == "Luật" {
                    "Luật"
                } else {
                    "Bộ luật"
                },
                year: m.get(3).or(m.get(4)).and_then(|y| y.as_str().parse().ok()),
            })
            .collect()
    }

    fn by_regex(text: &str) -> Vec<Range<usize>> {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| regex::Regex::new(r"([Ll]uật|[Nn]ghị định|[Nn]ghị quyết|[Qq]uyết định|[Tt]hông tư liên tịch|[Tt]hông tư|[Cc]hỉ thị|[Kk]ế hoạch|[Cc]ông văn|[Vv]ăn bản|[Tt]hông báo|[Hh]ướng dẫn|[Tt]ờ trình|[Cc]hương trình|LUẬT|NGHỊ ĐỊNH|QUYẾT ĐỊNH|KẾ HOẠCH|THÔNG TƯ)\s+(?:[Ss]ố\s*:?\s*)?([0-9]*)\s*/\s*(?:([0-9]{4})\s*/\s*)?([A-ZĐ][A-ZĐ0-9&]*(?:\s*-\s*[A-ZĐ0-9&]+)*)((?:\s+ngày\s*(?:[0-9]{1,2})?\s*(?:/|tháng)\s*(?:[0-9]{1,2})?\s*(?:/|năm)\s*[0-9]{4})?)((?:\s+của\s+[^;,.]+?)?)(?:\s+(?:về|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|triển khai|thực hiện)|[;,.)]|$)").unwrap());
        re.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn spans_equal_the_regex_on_every_fixture_line() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/text");
        let mut lines = 0;
        for e in std::fs::read_dir(root).unwrap() {
            let path = e.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for line in text.lines() {
                assert_eq!(spans_only(line), by_regex(line), "{line:?}");
                assert_eq!(law_spans(line), laws_by_regex(line), "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 500, "{lines} lines");
    }

    #[test]
    fn spans_equal_the_regex_on_generated_texts() {
        // Random sequences of the grammar's pieces (a fixed-seed generator).
        let pieces = [
            "Nghị định",
            "kế hoạch",
            "THÔNG TƯ",
            "Luật",
            "Bộ luật",
            "Tổ chức",
            "đất",
            "Thông tư liên tịch",
            " ",
            "  ",
            "\u{a0}",
            "số",
            "Số",
            ":",
            "12",
            "5",
            "2018",
            "123",
            "/",
            "NĐ",
            "Đ",
            "-",
            "CP",
            "&",
            "ngày",
            "tháng",
            "năm",
            "của",
            "về",
            "quy định",
            ";",
            ",",
            ".",
            ")",
            "x",
            "ê",
            "UBND",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let len = 1 + next(14);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(spans_only(&text), by_regex(&text), "{text:?}");
            assert_eq!(law_spans(&text), laws_by_regex(&text), "{text:?}");
        }
    }

    #[test]
    fn spans_equal_the_regex_on_edge_cases() {
        let cases = [
            "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa",
            "Thực hiện Kế hoạch số 182/KH-UBND ngày 25 tháng 12 năm 2025 của UBND tỉnh Thái Nguyên về Kiểm soát",
            "Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ; Nghị định số 92/2017/NĐ-CP",
            "Kế hoạch số /KH-STP",
            "Kế hoạch số: 12 / KH - UBND - VP.",
            "kế hoạch 12/KH-UBND)",
            "Quyết định số 12/QĐ-UBNDx về",
            "Thông tư liên tịch số 1/2014/TTLT-BTP-BNV ngày 3/3/2014",
            "Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm",
            "LUẬT số 5/QH về",
            "Nghị định 20/2008/NĐ-CP ngày /02/2008 của Chính phủ",
            "Nghị định 20/2008/NĐ-CP ngày 123/02/2008 của Chính phủ",
            "Nghị định 20/2008/NĐ-CP ngày 1/2/20081",
            "Nghị định 20/20081/NĐ-CP",
            "Văn bản số 5/UBND của UBND tỉnh",
            "Văn bản số 5/UBND của",
            "Văn bản số 5/UBND của ;",
            "Văn bản số 5/UBND của  ;",
            "Văn bản số 5/UBND của \u{a0} về",
            "Công văn 1/SNV  hướng dẫn",
            "Tờ trình 1/TTr-SNV ban hànhx",
            "Chỉ thị 1/CT-TTg quy địnhx; Chương trình 2/CTr-UBND sửa đổi",
            "Hướng dẫn 3/HD-SNV triển khai, Thông báo 4/TB-VP phê duyệt",
            "Nghị quyết 5/NQ-HĐND của HĐND tỉnh (khóa XIV) về",
            "QUYẾT ĐỊNH 1/QĐ-UBND. KẾ HOẠCH 2/KH-UBND. THÔNG TƯ 3/TT-BTC.",
            "Thực hiện kế hoạchsố 1/KH",
            "luật 1/QH13",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương năm 2019",
            "Bộ luật Dân sự ngày 24/11/2015 và Luật Đất đai năm 20241",
            "Luật Ban hành văn bản, năm 2015; Luật  Đầu tư  năm  2020",
            "Luật đất đai năm 2013. Bộ luật Lao động ngày 1 / 2 / 2019",
            "Luật Thủ đô ngày 123/1/2024 năm 2024",
            "",
        ];
        for c in cases {
            assert_eq!(spans_only(c), by_regex(c), "{c:?}");
            assert_eq!(law_spans(c), laws_by_regex(c), "{c:?}");
            // Every prefix, so that a citation cut anywhere is handled alike.
            for (i, _) in c.char_indices() {
                assert_eq!(spans_only(&c[..i]), by_regex(&c[..i]), "{:?}", &c[..i]);
                assert_eq!(law_spans(&c[..i]), laws_by_regex(&c[..i]), "{:?}", &c[..i]);
            }
        }
    }
}

/// A cited document: "Quyết định số 182/QĐ-UBND ngày 25/12/2025 của UBND tỉnh Thái Nguyên".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LegalRef {
    pub text: String,
    /// "Quyết định", "Nghị định", "Kế hoạch", "Luật" …
    pub doc_type: String,
    /// "182" (none for a law cited by name).
    pub number: Option<String>,
    /// Year inside the reference, "61/2018/NĐ-CP" → 2018.
    pub ref_year: Option<i32>,
    /// "QĐ-UBND", "NĐ-CP".
    pub symbol: Option<String>,
    /// ISO date, where given.
    pub date: Option<String>,
    pub issuer: Option<String>,
}

impl LegalRef {
    /// "61/2018/NĐ-CP", "182/QĐ-UBND".
    pub fn reference(&self) -> Option<String> {
        let n = self.number.as_ref()?;
        Some(match (self.ref_year, &self.symbol) {
            (Some(y), Some(s)) => format!("{n}/{y}/{s}"),
            (None, Some(s)) => format!("{n}/{s}"),
            _ => n.clone(),
        })
    }
}

/// Finds every document cited in a text.
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
    let mut out: Vec<LegalRef> = spans(text)
        .into_iter()
        .filter_map(|(span, k)| citation_parts(&text[span], type_name(k)))
        .collect();
    for law in law_spans(text) {
        let m = &text[law.span];
        if out.iter().any(|r| r.text.contains(m)) {
            continue;
        }
        out.push(LegalRef {
            text: kehoach_text::clean(m),
            doc_type: law.doc_type.to_string(),
            number: None,
            ref_year: law.year,
            symbol: None,
            date: find_date(m).map(iso),
            issuer: None,
        });
    }
    out
}

/// Reads the parts of one citation span of type `ty` (see [`super::citation`]):
/// "Quyết định số 182/QĐ-UBND ngày 25/12/2025 của UBND tỉnh Thái Nguyên về".
fn citation_parts(span: &str, ty: &str) -> Option<LegalRef> {
    let mut rest = span[ty.len()..].trim_start();
    for prefix in ["số", "Số", "SỐ"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start().trim_start_matches(':').trim_start();
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let number = Some(rest[..digits].to_string()).filter(|s| !s.is_empty());
    rest = rest[digits..].trim_start().strip_prefix('/')?.trim_start();
    let mut ref_year = None;
    if rest.len() > 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        let after = rest[4..].trim_start();
        if let Some(a) = after.strip_prefix('/') {
            ref_year = rest[..4].parse().ok();
            rest = a.trim_start();
        }
    }
    // Symbol: "QĐ-UBND", "NĐ-CP", "KH- SDDTTG" (spaces around a dash are a typing slip).
    let is_sym = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ' || c == '&';
    let mut symbol = String::new();
    let mut i = 0;
    // A symbol is short: look at the start of the rest only.
    let chars: Vec<(usize, char)> = rest.char_indices().take(96).collect();
    while i < chars.len() {
        let c = chars[i].1;
        if is_sym(c) {
            symbol.push(c);
            i += 1;
            continue;
        }
        // A dash, possibly with spaces around it, followed by more of the symbol.
        let mut j = i;
        while j < chars.len() && chars[j].1 == ' ' {
            j += 1;
        }
        if j < chars.len() && chars[j].1 == '-' && !symbol.is_empty() {
            j += 1;
            while j < chars.len() && chars[j].1 == ' ' {
                j += 1;
            }
            if j < chars.len() && is_sym(chars[j].1) {
                symbol.push('-');
                i = j;
                continue;
            }
        }
        break;
    }
    if symbol.is_empty() {
        return None;
    }
    let after_symbol = chars.get(i).map(|&(b, _)| &rest[b..]).unwrap_or("");
    // Date and issuer: "ngày 25/12/2025 của UBND tỉnh …" up to the word that ended the match.
    let (date_part, issuer_part) = match after_symbol.find("của ") {
        Some(k) => (&after_symbol[..k], Some(&after_symbol[k + "của ".len()..])),
        None => (after_symbol, None),
    };
    let issuer = issuer_part
        .map(|s| trim_citation_end(s).to_string())
        .filter(|s| !s.is_empty());
    let end = match issuer_part {
        Some(s) => span.len() - s.len() + trim_citation_end(s).len(),
        None => span.len() - after_symbol.len() + trim_citation_end(date_part).len(),
    };
    Some(LegalRef {
        text: kehoach_text::clean(&span[..end]),
        doc_type: ty.to_string(),
        number,
        ref_year,
        symbol: Some(symbol),
        date: find_date(date_part).map(iso),
        issuer,
    })
}

/// Drops the word or punctuation that ended a citation match (" về", ";", ")").
fn trim_citation_end(s: &str) -> &str {
    let mut s = s
        .trim_end()
        .trim_end_matches([';', ',', '.', ')'])
        .trim_end();
    for w in END_WORDS {
        if let Some(r) = s.strip_suffix(w) {
            if r.ends_with(' ') {
                s = r.trim_end();
                break;
            }
        }
    }
    s
}

/// The legal bases of a document: the citations read from its "Căn cứ …" / "Thực hiện …"
/// lines, given every text line between the title and the first section, in order.
/// Lines that name no basis are ignored; see [`Bases`] for what could not be read.
pub fn legal_bases<'a>(lines: impl IntoIterator<Item = &'a str>) -> Bases {
    let mut out = Bases::default();
    for t in lines {
        let head = t.char_indices().nth(48).map_or(t, |(i, _)| &t[..i]);
        let key = kehoach_text::ascii_key(head.trim());
        if key.starts_with("can cu ") || key.starts_with("thuc hien ") {
            out.refs.extend(find_citations(t));
        }
    }
    out
}

/// What [`legal_bases`] read.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Bases {
    pub refs: Vec<LegalRef>,
    /// Warnings for the plan (a basis line that could not be read, kept as text).
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod legal_ref_tests {
    use super::*;

    #[test]
    fn citations() {
        let refs = find_citations("Thực hiện Kế hoạch số 182/KH-UBND ngày 25 tháng 12 năm 2025 của UBND tỉnh Thái Nguyên về Kiểm soát");
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].doc_type, "Kế hoạch");
        assert_eq!(refs[0].reference().as_deref(), Some("182/KH-UBND"));
        assert_eq!(refs[0].date.as_deref(), Some("2025-12-25"));
        assert_eq!(refs[0].issuer.as_deref(), Some("UBND tỉnh Thái Nguyên"));
        assert_eq!(
            refs[0].text,
            "Kế hoạch số 182/KH-UBND ngày 25 tháng 12 năm 2025 của UBND tỉnh Thái Nguyên"
        );
        let refs = find_citations("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi");
        assert_eq!(
            refs.iter()
                .map(|r| r.reference().unwrap())
                .collect::<Vec<_>>(),
            ["63/2010/NĐ-CP", "92/2017/NĐ-CP"]
        );
        let refs = find_citations(
            "(Kèm theo Kế hoạch số /KH- SDDTTG ngày /01/2026 của Sở Dân tộc và Tôn giáo)",
        );
        assert_eq!(refs[0].number, None);
        assert_eq!(refs[0].symbol.as_deref(), Some("KH-SDDTTG"));
    }
}
