//! `check --format html`: the reviewer's report, on plans of our own (Sở Nội vụ tỉnh Lào Cai
//! against the province's plan): the summary counts, one anchor per finding and a link to its
//! row or paragraph, the offending words marked, the parent's item beside a KH201/KH203
//! finding, the document's text escaped, Vietnamese by default and English with `--lang en`.

mod support;

use std::path::PathBuf;

use support::*;

/// The province's plan for 2026: three items led by Sở Nội vụ.
const PARENT: &str = r#"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cải cách hành chính năm 2026</title></head><body>
<table border="0"><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH LÀO CAI</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr><tr><td><p>Số: 21/KH-UBND</p></td><td><p>Lào Cai, ngày 15 tháng 01 năm 2026</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Cải cách hành chính tỉnh Lào Cai năm 2026</b></p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>Phấn đấu 100% hồ sơ thủ tục hành chính được số hóa.</p>
<p>II. NHIỆM VỤ</p>
<table border="1"><tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Cơ quan chủ trì</p></th><th><p>Cơ quan phối hợp</p></th><th><p>Thời gian hoàn thành</p></th></tr>
<tr><td><p>1</p></td><td><p>Rà soát, kiện toàn đội ngũ công chức làm công tác cải cách hành chính</p></td><td><p>Sở Nội vụ</p></td><td><p>Các sở, ban, ngành</p></td><td><p>Quý I/2026</p></td></tr>
<tr><td><p>2</p></td><td><p>Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026</p></td><td><p>Sở Nội vụ</p></td><td><p>Văn phòng UBND tỉnh</p></td><td><p>Tháng 02/2026</p></td></tr>
<tr><td><p>3</p></td><td><p>Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cán bộ, công chức cấp xã</p></td><td><p>Sở Nội vụ</p></td><td><p>UBND các xã, phường</p></td><td><p>Quý III/2026</p></td></tr>
</table>
<table border="0"><tr><td><p>Nơi nhận:</p><p>- Bộ Nội vụ;</p><p>- Lưu: VT.</p></td><td><p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p><p></p><p>Trịnh Xuân Trường</p></td></tr></table>
</body></html>"#;

/// The department's draft: blank number and day; a plan for 2025 cited in the body (KH104,
/// a paragraph finding) and not the parent (KH202, a field); item 1 misspells "kiện toàn"
/// (KH602, and KH203 against the parent's item 1); item 2 draws up a plan for 2025 (KH102);
/// the parent's item 3 is missing (KH201); item 3 and a body paragraph hold `<script>`.
const DRAFT: &str = r#"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cải cách hành chính năm 2026</title></head><body>
<table border="0"><tr><td><p>UBND TỈNH LÀO CAI</p><p>SỞ NỘI VỤ</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr><tr><td><p>Số:     /KH-SNV</p></td><td><p>Lào Cai, ngày      tháng 02 năm 2026</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Cải cách hành chính của Sở Nội vụ năm 2026</b></p>
<p>Căn cứ Kế hoạch số 12/KH-UBND ngày 20/01/2025 của UBND tỉnh Lào Cai về cải cách hành chính năm 2025;</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>Phấn đấu 100% hồ sơ &lt;script&gt;alert(3)&lt;/script&gt; được số hóa.</p>
<p>II. NHIỆM VỤ</p>
<table border="1"><tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Đơn vị chủ trì</p></th><th><p>Đơn vị phối hợp</p></th><th><p>Thời gian hoàn thành</p></th></tr>
<tr><td><p>1</p></td><td><p>Rà soát, kiểm toàn đội ngũ công chức làm công tác cải cách hành chính</p></td><td><p>Phòng Tổ chức biên chế</p></td><td><p>Các phòng thuộc Sở</p></td><td><p>Quý I/2026</p></td></tr>
<tr><td><p>2</p></td><td><p>Xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2025</p></td><td><p>Thanh tra Sở</p></td><td><p>Văn phòng Sở</p></td><td><p>Tháng 02/2026</p></td></tr>
<tr><td><p>3</p></td><td><p>Tuyên truyền &lt;script&gt;alert(1)&lt;/script&gt; về cải cách hành chính</p></td><td><p>Văn phòng Sở</p></td><td><p>Các phòng &lt;b&gt;chuyên môn&lt;/b&gt;</p></td><td><p>Tháng 6/2026</p></td></tr>
</table>
<table border="0"><tr><td><p>Nơi nhận:</p><p>- UBND tỉnh;</p><p>- Lưu: VT.</p></td><td><p>GIÁM ĐỐC</p><p></p><p>Nguyễn Thị Hoa</p></td></tr></table>
</body></html>"#;

fn files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let parent = dir.path().join("laocai_ubnd_cchc_2026.html");
    let draft = dir.path().join("laocai_snv_cchc_2026_duthao.html");
    std::fs::write(&parent, PARENT).unwrap();
    std::fs::write(&draft, DRAFT).unwrap();
    (dir, draft, parent)
}

