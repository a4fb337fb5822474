//! Cases: what they are about (campaigns, reports, indicators), who works them, their tasks and
//! notes, and the timeline read back from the audit chain. Every change is audited.

use rampart_casework::audit::Event;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{AuditFilter, AuditRow, AuditTx};
use crate::{Store, StoreError};

/// The most reports a case gathers through its campaigns and indicators (an evidence package,
/// a notice or a warning past this says so rather than growing without bound).
pub const CASE_REPORTS_MAX: u32 = 50_000;

#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub priority: String,
    pub restricted: bool,
    pub assignee_id: Option<i64>,
    pub assignee: Option<String>,
    pub opened_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub closed_at: Option<i64>,
}

const CASE_COLUMNS: &str = "c.id, c.title, c.summary, c.status, c.priority, c.restricted, c.assignee_id, \
    u.username AS assignee, c.opened_by, c.created_at, c.updated_at, c.closed_at";

impl CaseRow {
    fn from_row(r: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(CaseRow {
            id: r.try_get("id")?,
            title: r.try_get("title")?,
            summary: r.try_get("summary")?,
            status: r.try_get("status")?,
            priority: r.try_get("priority")?,
            restricted: r.try_get::<i64, _>("restricted")? != 0,
            assignee_id: r.try_get("assignee_id")?,
            assignee: r.try_get("assignee")?,
            opened_by: r.try_get("opened_by")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            closed_at: r.try_get("closed_at")?,
        })
    }
}

/// What a case links to. `Account`, `Refund` and `Agent` come from the abuse engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    Campaign,
    Report,
    Indicator,
    Account,
    Refund,
    Agent,
}

impl LinkKind {
    pub const ALL: [LinkKind; 6] = [
        LinkKind::Campaign,
        LinkKind::Report,
        LinkKind::Indicator,
        LinkKind::Account,
        LinkKind::Refund,
        LinkKind::Agent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Campaign => "campaign",
            LinkKind::Report => "report",
            LinkKind::Indicator => "indicator",
            LinkKind::Account => "account",
            LinkKind::Refund => "refund",
            LinkKind::Agent => "agent",
        }
    }

    pub fn parse(s: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLink {
    pub kind: LinkKind,
    pub id: i64,
    pub added_by: String,
    pub added_at: i64,
}

#[derive(Debug, Clone)]
pub struct TaskRow {
    pub id: i64,
    pub case_id: i64,
    pub title: String,
    pub assignee_id: Option<i64>,
    pub assignee: Option<String>,
    pub due_at: Option<i64>,
    pub done_at: Option<i64>,
    pub created_by: String,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct NoteRow {
    pub id: i64,
    pub case_id: i64,
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct NewCase {
    pub title: String,
    pub summary: String,
    pub priority: String,
    pub restricted: bool,
    pub assignee_id: Option<i64>,
    pub links: Vec<(LinkKind, i64)>,
}

/// A change to a case's own fields.
#[derive(Debug, Clone)]
pub enum CaseChange {
    Title(String),
    Summary(String),
    /// New status; `closed` sets the closing time, anything else clears it.
    Status(String),
    Priority(String),
    Assignee(Option<i64>),
    Restricted(bool),
}

/// Which cases to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub status: Option<String>,
    /// Leave out restricted cases (for callers who may not see them).
    pub hide_restricted: bool,
    pub assignee_id: Option<i64>,
    /// Cases linked to this object.
    pub linked: Option<(LinkKind, i64)>,
}

fn case_event(
    now: i64,
    actor: &str,
    action: &str,
    object: String,
    detail: serde_json::Value,
) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        action: action.to_string(),
        object,
        detail: detail.to_string(),
    }
}

