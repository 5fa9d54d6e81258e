//! The plain-text and Markdown reader.
//!
//! Text that other tools made from a plan: body paragraphs, Markdown pipe tables and
//! tab-separated tables, with the marks converters leave (`**bold**`, `# headings`, `<b>`,
//! `<i>`, `<br>` in cells). What is read, and how:
//! * body: each non-empty line is a paragraph (Word paragraphs come out one per line; blank
//!   lines separate blocks, and emphasis may span the lines of one block); `#` headings and
//!   `**`/`*` emphasis become the bold/italic flags, their marks removed;
//! * pipe tables (`| a | b |` followed by a `|---|---|` line) and tab-separated tables (two or
//!   more lines with two or more tabs each; blank lines inside are page breaks, not the end);
//! * a table cut into pieces with the header repeated at each page (only blank lines between)
//!   is read as one table whose repeated header rows are marked [`Row::repeat_header`];
//! * a row whose first (STT) cell is empty continues the row above, cut by a page break: it is
//!   merged into that row column by column (see `text/table.rs`);
//! * inline lists in a cell (`- Công an tỉnh - UBND cấp huyện`) are split into one paragraph
//!   per agency;
//! * ragged rows are padded or their extra cells joined into the last column, with a warning
//!   naming the row;
//! * HTML tables written into the text (pandoc's GFM writes complex tables so) are read by the
//!   HTML reader, spans and all.
//!
//! Soft-wrapped paragraphs (pandoc's 72-column Markdown, mail) are joined again when the whole
//! text is seen to be wrapped at a width ([`wrap_width`]): a line that reaches the width goes
//! on in the next one. Text written a paragraph per line is read a paragraph per line.
//!
//! [`Row::repeat_header`]: crate::model::Row::repeat_header

pub(crate) mod decode;
pub(crate) mod inline;
mod table;

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::{Block, Document, Format, Paragraph};

use table::{RawRow, RawTable};

/// Reads text (Markdown pipe tables, tab-separated tables) into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    limits.check_file_size(bytes.len() as u64)?;
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    let decoded = decode::decode(bytes, None);
    decode::check_textual(&decoded.text, "text")?;
    let mut doc = Document::new(Format::Text);
    doc.warnings.extend(decoded.warnings);
    read_decoded(&decoded.text, limits, &mut doc)?;
    Ok(doc)
}

/// What a run of lines is.
enum Piece<'a> {
    /// Lines of one blank-line separated block of body text, with their line numbers.
    Text(Vec<&'a str>),
    Table(RawTable),
    /// An HTML table written into the text (pandoc's GFM writes complex tables so), read by
    /// the HTML reader.
    Html(Vec<Block>),
}

/// The line after the HTML table that starts at line `i` (`<table` … its `</table>`).
fn html_table_end(lines: &[&str], i: usize) -> Option<usize> {
    let starts = |l: &str| {
        l.trim_start()
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("<table"))
    };
    if !starts(lines[i]) {
        return None;
    }
    let mut depth = 0i64;
    for (j, l) in lines.iter().enumerate().skip(i) {
        let lower = l.to_ascii_lowercase();
        depth += lower.matches("<table").count() as i64;
        depth -= lower.matches("</table").count() as i64;
        if depth <= 0 {
            return Some(j + 1);
        }
    }
    Some(lines.len())
}

