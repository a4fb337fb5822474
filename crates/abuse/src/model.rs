//! The marketplace in memory, built from events in any order: accounts, orders, returns,
//! refunds, support contacts, reviews and staff, keyed by their ids and indexed by account, so
//! the detectors ([`crate::detect`]) can walk it and a decision can ask for an account's
//! aggregates ([`AccountStats`]) in microseconds.
//!
//! **Order does not matter.** The state is a function of the *set* of events applied: an event
//! id seen before is ignored; when two events describe the same entity, the later one (by `at`,
//! ties broken by event id) wins, field by field for account details; return stages, staff
//! shifts and the identifiers seen on an account are unions. A refund may arrive before its
//! order and a carrier scan before its label: what is missing is simply absent until it comes.
//!
//! **Memory** grows with the number of distinct events: about 0.6 KB an event with the
//! simulator's mix (200 MB for 100,000 accounts over 60 days, 364,000 events), event ids
//! included, since every id must be remembered to ignore it the second time. Every stored text
//! is cut ([`MAX_STORED_TRANSCRIPT_CHARS`], [`MAX_STORED_REVIEW_CHARS`]), a return keeps at
//! most [`MAX_STAGES`] stages and an agent [`MAX_SHIFTS`] shifts. Per-account lists are not cut:
//! [`Model::stats`] costs time in proportion to the account's own events (microseconds for a
//! real customer). The server bounds the whole by retention: a node rebuilds its model from
//! the log's retained window.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::IpAddr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::events::{Address, Body, Condition, Event, IssuedBy, RefundReason, ReturnStage, Shift};
use crate::stats::AccountStats;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// A support transcript is kept up to this many characters: scripts are told at the start.
pub const MAX_STORED_TRANSCRIPT_CHARS: usize = 4_000;
/// A review's text is kept up to this many characters.
pub const MAX_STORED_REVIEW_CHARS: usize = 500;

/// Stages kept per return (the first in time).
pub const MAX_STAGES: usize = 64;
/// Shifts kept per agent (the latest): about fifteen years of full-time work.
pub const MAX_SHIFTS: usize = 4_000;

/// Categories counted as high value unless configured otherwise.
pub const DEFAULT_HIGH_VALUE_CATEGORIES: &[&str] = &[
    "laptops",
    "phones",
    "consoles",
    "coins",
    "tablets",
    "cameras",
    "watches",
    "jewellery",
];

/// What the model needs to know to compute [`AccountStats`]; the detectors take the same
/// values from their configuration ([`crate::detect::DetectConfig::model_options`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelOptions {
    /// Categories whose refunds count as high value (lower case).
    pub high_value_categories: Vec<String>,
    /// A received return weighing less than this share of the lightest unit ordered is an
    /// empty box.
    pub empty_box_ratio: f64,
    /// An identifier seen on more accounts than this is a hub (a shared office network, a
    /// parcel shop) and links nobody.
    pub hub_max_accounts: usize,
}

impl Default for ModelOptions {
    fn default() -> Self {
        ModelOptions {
            high_value_categories: DEFAULT_HIGH_VALUE_CATEGORIES
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
            empty_box_ratio: 0.5,
            hub_max_accounts: 50,
        }
    }
}

/// An index into one of the model's tables.
pub(crate) type Ix = u32;

/// A shared string: event ids, entity ids and repeated short texts are stored once.
pub(crate) type Text = Arc<str>;

/// Which version of an entity wins: the later `at`, then the greater event id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Stamp {
    pub at: i64,
    pub event: Text,
}

/// A value and the event that set it.
#[derive(Debug, Clone)]
pub(crate) struct Latest<T> {
    pub stamp: Stamp,
    pub value: T,
}

/// Keeps `value` when its stamp is later than what is there; says whether it did.
fn merge<T>(slot: &mut Option<Latest<T>>, stamp: &Stamp, value: T) -> bool {
    merge_with(slot, stamp, || value)
}

/// [`merge`], making the value only when it is kept.
fn merge_with<T>(slot: &mut Option<Latest<T>>, stamp: &Stamp, value: impl FnOnce() -> T) -> bool {
    match slot {
        Some(old) if old.stamp >= *stamp => false,
        _ => {
            *slot = Some(Latest {
                stamp: stamp.clone(),
                value: value(),
            });
            true
        }
    }
}

/// Rows by id, each id interned once.
#[derive(Debug)]
pub(crate) struct Table<T> {
    index: HashMap<Text, Ix>,
    pub rows: Vec<(Text, T)>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            index: HashMap::new(),
            rows: Vec::new(),
        }
    }
}

impl<T: Default> Table<T> {
    /// The row for `id`, created empty when new.
    fn ix(&mut self, id: &str) -> Ix {
        if let Some(&ix) = self.index.get(id) {
            return ix;
        }
        // More than four billion rows of one kind is beyond what one node holds.
        let ix = Ix::try_from(self.rows.len()).unwrap_or(Ix::MAX);
        let id: Text = id.into();
        self.index.insert(id.clone(), ix);
        self.rows.push((id, T::default()));
        ix
    }
}

impl<T> Table<T> {
    pub fn get(&self, id: &str) -> Option<Ix> {
        self.index.get(id).copied()
    }

    pub fn id(&self, ix: Ix) -> &str {
        self.rows.get(ix as usize).map_or("", |r| &r.0)
    }

    pub fn row(&self, ix: Ix) -> Option<&T> {
        self.rows.get(ix as usize).map(|r| &r.1)
    }

    fn row_mut(&mut self, ix: Ix) -> Option<&mut T> {
        self.rows.get_mut(ix as usize).map(|r| &mut r.1)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Ix, &str, &T)> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, (id, row))| (i as Ix, &**id, row))
    }
}

/// Adds `ix` to a list; `fresh` says it cannot be there yet (a new entity), sparing the search.
fn link(list: &mut Vec<Ix>, ix: Ix, fresh: bool) {
    if fresh || !list.contains(&ix) {
        list.push(ix);
    }
}

fn unlink(list: &mut Vec<Ix>, ix: Ix) {
    if let Some(p) = list.iter().position(|&x| x == ix) {
        list.swap_remove(p);
    }
}

/// What an identifier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentKind {
    Device,
    Payment,
    Address,
    Phone,
    Ip,
    /// An IPv4 /24 or an IPv6 /64.
    Network,
}

