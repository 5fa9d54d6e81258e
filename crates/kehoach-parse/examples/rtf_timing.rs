//! Parse time (read + plan extraction) of each document saved as .rtf against its .docx:
//! `cargo run --release -p kehoach-parse --example rtf_timing -- [N]` (N runs each, the
//! median is printed, in microseconds), plus the .xlsx fixtures.
use std::time::Instant;

use kehoach_parse::{parse_bytes, Limits};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median_us(bytes: &[u8], n: usize) -> f64 {
    let limits = Limits::default();
    let mut t: Vec<f64> = (0..n)
        .map(|_| {
            let t0 = Instant::now();
            let p = parse_bytes(bytes, &limits).expect("parses");
            std::hint::black_box(p);
            t0.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[n / 2]
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(51);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
    let pairs: Vec<(String, String)> = std::fs::read_dir(format!("{root}/rtf"))
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".rtf")?.to_string();
            let docx = ["docx", "plans", "variants"]
                .iter()
                .map(|d| format!("{root}/{d}/{stem}.docx"))
                .find(|p| std::path::Path::new(p).exists())?;
            Some((docx, format!("{root}/rtf/{name}")))
        })
        .collect();
    let mut pairs = pairs;
    pairs.sort();
    println!(
        "{:<40} {:>9} {:>9} {:>9} {:>9} {:>6}",
        "document", "docx KB", "rtf KB", "docx µs", "rtf µs", "ratio"
    );
    let (mut sd, mut sr) = (0.0, 0.0);
    for (d, r) in &pairs {
        let (bd, br) = (std::fs::read(d).unwrap(), std::fs::read(r).unwrap());
        let (td, tr) = (median_us(&bd, n), median_us(&br, n));
        sd += td;
        sr += tr;
        let name = std::path::Path::new(r)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        println!(
            "{:<40} {:>9.1} {:>9.1} {:>9.0} {:>9.0} {:>6.2}",
            name,
            bd.len() as f64 / 1024.0,
            br.len() as f64 / 1024.0,
            td,
            tr,
            tr / td
        );
    }
    println!(
        "{:<40} {:>9} {:>9} {:>9.0} {:>9.0} {:>6.2}",
        "total",
        "",
        "",
        sd,
        sr,
        sr / sd
    );
    for x in ["laocai_xa_nhiemvu_2027", "000_task_table"] {
        let b = std::fs::read(format!("{root}/xlsx/{x}.xlsx")).unwrap();
        println!(
            "{:<40} {:>9.1} {:>9} {:>9} {:>9.0}",
            format!("{x}.xlsx"),
            b.len() as f64 / 1024.0,
            "",
            "",
            median_us(&b, n)
        );
    }
}
