use kehoach_parse::plan::{DeadlineKind, ItemKind};

use super::{Ctx, Rule, RuleInfo};
use crate::facts::{prepares_plan, show_date};
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: reads the dates and years in every task's deadline ("Trước ngày
    /// 25/01/2026", "Tháng 3, tháng 4 năm 2026", "Năm 2026") and compares them with the
    /// document date and the plan year.
    ///
    /// Why: a deadline copied from last year's plan lies in the past. A deadline before the
    /// document date (a draft's blank day counts as the first of its month) or in a year
    /// before the plan year is an error. A deadline after the plan year is a warning, except
    /// the first quarter of the next year (the annual report is due in January) and next
    /// year's plan prepared at the end of this one.
    ///
    /// Bad: in a plan dated "ngày … tháng 01 năm 2026", "Trước ngày 15/01/2025"; in a plan for
    /// 2026, "Năm 2024".
    ///
    /// Good: "Trước ngày 31/01/2026", "Tháng 3, tháng 4 năm 2026", "Thường xuyên".
    pub struct DeadlineRange {
        code: "KH103",
        name: "deadline-out-of-range",
        severity: Error,
        summary: "A deadline falls before the document date or outside the plan year",
    }
}

impl Rule for DeadlineRange {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        let py = cx.facts.plan_year;
        let doc_first = cx
            .facts
            .date
            .filter(|d| d.month.is_some())
            .map(|d| d.earliest());
        for (i, it) in plan.items.iter().enumerate() {
            if it.kind != ItemKind::Task {
                continue;
            }
            // (year, month, day) granularity: day/month may be unknown.
            let (y, m, d): (i32, Option<u32>, Option<u32>) = match &it.deadline.kind {
                DeadlineKind::Before { date } | DeadlineKind::OnDate { date } => {
                    match crate::data::parse_iso(date) {
                        Some((y, m, d)) => (y, Some(m), Some(d)),
                        None => continue,
                    }
                }
                DeadlineKind::Months {
                    months,
                    year: Some(y),
                } => (*y, months.iter().max().copied(), None),
                DeadlineKind::Year { year } => (*year, None, None),
                // "Quý II/2026", "6 tháng đầu năm 2026", "Từ … đến …", "Đến hết …", a
                // compound: its last day.
                k @ (DeadlineKind::Quarters { .. }
                | DeadlineKind::HalfYear { .. }
                | DeadlineKind::Range { .. }
                | DeadlineKind::Until { .. }
                | DeadlineKind::Compound { .. }) => match k.last_day() {
                    Some((y, m, d)) => (y, Some(m), Some(d)),
                    None => continue,
                },
                DeadlineKind::Unparsed => {
                    match kehoach_parse::plan::deadline::find_date(&it.deadline.text) {
                        Some((y, m, d)) => (y, Some(m), Some(d)),
                        // "Quý II/2024", "6 tháng đầu năm 2024": the year alone.
                        None => match bare_year(&it.deadline.text) {
                            Some(y) => (y, None, None),
                            None => continue,
                        },
                    }
                }
                _ => continue,
            };
            let at = Where::item(plan, i, "deadline");
            let latest = (y, m.unwrap_or(12), d.unwrap_or(31));
            if let Some(first) = doc_first {
                if latest < first {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh103-before-date",
                                date = cx
                                    .draft
                                    .plan
                                    .document
                                    .date
                                    .as_ref()
                                    .map(|p| p.text.clone())
                                    .unwrap_or_else(|| show_date(first))
                            ),
                            at,
                        )
                        .text(&it.deadline.text),
                    );
                    continue;
                }
            }
            let Some(py) = py else { continue };
            if y < py {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh103-before-year", year = y, plan_year = py),
                        at,
                    )
                    .text(&it.deadline.text)
                    .suggest(crate::msg!("kh103-before-year-help", plan_year = py)),
                );
            } else if y > py {
                let early_next = y == py + 1 && m.is_some_and(|m| m <= 3);
                if early_next || (y == py + 1 && prepares_plan(&it.content)) {
                    continue;
                }
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh103-after-year", year = y, plan_year = py),
                        at,
                    )
                    .severity(Severity::Warning)
                    .text(&it.deadline.text),
                );
            }
        }
    }
}

/// The last year (19xx, 20xx) written in a text, outside references.
fn bare_year(text: &str) -> Option<i32> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"\b((?:19|20)\d{2})\b").expect("static regex"));
    let blank = crate::textscan::blank_refs(text);
    re.captures_iter(&blank)
        .last()
        .and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;
    use kehoach_parse::plan::deadline;

    #[test]
    fn past_and_far_deadlines() {
        let mut p = plan_2026();
        p.items[1].deadline = deadline::parse("Trước ngày 15/12/2025");
        assert!(codes(&p).contains(&"KH103"));
        let mut p = plan_2026();
        p.items[2].deadline = deadline::parse("Năm 2027");
        let f = findings(&p);
        assert!(f
            .iter()
            .any(|f| f.code == "KH103" && f.severity == crate::Severity::Warning));
        let mut p = plan_2026();
        p.items[5].deadline = deadline::parse("Trước ngày 15/01/2027");
        assert!(!codes(&p).contains(&"KH103"));
        let mut p = plan_2026();
        p.items[2].deadline = deadline::parse("Quý II/2024");
        assert!(codes(&p).contains(&"KH103"));
        p.items[2].deadline = deadline::parse("Quý II/2026");
        assert!(!codes(&p).contains(&"KH103"));
        // Same month as a draft's blank day: not before.
        let mut p = plan_2026();
        p.items[1].deadline = deadline::parse("Trước ngày 05/01/2026");
        assert!(!codes(&p).contains(&"KH103"));
    }
}