fn report(lang: &[&str]) -> String {
    let (_dir, draft, parent) = files();
    let mut args = vec![
        "check",
        "--format",
        "html",
        draft.to_str().unwrap(),
        "--against",
        parent.to_str().unwrap(),
    ];
    args.extend_from_slice(lang);
    let o = kehoach_env(&args, &[]);
    // Errors among the findings: exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

/// The text between `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let a = s
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {s}"))
        + start.len();
    let b = s[a..].find(end).unwrap() + a;
    &s[a..b]
}

#[test]
fn summary_counts_by_severity_and_rule_with_file_parent_stage_and_date() {
    let html = report(&[]);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
    assert!(html.contains("<h2>Tóm tắt</h2>"), "{html}");
    let file = between(&html, "<dd id=\"sum-file\">", "</dd>");
    assert!(
        file.ends_with("laocai_snv_cchc_2026_duthao.html · SỞ NỘI VỤ · Số:     /KH-SNV · ngày      tháng 02 năm 2026")
            || file.contains("laocai_snv_cchc_2026_duthao.html"),
        "{file}"
    );
    let parents = between(&html, "<dd id=\"sum-parents\">", "</dd>");
    assert!(parents.contains("laocai_ubnd_cchc_2026.html"), "{parents}");
    assert!(parents.contains("Số: 21/KH-UBND"), "{parents}");
    assert_eq!(between(&html, "<dd id=\"sum-stage\">", "</dd>"), "Dự thảo");
    let date = between(&html, "<dd id=\"sum-date\">", "</dd>");
    assert!(
        date.len() == 10 && date.as_bytes()[2] == b'/' && date.as_bytes()[5] == b'/',
        "{date}"
    );
    // 3 errors (KH104, KH102, KH201), 2 warnings (KH202, KH602), 1 info (KH203).
    for (sev, word, n) in [
        ("error", "Lỗi", 3),
        ("warning", "Cảnh báo", 2),
        ("info", "Thông tin", 1),
    ] {
        let row = format!(
            "<tr data-sev=\"{sev}\"><td class=\"sev-{sev}\">{word}</td><td class=\"n\">{n}</td></tr>"
        );
        assert!(html.contains(&row), "{row}\n{html}");
    }
    assert!(html.contains("<tr><th>Tổng cộng</th><th class=\"n\">6</th></tr>"));
    let by_rule = between(&html, "<table class=\"counts by-rule\">", "</table>");
    for code in ["KH102", "KH104", "KH201", "KH202", "KH203", "KH602"] {
        assert!(
            by_rule.contains(&format!("<tr data-rule=\"{code}\"><td class=\"code")),
            "{code} {by_rule}"
        );
    }
    assert_eq!(by_rule.matches("<tr data-rule=").count(), 6);
    // Filters: three severities, six rules, rows with findings only; no external file.
    let filters = between(&html, "<section class=\"filters\">", "</section>");
    assert_eq!(filters.matches("data-sev=").count(), 3);
    assert_eq!(filters.matches("data-rule=").count(), 6);
    assert!(!html.contains(" src=") && !html.contains("<link") && !html.contains("http"));
    // Prints on A4: filters hidden, rows not cut, 2 cm margins.
    assert!(html.contains("@media print"));
    assert!(html.contains(".filters,.nav{display:none}"));
    assert!(html.contains("break-inside:avoid"));
    assert!(html.contains("@page{size:A4;margin:2cm}"));
}

#[test]
fn one_anchor_per_finding_linked_to_its_row_paragraph_or_field() {
    let html = report(&[]);
    let list = between(&html, "<ol class=\"findings\">", "</ol>");
    assert_eq!(list.matches("<li class=\"f ").count(), 6, "{list}");
    for k in 0..6 {
        assert_eq!(html.matches(&format!(" id=\"f-{k}\"")).count(), 1, "f-{k}");
    }
    // Each link points to an anchor that exists, once.
    let mut targets = Vec::new();
    for part in list.split("<a href=\"#").skip(1) {
        targets.push(part.split('"').next().unwrap().to_string());
    }
    assert_eq!(targets.len(), 5, "{targets:?}"); // KH201 has no place in the draft
    for t in &targets {
        assert_eq!(html.matches(&format!(" id=\"{t}\"")).count(), 1, "{t}");
    }
    assert!(targets.contains(&"row-0".to_string()));
    assert!(targets.contains(&"row-1".to_string()));
    // KH104 is about a body paragraph: the paragraph is there, with its id and its badge.
    let para = targets.iter().find(|t| t.starts_with("para-")).unwrap();
    let p = between(&html, &format!("<p id=\"{para}\" class=\"error\">"), "</p>");
    assert!(p.starts_with("Căn cứ "), "{p}");
    assert!(p.contains("<a class=\"badge\" href=\"#f-"), "{p}");
    // KH202 is about the legal bases: the field's row.
    assert!(
        targets.contains(&"meta-legal-bases".to_string()),
        "{targets:?}"
    );
    // Badges link back: one per finding placed in the document.
    assert_eq!(html.matches("<a class=\"badge\" href=\"#f-").count(), 5);
}

