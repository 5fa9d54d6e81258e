//! Annotated drafts: findings written as Word comments (and certain fixes as tracked
//! changes) into a copy of a .docx, read back with our own reader. Findings are built by
//! hand here, on plans written in the wording of other provinces and years.

use kehoach_diff::annotate::annotate_docx;
use kehoach_diff::{Finding, Lang, Severity, Where};
use kehoach_parse::docx::annotate::{Annotated, Author};
use kehoach_parse::model::{Comment, RevisionKind};
use kehoach_parse::{parse_bytes, Limits, Parsed};
use kehoach_testkit::make::{docx_package, word_body};

fn who() -> Author {
    Author {
        name: "kehoach".into(),
        initials: "KH".into(),
        date: "2026-03-02T08:00:00Z".into(),
    }
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn tc(inner: &str) -> String {
    format!("<w:tc>{inner}</w:tc>")
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| tc(&p(c))).collect();
    format!("<w:tr>{cells}</w:tr>")
}

const HEADER: [&str; 5] = [
    "STT",
    "Nội dung công việc",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
];

/// A Hà Tĩnh commune plan: header lines, title, date, then the task table with `rows`
/// (raw `<w:tr>` XML) under the usual header.
fn plan_xml(rows: &str) -> String {
    let head = [
        "ỦY BAN NHÂN DÂN XÃ THẠCH HÀ",
        "Số: /KH-UBND",
        "Thạch Hà, ngày 05 tháng 01 năm 2025",
        "KẾ HOẠCH",
        "Tuyên truyền, phổ biến giáo dục pháp luật năm 2026",
        "I. NHIỆM VỤ CỤ THỂ",
    ];
    let mut body: String = head.iter().map(|t| p(t)).collect();
    body.push_str(&format!("<w:tbl>{}{rows}</w:tbl>", row(&HEADER)));
    body.push_str(&p("CHỦ TỊCH"));
    body.push_str(&p("Nguyễn Văn Hùng"));
    word_body(&body)
}

fn standard_rows() -> String {
    [
        row(&[
            "1",
            "Tổ chức hội nghị phổ biến Luật Đất đai",
            "Công chức Tư pháp - Hộ tịch",
            "Đoàn Thanh niên xã",
            "Quý I năm 2026",
        ]),
        row(&[
            "2",
            "Rà soát văn bản quy phạm pháp luật của xã",
            "Văn phòng HĐND và UBND xã",
            "Các ban, ngành đoàn thể",
            "Trong năm 2025",
        ]),
    ]
    .concat()
}

fn parsed(bytes: &[u8]) -> Parsed {
    parse_bytes(bytes, &Limits::default()).expect("parse")
}

fn finding(code: &'static str, message: &str, location: Where) -> Finding {
    let info = kehoach_diff::RuleInfo {
        code,
        name: "test",
        severity: Severity::Warning,
        summary: "",
        doc: "",
    };
    Finding::new(&info, message, location)
}

fn at_item(plan: &kehoach_parse::plan::Plan, stt: &str, column: &str) -> Where {
    let i = plan
        .items
        .iter()
        .position(|it| it.stt.trim_end_matches('.') == stt)
        .unwrap_or_else(|| panic!("no item {stt}: {:?}", plan.items));
    Where::item(plan, i, column)
}

/// Annotates `bytes` with `findings`; returns what was written and the copy read back.
fn annotate(bytes: &[u8], findings: &[Finding]) -> (Annotated, Parsed) {
    let before = parsed(bytes);
    let out = annotate_docx(
        bytes,
        &before.plan,
        findings,
        Lang::Vi,
        &who(),
        &Limits::default(),
    )
    .expect("annotate");
    let after = parsed(&out.bytes);
    (out, after)
}

fn ours(doc: &kehoach_parse::Document) -> Vec<&Comment> {
    doc.comments
        .iter()
        .filter(|c| c.author == "kehoach")
        .collect()
}

