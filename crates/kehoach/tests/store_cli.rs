//! The store subcommands end to end, through the built binary, on temporary stores.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kehoach_store::Store;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

const F003: &str = "docx/003_e474f24c970af6a5.A.docx";
const F004: &str = "docx/004_eb12abc5933443e7.A.docx";

fn kehoach(db: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    cmd.env("KEHOACH_LANG", "en");
    let sub = args[0];
    cmd.arg(sub).arg("--db").arg(db).args(&args[1..]);
    cmd.output().expect("run kehoach")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn jsonl(o: &Output) -> Vec<Value> {
    assert!(
        o.status.success(),
        "{}\n{}",
        stdout(o),
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn strs(rows: &[Value], key: &str) -> Vec<String> {
    rows.iter()
        .map(|r| r[key].as_str().unwrap_or("").to_string())
        .collect()
}

/// A store with all of fixtures/ imported.
fn imported_fixtures() -> (tempfile::TempDir, PathBuf, Value) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let o = kehoach(
        &db,
        &[
            "import",
            "--ocr",
            "never",
            fixture("").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    // Some peer fixtures are broken on purpose: exit code 1, the rest imported.
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let summary: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    (dir, db, summary)
}

/// Everything a re-import must leave alone, as one string.
fn fingerprint(db: &Path) -> String {
    let store = Store::open_read_only(db).unwrap();
    let mut out = String::new();
    for sql in [
        "SELECT id || sha256 || size || first_seen FROM source ORDER BY id",
        "SELECT source_id || path || first_seen FROM source_path ORDER BY source_id, path",
        "SELECT id || parsed_at || parser_version || record_json FROM document ORDER BY id",
        "SELECT id || document_id || seq || content FROM item ORDER BY id",
        "SELECT item_id || role || position || key FROM item_agency ORDER BY item_id, role, position",
        "SELECT source_id || error || failed_at FROM parse_failure ORDER BY source_id",
    ] {
        let mut stmt = store.conn().prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        for r in rows {
            out.push_str(&r.unwrap());
            out.push('\n');
        }
    }
    out
}

#[test]
fn import_then_query_and_export() {
    let (dir, db, summary) = imported_fixtures();
    let failed: Vec<String> = summary["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    // The encrypted and the damaged files are recorded as failures, with reasons.
    assert!(failed
        .iter()
        .any(|p| p.ends_with("bug53475-password-is-pass.docx")));
    assert!(failed.iter().any(|p| p.ends_with("truncated62886.docx")));
    // The known split of the fixture tree (241 files): the 40 that fail are the hostile
    // files that no reader accepts, the user-password PDFs and the broken POI files.
    let mut failed_names: Vec<&str> = failed
        .iter()
        .map(|p| p.split("fixtures/").last().unwrap())
        .collect();
    failed_names.sort();
    assert_eq!(
        failed_names,
        [
            "doc/hostile/ccp_lies.doc",
            "doc/hostile/clx_past_stream.doc",
            "doc/hostile/encrypted.doc",
            "doc/hostile/encrypted_package.docx",
            "doc/hostile/fat_cross.doc",
            "doc/hostile/fat_loop.doc",
            "doc/hostile/fkp_past_stream.doc",
            "doc/hostile/piece_past_stream.doc",
            "doc/hostile/truncated.doc",
            "doc/hostile/word95.doc",
            "hostile/billion_laughs.docx",
            "hostile/deadline_mark_after_control.txt",
            "hostile/deadline_theo_not_first.txt",
            "hostile/docx_font_name_multibyte.docx",
            "hostile/empty.docx",
            "hostile/nested_tables_10000.docx",
            "hostile/random.docx",
            "hostile/random.html",
            "hostile/random.pdf",
            "hostile/random.txt",
            "hostile/text_control_chars.txt",
            "hostile/text_control_inside_word.txt",
            "hostile/text_marks_out_of_order.txt",
            "hostile/truncated_004.docx",
            "hostile/xxe_passwd.docx",
            "hostile/zip_bomb_42k.docx",
            "pdf/encrypted_user_aes256.pdf",
            "pdf/encrypted_user_rc4.pdf",
            "peer/poi/bug53475-password-is-pass.docx",
            "peer/poi/clusterfuzz-testcase-minimized-POIFuzzer-6709287337197568.docx",
            "peer/poi/clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx",
            "peer/poi/clusterfuzz-testcase-minimized-POIXWPFFuzzer-4959857092198400.docx",
            "peer/poi/truncated62886.docx",
            "rtf/hostile/bin_lying.rtf",
            "rtf/hostile/deep_groups.rtf",
            "rtf/hostile/deep_skipped_groups.rtf",
            "rtf/hostile/itap_deep.rtf",
            "rtf/hostile/u_out_of_range.rtf",
            "xlsx/hostile_huge_range.xlsx",
            "xlsx/hostile_strings_bomb.xlsx",
        ]
    );
    assert_eq!(
        (
            &summary["files"],
            &summary["imported"],
            &summary["skipped"].as_array().map(Vec::len),
            &summary["needs_ocr"].as_array().map(Vec::len),
            &summary["items"]
        ),
        (
            &serde_json::json!(245),
            &serde_json::json!(140),
            &Some(59),
            // fixtures/scans: the two scans, and fixtures/ocr: the four scanned plans, wait
            // for OCR (imported with --ocr never, so the counts do not depend on Tesseract).
            &Some(6),
            &serde_json::json!(3028)
        ),
        "{summary}"
    );
    for f in summary["failed"].as_array().unwrap() {
        assert!(!f["error"].as_str().unwrap().is_empty());
    }

    // Plans: issuer, year, number, date.
    let plans = jsonl(&kehoach(
        &db,
        &[
            "query",
            "plans",
            "--source",
            "docx/003_e474",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0]["issuer"], "SỞ TƯ PHÁP");
    assert_eq!(plans[0]["year"], 2026);
    assert_eq!(plans[0]["number_text"], "Số: /KH-STP");
    assert_eq!(plans[0]["items"], 35);
    let p004 = jsonl(&kehoach(
        &db,
        &[
            "query",
            "plans",
            "--number",
            "3161/QĐ-UBND",
            "--format",
            "jsonl",
        ],
    ));
    // Every copy of 004 in the fixtures (docx, pdf, html, text, the variants …).
    assert_eq!(p004.len(), 43);
    assert!(p004.iter().all(|p| p["date"] == "2023-12-13"));
    assert!(p004.iter().all(|p| p["year"] == 2024));

    // Items led by "Văn phòng Sở" in 003, matched on match_key (any case).
    let led = jsonl(&kehoach(
        &db,
        &[
            "query",
            "items",
            "--source",
            "docx/003_e474",
            "--lead",
            "văn phòng sở",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(
        strs(&led, "stt"),
        [
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.2.1", "2.2.4", "2.3.2", "2.5",
            "3.4", "3.5", "3.6"
        ]
    );
    assert!(led.iter().all(|i| i["lead"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Văn phòng Sở")));
    // Lead or support.
    let any = jsonl(&kehoach(
        &db,
        &[
            "query",
            "items",
            "--source",
            "docx/003_e474",
            "--agency",
            "VĂN PHÒNG SỞ",
            "--format",
            "jsonl",
        ],
    ));
    assert!(any.len() > led.len());
    assert!(any.iter().any(|i| i["stt"] == "1.8")); // supported by Văn phòng Sở

    // Deadline kind "before", and a due-date range.
    let before = jsonl(&kehoach(
        &db,
        &[
            "query",
            "items",
            "--source",
            "docx/003_e474",
            "--deadline",
            "before",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(strs(&before, "stt"), ["1.2"]);
    assert_eq!(before[0]["deadline"], "Trước ngày 31/01/2026");
    assert_eq!(before[0]["deadline_date"], "2026-01-31");
    let due = jsonl(&kehoach(
        &db,
        &[
            "query",
            "items",
            "--source",
            "docx/003_e474",
            "--due-from",
            "01/01/2026",
            "--due-to",
            "2026-04-30",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(strs(&due, "stt"), ["1.2", "1.5"]); // before 31/01; months 3, 4 of 2026

    // Free text without diacritics.
    let ks = jsonl(&kehoach(
        &db,
        &[
            "query",
            "items",
            "--source",
            "docx/003_e474",
            "--text",
            "kiem soat",
            "--format",
            "jsonl",
        ],
    ));
    assert!(ks.len() >= 5, "{}", ks.len());
    for i in &ks {
        let c = kehoach_text::ascii_key(i["content"].as_str().unwrap());
        assert!(c.contains("kiem") && c.contains("soat"), "{c}");
    }
    assert!(strs(&ks, "stt").contains(&"1.3".to_string()));
    // Diacritic-free search finds "tỉnh" and "tính"; exact search only the one spelled.
    let tinh = jsonl(&kehoach(
        &db,
        &["query", "items", "--text", "tinh", "--format", "jsonl"],
    ));
    let exact = jsonl(&kehoach(
        &db,
        &["query", "items", "--exact", "TỈNH", "--format", "jsonl"],
    ));
    assert_eq!((exact.len(), tinh.len()), (759, 792));
    for i in &exact {
        let k = kehoach_text::match_key(i["content"].as_str().unwrap());
        assert!(
            format!(" {k} ").contains(&format!(" {} ", kehoach_text::match_key("tỉnh"))),
            "{k}"
        );
    }
    assert!(tinh.iter().any(|i| {
        let k = kehoach_text::match_key(i["content"].as_str().unwrap());
        k.split(' ').any(|w| w == kehoach_text::match_key("tính"))
    }));

    // Export: CSV of the same selection, JSON lines, and a workbook with two sheets.
    let csv = kehoach(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--source",
            "docx/003_e474",
            "--lead",
            "Văn phòng Sở",
        ],
    );
    assert!(csv.status.success());
    let text = stdout(&csv);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 14);
    assert!(lines[0].starts_with("plan_id,issuer,number,year,stt"));
    assert!(lines[1].contains(",1.1,"));
    let jl = dir.path().join("items.jsonl");
    let o = kehoach(
        &db,
        &[
            "export",
            "--format",
            "jsonl",
            "--deadline",
            "before",
            "-o",
            jl.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let n = std::fs::read_to_string(&jl).unwrap().lines().count();
    assert_eq!(n, 72);
    let xlsx = dir.path().join("out.xlsx");
    let o = kehoach(
        &db,
        &[
            "export",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
            "--year",
            "2026",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook)
        .unwrap();
    assert!(workbook.contains("Kế hoạch") && workbook.contains("Nhiệm vụ"));
    let mut items_sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut items_sheet,
    )
    .unwrap();
    assert!(items_sheet.contains("Nội dung công việc"));
    assert!(items_sheet.contains("Văn phòng Sở"));
    assert!(items_sheet.contains("<col ")); // columns sized
}

#[test]
fn reimport_is_a_no_op_and_a_moved_file_keeps_its_paths() {
    let (dir, db, first) = imported_fixtures();
    let before = fingerprint(&db);
    let o = kehoach(
        &db,
        &[
            "import",
            "--ocr",
            "never",
            fixture("").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let again: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(again["imported"], 0);
    // Everything stored before is present now (the same content twice counts twice).
    assert_eq!(
        again["present"].as_u64().unwrap(),
        first["imported"].as_u64().unwrap() + first["present"].as_u64().unwrap()
    );
    assert_eq!(
        again["failed"].as_array().unwrap().len(),
        first["failed"].as_array().unwrap().len()
    );
    assert_eq!(fingerprint(&db), before, "a re-import changed the store");

    // The same content under another name: nothing parsed, the path recorded.
    let moved = dir.path().join("renamed.docx");
    std::fs::copy(fixture(F003), &moved).unwrap();
    let o = kehoach(
        &db,
        &[
            "import",
            "--ocr",
            "never",
            moved.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert!(o.status.success());
    let s: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        (s["imported"].as_u64(), s["new_paths"].as_u64()),
        (Some(0), Some(1))
    );
    let p = jsonl(&kehoach(
        &db,
        &[
            "query",
            "plans",
            "--source",
            "renamed.docx",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["items"], 35);
    // The stored bytes are the file's.
    let store = Store::open_read_only(&db).unwrap();
    let sha = p[0]["sha256"].as_str().unwrap();
    assert_eq!(
        store.source_bytes(sha).unwrap().unwrap(),
        std::fs::read(fixture(F003)).unwrap()
    );
}

#[test]
fn a_corrupt_file_among_good_ones_is_recorded_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixture(F003), input.join("a.docx")).unwrap();
    std::fs::copy(fixture(F004), input.join("b.docx")).unwrap();
    let mut cut = std::fs::read(fixture(F004)).unwrap();
    cut.truncate(cut.len() / 2);
    std::fs::write(input.join("broken.docx"), cut).unwrap();
    std::fs::write(input.join("notes.bin"), b"ignored: not a plan extension").unwrap();
    let db = dir.path().join("s.db");
    let o = kehoach(
        &db,
        &[
            "import",
            "--ocr",
            "never",
            input.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let s: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(s["files"], 3);
    assert_eq!(s["imported"], 2);
    let failed = s["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["path"].as_str().unwrap().ends_with("broken.docx"));
    assert!(failed[0]["error"].as_str().unwrap().contains("damaged"));
    let store = Store::open_read_only(&db).unwrap();
    let st = store.stats().unwrap();
    assert_eq!((st.sources, st.documents, st.failures), (3, 2, 1));
    let logged: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM import_log WHERE outcome = 'failed' AND message LIKE '%damaged%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1);
    // Text output names the failure too.
    let o = kehoach(&db, &["import", "--ocr", "never", input.to_str().unwrap()]);
    assert!(stdout(&o).contains("broken.docx"));
    // A nightly reparse counts a source that fails as before, without reporting it again.
    let o = kehoach(&db, &["reparse", "--ocr", "never", "--format", "json"]);
    assert!(o.status.success());
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["documents"].as_array().unwrap().len(), 0);
    assert_eq!(r["summary"]["still_failing"], 1);
    assert_eq!(r["summary"]["unchanged"], 2);
}

#[test]
fn reparse_reports_exactly_the_changed_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = kehoach(
        &db,
        &[
            "import",
            "--ocr",
            "never",
            fixture("docx").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let id_of = |name: &str| -> i64 {
        let p = jsonl(&kehoach(
            &db,
            &["query", "plans", "--source", name, "--format", "jsonl"],
        ));
        p[0]["id"].as_i64().unwrap()
    };
    let (id3, id4) = (id_of("docx/003_e474"), id_of("docx/004_eb12"));

    // Nothing changed: nothing reported.
    let o = kehoach(&db, &["reparse", "--ocr", "never", "--format", "json"]);
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["documents"].as_array().unwrap().len(), 0);
    assert_eq!(r["summary"]["unchanged"], 5);

    // Simulate an older parser: tamper with two stored records (and the item rows).
    {
        let store = Store::open(&db).unwrap();
        let c = store.conn();
        c.execute(
            "UPDATE document SET record_json = json_set(record_json, '$.items[3].content', 'Nội dung cũ') WHERE id = ?1",
            [id3],
        )
        .unwrap();
        c.execute(
            "UPDATE item SET content = 'Nội dung cũ' WHERE document_id = ?1 AND seq = 3",
            [id3],
        )
        .unwrap();
        c.execute(
            "UPDATE document SET record_json = json_remove(record_json, '$.items[1]'),
                 parser_version = '0.0.1+r0' WHERE id = ?1",
            [id4],
        )
        .unwrap();
        // An unchanged document stamped by an older parser is only restamped.
        c.execute(
            "UPDATE document SET parser_version = '0.0.1+r0' WHERE id NOT IN (?1, ?2)",
            [id3, id4],
        )
        .unwrap();
    }
    let report = |args: &[&str]| -> Value {
        let mut a = vec!["reparse", "--ocr", "never", "--format", "json"];
        a.extend_from_slice(args);
        let o = kehoach(&db, &a);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let check = |r: &Value| {
        let docs = r["documents"].as_array().unwrap();
        let mut ids: Vec<i64> = docs
            .iter()
            .map(|d| d["source_id"].as_i64().unwrap())
            .collect();
        ids.sort();
        assert_eq!(ids, {
            let mut v = vec![id3, id4];
            v.sort();
            v
        });
        let d3 = docs.iter().find(|d| d["source_id"] == id3).unwrap();
        assert_eq!(d3["status"], "changed");
        assert_eq!(d3["changed"][0]["stt"], "1.3");
        assert_eq!(d3["changed"][0]["fields"], serde_json::json!(["content"]));
        assert_eq!(d3["added"].as_array().unwrap().len(), 0);
        let d4 = docs.iter().find(|d| d["source_id"] == id4).unwrap();
        assert_eq!(
            d4["items_after"].as_u64().unwrap(),
            d4["items_before"].as_u64().unwrap() + 1
        );
        assert_eq!(d4["added"].as_array().unwrap().len(), 1);
        assert_eq!(d4["removed"].as_array().unwrap().len(), 0);
        assert_eq!(r["summary"]["changed"], 2);
        assert_eq!(r["summary"]["unchanged"], 3);
    };
    // Dry run: reported, not written (so a second dry run reports the same).
    let dry = report(&["--dry-run"]);
    check(&dry);
    assert_eq!(dry["summary"]["restamped"], 0);
    check(&report(&["--dry-run"]));
    // For real: replaced, restamped; then nothing left to do.
    let real = report(&[]);
    check(&real);
    assert_eq!(real["summary"]["restamped"], 3);
    let after = report(&[]);
    assert_eq!(after["documents"].as_array().unwrap().len(), 0);
    assert_eq!(after["summary"]["unchanged"], 5);
    assert_eq!(after["summary"]["restamped"], 0);
    // The item rows were rewritten from the new parse.
    let store = Store::open_read_only(&db).unwrap();
    let old: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM item WHERE content = 'Nội dung cũ'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old, 0);
    let versions: i64 = store
        .conn()
        .query_row(
            "SELECT count(DISTINCT parser_version) FROM document",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(versions, 1);
    // The text report names the document and the item.
    let store_text = kehoach(&db, &["reparse", "--ocr", "never", "--dry-run"]);
    assert!(stdout(&store_text).contains("0 changed"));
}

#[test]
fn query_without_a_store_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let o = kehoach(&dir.path().join("none.db"), &["query", "plans"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no store here"));
}

#[test]
fn import_with_check_stores_findings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = kehoach(
        &db,
        &[
            "import",
            "--ocr",
            "never",
            "--check",
            fixture(F003).to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let store = Store::open_read_only(&db).unwrap();
    let (n, bad, versions): (i64, i64, i64) = store
        .conn()
        .query_row(
            "SELECT count(*), sum(code NOT LIKE 'KH%' OR message = ''), count(DISTINCT checker_version) FROM finding",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert!(n > 0, "no findings stored for a draft");
    assert_eq!((bad, versions), (0, 1));
    // Without --check, none.
    let db2 = dir.path().join("t.db");
    kehoach(
        &db2,
        &["import", "--ocr", "never", fixture(F003).to_str().unwrap()],
    );
    let n2: i64 = Store::open_read_only(&db2)
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM finding", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n2, 0);
}

/// A report (Báo cáo) with a task-like table is not a plan: `import` lists it as skipped
/// with its type and stores nothing for it, exit 0; `--all-types` stores it.
#[test]
fn import_skips_documents_that_are_not_plans() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let report = fixture("plans/nghean_baocao_2025.docx");
    let plan = fixture("plans/cantho_kiemtra_2026.docx");
    let args = [
        "import",
        report.to_str().unwrap(),
        plan.to_str().unwrap(),
        "--format",
        "json",
    ];
    let o = kehoach(&db, &args);
    let v = &jsonl(&o)[0];
    assert_eq!(v["imported"], 1, "{v}");
    assert_eq!(v["skipped"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["skipped"][0]["doc_type"], "BÁO CÁO", "{v}");
    assert!(
        v["skipped"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("nghean_baocao_2025.docx"),
        "{v}"
    );
    assert_eq!(Store::open(&db).unwrap().stats().unwrap().documents, 1);
    // The text summary names it, in Vietnamese.
    let o = kehoach(&db, &["import", "--ocr", "never", report.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("skipped: ") && stdout(&o).contains("không phải kế hoạch (BÁO CÁO)"),
        "{}",
        stdout(&o)
    );
    // Asked for every type, it is stored.
    let mut all = args.to_vec();
    all.push("--all-types");
    let v = &jsonl(&kehoach(&db, &all))[0];
    assert_eq!(v["imported"], 1, "{v}");
    assert_eq!(v["skipped"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(Store::open(&db).unwrap().stats().unwrap().documents, 2);
}
