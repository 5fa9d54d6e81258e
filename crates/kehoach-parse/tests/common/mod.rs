//! Helpers shared by the integration tests: fixture paths, truth records, golden files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kehoach_parse::record::Record;
use kehoach_parse::{parse_bytes, Limits};

/// The workspace root (fixtures/ and golden/ live there).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// Files in a fixture directory with one of the extensions, sorted.
pub fn fixtures_in(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixture(dir))
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
        })
        .collect();
    v.sort();
    v
}

/// Parses a fixture into the record `kehoach parse` prints, with the path relative to the
/// workspace root so that golden files do not depend on where the checkout is.
pub fn record(path: &Path) -> Record {
    let bytes = std::fs::read(path).expect("read fixture");
    let parsed = parse_bytes(&bytes, &Limits::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rel = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    Record::new(&rel, &bytes, parsed)
}

/// One expected item of `fixtures/truth/NNN_*.json`.
#[derive(Debug, serde::Deserialize)]
pub struct TruthItem {
    pub stt: String,
    pub kind: String,
    pub content: String,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub deadline: String,
}

/// Truth of the seed a fixture was made from, by its 3-digit prefix.
pub fn truth(path: &Path) -> Vec<TruthItem> {
    let key = &path.file_name().unwrap().to_str().unwrap()[..3];
    let dir = fixture("truth");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(key))
        .expect("truth file");
    #[derive(serde::Deserialize)]
    struct T {
        items: Vec<TruthItem>,
    }
    let t: T = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    t.items
}

/// Asserts that the record's items equal the truth, field by field, and reports every
/// difference at once. `stt` is compared without a trailing dot (auto-numbering writes
/// "3." where a typist wrote "3").
pub fn assert_matches_truth(rec: &Record, truth: &[TruthItem]) {
    let mut diffs = Vec::new();
    if rec.items.len() != truth.len() {
        diffs.push(format!(
            "{} items, truth has {}",
            rec.items.len(),
            truth.len()
        ));
    }
    for (t, it) in truth.iter().zip(&rec.items) {
        let kind = format!("{:?}", it.kind).to_lowercase();
        let checks = [
            (
                "stt",
                t.stt.trim_end_matches('.').to_string(),
                it.stt.trim_end_matches('.').to_string(),
            ),
            ("kind", t.kind.clone(), kind),
            ("content", t.content.clone(), it.content.clone()),
            ("lead", t.lead.join(" | "), it.lead.join(" | ")),
            ("support", t.support.join(" | "), it.support.join(" | ")),
            ("deadline", t.deadline.clone(), it.deadline.text.clone()),
        ];
        for (field, want, got) in checks {
            if want != got {
                diffs.push(format!("{} {field}: want {want:?}, got {got:?}", t.stt));
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "{}: {} differences:\n{}",
        rec.source.path,
        diffs.len(),
        diffs.join("\n")
    );
}

/// The golden file of a record: `golden/<golden_rel>`, holding the record as pretty JSON.
pub fn golden_json(rec: &Record, golden_rel: &str) -> (PathBuf, String) {
    (
        root().join("golden").join(golden_rel),
        serde_json::to_string_pretty(rec).unwrap() + "\n",
    )
}

/// Compares records with their golden JSON under `golden/` (see `kehoach_testkit`: only
/// `KEHOACH_BLESS=1` rewrites, and a blessing run fails after writing every file).
pub fn assert_goldens<'a>(pairs: impl IntoIterator<Item = (&'a Record, String)>) {
    let mut g = kehoach_testkit::Goldens::new();
    for (rec, rel) in pairs {
        let (path, got) = golden_json(rec, &rel);
        g.check(&path, &rec.source.path, &got);
    }
    g.finish();
}

/// A record's items as JSON without where in the file they are: what two renderings of the
/// same plan (.docx and .pdf, .doc, .rtf) must agree on.
#[allow(dead_code)]
pub fn items_without_location(r: &Record) -> Vec<serde_json::Value> {
    r.items
        .iter()
        .map(|i| {
            let mut v = serde_json::to_value(i).unwrap();
            v.as_object_mut().unwrap().remove("location");
            v
        })
        .collect()
}
