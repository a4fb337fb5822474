//! The abuse engine's tables: analyst rules (every version kept), decisions and their review,
//! detector findings, the marketplace's accounts as enforcement sees them, the identifiers a ban
//! records, and webhook subscriptions. Structured parts (reasons, evidence, lists) are JSON
//! text made and read by the server; this module only keeps them.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::AuditTx;
use crate::{Store, StoreError};

/// One version of an analyst rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleRow {
    pub rule_id: String,
    pub version: i64,
    pub name: String,
    pub description: String,
    /// JSON array of event types.
    pub applies_to: String,
    pub expression: String,
    pub outcome: String,
    pub score: f64,
    /// live, shadow or off.
    pub mode: String,
    pub created_by: String,
    pub created_at: i64,
}

const RULE_COLUMNS: &str = "rule_id, version, name, description, applies_to, expression, outcome, score, mode, created_by, created_at";

fn rule_of(r: &AnyRow) -> Result<RuleRow, StoreError> {
    Ok(RuleRow {
        rule_id: r.try_get(0)?,
        version: r.try_get(1)?,
        name: r.try_get(2)?,
        description: r.try_get(3)?,
        applies_to: r.try_get(4)?,
        expression: r.try_get(5)?,
        outcome: r.try_get(6)?,
        score: r.try_get(7)?,
        mode: r.try_get(8)?,
        created_by: r.try_get(9)?,
        created_at: r.try_get(10)?,
    })
}

/// A decision to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDecision {
    pub decision_id: String,
    pub event_id: String,
    pub kind: String,
    pub account_id: Option<String>,
    pub outcome: String,
    pub score: f64,
    /// JSON.
    pub reasons: String,
    /// The event line the decision was asked about.
    pub event: String,
    pub requested_by: String,
    pub created_at: i64,
    /// `pending` for decisions that go to the review queue.
    pub review_status: Option<String>,
}

/// A stored decision.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRow {
    pub id: i64,
    pub decision: NewDecision,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<i64>,
    pub review_note: Option<String>,
}

const DECISION_COLUMNS: &str = "id, decision_id, event_id, kind, account_id, outcome, score, reasons, event, requested_by, created_at, review_status, reviewed_by, reviewed_at, review_note";

fn decision_of(r: &AnyRow) -> Result<DecisionRow, StoreError> {
    Ok(DecisionRow {
        id: r.try_get(0)?,
        decision: NewDecision {
            decision_id: r.try_get(1)?,
            event_id: r.try_get(2)?,
            kind: r.try_get(3)?,
            account_id: r.try_get(4)?,
            outcome: r.try_get(5)?,
            score: r.try_get(6)?,
            reasons: r.try_get(7)?,
            event: r.try_get(8)?,
            requested_by: r.try_get(9)?,
            created_at: r.try_get(10)?,
            review_status: r.try_get(11)?,
        },
        reviewed_by: r.try_get(12)?,
        reviewed_at: r.try_get(13)?,
        review_note: r.try_get(14)?,
    })
}

/// A finding as a detector reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFinding {
    pub key: String,
    pub detector: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub score: f64,
    pub summary: String,
    /// JSON.
    pub evidence: String,
    pub accounts: Vec<String>,
    pub agents: Vec<String>,
    pub money_minor: i64,
    pub currency: String,
    pub first_at: i64,
    pub last_at: i64,
}

/// A stored finding.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingRow {
    pub id: i64,
    pub finding: NewFinding,
    /// open, confirmed or dismissed.
    pub status: String,
    pub found_at: i64,
    pub updated_at: i64,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<i64>,
    pub review_note: Option<String>,
}

const FINDING_COLUMNS: &str = "id, finding_key, detector, subject_kind, subject_id, score, summary, evidence, accounts, agents, money_minor, currency, first_at, last_at, status, found_at, updated_at, reviewed_by, reviewed_at, review_note";

