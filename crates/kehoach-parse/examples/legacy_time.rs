//! Time of the legacy-font pass on the committed fixtures, next to the time of reading them:
//! `cargo run --release -p kehoach-parse --example legacy_time -- [N]`.
//!
//! For each file: `read` = `read_document` (reader + legacy pass), `pass` = the legacy pass
//! alone (`legacy::decode_document` on a clone of the document, the clone's cost
//! subtracted), `old` = the fast path of the previous detector (a byte test per paragraph,
//! then marker counting), and how many paragraphs the new pass examined beyond its fast path.
use std::time::Instant;

use kehoach_parse::model::{Block, Document, Paragraph, Table};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn paragraphs(doc: &Document) -> Vec<&Paragraph> {
    fn table<'a>(t: &'a Table, out: &mut Vec<&'a Paragraph>) {
        for r in &t.rows {
            for c in &r.cells {
                out.extend(c.paragraphs.iter());
                for n in &c.tables {
                    table(n, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Table(t) => table(t, &mut out),
        }
    }
    out
}

/// The previous detector's per-paragraph work, for comparison.
fn old_detect(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_ascii() || !b.iter().all(|&x| x < 0xC4) {
        return false;
    }
    let mut n = 0;
    for c in s.chars() {
        if c.is_alphabetic() && ('\u{A8}'..='\u{FE}').contains(&c) {
            n += 1;
        }
    }
    n >= 2
}

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    if std::env::var_os("LEGACY_MICRO").is_some() {
        let t = Instant::now();
        for _ in 0..100_000 {
            std::hint::black_box(kehoach_text::is_vietnamese_syllable(std::hint::black_box(
                "hoàn",
            )));
        }
        eprintln!("syllable: {:.1} ns", t.elapsed().as_secs_f64() * 1e9 / 1e5);
        let t = Instant::now();
        for _ in 0..10_000 {
            std::hint::black_box(kehoach_text::convert_unknown(
                std::hint::black_box("Thời gian hoàn thành"),
                kehoach_text::Evidence::None,
                None,
            ));
        }
        eprintln!(
            "convert_unknown: {:.1} ns",
            t.elapsed().as_secs_f64() * 1e9 / 1e4
        );
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files = Vec::new();
    for dir in ["docx", "pdf", "html", "text", "variants", "legacy"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_file() && !p.to_string_lossy().ends_with(".json") {
                files.push(p);
            }
        }
    }
    files.sort();
    let limits = kehoach_parse::Limits::default();
    let (mut t_read, mut t_pass, mut t_old) = (0f64, 0f64, 0f64);
    println!(
        "{:<48} {:>6} {:>5} {:>10} {:>9} {:>9}",
        "file", "paras", "look", "read µs", "pass µs", "old µs"
    );
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let Ok(doc) = kehoach_parse::read_document(&bytes, &limits) else {
            continue;
        };
        // The fastest of 7 batches of each: the machine is shared, and the minimum is the
        // least disturbed measurement.
        let best = |f: &mut dyn FnMut()| {
            (0..7)
                .map(|_| {
                    let t = Instant::now();
                    for _ in 0..n {
                        f();
                    }
                    t.elapsed().as_secs_f64() / n as f64
                })
                .fold(f64::MAX, f64::min)
        };
        let read = best(&mut || {
            std::hint::black_box(kehoach_parse::read_document(&bytes, &limits).unwrap());
        });
        let clone = best(&mut || {
            std::hint::black_box(doc.clone());
        });
        let with_pass = best(&mut || {
            let mut d = doc.clone();
            std::hint::black_box(kehoach_parse::legacy::decode_document(&mut d));
            std::hint::black_box(d);
        });
        let pass = (with_pass - clone).max(0.0);
        let paras = paragraphs(&doc);
        let old = best(&mut || {
            for p in &paras {
                std::hint::black_box(old_detect(std::hint::black_box(&p.text)));
            }
        });
        let look = paras
            .iter()
            .filter(|p| kehoach_text::worth_a_look(&p.text))
            .count();
        if std::env::var_os("LEGACY_SHOW").is_some() {
            for p in paras.iter().filter(|p| kehoach_text::worth_a_look(&p.text)) {
                let t = Instant::now();
                for _ in 0..n {
                    std::hint::black_box(kehoach_text::convert_unknown(
                        &p.text,
                        kehoach_text::Evidence::None,
                        None,
                    ));
                }
                let dt = t.elapsed().as_secs_f64() / n as f64 * 1e6;
                eprintln!(
                    "  {:>8.2} µs {:>6} bytes {:?}",
                    dt,
                    p.text.len(),
                    p.text.chars().take(60).collect::<String>()
                );
            }
        }
        t_read += read;
        t_pass += pass;
        t_old += old;
        let name = f.strip_prefix(&root).unwrap().display().to_string();
        println!(
            "{:<48} {:>6} {:>5} {:>10.1} {:>9.2} {:>9.2}",
            name,
            paras.len(),
            look,
            read * 1e6,
            pass * 1e6,
            old * 1e6
        );
    }
    println!(
        "total: read {:.0} µs, legacy pass {:.1} µs ({:.2} % of read), old fast path {:.1} µs",
        t_read * 1e6,
        t_pass * 1e6,
        100.0 * t_pass / t_read,
        t_old * 1e6
    );
}
