//! Detectors scored against the simulator's ground truth ([`Truth`]): per detector, what it
//! should find, what it found, what it flagged wrongly, and which traps (honest look-alikes)
//! it fell into.
//!
//! Each detector answers to one part of the truth, counted in its own unit:
//!
//! | detector | unit | should find | counts as right |
//! |---|---|---|---|
//! | refund_without_return | refund | fraud refunds of kind nothing_returned, refunded_before_scan | any fraud refund |
//! | return_mismatch | order | orders of fraud refunds of kind empty_box, fake_tracking | the order of any fraud refund, or a ring account's order not refunded yet |
//! | account_refund_abuse, ring | account | ring members | ring members and insider accounts |
//! | support_device | device | rings' operator devices | operator and shared ring devices |
//! | insider_collusion | agent | insiders | insiders |
//! | script | contact | scripted contacts | scripted contacts |
//! | fake_review_ring | review | fake reviews | fake reviews |
//!
//! Trap hits are heavy returners and household accounts named in a finding's accounts,
//! high-volume agents in its agents, launch-burst reviews in its related entities.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::detect::{Detector, Finding, SubjectKind};
use crate::simulate::{FraudKind, Truth};

/// How one detector did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetectorScore {
    pub detector: Detector,
    /// What is counted: refunds, orders, accounts, devices, agents, contacts, reviews.
    pub unit: String,
    pub findings: usize,
    /// Distinct units flagged.
    pub flagged: usize,
    /// Units it should find.
    pub positives: usize,
    /// Of those, how many it flagged.
    pub found: usize,
    /// Flagged units that are not fraud.
    pub false_positives: usize,
    /// Right over flagged; 1 when nothing was flagged.
    pub precision: f64,
    /// Found over positives; 1 when there was nothing to find.
    pub recall: f64,
    /// Traps it flagged, as "kind id".
    pub trap_hits: Vec<String>,
}

/// Scores every detector, in [`Detector::ALL`] order.
pub fn score(findings: &[Finding], truth: &Truth) -> Vec<DetectorScore> {
    Detector::ALL
        .iter()
        .map(|&d| {
            let mine: Vec<&Finding> = findings.iter().filter(|f| f.detector == d).collect();
            score_one(d, &mine, truth)
        })
        .collect()
}

fn score_one(d: Detector, findings: &[&Finding], truth: &Truth) -> DetectorScore {
    let ring_accounts = truth.ring_accounts();
    let members: BTreeSet<&str> = truth
        .rings
        .iter()
        .flat_map(|r| &r.members)
        .map(String::as_str)
        .collect();
    let related = |kind: SubjectKind| -> BTreeSet<&str> {
        findings
            .iter()
            .flat_map(|f| std::iter::once(&f.subject).chain(&f.related))
            .filter(|s| s.kind == kind)
            .map(|s| s.id.as_str())
            .collect()
    };
    let (unit, flagged, positives, right): (&str, BTreeSet<&str>, BTreeSet<&str>, BTreeSet<&str>) =
        match d {
            Detector::RefundWithoutReturn => {
                let flagged = findings
                    .iter()
                    .filter(|f| f.subject.kind == SubjectKind::Refund)
                    .map(|f| f.subject.id.as_str())
                    .collect();
                let positives = truth
                    .fraud_refunds
                    .iter()
                    .filter(|f| {
                        matches!(
                            f.kind,
                            FraudKind::NothingReturned | FraudKind::RefundedBeforeScan
                        )
                    })
                    .map(|f| f.refund_id.as_str())
                    .collect();
                let right = truth
                    .fraud_refunds
                    .iter()
                    .map(|f| f.refund_id.as_str())
                    .collect();
                ("refunds", flagged, positives, right)
            }
            Detector::ReturnMismatch => {
                let flagged = related(SubjectKind::Order);
                let positives = truth
                    .fraud_refunds
                    .iter()
                    .filter(|f| matches!(f.kind, FraudKind::EmptyBox | FraudKind::FakeTracking))
                    .map(|f| f.order_id.as_str())
                    .collect();
                let mut right: BTreeSet<&str> = truth
                    .fraud_refunds
                    .iter()
                    .map(|f| f.order_id.as_str())
                    .collect();
                // Not refunded yet (the run ended first): right when the account is a ring's.
                for f in findings {
                    let refunded = f.related.iter().any(|s| s.kind == SubjectKind::Refund);
                    if !refunded
                        && f.accounts
                            .iter()
                            .any(|a| ring_accounts.contains(a.as_str()))
                    {
                        right.extend(
                            f.related
                                .iter()
                                .filter(|s| s.kind == SubjectKind::Order)
                                .map(|s| s.id.as_str()),
                        );
                    }
                }
                ("orders", flagged, positives, right)
            }
            Detector::AccountRefundAbuse | Detector::Ring => {
                let flagged = findings
                    .iter()
                    .flat_map(|f| &f.accounts)
                    .map(String::as_str)
                    .collect();
                ("accounts", flagged, members.clone(), ring_accounts.clone())
            }
            Detector::SupportDevice => {
                let flagged = related(SubjectKind::Device);
                let positives = truth
                    .rings
                    .iter()
                    .map(|r| r.operator_device.as_str())
                    .collect();
                let right = truth
                    .rings
                    .iter()
                    .flat_map(|r| std::iter::once(&r.operator_device).chain(&r.shared_devices))
                    .map(String::as_str)
                    .collect();
                ("devices", flagged, positives, right)
            }
            Detector::InsiderCollusion => {
                let flagged = related(SubjectKind::Agent);
                let insiders = truth.insiders();
                ("agents", flagged, insiders.clone(), insiders)
            }
            Detector::Script => {
                let flagged = related(SubjectKind::Contact);
                let scripted: BTreeSet<&str> =
                    truth.scripted_contacts.iter().map(String::as_str).collect();
                ("contacts", flagged, scripted.clone(), scripted)
            }
            Detector::FakeReviewRing => {
                let flagged = related(SubjectKind::Review);
                let fake: BTreeSet<&str> = truth
                    .fake_reviews
                    .iter()
                    .map(|f| f.review_id.as_str())
                    .collect();
                ("reviews", flagged, fake.clone(), fake)
            }
        };
    let found = positives.iter().filter(|p| flagged.contains(*p)).count();
    let correct = flagged.iter().filter(|x| right.contains(*x)).count();
    DetectorScore {
        detector: d,
        unit: unit.to_string(),
        findings: findings.len(),
        flagged: flagged.len(),
        positives: positives.len(),
        found,
        false_positives: flagged.len() - correct,
        precision: if flagged.is_empty() {
            1.0
        } else {
            correct as f64 / flagged.len() as f64
        },
        recall: if positives.is_empty() {
            1.0
        } else {
            found as f64 / positives.len() as f64
        },
        trap_hits: trap_hits(findings, truth),
    }
}

