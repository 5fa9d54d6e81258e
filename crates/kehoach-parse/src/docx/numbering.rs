//! Word's automatic numbering (numbering.xml), rendered to the label a reader sees.
//!
//! An STT produced by auto-numbering must read the same as one typed by hand, so each
//! numbered paragraph gets its label: the level's `lvlText` ("%1.%2") with every `%n`
//! replaced by the current counter of level n in its format (decimal, roman, letters).
//! Counters live per list instance (`w:num`); a deeper level restarts when a shallower one
//! advances; `w:lvlOverride/w:startOverride` restarts an instance at a given value.

use std::collections::HashMap;

use crate::error::Result;
use crate::limits::Limits;

use super::xml::{attr, local, Cursor, Ev, Ns};

/// Characters of a level text kept (Word's own limit is far lower).
const MAX_LEVEL_TEXT: usize = 64;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    fmt: String,
    text: String,
    /// Restart after a shallower level (`lvlRestart`); `None` = after any shallower level.
    restart: Option<u32>,
    legal: bool,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<u32, u32>,
    level_overrides: HashMap<u32, Level>,
}

/// Numbering definitions and the running counters of one document.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, HashMap<u32, Level>>,
    nums: HashMap<String, Num>,
    /// Counters per list instance: level → current value (None = not used yet).
    counters: HashMap<String, [Option<u32>; 9]>,
    /// Style id → (numId, ilvl), for paragraphs numbered through their style.
    pub style_links: HashMap<String, (String, u32)>,
}

