//! Speed of the hostile inputs that `crates/kehoach-parse/tests/hostile.rs` checks for their
//! outcome and memory only (tests never read the clock: on a shared, loaded machine a time
//! bound fails or passes by chance). A quadratic regression shows here as a jump of orders
//! of magnitude; compare with the numbers in `notes/tests.md`.
//!
//! `cargo bench -p kehoach-benches --bench hostile` (`cargo test -p kehoach-benches --benches`
//! runs each case once, as a smoke test).

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use kehoach_parse::{parse_bytes, Limits};

use kehoach_testkit::make::{pdf, word_body as body, W};

fn docx(document: &[u8]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(document).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// An item table of `rows` rows: STT, Nội dung, Cơ quan chủ trì, Thời gian hoàn thành.
fn table_rows(rows: usize) -> String {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let mut s = String::from("<w:tbl><w:tr>");
    for h in ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"] {
        s.push_str(&cell(h));
    }
    s.push_str("</w:tr>");
    for r in 0..rows {
        s.push_str("<w:tr>");
        s.push_str(&cell(&(r + 1).to_string()));
        for c in 1..4 {
            s.push_str(&cell(&format!("Việc {r} cột {c}")));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    body(&s)
}

fn cases() -> Vec<(&'static str, Vec<u8>, Limits)> {
    let roomy = Limits {
        max_inflate_ratio: 100_000,
        ..Limits::default()
    };
    let mut html = String::from(
        "<html><body><table><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>",
    );
    for r in 0..100_000 {
        html.push_str(&format!(
            "<tr><td>{}</td><td>Việc {r}</td><td>Sở</td></tr>",
            r + 1
        ));
    }
    html.push_str("</table></body></html>");
    let mut objs = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    objs.extend(std::iter::repeat_n(b"[1 2 3]".to_vec(), 250_000));
    let decl: Vec<String> = (0..20_000)
        .map(|i| format!(r#"xmlns:p{i}="urn:x{i}""#))
        .collect();
    let ns = format!(
        r#"<?xml version="1.0"?><w:document {W} {}><w:body>{}</w:body></w:document>"#,
        decl.join(" "),
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(40_000)
    );
    // An RTF row of 100,000 cells, and the row below merged into it cell by cell.
    let mut rtf = String::from("{\\rtf1 \\trowd");
    for i in 1..=100_000 {
        rtf.push_str(&format!("\\cellx{}", i * 100));
    }
    rtf.push_str("\\intbl ");
    rtf.push_str(&"a\\cell ".repeat(100_000));
    rtf.push_str("\\row\\trowd");
    for i in 1..=100_000 {
        rtf.push_str(&format!("\\clvmrg\\cellx{}", i * 100));
    }
    rtf.push_str("\\intbl ");
    rtf.push_str(&"\\cell".repeat(100_000));
    rtf.push_str("\\row}");
    vec![
        // Was 10 s allowed in tests/rtf_xlsx.rs.
        (
            "rtf 2 rows of 100,000 merged cells",
            rtf.into_bytes(),
            Limits::default(),
        ),
        // Was 60 s allowed in the test.
        (
            "docx 100,000-row table",
            docx(table_rows(100_000).as_bytes()),
            roomy.clone(),
        ),
        // Was 60 s allowed.
        ("html 100,000 rows", html.into_bytes(), Limits::default()),
        // Was 30 s allowed; refused at --max-pdf-objects.
        ("pdf 250,000 objects", pdf(&objs), Limits::default()),
        // Was 10 s allowed (44 s before namespace lookups were made linear).
        ("docx 20,000 namespace prefixes", docx(ns.as_bytes()), roomy),
        // Was 60 s allowed; refused at --max-table-rows.
        (
            "text 1,000,000 lines",
            "1\tViệc\tSở\n".repeat(1_000_000).into_bytes(),
            Limits::default(),
        ),
        // Was 10 s allowed; refused at --max-xml-depth.
        (
            "html 100,000 nested tables",
            format!(
                "<html><body>{}</body></html>",
                "<table><tr><td>".repeat(100_000)
            )
            .into_bytes(),
            Limits::default(),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile");
    for (name, bytes, limits) in cases() {
        g.bench_function(name, |b| {
            b.iter(|| parse_bytes(black_box(&bytes), &limits).map(|p| p.plan.items.len()))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
