//! Timing of the PDF reader on the corpus: `cargo test --release -p kehoach-parse --test
//! pdf_timing -- --ignored --nocapture`.

use std::path::PathBuf;
use std::time::Instant;

#[test]
#[ignore]
fn pdf_read_timing() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter(|p| std::env::var("KH_PDF").map_or(true, |f| p.to_string_lossy().contains(&f)))
        .collect();
    names.sort();
    let limits = kehoach_parse::Limits::default();
    for p in names {
        let bytes = std::fs::read(&p).unwrap();
        let runs = 50;
        let start = Instant::now();
        let mut blocks = 0;
        for _ in 0..runs {
            blocks = kehoach_parse::pdf::read(&bytes, &limits)
                .map(|d| d.blocks.len())
                .unwrap_or(0);
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
        println!(
            "{:>8.2} ms  {:>4} blocks  {}",
            ms,
            blocks,
            p.file_name().unwrap().to_string_lossy()
        );
    }
}

#[test]
#[ignore]
fn lopdf_load_timing() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf/004_eb12abc5933443e7.A.pdf");
    let bytes = std::fs::read(&p).unwrap();
    let runs = 20;
    let start = Instant::now();
    for _ in 0..runs {
        let _ = lopdf::Document::load_mem(&bytes).unwrap();
    }
    println!(
        "load {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let start = Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        for (_, id) in doc.get_pages() {
            let c = doc.get_page_content(id);
            n += lopdf::content::Content::decode_iter(&c).count();
        }
    }
    println!(
        "content decode_iter {:.2} ms ({n} ops)",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
    let start = Instant::now();
    for _ in 0..runs {
        for (_, id) in doc.get_pages() {
            let c = doc.get_page_content(id);
            n += lopdf::content::Content::decode(&c)
                .unwrap()
                .operations
                .len();
        }
    }
    println!(
        "content decode {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
    let start = Instant::now();
    for _ in 0..runs {
        for (_, id) in doc.get_pages() {
            n += doc.get_page_content(id).len();
        }
    }
    println!(
        "content inflate {:.2} ms ({n})",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
}
