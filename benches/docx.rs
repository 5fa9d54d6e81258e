//! .docx parse speed against its floor.
//!
//! For each corpus .docx, in one run: `floor` only inflates word/document.xml and tokenises
//! it with quick-xml (no model, no numbering, no plan); `read` builds the document model;
//! `parse` is the whole job (model + plan extraction). Target: `parse` within 3× of `floor`.
//!
//! `cargo bench -p kehoach-benches --bench docx` (mimalloc, as the `kehoach` binary ships);
//! add `--no-default-features` for the system allocator.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use kehoach_parse::{parse_bytes, read_document, Limits};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/docx");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy()[..3].to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn floor(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut n = 0;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            _ => n += 1,
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let limits = Limits::default();
    for (name, bytes) in corpus() {
        let mut g = c.benchmark_group(format!("docx/{name}"));
        g.bench_function("floor", |b| b.iter(|| floor(black_box(&bytes))));
        g.bench_function("read", |b| {
            b.iter(|| read_document(black_box(&bytes), &limits).unwrap())
        });
        g.bench_function("parse", |b| {
            b.iter(|| parse_bytes(black_box(&bytes), &limits).unwrap())
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
