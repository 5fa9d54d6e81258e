use std::sync::OnceLock;

use regex::Regex;

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Stage, Where};

declare_rule! {
    /// What it does: with `--stage signed`, checks the number and date lines against Decree
    /// 30/2020/NĐ-CP (Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I): the number is
    /// written "Số: 05/KH-UBND" — numbers below 10 with a leading zero; the date is written
    /// "Thái Nguyên, ngày 05 tháng 01 năm 2026" in words "ngày … tháng … năm …", days below
    /// 10 and the months 1 and 2 with a leading zero, the other months without.
    ///
    /// Why: the decree fixes the form so that a date cannot be altered by adding a digit
    /// ("ngày 5" → "ngày 15", "tháng 1" → "tháng 11").
    ///
    /// Bad: "Số: 5/KH-UBND", "ngày 5 tháng 1 năm 2026", "ngày 15 tháng 03 năm 2026",
    /// "ngày 05/01/2026".
    ///
    /// Good: "Số: 05/KH-UBND", "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026".
    pub struct SignedFormat {
        code: "KH702",
        name: "decree-30-format",
        severity: Warning,
        summary: "Number or date not written as Decree 30/2020 requires (signed stage)",
    }
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})").unwrap()
    })
}

/// What is wrong with a date line, if anything.
pub fn date_problem(text: &str) -> Option<crate::Msg> {
    let Some(c) = date_re().captures(text) else {
        return Some(crate::msg!("kh702-date-form"));
    };
    let (day, month) = (&c[1], &c[2]);
    let d: u32 = day.parse().ok()?;
    let m: u32 = month.parse().ok()?;
    let mut p = Vec::new();
    if d < 10 && day.len() == 1 {
        p.push(crate::msg!(
            "kh702-day-zero",
            day = d,
            want = format!("{d:02}")
        ));
    }
    if m <= 2 && month.len() == 1 {
        p.push(crate::msg!(
            "kh702-month-zero",
            month = m,
            want = format!("{m:02}")
        ));
    }
    if m > 2 && month.len() == 2 && month.starts_with('0') {
        p.push(crate::msg!(
            "kh702-month-no-zero",
            month = m,
            want = format!("{m}")
        ));
    }
    (!p.is_empty()).then_some(crate::Msg::Join(p, "; "))
}

impl Rule for SignedFormat {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        if cx.opts.stage != Stage::Signed {
            return;
        }
        let d = &cx.draft.plan.document;
        if let Some(n) = &d.number {
            if let Some(num) = &n.number {
                if num.len() == 1 {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!("kh702-number-zero", number = num.as_str()),
                            Where::field("number"),
                        )
                        .text(&n.text)
                        .suggest(format!(
                            "\"Số: 0{num}/{}\"",
                            n.symbol.clone().unwrap_or_default()
                        )),
                    );
                }
            }
            if !n.text.starts_with("Số: ") {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh702-number-form"),
                        Where::field("number"),
                    )
                    .text(&n.text),
                );
            }
        }
        if let Some(p) = &d.date {
            if p.day.is_some() {
                if let Some(problem) = date_problem(&p.text) {
                    out.push(
                        Finding::new(&Self::INFO, problem, Where::field("date")).text(&p.text),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decree_30_dates() {
        assert!(date_problem("ngày 05 tháng 01 năm 2026").is_none());
        assert!(date_problem("ngày 15 tháng 3 năm 2026").is_none());
        assert!(date_problem("ngày 5 tháng 1 năm 2026").is_some());
        assert!(date_problem("ngày 15 tháng 03 năm 2026").is_some());
        assert!(date_problem("ngày 05/01/2026").is_some());
    }
}
