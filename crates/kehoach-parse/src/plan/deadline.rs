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
pub fn find_date(s: &str) -> Option<(i32, u32, u32)> {
    static NUM: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let num = re(
        &NUM,
        r"(?-u:\b)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?-u:\b)",
    );
    let words = re(
        &WORDS,
        r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    );
    let m = num.captures(s).or_else(|| words.captures(s))?;
    let d: u32 = m[1].parse().ok()?;
    let mo: u32 = m[2].parse().ok()?;
    let y: i32 = m[3].parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&mo)).then_some((y, mo, d))
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
        return DeadlineKind::AsScheduled {
            by: text["Theo".len()..].trim().to_string(),
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
