//! The abuse engine's REST API under `/api/v1`: decisions for the marketplace's systems, the
//! review queue, findings, account actions, analyst rules and webhooks. Decisions are made in
//! [`crate::abuse`] (and the `rampart-abuse` crate); this module reads requests, checks
//! permissions, stores and answers.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use rampart_abuse::events::parse_line;
use rampart_abuse::rules::{Mode, Outcome, Rule, RuleSet};
use rampart_casework::audit::Event as AuditEvent;
use rampart_store::{FindingFilter, NewDecision, RuleRow};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::abuse::{self, Decision};
use crate::auth::{Caller, Permission};
use crate::casework_api::{body_of, created, query_of};
use crate::intake::{millis, rfc3339};
use crate::problem::{FieldError, Problem};
use crate::webhooks::{self, Topic};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/decisions", post(decide).get(list_decisions))
        .route("/decisions/{id}", get(get_decision))
        .route("/decisions/{id}/review", post(review_decision))
        .route("/findings", get(list_findings))
        .route("/findings/{id}", get(get_finding))
        .route("/findings/{id}/review", post(review_finding))
        .route("/accounts/{id}", get(get_account))
        .route("/accounts/{id}/actions", post(act_on_account))
        .route("/rules", get(list_rules).post(save_rule))
        .route("/rules/{id}", get(get_rule))
        .route("/webhooks", get(list_webhooks).post(add_webhook))
        .route("/webhooks/{id}", delete(remove_webhook))
}

#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        decide,
        list_decisions,
        get_decision,
        review_decision,
        list_findings,
        get_finding,
        review_finding,
        get_account,
        act_on_account,
        list_rules,
        save_rule,
        get_rule,
        list_webhooks,
        add_webhook,
        remove_webhook,
    ),
    components(schemas(
        Decision,
        DecisionView,
        DecisionPage,
        ReviewInput,
        FindingView,
        FindingPage,
        FindingReviewInput,
        AccountView,
        AccountActionInput,
        AccountActionView,
        RuleInput,
        RuleView,
        RuleList,
        RuleVersions,
        WebhookInput,
        WebhookView,
        WebhookList,
        WebhookCreated,
        Topic,
    ))
)]
pub struct AbuseApiDoc;

fn now() -> i64 {
    millis(OffsetDateTime::now_utc())
}

fn path_str(p: Result<Path<String>, PathRejection>, what: &str) -> Result<String, Problem> {
    p.map(|Path(s)| s)
        .ok()
        .filter(|s| !s.is_empty() && s.len() <= rampart_abuse::events::MAX_ID_BYTES)
        .ok_or_else(|| Problem::not_found(what))
}

fn path_id(p: Result<Path<i64>, PathRejection>, what: &str) -> Result<i64, Problem> {
    crate::casework_api::id_of(p, what)
}

fn invalid(pointer: &str, detail: impl Into<String>) -> Problem {
    Problem::invalid(vec![FieldError {
        pointer: pointer.to_string(),
        detail: detail.into(),
        message: None,
    }])
}

