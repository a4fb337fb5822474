//! Indicators and their links to reports: one row per distinct (kind, value), one link row per
//! report that carries it. Storage grows with reports and indicators, never with pairs.

use std::collections::HashMap;

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

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
}

const INDICATOR_COLUMNS: &str = "i.id, i.kind, i.value, i.unicode, i.verdict, i.brand, i.score, \
    i.reason, i.warning, i.is_hub, i.report_count, i.first_seen, i.last_seen";

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
    /// twice for a report changes nothing the second time.
    pub async fn save_processing(
        &self,
        report_id: i64,
        language: Option<&str>,
        links: &[NewLink],
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let done = sqlx::query(
            "UPDATE reports SET language = $1, processed_at = $2 WHERE id = $3 AND processed_at IS NULL",
        )
        .bind(language)
        .bind(now)
        .bind(report_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            // Already processed (a retried job) or gone: nothing to do.
            tx.rollback().await?;
            return Ok(false);
        }
        let mut seen: HashMap<(&str, &str), ()> = HashMap::new();
        for link in links {
            if seen.insert((&link.kind, &link.value), ()).is_some() {
                continue;
            }
            let row = sqlx::query(
                "INSERT INTO indicators (kind, value, unicode, verdict, brand, score, reason, warning, \
                 report_count, first_seen, last_seen) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) \
                 ON CONFLICT (kind, value) DO UPDATE SET report_count = indicators.report_count + 1, \
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
            .fetch_one(&mut *tx)
            .await?;
            let indicator_id: i64 = row.try_get("id")?;
            sqlx::query(
                "INSERT INTO report_indicators (report_id, indicator_id, source, raw, start_offset, end_offset) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(report_id)
            .bind(indicator_id)
            .bind(&link.source)
            .bind(&link.raw)
            .bind(link.start)
            .bind(link.end)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
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

    pub async fn indicator(
        &self,
        kind: &str,
        value: &str,
        report_limit: u32,
    ) -> Result<Option<IndicatorDetail>, StoreError> {
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicators i WHERE i.kind = $1 AND i.value = $2"
        );
        let Some(row) = sqlx::query(&sql)
            .bind(kind)
            .bind(value)
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
