//! Casework as the console and the API both do it: checks, permissions and the store calls
//! behind cases, tasks, notes, enforcement actions and the block list.
//!
//! Every function here takes the caller and the input as it arrived (a JSON body, a form), checks
//! the caller's permission and that they may see the case (restricted cases do not exist for
//! callers without [`Permission::Legal`]: 404, and left out of lists), bounds and parses every
//! field once, and answers with a [`Problem`] naming the fields that were wrong. The store
//! records each change in the audit chain in the same transaction.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use axum::http::StatusCode;
use futures::StreamExt;
use rampart_casework::notice::{self, NoticeInput, NoticeKind};
use rampart_casework::summary::{self, Figures, SummaryInput, SummaryReport};
use rampart_indicators::extract::IndicatorKind;
use rampart_store::{
    ActionRow, AuditFilter, AuditRow, CampaignRow, CaseChange, CaseFilter, CaseLink, CaseRow,
    ContactRow, IndicatorRow, LinkKind, NewNotice, NoticeRow, ReportCursor, ReportFilter,
    ReportRow, ReporterToTell, StoreError,
};
use serde::{Deserialize, Deserializer, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::{Caller, Permission};
use crate::i18n::{self, Tr, without_isolates};
use crate::intake::{millis, rfc3339};
use crate::problem::{FieldError, Problem};

/// Characters in a case's or a task's title.
pub const TITLE_MAX: usize = 200;
/// Characters in a case's summary, a note, an action's note or outcome.
pub const TEXT_MAX: usize = 20_000;
/// Characters in a reason (a merge, a dismissal, an unblock).
pub const REASON_MAX: usize = 2_000;
/// Objects linked or unlinked in one call.
pub const LINKS_MAX: usize = 100;
/// Characters in a name (a contact, a recipient, an agency).
pub const NAME_MAX: usize = 200;
/// Characters in an action's target (a URL can be long).
pub const TARGET_MAX: usize = 4_096;
/// Reports triaged in one call.
pub const TRIAGE_MAX: usize = 500;
/// Entries of the audit chain read in one call.
pub const AUDIT_MAX: u32 = 500;

macro_rules! closed_set {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vm])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            /// The accepted values, for error messages and forms.
            pub fn expected() -> String {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                format!("expected one of {}", names.join(", "))
            }
        }
    };
}

closed_set!(
    /// Where a case stands.
    CaseStatus {
        Open = "open",
        InProgress = "in_progress",
        Closed = "closed",
    }
);

closed_set!(
    /// How urgent a case is.
    Priority {
        Low = "low",
        Normal = "normal",
        High = "high",
        Urgent = "urgent",
    }
);

closed_set!(
    /// What an enforcement action does.
    ActionKind {
        /// An abuse notice to a domain's registrar or host.
        Takedown = "takedown",
        /// A report of a phone number to its carrier.
        CarrierReport = "carrier_report",
        /// An entry on the published block list.
        Blocklist = "blocklist",
        /// A warning to the reporters of the case.
        CustomerWarning = "customer_warning",
        /// A referral to law enforcement.
        LawEnforcement = "law_enforcement",
    }
);

closed_set!(
    /// Where an action is: `draft` until requested, then `requested`, and at the end
    /// `completed`, `failed` or `cancelled`.
    ActionStatus {
        Draft = "draft",
        Requested = "requested",
        Completed = "completed",
        Failed = "failed",
        Cancelled = "cancelled",
    }
);

closed_set!(
    /// Who an abuse contact is.
    ContactKind {
        Registrar = "registrar",
        Host = "host",
        Carrier = "carrier",
        LawEnforcement = "law_enforcement",
    }
);

closed_set!(
    /// What the block list holds.
    BlockKind {
        Domain = "domain",
        Url = "url",
        Email = "email",
        Phone = "phone",
        Ipv4 = "ipv4",
        Ipv6 = "ipv6",
    }
);

closed_set!(
    /// A triage decision as the API spells it.
    TriageDecision {
        Accept = "accept",
        Dismiss = "dismiss",
    }
);

impl ActionKind {
    /// What the caller needs to draft, request or close an action of this kind.
    pub fn permission(self) -> Permission {
        match self {
            ActionKind::LawEnforcement => Permission::Refer,
            _ => Permission::Act,
        }
    }

    fn notice_kind(self) -> Option<NoticeKind> {
        match self {
            ActionKind::Takedown => Some(NoticeKind::Takedown),
            ActionKind::CarrierReport => Some(NoticeKind::CarrierReport),
            ActionKind::LawEnforcement => Some(NoticeKind::LawEnforcementReferral),
            ActionKind::CustomerWarning => Some(NoticeKind::CustomerWarning),
            ActionKind::Blocklist => None,
        }
    }
}

impl BlockKind {
    /// The kind of a value by its shape: `://` makes a URL, `@` an e-mail, an IP address
    /// parses as one, `+` and digits make a phone number, anything else is a domain.
    pub fn of_value(value: &str) -> BlockKind {
        let v = value.trim();
        if v.contains("://") {
            BlockKind::Url
        } else if v.contains('@') {
            BlockKind::Email
        } else if v.parse::<std::net::Ipv4Addr>().is_ok() {
            BlockKind::Ipv4
        } else if v.parse::<std::net::Ipv6Addr>().is_ok() {
            BlockKind::Ipv6
        } else if looks_like_phone(v) {
            BlockKind::Phone
        } else {
            BlockKind::Domain
        }
    }
}

fn looks_like_phone(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && v.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'))
        && !v.contains("..")
        && (v.starts_with('+') || !v.contains('.'))
}

/// How a case is named outside (notices, packages).
pub fn case_reference(id: i64) -> String {
    format!("CASE-{id}")
}

/// How an action is named in its notices; registrars quote it back.
pub fn action_reference(id: i64) -> String {
    format!("ACT-{id}")
}

fn now_ms() -> i64 {
    millis(OffsetDateTime::now_utc())
}

// ---------------------------------------------------------------------------------------------
// Input checks

/// Problems with the fields of one request, collected so that all are reported at once.
#[derive(Debug, Default)]
struct Fields(Vec<FieldError>);

impl Fields {
    /// `pointer` names the field (`title`, `indicators/2`); empty for the whole request.
    fn push(&mut self, pointer: &str, detail: impl Into<String>) {
        self.0.push(FieldError {
            pointer: if pointer.is_empty() {
                "#".into()
            } else {
                format!("#/{pointer}")
            },
            detail: detail.into(),
            message: None,
        });
    }

    /// One line of text, trimmed: no control characters, at most `max` characters, and not
    /// empty when `required`.
    fn line(&mut self, pointer: &str, value: &str, max: usize, required: bool) -> String {
        let v = value.trim();
        if required && v.is_empty() {
            self.push(pointer, "must not be empty");
        } else if v.chars().count() > max {
            self.push(pointer, format!("at most {max} characters"));
        } else if v.chars().any(char::is_control) {
            self.push(pointer, "must be one line without control characters");
        }
        v.to_string()
    }

    /// Text of several lines, trimmed, line breaks as `\n`: no control characters but line
    /// breaks and tabs, at most `max` characters, not empty when `required`.
    fn text(&mut self, pointer: &str, value: &str, max: usize, required: bool) -> String {
        let v = value.replace("\r\n", "\n").replace('\r', "\n");
        let v = v.trim();
        if required && v.is_empty() {
            self.push(pointer, "must not be empty");
        } else if v.chars().count() > max {
            self.push(pointer, format!("at most {max} characters"));
        } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.push(pointer, "must not contain control characters");
        }
        v.to_string()
    }

    fn id(&mut self, pointer: &str, id: i64) {
        if id < 1 {
            self.push(pointer, "must be a positive id");
        }
    }

    fn done(self) -> Result<(), Problem> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Problem::invalid(self.0))
        }
    }
}

/// A plain e-mail address (no display name), with a domain of several labels.
pub fn plain_address(raw: &str) -> Result<String, &'static str> {
    let raw = raw.trim();
    if raw.chars().any(char::is_control) {
        return Err("must not contain control characters");
    }
    if raw.len() > 254 {
        return Err("at most 254 bytes");
    }
    let address = lettre::Address::from_str(raw).map_err(|_| "not an e-mail address")?;
    let domain = address.domain();
    if domain.starts_with('[') || domain.parse::<std::net::IpAddr>().is_ok() {
        return Err("the domain must be a name, not an IP address");
    }
    if !domain.trim_end_matches('.').contains('.') {
        return Err("the domain must have several labels");
    }
    Ok(address.to_string())
}

/// A due date: an RFC 3339 time, or a day (YYYY-MM-DD) that means its last millisecond, UTC.
pub fn parse_due(raw: &str) -> Option<i64> {
    let v = raw.trim();
    if let Ok(t) = OffsetDateTime::parse(v, &Rfc3339) {
        return Some(millis(t));
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = time::Date::parse(v, &format).ok()?;
    Some(millis(day.midnight().assume_utc()) + 86_400_000 - 1)
}

/// Reads a field that may be absent (`None`), `null` (`Some(None)`) or a value.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

// ---------------------------------------------------------------------------------------------
// Inputs

/// An indicator, by id or by kind and value (a phone number in any format).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(untagged)]
pub enum IndicatorRef {
    Id(i64),
    Value(IndicatorValue),
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// url, domain, email, phone, ipv4, ipv6, btc, eth or handle.
    pub kind: String,
    pub value: String,
}

/// A new case and what it is about.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenCase {
    /// One line, at most 200 characters.
    pub title: String,
    /// At most 20,000 characters.
    #[serde(default)]
    pub summary: Option<String>,
    /// low, normal (the default), high or urgent.
    #[serde(default)]
    pub priority: Option<String>,
    /// Only legal and admins may open a restricted case.
    #[serde(default)]
    pub restricted: Option<bool>,
    /// Assigning needs the manage-cases permission.
    #[serde(default)]
    pub assignee_id: Option<i64>,
    #[serde(default)]
    pub campaigns: Vec<i64>,
    #[serde(default)]
    pub reports: Vec<i64>,
    #[serde(default)]
    pub indicators: Vec<IndicatorRef>,
}

