//! Parsing every stored source again with the current parser.
//!
//! A reader thread streams sources by id in chunks through a bounded channel, rayon workers
//! parse and compare with the stored record, and the calling thread writes: a changed
//! document is replaced atomically (whole documents are grouped into short transactions). Memory stays bounded whatever the store's size:
//! at most a few chunks of sources are in flight, and reports are handed to a callback as
//! they come instead of being collected.

use std::collections::{HashMap, VecDeque};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use kehoach_parse::Limits;
use rayon::prelude::*;
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;

use crate::write::{self, Prepared};
use crate::{parse_checked, parser_version, Checker, Result, Store};

pub struct Options<'a> {
    /// Report without writing anything.
    pub dry_run: bool,
    pub limits: Limits,
    /// Sources read per query.
    pub chunk: usize,
    /// Checks each replaced document again and stores the findings.
    pub checker: Option<&'a dyn Checker>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            dry_run: false,
            limits: Limits::default(),
            chunk: 64,
            checker: None,
        }
    }
}

/// What reparsing did to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The new record differs from the stored one (and replaced it, unless dry run).
    Changed,
    /// The source had failed before and parses now.
    Parsed,
    /// The current parser fails on it (a stored record, if any, is kept), or fails
    /// differently from before.
    Failed,
}

/// One item whose fields changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub stt: String,
    /// Field names of the item that differ ("content", "lead", "deadline" …).
    pub fields: Vec<String>,
}

/// A document that changed or failed. Unchanged documents are only counted.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    pub source_id: i64,
    pub sha256: String,
    pub path: String,
    pub status: Status,
    /// Parts of the record other than the items that differ ("document", "columns",
    /// "warnings" …).
    pub metadata: Vec<String>,
    pub items_before: usize,
    pub items_after: usize,
    /// STT of items added, removed and changed (items are paired by STT, in order).
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ItemChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub parser_version: String,
    pub dry_run: bool,
    pub run_id: Option<i64>,
    pub sources: usize,
    pub unchanged: usize,
    pub changed: usize,
    /// Failed before, parse now.
    pub parsed: usize,
    pub failed: usize,
    /// Sources that failed before and fail the same way now (counted, not reported).
    pub still_failing: usize,
    /// Unchanged documents whose stored parser version was updated.
    pub restamped: usize,
}

/// A new record to store, with the item positions to rewrite (`None`: all).
struct Replacement {
    prep: Prepared,
    findings: Vec<crate::Finding>,
    only_items: Option<Vec<usize>>,
}

struct Job {
    id: i64,
    sha: String,
    bytes: Vec<u8>,
    stored: Option<String>,
    stored_version: Option<String>,
    stored_error: Option<String>,
    path: String,
}

#[allow(clippy::large_enum_variant)]
enum Done {
    Unchanged {
        id: i64,
        stale_version: bool,
    },
    /// Failed before and now, with the same error.
    StillFailing {
        id: i64,
        error: String,
    },
    Report {
        report: DocReport,
        record: Option<Replacement>,
    },
}

