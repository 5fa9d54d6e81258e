use super::{Ctx, Rule, RuleInfo};
use crate::facts::show_date;
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: with a parent plan (`--against`), finds the parent among the draft's
    /// legal bases by its number and checks that the citation gives the parent's document
    /// type, symbol and date. When no legal basis has the parent's number, it says which
    /// plan the draft cites instead (a warning: the draft may implement another edition of
    /// the parent).
    ///
    /// Why: the parent is cited by hand; "Quyết định số 182/QĐ-UBND" for "Kế hoạch số
    /// 182/KH-UBND" sends the reader to a document that does not exist.
    ///
    /// Bad: parent "Kế hoạch số 182/KH-UBND ngày 25/12/2025", draft "Căn cứ Quyết định số
    /// 182/QĐ-UBND ngày 25/12/2025 …".
    ///
    /// Good: "Thực hiện Kế hoạch số 182/KH-UBND ngày 25/12/2025 của UBND tỉnh …".
    pub struct ParentCitation {
        code: "KH202",
        name: "parent-citation-mismatch",
        severity: Error,
        summary: "The parent plan as cited in the legal bases differs from the parent given",
    }
}

fn compact(s: &str) -> String {
    kehoach_text::match_key(s).replace(' ', "")
}

impl Rule for ParentCitation {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let bases = &cx.draft.plan.document.legal_bases;
        for parent in cx.parents {
            let pm = &parent.plan.document;
            let Some(pn) = pm.number.as_ref().and_then(|n| n.number.clone()) else {
                continue;
            };
            let psym = pm
                .number
                .as_ref()
                .and_then(|n| n.symbol.clone())
                .unwrap_or_default();
            let ptype = pm
                .doc_type
                .as_deref()
                .map(kehoach_text::ascii_key)
                .unwrap_or_default();
            let pdate = pm
                .date
                .as_ref()
                .and_then(|d| Some((d.year?, d.month?, d.day?)));
            let ptype_shown = {
                let t = pm.doc_type.clone().unwrap_or_default().to_lowercase();
                let mut c = t.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            };
            let parent_ref = format!(
                "{ptype_shown} số {pn}/{psym}{}",
                pdate
                    .map(|d| format!(" ngày {}", show_date(d)))
                    .unwrap_or_default()
            );
            let same_number: Vec<_> = bases
                .iter()
                .filter(|r| r.number.as_deref() == Some(pn.as_str()) && r.ref_year.is_none())
                .collect();
            if same_number.is_empty() {
                let cited: Vec<String> = bases
                    .iter()
                    .filter(|r| {
                        let t = kehoach_text::ascii_key(&r.doc_type);
                        (t == "ke hoach" || t == "quyet dinh") && r.ref_year.is_none()
                    })
                    .map(|r| r.text.clone())
                    .collect();
                let msg = if cited.is_empty() {
                    crate::msg!("kh202-not-cited", parent = &parent_ref)
                } else {
                    crate::msg!(
                        "kh202-cites-other",
                        parent = &parent_ref,
                        cited = cited.join("; ")
                    )
                };
                let mut f = Finding::new(&Self::INFO, msg, Where::field("legal_bases"))
                    .severity(Severity::Warning)
                    .suggest(crate::msg!("kh202-not-cited-help", parent = &parent_ref));
                if let (Some(py), Some(dy)) = (pm.plan_year, cx.draft.plan.document.plan_year) {
                    if py != dy {
                        f = f.note(crate::msg!(
                            "kh202-parent-year",
                            parent_year = py,
                            plan_year = dy
                        ));
                    }
                }
                out.push(f);
                continue;
            }
            for r in same_number {
                let mut diffs = Vec::new();
                if kehoach_text::ascii_key(&r.doc_type) != ptype {
                    diffs.push(crate::msg!(
                        "kh202-diff-type",
                        cited = r.doc_type.as_str(),
                        parent = ptype_shown.as_str()
                    ));
                }
                if let Some(s) = &r.symbol {
                    if compact(s) != compact(&psym) {
                        diffs.push(crate::msg!(
                            "kh202-diff-symbol",
                            cited = s.as_str(),
                            parent = psym.as_str()
                        ));
                    }
                }
                if let (Some(d), Some(pd)) =
                    (r.date.as_deref().and_then(crate::data::parse_iso), pdate)
                {
                    if d != pd {
                        diffs.push(crate::msg!(
                            "kh202-diff-date",
                            cited = show_date(d),
                            parent = show_date(pd)
                        ));
                    }
                }
                if diffs.is_empty() {
                    continue;
                }
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh202-cited-wrongly")
                            .with("details", crate::Msg::Join(diffs, ", ")),
                        Where::field("legal_bases"),
                    )
                    .text(&r.text)
                    .suggest(parent_ref.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;
    use kehoach_parse::plan::{meta::find_citations, DocNumber, PartialDate};

    #[test]
    fn decision_cited_for_plan() {
        let mut parent = plan_2026();
        parent.items.clear();
        parent.document.number = Some(DocNumber {
            text: "Số: 182/KH-UBND".into(),
            number: Some("182".into()),
            symbol: Some("KH-UBND".into()),
        });
        parent.document.date = Some(PartialDate {
            text: "ngày 25 tháng 12 năm 2025".into(),
            day: Some(25),
            month: Some(12),
            year: Some(2025),
        });
        let mut draft = plan_2026();
        draft.document.legal_bases =
            find_citations("Thực hiện Kế hoạch số 182/KH-UBND ngày 25/12/2025 của UBND tỉnh");
        assert!(!codes_against(&draft, &parent).contains(&"KH202"));
        draft.document.legal_bases =
            find_citations("Căn cứ Quyết định số 182/QĐ-UBND ngày 25/12/2025 của UBND tỉnh");
        assert!(codes_against(&draft, &parent).contains(&"KH202"));
    }
}
