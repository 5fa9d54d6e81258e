use kehoach_parse::plan::meta::find_citations;

use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: finds every document cited anywhere in the plan (legal bases, body
    /// paragraphs, items) and reports those that the data (`data/stale.json`, `--rules-data`)
    /// says were replaced before the plan's date, with the replacement.
    ///
    /// Why: "Căn cứ Nghị định số 61/2018/NĐ-CP" copied into a 2026 plan cites a decree no
    /// longer in force: Nghị định 118/2025/NĐ-CP (09/6/2025) replaced 61/2018/NĐ-CP and
    /// 107/2021/NĐ-CP on the one-stop mechanism from 1 July 2025.
    ///
    /// Bad: in a plan for 2026, "Thực hiện tốt cơ chế một cửa … theo Nghị định số
    /// 61/2018/NĐ-CP; Nghị định số 107/2021/NĐ-CP của Chính phủ".
    ///
    /// Good: "… theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ"; the old
    /// decrees in a plan for 2024.
    pub struct SupersededBasis {
        code: "KH302",
        name: "superseded-legal-basis",
        severity: Error,
        summary: "Cites a legal document replaced before the plan's date",
    }
}

fn norm_ref(s: &str) -> String {
    kehoach_text::match_key(s).replace(' ', "")
}

impl Rule for SupersededBasis {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(eff) = cx.facts.effective else {
            return;
        };
        let entries: Vec<_> = cx
            .opts
            .data
            .legal
            .iter()
            .filter(|l| crate::data::parse_iso(&l.effective).is_some_and(|d| d <= eff))
            .collect();
        if entries.is_empty() {
            return;
        }
        let scan = |text: &str, at: Where, out: &mut Vec<Finding>| {
            let mut seen: Vec<String> = Vec::new();
            for r in find_citations(text) {
                let Some(reference) = r.reference() else {
                    continue;
                };
                let key = norm_ref(&reference);
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
                if let Some(l) = entries
                    .iter()
                    .find(|l| l.refs.iter().any(|x| norm_ref(x) == key))
                {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh302-superseded",
                                cited = format!("{} số {reference}", r.doc_type),
                                since = crate::data::parse_iso(&l.effective)
                                    .map(crate::facts::show_date)
                                    .unwrap_or_else(|| l.effective.clone())
                            ),
                            at.clone(),
                        )
                        .text(format!("{} số {reference}", r.doc_type))
                        .suggest(l.replacement.clone())
                        .note(crate::Msg::both(&l.source, l.source_en.as_deref())),
                    );
                }
            }
        };
        for span in &cx.facts.spans {
            if matches!(
                span.kind,
                "content" | "paragraph" | "legal_bases" | "deadline"
            ) {
                scan(&span.text, span.at.clone(), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn old_one_stop_decree() {
        let mut p = plan_2026();
        p.items[4].content = "Thực hiện cơ chế một cửa theo Nghị định số 61/2018/NĐ-CP; Nghị định số 107/2021/NĐ-CP của Chính phủ".into();
        let f = findings(&p);
        assert_eq!(f.iter().filter(|f| f.code == "KH302").count(), 2, "{f:#?}");
        p.items[4].content = "Thực hiện theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025".into();
        assert!(!codes(&p).contains(&"KH302"));
    }
}
