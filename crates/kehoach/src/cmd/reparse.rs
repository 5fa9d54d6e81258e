//! `kehoach reparse [--db PATH] [--dry-run] [--format text|json]`
//!
//! Parses every stored source again with this build's parser and replaces the documents
//! whose record changed; reports them (items added, removed, changed) and the failures.
//! Output streams as documents are done, so a large store needs no more memory.

use std::io::Write;
use std::time::Instant;

use clap::ValueEnum;
use kehoach_store::reparse::{self, DocReport, Status};

use super::import::{checker, open_store_rw, Reporter};
use super::query::DbArgs;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    /// One JSON object: {"documents": [...], "summary": {...}}.
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Report what would change without writing.
    #[arg(long)]
    dry_run: bool,
    /// Check replaced documents again and store the findings.
    #[arg(long)]
    check: bool,
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    limits: super::parse::LimitArgs,
    #[command(flatten)]
    ocr: super::parse::OcrArgs,
}

fn list(v: &[String]) -> String {
    const MAX: usize = 12;
    let mut s = v.iter().take(MAX).cloned().collect::<Vec<_>>().join(", ");
    if v.len() > MAX {
        s.push_str(&format!(" … (+{})", v.len() - MAX));
    }
    s
}

pub fn text_line(r: &DocReport) -> String {
    let head = match r.status {
        Status::Changed => "changed",
        Status::Parsed => "parsed ",
        Status::Failed => "failed ",
    };
    let mut parts = Vec::new();
    if r.status == Status::Failed {
        parts.push(r.error.clone().unwrap_or_default());
    } else {
        parts.push(format!("items {} → {}", r.items_before, r.items_after));
        if !r.added.is_empty() && r.status == Status::Changed {
            parts.push(format!("added {}", list(&r.added)));
        }
        if !r.removed.is_empty() {
            parts.push(format!("removed {}", list(&r.removed)));
        }
        if !r.changed.is_empty() {
            let c: Vec<String> = r
                .changed
                .iter()
                .map(|c| format!("{} ({})", c.stt, c.fields.join(", ")))
                .collect();
            parts.push(format!("changed {}", list(&c)));
        }
        if !r.metadata.is_empty() {
            parts.push(format!("metadata {}", r.metadata.join(", ")));
        }
    }
    format!(
        "{head} {} [{}]: {}",
        r.path,
        &r.sha256[..12.min(r.sha256.len())],
        parts.join("; ")
    )
}

/// Exit codes: 0 done, 1 some source failed to parse that did not fail that way before, 2 the
/// store could not be used.
pub fn run(args: Args) -> u8 {
    let Some(mut store) = open_store_rw(&args.db) else {
        return 2;
    };
    let opts = reparse::Options {
        dry_run: args.dry_run,
        checker: if args.check { checker() } else { None },
        limits: args.ocr.apply(args.limits.limits()),
        ..Default::default()
    };
    if args.check && opts.checker.is_none() {
        warning!("--check: checks are not available in this build; no findings are stored");
    }
    let start = Instant::now();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let json = args.format == Format::Json;
    let mut first = true;
    let mut write_err = None;
    if json {
        let _ = write!(out, "{{\"documents\":[");
    }
    let mut rep = Reporter::new(None, "reparse");
    let res = reparse::run(
        &mut store,
        &opts,
        &mut |r| {
            let res = if json {
                let sep = if first { "\n" } else { ",\n" };
                first = false;
                write!(out, "{sep}")
                    .and_then(|_| serde_json::to_writer(&mut out, r).map_err(std::io::Error::from))
            } else {
                writeln!(out, "{}", text_line(r))
            };
            if let Err(e) = res {
                write_err.get_or_insert(e);
            }
        },
        &mut |done, total| rep.tick(done, total, ""),
    );
    rep.finish();
    let summary = match res {
        Ok(s) => s,
        Err(e) => {
            let _ = out.flush();
            error!("{}: {e}", args.db.db.display());
            return 2;
        }
    };
    let secs = start.elapsed().as_secs_f64();
    let res = if json {
        let mut v = serde_json::to_value(&summary).unwrap_or_default();
        v["seconds"] = serde_json::json!(secs);
        writeln!(out, "\n],\"summary\":{v}}}")
    } else {
        writeln!(
            out,
            "{}{} sources: {} unchanged, {} changed, {} parsed now, {} failed, {} still failing as before ({} restamped to {}) in {:.1} s",
            if summary.dry_run { "dry run: " } else { "" },
            summary.sources,
            summary.unchanged,
            summary.changed,
            summary.parsed,
            summary.failed,
            summary.still_failing,
            summary.restamped,
            summary.parser_version,
            secs
        )
    };
    if let Some(e) = write_err.or(res.err()).or(out.flush().err()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error!("cannot write output: {e}");
            return 2;
        }
    }
    u8::from(summary.failed > 0)
}
