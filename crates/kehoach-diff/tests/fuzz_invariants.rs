//! The `check` fuzz target's properties (`fuzz/fuzz_targets/check.rs`), replayed over every
//! committed document that reads to a plan (the fixtures and the fuzz regressions of
//! `fixtures/hostile/`): `kehoach check` against the provincial plan 004 at both stages stays
//! within the match limit and every finding renders; the diff against 004 ends (a result or
//! the refusal); a plan diffed with itself is unchanged, entry by entry and in its metadata.

use std::path::{Path, PathBuf};

use kehoach_diff::{check, Options, Source, Stage};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
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

/// The fuzz targets' limits without the clock (no wall-clock limit in a test).
fn limits() -> kehoach_parse::Limits {
    kehoach_parse::Limits {
        max_file_bytes: 4 << 20,
        max_entry_bytes: 16 << 20,
        max_seconds: 0.0,
        ..Default::default()
    }
}

#[test]
fn every_plan_is_unchanged_against_itself_and_checks_within_limits() {
    let parent = {
        let bytes =
            std::fs::read(root().join("fixtures/docx/004_eb12abc5933443e7.A.docx")).unwrap();
        Source::from_parsed(
            "004.docx",
            kehoach_parse::parse_bytes(&bytes, &limits()).unwrap(),
        )
    };
    let parents = std::slice::from_ref(&parent);
    let mut files = Vec::new();
    walk(&root().join("fixtures"), &mut files);
    files.sort();
    let (mut plans, mut with_items) = (0, 0);
    for p in &files {
        let name = p.strip_prefix(root()).unwrap().display().to_string();
        let Ok(parsed) = kehoach_parse::parse_bytes(&std::fs::read(p).unwrap(), &limits()) else {
            continue;
        };
        plans += 1;
        with_items += usize::from(!parsed.plan.items.is_empty());
        let draft = Source::from_parsed(&name, parsed);
        for stage in [Stage::Draft, Stage::Signed] {
            let opts = Options {
                stage,
                ..Options::default()
            };
            let findings = check(&draft, parents, &opts)
                .unwrap_or_else(|e| panic!("{name}: past the match limit: {e:?}"));
            for f in &findings {
                assert!(!f.to_string().is_empty(), "{name}");
            }
            serde_json::to_string(&findings).unwrap();
        }
        let limit = Default::default();
        let _ = kehoach_diff::diff::diff_limited(&parent.plan, &draft.plan, limit);
        // Past the limit (a table of thousands of rows against itself) the refusal is the
        // answer, as in the fuzz target.
        let Ok(same) = kehoach_diff::diff::diff_limited(&draft.plan, &draft.plan, limit) else {
            continue;
        };
        assert!(
            same.entries.iter().all(|e| e.is_same()) && same.meta.is_empty(),
            "{name} differs from itself: {:?}",
            same.entries.iter().find(|e| !e.is_same())
        );
        assert_eq!(same.entries.len(), draft.plan.items.len(), "{name}");
    }
    eprintln!("{plans} documents read, {with_items} with items");
    // Not an empty pass: most fixtures read, and many have items.
    assert!(plans > 100 && with_items > 50, "{plans} {with_items}");
}
