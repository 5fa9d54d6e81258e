//! Large and hostile plans: the checks stay linear where they can, and the comparisons that
//! score every pair of items (plan diff, KH201, KH203) refuse past their match limit with an
//! error that names it, instead of running for hours on two 100,000-row tables.

mod common;

use common::load;
use kehoach_diff::diff::{diff, diff_limited};
use kehoach_diff::{check, MatchLimit, Options, Source};
use kehoach_parse::plan::{Item, ItemKind, Plan};

/// A plan of `n` numbered tasks ("1." … "n."), all saying `content`.
fn numbered(n: usize, content: &str, stt: impl Fn(usize) -> String) -> Plan {
    let mut plan = load("004").plan;
    let item = plan
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Task && !i.lead.is_empty())
        .cloned()
        .expect("004 has tasks with a lead");
    plan.items = (0..n)
        .map(|k| Item {
            stt: stt(k),
            level: 1,
            parent: None,
            content: content.to_string(),
            location: kehoach_parse::plan::Location {
                row: k + 1,
                rows: 1,
                ..item.location.clone()
            },
            ..item.clone()
        })
        .collect();
    plan
}

#[test]
fn numbering_rules_on_20000_items_find_the_one_duplicate() {
    // KH401 and KH402 looked back over every earlier row (n² on a hostile table: a 100,000
    // row draft took 60 s, 20,000 rows 3 s); now one pass with a set.
    let mut plan = numbered(
        20_000,
        "Rà soát, đơn giản hóa thủ tục hành chính",
        |k| format!("{}.", k + 1),
    );
    plan.items[19_000].stt = "17.".into();
    let got = check(&Source::from_plan("big", plan), &[], &Options::default()).unwrap();
    let dup: Vec<_> = got.iter().filter(|f| f.code == "KH401").collect();
    assert_eq!(dup.len(), 1, "{dup:?}");
    assert_eq!(dup[0].location.item, Some(19_000));
    assert!(
        dup[0].message.contains("đã dùng ở dòng 18 của bảng"),
        "{}",
        dup[0].message
    );
    assert_eq!(dup[0].suggestion.as_deref(), Some("\"19001\""));
    // The sequence carries on from the number the row should have had: no gap reported.
    assert!(!got.iter().any(|f| f.code == "KH402"), "{got:?}");
}

#[test]
fn comparisons_past_the_match_limit_are_refused_with_the_flag_named() {
    // 300 × 200 pairs + 200 × 1,800 words + 300 × 1,200 words + 1,800 words × 6 (the
    // longest parent item) = 790,800 word comparisons.
    let draft = numbered(300, "Rà soát thủ tục hành chính", |k| {
        format!("{}.", k + 1)
    });
    let parent = numbered(200, "Rà soát thủ tục hành chính", |k| {
        format!("{}.", k + 1)
    });
    let opts = Options {
        max_word_comparisons: MatchLimit(790_799),
        ..Options::default()
    };
    let err = check(
        &Source::from_plan("draft", draft.clone()),
        &[Source::from_plan("parent", parent.clone())],
        &opts,
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("matching 300 items (1800 words) with 200 items (1200 words)"),
        "{msg}"
    );
    assert!(msg.contains("takes 790800 word comparisons"), "{msg}");
    assert!(msg.contains("over the limit of 790799"), "{msg}");
    assert!(msg.contains("--max-word-comparisons"), "{msg}");
    // Without parents nothing is compared pairwise.
    assert!(check(&Source::from_plan("draft", draft.clone()), &[], &opts).is_ok());
    // The other way round (200 old items, 300 new): 60,000 + 300 × 1,200 + 200 × 1,800 +
    // 1,200 × 6 = 787,200.
    let Err(err) = diff_limited(&parent, &draft, MatchLimit(787_199)) else {
        panic!("diff past the limit ran");
    };
    assert_eq!(
        (err.left, err.right, err.work),
        ((200, 1200), (300, 1800), 787_200)
    );
    // At the limit it runs.
    assert!(diff_limited(&parent, &draft, MatchLimit(787_200)).is_ok());
    // The default (250,000,000): two plans of 1,000 items of 45 words pass (93,025,000); of
    // 500 words they do not (1,251,000,000), nor do 10,000 one-word items (300,010,000).
    let words = |n| vec!["từ"; n].join(" ");
    let plan = |n, w| numbered(n, &words(w), |k| format!("{}.", k + 1));
    let limit = MatchLimit::default();
    assert!(limit
        .allow(&plan(1_000, 45).items, &plan(1_000, 45).items)
        .is_ok());
    for (n, w, work) in [(1_000, 500, 1_251_000_000), (10_000, 1, 300_010_000)] {
        let Err(e) = diff(&plan(n, w), &plan(n, w)) else {
            panic!("{n} items of {w} words ran");
        };
        let words = (n * w) as u64;
        assert_eq!((e.left, e.right, e.work), ((n, words), (n, words), work));
    }
}

#[test]
fn alike_items_pair_in_order_when_every_candidate_is_taken() {
    // 600 items that all say the same thing, numbered differently in the two plans: every
    // pair scores the same, so each item's short candidate list runs out and is refilled;
    // the pairing must still be first with first, second with second.
    let old = numbered(600, "Rà soát thủ tục hành chính", |k| {
        format!("{}.", k + 1)
    });
    let new = numbered(600, "Rà soát thủ tục hành chính", |k| {
        format!("{}.1", k + 1)
    });
    let d = diff(&old, &new).unwrap();
    assert_eq!(d.summary.renumbered, 600);
    assert_eq!(d.summary.added + d.summary.removed + d.summary.changed, 0);
    for (k, e) in d.entries.iter().enumerate() {
        match e {
            kehoach_diff::diff::Entry::Matched { old, new, .. } => assert_eq!((*old, *new), (k, k)),
            other => panic!("{other:?}"),
        }
    }
}
