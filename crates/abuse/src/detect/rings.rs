//! Rings: accounts tied by what they share (devices, payment cards, addresses, phones,
//! networks) whose refunds together lose far more than the marketplace's; and single devices
//! contacting support for many accounts that then get refunds with nothing back.
//!
//! Two accounts are linked when the weights of the kinds of identifier they share add up to
//! the link threshold: a device or a card links on its own, an address or a phone needs
//! something else (a network, say), a network alone never links. An identifier on more
//! accounts than the hub limit links nobody, so a busy office network or a parcel shop cannot
//! chain honest accounts together. Rings are the connected components; a household is one
//! too, and is left alone because its refunds are normal.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{IdentKind, Ix};

use super::rates::Beta;
use super::{
    Detector, Evidence, Facts, Finding, Purse, RefundFact, Subject, SubjectKind, UnionFind, plural,
    rate, squash,
};

/// Accounts grouped by what they share, whatever their refunds.
pub(crate) struct Identity {
    /// Each account's component (a representative account index).
    pub component: Vec<u32>,
    /// Component sizes, by representative.
    pub size: HashMap<u32, u32>,
}

impl Identity {
    /// The account's component, when it has other members.
    pub fn linked(&self, account: Ix) -> Option<u32> {
        let c = *self.component.get(account as usize)?;
        (self.size.get(&c).copied().unwrap_or(1) > 1).then_some(c)
    }
}

/// The ring detector's output: its findings, the identity components, and the flagged ones
/// (component to cluster id).
pub(crate) struct Rings {
    pub findings: Vec<Finding>,
    pub identity: Identity,
    pub flagged: BTreeMap<u32, String>,
}

const DIMENSIONS: usize = 5;

fn dimension(kind: IdentKind) -> usize {
    match kind {
        IdentKind::Device => 0,
        IdentKind::Payment => 1,
        IdentKind::Address => 2,
        IdentKind::Phone => 3,
        IdentKind::Ip | IdentKind::Network => 4,
    }
}

