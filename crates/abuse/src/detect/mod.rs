//! Detectors of refund fraud over the [`Model`]: each finding names what it is about, says in
//! one plain sentence why, and carries the facts and event ids behind it.
//!
//! - [`refunds`]: refunds with nothing back (required return missing after the window, refunded
//!   before the carrier's first scan, a full refund on a high-value defect claim with the return
//!   waived) and returns that do not match (an empty box, a delivery somewhere else).
//! - [`accounts`]: accounts losing far more high-value refunds with nothing back than their
//!   cohort (sign-up age and order volume), shrunk towards the cohort's rate.
//! - [`agents`]: support agents whose no-return refunds on high-value items sit far above their
//!   team's (empirical Bayes), with the collusion signs beside: the same accounts again and
//!   again, overridden denials, refunds outside the shift or with no customer contact.
//! - [`rings`]: accounts tied by shared devices, cards, addresses, phones and networks whose
//!   refunds together lose abnormally, and devices contacting support for many accounts.
//! - [`scripts`]: support transcripts that repeat a known refund-service script, or that are
//!   near-duplicates of each other across many accounts.
//! - [`reviews`]: reviews of one product, close in time, from one ring or the accounts of one
//!   flagged insider.
//!
//! Detection is a pure function of the model, the configuration and `now`; the output order
//! is fixed (detector, then key), and a finding's `key` is stable across runs.

pub mod accounts;
pub mod agents;
pub mod rates;
pub mod refunds;
pub mod reviews;
pub mod rings;
pub mod scripts;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::events::RefundReason;
use crate::model::{DAY_MS, DEFAULT_HIGH_VALUE_CATEGORIES, Ix, Model, ModelOptions, ReturnState};

/// Every window and threshold of the detectors. Missing fields take their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DetectConfig {
    /// Categories whose refunds count as high value (default laptops, phones, consoles, coins,
    /// tablets, cameras, watches, jewellery).
    pub high_value_categories: Vec<String>,
    /// A refund of at least this share of its order's value is a full refund (0.8).
    pub full_refund_share: f64,
    /// At most this many event ids per evidence line (50).
    pub max_event_ids: usize,
    /// At most this many accounts, and this many related entities, per finding (200).
    pub max_listed: usize,

    /// Days after a refund by which a required return must have arrived (30).
    pub return_window_days: u32,
    /// Flag full refunds on high-value items claimed damaged, not as described or wrong when
    /// the return was waived (true).
    pub flag_waived_returns: bool,
    /// A received return lighter than this share of the lightest unit ordered is an empty box
    /// (0.5).
    pub empty_box_ratio: f64,
    /// Where returns may be delivered; empty: each return's own `warehouse` field.
    pub warehouses: Vec<String>,

    /// Prior strength (in orders) shrinking an account's rate towards its cohort's (10).
    pub account_prior_strength: f64,
    /// Prior strength (in orders) shrinking a cohort's rate towards the marketplace's (200).
    pub account_cohort_strength: f64,
    /// High-value refunds with nothing back an account needs before it is judged (2).
    pub account_min_support: u32,
    /// Its shrunk rate must be this many times its cohort's (4) …
    pub account_rate_ratio: f64,
    /// … and at least this share of its orders (0.1).
    pub account_min_rate: f64,

    /// High-value no-return refunds an agent needs before its rate is judged (5).
    pub agent_min_support: u32,
    /// Its shrunk rate must be this many times its team's (3) …
    pub agent_rate_ratio: f64,
    /// … and exceed it by at least this much (0.05) …
    pub agent_min_excess: f64,
    /// … and as many must be at most this likely for an agent of the team (1e-4: with
    /// hundreds of agents, a one in a thousand chance happens every run). The chance is the
    /// beta-binomial tail under the team's prior: agents differ, so it is fatter than the
    /// binomial at the team's mean.
    pub agent_max_chance: f64,
    /// Bounds on the strength of the beta prior fitted to a team (2 and 50 refunds): a team
    /// of identical agents does not drown a real outlier, a scattered team still shrinks.
    pub agent_prior_min_strength: f64,
    pub agent_prior_max_strength: f64,
    /// Refunds to the same account that make a repeated pair (3).
    pub repeat_pair_min: u32,
    /// Occurrences of a collusion sign (overrides, refunds outside the shift, refunds with no
    /// contact, repeated pairs) that make it count (3).
    pub agent_min_signs: u32,
    /// Collusion signs that flag an agent whose rate alone does not (2).
    pub agent_signs_to_flag: u32,
    /// A contact counts for a refund when it came at most this many hours before it (24).
    pub contact_window_hours: u32,
    /// Minutes of slack around a shift (15).
    pub shift_grace_minutes: u32,

    /// An identifier on more accounts than this links nobody (50).
    pub hub_max_accounts: usize,
    /// Two accounts are linked when the weights of what they share add up to this (1.0).
    pub link_threshold: f64,
    /// What sharing each kind of identifier weighs.
    pub link_weights: LinkWeights,
    /// Accounts a ring needs (3).
    pub ring_min_accounts: usize,
    /// Refunds with nothing back a ring needs (3) …
    pub ring_min_loss_refunds: u32,
    /// … spread over at least this many accounts (2).
    pub ring_min_loss_accounts: usize,
    /// Its shrunk loss rate must be this many times the marketplace's (5).
    pub ring_rate_ratio: f64,
    /// Prior strength (in orders) for a ring's loss rate (10).
    pub ring_prior_strength: f64,
    /// Accounts one device must contact support for (3) …
    pub device_min_accounts: usize,
    /// … of which at least this many got a refund with nothing back after such a contact (2).
    pub device_min_loss_accounts: usize,

    /// Known refund-service scripts (placeholders in braces are ignored).
    pub scripts: Vec<String>,
    /// Similarity (Jaccard over content words) to a known script that makes a match (0.3).
    pub script_match: f64,
    /// Similarity between two transcripts that makes them near-duplicates (0.5).
    pub near_duplicate: f64,
    /// Only customer texts of at least this many words are clustered: short messages repeat
    /// naturally, a script is a story told word for word (30).
    pub script_min_words: usize,
    /// Accounts a cluster with no known script needs (5).
    pub script_cluster_min_accounts: usize,

    /// Reviews of one product this close in time form a burst (72 hours).
    pub burst_window_hours: u32,
    /// Reviews one group needs within a burst (3).
    pub review_group_min: usize,
    /// For groups linked only by identifiers (no flagged ring or insider), the burst must be
    /// this many times the product's usual rate (3).
    pub burst_ratio: f64,
}

