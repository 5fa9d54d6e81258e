//! Matching items by content: token Dice on `match_key` tokens (abbreviations expanded),
//! plus containment, so that rewording, merged items and split items still match.

use std::collections::HashMap;

use kehoach_parse::plan::Item;

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
}

/// Token lists interned for scoring many pairs: each distinct token gets a small id and its
/// weight, so that scoring a pair is two passes over id arrays instead of hashing strings.
/// One vocabulary serves one set of [`Weights`] (a token's weight is fixed when it is first
/// interned).
/// Comparing two plans scores every pair of their items (n × m), and a hostile draft can have
/// 100,000 rows; see [`MatchLimit`].
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    weight: Vec<f64>,
    /// Scratch multiset counts, by id (all zero between calls).
    counts: Vec<u32>,
}

/// A token list in a [`Vocab`]: its ids in text order and its total weight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bag {
    ids: Vec<u32>,
    total: f64,
}

impl Bag {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Vocab {
    /// Interns a token list with the weights `w` gives its tokens.
    pub fn bag(&mut self, ts: &[String], w: &Weights) -> Bag {
        let mut total = 0.0;
        let ids = ts
            .iter()
            .map(|t| {
                let n = self.weight.len() as u32;
                let id = *self.ids.entry(t.clone()).or_insert_with(|| {
                    self.weight.push(w.of(t));
                    self.counts.push(0);
                    n
                });
                total += self.weight[id as usize];
                id
            })
            .collect();
        Bag { ids, total }
    }

    /// Weight of the multiset intersection of `a` with the concatenation of `bs`, summed in
    /// the order of `bs`' tokens.
    fn common(&mut self, a: &Bag, bs: &[&Bag]) -> f64 {
        let mut c = 0.0;
        let weight = &self.weight;
        intersect(&mut self.counts, a, bs, |t| c += weight[t as usize]);
        c
    }

    /// [`score`] on interned lists.
    pub fn score(&mut self, parent: &Bag, draft: &Bag) -> f64 {
        if parent.is_empty() || draft.is_empty() {
            return 0.0;
        }
        let (tp, td) = (parent.total, draft.total);
        let c = self.common(parent, &[draft]);
        let d = 2.0 * c / (tp + td);
        if d < 0.3 {
            return d;
        }
        let cov_p = if parent.len() >= 4 { 0.9 * c / tp } else { 0.0 };
        let cov_d = if draft.len() >= 8 { 0.85 * c / td } else { 0.0 };
        d.max(cov_p).max(cov_d)
    }

    /// [`dice`] on interned lists (token counts, not weights).
    pub fn dice(&mut self, a: &Bag, b: &Bag) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let mut c = 0usize;
        intersect(&mut self.counts, a, &[b], |_| c += 1);
        2.0 * c as f64 / (a.len() + b.len()) as f64
    }

    /// The best match of `parent` among `drafts` (`None` for items that may not match, such
    /// as group headings), also trying each pair of neighbouring draft items together (a
    /// split item): (index, score, pair).
    pub fn best_match(
        &mut self,
        parent: &Bag,
        drafts: &[Option<Bag>],
    ) -> Option<(usize, f64, bool)> {
        let mut best: Option<(usize, f64, bool)> = None;
        for (i, d) in drafts.iter().enumerate() {
            let Some(d) = d else { continue };
            let s = self.score(parent, d);
            if best.is_none_or(|b| s > b.1) {
                best = Some((i, s, false));
            }
            if let Some(Some(next)) = drafts.get(i + 1) {
                if parent.len() >= 6 {
                    let c = self.common(parent, &[d, next]);
                    let both_total = next
                        .ids
                        .iter()
                        .fold(d.total, |t, &id| t + self.weight[id as usize]);
                    let dd = 2.0 * c / (parent.total + both_total);
                    let s2 = 0.85 * c / parent.total;
                    if dd >= 0.3 && best.is_none_or(|b| s2 > b.1 + 0.05) {
                        best = Some((i, s2, true));
                    }
                }
            }
        }
        best
    }
}

/// Walks the multiset intersection of `a` with the concatenation of `bs`, calling `hit` with
/// each shared token of `bs`, in their order. `counts` is scratch indexed by token id, all
/// zero before and after.
fn intersect(counts: &mut [u32], a: &Bag, bs: &[&Bag], mut hit: impl FnMut(u32)) {
    for &t in &a.ids {
        counts[t as usize] += 1;
    }
    for b in bs {
        for &t in &b.ids {
            let n = &mut counts[t as usize];
            if *n > 0 {
                *n -= 1;
                hit(t);
            }
        }
    }
    for &t in &a.ids {
        counts[t as usize] = 0;
    }
}

