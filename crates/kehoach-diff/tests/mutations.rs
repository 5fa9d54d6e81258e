//! Mutation tests: inject each kind of drift into a parsed fixture and check that the rule
//! meant for it reports it where it was injected, and that the untouched plan gives no such
//! finding there.

mod common;

use common::load;
use kehoach_diff::mutate::{self, Kind, Mutant};
use kehoach_diff::{check, Finding, Options, Source};

fn findings(plan: &kehoach_parse::plan::Plan, parent: &kehoach_parse::plan::Plan) -> Vec<Finding> {
    check(
        &Source::from_plan("draft", plan.clone()),
        &[Source::from_plan("parent", parent.clone())],
        &Options::default(),
    )
    .unwrap()
}

fn at(f: &Finding, m: &Mutant) -> bool {
    f.code == m.code
        && (m.stt.is_none() || f.location.stt == m.stt)
        && (m.parent_stt.is_none() || f.location.parent_stt == m.parent_stt)
        && m.severity.is_none_or(|s| f.severity == s)
}

#[test]
fn every_drift_is_found_in_003() {
    let draft = load("003").plan;
    let parent = load("004").plan;
    let base = findings(&draft, &parent);
    let mutants = mutate::all(&draft, Some(&parent));
    let kinds: Vec<Kind> = mutants.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds.len(),
        mutate::ALL.len(),
        "003 offers a place for every kind: {kinds:?}"
    );
    for m in &mutants {
        assert!(
            !base.iter().any(|f| at(f, m)),
            "the untouched plan already gives {} at {:?}/{:?}",
            m.code,
            m.stt,
            m.parent_stt
        );
        let got = findings(&m.plan, &parent);
        assert!(
            got.iter().any(|f| at(f, m)),
            "{:?} ({}) not found as {} at {:?}/{:?}; got:\n{}",
            m.kind,
            m.description,
            m.code,
            m.stt,
            m.parent_stt,
            got.iter().map(|f| format!("{f}\n")).collect::<String>()
        );
    }
}

#[test]
fn stale_drift_is_not_flagged_before_it_took_effect() {
    // 004 is dated 2023: a merged department or the district level was current then.
    let plan = load("004").plan;
    for k in [
        Kind::StaleDepartment,
        Kind::StaleDistrict,
        Kind::SupersededDecree,
    ] {
        let m = mutate::mutate(&plan, None, k).unwrap();
        let got = check(&Source::from_plan("p", m.plan), &[], &Options::default()).unwrap();
        assert!(!got.iter().any(|f| f.code == m.code), "{k:?}");
    }
}

#[test]
fn drift_in_004_is_found() {
    // The provincial plan as a draft of its own (no parent): structural and year drift.
    let plan = load("004").plan;
    let base = check(
        &Source::from_plan("p", plan.clone()),
        &[],
        &Options::default(),
    )
    .unwrap();
    for k in [
        Kind::ItemYear,
        Kind::DeadlineYear,
        Kind::DuplicateStt,
        Kind::EmptyLead,
        Kind::RepeatPhrase,
        Kind::DeadlineInLead,
        Kind::EmptyDeadline,
        Kind::LeadIsSupport,
    ] {
        let m = mutate::mutate(&plan, None, k).unwrap_or_else(|| panic!("{k:?}"));
        assert!(!base.iter().any(|f| at(f, &m)), "{k:?} already in the base");
        let got = check(
            &Source::from_plan("p", m.plan.clone()),
            &[],
            &Options::default(),
        )
        .unwrap();
        assert!(
            got.iter().any(|f| at(f, &m)),
            "{k:?} ({}) not found",
            m.description
        );
    }
}
