//! Bearer tokens with a role. Tokens are random, shown once, and stored only as SHA-256.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use base64::Engine;
use rand::RngCore;

use crate::AppState;
use crate::intake::sha256_hex;
use crate::problem::Problem;

/// What a person (or their token) may do. Each role can do what the ones before it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Analyst,
    Investigator,
    Legal,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Analyst, Role::Investigator, Role::Legal, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Analyst => "analyst",
            Role::Investigator => "investigator",
            Role::Legal => "legal",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A caller who presented a valid token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token_id: i64,
    pub name: String,
    pub role: Role,
}

/// Prefix that makes a leaked token easy to recognise in code, logs and secret scanners.
pub const TOKEN_PREFIX: &str = "rmp_";

/// A new random token (256 bits) and the hash to store.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    let hash = sha256_hex(token.as_bytes());
    (token, hash)
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let value = parts.headers.get(header::AUTHORIZATION).ok_or_else(|| {
            Problem::unauthorized("this needs a bearer token: Authorization: Bearer rmp_…")
        })?;
        let token = value
            .to_str()
            .ok()
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| t.len() <= 200)
            .ok_or_else(|| {
                Problem::unauthorized("the Authorization header must be: Bearer <token>")
            })?;
        let row = state
            .store
            .token_by_hash(&sha256_hex(token.as_bytes()))
            .await?
            .ok_or_else(|| Problem::unauthorized("the token is unknown or revoked"))?;
        let role = Role::parse(&row.role)
            .ok_or_else(|| Problem::forbidden("the token has no valid role"))?;
        Ok(Caller {
            token_id: row.id,
            name: row.name,
            role,
        })
    }
}

impl Caller {
    /// Refuses unless the caller's role is at least `min`.
    pub fn require(&self, min: Role) -> Result<(), Problem> {
        if self.role >= min {
            Ok(())
        } else {
            Err(Problem::forbidden(&format!(
                "this needs the {} role or higher; the token has {}",
                min.as_str(),
                self.role.as_str()
            )))
        }
    }
}
