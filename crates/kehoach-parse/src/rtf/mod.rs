//! The RTF reader: Word's and LibreOffice's "Rich Text Format" into the document model, in
//! one pass over the tokens with a stack of group states (no recursion: nesting costs a
//! few bytes a level, bounded by [`Limits::max_xml_depth`]).
//!
//! What is read, and how:
//! * groups `{…}` save and restore character and paragraph properties;
//! * destinations that are not body text are skipped whole: any `{\*\word …}` the reader
//!   does not know, the style sheet, colour table, document info, headers and footers,
//!   footnotes, annotations, pictures, shapes, list tables, field instructions
//!   (`\fldinst`: a field shows its result, `\fldrslt`) and the fallback text of
//!   `{\nonesttables …}`; the font table is read for each font's code page and name;
//! * text: `\uN` Unicode escapes with their `\ucN` fallback skipped, `\'hh` bytes and plain
//!   bytes in the font's code page (see [`decode`]), `\tab`, `\line` (a line break, as `w:br`),
//!   `\~` (no-break space), `\_` (hyphen), quotes and dashes by name; hidden (`\v`) and
//!   deleted revision text (`\deleted`) dropped, so the document reads with all changes
//!   accepted;
//! * paragraphs end at `\par` (and `\sect` after text); `\pard` resets alignment and table
//!   membership; `\ql \qc \qr \qj` align; bold/italic per paragraph as in .docx; the
//!   rendered list number (`{\listtext …}`, Word 6 `{\pntext …}`) is the paragraph's label;
//! * tables and spans: see [`table`];
//! * runs in a TCVN3 or VNI font (".VnTime", "VNI-Times") are converted per paragraph
//!   exactly as the .docx reader converts them.

mod decode;
mod lexer;
mod table;

use std::collections::HashMap;

use encoding_rs::Encoding;

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::{Align, Block, Document, Format, Paragraph};

use decode::{Font, FontEntry, Utf16};
use lexer::{Lexer, Token};
use table::{Level, RawCell, RowDef};

/// Whether the bytes start like an RTF file: `{\rtf` after an optional UTF-8 byte-order mark
/// and white space.
pub fn is_rtf(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b[start..].starts_with(b"{\\rtf")
}

/// Reads an RTF file into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    if !is_rtf(bytes) {
        return Err(ParseError::Unsupported(
            "the file does not start with {\\rtf".into(),
        ));
    }
    let mut r = Reader::new(bytes, limits);
    r.run()?;
    let mut doc = Document::new(Format::Rtf);
    doc.blocks = r.blocks;
    Ok(doc)
}

/// Where text goes in the current group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    Body,
    FontTable,
    /// The rendered list number of the paragraph.
    ListText,
    /// `{\*\nesttableprops …}`: row definitions of a nested table, no text.
    NestProps,
}

/// Properties saved and restored by groups.
#[derive(Debug, Clone, Copy)]
struct State {
    dest: Dest,
    /// `\fN`; `None` is the default font (`\deffN`).
    font: Option<i64>,
    bold: bool,
    italic: bool,
    hidden: bool,
    deleted: bool,
    /// `\ucN`: fallback characters after each `\uN`.
    uc: u32,
    align: Align,
    intbl: bool,
    itap: u64,
}

impl Default for State {
    fn default() -> Self {
        State {
            dest: Dest::Body,
            font: None,
            bold: false,
            italic: false,
            hidden: false,
            deleted: false,
            uc: 1,
            align: Align::Start,
            intbl: false,
            itap: 0,
        }
    }
}

/// Destinations skipped whole even without `\*`.
fn skipped_destination(word: &[u8]) -> bool {
    matches!(
        word,
        b"colortbl"
            | b"stylesheet"
            | b"info"
            | b"header"
            | b"headerl"
            | b"headerr"
            | b"headerf"
            | b"footer"
            | b"footerl"
            | b"footerr"
            | b"footerf"
            | b"pict"
            | b"footnote"
            | b"annotation"
            | b"atnid"
            | b"atnauthor"
            | b"xe"
            | b"tc"
            | b"tcn"
            | b"txe"
            | b"rxe"
            | b"fldinst"
            | b"listtable"
            | b"listoverridetable"
            | b"revtbl"
            | b"rsidtbl"
            | b"filetbl"
            | b"pgdsctbl"
            | b"template"
            | b"shp"
            | b"shpinst"
            | b"shprslt"
            | b"shppict"
            | b"nonshppict"
            | b"do"
            | b"nonesttables"
            | b"pn"
            | b"pntxta"
            | b"pntxtb"
            | b"ftnsep"
            | b"ftnsepc"
            | b"aftnsep"
            | b"aftnsepc"
            | b"comment"
            | b"objdata"
            | b"objclass"
            | b"themedata"
            | b"colorschememapping"
            | b"datastore"
            | b"latentstyles"
            | b"xmlnstbl"
            | b"docvar"
            | b"bkmkstart"
            | b"bkmkend"
    )
}

