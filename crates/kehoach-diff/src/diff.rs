//! Plan diff: items aligned by content, not by number.
//!
//! Two editions of a plan (last year's and this year's, a draft and its parent, a plan and
//! an edited copy) are compared item by item. Items are paired by what they say (weighted
//! token Dice on normalised keys, see [`crate::matching`]), so renumbering does not make
//! everything look changed; each pair then says which fields changed, whether its number
//! changed, and whether a change only updates a year.

use std::sync::OnceLock;

use kehoach_parse::plan::{Item, ItemKind, Plan};
use regex::Regex;
use serde::Serialize;

use crate::matching::{tokens, MatchLimit, TooMuchMatching, Vocab, Weights};

/// A field of an item or of the document that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// Items: "content", "lead", "support", "deadline", "kind", "extra" (a column of its
    /// own: see `column`). Document: "title", "issuer", "number", "date", "plan_year",
    /// "signer.authority", "signer.position", "signer.name".
    pub field: &'static str,
    /// The header of an extra column ("Sản phẩm", "Ghi chú", "Kinh phí" …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub old: String,
    pub new: String,
    /// The texts differ only in the years they name: (old years, new years).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_only: Option<(Vec<i32>, Vec<i32>)>,
    /// The old text is the new one with blanks (number, day) not yet filled in: a draft
    /// and its signed version (see [`crate::docdiff::filled_in`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub filled_in: bool,
}

/// One entry of a plan diff, in the order of the new plan (removed items where they were).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Entry {
    /// An item of the new plan with no counterpart in the old.
    Added {
        new: usize,
        stt: String,
        content: String,
    },
    /// An item of the old plan with no counterpart in the new.
    Removed {
        old: usize,
        stt: String,
        content: String,
    },
    /// A pair of items, changed or not.
    Matched {
        old: usize,
        new: usize,
        old_stt: String,
        new_stt: String,
        renumbered: bool,
        score: f64,
        changes: Vec<FieldChange>,
        /// This item and the item numbered `swapped_with` traded places: each now has the
        /// other's number (a swap, not two renumberings).
        #[serde(skip_serializing_if = "Option::is_none")]
        swapped_with: Option<String>,
    },
}

impl Entry {
    /// A pair with nothing changed, not even the number.
    pub fn is_same(&self) -> bool {
        matches!(self, Entry::Matched { renumbered: false, changes, .. } if changes.is_empty())
    }
}

/// Counts of a diff.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    /// Changes that only update years.
    pub years_only: usize,
    pub renumbered: usize,
    /// Pairs of items that traded numbers (not counted as renumbered).
    pub swapped: usize,
    pub unchanged: usize,
    /// Body paragraphs added, removed, reworded, and with only blanks filled in.
    pub paragraphs_added: usize,
    pub paragraphs_removed: usize,
    pub paragraphs_changed: usize,
    pub paragraphs_filled_in: usize,
    /// Lists of the document (recipients, legal bases) that differ.
    pub lists_changed: usize,
}

/// A plan diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff {
    pub entries: Vec<Entry>,
    pub summary: Summary,
    /// Metadata fields that differ (title, date, number, issuer, plan year, signer).
    pub meta: Vec<FieldChange>,
    /// Lists of the document that differ (recipients, legal bases).
    pub lists: Vec<crate::docdiff::ListChange>,
    /// Body paragraphs that differ (only when both documents are at hand: [`diff_sources`]).
    pub body: Vec<crate::docdiff::ParaChange>,
}

fn years_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:19|20)\d{2}\b").expect("static regex"))
}

/// The years in a text and its key with the years blanked.
fn without_years(s: &str) -> (Vec<i32>, String) {
    let ys = years_re()
        .find_iter(s)
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    (
        ys,
        kehoach_text::match_key(&years_re().replace_all(s, "YEAR")),
    )
}

