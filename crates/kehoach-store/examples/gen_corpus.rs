//! Generates N distinct plans from fixtures, for scale tests.
//!
//! ```text
//! cargo run --release -p kehoach-store --example gen_corpus -- OUT_DIR N [SEED] [FIXTURE...]
//! ```
//!
//! Without fixtures, uses the plans with items in `fixtures/docx/`.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_corpus OUT_DIR N [SEED] [FIXTURE...]");
        std::process::exit(2);
    }
    let out = PathBuf::from(&args[0]);
    let n: usize = args[1].parse().expect("N is a number");
    let seed: u64 = args
        .get(2)
        .map(|s| s.parse().expect("SEED is a number"))
        .unwrap_or(1);
    let mut fixtures: Vec<PathBuf> = args.iter().skip(3).map(PathBuf::from).collect();
    if fixtures.is_empty() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx");
        fixtures = std::fs::read_dir(&dir)
            .expect("fixtures/docx")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "docx"))
            .collect();
        fixtures.sort();
    }
    let start = std::time::Instant::now();
    let paths = kehoach_store::corpus::generate(&fixtures, &out, n, seed).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1);
    });
    eprintln!(
        "{} files from {} fixtures in {} ({:.1} s)",
        paths.len(),
        fixtures.len(),
        out.display(),
        start.elapsed().as_secs_f64()
    );
}
