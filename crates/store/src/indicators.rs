//! Indicators and their links to reports: one row per distinct (kind, value), one link row per
//! report that carries it. Storage grows with reports and indicators, never with pairs.

use std::collections::{BTreeMap, HashMap, HashSet};

use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Dialect, Store, StoreError};

/// One indicator found in a report, with what the brand check and the warning list said.
#[derive(Debug, Clone)]
pub struct NewLink {
    pub kind: String,
    pub value: String,
    pub unicode: Option<String>,
    pub verdict: String,
    pub brand: Option<String>,
    pub score: f64,
    pub reason: String,
    /// Why it must never correlate (warning list), if so.
    pub warning: Option<String>,
    /// Where in the report: body, subject or sender.
    pub source: String,
    pub raw: String,
    pub start: i64,
    pub end: i64,
}

/// The key indicators are unique by (with their kind).
pub(crate) fn value_sha256(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// What processing found for one report.
#[derive(Debug, Clone)]
pub struct Processed {
    pub report_id: i64,
    pub language: Option<String>,
    pub links: Vec<NewLink>,
}

/// A stored indicator.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    pub id: i64,
    pub kind: String,
    pub value: String,
    pub unicode: Option<String>,
    pub verdict: String,
    pub brand: Option<String>,
    pub score: f64,
    pub reason: String,
    pub warning: Option<String>,
    pub is_hub: bool,
    pub report_count: i64,
    pub first_seen: i64,
    pub last_seen: i64,
    /// An analyst stopped it from tying reports together (a split, or marked benign).
    pub excluded: bool,
    pub benign_at: Option<i64>,
}

const INDICATOR_COLUMNS: &str = "i.id, i.kind, i.value, i.unicode, i.verdict, i.brand, i.score, \
    i.reason, i.warning, i.is_hub, i.report_count, i.first_seen, i.last_seen, i.excluded, \
    i.benign_at";

impl IndicatorRow {
    pub(crate) fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        let is_hub: i64 = row.try_get("is_hub")?;
        Ok(IndicatorRow {
            id: row.try_get("id")?,
            kind: row.try_get("kind")?,
            value: row.try_get("value")?,
            unicode: row.try_get("unicode")?,
            verdict: row.try_get("verdict")?,
            brand: row.try_get("brand")?,
            score: row.try_get("score")?,
            reason: row.try_get("reason")?,
            warning: row.try_get("warning")?,
            is_hub: is_hub != 0,
            report_count: row.try_get("report_count")?,
            first_seen: row.try_get("first_seen")?,
            last_seen: row.try_get("last_seen")?,
            // Queries that aggregate list their columns themselves and may leave these out.
            excluded: row
                .try_get::<i64, _>("excluded")
                .map(|v| v != 0)
                .unwrap_or(false),
            benign_at: row.try_get("benign_at").unwrap_or(None),
        })
    }

    /// Whether it may tie reports together: not an official channel of the brand, not on the
    /// warning list, not a hub.
    pub fn correlates(&self) -> bool {
        self.verdict != "official" && self.warning.is_none() && !self.is_hub
    }
}

/// An indicator as it appears in one report.
#[derive(Debug, Clone)]
pub struct ReportIndicator {
    pub indicator: IndicatorRow,
    pub source: String,
    pub raw: String,
    pub start: i64,
    pub end: i64,
}

/// An indicator with the reports and campaigns it appears in.
#[derive(Debug, Clone)]
pub struct IndicatorDetail {
    pub indicator: IndicatorRow,
    pub campaign_ids: Vec<i64>,
    pub report_ids: Vec<i64>,
}

impl Store {
    /// Stores what processing found for a report, in one transaction: its language, each
    /// distinct indicator (created or updated), one link each, and `processed_at`. Running it
    /// twice for a report changes nothing the second time. Returns whether it stored anything.
    pub async fn save_processing(
        &self,
        report_id: i64,
        language: Option<&str>,
        links: &[NewLink],
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = self
            .save_processing_batch(
                &[Processed {
                    report_id,
                    language: language.map(str::to_string),
                    links: links.to_vec(),
                }],
                &[],
                "",
                now,
            )
            .await?;
        Ok(done == 1)
    }

