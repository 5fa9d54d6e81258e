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

use crate::matching::{score, tokens, Weights};

/// A field of an item that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// "content", "lead", "support", "deadline", "kind".
    pub field: &'static str,
    pub old: String,
    pub new: String,
    /// The texts differ only in the years they name: (old years, new years).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_only: Option<(Vec<i32>, Vec<i32>)>,
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
    pub unchanged: usize,
}

/// A plan diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff {
    pub entries: Vec<Entry>,
    pub summary: Summary,
    /// Metadata fields that differ (title, date, number, issuer, plan year).
    pub meta: Vec<FieldChange>,
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
        old: old.to_string(),
        new: new.to_string(),
        years_only,
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
    .collect()
}

fn stt_key(s: &str) -> String {
    s.trim().trim_end_matches('.').to_string()
}

/// Compares two plans.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let ot: Vec<Vec<String>> = old.items.iter().map(|i| tokens(&i.content)).collect();
    let nt: Vec<Vec<String>> = new.items.iter().map(|i| tokens(&i.content)).collect();
    let w = Weights::from_docs(ot.iter().chain(nt.iter()));
    // Candidate pairs above the threshold, best first; same number and same kind break ties.
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in ot.iter().enumerate() {
        for (j, b) in nt.iter().enumerate() {
            let (ia, ib) = (&old.items[i], &new.items[j]);
            let mut s = if a.is_empty() && b.is_empty() {
                0.0
            } else {
                let s1 = score(a, b, &w);
                let s2 = score(b, a, &w);
                s1.max(s2)
            };
            if kehoach_text::match_key(&ia.content) == kehoach_text::match_key(&ib.content) {
                s = s.max(1.0);
            }
            if s < 0.5 {
                continue;
            }
            let bonus = if stt_key(&ia.stt) == stt_key(&ib.stt) {
                0.02
            } else {
                0.0
            } + if ia.kind == ib.kind { 0.01 } else { 0.0 };
            cands.push((s + bonus, i, j));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_to_new: Vec<Option<(usize, f64)>> = vec![None; old.items.len()];
    let mut new_to_old: Vec<Option<usize>> = vec![None; new.items.len()];
    for (s, i, j) in cands {
        if old_to_new[i].is_none() && new_to_old[j].is_none() {
            old_to_new[i] = Some((j, s.min(1.0)));
            new_to_old[j] = Some(i);
        }
    }
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
    let (om, nm) = (&old.document, &new.document);
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
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
    ]
    .into_iter()
    .flatten()
    .collect();
    PlanDiff {
        entries,
        summary,
        meta,
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
    if n.saturating_mul(m) > 4_000_000 {
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
}
