//! One module per subcommand.

/// Tells the user of an error, in the run's language: "lỗi: …" / "error: …" on standard
/// error. The one way subcommands report what went wrong.
macro_rules! error {
    ($($t:tt)*) => {
        eprintln!(
            "{}: {}",
            kehoach_i18n::tr($crate::cmd::lang(), "severity-error"),
            format_args!($($t)*)
        )
    };
}

/// Tells the user of a warning, in the run's language: "cảnh báo: …" / "warning: …".
macro_rules! warning {
    ($($t:tt)*) => {
        eprintln!(
            "{}: {}",
            kehoach_i18n::tr($crate::cmd::lang(), "severity-warning"),
            format_args!($($t)*)
        )
    };
}

pub mod check;
pub mod completions;
pub mod diff;
pub mod export;
pub mod import;
pub mod parse;
pub mod query;
pub mod reparse;
pub mod rules;
pub mod tables;

use std::path::Path;

use std::sync::OnceLock;

use kehoach_i18n::Lang;
use kehoach_parse::record::Record;
use kehoach_parse::{parse_bytes, Limits};

/// Reads and parses one file into a record, or an error message that names the file.
pub fn parse_file(path: &Path, limits: &Limits) -> Result<Record, String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    let parsed = std::panic::catch_unwind(|| parse_bytes(&bytes, limits))
        .map_err(|_| format!("{shown}: internal error while parsing (please report this file)"))?
        .map_err(|e| format!("{shown}: {e}"))?;
    Ok(Record::new(&shown, &bytes, parsed))
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this run (once, from `--lang` or the environment).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}
