//! The PDF reader against the .docx reader on the corpus (LibreOffice exports of the same
//! plans), and on bad input: not a PDF, truncated, encrypted, no text layer, cyclic forms.

use std::path::PathBuf;

use kehoach_parse::model::{Block, Cell, Document, Table};
use kehoach_parse::{docx, pdf, Limits, ParseError};
use lopdf::{dictionary, Object, ObjectId, Stream};

const CORPUS: [(&str, &str); 5] = [
    ("000_bac8a76d1f608aa3.A", "Đình Hồng Kiên"),
    ("001_6353f7d068eb39a6.A", "Đinh Hồng Kiên"),
    ("002_ee099550d2cd63e2.A", "Phan Thanh Nam"),
    ("003_e474f24c970af6a5.A", "Vũ Thị Lệ Hằng"),
    ("004_eb12abc5933443e7.A", "Lê Quang Tiến"),
];

fn fixture(rel: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read_pdf(rel: &str) -> Document {
    pdf::read(&fixture(rel), &Limits::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The work-item table: the largest ruled table.
fn plan_table(d: &Document) -> Option<&Table> {
    d.tables()
        .filter(|t| !t.borderless)
        .max_by_key(|t| t.rows.len())
}

/// Body rows as comparable texts: cell text, and the lines of the agency columns.
fn body_rows(t: &Table) -> Vec<Vec<String>> {
    let header: Vec<String> = t.rows[0].cells.iter().map(Cell::text).collect();
    let agency_cols: Vec<usize> = t.rows[0]
        .cells
        .iter()
        .filter(|c| {
            let h = c.text().to_lowercase();
            h.contains("chủ trì") || h.contains("phối hợp")
        })
        .map(|c| c.col)
        .collect();
    t.rows
        .iter()
        .filter(|r| !r.repeat_header)
        .filter(|r| r.cells.iter().map(Cell::text).collect::<Vec<_>>() != header)
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    if agency_cols.contains(&c.col) {
                        c.lines().join(" | ")
                    } else {
                        c.text()
                    }
                })
                .collect()
        })
        .collect()
}