/// See the module documentation.
pub(crate) fn rings(facts: &Facts) -> Rings {
    let (m, cfg, now) = (facts.m, facts.cfg, facts.now);
    let w = &cfg.link_weights;
    let weight = |k: IdentKind| match k {
        IdentKind::Device => w.device,
        IdentKind::Payment => w.payment,
        IdentKind::Address => w.address,
        IdentKind::Phone => w.phone,
        IdentKind::Ip => w.ip,
        IdentKind::Network => w.network,
    };
    let n = m.accounts.len();
    let mut pairs: HashMap<(Ix, Ix), [f64; DIMENSIONS]> = HashMap::new();
    let mut hubs: HashMap<Ix, u32> = HashMap::new();
    for (ident, _, row) in m.idents.iter() {
        let accounts: Vec<Ix> = row
            .accounts
            .iter()
            .copied()
            .filter(|&a| m.seen_at(a, ident).is_some_and(|t| t <= now))
            .collect();
        if accounts.len() < 2 {
            continue;
        }
        if accounts.len() > cfg.hub_max_accounts {
            for a in accounts {
                *hubs.entry(a).or_default() += 1;
            }
            continue;
        }
        let (d, wt) = (dimension(row.kind), weight(row.kind));
        for (i, &a) in accounts.iter().enumerate() {
            for &b in &accounts[i + 1..] {
                let key = (a.min(b), a.max(b));
                let slot = &mut pairs.entry(key).or_insert([0.0; DIMENSIONS])[d];
                *slot = slot.max(wt);
            }
        }
    }
    let mut uf = UnionFind::new(n);
    for (&(a, b), dims) in &pairs {
        // Summed in a fixed order: the same pair gives the same sum.
        if dims.iter().sum::<f64>() >= cfg.link_threshold {
            uf.union(a, b);
        }
    }
    let component: Vec<u32> = (0..n as u32).map(|a| uf.find(a)).collect();
    let mut members: HashMap<u32, Vec<Ix>> = HashMap::new();
    for (a, &c) in component.iter().enumerate() {
        members.entry(c).or_default().push(a as Ix);
    }
    let size = members.iter().map(|(c, v)| (*c, v.len() as u32)).collect();

    // The marketplace's loss rate: refunds with nothing back per order.
    let mut orders_of = vec![0u64; n];
    let (mut all_losses, mut all_trials) = (0u64, 0u64);
    for (ix, _, _) in m.accounts.iter() {
        let orders = facts.account_orders(ix);
        let refunds = facts.account_refunds(ix);
        let losses = refunds.iter().filter(|r| r.lost()).count() as u64;
        let trials = orders.max(refunds.len() as u64);
        if let Some(slot) = orders_of.get_mut(ix as usize) {
            *slot = trials;
        }
        all_losses += losses;
        all_trials += trials;
    }
    let base = (all_losses as f64 + 0.5) / (all_trials as f64 + 1.0);
    let prior = Beta::from_rate(base, cfg.ring_prior_strength);

    let mut findings = Vec::new();
    let mut flagged = BTreeMap::new();
    let mut groups: Vec<(u32, Vec<Ix>)> = members
        .into_iter()
        .filter(|(_, v)| v.len() >= cfg.ring_min_accounts.max(2))
        .collect();
    groups.sort_by_key(|(c, _)| *c);
    for (c, mut accounts) in groups {
        accounts.sort_by(|a, b| facts.account_id(*a).cmp(facts.account_id(*b)));
        let mut losses: Vec<&RefundFact> = Vec::new();
        let mut trials = 0u64;
        for &a in &accounts {
            trials += orders_of.get(a as usize).copied().unwrap_or(0);
            losses.extend(facts.account_refunds(a).into_iter().filter(|r| r.lost()));
        }
        losses.sort_by(|a, b| (a.at, a.id).cmp(&(b.at, b.id)));
        let loss_accounts: BTreeSet<Ix> = losses.iter().map(|r| r.account).collect();
        let shrunk = prior.posterior_mean(losses.len() as f64, trials as f64);
        let ratio = shrunk / prior.mean();
        if losses.len() < cfg.ring_min_loss_refunds as usize
            || loss_accounts.len() < cfg.ring_min_loss_accounts
            || ratio < cfg.ring_rate_ratio
        {
            continue;
        }
        let name = cluster_name(facts, &accounts);
        flagged.insert(c, name.clone());
        findings.push(ring_finding(
            facts,
            &name,
            &accounts,
            &losses,
            loss_accounts.len(),
            trials,
            (shrunk, prior.mean(), ratio),
            &hubs,
        ));
    }
    Rings {
        findings,
        identity: Identity { component, size },
        flagged,
    }
}

/// A cluster is named after its earliest account (first seen, then id): stable while it grows.
fn cluster_name(facts: &Facts, accounts: &[Ix]) -> String {
    let first = accounts
        .iter()
        .map(|&a| {
            let at = facts
                .m
                .accounts
                .row(a)
                .and_then(|r| r.first_at)
                .unwrap_or(i64::MAX);
            (at, facts.account_id(a))
        })
        .min();
    first.map_or_else(String::new, |(_, id)| format!("ring-{id}"))
}

