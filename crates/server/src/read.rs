//! Reading reports, campaigns and indicators back: analysts' view, behind a bearer token.

use axum::Json;
use axum::extract::{Path, Query, State};
use base64::Engine;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::{Caller, Permission};
use crate::codes;
use crate::intake::{millis, rfc3339};
use crate::problem::{FieldError, Problem};
use rampart_store::{ReportCursor, ReportFilter, ReportIndicator, ReportRow};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Money {
    /// Decimal, in the currency's major unit.
    pub amount: String,
    pub currency: String,
}

/// An indicator as found in one report.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportIndicatorView {
    pub id: i64,
    pub kind: String,
    /// Normalised value.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
    /// As it stood in the report.
    pub raw: String,
    /// `body`, `subject` or `sender`.
    pub source: String,
    pub start: i64,
    pub end: i64,
    /// `official`, `lookalike` or `unknown`.
    pub verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    pub score: f64,
    pub reason: String,
    /// Why it never ties reports together, when it is on the warning list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    pub hub: bool,
}

impl From<ReportIndicator> for ReportIndicatorView {
    fn from(ri: ReportIndicator) -> Self {
        let i = ri.indicator;
        ReportIndicatorView {
            id: i.id,
            kind: i.kind,
            value: i.value,
            unicode: i.unicode,
            raw: ri.raw,
            source: ri.source,
            start: ri.start,
            end: ri.end,
            verdict: i.verdict,
            brand: i.brand,
            score: i.score,
            reason: i.reason,
            warning: i.warning,
            hub: i.is_hub,
        }
    }
}

/// A report in full.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportView {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub subject: Option<String>,
    pub body: String,
    pub sender: Option<String>,
    pub reporter_email: Option<String>,
    pub locale: Option<String>,
    pub country: Option<String>,
    /// Detected from the text (ISO 639-1), once processed.
    pub language: Option<String>,
    pub occurred_at: Option<String>,
    pub received_at: String,
    pub money_lost: Option<Money>,
    pub payment_method: Option<String>,
    /// `received`, `under_review` or `action_taken`.
    pub status: String,
    pub campaign_id: Option<i64>,
    /// SHA-256 of the bytes exactly as received.
    pub sha256: String,
    pub raw_type: String,
    /// Whether indicators have been extracted yet.
    pub processed: bool,
    pub indicators: Vec<ReportIndicatorView>,
    /// Near-duplicate text keys ("the same script"), shared by reports of one script.
    pub script_keys: Vec<String>,
    /// Where it came in: `api`, `portal`, `mailgate` or `imap`.
    pub source: String,
    /// The number that called or texted, E.164.
    pub phone_number: Option<String>,
    /// Links as the reporter typed them (defanged as they were).
    pub links: Vec<String>,
    pub scam_kind: Option<String>,
    /// What happened, in the reporter's words.
    pub description: Option<String>,
    /// SPF, DKIM and DMARC results of a reported e-mail's own headers.
    pub authentication: AuthView,
    /// What a reported e-mail's headers said: forwarder, Reply-To, Received chain, attachments,
    /// hidden text, notes. Attacker-written: show as text only.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    /// Files sent with the report, to download (never to display inline).
    pub files: Vec<FileView>,
    /// Where the bytes exactly as received can be downloaded.
    pub raw_url: String,
}

/// Authentication results as recorded by the receiving mail server.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuthView {
    pub spf: Option<String>,
    pub dkim: Option<String>,
    pub dmarc: Option<String>,
}

/// A file kept as evidence.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FileView {
    pub id: i64,
    /// `screenshot` or `eml`.
    pub kind: String,
    /// As the sender named it (cleaned of paths and control characters).
    pub filename: Option<String>,
    /// What the bytes are, from their first bytes.
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub url: String,
}

