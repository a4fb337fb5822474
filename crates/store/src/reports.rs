//! Reports: durable intake with idempotency, and reading them back with filters and keyset pages.

use rand::Rng;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

/// A validated report, ready to be stored. The server builds it; nothing here re-validates.
#[derive(Debug, Clone)]
pub struct NewReport {
    pub channel: String,
    pub subject: Option<String>,
    pub body: String,
    pub sender: Option<String>,
    pub reporter_email: Option<String>,
    /// A stable, non-reversible key for "who reported" (hash of the e-mail or the client), used
    /// to count distinct reporters.
    pub reporter_key: String,
    pub locale: Option<String>,
    pub country: Option<String>,
    pub occurred_at: Option<i64>,
    pub received_at: i64,
    pub money_minor: Option<i64>,
    pub money_currency: Option<String>,
    pub payment_method: Option<String>,
    /// The bytes exactly as received, kept as evidence.
    pub raw: Vec<u8>,
    pub raw_type: String,
    pub raw_sha256: String,
    /// Where it came in: `api`, `portal`, `mailgate`, `imap`.
    pub source: String,
    /// The same delivery arriving again (a mail server retrying, the IMAP poller after a
    /// crash) carries the same key and is recognised for ever: see [`Intake::Duplicate`].
    pub source_key: Option<String>,
    /// The number that called or texted, E.164.
    pub phone_number: Option<String>,
    pub links: Vec<String>,
    pub scam_kind: Option<String>,
    /// What happened, in the reporter's words.
    pub description: Option<String>,
    /// What the message's own headers said, as a JSON object.
    pub details: String,
    /// An e-mail's header lines a reader sees besides the body, read for indicators.
    pub header_text: Option<String>,
    /// Text an e-mail's HTML hides from the reader, read for indicators.
    pub hidden_text: Option<String>,
    pub auth: Authentication,
    pub files: Vec<NewFile>,
    /// Queue an acknowledgement to `reporter_email` in the same transaction.
    pub acknowledge: bool,
}

impl Default for NewReport {
    /// An empty API report: for building one field by field.
    fn default() -> Self {
        NewReport {
            channel: String::new(),
            subject: None,
            body: String::new(),
            sender: None,
            reporter_email: None,
            reporter_key: String::new(),
            locale: None,
            country: None,
            occurred_at: None,
            received_at: 0,
            money_minor: None,
            money_currency: None,
            payment_method: None,
            raw: Vec::new(),
            raw_type: String::new(),
            raw_sha256: String::new(),
            source: "api".into(),
            source_key: None,
            phone_number: None,
            links: Vec::new(),
            scam_kind: None,
            description: None,
            details: "{}".into(),
            header_text: None,
            hidden_text: None,
            auth: Authentication::default(),
            files: Vec::new(),
            acknowledge: false,
        }
    }
}

/// SPF, DKIM and DMARC results as the receiving mail server recorded them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authentication {
    pub spf: Option<String>,
    pub dkim: Option<String>,
    pub dmarc: Option<String>,
}

/// A file sent with a report, kept unchanged as evidence.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// `screenshot`, `eml`.
    pub kind: String,
    pub filename: Option<String>,
    /// What the bytes are (sniffed, not what the sender claimed).
    pub content_type: String,
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// A stored file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub id: i64,
    pub kind: String,
    pub filename: Option<String>,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

/// Where a report is, as its reporter may see it: nothing else about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicStatus {
    pub reference: String,
    pub status: String,
    pub received_at: i64,
    pub status_changed_at: Option<i64>,
}

/// A client's `Idempotency-Key` and the fingerprint of the request it came with.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_sha256: String,
}

/// What intake did.
#[derive(Debug, Clone, PartialEq)]
pub enum Intake {
    /// Stored now; `response` is what the caller rendered for it.
    Created {
        id: i64,
        reference: String,
        status: u16,
        response: String,
    },
    /// The same key and request came before: the first answer, unchanged.
    Replayed { status: u16, response: String },
    /// The same delivery (`source_key`) was stored before, as this report.
    Duplicate { id: i64, reference: String },
}

/// A stored report as read back.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub subject: Option<String>,
    pub body: String,
    pub sender: Option<String>,
    pub reporter_email: Option<String>,
    pub reporter_key: String,
    pub locale: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub occurred_at: Option<i64>,
    pub received_at: i64,
    pub money_minor: Option<i64>,
    pub money_currency: Option<String>,
    pub payment_method: Option<String>,
    pub raw_type: String,
    pub raw_sha256: String,
    pub status: String,
    pub processed_at: Option<i64>,
    pub campaign_id: Option<i64>,
    pub source: String,
    pub phone_number: Option<String>,
    pub links: Vec<String>,
    pub scam_kind: Option<String>,
    pub description: Option<String>,
    pub details: String,
    pub auth: Authentication,
    pub status_changed_at: Option<i64>,
}