fn trap_hits(findings: &[&Finding], truth: &Truth) -> Vec<String> {
    let traps = &truth.traps;
    let heavy: BTreeSet<&str> = traps.heavy_returners.iter().map(String::as_str).collect();
    let household: BTreeSet<&str> = traps
        .households
        .iter()
        .flat_map(|h| &h.accounts)
        .map(String::as_str)
        .collect();
    let agents: BTreeSet<&str> = traps
        .high_volume_agents
        .iter()
        .map(String::as_str)
        .collect();
    let launch: BTreeSet<&str> = traps
        .launch_bursts
        .iter()
        .flat_map(|b| &b.review_ids)
        .map(String::as_str)
        .collect();
    let mut hits = BTreeSet::new();
    for f in findings {
        for a in &f.accounts {
            if heavy.contains(a.as_str()) {
                hits.insert(format!("heavy_returner {a}"));
            }
            if household.contains(a.as_str()) {
                hits.insert(format!("household {a}"));
            }
        }
        for a in &f.agents {
            if agents.contains(a.as_str()) {
                hits.insert(format!("high_volume_agent {a}"));
            }
        }
        for s in std::iter::once(&f.subject).chain(&f.related) {
            if s.kind == SubjectKind::Review && launch.contains(s.id.as_str()) {
                hits.insert(format!("launch_review {}", s.id));
            }
        }
    }
    hits.into_iter().collect()
}

/// The scores as an aligned text table, one detector a line.
pub fn table(scores: &[DetectorScore]) -> String {
    let mut out = format!(
        "{:<22} {:>8} {:>8} {:>9} {:>9} {:>7} {:>6} {:>9} {:>7} {:>5}\n",
        "detector",
        "unit",
        "findings",
        "flagged",
        "positives",
        "found",
        "fp",
        "precision",
        "recall",
        "traps"
    );
    for s in scores {
        out.push_str(&format!(
            "{:<22} {:>8} {:>8} {:>9} {:>9} {:>7} {:>6} {:>9.3} {:>7.3} {:>5}\n",
            s.detector.as_str(),
            s.unit,
            s.findings,
            s.flagged,
            s.positives,
            s.found,
            s.false_positives,
            s.precision,
            s.recall,
            s.trap_hits.len()
        ));
    }
    out
}
