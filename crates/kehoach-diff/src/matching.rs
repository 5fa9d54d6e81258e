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

/// The tokens of a text for matching.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in kehoach_text::match_key(text).split(' ') {
        if t.is_empty() {
            continue;
        }
        if let Some((_, exp)) = ABBREVIATIONS
            .iter()
            .find(|(a, _)| kehoach_text::match_key(a) == t)
        {
            out.extend(kehoach_text::match_key(exp).split(' ').map(String::from));
        } else {
            out.push(t.to_string());
        }
    }
    out
}

/// Size of the multiset intersection.
pub fn common(a: &[String], b: &[String]) -> usize {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for t in a {
        *m.entry(t.as_str()).or_default() += 1;
    }
    let mut c = 0;
    for t in b {
        if let Some(n) = m.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                c += 1;
            }
        }
    }
    c
}

pub fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// How well `draft` covers `parent`: the best of Dice, the share of the parent's words found
/// in the draft (a draft item that merged several parent items) and the share of the draft's
/// words found in the parent (a parent item split in the draft), the containments slightly
/// discounted.
pub fn score(parent: &[String], draft: &[String]) -> f64 {
    if parent.is_empty() || draft.is_empty() {
        return 0.0;
    }
    let c = common(parent, draft) as f64;
    let d = 2.0 * c / (parent.len() + draft.len()) as f64;
    let cov_p = if parent.len() >= 4 {
        0.95 * c / parent.len() as f64
    } else {
        0.0
    };
    let cov_d = if draft.len() >= 5 {
        0.9 * c / draft.len() as f64
    } else {
        0.0
    };
    d.max(cov_p).max(cov_d)
}

/// The best match of `parent` among `drafts` (token lists), also trying each pair of
/// neighbouring draft items together (a split item): (index, score, pair).
pub fn best_match(parent: &[String], drafts: &[Vec<String>]) -> Option<(usize, f64, bool)> {
    let mut best: Option<(usize, f64, bool)> = None;
    for (i, d) in drafts.iter().enumerate() {
        let s = score(parent, d);
        if best.map_or(true, |b| s > b.1) {
            best = Some((i, s, false));
        }
        if i + 1 < drafts.len() && parent.len() >= 4 {
            let mut both = d.clone();
            both.extend(drafts[i + 1].iter().cloned());
            let c = common(parent, &both) as f64;
            let s2 = 0.9 * c / parent.len() as f64;
            if best.map_or(true, |b| s2 > b.1 + 0.05) {
                best = Some((i, s2, true));
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
        assert!(score(&p, &d) > 0.99);
        let unrelated = tokens("Báo cáo thực hiện kiểm soát TTHC");
        assert!(score(&p, &unrelated) < 0.4);
    }
}