impl Store {
    /// Opens a case with its first links.
    pub async fn open_case(&self, new: &NewCase, actor: &str, now: i64) -> Result<i64, StoreError> {
        let mut tx = self.begin_audited().await?;
        let row = sqlx::query(
            "INSERT INTO cases (title, summary, priority, assignee_id, opened_by, created_at, updated_at, \
             restricted) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
        )
        .bind(&new.title)
        .bind(&new.summary)
        .bind(&new.priority)
        .bind(new.assignee_id)
        .bind(actor)
        .bind(now)
        .bind(i64::from(new.restricted))
        .fetch_one(tx.conn())
        .await?;
        let id: i64 = row.try_get("id")?;
        tx.record(
            case_event(
                now,
                actor,
                "case.open",
                format!("case:{id}"),
                serde_json::json!({"title": new.title, "priority": new.priority,
                    "assignee_id": new.assignee_id, "restricted": new.restricted}),
            ),
            Some(id),
        )
        .await?;
        for &(kind, ref_id) in &new.links {
            link_in(&mut tx, id, kind, ref_id, actor, now).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Links an object to a case; linking it twice changes nothing.
    pub async fn link_case(
        &self,
        case_id: i64,
        kind: LinkKind,
        ref_id: i64,
        actor: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_audited().await?;
        ensure_case(&mut tx, case_id).await?;
        let added = link_in(&mut tx, case_id, kind, ref_id, actor, now).await?;
        touch_case(&mut tx, case_id, now).await?;
        tx.commit().await?;
        Ok(added)
    }

    pub async fn unlink_case(
        &self,
        case_id: i64,
        kind: LinkKind,
        ref_id: i64,
        actor: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_audited().await?;
        let done =
            sqlx::query("DELETE FROM case_links WHERE case_id = $1 AND kind = $2 AND ref_id = $3")
                .bind(case_id)
                .bind(kind.as_str())
                .bind(ref_id)
                .execute(tx.conn())
                .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        tx.record(
            case_event(
                now,
                actor,
                "case.unlink",
                format!("case:{case_id}"),
                serde_json::json!({"kind": kind.as_str(), "id": ref_id}),
            ),
            Some(case_id),
        )
        .await?;
        touch_case(&mut tx, case_id, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn change_case(
        &self,
        case_id: i64,
        change: &CaseChange,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let (action, done, detail) = match change {
            CaseChange::Title(t) => (
                "case.title",
                sqlx::query("UPDATE cases SET title = $2, updated_at = $3 WHERE id = $1")
                    .bind(case_id)
                    .bind(t)
                    .bind(now)
                    .execute(tx.conn())
                    .await?,
                serde_json::json!({"title": t}),
            ),
            CaseChange::Summary(s) => (
                "case.summary",
                sqlx::query("UPDATE cases SET summary = $2, updated_at = $3 WHERE id = $1")
                    .bind(case_id)
                    .bind(s)
                    .bind(now)
                    .execute(tx.conn())
                    .await?,
                serde_json::json!({"summary": s}),
            ),
            CaseChange::Status(s) => (
                "case.status",
                sqlx::query(
                    "UPDATE cases SET status = $2, updated_at = $3, \
                     closed_at = CASE WHEN $2 = 'closed' THEN $3 ELSE NULL END WHERE id = $1",
                )
                .bind(case_id)
                .bind(s)
                .bind(now)
                .execute(tx.conn())
                .await?,
                serde_json::json!({"status": s}),
            ),
            CaseChange::Priority(p) => (
                "case.priority",
                sqlx::query("UPDATE cases SET priority = $2, updated_at = $3 WHERE id = $1")
                    .bind(case_id)
                    .bind(p)
                    .bind(now)
                    .execute(tx.conn())
                    .await?,
                serde_json::json!({"priority": p}),
            ),
            CaseChange::Restricted(r) => (
                "case.restrict",
                sqlx::query("UPDATE cases SET restricted = $2, updated_at = $3 WHERE id = $1")
                    .bind(case_id)
                    .bind(i64::from(*r))
                    .bind(now)
                    .execute(tx.conn())
                    .await?,
                serde_json::json!({"restricted": r}),
            ),
            CaseChange::Assignee(a) => (
                "case.assign",
                sqlx::query("UPDATE cases SET assignee_id = $2, updated_at = $3 WHERE id = $1")
                    .bind(case_id)
                    .bind(*a)
                    .bind(now)
                    .execute(tx.conn())
                    .await?,
                serde_json::json!({"assignee_id": a}),
            ),
        };
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound(format!("case {case_id}")));
        }
        tx.record(
            case_event(now, actor, action, format!("case:{case_id}"), detail),
            Some(case_id),
        )
        .await?;
        tx.commit().await
    }

    pub async fn case(&self, id: i64) -> Result<Option<CaseRow>, StoreError> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases c LEFT JOIN users u ON u.id = c.assignee_id WHERE c.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(CaseRow::from_row).transpose()?)
    }