/// Objects to link to a case or unlink from it: at most 100 in one call.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Links {
    #[serde(default)]
    pub campaigns: Vec<i64>,
    #[serde(default)]
    pub reports: Vec<i64>,
    #[serde(default)]
    pub indicators: Vec<IndicatorRef>,
}

/// Changes to a case; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseUpdate {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// open, in_progress or closed (manage-cases permission).
    #[serde(default)]
    pub status: Option<String>,
    /// low, normal, high or urgent (manage-cases permission).
    #[serde(default)]
    pub priority: Option<String>,
    /// A user id, or null to unassign (manage-cases permission).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>)]
    pub assignee_id: Option<Option<i64>>,
    /// Legal permission.
    #[serde(default)]
    pub restricted: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTask {
    /// One line, at most 200 characters.
    pub title: String,
    /// RFC 3339, or a day (YYYY-MM-DD: due by its end, UTC).
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub assignee_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskUpdate {
    pub done: bool,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    /// At most 20,000 characters.
    pub body: String,
}

/// A new enforcement action, drafted: nothing is sent until it is requested.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewActionInput {
    /// takedown, carrier_report, blocklist, customer_warning or law_enforcement.
    pub kind: String,
    /// takedown: a domain of the case; carrier_report: a phone number of the case (any
    /// format); blocklist: a domain, URL, e-mail, phone or IP address of the case;
    /// law_enforcement: the agency (optional); customer_warning: unused.
    #[serde(default)]
    pub target: Option<String>,
    /// Where the notice goes; by default the abuse contact that matches the target.
    #[serde(default)]
    pub recipient_email: Option<String>,
    #[serde(default)]
    pub recipient_name: Option<String>,
    /// Included in the notice, indented as the investigator's words.
    #[serde(default)]
    pub note: Option<String>,
}

/// How an action ended, in words.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeInput {
    /// At most 2,000 characters, required.
    pub outcome: String,
}

/// Why, for the audit chain.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonInput {
    /// At most 2,000 characters, required.
    pub reason: String,
}

