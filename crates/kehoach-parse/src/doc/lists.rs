//! List numbering ([MS-DOC] 2.9.147 PlfLst, 2.9.150 LVL, 2.9.148 PlfLfo): the label Word
//! draws before a numbered paragraph, rendered as the .docx reader renders it.
//!
//! A paragraph names a list instance (ilfo, 1-based into the LFOs) and a level (ilvl); the
//! instance names a list (lsid) whose level says the start value, the number format (nfc)
//! and the number text, where characters 0–8 stand for the counters of levels 1–9 ("\0."
//! → "1.", "\0.\1." → "1.2."). Counters run per list instance, a deeper level restarts
//! when a shallower one advances (as in .docx), and a level marked legal writes shallower
//! levels as decimals. Overrides of a level's formatting in the LFO are not read.

use std::collections::HashMap;

use crate::docx::format_number;

use super::fib::{self, Fib};
use super::sprm::{le_u16, le_u32};

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    nfc: u8,
    legal: bool,
    text: Vec<u16>,
}

#[derive(Debug, Default)]
pub struct Lists {
    /// Levels of each list, by lsid.
    lists: HashMap<i32, Vec<Level>>,
    /// The lsid of each list instance (LFO), in order.
    lfos: Vec<i32>,
    counters: HashMap<u16, [Option<u32>; 9]>,
}

/// Characters of a level's number text kept.
const MAX_LEVEL_TEXT: usize = 64;

impl Lists {
    /// Reads the list tables; a damaged one reads as no lists (paragraphs keep their text).
    pub fn parse(f: &Fib, table: &[u8]) -> Lists {
        let mut l = Lists::default();
        if let Ok(Some(lst)) = f.slice(fib::PLF_LST, table, "list table") {
            l.parse_lst(lst, f.after(fib::PLF_LST, table));
        }
        if let Ok(Some(lfo)) = f.slice(fib::PLF_LFO, table, "list instance table") {
            let n = le_u32(lfo, 0).unwrap_or(0) as usize;
            for i in 0..n.min(lfo.len() / 16) {
                match le_u32(lfo, 4 + i * 16) {
                    Some(lsid) => l.lfos.push(lsid as i32),
                    None => break,
                }
            }
        }
        l
    }

    /// The list table (`b`: a count and the LSTFs) and the levels that follow it in the
    /// table stream (`levels`), one per simple list and nine per other list, in list order.
    fn parse_lst(&mut self, lst: &[u8], levels_bytes: &[u8]) {
        let n = le_u16(lst, 0).unwrap_or(0) as usize;
        let n = n.min(lst.len() / 28);
        let b = levels_bytes;
        let mut at = 0usize;
        for i in 0..n {
            let lstf = 2 + i * 28;
            let Some(lsid) = le_u32(lst, lstf) else {
                return;
            };
            let simple = lst.get(lstf + 26).is_some_and(|f| f & 1 != 0);
            let count = if simple { 1 } else { 9 };
            let mut levels = Vec::with_capacity(count);
            for _ in 0..count {
                let Some(lvlf) = b.get(at..at.saturating_add(28)) else {
                    return;
                };
                let start = le_u32(lvlf, 0).unwrap_or(1);
                let nfc = lvlf[4];
                let legal = lvlf[5] & 0x04 != 0;
                let (cb_chpx, cb_papx) = (lvlf[24] as usize, lvlf[25] as usize);
                at += 28 + cb_papx + cb_chpx;
                let Some(cch) = le_u16(b, at) else { return };
                let cch = cch as usize;
                let text: Vec<u16> = (0..cch.min(MAX_LEVEL_TEXT))
                    .filter_map(|k| le_u16(b, at + 2 + k * 2))
                    .collect();
                at += 2 + cch * 2;
                levels.push(Level {
                    start: start.min(1 << 24),
                    nfc,
                    legal,
                    text,
                });
            }
            self.lists.insert(lsid as i32, levels);
        }
    }

    fn level(&self, ilfo: u16, ilvl: usize) -> Option<&Level> {
        let lsid = self.lfos.get((ilfo as usize).checked_sub(1)?)?;
        self.lists.get(lsid)?.get(ilvl)
    }

    /// Advances the counters for a paragraph in list instance `ilfo` at level `ilvl` and
    /// returns its label.
    pub fn next_label(&mut self, ilfo: u16, ilvl: u8) -> Option<String> {
        let ilvl = ilvl as usize;
        if ilvl > 8 || ilfo >= 0xF000 {
            return None;
        }
        let lvl = self.level(ilfo, ilvl)?.clone();
        let starts: Vec<u32> = (0..=ilvl)
            .map(|i| self.level(ilfo, i).map_or(1, |l| l.start))
            .collect();
        let fmts: Vec<u8> = (0..9)
            .map(|i| self.level(ilfo, i).map_or(0, |l| l.nfc))
            .collect();
        let counters = self.counters.entry(ilfo).or_insert([None; 9]);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(v) => v.saturating_add(1),
            None => lvl.start,
        });
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        for i in 0..ilvl {
            if counters[i].is_none() {
                counters[i] = Some(starts[i]);
            }
        }
        match lvl.nfc {
            23 => {
                let t = String::from_utf16_lossy(&lvl.text);
                let t = kehoach_text::clean(&t);
                return Some(
                    if t.is_empty() || t.chars().any(|c| ('\u{F000}'..='\u{F0FF}').contains(&c)) {
                        "•".to_string()
                    } else {
                        t
                    },
                );
            }
            255 => return None,
            _ => {}
        }
        let mut out = String::new();
        for &u in &lvl.text {
            if u < 9 {
                let i = u as usize;
                let v = counters[i].unwrap_or(1);
                let nfc = if lvl.legal && i < ilvl { 0 } else { fmts[i] };
                out.push_str(&format_number(v, nfc_name(nfc)));
            } else {
                out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            }
        }
        let label = kehoach_text::clean(&out);
        (!label.is_empty()).then_some(label)
    }
}

/// The number format codes (nfc, [MS-DOC] 2.9.172 MSONFC) under their .docx names.
fn nfc_name(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        22 => "decimalZero",
        _ => "decimal",
    }
}
