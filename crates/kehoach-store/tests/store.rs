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
    assert_eq!(rows.len(), 3);
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

/// The new deadline kinds: the last day each allows, read from real phrases.
#[test]
fn due_dates_of_the_deadline_grammar() {
    use kehoach_parse::plan::deadline::parse;
    use kehoach_store::due_date;
    let cases: &[(&str, Option<&str>)] = &[
        ("Quý II/2026", Some("2026-06-30")),
        ("Trong quý I năm 2028", Some("2028-03-31")),
        ("Quý I, II năm 2027", Some("2027-06-30")),
        ("Quý IV", None),
        ("6 tháng đầu năm 2026", Some("2026-06-30")),
        ("6 tháng cuối năm 2026", Some("2026-12-31")),
        ("6 tháng cuối năm", None),
        ("Từ tháng 3 đến tháng 9/2026", Some("2026-09-30")),
        ("Từ ngày 01/7/2026 đến 31/12/2026", Some("2026-12-31")),
        ("Giai đoạn 2026-2030", Some("2030-12-31")),
        ("Quý I - Quý II/2028", Some("2028-06-30")),
        ("Tuần cuối của tháng 2/2028", Some("2028-02-29")),
        ("Đến hết năm 2026", Some("2026-12-31")),
        ("Chậm nhất quý III/2026", Some("2026-09-30")),
        ("Cuối tháng 2/2027", Some("2027-02-28")),
        ("Trước tháng 6/2026", Some("2026-06-01")),
        ("Trước ngày 15/12", None),
        ("Trước ngày 05 của tháng liền kề", None),
        ("Hằng tháng, trước ngày 20", None),
        ("Chậm nhất ngày 10/12 hằng năm", None),
        ("Năm 2026 và các năm tiếp theo", None),
        ("Trong năm", None),
        (
            "Ban hành kế hoạch chậm nhất là ngày 15/01/2026 và tổ chức thực hiện trong quý II/2026",
            Some("2026-06-30"),
        ),
        (
            "Ban hành kế hoạch chậm nhất là ngày 15/01/2026 và tổ chức thực hiện trong năm",
            Some("2026-01-15"),
        ),
        ("31/02/2026", None),
    ];
    for (text, want) in cases {
        assert_eq!(due_date(&parse(text).kind).as_deref(), *want, "{text}");
    }
}
