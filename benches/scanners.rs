//! Speed of the text scanners on long hostile strings (the citation scanner, the deadline
//! grammar, agency splitting, legacy-encoding detection). Their unit tests check the
//! results only; a quadratic scan shows here.
//!
//! `cargo bench -p kehoach-benches --bench scanners`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use kehoach_parse::plan::{agency, citation, deadline};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("scanners");
    let pieces = [
        ("citations: dates", "ngày 1/1/2020 ".repeat(20_000)),
        (
            "citations: decrees",
            "Nghị định số 1/NĐ-CP; ".repeat(20_000),
        ),
        (
            "citations: open bases",
            "Căn cứ Nghị định số 1/NĐ-CP của ".repeat(10_000),
        ),
        ("citations: 4 MB of a", "a".repeat(4 << 20)),
    ];
    for (name, p) in &pieces {
        g.bench_function(*name, |b| {
            b.iter(|| {
                (
                    citation::find_citations(black_box(p)).len(),
                    citation::legal_bases([p.as_str()]).refs.len(),
                )
            })
        });
    }
    let long = [
        "; và ".repeat(5_000),
        "ngày 1/".repeat(5_000),
        "Hằng tháng, ".repeat(5_000),
        "9".repeat(25_000),
        "Ban hành ".repeat(2_500) + "năm 2026",
    ];
    g.bench_function("deadline: long strings", |b| {
        b.iter(|| {
            long.iter()
                .map(|s| deadline::parse(black_box(s)).text.len())
                .sum::<usize>()
        })
    });
    let names = ["Sở Tư pháp", "UBND các xã, phường", "Văn phòng HĐND"];
    let one_line: String = (0..20_000)
        .map(|i| names[i % 3])
        .collect::<Vec<_>>()
        .join(", ");
    let lines = [one_line];
    g.bench_function("agency: 20,000 names in a cell", |b| {
        b.iter(|| agency::split(black_box(&lines)).len())
    });
    let legacy = "KÕ ho¹ch ".repeat(20_000) + &"aaaaaaaa¸".repeat(10_000);
    g.bench_function("legacy: 260 KB of TCVN3", |b| {
        b.iter(|| {
            kehoach_text::convert_unknown(black_box(&legacy), kehoach_text::Evidence::None, None)
                .map(|(_, t)| t.len())
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(300));
    targets = bench
}
criterion_main!(benches);
