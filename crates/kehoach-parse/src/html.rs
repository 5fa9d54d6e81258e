//! The HTML reader, on `scraper` (html5ever): the page is parsed the way a browser parses it
//! (unclosed tags, misnested tags and stray text are repaired by the HTML5 tree builder), then
//! walked once, without recursion, into the document model.
//!
//! What is read, and how:
//! * encoding: a byte-order mark, else the `<meta charset>` / `http-equiv` declaration, else
//!   the bytes (valid UTF-8, or windows-1258, Word's Vietnamese code page) — see
//!   [`crate::text`]'s decoder; character references by html5ever; text through
//!   [`kehoach_text::clean`] (NFC: windows-1258's combining tones are composed);
//! * paragraphs: `<p>`, headings, list items and other block elements; text directly in a
//!   container between blocks is a paragraph too; `<br>` is a line break (kept as `\n` in body
//!   paragraphs as the .docx reader keeps `w:br`; a new paragraph inside a table cell, one
//!   agency per line); `<ol>` items get a list label, nested decimal lists by level ("1.2");
//! * inline tags are dropped from the text; `<b>`, `<strong>`, `<th>`, headings and CSS
//!   `font-weight: bold` set the bold flag, `<i>`, `<em>` and `font-style: italic` the italic
//!   flag (a flag is set when all the paragraph's text has it); `align` and CSS `text-align`
//!   set the alignment;
//! * tables: `colspan`/`rowspan` kept as spans, with a covered placeholder in each row a
//!   rowspan reaches; `<thead>` rows marked [`Row::repeat_header`]; nested tables in cells; a
//!   table whose cells all declare `border: none` is borderless (a layout table);
//! * dropped: `<head>`, `<script>`, `<style>`, `<template>`, `<del>` (changes read as accepted),
//!   `display: none`, comments.
//!
//! Limits: element nesting depth (`--max-xml-depth`), elements, rows per table and cells.

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use regex::bytes::Regex;
use scraper::{Html, Node};

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::{Align, Block, Cell, Document, Format, Paragraph, Row, Table};
use crate::text::decode;

/// Reads an HTML page into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    limits.check_file_size(bytes.len() as u64)?;
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    let decoded = decode::decode(bytes, declared_encoding(bytes));
    decode::check_textual(&decoded.text, "HTML")?;
    if is_text_with_tables(&decoded.text) {
        // Markdown or plain text with HTML tables in it (pandoc's GFM): the text reader reads
        // the lines and hands the tables back here.
        let mut doc = Document::new(Format::Text);
        doc.warnings.extend(decoded.warnings);
        crate::text::read_decoded(&decoded.text, limits, &mut doc)?;
        return Ok(doc);
    }
    let mut doc = read_decoded(&decoded.text, limits)?;
    let mut warnings = decoded.warnings;
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    Ok(doc)
}

/// Reads decoded HTML (a page, or a table embedded in a text file).
pub(crate) fn read_decoded(text: &str, limits: &Limits) -> Result<Document> {
    prescan(text, limits)?;
    let html = Html::parse_document(text);
    let mut w = Walker::new(limits);
    w.walk(&html)?;
    let mut doc = Document::new(Format::Html);
    doc.blocks = w.body;
    doc.warnings = w.warnings;
    if doc.blocks.is_empty() {
        doc.warnings.push("the page has no text".into());
    }
    Ok(doc)
}

