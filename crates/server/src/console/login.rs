//! Logging in and out, the second factor (TOTP), a person's own account, and the accounts
//! admins manage. Passwords are hashed with argon2id; a wrong password, an unknown name and a
//! locked account all get the same answer in the same time.

use std::net::SocketAddr;
use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use rampart_store::{NewSession, NewUser, UserChange, UserRow};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{ConsoleError, Layout, Staff, html, page, see_other, when_opt};
use crate::AppState;
use crate::auth::{Permission, Role, SESSION_COOKIE, cookie, random_token, same_secret};
use crate::i18n::Tr;
use crate::intake::{client_addr, millis, sha256_hex};
use crate::problem::Problem;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest: argon2 takes any length, but a megabyte of "password" is an attack.
pub const MAX_PASSWORD_CHARS: usize = 256;
/// Login forms carry this cookie's value back (a login form posted from elsewhere has none).
const LOGIN_COOKIE: &str = "__Host-rampart_login";

/// Hashes a password with argon2id (OWASP parameters: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>()).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `password` matches the stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to check against when the username is unknown, so that takes as long as a real one.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("not a real password at all").unwrap_or_default())
}

/// What is wrong with a new password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    TooShort,
    /// More than [`MAX_PASSWORD_CHARS`] characters.
    TooLong,
}

/// Checks a new password's length.
pub fn password_problem(password: &str) -> Option<PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Some(PasswordProblem::TooShort)
    } else if n > MAX_PASSWORD_CHARS {
        Some(PasswordProblem::TooLong)
    } else {
        None
    }
}

/// The limits as numbers for messages.
fn min_chars() -> i64 {
    i64::try_from(MIN_PASSWORD_CHARS).unwrap_or(i64::MAX)
}

fn max_chars() -> i64 {
    i64::try_from(MAX_PASSWORD_CHARS).unwrap_or(i64::MAX)
}

/// Runs argon2 off the async threads.
async fn verify_blocking(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

async fn hash_blocking(password: String) -> Result<String, ConsoleError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| ConsoleError(Problem::internal()))?
        .map_err(|_| ConsoleError(Problem::internal()))
}

fn now() -> i64 {
    millis(OffsetDateTime::now_utc())
}

/// The TOTP of a base32 secret: 6 digits, 30 seconds, SHA-1 (what authenticator apps expect).
fn totp(secret_b32: &str, account: &str, issuer: &str) -> Option<totp_rs::TOTP> {
    let bytes = totp_rs::Secret::Encoded(secret_b32.to_string())
        .to_bytes()
        .ok()?;
    totp_rs::TOTP::new(
        totp_rs::Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some(issuer.replace(':', " ")),
        account.replace(':', " "),
    )
    .ok()
}

/// The time step a code is right for (now, or one step either side for clock drift).
fn code_step(t: &totp_rs::TOTP, code: &str, now_ms: i64) -> Option<i64> {
    let code = code.trim().replace(' ', "");
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs = u64::try_from(now_ms / 1000).ok()?;
    let step = secs / 30;
    [step.saturating_sub(1), step, step + 1]
        .into_iter()
        .find(|&s| same_secret(&t.generate(s * 30), &code))
        .and_then(|s| i64::try_from(s).ok())
}

fn session_cookie(token: &str, max_age_secs: u64) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age_secs}; HttpOnly; Secure; SameSite=Strict"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn clear_session_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "__Host-rampart_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict",
    )
}

/// Where to go after logging in: only a console path of this origin.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with("/console")
                && !n.starts_with("//")
                && !n.contains('\\')
                && n.len() <= 500 =>
        {
            n.to_string()
        }
        _ => "/console/triage".to_string(),
    }
}

