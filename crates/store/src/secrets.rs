//! Keys the service makes for itself on first use and every node then shares.

use sqlx::Row;

use crate::{Store, StoreError};

impl Store {
    /// The secret called `name`, stored as `candidate` if there is none yet. Whichever node
    /// stores first wins; every node reads the same value back.
    pub async fn secret(&self, name: &str, candidate: &str) -> Result<String, StoreError> {
        {
            let _write = self.write_guard().await;
            sqlx::query(
                "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            )
            .bind(name)
            .bind(candidate)
            .execute(self.pool())
            .await?;
        }
        let row = sqlx::query("SELECT value FROM secrets WHERE name = $1")
            .bind(name)
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("value")?)
    }
}
