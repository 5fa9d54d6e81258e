use super::{Ctx, Rule, RuleInfo};
use crate::facts::{prepares_plan, reviews_period};
use crate::textscan::{named_years, periods};
use crate::{Finding, Severity};

declare_rule! {
    /// What it does: reads every year named as "năm YYYY" in the items (and in body
    /// sentences about drawing up a plan), outside dates and document references, and
    /// compares it with the plan year.
    ///
    /// Why: items are copied from last year's plan or from the parent plan; "Xây dựng Kế
    /// hoạch … năm 2025" in a 2026 plan is last year's task. An item that draws up, submits
    /// or issues a plan for another year is an error; another year elsewhere is a warning,
    /// except next year's plan (prepared late in the year: normal) and last year's results
    /// in a report item (normal). A period "giai đoạn 2021 - 2025" that ended before the
    /// plan year is a warning. Years inside citations ("Nghị định số 63/2010/NĐ-CP ngày
    /// 08/6/2010") are not read.
    ///
    /// Bad: in a plan for 2026, item 1.2 "Xây dựng Kế hoạch kiểm soát TTHC … năm 2025".
    ///
    /// Good: "Xây dựng Kế hoạch kiểm soát TTHC … năm 2026"; in a plan for 2024, item 1.9
    /// "Trình Chủ tịch UBND tỉnh ban hành Kế hoạch … năm 2025" due "Tháng 12/2024".
    pub struct ItemYear {
        code: "KH102",
        name: "item-year-mismatch",
        severity: Error,
        summary: "An item names a year other than the plan year",
    }
}

impl Rule for ItemYear {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(py) = cx.facts.plan_year else { return };
        for span in &cx.facts.spans {
            let (is_item, sentences): (bool, Vec<(usize, &str)>) = match span.kind {
                "content" => (true, vec![(0, span.text.as_str())]),
                "paragraph" => {
                    let k = kehoach_text::ascii_key(&span.text);
                    if k.starts_with("can cu") || k.starts_with("thuc hien") {
                        continue;
                    }
                    (false, sentences(&span.text))
                }
                _ => continue,
            };
            for (_, s) in sentences {
                let prep = prepares_plan(s);
                if !is_item && !prep {
                    continue;
                }
                for ny in named_years(s) {
                    let y = ny.year;
                    // This year; next year's plan prepared now; last year's results reported.
                    let fine = y == py
                        || (y == py + 1 && prep)
                        || (y == py - 1 && !prep && reviews_period(s));
                    let sev = if fine {
                        None
                    } else if prep {
                        Some(Severity::Error)
                    } else if !is_item {
                        None
                    } else {
                        Some(Severity::Warning)
                    };
                    let Some(sev) = sev else { continue };
                    let what = if prep {
                        crate::msg!("kh102-plan-for-other-year", year = y, plan_year = py)
                    } else {
                        crate::msg!("kh102-other-year", year = y, plan_year = py)
                    };
                    let named = &s[ny.start..ny.end];
                    let f = Finding::new(&Self::INFO, what, span.at.clone())
                        .severity(sev)
                        .text(s.trim())
                        .suggest(format!("\"{named}\" → \"năm {py}\""));
                    // Certain only for a plan drawn up for another year: the plan of this
                    // year is meant. Another year named elsewhere may be intended.
                    out.push(if prep {
                        f.fix(named, format!("năm {py}"))
                    } else {
                        f
                    });
                }
                if is_item {
                    for (a, b, st, en) in periods(s) {
                        if b < py || a > py + 1 {
                            out.push(
                                Finding::new(
                                    &Self::INFO,
                                    crate::msg!("kh102-period", from = a, to = b, plan_year = py),
                                    span.at.clone(),
                                )
                                .severity(Severity::Warning)
                                .text(&s[st..en]),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Splits a paragraph into sentences (on ". " and ";"), with their byte offsets.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        let end = (b[i] == b'.' && (i + 1 == b.len() || b[i + 1] == b' ')) || b[i] == b';';
        if end {
            out.push((start, &text[start..=i]));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn last_years_plan_in_an_item() {
        let mut p = plan_2026();
        p.items[1].content = "Xây dựng Kế hoạch kiểm soát TTHC năm 2025".into();
        let f = findings(&p);
        let f: Vec<_> = f.iter().filter(|f| f.code == "KH102").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::Severity::Error);
        assert_eq!(f[0].location.stt.as_deref(), Some("1.1"));
    }

    #[test]
    fn next_years_plan_and_citations_are_fine() {
        let mut p = plan_2026();
        p.items[1].content =
            "Trình Chủ tịch UBND tỉnh ban hành Kế hoạch kiểm soát TTHC năm 2027".into();
        p.items[2].content =
            "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025; Nghị định số 63/2010/NĐ-CP".into();
        p.items[5].content = "Báo cáo kết quả thực hiện năm 2025".into();
        assert!(!codes(&p).contains(&"KH102"));
    }
}