impl Numbering {
    pub fn parse(xml: &str, limits: &Limits) -> Result<Self> {
        let mut n = Numbering::default();
        let mut c = Cursor::new(xml, "word/numbering.xml", limits);
        // What we are inside of.
        let mut cur_abstract: Option<String> = None;
        let mut cur_num: Option<String> = None;
        let mut cur_override: Option<u32> = None;
        let mut cur_lvl: Option<(u32, Level)> = None;
        loop {
            let ev = c.next()?;
            let (ns, e, empty) = match &ev {
                Ev::Start(ns, e) => (*ns, e.clone(), false),
                Ev::Empty(ns, e) => (*ns, e.clone(), true),
                Ev::End(Ns::W, name) => {
                    match super::xml::end_local(name) {
                        b"abstractNum" => cur_abstract = None,
                        b"num" => cur_num = None,
                        b"lvlOverride" => cur_override = None,
                        b"lvl" => {
                            if let Some((ilvl, lvl)) = cur_lvl.take() {
                                if let (Some(num), Some(o)) = (&cur_num, cur_override) {
                                    if let Some(num) = n.nums.get_mut(num) {
                                        num.level_overrides.insert(o, lvl);
                                    }
                                } else if let Some(a) = &cur_abstract {
                                    n.abstracts.entry(a.clone()).or_default().insert(ilvl, lvl);
                                }
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                Ev::Eof => break,
                _ => continue,
            };
            if ns != Ns::W {
                if !empty {
                    c.skip()?;
                }
                continue;
            }
            match local(&e) {
                b"abstractNum" => cur_abstract = attr(&e, b"abstractNumId"),
                b"num" => {
                    let id = attr(&e, b"numId").unwrap_or_default();
                    n.nums.insert(id.clone(), Num::default());
                    cur_num = Some(id);
                }
                b"abstractNumId" => {
                    if let (Some(num), Some(v)) = (&cur_num, attr(&e, b"val")) {
                        if let Some(num) = n.nums.get_mut(num) {
                            num.abstract_id = v;
                        }
                    }
                }
                b"lvlOverride" => cur_override = attr(&e, b"ilvl").and_then(|v| v.parse().ok()),
                b"startOverride" => {
                    if let (Some(num), Some(o), Some(v)) = (
                        &cur_num,
                        cur_override,
                        attr(&e, b"val").and_then(|v| v.parse().ok()),
                    ) {
                        if let Some(num) = n.nums.get_mut(num) {
                            num.start_overrides.insert(o, v);
                        }
                    }
                }
                b"lvl" => {
                    let ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    cur_lvl = Some((
                        ilvl,
                        Level {
                            start: 1,
                            fmt: "decimal".into(),
                            ..Default::default()
                        },
                    ));
                    if empty {
                        cur_lvl = None;
                    }
                }
                b"start" => set(&mut cur_lvl, |l| {
                    l.start = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1)
                }),
                b"numFmt" => set(&mut cur_lvl, |l| {
                    l.fmt = attr(&e, b"val").unwrap_or_else(|| "decimal".into())
                }),
                b"lvlText" => set(&mut cur_lvl, |l| {
                    // Word's level texts are a few characters ("%1.%2."); a long one would be
                    // copied into every numbered paragraph.
                    l.text = attr(&e, b"val")
                        .unwrap_or_default()
                        .chars()
                        .take(MAX_LEVEL_TEXT)
                        .collect()
                }),
                b"lvlRestart" => set(&mut cur_lvl, |l| {
                    l.restart = attr(&e, b"val").and_then(|v| v.parse().ok())
                }),
                b"isLgl" => set(&mut cur_lvl, |l| l.legal = super::xml::on_off(&e)),
                b"pStyle" => {
                    // A level linked to a paragraph style: paragraphs of that style are numbered.
                    if let (Some(a), Some((ilvl, _)), Some(style)) =
                        (&cur_abstract, &cur_lvl, attr(&e, b"val"))
                    {
                        n.style_links
                            .insert(style, (format!("abstract:{a}"), *ilvl));
                    }
                }
                _ => {}
            }
        }
        // Resolve style links to a num instance that uses the abstract definition.
        // One pass over the instances (a scan per link is quadratic on a hostile part), and
        // the lowest instance id when several use the definition, not whichever a hash map
        // yields first.
        let mut by_abstract: HashMap<&str, &str> = HashMap::new();
        for (num_id, num) in &n.nums {
            let e = by_abstract
                .entry(num.abstract_id.as_str())
                .or_insert(num_id);
            let key = |s: &str| (s.parse::<u64>().unwrap_or(u64::MAX), s.to_string());
            if key(num_id) < key(e) {
                *e = num_id;
            }
        }
        let links: Vec<(String, (String, u32))> = n.style_links.drain().collect();
        let mut resolved = HashMap::new();
        for (style, (target, ilvl)) in links {
            let abs = target.trim_start_matches("abstract:");
            if let Some(num_id) = by_abstract.get(abs) {
                resolved.insert(style, (num_id.to_string(), ilvl));
            }
        }
        n.style_links = resolved;
        Ok(n)
    }

    fn level(&self, num_id: &str, ilvl: u32) -> Option<Level> {
        let num = self.nums.get(num_id)?;
        if let Some(l) = num.level_overrides.get(&ilvl) {
            return Some(l.clone());
        }
        let mut l = self.abstracts.get(&num.abstract_id)?.get(&ilvl)?.clone();
        if let Some(&s) = num.start_overrides.get(&ilvl) {
            l.start = s;
        }
        Some(l)
    }

    /// Advances the counters for a paragraph numbered `(num_id, ilvl)` and returns its label,
    /// or `None` for numId 0 (numbering removed) or an unknown list.
    pub fn next_label(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        if num_id == "0" || ilvl > 8 {
            return None;
        }
        let lvl = self.level(num_id, ilvl)?;
        let ilvl_u = ilvl as usize;
        let mut levels: Vec<Option<Level>> = Vec::with_capacity(ilvl_u + 1);
        for i in 0..=ilvl {
            levels.push(self.level(num_id, i));
        }
        let counters = self.counters.entry(num_id.to_string()).or_insert([None; 9]);
        counters[ilvl_u] = Some(match counters[ilvl_u] {
            Some(v) => v.saturating_add(1),
            None => lvl.start,
        });
        // Deeper levels restart.
        for (d, counter) in counters.iter_mut().enumerate().skip(ilvl_u + 1) {
            let _ = d;
            *counter = None;
        }
        // Shallower levels that were never used count as their start value.
        for i in 0..ilvl_u {
            if counters[i].is_none() {
                counters[i] = Some(levels[i].as_ref().map(|l| l.start).unwrap_or(1));
            }
        }
        if lvl.fmt == "bullet" {
            return Some(bullet(&lvl.text));
        }
        if lvl.fmt == "none" {
            return Some(String::new()).filter(|s: &String| !s.is_empty());
        }
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let i = (d as usize).saturating_sub(1);
                    if i < 9 {
                        let v = counters[i].unwrap_or(1);
                        let fmt = if lvl.legal && i < ilvl_u {
                            "decimal"
                        } else {
                            levels
                                .get(i)
                                .and_then(|l| l.as_ref())
                                .map(|l| l.fmt.as_str())
                                .unwrap_or("decimal")
                        };
                        out.push_str(&format_number(v, fmt));
                    }
                    continue;
                }
            }
            out.push(ch);
        }
        let label = kehoach_text::clean(&out);
        if label.is_empty() {
            None
        } else {
            Some(label)
        }
    }
}

