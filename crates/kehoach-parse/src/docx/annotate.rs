//! Writing reviewers' comments and tracked changes into a copy of a .docx.
//!
//! The copy is the original package with as little changed as possible: every zip entry but
//! three is copied raw (not even re-compressed), and `word/document.xml` is the original text
//! with comment marks (`w:commentRangeStart`, `w:commentRangeEnd` and a run holding
//! `w:commentReference`) spliced in at byte offsets the reader recorded while it read the
//! paragraphs ([`super::read_mapped`]), so nothing is located a second way. A fix replaces
//! the runs that hold its words: the words before and after are kept in runs with the
//! original run properties, the old words go into `w:del`, the new ones into `w:ins`, for the
//! reviewer to accept or reject in Word. `word/comments.xml` is written (or appended to, with
//! fresh ids, when the draft already has comments), with its relationship and content type.
//!
//! Words are found on NFD text with whitespace runs folded to one space, so "năm 2025"
//! written in decomposed Unicode or with a non-breaking space is still found. Words split over
//! several runs are found when each of those runs is simple (a direct child of the paragraph
//! holding only `w:rPr` and one `w:t`); each is split at the words' edges.

use std::collections::BTreeMap;
use std::io::{Cursor as IoCursor, Write};

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::body::{ParaSource, RunSource};
use super::package::Package;
use super::xml::{attr, local, Cursor, Ev};
use super::Mapped;
use crate::error::{ParseError, Result};
use crate::limits::Limits;

const W_MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_COMMENTS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const CT_COMMENTS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// One comment to add.
#[derive(Debug, Clone, Default)]
pub struct Note {
    /// The paragraphs the comment covers, by [`Paragraph::source`](crate::model::Paragraph)
    /// id: the first and the last (in document order).
    pub first: u32,
    pub last: u32,
    /// The comment's paragraphs.
    pub text: Vec<String>,
    /// Anchor on these words, in the first of the paragraphs that holds them in simple runs.
    pub words: Option<String>,
    /// Replace `words` by this, as a tracked change.
    pub replace: Option<String>,
    /// A line added to the comment when `replace` cannot be offered as a tracked change
    /// (the words were not found in simple runs).
    pub fix_failed: Option<String>,
}

/// Who writes, and when.
#[derive(Debug, Clone)]
pub struct Author {
    pub name: String,
    pub initials: String,
    /// `w:date`, ISO 8601 ("2026-03-02T08:00:00Z").
    pub date: String,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The new package.
    pub bytes: Vec<u8>,
    /// Per note: the fix was written as a tracked change.
    pub fixed: Vec<bool>,
    /// Per note: the comment is anchored on its words (not the whole paragraphs).
    pub on_words: Vec<bool>,
}

/// Where some words are: per run of a paragraph, the byte range of the words in that run's
/// text.
type Hit = Vec<(usize, usize, usize)>;

impl Mapped {
    /// Number of paragraphs with a source position.
    pub fn paragraphs(&self) -> usize {
        self.sources.len()
    }