/// What sharing one kind of identifier weighs towards a link (an IP and its network count
/// once, the higher).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkWeights {
    pub device: f64,
    pub payment: f64,
    pub address: f64,
    pub phone: f64,
    pub ip: f64,
    pub network: f64,
}

impl Default for LinkWeights {
    fn default() -> Self {
        LinkWeights {
            device: 1.0,
            payment: 1.0,
            address: 0.6,
            phone: 0.6,
            ip: 0.6,
            network: 0.4,
        }
    }
}

impl Default for DetectConfig {
    fn default() -> Self {
        DetectConfig {
            high_value_categories: DEFAULT_HIGH_VALUE_CATEGORIES
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
            full_refund_share: 0.8,
            max_event_ids: 50,
            max_listed: 200,
            return_window_days: 30,
            flag_waived_returns: true,
            empty_box_ratio: 0.5,
            warehouses: Vec::new(),
            account_prior_strength: 10.0,
            account_cohort_strength: 200.0,
            account_min_support: 2,
            account_rate_ratio: 4.0,
            account_min_rate: 0.1,
            agent_min_support: 5,
            agent_rate_ratio: 3.0,
            agent_min_excess: 0.05,
            agent_max_chance: 1e-4,
            agent_prior_min_strength: 2.0,
            agent_prior_max_strength: 50.0,
            repeat_pair_min: 3,
            agent_min_signs: 3,
            agent_signs_to_flag: 2,
            contact_window_hours: 24,
            shift_grace_minutes: 15,
            hub_max_accounts: 50,
            link_threshold: 1.0,
            link_weights: LinkWeights::default(),
            ring_min_accounts: 3,
            ring_min_loss_refunds: 3,
            ring_min_loss_accounts: 2,
            ring_rate_ratio: 5.0,
            ring_prior_strength: 10.0,
            device_min_accounts: 3,
            device_min_loss_accounts: 2,
            scripts: Vec::new(),
            script_match: 0.3,
            near_duplicate: 0.5,
            script_min_words: 30,
            script_cluster_min_accounts: 5,
            burst_window_hours: 72,
            review_group_min: 3,
            burst_ratio: 3.0,
        }
    }
}