/// Reads decoded text into `doc`.
pub(crate) fn read_decoded(text: &str, limits: &Limits, doc: &mut Document) -> Result<()> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut i = 0;
    let mut steps = 0u32;
    while i < lines.len() {
        steps = steps.wrapping_add(1);
        if steps.is_multiple_of(4096) {
            limits.check_time()?;
        }
        let line = lines[i];
        if line.trim().is_empty() {
            if !para.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut para)));
            }
            i += 1;
            continue;
        }
        if let Some(next) = html_table_end(&lines, i) {
            if !para.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut para)));
            }
            let snippet = lines[i..next].join("\n");
            let mut d = crate::html::read_decoded(&snippet, limits)?;
            doc.warnings.append(&mut d.warnings);
            pieces.push(Piece::Html(d.blocks));
            i = next;
            continue;
        }
        if let Some((t, next)) = pipe_table(&lines, i).or_else(|| tab_table(&lines, i)) {
            if !para.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut para)));
            }
            limits.check_rows(t.rows.len() as u64)?;
            pieces.push(Piece::Table(t));
            i = next;
            continue;
        }
        para.push(line);
        i += 1;
    }
    if !para.is_empty() {
        pieces.push(Piece::Text(para));
    }

    // Tables that follow one another with only blank lines between are pieces of one table
    // cut at page breaks when they share the header (or the later piece has none).
    let mut merged: Vec<Piece> = Vec::new();
    for p in pieces {
        let Piece::Table(mut next) = p else {
            merged.push(p);
            continue;
        };
        if let Some(Piece::Table(prev)) = merged.last_mut() {
            if table::continues(prev, &mut next) {
                prev.append(next);
                continue;
            }
        }
        merged.push(Piece::Table(next));
    }

    let wrap = wrap_width(&merged);
    let mut cells = 0u64;
    for p in merged {
        match p {
            Piece::Text(lines) => body_block(&lines, wrap, &mut doc.blocks),
            Piece::Html(blocks) => {
                for b in &blocks {
                    if let Block::Table(t) = b {
                        cells += t.rows.iter().map(|r| r.cells.len() as u64).sum::<u64>();
                    }
                }
                limits.check_cells(cells)?;
                doc.blocks.extend(blocks);
            }
            Piece::Table(t) => {
                // Refuse a huge grid before building it.
                let grid = (t.width() as u64).saturating_mul(t.rows.len() as u64);
                limits.check_cells(cells.saturating_add(grid))?;
                let t = table::build(t, &mut doc.warnings);
                cells += t.rows.iter().map(|r| r.cells.len() as u64).sum::<u64>();
                limits.check_cells(cells)?;
                limits.check_rows(t.rows.len() as u64)?;
                doc.blocks.push(Block::Table(t));
            }
        }
    }
    Ok(())
}

/// A line that is only a Markdown thematic break (`---`, `***`, `___`).
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

/// A `# heading` line: the text without its marks.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // Closing sequence: "## Title ##".
    let rest = match rest.trim_end_matches('#') {
        r if r.len() < rest.len() && (r.is_empty() || r.ends_with([' ', '\t'])) => r.trim_end(),
        _ => rest,
    };
    Some(rest)
}

/// The width a text was wrapped at, if it was: pandoc's Markdown (72 columns), mail and
/// other tools cut long paragraphs into lines of at most W characters, each ending at the
/// last space before W.
///
/// Rule: the body lines are never longer than 100 characters, and at least three of them,
/// and a fifth of the lines of the multi-line blocks, end within 12 characters of the longest
/// (lines cut at the last space before the width). Text written a paragraph per line (the
/// usual plain-text export) has long lines and is never "wrapped".
fn wrap_width(pieces: &[Piece]) -> Option<usize> {
    let mut longest = 0usize;
    let mut lens: Vec<usize> = Vec::new();
    for p in pieces {
        if let Piece::Text(lines) = p {
            for l in lines.iter() {
                let n = l.trim_end().chars().count();
                longest = longest.max(n);
                if lines.len() > 1 {
                    lens.push(n);
                }
            }
        }
    }
    if !(40..=100).contains(&longest) {
        return None;
    }
    let near = lens.iter().filter(|&&n| n + 12 >= longest).count();
    (near >= 3 && near * 5 >= lens.len()).then_some(longest)
}

/// Whether a line starts a new paragraph of its own whatever came before: a list item, a
/// heading, a table or quote mark, a numbered point ("1.", "a)", "II.").
fn starts_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['-', '+', '*', '•', '#', '>', '|', '(']) {
        return true;
    }
    let head: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    let rest = &t[head.len()..];
    !head.is_empty()
        && head.chars().count() <= 4
        && (head.chars().all(|c| c.is_ascii_digit())
            || head.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || head.chars().count() == 1)
        && rest.starts_with(['.', ')'])
}