fn set(cur: &mut Option<(u32, Level)>, f: impl FnOnce(&mut Level)) {
    if let Some((_, l)) = cur.as_mut() {
        f(l)
    }
}

/// A bullet's symbol: private-use Symbol-font code points become "•", a dash stays a dash.
/// Cleaned like any label (a level text may hold a tab, a line break or, decoded from broken
/// UTF-8, "\u{FFFD}\r\u{FFFD}"), since it becomes part of the paragraph's text.
fn bullet(text: &str) -> String {
    let t = kehoach_text::clean(text);
    if t.is_empty() || t.chars().any(|c| ('\u{F000}'..='\u{F0FF}').contains(&c)) {
        "•".to_string()
    } else {
        t
    }
}

/// A number in a list format. Roman numerals above 3999 and letters past 30 repetitions
/// (Word's own ranges) are written as decimals, so a hostile start value cannot turn a label
/// into megabytes.
pub fn format_number(v: u32, fmt: &str) -> String {
    let fmt = match fmt {
        "upperRoman" | "lowerRoman" if v >= 4000 => "decimal",
        "upperLetter" | "lowerLetter" if v > 26 * 30 => "decimal",
        f => f,
    };
    match fmt {
        "upperRoman" => roman(v).to_uppercase(),
        "lowerRoman" => roman(v),
        "upperLetter" => letters(v).to_uppercase(),
        "lowerLetter" => letters(v),
        "decimalZero" if v < 10 => format!("0{v}"),
        _ => v.to_string(),
    }
}

fn roman(mut v: u32) -> String {
    const T: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (n, r) in T {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// Word's letter numbering: a..z, then aa..zz, aaa…
fn letters(v: u32) -> String {
    if v == 0 {
        return String::new();
    }
    let idx = (v - 1) % 26;
    let reps = (v - 1) / 26 + 1;
    let c = (b'a' + idx as u8) as char;
    std::iter::repeat_n(c, reps as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="8">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn renders_multilevel_labels() {
        let mut n = Numbering::parse(XML, &Limits::default()).unwrap();
        let got: Vec<String> = [
            (0, "1"),
            (1, "1"),
            (1, "1"),
            (2, "1"),
            (2, "1"),
            (1, "1"),
            (0, "1"),
            (1, "1"),
        ]
        .iter()
        .map(|(l, id)| n.next_label(id, *l).unwrap())
        .collect();
        assert_eq!(
            got,
            ["1.", "1.1", "1.2", "1.2.1", "1.2.2", "1.3", "2.", "2.1"]
        );
        assert_eq!(n.next_label("2", 0).unwrap(), "I.");
        assert_eq!(n.next_label("2", 0).unwrap(), "II.");
        assert_eq!(n.next_label("3", 0).unwrap(), "4.");
        assert_eq!(n.next_label("0", 0), None);
    }

    #[test]
    fn hostile_values_stay_small() {
        assert_eq!(format_number(u32::MAX, "upperRoman"), "4294967295");
        assert_eq!(format_number(u32::MAX, "lowerLetter"), "4294967295");
        assert_eq!(format_number(780, "lowerLetter").len(), 30);
        assert_eq!(format_number(3999, "upperRoman"), "MMMCMXCIX");
        let xml = format!(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/>
              <w:numFmt w:val="upperRoman"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
            "%1".repeat(10_000)
        );
        let mut n = Numbering::parse(&xml, &Limits::default()).unwrap();
        for _ in 0..3 {
            // The counter saturates instead of overflowing; the label stays short.
            let label = n.next_label("1", 0).unwrap();
            assert!(label.len() <= 32 * 10, "{}", label.len());
        }
    }

    #[test]
    fn bullet_labels_are_clean() {
        // A fuzz find: a bullet's level text decoded from broken UTF-8 held "\r", which went
        // into the cell text unfolded.
        let xml = |text: &str| {
            format!(
                r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>
                  <w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>
                  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
            )
        };
        for (text, label) in [
            ("\u{FFFD}\r\u{FFFD}", "\u{FFFD} \u{FFFD}"),
            ("&#9;-&#10;&#10;", "-"),
            (" o\u{A0}o ", "o o"),
            ("\u{F0B7}", "•"),
            ("&#13;", "•"),
        ] {
            let mut n = Numbering::parse(&xml(text), &Limits::default()).unwrap();
            assert_eq!(n.next_label("1", 0).as_deref(), Some(label), "{text:?}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(3, "decimal"), "3");
    }
}
