//! What a plan diff sees outside the task table: the body paragraphs, the lists of the
//! document (recipients, legal bases) and the blanks a draft leaves for the clerk.
//!
//! A reviewer's edits between a draft and its signed version are mostly here: targets in the
//! body ("đạt 100%" → "đạt trên 90%"), a target dropped or added, another signer, other
//! recipients. Items are compared in [`crate::diff`]; this module compares the rest.
//!
//! General rules it relies on:
//! - A document's paragraphs keep their order between versions; an edit rewords, inserts or
//!   drops paragraphs but rarely moves them. So paragraphs are aligned by the longest common
//!   subsequence of their keys (tone placement, case and spacing do not count), and the
//!   paragraphs left between two aligned ones are paired by their words.
//! - A draft leaves the number and the day blank ("Số:    /KH-UBND", "ngày    tháng 3 năm
//!   2026", "ngày … tháng … năm 2026"); the clerk fills them in when it is signed. Filling a
//!   blank is not an edit: a text is *filled in* when, digits and blank marks (`.`, `…`, `_`)
//!   set aside, it reads the same, and the numbers of the draft all appear, in order, among
//!   those of the signed text.
//! - Lists (recipients, legal bases) are sets: an entry moved is not a change; an entry
//!   reworded (same words for the most part) is *changed*, not removed and added.

use std::collections::HashMap;

use kehoach_parse::model::{Block, Document};
use serde::Serialize;

use crate::diff::{word_diff, Piece};

/// Most cells of the paragraph alignment table; beyond it, identical paragraphs are aligned
/// in order without the table (linear).
const PARA_CELLS: usize = 1_000_000;
/// Most pairs scored when pairing the reworded paragraphs or list entries of one gap.
const PAIR_CELLS: usize = 40_000;
/// Most word comparisons spent pairing the texts of one gap (each pair reads both texts).
const PAIR_WORDS: usize = 20_000_000;
/// Most word-alignment cells spent on the word diffs of one document's changed paragraphs;
/// past it a changed paragraph is shown whole, old then new.
const WORD_DIFF_CELLS: usize = 16_000_000;

/// Pairing these texts stays within [`PAIR_CELLS`] pairs and [`PAIR_WORDS`] words read.
fn pairing_affordable(old: &[(&str, Vec<String>)], new: &[(&str, Vec<String>)]) -> bool {
    let words =
        |v: &[(&str, Vec<String>)]| v.iter().map(|x| x.0.len() / 4 + x.1.len()).sum::<usize>();
    old.len().saturating_mul(new.len()) <= PAIR_CELLS
        && old
            .len()
            .saturating_mul(words(new))
            .saturating_add(new.len().saturating_mul(words(old)))
            <= PAIR_WORDS
}

/// What happened to a body paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParaKind {
    Added,
    Removed,
    /// Reworded: see the word diff.
    Changed,
    /// Only blanks were filled in (number, day).
    FilledIn,
}

/// A body paragraph that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParaChange {
    pub change: ParaKind,
    /// 1-based index of the paragraph among the old document's blocks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_paragraph: Option<usize>,
    /// 1-based index of the paragraph among the new document's blocks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_paragraph: Option<usize>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub old: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub new: String,
    /// Word by word, for a changed paragraph.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Piece>,
    /// Figures (numbers, percentages, dates) the old text has and the new one lacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures_removed: Vec<String>,
    /// Figures the new text has and the old one lacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures_added: Vec<String>,
}

/// An entry of a list reworded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reworded {
    pub old: String,
    pub new: String,
}

/// A list of the document that differs: entries added, removed, reworded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListChange {
    /// "recipients", "legal_bases".
    pub field: &'static str,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<Reworded>,
}

fn is_blank_mark(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '…' | '_')
}

/// The digit runs of a text.
fn numbers(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .collect()
}

