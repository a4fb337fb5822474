//! The audit chain as stored: entries appended in the same transaction as the change they
//! record, read back in order for verification and timelines, and signed checkpoints.

use rampart_casework::audit::{self, Checkpoint, Entry, Event};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Row, Transaction};

use crate::{Dialect, Store, StoreError, WriteGuard};

/// A write transaction whose changes are recorded in the audit chain. Nothing is visible,
/// neither the change nor its entries, until [`AuditTx::commit`].
pub struct AuditTx {
    tx: Transaction<'static, Any>,
    dialect: Dialect,
    _write: WriteGuard,
}

impl AuditTx {
    /// The connection, for the change itself.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// Appends `event` to the chain; see [`append`].
    pub async fn record(
        &mut self,
        event: Event,
        case_id: Option<i64>,
    ) -> Result<Entry, StoreError> {
        append(&mut self.tx, self.dialect, event, case_id).await
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// Appends `event` to the chain inside the caller's transaction. On PostgreSQL the chain's
/// table is locked against other writers until the transaction ends (on SQLite the one writer
/// already holds it), so entries are chained in commit order and two transactions can never
/// both extend the same head.
pub(crate) async fn append(
    conn: &mut AnyConnection,
    dialect: Dialect,
    event: Event,
    case_id: Option<i64>,
) -> Result<Entry, StoreError> {
    if dialect == Dialect::Postgres {
        sqlx::query("LOCK TABLE audit_log IN EXCLUSIVE MODE")
            .execute(&mut *conn)
            .await?;
    }
    let head = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await?;
    let (seq, prev_hash) = match head {
        Some(r) => (
            r.try_get::<i64, _>("seq")? + 1,
            r.try_get::<String, _>("hash")?,
        ),
        None => (1, audit::GENESIS.to_string()),
    };
    let hash = audit::entry_hash(seq, &event, &prev_hash);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor, action, object, detail, prev_hash, hash, case_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seq)
    .bind(event.at)
    .bind(&event.actor)
    .bind(&event.action)
    .bind(&event.object)
    .bind(&event.detail)
    .bind(&prev_hash)
    .bind(&hash)
    .bind(case_id)
    .execute(&mut *conn)
    .await?;
    Ok(Entry {
        seq,
        event,
        prev_hash,
        hash,
    })
}

/// An entry as read back, with the case it was filed under.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub entry: Entry,
    pub case_id: Option<i64>,
}

fn entry_of(r: &AnyRow) -> Result<AuditRow, sqlx::Error> {
    Ok(AuditRow {
        entry: Entry {
            seq: r.try_get("seq")?,
            event: Event {
                at: r.try_get("at")?,
                actor: r.try_get("actor")?,
                action: r.try_get("action")?,
                object: r.try_get("object")?,
                detail: r.try_get("detail")?,
            },
            prev_hash: r.try_get("prev_hash")?,
            hash: r.try_get("hash")?,
        },
        case_id: r.try_get("case_id")?,
    })
}

const ENTRY_COLUMNS: &str = "seq, at, actor, action, object, detail, prev_hash, hash, case_id";

/// Which entries to read.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub case_id: Option<i64>,
    /// Entries about exactly this object (`campaign:4`).
    pub object: Option<String>,
    pub actor: Option<String>,
    /// Entries with `seq` below this, newest first (keyset paging).
    pub before: Option<i64>,
}

impl Store {
    /// Starts a transaction for a change a person is waiting on.
    pub async fn begin_audited(&self) -> Result<AuditTx, StoreError> {
        let write = self.urgent_write_guard().await;
        let tx = self.pool().begin().await?;
        Ok(AuditTx {
            tx,
            dialect: self.dialect,
            _write: write,
        })
    }

    /// Starts a transaction for a change the system makes in the background.
    pub async fn begin_audited_background(&self) -> Result<AuditTx, StoreError> {
        let write = self.write_guard().await;
        let tx = self.pool().begin().await?;
        Ok(AuditTx {
            tx,
            dialect: self.dialect,
            _write: write,
        })
    }

    /// Records one event on its own.
    pub async fn audit(&self, event: Event, case_id: Option<i64>) -> Result<Entry, StoreError> {
        let mut tx = self.begin_audited().await?;
        let entry = tx.record(event, case_id).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Up to `limit` entries after `seq`, in order: for verifying the chain a page at a time
    /// (a gap, an edit or a re-linked entry shows up in `audit::verify`).
    pub async fn audit_page_after(&self, seq: i64, limit: i64) -> Result<Vec<Entry>, StoreError> {
        let sql =
            format!("SELECT {ENTRY_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2");
        let rows = sqlx::query(&sql)
            .bind(seq)
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(|r| entry_of(r).map(|a| a.entry))
            .collect::<Result<_, _>>()?)
    }

    /// The newest entries matching `filter`, newest first.
    pub async fn audit_entries(
        &self,
        filter: &AuditFilter,
        limit: u32,
    ) -> Result<Vec<AuditRow>, StoreError> {
        let mut sql = format!("SELECT {ENTRY_COLUMNS} FROM audit_log WHERE 1 = 1");
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        if filter.case_id.is_some() {
            sql.push_str(&format!(" AND case_id = {}", next()));
        }
        if filter.object.is_some() {
            sql.push_str(&format!(" AND object = {}", next()));
        }
        if filter.actor.is_some() {
            sql.push_str(&format!(" AND actor = {}", next()));
        }
        if filter.before.is_some() {
            sql.push_str(&format!(" AND seq < {}", next()));
        }
        sql.push_str(&format!(" ORDER BY seq DESC LIMIT {}", next()));
        let mut q = sqlx::query(&sql);
        if let Some(c) = filter.case_id {
            q = q.bind(c);
        }
        if let Some(o) = &filter.object {
            q = q.bind(o.clone());
        }
        if let Some(a) = &filter.actor {
            q = q.bind(a.clone());
        }
        if let Some(b) = filter.before {
            q = q.bind(b);
        }
        let rows = q.bind(i64::from(limit)).fetch_all(self.pool()).await?;
        Ok(rows.iter().map(entry_of).collect::<Result<_, _>>()?)
    }

    /// The last entry of the chain.
    pub async fn audit_head(&self) -> Result<Option<Entry>, StoreError> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1");
        let row = sqlx::query(&sql).fetch_optional(self.pool()).await?;
        Ok(row.map(|r| entry_of(&r).map(|a| a.entry)).transpose()?)
    }

    /// Stores a signed checkpoint (once per head).
    pub async fn add_checkpoint(&self, cp: &Checkpoint) -> Result<(), StoreError> {
        let _write = self.write_guard().await;
        sqlx::query(
            "INSERT INTO audit_checkpoints (seq, hash, at, signature) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (seq) DO NOTHING",
        )
        .bind(cp.seq)
        .bind(&cp.hash)
        .bind(cp.at)
        .bind(&cp.signature)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn checkpoints(&self) -> Result<Vec<Checkpoint>, StoreError> {
        let rows =
            sqlx::query("SELECT seq, hash, at, signature FROM audit_checkpoints ORDER BY seq")
                .fetch_all(self.pool())
                .await?;
        rows.iter()
            .map(|r| {
                Ok(Checkpoint {
                    seq: r.try_get("seq")?,
                    hash: r.try_get("hash")?,
                    at: r.try_get("at")?,
                    signature: r.try_get("signature")?,
                })
            })
            .collect()
    }

    /// The newest checkpoint's sequence number.
    pub async fn last_checkpoint_seq(&self) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT MAX(seq) AS m FROM audit_checkpoints")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("m")?)
    }
}
