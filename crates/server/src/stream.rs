//! The marketplace's event stream: a durable NATS JetStream pull consumer that stores what it
//! pulls in the event log. Several workers may share one durable consumer (the server hands
//! each message to one of them); a message is acknowledged only after the transaction holding
//! its events has committed, so a worker killed at any moment loses nothing: what it had not
//! acknowledged is delivered again after `ack_wait`, and the log keeps each event id once.
//!
//! A message holds one event line or several. A message with any invalid line is kept in
//! `event_rejects` with the reason and terminated (never redelivered): it would fail the same way
//! every time, and must not hold up the stream.

use std::time::{Duration, Instant};

use async_nats::jetstream::{self, AckKind, consumer::pull, stream};
use futures::StreamExt;
use rampart_store::{NewEvent, Store};
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

use crate::events::read_batch;
use crate::intake::millis;

/// How `rampart worker` reads the stream.
#[derive(Debug, Clone)]
pub struct StreamConfig {
    /// `nats://127.0.0.1:4222`.
    pub url: String,
    /// The JetStream stream's name.
    pub stream: String,
    /// The durable consumer's name: workers with the same name share the work.
    pub durable: String,
    /// Subjects to create the stream with when it does not exist; empty: it must exist.
    pub create_subjects: Vec<String>,
    /// Most messages pulled and committed together.
    pub batch: usize,
    /// How long a pull waits for a full batch before committing what it has.
    pub max_wait: Duration,
    /// How long the server waits for an acknowledgement before it delivers a message again.
    pub ack_wait: Duration,
    /// Most events one message may hold.
    pub max_message_events: usize,
    /// Fault injection for tests: sleep this long between the commit and the
    /// acknowledgements (`RAMPART_FAULT_ACK_DELAY_MS`).
    pub ack_delay: Duration,
}

impl StreamConfig {
    pub fn new(url: &str, stream: &str) -> StreamConfig {
        StreamConfig {
            url: url.to_string(),
            stream: stream.to_string(),
            durable: "rampart".into(),
            create_subjects: Vec::new(),
            batch: 1_000,
            max_wait: Duration::from_millis(500),
            ack_wait: Duration::from_secs(30),
            max_message_events: 10_000,
            ack_delay: Duration::ZERO,
        }
    }
}

/// What a worker did, for its log line on exit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerTotals {
    pub messages: u64,
    pub stored: u64,
    pub duplicates: u64,
    pub rejected: u64,
}

/// Why the worker stopped before being asked to.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("cannot connect to NATS at {url}: {detail}")]
    Connect { url: String, detail: String },
    #[error(
        "the stream {stream:?} does not exist: create it (nats stream add {stream} --subjects 'marketplace.events.>') or pass --create-subjects"
    )]
    NoStream { stream: String },
    #[error("NATS: {0}")]
    Nats(String),
    #[error("store: {0}")]
    Store(#[from] rampart_store::StoreError),
}

fn nats<E: std::fmt::Display>(e: E) -> StreamError {
    StreamError::Nats(e.to_string())
}

fn not_found(e: &jetstream::context::GetStreamError) -> bool {
    matches!(
        e.kind(),
        jetstream::context::GetStreamErrorKind::JetStream(j)
            if j.error_code() == jetstream::ErrorCode::STREAM_NOT_FOUND
    )
}

/// The durable consumer, created on first use with the settings this worker needs.
pub async fn consumer(
    cfg: &StreamConfig,
) -> Result<jetstream::consumer::PullConsumer, StreamError> {
    let client = async_nats::ConnectOptions::new()
        .name(format!("rampart-worker-{}", std::process::id()))
        .connection_timeout(Duration::from_secs(5))
        .connect(cfg.url.as_str())
        .await
        .map_err(|e| StreamError::Connect {
            url: cfg.url.clone(),
            detail: e.to_string(),
        })?;
    let js = jetstream::new(client);
    let stream = match js.get_stream(&cfg.stream).await {
        Ok(s) => s,
        Err(e) if not_found(&e) && !cfg.create_subjects.is_empty() => js
            .get_or_create_stream(stream::Config {
                name: cfg.stream.clone(),
                subjects: cfg.create_subjects.clone(),
                ..Default::default()
            })
            .await
            .map_err(nats)?,
        Err(e) if not_found(&e) => {
            return Err(StreamError::NoStream {
                stream: cfg.stream.clone(),
            });
        }
        Err(e) => return Err(nats(e)),
    };
    let batch = i64::try_from(cfg.batch).unwrap_or(i64::MAX);
    stream
        .get_or_create_consumer(
            &cfg.durable,
            pull::Config {
                durable_name: Some(cfg.durable.clone()),
                description: Some("rampart: marketplace events into the event log".into()),
                ack_policy: jetstream::consumer::AckPolicy::Explicit,
                ack_wait: cfg.ack_wait,
                // Room for a few workers' batches in flight at once.
                max_ack_pending: batch.saturating_mul(16).max(1_000),
                ..Default::default()
            },
        )
        .await
        .map_err(nats)
}

