//! `kehoach export --format csv|xlsx|jsonl [-o FILE] [--plans] [--bom|--no-bom] [filters]`
//!
//! The same selections as `query`, as files: CSV and JSON lines of items (or plans with
//! `--plans`), or one workbook with a sheet of plans, a sheet of items and, for checked
//! plans, a sheet of findings.
//!
//! CSV for Excel: Excel on Windows reads a CSV without a byte-order mark in the machine's
//! ANSI code page, and Vietnamese comes out garbled. `export` is the command meant for office
//! users, so a CSV written to a file whose name ends in `.csv` starts with the UTF-8 BOM
//! unless `--no-bom`; on standard output (a pipe into another program) there is none unless
//! `--bom`. `parse --format csv` (for programs) writes one only with `--bom`.

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
    #[arg(long, short, visible_alias = "out", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Export plans instead of items (csv, jsonl; the xlsx has both).
    #[arg(long)]
    plans: bool,
    /// Start the CSV with a UTF-8 byte-order mark, so Excel reads Vietnamese right
    /// (default when --output ends in .csv).
    #[arg(long, conflicts_with = "no_bom")]
    bom: bool,
    /// No byte-order mark, even for an --output ending in .csv.
    #[arg(long)]
    no_bom: bool,
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
            error!("--format xlsx needs --output FILE");
            return 2;
        };
        let source = args
            .db
            .db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| args.db.db.display().to_string());
        return match render::xlsx::export(path, &store, &filter, &source) {
            Ok(w) => {
                eprint!("{}: {} plans, {} items", path.display(), w.plans, w.items);
                if w.findings > 0 {
                    eprint!(", {} findings", w.findings);
                }
                eprintln!();
                0
            }
            Err(e) => {
                error!("{e}");
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
                error!("{}: {e}", p.display());
                return 2;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(out);
    if format == render::store::Format::Csv && bom_wanted(&args) {
        if let Err(e) = out.write_all(render::records::BOM) {
            return finish(Err(e.into()), out);
        }
    }
    let res = if args.plans {
        render::store::plans(&mut out, &store, &filter, format)
    } else {
        render::store::items(&mut out, &store, &filter, format)
    };
    finish(res, out)
}

/// Whether the CSV starts with a byte-order mark: `--bom`, or an `--output` whose name ends
/// in `.csv` (any case) without `--no-bom`.
fn bom_wanted(args: &Args) -> bool {
    if args.bom {
        return true;
    }
    if args.no_bom {
        return false;
    }
    args.output
        .as_ref()
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}
