//! The gazetteer of body shapes (`data/agency_shapes.txt`), parsed once.
//!
//! Keys are `kehoach_text::ascii_key` forms; see the data file's header for the format.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are a few ASCII bytes, where SipHash's setup dominates a lookup.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The data file, compiled in.
pub(crate) const DATA: &str = include_str!("../../../data/agency_shapes.txt");

/// What a head in `[body]` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A complete body on its own ("UBND", "Văn phòng").
    Alone,
    /// Needs a name after it ("Sở" + "Tư pháp").
    Named,
    /// Not a head although a shorter one matches ("Bộ phận").
    Not,
}

/// Phrases of words, found by their first word: one hash lookup per position, then word
/// comparisons (no key string is built while scanning).
#[derive(Debug)]
pub(crate) struct Phrases<V> {
    by_first: FnvMap<String, Vec<(Vec<String>, V)>>,
    /// The most words in a phrase.
    pub max_words: usize,
    len: usize,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            by_first: FnvMap::default(),
            max_words: 0,
            len: 0,
        }
    }
}

impl<V: Copy> Phrases<V> {
    /// Adds a phrase (words separated by one space); false if it was there already.
    fn insert(&mut self, key: &str, v: V) -> bool {
        let mut words = key.split(' ').map(str::to_string);
        let Some(first) = words.next() else {
            return false;
        };
        let rest: Vec<String> = words.collect();
        self.max_words = self.max_words.max(rest.len() + 1);
        let list = self.by_first.entry(first).or_default();
        if let Some(e) = list.iter_mut().find(|(r, _)| *r == rest) {
            e.1 = v;
            return false;
        }
        list.push((rest, v));
        self.len += 1;
        true
    }

    /// The value of a whole phrase.
    #[cfg(test)]
    pub fn get(&self, key: &str) -> Option<V> {
        let words: Vec<&str> = key.split(' ').collect();
        self.longest(|i| words.get(i).copied())
            .filter(|&(n, _)| n == words.len())
            .map(|(_, v)| v)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// The longest phrase made of the words `word(0)`, `word(1)`, … (`None` ends the words),
    /// as its number of words and value.
    pub fn longest<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> Option<(usize, V)> {
        let list = self.by_first.get(word(0)?)?;
        let mut best: Option<(usize, V)> = None;
        for (rest, v) in list {
            let n = rest.len() + 1;
            if best.is_some_and(|(b, _)| b >= n) {
                continue;
            }
            if rest
                .iter()
                .enumerate()
                .all(|(i, w)| word(i + 1) == Some(w.as_str()))
            {
                best = Some((n, *v));
            }
        }
        best
    }
}

#[derive(Debug, Default)]
pub(crate) struct Shapes {
    pub heads: Phrases<Head>,
    pub collective: Phrases<()>,
    pub served: Phrases<()>,
    /// Reference cues that must start the entry, as phrases and as keys.
    pub reference_starts: Phrases<()>,
    pub reference_start_keys: Vec<String>,
    /// Reference cues found anywhere, padded with a space each side (" phu luc ").
    pub reference_anywhere: Vec<String>,
    /// The same cues unpadded ("phu luc"), for a scan of a key's word starts.
    pub reference_anywhere_keys: Vec<String>,
}

/// Parses the data file. Errors name the line; the test of the compiled-in file keeps them
/// out of releases, and [`shapes`] ignores a bad line rather than panic.
pub(crate) fn parse(data: &str) -> (Shapes, Vec<String>) {
    let mut s = Shapes::default();
    let mut errors = Vec::new();
    let mut section = "";
    for (n, raw) in data.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "body" => "body",
                "collective" => "collective",
                "served" => "served",
                "reference" => "reference",
                _ => {
                    errors.push(format!("line {}: unknown section [{name}]", n + 1));
                    ""
                }
            };
            continue;
        }
        let (neg, rest) = match line.strip_prefix('!') {
            Some(r) => (true, r.trim()),
            None => (false, line),
        };
        let (starts, rest) = match rest.strip_prefix('^') {
            Some(r) => (true, r.trim()),
            None => (false, rest),
        };
        let (named, rest) = match rest.strip_suffix('+') {
            Some(r) => (true, r.trim()),
            None => (false, rest),
        };
        let key = kehoach_text::ascii_key(rest);
        if key != rest || key.is_empty() {
            errors.push(format!(
                "line {}: {rest:?} is not an ascii key (want {key:?})",
                n + 1
            ));
            continue;
        }
        let bad_marks = match section {
            "body" => starts,
            "reference" => neg || named,
            _ => neg || named || starts,
        };
        if bad_marks || section.is_empty() {
            errors.push(format!("line {}: marks not allowed here: {line:?}", n + 1));
            continue;
        }
        let dup = match section {
            "body" => {
                let head = if neg {
                    Head::Not
                } else if named {
                    Head::Named
                } else {
                    Head::Alone
                };
                !s.heads.insert(&key, head)
            }
            "collective" => !s.collective.insert(&key, ()),
            "served" => !s.served.insert(&key, ()),
            _ if starts => {
                s.reference_start_keys.push(key.clone());
                !s.reference_starts.insert(&key, ())
            }
            _ => {
                let padded = format!(" {key} ");
                let dup = s.reference_anywhere.contains(&padded);
                s.reference_anywhere.push(padded);
                s.reference_anywhere_keys.push(key.clone());
                dup
            }
        };
        if dup {
            errors.push(format!("line {}: {key:?} listed twice", n + 1));
        }
    }
    (s, errors)
}

/// The compiled-in gazetteer, parsed on first use.
pub(crate) fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| parse(DATA).0)
}
