use super::{Ctx, Rule, RuleInfo};
use crate::{Finding, Stage, Where};

declare_rule! {
    /// What it does: with `--stage signed`, requires the document number, a full date (day,
    /// month, year) and the signer's name. A draft (`--stage draft`, the default) may leave
    /// the number and the day blank.
    ///
    /// Why: a signed plan without a number or a day cannot be cited; the blanks of the draft
    /// must be filled in when it is signed.
    ///
    /// Bad (signed): "Số: /KH-STP", "Thái Nguyên, ngày tháng 01 năm 2026".
    ///
    /// Good (signed): "Số: 05/KH-STP", "Thái Nguyên, ngày 05 tháng 01 năm 2026", signed
    /// "Vũ Thị Lệ Hằng".
    pub struct SignedFields {
        code: "KH701",
        name: "signed-missing-field",
        severity: Error,
        summary: "A signed plan lacks its number, full date or signer's name",
    }
}

impl Rule for SignedFields {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        if cx.opts.stage != Stage::Signed {
            return;
        }
        let d = &cx.draft.plan.document;
        match &d.number {
            Some(n) if n.number.is_some() => {}
            n => out.push(
                Finding::new(
                    &Self::INFO,
                    crate::msg!("kh701-number"),
                    Where::field("number"),
                )
                .text(n.as_ref().map(|n| n.text.clone()).unwrap_or_default())
                .suggest("\"Số: 05/KH-…\""),
            ),
        }
        match &d.date {
            Some(p) if p.day.is_some() && p.month.is_some() && p.year.is_some() => {}
            p => out.push(
                Finding::new(&Self::INFO, crate::msg!("kh701-date"), Where::field("date"))
                    .text(p.as_ref().map(|p| p.text.clone()).unwrap_or_default())
                    .suggest("\"ngày 05 tháng 01 năm 2026\""),
            ),
        }
        if d.signer.as_ref().and_then(|s| s.name.as_ref()).is_none() {
            out.push(
                Finding::new(
                    &Self::INFO,
                    crate::msg!("kh701-signer"),
                    Where::field("signer"),
                )
                .suggest(crate::msg!("kh701-signer-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;
    use crate::{check, Options, Source, Stage};

    fn signed(p: &kehoach_parse::plan::Plan) -> Vec<&'static str> {
        let opts = Options {
            stage: Stage::Signed,
            ..Options::default()
        };
        check(&Source::from_plan("t", p.clone()), &[], &opts)
            .unwrap()
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn draft_blanks_are_fine_until_signed() {
        let p = plan_2026();
        assert!(!codes(&p).contains(&"KH701"));
        assert_eq!(signed(&p).iter().filter(|c| **c == "KH701").count(), 3);
        let mut p = plan_2026();
        let n = p.document.number.as_mut().unwrap();
        n.number = Some("05".into());
        n.text = "Số: 05/KH-STP".into();
        let d = p.document.date.as_mut().unwrap();
        d.day = Some(5);
        d.text = "ngày 05 tháng 01 năm 2026".into();
        p.document.signer = Some(kehoach_parse::plan::Signer {
            name: Some("Vũ Thị Lệ Hằng".into()),
            ..Default::default()
        });
        let got = signed(&p);
        assert!(
            !got.contains(&"KH701") && !got.contains(&"KH702"),
            "{got:?}"
        );
        // Decree 30: "ngày 5 tháng 1" is not the form.
        p.document.date.as_mut().unwrap().text = "ngày 5 tháng 1 năm 2026".into();
        assert!(signed(&p).contains(&"KH702"));
    }
}