    /// Writes the package `bytes` (the one this was read from) with the notes added.
    pub fn annotate(
        &self,
        bytes: &[u8],
        notes: &[Note],
        who: &Author,
        limits: &Limits,
    ) -> Result<Annotated> {
        let xml = &self.xml;
        let names = Names::of(xml, self.sources.first());
        let mut pkg = Package::open(bytes, limits)?;
        let rels_name = rels_of(&self.main);
        let rels = pkg
            .read(&rels_name)?
            .map(|b| super::xml::part_text(&b).into_owned());
        let (comments_name, rel_id) = comments_part(rels.as_deref(), &self.main, limits)?;
        let old_comments = pkg
            .read(&comments_name)?
            .map(|b| super::xml::part_text(&b).into_owned());
        // Names in the comments part: its root's prefix, or `w:` in a new part.
        let cnames = match &old_comments {
            Some(old) => Names::of_prefix(
                old.rfind("</")
                    .map(|i| qname(&old[i + 1..]).trim_start_matches('/'))
                    .and_then(|q| q.strip_suffix("comments"))
                    .unwrap_or("w:"),
            ),
            None => Names::of_prefix("w:"),
        };
        // Fresh ids past every id the parts use: comments first, then two per fix (w:del,
        // w:ins).
        let base = max_id(xml).max(old_comments.as_deref().map(max_id).unwrap_or(0)) + 1;
        let rev_base = base.saturating_add(notes.len() as u32);

        // Marks per paragraph, and run replacements.
        let mut starts: BTreeMap<u32, String> = BTreeMap::new();
        let mut ends: BTreeMap<u32, String> = BTreeMap::new();
        let mut run_edits: BTreeMap<usize, (usize, String)> = BTreeMap::new();
        let mut comments = String::new();
        let mut fixed = Vec::with_capacity(notes.len());
        let mut on_words = Vec::with_capacity(notes.len());
        for (k, note) in notes.iter().enumerate() {
            let id = base.saturating_add(k as u32);
            let (first, last) = (note.first.min(note.last), note.first.max(note.last));
            let (Some(_), Some(_)) = (
                self.sources.get(first as usize),
                self.sources.get(last as usize),
            ) else {
                fixed.push(false);
                on_words.push(false);
                continue;
            };
            let mark_start = names.el(&format!("commentRangeStart {}id=\"{id}\"", names.p));
            let mark_end = format!(
                "{}{}",
                names.el(&format!("commentRangeEnd {}id=\"{id}\"", names.p)),
                names.reference(id)
            );
            let mut done = false;
            let mut on = false;
            let words = note.words.as_deref().filter(|w| !w.trim().is_empty());
            let found = words.and_then(|w| {
                (first..=last).find_map(|i| {
                    let src = self.sources.get(i as usize)?;
                    find_words(src, w).map(|h| (src, h))
                })
            });
            if let Some((src, hit)) = found {
                {
                    let free = hit
                        .iter()
                        .all(|&(r, _, _)| !run_edits.contains_key(&src.runs[r].start));
                    if free {
                        let rev = note.replace.as_deref().map(|r| {
                            let del = rev_base.saturating_add(2 * k as u32);
                            let ids = (del, del.saturating_add(1));
                            (r, ids)
                        });
                        let edits =
                            split_runs(xml, src, &hit, &mark_start, &mark_end, rev, who, &names);
                        for (start, end, text) in edits {
                            run_edits.insert(start, (end, text));
                        }
                        done = note.replace.is_some();
                        on = true;
                    }
                }
            }
            if !on {
                starts.entry(first).or_default().push_str(&mark_start);
                ends.entry(last).or_default().push_str(&mark_end);
            }
            fixed.push(done);
            on_words.push(on);
            let mut paras: Vec<&str> = note.text.iter().map(String::as_str).collect();
            if note.replace.is_some() && !done {
                if let Some(f) = note.fix_failed.as_deref() {
                    paras.push(f);
                }
            }
            comments.push_str(&comment_xml(id, &paras, who, &cnames));
        }

        // The edits in document order: insertions before a replacement at the same offset.
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        let marked: std::collections::BTreeSet<u32> =
            starts.keys().chain(ends.keys()).copied().collect();
        for p in marked {
            let Some(src) = self.sources.get(p as usize) else {
                continue;
            };
            let s = starts.remove(&p).unwrap_or_default();
            let e = ends.remove(&p).unwrap_or_default();
            if src.empty {
                // `<w:p …/>` becomes `<w:p …>marks</w:p>`.
                let tag = xml.get(src.start..src.end).unwrap_or_default();
                let open = tag.trim_end_matches('>').trim_end().trim_end_matches('/');
                let close = format!("</{}>", qname(tag));
                edits.push((src.start, src.end, format!("{open}>{s}{e}{close}")));
            } else {
                if !s.is_empty() {
                    edits.push((src.content, src.content, s));
                }
                if !e.is_empty() {
                    edits.push((src.end, src.end, e));
                }
            }
        }
        for (start, (end, text)) in run_edits {
            edits.push((start, end, text));
        }
        edits.sort_by_key(|e| (e.0, e.1 != e.0));
        let mut out = String::with_capacity(xml.len() + comments.len() * 2);
        let mut at = 0;
        for (start, end, text) in &edits {
            if *start < at {
                continue; // overlapping edits cannot happen; never write one inside another
            }
            out.push_str(xml.get(at..*start).unwrap_or_default());
            out.push_str(text);
            at = *end;
        }
        out.push_str(xml.get(at..).unwrap_or_default());

        // Comments, relationship, content type.
        let comments_xml = match &old_comments {
            Some(old) => append_before_close(old, &comments),
            None => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_MAIN}\">{comments}</w:comments>"
            ),
        };
        let mut parts: Vec<(String, Vec<u8>)> = vec![
            (self.main.clone(), out.into_bytes()),
            (comments_name.clone(), comments_xml.into_bytes()),
        ];
        if let Some(rel_id) = rel_id {
            let target = comments_name
                .strip_prefix(&dir_of(&self.main))
                .unwrap_or(&comments_name)
                .to_string();
            let rel = format!(
                "<Relationship Id=\"{rel_id}\" Type=\"{REL_COMMENTS}\" Target=\"{target}\"/>"
            );
            let new_rels = match &rels {
                Some(r) => append_before_close(r, &rel),
                None => format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"),
            };
            parts.push((rels_name, new_rels.into_bytes()));
        }
        let ct = pkg
            .read("[Content_Types].xml")?
            .map(|b| super::xml::part_text(&b).into_owned())
            .ok_or_else(|| ParseError::corrupt("the package has no [Content_Types].xml"))?;
        let part_name = format!("/{comments_name}");
        if !ct.contains(&format!("\"{part_name}\"")) {
            let o = format!("<Override PartName=\"{part_name}\" ContentType=\"{CT_COMMENTS}\"/>");
            parts.push((
                "[Content_Types].xml".into(),
                append_before_close(&ct, &o).into_bytes(),
            ));
        }
        let bytes = write_zip(bytes, parts)?;
        Ok(Annotated {
            bytes,
            fixed,
            on_words,
        })
    }
}

