//! Small helpers over lopdf's object graph that never fail loudly: a broken reference reads as
//! "absent", so one bad object costs a glyph or a line, not the document.

use lopdf::{Dictionary, Document, Object, Stream};

/// Follows references (lopdf bounds the chain).
pub fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// `dict[key]`, dereferenced.
pub fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().and_then(|o| deref(doc, o))
}

/// A dictionary, or a stream's dictionary.
pub fn as_dict(o: &Object) -> Option<&Dictionary> {
    match o {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn name_of(o: &Object) -> Option<Vec<u8>> {
    o.as_name().ok().map(|n| n.to_vec())
}

pub fn num(o: &Object) -> Option<f32> {
    let v = o.as_float().ok()?;
    v.is_finite().then_some(v)
}

/// A stream's decoded bytes, at most `max` of them; None when a filter fails or the limit is
/// passed.
pub fn stream_bytes(s: &Stream, max: usize) -> Option<Vec<u8>> {
    if s.content.is_empty() {
        return Some(Vec::new());
    }
    match s.filters() {
        Ok(f) if !f.is_empty() => s.get_plain_content_with_limit(max).ok(),
        _ => (s.content.len() <= max).then(|| s.content.clone()),
    }
}

/// An array of numbers, dereferenced.
pub fn nums(doc: &Document, o: &Object) -> Vec<f32> {
    match deref(doc, o) {
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|x| deref(doc, x).and_then(num))
            .collect(),
        _ => Vec::new(),
    }
}

/// A page attribute that may be inherited from the page tree (Resources, MediaBox, Rotate).
pub fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Some(v) = dict_get(doc, node, key) {
            return Some(v);
        }
        node = dict_get(doc, node, b"Parent").and_then(as_dict)?;
    }
    None
}
