//! Puts the git commit into `kehoach --version` when built from a checkout
//! (`kehoach 0.1.0 (abc1234)`); outside a checkout (a packaged crate) the version alone.

use std::path::Path;
use std::process::Command;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    // The checkout's .git: a directory, or in a worktree a file naming the real one.
    let mut dir = Path::new(&manifest).to_path_buf();
    loop {
        let git = dir.join(".git");
        if git.exists() {
            watch(&git);
            break;
        }
        if !dir.pop() {
            break;
        }
    }
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(&manifest)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_hexdigit()));
    let version = env!("CARGO_PKG_VERSION");
    let long = match commit {
        Some(c) => format!("{version} ({c})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=KEHOACH_VERSION={long}");
}

/// Re-run when HEAD moves: `.git/HEAD` and the branch ref it names (in a worktree, `.git`
/// is a file `gitdir: …` pointing at the worktree's own HEAD).
fn watch(git: &Path) {
    let gitdir = if git.is_file() {
        match std::fs::read_to_string(git) {
            Ok(s) => match s.trim().strip_prefix("gitdir:") {
                Some(p) => Path::new(p.trim()).to_path_buf(),
                None => return,
            },
            Err(_) => return,
        }
    } else {
        git.to_path_buf()
    };
    let head = gitdir.join("HEAD");
    println!("cargo:rerun-if-changed={}", head.display());
    if let Ok(h) = std::fs::read_to_string(&head) {
        if let Some(r) = h.trim().strip_prefix("ref:") {
            let r = r.trim();
            // A branch ref lives in the common dir (a worktree's commondir), or packed-refs.
            let common = std::fs::read_to_string(gitdir.join("commondir"))
                .map(|c| gitdir.join(c.trim()))
                .unwrap_or_else(|_| gitdir.clone());
            for base in [&gitdir, &common] {
                let p = base.join(r);
                if p.exists() {
                    println!("cargo:rerun-if-changed={}", p.display());
                }
            }
            let packed = common.join("packed-refs");
            if packed.exists() {
                println!("cargo:rerun-if-changed={}", packed.display());
            }
        }
    }
}
