//! Precision of every rule on kehoach's own fixtures: every finding the rules raise on the
//! fixture plans (all renderings: .docx, .doc, .rtf, .pdf, HTML, text, first pages) is listed
//! in `fixtures/truth/findings.tsv` with a reviewer's verdict (true / false); a finding not
//! listed fails the test, as does a listed one that no longer occurs. The counts per rule are
//! `crates/kehoach-diff/data/precision.tsv`, which `kehoach rules CODE` shows: the test
//! fails when they differ from what the rules do now.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use kehoach_diff::{check, Lang, Options, Source};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The fixture documents, by their path under the root.
fn documents() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (dir, keep) in [
        (
            "fixtures/plans",
            &(|n: &str| !n.ends_with(".json")) as &dyn Fn(&str) -> bool,
        ),
        ("fixtures/docx", &|n: &str| n.ends_with(".docx")),
        ("fixtures/pdf", &|n: &str| {
            n.ends_with(".pdf") && (n.starts_with('0') || n.starts_with("chromium_"))
        }),
        ("fixtures/html", &|n: &str| {
            n.starts_with('0') && n.ends_with(".html")
        }),
        ("fixtures/text", &|n: &str| n.ends_with(".txt")),
        ("fixtures/firstpages", &|_: &str| true),
        ("fixtures/doc", &|n: &str| n.ends_with(".doc")),
        ("fixtures/rtf", &|n: &str| n.ends_with(".rtf")),
    ] {
        let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| keep(n))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| Path::new(dir).join(n)));
    }
    out
}

/// (code, document, words) of every finding on every fixture plan.
fn findings() -> (usize, BTreeSet<(String, String, String)>) {
    let mut out = BTreeSet::new();
    let mut checked = 0;
    for rel in documents() {
        let bytes = std::fs::read(root().join(&rel)).unwrap();
        let Ok(parsed) = kehoach_parse::parse_bytes(&bytes, &Default::default()) else {
            continue;
        };
        if !parsed.plan.is_plan {
            continue;
        }
        checked += 1;
        let name = rel.display().to_string();
        let src = Source::from_parsed(&name, parsed);
        let opts = Options {
            lang: Lang::En,
            ..Options::default()
        };
        for f in check(&src, &[], &opts).unwrap() {
            let words = f.text.clone().unwrap_or_default();
            let words: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
            out.insert((f.code.to_string(), name.clone(), words));
        }
    }
    (checked, out)
}

#[test]
fn every_finding_on_the_fixtures_is_reviewed_and_the_figures_hold() {
    let truth_path = root().join("fixtures/truth/findings.tsv");
    let truth_text = std::fs::read_to_string(&truth_path).unwrap_or_default();
    let mut truth: BTreeMap<(String, String, String), bool> = BTreeMap::new();
    for line in truth_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.splitn(4, '\t').collect();
        assert_eq!(f.len(), 4, "{line}");
        let verdict = match f[1] {
            "true" => true,
            "false" => false,
            v => panic!("verdict {v:?} in {line}"),
        };
        truth.insert((f[0].into(), f[2].into(), f[3].into()), verdict);
    }
    let (checked, found) = findings();
    let unreviewed: Vec<_> = found.iter().filter(|k| !truth.contains_key(*k)).collect();
    let gone: Vec<_> = truth.keys().filter(|k| !found.contains(*k)).collect();
    if std::env::var_os("KEHOACH_BLESS").is_some() && !unreviewed.is_empty() {
        let mut s = truth_text.clone();
        for (c, d, w) in &unreviewed {
            s.push_str(&format!("{c}\tREVIEW\t{d}\t{w}\n"));
        }
        std::fs::write(&truth_path, s).unwrap();
        panic!("wrote {} unreviewed findings to review", unreviewed.len());
    }
    assert!(
        unreviewed.is_empty(),
        "findings not reviewed in findings.tsv: {unreviewed:#?}"
    );
    assert!(
        gone.is_empty(),
        "reviewed findings that no longer occur: {gone:#?}"
    );
    // The figures per rule.
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in kehoach_diff::registry() {
        per.insert(r.info().code.to_string(), (0, 0));
    }
    for ((code, _, _), ok) in &truth {
        let e = per.entry(code.clone()).or_default();
        e.0 += 1;
        if *ok {
            e.1 += 1;
        }
    }
    let mut want = format!("# code\tfindings\ttrue\tdocuments ({checked} fixture plans)\n");
    for (code, (n, t)) in &per {
        want.push_str(&format!("{code}\t{n}\t{t}\t{checked}\n"));
    }
    let path = root().join("crates/kehoach-diff/data/precision.tsv");
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want && std::env::var_os("KEHOACH_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        panic!("rewrote data/precision.tsv: review and commit it");
    }
    assert_eq!(
        have, want,
        "data/precision.tsv is not what the rules do now"
    );
}
