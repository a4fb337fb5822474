//! Accounts that lose far more high-value refunds with nothing back than accounts like them.

use std::collections::BTreeMap;

use crate::events::RefundReason;
use crate::model::DAY_MS;

use super::rates::Beta;
use super::{
    Detector, Evidence, Facts, Finding, Purse, RefundFact, Subject, SubjectKind, plural, rate,
};

/// Accounts compared with their cohort: how long ago they signed up and how much they order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cohort {
    age: u8,
    volume: u8,
}

impl Cohort {
    fn of(first_at: Option<i64>, now: i64, orders: u64) -> Cohort {
        let age = match first_at {
            None => 0,
            Some(f) if now.saturating_sub(f) < 30 * DAY_MS => 1,
            Some(f) if now.saturating_sub(f) < 180 * DAY_MS => 2,
            Some(_) => 3,
        };
        let volume = match orders {
            0..=2 => 0,
            3..=5 => 1,
            6..=15 => 2,
            _ => 3,
        };
        Cohort { age, volume }
    }

    fn text(self) -> String {
        let age = [
            "with no sign-up seen",
            "signed up under 30 days ago",
            "signed up 30 to 180 days ago",
            "signed up over 180 days ago",
        ][usize::from(self.age.min(3))];
        let volume = ["0 to 2", "3 to 5", "6 to 15", "over 15"][usize::from(self.volume.min(3))];
        format!("accounts {age} with {volume} orders")
    }
}

/// What one account did.
struct Tally<'f, 'm> {
    account: u32,
    cohort: Cohort,
    /// Orders, or refunds when more refunds than orders are known.
    trials: u64,
    orders: u64,
    refunds: Vec<&'f RefundFact<'m>>,
    losses: u64,
    not_received: u64,
}

impl Tally<'_, '_> {
    fn high_value_losses(&self) -> impl Iterator<Item = &&RefundFact<'_>> {
        self.refunds.iter().filter(|r| r.high_value_loss())
    }
}

