//! `kehoach rules [CODE]`: list the check rules, or explain one.

use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    /// A rule code ("KH301") or name ("stale-body") to explain.
    code: Option<String>,
}

/// Exit codes: 0, or 2 for an unknown code.
pub fn run(args: Args) -> u8 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let res = match &args.code {
        None => crate::render::findings::rule_list(&mut out),
        Some(c) => match kehoach_diff::explain(c) {
            Some(info) => crate::render::findings::rule_explain(&mut out, info),
            None => {
                let l = crate::cmd::lang();
                eprintln!(
                    "{}: {}",
                    kehoach_i18n::tr(l, "severity-error"),
                    kehoach_i18n::tr_args(l, "rules-unknown", &[("code", c.into())])
                );
                return 2;
            }
        },
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error!("cannot write output: {e}");
            return 2;
        }
    }
    0
}
