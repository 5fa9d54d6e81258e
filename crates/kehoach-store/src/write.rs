//! Row writers shared by import and reparse. Each takes a transaction: the caller decides
//! what one atomic step is.

use kehoach_parse::plan::{DeadlineKind, Item};
use kehoach_parse::record::Record;
use kehoach_text::{ascii_key, match_key};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{Finding, Result};

pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/// Inserts a source if its hash is new; returns its id and whether it was inserted.
pub(crate) fn upsert_source(tx: &Connection, sha256: &str, bytes: &[u8]) -> Result<(i64, bool)> {
    if let Some(id) = source_id(tx, sha256)? {
        return Ok((id, false));
    }
    tx.prepare_cached(&format!(
        "INSERT INTO source(sha256, size, first_seen, bytes) VALUES (?1, ?2, {NOW}, ?3)"
    ))?
    .execute(params![sha256, bytes.len() as i64, bytes])?;
    Ok((tx.last_insert_rowid(), true))
}

pub(crate) fn source_id(tx: &Connection, sha256: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM source WHERE sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

/// Records a path for a source; true if it was not known yet.
pub(crate) fn add_path(tx: &Connection, source_id: i64, path: &str) -> Result<bool> {
    let n = tx
        .prepare_cached(&format!(
            "INSERT OR IGNORE INTO source_path(source_id, path, first_seen) VALUES (?1, ?2, {NOW})"
        ))?
        .execute(params![source_id, path])?;
    Ok(n > 0)
}

pub(crate) fn log(
    tx: &Connection,
    run_id: i64,
    path: Option<&str>,
    sha256: Option<&str>,
    outcome: &str,
    message: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(&format!(
        "INSERT INTO import_log(run_id, at, path, sha256, outcome, message) VALUES (?1, {NOW}, ?2, ?3, ?4, ?5)"
    ))?
    .execute(params![run_id, path, sha256, outcome, message])?;
    Ok(())
}

pub(crate) fn record_failure(
    tx: &Connection,
    source_id: i64,
    error: &str,
    parser_version: &str,
) -> Result<()> {
    tx.prepare_cached(&format!(
        "INSERT INTO parse_failure(source_id, error, parser_version, failed_at) VALUES (?1, ?2, ?3, {NOW})
         ON CONFLICT(source_id) DO UPDATE SET error = excluded.error,
             parser_version = excluded.parser_version,
             failed_at = CASE WHEN parse_failure.error = excluded.error
                 THEN parse_failure.failed_at ELSE excluded.failed_at END"
    ))?
    .execute(params![source_id, error, parser_version])?;
    Ok(())
}

pub(crate) fn clear_failure(tx: &Connection, source_id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM parse_failure WHERE source_id = ?1")?
        .execute([source_id])?;
    Ok(())
}

/// Deletes the document of a source with its items, agencies and findings.
#[allow(dead_code)]
pub(crate) fn delete_document(tx: &Connection, id: i64) -> Result<()> {
    delete_items(tx, id)?;
    tx.prepare_cached("DELETE FROM finding WHERE document_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM document WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// The date an item is due by, where its deadline names one: the last day the deadline
/// allows (the date; the last day of the months, quarter, half or year; the end of a range
/// or of `until`; the latest part of a compound). None for continuous, recurring (also
/// with a day), since, within the unwritten plan year, events and references.
pub fn due_date(kind: &DeadlineKind) -> Option<String> {
    match kind {
        DeadlineKind::Before { date } | DeadlineKind::OnDate { date } => Some(date.clone()),
        k => k.last_day().map(kehoach_parse::plan::deadline::iso),
    }
}

/// The snake_case name of a deadline kind, as in the record JSON.
pub fn kind_name(kind: &DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Empty => "empty",
        DeadlineKind::Continuous => "continuous",
        DeadlineKind::Recurring { .. } => "recurring",
        DeadlineKind::Before { .. } => "before",
        DeadlineKind::OnDate { .. } => "on_date",
        DeadlineKind::Months { .. } => "months",
        DeadlineKind::Year { .. } => "year",
        DeadlineKind::SeparatePlan => "separate_plan",
        DeadlineKind::AfterEvent { .. } => "after_event",
        DeadlineKind::AsScheduled { .. } => "as_scheduled",
        DeadlineKind::RecurringAt { .. } => "recurring_at",
        DeadlineKind::Quarters { .. } => "quarters",
        DeadlineKind::HalfYear { .. } => "half_year",
        DeadlineKind::WithinYear => "within_year",
        DeadlineKind::Range { .. } => "range",
        DeadlineKind::Since { .. } => "since",
        DeadlineKind::Until { .. } => "until",
        DeadlineKind::Within { .. } => "within",
        DeadlineKind::Compound { .. } => "compound",
        DeadlineKind::Unparsed => "unparsed",
    }
}

/// All deadline kind names, for the CLI's choices.
pub const DEADLINE_KINDS: &[&str] = &[
    "empty",
    "continuous",
    "recurring",
    "before",
    "on_date",
    "months",
    "year",
    "separate_plan",
    "after_event",
    "as_scheduled",
    "recurring_at",
    "quarters",
    "half_year",
    "within_year",
    "range",
    "since",
    "until",
    "within",
    "compound",
    "unparsed",
];

/// A record with everything the writer needs computed beforehand (JSON, keys), so that the
/// one writer thread only writes: this work is done in the parallel workers.
pub struct Prepared {
    pub record: Record,
    pub json: String,
    items: Vec<ItemKeys>,
}

struct ItemKeys {
    content_key: String,
    search: String,
    lead: Vec<String>,
    support: Vec<String>,
}

impl Prepared {
    pub fn new(record: Record) -> Result<Prepared> {
        let json = serde_json::to_string(&record)?;
        let items = record
            .items
            .iter()
            .map(|it| ItemKeys {
                content_key: match_key(&it.content),
                search: ascii_key(&it.content),
                lead: it.lead.iter().map(|n| match_key(n)).collect(),
                support: it.support.iter().map(|n| match_key(n)).collect(),
            })
            .collect();
        Ok(Prepared {
            record,
            json,
            items,
        })
    }
}

/// Writes (or rewrites) the document of a source from its record.
///
/// `only_items`: when the stored item rows are known to match the stored record, the item
/// positions (seq) that differ between it and this one; only those rows are rewritten.
/// `None` rewrites every item.
pub(crate) fn write_document(
    tx: &Connection,
    id: i64,
    prep: &Prepared,
    parser_version: &str,
    only_items: Option<&[usize]>,
) -> Result<()> {
    let rec = &prep.record;
    let record_json = prep.json.as_str();
    match only_items {
        None => delete_items(tx, id)?,
        Some(seqs) => {
            for &seq in seqs {
                delete_item(tx, id, seq)?;
            }
        }
    }
    // Findings were about the old record.
    tx.prepare_cached("DELETE FROM finding WHERE document_id = ?1")?
        .execute([id])?;
    let d = &rec.document;
    let date = d.date.as_ref();
    let iso = date.and_then(|x| match (x.year, x.month, x.day) {
        (Some(y), Some(m), Some(dd)) => Some(format!("{y:04}-{m:02}-{dd:02}")),
        _ => None,
    });
    tx.prepare_cached(&format!(
        "INSERT INTO document(id, format, doc_type, issuer, issuer_key, parent_body, number_text,
            number, symbol, place, date_text, date, date_year, date_month, date_day, year, title,
            item_count, warning_count, parser_version, parsed_at, record_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, {NOW}, ?21)
         ON CONFLICT(id) DO UPDATE SET format = excluded.format, doc_type = excluded.doc_type,
            issuer = excluded.issuer, issuer_key = excluded.issuer_key,
            parent_body = excluded.parent_body, number_text = excluded.number_text,
            number = excluded.number, symbol = excluded.symbol, place = excluded.place,
            date_text = excluded.date_text, date = excluded.date, date_year = excluded.date_year,
            date_month = excluded.date_month, date_day = excluded.date_day, year = excluded.year,
            title = excluded.title, item_count = excluded.item_count,
            warning_count = excluded.warning_count, parser_version = excluded.parser_version,
            parsed_at = excluded.parsed_at, record_json = excluded.record_json"
    ))?
    .execute(params![
        id,
        rec.source.format,
        d.doc_type,
        d.issuer,
        d.issuer.as_deref().map(match_key),
        d.parent_body,
        d.number.as_ref().map(|n| &n.text),
        d.number.as_ref().and_then(|n| n.number.as_ref()),
        d.number.as_ref().and_then(|n| n.symbol.as_ref()),
        d.place,
        date.map(|x| &x.text),
        iso,
        date.and_then(|x| x.year),
        date.and_then(|x| x.month),
        date.and_then(|x| x.day),
        d.plan_year.or(date.and_then(|x| x.year)),
        d.title,
        rec.items.len() as i64,
        rec.warnings.len() as i64,
        parser_version,
        record_json,
    ])?;
    for (seq, (it, keys)) in rec.items.iter().zip(&prep.items).enumerate() {
        let wanted = match only_items {
            None => true,
            Some(seqs) => seqs.contains(&seq),
        };
        if wanted {
            write_item(tx, id, seq, it, keys)?;
        }
    }
    Ok(())
}

fn delete_items(tx: &Connection, id: i64) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM item_agency WHERE item_id IN (SELECT id FROM item WHERE document_id = ?1)",
    )?
    .execute([id])?;
    tx.prepare_cached("DELETE FROM item WHERE document_id = ?1")?
        .execute([id])?;
    Ok(())
}

