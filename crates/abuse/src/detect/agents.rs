//! Support agents who refund like insiders: no-return refunds on high-value items far above
//! their team's, the same accounts again and again, denials overridden, refunds outside the
//! shift or with no customer asking.

use std::collections::BTreeMap;

use crate::events::Shift;
use crate::model::Ix;

use super::rates::{Beta, Moments, beta_binomial_tail};
use super::{
    Detector, Evidence, Facts, Finding, Purse, RefundFact, Subject, SubjectKind, days, plural,
    rate, squash,
};

/// One agent's refunds and what is odd about them.
struct Tally<'f, 'm> {
    agent: Ix,
    id: &'m str,
    team: &'m str,
    refunds: Vec<&'f RefundFact<'m>>,
    losses: Vec<&'f RefundFact<'m>>,
    overrides: Vec<&'f RefundFact<'m>>,
    outside_shift: Vec<&'f RefundFact<'m>>,
    no_contact: Vec<&'f RefundFact<'m>>,
    /// Accounts with at least `repeat_pair_min` high-value losses from this agent.
    pairs: Vec<(Ix, Vec<&'f RefundFact<'m>>)>,
}

/// Flagged agents with their findings.
pub(crate) fn insider_collusion(facts: &Facts) -> Vec<(Ix, Finding)> {
    let (m, cfg) = (facts.m, facts.cfg);
    let mut by_agent: BTreeMap<&str, Vec<&RefundFact>> = BTreeMap::new();
    for r in &facts.refunds {
        if let Some(a) = r.agent {
            by_agent.entry(facts.agent_id(a)).or_default().push(r);
        }
    }
    let grace = i64::from(cfg.shift_grace_minutes) * 60_000;
    let window = i64::from(cfg.contact_window_hours) * 3_600_000;
    let mut tallies = Vec::new();
    for (id, refunds) in by_agent {
        let Some(agent) = m.agents.get(id) else {
            continue;
        };
        let row = m.agents.row(agent);
        let shifts = row.map_or(&[][..], |r| &r.shifts[..]);
        let team = row.and_then(|r| r.team.as_ref()).map_or("", |t| &*t.value);
        let losses: Vec<&RefundFact> = refunds
            .iter()
            .copied()
            .filter(|r| r.high_value_loss())
            .collect();
        let mut per_account: BTreeMap<&str, (Ix, Vec<&RefundFact>)> = BTreeMap::new();
        for r in &losses {
            per_account
                .entry(facts.account_id(r.account))
                .or_insert_with(|| (r.account, Vec::new()))
                .1
                .push(r);
        }
        let pairs = per_account
            .into_values()
            .filter(|(_, rs)| rs.len() >= cfg.repeat_pair_min as usize)
            .collect();
        tallies.push(Tally {
            agent,
            id,
            team,
            overrides: refunds.iter().copied().filter(|r| r.overrides).collect(),
            outside_shift: refunds
                .iter()
                .copied()
                .filter(|r| outside(shifts, r.at, grace))
                .collect(),
            no_contact: refunds
                .iter()
                .copied()
                .filter(|r| !contacted(facts, r, agent, window))
                .collect(),
            losses,
            pairs,
            refunds,
        });
    }

    // Team moments, agents in id order (sums of floats depend on the order).
    let mut teams: BTreeMap<&str, Pair> = BTreeMap::new();
    let mut everyone = Pair::default();
    for t in &tallies {
        let n = t.refunds.len() as f64;
        let team = teams.entry(t.team).or_default();
        team.0.add(t.losses.len() as f64, n);
        team.1.add(t.overrides.len() as f64, n);
        everyone.0.add(t.losses.len() as f64, n);
        everyone.1.add(t.overrides.len() as f64, n);
    }

    // Peers are the team without the agent and without agents already judged suspect, so
    // that two insiders on one team do not hide each other; judged again until nothing moves.
    let mut suspects = vec![false; tallies.len()];
    let mut verdicts = Vec::new();
    for _ in 0..5 {
        // What the suspects add up to, per team and in all, agents in id order.
        let mut suspect_teams: BTreeMap<&str, Pair> = BTreeMap::new();
        let mut suspect_all = Pair::default();
        for (t, _) in tallies.iter().zip(&suspects).filter(|(_, s)| **s) {
            let n = t.refunds.len() as f64;
            let team = suspect_teams.entry(t.team).or_default();
            for m in [team, &mut suspect_all] {
                m.0.add(t.losses.len() as f64, n);
                m.1.add(t.overrides.len() as f64, n);
            }
        }
        verdicts = tallies
            .iter()
            .zip(&suspects)
            .map(|(t, &suspect)| {
                let peers = |all: &Pair, suspects: Option<&Pair>| -> Pair {
                    let (k, o, n) = (
                        t.losses.len() as f64,
                        t.overrides.len() as f64,
                        t.refunds.len() as f64,
                    );
                    let (mut l, mut ov) = (all.0.without(k, n), all.1.without(o, n));
                    if let Some(s) = suspects {
                        // The agent is among the suspects: it was taken out already.
                        let (sl, so) = if suspect {
                            (s.0.without(k, n), s.1.without(o, n))
                        } else {
                            (s.0, s.1)
                        };
                        l = l.minus(&sl);
                        ov = ov.minus(&so);
                    }
                    (l, ov)
                };
                let team = teams
                    .get(t.team)
                    .map(|m| peers(m, suspect_teams.get(t.team)));
                let (group, name) = match team {
                    Some(g) if g.0.members() >= 2.0 => (g, "the team's"),
                    _ => (peers(&everyone, Some(&suspect_all)), "other agents'"),
                };
                judge(cfg, t, &group, name)
            })
            .collect::<Vec<_>>();
        let next: Vec<bool> = verdicts.iter().map(|v| v.flagged).collect();
        if next == suspects {
            break;
        }
        suspects = next;
    }

    let mut out = Vec::new();
    for (t, v) in tallies.iter().zip(&verdicts) {
        if !v.flagged {
            continue;
        }
        let Verdict {
            prior,
            shrunk,
            ratio,
            chance,
            rate_sign,
            override_ratio,
            signs,
            peers,
            ..
        } = *v;
        let repeated: usize = t.pairs.iter().map(|(_, rs)| rs.len()).sum();
        let period = match (t.refunds.first(), t.refunds.last()) {
            (Some(a), Some(b)) => days(b.at.saturating_sub(a.at)),
            _ => "0".into(),
        };
        let team_text = if t.team.is_empty() {
            String::new()
        } else {
            format!(" (team {})", t.team)
        };
        let mut purse = Purse::default();
        for r in &t.losses {
            purse.add(r.currency, r.amount);
        }
        let mut summary = if t.losses.is_empty() {
            format!(
                "Agent {}{team_text} issued {} in {period} days",
                t.id,
                plural(t.refunds.len() as u64, "refund", "refunds"),
            )
        } else {
            format!(
                "Agent {}{team_text} issued {} on high-value items ({}) out of {} in {period} \
                 days, {ratio:.1}x {peers} rate (shrunk estimate {shrunk:.2} vs {:.2}, {})",
                t.id,
                plural(
                    t.losses.len() as u64,
                    "no-return refund",
                    "no-return refunds"
                ),
                purse.text(),
                plural(t.refunds.len() as u64, "refund", "refunds"),
                prior.mean(),
                odds_text(chance),
            )
        };
        if repeated > 0 {
            summary.push_str(&format!(
                "; {repeated} went to the same {}",
                plural(t.pairs.len() as u64, "account", "accounts")
            ));
        }
        if !t.outside_shift.is_empty() {
            summary.push_str(&format!(
                "; {} outside the agent's shift",
                were(t.outside_shift.len())
            ));
        }
        if !t.no_contact.is_empty() {
            summary.push_str(&format!(
                "; {} no matching customer contact",
                had(t.no_contact.len())
            ));
        }
        if !t.overrides.is_empty() {
            summary.push_str(&format!(
                "; {} automatic denials ({override_ratio:.1}x the peers' rate)",
                overrode(t.overrides.len())
            ));
        }
        summary.push('.');

        let base = if rate_sign {
            0.6 + 0.35 * squash(t.losses.len() as f64, 10.0)
        } else {
            0.3
        };
        let signs_seen = signs.iter().filter(|s| **s).count();
        let miss = (1.0 - base) * 0.7_f64.powi(signs_seen as i32);
        let ids =
            |rs: &[&RefundFact]| facts.event_ids(rs.iter().map(|r| (r.at, r.event)).collect());
        let mut f = Finding::new(
            Detector::InsiderCollusion,
            Subject::new(SubjectKind::Agent, t.id),
        );
        f.score = 1.0 - miss;
        f.summary = summary;
        f.evidence.push(Evidence {
            fact: format!(
                "{} on high-value items out of {}: shrunk rate {} against {} for \
                 {peers} (prior worth {:.0} refunds); {chance:.1e} chance of as many for an agent like its peers.",
                plural(
                    t.losses.len() as u64,
                    "no-return refund",
                    "no-return refunds"
                ),
                plural(t.refunds.len() as u64, "refund", "refunds"),
                rate(shrunk),
                rate(prior.mean()),
                prior.a + prior.b
            ),
            event_ids: ids(&t.losses),
            value: Some(ratio),
        });
        for (account, rs) in &t.pairs {
            f.evidence.push(Evidence {
                fact: format!(
                    "{} to account {}.",
                    plural(rs.len() as u64, "no-return refund", "no-return refunds"),
                    facts.account_id(*account)
                ),
                event_ids: ids(rs),
                value: Some(rs.len() as f64),
            });
        }
        if !t.outside_shift.is_empty() {
            f.evidence.push(Evidence {
                fact: format!(
                    "{} issued outside the agent's shifts.",
                    plural(t.outside_shift.len() as u64, "refund", "refunds")
                ),
                event_ids: ids(&t.outside_shift),
                value: Some(t.outside_shift.len() as f64),
            });
        }
        if !t.no_contact.is_empty() {
            f.evidence.push(Evidence {
                fact: format!(
                    "{} with no contact by the account with this agent or about the order in \
                     the {} hours before.",
                    plural(t.no_contact.len() as u64, "refund", "refunds"),
                    cfg.contact_window_hours
                ),
                event_ids: ids(&t.no_contact),
                value: Some(t.no_contact.len() as f64),
            });
        }
        if !t.overrides.is_empty() {
            f.evidence.push(Evidence {
                fact: format!(
                    "{} over an automatic denial ({override_ratio:.1}x {peers} shrunk rate).",
                    plural(t.overrides.len() as u64, "refund", "refunds")
                ),
                event_ids: ids(&t.overrides),
                value: Some(t.overrides.len() as f64),
            });
        }
        f.accounts = facts.listed(
            t.pairs
                .iter()
                .map(|(a, _)| facts.account_id(*a).to_string())
                .collect(),
        );
        f.agents = vec![t.id.to_string()];
        f.related = facts.related(
            t.losses
                .iter()
                .map(|r| Subject::new(SubjectKind::Refund, r.id))
                .collect(),
        );
        (f.money_minor, f.currency) = purse.main();
        f.first_at = t.refunds.first().map_or(0, |r| r.at);
        f.last_at = t.refunds.last().map_or(0, |r| r.at);
        out.push((t.agent, f));
    }
    out
}