/// A run of a legacy font in the paragraph text: byte range, encoding, capitals font.
type LegacyRun = (usize, usize, kehoach_text::LegacyEncoding, bool);

struct Reader<'a, 'l> {
    lex: Lexer<'a>,
    limits: &'l Limits,
    st: State,
    stack: Vec<State>,
    /// Inside a skipped group: how many groups deeper than the skipped one.
    skipping: Option<u64>,
    /// `\*` was the last token.
    star: bool,
    doc_cp: &'static Encoding,
    deff: i64,
    fonts: HashMap<i64, Font>,
    font_cache: Option<(i64, Font)>,
    entry: FontEntry,
    /// Bytes waiting to be decoded, in this encoding.
    pending: Vec<u8>,
    pending_enc: &'static Encoding,
    utf16: Utf16,
    /// Fallback characters still to skip after `\uN`.
    skip_chars: u32,
    // The paragraph being read.
    raw: String,
    label: String,
    legacy_runs: Vec<LegacyRun>,
    any_text: bool,
    all_bold: bool,
    all_italic: bool,
    // Output.
    blocks: Vec<Block>,
    levels: Vec<Level>,
    defs: Vec<RowDef>,
    cells: u64,
}

impl<'a, 'l> Reader<'a, 'l> {
    fn new(bytes: &'a [u8], limits: &'l Limits) -> Self {
        Reader {
            lex: Lexer::new(bytes),
            limits,
            st: State::default(),
            stack: Vec::new(),
            skipping: None,
            star: false,
            doc_cp: encoding_rs::WINDOWS_1252,
            deff: 0,
            fonts: HashMap::new(),
            font_cache: None,
            entry: FontEntry::default(),
            pending: Vec::new(),
            pending_enc: encoding_rs::WINDOWS_1252,
            utf16: Utf16::default(),
            skip_chars: 0,
            raw: String::new(),
            label: String::new(),
            legacy_runs: Vec::new(),
            any_text: false,
            all_bold: true,
            all_italic: true,
            blocks: Vec::new(),
            levels: Vec::new(),
            defs: Vec::new(),
            cells: 0,
        }
    }

    fn run(&mut self) -> Result<()> {
        let mut steps = 0u32;
        while let Some(tok) = self.lex.next_token() {
            if let Token::BinPastEnd(n, left) = tok {
                return Err(ParseError::corrupt(format!(
                    "RTF \\bin{n} claims {n} bytes of data but only {left} remain in the file"
                )));
            }
            steps += 1;
            if steps >= 4096 {
                steps = 0;
                self.limits.check_time()?;
            }
            if let Some(nest) = self.skipping {
                match tok {
                    Token::Open => {
                        self.skipping = Some(nest + 1);
                        self.check_depth(nest + 1)?;
                    }
                    Token::Close if nest == 0 => {
                        self.skipping = None;
                        self.close();
                    }
                    Token::Close => self.skipping = Some(nest - 1),
                    _ => {}
                }
                continue;
            }
            let close = tok == Token::Close;
            self.token(tok)?;
            if close && self.stack.is_empty() {
                // The document is the outermost group: what follows it is not part of it.
                break;
            }
        }
        self.flush();
        if !self.raw.is_empty() || !self.label.is_empty() {
            let level = self.level();
            self.end_paragraph(level)?;
        }
        self.close_tables_to(0)
    }

    fn check_depth(&self, extra: u64) -> Result<()> {
        Limits::check(
            self.stack.len() as u64 + extra,
            self.limits.max_xml_depth,
            "the nesting depth of RTF groups",
            "--max-xml-depth",
        )
    }

