//! RTF tokens: groups, control words with their parameter, control symbols, hex escapes,
//! `\binN` data and plain text, read in one pass with no backtracking.

/// One token of an RTF stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// `{`
    Open,
    /// `}`
    Close,
    /// `\word` or `\wordN` (N signed, saturated to the range of `i64`).
    Word(&'a [u8], Option<i64>),
    /// A control symbol other than an escaped character: `\~`, `\-`, `\_`, `\*`, `\|`, `\:`.
    Symbol(u8),
    /// `\'hh`: one byte in the current code page.
    Hex(u8),
    /// Text bytes (escaped `\\`, `\{`, `\}` come as a one-byte text token).
    Text(&'a [u8]),
    /// `\par` written as a backslash before a line end.
    LineEnd,
    /// The data of `\binN`: raw bytes that are never text.
    Bin(&'a [u8]),
    /// `\binN` whose N passes the end of the file: N, and the bytes left.
    BinPastEnd(u64, u64),
}

/// The longest control word read as a word (the specification allows 32 letters); longer
/// runs of letters are cut there and read on as text of no meaning.
const MAX_WORD: usize = 32;
/// Digits of a parameter read (more are consumed but saturate).
const MAX_DIGITS: usize = 18;

/// Bytes that end a run of text.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\\' as usize] = true;
    t[b'{' as usize] = true;
    t[b'}' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

pub struct Lexer<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        Lexer { b, pos: 0 }
    }

    /// The next token, `None` at the end. `\binN` whose N passes the end of the file is
    /// [`Token::BinPastEnd`] (the reader refuses the file: the size lies, and whatever
    /// follows could not be told from its data) and the end.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        let b = self.b;
        loop {
            let &c = b.get(self.pos)?;
            match c {
                b'{' => {
                    self.pos += 1;
                    return Some(Token::Open);
                }
                b'}' => {
                    self.pos += 1;
                    return Some(Token::Close);
                }
                b'\r' | b'\n' => {
                    self.pos += 1;
                    continue;
                }
                b'\\' => return Some(self.control()),
                _ => {
                    let start = self.pos;
                    // Text runs between escapes are short in real files (a few letters
                    // between `\uN` escapes): a table lookup per byte beats a vectorised
                    // search there. Line ends end the run too (they are not text).
                    let end = b[start..]
                        .iter()
                        .position(|&c| STOPS[c as usize])
                        .map_or(b.len(), |i| start + i);
                    self.pos = end;
                    return Some(Token::Text(&b[start..end]));
                }
            }
        }
    }

    fn control(&mut self) -> Token<'a> {
        let b = self.b;
        self.pos += 1; // the backslash
        let Some(&c) = b.get(self.pos) else {
            return Token::Text(b"");
        };
        if !c.is_ascii_alphabetic() {
            self.pos += 1;
            return match c {
                b'\\' | b'{' | b'}' => Token::Text(&b[self.pos - 1..self.pos]),
                b'\r' | b'\n' => Token::LineEnd,
                b'\'' => {
                    let h = |i: usize| b.get(i).and_then(|&x| (x as char).to_digit(16));
                    match (h(self.pos), h(self.pos + 1)) {
                        (Some(hi), Some(lo)) => {
                            self.pos += 2;
                            Token::Hex((hi * 16 + lo) as u8)
                        }
                        // A broken escape shows nothing.
                        _ => Token::Text(b""),
                    }
                }
                other => Token::Symbol(other),
            };
        }
        let start = self.pos;
        let n = b[start..]
            .iter()
            .take(MAX_WORD)
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        self.pos += n;
        let word = &b[start..self.pos];
        let mut param = None;
        let neg = b.get(self.pos) == Some(&b'-')
            && b.get(self.pos + 1).is_some_and(|d| d.is_ascii_digit());
        if neg {
            self.pos += 1;
        }
        if b.get(self.pos).is_some_and(|d| d.is_ascii_digit()) {
            let mut v: i64 = 0;
            let mut n = 0;
            while let Some(d) = b.get(self.pos).filter(|d| d.is_ascii_digit()) {
                if n < MAX_DIGITS {
                    v = v * 10 + i64::from(d - b'0');
                }
                n += 1;
                self.pos += 1;
            }
            if n > MAX_DIGITS {
                v = i64::MAX;
            }
            param = Some(if neg { -v } else { v });
        }
        // One space delimits the word and belongs to it.
        if b.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        if word == b"bin" {
            let n = param.unwrap_or(0).max(0) as u64;
            let left = (b.len() - self.pos) as u64;
            if n > left {
                self.pos = b.len();
                return Token::BinPastEnd(n, left);
            }
            let start = self.pos;
            self.pos += n as usize;
            return Token::Bin(&b[start..self.pos]);
        }
        Token::Word(word, param)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(s);
        let mut v = Vec::new();
        while let Some(t) = l.next_token() {
            v.push(t);
        }
        v
    }

    #[test]
    fn words_symbols_hex_and_text() {
        use Token::*;
        assert_eq!(
            all(b"{\\b\\fs-24 S\\'e1 \\u7889?\\~\\\\x}"),
            vec![
                Open,
                Word(b"b", None),
                Word(b"fs", Some(-24)),
                Text(b"S"),
                Hex(0xe1),
                Text(b" "),
                Word(b"u", Some(7889)),
                Text(b"?"),
                Symbol(b'~'),
                Text(b"\\"),
                Text(b"x"),
                Close
            ]
        );
    }

    #[test]
    fn bin_reads_its_bytes_and_refuses_a_lying_size() {
        assert_eq!(
            all(b"\\bin3 {}\\x"),
            vec![Token::Bin(b"{}\\"), Token::Text(b"x")]
        );
        let mut l = Lexer::new(b"\\bin999999 ab");
        assert_eq!(l.next_token(), Some(Token::BinPastEnd(999999, 2)));
        assert_eq!(l.next_token(), None);
    }

    #[test]
    fn huge_parameters_saturate() {
        assert_eq!(
            all(b"\\u99999999999999999999999"),
            vec![Token::Word(b"u", Some(i64::MAX))]
        );
    }
}