/// An abuse contact; replaces the one of the same kind and pattern.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    /// registrar, host, carrier or law_enforcement.
    pub kind: String,
    /// registrar/host: a domain suffix (`xyz`, `example-host.net`); carrier: an E.164 prefix
    /// (`+4477`); law_enforcement: a country (ISO 3166-1 alpha-2). `*` matches anything, last.
    pub pattern: String,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TriageInput {
    /// At most 500.
    pub report_ids: Vec<i64>,
    /// accept or dismiss.
    pub decision: String,
    /// Required to dismiss.
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInput {
    /// The campaign that remains.
    pub into: i64,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SplitInput {
    /// The indicators that wrongly tie the campaign together (1 to 100).
    pub indicator_ids: Vec<i64>,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CaseQuery {
    /// open, in_progress or closed.
    pub status: Option<String>,
    /// Cases assigned to this user id.
    pub assignee: Option<i64>,
    /// Cases linked to this campaign.
    pub campaign: Option<i64>,
    /// Cases linked to this report.
    pub report: Option<i64>,
    /// Cases linked to this indicator.
    pub indicator: Option<i64>,
    /// 1 to 200, default 50.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Entries about exactly this object (`case:4`, `campaign:7`).
    pub object: Option<String>,
    /// Entries by this actor (`user:alice`, `token:3`, `system`).
    pub actor: Option<String>,
    /// Entries filed under this case.
    pub case: Option<i64>,
    /// Entries before this sequence number (the previous page's `next_before`).
    pub before: Option<i64>,
    /// 1 to 500, default 100.
    pub limit: Option<u32>,
}

// ---------------------------------------------------------------------------------------------
// Views

/// A case as listed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseItem {
    pub id: i64,
    /// `CASE-<id>`, as notices quote it.
    pub reference: String,
    pub title: String,
    pub status: String,
    pub priority: String,
    pub restricted: bool,
    pub assignee_id: Option<i64>,
    pub assignee: Option<String>,
    pub opened_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
}

/// Something a case is about, with a label to show.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LinkView {
    /// campaign, report or indicator.
    pub kind: String,
    pub id: i64,
    /// A campaign: `#4, 12 reports`; a report: its reference; an indicator: kind and value.
    pub label: String,
    pub added_by: String,
    pub added_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TaskView {
    pub id: i64,
    pub title: String,
    pub assignee_id: Option<i64>,
    pub assignee: Option<String>,
    pub due_at: Option<String>,
    pub done: bool,
    pub done_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NoteView {
    pub id: i64,
    pub author: String,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionView {
    pub id: i64,
    /// `ACT-<id>`, as its notices quote it.
    pub reference: String,
    pub case_id: i64,
    pub kind: String,
    pub target: String,
    pub indicator_id: Option<i64>,
    /// draft, requested, completed, failed or cancelled.
    pub status: String,
    pub recipient_email: Option<String>,
    pub recipient_name: Option<String>,
    pub note: String,
    pub outcome: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub completed_at: Option<String>,
}

/// A message sent (or to be sent) for an action, exactly as composed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NoticeView {
    pub id: i64,
    /// takedown, carrier_report, law_enforcement, customer_warning or status_update.
    pub kind: String,
    pub report_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub language: Option<String>,
    /// queued, sent or failed.
    pub status: String,
    pub message_id: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionDetail {
    pub action: ActionView,
    pub notices: Vec<NoticeView>,
}

/// A value on the block list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct BlockValue {
    pub kind: String,
    pub value: String,
}

/// What requesting an action would send, composed now and not stored.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionPreview {
    pub kind: String,
    /// Whether it can be requested now.
    pub ready: bool,
    /// Why not, when it cannot.
    pub problem: Option<String>,
    /// Who it would go to (the first 100).
    pub recipients: Vec<String>,
    pub recipient_count: usize,
    pub subject: Option<String>,
    pub body: Option<String>,
    /// What a block-list action publishes.
    pub block: Option<BlockValue>,
}

/// An entry of the audit chain.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuditEntryView {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object: String,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
    pub case_id: Option<i64>,
    pub hash: String,
    pub prev_hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub entries: Vec<AuditEntryView>,
    /// Pass as `before` for the next page; absent on the last.
    pub next_before: Option<i64>,
}

/// A case with everything in it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseView {
    pub case: CaseItem,
    pub summary: String,
    pub links: Vec<LinkView>,
    /// Reports the case covers, directly or through its campaigns and indicators.
    pub report_count: usize,
    /// Whether there are more than the store gathers for one case (50,000).
    pub reports_truncated: bool,
    pub tasks: Vec<TaskView>,
    pub notes: Vec<NoteView>,
    pub actions: Vec<ActionView>,
    /// The newest 100 entries; the rest at `/cases/{id}/timeline`.
    pub timeline: Vec<AuditEntryView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactView {
    pub id: i64,
    pub kind: String,
    pub pattern: String,
    pub name: String,
    pub email: String,
}

fn opt_time(ms: Option<i64>) -> Option<String> {
    ms.map(rfc3339)
}

pub fn case_item(c: &CaseRow) -> CaseItem {
    CaseItem {
        id: c.id,
        reference: case_reference(c.id),
        title: c.title.clone(),
        status: c.status.clone(),
        priority: c.priority.clone(),
        restricted: c.restricted,
        assignee_id: c.assignee_id,
        assignee: c.assignee.clone(),
        opened_by: c.opened_by.clone(),
        created_at: rfc3339(c.created_at),
        updated_at: rfc3339(c.updated_at),
        closed_at: opt_time(c.closed_at),
    }
}

pub fn action_view(a: ActionRow) -> ActionView {
    ActionView {
        reference: action_reference(a.id),
        id: a.id,
        case_id: a.case_id,
        kind: a.kind,
        target: a.target,
        indicator_id: a.indicator_id,
        status: a.status,
        recipient_email: a.recipient_email,
        recipient_name: a.recipient_name,
        note: a.note,
        outcome: a.outcome,
        created_by: a.created_by,
        created_at: rfc3339(a.created_at),
        updated_at: rfc3339(a.updated_at),
        completed_at: opt_time(a.completed_at),
    }
}

pub fn notice_view(n: NoticeRow) -> NoticeView {
    NoticeView {
        id: n.id,
        kind: n.kind,
        report_id: n.report_id,
        recipient: n.recipient,
        subject: n.subject,
        body: n.body,
        language: n.language,
        status: n.status,
        message_id: n.message_id,
        last_error: n.last_error,
        created_at: rfc3339(n.created_at),
        sent_at: opt_time(n.sent_at),
    }
}

pub fn audit_view(r: AuditRow) -> AuditEntryView {
    let e = r.entry;
    AuditEntryView {
        seq: e.seq,
        at: rfc3339(e.event.at),
        detail: serde_json::from_str(&e.event.detail)
            .unwrap_or(serde_json::Value::String(e.event.detail)),
        actor: e.event.actor,
        action: e.event.action,
        object: e.event.object,
        case_id: r.case_id,
        hash: e.hash,
        prev_hash: e.prev_hash,
    }
}

fn contact_view(c: ContactRow) -> ContactView {
    ContactView {
        id: c.id,
        kind: c.kind,
        pattern: c.pattern,
        name: c.name,
        email: c.email,
    }
}

// ---------------------------------------------------------------------------------------------
// Cases

/// The case, if the caller may see it: a restricted case is "not found" without the legal
/// permission, so its existence does not leak.
pub async fn visible_case(state: &AppState, caller: &Caller, id: i64) -> Result<CaseRow, Problem> {
    let case = state
        .store
        .case(id)
        .await?
        .ok_or_else(|| Problem::not_found("case"))?;
    if case.restricted && !caller.can(Permission::Legal) {
        return Err(Problem::not_found("case"));
    }
    Ok(case)
}

/// A user who can be given work.
async fn check_assignee(
    state: &AppState,
    f: &mut Fields,
    pointer: &str,
    id: i64,
) -> Result<(), Problem> {
    match state.store.user(id).await? {
        Some(u) if u.disabled_at.is_none() => {}
        Some(_) => f.push(pointer, "this account is disabled"),
        None => f.push(pointer, "no such user"),
    }
    Ok(())
}

/// The store refused a link because the object does not exist: that is the request's fault.
fn link_error(e: StoreError) -> Problem {
    if let StoreError::NotFound(what) = &e {
        let pointer = ["campaign", "report", "indicator"]
            .into_iter()
            .find(|k| what.starts_with(k));
        if let Some(k) = pointer {
            return Problem::invalid(vec![FieldError {
                pointer: format!("#/{k}s"),
                detail: format!("no {what}"),
                message: None,
            }]);
        }
    }
    e.into()
}

/// Checks a list of links and finds indicators given by value.
async fn resolve_links(
    state: &AppState,
    f: &mut Fields,
    campaigns: &[i64],
    reports: &[i64],
    indicators: &[IndicatorRef],
) -> Result<Vec<(LinkKind, i64)>, Problem> {
    let total = campaigns.len() + reports.len() + indicators.len();
    if total > LINKS_MAX {
        f.push(
            "",
            format!("at most {LINKS_MAX} links in one call, not {total}"),
        );
        return Ok(Vec::new());
    }
    let mut out = Vec::with_capacity(total);
    for (i, &c) in campaigns.iter().enumerate() {
        f.id(&format!("campaigns/{i}"), c);
        out.push((LinkKind::Campaign, c));
    }
    for (i, &r) in reports.iter().enumerate() {
        f.id(&format!("reports/{i}"), r);
        out.push((LinkKind::Report, r));
    }
    for (i, ind) in indicators.iter().enumerate() {
        let pointer = format!("indicators/{i}");
        match ind {
            IndicatorRef::Id(id) => {
                f.id(&pointer, *id);
                out.push((LinkKind::Indicator, *id));
            }
            IndicatorRef::Value(v) => {
                const KINDS: [&str; 9] = [
                    "url", "domain", "email", "phone", "ipv4", "ipv6", "btc", "eth", "handle",
                ];
                if !KINDS.contains(&v.kind.as_str()) {
                    f.push(
                        &format!("{pointer}/kind"),
                        format!("expected one of {}", KINDS.join(", ")),
                    );
                    continue;
                }
                if v.value.len() > TARGET_MAX || v.value.trim().is_empty() {
                    f.push(
                        &format!("{pointer}/value"),
                        format!("1 to {TARGET_MAX} bytes"),
                    );
                    continue;
                }
                let value = crate::processing::normalise_lookup(&v.kind, &v.value);
                match state.store.indicator(&v.kind, &value, 0).await? {
                    Some(d) => out.push((LinkKind::Indicator, d.indicator.id)),
                    None => f.push(&pointer, "no such indicator has been reported"),
                }
            }
        }
    }
    Ok(out)
}

/// Opens a case from campaigns, reports and indicators. Returns its id.
pub async fn open_case(state: &AppState, caller: &Caller, input: OpenCase) -> Result<i64, Problem> {
    caller.require(Permission::WorkCases)?;
    let mut f = Fields::default();
    let title = f.line("title", &input.title, TITLE_MAX, true);
    let summary = f.text(
        "summary",
        input.summary.as_deref().unwrap_or(""),
        TEXT_MAX,
        false,
    );
    let priority = match input.priority.as_deref() {
        None => Priority::Normal,
        Some(p) => Priority::parse(p).unwrap_or_else(|| {
            f.push("priority", Priority::expected());
            Priority::Normal
        }),
    };
    let restricted = input.restricted.unwrap_or(false);
    if restricted {
        caller.require(Permission::Legal)?;
    }
    if let Some(a) = input.assignee_id {
        caller.require(Permission::ManageCases)?;
        check_assignee(state, &mut f, "assignee_id", a).await?;
    }
    let links = resolve_links(
        state,
        &mut f,
        &input.campaigns,
        &input.reports,
        &input.indicators,
    )
    .await?;
    f.done()?;
    let new = rampart_store::NewCase {
        title,
        summary,
        priority: priority.as_str().to_string(),
        restricted,
        assignee_id: input.assignee_id,
        links,
    };
    state
        .store
        .open_case(&new, &caller.actor(), now_ms())
        .await
        .map_err(link_error)
}

/// Cases the caller may see, most recently changed first.
pub async fn list_cases(
    state: &AppState,
    caller: &Caller,
    q: CaseQuery,
) -> Result<Vec<CaseItem>, Problem> {
    caller.require(Permission::Read)?;
    let mut f = Fields::default();
    if let Some(s) = &q.status
        && CaseStatus::parse(s).is_none()
    {
        f.push("status", CaseStatus::expected());
    }
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        f.push("limit", "must be between 1 and 200");
    }
    let linked: Vec<(LinkKind, i64)> = [
        (LinkKind::Campaign, q.campaign),
        (LinkKind::Report, q.report),
        (LinkKind::Indicator, q.indicator),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    if linked.len() > 1 {
        f.push("campaign", "filter by one of campaign, report or indicator");
    }
    f.done()?;
    let filter = CaseFilter {
        status: q.status,
        hide_restricted: !caller.can(Permission::Legal),
        assignee_id: q.assignee,
        linked: linked.first().copied(),
    };
    Ok(state
        .store
        .cases(&filter, limit)
        .await?
        .iter()
        .map(case_item)
        .collect())
}

/// A case with its links (labelled), tasks, notes, actions and latest timeline.
pub async fn get_case(state: &AppState, caller: &Caller, id: i64) -> Result<CaseView, Problem> {
    caller.require(Permission::Read)?;
    let case = visible_case(state, caller, id).await?;
    let links = state.store.case_links(id).await?;
    let gathered = gather(state, id, &links).await?;
    let report_labels = report_references(state, &links).await?;
    let link_views = links
        .iter()
        .map(|l| LinkView {
            kind: l.kind.as_str().to_string(),
            id: l.id,
            label: label(l, &gathered, &report_labels),
            added_by: l.added_by.clone(),
            added_at: rfc3339(l.added_at),
        })
        .collect();
    let tasks = state
        .store
        .tasks(id)
        .await?
        .into_iter()
        .map(|t| TaskView {
            id: t.id,
            title: t.title,
            assignee_id: t.assignee_id,
            assignee: t.assignee,
            due_at: opt_time(t.due_at),
            done: t.done_at.is_some(),
            done_at: opt_time(t.done_at),
            created_by: t.created_by,
            created_at: rfc3339(t.created_at),
        })
        .collect();
    let notes = state
        .store
        .notes(id)
        .await?
        .into_iter()
        .map(|n| NoteView {
            id: n.id,
            author: n.author,
            body: n.body,
            created_at: rfc3339(n.created_at),
        })
        .collect();
    let actions = state
        .store
        .actions(Some(id), 1000)
        .await?
        .into_iter()
        .map(action_view)
        .collect();
    let timeline = state
        .store
        .case_timeline(id, 100)
        .await?
        .into_iter()
        .map(audit_view)
        .collect();
    Ok(CaseView {
        case: case_item(&case),
        summary: case.summary,
        links: link_views,
        report_count: gathered.report_ids.len(),
        reports_truncated: gathered.more_reports,
        tasks,
        notes,
        actions,
        timeline,
    })
}

fn label(l: &CaseLink, g: &Gathered, reports: &HashMap<i64, String>) -> String {
    match l.kind {
        LinkKind::Campaign => match g.campaigns.get(&l.id) {
            Some(c) if c.merged_into.is_some() => format!(
                "#{}, merged into #{}",
                c.id,
                c.merged_into.unwrap_or_default()
            ),
            Some(c) => format!(
                "#{}, {} {}",
                c.id,
                c.report_count,
                if c.report_count == 1 {
                    "report"
                } else {
                    "reports"
                }
            ),
            None => format!("#{}", l.id),
        },
        LinkKind::Report => reports
            .get(&l.id)
            .cloned()
            .unwrap_or_else(|| format!("report #{}", l.id)),
        LinkKind::Indicator => match g.indicators.get(&l.id) {
            Some((i, _)) => format!("{} {}", i.kind, summary::clean(&i.value, 200)),
            None => format!("indicator #{}", l.id),
        },
        other => format!("{} #{}", other.as_str(), l.id),
    }
}

/// The references of the reports a case links to directly.
async fn report_references(
    state: &AppState,
    links: &[CaseLink],
) -> Result<HashMap<i64, String>, Problem> {
    let ids: Vec<i64> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Report)
        .map(|l| l.id)
        .take(1000)
        .collect();
    let rows: Vec<Result<Option<ReportRow>, StoreError>> = futures::stream::iter(ids)
        .map(|id| async move { state.store.report(id).await })
        .buffer_unordered(8)
        .collect()
        .await;
    let mut out = HashMap::new();
    for r in rows {
        if let Some(r) = r? {
            out.insert(r.id, r.reference);
        }
    }
    Ok(out)
}

/// Applies a change to a case. Title and summary need the work-cases permission; status,
/// priority and assignee manage-cases; restricting legal. Every field is checked before any is
/// changed.
pub async fn change_case(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: CaseUpdate,
) -> Result<(), Problem> {
    caller.require(Permission::WorkCases)?;
    visible_case(state, caller, id).await?;
    let mut f = Fields::default();
    let nothing = input.title.is_none()
        && input.summary.is_none()
        && input.status.is_none()
        && input.priority.is_none()
        && input.assignee_id.is_none()
        && input.restricted.is_none();
    if nothing {
        f.push(
            "",
            "nothing to change: give title, summary, status, priority, assignee_id or restricted",
        );
    }
    let mut changes = Vec::new();
    if let Some(t) = &input.title {
        changes.push(CaseChange::Title(f.line("title", t, TITLE_MAX, true)));
    }
    if let Some(s) = &input.summary {
        changes.push(CaseChange::Summary(f.text("summary", s, TEXT_MAX, false)));
    }
    if let Some(p) = &input.priority {
        caller.require(Permission::ManageCases)?;
        match Priority::parse(p) {
            Some(p) => changes.push(CaseChange::Priority(p.as_str().into())),
            None => f.push("priority", Priority::expected()),
        }
    }
    if let Some(s) = &input.status {
        caller.require(Permission::ManageCases)?;
        match CaseStatus::parse(s) {
            Some(s) => changes.push(CaseChange::Status(s.as_str().into())),
            None => f.push("status", CaseStatus::expected()),
        }
    }
    if let Some(a) = input.assignee_id {
        caller.require(Permission::ManageCases)?;
        if let Some(a) = a {
            check_assignee(state, &mut f, "assignee_id", a).await?;
        }
        changes.push(CaseChange::Assignee(a));
    }
    if let Some(r) = input.restricted {
        caller.require(Permission::Legal)?;
        changes.push(CaseChange::Restricted(r));
    }
    f.done()?;
    let actor = caller.actor();
    for change in &changes {
        state
            .store
            .change_case(id, change, &actor, now_ms())
            .await?;
    }
    Ok(())
}