/// One blank-line separated block of body text: a paragraph per line, or, in a text wrapped
/// at `wrap` columns ([`wrap_width`]), a line that reaches the width continued by the next.
fn body_block(lines: &[&str], wrap: Option<usize>, out: &mut Vec<Block>) {
    let mut heading_lines = Vec::new();
    let mut joined = String::new();
    let mut n = 0;
    let mut soft_wrapped = false;
    for line in lines {
        if is_rule(line) {
            continue;
        }
        let (text, is_heading) = match heading(line) {
            Some(h) => (h, true),
            None => (*line, false),
        };
        // Markdown hard breaks: two trailing spaces or a trailing backslash.
        let hard = text.ends_with('\\') || text.ends_with("  ");
        let text = text.strip_suffix('\\').unwrap_or(text);
        if n > 0 {
            if soft_wrapped && !is_heading && !starts_item(text) {
                joined.push(' ');
            } else {
                joined.push('\n');
                heading_lines.push(is_heading);
            }
        } else {
            heading_lines.push(is_heading);
        }
        joined.push_str(text.trim_end());
        // This line reached the width: it was cut there, and the next line goes on with it.
        soft_wrapped =
            !hard && !is_heading && wrap.is_some_and(|w| text.trim_end().chars().count() + 12 >= w);
        n += 1;
    }
    let parsed = inline::parse(&joined, true);
    // `<br>` in body text adds lines; headings are known per source line only.
    let same_shape = parsed.len() == heading_lines.len();
    for (k, l) in parsed.into_iter().enumerate() {
        let text = kehoach_text::clean(&l.text);
        if text.is_empty() {
            continue;
        }
        let is_heading = same_shape && heading_lines[k];
        out.push(Block::Paragraph(Paragraph {
            text,
            bold: l.bold || is_heading,
            italic: l.italic,
            ..Default::default()
        }));
    }
}

/// Splits a pipe-table line into raw cell texts.
fn pipe_cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    cells.push(cur);
    cells
}

/// `|---|:--:|` and the like.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    if !t.contains('-') || !t.contains('|') && !t.starts_with('-') {
        return false;
    }
    if !t
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '+'))
    {
        return false;
    }
    pipe_cells(t).iter().all(|c| {
        let c = c.trim();
        !c.is_empty() && c.trim_matches(':').chars().all(|x| x == '-') && c.contains('-')
    })
}

/// A pipe table starting at line `i`: the table and the index of the line after it.
fn pipe_table(lines: &[&str], i: usize) -> Option<(RawTable, usize)> {
    let first = lines[i].trim();
    if !first.contains('|') {
        return None;
    }
    let has_header = lines.get(i + 1).is_some_and(|l| is_separator(l));
    let framed = |l: &str| {
        let t = l.trim();
        t.len() >= 2 && t.starts_with('|') && t.ends_with('|')
    };
    let framed_pair = framed(first) && lines.get(i + 1).is_some_and(|l| framed(l));
    if !has_header && !framed_pair {
        return None;
    }
    let mut t = RawTable::new();
    t.rows.push(RawRow {
        line: i + 1,
        cells: pipe_cells(first),
        header: has_header,
    });
    let mut j = if has_header { i + 2 } else { i + 1 };
    while j < lines.len() {
        let l = lines[j];
        if l.trim().is_empty() || !l.contains('|') {
            break;
        }
        if is_separator(l) {
            // A separator under a data row: that row was a header too (a repeated one).
            if let Some(last) = t.rows.last_mut() {
                last.header = true;
            }
        } else {
            t.rows.push(RawRow {
                line: j + 1,
                cells: pipe_cells(l),
                header: false,
            });
        }
        j += 1;
    }
    Some((t, j))
}

fn tabs(l: &str) -> usize {
    l.bytes().filter(|&b| b == b'\t').count()
}

