//! The abuse engine as the service runs it. Every node keeps the marketplace's model in memory,
//! fed by tailing the event log (so every node answers decisions from the same history, and a
//! restart rebuilds it from the log); one node at a time (a lease) runs the detectors over it
//! and saves what they find. Decisions read the model, the analyst rules in force, the account's
//! enforcement status and its open findings; they are stored in small group commits.
//!
//! The model is behind a read-write lock that decisions only read. Its one writer, the tail,
//! never waits for the lock (it tries, and tries again shortly), so a long detection run that
//! holds a read lock can never make a decision queue behind a waiting writer.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use rampart_abuse::decide::{Known, Reason};
use rampart_abuse::detect::{self, DetectConfig, Finding};
use rampart_abuse::events::{Event, parse_line};
use rampart_abuse::model::Model;
use rampart_abuse::rules::{Evaluation, Mode, Outcome, Rule, RuleSet};
use rampart_abuse::stats::AccountStats;
use rampart_store::{NewDecision, NewFinding, RuleRow, StoreError, WebhookRow};
use serde::Serialize;
use time::OffsetDateTime;
use tokio::sync::{Notify, mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use crate::AppState;
use crate::intake::millis;

/// The lease the detection runs are under.
pub const LEASE: &str = "abuse-detect";
const LEASE_TTL_MS: i64 = 120_000;
/// Events read from the log per page, and applied per hold of the lock.
const TAIL_PAGE: i64 = 5_000;
const APPLY_CHUNK: usize = 256;

/// The engine's state, shared by every handler and task of a node.
pub struct Engine {
    model: RwLock<Model>,
    /// The last event log id applied.
    cursor: AtomicI64,
    /// Bumped whenever the model changes, so detection runs only when there is something new.
    generation: AtomicU64,
    /// Set once the log has been read to its end after start.
    caught_up: AtomicBool,
    rules: RwLock<Arc<LoadedRules>>,
    /// Open (not dismissed) findings per account: how many and the highest score.
    flags: RwLock<HashMap<String, (u64, f64)>>,
    /// Accounts whose enforcement status is not active, and their status.
    statuses: RwLock<HashMap<String, String>>,
    /// Banned identifiers (kind, value), for sign-up screening.
    banned: RwLock<HashSet<(String, String)>>,
    webhooks: RwLock<Arc<Vec<WebhookRow>>>,
    pub detect: DetectConfig,
    /// Pinged when rules, statuses or bans change, so every part reloads them.
    pub reload: Notify,
    writer: mpsc::Sender<Pending>,
    writer_rx: std::sync::Mutex<Option<mpsc::Receiver<Pending>>>,
}

/// The analyst rules in force, compiled.
#[derive(Default)]
pub struct LoadedRules {
    /// `None` before the first load.
    pub set: Option<RuleSet>,
    /// Rules that are stored but could not be compiled (they are left out, and said so).
    pub broken: Vec<String>,
}

struct Pending {
    decision: NewDecision,
    /// Webhook deliveries to queue with it.
    jobs: Vec<(String, String)>,
    done: oneshot::Sender<Result<(), String>>,
}

impl Engine {
    pub fn new(detect: DetectConfig) -> Engine {
        let (tx, rx) = mpsc::channel(4_096);
        Engine {
            model: RwLock::new(Model::with_options(detect.model_options())),
            cursor: AtomicI64::new(0),
            generation: AtomicU64::new(0),
            caught_up: AtomicBool::new(false),
            rules: RwLock::new(Arc::new(LoadedRules::default())),
            flags: RwLock::new(HashMap::new()),
            statuses: RwLock::new(HashMap::new()),
            banned: RwLock::new(HashSet::new()),
            webhooks: RwLock::new(Arc::new(Vec::new())),
            detect,
            reload: Notify::new(),
            writer: tx,
            writer_rx: std::sync::Mutex::new(Some(rx)),
        }
    }

    /// Distinct events in the model, and whether it has read the whole log since start.
    pub fn model_size(&self) -> (usize, bool) {
        let n = self.model.read().map(|m| m.len()).unwrap_or(0);
        (n, self.caught_up.load(Ordering::Relaxed))
    }

    /// What the model knows of an account now, with its open findings.
    pub fn stats(&self, account_id: &str, as_of: i64) -> AccountStats {
        let mut s = match self.model.read() {
            Ok(m) => m.stats(account_id, as_of),
            Err(_) => AccountStats {
                account_id: account_id.to_string(),
                ..AccountStats::default()
            },
        };
        if let Ok(flags) = self.flags.read()
            && let Some((n, score)) = flags.get(account_id)
        {
            s.findings = *n;
            s.finding_score = *score;
        }
        s
    }

    /// Reads the model under its lock (for handlers that need more than stats).
    pub fn with_model<T>(&self, f: impl FnOnce(&Model) -> T) -> Option<T> {
        self.model.read().ok().map(|m| f(&m))
    }

    pub fn rules(&self) -> Arc<LoadedRules> {
        self.rules
            .read()
            .map(|r| r.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    /// The webhook subscriptions, as last loaded.
    pub fn webhooks(&self) -> Arc<Vec<WebhookRow>> {
        self.webhooks
            .read()
            .map(|w| w.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    pub fn account_status(&self, account_id: &str) -> Option<String> {
        self.statuses
            .read()
            .ok()
            .and_then(|s| s.get(account_id).cloned())
    }

    /// Applies events already parsed, a chunk per hold of the lock; returns how many were new.
    fn apply(&self, events: &[Event]) -> usize {
        let mut new = 0;
        for chunk in events.chunks(APPLY_CHUNK) {
            let mut backoff = Duration::from_micros(200);
            loop {
                match self.model.try_write() {
                    Ok(mut m) => {
                        new += chunk.iter().filter(|e| m.apply(e)).count();
                        break;
                    }
                    Err(std::sync::TryLockError::WouldBlock) => {
                        std::thread::sleep(backoff);
                        backoff = (backoff * 2).min(Duration::from_millis(20));
                    }
                    Err(std::sync::TryLockError::Poisoned(p)) => {
                        let mut m = p.into_inner();
                        new += chunk.iter().filter(|e| m.apply(e)).count();
                        break;
                    }
                }
            }
        }
        if new > 0 {
            self.generation.fetch_add(1, Ordering::Relaxed);
        }
        new
    }
}

/// A rule as stored, turned into the rule the engine runs; `None` for a rule switched off.
pub fn rule_of_row(r: &RuleRow) -> Result<Option<Rule>, String> {
    let mode = match r.mode.as_str() {
        "live" => Mode::Live,
        "shadow" => Mode::Shadow,
        "off" => return Ok(None),
        other => return Err(format!("unknown mode {other:?}")),
    };
    Ok(Some(Rule {
        id: r.rule_id.clone(),
        version: u32::try_from(r.version).map_err(|_| "version out of range".to_string())?,
        name: r.name.clone(),
        description: r.description.clone(),
        applies_to: serde_json::from_str(&r.applies_to).map_err(|e| e.to_string())?,
        expression: r.expression.clone(),
        outcome: Outcome::parse(&r.outcome)
            .ok_or_else(|| format!("unknown outcome {:?}", r.outcome))?,
        score: r.score,
        mode,
    }))
}

/// Compiles the stored rules in force; a rule that fails is left out and named.
pub fn compile_rows(rows: &[RuleRow]) -> LoadedRules {
    let mut rules = Vec::new();
    let mut broken = Vec::new();
    for r in rows {
        match rule_of_row(r) {
            Ok(Some(rule)) => match RuleSet::compile(std::slice::from_ref(&rule)) {
                Ok(_) => rules.push(rule),
                Err(errors) => broken.push(format!(
                    "{} v{}: {}",
                    r.rule_id,
                    r.version,
                    errors
                        .iter()
                        .map(|e| e.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                )),
            },
            Ok(None) => {}
            Err(e) => broken.push(format!("{} v{}: {e}", r.rule_id, r.version)),
        }
    }
    let set = RuleSet::compile(&rules).ok();
    LoadedRules { set, broken }
}

/// Reloads rules, statuses, bans and findings per account from the database.
pub async fn reload(state: &AppState) -> Result<(), StoreError> {
    let engine = &state.abuse;
    let rows = state.store.current_rules().await?;
    let loaded = compile_rows(&rows);
    for b in &loaded.broken {
        tracing::warn!(rule = %b, "a stored rule does not compile and is not in force");
    }
    if let Ok(mut r) = engine.rules.write() {
        *r = Arc::new(loaded);
    }
    let statuses = state.store.inactive_accounts().await?;
    if let Ok(mut s) = engine.statuses.write() {
        *s = statuses.into_iter().collect();
    }
    let banned = state.store.banned_identifiers(None, true).await?;
    if let Ok(mut b) = engine.banned.write() {
        *b = banned.into_iter().map(|b| (b.kind, b.value)).collect();
    }
    let hooks = state.store.webhooks().await?;
    if let Ok(mut w) = engine.webhooks.write() {
        *w = Arc::new(hooks);
    }
    let flags = state.store.open_findings_by_account().await?;
    if let Ok(mut f) = engine.flags.write() {
        *f = flags
            .into_iter()
            .map(|(a, n, s)| (a, (u64::try_from(n).unwrap_or(0), s)))
            .collect();
    }
    Ok(())
}

/// Reads the event log into the model until `cancel`: at once when events are stored on this
/// node, every half second otherwise (other nodes and `rampart worker` write to the log too).
pub async fn run_tail(state: AppState, cancel: CancellationToken) {
    loop {
        match catch_up(&state).await {
            Ok(n) => {
                if n > 0 {
                    metrics::counter!("rampart_abuse_events_applied_total").increment(n as u64);
                }
                let (size, _) = state.abuse.model_size();
                metrics::gauge!("rampart_abuse_model_events").set(size as f64);
            }
            Err(e) => tracing::warn!(error = %e, "could not read the event log"),
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = state.events.notified() => {}
            () = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
    }
}

/// Applies every event after the cursor; returns how many were new to the model.
pub async fn catch_up(state: &AppState) -> Result<usize, StoreError> {
    let engine = state.abuse.clone();
    let mut new = 0;
    loop {
        let after = engine.cursor.load(Ordering::Acquire);
        let rows = state.store.events_after(after, TAIL_PAGE).await?;
        let Some(last) = rows.last().map(|r| r.id) else {
            engine.caught_up.store(true, Ordering::Relaxed);
            return Ok(new);
        };
        let eng = engine.clone();
        new += tokio::task::spawn_blocking(move || {
            let events: Vec<Event> = rows
                .iter()
                .filter_map(|r| match parse_line(&r.body) {
                    Ok(e) => Some(e),
                    Err(e) => {
                        // Checked when stored: only a change of the rules since can do this.
                        tracing::warn!(event = %r.event_id, error = %e, "a stored event no longer reads");
                        None
                    }
                })
                .collect();
            eng.apply(&events)
        })
        .await
        .unwrap_or(0);
        engine.cursor.store(last, Ordering::Release);
    }
}

/// Runs the detectors every `detect_every_secs` when the model has changed, under the lease,
/// and saves the findings; on every node, reloads rules, statuses and findings.
pub async fn run_detection(state: AppState, cancel: CancellationToken) {
    let holder = format!("{}-abuse", state.node_id);
    let every = Duration::from_secs(state.settings.abuse.detect_every_secs.max(1));
    let mut detected_generation = u64::MAX;
    let mut last_reload = Instant::now() - Duration::from_secs(3600);
    loop {
        if last_reload.elapsed() >= every {
            if let Err(e) = reload(&state).await {
                tracing::warn!(error = %e, "could not reload the abuse rules and statuses");
            }
            last_reload = Instant::now();
        }
        let generation = state.abuse.generation.load(Ordering::Relaxed);
        let (_, caught_up) = state.abuse.model_size();
        if caught_up && generation != detected_generation {
            let now = millis(OffsetDateTime::now_utc());
            match state
                .store
                .acquire_lease(LEASE, &holder, now, LEASE_TTL_MS)
                .await
            {
                Ok(true) => match detect_and_save(&state).await {
                    Ok(saved) => {
                        detected_generation = generation;
                        if saved > 0
                            && let Err(e) = reload(&state).await
                        {
                            tracing::warn!(error = %e, "could not reload findings");
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "abuse detection failed"),
                },
                Ok(false) => detected_generation = generation,
                Err(e) => tracing::warn!(error = %e, "could not take the abuse detection lease"),
            }
        }
        tokio::select! {
            () = cancel.cancelled() => break,
            () = state.abuse.reload.notified() => {
                if let Err(e) = reload(&state).await {
                    tracing::warn!(error = %e, "could not reload the abuse rules and statuses");
                }
                last_reload = Instant::now();
            }
            () = tokio::time::sleep(every) => {}
        }
    }
    let _ = state.store.release_lease(LEASE, &holder).await;
}

/// One detection run over the model as it is; returns how many findings were new or changed.
pub async fn detect_and_save(state: &AppState) -> Result<usize, StoreError> {
    let engine = state.abuse.clone();
    let started = Instant::now();
    let now = millis(OffsetDateTime::now_utc());
    let findings = tokio::task::spawn_blocking(move || {
        engine
            .with_model(|m| {
                // The model's own clock: a replayed history is judged as of its last event.
                let at = if m.latest() > 0 {
                    m.latest().min(now)
                } else {
                    now
                };
                detect::detect(m, &engine.detect, at)
            })
            .unwrap_or_default()
    })
    .await
    .unwrap_or_default();
    let took = started.elapsed();
    let rows: Vec<NewFinding> = findings.iter().map(finding_row).collect();
    let saved = state.store.save_findings(&rows, now).await?;
    metrics::histogram!("rampart_abuse_detection_seconds").record(took.as_secs_f64());
    tracing::info!(
        findings = rows.len(),
        new = saved.new.len(),
        updated = saved.updated,
        took_ms = took.as_millis() as u64,
        "abuse detection"
    );
    if !saved.new.is_empty() {
        let by_key: HashMap<&str, &Finding> =
            findings.iter().map(|f| (f.key.as_str(), f)).collect();
        for (id, key) in &saved.new {
            if let Some(f) = by_key.get(key.as_str()) {
                crate::webhooks::announce(
                    state,
                    crate::webhooks::Topic::Finding,
                    &serde_json::json!({"type": "finding", "id": id, "finding": f}),
                )
                .await?;
            }
        }
    }
    Ok(saved.new.len() + saved.updated)
}

/// A finding as the store keeps it.
pub fn finding_row(f: &Finding) -> NewFinding {
    NewFinding {
        key: f.key.clone(),
        detector: f.detector.as_str().to_string(),
        subject_kind: f.subject.kind.as_str().to_string(),
        subject_id: f.subject.id.clone(),
        score: f.score,
        summary: f.summary.clone(),
        evidence: serde_json::json!({"evidence": f.evidence, "related": f.related}).to_string(),
        accounts: f.accounts.clone(),
        agents: f.agents.clone(),
        money_minor: f.money_minor,
        currency: f.currency.clone(),
        first_at: f.first_at,
        last_at: f.last_at,
    }
}

// ---------------------------------------------------------------------------------------------
// Decisions

/// What the engine decided about an event.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Decision {
    pub decision_id: String,
    pub event_id: String,
    pub account_id: Option<String>,
    /// approve, review or block: the most severe live reason.
    #[schema(value_type = String)]
    pub outcome: Outcome,
    /// 0 to 100.
    pub score: f64,
    /// Live reasons, most severe first: each with its source (rule, account_status,
    /// banned_identifier, finding), code, outcome, score and detail.
    #[schema(value_type = Vec<Object>)]
    pub reasons: Vec<Reason>,
    /// Rules in shadow mode that would have hit: recorded, never enforced.
    #[schema(value_type = Vec<Object>)]
    pub shadow: Vec<Reason>,
    /// Rules that could not be evaluated on this event (a missing field, a type error).
    pub errors: Vec<String>,
    /// The account's aggregates the rules saw.
    #[schema(value_type = Object)]
    pub account: AccountStats,
}

/// Decides on `event` (see [`rampart_abuse::decide`]) with the account's aggregates as known
/// now, the rules in force and what enforcement knows.
pub fn decide(
    engine: &Engine,
    settings: &crate::settings::AbuseSettings,
    event: &Event,
    now: i64,
) -> Decision {
    let account_id = event.body.account_id().map(str::to_string);
    let stats = account_id
        .as_deref()
        .map(|a| engine.stats(a, now.max(event.at)))
        .unwrap_or_default();
    let rules = engine.rules();
    let eval = match &rules.set {
        Some(set) => set.evaluate(event, &stats),
        None => Evaluation::default(),
    };
    let status = account_id.as_deref().and_then(|a| engine.account_status(a));
    let banned = engine.banned.read().ok();
    let verdict = rampart_abuse::decide::decide(
        event,
        &stats,
        &eval,
        &Known {
            account_status: status.as_deref(),
            banned: banned.as_deref(),
            review_finding_score: settings.review_finding_score,
        },
    );
    Decision {
        decision_id: uuid::Uuid::now_v7().to_string(),
        event_id: event.id.clone(),
        account_id,
        outcome: verdict.outcome,
        score: verdict.score,
        reasons: verdict.reasons,
        shadow: verdict.shadow,
        errors: verdict.errors,
        account: stats,
    }
}

/// Stores a decision (and the webhook deliveries that announce it) through the group-commit
/// writer and waits for the commit.
pub async fn store_decision(
    engine: &Engine,
    decision: NewDecision,
    jobs: Vec<(String, String)>,
) -> Result<(), String> {
    let (done, wait) = oneshot::channel();
    engine
        .writer
        .send(Pending {
            decision,
            jobs,
            done,
        })
        .await
        .map_err(|_| "the decision writer has stopped".to_string())?;
    wait.await
        .map_err(|_| "the decision writer has stopped".to_string())?
}

/// Commits decisions as they come, many to a transaction when they come together.
pub async fn run_writer(state: AppState, cancel: CancellationToken) {
    let Some(mut rx) = state.abuse.writer_rx.lock().ok().and_then(|mut r| r.take()) else {
        return;
    };
    loop {
        let first = tokio::select! {
            () = cancel.cancelled() => None,
            p = rx.recv() => p,
        };
        let Some(first) = first else {
            // Answer whatever is still queued before stopping.
            rx.close();
            let mut rest = Vec::new();
            while let Ok(p) = rx.try_recv() {
                rest.push(p);
            }
            commit(&state, rest).await;
            break;
        };
        let mut batch = vec![first];
        while batch.len() < 500 {
            match rx.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        commit(&state, batch).await;
    }
    // Hand the receiver back so a supervised restart can take it again.
    if let Ok(mut slot) = state.abuse.writer_rx.lock() {
        *slot = Some(rx);
    }
}

async fn commit(state: &AppState, batch: Vec<Pending>) {
    if batch.is_empty() {
        return;
    }
    let decisions: Vec<NewDecision> = batch.iter().map(|p| p.decision.clone()).collect();
    let jobs: Vec<(String, String)> = batch.iter().flat_map(|p| p.jobs.clone()).collect();
    let now = millis(OffsetDateTime::now_utc());
    let result = state
        .store
        .insert_decisions(&decisions, &jobs, now)
        .await
        .map_err(|e| e.to_string());
    if result.is_ok() && !jobs.is_empty() {
        state.wake_workers();
    }
    for p in batch {
        let _ = p.done.send(result.clone());
    }
}
