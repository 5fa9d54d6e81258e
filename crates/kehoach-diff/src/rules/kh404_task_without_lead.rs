use kehoach_parse::plan::{DeadlineKind, ItemKind};

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: reports a task (an item with no sub-items) whose lead-agency cell is
    /// empty. When the deadline says the task follows a separate plan ("Theo Kế hoạch
    /// riêng"), which will name who leads, the finding is info.
    ///
    /// Why: a task nobody leads is not done; assigning it is the point of the table.
    ///
    /// Bad: "3.4 Triển khai thực hiện hiệu quả Bộ Chỉ số … | (empty) | (empty) | (empty)".
    ///
    /// Good: "3.4 Triển khai thực hiện hiệu quả Bộ Chỉ số … | Văn phòng | Các phòng thuộc Sở |
    /// Thường xuyên".
    pub struct TaskWithoutLead {
        code: "KH404",
        name: "task-without-lead",
        severity: Warning,
        summary: "A task has no lead agency",
    }
}

impl Rule for TaskWithoutLead {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        for (i, it) in plan.items.iter().enumerate() {
            if it.kind != ItemKind::Task || !it.lead.is_empty() || it.content.trim().is_empty() {
                continue;
            }
            if super::kh406_misplaced_cell::merged_lead_deadline(cx, i).is_some() {
                continue; // KH406 reports the merged cell.
            }
            let separate = matches!(it.deadline.kind, DeadlineKind::SeparatePlan);
            let mut f = Finding::new(
                &Self::INFO,
                crate::msg!("kh404-no-lead"),
                Where::item(plan, i, "lead"),
            )
            .text(crate::textscan::excerpt(&it.content, 80))
            .suggest(crate::msg!("kh404-no-lead-help"));
            if separate {
                f = f
                    .severity(Severity::Info)
                    .note(crate::msg!("kh404-separate-plan"));
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn empty_lead() {
        let mut p = plan_2026();
        p.items[2].lead.clear();
        assert!(codes(&p).contains(&"KH404"));
    }
}
