//! The model and the detectors: scored on a simulated marketplace (precision, recall, no trap
//! flagged), the same whatever the order events arrive in, and right on small hand-made
//! tables of events for each detector's edge cases; hostile input never panics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use rampart_abuse::detect::{DetectConfig, Detector, Finding, SubjectKind, detect};
use rampart_abuse::events::{
    Account, Address, Body, Channel, Condition, Contact, Event, IssuedBy, Item, Money, Order,
    Refund, RefundReason, Return, ReturnStage, Review, Shift, Staff, parse_line,
};
use rampart_abuse::model::Model;
use rampart_abuse::score::{score, table};
use rampart_abuse::simulate::{Config, Truth, simulate};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;
/// 2026-01-01T00:00:00Z.
const T0: i64 = 1_767_225_600_000;

// ---------------------------------------------------------------------------------------------
// The simulated marketplace.

fn simulated(accounts: usize, days: u32, seed: u64) -> (Vec<Event>, Truth) {
    let mut events = Vec::new();
    let truth = simulate(&Config::new(accounts, days, seed), |l| {
        events.push(parse_line(l).unwrap())
    });
    (events, truth)
}

fn build(events: &[Event]) -> Model {
    let mut m = Model::new();
    for e in events {
        m.apply(e);
    }
    m
}

fn config(truth: &Truth) -> DetectConfig {
    DetectConfig {
        scripts: truth.scripts.clone(),
        ..DetectConfig::default()
    }
}

#[test]
fn the_simulated_marketplace_is_caught_and_no_trap_is_flagged() {
    let (events, truth) = simulated(10_000, 60, 2026);
    let model = build(&events);
    let findings = detect(&model, &config(&truth), truth.end);
    let scores = score(&findings, &truth);
    eprintln!("{}", table(&scores));
    // The floors leave room for the small numbers of a 10,000-account run (two rings).
    let floors = [
        (Detector::RefundWithoutReturn, 0.95),
        (Detector::ReturnMismatch, 0.95),
        // An account with a single fraudulent refund is below its minimum support.
        (Detector::AccountRefundAbuse, 0.7),
        (Detector::InsiderCollusion, 0.99),
        (Detector::Ring, 0.9),
        (Detector::SupportDevice, 0.99),
        (Detector::Script, 0.9),
        (Detector::FakeReviewRing, 0.9),
    ];
    for (d, recall) in floors {
        let s = scores.iter().find(|s| s.detector == d).unwrap();
        assert!(s.positives > 0, "{}: nothing to find", d.as_str());
        assert!(
            s.precision >= 0.9,
            "{}: precision {}",
            d.as_str(),
            s.precision
        );
        assert!(s.recall >= recall, "{}: recall {}", d.as_str(), s.recall);
        assert!(s.trap_hits.is_empty(), "{}: {:?}", d.as_str(), s.trap_hits);
    }
    // Every finding explains itself with numbers and rests on events.
    for f in &findings {
        assert!(
            f.summary.chars().any(|c| c.is_ascii_digit()),
            "{}",
            f.summary
        );
        assert!((0.0..=1.0).contains(&f.score), "{}", f.key);
        assert!(
            f.evidence.iter().any(|e| !e.event_ids.is_empty()),
            "{}",
            f.key
        );
        assert!(f.key.starts_with(f.detector.as_str()));
    }

    // Without the known scripts, the scripts are still found as clusters.
    let unknown = detect(&model, &DetectConfig::default(), truth.end);
    let s = score(&unknown, &truth);
    let script = s.iter().find(|s| s.detector == Detector::Script).unwrap();
    assert!(
        script.precision >= 0.9 && script.recall >= 0.8,
        "{script:?}"
    );
    assert!(
        unknown
            .iter()
            .filter(|f| f.detector == Detector::Script)
            .all(|f| f.summary.contains("matches no known script"))
    );
}

static SMALL: OnceLock<(Vec<Event>, Truth, Vec<Finding>)> = OnceLock::new();

/// A small run, in order, with its findings.
fn small() -> &'static (Vec<Event>, Truth, Vec<Finding>) {
    SMALL.get_or_init(|| {
        let (events, truth) = simulated(2_000, 30, 5);
        let findings = detect(&build(&events), &config(&truth), truth.end);
        (events, truth, findings)
    })
}

fn shuffled(events: &[Event], seed: u64) -> Vec<Event> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut out: Vec<Event> = events.to_vec();
    out.extend(events.iter().filter(|_| next() % 7 == 0).cloned());
    for i in (1..out.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        out.swap(i, j);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3, ..ProptestConfig::default() })]

    /// Late, twice, out of order: the same findings and the same stats.
    #[test]
    fn any_order_gives_the_same_findings_and_stats(seed in any::<u64>()) {
        let (events, truth, findings) = small();
        let in_order = build(events);
        let mixed = shuffled(events, seed);
        let mut model = Model::new();
        let applied = mixed.iter().filter(|e| model.apply(e)).count();
        prop_assert_eq!(applied, events.len());
        prop_assert_eq!(model.len(), in_order.len());
        prop_assert_eq!(model.latest(), in_order.latest());
        let again = detect(&model, &config(truth), truth.end);
        prop_assert_eq!(&again, findings);
        let middle = truth.start + (truth.end - truth.start) / 2;
        for i in (1..=truth.accounts).step_by(7) {
            let id = format!("acct-{i:06}");
            for at in [middle, truth.end] {
                prop_assert_eq!(model.stats(&id, at), in_order.stats(&id, at));
            }
        }
    }
}

