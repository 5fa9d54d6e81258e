//! Plan diffs as a readable listing or an HTML page, in the language of the run.

use std::io::{self, Write};

use kehoach_diff::diff::{word_diff, Entry, FieldChange, Piece, PlanDiff};
use kehoach_diff::docdiff::{ListChange, ParaChange, ParaKind};
use kehoach_diff::Source;
use kehoach_i18n::{tr, tr_args, Lang};

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

/// The label of a field: its message, or an extra column's own header.
pub fn field_label(lang: Lang, c: &FieldChange) -> String {
    if let Some(col) = &c.column {
        return col.clone();
    }
    field_name(lang, c.field)
}

/// The label of a field code ("content", "signer.name", "legal_bases" …).
pub fn field_name(lang: Lang, field: &str) -> String {
    let id = format!("diff-field-{}", field.replace(['.', '_'], "-"));
    tr(lang, &id)
}

/// "[-old-]{+new+}" word diff, coloured on a terminal.
fn inline_pieces(pieces: Vec<Piece>, colour: bool) -> String {
    pieces
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

fn inline(old: &str, new: &str, colour: bool) -> String {
    inline_pieces(word_diff(old, new), colour)
}

fn kind_word(lang: Lang, s: &str) -> String {
    match s {
        "group" | "task" => tr(lang, &format!("diff-kind-{s}")),
        _ => s.to_string(),
    }
}

fn change_line(lang: Lang, c: &FieldChange, colour: bool) -> String {
    let label = field_label(lang, c);
    if c.filled_in {
        return format!(
            "{label} ({}): \"{}\" → \"{}\"",
            tr(lang, "diff-filled-in"),
            short(&c.old, 80),
            short(&c.new, 80)
        );
    }
    match &c.years_only {
        Some((o, n)) => format!(
            "{label}: {}",
            tr_args(
                lang,
                "diff-years-only",
                &[("old", years(o).into()), ("new", years(n).into())]
            )
        ),
        None if c.field == "content"
            || (c.old.chars().count() > 40 && c.new.chars().count() > 40) =>
        {
            format!("{label}: {}", inline(&c.old, &c.new, colour))
        }
        None if c.field == "kind" => format!(
            "{label}: \"{}\" → \"{}\"",
            kind_word(lang, &c.old),
            kind_word(lang, &c.new)
        ),
        None => format!(
            "{label}: \"{}\" → \"{}\"",
            short(&c.old, 80),
            short(&c.new, 80)
        ),
    }
}

fn describe(lang: Lang, s: &Source) -> String {
    let d = &s.plan.document;
    tr_args(
        lang,
        "diff-describe",
        &[
            ("name", s.name.as_str().into()),
            (
                "issuer",
                d.issuer
                    .clone()
                    .unwrap_or_else(|| tr(lang, "diff-unknown"))
                    .into(),
            ),
            (
                "year",
                d.plan_year
                    .map(|y| tr_args(lang, "diff-plan-year", &[("year", y.into())]))
                    .unwrap_or_default()
                    .into(),
            ),
            ("items", s.plan.items.len().into()),
        ],
    )
}

/// The items' summary line.
pub fn summary_line(lang: Lang, d: &PlanDiff) -> String {
    let s = &d.summary;
    tr_args(
        lang,
        "diff-summary",
        &[
            ("added", s.added.into()),
            ("removed", s.removed.into()),
            ("changed", s.changed.into()),
            ("years", s.years_only.into()),
            ("renumbered", s.renumbered.into()),
            ("swapped", s.swapped.into()),
            ("unchanged", s.unchanged.into()),
        ],
    )
}

/// The body's summary line.
pub fn body_summary_line(lang: Lang, d: &PlanDiff) -> String {
    let s = &d.summary;
    tr_args(
        lang,
        "diff-body-summary",
        &[
            ("added", s.paragraphs_added.into()),
            ("removed", s.paragraphs_removed.into()),
            ("changed", s.paragraphs_changed.into()),
            ("filled", s.paragraphs_filled_in.into()),
        ],
    )
}

fn figures_line(lang: Lang, p: &ParaChange) -> Option<String> {
    let mut parts = Vec::new();
    if !p.figures_removed.is_empty() {
        parts.push(tr_args(
            lang,
            "diff-figures-removed",
            &[("list", p.figures_removed.join(", ").into())],
        ));
    }
    if !p.figures_added.is_empty() {
        parts.push(tr_args(
            lang,
            "diff-figures-added",
            &[("list", p.figures_added.join(", ").into())],
        ));
    }
    (!parts.is_empty()).then(|| format!("{} {}", tr(lang, "diff-figures"), parts.join("; ")))
}

fn para_number(lang: Lang, p: &ParaChange) -> String {
    let n = p.new_paragraph.or(p.old_paragraph).unwrap_or(0);
    tr_args(lang, "diff-paragraph", &[("n", n.into())])
}

fn list_lines(l: &ListChange) -> Vec<(char, String)> {
    let mut v = Vec::new();
    for a in &l.added {
        v.push(('+', a.clone()));
    }
    for r in &l.removed {
        v.push(('-', r.clone()));
    }
    for c in &l.changed {
        v.push(('~', format!("\"{}\" → \"{}\"", c.old, c.new)));
    }
    v
}

/// Whether a matched entry is shown (changed, renumbered or swapped).
fn shown(e: &Entry) -> bool {
    !e.is_same()
}

pub fn text(
    out: &mut impl Write,
    old: &Source,
    new: &Source,
    d: &PlanDiff,
    colour: bool,
    all: bool,
    lang: Lang,
) -> io::Result<()> {
    let paint = |code: &str, s: &str| {
        if colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let red = |s: &str| paint("31", s);
    let green = |s: &str| paint("32", s);
    let yellow = |s: &str| paint("33", s);
    writeln!(out, "--- {}", describe(lang, old))?;
    writeln!(out, "+++ {}", describe(lang, new))?;
    for c in &d.meta {
        writeln!(out, "  {} {}", yellow("~"), change_line(lang, c, colour))?;
    }
    for l in &d.lists {
        writeln!(out, "  {} {}:", yellow("~"), field_name(lang, l.field))?;
        for (m, t) in list_lines(l) {
            let mark = match m {
                '+' => green("+"),
                '-' => red("-"),
                _ => yellow("~"),
            };
            writeln!(out, "      {mark} {t}")?;
        }
    }
    if !d.body.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}:", tr(lang, "diff-body-heading"))?;
        for p in &d.body {
            let n = para_number(lang, p);
            match p.change {
                ParaKind::Added => writeln!(out, "{} {n}: {}", green("+"), p.new)?,
                ParaKind::Removed => writeln!(out, "{} {n}: {}", red("-"), p.old)?,
                ParaKind::FilledIn => writeln!(
                    out,
                    "{} {n} ({}): {}",
                    yellow("~"),
                    tr(lang, "diff-filled-in"),
                    p.new
                )?,
                ParaKind::Changed => {
                    writeln!(
                        out,
                        "{} {n}: {}",
                        yellow("~"),
                        inline_pieces(p.words.clone(), colour)
                    )?;
                    if let Some(f) = figures_line(lang, p) {
                        writeln!(out, "      {f}")?;
                    }
                }
            }
        }
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
                swapped_with,
                ..
            } => {
                if !shown(e) {
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
                let mark = if swapped_with.is_some() {
                    "⇄"
                } else if changes.is_empty() {
                    ">"
                } else {
                    "~"
                };
                let mut what = Vec::new();
                if let Some(o) = swapped_with {
                    what.push(tr_args(lang, "diff-swapped", &[("stt", o.as_str().into())]));
                }
                if changes.is_empty() {
                    if swapped_with.is_none() {
                        what.push(tr(lang, "diff-renumbered-only"));
                    }
                } else if changes.iter().all(|c| c.years_only.is_some()) {
                    what.push(tr(lang, "diff-year-update-only"));
                } else {
                    what.push(
                        changes
                            .iter()
                            .map(|c| field_label(lang, c))
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                }
                writeln!(
                    out,
                    "{} {:<13} {} [{}]",
                    yellow(mark),
                    num,
                    short(&new.plan.items[*ni].content, 70),
                    what.join("; ")
                )?;
                for c in changes {
                    writeln!(out, "      {}", change_line(lang, c, colour))?;
                }
            }
        }
    }
    let s = &d.summary;
    if s.added + s.removed + s.changed + s.renumbered + s.swapped == 0 {
        writeln!(out, "  {}", tr(lang, "diff-no-item-differs"))?;
    }
    writeln!(out)?;
    if !d.body.is_empty() {
        writeln!(out, "{}", body_summary_line(lang, d))?;
    }
    writeln!(out, "{}", summary_line(lang, d))
}

