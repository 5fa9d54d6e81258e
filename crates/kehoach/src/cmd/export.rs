//! `kehoach export --format csv|xlsx|jsonl [-o FILE] [--plans] [filters]`
//!
//! The same selections as `query`, as files: CSV and JSON lines of items (or plans with
//! `--plans`), or one workbook with a sheet of plans and a sheet of items.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::query::{finish, open_store, DbArgs, FilterArgs};
use crate::render;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// A workbook: sheet "Kế hoạch" (plans) and sheet "Nhiệm vụ" (items).
    Xlsx,
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, short, value_enum)]
    format: Format,
    /// Output file (standard output for csv and jsonl when not given; required for xlsx).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Export plans instead of items (csv, jsonl; the xlsx has both).
    #[arg(long)]
    plans: bool,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Exit codes: 0 written, 2 the store could not be read or the output not written.
pub fn run(args: Args) -> u8 {
    let Some(store) = open_store(&args.db) else {
        return 2;
    };
    let filter = args.filter.to_filter();
    if args.format == Format::Xlsx {
        let Some(path) = &args.output else {
            eprintln!("error: --format xlsx needs --output FILE");
            return 2;
        };
        return match render::xlsx::export(path, &store, &filter) {
            Ok((p, i)) => {
                eprintln!("{}: {p} plans, {i} items", path.display());
                0
            }
            Err(e) => {
                eprintln!("error: {e}");
                2
            }
        };
    }
    let format = match args.format {
        Format::Csv => render::store::Format::Csv,
        _ => render::store::Format::Jsonl,
    };
    let out: Box<dyn Write> = match &args.output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return 2;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(out);
    let res = if args.plans {
        render::store::plans(&mut out, &store, &filter, format)
    } else {
        render::store::items(&mut out, &store, &filter, format)
    };
    finish(res, out)
}