fn delete_item(tx: &Connection, id: i64, seq: usize) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM item_agency WHERE item_id IN (SELECT id FROM item WHERE document_id = ?1 AND seq = ?2)",
    )?
    .execute(params![id, seq as i64])?;
    tx.prepare_cached("DELETE FROM item WHERE document_id = ?1 AND seq = ?2")?
        .execute(params![id, seq as i64])?;
    Ok(())
}

fn write_item(tx: &Connection, doc: i64, seq: usize, it: &Item, keys: &ItemKeys) -> Result<()> {
    let kind = serde_json::to_value(it.kind)?;
    tx.prepare_cached(
        "INSERT INTO item(document_id, seq, stt, level, parent, kind, content, content_key, search,
            deadline_text, deadline_kind, deadline_date, deadline_json, extra_json, table_index,
            row_index)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        doc,
        seq as i64,
        it.stt,
        it.level,
        it.parent,
        kind.as_str().unwrap_or("task"),
        it.content,
        keys.content_key,
        keys.search,
        it.deadline.text,
        kind_name(&it.deadline.kind),
        due_date(&it.deadline.kind),
        serde_json::to_string(&it.deadline)?,
        if it.extra.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&it.extra)?)
        },
        it.location.table as i64,
        it.location.row as i64,
    ])?;
    let item_id = tx.last_insert_rowid();
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO item_agency(item_id, role, position, name, key) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (role, names, keys) in [
        ("lead", &it.lead, &keys.lead),
        ("support", &it.support, &keys.support),
    ] {
        for (pos, (name, key)) in names.iter().zip(keys).enumerate() {
            stmt.execute(params![item_id, role, pos as i64, name, key])?;
        }
    }
    Ok(())
}