#[test]
fn a_cell_finding_is_a_comment_on_that_cell() {
    let bytes = docx_package(&plan_xml(&standard_rows()), &[]);
    let before = parsed(&bytes);
    let mut f = finding(
        "KH301",
        "cơ quan không còn tồn tại",
        at_item(&before.plan, "2", "lead"),
    );
    f.suggestion = Some("Văn phòng HĐND và UBND xã".into());
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.fixed, [false]);
    let c = ours(&after.document);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].initials, "KH");
    assert_eq!(c[0].anchored, "Văn phòng HĐND và UBND xã");
    assert_eq!(
        c[0].text,
        "[KH301] cơ quan không còn tồn tại\nGợi ý: Văn phòng HĐND và UBND xã"
    );
    // The accepted view is unchanged: same items.
    assert_eq!(after.plan.items, before.plan.items);
    assert!(after.document.revisions.is_empty());
}

#[test]
fn a_finding_with_short_text_is_anchored_on_those_words() {
    let bytes = docx_package(&plan_xml(&standard_rows()), &[]);
    let before = parsed(&bytes);
    let mut f = finding("KH104", "năm cũ", at_item(&before.plan, "1", "content"));
    f.text = Some("Luật Đất đai".into());
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.on_words, [true]);
    assert_eq!(ours(&after.document)[0].anchored, "Luật Đất đai");
    assert_eq!(after.plan.items, before.plan.items);
}

#[test]
fn field_findings_anchor_on_the_header_paragraphs() {
    let bytes = docx_package(&plan_xml(&standard_rows()), &[]);
    let mut date = finding(
        "KH101",
        "ngày ban hành ở năm 2025, kế hoạch cho năm 2026",
        Where::field("date"),
    );
    date.text = Some("Thạch Hà, ngày 05 tháng 01 năm 2025".into());
    let title = finding("KH102", "tiêu đề", Where::field("title"));
    let signer = finding("KH701", "người ký", Where::field("signer"));
    let (_, after) = annotate(&bytes, &[date, title, signer]);
    let c = ours(&after.document);
    assert_eq!(c.len(), 3);
    assert_eq!(c[0].anchored, "Thạch Hà, ngày 05 tháng 01 năm 2025");
    assert_eq!(
        c[1].anchored,
        "Tuyên truyền, phổ biến giáo dục pháp luật năm 2026"
    );
    assert_eq!(c[2].anchored, "Nguyễn Văn Hùng");
}

#[test]
fn a_fix_inside_one_run_is_a_tracked_change() {
    let bytes = docx_package(&plan_xml(&standard_rows()), &[]);
    let before = parsed(&bytes);
    let mut f = finding(
        "KH103",
        "thời hạn ở năm 2025",
        at_item(&before.plan, "2", "deadline"),
    );
    f.fix = Some(kehoach_diff::Fix {
        find: "năm 2025".into(),
        replace: "năm 2026".into(),
    });
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.fixed, [true]);
    let revs: Vec<(RevisionKind, &str, &str)> = after
        .document
        .revisions
        .iter()
        .map(|r| (r.kind, r.author.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        revs,
        [
            (RevisionKind::Delete, "kehoach", "năm 2025"),
            (RevisionKind::Insert, "kehoach", "năm 2026")
        ]
    );
    assert!(after
        .document
        .revisions
        .iter()
        .all(|r| r.date == "2026-03-02T08:00:00Z"));
    // The comment is on the new words; the accepted view has the fix and nothing else.
    assert_eq!(ours(&after.document)[0].anchored, "năm 2026");
    let item = &after.plan.items[1];
    assert_eq!(item.deadline.text, "Trong năm 2026");
    let mut expect = before.plan.items.clone();
    expect[1].deadline = item.deadline.clone();
    assert_eq!(after.plan.items, expect);
}

