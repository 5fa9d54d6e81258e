//! Findings as compiler-style diagnostics or JSON; the rule list.

use std::io::{self, Write};

use kehoach_diff::{Finding, RuleInfo, Severity, Source, Stage};
use kehoach_i18n::{tr, tr_args, Lang};

/// The run's language.
fn lang() -> Lang {
    crate::cmd::lang()
}

/// Everything a findings report shows.
pub struct Report<'a> {
    pub draft: &'a Source,
    pub parents: &'a [Source],
    pub stage: Stage,
    pub findings: &'a [Finding],
}

/// (errors, warnings, infos)
pub fn counts(fs: &[Finding]) -> (usize, usize, usize) {
    let n = |s| fs.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

/// "1 lỗi, 2 cảnh báo, 0 thông tin" ("1 error, 2 warnings, 0 infos") in the run's language.
pub fn summary_line(fs: &[Finding]) -> String {
    let (e, w, i) = counts(fs);
    let l = lang();
    let n = |id: &str, c: usize| tr_args(l, id, &[("count", c.into())]);
    tr_args(
        l,
        "check-summary",
        &[
            ("errors", n("severity-count-error", e).into()),
            ("warnings", n("severity-count-warning", w).into()),
            ("infos", n("severity-count-info", i).into()),
        ],
    )
}

struct Paint(bool);

impl Paint {
    fn sev(&self, s: Severity, text: &str) -> String {
        if !self.0 {
            return text.to_string();
        }
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    fn dim(&self, text: &str) -> String {
        if self.0 {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(&self, text: &str) -> String {
        if self.0 {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Wraps a long text at about `width` characters for the quoted-source lines.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for w in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// One finding, compiler style:
///
/// ```text
/// error[KH102]: draws up a plan for year 2025 in a plan for 2026
///   --> draft.docx: STT 1.2, content (table 2, row 4)
///    |
///    | Xây dựng Kế hoạch kiểm soát TTHC … năm 2025
///    |
///    = help: "năm 2025" → "năm 2026"
/// ```
pub fn diagnostic(out: &mut impl Write, name: &str, f: &Finding, colour: bool) -> io::Result<()> {
    let p = Paint(colour);
    let l = lang();
    writeln!(
        out,
        "{}: {}",
        p.sev(f.severity, &format!("{}[{}]", f.severity.word(l), f.code)),
        p.bold(&f.message)
    )?;
    writeln!(out, "  {} {name}: {}", p.dim("-->"), f.location.describe(l))?;
    if let Some(t) = &f.text {
        writeln!(out, "   {}", p.dim("|"))?;
        for l in wrap(t, 96).iter().take(6) {
            writeln!(out, "   {} {l}", p.dim("|"))?;
        }
        writeln!(out, "   {}", p.dim("|"))?;
    }
    if let Some(s) = &f.suggestion {
        writeln!(out, "   {} {}: {s}", p.dim("="), tr(l, "check-help"))?;
    }
    // The fix, unless the help already says it.
    let said = |x: &kehoach_diff::Fix| {
        f.suggestion
            .as_deref()
            .is_some_and(|s| s.contains(x.replace.as_str()))
    };
    if let Some(x) = f.fix.as_ref().filter(|x| !said(x)) {
        writeln!(
            out,
            "   {} {}: \"{}\" → \"{}\"",
            p.dim("="),
            tr(l, "check-fix"),
            x.find,
            x.replace
        )?;
    }
    if let Some(n) = &f.note {
        writeln!(out, "   {} {}: {n}", p.dim("="), tr(l, "check-note"))?;
    }
    let title = kehoach_diff::explain(f.code)
        .map(|i| i.title(l))
        .unwrap_or_else(|| f.name.to_string());
    writeln!(
        out,
        "   {} {}: {} ({})",
        p.dim("="),
        tr(l, "check-rule"),
        title,
        f.code
    )
}

pub fn text(out: &mut impl Write, r: &Report, colour: bool) -> io::Result<()> {
    for f in r.findings {
        diagnostic(out, &r.draft.name, f, colour)?;
        writeln!(out)?;
    }
    let l = lang();
    let against = if r.parents.is_empty() {
        String::new()
    } else {
        let names = r
            .parents
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            " {}",
            tr_args(l, "check-against", &[("parents", names.into())])
        )
    };
    let stage = match r.stage {
        Stage::Draft => "draft",
        Stage::Signed => "signed",
    };
    writeln!(
        out,
        "{}: {}{against} ({}): {}",
        Paint(colour).bold(&tr(l, "check-checked")),
        r.draft.name,
        tr_args(l, "check-stage", &[("stage", stage.into())]),
        summary_line(r.findings)
    )
}

pub fn json(out: &mut impl Write, r: &Report) -> io::Result<()> {
    let (e, w, i) = counts(r.findings);
    let v = serde_json::json!({
        "draft": r.draft.name,
        "against": r.parents.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "stage": r.stage,
        "lang": lang().code(),
        "summary": {"error": e, "warning": w, "info": i},
        "findings": r.findings,
    });
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::from)?;
    writeln!(out)
}

/// Pads `s` with spaces to `width` characters (not bytes: Vietnamese letters are several).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

pub fn rule_list(out: &mut impl Write) -> io::Result<()> {
    let l = lang();
    let rows: Vec<[String; 4]> = kehoach_diff::registry()
        .iter()
        .map(|r| {
            let i = r.info();
            [
                i.code.to_string(),
                i.title(l),
                i.severity.word(l),
                i.summary_in(l),
            ]
        })
        .collect();
    let head = [
        tr(l, "rules-header-code"),
        tr(l, "rules-header-name"),
        tr(l, "rules-header-severity"),
        tr(l, "rules-header-summary"),
    ];
    let w = |k: usize| {
        rows.iter()
            .map(|r| r[k].chars().count())
            .chain([head[k].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (w(0).max(6), w(1).max(28), w(2).max(8));
    for r in std::iter::once(&head).chain(&rows) {
        writeln!(
            out,
            "{} {} {} {}",
            pad(&r[0], w0),
            pad(&r[1], w1),
            pad(&r[2], w2),
            r[3]
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", tr(l, "rules-explain-one"))
}

pub fn rule_explain(out: &mut impl Write, i: &RuleInfo) -> io::Result<()> {
    let l = lang();
    match l {
        Lang::En => writeln!(out, "{} {} ({})", i.code, i.name, i.severity.name())?,
        Lang::Vi => writeln!(
            out,
            "{} {} ({}: {}; {}: {})",
            i.code,
            i.title(l),
            tr(l, "rules-name"),
            i.name,
            tr(l, "rules-severity"),
            i.severity.word(l)
        )?,
    }
    writeln!(out, "{}", i.summary_in(l))?;
    writeln!(out)?;
    writeln!(out, "{}", i.explanation_in(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehoach_diff::Where;

    #[test]
    fn diagnostic_shape() {
        let info = kehoach_diff::explain("KH102").unwrap();
        let w = Where {
            stt: Some("1.2".into()),
            column: Some("content".into()),
            table: Some(2),
            row: Some(4),
            ..Default::default()
        };
        let mut f = Finding::new(
            info,
            kehoach_diff::msg!("kh102-plan-for-other-year", year = 2025, plan_year = 2026),
            w,
        )
        .text("Xây dựng Kế hoạch kiểm soát TTHC năm 2025")
        .suggest("\"năm 2025\" → \"năm 2026\"")
        .fix("năm 2025", "năm 2026");
        // The run's language is Vietnamese unless told (tests do not set it).
        f.localize(Lang::Vi);
        let mut s = Vec::new();
        diagnostic(&mut s, "draft.docx", &f, false).unwrap();
        insta::assert_snapshot!(String::from_utf8(s).unwrap());
    }
}