/// How WordprocessingML elements are named in this part: the prefix the paragraphs use
/// (`w:`), or `w:` declared on each written element when the part uses a default namespace.
struct Names {
    p: String,
    decl: String,
}

impl Names {
    fn of(xml: &str, first: Option<&ParaSource>) -> Names {
        let prefix = first
            .and_then(|s| xml.get(s.start..))
            .map(|t| qname(t).strip_suffix('p').unwrap_or(""))
            .unwrap_or("w:");
        Names::of_prefix(prefix)
    }

    fn of_prefix(prefix: &str) -> Names {
        if prefix.is_empty() {
            Names {
                p: "w:".into(),
                decl: format!(" xmlns:w=\"{W_MAIN}\""),
            }
        } else {
            Names {
                p: prefix.to_string(),
                decl: String::new(),
            }
        }
    }

    /// An empty element `<p:NAME ATTRS/>`.
    fn el(&self, name_attrs: &str) -> String {
        let (name, attrs) = name_attrs.split_once(' ').unwrap_or((name_attrs, ""));
        format!("<{}{name}{} {attrs}/>", self.p, self.decl)
    }

    /// The run holding the comment reference mark.
    fn reference(&self, id: u32) -> String {
        let p = &self.p;
        format!(
            "<{p}r{}><{p}commentReference {p}id=\"{id}\"/></{p}r>",
            self.decl
        )
    }
}

/// The qualified name of the element whose tag starts `tag` ("<w:p w:rsidR=…" → "w:p").
fn qname(tag: &str) -> &str {
    let t = tag.strip_prefix('<').unwrap_or(tag);
    let end = t
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(t.len());
    &t[..end]
}

fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// `<w:comment …>` with one paragraph per line of `paras`.
fn comment_xml(id: u32, paras: &[&str], who: &Author, n: &Names) -> String {
    let p = &n.p;
    let mut s = format!(
        "<{p}comment{} {p}id=\"{id}\" {p}author=\"{}\" {p}date=\"{}\" {p}initials=\"{}\">",
        n.decl,
        esc(&who.name),
        esc(&who.date),
        esc(&who.initials)
    );
    for (i, line) in paras.iter().enumerate() {
        s.push_str(&format!("<{p}p>"));
        if i == 0 {
            s.push_str(&format!("<{p}r><{p}annotationRef/></{p}r>"));
        }
        s.push_str(&format!(
            "<{p}r><{p}t xml:space=\"preserve\">{}</{p}t></{p}r></{p}p>",
            esc(line)
        ));
    }
    s.push_str(&format!("</{p}comment>"));
    s
}

