//! Inline markup of text files: the HTML tags converters leave in cells (`<b>`, `<i>`, `<br>`),
//! character references, Markdown emphasis (`**bold**`, `*italic*`), backslash escapes and
//! autolinks. Markup is removed from the text and kept as bold/italic flags; `<br>` (and block
//! tags) break the text into lines.

/// One line of text with the emphasis that covers all of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    /// Raw text (not yet cleaned).
    pub text: String,
    /// Every non-blank character is bold.
    pub bold: bool,
    /// Every non-blank character is italic.
    pub italic: bool,
}

#[derive(Debug)]
enum Tok {
    Text(String),
    /// A run of `*`: its length, what is still unmatched, and what was matched on it.
    Delim {
        rem: usize,
        can_open: bool,
        can_close: bool,
        open: [usize; 2],
        close: [usize; 2],
    },
    Bold(bool),
    Italic(bool),
    Break,
}

/// Tags that make their content bold or italic.
fn tag_kind(name: &str) -> Option<Tok> {
    Some(match name {
        "b" | "strong" => Tok::Bold(true),
        "i" | "em" | "cite" | "dfn" | "var" => Tok::Italic(true),
        "br" | "p" | "div" | "li" | "tr" | "hr" | "ul" | "ol" | "table" | "h1" | "h2" | "h3"
        | "h4" | "h5" | "h6" | "blockquote" | "pre" => Tok::Break,
        "u" | "span" | "font" | "sup" | "sub" | "a" | "s" | "strike" | "del" | "ins" | "mark"
        | "small" | "big" | "code" | "tt" | "abbr" | "center" | "td" | "th" | "tbody" | "thead"
        | "nobr" | "wbr" | "kbd" | "samp" | "q" | "bdi" | "bdo" | "label" | "time" | "o:p" => {
            Tok::Text(String::new())
        }
        _ => return None,
    })
}

/// Splits `raw` into lines, removing markup. `markdown` turns on `*` emphasis and backslash
/// escapes.
pub(crate) fn parse(raw: &str, markdown: bool) -> Vec<Line> {
    if !raw.contains(['<', '&', '*', '\\', '\n']) {
        // No markup: one plain line (the common case for cells).
        return vec![Line {
            text: raw.to_string(),
            bold: false,
            italic: false,
        }];
    }
    let mut toks = tokenize(raw, markdown);
    if markdown {
        pair_emphasis(&mut toks);
    }
    render(&toks)
}

fn tokenize(raw: &str, markdown: bool) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut text = String::new();
    let bytes = raw.as_bytes();
    let mut i = 0;
    let flush = |text: &mut String, toks: &mut Vec<Tok>| {
        if !text.is_empty() {
            toks.push(Tok::Text(std::mem::take(text)));
        }
    };
    while i < raw.len() {
        let c = raw[i..].chars().next().unwrap_or(' ');
        match c {
            '\n' => {
                flush(&mut text, &mut toks);
                toks.push(Tok::Break);
                i += 1;
            }
            '\\' if markdown && i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() => {
                text.push(bytes[i + 1] as char);
                i += 2;
            }
            '<' => {
                if let Some((tok, len)) = tag(&raw[i..]) {
                    flush(&mut text, &mut toks);
                    match tok {
                        Tok::Text(t) if t.is_empty() => {}
                        t => toks.push(t),
                    }
                    i += len;
                } else {
                    text.push('<');
                    i += 1;
                }
            }
            '&' => {
                if let Some((ch, len)) = entity(&raw[i..]) {
                    text.push_str(&ch);
                    i += len;
                } else {
                    text.push('&');
                    i += 1;
                }
            }
            '*' if markdown => {
                let len = raw[i..].bytes().take_while(|&b| b == b'*').count();
                let prev = raw[..i].chars().next_back();
                let next = raw[i + len..].chars().next();
                let can_open = next.is_some_and(|n| !n.is_whitespace());
                let can_close = prev.is_some_and(|p| !p.is_whitespace());
                flush(&mut text, &mut toks);
                toks.push(Tok::Delim {
                    rem: len,
                    can_open,
                    can_close,
                    open: [0; 2],
                    close: [0; 2],
                });
                i += len;
            }
            _ => {
                text.push(c);
                i += c.len_utf8();
            }
        }
    }
    flush(&mut text, &mut toks);
    toks
}

