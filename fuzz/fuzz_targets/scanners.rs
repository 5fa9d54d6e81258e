//! Differential: the hand-written scanners for legal citations, laws and dates find exactly
//! what the regexes they replaced find (the regexes are kept here as the reference).
#![no_main]

use std::sync::OnceLock;

use kehoach_parse::plan::citation::{law_spans, spans};
use kehoach_parse::plan::deadline::find_date;
use libfuzzer_sys::fuzz_target;
use regex::Regex;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    static CITE: OnceLock<Regex> = OnceLock::new();
    static LAW: OnceLock<Regex> = OnceLock::new();
    static NUM: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let cite = re(
        &CITE,
        r"([Ll]uật|[Nn]ghị định|[Nn]ghị quyết|[Qq]uyết định|[Tt]hông tư liên tịch|[Tt]hông tư|[Cc]hỉ thị|[Kk]ế hoạch|[Cc]ông văn|[Vv]ăn bản|[Tt]hông báo|[Hh]ướng dẫn|[Tt]ờ trình|[Cc]hương trình|LUẬT|NGHỊ ĐỊNH|QUYẾT ĐỊNH|KẾ HOẠCH|THÔNG TƯ)\s+(?:[Ss]ố\s*:?\s*)?([0-9]*)\s*/\s*(?:([0-9]{4})\s*/\s*)?([A-ZĐ][A-ZĐ0-9&]*(?:\s*-\s*[A-ZĐ0-9&]+)*)((?:\s+ngày\s*(?:[0-9]{1,2})?\s*(?:/|tháng)\s*(?:[0-9]{1,2})?\s*(?:/|năm)\s*[0-9]{4})?)((?:\s+của\s+[^;,.]+?)?)(?:\s+(?:về|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|triển khai|thực hiện)|[;,.)]|$)",
    );
    let want: Vec<_> = cite.find_iter(&s).map(|m| m.range()).collect();
    let got: Vec<_> = spans(&s).into_iter().map(|(r, _)| r).collect();
    assert_eq!(got, want, "citation spans of {s:?}");

    let law = re(
        &LAW,
        r"(Luật|Bộ luật)\s+([\p{Uppercase}][^;,]*?)\s+(?:ngày\s+[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*([0-9]{4})|năm\s+([0-9]{4}))",
    );
    let want: Vec<_> = law
        .captures_iter(&s)
        .map(|m| {
            (
                m.get(0).unwrap().range(),
                m.get(3)
                    .or(m.get(4))
                    .and_then(|y| y.as_str().parse::<i32>().ok()),
            )
        })
        .collect();
    let got: Vec<_> = law_spans(&s)
        .into_iter()
        .map(|l| (l.span, l.year))
        .collect();
    assert_eq!(got, want, "law spans of {s:?}");

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
