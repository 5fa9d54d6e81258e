//! Plan diffs as a readable listing or an HTML page.

use std::io::{self, Write};

use kehoach_diff::diff::{word_diff, Entry, FieldChange, Piece, PlanDiff};
use kehoach_diff::Source;

use super::findings_html::{esc, STYLE};

fn years(v: &[i32]) -> String {
    v.iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// "[-old-]{+new+}" word diff, coloured on a terminal.
fn inline(old: &str, new: &str, colour: bool) -> String {
    word_diff(old, new)
        .into_iter()
        .map(|p| match p {
            Piece::Same(s) => s,
            Piece::Old(s) if colour => format!("\x1b[31m[-{s}-]\x1b[0m"),
            Piece::New(s) if colour => format!("\x1b[32m{{+{s}+}}\x1b[0m"),
            Piece::Old(s) => format!("[-{s}-]"),
            Piece::New(s) => format!("{{+{s}+}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn change_line(c: &FieldChange, colour: bool) -> String {
    match &c.years_only {
        Some((o, n)) => format!("{}: year only, {} → {}", c.field, years(o), years(n)),
        None if c.field == "content"
            || (c.old.chars().count() > 40 && c.new.chars().count() > 40) =>
        {
            format!("{}: {}", c.field, inline(&c.old, &c.new, colour))
        }
        None => format!(
            "{}: \"{}\" → \"{}\"",
            c.field,
            short(&c.old, 80),
            short(&c.new, 80)
        ),
    }
}

fn describe(s: &Source) -> String {
    let d = &s.plan.document;
    format!(
        "{} — {}{} ({} items)",
        s.name,
        d.issuer.as_deref().unwrap_or("?"),
        d.plan_year
            .map(|y| format!(", plan year {y}"))
            .unwrap_or_default(),
        s.plan.items.len()
    )
}

pub fn text(
    out: &mut impl Write,
    old: &Source,
    new: &Source,
    d: &PlanDiff,
    colour: bool,
    all: bool,
) -> io::Result<()> {
    let red = |s: &str| {
        if colour {
            format!("\x1b[31m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let green = |s: &str| {
        if colour {
            format!("\x1b[32m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let yellow = |s: &str| {
        if colour {
            format!("\x1b[33m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    writeln!(out, "--- {}", describe(old))?;
    writeln!(out, "+++ {}", describe(new))?;
    for c in &d.meta {
        writeln!(out, "  {} {}", yellow("~"), change_line(c, colour))?;
    }
    writeln!(out)?;
    for e in &d.entries {
        match e {
            Entry::Added { stt, content, .. } => {
                writeln!(out, "{} {:<13} {}", green("+"), stt, short(content, 100))?;
            }
            Entry::Removed { stt, content, .. } => {
                writeln!(out, "{} {:<13} {}", red("-"), stt, short(content, 100))?;
            }
            Entry::Matched {
                old_stt,
                new_stt,
                renumbered,
                changes,
                new: ni,
                ..
            } => {
                if changes.is_empty() && !renumbered {
                    if all {
                        writeln!(
                            out,
                            "= {:<13} {}",
                            new_stt,
                            short(&new.plan.items[*ni].content, 100)
                        )?;
                    }
                    continue;
                }
                let num = if *renumbered {
                    format!("{old_stt} → {new_stt}")
                } else {
                    new_stt.clone()
                };
                let mark = if changes.is_empty() { ">" } else { "~" };
                let what = if changes.is_empty() {
                    "renumbered only".to_string()
                } else if changes.iter().all(|c| c.years_only.is_some()) {
                    "year update only".to_string()
                } else {
                    changes
                        .iter()
                        .map(|c| c.field)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                writeln!(
                    out,
                    "{} {:<13} {} [{what}]",
                    yellow(mark),
                    num,
                    short(&new.plan.items[*ni].content, 70)
                )?;
                for c in changes {
                    writeln!(out, "      {}", change_line(c, colour))?;
                }
            }
        }
    }
    let s = &d.summary;
    if s.added + s.removed + s.changed + s.renumbered == 0 {
        writeln!(out, "  (no item differs)")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} added, {} removed, {} changed ({} only years), {} renumbered, {} unchanged",
        s.added, s.removed, s.changed, s.years_only, s.renumbered, s.unchanged
    )
}

/// One field change as HTML: a word diff for long texts, old → new for short ones.
fn change_html(c: &FieldChange) -> String {
    let inline = |o: &str, n: &str| {
        word_diff(o, n)
            .into_iter()
            .map(|p| match p {
                Piece::Same(s) => esc(&s),
                Piece::Old(s) => format!("<del>{}</del>", esc(&s)),
                Piece::New(s) => format!("<ins>{}</ins>", esc(&s)),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    match &c.years_only {
        Some((o, n)) => format!("<b>{}</b>: year only, {} → {}", c.field, years(o), years(n)),
        None if c.field == "content"
            || (c.old.chars().count() > 40 && c.new.chars().count() > 40) =>
        {
            format!("<b>{}</b>: {}", c.field, inline(&c.old, &c.new))
        }
        None => format!(
            "<b>{}</b>: <del>{}</del> → <ins>{}</ins>",
            c.field,
            esc(&c.old),
            esc(&c.new)
        ),
    }
}

/// The diff as a self-contained page: the metadata changes (number, date, title, signer …),
/// then the items; `all` lists the unchanged items too, as the text output does.
pub fn html(
    out: &mut impl Write,
    old: &Source,
    new: &Source,
    d: &PlanDiff,
    all: bool,
) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>kehoach diff</title><style>{STYLE}</style></head><body>")?;
    writeln!(
        out,
        "<h1>{} → {}</h1>",
        esc(&describe(old)),
        esc(&describe(new))
    )?;
    let s = &d.summary;
    writeln!(
        out,
        "<p class=\"meta\">{} added, {} removed, {} changed ({} only years), {} renumbered, {} unchanged</p>",
        s.added, s.removed, s.changed, s.years_only, s.renumbered, s.unchanged
    )?;
    if !d.meta.is_empty() {
        writeln!(out, "<h2>Thông tin văn bản</h2><ul class=\"meta-changes\">")?;
        for c in &d.meta {
            writeln!(out, "<li>{}</li>", change_html(c))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(
        out,
        "<table><thead><tr><th></th><th>STT</th><th>Nội dung / thay đổi</th></tr></thead><tbody>"
    )?;
    for e in &d.entries {
        match e {
            Entry::Added { stt, content, .. } => writeln!(
                out,
                "<tr class=\"info\"><td>+</td><td>{}</td><td><ins>{}</ins></td></tr>",
                esc(stt),
                esc(content)
            )?,
            Entry::Removed { stt, content, .. } => writeln!(
                out,
                "<tr class=\"error\"><td>−</td><td>{}</td><td><del>{}</del></td></tr>",
                esc(stt),
                esc(content)
            )?,
            Entry::Matched {
                old_stt,
                new_stt,
                renumbered,
                changes,
                new: ni,
                ..
            } => {
                if changes.is_empty() && !renumbered {
                    if all {
                        writeln!(
                            out,
                            "<tr class=\"same\"><td>=</td><td>{}</td><td>{}</td></tr>",
                            esc(new_stt),
                            esc(&new.plan.items[*ni].content)
                        )?;
                    }
                    continue;
                }
                let num = if *renumbered {
                    format!("{old_stt} → {new_stt}")
                } else {
                    new_stt.clone()
                };
                let body: Vec<String> = changes.iter().map(change_html).collect();
                let body = if body.is_empty() {
                    "renumbered only".to_string()
                } else {
                    body.join("<br>")
                };
                writeln!(
                    out,
                    "<tr class=\"warning\"><td>~</td><td>{}</td><td>{}</td></tr>",
                    esc(&num),
                    body
                )?;
            }
        }
    }
    writeln!(out, "</tbody></table></body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_diff::mutate::{apply_many, Kind};

    fn load(prefix: &str) -> Source {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx");
        let path = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let parsed = kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap();
        Source::from_parsed(&format!("{prefix}.docx"), parsed)
    }

    fn render(old: &Source, new: &Source) -> String {
        let d = kehoach_diff::diff::diff(&old.plan, &new.plan).unwrap();
        let mut s = Vec::new();
        text(&mut s, old, new, &d, false, false).unwrap();
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn diff_004_003() {
        insta::assert_snapshot!(render(&load("004"), &load("003")));
    }

    #[test]
    fn diff_003_mutated() {
        let base = load("003");
        let parent = load("004");
        let mutated = apply_many(
            &base.plan,
            Some(&parent.plan),
            &[
                Kind::ItemYear,
                Kind::DeleteMandatory,
                Kind::StaleDepartment,
                Kind::DuplicateStt,
                Kind::RepeatPhrase,
                Kind::Misspelling,
                Kind::EmptyLead,
            ],
        );
        let new = Source::from_plan("003-mutated", mutated);
        insta::assert_snapshot!(render(&base, &new));
    }
}
