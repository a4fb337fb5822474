//! The public portal: the report form at `/`, the acknowledgement, `/status`, `/check` and
//! the advice pages, server-rendered in 22 languages and usable without JavaScript.
//!
//! Every page is an askama template (escaped on output) that gets a [`Page`] with the
//! language's translator. The language comes from `?lang=` (then remembered in a cookie), the
//! cookie, or Accept-Language. Pages send their own Content-Security-Policy: scripts, styles
//! and images only from this origin, forms only to it.

pub mod check;
pub mod form;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::AppState;
use crate::i18n::{self, LANGUAGES, Language, Tr};

/// What the layout of every page needs.
pub struct Page {
    pub t: Tr,
    pub title: String,
    pub brand: String,
    pub tagline: String,
    /// This page's path, where the language form sends the reader back to.
    pub path: String,
    /// Which navigation entry is current.
    pub section: &'static str,
    pub languages: &'static [Language],
}

impl Page {
    pub fn new(t: Tr, brand: &str, title_id: &str, path: &str, section: &'static str) -> Page {
        let heading = t.t(title_id);
        Page::titled(t, brand, &heading, path, section)
    }

    pub fn titled(t: Tr, brand: &str, heading: &str, path: &str, section: &'static str) -> Page {
        let title = t.s("page-title", "page", heading);
        let tagline = t.t("site-tagline");
        Page {
            title,
            brand: brand.to_string(),
            tagline,
            path: path.to_string(),
            section,
            languages: &LANGUAGES,
            t,
        }
    }
}

/// `?lang=` on any page.
#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    pub lang: Option<String>,
}

/// The reader's language: a choice on this request wins and is remembered.
pub struct Reader {
    pub tr: Tr,
    /// Set when the language was chosen on this request, to remember it.
    pub remember: bool,
    /// The public address is HTTPS: cookies go only over it.
    pub secure: bool,
}

pub fn reader(state: &AppState, headers: &HeaderMap, chosen: Option<&str>) -> Reader {
    let chosen = chosen.and_then(i18n::find);
    let lang = i18n::negotiate(
        chosen.map(|l| l.tag),
        crate::auth::cookie(headers, i18n::COOKIE),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    Reader {
        tr: Tr::new(lang, state.settings.brand_name()),
        remember: chosen.is_some(),
        secure: state.settings.portal.public_url.starts_with("https://"),
    }
}

const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
    form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// A rendered page with the portal's headers.
pub fn html(status: StatusCode, reader: &Reader, body: Result<String, askama::Error>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "a portal template failed");
            return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
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
        HeaderValue::from_static(PAGE_CSP),
    );
    // Pages carry what a person typed or their reference: nothing for shared caches.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if reader.remember
        && let Ok(v) = HeaderValue::from_str(&format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{}",
            i18n::COOKIE,
            reader.tr.lang.tag,
            if reader.secure { "; Secure" } else { "" }
        ))
    {
        h.append(header::SET_COOKIE, v);
    }
    res
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    heading: String,
    message: String,
}

/// A page that says what went wrong, in the reader's language.
pub fn error_page(
    state: &AppState,
    reader: &Reader,
    status: StatusCode,
    heading_id: &str,
    message: String,
) -> Response {
    let page = Page::new(
        reader.tr.clone(),
        state.settings.brand_name(),
        heading_id,
        "/",
        "",
    );
    let heading = reader.tr.t(heading_id);
    html(
        status,
        reader,
        ErrorPage {
            page,
            heading,
            message,
        }
        .render(),
    )
}

/// The public pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(form::show).post(form::submit))
        .route("/status", get(status_lookup))
        .route("/status/{reference}", get(status_page))
        .route(
            "/check",
            get(check::show)
                .post(check::submit)
                .layer(axum::extract::DefaultBodyLimit::max(
                    4 * check::MAX_CHECK_CHARS + 1024,
                )),
        )
        .route("/advice", get(advice_index))
        .route("/advice/{topic}", get(advice_page))
        .route("/static/portal.css", get(stylesheet))
        .route("/static/portal.js", get(script))
}

