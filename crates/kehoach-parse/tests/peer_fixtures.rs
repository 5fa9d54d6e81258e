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
    // POI's delins.docx: insertions kept, deletions dropped.
    let doc = read("peer/poi/delins.docx");
    assert!(doc.paragraphs().any(|p| !p.text.is_empty()));
}

#[test]
fn python_docx_merged_cells() {
    let doc = read("peer/python-docx/tbl-cell-access.docx");
    let ts = tables(&doc);
    assert!(!ts.is_empty());
    let spans: Vec<(usize, usize)> = ts
        .iter()
        .flat_map(|t| {
            t.rows.iter().flat_map(|r| {
                r.cells
                    .iter()
                    .filter(|c| !c.covered)
                    .map(|c| (c.row_span, c.col_span))
            })
        })
        .collect();
    assert!(
        spans.iter().any(|&(r, _)| r > 1),
        "a vertical merge: {spans:?}"
    );
    assert!(
        spans.iter().any(|&(_, c)| c > 1),
        "a horizontal merge: {spans:?}"
    );
}

#[test]
fn poi_broken_and_encrypted_files_end_cleanly() {
    let dir = fixture("peer/poi");
    let mut seen = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|x| x.to_str()) != Some("docx") {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&p).unwrap();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let r = std::panic::catch_unwind(|| kehoach_parse::parse_bytes(&bytes, &Limits::default()));
        let r = r.unwrap_or_else(|_| panic!("{name} panicked"));
        match name.as_str() {
            "bug53475-password-is-pass.docx" => {
                assert!(matches!(r, Err(ParseError::Encrypted(_))), "{name}")
            }
            "truncated62886.docx" => assert!(matches!(r, Err(ParseError::Corrupt(_))), "{name}"),
            n if n.starts_with("clusterfuzz") => assert!(r.is_err(), "{name}"),
            _ => {
                if let Err(e) = &r {
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
    assert_eq!(seen, 8);
}

#[test]
fn bad_input_gets_a_clear_error() {
    let cases: [(&[u8], &str); 4] = [
        (b"", "empty"),
        (b"\x00\x01\x02\x03\xff\xfe binary", "unsupported"),
        (b"PK\x03\x04 a zip that ends here", "corrupt"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 ole", "encrypted"),
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