impl DetectConfig {
    /// The options a [`Model`] needs to compute account aggregates the same way.
    pub fn model_options(&self) -> ModelOptions {
        ModelOptions {
            high_value_categories: self.high_value_categories.clone(),
            empty_box_ratio: self.empty_box_ratio,
            hub_max_accounts: self.hub_max_accounts,
        }
    }
}

/// Which detector made a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    RefundWithoutReturn,
    ReturnMismatch,
    AccountRefundAbuse,
    InsiderCollusion,
    Ring,
    SupportDevice,
    Script,
    FakeReviewRing,
}

impl Detector {
    pub const ALL: &'static [Detector] = &[
        Detector::RefundWithoutReturn,
        Detector::ReturnMismatch,
        Detector::AccountRefundAbuse,
        Detector::InsiderCollusion,
        Detector::Ring,
        Detector::SupportDevice,
        Detector::Script,
        Detector::FakeReviewRing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Detector::RefundWithoutReturn => "refund_without_return",
            Detector::ReturnMismatch => "return_mismatch",
            Detector::AccountRefundAbuse => "account_refund_abuse",
            Detector::InsiderCollusion => "insider_collusion",
            Detector::Ring => "ring",
            Detector::SupportDevice => "support_device",
            Detector::Script => "script",
            Detector::FakeReviewRing => "fake_review_ring",
        }
    }

    pub fn parse(s: &str) -> Option<Detector> {
        Detector::ALL.iter().copied().find(|d| d.as_str() == s)
    }
}

/// What kind of thing a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Account,
    Agent,
    Order,
    Refund,
    Return,
    Contact,
    Review,
    Product,
    Device,
    /// A group of linked accounts or near-identical transcripts, named after its earliest
    /// member.
    Cluster,
}

impl SubjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Account => "account",
            SubjectKind::Agent => "agent",
            SubjectKind::Order => "order",
            SubjectKind::Refund => "refund",
            SubjectKind::Return => "return",
            SubjectKind::Contact => "contact",
            SubjectKind::Review => "review",
            SubjectKind::Product => "product",
            SubjectKind::Device => "device",
            SubjectKind::Cluster => "cluster",
        }
    }
}

/// A thing a finding names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: String,
}

impl Subject {
    pub fn new(kind: SubjectKind, id: &str) -> Subject {
        Subject {
            kind,
            id: id.to_string(),
        }
    }
}

/// One fact behind a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// In plain English, with the numbers.
    pub fact: String,
    /// The events it rests on, oldest first, bounded.
    pub event_ids: Vec<String>,
    /// The fact's main number, when it has one.
    pub value: Option<f64>,
}

/// Something a detector found, stable for storage and webhooks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub detector: Detector,
    /// The detector and the subject: running detection again updates rather than duplicates.
    pub key: String,
    pub subject: Subject,
    /// 0 to 1, higher is surer (a ranking, not a probability).
    pub score: f64,
    /// One plain English sentence an analyst can act on, with the numbers.
    pub summary: String,
    pub evidence: Vec<Evidence>,
    /// Accounts it names, for account actions and case linking (bounded).
    pub accounts: Vec<String>,
    /// Agents it names as suspects (bounded).
    pub agents: Vec<String>,
    /// Other things it names: refunds, returns, orders, contacts, reviews (bounded).
    pub related: Vec<Subject>,
    /// Money at stake, in minor units of `currency` (the currency with the most money at
    /// stake; other currencies are left out).
    pub money_minor: i64,
    pub currency: String,
    /// The first and last events it rests on.
    pub first_at: i64,
    pub last_at: i64,
}

