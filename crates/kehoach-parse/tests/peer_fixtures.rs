//! Other projects' test documents: pandoc's docx reader fixtures (spans and lists as their
//! `.native` files state), python-docx's merged-cell table, Apache POI's broken, fuzzed and
//! encrypted files (each a clean error or a result, never a panic).

mod common;

use common::fixture;
use kehoach_parse::model::{Block, Table};
use kehoach_parse::{read_document, Limits, ParseError};

fn read(rel: &str) -> kehoach_parse::Document {
    let bytes = std::fs::read(fixture(rel)).unwrap();
    read_document(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// (row span, column span) of every cell, row by row, table by table, from pandoc's AST.
fn native_spans(native: &str) -> Vec<Vec<Vec<(usize, usize)>>> {
    let mut tables: Vec<Vec<Vec<(usize, usize)>>> = Vec::new();
    let tokens: Vec<&str> = native
        .split(|c: char| c.is_whitespace() || c == '[' || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            "Table" => tables.push(Vec::new()),
            "Row" => tables.last_mut().expect("row in a table").push(Vec::new()),
            "(RowSpan" => {
                let r: usize = tokens[i + 1].trim_end_matches(')').parse().unwrap();
                assert_eq!(tokens[i + 2], "(ColSpan");
                let c: usize = tokens[i + 3].trim_end_matches(')').parse().unwrap();
                tables.last_mut().unwrap().last_mut().unwrap().push((r, c));
                i += 3;
            }
            _ => {}
        }
        i += 1;
    }
    tables
}

/// The same from our model. Grid columns no cell covers (gridBefore/gridAfter) count as
/// empty 1×1 cells, as pandoc writes them; covered placeholders are left out.
fn model_spans(t: &Table) -> Vec<Vec<(usize, usize)>> {
    t.rows
        .iter()
        .map(|row| {
            let mut out = Vec::new();
            let mut col = 0;
            for c in &row.cells {
                while col < c.col {
                    out.push((1, 1));
                    col += 1;
                }
                if !c.covered {
                    out.push((c.row_span, c.col_span));
                }
                col = c.col_end();
            }
            while col < t.grid_cols {
                out.push((1, 1));
                col += 1;
            }
            out
        })
        .collect()
}

fn tables(doc: &kehoach_parse::Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| {
            if let Block::Table(t) = b {
                Some(t)
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn pandoc_table_spans_equal_the_native_files() {
    let names = [
        "table_header_rowspan",
        "table_gridbefore",
        "table_one_header_row",
        "table_one_row",
        "table_variable_width",
        "table_with_list_cell",
        "tables",
    ];
    for name in names {
        let doc = read(&format!("peer/pandoc/{name}.docx"));
        let native =
            std::fs::read_to_string(fixture(&format!("peer/pandoc/{name}.native"))).unwrap();
        let want = native_spans(&native);
        let got: Vec<_> = tables(&doc).into_iter().map(model_spans).collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn pandoc_header_rowspan_has_the_spans_it_states() {
    let doc = read("peer/pandoc/table_header_rowspan.docx");
    let t = tables(&doc)[0];
    let first: Vec<(String, usize, usize)> = t.rows[0]
        .cells
        .iter()
        .map(|c| (c.text(), c.row_span, c.col_span))
        .collect();
    assert_eq!(first[0], ("A".to_string(), 2, 1));
    assert_eq!(first[4], ("E".to_string(), 1, 3));
    assert!(t.rows[0].repeat_header || t.rows.len() > 1);
}

fn labels(rel: &str) -> Vec<(Option<String>, String)> {
    read(rel)
        .paragraphs()
        .filter(|p| !p.text.is_empty())
        .map(|p| (p.list_label.clone(), p.text.clone()))
        .collect()
}

#[test]
fn pandoc_lists_number_as_pandoc_does() {
    let l = labels("peer/pandoc/lists.docx");
    let got: Vec<&str> = l
        .iter()
        .filter_map(|(lab, _)| lab.as_deref())
        .take(4)
        .collect();
    assert_eq!(got, ["1.", "2.", "a.", "b."]);
    // Restarting lists: 2, 3, 4, then a new list from 1 after an interruption.
    let l = labels("peer/pandoc/lists_restarting.docx");
    let got: Vec<(Option<&str>, &str)> =
        l.iter().map(|(a, b)| (a.as_deref(), b.as_str())).collect();
    assert_eq!(
        got,
        [
            (Some("2."), "Foo"),
            (Some("3."), "Bar"),
            (Some("4."), "Baz"),
            (None, "Interruption"),
            (Some("1."), "Bop.")
        ]
    );
    // Level overrides restart each list instance at its startOverride.
    let l = labels("peer/pandoc/lists_level_override.docx");
    let got: Vec<&str> = l.iter().filter_map(|(lab, _)| lab.as_deref()).collect();
    assert_eq!(got, ["1.", "2.", "3.", "4.", "5.", "6."]);
}

#[test]
fn pandoc_tracked_changes_read_as_accepted() {
    let p = labels("peer/pandoc/track_changes_deletion.docx");
    assert_eq!(p[0].1, "This is a text with a deletion.");
    let p = labels("peer/pandoc/track_changes_insertion.docx");
    assert_eq!(p[0].1, "This is a text with two exciting insertions.");
    // POI's delins.docx: the twelve inserted paragraphs kept, the two deleted ones dropped
    // (the w:ins and w:del of its document.xml).
    let doc = read("peer/poi/delins.docx");
    let texts: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(texts.len(), 25, "{texts:?}");
    for inserted in [
        "March 2009: Apache Tika Release",
        "Apache Tika 0.3 has been released. Please see the download page for more details.",
        "February 2009: Lucene at ApacheCon Europe 2009 in Amsterdam",
        "Lucene will be extremely well represented at ApacheCon EU 2009 in Amsterdam, Netherlands this March 23-27, 2009:",
        "Lucene Boot Camp - A two day training session, March 23 & 24th",
        "Solr Boot Camp - A one day training session, March 24th",
        "Introducing Apache Mahout - Grant Ingersoll. March 25th @ 10:30",
        "Lucene/Solr Case Studies - Erik Hatcher. March 25th @ 11:30",
        "Advanced Indexing Techniques with Apache Lucene - Michael Busch. March 25th @ 14:00",
        "Apache Solr - A Case Study - Uri Boness. March 26th @ 17:30",
        "Best of breed - httpd, forrest, solr and droids - Thorsten Scherler. March 27th @ 17:30",
        "Apache Droids - an intelligent standalone robot framework - Thorsten Scherler. March 26th @ 15:00",
    ] {
        assert!(texts.contains(&inserted), "inserted {inserted:?} missing");
    }
    for t in &texts {
        assert!(
            !t.contains("A pendant worn") && !t.contains("Tika Waylan"),
            "deleted text kept: {t:?}"
        );
    }
    assert_eq!(texts[0], "Tika can be:");
}

#[test]
fn python_docx_merged_cells() {
    let doc = read("peer/python-docx/tbl-cell-access.docx");
    // Four 3×3 tables of the digits 1-9: plain; 4+5 merged across; 5+8 merged down; 4+5+7+8
    // merged both ways (python-docx's own test of cell access).
    let ts = tables(&doc);
    assert_eq!(ts.len(), 4);
    let grid = |t: &Table| -> Vec<Vec<(String, usize, usize)>> {
        t.rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .filter(|c| !c.covered)
                    .map(|c| (c.text(), c.row_span, c.col_span))
                    .collect()
            })
            .collect()
    };
    let c = |s: &str, r: usize, k: usize| (s.to_string(), r, k);
    let row = |v: [&str; 3]| v.iter().map(|s| c(s, 1, 1)).collect::<Vec<_>>();
    assert_eq!(
        grid(ts[0]),
        [
            row(["1", "2", "3"]),
            row(["4", "5", "6"]),
            row(["7", "8", "9"])
        ]
    );
    assert_eq!(
        grid(ts[1]),
        [
            row(["1", "2", "3"]),
            vec![c("4", 1, 2), c("6", 1, 1)],
            row(["7", "8", "9"])
        ]
    );
    assert_eq!(
        grid(ts[2]),
        [
            row(["1", "2", "3"]),
            vec![c("4", 1, 1), c("5", 2, 1), c("6", 1, 1)],
            vec![c("7", 1, 1), c("9", 1, 1)]
        ]
    );
    assert_eq!(
        grid(ts[3]),
        [
            row(["1", "2", "3"]),
            vec![c("4", 2, 2), c("6", 1, 1)],
            vec![c("9", 1, 1)]
        ]
    );
}

/// Every POI file has its exact outcome: the error (code and message) of the broken and
/// encrypted ones, the paragraphs and labels of the ones that read.
#[test]
fn poi_broken_and_encrypted_files_end_cleanly() {
    let files = common::fixtures_in("peer/poi", &["docx"]);
    assert_eq!(files.len(), 8, "{files:?}");
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let r = std::panic::catch_unwind(|| read_document(&bytes, &Limits::default()));
        let r = r.unwrap_or_else(|_| panic!("{name} panicked"));
        let error = |want: &str| match &r {
            Err(e) => assert_eq!(format!("{}: {e}", e.code()), want, "{name}"),
            Ok(_) => panic!("{name}: read, expected {want}"),
        };
        match name.as_str() {
            "bug53475-password-is-pass.docx" => {
                assert!(matches!(r, Err(ParseError::Encrypted(_))), "{name}");
                error("encrypted: the document is encrypted or password-protected (an encrypted Office package: a .docx saved with a password to open); save an unprotected copy and try again");
            }
            "truncated62886.docx" => error("corrupt: the file is damaged: not a valid zip archive (Could not find EOCD); the file may be truncated"),
            n if n.starts_with("clusterfuzz") => error("corrupt: the file is damaged: not a valid zip archive (Invalid CDFH offset in EOCD); the file may be truncated"),
            // A package whose document has one empty paragraph.
            "zero-length.docx" => {
                let doc = r.unwrap_or_else(|e| panic!("{name}: {e}"));
                let paras: Vec<(Option<String>, String)> = doc
                    .paragraphs()
                    .map(|p| (p.list_label.clone(), p.text.clone()))
                    .collect();
                assert_eq!(paras, [(None, String::new())], "{name}");
                assert_eq!(doc.tables().count(), 0);
            }
            // Bullets, decimal/letter/roman levels, multi-level "1.1.1.", a custom format
            // and a plain 1-2-3 list, as Word shows them.
            "Numbering.docx" => {
                let doc = r.unwrap_or_else(|e| panic!("{name}: {e}"));
                let got: Vec<(String, String)> = doc
                    .paragraphs()
                    .filter(|p| !p.text.is_empty())
                    .map(|p| (p.list_label.clone().unwrap_or_default(), p.text.clone()))
                    .collect();
                let want = [
                    ("•", "Level 1"),
                    ("o", "Level 2"),
                    ("•", "Level 3"),
                    ("•", "Level 4"),
                    ("1.", "Level1"),
                    ("a.", "Level2"),
                    ("i.", "Level3"),
                    ("1.", "Level1"),
                    ("1.1.", "Level2"),
                    ("1.1.1.", "Level3"),
                    ("NEW-1-FORMAT", "Level1"),
                    ("a)", "Level2"),
                    ("i)", "Level3"),
                    ("1.", "One"),
                    ("2.", "Two"),
                    ("3.", "Three"),
                ]
                .map(|(a, b)| (a.to_string(), b.to_string()));
                assert_eq!(got, want, "{name}");
            }
            // Checked paragraph by paragraph in pandoc_tracked_changes_read_as_accepted.
            "delins.docx" => {
                let doc = r.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(doc.paragraphs().count(), 25, "{name}");
            }
            other => panic!("a POI file without an expected outcome: {other}"),
        }
    }
}

#[test]
fn bad_input_gets_a_clear_error() {
    let cases: [(&[u8], &str); 4] = [
        (b"", "empty"),
        (b"\x00\x01\x02\x03\xff\xfe binary", "unsupported"),
        (b"PK\x03\x04 a zip that ends here", "corrupt"),
        // An OLE header and nothing after it: a damaged container, not a password.
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 ole", "corrupt"),
    ];
    for (bytes, code) in cases {
        let e = read_document(bytes, &Limits::default()).unwrap_err();
        assert_eq!(e.code(), code, "{e}");
    }
}

#[test]
fn a_zip_without_a_word_document_is_unsupported() {
    use std::io::Write;
    let zip_of = |name: &str, data: &[u8]| {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data).unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    };
    // An OpenDocument text: neither a Word document nor a workbook.
    let odt = zip_of("content.xml", b"<office:document-content/>");
    let e = read_document(&odt, &Limits::default()).unwrap_err();
    assert_eq!(e.code(), "unsupported", "{e}");
    assert!(e.to_string().contains("without a Word document"), "{e}");
    // A zip naming xl/workbook.xml goes to the workbook reader, which finds it incomplete.
    let xlsx = zip_of("xl/workbook.xml", b"<workbook/>");
    let e = read_document(&xlsx, &Limits::default()).unwrap_err();
    assert_eq!(e.code(), "corrupt", "{e}");
    assert!(e.to_string().contains("workbook"), "{e}");
}
