use super::{Ctx, Rule, RuleInfo};
use crate::facts::body_key;
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: compares the document's own number line "Số: …/KH-XXX" with the
    /// appendix line "(Kèm theo Kế hoạch số …/KH-… ngày … của …)": the symbol, the number
    /// (when both are filled in), the document type, and the issuing body (a warning).
    ///
    /// Why: the appendix is stapled to the plan by that line; a symbol typed twice by hand
    /// drifts ("KH-SDTTG" / "KH-SDDTTG"), and a copied appendix keeps another body's name.
    ///
    /// Bad: "Số: /KH-SDTTG" with "(Kèm theo Kế hoạch số /KH- SDDTTG ngày /01/2026 …)".
    ///
    /// Good: "Số: /KH-STP" with "(Kèm theo Kế hoạch số /KH-STP ngày tháng 01 năm 2026 của Sở
    /// Tư pháp …)".
    pub struct NumberSymbol {
        code: "KH501",
        name: "appendix-reference-mismatch",
        severity: Error,
        summary: "The appendix line's number, symbol, type or issuer differs from the document's",
    }
}

fn compact(s: &str) -> String {
    kehoach_text::match_key(s).replace(' ', "")
}

impl Rule for NumberSymbol {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let d = &cx.draft.plan.document;
        let (Some(num), Some(app)) = (&d.number, &d.appendix) else {
            return;
        };
        let Some(r) = &app.reference else { return };
        let at = Where::field("appendix.reference");
        if let (Some(a), Some(b)) = (&num.symbol, &r.symbol) {
            if compact(a) != compact(b) {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!(
                            "kh501-symbol",
                            cited = b.as_str(),
                            number = num.text.as_str()
                        ),
                        at.clone(),
                    )
                    .text(&app.text)
                    .suggest(a.clone()),
                );
            }
        }
        if let (Some(a), Some(b)) = (&num.number, &r.number) {
            if a.trim_start_matches('0') != b.trim_start_matches('0') {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh501-number", cited = b.as_str(), number = a.as_str()),
                        at.clone(),
                    )
                    .text(&app.text)
                    .suggest(a.clone()),
                );
            }
        }
        if let Some(t) = &d.doc_type {
            if kehoach_text::ascii_key(t) != kehoach_text::ascii_key(&r.doc_type) {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!(
                            "kh501-type",
                            cited = r.doc_type.as_str(),
                            doc_type = t.as_str()
                        ),
                        at.clone(),
                    )
                    .text(&app.text),
                );
            }
        }
        if let (Some(iss), Some(ri)) = (&d.issuer, &r.issuer) {
            let (a, b) = (body_key(iss), body_key(ri));
            // "Chủ tịch UBND tỉnh Thái Nguyên" signs for "UBND tỉnh Thái Nguyên".
            if !b.contains(&a) && !a.contains(&b) {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh501-issuer", cited = ri.as_str(), issuer = iss.as_str()),
                        at,
                    )
                    .severity(Severity::Warning)
                    .text(&app.text),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn symbol_drift() {
        let mut p = plan_2026();
        let a = p.document.appendix.as_mut().unwrap();
        a.reference.as_mut().unwrap().symbol = Some("KH-SDDTTG".into());
        assert!(codes(&p).contains(&"KH501"));
    }
}