/// A tag, comment or autolink at the start of `s`: what it means and its length.
fn tag(s: &str) -> Option<(Tok, usize)> {
    if let Some(rest) = s.strip_prefix("<!--") {
        let end = rest.find("-->")?;
        return Some((Tok::Text(String::new()), 4 + end + 3));
    }
    let end = s[1..].find(['>', '<', '\n']).map(|e| e + 1)?;
    if s.as_bytes()[end] != b'>' || end > 1000 {
        return None;
    }
    let inner = &s[1..end];
    // Autolink: <https://dichvucong.gov.vn>
    if let Some(colon) = inner.find(':') {
        let scheme = &inner[..colon];
        if (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
            && !inner.contains(char::is_whitespace)
        {
            return Some((Tok::Text(inner.to_string()), end + 1));
        }
    }
    let (closing, body) = match inner.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, inner),
    };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = &body[name_len..];
    if !(after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c == '/')) {
        return None;
    }
    let tok = match tag_kind(&name)? {
        Tok::Bold(_) => Tok::Bold(!closing),
        Tok::Italic(_) => Tok::Italic(!closing),
        t => t,
    };
    Some((tok, end + 1))
}

/// A character reference at the start of `s`: its text and length.
pub(crate) fn entity(s: &str) -> Option<(String, usize)> {
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..semi];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(n)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}')
            .to_string()
    } else {
        match body {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u{a0}",
            "ndash" => "–",
            "mdash" => "—",
            "hellip" => "…",
            "ldquo" => "“",
            "rdquo" => "”",
            "lsquo" => "‘",
            "rsquo" => "’",
            "laquo" => "«",
            "raquo" => "»",
            "bull" => "•",
            "middot" => "·",
            "shy" => "\u{ad}",
            "zwnj" => "\u{200c}",
            "zwj" => "\u{200d}",
            _ => return None,
        }
        .to_string()
    };
    Some((ch, semi + 1))
}

/// Matches `*` runs into emphasis, the way CommonMark does in the common cases: a closer
/// takes the nearest opener before it; runs of two or more on both sides make bold.
fn pair_emphasis(toks: &mut [Tok]) {
    let mut openers: Vec<usize> = Vec::new();
    for i in 0..toks.len() {
        let (can_open, can_close) = match &toks[i] {
            Tok::Delim {
                can_open,
                can_close,
                ..
            } => (*can_open, *can_close),
            Tok::Break => {
                // Emphasis may span lines of one block, as in Markdown.
                continue;
            }
            _ => continue,
        };
        if can_close {
            while let Some(pos) = openers
                .iter()
                .rposition(|&o| matches!(toks[o], Tok::Delim { rem, .. } if rem > 0))
            {
                let o = openers[pos];
                let (orem, crem) = match (&toks[o], &toks[i]) {
                    (Tok::Delim { rem: a, .. }, Tok::Delim { rem: b, .. }) => (*a, *b),
                    _ => break,
                };
                if crem == 0 {
                    break;
                }
                let n = if orem >= 2 && crem >= 2 { 2 } else { 1 };
                let k = n - 1; // 0: italic, 1: bold
                if let Tok::Delim { rem, open, .. } = &mut toks[o] {
                    *rem -= n;
                    open[k] += 1;
                }
                if let Tok::Delim { rem, close, .. } = &mut toks[i] {
                    *rem -= n;
                    close[k] += 1;
                }
                openers.truncate(pos + 1);
                if matches!(toks[o], Tok::Delim { rem: 0, .. }) {
                    openers.pop();
                }
            }
        }
        if can_open && matches!(toks[i], Tok::Delim { rem, .. } if rem > 0) {
            openers.push(i);
        }
    }
}