/// Interns two token lists (for the one-pair functions below).
fn pair_bags(a: &[String], b: &[String], w: &Weights) -> (Vocab, Bag, Bag) {
    let mut v = Vocab::default();
    let (ba, bb) = (v.bag(a, w), v.bag(b, w));
    (v, ba, bb)
}

/// Size of the multiset intersection.
pub fn common(a: &[String], b: &[String]) -> usize {
    let (mut v, ba, bb) = pair_bags(a, b, &Weights::uniform());
    v.common(&ba, &[&bb]) as usize
}

/// Plain token Dice.
pub fn dice(a: &[String], b: &[String]) -> f64 {
    let (mut v, ba, bb) = pair_bags(a, b, &Weights::uniform());
    v.dice(&ba, &bb)
}

/// How well `draft` covers `parent`, with weighted tokens: the best of Dice, the share of
/// the parent's words found in the draft (a draft item that merged several parent items) and
/// the share of the draft's words found in the parent (a parent item split in the draft).
/// Containment counts only for texts long enough to mean something and already alike
/// (Dice ≥ 0.3), and is slightly discounted.
pub fn score(parent: &[String], draft: &[String], w: &Weights) -> f64 {
    let (mut v, bp, bd) = pair_bags(parent, draft, w);
    v.score(&bp, &bd)
}

/// The largest word-by-word alignment (words × words) of two texts; longer pairs are not
/// aligned (KH203 compares no words, the word diff shows the whole old and new texts).
pub const ALIGN_CELLS: usize = 4_000_000;

/// How much matching one comparison may do, in word comparisons: comparing plans scores
/// every pair of their items (draft × parent, old × new), and scoring a pair reads both
/// items' words, so the work is n × m + m × (words of the n items) + n × (words of the m
/// items); then each left item is aligned word by word with its match (KH203's twin, the
/// diff's word diff), at most its words × the words of the longest right item, and never
/// more than [`ALIGN_CELLS`]. Two hostile 100,000-row tables would take hours; real plans
/// (a few hundred items of at most ~160 words) take a fraction of the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchLimit(pub u64);

impl Default for MatchLimit {
    fn default() -> Self {
        MatchLimit(MatchLimit::DEFAULT)
    }
}

impl MatchLimit {
    /// 250,000,000 word comparisons: 1–2.5 s here (a word comparison, the two scores of a
    /// pair included, costs 5 ns on 004's items (35 words) and 7 ns on items of 490 words,
    /// where the weighted sum's additions are the bound). A large real comparison (two
    /// plans of 500 items of 100 words) takes 55,000,000; 003 against 004 takes 260,394.
    pub const DEFAULT: u64 = 250_000_000;

    /// Refuses comparing `left` with `right` past the limit.
    pub fn allow(self, left: &[Item], right: &[Item]) -> Result<(), TooMuchMatching> {
        let words = |items: &[Item]| -> Vec<u64> {
            items
                .iter()
                .map(|i| i.content.split_whitespace().count() as u64)
                .collect()
        };
        let (wl, wr) = (words(left), words(right));
        let (sum_l, sum_r): (u64, u64) = (wl.iter().sum(), wr.iter().sum());
        let longest_right = wr.iter().copied().max().unwrap_or(0);
        let aligning = wl
            .iter()
            .map(|&w| w.saturating_mul(longest_right).min(ALIGN_CELLS as u64))
            .fold(0, u64::saturating_add);
        let (n, m) = (left.len() as u64, right.len() as u64);
        let work = n
            .saturating_mul(m)
            .saturating_add(m.saturating_mul(sum_l))
            .saturating_add(n.saturating_mul(sum_r))
            .saturating_add(aligning);
        if work > self.0 {
            return Err(TooMuchMatching {
                left: (left.len(), sum_l),
                right: (right.len(), sum_r),
                work,
                limit: self.0,
            });
        }
        Ok(())
    }
}

/// A comparison refused by its [`MatchLimit`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooMuchMatching {
    /// Items and words of each side.
    pub left: (usize, u64),
    pub right: (usize, u64),
    /// Word comparisons it would take.
    pub work: u64,
    pub limit: u64,
}

impl std::fmt::Display for TooMuchMatching {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "matching {} items ({} words) with {} items ({} words) takes {} word comparisons, \
             over the limit of {} (raise it with --max-word-comparisons)",
            self.left.0, self.left.1, self.right.0, self.right.1, self.work, self.limit
        )
    }
}

impl std::error::Error for TooMuchMatching {}

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