    /// Stores what processing found for several reports and removes their jobs (`done_jobs`,
    /// claimed by `worker`), all in one transaction, so a crash leaves either the job or its
    /// result and never both or neither. Returns how many reports were stored (already
    /// processed ones are skipped).
    pub async fn save_processing_batch(
        &self,
        reports: &[Processed],
        done_jobs: &[i64],
        worker: &str,
        now: i64,
    ) -> Result<usize, StoreError> {
        let _write = self.write_guard().await;
        let mut tx = self.pool().begin().await?;
        // Which reports this transaction really processes (a retried job finds its report
        // done), and for each distinct indicator how many of them carry it.
        let mut fresh = Vec::with_capacity(reports.len());
        for r in reports {
            let done = sqlx::query(
                "UPDATE reports SET language = $1, processed_at = $2, \
                 status = CASE WHEN status = 'received' THEN 'under_review' ELSE status END, \
                 status_changed_at = CASE WHEN status = 'received' THEN $2 ELSE status_changed_at END \
                 WHERE id = $3 AND processed_at IS NULL",
            )
            .bind(&r.language)
            .bind(now)
            .bind(r.report_id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                if self.dialect() == Dialect::Sqlite {
                    // The search index (PostgreSQL's trigram index keeps itself).
                    sqlx::query(
                        "INSERT INTO reports_fts (rowid, subject, body, sender, description) \
                         SELECT id, subject, body, sender, description FROM reports WHERE id = $1",
                    )
                    .bind(r.report_id)
                    .execute(&mut *tx)
                    .await?;
                }
                fresh.push(r);
            }
        }
        let mut distinct: BTreeMap<(&str, &str), (&NewLink, i64)> = BTreeMap::new();
        for r in &fresh {
            let mut seen: HashSet<(&str, &str)> = HashSet::new();
            for link in &r.links {
                if seen.insert((&link.kind, &link.value)) {
                    distinct
                        .entry((&link.kind, &link.value))
                        .or_insert((link, 0))
                        .1 += 1;
                }
            }
        }
        // Upserts in one global order (kind, value), so concurrent batches on PostgreSQL lock
        // indicator rows in the same order and cannot deadlock each other.
        let mut ids: HashMap<(&str, &str), i64> = HashMap::with_capacity(distinct.len());
        for (key, (link, count)) in &distinct {
            let row = sqlx::query(
                "INSERT INTO indicators (kind, value, unicode, verdict, brand, score, reason, warning, \
                 report_count, first_seen, last_seen, value_sha256) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10, $9, $9, $11) \
                 ON CONFLICT (kind, value_sha256) DO UPDATE SET report_count = indicators.report_count + $10, \
                 last_seen = CASE WHEN indicators.last_seen > $9 THEN indicators.last_seen ELSE $9 END \
                 RETURNING id",
            )
            .bind(&link.kind)
            .bind(&link.value)
            .bind(&link.unicode)
            .bind(&link.verdict)
            .bind(&link.brand)
            .bind(link.score)
            .bind(&link.reason)
            .bind(&link.warning)
            .bind(now)
            .bind(*count)
            .bind(value_sha256(&link.value))
            .fetch_one(&mut *tx)
            .await?;
            ids.insert(*key, row.try_get("id")?);
        }
        for r in &fresh {
            let mut seen: HashSet<(&str, &str)> = HashSet::new();
            for link in &r.links {
                if !seen.insert((&link.kind, &link.value)) {
                    continue;
                }
                let Some(&indicator_id) = ids.get(&(link.kind.as_str(), link.value.as_str()))
                else {
                    continue;
                };
                sqlx::query(
                    "INSERT INTO report_indicators (report_id, indicator_id, source, raw, start_offset, end_offset, \
                     correlates) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(r.report_id)
                .bind(indicator_id)
                .bind(&link.source)
                .bind(&link.raw)
                .bind(link.start)
                .bind(link.end)
                .bind(i64::from(link.warning.is_none() && link.verdict != "official"))
                .execute(&mut *tx)
                .await?;
            }
        }
        let stored = fresh.len();
        for chunk in done_jobs.chunks(500) {
            let placeholders: Vec<String> =
                (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "DELETE FROM jobs WHERE locked_by = $1 AND id IN ({})",
                placeholders.join(", ")
            );
            let mut q = sqlx::query(&sql).bind(worker);
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(stored)
    }

    /// A report's indicators, in the order they were found.
    pub async fn report_indicators(
        &self,
        report_id: i64,
    ) -> Result<Vec<ReportIndicator>, StoreError> {
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS}, ri.source, ri.raw, ri.start_offset, ri.end_offset \
             FROM report_indicators ri JOIN indicators i ON i.id = ri.indicator_id \
             WHERE ri.report_id = $1 ORDER BY ri.source, ri.start_offset, i.kind"
        );
        let rows = sqlx::query(&sql)
            .bind(report_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ReportIndicator {
                    indicator: IndicatorRow::from_row(r)?,
                    source: r.try_get("source")?,
                    raw: r.try_get("raw")?,
                    start: r.try_get("start_offset")?,
                    end: r.try_get("end_offset")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// An indicator by its id, with its reports and campaigns.
    pub async fn indicator_by_id(
        &self,
        id: i64,
        report_limit: u32,
    ) -> Result<Option<IndicatorDetail>, StoreError> {
        let Some(row) = sqlx::query("SELECT kind, value FROM indicators WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let (kind, value): (String, String) = (row.try_get("kind")?, row.try_get("value")?);
        self.indicator(&kind, &value, report_limit).await
    }

    pub async fn indicator(
        &self,
        kind: &str,
        value: &str,
        report_limit: u32,
    ) -> Result<Option<IndicatorDetail>, StoreError> {
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicators i WHERE i.kind = $1 AND i.value_sha256 = $2"
        );
        let Some(row) = sqlx::query(&sql)
            .bind(kind)
            .bind(value_sha256(value))
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let indicator = IndicatorRow::from_row(&row)?;
        let campaign_ids = sqlx::query(
            "SELECT DISTINCT r.campaign_id FROM report_indicators ri JOIN reports r ON r.id = ri.report_id \
             WHERE ri.indicator_id = $1 AND r.campaign_id IS NOT NULL ORDER BY r.campaign_id LIMIT 1000",
        )
        .bind(indicator.id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>("campaign_id"))
        .collect::<Result<Vec<_>, _>>()?;
        let report_ids = sqlx::query(
            "SELECT report_id FROM report_indicators WHERE indicator_id = $1 ORDER BY report_id DESC LIMIT $2",
        )
        .bind(indicator.id)
        .bind(i64::from(report_limit))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>("report_id"))
        .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(IndicatorDetail {
            indicator,
            campaign_ids,
            report_ids,
        }))
    }
}

/// What the public may know of an indicator: how many distinct people reported it, since when,
/// and how it reached them. Counts over at most [`PUBLIC_SAMPLE`] of its reports, so a check
/// costs the same whatever the indicator's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicIndicator {
    pub warning: Option<String>,
    pub is_hub: bool,
    pub reporters: i64,
    pub first_reported: i64,
    /// Channels by distinct reporters, most first.
    pub channels: Vec<String>,
    /// Whether any of its reports belongs to a campaign.
    pub in_campaign: bool,
}