/// The largest number written as an `id="N"` attribute value in a part (0 if none).
fn max_id(xml: &str) -> u32 {
    let mut max = 0u32;
    for (i, _) in xml.match_indices("id=\"") {
        let digits: String = xml[i + 4..]
            .chars()
            .take(10)
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse::<u32>() {
            if n < 1 << 30 {
                max = max.max(n);
            }
        }
    }
    max
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
fn rels_of(main: &str) -> String {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    }
}

/// `word/document.xml` → `word/`.
fn dir_of(main: &str) -> String {
    main.rsplit_once('/')
        .map(|(d, _)| format!("{d}/"))
        .unwrap_or_default()
}

/// The comments part named by the main part's relationships, or `word/comments.xml` with a
/// new relationship id (the second value, `None` when the relationship exists).
fn comments_part(
    rels: Option<&str>,
    main: &str,
    limits: &Limits,
) -> Result<(String, Option<String>)> {
    let dir = dir_of(main);
    let mut ids = Vec::new();
    if let Some(rels) = rels {
        let mut c = Cursor::new(rels, "document.xml.rels", limits);
        loop {
            match c.next()? {
                Ev::Eof => break,
                Ev::Empty(_, e) | Ev::Start(_, e) if local(&e) == b"Relationship" => {
                    let ty = attr(&e, b"Type").unwrap_or_default();
                    let target = attr(&e, b"Target").unwrap_or_default();
                    if ty.ends_with("/comments") && attr(&e, b"TargetMode").is_none() {
                        let name = match target.strip_prefix('/') {
                            Some(abs) => abs.to_string(),
                            None => format!("{dir}{target}"),
                        };
                        return Ok((name, None));
                    }
                    ids.push(attr(&e, b"Id").unwrap_or_default());
                }
                _ => {}
            }
        }
    }
    let mut n = 1;
    while ids.contains(&format!("rIdKH{n}")) {
        n += 1;
    }
    Ok((format!("{dir}comments.xml"), Some(format!("rIdKH{n}"))))
}

/// `inner` inserted before the part's last end tag (its root's); a root written as an empty
/// element (`<w:comments … />`, as some writers leave an empty part) is opened and closed.
fn append_before_close(xml: &str, inner: &str) -> String {
    let t = xml.trim_end();
    if let Some(open) = t.strip_suffix("/>") {
        // The last element of a part with no end tag after it is the root.
        if let Some(lt) = open.rfind('<') {
            let name = qname(&open[lt..]);
            return format!("{}>{inner}</{name}>", open.trim_end());
        }
    }
    match xml.rfind("</") {
        Some(i) => format!("{}{inner}{}", &xml[..i], &xml[i..]),
        None => format!("{xml}{inner}"),
    }
}

/// Text decomposed (NFD) with whitespace runs folded to one space, each character
/// remembering the byte range of the source character it came from.
struct Folded {
    s: String,
    /// Per character of `s`: its byte offset in `s`, and the source character's range.
    chars: Vec<(usize, usize, usize)>,
}

fn folded(src: &str) -> Folded {
    let mut f = Folded {
        s: String::with_capacity(src.len()),
        chars: Vec::with_capacity(src.len()),
    };
    for (i, c) in src.char_indices() {
        let to = i + c.len_utf8();
        if c.is_whitespace() || c == '\u{a0}' {
            match f.chars.last_mut() {
                Some(l) if f.s.ends_with(' ') => l.2 = to,
                _ => {
                    f.chars.push((f.s.len(), i, to));
                    f.s.push(' ');
                }
            }
            continue;
        }
        decompose_canonical(c, |d| {
            f.chars.push((f.s.len(), i, to));
            f.s.push(d);
        });
    }
    f
}

