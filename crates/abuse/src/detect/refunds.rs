//! Refunds with nothing back, and returns that do not match what was sold.

use crate::events::{RefundReason, ReturnStage};
use crate::model::{DAY_MS, ReturnState, elsewhere, mismatched};

use super::{
    Detector, Evidence, Facts, Finding, Loss, Outcome, Purse, RefundFact, Subject, SubjectKind,
    days, money,
};

/// A required return never arrived in the window, or the refund came before the carrier's
/// first scan; or (when configured) a full refund on a high-value defect claim waived the
/// return.
pub(crate) fn refund_without_return(facts: &Facts) -> Vec<Finding> {
    let cfg = facts.cfg;
    let window = i64::from(cfg.return_window_days) * DAY_MS;
    let mut out = Vec::new();
    for r in &facts.refunds {
        let waived = cfg.flag_waived_returns
            && !r.return_required
            && r.full
            && r.high_value
            && matches!(
                r.reason,
                RefundReason::Damaged | RefundReason::NotAsDescribed | RefundReason::WrongItem
            );
        let flagged = match r.outcome {
            Outcome::Lost(Loss::BeforeScan | Loss::Missing) => true,
            Outcome::Lost(Loss::Empty | Loss::Elsewhere) => r.before_scan,
            Outcome::Lost(Loss::NotRequired) => waived,
            Outcome::Returned | Outcome::Pending | Outcome::Kept => false,
        };
        if !flagged {
            continue;
        }
        let elapsed = facts.now.saturating_sub(r.at);
        let what = describe(facts, r);
        let (summary, score, fact) = if waived {
            (
                format!(
                    "{what} claimed \"{}\" was paid in full with the return waived: a high-value \
                     item refunded and kept.",
                    reason_text(r.reason)
                ),
                if r.overrides { 0.75 } else { 0.6 },
                "The return was not required for a full refund on a high-value defect claim."
                    .to_string(),
            )
        } else if r.before_scan {
            let after = after_refund(&r.ret, r.at);
            let score = if elapsed >= window || r.ret.received_mismatched.is_some() {
                0.95
            } else {
                0.75
            };
            (
                format!(
                    "{what} was issued before the carrier's first scan of the return{}; {after}.",
                    match r.ret.label_at {
                        Some(l) if l <= r.at => format!(
                            " (label created {} days before the refund)",
                            days(r.at.saturating_sub(l))
                        ),
                        _ => " (no return label either)".to_string(),
                    },
                ),
                score,
                format!(
                    "Refunded with the return required and no carrier scan; {} days since.",
                    days(elapsed)
                ),
            )
        } else {
            (
                format!(
                    "{what} required a return that the carrier scanned but that has not \
                     reached the warehouse in {} days (window {} days).",
                    days(elapsed),
                    cfg.return_window_days
                ),
                0.9,
                format!("Nothing received {} days after the refund.", days(elapsed)),
            )
        };
        let mut f = Finding::new(
            Detector::RefundWithoutReturn,
            Subject::new(SubjectKind::Refund, r.id),
        );
        f.score = score;
        f.summary = summary;
        let mut events = facts.order_events(r.order);
        events.push((r.at, r.event));
        f.evidence.push(Evidence {
            fact,
            event_ids: facts.event_ids(events.clone()),
            value: Some(elapsed as f64 / DAY_MS as f64),
        });
        f.accounts = vec![facts.account_id(r.account).to_string()];
        f.related = facts.related(related_to_order(facts, r));
        f.money_minor = r.amount;
        f.currency = r.currency.to_string();
        f.first_at = events.iter().map(|e| e.0).min().unwrap_or(r.at);
        f.last_at = events.iter().map(|e| e.0).max().unwrap_or(r.at);
        out.push(f);
    }
    out
}