fn pieces_html(pieces: Vec<Piece>) -> String {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Same(s) => esc(&s),
            Piece::Old(s) => format!("<del>{}</del>", esc(&s)),
            Piece::New(s) => format!("<ins>{}</ins>", esc(&s)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One field change as HTML: a word diff for long texts, old → new for short ones.
fn change_html(lang: Lang, c: &FieldChange) -> String {
    let label = esc(&field_label(lang, c));
    if c.filled_in {
        return format!(
            "<b>{label}</b> ({}): {} → <ins>{}</ins>",
            esc(&tr(lang, "diff-filled-in")),
            esc(&c.old),
            esc(&c.new)
        );
    }
    match &c.years_only {
        Some((o, n)) => format!(
            "<b>{label}</b>: {}",
            esc(&tr_args(
                lang,
                "diff-years-only",
                &[("old", years(o).into()), ("new", years(n).into())]
            ))
        ),
        None if c.field == "content"
            || (c.old.chars().count() > 40 && c.new.chars().count() > 40) =>
        {
            format!("<b>{label}</b>: {}", pieces_html(word_diff(&c.old, &c.new)))
        }
        None if c.field == "kind" => format!(
            "<b>{label}</b>: <del>{}</del> → <ins>{}</ins>",
            esc(&kind_word(lang, &c.old)),
            esc(&kind_word(lang, &c.new))
        ),
        None => format!(
            "<b>{label}</b>: <del>{}</del> → <ins>{}</ins>",
            esc(&c.old),
            esc(&c.new)
        ),
    }
}

const DIFF_STYLE: &str = r#"
tr.swap td{background:#efe6fa} .figures{font-family:system-ui,sans-serif;font-size:.85em;color:#555}
@media print{body{margin:0;max-width:none} tr{break-inside:avoid} @page{size:A4;margin:2cm}}
"#;

/// The diff as a self-contained page: the metadata changes (number, date, title, signer,
/// recipients, legal bases), the body paragraphs, then the items; `all` lists the unchanged
/// items too, as the text output does.
pub fn html(
    out: &mut impl Write,
    old: &Source,
    new: &Source,
    d: &PlanDiff,
    all: bool,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}{DIFF_STYLE}</style></head><body>",
        lang.code(),
        esc(&tr(lang, "diff-title"))
    )?;
    writeln!(
        out,
        "<h1>{} → {}</h1>",
        esc(&describe(lang, old)),
        esc(&describe(lang, new))
    )?;
    writeln!(out, "<p class=\"meta\">{}</p>", esc(&summary_line(lang, d)))?;
    if !d.body.is_empty() {
        writeln!(
            out,
            "<p class=\"meta body-summary\">{}</p>",
            esc(&body_summary_line(lang, d))
        )?;
    }
    if !d.meta.is_empty() || !d.lists.is_empty() {
        writeln!(
            out,
            "<h2>{}</h2><ul class=\"meta-changes\">",
            esc(&tr(lang, "diff-meta-heading"))
        )?;
        for c in &d.meta {
            writeln!(out, "<li>{}</li>", change_html(lang, c))?;
        }
        for l in &d.lists {
            let mut parts = Vec::new();
            for a in &l.added {
                parts.push(format!(
                    "<li class=\"added\">{}: <ins>{}</ins></li>",
                    esc(&tr(lang, "diff-added")),
                    esc(a)
                ));
            }
            for r in &l.removed {
                parts.push(format!(
                    "<li class=\"removed\">{}: <del>{}</del></li>",
                    esc(&tr(lang, "diff-removed")),
                    esc(r)
                ));
            }
            for c in &l.changed {
                parts.push(format!(
                    "<li class=\"changed\">{}: {}</li>",
                    esc(&tr(lang, "diff-changed")),
                    pieces_html(word_diff(&c.old, &c.new))
                ));
            }
            writeln!(
                out,
                "<li class=\"list\" data-field=\"{}\"><b>{}</b><ul>{}</ul></li>",
                l.field,
                esc(&field_name(lang, l.field)),
                parts.join("")
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    if !d.body.is_empty() {
        writeln!(
            out,
            "<h2>{}</h2><table class=\"body-diff\"><thead><tr><th></th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&tr(lang, "diff-body-heading")),
            esc(&tr(lang, "diff-col-paragraph")),
            esc(&tr(lang, "diff-col-content"))
        )?;
        for p in &d.body {
            let n = esc(&para_number(lang, p));
            let (class, mark, body) = match p.change {
                ParaKind::Added => ("info", "+", format!("<ins>{}</ins>", esc(&p.new))),
                ParaKind::Removed => ("error", "−", format!("<del>{}</del>", esc(&p.old))),
                ParaKind::FilledIn => (
                    "same",
                    "~",
                    format!(
                        "<i>{}</i>: {}",
                        esc(&tr(lang, "diff-filled-in")),
                        pieces_html(word_diff(&p.old, &p.new))
                    ),
                ),
                ParaKind::Changed => {
                    let mut b = pieces_html(p.words.clone());
                    if let Some(f) = figures_line(lang, p) {
                        b.push_str(&format!("<div class=\"figures\">{}</div>", esc(&f)));
                    }
                    ("warning", "~", b)
                }
            };
            writeln!(
                out,
                "<tr class=\"{class}\"><td>{mark}</td><td>{n}</td><td>{body}</td></tr>"
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    writeln!(
        out,
        "<h2>{}</h2><table><thead><tr><th></th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr(lang, "diff-items-heading")),
        esc(&tr(lang, "diff-col-stt")),
        esc(&tr(lang, "diff-col-content"))
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
                swapped_with,
                ..
            } => {
                if !shown(e) {
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
                let mut body: Vec<String> = Vec::new();
                if let Some(o) = swapped_with {
                    body.push(format!(
                        "<b>{}</b>: {}",
                        esc(&tr_args(
                            lang,
                            "diff-swapped",
                            &[("stt", o.as_str().into())]
                        )),
                        esc(&short(&new.plan.items[*ni].content, 160))
                    ));
                }
                body.extend(changes.iter().map(|c| change_html(lang, c)));
                let body = if body.is_empty() {
                    esc(&tr(lang, "diff-renumbered-only"))
                } else {
                    body.join("<br>")
                };
                let (class, mark) = if swapped_with.is_some() {
                    ("swap", "⇄")
                } else {
                    ("warning", "~")
                };
                writeln!(
                    out,
                    "<tr class=\"{class}\"><td>{mark}</td><td>{}</td><td>{}</td></tr>",
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
        text(&mut s, old, new, &d, false, false, Lang::En).unwrap();
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
