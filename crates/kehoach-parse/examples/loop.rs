//! Parses one file N times, for profiling:
//! `cargo run --release --example loop -- FILE N [parse|read|plan|floor]`.
//! `plan` runs plan extraction alone on a document read once; `floor` only inflates
//! word/document.xml and tokenises it (the bench's floor).
use std::io::Read;

// The allocator the `kehoach` binary ships with, so that counts match what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn floor(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut n = 0;
    while !matches!(reader.read_event().unwrap(), quick_xml::events::Event::Eof) {
        n += 1;
    }
    n
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let mode = args.next().unwrap_or_else(|| "parse".into());
    let bytes = std::fs::read(&path).unwrap();
    let limits = kehoach_parse::Limits::default();
    // Plan extraction alone works on a document read once, outside the loop.
    let doc = (mode == "plan").then(|| kehoach_parse::read_document(&bytes, &limits).unwrap());
    let mut total = 0;
    for _ in 0..n {
        total += match mode.as_str() {
            "floor" => floor(&bytes),
            "plan" => kehoach_parse::plan::extract(doc.as_ref().unwrap())
                .items
                .len(),
            "read" => kehoach_parse::read_document(&bytes, &limits)
                .unwrap()
                .blocks
                .len(),
            _ => kehoach_parse::parse_bytes(&bytes, &limits)
                .unwrap()
                .plan
                .items
                .len(),
        };
    }
    println!("{total}");
}