/// `old` is `new` with some blanks (number, day, month) not yet filled in: see the module
/// comment. Equal texts are not "filled in".
pub fn filled_in(old: &str, new: &str) -> bool {
    let (a, b) = (numbers(old), numbers(new));
    if a.len() >= b.len() {
        return false;
    }
    let strip = |s: &str| -> String {
        kehoach_text::match_key(&s.chars().filter(|&c| !is_blank_mark(c)).collect::<String>())
    };
    if strip(old) != strip(new) {
        return false;
    }
    // `a` is a subsequence of `b`.
    let mut it = b.iter();
    a.iter().all(|x| it.any(|y| y == x))
}

/// Word keys of a text, for pairing reworded texts.
fn word_keys(s: &str) -> Vec<String> {
    let mut v: Vec<String> = kehoach_text::match_key(s)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Dice coefficient of two sorted, deduplicated word lists.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Two texts are the same passage reworded: half their words (Dice) in common, or one is
/// the other filled in.
fn similar(a: &str, ak: &[String], b: &str, bk: &[String]) -> Option<f64> {
    if filled_in(a, b) {
        return Some(2.0);
    }
    let d = dice(ak, bk);
    (d >= 0.5).then_some(d)
}

/// Figures of a text: words holding a digit or a percent sign, trimmed of punctuation
/// ("100%", "30/6/2026", "90", "2026").
pub fn figures(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| {
                matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”')
            })
        })
        .filter(|w| w.chars().any(|c| c.is_ascii_digit() || c == '%'))
        .map(str::to_string)
        .collect()
}

/// Multiset difference `a` − `b` (on keys), in the order of `a`.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: HashMap<String, usize> = HashMap::new();
    for x in b {
        *left.entry(kehoach_text::match_key(x)).or_default() += 1;
    }
    a.iter()
        .filter(|x| {
            let k = kehoach_text::match_key(x);
            match left.get_mut(&k) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        })
        .cloned()
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Same(usize, usize),
    Del(usize),
    Ins(usize),
}

/// Aligns two key sequences: longest common subsequence when the table is small enough,
/// else equal keys in order (each new key takes the next old occurrence after the last).
fn align(a: &[String], b: &[String]) -> Vec<Op> {
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf]
    {
        suf += 1;
    }
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<Op> = (0..pre).map(|i| Op::Same(i, i)).collect();
    let (n, m) = (am.len(), bm.len());
    if n.saturating_mul(m) <= PARA_CELLS {
        let w = m + 1;
        let mut t = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                t[i * w + j] = if am[i] == bm[j] {
                    t[(i + 1) * w + j + 1] + 1
                } else {
                    t[(i + 1) * w + j].max(t[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push(Op::Same(pre + i, pre + j));
                i += 1;
                j += 1;
            } else if i < n && (j == m || t[(i + 1) * w + j] >= t[i * w + j + 1]) {
                ops.push(Op::Del(pre + i));
                i += 1;
            } else {
                ops.push(Op::Ins(pre + j));
                j += 1;
            }
        }
    } else {
        let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, k) in am.iter().enumerate().rev() {
            at.entry(k.as_str()).or_default().push(i);
        }
        let mut i = 0;
        for (j, k) in bm.iter().enumerate() {
            let hit = at.get_mut(k.as_str()).and_then(|v| {
                while v.last().is_some_and(|&x| x < i) {
                    v.pop();
                }
                v.pop()
            });
            match hit {
                Some(x) => {
                    while i < x {
                        ops.push(Op::Del(pre + i));
                        i += 1;
                    }
                    ops.push(Op::Same(pre + x, pre + j));
                    i = x + 1;
                }
                None => ops.push(Op::Ins(pre + j)),
            }
        }
        while i < n {
            ops.push(Op::Del(pre + i));
            i += 1;
        }
    }
    for k in 0..suf {
        ops.push(Op::Same(a.len() - suf + k, b.len() - suf + k));
    }
    ops
}