fn finding_of(r: &AnyRow) -> Result<FindingRow, StoreError> {
    let list = |i: usize| -> Result<Vec<String>, StoreError> {
        let text: String = r.try_get(i)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    Ok(FindingRow {
        id: r.try_get(0)?,
        finding: NewFinding {
            key: r.try_get(1)?,
            detector: r.try_get(2)?,
            subject_kind: r.try_get(3)?,
            subject_id: r.try_get(4)?,
            score: r.try_get(5)?,
            summary: r.try_get(6)?,
            evidence: r.try_get(7)?,
            accounts: list(8)?,
            agents: list(9)?,
            money_minor: r.try_get(10)?,
            currency: r.try_get(11)?,
            first_at: r.try_get(12)?,
            last_at: r.try_get(13)?,
        },
        status: r.try_get(14)?,
        found_at: r.try_get(15)?,
        updated_at: r.try_get(16)?,
        reviewed_by: r.try_get(17)?,
        reviewed_at: r.try_get(18)?,
        review_note: r.try_get(19)?,
    })
}

/// What a detection run changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindingsSaved {
    /// Findings seen for the first time, with their new ids.
    pub new: Vec<(i64, String)>,
    /// Findings already known whose figures changed.
    pub updated: usize,
}

/// Which findings to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindingFilter {
    pub status: Option<String>,
    pub detector: Option<String>,
    pub account_id: Option<String>,
    pub agent_id: Option<String>,
}

/// A marketplace account as enforcement sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRow {
    pub id: i64,
    pub account_id: String,
    pub status: String,
    pub updated_at: i64,
}

/// One enforcement step on an account.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountActionRow {
    pub id: i64,
    pub account_id: String,
    pub action: String,
    pub reason: String,
    pub actor: String,
    pub finding_id: Option<i64>,
    pub decision_id: Option<String>,
    pub at: i64,
}

/// A banned identifier.
#[derive(Debug, Clone, PartialEq)]
pub struct BannedIdentifier {
    pub account_id: String,
    pub kind: String,
    pub value: String,
    pub banned_at: i64,
    pub lifted_at: Option<i64>,
}

/// A webhook subscription.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookRow {
    pub id: i64,
    pub url: String,
    pub secret: String,
    pub topics: Vec<String>,
    pub created_by: String,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

/// Rows per multi-row INSERT of decisions (12 values each).
const DECISIONS_PER_STATEMENT: usize = 80;

impl Store {
    // -- rules ---------------------------------------------------------------------------------

