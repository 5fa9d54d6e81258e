//! Large and hostile plans: the checks stay linear where they can, and the comparisons that
//! score every pair of items (plan diff, KH201, KH203) refuse past their pair limit with an
//! error that names it, instead of running for hours on two 100,000-row tables.

mod common;

use common::load;
use kehoach_diff::diff::{diff, diff_limited};
use kehoach_diff::{check, Options, PairLimit, Source};
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
        dup[0].message.contains("first at table row 18"),
        "{}",
        dup[0].message
    );
    assert_eq!(dup[0].suggestion.as_deref(), Some("\"19001\""));
    // The sequence carries on from the number the row should have had: no gap reported.
    assert!(!got.iter().any(|f| f.code == "KH402"), "{got:?}");
}

#[test]
fn comparisons_past_the_pair_limit_are_refused_with_the_flag_named() {
    let draft = numbered(300, "Rà soát thủ tục hành chính", |k| {
        format!("{}.", k + 1)
    });
    let parent = numbered(200, "Rà soát thủ tục hành chính", |k| {
        format!("{}.", k + 1)
    });
    let opts = Options {
        max_item_pairs: PairLimit(59_999),
        ..Options::default()
    };
    let err = check(
        &Source::from_plan("draft", draft.clone()),
        &[Source::from_plan("parent", parent.clone())],
        &opts,
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("300 items with 200 items"), "{msg}");
    assert!(msg.contains("60000 item pairs"), "{msg}");
    assert!(msg.contains("--max-item-pairs"), "{msg}");
    // Without parents nothing is compared pairwise.
    assert!(check(&Source::from_plan("draft", draft.clone()), &[], &opts).is_ok());
    let err = diff_limited(&parent, &draft, PairLimit(59_999)).unwrap_err();
    assert_eq!((err.left, err.right, err.limit), (200, 300, 59_999));
    // At the limit it runs.
    assert!(diff_limited(&parent, &draft, PairLimit(60_000)).is_ok());
    // The default limit (two plans of 5,000 items) refuses 5,001 × 5,000.
    let huge = numbered(5_001, "x", |k| format!("{}.", k + 1));
    let big = numbered(5_000, "x", |k| format!("{}.", k + 1));
    assert!(diff(&huge, &big).is_err());
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
