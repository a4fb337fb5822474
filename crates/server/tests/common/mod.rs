//! Test harness: a real service on a loopback port, on SQLite (a temporary file) and on the
//! machine's PostgreSQL (a schema of its own per test). Under CI=true a missing PostgreSQL is a
//! failure; elsewhere the PostgreSQL half of each test says it was skipped and passes.

#![allow(dead_code)]

pub mod browser;
pub mod dovecot;

pub mod smtp;

use std::time::Duration;

use rampart_server::{AppState, Running, Settings};
use rampart_store::{ConnectConfig, Store};
use sqlx::Executor;

pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

/// The PostgreSQL server tests use: RAMPART_TEST_POSTGRES or the machine's default.
pub fn pg_base() -> String {
    std::env::var("RAMPART_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_PG.to_string())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A fresh, empty PostgreSQL schema and a URL that uses it; `None` (after saying so) when
/// PostgreSQL is not reachable outside CI.
/// Why PostgreSQL was found unreachable, once, so the other tests skip without waiting again.
static PG_DOWN: std::sync::OnceLock<String> = std::sync::OnceLock::new();

pub async fn pg_url(test: &str) -> Option<String> {
    let base = pg_base();
    if let Some(why) = PG_DOWN.get() {
        return skip(test, &base, why);
    }
    let pool = match tokio::time::timeout(
        Duration::from_secs(5),
        sqlx::postgres::PgPoolOptions::new()
            .max_connections(1)
            .connect(&base),
    )
    .await
    {
        Ok(Ok(pool)) => pool,
        other => {
            let why = match other {
                Ok(Err(e)) => e.to_string(),
                _ => "timed out".to_string(),
            };
            let _ = PG_DOWN.set(why.clone());
            return skip(test, &base, &why);
        }
    };
    drop_stale_schemas(&pool).await;
    let schema = format!(
        "rampart_t_{}_{}",
        std::process::id(),
        uuid::Uuid::new_v4()
            .simple()
            .to_string()
            .get(..10)
            .unwrap_or("x")
    );
    pool.execute(format!("CREATE SCHEMA {schema}").as_str())
        .await
        .expect("create test schema");
    pool.close().await;
    let sep = if base.contains('?') { '&' } else { '?' };
    Some(format!("{base}{sep}options=-c%20search_path%3D{schema}"))
}

/// Drops the schemas of earlier test processes that have ended, once per process, so the
/// shared `test` database does not fill up over many runs.
async fn drop_stale_schemas(pool: &sqlx::PgPool) {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if DONE.set(()).is_err() {
        return;
    }
    let names: Vec<(String,)> =
        sqlx::query_as("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rampart\\_t\\_%'")
            .fetch_all(pool)
            .await
            .unwrap_or_default();
    for (name,) in names {
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = pool
                .execute(format!("DROP SCHEMA IF EXISTS {name} CASCADE").as_str())
                .await;
        }
    }
}

fn skip(test: &str, base: &str, why: &str) -> Option<String> {
    if in_ci() {
        panic!("PostgreSQL at {base} is required under CI=true but is not reachable: {why}");
    }
    // Straight to the stream, not eprintln!: the test harness captures the macros' output of
    // passing tests, and a skip must be seen.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test} on PostgreSQL: {base} is not reachable ({why})"
    );
    None
}

/// A SQLite database in a temporary directory (kept alive by the returned guard).
pub fn sqlite_url() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("rampart.db").display());
    (dir, url)
}

pub fn brand_settings() -> Vec<rampart_indicators::brand::Brand> {
    vec![rampart_indicators::brand::Brand {
        name: "Amazon".into(),
        domains: vec![
            "amazon.com".into(),
            "amazon.co.uk".into(),
            "amazon.de".into(),
        ],
        phones: vec!["+1 206 266 1000".into()],
    }]
}

pub fn settings(url: &str) -> Settings {
    Settings {
        database_url: url.to_string(),
        brands: brand_settings(),
        // Tests send many reports from one address; the limits have tests of their own.
        limits: rampart_server::limits::LimitSettings {
            enabled: false,
            ..Default::default()
        },
        casework: rampart_server::settings::CaseworkSettings {
            signing_key_file: std::env::temp_dir().join(format!(
                "rampart-test-signing-{}.key",
                uuid::Uuid::new_v4().simple()
            )),
            ..Default::default()
        },
        ..Settings::default()
    }
}

pub struct TestServer {
    pub base: String,
    pub http: reqwest::Client,
    pub running: Running,
    pub store: Store,
}

