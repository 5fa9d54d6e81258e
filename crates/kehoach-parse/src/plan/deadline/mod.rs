//! Deadline phrases ("Thường xuyên", "Quý II/2026", "6 tháng đầu năm 2026", "Từ tháng 3 đến
//! tháng 9/2026", "Trước ngày 05 của tháng liền kề", "Theo Kế hoạch riêng", "Sau khi được
//! phê duyệt" …) → a typed reading. The raw text is always kept; the reading is a best
//! effort and says `unparsed` rather than guess.
//!
//! The grammar (`grammar.rs`) reads the phrase as tokens keyed without diacritics, so case,
//! tone placement, NFD, "hàng"/"hằng" and non-breaking spaces never matter. A date that
//! does not exist in the calendar ("31/02/2026", "tháng 13/2026") is never read as a date:
//! the phrase is `unparsed` and [`parse_with_warnings`] says why.

use serde::{Deserialize, Serialize};

mod grammar;
#[cfg(test)]
mod tests;

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
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// The unit of a time limit ("trong vòng 15 ngày làm việc").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Days,
    WorkingDays,
    Weeks,
    Months,
    Years,
}

/// A point or stretch of the calendar, as precise as it is written: "năm 2026" is
/// `{year}`, "quý II/2026" `{year, quarter}`, "tháng 3" `{month}`, "01/7/2026" `{year,
/// month, day}`. Fields not written are absent from the JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// 1 = the first six months ("6 tháng đầu năm"), 2 = the last six.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

/// What a deadline phrase means.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// No deadline written.
    #[default]
    Empty,
    /// "Thường xuyên", "Liên tục", "Thực hiện thường xuyên trong năm" (continuous, ongoing).
    Continuous,
    /// "Định kỳ hàng quý, năm", "Hàng quý, năm", "Hằng tháng".
    Recurring { periods: Vec<Period> },
    /// A recurring period with a day, month or quarter in it: "Hằng tháng, trước ngày 20"
    /// (`monthly`, day 20), "Chậm nhất ngày 10/12 hằng năm" (`yearly`, months [12], day
    /// 10), "Tháng 6 và tháng 12 hằng năm", "Quý IV hằng năm", "Trước ngày 05 của tháng
    /// liền kề" (`monthly`, day 5, `following`: the day falls in the period after the one
    /// reported on).
    RecurringAt {
        period: Period,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        months: Vec<u32>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        quarters: Vec<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        day: Option<u32>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        following: bool,
    },
    /// "Trước ngày 25/01/2026", "Chậm nhất ngày 10/12/2026", "Trước tháng 6/2026" (before
    /// its first day): ISO date.
    Before { date: String },
    /// A bare date "25/01/2026".
    OnDate { date: String },
    /// "Tháng 3, tháng 4 năm 2026", "Tháng 12/2024", "Trong tháng 01/2026".
    Months { months: Vec<u32>, year: Option<i32> },
    /// "Quý II/2026", "Trong quý I năm 2026", "Quý I, II", "Hoàn thành trong quý III/2026".
    Quarters {
        quarters: Vec<u32>,
        year: Option<i32>,
    },
    /// "6 tháng đầu năm 2026" (half 1), "6 tháng cuối năm" (half 2).
    HalfYear { half: u32, year: Option<i32> },
    /// "Năm 2024", "Trong năm 2026".
    Year { year: i32 },
    /// "Trong năm", "Cả năm", "Đến hết năm": within the plan's year, not written.
    WithinYear,
    /// "Từ tháng 3 đến tháng 9/2026", "Từ ngày 01/7/2026 đến 31/12/2026", "Giai đoạn
    /// 2026-2030", "Năm 2026-2027", "Tuần đầu tiên của tháng 3/2026" (days 1 to 7).
    Range { from: When, to: When },
    /// "Năm 2026 và các năm tiếp theo", "Từ tháng 7/2026": from then on, no end.
    Since { from: When },
    /// "Đến hết năm 2026", "Chậm nhất quý II/2026", "Cuối tháng 6/2026", "Trước ngày
    /// 15/12" (no year): by the end of that point.
    Until { end: When },
    /// "Theo Kế hoạch riêng" (by a separate plan).
    SeparatePlan,
    /// "Ngay sau khi UBND tỉnh ban hành Kế hoạch", "Khi có yêu cầu": after or upon an
    /// event.
    AfterEvent { event: String },
    /// "Theo Chương trình công tác của UBND tỉnh", "Theo văn bản …", "Theo các mốc thời gian
    /// tại Quyết định số 1441/QĐ-UBND": as another document schedules it.
    AsScheduled { by: String },
    /// "Trong vòng 15 ngày kể từ ngày nhận được văn bản", "Trong thời hạn 30 ngày làm việc
    /// kể từ ngày Kế hoạch được ban hành": a time limit counted from an event (kept as
    /// written, absent when not written).
    Within {
        count: u32,
        unit: Unit,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
    },
    /// Several deadlines in one cell, each with its own text: "Ban hành kế hoạch chậm nhất
    /// là ngày 15/01/2026 và tổ chức thực hiện trong năm" → `before` then `within_year`.
    Compound { parts: Vec<Deadline> },
    /// Not understood; read the text.
    Unparsed,
}

