//! `kehoach check DRAFT [--against PARENT]... [--stage draft|signed] [--format text|json|html]
//! [--out FILE] [--rules-data FILE] [--select CODES] [--ignore CODES] [--threshold SCORE]
//! [--max-word-comparisons N] [--annotate OUT.docx]`

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use kehoach_diff::{check, Options, RulesData, Severity, Source, Stage};
use kehoach_i18n::tr_args;
use kehoach_parse::{parse_bytes, Limits};

use crate::render;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Compiler-style diagnostics.
    Text,
    /// One JSON object: the findings and a summary.
    Json,
    /// A self-contained HTML page with the plan's table and each finding on its row.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StageArg {
    /// A draft may leave the number and the day blank.
    Draft,
    /// A signed plan needs its number, full date and signer; Decree 30/2020 format.
    Signed,
}

#[derive(clap::Args)]
pub struct Args {
    /// The draft plan (.docx, .doc, .rtf, .pdf, HTML, text).
    draft: PathBuf,
    /// A parent plan the draft implements (e.g. the provincial plan); may be repeated.
    #[arg(long = "against", value_name = "PARENT")]
    against: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "draft")]
    stage: StageArg,
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to a file instead of standard output.
    #[arg(
        long = "output",
        short = 'o',
        visible_alias = "out",
        value_name = "FILE"
    )]
    out: Option<PathBuf>,
    /// More stale bodies, superseded legal bases and misspellings (JSON, the shape of the
    /// shipped data/stale.json).
    #[arg(long = "rules-data", value_name = "FILE")]
    rules_data: Option<PathBuf>,
    /// Minimum similarity (0–1) for a draft item to count as a parent item's match.
    #[arg(long, value_name = "SCORE", default_value_t = 0.6, value_parser = parse_threshold)]
    threshold: f64,
    /// Only these rules: codes or code prefixes, comma-separated ("KH1,KH301").
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    select: Vec<String>,
    /// Not these rules: codes or code prefixes, comma-separated ("KH403,KH6").
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Most matching work per parent, in word comparisons: every draft item is scored against
    /// every parent item (n × m pairs, each reading both items' words).
    #[arg(long, value_name = "N", default_value_t = kehoach_diff::MatchLimit::DEFAULT)]
    max_word_comparisons: u64,
    /// Also write a copy of the .docx draft with one Word comment per finding, anchored on
    /// its cell or words, and each certain fix as a tracked change (the draft is not
    /// modified).
    #[arg(long, value_name = "OUT.docx")]
    annotate: Option<PathBuf>,
    #[command(flatten)]
    limits: super::parse::LimitArgs,
    #[command(flatten)]
    ocr: super::parse::OcrArgs,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 1"))
    }
}

/// Reads and parses one plan into a source for the checker.
pub fn load(path: &Path, limits: &Limits) -> Result<Source, String> {
    let (shown, _, parsed) = super::read_with(path, |b| parse_bytes(b, limits))?;
    Ok(Source::from_parsed(&shown, parsed))
}

/// Opens the output: the file given, or standard output.
pub fn output(out: &Option<PathBuf>) -> Result<Box<dyn Write>, String> {
    match out {
        Some(p) => std::fs::File::create(p)
            .map(|f| Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>)
            .map_err(|e| format!("{}: cannot write: {e}", p.display())),
        None => Ok(Box::new(std::io::stdout().lock())),
    }
}

