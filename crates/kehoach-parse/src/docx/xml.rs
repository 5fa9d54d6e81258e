//! A namespace-aware XML cursor over quick-xml with our own depth and element accounting.
//!
//! quick-xml returns `Ok(Eof)` at a premature end of file, so the cursor tracks element depth
//! itself and reports a truncated part as an error. Elements are matched by namespace and
//! local name, never by literal prefix, so a package that binds WordprocessingML to `ns0:`
//! reads the same as one that uses `w:`. DOCTYPE declarations are skipped and entities other
//! than the five predefined ones and character references are never expanded.

use std::borrow::Cow;

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Reader;

use crate::error::{ParseError, Result};
use crate::limits::Limits;

/// WordprocessingML main namespace, transitional and strict.
const W_NS: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Which vocabulary an element belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    W,
    Mc,
    Other,
}

/// One event, simplified.
pub enum Ev<'a> {
    Start(Ns, BytesStart<'a>),
    Empty(Ns, BytesStart<'a>),
    End(Ns, BytesEnd<'a>),
    Text(Cow<'a, str>),
    Eof,
}

/// A namespace binding in scope: `prefix` (empty for the default namespace) bound to `ns`
/// by an element at `depth`.
struct Binding {
    prefix: Vec<u8>,
    ns: Ns,
    depth: u64,
}

pub struct Cursor<'a> {
    /// The whole part, checked as UTF-8 once (see [`part_text`]): text nodes are slices of
    /// it, not validated again one by one.
    src: &'a str,
    reader: Reader<&'a [u8]>,
    /// The prefix last resolved and its namespace (almost every element of a part has the
    /// same prefix), valid while no binding is added or removed.
    last_prefix: Option<(Prefix, Ns)>,
    /// Finds "xmlns" in an element's attributes (built once per part).
    xmlns: memchr::memmem::Finder<'static>,
    /// Bindings in scope, innermost last. Word declares them once on the root element, so
    /// this stays tiny; an element is only scanned for declarations when its bytes contain
    /// "xmlns", which keeps namespace handling off the hot path.
    bindings: Vec<Binding>,
    /// The same bindings by prefix (innermost last), kept only while more than
    /// `SCAN_BINDINGS` are in scope.
    by_prefix: std::collections::HashMap<Vec<u8>, Vec<Ns>>,
    part: &'static str,
    depth: u64,
    elements: u64,
    max_depth: u64,
    max_elements: u64,
    /// Events read since the time limit was last checked.
    ticks: u32,
    /// Byte offset in the part where the event last returned starts.
    ev_start: usize,
    limits: Limits,
}

/// Up to this many bindings in scope, resolving a prefix scans them.
const SCAN_BINDINGS: usize = 64;

/// The time limit is checked once per this many events (a few hundred microseconds of work).
const TICKS_PER_TIME_CHECK: u32 = 4096;

impl<'a> Cursor<'a> {
    /// A cursor over one part's text; get it from the part's bytes with [`part_text`].
    pub fn new(xml: &'a str, part: &'static str, limits: &Limits) -> Self {
        let mut reader = Reader::from_reader(xml.as_bytes());
        let cfg = reader.config_mut();
        cfg.trim_text(false);
        cfg.check_end_names = false;
        cfg.expand_empty_elements = false;
        Cursor {
            src: xml,
            last_prefix: None,
            xmlns: memchr::memmem::Finder::new(b"xmlns"),
            bindings: Vec::new(),
            by_prefix: std::collections::HashMap::new(),
            reader,
            part,
            depth: 0,
            elements: 0,
            max_depth: limits.max_xml_depth,
            max_elements: limits.max_xml_elements,
            ticks: 0,
            ev_start: 0,
            limits: limits.clone(),
        }
    }

    pub fn depth(&self) -> u64 {
        self.depth
    }

    /// Byte offset in the part where the event last returned by [`Cursor::next`] starts.
    pub fn event_start(&self) -> usize {
        self.ev_start
    }

    /// Byte offset in the part just past the event last returned.
    pub fn event_end(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    fn classify_ns(uri: &[u8]) -> Ns {
        if W_NS.contains(&uri) {
            Ns::W
        } else if uri == MC_NS {
            Ns::Mc
        } else {
            Ns::Other
        }
    }

    /// Records the namespace declarations of an element opened at `depth`.
    fn declare(&mut self, e: &BytesStart<'_>, depth: u64) {
        if self.xmlns.find(e.attributes_raw()).is_none() {
            return;
        }
        self.last_prefix = None;
        for a in e.attributes().with_checks(false).flatten() {
            let key = a.key.as_ref();
            let prefix = if key == b"xmlns" {
                Vec::new()
            } else if let Some(p) = key.strip_prefix(b"xmlns:") {
                p.to_vec()
            } else {
                continue;
            };
            let ns = Self::classify_ns(&a.value);
            if self.bindings.len() >= SCAN_BINDINGS {
                if self.by_prefix.is_empty() {
                    for b in &self.bindings {
                        self.by_prefix
                            .entry(b.prefix.clone())
                            .or_default()
                            .push(b.ns);
                    }
                }
                self.by_prefix.entry(prefix.clone()).or_default().push(ns);
            }
            self.bindings.push(Binding { prefix, ns, depth });
        }
    }

    /// The namespace of an element or end tag by its prefix.
    fn resolve(&mut self, qname: &[u8]) -> Ns {
        let prefix: &[u8] = match qname.iter().position(|&b| b == b':') {
            Some(i) => &qname[..i],
            None => b"",
        };
        if let Some((p, ns)) = &self.last_prefix {
            if p.as_slice() == prefix {
                return *ns;
            }
        }
        let ns = self.resolve_scope(prefix);
        self.last_prefix = Prefix::new(prefix).map(|p| (p, ns));
        ns
    }

    fn resolve_scope(&self, prefix: &[u8]) -> Ns {
        // Few bindings (a real part declares a few dozen on its root): scan them. Many (a
        // hostile part declaring thousands): look the prefix up, so that resolving every
        // element does not scan them all.
        if !self.by_prefix.is_empty() {
            return self.resolve_many(prefix);
        }
        self.bindings
            .iter()
            .rev()
            .find(|b| b.prefix == prefix)
            .map(|b| b.ns)
            .unwrap_or(Ns::Other)
    }

    #[cold]
    #[inline(never)]
    fn resolve_many(&self, prefix: &[u8]) -> Ns {
        self.by_prefix
            .get(prefix)
            .and_then(|v| v.last())
            .copied()
            .unwrap_or(Ns::Other)
    }

    fn close_scope(&mut self, depth: u64) {
        if self.bindings.last().is_some_and(|b| b.depth > depth) {
            self.pop_scope(depth);
        }
    }

    #[cold]
    #[inline(never)]
    fn pop_scope(&mut self, depth: u64) {
        self.last_prefix = None;
        while self.bindings.last().is_some_and(|b| b.depth > depth) {
            if let Some(b) = self.bindings.pop() {
                if self.bindings.len() < SCAN_BINDINGS {
                    self.by_prefix.clear();
                } else if let Some(v) = self.by_prefix.get_mut(&b.prefix) {
                    v.pop();
                }
            }
        }
    }

    fn count_element(&mut self) -> Result<()> {
        self.elements += 1;
        if self.elements > self.max_elements {
            return Err(ParseError::Limit {
                what: "the number of XML elements in a part",
                value: self.elements,
                limit: self.max_elements,
                flag: "--max-xml-elements",
            });
        }
        Ok(())
    }

    #[inline(always)]
    pub fn next(&mut self) -> Result<Ev<'a>> {
        loop {
            self.ticks += 1;
            if self.ticks >= TICKS_PER_TIME_CHECK {
                self.ticks = 0;
                self.limits.check_time()?;
            }
            self.ev_start = self.reader.buffer_position() as usize;
            let ev = self.reader.read_event().map_err(|e| {
                ParseError::corrupt(format!("{} is not well-formed XML: {e}", self.part))
            })?;
            return Ok(match ev {
                Event::Start(s) => {
                    self.count_element()?;
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ParseError::Limit {
                            what: "the XML nesting depth",
                            value: self.depth,
                            limit: self.max_depth,
                            flag: "--max-xml-depth",
                        });
                    }
                    self.declare(&s, self.depth);
                    let ns = self.resolve(s.name().as_ref());
                    Ev::Start(ns, s)
                }
                Event::Empty(s) => {
                    self.count_element()?;
                    self.declare(&s, self.depth + 1);
                    let ns = self.resolve(s.name().as_ref());
                    self.close_scope(self.depth);
                    Ev::Empty(ns, s)
                }
                Event::End(e) => {
                    if self.depth == 0 {
                        return Err(ParseError::corrupt(format!(
                            "{} closes an element it never opened",
                            self.part
                        )));
                    }
                    let ns = self.resolve(e.name().as_ref());
                    self.depth -= 1;
                    self.close_scope(self.depth);
                    Ev::End(ns, e)
                }
                Event::Text(t) => {
                    let raw = self.text_of(t.into_inner());
                    if !raw.as_bytes().contains(&b'&') {
                        Ev::Text(raw)
                    } else {
                        match quick_xml::escape::unescape(&raw) {
                            Ok(s) => Ev::Text(Cow::Owned(s.into_owned())),
                            Err(e) => {
                                return Err(ParseError::corrupt(format!(
                                    "{} uses an entity that is not defined ({e}); DOCTYPE entities are never expanded",
                                    self.part
                                )))
                            }
                        }
                    }
                }
                Event::CData(c) => Ev::Text(Cow::Owned(
                    String::from_utf8_lossy(&c.into_inner()).into_owned(),
                )),
                Event::Eof => {
                    if self.depth != 0 {
                        return Err(ParseError::corrupt(format!(
                            "{} ends with {} element(s) still open: the part is truncated",
                            self.part, self.depth
                        )));
                    }
                    Ev::Eof
                }
                // Declarations, comments, processing instructions, DOCTYPE: nothing to read.
                _ => continue,
            });
        }
    }

    /// The text of a text node: a slice of the part, which was checked as UTF-8 once. A
    /// node's bytes lie between markup characters (ASCII), so they are whole characters.
    fn text_of(&self, raw: Cow<'a, [u8]>) -> Cow<'a, str> {
        match raw {
            Cow::Borrowed(b) => {
                let start = (b.as_ptr() as usize).wrapping_sub(self.src.as_ptr() as usize);
                match self.src.get(start..start.wrapping_add(b.len())) {
                    Some(s) if start <= self.src.len() => Cow::Borrowed(s),
                    _ => Cow::Owned(String::from_utf8_lossy(b).into_owned()),
                }
            }
            Cow::Owned(b) => Cow::Owned(String::from_utf8_lossy(&b).into_owned()),
        }
    }

    /// Skips to the end of the element whose start was just returned.
    pub fn skip(&mut self) -> Result<()> {
        let target = self.depth - 1;
        loop {
            match self.next()? {
                Ev::End(..) if self.depth == target => return Ok(()),
                Ev::Eof => return Err(ParseError::corrupt(format!("{} is truncated", self.part))),
                _ => {}
            }
        }
    }
}

/// A part's bytes as text: UTF-8 with its byte-order mark dropped, or UTF-16 by its
/// byte-order mark. Bytes that are not UTF-8 become U+FFFD rather than losing the part.
pub fn part_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            // The declaration still says UTF-16; quick-xml reads the bytes as given.
            return Cow::Owned(text.into_owned());
        }
        return utf8_text(&bytes[bom..]);
    }
    utf8_text(bytes)
}

