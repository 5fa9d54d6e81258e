//! Findings as one self-contained HTML page: the plan's metadata and table, each finding
//! marked on its row, and the findings that belong to no row (metadata, paragraphs, the
//! parent's missing items) above the table.

use std::io::{self, Write};

use kehoach_diff::{Finding, Severity};

use super::findings::{summary_line, Report};

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

pub const STYLE: &str = r#"
body{font-family:"Times New Roman",serif;margin:2em;color:#222;max-width:1400px}
h1{font-size:1.3em} .meta{color:#555} table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee} tr.group td{font-weight:bold;background:#fafafa}
tr.error td{background:#fde8e8} tr.warning td{background:#fff6d6} tr.info td{background:#e8f4fd}
.f{font-family:system-ui,sans-serif;font-size:.85em;margin:2px 0;padding:2px 4px;border-left:4px solid}
.f.error{border-color:#c0392b} .f.warning{border-color:#d4a017} .f.info{border-color:#2e86c1}
.code{font-weight:bold} .sev-error{color:#c0392b} .sev-warning{color:#a67c00} .sev-info{color:#2e86c1}
td.findings{min-width:18em} ins{background:#d4f7d4;text-decoration:none} del{background:#f7d4d4}
"#;

fn finding_html(f: &Finding) -> String {
    let sev = f.severity.name();
    let mut s = format!(
        "<div class=\"f {sev}\"><span class=\"code sev-{sev}\">{sev}[{}]</span> {}",
        esc(f.code),
        esc(&f.message)
    );
    if f.location.item.is_none() {
        s.push_str(&format!(" <i>({})</i>", esc(&f.location.to_string())));
    }
    if let Some(t) = &f.text {
        s.push_str(&format!("<br>“{}”", esc(&crate_excerpt(t, 200))));
    }
    if let Some(x) = &f.suggestion {
        s.push_str(&format!("<br>→ {}", esc(x)));
    }
    if let Some(n) = &f.note {
        s.push_str(&format!("<br><small>{}</small>", esc(n)));
    }
    s.push_str("</div>");
    s
}

fn crate_excerpt(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}

pub fn html(out: &mut impl Write, r: &Report) -> io::Result<()> {
    let plan = &r.draft.plan;
    let d = &plan.document;
    writeln!(
        out,
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<title>kehoach check: {}</title><style>{STYLE}</style></head><body>",
        esc(&r.draft.name)
    )?;
    writeln!(
        out,
        "<h1>{}</h1>",
        esc(d.title.as_deref().unwrap_or(&r.draft.name))
    )?;
    writeln!(
        out,
        "<p class=\"meta\">{} · {} · {} · {} · {}</p>",
        esc(&r.draft.name),
        esc(d.issuer.as_deref().unwrap_or("")),
        esc(d.number.as_ref().map(|n| n.text.as_str()).unwrap_or("")),
        esc(d.date.as_ref().map(|n| n.text.as_str()).unwrap_or("")),
        esc(&summary_line(r.findings))
    )?;
    let loose: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.location.item.is_none())
        .collect();
    if !loose.is_empty() {
        writeln!(out, "<h2>Document</h2>")?;
        for f in loose {
            writeln!(out, "{}", finding_html(f))?;
        }
    }
    if !plan.items.is_empty() {
        writeln!(out, "<h2>Items</h2><table><thead><tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th><th>Findings</th></tr></thead><tbody>")?;
        for (i, it) in plan.items.iter().enumerate() {
            let fs: Vec<&Finding> = r
                .findings
                .iter()
                .filter(|f| f.location.item == Some(i))
                .collect();
            let worst = fs.iter().map(|f| f.severity).min();
            let mut class = match worst {
                Some(Severity::Error) => "error",
                Some(Severity::Warning) => "warning",
                Some(Severity::Info) => "info",
                None => "",
            }
            .to_string();
            if it.kind == kehoach_parse::plan::ItemKind::Group {
                class.push_str(" group");
            }
            let list = |v: &[String]| v.iter().map(|s| esc(s)).collect::<Vec<_>>().join("<br>");
            writeln!(
                out,
                "<tr id=\"row-{i}\" class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"findings\">{}</td></tr>",
                class.trim(),
                esc(&it.stt),
                esc(&it.content),
                list(&it.lead),
                list(&it.support),
                esc(&it.deadline.text),
                fs.iter().map(|f| finding_html(f)).collect::<String>()
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    writeln!(out, "</body></html>")
}