/// See the module documentation.
pub(crate) fn account_refund_abuse(facts: &Facts) -> Vec<Finding> {
    let (m, cfg, now) = (facts.m, facts.cfg, facts.now);
    let mut tallies = Vec::new();
    // Per cohort: high-value losses, not-received refunds, trials.
    let mut cohorts: BTreeMap<Cohort, (u64, u64, u64)> = BTreeMap::new();
    for (ix, _, row) in m.accounts.iter() {
        let orders = facts.account_orders(ix);
        let refunds = facts.account_refunds(ix);
        let first_at = row.first_at.filter(|f| *f <= now);
        if orders == 0 && refunds.is_empty() {
            continue;
        }
        let trials = orders.max(refunds.len() as u64);
        let cohort = Cohort::of(first_at, now, orders);
        let t = Tally {
            account: ix,
            cohort,
            trials,
            orders,
            losses: refunds.iter().filter(|r| r.high_value_loss()).count() as u64,
            not_received: refunds
                .iter()
                .filter(|r| r.reason == RefundReason::NotReceived)
                .count() as u64,
            refunds,
        };
        let c = cohorts.entry(cohort).or_default();
        c.0 += t.losses;
        c.1 += t.not_received;
        c.2 += trials;
        tallies.push(t);
    }

    // The cohort's rate leaves out the accounts already judged abusive, so that where
    // abusers are many (a young marketplace, a cohort of fresh sign-ups) they do not set
    // the norm; judged again until nothing moves.
    let mut suspects: Vec<bool> = vec![false; tallies.len()];
    let mut verdicts: Vec<Option<(Beta, f64, f64, Beta)>> = Vec::new();
    for _ in 0..5 {
        let mut excluded: BTreeMap<Cohort, (u64, u64, u64)> = BTreeMap::new();
        for (t, _) in tallies.iter().zip(&suspects).filter(|(_, s)| **s) {
            let e = excluded.entry(t.cohort).or_default();
            e.0 += t.losses;
            e.1 += t.not_received;
            e.2 += t.trials;
        }
        // The marketplace without the suspects: what a small cohort leans on.
        let mut all = (0u64, 0u64, 0u64);
        for (c, (l, nr, tr)) in &cohorts {
            let x = excluded.get(c).copied().unwrap_or_default();
            all.0 += l.saturating_sub(x.0);
            all.1 += nr.saturating_sub(x.1);
            all.2 += tr.saturating_sub(x.2);
        }
        verdicts = tallies
            .iter()
            .zip(&suspects)
            .map(|(t, &suspect)| {
                if t.losses < u64::from(cfg.account_min_support) {
                    return None;
                }
                let (mut losses, mut nr, mut trials) =
                    cohorts.get(&t.cohort).copied().unwrap_or_default();
                if let Some(x) = excluded.get(&t.cohort) {
                    losses = losses.saturating_sub(x.0);
                    nr = nr.saturating_sub(x.1);
                    trials = trials.saturating_sub(x.2);
                }
                if !suspect {
                    // Leave the account itself out of its norm too.
                    losses = losses.saturating_sub(t.losses);
                    nr = nr.saturating_sub(t.not_received);
                    trials = trials.saturating_sub(t.trials);
                }
                // A cohort's rate, itself shrunk towards the marketplace's: a cohort of a
                // handful of accounts says little.
                let strength = cfg.account_cohort_strength.max(0.0);
                let overall = (all.0 as f64 + 0.5) / (all.2 as f64 + 1.0);
                let overall_nr = (all.1 as f64 + 0.5) / (all.2 as f64 + 1.0);
                let base = (losses as f64 + strength * overall) / (trials as f64 + strength);
                let prior = Beta::from_rate(base, cfg.account_prior_strength);
                let shrunk = prior.posterior_mean(t.losses as f64, t.trials as f64);
                let ratio = shrunk / prior.mean();
                let nr_prior = Beta::from_rate(
                    (nr as f64 + strength * overall_nr) / (trials as f64 + strength),
                    cfg.account_prior_strength,
                );
                (ratio >= cfg.account_rate_ratio && shrunk >= cfg.account_min_rate)
                    .then_some((prior, shrunk, ratio, nr_prior))
            })
            .collect();
        let next: Vec<bool> = verdicts.iter().map(Option::is_some).collect();
        if next == suspects {
            break;
        }
        suspects = next;
    }

    let mut out = Vec::new();
    for (t, verdict) in tallies.iter().zip(&verdicts) {
        let Some((prior, shrunk, ratio, nr_prior)) = *verdict else {
            continue;
        };
        let account = facts.account_id(t.account);
        let lost: Vec<&&RefundFact> = t.high_value_losses().collect();
        let mut purse = Purse::default();
        let mut categories: BTreeMap<&str, u32> = BTreeMap::new();
        let mut by_agent: BTreeMap<&str, u32> = BTreeMap::new();
        for r in &lost {
            purse.add(r.currency, r.amount);
            *categories.entry(r.category).or_default() += 1;
            if let Some(a) = r.agent {
                *by_agent.entry(facts.agent_id(a)).or_default() += 1;
            }
        }
        let categories_text = categories
            .iter()
            .map(|(c, n)| {
                if *n > 1 {
                    format!("{c} x{n}")
                } else {
                    (*c).to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let nr_shrunk = nr_prior.posterior_mean(t.not_received as f64, t.trials as f64);
        let mut summary = format!(
            "Account {account} got {} with nothing back on {} ({}: {categories_text}); shrunk \
             rate {}, {ratio:.0}x the {} of {}",
            plural(t.losses, "high-value refund", "high-value refunds"),
            plural(t.orders, "order", "orders"),
            purse.text(),
            rate(shrunk),
            rate(prior.mean()),
            t.cohort.text(),
        );
        match t.not_received {
            0 => {}
            1 => summary.push_str("; 1 refund was \"not received\""),
            n => summary.push_str(&format!("; {n} refunds were \"not received\"")),
        }
        summary.push('.');
        let mut f = Finding::new(
            Detector::AccountRefundAbuse,
            Subject::new(SubjectKind::Account, account),
        );
        f.score = 1.0 - (-(t.losses as f64) * shrunk * 3.0).exp();
        f.summary = summary;
        f.evidence.push(Evidence {
            fact: format!(
                "{} on high-value items with nothing back, out of {} and {}.",
                plural(t.losses, "refund", "refunds"),
                plural(t.refunds.len() as u64, "refund", "refunds"),
                plural(t.orders, "order", "orders")
            ),
            event_ids: facts.event_ids(lost.iter().map(|r| (r.at, r.event)).collect()),
            value: Some(t.losses as f64),
        });
        f.evidence.push(Evidence {
            fact: format!(
                "Shrunk rate {} against {} for {} ({ratio:.1}x).",
                rate(shrunk),
                rate(prior.mean()),
                t.cohort.text()
            ),
            event_ids: Vec::new(),
            value: Some(ratio),
        });
        if t.not_received > 0 {
            f.evidence.push(Evidence {
                fact: format!(
                    "{} \"not received\": shrunk rate {} against {} for the cohort.",
                    plural(t.not_received, "refund", "refunds"),
                    rate(nr_shrunk),
                    rate(nr_prior.mean())
                ),
                event_ids: facts.event_ids(
                    t.refunds
                        .iter()
                        .filter(|r| r.reason == RefundReason::NotReceived)
                        .map(|r| (r.at, r.event))
                        .collect(),
                ),
                value: Some(nr_shrunk),
            });
        }
        if let Some((agent, n)) = by_agent
            .iter()
            .max_by_key(|(a, n)| (**n, std::cmp::Reverse(**a)))
        {
            f.evidence.push(Evidence {
                fact: format!(
                    "They came from {}; {agent} issued {n}.",
                    plural(by_agent.len() as u64, "agent", "different agents")
                ),
                event_ids: Vec::new(),
                value: Some(f64::from(*n)),
            });
        }
        f.accounts = vec![account.to_string()];
        f.related = facts.related(
            lost.iter()
                .map(|r| Subject::new(SubjectKind::Refund, r.id))
                .collect(),
        );
        (f.money_minor, f.currency) = purse.main();
        f.first_at = lost.iter().map(|r| r.at).min().unwrap_or(0);
        f.last_at = lost.iter().map(|r| r.at).max().unwrap_or(0);
        out.push(f);
    }
    out
}