impl IdentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IdentKind::Device => "device",
            IdentKind::Payment => "payment fingerprint",
            IdentKind::Address => "address",
            IdentKind::Phone => "phone",
            IdentKind::Ip => "IP address",
            IdentKind::Network => "network",
        }
    }

    fn tag(self) -> char {
        match self {
            IdentKind::Device => 'd',
            IdentKind::Payment => 'p',
            IdentKind::Address => 'a',
            IdentKind::Phone => 't',
            IdentKind::Ip => 'i',
            IdentKind::Network => 'n',
        }
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct AccountRow {
    /// The first account event's time.
    pub first_at: Option<i64>,
    pub email: Option<Latest<Text>>,
    pub phone: Option<Latest<Text>>,
    pub name: Option<Latest<Text>>,
    pub addresses: Option<Latest<Vec<Address>>>,
    pub device: Option<Latest<Text>>,
    pub ip: Option<Latest<IpAddr>>,
    pub payment: Option<Latest<Text>>,
    pub orders: Vec<Ix>,
    pub refunds: Vec<Ix>,
    pub returns: Vec<Ix>,
    pub contacts: Vec<Ix>,
    pub reviews: Vec<Ix>,
    /// Identifiers seen on the account (its details, its orders' addresses, the devices and
    /// networks it contacted support from); when each was first seen is in `ident_seen`.
    pub idents: Vec<Ix>,
    /// Account events applied, for `known`.
    pub events: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct OrderRec {
    pub account: Ix,
    /// Sum of the items in `currency` (the currency of the dearest item).
    pub total_minor: i64,
    pub currency: Text,
    /// The dearest item's category.
    pub category: Text,
    /// The lightest unit's weight, when every item's weight is known.
    pub min_unit_grams: Option<u32>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct OrderRow {
    pub rec: Option<Latest<OrderRec>>,
    pub returns: Vec<Ix>,
    pub refunds: Vec<Ix>,
    pub contacts: Vec<Ix>,
}

#[derive(Debug, Clone)]
pub(crate) struct ReturnHead {
    pub order: Ix,
    pub account: Ix,
}

/// One stage of a return as reported by one event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct StageRec {
    pub at: i64,
    pub event: Text,
    pub stage: StageOrd,
    pub location: Option<Text>,
    pub warehouse: Option<Text>,
    pub weight_grams: Option<u32>,
    pub condition: Option<ConditionOrd>,
}

/// [`ReturnStage`] with an order, for sorting stage records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct StageOrd(pub u8);

impl StageOrd {
    fn of(s: ReturnStage) -> StageOrd {
        StageOrd(match s {
            ReturnStage::LabelCreated => 0,
            ReturnStage::CarrierScan => 1,
            ReturnStage::Delivered => 2,
            ReturnStage::Received => 3,
        })
    }

    pub fn stage(self) -> ReturnStage {
        match self.0 {
            0 => ReturnStage::LabelCreated,
            1 => ReturnStage::CarrierScan,
            2 => ReturnStage::Delivered,
            _ => ReturnStage::Received,
        }
    }
}

/// [`Condition`] with an order, for sorting stage records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ConditionOrd(pub u8);

impl ConditionOrd {
    fn of(c: Condition) -> ConditionOrd {
        ConditionOrd(match c {
            Condition::AsNew => 0,
            Condition::Used => 1,
            Condition::Damaged => 2,
            Condition::WrongItem => 3,
            Condition::Empty => 4,
        })
    }

    pub fn condition(self) -> Condition {
        match self.0 {
            0 => Condition::AsNew,
            1 => Condition::Used,
            2 => Condition::Damaged,
            3 => Condition::WrongItem,
            _ => Condition::Empty,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct ReturnRow {
    pub head: Option<Latest<ReturnHead>>,
    /// Every stage reported, sorted, once per event.
    pub stages: Vec<StageRec>,
}

#[derive(Debug, Clone)]
pub(crate) struct RefundRec {
    pub order: Ix,
    pub account: Ix,
    pub amount_minor: i64,
    pub currency: Text,
    pub reason: RefundReason,
    pub agent: Option<Ix>,
    pub return_required: bool,
    pub overrides_denial: bool,
    pub category: Option<Text>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct RefundRow {
    pub rec: Option<Latest<RefundRec>>,
}

#[derive(Debug, Clone)]
pub(crate) struct ContactRec {
    pub account: Ix,
    pub agent: Option<Ix>,
    pub order: Option<Ix>,
    pub device: Option<Text>,
    /// The transcript, cut to [`MAX_STORED_TRANSCRIPT_CHARS`].
    pub transcript: Box<str>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct ContactRow {
    pub rec: Option<Latest<ContactRec>>,
}

#[derive(Debug, Clone)]
pub(crate) struct ReviewRec {
    pub account: Ix,
    pub product: Ix,
    pub rating: u8,
    /// The text, cut to [`MAX_STORED_REVIEW_CHARS`].
    pub text: Box<str>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct ReviewRow {
    pub rec: Option<Latest<ReviewRec>>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct ProductRow {
    pub reviews: Vec<Ix>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct AgentRow {
    pub team: Option<Latest<Text>>,
    pub site: Option<Latest<Text>>,
    /// Every shift of every staff event, sorted, once each.
    pub shifts: Vec<Shift>,
    pub refunds: Vec<Ix>,
    pub contacts: Vec<Ix>,
}

#[derive(Debug, Clone)]
pub(crate) struct IdentRow {
    pub kind: IdentKind,
    /// The accounts it was seen on.
    pub accounts: Vec<Ix>,
}

impl Default for IdentRow {
    fn default() -> Self {
        IdentRow {
            kind: IdentKind::Device,
            accounts: Vec::new(),
        }
    }
}

/// The marketplace as known from the events applied so far. See the module documentation.
#[derive(Debug)]
pub struct Model {
    options: ModelOptions,
    high_value: HashSet<String>,
    seen: HashSet<Text>,
    /// Short texts that repeat (currencies, categories, places, teams), stored once.
    atoms: HashSet<Text>,
    /// Reused to build identifier keys.
    key: String,
    latest: i64,
    pub(crate) accounts: Table<AccountRow>,
    pub(crate) orders: Table<OrderRow>,
    pub(crate) returns: Table<ReturnRow>,
    pub(crate) refunds: Table<RefundRow>,
    pub(crate) contacts: Table<ContactRow>,
    pub(crate) reviews: Table<ReviewRow>,
    pub(crate) products: Table<ProductRow>,
    pub(crate) agents: Table<AgentRow>,
    /// Identifiers, keyed by a one-letter kind tag, a colon and the normalised value.
    pub(crate) idents: Table<IdentRow>,
    /// When each identifier was first seen on each account.
    pub(crate) ident_seen: HashMap<(Ix, Ix), i64, PairHasher>,
}

/// Hashes a pair of the model's own indices (never text a customer wrote, so no flooding to
/// fear): one multiplication instead of SipHash, on the model's busiest map.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PairHasher;

impl std::hash::BuildHasher for PairHasher {
    type Hasher = PairHash;

    fn build_hasher(&self) -> PairHash {
        PairHash(0)
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct PairHash(u64);

impl std::hash::Hasher for PairHash {
    fn finish(&self) -> u64 {
        // Fold the high bits down: hashbrown takes both the top and the bottom bits.
        let h = self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(32) ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

impl Model {
    /// An empty model with the default options.
    pub fn new() -> Model {
        Model::with_options(ModelOptions::default())
    }

    /// An empty model.
    pub fn with_options(options: ModelOptions) -> Model {
        let mut m = Model {
            options: ModelOptions::default(),
            high_value: HashSet::new(),
            seen: HashSet::new(),
            atoms: HashSet::new(),
            key: String::new(),
            latest: 0,
            accounts: Table::default(),
            orders: Table::default(),
            returns: Table::default(),
            refunds: Table::default(),
            contacts: Table::default(),
            reviews: Table::default(),
            products: Table::default(),
            agents: Table::default(),
            idents: Table::default(),
            ident_seen: HashMap::with_hasher(PairHasher),
        };
        m.set_options(options);
        m
    }

    /// Changes the options; they only affect what [`Model::stats`] computes, not the state.
    pub fn set_options(&mut self, options: ModelOptions) {
        self.high_value = options
            .high_value_categories
            .iter()
            .map(|c| c.trim().to_lowercase())
            .collect();
        self.options = options;
    }

    pub fn options(&self) -> &ModelOptions {
        &self.options
    }

    /// Distinct events applied.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// The newest event time seen, UTC Unix milliseconds; 0 when empty.
    pub fn latest(&self) -> i64 {
        self.latest
    }

    /// Whether a category counts as high value.
    pub fn is_high_value(&self, category: &str) -> bool {
        self.high_value.contains(category)
    }

    /// Adds one event. Returns false (and changes nothing) when its event id was already
    /// applied.
    pub fn apply(&mut self, event: &Event) -> bool {
        if self.seen.contains(event.id.as_str()) {
            return false;
        }
        let id: Text = event.id.as_str().into();
        self.seen.insert(id.clone());
        self.latest = self.latest.max(event.at);
        let stamp = Stamp {
            at: event.at,
            event: id,
        };
        match &event.body {
            Body::Account(a) => self.apply_account(&stamp, a),
            Body::Order(o) => self.apply_order(&stamp, o),
            Body::Return(r) => self.apply_return(&stamp, r),
            Body::Refund(r) => self.apply_refund(&stamp, r),
            Body::Contact(c) => self.apply_contact(&stamp, c),
            Body::Review(r) => self.apply_review(&stamp, r),
            Body::Staff(s) => self.apply_staff(&stamp, s),
        }
        true
    }

    /// A repeated short text, stored once.
    fn atom(&mut self, s: &str) -> Text {
        if let Some(a) = self.atoms.get(s) {
            return a.clone();
        }
        let a: Text = s.into();
        self.atoms.insert(a.clone());
        a
    }

    fn observe(&mut self, account: Ix, kind: IdentKind, value: &str, at: i64) {
        if value.is_empty() {
            return;
        }
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push(kind.tag());
        key.push(':');
        key.push_str(value);
        let ident = self.idents.ix(&key);
        self.key = key;
        match self.ident_seen.get_mut(&(account, ident)) {
            Some(first) => *first = (*first).min(at),
            None => {
                self.ident_seen.insert((account, ident), at);
                if let Some(row) = self.idents.row_mut(ident) {
                    row.kind = kind;
                    row.accounts.push(account);
                }
                if let Some(row) = self.accounts.row_mut(account) {
                    row.idents.push(ident);
                }
            }
        }
    }

    /// When an identifier was first seen on an account.
    pub(crate) fn seen_at(&self, account: Ix, ident: Ix) -> Option<i64> {
        self.ident_seen.get(&(account, ident)).copied()
    }

    fn observe_ip(&mut self, account: Ix, ip: IpAddr, at: i64) {
        self.observe(account, IdentKind::Ip, &ip.to_string(), at);
        self.observe(account, IdentKind::Network, &network_of(ip), at);
    }

    fn apply_account(&mut self, stamp: &Stamp, a: &crate::events::Account) {
        let ix = self.accounts.ix(&a.account_id);
        if let Some(row) = self.accounts.row_mut(ix) {
            row.events = row.events.saturating_add(1);
            row.first_at = Some(row.first_at.map_or(stamp.at, |f| f.min(stamp.at)));
            if let Some(v) = &a.email {
                merge_with(&mut row.email, stamp, || v.as_str().into());
            }
            if let Some(v) = &a.phone {
                merge_with(&mut row.phone, stamp, || v.as_str().into());
            }
            if let Some(v) = &a.name {
                merge_with(&mut row.name, stamp, || v.as_str().into());
            }
            if !a.addresses.is_empty() {
                merge_with(&mut row.addresses, stamp, || a.addresses.clone());
            }
            if let Some(v) = &a.device_id {
                merge_with(&mut row.device, stamp, || v.as_str().into());
            }
            if let Some(v) = a.ip {
                merge(&mut row.ip, stamp, v);
            }
            if let Some(v) = &a.payment_fingerprint {
                merge_with(&mut row.payment, stamp, || v.as_str().into());
            }
        }
        if let Some(v) = &a.device_id {
            self.observe(ix, IdentKind::Device, v, stamp.at);
        }
        if let Some(v) = &a.payment_fingerprint {
            self.observe(ix, IdentKind::Payment, v, stamp.at);
        }
        if let Some(v) = a.phone.as_deref().and_then(phone_key) {
            self.observe(ix, IdentKind::Phone, &v, stamp.at);
        }
        for addr in &a.addresses {
            if let Some(v) = address_key(addr) {
                self.observe(ix, IdentKind::Address, &v, stamp.at);
            }
        }
        if let Some(ip) = a.ip {
            self.observe_ip(ix, ip, stamp.at);
        }
    }

    fn apply_order(&mut self, stamp: &Stamp, o: &crate::events::Order) {
        let account = self.accounts.ix(&o.account_id);
        let ix = self.orders.ix(&o.order_id);
        let mut rec = order_rec(account, o);
        rec.currency = self.atom(&rec.currency);
        rec.category = self.atom(&rec.category);
        let Some(row) = self.orders.row_mut(ix) else {
            return;
        };
        let old = row.rec.as_ref().map(|r| r.value.account);
        if merge(&mut row.rec, stamp, rec) {
            self.relink_account(old, Some(account), ix, |a| &mut a.orders);
        }
        if let Some(v) = o.shipping_address.as_ref().and_then(address_key) {
            self.observe(account, IdentKind::Address, &v, stamp.at);
        }
    }

    fn apply_return(&mut self, stamp: &Stamp, r: &crate::events::Return) {
        let account = self.accounts.ix(&r.account_id);
        let order = self.orders.ix(&r.order_id);
        let ix = self.returns.ix(&r.return_id);
        let location = r.location.as_deref().map(|l| self.atom(l));
        let warehouse = r.warehouse.as_deref().map(|w| self.atom(w));
        let Some(row) = self.returns.row_mut(ix) else {
            return;
        };
        let rec = StageRec {
            at: stamp.at,
            event: stamp.event.clone(),
            stage: StageOrd::of(r.stage),
            location,
            warehouse,
            weight_grams: r.weight_grams,
            condition: r.condition.map(ConditionOrd::of),
        };
        // The first stages in time order are kept (a return has a handful); what is kept does
        // not depend on the order of arrival.
        if let Err(p) = row.stages.binary_search(&rec)
            && p < MAX_STAGES
        {
            row.stages.insert(p, rec);
            row.stages.truncate(MAX_STAGES);
        }
        let old = row.head.as_ref().map(|h| (h.value.account, h.value.order));
        if merge(&mut row.head, stamp, ReturnHead { order, account }) {
            self.relink_account(old.map(|o| o.0), Some(account), ix, |a| &mut a.returns);
            self.relink_order(old.map(|o| o.1), Some(order), ix, |o| &mut o.returns);
        }
    }

    fn apply_refund(&mut self, stamp: &Stamp, r: &crate::events::Refund) {
        let account = self.accounts.ix(&r.account_id);
        let order = self.orders.ix(&r.order_id);
        let agent = match &r.issued_by {
            IssuedBy::Agent(a) => Some(self.agents.ix(a)),
            IssuedBy::Automatic => None,
        };
        let ix = self.refunds.ix(&r.refund_id);
        let rec = RefundRec {
            order,
            account,
            amount_minor: r.amount.minor,
            currency: self.atom(&r.amount.currency),
            reason: r.reason,
            agent,
            return_required: r.return_required,
            overrides_denial: r.overrides_denial,
            category: r.category.as_deref().map(|c| self.atom(c)),
        };
        let Some(row) = self.refunds.row_mut(ix) else {
            return;
        };
        let old = row
            .rec
            .as_ref()
            .map(|x| (x.value.account, x.value.order, x.value.agent));
        if merge(&mut row.rec, stamp, rec) {
            self.relink_account(old.map(|o| o.0), Some(account), ix, |a| &mut a.refunds);
            self.relink_order(old.map(|o| o.1), Some(order), ix, |o| &mut o.refunds);
            self.relink_agent(old.and_then(|o| o.2), agent, ix, |g| &mut g.refunds);
        }
    }

    fn apply_contact(&mut self, stamp: &Stamp, c: &crate::events::Contact) {
        let account = self.accounts.ix(&c.account_id);
        let agent = c.agent_id.as_deref().map(|a| self.agents.ix(a));
        let order = c.order_id.as_deref().map(|o| self.orders.ix(o));
        let device = c.device_id.as_deref().map(|d| self.atom(d));
        let ix = self.contacts.ix(&c.contact_id);
        let rec = ContactRec {
            account,
            agent,
            order,
            device,
            transcript: cut(&c.transcript, MAX_STORED_TRANSCRIPT_CHARS).into(),
        };
        let Some(row) = self.contacts.row_mut(ix) else {
            return;
        };
        let old = row
            .rec
            .as_ref()
            .map(|x| (x.value.account, x.value.order, x.value.agent));
        if merge(&mut row.rec, stamp, rec) {
            self.relink_account(old.map(|o| o.0), Some(account), ix, |a| &mut a.contacts);
            self.relink_order(old.and_then(|o| o.1), order, ix, |o| &mut o.contacts);
            self.relink_agent(old.and_then(|o| o.2), agent, ix, |g| &mut g.contacts);
        }
        if let Some(d) = &c.device_id {
            self.observe(account, IdentKind::Device, d, stamp.at);
        }
        if let Some(ip) = c.ip {
            self.observe_ip(account, ip, stamp.at);
        }
    }

    fn apply_review(&mut self, stamp: &Stamp, r: &crate::events::Review) {
        let account = self.accounts.ix(&r.account_id);
        let product = self.products.ix(&r.product_id);
        let ix = self.reviews.ix(&r.review_id);
        let rec = ReviewRec {
            account,
            product,
            rating: r.rating,
            text: cut(&r.text, MAX_STORED_REVIEW_CHARS).into(),
        };
        let Some(row) = self.reviews.row_mut(ix) else {
            return;
        };
        let old = row.rec.as_ref().map(|x| (x.value.account, x.value.product));
        if merge(&mut row.rec, stamp, rec) {
            self.relink_account(old.map(|o| o.0), Some(account), ix, |a| &mut a.reviews);
            let (old_product, new_product) = (old.map(|o| o.1), product);
            if old_product != Some(new_product) {
                if let Some(p) = old_product.and_then(|p| self.products.row_mut(p)) {
                    unlink(&mut p.reviews, ix);
                }
                if let Some(p) = self.products.row_mut(new_product) {
                    link(&mut p.reviews, ix, old_product.is_none());
                }
            }
        }
    }

    fn apply_staff(&mut self, stamp: &Stamp, s: &crate::events::Staff) {
        let ix = self.agents.ix(&s.agent_id);
        let team = (!s.team.is_empty()).then(|| self.atom(&s.team));
        let site = s.site.as_deref().map(|x| self.atom(x));
        let Some(row) = self.agents.row_mut(ix) else {
            return;
        };
        if let Some(team) = team {
            merge(&mut row.team, stamp, team);
        }
        if let Some(site) = site {
            merge(&mut row.site, stamp, site);
        }
        // The latest shifts are kept; what is kept does not depend on the order of arrival.
        for shift in &s.shifts {
            let key = (shift.start, shift.end);
            if let Err(p) = row.shifts.binary_search_by_key(&key, |x| (x.start, x.end)) {
                if row.shifts.len() >= MAX_SHIFTS {
                    if p == 0 {
                        continue;
                    }
                    row.shifts.insert(p, *shift);
                    row.shifts.remove(0);
                } else {
                    row.shifts.insert(p, *shift);
                }
            }
        }
    }

    fn relink_account(
        &mut self,
        old: Option<Ix>,
        new: Option<Ix>,
        ix: Ix,
        list: impl Fn(&mut AccountRow) -> &mut Vec<Ix>,
    ) {
        if old == new && old.is_some() {
            return;
        }
        if let Some(row) = old.and_then(|a| self.accounts.row_mut(a)) {
            unlink(list(row), ix);
        }
        if let Some(row) = new.and_then(|a| self.accounts.row_mut(a)) {
            link(list(row), ix, old.is_none());
        }
    }

    fn relink_order(
        &mut self,
        old: Option<Ix>,
        new: Option<Ix>,
        ix: Ix,
        list: impl Fn(&mut OrderRow) -> &mut Vec<Ix>,
    ) {
        if old == new && old.is_some() {
            return;
        }
        if let Some(row) = old.and_then(|o| self.orders.row_mut(o)) {
            unlink(list(row), ix);
        }
        if let Some(row) = new.and_then(|o| self.orders.row_mut(o)) {
            link(list(row), ix, old.is_none());
        }
    }

    fn relink_agent(
        &mut self,
        old: Option<Ix>,
        new: Option<Ix>,
        ix: Ix,
        list: impl Fn(&mut AgentRow) -> &mut Vec<Ix>,
    ) {
        if old == new && old.is_some() {
            return;
        }
        if let Some(row) = old.and_then(|g| self.agents.row_mut(g)) {
            unlink(list(row), ix);
        }
        if let Some(row) = new.and_then(|g| self.agents.row_mut(g)) {
            link(list(row), ix, old.is_none());
        }
    }

    // -- reading ---------------------------------------------------------------------------

    /// What is known about an order's return at `as_of`, over all its returns.
    /// `warehouses`: where returns may be delivered; empty to trust each return's own
    /// `warehouse`. `empty_box_ratio`: see [`ModelOptions::empty_box_ratio`].
    pub(crate) fn return_state(
        &self,
        order: Ix,
        as_of: i64,
        warehouses: &[String],
        empty_box_ratio: f64,
    ) -> ReturnState {
        let mut st = ReturnState::default();
        let Some(row) = self.orders.row(order) else {
            return st;
        };
        let min_unit = row.rec.as_ref().and_then(|r| r.value.min_unit_grams);
        for &r in &row.returns {
            let Some(ret) = self.returns.row(r) else {
                continue;
            };
            st.returns += 1;
            for s in ret.stages.iter().filter(|s| s.at <= as_of) {
                match s.stage.stage() {
                    ReturnStage::LabelCreated => {
                        st.label_at = Some(st.label_at.map_or(s.at, |l| l.min(s.at)));
                    }
                    ReturnStage::CarrierScan => {
                        st.first_scan_at = Some(st.first_scan_at.map_or(s.at, |f| f.min(s.at)));
                    }
                    ReturnStage::Delivered => {
                        st.first_scan_at = Some(st.first_scan_at.map_or(s.at, |f| f.min(s.at)));
                        if elsewhere(s, warehouses) {
                            st.delivered_elsewhere = Some(s.at);
                        }
                    }
                    ReturnStage::Received => {
                        st.first_scan_at = Some(st.first_scan_at.map_or(s.at, |f| f.min(s.at)));
                        if mismatched(s, min_unit, empty_box_ratio) {
                            st.received_mismatched = Some(s.at);
                        } else {
                            st.received_ok = Some(st.received_ok.map_or(s.at, |f| f.min(s.at)));
                        }
                    }
                }
            }
        }
        st
    }

    /// The category a refund is about: its own, or its order's dearest item's.
    pub(crate) fn refund_category<'a>(&'a self, r: &'a RefundRec) -> Option<&'a str> {
        r.category.as_deref().or_else(|| {
            self.orders
                .row(r.order)
                .and_then(|o| o.rec.as_ref())
                .map(|o| &*o.value.category)
        })
    }

    /// Whether a refund gave money back with nothing back, as known at `as_of`: the return
    /// was not required, or it was and nothing arrived in good order.
    pub(crate) fn without_return(&self, r: &RefundRec, as_of: i64) -> bool {
        !r.return_required
            || self
                .return_state(r.order, as_of, &[], self.options.empty_box_ratio)
                .received_ok
                .is_none()
    }

    /// The account's aggregates counting only what happened at or before `as_of`. An unknown
    /// account gives `known: false` and zeros. `findings` and `finding_score` are left at 0
    /// for the caller to fill.
    ///
    /// A return received empty (or far lighter than the item) counts as nothing back; high
    /// value is judged by [`ModelOptions::high_value_categories`]; linked accounts are those
    /// sharing a device, payment fingerprint, normalised address, phone or exact IP address
    /// seen by `as_of`, hubs (identifiers on more than [`ModelOptions::hub_max_accounts`]
    /// accounts) left out.
    pub fn stats(&self, account_id: &str, as_of: i64) -> AccountStats {
        let mut s = AccountStats {
            account_id: account_id.to_string(),
            as_of,
            ..AccountStats::default()
        };
        let Some(ax) = self.accounts.get(account_id) else {
            return s;
        };
        let Some(a) = self.accounts.row(ax) else {
            return s;
        };
        let since_30d = as_of.saturating_sub(30 * DAY_MS);
        if let Some(first) = a.first_at.filter(|f| *f <= as_of) {
            s.known = true;
            s.age_days = as_of.saturating_sub(first) as f64 / DAY_MS as f64;
        }

        let orders: Vec<&OrderRec> = a
            .orders
            .iter()
            .filter_map(|&o| self.orders.row(o)?.rec.as_ref())
            .filter(|o| o.stamp.at <= as_of)
            .map(|o| &o.value)
            .collect();
        let refunds: Vec<(i64, &RefundRec)> = a
            .refunds
            .iter()
            .filter_map(|&r| self.refunds.row(r)?.rec.as_ref())
            .filter(|r| r.stamp.at <= as_of)
            .map(|r| (r.stamp.at, &r.value))
            .collect();
        s.value_currency = main_currency(
            orders.iter().map(|o| &*o.currency),
            refunds.iter().map(|r| &*r.1.currency),
        );
        s.orders = orders.len() as u64;
        s.orders_30d = a
            .orders
            .iter()
            .filter_map(|&o| self.orders.row(o)?.rec.as_ref())
            .filter(|o| o.stamp.at <= as_of && o.stamp.at > since_30d)
            .count() as u64;
        s.order_value_minor = orders
            .iter()
            .filter(|o| *o.currency == *s.value_currency)
            .fold(0i64, |acc, o| acc.saturating_add(o.total_minor));

        let mut by_agent: BTreeMap<Ix, u64> = BTreeMap::new();
        for &(at, r) in &refunds {
            s.refunds += 1;
            if at > since_30d {
                s.refunds_30d += 1;
            }
            if *r.currency == *s.value_currency {
                s.refund_value_minor = s.refund_value_minor.saturating_add(r.amount_minor);
            }
            if r.reason == RefundReason::NotReceived {
                s.refunds_not_received += 1;
            }
            if self.without_return(r, as_of) {
                s.refunds_without_return += 1;
            }
            if self
                .refund_category(r)
                .is_some_and(|c| self.is_high_value(c))
            {
                s.refunds_high_value += 1;
            }
            if r.overrides_denial {
                s.refunds_overriding_denial += 1;
            }
            if let Some(g) = r.agent {
                *by_agent.entry(g).or_default() += 1;
            }
        }
        s.refund_agents = by_agent.len() as u64;
        s.refunds_top_agent = by_agent.values().copied().max().unwrap_or(0);
        if s.orders > 0 {
            s.refund_rate = s.refunds as f64 / s.orders as f64;
            s.not_received_rate = s.refunds_not_received as f64 / s.orders as f64;
        }

        for &r in &a.returns {
            let Some(ret) = self.returns.row(r) else {
                continue;
            };
            let mut seen = false;
            let mut received = false;
            let mut mismatched = false;
            let min_unit = ret
                .head
                .as_ref()
                .and_then(|h| self.orders.row(h.value.order))
                .and_then(|o| o.rec.as_ref())
                .and_then(|o| o.value.min_unit_grams);
            for st in ret.stages.iter().filter(|st| st.at <= as_of) {
                seen = true;
                if st.stage.stage() == ReturnStage::Received {
                    received = true;
                    mismatched |=
                        crate::model::mismatched(st, min_unit, self.options.empty_box_ratio);
                }
            }
            s.returns += u64::from(seen);
            s.returns_received += u64::from(received);
            s.returns_mismatched += u64::from(mismatched);
        }

        for (at, _) in a
            .contacts
            .iter()
            .filter_map(|&c| self.contacts.row(c)?.rec.as_ref())
            .map(|c| (c.stamp.at, ()))
            .filter(|(at, _)| *at <= as_of)
        {
            s.contacts += 1;
            if at > since_30d {
                s.contacts_30d += 1;
            }
        }
        for at in a
            .reviews
            .iter()
            .filter_map(|&r| self.reviews.row(r)?.rec.as_ref())
            .map(|r| r.stamp.at)
            .filter(|at| *at <= as_of)
        {
            s.reviews += 1;
            if at > since_30d {
                s.reviews_30d += 1;
            }
        }

        let mut linked: HashSet<Ix> = HashSet::new();
        for &ident in &a.idents {
            let Some(row) = self.idents.row(ident) else {
                continue;
            };
            if row.kind == IdentKind::Network || self.seen_at(ax, ident).is_none_or(|f| f > as_of) {
                continue;
            }
            s.devices += 1;
            if row.accounts.len() > self.options.hub_max_accounts {
                continue;
            }
            for &other in &row.accounts {
                if other != ax && self.seen_at(other, ident).is_some_and(|f| f <= as_of) {
                    linked.insert(other);
                }
            }
        }
        s.linked_accounts = linked.len() as u64;
        for other in linked {
            let Some(o) = self.accounts.row(other) else {
                continue;
            };
            for r in o
                .refunds
                .iter()
                .filter_map(|&r| self.refunds.row(r)?.rec.as_ref())
                .filter(|r| r.stamp.at <= as_of && *r.value.currency == *s.value_currency)
            {
                s.linked_refund_value_minor = s
                    .linked_refund_value_minor
                    .saturating_add(r.value.amount_minor);
            }
        }
        s
    }
}

/// What is known about an order's returns at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ReturnState {
    pub returns: u32,
    pub label_at: Option<i64>,
    /// The first carrier scan, delivery or receipt.
    pub first_scan_at: Option<i64>,
    /// The first receipt in good order.
    pub received_ok: Option<i64>,
    pub received_mismatched: Option<i64>,
    /// Delivered somewhere other than the return's warehouse.
    pub delivered_elsewhere: Option<i64>,
}

/// A received return far lighter than the lightest unit ordered (under `ratio` of it), or
/// marked empty.
pub(crate) fn mismatched(s: &StageRec, min_unit_grams: Option<u32>, ratio: f64) -> bool {
    if s.condition.map(ConditionOrd::condition) == Some(Condition::Empty) {
        return true;
    }
    match (s.weight_grams, min_unit_grams) {
        (Some(w), Some(unit)) if unit > 0 => f64::from(w) < ratio * f64::from(unit),
        _ => false,
    }
}

/// Whether a delivery happened somewhere other than the warehouse: one of `warehouses` when
/// given, the return's own `warehouse` otherwise. Unknown either way: not elsewhere.
pub(crate) fn elsewhere(s: &StageRec, warehouses: &[String]) -> bool {
    let Some(location) = s.location.as_deref().map(place_key) else {
        return false;
    };
    if !warehouses.is_empty() {
        return !warehouses.iter().any(|w| place_key(w) == location);
    }
    s.warehouse
        .as_deref()
        .is_some_and(|w| place_key(w) != location)
}

fn place_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The currency with the most orders (then the most refunds), ties to the first in
/// alphabetical order; empty without either.
fn main_currency<'a>(
    orders: impl Iterator<Item = &'a str>,
    refunds: impl Iterator<Item = &'a str>,
) -> String {
    let mut counts: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for c in orders {
        counts.entry(c).or_default().0 += 1;
    }
    for c in refunds {
        counts.entry(c).or_default().1 += 1;
    }
    let mut best: Option<(&str, (u64, u64))> = None;
    for (c, n) in counts {
        if best.is_none_or(|b| n > b.1) {
            best = Some((c, n));
        }
    }
    best.map(|b| b.0.to_string()).unwrap_or_default()
}

fn order_rec(account: Ix, o: &crate::events::Order) -> OrderRec {
    let dearest = o
        .items
        .iter()
        .fold(None::<&crate::events::Item>, |best, it| match best {
            Some(b) if b.price.minor >= it.price.minor => Some(b),
            _ => Some(it),
        });
    let currency: Text = dearest.map_or("".into(), |d| d.price.currency.as_str().into());
    let total_minor = o
        .items
        .iter()
        .filter(|it| *it.price.currency == *currency)
        .fold(0i64, |acc, it| {
            acc.saturating_add(it.price.minor.saturating_mul(i64::from(it.quantity)))
        });
    let min_unit_grams = if o.items.iter().all(|it| it.weight_grams.is_some()) {
        o.items.iter().filter_map(|it| it.weight_grams).min()
    } else {
        None
    };
    OrderRec {
        account,
        total_minor,
        currency,
        category: dearest.map_or("".into(), |d| d.category.as_str().into()),
        min_unit_grams,
    }
}

/// The first `max` characters of `s`.
pub(crate) fn cut(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The /24 of an IPv4 address, the /64 of an IPv6 one.
pub fn network_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.0/24", o[0], o[1], o[2])
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// A phone number as a link key: its last nine digits (the national number without trunk or
/// country prefix in most numbering plans), or nothing under seven digits.
pub fn phone_key(raw: &str) -> Option<String> {
    let digits: Vec<char> = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 {
        return None;
    }
    Some(digits[digits.len().saturating_sub(9)..].iter().collect())
}

/// Common street-type abbreviations, as written, and their full form.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("str", "strasse"),
    ("st", "street"),
    ("rd", "road"),
    ("ave", "avenue"),
    ("av", "avenue"),
    ("blvd", "boulevard"),
    ("bd", "boulevard"),
    ("bvd", "boulevard"),
    ("r", "rue"),
    ("pl", "place"),
    ("c", "calle"),
    ("cl", "calle"),
    ("avda", "avenida"),
    ("v", "via"),
    ("wg", "weg"),
    ("ln", "lane"),
    ("dr", "drive"),
];

/// German compounds written short: `Hauptstr.` is `Hauptstrasse`.
const SUFFIX_ABBREVIATIONS: &[(&str, &str)] = &[("str", "strasse"), ("wg", "weg")];

/// A postal address as a link key: line one folded to ASCII lower case, punctuation gone,
/// common abbreviations written out; the postcode without spaces (the city when there is
/// none); the country. The second line (flat, c/o) is left out: a building links.
pub fn address_key(a: &Address) -> Option<String> {
    let line = fold(&a.line1);
    let mut words: Vec<String> = Vec::new();
    for w in line.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let full = ABBREVIATIONS
            .iter()
            .find(|(short, _)| *short == w)
            .map(|(_, long)| (*long).to_string())
            .or_else(|| {
                SUFFIX_ABBREVIATIONS.iter().find_map(|(short, long)| {
                    (w.len() > short.len() + 2 && w.ends_with(short))
                        .then(|| format!("{}{long}", &w[..w.len() - short.len()]))
                })
            })
            .unwrap_or_else(|| w.to_string());
        words.push(full);
    }
    if words.is_empty() {
        return None;
    }
    let place = match (&a.postcode, &a.city) {
        (Some(p), _) => fold(p)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect(),
        (None, Some(c)) => fold(c)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect(),
        (None, None) => String::new(),
    };
    Some(format!(
        "{}, {place}, {}",
        words.join(" "),
        a.country.as_deref().unwrap_or("")
    ))
}

/// Lower case, Latin letters without their accents (`ß` is `ss`).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
            'ł' | 'ľ' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ß' => "ss",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn addresses_written_differently_give_one_key() {
        let key = |l: &str, p: &str| address_key(&addr(l, p));
        let base = key("Hauptstraße 12", "10115");
        for (line, postcode) in [
            ("HAUPTSTRASSE 12", "10115"),
            ("hauptstraße  12", "10 115"),
            ("Hauptstr. 12", "10115"),
            ("Hauptstrasse, 12", "10115"),
        ] {
            assert_eq!(key(line, postcode), base, "{line}");
        }
        assert_ne!(key("Hauptstraße 14", "10115"), base);
        assert_eq!(
            key("12 r. Victor Hugo", "75001"),
            key("12 rue Victor Hugo", "75001")
        );
        assert_eq!(key("C/ Mayor, 3", "28001"), key("Calle Mayor, 3", "28001"));
        assert_eq!(key("Molenwg. 3", "1011"), key("Molenweg 3", "1011"));
        assert_eq!(key("...", "1"), None);
    }

    #[test]
    fn phones_and_networks() {
        assert_eq!(phone_key("+49 151 2345678").as_deref(), Some("512345678"));
        assert_eq!(phone_key("+491512345678"), phone_key("01512345678"));
        assert_eq!(phone_key("112"), None);
        assert_eq!(network_of("185.12.7.9".parse().unwrap()), "185.12.7.0/24");
        assert_eq!(
            network_of("2001:db8:1:2:3::1".parse().unwrap()),
            "2001:db8:1:2::/64"
        );
    }

    fn account_event(id: &str, at: i64, device: &str, email: Option<&str>) -> Event {
        Event {
            id: id.into(),
            at,
            body: Body::Account(crate::events::Account {
                account_id: "a1".into(),
                email: email.map(Into::into),
                phone: None,
                name: None,
                addresses: Vec::new(),
                device_id: Some(device.into()),
                ip: None,
                payment_fingerprint: None,
            }),
        }
    }

    fn refund_event(id: &str, at: i64, account: &str) -> Event {
        Event {
            id: id.into(),
            at,
            body: Body::Refund(crate::events::Refund {
                refund_id: "rf1".into(),
                order_id: "o1".into(),
                account_id: account.into(),
                amount: crate::events::Money {
                    minor: 100,
                    currency: "EUR".into(),
                },
                reason: RefundReason::Other,
                channel: crate::events::Channel::Chat,
                issued_by: IssuedBy::Agent(format!("agent-{account}")),
                return_required: false,
                overrides_denial: false,
                category: None,
            }),
        }
    }

    /// Every order of the events gives the same model, as far as reading it goes.
    fn in_every_order(events: &[Event], check: impl Fn(&Model)) {
        let n = events.len();
        let mut order: Vec<usize> = (0..n).collect();
        // Heap's algorithm: all n! orders.
        let mut c = vec![0; n];
        let build = |order: &[usize]| {
            let mut m = Model::new();
            for &i in order {
                m.apply(&events[i]);
            }
            m
        };
        check(&build(&order));
        let mut i = 0;
        while i < n {
            if c[i] < i {
                if i % 2 == 0 {
                    order.swap(0, i);
                } else {
                    order.swap(c[i], i);
                }
                check(&build(&order));
                c[i] += 1;
                i = 0;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
    }

    #[test]
    fn the_latest_detail_wins_field_by_field_ties_by_event_id() {
        let events = [
            account_event("e1", 10, "dev-old", Some("old@example.com")),
            account_event("e3", 20, "dev-new", None),
            account_event("e2", 20, "dev-tie", None),
        ];
        in_every_order(&events, |m| {
            let row = m.accounts.row(m.accounts.get("a1").unwrap()).unwrap();
            // Latest at 20; of the two at 20, event e3 is the greater id.
            assert_eq!(row.device.as_ref().unwrap().value.as_ref(), "dev-new");
            // Later events said nothing about the e-mail: the old one stays.
            assert_eq!(
                row.email.as_ref().unwrap().value.as_ref(),
                "old@example.com"
            );
            assert_eq!(row.first_at, Some(10));
            // Every device seen is kept for linking.
            assert_eq!(m.stats("a1", 100).devices, 3);
        });
    }

    #[test]
    fn a_corrected_refund_moves_to_its_account_and_agent() {
        // The same refund, said again later about another account.
        let events = [refund_event("e1", 10, "a1"), refund_event("e2", 20, "a2")];
        in_every_order(&events, |m| {
            assert_eq!(m.stats("a1", 100).refunds, 0);
            assert_eq!(m.stats("a2", 100).refunds, 1);
            let agent = |id: &str| {
                m.agents
                    .row(m.agents.get(id).unwrap())
                    .unwrap()
                    .refunds
                    .len()
            };
            assert_eq!((agent("agent-a1"), agent("agent-a2")), (0, 1));
            let order = m.orders.row(m.orders.get("o1").unwrap()).unwrap();
            assert_eq!(order.refunds.len(), 1);
        });
    }

    #[test]
    fn shifts_are_the_union_of_every_roster() {
        let staff = |id: &str, team: &str, at: i64, shifts: &[(i64, i64)]| Event {
            id: id.into(),
            at,
            body: Body::Staff(crate::events::Staff {
                agent_id: "ag".into(),
                team: team.into(),
                site: None,
                shifts: shifts
                    .iter()
                    .map(|&(start, end)| Shift { start, end })
                    .collect(),
            }),
        };
        let events = [
            staff("e1", "refunds", 0, &[(10, 20), (30, 40)]),
            staff("e2", "returns", 280, &[(300, 310), (30, 40)]),
        ];
        in_every_order(&events, |m| {
            let row = m.agents.row(m.agents.get("ag").unwrap()).unwrap();
            let shifts: Vec<(i64, i64)> = row.shifts.iter().map(|s| (s.start, s.end)).collect();
            assert_eq!(shifts, [(10, 20), (30, 40), (300, 310)]);
            assert_eq!(row.team.as_ref().unwrap().value.as_ref(), "returns");
        });
    }

    #[test]
    fn return_stages_are_a_set() {
        let stage = |id: &str, at: i64, stage: ReturnStage| Event {
            id: id.into(),
            at,
            body: Body::Return(crate::events::Return {
                return_id: "r1".into(),
                order_id: "o1".into(),
                account_id: "a1".into(),
                stage,
                carrier: None,
                tracking: None,
                location: Some("WH-1".into()),
                warehouse: Some("WH-1".into()),
                weight_grams: None,
                condition: None,
            }),
        };
        let events = [
            stage("e1", 10, ReturnStage::LabelCreated),
            stage("e2", 20, ReturnStage::CarrierScan),
            stage("e3", 30, ReturnStage::Received),
        ];
        in_every_order(&events, |m| {
            let o = m.orders.get("o1").unwrap();
            let st = m.return_state(o, 100, &[], 0.5);
            assert_eq!(
                (st.label_at, st.first_scan_at, st.received_ok),
                (Some(10), Some(20), Some(30))
            );
            assert_eq!(m.return_state(o, 25, &[], 0.5).received_ok, None);
            assert_eq!(m.returns.row(0).unwrap().stages.len(), 3);
        });
    }

    #[test]
    fn caps_keep_the_same_entries_whatever_the_order() {
        let scan = |i: i64| Event {
            id: format!("e{i:03}"),
            at: i,
            body: Body::Return(crate::events::Return {
                return_id: "r1".into(),
                order_id: "o1".into(),
                account_id: "a1".into(),
                stage: ReturnStage::CarrierScan,
                carrier: None,
                tracking: None,
                location: None,
                warehouse: None,
                weight_grams: None,
                condition: None,
            }),
        };
        let roster = |i: i64, n: i64| Event {
            id: format!("s{i}"),
            at: 0,
            body: Body::Staff(crate::events::Staff {
                agent_id: "ag".into(),
                team: "t".into(),
                site: None,
                shifts: (0..n)
                    .map(|k| Shift {
                        start: (i * n + k) * 100,
                        end: (i * n + k) * 100 + 50,
                    })
                    .collect(),
            }),
        };
        let events: Vec<Event> = (0..100)
            .map(scan)
            .chain((0..12).map(|i| roster(i, 400)))
            .collect();
        let forward = {
            let mut m = Model::new();
            events.iter().for_each(|e| {
                m.apply(e);
            });
            m
        };
        let backward = {
            let mut m = Model::new();
            events.iter().rev().for_each(|e| {
                m.apply(e);
            });
            m
        };
        for m in [&forward, &backward] {
            let stages = &m.returns.row(0).unwrap().stages;
            assert_eq!(stages.len(), MAX_STAGES);
            assert_eq!((stages[0].at, stages[MAX_STAGES - 1].at), (0, 63));
            let shifts = &m.agents.row(0).unwrap().shifts;
            assert_eq!(shifts.len(), MAX_SHIFTS);
            assert_eq!(shifts.last().unwrap().start, (12 * 400 - 1) * 100);
        }
    }

    #[test]
    fn the_main_currency_is_the_most_ordered() {
        let c = |o: &[&'static str], r: &[&'static str]| {
            main_currency(o.iter().copied(), r.iter().copied())
        };
        assert_eq!(c(&["EUR", "GBP", "GBP"], &[]), "GBP");
        assert_eq!(c(&["GBP", "EUR"], &[]), "EUR");
        assert_eq!(c(&[], &["USD"]), "USD");
        assert_eq!(c(&[], &[]), "");
    }
}
