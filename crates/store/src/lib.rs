//! The only place SQL lives: one portable schema on SQLite (embedded default) and PostgreSQL,
//! migrations applied on connect, the durable job queue, API tokens and leases.
//!
//! Everything goes through `sqlx::Any` with SQL that both engines accept (`$1` placeholders,
//! `INSERT … RETURNING`, `ON CONFLICT`); where the engines differ (`FOR UPDATE SKIP LOCKED`),
//! [`Dialect`] picks the text. Timestamps are UTC Unix milliseconds, money is in minor units.

mod abuse;
mod actions;
mod audit;
mod campaigns;
mod cases;
mod curation;
mod error;
mod events;
mod evidence;
mod indicators;
mod jobs;
mod leases;
mod reports;
mod secrets;
mod tokens;
mod users;

pub use abuse::{
    AccountActionRow, AccountRow, BannedIdentifier, DecisionRow, FindingFilter, FindingRow,
    FindingsSaved, NewDecision, NewFinding, RuleRow, WebhookRow,
};
pub use actions::{
    ActionRow, BlockEntry, ContactRow, NewAction, NewNotice, NoticeRow, ReporterToTell, SEND_NOTICE,
};
pub use audit::{AuditFilter, AuditRow, AuditTx};
pub use campaigns::{
    CampaignDetail, CampaignNumbers, CampaignRow, CorrelationTx, CountBy, MoneyBy, StoredLinks,
};
pub use cases::{
    CASE_REPORTS_MAX, CaseChange, CaseFilter, CaseLink, CaseRow, LinkKind, NewCase, NoteRow,
    TaskRow,
};
pub use curation::{CorrelationCommand, EXCLUDE, INCLUDE, ManualLink, REBUILD, Triage};
pub use error::StoreError;
pub use events::{EventRow, EventsStored, NewEvent};
pub use evidence::{EVIDENCE_PAGE, EvidenceIndicator, EvidenceReport};
pub use indicators::{
    IndicatorDetail, IndicatorRow, NewLink, PUBLIC_SAMPLE, Processed, PublicIndicator,
    ReportIndicator,
};
pub use jobs::{Job, PROCESS_REPORT, SEND_ACKNOWLEDGEMENT};
pub use reports::{
    Authentication, FileRow, IdempotencyKey, Intake, NewFile, NewReport, ProcessingInput,
    PublicStatus, ReportCursor, ReportFilter, ReportRow, SEARCH_MIN_CHARS,
};
pub use tokens::TokenRow;
pub use users::{NewSession, NewUser, SessionRow, UserChange, UserRow};

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{Mutex, Notify, OwnedMutexGuard};

/// Which SQL engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A handle on the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    /// SQLite has one writer at a time. Queueing writers here, in order, instead of letting
    /// them retry inside SQLite's busy handler (which sleeps in growing steps) keeps the
    /// latency of a write close to the time it takes. `None` on PostgreSQL.
    write_lock: Option<Arc<Mutex<()>>>,
    /// Writers answering a person (intake) that are waiting for the lock; background writers
    /// (processing, correlation) let them go first.
    urgent_waiting: Arc<AtomicUsize>,
    urgent_done: Arc<Notify>,
}

/// Held for the length of a write on SQLite; empty on PostgreSQL.
pub(crate) struct WriteGuard(#[allow(dead_code)] Option<OwnedMutexGuard<()>>);

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How to open the database.
#[derive(Debug, Clone)]
pub struct ConnectConfig {
    pub url: String,
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

impl ConnectConfig {
    pub fn new(url: impl Into<String>) -> Self {
        ConnectConfig {
            url: url.into(),
            max_connections: 8,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

impl Store {
    /// Opens the database named by `url` (`sqlite://path`, `sqlite::memory:`,
    /// `postgres://…`), creates a SQLite file on first start, and applies pending migrations.
    pub async fn connect(cfg: &ConnectConfig) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (dialect, url) = normalise_url(&cfg.url)?;
        let opts = AnyConnectOptions::from_str(&url)
            .map_err(|e| StoreError::Config(format!("database URL: {e}")))?
            .log_statements(tracing::log::LevelFilter::Trace)
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_secs(1));
        let mut pool_opts = AnyPoolOptions::new()
            .max_connections(cfg.max_connections)
            .acquire_timeout(cfg.acquire_timeout);
        if dialect == Dialect::Sqlite {
            // WAL lets readers run beside the one writer; NORMAL sync is durable across a
            // process crash and only risks the last commits on power loss, the usual WAL trade.
            // A 32 MiB page cache per connection (SQLite's default is 2 MiB) keeps the upper
            // levels of the big indexes in memory as the database grows past gigabytes.
            pool_opts = pool_opts.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; \
                         PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;",
                    )
                    .await?;
                    Ok(())
                })
            });
            if url.contains(":memory:") {
                // Every connection to :memory: is its own database; keep just one.
                pool_opts = pool_opts.max_connections(1).min_connections(1);
            }
        }
        let pool = pool_opts.connect_with(opts).await?;
        let write_lock = (dialect == Dialect::Sqlite).then(|| Arc::new(Mutex::new(())));
        let store = Store {
            pool,
            dialect,
            write_lock,
            urgent_waiting: Arc::new(AtomicUsize::new(0)),
            urgent_done: Arc::new(Notify::new()),
        };
        // Processes that start together on a new SQLite file (`serve` beside `worker`) would
        // otherwise apply the same migration twice: SQLite has no lock that spans them, so
        // they take turns on a lock file beside the database (PostgreSQL's migrator locks).
        let _turn = match sqlite_file(&url) {
            Some(db) => Some(migration_lock(db).await?),
            None => None,
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.dialect {
            Dialect::Sqlite => &SQLITE_MIGRATIONS,
            Dialect::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Succeeds when the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Waits for this process's turn to write (SQLite only), after any urgent writer.
    pub(crate) async fn write_guard(&self) -> WriteGuard {
        let Some(lock) = &self.write_lock else {
            return WriteGuard(None);
        };
        // Give way to urgent writers for at most a quarter second in all, so a steady stream of intake
        // delays background work but never starves it.
        let deadline = tokio::time::Instant::now() + Duration::from_millis(250);
        while self.urgent_waiting.load(Ordering::Acquire) > 0 {
            let notified = self.urgent_done.notified();
            if self.urgent_waiting.load(Ordering::Acquire) == 0 {
                break;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                break;
            }
        }
        WriteGuard(Some(lock.clone().lock_owned().await))
    }

    /// Waits for this process's turn to write, ahead of background writers: for writes a
    /// person is waiting on.
    pub(crate) async fn urgent_write_guard(&self) -> WriteGuard {
        let Some(lock) = &self.write_lock else {
            return WriteGuard(None);
        };
        self.urgent_waiting.fetch_add(1, Ordering::AcqRel);
        let guard = lock.clone().lock_owned().await;
        if self.urgent_waiting.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.urgent_done.notify_waiters();
        }
        WriteGuard(Some(guard))
    }
}