/// The words in the paragraph's simple runs: per run, the byte range they take there.
fn find_words(src: &ParaSource, words: &str) -> Option<Hit> {
    let needle = folded(words.trim()).s;
    if needle.is_empty() || needle.len() > 4000 {
        return None;
    }
    // Groups of consecutive simple runs; a match never crosses another run.
    let mut i = 0;
    while i < src.runs.len() {
        if !src.runs[i].simple {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut text = String::new();
        let mut bounds = Vec::new();
        while j < src.runs.len() && src.runs[j].simple {
            bounds.push((j, text.len()));
            text.push_str(&src.runs[j].text);
            j += 1;
        }
        if let Some((a, b)) = search(&folded(&text), &needle) {
            let mut hit = Vec::new();
            for (k, &(r, off)) in bounds.iter().enumerate() {
                let end = bounds.get(k + 1).map(|b| b.1).unwrap_or(text.len());
                let (s, e) = (a.max(off), b.min(end));
                if s < e {
                    hit.push((r, s - off, e - off));
                }
            }
            return Some(hit);
        }
        i = j;
    }
    None
}

/// The byte range (in the source text) of the first place `hay` holds `needle` starting and
/// ending on whole source characters (not before a combining mark). Linear: memchr's
/// substring search, then a check of each candidate's two edges.
fn search(hay: &Folded, needle: &str) -> Option<(usize, usize)> {
    let at = |byte: usize| hay.chars.binary_search_by_key(&byte, |c| c.0).ok();
    for pos in memchr::memmem::find_iter(hay.s.as_bytes(), needle.as_bytes()) {
        let Some(first) = at(pos) else { continue };
        let end = pos + needle.len();
        let last = match at(end) {
            Some(i) => i - 1,
            None if end == hay.s.len() => hay.chars.len() - 1,
            None => continue,
        };
        if first > 0 && hay.chars[first - 1].1 == hay.chars[first].1 {
            continue;
        }
        if let Some(next) = hay.chars.get(last + 1) {
            let c = hay.s[next.0..].chars().next().unwrap_or(' ');
            if next.1 == hay.chars[last].1 || is_combining_mark(c) {
                continue;
            }
        }
        return Some((hay.chars[first].1, hay.chars[last].2));
    }
    None
}

/// The replacements of the runs a hit touches: the words kept or deleted, the new words
/// inserted after them, and the comment marks around them.
#[allow(clippy::too_many_arguments)]
fn split_runs(
    xml: &str,
    src: &ParaSource,
    hit: &Hit,
    mark_start: &str,
    mark_end: &str,
    rev: Option<(&str, (u32, u32))>,
    who: &Author,
    names: &Names,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let last = hit.len().saturating_sub(1);
    for (k, &(r, a, b)) in hit.iter().enumerate() {
        let run: &RunSource = &src.runs[r];
        let open = xml.get(run.start..run.open_end).unwrap_or("<w:r>");
        let q = qname(open).to_string();
        let pre = q.strip_suffix('r').unwrap_or("").to_string();
        let rpr = run.rpr.and_then(|(s, e)| xml.get(s..e)).unwrap_or_default();
        let piece = |text: &str, tag: &str| {
            format!(
                "{open}{rpr}<{pre}{tag} xml:space=\"preserve\">{}</{pre}{tag}></{q}>",
                esc(text)
            )
        };
        let t = &run.text;
        let mut s = String::new();
        if a > 0 {
            s.push_str(&piece(&t[..a], "t"));
        }
        if k == 0 {
            s.push_str(mark_start);
        }
        let p = &names.p;
        let d = &names.decl;
        let attrs = |id: u32| {
            format!(
                "{p}id=\"{id}\" {p}author=\"{}\" {p}date=\"{}\"",
                esc(&who.name),
                esc(&who.date)
            )
        };
        match rev {
            Some((_, (del_id, _))) => s.push_str(&format!(
                "<{p}del{d} {}>{}</{p}del>",
                attrs(del_id),
                piece(&t[a..b], "delText")
            )),
            None => s.push_str(&piece(&t[a..b], "t")),
        }
        if k == last {
            if let Some((new, (_, ins_id))) = rev {
                if !new.is_empty() {
                    s.push_str(&format!(
                        "<{p}ins{d} {}>{}</{p}ins>",
                        attrs(ins_id),
                        piece(new, "t")
                    ));
                }
            }
            s.push_str(mark_end);
        }
        if b < t.len() {
            s.push_str(&piece(&t[b..], "t"));
        }
        out.push((run.start, run.end, s));
    }
    out
}

/// The package with `parts` replaced or added; every other entry copied raw.
fn write_zip(bytes: &[u8], parts: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let zerr =
        |e: zip::result::ZipError| ParseError::corrupt(format!("cannot write the package: {e}"));
    let mut zin = zip::ZipArchive::new(IoCursor::new(bytes)).map_err(zerr)?;
    let mut zout = zip::ZipWriter::new(IoCursor::new(Vec::with_capacity(bytes.len() + 4096)));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut parts: Vec<(String, Option<Vec<u8>>)> =
        parts.into_iter().map(|(n, b)| (n, Some(b))).collect();
    for i in 0..zin.len() {
        let f = zin.by_index_raw(i).map_err(zerr)?;
        let name = f.name().to_string();
        match parts.iter_mut().find(|p| p.0 == name) {
            Some((_, body)) => {
                drop(f);
                if let Some(body) = body.take() {
                    zout.start_file(name, opts).map_err(zerr)?;
                    zout.write_all(&body).map_err(|e| {
                        ParseError::corrupt(format!("cannot write the package: {e}"))
                    })?;
                }
            }
            None => zout.raw_copy_file(f).map_err(zerr)?,
        }
    }
    for (name, body) in parts {
        if let Some(body) = body {
            zout.start_file(name, opts).map_err(zerr)?;
            zout.write_all(&body)
                .map_err(|e| ParseError::corrupt(format!("cannot write the package: {e}")))?;
        }
    }
    Ok(zout.finish().map_err(zerr)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(hay: &str, needle: &str) -> Option<&'static str> {
        let (a, b) = search(&folded(hay), &folded(needle).s)?;
        Some(Box::leak(hay[a..b].to_string().into_boxed_str()))
    }

    #[test]
    fn words_are_found_on_decomposed_text_with_folded_spaces() {
        assert_eq!(find("Trong năm 2025", "năm 2025"), Some("năm 2025"));
        // NFD source, non-breaking and double spaces.
        let nfd = "Trong na\u{306}m\u{a0}\u{a0}2025.";
        assert_eq!(find(nfd, "năm 2025"), Some("na\u{306}m\u{a0}\u{a0}2025"));
        // NFD needle in NFC text.
        assert_eq!(find("Quý II năm 2026", "na\u{306}m 2026"), Some("năm 2026"));
        // Never half a character: "nam" is not in "năm", "nă" not in NFD "nắ".
        assert_eq!(find("năm", "nam"), None);
        assert_eq!(find("na\u{306}\u{301}m", "nă"), None);
        assert_eq!(find("", "năm"), None);
        assert_eq!(find("năm 2025", "năm 2025 và"), None);
    }

    #[test]
    fn ids_and_names() {
        assert_eq!(
            max_id("<w:a w:id=\"7\"/><w:b w:id=\"12\"/><x id=\"abc\"/>"),
            12
        );
        assert_eq!(max_id("id=\""), 0);
        assert_eq!(rels_of("word/document.xml"), "word/_rels/document.xml.rels");
        assert_eq!(rels_of("document.xml"), "_rels/document.xml.rels");
        assert_eq!(qname("<w:p w:rsidR=\"1\">"), "w:p");
        assert_eq!(qname("<p/>"), "p");
        assert_eq!(
            append_before_close("<a><b/></a>", "<c/>"),
            "<a><b/><c/></a>"
        );
        assert_eq!(
            append_before_close(
                "<?xml version=\"1.0\"?><w:comments xmlns:w=\"x\" />\n",
                "<c/>"
            ),
            "<?xml version=\"1.0\"?><w:comments xmlns:w=\"x\"><c/></w:comments>"
        );
    }
}