fn utf8_text(bytes: &[u8]) -> Cow<'_, str> {
    // simdutf8 checks 32 bytes at a time (a part is mostly ASCII markup): 0.4 instructions
    // a byte against std's 4; the lossy path is taken only when the check fails.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The raw value of the attribute with this local name (`w:val` → `val`), entities left
/// as written: for values compared with keywords or parsed as numbers, which never hold
/// entities. Allocates nothing.
pub fn attr_raw<'e>(e: &'e BytesStart<'_>, local: &[u8]) -> Option<Cow<'e, [u8]>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value)
}

/// The attribute's value parsed as a number.
pub fn attr_num<T: std::str::FromStr>(e: &BytesStart<'_>, local: &[u8]) -> Option<T> {
    let v = attr_raw(e, local)?;
    std::str::from_utf8(&v).ok()?.trim().parse().ok()
}

/// The value of the attribute with this local name (`w:val` → `val`), unescaped.
pub fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    let v = attr_raw(e, local)?;
    let s = std::str::from_utf8(&v).ok()?;
    quick_xml::escape::unescape(s).ok().map(|v| v.into_owned())
}

/// An OOXML on/off property (`<w:b/>`, `<w:b w:val="0"/>`, `<w:tblHeader w:val="false"/>`).
pub fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr_raw(e, b"val").as_deref(),
        Some(b"0" | b"false" | b"off" | b"none")
    )
}

