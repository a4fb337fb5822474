//! Staff accounts and their sessions. Passwords arrive hashed (argon2id) and session tokens as
//! SHA-256: what is stored here logs nobody in. Every change to an account is audited.

use rampart_casework::audit::Event;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_pending: Option<String>,
    pub totp_last_step: Option<i64>,
    pub failed_logins: i64,
    pub locked_until: Option<i64>,
    pub disabled_at: Option<i64>,
    pub created_at: i64,
}

const USER_COLUMNS: &str = "id, username, display_name, email, role, password_hash, totp_secret, \
    totp_pending, totp_last_step, failed_logins, locked_until, disabled_at, created_at";

impl UserRow {
    fn from_row(r: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(UserRow {
            id: r.try_get("id")?,
            username: r.try_get("username")?,
            display_name: r.try_get("display_name")?,
            email: r.try_get("email")?,
            role: r.try_get("role")?,
            password_hash: r.try_get("password_hash")?,
            totp_secret: r.try_get("totp_secret")?,
            totp_pending: r.try_get("totp_pending")?,
            totp_last_step: r.try_get("totp_last_step")?,
            failed_logins: r.try_get("failed_logins")?,
            locked_until: r.try_get("locked_until")?,
            disabled_at: r.try_get("disabled_at")?,
            created_at: r.try_get("created_at")?,
        })
    }

    /// How the user appears as an actor in the audit chain.
    pub fn actor(&self) -> String {
        format!("user:{}", self.username)
    }
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
    pub password_hash: String,
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub user_id: i64,
    /// `password` until the second factor is given, then `full`.
    pub stage: String,
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// A session to create at login.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_sha256: String,
    pub stage: String,
    pub csrf_token: String,
    pub expires_at: i64,
    pub client: Option<String>,
}

/// A change to an account, made by an admin or by the user.
#[derive(Debug, Clone)]
pub enum UserChange {
    Role(String),
    DisplayName(String),
    Email(Option<String>),
    /// A new password hash; every session of the user ends.
    Password(String),
    Disable,
    Enable,
    /// Lifts a lockout and forgets the failures.
    Unlock,
    /// Starts enrolling a second factor with this secret (not yet required).
    TotpPending(String),
    /// The pending secret becomes the second factor.
    TotpConfirm,
    TotpRemove,
}

impl UserChange {
    fn name(&self) -> &'static str {
        match self {
            UserChange::Role(_) => "user.role",
            UserChange::DisplayName(_) => "user.rename",
            UserChange::Email(_) => "user.email",
            UserChange::Password(_) => "user.password",
            UserChange::Disable => "user.disable",
            UserChange::Enable => "user.enable",
            UserChange::Unlock => "user.unlock",
            UserChange::TotpPending(_) => "user.totp_enrol",
            UserChange::TotpConfirm => "user.totp_confirm",
            UserChange::TotpRemove => "user.totp_remove",
        }
    }
}

fn event(now: i64, actor: &str, action: &str, user_id: i64, detail: serde_json::Value) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        action: action.to_string(),
        object: format!("user:{user_id}"),
        detail: detail.to_string(),
    }
}

impl Store {
    /// Creates an account; a username already taken is a [`StoreError::Conflict`].
    pub async fn create_user(
        &self,
        new: &NewUser,
        actor: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_audited().await?;
        let row = sqlx::query(
            "INSERT INTO users (username, display_name, email, role, password_hash, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (username) DO NOTHING RETURNING id",
        )
        .bind(&new.username)
        .bind(&new.display_name)
        .bind(&new.email)
        .bind(&new.role)
        .bind(&new.password_hash)
        .bind(now)
        .fetch_optional(tx.conn())
        .await?;
        let Some(row) = row else {
            return Err(StoreError::Conflict(format!(
                "the username {} is taken",
                new.username
            )));
        };
        let id: i64 = row.try_get("id")?;
        tx.record(
            event(
                now,
                actor,
                "user.create",
                id,
                serde_json::json!({"username": new.username, "role": new.role}),
            ),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn user_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("n")?)
    }

