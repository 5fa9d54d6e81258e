//! Speed of the PDF reader on the corpus, one benchmark per file (was the ignored
//! `pdf_timing` test). `KH_PDF=part` keeps the files whose name contains `part`.
//!
//! `cargo bench -p kehoach-benches --bench pdf`.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/pdf");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter(|p| std::env::var("KH_PDF").map_or(true, |f| p.to_string_lossy().contains(&f)))
        .collect();
    names.sort();
    let limits = kehoach_parse::Limits::default();
    let mut g = c.benchmark_group("pdf");
    for p in names {
        let bytes = std::fs::read(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        g.bench_function(name, |b| {
            b.iter(|| {
                kehoach_parse::pdf::read(black_box(&bytes), &limits)
                    .map(|d| d.blocks.len())
                    .unwrap_or(0)
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(300));
    targets = bench
}
criterion_main!(benches);
