//! A content-stream tokenizer: operands and operators, borrowed from the decoded stream.
//!
//! lopdf's `Content::decode` spends about 2 µs per operation (≈85% of the reader's time on
//! the corpus); this one reads only what the interpreter uses (numbers, names, strings,
//! arrays), skips dictionaries and inline images, and never fails: damaged bytes are
//! skipped one at a time.

use std::borrow::Cow;

/// Arrays nested deeper than this are flattened away.
const MAX_DEPTH: usize = 32;
/// Operands kept for one operator; more are dropped (no operator needs many).
const MAX_OPERANDS: usize = 4096;

#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Num(f32),
    Name(Cow<'a, [u8]>),
    Str(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// Dictionaries, booleans, null.
    Other,
}

impl Operand<'_> {
    pub fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Operand::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn string(&self) -> Option<&[u8]> {
        match self {
            Operand::Str(s) => Some(s),
            _ => None,
        }
    }
}

pub struct Lexer<'a> {
    d: &'a [u8],
    i: usize,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_ws(c) && !is_delim(c)
}

enum Tok<'a> {
    Operand(Operand<'a>),
    ArrayOpen,
    ArrayClose,
    Op(&'a [u8]),
}

impl<'a> Lexer<'a> {
    pub fn new(d: &'a [u8]) -> Self {
        Lexer { d, i: 0 }
    }

    /// The next operator with its operands (in `ops`, cleared first); None at the end.
    pub fn next_op(&mut self, ops: &mut Vec<Operand<'a>>) -> Option<&'a [u8]> {
        ops.clear();
        // Open arrays: (start index in `ops`).
        let mut stack: Vec<usize> = Vec::new();
        loop {
            let tok = self.token()?;
            match tok {
                Tok::Operand(o) => {
                    if ops.len() < MAX_OPERANDS {
                        ops.push(o);
                    }
                }
                Tok::ArrayOpen => {
                    if stack.len() < MAX_DEPTH {
                        stack.push(ops.len());
                    }
                }
                Tok::ArrayClose => {
                    if let Some(start) = stack.pop() {
                        let items = ops.split_off(start.min(ops.len()));
                        ops.push(Operand::Array(items));
                    }
                }
                Tok::Op(op) => {
                    // An operator inside an unclosed array: the array was damaged; close it.
                    while let Some(start) = stack.pop() {
                        let items = ops.split_off(start.min(ops.len()));
                        ops.push(Operand::Array(items));
                    }
                    if op == b"BI" {
                        self.skip_inline_image();
                        ops.clear();
                        continue;
                    }
                    return Some(op);
                }
            }
        }
    }

    fn skip_ws(&mut self) {
        while self.i < self.d.len() {
            let c = self.d[self.i];
            if is_ws(c) {
                self.i += 1;
            } else if c == b'%' {
                while self.i < self.d.len() && self.d[self.i] != b'\n' && self.d[self.i] != b'\r' {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self) -> Option<Tok<'a>> {
        loop {
            self.skip_ws();
            let &c = self.d.get(self.i)?;
            match c {
                b'[' => {
                    self.i += 1;
                    return Some(Tok::ArrayOpen);
                }
                b']' => {
                    self.i += 1;
                    return Some(Tok::ArrayClose);
                }
                b'(' => return Some(Tok::Operand(Operand::Str(self.literal()))),
                b'<' if self.d.get(self.i + 1) == Some(&b'<') => {
                    self.skip_dict();
                    return Some(Tok::Operand(Operand::Other));
                }
                b'<' => return Some(Tok::Operand(Operand::Str(Cow::Owned(self.hex())))),
                b'/' => {
                    self.i += 1;
                    let s = self.i;
                    while self.i < self.d.len() && is_regular(self.d[self.i]) {
                        self.i += 1;
                    }
                    let raw = &self.d[s..self.i];
                    let name = if raw.contains(&b'#') {
                        Cow::Owned(unescape_name(raw))
                    } else {
                        Cow::Borrowed(raw)
                    };
                    return Some(Tok::Operand(Operand::Name(name)));
                }
                b'+' | b'-' | b'.' | b'0'..=b'9' => {
                    let s = self.i;
                    self.i += 1;
                    while self.i < self.d.len()
                        && matches!(self.d[self.i], b'0'..=b'9' | b'.' | b'-' | b'+')
                    {
                        self.i += 1;
                    }
                    return Some(Tok::Operand(Operand::Num(parse_num(&self.d[s..self.i]))));
                }
                _ if is_regular(c) => {
                    let s = self.i;
                    while self.i < self.d.len() && is_regular(self.d[self.i]) {
                        self.i += 1;
                    }
                    let w = &self.d[s..self.i];
                    return Some(match w {
                        b"true" | b"false" | b"null" => Tok::Operand(Operand::Other),
                        _ => Tok::Op(w),
                    });
                }
                _ => {
                    // A stray delimiter (')', '>', '{', '}'): skip it.
                    self.i += 1;
                }
            }
        }
    }

    fn literal(&mut self) -> Cow<'a, [u8]> {
        self.i += 1;
        let start = self.i;
        // Fast path: no escapes, balanced parentheses.
        let mut depth = 1;
        let mut j = self.i;
        while j < self.d.len() {
            match self.d[j] {
                b'\\' => break,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        self.i = j + 1;
                        return Cow::Borrowed(&self.d[start..j]);
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let mut out = Vec::new();
        let mut depth = 1;
        while self.i < self.d.len() {
            let c = self.d[self.i];
            self.i += 1;
            match c {
                b'\\' => {
                    let Some(&e) = self.d.get(self.i) else { break };
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match self.d.get(self.i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + (d - b'0') as u32;
                                        self.i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' => {
                            if self.d.get(self.i) == Some(&b'\n') {
                                self.i += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        Cow::Owned(out)
    }

    fn hex(&mut self) -> Vec<u8> {
        self.i += 1;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while self.i < self.d.len() {
            let c = self.d[self.i];
            self.i += 1;
            if c == b'>' {
                break;
            }
            let v = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => continue,
            };
            match hi.take() {
                Some(h) => out.push(h << 4 | v),
                None => hi = Some(v),
            }
        }
        if let Some(h) = hi {
            out.push(h << 4);
        }
        out
    }

    /// Skips a dictionary (BDC/DP properties), nested ones and strings inside included.
    fn skip_dict(&mut self) {
        let mut depth = 0usize;
        while self.i < self.d.len() {
            match self.d[self.i] {
                b'<' if self.d.get(self.i + 1) == Some(&b'<') => {
                    depth += 1;
                    self.i += 2;
                }
                b'>' if self.d.get(self.i + 1) == Some(&b'>') => {
                    self.i += 2;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    let _ = self.literal();
                }
                b'<' => {
                    let _ = self.hex();
                }
                _ => self.i += 1,
            }
        }
    }

    /// After BI: skips the image dictionary up to ID, then the data up to a whitespace-bounded
    /// EI.
    fn skip_inline_image(&mut self) {
        while let Some(tok) = self.token() {
            if let Tok::Op(b"ID") = tok {
                break;
            }
        }
        // One whitespace byte follows ID.
        self.i += 1;
        while self.i + 1 < self.d.len() {
            if self.d[self.i] == b'E'
                && self.d[self.i + 1] == b'I'
                && self.i > 0
                && is_ws(self.d[self.i - 1])
                && !matches!(self.d.get(self.i + 2), Some(&c) if !is_ws(c))
            {
                self.i += 2;
                return;
            }
            self.i += 1;
        }
        self.i = self.d.len();
    }
}

fn parse_num(s: &[u8]) -> f32 {
    // Fast path for plain decimals; malformed numbers ("1.2.3", "--5") read as far as they
    // make sense, as readers do.
    let mut neg = false;
    let mut k = 0;
    while k < s.len() && (s[k] == b'-' || s[k] == b'+') {
        neg ^= s[k] == b'-';
        k += 1;
    }
    let mut int: f64 = 0.0;
    while k < s.len() && s[k].is_ascii_digit() {
        int = int * 10.0 + (s[k] - b'0') as f64;
        k += 1;
    }
    if k < s.len() && s[k] == b'.' {
        k += 1;
        let mut scale = 0.1;
        while k < s.len() && s[k].is_ascii_digit() {
            int += (s[k] - b'0') as f64 * scale;
            scale *= 0.1;
            k += 1;
        }
    }
    let v = if neg { -int } else { int };
    v as f32
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        if raw[k] == b'#' && k + 2 < raw.len() {
            let h = std::str::from_utf8(&raw[k + 1..k + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = h {
                out.push(b);
                k += 3;
                continue;
            }
        }
        out.push(raw[k]);
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut l = Lexer::new(src);
        let mut ops = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = l.next_op(&mut ops) {
            out.push((String::from_utf8_lossy(op).into_owned(), ops.clone()));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let src = b"q 1 0 0 -1 .5 -3.25 cm BT /F1#20x 13 Tf [(a\\)b) -250 <0102 0>] TJ (x\\101\\\ny) Tj ET % comment\nQ";
        let ops = all(src);
        let names: Vec<&str> = ops.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["q", "cm", "BT", "Tf", "TJ", "Tj", "ET", "Q"]);
        assert_eq!(ops[1].1[4], Operand::Num(0.5));
        assert_eq!(ops[1].1[5], Operand::Num(-3.25));
        assert_eq!(ops[3].1[0], Operand::Name(Cow::Owned(b"F1 x".to_vec())));
        let Operand::Array(a) = &ops[4].1[0] else {
            panic!()
        };
        assert_eq!(a[0], Operand::Str(Cow::Owned(b"a)b".to_vec())));
        assert_eq!(a[1], Operand::Num(-250.0));
        assert_eq!(a[2], Operand::Str(Cow::Owned(vec![1, 2, 0])));
        assert_eq!(ops[5].1[0], Operand::Str(Cow::Owned(b"xAy".to_vec())));
    }

    #[test]
    fn dicts_inline_images_and_garbage() {
        let src =
            b"/P <</MCID 0 /X (a>>b)>> BDC BI /W 2 /H 1 /BPC 8 ID \x00EI\xff EI Q ) > } 1 2 re";
        let ops = all(src);
        let names: Vec<&str> = ops.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "Q", "re"]);
        assert_eq!(ops[2].1, vec![Operand::Num(1.0), Operand::Num(2.0)]);
        // Unclosed things end quietly.
        assert_eq!(all(b"[(abc").len(), 0);
        assert_eq!(all(b"<</A [1 2").len(), 0);
        assert_eq!(all(b"(unterminated Tj").len(), 0);
    }
}
