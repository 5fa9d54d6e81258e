//! `kehoach diff` sees what reviewers change between a draft and its signed version, on
//! plans of our own (Sở Y tế thành phố Cần Thơ, 2027): the blanks filled in (number, day) are
//! "filled in", not edits; the body's targets changed ("100%" → "trên 90%"), one removed and
//! three added; the signer and the recipients changed; an extra column (Sản phẩm) changed;
//! two rows swapped are one swap. Text, JSON and HTML; Vietnamese by default.

mod support;

use std::path::PathBuf;

use support::*;

/// The draft: number and day blank, four items with a "Sản phẩm" column.
const DRAFT: &str = r#"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Chuyển đổi số ngành y tế năm 2027</title></head><body>
<table border="0"><tr><td><p>UBND THÀNH PHỐ CẦN THƠ</p><p>SỞ Y TẾ</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr><tr><td><p>Số:      /KH-SYT</p></td><td><p>Cần Thơ, ngày      tháng 3 năm 2027</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Chuyển đổi số ngành y tế năm 2027</b></p>
<p>Căn cứ Kế hoạch số 40/KH-UBND ngày 10/02/2027 của UBND thành phố Cần Thơ về chuyển đổi số năm 2027;</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>Phấn đấu 100% trạm y tế xã, phường triển khai hồ sơ sức khỏe điện tử trong năm 2027.</p>
<p>Tỷ lệ người dân hài lòng với dịch vụ y tế đạt 95%.</p>
<p>II. NHIỆM VỤ</p>
<table border="1"><tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Đơn vị chủ trì</p></th><th><p>Đơn vị phối hợp</p></th><th><p>Thời gian hoàn thành</p></th><th><p>Sản phẩm</p></th></tr>
<tr><td><p>1</p></td><td><p>Triển khai bệnh án điện tử tại các bệnh viện tuyến thành phố</p></td><td><p>Phòng Nghiệp vụ Y</p></td><td><p>Các bệnh viện</p></td><td><p>Quý II/2027</p></td><td><p>Báo cáo kết quả triển khai</p></td></tr>
<tr><td><p>2</p></td><td><p>Kết nối liên thông dữ liệu khám chữa bệnh với Cổng giám định bảo hiểm y tế</p></td><td><p>Văn phòng Sở</p></td><td><p>Bảo hiểm xã hội thành phố</p></td><td><p>Quý III/2027</p></td><td><p>Dữ liệu được kết nối</p></td></tr>
<tr><td><p>3</p></td><td><p>Tập huấn kỹ năng số cho nhân viên y tế cơ sở</p></td><td><p>Phòng Tổ chức cán bộ</p></td><td><p>Trung tâm Y tế các quận, huyện</p></td><td><p>Tháng 8/2027</p></td><td><p>Lớp tập huấn</p></td></tr>
<tr><td><p>4</p></td><td><p>Kiểm tra việc ứng dụng công nghệ thông tin tại các cơ sở khám chữa bệnh</p></td><td><p>Thanh tra Sở</p></td><td><p>Phòng Nghiệp vụ Y</p></td><td><p>Tháng 11/2027</p></td><td><p>Kết luận kiểm tra</p></td></tr>
</table>
<table border="0"><tr><td><p>Nơi nhận:</p><p>- UBND thành phố;</p><p>- Sở Tài chính;</p><p>- Lưu: VT.</p></td><td><p>GIÁM ĐỐC</p><p></p><p>Trần Văn Minh</p></td></tr></table>
</body></html>"#;

