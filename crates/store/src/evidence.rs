//! Read-only queries for evidence packages: a set of reports with their raw bytes and files,
//! what those bytes weigh before they are read, the indicators the reports carry with counts,
//! and campaigns by id. Callers pass the ids a page at a time ([`EVIDENCE_PAGE`]).

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::campaigns::CampaignRow;
use crate::reports::FileRow;
use crate::{Store, StoreError};

/// The most ids one of these queries takes: well under every engine's limit on parameters.
pub const EVIDENCE_PAGE: usize = 500;

/// A report as an evidence package shows it, with its raw bytes exactly as stored.
#[derive(Debug, Clone)]
pub struct EvidenceReport {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub subject: Option<String>,
    pub sender: Option<String>,
    pub reporter_key: String,
    pub country: Option<String>,
    pub language: Option<String>,
    pub received_at: i64,
    pub money_minor: Option<i64>,
    pub money_currency: Option<String>,
    pub campaign_id: Option<i64>,
    pub raw_type: String,
    /// The SHA-256 recorded at intake.
    pub raw_sha256: String,
    pub raw: Vec<u8>,
}

/// An indicator carried by some of the reports asked about, with the campaign of those
/// reports; one row per indicator and campaign. Times are the reports' receipt times.
#[derive(Debug, Clone)]
pub struct EvidenceIndicator {
    pub id: i64,
    pub kind: String,
    pub value: String,
    pub verdict: String,
    pub warning: Option<String>,
    /// When an analyst marked it benign, if so.
    pub benign_at: Option<i64>,
    pub campaign_id: Option<i64>,
    pub reports: i64,
    pub first_seen: i64,
    pub last_seen: i64,
}

/// `$1, $2, …, $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_page(ids: &[i64]) -> Result<(), StoreError> {
    if ids.len() > EVIDENCE_PAGE {
        return Err(StoreError::Config(format!(
            "at most {EVIDENCE_PAGE} ids per evidence query, not {}",
            ids.len()
        )));
    }
    Ok(())
}

impl Store {
    /// Bytes of raw reports and of their files, summed, without reading them.
    pub async fn evidence_bytes(&self, report_ids: &[i64]) -> Result<(i64, i64), StoreError> {
        check_page(report_ids)?;
        if report_ids.is_empty() {
            return Ok((0, 0));
        }
        let list = placeholders(report_ids.len());
        let raw_sql = format!(
            "SELECT CAST(COALESCE(SUM(LENGTH(raw)), 0) AS BIGINT) FROM reports WHERE id IN ({list})"
        );
        let files_sql = format!(
            "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM report_files \
             WHERE report_id IN ({list})"
        );
        let mut raw = sqlx::query_scalar::<_, i64>(&raw_sql);
        let mut files = sqlx::query_scalar::<_, i64>(&files_sql);
        for id in report_ids {
            raw = raw.bind(*id);
            files = files.bind(*id);
        }
        Ok((
            raw.fetch_one(self.pool()).await?,
            files.fetch_one(self.pool()).await?,
        ))
    }

