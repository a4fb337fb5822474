//! Correlation of reports into campaigns: exact, order-independent connected components over
//! shared indicators, with hubs detected and kept from gluing unrelated campaigns together.
//!
//! # The definition
//!
//! Reports are nodes; two reports are linked when they share a *linking* indicator. Campaigns are
//! the connected components. An indicator links unless it is **excluded** (an analyst marked it
//! benign, see [`Correlator::set_excluded`]) or it is a **hub**.
//!
//! An indicator `i` is a hub when it would tie together more than `hub_threshold` otherwise
//! unrelated groups. Take the reports carrying `i` and union two of them whenever they share any
//! other non-excluded indicator `j` (hub or not: hub status of `j` plays no part, which keeps the
//! definition a plain function of the data rather than a fixed point). A resulting group *counts*
//! when it holds at least two reports; a lone report of `i` is just a report, not an independent
//! cluster. `i` is a hub iff the number of counting groups exceeds `hub_threshold`. A hub keeps
//! its status when excluded (the status describes the data; exclusion only stops it linking).
//!
//! Hubs and campaigns are both functions of the final set of reports and exclusions, so the
//! partition does not depend on the order reports arrive in; only campaign ids do.
//!
//! # Known limits
//!
//! * Two hub-like indicators that always appear together mask each other: each one groups all
//!   of the other's reports into one group, so neither reaches the threshold and both keep
//!   linking. A common footer that always carries the same two links is the typical case. The
//!   warning list (and [`Correlator::set_excluded`]) is the answer to those.
//! * A report uses at most its first [`MAX_INDICATORS_PER_REPORT`] distinct indicators; the rest
//!   are ignored, which bounds the per-report work against a report stuffed with links.
//! * Work per report is O(k²) in its number of indicators k plus short scans, independent of
//!   how many reports are stored, except when an indicator changes hub status: the campaigns it
//!   touches are split or merged. A split walks only the parts that leave (see below), a merge
//!   moves only the smaller campaigns, so a footer turning into a hub costs about the size of the
//!   clusters it splits off, not of the whole campaign. Data built to make one indicator flip at
//!   every report would pay that each time; real streams flip an indicator a handful of times in
//!   its life. Exclusion changes rebuild the hub groups of every large indicator that co-occurs
//!   with the changed one, which is meant for an analyst's click, not for a stream.
//! * A large campaign held together by one stable indicator (a domain) across many clusters of
//!   rotating phone numbers looks, to the definition, exactly like a footer across many
//!   campaigns, and is split when it has more than `hub_threshold` such clusters. That is the
//!   price of an exact, order-independent rule; the threshold is the knob.
//! * When a split leaves two parts of the same size, which one keeps the campaign id depends on
//!   the order the engine holds reports in; after a restart it may be the other one. The
//!   partition itself never depends on order.
//!
//! # How it is kept incremental
//!
//! Reports, indicators and campaigns get dense `u32` indices (an indicator's index is its id
//! where ids are dense; see the `dense` module). Each report keeps its indicator list (in one
//! shared arena) and its campaign; each indicator its report list (ascending, as reports are only
//! appended) and a cached campaign slot; each campaign its member list, and each report its
//! position in it. Merging campaigns relabels the smaller ones (union by size), so a report moves
//! O(log n) times over its life; the merged-away slot forwards to the survivor, so cached slots
//! stay usable.
//!
//! Splitting a campaign after an indicator stops linking starts one walk from every report of
//! that indicator (every part of the campaign holds one), joins walks that meet, advances them in
//! lockstep and stops when at most one is still running: that one is the rest of the campaign and
//! is never walked (union by size, in reverse).
//!
//! For hubs, an indicator with more than `min(2 * hub_threshold, 64)` reports (it cannot be a hub
//! with fewer than `2 * hub_threshold + 2`) is *large*: it gets a union-find over its reports and
//! a running count of groups of two or more. A new report of a large indicator `x` is unioned, for
//! every other indicator `j` it carries, with a report of `x` that also carries `j`, found through
//! a map `j -> such a report`. Entries are made lazily: an indicator seen on one report only (the
//! one-off phone numbers and URLs of every report) never gets one, and the first time `x` meets a
//! small `j` again, `j`'s few reports are scanned once for one carrying `x`. When `j` becomes
//! large, its entries are added to the maps of the large indicators it shares a report with.

use std::collections::BTreeSet;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::dense::{DenseStore, IdIndex};
use crate::ids::{CampaignId, IndicatorId, ReportId};

/// A report uses at most this many of its (distinct) correlating indicators, in the order given.
pub const MAX_INDICATORS_PER_REPORT: usize = 256;

/// Indicators with more reports than this get a hub structure even when the threshold is higher,
/// so that the scans over a small indicator's reports stay short.
const MAX_SMALL_INDICATOR: usize = 64;

/// Marks "no campaign yet" (the report being added) and is never a real index.
const NONE: u32 = u32::MAX;
/// Indices stay below the marks above.
const MAX_INDEX: usize = (u32::MAX - 16) as usize;

const EXCLUDED: u8 = 1;
const HUB: u8 = 2;
/// Starts linking in the current operation, but its merge has not been applied yet.
const PENDING: u8 = 4;
/// Scratch flag for deduplicating indicator sets.
const SEEN: u8 = 8;
/// Has hub groups (see `Correlator::large`).
const LARGE: u8 = 16;

type Map<K, V> = HashMap<K, V, ahash::RandomState>;
type Set<K> = HashSet<K, ahash::RandomState>;

/// Fixed seeds: the maps are keyed by database ids and dense indices, not attacker-chosen text,
/// and a fixed hasher keeps runs reproducible.
fn hasher() -> ahash::RandomState {
    ahash::RandomState::with_seeds(
        0x5241_4d50_4152_5401,
        0x6361_6d70_6169_676e,
        0x696e_6469_6361_746f,
        0x6875_6273_0000_0001,
    )
}

fn new_map<K, V>() -> Map<K, V> {
    HashMap::with_hasher(hasher())
}

fn new_set<K>() -> Set<K> {
    HashSet::with_hasher(hasher())
}

/// Tuning of the correlator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrelationConfig {
    /// An indicator tying together more than this many otherwise unrelated groups of reports is
    /// a hub and stops linking.
    pub hub_threshold: usize,
}

impl Default for CorrelationConfig {
    fn default() -> Self {
        Self { hub_threshold: 10 }
    }
}

/// What an operation changed, for the caller to write back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Every report whose campaign changed, with its new campaign (the added report included),
    /// sorted by report id.
    pub assignments: Vec<(ReportId, CampaignId)>,
    /// Campaigns that did not exist before, sorted.
    pub campaigns_created: Vec<CampaignId>,
    /// Campaigns that existed before and are now empty (merged into another), sorted.
    pub campaigns_removed: Vec<CampaignId>,
    /// Every campaign that exists afterwards and whose members changed, new ones included,
    /// sorted. Their statistics need recomputing.
    pub campaigns_touched: Vec<CampaignId>,
    /// Indicators that became hubs, sorted. After [`Correlator::restore`]: every hub, since the
    /// stored flags are not an input.
    pub hubs_flagged: Vec<IndicatorId>,
    /// Indicators that stopped being hubs, sorted.
    pub hubs_cleared: Vec<IndicatorId>,
}

impl Outcome {
    /// Nothing to write back.
    pub fn is_empty(&self) -> bool {
        self.assignments.is_empty()
            && self.campaigns_created.is_empty()
            && self.campaigns_removed.is_empty()
            && self.campaigns_touched.is_empty()
            && self.hubs_flagged.is_empty()
            && self.hubs_cleared.is_empty()
    }
}

/// 24 bytes: the arena offset is a `u32`, which caps the engine at 4,294,967,295 links in total
/// (about 850 million reports of five indicators), far past what one process should hold.
#[derive(Clone, Copy, Debug)]
struct Report {
    ext: i64,
    /// Start of this report's indicators in `Correlator::links`.
    start: u32,
    campaign: u32,
    /// Position in its campaign's member list, so that a report leaves a campaign in O(1).
    pos: u32,
    len: u16,
}