impl When {
    /// The last day this point allows, when its year is known: the day itself, the last
    /// day of its month, quarter, half or year.
    pub fn last_day(&self) -> Option<(i32, u32, u32)> {
        let y = self.year?;
        let m = match (self.month, self.quarter, self.half) {
            (Some(m), _, _) => m,
            (None, Some(q), _) => q.checked_mul(3)?,
            (None, None, Some(h)) => h.checked_mul(6)?,
            _ => 12,
        };
        let d = match self.day {
            Some(d) => d,
            None => days_in_month(y, m),
        };
        is_real_date(y, m, d).then_some((y, m, d))
    }

    /// The first day of this point, when its year is known.
    pub fn first_day(&self) -> Option<(i32, u32, u32)> {
        let y = self.year?;
        let m = match (self.month, self.quarter, self.half) {
            (Some(m), _, _) => m,
            (None, Some(q), _) => q.checked_mul(3)?.checked_sub(2)?,
            (None, None, Some(h)) => h.checked_mul(6)?.checked_sub(5)?,
            _ => 1,
        };
        let d = self.day.unwrap_or(1);
        is_real_date(y, m, d).then_some((y, m, d))
    }
}

impl DeadlineKind {
    /// The last day the deadline allows, where it names one: the date (`before`,
    /// `on_date`), the last day of the months, quarter, half or year, the end of a range or
    /// of `until`; for a compound deadline the latest of its parts. None for what has no
    /// end of its own (continuous, recurring, since, within the unwritten plan year,
    /// events, references) or no year.
    pub fn last_day(&self) -> Option<(i32, u32, u32)> {
        match self {
            DeadlineKind::Before { date } | DeadlineKind::OnDate { date } => parse_iso(date),
            DeadlineKind::Months {
                months,
                year: Some(y),
            } => {
                let m = *months.iter().max()?;
                When {
                    year: Some(*y),
                    month: Some(m),
                    ..When::default()
                }
                .last_day()
            }
            DeadlineKind::Quarters {
                quarters,
                year: Some(y),
            } => When {
                year: Some(*y),
                quarter: Some(*quarters.iter().max()?),
                ..When::default()
            }
            .last_day(),
            DeadlineKind::HalfYear {
                half,
                year: Some(y),
            } => When {
                year: Some(*y),
                half: Some(*half),
                ..When::default()
            }
            .last_day(),
            DeadlineKind::Year { year } => Some((*year, 12, 31)),
            DeadlineKind::Range { to, .. } => to.last_day(),
            DeadlineKind::Until { end } => end.last_day(),
            DeadlineKind::Compound { parts } => {
                parts.iter().filter_map(|p| p.kind.last_day()).max()
            }
            _ => None,
        }
    }
}

/// "YYYY-MM-DD" → (y, m, d).
fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// Finds the first date (d/m/yyyy, d-m-yyyy, d.m.yyyy, "ngày d tháng m năm yyyy") in `s`.
/// A numeric date anywhere wins over a date in words; the date must exist in the calendar
/// (31/02/2026, 29/02/2025, month 13 and day 0 give `None`, 29/02/2028 is a date).
///
/// Read by hand rather than by regex captures: dates are looked for in every deadline and
/// every legal citation, and a capture search cost more than the rest of reading them.
pub fn find_date(s: &str) -> Option<(i32, u32, u32)> {
    let (d, mo, y) = numeric_date(s).or_else(|| worded_date(s))?;
    is_real_date(y, mo, d).then_some((y, mo, d))
}

/// The number of days of a month (Gregorian: a year divisible by 4 is leap, except
/// centuries not divisible by 400); 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether day `d` of month `mo` of year `y` exists.
pub fn is_real_date(y: i32, mo: u32, d: u32) -> bool {
    d >= 1 && d <= days_in_month(y, mo)
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
        // Only 'n' and 'N' lower-case to 'n': no case folding elsewhere.
        if !matches!(s.as_bytes()[i], b'n' | b'N') {
            continue;
        }
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
/// assert_eq!(parse("Quý II/2026").kind, DeadlineKind::Quarters { quarters: vec![2], year: Some(2026) });
/// ```
pub fn parse(text: &str) -> Deadline {
    parse_with_warnings(text).0
}

/// Reads a deadline cell, and says (in Vietnamese first) what in it could not be a date:
/// "ngày không có thật: 31/02/2026", "tháng không có thật: tháng 13/2026". A phrase with
/// such a date reads as `unparsed`; the plan reader pushes the warning into the plan's
/// warnings.
///
/// ```
/// use kehoach_parse::plan::deadline::{parse_with_warnings, DeadlineKind};
/// let (d, w) = parse_with_warnings("Trước ngày 31/02/2026");
/// assert_eq!(d.kind, DeadlineKind::Unparsed);
/// assert_eq!(w.as_deref(), Some("ngày không có thật: 31/02/2026"));
/// ```
pub fn parse_with_warnings(text: &str) -> (Deadline, Option<String>) {
    let text = kehoach_text::clean(text);
    let (kind, warning) = grammar::classify(&text);
    (Deadline { text, kind }, warning)
}

/// Whether a text reads as a deadline phrase (used to place a cell merged across columns).
pub fn looks_like_deadline(text: &str) -> bool {
    !matches!(
        grammar::classify(&kehoach_text::clean(text)).0,
        DeadlineKind::Empty | DeadlineKind::Unparsed
    )
}
