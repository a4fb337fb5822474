//! The marketplace's events coming in: `POST /api/v1/events` takes them as JSON lines, and the
//! stream worker (`rampart worker`) hands over what it pulls from NATS JetStream. Both read a
//! batch with [`read_batch`]: every line is checked before anything is stored, and a batch with
//! one bad line is refused whole, each bad line named, so that a sender fixes it and sends the
//! batch again (event ids make the second try safe).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rampart_abuse::events::{LineError, parse_line};
use rampart_store::NewEvent;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::{Caller, Permission};
use crate::intake::millis;
use crate::problem::{FieldError, Problem};

/// The abuse engine's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(ingest),
    components(schemas(EventsAccepted)),
    tags((name = "abuse", description = "The marketplace's events, decisions and findings")),
)]
pub struct AbuseApi;

/// Most bad lines named in one refusal; the count says how many there were.
pub const MAX_LINE_ERRORS: usize = 100;

/// What a batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct EventsAccepted {
    /// Events in the batch (blank lines not counted).
    pub received: usize,
    /// Events new to the log.
    pub stored: usize,
    /// Events whose id was already stored (a retry, a redelivery): left as first received.
    pub duplicates: usize,
}

/// One line that is not a valid event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number in the batch.
    pub line: usize,
    /// A JSON pointer into the line (`/amount/minor`), empty for the whole line.
    pub field: String,
    pub detail: String,
}

