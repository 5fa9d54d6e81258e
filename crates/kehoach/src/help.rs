//! `--help` in the run's language. The English help is the doc comments of the argument
//! structs (one definition per flag); the Vietnamese is `cli-help.ftl`, keyed by the
//! argument's id (`help-arg-max-cells`, shared by every subcommand that has the flag) and
//! by the subcommand (`help-cmd-check`). A flag whose Vietnamese is missing keeps its English
//! (a test lists such flags: there are none).

use clap::Command;
use kehoach_i18n::{has, tr, Lang};

/// The command tree with help texts, headings and the about line in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = walk(cmd, lang, true);
    // `kehoach help …` exists once clap has built the tree.
    cmd.build();
    cmd.mut_subcommand("help", |c| {
        c.about(tr(lang, "help-cmd-help"))
            .help_template(tr(lang, "help-template"))
    })
}

fn walk(mut cmd: Command, lang: Lang, root: bool) -> Command {
    let id = if root {
        "help-cmd-kehoach".to_string()
    } else {
        format!("help-cmd-{}", cmd.get_name())
    };
    if has(lang, &id) {
        cmd = cmd.about(tr(lang, &id));
    }
    // clap writes "Usage:", "Options:", "Commands:" and the help flag's own line; they are
    // replaced here by the template, headings of our own and a help flag of our own.
    cmd = cmd
        .help_template(tr(lang, "help-template"))
        .subcommand_help_heading(tr(lang, "help-heading-commands"))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(tr(lang, "help-arg-help"))
                .help_heading(tr(lang, "help-heading-options")),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(tr(lang, "help-arg-version"))
                .help_heading(tr(lang, "help-heading-options")),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .filter(|a| a != "help" && a != "version")
        .collect();
    let sub = cmd.get_name().to_string();
    for a in ids {
        // The subcommand's own wording of a flag first ("--format" of check), then the
        // flag's wording wherever it appears ("--max-cells").
        let own = format!("help-in-{sub}-{}", a.replace('_', "-"));
        let key = if has(lang, &own) { own } else { arg_key(&a) };
        let text = has(lang, &key).then(|| tr(lang, &key));
        cmd = cmd.mut_arg(a.as_str(), |arg| {
            // Values are listed by name; their meaning is in the Vietnamese help text.
            let arg = if text.is_some()
                && arg.get_action().takes_values()
                && !arg.get_possible_values().is_empty()
            {
                arg.hide_possible_values(true)
            } else {
                arg
            };
            let heading = match arg.get_help_heading() {
                Some(h) => {
                    let id = format!("help-heading-{}", heading_key(h));
                    if has(lang, &id) {
                        tr(lang, &id)
                    } else {
                        h.to_string()
                    }
                }
                None if arg.is_positional() => tr(lang, "help-heading-arguments"),
                None => tr(lang, "help-heading-options"),
            };
            let arg = arg.help_heading(heading);
            match text {
                Some(mut t) => {
                    // "[default: 60]" said in the language.
                    let defaults: Vec<String> = arg
                        .get_default_values()
                        .iter()
                        .map(|v| v.to_string_lossy().into_owned())
                        .collect();
                    if !defaults.is_empty()
                        && !arg.is_hide_default_value_set()
                        && !arg.is_positional()
                    {
                        t.push_str(&format!(
                            " [{}: {}]",
                            tr(lang, "help-default"),
                            defaults.join(", ")
                        ));
                        arg.hide_default_value(true).help(t)
                    } else {
                        arg.help(t)
                    }
                }
                None => arg,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = cmd.mut_subcommand(s.as_str(), |sc| walk(sc, lang, false));
    }
    cmd
}

/// "Limits (per document)" → "limits-per-document".
fn heading_key(h: &str) -> String {
    let mut k = String::new();
    for c in h.chars() {
        if c.is_ascii_alphanumeric() {
            k.push(c.to_ascii_lowercase());
        } else if !k.ends_with('-') && !k.is_empty() {
            k.push('-');
        }
    }
    k.trim_end_matches('-').to_string()
}

/// The catalogue id of an argument's help: `max_cells` → `help-arg-max-cells`.
pub fn arg_key(id: &str) -> String {
    format!("help-arg-{}", id.replace('_', "-"))
}

/// The language asked for on the command line (`--lang X`, `--lang=X`) before clap reads it,
/// so that `--help` itself is in that language; else the environment.
pub fn lang_of_args(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            if let Some(l) = it.next().and_then(|v| Lang::parse(&v)) {
                return l;
            }
        } else if let Some(v) = a.strip_prefix("--lang=") {
            if let Some(l) = Lang::parse(v) {
                return l;
            }
        }
    }
    Lang::from_env()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every argument and subcommand of the CLI has Vietnamese help.
    #[test]
    fn every_flag_has_vietnamese_help() {
        let mut missing = Vec::new();
        fn visit(c: &Command, missing: &mut Vec<String>, root: bool) {
            if !root && !has(Lang::Vi, &format!("help-cmd-{}", c.get_name())) {
                missing.push(format!("help-cmd-{}", c.get_name()));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if let Some(h) = a.get_help_heading() {
                    let hk = format!("help-heading-{}", heading_key(h));
                    if !has(Lang::Vi, &hk) && !missing.contains(&hk) {
                        missing.push(hk);
                    }
                }
                let key = arg_key(id);
                let own = format!("help-in-{}-{}", c.get_name(), id.replace('_', "-"));
                if !has(Lang::Vi, &key) && !has(Lang::Vi, &own) && !missing.contains(&key) {
                    missing.push(key);
                }
            }
            for s in c.get_subcommands() {
                visit(s, missing, false);
            }
        }
        visit(&crate::Cli::command(), &mut missing, true);
        assert!(missing.is_empty(), "no Vietnamese help for: {missing:#?}");
    }

    #[test]
    fn help_is_vietnamese_unless_english_is_asked_for() {
        let mut vi = localize(crate::Cli::command(), Lang::Vi);
        let text = vi
            .find_subcommand_mut("check")
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(text.contains("Cách dùng"), "{text}");
        let en = crate::Cli::command()
            .find_subcommand("check")
            .unwrap()
            .clone()
            .render_long_help()
            .to_string();
        assert!(en.contains("Usage"), "{en}");
    }

    /// clap's own consistency checks on the whole localized tree (they panic at run time
    /// otherwise, on the first `--help`).
    #[test]
    fn localized_tree_is_consistent() {
        localize(crate::Cli::command(), Lang::Vi).debug_assert();
        localize(crate::Cli::command(), Lang::En).debug_assert();
    }

    #[test]
    fn language_read_from_arguments_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_of_args(&args(&["kehoach", "--lang", "en", "check"])),
            Lang::En
        );
        assert_eq!(
            lang_of_args(&args(&["kehoach", "check", "--lang=en"])),
            Lang::En
        );
        assert_eq!(
            lang_of_args(&args(&["kehoach", "check", "--lang=vi"])),
            Lang::Vi
        );
    }
}