/// Text that holds HTML tables but no other HTML structure: outside its `<table>`s there is
/// text and not one block or inline tag.
fn is_text_with_tables(text: &str) -> bool {
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)<(html|head|body|p|div|br|h[1-6]|ul|ol|li|pre|blockquote|center|dl|span|font|b|i|strong|em|a|meta|title|style|script)\b",
        )
        .expect("valid regex")
    });
    let lower = text.to_ascii_lowercase();
    let mut outside = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut tables = 0;
    // The next open and close tags, searched again only once passed: searching afresh at
    // every tag is quadratic on a page of many unclosed tables.
    let mut open = lower.find("<table");
    let mut close = lower.find("</table");
    while i < lower.len() {
        if open.is_some_and(|o| o < i) {
            open = lower[i..].find("<table").map(|p| p + i);
        }
        if close.is_some_and(|c| c < i) {
            close = lower[i..].find("</table").map(|p| p + i);
        }
        match (open, close) {
            (Some(o), c) if c.is_none_or(|c| o < c) => {
                if depth == 0 {
                    outside.push_str(&text[i..o]);
                    tables += 1;
                }
                depth += 1;
                i = o + 6;
            }
            (_, Some(c)) => {
                depth = depth.saturating_sub(1);
                i = c + 7;
            }
            _ => {
                if depth == 0 {
                    outside.push_str(&text[i..]);
                }
                break;
            }
        }
    }
    tables > 0
        && outside.lines().filter(|l| !l.trim().is_empty()).count() >= 2
        && !TAG.is_match(&outside)
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv="content-type" content="…;
/// charset=…">` near the start of the page.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
            .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(8192)];
    let label = RE.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// Elements that never have content.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"basefont"
            | b"bgsound"
            | b"frame"
            | b"image"
    )
}

/// Elements whose end tag may be left out, by group: a new one closes the open one of its group.
fn optional_end_group(name: &[u8]) -> Option<(u8, &'static [&'static [u8]])> {
    const TABLE: &[&[u8]] = &[b"table"];
    Some(match name {
        b"p" => (1, &[b"button", b"table", b"td", b"th"]),
        b"li" => (2, &[b"ul", b"ol", b"menu"]),
        b"dt" | b"dd" => (3, &[b"dl"]),
        b"tr" => (4, TABLE),
        b"td" | b"th" => (5, &[b"table", b"tr"]),
        b"thead" | b"tbody" | b"tfoot" => (6, TABLE),
        b"option" => (7, &[b"select", b"datalist"]),
        b"optgroup" => (8, &[b"select"]),
        b"rb" | b"rt" | b"rtc" | b"rp" => (9, &[b"ruby"]),
        b"caption" | b"colgroup" => (10, TABLE),
        // Links do not nest: a new one ends the open one.
        b"a" | b"nobr" => (11, &[b"table", b"td", b"th", b"button"]),
        _ => return None,
    })
}

/// Refuses a page nested deeper than the limit, or with more elements, before html5ever
/// builds its tree: the tree builder's scope checks walk the stack of open elements, so a
/// page of a hundred thousand unclosed `<div>`s takes it minutes, and the tree takes about
/// 230 bytes an element. The depth estimate follows open and end tags with the implied end
/// tags of `<p>`, `<li>`, `<td>`, `<tr>` and the like; the exact depth and count are checked
/// again on the tree.
fn prescan(text: &str, limits: &Limits) -> Result<()> {
    let b = text.as_bytes();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut elements = 0u64;
    let mut i = 0;
    let find = |from: usize, pat: &[u8]| -> Option<usize> {
        b.get(from..)?
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map(|p| from + p)
    };
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off;
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->").map(|p| p + 3).unwrap_or(b.len());
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(i + 2, b">").map(|p| p + 1).unwrap_or(b.len());
            continue;
        }
        let (end_tag, name_at) = if rest.starts_with(b"</") {
            (true, i + 2)
        } else {
            (false, i + 1)
        };
        if !b.get(name_at).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let name_len = b[name_at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
            .unwrap_or(b.len() - name_at);
        let name = b[name_at..name_at + name_len].to_ascii_lowercase();
        // Skip the attributes, minding quotes.
        let mut j = name_at + name_len;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            j += 1;
        }
        let self_closing = j > 0 && b.get(j - 1) == Some(&b'/');
        i = (j + 1).min(b.len());
        if end_tag {
            if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(pos);
            }
            continue;
        }
        elements += 1;
        Limits::check(
            elements,
            limits.max_html_elements,
            "the number of HTML elements",
            "--max-html-elements",
        )?;
        if matches!(
            name.as_slice(),
            b"script"
                | b"style"
                | b"textarea"
                | b"title"
                | b"xmp"
                | b"iframe"
                | b"noembed"
                | b"noframes"
        ) {
            let mut close = b"</".to_vec();
            close.extend_from_slice(&name);
            i = find(i, &close).unwrap_or(b.len());
            continue;
        }
        if name.as_slice() == b"plaintext" {
            break;
        }
        if is_void(&name)
            || (self_closing
                && stack
                    .iter()
                    .any(|n| n.as_slice() == b"svg" || n.as_slice() == b"math"))
        {
            continue;
        }
        if let Some((group, bounds)) = optional_end_group(&name) {
            for pos in (0..stack.len()).rev() {
                let n = stack[pos].as_slice();
                if bounds.contains(&n) {
                    break;
                }
                if optional_end_group(n).is_some_and(|(g, _)| g == group) {
                    stack.truncate(pos);
                    break;
                }
            }
        }
        stack.push(name);
        // html, head/body and the document itself come on top of what the page nests.
        Limits::check(
            stack.len() as u64 + 1,
            limits.html_depth(),
            "the nesting depth of HTML elements",
            "--max-xml-depth (at most 512 for HTML)",
        )?;
    }
    Ok(())
}

