//! The store: a SQLite file (`kehoach.db` by default) that keeps
//!
//! * the bytes of every source document, content-addressed by SHA-256, with every path each
//!   was seen at (moving or renaming a file loses nothing);
//! * the parsed document (issuer, number, date, year … as columns) and the full record JSON,
//!   with the parser version that made it;
//! * the items, their lead and supporting agencies (`item_agency`, keyed by
//!   [`kehoach_text::match_key`]) and deadlines, with a diacritic-free full-text index;
//! * the sources that failed to parse and why, findings of checks when asked, and a log of
//!   runs.
//!
//! Writes come from one thread, one transaction per document, so a store killed mid-import is
//! consistent and the next import completes it. The schema is migrated by
//! `PRAGMA user_version` ([`schema::MIGRATIONS`]); the journal is WAL.
//!
//! ```no_run
//! use kehoach_store::{Store, import::{self, Options}};
//! let mut store = Store::open("kehoach.db".as_ref()).unwrap();
//! let summary = import::run(&mut store, &["plans/".into()], &Options::default(), &mut |_| {}).unwrap();
//! println!("{} imported, {} already present", summary.imported, summary.present);
//! ```

pub mod corpus;
pub mod import;
pub mod query;
pub mod reparse;
pub mod schema;
mod write;

pub use rusqlite;
pub use write::{due_date, kind_name, DEADLINE_KINDS};

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use kehoach_parse::record::Record;
use kehoach_parse::{parse_bytes, Limits};
use rusqlite::{Connection, OpenFlags};

/// Bump when the parser's output changes in a way its crate version does not show (a fixed
/// reader, a new rule), so that the stored version tells which documents `reparse` has seen.
pub const PARSER_REVISION: u32 = 1;

/// The version stamped on every stored document: "0.1.0+r1".
pub fn parser_version() -> String {
    format!("{}+r{}", env!("CARGO_PKG_VERSION"), PARSER_REVISION)
}

/// The store file used when no `--db` is given.
pub const DEFAULT_DB: &str = "kehoach.db";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(
        "the store was made by a newer kehoach (schema {found}, this one knows {known}); upgrade kehoach"
    )]
    NewerSchema { found: usize, known: usize },
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // WAL: readers don't block the writer, and a commit is one append. `synchronous=NORMAL`
    // in WAL mode keeps the store consistent after a crash (a power loss may lose the last
    // commits, never corrupt the file).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -16_000)?; // 16 MB
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

impl Store {
    /// Opens (creating if needed) and migrates a store.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Other(format!(
                "{}: cannot switch the store to WAL mode (journal_mode={mode})",
                path.display()
            )));
        }
        configure(&conn)?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing store for reading only; it must exist and be up to date.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::Other(format!(
                "{}: no store here (run `kehoach import` first, or give --db PATH)",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let have: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if have as usize != schema::MIGRATIONS.len() {
            drop(conn);
            // Older: migrate through a writable connection, then reopen.
            if (have as usize) < schema::MIGRATIONS.len() {
                Store::open(path)?;
                return Store::open_read_only(path);
            }
            return Err(Error::NewerSchema {
                found: have as usize,
                known: schema::MIGRATIONS.len(),
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Another connection to the same file (for a reader thread).
    pub(crate) fn reopen_read_only(&self) -> Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        Ok(conn)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for ad-hoc SQL (and tests).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("\n"))
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            sources: one("SELECT count(*) FROM source")?,
            documents: one("SELECT count(*) FROM document")?,
            items: one("SELECT count(*) FROM item")?,
            failures: one(
                "SELECT count(*) FROM parse_failure f WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = f.source_id)",
            )?,
            paths: one("SELECT count(*) FROM source_path")?,
        })
    }

    /// The stored source bytes of a SHA-256 (hex).
    pub fn source_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT bytes FROM source WHERE sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The stored record of a source.
    pub fn record(&self, source_id: i64) -> Result<Option<Record>> {
        use rusqlite::OptionalExtension;
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT record_json FROM document WHERE id = ?1",
                [source_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }
}

/// What a store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub sources: i64,
    pub documents: i64,
    pub items: i64,
    /// Sources that never parsed.
    pub failures: i64,
    pub paths: i64,
}

/// Parses bytes into a record; a panic in the parser becomes an error.
pub fn parse_source(
    path: &str,
    bytes: &[u8],
    limits: &Limits,
) -> std::result::Result<Record, String> {
    let parsed = std::panic::catch_unwind(AssertUnwindSafe(|| parse_bytes(bytes, limits)))
        .map_err(|_| "internal error while parsing (please report this file)".to_string())?
        .map_err(|e| e.to_string())?;
    Ok(Record::new(path, bytes, parsed))
}

/// A finding of a check, to store beside the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// Index of the item in the record's items, if the finding is about one.
    pub item_seq: Option<usize>,
    pub code: String,
    pub severity: String,
    pub message: String,
    pub detail: Option<serde_json::Value>,
}

/// Checks a record. The CLI provides one (over the check crate); the store only keeps what
/// it finds.
pub trait Checker: Sync {
    /// Stored with each finding.
    fn version(&self) -> String;
    /// `document`: the document model the record was extracted from (body paragraphs).
    fn check(&self, record: &Record, document: Option<&kehoach_parse::Document>) -> Vec<Finding>;
}

/// Parses bytes into a record and, with a checker, checks it.
pub fn parse_checked(
    path: &str,
    bytes: &[u8],
    limits: &Limits,
    checker: Option<&dyn Checker>,
) -> std::result::Result<(Record, Vec<Finding>), String> {
    let Some(checker) = checker else {
        return parse_source(path, bytes, limits).map(|r| (r, Vec::new()));
    };
    let parsed = std::panic::catch_unwind(AssertUnwindSafe(|| parse_bytes(bytes, limits)))
        .map_err(|_| "internal error while parsing (please report this file)".to_string())?
        .map_err(|e| e.to_string())?;
    let document = parsed.document.clone();
    let record = Record::new(path, bytes, parsed);
    let findings =
        std::panic::catch_unwind(AssertUnwindSafe(|| checker.check(&record, Some(&document))))
            .unwrap_or_default();
    Ok((record, findings))
}