    /// Adds a version of a rule inside an audited transaction. `version` must be one more than
    /// the rule's latest (1 for a new rule): a concurrent edit makes this fail with a conflict.
    pub async fn insert_rule_version(
        &self,
        tx: &mut AuditTx,
        rule: &RuleRow,
    ) -> Result<(), StoreError> {
        let latest: Option<i64> =
            sqlx::query("SELECT MAX(version) FROM abuse_rules WHERE rule_id = $1")
                .bind(&rule.rule_id)
                .fetch_one(tx.conn())
                .await?
                .try_get(0)?;
        if latest.unwrap_or(0) + 1 != rule.version {
            return Err(StoreError::Conflict(format!(
                "rule {} is at version {}; version {} cannot follow it",
                rule.rule_id,
                latest.unwrap_or(0),
                rule.version
            )));
        }
        sqlx::query(&format!(
            "INSERT INTO abuse_rules ({RULE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        ))
        .bind(&rule.rule_id)
        .bind(rule.version)
        .bind(&rule.name)
        .bind(&rule.description)
        .bind(&rule.applies_to)
        .bind(&rule.expression)
        .bind(&rule.outcome)
        .bind(rule.score)
        .bind(&rule.mode)
        .bind(&rule.created_by)
        .bind(rule.created_at)
        .execute(tx.conn())
        .await?;
        Ok(())
    }

    /// The latest version of every rule (those switched off included), by id.
    pub async fn current_rules(&self) -> Result<Vec<RuleRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {RULE_COLUMNS} FROM abuse_rules r WHERE version = \
             (SELECT MAX(version) FROM abuse_rules s WHERE s.rule_id = r.rule_id) ORDER BY rule_id"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rule_of).collect()
    }

    /// Every version of one rule, newest first.
    pub async fn rule_versions(&self, rule_id: &str) -> Result<Vec<RuleRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {RULE_COLUMNS} FROM abuse_rules WHERE rule_id = $1 ORDER BY version DESC"
        ))
        .bind(rule_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rule_of).collect()
    }

    // -- decisions -----------------------------------------------------------------------------

    /// Stores decisions in one transaction (the server gathers concurrent requests into one),
    /// with jobs (kind, payload) due at `now` that announce them.
    pub async fn insert_decisions(
        &self,
        decisions: &[NewDecision],
        jobs: &[(String, String)],
        now: i64,
    ) -> Result<(), StoreError> {
        if decisions.is_empty() {
            return Ok(());
        }
        let _write = self.urgent_write_guard().await;
        let mut tx = self.pool().begin().await?;
        for chunk in decisions.chunks(DECISIONS_PER_STATEMENT) {
            let mut sql = String::from(
                "INSERT INTO abuse_decisions (decision_id, event_id, kind, account_id, outcome, score, \
                 reasons, event, requested_by, created_at, review_status) VALUES ",
            );
            for i in 0..chunk.len() {
                let b = i * 11;
                if i > 0 {
                    sql.push_str(", ");
                }
                let marks: Vec<String> = (1..=11).map(|k| format!("${}", b + k)).collect();
                sql.push('(');
                sql.push_str(&marks.join(", "));
                sql.push(')');
            }
            let mut q = sqlx::query(&sql);
            for d in chunk {
                q = q
                    .bind(&d.decision_id)
                    .bind(&d.event_id)
                    .bind(&d.kind)
                    .bind(&d.account_id)
                    .bind(&d.outcome)
                    .bind(d.score)
                    .bind(&d.reasons)
                    .bind(&d.event)
                    .bind(&d.requested_by)
                    .bind(d.created_at)
                    .bind(&d.review_status);
            }
            q.execute(&mut *tx).await?;
        }
        for (kind, payload) in jobs {
            crate::jobs::enqueue_in(&mut tx, kind, payload, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn decision(&self, decision_id: &str) -> Result<Option<DecisionRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {DECISION_COLUMNS} FROM abuse_decisions WHERE decision_id = $1"
        ))
        .bind(decision_id)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(decision_of).transpose()
    }

    /// Decisions newest first; `review_status` filters (`pending` is the review queue),
    /// `account_id` narrows to one account.
    pub async fn decisions(
        &self,
        review_status: Option<&str>,
        account_id: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<DecisionRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DECISION_COLUMNS} FROM abuse_decisions \
             WHERE ($1 IS NULL OR review_status = $1) AND ($2 IS NULL OR account_id = $2) \
             ORDER BY id DESC LIMIT $3 OFFSET $4"
        ))
        .bind(review_status)
        .bind(account_id)
        .bind(limit.clamp(1, 1_000))
        .bind(offset.max(0))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(decision_of).collect()
    }

    /// Decisions waiting for review.
    pub async fn pending_reviews(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM abuse_decisions WHERE review_status = 'pending'")
                .fetch_one(self.pool())
                .await?
                .try_get(0)?,
        )
    }

    /// Approves or denies a pending decision inside an audited transaction; false when it was
    /// not pending (already reviewed, or never needed review).
    pub async fn review_decision(
        &self,
        tx: &mut AuditTx,
        decision_id: &str,
        status: &str,
        by: &str,
        note: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE abuse_decisions SET review_status = $1, reviewed_by = $2, reviewed_at = $3, \
             review_note = $4 WHERE decision_id = $5 AND review_status = 'pending'",
        )
        .bind(status)
        .bind(by)
        .bind(at)
        .bind(note)
        .bind(decision_id)
        .execute(tx.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    // -- findings ------------------------------------------------------------------------------

    /// Saves a detection run: new findings are inserted as open, known ones get their figures
    /// updated (their review status stays). Findings a run no longer reports are left as they
    /// are: evidence once found stays found.
    pub async fn save_findings(
        &self,
        findings: &[NewFinding],
        now: i64,
    ) -> Result<FindingsSaved, StoreError> {
        let mut saved = FindingsSaved::default();
        if findings.is_empty() {
            return Ok(saved);
        }
        let _write = self.write_guard().await;
        let mut tx = self.pool().begin().await?;
        for f in findings {
            let accounts = serde_json::to_string(&f.accounts).unwrap_or_else(|_| "[]".into());
            let agents = serde_json::to_string(&f.agents).unwrap_or_else(|_| "[]".into());
            let known = sqlx::query(
                "SELECT id, score, summary, evidence, money_minor, last_at FROM abuse_findings \
                 WHERE finding_key = $1",
            )
            .bind(&f.key)
            .fetch_optional(&mut *tx)
            .await?;
            match known {
                Some(row) => {
                    let id: i64 = row.try_get(0)?;
                    let same = row.try_get::<f64, _>(1)? == f.score
                        && row.try_get::<String, _>(2)? == f.summary
                        && row.try_get::<String, _>(3)? == f.evidence
                        && row.try_get::<i64, _>(4)? == f.money_minor
                        && row.try_get::<i64, _>(5)? == f.last_at;
                    if same {
                        continue;
                    }
                    sqlx::query(
                        "UPDATE abuse_findings SET score = $1, summary = $2, evidence = $3, \
                         accounts = $4, agents = $5, money_minor = $6, currency = $7, first_at = $8, \
                         last_at = $9, updated_at = $10 WHERE id = $11",
                    )
                    .bind(f.score)
                    .bind(&f.summary)
                    .bind(&f.evidence)
                    .bind(&accounts)
                    .bind(&agents)
                    .bind(f.money_minor)
                    .bind(&f.currency)
                    .bind(f.first_at)
                    .bind(f.last_at)
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("DELETE FROM abuse_finding_accounts WHERE finding_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    insert_finding_accounts(&mut tx, id, &f.accounts).await?;
                    saved.updated += 1;
                }
                None => {
                    let id: i64 = sqlx::query(
                        "INSERT INTO abuse_findings (finding_key, detector, subject_kind, subject_id, \
                         score, summary, evidence, accounts, agents, money_minor, currency, first_at, \
                         last_at, status, found_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, \
                         $8, $9, $10, $11, $12, $13, 'open', $14, $14) RETURNING id",
                    )
                    .bind(&f.key)
                    .bind(&f.detector)
                    .bind(&f.subject_kind)
                    .bind(&f.subject_id)
                    .bind(f.score)
                    .bind(&f.summary)
                    .bind(&f.evidence)
                    .bind(&accounts)
                    .bind(&agents)
                    .bind(f.money_minor)
                    .bind(&f.currency)
                    .bind(f.first_at)
                    .bind(f.last_at)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                    insert_finding_accounts(&mut tx, id, &f.accounts).await?;
                    saved.new.push((id, f.key.clone()));
                }
            }
        }
        tx.commit().await?;
        Ok(saved)
    }

    pub async fn finding(&self, id: i64) -> Result<Option<FindingRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {FINDING_COLUMNS} FROM abuse_findings WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(finding_of).transpose()
    }

    /// Findings, highest score first.
    pub async fn findings(
        &self,
        filter: &FindingFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<FindingRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {FINDING_COLUMNS} FROM abuse_findings f \
             WHERE ($1 IS NULL OR status = $1) AND ($2 IS NULL OR detector = $2) \
             AND ($3 IS NULL OR EXISTS (SELECT 1 FROM abuse_finding_accounts a \
                  WHERE a.finding_id = f.id AND a.account_id = $3)) \
             AND ($4 IS NULL OR agents LIKE $4) \
             ORDER BY score DESC, id LIMIT $5 OFFSET $6"
        ))
        .bind(&filter.status)
        .bind(&filter.detector)
        .bind(&filter.account_id)
        .bind(
            filter
                .agent_id
                .as_ref()
                .map(|a| format!("%{}%", serde_json::Value::from(a.as_str()))),
        )
        .bind(limit.clamp(1, 1_000))
        .bind(offset.max(0))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(finding_of).collect()
    }

    /// Per status, how many findings there are.
    pub async fn finding_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT status, COUNT(*) FROM abuse_findings GROUP BY status ORDER BY status",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    /// Open findings per account (count, highest score), for decisions.
    pub async fn open_findings_by_account(&self) -> Result<Vec<(String, i64, f64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.account_id, COUNT(*), MAX(f.score) FROM abuse_finding_accounts a \
             JOIN abuse_findings f ON f.id = a.finding_id WHERE f.status <> 'dismissed' \
             GROUP BY a.account_id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }

    /// Confirms or dismisses a finding inside an audited transaction; false when it was not
    /// open.
    pub async fn review_finding(
        &self,
        tx: &mut AuditTx,
        id: i64,
        status: &str,
        by: &str,
        note: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE abuse_findings SET status = $1, reviewed_by = $2, reviewed_at = $3, \
             review_note = $4 WHERE id = $5 AND status = 'open'",
        )
        .bind(status)
        .bind(by)
        .bind(at)
        .bind(note)
        .bind(id)
        .execute(tx.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    // -- accounts ------------------------------------------------------------------------------

    /// The account's row, made (as active) on first use: cases link to its id.
    pub async fn abuse_account(
        &self,
        tx: &mut AuditTx,
        account_id: &str,
        now: i64,
    ) -> Result<AccountRow, StoreError> {
        sqlx::query(
            "INSERT INTO abuse_accounts (account_id, status, updated_at) VALUES ($1, 'active', $2) \
             ON CONFLICT (account_id) DO NOTHING",
        )
        .bind(account_id)
        .bind(now)
        .execute(tx.conn())
        .await?;
        let r = sqlx::query(
            "SELECT id, account_id, status, updated_at FROM abuse_accounts WHERE account_id = $1",
        )
        .bind(account_id)
        .fetch_one(tx.conn())
        .await?;
        Ok(AccountRow {
            id: r.try_get(0)?,
            account_id: r.try_get(1)?,
            status: r.try_get(2)?,
            updated_at: r.try_get(3)?,
        })
    }

    /// Accounts whose status is not `active`: (account id, status).
    pub async fn inactive_accounts(&self) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT account_id, status FROM abuse_accounts WHERE status <> 'active' ORDER BY id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    pub async fn account_status(&self, account_id: &str) -> Result<Option<AccountRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, account_id, status, updated_at FROM abuse_accounts WHERE account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(AccountRow {
                id: r.try_get(0)?,
                account_id: r.try_get(1)?,
                status: r.try_get(2)?,
                updated_at: r.try_get(3)?,
            })
        })
        .transpose()
    }

    /// Records an action on an account and sets its status, inside an audited transaction.
    /// A ban also records `identifiers` (kind, value); reinstating lifts the account's bans.
    #[allow(clippy::too_many_arguments)]
    pub async fn act_on_account(
        &self,
        tx: &mut AuditTx,
        account_id: &str,
        action: &str,
        status: &str,
        reason: &str,
        actor: &str,
        finding_id: Option<i64>,
        decision_id: Option<&str>,
        identifiers: &[(String, String)],
        now: i64,
    ) -> Result<i64, StoreError> {
        self.abuse_account(tx, account_id, now).await?;
        let id: i64 = sqlx::query(
            "INSERT INTO abuse_account_actions (account_id, action, reason, actor, finding_id, \
             decision_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(account_id)
        .bind(action)
        .bind(reason)
        .bind(actor)
        .bind(finding_id)
        .bind(decision_id)
        .bind(now)
        .fetch_one(tx.conn())
        .await?
        .try_get(0)?;
        sqlx::query("UPDATE abuse_accounts SET status = $1, updated_at = $2 WHERE account_id = $3")
            .bind(status)
            .bind(now)
            .bind(account_id)
            .execute(tx.conn())
            .await?;
        if status == "banned" {
            for (kind, value) in identifiers {
                sqlx::query(
                    "INSERT INTO abuse_banned_identifiers (account_id, kind, value, action_id, banned_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(account_id)
                .bind(kind)
                .bind(value)
                .bind(id)
                .bind(now)
                .execute(tx.conn())
                .await?;
            }
        } else {
            sqlx::query(
                "UPDATE abuse_banned_identifiers SET lifted_at = $1 WHERE account_id = $2 AND lifted_at IS NULL",
            )
            .bind(now)
            .bind(account_id)
            .execute(tx.conn())
            .await?;
        }
        Ok(id)
    }

    pub async fn account_actions(
        &self,
        account_id: &str,
    ) -> Result<Vec<AccountActionRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, account_id, action, reason, actor, finding_id, decision_id, at \
             FROM abuse_account_actions WHERE account_id = $1 ORDER BY id",
        )
        .bind(account_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AccountActionRow {
                    id: r.try_get(0)?,
                    account_id: r.try_get(1)?,
                    action: r.try_get(2)?,
                    reason: r.try_get(3)?,
                    actor: r.try_get(4)?,
                    finding_id: r.try_get(5)?,
                    decision_id: r.try_get(6)?,
                    at: r.try_get(7)?,
                })
            })
            .collect()
    }

    /// Identifiers of banned accounts; `active_only` leaves out lifted bans.
    pub async fn banned_identifiers(
        &self,
        account_id: Option<&str>,
        active_only: bool,
    ) -> Result<Vec<BannedIdentifier>, StoreError> {
        let rows = sqlx::query(
            "SELECT account_id, kind, value, banned_at, lifted_at FROM abuse_banned_identifiers \
             WHERE ($1 IS NULL OR account_id = $1) AND ($2 = 0 OR lifted_at IS NULL) ORDER BY id",
        )
        .bind(account_id)
        .bind(i64::from(active_only))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BannedIdentifier {
                    account_id: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    value: r.try_get(2)?,
                    banned_at: r.try_get(3)?,
                    lifted_at: r.try_get(4)?,
                })
            })
            .collect()
    }

    // -- webhooks ------------------------------------------------------------------------------

    pub async fn add_webhook(
        &self,
        tx: &mut AuditTx,
        url: &str,
        secret: &str,
        topics: &[String],
        by: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let topics = serde_json::to_string(topics).unwrap_or_else(|_| "[]".into());
        Ok(sqlx::query(
            "INSERT INTO abuse_webhooks (url, secret, topics, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(url)
        .bind(secret)
        .bind(&topics)
        .bind(by)
        .bind(now)
        .fetch_one(tx.conn())
        .await?
        .try_get(0)?)
    }

    /// Disables a webhook; false when there was no enabled webhook with that id.
    pub async fn disable_webhook(
        &self,
        tx: &mut AuditTx,
        id: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE abuse_webhooks SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(tx.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn webhooks(&self) -> Result<Vec<WebhookRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, url, secret, topics, created_by, created_at, disabled_at FROM abuse_webhooks ORDER BY id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let topics: String = r.try_get(3)?;
                Ok(WebhookRow {
                    id: r.try_get(0)?,
                    url: r.try_get(1)?,
                    secret: r.try_get(2)?,
                    topics: serde_json::from_str(&topics).unwrap_or_default(),
                    created_by: r.try_get(4)?,
                    created_at: r.try_get(5)?,
                    disabled_at: r.try_get(6)?,
                })
            })
            .collect()
    }
}

async fn insert_finding_accounts(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    finding_id: i64,
    accounts: &[String],
) -> Result<(), StoreError> {
    for a in accounts {
        sqlx::query(
            "INSERT INTO abuse_finding_accounts (finding_id, account_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(finding_id)
        .bind(a)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
