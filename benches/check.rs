//! Drift checks and plan diff: the real pair (draft 003 against its parent 004) and
//! hostile-sized ones: two plans of 2,000 alike items (004's, repeated: about 286,000,000 word
//! comparisons, past the default match limit of 250,000,000, which the bench raises) and a
//! 100,000-item draft checked alone (linear rules only).
//!
//! `cargo bench -p kehoach-benches --bench check`

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use kehoach_diff::diff::{diff, diff_limited};
use kehoach_diff::{check, MatchLimit, Options, Source};
use kehoach_parse::plan::Plan;

fn load(prefix: &str) -> Source {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/docx");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    Source::from_parsed(
        prefix,
        kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap(),
    )
}

/// `n` copies of 004's items, renumbered 1..n (the contents repeat every 45 items).
fn repeated(base: &Plan, n: usize, stt: impl Fn(usize) -> String) -> Plan {
    let mut plan = base.clone();
    plan.items = (0..n)
        .map(|k| {
            let mut it = base.items[k % base.items.len()].clone();
            it.stt = stt(k);
            it
        })
        .collect();
    plan
}

fn bench(c: &mut Criterion) {
    let (draft, parent) = (load("003"), load("004"));
    let opts = Options::default();
    c.bench_function("check 003 against 004", |b| {
        b.iter(|| black_box(check(&draft, std::slice::from_ref(&parent), &opts).unwrap()))
    });
    c.bench_function("diff 004 003", |b| {
        b.iter(|| black_box(diff(&parent.plan, &draft.plan).unwrap()))
    });
    let old = repeated(&parent.plan, 2_000, |k| format!("{}.", k + 1));
    let new = repeated(&parent.plan, 2_000, |k| format!("{}.1", k + 1));
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    g.bench_function("diff 2000 x 2000 alike items", |b| {
        b.iter(|| black_box(diff_limited(&old, &new, MatchLimit(u64::MAX)).unwrap()))
    });
    let big = Source::from_plan(
        "big",
        repeated(&parent.plan, 100_000, |k| format!("{}.", k + 1)),
    );
    g.bench_function("check 100000 items alone", |b| {
        b.iter(|| black_box(check(&big, &[], &opts).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
