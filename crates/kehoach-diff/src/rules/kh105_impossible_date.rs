use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: reads every full date written in the plan — "31/02/2026",
    /// "30.4.2026", "ngày 31 tháng 4 năm 2026" — in the header, the items, the legal bases
    /// and the body, and reports those that are not days of the calendar (day 0, a day
    /// past the end of its month, 29 February outside a leap year, month 0 or 13).
    ///
    /// Why: a date typed by hand or changed from last year's ("31/3" moved to April) can
    /// name a day that does not exist; a deadline on it cannot be met or checked, and a
    /// reader cannot tell which day was meant. Document numbers ("25/2025/NĐ-CP") are not
    /// dates: a date's month has one or two digits and its year four.
    ///
    /// Bad: "Trước ngày 31/02/2026", "ngày 29 tháng 02 năm 2027", "Trước 31/4/2026".
    ///
    /// Good: "Trước ngày 28/02/2026", "ngày 29 tháng 02 năm 2028", "Trước 30/4/2026".
    pub struct ImpossibleDate {
        code: "KH105",
        name: "impossible-date",
        severity: Error,
        summary: "A date that is not a day of the calendar (31/02, 31/4, 29/02 outside a leap year)",
    }
}

/// Days in month `m` of year `y` (0 for a month that does not exist): the calendar the
/// deadline grammar uses.
pub use kehoach_parse::plan::deadline::{days_in_month, is_real_date};

/// Full dates written in `text` that are not days of the calendar: (byte start, byte end,
/// day, month, year).
pub fn impossible_dates(text: &str) -> Vec<(usize, usize, u32, u32, i32)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let digits_at = |i: usize| -> (usize, u64) {
        let mut j = i;
        let mut v: u64 = 0;
        while j < b.len() && b[j].is_ascii_digit() && j - i < 6 {
            v = v * 10 + u64::from(b[j] - b'0');
            j += 1;
        }
        (j, v)
    };
    // "dd/mm/yyyy", "dd.mm.yyyy", "dd-mm-yyyy": one separator throughout.
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'/')) {
            i += 1;
            continue;
        }
        let (e1, d) = digits_at(i);
        let ok = (1..=2).contains(&(e1 - i)) && e1 < b.len() && matches!(b[e1], b'/' | b'.' | b'-');
        if ok {
            let sep = b[e1];
            let (e2, m) = digits_at(e1 + 1);
            if (1..=2).contains(&(e2 - e1 - 1)) && e2 < b.len() && b[e2] == sep {
                let (e3, y) = digits_at(e2 + 1);
                let after_ok = e3 >= b.len() || !(b[e3].is_ascii_digit() || b[e3] == b'/');
                if e3 - e2 - 1 == 4 && after_ok {
                    let (d, m, y) = (d as u32, m as u32, y as i32);
                    if (1900..=2200).contains(&y) && !is_real_date(y, m, d) {
                        out.push((i, e3, d, m, y));
                    }
                    i = e3;
                    continue;
                }
            }
        }
        i = e1.max(i + 1);
    }
    // "ngày 31 tháng 4 năm 2026"
    let words: Vec<(usize, usize, String)> = crate::textscan::words(text)
        .into_iter()
        .map(|w| (w.start, w.end, w.ascii))
        .collect();
    for k in 0..words.len().saturating_sub(5) {
        let w = |o: usize| words[k + o].2.as_str();
        if w(0) == "ngay" && w(2) == "thang" && w(4) == "nam" {
            let (Ok(d), Ok(m), Ok(y)) = (
                w(1).parse::<u32>(),
                w(3).parse::<u32>(),
                w(5).parse::<i32>(),
            ) else {
                continue;
            };
            if w(5).len() == 4 && (1900..=2200).contains(&y) && !is_real_date(y, m, d) {
                out.push((words[k].0, words[k + 5].1, d, m, y));
            }
        }
    }
    out
}

impl Rule for ImpossibleDate {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let d = &cx.draft.plan.document;
        let header = d
            .date
            .as_ref()
            .map(|p| (p.text.clone(), Where::field("date")));
        let bases = d
            .legal_bases
            .iter()
            .map(|b| (b.text.clone(), Where::field("legal_bases")));
        let spans = cx
            .facts
            .spans
            .iter()
            .map(|s| (s.text.clone(), s.at.clone()));
        let mut seen = std::collections::HashSet::new();
        for (text, at) in header.into_iter().chain(bases).chain(spans) {
            for (s, e, _day, month, year) in impossible_dates(&text) {
                let written = &text[s..e];
                if !seen.insert((written.to_string(), format!("{at:?}"))) {
                    continue;
                }
                let msg = if month == 0 || month > 12 {
                    crate::msg!("kh105-no-month", date = written, month = month)
                } else {
                    crate::msg!(
                        "kh105-no-day",
                        date = written,
                        month = month,
                        days = days_in_month(year, month)
                    )
                };
                out.push(
                    Finding::new(&Self::INFO, msg, at.clone())
                        .text(written)
                        .suggest(crate::msg!("kh105-help")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests_support::*;

    #[test]
    fn dates_that_are_not_days() {
        let found = |t: &str| -> Vec<(u32, u32, i32)> {
            impossible_dates(t)
                .into_iter()
                .map(|(_, _, d, m, y)| (d, m, y))
                .collect()
        };
        assert_eq!(found("Trước ngày 31/02/2026"), [(31, 2, 2026)]);
        assert_eq!(
            found("Trước 31/4/2026; từ 01.13.2026"),
            [(31, 4, 2026), (1, 13, 2026)]
        );
        assert_eq!(found("ngày 29 tháng 02 năm 2027"), [(29, 2, 2027)]);
        assert_eq!(found("ngày 00 tháng 5 năm 2026"), [(0, 5, 2026)]);
        // Real days, leap years, and document numbers are not reported.
        for ok in [
            "Trước ngày 28/02/2026",
            "ngày 29 tháng 02 năm 2028",
            "29/02/2000",
            "Nghị định số 25/2025/NĐ-CP",
            "Quyết định số 31/02/QĐ-UBND",
            "Thông tư 01/2026/TT-BNV ngày 30/4/2026",
            "Từ 31/3 đến 30/4/2026",
            "số 12/31/2026/ABC",
        ] {
            assert_eq!(found(ok), [], "{ok}");
        }
    }

    #[test]
    fn reported_where_they_are() {
        let mut p = plan_2026();
        p.items[1].deadline = kehoach_parse::plan::deadline::parse("Trước ngày 31/02/2026");
        let f = findings(&p);
        let f: Vec<_> = f.iter().filter(|f| f.code == "KH105").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].location.column.as_deref(), Some("deadline"));
        assert_eq!(f[0].text.as_deref(), Some("31/02/2026"));
        assert_eq!(
            f[0].message,
            "Ngày 31/02/2026 không có thật: tháng 2 chỉ có 28 ngày"
        );
        assert!(codes(&plan_2026()).iter().all(|c| *c != "KH105"));
    }
}