/// Pairs the old and new texts of one gap, in order: each old text takes the most similar
/// new text after the last one taken. Returns, for each old text, its new partner.
fn pair_in_order(old: &[(&str, Vec<String>)], new: &[(&str, Vec<String>)]) -> Vec<Option<usize>> {
    let mut out = vec![None; old.len()];
    if !pairing_affordable(old, new) {
        return out;
    }
    let mut from = 0;
    for (i, (a, ak)) in old.iter().enumerate() {
        let best = (from..new.len())
            .filter_map(|j| similar(a, ak, new[j].0, &new[j].1).map(|s| (s, j)))
            .fold(None, |b: Option<(f64, usize)>, x| match b {
                Some(b) if b.0 >= x.0 => Some(b),
                _ => Some(x),
            });
        if let Some((_, j)) = best {
            out[i] = Some(j);
            from = j + 1;
        }
    }
    out
}

/// Paragraphs left out of the body diff because the diff reports them as fields: the number
/// line, the place-and-date line, the signature block, the recipients.
#[derive(Debug, Clone, Default)]
pub struct Skip {
    /// Keys ([`kehoach_text::match_key`]) of whole paragraphs.
    pub exact: std::collections::HashSet<String>,
    /// Keys a paragraph ends with ("ngày 21 tháng 3 năm 2027" ends "Cần Thơ, ngày …").
    pub suffix: Vec<String>,
}

impl Skip {
    /// The fields of two plans' metadata that a paragraph may hold alone.
    pub fn of(metas: &[&kehoach_parse::plan::DocumentMeta]) -> Self {
        let mut s = Skip::default();
        let mut add = |t: &str| {
            let k = kehoach_text::match_key(t);
            if !k.is_empty() {
                s.exact.insert(k);
            }
        };
        for m in metas {
            if let Some(n) = &m.number {
                add(&n.text);
            }
            if let Some(sg) = &m.signer {
                for x in [&sg.authority, &sg.on_behalf_of, &sg.position, &sg.name]
                    .into_iter()
                    .flatten()
                {
                    add(x);
                }
                if let (Some(a), Some(b)) = (&sg.authority, &sg.on_behalf_of) {
                    add(&format!("{a} {b}"));
                }
            }
            for r in &m.recipients {
                add(r);
            }
        }
        for m in metas {
            if let Some(d) = &m.date {
                let k = kehoach_text::match_key(&d.text);
                if !k.is_empty() {
                    s.suffix.push(k);
                }
            }
        }
        s
    }

    /// A short line (the place and the date, at most 40 more characters) ending with the date.
    fn skips(&self, key: &str) -> bool {
        self.exact.contains(key)
            || self
                .suffix
                .iter()
                .any(|x| key.ends_with(x.as_str()) && key.len() <= x.len() + 40)
    }
}

/// The body paragraphs of a document: (block index, text), empty and skipped ones left out.
fn paragraphs(doc: &Document, skip: &Skip) -> Vec<(usize, String)> {
    doc.blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Paragraph(p) => {
                let t = kehoach_text::clean(&p.display_text());
                (!t.is_empty() && !skip.skips(&kehoach_text::match_key(&t))).then_some((i, t))
            }
            Block::Table(_) => None,
        })
        .collect()
}

