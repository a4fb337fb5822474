//! Fake-review rings: reviews of one product, close together in time, from one group of
//! accounts: a flagged ring, the accounts a flagged insider refunds, or (during an abnormal
//! burst only) accounts linked by shared identifiers. A burst of reviews from unlinked
//! accounts, such as a product launch, is never enough on its own.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::Ix;

use super::rings::Identity;
use super::scripts::{content_words, jaccard};
use super::{Detector, Evidence, Facts, Finding, Subject, SubjectKind, days, plural, squash};

/// Who a reviewer belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// A flagged ring, by name.
    Ring(String),
    /// The accounts a flagged agent refunded with nothing back on high-value items.
    Agent(String),
    /// Accounts linked by identifiers, no flagged ring: the earliest account.
    Linked(String),
}

impl Group {
    fn name(&self) -> String {
        match self {
            Group::Ring(n) => n.clone(),
            Group::Agent(a) => format!("insider-{a}"),
            Group::Linked(a) => format!("linked-{a}"),
        }
    }

    fn text(&self) -> String {
        match self {
            Group::Ring(n) => format!("ring {n}"),
            Group::Agent(a) => format!("accounts refunded by flagged agent {a}"),
            Group::Linked(a) => format!("accounts linked to {a} by shared identifiers"),
        }
    }

    fn strong(&self) -> bool {
        !matches!(self, Group::Linked(_))
    }
}

/// See the module documentation.
pub(crate) fn fake_review_rings(
    facts: &Facts,
    identity: &Identity,
    rings: &BTreeMap<u32, String>,
    flagged_agents: &[Ix],
) -> Vec<Finding> {
    let (m, cfg, now) = (facts.m, facts.cfg, facts.now);
    let window = i64::from(cfg.burst_window_hours) * 3_600_000;

    // A flagged agent's accounts; an agent who refunded a flagged ring's accounts again and
    // again belongs to that ring.
    let mut agent_of: HashMap<Ix, Ix> = HashMap::new();
    let mut agent_ring: HashMap<Ix, String> = HashMap::new();
    let flagged: BTreeSet<Ix> = flagged_agents.iter().copied().collect();
    let mut into_rings: BTreeMap<(Ix, &str), u32> = BTreeMap::new();
    for r in &facts.refunds {
        let Some(a) = r.agent.filter(|a| flagged.contains(a)) else {
            continue;
        };
        if !r.high_value_loss() {
            continue;
        }
        agent_of.entry(r.account).or_insert(a);
        if let Some(ring) = identity.linked(r.account).and_then(|c| rings.get(&c)) {
            *into_rings.entry((a, ring.as_str())).or_default() += 1;
        }
    }
    for ((agent, ring), n) in &into_rings {
        let best = agent_ring
            .get(agent)
            .and_then(|r| into_rings.get(&(*agent, r.as_str())));
        if *n >= 2 && best.is_none_or(|b| n > b) {
            agent_ring.insert(*agent, (*ring).to_string());
        }
    }
    // The earliest account of each unflagged linked component names it.
    let mut linked_name: HashMap<u32, (i64, &str)> = HashMap::new();
    for (ix, id, row) in m.accounts.iter() {
        if let Some(c) = identity.linked(ix) {
            let key = (row.first_at.unwrap_or(i64::MAX), id);
            let e = linked_name.entry(c).or_insert(key);
            if key < *e {
                *e = key;
            }
        }
    }
    let group_of = |account: Ix| -> Option<Group> {
        let component = identity.linked(account);
        if let Some(ring) = component.and_then(|c| rings.get(&c)) {
            return Some(Group::Ring(ring.clone()));
        }
        if let Some(&agent) = agent_of.get(&account) {
            return Some(match agent_ring.get(&agent) {
                Some(ring) => Group::Ring(ring.clone()),
                None => Group::Agent(facts.agent_id(agent).to_string()),
            });
        }
        component
            .and_then(|c| linked_name.get(&c))
            .map(|(_, id)| Group::Linked((*id).to_string()))
    };

    let mut out = Vec::new();
    for (_, product, row) in m.products.iter() {
        let mut reviews: Vec<(i64, &str, &str, Ix, u8)> = row
            .reviews
            .iter()
            .filter_map(|&r| {
                let rec = m.reviews.row(r)?.rec.as_ref()?;
                (rec.stamp.at <= now).then(|| {
                    (
                        rec.stamp.at,
                        m.reviews.id(r),
                        &*rec.stamp.event,
                        rec.value.account,
                        rec.value.rating,
                    )
                })
            })
            .collect();
        if reviews.len() < cfg.review_group_min.max(2) {
            continue;
        }
        reviews.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let span = reviews
            .last()
            .map_or(0, |r| r.0)
            .saturating_sub(reviews.first().map_or(0, |r| r.0));
        let per_ms = reviews.len() as f64 / (span.max(window) as f64);
        let mut by_group: BTreeMap<Group, Vec<usize>> = BTreeMap::new();
        for (i, r) in reviews.iter().enumerate() {
            if let Some(g) = group_of(r.3) {
                by_group.entry(g).or_default().push(i);
            }
        }
        for (group, idx) in by_group {
            // Runs of the group's reviews, each within the window of the one before.
            let mut flagged_reviews: Vec<usize> = Vec::new();
            let mut burst: Option<(f64, f64, i64)> = None;
            let mut run: Vec<usize> = Vec::new();
            let flush = |run: &mut Vec<usize>,
                         flagged_reviews: &mut Vec<usize>,
                         burst: &mut Option<(f64, f64, i64)>| {
                let accounts: BTreeSet<Ix> = run.iter().map(|&i| reviews[i].3).collect();
                if accounts.len() >= cfg.review_group_min {
                    let (from, to) = (
                        run.first().map_or(0, |&i| reviews[i].0),
                        run.last().map_or(0, |&i| reviews[i].0),
                    );
                    let all = reviews.iter().filter(|r| r.0 >= from && r.0 <= to).count() as f64;
                    let expected = per_ms * to.saturating_sub(from).max(3_600_000) as f64;
                    let ratio = all / expected.max(1e-9);
                    if group.strong() || ratio >= cfg.burst_ratio {
                        flagged_reviews.extend(run.iter().copied());
                        if burst.is_none_or(|b| all > b.0) {
                            *burst = Some((all, expected, to.saturating_sub(from)));
                        }
                    }
                }
                run.clear();
            };
            for &i in &idx {
                if let Some(&last) = run.last()
                    && reviews[i].0.saturating_sub(reviews[last].0) > window
                {
                    flush(&mut run, &mut flagged_reviews, &mut burst);
                }
                run.push(i);
            }
            flush(&mut run, &mut flagged_reviews, &mut burst);
            if flagged_reviews.is_empty() {
                continue;
            }
            out.push(review_finding(
                facts,
                product,
                &group,
                &flagged_reviews
                    .iter()
                    .map(|&i| reviews[i])
                    .collect::<Vec<_>>(),
                burst,
            ));
        }
    }
    out
}

