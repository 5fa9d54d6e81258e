//! The text reader on the five seed plans: the appendix table, read into the model, holds the
//! records of `fixtures/truth/` (STT, content, lead and support agencies one per line, deadline).
//! Plan extraction is not used: a small helper reads the records off the model the way
//! extraction does (repeated header rows dropped; a cell is read for the last column it covers).

use std::path::{Path, PathBuf};

use kehoach_parse::model::{Cell, Document, Format, Table};
use kehoach_parse::{text, Limits};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

#[derive(Debug, PartialEq)]
struct Record {
    stt: String,
    content: String,
    lead: Vec<String>,
    support: Vec<String>,
    deadline: String,
}

/// The work-item table: the one whose header starts with "STT".
fn appendix(doc: &Document) -> Option<&Table> {
    doc.tables().find(|t| {
        t.rows
            .first()
            .and_then(|r| r.cells.first())
            .is_some_and(|c| kehoach_text::match_key(&c.text()) == "stt")
    })
}

fn agencies(cell: Option<&Cell>) -> Vec<String> {
    cell.map(|c| c.lines())
        .unwrap_or_default()
        .into_iter()
        .map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("- ").unwrap_or(l);
            l.trim_end_matches(';').trim().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Records of a table: header rows dropped, each cell read for the last grid column it covers.
fn records(t: &Table) -> Vec<Record> {
    let header_key: Vec<String> = t.rows[0]
        .cells
        .iter()
        .map(|c| kehoach_text::match_key(&c.text()))
        .collect();
    let mut out = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let key: Vec<String> = row
            .cells
            .iter()
            .map(|c| kehoach_text::match_key(&c.text()))
            .collect();
        if row.repeat_header || key == header_key {
            continue;
        }
        let field = |col: usize| -> Option<&Cell> {
            let (_, c) = t.cell_at(r, col)?;
            (c.col_end() - 1 == col).then_some(c)
        };
        out.push(Record {
            stt: field(0).map(|c| c.text()).unwrap_or_default(),
            content: field(1).map(|c| c.text()).unwrap_or_default(),
            lead: agencies(field(2)),
            support: agencies(field(3)),
            deadline: field(4).map(|c| c.text()).unwrap_or_default(),
        });
    }
    out
}

fn truth(name: &str) -> Vec<Record> {
    let path = fixtures().join("truth").join(format!("{name}.json"));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let strs = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|it| Record {
            stt: it["stt"].as_str().unwrap().to_string(),
            content: it["content"].as_str().unwrap().to_string(),
            lead: strs(&it["lead"]),
            support: strs(&it["support"]),
            deadline: it["deadline"].as_str().unwrap().to_string(),
        })
        .collect()
}

fn read_seed(name: &str) -> Document {
    let bytes = std::fs::read(fixtures().join("text").join(format!("{name}.txt"))).unwrap();
    let doc = text::read(&bytes, &Limits::default()).unwrap();
    assert_eq!(doc.format, Format::Text);
    // Through the sniffer too.
    let via = kehoach_parse::read_document(&bytes, &Limits::default()).unwrap();
    assert_eq!(via.format, Format::Text);
    doc
}

fn check_seed(name: &str) {
    let doc = read_seed(name);
    let want = truth(name);
    let got = appendix(&doc).map(records).unwrap_or_default();
    let mut diffs = Vec::new();
    for (i, w) in want.iter().enumerate() {
        match got.get(i) {
            Some(g) if g == w => {}
            Some(g) => diffs.push(format!("item {i}:\n  want {w:?}\n  got  {g:?}")),
            None => diffs.push(format!("item {i}: missing, want {w:?}")),
        }
    }
    if got.len() > want.len() {
        diffs.push(format!(
            "{} extra records: {:?}",
            got.len() - want.len(),
            &got[want.len()..]
        ));
    }
    assert!(
        diffs.is_empty(),
        "{name}: {} of {} records differ\n{}",
        diffs.len(),
        want.len(),
        diffs.join("\n")
    );
}

