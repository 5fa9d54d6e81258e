use super::kh401_stt_duplicate::parts;
use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: at each depth, finds how most numbers are written — with a trailing dot
    /// ("1.") or without ("1") — and reports the ones written the other way.
    ///
    /// Why: a mixed style ("1.", "2.", then "3") shows a row retyped or pasted from another
    /// document, and numbering that drifts in style is often also wrong in value.
    ///
    /// Bad: "1.", "2.", "3".
    ///
    /// Good: "1.", "2.", "3." (or "1", "2", "3").
    pub struct SttStyle {
        code: "KH403",
        name: "stt-style-mix",
        severity: Warning,
        summary: "Item numbers at one depth are written in two styles (\"1.\" beside \"3\")",
    }
}

impl Rule for SttStyle {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        // depth → (dotted, plain) item indices
        let mut by_depth: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> =
            Default::default();
        for (i, it) in plan.items.iter().enumerate() {
            let Some(p) = parts(&it.stt) else { continue };
            let e = by_depth.entry(p.len()).or_default();
            if it.stt.trim().ends_with('.') {
                e.0.push(i);
            } else {
                e.1.push(i);
            }
        }
        for (depth, (dotted, plain)) in by_depth {
            if dotted.is_empty() || plain.is_empty() {
                continue;
            }
            let (odd, style) = if dotted.len() >= plain.len() {
                (plain, "dot")
            } else {
                (dotted, "no-dot")
            };
            for i in odd {
                let s = plan.items[i].stt.trim();
                let want = if style == "dot" {
                    format!("{s}.")
                } else {
                    s.trim_end_matches('.').to_string()
                };
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh403-style", depth = depth, style = style),
                        Where::item(plan, i, "stt"),
                    )
                    .text(s)
                    .suggest(format!("\"{want}\"")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn mixed_styles() {
        let mut p = plan_2026();
        p.items[3].stt = "2".into();
        let f = findings(&p);
        let s: Vec<_> = f.iter().filter(|f| f.code == "KH403").collect();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].location.stt.as_deref(), Some("2"));
    }
}
