//! Mutated and truncated PDFs never panic (not even inside the reader's own `catch_unwind`,
//! which would hide a bug as a "damaged file" error): a panic hook counts them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use kehoach_parse::{pdf, Limits};

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn uncompressed(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf")
        .join(name);
    let mut doc = lopdf::Document::load(&p).unwrap();
    doc.decompress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn mutated_pdfs_do_not_panic() {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        prev(info);
    }));
    let limits = Limits {
        max_ops_per_page: 200_000,
        ..Limits::default()
    };
    let interesting: &[u8] = b"()[]<>/ 0123456789.-RTJjmlcSfqQBTET\n%";
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut outcomes = [0usize; 2];
    for name in ["001_6353f7d068eb39a6.A.pdf", "chromium_cut_row.pdf"] {
        let base = uncompressed(name);
        pdf::read(&base, &limits).unwrap_or_else(|e| panic!("{name} uncompressed: {e}"));
        for i in 0..70 {
            let mut b = base.clone();
            if i % 5 == 4 {
                b.truncate(rng.below(b.len()));
            } else {
                for _ in 0..1 + rng.below(20) {
                    let at = rng.below(b.len());
                    b[at] = if rng.next() & 1 == 0 {
                        interesting[rng.below(interesting.len())]
                    } else {
                        rng.next() as u8
                    };
                }
            }
            let r = pdf::read(&b, &limits);
            // The reader's catch_unwind reports a panic as "internal error": always a bug.
            if let Err(e) = &r {
                assert!(
                    !e.to_string().contains("internal error"),
                    "{name} #{i}: {e}"
                );
            }
            outcomes[r.is_ok() as usize] += 1;
        }
    }
    assert_eq!(
        PANICS.load(Ordering::SeqCst),
        0,
        "panics (see stderr); outcomes err/ok {outcomes:?}"
    );
    // The mutations are deterministic (a fixed seed): so are their outcomes.
    assert_eq!(outcomes, [21, 119], "err/ok");
}