async fn stylesheet() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/portal.css"),
    )
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/portal.js"),
    )
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut res = body.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    res
}

/// The scam topics with an advice page, in the order the index lists them.
pub const ADVICE_TOPICS: [&str; 5] = [
    "fake_order",
    "fake_refund",
    "gift_card",
    "fake_support",
    "tech_support",
];

#[derive(Template)]
#[template(path = "advice_index.html")]
struct AdviceIndex {
    page: Page,
    topics: &'static [&'static str],
}

#[derive(Template)]
#[template(path = "advice.html")]
struct AdvicePage {
    page: Page,
    topic: &'static str,
}

async fn advice_index(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Response {
    let reader = reader(&state, &headers, q.lang.as_deref());
    let page = Page::new(
        reader.tr.clone(),
        state.settings.brand_name(),
        "advice-index-title",
        "/advice",
        "advice",
    );
    html(
        StatusCode::OK,
        &reader,
        AdviceIndex {
            page,
            topics: &ADVICE_TOPICS,
        }
        .render(),
    )
}

async fn advice_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(topic): Path<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let reader = reader(&state, &headers, q.lang.as_deref());
    let Some(topic) = ADVICE_TOPICS.iter().find(|t| **t == topic) else {
        return not_found(&state, &reader);
    };
    let page = Page::new(
        reader.tr.clone(),
        state.settings.brand_name(),
        &format!("advice-{topic}-title"),
        &format!("/advice/{topic}"),
        "advice",
    );
    html(StatusCode::OK, &reader, AdvicePage { page, topic }.render())
}

pub fn not_found(state: &AppState, reader: &Reader) -> Response {
    error_page(
        state,
        reader,
        StatusCode::NOT_FOUND,
        "error-page-not-found-title",
        reader.tr.t("error-page-not-found"),
    )
}

/// One step of a report's progress as the status page shows it.
pub struct Step {
    pub name: &'static str,
    /// `done`, `current` or `pending`: a CSS class.
    pub state: &'static str,
    /// The catalogue's word for the state.
    pub label: &'static str,
}

/// The public statuses in order.
pub const STATUSES: [&str; 3] = ["received", "under_review", "action_taken"];

pub fn steps(status: &str) -> Vec<Step> {
    let current = STATUSES.iter().position(|s| *s == status).unwrap_or(0);
    STATUSES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (state, label) = match i.cmp(&current) {
                std::cmp::Ordering::Less => ("done", "done"),
                std::cmp::Ordering::Equal => ("current", "current"),
                std::cmp::Ordering::Greater => ("pending", "pending"),
            };
            Step { name, state, label }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "status.html")]
