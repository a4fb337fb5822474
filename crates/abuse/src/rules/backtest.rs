//! A rule run over history before it goes live: how often it holds, how much money those
//! events carry, and, where the history says which events were fraud, its precision and recall.

use serde::{Deserialize, Serialize};

use super::{Rule, RuleError, RuleSet};
use crate::events::Event;
use crate::stats::AccountStats;

/// Event ids kept as samples of hits (and of errors).
pub const BACKTEST_SAMPLES: usize = 20;

/// One past event, as the rule would have seen it.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestCase {
    pub event: Event,
    /// The account's aggregates as they were at the event.
    pub account: AccountStats,
    /// Known fraud (`true`), known honest (`false`), or unknown.
    pub label: Option<bool>,
    /// The money at stake in the event, in minor units of the caller's reporting currency
    /// (a refund's amount, an order's value; 0 when none).
    pub money_minor: i64,
}

/// What a rule would have done over the cases.
///
/// Cases of event types the rule does not apply to are counted in `skipped` and nowhere else;
/// an evaluation error counts as a miss (a labelled fraud it errs on is a false negative).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BacktestReport {
    pub rule_id: String,
    pub version: u32,
    /// Cases the rule applies to.
    pub evaluated: u64,
    /// Cases of other event types.
    pub skipped: u64,
    pub hits: u64,
    pub errors: u64,
    /// Evaluated cases with a label.
    pub labelled: u64,
    pub labelled_hits: u64,
    pub true_positives: u64,
    pub false_positives: u64,
    pub false_negatives: u64,
    pub true_negatives: u64,
    /// True positives over labelled hits; `None` without labelled hits.
    pub precision: Option<f64>,
    /// True positives over labelled fraud; `None` without labelled fraud.
    pub recall: Option<f64>,
    /// Money at stake in the hits.
    pub hit_money_minor: i64,
    /// Money at stake in the true positives: fraud the rule would have caught.
    pub true_positive_money_minor: i64,
    /// Money at stake in the false negatives: fraud it would have let through.
    pub missed_money_minor: i64,
    /// The first hits' event ids.
    pub sample_hits: Vec<String>,
    /// The first errors: event id and message.
    pub sample_errors: Vec<(String, String)>,
}

/// Runs one rule over past cases, whatever its mode.
pub fn backtest(
    rule: &Rule,
    cases: impl IntoIterator<Item = BacktestCase>,
) -> Result<BacktestReport, Vec<RuleError>> {
    let set = RuleSet::compile(std::slice::from_ref(rule))?;
    let mut r = BacktestReport {
        rule_id: rule.id.clone(),
        version: rule.version,
        ..BacktestReport::default()
    };
    for case in cases {
        let kind = case.event.body.kind();
        if !(rule.applies_to.is_empty() || rule.applies_to.iter().any(|k| k == kind)) {
            r.skipped += 1;
            continue;
        }
        r.evaluated += 1;
        let evaluation = set.evaluate(&case.event, &case.account);
        let hit = evaluation.hits.iter().any(|h| h.rule_id == rule.id);
        if let Some(e) = evaluation.errors.first() {
            r.errors += 1;
            if r.sample_errors.len() < BACKTEST_SAMPLES {
                r.sample_errors
                    .push((case.event.id.clone(), e.message.clone()));
            }
        }
        if hit {
            r.hits += 1;
            r.hit_money_minor = r.hit_money_minor.saturating_add(case.money_minor);
            if r.sample_hits.len() < BACKTEST_SAMPLES {
                r.sample_hits.push(case.event.id.clone());
            }
        }
        let Some(fraud) = case.label else {
            continue;
        };
        r.labelled += 1;
        match (hit, fraud) {
            (true, true) => {
                r.labelled_hits += 1;
                r.true_positives += 1;
                r.true_positive_money_minor =
                    r.true_positive_money_minor.saturating_add(case.money_minor);
            }
            (true, false) => {
                r.labelled_hits += 1;
                r.false_positives += 1;
            }
            (false, true) => {
                r.false_negatives += 1;
                r.missed_money_minor = r.missed_money_minor.saturating_add(case.money_minor);
            }
            (false, false) => r.true_negatives += 1,
        }
    }
    r.precision = ratio(r.true_positives, r.true_positives + r.false_positives);
    r.recall = ratio(r.true_positives, r.true_positives + r.false_negatives);
    Ok(r)
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    // Counts of events stay far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| part as f64 / whole as f64)
}
