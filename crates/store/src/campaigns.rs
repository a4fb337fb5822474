//! Campaigns: the correlator's results written back (assignments, merges, hubs, statistics and
//! rank) in one fenced transaction, and campaigns read back ranked or in detail.

use std::collections::{BTreeMap, HashMap};

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::indicators::IndicatorRow;
use crate::{Store, StoreError};

/// Every correlated report with its stored campaign and correlating indicators, for rebuilding
/// the correlator after a restart.
#[derive(Debug, Clone, Default)]
pub struct StoredLinks {
    /// Each report with its stored campaign and its links. A manual link between two reports
    /// (an analyst's merge) appears in both as the negative of its id: an indicator no real
    /// one can be.
    pub reports: Vec<(i64, Option<i64>, Vec<i64>)>,
    pub next_campaign_id: i64,
    /// Indicators analysts stopped from correlating.
    pub excluded: Vec<i64>,
    /// Analysts' commands not yet done when this was read: the restored engine already
    /// reflects them; their campaigns still need ranking.
    pub commands: Vec<crate::curation::CorrelationCommand>,
}

/// A campaign as listed.
#[derive(Debug, Clone)]
pub struct CampaignRow {
    pub id: i64,
    pub merged_into: Option<i64>,
    pub report_count: i64,
    pub reporter_count: i64,
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
    pub score: f64,
    pub score_reasons: String,
    pub stats: String,
}

impl CampaignRow {
    fn from_row(r: &AnyRow) -> Result<Self, sqlx::Error> {
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
    }
}

const CAMPAIGN_COLUMNS: &str = "id, merged_into, report_count, reporter_count, first_seen, \
    last_seen, score, score_reasons, stats";

/// A value and how many reports have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountBy {
    pub value: String,
    pub reports: i64,
}

/// Money lost in one currency: each reporter counted once (their largest stated loss), so a
/// repeated report does not inflate the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyBy {
    pub currency: String,
    pub minor: i64,
    pub victims: i64,
}

/// Raw numbers about a campaign's reports; the ranking is decided elsewhere.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CampaignNumbers {
    pub reports: i64,
    pub distinct_reporters: i64,
    pub first_seen: i64,
    pub last_seen: i64,
    pub reporters_last_7d: i64,
    pub reporters_prev_7d: i64,
    pub victims_with_loss: i64,
    pub countries: i64,
    pub channels: i64,
    pub money: Vec<MoneyBy>,
}

/// A campaign with everything an analyst looks at first.
#[derive(Debug, Clone)]
pub struct CampaignDetail {
    pub campaign: CampaignRow,
    pub channels: Vec<CountBy>,
    pub languages: Vec<CountBy>,
    pub countries: Vec<CountBy>,
    pub money: Vec<MoneyBy>,
    pub indicators: Vec<(IndicatorRow, i64)>,
    pub report_ids: Vec<i64>,
}

const DAY_MS: i64 = 86_400_000;

/// The correlator's write transaction; nothing is visible until [`CorrelationTx::commit`].
pub struct CorrelationTx {
    tx: Transaction<'static, Any>,
    dialect: crate::Dialect,
    _write: crate::WriteGuard,
}

