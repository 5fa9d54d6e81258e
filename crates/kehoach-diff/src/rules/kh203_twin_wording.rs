use super::{Ctx, Rule, RuleInfo};
use crate::matching::{tokens, Vocab, Weights};
use crate::textscan::{levenshtein, words, Word};
use crate::{Finding, Severity};

declare_rule! {
    /// What it does: with a parent plan (`--against`), pairs each draft item with its twin in
    /// the parent (the most similar item, similarity ≥ `--threshold`, 0.6 by default) and reports a word that differs
    /// from the twin's word in the same place by one letter or by its diacritics only
    /// ("Kiểm toàn" / "Kiện toàn", "Công" / "Cổng"). Tone placement ("hoá" / "hóa") is never a
    /// difference: words are compared on their match keys. When the draft's word is the
    /// right one (the known-misspellings data says so, or the parent writes it that way
    /// elsewhere) the finding is info: the typo is the parent's.
    ///
    /// Why: copying an item and retyping a word is where one-letter typos come from; one
    /// letter can turn "Cổng Dịch vụ công" (the portal) into "Công Dịch vụ công".
    ///
    /// Bad: parent "Cập nhật … trên Cổng Dịch vụ công quốc gia", draft "Cập nhật … trên Công
    /// Dịch vụ công quốc gia".
    ///
    /// Good: the same words as the parent, or a real rewording.
    pub struct TwinWording {
        code: "KH203",
        name: "twin-wording",
        severity: Warning,
        summary: "A word differs by one letter or tone from the parent's twin item",
    }
}

/// Longest-common-subsequence alignment of two key sequences: pairs of (i, j) kept.
fn lcs(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // Cells are short; a huge one is not compared word by word.
    if n.saturating_mul(m) > crate::matching::ALIGN_CELLS {
        return Vec::new();
    }
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn near(a: &Word, b: &Word) -> bool {
    if a.key == b.key || a.ascii.chars().count() < 2 || a.ascii.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    a.ascii == b.ascii || (levenshtein(&a.ascii, &b.ascii) == 1 && a.ascii.chars().count() >= 3)
}

/// The one-word differences between a draft text and its twin: (draft word, parent word).
pub fn near_misses<'a>(draft: &'a str, parent: &'a str) -> Vec<(Word, Word)> {
    let dw = words(draft);
    let pw = words(parent);
    let dk: Vec<&str> = dw.iter().map(|w| w.key.as_str()).collect();
    let pk: Vec<&str> = pw.iter().map(|w| w.key.as_str()).collect();
    let pairs = lcs(&dk, &pk);
    let mut out = Vec::new();
    // Gaps between consecutive kept pairs (or an end of the texts): the words next to the
    // common run on each side are compared, from the left and from the right.
    let mut prev: (isize, isize) = (-1, -1);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(dw.len(), pw.len()))) {
        let (gi, gj) = (i as isize - prev.0 - 1, j as isize - prev.1 - 1);
        let real_next = i < dw.len() && j < pw.len();
        if gi >= 1 && gj >= 1 && (prev.0 >= 0 || real_next) {
            let left = ((prev.0 + 1) as usize, (prev.1 + 1) as usize);
            let right = (i - 1, j - 1);
            let mut cands = Vec::new();
            if prev.0 >= 0 {
                cands.push(left);
            }
            if real_next && (prev.0 < 0 || right != left) {
                cands.push(right);
            }
            if let Some(&(a, b)) = cands.iter().find(|&&(a, b)| near(&dw[a], &pw[b])) {
                out.push((dw[a].clone(), pw[b].clone()));
            }
        }
        prev = (i as isize, j as isize);
    }
    out
}

impl Rule for TwinWording {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        for parent in cx.parents {
            let ptoks: Vec<Vec<String>> = parent
                .plan
                .items
                .iter()
                .map(|it| tokens(&it.content))
                .collect();
            let parent_all: String = parent
                .plan
                .items
                .iter()
                .map(|it| it.content.as_str())
                .collect::<Vec<_>>()
                .join(" \n ");
            // How often the parent writes each word (counted once, not per near miss).
            let mut parent_usage: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            for w in words(&parent_all) {
                *parent_usage.entry(w.key).or_default() += 1;
            }
            let usage = |k: &str| parent_usage.get(k).copied().unwrap_or(0);
            let mut vocab = Vocab::default();
            let uniform = Weights::uniform();
            let pbags: Vec<_> = ptoks.iter().map(|t| vocab.bag(t, &uniform)).collect();
            for (di, it) in plan.items.iter().enumerate() {
                let dt = vocab.bag(&tokens(&it.content), &uniform);
                let Some((pi, s)) = pbags
                    .iter()
                    .enumerate()
                    .map(|(pi, p)| (pi, vocab.dice(&dt, p)))
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                else {
                    continue;
                };
                if s < cx.opts.threshold {
                    continue;
                }
                let p = &parent.plan.items[pi];
                for (a, b) in near_misses(&it.content, &p.content) {
                    let dword = &it.content[a.start..a.end];
                    let pword = &p.content[b.start..b.end];
                    // Is the draft right? Known misspellings, or the parent's own usage.
                    let draft_right = cx.opts.data.misspellings.iter().any(|m| {
                        let wrong = kehoach_text::match_key(&m.wrong);
                        let right = kehoach_text::match_key(&m.right);
                        right.split(' ').any(|w| w == a.key) && wrong.split(' ').any(|w| w == b.key)
                    }) || usage(&a.key) > usage(&b.key);
                    let mut at = crate::Where::item(plan, di, "content");
                    at.parent_stt = Some(p.stt.trim().to_string());
                    let kind = if a.ascii == b.ascii {
                        "diacritics"
                    } else {
                        "letter"
                    };
                    let f = if draft_right {
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh203-parent-wrong",
                                word = dword,
                                kind = kind,
                                parent_word = pword,
                                stt = p.stt.trim()
                            ),
                            at,
                        )
                        .severity(Severity::Info)
                        .text(dword)
                    } else {
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh203-differs",
                                word = dword,
                                kind = kind,
                                parent_word = pword,
                                stt = p.stt.trim()
                            ),
                            at,
                        )
                        .text(dword)
                        .suggest(format!("\"{pword}\""))
                        .fix(dword, pword)
                    };
                    out.push(f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_and_tone() {
        let m = near_misses(
            "Kiểm toàn đội ngũ cán bộ, công chức đầu mối",
            "Kiện toàn đội ngũ cán bộ, công chức đầu mối",
        );
        assert_eq!(m.len(), 1);
        let m = near_misses(
            "đồng bộ với Công Dịch vụ công quốc gia",
            "đồng bộ với Cổng Dịch vụ công quốc gia",
        );
        assert_eq!(m.len(), 1);
        let m = near_misses(
            "Rà soát, kiện toàn đội ngũ công chức đầu mối",
            "Kiểm toàn đội ngũ cán bộ, công chức đầu mối",
        );
        assert_eq!(m.len(), 1);
        // Tone placement alone is no difference.
        assert!(near_misses("Đơn giản hoá thủ tục", "Đơn giản hóa thủ tục").is_empty());
    }
}
