//! What can go wrong in the store, in words the HTTP layer and the CLI can pass on.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("configuration: {0}")]
    Config(String),
    #[error("the Idempotency-Key was already used for a different request")]
    IdempotencyMismatch,
    #[error("this node no longer holds the {0} lease")]
    LeaseLost(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// The thing to change does not exist (or is not visible to the caller).
    #[error("{0} was not found")]
    NotFound(String),
    /// The change does not fit the stored state any more (someone else changed it first, or
    /// it is in a state that does not allow it).
    #[error("{0}")]
    Conflict(String),
}

impl StoreError {
    /// True when the database could not be reached or timed out: the caller may retry later.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::Database(
                sqlx::Error::Io(_)
                    | sqlx::Error::PoolTimedOut
                    | sqlx::Error::PoolClosed
                    | sqlx::Error::Tls(_)
            )
        )
    }

    /// True when the database refused the data itself (a value it cannot hold, a constraint):
    /// the same write will fail again, so retrying is pointless.
    pub fn is_data_error(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(e)) => {
                let code = e.code().unwrap_or_default();
                match engine_of_code(&code) {
                    // SQLSTATE classes 22 (data exception) and 23 (integrity constraint).
                    Engine::Postgres => code.starts_with("22") || code.starts_with("23"),
                    // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH and their extended codes.
                    Engine::Sqlite => {
                        let primary = code.parse::<i64>().unwrap_or(0) & 0xff;
                        matches!(primary, 18..=20)
                    }
                }
            }
            StoreError::Database(sqlx::Error::Encode(_) | sqlx::Error::Decode(_)) => true,
            _ => false,
        }
    }

    pub(crate) fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}

enum Engine {
    Postgres,
    Sqlite,
}

/// SQLSTATEs are five characters; SQLite's result codes are numbers below 10,000.
fn engine_of_code(code: &str) -> Engine {
    if code.len() == 5 {
        Engine::Postgres
    } else {
        Engine::Sqlite
    }
}