/// A field change, or None when the two texts are the same text (same match key: tone
/// placement, case and spacing do not count).
pub fn field_change(field: &'static str, old: &str, new: &str) -> Option<FieldChange> {
    if kehoach_text::match_key(old) == kehoach_text::match_key(new) {
        return None;
    }
    let (oy, ok) = without_years(old);
    let (ny, nk) = without_years(new);
    let years_only = (ok == nk && oy != ny).then_some((oy, ny));
    Some(FieldChange {
        field,
        column: None,
        old: old.to_string(),
        new: new.to_string(),
        years_only,
        filled_in: crate::docdiff::filled_in(old, new),
    })
}

fn changes(a: &Item, b: &Item) -> Vec<FieldChange> {
    let kind = |k: ItemKind| match k {
        ItemKind::Group => "group",
        ItemKind::Task => "task",
    };
    [
        field_change("content", &a.content, &b.content),
        field_change("lead", &a.lead.join("; "), &b.lead.join("; ")),
        field_change("support", &a.support.join("; "), &b.support.join("; ")),
        field_change("deadline", &a.deadline.text, &b.deadline.text),
        field_change("kind", kind(a.kind), kind(b.kind)),
    ]
    .into_iter()
    .flatten()
    .chain(extra_changes(a, b))
    .collect()
}