impl TestServer {
    pub async fn start(settings: Settings) -> TestServer {
        let store = Store::connect(&ConnectConfig::new(settings.database_url.clone()))
            .await
            .expect("connect store");
        let state = AppState::new(store.clone(), settings).expect("state");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let running = rampart_server::start(listener, state).await.expect("start");
        TestServer {
            base: format!("http://{}", running.addr),
            http: reqwest::Client::new(),
            running,
            store,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A bearer token with `role`.
    pub async fn token(&self, role: &str) -> String {
        let (token, hash) = rampart_server::auth::new_token();
        self.store
            .create_token("test", role, &hash, 0)
            .await
            .expect("create token");
        token
    }

    /// A staff account with `role` and `password`.
    pub async fn user(&self, username: &str, role: &str, password: &str) -> i64 {
        let hash = rampart_server::console::login::hash_password(password).expect("hash");
        self.store
            .create_user(
                &rampart_store::NewUser {
                    username: username.into(),
                    display_name: username.into(),
                    email: None,
                    role: role.into(),
                    password_hash: hash,
                },
                "test",
                0,
            )
            .await
            .expect("create user")
    }

    /// Logs in through the console's form; the answer is not followed.
    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        let http = no_redirects();
        let page = http
            .get(self.url("/console/login"))
            .send()
            .await
            .expect("login page");
        let login_cookie = set_cookie(&page, "__Host-rampart_login").expect("login cookie");
        let html = page.text().await.expect("text");
        let token = hidden(&html, "form_token").expect("form token");
        http.post(self.url("/console/login"))
            .header("cookie", format!("__Host-rampart_login={login_cookie}"))
            .form(&[
                ("username", username),
                ("password", password),
                ("form_token", token.as_str()),
                ("next", "/console/triage"),
            ])
            .send()
            .await
            .expect("login")
    }

    /// A logged-in console session of a new user with `role`.
    pub async fn session(&self, role: &str) -> Session {
        let name = format!("{role}-{}", uuid::Uuid::new_v4().simple());
        let password = "a long test password";
        self.user(&name, role, password).await;
        let res = self.login(&name, password).await;
        assert_eq!(res.status(), 303, "login of {name}");
        let cookie = set_cookie(&res, "__Host-rampart_session").expect("session cookie");
        let page = no_redirects()
            .get(self.url("/console/account"))
            .header("cookie", format!("__Host-rampart_session={cookie}"))
            .send()
            .await
            .expect("account page");
        let html = page.text().await.expect("text");
        let csrf = hidden(&html, "csrf").expect("csrf in the page");
        Session {
            cookie: format!("__Host-rampart_session={cookie}"),
            csrf,
            username: name,
        }
    }

    pub async fn post_report(&self, json: serde_json::Value) -> reqwest::Response {
        self.http
            .post(self.url("/api/v1/reports"))
            .json(&json)
            .send()
            .await
            .expect("send")
    }

    pub async fn get(&self, path: &str, token: &str) -> reqwest::Response {
        self.http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("send")
    }

    pub async fn get_json(&self, path: &str, token: &str) -> serde_json::Value {
        let res = self.get(path, token).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.expect("json")
    }

    /// Waits until every stored report has been processed, correlated and counted in a ranked
    /// campaign.
    pub async fn settle(&self, token: &str) {
        for _ in 0..300 {
            let page = self.get_json("/api/v1/reports?limit=200", token).await;
            let items = page["items"].as_array().cloned().unwrap_or_default();
            if items.iter().all(|r| r["campaign_id"].is_i64()) {
                let (waiting, _) = self.store.job_counts().await.expect("jobs");
                let campaigns = self.get_json("/api/v1/campaigns?limit=200", token).await;
                let counted: i64 = campaigns["items"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|c| c["report_count"].as_i64()).sum())
                    .unwrap_or(0);
                if waiting == 0 && counted == items.len() as i64 {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("reports were not processed, correlated and ranked within 15 s");
    }

    pub async fn stop(self) {
        self.running.shutdown(Duration::from_secs(10)).await;
    }
}

/// Runs one async test body against SQLite and against PostgreSQL.
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let (_dir, url) = common::sqlite_url();
                ($body)(url).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(url) = common::pg_url(concat!(module_path!())).await else {
                    return;
                };
                ($body)(url).await;
            }
        }
    };
}

/// A console session: the cookie header to send and the CSRF token of its forms.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
    pub username: String,
}

/// A client that does not follow redirects, to see where the console sends people.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The value a response sets for cookie `name`.
pub fn set_cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| k.trim() == name)
        .map(|(_, v)| v.trim().to_string())
}

/// The value of the first hidden input called `name` in a page.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &html[at + name.len() + 15..];
    rest.split('"').next().map(str::to_string)
}
