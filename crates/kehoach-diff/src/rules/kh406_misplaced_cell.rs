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
    /// Bad: lead "Thường xuyên", deadline "Văn phòng Sở".
    ///
    /// Good: lead "Văn phòng Sở", deadline "Thường xuyên".
    pub struct MisplacedCell {
        code: "KH406",
        name: "misplaced-cell",
        severity: Warning,
        summary: "A cell's text belongs to another column",
    }
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
                    if deadline::looks_like_deadline(e) {
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
