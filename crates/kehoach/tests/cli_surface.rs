//! The CLI surface tested by content (issue 23, point 5): each subcommand × each output format
//! × each flag that changes output, through the built binary, asserting the values the fixtures
//! hold (not only that some output appeared).
//!
//! Fixtures: the seeds 003 (Sở Tư pháp, a draft: 35 items) and 004 (UBND tỉnh, 45 items),
//! `fixtures/plans/cantho_kiemtra_2026.*` (Sở Nội vụ Cần Thơ, 5 items), and two small plans of a
//! Hà Tĩnh department written into a temporary directory by this file, whose cells hold hostile
//! text (`<script>alert(1)</script>`, `&amp;`, `<b>`, `<img onerror>`) that every HTML report
//! must escape. Stores are temporary, made by `kehoach import` of three files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
const CANTHO: &str = "plans/cantho_kiemtra_2026";

fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .env("KEHOACH_LANG", "en")
        .args(args)
        .output()
        .expect("run kehoach")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", out(o), err(o)))
}

fn jsonl(o: &Output) -> Vec<Value> {
    assert_eq!(o.status.code(), Some(0), "{}", err(o));
    out(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A plan of the Hà Tĩnh Department of Science and Technology, 3 items, whose first row's
/// content holds `<script>alert(1)</script>` and a literal `&amp;`, and whose support cell
/// holds `<b>…</b>` (all as text: escaped in the HTML source).
const HATINH: &str = r#"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Chuyển đổi số năm 2026</title></head><body>
<table border="0"><tr><td><p>UBND TỈNH HÀ TĨNH</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr><tr><td><p>SỞ KHOA HỌC VÀ CÔNG NGHỆ</p></td><td><p>Độc lập - Tự do - Hạnh phúc</p></td></tr><tr><td><p>Số: 45/KH-SKHCN</p></td><td><p>Hà Tĩnh, ngày 10 tháng 3 năm 2026</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Chuyển đổi số năm 2026</b></p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>Đẩy mạnh chuyển đổi số trong các cơ quan.</p>
<p>II. NHIỆM VỤ</p>
<table border="1"><tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Đơn vị chủ trì</p></th><th><p>Đơn vị phối hợp</p></th><th><p>Thời gian thực hiện</p></th></tr>
<tr><td><p>1</p></td><td><p>Tuyên truyền &lt;script&gt;alert(1)&lt;/script&gt; về dữ liệu số &amp;amp; nền tảng số năm 2025</p></td><td><p>Văn phòng Sở</p></td><td><p>Các phòng &lt;b&gt;chuyên môn&lt;/b&gt;</p></td><td><p>Tháng 6/2026</p></td></tr>
<tr><td><p>2</p></td><td><p>Xây dựng cơ sở dữ liệu về khoa học và công nghệ</p></td><td><p>Phòng Quản lý khoa học</p></td><td><p>Văn phòng Sở</p></td><td><p>Quý III/2026</p></td></tr>
<tr><td><p>3</p></td><td><p>Kiểm tra việc thực hiện chuyển đổi số tại các xã, phường</p></td><td><p>Thanh tra Sở</p></td><td><p>UBND các xã, phường</p></td><td><p>Tháng 11/2026</p></td></tr>
</table>
<table border="0"><tr><td><p>Nơi nhận:</p><p>- UBND tỉnh;</p><p>- Lưu: VT.</p></td><td><p>GIÁM ĐỐC</p><p></p><p>Nguyễn Văn An</p></td></tr></table>
</body></html>
"#;

/// The Hà Tĩnh plan and its revision: number 45 → 52, item 1 reworded ("Tuyên truyền" →
/// "Phổ biến", the hostile text kept), item 2 unchanged, item 3 replaced by a task whose
/// content holds `<img src=x onerror=alert(2)>`.
fn hatinh_pair() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("hatinh_skhcn_2026.html");
    let new = dir.path().join("hatinh_skhcn_2026_sua.html");
    std::fs::write(&old, HATINH).unwrap();
    let revised = HATINH
        .replace("Số: 45/KH-SKHCN", "Số: 52/KH-SKHCN")
        .replace("Tuyên truyền &lt;script", "Phổ biến &lt;script")
        .replace(
            "Kiểm tra việc thực hiện chuyển đổi số tại các xã, phường",
            "Đánh giá mức độ chuyển đổi số &lt;img src=x onerror=alert(2)&gt; của các xã",
        );
    std::fs::write(&new, revised).unwrap();
    (dir, old, new)
}

/// A store of three imported plans: 003 (id 1, 35 items), 004 (id 2, 45 items), Cần Thơ
/// (id 3, 5 items): 85 items.
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    // One file an import: the files of one import are parsed in parallel and numbered as
    // they finish, so only separate imports give known ids.
    for (file, items) in [
        (fixture(F003), 35),
        (fixture(F004), 45),
        (fixture(&format!("{CANTHO}.html")), 5),
    ] {
        let o = run(["import", "--db", p(&db), "--format", "json", p(&file)]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        let v = json(&o);
        assert_eq!(
            (v["imported"].as_u64(), v["items"].as_u64()),
            (Some(1), Some(items))
        );
    }
    (dir, db)
}

fn query(db: &Path, args: &[&str]) -> Output {
    let mut a = vec!["query", "--db", p(db)];
    a.extend_from_slice(args);
    run(a)
}

/// (document id, stt) of the items a filter selects.
fn items(db: &Path, filter: &[&str]) -> Vec<(i64, String)> {
    let mut a = vec!["items", "--format", "jsonl"];
    a.extend_from_slice(filter);
    jsonl(&query(db, &a))
        .iter()
        .map(|r| {
            (
                r["document_id"].as_i64().unwrap(),
                r["stt"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn ids(v: &[(i64, &str)]) -> Vec<(i64, String)> {
    v.iter().map(|(d, s)| (*d, s.to_string())).collect()
}

fn codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------- check

#[test]
fn check_html_escapes_hostile_cell_text() {
    let (_dir, old, _) = hatinh_pair();
    let o = run(["check", "--lang", "vi", "--format", "html", p(&old)]);
    // One warning (KH102: năm 2025 in a 2026 plan), no error: exit 0.
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let html = out(&o);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    // The hostile cell text appears escaped, in the row and in its finding's quote …
    let content = "Tuyên truyền &lt;script&gt;alert(1)&lt;/script&gt; về dữ liệu số &amp;amp; nền tảng số năm 2025";
    assert_eq!(html.matches(content).count(), 2, "{html}");
    assert!(
        html.contains("<td>Các phòng &lt;b&gt;chuyên môn&lt;/b&gt;</td>"),
        "{html}"
    );
    // … and never raw: no script element but the report's own filter script (inline, no
    // source file), no bold element, no bare `&amp;` before "nền".
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("<script>alert") && !html.contains("<script src"));
    assert!(!html.contains("<b>chuyên"), "{html}");
    assert!(!html.contains("số &amp; nền"), "{html}");
    // The row carries its finding's badge, linked to the finding; the finding links to the row.
    assert!(
        html.contains(r#"<tr id="row-0" data-row="0" class="warning"><td>1</td>"#),
        "{html}"
    );
    assert!(
        html.contains(r##"<a class="badge" href="#f-0">"##),
        "{html}"
    );
    assert!(
        html.contains(
            r##"<span class="code sev-warning">cảnh báo [KH102]</span> <a href="#row-0">Mục 1, cột Nội dung (bảng 2, dòng 2)</a>: "##
        ),
        "{html}"
    );
    assert!(html.contains("&quot;năm 2026&quot;"), "{html}");
    assert_eq!(html.matches(r#"<tr id="row-"#).count(), 3);
    // The text format prints the document's text as it is (a terminal is not HTML).
    let o = run(["check", p(&old)]);
    assert!(
        out(&o).contains(
            "| Tuyên truyền <script>alert(1)</script> về dữ liệu số &amp; nền tảng số năm 2025"
        ),
        "{}",
        out(&o)
    );
}

#[test]
fn check_html_of_seed_003() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    let o = run([
        "check",
        "--lang",
        "vi",
        "--format",
        "html",
        "--out",
        p(&file),
        p(&fixture(F003)),
    ]);
    // One error (KH102 at 1.2): exit 1 even when the report goes to a file.
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(o.stdout.is_empty());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("<h1>Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử trong giải quyết thủ tục hành chính năm 2026</h1>"));
    assert!(html.contains(" · SỞ TƯ PHÁP · Số: /KH-STP · ngày tháng 01 năm 2026</dd>"));
    assert!(html.contains(
        r#"<tr data-sev="error"><td class="sev-error">Lỗi</td><td class="n">1</td></tr>"#
    ));
    assert!(html.contains(
        r#"<tr data-sev="warning"><td class="sev-warning">Cảnh báo</td><td class="n">4</td></tr>"#
    ));
    // One row per item (35), the error on 1.2's row; each finding listed once.
    assert_eq!(html.matches(r#"<tr id="row-"#).count(), 35);
    assert!(html.contains(r#"<tr id="row-2" data-row="2" class="error"><td>1.2</td>"#));
    assert_eq!(html.matches(r#"<li class="f "#).count(), 5);
    assert_eq!(
        html.matches(r#"id="f-"#).count(),
        5,
        "one anchor per finding"
    );
    assert_eq!(html.matches("cảnh báo [KH601]</span> <a").count(), 2);
    assert_eq!(html.matches("lỗi [KH102]</span> <a").count(), 1);
    assert!(html.contains("<th>STT</th><th>Nội dung</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời gian hoàn thành</th>"));
}

#[test]
fn check_json_of_seed_003() {
    let o = run(["check", "--format", "json", p(&fixture(F003))]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(codes(&v), ["KH601", "KH601", "KH102", "KH406", "KH403"]);
    assert_eq!(
        v["summary"],
        serde_json::json!({"error": 1, "warning": 4, "info": 0})
    );
    assert_eq!(v["against"], serde_json::json!([]));
    let f = &v["findings"][2];
    assert_eq!(f["severity"], "error");
    assert_eq!(f["name"], "item-year-mismatch");
    assert_eq!(f["location"]["stt"], "1.2");
    assert_eq!(f["location"]["table"], 2);
    assert_eq!(f["location"]["row"], 4);
    assert_eq!(f["location"]["column"], "content");
    assert_eq!(f["suggestion"], "\"năm 2025\" → \"năm 2026\"");
    assert_eq!(
        f["message"],
        "draws up a plan for year 2025 in a plan for 2026"
    );
    assert_eq!(v["findings"][0]["location"]["paragraph"], 20);
    assert_eq!(v["findings"][0]["text"], "phiền hà, tiêu cực, phiền hà");
    assert_eq!(v["findings"][3]["location"]["stt"], "1.9");
    assert_eq!(v["findings"][4]["location"]["stt"], "3");
}

#[test]
fn check_select_and_ignore_filter_by_code_and_prefix() {
    let f3 = fixture(F003);
    let check = |flags: &[&str]| -> (Option<i32>, Vec<String>, Value) {
        let mut a = vec!["check", "--format", "json", p(&f3)];
        a.extend_from_slice(flags);
        let o = run(a);
        let v = json(&o);
        (o.status.code(), codes(&v), v["summary"].clone())
    };
    // A prefix selects a family; without the error, exit 0.
    let (rc, c, s) = check(&["--select", "KH6"]);
    assert_eq!((rc, c), (Some(0), vec!["KH601".to_string(); 2]));
    assert_eq!(s, serde_json::json!({"error": 0, "warning": 2, "info": 0}));
    // A list of a prefix and a whole code.
    let (rc, c, _) = check(&["--select", "KH1,KH403"]);
    assert_eq!((rc, c), (Some(1), vec!["KH102".into(), "KH403".into()]));
    let (rc, c, s) = check(&["--ignore", "KH6"]);
    assert_eq!(
        (rc, c),
        (
            Some(1),
            vec!["KH102".into(), "KH406".into(), "KH403".into()]
        )
    );
    assert_eq!(s, serde_json::json!({"error": 1, "warning": 2, "info": 0}));
    // Ignoring the only error: exit 0.
    let (rc, c, _) = check(&["--ignore", "KH102,KH4"]);
    assert_eq!((rc, c), (Some(0), vec!["KH601".to_string(); 2]));
    // The text format obeys them too.
    let o = run(["check", "--select", "KH4", p(&f3)]);
    let text = out(&o);
    assert!(
        text.contains("warning[KH406]") && text.contains("warning[KH403]"),
        "{text}"
    );
    assert!(!text.contains("KH601") && !text.contains("KH102"), "{text}");
    assert!(
        text.ends_with("(draft stage): 0 errors, 2 warnings, 0 infos\n"),
        "{text}"
    );
}

#[test]
fn check_stage_signed_requires_number_and_full_date() {
    let o = run([
        "check",
        "--format",
        "json",
        "--stage",
        "signed",
        "--select",
        "KH7",
        p(&fixture(F003)),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(codes(&v), ["KH701", "KH701"]);
    let fs = v["findings"].as_array().unwrap();
    assert_eq!(fs[0]["location"]["field"], "number");
    assert_eq!(fs[0]["text"], "Số: /KH-STP");
    assert_eq!(fs[0]["message"], "a signed plan needs its number");
    assert_eq!(fs[1]["location"]["field"], "date");
    assert_eq!(fs[1]["text"], "ngày tháng 01 năm 2026");
    assert_eq!(fs[1]["suggestion"], "\"ngày 05 tháng 01 năm 2026\"");
    // The same draft at the draft stage: no KH7 finding, exit 0.
    let o = run([
        "check",
        "--format",
        "json",
        "--select",
        "KH7",
        p(&fixture(F003)),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(codes(&json(&o)), Vec::<String>::new());
    // All seven findings at the signed stage, three of them errors.
    let o = run([
        "check",
        "--format",
        "json",
        "--stage",
        "signed",
        p(&fixture(F003)),
    ]);
    assert_eq!(
        json(&o)["summary"],
        serde_json::json!({"error": 3, "warning": 4, "info": 0})
    );
    // A numbered, dated and signed Hà Tĩnh plan passes the signed stage (its only finding is
    // the year warning), and the text report names the stage.
    let (_dir, old, _) = hatinh_pair();
    let o = run(["check", "--stage", "signed", p(&old)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out(&o).ends_with("(signed stage): 0 errors, 1 warning, 0 infos\n"),
        "{}",
        out(&o)
    );
}

#[test]
fn check_threshold_decides_which_parent_items_are_missing() {
    // 003 (Sở Tư pháp) against 004 (the provincial plan): the parent items that find no draft
    // item at the threshold are KH201 findings; a higher threshold misses more.
    let missing = |t: &str| -> Vec<String> {
        let o = run([
            "check",
            "--format",
            "json",
            "--select",
            "KH201",
            "--threshold",
            t,
            p(&fixture(F003)),
            "--against",
            p(&fixture(F004)),
        ]);
        json(&o)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["location"]["parent_stt"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(missing("0.3"), ["3.5", "4.4"]);
    assert_eq!(missing("0.6"), ["2.3.2", "2.3.4", "3.2", "3.5", "4.4"]);
    assert_eq!(
        missing("0.95"),
        [
            "1.3", "1.4", "1.5", "1.9", "2.1.2", "2.2.2", "2.2.3", "2.2.5", "2.3.2", "2.3.4",
            "3.2", "3.4", "3.5", "3.8", "4.1", "4.2", "4.3", "4.4", "4.6"
        ]
    );
    // At 0.3 in full: the parent named, 3.5 an error (the draft's level leads it), 4.4 an
    // info (it only supports it); exit 1 for the error. The HTML report carries both.
    let args = |fmt: &'static str| {
        [
            "check",
            "--format",
            fmt,
            "--select",
            "KH201",
            "--threshold",
            "0.3",
        ]
        .map(String::from)
        .into_iter()
        .chain([
            p(&fixture(F003)).to_string(),
            "--against".into(),
            p(&fixture(F004)).to_string(),
        ])
    };
    let o = run(args("json"));
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["against"], serde_json::json!([p(&fixture(F004))]));
    assert_eq!(v["stage"], "draft");
    assert_eq!(
        v["summary"],
        serde_json::json!({"error": 1, "warning": 0, "info": 1})
    );
    assert_eq!(v["findings"][0]["severity"], "error");
    assert_eq!(v["findings"][1]["severity"], "info");
    assert_eq!(
        v["findings"][0]["note"],
        "closest: 3.6 \"Thực hiện cơ chế giao doanh nghiệp cung ứng dịch vụ bưu chí…\" (score 24%)"
    );
    let html = out(&run(
        args("html").chain(["--lang".to_string(), "vi".to_string()])
    ));
    // The parent's missing item beside the closest draft item.
    assert!(
        html.contains(
            r#"<span class="code sev-error">lỗi [KH201]</span> <i>Kế hoạch cấp trên, mục 3.5</i>: "#
        ),
        "{html}"
    );
    assert!(
        html.contains(r#"<div class="side"><div><h4>Kế hoạch cấp trên — mục 3.5</h4>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<h4>Dự thảo — mục gần nhất</h4><div>Gần nhất: mục 1.8 &quot;"#),
        "{html}"
    );
    // The default is 0.6.
    let o = run([
        "check",
        "--format",
        "json",
        "--select",
        "KH201",
        p(&fixture(F003)),
        "--against",
        p(&fixture(F004)),
    ]);
    assert_eq!(json(&o)["findings"].as_array().unwrap().len(), 5);
}

// ---------------------------------------------------------------- diff

#[test]
fn diff_json_lists_every_entry_with_its_changes() {
    let (_dir, old, new) = hatinh_pair();
    let o = run(["diff", "--format", "json", p(&old), p(&new)]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(
        v["summary"],
        serde_json::json!({"added": 1, "removed": 1, "changed": 1, "renumbered": 0, "swapped": 0, "unchanged": 1, "years_only": 0, "paragraphs_added": 0, "paragraphs_removed": 0, "paragraphs_changed": 0, "paragraphs_filled_in": 0, "lists_changed": 0})
    );
    assert_eq!(
        v["meta"],
        serde_json::json!([{"field": "number", "old": "Số: 45/KH-SKHCN", "new": "Số: 52/KH-SKHCN"}])
    );
    let e = v["entries"].as_array().unwrap();
    assert_eq!(e.len(), 4);
    // JSON keeps the document's text as it is (a JSON string escapes nothing of HTML).
    assert_eq!(e[0]["change"], "matched");
    assert_eq!(e[0]["changes"][0]["field"], "content");
    assert_eq!(
        e[0]["changes"][0]["old"],
        "Tuyên truyền <script>alert(1)</script> về dữ liệu số &amp; nền tảng số năm 2025"
    );
    assert_eq!(
        e[0]["changes"][0]["new"],
        "Phổ biến <script>alert(1)</script> về dữ liệu số &amp; nền tảng số năm 2025"
    );
    assert_eq!(e[0]["score"], 0.81);
    assert_eq!(
        (e[1]["old_stt"].as_str(), e[1]["new_stt"].as_str()),
        (Some("2"), Some("2"))
    );
    assert_eq!(e[1]["changes"], serde_json::json!([]));
    assert_eq!(e[2]["change"], "added");
    assert_eq!(
        e[2]["content"],
        "Đánh giá mức độ chuyển đổi số <img src=x onerror=alert(2)> của các xã"
    );
    assert_eq!(e[3]["change"], "removed");
    assert_eq!(e[3]["stt"], "3");
    // With --all the JSON is the same (it always lists unchanged entries).
    let all = run(["diff", "--format", "json", "--all", p(&old), p(&new)]);
    assert_eq!(json(&all), v);

    // The seeds: 004 (the provincial plan of 2024) → 003 (a department's plan of 2026).
    let o = run([
        "diff",
        "--format",
        "json",
        p(&fixture(F004)),
        p(&fixture(F003)),
    ]);
    let v = json(&o);
    assert_eq!(
        v["summary"],
        serde_json::json!({"added": 1, "removed": 11, "changed": 27, "renumbered": 22, "swapped": 0, "unchanged": 5, "years_only": 0, "paragraphs_added": 36, "paragraphs_removed": 21, "paragraphs_changed": 1, "paragraphs_filled_in": 0, "lists_changed": 2})
    );
    let fields: Vec<&str> = v["meta"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "title",
            "issuer",
            "number",
            "date",
            "plan_year",
            "signer.authority",
            "signer.position",
            "signer.name"
        ]
    );
    assert_eq!(v["meta"][1]["new"], "SỞ TƯ PHÁP");
    assert_eq!(
        v["meta"][4]["years_only"],
        serde_json::json!([[2024], [2026]])
    );
}

#[test]
fn diff_html_escapes_hostile_text() {
    let (dir, old, new) = hatinh_pair();
    let file = dir.path().join("diff.html");
    let o = run([
        "diff",
        "--lang",
        "en",
        "--format",
        "html",
        "-o",
        p(&file),
        p(&old),
        p(&new),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(o.stdout.is_empty());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<p class=\"meta\">1 added, 1 removed, 1 changed (0 only years), 0 renumbered, 1 unchanged</p>"), "{html}");
    // The word diff of item 1, the hostile text escaped around it.
    assert!(html.contains("<td>~</td><td>1</td><td><b>content</b>: <del>Tuyên truyền</del> <ins>Phổ biến</ins> &lt;script&gt;alert(1)&lt;/script&gt; về dữ liệu số &amp;amp; nền tảng số năm 2025</td>"), "{html}");
    assert!(html.contains("<td>+</td><td>3</td><td><ins>Đánh giá mức độ chuyển đổi số &lt;img src=x onerror=alert(2)&gt; của các xã</ins></td>"), "{html}");
    assert!(html.contains("<td>−</td><td>3</td><td><del>Kiểm tra việc thực hiện chuyển đổi số tại các xã, phường</del></td>"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
    assert!(!html.contains("số &amp; nền"), "{html}");
}

#[test]
fn diff_text_and_all() {
    let (_dir, old, new) = hatinh_pair();
    let o = run(["diff", "--lang", "en", p(&old), p(&new)]);
    assert_eq!(o.status.code(), Some(0));
    let text = out(&o);
    assert!(
        text.contains("  ~ number: \"Số: 45/KH-SKHCN\" → \"Số: 52/KH-SKHCN\"\n"),
        "{text}"
    );
    assert!(text.contains("      content: [-Tuyên truyền-] {+Phổ biến+} <script>alert(1)</script> về dữ liệu số &amp; nền tảng số năm 2025\n"), "{text}");
    assert!(text.contains("+ 3             Đánh giá mức độ chuyển đổi số <img src=x onerror=alert(2)> của các xã\n"), "{text}");
    assert!(
        text.contains("- 3             Kiểm tra việc thực hiện chuyển đổi số tại các xã, phường\n"),
        "{text}"
    );
    assert!(
        text.ends_with("1 added, 1 removed, 1 changed (0 only years), 0 renumbered, 1 unchanged\n")
    );
    // The unchanged item 2 is listed only with --all; otherwise the output is the same.
    let unchanged = "= 2             Xây dựng cơ sở dữ liệu về khoa học và công nghệ\n";
    assert!(!text.contains(unchanged), "{text}");
    let all = out(&run(["diff", "--lang", "en", "--all", p(&old), p(&new)]));
    assert!(all.contains(unchanged), "{all}");
    assert_eq!(all.replace(unchanged, ""), text);
    // A plan against itself: nothing differs, 3 unchanged; with --all all three are listed.
    let same = out(&run(["diff", "--lang", "en", p(&old), p(&old)]));
    assert!(same.contains("\n  (no item differs)\n"), "{same}");
    assert!(
        same.ends_with("0 added, 0 removed, 0 changed (0 only years), 0 renumbered, 3 unchanged\n")
    );
    let same_all = out(&run(["diff", "--lang", "en", "--all", p(&old), p(&old)]));
    assert_eq!(same_all.matches("\n= ").count(), 3, "{same_all}");
    // The seeds' known year-only change.
    let seeds = out(&run([
        "diff",
        "--lang",
        "en",
        p(&fixture(F004)),
        p(&fixture(F003)),
    ]));
    assert!(
        seeds.ends_with(
            "1 added, 11 removed, 27 changed (0 only years), 22 renumbered, 5 unchanged\n"
        ),
        "{seeds}"
    );
}

// ---------------------------------------------------------------- query

#[test]
fn query_plans_in_each_format() {
    let (_dir, db) = store();
    // json: one array, every field of the plan.
    let v = json(&query(&db, &["plans", "--format", "json"]));
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 3);
    assert_eq!(a[0]["id"], 1);
    assert_eq!(a[0]["issuer"], "SỞ TƯ PHÁP");
    assert_eq!(a[0]["parent_body"], "UBND TỈNH THÁI NGUYÊN");
    assert_eq!(a[0]["doc_type"], "KẾ HOẠCH");
    assert_eq!(a[0]["number"], Value::Null);
    assert_eq!(a[0]["symbol"], "KH-STP");
    assert_eq!(a[0]["number_text"], "Số: /KH-STP");
    assert_eq!(a[0]["date"], Value::Null);
    assert_eq!(a[0]["date_text"], "ngày tháng 01 năm 2026");
    assert_eq!(a[0]["year"], 2026);
    assert_eq!(a[0]["items"], 35);
    assert_eq!(a[0]["format"], "docx");
    assert_eq!(
        a[0]["sha256"],
        "ffdf174409a5249d0e4d32beff13b97f2012ff7c55cbb56c75bd31840b262efb"
    );
    assert_eq!(a[1]["issuer"], "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN");
    assert_eq!(a[1]["doc_type"], "QUYẾT ĐỊNH");
    assert_eq!(
        (a[1]["number"].as_str(), a[1]["symbol"].as_str()),
        (Some("3161"), Some("QĐ-UBND"))
    );
    assert_eq!(
        (a[1]["date"].as_str(), a[1]["year"].as_i64()),
        (Some("2023-12-13"), Some(2024))
    );
    assert_eq!(a[1]["items"], 45);
    assert_eq!(a[2]["issuer"], "SỞ NỘI VỤ");
    assert_eq!(a[2]["parent_body"], "UBND THÀNH PHỐ CẦN THƠ");
    assert_eq!(a[2]["number_text"], "Số: 12/KH-SNV");
    assert_eq!(a[2]["date"], "2026-02-05");
    assert_eq!(
        a[2]["title"],
        "Kiểm tra công tác cải cách hành chính, công vụ năm 2026"
    );
    assert_eq!(a[2]["format"], "html");
    assert_eq!(a[2]["items"], 5);
    // jsonl: the same objects, one a line.
    let l = jsonl(&query(&db, &["plans", "--format", "jsonl"]));
    assert_eq!(&l[..], &a[..]);
    // csv: a header and one line a plan.
    let csv = out(&query(&db, &["plans", "--format", "csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[0],
        "id,issuer,parent_body,doc_type,number,date,year,title,items,path,sha256"
    );
    assert!(lines[3].starts_with("3,SỞ NỘI VỤ,UBND THÀNH PHỐ CẦN THƠ,KẾ HOẠCH,Số: 12/KH-SNV,2026-02-05,2026,\"Kiểm tra công tác cải cách hành chính, công vụ năm 2026\",5,"), "{csv}");
    assert!(
        lines[2].starts_with(
            "2,ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN,,QUYẾT ĐỊNH,Số: 3161/QĐ-UBND,2023-12-13,2024,"
        ),
        "{csv}"
    );
    assert!(lines[3].ends_with(",8fdc3d4a34b45ad00f52586f30fb620b1f82f473f9ee085959dd5b0be82b601b"));
    // table: the number without "Số:", the footer counts the plans.
    let t = out(&query(&db, &["plans", "--width", "100"]));
    assert!(
        t.lines()
            .next()
            .unwrap()
            .starts_with("Mã   │ Cơ quan ban hành   │ Số"),
        "{t}"
    );
    assert!(
        t.contains("3    │ SỞ NỘI VỤ          │ 12/KH-SNV        │ 05/02/2026   │ 2026 │ 5    │"),
        "{t}"
    );
    assert!(
        t.contains("│ 3161/QĐ-UBND     │ 13/12/2023   │ 2024 │ 45   │"),
        "{t}"
    );
    assert!(t.ends_with("(3 plans)\n"), "{t}");
    assert!(
        t.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
        "{t}"
    );
}

#[test]
fn query_items_in_each_format() {
    let (_dir, db) = store();
    let first = |f: &str| out(&query(&db, &["items", "--format", f, "--limit", "3"]));
    // jsonl
    let l: Vec<Value> = first("jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(l.len(), 3);
    assert_eq!(l[0]["stt"], "1.");
    assert_eq!(l[0]["kind"], "group");
    assert_eq!(l[0]["deadline_kind"], "empty");
    assert_eq!(l[2]["stt"], "1.2");
    assert_eq!(l[2]["level"], 2);
    assert_eq!(l[2]["lead"], serde_json::json!(["Văn phòng Sở"]));
    assert_eq!(
        l[2]["support"],
        serde_json::json!(["Các phòng, đơn vị thuộc Sở"])
    );
    assert_eq!(l[2]["deadline"], "Trước ngày 31/01/2026");
    assert_eq!(l[2]["deadline_kind"], "before");
    assert_eq!(l[2]["deadline_date"], "2026-01-31");
    assert_eq!(l[2]["issuer"], "SỞ TƯ PHÁP");
    assert_eq!(l[2]["number_text"], "Số: /KH-STP");
    // json: the same objects in one array.
    let j: Value = serde_json::from_str(&first("json")).unwrap();
    assert_eq!(j.as_array().unwrap()[..], l[..]);
    // csv: lists joined, the due date.
    let csv = first("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0], "plan_id,issuer,number,year,stt,level,kind,content,lead,support,deadline,deadline_kind,due_date,path");
    assert!(lines[3].starts_with("1,SỞ TƯ PHÁP,Số: /KH-STP,2026,1.2,2,task,\"Xây dựng Kế hoạch kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử năm 2025\",Văn phòng Sở,\"Các phòng, đơn vị thuộc Sở\",Trước ngày 31/01/2026,before,2026-01-31,"), "{csv}");
    assert!(lines[1].contains(",1.,1,group,"), "{csv}");
    // table
    let t = out(&query(&db, &["items", "--limit", "3", "--width", "100"]));
    assert!(
        t.lines()
            .next()
            .unwrap()
            .starts_with("Mã   │ STT    │ Nội dung"),
        "{t}"
    );
    assert!(t.contains("1    │ 1.2    │   Xây dựng Kế hoạch kiểm soát  │ Văn phòng Sở     │ Các phòng, đơn  │ Trước ngày"), "{t}");
    assert!(t.ends_with("(3 items)\n"), "{t}");
    // The Cần Thơ schedule through --source, whole.
    let j = json(&query(
        &db,
        &["items", "--format", "json", "--source", "cantho"],
    ));
    let deadlines: Vec<(&str, &str, Option<&str>)> = j
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["deadline"].as_str().unwrap(),
                r["deadline_kind"].as_str().unwrap(),
                r["deadline_date"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        deadlines,
        [
            ("Tháng 4/2026", "months", Some("2026-04-30")),
            ("Tháng 5/2026", "months", Some("2026-05-31")),
            ("Quý III/2026", "quarters", Some("2026-09-30")),
            ("Tháng 10/2026", "months", Some("2026-10-31")),
            ("31/6/2026", "unparsed", None),
        ]
    );
}

#[test]
fn query_plan_filters() {
    let (_dir, db) = store();
    let plans = |filter: &[&str]| -> Vec<i64> {
        let mut a = vec!["plans", "--format", "jsonl"];
        a.extend_from_slice(filter);
        jsonl(&query(&db, &a))
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(plans(&[]), [1, 2, 3]);
    assert_eq!(plans(&["--year", "2024"]), [2]);
    assert_eq!(plans(&["--year", "2026"]), [1, 3]);
    assert_eq!(plans(&["--year", "2030"]), Vec::<i64>::new());
    // Issuer: whole words, case ignored (diacritics are not: "so tu phap" is another name).
    assert_eq!(plans(&["--issuer", "sở tư pháp"]), [1]);
    assert_eq!(plans(&["--issuer", "Sở Tư Pháp"]), [1]);
    assert_eq!(
        plans(&["--issuer", "ủy ban nhân dân tỉnh thái nguyên"]),
        [2]
    );
    // Number: the number, number and symbol, or the symbol alone.
    assert_eq!(plans(&["--number", "3161"]), [2]);
    assert_eq!(plans(&["--number", "3161/QĐ-UBND"]), [2]);
    assert_eq!(plans(&["--number", "12"]), [3]);
    assert_eq!(plans(&["--number", "/KH-STP"]), [1]);
    assert_eq!(plans(&["--number", "/KH-SNV"]), [3]);
    // Source: a part of the path or a SHA-256 prefix.
    assert_eq!(plans(&["--source", "cantho"]), [3]);
    assert_eq!(plans(&["--source", "ffdf17"]), [1]);
    assert_eq!(plans(&["--source", "928c7c"]), [2]);
    // Item filters select the plans that have such items.
    assert_eq!(plans(&["--kind", "group"]), [1, 2]);
    assert_eq!(plans(&["--lead", "Đoàn kiểm tra của Sở Nội vụ"]), [3]);
    assert_eq!(plans(&["--limit", "2"]), [1, 2]);
}

#[test]
fn query_item_filters() {
    let (_dir, db) = store();
    let n = |f: &[&str]| items(&db, f).len();
    assert_eq!(n(&[]), 85);
    assert_eq!(n(&["--year", "2024"]), 45);
    assert_eq!(n(&["--issuer", "sở nội vụ"]), 5);
    assert_eq!(n(&["--source", "928c7c"]), 45);
    assert_eq!(n(&["--number", "/KH-STP"]), 35);
    assert_eq!(n(&["--kind", "group"]), 14);
    assert_eq!(n(&["--kind", "task"]), 71);
    assert_eq!(n(&["--limit", "7"]), 7);
    assert_eq!(
        items(&db, &["--kind", "group", "--year", "2026"]),
        ids(&[
            (1, "1."),
            (1, "2."),
            (1, "2.1"),
            (1, "2.2"),
            (1, "2.3"),
            (1, "2.6"),
            (1, "3")
        ])
    );
    // Agencies: equal by default (case ignored), whole words with --agency-contains.
    assert_eq!(n(&["--lead", "Văn phòng Sở"]), 14);
    assert_eq!(n(&["--lead", "VĂN PHÒNG SỞ"]), 14);
    assert_eq!(
        items(&db, &["--support", "Văn phòng Sở"]),
        ids(&[
            (1, "1.8"),
            (1, "2.1.3"),
            (1, "2.2.2"),
            (1, "2.2.3"),
            (1, "2.3.1"),
            (1, "2.3.3"),
            (1, "2.4"),
            (1, "3.2"),
            (1, "3.3")
        ])
    );
    assert_eq!(n(&["--agency", "Văn phòng Sở"]), 14 + 9);
    let tu_phap = ids(&[
        (2, "2.1.1"),
        (2, "2.1.3"),
        (2, "2.1.4"),
        (2, "3.8"),
        (2, "4.4"),
    ]);
    assert_eq!(items(&db, &["--agency", "Sở Tư pháp"]), tu_phap);
    assert_eq!(items(&db, &["--agency", "Tư pháp"]), Vec::new());
    assert_eq!(
        items(&db, &["--agency", "Tư pháp", "--agency-contains"]),
        tu_phap
    );
    // Deadline kinds and due dates (both date spellings).
    assert_eq!(n(&["--deadline", "continuous"]), 46);
    assert_eq!(
        items(&db, &["--deadline", "before"]),
        ids(&[(1, "1.2"), (2, "1.1")])
    );
    assert_eq!(items(&db, &["--deadline", "unparsed"]), ids(&[(3, "5")]));
    assert_eq!(
        items(&db, &["--due-from", "2026-05-01"]),
        ids(&[(1, "3.4"), (3, "2"), (3, "3"), (3, "4")])
    );
    assert_eq!(
        items(&db, &["--due-to", "2026-01-31"]),
        ids(&[
            (1, "1.2"),
            (2, "1.1"),
            (2, "1.4"),
            (2, "1.9"),
            (2, "2.1.2"),
            (2, "3.6"),
            (2, "4.4"),
            (2, "4.5"),
            (2, "4.6")
        ])
    );
    assert_eq!(
        items(&db, &["--due-from", "01/04/2026", "--due-to", "30/09/2026"]),
        ids(&[(1, "1.5"), (3, "1"), (3, "2"), (3, "3")])
    );
    // Free text: diacritics ignored, phrases, prefixes; --exact: as spelled, case ignored.
    assert_eq!(n(&["--text", "kiem soat"]), 29);
    assert_eq!(n(&["--text", "kiểm soát"]), 29);
    assert_eq!(n(&["--text", "kiem soat tthc"]), 29);
    assert_eq!(
        items(&db, &["--text", "\"cải cách hành chính\""]),
        ids(&[(1, "3.3"), (2, "3.4")])
    );
    assert_eq!(
        items(&db, &["--text", "phuong*"]),
        ids(&[
            (1, "2.2.3"),
            (2, "1.5"),
            (2, "2.2.3"),
            (2, "4.5"),
            (3, "1"),
            (3, "4")
        ])
    );
    assert_eq!(n(&["--exact", "kiểm soát"]), 29);
    assert_eq!(n(&["--exact", "kiem soat"]), 0);
    assert_eq!(n(&["--exact", "Kiểm Soát TTHC"]), 21);
    // Filters combine.
    assert_eq!(
        items(
            &db,
            &[
                "--year",
                "2026",
                "--lead",
                "Văn phòng Sở",
                "--deadline",
                "before"
            ]
        ),
        ids(&[(1, "1.2")])
    );
}

// ---------------------------------------------------------------- export, reparse, rules

#[test]
fn export_plans_and_items() {
    let (dir, db) = store();
    let export = |args: &[&str]| {
        let mut a = vec!["export", "--db", p(&db)];
        a.extend_from_slice(args);
        run(a)
    };
    // --plans: the same rows as `query plans`, in csv and jsonl.
    let o = export(&["--plans", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), out(&query(&db, &["plans", "--format", "csv"])));
    let rows = jsonl(&export(&["--plans", "--format", "jsonl", "--year", "2026"]));
    let issuers: Vec<&str> = rows.iter().map(|r| r["issuer"].as_str().unwrap()).collect();
    assert_eq!(issuers, ["SỞ TƯ PHÁP", "SỞ NỘI VỤ"]);
    assert_eq!(rows[1]["number_text"], "Số: 12/KH-SNV");
    // Items, filtered like query.
    let rows = jsonl(&export(&["--format", "jsonl", "--source", "cantho"]));
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[4]["content"], "UBND xã Thới Lai");
    assert_eq!(rows[4]["deadline"], "31/6/2026");
    // CSV on standard output: no byte-order mark unless --bom; to a .csv file: a mark.
    let o = export(&["--format", "csv", "--source", "cantho"]);
    let csv = out(&o);
    assert!(csv.starts_with("plan_id,issuer,"), "{csv}");
    assert_eq!(csv.lines().count(), 6);
    let o = export(&["--format", "csv", "--bom", "--source", "cantho"]);
    assert!(o.stdout.starts_with("\u{feff}plan_id,".as_bytes()));
    let file = dir.path().join("plans.csv");
    let o = export(&["--plans", "--format", "csv", "--output", p(&file)]);
    assert_eq!(o.status.code(), Some(0));
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with("\u{feff}id,issuer,".as_bytes()));
    assert_eq!(String::from_utf8(bytes).unwrap().lines().count(), 4);
    let o = export(&[
        "--plans",
        "--format",
        "csv",
        "--no-bom",
        "--output",
        p(&file),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read(&file).unwrap().starts_with(b"id,issuer,"));
    // xlsx needs a file.
    let o = export(&["--plans", "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("--format xlsx needs --output FILE"),
        "{}",
        err(&o)
    );
}

#[test]
fn reparse_check_stores_findings_of_replaced_documents_only() {
    let (_dir, db) = store();
    let findings = |db: &Path| -> Vec<(i64, String)> {
        let s = kehoach_store::Store::open_read_only(db).unwrap();
        let mut st = s
            .conn()
            .prepare("SELECT d.id, f.code FROM finding f JOIN document d ON d.id = f.document_id ORDER BY f.code, d.id")
            .unwrap();
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows
    };
    // Nothing replaced: nothing checked.
    let o = run(["reparse", "--db", p(&db), "--check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v = json(&o);
    assert_eq!(v["documents"], serde_json::json!([]));
    assert_eq!(
        (
            v["summary"]["unchanged"].as_u64(),
            v["summary"]["sources"].as_u64()
        ),
        (Some(3), Some(3))
    );
    assert_eq!(findings(&db), []);
    // Simulate an older parser's record of 003 (item 1.3's content).
    {
        let s = kehoach_store::Store::open(&db).unwrap();
        s.conn()
            .execute_batch(
                "UPDATE document SET record_json = json_set(record_json, '$.items[3].content', 'Nội dung cũ') WHERE id = 1;
                 UPDATE item SET content = 'Nội dung cũ' WHERE document_id = 1 AND seq = 3;",
            )
            .unwrap();
    }
    let o = run(["reparse", "--db", p(&db), "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    assert!(
        text.contains(
            "003_e474f24c970af6a5.A.docx [ffdf174409a5]: items 35 → 35; changed 1.3 (content)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("3 sources: 2 unchanged, 1 changed, 0 parsed now, 0 failed"),
        "{text}"
    );
    // 003's findings, as `kehoach check` gives them; none for the two unchanged documents.
    let f = findings(&db);
    let want: Vec<(i64, String)> = ["KH102", "KH403", "KH406", "KH601", "KH601"]
        .iter()
        .map(|c| (f[0].0, c.to_string()))
        .collect();
    assert_eq!(f, want);
    let id3 = jsonl(&query(
        &db,
        &["plans", "--format", "jsonl", "--source", "ffdf17"],
    ))[0]["id"]
        .as_i64()
        .unwrap();
    assert_eq!(f[0].0, id3);
}

#[test]
fn rules_list_and_explain() {
    let o = run(["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let t = out(&o);
    assert!(t.contains("\nKH701  signed-missing-field         error    A signed plan lacks its number, full date or signer's name\n"), "{t}");
    assert!(t.contains("\nKH601  repeated-phrase              warning  A word or phrase is repeated by mistake\n"), "{t}");
    assert_eq!(t.lines().filter(|l| l.starts_with("KH")).count(), 25);
    // By code or by name, case ignored: the same explanation.
    let by_code = out(&run(["rules", "KH701"]));
    assert!(by_code.starts_with("KH701 signed-missing-field (error)\nA signed plan lacks its number, full date or signer's name\n"), "{by_code}");
    assert!(
        by_code.contains("Bad (signed): \"Số: /KH-STP\""),
        "{by_code}"
    );
    assert_eq!(out(&run(["rules", "signed-missing-field"])), by_code);
    assert_eq!(out(&run(["rules", "kh701"])), by_code);
    let o = run(["rules", "KH999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no rule \"KH999\"; `kehoach rules` lists them"));
    assert!(o.stdout.is_empty());
}

// ---------------------------------------------------------------- limits

/// `kehoach parse FLAG VALUE FILE`: exit 1, nothing on stdout, the exact message on stderr.
fn parse_refused(file: &Path, flag: &str, value: &str, message: &str) {
    let o = run(["parse", flag, value, p(file)]);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(1), "{flag}: {e}");
    assert!(
        o.stdout.is_empty() || out(&o).trim() == "[]",
        "{flag}: {}",
        out(&o)
    );
    let want = format!(
        "error: {}: limit exceeded: {message}; raise it with {flag}",
        file.display()
    );
    assert!(
        e.lines().any(|l| l.starts_with(&want)),
        "{flag}: want {want}\ngot {e}"
    );
}

#[test]
fn each_limit_flag_names_itself() {
    let docx = fixture(&format!("{CANTHO}.docx"));
    let html = fixture(&format!("{CANTHO}.html"));
    let pdf = fixture(&format!("{CANTHO}.pdf"));
    let seed = fixture(F003);
    // Each flag at the exact size of the fixture parses it (5 items, 35 for the seed); one
    // below, it refuses with the fixture's true value. The Cần Thơ plan has the same three
    // tables (38 cells, 6 rows at most) in .docx and HTML.
    let cases: [(&PathBuf, &str, u64, &str); 16] = [
        (&docx, "--max-file-bytes", 2012, "the file size (bytes)"),
        (&seed, "--max-zip-entries", 17, "the number of zip entries"),
        (
            &docx,
            "--max-entry-bytes",
            7671,
            "the inflated size of a zip entry (bytes)",
        ),
        (&docx, "--max-xml-depth", 8, "the XML nesting depth"),
        (
            &html,
            "--max-xml-depth",
            7,
            "the nesting depth of HTML elements",
        ),
        (
            &docx,
            "--max-xml-elements",
            321,
            "the number of XML elements in a part",
        ),
        (
            &html,
            "--max-html-elements",
            110,
            "the number of HTML elements",
        ),
        (
            &docx,
            "--max-table-rows",
            6,
            "the number of rows in a table",
        ),
        (
            &html,
            "--max-table-rows",
            6,
            "the number of rows in a table",
        ),
        (
            &docx,
            "--max-table-depth",
            1,
            "the nesting depth of tables in tables",
        ),
        (&docx, "--max-cells", 38, "the number of table cells"),
        (&html, "--max-cells", 38, "the number of table cells"),
        (&pdf, "--max-pdf-objects", 18, "the number of PDF objects"),
        (&pdf, "--max-pdf-pages", 1, "the number of PDF pages"),
        (
            &pdf,
            "--max-stream-bytes",
            8578,
            "the decoded size of a PDF stream",
        ),
        (
            &pdf,
            "--max-ops-per-page",
            679,
            "the number of content operations on one page",
        ),
    ];
    for (file, flag, value, what) in cases {
        let below = (value - 1).to_string();
        parse_refused(
            file,
            flag,
            &below,
            &format!("{what} is {value}, the limit is {below}"),
        );
        let o = run(["parse", flag, &value.to_string(), p(file)]);
        assert_eq!(o.status.code(), Some(0), "{flag} {value}: {}", err(&o));
        let n = if *file == seed { 35 } else { 5 };
        assert_eq!(json(&o)["items"].as_array().unwrap().len(), n, "{flag}");
    }
    // The ratio is enforced on entries that inflate past 1 MiB: a 42 kB entry of 40 MiB
    // (ratio 1009.3) is refused at 1009 and inflated at 1010 (then found damaged: its CRC is
    // forged). The default, 200, refuses it.
    let bomb = fixture("hostile/zip_bomb_42k.docx");
    parse_refused(
        &bomb,
        "--max-inflate-ratio",
        "1009",
        "the inflation ratio of a zip entry is 1010, the limit is 1009",
    );
    let o = run(["parse", p(&bomb)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("limit exceeded: the inflation ratio of a zip entry is 201, the limit is 200; raise it with --max-inflate-ratio"), "{}", err(&o));
    let o = run(["parse", "--max-inflate-ratio", "1010", p(&bomb)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("the file is damaged: cannot inflate word/document.xml"),
        "{}",
        err(&o)
    );
    // A time limit no read can meet (a microsecond) — the one limit read from the clock.
    parse_refused(
        &html,
        "--max-seconds",
        "0.000001",
        "the document took longer than 0.000001 s to read",
    );
    parse_refused(
        &docx,
        "--max-seconds",
        "0.000001",
        "the document took longer than 0.000001 s to read",
    );
    // Several files: the refused one is named, the others are still parsed (exit 1).
    // The .docx is 2012 bytes, the HTML 2316.
    let o = run([
        "parse",
        "--format",
        "jsonl",
        "--max-file-bytes",
        "2100",
        p(&html),
        p(&docx),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains(&format!("{}: limit exceeded: the file size (bytes) is 2316, the limit is 2100; raise it with --max-file-bytes", html.display())), "{}", err(&o));
    let lines: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{}", out(&o));
    assert_eq!(lines[0]["document"]["issuer"], "SỞ NỘI VỤ");
    assert_eq!(lines[0]["source"]["format"], "docx");
    assert_eq!(lines[0]["items"].as_array().unwrap().len(), 5);
}

#[test]
fn limits_in_check_diff_import_and_reparse() {
    let docx = fixture(&format!("{CANTHO}.docx"));
    let msg = "limit exceeded: the number of table cells is 21, the limit is 20; raise it with --max-cells";
    // check and diff: exit 2, nothing on stdout.
    for args in [
        vec!["check", "--max-cells", "20", p(&docx)],
        vec!["check", "--format", "json", "--max-cells", "20", p(&docx)],
        vec!["diff", "--max-cells", "20", p(&docx), p(&docx)],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(
            err(&o).contains(&format!("{}: {msg}", docx.display())),
            "{args:?}: {}",
            err(&o)
        );
    }
    // import: the file is recorded as failed, exit 1.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let o = run([
        "import",
        "--db",
        p(&db),
        "--format",
        "json",
        "--max-cells",
        "20",
        p(&docx),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let v = json(&o);
    assert_eq!(
        (v["imported"].as_u64(), v["files"].as_u64()),
        (Some(0), Some(1))
    );
    let failed = v["failed"].to_string();
    assert!(failed.contains(msg), "{failed}");
    // reparse with the default limits parses the failed source and stores it …
    let o = run(["reparse", "--db", p(&db), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v = json(&o);
    assert_eq!(v["documents"][0]["status"], "parsed");
    assert_eq!(v["documents"][0]["items_after"], 5);
    assert_eq!(v["summary"]["parsed"], 1);
    // … and a dry run under the lower limit reports it failed (exit 1), keeping it stored.
    let o = run([
        "reparse",
        "--db",
        p(&db),
        "--dry-run",
        "--format",
        "json",
        "--max-cells",
        "20",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let v = json(&o);
    assert_eq!(v["documents"][0]["status"], "failed");
    assert_eq!(v["documents"][0]["error"], msg);
    assert_eq!(v["summary"]["failed"], 1);
    let plans = jsonl(&query(&db, &["plans", "--format", "jsonl"]));
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0]["issuer"], "SỞ NỘI VỤ");
}

// ---------------------------------------------------------------- import, xlsx, widths

#[test]
fn import_summary_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kehoach.db");
    let report = fixture("plans/nghean_baocao_2025.docx");
    let o = run([
        "import",
        "--db",
        p(&db),
        p(&fixture(F003)),
        p(&fixture(&format!("{CANTHO}.html"))),
        p(&report),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    assert!(text.starts_with("imported 2 documents (40 items), 0 already present, 1 not plans skipped, 0 scans need OCR, 0 failed — 3 files in "), "{text}");
    assert!(
        text.contains(&format!(
            "  skipped: {}: không phải kế hoạch (BÁO CÁO)\n",
            report.display()
        )),
        "{text}"
    );
    assert!(text.contains("store "), "{text}");
    assert!(
        text.ends_with(": 2 sources, 2 documents, 40 items, 0 failed to parse\n"),
        "{text}"
    );
    // Again: already present, nothing imported; the JSON summary says so.
    let o = run([
        "import",
        "--db",
        p(&db),
        "--format",
        "json",
        p(&fixture(F003)),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(
        (
            v["files"].as_u64(),
            v["imported"].as_u64(),
            v["present"].as_u64(),
            v["items"].as_u64()
        ),
        (Some(1), Some(0), Some(1), Some(0))
    );
    assert_eq!(v["failed"], serde_json::json!([]));
    assert_eq!(v["skipped"], serde_json::json!([]));
}

#[test]
fn export_xlsx_has_plans_and_items_sheets() {
    let (dir, db) = store();
    let file = dir.path().join("cantho.xlsx");
    let o = run([
        "export",
        "--db",
        p(&db),
        "--format",
        "xlsx",
        "--output",
        p(&file),
        "--source",
        "cantho",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        err(&o).contains("cantho.xlsx: 1 plans, 5 items"),
        "{}",
        err(&o)
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let wb = part("xl/workbook.xml");
    assert!(wb.contains(r#"<sheet name="Kế hoạch" sheetId="1""#), "{wb}");
    assert!(wb.contains(r#"<sheet name="Nhiệm vụ" sheetId="2""#), "{wb}");
    // A header row and one row a plan (K columns), five item rows (N columns).
    let plans = part("xl/worksheets/sheet1.xml");
    assert!(plans.contains(r#"<dimension ref="A1:K2"/>"#), "{plans}");
    assert!(plans.contains("<t>Cơ quan ban hành</t>") && plans.contains("<t>SỞ NỘI VỤ</t>"));
    assert!(plans.contains("<t>Kiểm tra công tác cải cách hành chính, công vụ năm 2026</t>"));
    assert!(!plans.contains("SỞ TƯ PHÁP"));
    let items = part("xl/worksheets/sheet2.xml");
    assert!(items.contains(r#"<dimension ref="A1:N6"/>"#), "{items}");
    for t in [
        "UBND phường Ninh Kiều",
        "UBND xã Thới Lai",
        "Quý III/2026",
        "31/6/2026",
    ] {
        assert!(items.contains(&format!("<t>{t}</t>")), "{t}");
    }
}

#[test]
fn query_table_fills_the_width_asked() {
    let (_dir, db) = store();
    for what in ["plans", "items"] {
        for w in [80usize, 100, 140] {
            let t = out(&query(&db, &[what, "--width", &w.to_string()]));
            let widths: Vec<usize> = t
                .lines()
                .map(unicode_width::UnicodeWidthStr::width)
                .collect();
            assert!(widths.iter().all(|&n| n <= w), "{what} {w}: {t}");
            // The rule under the header spans the width.
            assert_eq!(
                widths[t.lines().position(|l| l.starts_with('─')).unwrap()],
                w,
                "{what} {w}"
            );
        }
    }
}

// ---------------------------------------------------------------- parse

#[test]
fn parse_formats_of_one_plan_read_from_two_formats() {
    let docx = fixture(&format!("{CANTHO}.docx"));
    let html = fixture(&format!("{CANTHO}.html"));
    // csv with --bom: one header, one line an item of each file, the same five rows.
    let o = run(["parse", "--format", "csv", "--bom", p(&html), p(&docx)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let csv = out(&o);
    assert!(
        csv.starts_with(
            "\u{feff}file,stt,level,kind,content,lead,support,deadline,deadline_kind,table,row\n"
        ),
        "{csv}"
    );
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 10);
    let tail = |r: &str, f: &Path| {
        r.strip_prefix(&format!("{},", f.display()))
            .unwrap()
            .to_string()
    };
    for i in 0..5 {
        assert_eq!(tail(rows[i], &html), tail(rows[i + 5], &docx));
    }
    assert_eq!(
        tail(rows[2], &html),
        "3,1,task,\"Sở Y tế; Sở Giáo dục và Đào tạo\",Đoàn kiểm tra liên ngành,,Quý III/2026,quarters,2,4"
    );
    assert_eq!(
        tail(rows[4], &html),
        "5,1,task,UBND xã Thới Lai,Đoàn kiểm tra của Sở Nội vụ,,31/6/2026,unparsed,2,6"
    );
    // Without --bom on standard output: none.
    let o = run(["parse", "--format", "csv", p(&html)]);
    assert!(out(&o).starts_with("file,stt,"));
    // json: an array for two files; jsonl: a line each; both readers agree on the record.
    let v = json(&run(["parse", p(&html), p(&docx)]));
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0]["source"]["format"], "html");
    assert_eq!(a[1]["source"]["format"], "docx");
    assert_eq!(a[0]["document"], a[1]["document"]);
    assert_eq!(a[0]["document"]["signer"]["name"], "Trần Thị Thu Hà");
    assert_eq!(a[0]["document"]["place"], "Cần Thơ");
    assert_eq!(
        a[0]["document"]["date"]["text"],
        "ngày 05 tháng 02 năm 2026"
    );
    let l = run(["parse", "--format", "jsonl", p(&html), p(&docx)]);
    let lines: Vec<Value> = out(&l)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines[..], a);
    // The invalid date is a warning on stderr, not a failure.
    assert!(
        err(&l).contains("bảng 2, dòng 6, STT 5: ngày không có thật: 31/6/2026"),
        "{}",
        err(&l)
    );
    // table: a heading, the title, one row an item, within the width.
    let t = out(&run([
        "parse",
        "--format",
        "table",
        "--width",
        "80",
        p(&docx),
    ]));
    // The heading (wrapped at the width: the path is long) names the type, number, count.
    assert!(t.contains(" — KẾ HOẠCH Số:"), "{t}");
    // Where the heading wraps depends on the checkout's path: compare it unwrapped.
    assert!(
        t.replace('\n', " ").contains(
            "12/KH-SNV (5 items)   Kiểm tra công tác cải cách hành chính, công vụ năm 2026 "
        ),
        "{t}"
    );
    assert!(
        t.contains("\n  Kiểm tra công tác cải cách hành chính, công vụ năm 2026\n"),
        "{t}"
    );
    assert!(
        t.contains(
            "\n3   │ Sở Y tế; Sở Giáo dục và Đào  │ Đoàn kiểm tra    │          │ Quý III/2026\n"
        ),
        "{t}"
    );
    assert!(
        t.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80),
        "{t}"
    );
}
