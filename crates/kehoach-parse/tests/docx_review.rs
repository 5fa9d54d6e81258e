//! Reviewers' marks read back from a .docx: comments with the text they are anchored on, and
//! tracked insertions and deletions (the body still reads as if every change were accepted).

use kehoach_parse::model::{Block, RevisionKind};
use kehoach_parse::{parse_bytes, Limits};
use kehoach_testkit::make::{docx_package, word_body, W};

#[test]
fn comments_and_tracked_changes_are_read_back() {
    let body = word_body(
        "<w:p><w:r><w:t>Kế hoạch cải cách hành chính năm </w:t></w:r>\
         <w:del w:id=\"5\" w:author=\"Lê Minh\" w:date=\"2026-01-05T09:00:00Z\"><w:r><w:delText>2025</w:delText></w:r></w:del>\
         <w:ins w:id=\"6\" w:author=\"Lê Minh\" w:date=\"2026-01-05T09:00:00Z\"><w:r><w:t>2026</w:t></w:r></w:ins></w:p>\
         <w:commentRangeStart w:id=\"1\"/>\
         <w:p><w:r><w:t>Phường Bến Thủy tổ chức</w:t></w:r></w:p>\
         <w:p><w:r><w:t>đối thoại với </w:t></w:r><w:commentRangeStart w:id=\"2\"/><w:r><w:t>người dân</w:t></w:r><w:commentRangeEnd w:id=\"2\"/><w:r><w:t> hằng quý.</w:t></w:r></w:p>\
         <w:commentRangeEnd w:id=\"1\"/>",
    );
    let comments = format!(
        "<w:comments {W}>\
         <w:comment w:id=\"1\" w:author=\"Hồ Thị Mai\" w:initials=\"HM\"><w:p><w:r><w:t>Ghi rõ thời gian.</w:t></w:r></w:p><w:p><w:r><w:t>Xem lại.</w:t></w:r></w:p></w:comment>\
         <w:comment w:id=\"2\" w:author=\"Lê Minh\"><w:p><w:r><w:t>Cả doanh nghiệp?</w:t></w:r></w:p></w:comment>\
         </w:comments>"
    );
    let bytes = docx_package(&body, &[("word/comments.xml", &comments)]);
    let doc = parse_bytes(&bytes, &Limits::default()).unwrap().document;
    let Block::Paragraph(first) = &doc.blocks[0] else {
        panic!()
    };
    assert_eq!(first.text, "Kế hoạch cải cách hành chính năm 2026");
    let revs: Vec<_> = doc
        .revisions
        .iter()
        .map(|r| (r.kind, r.author.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        revs,
        [
            (RevisionKind::Delete, "Lê Minh", "2025"),
            (RevisionKind::Insert, "Lê Minh", "2026")
        ]
    );
    assert_eq!(doc.comments.len(), 2);
    let c = &doc.comments[0];
    assert_eq!(
        (c.id.as_str(), c.author.as_str(), c.initials.as_str()),
        ("1", "Hồ Thị Mai", "HM")
    );
    assert_eq!(c.text, "Ghi rõ thời gian.\nXem lại.");
    assert_eq!(
        c.anchored,
        "Phường Bến Thủy tổ chức\nđối thoại với người dân hằng quý."
    );
    assert_eq!(doc.comments[1].anchored, "người dân");
    // Shown in the JSON record only when there are some.
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["comments"][1]["text"], "Cả doanh nghiệp?");
    let plain = parse_bytes(&docx_package(&word_body("<w:p/>"), &[]), &Limits::default()).unwrap();
    let json = serde_json::to_value(&plain.document).unwrap();
    assert!(json.get("comments").is_none() && json.get("revisions").is_none());
}