#[test]
fn offending_words_are_marked_in_their_cell_and_paragraph() {
    let html = report(&[]);
    let row0 = between(&html, "<tr id=\"row-0\"", "</tr>");
    // The misspelling (KH602) marked, and inside it the twin word (KH203).
    assert!(row0.contains("data-f-rule=\"KH602\">"), "{row0}");
    let mark602 = between(row0, "data-f-rule=\"KH602\">", "toàn đội ngũ</mark>");
    assert!(
        mark602.contains("data-f-rule=\"KH203\">kiểm</mark>"),
        "{row0}"
    );
    assert!(row0.contains("<td>Rà soát, <mark"), "{row0}");
    let row1 = between(&html, "<tr id=\"row-1\"", "</tr>");
    assert!(row1.contains("<mark class=\"error\""), "{row1}");
    assert!(row1.contains("năm 2025</mark>"), "{row1}");
    let para = between(&html, "class=\"error\">Căn cứ", "</p>");
    assert!(
        para.contains("data-f-rule=\"KH104\">Kế hoạch số 12/KH-UBND ngày 20/01/2025 của UBND tỉnh Lào Cai</mark>"),
        "{para}"
    );
}

#[test]
fn parent_item_shown_beside_the_draft_item() {
    let html = report(&[]);
    // KH203: the parent's item 1 beside the draft's item 1.
    let li203 = between(&html, "data-f-rule=\"KH203\"><span", "</li>");
    assert!(li203.contains("<div class=\"side\"><div><h4>Kế hoạch cấp trên — mục 1</h4><div>Rà soát, kiện toàn đội ngũ"), "{li203}");
    assert!(
        li203.contains("<h4>Dự thảo — mục 1</h4><div>Rà soát, kiểm toàn đội ngũ"),
        "{li203}"
    );
    assert!(li203.contains("<b>Chủ trì:</b> Sở Nội vụ"), "{li203}");
    // KH201: the parent's missing item 3 beside the closest draft item.
    let li201 = between(&html, "data-f-rule=\"KH201\"><span", "</li>");
    assert!(li201.contains("<i>Kế hoạch cấp trên, mục 3</i>"), "{li201}");
    assert!(
        li201.contains("<h4>Kế hoạch cấp trên — mục 3</h4><div>Tổ chức tập huấn nghiệp vụ"),
        "{li201}"
    );
    assert!(
        li201.contains("<b>Thời gian hoàn thành:</b> Quý III/2026"),
        "{li201}"
    );
    assert!(li201.contains("<h4>Dự thảo — mục gần nhất</h4>"), "{li201}");
}

#[test]
fn document_text_stays_text() {
    let html = report(&[]);
    // The report's own script is the only script element.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<script>alert") && !html.contains("<b>chuyên"));
    assert!(
        html.contains("Tuyên truyền &lt;script&gt;alert(1)&lt;/script&gt; về cải cách hành chính")
    );
    assert!(html.contains("Phấn đấu 100% hồ sơ &lt;script&gt;alert(3)&lt;/script&gt; được số hóa."));
    assert!(html.contains("<td>Các phòng &lt;b&gt;chuyên môn&lt;/b&gt;</td>"));
}

#[test]
fn vietnamese_by_default_english_on_request() {
    let vi = report(&[]);
    for label in [
        "<h2>Các phát hiện</h2>",
        "<h2>Thông tin văn bản</h2>",
        "<h2>Thân văn bản</h2>",
        "<h2>Bảng nhiệm vụ</h2>",
        "<th>STT</th><th>Nội dung</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời gian hoàn thành</th>",
        "<th>Mức độ</th><th>Số lượng</th>",
        "<dt>Kế hoạch cấp trên</dt>",
        "Lọc phát hiện",
        "lỗi [KH102]",
        "<a href=\"#row-1\">Mục 2, cột Nội dung (bảng 2, dòng 3)</a>",
    ] {
        assert!(vi.contains(label), "{label}\n{vi}");
    }
    let en = report(&["--lang", "en"]);
    assert!(en.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    for label in [
        "<h2>Summary</h2>",
        "<h2>Findings</h2>",
        "<h2>Task table</h2>",
        "<th>No.</th><th>Content</th><th>Lead</th><th>Support</th><th>Deadline</th>",
        "<dt>Parent plans</dt>",
        "<dd id=\"sum-stage\">Draft</dd>",
        "error [KH102]",
        "<a href=\"#row-1\">Item 2, column Content (table 2, row 3)</a>",
        "<h4>Parent plan — item 1</h4>",
    ] {
        assert!(en.contains(label), "{label}\n{en}");
    }
    assert!(!en.contains("Tóm tắt") && !en.contains("Kế hoạch cấp trên —"));
}
