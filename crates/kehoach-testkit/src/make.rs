//! Documents built in code for tests and benches: a WordprocessingML body and a PDF from its
//! object bodies (hostile inputs are written this way, byte for byte).

/// The WordprocessingML namespace declaration.
pub const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// `word/document.xml` whose body holds `inner`.
pub fn word_body(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{inner}</w:body></w:document>"#
    )
}

/// A PDF from object bodies (object n is `objs[n - 1]`, object 1 the catalog), with a
/// correct xref table.
pub fn pdf(objs: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A whole .docx package: `[Content_Types].xml`, the package and document relationships,
/// `word/document.xml` and any `extra` parts (name, text), deflated. The document
/// relationships name `word/numbering.xml` and `word/comments.xml` when they are among the
/// extra parts.
pub fn docx_package(document_xml: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let has = |n: &str| extra.iter().any(|(name, _)| *name == n);
    let mut ct = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    if has("word/numbering.xml") {
        ct.push_str(r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#);
    }
    if has("word/comments.xml") {
        ct.push_str(r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#);
    }
    ct.push_str("</Types>");
    rels.push_str("</Relationships>");
    let root = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut parts: Vec<(&str, &str)> = vec![
        ("[Content_Types].xml", &ct),
        ("_rels/.rels", root),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", &rels),
    ];
    parts.extend_from_slice(extra);
    for (name, text) in parts {
        z.start_file(name, opts).expect("zip entry");
        z.write_all(text.as_bytes()).expect("zip write");
    }
    z.finish().expect("zip finish");
    buf.into_inner()
}

/// A PDF of one page per content stream (written as given, unfiltered), A4 portrait, with
/// `fonts` as the pages' font resources (resource name, font dictionary) and `page_extra`
/// written into every page dictionary (`/Rotate 90`, a `/ColorSpace` resource entry goes in
/// `resources_extra`).
pub fn pdf_pages(
    contents: &[&str],
    fonts: &[(&str, &str)],
    page_extra: &str,
    resources_extra: &str,
) -> Vec<u8> {
    let font_res: String = fonts
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!("/{name} {} 0 R ", 3 + i))
        .collect();
    let first_page = 3 + fonts.len();
    let kids: String = (0..contents.len())
        .map(|i| format!("{} 0 R ", first_page + 2 * i))
        .collect();
    let mut objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{kids}] /Count {} >>",
            contents.len()
        )
        .into_bytes(),
    ];
    objs.extend(fonts.iter().map(|(_, d)| d.as_bytes().to_vec()));
    for (i, c) in contents.iter().enumerate() {
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
                 /Resources << /Font << {font_res}>> {resources_extra} >> {page_extra} >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        objs.push(format!("<< /Length {} >>\nstream\n{c}\nendstream", c.len()).into_bytes());
    }
    pdf(&objs)
}
