use kehoach_parse::model::Block;
use kehoach_parse::plan::{meta, LegalRef};

use super::{Ctx, Rule, RuleInfo};
use crate::facts::show_date;
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: looks at the plans (and decisions issuing a plan) cited in the legal
    /// bases, "Căn cứ …" / "Thực hiện …", and checks that their year fits the draft: the
    /// year the cited plan is for (its "… năm 2026") should be the plan year, a plan for year
    /// Y is dated in year Y or late in year Y−1, and nothing cited can be dated after the
    /// draft.
    ///
    /// Why: the parent's number and date are copied from last year's draft while the title
    /// is updated; the citation then points at last year's plan. Citing an old decree or law
    /// is normal and not looked at.
    ///
    /// Bad: a plan for 2026 that says "Thực hiện Kế hoạch số 38/KH-UBND ngày 05/02/2025 …
    /// năm 2026" (a plan for 2026 dated February 2025: last year's number?), or "Căn cứ Kế
    /// hoạch số 12/KH-UBND ngày 20/01/2025 … năm 2025".
    ///
    /// Good: "Thực hiện Kế hoạch số 182/KH-UBND ngày 25/12/2025 … năm 2026".
    pub struct CitedPlanYear {
        code: "KH104",
        name: "cited-plan-year",
        severity: Error,
        summary: "A cited parent plan's date or year does not fit the plan year",
    }
}

/// A cited plan and the text that follows it (its subject, "về … năm 2026").
struct Cited {
    r: LegalRef,
    subject: String,
    at: Where,
}

fn cited(cx: &Ctx) -> Vec<Cited> {
    let mut out = Vec::new();
    let plan = &cx.draft.plan;
    if let Some(doc) = &cx.draft.document {
        let mut started = false;
        for (bi, b) in doc.blocks.iter().enumerate() {
            let Block::Paragraph(p) = b else { continue };
            let t = p.display_text();
            let k = kehoach_text::ascii_key(&t);
            if !(k.starts_with("can cu ") || k.starts_with("thuc hien ")) {
                if started && (k.starts_with("i ") || k == "quyet dinh") {
                    break;
                }
                continue;
            }
            started = true;
            for r in meta::find_citations(&t) {
                let subject = t
                    .find(&r.text)
                    .map(|i| {
                        let rest = &t[i + r.text.len()..];
                        let end = rest.find([';']).unwrap_or(rest.len());
                        let rest = &rest[..end];
                        // Up to the end of the sentence.
                        let end = rest.find(". ").unwrap_or(rest.len());
                        rest[..end].to_string()
                    })
                    .unwrap_or_default();
                out.push(Cited {
                    r,
                    subject,
                    at: Where::paragraph(bi, &t),
                });
            }
        }
    } else {
        for r in &plan.document.legal_bases {
            out.push(Cited {
                r: r.clone(),
                subject: String::new(),
                at: Where::field("legal_bases"),
            });
        }
    }
    out
}

impl Rule for CitedPlanYear {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(py) = cx.facts.plan_year else { return };
        let draft_date = cx.facts.date;
        for c in cited(cx) {
            let ty = kehoach_text::ascii_key(&c.r.doc_type);
            let subj = kehoach_text::ascii_key(&c.subject);
            let is_plan = ty == "ke hoach"
                || ty == "chuong trinh"
                || (ty == "quyet dinh"
                    && (subj.contains("ke hoach") || subj.contains("chuong trinh")));
            let date = c.r.date.as_deref().and_then(crate::data::parse_iso);
            // Nothing cited can be dated after the draft.
            if let (Some(d), Some(dd)) = (date, draft_date) {
                if d > dd.latest() {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!("kh104-cited-after", date = show_date(d)),
                            c.at.clone(),
                        )
                        .text(&c.r.text),
                    );
                    continue;
                }
            }
            if !is_plan {
                continue;
            }
            // A programme or plan over several years ("giai đoạn 2026 - 2030", "đến năm 2025,
            // định hướng đến năm 2030", "tầm nhìn đến năm 2045") is not a yearly plan: the
            // years it names are its horizon, not the year it is for.
            let sk = kehoach_text::ascii_key(&c.subject);
            if ["giai doan", "den nam", "tam nhin", "dinh huong"]
                .iter()
                .any(|w| sk.contains(w))
            {
                continue;
            }
            let named = meta::last_year(&c.subject);
            if let Some(ny) = named {
                if ny != py {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!("kh104-cited-other-year", year = ny, plan_year = py),
                            c.at.clone(),
                        )
                        .text(&c.r.text)
                        .suggest(crate::msg!("kh104-cited-other-year-help", plan_year = py)),
                    );
                    continue;
                }
            }
            // The cited plan's date against the year it is for.
            let for_year = named.unwrap_or(py);
            if let Some(d) = date {
                let fits = d.0 == for_year || (d.0 == for_year - 1 && d.1 >= 9);
                if !fits {
                    let sev = if named.is_some() {
                        Severity::Warning
                    } else {
                        Severity::Info
                    };
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            if named.is_some() {
                                crate::msg!(
                                    "kh104-cited-early",
                                    date = show_date(d),
                                    year = for_year
                                )
                            } else {
                                crate::msg!(
                                    "kh104-cited-unfit",
                                    date = show_date(d),
                                    year = for_year
                                )
                            },
                            c.at.clone(),
                        )
                        .severity(sev)
                        .text(&c.r.text)
                        .suggest(crate::msg!("kh104-cited-date-help", year = for_year)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;
    use kehoach_parse::plan::meta::find_citations;

    fn with_basis(text: &str) -> Vec<crate::Finding> {
        let mut p = plan_2026();
        p.document.legal_bases = find_citations(text);
        findings(&p)
            .into_iter()
            .filter(|f| f.code == "KH104")
            .collect()
    }

    #[test]
    fn cited_plans() {
        // The parent for 2026 issued in late 2025: right.
        assert!(
            with_basis("Thực hiện Kế hoạch số 182/KH-UBND ngày 25/12/2025 của UBND tỉnh")
                .is_empty()
        );
        // An old decree is normal.
        assert!(
            with_basis("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ").is_empty()
        );
        // A plan from early last year: last year's plan?
        assert_eq!(
            with_basis("Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2025 của UBND tỉnh").len(),
            1
        );
        // Cited after the draft's own date.
        let f = with_basis("Thực hiện Kế hoạch số 12/KH-UBND ngày 20/03/2026 của UBND tỉnh");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::Severity::Error);
    }
}

#[cfg(test)]
mod horizon_tests {
    use crate::rules::tests_support::*;

    #[test]
    fn multi_year_programmes_are_not_yearly_plans() {
        for basis in [
            "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
            "Thực hiện Kế hoạch số 20/KH-UBND ngày 15/01/2026 của UBND tỉnh về cải cách hành chính giai đoạn 2026 - 2030;",
        ] {
            let mut p = plan_2026();
            p.document.legal_bases = kehoach_parse::plan::citation::legal_bases([basis]).refs;
            assert!(!codes(&p).contains(&"KH104"), "{basis}: {:?}", codes(&p));
        }
        // A yearly plan of another year still is one.
        let mut p = plan_2026();
        p.document.legal_bases = kehoach_parse::plan::citation::legal_bases([
            "Căn cứ Kế hoạch số 12/KH-UBND ngày 20/01/2025 của UBND tỉnh về kiểm soát thủ tục hành chính năm 2025;",
        ])
        .refs;
        assert!(codes(&p).contains(&"KH104"), "{:?}", codes(&p));
    }
}
