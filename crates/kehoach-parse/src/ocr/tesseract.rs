//! Running the `tesseract` program and reading its TSV output.
//!
//! The program, not libtesseract bindings: Debian's `tesseract-ocr` package is how the
//! engine is installed everywhere we run, the program needs no C toolchain or headers to
//! build kehoach, a crash or a hang in the engine stays in a child process we can kill
//! (the per-page time limit), and its TSV output has everything we use: each word's box,
//! line and confidence. The cost is writing the page as PGM to its stdin and starting a
//! process: a few milliseconds against the seconds the engine spends on a page (measured
//! in the README section on OCR).

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::image::Gray;

/// How to install the engine, named in every message that says OCR could not run.
pub const INSTALL_HINT: &str = "apt-get install tesseract-ocr tesseract-ocr-vie";

/// One recognised word: its box in image pixels, its line and its confidence (0–100).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub conf: f32,
    /// (block, paragraph, line) numbers: words with the same key are one line.
    pub line: (u32, u32, u32),
    pub text: String,
}

/// Whether `tesseract` runs here and has the Vietnamese model (asked once per process).
pub fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        Command::new("tesseract")
            .arg("--list-langs")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .is_ok_and(|o| {
                o.status.success()
                    && String::from_utf8_lossy(&o.stdout)
                        .lines()
                        .any(|l| l.trim() == "vie")
            })
    })
}

/// The engine's version line ("tesseract 5.3.0"), for the record.
pub fn version() -> String {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            Command::new("tesseract")
                .arg("--version")
                .stdin(Stdio::null())
                .output()
                .ok()
                .and_then(|o| {
                    let all = [o.stdout, o.stderr].concat();
                    String::from_utf8_lossy(&all)
                        .lines()
                        .next()
                        .map(|l| l.trim().to_string())
                })
                .unwrap_or_else(|| "tesseract".into())
        })
        .clone()
}

/// Recognises an image with the Vietnamese model; killed when `deadline` passes.
///
/// Page segmentation mode 4 (one column of text of varying sizes) reads a plan's page in
/// order: with the ruling lines erased, a table row is read as a line whose cells are words
/// far apart, which the layout splits again at the rules. One engine thread per process
/// (`OMP_THREAD_LIMIT=1`): pages run in parallel instead.
pub fn recognise(img: &Gray, dpi: u32, deadline: Instant) -> Result<Vec<Word>, String> {
    run(img, dpi, "4", deadline)
}

/// Recognises an image as one uniform block of text (mode 6): the strip of cut-out cells of
/// `cells.rs`.
pub fn recognise_block(img: &Gray, dpi: u32, deadline: Instant) -> Result<Vec<Word>, String> {
    run(img, dpi, "6", deadline)
}

fn run(img: &Gray, dpi: u32, psm: &str, deadline: Instant) -> Result<Vec<Word>, String> {
    let mut child = Command::new("tesseract")
        .args([
            "stdin",
            "stdout",
            "-l",
            "vie",
            "--psm",
            psm,
            "--dpi",
            &dpi.to_string(),
        ])
        .args(["-c", "preserve_interword_spaces=1", "tsv"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("tesseract could not be run ({e}); install it: {INSTALL_HINT}"))?;
    let out =
        feed_and_wait(&mut child, &img.pgm(), deadline).map_err(|e| format!("tesseract: {e}"))?;
    Ok(parse_tsv(&String::from_utf8_lossy(&out)))
}

/// Writes `input` to a child's stdin, collects its stdout and waits for it, killing it when
/// `deadline` passes.
pub fn feed_and_wait(
    child: &mut Child,
    input: &[u8],
    deadline: Instant,
) -> Result<Vec<u8>, String> {
    let stdin = child.stdin.take();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(&input);
        }
    });
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = writer.join();
                let _ = reader.join();
                return Err("the page took longer than its time limit (--ocr-page-seconds); the process was stopped".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(format!("exited with {status}"));
    }
    Ok(out)
}

/// The words of Tesseract's TSV (level 5 rows with text); malformed rows are skipped.
pub fn parse_tsv(tsv: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.splitn(12, '\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let n = |i: usize| f[i].trim().parse::<f32>().ok().filter(|v| v.is_finite());
        let u = |i: usize| f[i].trim().parse::<u32>().ok();
        let text = f[11].trim();
        let (Some(left), Some(top), Some(width), Some(height), Some(conf)) =
            (n(6), n(7), n(8), n(9), n(10))
        else {
            continue;
        };
        let (Some(b), Some(p), Some(l)) = (u(2), u(3), u(4)) else {
            continue;
        };
        if text.is_empty() || width <= 0.0 || height <= 0.0 {
            continue;
        }
        out.push(Word {
            left,
            top,
            width,
            height,
            conf: conf.clamp(0.0, 100.0),
            line: (b, p, l),
            text: text.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_with_boxes_lines_and_confidence() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t\n\
            5\t1\t1\t1\t1\t1\t100\t50\t80\t20\t96.5\tỦy\n\
            5\t1\t1\t1\t1\t2\t190\t50\t60\t20\t91\tban\n\
            5\t1\t1\t1\t2\t1\t100\t80\t60\t20\t-1\t \n\
            5\t1\t1\t1\t2\t1\tx\t80\t60\t20\t50\tbad\n\
            5\t1\t2\t1\t1\t1\t100\t90\t60\t20\t12\tHà\tTĩnh\n";
        let w = parse_tsv(tsv);
        assert_eq!(w.len(), 3);
        assert_eq!(w[0].text, "Ủy");
        assert_eq!(w[0].line, (1, 1, 1));
        assert_eq!(w[1].conf, 91.0);
        assert_eq!(w[2].line, (2, 1, 1));
        assert_eq!(w[2].text, "Hà\tTĩnh");
        assert!(parse_tsv("").is_empty());
    }
}
