//! The REST API for casework under `/api/v1`: cases, tasks, notes, actions, the block list,
//! abuse contacts, audit reads and campaign curation. Thin: each handler reads the request and
//! hands it to [`crate::casework`], which checks, decides and stores.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::Caller;
use crate::casework::{
    self, ActionDetail, ActionEnd, ActionPreview, ActionView, AuditEntryView, AuditPage,
    AuditQuery, BlockKind, CaseItem, CaseQuery, CaseUpdate, CaseView, ContactInput, ContactView,
    IndicatorRef, IndicatorValue, LinkView, Links, MergeInput, NewActionInput, NewNote, NewTask,
    NoteView, NoticeView, OpenCase, OutcomeInput, ReasonInput, SplitInput, TaskUpdate, TaskView,
    TriageInput,
};
use crate::intake::{millis, rfc3339};
use crate::problem::{FieldError, Problem};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list_cases).post(open_case))
        .route("/cases/{id}", get(get_case).patch(update_case))
        .route("/cases/{id}/links", post(add_links).delete(remove_links))
        .route("/cases/{id}/tasks", post(add_task))
        .route(
            "/cases/{id}/tasks/{task_id}",
            axum::routing::patch(update_task),
        )
        .route("/cases/{id}/notes", post(add_note))
        .route("/cases/{id}/timeline", get(case_timeline))
        .route("/cases/{id}/actions", get(list_actions).post(create_action))
        .route("/actions/{id}", get(get_action))
        .route("/actions/{id}/preview", get(preview_action))
        .route("/actions/{id}/request", post(request_action))
        .route("/actions/{id}/complete", post(complete_action))
        .route("/actions/{id}/fail", post(fail_action))
        .route("/actions/{id}/cancel", post(cancel_action))
        .route("/blocklist", get(get_blocklist))
        .route("/blocklist/{id}", delete(unblock))
        .route("/contacts", get(list_contacts).put(put_contact))
        .route("/contacts/{id}", delete(delete_contact))
        .route("/audit", get(read_audit))
        .route("/reports/triage", post(triage))
        .route("/campaigns/{id}/merge", post(merge_campaign))
        .route("/campaigns/{id}/split", post(split_campaign))
        .route("/campaigns/manual-links/{id}", delete(remove_manual_link))
        // `{kind}` only because the indicator lookup's route names this segment so; it is an id.
        .route(
            "/indicators/{kind}/benign",
            post(mark_benign).delete(unmark_benign),
        )
}

#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        list_cases, open_case, get_case, update_case, add_links, remove_links, add_task,
        update_task, add_note, case_timeline, list_actions, create_action, get_action,
        preview_action, request_action, complete_action, fail_action, cancel_action,
        get_blocklist, unblock, list_contacts, put_contact, delete_contact, read_audit, triage,
        merge_campaign, split_campaign, remove_manual_link, mark_benign, unmark_benign,
    ),
    components(schemas(
        OpenCase, Links, IndicatorRef, IndicatorValue, CaseUpdate, NewTask, TaskUpdate, NewNote,
        NewActionInput, OutcomeInput, ReasonInput, ContactInput, TriageInput, MergeInput,
        SplitInput, CaseItem, CaseView, LinkView, TaskView, NoteView, ActionView, NoticeView,
        ActionDetail, ActionPreview, casework::BlockValue, AuditEntryView, AuditPage, ContactView,
        CaseList, ActionList, ContactList, Timeline, Created, LinksChanged, Triaged, Merged,
        BlockList, BlockListEntry,
    )),
    tags((name = "casework", description = "Cases, tasks, notes, enforcement actions, the block list and the audit chain"))
)]
pub struct CaseworkApi;

// ---------------------------------------------------------------------------------------------
// Reading requests

pub(crate) fn id_of(p: Result<Path<i64>, PathRejection>, what: &str) -> Result<i64, Problem> {
    p.map(|Path(id)| id).map_err(|_| Problem::not_found(what))
}

