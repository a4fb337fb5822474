//! Cases, enforcement actions, the block list and the audit chain in the console. The pages
//! call the same service functions as the REST API (`crate::casework`), so a permission or a
//! check holds in both.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, RawForm, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde::Deserialize;

use super::{ConsoleError, FormFields, Layout, Staff, page, see_other};
use crate::AppState;
use crate::auth::Permission;
use crate::casework::{
    self, ActionDetail, ActionEnd, ActionPreview, AuditPage, AuditQuery, CaseItem, CaseQuery,
    CaseUpdate, CaseView, IndicatorRef, Links, NewActionInput, NewNote, NewTask, OpenCase,
    OutcomeInput, ReasonInput, TaskUpdate,
};
use crate::i18n::Tr;
use crate::problem::Arg;

/// `campaign:4`, `report:9`, `indicator:12` as the console's forms write links.
fn links_of(t: &Tr, values: &[&str]) -> Result<Links, ConsoleError> {
    let mut links = Links::default();
    for v in values {
        let Some((kind, id)) = v.split_once(':') else {
            continue;
        };
        let id: i64 = id
            .trim()
            .trim_start_matches('#')
            .parse()
            .map_err(|_| ConsoleError::bad_request(t, "console-error-link-form"))?;
        match kind.trim() {
            "campaign" => links.campaigns.push(id),
            "report" => links.reports.push(id),
            "indicator" => links.indicators.push(IndicatorRef::Id(id)),
            _ => {
                return Err(ConsoleError::bad_request(t, "console-error-link-kind"));
            }
        }
    }
    Ok(links)
}

#[derive(Template)]
#[template(path = "console/cases.html")]
struct CasesPage {
    layout: Layout,
    cases: Vec<CaseItem>,
    status: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CasesFilter {
    status: String,
}

async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(f): Query<CasesFilter>,
) -> Result<Response, ConsoleError> {
    let cases = casework::list_cases(
        &state,
        &staff.caller,
        CaseQuery {
            status: (!f.status.is_empty()).then(|| f.status.clone()),
            limit: Some(200),
            ..CaseQuery::default()
        },
    )
    .await?;
    Ok(page(CasesPage {
        layout: staff.layout(&staff.t().t("console-cases-title"), "cases"),
        cases,
        status: f.status,
    }))
}

async fn open(
    State(state): State<AppState>,
    staff: Staff,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    let links: Vec<&str> = p.all("link").collect();
    let links = links_of(&staff.t(), &links)?;
    let id = casework::open_case(
        &state,
        &staff.caller,
        OpenCase {
            title: p.get("title").trim().to_string(),
            summary: p.optional("summary"),
            priority: p.optional("priority"),
            restricted: (p.get("restricted") == "on").then_some(true),
            campaigns: links.campaigns,
            reports: links.reports,
            indicators: links.indicators,
            ..OpenCase::default()
        },
    )
    .await?;
    Ok(see_other(&format!("/console/cases/{id}")))
}

