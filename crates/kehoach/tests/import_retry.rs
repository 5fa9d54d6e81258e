//! A file that failed to import is read again by the next import: the limit it failed on may
//! have been raised, as its message advises ("raise it with --max-cells").

mod support;

use support::*;

#[test]
fn a_failure_is_retried_with_the_limits_of_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let plan = "fixtures/plans/cantho_kiemtra_2026.docx";
    // 38 cells: refused at 20.
    let o = kehoach(&[
        "import",
        "--db",
        db,
        "--format",
        "json",
        "--max-cells",
        "20",
        plan,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let s = json(&o);
    assert_eq!(s["imported"], 0);
    let err = s["failed"][0]["error"].as_str().unwrap();
    assert!(err.contains("raise it with --max-cells"), "{err}");
    // The same limit again: the same failure, stored once.
    let o = kehoach(&[
        "import",
        "--db",
        db,
        "--format",
        "json",
        "--max-cells",
        "20",
        plan,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["failed"][0]["error"].as_str().unwrap(), err);
    // The limit raised, as the message says: read and stored now, the failure gone.
    let o = kehoach(&["import", "--db", db, "--format", "json", plan]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let s = json(&o);
    assert_eq!(
        (s["imported"].as_u64(), s["items"].as_u64()),
        (Some(1), Some(5)),
        "{s}"
    );
    assert_eq!(s["failed"].as_array().unwrap().len(), 0);
    // And a fourth import finds it present.
    let s = json(&kehoach(&["import", "--db", db, "--format", "json", plan]));
    assert_eq!(
        (s["imported"].as_u64(), s["present"].as_u64()),
        (Some(0), Some(1)),
        "{s}"
    );
}
