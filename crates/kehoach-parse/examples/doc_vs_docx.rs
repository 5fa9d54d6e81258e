//! Per-document parse time of each .doc fixture against the .docx it was saved from:
//! `cargo run --release -p kehoach-parse --example doc_vs_docx [ITERATIONS]`.
//!
//! Both go through `parse_bytes` (sniff, read, plan extraction), with the allocator the
//! `kehoach` binary ships with; each file is parsed once to warm up, then ITERATIONS times
//! (default 200), and the mean is printed with the ratio. The target is a ratio within 2×.
use std::path::{Path, PathBuf};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn mean_us(bytes: &[u8], n: usize) -> f64 {
    let limits = kehoach_parse::Limits::default();
    let _ = kehoach_parse::parse_bytes(bytes, &limits).expect("parses");
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(kehoach_parse::parse_bytes(bytes, &limits).unwrap());
    }
    t.elapsed().as_secs_f64() * 1e6 / n as f64
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("doc"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "doc"))
        .collect();
    docs.sort();
    println!(
        "{:<34} {:>9} {:>9} {:>10} {:>10} {:>6}",
        "document", "doc KB", "docx KB", "doc µs", "docx µs", "ratio"
    );
    let (mut ta, mut tb) = (0.0, 0.0);
    for d in docs {
        let name = d
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace(".doc", ".docx");
        let docx = if name.starts_with(|c: char| c.is_ascii_digit()) {
            root.join("docx").join(&name)
        } else {
            root.join("plans").join(&name)
        };
        let (a, b) = (std::fs::read(&d).unwrap(), std::fs::read(&docx).unwrap());
        let (ua, ub) = (mean_us(&a, n), mean_us(&b, n));
        ta += ua;
        tb += ub;
        println!(
            "{:<34} {:>9.1} {:>9.1} {:>10.1} {:>10.1} {:>6.2}",
            name.trim_end_matches(".docx"),
            a.len() as f64 / 1024.0,
            b.len() as f64 / 1024.0,
            ua,
            ub,
            ua / ub
        );
    }
    println!(
        "{:<34} {:>9} {:>9} {:>10.1} {:>10.1} {:>6.2}",
        "total",
        "",
        "",
        ta,
        tb,
        ta / tb
    );
}