#[derive(Template)]
#[template(path = "console/case.html")]
struct CasePage {
    layout: Layout,
    v: CaseView,
    users: Vec<(i64, String)>,
    can_manage: bool,
    can_act: bool,
    can_refer: bool,
    can_export: bool,
    legal: bool,
    statuses: [&'static str; 3],
    priorities: [&'static str; 4],
}

async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, ConsoleError> {
    let v = casework::get_case(&state, &staff.caller, id).await?;
    let users = state
        .store
        .users()
        .await?
        .into_iter()
        .filter(|u| u.disabled_at.is_none())
        .map(|u| (u.id, u.username))
        .collect();
    Ok(page(CasePage {
        layout: staff.layout(
            &staff.t().s2(
                "console-case-title",
                "reference",
                &v.case.reference,
                "title",
                &v.case.title,
            ),
            "cases",
        ),
        users,
        can_manage: staff.caller.can(Permission::ManageCases),
        can_act: staff.caller.can(Permission::Act),
        can_refer: staff.caller.can(Permission::Refer),
        can_export: staff.caller.can(Permission::Export),
        legal: staff.caller.can(Permission::Legal),
        statuses: ["open", "in_progress", "closed"],
        priorities: ["low", "normal", "high", "urgent"],
        v,
    }))
}

async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    let assignee = match p.get("assignee_id") {
        "" => None,
        "none" => Some(None),
        n => Some(Some(n.parse::<i64>().map_err(|_| {
            ConsoleError::bad_request(&staff.t(), "console-error-assignee")
        })?)),
    };
    casework::change_case(
        &state,
        &staff.caller,
        id,
        CaseUpdate {
            title: p.optional("title"),
            summary: p.has("summary").then(|| p.get("summary").to_string()),
            status: p.optional("status"),
            priority: p.optional("priority"),
            assignee_id: assignee,
            restricted: match p.get("restricted") {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
        },
    )
    .await?;
    Ok(see_other(&format!("/console/cases/{id}")))
}

async fn add_link(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    let links = links_of(&staff.t(), &[p.get("link")])?;
    if p.get("remove") == "true" {
        casework::unlink(&state, &staff.caller, id, links).await?;
    } else {
        casework::link(&state, &staff.caller, id, links).await?;
    }
    Ok(see_other(&format!("/console/cases/{id}")))
}

async fn add_task(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    casework::add_task(
        &state,
        &staff.caller,
        id,
        NewTask {
            title: p.get("title").trim().to_string(),
            due: p.optional("due"),
            assignee_id: p.optional("assignee_id").and_then(|a| a.parse().ok()),
        },
    )
    .await?;
    Ok(see_other(&format!("/console/cases/{id}#tasks")))
}

async fn task_done(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, task)): Path<(i64, i64)>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    casework::set_task_done(
        &state,
        &staff.caller,
        id,
        task,
        TaskUpdate {
            done: p.get("done") != "false",
        },
    )
    .await?;
    Ok(see_other(&format!("/console/cases/{id}#tasks")))
}

async fn add_note(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    casework::add_note(
        &state,
        &staff.caller,
        id,
        NewNote {
            body: p.get("body").to_string(),
        },
    )
    .await?;
    Ok(see_other(&format!("/console/cases/{id}#notes")))
}

async fn new_action(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    let action = casework::create_action(
        &state,
        &staff.caller,
        id,
        NewActionInput {
            kind: p.get("kind").to_string(),
            target: p.optional("target"),
            recipient_email: p.optional("recipient_email"),
            recipient_name: p.optional("recipient_name"),
            note: p.optional("note"),
        },
    )
    .await?;
    Ok(see_other(&format!("/console/actions/{action}")))
}

#[derive(Template)]
#[template(path = "console/action.html")]
struct ActionPage {
    layout: Layout,
    d: ActionDetail,
    preview: Option<ActionPreview>,
    /// Whether the caller may request or close it (an analyst only reads).
    can_act: bool,
}

async fn action(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, ConsoleError> {
    let d = casework::get_action(&state, &staff.caller, id).await?;
    let can_act = casework::ActionKind::parse(&d.action.kind)
        .is_some_and(|k| staff.caller.can(k.permission()));
    // Who may read an action but not take it (an analyst) sees it without the preview.
    let preview = if d.action.status == "draft" && can_act {
        match casework::preview_action(&state, &staff.caller, id).await {
            Ok(p) => Some(p),
            Err(p) if p.status == 403 => None,
            Err(p) => return Err(p.into()),
        }
    } else {
        None
    };
    let t = staff.t();
    Ok(page(ActionPage {
        layout: staff.layout(
            &t.s3(
                "console-action-title",
                "reference",
                &d.action.reference,
                "kind",
                t.part("console-action-kind-", &d.action.kind, ""),
                "target",
                &d.action.target,
            ),
            "cases",
        ),
        d,
        preview,
        can_act,
    }))
}

async fn action_step(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, step)): Path<(i64, String)>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    let outcome = || OutcomeInput {
        outcome: p.get("outcome").trim().to_string(),
    };
    match step.as_str() {
        "request" => {
            casework::request_action(&state, &staff.caller, id).await?;
        }
        "complete" => {
            casework::complete_action(&state, &staff.caller, id, outcome()).await?;
        }
        "fail" => {
            casework::end_action(&state, &staff.caller, id, ActionEnd::Failed, outcome()).await?;
        }
        "cancel" => {
            casework::end_action(&state, &staff.caller, id, ActionEnd::Cancelled, outcome())
                .await?;
        }
        _ => return Err(ConsoleError::not_found(&staff.t(), "console-error-no-step")),
    }
    state.wake_workers();
    Ok(see_other(&format!("/console/actions/{id}")))
}