    /// The reports with these ids and their raw bytes, oldest first.
    pub async fn evidence_reports(
        &self,
        report_ids: &[i64],
    ) -> Result<Vec<EvidenceReport>, StoreError> {
        check_page(report_ids)?;
        if report_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, reference, channel, subject, sender, reporter_key, country, language, \
             received_at, money_minor, money_currency, campaign_id, raw_type, raw_sha256, raw \
             FROM reports WHERE id IN ({}) ORDER BY received_at, id",
            placeholders(report_ids.len())
        );
        let mut q = sqlx::query(&sql);
        for id in report_ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(|r: &AnyRow| -> Result<EvidenceReport, sqlx::Error> {
                Ok(EvidenceReport {
                    id: r.try_get("id")?,
                    reference: r.try_get("reference")?,
                    channel: r.try_get("channel")?,
                    subject: r.try_get("subject")?,
                    sender: r.try_get("sender")?,
                    reporter_key: r.try_get("reporter_key")?,
                    country: r.try_get("country")?,
                    language: r.try_get("language")?,
                    received_at: r.try_get("received_at")?,
                    money_minor: r.try_get("money_minor")?,
                    money_currency: r.try_get("money_currency")?,
                    campaign_id: r.try_get("campaign_id")?,
                    raw_type: r.try_get("raw_type")?,
                    raw_sha256: r.try_get("raw_sha256")?,
                    raw: r.try_get("raw")?,
                })
            })
            .collect::<Result<_, _>>()?)
    }

    /// The files sent with these reports, with their bytes, by report then file id.
    pub async fn evidence_files(
        &self,
        report_ids: &[i64],
    ) -> Result<Vec<(i64, FileRow, Vec<u8>)>, StoreError> {
        check_page(report_ids)?;
        if report_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT report_id, id, kind, filename, content_type, size, sha256, bytes \
             FROM report_files WHERE report_id IN ({}) ORDER BY report_id, id",
            placeholders(report_ids.len())
        );
        let mut q = sqlx::query(&sql);
        for id in report_ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(|r| -> Result<_, sqlx::Error> {
                Ok((
                    r.try_get("report_id")?,
                    FileRow {
                        id: r.try_get("id")?,
                        kind: r.try_get("kind")?,
                        filename: r.try_get("filename")?,
                        content_type: r.try_get("content_type")?,
                        size: r.try_get("size")?,
                        sha256: r.try_get("sha256")?,
                    },
                    r.try_get("bytes")?,
                ))
            })
            .collect::<Result<_, _>>()?)
    }

    /// The indicators these reports carry, one row per indicator and campaign of the reports,
    /// with how many of the reports carry it and when the first and last of them came in.
    pub async fn evidence_indicators(
        &self,
        report_ids: &[i64],
    ) -> Result<Vec<EvidenceIndicator>, StoreError> {
        check_page(report_ids)?;
        if report_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT i.id, i.kind, i.value, i.verdict, i.warning, i.benign_at, r.campaign_id, \
             CAST(COUNT(*) AS BIGINT) AS n, MIN(r.received_at) AS first_seen, \
             MAX(r.received_at) AS last_seen \
             FROM report_indicators ri JOIN indicators i ON i.id = ri.indicator_id \
             JOIN reports r ON r.id = ri.report_id WHERE ri.report_id IN ({}) \
             GROUP BY i.id, i.kind, i.value, i.verdict, i.warning, i.benign_at, r.campaign_id \
             ORDER BY i.id, r.campaign_id",
            placeholders(report_ids.len())
        );
        let mut q = sqlx::query(&sql);
        for id in report_ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(|r| -> Result<_, sqlx::Error> {
                Ok(EvidenceIndicator {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    value: r.try_get("value")?,
                    verdict: r.try_get("verdict")?,
                    warning: r.try_get("warning")?,
                    benign_at: r.try_get("benign_at")?,
                    campaign_id: r.try_get("campaign_id")?,
                    reports: r.try_get("n")?,
                    first_seen: r.try_get("first_seen")?,
                    last_seen: r.try_get("last_seen")?,
                })
            })
            .collect::<Result<_, _>>()?)
    }

    /// The campaigns with these ids (merged ones included), by id.
    pub async fn evidence_campaigns(&self, ids: &[i64]) -> Result<Vec<CampaignRow>, StoreError> {
        check_page(ids)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT id, merged_into, report_count, reporter_count, first_seen, last_seen, score, \
             score_reasons, stats FROM campaigns WHERE id IN ({}) ORDER BY id",
            placeholders(ids.len())
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(|r| -> Result<_, sqlx::Error> {
                Ok(CampaignRow {
                    id: r.try_get("id")?,
                    merged_into: r.try_get("merged_into")?,
                    report_count: r.try_get("report_count")?,
                    reporter_count: r.try_get("reporter_count")?,
                    first_seen: r.try_get("first_seen")?,
                    last_seen: r.try_get("last_seen")?,
                    score: r.try_get("score")?,
                    score_reasons: r.try_get("score_reasons")?,
                    stats: r.try_get("stats")?,
                })
            })
            .collect::<Result<_, _>>()?)
    }
}
