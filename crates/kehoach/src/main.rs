//! `kehoach`: the command-line front end. Each subcommand lives in `cmd/`; it reads files,
//! calls the library crates and hands results to `render/`. No parsing or checking logic
//! lives here.

mod cmd;
mod help;
mod render;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Subcommand};

// mimalloc over the system allocator: parsing makes many small strings, and glibc's malloc
// and free took 13% of a .docx parse (mimalloc: 4%; see benches/docx.rs). ruff and many
// other Rust command-line tools ship a replacement allocator for the same reason.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn Vietnamese government plans (Kế hoạch) into structured records and check drafts.
#[derive(clap::Parser)]
#[command(name = "kehoach", version = env!("KEHOACH_VERSION"), about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages, help and reports: vi (default) or en; also KEHOACH_LANG or an
    /// English locale (LANG=en_US.UTF-8).
    #[arg(long, global = true, value_name = "LANG", value_parser = clap::value_parser!(kehoach_i18n::Lang))]
    lang: Option<kehoach_i18n::Lang>,
}

#[derive(Subcommand)]
enum Command {
    /// Parse plans (.docx, .doc, .rtf, .xlsx, .pdf, HTML, text) into records.
    Parse(cmd::parse::Args),
    /// Check a draft plan for drift (years, missing items, stale bodies, structure …).
    Check(cmd::check::Args),
    /// List every table a reader found in a document (any format), with spans and pages.
    Tables(cmd::tables::Args),
    /// Compare two plans item by item, aligned by content.
    Diff(cmd::diff::Args),
    /// List the check rules, or explain one: `kehoach rules KH301`.
    Rules(cmd::rules::Args),
    /// Import plans (files and directories) into the store (kehoach.db).
    Import(cmd::import::Args),
    /// Parse every stored source again with this parser; report and store what changed.
    Reparse(cmd::reparse::Args),
    /// List plans or items from the store, filtered.
    Query(cmd::query::Args),
    /// Export plans and items from the store as CSV, xlsx or JSON lines.
    Export(cmd::export::Args),
    /// Print a shell completion script: `kehoach completions bash > ~/.local/share/bash-completion/completions/kehoach`.
    Completions(cmd::completions::Args),
    /// Print the man page (roff): `kehoach man > ~/.local/share/man/man1/kehoach.1`.
    Man(cmd::completions::ManArgs),
}

fn main() -> ExitCode {
    // The language first (from the arguments or the environment), so that `--help` and
    // usage errors are already in it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::lang_of_args(&args);
    let matches = help::localize(Cli::command(), lang).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cmd::set_lang(cli.lang.unwrap_or(lang));
    let code = match cli.command {
        Command::Parse(args) => cmd::parse::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Tables(args) => cmd::tables::run(args),
        Command::Diff(args) => cmd::diff::run(args),
        Command::Rules(args) => cmd::rules::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Reparse(args) => cmd::reparse::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man(args) => cmd::completions::man(args),
    };
    ExitCode::from(code)
}
