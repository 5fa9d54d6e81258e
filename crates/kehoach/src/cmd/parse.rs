//! `kehoach parse FILE... [--format json|jsonl|csv|table]`

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;
use kehoach_parse::Limits;
use rayon::prelude::*;

use crate::render;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One JSON object for one file, an array for several.
    Json,
    /// One JSON object per line, one line per file.
    Jsonl,
    /// One line per item, with the file it came from.
    Csv,
    /// A readable table for a terminal.
    Table,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files to parse (.docx, .pdf, .html, .txt, .md); the reader is chosen by content.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "json")]
    format: Format,
}

/// Exit codes: 0 every file parsed, 1 some file failed.
pub fn run(args: Args) -> u8 {
    let limits = Limits::default();
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|f| super::parse_file(f, &limits))
        .collect();
    let mut ok = Vec::new();
    let mut failed = 0;
    for r in results {
        match r {
            Ok(rec) => ok.push(rec),
            Err(msg) => {
                eprintln!("error: {msg}");
                failed += 1;
            }
        }
    }
    for rec in &ok {
        for w in &rec.warnings {
            eprintln!("warning: {}: {w}", rec.source.path);
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let res = match args.format {
        Format::Json => render::records::json(&mut out, &ok, args.files.len() == 1),
        Format::Jsonl => render::records::jsonl(&mut out, &ok),
        Format::Csv => render::records::csv(&mut out, &ok),
        Format::Table => render::records::table(&mut out, &ok),
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {e}");
            return 1;
        }
    }
    u8::from(failed > 0)
}