/// Bounded free text from a reviewer: trimmed, control characters out.
fn note_text(s: &str, max: usize) -> String {
    s.trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .take(max)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Decisions

#[utoipa::path(
    post, path = "/api/v1/decisions", tag = "abuse",
    request_body(content = Object, description = "One event as a JSON object, in the event line format (a refund about to be issued, a sign-up, any event)"),
    responses(
        (status = 200, description = "The decision, stored", body = Decision),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token may not ask for decisions", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a valid event; each problem named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    caller.require(Permission::Decide)?;
    let body = crate::casework_api::body_bytes(&state, body)?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| Problem::bad_request("the body is not UTF-8"))?
        .trim();
    let event = parse_line(text).map_err(|e| match e {
        rampart_abuse::events::LineError::Fields(fields) => Problem::invalid(
            fields
                .into_iter()
                .map(|f| FieldError {
                    pointer: format!("#{}", f.field),
                    detail: f.detail,
                    message: None,
                })
                .collect(),
        ),
        other => Problem::bad_request(other.to_string()),
    })?;
    let at = now();
    let decision = abuse::decide(&state.abuse, &state.settings.abuse, &event, at);
    let reasons = serde_json::json!({
        "reasons": decision.reasons,
        "shadow": decision.shadow,
        "errors": decision.errors,
        "account": decision.account,
    });
    let row = NewDecision {
        decision_id: decision.decision_id.clone(),
        event_id: decision.event_id.clone(),
        kind: event.body.kind().to_string(),
        account_id: decision.account_id.clone(),
        outcome: decision.outcome.as_str().to_string(),
        score: decision.score,
        reasons: reasons.to_string(),
        event: text.to_string(),
        requested_by: caller.actor(),
        created_at: at,
        review_status: (decision.outcome == Outcome::Review).then(|| "pending".to_string()),
    };
    let jobs = if decision.outcome == Outcome::Approve {
        Vec::new()
    } else {
        webhooks::jobs_for(
            &state,
            Topic::Decision,
            &serde_json::json!({"type": "decision", "decision": decision}),
        )
    };
    abuse::store_decision(&state.abuse, row, jobs)
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "could not store a decision");
            Problem::unavailable()
        })?;
    metrics::counter!("rampart_decisions_total", "outcome" => decision.outcome.as_str())
        .increment(1);
    Ok(Json(decision).into_response())
}

/// A stored decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionView {
    pub decision_id: String,
    pub event_id: String,
    pub kind: String,
    pub account_id: Option<String>,
    pub outcome: String,
    pub score: f64,
    /// Reasons, shadow hits, rule errors and the account's aggregates, as decided.
    #[schema(value_type = Object)]
    pub reasons: serde_json::Value,
    /// The event as sent.
    #[schema(value_type = Object)]
    pub event: serde_json::Value,
    pub requested_by: String,
    pub created_at: String,
    /// pending, approved or denied; absent when no review was needed.
    pub review_status: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub review_note: Option<String>,
}

