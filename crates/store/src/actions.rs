//! Enforcement actions and what they send: notices kept exactly as sent (sent by the
//! `send_notice` job), the published block list, and where notices go (abuse contacts).
//! Completing an action marks every report of its case `action_taken` in the same transaction.

use rampart_casework::audit::Event;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::AuditTx;
use crate::cases::{ensure_case, touch_case};
use crate::jobs::enqueue_in;
use crate::{Store, StoreError};

/// Send one stored notice through the SMTP relay.
pub const SEND_NOTICE: &str = "send_notice";

#[derive(Debug, Clone)]
pub struct ActionRow {
    pub id: i64,
    pub case_id: i64,
    pub kind: String,
    pub target: String,
    pub indicator_id: Option<i64>,
    pub status: String,
    pub recipient_email: Option<String>,
    pub recipient_name: Option<String>,
    pub note: String,
    pub outcome: Option<String>,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub completed_at: Option<i64>,
}

const ACTION_COLUMNS: &str = "id, case_id, kind, target, indicator_id, status, recipient_email, \
    recipient_name, note, outcome, created_by, created_at, updated_at, completed_at";

impl ActionRow {
    fn from_row(r: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(ActionRow {
            id: r.try_get("id")?,
            case_id: r.try_get("case_id")?,
            kind: r.try_get("kind")?,
            target: r.try_get("target")?,
            indicator_id: r.try_get("indicator_id")?,
            status: r.try_get("status")?,
            recipient_email: r.try_get("recipient_email")?,
            recipient_name: r.try_get("recipient_name")?,
            note: r.try_get("note")?,
            outcome: r.try_get("outcome")?,
            created_by: r.try_get("created_by")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            completed_at: r.try_get("completed_at")?,
        })
    }
}

#[derive(Debug, Clone)]
pub struct NewAction {
    pub case_id: i64,
    pub kind: String,
    pub target: String,
    pub indicator_id: Option<i64>,
    pub recipient_email: Option<String>,
    pub recipient_name: Option<String>,
    pub note: String,
}