impl Finding {
    pub(crate) fn new(detector: Detector, subject: Subject) -> Finding {
        Finding {
            detector,
            key: format!(
                "{}:{}:{}",
                detector.as_str(),
                subject.kind.as_str(),
                subject.id
            ),
            subject,
            score: 0.0,
            summary: String::new(),
            evidence: Vec::new(),
            accounts: Vec::new(),
            agents: Vec::new(),
            related: Vec::new(),
            money_minor: 0,
            currency: String::new(),
            first_at: 0,
            last_at: 0,
        }
    }
}

/// Runs every detector over what the model knew at `now` (events after it are ignored).
pub fn detect(model: &Model, cfg: &DetectConfig, now: i64) -> Vec<Finding> {
    let facts = Facts::new(model, cfg, now);
    let mut out = Vec::new();
    out.extend(refunds::refund_without_return(&facts));
    out.extend(refunds::return_mismatch(&facts));
    out.extend(accounts::account_refund_abuse(&facts));
    let agents = agents::insider_collusion(&facts);
    let flagged_agents: Vec<Ix> = agents.iter().map(|(ix, _)| *ix).collect();
    out.extend(agents.into_iter().map(|(_, f)| f));
    let rings = rings::rings(&facts);
    out.extend(rings::support_devices(&facts));
    out.extend(scripts::scripts(&facts));
    out.extend(reviews::fake_review_rings(
        &facts,
        &rings.identity,
        &rings.flagged,
        &flagged_agents,
    ));
    out.extend(rings.findings);
    for f in &mut out {
        f.score = f.score.clamp(0.0, 1.0);
        if !f.score.is_finite() {
            f.score = 0.0;
        }
    }
    out.sort_by(|a, b| (a.detector, &a.key).cmp(&(b.detector, &b.key)));
    out
}

// ---------------------------------------------------------------------------------------------
// What every detector needs to know about refunds.

/// What came back for a refund, as known at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Returned in good order.
    Returned,
    /// A required return that may still arrive (scanned, window not over).
    Pending,
    /// A partial refund with nothing asked back (a goodwill gesture).
    Kept,
    /// Money back, nothing (of value) back.
    Lost(Loss),
}

/// Why a refund counts as lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loss {
    /// A full refund with no return asked for.
    NotRequired,
    /// Required, and not scanned by the carrier before the refund (nothing since, or nothing
    /// in good order).
    BeforeScan,
    /// Required, scanned, and not received within the window.
    Missing,
    /// Received far lighter than the item, or marked empty.
    Empty,
    /// Delivered somewhere other than the warehouse.
    Elsewhere,
}

/// One refund with what is known about it at `now`.
#[derive(Debug, Clone)]
pub(crate) struct RefundFact<'m> {
    pub ix: Ix,
    pub id: &'m str,
    pub event: &'m str,
    pub at: i64,
    pub account: Ix,
    pub order: Ix,
    pub agent: Option<Ix>,
    pub amount: i64,
    pub currency: &'m str,
    pub category: &'m str,
    pub high_value: bool,
    pub reason: RefundReason,
    pub return_required: bool,
    pub overrides: bool,
    pub full: bool,
    /// No carrier scan before the refund.
    pub before_scan: bool,
    pub ret: ReturnState,
    pub outcome: Outcome,
}

impl RefundFact<'_> {
    pub fn lost(&self) -> bool {
        matches!(self.outcome, Outcome::Lost(_))
    }

    /// Lost, on a high-value item.
    pub fn high_value_loss(&self) -> bool {
        self.high_value && self.lost()
    }
}

/// The model, the configuration, `now`, and every refund's outcome, computed once.
pub(crate) struct Facts<'m> {
    pub m: &'m Model,
    pub cfg: &'m DetectConfig,
    pub now: i64,
    /// Refunds at or before `now`, oldest first (ties by id).
    pub refunds: Vec<RefundFact<'m>>,
    /// Position in `refunds` by refund index.
    by_ix: Vec<Option<u32>>,
}

