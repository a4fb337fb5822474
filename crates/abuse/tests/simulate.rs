//! The simulator: every line is an event, the same seed gives the same bytes, sizes follow the
//! configuration, and the truth matches what was written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use rampart_abuse::events::{Body, IssuedBy, ReturnStage, parse_line};
use rampart_abuse::simulate::{Config, FraudKind, Truth, simulate};

fn run(accounts: usize, days: u32, seed: u64) -> (Vec<String>, Truth) {
    let mut lines = Vec::new();
    let truth = simulate(&Config::new(accounts, days, seed), |l| {
        lines.push(l.to_string())
    });
    (lines, truth)
}

fn count(truth: &Truth, kind: &str) -> u64 {
    truth.stats.by_type.get(kind).copied().unwrap_or(0)
}

#[test]
fn every_line_parses_in_time_order_with_unique_ids() {
    let (lines, truth) = run(2_000, 30, 1);
    assert_eq!(lines.len() as u64, truth.stats.events);
    let bytes: u64 = lines.iter().map(|l| l.len() as u64 + 1).sum();
    assert_eq!(bytes, truth.stats.bytes);
    let mut ids = BTreeSet::new();
    let mut last = i64::MIN;
    for line in &lines {
        let e = parse_line(line).unwrap_or_else(|err| panic!("{err}: {line}"));
        assert!(ids.insert(e.id.clone()), "duplicate {}", e.id);
        assert!(e.at >= last, "out of order: {line}");
        assert!(e.at < truth.end);
        last = e.at;
    }
    for kind in [
        "account", "order", "return", "refund", "contact", "review", "staff",
    ] {
        assert!(count(&truth, kind) > 0, "no {kind}");
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let (a, ta) = run(1_000, 20, 42);
    let (b, tb) = run(1_000, 20, 42);
    let (c, _) = run(1_000, 20, 43);
    assert_eq!(a, b);
    assert_eq!(ta, tb);
    assert_ne!(a, c);
}

#[test]
fn counts_scale_with_accounts() {
    let (_, small) = run(1_000, 20, 5);
    let (_, large) = run(4_000, 20, 5);
    assert_eq!(count(&small, "account"), 1_000);
    assert_eq!(count(&large, "account"), 4_000);
    let ratio = count(&large, "order") as f64 / count(&small, "order") as f64;
    assert!((3.0..5.0).contains(&ratio), "orders ratio {ratio}");
    let ratio = count(&large, "return") as f64 / count(&small, "return") as f64;
    assert!((2.5..5.5).contains(&ratio), "returns ratio {ratio}");
    assert_eq!(count(&small, "staff"), 20);
}

#[test]
fn the_truth_matches_the_events() {
    let (lines, truth) = run(3_000, 45, 9);
    let mut accounts = BTreeSet::new();
    let mut agents = BTreeSet::new();
    let mut refunds = BTreeMap::new();
    let mut reviews = BTreeMap::new();
    let mut contacts = BTreeMap::new();
    let mut returns: BTreeMap<String, Vec<_>> = BTreeMap::new();
    let mut orders = BTreeMap::new();
    for line in &lines {
        match parse_line(line).unwrap().body {
            Body::Account(a) => {
                accounts.insert(a.account_id);
            }
            Body::Staff(s) => {
                agents.insert(s.agent_id);
            }
            Body::Refund(r) => {
                refunds.insert(r.refund_id.clone(), r);
            }
            Body::Review(r) => {
                reviews.insert(r.review_id.clone(), r);
            }
            Body::Contact(c) => {
                contacts.insert(c.contact_id.clone(), c);
            }
            Body::Return(r) => returns.entry(r.order_id.clone()).or_default().push(r),
            Body::Order(o) => {
                orders.insert(o.order_id.clone(), o);
            }
        }
    }
    assert_eq!(truth.rings.len(), 2);
    let ring_accounts = truth.ring_accounts();
    for a in &ring_accounts {
        assert!(accounts.contains(*a), "ring account {a} never signed up");
    }
    for ring in &truth.rings {
        assert!((5..=30).contains(&ring.members.len()));
        assert!(!ring.insiders.is_empty());
    }
    let insiders = truth.insiders();
    for a in &insiders {
        assert!(agents.contains(*a), "insider {a} is not an agent");
    }
    assert!(!truth.fake_reviews.is_empty());
    for f in &truth.fake_reviews {
        let r = &reviews[&f.review_id];
        assert_eq!(r.account_id, f.account_id);
        assert!(ring_accounts.contains(f.account_id.as_str()));
    }
    assert!(truth.fraud_refunds.len() > 20);
    for f in &truth.fraud_refunds {
        let r = &refunds[&f.refund_id];
        assert_eq!(r.account_id, f.account_id);
        assert_eq!(r.amount.minor, f.amount_minor);
        match (&r.issued_by, &f.issued_by) {
            (IssuedBy::Agent(a), Some(b)) => assert_eq!(a, b),
            (IssuedBy::Automatic, None) => {}
            other => panic!("issuer mismatch {other:?}"),
        }
        assert_eq!(
            f.insider,
            f.issued_by.as_deref().is_some_and(|a| insiders.contains(a))
        );
        let rets = returns
            .get(&f.order_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let item_grams = orders[&f.order_id].items[0].weight_grams.unwrap();
        match f.kind {
            FraudKind::NotReceived => assert!(!r.return_required && rets.is_empty()),
            FraudKind::NothingReturned => {
                assert!(r.return_required || f.insider);
                assert!(rets.iter().all(|x| x.stage == ReturnStage::LabelCreated));
            }
            FraudKind::EmptyBox => {
                let received = rets
                    .iter()
                    .find(|x| x.stage == ReturnStage::Received)
                    .unwrap();
                assert!(received.weight_grams.unwrap() * 2 < item_grams);
            }
            FraudKind::FakeTracking => {
                let d = rets
                    .iter()
                    .find(|x| x.stage == ReturnStage::Delivered)
                    .unwrap();
                assert_ne!(d.location, d.warehouse);
                assert!(rets.iter().all(|x| x.stage != ReturnStage::Received));
            }
            FraudKind::RefundedBeforeScan => {
                assert!(rets.iter().any(|x| x.stage == ReturnStage::LabelCreated));
            }
        }
    }
    for c in &truth.scripted_contacts {
        assert!(ring_accounts.contains(contacts[c].account_id.as_str()));
    }
    let traps = &truth.traps;
    assert!(!traps.heavy_returners.is_empty() && !traps.households.is_empty());
    for a in traps
        .heavy_returners
        .iter()
        .chain(traps.households.iter().flat_map(|h| &h.accounts))
    {
        assert!(accounts.contains(a));
        assert!(!ring_accounts.contains(a.as_str()), "trap {a} is in a ring");
    }
    for a in &traps.high_volume_agents {
        assert!(agents.contains(a) && !insiders.contains(a.as_str()));
    }
    for b in &traps.launch_bursts {
        assert!(!b.review_ids.is_empty());
        for r in &b.review_ids {
            assert_eq!(reviews[r].product_id, b.product_id);
            assert!(!ring_accounts.contains(reviews[r].account_id.as_str()));
        }
    }
    // Honest heavy returners: every received return weighs what was ordered.
    let heavy: BTreeSet<&str> = traps.heavy_returners.iter().map(String::as_str).collect();
    for (order, rets) in &returns {
        let o = &orders[order];
        if !heavy.contains(o.account_id.as_str()) {
            continue;
        }
        let grams: u32 = o
            .items
            .iter()
            .map(|i| i.weight_grams.unwrap() * i.quantity)
            .sum();
        for r in rets.iter().filter(|r| r.stage == ReturnStage::Received) {
            assert!(r.weight_grams.unwrap() * 10 >= grams * 9);
        }
    }
}

#[test]
fn the_truth_round_trips_as_json() {
    let (_, truth) = run(500, 10, 3);
    let json = serde_json::to_string(&truth).unwrap();
    let back: Truth = serde_json::from_str(&json).unwrap();
    assert_eq!(back, truth);
}

#[test]
fn ten_thousand_accounts_for_sixty_days() {
    let mut bytes = 0usize;
    let truth = simulate(&Config::new(10_000, 60, 2026), |l| bytes += l.len() + 1);
    assert_eq!(truth.stats.bytes as usize, bytes);
    assert_eq!(count(&truth, "account"), 10_000);
    eprintln!(
        "10,000 x 60: {} events, {} bytes, {:?}, {} rings, {} fraud refunds, {} fake reviews",
        truth.stats.events,
        truth.stats.bytes,
        truth.stats.by_type,
        truth.rings.len(),
        truth.fraud_refunds.len(),
        truth.fake_reviews.len()
    );
}

#[test]
fn tiny_and_empty_runs_do_not_panic() {
    for (accounts, days) in [
        (0, 0),
        (0, 3),
        (10, 0),
        (10, 1),
        (60, 1),
        (200, 2),
        (1_000, 1),
    ] {
        let (lines, truth) = run(accounts, days, 11);
        assert_eq!(count(&truth, "account"), accounts as u64);
        for line in &lines {
            parse_line(line).unwrap();
        }
    }
    let mut cfg = Config::new(300, 10, 4);
    cfg.agents = 0;
    let truth = simulate(&cfg, |l| {
        parse_line(l).unwrap();
    });
    assert!(truth.insiders().is_empty());
}