pub(crate) fn query_of<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, Problem> {
    q.map(|Query(q)| q).map_err(|e| {
        Problem::invalid(vec![FieldError {
            pointer: "#".into(),
            detail: e.body_text(),
            message: None,
        }])
    })
}

/// The request body, or the problem that reading it ran into (413 over the limit).
pub(crate) fn body_bytes(
    state: &AppState,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, Problem> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::too_large(state.settings.max_body_bytes)
        } else {
            Problem::bad_request(format!("could not read the request body: {e}"))
        }
    })
}

pub(crate) fn body_of<T: DeserializeOwned>(
    state: &AppState,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Problem> {
    crate::json::parse_json(headers, &body_bytes(state, body)?)
}

pub(crate) fn created<T: Serialize>(location: String, body: T) -> Response {
    let mut res = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

// ---------------------------------------------------------------------------------------------
// Answers

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseList {
    pub items: Vec<CaseItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionList {
    /// Newest first.
    pub items: Vec<ActionView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactList {
    pub items: Vec<ContactView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Timeline {
    /// Newest first.
    pub entries: Vec<AuditEntryView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LinksChanged {
    /// Links added (or removed) by this call; ones already there (or not there) do not count.
    pub changed: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Triaged {
    /// Reports triaged now; ones triaged before are left as they were.
    pub triaged: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Merged {
    /// The manual link that holds the merge; delete it to undo.
    pub manual_link: i64,
}

/// The published block list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BlockList {
    pub generated_at: String,
    pub entries: Vec<BlockListEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BlockListEntry {
    pub id: i64,
    /// domain, url, email, phone, ipv4 or ipv6.
    pub kind: String,
    pub value: String,
    pub added_at: String,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TimelineQuery {
    /// 1 to 1000, default 200.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BlocklistQuery {
    /// text (default: one value per line) or json.
    pub format: Option<String>,
    /// Only this kind: domain, url, email, phone, ipv4 or ipv6.
    pub kind: Option<String>,
}

const PROBLEM: &str = "application/problem+json";

// ---------------------------------------------------------------------------------------------
// Cases

/// Cases the caller may see, most recently changed first (restricted ones only for legal).
#[utoipa::path(
    get, path = "/api/v1/cases", tag = "casework", params(CaseQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CaseList),
        (status = 401, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    q: Result<Query<CaseQuery>, QueryRejection>,
) -> Result<Json<CaseList>, Problem> {
    let q = query_of(q)?;
    Ok(Json(CaseList {
        items: casework::list_cases(&state, &caller, q).await?,
    }))
}

/// Opens a case from campaigns, reports and indicators.
#[utoipa::path(
    post, path = "/api/v1/cases", tag = "casework", request_body = OpenCase,
    security(("bearer" = [])),
    responses(
        (status = 201, body = CaseView, description = "Opened; Location names it"),
        (status = 401, body = Problem, content_type = PROBLEM),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn open_case(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let input: OpenCase = body_of(&state, &headers, body)?;
    let id = casework::open_case(&state, &caller, input).await?;
    let view = casework::get_case(&state, &caller, id).await?;
    Ok(created(format!("/api/v1/cases/{id}"), view))
}

/// A case with its links, tasks, notes, actions and latest timeline.
#[utoipa::path(
    get, path = "/api/v1/cases/{id}", tag = "casework",
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CaseView),
        (status = 401, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<CaseView>, Problem> {
    let id = id_of(id, "case")?;
    Ok(Json(casework::get_case(&state, &caller, id).await?))
}

/// Changes a case's title, summary, status, priority, assignee or restriction.
#[utoipa::path(
    patch, path = "/api/v1/cases/{id}", tag = "casework", request_body = CaseUpdate,
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = CaseView),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn update_case(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<CaseView>, Problem> {
    let id = id_of(id, "case")?;
    let input: CaseUpdate = body_of(&state, &headers, body)?;
    casework::change_case(&state, &caller, id, input).await?;
    Ok(Json(casework::get_case(&state, &caller, id).await?))
}

/// Links campaigns, reports and indicators to a case (at most 100 at once).
#[utoipa::path(
    post, path = "/api/v1/cases/{id}/links", tag = "casework", request_body = Links,
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = LinksChanged),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn add_links(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<LinksChanged>, Problem> {
    let id = id_of(id, "case")?;
    let input: Links = body_of(&state, &headers, body)?;
    Ok(Json(LinksChanged {
        changed: casework::link(&state, &caller, id, input).await?,
    }))
}

/// Unlinks campaigns, reports and indicators from a case.
#[utoipa::path(
    delete, path = "/api/v1/cases/{id}/links", tag = "casework", request_body = Links,
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = LinksChanged),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn remove_links(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<LinksChanged>, Problem> {
    let id = id_of(id, "case")?;
    let input: Links = body_of(&state, &headers, body)?;
    Ok(Json(LinksChanged {
        changed: casework::unlink(&state, &caller, id, input).await?,
    }))
}

/// Adds a task, with an optional due date and assignee.
#[utoipa::path(
    post, path = "/api/v1/cases/{id}/tasks", tag = "casework", request_body = NewTask,
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 201, body = Created),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn add_task(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let id = id_of(id, "case")?;
    let input: NewTask = body_of(&state, &headers, body)?;
    let task = casework::add_task(&state, &caller, id, input).await?;
    Ok(created(
        format!("/api/v1/cases/{id}/tasks/{task}"),
        Created { id: task },
    ))
}

/// Marks a task done, or not done again.
#[utoipa::path(
    patch, path = "/api/v1/cases/{id}/tasks/{task_id}", tag = "casework", request_body = TaskUpdate,
    params(("id" = i64, Path, description = "Case id"), ("task_id" = i64, Path, description = "Task id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn update_task(
    State(state): State<AppState>,
    caller: Caller,
    ids: Result<Path<(i64, i64)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Problem> {
    let Path((id, task)) = ids.map_err(|_| Problem::not_found("task"))?;
    let input: TaskUpdate = body_of(&state, &headers, body)?;
    casework::set_task_done(&state, &caller, id, task, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a note (kept in the audit chain, word for word).
#[utoipa::path(
    post, path = "/api/v1/cases/{id}/notes", tag = "casework", request_body = NewNote,
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 201, body = Created),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn add_note(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let id = id_of(id, "case")?;
    let input: NewNote = body_of(&state, &headers, body)?;
    let note = casework::add_note(&state, &caller, id, input).await?;
    Ok(created(format!("/api/v1/cases/{id}"), Created { id: note }))
}

/// Everything that happened to a case, from the audit chain, newest first.
#[utoipa::path(
    get, path = "/api/v1/cases/{id}/timeline", tag = "casework",
    params(("id" = i64, Path, description = "Case id"), TimelineQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = Timeline),
        (status = 404, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn case_timeline(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    q: Result<Query<TimelineQuery>, QueryRejection>,
) -> Result<Json<Timeline>, Problem> {
    let id = id_of(id, "case")?;
    let q = query_of(q)?;
    Ok(Json(Timeline {
        entries: casework::timeline(&state, &caller, id, q.limit).await?,
    }))
}

// ---------------------------------------------------------------------------------------------
// Actions

/// A case's enforcement actions.
#[utoipa::path(
    get, path = "/api/v1/cases/{id}/actions", tag = "casework",
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionList),
        (status = 404, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn list_actions(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ActionList>, Problem> {
    let id = id_of(id, "case")?;
    Ok(Json(ActionList {
        items: casework::case_actions(&state, &caller, id).await?,
    }))
}

/// Drafts an enforcement action; nothing is sent until it is requested. Referrals to law
/// enforcement need the legal role.
#[utoipa::path(
    post, path = "/api/v1/cases/{id}/actions", tag = "casework", request_body = NewActionInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("bearer" = [])),
    responses(
        (status = 201, body = ActionDetail, description = "Drafted; Location names it"),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn create_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let id = id_of(id, "case")?;
    let input: NewActionInput = body_of(&state, &headers, body)?;
    let action = casework::create_action(&state, &caller, id, input).await?;
    let view = casework::get_action(&state, &caller, action).await?;
    Ok(created(format!("/api/v1/actions/{action}"), view))
}

/// An action with every notice it sent, as sent.
#[utoipa::path(
    get, path = "/api/v1/actions/{id}", tag = "casework",
    params(("id" = i64, Path, description = "Action id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionDetail),
        (status = 404, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn get_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ActionDetail>, Problem> {
    let id = id_of(id, "action")?;
    Ok(Json(casework::get_action(&state, &caller, id).await?))
}

/// What requesting the action would send, composed from the case as it is now.
#[utoipa::path(
    get, path = "/api/v1/actions/{id}/preview", tag = "casework",
    params(("id" = i64, Path, description = "Action id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionPreview),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn preview_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ActionPreview>, Problem> {
    let id = id_of(id, "action")?;
    Ok(Json(casework::preview_action(&state, &caller, id).await?))
}

/// Requests a drafted action: its notice is composed, kept and queued for the relay.
/// Block-list entries are published and customer warnings queued at once (they complete).
#[utoipa::path(
    post, path = "/api/v1/actions/{id}/request", tag = "casework",
    params(("id" = i64, Path, description = "Action id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionDetail),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 409, body = Problem, content_type = PROBLEM, description = "Not a draft, or nobody to send it to"),
    )
)]
pub async fn request_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ActionDetail>, Problem> {
    let id = id_of(id, "action")?;
    Ok(Json(casework::request_action(&state, &caller, id).await?))
}

/// Completes an action: the case's reports show "action taken" and reporters who left an
/// address are told in their language.
#[utoipa::path(
    post, path = "/api/v1/actions/{id}/complete", tag = "casework", request_body = OutcomeInput,
    params(("id" = i64, Path, description = "Action id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionDetail),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 409, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn complete_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ActionDetail>, Problem> {
    let id = id_of(id, "action")?;
    let input: OutcomeInput = body_of(&state, &headers, body)?;
    Ok(Json(
        casework::complete_action(&state, &caller, id, input).await?,
    ))
}

/// Ends an action as failed (the registrar, carrier or police did not act).
#[utoipa::path(
    post, path = "/api/v1/actions/{id}/fail", tag = "casework", request_body = OutcomeInput,
    params(("id" = i64, Path, description = "Action id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionDetail),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 409, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn fail_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ActionDetail>, Problem> {
    let id = id_of(id, "action")?;
    let input: OutcomeInput = body_of(&state, &headers, body)?;
    Ok(Json(
        casework::end_action(&state, &caller, id, ActionEnd::Failed, input).await?,
    ))
}

/// Cancels an action.
#[utoipa::path(
    post, path = "/api/v1/actions/{id}/cancel", tag = "casework", request_body = OutcomeInput,
    params(("id" = i64, Path, description = "Action id")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = ActionDetail),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 409, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn cancel_action(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ActionDetail>, Problem> {
    let id = id_of(id, "action")?;
    let input: OutcomeInput = body_of(&state, &headers, body)?;
    Ok(Json(
        casework::end_action(&state, &caller, id, ActionEnd::Cancelled, input).await?,
    ))
}

// ---------------------------------------------------------------------------------------------
// Block list

/// The block list, for mail filters and SMS gateways: no token needed, since it holds only
/// values we already act against. Text (one value per line, `# ` comments) or JSON.
#[utoipa::path(
    get, path = "/api/v1/blocklist", tag = "public", params(BlocklistQuery),
    responses(
        (status = 200, body = BlockList, description = "format=json"),
        (status = 200, body = String, content_type = "text/plain", description = "format=text (the default)"),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match"),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn get_blocklist(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: Result<Query<BlocklistQuery>, QueryRejection>,
) -> Result<Response, Problem> {
    let q = query_of(q)?;
    let mut errors = Vec::new();
    let json = match q.format.as_deref() {
        None | Some("text") => false,
        Some("json") => true,
        Some(_) => {
            errors.push(FieldError {
                pointer: "#/format".into(),
                detail: "expected text or json".into(),
                message: None,
            });
            false
        }
    };
    let kind = match q.kind.as_deref() {
        None => None,
        Some(k) => {
            let parsed = BlockKind::parse(k);
            if parsed.is_none() {
                errors.push(FieldError {
                    pointer: "#/kind".into(),
                    detail: BlockKind::expected(),
                    message: None,
                });
            }
            parsed
        }
    };
    if !errors.is_empty() {
        return Err(Problem::invalid(errors));
    }
    // A value that could break the one-per-line format is not published (none should exist).
    let entries: Vec<_> = casework::blocklist(&state, kind)
        .await?
        .into_iter()
        .filter(|e| !e.value.is_empty() && !e.value.chars().any(char::is_control))
        .collect();
    let mut hash = Sha256::new();
    hash.update(if json { "json\n" } else { "text\n" });
    for e in &entries {
        hash.update(format!("{}\t{}\t{}\n", e.id, e.kind, e.value));
    }
    let etag = format!("W/\"{}\"", hex::encode(&hash.finalize()[..16]));
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut res = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let now = rfc3339(millis(OffsetDateTime::now_utc()));
        if json {
            Json(BlockList {
                generated_at: now,
                entries: entries
                    .into_iter()
                    .map(|e| BlockListEntry {
                        id: e.id,
                        kind: e.kind,
                        value: e.value,
                        added_at: rfc3339(e.added_at),
                    })
                    .collect(),
            })
            .into_response()
        } else {
            let mut text = format!(
                "# {} block list: values used in scams, one per line\n# generated {now}, {} {}\n",
                state.settings.organisation(),
                entries.len(),
                if entries.len() == 1 {
                    "entry"
                } else {
                    "entries"
                }
            );
            for e in &entries {
                text.push_str(&e.value);
                text.push('\n');
            }
            let mut res = text.into_response();
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            res
        }
    };
    let h = res.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    Ok(res)
}

/// Takes an entry off the block list (a false positive, a domain that changed hands).
#[utoipa::path(
    delete, path = "/api/v1/blocklist/{id}", tag = "casework", request_body = ReasonInput,
    params(("id" = i64, Path, description = "Block-list entry id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn unblock(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Problem> {
    let id = id_of(id, "block-list entry")?;
    let input: ReasonInput = body_of(&state, &headers, body)?;
    casework::unblock(&state, &caller, id, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------------------------
// Abuse contacts

/// Where notices go: registrars and hosts by domain suffix, carriers by number prefix, police
/// by country.
#[utoipa::path(
    get, path = "/api/v1/contacts", tag = "casework",
    security(("bearer" = [])),
    responses(
        (status = 200, body = ContactList),
        (status = 403, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn list_contacts(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ContactList>, Problem> {
    Ok(Json(ContactList {
        items: casework::contacts(&state, &caller).await?,
    }))
}

/// Adds an abuse contact, or replaces the one with the same kind and pattern (admins).
#[utoipa::path(
    put, path = "/api/v1/contacts", tag = "casework", request_body = ContactInput,
    security(("bearer" = [])),
    responses(
        (status = 200, body = ContactView),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn put_contact(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ContactView>, Problem> {
    let input: ContactInput = body_of(&state, &headers, body)?;
    Ok(Json(casework::put_contact(&state, &caller, input).await?))
}

/// Removes an abuse contact (admins).
#[utoipa::path(
    delete, path = "/api/v1/contacts/{id}", tag = "casework",
    params(("id" = i64, Path, description = "Contact id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 404, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn delete_contact(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, Problem> {
    let id = id_of(id, "contact")?;
    casework::delete_contact(&state, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------------------------
// Audit

/// The audit chain, newest first (legal and admins).
#[utoipa::path(
    get, path = "/api/v1/audit", tag = "casework", params(AuditQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, body = AuditPage),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn read_audit(
    State(state): State<AppState>,
    caller: Caller,
    q: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPage>, Problem> {
    let q = query_of(q)?;
    Ok(Json(casework::audit(&state, &caller, q).await?))
}

// ---------------------------------------------------------------------------------------------
// Curation

/// Accepts or dismisses reports waiting for triage (a dismissal needs a reason).
#[utoipa::path(
    post, path = "/api/v1/reports/triage", tag = "casework", request_body = TriageInput,
    security(("bearer" = [])),
    responses(
        (status = 200, body = Triaged),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn triage(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Triaged>, Problem> {
    let input: TriageInput = body_of(&state, &headers, body)?;
    Ok(Json(Triaged {
        triaged: casework::triage(&state, &caller, input).await?,
    }))
}

/// Merges this campaign into another by hand.
#[utoipa::path(
    post, path = "/api/v1/campaigns/{id}/merge", tag = "casework", request_body = MergeInput,
    params(("id" = i64, Path, description = "The campaign merged away")),
    security(("bearer" = [])),
    responses(
        (status = 200, body = Merged),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 409, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn merge_campaign(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Merged>, Problem> {
    let id = id_of(id, "campaign")?;
    let input: MergeInput = body_of(&state, &headers, body)?;
    Ok(Json(Merged {
        manual_link: casework::merge_campaigns(&state, &caller, id, input).await?,
    }))
}

/// Splits a campaign: the named indicators stop tying its reports together; the correlator
/// carries it out shortly.
#[utoipa::path(
    post, path = "/api/v1/campaigns/{id}/split", tag = "casework", request_body = SplitInput,
    params(("id" = i64, Path, description = "Campaign id")),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Recorded; the correlator splits the campaign"),
        (status = 403, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn split_campaign(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Problem> {
    let id = id_of(id, "campaign")?;
    let input: SplitInput = body_of(&state, &headers, body)?;
    casework::split_campaign(&state, &caller, id, input).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Undoes a manual merge; the correlator takes the campaigns apart again.
#[utoipa::path(
    delete, path = "/api/v1/campaigns/manual-links/{id}", tag = "casework", request_body = ReasonInput,
    params(("id" = i64, Path, description = "Manual link id")),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Removed; the correlator rebuilds"),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn remove_manual_link(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Problem> {
    let id = id_of(id, "manual link")?;
    let input: ReasonInput = body_of(&state, &headers, body)?;
    casework::remove_manual_link(&state, &caller, id, input).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Marks an indicator benign: it stops tying reports together and never counts against
/// anyone in "is this really us?".
#[utoipa::path(
    post, path = "/api/v1/indicators/{id}/benign", tag = "casework", request_body = ReasonInput,
    params(("id" = i64, Path, description = "Indicator id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Marked"),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn mark_benign(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Problem> {
    let id = id_of(id, "indicator")?;
    let input: ReasonInput = body_of(&state, &headers, body)?;
    casework::set_benign(&state, &caller, id, true, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes back a benign mark.
#[utoipa::path(
    delete, path = "/api/v1/indicators/{id}/benign", tag = "casework", request_body = ReasonInput,
    params(("id" = i64, Path, description = "Indicator id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Unmarked"),
        (status = 404, body = Problem, content_type = PROBLEM),
        (status = 422, body = Problem, content_type = PROBLEM),
    )
)]
pub async fn unmark_benign(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Problem> {
    let id = id_of(id, "indicator")?;
    let input: ReasonInput = body_of(&state, &headers, body)?;
    casework::set_benign(&state, &caller, id, false, input).await?;
    Ok(StatusCode::NO_CONTENT)
}