const REPORT_COLUMNS: &str = "id, reference, channel, subject, body, sender, reporter_email, \
    reporter_key, locale, country, language, occurred_at, received_at, money_minor, \
    money_currency, payment_method, raw_type, raw_sha256, status, processed_at, campaign_id, \
    source, phone_number, links, scam_kind, description, details, auth_spf, auth_dkim, \
    auth_dmarc, status_changed_at";

/// Links are stored as a JSON array; a value that does not parse reads as none.
fn links_from_json(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

impl ReportRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(ReportRow {
            id: row.try_get("id")?,
            reference: row.try_get("reference")?,
            channel: row.try_get("channel")?,
            subject: row.try_get("subject")?,
            body: row.try_get("body")?,
            sender: row.try_get("sender")?,
            reporter_email: row.try_get("reporter_email")?,
            reporter_key: row.try_get("reporter_key")?,
            locale: row.try_get("locale")?,
            country: row.try_get("country")?,
            language: row.try_get("language")?,
            occurred_at: row.try_get("occurred_at")?,
            received_at: row.try_get("received_at")?,
            money_minor: row.try_get("money_minor")?,
            money_currency: row.try_get("money_currency")?,
            payment_method: row.try_get("payment_method")?,
            raw_type: row.try_get("raw_type")?,
            raw_sha256: row.try_get("raw_sha256")?,
            status: row.try_get("status")?,
            processed_at: row.try_get("processed_at")?,
            campaign_id: row.try_get("campaign_id")?,
            source: row.try_get("source")?,
            phone_number: row.try_get("phone_number")?,
            links: links_from_json(&row.try_get::<String, _>("links")?),
            scam_kind: row.try_get("scam_kind")?,
            description: row.try_get("description")?,
            details: row.try_get("details")?,
            auth: Authentication {
                spf: row.try_get("auth_spf")?,
                dkim: row.try_get("auth_dkim")?,
                dmarc: row.try_get("auth_dmarc")?,
            },
            status_changed_at: row.try_get("status_changed_at")?,
        })
    }
}

/// Filters for listing reports; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub channel: Option<String>,
    pub campaign_id: Option<i64>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// Only reports still waiting in the triage queue.
    pub untriaged: bool,
    /// Only reports with an indicator of this verdict (`lookalike`, `official`, `unknown`).
    pub verdict: Option<String>,
    /// Words that must all appear (as substrings, any case) in the subject, body, sender or
    /// description. Each has at least [`SEARCH_MIN_CHARS`] characters.
    pub words: Vec<String>,
}

/// The shortest word full-text search can look for (the index is of trigrams).
pub const SEARCH_MIN_CHARS: usize = 3;

/// Where the next page starts: the last row's `(received_at, id)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportCursor {
    pub received_at: i64,
    pub id: i64,
}

/// What the processing job needs of a report.
#[derive(Debug, Clone)]
pub struct ProcessingInput {
    pub id: i64,
    pub subject: Option<String>,
    pub body: String,
    pub sender: Option<String>,
    pub reporter_email: Option<String>,
    pub locale: Option<String>,
    pub country: Option<String>,
    pub phone_number: Option<String>,
    pub links: Vec<String>,
    pub description: Option<String>,
    pub header_text: Option<String>,
    pub hidden_text: Option<String>,
    pub processed: bool,
}

/// Crockford's base32 without I, L, O, U: easy to read out on the phone.
const REFERENCE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A tracking reference such as `R-7K3MQ-9XD2F`: 50 random bits, so references cannot be
/// guessed or enumerated.
pub fn new_reference() -> String {
    let mut rng = rand::rng();
    let mut s = String::with_capacity(13);
    s.push_str("R-");
    for i in 0..10 {
        if i == 5 {
            s.push('-');
        }
        let idx = rng.random_range(0..REFERENCE_ALPHABET.len());
        s.push(char::from(REFERENCE_ALPHABET[idx]));
    }
    s
}