/// Reparses every stored source. `on_doc` gets each changed or failed document as it is
/// known; `progress` gets (done, total).
pub fn run(
    store: &mut Store,
    opts: &Options,
    on_doc: &mut dyn FnMut(&DocReport),
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary> {
    let version = parser_version();
    let total: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM source", [], |r| r.get(0))?;
    let mut summary = Summary {
        parser_version: version.clone(),
        dry_run: opts.dry_run,
        sources: total as usize,
        ..Default::default()
    };
    if !opts.dry_run {
        summary.run_id = Some(write::begin_run(store.conn(), "reparse")?);
    }
    let reader = store.reopen_read_only()?;
    let chunk = opts.chunk.max(1) as i64;
    let (tx_job, rx_job) = sync_channel::<Job>(opts.chunk.max(1));
    let (tx_done, rx_done) = sync_channel::<Done>(opts.chunk.max(1));
    let limits = &opts.limits;
    let checker = opts.checker;
    let version_ref = &version;

    let mut batch = Batch::new();
    let mut done = 0usize;
    let result: Result<()> = std::thread::scope(|s| {
        // Reader: sources by id, one chunk per query.
        let reader_handle = s.spawn(move || -> Result<()> {
            let mut last = 0i64;
            let mut stmt = reader.prepare(
                "SELECT s.id, s.sha256, s.bytes, d.record_json, d.parser_version,
                        (SELECT min(path) FROM source_path p WHERE p.source_id = s.id),
                        (SELECT error FROM parse_failure f WHERE f.source_id = s.id)
                 FROM source s LEFT JOIN document d ON d.id = s.id
                 WHERE s.id > ?1 ORDER BY s.id LIMIT ?2",
            )?;
            loop {
                let jobs: Vec<Job> = stmt
                    .query_map(params![last, chunk], |r| {
                        Ok(Job {
                            id: r.get(0)?,
                            sha: r.get(1)?,
                            bytes: r.get(2)?,
                            stored: r.get(3)?,
                            stored_version: r.get(4)?,
                            path: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                            stored_error: r.get(6)?,
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                let Some(l) = jobs.last() else { break };
                last = l.id;
                for j in jobs {
                    if tx_job.send(j).is_err() {
                        return Ok(());
                    }
                }
            }
            Ok(())
        });
        // Workers: parse and compare.
        s.spawn(move || {
            rx_job
                .into_iter()
                .par_bridge()
                .for_each_with(tx_done, |tx, job| {
                    let _ = tx.send(examine(job, limits, checker, version_ref));
                });
        });
        // Writer: this thread.
        let mut write_err = None;
        for d in rx_done {
            done += 1;
            if write_err.is_some() {
                continue; // drain so the workers finish
            }
            let r = (|| -> Result<()> {
                match d {
                    Done::Unchanged { id, stale_version } => {
                        summary.unchanged += 1;
                        if stale_version && !opts.dry_run {
                            batch.begin(store.conn())?;
                            restamp(store.conn(), id, &version)?;
                            summary.restamped += 1;
                            batch.one_done(store.conn())?;
                        }
                    }
                    Done::StillFailing { id, error } => {
                        summary.still_failing += 1;
                        if !opts.dry_run {
                            batch.begin(store.conn())?;
                            write::record_failure(store.conn(), id, &error, &version)?;
                            batch.one_done(store.conn())?;
                        }
                    }
                    Done::Report { report, record } => {
                        match report.status {
                            Status::Changed => summary.changed += 1,
                            Status::Parsed => summary.parsed += 1,
                            Status::Failed => summary.failed += 1,
                        }
                        if !opts.dry_run {
                            batch.begin(store.conn())?;
                            apply(
                                store.conn(),
                                summary.run_id.unwrap_or(0),
                                &report,
                                record,
                                &version,
                                checker,
                            )?;
                            batch.one_done(store.conn())?;
                        }
                        on_doc(&report);
                    }
                }
                Ok(())
            })();
            if let Err(e) = r {
                write_err = Some(e);
            }
            progress(done, total as usize);
        }
        reader_handle
            .join()
            .map_err(|_| crate::Error::Other("the reader thread panicked".into()))??;
        match write_err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    });
    if let Err(e) = result {
        batch.rollback(store.conn());
        return Err(e);
    }
    batch.commit(store.conn())?;
    if !opts.dry_run {
        write::finish_run(
            store.conn(),
            summary.run_id.unwrap_or(0),
            &serde_json::to_value(&summary)?,
        )?;
    }
    Ok(summary)
}

/// Groups the writes of whole documents into transactions, committed every [`BATCH_DOCS`]
/// documents or [`BATCH_TIME`]: each document is replaced atomically (never half written),
/// a commit per document is avoided, and a killed reparse loses at most the last group,
/// which the next run redoes.
struct Batch {
    open: bool,
    n: usize,
    since: Instant,
}

const BATCH_DOCS: usize = 64;
const BATCH_TIME: Duration = Duration::from_millis(500);

impl Batch {
    fn new() -> Batch {
        Batch {
            open: false,
            n: 0,
            since: Instant::now(),
        }
    }
    fn begin(&mut self, conn: &Connection) -> Result<()> {
        if !self.open {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            self.open = true;
            self.n = 0;
            self.since = Instant::now();
        }
        Ok(())
    }
    fn one_done(&mut self, conn: &Connection) -> Result<()> {
        self.n += 1;
        if self.n >= BATCH_DOCS || self.since.elapsed() >= BATCH_TIME {
            self.commit(conn)?;
        }
        Ok(())
    }
    fn commit(&mut self, conn: &Connection) -> Result<()> {
        if self.open {
            conn.execute_batch("COMMIT")?;
            self.open = false;
        }
        Ok(())
    }
    fn rollback(&mut self, conn: &Connection) {
        if self.open {
            let _ = conn.execute_batch("ROLLBACK");
            self.open = false;
        }
    }
}

fn restamp(conn: &Connection, id: i64, version: &str) -> Result<()> {
    conn.prepare_cached("UPDATE document SET parser_version = ?2 WHERE id = ?1")?
        .execute(params![id, version])?;
    Ok(())
}

/// Replaces a changed document, or records a failure (inside the current batch).
fn apply(
    tx: &Connection,
    run_id: i64,
    report: &DocReport,
    record: Option<Replacement>,
    version: &str,
    checker: Option<&dyn Checker>,
) -> Result<()> {
    let id = report.source_id;
    let path = Some(report.path.as_str());
    let sha = Some(report.sha256.as_str());
    match (report.status, record) {
        (Status::Failed, _) | (_, None) => {
            let err = report.error.as_deref().unwrap_or("failed");
            write::record_failure(tx, id, err, version)?;
            let what = if crate::import::needs_ocr(err) {
                "needs_ocr"
            } else {
                "failed"
            };
            write::log(tx, run_id, path, sha, what, Some(err))?;
        }
        (status, Some(r)) => {
            let (prep, findings) = (r.prep, r.findings);
            write::write_document(tx, id, &prep, version, r.only_items.as_deref())?;
            write::clear_failure(tx, id)?;
            if let Some(c) = checker {
                write::write_findings(tx, id, &findings, &c.version())?;
            }
            let what = if status == Status::Parsed {
                "parsed"
            } else {
                "changed"
            };
            write::log(tx, run_id, path, sha, what, None)?;
        }
    }
    Ok(())
}

/// Parses a source again and compares with what is stored.
fn examine(job: Job, limits: &Limits, checker: Option<&dyn Checker>, version: &str) -> Done {
    #[derive(serde::Deserialize)]
    struct Head {
        source: kehoach_parse::record::Source,
    }
    // Rebuild with the path the stored record names, so that only the parse can differ.
    let path = job
        .stored
        .as_deref()
        .and_then(|s| serde_json::from_str::<Head>(s).ok())
        .map(|h| h.source.path)
        .unwrap_or_else(|| job.path.clone());
    let mut report = DocReport {
        source_id: job.id,
        sha256: job.sha.clone(),
        path: path.clone(),
        status: Status::Changed,
        metadata: Vec::new(),
        items_before: 0,
        items_after: 0,
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        error: None,
    };
    let failed = |mut report: DocReport, e: String| {
        report.status = Status::Failed;
        report.error = Some(e);
        Done::Report {
            report,
            record: None,
        }
    };
    let (rec, findings) = match parse_checked(&path, &job.bytes, limits, checker) {
        Ok(r) => r,
        Err(e) if job.stored.is_none() && job.stored_error.as_deref() == Some(e.as_str()) => {
            return Done::StillFailing {
                id: job.id,
                error: e,
            }
        }
        Err(e) => return failed(report, e),
    };
    let prep = match Prepared::new(rec) {
        Ok(p) => p,
        Err(e) => return failed(report, format!("cannot serialise the record: {e}")),
    };
    let unchanged = Done::Unchanged {
        id: job.id,
        stale_version: job.stored_version.as_deref() != Some(version),
    };
    // The common case, the same text: no need to look inside.
    if job.stored.as_deref() == Some(prep.json.as_str()) {
        return unchanged;
    }
    report.items_after = prep.record.items.len();
    let stored: Option<Value> = job
        .stored
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok());
    let mut only_items = None;
    match &stored {
        Some(old) => {
            let new: Value = match serde_json::from_str(&prep.json) {
                Ok(v) => v,
                Err(e) => return failed(report, format!("cannot read the record back: {e}")),
            };
            if *old == new {
                return unchanged; // written differently, the same record
            }
            report.items_before = old
                .get("items")
                .and_then(|i| i.as_array())
                .map_or(0, |a| a.len());
            diff(old, &new, &mut report);
            // Item rows mirror the stored record: rewrite only the positions that differ.
            let none = Vec::new();
            let a = old.get("items").and_then(|v| v.as_array()).unwrap_or(&none);
            let b = new.get("items").and_then(|v| v.as_array()).unwrap_or(&none);
            only_items = Some(
                (0..a.len().max(b.len()))
                    .filter(|&i| a.get(i) != b.get(i))
                    .collect(),
            );
        }
        None => {
            report.status = if job.stored.is_some() {
                // Stored JSON that no longer reads: replace it.
                report.metadata.push("record".into());
                Status::Changed
            } else {
                Status::Parsed
            };
            report.added = prep.record.items.iter().map(|i| i.stt.clone()).collect();
        }
    }
    Done::Report {
        report,
        record: Some(Replacement {
            prep,
            findings,
            only_items,
        }),
    }
}

/// Fills the differences between two records into a report.
fn diff(old: &Value, new: &Value, report: &mut DocReport) {
    let empty = serde_json::Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        if k == "items" {
            continue;
        }
        if o.get(k) != n.get(k) {
            // Name the changed fields inside the document metadata.
            match (o.get(k), n.get(k)) {
                (Some(Value::Object(a)), Some(Value::Object(b))) if k == "document" => {
                    let mut sub: Vec<&String> = a.keys().chain(b.keys()).collect();
                    sub.sort();
                    sub.dedup();
                    for s in sub {
                        if a.get(s) != b.get(s) {
                            report.metadata.push(format!("{k}.{s}"));
                        }
                    }
                }
                _ => report.metadata.push(k.clone()),
            }
        }
    }
    let none = Vec::new();
    let old_items = o.get("items").and_then(|v| v.as_array()).unwrap_or(&none);
    let new_items = n.get("items").and_then(|v| v.as_array()).unwrap_or(&none);
    let stt = |v: &Value| {
        v.get("stt")
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string()
    };
    let mut by_stt: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (i, it) in old_items.iter().enumerate() {
        by_stt.entry(stt(it)).or_default().push_back(i);
    }
    let mut matched = vec![false; old_items.len()];
    for it in new_items {
        let key = stt(it);
        match by_stt.get_mut(&key).and_then(|q| q.pop_front()) {
            Some(i) => {
                matched[i] = true;
                let before = &old_items[i];
                if before != it {
                    let (a, b) = (
                        before.as_object().unwrap_or(&empty),
                        it.as_object().unwrap_or(&empty),
                    );
                    let mut fields: Vec<String> =
                        a.keys().chain(b.keys()).cloned().collect::<Vec<_>>();
                    fields.sort();
                    fields.dedup();
                    fields.retain(|f| a.get(f) != b.get(f));
                    report.changed.push(ItemChange { stt: key, fields });
                }
            }
            None => report.added.push(key),
        }
    }
    for (i, m) in matched.iter().enumerate() {
        if !m {
            report.removed.push(stt(&old_items[i]));
        }
    }
}
