#![allow(dead_code)]
//! Loading the fixture plans.

use std::path::PathBuf;

use kehoach_diff::Source;

pub fn fixture_path(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/docx")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".docx"))
        })
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| panic!("no fixture {prefix}"))
}

pub fn load(prefix: &str) -> Source {
    let p = fixture_path(prefix);
    let bytes = std::fs::read(&p).unwrap();
    let parsed = kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap();
    let name = format!("{}", p.file_name().unwrap().to_string_lossy());
    Source::from_parsed(&name, parsed)
}
