//! Test support shared by kehoach's test suites.
//!
//! **Golden files and bless mode.** A golden file is the full output a test produced once,
//! reviewed by a person and committed; the test compares against it. Rewriting it is a
//! deliberate act, so [`assert_golden`] follows two rules:
//!
//! - only the exact value `KEHOACH_BLESS=1` rewrites; any other value (`0`, empty, `yes`,
//!   `true`, ` 1`) compares, as if the variable were unset;
//! - a blessing run writes the file and then **fails** with "golden rewritten: review
//!   `git diff golden/` and commit", so that no run with bless mode on can pass: the diff
//!   must be read and committed on purpose, and the next plain run must pass.

pub mod make;

use std::ffi::OsStr;
use std::path::Path;

/// The environment variable that turns bless mode on (with the exact value `1`).
pub const BLESS_VAR: &str = "KEHOACH_BLESS";

/// The message every blessing run fails with (followed by the file it wrote).
pub const REWRITTEN: &str = "golden rewritten: review `git diff golden/` and commit";

/// What a golden comparison does with a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Compare with the committed file; a difference or a missing file fails.
    Compare,
    /// Write the file, then fail so that the change is reviewed.
    Bless,
}

/// The mode a value of [`BLESS_VAR`] asks for: [`Mode::Bless`] for exactly `1`, otherwise
/// [`Mode::Compare`].
pub fn mode_from(value: Option<&OsStr>) -> Mode {
    match value {
        Some(v) if v == "1" => Mode::Bless,
        _ => Mode::Compare,
    }
}

/// The mode of this run, from the environment.
pub fn mode() -> Mode {
    mode_from(std::env::var_os(BLESS_VAR).as_deref())
}

/// Compares `got` with the golden file at `path` (or writes it, in [`Mode::Bless`]).
/// `label` names what was compared (the fixture) in messages. Returns the failure message;
/// in bless mode it always returns one, after writing.
pub fn check_golden(path: &Path, label: &str, got: &str, mode: Mode) -> Result<(), String> {
    match mode {
        Mode::Bless => {
            let before = std::fs::read_to_string(path).ok();
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(path, got)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let what = match before.as_deref() {
                None => "new file",
                Some(b) if b == got => "unchanged",
                Some(_) => "changed",
            };
            Err(format!("{REWRITTEN} ({}, {what})", path.display()))
        }
        Mode::Compare => {
            let want = std::fs::read_to_string(path).map_err(|_| {
                format!(
                    "missing golden file {}; run with {BLESS_VAR}=1, review it and commit",
                    path.display()
                )
            })?;
            if want == got {
                return Ok(());
            }
            let first = first_difference(&want, got);
            Err(format!(
                "{label} differs from {} at line {}:\n  golden: {}\n  now:    {}\n(run with {BLESS_VAR}=1 to rewrite, then review `git diff golden/` and commit)",
                path.display(),
                first + 1,
                want.lines().nth(first).unwrap_or("<end of file>"),
                got.lines().nth(first).unwrap_or("<end of file>")
            ))
        }
    }
}

/// [`check_golden`] in this run's [`mode`], panicking with its message.
pub fn assert_golden(path: &Path, label: &str, got: &str) {
    if let Err(msg) = check_golden(path, label, got, mode()) {
        panic!("{msg}");
    }
}

/// Golden comparisons over a set of files, reported together: every file is compared (or,
/// blessing, written) before [`Goldens::finish`] fails with all the messages. A test over
/// fifteen fixtures thus rewrites all fifteen in one blessing run, and a comparison run
/// names every file that differs, not only the first.
#[derive(Debug)]
pub struct Goldens {
    mode: Mode,
    checked: usize,
    failures: Vec<String>,
}

impl Goldens {
    /// A set in this run's [`mode`].
    pub fn new() -> Self {
        Self::with_mode(mode())
    }

    /// A set in the given mode (for tests of this module).
    pub fn with_mode(mode: Mode) -> Self {
        Goldens {
            mode,
            checked: 0,
            failures: Vec::new(),
        }
    }

    /// Compares (or writes) one golden file.
    pub fn check(&mut self, path: &Path, label: &str, got: &str) {
        self.checked += 1;
        if let Err(m) = check_golden(path, label, got, self.mode) {
            self.failures.push(m);
        }
    }

    /// The failure message of the set, if any: how many of how many files failed, then each
    /// message.
    pub fn result(&self) -> Result<(), String> {
        if self.failures.is_empty() {
            return Ok(());
        }
        Err(format!(
            "{} of {} golden files: {}\n{}",
            self.failures.len(),
            self.checked,
            match self.mode {
                Mode::Bless => "rewritten",
                Mode::Compare => "differ",
            },
            self.failures.join("\n")
        ))
    }

    /// Panics with [`Goldens::result`]'s message if any file failed (always, when blessing
    /// at least one file).
    pub fn finish(self) {
        if let Err(m) = self.result() {
            panic!("{m}");
        }
    }
}

impl Default for Goldens {
    fn default() -> Self {
        Self::new()
    }
}