/// The deadline cell of item 1 written in runs: "Trong " "năm 20" (bold) "25", or with a
/// tab between the words.
fn split_rows(middle: &str) -> String {
    format!(
        "<w:tr>{}{}{}{}<w:tc><w:p>\
         <w:r><w:t xml:space=\"preserve\">Trong </w:t></w:r>\
         {middle}\
         <w:r><w:t>25 và các năm sau</w:t></w:r></w:p></w:tc></w:tr>",
        tc(&p("1")),
        tc(&p("Kiện toàn đội ngũ báo cáo viên pháp luật cấp xã")),
        tc(&p("Công chức Tư pháp - Hộ tịch")),
        tc(&p("Hội Nông dân xã")),
    )
}

#[test]
fn a_fix_split_over_runs_keeps_each_runs_formatting() {
    let rows = split_rows("<w:r><w:rPr><w:b/></w:rPr><w:t>năm 20</w:t></w:r>");
    let bytes = docx_package(&plan_xml(&rows), &[]);
    let before = parsed(&bytes);
    assert_eq!(
        before.plan.items[0].deadline.text,
        "Trong năm 2025 và các năm sau"
    );
    let mut f = finding("KH103", "năm cũ", at_item(&before.plan, "1", "deadline"));
    f.fix = Some(kehoach_diff::Fix {
        find: "năm 2025".into(),
        replace: "năm 2026".into(),
    });
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.fixed, [true]);
    assert_eq!(
        after.plan.items[0].deadline.text,
        "Trong năm 2026 và các năm sau"
    );
    let deleted: Vec<&str> = after
        .document
        .revisions
        .iter()
        .filter(|r| r.kind == RevisionKind::Delete)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(deleted, ["năm 20", "25"]);
    // The bold run's deleted part is still bold.
    let xml = part(&out.bytes, "word/document.xml");
    assert!(
        xml.contains(
            "<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space=\"preserve\">năm 20</w:delText></w:r>"
        ),
        "{xml}"
    );
}

#[test]
fn a_fix_across_a_run_with_a_tab_falls_back_to_a_comment() {
    let rows = split_rows("<w:r><w:t>năm</w:t><w:tab/><w:t>20</w:t></w:r>");
    let bytes = docx_package(&plan_xml(&rows), &[]);
    let before = parsed(&bytes);
    let mut f = finding("KH103", "năm cũ", at_item(&before.plan, "1", "deadline"));
    f.fix = Some(kehoach_diff::Fix {
        find: "năm 2025".into(),
        replace: "năm 2026".into(),
    });
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.fixed, [false]);
    assert!(after.document.revisions.is_empty());
    let c = ours(&after.document);
    assert!(
        c[0].text
            .contains("hãy sửa tay “năm 2025” thành “năm 2026”"),
        "{}",
        c[0].text
    );
    assert_eq!(c[0].anchored, "Trong năm 2025 và các năm sau");
    assert_eq!(after.plan.items, before.plan.items);
}

#[test]
fn decomposed_text_and_non_breaking_spaces_are_found() {
    // "năm 2025" in NFD with a non-breaking space, as some converters write it.
    let nfd = "Trong na\u{306}m\u{a0}2025";
    let rows = row(&[
        "1",
        "Tập huấn nghiệp vụ hòa giải ở cơ sở",
        "Phòng Tư pháp",
        "UBND các phường",
        nfd,
    ]);
    let bytes = docx_package(&plan_xml(&rows), &[]);
    let before = parsed(&bytes);
    let mut f = finding("KH103", "năm cũ", at_item(&before.plan, "1", "deadline"));
    f.fix = Some(kehoach_diff::Fix {
        find: "năm 2025".into(),
        replace: "năm 2026".into(),
    });
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.fixed, [true]);
    assert_eq!(after.plan.items[0].deadline.text, "Trong năm 2026");
    assert_eq!(after.document.revisions[0].text, "năm 2025");
}