fn para_change(
    kind: ParaKind,
    old: Option<&(usize, String)>,
    new: Option<&(usize, String)>,
    budget: &mut usize,
) -> ParaChange {
    let (ot, nt) = (
        old.map(|o| o.1.clone()).unwrap_or_default(),
        new.map(|n| n.1.clone()).unwrap_or_default(),
    );
    let (words, fr, fa) = if kind == ParaKind::Changed {
        let (of, nf) = (figures(&ot), figures(&nt));
        let cells = ot
            .split_whitespace()
            .count()
            .saturating_mul(nt.split_whitespace().count());
        let words = if cells <= *budget {
            *budget -= cells;
            word_diff(&ot, &nt)
        } else {
            vec![Piece::Old(ot.clone()), Piece::New(nt.clone())]
        };
        (words, minus(&of, &nf), minus(&nf, &of))
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    ParaChange {
        change: kind,
        old_paragraph: old.map(|o| o.0 + 1),
        new_paragraph: new.map(|n| n.0 + 1),
        old: ot,
        new: nt,
        words,
        figures_removed: fr,
        figures_added: fa,
    }
}

/// The body paragraphs that differ between two documents, in the order of the new one
/// (removed paragraphs where they were).
pub fn body_diff(old: &Document, new: &Document) -> Vec<ParaChange> {
    body_diff_skipping(old, new, &Skip::default())
}

/// [`body_diff`] without the paragraphs `skip` names (those the diff reports as fields).
pub fn body_diff_skipping(old: &Document, new: &Document, skip: &Skip) -> Vec<ParaChange> {
    let (op, np) = (paragraphs(old, skip), paragraphs(new, skip));
    let ok: Vec<String> = op.iter().map(|p| kehoach_text::match_key(&p.1)).collect();
    let nk: Vec<String> = np.iter().map(|p| kehoach_text::match_key(&p.1)).collect();
    let ops = align(&ok, &nk);
    let mut out = Vec::new();
    let mut budget = WORD_DIFF_CELLS;
    let mut k = 0;
    while k < ops.len() {
        if let Op::Same(..) = ops[k] {
            k += 1;
            continue;
        }
        // A gap: the deleted and inserted paragraphs up to the next aligned pair.
        let (mut dels, mut ins) = (Vec::new(), Vec::new());
        while k < ops.len() {
            match ops[k] {
                Op::Del(i) => dels.push(i),
                Op::Ins(j) => ins.push(j),
                Op::Same(..) => break,
            }
            k += 1;
        }
        let words = |v: &[usize], ps: &[(usize, String)]| -> Vec<String> {
            v.iter().map(|&i| ps[i].1.clone()).collect()
        };
        let (dt, it) = (words(&dels, &op), words(&ins, &np));
        let dk: Vec<(&str, Vec<String>)> = dt.iter().map(|t| (t.as_str(), word_keys(t))).collect();
        let ik: Vec<(&str, Vec<String>)> = it.iter().map(|t| (t.as_str(), word_keys(t))).collect();
        let pairs = pair_in_order(&dk, &ik);
        let mut partner_of_new = vec![None; ins.len()];
        for (d, p) in pairs.iter().enumerate() {
            if let Some(j) = p {
                partner_of_new[*j] = Some(d);
            }
        }
        let mut next_del = 0;
        let flush_removed =
            |upto: usize, next_del: &mut usize, out: &mut Vec<ParaChange>, budget: &mut usize| {
                while *next_del < upto {
                    if pairs[*next_del].is_none() {
                        out.push(para_change(
                            ParaKind::Removed,
                            Some(&op[dels[*next_del]]),
                            None,
                            budget,
                        ));
                    }
                    *next_del += 1;
                }
            };
        for (j, &nj) in ins.iter().enumerate() {
            match partner_of_new[j] {
                Some(d) => {
                    flush_removed(d, &mut next_del, &mut out, &mut budget);
                    let (o, n) = (&op[dels[d]], &np[nj]);
                    let kind = if filled_in(&o.1, &n.1) {
                        ParaKind::FilledIn
                    } else {
                        ParaKind::Changed
                    };
                    out.push(para_change(kind, Some(o), Some(n), &mut budget));
                    next_del = next_del.max(d + 1);
                    // The old paragraphs that followed it and are gone, where they were.
                    let upto = (d + 1..dels.len())
                        .find(|&x| pairs[x].is_some())
                        .unwrap_or(dels.len());
                    flush_removed(upto, &mut next_del, &mut out, &mut budget);
                }
                None => out.push(para_change(
                    ParaKind::Added,
                    None,
                    Some(&np[nj]),
                    &mut budget,
                )),
            }
        }
        flush_removed(dels.len(), &mut next_del, &mut out, &mut budget);
    }
    out
}

/// Two lists compared as sets: entries with the same key are the same entry wherever they
/// are; of the rest, entries with most words in common are one entry reworded.
pub fn list_diff(field: &'static str, old: &[String], new: &[String]) -> Option<ListChange> {
    let removed = minus(old, new);
    let added = minus(new, old);
    if removed.is_empty() && added.is_empty() {
        return None;
    }
    let rk: Vec<(&str, Vec<String>)> = removed.iter().map(|t| (t.as_str(), word_keys(t))).collect();
    let ak: Vec<(&str, Vec<String>)> = added.iter().map(|t| (t.as_str(), word_keys(t))).collect();
    let mut taken = vec![false; added.len()];
    let mut changed = Vec::new();
    let mut gone = Vec::new();
    if pairing_affordable(&rk, &ak) {
        for (a, k) in &rk {
            let best = (0..ak.len())
                .filter(|&j| !taken[j])
                .filter_map(|j| similar(a, k, ak[j].0, &ak[j].1).map(|s| (s, j)))
                .fold(None, |b: Option<(f64, usize)>, x| match b {
                    Some(b) if b.0 >= x.0 => Some(b),
                    _ => Some(x),
                });
            match best {
                Some((_, j)) => {
                    taken[j] = true;
                    changed.push(Reworded {
                        old: a.to_string(),
                        new: ak[j].0.to_string(),
                    });
                }
                None => gone.push(a.to_string()),
            }
        }
    } else {
        gone = removed.clone();
    }
    Some(ListChange {
        field,
        added: added
            .into_iter()
            .zip(taken)
            .filter(|(_, t)| !t)
            .map(|(a, _)| a)
            .collect(),
        removed: gone,
        changed,
    })
}

/// The words of a paragraph diff that changed, for a one-line summary.
pub fn changed_words(p: &[Piece]) -> usize {
    p.iter().filter(|x| !matches!(x, Piece::Same(_))).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_parse::model::{Format, Paragraph};

    fn doc(paras: &[&str]) -> Document {
        let mut d = Document::new(Format::Text);
        for p in paras {
            d.blocks.push(Block::Paragraph(Paragraph {
                text: p.to_string(),
                ..Default::default()
            }));
        }
        d
    }

    #[test]
    fn blanks_filled_in_are_not_edits() {
        assert!(filled_in("Số:      /KH-UBND", "Số: 125/KH-UBND"));
        assert!(filled_in(
            "Lào Cai, ngày      tháng 3 năm 2026",
            "Lào Cai, ngày 18 tháng 3 năm 2026"
        ));
        assert!(filled_in(
            "Cần Thơ, ngày … tháng … năm 2027",
            "Cần Thơ, ngày 5 tháng 02 năm 2027"
        ));
        assert!(filled_in("Số: ....../QĐ-UBND", "Số: 07/QĐ-UBND"));
        // A number changed, a year changed, the same text: not filled in.
        assert!(!filled_in("Số: 12/KH-UBND", "Số: 13/KH-UBND"));
        assert!(!filled_in(
            "ngày 5 tháng 3 năm 2026",
            "ngày 5 tháng 3 năm 2027"
        ));
        assert!(!filled_in("Số: 12/KH-UBND", "Số: 12/KH-UBND"));
        assert!(!filled_in(
            "ngày   tháng 3 năm 2026",
            "ngày 2 tháng 4 năm 2026"
        ));
    }

    #[test]
    fn targets_changed_removed_and_added_in_the_body() {
        let draft = doc(&[
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Phấn đấu 100% hồ sơ thủ tục hành chính được số hóa trong năm 2026.",
            "Tỷ lệ hài lòng của người dân đạt 95%.",
            "II. NHIỆM VỤ",
        ]);
        let signed = doc(&[
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Phấn đấu trên 90% hồ sơ thủ tục hành chính được số hoá trong năm 2026.",
            "Có ít nhất 80% xã, phường cung cấp dịch vụ công trực tuyến toàn trình.",
            "Bảo đảm 100% cán bộ cấp xã được tập huấn kỹ năng số.",
            "Hoàn thành kết nối cơ sở dữ liệu dân cư trước ngày 30/6/2026.",
            "II. NHIỆM VỤ",
        ]);
        let d = body_diff(&draft, &signed);
        let kinds: Vec<ParaKind> = d.iter().map(|p| p.change).collect();
        assert_eq!(
            kinds,
            [
                ParaKind::Changed,
                ParaKind::Removed,
                ParaKind::Added,
                ParaKind::Added,
                ParaKind::Added
            ],
            "{d:#?}"
        );
        assert_eq!(d[0].figures_removed, ["100%"]);
        assert_eq!(d[0].figures_added, ["90%"]);
        assert!(
            d[0].words.contains(&Piece::New("trên 90%".into())),
            "{:?}",
            d[0].words
        );
        assert_eq!((d[0].old_paragraph, d[0].new_paragraph), (Some(2), Some(2)));
        assert_eq!(d[1].old, "Tỷ lệ hài lòng của người dân đạt 95%.");
        assert_eq!(d[4].new_paragraph, Some(5));
        // The same document: nothing.
        assert!(body_diff(&signed, &signed).is_empty());
    }

    #[test]
    fn a_filled_in_date_line_is_not_a_change() {
        let draft = doc(&[
            "Hà Tĩnh, ngày    tháng 4 năm 2026",
            "Kế hoạch chuyển đổi số",
        ]);
        let signed = doc(&[
            "Hà Tĩnh, ngày 21 tháng 4 năm 2026",
            "Kế hoạch chuyển đổi số",
        ]);
        let d = body_diff(&draft, &signed);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].change, ParaKind::FilledIn);
        assert!(d[0].words.is_empty());
    }

    #[test]
    fn lists_are_sets_with_rewordings() {
        let old: Vec<String> = ["Bộ Nội vụ", "UBND các xã, phường", "Lưu: VT, TCCB"]
            .map(String::from)
            .to_vec();
        let new: Vec<String> = [
            "UBND các xã, phường, thị trấn",
            "Bộ Nội vụ",
            "Sở Tài chính",
            "Lưu: VT, TCCB",
        ]
        .map(String::from)
        .to_vec();
        let c = list_diff("recipients", &old, &new).unwrap();
        assert_eq!(c.added, ["Sở Tài chính"]);
        assert!(c.removed.is_empty());
        assert_eq!(
            c.changed,
            [Reworded {
                old: "UBND các xã, phường".into(),
                new: "UBND các xã, phường, thị trấn".into()
            }]
        );
        assert!(list_diff("recipients", &old, &old).is_none());
        // Order alone is no change.
        let mut rev = old.clone();
        rev.reverse();
        assert!(list_diff("recipients", &old, &rev).is_none());
    }

    #[test]
    fn alignment_is_linear_on_huge_inputs() {
        let a: Vec<String> = (0..3000).map(|i| format!("đoạn {i}")).collect();
        let mut b = a.clone();
        b.insert(1500, "đoạn mới".into());
        b.remove(10);
        let ops = align(&a, &b);
        let dels = ops.iter().filter(|o| matches!(o, Op::Del(_))).count();
        let ins = ops.iter().filter(|o| matches!(o, Op::Ins(_))).count();
        assert_eq!((dels, ins), (1, 1));
        // Too large for the table: the in-order fallback still finds the common paragraphs.
        let a: Vec<String> = (0..2000).map(|i| format!("a {}", i % 7)).collect();
        let b: Vec<String> = (0..2000).map(|i| format!("a {}", (i + 3) % 7)).collect();
        let ops = align(&a, &b);
        assert!(ops.iter().filter(|o| matches!(o, Op::Same(..))).count() > 1900);
    }

    #[test]
    fn hostile_bodies_stay_bounded() {
        // Thousands of long paragraphs, every one reworded: pairing and word diffs stay within
        // their budgets (this would take minutes unbounded).
        let long = |i: usize, w: &str| -> String {
            (0..150)
                .map(|k| format!("{w}{} ", (k * 7 + i) % 50))
                .collect()
        };
        let a: Vec<String> = (0..800).map(|i| long(i, "từ")).collect();
        let b: Vec<String> = (0..800).map(|i| long(i, "từ") + "mới").collect();
        let da = doc(&a.iter().map(String::as_str).collect::<Vec<_>>());
        let db = doc(&b.iter().map(String::as_str).collect::<Vec<_>>());
        let t = std::time::Instant::now();
        let d = body_diff(&da, &db);
        assert!(!d.is_empty());
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
        // A gap of a hundred paragraphs, all reworded, is still paired.
        let d = body_diff(
            &doc(&a[..100].iter().map(String::as_str).collect::<Vec<_>>()),
            &doc(&b[..100].iter().map(String::as_str).collect::<Vec<_>>()),
        );
        assert!(
            d.iter().all(|p| p.change == ParaKind::Changed),
            "{}",
            d.len()
        );
        assert_eq!(d.len(), 100);
    }

    #[test]
    fn fields_reported_as_fields_are_not_paragraphs_too() {
        use kehoach_parse::plan::{DocNumber, DocumentMeta, PartialDate, Signer};
        let meta =
            |num: &str, date: &str, pos: &str, name: &str, auth: Option<&str>| DocumentMeta {
                number: Some(DocNumber {
                    text: num.into(),
                    ..Default::default()
                }),
                date: Some(PartialDate {
                    text: date.into(),
                    ..Default::default()
                }),
                signer: Some(Signer {
                    authority: auth.map(|a| a.split(' ').next().unwrap().to_string()),
                    on_behalf_of: auth.map(|a| a.split_once(' ').unwrap().1.to_string()),
                    position: Some(pos.into()),
                    name: Some(name.into()),
                }),
                recipients: vec!["Bộ Nội vụ".into(), "Lưu: VT".into()],
                ..Default::default()
            };
        let a = meta(
            "Số:    /KH-UBND",
            "ngày    tháng 5 năm 2028",
            "CHỦ TỊCH",
            "Hoàng Văn Nam",
            None,
        );
        let b = meta(
            "Số: 77/KH-UBND",
            "ngày 9 tháng 5 năm 2028",
            "PHÓ CHỦ TỊCH",
            "Vi Thị Mai",
            Some("KT. CHỦ TỊCH"),
        );
        let draft = doc(&[
            "Số:    /KH-UBND",
            "Phường Bắc Hà, ngày    tháng 5 năm 2028",
            "Phấn đấu 95% hộ gia đình có sổ sức khỏe điện tử.",
            "- Bộ Nội vụ;",
            "CHỦ TỊCH",
            "Hoàng Văn Nam",
        ]);
        let signed = doc(&[
            "Số: 77/KH-UBND",
            "Phường Bắc Hà, ngày 9 tháng 5 năm 2028",
            "Phấn đấu 98% hộ gia đình có sổ sức khỏe điện tử.",
            "- Bộ Nội vụ;",
            "- Lưu: VT.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Vi Thị Mai",
        ]);
        let d = body_diff_skipping(&draft, &signed, &Skip::of(&[&a, &b]));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].figures_added, ["98%"]);
        // Without the skip list, the signature block and the filled-in lines show too.
        assert!(body_diff(&draft, &signed).len() > 4);
    }
}
