//! Leases: one node at a time does work that must not run twice at once (the correlator).
//! A lease expires unless renewed, so a dead holder is replaced.

use crate::{Store, StoreError};

impl Store {
    /// Takes or renews the lease `name` for `holder` until `now + ttl_ms`. False when another
    /// holder has it and it has not expired.
    pub async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        now: i64,
        ttl_ms: i64,
    ) -> Result<bool, StoreError> {
        let _write = self.write_guard().await;
        let done = sqlx::query(
            "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE leases.holder = excluded.holder OR leases.expires_at < $4",
        )
        .bind(name)
        .bind(holder)
        .bind(now + ttl_ms)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
        let _write = self.write_guard().await;
        sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Inside a transaction: fails unless `holder` still holds `name`, so a node that lost its
/// lease (paused, partitioned) cannot write over its successor's work; renews it until
/// `now + ttl_ms` when it does. A successor takes over by writing its own name as holder, so
/// the holder alone is the fence.
pub(crate) async fn check_lease(
    conn: &mut sqlx::AnyConnection,
    name: &str,
    holder: &str,
    now: i64,
    ttl_ms: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE leases SET expires_at = $1 WHERE name = $2 AND holder = $3")
        .bind(now + ttl_ms)
        .bind(name)
        .bind(holder)
        .execute(conn)
        .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::LeaseLost(name.to_string()))
    }
}
