//! A process killed mid-import leaves a consistent store, and the next import completes it.
//!
//! No race: the import runs with the store's test hook `KEHOACH_TEST_HOOK_HANG_IMPORT=N:PATH`,
//! which stops it inside the transaction of document N + 1 (its rows written, not committed)
//! and creates PATH; the test waits for PATH and kills the process there. Exactly N
//! documents are then in the store, however loaded the machine is.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use kehoach_store::rusqlite::{Connection, OpenFlags};
use kehoach_store::Store;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    v.sort();
    v
}

/// Documents in the store, read without migrating or locking anything (0 until the
/// importer has made the schema).
fn documents(db: &Path) -> i64 {
    if !db.exists() {
        return 0;
    }
    let Ok(c) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    c.query_row("SELECT count(*) FROM document", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn killed_import_leaves_a_consistent_store_and_the_next_run_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let n = 150;
    kehoach_store::corpus::generate(&fixtures(), &corpus, n, 42).unwrap();
    let db = dir.path().join("kehoach.db");
    let marker = dir.path().join("hanging");
    let kill_after = 10;

    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .env("KEHOACH_LANG", "en")
        .env(
            "KEHOACH_TEST_HOOK_HANG_IMPORT",
            format!("{kill_after}:{}", marker.display()),
        )
        .args(["import", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the hook (the import has stopped inside a transaction), then kill it
    // (SIGKILL: no chance to clean up). The wait polls a file; no clock decides anything: if
    // the hook never fires, the import ends and the test fails on that.
    while !marker.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the import ended ({status}) without reaching the test hook");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let stored = documents(&db);
    // The half-written document was rolled back: exactly the committed ones remain.
    assert_eq!(stored, kill_after as i64);

    {
        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        // Every document is whole: its item rows match its record.
        let bad: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM document d
                 WHERE d.item_count != (SELECT count(*) FROM item i WHERE i.document_id = d.id)
                    OR d.item_count != json_array_length(d.record_json, '$.items')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bad, 0);
        // No source without its document or failure.
        let orphans: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM source s WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = s.id)
                   AND NOT EXISTS (SELECT 1 FROM parse_failure f WHERE f.source_id = s.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0);
        // The full-text index agrees with the item rows (an error if not).
        store
            .conn()
            .execute(
                "INSERT INTO item_fts(item_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
    }

    let o = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .env("KEHOACH_LANG", "en")
        .args(["import", "--format", "json", "--db"])
        .arg(&db)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let imported = s["imported"].as_i64().unwrap();
    let present = s["present"].as_i64().unwrap();
    assert_eq!(present, stored, "{s}");
    assert_eq!(imported + present, n as i64, "{s}");
    assert_eq!(documents(&db), n as i64);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let runs: Vec<String> = store
        .conn()
        .prepare("SELECT status FROM run ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(runs, ["interrupted", "done"]);
}
