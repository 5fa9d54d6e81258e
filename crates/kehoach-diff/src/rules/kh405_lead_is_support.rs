use super::{Ctx, Rule, RuleInfo};
use crate::facts::{body_key, initials};
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
            // Keyed once per item: a hostile cell can name thousands of agencies, and keying
            // every lead again for every support made that quadratic (fuzz find, `check`).
            let leads: std::collections::HashSet<String> =
                it.lead.iter().map(|l| body_key(l)).collect();
            // Initials of the leads, and whether one of those with them is abbreviated: a
            // support matches a lead written out where one of the two abbreviates the other.
            let mut lead_initials: std::collections::HashMap<String, bool> = Default::default();
            for l in &it.lead {
                let (i, abbr) = initials(l);
                if i.len() >= 3 {
                    *lead_initials.entry(i).or_default() |= abbr;
                }
            }
            for s in &it.support {
                let k = body_key(s);
                if k.is_empty() {
                    continue;
                }
                let (si, s_abbr) = initials(s);
                let abbreviated = si.len() >= 3
                    && lead_initials
                        .get(&si)
                        .is_some_and(|l_abbr| s_abbr || *l_abbr);
                if leads.contains(&k) || abbreviated {
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!("kh405-both", name = s.as_str()),
                            Where::item(plan, i, "support"),
                        )
                        .text(s)
                        .suggest(crate::msg!("kh405-both-help")),
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

    #[test]
    fn thousands_of_agencies_in_one_cell() {
        // A fuzzed cell named thousands of agencies; every lead was keyed again for every
        // support (20,000² keys). Now each is keyed once; the one shared name is found.
        let mut p = plan_2026();
        p.items[2].lead = (0..20_000).map(|k| format!("Sở số {k}")).collect();
        p.items[2].support = (0..20_000).map(|k| format!("Phòng số {k}")).collect();
        p.items[2].support[19_999] = "SỞ SỐ 7".into();
        let f: Vec<_> = findings(&p)
            .into_iter()
            .filter(|f| f.code == "KH405")
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "\"SỞ SỐ 7\" vừa là cơ quan chủ trì vừa là cơ quan phối hợp"
        );
    }

    #[test]
    fn the_same_body_once_abbreviated() {
        for (lead, support) in [
            ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
            ("Sở Khoa học và Công nghệ", "Sở KH&CN"),
            ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ] {
            let mut p = plan_2026();
            p.items[1].lead = vec![lead.into()];
            p.items[1].support = vec!["Sở Tư pháp".into(), support.into()];
            assert!(codes(&p).contains(&"KH405"), "{lead} / {support}");
        }
        // Different bodies with the same initials are not one.
        let mut p = plan_2026();
        p.items[1].lead = vec!["Sở Nội vụ".into()];
        p.items[1].support = vec!["Sở Ngoại vụ".into()];
        assert!(!codes(&p).contains(&"KH405"));
    }
}