/// A short prefix kept inline (the cache of [`Cursor::resolve`]); longer ones are not cached.
#[derive(Clone, Copy)]
struct Prefix {
    bytes: [u8; 15],
    len: u8,
}

impl Prefix {
    fn new(p: &[u8]) -> Option<Prefix> {
        let mut bytes = [0u8; 15];
        bytes.get_mut(..p.len())?.copy_from_slice(p);
        Some(Prefix {
            bytes,
            len: p.len() as u8,
        })
    }

    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

/// Local name of an end tag.
pub fn end_local<'b>(e: &'b BytesEnd<'_>) -> &'b [u8] {
    let full = e.name().into_inner();
    match full.iter().position(|&b| b == b':') {
        Some(i) => &full[i + 1..],
        None => full,
    }
}

/// Local name of an element.
pub fn local<'b>(e: &'b BytesStart<'_>) -> &'b [u8] {
    let full = e.name().into_inner();
    match full.iter().position(|&b| b == b':') {
        Some(i) => &full[i + 1..],
        None => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Vec<String> {
        let mut c = Cursor::new(xml, "test.xml", &Limits::default());
        let mut out = Vec::new();
        loop {
            match c.next().unwrap() {
                Ev::Text(t) => out.push(t.into_owned()),
                Ev::Eof => return out,
                _ => {}
            }
        }
    }

    #[test]
    fn parts_are_read_as_utf8_utf16_or_lossy() {
        assert_eq!(part_text("\u{feff}<a>Sở</a>".as_bytes()), "<a>Sở</a>");
        let utf16: Vec<u8> = [0xFEFF_u16]
            .into_iter()
            .chain("<a>Sở</a>".encode_utf16())
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(part_text(&utf16[..]), "<a>Sở</a>");
        // One bad byte costs one character, not the part.
        assert_eq!(part_text(b"<a>S\xffa</a>"), "<a>S\u{fffd}a</a>");
    }

    #[test]
    fn text_nodes_are_slices_with_entities_unescaped() {
        assert_eq!(
            texts("<w:t xmlns:w='x'>Kế hoạch</w:t><t>a &amp;lt; b &#273;</t>"),
            ["Kế hoạch", "a &lt; b đ"]
        );
    }

    #[test]
    fn prefixes_resolve_after_rebinding() {
        let xml = "<r xmlns:a='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>\
                   <a:p/><x xmlns:a='other'><a:p/></x><a:p/></r>";
        let mut c = Cursor::new(xml, "test.xml", &Limits::default());
        let mut seen = Vec::new();
        loop {
            match c.next().unwrap() {
                Ev::Empty(ns, _) => seen.push(ns),
                Ev::Eof => break,
                _ => {}
            }
        }
        assert_eq!(seen, [Ns::W, Ns::Other, Ns::W]);
    }
}