/// Changes of the columns of their own (sản phẩm, ghi chú, kinh phí …), by header key: a
/// column only one plan has counts as blank in the other.
fn extra_changes(a: &Item, b: &Item) -> Vec<FieldChange> {
    let mut cols: Vec<(String, &str)> = Vec::new();
    for k in a.extra.keys().chain(b.extra.keys()) {
        let key = kehoach_text::match_key(k);
        if !cols.iter().any(|(c, _)| *c == key) {
            cols.push((key, k));
        }
    }
    let get = |it: &Item, key: &str| -> String {
        it.extra
            .iter()
            .find(|(h, _)| kehoach_text::match_key(h) == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    cols.into_iter()
        .filter_map(|(key, header)| {
            field_change("extra", &get(a, &key), &get(b, &key)).map(|mut c| {
                c.column = Some(header.to_string());
                c
            })
        })
        .collect()
}

fn stt_key(s: &str) -> String {
    s.trim().trim_end_matches('.').to_string()
}

/// Candidates kept per old item; more are found again when these are taken.
const KEEP: usize = 8;

/// An old item's best candidates, (score, new index) best first.
struct Candidates {
    list: Vec<(f64, usize)>,
    next: usize,
    /// Some candidates were dropped for `KEEP`.
    truncated: bool,
}

impl Candidates {
    /// The `KEEP` best new items for old item `i` among those not yet taken: score
    /// descending, then index ascending.
    fn best(
        i: usize,
        taken: &[Option<usize>],
        score: &mut impl FnMut(usize, usize) -> Option<f64>,
    ) -> Self {
        let mut list: Vec<(f64, usize)> = Vec::with_capacity(KEEP + 1);
        let mut truncated = false;
        for (j, t) in taken.iter().enumerate() {
            if t.is_some() {
                continue;
            }
            let Some(s) = score(i, j) else { continue };
            if list.len() == KEEP {
                truncated = true;
                // Later indices lose ties.
                if s <= list[KEEP - 1].0 {
                    continue;
                }
                list.pop();
            }
            let at = list.partition_point(|&(t, _)| t >= s);
            list.insert(at, (s, j));
        }
        Candidates {
            list,
            next: 0,
            truncated,
        }
    }
}

/// A heap entry: the best remaining candidate of old item `i`.
#[derive(PartialEq)]
struct Head {
    s: f64,
    i: usize,
    j: usize,
}

impl Eq for Head {}

impl Ord for Head {
    /// Highest score first, then lowest old index, then lowest new index.
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.s
            .total_cmp(&o.s)
            .then(o.i.cmp(&self.i))
            .then(o.j.cmp(&self.j))
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

/// Old → (new, score ≤ 1) and new → old.
type Pairing = (Vec<Option<(usize, f64)>>, Vec<Option<usize>>);

/// Pairs old and new items greedily: of all candidate pairs, best score first (ties: lower
/// old index, then lower new index), a pair is taken when both items are still free. Each
/// old item keeps only its `KEEP` best candidates (looking again when they are all taken),
/// so memory stays O(items) where a list of all candidate pairs would hold up to n × m;
/// the pairs chosen are the same.
fn greedy_pairs(
    n_old: usize,
    n_new: usize,
    score: &mut impl FnMut(usize, usize) -> Option<f64>,
) -> Pairing {
    let mut old_to_new: Vec<Option<(usize, f64)>> = vec![None; n_old];
    let mut new_to_old: Vec<Option<usize>> = vec![None; n_new];
    let mut cands: Vec<Candidates> = (0..n_old)
        .map(|i| Candidates::best(i, &new_to_old, score))
        .collect();
    let mut heap: std::collections::BinaryHeap<Head> = cands
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.list.first().map(|&(s, j)| Head { s, i, j }))
        .collect();
    while let Some(Head { s, i, j }) = heap.pop() {
        if new_to_old[j].is_none() {
            old_to_new[i] = Some((j, s.min(1.0)));
            new_to_old[j] = Some(i);
            continue;
        }
        let c = &mut cands[i];
        c.next += 1;
        if c.next == c.list.len() && c.truncated {
            *c = Candidates::best(i, &new_to_old, score);
        }
        if let Some(&(s, j)) = c.list.get(c.next) {
            heap.push(Head { s, i, j });
        }
    }
    (old_to_new, new_to_old)
}

/// Compares two plans, refusing plans too large to match under the default [`MatchLimit`].
pub fn diff(old: &Plan, new: &Plan) -> Result<PlanDiff, TooMuchMatching> {
    diff_limited(old, new, MatchLimit::default())
}

/// Compares two plans: every pair of items is scored, so `limit` bounds the work.
pub fn diff_limited(
    old: &Plan,
    new: &Plan,
    limit: MatchLimit,
) -> Result<PlanDiff, TooMuchMatching> {
    limit.allow(&old.items, &new.items)?;
    let ot: Vec<Vec<String>> = old.items.iter().map(|i| tokens(&i.content)).collect();
    let nt: Vec<Vec<String>> = new.items.iter().map(|i| tokens(&i.content)).collect();
    let w = Weights::from_docs(ot.iter().chain(nt.iter()));
    let mut vocab = Vocab::default();
    let ob: Vec<_> = ot.iter().map(|t| vocab.bag(t, &w)).collect();
    let nb: Vec<_> = nt.iter().map(|t| vocab.bag(t, &w)).collect();
    // Per item, once: the content key, the number key and the kind.
    let facts = |items: &[Item]| -> Vec<(String, String, ItemKind)> {
        items
            .iter()
            .map(|it| {
                (
                    kehoach_text::match_key(&it.content),
                    stt_key(&it.stt),
                    it.kind,
                )
            })
            .collect()
    };
    let (of, nf) = (facts(&old.items), facts(&new.items));
    // A pair's score, when it is a candidate (0.5 or more); same number and same kind add a
    // little, to break ties.
    let mut pair_score = |i: usize, j: usize| -> Option<f64> {
        let (a, b, fa, fb) = (&ob[i], &nb[j], &of[i], &nf[j]);
        let mut s = if a.is_empty() && b.is_empty() {
            0.0
        } else {
            let s1 = vocab.score(a, b);
            let s2 = vocab.score(b, a);
            s1.max(s2)
        };
        if fa.0 == fb.0 {
            s = s.max(1.0);
        }
        if s < 0.5 {
            return None;
        }
        let bonus = if fa.1 == fb.1 { 0.02 } else { 0.0 } + if fa.2 == fb.2 { 0.01 } else { 0.0 };
        Some(s + bonus)
    };
    let (old_to_new, new_to_old) = greedy_pairs(old.items.len(), new.items.len(), &mut pair_score);
    let mut entries = Vec::new();
    let mut summary = Summary::default();
    let mut emitted_old = vec![false; old.items.len()];
    let emit_removed_before =
        |limit: usize, emitted: &mut Vec<bool>, entries: &mut Vec<Entry>, summary: &mut Summary| {
            for k in 0..limit {
                if !emitted[k] && old_to_new[k].is_none() {
                    emitted[k] = true;
                    summary.removed += 1;
                    entries.push(Entry::Removed {
                        old: k,
                        stt: old.items[k].stt.trim().to_string(),
                        content: old.items[k].content.clone(),
                    });
                }
            }
        };
    for (j, b) in new.items.iter().enumerate() {
        match new_to_old[j] {
            None => {
                summary.added += 1;
                entries.push(Entry::Added {
                    new: j,
                    stt: b.stt.trim().to_string(),
                    content: b.content.clone(),
                });
            }
            Some(i) => {
                emit_removed_before(i, &mut emitted_old, &mut entries, &mut summary);
                emitted_old[i] = true;
                let a = &old.items[i];
                let ch = changes(a, b);
                let renumbered = stt_key(&a.stt) != stt_key(&b.stt);
                if renumbered {
                    summary.renumbered += 1;
                }
                if ch.is_empty() && !renumbered {
                    summary.unchanged += 1;
                } else if !ch.is_empty() {
                    summary.changed += 1;
                    if ch.iter().all(|c| c.years_only.is_some()) {
                        summary.years_only += 1;
                    }
                }
                entries.push(Entry::Matched {
                    old: i,
                    new: j,
                    old_stt: a.stt.trim().to_string(),
                    new_stt: b.stt.trim().to_string(),
                    renumbered,
                    score: (old_to_new[i].map(|x| x.1).unwrap_or(0.0) * 100.0).round() / 100.0,
                    changes: ch,
                    swapped_with: None,
                });
            }
        }
    }
    emit_removed_before(
        old.items.len(),
        &mut emitted_old,
        &mut entries,
        &mut summary,
    );
    mark_swaps(&mut entries, &mut summary, &new.items);
    let (om, nm) = (&old.document, &new.document);
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let signer = |m: &kehoach_parse::plan::meta::DocumentMeta| {
        let s = m.signer.clone().unwrap_or_default();
        let authority = [s.authority, s.on_behalf_of]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        (
            authority,
            s.position.unwrap_or_default(),
            s.name.unwrap_or_default(),
        )
    };
    let (os, ns) = (signer(om), signer(nm));
    let meta = [
        field_change("title", &opt(&om.title), &opt(&nm.title)),
        field_change("issuer", &opt(&om.issuer), &opt(&nm.issuer)),
        field_change(
            "number",
            &om.number
                .as_ref()
                .map(|n| n.text.clone())
                .unwrap_or_default(),
            &nm.number
                .as_ref()
                .map(|n| n.text.clone())
                .unwrap_or_default(),
        ),
        field_change(
            "date",
            &om.date.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
            &nm.date.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
        ),
        field_change(
            "plan_year",
            &om.plan_year.map(|y| y.to_string()).unwrap_or_default(),
            &nm.plan_year.map(|y| y.to_string()).unwrap_or_default(),
        ),
        field_change("signer.authority", &os.0, &ns.0),
        field_change("signer.position", &os.1, &ns.1),
        field_change("signer.name", &os.2, &ns.2),
    ]
    .into_iter()
    .flatten()
    .collect();
    let refs = |m: &kehoach_parse::plan::meta::DocumentMeta| -> Vec<String> {
        m.legal_bases.iter().map(|r| r.text.clone()).collect()
    };
    let lists: Vec<_> = [
        crate::docdiff::list_diff("recipients", &om.recipients, &nm.recipients),
        crate::docdiff::list_diff("legal_bases", &refs(om), &refs(nm)),
    ]
    .into_iter()
    .flatten()
    .collect();
    summary.lists_changed = lists.len();
    Ok(PlanDiff {
        entries,
        summary,
        meta,
        lists,
        body: Vec::new(),
    })
}

/// Compares two sources: the plans as [`diff_limited`], and the body paragraphs when both
/// documents are at hand.
pub fn diff_sources(
    old: &crate::Source,
    new: &crate::Source,
    limit: MatchLimit,
) -> Result<PlanDiff, TooMuchMatching> {
    let mut d = diff_limited(&old.plan, &new.plan, limit)?;
    if let (Some(a), Some(b)) = (&old.document, &new.document) {
        let skip = crate::docdiff::Skip::of(&[&old.plan.document, &new.plan.document]);
        d.body = crate::docdiff::body_diff_skipping(a, b, &skip);
        for p in &d.body {
            use crate::docdiff::ParaKind as K;
            match p.change {
                K::Added => d.summary.paragraphs_added += 1,
                K::Removed => d.summary.paragraphs_removed += 1,
                K::Changed => d.summary.paragraphs_changed += 1,
                K::FilledIn => d.summary.paragraphs_filled_in += 1,
            }
        }
    }
    Ok(d)
}

/// Two renumbered pairs whose numbers are each other's (old 2 → new 3 and old 3 → new 2)
/// are one swap: the rows traded places (or their contents did). Both entries name the
/// other; the pair counts once as swapped and not as renumbered. Both must sit under the
/// same parent item in the new plan: "a)" and "b)" of two different sections are not a swap.
fn mark_swaps(entries: &mut [Entry], summary: &mut Summary, items: &[Item]) {
    let mut by_numbers: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::new();
    for (k, e) in entries.iter().enumerate() {
        if let Entry::Matched {
            old_stt,
            new_stt,
            renumbered: true,
            ..
        } = e
        {
            by_numbers
                .entry((stt_key(old_stt), stt_key(new_stt)))
                .or_insert(k);
        }
    }
    let mut partner = vec![None; entries.len()];
    for (k, e) in entries.iter().enumerate() {
        if let Entry::Matched {
            old_stt,
            new_stt,
            renumbered: true,
            new,
            ..
        } = e
        {
            if let Some(&o) = by_numbers.get(&(stt_key(new_stt), stt_key(old_stt))) {
                let same_parent = match &entries[o] {
                    Entry::Matched { new: n2, .. } => {
                        items.get(*new).map(|i| &i.parent) == items.get(*n2).map(|i| &i.parent)
                    }
                    _ => false,
                };
                if o != k && same_parent && partner[o].is_none_or(|p| p == k) {
                    partner[k] = Some(o);
                }
            }
        }
    }
    for k in 0..entries.len() {
        let Some(o) = partner[k] else { continue };
        if partner[o] != Some(k) {
            continue;
        }
        let other = match &entries[o] {
            Entry::Matched { new_stt, .. } => new_stt.clone(),
            _ => continue,
        };
        if let Entry::Matched { swapped_with, .. } = &mut entries[k] {
            *swapped_with = Some(other);
        }
        summary.renumbered -= 1;
        if k < o {
            summary.swapped += 1;
        }
    }
}

/// A piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum Piece {
    Same(String),
    Old(String),
    New(String),
}

/// Word-level diff of two texts (words compared on their match keys), as runs.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let ka: Vec<String> = a.iter().map(|w| kehoach_text::match_key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| kehoach_text::match_key(w)).collect();
    let (n, m) = (a.len(), b.len());
    // Too long to align word by word: the whole old text, then the whole new one.
    if n.saturating_mul(m) > crate::matching::ALIGN_CELLS {
        return vec![Piece::Old(a.join(" ")), Piece::New(b.join(" "))];
    }
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if ka[i] == kb[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |p: Piece| match (out.last_mut(), &p) {
        (Some(Piece::Same(x)), Piece::Same(y))
        | (Some(Piece::Old(x)), Piece::Old(y))
        | (Some(Piece::New(x)), Piece::New(y)) => {
            x.push(' ');
            x.push_str(y);
        }
        _ => out.push(p),
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ka[i] == kb[j] {
            push(Piece::Same(b[j].to_string()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || t[i + 1][j] >= t[i][j + 1]) {
            push(Piece::Old(a[i].to_string()));
            i += 1;
        } else {
            push(Piece::New(b[j].to_string()));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The greedy pairing as first written: every candidate pair in one sorted list.
    fn greedy_by_sorting(
        n_old: usize,
        n_new: usize,
        score: &mut impl FnMut(usize, usize) -> Option<f64>,
    ) -> Pairing {
        let mut cands = Vec::new();
        for i in 0..n_old {
            for j in 0..n_new {
                if let Some(s) = score(i, j) {
                    cands.push((s, i, j));
                }
            }
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut old_to_new = vec![None; n_old];
        let mut new_to_old = vec![None; n_new];
        for (s, i, j) in cands {
            if old_to_new[i].is_none() && new_to_old[j].is_none() {
                old_to_new[i] = Some((j, f64::min(s, 1.0)));
                new_to_old[j] = Some(i);
            }
        }
        (old_to_new, new_to_old)
    }

    #[test]
    fn greedy_pairs_keeps_few_candidates_and_pairs_the_same() {
        // Score matrices with many ties and gaps (few distinct scores, some pairs not
        // candidates), sized around KEEP so that candidate lists run out and are refilled.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rand = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..3000 {
            let (n, m) = (rand(30) as usize, rand(30) as usize);
            let levels = 1 + rand(4);
            let holes = rand(3);
            let matrix: Vec<Vec<Option<f64>>> = (0..n)
                .map(|_| {
                    (0..m)
                        .map(|_| (rand(4) >= holes).then(|| 0.5 + rand(levels) as f64 * 0.25))
                        .collect()
                })
                .collect();
            let mut f = |i: usize, j: usize| matrix[i][j];
            assert_eq!(
                greedy_pairs(n, m, &mut f),
                greedy_by_sorting(n, m, &mut f),
                "{matrix:?}"
            );
        }
        // All alike: every old item's first KEEP candidates are taken before its turn.
        let mut same = |_: usize, _: usize| Some(1.0);
        let (o2n, _) = greedy_pairs(100, 100, &mut same);
        assert!(o2n.iter().enumerate().all(|(i, p)| *p == Some((i, 1.0))));
    }

    #[test]
    fn words() {
        let d = word_diff("Kiểm toàn đội ngũ năm 2024", "Kiện toàn đội ngũ năm 2026");
        assert_eq!(
            d,
            vec![
                Piece::Old("Kiểm".into()),
                Piece::New("Kiện".into()),
                Piece::Same("toàn đội ngũ năm".into()),
                Piece::Old("2024".into()),
                Piece::New("2026".into()),
            ]
        );
    }

    #[test]
    fn year_only_change() {
        let c = field_change("content", "Kế hoạch năm 2024", "Kế hoạch năm 2026").unwrap();
        assert_eq!(c.years_only, Some((vec![2024], vec![2026])));
        assert!(field_change("content", "Đơn giản hoá", "Đơn giản hóa").is_none());
        let c = field_change("content", "Kiểm toàn đội ngũ", "Kiện toàn đội ngũ").unwrap();
        assert_eq!(c.years_only, None);
    }

    fn plan(items: Vec<Item>) -> Plan {
        Plan {
            items,
            ..Default::default()
        }
    }

    fn it(stt: &str, parent: Option<&str>, content: &str) -> Item {
        let mut i = crate::rules::tests_support::item(
            stt,
            ItemKind::Task,
            content,
            &["Sở Nội vụ"],
            &[],
            "Quý II/2026",
        );
        i.parent = parent.map(String::from);
        i
    }

    #[test]
    fn two_rows_trading_numbers_are_one_swap() {
        let old = plan(vec![
            it(
                "1",
                None,
                "Rà soát thủ tục hành chính thuộc thẩm quyền của xã",
            ),
            it("2", None, "Tập huấn nghiệp vụ cho công chức một cửa cấp xã"),
            it(
                "3",
                None,
                "Kiểm tra công tác cải cách hành chính tại các phường",
            ),
        ]);
        let new = plan(vec![
            it(
                "1",
                None,
                "Rà soát thủ tục hành chính thuộc thẩm quyền của xã",
            ),
            it(
                "2",
                None,
                "Kiểm tra công tác cải cách hành chính tại các phường",
            ),
            it("3", None, "Tập huấn nghiệp vụ cho công chức một cửa cấp xã"),
        ]);
        let d = diff(&old, &new).unwrap();
        assert_eq!((d.summary.swapped, d.summary.renumbered), (1, 0));
        let sw: Vec<Option<String>> = d
            .entries
            .iter()
            .map(|e| match e {
                Entry::Matched { swapped_with, .. } => swapped_with.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(sw, [None, Some("3".into()), Some("2".into())]);
    }

    #[test]
    fn same_letters_under_different_sections_are_no_swap() {
        // "a)" and "b)" of section 1 and of section 2 trade places across sections: each
        // is renumbered, none swapped.
        let old = plan(vec![
            it(
                "a)",
                Some("1"),
                "Rà soát văn bản quy phạm pháp luật của tỉnh Hà Tĩnh",
            ),
            it(
                "b)",
                Some("2"),
                "Tổ chức hội nghị tập huấn công tác pháp chế cho các sở",
            ),
        ]);
        let new = plan(vec![
            it(
                "a)",
                Some("2"),
                "Tổ chức hội nghị tập huấn công tác pháp chế cho các sở",
            ),
            it(
                "b)",
                Some("1"),
                "Rà soát văn bản quy phạm pháp luật của tỉnh Hà Tĩnh",
            ),
        ]);
        let d = diff(&old, &new).unwrap();
        assert_eq!((d.summary.swapped, d.summary.renumbered), (0, 2));
        // A three-way rotation is no swap either.
        let old = plan(vec![
            it(
                "1",
                None,
                "Rà soát thủ tục hành chính thuộc thẩm quyền của xã",
            ),
            it("2", None, "Tập huấn nghiệp vụ cho công chức một cửa cấp xã"),
            it(
                "3",
                None,
                "Kiểm tra công tác cải cách hành chính tại các phường",
            ),
        ]);
        let new = plan(vec![
            it(
                "1",
                None,
                "Kiểm tra công tác cải cách hành chính tại các phường",
            ),
            it(
                "2",
                None,
                "Rà soát thủ tục hành chính thuộc thẩm quyền của xã",
            ),
            it("3", None, "Tập huấn nghiệp vụ cho công chức một cửa cấp xã"),
        ]);
        let d = diff(&old, &new).unwrap();
        assert_eq!((d.summary.swapped, d.summary.renumbered), (0, 3));
    }

    #[test]
    fn extra_columns_by_header_key() {
        let mut a = it("1", None, "Xây dựng cơ sở dữ liệu cán bộ, công chức cấp xã");
        let mut b = a.clone();
        a.extra.insert("Sản phẩm".into(), "Cơ sở dữ liệu".into());
        a.extra.insert("Ghi chú".into(), "".into());
        // The same header in capitals; a column only the new plan has.
        b.extra
            .insert("SẢN PHẨM".into(), "Cơ sở dữ liệu được cập nhật".into());
        b.extra.insert("Kinh phí".into(), "Ngân sách tỉnh".into());
        let c = changes(&a, &b);
        let got: Vec<(Option<&str>, &str, &str)> = c
            .iter()
            .map(|c| (c.column.as_deref(), c.old.as_str(), c.new.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Sản phẩm"),
                    "Cơ sở dữ liệu",
                    "Cơ sở dữ liệu được cập nhật"
                ),
                (Some("Kinh phí"), "", "Ngân sách tỉnh"),
            ]
        );
        assert!(c.iter().all(|c| c.field == "extra"));
    }
}
