//! Matching items by content: token Dice on `match_key` tokens (abbreviations expanded),
//! plus containment, so that rewording, merged items and split items still match.

use std::collections::HashMap;

/// Abbreviations written both ways in plans, expanded before matching.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("TTHC", "thủ tục hành chính"),
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("QPPL", "quy phạm pháp luật"),
    ("CCHC", "cải cách hành chính"),
    ("DVC", "dịch vụ công"),
    ("DVCTT", "dịch vụ công trực tuyến"),
    ("CSDL", "cơ sở dữ liệu"),
    ("PVHCC", "phục vụ hành chính công"),
    ("CNTT", "công nghệ thông tin"),
];

/// The abbreviations as keys: (abbreviation key, expansion tokens).
fn abbreviation_keys() -> &'static [(String, Vec<String>)] {
    static KEYS: std::sync::OnceLock<Vec<(String, Vec<String>)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        ABBREVIATIONS
            .iter()
            .map(|(a, e)| {
                (
                    kehoach_text::match_key(a),
                    kehoach_text::match_key(e)
                        .split(' ')
                        .map(String::from)
                        .collect(),
                )
            })
            .collect()
    })
}

/// The tokens of a text for matching: `match_key` words, abbreviations expanded, without
/// numbers, dates and document references (they change between editions of a plan).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let text = crate::textscan::blank_refs(text);
    for t in kehoach_text::match_key(&text).split(' ') {
        if t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if let Some((_, exp)) = abbreviation_keys().iter().find(|(a, _)| a == t) {
            out.extend(exp.iter().cloned());
        } else {
            out.push(t.to_string());
        }
    }
    out
}

/// Token weights: rarer words count more (inverse document frequency over the items of the
/// plans being compared), so that "kiểm soát thủ tục hành chính", present in every item,
/// does not make two items alike.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    idf: HashMap<String, f64>,
    default: f64,
}

impl Weights {
    /// Weights from a corpus of token lists (one per item).
    pub fn from_docs<'a>(docs: impl IntoIterator<Item = &'a Vec<String>>) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0usize;
        for d in docs {
            n += 1;
            let mut seen: Vec<&String> = d.iter().collect();
            seen.sort();
            seen.dedup();
            for t in seen {
                *df.entry(t.clone()).or_default() += 1;
            }
        }
        let n = n.max(1) as f64;
        Weights {
            idf: df
                .into_iter()
                .map(|(t, c)| (t, (1.0 + n / c as f64).ln()))
                .collect(),
            default: (1.0 + n).ln(),
        }
    }

    /// Every token weighs 1.
    pub fn uniform() -> Self {
        Weights {
            idf: HashMap::new(),
            default: 1.0,
        }
    }

    pub fn of(&self, t: &str) -> f64 {
        self.idf.get(t).copied().unwrap_or(self.default)
    }

    fn total(&self, ts: &[String]) -> f64 {
        ts.iter().map(|t| self.of(t)).sum()
    }
}

/// Weight of the multiset intersection.
fn common_w(a: &[String], b: &[String], w: &Weights) -> f64 {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for t in a {
        *m.entry(t.as_str()).or_default() += 1;
    }
    let mut c = 0.0;
    for t in b {
        if let Some(n) = m.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                c += w.of(t);
            }
        }
    }
    c
}

/// Size of the multiset intersection.
pub fn common(a: &[String], b: &[String]) -> usize {
    common_w(a, b, &Weights::uniform()) as usize
}

/// Plain token Dice.
pub fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// How well `draft` covers `parent`, with weighted tokens: the best of Dice, the share of
/// the parent's words found in the draft (a draft item that merged several parent items) and
/// the share of the draft's words found in the parent (a parent item split in the draft).
/// Containment counts only for texts long enough to mean something and already alike
/// (Dice ≥ 0.3), and is slightly discounted.
pub fn score(parent: &[String], draft: &[String], w: &Weights) -> f64 {
    if parent.is_empty() || draft.is_empty() {
        return 0.0;
    }
    let (tp, td) = (w.total(parent), w.total(draft));
    let c = common_w(parent, draft, w);
    let d = 2.0 * c / (tp + td);
    if d < 0.3 {
        return d;
    }
    let cov_p = if parent.len() >= 4 { 0.9 * c / tp } else { 0.0 };
    let cov_d = if draft.len() >= 8 { 0.85 * c / td } else { 0.0 };
    d.max(cov_p).max(cov_d)
}

/// The best match of `parent` among `drafts` (token lists; `None` for items that may not
/// match, such as group headings), also trying each pair of neighbouring draft items
/// together (a split item): (index, score, pair).
pub fn best_match(
    parent: &[String],
    drafts: &[Option<Vec<String>>],
    w: &Weights,
) -> Option<(usize, f64, bool)> {
    let mut best: Option<(usize, f64, bool)> = None;
    for (i, d) in drafts.iter().enumerate() {
        let Some(d) = d else { continue };
        let s = score(parent, d, w);
        if best.map_or(true, |b| s > b.1) {
            best = Some((i, s, false));
        }
        if let Some(Some(next)) = drafts.get(i + 1) {
            if parent.len() >= 6 {
                let mut both = d.clone();
                both.extend(next.iter().cloned());
                let c = common_w(parent, &both, w);
                let dd = 2.0 * c / (w.total(parent) + w.total(&both));
                let s2 = 0.85 * c / w.total(parent);
                if dd >= 0.3 && best.map_or(true, |b| s2 > b.1 + 0.05) {
                    best = Some((i, s2, true));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_items_match() {
        let p = tokens("Cập nhật, đồng bộ 100% hồ sơ tiếp nhận, giải quyết vào Hệ thống thông tin giải quyết TTHC của tỉnh");
        let d = tokens("Cập nhật, đồng bộ 100% hồ sơ tiếp nhận, giải quyết vào Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh");
        let w = Weights::uniform();
        assert!(score(&p, &d, &w) > 0.99);
        let unrelated = tokens("Báo cáo thực hiện kiểm soát TTHC");
        assert!(score(&p, &unrelated, &w) < 0.4);
    }
}