impl Store {
    /// Processed reports the correlator has not seen yet, oldest first, each with the ids of
    /// its indicators that may correlate (not official, not on the warning list; hubs are the
    /// correlator's own business and are included).
    pub async fn uncorrelated_reports(
        &self,
        limit: u32,
    ) -> Result<Vec<(i64, Vec<i64>)>, StoreError> {
        let ids: Vec<i64> = sqlx::query(
            "SELECT id FROM reports WHERE correlated_at IS NULL AND processed_at IS NOT NULL \
             ORDER BY id LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
        let (Some(first), Some(last)) = (ids.first().copied(), ids.last().copied()) else {
            return Ok(Vec::new());
        };
        // Links of reports in the range that are not in `ids` (processed meanwhile) are read
        // and dropped below: cheaper than a join, which at a million reports costs a random
        // lookup per link.
        let rows = sqlx::query(
            "SELECT report_id, indicator_id FROM report_indicators \
             WHERE report_id >= $1 AND report_id <= $2 AND correlates = 1 \
             ORDER BY report_id, indicator_id",
        )
        .bind(first)
        .bind(last)
        .fetch_all(self.pool())
        .await?;
        let mut links: HashMap<i64, Vec<i64>> = HashMap::new();
        for r in &rows {
            links
                .entry(r.try_get("report_id")?)
                .or_default()
                .push(r.try_get("indicator_id")?);
        }
        Ok(ids
            .into_iter()
            .map(|id| (id, links.remove(&id).unwrap_or_default()))
            .collect())
    }

    /// Everything the correlator needs to rebuild itself.
    pub async fn stored_links(&self) -> Result<StoredLinks, StoreError> {
        let mut out = StoredLinks {
            commands: self.pending_correlation_commands(u32::MAX).await?,
            ..StoredLinks::default()
        };
        let mut index: HashMap<i64, usize> = HashMap::new();
        let rows = sqlx::query(
            "SELECT id, campaign_id FROM reports WHERE correlated_at IS NOT NULL ORDER BY id",
        )
        .fetch_all(self.pool())
        .await?;
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            index.insert(id, out.reports.len());
            out.reports
                .push((id, r.try_get("campaign_id")?, Vec::new()));
        }
        drop(rows);
        let rows = sqlx::query(
            "SELECT report_id, indicator_id FROM report_indicators WHERE correlates = 1 \
             ORDER BY report_id, indicator_id",
        )
        .fetch_all(self.pool())
        .await?;
        for r in &rows {
            let report: i64 = r.try_get("report_id")?;
            if let Some(&at) = index.get(&report) {
                out.reports[at].2.push(r.try_get("indicator_id")?);
            }
        }
        let rows = sqlx::query(
            "SELECT id, report_a, report_b FROM manual_links WHERE removed_at IS NULL ORDER BY id",
        )
        .fetch_all(self.pool())
        .await?;
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            for end in ["report_a", "report_b"] {
                if let Some(&at) = index.get(&r.try_get::<i64, _>(end)?) {
                    out.reports[at].2.push(-id);
                }
            }
        }
        out.excluded = sqlx::query("SELECT id FROM indicators WHERE excluded = 1 ORDER BY id")
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<Result<_, _>>()?;
        let row = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM campaigns")
            .fetch_one(self.pool())
            .await?;
        let max: i64 = row.try_get("m")?;
        out.next_campaign_id = max + 1;
        Ok(out)
    }

    /// Reports per UTC day (days since 1970-01-01) of a campaign.
    pub async fn campaign_daily(&self, id: i64) -> Result<Vec<(i64, u64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT received_at / 86400000 AS day, COUNT(*) AS n FROM reports WHERE campaign_id = $1 \
             GROUP BY received_at / 86400000 ORDER BY day",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let n: i64 = r.try_get("n")?;
                Ok((r.try_get("day")?, u64::try_from(n).unwrap_or(0)))
            })
            .collect()
    }

    /// The newest `max_reports` reports of a campaign with their references and the
    /// indicators linking them: the campaign's graph.
    pub async fn campaign_graph(
        &self,
        id: i64,
        max_reports: u32,
    ) -> Result<Vec<(i64, String, Vec<i64>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, reference FROM reports WHERE campaign_id = $1 \
             ORDER BY received_at DESC, id DESC LIMIT $2",
        )
        .bind(id)
        .bind(i64::from(max_reports))
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push((
                r.try_get::<i64, _>("id")?,
                r.try_get::<String, _>("reference")?,
                Vec::new(),
            ));
        }
        for chunk in out.chunks_mut(500) {
            let list = chunk
                .iter()
                .map(|(id, _, _)| id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            let links = sqlx::query(&format!(
                "SELECT report_id, indicator_id FROM report_indicators WHERE report_id IN ({list}) \
                 ORDER BY report_id, indicator_id"
            ))
            .fetch_all(self.pool())
            .await?;
            let mut by: HashMap<i64, Vec<i64>> = HashMap::new();
            for l in &links {
                by.entry(l.try_get("report_id")?)
                    .or_default()
                    .push(l.try_get("indicator_id")?);
            }
            for (rid, _, inds) in chunk.iter_mut() {
                *inds = by.remove(rid).unwrap_or_default();
            }
        }
        Ok(out)
    }

    /// Starts the correlator's transaction, fenced by the lease `lease` held by `holder` (and
    /// renewing it for `ttl_ms`).
    pub async fn begin_correlation(
        &self,
        lease: &str,
        holder: &str,
        now: i64,
        ttl_ms: i64,
    ) -> Result<CorrelationTx, StoreError> {
        let write = self.write_guard().await;
        let mut tx = self.pool().begin().await?;
        crate::leases::check_lease(&mut tx, lease, holder, now, ttl_ms).await?;
        Ok(CorrelationTx {
            tx,
            dialect: self.dialect(),
            _write: write,
        })
    }

    /// Live campaigns, highest rank first.
    pub async fn campaigns(&self, offset: u32, limit: u32) -> Result<Vec<CampaignRow>, StoreError> {
        let sql = format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE merged_into IS NULL AND report_count > 0 \
             ORDER BY score DESC, id LIMIT $1 OFFSET $2"
        );
        let rows = sqlx::query(&sql)
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(CampaignRow::from_row)
            .collect::<Result<_, _>>()?)
    }

    pub async fn campaign(
        &self,
        id: i64,
        limit: u32,
    ) -> Result<Option<CampaignDetail>, StoreError> {
        let sql = format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1");
        let Some(row) = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let campaign = CampaignRow::from_row(&row)?;
        let count_by = |column: &str| {
            format!(
                "SELECT {column} AS value, COUNT(*) AS n FROM reports WHERE campaign_id = $1 \
                 AND {column} IS NOT NULL GROUP BY {column} ORDER BY n DESC, value LIMIT 300"
            )
        };
        let mut by = Vec::new();
        for column in ["channel", "language", "country"] {
            let rows = sqlx::query(&count_by(column))
                .bind(id)
                .fetch_all(self.pool())
                .await?;
            by.push(
                rows.iter()
                    .map(|r| {
                        Ok(CountBy {
                            value: r.try_get("value")?,
                            reports: r.try_get("n")?,
                        })
                    })
                    .collect::<Result<Vec<_>, sqlx::Error>>()?,
            );
        }
        let countries = by.pop().unwrap_or_default();
        let languages = by.pop().unwrap_or_default();
        let channels = by.pop().unwrap_or_default();
        let mut conn = self.pool().acquire().await?;
        let money = money_by_currency(&mut conn, id).await?;
        let rows = sqlx::query(
            "SELECT i.id, i.kind, i.value, i.unicode, i.verdict, i.brand, i.score, i.reason, i.warning, \
             i.is_hub, i.report_count, i.first_seen, i.last_seen, i.excluded, i.benign_at, COUNT(*) AS n \
             FROM report_indicators ri JOIN reports r ON r.id = ri.report_id \
             JOIN indicators i ON i.id = ri.indicator_id WHERE r.campaign_id = $1 \
             GROUP BY i.id, i.kind, i.value, i.unicode, i.verdict, i.brand, i.score, i.reason, \
             i.warning, i.is_hub, i.report_count, i.first_seen, i.last_seen, i.excluded, i.benign_at \
             ORDER BY n DESC, i.id LIMIT $2",
        )
        .bind(id)
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await?;
        let indicators = rows
            .iter()
            .map(|r| Ok((IndicatorRow::from_row(r)?, r.try_get("n")?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let report_ids = sqlx::query(
            "SELECT id FROM reports WHERE campaign_id = $1 ORDER BY received_at DESC, id DESC LIMIT $2",
        )
        .bind(id)
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
        Ok(Some(CampaignDetail {
            campaign,
            channels,
            languages,
            countries,
            money,
            indicators,
            report_ids,
        }))
    }

    /// The numbers the ranking needs, counted now from the campaign's reports. Read-only, so
    /// on either engine it runs beside the writers.
    pub async fn campaign_numbers(&self, id: i64, now: i64) -> Result<CampaignNumbers, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let row = sqlx::query(
            "SELECT COUNT(*) AS reports, COUNT(DISTINCT reporter_key) AS reporters, \
             COALESCE(MIN(received_at), 0) AS first_seen, COALESCE(MAX(received_at), 0) AS last_seen, \
             COUNT(DISTINCT CASE WHEN received_at >= $2 THEN reporter_key END) AS last7, \
             COUNT(DISTINCT CASE WHEN received_at >= $3 AND received_at < $2 THEN reporter_key END) AS prev7, \
             COUNT(DISTINCT CASE WHEN money_minor > 0 THEN reporter_key END) AS victims, \
             COUNT(DISTINCT country) AS countries, COUNT(DISTINCT channel) AS channels \
             FROM reports WHERE campaign_id = $1",
        )
        .bind(id)
        .bind(now - 7 * DAY_MS)
        .bind(now - 14 * DAY_MS)
        .fetch_one(&mut *conn)
        .await?;
        Ok(CampaignNumbers {
            reports: row.try_get("reports")?,
            distinct_reporters: row.try_get("reporters")?,
            first_seen: row.try_get("first_seen")?,
            last_seen: row.try_get("last_seen")?,
            reporters_last_7d: row.try_get("last7")?,
            reporters_prev_7d: row.try_get("prev7")?,
            victims_with_loss: row.try_get("victims")?,
            countries: row.try_get("countries")?,
            channels: row.try_get("channels")?,
            money: money_by_currency(&mut conn, id).await?,
        })
    }

    /// Live campaigns last seen at or after `since`, for re-ranking as time passes.
    pub async fn active_campaign_ids(&self, since: i64) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT id FROM campaigns WHERE merged_into IS NULL AND report_count > 0 AND last_seen >= $1",
        )
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<Result<_, _>>()?)
    }
}

