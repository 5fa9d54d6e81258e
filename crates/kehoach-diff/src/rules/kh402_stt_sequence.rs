use super::kh401_stt_duplicate::{fitting, parts, show, successors};
use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: walks the item numbers in order and reports a number that cannot follow
    /// the one before: a gap ("1.3" after "1.1"), a level that skips ("2.1.1" right after
    /// "1.", with no "2." or "2.1"), or a number going backwards. Duplicates are KH401's.
    /// Roman section numbers restart the Arabic count.
    ///
    /// Why: a gap or skip usually means a row was deleted or pasted without renumbering;
    /// reports cite items by number.
    ///
    /// Bad: "1.1", "1.3"; "1.", "1.1.1".
    ///
    /// Good: "1.", "1.1", "1.2", "2.", "2.1", "2.1.1".
    pub struct SttSequence {
        code: "KH402",
        name: "stt-sequence",
        severity: Warning,
        summary: "An item number does not follow the one before (gap, skipped level, backwards)",
    }
}

impl Rule for SttSequence {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        let ps: Vec<Option<Vec<u32>>> = plan.items.iter().map(|it| parts(&it.stt)).collect();
        let mut prev: Option<Vec<u32>> = None;
        // A set, not a list: a table of 100,000 numbered rows must not take n² comparisons.
        let mut seen: std::collections::HashSet<Vec<u32>> = std::collections::HashSet::new();
        let mut section = 0;
        for (i, it) in plan.items.iter().enumerate() {
            if it.location.shares_task {
                // One more row of the task above (its number merged down): not a new number.
                continue;
            }
            if it.location.section != section {
                // A table numbered from 1 again (one per part or appendix).
                section = it.location.section;
                prev = None;
                seen.clear();
            }
            let Some(p) = ps[i].clone() else {
                // A Roman or lettered number: the Arabic count restarts.
                if kehoach_parse::plan::stt::parse(&it.stt).is_some_and(|s| s.roman) {
                    prev = None;
                    seen.clear();
                }
                continue;
            };
            if seen.contains(p.as_slice()) {
                // KH401 reports it; carry on from the number it should have had.
                let next = ps.get(i + 1).and_then(|n| n.as_deref());
                prev = fitting(prev.as_deref(), next).or(Some(p));
                continue;
            }
            seen.insert(p.clone());
            let ok = match &prev {
                None => p == [1],
                Some(q) => successors(q).contains(&p),
            };
            if !ok {
                let what = match &prev {
                    None => crate::msg!("kh402-starts-at", stt = show(&p)),
                    Some(q) if p.len() > q.len() + 1 => {
                        crate::msg!("kh402-skips-level", stt = show(&p), prev = show(q))
                    }
                    Some(q) if p.len() <= q.len() && p < q[..p.len()].to_vec() => {
                        crate::msg!("kh402-backwards", stt = show(&p), prev = show(q))
                    }
                    Some(q) => crate::msg!("kh402-gap", stt = show(&p), prev = show(q)),
                };
                let mut f = Finding::new(&Self::INFO, what, Where::item(plan, i, "stt"))
                    .text(it.stt.trim());
                let next = ps.get(i + 1).and_then(|n| n.as_deref());
                if let Some(fit) = fitting(prev.as_deref(), next) {
                    f = f.suggest(format!("\"{}\"", show(&fit)));
                }
                out.push(f);
            }
            prev = Some(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn gaps_and_skips() {
        let mut p = plan_2026();
        p.items[2].stt = "1.3".into();
        assert!(codes(&p).contains(&"KH402"));
        let mut p = plan_2026();
        p.items[1].stt = "1.1.1".into();
        assert!(codes(&p).contains(&"KH402"));
        assert!(!codes(&plan_2026()).contains(&"KH402"));
    }

    /// Two tables each numbered from 1 (a plan with one table per appendix) and a task
    /// whose number is merged down over two rows raise nothing; the same numbers in one
    /// section do.
    #[test]
    fn sections_and_shared_rows() {
        let mut p = plan_2026();
        let n = p.items.len();
        let mut second = p.items.clone();
        for it in &mut second {
            it.location.section = 1;
            it.location.table = 2;
        }
        let mut shared = p.items[1].clone();
        shared.location.shares_task = true;
        shared.lead = vec!["Các phòng thuộc Sở".into()];
        p.items.insert(2, shared);
        p.items.extend(second);
        let c = codes(&p);
        assert!(!c.contains(&"KH401") && !c.contains(&"KH402"), "{c:?}");
        for it in &mut p.items[n + 1..] {
            it.location.section = 0;
        }
        assert!(codes(&p).contains(&"KH401"));
    }
}
