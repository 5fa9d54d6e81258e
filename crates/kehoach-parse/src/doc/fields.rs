//! Fields ([MS-DOC] 2.8.25): `0x13` code `0x14` result `0x15`. A reader sees the result
//! ("Trang 3", a date, a cross-reference's text), never the code (`PAGE`, `REF _Ref12 \h`),
//! so characters in a field's code are dropped and those of its result kept; fields nest.
//! A field without a separator shows nothing of its own.

#[derive(Debug, Default)]
pub struct Fields {
    /// One entry per open field: `true` once its separator has been read.
    open: Vec<bool>,
    /// Open fields still in their code.
    in_code: usize,
}

impl Fields {
    /// Feeds a character; returns whether it is field structure (not text).
    pub fn feed(&mut self, c: char) -> bool {
        match c {
            '\u{13}' => {
                self.open.push(false);
                self.in_code += 1;
                true
            }
            '\u{14}' => {
                if let Some(top) = self.open.last_mut() {
                    if !*top {
                        *top = true;
                        self.in_code -= 1;
                    }
                }
                true
            }
            '\u{15}' => {
                if let Some(top) = self.open.pop() {
                    if !top {
                        self.in_code -= 1;
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// The current character is part of some field's code.
    pub fn hidden(&self) -> bool {
        self.in_code > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        let mut f = Fields::default();
        s.chars().filter(|&c| !f.feed(c) && !f.hidden()).collect()
    }

    #[test]
    fn results_kept_codes_dropped() {
        assert_eq!(shown("Trang \u{13} PAGE \u{14}3\u{15} / 9"), "Trang 3 / 9");
        assert_eq!(
            shown("x\u{13}IF \u{13}DATE\u{14}2026\u{15} = 1 \u{14}có\u{15}y"),
            "xcóy"
        );
        assert_eq!(shown("a\u{13}TOC\u{15}b"), "ab");
        assert_eq!(shown("a\u{15}\u{14}b\u{13}c"), "ab");
    }
}
