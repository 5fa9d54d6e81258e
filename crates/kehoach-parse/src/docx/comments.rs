//! `word/comments.xml`: reviewers' comments, read back with the text they are anchored on.

use crate::error::Result;
use crate::limits::Limits;
use crate::model::Comment;

use super::body::clean_keep_lines;
use super::xml::{attr, end_local, local, Cursor, Ev, Ns};

/// The comments of the part, in order; `anchors` are the ranges the body walker read (id,
/// raw anchored text).
pub fn read(xml: &str, anchors: &[(String, String)], limits: &Limits) -> Result<Vec<Comment>> {
    let anchors: std::collections::HashMap<&str, &str> = anchors
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let mut c = Cursor::new(xml, "word/comments.xml", limits);
    let mut out = Vec::new();
    let mut cur: Option<(Comment, String)> = None;
    let mut in_t = false;
    loop {
        match c.next()? {
            Ev::Eof => break,
            Ev::Start(Ns::W, e) => match local(&e) {
                b"comment" => {
                    let id = attr(&e, b"id").unwrap_or_default();
                    let comment = Comment {
                        author: attr(&e, b"author").unwrap_or_default(),
                        initials: attr(&e, b"initials").unwrap_or_default(),
                        anchored: anchors
                            .get(id.as_str())
                            .map(|a| clean_keep_lines(a.trim_end_matches('\n')))
                            .unwrap_or_default(),
                        id,
                        text: String::new(),
                    };
                    cur = Some((comment, String::new()));
                }
                b"t" => in_t = true,
                _ => {}
            },
            Ev::Empty(Ns::W, e) if local(&e) == b"tab" => {
                if let Some((_, raw)) = cur.as_mut() {
                    raw.push(' ');
                }
            }
            Ev::End(Ns::W, e) => match end_local(&e) {
                b"t" => in_t = false,
                b"p" => {
                    if let Some((_, raw)) = cur.as_mut() {
                        raw.push('\n');
                    }
                }
                b"comment" => {
                    if let Some((mut comment, raw)) = cur.take() {
                        comment.text = clean_keep_lines(raw.trim_end_matches('\n'));
                        if out.len() < 100_000 {
                            out.push(comment);
                        }
                    }
                }
                _ => {}
            },
            Ev::Text(t) if in_t => {
                if let Some((_, raw)) = cur.as_mut() {
                    if raw.len() < 1 << 20 {
                        raw.push_str(&t);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}