#[test]
fn seed_000_markdown_pieces_with_repeated_headers() {
    check_seed("000_bac8a76d1f608aa3");
    let doc = read_seed("000_bac8a76d1f608aa3");
    // Five pieces, one table; the four repeated headers are marked.
    let t = appendix(&doc).unwrap();
    assert_eq!(t.rows.iter().filter(|r| r.repeat_header).count(), 5);
    assert_eq!(doc.tables().count(), 1);
}

#[test]
fn seed_001_has_no_table() {
    check_seed("001_6353f7d068eb39a6");
    let doc = read_seed("001_6353f7d068eb39a6");
    assert_eq!(doc.tables().count(), 0);
    assert!(doc.paragraphs().count() > 20);
    // The autolink lost its angle brackets; the signature block is bold.
    assert!(doc
        .paragraphs()
        .any(|p| p.text.ends_with("tại địa chỉ https://dichvucong.gov.vn.")));
    assert!(doc.paragraphs().any(|p| p.text == "PHÓ GIÁM ĐỐC" && p.bold));
}

#[test]
fn seed_002_tabs_with_blank_lines_and_cut_rows() {
    check_seed("002_ee099550d2cd63e2");
}

#[test]
fn seed_003_tabs_with_bold_italic_tags() {
    check_seed("003_e474f24c970af6a5");
    let doc = read_seed("003_e474f24c970af6a5");
    let t = appendix(&doc).unwrap();
    // <b><i>…</i></b> in a cell: flags kept, tags gone.
    let row = t.rows.iter().find(|r| r.cells[0].text() == "2.2").unwrap();
    assert!(row.cells[1].is_bold() && row.cells[1].is_italic());
    assert_eq!(row.cells[1].text(), "Kiểm soát công bố, công khai TTHC");
    // Headings are bold paragraphs without their marks.
    assert!(doc
        .paragraphs()
        .any(|p| p.text == "I. MỤC ĐÍCH, YÊU CẦU" && p.bold));
    assert!(doc
        .paragraphs()
        .any(|p| p.text == "Nơi nhận:" && p.bold && p.italic));
}

#[test]
fn seed_004_inline_agency_lists() {
    check_seed("004_eb12abc5933443e7");
}

#[test]
fn body_and_tables_in_order() {
    let doc = read_seed("003_e474f24c970af6a5");
    let first_table = doc
        .blocks
        .iter()
        .position(|b| matches!(b, kehoach_parse::model::Block::Table(_)))
        .unwrap();
    assert!(first_table > 30, "the appendix comes after the body");
    assert!(
        doc.blocks[first_table + 1..]
            .iter()
            .all(|b| matches!(b, kehoach_parse::model::Block::Paragraph(_)))
            || doc.tables().count() == 1
    );
}

mod common;

/// End to end: the plan extraction on each seed (and its windows-1258 and UTF-16 copies) gives the truth.
#[test]
fn plan_extraction_on_text_equals_truth() {
    let files = common::fixtures_in("text", &["txt"]);
    assert_eq!(files.len(), 7, "{files:?}");
    for f in files {
        let rec = common::record(&f);
        common::assert_matches_truth(&rec, &common::truth(&f));
        assert_eq!(rec.source.format, "text");
    }
}

/// pandoc's GFM of the .docx: Markdown with pipe tables, and the tables it cannot write as
/// pipe tables written as HTML. Through the sniffer (which sees HTML) it comes to the text
/// reader, which hands the HTML tables to the HTML reader.
#[test]
fn pandoc_gfm_with_html_tables() {
    let files = common::fixtures_in("text/pandoc", &["md"]);
    assert_eq!(files.len(), 4, "{files:?}");
    for f in files {
        let rec = common::record(&f);
        common::assert_matches_truth(&rec, &common::truth(&f));
        let bytes = std::fs::read(&f).unwrap();
        let doc = kehoach_parse::read_document(&bytes, &Limits::default()).unwrap();
        assert_eq!(doc.format, Format::Text);
        // The header block (an HTML table) and the appendix both come out as tables.
        assert!(doc.tables().count() >= 2, "{}", f.display());
        let first = doc.tables().next().unwrap().rows[0].cells[0].text();
        assert!(
            first.starts_with("UBND") || first.starts_with("ỦY BAN"),
            "{first}"
        );
    }
}