/// The objects a link or unlink names, resolved, after the permission and visibility checks.
async fn checked_links(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: &Links,
) -> Result<Vec<(LinkKind, i64)>, Problem> {
    caller.require(Permission::WorkCases)?;
    visible_case(state, caller, id).await?;
    let mut f = Fields::default();
    let links = resolve_links(
        state,
        &mut f,
        &input.campaigns,
        &input.reports,
        &input.indicators,
    )
    .await?;
    if links.is_empty() {
        f.push("", "name at least one campaign, report or indicator");
    }
    f.done()?;
    Ok(links)
}

/// Links objects to a case; returns how many were new.
pub async fn link(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: Links,
) -> Result<usize, Problem> {
    let links = checked_links(state, caller, id, &input).await?;
    let actor = caller.actor();
    let mut added = 0;
    for (kind, ref_id) in links {
        if state
            .store
            .link_case(id, kind, ref_id, &actor, now_ms())
            .await
            .map_err(link_error)?
        {
            added += 1;
        }
    }
    Ok(added)
}

/// Unlinks objects from a case; returns how many were linked.
pub async fn unlink(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: Links,
) -> Result<usize, Problem> {
    let links = checked_links(state, caller, id, &input).await?;
    let actor = caller.actor();
    let mut removed = 0;
    for (kind, ref_id) in links {
        if state
            .store
            .unlink_case(id, kind, ref_id, &actor, now_ms())
            .await?
        {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Adds a task; returns its id.
pub async fn add_task(
    state: &AppState,
    caller: &Caller,
    case_id: i64,
    input: NewTask,
) -> Result<i64, Problem> {
    caller.require(Permission::WorkCases)?;
    visible_case(state, caller, case_id).await?;
    let mut f = Fields::default();
    let title = f.line("title", &input.title, TITLE_MAX, true);
    let due = match input
        .due
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(d) => {
            let parsed = if d.len() > 64 { None } else { parse_due(d) };
            if parsed.is_none() {
                f.push(
                    "due",
                    "not an RFC 3339 time such as 2026-11-21T17:00:00Z or a date such as 2026-11-21",
                );
            }
            parsed
        }
    };
    if let Some(a) = input.assignee_id {
        check_assignee(state, &mut f, "assignee_id", a).await?;
    }
    f.done()?;
    Ok(state
        .store
        .add_task(
            case_id,
            &title,
            input.assignee_id,
            due,
            &caller.actor(),
            now_ms(),
        )
        .await?)
}

/// Marks a task done or not done.
pub async fn set_task_done(
    state: &AppState,
    caller: &Caller,
    case_id: i64,
    task_id: i64,
    input: TaskUpdate,
) -> Result<(), Problem> {
    caller.require(Permission::WorkCases)?;
    visible_case(state, caller, case_id).await?;
    state
        .store
        .set_task_done(case_id, task_id, input.done, &caller.actor(), now_ms())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => Problem::not_found("task"),
            e => e.into(),
        })
}

/// Adds a note; returns its id.
pub async fn add_note(
    state: &AppState,
    caller: &Caller,
    case_id: i64,
    input: NewNote,
) -> Result<i64, Problem> {
    caller.require(Permission::WorkCases)?;
    visible_case(state, caller, case_id).await?;
    let mut f = Fields::default();
    let body = f.text("body", &input.body, TEXT_MAX, true);
    f.done()?;
    Ok(state
        .store
        .add_note(case_id, &body, &caller.actor(), now_ms())
        .await?)
}

/// Everything that happened to a case, newest first.
pub async fn timeline(
    state: &AppState,
    caller: &Caller,
    case_id: i64,
    limit: Option<u32>,
) -> Result<Vec<AuditEntryView>, Problem> {
    caller.require(Permission::Read)?;
    visible_case(state, caller, case_id).await?;
    let limit = limit.unwrap_or(200);
    if !(1..=1000).contains(&limit) {
        let mut f = Fields::default();
        f.push("limit", "must be between 1 and 1000");
        f.done()?;
    }
    Ok(state
        .store
        .case_timeline(case_id, limit)
        .await?
        .into_iter()
        .map(audit_view)
        .collect())
}

// ---------------------------------------------------------------------------------------------
// What a case is about, gathered for labels, figures and notices

/// The reports read per page of a campaign.
const PAGE: u32 = 200;
/// Reports whose indicators are read, at most, to name indicators linked by id.
const INDICATOR_SCAN: usize = 300;

/// A case's campaigns and indicators, with how many of its reports carry each indicator.
struct Gathered {
    campaigns: HashMap<i64, CampaignRow>,
    indicators: HashMap<i64, (IndicatorRow, i64)>,
    report_ids: Vec<i64>,
    more_reports: bool,
}

async fn gather(state: &AppState, case_id: i64, links: &[CaseLink]) -> Result<Gathered, Problem> {
    let (report_ids, more_reports) = state.store.case_report_ids(case_id).await?;
    let mut g = Gathered {
        campaigns: HashMap::new(),
        indicators: HashMap::new(),
        report_ids,
        more_reports,
    };
    fn add(g: &mut Gathered, row: IndicatorRow, n: i64) {
        let entry = g.indicators.entry(row.id).or_insert((row, 0));
        entry.1 = entry.1.max(n);
    }
    for l in links.iter().filter(|l| l.kind == LinkKind::Campaign) {
        if let Some(d) = state.store.campaign(l.id, 200).await? {
            for (row, n) in d.indicators {
                add(&mut g, row, n);
            }
            g.campaigns.insert(l.id, d.campaign);
        }
    }
    let linked_reports: Vec<i64> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Report)
        .map(|l| l.id)
        .take(200)
        .collect();
    let mut per_report: HashMap<i64, (IndicatorRow, i64)> = HashMap::new();
    for r in linked_reports {
        for ri in state.store.report_indicators(r).await? {
            let e = per_report
                .entry(ri.indicator.id)
                .or_insert((ri.indicator, 0));
            e.1 += 1;
        }
    }
    for (_, (row, n)) in per_report {
        add(&mut g, row, n);
    }
    // Indicators linked by id: named from the reports that carry them (every such report is
    // one of the case's), as far as a bounded scan finds them.
    let mut unnamed: HashSet<i64> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Indicator && !g.indicators.contains_key(&l.id))
        .map(|l| l.id)
        .collect();
    let ids: Vec<i64> = g.report_ids.iter().rev().copied().collect();
    for r in ids.into_iter().take(INDICATOR_SCAN) {
        if unnamed.is_empty() {
            break;
        }
        for ri in state.store.report_indicators(r).await? {
            if unnamed.remove(&ri.indicator.id) {
                let n = ri.indicator.report_count;
                add(&mut g, ri.indicator, n);
            }
        }
    }
    // A directly linked indicator's reports are all the case's.
    for l in links.iter().filter(|l| l.kind == LinkKind::Indicator) {
        if let Some(e) = g.indicators.get_mut(&l.id) {
            e.1 = e.1.max(e.0.report_count);
        }
    }
    Ok(g)
}

impl Gathered {
    /// The indicators a notice lists: never the brand's own channels, nor values on the
    /// warning list (a free-mail domain, a shortener's bare domain), though a full URL on a
    /// shortener is specific enough to list.
    fn for_notice(&self) -> Vec<(IndicatorKind, String, i64)> {
        let mut out: Vec<(IndicatorKind, String, i64)> = self
            .indicators
            .values()
            .filter(|(i, _)| i.verdict != "official")
            .filter(|(i, _)| i.warning.is_none() || i.kind == "url")
            .filter_map(|(i, n)| IndicatorKind::parse(&i.kind).map(|k| (k, i.value.clone(), *n)))
            .collect();
        out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        out
    }
}

/// A report of the case, as figures and warnings need it.
struct CaseReport {
    id: i64,
    summary: SummaryReport,
    email: Option<String>,
    locale: Option<String>,
}

fn case_report(r: ReportRow) -> CaseReport {
    CaseReport {
        id: r.id,
        email: r.reporter_email,
        locale: r.locale,
        summary: SummaryReport {
            reference: r.reference,
            received_at: r.received_at,
            channel: r.channel,
            country: r.country,
            language: r.language,
            reporter_key: r.reporter_key,
            loss: r.money_minor.zip(r.money_currency),
            subject: r.subject,
            raw_sha256: r.raw_sha256,
            raw_file: String::new(),
        },
    }
}

/// Every report of the case (up to the store's bound), oldest first: a page at a time through
/// its campaigns, then one by one for reports linked directly or through indicators.
async fn case_reports(
    state: &AppState,
    links: &[CaseLink],
    report_ids: &[i64],
) -> Result<Vec<CaseReport>, Problem> {
    let mut wanted: HashSet<i64> = report_ids.iter().copied().collect();
    let mut found: HashMap<i64, CaseReport> = HashMap::with_capacity(report_ids.len());
    // A campaign far larger than what the case gathers is not read to its end.
    let mut budget = 2 * rampart_store::CASE_REPORTS_MAX as usize;
    for l in links.iter().filter(|l| l.kind == LinkKind::Campaign) {
        let filter = ReportFilter {
            campaign_id: Some(l.id),
            ..ReportFilter::default()
        };
        let mut cursor = None;
        while !wanted.is_empty() && budget > 0 {
            let page = state.store.reports(&filter, cursor, PAGE).await?;
            budget = budget.saturating_sub(page.len());
            let full = page.len() == PAGE as usize;
            cursor = page.last().map(|r| ReportCursor {
                received_at: r.received_at,
                id: r.id,
            });
            for r in page {
                if wanted.remove(&r.id) {
                    found.insert(r.id, case_report(r));
                }
            }
            if !full {
                break;
            }
        }
    }
    let rest: Vec<i64> = wanted.into_iter().collect();
    let rows: Vec<Result<Option<ReportRow>, StoreError>> = futures::stream::iter(rest)
        .map(|id| async move { state.store.report(id).await })
        .buffer_unordered(8)
        .collect()
        .await;
    for r in rows {
        if let Some(r) = r? {
            found.insert(r.id, case_report(r));
        }
    }
    Ok(report_ids
        .iter()
        .filter_map(|id| found.remove(id))
        .collect())
}

