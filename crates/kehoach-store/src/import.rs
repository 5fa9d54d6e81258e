//! Importing files: found (directories recursively), read and hashed and parsed in rayon
//! workers, written by the calling thread one document per transaction.
//!
//! A file whose content is already stored is not parsed again (its path is recorded if new);
//! a file that fails to parse is stored with its error and the batch goes on. A killed import
//! loses at most the document being written; the next import completes the rest.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

use kehoach_parse::record::sha256_hex;
use kehoach_parse::Limits;
use rayon::prelude::*;
use serde::Serialize;

use crate::write::{self, Prepared};
use crate::{parse_checked, parser_version, Checker, Finding, Result, Store};

/// Extensions picked up when walking a directory (a file named explicitly is always taken).
pub const EXTENSIONS: &[&str] = &[
    "docx", "pdf", "html", "htm", "txt", "md", "doc", "rtf", "xlsx",
];

#[derive(Default)]
pub struct Options<'a> {
    pub limits: Limits,
    /// Runs checks on each new document and stores the findings.
    pub checker: Option<&'a dyn Checker>,
    /// Stores documents that are not plans (reports, letters …) too; by default they are
    /// recorded in the import log as skipped, with their type, and not stored.
    pub all_types: bool,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Parsed and stored.
    Imported { items: usize },
    /// Its content was already stored (`new_path`: this path was not known for it).
    Present { new_path: bool },
    /// Could not be read or parsed; the error is stored with the source (when readable).
    Failed { error: String },
    /// Read, but not a plan (a report, a letter …): not stored without `all_types`.
    Skipped { doc_type: String },
    /// A scan without a text layer: stored as a source waiting for OCR (not a failure, and
    /// not a plan with 0 items); `reparse` reads it again.
    NeedsOcr { error: String },
}

/// Reported after each file is written.
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a str,
    pub outcome: &'a Outcome,
}

/// The result of an import.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub run_id: i64,
    pub files: usize,
    pub imported: usize,
    pub present: usize,
    /// Present files seen at a path not recorded before.
    pub new_paths: usize,
    pub failed: Vec<FailedFile>,
    /// Documents that are not plans, not stored (see [`Options::all_types`]).
    pub skipped: Vec<SkippedFile>,
    /// Scans without a text layer, stored as sources waiting for OCR.
    pub needs_ocr: Vec<FailedFile>,
    pub items: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkippedFile {
    pub path: String,
    /// The document type as written ("BÁO CÁO"), or "không rõ loại".
    pub doc_type: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FailedFile {
    pub path: String,
    pub error: String,
}

/// Files under the given paths: directories are walked recursively (symbolic links to
/// directories are not followed) for [`EXTENSIONS`]; files named are taken as they are.
/// Sorted, without repeats. A path that does not exist is returned as an error entry.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FailedFile>) {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files),
            Ok(_) => files.push(p.clone()),
            Err(e) => missing.push(FailedFile {
                path: p.display().to_string(),
                error: format!("cannot read: {e}"),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, missing)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&p, out);
        } else if ft.is_file() || (ft.is_symlink() && p.is_file()) {
            let ext = p
                .extension()
                .and_then(|x| x.to_str())
                .map(|x| x.to_ascii_lowercase());
            if ext.is_some_and(|x| EXTENSIONS.contains(&x.as_str())) {
                out.push(p);
            }
        }
    }
}

/// The path stored for a file: absolute where it can be made so.
fn shown(p: &Path) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}

#[allow(clippy::large_enum_variant)]
enum Work {
    Present {
        path: String,
        sha: String,
    },
    Parsed {
        path: String,
        sha: String,
        bytes: Vec<u8>,
        result: std::result::Result<(Prepared, Vec<Finding>), String>,
    },
    Unreadable {
        path: String,
        error: String,
    },
}