impl Store {
    /// Stores a report, its processing job and (with a key) the answer, in one transaction:
    /// either all of it is committed or none. `render` makes the answer from the new id and
    /// reference so a replay returns exactly the bytes the first caller got.
    pub async fn intake(
        &self,
        report: &NewReport,
        key: Option<&IdempotencyKey>,
        render: impl Fn(i64, &str) -> (u16, String),
    ) -> Result<Intake, StoreError> {
        // Two attempts: the second runs only when a concurrent request with the same key or a
        // colliding reference won the race, and then finds its answer or a fresh reference.
        let mut last_err = None;
        for _ in 0..3 {
            if let Some(k) = key
                && let Some(replay) = self.idempotent_answer(k).await?
            {
                return Ok(replay);
            }
            if let Some(source_key) = &report.source_key
                && let Some(duplicate) = self.report_by_source_key(source_key).await?
            {
                return Ok(duplicate);
            }
            match self.try_intake(report, key, &render).await {
                Ok(created) => return Ok(created),
                Err(e) if e.is_unique_violation() => last_err = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last_err.unwrap_or_else(|| StoreError::Corrupt("intake retries exhausted".into())))
    }

    async fn report_by_source_key(&self, key: &str) -> Result<Option<Intake>, StoreError> {
        let row = sqlx::query("SELECT id, reference FROM reports WHERE source_key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        match row {
            None => Ok(None),
            Some(r) => Ok(Some(Intake::Duplicate {
                id: r.try_get("id")?,
                reference: r.try_get("reference")?,
            })),
        }
    }

    async fn idempotent_answer(&self, key: &IdempotencyKey) -> Result<Option<Intake>, StoreError> {
        let row = sqlx::query(
            "SELECT request_sha256, status, response FROM idempotency_keys WHERE key = $1",
        )
        .bind(&key.key)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let sha: String = row.try_get("request_sha256")?;
        if sha != key.request_sha256 {
            return Err(StoreError::IdempotencyMismatch);
        }
        let status: i64 = row.try_get("status")?;
        Ok(Some(Intake::Replayed {
            status: u16::try_from(status).unwrap_or(200),
            response: row.try_get("response")?,
        }))
    }

    async fn try_intake(
        &self,
        r: &NewReport,
        key: Option<&IdempotencyKey>,
        render: &impl Fn(i64, &str) -> (u16, String),
    ) -> Result<Intake, StoreError> {
        let reference = new_reference();
        let _write = self.urgent_write_guard().await;
        let mut tx = self.pool().begin().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO reports (reference, channel, subject, body, sender, reporter_email, \
             reporter_key, locale, country, occurred_at, received_at, money_minor, money_currency, \
             payment_method, raw, raw_type, raw_sha256, source, source_key, phone_number, links, \
             scam_kind, description, details, auth_spf, auth_dkim, auth_dmarc, status_changed_at, \
             header_text, hidden_text) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $11, $28, $29) \
             RETURNING id",
        )
        .bind(&reference)
        .bind(&r.channel)
        .bind(&r.subject)
        .bind(&r.body)
        .bind(&r.sender)
        .bind(&r.reporter_email)
        .bind(&r.reporter_key)
        .bind(&r.locale)
        .bind(&r.country)
        .bind(r.occurred_at)
        .bind(r.received_at)
        .bind(r.money_minor)
        .bind(&r.money_currency)
        .bind(&r.payment_method)
        .bind(&r.raw)
        .bind(&r.raw_type)
        .bind(&r.raw_sha256)
        .bind(&r.source)
        .bind(&r.source_key)
        .bind(&r.phone_number)
        .bind(serde_json::to_string(&r.links).unwrap_or_else(|_| "[]".into()))
        .bind(&r.scam_kind)
        .bind(&r.description)
        .bind(&r.details)
        .bind(&r.auth.spf)
        .bind(&r.auth.dkim)
        .bind(&r.auth.dmarc)
        .bind(&r.header_text)
        .bind(&r.hidden_text)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for f in &r.files {
            sqlx::query(
                "INSERT INTO report_files (report_id, kind, filename, content_type, size, sha256, \
                 bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(&f.kind)
            .bind(&f.filename)
            .bind(&f.content_type)
            .bind(i64::try_from(f.bytes.len()).unwrap_or(i64::MAX))
            .bind(&f.sha256)
            .bind(&f.bytes)
            .bind(r.received_at)
            .execute(&mut *tx)
            .await?;
        }
        if r.acknowledge && r.reporter_email.is_some() {
            crate::jobs::enqueue_in(
                &mut tx,
                crate::jobs::SEND_ACKNOWLEDGEMENT,
                &format!("{{\"report_id\":{id}}}"),
                r.received_at,
            )
            .await?;
        }
        crate::jobs::enqueue_in(
            &mut tx,
            crate::jobs::PROCESS_REPORT,
            &format!("{{\"report_id\":{id}}}"),
            r.received_at,
        )
        .await?;
        let (status, response) = render(id, &reference);
        if let Some(k) = key {
            sqlx::query(
                "INSERT INTO idempotency_keys (key, request_sha256, status, response, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&k.key)
            .bind(&k.request_sha256)
            .bind(i64::from(status))
            .bind(&response)
            .bind(r.received_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Intake::Created {
            id,
            reference,
            status,
            response,
        })
    }

    /// Forgets idempotency keys stored before `before`; returns how many.
    pub async fn expire_idempotency_keys(&self, before: i64) -> Result<u64, StoreError> {
        let _write = self.write_guard().await;
        let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(before)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    pub async fn report(&self, id: i64) -> Result<Option<ReportRow>, StoreError> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| ReportRow::from_row(&r)).transpose()?)
    }