/// Colour only on a terminal, and not when NO_COLOR is set.
pub fn use_colour(out: &Option<PathBuf>) -> bool {
    out.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Exit codes: 0 no error-level finding, 1 some error-level finding, 2 a file that cannot be
/// read or parsed, a parent without work items, an unknown rule code in `--select` or
/// `--ignore`, bad rules data, or plans too large to compare (`--max-word-comparisons`).
pub fn run(args: Args) -> u8 {
    let rules = kehoach_diff::RuleFilter {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let unknown = rules.unknown();
    if !unknown.is_empty() {
        error!(
            "no rule {}: `kehoach rules` lists the codes (KH101 … KH702; a prefix such as KH3 selects a group)",
            unknown
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        return 2;
    }
    let mut data = RulesData::builtin();
    if let Some(p) = &args.rules_data {
        let extra = std::fs::read_to_string(p)
            .map_err(|e| format!("{}: cannot read: {e}", p.display()))
            .and_then(|s| RulesData::from_json(&s).map_err(|e| format!("{}: {e}", p.display())));
        match extra {
            Ok(d) => data.extend(d),
            Err(e) => {
                error!("{e}");
                return 2;
            }
        }
    }
    let limits = args.ocr.apply(args.limits.limits());
    let lang = super::lang();
    if let Some(out) = &args.annotate {
        if same_file(&args.draft, out) {
            error!(
                "{}",
                tr_args(lang, "annotate-same-path", &[("path", p(out).into())])
            );
            return 2;
        }
    }
    let draft = match load(&args.draft, &limits) {
        Ok(s) => s,
        Err(e) => {
            error!("{e}");
            return 2;
        }
    };
    if args.annotate.is_some()
        && draft.document.as_ref().map(|d| d.format) != Some(kehoach_parse::Format::Docx)
    {
        error!(
            "{}",
            tr_args(
                lang,
                "annotate-not-docx",
                &[("path", p(&args.draft).into())]
            )
        );
        return 2;
    }
    // A document that is not a plan (a report, a letter, a README) is not checked: the rules
    // judge plans, so its "findings" would be noise ("no deadline" on a report's table) and
    // "0 errors" would be false.
    if !draft.plan.is_plan {
        let kind = draft
            .plan
            .document
            .doc_type
            .clone()
            .unwrap_or_else(|| tr_args(lang, "check-unknown-type", &[]));
        error!(
            "{}",
            tr_args(
                lang,
                "check-not-a-plan",
                &[("file", draft.name.as_str().into()), ("kind", kind.into())]
            )
        );
        return 2;
    }
    let mut parents = Vec::new();
    for p in &args.against {
        match load(p, &limits) {
            // A parent without work items checks nothing: saying "0 errors" would be false.
            Ok(s) if s.plan.items.is_empty() => {
                error!(
                    "{}",
                    tr_args(
                        lang,
                        "check-parent-without-items",
                        &[("file", s.name.as_str().into())]
                    )
                );
                return 2;
            }
            Ok(s) => parents.push(s),
            Err(e) => {
                error!("{e}");
                return 2;
            }
        }
    }
    for w in &draft.plan.warnings {
        warning!("{}: {w}", draft.name);
    }
    let opts = Options {
        stage: match args.stage {
            StageArg::Draft => Stage::Draft,
            StageArg::Signed => Stage::Signed,
        },
        data,
        threshold: args.threshold,
        max_word_comparisons: kehoach_diff::MatchLimit(args.max_word_comparisons),
        rules,
        lang,
    };
    let findings = match check(&draft, &parents, &opts) {
        Ok(f) => f,
        Err(e) => {
            error!("{}: {e}", draft.name);
            return 2;
        }
    };
    if let Some(out) = &args.annotate {
        if let Err(e) = annotate(&args.draft, out, &draft, &findings, lang, &limits) {
            error!("{e}");
            return 2;
        }
    }
    let colour = use_colour(&args.out);
    let mut out = match output(&args.out) {
        Ok(o) => o,
        Err(e) => {
            error!("{e}");
            return 2;
        }
    };
    let report = render::findings::Report {
        draft: &draft,
        parents: &parents,
        stage: opts.stage,
        findings: &findings,
    };
    let res = match args.format {
        Format::Text => render::findings::text(&mut out, &report, colour),
        Format::Json => render::findings::json(&mut out, &report),
        Format::Html => render::findings_html::html(&mut out, &report, super::lang()),
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error!("cannot write output: {e}");
            return 2;
        }
    }
    u8::from(findings.iter().any(|f| f.severity == Severity::Error))
}

fn p(path: &Path) -> String {
    path.display().to_string()
}

/// Whether two paths name the same file (the second may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| {
        p.canonicalize().ok().or_else(|| {
            let parent = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.canonicalize().ok()?,
                _ => std::env::current_dir().ok()?,
            };
            Some(parent.join(p.file_name()?))
        })
    };
    match (canon(a), canon(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Writes the annotated copy of the draft to `out`: into a temporary file in `out`'s folder,
/// renamed over `out` once complete, so that a failed run leaves no half-written file.
fn annotate(
    draft_path: &Path,
    out: &Path,
    draft: &Source,
    findings: &[kehoach_diff::Finding],
    lang: kehoach_diff::Lang,
    limits: &Limits,
) -> Result<(), String> {
    let fail = |e: String| {
        tr_args(
            lang,
            "annotate-cannot-write",
            &[("path", p(out).into()), ("error", e.into())],
        )
    };
    let bytes = std::fs::read(draft_path).map_err(|e| fail(e.to_string()))?;
    let who = kehoach_parse::docx::annotate::Author {
        name: "kehoach".into(),
        initials: "KH".into(),
        date: now_iso(),
    };
    let done = std::panic::catch_unwind(|| {
        kehoach_diff::annotate::annotate_docx(&bytes, &draft.plan, findings, lang, &who, limits)
    })
    .map_err(|_| fail("internal error (please report this file)".into()))?
    .map_err(|e| fail(e.to_string()))?;
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annotated.docx".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::write(&tmp, &done.bytes).and_then(|_| std::fs::rename(&tmp, out));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e.to_string()));
    }
    eprintln!(
        "{}",
        tr_args(
            lang,
            "annotate-written",
            &[
                ("comments", done.fixed.len().into()),
                ("fixes", done.fixed.iter().filter(|&&f| f).count().into()),
                ("path", p(out).into()),
            ],
        )
    );
    Ok(())
}

/// Now as `w:date` wants it ("2026-03-02T08:00:00Z"), or `SOURCE_DATE_EPOCH` when set (for
/// reproducible output).
fn now_iso() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}