/// Imports files and directories. `progress` is called on the calling thread after each file.
pub fn run(
    store: &mut Store,
    paths: &[PathBuf],
    opts: &Options,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Summary> {
    let (files, missing) = collect_files(paths);
    let run_id = write::begin_run(store.conn(), "import")?;
    let known: HashSet<String> = {
        // Sources with a document. A source that failed is read again: the limit it failed
        // on may have been raised, as its message advises, or the reader improved.
        let mut stmt = store.conn().prepare(
            "SELECT s.sha256 FROM source s WHERE EXISTS (SELECT 1 FROM document d WHERE d.id = s.id)",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut summary = Summary {
        run_id,
        files: files.len() + missing.len(),
        ..Default::default()
    };
    let total = summary.files;
    let version = parser_version();
    let checker_version = opts.checker.map(|c| c.version());
    let all_types = opts.all_types;
    let hang = test_hook::hang_point();
    let mut done = 0;
    for m in missing {
        done += 1;
        let outcome = Outcome::Failed {
            error: m.error.clone(),
        };
        let tx = store.conn_mut().transaction()?;
        write::log(&tx, run_id, Some(&m.path), None, "failed", Some(&m.error))?;
        tx.commit()?;
        progress(&Progress {
            done,
            total,
            path: &m.path,
            outcome: &outcome,
        });
        summary.failed.push(m);
    }

    // Workers send finished files; the channel's bound keeps memory bounded.
    let (tx_work, rx_work) = sync_channel::<Work>(32);
    let limits = &opts.limits;
    let checker = opts.checker;
    let known = &known;
    let files = &files;
    // Set when the writer fails, so that the workers stop parsing.
    let stop = &AtomicBool::new(false);
    let result: Result<()> = std::thread::scope(|s| {
        s.spawn(move || {
            files.par_iter().for_each_with(tx_work, |tx, p| {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let path = shown(p);
                let work = match std::fs::read(p) {
                    Err(e) => Work::Unreadable {
                        path,
                        error: format!("cannot read: {e}"),
                    },
                    Ok(bytes) => {
                        let sha = sha256_hex(&bytes);
                        if known.contains(&sha) {
                            Work::Present { path, sha }
                        } else {
                            let result = parse_checked(&path, &bytes, limits, checker).and_then(
                                |(rec, findings)| {
                                    let prep = Prepared::new(rec).map_err(|e| e.to_string())?;
                                    Ok((prep, findings))
                                },
                            );
                            Work::Parsed {
                                path,
                                sha,
                                bytes,
                                result,
                            }
                        }
                    }
                };
                // The receiver is gone only when the writer failed; stop quietly.
                let _ = tx.send(work);
            });
        });
        for work in rx_work {
            let hang_here = hang
                .as_ref()
                .filter(|(n, _)| *n == summary.imported)
                .map(|(_, marker)| marker.as_path());
            let (path, outcome) = write_one(
                store,
                run_id,
                work,
                (&version, checker_version.as_deref()),
                all_types,
                hang_here,
            )?;
            done += 1;
            match &outcome {
                Outcome::Imported { items } => {
                    summary.imported += 1;
                    summary.items += items;
                }
                Outcome::Present { new_path } => {
                    summary.present += 1;
                    summary.new_paths += usize::from(*new_path);
                }
                Outcome::Failed { error } => summary.failed.push(FailedFile {
                    path: path.clone(),
                    error: error.clone(),
                }),
                Outcome::Skipped { doc_type } => summary.skipped.push(SkippedFile {
                    path: path.clone(),
                    doc_type: doc_type.clone(),
                }),
                Outcome::NeedsOcr { error } => summary.needs_ocr.push(FailedFile {
                    path: path.clone(),
                    error: error.clone(),
                }),
            }
            progress(&Progress {
                done,
                total,
                path: &path,
                outcome: &outcome,
            });
        }
        Ok(())
    });
    result?;
    write::finish_run(store.conn(), run_id, &serde_json::to_value(&summary)?)?;
    Ok(summary)
}

/// Writes one file's result in one transaction (`versions`: the parser's and the checker's).
/// `hang_here`: the test hook's marker, when this is the document to stop in (see
/// [`test_hook`]).
fn write_one(
    store: &mut Store,
    run_id: i64,
    work: Work,
    versions: (&str, Option<&str>),
    all_types: bool,
    hang_here: Option<&Path>,
) -> Result<(String, Outcome)> {
    let (version, checker_version) = versions;
    let tx = store.conn_mut().transaction()?;
    // A document that is not a plan is only logged, unless every type is asked for.
    if let Work::Parsed {
        path,
        sha,
        result: Ok((prep, _)),
        ..
    } = &work
    {
        if !all_types && !prep.record.is_plan {
            let doc_type = prep
                .record
                .document
                .doc_type
                .clone()
                .unwrap_or_else(|| "không rõ loại".into());
            let note = format!("không phải kế hoạch ({doc_type}); --all-types để lưu");
            write::log(&tx, run_id, Some(path), Some(sha), "skipped", Some(&note))?;
            tx.commit()?;
            return Ok((path.clone(), Outcome::Skipped { doc_type }));
        }
    }
    let (path, outcome) = match work {
        Work::Unreadable { path, error } => {
            write::log(&tx, run_id, Some(&path), None, "failed", Some(&error))?;
            (path, Outcome::Failed { error })
        }
        Work::Present { path, sha } => {
            let id = write::source_id(&tx, &sha)?
                .ok_or_else(|| crate::Error::Other(format!("source {sha} vanished")))?;
            let new_path = write::add_path(&tx, id, &path)?;
            if new_path {
                write::log(&tx, run_id, Some(&path), Some(&sha), "new_path", None)?;
            }
            match stored_failure(&tx, id)? {
                // Stored before, and it failed then: say so again (nothing is rewritten).
                Some(error) if needs_ocr(&error) => (path, Outcome::NeedsOcr { error }),
                Some(error) => (path, Outcome::Failed { error }),
                None => (path, Outcome::Present { new_path }),
            }
        }
        Work::Parsed {
            path,
            sha,
            bytes,
            result,
        } => {
            let (id, inserted) = write::upsert_source(&tx, &sha, &bytes)?;
            let new_path = write::add_path(&tx, id, &path)?;
            if !inserted && has_document(&tx, id)? {
                // The same content twice in one batch: the first one stored it.
                (path, Outcome::Present { new_path })
            } else {
                match result {
                    Ok((prep, findings)) => {
                        write::write_document(&tx, id, &prep, version, None)?;
                        // It may have failed before (a limit since raised).
                        write::clear_failure(&tx, id)?;
                        if let Some(cv) = checker_version {
                            write::write_findings(&tx, id, &findings, cv)?;
                        }
                        write::log(&tx, run_id, Some(&path), Some(&sha), "imported", None)?;
                        if let Some(marker) = hang_here {
                            test_hook::hang(marker);
                        }
                        (
                            path,
                            Outcome::Imported {
                                items: prep.record.items.len(),
                            },
                        )
                    }
                    Err(error) => {
                        write::record_failure(&tx, id, &error, version)?;
                        let scan = needs_ocr(&error);
                        let what = if scan { "needs_ocr" } else { "failed" };
                        write::log(&tx, run_id, Some(&path), Some(&sha), what, Some(&error))?;
                        if scan {
                            (path, Outcome::NeedsOcr { error })
                        } else {
                            (path, Outcome::Failed { error })
                        }
                    }
                }
            }
        }
    };
    tx.commit()?;
    Ok((path, outcome))
}

/// A test hook, for the kill test only (`crates/kehoach/tests/store_kill.rs`): with
/// `KEHOACH_TEST_HOOK_HANG_IMPORT=N:PATH` in the environment, the import stops inside the
/// transaction of the document after the first N it imports (every row of that document
/// written, nothing committed), creates the file PATH and waits there until it is killed.
/// The test kills it at that exact point instead of racing a running import with sleeps.
/// Unset (always, outside that test), it costs one environment lookup per import.
mod test_hook {
    use std::path::{Path, PathBuf};

    pub const VAR: &str = "KEHOACH_TEST_HOOK_HANG_IMPORT";

    /// The hook's `(N, PATH)`, if set and well formed.
    pub fn hang_point() -> Option<(usize, PathBuf)> {
        let v = std::env::var_os(VAR)?;
        let v = v.to_str()?;
        let (n, path) = v.split_once(':')?;
        Some((n.parse().ok()?, PathBuf::from(path)))
    }

    /// Writes the marker, then waits forever (the test kills the process).
    pub fn hang(marker: &Path) -> ! {
        // Written to a temporary name and renamed, so that the test never sees it half made.
        let tmp = marker.with_extension("tmp");
        let _ = std::fs::write(&tmp, b"hanging\n");
        let _ = std::fs::rename(&tmp, marker);
        loop {
            std::thread::park();
        }
    }
}

/// Whether a stored parse error is a scan waiting for OCR ([`kehoach_parse::error::NEEDS_OCR_MESSAGE`]).
pub fn needs_ocr(error: &str) -> bool {
    error.starts_with(kehoach_parse::error::NEEDS_OCR_MESSAGE)
}

/// Whether a source has its document (it was parsed; not a stored failure).
fn has_document(tx: &rusqlite::Connection, id: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM document WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// The stored error of a source that has no document.
fn stored_failure(tx: &rusqlite::Connection, id: i64) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .prepare_cached(
            "SELECT error FROM parse_failure f
             WHERE source_id = ?1 AND NOT EXISTS (SELECT 1 FROM document d WHERE d.id = f.source_id)",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Sources that failed to parse and have no document, with their last error.
pub fn failures(store: &Store) -> Result<Vec<FailedFile>> {
    let mut stmt = store.conn().prepare(
        "SELECT (SELECT min(path) FROM source_path p WHERE p.source_id = f.source_id), f.error
         FROM parse_failure f WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = f.source_id)
         ORDER BY f.source_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(FailedFile {
            path: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            error: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