fn review_finding(
    facts: &Facts,
    product: &str,
    group: &Group,
    reviews: &[(i64, &str, &str, Ix, u8)],
    burst: Option<(f64, f64, i64)>,
) -> Finding {
    let accounts: BTreeSet<&str> = reviews.iter().map(|r| facts.account_id(r.3)).collect();
    let top = reviews.iter().filter(|r| r.4 >= 4).count();
    let (first, last) = (
        reviews.first().map_or(0, |r| r.0),
        reviews.last().map_or(0, |r| r.0),
    );
    let mut summary = format!(
        "Product {product} got {} ({top} rated 4 or 5) within {} days from {} of {}",
        plural(reviews.len() as u64, "review", "reviews"),
        days(last.saturating_sub(first)),
        plural(accounts.len() as u64, "account", "accounts"),
        group.text()
    );
    if let Some((all, expected, _)) = burst {
        summary.push_str(&format!(
            "; the product got {all:.0} reviews in that time against {expected:.1} expected"
        ));
    }
    summary.push('.');
    let mut f = Finding::new(
        Detector::FakeReviewRing,
        Subject::new(SubjectKind::Cluster, &format!("{}@{product}", group.name())),
    );
    f.score = if group.strong() { 0.75 } else { 0.55 } + 0.2 * squash(accounts.len() as f64, 8.0);
    f.summary = summary;
    f.evidence.push(Evidence {
        fact: format!(
            "{} of product {product} from {}.",
            plural(reviews.len() as u64, "review", "reviews"),
            group.text()
        ),
        event_ids: facts.event_ids(reviews.iter().map(|r| (r.0, r.2)).collect()),
        value: Some(reviews.len() as f64),
    });
    if let Some(alike) = likeness(facts, reviews) {
        f.evidence.push(Evidence {
            fact: format!(
                "Their texts are alike: two of them share {:.0}% of their content words on \
                 average.",
                alike * 100.0
            ),
            event_ids: Vec::new(),
            value: Some(alike),
        });
    }
    if let Some((all, expected, span)) = burst {
        f.evidence.push(Evidence {
            fact: format!(
                "{all:.0} reviews of the product within {} days, against {expected:.1} at its \
                 usual rate.",
                days(span)
            ),
            event_ids: Vec::new(),
            value: Some(all / expected.max(1e-9)),
        });
    }
    f.accounts = facts.listed(accounts.iter().map(|a| (*a).to_string()).collect());
    let mut related: Vec<Subject> = reviews
        .iter()
        .map(|r| Subject::new(SubjectKind::Review, r.1))
        .collect();
    related.push(Subject::new(SubjectKind::Product, product));
    f.related = facts.related(related);
    f.first_at = first;
    f.last_at = last;
    f
}

/// The mean similarity of the reviews' texts, pair by pair (the first 50 reviews), when there
/// are texts to compare.
fn likeness(facts: &Facts, reviews: &[(i64, &str, &str, Ix, u8)]) -> Option<f64> {
    let words: Vec<Vec<u64>> = reviews
        .iter()
        .take(50)
        .filter_map(|r| {
            let ix = facts.m.reviews.get(r.1)?;
            let rec = facts.m.reviews.row(ix)?.rec.as_ref()?;
            let w = content_words(&rec.value.text).0;
            (!w.is_empty()).then_some(w)
        })
        .collect();
    let mut sum = 0.0;
    let mut pairs = 0u32;
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            sum += jaccard(a, b);
            pairs += 1;
        }
    }
    (pairs > 0).then(|| sum / f64::from(pairs))
}