/// Why a batch was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchError {
    /// More events than a batch may hold.
    TooMany { limit: usize },
    /// Lines that are not events (at most [`MAX_LINE_ERRORS`] of them), and how many in all.
    Lines { bad: Vec<BadLine>, total: usize },
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::TooMany { limit } => {
                write!(f, "a batch holds at most {limit} events")
            }
            BatchError::Lines { bad, total } => {
                write!(f, "{total} line(s) are not valid events")?;
                for b in bad.iter().take(3) {
                    if b.field.is_empty() {
                        write!(f, "; line {}: {}", b.line, b.detail)?;
                    } else {
                        write!(f, "; line {} {}: {}", b.line, b.field, b.detail)?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// Reads JSON lines (blank lines and a final newline allowed; `\r\n` too) into events ready to
/// store, each kept as the line it arrived as. Nothing is returned unless every line is valid.
pub fn read_batch(body: &[u8], max_events: usize) -> Result<Vec<NewEvent>, BatchError> {
    let mut events = Vec::new();
    let mut bad = Vec::new();
    let mut total_bad = 0usize;
    for (n, raw) in body.split(|b| *b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if events.len() + total_bad >= max_events {
            return Err(BatchError::TooMany { limit: max_events });
        }
        let line = n + 1;
        let mut refuse = |field: String, detail: String| {
            total_bad += 1;
            if bad.len() < MAX_LINE_ERRORS {
                bad.push(BadLine {
                    line,
                    field,
                    detail,
                });
            }
        };
        let Ok(text) = std::str::from_utf8(raw) else {
            refuse(String::new(), "the line is not UTF-8".into());
            continue;
        };
        let text = text.trim();
        match parse_line(text) {
            Ok(event) => events.push(NewEvent {
                kind: event.body.kind().to_string(),
                account_id: event.body.account_id().map(str::to_string),
                event_id: event.id,
                at: event.at,
                body: text.to_string(),
            }),
            Err(LineError::Fields(fields)) => {
                for f in fields {
                    refuse(f.field, f.detail);
                }
            }
            Err(e) => refuse(String::new(), e.to_string()),
        }
    }
    if total_bad > 0 {
        return Err(BatchError::Lines {
            bad,
            total: total_bad,
        });
    }
    Ok(events)
}

impl BatchError {
    fn problem(self) -> Problem {
        let detail = self.to_string();
        match self {
            BatchError::TooMany { .. } => Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-many-events",
                format!("{detail}; split it and send the parts"),
            ),
            BatchError::Lines { bad, total } => Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-events",
                format!("{total} line(s) are not valid events; nothing was stored"),
            )
            .with_errors(
                bad.into_iter()
                    .map(|b| FieldError {
                        // The batch read as an array of lines: `#/4/amount/minor` is line 5.
                        pointer: format!("#/{}{}", b.line - 1, b.field),
                        detail: format!("line {}: {}", b.line, b.detail),
                        message: None,
                    })
                    .collect(),
            ),
        }
    }
}

/// Whether the content type says JSON lines.
fn is_json_lines(headers: &HeaderMap) -> bool {
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(
        mime.as_str(),
        "application/x-ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/json-lines"
    )
}

#[utoipa::path(
    post, path = "/api/v1/events", tag = "abuse",
    request_body(content = String, content_type = "application/x-ndjson",
        description = "One event per line (account, order, return, refund, contact, review, staff); see docs/API.md"),
    responses(
        (status = 200, description = "Every event is stored (or was already)", body = EventsAccepted),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token may not send events", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Too many events or bytes in the batch", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON lines", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Lines that are not valid events, each named; nothing was stored", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ingest(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, Problem> {
    caller.require(Permission::IngestEvents)?;
    let limits = &state.settings.abuse;
    let body = crate::casework_api::body_bytes(&state, body)?;
    if body.len() > limits.max_batch_bytes {
        return Err(Problem::too_large(limits.max_batch_bytes));
    }
    if !is_json_lines(&headers) {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "send events as JSON lines: Content-Type: application/x-ndjson",
        ));
    }
    let max = limits.max_batch_events;
    let events = tokio::task::spawn_blocking(move || read_batch(&body, max))
        .await
        .map_err(|_| Problem::internal())?
        .map_err(BatchError::problem)?;
    let now = millis(OffsetDateTime::now_utc());
    let done = state
        .store
        .insert_events(&events, &caller.actor(), now)
        .await?;
    metrics::counter!("rampart_events_stored_total", "source" => "api")
        .increment(done.stored as u64);
    metrics::counter!("rampart_events_duplicate_total", "source" => "api")
        .increment(done.duplicates as u64);
    if done.stored > 0 {
        state.events.notify_one();
    }
    Ok((
        StatusCode::OK,
        Json(EventsAccepted {
            received: events.len(),
            stored: done.stored,
            duplicates: done.duplicates,
        }),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFUND: &str = r#"{"id":"e1","type":"refund","at":"2026-03-05T14:07:00Z","refund_id":"r1","order_id":"o1","account_id":"a1","amount":{"value":"1299.00","currency":"EUR"},"reason":"not_received","channel":"chat","issued_by":"ag-1","return_required":false}"#;

    #[test]
    fn reads_lines_and_skips_blank_ones() {
        let body = format!("{REFUND}\r\n\n   \n{}\n", REFUND.replace("e1", "e2"));
        let events = read_batch(body.as_bytes(), 10).unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].event_id, "e1");
        assert_eq!(events[0].kind, "refund");
        assert_eq!(events[0].account_id.as_deref(), Some("a1"));
        assert_eq!(events[0].body, REFUND);
    }

    #[test]
    fn one_bad_line_refuses_the_batch_and_names_each_line() {
        let body = format!(
            "{REFUND}\nnot json\n{}\n\u{0}\u{ff}\n",
            REFUND.replace("\"chat\"", "\"pigeon\"")
        );
        let mut bytes = body.into_bytes();
        bytes.extend_from_slice(&[0xff, 0xfe, b'\n']);
        let Err(BatchError::Lines { bad, total }) = read_batch(&bytes, 10) else {
            panic!("refused");
        };
        assert_eq!(total, 4);
        assert_eq!(bad[0].line, 2);
        assert_eq!(bad[1].line, 3);
        assert_eq!(bad[1].field, "/channel");
        assert_eq!(bad[3].line, 5);
        assert!(bad[3].detail.contains("UTF-8"), "{:?}", bad[3]);
    }

    #[test]
    fn counts_are_bounded() {
        let body = format!("{REFUND}\n").repeat(5);
        assert_eq!(
            read_batch(body.as_bytes(), 4),
            Err(BatchError::TooMany { limit: 4 })
        );
        let junk = "x\n".repeat(MAX_LINE_ERRORS * 3);
        let Err(BatchError::Lines { bad, total }) = read_batch(junk.as_bytes(), 100_000) else {
            panic!("refused");
        };
        assert_eq!(bad.len(), MAX_LINE_ERRORS);
        assert_eq!(total, MAX_LINE_ERRORS * 3);
    }
}
