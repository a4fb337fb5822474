//! The marketplace's events as received: stored once per event id, read back in arrival order.

use sqlx::Row;

use crate::{Store, StoreError};

/// An event to store. `body` is the line it arrived as, once checked: it reads back the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub event_id: String,
    pub kind: String,
    /// When it happened, Unix milliseconds.
    pub at: i64,
    pub account_id: Option<String>,
    pub body: String,
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    /// Arrival order.
    pub id: i64,
    pub event_id: String,
    pub kind: String,
    pub at: i64,
    pub account_id: Option<String>,
    pub body: String,
    pub source: String,
    pub received_at: i64,
}

/// What a batch did: events new to the log, and events whose id was there already.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventsStored {
    pub stored: usize,
    pub duplicates: usize,
}

/// Most bytes of a rejected message kept.
const MAX_REJECT_BYTES: usize = 64 * 1024;

/// Rows per INSERT statement: 7 values each, far below both engines' bind limits.
const ROWS_PER_STATEMENT: usize = 200;

impl Store {
    /// Stores a batch in one transaction: all of it or, on an error, none of it. An event whose
    /// id is already stored (earlier, or earlier in the same batch) is counted as a duplicate and
    /// left as it was first received.
    pub async fn insert_events(
        &self,
        events: &[NewEvent],
        source: &str,
        now: i64,
    ) -> Result<EventsStored, StoreError> {
        if events.is_empty() {
            return Ok(EventsStored::default());
        }
        let _write = self.urgent_write_guard().await;
        let mut tx = self.pool().begin().await?;
        let mut stored = 0usize;
        for chunk in events.chunks(ROWS_PER_STATEMENT) {
            let mut sql = String::from(
                "INSERT INTO events (event_id, kind, at, account_id, body, source, received_at) VALUES ",
            );
            for i in 0..chunk.len() {
                let b = i * 7;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6,
                    b + 7
                ));
            }
            sql.push_str(" ON CONFLICT (event_id) DO NOTHING");
            let mut q = sqlx::query(&sql);
            for e in chunk {
                q = q
                    .bind(&e.event_id)
                    .bind(&e.kind)
                    .bind(e.at)
                    .bind(&e.account_id)
                    .bind(&e.body)
                    .bind(source)
                    .bind(now);
            }
            let done = q.execute(&mut *tx).await?;
            stored += usize::try_from(done.rows_affected()).unwrap_or(0);
        }
        tx.commit().await?;
        Ok(EventsStored {
            stored,
            duplicates: events.len() - stored.min(events.len()),
        })
    }

    /// Stored events after `after` in arrival order, at most `limit`: a replay reads the whole
    /// log page by page.
    pub async fn events_after(&self, after: i64, limit: i64) -> Result<Vec<EventRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, event_id, kind, at, account_id, body, source, received_at FROM events \
             WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit.clamp(1, 10_000))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EventRow {
                    id: r.try_get(0)?,
                    event_id: r.try_get(1)?,
                    kind: r.try_get(2)?,
                    at: r.try_get(3)?,
                    account_id: r.try_get(4)?,
                    body: r.try_get(5)?,
                    source: r.try_get(6)?,
                    received_at: r.try_get(7)?,
                })
            })
            .collect()
    }

    /// Keeps a stream message that held no valid event, cut to 64 KiB.
    pub async fn insert_event_reject(
        &self,
        source: &str,
        error: &str,
        payload: &[u8],
        now: i64,
    ) -> Result<(), StoreError> {
        let text = String::from_utf8_lossy(&payload[..payload.len().min(MAX_REJECT_BYTES)]);
        let error: String = error.chars().take(4_000).collect();
        sqlx::query(
            "INSERT INTO event_rejects (source, received_at, error, payload) VALUES ($1, $2, $3, $4)",
        )
        .bind(source)
        .bind(now)
        .bind(&error)
        .bind(text.as_ref())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Rejected stream messages, newest first: (source, received at, error, payload).
    pub async fn event_rejects(
        &self,
        limit: i64,
    ) -> Result<Vec<(String, i64, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT source, received_at, error, payload FROM event_rejects ORDER BY id DESC LIMIT $1",
        )
        .bind(limit.clamp(1, 1_000))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
            .collect()
    }

    /// How many events are stored.
    pub async fn event_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM events")
            .fetch_one(self.pool())
            .await?
            .try_get(0)?)
    }
}
