//! `kehoach import PATH... [--db PATH] [--check] [--format text|json]`
//!
//! Files and directories (recursively: .docx .pdf .html .htm .txt .md .doc) are parsed in
//! parallel and stored one document per transaction. A progress bar on a terminal, plain
//! lines otherwise; then a summary.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kehoach_parse::record::Record;
use kehoach_parse::Document;
use kehoach_store::import::{self, Outcome, Progress};
use kehoach_store::{Checker, Finding, Store};

use super::query::DbArgs;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files and directories to import.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    /// Also run `kehoach check` on each new document and store its findings.
    #[arg(long)]
    check: bool,
    /// Store documents that are not plans too (reports, letters, guides …); without it they
    /// are listed as skipped with their type and not stored.
    #[arg(long)]
    all_types: bool,
    /// Summary format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    limits: super::parse::LimitArgs,
    #[command(flatten)]
    ocr: super::parse::OcrArgs,
}

/// The checks of `kehoach check` (draft stage, built-in rules data, no parent plan), as the
/// store's checker: findings are stored with the document by `import --check` and
/// `reparse --check`.
struct DiffChecker {
    opts: kehoach_diff::Options,
}

impl Checker for DiffChecker {
    fn version(&self) -> String {
        format!("kehoach-diff {}", env!("CARGO_PKG_VERSION"))
    }

    fn check(&self, record: &Record, document: Option<&Document>) -> Vec<Finding> {
        let source = kehoach_diff::Source {
            name: record.source.path.clone(),
            plan: record.plan(),
            document: document.cloned(),
        };
        // Without parent plans nothing is compared pairwise, so nothing can be refused.
        kehoach_diff::check(&source, &[], &self.opts)
            .unwrap_or_default()
            .into_iter()
            .map(|f| Finding {
                item_seq: f.location.item,
                code: f.code.to_string(),
                severity: f.severity.name().to_string(),
                message: f.message.clone(),
                detail: serde_json::to_value(&f).ok(),
            })
            .collect()
    }
}

/// The checker the CLI provides to the store.
pub fn checker() -> Option<&'static dyn Checker> {
    static CHECKER: OnceLock<DiffChecker> = OnceLock::new();
    Some(CHECKER.get_or_init(|| DiffChecker {
        opts: kehoach_diff::Options::default(),
    }))
}

/// Reports progress: a bar on a terminal, a line every few seconds otherwise; failures as
/// they happen.
pub struct Reporter {
    bar: Option<ProgressBar>,
    last: Instant,
    every: Duration,
}

impl Reporter {
    pub fn new(total: Option<u64>, what: &str) -> Reporter {
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template(&format!(
                    "{what} {{bar:40.cyan/blue}} {{pos}}/{{len}} {{per_sec}} eta {{eta}} {{wide_msg}}"
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            b
        });
        Reporter {
            bar,
            last: Instant::now(),
            every: Duration::from_secs(5),
        }
    }

    pub fn line(&self, msg: &str) {
        match &self.bar {
            Some(b) => b.println(msg),
            None => eprintln!("{msg}"),
        }
    }

    pub fn tick(&mut self, done: usize, total: usize, msg: &str) {
        match &self.bar {
            Some(b) => {
                b.set_length(total as u64);
                b.set_position(done as u64);
                b.set_message(msg.to_string());
            }
            None => {
                if self.last.elapsed() >= self.every || done == total {
                    self.last = Instant::now();
                    eprintln!("progress: {done}/{total}");
                }
            }
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Opens (creating) the store for writing, or prints why not.
pub fn open_store_rw(db: &DbArgs) -> Option<Store> {
    match Store::open(&db.db) {
        Ok(s) => Some(s),
        Err(e) => {
            error!("{}: {e}", db.db.display());
            None
        }
    }
}

/// Exit codes: 0 every file imported, already present, skipped as not a plan or kept as a
/// scan needing OCR; 1 some file failed; 2 the store
/// could not be opened or written.
pub fn run(args: Args) -> u8 {
    let Some(mut store) = open_store_rw(&args.db) else {
        return 2;
    };
    let checker = if args.check {
        let c = checker();
        if c.is_none() {
            warning!("--check: checks are not available in this build; no findings are stored");
        }
        c
    } else {
        None
    };
    let opts = import::Options {
        checker,
        limits: args.ocr.apply(args.limits.limits()),
        all_types: args.all_types,
    };
    let start = Instant::now();
    let mut rep = Reporter::new(None, "import");
    let res = import::run(&mut store, &args.paths, &opts, &mut |p: &Progress| {
        match p.outcome {
            Outcome::Failed { error } => rep.line(&format!("failed: {}: {error}", p.path)),
            Outcome::NeedsOcr { .. } => rep.line(&format!(
                "needs OCR: {}: bản quét, không có lớp chữ; lưu nguồn, chờ OCR",
                p.path
            )),
            Outcome::Skipped { doc_type } => rep.line(&format!(
                "skipped: {}: không phải kế hoạch ({doc_type}); --all-types để lưu",
                p.path
            )),
            _ => {}
        }
        let name = std::path::Path::new(p.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rep.tick(p.done, p.total, &name);
    });
    rep.finish();
    let summary = match res {
        Ok(s) => s,
        Err(e) => {
            error!("{}: {e}", args.db.db.display());
            return 2;
        }
    };
    let secs = start.elapsed().as_secs_f64();
    match args.format {
        Format::Json => {
            let mut v = serde_json::to_value(&summary).unwrap_or_default();
            v["seconds"] = serde_json::json!(secs);
            v["db"] = serde_json::json!(args.db.db.display().to_string());
            println!("{v}");
        }
        Format::Text => {
            println!(
                "imported {} documents ({} items), {} already present{}, {} not plans skipped, {} scans need OCR, {} failed — {} files in {:.1} s",
                summary.imported,
                summary.items,
                summary.present,
                if summary.new_paths > 0 {
                    format!(" ({} at a new path)", summary.new_paths)
                } else {
                    String::new()
                },
                summary.skipped.len(),
                summary.needs_ocr.len(),
                summary.failed.len(),
                summary.files,
                secs
            );
            for f in &summary.skipped {
                println!(
                    "  skipped: {}: không phải kế hoạch ({})",
                    f.path, f.doc_type
                );
            }
            for f in &summary.needs_ocr {
                println!("  needs OCR: {}: {}", f.path, f.error);
            }
            for f in &summary.failed {
                println!("  failed: {}: {}", f.path, f.error);
            }
            if let Ok(st) = store.stats() {
                println!(
                    "store {}: {} sources, {} documents, {} items, {} failed to parse",
                    args.db.db.display(),
                    st.sources,
                    st.documents,
                    st.items,
                    st.failures
                );
            }
        }
    }
    u8::from(!summary.failed.is_empty())
}