/// What the rates say about one agent.
#[derive(Debug, Clone, Copy)]
struct Verdict {
    prior: Beta,
    shrunk: f64,
    ratio: f64,
    chance: f64,
    rate_sign: bool,
    override_ratio: f64,
    /// Repeated pairs, overrides, outside the shift, no contact.
    signs: [bool; 4],
    peers: &'static str,
    flagged: bool,
}

/// A group's loss and override moments.
type Pair = (Moments, Moments);

fn judge(cfg: &super::DetectConfig, t: &Tally, peers: &Pair, name: &'static str) -> Verdict {
    let n = t.refunds.len() as f64;
    let (k, o) = (t.losses.len() as f64, t.overrides.len() as f64);
    let (losses, overrides) = peers;
    let prior = losses.fit(cfg.agent_prior_min_strength, cfg.agent_prior_max_strength);
    let shrunk = prior.posterior_mean(k, n);
    let ratio = shrunk / prior.mean();
    let chance = beta_binomial_tail(t.losses.len() as u64, t.refunds.len() as u64, prior);
    let rate_sign = t.losses.len() >= cfg.agent_min_support as usize
        && ratio >= cfg.agent_rate_ratio
        && shrunk - prior.mean() >= cfg.agent_min_excess
        && chance <= cfg.agent_max_chance;
    let override_prior = overrides.fit(cfg.agent_prior_min_strength, cfg.agent_prior_max_strength);
    let override_ratio = override_prior.posterior_mean(o, n) / override_prior.mean();
    let min_signs = cfg.agent_min_signs as usize;
    let repeated: usize = t.pairs.iter().map(|(_, rs)| rs.len()).sum();
    let signs = [
        repeated >= min_signs,
        t.overrides.len() >= min_signs && override_ratio >= cfg.agent_rate_ratio,
        t.outside_shift.len() >= min_signs,
        t.no_contact.len() >= min_signs,
    ];
    let sign_count = signs.iter().filter(|s| **s).count();
    Verdict {
        prior,
        shrunk,
        ratio,
        chance,
        rate_sign,
        override_ratio,
        signs,
        peers: name,
        flagged: rate_sign || sign_count >= cfg.agent_signs_to_flag as usize,
    }
}

