use super::{Ctx, Rule, RuleInfo};
use crate::textscan::{find_phrase, words, Phrase};
use crate::Finding;

declare_rule! {
    /// What it does: looks for phrases the data lists as known misspellings (the
    /// `misspellings` of `data/stale.json` and of `--rules-data`) in every text of the plan,
    /// within one clause, whatever the case or tone placement.
    ///
    /// Why: some one-letter typos are common in plans and change the meaning: "Công Dịch vụ
    /// công" for "Cổng Dịch vụ công" (the national portal), "Kiểm toàn đội ngũ" (to audit) for
    /// "Kiện toàn đội ngũ" (to strengthen the staff).
    ///
    /// Bad: "Bộ phận Một cửa và Công Dịch vụ công quốc gia".
    ///
    /// Good: "Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"; "hành chính công, dịch vụ công"
    /// (the comma keeps the words apart).
    pub struct Misspelling {
        code: "KH602",
        name: "known-misspelling",
        severity: Warning,
        summary: "A phrase listed as a known misspelling",
    }
}

impl Rule for Misspelling {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let list: Vec<(Phrase, &crate::data::Misspelling)> = cx
            .opts
            .data
            .misspellings
            .iter()
            .map(|m| (Phrase::new(&m.wrong, false), m))
            .collect();
        for span in &cx.facts.spans {
            let ws = words(&span.text);
            for (ph, m) in &list {
                for h in find_phrase(&ws, ph, false, true) {
                    let found = &span.text[h.start..h.end];
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!("kh602-misspelling", word = found),
                            span.at.clone(),
                        )
                        .text(found)
                        .suggest(format!("\"{}\"", m.right))
                        .fix(found, m.right.as_str()),
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
    fn portal() {
        let mut p = plan_2026();
        p.items[4].content = "Công khai TTHC trên Công Dịch vụ công quốc gia".into();
        assert!(codes(&p).contains(&"KH602"));
    }
}