/// A tab-separated table starting at line `i`: two or more lines with two or more tabs (one
/// is enough for a line right below a row); blank lines inside are skipped when a tabbed line
/// follows.
fn tab_table(lines: &[&str], i: usize) -> Option<(RawTable, usize)> {
    if tabs(lines[i]) < 2 {
        return None;
    }
    let mut t = RawTable::new();
    let mut j = i;
    let mut end = i;
    let mut after_blank = false;
    while j < lines.len() {
        let l = lines[j];
        if l.trim().is_empty() {
            after_blank = true;
            j += 1;
            continue;
        }
        // A row right below another may have lost its trailing tabs; after a blank line it
        // takes two tabs to go on with the table.
        let needed = if after_blank { 2 } else { 1 };
        if tabs(l) < needed {
            break;
        }
        after_blank = false;
        t.rows.push(RawRow {
            line: j + 1,
            cells: l.split('\t').map(str::to_string).collect(),
            header: false,
        });
        j += 1;
        end = j;
    }
    if t.rows.len() < 2 {
        return None;
    }
    Some((t, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_s(s: &str) -> Document {
        read(s.as_bytes(), &Limits::default()).unwrap()
    }

    #[test]
    fn wrapped_text_is_read_as_paragraphs_again() {
        // A Hà Giang commune's plan as a mail client wraps it at 64 columns: the bases and
        // the title are cut at the width; list items and the short signer lines are not.
        let wrapped = "UỶ BAN NHÂN DÂN XÃ YÊN MINH\n\nKẾ HOẠCH\n\nTriển khai thực hiện cơ chế một cửa, một cửa liên thông trên địa\nbàn xã Yên Minh năm 2026\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm\n2025;\nCăn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của\nChính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa;\n\n- Văn phòng HĐND và UBND xã chủ trì, phối hợp với các đơn vị có\nliên quan;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n";
        let d = read_s(wrapped);
        let p: Vec<_> = d.paragraphs().map(|p| p.text.as_str()).collect();
        assert_eq!(
            p,
            [
                "UỶ BAN NHÂN DÂN XÃ YÊN MINH",
                "KẾ HOẠCH",
                "Triển khai thực hiện cơ chế một cửa, một cửa liên thông trên địa bàn xã Yên Minh năm 2026",
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa;",
                "- Văn phòng HĐND và UBND xã chủ trì, phối hợp với các đơn vị có liên quan;",
                "- Lưu: VT.",
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
            ]
        );
        // The same text a paragraph per line (long lines): read line by line, as written.
        let unwrapped = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 và các văn bản hướng dẫn thi hành;\nCăn cứ Nghị định số 118/2025/NĐ-CP;\n";
        let d = read_s(unwrapped);
        assert_eq!(d.paragraphs().count(), 2);
    }

    #[test]
    fn headings_and_emphasis() {
        let d =
            read_s("## KẾ HOẠCH\n\n**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\n- Lãnh đạo Sở;\n- Lưu: VT.\n");
        let p: Vec<_> = d.paragraphs().map(|p| (p.text.as_str(), p.bold)).collect();
        assert_eq!(
            p,
            [
                ("KẾ HOẠCH", true),
                ("KT. GIÁM ĐỐC", true),
                ("PHÓ GIÁM ĐỐC", true),
                ("- Lãnh đạo Sở;", false),
                ("- Lưu: VT.", false)
            ]
        );
    }

    #[test]
    fn pipe_and_tab_tables() {
        let d = read_s("Trước\n\n| STT | Nội dung |\n|---|---|\n| 1 | <b>Việc</b> |\n\nSau\n\nA\tB\tC\n1\t2\t3\n");
        assert_eq!(d.blocks.len(), 4);
        let tables: Vec<_> = d.tables().collect();
        assert_eq!(tables[0].grid_cols, 2);
        assert!(tables[0].rows[0].repeat_header);
        assert!(tables[0].rows[1].cells[1].is_bold());
        assert_eq!(tables[1].rows.len(), 2);
        assert_eq!(tables[1].rows[1].cells[2].text(), "3");
    }

    #[test]
    fn one_tabbed_line_is_a_paragraph() {
        let d = read_s("Nơi nhận:\t\tKT. GIÁM ĐỐC\n");
        assert_eq!(d.tables().count(), 0);
        assert_eq!(
            d.paragraphs().next().unwrap().text,
            "Nơi nhận: KT. GIÁM ĐỐC"
        );
    }

    #[test]
    fn junk_is_refused() {
        assert!(read(b"\x00\x01\x02\x03\xff\xfe", &Limits::default()).is_err());
        assert!(matches!(
            read(b"", &Limits::default()),
            Err(ParseError::Empty)
        ));
    }
}