fn figures_of(reports: &[CaseReport]) -> Figures {
    summary::figures(&SummaryInput {
        case_reference: String::new(),
        title: String::new(),
        status: String::new(),
        opened_at: 0,
        generated_at: 0,
        producer: String::new(),
        campaigns: Vec::new(),
        indicators: Vec::new(),
        reports: reports.iter().map(|r| r.summary.clone()).collect(),
        timeline: Vec::new(),
    })
}

/// Distinct reporter addresses (compared in lower case), each with the report and locale it
/// first came with.
fn reporters(reports: &[CaseReport]) -> Vec<(i64, String, Option<String>)> {
    let mut seen = HashSet::new();
    reports
        .iter()
        .filter_map(|r| {
            let email = r.email.as_deref()?.trim();
            (!email.is_empty() && seen.insert(email.to_lowercase()))
                .then(|| (r.id, email.to_string(), r.locale.clone()))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Abuse contacts

/// The registrar or host contact for `domain`: the one whose pattern is the longest suffix of
/// the domain on a label boundary (`xyz` matches `scam.xyz`, not `scamxyz`); `*` matches any
/// domain, last; on a tie the registrar wins.
pub fn domain_contact<'a>(contacts: &'a [ContactRow], domain: &str) -> Option<&'a ContactRow> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    contacts
        .iter()
        .filter(|c| c.kind == "registrar" || c.kind == "host")
        .filter_map(|c| {
            let p = c.pattern.trim().trim_matches('.').to_ascii_lowercase();
            let score = if p == "*" {
                0
            } else if !p.is_empty()
                && (domain == p
                    || domain
                        .strip_suffix(p.as_str())
                        .is_some_and(|rest| rest.ends_with('.')))
            {
                p.len() + 1
            } else {
                return None;
            };
            Some((score, c.kind == "registrar", c))
        })
        .max_by_key(|(score, registrar, _)| (*score, *registrar))
        .map(|(_, _, c)| c)
}

/// The carrier contact for an E.164 number: the longest matching prefix; `*` last.
pub fn phone_contact<'a>(contacts: &'a [ContactRow], e164: &str) -> Option<&'a ContactRow> {
    contacts
        .iter()
        .filter(|c| c.kind == "carrier")
        .filter_map(|c| {
            let p: String = c.pattern.chars().filter(|ch| !ch.is_whitespace()).collect();
            if p == "*" {
                Some((0, c))
            } else if p.len() > 1 && e164.starts_with(&p) {
                Some((p.len(), c))
            } else {
                None
            }
        })
        .max_by_key(|(score, _)| *score)
        .map(|(_, c)| c)
}

/// The law-enforcement contact for a country (the case's most common reporter country), or
/// the one with pattern `*`.
pub fn police_contact<'a>(
    contacts: &'a [ContactRow],
    country: Option<&str>,
) -> Option<&'a ContactRow> {
    let police = || contacts.iter().filter(|c| c.kind == "law_enforcement");
    country
        .and_then(|country| police().find(|c| c.pattern.trim().eq_ignore_ascii_case(country)))
        .or_else(|| police().find(|c| c.pattern.trim() == "*"))
}

/// Abuse contacts, for whoever may act.
pub async fn contacts(state: &AppState, caller: &Caller) -> Result<Vec<ContactView>, Problem> {
    caller.require(Permission::Act)?;
    Ok(state
        .store
        .contacts()
        .await?
        .into_iter()
        .map(contact_view)
        .collect())
}

/// A contact's pattern in its one stored form, or why it is not one.
fn contact_pattern(kind: ContactKind, raw: &str) -> Result<String, String> {
    let p = raw.trim();
    if p == "*" {
        return Ok(p.into());
    }
    match kind {
        ContactKind::Registrar | ContactKind::Host => {
            let p = p.trim_matches('.').to_ascii_lowercase();
            let labels_ok = !p.is_empty()
                && p.len() <= 253
                && p.split('.').all(|l| {
                    (1..=63).contains(&l.len())
                        && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        && !l.starts_with('-')
                        && !l.ends_with('-')
                });
            if labels_ok {
                Ok(p)
            } else {
                Err("a domain suffix such as `xyz` or `example-host.net` (ASCII, punycode for IDNs), or `*`".into())
            }
        }
        ContactKind::Carrier => {
            let p: String = p.chars().filter(|c| !c.is_whitespace()).collect();
            let digits = p.strip_prefix('+').unwrap_or("");
            if (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                Ok(p)
            } else {
                Err("an E.164 prefix such as `+4477`, or `*`".into())
            }
        }
        ContactKind::LawEnforcement => crate::codes::country(p)
            .ok_or_else(|| "a country (ISO 3166-1 alpha-2) such as `GB`, or `*`".into()),
    }
}

/// Adds or replaces the contact for its kind and pattern.
pub async fn put_contact(
    state: &AppState,
    caller: &Caller,
    input: ContactInput,
) -> Result<ContactView, Problem> {
    caller.require(Permission::Admin)?;
    let mut f = Fields::default();
    let kind = ContactKind::parse(&input.kind);
    if kind.is_none() {
        f.push("kind", ContactKind::expected());
    }
    let pattern = match kind.map(|k| contact_pattern(k, &input.pattern)) {
        Some(Ok(p)) => p,
        Some(Err(why)) => {
            f.push("pattern", why);
            String::new()
        }
        None => String::new(),
    };
    let name = f.line("name", &input.name, NAME_MAX, true);
    let email = match plain_address(&input.email) {
        Ok(e) => e,
        Err(why) => {
            f.push("email", why);
            String::new()
        }
    };
    f.done()?;
    let Some(kind) = kind else {
        return Err(Problem::internal());
    };
    let id = state
        .store
        .put_contact(
            kind.as_str(),
            &pattern,
            &name,
            &email,
            &caller.actor(),
            now_ms(),
        )
        .await?;
    Ok(ContactView {
        id,
        kind: kind.as_str().into(),
        pattern,
        name,
        email,
    })
}

pub async fn delete_contact(state: &AppState, caller: &Caller, id: i64) -> Result<(), Problem> {
    caller.require(Permission::Admin)?;
    state
        .store
        .delete_contact(id, &caller.actor(), now_ms())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => Problem::not_found("contact"),
            e => e.into(),
        })
}

// ---------------------------------------------------------------------------------------------
// Actions

/// The indicator of the case with this kind and (normalised) value: linked directly, or
/// reported in one of the case's campaigns or reports.
async fn case_indicator(
    state: &AppState,
    case_id: i64,
    links: &[CaseLink],
    kind: &str,
    value: &str,
) -> Result<Option<i64>, Problem> {
    let Some(d) = state.store.indicator(kind, value, 1000).await? else {
        return Ok(None);
    };
    let id = d.indicator.id;
    let linked = links.iter().any(|l| match l.kind {
        LinkKind::Indicator => l.id == id,
        LinkKind::Campaign => d.campaign_ids.contains(&l.id),
        LinkKind::Report => d.report_ids.contains(&l.id),
        _ => false,
    });
    if linked {
        return Ok(Some(id));
    }
    let (ids, _) = state.store.case_report_ids(case_id).await?;
    let ids: HashSet<i64> = ids.into_iter().collect();
    Ok(d.report_ids.iter().any(|r| ids.contains(r)).then_some(id))
}

/// Drafts an action on a case; returns its id. The target of a takedown, a carrier report or a
/// block-list entry must be an indicator of the case; the recipient, when not given, is the
/// abuse contact that matches it (an action without one can be drafted, not requested).
pub async fn create_action(
    state: &AppState,
    caller: &Caller,
    case_id: i64,
    input: NewActionInput,
) -> Result<i64, Problem> {
    caller.require(Permission::Act)?;
    let mut f = Fields::default();
    let Some(kind) = ActionKind::parse(&input.kind) else {
        f.push("kind", ActionKind::expected());
        return Err(f.done().err().unwrap_or_else(Problem::internal));
    };
    caller.require(kind.permission())?;
    visible_case(state, caller, case_id).await?;
    let links = state.store.case_links(case_id).await?;
    let raw_target = input.target.as_deref().unwrap_or("").trim();
    let note = f.text("note", input.note.as_deref().unwrap_or(""), TEXT_MAX, false);
    let mut recipient_name = input
        .recipient_name
        .as_deref()
        .map(|n| f.line("recipient_name", n, NAME_MAX, false))
        .filter(|n| !n.is_empty());
    let mut recipient_email = match input.recipient_email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(e) => match plain_address(e) {
            Ok(e) => Some(e),
            Err(why) => {
                f.push("recipient_email", why);
                None
            }
        },
    };
    if matches!(kind, ActionKind::Blocklist | ActionKind::CustomerWarning)
        && (recipient_email.is_some() || recipient_name.is_some())
    {
        f.push(
            "recipient_email",
            "block-list entries have no recipient, and customer warnings go to the case's reporters",
        );
    }
    let mut target = String::new();
    let mut indicator_id = None;
    match kind {
        ActionKind::Takedown | ActionKind::CarrierReport | ActionKind::Blocklist => {
            let block_kind = match kind {
                ActionKind::Takedown => BlockKind::Domain,
                ActionKind::CarrierReport => BlockKind::Phone,
                _ => BlockKind::of_value(raw_target),
            };
            if raw_target.is_empty() {
                f.push("target", "must name an indicator of the case");
            } else if raw_target.len() > TARGET_MAX || raw_target.chars().any(char::is_control) {
                f.push("target", format!("one line of at most {TARGET_MAX} bytes"));
            } else if BlockKind::of_value(raw_target) != block_kind {
                f.push(
                    "target",
                    match kind {
                        ActionKind::Takedown => {
                            "a takedown targets a domain, such as example-scam.com"
                        }
                        _ => "a carrier report targets a phone number, such as +44 7700 900123",
                    },
                );
            } else {
                let value = crate::processing::normalise_lookup(block_kind.as_str(), raw_target);
                if kind == ActionKind::CarrierReport && !value.starts_with('+') {
                    f.push("target", "not a phone number that can be read as E.164");
                } else {
                    match case_indicator(state, case_id, &links, block_kind.as_str(), &value)
                        .await?
                    {
                        Some(id) => {
                            indicator_id = Some(id);
                            target = value;
                        }
                        None => f.push(
                            "target",
                            format!(
                                "no {} {value} was reported in this case",
                                block_kind.as_str()
                            ),
                        ),
                    }
                }
            }
        }
        ActionKind::LawEnforcement | ActionKind::CustomerWarning => {
            target = f.line("target", raw_target, NAME_MAX, false);
        }
    }
    f.done()?;
    // The recipient from the abuse contacts, when none was given.
    if recipient_email.is_none()
        && matches!(
            kind,
            ActionKind::Takedown | ActionKind::CarrierReport | ActionKind::LawEnforcement
        )
    {
        let contacts = state.store.contacts().await?;
        let country = if kind == ActionKind::LawEnforcement {
            let reports = case_reports(
                state,
                &links,
                &state.store.case_report_ids(case_id).await?.0,
            )
            .await?;
            figures_of(&reports).countries.first().map(|c| c.0.clone())
        } else {
            None
        };
        if let Some(c) = contact_for(kind, &contacts, &target, country.as_deref()) {
            recipient_email = Some(c.email.clone());
            recipient_name = recipient_name.or_else(|| Some(c.name.clone()));
        }
    }
    if kind == ActionKind::LawEnforcement && target.is_empty() {
        target = recipient_name.clone().unwrap_or_default();
    }
    let new = rampart_store::NewAction {
        case_id,
        kind: kind.as_str().into(),
        target,
        indicator_id,
        recipient_email,
        recipient_name,
        note,
    };
    Ok(state
        .store
        .create_action(&new, &caller.actor(), now_ms())
        .await?)
}