/// "a 1 in 3,400 chance among its peers".
fn odds_text(p: f64) -> String {
    if p >= 0.5 {
        return "as likely as not among its peers".into();
    }
    let one_in = 1.0 / p.max(1e-300);
    let rounded = if one_in >= 1e12 {
        return "less than a one in a trillion chance among its peers".into();
    } else if one_in >= 1e9 {
        format!("{:.0} billion", one_in / 1e9)
    } else if one_in >= 1e6 {
        format!("{:.0} million", one_in / 1e6)
    } else {
        thousands(one_in.round() as u64)
    };
    format!("a 1 in {rounded} chance among its peers")
}

/// 12345 as "12,345".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn were(n: usize) -> String {
    if n == 1 {
        "1 was".into()
    } else {
        format!("{n} were")
    }
}

fn had(n: usize) -> String {
    if n == 1 {
        "1 had".into()
    } else {
        format!("{n} had")
    }
}

fn overrode(n: usize) -> String {
    format!("{n} overrode")
}

/// Whether `at` falls outside every shift (with `grace` either side), judged only inside the
/// span the roster covers: an agent with no roster, or a time beyond it, is not outside.
fn outside(shifts: &[Shift], at: i64, grace: i64) -> bool {
    let (Some(first), Some(last)) = (shifts.first(), shifts.iter().map(|s| s.end).max()) else {
        return false;
    };
    if at < first.start.saturating_sub(grace) || at > last.saturating_add(grace) {
        return false;
    }
    // Shifts are sorted by start and last at most a day: look back a day from `at`.
    let end = shifts.partition_point(|s| s.start.saturating_sub(grace) <= at);
    !shifts[..end]
        .iter()
        .rev()
        .take_while(|s| s.start >= at.saturating_sub(25 * 3_600_000 + grace))
        .any(|s| s.end.saturating_add(grace) >= at)
}

