//! The durable job queue: work after a commit (extraction, notifications) survives a crash and
//! can be shared by several nodes. A claimed job carries a lock that expires, so a node that
//! dies mid-job only delays it.

use sqlx::Row;

use crate::{Dialect, Store, StoreError};

pub const PROCESS_REPORT: &str = "process_report";
/// Tell a reporter who left an e-mail address that their report arrived.
pub const SEND_ACKNOWLEDGEMENT: &str = "send_acknowledgement";

/// A claimed job.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

pub(crate) async fn enqueue_in(
    conn: &mut sqlx::AnyConnection,
    kind: &str,
    payload: &str,
    run_at: i64,
) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ($1, $2, $3, $3) RETURNING id",
    )
    .bind(kind)
    .bind(payload)
    .bind(run_at)
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

impl Store {
    pub async fn enqueue(&self, kind: &str, payload: &str, run_at: i64) -> Result<i64, StoreError> {
        let _write = self.write_guard().await;
        let mut conn = self.pool().acquire().await?;
        enqueue_in(&mut conn, kind, payload, run_at).await
    }

    /// Claims up to `limit` due jobs for `worker` until `now + lock_ms`. On PostgreSQL
    /// `SKIP LOCKED` lets nodes claim side by side without waiting on each other.
    pub async fn claim_jobs(
        &self,
        worker: &str,
        now: i64,
        lock_ms: i64,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError> {
        let skip_locked = match self.dialect() {
            Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
            Dialect::Sqlite => "",
        };
        let sql = format!(
            "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM jobs WHERE dead = 0 AND run_at <= $3 \
               AND attempts < max_attempts \
               AND (locked_until IS NULL OR locked_until < $3) \
               ORDER BY run_at, id LIMIT $4{skip_locked}) \
             RETURNING id, kind, payload, attempts, max_attempts"
        );
        let _write = self.write_guard().await;
        // A job whose worker died with it (killed, out of memory) never reached `fail_job`;
        // once its attempts are used up it is kept as dead instead of being claimed forever.
        sqlx::query(
            "UPDATE jobs SET dead = 1, last_error = COALESCE(last_error, 'its worker stopped while running it') \
             WHERE dead = 0 AND attempts >= max_attempts AND locked_until < $1",
        )
        .bind(now)
        .execute(self.pool())
        .await?;
        let rows = sqlx::query(&sql)
            .bind(worker)
            .bind(now + lock_ms)
            .bind(now)
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        let mut jobs = rows
            .iter()
            .map(|r| {
                Ok(Job {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    payload: r.try_get("payload")?,
                    attempts: r.try_get("attempts")?,
                    max_attempts: r.try_get("max_attempts")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    /// A finished job leaves the queue.
    pub async fn complete_job(&self, id: i64, worker: &str) -> Result<(), StoreError> {
        let _write = self.write_guard().await;
        sqlx::query("DELETE FROM jobs WHERE id = $1 AND locked_by = $2")
            .bind(id)
            .bind(worker)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// A failed job runs again at `retry_at`, or is kept as dead (for an operator to look at)
    /// once it has used its attempts.
    pub async fn fail_job(
        &self,
        job: &Job,
        worker: &str,
        error: &str,
        retry_at: i64,
    ) -> Result<(), StoreError> {
        let dead = i64::from(job.attempts >= job.max_attempts);
        let error: String = error.chars().take(2000).collect();
        let _write = self.write_guard().await;
        sqlx::query(
            "UPDATE jobs SET locked_by = NULL, locked_until = NULL, last_error = $1, run_at = $2, \
             dead = $3 WHERE id = $4 AND locked_by = $5",
        )
        .bind(error)
        .bind(retry_at)
        .bind(dead)
        .bind(job.id)
        .bind(worker)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// A job that can never succeed (a refused address) is kept as dead at once.
    pub async fn bury_job(&self, job: &Job, worker: &str, error: &str) -> Result<(), StoreError> {
        let error: String = error.chars().take(2000).collect();
        let _write = self.write_guard().await;
        sqlx::query(
            "UPDATE jobs SET locked_by = NULL, locked_until = NULL, last_error = $1, dead = 1 \
             WHERE id = $2 AND locked_by = $3",
        )
        .bind(error)
        .bind(job.id)
        .bind(worker)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Jobs waiting (due or not) and jobs given up on.
    pub async fn job_counts(&self) -> Result<(i64, i64), StoreError> {
        let row = sqlx::query(
            "SELECT CAST(COALESCE(SUM(CASE WHEN dead = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS waiting, \
                    CAST(COALESCE(SUM(dead), 0) AS BIGINT) AS dead FROM jobs",
        )
        .fetch_one(self.pool())
        .await?;
        Ok((row.try_get("waiting")?, row.try_get("dead")?))
    }
}