#[derive(Template)]
#[template(path = "console/login.html")]
struct LoginPage {
    t: Tr,
    form_token: String,
    next: String,
    username: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// The login page; `error` is a message of the console's catalogue.
fn login_page(status: StatusCode, next: &str, username: &str, error: Option<String>) -> Response {
    let form_token = random_token();
    let body = LoginPage {
        t: Tr::console(),
        form_token: form_token.clone(),
        next: next.to_string(),
        username: username.to_string(),
        error,
    }
    .render();
    let mut res = html(status, body);
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{LOGIN_COOKIE}={form_token}; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict"
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

async fn show_login(Query(q): Query<NextQuery>) -> Response {
    login_page(StatusCode::OK, &safe_next(q.next.as_deref()), "", None)
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    form_token: String,
    next: Option<String>,
}

async fn do_login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    let t = Tr::console();
    let next = safe_next(f.next.as_deref());
    let username: String = f.username.trim().to_lowercase().chars().take(100).collect();
    let sent = cookie(&headers, LOGIN_COOKIE).unwrap_or("");
    if sent.is_empty() || !same_secret(sent, &f.form_token) {
        return login_page(
            StatusCode::FORBIDDEN,
            &next,
            &username,
            Some(t.t("console-login-error-expired")),
        );
    }
    let client = client_addr(&state, Some(peer), &headers);
    if let Err(limited) = state.limits.login(client) {
        let mut res = login_page(
            StatusCode::TOO_MANY_REQUESTS,
            &next,
            &username,
            Some(t.n(
                "console-login-error-rate-limited",
                "seconds",
                seconds(&limited),
            )),
        );
        if let Ok(v) = HeaderValue::from_str(&limited.retry_after_secs().to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return res;
    }
    match login(&state, &username, &f.password, client).await {
        Ok(Some((token, stage_full))) => {
            let to = if stage_full {
                next
            } else {
                "/console/login/code".into()
            };
            let mut res = see_other(&to);
            let max_age = state.settings.console.session_hours.saturating_mul(3600);
            res.headers_mut()
                .append(header::SET_COOKIE, session_cookie(&token, max_age));
            res
        }
        Ok(None) => login_page(
            StatusCode::UNAUTHORIZED,
            &next,
            &username,
            Some(t.t("console-login-error-wrong")),
        ),
        Err(e) => e.into_response(),
    }
}

/// How long a rate-limited person waits, for messages.
fn seconds(limited: &crate::limits::Limited) -> i64 {
    i64::try_from(limited.retry_after_secs()).unwrap_or(i64::MAX)
}

/// Counts a wrong password or code; returns until when the account is now locked, if it is.
async fn failed(
    state: &AppState,
    user_id: i64,
    client: &str,
    at: i64,
) -> Result<Option<i64>, ConsoleError> {
    let lock_ms = i64::try_from(state.settings.console.lockout_minutes)
        .unwrap_or(15)
        .saturating_mul(60_000);
    let max = i64::from(state.settings.console.max_failed_logins.max(1));
    Ok(state
        .store
        .login_failed(user_id, client, max, lock_ms, at)
        .await?)
}

/// Checks a password; on success starts a session and returns its token and whether it is
/// complete (no second factor needed).
async fn login(
    state: &AppState,
    username: &str,
    password: &str,
    client: Option<std::net::IpAddr>,
) -> Result<Option<(String, bool)>, ConsoleError> {
    let password: String = password.chars().take(MAX_PASSWORD_CHARS + 1).collect();
    let user = state.store.user_by_username(username).await?;
    let at = now();
    let Some(user) = user else {
        verify_blocking(password, decoy_hash().to_string()).await;
        return Ok(None);
    };
    let locked = user.locked_until.is_some_and(|t| t > at) || user.disabled_at.is_some();
    let right = verify_blocking(password, user.password_hash.clone()).await;
    if locked {
        return Ok(None);
    }
    let client_text = client.map(|c| c.to_string()).unwrap_or_default();
    if !right {
        failed(state, user.id, &client_text, at).await?;
        return Ok(None);
    }
    let token = random_token();
    let full = user.totp_secret.is_none();
    let hours = i64::try_from(state.settings.console.session_hours).unwrap_or(12);
    state
        .store
        .login_succeeded(
            &user,
            &NewSession {
                token_sha256: sha256_hex(token.as_bytes()),
                stage: if full { "full" } else { "password" }.into(),
                csrf_token: random_token(),
                expires_at: at.saturating_add(hours.saturating_mul(3_600_000)),
                client: Some(client_text),
            },
            at,
        )
        .await?;
    Ok(Some((token, full)))
}

#[derive(Template)]
#[template(path = "console/code.html")]
struct CodePage {
    t: Tr,
    csrf: String,
    error: Option<String>,
}

/// The half-logged-in session: password right, code still to come.
async fn pending(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(rampart_store::SessionRow, UserRow, String)>, ConsoleError> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let hash = sha256_hex(token.as_bytes());
    Ok(state
        .store
        .session(&hash, now())
        .await?
        .filter(|(s, _)| s.stage == "password")
        .map(|(s, u)| (s, u, hash)))
}

async fn show_code(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match pending(&state, &headers).await {
        Ok(Some((session, _, _))) => page(CodePage {
            t: Tr::console(),
            csrf: session.csrf_token,
            error: None,
        }),
        Ok(None) => see_other("/console/login"),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
    csrf: String,
}

async fn do_code(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> Response {
    let client = client_addr(&state, Some(peer), &headers);
    let t = Tr::console();
    let result: Result<Response, ConsoleError> = async {
        let Some((session, user, hash)) = pending(&state, &headers).await? else {
            return Ok(see_other("/console/login"));
        };
        if !same_secret(&f.csrf, &session.csrf_token) {
            return Err(ConsoleError(Problem::forbidden(
                &t.t("console-code-error-expired"),
            )));
        }
        let again = |error: String| {
            html(
                StatusCode::UNAUTHORIZED,
                CodePage {
                    t: t.clone(),
                    csrf: session.csrf_token.clone(),
                    error: Some(error),
                }
                .render(),
            )
        };
        if let Err(limited) = state.limits.login(client) {
            return Ok(again(t.n(
                "console-code-error-rate-limited",
                "seconds",
                seconds(&limited),
            )));
        }
        let at = now();
        if user.locked_until.is_some_and(|t| t > at) || user.disabled_at.is_some() {
            state.store.end_session(&hash, None, at).await?;
            return Ok(see_other("/console/login"));
        }
        let step = user
            .totp_secret
            .as_deref()
            .and_then(|s| totp(s, &user.username, "Rampart"))
            .and_then(|t| code_step(&t, &f.code, at));
        let Some(step) = step else {
            let client_text = client.map(|c| c.to_string()).unwrap_or_default();
            let locked = failed(&state, user.id, &client_text, at).await?;
            if locked.is_some() {
                state.store.end_session(&hash, None, at).await?;
                return Ok(see_other("/console/login"));
            }
            return Ok(again(t.t("console-code-error-wrong")));
        };
        match state
            .store
            .second_factor_passed(&hash, &user, step, at)
            .await
        {
            Ok(()) => Ok(see_other("/console/triage")),
            Err(rampart_store::StoreError::Conflict(_)) => {
                Ok(again(t.t("console-code-error-used")))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Deserialize)]
struct CsrfForm {
    csrf: String,
}

async fn do_logout(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<CsrfForm>,
) -> Response {
    if let Err(e) = staff.check_csrf(&f.csrf) {
        return e.into_response();
    }
    let hash = match &staff.caller.credential {
        crate::auth::Credential::Session { token_sha256, .. } => token_sha256.clone(),
        crate::auth::Credential::Token { .. } => String::new(),
    };
    if let Err(e) = state
        .store
        .end_session(&hash, Some(&staff.user), now())
        .await
    {
        return ConsoleError::from(e).into_response();
    }
    let mut res = see_other("/console/login");
    res.headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie());
    res
}

#[derive(Template)]
#[template(path = "console/account.html")]
struct AccountPage {
    layout: Layout,
    user: UserRow,
    message: Option<String>,
    enrol: Option<(String, String)>,
}

async fn show_account(staff: Staff) -> Response {
    page(AccountPage {
        layout: staff.layout(&staff.t().t("console-account-title"), "account"),
        user: staff.user.clone(),
        message: None,
        enrol: None,
    })
}

#[derive(Deserialize)]
struct PasswordForm {
    csrf: String,
    current: String,
    new: String,
}

async fn change_password(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<PasswordForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&f.csrf)?;
    let t = staff.t();
    let account = |msg: String| {
        html(
            StatusCode::UNPROCESSABLE_ENTITY,
            AccountPage {
                layout: staff.layout(&staff.t().t("console-account-title"), "account"),
                user: staff.user.clone(),
                message: Some(msg),
                enrol: None,
            }
            .render(),
        )
    };
    if !verify_blocking(f.current.clone(), staff.user.password_hash.clone()).await {
        return Ok(account(t.t("console-account-error-current")));
    }
    match password_problem(&f.new) {
        Some(PasswordProblem::TooShort) => {
            return Ok(account(t.n(
                "console-account-error-too-short",
                "min",
                min_chars(),
            )));
        }
        Some(PasswordProblem::TooLong) => {
            return Ok(account(t.n(
                "console-account-error-too-long",
                "max",
                max_chars(),
            )));
        }
        None => {}
    }
    let hash = hash_blocking(f.new).await?;
    state
        .store
        .change_user(
            staff.user.id,
            &UserChange::Password(hash),
            &staff.caller.actor(),
            now(),
        )
        .await?;
    // Changing the password ends every session, this one too.
    let mut res = see_other("/console/login");
    res.headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie());
    Ok(res)
}

async fn totp_start(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<CsrfForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&f.csrf)?;
    let secret = totp_rs::Secret::Raw(rand::random::<[u8; 20]>().to_vec())
        .to_encoded()
        .to_string();
    state
        .store
        .change_user(
            staff.user.id,
            &UserChange::TotpPending(secret.clone()),
            &staff.caller.actor(),
            now(),
        )
        .await?;
    let url = totp(
        &secret,
        &staff.user.username,
        &format!("Rampart {}", state.settings.organisation()),
    )
    .map(|t| t.get_url())
    .unwrap_or_default();
    Ok(page(AccountPage {
        layout: staff.layout(&staff.t().t("console-account-title"), "account"),
        user: staff.user.clone(),
        message: None,
        enrol: Some((secret, url)),
    }))
}

#[derive(Deserialize)]
struct ConfirmForm {
    csrf: String,
    code: String,
}

async fn totp_confirm(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&f.csrf)?;
    let right = staff
        .user
        .totp_pending
        .as_deref()
        .and_then(|s| totp(s, &staff.user.username, "Rampart"))
        .and_then(|t| code_step(&t, &f.code, now()));
    let message = if right.is_some() {
        state
            .store
            .change_user(
                staff.user.id,
                &UserChange::TotpConfirm,
                &staff.caller.actor(),
                now(),
            )
            .await?;
        "console-account-two-step-done"
    } else {
        "console-account-error-code"
    };
    let user = state
        .store
        .user(staff.user.id)
        .await?
        .unwrap_or(staff.user.clone());
    Ok(page(AccountPage {
        layout: staff.layout(&staff.t().t("console-account-title"), "account"),
        user,
        message: Some(staff.t().t(message)),
        enrol: None,
    }))
}

#[derive(Deserialize)]
struct RemoveForm {
    csrf: String,
    current: String,
}

async fn totp_remove(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<RemoveForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&f.csrf)?;
    if !verify_blocking(f.current, staff.user.password_hash.clone()).await {
        return Err(ConsoleError(Problem::forbidden(
            &staff.t().t("console-account-error-remove"),
        )));
    }
    state
        .store
        .change_user(
            staff.user.id,
            &UserChange::TotpRemove,
            &staff.caller.actor(),
            now(),
        )
        .await?;
    Ok(see_other("/console/account"))
}