    fn token(&mut self, tok: Token<'a>) -> Result<()> {
        // Fallback characters of a `\uN` are skipped, one per byte, escape or control word;
        // a group boundary ends them.
        if self.skip_chars > 0 {
            match tok {
                Token::Open | Token::Close => self.skip_chars = 0,
                Token::Text(t) => {
                    let n = (self.skip_chars as usize).min(t.len());
                    self.skip_chars -= n as u32;
                    let rest = &t[n..];
                    if !rest.is_empty() {
                        self.text(rest);
                    }
                    return Ok(());
                }
                _ => {
                    self.skip_chars -= 1;
                    return Ok(());
                }
            }
        }
        let star = std::mem::take(&mut self.star);
        match tok {
            Token::Text(t) => self.text(t),
            Token::Hex(h) => self.text_bytes(&[h]),
            Token::Bin(_) | Token::BinPastEnd(..) => {}
            Token::Open => {
                self.flush();
                self.check_depth(1)?;
                self.stack.push(self.st);
            }
            Token::Close => {
                self.flush();
                self.close();
            }
            Token::LineEnd => {
                self.flush();
                self.par()?;
            }
            Token::Symbol(s) => {
                self.flush();
                match s {
                    b'*' => self.star = true,
                    b'~' => self.push_text("\u{a0}"),
                    b'_' => self.push_text("-"),
                    // The optional hyphen is U+00AD, which in a TCVN3 font is the letter
                    // "ư" (byte 0xAD): writers put `\-` for it. Elsewhere it shows nothing.
                    b'-' if self.font().legacy.is_some() => self.push_text("\u{ad}"),
                    _ => {}
                }
            }
            Token::Word(w, p) => {
                if w == b"u" {
                    // A high surrogate waits for the low one in the next `\uN`.
                    self.flush_bytes();
                } else {
                    self.flush();
                }
                if star && w != b"nesttableprops" {
                    self.skipping = Some(0);
                    return Ok(());
                }
                self.word(w, p)?;
            }
        }
        Ok(())
    }

    fn close(&mut self) {
        if self.st.dest == Dest::FontTable {
            self.commit_font();
        }
        if let Some(s) = self.stack.pop() {
            self.st = s;
        }
        self.skip_chars = 0;
    }

    fn commit_font(&mut self) {
        let e = std::mem::take(&mut self.entry);
        if let Some(id) = e.id {
            self.fonts.insert(id, e.font(self.doc_cp));
            self.font_cache = None;
        }
    }

    /// The current font (the last one looked up is kept: text comes in many short pieces).
    fn font(&mut self) -> Font {
        let id = self.st.font.unwrap_or(self.deff);
        if let Some((cached, f)) = self.font_cache {
            if cached == id {
                return f;
            }
        }
        let f = self.fonts.get(&id).copied().unwrap_or(Font {
            encoding: self.doc_cp,
            legacy: None,
        });
        self.font_cache = Some((id, f));
        f
    }

    /// Plain text bytes of a Text token.
    fn text(&mut self, t: &[u8]) {
        if self.st.dest == Dest::FontTable {
            for &b in t {
                if b == b';' {
                    self.commit_font();
                } else {
                    self.entry.name.push(b);
                }
            }
            return;
        }
        if t.iter().any(|&b| b < 0x20 && b != b'\t') {
            let v: Vec<u8> = t
                .iter()
                .copied()
                .filter(|&b| b >= 0x20 || b == b'\t')
                .collect();
            self.text_bytes(&v);
        } else {
            self.text_bytes(t);
        }
    }

    /// Bytes in the current font's code page.
    fn text_bytes(&mut self, t: &[u8]) {
        match self.st.dest {
            Dest::FontTable => {
                self.entry.name.extend_from_slice(t);
                return;
            }
            Dest::NestProps => return,
            Dest::Body | Dest::ListText => {}
        }
        if let Some(c) = self.utf16.flush() {
            self.push_char(c);
        }
        let enc = self.font().encoding;
        if self.pending.is_empty() && t.is_ascii() {
            // ASCII is the same in every code page we read.
            if let Ok(s) = std::str::from_utf8(t) {
                self.push_text(s);
                return;
            }
        }
        if !self.pending.is_empty() && self.pending_enc != enc {
            self.flush();
        }
        self.pending_enc = enc;
        self.pending.extend_from_slice(t);
    }

    /// Decodes the waiting bytes; a high surrogate still waiting is lone.
    fn flush(&mut self) {
        if let Some(c) = self.utf16.flush() {
            self.push_char(c);
        }
        self.flush_bytes();
    }

    /// Decodes the waiting bytes.
    fn flush_bytes(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let (s, _) = self.pending_enc.decode_without_bom_handling(&bytes);
        self.push_text(&s);
        self.pending = bytes;
        self.pending.clear();
    }

    fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.push_text(c.encode_utf8(&mut buf));
    }

    /// Decoded text into the current destination.
    fn push_text(&mut self, s: &str) {
        match self.st.dest {
            Dest::ListText => self.label.push_str(s),
            Dest::Body => {
                if self.st.hidden || self.st.deleted {
                    return;
                }
                let start = self.raw.len();
                self.raw.push_str(s);
                if s.chars().any(|c| !c.is_whitespace()) {
                    self.any_text = true;
                    self.all_bold &= self.st.bold;
                    self.all_italic &= self.st.italic;
                }
                if let Some((enc, upper)) = self.font().legacy {
                    let end = self.raw.len();
                    match self.legacy_runs.last_mut() {
                        Some(last) if last.1 == start && last.2 == enc && last.3 == upper => {
                            last.1 = end
                        }
                        _ => self.legacy_runs.push((start, end, enc, upper)),
                    }
                }
            }
            Dest::FontTable | Dest::NestProps => {}
        }
    }

    /// The table level of the paragraph being read: 0 outside tables.
    fn level(&self) -> u64 {
        if self.st.itap > 0 {
            self.st.itap
        } else {
            u64::from(self.st.intbl)
        }
    }

    /// The level a row-definition word applies to.
    fn def_level(&self) -> u64 {
        if self.st.dest == Dest::NestProps {
            self.st.itap.max(2)
        } else {
            1
        }
    }

    fn check_table_depth(&self, level: u64) -> Result<()> {
        Limits::check(
            level,
            self.limits.table_depth(),
            "the nesting depth of tables in tables",
            "--max-table-depth (at most 100)",
        )
    }

    fn def(&mut self, level: u64) -> Result<&mut RowDef> {
        self.check_table_depth(level)?;
        let i = level.max(1) as usize - 1;
        if self.defs.len() <= i {
            self.defs.resize_with(i + 1, RowDef::default);
        }
        Ok(&mut self.defs[i])
    }

    fn word(&mut self, w: &[u8], p: Option<i64>) -> Result<()> {
        let on = p != Some(0);
        match w {
            // Destinations.
            b"fonttbl" => self.st.dest = Dest::FontTable,
            b"listtext" | b"pntext" => {
                self.st.dest = Dest::ListText;
                self.label.clear();
            }
            b"nesttableprops" => self.st.dest = Dest::NestProps,
            w if skipped_destination(w) => self.skipping = Some(0),
            // Document.
            b"ansicpg" => {
                if let Some(e) = p.and_then(decode::codepage) {
                    self.doc_cp = e;
                    self.font_cache = None;
                }
            }
            b"deff" => self.deff = p.unwrap_or(0),
            // Font table entries.
            b"f" if self.st.dest == Dest::FontTable => {
                if self.entry.id.is_some() {
                    self.commit_font();
                }
                self.entry.id = p;
            }
            b"fcharset" if self.st.dest == Dest::FontTable => self.entry.charset = p,
            b"cpg" if self.st.dest == Dest::FontTable => self.entry.cpg = p,
            // Character properties.
            b"f" => self.st.font = p,
            b"plain" => {
                self.st.font = None;
                self.st.bold = false;
                self.st.italic = false;
                self.st.hidden = false;
                self.st.deleted = false;
            }
            b"b" => self.st.bold = on,
            b"i" => self.st.italic = on,
            b"v" | b"webhidden" => self.st.hidden = on,
            b"deleted" => self.st.deleted = on,
            b"uc" => self.st.uc = p.unwrap_or(1).clamp(0, 16) as u32,
            b"u" => {
                let n = p.unwrap_or(0);
                if !(-32768..=65535).contains(&n) {
                    return Err(ParseError::corrupt(format!(
                        "RTF \\u{n} is outside the range of a 16-bit Unicode escape (-32768 to 65535)"
                    )));
                }
                let unit = if n < 0 { n + 65536 } else { n } as u16;
                for c in self.utf16.push(unit).into_iter().flatten() {
                    self.push_char(c);
                }
                self.skip_chars = self.st.uc;
                return Ok(());
            }
            // Special characters.
            b"tab" => self.push_text("\t"),
            b"line" => self.push_text("\n"),
            b"page" | b"column" => self.push_text(" "),
            b"emdash" => self.push_text("—"),
            b"endash" => self.push_text("–"),
            b"emspace" | b"enspace" | b"qmspace" => self.push_text(" "),
            b"lquote" => self.push_text("‘"),
            b"rquote" => self.push_text("’"),
            b"ldblquote" => self.push_text("“"),
            b"rdblquote" => self.push_text("”"),
            b"bullet" => self.push_text("•"),
            b"zwj" => self.push_text("\u{200d}"),
            b"zwnj" => self.push_text("\u{200c}"),
            // Paragraphs.
            b"par" => self.par()?,
            b"sect" => {
                if !self.raw.trim().is_empty() {
                    self.par()?;
                }
            }
            b"pard" => {
                self.st.align = Align::Start;
                self.st.intbl = false;
                self.st.itap = 0;
            }
            b"ql" => self.st.align = Align::Start,
            b"qc" => self.st.align = Align::Center,
            b"qr" => self.st.align = Align::End,
            b"qj" | b"qd" => self.st.align = Align::Justify,
            b"intbl" => self.st.intbl = on,
            b"itap" => self.st.itap = p.unwrap_or(1).max(0) as u64,
            // Tables.
            b"cell" => self.end_cell(1)?,
            b"nestcell" => {
                let l = self.st.itap.max(2);
                self.end_cell(l)?
            }
            b"row" => self.end_row(1)?,
            b"nestrow" => {
                let l = self.st.itap.max(2);
                self.end_row(l)?
            }
            _ => {
                let level = self.def_level();
                let limits = self.limits;
                if w.starts_with(b"tr")
                    || w.starts_with(b"cl")
                    || w.starts_with(b"br")
                    || w == b"cellx"
                {
                    self.def(level)?.word(w, p, limits)?;
                }
            }
        }
        Ok(())
    }

    fn par(&mut self) -> Result<()> {
        if self.st.dest != Dest::Body {
            return Ok(());
        }
        let level = self.level();
        self.end_paragraph(level)
    }

    /// Ends the paragraph being read and puts it at table level `level`.
    fn end_paragraph(&mut self, level: u64) -> Result<()> {
        self.flush();
        let mut raw = std::mem::take(&mut self.raw);
        if !self.legacy_runs.is_empty() {
            raw = crate::docx::decode_legacy_runs(raw, &self.legacy_runs);
            self.legacy_runs.clear();
        }
        let mut p = Paragraph {
            text: crate::docx::clean_keep_lines(&raw),
            bold: self.any_text && self.all_bold,
            italic: self.any_text && self.all_italic,
            align: self.st.align,
            ..Paragraph::default()
        };
        let label = kehoach_text::clean(&self.label);
        if !label.is_empty() {
            p.list_label = Some(label);
        }
        self.label.clear();
        raw.clear();
        self.raw = raw;
        self.any_text = false;
        self.all_bold = true;
        self.all_italic = true;
        if level == 0 {
            self.close_tables_to(0)?;
            self.blocks.push(Block::Paragraph(p));
            return Ok(());
        }
        self.open_levels(level)?;
        self.close_tables_to(level)?;
        if let Some(l) = self.levels.last_mut() {
            l.cur.paragraphs.push(p);
        }
        Ok(())
    }

    fn open_levels(&mut self, level: u64) -> Result<()> {
        self.check_table_depth(level)?;
        while (self.levels.len() as u64) < level {
            self.levels.push(Level::default());
        }
        Ok(())
    }

    fn end_cell(&mut self, level: u64) -> Result<()> {
        self.end_paragraph(level)?;
        self.cells += 1;
        self.limits.check_cells(self.cells)?;
        if let Some(l) = self.levels.last_mut() {
            l.end_cell();
        }
        Ok(())
    }

    fn end_row(&mut self, level: u64) -> Result<()> {
        self.flush();
        if !self.raw.trim().is_empty() {
            // Text after the last cell mark: one more cell.
            self.end_cell(level)?;
        }
        if (self.levels.len() as u64) < level {
            return Ok(());
        }
        self.close_tables_to(level)?;
        let i = level as usize - 1;
        self.def(level)?;
        // The definition is borrowed, never copied: a row definition of a million `\cellx`
        // read for each of many rows must not cost a million each time.
        let (defs, levels, limits) = (&self.defs, &mut self.levels, self.limits);
        match (defs.get(i), levels.get_mut(i)) {
            (Some(def), Some(l)) => l.end_row(def, limits),
            _ => Ok(()),
        }
    }

    /// Closes the tables nested deeper than `level`, each into the cell around it (or the
    /// body).
    fn close_tables_to(&mut self, level: u64) -> Result<()> {
        while self.levels.len() as u64 > level {
            let Some(l) = self.levels.pop() else { break };
            let depth = self.levels.len() + 1;
            let empty = RowDef::default();
            let def = self.defs.get(depth - 1).unwrap_or(&empty);
            let (table, stray) = l.finish(def, self.limits)?;
            let RawCell { paragraphs, tables } = stray;
            match self.levels.last_mut() {
                Some(parent) => {
                    parent.cur.paragraphs.extend(paragraphs);
                    parent.cur.tables.extend(tables);
                    parent.cur.tables.extend(table);
                }
                None => {
                    self.blocks
                        .extend(paragraphs.into_iter().map(Block::Paragraph));
                    self.blocks.extend(tables.into_iter().map(Block::Table));
                    self.blocks.extend(table.map(Block::Table));
                }
            }
        }
        Ok(())
    }
}