fn contact_for<'a>(
    kind: ActionKind,
    contacts: &'a [ContactRow],
    target: &str,
    country: Option<&str>,
) -> Option<&'a ContactRow> {
    match kind {
        ActionKind::Takedown => domain_contact(contacts, target),
        ActionKind::CarrierReport => phone_contact(contacts, target),
        ActionKind::LawEnforcement => police_contact(contacts, country),
        ActionKind::Blocklist | ActionKind::CustomerWarning => None,
    }
}

/// The action and its case, if the caller may see the case.
async fn visible_action(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<(ActionRow, CaseRow, ActionKind), Problem> {
    let action = state
        .store
        .action(id)
        .await?
        .ok_or_else(|| Problem::not_found("action"))?;
    let case = visible_case(state, caller, action.case_id)
        .await
        .map_err(|_| Problem::not_found("action"))?;
    let kind = ActionKind::parse(&action.kind).ok_or_else(|| {
        tracing::error!(action_id = id, kind = %action.kind, "stored action of an unknown kind");
        Problem::internal()
    })?;
    Ok((action, case, kind))
}

async fn detail(state: &AppState, id: i64) -> Result<ActionDetail, Problem> {
    let action = state
        .store
        .action(id)
        .await?
        .ok_or_else(|| Problem::not_found("action"))?;
    let notices = state.store.notices_of_action(id).await?;
    Ok(ActionDetail {
        action: action_view(action),
        notices: notices.into_iter().map(notice_view).collect(),
    })
}

/// An action with every notice it sent.
pub async fn get_action(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<ActionDetail, Problem> {
    caller.require(Permission::Read)?;
    visible_action(state, caller, id).await?;
    detail(state, id).await
}

/// A case's actions, newest first.
pub async fn case_actions(
    state: &AppState,
    caller: &Caller,
    case_id: i64,
) -> Result<Vec<ActionView>, Problem> {
    caller.require(Permission::Read)?;
    visible_case(state, caller, case_id).await?;
    Ok(state
        .store
        .actions(Some(case_id), 1000)
        .await?
        .into_iter()
        .map(action_view)
        .collect())
}

/// What requesting an action sends and publishes.
struct Plan {
    notices: Vec<NewNotice>,
    block: Vec<(String, String)>,
    /// Why it cannot be requested now.
    blocked: Option<String>,
}

/// Where replies to notices go: the casework setting, else the relay's Reply-To or From.
fn reply_address(state: &AppState) -> String {
    let s = &state.settings;
    [
        s.casework.reply_to.as_str(),
        s.smtp.reply_to.as_deref().unwrap_or(""),
        s.smtp.from.as_str(),
    ]
    .into_iter()
    .map(str::trim)
    .find(|a| !a.is_empty())
    .unwrap_or("")
    .to_string()
}

/// Composes what an action sends, from the case's figures and indicators as they are now.
///
/// Customer warnings go to every distinct reporter address of the case, one notice each, in the
/// language the reporter used (the report's locale; English when it has none we speak).
async fn plan(
    state: &AppState,
    case: &CaseRow,
    action: &ActionRow,
    kind: ActionKind,
) -> Result<Plan, Problem> {
    if kind == ActionKind::Blocklist {
        let block_kind = BlockKind::of_value(&action.target);
        return Ok(Plan {
            notices: Vec::new(),
            block: vec![(block_kind.as_str().into(), action.target.clone())],
            blocked: None,
        });
    }
    let Some(notice_kind) = kind.notice_kind() else {
        return Err(Problem::internal());
    };
    let links = state.store.case_links(case.id).await?;
    let g = gather(state, case.id, &links).await?;
    let reports = case_reports(state, &links, &g.report_ids).await?;
    let figures = figures_of(&reports);
    let mut recipient = action.recipient_email.clone();
    let mut recipient_name = action.recipient_name.clone().unwrap_or_default();
    if recipient.is_none() && kind != ActionKind::CustomerWarning {
        let contacts = state.store.contacts().await?;
        let country = figures.countries.first().map(|c| c.0.as_str());
        if let Some(c) = contact_for(kind, &contacts, &action.target, country) {
            recipient = Some(c.email.clone());
            if recipient_name.is_empty() {
                recipient_name = c.name.clone();
            }
        }
    }
    let reply_to = reply_address(state);
    let case_ref = case_reference(case.id);
    let action_ref = action_reference(action.id);
    let indicators = g.for_notice();
    let input = NoticeInput {
        kind: notice_kind,
        producer: state.settings.organisation(),
        reply_to: &reply_to,
        case_reference: &case_ref,
        action_reference: &action_ref,
        target: &action.target,
        recipient_name: &recipient_name,
        figures: &figures,
        indicators: &indicators,
        first_seen: figures.first_report,
        last_seen: figures.last_report,
        note: &action.note,
    };
    let composed = notice::compose(&input);
    let notice = |report_id: Option<i64>, to: String| NewNotice {
        report_id,
        kind: kind.as_str().into(),
        recipient: to,
        subject: composed.subject.clone(),
        body: composed.body.clone(),
        language: Some("en".into()),
    };
    if kind == ActionKind::CustomerWarning {
        let to = reporters(&reports);
        let blocked = to.is_empty().then(|| {
            "no reporter of this case left an e-mail address: there is nobody to warn".to_string()
        });
        // One text per language, each reporter's in the language they reported in.
        let mut by_language: HashMap<&'static str, notice::Notice> = HashMap::new();
        let brand = state.settings.brand_name();
        let notices = to
            .into_iter()
            .map(|(report_id, email, locale)| {
                let lang = locale
                    .as_deref()
                    .and_then(i18n::find)
                    .unwrap_or(&i18n::LANGUAGES[0]);
                let warning = by_language.entry(lang.tag).or_insert_with(|| {
                    let input = NoticeInput {
                        recipient_name: "",
                        ..input
                    };
                    notice::customer_warning(&input, &Tr::new(lang, brand))
                });
                NewNotice {
                    report_id: Some(report_id),
                    kind: kind.as_str().into(),
                    recipient: email,
                    subject: warning.subject.clone(),
                    body: warning.body.clone(),
                    language: Some(lang.tag.into()),
                }
            })
            .collect();
        return Ok(Plan {
            notices,
            block: Vec::new(),
            blocked,
        });
    }
    Ok(match recipient {
        Some(to) => Plan {
            notices: vec![notice(None, to)],
            block: Vec::new(),
            blocked: None,
        },
        None => Plan {
            notices: Vec::new(),
            block: Vec::new(),
            blocked: Some(format!(
                "no recipient: no {} abuse contact matches {:?}; add one (PUT /api/v1/contacts) or draft the action again with recipient_email",
                match kind {
                    ActionKind::Takedown => "registrar or host",
                    ActionKind::CarrierReport => "carrier",
                    _ => "law-enforcement",
                },
                action.target
            )),
        },
    })
}

/// What requesting the action would send, without sending or storing anything.
pub async fn preview_action(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<ActionPreview, Problem> {
    caller.require(Permission::Act)?;
    let (action, case, kind) = visible_action(state, caller, id).await?;
    caller.require(kind.permission())?;
    let p = plan(state, &case, &action, kind).await?;
    let first = p.notices.first();
    Ok(ActionPreview {
        kind: kind.as_str().into(),
        ready: p.blocked.is_none(),
        problem: p.blocked.clone(),
        recipients: p
            .notices
            .iter()
            .take(100)
            .map(|n| n.recipient.clone())
            .collect(),
        recipient_count: p.notices.len(),
        subject: first.map(|n| n.subject.clone()),
        body: first.map(|n| n.body.clone()),
        block: p.block.first().map(|(k, v)| BlockValue {
            kind: k.clone(),
            value: v.clone(),
        }),
    })
}

fn cannot(why: String) -> Problem {
    Problem::new(StatusCode::CONFLICT, "cannot-request", why)
}

/// Requests a drafted action: its notice is composed now and queued for the relay, kept as
/// sent. Block-list entries and customer warnings complete at once: the entry is published,
/// the warnings are queued.
pub async fn request_action(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<ActionDetail, Problem> {
    caller.require(Permission::Act)?;
    let (action, case, kind) = visible_action(state, caller, id).await?;
    caller.require(kind.permission())?;
    if action.status != ActionStatus::Draft.as_str() {
        return Err(cannot(format!(
            "action {id} is {}; only a draft can be requested",
            action.status
        )));
    }
    let p = plan(state, &case, &action, kind).await?;
    if let Some(why) = p.blocked {
        return Err(cannot(why));
    }
    let actor = caller.actor();
    match kind {
        ActionKind::Blocklist | ActionKind::CustomerWarning => {
            let outcome = if kind == ActionKind::Blocklist {
                "published on the block list".to_string()
            } else {
                format!("warning queued to {} reporters", p.notices.len())
            };
            let tell = state
                .store
                .complete_action(id, &outcome, &p.block, &p.notices, &actor, now_ms())
                .await?;
            tell_reporters(state, &actor, id, tell).await;
        }
        _ => {
            state
                .store
                .request_action(id, &p.notices, &actor, now_ms())
                .await?;
        }
    }
    state.wake_workers();
    detail(state, id).await
}

/// Completes an action with its outcome: every report of the case shows "action taken" and
/// the reporters who left an address are told. A block-list action publishes its entry.
pub async fn complete_action(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: OutcomeInput,
) -> Result<ActionDetail, Problem> {
    caller.require(Permission::Act)?;
    let mut f = Fields::default();
    let outcome = f.text("outcome", &input.outcome, REASON_MAX, true);
    f.done()?;
    let (action, _case, kind) = visible_action(state, caller, id).await?;
    caller.require(kind.permission())?;
    let block = if kind == ActionKind::Blocklist {
        vec![(
            BlockKind::of_value(&action.target).as_str().to_string(),
            action.target.clone(),
        )]
    } else {
        Vec::new()
    };
    let actor = caller.actor();
    let tell = state
        .store
        .complete_action(id, &outcome, &block, &[], &actor, now_ms())
        .await?;
    tell_reporters(state, &actor, id, tell).await;
    state.wake_workers();
    detail(state, id).await
}

/// How an action can end without completing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionEnd {
    /// The registrar, carrier or police refused or did nothing.
    Failed,
    /// We decided not to go on.
    Cancelled,
}

/// Ends an action as failed or cancelled, with the reason.
pub async fn end_action(
    state: &AppState,
    caller: &Caller,
    id: i64,
    end: ActionEnd,
    input: OutcomeInput,
) -> Result<ActionDetail, Problem> {
    caller.require(Permission::Act)?;
    let mut f = Fields::default();
    let outcome = f.text("outcome", &input.outcome, REASON_MAX, true);
    f.done()?;
    let (_, _, kind) = visible_action(state, caller, id).await?;
    caller.require(kind.permission())?;
    let status = match end {
        ActionEnd::Failed => ActionStatus::Failed,
        ActionEnd::Cancelled => ActionStatus::Cancelled,
    };
    state
        .store
        .close_action(id, status.as_str(), &outcome, &caller.actor(), now_ms())
        .await?;
    detail(state, id).await
}

/// The status update for a reporter, in their language: subject and text.
pub fn status_update(tr: &Tr, reference: &str, public_url: &str) -> (String, String) {
    let url = format!(
        "{}/status/{reference}?lang={}",
        public_url.trim_end_matches('/'),
        tr.lang.tag
    );
    let text = [
        tr.t("email-ack-greeting"),
        String::new(),
        format!(
            "{}: {}",
            tr.s("status-title", "reference", reference),
            tr.t("status-action_taken")
        ),
        tr.t("email-ack-action-body"),
        String::new(),
        tr.s("email-ack-status", "url", &url),
        String::new(),
        tr.t("footer-never-ask"),
        String::new(),
        tr.t("email-ack-signoff"),
        String::new(),
    ]
    .join("\n");
    (
        without_isolates(&tr.s("email-ack-action-subject", "reference", reference)),
        without_isolates(&text),
    )
}

/// Queues a status update to each reporter whose report just became "action taken". The
/// action is complete whatever happens here; a failure is logged, not returned.
async fn tell_reporters(
    state: &AppState,
    actor: &str,
    action_id: i64,
    tell: Vec<ReporterToTell>,
) -> usize {
    if tell.is_empty() {
        return 0;
    }
    let brand = state.settings.brand_name();
    let notices: Vec<NewNotice> = tell
        .into_iter()
        .map(|r| {
            let lang = r
                .locale
                .as_deref()
                .and_then(i18n::find)
                .unwrap_or(&i18n::LANGUAGES[0]);
            let tr = Tr::new(lang, brand);
            let (subject, body) =
                status_update(&tr, &r.reference, &state.settings.portal.public_url);
            NewNotice {
                report_id: Some(r.report_id),
                kind: "status_update".into(),
                recipient: r.email,
                subject,
                body,
                language: Some(lang.tag.into()),
            }
        })
        .collect();
    let mut queued = 0;
    for chunk in notices.chunks(500) {
        match state
            .store
            .queue_notices(action_id, chunk, actor, now_ms())
            .await
        {
            Ok(ids) => queued += ids.len(),
            Err(e) => {
                tracing::error!(action_id, error = %e, "could not queue the reporters' status updates");
                break;
            }
        }
    }
    queued
}

// ---------------------------------------------------------------------------------------------
// Block list

/// The live block list, optionally of one kind. Public: it holds only values we act against.
pub async fn blocklist(
    state: &AppState,
    kind: Option<BlockKind>,
) -> Result<Vec<rampart_store::BlockEntry>, Problem> {
    Ok(state.store.blocklist(kind.map(BlockKind::as_str)).await?)
}

/// Takes an entry off the block list, with the reason.
pub async fn unblock(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: ReasonInput,
) -> Result<(), Problem> {
    caller.require(Permission::Act)?;
    let mut f = Fields::default();
    let reason = f.text("reason", &input.reason, REASON_MAX, true);
    f.done()?;
    state
        .store
        .unblock(id, &reason, &caller.actor(), now_ms())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => Problem::not_found("block-list entry"),
            e => e.into(),
        })
}

// ---------------------------------------------------------------------------------------------
// Audit

/// Reads the audit chain, newest first (the legal permission).
pub async fn audit(state: &AppState, caller: &Caller, q: AuditQuery) -> Result<AuditPage, Problem> {
    caller.require(Permission::Legal)?;
    let mut f = Fields::default();
    let object = q.object.as_deref().map(|o| f.line("object", o, 200, true));
    let actor = q.actor.as_deref().map(|a| f.line("actor", a, 200, true));
    let limit = q.limit.unwrap_or(100);
    if !(1..=AUDIT_MAX).contains(&limit) {
        f.push("limit", format!("must be between 1 and {AUDIT_MAX}"));
    }
    f.done()?;
    let filter = AuditFilter {
        case_id: q.case,
        object,
        actor,
        before: q.before,
    };
    let rows = state.store.audit_entries(&filter, limit).await?;
    let next_before = if rows.len() == limit as usize {
        rows.last().map(|r| r.entry.seq)
    } else {
        None
    };
    Ok(AuditPage {
        entries: rows.into_iter().map(audit_view).collect(),
        next_before,
    })
}

// ---------------------------------------------------------------------------------------------
// Curation

/// Accepts or dismisses reports still waiting for triage; returns how many were triaged.
pub async fn triage(state: &AppState, caller: &Caller, input: TriageInput) -> Result<u64, Problem> {
    caller.require(Permission::Triage)?;
    let mut f = Fields::default();
    let decision = TriageDecision::parse(&input.decision);
    if decision.is_none() {
        f.push("decision", TriageDecision::expected());
    }
    let reason = f.text(
        "reason",
        input.reason.as_deref().unwrap_or(""),
        REASON_MAX,
        decision == Some(TriageDecision::Dismiss),
    );
    if input.report_ids.is_empty() || input.report_ids.len() > TRIAGE_MAX {
        f.push("report_ids", format!("1 to {TRIAGE_MAX} report ids"));
    }
    for (i, &id) in input.report_ids.iter().enumerate().take(TRIAGE_MAX) {
        f.id(&format!("report_ids/{i}"), id);
    }
    f.done()?;
    let decision = match decision {
        Some(TriageDecision::Dismiss) => rampart_store::Triage::Dismiss,
        _ => rampart_store::Triage::Accept,
    };
    let mut ids = input.report_ids;
    ids.sort_unstable();
    ids.dedup();
    Ok(state
        .store
        .triage(&ids, decision, &reason, &caller.actor(), now_ms())
        .await?)
}

/// Merges campaign `from` into another by hand; returns the manual link that holds them.
pub async fn merge_campaigns(
    state: &AppState,
    caller: &Caller,
    from: i64,
    input: MergeInput,
) -> Result<i64, Problem> {
    caller.require(Permission::Curate)?;
    let mut f = Fields::default();
    let reason = f.text("reason", &input.reason, REASON_MAX, true);
    f.id("into", input.into);
    if input.into == from {
        f.push("into", "a campaign cannot be merged into itself");
    }
    f.done()?;
    let link = state
        .store
        .merge_campaigns(from, input.into, &reason, &caller.actor(), now_ms())
        .await?;
    state.correlate.notify_one();
    Ok(link)
}

/// Splits a campaign by hand: the named indicators stop tying its reports together.
pub async fn split_campaign(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: SplitInput,
) -> Result<(), Problem> {
    caller.require(Permission::Curate)?;
    let mut f = Fields::default();
    let reason = f.text("reason", &input.reason, REASON_MAX, true);
    if input.indicator_ids.is_empty() || input.indicator_ids.len() > LINKS_MAX {
        f.push("indicator_ids", format!("1 to {LINKS_MAX} indicator ids"));
    }
    for (i, &ind) in input.indicator_ids.iter().enumerate().take(LINKS_MAX) {
        f.id(&format!("indicator_ids/{i}"), ind);
    }
    f.done()?;
    let mut ids = input.indicator_ids;
    ids.sort_unstable();
    ids.dedup();
    state
        .store
        .split_campaign(id, &ids, &reason, &caller.actor(), now_ms())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(what) => Problem::invalid(vec![FieldError {
                pointer: "#/indicator_ids".into(),
                detail: format!("no {what}"),
                message: None,
            }]),
            e => e.into(),
        })?;
    // The correlator carries the correction out; wake it rather than wait for its timer.
    state.correlate.notify_one();
    Ok(())
}