#[derive(Template)]
#[template(path = "console/users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<UserRow>,
    roles: [Role; 4],
}

async fn show_users(State(state): State<AppState>, staff: Staff) -> Result<Response, ConsoleError> {
    staff.require(Permission::Admin)?;
    Ok(page(UsersPage {
        layout: staff.layout(&staff.t().t("console-users-title"), "users"),
        users: state.store.users().await?,
        roles: Role::STAFF,
    }))
}

#[derive(Deserialize)]
struct NewUserForm {
    csrf: String,
    username: String,
    display_name: String,
    email: Option<String>,
    role: String,
    password: String,
}

async fn create_user(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<NewUserForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&f.csrf)?;
    staff.require(Permission::Admin)?;
    let new = check_new_user(
        &staff.t(),
        &f.username,
        &f.display_name,
        f.email.as_deref(),
        &f.role,
        &f.password,
    )
    .map_err(|why| ConsoleError(Problem::bad_request(why)))?;
    let hash = hash_blocking(f.password).await?;
    state
        .store
        .create_user(
            &NewUser {
                password_hash: hash,
                ..new
            },
            &staff.caller.actor(),
            now(),
        )
        .await?;
    Ok(see_other("/console/users"))
}

/// Checks what a new account needs; the hash is filled in by the caller. What is wrong is said
/// in the console's English (the command line creates accounts too).
pub fn validate_new_user(
    username: &str,
    display_name: &str,
    email: Option<&str>,
    role: &str,
    password: &str,
) -> Result<NewUser, String> {
    check_new_user(
        &Tr::console(),
        username,
        display_name,
        email,
        role,
        password,
    )
}

