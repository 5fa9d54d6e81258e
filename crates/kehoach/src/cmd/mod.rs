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

use kehoach_i18n::{tr_args, Lang};
use kehoach_parse::record::Record;
use kehoach_parse::{parse_bytes, Limits, ParseError};

/// Reads one file and runs `read` on its bytes, never panicking: the one way subcommands
/// read a document. The error names the file and says what is wrong in the run's language.
pub fn read_with<T>(
    path: &Path,
    read: impl FnOnce(&[u8]) -> Result<T, ParseError>,
) -> Result<(String, Vec<u8>, T), String> {
    let l = lang();
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "{shown}: {}",
            tr_args(l, "read-io", &[("detail", e.to_string().into())])
        )
    })?;
    let value = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&bytes)))
        .map_err(|_| format!("{shown}: {}", tr_args(l, "read-internal", &[])))?
        .map_err(|e| format!("{shown}: {}", parse_error_text(&e, l)))?;
    Ok((shown, bytes, value))
}

/// What a reader's error says, in `lang`. The details a reader gives (which part is
/// damaged, what the bytes look like) stay as the reader wrote them.
pub fn parse_error_text(e: &ParseError, lang: Lang) -> String {
    let t = |id: &str, args: &[(&str, kehoach_i18n::Arg)]| tr_args(lang, id, args);
    match e {
        ParseError::Empty => t("read-empty", &[]),
        ParseError::Unsupported(d) => t("read-unsupported", &[("detail", d.into())]),
        ParseError::Encrypted(d) => t("read-encrypted", &[("detail", d.into())]),
        ParseError::Corrupt(d) => t("read-corrupt", &[("detail", d.into())]),
        ParseError::Limit {
            what,
            value,
            limit,
            flag,
        } => t(
            "read-limit",
            &[
                ("what", (*what).into()),
                ("value", value.to_string().into()),
                ("limit", limit.to_string().into()),
                ("flag", (*flag).into()),
            ],
        ),
        ParseError::TimeLimit { seconds } => t(
            "read-time-limit",
            &[("seconds", seconds.to_string().into())],
        ),
        // The English message begins as the store recognises a scan waiting for OCR; the
        // Vietnamese one is for people only.
        ParseError::NeedsOcr { pages } => match lang {
            Lang::En => e.to_string(),
            Lang::Vi => t("read-needs-ocr", &[("pages", (*pages).into())]),
        },
        ParseError::Io(err) => t("read-io", &[("detail", err.to_string().into())]),
    }
}

/// Reads and parses one file into a record, or an error message that names the file.
pub fn parse_file(path: &Path, limits: &Limits) -> Result<Record, String> {
    let (shown, bytes, parsed) = read_with(path, |b| parse_bytes(b, limits))?;
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