#[allow(clippy::too_many_arguments)]
fn ring_finding(
    facts: &Facts,
    name: &str,
    accounts: &[Ix],
    losses: &[&RefundFact],
    loss_accounts: usize,
    trials: u64,
    (shrunk, base, ratio): (f64, f64, f64),
    hubs: &HashMap<Ix, u32>,
) -> Finding {
    let m = facts.m;
    let member: BTreeSet<Ix> = accounts.iter().copied().collect();
    // What they share: identifiers on two or more of them.
    let mut shared: BTreeMap<(IdentKind, &str), Vec<Ix>> = BTreeMap::new();
    for &a in accounts {
        let Some(row) = m.accounts.row(a) else {
            continue;
        };
        for &i in &row.idents {
            let Some(ident) = m.idents.row(i) else {
                continue;
            };
            if ident.accounts.len() > facts.cfg.hub_max_accounts
                || m.seen_at(a, i).is_none_or(|t| t > facts.now)
            {
                continue;
            }
            let inside = ident.accounts.iter().filter(|x| member.contains(x)).count();
            if inside >= 2 {
                let value = m.idents.id(i);
                let value = value.split_once(':').map_or(value, |(_, v)| v);
                shared.entry((ident.kind, value)).or_default().push(a);
            }
        }
    }
    let mut by_kind: BTreeMap<IdentKind, usize> = BTreeMap::new();
    for (kind, _) in shared.keys() {
        *by_kind.entry(*kind).or_default() += 1;
    }
    let sharing = by_kind
        .iter()
        .map(|(k, n)| plural(*n as u64, k.as_str(), &format!("{}s", k.as_str())))
        .collect::<Vec<_>>()
        .join(", ");
    let mut purse = Purse::default();
    for r in losses {
        purse.add(r.currency, r.amount);
    }
    let summary = format!(
        "{} accounts share {sharing}; together they got {} with nothing back ({}) on {} \
         (shrunk loss rate {}, {ratio:.0}x the marketplace's {}); {} of them \
         lost refunds.",
        accounts.len(),
        plural(losses.len() as u64, "refund", "refunds"),
        purse.text(),
        plural(trials, "order", "orders"),
        rate(shrunk),
        rate(base),
        loss_accounts,
    );
    let mut f = Finding::new(Detector::Ring, Subject::new(SubjectKind::Cluster, name));
    f.score = 0.5 + 0.5 * squash(losses.len() as f64 * (ratio / 10.0).min(1.0), 5.0);
    f.summary = summary;
    let account_events = |ids: &[Ix]| {
        let mut ev = Vec::new();
        for &a in ids {
            if let Some(row) = m.accounts.row(a) {
                for stamp in [
                    row.device.as_ref().map(|x| &x.stamp),
                    row.payment.as_ref().map(|x| &x.stamp),
                    row.addresses.as_ref().map(|x| &x.stamp),
                    row.phone.as_ref().map(|x| &x.stamp),
                    row.ip.as_ref().map(|x| &x.stamp),
                ]
                .into_iter()
                .flatten()
                .filter(|s| s.at <= facts.now)
                {
                    ev.push((stamp.at, &*stamp.event));
                }
            }
        }
        facts.event_ids(ev)
    };
    let mut shared_list: Vec<_> = shared.into_iter().collect();
    // The most widely shared first.
    shared_list.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    for ((kind, value), on) in shared_list.iter().take(20) {
        f.evidence.push(Evidence {
            fact: format!(
                "{} {value} is on {} of these accounts.",
                capitalised(kind.as_str()),
                on.len()
            ),
            event_ids: account_events(on),
            value: Some(on.len() as f64),
        });
    }
    f.evidence.push(Evidence {
        fact: format!(
            "{} with nothing back on {} from {} accounts: shrunk rate {} against {} for the \
             marketplace.",
            plural(losses.len() as u64, "refund", "refunds"),
            plural(trials, "order", "orders"),
            loss_accounts,
            rate(shrunk),
            rate(base)
        ),
        event_ids: facts.event_ids(losses.iter().map(|r| (r.at, r.event)).collect()),
        value: Some(ratio),
    });
    let hub_accounts = accounts.iter().filter(|a| hubs.contains_key(a)).count();
    if hub_accounts > 0 {
        f.evidence.push(Evidence {
            fact: format!(
                "{} of these accounts also use identifiers shared by more than {} accounts, \
                 which were not used to link them.",
                hub_accounts, facts.cfg.hub_max_accounts
            ),
            event_ids: Vec::new(),
            value: Some(hub_accounts as f64),
        });
    }
    f.accounts = facts.listed(
        accounts
            .iter()
            .map(|&a| facts.account_id(a).to_string())
            .collect(),
    );
    f.related = facts.related(
        losses
            .iter()
            .map(|r| Subject::new(SubjectKind::Refund, r.id))
            .collect(),
    );
    (f.money_minor, f.currency) = purse.main();
    f.first_at = losses.first().map_or(0, |r| r.at);
    f.last_at = losses.last().map_or(0, |r| r.at);
    f
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Devices that contacted support for several accounts, after which those accounts got
/// refunds with nothing back.
pub(crate) fn support_devices(facts: &Facts) -> Vec<Finding> {
    let (m, cfg, now) = (facts.m, facts.cfg, facts.now);
    let window = i64::from(cfg.contact_window_hours) * 3_600_000;
    let mut by_device: BTreeMap<&str, Vec<(i64, &str, Ix, Ix)>> = BTreeMap::new();
    for (ix, id, row) in m.contacts.iter() {
        let Some(rec) = &row.rec else { continue };
        if rec.stamp.at > now {
            continue;
        }
        if let Some(d) = rec.value.device.as_deref() {
            by_device
                .entry(d)
                .or_default()
                .push((rec.stamp.at, id, ix, rec.value.account));
        }
    }
    let mut out = Vec::new();
    for (device, mut contacts) in by_device {
        let accounts: BTreeSet<Ix> = contacts.iter().map(|c| c.3).collect();
        if accounts.len() < cfg.device_min_accounts {
            continue;
        }
        contacts.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        // Refunds with nothing back to the same account in the window after a contact.
        let mut followed = Vec::new();
        let mut losses: BTreeMap<&str, &RefundFact> = BTreeMap::new();
        for c in &contacts {
            let after: Vec<&RefundFact> = facts
                .account_refunds(c.3)
                .into_iter()
                .filter(|r| r.lost() && r.at >= c.0 && r.at <= c.0.saturating_add(window))
                .collect();
            if !after.is_empty() {
                followed.push(*c);
            }
            for r in after {
                losses.insert(r.id, r);
            }
        }
        let loss_accounts: BTreeSet<Ix> = losses.values().map(|r| r.account).collect();
        if loss_accounts.len() < cfg.device_min_loss_accounts || followed.len() * 2 < contacts.len()
        {
            continue;
        }
        let mut purse = Purse::default();
        for r in losses.values() {
            purse.add(r.currency, r.amount);
        }
        let mut f = Finding::new(
            Detector::SupportDevice,
            Subject::new(SubjectKind::Device, device),
        );
        f.score = 0.5
            + 0.5
                * squash(
                    loss_accounts.len() as f64 * followed.len() as f64 / contacts.len() as f64,
                    3.0,
                );
        f.summary = format!(
            "Device {device} contacted support for {} ({}); {} followed within {} hours by a \
             refund with nothing back, {} to {} of those accounts.",
            plural(accounts.len() as u64, "account", "accounts"),
            plural(contacts.len() as u64, "contact", "contacts"),
            if followed.len() == 1 {
                "1 was".to_string()
            } else {
                format!("{} were", followed.len())
            },
            cfg.contact_window_hours,
            purse.text(),
            loss_accounts.len()
        );
        f.evidence.push(Evidence {
            fact: format!(
                "{} from this device for {}.",
                plural(contacts.len() as u64, "contact", "contacts"),
                plural(accounts.len() as u64, "account", "accounts")
            ),
            event_ids: facts.event_ids(
                contacts
                    .iter()
                    .filter_map(|c| {
                        let rec = m.contacts.row(c.2)?.rec.as_ref()?;
                        Some((rec.stamp.at, &*rec.stamp.event))
                    })
                    .collect(),
            ),
            value: Some(accounts.len() as f64),
        });
        f.evidence.push(Evidence {
            fact: format!(
                "{} with nothing back within {} hours of those contacts ({}).",
                plural(losses.len() as u64, "refund", "refunds"),
                cfg.contact_window_hours,
                purse.text()
            ),
            event_ids: facts.event_ids(losses.values().map(|r| (r.at, r.event)).collect()),
            value: Some(losses.len() as f64),
        });
        f.accounts = facts.listed(
            accounts
                .iter()
                .map(|&a| facts.account_id(a).to_string())
                .collect(),
        );
        let mut related: Vec<Subject> = contacts
            .iter()
            .map(|c| Subject::new(SubjectKind::Contact, c.1))
            .collect();
        related.extend(losses.keys().map(|r| Subject::new(SubjectKind::Refund, r)));
        f.related = facts.related(related);
        (f.money_minor, f.currency) = purse.main();
        f.first_at = contacts.first().map_or(0, |c| c.0);
        f.last_at = contacts
            .last()
            .map_or(0, |c| c.0)
            .max(losses.values().map(|r| r.at).max().unwrap_or(0));
        out.push(f);
    }
    out
}
