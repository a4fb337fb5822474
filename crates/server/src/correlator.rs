//! The correlator: one process at a time (a lease in the database) holds the in-memory
//! correlation engine, feeds it each processed report, and writes what changed (assignments,
//! merges, hubs, campaign statistics and rank) back in one fenced transaction.
//!
//! The engine is rebuilt from the stored report-indicator links whenever this process takes the
//! lease or a write fails, so the database stays the single source of truth.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use rampart_intel::correlate::{CorrelationConfig, Correlator, Outcome};
use rampart_intel::ids::{CampaignId, IndicatorId, ReportId};
use rampart_intel::rank::{self, CampaignStats};
use rampart_store::{CampaignNumbers, CorrelationTx, StoreError};
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

use crate::AppState;
use crate::intake::millis;

pub const LEASE: &str = "correlator";
const LEASE_TTL_MS: i64 = 30_000;
const RENEW_EVERY: Duration = Duration::from_secs(10);
const RESCORE_EVERY: Duration = Duration::from_secs(3600);
const DAY_MS: i64 = 86_400_000;

/// Runs until `cancel`; finishes the batch in hand before stopping.
pub async fn run(state: AppState, cancel: CancellationToken) {
    let holder = format!("{}-correlator", state.node_id);
    let mut engine: Option<Correlator> = None;
    let mut ranks = RankQueue::default();
    let mut renewed = Instant::now() - RENEW_EVERY;
    let mut rescored = Instant::now();
    loop {
        if cancel.is_cancelled() {
            break;
        }
        let now = millis(OffsetDateTime::now_utc());
        if engine.is_none() || renewed.elapsed() >= RENEW_EVERY {
            match state
                .store
                .acquire_lease(LEASE, &holder, now, LEASE_TTL_MS)
                .await
            {
                Ok(true) => renewed = Instant::now(),
                Ok(false) => {
                    if engine.take().is_some() {
                        tracing::warn!("lost the correlator lease to another node");
                    }
                    wait(&state, &cancel, Duration::from_secs(5)).await;
                    continue;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not take the correlator lease");
                    engine = None;
                    wait(&state, &cancel, Duration::from_secs(2)).await;
                    continue;
                }
            }
        }
        if engine.is_none() {
            match restore(&state, &holder).await {
                Ok((e, touched)) => {
                    ranks.extend(touched);
                    engine = Some(e);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not rebuild the correlator");
                    wait(&state, &cancel, Duration::from_secs(2)).await;
                    continue;
                }
            }
        }
        let Some(eng) = engine.as_mut() else { continue };
        if rescored.elapsed() >= RESCORE_EVERY {
            if let Err(e) = rescore_active(&state, &holder).await {
                tracing::warn!(error = %e, "could not re-rank campaigns");
            }
            // Housekeeping that must run somewhere, once: the lease holder does it.
            let hours = i64::try_from(state.settings.idempotency_hours).unwrap_or(24);
            match state
                .store
                .expire_idempotency_keys(now - hours * 3_600_000)
                .await
            {
                Ok(n) if n > 0 => tracing::info!(expired = n, "idempotency keys expired"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not expire idempotency keys"),
            }
            rescored = Instant::now();
        }
        let stepped = step(&state, eng, &holder).await;
        if let Ok((_, touched)) = &stepped {
            ranks.extend(touched.iter().copied());
        }
        if let Err(e) = ranks.rank_due(&state, &holder).await {
            tracing::warn!(error = %e, "could not rank campaigns");
        }
        match stepped {
            Ok((0, _)) => {
                let idle = if ranks.is_empty() {
                    Duration::from_secs(1)
                } else {
                    RANK_MIN_INTERVAL
                };
                wait(&state, &cancel, idle).await;
            }
            Ok((n, _)) => {
                metrics::counter!("rampart_reports_correlated_total").increment(n as u64);
            }
            Err(StoreError::Conflict(why)) if why == REBUILD_NEEDED => {
                tracing::info!("rebuilding the correlation after a manual merge or split");
                engine = None;
            }
            Err(e) => {
                // The engine may now be ahead of the database; rebuild it from the database.
                tracing::warn!(error = %e, "correlation write failed; rebuilding");
                engine = None;
                wait(&state, &cancel, Duration::from_secs(1)).await;
            }
        }
    }
    let _ = state.store.release_lease(LEASE, &holder).await;
    tracing::info!("correlator stopped");
}

async fn wait(state: &AppState, cancel: &CancellationToken, d: Duration) {
    tokio::select! {
        _ = cancel.cancelled() => {},
        _ = state.correlate.notified() => {},
        _ = tokio::time::sleep(d) => {},
    }
}

fn config(state: &AppState) -> CorrelationConfig {
    CorrelationConfig {
        hub_threshold: state.settings.correlation.hub_threshold,
    }
}

/// Rebuilds the engine from the database and writes back any correction it finds; returns the
/// engine and the campaigns whose rank must be refreshed.
pub async fn restore(
    state: &AppState,
    holder: &str,
) -> Result<(Correlator, BTreeSet<i64>), StoreError> {
    let started = Instant::now();
    let stored = state.store.stored_links().await?;
    let count = stored.reports.len();
    let commands: Vec<i64> = stored.commands.iter().map(|c| c.id).collect();
    let to_rank: BTreeSet<i64> = stored
        .commands
        .iter()
        .filter_map(|c| c.campaign_id)
        .collect();
    let (engine, outcome) = Correlator::restore_with_excluded(
        config(state),
        stored.excluded.into_iter().map(IndicatorId),
        stored.reports.into_iter().map(|(r, c, inds)| {
            (
                ReportId(r),
                inds.into_iter().map(IndicatorId).collect::<Vec<_>>(),
                c.map(CampaignId),
            )
        }),
        stored.next_campaign_id,
    );
    let mut touched = apply(state, &engine, holder, &[], vec![outcome], &commands, true).await?;
    touched.extend(to_rank);
    tracing::info!(
        reports = count,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "correlator rebuilt"
    );
    Ok((engine, touched))
}

/// Correlates one batch of processed reports; returns how many, and the campaigns whose rank
/// must be refreshed.
pub async fn step(
    state: &AppState,
    engine: &mut Correlator,
    holder: &str,
) -> Result<(usize, BTreeSet<i64>), StoreError> {
    let commands = state.store.pending_correlation_commands(100).await?;
    if !commands.is_empty() {
        return run_commands(state, engine, holder, &commands).await;
    }
    let batch = state
        .store
        .uncorrelated_reports(state.settings.correlation.batch_size.max(1))
        .await?;
    if batch.is_empty() {
        return Ok((0, BTreeSet::new()));
    }
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut ids = Vec::with_capacity(batch.len());
    for (report, indicators) in &batch {
        let inds: Vec<IndicatorId> = indicators.iter().copied().map(IndicatorId).collect();
        outcomes.push(engine.add_report(ReportId(*report), &inds));
        ids.push(*report);
    }
    let touched = apply(state, engine, holder, &ids, outcomes, &[], false).await?;
    Ok((batch.len(), touched))
}

/// Carries out analysts' commands in order: an indicator excluded or included again changes
/// the engine in place; a manual merge or its undoing needs a rebuild, reported as
/// [`StoreError::Conflict`] carrying [`REBUILD_NEEDED`] so the loop restores the engine.
async fn run_commands(
    state: &AppState,
    engine: &mut Correlator,
    holder: &str,
    commands: &[rampart_store::CorrelationCommand],
) -> Result<(usize, BTreeSet<i64>), StoreError> {
    let mut outcomes = Vec::new();
    let mut done = Vec::new();
    let mut to_rank = BTreeSet::new();
    for c in commands {
        match (c.kind.as_str(), c.indicator_id) {
            (rampart_store::EXCLUDE, Some(i)) => {
                outcomes.push(engine.set_excluded(IndicatorId(i), true))
            }
            (rampart_store::INCLUDE, Some(i)) => {
                outcomes.push(engine.set_excluded(IndicatorId(i), false))
            }
            (rampart_store::REBUILD, _) => {
                if done.is_empty() {
                    return Err(StoreError::Conflict(REBUILD_NEEDED.into()));
                }
                // Finish the commands before it first; the rebuild comes next round.
                break;
            }
            _ => {
                tracing::warn!(command = c.id, kind = %c.kind, "unknown correlation command skipped")
            }
        }
        to_rank.extend(c.campaign_id);
        done.push(c.id);
    }
    let mut touched = apply(state, engine, holder, &[], outcomes, &done, false).await?;
    touched.extend(to_rank);
    Ok((done.len(), touched))
}

/// The message of the conflict that asks the correlator loop for a rebuild.
pub const REBUILD_NEEDED: &str = "the correlation must be rebuilt";

/// Writes the net effect of `outcomes` (read back from the engine, so a campaign created and
/// merged away within one batch never reaches the database) and marks `reports` correlated.
/// Returns the live campaigns whose membership changed. Ranking is left out of this
/// transaction: it reads whole campaigns, and the write lock is for writing.
async fn apply(
    state: &AppState,
    engine: &Correlator,
    holder: &str,
    reports: &[i64],
    outcomes: Vec<Outcome>,
    commands: &[i64],
    rebuilt: bool,
) -> Result<BTreeSet<i64>, StoreError> {
    let now = millis(OffsetDateTime::now_utc());
    let mut moved: BTreeSet<i64> = reports.iter().copied().collect();
    let mut created = BTreeSet::new();
    let mut removed = BTreeSet::new();
    let mut touched = BTreeSet::new();
    let mut hubs = BTreeSet::new();
    for o in outcomes {
        moved.extend(o.assignments.iter().map(|(r, _)| r.0));
        created.extend(o.campaigns_created.iter().map(|c| c.0));
        removed.extend(o.campaigns_removed.iter().map(|c| c.0));
        touched.extend(o.campaigns_touched.iter().map(|c| c.0));
        hubs.extend(o.hubs_flagged.iter().map(|i| i.0));
        hubs.extend(o.hubs_cleared.iter().map(|i| i.0));
    }
    let mut tx = state
        .store
        .begin_correlation(LEASE, holder, now, LEASE_TTL_MS)
        .await?;
    // Where each emptied campaign's reports went, learnt before they move.
    let mut merged_into: HashMap<i64, Option<i64>> = HashMap::new();
    for &c in &removed {
        if created.contains(&c) {
            continue;
        }
        let target = tx
            .a_report_of(c)
            .await?
            .and_then(|r| engine.campaign_of(ReportId(r)))
            .map(|c| c.0);
        merged_into.insert(c, target);
    }
    for &c in &created {
        if !removed.contains(&c) {
            tx.create_campaign(c, now).await?;
        }
    }
    let new: BTreeSet<i64> = reports.iter().copied().collect();
    for &r in &moved {
        if let Some(c) = engine.campaign_of(ReportId(r)) {
            if new.contains(&r) {
                tx.assign_new(r, c.0, now).await?;
            } else {
                tx.assign(r, c.0).await?;
            }
            touched.insert(c.0);
        }
    }
    for (&c, &into) in &merged_into {
        tx.mark_merged(c, into, now).await?;
        touched.remove(&c);
    }
    if rebuilt {
        // A rebuilt engine knows today's hubs, not which stored flags are stale.
        tx.clear_hubs().await?;
    }
    for &i in &hubs {
        tx.set_hub(i, engine.is_hub(IndicatorId(i))).await?;
    }
    for &r in reports {
        if engine.campaign_of(ReportId(r)).is_none() {
            // Not seen by the engine (cannot happen for a report it was given); still mark it so
            // it is not offered again.
            tx.mark_correlated(r, now).await?;
        }
    }
    tx.commands_done(commands, now).await?;
    // The chain records what the system concluded: each new report with the hash of its raw
    // bytes (so the evidence itself is covered) and its campaign, campaigns created and merged.
    let relinked: Vec<i64> = moved.difference(&new).copied().collect();
    if !reports.is_empty()
        || !merged_into.is_empty()
        || !relinked.is_empty()
        || !commands.is_empty()
    {
        let hashes = tx.raw_hashes(reports).await?;
        let correlated: Vec<(i64, String, Option<i64>)> = hashes
            .into_iter()
            .map(|(r, h)| (r, h, engine.campaign_of(ReportId(r)).map(|c| c.0)))
            .collect();
        let moved_to: Vec<(i64, Option<i64>)> = relinked
            .iter()
            .map(|&r| (r, engine.campaign_of(ReportId(r)).map(|c| c.0)))
            .collect();
        let created_now: Vec<i64> = created.difference(&removed).copied().collect();
        let merges: BTreeMap<i64, Option<i64>> =
            merged_into.iter().map(|(k, v)| (*k, *v)).collect();
        tx.record(rampart_casework::audit::Event {
            at: now,
            actor: "system".into(),
            action: "correlation.apply".into(),
            object: "correlation".into(),
            detail: serde_json::json!({
                "reports": correlated,
                "moved": moved_to,
                "campaigns_created": created_now,
                "campaigns_merged": merges,
                "commands": commands,
                "rebuilt": rebuilt,
            })
            .to_string(),
        })
        .await?;
    }
    tx.commit().await?;
    if !hubs.is_empty() {
        tracing::info!(hubs = hubs.len(), "hub flags changed");
    }
    touched.retain(|c| !removed.contains(c));
    Ok(touched)
}

/// How soon a large campaign may be ranked again: its statistics read every report it has, so
/// while reports pour in it is re-ranked at this pace rather than after every batch.
const RANK_MIN_INTERVAL: Duration = Duration::from_millis(2000);
/// Campaigns at most this large are ranked after every batch that touches them.
const RANK_ALWAYS_BELOW: i64 = 200;

/// Campaigns waiting to be ranked, and when each was last ranked.
#[derive(Default)]
struct RankQueue {
    pending: BTreeSet<i64>,
    last: HashMap<i64, (Instant, i64)>,
}

impl RankQueue {
    fn extend(&mut self, ids: impl IntoIterator<Item = i64>) {
        self.pending.extend(ids);
    }

    fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Ranks the pending campaigns that are small or have waited long enough: statistics are
    /// read beside the writers, and only the scores are written, in one short transaction.
    async fn rank_due(&mut self, state: &AppState, holder: &str) -> Result<(), StoreError> {
        let now = millis(OffsetDateTime::now_utc());
        let due: Vec<i64> = self
            .pending
            .iter()
            .copied()
            .filter(|c| match self.last.get(c) {
                None => true,
                Some((at, size)) => *size <= RANK_ALWAYS_BELOW || at.elapsed() >= RANK_MIN_INTERVAL,
            })
            .take(1000)
            .collect();
        if due.is_empty() {
            return Ok(());
        }
        // A campaign that cannot be counted is dropped from the queue rather than retried
        // forever (the next report or the hourly re-rank brings it back); when the database
        // itself failed, all of them stay queued.
        for id in &due {
            self.pending.remove(id);
        }
        let ranked = match rank_campaigns(state, holder, &due, now).await {
            Ok(ranked) => ranked,
            Err(e) => {
                self.pending.extend(due);
                return Err(e);
            }
        };
        for (id, reports) in ranked {
            self.last.insert(id, (Instant::now(), reports));
        }
        if self.last.len() > 100_000 {
            self.last
                .retain(|_, (at, _)| at.elapsed() < RANK_MIN_INTERVAL);
        }
        Ok(())
    }
}

async fn write_rank(
    tx: &mut CorrelationTx,
    id: i64,
    n: &CampaignNumbers,
    now: i64,
) -> Result<(), StoreError> {
    let stats = stats_of(n);
    let ranking = rank::score(&stats, to_time(now));
    let reasons = serde_json::to_string(&ranking.reasons).unwrap_or_else(|_| "[]".into());
    let stats_json = serde_json::json!({
        "reports": n.reports,
        "distinct_reporters": n.distinct_reporters,
        "reporters_last_7d": n.reporters_last_7d,
        "reporters_prev_7d": n.reporters_prev_7d,
        "victims_with_loss": n.victims_with_loss,
        "countries": n.countries,
        "channels": n.channels,
    })
    .to_string();
    tx.set_rank(id, n, ranking.score, &reasons, &stats_json, now)
        .await
}

/// Recency and velocity change with the clock, not only with new reports: re-rank what was
/// active in the last 30 days.
async fn rescore_active(state: &AppState, holder: &str) -> Result<(), StoreError> {
    let now = millis(OffsetDateTime::now_utc());
    let ids = state.store.active_campaign_ids(now - 30 * DAY_MS).await?;
    for chunk in ids.chunks(200) {
        rank_campaigns(state, holder, chunk, now).await?;
    }
    Ok(())
}

/// Counts each campaign beside the writers, then writes all their ranks in one short fenced
/// transaction. A campaign that cannot be counted is skipped (and logged), not allowed to stop
/// the others. Returns the ranked campaigns with their report counts.
async fn rank_campaigns(
    state: &AppState,
    holder: &str,
    ids: &[i64],
    now: i64,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut ranked = Vec::with_capacity(ids.len());
    for &id in ids {
        match state.store.campaign_numbers(id, now).await {
            Ok(n) => ranked.push((id, n)),
            Err(e) if e.is_unavailable() => return Err(e),
            Err(e) => {
                tracing::warn!(campaign = id, error = %e, "could not count a campaign; skipping it")
            }
        }
    }
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    let mut tx = state
        .store
        .begin_correlation(LEASE, holder, now, LEASE_TTL_MS)
        .await?;
    for (id, n) in &ranked {
        write_rank(&mut tx, *id, n, now).await?;
    }
    tx.commit().await?;
    Ok(ranked.into_iter().map(|(id, n)| (id, n.reports)).collect())
}

fn to_time(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn stats_of(n: &CampaignNumbers) -> CampaignStats {
    let u = |v: i64| u64::try_from(v).unwrap_or(0);
    CampaignStats {
        reports: u(n.reports),
        distinct_reporters: u(n.distinct_reporters),
        first_seen: to_time(n.first_seen),
        last_seen: to_time(n.last_seen),
        reporters_last_7d: u(n.reporters_last_7d),
        reporters_prev_7d: u(n.reporters_prev_7d),
        money_lost: n
            .money
            .iter()
            .map(|m| (m.currency.clone(), m.minor))
            .collect(),
        victims_with_loss: u(n.victims_with_loss),
        countries: u(n.countries),
        channels: u(n.channels),
    }
}
