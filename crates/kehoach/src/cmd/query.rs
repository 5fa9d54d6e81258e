//! `kehoach query [plans|items] [filters] [--format table|csv|jsonl|json]`
//!
//! Also holds the arguments shared by the store subcommands (`--db`, the filters).

use std::io::Write;
use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::ValueEnum;
use kehoach_store::query::Filter;
use kehoach_store::{Store, DEADLINE_KINDS};

use crate::render;

/// The store file.
#[derive(clap::Args, Clone)]
pub struct DbArgs {
    /// The store (SQLite file).
    #[arg(long, value_name = "PATH", default_value = kehoach_store::DEFAULT_DB)]
    pub db: PathBuf,
}

/// Filters shared by `query` and `export`.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Issuer, whole words, case and tone placement ignored ("sở tư pháp").
    #[arg(long)]
    pub issuer: Option<String>,
    /// Plan year (else the year of the document's date).
    #[arg(long)]
    pub year: Option<i32>,
    /// Document number: "182", "182/KH-UBND" or "/KH-STP" (symbol only).
    #[arg(long)]
    pub number: Option<String>,
    /// A SHA-256 prefix, or part of a path the file was imported from.
    #[arg(long)]
    pub source: Option<String>,
    /// Items whose lead or supporting agency is NAME (case, tone placement, punctuation ignored).
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Items led (chủ trì) by NAME.
    #[arg(long, value_name = "NAME")]
    pub lead: Option<String>,
    /// Items supported (phối hợp) by NAME.
    #[arg(long, value_name = "NAME")]
    pub support: Option<String>,
    /// Match agencies containing NAME as whole words, not only equal to it.
    #[arg(long)]
    pub agency_contains: bool,
    /// Items of this kind.
    #[arg(long, value_parser = ["task", "group"])]
    pub kind: Option<String>,
    /// Items with this deadline kind.
    #[arg(long, value_name = "KIND", value_parser = PossibleValuesParser::new(DEADLINE_KINDS))]
    pub deadline: Option<String>,
    /// Items due on or after DATE (YYYY-MM-DD or DD/MM/YYYY; items whose deadline names a date).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_from: Option<String>,
    /// Items due on or before DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due_to: Option<String>,
    /// Free text, diacritics ignored: "kiem soat" finds "kiểm soát" (all words; "quoted phrase"; prefix*).
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Content containing these words exactly as spelled (diacritics count, case does not).
    #[arg(long, value_name = "WORDS")]
    pub exact: Option<String>,
    /// At most N rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> Filter {
        Filter {
            issuer: self.issuer.clone(),
            year: self.year,
            number: self.number.clone(),
            source: self.source.clone(),
            agency: self.agency.clone(),
            lead: self.lead.clone(),
            support: self.support.clone(),
            agency_contains: self.agency_contains,
            kind: self.kind.clone(),
            deadline_kind: self.deadline.clone(),
            due_from: self.due_from.clone(),
            due_to: self.due_to.clone(),
            text: self.text.clone(),
            exact: self.exact.clone(),
            limit: self.limit,
        }
    }
}

/// "2026-01-31" or "31/01/2026" → "2026-01-31".
pub fn parse_date(s: &str) -> Result<String, String> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    let bad = || format!("{s:?} is not a date (YYYY-MM-DD or DD/MM/YYYY)");
    let nums = nums.ok_or_else(bad)?;
    let (y, m, d) = match (parts.first().map(|p| p.len()), nums.as_slice()) {
        (Some(4), [y, m, d]) => (*y, *m, *d),
        (_, [d, m, y]) if *y >= 1000 => (*y, *m, *d),
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum What {
    /// Plans (documents): issuer, number, date, year.
    Plans,
    /// Work items with their plan.
    Items,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// A readable table.
    Table,
    Csv,
    Jsonl,
    /// One JSON array.
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// What to list.
    #[arg(value_enum, default_value = "items")]
    what: What,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "table")]
    format: Format,
    /// Width of the table in columns (default: the terminal's, else $COLUMNS, else 100).
    #[arg(long, value_name = "N")]
    width: Option<usize>,
}

/// Opens the store for reading, or prints why not.
pub fn open_store(db: &DbArgs) -> Option<Store> {
    match Store::open_read_only(&db.db) {
        Ok(s) => Some(s),
        Err(e) => {
            error!("{}: {e}", db.db.display());
            None
        }
    }
}

/// Exit codes: 0 rows printed (possibly none), 2 the store could not be read.
pub fn run(args: Args) -> u8 {
    let Some(store) = open_store(&args.db) else {
        return 2;
    };
    let filter = args.filter.to_filter();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let format = match args.format {
        Format::Table => render::store::Format::Table(render::table::output_width(args.width)),
        Format::Csv => render::store::Format::Csv,
        Format::Jsonl => render::store::Format::Jsonl,
        Format::Json => render::store::Format::Json,
    };
    let res = match args.what {
        What::Plans => render::store::plans(&mut out, &store, &filter, format),
        What::Items => render::store::items(&mut out, &store, &filter, format),
    };
    finish(res, out)
}

/// Flushes output and turns errors into an exit code (a closed pipe is not an error).
pub fn finish(res: Result<usize, render::store::Error>, mut out: impl Write) -> u8 {
    let res = res.and_then(|n| {
        out.flush()?;
        Ok(n)
    });
    match res {
        Ok(_) => 0,
        Err(render::store::Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            error!("{e}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-01-31").unwrap(), "2026-01-31");
        assert_eq!(parse_date("31/1/2026").unwrap(), "2026-01-31");
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date("soon").is_err());
    }
}