/// The signed version: number 118 and day 21 filled in; target "100%" → "trên 90%"; the
/// satisfaction target dropped and three targets added; rows 2 and 3 swapped; item 1's
/// product reworded; signed by a deputy (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Lê Thị Thu Hà) instead
/// of the director; Bộ Y tế added to the recipients, Sở Tài chính dropped, "Lưu: VT" reworded.
const SIGNED: &str = r#"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Chuyển đổi số ngành y tế năm 2027</title></head><body>
<table border="0"><tr><td><p>UBND THÀNH PHỐ CẦN THƠ</p><p>SỞ Y TẾ</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr><tr><td><p>Số: 118/KH-SYT</p></td><td><p>Cần Thơ, ngày 21 tháng 3 năm 2027</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Chuyển đổi số ngành y tế năm 2027</b></p>
<p>Căn cứ Kế hoạch số 40/KH-UBND ngày 10/02/2027 của UBND thành phố Cần Thơ về chuyển đổi số năm 2027;</p>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>Phấn đấu trên 90% trạm y tế xã, phường triển khai hồ sơ sức khỏe điện tử trong năm 2027.</p>
<p>Bảo đảm 100% bệnh viện tuyến thành phố triển khai bệnh án điện tử trước ngày 30/9/2027.</p>
<p>Có ít nhất 80% người dân có hồ sơ sức khỏe điện tử.</p>
<p>Hoàn thành kết nối liên thông dữ liệu với Cổng giám định bảo hiểm y tế trong quý III/2027.</p>
<p>II. NHIỆM VỤ</p>
<table border="1"><tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Đơn vị chủ trì</p></th><th><p>Đơn vị phối hợp</p></th><th><p>Thời gian hoàn thành</p></th><th><p>Sản phẩm</p></th></tr>
<tr><td><p>1</p></td><td><p>Triển khai bệnh án điện tử tại các bệnh viện tuyến thành phố</p></td><td><p>Phòng Nghiệp vụ Y</p></td><td><p>Các bệnh viện</p></td><td><p>Quý II/2027</p></td><td><p>Bệnh án điện tử được triển khai tại 100% bệnh viện</p></td></tr>
<tr><td><p>2</p></td><td><p>Tập huấn kỹ năng số cho nhân viên y tế cơ sở</p></td><td><p>Phòng Tổ chức cán bộ</p></td><td><p>Trung tâm Y tế các quận, huyện</p></td><td><p>Tháng 8/2027</p></td><td><p>Lớp tập huấn</p></td></tr>
<tr><td><p>3</p></td><td><p>Kết nối liên thông dữ liệu khám chữa bệnh với Cổng giám định bảo hiểm y tế</p></td><td><p>Văn phòng Sở</p></td><td><p>Bảo hiểm xã hội thành phố</p></td><td><p>Quý III/2027</p></td><td><p>Dữ liệu được kết nối</p></td></tr>
<tr><td><p>4</p></td><td><p>Kiểm tra việc ứng dụng công nghệ thông tin tại các cơ sở khám chữa bệnh</p></td><td><p>Thanh tra Sở</p></td><td><p>Phòng Nghiệp vụ Y</p></td><td><p>Tháng 11/2027</p></td><td><p>Kết luận kiểm tra</p></td></tr>
</table>
<table border="0"><tr><td><p>Nơi nhận:</p><p>- UBND thành phố;</p><p>- Bộ Y tế;</p><p>- Lưu: VT, NVY.</p></td><td><p>KT. GIÁM ĐỐC</p><p>PHÓ GIÁM ĐỐC</p><p></p><p>Lê Thị Thu Hà</p></td></tr></table>
</body></html>"#;

fn files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("cantho_syt_cds_2027_duthao.html");
    let signed = dir.path().join("cantho_syt_cds_2027.html");
    std::fs::write(&draft, DRAFT).unwrap();
    std::fs::write(&signed, SIGNED).unwrap();
    (dir, draft, signed)
}