#[test]
fn hostile_comment_marks_stay_bounded() {
    // Thousands of ranges opened and never closed, ends without starts, no comments part.
    let mut inner = String::new();
    for i in 0..5000 {
        inner.push_str(&format!(
            "<w:commentRangeStart w:id=\"{i}\"/><w:p><w:r><w:t>Dòng {i}</w:t></w:r><w:commentRangeEnd w:id=\"x{i}\"/></w:p>"
        ));
    }
    let bytes = docx_package(&word_body(&inner), &[]);
    let doc = parse_bytes(&bytes, &Limits::default()).unwrap().document;
    assert_eq!(doc.blocks.len(), 5000);
    assert!(doc.comments.is_empty());
}

/// Every .docx fixture that reads (seeds, variants, our own plans, peer readers' test files,
/// hostile ones): a comment on every paragraph with text, each anchored on its first word and
/// "fixing" that word into itself, writes a package that reads back with one comment per
/// paragraph, and whose accepted view is the original document block for block.
#[test]
fn every_fixture_takes_a_comment_and_a_fix_on_every_paragraph() {
    use kehoach_parse::docx::annotate::{Author, Note};
    use kehoach_parse::docx::read_mapped;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "docx") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 40, "{}", files.len());
    let who = Author {
        name: "kehoach".into(),
        initials: "KH".into(),
        date: "2026-01-01T00:00:00Z".into(),
    };
    let limits = Limits::default();
    let mut annotated = 0;
    let (mut all_notes, mut all_fixed) = (0, 0);
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let Ok(mapped) = read_mapped(&bytes, &limits) else {
            continue;
        };
        let mut notes = Vec::new();
        let mut visit = |p: &kehoach_parse::model::Paragraph| {
            if let (Some(s), Some(word)) = (p.source, p.text.split_whitespace().next()) {
                notes.push(Note {
                    first: s,
                    last: s,
                    text: vec![format!("Đoạn {s}")],
                    words: Some(word.to_string()),
                    replace: Some(word.to_string()),
                    fix_failed: None,
                });
            }
        };
        fn walk(b: &[Block], v: &mut dyn FnMut(&kehoach_parse::model::Paragraph)) {
            for b in b {
                match b {
                    Block::Paragraph(p) => v(p),
                    Block::Table(t) => {
                        for c in t.rows.iter().flat_map(|r| &r.cells) {
                            c.paragraphs.iter().for_each(&mut *v);
                            for n in &c.tables {
                                walk(&[Block::Table(n.clone())], v);
                            }
                        }
                    }
                }
            }
        }
        walk(&mapped.document.blocks, &mut visit);
        let out = mapped
            .annotate(&bytes, &notes, &who, &limits)
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let back = kehoach_parse::docx::read(&out.bytes, &limits)
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let ours = back
            .comments
            .iter()
            .filter(|c| c.author == "kehoach")
            .count();
        assert_eq!(ours, notes.len(), "{}", f.display());
        let fixed = out.fixed.iter().filter(|&&x| x).count();
        // One insertion per fix, one deletion per run the words were in (on top of the
        // tracked changes the fixture has: the variants' own are by "kehoach" too).
        let count = |d: &kehoach_parse::Document, k: RevisionKind| {
            d.revisions.iter().filter(|r| r.kind == k).count()
        };
        let ins =
            count(&back, RevisionKind::Insert) - count(&mapped.document, RevisionKind::Insert);
        let del =
            count(&back, RevisionKind::Delete) - count(&mapped.document, RevisionKind::Delete);
        assert_eq!(ins, fixed, "{}", f.display());
        assert!(del >= fixed, "{}", f.display());
        let json = |d: &kehoach_parse::Document| serde_json::to_value(&d.blocks).unwrap();
        assert_eq!(json(&back), json(&mapped.document), "{}", f.display());
        annotated += 1;
        all_notes += notes.len();
        all_fixed += fixed;
    }
    eprintln!("{annotated} files, {all_notes} comments, {all_fixed} written as tracked changes");
    assert!(annotated >= 35, "{annotated}");
}
