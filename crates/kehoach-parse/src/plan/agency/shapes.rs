//! The gazetteer of body shapes (`data/agency_shapes.txt`), parsed once.
//!
//! Keys are `kehoach_text::ascii_key` forms; see the data file's header for the format.

use std::collections::HashMap;
use std::sync::OnceLock;

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

#[derive(Debug, Default)]
pub(crate) struct Shapes {
    /// Head key (words joined by one space) → kind.
    pub heads: HashMap<String, Head>,
    /// The most words in a head.
    pub max_head_words: usize,
    pub collective: HashMap<String, ()>,
    pub max_collective_words: usize,
    pub served: HashMap<String, ()>,
    pub max_served_words: usize,
    /// Reference cues that must start the entry.
    pub reference_starts: Vec<String>,
    /// Reference cues found anywhere (word-bounded).
    pub reference_anywhere: Vec<String>,
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
        let words = key.split(' ').count();
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
                s.max_head_words = s.max_head_words.max(words);
                s.heads.insert(key.clone(), head).is_some()
            }
            "collective" => {
                s.max_collective_words = s.max_collective_words.max(words);
                s.collective.insert(key.clone(), ()).is_some()
            }
            "served" => {
                s.max_served_words = s.max_served_words.max(words);
                s.served.insert(key.clone(), ()).is_some()
            }
            _ => {
                let list = if starts {
                    &mut s.reference_starts
                } else {
                    &mut s.reference_anywhere
                };
                let dup = list.contains(&key);
                list.push(key.clone());
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