/// Undoes a manual merge.
pub async fn remove_manual_link(
    state: &AppState,
    caller: &Caller,
    id: i64,
    input: ReasonInput,
) -> Result<(), Problem> {
    caller.require(Permission::Curate)?;
    let mut f = Fields::default();
    let reason = f.text("reason", &input.reason, REASON_MAX, true);
    f.done()?;
    state
        .store
        .remove_manual_link(id, &reason, &caller.actor(), now_ms())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => Problem::not_found("manual link"),
            e => e.into(),
        })?;
    // The correlator carries the correction out; wake it rather than wait for its timer.
    state.correlate.notify_one();
    Ok(())
}

/// Marks an indicator benign (it stops correlating and joins the warning list), or not.
pub async fn set_benign(
    state: &AppState,
    caller: &Caller,
    indicator_id: i64,
    benign: bool,
    input: ReasonInput,
) -> Result<(), Problem> {
    caller.require(Permission::Curate)?;
    let mut f = Fields::default();
    let reason = f.text("reason", &input.reason, REASON_MAX, true);
    f.done()?;
    state
        .store
        .set_benign(indicator_id, benign, &reason, &caller.actor(), now_ms())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => Problem::not_found("indicator"),
            e => e.into(),
        })?;
    // The correlator carries the correction out; wake it rather than wait for its timer.
    state.correlate.notify_one();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(kind: &str, pattern: &str) -> ContactRow {
        ContactRow {
            id: 0,
            kind: kind.into(),
            pattern: pattern.into(),
            name: format!("{kind} {pattern}"),
            email: "abuse@example.net".into(),
        }
    }

    fn contacts() -> Vec<ContactRow> {
        vec![
            contact("registrar", "com"),
            contact("host", "example-host.net"),
            contact("registrar", "net"),
            contact("host", "com"),
            contact("registrar", "co.uk"),
            contact("carrier", "+44"),
            contact("carrier", "+4477"),
            contact("carrier", "+33"),
            contact("law_enforcement", "GB"),
            contact("law_enforcement", "*"),
        ]
    }

    #[test]
    fn a_domain_goes_to_the_longest_suffix_on_a_label_boundary() {
        fn check(domain: &str, expected: Option<&str>) {
            let all = contacts();
            assert_eq!(
                domain_contact(&all, domain).map(|c| c.name.as_str()),
                expected,
                "{domain}"
            );
        }
        check("amazon-refund.com", Some("registrar com"));
        check("shop.example-host.net", Some("host example-host.net"));
        check("example-host.net", Some("host example-host.net"));
        check("badexample-host.net", Some("registrar net"));
        check("scam.co.uk", Some("registrar co.uk"));
        check("scam.uk", None);
        check("SCAM.COM.", Some("registrar com"));
        let mut with_star = contacts();
        with_star.push(contact("host", "*"));
        assert_eq!(
            domain_contact(&with_star, "scam.xyz").map(|c| c.name.as_str()),
            Some("host *")
        );
    }

    #[test]
    fn a_number_goes_to_the_longest_prefix() {
        fn check(number: &str, expected: Option<&str>) {
            let all = contacts();
            assert_eq!(
                phone_contact(&all, number).map(|c| c.name.as_str()),
                expected,
                "{number}"
            );
        }
        check("+447700900123", Some("carrier +4477"));
        check("+442079460958", Some("carrier +44"));
        check("+33612345678", Some("carrier +33"));
        check("+12025550123", None);
    }

    #[test]
    fn a_referral_goes_to_the_reporters_country_else_anywhere() {
        let all = contacts();
        let name = |country| police_contact(&all, country).map(|c| c.name.clone());
        assert_eq!(name(Some("GB")).as_deref(), Some("law_enforcement GB"));
        assert_eq!(name(Some("gb")).as_deref(), Some("law_enforcement GB"));
        assert_eq!(name(Some("FR")).as_deref(), Some("law_enforcement *"));
        assert_eq!(name(None).as_deref(), Some("law_enforcement *"));
        assert_eq!(police_contact(&all[..8], Some("GB")), None);
    }

    #[test]
    fn values_are_sorted_by_shape() {
        fn check(value: &str, expected: BlockKind) {
            assert_eq!(BlockKind::of_value(value), expected, "{value}");
        }
        check("amazon-refund-help.com", BlockKind::Domain);
        check("https://amazon-refund-help.com/claim", BlockKind::Url);
        check("help@amazon-refund-help.com", BlockKind::Email);
        check("+442079460958", BlockKind::Phone);
        check("+44 20 7946 0958", BlockKind::Phone);
        check("020 7946 0958", BlockKind::Phone);
        check("192.0.2.1", BlockKind::Ipv4);
        check("2001:db8::1", BlockKind::Ipv6);
        check("123.example", BlockKind::Domain);
    }

    #[test]
    fn contact_patterns_have_one_form() {
        fn check(kind: ContactKind, raw: &str, expected: Option<&str>) {
            assert_eq!(
                contact_pattern(kind, raw).ok().as_deref(),
                expected,
                "{raw}"
            );
        }
        check(ContactKind::Registrar, ".COM", Some("com"));
        check(
            ContactKind::Host,
            "example-host.net",
            Some("example-host.net"),
        );
        check(ContactKind::Host, "bad_host.net", None);
        check(ContactKind::Host, "-x.net", None);
        check(ContactKind::Host, "", None);
        check(ContactKind::Registrar, "*", Some("*"));
        check(ContactKind::Carrier, "+44 77", Some("+4477"));
        check(ContactKind::Carrier, "4477", None);
        check(ContactKind::Carrier, "+", None);
        check(ContactKind::LawEnforcement, "gb", Some("GB"));
        check(ContactKind::LawEnforcement, "XX", None);
    }

    #[test]
    fn due_dates_are_times_or_days() {
        assert_eq!(parse_due("2026-11-21T17:00:00Z"), Some(1_795_280_400_000));
        assert_eq!(parse_due("2026-11-21"), Some(1_795_305_599_999));
        assert_eq!(parse_due("21/11/2026"), None);
        assert_eq!(parse_due("2026-02-30"), None);
        assert_eq!(parse_due(""), None);
    }

    #[test]
    fn closed_sets_round_trip() {
        for k in ActionKind::ALL {
            assert_eq!(ActionKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(ActionKind::parse("Takedown"), None);
        assert_eq!(
            CaseStatus::parse("in_progress"),
            Some(CaseStatus::InProgress)
        );
        assert_eq!(
            Priority::expected(),
            "expected one of low, normal, high, urgent"
        );
        assert_eq!(ActionKind::LawEnforcement.permission(), Permission::Refer);
        assert_eq!(ActionKind::Blocklist.permission(), Permission::Act);
    }

    #[test]
    fn the_status_update_speaks_the_reporters_language() {
        let tr = Tr::new(i18n::find("fr").unwrap(), "Example Shop");
        let (subject, text) = status_update(&tr, "R-7K3MQ-9XD2F", "https://report.example.com/");
        assert!(subject.contains("R-7K3MQ-9XD2F"), "{subject}");
        assert!(
            text.contains("https://report.example.com/status/R-7K3MQ-9XD2F?lang=fr"),
            "{text}"
        );
        assert!(!text.contains('\u{2068}'));
        let en = Tr::new(i18n::find("en").unwrap(), "Example Shop");
        let (en_subject, en_text) = status_update(&en, "R-7K3MQ-9XD2F", "https://x.example");
        assert_eq!(en_subject, "Update on your report R-7K3MQ-9XD2F");
        assert!(
            en_text.contains("Report R-7K3MQ-9XD2F: Action taken\n"),
            "{en_text}"
        );
        assert_ne!(subject, en_subject);
    }

    /// The catalogue's English warning is word for word the one the casework crate falls back
    /// to, and every language's is whole: no message id left, no isolation marks, values in.
    #[test]
    fn customer_warnings_read_whole_in_every_language() {
        let figures = Figures::default();
        let indicators: Vec<(IndicatorKind, String, i64)> = (0..notice::MAX_LISTED + 3)
            .map(|i| (IndicatorKind::Domain, format!("scam{i}.top"), 1))
            .collect();
        let input = NoticeInput {
            kind: NoticeKind::CustomerWarning,
            producer: "Example Shop",
            reply_to: "report@example.com",
            case_reference: "CASE-1",
            action_reference: "ACT-9",
            target: "",
            recipient_name: "",
            figures: &figures,
            indicators: &indicators,
            first_seen: None,
            last_seen: None,
            note: "",
        };
        let english = notice::compose(&input);
        let en = Tr::new(i18n::find("en").unwrap(), "Example Shop");
        assert_eq!(notice::customer_warning(&input, &en), english);
        for lang in i18n::LANGUAGES.iter() {
            let n = notice::customer_warning(&input, &Tr::new(lang, "Example Shop"));
            let all = format!("{}\n{}", n.subject, n.body);
            assert!(
                !all.contains("warning-") && !all.contains("email-ack"),
                "{}: {all}",
                lang.tag
            );
            assert!(!all.contains('\u{FFFD}'), "{}: {all}", lang.tag);
            for value in ["Example Shop", "report@example.com", "ACT-9", "scam0[.]top"] {
                assert!(all.contains(value), "{}: no {value} in {all}", lang.tag);
            }
            let more = n
                .body
                .lines()
                .nth(3 + notice::MAX_LISTED)
                .unwrap_or_default();
            assert!(
                more.starts_with("  ") && more.contains('3'),
                "{}: {more:?}",
                lang.tag
            );
            if lang.tag != "en" {
                assert_ne!(n.body, english.body, "{} is not translated", lang.tag);
            }
        }
    }

    #[test]
    fn plain_addresses_only() {
        assert_eq!(
            plain_address(" abuse@registrar.example "),
            Ok("abuse@registrar.example".into())
        );
        assert!(plain_address("Abuse <abuse@registrar.example>").is_err());
        assert!(plain_address("abuse@registrar.example\r\nBcc: x@y.z").is_err());
        assert!(plain_address("root@localhost").is_err());
        assert!(plain_address("a@[10.0.0.1]").is_err());
    }
}
