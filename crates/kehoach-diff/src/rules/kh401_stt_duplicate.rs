use kehoach_parse::plan::stt;

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: reports an item number (STT) used twice in the table, at its second
    /// use, and suggests the number the neighbours call for ("2.1" between group "2.1" and
    /// "2.1.2" should be "2.1.1").
    ///
    /// Why: an STT names a task in reports and follow-ups ("nhiệm vụ 2.1"); two items with
    /// one number make those references ambiguous. Duplicates come from copying a row.
    ///
    /// Bad: "2.1 Kiểm soát, công khai TTHC", "2.1 Công khai TTHC tại nơi giải quyết …",
    /// "2.1.2 …".
    ///
    /// Good: "2.1 Kiểm soát, công khai TTHC", "2.1.1 Công khai TTHC …", "2.1.2 …".
    pub struct SttDuplicate {
        code: "KH401",
        name: "stt-duplicate",
        severity: Error,
        summary: "Two items carry the same number",
    }
}

/// Numeric STT parts, or None for Roman numerals, letters and text.
pub fn parts(s: &str) -> Option<Vec<u32>> {
    stt::parse(s)
        .filter(|p| !p.roman && !p.letter)
        .map(|p| p.parts)
}

pub fn show(p: &[u32]) -> String {
    p.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(".")
}

/// The numbers that may follow `prev`: its first child, or the next sibling at any depth.
pub fn successors(prev: &[u32]) -> Vec<Vec<u32>> {
    let mut out = vec![];
    let mut child = prev.to_vec();
    child.push(1);
    out.push(child);
    for k in (1..=prev.len()).rev() {
        let mut s = prev[..k].to_vec();
        s[k - 1] += 1;
        out.push(s);
    }
    out
}

/// The number that fits between `prev` and `next`, if exactly one does (or exactly one of
/// those that fit has the depth `depth`).
pub fn fitting_at(prev: Option<&[u32]>, next: Option<&[u32]>, depth: usize) -> Option<Vec<u32>> {
    let cands = match prev {
        Some(p) => successors(p),
        None => vec![vec![1]],
    };
    let ok: Vec<Vec<u32>> = cands
        .into_iter()
        .filter(|c| next.is_none_or(|n| successors(c).iter().any(|s| s == n)))
        .collect();
    if ok.len() == 1 {
        return Some(ok[0].clone());
    }
    let same: Vec<&Vec<u32>> = ok.iter().filter(|c| c.len() == depth).collect();
    (same.len() == 1).then(|| same[0].clone())
}

/// The number that fits between `prev` and `next`, if exactly one does.
pub fn fitting(prev: Option<&[u32]>, next: Option<&[u32]>) -> Option<Vec<u32>> {
    let cands = match prev {
        Some(p) => successors(p),
        None => vec![vec![1]],
    };
    let ok: Vec<Vec<u32>> = cands
        .into_iter()
        .filter(|c| next.is_none_or(|n| successors(c).iter().any(|s| s == n)))
        .collect();
    (ok.len() == 1).then(|| ok[0].clone())
}

impl Rule for SttDuplicate {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        let ps: Vec<Option<Vec<u32>>> = plan.items.iter().map(|it| parts(&it.stt)).collect();
        // Roman section numbers ("I", "II") restart the Arabic numbers under them.
        // So do tables numbered from 1 again (`location.section`, one per part or appendix).
        let mut section = vec![(0usize, 0usize); ps.len()];
        let mut cur = 0;
        for (i, it) in plan.items.iter().enumerate() {
            if stt::parse(&it.stt).is_some_and(|s| s.roman) {
                cur += 1;
            }
            section[i] = (it.location.section, cur);
        }
        // Where each (section, number) first appears: one pass, not a search of the rows
        // before each row (n² on a 100,000-row table).
        let mut first_at: std::collections::HashMap<((usize, usize), &[u32]), usize> =
            std::collections::HashMap::new();
        for i in 0..ps.len() {
            let Some(p) = &ps[i] else { continue };
            if plan.items[i].location.shares_task {
                // One more row of the task above, its number merged down: the same task.
                continue;
            }
            let first = *first_at.entry((section[i], p.as_slice())).or_insert(i);
            if first == i {
                continue;
            }
            let prev = if i > 0 { ps[i - 1].as_deref() } else { None };
            let next = ps.get(i + 1).and_then(|n| n.as_deref());
            let mut f = Finding::new(
                &Self::INFO,
                crate::msg!(
                    "kh401-duplicate",
                    stt = show(p),
                    first_row = plan.items[first].location.row + 1
                ),
                Where::item(plan, i, "stt"),
            )
            .text(plan.items[i].stt.trim());
            if let Some(fit) = fitting_at(prev, next, p.len()) {
                f = f.suggest(format!("\"{}\"", show(&fit)));
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests_support::*;

    #[test]
    fn duplicate_with_fix() {
        assert_eq!(
            fitting(Some(&[2, 1]), Some(&[2, 1, 2])),
            Some(vec![2, 1, 1])
        );
        let mut p = plan_2026();
        p.items[5].stt = "2.1".into();
        let f = findings(&p);
        let d: Vec<_> = f.iter().filter(|f| f.code == "KH401").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].suggestion.as_deref(), Some("\"2.2\""));
    }

    #[test]
    fn roman_sections_restart() {
        use kehoach_parse::plan::ItemKind::*;
        let mut p = plan_2026();
        p.items = vec![
            item("I", Group, "Nhiệm vụ chung", &[], &[], ""),
            item(
                "1",
                Task,
                "Rà soát thủ tục",
                &["Văn phòng Sở"],
                &[],
                "Thường xuyên",
            ),
            item(
                "2",
                Task,
                "Công khai thủ tục",
                &["Văn phòng Sở"],
                &[],
                "Thường xuyên",
            ),
            item("II", Group, "Nhiệm vụ cụ thể", &[], &[], ""),
            item(
                "1",
                Task,
                "Báo cáo định kỳ",
                &["Văn phòng Sở"],
                &[],
                "Định kỳ hàng quý",
            ),
            item(
                "2",
                Task,
                "Kiểm tra thực hiện",
                &["Văn phòng Sở"],
                &[],
                "Thường xuyên",
            ),
        ];
        let c = codes(&p);
        assert!(!c.contains(&"KH401") && !c.contains(&"KH402"), "{c:?}");
    }
}
