//! What the CLI tests share: the checkout's root and running the built binary from it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The checkout's root, where `fixtures/` is.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `kehoach ARGS…` in the root, in English (the tests that read the default,
/// Vietnamese, use [`kehoach_env`]).
pub fn kehoach(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .env("KEHOACH_LANG", "en")
        .current_dir(root())
        .args(args)
        .output()
        .expect("run kehoach")
}

/// Runs `kehoach ARGS…` in the root with exactly these language variables set (all others
/// of `KEHOACH_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` removed).
pub fn kehoach_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    for v in ["KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c.envs(env.iter().copied())
        .current_dir(root())
        .args(args)
        .output()
        .expect("run kehoach")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as JSON.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)))
}