/// Turns the URLs people write into what the drivers expect: a bare SQLite path gets the
/// `sqlite://` scheme and `mode=rwc` so the file is created on first start.
/// The file a normalised SQLite URL names; `None` for memory and PostgreSQL.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("sqlite://")?;
    let path = path.split('?').next().unwrap_or(path);
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| path.into())
}

/// An exclusive lock on `<database>-migrate.lock`, held until the file is dropped.
async fn migration_lock(db: std::path::PathBuf) -> Result<std::fs::File, StoreError> {
    let mut name = db.into_os_string();
    name.push("-migrate.lock");
    let path = std::path::PathBuf::from(name);
    tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| StoreError::Config(format!("migration lock: {e}")))?
    .map_err(|e| StoreError::Config(format!("migration lock beside the database: {e}")))
}

fn normalise_url(url: &str) -> Result<(Dialect, String), StoreError> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Dialect::Postgres, url.to_string()));
    }
    let path = if let Some(rest) = url.strip_prefix("sqlite://") {
        rest
    } else if let Some(rest) = url.strip_prefix("sqlite:") {
        rest
    } else if url.contains("://") {
        // The URL is not repeated: it may carry a password.
        return Err(StoreError::Config(
            "database URL must start with sqlite:// or postgres://".into(),
        ));
    } else {
        url
    };
    if path.is_empty() {
        return Err(StoreError::Config(
            "database URL names no SQLite file".into(),
        ));
    }
    if path.starts_with(":memory:") {
        return Ok((Dialect::Sqlite, "sqlite::memory:".to_string()));
    }
    let sep = if path.contains('?') { '&' } else { '?' };
    let with_mode = if path.contains("mode=") {
        path.to_string()
    } else {
        format!("{path}{sep}mode=rwc")
    };
    Ok((Dialect::Sqlite, format!("sqlite://{with_mode}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_urls() {
        let check = |input: &str, dialect: Dialect, url: &str| {
            assert_eq!(
                normalise_url(input).unwrap(),
                (dialect, url.to_string()),
                "{input}"
            );
        };
        check(
            "rampart.db",
            Dialect::Sqlite,
            "sqlite://rampart.db?mode=rwc",
        );
        check(
            "sqlite://data/r.db",
            Dialect::Sqlite,
            "sqlite://data/r.db?mode=rwc",
        );
        check(
            "sqlite:r.db?mode=ro",
            Dialect::Sqlite,
            "sqlite://r.db?mode=ro",
        );
        check("sqlite::memory:", Dialect::Sqlite, "sqlite::memory:");
        check(
            "postgres://127.0.0.1/test",
            Dialect::Postgres,
            "postgres://127.0.0.1/test",
        );
        assert!(normalise_url("mysql://x").is_err());
        assert!(normalise_url("sqlite://").is_err());
    }

    #[test]
    fn the_migration_lock_sits_beside_a_sqlite_file() {
        let file = |u: &str| sqlite_file(&normalise_url(u).unwrap().1);
        assert_eq!(file("sqlite:///tmp/r.db"), Some("/tmp/r.db".into()));
        assert_eq!(file("sqlite://data/r.db?mode=ro"), Some("data/r.db".into()));
        assert_eq!(file("sqlite::memory:"), None);
        assert_eq!(file("postgres://127.0.0.1/test"), None);
    }

    #[tokio::test]
    async fn stores_opened_together_on_a_new_file_migrate_once() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("together.db").display());
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let url = url.clone();
                tokio::spawn(async move { Store::connect(&ConnectConfig::new(url)).await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap().close().await;
        }
    }
}