/// Elements whose content is never shown (`<del>`: the page reads as if its changes were
/// accepted, as the .docx reader reads tracked changes).
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "template"
            | "title"
            | "noscript"
            | "svg"
            | "math"
            | "object"
            | "iframe"
            | "select"
            | "textarea"
            | "noembed"
            | "noframes"
            | "xml"
            | "del"
    )
}

/// Elements that start and end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "center"
            | "address"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "details"
            | "summary"
            | "ul"
            | "ol"
            | "dl"
            | "menu"
            | "dir"
            | "hr"
            | "body"
            | "html"
            | "caption"
            | "listing"
            | "plaintext"
            | "xmp"
    )
}

/// Blocks that are a paragraph even when empty (`<p><br></p>` is an empty line on paper).
fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd"
    )
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Other,
    Block,
    Table,
    Section,
    Row,
    Cell,
    List,
}

#[derive(Debug, Clone)]
struct Frame {
    kind: Kind,
    name_is_paragraph: bool,
    bold: bool,
    italic: bool,
    hidden: bool,
    pre: bool,
    align: Align,
    /// The legacy encoding the element's font names (`<font face=".VnTime">`, CSS
    /// `font-family: "VNI-Times"`), inherited; a non-legacy font resets it.
    legacy: Option<(kehoach_text::LegacyEncoding, bool)>,
}

/// One line of inline content.
type LineAcc = crate::model::StyledText;

/// A row-spanning cell still reaching down.
#[derive(Debug, Clone, Copy)]
struct Spanning {
    start: usize,
    span: usize,
    /// Rows below still covered.
    left: usize,
}

#[derive(Debug, Default)]
struct TableBuilder {
    rows: Vec<Row>,
    row: Option<Row>,
    cell: Option<Cell>,
    col: usize,
    /// Row spans from rows above, and what reaches into the current row.
    active: Vec<Spanning>,
    pending: std::collections::VecDeque<Spanning>,
    new_spans: Vec<Spanning>,
    in_thead: bool,
    has_border: bool,
    border_none: bool,
    /// Caption and stray text, emitted before the table.
    before: Vec<Paragraph>,
}

struct Walker<'l> {
    limits: &'l Limits,
    warnings: Vec<String>,
    body: Vec<Block>,
    frames: Vec<Frame>,
    tables: Vec<TableBuilder>,
    lines: Vec<LineAcc>,
    line_align: Option<Align>,
    pending_label: Option<String>,
    ol_counters: Vec<(Option<i64>, char)>,
    /// The last number given at each level of nested decimal lists, document-wide.
    list_levels: Vec<i64>,
    cells: u64,
    elements: u64,
}

/// Border declarations of a `style` attribute: (some border drawn, some border set to none).
fn borders(style: &str) -> (bool, bool) {
    let (mut drawn, mut none) = (false, false);
    for decl in style.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        let prop = prop.trim().to_ascii_lowercase();
        if !prop.starts_with("border")
            || prop == "border-collapse"
            || prop == "border-spacing"
            || prop.contains("radius")
        {
            continue;
        }
        if prop.ends_with("color") {
            continue;
        }
        let v = value.trim().to_ascii_lowercase();
        if v.contains("none")
            || v.contains("hidden")
            || v == "0"
            || v.starts_with("0 ")
            || v == "0px"
            || v == "0pt"
        {
            none = true;
        } else {
            drawn = true;
        }
    }
    (drawn, none)
}