/// Paragraph texts in reading order, with the borderless (layout) tables' cell paragraphs.
fn texts(d: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &d.blocks {
        match b {
            Block::Paragraph(p) if !p.text.is_empty() => out.push(p.text.clone()),
            Block::Table(t) if t.borderless => {
                for r in &t.rows {
                    for c in &r.cells {
                        out.extend(
                            c.paragraphs
                                .iter()
                                .filter(|p| !p.text.is_empty())
                                .map(|p| p.text.clone()),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn all_text(d: &Document) -> String {
    let mut s = String::new();
    for b in &d.blocks {
        match b {
            Block::Paragraph(p) => s.push_str(&p.text),
            Block::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .for_each(|c| s.push_str(&c.text())),
        }
        s.push('\n');
    }
    s
}

#[test]
fn corpus_tables_match_docx() {
    for (name, _) in CORPUS {
        let d = docx::read(&fixture(&format!("docx/{name}.docx")), &Limits::default()).unwrap();
        let p = read_pdf(&format!("pdf/{name}.pdf"));
        match (plan_table(&d), plan_table(&p)) {
            (None, None) => {}
            (Some(dt), Some(pt)) => {
                assert_eq!(dt.grid_cols, pt.grid_cols, "{name}: columns");
                let (a, b) = (body_rows(dt), body_rows(pt));
                assert!(!a.is_empty());
                for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                    assert_eq!(x, y, "{name}: body row {i}");
                }
                assert_eq!(a.len(), b.len(), "{name}: body rows");
                // Rows know their page; the table crossed pages and repeats its header.
                assert!(pt.rows.iter().all(|r| r.page.is_some()));
                let pages: std::collections::BTreeSet<_> =
                    pt.rows.iter().filter_map(|r| r.page).collect();
                if pages.len() > 1 {
                    assert!(pt.rows[0].repeat_header, "{name}: header row marked");
                    let repeated = pt.rows.iter().filter(|r| r.repeat_header).count();
                    assert_eq!(repeated, pages.len(), "{name}: one header row per page");
                }
            }
            (a, b) => panic!(
                "{name}: docx table {} / pdf table {}",
                a.is_some(),
                b.is_some()
            ),
        }
    }
}

#[test]
fn corpus_body_text_matches_docx() {
    for (name, signer) in CORPUS {
        let d = docx::read(&fixture(&format!("docx/{name}.docx")), &Limits::default()).unwrap();
        let p = read_pdf(&format!("pdf/{name}.pdf"));
        assert_eq!(texts(&d), texts(&p), "{name}: paragraphs");
        let t = all_text(&p);
        assert!(t.contains("Số:"), "{name}: number");
        assert!(
            t.contains("KẾ HOẠCH") || t.contains("QUYẾT ĐỊNH"),
            "{name}: title"
        );
        assert!(t.contains(signer), "{name}: signer");
        assert!(p.paragraphs().all(|x| x.page.is_some()), "{name}: pages");
        assert!(p.warnings.is_empty(), "{name}: {:?}", p.warnings);
    }
}

#[test]
fn corpus_formatting() {
    let p = read_pdf("pdf/004_eb12abc5933443e7.A.pdf");
    let title = p.paragraphs().find(|x| x.text == "QUYẾT ĐỊNH").unwrap();
    assert!(title.bold);
    assert_eq!(title.align, kehoach_parse::model::Align::Center);
    assert_eq!(title.page, Some(1));
    let t = plan_table(&p).unwrap();
    // Group rows ("1. Công tác chỉ đạo …") are bold, item rows are not.
    let group = t.rows.iter().find(|r| r.cells[0].text() == "1.").unwrap();
    assert!(group.cells[1].is_bold());
    let item = t.rows.iter().find(|r| r.cells[0].text() == "1.1").unwrap();
    assert!(!item.cells[1].is_bold());
    assert_eq!(
        item.cells[2].lines(),
        vec!["- Các sở, ban, ngành", "- UBND cấp huyện"]
    );
}

#[test]
fn not_a_pdf() {
    assert!(matches!(
        pdf::read(b"", &Limits::default()),
        Err(ParseError::Empty)
    ));
    assert!(matches!(
        pdf::read(b"hello, world", &Limits::default()),
        Err(ParseError::Unsupported(_))
    ));
    assert!(matches!(
        pdf::read(b"%PDF-1.7\n%garbage only\n", &Limits::default()),
        Err(ParseError::Corrupt(_))
    ));
}

#[test]
fn truncated_pdfs_do_not_panic() {
    let bytes = fixture("pdf/004_eb12abc5933443e7.A.pdf");
    for cut in [
        bytes.len() / 2,
        bytes.len() / 3,
        bytes.len() - 200,
        1000,
        10,
    ] {
        match pdf::read(&bytes[..cut], &Limits::default()) {
            Ok(d) => assert!(d.blocks.len() < 200),
            Err(e) => assert!(
                matches!(e, ParseError::Corrupt(_) | ParseError::Unsupported(_)),
                "{e}"
            ),
        }
    }
    // Half a file: lopdf's xref recovery finds the first pages.
    let d = pdf::read(&bytes[..bytes.len() / 2], &Limits::default());
    if let Ok(d) = d {
        assert!(all_text(&d).contains("QUYẾT ĐỊNH"));
    }
}

#[test]
fn broken_xref_is_recovered() {
    let mut bytes = fixture("pdf/000_bac8a76d1f608aa3.A.pdf");
    let pos = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
    // Point startxref at the wrong place.
    let digits = pos + 10;
    for b in bytes[digits..]
        .iter_mut()
        .take_while(|b| b.is_ascii_digit())
    {
        *b = b'1';
    }
    let d = pdf::read(&bytes, &Limits::default()).unwrap();
    assert_eq!(plan_table(&d).map(|t| body_rows(t).len()), Some(23));
}

#[test]
fn encrypted_with_owner_password_only_is_read() {
    let plain = read_pdf("pdf/000_bac8a76d1f608aa3.A.pdf");
    for f in [
        "pdf/encrypted_owner_aes256.pdf",
        "pdf/encrypted_owner_rc4.pdf",
    ] {
        let d = read_pdf(f);
        assert_eq!(texts(&d), texts(&plain), "{f}");
        assert_eq!(
            body_rows(plan_table(&d).unwrap()),
            body_rows(plan_table(&plain).unwrap()),
            "{f}"
        );
    }
}

#[test]
fn encrypted_with_user_password_is_refused() {
    for f in [
        "pdf/encrypted_user_aes256.pdf",
        "pdf/encrypted_user_rc4.pdf",
    ] {
        match pdf::read(&fixture(f), &Limits::default()) {
            Err(ParseError::Encrypted(_)) => {}
            other => panic!("{f}: {:?}", other.map(|d| d.blocks.len())),
        }
    }
}

#[test]
fn object_streams_are_read() {
    let plain = read_pdf("pdf/004_eb12abc5933443e7.A.pdf");
    let d = read_pdf("pdf/objstm_004.pdf");
    assert_eq!(texts(&d), texts(&plain));
    assert_eq!(
        body_rows(plan_table(&d).unwrap()),
        body_rows(plan_table(&plain).unwrap())
    );
}

// ---- PDFs built here with lopdf ----

/// A PDF with one page per content, Helvetica as /F1, and the XObjects `setup` adds.
fn make_pdf(
    contents: &[&[u8]],
    setup: impl FnOnce(&mut lopdf::Document, ObjectId) -> lopdf::Dictionary,
) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold", "Encoding" => "WinAnsiEncoding",
    });
    let xobjects = setup(&mut doc, font);
    let resources = doc
        .add_object(dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => xobjects });
    let mut kids: Vec<Object> = Vec::new();
    for c in contents {
        let cid = doc.add_object(Stream::new(dictionary! {}, c.to_vec()));
        let pid = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => cid, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(pid.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn form(
    doc: &mut lopdf::Document,
    id: ObjectId,
    font: ObjectId,
    xobjects: lopdf::Dictionary,
    content: &[u8],
) {
    let s = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => xobjects },
        },
        content.to_vec(),
    );
    doc.objects.insert(id, Object::Stream(s));
}

#[test]
fn simple_font_text_and_word_spacing() {
    let bytes = make_pdf(&[b"BT /F1 12 Tf 72 700 Td (Hello) Tj 40 0 Td (world) Tj ET BT /F1 12 Tf 72 600 Td [(Ke)-20(hoach)] TJ ET"], |_, _| {
        dictionary! {}
    });
    let d = pdf::read(&bytes, &Limits::default()).unwrap();
    let t: Vec<_> = d.paragraphs().map(|p| p.text.clone()).collect();
    assert_eq!(t, vec!["Hello world", "Kehoach"]);
    assert!(d.paragraphs().all(|p| p.bold));
}

#[test]
fn page_without_text_layer_warns() {
    let bytes = make_pdf(
        &[
            b"BT /F1 12 Tf 72 700 Td (Page one) Tj ET",
            b"0 0 m 100 100 l S",
        ],
        |_, _| dictionary! {},
    );
    let d = pdf::read(&bytes, &Limits::default()).unwrap();
    assert_eq!(
        d.warnings,
        vec!["no text layer on page 2 (a scanned page: its text needs OCR)".to_string()]
    );
    assert_eq!(d.paragraphs().next().unwrap().text, "Page one");
}

/// An image-only page (what a scanner makes): an image XObject drawn over the page, no text.
fn scan_page(doc: &mut lopdf::Document) -> lopdf::Dictionary {
    let img = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 8, "Height" => 8,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![200u8; 64],
    ));
    dictionary! { "Im1" => img }
}