    pub async fn report_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<ReportRow>, StoreError> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE reference = $1");
        let row = sqlx::query(&sql)
            .bind(reference)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| ReportRow::from_row(&r)).transpose()?)
    }

    /// Where the report with this reference is, and nothing else about it.
    pub async fn public_status(&self, reference: &str) -> Result<Option<PublicStatus>, StoreError> {
        let row = sqlx::query(
            "SELECT reference, status, received_at, status_changed_at FROM reports \
             WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(self.pool())
        .await?;
        match row {
            None => Ok(None),
            Some(r) => Ok(Some(PublicStatus {
                reference: r.try_get("reference")?,
                status: r.try_get("status")?,
                received_at: r.try_get("received_at")?,
                status_changed_at: r.try_get("status_changed_at")?,
            })),
        }
    }

    /// The files sent with a report, without their bytes.
    pub async fn report_files(&self, report_id: i64) -> Result<Vec<FileRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, kind, filename, content_type, size, sha256 FROM report_files \
             WHERE report_id = $1 ORDER BY id",
        )
        .bind(report_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FileRow {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    filename: r.try_get("filename")?,
                    content_type: r.try_get("content_type")?,
                    size: r.try_get("size")?,
                    sha256: r.try_get("sha256")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// A stored file's bytes, as they arrived.
    pub async fn report_file(
        &self,
        report_id: i64,
        file_id: i64,
    ) -> Result<Option<(FileRow, Vec<u8>)>, StoreError> {
        let row = sqlx::query(
            "SELECT id, kind, filename, content_type, size, sha256, bytes FROM report_files \
             WHERE report_id = $1 AND id = $2",
        )
        .bind(report_id)
        .bind(file_id)
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some((
            FileRow {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                filename: r.try_get("filename")?,
                content_type: r.try_get("content_type")?,
                size: r.try_get("size")?,
                sha256: r.try_get("sha256")?,
            },
            r.try_get("bytes")?,
        )))
    }

    /// What an acknowledgement needs: the reporter's address, language and reference.
    pub async fn acknowledgement_input(
        &self,
        report_id: i64,
    ) -> Result<Option<(String, Option<String>, String)>, StoreError> {
        let row =
            sqlx::query("SELECT reporter_email, locale, reference FROM reports WHERE id = $1")
                .bind(report_id)
                .fetch_optional(self.pool())
                .await?;
        let Some(r) = row else { return Ok(None) };
        let email: Option<String> = r.try_get("reporter_email")?;
        Ok(email
            .map(|e| -> Result<_, sqlx::Error> {
                Ok((e, r.try_get("locale")?, r.try_get("reference")?))
            })
            .transpose()?)
    }

    /// The bytes of a report exactly as received.
    pub async fn report_raw(&self, id: i64) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row = sqlx::query("SELECT raw_type, raw FROM reports WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        match row {
            None => Ok(None),
            Some(r) => Ok(Some((r.try_get("raw_type")?, r.try_get("raw")?))),
        }
    }

    /// Newest first, `limit` rows after `after`.
    pub async fn reports(
        &self,
        filter: &ReportFilter,
        after: Option<ReportCursor>,
        limit: u32,
    ) -> Result<Vec<ReportRow>, StoreError> {
        let mut sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE 1 = 1");
        let mut n = 0;
        let mut next = |sql: &mut String, clause: &str| {
            n += 1;
            sql.push_str(&clause.replace('?', &format!("${n}")));
        };
        if filter.channel.is_some() {
            next(&mut sql, " AND channel = ?");
        }
        if filter.campaign_id.is_some() {
            next(&mut sql, " AND campaign_id = ?");
        }
        if filter.country.is_some() {
            next(&mut sql, " AND country = ?");
        }
        if filter.language.is_some() {
            next(&mut sql, " AND language = ?");
        }
        if filter.since.is_some() {
            next(&mut sql, " AND received_at >= ?");
        }
        if filter.until.is_some() {
            next(&mut sql, " AND received_at < ?");
        }
        if filter.untriaged {
            sql.push_str(" AND triage IS NULL");
        }
        if filter.verdict.is_some() {
            next(
                &mut sql,
                " AND EXISTS (SELECT 1 FROM report_indicators ri JOIN indicators i \
                 ON i.id = ri.indicator_id WHERE ri.report_id = reports.id AND i.verdict = ?)",
            );
        }
        let search = search_terms(self.dialect(), &filter.words);
        for clause in &search.clauses {
            next(&mut sql, clause);
        }
        if after.is_some() {
            next(&mut sql, " AND (received_at < ?");
            next(&mut sql, " OR (received_at = ?");
            next(&mut sql, " AND id < ?))");
        }
        next(&mut sql, " ORDER BY received_at DESC, id DESC LIMIT ?");
        let mut q = sqlx::query(&sql);
        if let Some(v) = &filter.channel {
            q = q.bind(v);
        }
        if let Some(v) = filter.campaign_id {
            q = q.bind(v);
        }
        if let Some(v) = &filter.country {
            q = q.bind(v);
        }
        if let Some(v) = &filter.language {
            q = q.bind(v);
        }
        if let Some(v) = filter.since {
            q = q.bind(v);
        }
        if let Some(v) = filter.until {
            q = q.bind(v);
        }
        if let Some(v) = &filter.verdict {
            q = q.bind(v);
        }
        for v in &search.binds {
            q = q.bind(v.clone());
        }
        if let Some(c) = after {
            q = q.bind(c.received_at).bind(c.received_at).bind(c.id);
        }
        q = q.bind(i64::from(limit));
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows
            .iter()
            .map(ReportRow::from_row)
            .collect::<Result<Vec<_>, _>>()?)
    }

    pub async fn processing_input(&self, id: i64) -> Result<Option<ProcessingInput>, StoreError> {
        let row = sqlx::query(
            "SELECT id, subject, body, sender, reporter_email, locale, country, phone_number, \
             links, description, header_text, hidden_text, processed_at FROM reports WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let processed_at: Option<i64> = row.try_get("processed_at")?;
        Ok(Some(ProcessingInput {
            id: row.try_get("id")?,
            subject: row.try_get("subject")?,
            body: row.try_get("body")?,
            sender: row.try_get("sender")?,
            reporter_email: row.try_get("reporter_email")?,
            locale: row.try_get("locale")?,
            country: row.try_get("country")?,
            phone_number: row.try_get("phone_number")?,
            links: links_from_json(&row.try_get::<String, _>("links")?),
            description: row.try_get("description")?,
            header_text: row.try_get("header_text")?,
            hidden_text: row.try_get("hidden_text")?,
            processed: processed_at.is_some(),
        }))
    }

    pub async fn report_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM reports")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("n")?)
    }
}

