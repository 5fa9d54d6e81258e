//! Hostile and broken input: every case ends within its limit with a clear error (or a
//! result), never a panic, a hang or unbounded memory.
//!
//! Inputs are generated here (zip bombs, XML bombs, deep nesting, huge tables, truncations,
//! random bytes) or read from `fixtures/hostile/` (regressions found by fuzzing, each named
//! after the bug) and `fixtures/peer/poi/` (Apache POI's fuzzed, truncated and encrypted
//! files). Memory is measured with a counting global allocator, per thread, so tests running
//! in parallel do not see each other's allocations.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;
use std::time::Instant;

use common::fixture;
use kehoach_parse::{parse_bytes, read_document, Limits, ParseError};

// ---------------------------------------------------------------------------------------
// Per-thread allocation accounting.

struct Counting;

thread_local! {
    static CURRENT: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = CURRENT.try_with(|c| {
        let now = c.get() + delta;
        c.set(now);
        let _ = PEAK.try_with(|p| {
            if now > p.get() {
                p.set(now)
            }
        });
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        note(l.size() as isize);
        System.alloc(l)
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        note(l.size() as isize);
        System.alloc_zeroed(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        note(-(l.size() as isize));
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // Count the new block before the old one is released: a copy holds both.
        note(new as isize);
        let r = System.realloc(p, l, new);
        note(-(l.size() as isize));
        r
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` and returns its result and the peak of bytes allocated by this thread above
/// what it held before. Deterministic: the same input allocates the same, however loaded
/// the machine is (no wall clock here; speed is measured in `benches/`).
fn measure<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let base = CURRENT.with(|c| c.get());
    PEAK.with(|p| p.set(base));
    let out = f();
    let peak = PEAK.with(|p| p.get()) - base;
    (out, peak.max(0) as u64)
}

const MB: u64 = 1 << 20;

/// Default limits, but with the inflation ratio raised: generated XML repeats itself and
/// compresses far better than a real document.
fn roomy() -> Limits {
    Limits {
        max_inflate_ratio: 100_000,
        ..Limits::default()
    }
}

/// The outcome of a read in one line: `ok: B blocks, I items` or `<code>: <message>`.
fn outcome(r: &Result<kehoach_parse::Parsed, ParseError>) -> String {
    match r {
        Ok(p) => format!(
            "ok: {} blocks, {} items",
            p.document.blocks.len(),
            p.plan.items.len()
        ),
        Err(e) => format!("{}: {e}", e.code()),
    }
}

/// Reads with `limits`, asserts it stays within `mem` bytes and that no reader panicked (the
/// PDF reader turns a panic into `Corrupt("internal error")`: always a bug), returns the
/// outcome. Time is bounded by the limits' counts (cells, rows, objects, depth, bytes) and
/// by the deadline, tested with a deadline already past.
fn bounded(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    mem: u64,
) -> Result<kehoach_parse::Parsed, ParseError> {
    let (r, peak) = measure(|| parse_bytes(bytes, limits));
    eprintln!(
        "{name}: peak {:.1} MB, {}",
        peak as f64 / MB as f64,
        outcome(&r)
    );
    if let Err(e) = &r {
        assert!(
            !e.to_string().contains("internal error"),
            "{name}: a reader panicked: {e}"
        );
    }
    assert!(peak < mem, "{name}: peak {peak} bytes, allowed {mem}");
    r
}

/// Asserts the exact outcome of a read (see [`outcome`]).
fn expect_outcome(name: &str, r: &Result<kehoach_parse::Parsed, ParseError>, want: &str) {
    assert_eq!(outcome(r), want, "{name}");
}

/// Asserts that a read was refused by the limit `flag`, with exactly the outcome `want`
/// (`limit: <message>`), and returns the error.
fn expect_limit(
    r: Result<kehoach_parse::Parsed, ParseError>,
    flag: &str,
    want: &str,
) -> ParseError {
    match r {
        Err(e @ ParseError::Limit { .. }) | Err(e @ ParseError::TimeLimit { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains(flag), "expected {flag} in: {msg}");
            assert!(msg.starts_with("limit exceeded:"), "{msg}");
            assert_eq!(format!("{}: {msg}", e.code()), want);
            e
        }
        Err(e) => panic!("expected a limit naming {flag}, got: {e}"),
        Ok(_) => panic!("expected a limit naming {flag}, got a document"),
    }
}

// ---------------------------------------------------------------------------------------
// Building packages by hand, so that sizes and headers can lie.

struct Entry<'a> {
    name: &'a str,
    /// 0 stored, 8 deflated.
    method: u16,
    data: &'a [u8],
    crc: u32,
    /// The uncompressed size the headers declare.
    size: u32,
}

fn zip_raw(entries: &[Entry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let head = |sig: u32, central_dir: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central_dir {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&20u16.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // flags
            h.extend_from_slice(&e.method.to_le_bytes());
            h.extend_from_slice(&0u32.to_le_bytes()); // time, date
            h.extend_from_slice(&e.crc.to_le_bytes());
            h.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            h.extend_from_slice(&e.size.to_le_bytes());
            h.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_dir {
                h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(e.name.as_bytes());
            h
        };
        out.extend(head(0x0403_4b50, false));
        central.extend(head(0x0201_4b50, true));
        out.extend_from_slice(e.data);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc(data: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(data);
    h.finalize()
}

/// A package with this document.xml (stored, so the XML is what the test wrote).
fn docx(document: &[u8]) -> Vec<u8> {
    docx_with(document, None)
}

fn docx_with(document: &[u8], numbering: Option<&[u8]>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(document).unwrap();
        if let Some(n) = numbering {
            z.start_file("word/numbering.xml", opts).unwrap();
            z.write_all(n).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

use kehoach_testkit::make::{word_body as body, W};

/// A raw deflate stream: `head`, then spaces up to `megabytes` MB in all. Only the first two
/// megabytes are compressed; every later megabyte is the second one's compressed block
/// again (a sync-flushed block of matches into a window of spaces decodes the same anywhere
/// after the first), so a stream for gigabytes costs milliseconds to make.
fn space_bomb(head: &[u8], megabytes: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::best(), false);
    let mut block = |input: &[u8], flush: FlushCompress| {
        let mut out = Vec::with_capacity(input.len() / 100 + 4096);
        let start = c.total_in();
        loop {
            let done = (c.total_in() - start) as usize;
            if out.len() == out.capacity() {
                out.reserve(4096);
            }
            c.compress_vec(&input[done..], &mut out, flush).unwrap();
            if (c.total_in() - start) as usize == input.len() && out.len() < out.capacity() {
                return out;
            }
        }
    };
    let mut first = head.to_vec();
    first.resize(1 << 20, b' ');
    let a = block(&first, FlushCompress::Sync);
    let b = block(&vec![b' '; 1 << 20], FlushCompress::Sync);
    let f = block(&[], FlushCompress::Finish);
    let mut out = a;
    for _ in 1..megabytes {
        out.extend_from_slice(&b);
    }
    out.extend_from_slice(&f);
    out
}

#[test]
fn space_bomb_is_a_valid_stream() {
    let s = space_bomb(b"<x>", 3);
    let mut d = flate2::read::DeflateDecoder::new(&s[..]);
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut d, &mut out).unwrap();
    assert_eq!(out.len(), 3 << 20);
    assert!(out.starts_with(b"<x>   "));
    assert!(out[3..].iter().all(|&b| b == b' '));
}

const BOMB_HEAD: &[u8] = br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#;

// ---------------------------------------------------------------------------------------
// Zip bombs.

/// ~42 KB of zip whose document.xml inflates to ~40 MB (ratio ~1000): refused by the
/// inflation ratio after inflating at most 200 × its compressed size.
#[test]
fn zip_bomb_small_is_refused_by_ratio() {
    let data = space_bomb(BOMB_HEAD, 40);
    let zip = zip_raw(&[Entry {
        name: "word/document.xml",
        method: 8,
        data: &data,
        crc: 0,
        size: 40 << 20,
    }]);
    assert!(zip.len() < 60_000, "{}", zip.len());
    let r = bounded("zip bomb 42 KB", &zip, &Limits::default(), 40 * MB);
    expect_limit(r, "--max-inflate-ratio", "limit: limit exceeded: the inflation ratio of a zip entry is 201, the limit is 200; raise it with --max-inflate-ratio");
}

/// A zip of a few MB whose document.xml honestly declares 4 GB - 1: refused from the header,
/// before inflating anything.
#[test]
fn zip_bomb_gigabytes_declared_is_refused_before_inflating() {
    let data = space_bomb(BOMB_HEAD, 4095);
    let zip = zip_raw(&[Entry {
        name: "word/document.xml",
        method: 8,
        data: &data,
        crc: 0,
        size: u32::MAX,
    }]);
    let r = bounded("zip bomb 4 GB declared", &zip, &Limits::default(), 2 * MB);
    expect_limit(r, "--max-entry-bytes", "limit: limit exceeded: the inflated size of a zip entry (bytes) is 4294967295, the limit is 268435456; raise it with --max-entry-bytes");
}

/// The same gigabytes behind headers that lie (declared 1 KB): inflation stops at the
/// entry-size limit and memory stays near it.
#[test]
fn zip_bomb_gigabytes_lying_header_stops_at_entry_limit() {
    let data = space_bomb(BOMB_HEAD, 4095);
    let zip = zip_raw(&[Entry {
        name: "word/document.xml",
        method: 8,
        data: &data,
        crc: 0,
        size: 1024,
    }]);
    let limits = Limits {
        max_entry_bytes: 16 * MB,
        ..Limits::default()
    };
    let r = bounded("zip bomb lying header", &zip, &limits, 48 * MB);
    expect_outcome(
        "zip bomb lying header",
        &r,
        "limit: limit exceeded: the inflated size of a zip entry (bytes) is 16777217, the limit is 16777216; raise it with --max-entry-bytes",
    );
}

/// Many entries, each a small bomb (only document.xml and numbering.xml are ever read).
#[test]
fn zip_entry_count_is_limited() {
    let names: Vec<String> = (0..2_000).map(|i| format!("junk/{i}.xml")).collect();
    let mut entries: Vec<Entry<'_>> = names
        .iter()
        .map(|n| Entry {
            name: n,
            method: 0,
            data: b"",
            crc: 0,
            size: 0,
        })
        .collect();
    let doc = body("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    entries.push(Entry {
        name: "word/document.xml",
        method: 0,
        data: doc.as_bytes(),
        crc: crc(doc.as_bytes()),
        size: doc.len() as u32,
    });
    let zip = zip_raw(&entries);
    let limits = Limits {
        max_zip_entries: 1_000,
        ..Limits::default()
    };
    expect_limit(
        bounded("2,000 entries", &zip, &limits, 8 * MB),
        "--max-zip-entries", "limit: limit exceeded: the number of zip entries is 2001, the limit is 1000; raise it with --max-zip-entries");
    // Within the default limit it reads.
    let r = bounded("2,000 entries, default", &zip, &Limits::default(), 8 * MB);
    expect_outcome("2,000 entries, default", &r, "ok: 1 blocks, 0 items");
}

// ---------------------------------------------------------------------------------------
// XML bombs and external entities.

#[test]
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from(r#"<!DOCTYPE w:document [<!ENTITY lol "lol">"#);
    dtd.push_str(r#"<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#);
    for i in 2..=9 {
        let p = format!("&lol{};", i - 1);
        dtd.push_str(&format!(r#"<!ENTITY lol{i} "{}">"#, p.repeat(10)));
    }
    dtd.push(']');
    dtd.push('>');
    let xml = format!(
        r#"<?xml version="1.0"?>{dtd}<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let r = bounded(
        "billion laughs",
        &docx(xml.as_bytes()),
        &Limits::default(),
        4 * MB,
    );
    let e = r.expect_err("an undefined entity is an error");
    assert_eq!(e.code(), "corrupt", "{e}");
    assert!(e.to_string().contains("never expanded"), "{e}");
}

#[test]
fn external_entities_are_never_followed() {
    let secret = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let cases = [
        // In text.
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#
        ),
        // In an attribute value.
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:pPr><w:pStyle w:val="&xxe;"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#
        ),
        // A parameter entity pulling an external DTD.
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]><w:document {W}><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#
        ),
        // An external DTD.
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE d SYSTEM "file:///etc/passwd"><w:document {W}><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#
        ),
    ];
    for (i, xml) in cases.iter().enumerate() {
        let r = bounded(
            &format!("xxe {i}"),
            &docx(xml.as_bytes()),
            &Limits::default(),
            4 * MB,
        );
        let shown = match &r {
            Ok(p) => format!("{:?}", p.document),
            Err(e) => e.to_string(),
        };
        assert!(!shown.contains("root:x:0"), "case {i} read /etc/passwd");
        // An entity in text is undefined (never expanded); in an attribute, a parameter
        // entity or an external DTD, it is never resolved and the paragraph reads.
        let want = if i == 0 {
            "corrupt: the file is damaged: word/document.xml uses an entity that is not defined (at 1..4: unrecognized entity `xxe`); DOCTYPE entities are never expanded"
        } else {
            "ok: 1 blocks, 0 items"
        };
        expect_outcome(&format!("xxe {i}"), &r, want);
        if !secret.is_empty() {
            let first = secret.lines().next().unwrap();
            assert!(!shown.contains(first), "case {i} read /etc/passwd");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Nesting and size.

fn nested_tables(depth: usize) -> String {
    let open = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>";
    let close = "</w:tc></w:tr></w:tbl>";
    body(&format!("{}{}", open.repeat(depth), close.repeat(depth)))
}

#[test]
fn tables_nested_10000_deep_are_refused_by_depth() {
    let d = docx(nested_tables(10_000).as_bytes());
    expect_limit(
        bounded("10,000 nested tables", &d, &Limits::default(), 8 * MB),
        "--max-table-depth", "limit: limit exceeded: the nesting depth of tables in tables is 33, the limit is 32; raise it with --max-table-depth (at most 100)");
    // With tables allowed deeper, the XML depth limit refuses them.
    let limits = Limits {
        max_table_depth: 100,
        ..Limits::default()
    };
    expect_limit(
        bounded("10,000 nested tables, table depth 100", &d, &limits, 8 * MB),
        "--max-xml-depth", "limit: limit exceeded: the XML nesting depth is 257, the limit is 256; raise it with --max-xml-depth");
}

#[test]
fn elements_nested_10000_deep_are_refused_by_depth() {
    let d = docx(
        body(&format!(
            "{}{}",
            "<w:sdt><w:sdtContent>".repeat(5_000),
            "</w:sdtContent></w:sdt>".repeat(5_000)
        ))
        .as_bytes(),
    );
    expect_limit(
        bounded("10,000 nested elements", &d, &Limits::default(), 8 * MB),
        "--max-xml-depth", "limit: limit exceeded: the XML nesting depth is 257, the limit is 256; raise it with --max-xml-depth");
}

#[test]
fn tables_nested_deep_with_raised_depth_limit_do_not_overflow_the_stack() {
    // A user who raises the XML depth must not get a stack overflow (an abort no
    // catch_unwind can stop): tables nested deeper than --max-table-depth are refused, and
    // that limit has a ceiling.
    let d = docx(nested_tables(10_000).as_bytes());
    let limits = Limits {
        max_xml_depth: 1_000_000,
        max_table_depth: u64::MAX,
        ..Limits::default()
    };
    let r = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            bounded("10,000 nested tables, depth raised", &d, &limits, 64 * MB).map(|_| ())
        })
        .unwrap()
        .join()
        .expect("no panic");
    expect_limit(r.map(|_| unreachable!()), "--max-table-depth", "limit: limit exceeded: the nesting depth of tables in tables is 101, the limit is 100; raise it with --max-table-depth (at most 100)");
}

#[test]
fn elements_are_limited() {
    let d = docx(body(&"<w:p/>".repeat(50_000)).as_bytes());
    let limits = Limits {
        max_xml_elements: 10_000,
        ..roomy()
    };
    expect_limit(
        bounded("50,000 paragraphs", &d, &limits, 16 * MB),
        "--max-xml-elements", "limit: limit exceeded: the number of XML elements in a part is 10001, the limit is 10000; raise it with --max-xml-elements");
}

fn table_rows(rows: usize, cols: usize) -> String {
    let mut s = String::from("<w:tbl><w:tr>");
    for h in ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"]
        .iter()
        .take(cols)
    {
        s.push_str(&format!(
            "<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>"
        ));
    }
    s.push_str("</w:tr>");
    for r in 0..rows {
        s.push_str("<w:tr>");
        s.push_str(&format!(
            "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
            r + 1
        ));
        for c in 1..cols {
            s.push_str(&format!(
                "<w:tc><w:p><w:r><w:t>Việc {r} cột {c}</w:t></w:r></w:p></w:tc>"
            ));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    body(&s)
}

#[test]
fn table_of_100000_rows_is_read_within_limits() {
    let d = docx(table_rows(100_000, 4).as_bytes());
    let r = bounded("100,000-row table", &d, &roomy(), 512 * MB);
    expect_outcome("100,000-row table", &r, "ok: 1 blocks, 100000 items");
    // The row count, not the clock, bounds the work: one row fewer than the table holds is
    // refused by name.
    let limits = Limits {
        max_table_rows: 100_000,
        ..roomy()
    };
    let r = bounded("100,000-row table, limit 100,000", &d, &limits, 512 * MB);
    expect_outcome(
        "100,000-row table, limit 100,000",
        &r,
        "limit: limit exceeded: the number of rows in a table is 100001, the limit is 100000; raise it with --max-table-rows",
    );
}

#[test]
fn table_rows_are_limited() {
    let d = docx(table_rows(10_000, 2).as_bytes());
    let limits = Limits {
        max_table_rows: 5_000,
        ..roomy()
    };
    expect_limit(
        bounded("10,000 rows, limit 5,000", &d, &limits, 64 * MB),
        "--max-table-rows", "limit: limit exceeded: the number of rows in a table is 5001, the limit is 5000; raise it with --max-table-rows");
}

#[test]
fn cells_are_limited() {
    let d = docx(table_rows(2_000, 4).as_bytes());
    let limits = Limits {
        max_cells: 1_000,
        ..roomy()
    };
    expect_limit(
        bounded("8,000 cells, limit 1,000", &d, &limits, 64 * MB),
        "--max-cells", "limit: limit exceeded: the number of table cells is 1001, the limit is 1000; raise it with --max-cells");
}

#[test]
fn file_size_is_limited() {
    let d = docx(table_rows(100, 4).as_bytes());
    let limits = Limits {
        max_file_bytes: 1_000,
        ..Limits::default()
    };
    expect_limit(bounded("file size", &d, &limits, MB), "--max-file-bytes", "limit: limit exceeded: the file size (bytes) is 1534, the limit is 1000; raise it with --max-file-bytes");
}

#[test]
fn entry_size_is_limited() {
    let d = docx(table_rows(1_000, 4).as_bytes());
    let limits = Limits {
        max_entry_bytes: 10_000,
        ..Limits::default()
    };
    expect_limit(
        bounded("entry size", &d, &limits, 4 * MB),
        "--max-entry-bytes", "limit: limit exceeded: the inflated size of a zip entry (bytes) is 253982, the limit is 10000; raise it with --max-entry-bytes");
}

#[test]
fn inflate_ratio_is_limited() {
    // Generated text compresses well; a limit of 3 refuses it once past the 1 MB floor.
    let d = docx(table_rows(20_000, 4).as_bytes());
    let limits = Limits {
        max_inflate_ratio: 3,
        ..Limits::default()
    };
    expect_limit(
        bounded("inflate ratio", &d, &limits, 16 * MB),
        "--max-inflate-ratio", "limit: limit exceeded: the inflation ratio of a zip entry is 5, the limit is 3; raise it with --max-inflate-ratio");
}

/// Wide spans and large gridBefore values do not make the table (or the plan) scale with
/// the width they claim.
#[test]
fn wide_spans_stay_cheap() {
    let mut s = String::from("<w:tbl>");
    for _ in 0..2_000 {
        s.push_str("<w:tr><w:trPr>");
        s.push_str(&r#"<w:gridBefore w:val="999999"/>"#.repeat(20));
        s.push_str("</w:trPr>");
        s.push_str(
            &r#"<w:tc><w:tcPr><w:gridSpan w:val="999999"/><w:vMerge/></w:tcPr><w:p/></w:tc>"#
                .repeat(20),
        );
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    let d = docx(body(&s).as_bytes());
    let r = bounded("wide spans", &d, &roomy(), 128 * MB);
    expect_limit(r, "--max-cells", "limit: limit exceeded: the area of a table (rows × grid columns) is 80000000, the limit is 2000000; raise it with --max-cells");
    // Within the area limit: an item table whose rows span 1,000 grid columns.
    let mut s = String::from("<w:tbl><w:tr>");
    for h in ["STT", "Nội dung", "Cơ quan chủ trì"] {
        s.push_str(&format!(
            "<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>"
        ));
    }
    s.push_str("</w:tr>");
    for r in 0..1_000 {
        s.push_str(&format!(r#"<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>Việc</w:t></w:r></w:p></w:tc></w:tr>"#, r + 1));
    }
    s.push_str("</w:tbl>");
    let d = docx(body(&s).as_bytes());
    let r = bounded("spans of 1,000 columns", &d, &roomy(), 128 * MB);
    expect_outcome("spans of 1,000 columns", &r, "ok: 1 blocks, 1000 items");
}

/// vMerge: rows of many cells, alternately restarting and continuing merges.
#[test]
fn many_vertical_merges_stay_cheap() {
    let mut s = String::from("<w:tbl>");
    for r in 0..400 {
        s.push_str("<w:tr>");
        let v = if r % 2 == 0 { "restart" } else { "continue" };
        for _ in 0..500 {
            s.push_str(&format!(
                r#"<w:tc><w:tcPr><w:vMerge w:val="{v}"/></w:tcPr><w:p/></w:tc>"#
            ));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    let d = docx(body(&s).as_bytes());
    let r = bounded("vMerge 400×500", &d, &roomy(), 256 * MB);
    expect_outcome("vMerge 400×500", &r, "ok: 1 blocks, 0 items");
}

/// A numbering part whose level text is huge and whose counter starts at u32::MAX in roman
/// numerals, used by many paragraphs: labels stay short, nothing overflows.
#[test]
fn numbering_bomb_stays_small() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
        "%1".repeat(100_000)
    );
    let p = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
    let d = docx_with(
        body(&p.repeat(20_000)).as_bytes(),
        Some(numbering.as_bytes()),
    );
    let r = bounded("numbering bomb", &d, &roomy(), 128 * MB);
    expect_outcome("numbering bomb", &r, "ok: 20000 blocks, 0 items");
}

// ---------------------------------------------------------------------------------------
// Time.

/// The time limit without a clock race: a deadline already past refuses every reader's
/// input with the time-limit error, whatever the machine's load. (That a long document is
/// stopped *soon* after the deadline rests on the readers checking it every few thousand
/// steps; the count limits above bound the steps.)
#[test]
fn an_expired_deadline_stops_every_reader() {
    let past = Some(Instant::now());
    let big = docx(table_rows(100_000, 4).as_bytes());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("100,000-row docx", big),
        (
            "docx fixture",
            std::fs::read(fixture("docx/004_eb12abc5933443e7.A.docx")).unwrap(),
        ),
        (
            "pdf fixture",
            std::fs::read(fixture("pdf/004_eb12abc5933443e7.A.pdf")).unwrap(),
        ),
        (
            "html",
            "<html><body><table><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr><tr><td>1</td><td>Rà soát hồ sơ</td><td>Sở Nội vụ</td></tr></table></body></html>"
                .as_bytes()
                .to_vec(),
        ),
        (
            "text",
            "KẾ HOẠCH\nThực hiện chuyển đổi số năm 2027\n1. Rà soát thủ tục hành chính\n"
                .as_bytes()
                .to_vec(),
        ),
    ];
    for (name, bytes) in &cases {
        for (max_seconds, shown) in [(60.0, "60"), (0.05, "0.05")] {
            let limits = Limits {
                max_seconds,
                deadline: past,
                ..roomy()
            };
            let r = bounded(name, bytes, &limits, 64 * MB);
            expect_outcome(
                name,
                &r,
                &format!("limit: limit exceeded: the document took longer than {shown} s to read; raise it with --max-seconds"),
            );
        }
    }
}

/// `max_seconds` sets the deadline when a read starts, unless the caller set one; `0`
/// means no deadline at all.
#[test]
fn the_deadline_comes_from_max_seconds() {
    assert!(Limits::default().started().deadline.is_some());
    let none = Limits {
        max_seconds: 0.0,
        ..Limits::default()
    };
    assert_eq!(none.started().deadline, None);
    assert_eq!(none.check_time().map_err(|e| e.to_string()), Ok(()));
    let set = Some(Instant::now());
    let kept = Limits {
        deadline: set,
        ..Limits::default()
    };
    assert_eq!(kept.started().deadline, set);
    assert_eq!(
        kept.check_time().map_err(|e| e.to_string()),
        Err("limit exceeded: the document took longer than 60 s to read; raise it with --max-seconds".to_string())
    );
    // Without a deadline the same document reads.
    let d = docx(table_rows(1_000, 4).as_bytes());
    let r = bounded("no deadline", &d, &none, 64 * MB);
    expect_outcome("no deadline", &r, "ok: 1 blocks, 1000 items");
}

// ---------------------------------------------------------------------------------------
// Broken files.

#[test]
fn truncated_packages_end_cleanly() {
    let good = std::fs::read(fixture("docx/004_eb12abc5933443e7.A.docx")).unwrap();
    for i in 0..64 {
        let cut = good.len() * i / 64;
        let r = bounded(
            &format!("truncated at {cut}"),
            &good[..cut],
            &Limits::default(),
            64 * MB,
        );
        // The zip directory is at the end: every cut loses it.
        let want = if cut == 0 {
            "empty: the file is empty"
        } else {
            "corrupt: the file is damaged: not a valid zip archive (Could not find EOCD); the file may be truncated"
        };
        expect_outcome(&format!("truncated at {cut}"), &r, want);
    }
}

#[test]
fn truncated_xml_is_an_error() {
    let xml = body(&"<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>".repeat(100));
    for cut in [10, 100, xml.len() / 2, xml.len() - 5] {
        let r = bounded(
            "truncated xml",
            &docx(&xml.as_bytes()[..cut]),
            &Limits::default(),
            4 * MB,
        );
        assert_eq!(r.expect_err("truncated").code(), "corrupt");
    }
}

/// A tiny deterministic generator (no dependency): xorshift.
fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn empty_and_random_files_with_document_names_end_cleanly() {
    let dir = std::env::temp_dir().join(format!("kehoach-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for ext in ["docx", "pdf", "html", "txt"] {
        let empty = dir.join(format!("empty.{ext}"));
        std::fs::write(&empty, b"").unwrap();
        let r = read_document(&std::fs::read(&empty).unwrap(), &Limits::default());
        assert!(matches!(r, Err(ParseError::Empty)), "{ext}");
        for seed in 1..=8u64 {
            let mut bytes = random_bytes(seed, 64 << 10);
            // Give some of them the magic of what their name claims.
            match (ext, seed % 2) {
                ("docx", 0) => bytes[..4].copy_from_slice(b"PK\x03\x04"),
                ("pdf", 0) => bytes[..5].copy_from_slice(b"%PDF-"),
                ("html", 0) => bytes[..6].copy_from_slice(b"<html>"),
                _ => {}
            }
            let f = dir.join(format!("random{seed}.{ext}"));
            std::fs::write(&f, &bytes).unwrap();
            let name = format!("random{seed}.{ext}");
            let r = bounded(
                &name,
                &std::fs::read(&f).unwrap(),
                &Limits::default(),
                64 * MB,
            );
            // Sniffed by content, not by name: without a magic, random bytes are binary;
            // with one, the reader it names refuses them.
            let want = match (ext, seed % 2) {
                ("docx", 0) => "corrupt: the file is damaged: not a valid zip archive (Could not find EOCD); the file may be truncated",
                ("pdf", 0) => "corrupt: the file is damaged: the PDF cannot be read: failed parsing cross reference table",
                ("html", 0) => "unsupported: not a document kehoach can read (binary data, not HTML (it contains NUL characters))",
                _ => "unsupported: not a document kehoach can read (binary data that is not a document kehoach reads (.docx, .doc, .rtf, .xlsx, .pdf, HTML or text))",
            };
            expect_outcome(&name, &r, want);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Apache POI's fuzzed, truncated, encrypted and odd files: each has its exact outcome, and
/// the folder holds exactly these.
#[test]
fn poi_files_end_cleanly() {
    const NOT_ZIP_CDFH: &str = "corrupt: the file is damaged: not a valid zip archive (Invalid CDFH offset in EOCD); the file may be truncated";
    let want: &[(&str, &str)] = &[
        ("Numbering.docx", "ok: 22 blocks, 0 items"),
        (
            "bug53475-password-is-pass.docx",
            "encrypted: the document is encrypted or password-protected (an encrypted Office package: a .docx saved with a password to open); save an unprotected copy and try again",
        ),
        (
            "clusterfuzz-testcase-minimized-POIFuzzer-6709287337197568.docx",
            NOT_ZIP_CDFH,
        ),
        (
            "clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx",
            NOT_ZIP_CDFH,
        ),
        (
            "clusterfuzz-testcase-minimized-POIXWPFFuzzer-4959857092198400.docx",
            NOT_ZIP_CDFH,
        ),
        ("delins.docx", "ok: 25 blocks, 0 items"),
        (
            "truncated62886.docx",
            "corrupt: the file is damaged: not a valid zip archive (Could not find EOCD); the file may be truncated",
        ),
        ("zero-length.docx", "ok: 1 blocks, 0 items"),
    ];
    let files = common::fixtures_in("peer/poi", &["docx"]);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        want.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>()
    );
    for (p, (name, want)) in files.iter().zip(want) {
        let r = bounded(
            name,
            &std::fs::read(p).unwrap(),
            &Limits::default(),
            64 * MB,
        );
        expect_outcome(name, &r, want);
    }
}

/// Regressions found by fuzzing and the generated bombs of `fixtures/hostile/` (see its
/// README): each file's exact outcome within the default limits, and the folder holds
/// exactly these (a missing or renamed file fails, it is not skipped). A panic fails the
/// test; the PDF reader's caught panic, "internal error", fails it in `bounded`.
#[test]
fn fuzz_regressions_end_cleanly() {
    const BINARY: &str =
        "unsupported: not a document kehoach can read (binary data that is not a document kehoach reads (.docx, .doc, .rtf, .xlsx, .pdf, HTML or text))";
    let want: &[(&str, &str)] = &[
        ("billion_laughs.docx", "corrupt: the file is damaged: word/document.xml uses an entity that is not defined (at 1..5: unrecognized entity `lol9`); DOCTYPE entities are never expanded"),
        ("deadline_mark_after_control.txt", BINARY),
        ("deadline_theo_not_first.txt", "unsupported: not a document kehoach can read (binary data, not text (2 control characters in 23))"),
        ("docx_bullet_invalid_utf8.docx", "ok: 1 blocks, 0 items"),
        ("docx_cell_combining_mark.docx", "ok: 1 blocks, 1 items"),
        ("docx_font_name_multibyte.docx", "corrupt: the file is damaged: word/document.xml ends with 5 element(s) still open: the part is truncated"),
        ("empty.docx", "empty: the file is empty"),
        ("nested_tables_10000.docx", "limit: limit exceeded: the nesting depth of tables in tables is 33, the limit is 32; raise it with --max-table-depth (at most 100)"),
        ("pdf_cell_marks_out_of_order.pdf", "ok: 1 blocks, 6 items"),
        ("pdf_rule_at_f32_max.pdf", "ok: 1 blocks, 0 items"),
        ("random.docx", BINARY),
        ("random.html", BINARY),
        ("random.pdf", BINARY),
        ("random.txt", BINARY),
        ("text_control_chars.txt", BINARY),
        ("text_control_inside_word.txt", BINARY),
        ("text_mark_after_space.txt", "ok: 1 blocks, 0 items"),
        ("text_marks_out_of_order.txt", BINARY),
        ("text_marks_unordered_in_word.txt", "ok: 1 blocks, 0 items"),
        ("text_tibetan_vowel_signs.txt", "ok: 1 blocks, 0 items"),
        ("truncated_004.docx", "corrupt: the file is damaged: not a valid zip archive (Could not find EOCD); the file may be truncated"),
        ("xxe_passwd.docx", "corrupt: the file is damaged: word/document.xml uses an entity that is not defined (at 1..4: unrecognized entity `xxe`); DOCTYPE entities are never expanded"),
        ("zip_bomb_42k.docx", "limit: limit exceeded: the inflation ratio of a zip entry is 201, the limit is 200; raise it with --max-inflate-ratio"),
    ];
    let mut files: Vec<_> = std::fs::read_dir(fixture("hostile"))
        .expect("fixtures/hostile")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|x| x != "md"))
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        want.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>()
    );
    for (p, (name, want)) in files.iter().zip(want) {
        let bytes = std::fs::read(p).unwrap();
        let r = bounded(name, &bytes, &Limits::default(), 256 * MB);
        expect_outcome(name, &r, want);
    }
}

/// Fuzz find (docx_xml, `fixtures/hostile/docx_font_name_multibyte.docx`): a `w:rFonts` name
/// with a multi-byte character across byte 4 (".Vcơ") panicked in `encoding_of_font`, which
/// sliced the name at byte 4. Such a name is no legacy font; the run reads as Unicode.
#[test]
fn font_name_with_a_multibyte_character_reads() {
    let doc = body(
        r#"<w:p><w:r><w:rPr><w:rFonts w:ascii=".Vcơ" w:hAnsi="VNIơ"/></w:rPr><w:t>Kế hoạch</w:t></w:r></w:p>"#,
    );
    let p = parse_bytes(&docx(doc.as_bytes()), &Limits::default()).expect("reads");
    match &p.document.blocks[..] {
        [kehoach_parse::model::Block::Paragraph(para)] => assert_eq!(para.text, "Kế hoạch"),
        other => panic!("{other:?}"),
    }
}

/// Writes the small hostile files of `fixtures/hostile/` that the batch tests mix with good
/// documents: `KEHOACH_WRITE_HOSTILE=1 cargo test -p kehoach-parse --test hostile -- --ignored`.
#[test]
#[ignore]
fn write_hostile_fixtures() {
    if std::env::var_os("KEHOACH_WRITE_HOSTILE").is_none() {
        return;
    }
    let dir = fixture("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let bomb = space_bomb(BOMB_HEAD, 40);
    put(
        "zip_bomb_42k.docx",
        &zip_raw(&[Entry {
            name: "word/document.xml",
            method: 8,
            data: &bomb,
            crc: 0,
            size: 40 << 20,
        }]),
    );
    let mut dtd = String::from(r#"<!DOCTYPE w:document [<!ENTITY lol "lol">"#);
    dtd.push_str(r#"<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#);
    for i in 2..=9 {
        let p = format!("&lol{};", i - 1);
        dtd.push_str(&format!(r#"<!ENTITY lol{i} "{}">"#, p.repeat(10)));
    }
    dtd.push_str("]>");
    put(
        "billion_laughs.docx",
        &docx(format!(r#"<?xml version="1.0"?>{dtd}<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#).as_bytes()),
    );
    put(
        "xxe_passwd.docx",
        &docx(format!(r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#).as_bytes()),
    );
    put(
        "nested_tables_10000.docx",
        &docx(nested_tables(10_000).as_bytes()),
    );
    let good = std::fs::read(fixture("docx/004_eb12abc5933443e7.A.docx")).unwrap();
    put("truncated_004.docx", &good[..good.len() / 2]);
    // One empty file (the store counts identical failed files once); the batch tests make
    // the other names.
    put("empty.docx", b"");
    for (i, ext) in ["docx", "pdf", "html", "txt"].iter().enumerate() {
        put(
            &format!("random.{ext}"),
            &random_bytes(100 + i as u64, 4096),
        );
    }
}

/// Many numbering instances and many style links: resolved in one pass, not one scan each.
#[test]
fn numbering_with_many_links_stays_linear() {
    let mut n = format!("<w:numbering {W}>");
    for i in 0..30_000 {
        n.push_str(&format!(r#"<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:pStyle w:val="S{i}"/></w:lvl></w:abstractNum>"#));
    }
    for i in 0..30_000 {
        n.push_str(&format!(
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="{i}"/></w:num>"#,
            i + 1
        ));
    }
    n.push_str("</w:numbering>");
    let d = docx_with(body("<w:p/>").as_bytes(), Some(n.as_bytes()));
    let r = bounded("30,000 numbering links", &d, &roomy(), 128 * MB);
    expect_outcome("30,000 numbering links", &r, "ok: 1 blocks, 0 items");
}

// ---------------------------------------------------------------------------------------
// PDF, HTML and text.

use kehoach_testkit::make::pdf;

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

fn one_page_pdf(content: Vec<u8>) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        content,
        FONT.as_bytes().to_vec(),
    ])
}

#[test]
fn pdf_built_here_reads() {
    let p = one_page_pdf(stream("", b"BT /F1 12 Tf 72 700 Td (Ke hoach) Tj ET"));
    let r = bounded("small pdf", &p, &Limits::default(), 16 * MB);
    expect_outcome("small pdf", &r, "ok: 1 blocks, 0 items");
    let doc = r.unwrap().document;
    match &doc.blocks[..] {
        [kehoach_parse::model::Block::Paragraph(para)] => assert_eq!(para.text, "Ke hoach"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn truncated_pdfs_end_cleanly() {
    let good = std::fs::read(fixture("pdf/004_eb12abc5933443e7.A.pdf")).unwrap();
    for i in 0..32 {
        let cut = good.len() * i / 32;
        let name = format!("pdf cut at {cut}");
        let r = bounded(&name, &good[..cut], &Limits::default(), 128 * MB);
        // The cross-reference table is at the end: every cut loses it.
        let want = if cut == 0 {
            "empty: the file is empty"
        } else {
            "corrupt: the file is damaged: the PDF cannot be read: failed parsing cross reference table"
        };
        expect_outcome(&name, &r, want);
    }
}

#[test]
fn pdf_cyclic_references_end_cleanly() {
    const NO_PAGES: &str = "corrupt: the file is damaged: the PDF has no pages";
    // A page that ends up with no text at all is said to need OCR, never read as empty.
    const NO_TEXT: &str = "needs_ocr: scanned, no text layer on any of its 1 page(s): the text is an image and needs OCR: install Tesseract with its Vietnamese model (apt-get install tesseract-ocr tesseract-ocr-vie) and read it with --ocr auto, or use the signed file exported from Word or a PDF with a text layer";
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        // A page tree whose node is its own kid.
        (
            "pages kid of itself",
            NO_PAGES,
            pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
                stream("", b"BT ET"),
            ]),
        ),
        // Two page-tree nodes that are each other's kids; a page whose parent chain loops
        // (inherited attributes are looked up through /Parent).
        (
            "pages kids of each other",
            NO_PAGES,
            pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 1 /Parent 2 0 R >>".to_vec(),
                b"<< /Type /Page /Parent 3 0 R /Contents 5 0 R >>".to_vec(),
                stream("", b"BT ET"),
            ]),
        ),
        // References that only point at each other.
        (
            "reference loop",
            "ok: 1 blocks, 0 items",
            pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox 5 0 R /Resources 6 0 R /Contents 4 0 R >>".to_vec(),
                stream("", b"BT /F1 12 Tf (x) Tj ET"),
                b"6 0 R".to_vec(),
                b"5 0 R".to_vec(),
            ]),
        ),
        // A stream whose /Length is itself.
        (
            "length is itself",
            NO_TEXT,
            pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
                b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream".to_vec(),
            ]),
        ),
        // A form XObject that draws itself.
        (
            "form draws itself",
            NO_TEXT,
            pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
                stream("", b"/X Do"),
                stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>", b"/X Do /X Do"),
            ]),
        ),
    ];
    for (name, want, bytes) in cases {
        let r = bounded(name, &bytes, &Limits::default(), 64 * MB);
        expect_outcome(name, &r, want);
    }
}

/// A content stream of a few MB that inflates to gigabytes: refused at --max-stream-bytes
/// with memory near that limit.
#[test]
fn pdf_stream_bomb_is_refused() {
    let data = space_bomb(b"BT ", 4095);
    let p = one_page_pdf(stream("/Filter /FlateDecode", &zlib_wrap(&data)));
    let limits = Limits {
        max_stream_bytes: 32 * MB,
        ..Limits::default()
    };
    let r = bounded("pdf stream bomb", &p, &limits, 200 * MB);
    expect_limit(r, "--max-stream-bytes", "limit: limit exceeded: the decoded size of a PDF stream is 33554433, the limit is 33554432; raise it with --max-stream-bytes");
}

/// zlib framing around a raw deflate stream (PDF's FlateDecode is zlib); the checksum is
/// not checked before the data ends.
fn zlib_wrap(deflate: &[u8]) -> Vec<u8> {
    let mut v = vec![0x78, 0xda];
    v.extend_from_slice(deflate);
    v.extend_from_slice(&[0, 0, 0, 0]);
    v
}

#[test]
fn pdf_of_many_tiny_objects_is_refused_without_holding_them() {
    // lopdf holds every object (about 1.1 KB for "[1 2 3]": 1,900,000 of them in 92 MB took
    // 2.2 GB); they are counted as they load and dropped past the limit.
    let mut objs = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    objs.extend(std::iter::repeat_n(b"[1 2 3]".to_vec(), 250_000));
    let p = pdf(&objs);
    let limits = Limits {
        max_pdf_objects: 50_000,
        ..Limits::default()
    };
    let e = expect_limit(
        bounded("pdf 250,000 objects", &p, &limits, 128 * MB),
        "--max-pdf-objects", "limit: limit exceeded: the number of PDF objects is 250002, the limit is 50000; raise it with --max-pdf-objects");
    assert!(e.to_string().contains("the limit is 50000"), "{e}");
    // The default is 200,000.
    expect_limit(
        bounded("pdf 250,000 objects", &p, &Limits::default(), 512 * MB),
        "--max-pdf-objects", "limit: limit exceeded: the number of PDF objects is 250002, the limit is 200000; raise it with --max-pdf-objects");
}

#[test]
fn pdf_limits_are_enforced() {
    let ops = b"0 0 m 1 1 l S\n".repeat(20_000);
    let p = one_page_pdf(stream("", &ops));
    let limits = Limits {
        max_ops_per_page: 10_000,
        ..Limits::default()
    };
    expect_limit(
        bounded("pdf ops", &p, &limits, 64 * MB),
        "--max-ops-per-page", "limit: limit exceeded: the number of content operations on one page is 10001, the limit is 10000; raise it with --max-ops-per-page");
    let limits = Limits {
        max_pdf_objects: 3,
        ..Limits::default()
    };
    expect_limit(
        bounded("pdf objects", &p, &limits, 64 * MB),
        "--max-pdf-objects", "limit: limit exceeded: the number of PDF objects is 5, the limit is 3; raise it with --max-pdf-objects");
    let limits = Limits {
        max_stream_bytes: 1_000,
        ..Limits::default()
    };
    expect_limit(
        bounded("pdf stream", &p, &limits, 64 * MB),
        "--max-stream-bytes", "limit: limit exceeded: the decoded size of a PDF stream is 1001, the limit is 1000; raise it with --max-stream-bytes");
    // The time limit: a deadline already past (no clock race).
    let limits = Limits {
        max_seconds: 0.01,
        deadline: Some(Instant::now()),
        ..Limits::default()
    };
    let r = bounded("pdf time", &p, &limits, 64 * MB);
    expect_outcome(
        "pdf time",
        &r,
        "limit: limit exceeded: the document took longer than 0.01 s to read; raise it with --max-seconds",
    );
    let good = std::fs::read(fixture("pdf/004_eb12abc5933443e7.A.pdf")).unwrap();
    let limits = Limits {
        max_pdf_pages: 1,
        ..Limits::default()
    };
    expect_limit(
        bounded("pdf pages", &good, &limits, 128 * MB),
        "--max-pdf-pages", "limit: limit exceeded: the number of PDF pages is 12, the limit is 1; raise it with --max-pdf-pages");
}

#[test]
fn encrypted_pdfs_are_refused_or_read() {
    for name in ["encrypted_user_rc4.pdf", "encrypted_user_aes256.pdf"] {
        let bytes = std::fs::read(fixture(&format!("pdf/{name}"))).unwrap();
        let r = bounded(name, &bytes, &Limits::default(), 128 * MB);
        assert_eq!(r.expect_err("needs a password").code(), "encrypted");
    }
    for name in ["encrypted_owner_rc4.pdf", "encrypted_owner_aes256.pdf"] {
        let bytes = std::fs::read(fixture(&format!("pdf/{name}"))).unwrap();
        // An owner password only restricts printing and copying: the plan reads in full.
        let r = bounded(name, &bytes, &Limits::default(), 128 * MB);
        expect_outcome(name, &r, "ok: 31 blocks, 23 items");
    }
}

#[test]
fn html_and_text_bombs_end_within_limits() {
    const DEPTH_256: &str = "limit: limit exceeded: the nesting depth of HTML elements is 257, the limit is 256; raise it with --max-xml-depth (at most 512 for HTML)";
    // Nesting 100,000 deep.
    let deep = format!("<html><body>{}x</body></html>", "<div>".repeat(100_000));
    expect_limit(
        bounded(
            "html 100,000 divs",
            deep.as_bytes(),
            &Limits::default(),
            256 * MB,
        ),
        "--max-xml-depth", "limit: limit exceeded: the nesting depth of HTML elements is 257, the limit is 256; raise it with --max-xml-depth (at most 512 for HTML)");
    // Raising the depth does not let html5ever's tree builder go quadratic: its scope checks
    // walk the open elements, and 50,000 nested divs took 40 s with the depth raised.
    let raised = Limits {
        max_xml_depth: 1_000_000,
        ..Limits::default()
    };
    let e = expect_limit(
        bounded(
            "html 100,000 divs, depth raised",
            deep.as_bytes(),
            &raised,
            256 * MB,
        ),
        "--max-xml-depth (at most 512 for HTML)", "limit: limit exceeded: the nesting depth of HTML elements is 513, the limit is 512; raise it with --max-xml-depth (at most 512 for HTML)");
    assert!(e.to_string().contains("the limit is 512"), "{e}");
    // 2,000,000 elements side by side: refused before the tree is built (a page of
    // 4,000,000 took 917 MB).
    let wide = format!("<html><body>{}</body></html>", "<i></i>".repeat(2_000_000));
    expect_limit(
        bounded(
            "html 2,000,000 elements",
            wide.as_bytes(),
            &Limits::default(),
            128 * MB,
        ),
        "--max-html-elements", "limit: limit exceeded: the number of HTML elements is 1000001, the limit is 1000000; raise it with --max-html-elements");
    // Tables nested 10,000 deep.
    let tables = format!(
        "<html><body>{}</body></html>",
        "<table><tr><td>".repeat(10_000)
    );
    let r = bounded(
        "html nested tables",
        tables.as_bytes(),
        &Limits::default(),
        256 * MB,
    );
    expect_outcome("html nested tables", &r, DEPTH_256);
    // 100,000 deep: this took a minute (the text-with-tables check searched the rest of the
    // page for "</table" at every "<table").
    let tables = format!(
        "<html><body>{}</body></html>",
        "<table><tr><td>".repeat(100_000)
    );
    let r = bounded(
        "html 100,000 nested tables",
        tables.as_bytes(),
        &Limits::default(),
        256 * MB,
    );
    expect_outcome("html 100,000 nested tables", &r, DEPTH_256);
    // A 100,000-row table.
    let mut t = String::from(
        "<html><body><table><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>",
    );
    for r in 0..100_000 {
        t.push_str(&format!(
            "<tr><td>{}</td><td>Việc {r}</td><td>Sở</td></tr>",
            r + 1
        ));
    }
    t.push_str("</table></body></html>");
    let r = bounded(
        "html 100,000 rows",
        t.as_bytes(),
        &Limits::default(),
        1024 * MB,
    );
    expect_outcome("html 100,000 rows", &r, "ok: 1 blocks, 100000 items");
    // The row count bounds the work: a limit below the table's rows refuses it by name.
    let r = bounded(
        "html 100,000 rows, limit 50,000",
        t.as_bytes(),
        &Limits {
            max_table_rows: 50_000,
            ..Limits::default()
        },
        1024 * MB,
    );
    expect_outcome(
        "html 100,000 rows, limit 50,000",
        &r,
        "limit: limit exceeded: the number of rows in a table is 50001, the limit is 50000; raise it with --max-table-rows",
    );
    // Entities and an external DTD are not fetched.
    let xxe = r#"<!DOCTYPE html SYSTEM "file:///etc/passwd"><html><body><p>&xxe; &lol9;</p></body></html>"#;
    let r = bounded("html xxe", xxe.as_bytes(), &Limits::default(), 16 * MB);
    if let Ok(p) = &r {
        assert!(!format!("{:?}", p.document).contains("root:x:0"));
    }
    expect_outcome("html xxe", &r, "ok: 1 blocks, 0 items");
    // rowspan / colspan far past any real table.
    let spans = "<html><body><table><tr><td rowspan=\"2147483647\" colspan=\"2147483647\">x</td></tr><tr><td>y</td></tr></table></body></html>";
    let r = bounded(
        "html huge spans",
        spans.as_bytes(),
        &Limits::default(),
        256 * MB,
    );
    expect_outcome("html huge spans", &r, "ok: 1 blocks, 0 items");
    // Text: one 50 MB line, and 1,000,000 short lines.
    let line = "a".repeat(50 << 20);
    let r = bounded(
        "text one 50 MB line",
        line.as_bytes(),
        &Limits::default(),
        1024 * MB,
    );
    expect_outcome("text one 50 MB line", &r, "ok: 1 blocks, 0 items");
    let lines = "1\tViệc\tSở\n".repeat(1_000_000);
    let r = bounded(
        "text 1,000,000 lines",
        lines.as_bytes(),
        &Limits::default(),
        1024 * MB,
    );
    // A tab-separated table of a million rows: refused by the row limit.
    expect_outcome(
        "text 1,000,000 lines",
        &r,
        "limit: limit exceeded: the number of rows in a table is 1000000, the limit is 200000; raise it with --max-table-rows",
    );
}

/// A root declaring thousands of namespace prefixes: resolving each element must not scan
/// them all (50,000 prefixes and 100,000 paragraphs took 44 s in release; now 0.2 s).
#[test]
fn many_namespace_declarations_stay_linear() {
    let decl: Vec<String> = (0..20_000)
        .map(|i| format!(r#"xmlns:p{i}="urn:x{i}""#))
        .collect();
    let xml = format!(
        r#"<?xml version="1.0"?><w:document {W} {}><w:body>{}</w:body></w:document>"#,
        decl.join(" "),
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(40_000)
    );
    let d = docx(xml.as_bytes());
    let r = bounded("20,000 namespace prefixes", &d, &roomy(), 128 * MB);
    expect_outcome("20,000 namespace prefixes", &r, "ok: 40000 blocks, 0 items");
}
