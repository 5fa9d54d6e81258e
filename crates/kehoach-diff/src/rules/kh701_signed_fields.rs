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
                    "a signed plan needs its number",
                    Where::field("number"),
                )
                .text(n.as_ref().map(|n| n.text.clone()).unwrap_or_default())
                .suggest("\"Số: 05/KH-…\""),
            ),
        }
        match &d.date {
            Some(p) if p.day.is_some() && p.month.is_some() && p.year.is_some() => {}
            p => out.push(
                Finding::new(
                    &Self::INFO,
                    "a signed plan needs its full date",
                    Where::field("date"),
                )
                .text(p.as_ref().map(|p| p.text.clone()).unwrap_or_default())
                .suggest("\"ngày 05 tháng 01 năm 2026\""),
            ),
        }
        if d.signer.as_ref().and_then(|s| s.name.as_ref()).is_none() {
            out.push(
                Finding::new(
                    &Self::INFO,
                    "a signed plan needs the signer's name",
                    Where::field("signer"),
                )
                .suggest("the signer's full name under the position"),
            );
        }
    }
}
