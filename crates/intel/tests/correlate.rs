//! The correlator against its definition: a brute-force reference recomputed from scratch, order
//! independence, restore after a restart, and the outcome stream a database would apply.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proptest::prelude::*;
use rampart_intel::correlate::{CorrelationConfig, Correlator, MAX_INDICATORS_PER_REPORT, Outcome};
use rampart_intel::ids::{CampaignId, IndicatorId, ReportId};

type Reports = Vec<(i64, Vec<i64>)>;

fn ids(v: &[i64]) -> Vec<IndicatorId> {
    v.iter().map(|&i| IndicatorId(i)).collect()
}

/// Straight from the definition, on the final data only.
fn reference(reports: &Reports, excluded: &BTreeSet<i64>, t: usize) -> (Vec<Vec<i64>>, Vec<i64>) {
    // What the engine uses of each report: first 256 distinct indicators.
    let lists: Vec<(i64, Vec<i64>)> = reports
        .iter()
        .map(|(r, inds)| {
            let mut seen = BTreeSet::new();
            let v: Vec<i64> = inds
                .iter()
                .copied()
                .filter(|i| seen.insert(*i))
                .take(MAX_INDICATORS_PER_REPORT)
                .collect();
            (*r, v)
        })
        .collect();
    let mut carrying: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (k, (_, inds)) in lists.iter().enumerate() {
        for &i in inds {
            carrying.entry(i).or_default().push(k);
        }
    }
    let mut hubs = Vec::new();
    for (&i, rs) in &carrying {
        let mut uf: Vec<usize> = (0..rs.len()).collect();
        fn find(uf: &mut [usize], mut a: usize) -> usize {
            while uf[a] != a {
                a = uf[a];
            }
            a
        }
        let mut first_with: HashMap<i64, usize> = HashMap::new();
        for (pos, &k) in rs.iter().enumerate() {
            for &j in &lists[k].1 {
                if j == i || excluded.contains(&j) {
                    continue;
                }
                match first_with.get(&j) {
                    Some(&p) => {
                        let (a, b) = (find(&mut uf, p), find(&mut uf, pos));
                        uf[a] = b;
                    }
                    None => {
                        first_with.insert(j, pos);
                    }
                }
            }
        }
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        for pos in 0..rs.len() {
            *sizes.entry(find(&mut uf, pos)).or_default() += 1;
        }
        if sizes.values().filter(|&&s| s >= 2).count() > t {
            hubs.push(i);
        }
    }
    let mut uf: Vec<usize> = (0..lists.len()).collect();
    fn find(uf: &mut [usize], mut a: usize) -> usize {
        while uf[a] != a {
            a = uf[a];
        }
        a
    }
    for (i, rs) in &carrying {
        if excluded.contains(i) || hubs.contains(i) {
            continue;
        }
        for &k in &rs[1..] {
            let (a, b) = (find(&mut uf, rs[0]), find(&mut uf, k));
            uf[a] = b;
        }
    }
    let mut comps: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for (k, (r, _)) in lists.iter().enumerate() {
        comps.entry(find(&mut uf, k)).or_default().push(*r);
    }
    let mut part: Vec<Vec<i64>> = comps
        .into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect();
    part.sort();
    (part, hubs)
}

fn partition(c: &Correlator) -> Vec<Vec<i64>> {
    c.partition()
        .into_iter()
        .map(|p| p.into_iter().map(|r| r.0).collect())
        .collect()
}

fn hubs(c: &Correlator) -> Vec<i64> {
    c.hubs().map(|i| i.0).collect()
}

/// What the database holds after applying every outcome.
#[derive(Clone, Default)]
struct Mirror {
    campaign: BTreeMap<i64, i64>,
    campaigns: BTreeSet<i64>,
    hubs: BTreeSet<i64>,
}

