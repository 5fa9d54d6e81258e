//! Prints the findings for files: `cargo run --example findings -- DRAFT [PARENT]`.
fn load(p: &str) -> kehoach_diff::Source {
    let bytes = std::fs::read(p).unwrap();
    let parsed = kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap();
    kehoach_diff::Source::from_parsed(p, parsed)
}

fn main() -> Result<(), kehoach_diff::TooMuchMatching> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let draft = load(&args[0]);
    let parents: Vec<_> = args[1..].iter().map(|p| load(p)).collect();
    for f in kehoach_diff::check(&draft, &parents, &Default::default())? {
        println!("{f}");
    }
    Ok(())
}