#[test]
fn a_scan_is_its_own_outcome_not_an_empty_document() {
    let bytes = make_pdf(
        &[
            b"q 595 0 0 842 0 0 cm /Im1 Do Q",
            b"q 595 0 0 842 0 0 cm /Im1 Do Q",
        ],
        |doc, _| scan_page(doc),
    );
    let e = pdf::read(&bytes, &Limits::default()).unwrap_err();
    assert!(matches!(e, ParseError::NeedsOcr { pages: 2 }), "{e:?}");
    assert_eq!(e.code(), "needs_ocr");
    assert!(
        e.to_string()
            .starts_with("scanned, no text layer on any of its 2 page(s)"),
        "{e}"
    );
    // Through parse_bytes as well: no plan with 0 items.
    assert!(matches!(
        kehoach_parse::parse_bytes(&bytes, &Limits::default()),
        Err(ParseError::NeedsOcr { pages: 2 })
    ));
}

#[test]
fn a_scan_whose_only_text_is_its_signature_stamp_needs_ocr() {
    // The signing tool's stamp drawn as text over the scanned image (unaccented, as several
    // signing tools print it).
    let bytes = make_pdf(
        &[b"q 595 0 0 842 0 0 cm /Im1 Do Q BT /F1 8 Tf 400 800 Td (Nguoi ky: So Noi vu tinh Ha Tinh) Tj 0 -10 Td (Email: snv@hatinh.gov.vn) Tj 0 -10 Td (Co quan: Tinh Ha Tinh) Tj 0 -10 Td (Thoi gian ky: 12.01.2026 15:04:05 +07:00) Tj ET"],
        |doc, _| scan_page(doc),
    );
    let e = pdf::read(&bytes, &Limits::default()).unwrap_err();
    assert!(matches!(e, ParseError::NeedsOcr { pages: 1 }), "{e:?}");
}

