//! Who is calling and what they may do. People log in to the console and get a session cookie;
//! programs present bearer tokens. People (and their tokens) carry one of four staff roles, each
//! with what the ones before it have; the marketplace's own systems get tokens with the `service`
//! role, which may only send events and ask for decisions. Every handler asks for a
//! [`Permission`], never for a role directly, so the whole matrix is in [`Permission::allows`].

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use base64::Engine;
use rand::RngCore;
use time::OffsetDateTime;

use crate::AppState;
use crate::intake::{millis, sha256_hex};
use crate::problem::Problem;

/// What a caller may do. Each staff role can do what the ones before it can; `Service` stands
/// apart (tokens only, for the marketplace's systems) and sorts below them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Service,
    Analyst,
    Investigator,
    Legal,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Service,
        Role::Analyst,
        Role::Investigator,
        Role::Legal,
        Role::Admin,
    ];
    /// The roles a person's account can have.
    pub const STAFF: [Role; 4] = [Role::Analyst, Role::Investigator, Role::Legal, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Service => "service",
            Role::Analyst => "analyst",
            Role::Investigator => "investigator",
            Role::Legal => "legal",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// A role a person's account may have: `service` is for tokens only.
    pub fn parse_staff(s: &str) -> Option<Role> {
        Role::STAFF.into_iter().find(|r| r.as_str() == s)
    }
}

/// Everything a caller can be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Reports, campaigns, indicators, search.
    Read,
    /// Accept or dismiss new reports.
    Triage,
    /// Merge and split campaigns, mark indicators benign.
    Curate,
    /// Open cases, link objects, add tasks and notes.
    WorkCases,
    /// Assign cases, change their status and priority, close them.
    ManageCases,
    /// Takedowns, carrier reports, block-list entries, customer warnings; warning,
    /// suspending, closing and banning marketplace accounts.
    Act,
    /// Referrals to law enforcement.
    Refer,
    /// Evidence packages.
    Export,
    /// See and restrict restricted cases; read the whole audit chain.
    Legal,
    /// Accounts, tokens, abuse contacts.
    Admin,
    /// Review decisions and findings: approve, deny, confirm, dismiss.
    Review,
    /// Write, test, backtest and ship analyst rules.
    Rules,
    /// Send marketplace events.
    IngestEvents,
    /// Ask for a decision on a refund, a sign-up or any event.
    Decide,
}

impl Permission {
    pub const ALL: [Permission; 14] = [
        Permission::Read,
        Permission::Triage,
        Permission::Curate,
        Permission::WorkCases,
        Permission::ManageCases,
        Permission::Act,
        Permission::Refer,
        Permission::Export,
        Permission::Legal,
        Permission::Admin,
        Permission::Review,
        Permission::Rules,
        Permission::IngestEvents,
        Permission::Decide,
    ];

    /// The permission matrix: whether `role` has this permission. Staff roles follow
    /// [`Permission::min_role`]; the service role has only what a marketplace's systems need.
    pub fn allows(self, role: Role) -> bool {
        match role {
            Role::Service => self.for_services(),
            _ => role >= self.min_role(),
        }
    }

    /// What the service role may do.
    pub fn for_services(self) -> bool {
        matches!(self, Permission::IngestEvents | Permission::Decide)
    }

    /// The least staff role that has each permission.
    pub fn min_role(self) -> Role {
        match self {
            Permission::Read
            | Permission::Triage
            | Permission::Curate
            | Permission::WorkCases
            | Permission::Review
            | Permission::Rules => Role::Analyst,
            Permission::ManageCases | Permission::Act => Role::Investigator,
            Permission::Refer | Permission::Export | Permission::Legal => Role::Legal,
            Permission::Admin | Permission::IngestEvents | Permission::Decide => Role::Admin,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Permission::Read => "reading reports",
            Permission::Triage => "triage",
            Permission::Curate => "changing campaigns and indicators",
            Permission::WorkCases => "working on cases",
            Permission::ManageCases => "managing cases",
            Permission::Act => "enforcement actions",
            Permission::Refer => "referrals to law enforcement",
            Permission::Export => "evidence packages",
            Permission::Legal => "restricted cases and the audit log",
            Permission::Admin => "administration",
            Permission::Review => "reviewing decisions and findings",
            Permission::Rules => "changing analyst rules",
            Permission::IngestEvents => "sending marketplace events",
            Permission::Decide => "asking for decisions",
        }
    }
}

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    Token {
        id: i64,
    },
    Session {
        user_id: i64,
        token_sha256: String,
        csrf: String,
    },
}

/// A caller who presented a valid token or session.
#[derive(Debug, Clone)]
pub struct Caller {
    /// A token's name or a user's username.
    pub name: String,
    pub role: Role,
    pub credential: Credential,
}

impl Caller {
    /// How the caller appears in the audit chain: `user:alice`, `token:7`.
    pub fn actor(&self) -> String {
        match &self.credential {
            Credential::Token { id } => format!("token:{id}"),
            Credential::Session { .. } => format!("user:{}", self.name),
        }
    }