fn decision_view(d: rampart_store::DecisionRow) -> DecisionView {
    DecisionView {
        decision_id: d.decision.decision_id,
        event_id: d.decision.event_id,
        kind: d.decision.kind,
        account_id: d.decision.account_id,
        outcome: d.decision.outcome,
        score: d.decision.score,
        reasons: serde_json::from_str(&d.decision.reasons).unwrap_or_default(),
        event: serde_json::from_str(&d.decision.event).unwrap_or_default(),
        requested_by: d.decision.requested_by,
        created_at: rfc3339(d.decision.created_at),
        review_status: d.decision.review_status,
        reviewed_by: d.reviewed_by,
        reviewed_at: d.reviewed_at.map(rfc3339),
        review_note: d.review_note,
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionPage {
    /// Newest first.
    pub items: Vec<DecisionView>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DecisionQuery {
    /// pending (the review queue), approved or denied.
    pub review: Option<String>,
    pub account: Option<String>,
    /// At most 200 (default 50).
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[utoipa::path(
    get, path = "/api/v1/decisions", tag = "abuse", params(DecisionQuery),
    responses((status = 200, body = DecisionPage))
)]
pub async fn list_decisions(
    State(state): State<AppState>,
    caller: Caller,
    q: Result<Query<DecisionQuery>, QueryRejection>,
) -> Result<Json<DecisionPage>, Problem> {
    caller.require(Permission::Read)?;
    let q = query_of(q)?;
    if let Some(r) = &q.review
        && !["pending", "approved", "denied"].contains(&r.as_str())
    {
        return Err(invalid("#/review", "must be pending, approved or denied"));
    }
    let rows = state
        .store
        .decisions(
            q.review.as_deref(),
            q.account.as_deref(),
            q.limit.unwrap_or(50).clamp(1, 200),
            q.offset.unwrap_or(0),
        )
        .await?;
    Ok(Json(DecisionPage {
        items: rows.into_iter().map(decision_view).collect(),
    }))
}

#[utoipa::path(
    get, path = "/api/v1/decisions/{id}", tag = "abuse",
    responses((status = 200, body = DecisionView), (status = 404, body = Problem, content_type = "application/problem+json"))
)]
pub async fn get_decision(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<DecisionView>, Problem> {
    caller.require(Permission::Read)?;
    let id = path_str(id, "decision")?;
    let row = state
        .store
        .decision(&id)
        .await?
        .ok_or_else(|| Problem::not_found("decision"))?;
    Ok(Json(decision_view(row)))
}

/// A reviewer's answer to a decision in the queue.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// approve or deny.
    pub decision: String,
    /// Why, for the record (at most 2,000 characters).
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(
    post, path = "/api/v1/decisions/{id}/review", tag = "abuse", request_body = ReviewInput,
    responses(
        (status = 200, body = DecisionView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not waiting for review", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn review_decision(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<DecisionView>, Problem> {
    caller.require(Permission::Review)?;
    let id = path_str(id, "decision")?;
    let input: ReviewInput = body_of(&state, &headers, body)?;
    let view = review_decision_as(&state, &caller, &id, &input.decision, &input.note).await?;
    Ok(Json(view))
}

/// Approves or denies a decision waiting for review, audited, and announces it.
pub async fn review_decision_as(
    state: &AppState,
    caller: &Caller,
    decision_id: &str,
    answer: &str,
    note: &str,
) -> Result<DecisionView, Problem> {
    caller.require(Permission::Review)?;
    let status = match answer {
        "approve" => "approved",
        "deny" => "denied",
        _ => return Err(invalid("#/decision", "must be approve or deny")),
    };
    let note = note_text(note, 2_000);
    if state.store.decision(decision_id).await?.is_none() {
        return Err(Problem::not_found("decision"));
    }
    let at = now();
    let mut tx = state.store.begin_audited().await?;
    if !state
        .store
        .review_decision(&mut tx, decision_id, status, &caller.actor(), &note, at)
        .await?
    {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            "not-pending",
            "this decision is not waiting for review",
        ));
    }
    tx.record(
        AuditEvent {
            at,
            actor: caller.actor(),
            action: format!("decision.{status}"),
            object: format!("decision:{decision_id}"),
            detail: serde_json::json!({"note": note}).to_string(),
        },
        None,
    )
    .await?;
    tx.commit().await?;
    let row = state
        .store
        .decision(decision_id)
        .await?
        .ok_or_else(|| Problem::not_found("decision"))?;
    let view = decision_view(row);
    webhooks::announce(
        state,
        Topic::Decision,
        &serde_json::json!({"type": "decision_reviewed", "decision": view}),
    )
    .await?;
    Ok(view)
}

// ---------------------------------------------------------------------------------------------
// Findings

/// A detector's finding, with its evidence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FindingView {
    pub id: i64,
    pub key: String,
    pub detector: String,
    pub subject_kind: String,
    pub subject_id: String,
    /// 0 to 1, higher is surer.
    pub score: f64,
    pub summary: String,
    /// The facts behind it, each with the events it rests on; and the things it names.
    #[schema(value_type = Object)]
    pub evidence: serde_json::Value,
    pub accounts: Vec<String>,
    pub agents: Vec<String>,
    pub money_minor: i64,
    pub currency: String,
    pub first_at: String,
    pub last_at: String,
    /// open, confirmed or dismissed.
    pub status: String,
    pub found_at: String,
    pub updated_at: String,
    pub reviewed_by: Option<String>,
    pub review_note: Option<String>,
}

pub fn finding_view(f: rampart_store::FindingRow) -> FindingView {
    FindingView {
        id: f.id,
        key: f.finding.key,
        detector: f.finding.detector,
        subject_kind: f.finding.subject_kind,
        subject_id: f.finding.subject_id,
        score: f.finding.score,
        summary: f.finding.summary,
        evidence: serde_json::from_str(&f.finding.evidence).unwrap_or_default(),
        accounts: f.finding.accounts,
        agents: f.finding.agents,
        money_minor: f.finding.money_minor,
        currency: f.finding.currency,
        first_at: rfc3339(f.finding.first_at),
        last_at: rfc3339(f.finding.last_at),
        status: f.status,
        found_at: rfc3339(f.found_at),
        updated_at: rfc3339(f.updated_at),
        reviewed_by: f.reviewed_by,
        review_note: f.review_note,
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FindingPage {
    /// Highest score first.
    pub items: Vec<FindingView>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct FindingQuery {
    /// open, confirmed or dismissed.
    pub status: Option<String>,
    /// refund_without_return, return_mismatch, account_refund_abuse, insider_collusion, ring,
    /// support_device, script, fake_review_ring.
    pub detector: Option<String>,
    pub account: Option<String>,
    pub agent: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[utoipa::path(
    get, path = "/api/v1/findings", tag = "abuse", params(FindingQuery),
    responses((status = 200, body = FindingPage))
)]
pub async fn list_findings(
    State(state): State<AppState>,
    caller: Caller,
    q: Result<Query<FindingQuery>, QueryRejection>,
) -> Result<Json<FindingPage>, Problem> {
    caller.require(Permission::Read)?;
    let q = query_of(q)?;
    if let Some(s) = &q.status
        && !["open", "confirmed", "dismissed"].contains(&s.as_str())
    {
        return Err(invalid("#/status", "must be open, confirmed or dismissed"));
    }
    if let Some(d) = &q.detector
        && rampart_abuse::detect::Detector::parse(d).is_none()
    {
        return Err(invalid("#/detector", "is not a detector's name"));
    }
    let rows = state
        .store
        .findings(
            &FindingFilter {
                status: q.status,
                detector: q.detector,
                account_id: q.account,
                agent_id: q.agent,
            },
            q.limit.unwrap_or(50).clamp(1, 200),
            q.offset.unwrap_or(0),
        )
        .await?;
    Ok(Json(FindingPage {
        items: rows.into_iter().map(finding_view).collect(),
    }))
}

#[utoipa::path(
    get, path = "/api/v1/findings/{id}", tag = "abuse",
    responses((status = 200, body = FindingView), (status = 404, body = Problem, content_type = "application/problem+json"))
)]
pub async fn get_finding(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<FindingView>, Problem> {
    caller.require(Permission::Read)?;
    let id = path_id(id, "finding")?;
    let row = state
        .store
        .finding(id)
        .await?
        .ok_or_else(|| Problem::not_found("finding"))?;
    Ok(Json(finding_view(row)))
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingReviewInput {
    /// confirm or dismiss.
    pub decision: String,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(
    post, path = "/api/v1/findings/{id}/review", tag = "abuse", request_body = FindingReviewInput,
    responses(
        (status = 200, body = FindingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already reviewed", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn review_finding(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<FindingView>, Problem> {
    caller.require(Permission::Review)?;
    let id = path_id(id, "finding")?;
    let input: FindingReviewInput = body_of(&state, &headers, body)?;
    Ok(Json(
        review_finding_as(&state, &caller, id, &input.decision, &input.note).await?,
    ))
}

/// Confirms or dismisses an open finding, audited.
pub async fn review_finding_as(
    state: &AppState,
    caller: &Caller,
    id: i64,
    answer: &str,
    note: &str,
) -> Result<FindingView, Problem> {
    caller.require(Permission::Review)?;
    let status = match answer {
        "confirm" => "confirmed",
        "dismiss" => "dismissed",
        _ => return Err(invalid("#/decision", "must be confirm or dismiss")),
    };
    let note = note_text(note, 2_000);
    if state.store.finding(id).await?.is_none() {
        return Err(Problem::not_found("finding"));
    }
    let at = now();
    let mut tx = state.store.begin_audited().await?;
    if !state
        .store
        .review_finding(&mut tx, id, status, &caller.actor(), &note, at)
        .await?
    {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            "already-reviewed",
            "this finding was already reviewed",
        ));
    }
    tx.record(
        AuditEvent {
            at,
            actor: caller.actor(),
            action: format!("finding.{status}"),
            object: format!("finding:{id}"),
            detail: serde_json::json!({"note": note}).to_string(),
        },
        None,
    )
    .await?;
    tx.commit().await?;
    state.abuse.reload.notify_one();
    let row = state
        .store
        .finding(id)
        .await?
        .ok_or_else(|| Problem::not_found("finding"))?;
    Ok(finding_view(row))
}

// ---------------------------------------------------------------------------------------------
// Accounts

/// One enforcement step on an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountActionView {
    pub id: i64,
    pub action: String,
    pub reason: String,
    pub actor: String,
    pub finding_id: Option<i64>,
    pub decision_id: Option<String>,
    pub at: String,
}

/// A marketplace account as the engine knows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountView {
    pub account_id: String,
    /// active, warned, suspended, closed or banned.
    pub status: String,
    /// What the model knows: counts, sums, rates and links.
    #[schema(value_type = Object)]
    pub stats: rampart_abuse::stats::AccountStats,
    pub actions: Vec<AccountActionView>,
    /// Identifiers recorded by a ban, with whether the ban was lifted.
    #[schema(value_type = Vec<Object>)]
    pub banned_identifiers: Vec<serde_json::Value>,
    pub findings: Vec<FindingView>,
    pub decisions: Vec<DecisionView>,
}

#[utoipa::path(
    get, path = "/api/v1/accounts/{id}", tag = "abuse",
    responses((status = 200, body = AccountView))
)]
pub async fn get_account(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<AccountView>, Problem> {
    caller.require(Permission::Read)?;
    let id = path_str(id, "account")?;
    Ok(Json(account_view(&state, &id).await?))
}

pub async fn account_view(state: &AppState, id: &str) -> Result<AccountView, Problem> {
    let stats = state.abuse.stats(id, now());
    let status = state
        .store
        .account_status(id)
        .await?
        .map_or_else(|| "active".to_string(), |a| a.status);
    let actions = state
        .store
        .account_actions(id)
        .await?
        .into_iter()
        .map(|a| AccountActionView {
            id: a.id,
            action: a.action,
            reason: a.reason,
            actor: a.actor,
            finding_id: a.finding_id,
            decision_id: a.decision_id,
            at: rfc3339(a.at),
        })
        .collect();
    let banned = state
        .store
        .banned_identifiers(Some(id), false)
        .await?
        .into_iter()
        .map(|b| {
            serde_json::json!({"kind": b.kind, "value": b.value, "banned_at": rfc3339(b.banned_at),
                "lifted_at": b.lifted_at.map(rfc3339)})
        })
        .collect();
    let findings = state
        .store
        .findings(
            &FindingFilter {
                account_id: Some(id.to_string()),
                ..FindingFilter::default()
            },
            100,
            0,
        )
        .await?
        .into_iter()
        .map(finding_view)
        .collect();
    let decisions = state
        .store
        .decisions(None, Some(id), 50, 0)
        .await?
        .into_iter()
        .map(decision_view)
        .collect();
    Ok(AccountView {
        account_id: id.to_string(),
        status,
        stats,
        actions,
        banned_identifiers: banned,
        findings,
        decisions,
    })
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountActionInput {
    /// warn, suspend, close, ban or reinstate.
    pub action: String,
    /// Why, for the record and the customer (1 to 2,000 characters).
    pub reason: String,
    /// The finding that led to it.
    #[serde(default)]
    pub finding_id: Option<i64>,
    /// The decision that led to it.
    #[serde(default)]
    pub decision_id: Option<String>,
}

#[utoipa::path(
    post, path = "/api/v1/accounts/{id}/actions", tag = "abuse", request_body = AccountActionInput,
    responses((status = 200, body = AccountView), (status = 422, body = Problem, content_type = "application/problem+json"))
)]
pub async fn act_on_account(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AccountView>, Problem> {
    caller.require(Permission::Act)?;
    let id = path_str(id, "account")?;
    let input: AccountActionInput = body_of(&state, &headers, body)?;
    act_on_account_as(&state, &caller, &id, &input).await?;
    Ok(Json(account_view(&state, &id).await?))
}

/// Records an account action, audited; a ban records every identifier the model has seen on
/// the account (and the sign-up screening learns them at once).
pub async fn act_on_account_as(
    state: &AppState,
    caller: &Caller,
    account_id: &str,
    input: &AccountActionInput,
) -> Result<i64, Problem> {
    caller.require(Permission::Act)?;
    let status = match input.action.as_str() {
        "warn" => "warned",
        "suspend" => "suspended",
        "close" => "closed",
        "ban" => "banned",
        "reinstate" => "active",
        _ => {
            return Err(invalid(
                "#/action",
                "must be warn, suspend, close, ban or reinstate",
            ));
        }
    };
    let reason = note_text(&input.reason, 2_000);
    if reason.is_empty() {
        return Err(invalid("#/reason", "is required"));
    }
    if let Some(f) = input.finding_id
        && state.store.finding(f).await?.is_none()
    {
        return Err(invalid("#/finding_id", "no such finding"));
    }
    let identifiers = if status == "banned" {
        state
            .abuse
            .with_model(|m| m.identifiers(account_id))
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let at = now();
    let mut tx = state.store.begin_audited().await?;
    let action_id = state
        .store
        .act_on_account(
            &mut tx,
            account_id,
            &input.action,
            status,
            &reason,
            &caller.actor(),
            input.finding_id,
            input.decision_id.as_deref(),
            &identifiers,
            at,
        )
        .await?;
    tx.record(
        AuditEvent {
            at,
            actor: caller.actor(),
            action: format!("account.{}", input.action),
            object: format!("account:{account_id}"),
            detail: serde_json::json!({
                "reason": reason,
                "finding_id": input.finding_id,
                "decision_id": input.decision_id,
                "identifiers": identifiers.len(),
            })
            .to_string(),
        },
        None,
    )
    .await?;
    tx.commit().await?;
    state.abuse.reload.notify_one();
    Ok(action_id)
}

// ---------------------------------------------------------------------------------------------
// Rules

/// A rule to save: a new rule, or a new version of one (every change is a new version).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleInput {
    /// `[a-z0-9_-]{1,64}`.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Event types it applies to; empty: all.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// CEL over `event` and `account`.
    pub expression: String,
    /// approve, review or block.
    pub outcome: String,
    /// 0 to 100.
    pub score: f64,
    /// live, shadow (recorded, never enforced) or off.
    pub mode: String,
    /// The version this change follows (0 for a new rule): a concurrent edit is refused.
    pub previous_version: u32,
}

/// One version of a rule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleView {
    pub id: String,
    pub version: i64,
    pub name: String,
    pub description: String,
    pub applies_to: Vec<String>,
    pub expression: String,
    pub outcome: String,
    pub score: f64,
    pub mode: String,
    pub created_by: String,
    pub created_at: String,
}

fn rule_view(r: RuleRow) -> RuleView {
    RuleView {
        applies_to: serde_json::from_str(&r.applies_to).unwrap_or_default(),
        id: r.rule_id,
        version: r.version,
        name: r.name,
        description: r.description,
        expression: r.expression,
        outcome: r.outcome,
        score: r.score,
        mode: r.mode,
        created_by: r.created_by,
        created_at: rfc3339(r.created_at),
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleList {
    /// The latest version of each rule.
    pub items: Vec<RuleView>,
    /// Stored rules in force that do not compile any more (left out of decisions).
    pub broken: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleVersions {
    /// Newest first.
    pub versions: Vec<RuleView>,
}

#[utoipa::path(get, path = "/api/v1/rules", tag = "abuse", responses((status = 200, body = RuleList)))]
pub async fn list_rules(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<RuleList>, Problem> {
    caller.require(Permission::Read)?;
    let rows = state.store.current_rules().await?;
    Ok(Json(RuleList {
        items: rows.into_iter().map(rule_view).collect(),
        broken: state.abuse.rules().broken.clone(),
    }))
}

#[utoipa::path(
    get, path = "/api/v1/rules/{id}", tag = "abuse",
    responses((status = 200, body = RuleVersions), (status = 404, body = Problem, content_type = "application/problem+json"))
)]
pub async fn get_rule(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<RuleVersions>, Problem> {
    caller.require(Permission::Read)?;
    let id = path_str(id, "rule")?;
    let versions = state.store.rule_versions(&id).await?;
    if versions.is_empty() {
        return Err(Problem::not_found("rule"));
    }
    Ok(Json(RuleVersions {
        versions: versions.into_iter().map(rule_view).collect(),
    }))
}

/// Checks a rule as an analyst wrote it: every problem named by its field, the expression
/// compiled against the schema.
pub fn check_rule(input: &RuleInput) -> Result<Rule, Problem> {
    let mut errors = Vec::new();
    let mut bad = |pointer: &str, detail: String| {
        errors.push(FieldError {
            pointer: pointer.into(),
            detail,
            message: None,
        })
    };
    if !rampart_abuse::rules::valid_id(&input.id) {
        bad("#/id", "must be 1 to 64 of a-z, 0-9, _ and -".into());
    }
    let name = note_text(&input.name, 200);
    if name.is_empty() {
        bad("#/name", "is required".into());
    }
    let outcome = Outcome::parse(&input.outcome);
    if outcome.is_none() {
        bad("#/outcome", "must be approve, review or block".into());
    }
    if !(0.0..=100.0).contains(&input.score) || !input.score.is_finite() {
        bad("#/score", "must be between 0 and 100".into());
    }
    let mode = match input.mode.as_str() {
        "live" | "off" => Mode::Live,
        "shadow" => Mode::Shadow,
        _ => {
            bad("#/mode", "must be live, shadow or off".into());
            Mode::Shadow
        }
    };
    for (i, t) in input.applies_to.iter().enumerate() {
        if !rampart_abuse::rules::EVENT_TYPES.contains(&t.as_str()) {
            bad(
                &format!("#/applies_to/{i}"),
                format!(
                    "is not an event type ({})",
                    rampart_abuse::rules::EVENT_TYPES.join(", ")
                ),
            );
        }
    }
    if !errors.is_empty() {
        return Err(Problem::invalid(errors));
    }
    let rule = Rule {
        id: input.id.clone(),
        version: input.previous_version.saturating_add(1),
        name,
        description: note_text(&input.description, 2_000),
        applies_to: input.applies_to.clone(),
        expression: input.expression.clone(),
        outcome: outcome.unwrap_or(Outcome::Review),
        score: input.score,
        mode,
    };
    if let Err(errs) = RuleSet::compile(std::slice::from_ref(&rule)) {
        return Err(Problem::invalid(
            errs.into_iter()
                .map(|e| FieldError {
                    pointer: "#/expression".into(),
                    detail: e.message,
                    message: None,
                })
                .collect(),
        ));
    }
    Ok(rule)
}

#[utoipa::path(
    post, path = "/api/v1/rules", tag = "abuse", request_body = RuleInput,
    responses(
        (status = 201, body = RuleView),
        (status = 409, description = "Someone saved another version first", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The rule does not compile or a field is wrong", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn save_rule(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    caller.require(Permission::Rules)?;
    let input: RuleInput = body_of(&state, &headers, body)?;
    let view = save_rule_as(&state, &caller, &input).await?;
    Ok(created(format!("/api/v1/rules/{}", view.id), view))
}

/// Saves a new version of a rule, audited, and puts it in force on every node.
pub async fn save_rule_as(
    state: &AppState,
    caller: &Caller,
    input: &RuleInput,
) -> Result<RuleView, Problem> {
    caller.require(Permission::Rules)?;
    let rule = check_rule(input)?;
    let row = RuleRow {
        rule_id: rule.id.clone(),
        version: i64::from(rule.version),
        name: rule.name.clone(),
        description: rule.description.clone(),
        applies_to: serde_json::to_string(&rule.applies_to).unwrap_or_else(|_| "[]".into()),
        expression: rule.expression.clone(),
        outcome: rule.outcome.as_str().to_string(),
        score: rule.score,
        mode: input.mode.clone(),
        created_by: caller.actor(),
        created_at: now(),
    };
    let mut tx = state.store.begin_audited().await?;
    state.store.insert_rule_version(&mut tx, &row).await?;
    tx.record(
        AuditEvent {
            at: row.created_at,
            actor: caller.actor(),
            action: "rule.save".into(),
            object: format!("rule:{}@{}", row.rule_id, row.version),
            detail: serde_json::json!({
                "expression": row.expression, "outcome": row.outcome, "score": row.score,
                "mode": row.mode, "applies_to": rule.applies_to,
            })
            .to_string(),
        },
        None,
    )
    .await?;
    tx.commit().await?;
    abuse::reload(state).await?;
    state.abuse.reload.notify_one();
    Ok(rule_view(row))
}

// ---------------------------------------------------------------------------------------------
// Webhooks

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    /// http(s) URL the announcements are POSTed to.
    pub url: String,
    /// decision, finding.
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
    pub topics: Vec<String>,
    pub created_by: String,
    pub created_at: String,
    pub disabled_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookList {
    pub items: Vec<WebhookView>,
}

/// A new webhook: its secret is shown only now.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookCreated {
    pub webhook: WebhookView,
    /// Verifies `Rampart-Signature` (HMAC-SHA256 of "<t>.<body>").
    pub secret: String,
}

fn webhook_view(w: rampart_store::WebhookRow) -> WebhookView {
    WebhookView {
        id: w.id,
        url: w.url,
        topics: w.topics,
        created_by: w.created_by,
        created_at: rfc3339(w.created_at),
        disabled_at: w.disabled_at.map(rfc3339),
    }
}

#[utoipa::path(get, path = "/api/v1/webhooks", tag = "abuse", responses((status = 200, body = WebhookList)))]
pub async fn list_webhooks(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<WebhookList>, Problem> {
    caller.require(Permission::Admin)?;
    Ok(Json(WebhookList {
        items: state
            .store
            .webhooks()
            .await?
            .into_iter()
            .map(webhook_view)
            .collect(),
    }))
}

#[utoipa::path(
    post, path = "/api/v1/webhooks", tag = "abuse", request_body = WebhookInput,
    responses((status = 201, body = WebhookCreated), (status = 422, body = Problem, content_type = "application/problem+json"))
)]
pub async fn add_webhook(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    caller.require(Permission::Admin)?;
    let input: WebhookInput = body_of(&state, &headers, body)?;
    let url = url::Url::parse(input.url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .filter(|_| input.url.len() <= 2_000)
        .ok_or_else(|| invalid("#/url", "must be an http or https URL"))?;
    if input.topics.is_empty() {
        return Err(invalid(
            "#/topics",
            "name at least one of decision, finding",
        ));
    }
    let mut topics: Vec<String> = input
        .topics
        .iter()
        .map(|t| t.as_str().to_string())
        .collect();
    topics.sort();
    topics.dedup();
    let secret = format!("whsec_{}", crate::auth::random_token());
    let at = now();
    let mut tx = state.store.begin_audited().await?;
    let id = state
        .store
        .add_webhook(&mut tx, url.as_str(), &secret, &topics, &caller.actor(), at)
        .await?;
    tx.record(
        AuditEvent {
            at,
            actor: caller.actor(),
            action: "webhook.add".into(),
            object: format!("webhook:{id}"),
            detail: serde_json::json!({"url": url.as_str(), "topics": topics}).to_string(),
        },
        None,
    )
    .await?;
    tx.commit().await?;
    abuse::reload(&state).await?;
    let hook = state
        .store
        .webhooks()
        .await?
        .into_iter()
        .find(|w| w.id == id)
        .ok_or_else(Problem::internal)?;
    Ok(created(
        format!("/api/v1/webhooks/{id}"),
        WebhookCreated {
            webhook: webhook_view(hook),
            secret,
        },
    ))
}

#[utoipa::path(
    delete, path = "/api/v1/webhooks/{id}", tag = "abuse",
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json"))
)]
pub async fn remove_webhook(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Response, Problem> {
    caller.require(Permission::Admin)?;
    let id = path_id(id, "webhook")?;
    let at = now();
    let mut tx = state.store.begin_audited().await?;
    if !state.store.disable_webhook(&mut tx, id, at).await? {
        return Err(Problem::not_found("webhook"));
    }
    tx.record(
        AuditEvent {
            at,
            actor: caller.actor(),
            action: "webhook.remove".into(),
            object: format!("webhook:{id}"),
            detail: "{}".into(),
        },
        None,
    )
    .await?;
    tx.commit().await?;
    abuse::reload(&state).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