impl Mirror {
    fn apply(&mut self, o: &Outcome) {
        for c in &o.campaigns_created {
            assert!(self.campaigns.insert(c.0), "created twice: {c:?}");
        }
        for (r, c) in &o.assignments {
            assert!(self.campaigns.contains(&c.0), "assigned to unknown {c:?}");
            self.campaign.insert(r.0, c.0);
        }
        for c in &o.campaigns_removed {
            assert!(self.campaigns.remove(&c.0), "removed unknown {c:?}");
            assert!(
                !self.campaign.values().any(|v| *v == c.0),
                "removed {c:?} still has members"
            );
        }
        for h in &o.hubs_flagged {
            assert!(self.hubs.insert(h.0), "flagged twice {h:?}");
        }
        for h in &o.hubs_cleared {
            assert!(self.hubs.remove(&h.0), "cleared a non-hub {h:?}");
        }
    }

    fn check(&self, c: &Correlator) {
        if let Err(e) = c.verify() {
            panic!("engine invariant broken: {e}");
        }
        for (&r, &cid) in &self.campaign {
            assert_eq!(
                c.campaign_of(ReportId(r)),
                Some(CampaignId(cid)),
                "report {r}"
            );
        }
        let live: BTreeSet<i64> = c.campaign_ids().into_iter().map(|c| c.0).collect();
        assert_eq!(self.campaigns, live);
        assert_eq!(self.hubs.iter().copied().collect::<Vec<_>>(), hubs(c));
    }
}

/// Some ids are spread over the whole `i64` range (negative, huge), so that both the direct
/// pages and the hash-map spill of the engine's id indices take part in every case.
fn ind(x: i64) -> i64 {
    if x == 2 || x >= 200 {
        x.wrapping_mul(0x9e37_79b9_7f4a_7c15_u64 as i64)
    } else {
        x
    }
}

fn rep_id(k: i64) -> i64 {
    if k % 2 == 0 { -k * 1_000_003 } else { k }
}

/// Hub-prone reports: each belongs to a cluster with its own indicator, some bridge to another
/// cluster, many carry a common footer, a few carry noise from a small pool.
fn reports_strategy() -> impl Strategy<Value = Reports> {
    let report = (
        0i64..8,
        prop::bool::weighted(0.85),
        prop::option::weighted(0.12, 0i64..8),
        prop::bool::weighted(0.5),
        prop::bool::weighted(0.2),
        prop::option::weighted(0.25, 0i64..6),
    );
    prop::collection::vec(report, 5..40).prop_map(|rs| {
        rs.into_iter()
            .enumerate()
            .map(|(k, (cluster, main, bridge, f1, f2, noise))| {
                let mut v = Vec::new();
                if main {
                    v.push(ind(100 + cluster));
                }
                if let Some(b) = bridge {
                    v.push(ind(100 + b));
                }
                if f1 {
                    v.push(ind(1));
                }
                if f2 {
                    v.push(ind(2));
                }
                if let Some(n) = noise {
                    v.push(ind(200 + n));
                }
                (rep_id(k as i64 + 1), v)
            })
            .collect()
    })
}

