//! The store library on its own: migrations, import, queries, reparse.

use std::path::{Path, PathBuf};

use kehoach_store::query::{self, Filter};
use kehoach_store::{import, reparse, schema, Store};

fn docx_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx")
}

#[test]
fn migrations_are_applied_once_and_a_newer_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    drop(Store::open(&db).unwrap());
    let s = Store::open(&db).unwrap();
    let v: i64 = s
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v as usize, schema::MIGRATIONS.len());
    let mode: String = s
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    s.conn().pragma_update(None, "user_version", 999).unwrap();
    drop(s);
    let err = Store::open(&db).err().expect("a newer schema is refused");
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn import_query_reparse() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("k.db")).unwrap();
    let mut seen = 0;
    let s = import::run(
        &mut store,
        &[docx_fixtures()],
        &import::Options::default(),
        &mut |p| {
            seen += 1;
            assert_eq!(p.done, seen);
        },
    )
    .unwrap();
    assert_eq!((s.files, s.imported, s.failed.len()), (5, 5, 0));
    assert_eq!(s.items, 23 + 21 + 35 + 45);
    let st = store.stats().unwrap();
    assert_eq!((st.sources, st.documents, st.items), (5, 5, 124));

    // Agency on match_key: case and tone placement do not matter.
    let f = Filter {
        lead: Some("VĂN PHÒNG SỞ".into()),
        issuer: Some("sở tư pháp".into()),
        ..Default::default()
    };
    assert_eq!(query::items_vec(&store, &f).unwrap().len(), 14);
    // Whole-word containment finds longer names too.
    let f = Filter {
        agency: Some("Văn phòng".into()),
        agency_contains: true,
        issuer: Some("sở tư pháp".into()),
        ..Default::default()
    };
    let rows = query::items_vec(&store, &f).unwrap();
    assert!(rows.iter().any(|r| r.lead == ["Văn phòng"]));
    assert!(rows
        .iter()
        .any(|r| r.lead.contains(&"Văn phòng Sở".to_string())));

    // Free text and plans.
    let f = Filter {
        text: Some("\"don gian hoa\"".into()),
        ..Default::default()
    };
    let rows = query::items_vec(&store, &f).unwrap();
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| kehoach_text::ascii_key(&r.content).contains("don gian hoa")));
    let plans = query::plans_vec(&store, &Filter::default()).unwrap();
    assert_eq!(plans.len(), 5);
    let y2024 = query::plans_vec(
        &store,
        &Filter {
            year: Some(2024),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(y2024.len(), 1);
    assert_eq!(y2024[0].number.as_deref(), Some("3161"));
    assert_eq!(y2024[0].date.as_deref(), Some("2023-12-13"));

    // Nothing changed: reparse reports nothing and writes nothing.
    let mut reports = 0;
    let r = reparse::run(
        &mut store,
        &reparse::Options::default(),
        &mut |_| reports += 1,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((reports, r.unchanged, r.changed, r.failed), (0, 5, 0, 0));
}

#[test]
fn due_dates() {
    use kehoach_parse::plan::DeadlineKind;
    use kehoach_store::due_date;
    assert_eq!(
        due_date(&DeadlineKind::Months {
            months: vec![1, 2],
            year: Some(2024)
        })
        .as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(
        due_date(&DeadlineKind::Year { year: 2026 }).as_deref(),
        Some("2026-12-31")
    );
    assert_eq!(due_date(&DeadlineKind::Continuous), None);
}