/// Reports of one indicator the public summary reads at most.
pub const PUBLIC_SAMPLE: i64 = 10_000;

impl Store {
    pub async fn public_indicator(
        &self,
        kind: &str,
        value: &str,
    ) -> Result<Option<PublicIndicator>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, warning, is_hub FROM indicators WHERE kind = $1 AND value_sha256 = $2",
        )
        .bind(kind)
        .bind(value_sha256(value))
        .fetch_optional(self.pool())
        .await?
        else {
            return Ok(None);
        };
        let id: i64 = row.try_get("id")?;
        let is_hub: i64 = row.try_get("is_hub")?;
        let sample = "SELECT r.reporter_key, r.received_at, r.channel, r.campaign_id \
             FROM report_indicators ri JOIN reports r ON r.id = ri.report_id \
             WHERE ri.indicator_id = $1 ORDER BY ri.report_id LIMIT $2";
        let totals = sqlx::query(&format!(
            "SELECT CAST(COUNT(DISTINCT s.reporter_key) AS BIGINT) AS reporters, \
             MIN(s.received_at) AS first_reported, \
             CAST(COUNT(s.campaign_id) AS BIGINT) AS in_campaign FROM ({sample}) s"
        ))
        .bind(id)
        .bind(PUBLIC_SAMPLE)
        .fetch_one(self.pool())
        .await?;
        let channels = sqlx::query(&format!(
            "SELECT s.channel, CAST(COUNT(DISTINCT s.reporter_key) AS BIGINT) AS n FROM ({sample}) s \
             GROUP BY s.channel ORDER BY n DESC, s.channel LIMIT 4"
        ))
        .bind(id)
        .bind(PUBLIC_SAMPLE)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get::<String, _>("channel"))
        .collect::<Result<Vec<_>, _>>()?;
        let in_campaign: i64 = totals.try_get("in_campaign")?;
        Ok(Some(PublicIndicator {
            warning: row.try_get("warning")?,
            is_hub: is_hub != 0,
            reporters: totals.try_get("reporters")?,
            first_reported: totals
                .try_get::<Option<i64>, _>("first_reported")?
                .unwrap_or(0),
            channels,
            in_campaign: in_campaign > 0,
        }))
    }
}