/// A report in a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportSummary {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub subject: Option<String>,
    pub sender: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub received_at: String,
    pub status: String,
    pub campaign_id: Option<i64>,
    /// The first 200 characters of the message.
    pub preview: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportPage {
    pub items: Vec<ReportSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

fn money(minor: Option<i64>, currency: Option<&str>) -> Option<Money> {
    let (minor, currency) = (minor?, currency?);
    let digits = codes::currency(currency).map_or(2, |c| c.1);
    Some(Money {
        amount: codes::major_string(minor, digits),
        currency: currency.to_string(),
    })
}

fn summary(r: ReportRow) -> ReportSummary {
    ReportSummary {
        preview: r.body.chars().take(200).collect(),
        id: r.id,
        reference: r.reference,
        channel: r.channel,
        subject: r.subject,
        sender: r.sender,
        country: r.country,
        language: r.language,
        received_at: rfc3339(r.received_at),
        status: r.status,
        campaign_id: r.campaign_id,
    }
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// email, sms, phone_call, social_media, web or other.
    pub channel: Option<String>,
    pub campaign: Option<i64>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// ISO 639-1 code of the detected language.
    pub language: Option<String>,
    /// RFC 3339; reports received at or after.
    pub since: Option<String>,
    /// RFC 3339 or a date (YYYY-MM-DD, to the end of that day, UTC); reports received before.
    pub until: Option<String>,
    /// Only reports still waiting for triage.
    pub untriaged: Option<bool>,
    /// Only reports with an indicator of this verdict: official, lookalike or unknown.
    pub verdict: Option<String>,
    /// Full-text search: words (at least 3 characters each) that must all appear in the
    /// subject, body, sender or description, in any case, as parts of words or links too. On
    /// SQLite a report is found once processed (seconds after it arrives; longer under load).
    pub q: Option<String>,
    pub cursor: Option<String>,
    /// 1 to 200, default 50.
    pub limit: Option<u32>,
}

const VERDICTS: [&str; 3] = ["official", "lookalike", "unknown"];

/// The most words a search may have.
const SEARCH_MAX_WORDS: usize = 8;

/// Splits a search into words; every word must be long enough for the trigram index.
pub fn search_words(q: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let words: Vec<String> = q
        .split_whitespace()
        .map(|w| w.chars().take(100).collect::<String>())
        .collect();
    if words.len() > SEARCH_MAX_WORDS {
        errors.push(FieldError {
            pointer: "#/q".into(),
            detail: format!("at most {SEARCH_MAX_WORDS} words"),
            message: None,
        });
    }
    if words
        .iter()
        .any(|w| w.chars().count() < rampart_store::SEARCH_MIN_CHARS)
    {
        errors.push(FieldError {
            pointer: "#/q".into(),
            detail: format!(
                "every word needs at least {} characters",
                rampart_store::SEARCH_MIN_CHARS
            ),
            message: None,
        });
    }
    words
}

const CHANNELS: [&str; 6] = ["email", "sms", "phone_call", "social_media", "web", "other"];

/// A query string that does not fit the parameters (unknown name, not a number, …).
fn invalid_query(e: axum::extract::rejection::QueryRejection) -> Problem {
    Problem::invalid(vec![FieldError {
        pointer: "#".into(),
        detail: e.body_text(),
        message: None,
    }])
}

/// An RFC 3339 time, or a date that stands for the start of that UTC day (`end_of_day`: the
/// start of the next, for "until" bounds a person types).
fn time_param(
    name: &str,
    v: Option<&str>,
    end_of_day: bool,
    errors: &mut Vec<FieldError>,
) -> Option<i64> {
    let v = v?.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(t) = OffsetDateTime::parse(v, &Rfc3339) {
        return Some(millis(t));
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = time::Date::parse(v, &format) {
        let day = millis(d.midnight().assume_utc());
        return Some(if end_of_day { day + 86_400_000 } else { day });
    }
    errors.push(FieldError {
        pointer: format!("#/{name}"),
        detail: "not an RFC 3339 time such as 2026-11-21T00:00:00Z or a date such as 2026-11-21"
            .into(),
        message: None,
    });
    None
}

pub fn encode_cursor(c: ReportCursor) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{}:{}", c.received_at, c.id))
}

fn decode_cursor(s: &str) -> Option<ReportCursor> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (a, b) = text.split_once(':')?;
    Some(ReportCursor {
        received_at: a.parse().ok()?,
        id: b.parse().ok()?,
    })
}

