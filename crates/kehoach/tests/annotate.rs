//! `kehoach check DRAFT --annotate OUT.docx` on the five seed drafts (each of 000–003 against
//! the provincial plan 004, and 004 alone): the copy reads back with our reader, holds one
//! comment by "kehoach" per finding, and its accepted view gives the same items as the
//! original; the draft itself is never touched. LibreOffice opens each copy and keeps the
//! comments (skipped without `soffice` unless `KEHOACH_REQUIRE_TOOLS=1`). Drafts that are not
//! .docx, and an output path that is the draft, are refused (exit 2).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use kehoach_parse::{parse_bytes, Limits};
use support::*;

const PARENT: &str = "fixtures/docx/004_eb12abc5933443e7.A.docx";

fn seeds() -> Vec<(PathBuf, Option<&'static str>)> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/docx"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5);
    v.into_iter()
        .map(|p| {
            let alone = p.to_string_lossy().contains("004_");
            (p, (!alone).then_some(PARENT))
        })
        .collect()
}

/// Annotates every seed into `dir`; returns (draft, annotated copy, number of findings).
fn annotate_seeds(dir: &Path) -> Vec<(PathBuf, PathBuf, usize)> {
    let mut out = Vec::new();
    for (draft, parent) in seeds() {
        let name = draft.file_name().unwrap().to_string_lossy().into_owned();
        let copy = dir.join(name.replace(".docx", ".annotated.docx"));
        let before = std::fs::read(&draft).unwrap();
        let mut args = vec![
            "check".to_string(),
            draft.to_string_lossy().into_owned(),
            "--format".into(),
            "json".into(),
            "--annotate".into(),
            copy.to_string_lossy().into_owned(),
        ];
        if let Some(p) = parent {
            args.extend(["--against".into(), p.into()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = kehoach(&args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{name}: {}",
            stderr(&o)
        );
        let findings = json(&o)["findings"].as_array().unwrap().len();
        assert_eq!(
            std::fs::read(&draft).unwrap(),
            before,
            "{name} was modified"
        );
        out.push((draft, copy, findings));
    }
    out
}

fn kehoach_comments(path: &Path) -> (usize, kehoach_parse::Parsed) {
    let bytes = std::fs::read(path).unwrap();
    let parsed = parse_bytes(&bytes, &Limits::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let n = parsed
        .document
        .comments
        .iter()
        .filter(|c| c.author == "kehoach" && c.text.starts_with("[KH"))
        .count();
    (n, parsed)
}

#[test]
fn annotated_seeds_read_back_with_one_comment_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    for (draft, copy, findings) in annotate_seeds(dir.path()) {
        let name = draft.display();
        assert!(findings > 0, "{name}: no findings to annotate");
        let (n, after) = kehoach_comments(&copy);
        assert_eq!(n, findings, "{name}: comments");
        let before = parse_bytes(&std::fs::read(&draft).unwrap(), &Limits::default()).unwrap();
        let ours = after
            .document
            .revisions
            .iter()
            .filter(|r| r.author == "kehoach")
            .count();
        if ours == 0 {
            assert_eq!(after.plan.items, before.plan.items, "{name}: items changed");
            assert_eq!(
                after.plan.document, before.plan.document,
                "{name}: metadata"
            );
        } else {
            // Fixes change words, never the items' numbers or their order.
            let stt = |p: &kehoach_parse::plan::Plan| {
                p.items.iter().map(|i| i.stt.clone()).collect::<Vec<_>>()
            };
            assert_eq!(stt(&after.plan), stt(&before.plan), "{name}: items");
        }
        // The comments that were there stay.
        assert_eq!(
            after.document.comments.len() - n,
            before.document.comments.len(),
            "{name}"
        );
        // No temporary file is left beside the copy.
        let left: Vec<_> = std::fs::read_dir(copy.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn libreoffice_opens_the_annotated_seeds_and_keeps_the_comments() {
    let have = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var("KEHOACH_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "soffice is missing and KEHOACH_REQUIRE_TOOLS=1 (apt-get install libreoffice-writer-nogui)"
        );
        eprintln!("SKIPPED: soffice not installed (apt-get install libreoffice-writer-nogui)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let annotated = annotate_seeds(dir.path());
    let conv = dir.path().join("converted");
    std::fs::create_dir(&conv).unwrap();
    let profile = format!("file://{}", dir.path().join("profile").display());
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(&conv)
        .args(annotated.iter().map(|a| &a.1))
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for (draft, copy, _) in &annotated {
        let (ours, _) = kehoach_comments(copy);
        let converted = conv.join(copy.file_name().unwrap());
        assert!(
            converted.exists(),
            "{}: not converted: {}",
            draft.display(),
            String::from_utf8_lossy(&o.stdout)
        );
        let (n, _) = kehoach_comments(&converted);
        assert_eq!(n, ours, "{}: comments after LibreOffice", draft.display());
    }
}

#[test]
fn annotation_needs_a_docx_and_another_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.docx");
    let out = out.to_str().unwrap();
    for draft in [
        "fixtures/pdf/003_e474f24c970af6a5.A.pdf",
        "fixtures/doc/003_e474f24c970af6a5.A.doc",
    ] {
        let o = kehoach(&["check", draft, "--annotate", out]);
        assert_eq!(o.status.code(), Some(2), "{draft}: {}", stderr(&o));
        assert!(stderr(&o).contains(".docx"), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
        assert!(!Path::new(out).exists());
    }
    // English on request.
    let o = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .current_dir(root())
        .env("KEHOACH_LANG", "en")
        .args([
            "check",
            "fixtures/pdf/003_e474f24c970af6a5.A.pdf",
            "--annotate",
            out,
        ])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("annotation needs a .docx; save a .doc or .pdf draft as .docx first"),
        "{}",
        stderr(&o)
    );
    // The draft itself, named directly or by another path.
    let draft = "fixtures/docx/003_e474f24c970af6a5.A.docx";
    let before = std::fs::read(root().join(draft)).unwrap();
    for same in [draft, "fixtures/docx/../docx/003_e474f24c970af6a5.A.docx"] {
        let o = kehoach(&["check", draft, "--annotate", same]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("--annotate"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(root().join(draft)).unwrap(), before);
    // The flag is listed in the help.
    let o = kehoach(&["check", "--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("--annotate <OUT.docx>"));
}
