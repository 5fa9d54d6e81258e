use super::{Ctx, Rule, RuleInfo};
use crate::facts::body_key;
use crate::{Finding, Where};

declare_rule! {
    /// What it does: reports an agency named both as lead (chủ trì) and as support (phối
    /// hợp) of the same item, compared on normalised names ("UBND" = "Ủy ban nhân dân").
    ///
    /// Why: an agency does not support itself; the second name is a copy error, and the
    /// agency that should have been named is missing.
    ///
    /// Bad: lead "Văn phòng UBND tỉnh; UBND cấp xã", support "Văn phòng UBND tỉnh".
    ///
    /// Good: lead "UBND cấp xã", support "Văn phòng UBND tỉnh".
    pub struct LeadIsSupport {
        code: "KH405",
        name: "lead-is-support",
        severity: Warning,
        summary: "An agency is both lead and support of one item",
    }
}

impl Rule for LeadIsSupport {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        for (i, it) in plan.items.iter().enumerate() {
            for s in &it.support {
                let k = body_key(s);
                if k.is_empty() {
                    continue;
                }
                if it.lead.iter().any(|l| body_key(l) == k) {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            format!("\"{s}\" is both lead and support"),
                            Where::item(plan, i, "support"),
                        )
                        .text(s)
                        .suggest("name it once, in the column it belongs to"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn same_agency_twice() {
        let mut p = plan_2026();
        p.items[2].support = vec!["Văn phòng sở".into()];
        assert!(codes(&p).contains(&"KH405"));
    }
}