/// Returns received far lighter than the lightest unit ordered (or marked empty), and returns
/// delivered somewhere other than the warehouse and never received.
pub(crate) fn return_mismatch(facts: &Facts) -> Vec<Finding> {
    let (m, cfg, now) = (facts.m, facts.cfg, facts.now);
    let mut out = Vec::new();
    for (_, id, row) in m.returns.iter() {
        let Some(head) = &row.head else { continue };
        let stages: Vec<_> = row.stages.iter().filter(|s| s.at <= now).collect();
        let order = head.value.order;
        let order_rec = m.orders.row(order).and_then(|o| o.rec.as_ref());
        let min_unit = order_rec.and_then(|o| o.value.min_unit_grams);
        let received: Vec<_> = stages
            .iter()
            .filter(|s| s.stage.stage() == ReturnStage::Received)
            .collect();
        let empty = received
            .iter()
            .find(|s| mismatched(s, min_unit, cfg.empty_box_ratio));
        let received_ok = received
            .iter()
            .any(|s| !mismatched(s, min_unit, cfg.empty_box_ratio));
        let moved = stages
            .iter()
            .find(|s| s.stage.stage() == ReturnStage::Delivered && elsewhere(s, &cfg.warehouses));
        let (fact, score, value) = match (empty, moved) {
            (Some(s), _) => {
                let (text, ratio) = match (s.weight_grams, min_unit) {
                    (Some(w), Some(u)) if u > 0 => {
                        let ratio = f64::from(w) / f64::from(u);
                        (
                            format!(
                                "was received weighing {w} g against {u} g for the lightest \
                                 unit ordered ({:.0}%){}",
                                ratio * 100.0,
                                if s.condition.is_some_and(|c| {
                                    c.condition() == crate::events::Condition::Empty
                                }) {
                                    ", marked empty"
                                } else {
                                    ""
                                }
                            ),
                            Some(ratio),
                        )
                    }
                    _ => ("was received marked empty".to_string(), None),
                };
                let score = match ratio {
                    Some(r) if r < 0.25 => 0.95,
                    Some(_) => 0.85,
                    None => 0.8,
                };
                (text, score, ratio)
            }
            (None, Some(s)) if !received_ok => (
                format!(
                    "was marked delivered at \"{}\" instead of {}, and never received",
                    s.location.as_deref().unwrap_or("?"),
                    if cfg.warehouses.is_empty() {
                        format!("warehouse {}", s.warehouse.as_deref().unwrap_or("?"))
                    } else {
                        format!("a warehouse ({})", cfg.warehouses.join(", "))
                    }
                ),
                0.85,
                None,
            ),
            _ => continue,
        };
        let mut purse = Purse::default();
        let mut refunds = Vec::new();
        if let Some(o) = m.orders.row(order) {
            for r in o.refunds.iter().filter_map(|&r| facts.refund(r)) {
                purse.add(r.currency, r.amount);
                refunds.push(r);
            }
        }
        let refunded = !refunds.is_empty();
        if !refunded && let Some(o) = order_rec {
            purse.add(&o.value.currency, o.value.total_minor);
        }
        let account = facts.account_id(head.value.account);
        let summary = format!(
            "Return {id} for order {} (account {account}) {fact}; {}.",
            m.orders.id(order),
            if refunded {
                format!("{} was refunded", purse.text())
            } else {
                format!("no refund yet on an order worth {}", purse.text())
            }
        );
        let mut f = Finding::new(
            Detector::ReturnMismatch,
            Subject::new(SubjectKind::Return, id),
        );
        f.score = if refunded {
            (score + 0.05_f64).min(1.0)
        } else {
            score
        };
        f.summary = summary;
        let mut events = facts.order_events(order);
        events.extend(refunds.iter().map(|r| (r.at, r.event)));
        f.evidence.push(Evidence {
            fact: format!("The return {fact}."),
            event_ids: facts.event_ids(stages.iter().map(|s| (s.at, &*s.event)).collect()),
            value,
        });
        if refunded {
            f.evidence.push(Evidence {
                fact: format!(
                    "{} on the order: {}.",
                    super::plural(refunds.len() as u64, "refund", "refunds"),
                    purse.text()
                ),
                event_ids: facts.event_ids(refunds.iter().map(|r| (r.at, r.event)).collect()),
                value: Some(refunds.len() as f64),
            });
        }
        f.accounts = vec![account.to_string()];
        let mut related = vec![Subject::new(SubjectKind::Order, m.orders.id(order))];
        related.extend(
            refunds
                .iter()
                .map(|r| Subject::new(SubjectKind::Refund, r.id)),
        );
        f.related = facts.related(related);
        (f.money_minor, f.currency) = purse.main();
        f.first_at = events.iter().map(|e| e.0).min().unwrap_or(0);
        f.last_at = events.iter().map(|e| e.0).max().unwrap_or(0);
        out.push(f);
    }
    out
}

/// "Refund rf-9 of 899.00 EUR (laptops, order o-7, account a-3, issued by agent-17)".
fn describe(facts: &Facts, r: &RefundFact) -> String {
    let issuer = match r.agent {
        Some(a) => format!("issued by {}", facts.agent_id(a)),
        None => "issued automatically".to_string(),
    };
    let category = if r.category.is_empty() {
        String::new()
    } else {
        format!("{}, ", r.category)
    };
    format!(
        "Refund {} of {} ({category}order {}, account {}, {issuer})",
        r.id,
        money(r.amount, r.currency),
        facts.m.orders.id(r.order),
        facts.account_id(r.account),
    )
}

/// What happened to the return after a refund issued at `at`.
fn after_refund(ret: &ReturnState, at: i64) -> String {
    if let Some(e) = ret.received_mismatched {
        return format!(
            "what arrived {} days after the refund was an empty box",
            days(e.saturating_sub(at))
        );
    }
    if let Some(e) = ret.delivered_elsewhere {
        return format!(
            "it was then marked delivered somewhere other than the warehouse {} days after the \
             refund",
            days(e.saturating_sub(at))
        );
    }
    match ret.first_scan_at {
        Some(s) => format!(
            "the first scan came {} days after the refund and nothing has been received",
            days(s.saturating_sub(at))
        ),
        None => "no scan or receipt since".to_string(),
    }
}

fn reason_text(r: RefundReason) -> &'static str {
    match r {
        RefundReason::NotReceived => "not received",
        RefundReason::Damaged => "damaged",
        RefundReason::NotAsDescribed => "not as described",
        RefundReason::WrongItem => "wrong item",
        RefundReason::ChangedMind => "changed mind",
        RefundReason::Other => "other",
    }
}

fn related_to_order(facts: &Facts, r: &RefundFact) -> Vec<Subject> {
    let mut out = vec![
        Subject::new(SubjectKind::Refund, r.id),
        Subject::new(SubjectKind::Order, facts.m.orders.id(r.order)),
    ];
    if let Some(o) = facts.m.orders.row(r.order) {
        out.extend(
            o.returns
                .iter()
                .map(|&x| Subject::new(SubjectKind::Return, facts.m.returns.id(x))),
        );
    }
    out
}