#[test]
fn a_draft_with_comments_keeps_them_and_gets_fresh_ids() {
    let rows = format!(
        "<w:tr>{}{}{}{}{}</w:tr>",
        tc(&p("1")),
        tc("<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Xây dựng kế hoạch chuyển đổi số</w:t></w:r><w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"),
        tc(&p("Sở Khoa học và Công nghệ")),
        tc(&p("Các sở, ngành")),
        tc(&p("Tháng 6/2027")),
    );
    let comments = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments {}><w:comment w:id=\"0\" w:author=\"Trần Thị Lan\" w:initials=\"TL\"><w:p><w:r><w:t>Đề nghị ghi rõ sản phẩm.</w:t></w:r></w:p></w:comment></w:comments>",
        kehoach_testkit::make::W
    );
    let bytes = docx_package(&plan_xml(&rows), &[("word/comments.xml", &comments)]);
    let before = parsed(&bytes);
    assert_eq!(before.document.comments.len(), 1);
    assert_eq!(
        before.document.comments[0].anchored,
        "Xây dựng kế hoạch chuyển đổi số"
    );
    let f = finding("KH303", "chủ trì", at_item(&before.plan, "1", "lead"));
    let (out, after) = annotate(&bytes, &[f]);
    let all = &after.document.comments;
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], before.document.comments[0]);
    assert_eq!(all[1].author, "kehoach");
    assert_ne!(all[1].id, all[0].id);
    assert_eq!(all[1].anchored, "Sở Khoa học và Công nghệ");
    // One comments part, one relationship to it, one content type override.
    let rels = part(&out.bytes, "word/_rels/document.xml.rels");
    assert_eq!(
        rels.matches("relationships/comments\"").count(),
        1,
        "{rels}"
    );
    let ct = part(&out.bytes, "[Content_Types].xml");
    assert_eq!(ct.matches("/word/comments.xml").count(), 1, "{ct}");
}

#[test]
fn auto_numbered_cells_keep_their_numbers() {
    let numbering = format!(
        "<w:numbering {}><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
        kehoach_testkit::make::W
    );
    let numbered =
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>";
    let rows: String = [
        (
            "Kiểm tra việc thực hiện thủ tục hành chính",
            "Sở Nội vụ",
            "Quý II/2026",
        ),
        (
            "Tổng kết, đánh giá kết quả thực hiện",
            "Văn phòng UBND tỉnh",
            "Tháng 12/2026",
        ),
    ]
    .iter()
    .map(|(content, lead, when)| {
        format!(
            "<w:tr>{}{}{}{}{}</w:tr>",
            tc(numbered),
            tc(&p(content)),
            tc(&p(lead)),
            tc(&p("Các sở, ngành")),
            tc(&p(when))
        )
    })
    .collect();
    let bytes = docx_package(&plan_xml(&rows), &[("word/numbering.xml", &numbering)]);
    let before = parsed(&bytes);
    assert_eq!(before.plan.items.len(), 2, "{:?}", before.plan.items);
    assert_eq!(before.plan.items[1].stt, "2.");
    let findings = [
        finding("KH401", "số thứ tự", at_item(&before.plan, "2", "stt")),
        finding("KH402", "nội dung", at_item(&before.plan, "1", "content")),
    ];
    let (_, after) = annotate(&bytes, &findings);
    assert_eq!(after.plan.items, before.plan.items);
    let c = ours(&after.document);
    assert_eq!(c.len(), 2);
    // The number cell has no text of its own: the comment is on an empty range there.
    assert_eq!(c[0].anchored, "");
    assert_eq!(c[1].anchored, "Kiểm tra việc thực hiện thủ tục hành chính");
}

