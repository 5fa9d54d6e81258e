use super::{Ctx, Rule, RuleInfo};
use crate::textscan::{words, Word};
use crate::{Finding, Where};

declare_rule! {
    /// What it does: takes the signer's name from the signature block and looks for the
    /// same name elsewhere — in the draft's body paragraphs and cells, and in the parent
    /// plans (their signer and their text) — written with other diacritics: the same
    /// letters once the marks are set aside, different letters or marks otherwise
    /// ("Đinh Hồng Kiên" / "Đình Hồng Kiên", "Nguyễn Văn Hùng" / "Nguyễn Văn Hưng"). Tone
    /// placement alone ("Hoà" / "Hòa"), case and spacing are not differences.
    ///
    /// Why: a person's name has one spelling; a name mistyped in the signature block or in
    /// an assignment ("đồng chí … phụ trách") names someone else, and is copied from
    /// document to document. A reviewer cannot see one mark among hundreds of words.
    ///
    /// Bad: signed "Đinh Hồng Kiên", body "giao đồng chí Đình Hồng Kiên, Phó Giám đốc Sở".
    ///
    /// Good: "Đinh Hồng Kiên" everywhere it is written.
    pub struct NameSpelling {
        code: "KH603",
        name: "name-spelling",
        severity: Warning,
        summary: "The signer's name is written with other diacritics elsewhere in the plan or its parent",
    }
}

/// Occurrences in `text` of a name with the same letters as `name` (ascii keys of its
/// words) but other match keys: (byte start, byte end).
pub fn near_spellings(name: &[Word], text: &str) -> Vec<(usize, usize)> {
    let n = name.len();
    let ws = words(text);
    let mut out = Vec::new();
    if n < 2 || ws.len() < n {
        return out;
    }
    for s in 0..=ws.len() - n {
        let same_letters = (0..n).all(|j| ws[s + j].ascii == name[j].ascii);
        if !same_letters {
            continue;
        }
        // A person's name is written with capitals: "đình" inside a sentence is a word.
        let capitalised = (0..n).all(|j| {
            text[ws[s + j].start..ws[s + j].end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        let same_marks = (0..n).all(|j| ws[s + j].key == name[j].key);
        if capitalised && !same_marks {
            out.push((ws[s].start, ws[s + n - 1].end));
        }
    }
    out
}

impl Rule for NameSpelling {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(signer) = cx
            .draft
            .plan
            .document
            .signer
            .as_ref()
            .and_then(|s| s.name.as_deref())
        else {
            return;
        };
        let name = words(signer);
        if name.len() < 2 {
            return;
        }
        // The draft: every text but the signature itself.
        for span in &cx.facts.spans {
            for (s, e) in near_spellings(&name, &span.text) {
                let written = &span.text[s..e];
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh603-in-draft", name = signer, written = written),
                        span.at.clone(),
                    )
                    .text(written),
                );
            }
        }
        // The parents: their signer and their texts.
        for (p, facts) in cx.parents.iter().zip(&cx.parent_facts) {
            let theirs = p.plan.document.signer.as_ref().and_then(|s| s.name.clone());
            let texts = theirs
                .into_iter()
                .chain(facts.spans.iter().map(|s| s.text.clone()));
            let mut seen = std::collections::HashSet::new();
            for t in texts {
                for (s, e) in near_spellings(&name, &t) {
                    let written = t[s..e].to_string();
                    if !seen.insert(written.clone()) {
                        continue;
                    }
                    out.push(
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh603-in-parent",
                                name = signer,
                                written = written.as_str(),
                                parent = p.name.as_str()
                            ),
                            Where::field("signer"),
                        )
                        .text(signer),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(name: &str, text: &str) -> Vec<String> {
        let n = words(name);
        near_spellings(&n, text)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn same_letters_other_marks() {
        assert_eq!(
            found(
                "Đinh Hồng Kiên",
                "giao đồng chí Đình Hồng Kiên, Phó Giám đốc Sở"
            ),
            ["Đình Hồng Kiên"]
        );
        assert_eq!(
            found("Nguyễn Văn Hùng", "Nguyễn Văn Hưng (Sở Nội vụ)"),
            ["Nguyễn Văn Hưng"]
        );
        // The same name, tone placement, case or NFD: not a difference.
        for same in [
            "Đinh Hồng Kiên",
            "ĐINH HỒNG KIÊN",
            "Đinh Hồng Kiên",
            "Đinh  Hồng\u{a0}Kiên",
        ] {
            assert_eq!(
                found("Đinh Hồng Kiên", same),
                Vec::<String>::new(),
                "{same}"
            );
        }
        assert_eq!(found("Lê Thị Hoà", "bà Lê Thị Hòa"), Vec::<String>::new());
        // Other letters, or lower-case words, are not the name.
        assert_eq!(
            found("Đinh Hồng Kiên", "Đinh Hồng Kiến"),
            ["Đinh Hồng Kiến"]
        );
        assert_eq!(
            found("Đinh Hồng Kiên", "Đinh Hồng Kim"),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Lê Văn Đình", "lễ văn đình làng"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn reported_in_the_draft_and_against_the_parent() {
        use crate::rules::tests_support::*;
        use crate::{check, Options, Source};
        let mut p = plan_2026();
        p.document.signer = Some(kehoach_parse::plan::meta::Signer {
            name: Some("Đinh Hồng Kiên".into()),
            ..Default::default()
        });
        p.items[1].lead = vec!["Đồng chí Đình Hồng Kiên".into()];
        let f = findings(&p);
        let f: Vec<_> = f.iter().filter(|f| f.code == "KH603").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text.as_deref(), Some("Đình Hồng Kiên"));
        assert_eq!(
            f[0].message,
            "Tên người ký là \"Đinh Hồng Kiên\" nhưng ở đây viết \"Đình Hồng Kiên\""
        );
        // The parent writes the signer's name with other marks.
        let mut parent = plan_2026();
        parent.document.signer = Some(kehoach_parse::plan::meta::Signer {
            name: Some("Đinh Hồng Kiến".into()),
            ..Default::default()
        });
        p.items[1].lead = vec!["Văn phòng Sở".into()];
        let got = check(
            &Source::from_plan("draft", p),
            &[Source::from_plan("parent.docx", parent)],
            &Options::default(),
        )
        .unwrap();
        let f: Vec<_> = got.iter().filter(|f| f.code == "KH603").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].location.field.as_deref(), Some("signer"));
    }
}