fn feed(t: usize, reports: &Reports, mirror: &mut Mirror) -> Correlator {
    let mut c = Correlator::new(CorrelationConfig { hub_threshold: t });
    for (r, inds) in reports {
        let o = c.add_report(ReportId(*r), &ids(inds));
        assert!(
            o.assignments.iter().any(|(x, _)| x.0 == *r),
            "new report assigned"
        );
        mirror.apply(&o);
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// (a) and (d): any arrival order gives the reference partition and hubs, and the outcomes
    /// replayed into a mirror reproduce the engine's state.
    #[test]
    fn any_order_matches_the_reference(
        (reports, shuffled) in reports_strategy()
            .prop_flat_map(|r| (Just(r.clone()), Just(r).prop_shuffle())),
        t in 0usize..4,
    ) {
        let (want, want_hubs) = reference(&reports, &BTreeSet::new(), t);
        let mut m1 = Mirror::default();
        let a = feed(t, &reports, &mut m1);
        m1.check(&a);
        let mut m2 = Mirror::default();
        let b = feed(t, &shuffled, &mut m2);
        m2.check(&b);
        prop_assert_eq!(partition(&a), want.clone());
        prop_assert_eq!(partition(&b), want);
        prop_assert_eq!(hubs(&a), want_hubs.clone());
        prop_assert_eq!(hubs(&b), want_hubs);
    }

    /// (d) with exclusions toggled at random points between arrivals.
    #[test]
    fn exclusions_at_any_time_match_the_reference(
        reports in reports_strategy(),
        toggles in prop::collection::vec(
            (0usize..40, prop::sample::select(vec![1i64, 2, 100, 101, 102, 200, 201]).prop_map(ind), any::<bool>()),
            0..8,
        ),
        t in 0usize..4,
    ) {
        let mut c = Correlator::new(CorrelationConfig { hub_threshold: t });
        let mut mirror = Mirror::default();
        let mut excluded = BTreeSet::new();
        for (k, (r, inds)) in reports.iter().enumerate() {
            for &(at, ind, ex) in &toggles {
                if at == k {
                    let o = c.set_excluded(IndicatorId(ind), ex);
                    mirror.apply(&o);
                    if ex { excluded.insert(ind); } else { excluded.remove(&ind); }
                }
            }
            let o = c.add_report(ReportId(*r), &ids(inds));
            mirror.apply(&o);
            mirror.check(&c);
            let (want, want_hubs) = reference(&reports[..=k].to_vec(), &excluded, t);
            prop_assert_eq!(partition(&c), want);
            prop_assert_eq!(hubs(&c), want_hubs);
        }
        // Toggles scheduled past the end apply to the full data.
        for &(at, ind, ex) in &toggles {
            if at >= reports.len() {
                let o = c.set_excluded(IndicatorId(ind), ex);
                mirror.apply(&o);
                if ex { excluded.insert(ind); } else { excluded.remove(&ind); }
                mirror.check(&c);
                let (want, want_hubs) = reference(&reports, &excluded, t);
                prop_assert_eq!(partition(&c), want);
                prop_assert_eq!(hubs(&c), want_hubs);
            }
        }
        for &ind in &excluded {
            prop_assert!(c.is_excluded(IndicatorId(ind)));
        }
    }

    /// (b): restoring from what the database holds gives the same partition, ids and hubs, and
    /// asks for no correction; restoring without stored ids gives the same partition.
    #[test]
    fn restore_reproduces_the_incremental_state(
        (reports, shuffled) in reports_strategy()
            .prop_flat_map(|r| (Just(r.clone()), Just(r).prop_shuffle())),
        excluded in prop::collection::btree_set(prop::sample::select(vec![1i64, 2, 100, 200]).prop_map(ind), 0..2),
        t in 0usize..4,
    ) {
        let cfg = CorrelationConfig { hub_threshold: t };
        let mut c = Correlator::new(cfg.clone());
        let mut mirror = Mirror::default();
        for &e in &excluded {
            mirror.apply(&c.set_excluded(IndicatorId(e), true));
        }
        for (r, inds) in &reports {
            mirror.apply(&c.add_report(ReportId(*r), &ids(inds)));
        }
        let by_id: HashMap<i64, Vec<i64>> = reports.iter().cloned().collect();
        let stored = shuffled.iter().map(|(r, _)| {
            (ReportId(*r), ids(&by_id[r]), Some(CampaignId(mirror.campaign[r])))
        });
        let (back, o) = Correlator::restore_with_excluded(
            cfg.clone(),
            excluded.iter().map(|&e| IndicatorId(e)),
            stored,
            c.next_campaign_id(),
        );
        prop_assert_eq!(partition(&back), partition(&c));
        prop_assert_eq!(hubs(&back), hubs(&c));
        prop_assert!(o.assignments.is_empty(), "{:?}", o);
        prop_assert!(o.campaigns_created.is_empty());
        prop_assert!(o.campaigns_removed.is_empty());
        prop_assert!(o.campaigns_touched.is_empty());
        prop_assert_eq!(o.hubs_flagged.iter().map(|h| h.0).collect::<Vec<_>>(), hubs(&c));
        for (r, _) in &reports {
            prop_assert_eq!(back.campaign_of(ReportId(*r)), c.campaign_of(ReportId(*r)));
        }
        prop_assert_eq!(back.next_campaign_id(), c.next_campaign_id());

        // From nothing but the links: same partition, every report corrected.
        let (fresh, o) = Correlator::restore_with_excluded(
            cfg,
            excluded.iter().map(|&e| IndicatorId(e)),
            shuffled.iter().map(|(r, inds)| (ReportId(*r), ids(inds), None)),
            1,
        );
        prop_assert_eq!(partition(&fresh), partition(&c));
        prop_assert_eq!(o.assignments.len(), reports.len());
        prop_assert_eq!(o.campaigns_created.len(), fresh.campaign_count());

        // The restored engine keeps going like the original. (Which part of a split keeps the
        // id on a size tie depends on internal order, so only the partition is compared.)
        let mut back = back;
        let mut back_mirror = mirror.clone();
        for (r, inds) in [(10_000i64, vec![1i64, 100, 101]), (10_001, vec![ind(2), 102])] {
            mirror.apply(&c.add_report(ReportId(r), &ids(&inds)));
            back_mirror.apply(&back.add_report(ReportId(r), &ids(&inds)));
        }
        prop_assert_eq!(partition(&back), partition(&c));
        prop_assert_eq!(hubs(&back), hubs(&c));
        mirror.check(&c);
        back_mirror.check(&back);
    }
}

/// (c) from the brief: six clusters of three reports, each cluster with its own domain, all
/// eighteen carrying one footer; threshold 5.
#[test]
fn footer_over_six_clusters_is_a_hub_and_over_four_is_not() {
    for (clusters, want_hub, want_campaigns) in [(6i64, true, 6usize), (4, false, 1)] {
        let mut c = Correlator::new(CorrelationConfig { hub_threshold: 5 });
        let footer = IndicatorId(1);
        let mut mirror = Mirror::default();
        for g in 0..clusters {
            for k in 0..3 {
                let o = c.add_report(ReportId(g * 3 + k + 1), &[IndicatorId(100 + g), footer]);
                mirror.apply(&o);
            }
        }
        mirror.check(&c);
        assert_eq!(c.is_hub(footer), want_hub, "{clusters} clusters");
        assert_eq!(c.campaign_count(), want_campaigns, "{clusters} clusters");
        assert_eq!(c.hub_groups(footer), Some(clusters as usize));
        let (want, _) = reference(
            &(0..clusters)
                .flat_map(|g| (0..3).map(move |k| (g * 3 + k + 1, vec![100 + g, 1])))
                .collect(),
            &BTreeSet::new(),
            5,
        );
        assert_eq!(partition(&c), want);
    }
}

/// Footer hubs do not swallow a growing campaign's id: the biggest cluster keeps it.
#[test]
fn big_campaign_keeps_its_id_through_hub_split() {
    let mut c = Correlator::new(CorrelationConfig { hub_threshold: 3 });
    let footer = IndicatorId(1);
    // A big campaign first, then small clusters that share the footer.
    for k in 0..20 {
        c.add_report(ReportId(k + 1), &[IndicatorId(100), footer]);
    }
    let big = c.campaign_of(ReportId(1));
    for g in 0..5i64 {
        for k in 0..2 {
            c.add_report(ReportId(100 + g * 2 + k), &[IndicatorId(200 + g), footer]);
        }
    }
    assert!(c.is_hub(footer));
    assert_eq!(c.campaign_of(ReportId(1)), big);
    assert_eq!(c.campaign_count(), 6);
}

/// A larger random stream against the reference, with the default threshold.
#[test]
fn long_stream_matches_the_reference() {
    let mut state = 0x1234_5678_9abc_def0u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut reports: Reports = Vec::new();
    for r in 0..3000i64 {
        let mut v = Vec::new();
        let cluster = (next() % 150) as i64;
        v.push(1000 + cluster);
        if next() % 4 == 0 {
            v.push(5000 + r); // one-off rotating number
        }
        if next() % 10 == 0 {
            v.push((next() % 3) as i64 + 1); // footers
        }
        if next() % 30 == 0 {
            v.push(1000 + (next() % 150) as i64); // bridge
        }
        if next() % 20 == 0 {
            v.clear(); // a report with nothing to correlate
        }
        reports.push((r + 1, v));
    }
    let mut mirror = Mirror::default();
    let c = feed(10, &reports, &mut mirror);
    mirror.check(&c);
    let (want, want_hubs) = reference(&reports, &BTreeSet::new(), 10);
    assert_eq!(partition(&c), want);
    assert_eq!(hubs(&c), want_hubs);
    assert!(
        !want_hubs.is_empty(),
        "the footers should be hubs in this stream"
    );
}
