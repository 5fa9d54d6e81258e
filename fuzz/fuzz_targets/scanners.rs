//! The citation scanner's invariants (spans in order, each read to a typed reference, every
//! unread basis warned about), and, differential, the date scanner finds exactly what the
//! regexes it replaced find (kept here as the reference).
#![no_main]

use std::sync::OnceLock;

use kehoach_parse::plan::citation::{find_citations, legal_bases, scan};
use kehoach_parse::plan::deadline::find_date;
use libfuzzer_sys::fuzz_target;
use regex::Regex;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    static NUM: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();

    // Citations: spans in order, inside the text, each read to a typed reference.
    for basis in [false, true] {
        let found = scan(&s, basis);
        let mut end = 0;
        for f in &found {
            assert!(
                f.span.start >= end && f.span.end <= s.len(),
                "spans of {s:?}"
            );
            assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
            end = f.span.end;
            let r = &f.r;
            assert!(!r.doc_type.is_empty(), "type of {s:?}");
            assert_eq!(
                r.text,
                kehoach_text::clean(&s[f.span.clone()]),
                "text of {s:?}"
            );
            assert!(r
                .number
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
            assert!(r
                .symbol
                .iter()
                .all(|y| y.chars().next().is_some_and(char::is_uppercase)));
            assert!(r.issuer.iter().all(|i| !i.is_empty()), "issuer of {s:?}");
        }
        if !basis {
            assert_eq!(
                find_citations(&s),
                found.into_iter().map(|f| f.r).collect::<Vec<_>>()
            );
        }
    }
    // Bases: every unread basis is kept as text and warned about.
    let b = legal_bases(s.lines());
    let unread = b.refs.iter().filter(|r| r.doc_type.is_empty()).count();
    assert_eq!(unread, b.warnings.len(), "bases of {s:?}");
    assert!(b.refs.iter().all(|r| !r.text.is_empty()));

    let num = re(
        &NUM,
        r"(?-u:\b)([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})(?-u:\b)",
    );
    let words = re(
        &WORDS,
        r"(?i)ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})",
    );
    let want = num
        .captures(&s)
        .or_else(|| words.captures(&s))
        .and_then(|m| {
            let d: u32 = m[1].parse().ok()?;
            let mo: u32 = m[2].parse().ok()?;
            let y: i32 = m[3].parse().ok()?;
            // find_date checks the calendar (leap years): written out here independently.
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match mo {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                1..=12 => 31,
                _ => 0,
            };
            (d >= 1 && d <= days).then_some((y, mo, d))
        });
    assert_eq!(find_date(&s), want, "find_date of {s:?}");
});