/// Pulls, stores and acknowledges until `cancel` fires (a pull in progress finishes and its
/// batch is committed and acknowledged first).
pub async fn run(
    store: Store,
    cfg: StreamConfig,
    cancel: CancellationToken,
) -> Result<WorkerTotals, StreamError> {
    let consumer = consumer(&cfg).await?;
    let source = format!("nats:{}", cfg.stream);
    let mut totals = WorkerTotals::default();
    let mut last_log = Instant::now();
    while !cancel.is_cancelled() {
        let mut messages = consumer
            .batch()
            .max_messages(cfg.batch)
            .expires(cfg.max_wait)
            .messages()
            .await
            .map_err(nats)?;
        let mut pulled = Vec::new();
        loop {
            tokio::select! {
                next = messages.next() => match next {
                    Some(Ok(m)) => pulled.push(m),
                    Some(Err(e)) => {
                        tracing::warn!(error = %e, "stream pull");
                        break;
                    }
                    None => break,
                },
                () = cancel.cancelled(), if pulled.is_empty() => break,
            }
        }
        if pulled.is_empty() {
            continue;
        }
        let max = cfg.max_message_events;
        // Reading is CPU work on sender-sized input; the messages come back with the result.
        let (pulled, events, rejects) = tokio::task::spawn_blocking(move || {
            let mut events: Vec<NewEvent> = Vec::new();
            let mut rejects = Vec::new();
            for (i, m) in pulled.iter().enumerate() {
                match read_batch(&m.payload, max) {
                    Ok(mut e) => events.append(&mut e),
                    Err(e) => rejects.push((i, e.to_string())),
                }
            }
            (pulled, events, rejects)
        })
        .await
        .map_err(nats)?;
        let now = millis(OffsetDateTime::now_utc());
        let done = store.insert_events(&events, &source, now).await?;
        for (i, error) in &rejects {
            if let Some(m) = pulled.get(*i) {
                store
                    .insert_event_reject(&source, error, &m.payload, now)
                    .await?;
            }
        }
        if !cfg.ack_delay.is_zero() {
            tokio::time::sleep(cfg.ack_delay).await;
        }
        let rejected: std::collections::HashSet<usize> = rejects.iter().map(|(i, _)| *i).collect();
        for (i, m) in pulled.iter().enumerate() {
            let kind = if rejected.contains(&i) {
                AckKind::Term
            } else {
                AckKind::Ack
            };
            if let Err(e) = m.ack_with(kind).await {
                // Not acknowledged: delivered again later, and stored once.
                tracing::warn!(error = %e, "stream ack");
            }
        }
        metrics::counter!("rampart_events_stored_total", "source" => "nats")
            .increment(done.stored as u64);
        metrics::counter!("rampart_events_duplicate_total", "source" => "nats")
            .increment(done.duplicates as u64);
        totals.messages += pulled.len() as u64;
        totals.stored += done.stored as u64;
        totals.duplicates += done.duplicates as u64;
        totals.rejected += rejects.len() as u64;
        if last_log.elapsed() > Duration::from_secs(10) {
            last_log = Instant::now();
            tracing::info!(
                messages = totals.messages,
                stored = totals.stored,
                duplicates = totals.duplicates,
                rejected = totals.rejected,
                "stream worker"
            );
        }
    }
    Ok(totals)
}
