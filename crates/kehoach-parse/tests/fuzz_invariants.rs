//! The properties the fuzz targets assert (`fuzz/fuzz_targets/*.rs`), replayed as ordinary
//! tests over the inputs `tools/fuzz.sh` seeds them with and the regression inputs the fuzzers
//! found (`fixtures/hostile/`, see its README): every fixture file, every string of the
//! reviewed records (`golden/`, `fixtures/truth/`), every line of the text fixtures. A
//! property the fuzzers hold must hold on every committed input without a fuzzer.
//!
//! - `text_keys`: `clean` idempotent; `is_clean` ⇒ `clean(s) == s`; `match_key` and
//!   `ascii_key` unchanged by `clean`, their fast paths equal to the general ones;
//!   `match_key` idempotent; `clean_lines` gives clean, non-empty lines; similarity in 0..=1.
//! - `deadline`: the text kept is `clean(s)`; reading it again gives the same reading.
//! - `scanners`: citation spans in order, on char boundaries, each read to a typed reference
//!   whose text is the cleaned span; `find_citations` = `scan(_, false)`; every unread basis
//!   warned about; `find_date` = the regexes it replaced.
//! - `docx_bytes`, `pdf_bytes`, `html_text`, `docx_xml`: every file reads or is refused with a
//!   message (never "internal error"); a record serialises; a limit names what it limits.
//!
//! (The `check` target's property, a plan diffed with itself is unchanged, is replayed in
//! `crates/kehoach-diff/tests/fuzz_invariants.rs`.)

mod common;
/// The fuzz targets' own helpers (`docx_of_parts`: the package the `docx_xml` and `check`
/// targets build from their input), so that the replay builds exactly what they build.
#[path = "../../../fuzz/fuzz_targets/common.rs"]
mod fuzz_common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kehoach_parse::plan::citation::{find_citations, legal_bases, scan};
use kehoach_parse::plan::deadline::{find_date, looks_like_deadline, parse};
use kehoach_parse::{Limits, ParseError};
use kehoach_text::{ascii_key, clean, clean_lines, is_clean, key_general, match_key, similarity};
use regex::Regex;

/// The fuzz targets' limits (`fuzz/fuzz_targets/common.rs`), without the clock: no wall-clock
/// limit in a test.
fn limits() -> Limits {
    Limits {
        max_seconds: 0.0,
        ..fuzz_common::limits()
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every file under `fixtures/`, sorted.
fn fixture_files() -> Vec<PathBuf> {
    let mut v = Vec::new();
    walk(&common::root().join("fixtures"), &mut v);
    v.sort();
    v
}

/// The regression inputs of the fuzzers (every file of `fixtures/hostile/` but its README).
fn regressions() -> Vec<PathBuf> {
    fixture_files()
        .into_iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("fixtures/hostile")))
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect()
}

/// The string seeds: every string of the golden and truth JSON, every line of the text-like
/// fixtures, and every regression input as text (whole and line by line), deduplicated.
fn strings() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        fn strings_of(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings_of(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings_of(x, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        let mut json = Vec::new();
        walk(&common::root().join("golden"), &mut json);
        json.extend(common::fixtures_in("truth", &["json"]));
        for p in &json {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            strings_of(&v, &mut out);
        }
        for p in fixture_files() {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let hostile = p.parent().is_some_and(|d| d.ends_with("fixtures/hostile"));
            if hostile || matches!(ext, "txt" | "md" | "html" | "htm" | "native") {
                let s = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                out.extend(s.lines().map(str::to_string));
                if hostile {
                    out.push(s);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    })
}

#[test]
fn the_seeds_are_all_there() {
    // Counted, not skipped: a missing folder or file fails here.
    let files = fixture_files();
    let count = |dir: &str| {
        files
            .iter()
            .filter(|p| p.starts_with(common::root().join("fixtures").join(dir)))
            .count()
    };
    assert_eq!(count("docx"), 5);
    assert_eq!(count("variants"), 10);
    // 5 item truths, per seed truth/meta and truth/items (tests/truth_fields.rs), and the
    // reviewed findings (findings.tsv, crates/kehoach-diff/tests/precision.rs).
    assert_eq!(count("truth"), 16);
    assert_eq!(regressions().len(), 23);
    assert!(strings().len() > 5_000, "{}", strings().len());
}

#[test]
fn text_keys_properties_hold_on_every_seed() {
    for s in strings() {
        let c = clean(s);
        assert_eq!(clean(&c), c, "clean is not idempotent on {s:?}");
        if is_clean(s) {
            assert_eq!(&c, s, "is_clean said yes to text clean changes");
        }
        assert_eq!(match_key(&c), match_key(s), "match_key under clean: {s:?}");
        assert_eq!(ascii_key(&c), ascii_key(s), "ascii_key under clean: {s:?}");
        assert_eq!(
            match_key(s),
            key_general::match_key(s),
            "match_key fast path on {s:?}"
        );
        assert_eq!(
            ascii_key(s),
            key_general::ascii_key(s),
            "ascii_key fast path on {s:?}"
        );
        let k = match_key(s);
        assert_eq!(match_key(&k), k, "match_key is not idempotent on {s:?}");
        for line in clean_lines(s) {
            assert!(
                !line.is_empty() && clean(&line) == line,
                "{line:?} of {s:?}"
            );
        }
        let sim = similarity(s, &c);
        assert!((0.0..=1.0).contains(&sim), "similarity {sim} on {s:?}");
    }
}

#[test]
fn deadline_properties_hold_on_every_seed() {
    for s in strings() {
        let d = parse(s);
        assert_eq!(d.text, clean(s), "deadline text of {s:?}");
        assert_eq!(
            parse(&d.text),
            d,
            "deadline reading changes when re-read: {s:?}"
        );
        let _ = looks_like_deadline(s);
    }
}

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).unwrap())
}