    pub fn user_id(&self) -> Option<i64> {
        match &self.credential {
            Credential::Session { user_id, .. } => Some(*user_id),
            Credential::Token { .. } => None,
        }
    }

    pub fn can(&self, p: Permission) -> bool {
        p.allows(self.role)
    }

    /// Refuses unless the caller's role has `p`.
    pub fn require(&self, p: Permission) -> Result<(), Problem> {
        if self.can(p) {
            Ok(())
        } else if self.role == Role::Service {
            Err(Problem::forbidden(&format!(
                "{} needs a staff role; a service token may only send events and ask for decisions",
                p.describe()
            )))
        } else if p.for_services() {
            Err(Problem::forbidden(&format!(
                "{} needs a service token or the {} role; you have {}",
                p.describe(),
                p.min_role().as_str(),
                self.role.as_str()
            )))
        } else {
            Err(Problem::forbidden(&format!(
                "{} needs the {} role or higher; you have {}",
                p.describe(),
                p.min_role().as_str(),
                self.role.as_str()
            )))
        }
    }
}

/// Prefix that makes a leaked token easy to recognise in code, logs and secret scanners.
pub const TOKEN_PREFIX: &str = "rmp_";

/// The session cookie: `__Host-` makes the browser keep it to this exact origin, over HTTPS
/// (or loopback), for every path.
pub const SESSION_COOKIE: &str = "__Host-rampart_session";

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A new random API token and the hash to store.
pub fn new_token() -> (String, String) {
    let token = format!("{TOKEN_PREFIX}{}", random_token());
    let hash = sha256_hex(token.as_bytes());
    (token, hash)
}

/// The value of cookie `name`, if the request carries it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// Compares secrets without leaking where they differ through timing.
pub fn same_secret(a: &str, b: &str) -> bool {
    use sha2::{Digest, Sha256};
    // Hashing first makes the comparison's length fixed.
    let (x, y) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}

/// The live, fully logged-in session named by the request's cookie, and its user. Sessions
/// idle longer than the configured time end here.
pub async fn session_of(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(rampart_store::SessionRow, rampart_store::UserRow, String)>, Problem> {
    let Some(token) = cookie(headers, SESSION_COOKIE).filter(|t| t.len() <= 100) else {
        return Ok(None);
    };
    let hash = sha256_hex(token.as_bytes());
    let now = millis(OffsetDateTime::now_utc());
    let Some((session, user)) = state.store.session(&hash, now).await? else {
        return Ok(None);
    };
    let idle_ms = i64::try_from(state.settings.console.idle_minutes)
        .unwrap_or(60)
        .saturating_mul(60_000);
    if session.last_seen_at.saturating_add(idle_ms) < now || user.disabled_at.is_some() {
        state.store.end_session(&hash, None, now).await?;
        return Ok(None);
    }
    if now - session.last_seen_at > 60_000 {
        state.store.touch_session(&hash, now).await?;
    }
    Ok(Some((session, user, hash)))
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
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
            return Ok(Caller {
                name: row.name,
                role,
                credential: Credential::Token { id: row.id },
            });
        }
        let Some((session, user, hash)) = session_of(state, &parts.headers).await? else {
            return Err(Problem::unauthorized(
                "this needs a bearer token (Authorization: Bearer rmp_…) or a console session",
            ));
        };
        if session.stage != "full" {
            return Err(Problem::unauthorized("the second factor is still needed"));
        }
        // A browser session may change things only from our own pages: they send the session's
        // CSRF token in a header (the console's forms check it in their body instead).
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !same_secret(sent, &session.csrf_token) {
                return Err(Problem::forbidden(
                    "a change made with a session cookie needs the session's X-CSRF-Token",
                ));
            }
        }
        let role = Role::parse_staff(&user.role)
            .ok_or_else(|| Problem::forbidden("the account has no valid role"))?;
        Ok(Caller {
            name: user.username,
            role,
            credential: Credential::Session {
                user_id: user.id,
                token_sha256: hash,
                csrf: session.csrf_token,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_staff_role_has_what_the_ones_before_it_have() {
        for p in Permission::ALL {
            let allowed: Vec<Role> = Role::STAFF.into_iter().filter(|&r| p.allows(r)).collect();
            assert_eq!(allowed.first(), Some(&p.min_role()));
            assert_eq!(allowed.last(), Some(&Role::Admin), "{p:?}");
        }
    }

    #[test]
    fn a_service_token_only_sends_events_and_asks_for_decisions() {
        let allowed: Vec<Permission> = Permission::ALL
            .into_iter()
            .filter(|p| p.allows(Role::Service))
            .collect();
        assert_eq!(allowed, [Permission::IngestEvents, Permission::Decide]);
        assert!(Role::Service < Role::Analyst);
        assert_eq!(Role::parse_staff("service"), None);
        assert_eq!(Role::parse("service"), Some(Role::Service));
    }

    #[test]
    fn reads_cookies() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; __Host-rampart_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "b"), Some("2"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn compares_secrets() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("", "abc"));
    }
}