/// A message to send, composed by the server.
#[derive(Debug, Clone)]
pub struct NewNotice {
    pub report_id: Option<i64>,
    /// `takedown`, `carrier_report`, `law_enforcement`, `customer_warning`, `status_update`.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub language: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NoticeRow {
    pub id: i64,
    pub action_id: Option<i64>,
    pub report_id: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub language: Option<String>,
    pub status: String,
    pub message_id: Option<String>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

const NOTICE_COLUMNS: &str = "id, action_id, report_id, kind, recipient, subject, body, language, \
    status, message_id, last_error, created_at, sent_at";

impl NoticeRow {
    fn from_row(r: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(NoticeRow {
            id: r.try_get("id")?,
            action_id: r.try_get("action_id")?,
            report_id: r.try_get("report_id")?,
            kind: r.try_get("kind")?,
            recipient: r.try_get("recipient")?,
            subject: r.try_get("subject")?,
            body: r.try_get("body")?,
            language: r.try_get("language")?,
            status: r.try_get("status")?,
            message_id: r.try_get("message_id")?,
            last_error: r.try_get("last_error")?,
            created_at: r.try_get("created_at")?,
            sent_at: r.try_get("sent_at")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockEntry {
    pub id: i64,
    pub kind: String,
    pub value: String,
    pub action_id: Option<i64>,
    pub reason: String,
    pub added_by: String,
    pub added_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRow {
    pub id: i64,
    /// `registrar`, `host`, `carrier`, `law_enforcement`.
    pub kind: String,
    /// A domain suffix (`xyz`, `example-host.net`), an E.164 prefix (`+4477`), a country.
    pub pattern: String,
    pub name: String,
    pub email: String,
}

/// A reporter to tell that action was taken on their report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReporterToTell {
    pub report_id: i64,
    pub reference: String,
    pub email: String,
    pub locale: Option<String>,
}

fn action_event(
    now: i64,
    actor: &str,
    verb: &str,
    case_id: i64,
    action_id: i64,
    detail: serde_json::Value,
) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        action: verb.to_string(),
        object: format!("case:{case_id}/action:{action_id}"),
        detail: detail.to_string(),
    }
}

async fn insert_notices(
    tx: &mut AuditTx,
    action_id: i64,
    notices: &[NewNotice],
    now: i64,
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(notices.len());
    for n in notices {
        let row = sqlx::query(
            "INSERT INTO notices (action_id, report_id, kind, recipient, subject, body, language, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(action_id)
        .bind(n.report_id)
        .bind(&n.kind)
        .bind(&n.recipient)
        .bind(&n.subject)
        .bind(&n.body)
        .bind(&n.language)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        let id: i64 = row.try_get("id")?;
        enqueue_in(
            tx.conn(),
            SEND_NOTICE,
            &serde_json::json!({"notice_id": id}).to_string(),
            now,
        )
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Moves an action from one of `from` to `to`; refused if someone moved it first.
async fn transition(
    tx: &mut AuditTx,
    action_id: i64,
    from: &[&str],
    to: &str,
    outcome: Option<&str>,
    now: i64,
) -> Result<ActionRow, StoreError> {
    let sql = format!("SELECT {ACTION_COLUMNS} FROM actions WHERE id = $1");
    let Some(row) = sqlx::query(&sql)
        .bind(action_id)
        .fetch_optional(tx.conn())
        .await?
    else {
        return Err(StoreError::NotFound(format!("action {action_id}")));
    };
    let action = ActionRow::from_row(&row)?;
    if !from.contains(&action.status.as_str()) {
        return Err(StoreError::Conflict(format!(
            "action {action_id} is {}, so it cannot become {to}",
            action.status
        )));
    }
    let done = sqlx::query(
        "UPDATE actions SET status = $2, updated_at = $3, outcome = COALESCE($4, outcome), \
         completed_at = CASE WHEN $2 = 'completed' THEN $3 ELSE completed_at END \
         WHERE id = $1 AND status = $5",
    )
    .bind(action_id)
    .bind(to)
    .bind(now)
    .bind(outcome)
    .bind(&action.status)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict(format!(
            "action {action_id} changed meanwhile"
        )));
    }
    Ok(ActionRow {
        status: to.to_string(),
        ..action
    })
}

impl Store {
    /// Creates an action in `draft`.
    pub async fn create_action(
        &self,
        new: &NewAction,
        actor: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_audited().await?;
        ensure_case(&mut tx, new.case_id).await?;
        let row = sqlx::query(
            "INSERT INTO actions (case_id, kind, target, indicator_id, status, recipient_email, \
             recipient_name, note, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(new.case_id)
        .bind(&new.kind)
        .bind(&new.target)
        .bind(new.indicator_id)
        .bind(&new.recipient_email)
        .bind(&new.recipient_name)
        .bind(&new.note)
        .bind(actor)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        let id: i64 = row.try_get("id")?;
        tx.record(
            action_event(
                now,
                actor,
                "action.create",
                new.case_id,
                id,
                serde_json::json!({"kind": new.kind, "target": new.target,
                    "indicator_id": new.indicator_id, "recipient": new.recipient_email,
                    "note": new.note}),
            ),
            Some(new.case_id),
        )
        .await?;
        touch_case(&mut tx, new.case_id, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn action(&self, id: i64) -> Result<Option<ActionRow>, StoreError> {
        let sql = format!("SELECT {ACTION_COLUMNS} FROM actions WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(ActionRow::from_row).transpose()?)
    }

    /// A case's actions, or all of them (newest first) when `case_id` is `None`.
    pub async fn actions(
        &self,
        case_id: Option<i64>,
        limit: u32,
    ) -> Result<Vec<ActionRow>, StoreError> {
        let sql = match case_id {
            Some(_) => format!(
                "SELECT {ACTION_COLUMNS} FROM actions WHERE case_id = $1 ORDER BY id DESC LIMIT $2"
            ),
            None => format!(
                "SELECT {ACTION_COLUMNS} FROM actions WHERE $1 = 0 ORDER BY id DESC LIMIT $2"
            ),
        };
        let rows = sqlx::query(&sql)
            .bind(case_id.unwrap_or(0))
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(ActionRow::from_row)
            .collect::<Result<_, _>>()?)
    }

    /// Sends a drafted action: its notices are stored and queued for the relay in the same
    /// transaction. Returns the notices' ids.
    pub async fn request_action(
        &self,
        action_id: i64,
        notices: &[NewNotice],
        actor: &str,
        now: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let mut tx = self.begin_audited().await?;
        let action = transition(&mut tx, action_id, &["draft"], "requested", None, now).await?;
        let ids = insert_notices(&mut tx, action_id, notices, now).await?;
        tx.record(
            action_event(
                now,
                actor,
                "action.request",
                action.case_id,
                action_id,
                serde_json::json!({"notices": notices.iter().zip(&ids).map(|(n, id)| serde_json::json!({
                    "id": id, "to": n.recipient, "subject": n.subject,
                    "body_sha256": crate::indicators::value_sha256(&n.body)})).collect::<Vec<_>>()}),
            ),
            Some(action.case_id),
        )
        .await?;
        touch_case(&mut tx, action.case_id, now).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Completes an action: its case's reports become `action_taken`, block-list entries are
    /// published, and the given notices (to reporters, to customers) are queued. Returns the
    /// reporters whose report changed status and who left an address, for the caller to tell
    /// in a second step; see [`Store::queue_notices`].
    pub async fn complete_action(
        &self,
        action_id: i64,
        outcome: &str,
        block: &[(String, String)],
        notices: &[NewNotice],
        actor: &str,
        now: i64,
    ) -> Result<Vec<ReporterToTell>, StoreError> {
        let (ids, _) = self.case_report_ids_of_action(action_id).await?;
        let mut tx = self.begin_audited().await?;
        let action = transition(
            &mut tx,
            action_id,
            &["draft", "requested"],
            "completed",
            Some(outcome),
            now,
        )
        .await?;
        for (kind, value) in block {
            sqlx::query(
                "INSERT INTO blocklist (kind, value, indicator_id, action_id, reason, added_by, added_at) \
                 SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM blocklist \
                 WHERE kind = $1 AND value = $2 AND removed_at IS NULL)",
            )
            .bind(kind)
            .bind(value)
            .bind(action.indicator_id)
            .bind(action_id)
            .bind(format!("case {} action {}", action.case_id, action_id))
            .bind(actor)
            .bind(now)
            .execute(tx.conn())
            .await?;
        }
        let notice_ids = insert_notices(&mut tx, action_id, notices, now).await?;
        let mut tell = Vec::new();
        let mut changed = 0u64;
        for chunk in ids.chunks(500) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let rows = sqlx::query(&format!(
                "SELECT id, reference, reporter_email, locale FROM reports WHERE id IN ({list}) \
                 AND status <> 'action_taken'"
            ))
            .fetch_all(tx.conn())
            .await?;
            for r in &rows {
                if let Some(email) = r.try_get::<Option<String>, _>("reporter_email")? {
                    tell.push(ReporterToTell {
                        report_id: r.try_get("id")?,
                        reference: r.try_get("reference")?,
                        email,
                        locale: r.try_get("locale")?,
                    });
                }
            }
            let done = sqlx::query(&format!(
                "UPDATE reports SET status = 'action_taken', status_changed_at = $1 \
                 WHERE id IN ({list}) AND status <> 'action_taken'"
            ))
            .bind(now)
            .execute(tx.conn())
            .await?;
            changed += done.rows_affected();
        }
        tx.record(
            action_event(
                now,
                actor,
                "action.complete",
                action.case_id,
                action_id,
                serde_json::json!({"outcome": outcome, "reports_marked": changed,
                    "blocked": block, "notices": notice_ids}),
            ),
            Some(action.case_id),
        )
        .await?;
        touch_case(&mut tx, action.case_id, now).await?;
        tx.commit().await?;
        Ok(tell)
    }

    async fn case_report_ids_of_action(
        &self,
        action_id: i64,
    ) -> Result<(Vec<i64>, bool), StoreError> {
        let Some(a) = self.action(action_id).await? else {
            return Err(StoreError::NotFound(format!("action {action_id}")));
        };
        self.case_report_ids(a.case_id).await
    }

    /// Ends an action without completing it: `failed` (the registrar refused) or `cancelled`.
    pub async fn close_action(
        &self,
        action_id: i64,
        status: &str,
        outcome: &str,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let action = transition(
            &mut tx,
            action_id,
            &["draft", "requested"],
            status,
            Some(outcome),
            now,
        )
        .await?;
        tx.record(
            action_event(
                now,
                actor,
                &format!("action.{status}"),
                action.case_id,
                action_id,
                serde_json::json!({"outcome": outcome}),
            ),
            Some(action.case_id),
        )
        .await?;
        touch_case(&mut tx, action.case_id, now).await?;
        tx.commit().await
    }

    /// Queues notices for an action outside its own transitions (telling reporters after
    /// completion), audited as sent by `actor`.
    pub async fn queue_notices(
        &self,
        action_id: i64,
        notices: &[NewNotice],
        actor: &str,
        now: i64,
    ) -> Result<Vec<i64>, StoreError> {
        if notices.is_empty() {
            return Ok(Vec::new());
        }
        let Some(action) = self.action(action_id).await? else {
            return Err(StoreError::NotFound(format!("action {action_id}")));
        };
        let mut tx = self.begin_audited().await?;
        let ids = insert_notices(&mut tx, action_id, notices, now).await?;
        tx.record(
            action_event(
                now,
                actor,
                "notice.queue",
                action.case_id,
                action_id,
                serde_json::json!({"kind": notices[0].kind, "count": ids.len()}),
            ),
            Some(action.case_id),
        )
        .await?;
        tx.commit().await?;
        Ok(ids)
    }

    pub async fn notice(&self, id: i64) -> Result<Option<NoticeRow>, StoreError> {
        let sql = format!("SELECT {NOTICE_COLUMNS} FROM notices WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(NoticeRow::from_row).transpose()?)
    }

    pub async fn notices_of_action(&self, action_id: i64) -> Result<Vec<NoticeRow>, StoreError> {
        let sql = format!(
            "SELECT {NOTICE_COLUMNS} FROM notices WHERE action_id = $1 ORDER BY id LIMIT 10000"
        );
        let rows = sqlx::query(&sql)
            .bind(action_id)
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(NoticeRow::from_row)
            .collect::<Result<_, _>>()?)
    }

    /// The relay accepted the notice; audited as the system's doing.
    pub async fn notice_sent(&self, id: i64, message_id: &str, now: i64) -> Result<(), StoreError> {
        let Some(n) = self.notice(id).await? else {
            return Err(StoreError::NotFound(format!("notice {id}")));
        };
        let case_id = match n.action_id {
            Some(a) => self.action(a).await?.map(|a| a.case_id),
            None => None,
        };
        let mut tx = self.begin_audited_background().await?;
        let done = sqlx::query(
            "UPDATE notices SET status = 'sent', message_id = $2, sent_at = $3, last_error = NULL \
             WHERE id = $1 AND status <> 'sent'",
        )
        .bind(id)
        .bind(message_id)
        .bind(now)
        .execute(tx.conn())
        .await?;
        if done.rows_affected() == 1 {
            let object = match (case_id, n.action_id) {
                (Some(c), Some(a)) => format!("case:{c}/action:{a}/notice:{id}"),
                _ => format!("notice:{id}"),
            };
            tx.record(
                Event {
                    at: now,
                    actor: "system".into(),
                    action: "notice.sent".into(),
                    object,
                    detail: serde_json::json!({"kind": n.kind, "to": n.recipient,
                        "message_id": message_id})
                    .to_string(),
                },
                case_id,
            )
            .await?;
        }
        tx.commit().await
    }

    /// The relay refused the notice (`failed`) or it will be retried (`queued`, with the error).
    pub async fn notice_error(
        &self,
        id: i64,
        error: &str,
        gave_up: bool,
    ) -> Result<(), StoreError> {
        let _write = self.write_guard().await;
        sqlx::query(
            "UPDATE notices SET status = $2, last_error = $3 WHERE id = $1 AND status <> 'sent'",
        )
        .bind(id)
        .bind(if gave_up { "failed" } else { "queued" })
        .bind(error)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The live block list, oldest first.
    pub async fn blocklist(&self, kind: Option<&str>) -> Result<Vec<BlockEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, kind, value, action_id, reason, added_by, added_at FROM blocklist \
             WHERE removed_at IS NULL AND ($1 = '' OR kind = $1) ORDER BY id LIMIT 1000000",
        )
        .bind(kind.unwrap_or(""))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BlockEntry {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    value: r.try_get("value")?,
                    action_id: r.try_get("action_id")?,
                    reason: r.try_get("reason")?,
                    added_by: r.try_get("added_by")?,
                    added_at: r.try_get("added_at")?,
                })
            })
            .collect()
    }

    /// Takes an entry off the block list (a false positive, a domain that changed hands).
    pub async fn unblock(
        &self,
        id: i64,
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let row = sqlx::query(
            "UPDATE blocklist SET removed_at = $2, removed_by = $3 WHERE id = $1 AND removed_at IS NULL \
             RETURNING kind, value",
        )
        .bind(id)
        .bind(now)
        .bind(actor)
        .fetch_optional(tx.conn())
        .await?;
        let Some(row) = row else {
            return Err(StoreError::NotFound(format!("block-list entry {id}")));
        };
        let kind: String = row.try_get("kind")?;
        let value: String = row.try_get("value")?;
        tx.record(
            Event {
                at: now,
                actor: actor.to_string(),
                action: "blocklist.remove".into(),
                object: format!("blocklist:{id}"),
                detail: serde_json::json!({"kind": kind, "value": value, "reason": reason})
                    .to_string(),
            },
            None,
        )
        .await?;
        tx.commit().await
    }

    pub async fn contacts(&self) -> Result<Vec<ContactRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, kind, pattern, name, email FROM abuse_contacts ORDER BY kind, pattern LIMIT 100000",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ContactRow {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    pattern: r.try_get("pattern")?,
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                })
            })
            .collect()
    }

    /// Adds or replaces the contact for (`kind`, `pattern`).
    pub async fn put_contact(
        &self,
        kind: &str,
        pattern: &str,
        name: &str,
        email: &str,
        actor: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_audited().await?;
        let row = sqlx::query(
            "INSERT INTO abuse_contacts (kind, pattern, name, email, created_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (kind, pattern) DO UPDATE SET name = excluded.name, email = excluded.email \
             RETURNING id",
        )
        .bind(kind)
        .bind(pattern)
        .bind(name)
        .bind(email)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        let id: i64 = row.try_get("id")?;
        tx.record(
            Event {
                at: now,
                actor: actor.to_string(),
                action: "contact.put".into(),
                object: format!("contact:{id}"),
                detail: serde_json::json!({"kind": kind, "pattern": pattern, "name": name,
                    "email": email})
                .to_string(),
            },
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn delete_contact(&self, id: i64, actor: &str, now: i64) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let done = sqlx::query("DELETE FROM abuse_contacts WHERE id = $1")
            .bind(id)
            .execute(tx.conn())
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound(format!("contact {id}")));
        }
        tx.record(
            Event {
                at: now,
                actor: actor.to_string(),
                action: "contact.delete".into(),
                object: format!("contact:{id}"),
                detail: "{}".into(),
            },
            None,
        )
        .await?;
        tx.commit().await
    }
}