fn diff(extra: &[&str]) -> std::process::Output {
    let (_dir, draft, signed) = files();
    let mut args = vec!["diff", draft.to_str().unwrap(), signed.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = kehoach_env(&args, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

#[test]
fn json_sees_body_signer_recipients_extra_column_swap_and_filled_blanks() {
    let v = json(&diff(&["--format", "json"]));
    assert_eq!(
        v["summary"],
        serde_json::json!({
            "added": 0, "removed": 0, "changed": 1, "years_only": 0, "renumbered": 0,
            "swapped": 1, "unchanged": 1, "paragraphs_added": 3, "paragraphs_removed": 1,
            "paragraphs_changed": 1, "paragraphs_filled_in": 0, "lists_changed": 1
        })
    );
    // Number and day: filled in, not changed.
    let meta = v["meta"].as_array().unwrap();
    let field = |f: &str| meta.iter().find(|m| m["field"] == f).cloned();
    assert_eq!(field("number").unwrap()["filled_in"], true);
    assert_eq!(field("number").unwrap()["new"], "Số: 118/KH-SYT");
    assert_eq!(field("date").unwrap()["filled_in"], true);
    // The signer.
    assert_eq!(field("signer.name").unwrap()["old"], "Trần Văn Minh");
    assert_eq!(field("signer.name").unwrap()["new"], "Lê Thị Thu Hà");
    assert_eq!(field("signer.position").unwrap()["new"], "PHÓ GIÁM ĐỐC");
    assert_eq!(field("signer.authority").unwrap()["new"], "KT. GIÁM ĐỐC");
    assert!(field("signer.name").unwrap().get("filled_in").is_none());
    assert!(field("title").is_none() && field("issuer").is_none());
    // The recipients, as a list.
    assert_eq!(
        v["lists"],
        serde_json::json!([{
            "field": "recipients",
            "added": ["Bộ Y tế"],
            "removed": ["Sở Tài chính"],
            "changed": [{"old": "Lưu: VT", "new": "Lưu: VT, NVY"}]
        }])
    );
    // The body: the target changed word by word, one removed, three added, in order.
    let body = v["body"].as_array().unwrap();
    let kinds: Vec<&str> = body.iter().map(|p| p["change"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["changed", "removed", "added", "added", "added"]);
    assert_eq!(body[0]["figures_removed"], serde_json::json!(["100%"]));
    assert_eq!(body[0]["figures_added"], serde_json::json!(["90%"]));
    assert_eq!(
        body[0]["words"][1],
        serde_json::json!({"op": "old", "text": "100%"})
    );
    assert_eq!(
        body[0]["words"][2],
        serde_json::json!({"op": "new", "text": "trên 90%"})
    );
    assert_eq!(
        body[1]["old"],
        "Tỷ lệ người dân hài lòng với dịch vụ y tế đạt 95%."
    );
    assert!(body[1].get("new").is_none() && body[1].get("new_paragraph").is_none());
    assert_eq!(
        body[3]["new"],
        "Có ít nhất 80% người dân có hồ sơ sức khỏe điện tử."
    );
    // Items: the extra column's change names its header; rows 2 and 3 are one swap.
    let e = v["entries"].as_array().unwrap();
    assert_eq!(e[0]["changes"][0]["field"], "extra");
    assert_eq!(e[0]["changes"][0]["column"], "Sản phẩm");
    assert_eq!(
        e[0]["changes"][0]["new"],
        "Bệnh án điện tử được triển khai tại 100% bệnh viện"
    );
    let swaps: Vec<(&str, &str)> = e
        .iter()
        .filter_map(|x| Some((x["new_stt"].as_str()?, x["swapped_with"].as_str()?)))
        .collect();
    assert_eq!(swaps, [("2", "3"), ("3", "2")]);
    assert!(e
        .iter()
        .all(|x| x["changes"].as_array().is_none_or(|c| c.is_empty()) || x["new_stt"] == "1"));
}

#[test]
fn text_in_vietnamese_by_default() {
    let text = String::from_utf8(diff(&[]).stdout).unwrap();
    for line in [
        "  ~ Số, ký hiệu (đã điền số, ngày): \"Số: /KH-SYT\" → \"Số: 118/KH-SYT\"\n",
        "  ~ Người ký: \"Trần Văn Minh\" → \"Lê Thị Thu Hà\"\n",
        "  ~ Nơi nhận:\n      + Bộ Y tế\n      - Sở Tài chính\n      ~ \"Lưu: VT\" → \"Lưu: VT, NVY\"\n",
        "Thân văn bản:\n~ đoạn 6: Phấn đấu [-100%-] {+trên 90%+} trạm y tế xã, phường",
        "      số liệu: bỏ 100%; thêm 90%\n",
        "- đoạn 7: Tỷ lệ người dân hài lòng với dịch vụ y tế đạt 95%.\n",
        "      Sản phẩm: \"Báo cáo kết quả triển khai\" → \"Bệnh án điện tử được triển khai tại 100% bệnh viện\"\n",
        "[hoán đổi với mục 3]\n",
        "Thân văn bản: 3 đoạn thêm, 1 đoạn bỏ, 1 đoạn sửa, 0 đoạn điền số, ngày\n",
    ] {
        assert!(text.contains(line), "{line}\n---\n{text}");
    }
    assert!(text.ends_with(
        "0 mục thêm, 0 mục bỏ, 1 mục sửa (0 chỉ đổi năm), 0 mục đổi số thứ tự, 1 cặp hoán đổi, 1 mục không đổi\n"
    ), "{text}");
    // The number and date are not reported as edits.
    assert!(!text.contains("Số, ký hiệu: "), "{text}");
    let en = String::from_utf8(diff(&["--lang", "en"]).stdout).unwrap();
    assert!(en.contains("  ~ number (filled in): "), "{en}");
    assert!(
        en.contains("  ~ signer: \"Trần Văn Minh\" → \"Lê Thị Thu Hà\"\n"),
        "{en}"
    );
    assert!(en.contains("[swapped with item 3]"), "{en}");
    assert!(
        en.contains("      figures: removed 100%; added 90%\n"),
        "{en}"
    );
    assert!(
        en.ends_with(
            "0 added, 0 removed, 1 changed (0 only years), 0 renumbered, 1 swapped, 1 unchanged\n"
        ),
        "{en}"
    );
}

#[test]
fn html_shows_the_same() {
    let html = String::from_utf8(diff(&["--format", "html"]).stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
    assert!(html.contains("<h2>Thông tin văn bản</h2>"));
    assert!(html.contains("<li><b>Số, ký hiệu</b> (đã điền số, ngày): Số: /KH-SYT → <ins>Số: 118/KH-SYT</ins></li>"), "{html}");
    assert!(
        html.contains(
            "<li><b>Người ký</b>: <del>Trần Văn Minh</del> → <ins>Lê Thị Thu Hà</ins></li>"
        ),
        "{html}"
    );
    assert!(html.contains("<li class=\"list\" data-field=\"recipients\"><b>Nơi nhận</b><ul><li class=\"added\">Đã thêm: <ins>Bộ Y tế</ins></li><li class=\"removed\">Đã bỏ: <del>Sở Tài chính</del></li>"), "{html}");
    assert!(html.contains("<h2>Thân văn bản</h2>"));
    assert!(html.contains("<tr class=\"warning\"><td>~</td><td>đoạn 6</td><td>Phấn đấu <del>100%</del> <ins>trên 90%</ins> trạm y tế"), "{html}");
    assert!(
        html.contains("<div class=\"figures\">số liệu: bỏ 100%; thêm 90%</div>"),
        "{html}"
    );
    assert_eq!(
        html.matches("<tr class=\"info\"><td>+</td><td>đoạn ")
            .count(),
        3
    );
    assert_eq!(
        html.matches("<tr class=\"error\"><td>−</td><td>đoạn ")
            .count(),
        1
    );
    assert!(html.contains("<b>Sản phẩm</b>: <del>Báo cáo kết quả triển khai</del> → <ins>Bệnh án điện tử được triển khai tại 100% bệnh viện</ins>"), "{html}");
    assert_eq!(html.matches("<tr class=\"swap\"><td>⇄</td>").count(), 2);
    assert!(html.contains("<b>hoán đổi với mục 3</b>"), "{html}");
    assert!(html.contains("@page{size:A4;margin:2cm}"));
}

#[test]
fn a_plan_against_itself_differs_in_nothing() {
    let (_dir, draft, _) = files();
    let p = draft.to_str().unwrap();
    let v = json(&kehoach(&["diff", "--format", "json", p, p]));
    assert_eq!(v["body"], serde_json::json!([]));
    assert_eq!(v["lists"], serde_json::json!([]));
    assert_eq!(v["meta"], serde_json::json!([]));
    assert_eq!(v["summary"]["unchanged"], 4);
    assert_eq!(v["summary"]["swapped"], 0);
}
