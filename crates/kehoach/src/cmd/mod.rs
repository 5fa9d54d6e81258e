//! One module per subcommand.

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