#[test]
fn a_signature_stamp_is_never_read_as_the_issuer() {
    let bytes = make_pdf(
        &[b"BT /F1 8 Tf 380 820 Td (Ky boi: Uy ban nhan dan tinh Lao Cai) Tj 0 -10 Td (Thoi gian ky: 05.01.2026 09:12:00 +07:00) Tj ET BT /F1 12 Tf 72 760 Td (UBND TINH LAO CAI) Tj ET BT /F1 12 Tf 72 700 Td (KE HOACH) Tj ET"],
        |_, _| dictionary! {},
    );
    let d = pdf::read(&bytes, &Limits::default()).unwrap();
    let t: Vec<_> = d.paragraphs().map(|p| p.text.clone()).collect();
    assert_eq!(t, vec!["UBND TINH LAO CAI", "KE HOACH"]);
    assert!(
        d.warnings
            .iter()
            .any(|w| w.starts_with("2 line(s) of a digital-signature stamp")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn cyclic_form_xobjects_are_cut() {
    // X1 draws itself; X2 and X3 draw each other.
    let bytes = make_pdf(&[b"/X1 Do /X2 Do"], |doc, font| {
        let (x1, x2, x3) = (
            doc.new_object_id(),
            doc.new_object_id(),
            doc.new_object_id(),
        );
        form(
            doc,
            x1,
            font,
            dictionary! { "X1" => x1 },
            b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /X1 Do",
        );
        form(
            doc,
            x2,
            font,
            dictionary! { "X3" => x3 },
            b"BT /F1 12 Tf 72 600 Td (Ping) Tj ET /X3 Do",
        );
        form(
            doc,
            x3,
            font,
            dictionary! { "X2" => x2 },
            b"BT /F1 12 Tf 72 500 Td (Pong) Tj ET /X2 Do",
        );
        dictionary! { "X1" => x1, "X2" => x2 }
    });
    let d = pdf::read(&bytes, &Limits::default()).unwrap();
    let t: Vec<_> = d.paragraphs().map(|p| p.text.clone()).collect();
    assert_eq!(t, vec!["Loop", "Ping", "Pong"]);
    assert!(
        d.warnings.iter().any(|w| w.contains("cycle")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn deeply_nested_forms_are_bounded() {
    let bytes = make_pdf(&[b"/X0 Do"], |doc, font| {
        let ids: Vec<ObjectId> = (0..40).map(|_| doc.new_object_id()).collect();
        for i in 0..40 {
            let next = if i + 1 < 40 {
                dictionary! { format!("X{}", i + 1) => ids[i + 1] }
            } else {
                dictionary! {}
            };
            let content = format!(
                "BT /F1 10 Tf 72 {} Td (L{i}) Tj ET /X{} Do",
                800 - i * 15,
                i + 1
            );
            form(doc, ids[i], font, next, content.as_bytes());
        }
        dictionary! { "X0" => ids[0] }
    });
    let d = pdf::read(&bytes, &Limits::default()).unwrap();
    assert!(d.paragraphs().count() < 40);
    assert!(d.warnings.iter().any(|w| w.contains("nested")));
}

#[test]
fn limits_are_enforced() {
    let bytes = fixture("pdf/004_eb12abc5933443e7.A.pdf");
    let l = Limits {
        max_pdf_pages: 2,
        ..Limits::default()
    };
    assert!(matches!(
        pdf::read(&bytes, &l),
        Err(ParseError::Limit { .. })
    ));
    let l = Limits {
        max_ops_per_page: 100,
        ..Limits::default()
    };
    assert!(matches!(
        pdf::read(&bytes, &l),
        Err(ParseError::Limit { .. })
    ));
    let l = Limits {
        max_pdf_objects: 10,
        ..Limits::default()
    };
    assert!(matches!(
        pdf::read(&bytes, &l),
        Err(ParseError::Limit { .. })
    ));
    let l = Limits {
        max_table_rows: 20,
        ..Limits::default()
    };
    assert!(matches!(
        pdf::read(&bytes, &l),
        Err(ParseError::Limit { .. })
    ));
    let l = Limits {
        max_stream_bytes: 1000,
        ..Limits::default()
    };
    assert!(matches!(
        pdf::read(&bytes, &l),
        Err(ParseError::Limit { .. })
    ));
}

#[test]
fn through_read_document() {
    let bytes = fixture("pdf/001_6353f7d068eb39a6.A.pdf");
    let d = kehoach_parse::read_document(&bytes, &Limits::default()).unwrap();
    assert_eq!(d.format, kehoach_parse::Format::Pdf);
    assert!(d.blocks.len() > 10);
}

// ---- Chromium print-to-PDF (Type0/CID fonts, Identity-H, tables drawn as filled rectangles);
// the HTML sources are next to the PDFs ----

#[test]
fn chromium_two_row_header_and_merged_cells() {
    let d = read_pdf("pdf/chromium_plan.pdf");
    let t = plan_table(&d).unwrap();
    assert_eq!(t.grid_cols, 6);
    let spans: Vec<_> = t.rows[0]
        .cells
        .iter()
        .map(|c| (c.col, c.col_span, c.row_span))
        .collect();
    assert_eq!(
        spans,
        vec![(0, 1, 2), (1, 1, 2), (2, 2, 1), (4, 1, 2), (5, 1, 2)]
    );
    assert_eq!(t.rows[1].cells.iter().filter(|c| c.covered).count(), 4);
    assert_eq!(t.rows[1].cells[2].text(), "Chủ trì");
    assert!(t.rows[0].repeat_header && t.rows[1].repeat_header);
    let body: Vec<_> = t.rows.iter().filter(|r| !r.repeat_header).collect();
    assert_eq!(body.len(), 36);
    let stts: Vec<String> = body.iter().map(|r| r.cells[0].text()).collect();
    assert_eq!(&stts[..3], &["1.", "1.1", "1.2"]);
    assert_eq!(stts.last().unwrap(), "4.8");
    // Group rows: bold, merged over the other five columns.
    assert_eq!(body[0].cells[1].col_span, 5);
    assert!(body[0].cells[1].is_bold());
    assert_eq!(
        body[2].cells[2].lines(),
        vec!["- Văn phòng UBND tỉnh", "- Sở Tư pháp", "- UBND cấp huyện"]
    );
    assert_eq!(body[2].cells[4].text(), "Quý 3/2025");
    // Every page repeats the two header rows.
    let pages: std::collections::BTreeSet<_> = t.rows.iter().filter_map(|r| r.page).collect();
    assert_eq!(
        t.rows.iter().filter(|r| r.repeat_header).count(),
        pages.len() * 2
    );
    let text = all_text(&d);
    for s in [
        "Số: 123/KH-STP",
        "KẾ HOẠCH",
        "Nguyễn Văn An",
        "Độc lập - Tự do - Hạnh phúc",
    ] {
        assert!(text.contains(s), "{s}");
    }
    assert!(d.paragraphs().any(|p| p.text == "KẾ HOẠCH" && p.bold));
}

#[test]
fn chromium_row_cut_by_page_breaks_is_joined() {
    let d = read_pdf("pdf/chromium_cut_row.pdf");
    let t = plan_table(&d).unwrap();
    let body: Vec<_> = t.rows.iter().filter(|r| !r.repeat_header).collect();
    assert_eq!(body.len(), 3);
    let lines = body[1].cells[2].lines();
    assert_eq!(lines.len(), 60);
    assert_eq!(lines[0], "- Đơn vị phối hợp số 1");
    assert_eq!(lines[59], "- Đơn vị phối hợp số 60");
    assert_eq!(body[2].cells[0].text(), "3");
}

#[test]
fn cyclic_page_tree_and_resources_terminate() {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 12 Tf 72 700 Td (Cycle) Tj ET".to_vec(),
    ));
    // The page has no /Resources of its own and its /Parent chain loops.
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
    });
    let inner = doc.new_object_id();
    doc.objects.insert(
        inner,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![pages_id.into()], "Count" => 1, "Parent" => pages_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        }),
    );
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into(), pages_id.into(), inner.into()],
            "Count" => 3, "Parent" => inner,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    match pdf::read(&bytes, &Limits::default()) {
        Ok(d) => assert!(all_text(&d).contains("Cycle")),
        Err(e) => assert!(matches!(e, ParseError::Corrupt(_)), "{e}"),
    }
}