#[test]
fn detection_is_deterministic_and_keys_are_unique() {
    let (events, truth, findings) = small();
    let again = detect(&build(events), &config(truth), truth.end);
    assert_eq!(&again, findings);
    // The small run has something for every detector, so the shuffle test covers them all.
    for d in Detector::ALL {
        assert!(findings.iter().any(|f| f.detector == *d), "{}", d.as_str());
    }
    let mut keys: Vec<&str> = findings.iter().map(|f| f.key.as_str()).collect();
    keys.sort_unstable();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "duplicate keys");
    let json = serde_json::to_string(&findings[0]).unwrap();
    assert_eq!(
        &serde_json::from_str::<Finding>(&json).unwrap(),
        &findings[0]
    );
}

#[test]
fn the_configuration_reads_with_defaults_and_names_are_stable() {
    let cfg: DetectConfig =
        serde_json::from_str(r#"{"return_window_days": 14, "link_weights": {"ip": 0.2}}"#).unwrap();
    assert_eq!(cfg.return_window_days, 14);
    assert_eq!(cfg.link_weights.ip, 0.2);
    assert_eq!(cfg.link_weights.device, 1.0);
    assert_eq!(
        cfg.hub_max_accounts,
        DetectConfig::default().hub_max_accounts
    );
    assert!(cfg.high_value_categories.iter().any(|c| c == "laptops"));
    for d in Detector::ALL {
        assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
        assert_eq!(Detector::parse(d.as_str()), Some(*d));
    }
}

#[test]
fn nothing_after_now_is_seen() {
    let (events, truth, _) = small();
    let model = build(events);
    let early = detect(&model, &config(truth), truth.start + DAY);
    for f in &early {
        assert!(f.last_at <= truth.start + DAY, "{}", f.key);
    }
    assert!(detect(&model, &config(truth), truth.start - 400 * DAY).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Hand-made tables.

/// Events written by hand, each with the next id.
#[derive(Default)]
struct Log {
    events: Vec<Event>,
}

fn addr(line1: &str, postcode: &str) -> Address {
    Address {
        line1: line1.into(),
        line2: None,
        city: Some("Berlin".into()),
        postcode: Some(postcode.into()),
        region: None,
        country: Some("DE".into()),
    }
}

fn eur(minor: i64) -> Money {
    Money {
        minor,
        currency: "EUR".into(),
    }
}

impl Log {
    fn push(&mut self, at: i64, body: Body) {
        let id = format!("e{:05}", self.events.len() + 1);
        self.events.push(Event { id, at, body });
    }

    fn account(&mut self, id: &str, at: i64, device: &str, ip: &str, line1: &str) {
        self.push(
            at,
            Body::Account(Account {
                account_id: id.into(),
                email: Some(format!("{id}@example.com")),
                phone: None,
                name: Some(format!("Name {id}")),
                addresses: vec![addr(line1, "10115")],
                device_id: Some(device.into()),
                ip: Some(ip.parse().unwrap()),
                payment_fingerprint: None,
            }),
        );
    }

    fn order(&mut self, id: &str, account: &str, at: i64, category: &str, price: i64, grams: u32) {
        self.push(
            at,
            Body::Order(Order {
                order_id: id.into(),
                account_id: account.into(),
                items: vec![Item {
                    item_id: format!("sku-{category}"),
                    category: category.into(),
                    price: eur(price),
                    quantity: 1,
                    weight_grams: Some(grams),
                }],
                shipping_address: None,
            }),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn ret(
        &mut self,
        id: &str,
        order: &str,
        account: &str,
        at: i64,
        stage: ReturnStage,
        location: Option<&str>,
        weight: Option<u32>,
    ) {
        self.push(
            at,
            Body::Return(Return {
                return_id: id.into(),
                order_id: order.into(),
                account_id: account.into(),
                stage,
                carrier: Some("DHL".into()),
                tracking: Some("DHL123".into()),
                location: location.map(Into::into),
                warehouse: Some("WH-1".into()),
                weight_grams: weight,
                condition: weight.map(|_| Condition::AsNew),
            }),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn refund(
        &mut self,
        id: &str,
        order: &str,
        account: &str,
        at: i64,
        amount: i64,
        agent: Option<&str>,
        return_required: bool,
        reason: RefundReason,
    ) {
        self.push(
            at,
            Body::Refund(Refund {
                refund_id: id.into(),
                order_id: order.into(),
                account_id: account.into(),
                amount: eur(amount),
                reason,
                channel: Channel::Chat,
                issued_by: agent.map_or(IssuedBy::Automatic, |a| IssuedBy::Agent(a.into())),
                return_required,
                overrides_denial: false,
                category: None,
            }),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn contact(
        &mut self,
        id: &str,
        account: &str,
        agent: Option<&str>,
        order: Option<&str>,
        at: i64,
        device: &str,
        transcript: &str,
    ) {
        self.push(
            at,
            Body::Contact(Contact {
                contact_id: id.into(),
                account_id: account.into(),
                agent_id: agent.map(Into::into),
                channel: Channel::Chat,
                order_id: order.map(Into::into),
                device_id: Some(device.into()),
                ip: None,
                transcript: transcript.into(),
            }),
        );
    }

    fn review(&mut self, id: &str, account: &str, product: &str, at: i64, text: &str) {
        self.push(
            at,
            Body::Review(Review {
                review_id: id.into(),
                account_id: account.into(),
                product_id: product.into(),
                rating: 5,
                text: text.into(),
            }),
        );
    }

    /// An agent on `team` working 08:00 to 16:00 every day of the first 100 days.
    fn staff(&mut self, agent: &str, team: &str) {
        let shifts = (0..100)
            .map(|d| Shift {
                start: T0 + d * DAY + 8 * HOUR,
                end: T0 + d * DAY + 16 * HOUR,
            })
            .collect();
        self.push(
            T0,
            Body::Staff(Staff {
                agent_id: agent.into(),
                team: team.into(),
                site: None,
                shifts,
            }),
        );
    }

    fn model(&self) -> Model {
        build(&self.events)
    }

    fn detect(&self, now: i64) -> Vec<Finding> {
        detect(&self.model(), &DetectConfig::default(), now)
    }
}

fn of(findings: &[Finding], d: Detector) -> Vec<&Finding> {
    findings.iter().filter(|f| f.detector == d).collect()
}

/// A laptop ordered by `account` on day `day`, 1000 EUR, 2 kg.
fn laptop(log: &mut Log, order: &str, account: &str, day: i64) {
    log.order(order, account, T0 + day * DAY, "laptops", 100_000, 2_000);
}

#[test]
fn a_refund_before_the_first_scan_is_flagged() {
    let mut log = Log::default();
    log.account("a1", T0, "d1", "81.2.3.4", "Hauptstraße 1");
    laptop(&mut log, "o1", "a1", 1);
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 3 * DAY,
        ReturnStage::LabelCreated,
        None,
        None,
    );
    log.refund(
        "rf1",
        "o1",
        "a1",
        T0 + 3 * DAY + 2 * HOUR,
        100_000,
        Some("ag1"),
        true,
        RefundReason::Damaged,
    );
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 5 * DAY,
        ReturnStage::CarrierScan,
        Some("DHL depot"),
        None,
    );
    let found = log.detect(T0 + 10 * DAY);
    let f = of(&found, Detector::RefundWithoutReturn);
    assert_eq!(f.len(), 1, "{found:#?}");
    assert_eq!(f[0].subject.id, "rf1");
    assert!(
        f[0].summary
            .contains("was issued before the carrier's first scan"),
        "{}",
        f[0].summary
    );
    assert_eq!((f[0].money_minor, f[0].currency.as_str()), (100_000, "EUR"));

    // Received in good order afterwards: nothing was lost.
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 7 * DAY,
        ReturnStage::Received,
        Some("WH-1"),
        Some(1_980),
    );
    assert!(of(&log.detect(T0 + 40 * DAY), Detector::RefundWithoutReturn).is_empty());
}

#[test]
fn a_required_return_has_the_window_to_arrive() {
    let mut log = Log::default();
    laptop(&mut log, "o1", "a1", 1);
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 3 * DAY,
        ReturnStage::LabelCreated,
        None,
        None,
    );
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 4 * DAY,
        ReturnStage::CarrierScan,
        Some("depot"),
        None,
    );
    log.refund(
        "rf1",
        "o1",
        "a1",
        T0 + 4 * DAY + HOUR,
        100_000,
        None,
        true,
        RefundReason::ChangedMind,
    );
    // Scanned, then refunded: fine while the window runs …
    assert!(of(&log.detect(T0 + 20 * DAY), Detector::RefundWithoutReturn).is_empty());
    // … flagged once it is over with nothing received.
    let late = log.detect(T0 + 40 * DAY);
    let f = of(&late, Detector::RefundWithoutReturn);
    assert_eq!(f.len(), 1);
    assert!(f[0].summary.contains("window 30 days"), "{}", f[0].summary);
    // Received inside the window: fine for ever.
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 9 * DAY,
        ReturnStage::Received,
        Some("WH-1"),
        Some(2_050),
    );
    assert!(of(&log.detect(T0 + 90 * DAY), Detector::RefundWithoutReturn).is_empty());
}

#[test]
fn a_waived_return_on_a_high_value_defect_claim_is_flagged_a_partial_goodwill_refund_is_not() {
    let mut log = Log::default();
    laptop(&mut log, "o1", "a1", 1);
    laptop(&mut log, "o2", "a1", 2);
    log.refund(
        "rf1",
        "o1",
        "a1",
        T0 + 5 * DAY,
        100_000,
        Some("ag1"),
        false,
        RefundReason::Damaged,
    );
    log.refund(
        "rf2",
        "o2",
        "a1",
        T0 + 6 * DAY,
        20_000,
        Some("ag1"),
        false,
        RefundReason::Damaged,
    );
    let found = log.detect(T0 + 10 * DAY);
    let f = of(&found, Detector::RefundWithoutReturn);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].subject.id, "rf1");
    assert!(f[0].summary.contains("return waived"), "{}", f[0].summary);
}

#[test]
fn empty_boxes_and_returns_delivered_elsewhere() {
    let mut log = Log::default();
    for (order, day) in [("o1", 1), ("o2", 2), ("o3", 3), ("o4", 4)] {
        laptop(&mut log, order, "a1", day);
    }
    // An empty box: 200 g back for a 2 kg laptop.
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 8 * DAY,
        ReturnStage::Received,
        Some("WH-1"),
        Some(200),
    );
    // The laptop back: 1.95 kg.
    log.ret(
        "r2",
        "o2",
        "a1",
        T0 + 8 * DAY,
        ReturnStage::Received,
        Some("WH-1"),
        Some(1_950),
    );
    // "Delivered" to a parcel locker.
    log.ret(
        "r3",
        "o3",
        "a1",
        T0 + 8 * DAY,
        ReturnStage::Delivered,
        Some("Parcel locker 10115 Berlin"),
        None,
    );
    // Delivered to the warehouse, written differently.
    log.ret(
        "r4",
        "o4",
        "a1",
        T0 + 8 * DAY,
        ReturnStage::Delivered,
        Some("wh 1"),
        None,
    );
    log.refund(
        "rf3",
        "o3",
        "a1",
        T0 + 9 * DAY,
        100_000,
        None,
        true,
        RefundReason::ChangedMind,
    );
    let found = log.detect(T0 + 12 * DAY);
    let mut flagged: Vec<&str> = of(&found, Detector::ReturnMismatch)
        .iter()
        .map(|f| f.subject.id.as_str())
        .collect();
    flagged.sort_unstable();
    assert_eq!(flagged, ["r1", "r3"]);
    let empty = found.iter().find(|f| f.subject.id == "r1").unwrap();
    assert!(
        empty.summary.contains("200 g against 2000 g"),
        "{}",
        empty.summary
    );
    assert!(empty.summary.contains("no refund yet"), "{}", empty.summary);
    let moved = found.iter().find(|f| f.subject.id == "r3").unwrap();
    assert!(moved.summary.contains("Parcel locker"), "{}", moved.summary);
    assert_eq!(moved.money_minor, 100_000);
    let stats = log.model().stats("a1", T0 + 12 * DAY);
    assert_eq!(
        (
            stats.returns,
            stats.returns_received,
            stats.returns_mismatched
        ),
        (4, 2, 1)
    );
}

