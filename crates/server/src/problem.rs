//! RFC 9457 problem details: every error the HTTP API returns, in one shape and one place.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// One thing wrong with one field of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// JSON pointer to the field, e.g. `#/money_lost/currency`.
    pub pointer: String,
    pub detail: String,
    /// The same problem as a message of the portal's catalogue, for people who read another
    /// language than the API's English.
    #[serde(skip)]
    pub message: Option<Message>,
}

/// A message id of the portal's catalogue with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value a message is formatted with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Number(i64),
    Text(String),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn number(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, Arg::Number(value)));
        self
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }
}

/// `application/problem+json` (RFC 9457).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`about:blank` when the status says it all).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Seconds, sent as Retry-After.
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl Problem {
    pub fn new(status: StatusCode, kind: &str, detail: impl Into<String>) -> Self {
        Problem {
            kind: format!("https://rampart.invalid/problems/{kind}"),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, "bad-request", detail)
    }

    pub fn invalid(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("{}: {}", one.pointer.trim_start_matches("#/"), one.detail),
            _ => format!("{} fields are invalid", errors.len()),
        };
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-field", detail).with_errors(errors)
    }

    pub fn not_found(what: &str) -> Self {
        Problem::new(
            StatusCode::NOT_FOUND,
            "not-found",
            format!("no such {what}"),
        )
    }

    pub fn unauthorized(detail: &str) -> Self {
        Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    pub fn forbidden(detail: &str) -> Self {
        Problem::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn too_large(limit: usize) -> Self {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            format!("the request body is larger than the limit of {limit} bytes"),
        )
    }

    /// The database or another dependency failed; the details go to the log, not the client.
    pub fn unavailable() -> Self {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the service cannot store or read data right now; try again shortly",
        )
    }

    /// 429; the caller's answer gets Retry-After from [`Problem::retry_after`].
    pub fn rate_limited(limited: crate::limits::Limited) -> Self {
        let mut p = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            format!(
                "too many requests; try again in {} seconds",
                limited.retry_after_secs()
            ),
        );
        p.retry_after = Some(limited.retry_after_secs());
        p
    }

    pub fn internal() -> Self {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "something went wrong on our side; it has been logged",
        )
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(secs) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}

impl From<rampart_store::StoreError> for Problem {
    fn from(e: rampart_store::StoreError) -> Self {
        if matches!(e, rampart_store::StoreError::IdempotencyMismatch) {
            return Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                e.to_string(),
            );
        }
        match &e {
            rampart_store::StoreError::NotFound(what) => return Problem::not_found(what),
            rampart_store::StoreError::Conflict(why) => {
                return Problem::new(StatusCode::CONFLICT, "conflict", why.clone());
            }
            _ => {}
        }
        if e.is_unavailable() {
            tracing::warn!(error = %e, "database unavailable");
            return Problem::unavailable();
        }
        tracing::error!(error = %e, "store error");
        Problem::internal()
    }
}
