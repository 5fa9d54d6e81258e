//! `import` of a folder of Word 97–2003 .doc files stores them like any other source, and
//! `reparse` re-reads them.

use std::path::Path;

use kehoach_store::{import, reparse, Store};

#[test]
fn a_folder_of_doc_files_is_imported_and_reparsed() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/doc");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("van_ban_cu");
    std::fs::create_dir(&folder).unwrap();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if name.ends_with(".A.doc") {
            std::fs::copy(&p, folder.join(name)).unwrap();
        }
    }
    let mut store = Store::open(&dir.path().join("k.db")).unwrap();
    let s = import::run(
        &mut store,
        &[folder],
        &import::Options::default(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(
        (s.files, s.imported, s.failed.len()),
        (5, 5, 0),
        "{:?}",
        s.failed
    );
    // The same items as the seeds' .docx (see store.rs).
    assert_eq!(s.items, 23 + 21 + 35 + 45);
    let st = store.stats().unwrap();
    assert_eq!((st.sources, st.documents, st.items), (5, 5, 124));
    let r = reparse::run(
        &mut store,
        &reparse::Options::default(),
        &mut |_| {},
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((r.unchanged, r.changed, r.failed), (5, 0, 0));
}
