use kehoach_parse::plan::{DeadlineKind, ItemKind};

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: reports a task with an empty deadline cell.
    ///
    /// Why: a task without a time ("Thường xuyên", "Trước ngày …", "Quý II") cannot be
    /// followed up or reported on.
    ///
    /// Bad: "3.4 Triển khai thực hiện … | Văn phòng | Các phòng thuộc Sở | (empty)".
    ///
    /// Good: "3.4 Triển khai thực hiện … | Văn phòng | Các phòng thuộc Sở | Thường xuyên".
    pub struct EmptyDeadline {
        code: "KH407",
        name: "empty-deadline",
        severity: Warning,
        summary: "A task has no deadline",
    }
}

impl Rule for EmptyDeadline {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        for (i, it) in plan.items.iter().enumerate() {
            if it.kind == ItemKind::Task
                && matches!(it.deadline.kind, DeadlineKind::Empty)
                && !it.content.trim().is_empty()
            {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh407-no-deadline"),
                        Where::item(plan, i, "deadline"),
                    )
                    .text(crate::textscan::excerpt(&it.content, 80))
                    .suggest(crate::msg!("kh407-no-deadline-help")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn no_deadline() {
        let mut p = plan_2026();
        p.items[2].deadline = Default::default();
        assert!(codes(&p).contains(&"KH407"));
    }
}
