//! Deadline phrases ("Thường xuyên", "Định kỳ hàng quý, năm", "Trước ngày 25/01/2026",
//! "Tháng 3, tháng 4 năm 2026", "Theo Kế hoạch riêng", "Ngay sau khi UBND tỉnh ban hành Kế
//! hoạch") → a typed reading. The raw text is always kept; the reading is a best effort and
//! says `unparsed` rather than guess.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A deadline cell: its text as written and what it means.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub text: String,
    #[serde(flatten)]
    pub kind: DeadlineKind,
}

/// A recurring period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// What a deadline phrase means.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// No deadline written.
    #[default]
    Empty,
    /// "Thường xuyên" (continuous, ongoing).
    Continuous,
    /// "Định kỳ hàng quý, năm", "Hàng quý, năm".
    Recurring { periods: Vec<Period> },
    /// "Trước ngày 25/01/2026": ISO date.
    Before { date: String },
    /// A bare date "25/01/2026".
    OnDate { date: String },
    /// "Tháng 3, tháng 4 năm 2026", "Tháng 12/2024".
    Months { months: Vec<u32>, year: Option<i32> },
    /// "Năm 2024".
    Year { year: i32 },
    /// "Theo Kế hoạch riêng" (by a separate plan).
    SeparatePlan,
    /// "Ngay sau khi UBND tỉnh ban hành Kế hoạch": after an event.
    AfterEvent { event: String },
    /// "Theo Chương trình công tác của UBND tỉnh", "Theo văn bản …": as another document
    /// schedules it.
    AsScheduled { by: String },
    /// Not understood; read the text.
    Unparsed,
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// Finds the first date (d/m/yyyy, d-m-yyyy, d.m.yyyy, "ngày d tháng m năm yyyy") in `s`.
/// A numeric date anywhere wins over a date in words; the day and month must be in range.
///
/// Read by hand rather than by regex captures: dates are looked for in every deadline and
/// every legal citation, and a capture search cost more than the rest of reading them.
pub fn find_date(s: &str) -> Option<(i32, u32, u32)> {
    let (d, mo, y) = numeric_date(s).or_else(|| worded_date(s))?;
    ((1..=31).contains(&d) && (1..=12).contains(&mo)).then_some((y, mo, d))
}

/// An ASCII word character, as `(?-u:\b)` sees it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\s*` then one of `/.-` then `\s*`: the rest after it.
fn date_separator(s: &str) -> Option<&str> {
    let t = s.trim_start();
    let t = t.strip_prefix(['/', '.', '-'])?;
    Some(t.trim_start())
}

/// A run of 1..=`max` ASCII digits at the start of `s` (greedy): (value, rest) for each
/// length the caller may try, longest first.
fn digit_runs(s: &str, max: usize) -> impl Iterator<Item = (u32, &str)> {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    (1..=n)
        .rev()
        .map(move |k| (s[..k].parse().unwrap_or(0), &s[k..]))
}

/// `\b d{1,2} SEP d{1,2} SEP d{4} \b`, leftmost match.
fn numeric_date(s: &str) -> Option<(u32, u32, i32)> {
    let b = s.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && is_word_byte(b[i - 1])) {
            continue;
        }
        for (d, rest) in digit_runs(&s[i..], 2) {
            let Some(rest) = date_separator(rest) else {
                continue;
            };
            for (mo, rest) in digit_runs(rest, 2) {
                let Some(rest) = date_separator(rest) else {
                    continue;
                };
                let y = rest.as_bytes();
                if y.len() >= 4
                    && y[..4].iter().all(u8::is_ascii_digit)
                    && !y.get(4).copied().is_some_and(is_word_byte)
                {
                    return Some((d, mo, rest[..4].parse().ok()?));
                }
            }
        }
    }
    None
}

/// Strips `word` (lower case) from the start of `s`, ignoring case.
fn strip_word_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if c != w && !c.to_lowercase().eq(std::iter::once(w)) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(i, _)| &s[i..]))
}

/// `\s+` at the start of `s`: the rest after it.
fn spaces(s: &str) -> Option<&str> {
    let t = s.trim_start();
    (t.len() < s.len()).then_some(t)
}

