//! Every message a rule sends exists in every language's catalogue, with the arguments the
//! rule passes: a message id typed wrong in code would otherwise reach the reviewer as the
//! bare id.

use std::collections::BTreeSet;
use std::path::Path;

use kehoach_i18n::{inventory, Lang};

/// (id, argument names) of every `msg!("id", a = …, b = …)` in the crate's sources.
fn used() -> Vec<(String, BTreeSet<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("finding.rs")];
    for e in std::fs::read_dir(src.join("rules")).unwrap() {
        files.push(e.unwrap().path());
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("msg!(") {
            rest = &rest[i + 5..];
            // The macro call up to its closing parenthesis (arguments may nest calls).
            let mut depth = 1;
            let mut end = rest.len();
            for (j, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let call = &rest[..end];
            let Some(id) = call
                .trim_start()
                .strip_prefix('"')
                .and_then(|s| s.split('"').next())
            else {
                continue;
            };
            if id.is_empty() || id.contains('$') {
                continue;
            }
            // Top-level "name =" pairs.
            let mut args = BTreeSet::new();
            let (mut d, mut start) = (0, 0);
            let bytes = call.as_bytes();
            for (j, &b) in bytes.iter().enumerate() {
                match b {
                    b'(' | b'[' | b'{' => d += 1,
                    b')' | b']' | b'}' => d -= 1,
                    b',' if d == 0 => {
                        push_arg(&call[start..j], &mut args);
                        start = j + 1;
                    }
                    _ => {}
                }
            }
            push_arg(&call[start..], &mut args);
            out.push((id.to_string(), args, f.display().to_string()));
        }
    }
    out
}

fn push_arg(piece: &str, args: &mut BTreeSet<String>) {
    if let Some((name, _)) = piece.split_once('=') {
        let name = name.trim();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            args.insert(name.to_string());
        }
    }
}

#[test]
fn every_message_a_rule_sends_is_in_every_catalogue() {
    let used = used();
    assert!(used.len() > 60, "found only {} messages", used.len());
    for lang in Lang::ALL {
        let inv = inventory(lang);
        for (id, args, file) in &used {
            let Some((_, _, vars)) = inv.iter().find(|e| &e.0 == id) else {
                panic!("{file}: message {id} missing from the {lang} catalogue");
            };
            let vars: BTreeSet<String> = vars.iter().cloned().collect();
            // `with` passes further arguments by name ("details"): allowed beyond the macro's.
            let missing: Vec<_> = vars.difference(args).filter(|v| *v != "details").collect();
            let unused: Vec<_> = args.difference(&vars).collect();
            assert!(
                missing.is_empty() && unused.is_empty(),
                "{file}: {id} ({lang}): catalogue wants {missing:?} not given; given {unused:?} not used"
            );
        }
    }
}

#[test]
fn every_rule_has_a_vietnamese_name_and_summary() {
    for r in kehoach_diff::registry() {
        let i = r.info();
        let title = i.title(Lang::Vi);
        assert!(
            !title.starts_with("rule-") && title != i.name,
            "{}: no Vietnamese name",
            i.code
        );
        assert_ne!(
            i.summary_in(Lang::Vi),
            i.summary,
            "{}: no Vietnamese summary",
            i.code
        );
        assert_eq!(i.title(Lang::En), i.name);
        let vi = i.explanation_in(Lang::Vi);
        assert!(
            vi.contains("Kiểm tra gì:") && vi.contains("Ví dụ sai") && vi.contains("Ví dụ đúng"),
            "{}: no Vietnamese explanation",
            i.code
        );
        assert!(i.explanation_in(Lang::En).starts_with(&i.explanation()));
        // Every rule says how it did on the fixture plans.
        assert!(i.precision().is_some(), "{}: no precision figure", i.code);
    }
}
