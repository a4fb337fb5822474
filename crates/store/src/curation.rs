//! Analysts' corrections to what the machine concluded: triage of new reports, campaigns merged
//! and split by hand, indicators marked benign. Each is audited and, where correlation must
//! follow, leaves a command the correlator carries out (see `server::correlator`).

use rampart_casework::audit::Event;
use sqlx::Row;

use crate::{Store, StoreError};

/// Stop an indicator from tying reports together.
pub const EXCLUDE: &str = "exclude";
/// Let an excluded indicator tie reports together again.
pub const INCLUDE: &str = "include";
/// Rebuild the correlation from the stored links (after a manual link was added or removed).
pub const REBUILD: &str = "rebuild";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrelationCommand {
    pub id: i64,
    pub kind: String,
    pub indicator_id: Option<i64>,
    pub campaign_id: Option<i64>,
}

/// A triage decision on a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Triage {
    /// A real scam report: it is worked on (`under_review` for the reporter).
    Accept,
    /// Not a scam, spam, or nothing to act on; the reporter still sees it was reviewed.
    Dismiss,
}

impl Triage {
    pub fn as_str(self) -> &'static str {
        match self {
            Triage::Accept => "accepted",
            Triage::Dismiss => "dismissed",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ManualLink {
    pub id: i64,
    pub report_a: i64,
    pub report_b: i64,
    pub reason: String,
    pub created_by: String,
    pub created_at: i64,
}

fn event(now: i64, actor: &str, action: &str, object: String, detail: serde_json::Value) -> Event {
    Event {
        at: now,
        actor: actor.to_string(),
        action: action.to_string(),
        object,
        detail: detail.to_string(),
    }
}

async fn command(
    conn: &mut sqlx::AnyConnection,
    kind: &str,
    indicator_id: Option<i64>,
    campaign_id: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO correlation_commands (kind, indicator_id, campaign_id, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(kind)
    .bind(indicator_id)
    .bind(campaign_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Records a triage decision on reports still in the queue; reports already triaged are
    /// left as they are. Returns how many were triaged.
    pub async fn triage(
        &self,
        reports: &[i64],
        decision: Triage,
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_audited().await?;
        let mut done = 0;
        for &id in reports {
            let changed = sqlx::query(
                "UPDATE reports SET triage = $2, triaged_at = $3, triaged_by = $4, \
                 status = CASE WHEN status = 'received' THEN 'under_review' ELSE status END, \
                 status_changed_at = CASE WHEN status = 'received' THEN $3 ELSE status_changed_at END \
                 WHERE id = $1 AND triage IS NULL",
            )
            .bind(id)
            .bind(decision.as_str())
            .bind(now)
            .bind(actor)
            .execute(tx.conn())
            .await?;
            if changed.rows_affected() == 1 {
                done += 1;
                tx.record(
                    event(
                        now,
                        actor,
                        &format!("report.{}", decision.as_str()),
                        format!("report:{id}"),
                        serde_json::json!({"reason": reason}),
                    ),
                    None,
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(done)
    }

    /// Merges campaign `from` into `into` by hand: a manual link joins a report of each, the
    /// reports of `from` move to `into` at once, cases follow, and the correlator rebuilds so
    /// that the merge holds from now on.
    pub async fn merge_campaigns(
        &self,
        from: i64,
        into: i64,
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        if from == into {
            return Err(StoreError::Conflict(
                "a campaign cannot be merged into itself".into(),
            ));
        }
        let mut tx = self.begin_audited().await?;
        let mut ends = Vec::with_capacity(2);
        for c in [from, into] {
            let live = sqlx::query(
                "SELECT id FROM campaigns WHERE id = $1 AND merged_into IS NULL AND report_count > 0",
            )
            .bind(c)
            .fetch_optional(tx.conn())
            .await?;
            if live.is_none() {
                return Err(StoreError::NotFound(format!("live campaign {c}")));
            }
            let row = sqlx::query(
                "SELECT MIN(id) AS r FROM reports WHERE campaign_id = $1 AND correlated_at IS NOT NULL",
            )
            .bind(c)
            .fetch_one(tx.conn())
            .await?;
            let Some(r) = row.try_get::<Option<i64>, _>("r")? else {
                return Err(StoreError::Conflict(format!(
                    "campaign {c} has no correlated report yet"
                )));
            };
            ends.push(r);
        }
        let row = sqlx::query(
            "INSERT INTO manual_links (report_a, report_b, reason, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(ends[0])
        .bind(ends[1])
        .bind(reason)
        .bind(actor)
        .bind(now)
        .fetch_one(tx.conn())
        .await?;
        let link: i64 = row.try_get("id")?;
        let moved = sqlx::query("UPDATE reports SET campaign_id = $2 WHERE campaign_id = $1")
            .bind(from)
            .bind(into)
            .execute(tx.conn())
            .await?
            .rows_affected();
        sqlx::query(
            "UPDATE campaigns SET merged_into = $2, report_count = 0, reporter_count = 0, score = 0, \
             updated_at = $3 WHERE id = $1",
        )
        .bind(from)
        .bind(into)
        .bind(now)
        .execute(tx.conn())
        .await?;
        // Cases that followed `from` now follow `into`.
        sqlx::query(
            "INSERT INTO case_links (case_id, kind, ref_id, added_by, added_at) \
             SELECT case_id, 'campaign', $2, added_by, added_at FROM case_links \
             WHERE kind = 'campaign' AND ref_id = $1 ON CONFLICT (case_id, kind, ref_id) DO NOTHING",
        )
        .bind(from)
        .bind(into)
        .execute(tx.conn())
        .await?;
        sqlx::query("DELETE FROM case_links WHERE kind = 'campaign' AND ref_id = $1")
            .bind(from)
            .execute(tx.conn())
            .await?;
        command(tx.conn(), REBUILD, None, Some(into), now).await?;
        tx.record(
            event(
                now,
                actor,
                "campaign.merge",
                format!("campaign:{into}"),
                serde_json::json!({"from": from, "into": into, "reason": reason,
                    "manual_link": link, "reports_moved": moved}),
            ),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(link)
    }

    /// The manual links that hold a campaign's merges together.
    pub async fn manual_links(&self, campaign_id: i64) -> Result<Vec<ManualLink>, StoreError> {
        let rows = sqlx::query(
            "SELECT m.id, m.report_a, m.report_b, m.reason, m.created_by, m.created_at \
             FROM manual_links m JOIN reports r ON r.id = m.report_a \
             WHERE m.removed_at IS NULL AND r.campaign_id = $1 ORDER BY m.id LIMIT 1000",
        )
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ManualLink {
                    id: r.try_get("id")?,
                    report_a: r.try_get("report_a")?,
                    report_b: r.try_get("report_b")?,
                    reason: r.try_get("reason")?,
                    created_by: r.try_get("created_by")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Undoes a manual merge: the link goes and the correlator rebuilds, so the campaigns it
    /// held together come apart again unless their indicators tie them.
    pub async fn remove_manual_link(
        &self,
        link: i64,
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let row = sqlx::query(
            "UPDATE manual_links SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL \
             RETURNING report_a",
        )
        .bind(link)
        .bind(now)
        .fetch_optional(tx.conn())
        .await?;
        let Some(row) = row else {
            return Err(StoreError::NotFound(format!("manual link {link}")));
        };
        let report: i64 = row.try_get("report_a")?;
        let campaign = sqlx::query("SELECT campaign_id FROM reports WHERE id = $1")
            .bind(report)
            .fetch_one(tx.conn())
            .await?
            .try_get::<Option<i64>, _>("campaign_id")?;
        command(tx.conn(), REBUILD, None, campaign, now).await?;
        tx.record(
            event(
                now,
                actor,
                "campaign.split",
                format!("campaign:{}", campaign.unwrap_or(0)),
                serde_json::json!({"manual_link": link, "reason": reason}),
            ),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// Splits a campaign by hand: the given indicators stop tying reports together (they are
    /// the ones that joined unrelated reports), and the correlator splits the campaign to
    /// match.
    pub async fn split_campaign(
        &self,
        campaign_id: i64,
        indicators: &[i64],
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        if indicators.is_empty() {
            return Err(StoreError::Conflict(
                "name the indicators that wrongly tie the campaign together".into(),
            ));
        }
        let mut tx = self.begin_audited().await?;
        for &i in indicators {
            let done = sqlx::query("UPDATE indicators SET excluded = 1 WHERE id = $1")
                .bind(i)
                .execute(tx.conn())
                .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::NotFound(format!("indicator {i}")));
            }
            command(tx.conn(), EXCLUDE, Some(i), Some(campaign_id), now).await?;
        }
        tx.record(
            event(
                now,
                actor,
                "campaign.split",
                format!("campaign:{campaign_id}"),
                serde_json::json!({"excluded_indicators": indicators, "reason": reason}),
            ),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// Marks an indicator benign (or not): it joins the warning list, stops correlating, and
    /// no longer counts against anyone in "is this really us?".
    pub async fn set_benign(
        &self,
        indicator_id: i64,
        benign: bool,
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_audited().await?;
        let done = if benign {
            sqlx::query(
                "UPDATE indicators SET excluded = 1, benign_at = $2, \
                 warning = COALESCE(warning, 'marked benign by an analyst') WHERE id = $1",
            )
            .bind(indicator_id)
            .bind(now)
            .execute(tx.conn())
            .await?
        } else {
            sqlx::query(
                "UPDATE indicators SET excluded = 0, benign_at = NULL, \
                 warning = CASE WHEN warning = 'marked benign by an analyst' THEN NULL ELSE warning END \
                 WHERE id = $1",
            )
            .bind(indicator_id)
            .execute(tx.conn())
            .await?
        };
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound(format!("indicator {indicator_id}")));
        }
        command(
            tx.conn(),
            if benign { EXCLUDE } else { INCLUDE },
            Some(indicator_id),
            None,
            now,
        )
        .await?;
        tx.record(
            event(
                now,
                actor,
                if benign {
                    "indicator.benign"
                } else {
                    "indicator.not_benign"
                },
                format!("indicator:{indicator_id}"),
                serde_json::json!({"reason": reason}),
            ),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// Commands not yet carried out, oldest first.
    pub async fn pending_correlation_commands(
        &self,
        limit: u32,
    ) -> Result<Vec<CorrelationCommand>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, kind, indicator_id, campaign_id FROM correlation_commands \
             WHERE done_at IS NULL ORDER BY id LIMIT $1",
        )
        .bind(i64::from(limit.min(i32::MAX as u32)))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CorrelationCommand {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    indicator_id: r.try_get("indicator_id")?,
                    campaign_id: r.try_get("campaign_id")?,
                })
            })
            .collect()
    }
}
