//! The staff console at `/console`: server-rendered pages (askama, escaped on output) for triage,
//! reports, campaigns, indicators, cases and actions, behind a login. Nothing a report says is
//! ever rendered as markup, links are shown defanged and never as anchors, remote content is
//! never loaded (the CSP allows this origin only), and every form carries the session's CSRF
//! token.

pub mod cases;
pub mod login;
pub mod reports;

use askama::Template;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::AppState;
use crate::auth::{Caller, Credential, Permission, Role, same_secret, session_of};
use crate::i18n::Tr;
use crate::problem::Problem;

/// The console's pages: this origin only, no inline script or style, no framing.
const CONSOLE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// A logged-in person on a console page.
pub struct Staff {
    pub caller: Caller,
    pub user: rampart_store::UserRow,
    pub csrf: String,
}

impl Staff {
    /// Refuses a form that does not carry this session's CSRF token.
    pub fn check_csrf(&self, sent: &str) -> Result<(), ConsoleError> {
        if same_secret(sent, &self.csrf) {
            Ok(())
        } else {
            Err(ConsoleError(Problem::forbidden(
                &Tr::console().t("console-error-csrf"),
            )))
        }
    }

    pub fn require(&self, p: Permission) -> Result<(), ConsoleError> {
        self.caller.require(p).map_err(ConsoleError)
    }

    /// The console's translator, for the words a handler puts on a page.
    pub fn t(&self) -> Tr {
        Tr::console()
    }

    /// What the layout shows of the person and what the navigation offers them; `title` is
    /// already in words.
    pub fn layout(&self, title: &str, section: &'static str) -> Layout {
        Layout {
            t: self.t(),
            title: title.to_string(),
            section,
            username: self.user.username.clone(),
            role: self.caller.role.as_str(),
            csrf: self.csrf.clone(),
            legal: self.caller.can(Permission::Legal),
            admin: self.caller.role >= Role::Admin,
        }
    }
}

/// What every console page's layout needs.
pub struct Layout {
    pub t: Tr,
    pub title: String,
    pub section: &'static str,
    pub username: String,
    pub role: &'static str,
    pub csrf: String,
    pub legal: bool,
    pub admin: bool,
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let session = session_of(state, &parts.headers)
            .await
            .map_err(|p| ConsoleError(p).into_response())?;
        let to_login = || {
            let next = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/console");
            Redirect::to(&format!("/console/login?next={}", encode_component(next))).into_response()
        };
        let Some((session, user, hash)) = session else {
            return Err(to_login());
        };
        if session.stage != "full" {
            return Err(Redirect::to("/console/login/code").into_response());
        }
        let Some(role) = Role::parse_staff(&user.role) else {
            return Err(ConsoleError(Problem::forbidden(
                &Tr::console().t("console-error-no-role"),
            ))
            .into_response());
        };
        Ok(Staff {
            caller: Caller {
                name: user.username.clone(),
                role,
                credential: Credential::Session {
                    user_id: user.id,
                    token_sha256: hash,
                    csrf: session.csrf_token.clone(),
                },
            },
            csrf: session.csrf_token,
            user,
        })
    }
}

/// Percent-encodes a query value, leaving `/` readable (a `next` path stays legible).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A console form's fields, where a name may repeat (`report_id=1&report_id=2`); at most
/// 10,000 of them are read.
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn parse(raw: &[u8]) -> FormFields {
        FormFields(
            url::form_urlencoded::parse(raw)
                .take(10_000)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// Reads the form and checks its CSRF token.
    pub fn checked(staff: &Staff, raw: &[u8]) -> Result<FormFields, ConsoleError> {
        let f = FormFields::parse(raw);
        staff.check_csrf(f.get("csrf"))?;
        Ok(f)
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The value of `name` trimmed, when there is one.
    pub fn optional(&self, name: &str) -> Option<String> {
        let v = self.get(name).trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    /// Whether the form has a field called `name`, even empty.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }

    /// Every value of `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` that is a number.
    pub fn ids(&self, name: &str) -> Vec<i64> {
        self.all(name).filter_map(|v| v.parse().ok()).collect()
    }
}

/// A problem shown as a console page.
#[derive(Debug)]
pub struct ConsoleError(pub Problem);

impl From<Problem> for ConsoleError {
    fn from(p: Problem) -> Self {
        ConsoleError(p)
    }
}

impl ConsoleError {
    /// 404 for a thing the console looked for: `message` says which (`no such report`).
    pub fn not_found(t: &Tr, message: &str) -> ConsoleError {
        ConsoleError(Problem::new(
            StatusCode::NOT_FOUND,
            "not-found",
            t.t(message),
        ))
    }

    /// 400 with a message of the console's catalogue.
    pub fn bad_request(t: &Tr, message: &str) -> ConsoleError {
        ConsoleError(Problem::bad_request(t.t(message)))
    }
}

impl From<rampart_store::StoreError> for ConsoleError {
    fn from(e: rampart_store::StoreError) -> Self {
        ConsoleError(Problem::from(e))
    }
}

#[derive(Template)]
#[template(path = "console/error.html")]
struct ErrorPage<'a> {
    t: Tr,
    status: u16,
    title: &'a str,
    detail: &'a str,
}

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let page = ErrorPage {
            t: Tr::console(),
            status: self.0.status,
            title: &self.0.title,
            detail: &self.0.detail,
        };
        html(status, page.render())
    }
}

/// A rendered console page with its headers.
pub fn html(status: StatusCode, body: Result<String, askama::Error>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "a console template failed");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Tr::console().t("console-error-internal"),
            )
                .into_response();
        }
    };
    let mut res = (status, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONSOLE_CSP),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A page rendered with 200.
pub fn page(t: impl Template) -> Response {
    html(StatusCode::OK, t.render())
}

/// After a form: back to where the person was, with 303 so a reload does not post again.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// UTC date and time as people read it.
pub fn when(ms: &i64) -> String {
    rampart_casework::summary::datetime(*ms)
}

/// An optional time.
pub fn when_opt(ms: &Option<i64>) -> String {
    ms.map(|m| when(&m)).unwrap_or_default()
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console",
            get(|| async { Redirect::to("/console/triage") }),
        )
        .route("/console/static/console.css", get(stylesheet))
        .route("/console/static/console.js", get(script))
        .merge(login::routes())
        .merge(reports::routes())
        .merge(cases::routes())
}

async fn stylesheet() -> Response {
    static_file(
        "text/css; charset=utf-8",
        include_str!("../../static/console.css"),
    )
}

async fn script() -> Response {
    static_file(
        "text/javascript; charset=utf-8",
        include_str!("../../static/console.js"),
    )
}

fn static_file(kind: &'static str, body: &'static str) -> Response {
    let mut res = body.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res
}

/// Whether two strings are equal, whatever references a template holds them by.
pub fn same(a: impl AsRef<str>, b: impl AsRef<str>) -> bool {
    a.as_ref() == b.as_ref()
}

/// Whether an optional id is `id`, for selected options in templates.
pub fn is_id(a: &Option<i64>, id: &&i64) -> bool {
    *a == Some(**id)
}