/// [`validate_new_user`], saying what is wrong with `t`.
pub fn check_new_user(
    t: &Tr,
    username: &str,
    display_name: &str,
    email: Option<&str>,
    role: &str,
    password: &str,
) -> Result<NewUser, String> {
    let username = username.trim().to_lowercase();
    if username.is_empty()
        || username.len() > 64
        || !username
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    {
        return Err(t.t("console-users-error-username"));
    }
    let Some(role) = Role::parse_staff(role) else {
        return Err(t.t("console-users-error-role"));
    };
    match password_problem(password) {
        Some(PasswordProblem::TooShort) => {
            return Err(t.n("console-users-error-too-short", "min", min_chars()));
        }
        Some(PasswordProblem::TooLong) => {
            return Err(t.n("console-users-error-too-long", "max", max_chars()));
        }
        None => {}
    }
    let display: String = display_name.trim().chars().take(100).collect();
    let email = email
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| e.chars().take(254).collect::<String>());
    if email.as_deref().is_some_and(|e| !e.contains('@')) {
        return Err(t.t("console-users-error-email"));
    }
    Ok(NewUser {
        display_name: if display.is_empty() {
            username.clone()
        } else {
            display
        },
        username,
        email,
        role: role.as_str().into(),
        password_hash: String::new(),
    })
}

