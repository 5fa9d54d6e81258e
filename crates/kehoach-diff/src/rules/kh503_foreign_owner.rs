use super::{Ctx, Rule, RuleInfo};
use crate::facts::{body_key, prepares_plan, Level};
use crate::textscan::words;
use crate::Finding;

declare_rule! {
    /// What it does: reads the body a plan names as its own — in the title, the appendix
    /// title, and items that draw up "the plan of …" ("Xây dựng Kế hoạch … của Sở Tư pháp
    /// năm 2026") — and compares it with the issuer, when both are of the same kind (a
    /// department, "Sở …", or a commune, "xã …" / "phường …").
    ///
    /// Why: plans are copied from a neighbouring department or commune; the other unit's
    /// name left in the title or an item says the plan belongs to someone else.
    ///
    /// Bad: issuer "ỦY BAN NHÂN DÂN XÃ PHÚ ĐÌNH", title "… trong giải quyết thủ tục hành
    /// chính xã Định Hoá năm 2026".
    ///
    /// Good: issuer "ỦY BAN NHÂN DÂN XÃ ĐỊNH HOÁ", title "… xã Định Hoá năm 2026"; issuer "SỞ
    /// TƯ PHÁP", item "… của Sở Tư pháp năm 2026".
    pub struct ForeignOwner {
        code: "KH503",
        name: "foreign-owner",
        severity: Error,
        summary: "The title or an item names another unit of the issuer's kind as the plan's owner",
    }
}

/// Words that end a body's name.
const STOP: &[&str] = &[
    "tỉnh", "năm", "trên", "về", "trong", "giai", "thực", "đối", "theo", "giải", "được", "tại",
    "thành", "huyện", "của", "với", "cho", "đến", "kể",
];

/// Bodies of one kind named in a text: (byte start, byte end).
pub fn owners(text: &str, level: Level, after_cua_only: bool) -> Vec<(usize, usize)> {
    let ws = words(text);
    let stop: Vec<String> = STOP.iter().map(|w| kehoach_text::match_key(w)).collect();
    let kws: Vec<String> = match level {
        Level::Department => vec![kehoach_text::match_key("sở")],
        Level::Commune => vec![
            kehoach_text::match_key("xã"),
            kehoach_text::match_key("phường"),
        ],
        _ => return vec![],
    };
    let (xa, hoi, cua) = (
        kehoach_text::match_key("xã"),
        kehoach_text::match_key("hội"),
        kehoach_text::match_key("của"),
    );
    let mut out = Vec::new();
    for i in 0..ws.len() {
        if !kws.contains(&ws[i].key) {
            continue;
        }
        // "xã hội" is not a commune.
        if ws[i].key == xa && ws.get(i + 1).is_some_and(|w| w.key == hoi) {
            continue;
        }
        if after_cua_only && !(i > 0 && ws[i - 1].key == cua) {
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && !ws[j].after_punct && !stop.contains(&ws[j].key) && j - i <= 6 {
            j += 1;
        }
        if j == i + 1 {
            continue;
        }
        // A name starts with a capital letter.
        if !text[ws[i + 1].start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
        {
            continue;
        }
        out.push((ws[i].start, ws[j - 1].end));
    }
    out
}

impl Rule for ForeignOwner {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let level = cx.facts.level;
        let Some(issuer) = cx.draft.plan.document.issuer.as_deref() else {
            return;
        };
        let ik = body_key(issuer);
        for span in &cx.facts.spans {
            let after_cua = match span.kind {
                "title" | "appendix.title" => false,
                "content" if prepares_plan(&span.text) => true,
                _ => continue,
            };
            for (s, e) in owners(&span.text, level, after_cua) {
                let name = &span.text[s..e];
                let k = body_key(name);
                if ik.contains(&k) || k.contains(&ik) {
                    continue;
                }
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh503-owner", name = name, issuer = issuer),
                        span.at.clone(),
                    )
                    .text(name)
                    .suggest(crate::msg!("kh503-owner-help", issuer = issuer)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests_support::*;

    #[test]
    fn owners_found() {
        let t = "Kiểm soát TTHC của Sở Dân tộc và Tôn giáo tỉnh Thái Nguyên năm 2026";
        let o = owners(t, Level::Department, false);
        assert_eq!(&t[o[0].0..o[0].1], "Sở Dân tộc và Tôn giáo");
        let t = "trong giải quyết thủ tục hành chính xã Định Hoá năm 2026";
        let o = owners(t, Level::Commune, false);
        assert_eq!(&t[o[0].0..o[0].1], "xã Định Hoá");
        assert!(owners("an sinh xã hội", Level::Commune, false).is_empty());
        assert!(owners("trên địa bàn xã", Level::Commune, false).is_empty());
    }

    #[test]
    fn another_department() {
        let mut p = plan_2026();
        assert!(!codes(&p).contains(&"KH503"));
        p.document.title = Some("Kiểm soát thủ tục hành chính của Sở Nội vụ năm 2026".into());
        assert!(codes(&p).contains(&"KH503"));
        let mut p = plan_2026();
        p.items[1].content = "Xây dựng Kế hoạch kiểm soát TTHC của Sở Tư pháp năm 2026".into();
        assert!(!codes(&p).contains(&"KH503"));
        p.items[1].content = "Xây dựng Kế hoạch kiểm soát TTHC của Sở Tài chính năm 2026".into();
        assert!(codes(&p).contains(&"KH503"));
    }
}
