//! API tokens: only their SHA-256 is stored, so a leaked database does not leak tokens.

use sqlx::Row;

use crate::{Store, StoreError};

#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub role: String,
}

impl Store {
    pub async fn create_token(
        &self,
        name: &str,
        role: &str,
        token_sha256: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let _write = self.write_guard().await;
        let row = sqlx::query(
            "INSERT INTO api_tokens (name, role, token_sha256, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(name)
        .bind(role)
        .bind(token_sha256)
        .bind(now)
        .fetch_one(self.pool())
        .await?;
        Ok(row.try_get("id")?)
    }

    pub async fn token_by_hash(&self, token_sha256: &str) -> Result<Option<TokenRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, name, role FROM api_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL",
        )
        .bind(token_sha256)
        .fetch_optional(self.pool())
        .await?;
        match row {
            None => Ok(None),
            Some(r) => Ok(Some(TokenRow {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                role: r.try_get("role")?,
            })),
        }
    }

    pub async fn revoke_token(&self, id: i64, now: i64) -> Result<bool, StoreError> {
        let _write = self.write_guard().await;
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
