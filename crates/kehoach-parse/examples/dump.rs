fn main() {
    let p = std::env::args().nth(1).unwrap();
    let b = std::fs::read(&p).unwrap();
    match kehoach_parse::read_document(&b, &kehoach_parse::Limits::default()) {
        Ok(d) => println!("{}", serde_json::to_string_pretty(&d).unwrap()),
        Err(e) => eprintln!("{p}: {e}"),
    }
}