/// `find_date` as the regexes it replaced read it (the fuzz target's reference).
fn date_by_regex(s: &str) -> Option<(i32, u32, u32)> {
    static NUM: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let num = re(
        &NUM,
        r"(?-u:\b)([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})(?-u:\b)",
    );
    let words = re(
        &WORDS,
        r"(?i)ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})",
    );
    num.captures(s).or_else(|| words.captures(s)).and_then(|m| {
        let d: u32 = m[1].parse().ok()?;
        let mo: u32 = m[2].parse().ok()?;
        let y: i32 = m[3].parse().ok()?;
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = match mo {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        (d >= 1 && d <= days).then_some((y, mo, d))
    })
}

#[test]
fn scanner_properties_hold_on_every_seed() {
    let mut citations = 0;
    let mut dates = 0;
    for s in strings() {
        for basis in [false, true] {
            let found = scan(s, basis);
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
                assert_eq!(r.text, clean(&s[f.span.clone()]), "text of {s:?}");
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
                citations += found.len();
                assert_eq!(
                    find_citations(s),
                    found.into_iter().map(|f| f.r).collect::<Vec<_>>()
                );
            }
        }
        let b = legal_bases(s.lines());
        let unread = b.refs.iter().filter(|r| r.doc_type.is_empty()).count();
        assert_eq!(unread, b.warnings.len(), "bases of {s:?}");
        assert!(b.refs.iter().all(|r| !r.text.is_empty()));
        let want = date_by_regex(s);
        dates += usize::from(want.is_some());
        assert_eq!(find_date(s), want, "find_date of {s:?}");
    }
    // The seeds exercise the scanners (not an empty pass).
    assert!(
        citations > 100 && dates > 100,
        "{citations} citations, {dates} dates"
    );
}

/// `fuzz/fuzz_targets/common.rs`'s `parse`: a record serialises, an error renders, a limit
/// names what it limits; here also: no reader panicked.
fn parse_like_the_fuzzers(name: &str, bytes: &[u8]) -> Result<(), String> {
    match kehoach_parse::parse_bytes(bytes, &limits()) {
        Ok(p) => {
            let rec = kehoach_parse::record::Record::new("fuzz", bytes, p);
            serde_json::to_string(&rec).map_err(|e| format!("{name}: {e}"))?;
            Ok(())
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.is_empty(), "{name}");
            assert!(
                !msg.contains("internal error"),
                "{name}: a reader panicked: {msg}"
            );
            if let ParseError::Limit { what, .. } = &e {
                assert!(!what.is_empty(), "{name}");
            }
            Err(msg)
        }
    }
}

/// The docx_xml seed of a package: its document.xml (and 0xFF + numbering.xml), if it has one.
fn xml_parts(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut doc = Vec::new();
    z.by_name("word/document.xml")
        .ok()?
        .read_to_end(&mut doc)
        .ok()?;
    if let Ok(mut n) = z.by_name("word/numbering.xml") {
        doc.push(0xFF);
        n.read_to_end(&mut doc).ok()?;
    }
    Some(doc)
}

#[test]
fn every_fixture_and_regression_reads_like_the_fuzzers_want() {
    let (mut read, mut refused, mut split) = (0, 0, 0);
    for p in fixture_files() {
        let name = p.display().to_string();
        let bytes = std::fs::read(&p).unwrap();
        // docx_bytes, pdf_bytes: the whole file, sniffed.
        match parse_like_the_fuzzers(&name, &bytes) {
            Ok(()) => read += 1,
            Err(_) => refused += 1,
        }
        // html_text: every file through both readers, forced.
        if let Ok(doc) = kehoach_parse::html::read(&bytes, &limits()) {
            let _ = kehoach_parse::plan::extract(&doc);
        }
        if let Ok(doc) = kehoach_parse::text::read(&bytes, &limits()) {
            let _ = kehoach_parse::plan::extract(&doc);
        }
        // docx_xml: the package's parts in a fresh package.
        if let Some(parts) = xml_parts(&bytes) {
            split += 1;
            let _ = parse_like_the_fuzzers(
                &format!("{name} (parts)"),
                &fuzz_common::docx_of_parts(&parts),
            );
        }
    }
    eprintln!("{read} read, {refused} refused, {split} docx split into parts");
    assert!(
        read > 100 && refused > 20 && split > 30,
        "{read} {refused} {split}"
    );
}
