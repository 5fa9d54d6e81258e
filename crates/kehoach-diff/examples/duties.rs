//! Calibration: each parent duty, its best draft match and score.
use kehoach_diff::matching::{tokens, Vocab, Weights};
fn load(p: &str) -> kehoach_diff::Source {
    let bytes = std::fs::read(p).unwrap();
    kehoach_diff::Source::from_parsed(
        p,
        kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap(),
    )
}
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let draft = load(&args[0]);
    let parent = load(&args[1]);
    let opts = kehoach_diff::Options::default();
    let cx = kehoach_diff::rules::Ctx {
        draft: &draft,
        facts: kehoach_diff::facts::Facts::of(&draft),
        parents: std::slice::from_ref(&parent),
        parent_facts: vec![],
        opts: &opts,
    };
    let dt: Vec<Option<Vec<String>>> = draft
        .plan
        .items
        .iter()
        .map(|i| {
            (i.kind == kehoach_parse::plan::ItemKind::Task || !i.lead.is_empty())
                .then(|| tokens(&i.content))
        })
        .collect();
    let pt: Vec<Vec<String>> = parent
        .plan
        .items
        .iter()
        .map(|i| tokens(&i.content))
        .collect();
    let w = Weights::from_docs(pt.iter().chain(dt.iter().flatten()));
    let mut vocab = Vocab::default();
    let db: Vec<_> = dt
        .iter()
        .map(|t| t.as_ref().map(|t| vocab.bag(t, &w)))
        .collect();
    for (pi, duty) in kehoach_diff::rules::kh201_missing_item::duties(&cx, &parent.plan) {
        let p = &parent.plan.items[pi];
        let pb = vocab.bag(&tokens(&p.content), &w);
        let (di, s, pair) = vocab.best_match(&pb, &db).unwrap();
        println!(
            "{:6} {:?} {:.2}{} -> {:6} | {} || {}",
            p.stt,
            duty,
            s,
            if pair { "+" } else { " " },
            draft.plan.items[di].stt,
            &p.content.chars().take(70).collect::<String>(),
            &draft.plan.items[di]
                .content
                .chars()
                .take(70)
                .collect::<String>()
        );
    }
}