/// The index of the first line where `a` and `b` differ (a line only one of them has
/// counts, so a file cut short or grown is reported where it ends).
fn first_difference(a: &str, b: &str) -> usize {
    let mut i = 0;
    let (mut x, mut y) = (a.lines(), b.lines());
    loop {
        match (x.next(), y.next()) {
            (Some(p), Some(q)) if p == q => i += 1,
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh directory under the system temp dir (removed by the test).
    fn scratch() -> PathBuf {
        static N: AtomicUsize = AtomicUsize::new(0);
        let d = std::env::temp_dir().join(format!(
            "kehoach-testkit-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn only_the_exact_value_1_blesses() {
        assert_eq!(mode_from(Some(OsStr::new("1"))), Mode::Bless);
        for v in [
            "0", "", "yes", "true", "YES", " 1", "1 ", "01", "2", "bless",
        ] {
            assert_eq!(mode_from(Some(OsStr::new(v))), Mode::Compare, "{v:?}");
        }
        assert_eq!(mode_from(None), Mode::Compare);
    }

    #[test]
    fn blessing_writes_the_file_and_fails() {
        let d = scratch();
        let p = d.join("sub/dir/a.json");
        // A new file.
        let e = check_golden(&p, "a", "{\"x\": 1}\n", Mode::Bless).unwrap_err();
        assert_eq!(
            e,
            format!("{REWRITTEN} ({}, new file)", p.display()),
            "the message"
        );
        assert!(e.starts_with("golden rewritten: review `git diff golden/` and commit"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{\"x\": 1}\n");
        // Rewriting with other content fails too, and says it changed.
        let e = check_golden(&p, "a", "{\"x\": 2}\n", Mode::Bless).unwrap_err();
        assert!(e.ends_with(", changed)"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{\"x\": 2}\n");
        // Even an unchanged file fails a blessing run: bless mode never passes.
        let e = check_golden(&p, "a", "{\"x\": 2}\n", Mode::Bless).unwrap_err();
        assert!(e.ends_with(", unchanged)"), "{e}");
        // The next plain run compares and passes.
        assert_eq!(check_golden(&p, "a", "{\"x\": 2}\n", Mode::Compare), Ok(()));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn comparing_reports_the_first_different_line_and_never_writes() {
        let d = scratch();
        let p = d.join("b.json");
        std::fs::write(&p, "một\nhai\nba\n").unwrap();
        let e =
            check_golden(&p, "fixtures/docx/b.docx", "một\nHAI\nba\n", Mode::Compare).unwrap_err();
        assert!(
            e.starts_with(&format!(
                "fixtures/docx/b.docx differs from {} at line 2:\n  golden: hai\n  now:    HAI\n",
                p.display()
            )),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "một\nhai\nba\n");
        // Output cut short: the first missing line is named.
        let e = check_golden(&p, "b", "một\nhai\n", Mode::Compare).unwrap_err();
        assert!(
            e.contains("at line 3:\n  golden: ba\n  now:    <end of file>"),
            "{e}"
        );
        // Only a trailing newline differs: still a difference.
        let e = check_golden(&p, "b", "một\nhai\nba", Mode::Compare).unwrap_err();
        assert!(e.contains("at line 4"), "{e}");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_set_writes_every_file_before_failing() {
        let d = scratch();
        let mut g = Goldens::with_mode(Mode::Bless);
        for n in ["x", "y", "z"] {
            g.check(&d.join(format!("{n}.json")), n, n);
        }
        let e = g.result().unwrap_err();
        assert!(e.starts_with("3 of 3 golden files: rewritten\n"), "{e}");
        assert_eq!(e.matches(REWRITTEN).count(), 3, "{e}");
        for n in ["x", "y", "z"] {
            assert_eq!(
                std::fs::read_to_string(d.join(format!("{n}.json"))).unwrap(),
                n
            );
        }
        // Compared, one differs: the set names it and passes the others.
        let mut g = Goldens::with_mode(Mode::Compare);
        g.check(&d.join("x.json"), "x", "x");
        g.check(&d.join("y.json"), "y", "Y");
        g.check(&d.join("z.json"), "z", "z");
        let e = g.result().unwrap_err();
        assert!(
            e.starts_with("1 of 3 golden files: differ\ny differs from"),
            "{e}"
        );
        let mut g = Goldens::with_mode(Mode::Compare);
        g.check(&d.join("x.json"), "x", "x");
        assert_eq!(g.result(), Ok(()));
        g.finish();
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    #[should_panic(expected = "golden rewritten: review `git diff golden/` and commit")]
    fn a_blessing_set_panics() {
        let d = scratch();
        let mut g = Goldens::with_mode(Mode::Bless);
        g.check(&d.join("p.json"), "p", "p");
        g.finish();
    }

    #[test]
    fn a_missing_golden_file_fails_when_comparing() {
        let d = scratch();
        let p = d.join("missing.json");
        let e = check_golden(&p, "m", "x\n", Mode::Compare).unwrap_err();
        assert_eq!(
            e,
            format!(
                "missing golden file {}; run with KEHOACH_BLESS=1, review it and commit",
                p.display()
            )
        );
        assert!(!p.exists());
        std::fs::remove_dir_all(&d).unwrap();
    }
}
