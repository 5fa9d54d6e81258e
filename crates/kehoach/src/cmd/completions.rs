//! `kehoach completions bash|zsh|fish|powershell|elvish` and `kehoach man`: generated from
//! the clap definitions by the clap project's own generators (`clap_complete`,
//! `clap_mangen`), so they never drift from the flags, as ripgrep, fd and ruff do.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::Cli;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(clap::Args)]
pub struct ManArgs {}

/// Exit codes: 0 written, 1 the output could not be written.
pub fn run(args: Args) -> u8 {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "kehoach", &mut out);
    write_out(&out)
}

/// The man page: kehoach(1) with every subcommand's options in its own section.
pub fn man(_args: ManArgs) -> u8 {
    let cmd = Cli::command();
    let mut out = Vec::new();
    if let Err(e) = render_man(&cmd, &mut out) {
        error!("{e}");
        return 1;
    }
    write_out(&out)
}

/// The page of the top command, then one section per subcommand (`KEHOACH PARSE` …) with
/// its usage, description and options as subsections: one page, as `man kehoach` finds.
fn render_man(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cmd = cmd.clone();
    cmd.build();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    for sub in cmd.get_subcommands() {
        let name = format!("kehoach {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let m = clap_mangen::Man::new(sub.clone().bin_name(name));
        let mut part = Vec::new();
        m.render_synopsis_section(&mut part)?;
        m.render_description_section(&mut part)?;
        m.render_options_section(&mut part)?;
        // Each part opens with its own `.SH`: nested under the subcommand, they are `.SS`.
        for line in String::from_utf8_lossy(&part).lines() {
            match line.strip_prefix(".SH ") {
                Some(rest) => writeln!(out, ".SS {rest}")?,
                None => writeln!(out, "{line}")?,
            }
        }
    }
    Ok(())
}

fn write_out(bytes: &[u8]) -> u8 {
    let mut o = std::io::stdout().lock();
    match o.write_all(bytes).and_then(|_| o.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            error!("cannot write output: {e}");
            1
        }
    }
}