/// Agencies without dashes: a line whose first word would have fitted on the line above
/// starts a new paragraph; wrapped lines (left-aligned or centred) are joined.
#[test]
fn chromium_agency_lines_without_dashes() {
    let d = read_pdf("pdf/chromium_agencies.pdf");
    let t = plan_table(&d).unwrap();
    let r = &t.rows[1];
    assert_eq!(
        r.cells[2].lines(),
        vec!["Văn phòng UBND tỉnh", "Sở Tư pháp", "Sở Nội vụ"]
    );
    assert_eq!(
        r.cells[3].lines(),
        vec![
            "Các sở, ban, ngành, đoàn thể cấp tỉnh và Ủy ban nhân dân các huyện, thành phố, thị xã"
        ]
    );
    assert_eq!(r.cells[4].lines(), vec!["Trước ngày 15/01/2024"]);
    assert_eq!(r.cells[1].paragraphs.len(), 1);
    let r = &t.rows[2];
    assert_eq!(r.cells[2].lines(), vec!["+ Sở Tư pháp", "+ Công an tỉnh"]);
    assert_eq!(
        r.cells[3].lines(),
        vec!["Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"]
    );
}

/// Chromium's running header (date) and footer (URL, "n/6") sit between the parts of the
/// table on every page: the table is still one table, and the header and footer, recurring
/// on every page, are left out.
#[test]
fn chromium_running_headers_do_not_split_tables() {
    let d = read_pdf("pdf/chromium_plan_headers.pdf");
    let plan: Vec<&Table> = d.tables().filter(|t| !t.borderless).collect();
    assert_eq!(plan.len(), 1);
    let t = plan[0];
    assert_eq!(t.rows.iter().filter(|r| !r.repeat_header).count(), 36);
    let text = all_text(&d);
    assert!(
        !text.contains("file:///") && !text.contains(" AM"),
        "{text}"
    );
    // The body paragraph wraps to the body's right edge, not the footer's.
    assert!(d
        .paragraphs()
        .any(|p| p.text.starts_with("Thực hiện Nghị định") && p.text.ends_with("như sau:")));
}

/// Header cells with text turned a quarter turn either way read in their own direction.
#[test]
fn chromium_rotated_header_cells() {
    let d = read_pdf("pdf/chromium_rotated.pdf");
    let t = plan_table(&d).unwrap();
    let head: Vec<String> = t.rows[0].cells.iter().map(Cell::text).collect();
    assert_eq!(
        head,
        [
            "STT",
            "Nội dung công việc",
            "Thời gian hoàn thành",
            "Ghi chú kết quả"
        ]
    );
    let body: Vec<String> = t.rows[1].cells.iter().map(Cell::text).collect();
    assert_eq!(body, ["1", "Rà soát thủ tục hành chính", "Quý I", "Đạt"]);
}