#[derive(Template)]
#[template(path = "console/blocklist.html")]
struct BlocklistPage {
    layout: Layout,
    entries: Vec<rampart_store::BlockEntry>,
    can_act: bool,
}

async fn blocklist(State(state): State<AppState>, staff: Staff) -> Result<Response, ConsoleError> {
    staff.require(Permission::Read)?;
    let entries = casework::blocklist(&state, None).await?;
    Ok(page(BlocklistPage {
        layout: staff.layout(&staff.t().t("console-blocklist-title"), "blocklist"),
        entries,
        can_act: staff.caller.can(Permission::Act),
    }))
}

async fn unblock(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let p = FormFields::checked(&staff, &raw)?;
    casework::unblock(
        &state,
        &staff.caller,
        id,
        ReasonInput {
            reason: p.get("reason").trim().to_string(),
        },
    )
    .await?;
    Ok(see_other("/console/blocklist"))
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditView {
    layout: Layout,
    page: AuditPage,
    verification: Option<rampart_casework::audit::Verification>,
    object: String,
    actor: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuditFilters {
    object: String,
    actor: String,
    before: Option<i64>,
    verify: bool,
}

async fn audit(
    State(state): State<AppState>,
    staff: Staff,
    Query(f): Query<AuditFilters>,
) -> Result<Response, ConsoleError> {
    staff.require(Permission::Legal)?;
    let page_of = casework::audit(
        &state,
        &staff.caller,
        AuditQuery {
            object: (!f.object.trim().is_empty()).then(|| f.object.trim().to_string()),
            actor: (!f.actor.trim().is_empty()).then(|| f.actor.trim().to_string()),
            before: f.before,
            limit: Some(100),
            ..AuditQuery::default()
        },
    )
    .await?;
    let verification = if f.verify {
        Some(
            crate::signing::verify_chain(&state.store, Some(&state.signing.verifying_key()))
                .await?,
        )
    } else {
        None
    };
    Ok(page(AuditView {
        layout: staff.layout(&staff.t().t("console-audit-title"), "audit"),
        page: page_of,
        verification,
        object: f.object,
        actor: f.actor,
    }))
}

/// One break of the chain in words.
pub fn describe(t: &Tr, b: &rampart_casework::audit::Break) -> String {
    use rampart_casework::audit::Break;
    // Sequence numbers are names of entries, not amounts: written as they are.
    let n = |v: &i64| Arg::Text(v.to_string());
    match b {
        Break::Edited { seq } => t.args("console-audit-break-edited", &[("seq", n(seq))]),
        Break::Missing { from, to } => t.args(
            "console-audit-break-missing",
            &[("from", n(from)), ("to", n(to))],
        ),
        Break::Unlinked { seq } => t.args("console-audit-break-unlinked", &[("seq", n(seq))]),
        Break::OutOfOrder { seq, after } => t.args(
            "console-audit-break-out-of-order",
            &[("seq", n(seq)), ("after", n(after))],
        ),
        Break::Truncated {
            checkpoint_seq,
            last_seq,
        } => t.args(
            "console-audit-break-truncated",
            &[("last", n(last_seq)), ("checkpoint", n(checkpoint_seq))],
        ),
        Break::Rewritten { seq } => t.args("console-audit-break-rewritten", &[("seq", n(seq))]),
        Break::ForgedCheckpoint { seq } => t.args("console-audit-break-forged", &[("seq", n(seq))]),
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/console/cases", get(list).post(open))
        .route("/console/cases/{id}", get(show).post(update))
        .route("/console/cases/{id}/links", post(add_link))
        .route("/console/cases/{id}/tasks", post(add_task))
        .route("/console/cases/{id}/tasks/{task}", post(task_done))
        .route("/console/cases/{id}/notes", post(add_note))
        .route("/console/cases/{id}/actions", post(new_action))
        .route("/console/actions/{id}", get(action))
        .route("/console/actions/{id}/{step}", post(action_step))
        .route("/console/blocklist", get(blocklist))
        .route("/console/blocklist/{id}/remove", post(unblock))
        .route("/console/audit", get(audit))
}
