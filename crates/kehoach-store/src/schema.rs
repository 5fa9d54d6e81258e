//! The schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have
//! been applied; opening a store applies the rest, each in its own transaction. Never edit a
//! migration that has shipped: append a new one.

use rusqlite::{Connection, TransactionBehavior};

use crate::Result;

/// Migrations in order; the store's `user_version` is the number applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: sources, documents, items, agencies, full-text search, failures, findings, import log.
    r#"
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    size        INTEGER NOT NULL,
    first_seen  TEXT NOT NULL,
    bytes       BLOB NOT NULL            -- last: scans of the other columns skip the blob
);

-- Every path a source was seen at (a moved or renamed file keeps its old paths too).
CREATE TABLE source_path (
    source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    PRIMARY KEY (source_id, path)
) WITHOUT ROWID;
CREATE INDEX source_path_path ON source_path(path);

-- The parsed document of a source (1:1, keyed by the source id).
CREATE TABLE document (
    id              INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
    format          TEXT NOT NULL,
    doc_type        TEXT,
    issuer          TEXT,
    issuer_key      TEXT,                -- match_key(issuer)
    parent_body     TEXT,
    number_text     TEXT,
    number          TEXT,                -- "182" of "Số: 182/KH-UBND"
    symbol          TEXT,                -- "KH-UBND"
    place           TEXT,
    date_text       TEXT,
    date            TEXT,                -- ISO, when day, month and year are all written
    date_year       INTEGER,
    date_month      INTEGER,
    date_day        INTEGER,
    year            INTEGER,             -- the plan year, else the year of the date
    title           TEXT,
    item_count      INTEGER NOT NULL,
    warning_count   INTEGER NOT NULL,
    parser_version  TEXT NOT NULL,
    parsed_at       TEXT NOT NULL,
    record_json     TEXT NOT NULL        -- the full record, as `kehoach parse` prints it
);
CREATE INDEX document_year ON document(year);
CREATE INDEX document_issuer_key ON document(issuer_key);
CREATE INDEX document_number ON document(number);

CREATE TABLE item (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,    -- order in the document, from 0
    stt             TEXT NOT NULL,
    level           INTEGER NOT NULL,
    parent          TEXT,
    kind            TEXT NOT NULL,       -- group | task
    content         TEXT NOT NULL,
    content_key     TEXT NOT NULL,       -- match_key(content), for --exact
    search          TEXT NOT NULL,       -- ascii_key(content), indexed by item_fts
    deadline_text   TEXT NOT NULL,
    deadline_kind   TEXT NOT NULL,       -- empty | continuous | recurring | before | on_date | months | year | separate_plan | after_event | as_scheduled | unparsed
    deadline_date   TEXT,                -- ISO due date: the date (before, on_date), the last day of the months or year
    deadline_json   TEXT NOT NULL,
    extra_json      TEXT,
    table_index     INTEGER NOT NULL,
    row_index       INTEGER NOT NULL,
    UNIQUE (document_id, seq)
);
CREATE INDEX item_deadline ON item(deadline_kind, deadline_date);

CREATE TABLE item_agency (
    item_id     INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    key         TEXT NOT NULL,           -- match_key(name)
    PRIMARY KEY (item_id, role, position)
) WITHOUT ROWID;
CREATE INDEX item_agency_key ON item_agency(key, role);

-- Diacritic-free full-text index over item content (external content: item.search).
CREATE VIRTUAL TABLE item_fts USING fts5(
    search, content='item', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER item_fts_ai AFTER INSERT ON item BEGIN
    INSERT INTO item_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN
    INSERT INTO item_fts(item_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;

-- The last parse of a source that failed (a source with a document may have one too, when
-- a newer parser failed on it and the older record was kept).
CREATE TABLE parse_failure (
    source_id       INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
    error           TEXT NOT NULL,
    parser_version  TEXT NOT NULL,
    failed_at       TEXT NOT NULL
);

-- Findings of `kehoach check`, when an import was asked to check.
CREATE TABLE finding (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    item_seq        INTEGER,             -- the item it is about, if any
    code            TEXT NOT NULL,
    severity        TEXT NOT NULL,
    message         TEXT NOT NULL,
    detail_json     TEXT,
    checker_version TEXT NOT NULL,
    checked_at      TEXT NOT NULL
);
CREATE INDEX finding_document ON finding(document_id);

CREATE TABLE run (
    id              INTEGER PRIMARY KEY,
    command         TEXT NOT NULL,       -- import | reparse
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    status          TEXT NOT NULL,       -- running | done | interrupted
    parser_version  TEXT NOT NULL,
    summary_json    TEXT
);

-- What a run did to each file it wrote something for.
CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES run(id),
    at          TEXT NOT NULL,
    path        TEXT,
    sha256      TEXT,
    outcome     TEXT NOT NULL,           -- imported | failed | new_path | changed | ...
    message     TEXT
);
CREATE INDEX import_log_run ON import_log(run_id);
"#,
];

/// Applies the migrations the store lacks, all in one write transaction: two processes
/// opening a new store at once do not both migrate it. A store made by a newer version is
/// refused.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let version = |c: &Connection| -> Result<usize> {
        Ok(c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize)
    };
    let have = version(conn)?;
    if have == MIGRATIONS.len() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let have = version(&tx)?;
    if have > MIGRATIONS.len() {
        return Err(crate::Error::NewerSchema {
            found: have,
            known: MIGRATIONS.len(),
        });
    }
    for sql in MIGRATIONS.iter().skip(have) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64)?;
    tx.commit()?;
    Ok(())
}
