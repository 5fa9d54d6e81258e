//! `kehoach diff OLD NEW [--format text|json|html] [--out FILE] [--max-word-comparisons N]`

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::check::{load, output, use_colour};
use crate::render;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// A readable listing: added, removed, changed (with a word diff), renumbered.
    Text,
    Json,
    /// A self-contained HTML page.
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// The older plan (or the parent).
    old: PathBuf,
    /// The newer plan (or the draft).
    new: PathBuf,
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    /// Show unchanged items too.
    #[arg(long)]
    all: bool,
    /// Write to a file instead of standard output.
    #[arg(
        long = "output",
        short = 'o',
        visible_alias = "out",
        value_name = "FILE"
    )]
    out: Option<PathBuf>,
    /// Most matching work, in word comparisons: every old item is scored against every new
    /// item (n × m pairs, each reading both items' words).
    #[arg(long, value_name = "N", default_value_t = kehoach_diff::MatchLimit::DEFAULT)]
    max_word_comparisons: u64,
    #[command(flatten)]
    limits: super::parse::LimitArgs,
}

/// Exit codes: 0 the plans were compared, 2 a file could not be read or parsed, or the plans
/// are too large to compare (`--max-word-comparisons`).
pub fn run(args: Args) -> u8 {
    let limits = args.limits.limits();
    let (old, new) = match (load(&args.old, &limits), load(&args.new, &limits)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            error!("{e}");
            return 2;
        }
    };
    let limit = kehoach_diff::MatchLimit(args.max_word_comparisons);
    let d = match kehoach_diff::diff::diff_sources(&old, &new, limit) {
        Ok(d) => d,
        Err(e) => {
            error!("{} and {}: {e}", old.name, new.name);
            return 2;
        }
    };
    let colour = use_colour(&args.out);
    let mut out = match output(&args.out) {
        Ok(o) => o,
        Err(e) => {
            error!("{e}");
            return 2;
        }
    };
    let res = match args.format {
        Format::Text => {
            render::plandiff::text(&mut out, &old, &new, &d, colour, args.all, super::lang())
        }
        Format::Json => {
            let v = serde_json::json!({
                "old": old.name, "new": new.name, "summary": d.summary, "meta": d.meta,
                "lists": d.lists, "body": d.body, "entries": d.entries,
            });
            serde_json::to_writer_pretty(&mut out, &v)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        Format::Html => render::plandiff::html(&mut out, &old, &new, &d, args.all, super::lang()),
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error!("cannot write output: {e}");
            return 2;
        }
    }
    0
}
