use super::{Ctx, Rule, RuleInfo};
use crate::facts::show_date;
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: compares the plan year named in the title with the year of the
    /// document date, the year in the appendix title, and the date in the appendix line
    /// "(Kèm theo Kế hoạch số … ngày …)".
    ///
    /// Why: a plan copied from last year's keeps last year's number somewhere. A plan for
    /// year Y is issued in year Y, or late in year Y−1 (from October: preparing next year's
    /// plan in December is normal); an earlier date is a warning, any other year an error.
    ///
    /// Bad: title "… năm 2026", appendix title "… NĂM 2025"; or date "ngày … tháng 01 năm
    /// 2026" with the appendix line "(Kèm theo Kế hoạch số …/KH-STP ngày …/01/2025 …)".
    ///
    /// Good: title "… năm 2024", dated "ngày 13 tháng 12 năm 2023", appendix title
    /// "… NĂM 2024", appendix line "(Kèm theo Quyết định số 3161/QĐ-UBND ngày 13/12/2023 …)".
    pub struct DateYear {
        code: "KH101",
        name: "date-year-mismatch",
        severity: Error,
        summary: "Plan year (title) disagrees with the document date, the appendix title or the appendix reference",
    }
}

impl Rule for DateYear {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let d = &cx.draft.plan.document;
        let Some(ty) = cx.facts.title_year else {
            return;
        };
        if let Some(date) = cx.facts.date {
            let text = d.date.as_ref().map(|p| p.text.clone()).unwrap_or_default();
            let late_prev = date.year == ty - 1 && date.month.is_some_and(|m| m >= 10);
            if date.year != ty && !late_prev {
                let sev = if date.year == ty - 1 {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh101-title-date", title_year = ty, date_year = date.year),
                        Where::field("date"),
                    )
                    .severity(sev)
                    .text(text)
                    .suggest(crate::msg!(
                        "kh101-title-date-help",
                        title_year = ty,
                        prev_year = ty - 1
                    )),
                );
            }
        }
        if let Some(a) = &d.appendix {
            if let Some(at) = a.title.as_deref() {
                if let Some(ay) = kehoach_parse::plan::meta::last_year(at) {
                    if ay != ty {
                        let f = Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh101-appendix-title-year",
                                appendix_year = ay,
                                title_year = ty
                            ),
                            Where::field("appendix.title"),
                        )
                        .text(at)
                        .suggest(format!("năm {ty}"));
                        // Certain when the title says "năm <year>" once.
                        let wrong = format!("năm {ay}");
                        let f = if at.matches(&wrong).count() == 1 {
                            f.fix(wrong, format!("năm {ty}"))
                        } else {
                            f
                        };
                        out.push(f);
                    }
                }
            }
            // The appendix line's date is the document's own date.
            if let (Some(ry), Some(date)) = (a.year, cx.facts.date) {
                let rdate = a
                    .reference
                    .as_ref()
                    .and_then(|r| r.date.as_deref())
                    .and_then(crate::data::parse_iso);
                if ry != date.year {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh101-appendix-year",
                                ref_year = ry,
                                date_year = date.year
                            ),
                            Where::field("appendix.reference"),
                        )
                        .text(&a.text),
                    );
                } else if let (Some(rd), Some(m), Some(dd)) = (rdate, date.month, date.day) {
                    if (rd.1, rd.2) != (m, dd) {
                        out.push(
                            Finding::new(
                                &Self::INFO,
                                crate::msg!(
                                    "kh101-appendix-date",
                                    ref_date = show_date(rd),
                                    date = show_date((date.year, m, dd))
                                ),
                                Where::field("appendix.reference"),
                            )
                            .text(&a.text),
                        );
                    }
                } else if let Some(m) = date.month {
                    if let Some(rm) = appendix_month(&a.text) {
                        if rm != m {
                            out.push(
                                Finding::new(
                                    &Self::INFO,
                                    crate::msg!("kh101-appendix-month", ref_month = rm, month = m),
                                    Where::field("appendix.reference"),
                                )
                                .text(&a.text),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The month in "ngày tháng 01 năm 2026" or "ngày /01/2026".
fn appendix_month(text: &str) -> Option<u32> {
    let re = regex::Regex::new(
        r"(?i)ngày\s*\d{0,2}\s*(?:tháng\s*(\d{1,2})\s*năm|/\s*(\d{1,2})\s*/)\s*\d{4}",
    )
    .ok()?;
    let c = re.captures(text)?;
    c.get(1).or(c.get(2))?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn year_mismatches() {
        let mut p = plan_2026();
        assert!(codes(&p).is_empty() || !codes(&p).contains(&"KH101"));
        p.document.appendix.as_mut().unwrap().title = Some("PHỤ LỤC NĂM 2025".into());
        assert!(codes(&p).contains(&"KH101"));
        let mut p = plan_2026();
        p.document.date.as_mut().unwrap().year = Some(2024);
        assert!(codes(&p).contains(&"KH101"));
        // December of the year before: normal.
        let mut p = plan_2026();
        let d = p.document.date.as_mut().unwrap();
        d.year = Some(2025);
        d.month = Some(12);
        let a = p.document.appendix.as_mut().unwrap();
        a.year = Some(2025);
        a.text = "(Kèm theo Kế hoạch số /KH-STP ngày tháng 12 năm 2025 của Sở Tư pháp)".into();
        assert!(!codes(&p).contains(&"KH101"));
    }
}