#[test]
fn merged_cells_anchor_on_the_cell_that_owns_the_row() {
    let merged = |restart: bool, text: &str| {
        let v = if restart {
            "<w:vMerge w:val=\"restart\"/>"
        } else {
            "<w:vMerge/>"
        };
        format!(
            "<w:tc><w:tcPr>{v}</w:tcPr>{}</w:tc>",
            if restart { p(text) } else { "<w:p/>".into() }
        )
    };
    let rows = format!(
        "<w:tr>{}{}{}{}{}</w:tr><w:tr>{}{}{}{}{}</w:tr>",
        tc(&p("1")),
        tc(&p("Tuyên truyền về cải cách hành chính")),
        merged(true, "Sở Văn hóa, Thể thao và Du lịch"),
        tc(&p("Báo Lào Cai")),
        tc(&p("Thường xuyên")),
        tc(&p("2")),
        tc(&p("Thi tìm hiểu về cải cách hành chính")),
        merged(false, ""),
        tc(&p("Đài Phát thanh và Truyền hình")),
        tc(&p("Quý III/2026")),
    );
    let bytes = docx_package(&plan_xml(&rows), &[]);
    let before = parsed(&bytes);
    let f = finding("KH303", "chủ trì", at_item(&before.plan, "2", "lead"));
    let (_, after) = annotate(&bytes, &[f]);
    assert_eq!(
        ours(&after.document)[0].anchored,
        "Sở Văn hóa, Thể thao và Du lịch"
    );
    assert_eq!(after.plan.items, before.plan.items);
}

#[test]
fn an_empty_cell_and_a_missing_parent_item_get_comments_too() {
    let rows = row(&[
        "1",
        "Đối thoại với doanh nghiệp",
        "",
        "Hiệp hội doanh nghiệp",
        "Quý IV/2026",
    ])
    .replace(
        "<w:p><w:r><w:t xml:space=\"preserve\"></w:t></w:r></w:p>",
        "<w:p/>",
    );
    assert!(rows.contains("<w:p/>"));
    let bytes = docx_package(&plan_xml(&rows), &[]);
    let before = parsed(&bytes);
    let lead = finding(
        "KH303",
        "thiếu cơ quan chủ trì",
        at_item(&before.plan, "1", "lead"),
    );
    let missing = finding(
        "KH201",
        "thiếu nhiệm vụ của kế hoạch cấp trên",
        Where {
            parent_stt: Some("3.2".into()),
            ..Default::default()
        },
    );
    let (_, after) = annotate(&bytes, &[lead, missing]);
    let c = ours(&after.document);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].anchored, "");
    assert_eq!(c[1].anchored, "STT");
    assert!(
        c[1].text.contains("Thiếu mục 3.2 của kế hoạch cấp trên."),
        "{}",
        c[1].text
    );
    assert_eq!(after.plan.items, before.plan.items);
}

#[test]
fn a_default_namespace_document_is_written_with_a_declared_prefix() {
    // Some generators bind WordprocessingML as the default namespace.
    let xml = plan_xml(&standard_rows())
        .replace("xmlns:w=", "xmlns=")
        .replace("<w:", "<")
        .replace("</w:", "</")
        .replace(" w:", " ");
    let bytes = docx_package(&xml, &[]);
    let before = parsed(&bytes);
    assert_eq!(before.plan.items.len(), 2);
    let mut f = finding("KH103", "năm", at_item(&before.plan, "2", "deadline"));
    f.fix = Some(kehoach_diff::Fix {
        find: "năm 2025".into(),
        replace: "năm 2026".into(),
    });
    let (out, after) = annotate(&bytes, &[f]);
    assert_eq!(out.fixed, [true]);
    assert_eq!(ours(&after.document)[0].anchored, "năm 2026");
    assert_eq!(after.plan.items[1].deadline.text, "Trong năm 2026");
}

fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn a_body_paragraph_finding_anchors_on_that_block() {
    let bytes = docx_package(&plan_xml(&standard_rows()), &[]);
    let before = parsed(&bytes);
    // Block 6 is "I. NHIỆM VỤ CỤ THỂ"; block 7 the task table (its first cell).
    let heading = finding("KH601", "đề mục", Where::paragraph(5, "I. NHIỆM VỤ CỤ THỂ"));
    let table = finding("KH602", "bảng", Where::paragraph(6, ""));
    let (_, after) = annotate(&bytes, &[heading, table]);
    let c = ours(&after.document);
    assert_eq!(c[0].anchored, "I. NHIỆM VỤ CỤ THỂ");
    assert!(
        c[1].anchored.starts_with("STT\nNội dung công việc"),
        "{}",
        c[1].anchored
    );
    assert_eq!(after.plan.items, before.plan.items);
}

#[test]
fn runs_in_smart_tags_and_links_are_split_but_not_in_tracked_insertions() {
    // Word 2003 documents wrap dates and places in smart tags; links wrap their text.
    let cell = |inner: &str| format!("<w:tc><w:p>{inner}</w:p></w:tc>");
    let rows = format!(
        "<w:tr>{}{}{}{}{}</w:tr><w:tr>{}{}{}{}{}</w:tr>",
        tc(&p("1")),
        tc(&p("Khảo sát mức độ hài lòng của người dân")),
        tc(&p("Sở Nội vụ")),
        cell("<w:hyperlink r:id=\"rId9\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:r><w:t>Cổng dịch vụ công</w:t></w:r></w:hyperlink>"),
        cell("<w:r><w:t xml:space=\"preserve\">Trong </w:t></w:r><w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"date\"><w:r><w:t>năm 2025</w:t></w:r></w:smartTag>"),
        tc(&p("2")),
        tc(&p("Công bố chỉ số cải cách hành chính")),
        tc(&p("Sở Nội vụ")),
        tc(&p("Các sở, ngành")),
        cell("<w:ins w:id=\"3\" w:author=\"Phạm Thu\"><w:r><w:t>Quý I năm 2025</w:t></w:r></w:ins>"),
    );
    let bytes = docx_package(&plan_xml(&rows), &[]);
    let before = parsed(&bytes);
    let fix = |stt: &str| {
        let mut f = finding("KH103", "năm cũ", at_item(&before.plan, stt, "deadline"));
        f.fix = Some(kehoach_diff::Fix {
            find: "năm 2025".into(),
            replace: "năm 2026".into(),
        });
        f
    };
    let (out, after) = annotate(&bytes, &[fix("1"), fix("2")]);
    assert_eq!(out.fixed, [true, false]);
    assert_eq!(after.plan.items[0].deadline.text, "Trong năm 2026");
    assert_eq!(after.plan.items[1].deadline.text, "Quý I năm 2025");
    let xml = part(&out.bytes, "word/document.xml");
    assert!(
        xml.contains("w:element=\"date\"><w:commentRangeStart"),
        "{xml}"
    );
}

#[test]
fn a_column_the_table_lacks_anchors_on_the_whole_row() {
    // A Cần Thơ plan with no "phối hợp" column: a finding on the support role takes the row.
    let header = row(&["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"]);
    let item = row(&[
        "1",
        "Số hóa hồ sơ hộ tịch",
        "Phòng Tư pháp quận Ninh Kiều",
        "Năm 2027",
    ]);
    let body = word_body(&format!(
        "{}{}<w:tbl>{header}{item}</w:tbl>",
        p("KẾ HOẠCH"),
        p("Chuyển đổi số năm 2027")
    ));
    let bytes = docx_package(&body, &[]);
    let before = parsed(&bytes);
    assert_eq!(before.plan.items.len(), 1, "{:?}", before.plan);
    let f = finding("KH304", "phối hợp", at_item(&before.plan, "1", "support"));
    let (_, after) = annotate(&bytes, &[f]);
    assert_eq!(
        ours(&after.document)[0].anchored,
        "1\nSố hóa hồ sơ hộ tịch\nPhòng Tư pháp quận Ninh Kiều\nNăm 2027"
    );
}
