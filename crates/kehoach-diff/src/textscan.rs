//! Word-level scanning of texts: words with their byte spans and match keys, phrase search on
//! `match_key` word boundaries, years named in a text.

use std::sync::OnceLock;

use regex::Regex;

/// A word of a text: where it is, and its key.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// `match_key` of the word.
    pub key: String,
    /// `ascii_key` of the word.
    pub ascii: String,
    /// Whether punctuation other than `-`, `&` and `/` stands between this word and the one
    /// before.
    pub after_punct: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')
}

/// Splits a text into words.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut punct = false;
    let push = |s: usize, e: usize, punct: &mut bool, out: &mut Vec<Word>| {
        let w = &text[s..e];
        out.push(Word {
            start: s,
            end: e,
            key: kehoach_text::match_key(w),
            ascii: kehoach_text::ascii_key(w),
            after_punct: *punct,
        });
        *punct = false;
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take() {
                push(s, i, &mut punct, &mut out);
            }
            if !c.is_whitespace() && !matches!(c, '-' | '&' | '/' | '–') {
                punct = true;
            }
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut punct, &mut out);
    }
    out.retain(|w| !w.key.is_empty());
    out
}

/// The key of "và", dropped when matching names so that "TT&TT", "TT và TT" and "TT - TT"
/// agree.
const VA: &str = "vaf";

/// A phrase to look for, as keys.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub keys: Vec<String>,
}

impl Phrase {
    /// `drop_va`: ignore "và" (for names).
    pub fn new(s: &str, drop_va: bool) -> Self {
        let keys = kehoach_text::match_key(s)
            .split(' ')
            .filter(|k| !k.is_empty() && !(drop_va && *k == VA))
            .map(String::from)
            .collect();
        Phrase { keys }
    }
}

/// A match of a phrase in a text: byte span and word span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub first_word: usize,
    pub last_word: usize,
}

/// Finds every occurrence of `phrase` in `ws` on word boundaries. With `drop_va`, "và" words
/// in the text are skipped; with `within_clause`, a match may not cross punctuation.
pub fn find_phrase(ws: &[Word], phrase: &Phrase, drop_va: bool, within_clause: bool) -> Vec<Hit> {
    let idx: Vec<usize> = (0..ws.len())
        .filter(|&i| !(drop_va && ws[i].key == VA))
        .collect();
    let n = phrase.keys.len();
    let mut out = Vec::new();
    if n == 0 || idx.len() < n {
        return out;
    }
    'outer: for s in 0..=idx.len() - n {
        for j in 0..n {
            let w = &ws[idx[s + j]];
            if w.key != phrase.keys[j] {
                continue 'outer;
            }
            if within_clause && j > 0 && w.after_punct {
                continue 'outer;
            }
        }
        let a = idx[s];
        let b = idx[s + n - 1];
        out.push(Hit {
            start: ws[a].start,
            end: ws[b].end,
            first_word: a,
            last_word: b,
        });
    }
    out
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// Blanks out dates and document references (so their years are not read as years the text
/// names), keeping byte offsets.
pub fn blank_refs(text: &str) -> String {
    static DATE: OnceLock<Regex> = OnceLock::new();
    static WDATE: OnceLock<Regex> = OnceLock::new();
    static REF: OnceLock<Regex> = OnceLock::new();
    let mut s = text.to_string();
    for r in [
        re(&DATE, r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b"),
        re(
            &WDATE,
            r"(?i)ngày\s*\d{0,2}\s*tháng\s*\d{0,2}\s*năm\s*\d{4}",
        ),
        re(&REF, r"\d*\s*/\s*\d{4}\s*/\s*[\p{L}0-9]+(?:-[\p{L}0-9]+)*"),
    ] {
        let spans: Vec<(usize, usize)> = r.find_iter(&s).map(|m| (m.start(), m.end())).collect();
        for (a, b) in spans {
            s.replace_range(a..b, &" ".repeat(b - a));
        }
    }
    s
}

/// A year a text names: "năm 2025" (outside dates and references).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NamedYear {
    pub year: i32,
    pub start: usize,
    pub end: usize,
}

/// Years named as "năm YYYY" in a text, dates and references excluded.
pub fn named_years(text: &str) -> Vec<NamedYear> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)\bnăm\s+((?:19|20)\d{2})\b(\s*[-–—]\s*(?:19|20)\d{2})?",
    );
    let blank = blank_refs(text);
    r.captures_iter(&blank)
        .filter_map(|c| {
            // "năm 2025-2026" is a span of years, not one year.
            if c.get(2).is_some() {
                return None;
            }
            let m = c.get(0)?;
            Some(NamedYear {
                year: c[1].parse().ok()?,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

/// Periods "giai đoạn 2021 - 2025" named in a text: (from, to, start, end).
pub fn periods(text: &str) -> Vec<(i32, i32, usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(?i)giai\s+đoạn\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})",
    );
    r.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((c[1].parse().ok()?, c[2].parse().ok()?, m.start(), m.end()))
        })
        .collect()
}

/// Edit distance between two short strings, by chars.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Shortens a text for a message.
pub fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_on_word_boundaries() {
        let t = "Phối hợp với Sở TT&TT và UBND cấp huyện";
        let ws = words(t);
        let hits = find_phrase(&ws, &Phrase::new("Sở TT và TT", true), true, false);
        assert_eq!(hits.len(), 1);
        assert_eq!(&t[hits[0].start..hits[0].end], "Sở TT&TT");
        let hits = find_phrase(&ws, &Phrase::new("cấp huyện", true), true, false);
        assert_eq!(&t[hits[0].start..hits[0].end], "cấp huyện");
        assert!(find_phrase(&ws, &Phrase::new("huyện thành", true), true, false).is_empty());
        // Tone placement does not matter; case does not matter.
        let ws = words("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
        assert_eq!(
            find_phrase(
                &ws,
                &Phrase::new("Sở Thông tin và Truyền thông", true),
                true,
                false
            )
            .len(),
            1
        );
    }

    #[test]
    fn clause_bound() {
        let ws = words("hành chính công, dịch vụ công");
        assert!(find_phrase(&ws, &Phrase::new("công dịch vụ công", false), false, true).is_empty());
        let ws = words("trên Công Dịch vụ công quốc gia");
        assert_eq!(
            find_phrase(&ws, &Phrase::new("công dịch vụ công", false), false, true).len(),
            1
        );
    }

    #[test]
    fn years() {
        let y: Vec<i32> = named_years(
            "Xây dựng Kế hoạch năm 2025 theo Nghị quyết số 66/NQ-CP ngày 26/3/2025; ngày 25 tháng 12 năm 2025",
        )
        .iter()
        .map(|n| n.year)
        .collect();
        assert_eq!(y, [2025]);
        assert!(named_years("trong năm 2025-2026").is_empty());
        assert_eq!(periods("giai đoạn 2021 - 2025")[0].1, 2025);
        assert_eq!(levenshtein("kiem", "kien"), 1);
    }
}
