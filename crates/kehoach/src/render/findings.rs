//! Findings as compiler-style diagnostics or JSON; the rule list.

use std::io::{self, Write};

use kehoach_diff::{Finding, RuleInfo, Severity, Source, Stage};

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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 error, 2 warnings, 0 infos"
pub fn summary_line(fs: &[Finding]) -> String {
    let (e, w, i) = counts(fs);
    format!(
        "{}, {}, {}",
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings"),
        plural(i, "info", "infos")
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
    writeln!(
        out,
        "{}: {}",
        p.sev(f.severity, &format!("{}[{}]", f.severity, f.code)),
        p.bold(&f.message)
    )?;
    writeln!(out, "  {} {name}: {}", p.dim("-->"), f.location)?;
    if let Some(t) = &f.text {
        writeln!(out, "   {}", p.dim("|"))?;
        for l in wrap(t, 96).iter().take(6) {
            writeln!(out, "   {} {l}", p.dim("|"))?;
        }
        writeln!(out, "   {}", p.dim("|"))?;
    }
    if let Some(s) = &f.suggestion {
        writeln!(out, "   {} help: {s}", p.dim("="))?;
    }
    if let Some(n) = &f.note {
        writeln!(out, "   {} note: {n}", p.dim("="))?;
    }
    writeln!(out, "   {} rule: {} ({})", p.dim("="), f.name, f.code)
}

pub fn text(out: &mut impl Write, r: &Report, colour: bool) -> io::Result<()> {
    for f in r.findings {
        diagnostic(out, &r.draft.name, f, colour)?;
        writeln!(out)?;
    }
    let against = if r.parents.is_empty() {
        String::new()
    } else {
        format!(
            " against {}",
            r.parents
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    writeln!(
        out,
        "{}: {}{against} ({} stage): {}",
        Paint(colour).bold("checked"),
        r.draft.name,
        match r.stage {
            Stage::Draft => "draft",
            Stage::Signed => "signed",
        },
        summary_line(r.findings)
    )
}

pub fn json(out: &mut impl Write, r: &Report) -> io::Result<()> {
    let (e, w, i) = counts(r.findings);
    let v = serde_json::json!({
        "draft": r.draft.name,
        "against": r.parents.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "stage": r.stage,
        "summary": {"error": e, "warning": w, "info": i},
        "findings": r.findings,
    });
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::from)?;
    writeln!(out)
}

pub fn rule_list(out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<6} {:<28} {:<8} summary",
        "code", "name", "severity"
    )?;
    for r in kehoach_diff::registry() {
        let i = r.info();
        writeln!(
            out,
            "{:<6} {:<28} {:<8} {}",
            i.code,
            i.name,
            i.severity.name(),
            i.summary
        )?;
    }
    writeln!(out)?;
    writeln!(out, "`kehoach rules CODE` explains one.")
}

pub fn rule_explain(out: &mut impl Write, i: &RuleInfo) -> io::Result<()> {
    writeln!(out, "{} {} ({})", i.code, i.name, i.severity.name())?;
    writeln!(out, "{}", i.summary)?;
    writeln!(out)?;
    writeln!(out, "{}", i.explanation())
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
        let f = Finding::new(info, "draws up a plan for year 2025 in a plan for 2026", w)
            .text("Xây dựng Kế hoạch kiểm soát TTHC năm 2025")
            .suggest("\"năm 2025\" → \"năm 2026\"");
        let mut s = Vec::new();
        diagnostic(&mut s, "draft.docx", &f, false).unwrap();
        insta::assert_snapshot!(String::from_utf8(s).unwrap());
    }
}