#[derive(Deserialize)]
struct ChangeUserForm {
    csrf: String,
    user_id: i64,
    /// `role`, `disable`, `enable`, `unlock`, `remove_totp`.
    change: String,
    role: Option<String>,
}

async fn change_user(
    State(state): State<AppState>,
    staff: Staff,
    Form(f): Form<ChangeUserForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&f.csrf)?;
    staff.require(Permission::Admin)?;
    let t = staff.t();
    let change = match f.change.as_str() {
        "role" => UserChange::Role(
            f.role
                .as_deref()
                .and_then(Role::parse_staff)
                .ok_or_else(|| ConsoleError::bad_request(&t, "console-users-error-unknown-role"))?
                .as_str()
                .into(),
        ),
        "disable" => UserChange::Disable,
        "enable" => UserChange::Enable,
        "unlock" => UserChange::Unlock,
        "remove_totp" => UserChange::TotpRemove,
        _ => {
            return Err(ConsoleError::bad_request(
                &t,
                "console-users-error-unknown-change",
            ));
        }
    };
    if f.user_id == staff.user.id && matches!(change, UserChange::Disable | UserChange::Role(_)) {
        return Err(ConsoleError::bad_request(&t, "console-users-error-self"));
    }
    state
        .store
        .change_user(f.user_id, &change, &staff.caller.actor(), now())
        .await?;
    Ok(see_other("/console/users"))
}

/// Shown in templates: when an account is locked until, if it is.
pub fn locked(u: &UserRow) -> String {
    match u.locked_until {
        Some(t) if t > now() => when_opt(&Some(t)),
        _ => String::new(),
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/console/login", get(show_login).post(do_login))
        .route("/console/login/code", get(show_code).post(do_code))
        .route("/console/logout", post(do_logout))
        .route("/console/account", get(show_account))
        .route("/console/account/password", post(change_password))
        .route("/console/account/totp/start", post(totp_start))
        .route("/console/account/totp/confirm", post(totp_confirm))
        .route("/console/account/totp/remove", post(totp_remove))
        .route("/console/users", get(show_users).post(create_user))
        .route("/console/users/change", post(change_user))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn codes_are_checked_per_step() {
        let secret = totp_rs::Secret::Raw(vec![7u8; 20]).to_encoded().to_string();
        let t = totp(&secret, "alice", "Rampart").unwrap();
        let at = 1_795_000_000_000i64;
        let code = t.generate(1_795_000_000);
        assert_eq!(code_step(&t, &code, at), Some(1_795_000_000 / 30));
        // A code from the step before still works (clock drift), two steps before does not.
        let old = t.generate(1_795_000_000 - 30);
        assert!(code_step(&t, &old, at).is_some());
        let older = t.generate(1_795_000_000 - 90);
        assert_eq!(code_step(&t, &older, at), None);
        assert_eq!(code_step(&t, "12345", at), None);
        assert_eq!(code_step(&t, "abcdef", at), None);
    }

    #[test]
    fn only_console_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/console/cases/3")), "/console/cases/3");
        assert_eq!(safe_next(Some("https://evil.example")), "/console/triage");
        assert_eq!(safe_next(Some("//evil.example")), "/console/triage");
        assert_eq!(safe_next(Some("/console\\@evil")), "/console/triage");
        assert_eq!(safe_next(None), "/console/triage");
    }

    #[test]
    fn new_accounts_are_checked() {
        assert!(validate_new_user("alice", "", None, "admin", "long enough pass").is_ok());
        assert!(validate_new_user("al ice", "", None, "admin", "long enough pass").is_err());
        assert!(validate_new_user("alice", "", None, "root", "long enough pass").is_err());
        assert!(validate_new_user("alice", "", None, "admin", "short").is_err());
        assert!(validate_new_user("alice", "", Some("nope"), "admin", "long enough pass").is_err());
    }
}