/// Whether the refund's account contacted support, with this agent or about this order, in
/// the window before the refund.
fn contacted(facts: &Facts, r: &RefundFact, agent: Ix, window: i64) -> bool {
    let Some(account) = facts.m.accounts.row(r.account) else {
        return false;
    };
    account.contacts.iter().any(|&c| {
        facts
            .m
            .contacts
            .row(c)
            .and_then(|c| c.rec.as_ref())
            .is_some_and(|c| {
                c.stamp.at <= r.at
                    && c.stamp.at >= r.at.saturating_sub(window)
                    && (c.value.agent == Some(agent) || c.value.order == Some(r.order))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_the_shift_is_judged_inside_the_roster_only() {
        let h = 3_600_000;
        let shifts = [
            Shift {
                start: 9 * h,
                end: 17 * h,
            },
            Shift {
                start: 33 * h,
                end: 41 * h,
            },
        ];
        let grace = 15 * 60_000;
        assert!(!outside(&shifts, 10 * h, grace));
        assert!(!outside(&shifts, 17 * h + grace, grace));
        assert!(outside(&shifts, 20 * h, grace));
        assert!(!outside(&shifts, 35 * h, grace));
        assert!(!outside(&shifts, 100 * h, grace), "beyond the roster");
        assert!(!outside(&shifts, 0, grace), "before the roster");
        assert!(!outside(&[], 10 * h, grace));
    }
}