impl<'m> Facts<'m> {
    pub fn new(m: &'m Model, cfg: &'m DetectConfig, now: i64) -> Facts<'m> {
        let high_value: HashSet<String> = cfg
            .high_value_categories
            .iter()
            .map(|c| c.trim().to_lowercase())
            .collect();
        let window = i64::from(cfg.return_window_days) * DAY_MS;
        let mut refunds = Vec::new();
        for (ix, id, row) in m.refunds.iter() {
            let Some(rec) = &row.rec else { continue };
            if rec.stamp.at > now {
                continue;
            }
            let r = &rec.value;
            let order = m.orders.row(r.order).and_then(|o| o.rec.as_ref());
            let category = r
                .category
                .as_deref()
                .or(order.map(|o| &*o.value.category))
                .unwrap_or("");
            let full = match order {
                Some(o) if *o.value.currency == *r.currency && o.value.total_minor > 0 => {
                    r.amount_minor as f64 >= cfg.full_refund_share * o.value.total_minor as f64
                }
                _ => true,
            };
            let ret = m.return_state(r.order, now, &cfg.warehouses, cfg.empty_box_ratio);
            let at = rec.stamp.at;
            let before_scan = ret.first_scan_at.is_none_or(|s| s > at);
            let outcome = if !r.return_required {
                if full {
                    Outcome::Lost(Loss::NotRequired)
                } else {
                    Outcome::Kept
                }
            } else if ret.received_ok.is_some() {
                Outcome::Returned
            } else if ret.received_mismatched.is_some() {
                Outcome::Lost(Loss::Empty)
            } else if ret.delivered_elsewhere.is_some() {
                Outcome::Lost(Loss::Elsewhere)
            } else if before_scan {
                Outcome::Lost(Loss::BeforeScan)
            } else if now.saturating_sub(at) >= window {
                Outcome::Lost(Loss::Missing)
            } else {
                Outcome::Pending
            };
            refunds.push(RefundFact {
                ix,
                id,
                event: &rec.stamp.event,
                at,
                account: r.account,
                order: r.order,
                agent: r.agent,
                amount: r.amount_minor,
                currency: &r.currency,
                category,
                high_value: high_value.contains(category),
                reason: r.reason,
                return_required: r.return_required,
                overrides: r.overrides_denial,
                full,
                before_scan,
                ret,
                outcome,
            });
        }
        refunds.sort_by(|a, b| (a.at, a.id).cmp(&(b.at, b.id)));
        let mut by_ix = vec![None; m.refunds.len()];
        for (pos, f) in refunds.iter().enumerate() {
            if let Some(slot) = by_ix.get_mut(f.ix as usize) {
                *slot = u32::try_from(pos).ok();
            }
        }
        Facts {
            m,
            cfg,
            now,
            refunds,
            by_ix,
        }
    }

    /// The refund's facts, when it happened at or before `now`.
    pub fn refund(&self, ix: Ix) -> Option<&RefundFact<'m>> {
        let pos = (*self.by_ix.get(ix as usize)?)?;
        self.refunds.get(pos as usize)
    }

    /// An account's refunds at or before `now`, oldest first.
    pub fn account_refunds(&self, account: Ix) -> Vec<&RefundFact<'m>> {
        let mut out: Vec<&RefundFact> = self
            .m
            .accounts
            .row(account)
            .map(|a| a.refunds.iter().filter_map(|&r| self.refund(r)).collect())
            .unwrap_or_default();
        out.sort_by(|a, b| (a.at, a.id).cmp(&(b.at, b.id)));
        out
    }

    /// An account's orders at or before `now`.
    pub fn account_orders(&self, account: Ix) -> u64 {
        self.m.accounts.row(account).map_or(0, |a| {
            a.orders
                .iter()
                .filter_map(|&o| self.m.orders.row(o)?.rec.as_ref())
                .filter(|o| o.stamp.at <= self.now)
                .count() as u64
        })
    }

    /// The order's event and its returns' stage events, at or before `now`.
    pub fn order_events(&self, order: Ix) -> Vec<(i64, &'m str)> {
        let mut out = Vec::new();
        let Some(row) = self.m.orders.row(order) else {
            return out;
        };
        if let Some(rec) = row.rec.as_ref().filter(|r| r.stamp.at <= self.now) {
            out.push((rec.stamp.at, &*rec.stamp.event));
        }
        for &r in &row.returns {
            if let Some(ret) = self.m.returns.row(r) {
                for st in ret.stages.iter().filter(|st| st.at <= self.now) {
                    out.push((st.at, &*st.event));
                }
            }
        }
        out
    }

    pub fn account_id(&self, ix: Ix) -> &'m str {
        self.m.accounts.id(ix)
    }

    pub fn agent_id(&self, ix: Ix) -> &'m str {
        self.m.agents.id(ix)
    }

    /// Event ids, oldest first, bounded.
    pub fn event_ids(&self, mut events: Vec<(i64, &str)>) -> Vec<String> {
        events.sort_unstable();
        events.dedup();
        events
            .into_iter()
            .take(self.cfg.max_event_ids)
            .map(|(_, e)| e.to_string())
            .collect()
    }

    /// Sorted, deduplicated, bounded.
    pub fn listed(&self, mut ids: Vec<String>) -> Vec<String> {
        ids.sort_unstable();
        ids.dedup();
        ids.truncate(self.cfg.max_listed);
        ids
    }

    /// Sorted, deduplicated, bounded.
    pub fn related(&self, mut subjects: Vec<Subject>) -> Vec<Subject> {
        subjects.sort_unstable();
        subjects.dedup();
        subjects.truncate(self.cfg.max_listed);
        subjects
    }
}