/// Reports, newest first.
#[utoipa::path(
    get, path = "/api/v1/reports", tag = "reports", params(ReportQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ReportPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_reports(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ReportPage>, Problem> {
    caller.require(Permission::Read)?;
    let Query(q) = query.map_err(invalid_query)?;
    let (filter, cursor, limit) = report_filter(q)?;
    let rows = state.store.reports(&filter, cursor, limit).await?;
    let next_cursor = if rows.len() == limit as usize {
        rows.last().map(|r| {
            encode_cursor(ReportCursor {
                received_at: r.received_at,
                id: r.id,
            })
        })
    } else {
        None
    };
    Ok(Json(ReportPage {
        items: rows.into_iter().map(summary).collect(),
        next_cursor,
    }))
}

/// Checks a report query: the filter, where the page starts, and its size.
pub fn report_filter(q: ReportQuery) -> Result<(ReportFilter, Option<ReportCursor>, u32), Problem> {
    let mut errors = Vec::new();
    if let Some(v) = &q.verdict
        && !VERDICTS.contains(&v.as_str())
    {
        errors.push(FieldError {
            pointer: "#/verdict".into(),
            detail: format!("expected one of {}", VERDICTS.join(", ")),
            message: None,
        });
    }
    let words =
        q.q.as_deref()
            .map(|q| search_words(q, &mut errors))
            .unwrap_or_default();
    if let Some(c) = &q.channel
        && !CHANNELS.contains(&c.as_str())
    {
        errors.push(FieldError {
            pointer: "#/channel".into(),
            detail: format!("expected one of {}", CHANNELS.join(", ")),
            message: None,
        });
    }
    let country = match &q.country {
        None => None,
        Some(c) => {
            let parsed = codes::country(c);
            if parsed.is_none() {
                errors.push(FieldError {
                    pointer: "#/country".into(),
                    detail: "not an ISO 3166-1 alpha-2 code".into(),
                    message: None,
                });
            }
            parsed
        }
    };
    let since = time_param("since", q.since.as_deref(), false, &mut errors);
    let until = time_param("until", q.until.as_deref(), true, &mut errors);
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        errors.push(FieldError {
            pointer: "#/limit".into(),
            detail: "must be between 1 and 200".into(),
            message: None,
        });
    }
    let cursor = match &q.cursor {
        None => None,
        Some(c) => {
            let parsed = decode_cursor(c);
            if parsed.is_none() {
                errors.push(FieldError {
                    pointer: "#/cursor".into(),
                    detail: "not a cursor this API handed out".into(),
                    message: None,
                });
            }
            parsed
        }
    };
    if !errors.is_empty() {
        return Err(Problem::invalid(errors));
    }
    let filter = ReportFilter {
        channel: q.channel,
        campaign_id: q.campaign,
        country,
        language: q.language.map(|l| l.to_ascii_lowercase()),
        since,
        until,
        untriaged: q.untriaged.unwrap_or(false),
        verdict: q.verdict,
        words,
    };
    Ok((filter, cursor, limit))
}

/// One report with its indicators.
#[utoipa::path(
    get, path = "/api/v1/reports/{id}", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ReportView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_report(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<Json<ReportView>, Problem> {
    caller.require(Permission::Read)?;
    let Path(id) = id.map_err(|_| Problem::not_found("report"))?;
    let r = state
        .store
        .report(id)
        .await?
        .ok_or_else(|| Problem::not_found("report"))?;
    let links = state.store.report_indicators(id).await?;
    let files = state.store.report_files(id).await?;
    let (scripts, indicators): (Vec<_>, Vec<_>) = links
        .into_iter()
        .partition(|l| l.indicator.kind == "script");
    Ok(Json(ReportView {
        money_lost: money(r.money_minor, r.money_currency.as_deref()),
        id: r.id,
        reference: r.reference,
        channel: r.channel,
        subject: r.subject,
        body: r.body,
        sender: r.sender,
        reporter_email: r.reporter_email,
        locale: r.locale,
        country: r.country,
        language: r.language,
        occurred_at: r.occurred_at.map(rfc3339),
        received_at: rfc3339(r.received_at),
        payment_method: r.payment_method,
        status: r.status,
        campaign_id: r.campaign_id,
        sha256: r.raw_sha256,
        raw_type: r.raw_type,
        processed: r.processed_at.is_some(),
        indicators: indicators.into_iter().map(Into::into).collect(),
        script_keys: scripts.into_iter().map(|s| s.indicator.value).collect(),
        source: r.source,
        phone_number: r.phone_number,
        links: r.links,
        scam_kind: r.scam_kind,
        description: r.description,
        authentication: AuthView {
            spf: r.auth.spf,
            dkim: r.auth.dkim,
            dmarc: r.auth.dmarc,
        },
        details: serde_json::from_str(&r.details).unwrap_or_else(|_| serde_json::json!({})),
        files: files
            .into_iter()
            .map(|f| FileView {
                url: format!("/api/v1/reports/{id}/files/{}", f.id),
                id: f.id,
                kind: f.kind,
                filename: f.filename,
                content_type: f.content_type,
                size: f.size,
                sha256: f.sha256,
            })
            .collect(),
        raw_url: format!("/api/v1/reports/{id}/raw"),
    }))
}

/// Evidence leaves only as a download: an opaque type, `attachment`, and a policy that would
/// sandbox it even if a browser tried to show it. Attacker-written bytes are never rendered.
fn download(bytes: Vec<u8>, name: String, sha256: &str) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(sha256) {
        h.insert("x-content-sha256", v);
    }
    res
}

/// The bytes of a report exactly as received: the JSON, form fields or e-mail.
#[utoipa::path(
    get, path = "/api/v1/reports/{id}/raw", tag = "reports",
    params(("id" = i64, Path, description = "Report id")),
    responses(
        (status = 200, description = "The bytes as received, with their SHA-256 in X-Content-SHA256", content_type = "application/octet-stream"),
        (status = 404, description = "No such report", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn get_report_raw(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<axum::response::Response, Problem> {
    caller.require(Permission::Read)?;
    let Path(id) = id.map_err(|_| Problem::not_found("report"))?;
    let r = state
        .store
        .report(id)
        .await?
        .ok_or_else(|| Problem::not_found("report"))?;
    let (raw_type, bytes) = state
        .store
        .report_raw(id)
        .await?
        .ok_or_else(|| Problem::not_found("report"))?;
    let ext = if raw_type == "message/rfc822" {
        "eml"
    } else {
        "json"
    };
    Ok(download(bytes, format!("report-{id}.{ext}"), &r.raw_sha256))
}

/// A file sent with a report.
#[utoipa::path(
    get, path = "/api/v1/reports/{id}/files/{file_id}", tag = "reports",
    params(("id" = i64, Path, description = "Report id"), ("file_id" = i64, Path, description = "File id")),
    responses(
        (status = 200, description = "The file as received, with its SHA-256 in X-Content-SHA256", content_type = "application/octet-stream"),
        (status = 404, description = "No such file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn get_report_file(
    State(state): State<AppState>,
    caller: Caller,
    ids: Result<Path<(i64, i64)>, axum::extract::rejection::PathRejection>,
) -> Result<axum::response::Response, Problem> {
    caller.require(Permission::Read)?;
    let Path((id, file_id)) = ids.map_err(|_| Problem::not_found("file"))?;
    let (file, bytes) = state
        .store
        .report_file(id, file_id)
        .await?
        .ok_or_else(|| Problem::not_found("file"))?;
    // The name a download gets is ours, not the sender's.
    let ext = match file.content_type.as_str() {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "message/rfc822" => "eml",
        _ => "bin",
    };
    Ok(download(
        bytes,
        format!("report-{id}-{}-{file_id}.{ext}", file.kind),
        &file.sha256,
    ))
}

/// A campaign in the ranked list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CampaignSummary {
    pub id: i64,
    pub rank: u32,
    pub score: f64,
    /// Why it ranks where it does, in words.
    pub score_reasons: Vec<String>,
    pub report_count: i64,
    pub reporter_count: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CampaignPage {
    pub items: Vec<CampaignSummary>,
    pub next_offset: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CampaignQuery {
    pub offset: Option<u32>,
    /// 1 to 200, default 50.
    pub limit: Option<u32>,
}

fn campaign_summary(rank: u32, c: &rampart_store::CampaignRow) -> CampaignSummary {
    CampaignSummary {
        id: c.id,
        rank,
        score: c.score,
        score_reasons: serde_json::from_str(&c.score_reasons).unwrap_or_default(),
        report_count: c.report_count,
        reporter_count: c.reporter_count,
        first_seen: c.first_seen.map(rfc3339),
        last_seen: c.last_seen.map(rfc3339),
    }
}

/// Campaigns, highest ranked first.
#[utoipa::path(
    get, path = "/api/v1/campaigns", tag = "campaigns", params(CampaignQuery),
    security(("bearer" = [])),
    responses((status = 200, body = CampaignPage), (status = 401, body = Problem, content_type = "application/problem+json"))
)]
pub async fn list_campaigns(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<CampaignQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<CampaignPage>, Problem> {
    caller.require(Permission::Read)?;
    let Query(q) = query.map_err(invalid_query)?;
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(Problem::invalid(vec![FieldError {
            pointer: "#/limit".into(),
            detail: "must be between 1 and 200".into(),
            message: None,
        }]));
    }
    let offset = q.offset.unwrap_or(0).min(1_000_000);
    let rows = state.store.campaigns(offset, limit).await?;
    let next_offset = (rows.len() == limit as usize).then_some(offset + limit);
    Ok(Json(CampaignPage {
        items: rows
            .iter()
            .enumerate()
            .map(|(i, c)| campaign_summary(offset + i as u32 + 1, c))
            .collect(),
        next_offset,
    }))
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CountView {
    pub value: String,
    pub reports: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MoneyView {
    pub currency: String,
    pub amount: String,
    /// Distinct reporters who lost money in this currency.
    pub victims: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CampaignIndicatorView {
    pub id: i64,
    pub kind: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
    pub verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    pub reason: String,
    pub hub: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// Reports of this campaign that carry it.
    pub reports_in_campaign: i64,
    /// Reports anywhere that carry it.
    pub reports_total: i64,
}

/// A campaign in detail.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CampaignView {
    pub id: i64,
    /// Set when this campaign was merged into another: look there.
    pub merged_into: Option<i64>,
    pub score: f64,
    pub score_reasons: Vec<String>,
    pub report_count: i64,
    pub reporter_count: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub channels: Vec<CountView>,
    pub languages: Vec<CountView>,
    pub countries: Vec<CountView>,
    /// Each reporter counted once per currency (their largest stated loss).
    pub money_lost: Vec<MoneyView>,
    /// The most frequent indicators, up to 100.
    pub indicators: Vec<CampaignIndicatorView>,
    /// The most recent report ids, up to 100.
    pub reports: Vec<i64>,
}

fn counts(v: Vec<rampart_store::CountBy>) -> Vec<CountView> {
    v.into_iter()
        .map(|c| CountView {
            value: c.value,
            reports: c.reports,
        })
        .collect()
}

/// One campaign.
#[utoipa::path(
    get, path = "/api/v1/campaigns/{id}", tag = "campaigns",
    params(("id" = i64, Path, description = "Campaign id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CampaignView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_campaign(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, axum::extract::rejection::PathRejection>,
) -> Result<Json<CampaignView>, Problem> {
    caller.require(Permission::Read)?;
    let Path(id) = id.map_err(|_| Problem::not_found("campaign"))?;
    let d = state
        .store
        .campaign(id, 100)
        .await?
        .ok_or_else(|| Problem::not_found("campaign"))?;
    let c = &d.campaign;
    Ok(Json(CampaignView {
        id: c.id,
        merged_into: c.merged_into,
        score: c.score,
        score_reasons: serde_json::from_str(&c.score_reasons).unwrap_or_default(),
        report_count: c.report_count,
        reporter_count: c.reporter_count,
        first_seen: c.first_seen.map(rfc3339),
        last_seen: c.last_seen.map(rfc3339),
        channels: counts(d.channels),
        languages: counts(d.languages),
        countries: counts(d.countries),
        money_lost: d
            .money
            .into_iter()
            .map(|m| MoneyView {
                amount: codes::major_string(
                    m.minor,
                    codes::currency(&m.currency).map_or(2, |c| c.1),
                ),
                currency: m.currency,
                victims: m.victims,
            })
            .collect(),
        indicators: d
            .indicators
            .into_iter()
            .filter(|(i, _)| i.kind != "script")
            .map(|(i, n)| CampaignIndicatorView {
                id: i.id,
                kind: i.kind,
                value: i.value,
                unicode: i.unicode,
                verdict: i.verdict,
                brand: i.brand,
                reason: i.reason,
                hub: i.is_hub,
                warning: i.warning,
                reports_in_campaign: n,
                reports_total: i.report_count,
            })
            .collect(),
        reports: d.report_ids,
    }))
}

/// An indicator and where it appears.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IndicatorView {
    /// For the curation endpoints (`/indicators/{id}/benign`, campaign splits).
    pub id: i64,
    pub kind: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
    pub verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    pub score: f64,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// Flagged because it would tie together many otherwise unrelated campaigns; kept from
    /// merging them.
    pub hub: bool,
    pub report_count: i64,
    pub first_seen: String,
    pub last_seen: String,
    pub campaigns: Vec<i64>,
    /// The most recent report ids, up to 100.
    pub reports: Vec<i64>,
    /// An analyst stopped it from tying reports together (a split, or marked benign).
    pub excluded: bool,
    /// An analyst marked it benign: it is on the warning list.
    pub benign: bool,
}

/// One indicator by kind and normalised value (a phone may be given in any format).
#[utoipa::path(
    get, path = "/api/v1/indicators/{kind}/{value}", tag = "indicators",
    params(("kind" = String, Path, description = "url, domain, email, phone, ipv4, ipv6, btc, eth, handle"),
           ("value" = String, Path, description = "The value; URLs may contain slashes")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = IndicatorView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_indicator(
    State(state): State<AppState>,
    caller: Caller,
    Path((kind, value)): Path<(String, String)>,
) -> Result<Json<IndicatorView>, Problem> {
    caller.require(Permission::Read)?;
    let value = crate::processing::normalise_lookup(&kind, &value);
    let d = state
        .store
        .indicator(&kind, &value, 100)
        .await?
        .ok_or_else(|| Problem::not_found("indicator"))?;
    let i = d.indicator;
    Ok(Json(IndicatorView {
        id: i.id,
        excluded: i.excluded,
        benign: i.benign_at.is_some(),
        kind: i.kind,
        value: i.value,
        unicode: i.unicode,
        verdict: i.verdict,
        brand: i.brand,
        score: i.score,
        reason: i.reason,
        warning: i.warning,
        hub: i.is_hub,
        report_count: i.report_count,
        first_seen: rfc3339(i.first_seen),
        last_seen: rfc3339(i.last_seen),
        campaigns: d.campaign_ids,
        reports: d.report_ids,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = ReportCursor {
            received_at: 1_763_700_000_000,
            id: 42,
        };
        assert_eq!(decode_cursor(&encode_cursor(c)), Some(c));
        assert_eq!(decode_cursor("not-a-cursor"), None);
        assert_eq!(decode_cursor(""), None);
    }
}
