//! Item numbers (STT): "1.", "1.1", "2.1.3", Roman "I", "II.", letters "a)".

/// A parsed STT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stt {
    /// Numeric components: "2.1.3" → [2, 1, 3]; "II" → [2] with `roman`.
    pub parts: Vec<u32>,
    pub roman: bool,
    pub letter: bool,
}

impl Stt {
    /// The dotted form without a trailing dot: "1." → "1", used to compare numbers.
    pub fn canonical(&self) -> String {
        let s: Vec<String> = self.parts.iter().map(|p| p.to_string()).collect();
        let s = s.join(".");
        if self.roman {
            format!("R{s}")
        } else if self.letter {
            format!("L{s}")
        } else {
            s
        }
    }
}

/// Parses an STT cell's text, or `None` if it is not a number.
///
/// ```
/// use kehoach_parse::plan::stt::parse;
/// assert_eq!(parse("2.1.3").unwrap().parts, vec![2, 1, 3]);
/// assert_eq!(parse("1.").unwrap().parts, vec![1]);
/// assert!(parse("II").unwrap().roman);
/// assert!(parse("Nội dung").is_none());
/// ```
pub fn parse(s: &str) -> Option<Stt> {
    let t = s.trim().trim_end_matches([')', '.', ':']).trim();
    if t.is_empty() {
        return None;
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        let parts: Option<Vec<u32>> = t
            .split(['.', ','])
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<u32>().ok())
            .collect();
        let parts = parts?;
        if parts.is_empty() || parts.len() > 8 {
            return None;
        }
        return Some(Stt {
            parts,
            roman: false,
            letter: false,
        });
    }
    if let Some(v) = roman_value(t) {
        return Some(Stt {
            parts: vec![v],
            roman: true,
            letter: false,
        });
    }
    if t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase()) {
        let v = t.bytes().next().map(|b| (b - b'a' + 1) as u32)?;
        return Some(Stt {
            parts: vec![v],
            roman: false,
            letter: true,
        });
    }
    None
}

fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        return None;
    }
    let val = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let cs: Vec<u32> = s.chars().map(val).collect();
    let mut total = 0i32;
    for (i, &v) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&n| n > v) {
            total -= v as i32;
        } else {
            total += v as i32;
        }
    }
    (total > 0).then_some(total as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse("1.1").unwrap().canonical(), "1.1");
        assert_eq!(parse("3").unwrap().canonical(), "3");
        assert_eq!(parse("1.").unwrap().canonical(), "1");
        assert_eq!(parse("IV").unwrap().parts, vec![4]);
        assert_eq!(parse("a)").unwrap().canonical(), "L1");
        assert!(parse("").is_none());
        assert!(parse("STT").is_none());
        assert!(parse("1.1a").is_none());
    }
}