/// A team of honest agents, each with `refunds` refunds of which one lost a laptop; every
/// refund follows a contact, inside the shift.
fn honest_team(log: &mut Log, agents: usize, refunds: usize) {
    for a in 0..agents {
        let agent = format!("ag{a}");
        log.staff(&agent, "refunds-1");
        for r in 0..refunds {
            let (account, order) = (format!("c{a}-{r}"), format!("o{a}-{r}"));
            let day = 1 + (r as i64 % 50);
            laptop(log, &order, &account, day);
            let at = T0 + (day + 2) * DAY + 10 * HOUR;
            log.contact(
                &format!("ct{a}-{r}"),
                &account,
                Some(&agent),
                Some(&order),
                at - 10 * MIN,
                &format!("dev-{account}"),
                "customer: hi, a question about my order",
            );
            // One full refund with nothing back, the rest small goodwill gestures.
            let amount = if r == 0 { 100_000 } else { 10_000 };
            log.refund(
                &format!("rf{a}-{r}"),
                &order,
                &account,
                at,
                amount,
                Some(&agent),
                false,
                RefundReason::NotReceived,
            );
        }
    }
}

#[test]
fn two_refunds_are_not_enough_for_shrinkage_to_flag_an_agent() {
    // Two laptops refunded with nothing back out of two refunds: a raw rate of 100%, thirty
    // times the team's; shrunk towards the team, it is barely twice.
    let mut log = Log::default();
    honest_team(&mut log, 8, 30);
    log.staff("new", "refunds-1");
    for r in 0..2 {
        let (account, order) = (format!("n{r}"), format!("no{r}"));
        laptop(&mut log, &order, &account, 3);
        let at = T0 + 5 * DAY + 10 * HOUR;
        log.contact(
            &format!("nct{r}"),
            &account,
            Some("new"),
            Some(&order),
            at - MIN,
            "dev-n",
            "customer: it never came",
        );
        log.refund(
            &format!("nrf{r}"),
            &order,
            &account,
            at,
            100_000,
            Some("new"),
            false,
            RefundReason::NotReceived,
        );
    }
    let cfg = DetectConfig {
        // Judge the rate whatever the support: only shrinkage stands in the way.
        agent_min_support: 1,
        ..DetectConfig::default()
    };
    let found = detect(&log.model(), &cfg, T0 + 60 * DAY);
    assert!(
        of(&found, Detector::InsiderCollusion).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn an_insider_stands_out_from_the_team() {
    let mut log = Log::default();
    honest_team(&mut log, 8, 30);
    log.staff("bad", "refunds-1");
    for r in 0..20 {
        // Four accounts, five laptops each, refunded in full with nothing back; half outside
        // the shift (20:00) and with no contact.
        let account = format!("x{}", r % 4);
        let order = format!("xo{r}");
        laptop(&mut log, &order, &account, 1 + r);
        let hour = if r % 2 == 0 { 10 } else { 20 };
        let at = T0 + (3 + r) * DAY + hour * HOUR;
        if r % 2 == 0 {
            log.contact(
                &format!("xct{r}"),
                &account,
                Some("bad"),
                Some(&order),
                at - 5 * MIN,
                "dev-op",
                "customer: my order never arrived",
            );
        }
        log.refund(
            &format!("xrf{r}"),
            &order,
            &account,
            at,
            100_000,
            Some("bad"),
            false,
            RefundReason::NotReceived,
        );
    }
    let found = log.detect(T0 + 60 * DAY);
    let f = of(&found, Detector::InsiderCollusion);
    assert_eq!(f.len(), 1, "{found:#?}");
    let bad = f[0];
    assert_eq!(bad.agents, ["bad"]);
    assert_eq!(bad.accounts, ["x0", "x1", "x2", "x3"]);
    for part in [
        "issued 20 no-return refunds on high-value items",
        "20 went to the same 4 accounts",
        "10 were outside the agent's shift",
        "10 had no matching customer contact",
    ] {
        assert!(bad.summary.contains(part), "{part}: {}", bad.summary);
    }
    assert_eq!(bad.money_minor, 2_000_000);
}

#[test]
fn refunds_with_a_matching_contact_inside_the_shift_are_fine() {
    // Small refunds, nothing high value: only the collusion signs could flag these agents.
    let mut log = Log::default();
    honest_team(&mut log, 6, 10);
    for (agent, contacted, hour) in [("fine", true, 10), ("odd", false, 21)] {
        log.staff(agent, "refunds-1");
        for r in 0..6 {
            let (account, order) = (format!("{agent}-c{r}"), format!("{agent}-o{r}"));
            log.order(&order, &account, T0 + DAY, "books", 2_000, 300);
            let at = T0 + (2 + r) * DAY + hour * HOUR;
            if contacted {
                log.contact(
                    &format!("{agent}-ct{r}"),
                    &account,
                    Some(agent),
                    None,
                    at - 3 * HOUR,
                    "dev",
                    "customer: the book arrived torn",
                );
            }
            log.refund(
                &format!("{agent}-rf{r}"),
                &order,
                &account,
                at,
                500,
                Some(agent),
                false,
                RefundReason::Damaged,
            );
        }
    }
    let found = log.detect(T0 + 30 * DAY);
    let agents: Vec<&str> = of(&found, Detector::InsiderCollusion)
        .iter()
        .map(|f| f.subject.id.as_str())
        .collect();
    assert_eq!(agents, ["odd"], "{found:#?}");
    let odd = &of(&found, Detector::InsiderCollusion)[0];
    assert!(
        odd.summary.contains("6 had no matching customer contact"),
        "{}",
        odd.summary
    );
    assert!(
        odd.summary.contains("6 were outside the agent's shift"),
        "{}",
        odd.summary
    );
}

/// Honest accounts with orders and no refunds, so that rates have a marketplace to compare
/// to: half of them old customers with three orders, half new ones with two.
fn honest_crowd(log: &mut Log, n: usize) {
    for i in 0..n {
        let id = format!("h{i:03}");
        let (signed_up, orders) = if i % 2 == 0 {
            (T0 - 100 * DAY, 3)
        } else {
            (T0 + DAY, 2)
        };
        log.account(
            &id,
            signed_up,
            &format!("dh{i}"),
            &format!("88.{}.{}.9", i / 200, i % 200),
            &format!("Gartenweg {}", i + 1),
        );
        for k in 0..orders {
            log.order(
                &format!("{id}-{k}"),
                &id,
                T0 + (k + 2) * DAY,
                "books",
                2_000,
                300,
            );
        }
    }
}

#[test]
fn a_household_is_not_a_ring_a_ring_is() {
    let mut log = Log::default();
    honest_crowd(&mut log, 200);
    // A household: one address written three ways, one IP, one tablet; normal refunds.
    for (i, line) in [
        "Hauptstraße 5",
        "HAUPTSTR. 5",
        "hauptstrasse 5",
        "Hauptstraße 5",
    ]
    .iter()
    .enumerate()
    {
        let id = format!("home{i}");
        log.account(&id, T0 - 200 * DAY, "dev-tablet", "81.1.1.1", line);
        for k in 0..4 {
            log.order(
                &format!("{id}-{k}"),
                &id,
                T0 + (k + 1) * DAY,
                "toys",
                3_000,
                500,
            );
        }
        log.contact(
            &format!("{id}-ct"),
            &id,
            Some("ag1"),
            None,
            T0 + 9 * DAY,
            "dev-tablet",
            "customer: where is my toy?",
        );
    }
    log.refund(
        "home-rf",
        "home0-0",
        "home0",
        T0 + 10 * DAY,
        3_000,
        None,
        false,
        RefundReason::NotReceived,
    );
    let found = log.detect(T0 + 30 * DAY);
    assert!(of(&found, Detector::Ring).is_empty(), "{found:#?}");
    assert!(of(&found, Detector::SupportDevice).is_empty());
    let stats = log.model().stats("home0", T0 + 30 * DAY);
    assert_eq!(stats.linked_accounts, 3);

    // A ring: five accounts on two devices and a drop address, every laptop "never arrived".
    for i in 0..5 {
        let id = format!("ring{i}");
        let device = if i < 3 { "dev-r1" } else { "dev-r2" };
        let line = if i % 2 == 0 {
            "Bahnhofstraße 9"
        } else {
            "Bahnhofstr. 9"
        };
        log.account(&id, T0 + DAY, device, &format!("185.7.7.{}", 10 + i), line);
        for k in 0..2 {
            let order = format!("{id}-{k}");
            laptop(&mut log, &order, &id, 2 + k);
            log.refund(
                &format!("{id}-rf{k}"),
                &order,
                &id,
                T0 + (6 + k) * DAY,
                100_000,
                None,
                false,
                RefundReason::NotReceived,
            );
        }
    }
    let found = log.detect(T0 + 30 * DAY);
    let rings = of(&found, Detector::Ring);
    assert_eq!(rings.len(), 1, "{found:#?}");
    assert_eq!(
        rings[0].accounts,
        ["ring0", "ring1", "ring2", "ring3", "ring4"]
    );
    assert!(
        rings[0]
            .summary
            .starts_with("5 accounts share 2 devices, 1 address"),
        "{}",
        rings[0].summary
    );
    assert_eq!(rings[0].money_minor, 1_000_000);
    let abusers: Vec<&str> = of(&found, Detector::AccountRefundAbuse)
        .iter()
        .map(|f| f.subject.id.as_str())
        .collect();
    assert_eq!(abusers, ["ring0", "ring1", "ring2", "ring3", "ring4"]);
}

#[test]
fn a_hub_links_nobody() {
    let mut log = Log::default();
    honest_crowd(&mut log, 100);
    // Sixty accounts behind one office device and network; three of them lose laptops.
    for i in 0..60 {
        let id = format!("office{i}");
        log.account(&id, T0, "dev-office", "91.9.9.9", &format!("Weg {i}"));
        if i < 3 {
            for k in 0..2 {
                let order = format!("{id}-{k}");
                laptop(&mut log, &order, &id, 2 + k);
                log.refund(
                    &format!("{id}-rf{k}"),
                    &order,
                    &id,
                    T0 + (6 + k) * DAY,
                    100_000,
                    None,
                    false,
                    RefundReason::NotReceived,
                );
            }
        }
    }
    let found = log.detect(T0 + 30 * DAY);
    assert!(of(&found, Detector::Ring).is_empty(), "{found:#?}");
    assert_eq!(
        log.model().stats("office0", T0 + 30 * DAY).linked_accounts,
        0
    );
}

#[test]
fn a_launch_burst_is_not_a_ring_a_ring_reviewing_together_is() {
    let mut log = Log::default();
    honest_crowd(&mut log, 200);
    // Thirty unlinked buyers review a new phone within two days of its launch.
    for i in 0..30 {
        log.review(
            &format!("launch{i}"),
            &format!("h{i:03}"),
            "sku-new",
            T0 + 10 * DAY + i * HOUR + (i % 3) * DAY / 3,
            "Launch day delivery, impressive.",
        );
    }
    // A ring of four linked accounts with losses, reviewing one cheap product in a day.
    for i in 0..4 {
        let id = format!("ring{i}");
        log.account(
            &id,
            T0 + DAY,
            "dev-r",
            &format!("185.7.7.{}", 10 + i),
            "Bahnhofstraße 9",
        );
        for k in 0..2 {
            let order = format!("{id}-{k}");
            laptop(&mut log, &order, &id, 2 + k);
            log.refund(
                &format!("{id}-rf{k}"),
                &order,
                &id,
                T0 + (6 + k) * DAY,
                100_000,
                None,
                false,
                RefundReason::NotReceived,
            );
        }
        log.review(
            &format!("fake{i}"),
            &id,
            "sku-cheap",
            T0 + 20 * DAY + i * 3 * HOUR,
            "Amazing product!!! Best toy I have ever bought 5 stars!!!",
        );
    }
    let found = log.detect(T0 + 30 * DAY);
    let fakes = of(&found, Detector::FakeReviewRing);
    assert_eq!(fakes.len(), 1, "{found:#?}");
    let mut reviews: Vec<&str> = fakes[0]
        .related
        .iter()
        .filter(|s| s.kind == SubjectKind::Review)
        .map(|s| s.id.as_str())
        .collect();
    reviews.sort_unstable();
    assert_eq!(reviews, ["fake0", "fake1", "fake2", "fake3"]);
    assert!(
        fakes[0].summary.contains("Product sku-cheap got 4 reviews"),
        "{}",
        fakes[0].summary
    );
}

const SCRIPT: &str = "Hello. My order {order} shows as delivered but I never received it. I \
    have checked with my neighbours and the building concierge and nobody has it. I was at home \
    all day and no driver came to my door. I would like a full refund to my original payment \
    method, not a replacement. I need this resolved today.";

#[test]
fn scripts_known_and_unknown() {
    let mut log = Log::default();
    for i in 0..6 {
        let id = format!("s{i}");
        // The known script, reworded a little.
        log.contact(
            &format!("known{i}"),
            &id,
            Some("ag1"),
            Some(&format!("ord-{i}")),
            T0 + i * DAY,
            &format!("dev{i}"),
            &format!(
                "customer: Hi. Order ord-{i}00 is marked as delivered but I never got it. I \
                 checked with all my neighbours and the concierge and no one has it. I was home \
                 the whole day and no courier came. Please refund the full amount to my original \
                 payment method, no replacement. Please resolve this today.\nagent: Let me check."
            ),
        );
        // A story nobody told the detector about, told by six accounts.
        log.contact(
            &format!("unknown{i}"),
            &id,
            Some("ag1"),
            None,
            T0 + i * DAY + HOUR,
            &format!("dev{i}"),
            &format!(
                "customer: Good evening, the courier handed my parcel {i}77 to a man who said he \
                 was my neighbour but I do not have a neighbour with that name and the building \
                 manager confirms nobody signed for it, so I expect a complete refund of the \
                 purchase price to my credit card before the weekend or I will call my lawyer."
            ),
        );
        // A short everyday question.
        log.contact(
            &format!("plain{i}"),
            &id,
            Some("ag1"),
            None,
            T0 + i * DAY + 2 * HOUR,
            &format!("dev{i}"),
            "customer: Hi! Where is my order? It was supposed to arrive yesterday.",
        );
    }
    let cfg = DetectConfig {
        scripts: vec![SCRIPT.to_string()],
        ..DetectConfig::default()
    };
    let found = detect(&log.model(), &cfg, T0 + 30 * DAY);
    let mut flagged: Vec<&str> = of(&found, Detector::Script)
        .iter()
        .map(|f| f.subject.id.as_str())
        .collect();
    flagged.sort_unstable();
    assert_eq!(
        flagged,
        [
            "known0", "known1", "known2", "known3", "known4", "known5", "unknown0", "unknown1",
            "unknown2", "unknown3", "unknown4", "unknown5"
        ]
    );
    let known = found.iter().find(|f| f.subject.id == "known0").unwrap();
    assert!(
        known.summary.contains("known refund-service script 1"),
        "{}",
        known.summary
    );
    let unknown = found.iter().find(|f| f.subject.id == "unknown0").unwrap();
    assert!(
        unknown.summary.contains("matches no known script"),
        "{}",
        unknown.summary
    );

    // Four accounts telling the unknown story are not yet a pattern.
    let mut few = Log::default();
    for e in log.events.iter().filter(|e| match &e.body {
        Body::Contact(c) => {
            c.contact_id.starts_with("unknown") && c.contact_id.as_str() < "unknown4"
        }
        _ => false,
    }) {
        few.events.push(e.clone());
    }
    assert!(of(&few.detect(T0 + 30 * DAY), Detector::Script).is_empty());
}

#[test]
fn apply_is_idempotent_and_stats_look_back_in_time() {
    let mut log = Log::default();
    log.account("a1", T0, "d1", "81.2.3.4", "Hauptstraße 1");
    laptop(&mut log, "o1", "a1", 1);
    laptop(&mut log, "o2", "a1", 20);
    log.refund(
        "rf1",
        "o1",
        "a1",
        T0 + 5 * DAY,
        100_000,
        Some("ag1"),
        false,
        RefundReason::NotReceived,
    );
    let mut m = Model::new();
    for e in &log.events {
        assert!(m.apply(e));
        assert!(!m.apply(e), "twice");
    }
    assert_eq!(m.len(), 4);
    assert_eq!(m.latest(), T0 + 20 * DAY);
    let before = m.stats("a1", T0 + 3 * DAY);
    assert!(before.known);
    assert_eq!((before.orders, before.refunds), (1, 0));
    assert!((before.age_days - 3.0).abs() < 1e-9);
    let after = m.stats("a1", T0 + 25 * DAY);
    assert_eq!((after.orders, after.orders_30d, after.refunds), (2, 2, 1));
    assert_eq!(after.order_value_minor, 200_000);
    assert_eq!(after.value_currency, "EUR");
    assert_eq!(
        (
            after.refunds_not_received,
            after.refunds_without_return,
            after.refunds_high_value
        ),
        (1, 1, 1)
    );
    assert_eq!((after.refund_agents, after.refunds_top_agent), (1, 1));
    assert!((after.refund_rate - 0.5).abs() < 1e-9);
    assert_eq!(after.devices, 3, "a device, an IP address, an address");
    let much_later = m.stats("a1", T0 + 60 * DAY);
    assert_eq!(much_later.orders_30d, 0);
    let unknown = m.stats("nobody", T0);
    assert!(!unknown.known && unknown.orders == 0 && unknown.account_id == "nobody");
    assert_eq!(Model::new().latest(), 0);
}

#[test]
fn later_details_win_field_by_field() {
    let mut log = Log::default();
    log.account("a1", T0 + DAY, "d-new", "81.2.3.4", "Neue Straße 1");
    log.account("a1", T0, "d-old", "81.2.3.4", "Alte Straße 1");
    // A refund before its order, a scan before its label.
    log.refund(
        "rf1",
        "o1",
        "a1",
        T0 + 5 * DAY,
        1_000,
        None,
        true,
        RefundReason::ChangedMind,
    );
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 4 * DAY,
        ReturnStage::CarrierScan,
        Some("depot"),
        None,
    );
    log.ret(
        "r1",
        "o1",
        "a1",
        T0 + 3 * DAY,
        ReturnStage::LabelCreated,
        None,
        None,
    );
    log.order("o1", "a1", T0 + 2 * DAY, "books", 1_000, 300);
    let forward = log.model();
    let mut backward = Model::new();
    for e in log.events.iter().rev() {
        backward.apply(e);
    }
    let at = T0 + 10 * DAY;
    assert_eq!(forward.stats("a1", at), backward.stats("a1", at));
    let s = forward.stats("a1", at);
    assert_eq!((s.orders, s.refunds, s.returns), (1, 1, 1));
    assert!((s.age_days - 10.0).abs() < 1e-9, "the first sign-up counts");
    // Both devices were seen on the account.
    assert_eq!(s.devices, 5);
}

#[test]
fn hostile_input_never_panics() {
    let mut log = Log::default();
    log.push(
        T0,
        Body::Order(Order {
            order_id: "huge".into(),
            account_id: "a1".into(),
            items: vec![
                Item {
                    item_id: "i".into(),
                    category: "coins".into(),
                    price: eur(i64::MAX),
                    quantity: 10_000,
                    weight_grams: Some(0),
                },
                Item {
                    item_id: "j".into(),
                    category: "".into(),
                    price: Money {
                        minor: 1,
                        currency: "JPY".into(),
                    },
                    quantity: u32::MAX,
                    weight_grams: None,
                },
            ],
            shipping_address: Some(addr("", "")),
        }),
    );
    log.push(
        T0,
        Body::Order(Order {
            order_id: "none".into(),
            account_id: "a1".into(),
            items: Vec::new(),
            shipping_address: None,
        }),
    );
    log.ret(
        "r0",
        "huge",
        "a1",
        T0 + DAY,
        ReturnStage::Received,
        Some("WH-1"),
        Some(0),
    );
    log.ret(
        "r1",
        "missing",
        "a2",
        T0 + DAY,
        ReturnStage::Received,
        None,
        Some(0),
    );
    log.ret(
        "r2",
        "none",
        "a1",
        T0 + DAY,
        ReturnStage::Delivered,
        Some(""),
        None,
    );
    for i in 0..5 {
        log.refund(
            &format!("rf{i}"),
            "missing",
            "a3",
            T0 + i,
            i64::MAX,
            Some("ag"),
            true,
            RefundReason::Other,
        );
    }
    log.refund(
        "rf9",
        "huge",
        "a1",
        T0 + 2 * DAY,
        1,
        Some("ag"),
        false,
        RefundReason::Damaged,
    );
    log.contact("c1", "a1", None, None, T0, "", &"x".repeat(100_000));
    log.contact("c2", "a1", Some("ag"), Some("huge"), T0, "d", "");
    log.review("v1", "a1", "p", T0, "");
    log.push(
        T0,
        Body::Staff(Staff {
            agent_id: "ag".into(),
            team: String::new(),
            site: None,
            shifts: Vec::new(),
        }),
    );
    let m = log.model();
    for now in [i64::MIN, 0, T0, T0 + 100 * DAY, i64::MAX] {
        for cfg in [
            DetectConfig::default(),
            DetectConfig {
                hub_max_accounts: 0,
                return_window_days: 0,
                max_listed: 0,
                max_event_ids: 0,
                account_prior_strength: 0.0,
                agent_prior_max_strength: 0.0,
                scripts: vec![String::new(), "{{{".into(), "}".into()],
                ..DetectConfig::default()
            },
        ] {
            for f in detect(&m, &cfg, now) {
                assert!(
                    f.score.is_finite() && (0.0..=1.0).contains(&f.score),
                    "{f:?}"
                );
            }
        }
        for a in ["a1", "a2", "a3", "nobody", ""] {
            let s = m.stats(a, now);
            assert!(s.refund_rate.is_finite() && s.age_days.is_finite());
        }
    }
    assert!(detect(&Model::new(), &DetectConfig::default(), T0).is_empty());
}