/// Money summed per currency; the currency with the most money wins, the rest is left out.
#[derive(Debug, Default)]
pub(crate) struct Purse(Vec<(String, i64)>);

impl Purse {
    pub fn add(&mut self, currency: &str, minor: i64) {
        match self.0.iter_mut().find(|(c, _)| c == currency) {
            Some((_, sum)) => *sum = sum.saturating_add(minor),
            None => self.0.push((currency.to_string(), minor)),
        }
    }

    /// The largest sum and its currency (ties to the first currency alphabetically).
    pub fn main(&self) -> (i64, String) {
        let mut best: Option<&(String, i64)> = None;
        for entry in &self.0 {
            if best.is_none_or(|b| entry.1 > b.1 || (entry.1 == b.1 && entry.0 < b.0)) {
                best = Some(entry);
            }
        }
        best.map_or((0, String::new()), |b| (b.1, b.0.clone()))
    }

    /// "1234.50 EUR", or "nothing".
    pub fn text(&self) -> String {
        let (minor, currency) = self.main();
        if currency.is_empty() {
            "nothing".into()
        } else {
            money(minor, &currency)
        }
    }
}

/// "1234.50 EUR".
pub(crate) fn money(minor: i64, currency: &str) -> String {
    let digits = rampart_indicators::codes::currency(currency).map_or(2, |c| c.1);
    format!(
        "{} {currency}",
        rampart_indicators::codes::major_string(minor, digits)
    )
}

/// "1 refund", "3 refunds".
pub(crate) fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A rate with two significant digits: "0.48", "0.018", "0.0010".
pub(crate) fn rate(x: f64) -> String {
    if !x.is_finite() {
        return "?".into();
    }
    let a = x.abs();
    if a >= 0.1 || a == 0.0 {
        format!("{x:.2}")
    } else if a >= 0.01 {
        format!("{x:.3}")
    } else if a >= 0.001 {
        format!("{x:.4}")
    } else {
        format!("{x:.1e}")
    }
}

/// Days, one decimal.
pub(crate) fn days(ms: i64) -> String {
    format!("{:.1}", ms as f64 / DAY_MS as f64)
}

/// A squashing of any non-negative strength into 0..1: 0 at 0, 0.5 at `half`.
pub(crate) fn squash(x: f64, half: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 || half <= 0.0 {
        return 0.0;
    }
    x / (x + half)
}

/// A union-find over `0..n`, union by size. Representatives depend on the order of unions:
/// never show them, name components by their members.
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).map(|i| i as u32).collect(),
            size: vec![1; n],
        }
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        while let Some(&p) = self.parent.get(x as usize) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p as usize).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x as usize) {
                *slot = gp;
            }
            x = gp;
        }
        x
    }

    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (
            self.size.get(ra as usize).copied().unwrap_or(1),
            self.size.get(rb as usize).copied().unwrap_or(1),
        );
        let (big, small) = if sa >= sb { (ra, rb) } else { (rb, ra) };
        if let Some(p) = self.parent.get_mut(small as usize) {
            *p = big;
        }
        if let Some(s) = self.size.get_mut(big as usize) {
            *s = sa.saturating_add(sb);
        }
    }
}