/// The legacy encoding of the first family of a `font-family` list or `face` attribute (the
/// font the page is drawn with): `".VnTime", serif` is TCVN3, `Arial, ".VnArial"` is not.
fn legacy_font(family: &str) -> Option<(kehoach_text::LegacyEncoding, bool)> {
    let first = family.split(',').next().unwrap_or_default();
    let first = first.trim().trim_matches(|c| c == '"' || c == '\'');
    kehoach_text::encoding_of_font(first)
}

/// The value of a CSS property in a `style` attribute.
fn css<'a>(style: &'a str, name: &str) -> Option<&'a str> {
    style
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .find(|(p, _)| p.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

fn parse_align(v: &str) -> Option<Align> {
    Some(match v.trim().to_ascii_lowercase().as_str() {
        "center" | "middle" | "-webkit-center" => Align::Center,
        "right" | "end" => Align::End,
        "justify" => Align::Justify,
        "left" | "start" => Align::Start,
        _ => return None,
    })
}

/// The label of an `<ol>` item: `type="a|A|i|I|1"`, numbered as Word's lists are
/// ([`crate::docx::format_number`]); letters past z and numbers outside 1..4000 stay decimal.
fn list_label(n: i64, kind: char) -> String {
    let fmt = match kind {
        'a' if (1..=26).contains(&n) => "lowerLetter",
        'A' if (1..=26).contains(&n) => "upperLetter",
        'i' if (1..4000).contains(&n) => "lowerRoman",
        'I' if (1..4000).contains(&n) => "upperRoman",
        _ => return format!("{n}."),
    };
    format!("{}.", crate::docx::format_number(n as u32, fmt))
}

impl<'l> Walker<'l> {
    fn new(limits: &'l Limits) -> Self {
        Walker {
            limits,
            warnings: Vec::new(),
            body: Vec::new(),
            frames: Vec::new(),
            tables: Vec::new(),
            lines: vec![LineAcc::new()],
            line_align: None,
            pending_label: None,
            ol_counters: Vec::new(),
            list_levels: Vec::new(),
            cells: 0,
            elements: 0,
        }
    }

    fn top(&self) -> Frame {
        self.frames.last().cloned().unwrap_or(Frame {
            kind: Kind::Other,
            name_is_paragraph: false,
            bold: false,
            italic: false,
            hidden: false,
            pre: false,
            align: Align::Start,
            legacy: None,
        })
    }

    fn walk(&mut self, html: &Html) -> Result<()> {
        for (i, edge) in html.tree.root().traverse().enumerate() {
            if i % 4096 == 4095 {
                self.limits.check_time()?;
            }
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => self.open(el)?,
                    Node::Text(t) => self.text(t),
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        self.close(el.name())?;
                    }
                }
            }
        }
        // Whatever is left open at the end (the tree builder closes everything, but be safe).
        self.flush(false);
        while let Some(t) = self.tables.pop() {
            self.finish_table(t);
        }
        Ok(())
    }

    fn text(&mut self, t: &str) {
        let f = self.top();
        if f.hidden {
            return;
        }
        // Text in a legacy font: decoded unless it is Unicode already (decided per text node,
        // before the soft hyphen that is TCVN3's ư is cleaned away).
        let decoded;
        let t = match f.legacy {
            Some((enc, upper)) => match kehoach_text::font_decision(t, enc) {
                Some(only_gains) => {
                    decoded = kehoach_text::decode_legacy_words(t, enc, upper, only_gains);
                    decoded.as_str()
                }
                None => t,
            },
            None => t,
        };
        if self.line_align.is_none() && t.chars().any(|c| !c.is_whitespace()) {
            self.line_align = Some(f.align);
        }
        if f.pre && t.contains('\n') {
            for (i, part) in t.split('\n').enumerate() {
                if i > 0 {
                    self.lines.push(LineAcc::new());
                }
                self.push_inline(part, f.bold, f.italic);
            }
        } else {
            self.push_inline(t, f.bold, f.italic);
        }
    }

    fn push_inline(&mut self, s: &str, bold: bool, italic: bool) {
        if let Some(l) = self.lines.last_mut() {
            l.push(s, bold, italic);
        }
    }

    fn open(&mut self, el: &scraper::node::Element) -> Result<()> {
        self.elements += 1;
        Limits::check(
            self.elements,
            self.limits.max_html_elements,
            "the number of HTML elements",
            "--max-html-elements",
        )?;
        let depth = self.frames.len() as u64 + 1;
        Limits::check(
            depth,
            self.limits.html_depth(),
            "the nesting depth of HTML elements",
            "--max-xml-depth (at most 512 for HTML)",
        )?;
        let name = el.name();
        let parent = self.top();
        let style = el.attr("style").unwrap_or("");
        let mut f = Frame {
            kind: Kind::Other,
            name_is_paragraph: is_paragraph(name),
            bold: parent.bold,
            italic: parent.italic,
            hidden: parent.hidden || skipped(name),
            pre: parent.pre || matches!(name, "pre" | "listing" | "plaintext" | "xmp"),
            align: parent.align,
            legacy: parent.legacy,
        };
        if let Some(face) = (name == "font").then(|| el.attr("face")).flatten() {
            f.legacy = legacy_font(face);
        }
        if let Some(family) = css(style, "font-family") {
            f.legacy = legacy_font(family);
        }
        match name {
            "b" | "strong" | "th" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => f.bold = true,
            "i" | "em" | "cite" | "dfn" | "var" | "address" => f.italic = true,
            "center" => f.align = Align::Center,
            _ => {}
        }
        if !style.is_empty() {
            if let Some(w) = css(style, "font-weight") {
                let w = w.to_ascii_lowercase();
                f.bold = match w.trim_end_matches("!important").trim() {
                    "bold" | "bolder" | "600" | "700" | "800" | "900" => true,
                    "normal" | "lighter" | "100" | "200" | "300" | "400" | "500" => false,
                    _ => f.bold,
                };
            }
            if let Some(s) = css(style, "font-style") {
                let s = s.to_ascii_lowercase();
                f.italic = s.contains("italic") || s.contains("oblique");
            }
            if let Some(a) = css(style, "text-align").and_then(parse_align) {
                f.align = a;
            }
            if css(style, "display").is_some_and(|d| d.eq_ignore_ascii_case("none"))
                || css(style, "visibility").is_some_and(|d| d.eq_ignore_ascii_case("hidden"))
            {
                f.hidden = true;
            }
        }
        if let Some(a) = el.attr("align").and_then(parse_align) {
            if !matches!(name, "table" | "img" | "caption") {
                f.align = a;
            }
        }
        if el.attr("hidden").is_some() {
            f.hidden = true;
        }
        if f.hidden && !parent.hidden {
            // Content of a hidden subtree is skipped; structure is still tracked below for
            // tables, which only matter when visible.
            self.frames.push(f);
            return Ok(());
        }
        if parent.hidden {
            self.frames.push(f);
            return Ok(());
        }

        match name {
            "br" => {
                self.lines.push(LineAcc::new());
            }
            "table" => {
                self.flush(false);
                f.kind = Kind::Table;
                let mut t = TableBuilder::default();
                let (drawn, none) = borders(style);
                t.has_border = drawn || el.attr("border").is_some_and(|b| b.trim() != "0");
                t.border_none = none || el.attr("border").is_some_and(|b| b.trim() == "0");
                self.tables.push(t);
                // Inside a table, text belongs to cells; bold/italic of an enclosing element
                // still apply.
            }
            "thead" | "tbody" | "tfoot" if !self.tables.is_empty() => {
                f.kind = Kind::Section;
                if let Some(t) = self.tables.last_mut() {
                    t.in_thead = name == "thead";
                    t.active.clear();
                }
            }
            "tr" if !self.tables.is_empty() => {
                f.kind = Kind::Row;
                self.start_row()?;
            }
            "td" | "th" if !self.tables.is_empty() => {
                self.flush(false);
                f.kind = Kind::Cell;
                let col_span = el
                    .attr("colspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                let row_span = el
                    .attr("rowspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(65534);
                let (drawn, none) = borders(style);
                self.start_cell(col_span, row_span, drawn, none)?;
            }
            "ol" | "ul" | "menu" | "dir" => {
                self.flush(false);
                f.kind = Kind::List;
                let start = el.attr("start").and_then(|s| s.trim().parse::<i64>().ok());
                let kind = if name == "ol" {
                    el.attr("type")
                        .and_then(|t| t.chars().next())
                        .filter(|c| matches!(c, 'a' | 'A' | 'i' | 'I' | '1'))
                        .unwrap_or('1')
                } else {
                    '•'
                };
                self.ol_counters
                    .push((start.map(|s| s.saturating_sub(1)).or(Some(0)), kind));
            }
            "li" => {
                self.flush(false);
                f.kind = Kind::Block;
                if let Some((Some(n), kind)) = self.ol_counters.last_mut() {
                    if *kind != '•' {
                        *n = n.saturating_add(1);
                        let value = el.attr("value").and_then(|v| v.trim().parse::<i64>().ok());
                        if let Some(v) = value {
                            *n = v;
                        }
                        let (n, kind) = (*n, *kind);
                        self.pending_label = Some(self.multilevel_label(n, kind));
                    }
                }
            }
            n if is_block(n) => {
                self.flush(false);
                f.kind = Kind::Block;
            }
            _ => {}
        }
        self.frames.push(f);
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<()> {
        let Some(f) = self.frames.last().cloned() else {
            return Ok(());
        };
        if f.hidden {
            self.frames.pop();
            return Ok(());
        }
        match f.kind {
            Kind::Block => self.flush(f.name_is_paragraph),
            Kind::List => {
                self.flush(false);
                self.ol_counters.pop();
            }
            Kind::Cell => {
                self.flush(false);
                self.end_cell()?;
            }
            Kind::Row => self.end_row()?,
            Kind::Section => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_thead = false;
                    t.active.clear();
                }
            }
            Kind::Table => {
                self.flush(false);
                if let Some(t) = self.tables.pop() {
                    self.finish_table(t);
                }
            }
            Kind::Other => {}
        }
        let _ = name;
        self.frames.pop();
        Ok(())
    }

    /// The label of an item numbered `n` in the innermost open list. Nested decimal lists are
    /// numbered by level the way Word and LibreOffice write multi-level numbering ("1.", then
    /// "1.1", "1.2"): LibreOffice's HTML keeps the level as `<ol>` nesting and the number as
    /// `start`, each cell with lists of its own, so the numbers of the levels above come from
    /// the last items seen at those levels.
    fn multilevel_label(&mut self, n: i64, kind: char) -> String {
        let level = self.ol_counters.len().max(1);
        let decimal = self.ol_counters.iter().all(|(_, k)| *k == '1');
        if !decimal {
            return list_label(n, kind);
        }
        self.list_levels.truncate(level);
        while self.list_levels.len() < level - 1 {
            self.list_levels.push(1);
        }
        if self.list_levels.len() == level {
            self.list_levels[level - 1] = n;
        } else {
            self.list_levels.push(n);
        }
        if level == 1 {
            return format!("{n}.");
        }
        self.list_levels
            .iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(".")
    }

    /// Ends the current run of inline content: emits it as paragraphs where it belongs.
    /// `force` emits an empty paragraph for an empty `<p>`.
    fn flush(&mut self, force: bool) {
        let lines = std::mem::replace(&mut self.lines, vec![LineAcc::new()]);
        let align = self.line_align.take().unwrap_or(self.top().align);
        let in_cell = self.tables.last().is_some_and(|t| t.cell.is_some());
        let mut paras: Vec<Paragraph> = Vec::new();
        if in_cell {
            for l in lines {
                let text = kehoach_text::clean(&l.text);
                if !text.is_empty() {
                    paras.push(Paragraph {
                        text,
                        bold: l.any && l.bold,
                        italic: l.any && l.italic,
                        align,
                        ..Default::default()
                    });
                }
            }
        } else {
            let mut texts = Vec::new();
            let (mut any, mut bold, mut italic) = (false, true, true);
            for l in &lines {
                let text = kehoach_text::clean(&l.text);
                if !text.is_empty() {
                    texts.push(text);
                    any |= l.any;
                    bold &= !l.any || l.bold;
                    italic &= !l.any || l.italic;
                }
            }
            if !texts.is_empty() {
                paras.push(Paragraph {
                    text: texts.join("\n"),
                    bold: any && bold,
                    italic: any && italic,
                    align,
                    ..Default::default()
                });
            }
        }
        if paras.is_empty() && force {
            paras.push(Paragraph {
                align,
                ..Default::default()
            });
        }
        if paras.is_empty() {
            return;
        }
        if let Some(label) = self.pending_label.take() {
            paras[0].list_label = Some(label);
        }
        self.emit(paras);
    }

    fn emit(&mut self, paras: Vec<Paragraph>) {
        match self.tables.last_mut() {
            Some(t) => match t.cell.as_mut() {
                Some(c) => c.paragraphs.extend(paras),
                None => t.before.extend(paras),
            },
            None => self.body.extend(paras.into_iter().map(Block::Paragraph)),
        }
    }

    fn start_row(&mut self) -> Result<()> {
        if self.tables.last().is_some_and(|t| t.row.is_some()) {
            self.end_row()?;
        }
        let Some(t) = self.tables.last_mut() else {
            return Ok(());
        };
        t.row = Some(Row {
            cells: Vec::new(),
            repeat_header: t.in_thead,
            page: None,
        });
        t.col = 0;
        t.active.sort_by_key(|s| s.start);
        t.pending = t.active.iter().copied().collect();
        t.new_spans.clear();
        Ok(())
    }

    fn count_cell(&mut self) -> Result<()> {
        self.cells += 1;
        self.limits.check_cells(self.cells)
    }

    /// Places covered placeholders for row spans from above that start at or before `upto`.
    fn place_covered(&mut self, upto: Option<usize>) -> Result<()> {
        loop {
            let Some(t) = self.tables.last_mut() else {
                return Ok(());
            };
            let Some(&s) = t.pending.front() else {
                return Ok(());
            };
            if upto.is_some_and(|u| s.start > u) {
                return Ok(());
            }
            t.pending.pop_front();
            if s.start < t.col {
                // Overlapped by a cell of this row: the source's spans collide; skip it.
                continue;
            }
            if let Some(row) = t.row.as_mut() {
                let mut c = Cell::new(s.start, s.span, Vec::new());
                c.covered = true;
                row.cells.push(c);
            }
            t.col = s.start + s.span;
            self.count_cell()?;
        }
    }

    fn start_cell(
        &mut self,
        col_span: usize,
        row_span: usize,
        drawn: bool,
        none: bool,
    ) -> Result<()> {
        if self.tables.last().is_some_and(|t| t.row.is_none()) {
            self.start_row()?;
        }
        if self.tables.last().is_some_and(|t| t.cell.is_some()) {
            self.end_cell()?;
        }
        // Skip the columns covered from above.
        loop {
            let col = self.tables.last().map(|t| t.col).unwrap_or(0);
            self.place_covered(Some(col))?;
            if self.tables.last().map(|t| t.col).unwrap_or(0) == col {
                break;
            }
        }
        let Some(t) = self.tables.last_mut() else {
            return Ok(());
        };
        let col = t.col;
        // A cell may not reach into a column a row span from above still covers.
        let room = t
            .pending
            .front()
            .map(|s| s.start.saturating_sub(col))
            .unwrap_or(usize::MAX)
            .max(1);
        let col_span = col_span.min(room);
        t.has_border |= drawn;
        t.border_none |= none;
        let mut cell = Cell::new(col, col_span, Vec::new());
        cell.row_span = row_span.max(1);
        t.cell = Some(cell);
        t.col = col + col_span;
        if row_span != 1 {
            // rowspan=0 reaches to the end of the row group.
            let left = if row_span == 0 {
                usize::MAX / 2
            } else {
                row_span - 1
            };
            t.new_spans.push(Spanning {
                start: col,
                span: col_span,
                left,
            });
        }
        Ok(())
    }

    fn end_cell(&mut self) -> Result<()> {
        let Some(t) = self.tables.last_mut() else {
            return Ok(());
        };
        let Some(mut cell) = t.cell.take() else {
            return Ok(());
        };
        if cell.paragraphs.is_empty() {
            cell.paragraphs.push(Paragraph::default());
        }
        if let Some(row) = t.row.as_mut() {
            row.cells.push(cell);
        }
        self.count_cell()
    }

    fn end_row(&mut self) -> Result<()> {
        if self.tables.last().is_some_and(|t| t.cell.is_some()) {
            self.flush(false);
            self.end_cell()?;
        }
        self.place_covered(None)?;
        let Some(t) = self.tables.last_mut() else {
            return Ok(());
        };
        let Some(row) = t.row.take() else {
            return Ok(());
        };
        t.rows.push(row);
        let rows = t.rows.len();
        for s in t.active.iter_mut() {
            s.left -= 1;
        }
        t.active.retain(|s| s.left > 0);
        let new = std::mem::take(&mut t.new_spans);
        t.active.extend(new);
        self.limits.check_rows(rows as u64)
    }

    fn finish_table(&mut self, mut t: TableBuilder) {
        if t.cell.is_some() || t.row.is_some() {
            // Only reachable if the tree ended inside a row; close it without limits.
            if let Some(mut cell) = t.cell.take() {
                if cell.paragraphs.is_empty() {
                    cell.paragraphs.push(Paragraph::default());
                }
                if let Some(r) = t.row.as_mut() {
                    r.cells.push(cell);
                }
            }
            if let Some(r) = t.row.take() {
                t.rows.push(r);
            }
        }
        for r in t.rows.iter_mut() {
            r.cells.sort_by_key(|c| c.col);
        }
        let grid_cols = t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.col_end()))
            .max()
            .unwrap_or(0);
        let mut table = Table {
            grid_cols,
            rows: t.rows,
            borderless: t.border_none && !t.has_border,
        };
        table.resolve_row_spans();
        let before = std::mem::take(&mut t.before);
        self.emit(before);
        match self.tables.last_mut() {
            Some(outer) => {
                match outer.cell.as_mut() {
                    Some(c) => c.tables.push(table),
                    None => {
                        self.warnings.push("a table directly inside another table's row was read as a separate table".into());
                        self.body.push(Block::Table(table));
                    }
                }
            }
            None => self.body.push(Block::Table(table)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_s(s: &str) -> Document {
        read(s.as_bytes(), &Limits::default()).unwrap()
    }

    #[test]
    fn paragraphs_and_flags() {
        let d = read_s(
            "<html><head><title>x</title><style>p{}</style></head><body>\
             <h1>KẾ HOẠCH</h1><p align=center><b>Độc\n lập</b></p><p><i>nghiêng</i> thường</p>\
             <p style='font-weight:bold'>đậm</p><p><br/></p><div>a<br>b</div>\
             <ol><li>một</li><li>hai</li></ol><p>&amp; &#7871; &nbsp;x</p></body></html>",
        );
        let p: Vec<_> = d
            .paragraphs()
            .map(|p| (p.display_text(), p.bold, p.italic, p.align))
            .collect();
        assert_eq!(
            p,
            [
                ("KẾ HOẠCH".to_string(), true, false, Align::Start),
                ("Độc lập".to_string(), true, false, Align::Center),
                ("nghiêng thường".to_string(), false, false, Align::Start),
                ("đậm".to_string(), true, false, Align::Start),
                ("".to_string(), false, false, Align::Start),
                ("a\nb".to_string(), false, false, Align::Start),
                ("1. một".to_string(), false, false, Align::Start),
                ("2. hai".to_string(), false, false, Align::Start),
                ("& ế x".to_string(), false, false, Align::Start),
            ]
        );
    }

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            declared_encoding(b"<meta charset=\"windows-1258\">").map(|e| e.name()),
            Some("windows-1258")
        );
        assert_eq!(
            declared_encoding(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=utf-8\">"
            )
            .map(|e| e.name()),
            Some("UTF-8")
        );
        assert_eq!(declared_encoding(b"<p>charset=foo</p>"), None);
    }

    #[test]
    fn cells_split_lines_and_thead_repeats() {
        let d = read_s(
            "<table><thead><tr><th>STT</th><th>Nội dung</th></tr></thead>\
             <tbody><tr><td>1</td><td>- Sở Tư pháp<br>- Văn phòng<p>đoạn</p></td></tr></tbody></table>",
        );
        let t = d.tables().next().unwrap();
        assert!(t.rows[0].repeat_header);
        assert!(!t.rows[1].repeat_header);
        assert!(t.rows[0].cells[0].is_bold());
        assert_eq!(
            t.rows[1].cells[1].lines(),
            ["- Sở Tư pháp", "- Văn phòng", "đoạn"]
        );
    }
}