fn render(toks: &[Tok]) -> Vec<Line> {
    type Acc = crate::model::StyledText;
    let finish = |a: Acc| Line {
        bold: a.all_bold(),
        italic: a.all_italic(),
        text: a.text,
    };
    let mut lines = Vec::new();
    let mut acc = Acc::new();
    let (mut tag_b, mut tag_i, mut md_b, mut md_i) = (0i64, 0i64, 0i64, 0i64);
    for t in toks {
        let bold = tag_b > 0 || md_b > 0;
        let italic = tag_i > 0 || md_i > 0;
        match t {
            Tok::Text(s) => acc.push(s, bold, italic),
            Tok::Bold(on) => tag_b = if *on { tag_b + 1 } else { (tag_b - 1).max(0) },
            Tok::Italic(on) => tag_i = if *on { tag_i + 1 } else { (tag_i - 1).max(0) },
            Tok::Break => lines.push(finish(std::mem::replace(&mut acc, Acc::new()))),
            Tok::Delim {
                rem, open, close, ..
            } => {
                // Closing first, then unmatched stars as text, then opening: unmatched stars
                // stay outside the emphasis they open or close.
                md_i = (md_i - close[0] as i64).max(0);
                md_b = (md_b - close[1] as i64).max(0);
                let bold = tag_b > 0 || md_b > 0;
                let italic = tag_i > 0 || md_i > 0;
                acc.push(&"*".repeat(*rem), bold, italic);
                md_i += open[0] as i64;
                md_b += open[1] as i64;
            }
        }
    }
    lines.push(finish(acc));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str) -> Line {
        let mut l = parse(raw, true);
        assert_eq!(l.len(), 1, "{l:?}");
        l.remove(0)
    }

    #[test]
    fn tags() {
        let l = one("<b>STT</b>");
        assert_eq!((l.text.as_str(), l.bold, l.italic), ("STT", true, false));
        let l = one("<b><i>Kiểm soát</i></b>");
        assert_eq!(
            (l.text.as_str(), l.bold, l.italic),
            ("Kiểm soát", true, true)
        );
        let l = one("a <b>b</b>");
        assert!(!l.bold);
        let l = one("<span style=\"x\">a</span> &amp; b&#7871;");
        assert_eq!(l.text, "a & bế");
        let l = one("x < 5 và y > 3 <Ghi chú>");
        assert_eq!(l.text, "x < 5 và y > 3 <Ghi chú>");
        let lines = parse("- Sở Tư pháp<br>- Văn phòng<br/>", true);
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            ["- Sở Tư pháp", "- Văn phòng", ""]
        );
        assert_eq!(
            one("<https://dichvucong.gov.vn>.").text,
            "https://dichvucong.gov.vn."
        );
        // Unclosed tags do not break anything.
        assert_eq!(one("<b>đậm").text, "đậm");
        assert!(one("<b>đậm").bold);
    }

    #[test]
    fn markdown_emphasis() {
        let l = one("**KT. GIÁM ĐỐC**");
        assert_eq!(
            (l.text.as_str(), l.bold, l.italic),
            ("KT. GIÁM ĐỐC", true, false)
        );
        let l = one("***Nơi nhận:***");
        assert_eq!(
            (l.text.as_str(), l.bold, l.italic),
            ("Nơi nhận:", true, true)
        );
        let l = one("*(Có Phụ lục chi tiết kèm theo)*");
        assert_eq!(
            (l.text.as_str(), l.bold, l.italic),
            ("(Có Phụ lục chi tiết kèm theo)", false, true)
        );
        assert_eq!(one("2 * 3 * 4").text, "2 * 3 * 4");
        assert_eq!(one("a \\* b").text, "a * b");
        assert_eq!(one("**a*").text, "*a");
        let lines = parse("**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**", true);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.bold));
        assert_eq!(lines[1].text, "PHÓ GIÁM ĐỐC");
    }
}