/// SQL for full-text search: clauses with one `?` each and what they bind.
struct Search {
    clauses: Vec<&'static str>,
    binds: Vec<String>,
}

/// Every word must appear. SQLite asks the trigram FTS5 index with one phrase per word (a
/// phrase in double quotes, quotes doubled, is matched literally); PostgreSQL asks `ILIKE`
/// with the wildcard characters escaped, served by the pg_trgm index on the same text.
fn search_terms(dialect: crate::Dialect, words: &[String]) -> Search {
    let mut out = Search {
        clauses: Vec::new(),
        binds: Vec::new(),
    };
    if words.is_empty() {
        return out;
    }
    match dialect {
        crate::Dialect::Sqlite => {
            let query = words
                .iter()
                .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" AND ");
            out.clauses
                .push(" AND id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)");
            out.binds.push(query);
        }
        crate::Dialect::Postgres => {
            for w in words {
                let escaped = w
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                out.clauses.push(
                    " AND (COALESCE(subject, '') || ' ' || body || ' ' || COALESCE(sender, '') \
                     || ' ' || COALESCE(description, '')) ILIKE ?",
                );
                out.binds.push(format!("%{escaped}%"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_readable_and_distinct() {
        let a = new_reference();
        assert_eq!(a.len(), 13);
        assert!(a.starts_with("R-"));
        assert_eq!(&a[7..8], "-");
        assert!(
            a.chars()
                .filter(|c| *c != '-')
                .skip(1)
                .all(|c| REFERENCE_ALPHABET.contains(&(c as u8)))
        );
        let many: std::collections::HashSet<String> =
            (0..10_000).map(|_| new_reference()).collect();
        assert_eq!(many.len(), 10_000);
    }
}
