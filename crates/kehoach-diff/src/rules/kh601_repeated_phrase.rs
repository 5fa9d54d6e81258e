use super::{Ctx, Rule, RuleInfo};
use crate::textscan::{words, Word};
use crate::Finding;

declare_rule! {
    /// What it does: reports a word or phrase written twice by mistake: the same clause twice
    /// in a row ("phiền hà, phiền hà"), a short clause repeated around another one ("phiền
    /// hà, tiêu cực, phiền hà"), or two to four words repeated back to back within a clause
    /// ("cấp xã cấp xã"). The repetition must end where the second copy ends (the clause ends
    /// or a function word follows): a phrase followed by a longer phrase that extends it is a
    /// list, not a repetition ("một cửa, một cửa liên thông" is right), and a word that two
    /// compounds share is no repetition ("giao dịch dịch vụ", "song song").
    ///
    /// Why: repeated words come from editing a sentence in place; they read as carelessness
    /// in a signed document.
    ///
    /// Bad: "gây những phiền hà, phiền hà trong giải quyết TTHC".
    ///
    /// Good: "gây những phiền hà, tiêu cực"; "cơ chế một cửa, một cửa liên thông".
    pub struct RepeatedPhrase {
        code: "KH601",
        name: "repeated-phrase",
        severity: Warning,
        summary: "A word or phrase is repeated by mistake",
    }
}

/// Words that may follow a phrase repeated by mistake ("phiền hà, phiền hà trong …"); a
/// repetition followed by anything else is taken as a list of a term and a longer term
/// ("một cửa, một cửa liên thông").
const FUNCTION_WORDS: &[&str] = &[
    "trong", "cho", "của", "và", "tại", "đối", "theo", "để", "với", "ở", "khi", "trên", "từ",
    "đến", "tới", "nhằm", "do", "bởi", "về", "thì", "là", "được", "bị", "đã", "sẽ", "các", "những",
    "này", "đó",
];

fn is_function_word(key: &str) -> bool {
    FUNCTION_WORDS
        .iter()
        .any(|w| kehoach_text::match_key(w) == key)
}

fn key_of(c: &[Word]) -> String {
    c.iter()
        .map(|w| w.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn meaningful(c: &[Word]) -> bool {
    c.iter().any(|w| w.key.chars().any(|ch| ch.is_alphabetic()))
        && c.iter().map(|w| w.key.chars().count()).sum::<usize>() >= 4
        && !c
            .iter()
            .all(|w| w.key.chars().all(|ch| ch.is_ascii_digit()))
}

/// Whether `b` starts with `x` and the repetition ends there: `b` is `x` alone or goes on
/// with a function word.
fn repeats_at_start(x: &[Word], b: &[Word]) -> bool {
    b.len() >= x.len()
        && key_of(&b[..x.len()]) == key_of(x)
        && (b.len() == x.len() || is_function_word(&b[x.len()].key))
}

/// A repetition: byte span of the whole repeated stretch and the phrase.
pub fn repetitions(text: &str) -> Vec<(usize, usize, String)> {
    let ws = words(text);
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    // Clauses: runs of words without punctuation between them.
    let mut clauses: Vec<&[Word]> = Vec::new();
    let mut s = 0;
    for i in 1..=ws.len() {
        if i == ws.len() || ws[i].after_punct {
            clauses.push(&ws[s..i]);
            s = i;
        }
    }
    for ci in 0..clauses.len() {
        let a = clauses[ci];
        'k: for k in (1..=4usize).rev() {
            if a.len() < k {
                continue;
            }
            let x = &a[a.len() - k..];
            if !meaningful(x) {
                continue;
            }
            // "X, X …" and "X, Y, X …" with a short Y.
            for gap in [1usize, 2] {
                let Some(b) = clauses.get(ci + gap) else {
                    continue;
                };
                if gap == 2 && clauses[ci + 1].len() > 3 {
                    continue;
                }
                if repeats_at_start(x, b) {
                    let en = b[k - 1].end;
                    out.push((x[0].start, en, text[x[0].start..x[k - 1].end].to_string()));
                    break 'k;
                }
            }
        }
    }
    // Back to back within a clause: "cấp xã cấp xã".
    for c in &clauses {
        for n in 2..=4usize {
            if c.len() < 2 * n {
                continue;
            }
            for i in 0..=c.len() - 2 * n {
                let x = &c[i..i + n];
                if !meaningful(x) || key_of(x) != key_of(&c[i + n..i + 2 * n]) {
                    continue;
                }
                let rest = &c[i + n..];
                if !repeats_at_start(x, rest) {
                    continue;
                }
                out.push((
                    c[i].start,
                    c[i + 2 * n - 1].end,
                    text[c[i].start..c[i + n - 1].end].to_string(),
                ));
            }
        }
    }
    out
}

impl Rule for RepeatedPhrase {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        for span in &cx.facts.spans {
            if !matches!(
                span.kind,
                "content" | "paragraph" | "title" | "appendix.title"
            ) {
                continue;
            }
            for (s, e, phrase) in repetitions(&span.text) {
                out.push(
                    Finding::new(
                        &Self::INFO,
                        crate::msg!("kh601-repeated", phrase = phrase.as_str()),
                        span.at.clone(),
                    )
                    .text(&span.text[s..e])
                    .suggest(crate::msg!("kh601-repeated-help", phrase = phrase.as_str())),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats() {
        assert_eq!(
            repetitions("gây những phiền hà, phiền hà trong giải quyết").len(),
            1
        );
        assert_eq!(
            repetitions("gây những phiền hà, tiêu cực, phiền hà cho người dân").len(),
            1
        );
        assert!(repetitions("thực hiện cơ chế một cửa, một cửa liên thông").is_empty());
        assert!(repetitions("Định kỳ hàng quý, năm; báo cáo 6 tháng, năm").is_empty());
        assert!(repetitions("các sở, ban, ngành, UBND cấp huyện, cấp xã").is_empty());
        assert_eq!(repetitions("UBND cấp xã cấp xã").len(), 1);
        assert!(repetitions("cơ chế một cửa một cửa liên thông").is_empty());
        assert!(repetitions("giao dịch dịch vụ công; trả kết quả song song").is_empty());
    }
}