    pub async fn user_by_username(&self, username: &str) -> Result<Option<UserRow>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1");
        let row = sqlx::query(&sql)
            .bind(username)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(UserRow::from_row).transpose()?)
    }

    pub async fn user(&self, id: i64) -> Result<Option<UserRow>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(UserRow::from_row).transpose()?)
    }

    pub async fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY username LIMIT 10000");
        let rows = sqlx::query(&sql).fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(UserRow::from_row)
            .collect::<Result<_, _>>()?)
    }

    /// Applies `change` to user `id`, audited as done by `actor`.
    pub async fn change_user(
        &self,
        id: i64,
        change: &UserChange,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let (sql, text, detail): (&str, Option<&str>, serde_json::Value) = match change {
            UserChange::Role(r) => (
                "UPDATE users SET role = $3, updated_at = $2 WHERE id = $1",
                Some(r),
                serde_json::json!({"role": r}),
            ),
            UserChange::DisplayName(n) => (
                "UPDATE users SET display_name = $3, updated_at = $2 WHERE id = $1",
                Some(n),
                serde_json::json!({"display_name": n}),
            ),
            UserChange::Email(e) => (
                "UPDATE users SET email = $3, updated_at = $2 WHERE id = $1",
                e.as_deref(),
                serde_json::json!({"email": e}),
            ),
            UserChange::Password(h) => (
                "UPDATE users SET password_hash = $3, failed_logins = 0, locked_until = NULL, \
                 updated_at = $2 WHERE id = $1",
                Some(h),
                serde_json::json!({}),
            ),
            UserChange::Disable => (
                "UPDATE users SET disabled_at = $2, updated_at = $2 WHERE id = $1 AND $3 IS NULL",
                None,
                serde_json::json!({}),
            ),
            UserChange::Enable => (
                "UPDATE users SET disabled_at = NULL, updated_at = $2 WHERE id = $1 AND $3 IS NULL",
                None,
                serde_json::json!({}),
            ),
            UserChange::Unlock => (
                "UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = $2 \
                 WHERE id = $1 AND $3 IS NULL",
                None,
                serde_json::json!({}),
            ),
            UserChange::TotpPending(s) => (
                "UPDATE users SET totp_pending = $3, updated_at = $2 WHERE id = $1",
                Some(s),
                serde_json::json!({}),
            ),
            UserChange::TotpConfirm => (
                "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, updated_at = $2 \
                 WHERE id = $1 AND totp_pending IS NOT NULL AND $3 IS NULL",
                None,
                serde_json::json!({}),
            ),
            UserChange::TotpRemove => (
                "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL, \
                 updated_at = $2 WHERE id = $1 AND $3 IS NULL",
                None,
                serde_json::json!({}),
            ),
        };
        let done = sqlx::query(sql)
            .bind(id)
            .bind(now)
            .bind(text)
            .execute(tx.conn())
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound(format!("user {id}")));
        }
        if matches!(change, UserChange::Password(_) | UserChange::Disable) {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(tx.conn())
                .await?;
        }
        tx.record(event(now, actor, change.name(), id, detail), None)
            .await?;
        tx.commit().await
    }

    /// Counts a failed login; at `max_failures` in a row the account is locked until
    /// `now + lock_ms`. Returns when the account is locked until, if it is.
    pub async fn login_failed(
        &self,
        user_id: i64,
        client: &str,
        max_failures: i64,
        lock_ms: i64,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin_audited().await?;
        let row = sqlx::query(
            "UPDATE users SET failed_logins = failed_logins + 1, \
             locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END \
             WHERE id = $1 RETURNING failed_logins, locked_until",
        )
        .bind(user_id)
        .bind(max_failures)
        .bind(now + lock_ms)
        .fetch_optional(tx.conn())
        .await?;
        let Some(row) = row else {
            return Err(StoreError::NotFound(format!("user {user_id}")));
        };
        let failures: i64 = row.try_get("failed_logins")?;
        let locked: Option<i64> = row.try_get("locked_until")?;
        let locked = locked.filter(|&t| t > now);
        let action = if failures == max_failures {
            "user.locked"
        } else {
            "user.login_failed"
        };
        tx.record(
            event(
                now,
                "system",
                action,
                user_id,
                serde_json::json!({"failures": failures, "client": client}),
            ),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(locked)
    }

    /// A correct password: the failures are forgotten and a session starts.
    pub async fn login_succeeded(
        &self,
        user: &UserRow,
        session: &NewSession,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1")
            .bind(user.id)
            .execute(tx.conn())
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_sha256, user_id, stage, csrf_token, created_at, last_seen_at, \
             expires_at, client) VALUES ($1, $2, $3, $4, $5, $5, $6, $7)",
        )
        .bind(&session.token_sha256)
        .bind(user.id)
        .bind(&session.stage)
        .bind(&session.csrf_token)
        .bind(now)
        .bind(session.expires_at)
        .bind(&session.client)
        .execute(tx.conn())
        .await?;
        // Old sessions are swept here rather than by a timer.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(now)
            .execute(tx.conn())
            .await?;
        let action = if session.stage == "full" {
            "user.login"
        } else {
            "user.password_ok"
        };
        tx.record(
            event(
                now,
                &user.actor(),
                action,
                user.id,
                serde_json::json!({"client": session.client}),
            ),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// The second factor was right for time step `step`: the session becomes full. A step
    /// already used (a replayed code) is refused with [`StoreError::Conflict`].
    pub async fn second_factor_passed(
        &self,
        token_sha256: &str,
        user: &UserRow,
        step: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let used = sqlx::query(
            "UPDATE users SET totp_last_step = $2, failed_logins = 0, locked_until = NULL \
             WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
        )
        .bind(user.id)
        .bind(step)
        .execute(tx.conn())
        .await?;
        if used.rows_affected() != 1 {
            return Err(StoreError::Conflict("this code was already used".into()));
        }
        let done = sqlx::query(
            "UPDATE sessions SET stage = 'full', last_seen_at = $2 WHERE token_sha256 = $1 \
             AND stage = 'password'",
        )
        .bind(token_sha256)
        .bind(now)
        .execute(tx.conn())
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound("the session".into()));
        }
        tx.record(
            event(
                now,
                &user.actor(),
                "user.login",
                user.id,
                serde_json::json!({"totp": true}),
            ),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// The session and its user, if the session is live.
    pub async fn session(
        &self,
        token_sha256: &str,
        now: i64,
    ) -> Result<Option<(SessionRow, UserRow)>, StoreError> {
        let row = sqlx::query(
            "SELECT user_id, stage, csrf_token, created_at, last_seen_at, expires_at FROM sessions \
             WHERE token_sha256 = $1 AND expires_at > $2",
        )
        .bind(token_sha256)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(None) };
        let session = SessionRow {
            user_id: r.try_get("user_id")?,
            stage: r.try_get("stage")?,
            csrf_token: r.try_get("csrf_token")?,
            created_at: r.try_get("created_at")?,
            last_seen_at: r.try_get("last_seen_at")?,
            expires_at: r.try_get("expires_at")?,
        };
        let Some(user) = self.user(session.user_id).await? else {
            return Ok(None);
        };
        Ok(Some((session, user)))
    }

    /// Marks the session used now (idle timeout counts from here).
    pub async fn touch_session(&self, token_sha256: &str, now: i64) -> Result<(), StoreError> {
        let _write = self.write_guard().await;
        sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_sha256 = $1")
            .bind(token_sha256)
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends a session (log out, or idle too long).
    pub async fn end_session(
        &self,
        token_sha256: &str,
        user: Option<&UserRow>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let done = sqlx::query("DELETE FROM sessions WHERE token_sha256 = $1")
            .bind(token_sha256)
            .execute(tx.conn())
            .await?;
        if let (Some(user), 1) = (user, done.rows_affected()) {
            tx.record(
                event(
                    now,
                    &user.actor(),
                    "user.logout",
                    user.id,
                    serde_json::json!({}),
                ),
                None,
            )
            .await?;
        }
        tx.commit().await
    }
}