pub(crate) fn write_findings(
    tx: &Connection,
    doc: i64,
    findings: &[Finding],
    checker_version: &str,
) -> Result<()> {
    tx.prepare_cached("DELETE FROM finding WHERE document_id = ?1")?
        .execute([doc])?;
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT INTO finding(document_id, item_seq, code, severity, message, detail_json,
            checker_version, checked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, {NOW})"
    ))?;
    for f in findings {
        stmt.execute(params![
            doc,
            f.item_seq.map(|s| s as i64),
            f.code,
            f.severity,
            f.message,
            f.detail.as_ref().map(|d| d.to_string()),
            checker_version,
        ])?;
    }
    Ok(())
}

/// Starts a run row; runs left `running` by a killed process are marked `interrupted`.
pub(crate) fn begin_run(conn: &rusqlite::Connection, command: &str) -> Result<i64> {
    conn.execute(
        "UPDATE run SET status = 'interrupted' WHERE status = 'running'",
        [],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO run(command, started_at, status, parser_version) VALUES (?1, {NOW}, 'running', ?2)"
        ),
        params![command, crate::parser_version()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn finish_run(
    conn: &rusqlite::Connection,
    run_id: i64,
    summary: &serde_json::Value,
) -> Result<()> {
    conn.execute(
        &format!(
            "UPDATE run SET status = 'done', finished_at = {NOW}, summary_json = ?2 WHERE id = ?1"
        ),
        params![run_id, summary.to_string()],
    )?;
    Ok(())
}