impl Report {
    fn span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

#[derive(Clone, Debug)]
struct Indicator {
    /// Reports carrying this indicator, ascending (reports are only appended).
    reports: SmallVec<[u32; 4]>,
    /// While the indicator links: a campaign slot that is, or forwards to, the campaign of all
    /// its reports. Saves reading one of its reports (a cache miss) for every new report.
    camp: u32,
    flags: u8,
}

impl Default for Indicator {
    fn default() -> Self {
        Self {
            reports: SmallVec::new(),
            camp: NONE,
            flags: 0,
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Campaign {
    id: i64,
    /// `NONE` while the campaign lives; once merged away, the slot it went into. Slots are never
    /// reused, so an indicator's cached slot always leads to its campaign.
    forward: u32,
    /// Empty iff the campaign was merged away.
    members: SmallVec<[u32; 2]>,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    parent: u32,
    size: u32,
}

/// Union-find over the positions of one indicator's report list, counting groups of two or more.
#[derive(Clone, Debug, Default)]
struct Dsu {
    nodes: Vec<Node>,
    counting: u32,
}

impl Dsu {
    fn with_len(n: usize) -> Self {
        let nodes = (0..n)
            .map(|k| Node {
                parent: k as u32,
                size: 1,
            })
            .collect();
        Self { nodes, counting: 0 }
    }

    fn push(&mut self) -> u32 {
        let k = self.nodes.len() as u32;
        self.nodes.push(Node { parent: k, size: 1 });
        k
    }

    fn find(&mut self, mut a: u32) -> u32 {
        loop {
            let p = self.nodes[a as usize].parent;
            if p == a {
                return a;
            }
            // Path halving keeps the trees flat without recursion.
            let gp = self.nodes[p as usize].parent;
            self.nodes[a as usize].parent = gp;
            a = gp;
        }
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (self.nodes[ra as usize].size, self.nodes[rb as usize].size);
        // Two groups become one group of at least two.
        let before = u32::from(sa >= 2) + u32::from(sb >= 2);
        self.counting = self.counting + 1 - before;
        let (big, small) = if sa >= sb { (ra, rb) } else { (rb, ra) };
        self.nodes[small as usize].parent = big;
        self.nodes[big as usize].size = sa + sb;
    }
}

/// Hub bookkeeping of one large indicator `x`: groups of its reports (by position in its report
/// list), and for non-excluded indicators `j` sharing a report with `x`, the position of one such
/// report. Every large `j` sharing a report has an entry; a small `j` has one once it was met on
/// a second report (or when the groups were replayed), and otherwise its shared reports are
/// already in one group.
#[derive(Clone, Debug)]
struct HubGroups {
    dsu: Dsu,
    by_indicator: Map<u32, u32>,
}

impl HubGroups {
    fn empty() -> Self {
        Self {
            dsu: Dsu::default(),
            by_indicator: new_map(),
        }
    }
}

/// Net effect tracking for one operation. Plain vectors: the common operation moves one report
/// and creates at most one campaign, and the first entry per report or indicator is the state
/// before the operation.
#[derive(Clone, Debug, Default)]
struct Tx {
    /// (report index, campaign id before the operation; `None` for the new report).
    moved: Vec<(u32, Option<i64>)>,
    created: Vec<i64>,
    removed: Vec<i64>,
    /// (indicator index, hub status before the operation).
    hub_before: Vec<(u32, bool)>,
}

impl Tx {
    /// Empties the buffers for the next operation, keeping them unless a large split made them
    /// big.
    fn reset(&mut self) {
        if self.moved.capacity() > 4096 {
            *self = Tx::default();
        } else {
            self.moved.clear();
            self.created.clear();
            self.removed.clear();
            self.hub_before.clear();
        }
    }
}

/// The in-memory correlation engine. See the module documentation for the definition.
#[derive(Clone, Debug)]
pub struct Correlator {
    cfg: CorrelationConfig,
    /// Indicators with more reports than this have hub groups.
    large_above: usize,
    report_index: IdIndex,
    reports: Vec<Report>,
    /// Every report's indicators, back to back.
    links: Vec<u32>,
    /// Indicator state, addressed by the indicator id itself where ids are dense.
    indicators: DenseStore<Indicator>,
    groups: Vec<HubGroups>,
    /// Indicators with hub groups -> their index in `groups`. A small map, so that walking other
    /// reports' indicators does not touch their (cold) state.
    large: Map<u32, u32>,
    /// Excluded indicators, for the same reason.
    excluded: Set<u32>,
    hubs: BTreeSet<i64>,
    campaigns: Vec<Campaign>,
    campaign_index: IdIndex,
    next_campaign_id: i64,
    /// What the current operation changed; emptied (keeping its buffers) by `finish`.
    tx: Tx,
}

impl Correlator {
    /// An empty engine; campaign ids start at 1.
    pub fn new(cfg: CorrelationConfig) -> Self {
        let large_above = cfg.hub_threshold.saturating_mul(2).min(MAX_SMALL_INDICATOR);
        Self {
            cfg,
            large_above,
            report_index: IdIndex::new(hasher()),
            reports: Vec::new(),
            links: Vec::new(),
            indicators: DenseStore::new(hasher()),
            groups: Vec::new(),
            large: new_map(),
            excluded: new_set(),
            hubs: BTreeSet::new(),
            campaigns: Vec::new(),
            campaign_index: IdIndex::new(hasher()),
            next_campaign_id: 1,
            tx: Tx::default(),
        }
    }

    /// The configuration in force.
    pub fn config(&self) -> &CorrelationConfig {
        &self.cfg
    }

    /// The id the next new campaign will get.
    pub fn next_campaign_id(&self) -> i64 {
        self.next_campaign_id
    }

    /// Number of reports held.
    pub fn report_count(&self) -> usize {
        self.reports.len()
    }

    /// Number of distinct indicators seen (excluded ones included).
    pub fn indicator_count(&self) -> usize {
        self.indicators.len()
    }

    /// Number of campaigns.
    pub fn campaign_count(&self) -> usize {
        self.campaign_index.len()
    }

    /// Reserves room for `additional` more reports (and, at the rates seen so far, their links,
    /// indicators and campaigns), so that the big tables do not reallocate while they arrive. The
    /// correlator calls it before a bulk load; it changes no result.
    pub fn reserve(&mut self, additional: usize) {
        let held = self.reports.len().max(1);
        let per_report = |n: usize| n.div_ceil(held).max(1).saturating_mul(additional);
        let links = per_report(self.links.len());
        let indicators = per_report(self.indicators.len());
        let campaigns = per_report(self.campaigns.len());
        self.reports.reserve(additional);
        self.links.reserve(links);
        self.indicators.reserve_spill(indicators);
        self.campaigns.reserve(campaigns);
    }

    /// Adds one report with its correlating indicators (official brand channels and warning-listed
    /// values already removed by the caller; script fingerprints included). Only the first
    /// [`MAX_INDICATORS_PER_REPORT`] distinct indicators are used. Adding a report id that is
    /// already held does nothing and returns an empty outcome, as does adding to an engine that is
    /// full (about four billion reports, or as many indicator links in total).
    pub fn add_report(&mut self, report: ReportId, indicators: &[IndicatorId]) -> Outcome {
        if self.report_index.contains(report.0) {
            return Outcome::default();
        }
        let Some(r) = self.push_report(report.0, indicators) else {
            return Outcome::default();
        };
        let set: SmallVec<[u32; 16]> = SmallVec::from_slice(self.report_links(r));
        let (stopped, started) = self.absorb_report_into_groups(r, &set);
        self.reconcile(&stopped, &started);
        self.place_new_report(r, &set);
        self.finish()
    }

    /// Stops an indicator from correlating (`excluded = true`: an analyst marked it benign or put
    /// it on the warning list) or lets it correlate again, splitting or merging campaigns to
    /// match. Excluding an indicator never seen before is remembered for its future reports.
    pub fn set_excluded(&mut self, ind: IndicatorId, excluded: bool) -> Outcome {
        let idx = if excluded {
            match self.indicator_idx_or_insert(ind.0) {
                Some(i) => i,
                None => return Outcome::default(),
            }
        } else {
            match self.indicators.index_of(ind.0) {
                Some(i) => i,
                None => return Outcome::default(),
            }
        };
        let was_excluded = self.flag(idx, EXCLUDED);
        if was_excluded == excluded {
            return Outcome::default();
        }
        let was_linking = self.linking(idx);
        if excluded {
            self.indicators[idx as usize].flags |= EXCLUDED;
            self.excluded.insert(idx);
        } else {
            self.indicators[idx as usize].flags &= !EXCLUDED;
            self.excluded.remove(&idx);
        }

        // The groups of every large indicator sharing a report with `idx` may split (exclusion)
        // or merge (inclusion); rebuild them from their reports.
        let mut affected: Vec<u32> = Vec::new();
        for k in 0..self.indicators[idx as usize].reports.len() {
            let rep = self.reports[self.indicators[idx as usize].reports[k] as usize];
            for &y in &self.links[rep.span()] {
                let st = &mut self.indicators[y as usize];
                if y != idx && st.flags & LARGE != 0 && st.flags & SEEN == 0 {
                    st.flags |= SEEN;
                    affected.push(y);
                }
            }
        }
        let mut stopped = Vec::new();
        let mut started = Vec::new();
        if excluded && was_linking {
            stopped.push(idx);
        }
        if !excluded && self.linking(idx) {
            started.push(idx);
        }
        affected.sort_unstable();
        for &y in &affected {
            self.indicators[y as usize].flags &= !SEEN;
            self.replay_groups(y);
            self.refresh_hub(y, &mut stopped, &mut started);
        }
        self.reconcile(&stopped, &started);
        self.finish()
    }

    /// Whether an indicator is currently excluded from correlation.
    pub fn is_excluded(&self, ind: IndicatorId) -> bool {
        self.indicators
            .index_of(ind.0)
            .is_some_and(|i| self.flag(i, EXCLUDED))
    }

    /// The campaign a report belongs to, if the report is held.
    pub fn campaign_of(&self, r: ReportId) -> Option<CampaignId> {
        let idx = self.report_index.get(r.0)?;
        let c = self.reports[idx as usize].campaign;
        self.campaigns.get(c as usize).map(|c| CampaignId(c.id))
    }

    /// Whether an indicator is a hub.
    pub fn is_hub(&self, ind: IndicatorId) -> bool {
        self.hubs.contains(&ind.0)
    }

    /// All hubs, ascending.
    pub fn hubs(&self) -> impl Iterator<Item = IndicatorId> + '_ {
        self.hubs.iter().map(|&i| IndicatorId(i))
    }

    /// How many counting groups (two or more reports not otherwise connected) an indicator ties
    /// together; `None` while it has too few reports to be tracked (it cannot be a hub then).
    /// Analysts see this number next to a hub.
    pub fn hub_groups(&self, ind: IndicatorId) -> Option<usize> {
        let i = self.indicators.index_of(ind.0)?;
        let &g = self.large.get(&i)?;
        self.groups.get(g as usize).map(|g| g.dsu.counting as usize)
    }

    /// Members of a campaign, in no particular order; empty for an unknown id.
    pub fn reports_in(&self, c: CampaignId) -> impl Iterator<Item = ReportId> + '_ {
        self.campaign_index
            .get(c.0)
            .and_then(|slot| self.campaigns.get(slot as usize))
            .into_iter()
            .flat_map(|c| c.members.iter())
            .map(|&r| ReportId(self.reports[r as usize].ext))
    }

    /// All campaign ids, ascending.
    pub fn campaign_ids(&self) -> Vec<CampaignId> {
        let mut ids: Vec<CampaignId> = self
            .campaigns
            .iter()
            .filter(|c| !c.members.is_empty())
            .map(|c| CampaignId(c.id))
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The partition in canonical form: each campaign's reports sorted, campaigns sorted.
    pub fn partition(&self) -> Vec<Vec<ReportId>> {
        let mut out: Vec<Vec<ReportId>> = self
            .campaigns
            .iter()
            .filter(|c| !c.members.is_empty())
            .map(|c| {
                let mut v: Vec<ReportId> = c
                    .members
                    .iter()
                    .map(|&r| ReportId(self.reports[r as usize].ext))
                    .collect();
                v.sort_unstable();
                v
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Rebuilds the engine after a restart from the stored reports (any order), each with the
    /// campaign it was stored under. See [`Correlator::restore_with_excluded`].
    pub fn restore(
        cfg: CorrelationConfig,
        reports: impl IntoIterator<Item = (ReportId, Vec<IndicatorId>, Option<CampaignId>)>,
        next_campaign_id: i64,
    ) -> (Correlator, Outcome) {
        Self::restore_with_excluded(cfg, std::iter::empty(), reports, next_campaign_id)
    }

    /// Rebuilds the engine from stored state: the excluded indicators, the reports (any order,
    /// duplicates ignored) with their stored campaign, and the stored campaign counter.
    ///
    /// The partition is computed exactly. Stored ids are kept wherever they are consistent: each
    /// component takes the stored id most of its reports carry (ties to the smallest id) and each
    /// id goes to one component only: candidates are taken greedily by count, then id. Components
    /// left without an id get new ones, in the order of their smallest report id, from
    /// `max(next_campaign_id, largest stored id + 1)`. The outcome holds the corrections; it is
    /// empty (apart from `hubs_flagged`, which lists every hub) when the stored ids were
    /// consistent.
    pub fn restore_with_excluded(
        cfg: CorrelationConfig,
        excluded: impl IntoIterator<Item = IndicatorId>,
        reports: impl IntoIterator<Item = (ReportId, Vec<IndicatorId>, Option<CampaignId>)>,
        next_campaign_id: i64,
    ) -> (Correlator, Outcome) {
        let mut c = Correlator::new(cfg);
        c.next_campaign_id = next_campaign_id;
        for ind in excluded {
            if let Some(i) = c.indicator_idx_or_insert(ind.0) {
                c.indicators[i as usize].flags |= EXCLUDED;
                c.excluded.insert(i);
            }
        }
        let mut stored: Vec<Option<i64>> = Vec::new();
        for (rid, inds, cid) in reports {
            if c.report_index.contains(rid.0) {
                continue;
            }
            if c.push_report(rid.0, &inds).is_some() {
                stored.push(cid.map(|c| c.0));
                if let Some(id) = cid {
                    c.next_campaign_id = c.next_campaign_id.max(id.0.saturating_add(1));
                }
            }
        }

        // Hub groups for every large indicator. Registering them all before replaying lets each
        // replay put every large co-indicator straight into its persistent map.
        let large: Vec<u32> = c
            .indicators
            .indices()
            .filter(|&i| c.indicators[i as usize].reports.len() > c.large_above)
            .collect();
        for &i in &large {
            c.large.insert(i, c.groups.len() as u32);
            c.indicators[i as usize].flags |= LARGE;
            c.groups.push(HubGroups::empty());
        }
        let mut out = Outcome::default();
        for &i in &large {
            c.replay_groups(i);
            let counting = c
                .large
                .get(&i)
                .and_then(|&g| c.groups.get(g as usize))
                .map_or(0, |g| g.dsu.counting as usize);
            if counting > c.cfg.hub_threshold {
                c.indicators[i as usize].flags |= HUB;
                c.hubs.insert(c.indicators.id_of(i));
            }
        }
        out.hubs_flagged = c.hubs.iter().map(|&i| IndicatorId(i)).collect();

        // Components through linking indicators.
        let n = c.reports.len();
        let mut dsu = Dsu::with_len(n);
        for i in c.indicators.indices() {
            let st = &c.indicators[i as usize];
            if st.flags & (EXCLUDED | HUB) != 0 {
                continue;
            }
            if let Some((&first, rest)) = st.reports.split_first() {
                for &r in rest {
                    dsu.union(first, r);
                }
            }
        }
        let mut comp_of_root: Map<u32, u32> = new_map();
        let mut comps: Vec<SmallVec<[u32; 2]>> = Vec::new();
        let mut comp_of_report: Vec<u32> = Vec::with_capacity(n);
        for r in 0..n as u32 {
            let root = dsu.find(r);
            let k = *comp_of_root.entry(root).or_insert_with(|| {
                comps.push(SmallVec::new());
                (comps.len() - 1) as u32
            });
            comps[k as usize].push(r);
            comp_of_report.push(k);
        }
        drop(dsu);
        drop(comp_of_root);
        let min_ext: Vec<i64> = comps
            .iter()
            .map(|m| {
                m.iter()
                    .map(|&r| c.reports[r as usize].ext)
                    .min()
                    .unwrap_or(i64::MAX)
            })
            .collect();

        // Stored ids, kept where consistent.
        let mut votes: Map<(u32, i64), u32> = new_map();
        for (r, s) in stored.iter().enumerate() {
            if let Some(id) = *s {
                *votes.entry((comp_of_report[r], id)).or_insert(0) += 1;
            }
        }
        let mut candidates: Vec<(u32, i64, i64, u32)> = votes
            .into_iter()
            .map(|((k, id), count)| (count, id, min_ext[k as usize], k))
            .collect();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut comp_id: Vec<Option<i64>> = vec![None; comps.len()];
        let mut used: Set<i64> = new_set();
        for (_, id, _, k) in candidates {
            if comp_id[k as usize].is_none() && !used.contains(&id) {
                comp_id[k as usize] = Some(id);
                used.insert(id);
            }
        }
        let mut fresh: Vec<u32> = (0..comps.len() as u32)
            .filter(|&k| comp_id[k as usize].is_none())
            .collect();
        fresh.sort_unstable_by_key(|&k| min_ext[k as usize]);
        for k in fresh {
            let id = c.alloc_campaign_id();
            comp_id[k as usize] = Some(id);
            out.campaigns_created.push(CampaignId(id));
        }

        let mut touched: BTreeSet<i64> = BTreeSet::new();
        for (k, members) in comps.into_iter().enumerate() {
            let id = comp_id[k].unwrap_or_default();
            let slot = c.campaigns.len() as u32;
            for (pos, &r) in members.iter().enumerate() {
                c.reports[r as usize].campaign = slot;
                c.reports[r as usize].pos = pos as u32;
                let before = stored[r as usize];
                if before != Some(id) {
                    out.assignments
                        .push((ReportId(c.reports[r as usize].ext), CampaignId(id)));
                    touched.insert(id);
                    if let Some(b) = before
                        && used.contains(&b)
                    {
                        touched.insert(b);
                    }
                }
            }
            c.campaigns.push(Campaign {
                id,
                forward: NONE,
                members,
            });
            c.campaign_index.insert(id, slot);
        }
        let linking: Vec<u32> = c
            .indicators
            .indices()
            .filter(|&i| c.indicators[i as usize].flags & (EXCLUDED | HUB) == 0)
            .collect();
        for i in linking {
            if let Some(&r) = c.indicators[i as usize].reports.first() {
                let camp = c.reports[r as usize].campaign;
                c.indicators[i as usize].camp = camp;
            }
        }
        // Fresh ids start above every stored one, so an unused stored id is gone for good.
        let removed: BTreeSet<i64> = stored
            .iter()
            .flatten()
            .copied()
            .filter(|id| !used.contains(id))
            .collect();
        out.campaigns_removed = removed.into_iter().map(CampaignId).collect();
        out.campaigns_touched = touched.into_iter().map(CampaignId).collect();
        out.assignments.sort_unstable();
        out.campaigns_created.sort_unstable();
        (c, out)
    }

    /// Checks the engine's internal invariants in O(size): every report sits at its position in
    /// its live campaign, every linking indicator's reports share one campaign that its cached
    /// slot leads to, hub flags match the group counts. For tests and diagnostics; `Err` names the
    /// first broken invariant.
    pub fn verify(&self) -> Result<(), String> {
        for (r, rep) in self.reports.iter().enumerate() {
            let c = self
                .campaigns
                .get(rep.campaign as usize)
                .ok_or(format!("report {} has no campaign", rep.ext))?;
            if c.forward != NONE || c.members.get(rep.pos as usize) != Some(&(r as u32)) {
                return Err(format!(
                    "report {} is not at its place in campaign {}",
                    rep.ext, c.id
                ));
            }
        }
        let mut live = 0;
        for (slot, c) in self.campaigns.iter().enumerate() {
            if c.members.is_empty() {
                continue;
            }
            live += 1;
            if self.campaign_index.get(c.id) != Some(slot as u32) {
                return Err(format!("campaign {} is not indexed", c.id));
            }
            for &m in &c.members {
                if self.reports[m as usize].campaign != slot as u32 {
                    return Err(format!("campaign {} lists a report of another", c.id));
                }
            }
        }
        if live != self.campaign_index.len() {
            return Err(format!(
                "{live} live campaigns, {} indexed",
                self.campaign_index.len()
            ));
        }
        for i in self.indicators.indices() {
            let st = &self.indicators[i as usize];
            let ext = self.indicators.id_of(i);
            if self.linking(i) && !st.reports.is_empty() {
                let c = self.reports[st.reports[0] as usize].campaign;
                if st
                    .reports
                    .iter()
                    .any(|&r| self.reports[r as usize].campaign != c)
                {
                    return Err(format!("linking indicator {ext} spans campaigns"));
                }
                if st.reports.len() >= 2 && st.camp != NONE && self.resolve(st.camp) != c {
                    return Err(format!("indicator {ext} caches the wrong campaign"));
                }
            }
            let large = st.flags & LARGE != 0;
            if large != self.large.contains_key(&i) {
                return Err(format!("indicator {ext}: large flag and map disagree"));
            }
            if let Some(&g) = self.large.get(&i) {
                let hg = &self.groups[g as usize];
                if hg.dsu.nodes.len() != st.reports.len() {
                    return Err(format!("indicator {ext}: groups cover the wrong reports"));
                }
                let hub = hg.dsu.counting as usize > self.cfg.hub_threshold;
                if hub != (st.flags & HUB != 0) || hub != self.hubs.contains(&ext) {
                    return Err(format!("indicator {ext}: hub flag out of date"));
                }
            } else if st.flags & HUB != 0 {
                return Err(format!("indicator {ext}: hub without groups"));
            }
        }
        Ok(())
    }

    // ---- internals -------------------------------------------------------------------------

    fn flag(&self, i: u32, f: u8) -> bool {
        self.indicators[i as usize].flags & f != 0
    }

    /// Links reports right now: not excluded, not a hub, not waiting for its merge.
    fn linking(&self, i: u32) -> bool {
        self.indicators[i as usize].flags & (EXCLUDED | HUB | PENDING) == 0
    }

    fn report_links(&self, r: u32) -> &[u32] {
        let rep = &self.reports[r as usize];
        &self.links[rep.span()]
    }

    fn indicator_idx_or_insert(&mut self, ext: i64) -> Option<u32> {
        if let Some(i) = self.indicators.index_of(ext) {
            return Some(i);
        }
        self.indicators.insert(ext)
    }

    /// Registers a report and appends it to its indicators' report lists; no campaign yet.
    fn push_report(&mut self, ext: i64, indicators: &[IndicatorId]) -> Option<u32> {
        if self.reports.len() >= MAX_INDEX
            || self.links.len() + MAX_INDICATORS_PER_REPORT > u32::MAX as usize
        {
            return None;
        }
        let r = self.reports.len() as u32;
        let start = self.links.len();
        // Ids first, then the indicators' state: each pass makes independent lookups, so their
        // cache misses overlap. Duplicates are found by comparing with the (short) list so far,
        // at most 256 * 256 / 2 comparisons for a report at the cap.
        for ind in indicators {
            if self.links.len() - start == MAX_INDICATORS_PER_REPORT {
                break;
            }
            let Some(i) = self.indicator_idx_or_insert(ind.0) else {
                continue;
            };
            if !self.links[start..].contains(&i) {
                self.links.push(i);
            }
        }
        let len = self.links.len() - start;
        for k in start..self.links.len() {
            let i = self.links[k] as usize;
            self.indicators[i].reports.push(r);
        }
        self.reports.push(Report {
            ext,
            start: start as u32,
            campaign: NONE,
            pos: 0,
            len: len as u16,
        });
        self.report_index.insert(ext, r);
        Some(r)
    }

    /// Updates the hub groups of the new report's indicators and returns which indicators stopped
    /// and which started linking.
    fn absorb_report_into_groups(&mut self, r: u32, set: &[u32]) -> (Vec<u32>, Vec<u32>) {
        let Self {
            indicators,
            groups,
            links,
            reports,
            large,
            ..
        } = self;
        let large_before: SmallVec<[u32; 8]> = set
            .iter()
            .copied()
            .filter(|&x| indicators[x as usize].flags & LARGE != 0)
            .collect();

        for &x in &large_before {
            let sx = &indicators[x as usize];
            let Some(&g) = large.get(&x) else {
                continue;
            };
            let HubGroups { dsu, by_indicator } = &mut groups[g as usize];
            let slot = dsu.push();
            for &j in set {
                let sj = &indicators[j as usize];
                if j == x || sj.flags & EXCLUDED != 0 {
                    continue;
                }
                let small = sj.flags & LARGE == 0;
                if small && sj.reports.len() < 2 {
                    // Only this report carries `j` so far: nothing to join, and no entry, which
                    // keeps the one-off numbers and links of every report out of the map.
                    continue;
                }
                match by_indicator.entry(j) {
                    Entry::Occupied(e) => dsu.union(slot, *e.get()),
                    Entry::Vacant(e) => {
                        if small {
                            // First time `x` meets `j` since `j` recurred: look once through
                            // `j`'s few other reports for one that also carries `x`, newest
                            // first, as those are the likeliest to share it and to be in cache.
                            let earlier = sj.reports.iter().rev().copied().find(|&r2| {
                                r2 != r && links[reports[r2 as usize].span()].contains(&x)
                            });
                            if let Some(r2) = earlier
                                && let Ok(pos) = sx.reports.binary_search(&r2)
                            {
                                dsu.union(slot, pos as u32);
                            }
                        }
                        e.insert(slot);
                    }
                }
            }
        }

        // Indicators that just became large get their groups from a replay of their reports.
        let newly: SmallVec<[u32; 8]> = set
            .iter()
            .copied()
            .filter(|&i| {
                let st = &self.indicators[i as usize];
                st.flags & LARGE == 0 && st.reports.len() > self.large_above
            })
            .collect();
        for &i in &newly {
            self.large.insert(i, self.groups.len() as u32);
            self.indicators[i as usize].flags |= LARGE;
            self.groups.push(HubGroups::empty());
        }
        for &i in &newly {
            self.replay_groups(i);
        }
        for &i in &newly {
            if !self.flag(i, EXCLUDED) {
                self.publish_large(i);
            }
        }

        let mut stopped = Vec::new();
        let mut started = Vec::new();
        for &i in set {
            if self.indicators[i as usize].flags & LARGE != 0 {
                self.refresh_hub(i, &mut stopped, &mut started);
            }
        }
        (stopped, started)
    }

    /// Recomputes the hub groups of a large indicator from its reports.
    fn replay_groups(&mut self, i: u32) {
        let st = &self.indicators[i as usize];
        let n = st.reports.len();
        let mut hg = HubGroups {
            dsu: Dsu::with_len(n),
            by_indicator: new_map(),
        };
        // Every co-indicator gets an entry, one-offs included: looking at their state to leave
        // them out would cost a cache miss each, and the replayed reports are few.
        let any_excluded = !self.excluded.is_empty();
        for (slot, &r2) in st.reports.iter().enumerate() {
            let rep = self.reports[r2 as usize];
            for &j in &self.links[rep.span()] {
                if j == i || (any_excluded && self.excluded.contains(&j)) {
                    continue;
                }
                match hg.by_indicator.entry(j) {
                    Entry::Occupied(e) => hg.dsu.union(slot as u32, *e.get()),
                    Entry::Vacant(e) => {
                        e.insert(slot as u32);
                    }
                }
            }
        }
        if let Some(&g) = self.large.get(&i)
            && let Some(slot) = self.groups.get_mut(g as usize)
        {
            *slot = hg;
        }
    }

    /// `i` just became large: add it to the persistent maps of the large indicators it shares a
    /// report with (their groups already contain the unions it implies).
    fn publish_large(&mut self, i: u32) {
        let Self {
            indicators,
            groups,
            links,
            reports,
            large,
            ..
        } = self;
        for &r2 in &indicators[i as usize].reports {
            let rep = reports[r2 as usize];
            for &y in &links[rep.span()] {
                let Some(&g) = large.get(&y) else {
                    continue;
                };
                if y == i {
                    continue;
                }
                let sy = &indicators[y as usize];
                if let Ok(pos) = sy.reports.binary_search(&r2) {
                    groups[g as usize]
                        .by_indicator
                        .entry(i)
                        .or_insert(pos as u32);
                }
            }
        }
    }

    /// Sets the hub flag of a large indicator from its group count and records what changed.
    fn refresh_hub(&mut self, i: u32, stopped: &mut Vec<u32>, started: &mut Vec<u32>) {
        let st = &self.indicators[i as usize];
        let Some(hg) = self
            .large
            .get(&i)
            .and_then(|&g| self.groups.get(g as usize))
        else {
            return;
        };
        let now = hg.dsu.counting as usize > self.cfg.hub_threshold;
        let was = st.flags & HUB != 0;
        if now == was {
            return;
        }
        self.tx.hub_before.push((i, was));
        let ext = self.indicators.id_of(i);
        if now {
            self.indicators[i as usize].flags |= HUB;
            self.hubs.insert(ext);
        } else {
            self.indicators[i as usize].flags &= !HUB;
            self.hubs.remove(&ext);
        }
        if !self.flag(i, EXCLUDED) {
            if now {
                stopped.push(i);
            } else {
                started.push(i);
            }
        }
    }

    /// Brings the partition of the already placed reports in line after `stopped` indicators
    /// stopped linking and `started` ones started.
    fn reconcile(&mut self, stopped: &[u32], started: &[u32]) {
        for &i in started {
            self.indicators[i as usize].flags |= PENDING;
        }
        // Everything an indicator linked sat in one campaign; only those campaigns can fall
        // apart, and each of their parts holds a report of a stopped indicator.
        let mut to_split: Vec<(u32, Vec<u32>)> = Vec::new();
        for &i in stopped {
            for &r in &self.indicators[i as usize].reports {
                let c = self.reports[r as usize].campaign;
                if c == NONE {
                    continue;
                }
                match to_split.iter_mut().find(|(slot, _)| *slot == c) {
                    Some((_, seeds)) => seeds.push(r),
                    None => to_split.push((c, vec![r])),
                }
            }
        }
        for (c, seeds) in to_split {
            self.split(c, &seeds);
        }
        for &i in started {
            self.indicators[i as usize].flags &= !PENDING;
            if !self.linking(i) {
                continue;
            }
            // A hub that clears may reconnect many campaigns: deduplicate through a set.
            let mut seen: Set<u32> = new_set();
            let mut slots: Vec<u32> = Vec::new();
            for &r in &self.indicators[i as usize].reports {
                let c = self.reports[r as usize].campaign;
                if c != NONE && seen.insert(c) {
                    slots.push(c);
                }
            }
            if let Some(target) = self.merge(&slots) {
                self.indicators[i as usize].camp = target;
            }
        }
    }

    /// Puts the new report into the campaign of its linking indicators, merging them, or into a
    /// campaign of its own.
    fn place_new_report(&mut self, r: u32, set: &[u32]) {
        // All placed reports of a linking indicator share one campaign, which its cached slot
        // leads to; reading the cache instead of one of its reports saves a cache miss.
        let mut slots: SmallVec<[u32; 8]> = SmallVec::new();
        for &i in set {
            let st = &self.indicators[i as usize];
            if st.flags & (EXCLUDED | HUB | PENDING) != 0 || st.reports.len() < 2 {
                continue;
            }
            let c = if st.camp != NONE {
                self.resolve(st.camp)
            } else {
                // Not expected: every linking indicator with placed reports has a cache.
                let [.., r2, _] = st.reports[..] else {
                    continue;
                };
                self.reports[r2 as usize].campaign
            };
            if c != NONE && !slots.contains(&c) {
                slots.push(c);
            }
        }
        self.tx.moved.push((r, None));
        let target = match self.merge(&slots) {
            Some(t) => t,
            None => {
                let id = self.alloc_campaign_id();
                self.tx.created.push(id);
                self.new_campaign(id)
            }
        };
        self.attach(r, target);
        for &i in set {
            let st = &mut self.indicators[i as usize];
            if st.flags & (EXCLUDED | HUB | PENDING) == 0 {
                st.camp = target;
            }
        }
    }

    fn alloc_campaign_id(&mut self) -> i64 {
        let id = self.next_campaign_id;
        self.next_campaign_id = self.next_campaign_id.saturating_add(1);
        id
    }

    fn new_campaign(&mut self, id: i64) -> u32 {
        self.campaigns.push(Campaign {
            id,
            forward: NONE,
            members: SmallVec::new(),
        });
        let slot = (self.campaigns.len() - 1) as u32;
        self.campaign_index.insert(id, slot);
        slot
    }

    /// The live campaign a slot is, or was merged into.
    fn resolve(&self, mut slot: u32) -> u32 {
        // Union by size bounds the chain by log2 of the number of reports.
        while let Some(c) = self.campaigns.get(slot as usize)
            && c.forward != NONE
        {
            slot = c.forward;
        }
        slot
    }

    /// Appends a report to a campaign's members.
    fn attach(&mut self, r: u32, slot: u32) {
        let members = &mut self.campaigns[slot as usize].members;
        let rep = &mut self.reports[r as usize];
        rep.campaign = slot;
        rep.pos = members.len() as u32;
        members.push(r);
    }

    /// Takes a report out of its campaign's members in O(1); the last member fills the gap.
    fn detach(&mut self, r: u32) {
        let rep = self.reports[r as usize];
        let members = &mut self.campaigns[rep.campaign as usize].members;
        let pos = rep.pos as usize;
        if members.get(pos) != Some(&r) {
            return;
        }
        members.swap_remove(pos);
        if let Some(&moved) = members.get(pos) {
            self.reports[moved as usize].pos = pos as u32;
        }
        self.reports[r as usize].campaign = NONE;
    }

    /// Retires a campaign whose members have all moved into `into`.
    fn retire_campaign(&mut self, slot: u32, into: u32) {
        let id = self.campaigns[slot as usize].id;
        self.campaigns[slot as usize].forward = into;
        self.campaign_index.remove(id);
        self.tx.removed.push(id);
    }

    /// Merges campaigns into the largest (ties: smaller id), which keeps its id. Returns the
    /// surviving slot, or `None` when given none.
    fn merge(&mut self, slots: &[u32]) -> Option<u32> {
        let &target = slots.iter().max_by(|&&a, &&b| {
            let (ca, cb) = (&self.campaigns[a as usize], &self.campaigns[b as usize]);
            ca.members
                .len()
                .cmp(&cb.members.len())
                .then(cb.id.cmp(&ca.id))
        })?;
        for &s in slots {
            if s == target {
                continue;
            }
            let members = std::mem::take(&mut self.campaigns[s as usize].members);
            let old_id = self.campaigns[s as usize].id;
            for &m in &members {
                self.attach(m, target);
                self.tx.moved.push((m, Some(old_id)));
            }
            self.retire_campaign(s, target);
        }
        Some(target)
    }

    /// Splits one campaign after the links through some indicators stopped. Every part of the
    /// campaign holds a report of a stopped indicator (`seeds`), so a traversal starts from each
    /// seed; traversals that meet join; all advance in lockstep, one report each per round, and
    /// the search stops as soon as at most one is still running. That one is the rest of the
    /// campaign and is never walked, so splitting small parts off a huge campaign costs the size
    /// of the small parts (union by size, in reverse). The largest part keeps the id (ties: the
    /// unwalked rest, then the part finished first); the others get new ids.
    fn split(&mut self, slot: u32, seeds: &[u32]) {
        // Traversals: a union-find over their numbers, with queue, reports found and indicators
        // walked per root.
        let mut label: Map<u32, u32> = new_map();
        let mut parent: Vec<u32> = Vec::new();
        let mut queue: Vec<Vec<u32>> = Vec::new();
        let mut found: Vec<Vec<u32>> = Vec::new();
        let mut walked: Vec<Vec<u32>> = Vec::new();
        for &s in seeds {
            if self.reports[s as usize].campaign != slot || label.contains_key(&s) {
                continue;
            }
            let t = parent.len() as u32;
            parent.push(t);
            queue.push(vec![s]);
            found.push(vec![s]);
            walked.push(Vec::new());
            label.insert(s, t);
        }
        fn root(parent: &mut [u32], mut t: u32) -> u32 {
            while parent[t as usize] != t {
                let up = parent[parent[t as usize] as usize];
                parent[t as usize] = up;
                t = up;
            }
            t
        }
        let mut active: Vec<u32> = (0..parent.len() as u32).collect();
        let mut finished: Vec<u32> = Vec::new();
        let mut seen_ind: Set<u32> = new_set();
        while active.len() > 1 {
            let mut k = 0;
            while k < active.len() && active.len() > 1 {
                let mut g = active[k];
                if root(&mut parent, g) != g {
                    // Joined another traversal, which runs on under its own entry.
                    active.swap_remove(k);
                    continue;
                }
                let Some(u) = queue[g as usize].pop() else {
                    finished.push(g);
                    active.swap_remove(k);
                    continue;
                };
                let rep = self.reports[u as usize];
                for x in rep.span() {
                    let i = self.links[x];
                    if !self.linking(i) || !seen_ind.insert(i) {
                        continue;
                    }
                    walked[g as usize].push(i);
                    for &v in &self.indicators[i as usize].reports {
                        if self.reports[v as usize].campaign != slot {
                            continue;
                        }
                        match label.get(&v) {
                            None => {
                                label.insert(v, g);
                                queue[g as usize].push(v);
                                found[g as usize].push(v);
                            }
                            Some(&t) => {
                                let h = root(&mut parent, t);
                                if h != g {
                                    // The smaller traversal's lists move into the larger's.
                                    let (big, small) =
                                        if found[g as usize].len() >= found[h as usize].len() {
                                            (g, h)
                                        } else {
                                            (h, g)
                                        };
                                    let q = std::mem::take(&mut queue[small as usize]);
                                    let f = std::mem::take(&mut found[small as usize]);
                                    let w = std::mem::take(&mut walked[small as usize]);
                                    queue[big as usize].extend(q);
                                    found[big as usize].extend(f);
                                    walked[big as usize].extend(w);
                                    parent[small as usize] = big;
                                    g = big;
                                }
                            }
                        }
                    }
                }
                k += 1;
            }
        }
        if finished.is_empty() {
            return;
        }
        let total = self.campaigns[slot as usize].members.len();
        let split_off: usize = finished.iter().map(|&f| found[f as usize].len()).sum();
        let rest = total - split_off.min(total);
        // The largest finished part, the first one on ties.
        let best = finished
            .iter()
            .copied()
            .enumerate()
            .max_by(|a, b| {
                found[a.1 as usize]
                    .len()
                    .cmp(&found[b.1 as usize].len())
                    .then(b.0.cmp(&a.0))
            })
            .map(|(_, f)| f);
        let keeper = best.filter(|&f| found[f as usize].len() > rest);
        let old_id = self.campaigns[slot as usize].id;
        for &f in &finished {
            if Some(f) == keeper {
                continue;
            }
            let id = self.alloc_campaign_id();
            self.tx.created.push(id);
            let s = self.new_campaign(id);
            for &m in &found[f as usize] {
                self.detach(m);
                self.attach(m, s);
                self.tx.moved.push((m, Some(old_id)));
            }
            for &i in &walked[f as usize] {
                self.indicators[i as usize].camp = s;
            }
        }
        if let Some(f) = keeper {
            if rest == 0 {
                // Only the keeper is left in the slot: nothing to relabel.
                return;
            }
            // The unwalked rest is smaller than a finished part: the rest gets a new id in
            // place, and the part moves to a slot under the old id.
            let id = self.alloc_campaign_id();
            self.tx.created.push(id);
            self.campaign_index.remove(old_id);
            self.campaigns[slot as usize].id = id;
            self.campaign_index.insert(id, slot);
            let s = self.new_campaign(old_id);
            for &m in &found[f as usize] {
                self.detach(m);
                self.attach(m, s);
            }
            for &i in &walked[f as usize] {
                self.indicators[i as usize].camp = s;
            }
            for &m in &self.campaigns[slot as usize].members {
                self.tx.moved.push((m, Some(old_id)));
            }
        }
    }

    /// Turns the net effect of an operation into an outcome.
    fn finish(&mut self) -> Outcome {
        let mut out = Outcome::default();
        let tx = &mut self.tx;
        // Stable sort: the first entry of each report holds its campaign before the operation.
        if tx.moved.len() > 1 {
            tx.moved.sort_by_key(|&(r, _)| r);
            tx.moved.dedup_by_key(|&mut (r, _)| r);
        }
        tx.created.sort_unstable();
        let mut touched: Vec<CampaignId> = Vec::new();
        for &(r, before) in &tx.moved {
            let rep = &self.reports[r as usize];
            let Some(now) = self.campaigns.get(rep.campaign as usize).map(|c| c.id) else {
                continue;
            };
            if before == Some(now) {
                continue;
            }
            out.assignments.push((ReportId(rep.ext), CampaignId(now)));
            touched.push(CampaignId(now));
            if let Some(b) = before
                && self.campaign_index.contains(b)
            {
                touched.push(CampaignId(b));
            }
        }
        if out.assignments.len() > 1 {
            out.assignments.sort_unstable();
            touched.sort_unstable();
            touched.dedup();
        }
        out.campaigns_touched = touched;
        for &id in &tx.created {
            if self.campaign_index.contains(id) {
                out.campaigns_created.push(CampaignId(id));
            }
        }
        for &id in &tx.removed {
            if tx.created.binary_search(&id).is_err() && !self.campaign_index.contains(id) {
                out.campaigns_removed.push(CampaignId(id));
            }
        }
        out.campaigns_removed.sort_unstable();
        out.campaigns_removed.dedup();
        if !tx.hub_before.is_empty() {
            tx.hub_before.sort_by_key(|&(i, _)| i);
            tx.hub_before.dedup_by_key(|&mut (i, _)| i);
            for &(i, was) in &tx.hub_before {
                let now = self.indicators[i as usize].flags & HUB != 0;
                if now != was {
                    let id = IndicatorId(self.indicators.id_of(i));
                    if now {
                        out.hubs_flagged.push(id);
                    } else {
                        out.hubs_cleared.push(id);
                    }
                }
            }
            out.hubs_flagged.sort_unstable();
            out.hubs_cleared.sort_unstable();
        }
        tx.reset();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[i64]) -> Vec<IndicatorId> {
        v.iter().map(|&i| IndicatorId(i)).collect()
    }

    fn parts(c: &Correlator) -> Vec<Vec<i64>> {
        c.partition()
            .into_iter()
            .map(|p| p.into_iter().map(|r| r.0).collect())
            .collect()
    }

    fn engine(t: usize, reports: &[(i64, &[i64])]) -> Correlator {
        let mut c = Correlator::new(CorrelationConfig { hub_threshold: t });
        for (r, inds) in reports {
            c.add_report(ReportId(*r), &ids(inds));
        }
        c
    }

    /// One table of small scenarios: reports in arrival order, threshold, expected partition and
    /// hubs.
    #[test]
    fn partitions_match_the_definition() {
        type Case<'a> = (
            &'a str,
            usize,
            &'a [(i64, &'a [i64])],
            &'a [&'a [i64]],
            &'a [i64],
        );
        let cases: &[Case] = &[
            (
                "no indicators: own campaigns",
                10,
                &[(1, &[]), (2, &[])],
                &[&[1], &[2]],
                &[],
            ),
            (
                "shared phone links",
                10,
                &[(1, &[100]), (2, &[100])],
                &[&[1, 2]],
                &[],
            ),
            (
                "transitive chain",
                10,
                &[(1, &[100]), (2, &[100, 101]), (3, &[101])],
                &[&[1, 2, 3]],
                &[],
            ),
            (
                "chain bridged late",
                10,
                &[(1, &[100]), (3, &[101]), (2, &[100, 101])],
                &[&[1, 2, 3]],
                &[],
            ),
            (
                "footer over 3 pairs, threshold 2: hub",
                2,
                &[
                    (1, &[9, 10]),
                    (2, &[9, 10]),
                    (3, &[9, 20]),
                    (4, &[9, 20]),
                    (5, &[9, 30]),
                    (6, &[9, 30]),
                ],
                &[&[1, 2], &[3, 4], &[5, 6]],
                &[9],
            ),
            (
                "footer over 2 pairs, threshold 2: links",
                2,
                &[(1, &[9, 10]), (2, &[9, 10]), (3, &[9, 20]), (4, &[9, 20])],
                &[&[1, 2, 3, 4]],
                &[],
            ),
            (
                "lone reports of the footer do not count as groups",
                2,
                &[
                    (1, &[9, 10]),
                    (2, &[9, 10]),
                    (3, &[9]),
                    (4, &[9]),
                    (5, &[9]),
                    (6, &[9]),
                ],
                &[&[1, 2, 3, 4, 5, 6]],
                &[],
            ),
            (
                "groups merged by a bridge stop it being a hub",
                2,
                &[
                    (1, &[9, 10]),
                    (2, &[9, 10]),
                    (3, &[9, 20]),
                    (4, &[9, 20]),
                    (5, &[9, 30]),
                    (6, &[9, 30]),
                    (7, &[9, 10, 20]),
                ],
                &[&[1, 2, 3, 4, 5, 6, 7]],
                &[],
            ),
            (
                "two footers always together mask each other",
                2,
                &[
                    (1, &[8, 9, 10]),
                    (2, &[8, 9, 10]),
                    (3, &[8, 9, 20]),
                    (4, &[8, 9, 20]),
                    (5, &[8, 9, 30]),
                    (6, &[8, 9, 30]),
                ],
                &[&[1, 2, 3, 4, 5, 6]],
                &[],
            ),
        ];
        for (name, t, reports, want, want_hubs) in cases {
            let c = engine(*t, reports);
            let want: Vec<Vec<i64>> = want.iter().map(|p| p.to_vec()).collect();
            assert_eq!(parts(&c), want, "{name}");
            let hubs: Vec<i64> = c.hubs().map(|i| i.0).collect();
            assert_eq!(hubs, want_hubs.to_vec(), "{name}");
        }
    }

    #[test]
    fn new_report_outcome_lists_its_campaign() {
        let mut c = Correlator::new(CorrelationConfig::default());
        let o = c.add_report(ReportId(1), &ids(&[100]));
        assert_eq!(o.assignments, vec![(ReportId(1), CampaignId(1))]);
        assert_eq!(o.campaigns_created, vec![CampaignId(1)]);
        assert_eq!(o.campaigns_touched, vec![CampaignId(1)]);
        let o = c.add_report(ReportId(2), &ids(&[100]));
        assert_eq!(o.assignments, vec![(ReportId(2), CampaignId(1))]);
        assert!(o.campaigns_created.is_empty());
        assert_eq!(o.campaigns_touched, vec![CampaignId(1)]);
        assert_eq!(c.next_campaign_id(), 2);
    }

    #[test]
    fn adding_a_report_twice_changes_nothing() {
        let mut c = Correlator::new(CorrelationConfig::default());
        c.add_report(ReportId(1), &ids(&[100]));
        let o = c.add_report(ReportId(1), &ids(&[200]));
        assert!(o.is_empty());
        assert_eq!(c.report_count(), 1);
        let o = c.add_report(ReportId(2), &ids(&[200]));
        assert_eq!(o.assignments, vec![(ReportId(2), CampaignId(2))]);
    }

    #[test]
    fn merge_keeps_the_larger_campaigns_id() {
        let mut c = Correlator::new(CorrelationConfig::default());
        c.add_report(ReportId(1), &ids(&[100])); // campaign 1 (small)
        c.add_report(ReportId(2), &ids(&[200])); // campaign 2
        c.add_report(ReportId(3), &ids(&[200])); // campaign 2 grows to 2 reports
        let o = c.add_report(ReportId(4), &ids(&[100, 200]));
        assert_eq!(
            o.assignments,
            vec![(ReportId(1), CampaignId(2)), (ReportId(4), CampaignId(2))]
        );
        assert_eq!(o.campaigns_removed, vec![CampaignId(1)]);
        assert_eq!(o.campaigns_touched, vec![CampaignId(2)]);
        assert!(o.campaigns_created.is_empty());
        assert_eq!(c.campaign_of(ReportId(1)), Some(CampaignId(2)));
        let mut members: Vec<ReportId> = c.reports_in(CampaignId(2)).collect();
        members.sort();
        assert_eq!(
            members,
            vec![ReportId(1), ReportId(2), ReportId(3), ReportId(4)]
        );
        assert_eq!(c.reports_in(CampaignId(1)).count(), 0);
    }

    #[test]
    fn merge_tie_goes_to_the_smaller_id() {
        let mut c = Correlator::new(CorrelationConfig::default());
        c.add_report(ReportId(1), &ids(&[100]));
        c.add_report(ReportId(2), &ids(&[200]));
        c.add_report(ReportId(3), &ids(&[100, 200]));
        assert_eq!(c.campaign_of(ReportId(2)), Some(CampaignId(1)));
        assert_eq!(c.campaign_count(), 1);
    }

    #[test]
    fn becoming_a_hub_splits_and_the_largest_part_keeps_the_id() {
        let mut c = Correlator::new(CorrelationConfig { hub_threshold: 2 });
        // Three clusters joined by footer 9; the first is the largest.
        for (r, inds) in [
            (1, [9, 10]),
            (2, [9, 10]),
            (3, [9, 10]),
            (4, [9, 20]),
            (5, [9, 20]),
            (6, [9, 30]),
        ] {
            let o = c.add_report(ReportId(r), &ids(&inds));
            assert!(o.hubs_flagged.is_empty());
        }
        assert_eq!(c.campaign_count(), 1);
        let o = c.add_report(ReportId(7), &ids(&[9, 30]));
        assert_eq!(o.hubs_flagged, vec![IndicatorId(9)]);
        assert_eq!(
            parts(&c),
            vec![vec![1, 2, 3], vec![4, 5], vec![6, 7]],
            "split into the three clusters"
        );
        assert_eq!(c.campaign_of(ReportId(1)), Some(CampaignId(1)));
        assert_eq!(o.campaigns_created.len(), 2);
        // Reports 1-3 stayed; everybody else moved.
        let moved: Vec<i64> = o.assignments.iter().map(|(r, _)| r.0).collect();
        assert_eq!(moved, vec![4, 5, 6, 7]);
        assert!(o.campaigns_touched.contains(&CampaignId(1)));

        // A bridge between two clusters brings the count back to 2: the hub clears and the
        // footer links everything again.
        let o = c.add_report(ReportId(8), &ids(&[9, 10, 20]));
        assert_eq!(o.hubs_cleared, vec![IndicatorId(9)]);
        assert_eq!(c.campaign_count(), 1);
        assert_eq!(c.campaign_of(ReportId(7)), Some(CampaignId(1)));
        assert_eq!(o.campaigns_removed.len(), 2);
    }

    #[test]
    fn exclusion_splits_and_inclusion_merges() {
        let mut c = engine(10, &[(1, &[100, 7]), (2, &[7]), (3, &[100])]);
        assert_eq!(parts(&c), vec![vec![1, 2, 3]]);
        let o = c.set_excluded(IndicatorId(7), true);
        assert_eq!(parts(&c), vec![vec![1, 3], vec![2]]);
        assert_eq!(o.assignments.len(), 1);
        assert!(c.is_excluded(IndicatorId(7)));
        // Excluding twice is a no-op.
        assert!(c.set_excluded(IndicatorId(7), true).is_empty());
        // Future reports with it do not link.
        c.add_report(ReportId(4), &ids(&[7]));
        assert_eq!(parts(&c), vec![vec![1, 3], vec![2], vec![4]]);
        let o = c.set_excluded(IndicatorId(7), false);
        assert_eq!(parts(&c), vec![vec![1, 2, 3, 4]]);
        assert_eq!(o.campaigns_removed.len(), 2);
        assert!(!c.is_excluded(IndicatorId(7)));
    }

    #[test]
    fn split_gives_the_old_id_to_the_largest_part_even_when_it_is_walked() {
        // Footer 9 on every report of the five-report cluster but on one report only of the
        // four-report chain: the walk finishes the cluster first, yet it keeps the id because
        // it is larger than the rest.
        let mut c = engine(
            10,
            &[
                (1, &[9, 10]),
                (2, &[9, 10]),
                (3, &[9, 10]),
                (4, &[9, 10]),
                (5, &[9, 10]),
                (6, &[9, 20]),
                (7, &[20, 21]),
                (8, &[21, 22]),
                (9, &[22]),
            ],
        );
        assert_eq!(c.campaign_count(), 1);
        let o = c.set_excluded(IndicatorId(9), true);
        assert_eq!(parts(&c), vec![vec![1, 2, 3, 4, 5], vec![6, 7, 8, 9]]);
        assert_eq!(c.campaign_of(ReportId(1)), Some(CampaignId(1)));
        assert_eq!(c.campaign_of(ReportId(6)), Some(CampaignId(2)));
        let moved: Vec<i64> = o.assignments.iter().map(|(r, _)| r.0).collect();
        assert_eq!(moved, vec![6, 7, 8, 9]);
        assert_eq!(o.campaigns_created, vec![CampaignId(2)]);
        assert_eq!(o.campaigns_touched, vec![CampaignId(1), CampaignId(2)]);
        let mut members: Vec<i64> = c.reports_in(CampaignId(1)).map(|r| r.0).collect();
        members.sort();
        assert_eq!(members, vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn excluding_an_unknown_indicator_applies_to_future_reports() {
        let mut c = Correlator::new(CorrelationConfig::default());
        assert!(c.set_excluded(IndicatorId(5), true).is_empty());
        c.add_report(ReportId(1), &ids(&[5]));
        c.add_report(ReportId(2), &ids(&[5]));
        assert_eq!(parts(&c), vec![vec![1], vec![2]]);
        assert!(c.set_excluded(IndicatorId(6), false).is_empty());
    }

    #[test]
    fn excluding_a_bridge_can_make_a_footer_a_hub() {
        // Footer 9 over three pairs, but indicator 50 ties the pairs together, so 9 has one
        // group. Excluding 50 splits the groups and 9 becomes a hub.
        let mut c = Correlator::new(CorrelationConfig { hub_threshold: 2 });
        for (r, inds) in [
            (1, vec![9, 10, 50]),
            (2, vec![9, 10]),
            (3, vec![9, 20, 50]),
            (4, vec![9, 20]),
            (5, vec![9, 30, 50]),
            (6, vec![9, 30]),
        ] {
            c.add_report(ReportId(r), &ids(&inds));
        }
        assert!(!c.is_hub(IndicatorId(9)));
        let o = c.set_excluded(IndicatorId(50), true);
        assert_eq!(o.hubs_flagged, vec![IndicatorId(9)]);
        assert_eq!(parts(&c), vec![vec![1, 2], vec![3, 4], vec![5, 6]]);
        let o = c.set_excluded(IndicatorId(50), false);
        assert_eq!(o.hubs_cleared, vec![IndicatorId(9)]);
        assert_eq!(parts(&c), vec![vec![1, 2, 3, 4, 5, 6]]);
    }

    #[test]
    fn excluding_a_hub_keeps_its_flag() {
        let mut c = engine(
            2,
            &[
                (1, &[9, 10]),
                (2, &[9, 10]),
                (3, &[9, 20]),
                (4, &[9, 20]),
                (5, &[9, 30]),
                (6, &[9, 30]),
            ],
        );
        assert!(c.is_hub(IndicatorId(9)));
        let o = c.set_excluded(IndicatorId(9), true);
        assert!(o.is_empty(), "{o:?}");
        assert!(c.is_hub(IndicatorId(9)));
        assert_eq!(c.hub_groups(IndicatorId(9)), Some(3));
        assert_eq!(c.hub_groups(IndicatorId(10)), None);
    }

    #[test]
    fn only_the_first_256_distinct_indicators_count() {
        let mut c = Correlator::new(CorrelationConfig::default());
        // 300 indicators, with duplicates in front that must not use up the budget.
        let mut inds: Vec<IndicatorId> = vec![IndicatorId(0); 10];
        inds.extend((0..300).map(IndicatorId));
        c.add_report(ReportId(1), &inds);
        c.add_report(ReportId(2), &[IndicatorId(255)]);
        c.add_report(ReportId(3), &[IndicatorId(256)]);
        assert_eq!(c.campaign_of(ReportId(2)), c.campaign_of(ReportId(1)));
        assert_ne!(c.campaign_of(ReportId(3)), c.campaign_of(ReportId(1)));
    }

    #[test]
    fn restore_keeps_consistent_ids_and_corrects_the_rest() {
        let cfg = CorrelationConfig::default();
        let stored = vec![
            (ReportId(1), ids(&[100]), Some(CampaignId(5))),
            (ReportId(2), ids(&[100]), Some(CampaignId(5))),
            (ReportId(3), ids(&[100]), Some(CampaignId(7))),
            (ReportId(4), ids(&[200]), Some(CampaignId(7))),
            (ReportId(5), ids(&[300]), None),
        ];
        let (c, o) = Correlator::restore(cfg, stored, 3);
        assert_eq!(parts(&c), vec![vec![1, 2, 3], vec![4], vec![5]]);
        assert_eq!(c.campaign_of(ReportId(1)), Some(CampaignId(5)));
        assert_eq!(c.campaign_of(ReportId(4)), Some(CampaignId(7)));
        // Report 5 had none: a fresh id above every stored one.
        assert_eq!(c.campaign_of(ReportId(5)), Some(CampaignId(8)));
        assert_eq!(
            o.assignments,
            vec![(ReportId(3), CampaignId(5)), (ReportId(5), CampaignId(8))]
        );
        assert_eq!(o.campaigns_created, vec![CampaignId(8)]);
        assert!(o.campaigns_removed.is_empty());
        assert_eq!(
            o.campaigns_touched,
            vec![CampaignId(5), CampaignId(7), CampaignId(8)]
        );
        assert_eq!(c.next_campaign_id(), 9);
    }

    #[test]
    fn restore_splits_one_stored_id_between_components() {
        let stored = vec![
            (ReportId(1), ids(&[100]), Some(CampaignId(4))),
            (ReportId(2), ids(&[100]), Some(CampaignId(4))),
            (ReportId(3), ids(&[200]), Some(CampaignId(4))),
            (ReportId(4), ids(&[300]), Some(CampaignId(9))),
            (ReportId(5), ids(&[300]), Some(CampaignId(9))),
            (ReportId(6), ids(&[300]), Some(CampaignId(2))),
        ];
        let (c, o) = Correlator::restore(CorrelationConfig::default(), stored, 1);
        assert_eq!(c.campaign_of(ReportId(1)), Some(CampaignId(4)));
        assert_eq!(c.campaign_of(ReportId(3)), Some(CampaignId(10)));
        assert_eq!(c.campaign_of(ReportId(6)), Some(CampaignId(9)));
        assert_eq!(o.campaigns_removed, vec![CampaignId(2)]);
        assert_eq!(o.campaigns_created, vec![CampaignId(10)]);
    }

    #[test]
    fn restore_with_exclusions_and_duplicates() {
        let stored = vec![
            (ReportId(1), ids(&[100, 7]), None),
            (ReportId(2), ids(&[7]), None),
            (ReportId(2), ids(&[100]), None),
        ];
        let (mut c, o) =
            Correlator::restore_with_excluded(CorrelationConfig::default(), ids(&[7]), stored, 1);
        assert_eq!(parts(&c), vec![vec![1], vec![2]]);
        assert_eq!(o.campaigns_created, vec![CampaignId(1), CampaignId(2)]);
        c.set_excluded(IndicatorId(7), false);
        assert_eq!(parts(&c), vec![vec![1, 2]]);
    }
}
