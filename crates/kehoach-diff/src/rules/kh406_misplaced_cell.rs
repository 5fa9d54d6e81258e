use kehoach_parse::model::Block;
use kehoach_parse::plan::{deadline, Item, Role};

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: reports a cell whose text belongs to another column: a deadline phrase
    /// ("Thường xuyên", "Trước ngày 31/01/2026", "Theo Kế hoạch riêng …") in the lead or
    /// support column, an agency in the deadline column, or one cell merged across the lead,
    /// support and deadline columns that holds a deadline phrase (the task then has no lead
    /// of its own).
    ///
    /// Why: a phrase in the wrong column is read wrongly by people and programs alike: the
    /// task seems to have no deadline, or a deadline as its lead.
    ///
    /// A lead given by reference ("Theo phân công tại Quyết định số 1441/QĐ-UBND", "Theo
    /// chức năng, nhiệm vụ được giao") names who leads through another document: it is in
    /// its place.
    ///
    /// Bad: lead "Thường xuyên", deadline "Văn phòng Sở".
    ///
    /// Good: lead "Văn phòng Sở", deadline "Thường xuyên"; lead "Theo phân công tại Quyết
    /// định số 1441/QĐ-UBND".
    pub struct MisplacedCell {
        code: "KH406",
        name: "misplaced-cell",
        severity: Warning,
        summary: "A cell's text belongs to another column",
    }
}

/// A lead or support given by reference to where the assignment is made: "Theo phân công
/// tại Quyết định số 1441/QĐ-UBND", "Theo chức năng, nhiệm vụ được giao", "Các cơ quan
/// được giao tại Kế hoạch số 12/KH-UBND", "Theo thẩm quyền". Such a cell names who leads,
/// through another document; it is not a deadline, even though it starts with "Theo".
pub fn lead_by_reference(s: &str) -> bool {
    let k = kehoach_text::ascii_key(s);
    let names_assignment = [
        "phan cong",
        "chuc nang",
        "tham quyen",
        "duoc giao",
        "giao tai",
    ]
    .iter()
    .any(|p| k.contains(p));
    // "Theo Quyết định số 1441/QĐ-UBND", "Theo Kế hoạch số 38/KH-UBND": a numbered document.
    let raw: Vec<&str> = s.split_whitespace().collect();
    let cites_numbered = k.starts_with("theo ")
        && raw.windows(2).any(|p| {
            kehoach_text::ascii_key(p[0]) == "so"
                && p[1].chars().next().is_some_and(|c| c.is_ascii_digit())
                && p[1].contains('/')
        });
    names_assignment || cites_numbered
}

fn looks_like_agency(s: &str) -> bool {
    let k = kehoach_text::ascii_key(s);
    [
        "so ",
        "van phong",
        "phong ",
        "ubnd",
        "uy ban",
        "cac phong",
        "cac so",
        "trung tam",
        "cong an",
        "bo phan",
    ]
    .iter()
    .any(|p| k.starts_with(p))
}

/// When the source row of item `i` has one cell spanning the lead column and the deadline
/// column: that cell's text.
pub fn merged_lead_deadline(cx: &Ctx, i: usize) -> Option<String> {
    let doc = cx.draft.document.as_ref()?;
    let plan = &cx.draft.plan;
    let it: &Item = plan.items.get(i)?;
    let lead_col = Item::column_of(plan, Role::Lead)?;
    let dl_col = Item::column_of(plan, Role::Deadline)?;
    let table = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .nth(it.location.table)?;
    let row = table.rows.get(it.location.row)?;
    let cell = row
        .cells
        .iter()
        .find(|c| !c.covered && c.col <= lead_col && lead_col < c.col + c.col_span)?;
    (cell.col + cell.col_span > dl_col).then(|| cell.text())
}

impl Rule for MisplacedCell {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        for (i, it) in plan.items.iter().enumerate() {
            for (col, list) in [("lead", &it.lead), ("support", &it.support)] {
                for e in list.iter() {
                    if deadline::looks_like_deadline(e) && !lead_by_reference(e) {
                        out.push(
                            Finding::new(
                                &Self::INFO,
                                crate::msg!("kh406-deadline-in-column", column = col),
                                Where::item(plan, i, col),
                            )
                            .text(e)
                            .suggest(crate::msg!("kh406-deadline-in-column-help")),
                        );
                    }
                }
            }
            if !it.deadline.text.is_empty() && looks_like_agency(&it.deadline.text) {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh406-agency-in-deadline"),
                        Where::item(plan, i, "deadline"),
                    )
                    .text(&it.deadline.text)
                    .suggest(crate::msg!("kh406-agency-in-deadline-help")),
                );
            }
            if it.lead.is_empty() {
                if let Some(t) = merged_lead_deadline(cx, i) {
                    if deadline::looks_like_deadline(&t) {
                        out.push(
                            Finding::new(
                                &Self::INFO,
                                crate::msg!("kh406-merged-lead-deadline"),
                                Where::item(plan, i, "lead"),
                            )
                            .text(t)
                            .suggest(crate::msg!("kh406-merged-lead-deadline-help")),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn swapped_cells() {
        let mut p = plan_2026();
        p.items[2].lead = vec!["Thường xuyên".into()];
        p.items[2].deadline = kehoach_parse::plan::deadline::parse("Văn phòng Sở");
        let f = findings(&p);
        assert_eq!(f.iter().filter(|f| f.code == "KH406").count(), 2, "{f:#?}");
    }
}

#[cfg(test)]
mod reference_tests {
    use super::lead_by_reference;
    use crate::rules::tests_support::*;

    #[test]
    fn leads_by_reference_are_not_deadlines() {
        for lead in [
            "Theo phân công tại Quyết định số 1441/QĐ-UBND",
            "Theo chức năng, nhiệm vụ được giao",
            "Các cơ quan được giao tại Kế hoạch số 12/KH-UBND",
            "Theo thẩm quyền",
            "Theo Quyết định số 25/2025/QĐ-UBND ngày 10/3/2025",
        ] {
            assert!(lead_by_reference(lead), "{lead}");
            let mut p = plan_2026();
            p.items[1].lead = vec![lead.to_string()];
            let c = codes(&p);
            assert!(!c.contains(&"KH406"), "{lead}: {c:?}");
            assert!(!c.contains(&"KH404"), "{lead}: {c:?}");
        }
        // A deadline in the lead column is still one.
        for lead in [
            "Thường xuyên",
            "Trước ngày 31/3/2026",
            "Theo Kế hoạch riêng",
        ] {
            assert!(!lead_by_reference(lead), "{lead}");
            let mut p = plan_2026();
            p.items[1].lead = vec![lead.to_string()];
            assert!(codes(&p).contains(&"KH406"), "{lead}");
        }
    }
}