struct StatusPage {
    page: Page,
    status: Option<rampart_store::PublicStatus>,
    steps: Vec<Step>,
    not_found: bool,
    looked_up: String,
    received_on: String,
    updated_on: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct StatusQuery {
    lang: Option<String>,
    reference: Option<String>,
}

/// A reference as people type it: any case, with or without the `R-` and dashes, with the
/// letters Crockford's base32 reads as digits (O → 0, I and L → 1).
pub fn normalise_reference(typed: &str) -> Option<String> {
    let typed = typed.trim();
    // "R-" is the prefix; without it a leading R is part of the code.
    let typed = match typed.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("r-") => &typed[2..],
        _ => typed,
    };
    let mut chars: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.len() == 11 && chars[0] == 'R' {
        chars.remove(0);
    }
    if chars.len() != 10 {
        return None;
    }
    let mut out = String::from("R-");
    for (i, c) in chars.into_iter().enumerate() {
        if i == 5 {
            out.push('-');
        }
        let c = match c {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !(c.is_ascii_digit() || (c.is_ascii_uppercase() && c != 'U')) {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

async fn status_lookup(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<StatusQuery>,
) -> Response {
    if let Some(typed) = q.reference.as_deref().filter(|r| !r.trim().is_empty()) {
        if let Some(reference) = normalise_reference(typed) {
            let mut to = format!("/status/{reference}");
            if let Some(lang) = q.lang.as_deref().and_then(i18n::find) {
                to.push_str(&format!("?lang={}", lang.tag));
            }
            return Redirect::to(&to).into_response();
        }
        let reader = reader(&state, &headers, q.lang.as_deref());
        return render_status(&state, &reader, None, typed, StatusCode::NOT_FOUND);
    }
    let reader = reader(&state, &headers, q.lang.as_deref());
    render_status(&state, &reader, None, "", StatusCode::OK)
}

fn render_status(
    state: &AppState,
    reader: &Reader,
    status: Option<rampart_store::PublicStatus>,
    looked_up: &str,
    code: StatusCode,
) -> Response {
    let (title_id, path) = match &status {
        Some(s) => ("nav-status", format!("/status/{}", s.reference)),
        None => ("status-lookup-title", "/status".to_string()),
    };
    let page = Page::new(
        reader.tr.clone(),
        state.settings.brand_name(),
        title_id,
        &path,
        "status",
    );
    let steps = status
        .as_ref()
        .map(|s| steps(&s.status))
        .unwrap_or_default();
    let received_on = status
        .as_ref()
        .map(|s| reader.tr.date(s.received_at))
        .unwrap_or_default();
    let updated_on = status
        .as_ref()
        .and_then(|s| s.status_changed_at)
        .filter(|at| status.as_ref().is_some_and(|s| *at != s.received_at))
        .map(|at| reader.tr.date(at));
    html(
        code,
        reader,
        StatusPage {
            page,
            status,
            steps,
            not_found: code == StatusCode::NOT_FOUND,
            looked_up: looked_up.chars().take(40).collect(),
            received_on,
            updated_on,
        }
        .render(),
    )
}

async fn status_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    connect: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    Path(typed): Path<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let reader = reader(&state, &headers, q.lang.as_deref());
    // Lookups share the "is this really us?" allowance: guessing references costs the same.
    let client = crate::intake::client_addr(
        &state,
        connect
            .as_ref()
            .map(|axum::Extension(axum::extract::ConnectInfo(a))| *a),
        &headers,
    );
    if let Err(limited) = state.limits.check(client) {
        return form::rate_limited(&state, &reader, limited);
    }
    let Some(reference) = normalise_reference(&typed) else {
        return render_status(&state, &reader, None, &typed, StatusCode::NOT_FOUND);
    };
    match state.store.public_status(&reference).await {
        Ok(Some(s)) => render_status(&state, &reader, Some(s), "", StatusCode::OK),
        Ok(None) => render_status(&state, &reader, None, &typed, StatusCode::NOT_FOUND),
        Err(e) => {
            tracing::error!(error = %e, "status lookup failed");
            error_page(
                &state,
                &reader,
                StatusCode::SERVICE_UNAVAILABLE,
                "error-server-title",
                reader.tr.t("error-try-again"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_as_typed() {
        for (typed, expected) in [
            ("R-7K3MQ-9XD2F", Some("R-7K3MQ-9XD2F")),
            ("r-7k3mq-9xd2f", Some("R-7K3MQ-9XD2F")),
            ("7K3MQ9XD2F", Some("R-7K3MQ-9XD2F")),
            (" R 7K3MQ 9XD2F ", Some("R-7K3MQ-9XD2F")),
            ("R-7K3MO-9XD2F", Some("R-7K3M0-9XD2F")),
            ("R-7K3MQ-9XD2", None),
            ("R-7K3MQ-9XD2U", None),
            ("R-7K3MQ-9XD2F'--", None),
            ("", None),
        ] {
            assert_eq!(normalise_reference(typed).as_deref(), expected, "{typed}");
        }
    }

    #[test]
    fn steps_follow_the_status() {
        let states = |s| steps(s).iter().map(|s| s.state).collect::<Vec<_>>();
        assert_eq!(states("received"), ["current", "pending", "pending"]);
        assert_eq!(states("under_review"), ["done", "current", "pending"]);
        assert_eq!(states("action_taken"), ["done", "done", "current"]);
    }
}