/// "ngày d tháng m năm yyyy" (any case), leftmost match.
fn worded_date(s: &str) -> Option<(u32, u32, i32)> {
    for (i, _) in s.char_indices() {
        let Some(rest) = strip_word_ci(&s[i..], "ngày").and_then(spaces) else {
            continue;
        };
        let found = digit_runs(rest, 2).find_map(|(d, rest)| {
            let rest = strip_word_ci(spaces(rest)?, "tháng").and_then(spaces)?;
            digit_runs(rest, 2).find_map(|(mo, rest)| {
                let rest = strip_word_ci(spaces(rest)?, "năm").and_then(spaces)?;
                let y = rest.as_bytes();
                (y.len() >= 4 && y[..4].iter().all(u8::is_ascii_digit))
                    .then(|| Some((d, mo, rest[..4].parse().ok()?)))
                    .flatten()
            })
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

pub fn iso(d: (i32, u32, u32)) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// Reads a deadline cell.
///
/// ```
/// use kehoach_parse::plan::deadline::{parse, DeadlineKind};
/// assert_eq!(parse("Trước ngày 25/01/2026").kind, DeadlineKind::Before { date: "2026-01-25".into() });
/// assert_eq!(parse("Thường xuyên").kind, DeadlineKind::Continuous);
/// assert_eq!(parse("Theo Kế hoạch riêng").kind, DeadlineKind::SeparatePlan);
/// ```
pub fn parse(text: &str) -> Deadline {
    let text = kehoach_text::clean(text);
    let kind = classify(&text);
    Deadline { text, kind }
}

fn classify(text: &str) -> DeadlineKind {
    static MONTHS: OnceLock<Regex> = OnceLock::new();
    static MONTH_SLASH: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
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
    if k.starts_with("dinh ky") || k.starts_with("hang ") || k.starts_with("hang quy") {
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
    if k.starts_with("ngay sau khi") || k.starts_with("sau khi") || k.starts_with("ngay khi") {
        let lower = text.to_lowercase();
        let event = lower
            .find("khi")
            .map(|i| text[i + "khi".len()..].trim().to_string())
            .unwrap_or_default();
        return DeadlineKind::AfterEvent { event };
    }
    if k.starts_with("theo ke hoach rieng") {
        return DeadlineKind::SeparatePlan;
    }
    let months_re = re(
        &MONTHS,
        r"(?i)^tháng\s+(\d{1,2})((?:\s*[,;và]+\s*(?:tháng\s+)?\d{1,2})*)\s*(?:năm\s+(\d{4}))?\s*$",
    );
    if let Some(m) = k
        .starts_with("thang ")
        .then(|| months_re.captures(text))
        .flatten()
    {
        let mut months: Vec<u32> = vec![m[1].parse().unwrap_or(0)];
        months.extend(
            m.get(2)
                .map(|g| g.as_str())
                .unwrap_or("")
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse::<u32>().ok()),
        );
        if months.iter().all(|m| (1..=12).contains(m)) {
            let year = m.get(3).and_then(|y| y.as_str().parse().ok());
            return DeadlineKind::Months { months, year };
        }
    }
    let slash = re(&MONTH_SLASH, r"(?i)^tháng\s+(\d{1,2})\s*/\s*(\d{4})$");
    if let Some(m) = k
        .starts_with("thang ")
        .then(|| slash.captures(text))
        .flatten()
    {
        let mo: u32 = m[1].parse().unwrap_or(0);
        if (1..=12).contains(&mo) {
            return DeadlineKind::Months {
                months: vec![mo],
                year: m[2].parse().ok(),
            };
        }
    }
    let year = re(&YEAR, r"(?i)^(?:trong\s+|cả\s+)?năm\s+(\d{4})\.?$");
    if let Some(m) = k.contains("nam ").then(|| year.captures(text)).flatten() {
        if let Ok(y) = m[1].parse() {
            return DeadlineKind::Year { year: y };
        }
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
            by: by.trim().to_string(),
        };
    }
    if let Some(d) = find_date(text) {
        if k.split(' ').count() <= 4 {
            return DeadlineKind::OnDate { date: iso(d) };
        }
    }
    DeadlineKind::Unparsed
}

/// Whether a text reads as a deadline phrase (used to place a cell merged across columns).
pub fn looks_like_deadline(text: &str) -> bool {
    !matches!(
        classify(&kehoach_text::clean(text)),
        DeadlineKind::Empty | DeadlineKind::Unparsed
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineKind::*;

    /// The regexes `find_date` replaced, as the reference it must agree with.
    fn find_date_by_regex(s: &str) -> Option<(i32, u32, u32)> {
        let num =
            Regex::new(r"(?-u:\b)([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})(?-u:\b)")
                .unwrap();
        let words =
            Regex::new(r"(?i)ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})")
                .unwrap();
        let m = num.captures(s).or_else(|| words.captures(s))?;
        let d: u32 = m[1].parse().ok()?;
        let mo: u32 = m[2].parse().ok()?;
        let y: i32 = m[3].parse().ok()?;
        ((1..=31).contains(&d) && (1..=12).contains(&mo)).then_some((y, mo, d))
    }

    #[test]
    fn find_date_agrees_with_the_regexes() {
        let mut cases: Vec<String> = [
            "Trước ngày 25/01/2026",
            "ngày 08/6/2010 của Chính phủ",
            "25-12-2025",
            "1.2.2026.",
            "123/4/2024",
            "12/3/20245",
            "a12/3/2024",
            "_1/2/2024",
            "1 / 2 / 2024",
            "ngày 25 tháng 12 năm 2025",
            "NGÀY 5 THÁNG 1 NĂM 2026",
            "Ngày  5  tháng 13 năm 2026; 3/4/2026",
            "ngày 123 tháng 1 năm 2026",
            "ngày 12 tháng 1 năm 202",
            "40/12/2025 và 1/1/2026",
            "tháng 3/2026",
            "ngày 1 tháng 2 năm 20261",
            "",
            "ngày",
            "31/12/2025x",
            "31/12/2025é",
        ]
        .map(String::from)
        .to_vec();
        // Every prefix of a few, to cover truncation at each step.
        for base in ["ngày 25 tháng 12 năm 2025", "Trước ngày 25/01/2026 x"] {
            for (i, _) in base.char_indices() {
                cases.push(base[..i].to_string());
            }
        }
        for s in &cases {
            assert_eq!(find_date(s), find_date_by_regex(s), "{s:?}");
        }
    }

    #[test]
    fn phrases() {
        let cases: Vec<(&str, DeadlineKind)> = vec![
            ("", Empty),
            ("Thường xuyên", Continuous),
            ("Thường xuyên bằng văn bản", Continuous),
            ("Thường xuyên theo tháng, Quý, năm", Continuous),
            ("Định kỳ hàng quý, năm", Recurring { periods: vec![Period::Quarterly, Period::Yearly] }),
            ("Định kỳ hàng Quý, năm", Recurring { periods: vec![Period::Quarterly, Period::Yearly] }),
            ("Hàng quý, năm", Recurring { periods: vec![Period::Quarterly, Period::Yearly] }),
            ("Định kỳ 6 tháng, năm", Recurring { periods: vec![Period::HalfYearly, Period::Yearly] }),
            ("Trước ngày 25/01/2026", Before { date: "2026-01-25".into() }),
            ("Trước ngày 15/01/2024", Before { date: "2024-01-15".into() }),
            ("Tháng 3, tháng 4 năm 2026", Months { months: vec![3, 4], year: Some(2026) }),
            ("Tháng 12/2024", Months { months: vec![12], year: Some(2024) }),
            ("Năm 2024", Year { year: 2024 }),
            ("Theo Kế hoạch riêng", SeparatePlan),
            ("Theo Kế hoạch riêng hoặc kết hợp cùng Kế hoạch kiểm tra công tác cải cách hành chính", SeparatePlan),
            ("Ngay sau khi UBND tỉnh ban hành Kế hoạch", AfterEvent { event: "UBND tỉnh ban hành Kế hoạch".into() }),
            ("Theo Chương trình công tác của UBND tỉnh", AsScheduled { by: "Chương trình công tác của UBND tỉnh".into() }),
            ("Theo văn bản triển khai của tỉnh", AsScheduled { by: "văn bản triển khai của tỉnh".into() }),
            ("25/01/2026", OnDate { date: "2026-01-25".into() }),
            ("Quý II", Unparsed),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).kind, want, "{text}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(find_date("ngày 25 tháng 12 năm 2025"), Some((2025, 12, 25)));
        assert_eq!(find_date("ngày 08/6/2010"), Some((2010, 6, 8)));
        assert_eq!(find_date("ngày 45/13/2010"), None);
    }
}