async fn money_by_currency(
    conn: &mut sqlx::AnyConnection,
    campaign: i64,
) -> Result<Vec<MoneyBy>, StoreError> {
    // Summed here, saturating: amounts are attacker-chosen, and SUM in SQL fails the whole
    // query on overflow (PostgreSQL's bigint, SQLite's integer).
    let rows = sqlx::query(
        "SELECT money_currency AS currency, MAX(money_minor) AS m FROM reports \
         WHERE campaign_id = $1 AND money_minor IS NOT NULL AND money_minor > 0 \
         GROUP BY reporter_key, money_currency",
    )
    .bind(campaign)
    .fetch_all(conn)
    .await?;
    let mut by: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for r in &rows {
        let currency: String = r.try_get("currency")?;
        let minor: i64 = r.try_get("m")?;
        let entry = by.entry(currency).or_default();
        entry.0 = entry.0.saturating_add(minor);
        entry.1 += 1;
    }
    Ok(by
        .into_iter()
        .map(|(currency, (minor, victims))| MoneyBy {
            currency,
            minor,
            victims,
        })
        .collect())
}

impl CorrelationTx {
    pub async fn create_campaign(&mut self, id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO campaigns (id, created_at, updated_at) VALUES ($1, $2, $2) \
             ON CONFLICT (id) DO UPDATE SET merged_into = NULL, updated_at = $2",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// A report the correlator has just seen: its campaign and `correlated_at` in one write.
    pub async fn assign_new(
        &mut self,
        report: i64,
        campaign: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE reports SET campaign_id = $1, correlated_at = $2 WHERE id = $3")
            .bind(campaign)
            .bind(now)
            .bind(report)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    pub async fn assign(&mut self, report: i64, campaign: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE reports SET campaign_id = $1 WHERE id = $2")
            .bind(campaign)
            .bind(report)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Any one report of `campaign` as stored now, to learn where its reports went.
    pub async fn a_report_of(&mut self, campaign: i64) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT id FROM reports WHERE campaign_id = $1 LIMIT 1")
            .bind(campaign)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(row.map(|r| r.try_get("id")).transpose()?)
    }

    /// Records what the correlator changed in the audit chain, in this transaction.
    pub async fn record(
        &mut self,
        event: rampart_casework::audit::Event,
    ) -> Result<rampart_casework::audit::Entry, StoreError> {
        crate::audit::append(&mut self.tx, self.dialect, event, None).await
    }

    /// The SHA-256 of each report's raw bytes, for the audit entry that records them.
    pub async fn raw_hashes(&mut self, reports: &[i64]) -> Result<Vec<(i64, String)>, StoreError> {
        let mut out = Vec::with_capacity(reports.len());
        for chunk in reports.chunks(500) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let rows = sqlx::query(&format!(
                "SELECT id, raw_sha256 FROM reports WHERE id IN ({list}) ORDER BY id"
            ))
            .fetch_all(&mut *self.tx)
            .await?;
            for r in &rows {
                out.push((r.try_get("id")?, r.try_get("raw_sha256")?));
            }
        }
        Ok(out)
    }

    /// Marks the analysts' correlation commands done, in this transaction.
    pub async fn commands_done(&mut self, ids: &[i64], now: i64) -> Result<(), StoreError> {
        for &id in ids {
            sqlx::query("UPDATE correlation_commands SET done_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    /// A campaign emptied by a merge keeps its row, pointing at where its reports went, so
    /// links to it (from cases, from people's notes) still lead somewhere.
    pub async fn mark_merged(
        &mut self,
        id: i64,
        into: Option<i64>,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE campaigns SET merged_into = $1, report_count = 0, reporter_count = 0, score = 0, \
             updated_at = $2 WHERE id = $3",
        )
        .bind(into)
        .bind(now)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Clears every stored hub flag (before a rebuilt engine writes the ones it found).
    pub async fn clear_hubs(&mut self) -> Result<(), StoreError> {
        sqlx::query("UPDATE indicators SET is_hub = 0 WHERE is_hub = 1")
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    pub async fn set_hub(&mut self, indicator: i64, hub: bool) -> Result<(), StoreError> {
        // Only rows that change are locked, which keeps out of processing's way.
        sqlx::query("UPDATE indicators SET is_hub = $1 WHERE id = $2 AND is_hub <> $1")
            .bind(i64::from(hub))
            .bind(indicator)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    pub async fn mark_correlated(&mut self, report: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE reports SET correlated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(report)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn set_rank(
        &mut self,
        id: i64,
        n: &CampaignNumbers,
        score: f64,
        reasons_json: &str,
        stats_json: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE campaigns SET report_count = $1, reporter_count = $2, first_seen = $3, last_seen = $4, \
             score = $5, score_reasons = $6, stats = $7, updated_at = $8 WHERE id = $9",
        )
        .bind(n.reports)
        .bind(n.distinct_reporters)
        .bind(n.first_seen)
        .bind(n.last_seen)
        .bind(score)
        .bind(reasons_json)
        .bind(stats_json)
        .bind(now)
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}
