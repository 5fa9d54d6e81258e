use kehoach_parse::plan::meta::find_citations;

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: checks that each cited document's type agrees with the first part of
    /// its symbol: a "Kế hoạch" is numbered "…/KH-…", a "Quyết định" "…/QĐ-…", a "Nghị định"
    /// "…/NĐ-…", a "Thông tư" "…/TT-…", a "Nghị quyết" "…/NQ-…", a "Chỉ thị" "…/CT-…".
    ///
    /// Why: the type and the symbol are typed separately; when they disagree, one of them is
    /// wrong and the citation points nowhere.
    ///
    /// Bad: "Quyết định số 182/KH-UBND ngày 25/12/2025".
    ///
    /// Good: "Kế hoạch số 182/KH-UBND ngày 25/12/2025".
    pub struct CitationType {
        code: "KH502",
        name: "citation-type-symbol",
        severity: Error,
        summary: "A cited document's type disagrees with its symbol (Quyết định …/KH-…)",
    }
}

const PREFIXES: &[(&str, &str)] = &[
    ("ke hoach", "kh"),
    ("quyet dinh", "qd"),
    ("nghi dinh", "nd"),
    ("thong tu", "tt"),
    ("nghi quyet", "nq"),
    ("chi thi", "ct"),
];

impl Rule for CitationType {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        for span in &cx.facts.spans {
            if !matches!(span.kind, "content" | "paragraph" | "legal_bases") {
                continue;
            }
            for r in find_citations(&span.text) {
                let Some(sym) = &r.symbol else { continue };
                let t = kehoach_text::ascii_key(&r.doc_type);
                let Some((_, want)) = PREFIXES.iter().find(|(ty, _)| *ty == t) else {
                    continue;
                };
                let head = kehoach_text::ascii_key(sym.split('-').next().unwrap_or(""));
                // A joint circular is "TTLT"; otherwise the head is the type's letters.
                if head == *want || head.starts_with(want) && t == "thong tu" {
                    continue;
                }
                let Some((_, is)) = PREFIXES.iter().find(|(_, p)| *p == head) else {
                    continue;
                };
                let at: Where = span.at.clone();
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!(
                            "kh502-type",
                            cited = r.doc_type.as_str(),
                            symbol = sym,
                            doc_type = is
                        ),
                        at,
                    )
                    .text(&r.text),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn type_vs_symbol() {
        let mut p = plan_2026();
        p.items[2].content = "Theo Quyết định số 182/KH-UBND ngày 25/12/2025 của UBND tỉnh".into();
        assert!(codes(&p).contains(&"KH502"));
        p.items[2].content = "Theo Kế hoạch số 182/KH-UBND ngày 25/12/2025 của UBND tỉnh".into();
        assert!(!codes(&p).contains(&"KH502"));
    }
}