    /// Cases, most recently changed first.
    pub async fn cases(&self, filter: &CaseFilter, limit: u32) -> Result<Vec<CaseRow>, StoreError> {
        let mut sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases c LEFT JOIN users u ON u.id = c.assignee_id WHERE 1 = 1"
        );
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        if filter.status.is_some() {
            sql.push_str(&format!(" AND c.status = {}", next()));
        }
        if filter.hide_restricted {
            sql.push_str(" AND c.restricted = 0");
        }
        if filter.assignee_id.is_some() {
            sql.push_str(&format!(" AND c.assignee_id = {}", next()));
        }
        if filter.linked.is_some() {
            let (k, r) = (next(), next());
            sql.push_str(&format!(
                " AND c.id IN (SELECT case_id FROM case_links WHERE kind = {k} AND ref_id = {r})"
            ));
        }
        sql.push_str(&format!(
            " ORDER BY c.updated_at DESC, c.id DESC LIMIT {}",
            next()
        ));
        let mut q = sqlx::query(&sql);
        if let Some(s) = &filter.status {
            q = q.bind(s.clone());
        }
        if let Some(a) = filter.assignee_id {
            q = q.bind(a);
        }
        if let Some((k, r)) = filter.linked {
            q = q.bind(k.as_str()).bind(r);
        }
        let rows = q.bind(i64::from(limit)).fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(CaseRow::from_row)
            .collect::<Result<_, _>>()?)
    }

    pub async fn case_links(&self, case_id: i64) -> Result<Vec<CaseLink>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, ref_id, added_by, added_at FROM case_links WHERE case_id = $1 \
             ORDER BY kind, ref_id",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let kind: String = r.try_get("kind")?;
            let Some(kind) = LinkKind::parse(&kind) else {
                return Err(StoreError::Corrupt(format!("case link kind {kind}")));
            };
            out.push(CaseLink {
                kind,
                id: r.try_get("ref_id")?,
                added_by: r.try_get("added_by")?,
                added_at: r.try_get("added_at")?,
            });
        }
        Ok(out)
    }

    /// Every report the case covers, directly or through its campaigns and indicators, oldest
    /// first, at most [`CASE_REPORTS_MAX`]. The flag says whether more were left out.
    pub async fn case_report_ids(&self, case_id: i64) -> Result<(Vec<i64>, bool), StoreError> {
        let rows = sqlx::query(
            "SELECT r.id FROM reports r WHERE r.id IN ( \
                 SELECT ref_id FROM case_links WHERE case_id = $1 AND kind = 'report' \
                 UNION SELECT r2.id FROM reports r2 JOIN case_links l ON l.ref_id = r2.campaign_id \
                     WHERE l.case_id = $1 AND l.kind = 'campaign' \
                 UNION SELECT ri.report_id FROM report_indicators ri JOIN case_links l \
                     ON l.ref_id = ri.indicator_id WHERE l.case_id = $1 AND l.kind = 'indicator') \
             ORDER BY r.received_at, r.id LIMIT $2",
        )
        .bind(case_id)
        .bind(i64::from(CASE_REPORTS_MAX) + 1)
        .fetch_all(self.pool())
        .await?;
        let mut ids: Vec<i64> = rows
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<Result<_, _>>()?;
        let more = ids.len() > CASE_REPORTS_MAX as usize;
        ids.truncate(CASE_REPORTS_MAX as usize);
        Ok((ids, more))
    }

    pub async fn add_task(
        &self,
        case_id: i64,
        title: &str,
        assignee_id: Option<i64>,
        due_at: Option<i64>,
        actor: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_audited().await?;
        ensure_case(&mut tx, case_id).await?;
        let row = sqlx::query(
            "INSERT INTO case_tasks (case_id, title, assignee_id, due_at, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(case_id)
        .bind(title)
        .bind(assignee_id)
        .bind(due_at)
        .bind(actor)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        let id: i64 = row.try_get("id")?;
        tx.record(
            case_event(
                now,
                actor,
                "task.add",
                format!("case:{case_id}/task:{id}"),
                serde_json::json!({"title": title, "assignee_id": assignee_id, "due_at": due_at}),
            ),
            Some(case_id),
        )
        .await?;
        touch_case(&mut tx, case_id, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Marks a task done (or not done again).
    pub async fn set_task_done(
        &self,
        case_id: i64,
        task_id: i64,
        done: bool,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let changed =
            sqlx::query("UPDATE case_tasks SET done_at = $3 WHERE id = $1 AND case_id = $2")
                .bind(task_id)
                .bind(case_id)
                .bind(done.then_some(now))
                .execute(tx.conn())
                .await?;
        if changed.rows_affected() != 1 {
            return Err(StoreError::NotFound(format!(
                "task {task_id} of case {case_id}"
            )));
        }
        tx.record(
            case_event(
                now,
                actor,
                if done { "task.done" } else { "task.reopen" },
                format!("case:{case_id}/task:{task_id}"),
                serde_json::json!({}),
            ),
            Some(case_id),
        )
        .await?;
        touch_case(&mut tx, case_id, now).await?;
        tx.commit().await
    }

    pub async fn tasks(&self, case_id: i64) -> Result<Vec<TaskRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT t.id, t.case_id, t.title, t.assignee_id, u.username AS assignee, t.due_at, \
             t.done_at, t.created_by, t.created_at FROM case_tasks t \
             LEFT JOIN users u ON u.id = t.assignee_id WHERE t.case_id = $1 ORDER BY t.id LIMIT 1000",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TaskRow {
                    id: r.try_get("id")?,
                    case_id: r.try_get("case_id")?,
                    title: r.try_get("title")?,
                    assignee_id: r.try_get("assignee_id")?,
                    assignee: r.try_get("assignee")?,
                    due_at: r.try_get("due_at")?,
                    done_at: r.try_get("done_at")?,
                    created_by: r.try_get("created_by")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    pub async fn add_note(
        &self,
        case_id: i64,
        body: &str,
        actor: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_audited().await?;
        ensure_case(&mut tx, case_id).await?;
        let row = sqlx::query(
            "INSERT INTO case_notes (case_id, author, body, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(case_id)
        .bind(actor)
        .bind(body)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        let id: i64 = row.try_get("id")?;
        // The note's text is in the chain, so an edited note is caught like any other change.
        tx.record(
            case_event(
                now,
                actor,
                "note.add",
                format!("case:{case_id}/note:{id}"),
                serde_json::json!({"body": body}),
            ),
            Some(case_id),
        )
        .await?;
        touch_case(&mut tx, case_id, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn notes(&self, case_id: i64) -> Result<Vec<NoteRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, case_id, author, body, created_at FROM case_notes WHERE case_id = $1 \
             ORDER BY id LIMIT 1000",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(NoteRow {
                    id: r.try_get("id")?,
                    case_id: r.try_get("case_id")?,
                    author: r.try_get("author")?,
                    body: r.try_get("body")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Everything that happened to a case, newest first, from the audit chain.
    pub async fn case_timeline(
        &self,
        case_id: i64,
        limit: u32,
    ) -> Result<Vec<AuditRow>, StoreError> {
        self.audit_entries(
            &AuditFilter {
                case_id: Some(case_id),
                ..AuditFilter::default()
            },
            limit,
        )
        .await
    }
}

pub(crate) async fn ensure_case(tx: &mut AuditTx, case_id: i64) -> Result<(), StoreError> {
    let found = sqlx::query("SELECT id FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(tx.conn())
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound(format!("case {case_id}"))),
    }
}

pub(crate) async fn touch_case(tx: &mut AuditTx, case_id: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE cases SET updated_at = $2 WHERE id = $1")
        .bind(case_id)
        .bind(now)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Links inside a transaction, checking the object exists (for the kinds stored here).
async fn link_in(
    tx: &mut AuditTx,
    case_id: i64,
    kind: LinkKind,
    ref_id: i64,
    actor: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let table = match kind {
        LinkKind::Campaign => Some("campaigns"),
        LinkKind::Report => Some("reports"),
        LinkKind::Indicator => Some("indicators"),
        LinkKind::Account | LinkKind::Refund | LinkKind::Agent => None,
    };
    let mut ref_id = ref_id;
    if let Some(table) = table {
        let sql = format!("SELECT id FROM {table} WHERE id = $1");
        if sqlx::query(&sql)
            .bind(ref_id)
            .fetch_optional(tx.conn())
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound(format!("{} {ref_id}", kind.as_str())));
        }
    }
    if kind == LinkKind::Campaign {
        // A campaign merged away stands for the one it went into.
        for _ in 0..64 {
            let row = sqlx::query("SELECT merged_into FROM campaigns WHERE id = $1")
                .bind(ref_id)
                .fetch_optional(tx.conn())
                .await?;
            match row.and_then(|r| r.try_get::<Option<i64>, _>("merged_into").ok().flatten()) {
                Some(into) => ref_id = into,
                None => break,
            }
        }
    }
    let done = sqlx::query(
        "INSERT INTO case_links (case_id, kind, ref_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (case_id, kind, ref_id) DO NOTHING",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(ref_id)
    .bind(actor)
    .bind(now)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    tx.record(
        case_event(
            now,
            actor,
            "case.link",
            format!("case:{case_id}"),
            serde_json::json!({"kind": kind.as_str(), "id": ref_id}),
        ),
        Some(case_id),
    )
    .await?;
    Ok(true)
}
