//! Evidence packages of a case: gathered from the store, laid out, signed.
//!
//! A package holds `README.txt`, `summary.txt`, `reports.json`, `stix.json`, `audit.json`, each
//! report's bytes exactly as received under `raw/` and the files sent with it under `files/`;
//! `rampart_casework::evidence` adds the manifest and its signature. Every stored byte is
//! checked against the SHA-256 recorded when it arrived before it goes in: a package is never
//! made from evidence that changed since.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ed25519_dalek::{SigningKey, VerifyingKey};
use rampart_casework::audit::Event;
use rampart_casework::stix::{StixCampaign, StixCase, StixIndicator};
use rampart_casework::summary::{SummaryEvent, SummaryInput, SummaryReport};
use rampart_casework::{evidence, stix, summary};
use rampart_indicators::extract::IndicatorKind;
use rampart_store::{AuditRow, CASE_REPORTS_MAX, CaseRow, EVIDENCE_PAGE, LinkKind, StoreError};
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::AppState;
use crate::auth::{Caller, Permission};
use crate::intake::{millis, rfc3339, sha256_hex};
use crate::problem::Problem;

/// What the CLI needs to check packages and chains, without a dependency of its own on
/// `rampart-casework`.
pub use rampart_casework::audit::Break;
pub use rampart_casework::evidence::{Manifest, ManifestFile, PackageError};

/// The most raw report and file bytes one package holds: it is built in memory.
pub const MAX_EVIDENCE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// The most audit entries of the case `audit.json` and the timeline show (the newest).
pub const AUDIT_ENTRIES_MAX: u32 = 100_000;
/// The most indicators the summary and the STIX bundle list (the most reported first).
pub const INDICATORS_MAX: usize = 10_000;

/// Why a case could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there is no case {0}")]
    NoSuchCase(i64),
    #[error(
        "the case covers more than {CASE_REPORTS_MAX} reports, more than one package holds; \
         split it into smaller cases"
    )]
    TooManyReports,
    #[error(
        "the case's reports and files come to {bytes} bytes, more than the {MAX_EVIDENCE_BYTES} \
         one package holds; split it into smaller cases"
    )]
    TooLarge { bytes: u64 },
    /// The stored bytes differ from what was recorded when they arrived.
    #[error(
        "the stored bytes of {what} no longer match the SHA-256 recorded when they arrived \
         (recorded {recorded}, now {found}): the stored evidence was altered, so no package was made"
    )]
    Altered {
        what: String,
        recorded: String,
        found: String,
    },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("the package could not be built: {0}")]
    Package(#[from] PackageError),
    #[error("the package could not be built: {0}")]
    Internal(String),
}

impl From<ExportError> for Problem {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::NoSuchCase(_) => Problem::not_found("case"),
            ExportError::TooManyReports | ExportError::TooLarge { .. } => Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "case-too-large",
                e.to_string(),
            ),
            ExportError::Altered { .. } => {
                tracing::error!(error = %e, "evidence export refused: stored evidence was altered");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "evidence-altered",
                    e.to_string(),
                )
            }
            ExportError::Store(e) => Problem::from(e),
            ExportError::Package(_) | ExportError::Internal(_) => {
                tracing::error!(error = %e, "evidence export failed");
                Problem::internal()
            }
        }
    }
}

/// A signed package, ready to hand over.
#[derive(Debug, Clone)]
pub struct Package {
    /// `case-{id}-{YYYYMMDDTHHMMSSZ}.zip`.
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Hex SHA-256 of `bytes`.
    pub sha256: String,
    /// Files listed in the manifest (all but `manifest.json` and `manifest.sig`).
    pub files: usize,
    /// Hex Ed25519 public key that signed the manifest.
    pub public_key: String,
}

/// The case's reference in packages, summaries and bundles.
pub fn case_reference(case_id: i64) -> String {
    format!("CASE-{case_id}")
}

/// Builds the case's package and records a `case.export` entry in the audit chain (only once
/// the package exists, and the package is handed out only once the entry is committed).
pub async fn build_package(
    state: &AppState,
    case_id: i64,
    actor: &str,
) -> Result<(String, Vec<u8>), ExportError> {
    export_case(state, case_id, actor)
        .await
        .map(|p| (p.file_name, p.bytes))
}

/// [`build_package`] with what the package is: its digest, file count and signer.
pub async fn export_case(
    state: &AppState,
    case_id: i64,
    actor: &str,
) -> Result<Package, ExportError> {
    let case = state
        .store
        .case(case_id)
        .await?
        .ok_or(ExportError::NoSuchCase(case_id))?;
    let now = OffsetDateTime::now_utc();
    let now_ms = millis(now);
    let files = gather(state, &case, now_ms).await?;
    let count = files.len();
    let reference = case_reference(case.id);
    let created_at = rfc3339(now_ms);
    let issuer = state.settings.organisation().to_string();
    let key = state.signing.clone();
    // Deflating up to gigabytes is CPU work: off the async threads.
    let bytes = tokio::task::spawn_blocking(move || {
        evidence::build(&reference, &created_at, &issuer, &files, &key)
    })
    .await
    .map_err(|e| ExportError::Internal(e.to_string()))??;
    let sha256 = sha256_hex(&bytes);
    let public_key = hex::encode(state.signing.verifying_key().to_bytes());
    let file_name = format!(
        "case-{}-{:04}{:02}{:02}T{:02}{:02}{:02}Z.zip",
        case.id,
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    state
        .store
        .audit(
            Event {
                at: now_ms,
                actor: actor.to_string(),
                action: "case.export".into(),
                object: format!("case:{}", case.id),
                detail: json!({
                    "package_sha256": sha256,
                    "files": count,
                    "public_key": public_key,
                    "file_name": file_name,
                })
                .to_string(),
            },
            Some(case.id),
        )
        .await?;
    tracing::info!(case = case.id, %actor, files = count, bytes = bytes.len(), sha256 = %sha256, "evidence package exported");
    Ok(Package {
        file_name,
        bytes,
        sha256,
        files: count,
        public_key,
    })
}

/// The package's files (without the manifest and signature), as of `now`. Fails when any
/// stored report or file no longer matches its recorded SHA-256, or the case is too large.
pub async fn gather(
    state: &AppState,
    case: &CaseRow,
    now: i64,
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let store = &state.store;
    let reference = case_reference(case.id);
    let producer = state.settings.organisation().to_string();
    let (report_ids, more) = store.case_report_ids(case.id).await?;
    if more {
        return Err(ExportError::TooManyReports);
    }

    // Weigh before reading: nothing large is loaded for a package that would be refused.
    let mut weight = 0u64;
    for page in report_ids.chunks(EVIDENCE_PAGE) {
        let (raw, files) = store.evidence_bytes(page).await?;
        weight = weight.saturating_add(u64::try_from(raw.saturating_add(files)).unwrap_or(0));
    }
    if weight > MAX_EVIDENCE_BYTES {
        return Err(ExportError::TooLarge { bytes: weight });
    }

    let mut evidence_files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut reports: Vec<Value> = Vec::with_capacity(report_ids.len());
    let mut summary_reports: Vec<SummaryReport> = Vec::with_capacity(report_ids.len());
    let mut report_campaigns: BTreeSet<i64> = BTreeSet::new();
    let mut indicators: HashMap<i64, Gathered> = HashMap::new();
    let mut loaded = 0u64;
    for page in report_ids.chunks(EVIDENCE_PAGE) {
        let mut files_of: BTreeMap<i64, Vec<(rampart_store::FileRow, Vec<u8>)>> = BTreeMap::new();
        for (report_id, row, bytes) in store.evidence_files(page).await? {
            files_of.entry(report_id).or_default().push((row, bytes));
        }
        for r in store.evidence_reports(page).await? {
            let found = sha256_hex(&r.raw);
            if !found.eq_ignore_ascii_case(r.raw_sha256.trim()) {
                return Err(ExportError::Altered {
                    what: format!("report {}", r.reference),
                    recorded: r.raw_sha256,
                    found,
                });
            }
            let name = path_safe(&r.reference);
            let raw_file = format!("raw/{name}.{}", raw_extension(&r.raw_type));
            let mut attached = Vec::new();
            for (n, (file, bytes)) in files_of
                .remove(&r.id)
                .unwrap_or_default()
                .into_iter()
                .enumerate()
            {
                let found = sha256_hex(&bytes);
                if !found.eq_ignore_ascii_case(file.sha256.trim()) {
                    return Err(ExportError::Altered {
                        what: format!("file {} of report {}", file.id, r.reference),
                        recorded: file.sha256,
                        found,
                    });
                }
                let path = format!(
                    "files/{name}-{}.{}",
                    n + 1,
                    file_extension(&file.content_type)
                );
                attached.push(json!({
                    "path": path,
                    "kind": file.kind,
                    "content_type": file.content_type,
                    "size": bytes.len(),
                    "sha256": found,
                }));
                loaded = loaded.saturating_add(bytes.len() as u64);
                evidence_files.push((path, bytes));
            }
            loaded = loaded.saturating_add(r.raw.len() as u64);
            // What was weighed could have grown since (a file added meanwhile).
            if loaded > MAX_EVIDENCE_BYTES {
                return Err(ExportError::TooLarge { bytes: loaded });
            }
            let loss = match (r.money_minor, &r.money_currency) {
                (Some(minor), Some(currency)) => Some((minor, currency.clone())),
                _ => None,
            };
            reports.push(json!({
                "reference": r.reference,
                "received_at": rfc3339(r.received_at),
                "channel": r.channel,
                "country": r.country,
                "language": r.language,
                "reporter_key": r.reporter_key,
                "loss": loss.as_ref().map(|(minor, currency)| json!({
                    "amount_minor": minor,
                    "currency": currency,
                    "amount": summary::money(currency, *minor),
                })),
                "subject": r.subject,
                "sender": r.sender,
                "campaign_id": r.campaign_id,
                "raw_file": raw_file,
                "raw_type": r.raw_type,
                "raw_sha256": found,
                "raw_size": r.raw.len(),
                "files": attached,
            }));
            summary_reports.push(SummaryReport {
                reference: r.reference.clone(),
                received_at: r.received_at,
                channel: r.channel.clone(),
                country: r.country.clone(),
                language: r.language.clone(),
                reporter_key: r.reporter_key.clone(),
                loss,
                subject: r.subject.clone(),
                raw_sha256: found,
                raw_file: raw_file.clone(),
            });
            if let Some(c) = r.campaign_id {
                report_campaigns.insert(c);
            }
            evidence_files.push((raw_file, r.raw));
        }
        for i in store.evidence_indicators(page).await? {
            let entry = indicators.entry(i.id).or_insert_with(|| Gathered {
                kind: i.kind.clone(),
                value: i.value.clone(),
                shared: i.verdict != "official" && i.warning.is_none() && i.benign_at.is_none(),
                reports: 0,
                first_seen: i.first_seen,
                last_seen: i.last_seen,
                campaigns: BTreeSet::new(),
            });
            entry.reports += i.reports;
            entry.first_seen = entry.first_seen.min(i.first_seen);
            entry.last_seen = entry.last_seen.max(i.last_seen);
            if let Some(c) = i.campaign_id {
                entry.campaigns.insert(c);
            }
        }
    }

    // Indicators worth sharing: not the brand's own, not on the warning list (which holds
    // those marked benign), and of a kind a partner can match (not our script keys).
    let mut shared: Vec<(IndicatorKind, Gathered)> = indicators
        .into_values()
        .filter(|g| g.shared)
        .filter_map(|g| IndicatorKind::parse(&g.kind).map(|k| (k, g)))
        .collect();
    shared.sort_by(|a, b| {
        b.1.reports
            .cmp(&a.1.reports)
            .then_with(|| a.0.as_str().cmp(b.0.as_str()))
            .then_with(|| a.1.value.cmp(&b.1.value))
    });
    let indicators_left_out = shared.len().saturating_sub(INDICATORS_MAX);
    shared.truncate(INDICATORS_MAX);

    let mut campaign_ids: BTreeSet<i64> = report_campaigns;
    for link in store.case_links(case.id).await? {
        if link.kind == LinkKind::Campaign {
            campaign_ids.insert(link.id);
        }
    }
    let campaign_ids: Vec<i64> = campaign_ids.into_iter().collect();
    let mut campaigns = Vec::with_capacity(campaign_ids.len());
    for page in campaign_ids.chunks(EVIDENCE_PAGE) {
        campaigns.extend(store.evidence_campaigns(page).await?);
    }
    let stix_campaigns: Vec<StixCampaign> = campaigns
        .iter()
        .map(|c| StixCampaign {
            id: c.id,
            name: campaign_name(c.id),
            description: format!(
                "{} reports from {} distinct reporters.",
                c.report_count, c.reporter_count
            ),
            first_seen: c.first_seen,
            last_seen: c.last_seen,
        })
        .collect();

    let mut timeline: Vec<AuditRow> = store.case_timeline(case.id, AUDIT_ENTRIES_MAX).await?;
    timeline.reverse();

    let summary_input = SummaryInput {
        case_reference: reference.clone(),
        title: case.title.clone(),
        status: case.status.clone(),
        opened_at: case.created_at,
        generated_at: now,
        producer: producer.clone(),
        campaigns: campaigns
            .iter()
            .map(|c| (c.id, campaign_name(c.id)))
            .collect(),
        indicators: shared
            .iter()
            .map(|(k, g)| (*k, g.value.clone(), g.reports))
            .collect(),
        reports: summary_reports,
        timeline: timeline
            .iter()
            .map(|a| SummaryEvent {
                at: a.entry.event.at,
                actor: a.entry.event.actor.clone(),
                what: describe_event(&a.entry.event.action, &a.entry.event.detail),
            })
            .collect(),
    };
    let bundle = stix::bundle(
        &StixCase {
            reference: reference.clone(),
            title: case.title.clone(),
            created_at: now,
            producer: producer.clone(),
        },
        &stix_campaigns,
        &shared
            .iter()
            .map(|(k, g)| StixIndicator {
                kind: *k,
                value: g.value.clone(),
                first_seen: g.first_seen,
                last_seen: g.last_seen,
                report_count: g.reports,
                campaigns: g.campaigns.iter().copied().collect(),
            })
            .collect::<Vec<_>>(),
    );
    let audit = json!({
        "case": reference,
        "about": "The audit entries filed under this case, oldest first: an excerpt of the \
            whole chain, so each prev_hash names the entry before it in the whole chain, which \
            may be about another case. See README.txt for how each hash is computed.",
        "entries": timeline.iter().map(|a| json!({
            "seq": a.entry.seq,
            "at": rfc3339(a.entry.event.at),
            "at_ms": a.entry.event.at,
            "actor": a.entry.event.actor,
            "action": a.entry.event.action,
            "object": a.entry.event.object,
            "detail": a.entry.event.detail,
            "prev_hash": a.entry.prev_hash,
            "hash": a.entry.hash,
        })).collect::<Vec<_>>(),
    });
    let reports_json = json!({
        "case": reference,
        "generated_at": rfc3339(now),
        "reports": reports,
    });

    let mut files = vec![
        (
            "README.txt".to_string(),
            readme(&reference, &producer, now, indicators_left_out).into_bytes(),
        ),
        (
            "summary.txt".to_string(),
            summary::render_text(&summary_input).into_bytes(),
        ),
        ("reports.json".to_string(), pretty(&reports_json)?),
        ("stix.json".to_string(), pretty(&bundle)?),
        ("audit.json".to_string(), pretty(&audit)?),
    ];
    files.append(&mut evidence_files);
    Ok(files)
}

/// An indicator of the case's reports, summed over pages.
struct Gathered {
    kind: String,
    value: String,
    /// Whether it belongs in what is shared with partners.
    shared: bool,
    reports: i64,
    first_seen: i64,
    last_seen: i64,
    campaigns: BTreeSet<i64>,
}

fn pretty(v: &Value) -> Result<Vec<u8>, ExportError> {
    let mut out = serde_json::to_vec_pretty(v).map_err(|e| ExportError::Internal(e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}

fn campaign_name(id: i64) -> String {
    format!("Campaign {id}")
}

/// A reference as a file name: references are ours (`R-…`), but a path is no place to trust
/// that.
fn path_safe(reference: &str) -> String {
    reference
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The extension of a raw report by its type.
fn raw_extension(raw_type: &str) -> &'static str {
    let t = raw_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if t == "message/rfc822" {
        "eml"
    } else if t == "application/json" || t.ends_with("+json") {
        "json"
    } else if t.starts_with("text/") {
        "txt"
    } else {
        "bin"
    }
}

/// The extension of a file by the type its bytes showed.
fn file_extension(content_type: &str) -> &'static str {
    match content_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "message/rfc822" => "eml",
        _ => "bin",
    }
}

/// An audit entry in the timeline's words.
fn describe_event(action: &str, detail: &str) -> String {
    let d: Value = serde_json::from_str(detail).unwrap_or(Value::Null);
    let text = |k: &str| d[k].as_str().unwrap_or("").to_string();
    let linked = || format!("{} {}", text("kind"), d["id"]);
    match action {
        "case.open" => "opened the case".into(),
        "case.link" => format!("linked {}", linked()),
        "case.unlink" => format!("unlinked {}", linked()),
        "case.title" => format!("renamed the case to {}", text("title")),
        "case.summary" => "changed the summary".into(),
        "case.status" => format!("set the status to {}", text("status")),
        "case.priority" => format!("set the priority to {}", text("priority")),
        "case.assign" => "changed the assignee".into(),
        "case.restrict" if d["restricted"] == true => "restricted the case".into(),
        "case.restrict" => "lifted the restriction".into(),
        "note.add" => "added a note".into(),
        "task.add" => format!("added a task: {}", text("title")),
        "task.done" => "completed a task".into(),
        "task.reopen" => "reopened a task".into(),
        "case.export" => format!(
            "exported an evidence package (SHA-256 {})",
            text("package_sha256")
        ),
        other => other.to_string(),
    }
}

fn readme(reference: &str, producer: &str, now: i64, indicators_left_out: usize) -> String {
    let mut left_out = String::new();
    if indicators_left_out > 0 {
        left_out = format!(
            "\nsummary.txt and stix.json list the {INDICATORS_MAX} most reported indicators; \
             {indicators_left_out} more were left out.\n"
        );
    }
    format!(
        "Evidence package for case {reference}
Made by {producer} on {generated} with Rampart.

WHAT IS IN IT

  manifest.json   every other file's path, size and SHA-256, the case, the issuer, the time it
                  was made and the Ed25519 public key that signed it
  manifest.sig    the Ed25519 signature over the exact bytes of manifest.json, in hex
  README.txt      this file
  summary.txt     the case in plain text: figures (reports, distinct victims, losses by
                  currency), countries, channels, campaigns, indicators (defanged), each
                  report, and the case's timeline
  reports.json    each report: reference, time received (RFC 3339, UTC), channel, country,
                  language, stated loss, subject, sender, the path of its raw file and that
                  file's SHA-256 as recorded when the report arrived
  stix.json       a STIX 2.1 bundle of the case's campaigns and indicators (indicators that
                  are the brand's own, on the warning list or marked benign are left out)
  audit.json      the audit entries of this case with their place in the audit chain (seq),
                  hash and prev_hash
  raw/            each report exactly as it arrived (an e-mail as .eml, an API or form
                  submission as .json), byte for byte; its SHA-256 is the one recorded at
                  arrival, checked again when this package was made
  files/          files sent with a report (screenshots, forwarded e-mails), named after it
{left_out}
HOW TO CHECK IT

With Rampart:  rampart case verify {reference_file}
               rampart case verify FILE --public-key HEX   (to require a known signer)

By hand:
  1. Compute the SHA-256 of every file (sha256sum) and compare it with manifest.json; every
     file must be listed there, and nothing listed may be missing.
  2. Check manifest.sig: it is an Ed25519 signature over the bytes of manifest.json, by the
     public key in manifest.json (\"public_key\", hex). With OpenSSL 3:
       printf '302a300506032b6570032100%s' \"$(sed -n 's/.*\"public_key\": \"\\([0-9a-f]*\\)\".*/\\1/p' manifest.json)\" | xxd -r -p > key.der
       openssl pkey -pubin -inform DER -in key.der -out key.pem
       xxd -r -p manifest.sig > manifest.sig.bin
       openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig.bin
  3. Confirm the public key with {producer} by another channel (telephone, a letter, their
     published key). A valid signature proves the files were not changed since someone with
     that key signed them; only the key tells you who that was.

Each audit entry's hash is the hex SHA-256 of the 16 bytes \"rampart-audit-v1\" followed by,
for prev_hash, seq, at_ms, actor, action, object and detail in that order, the field's length
as an 8-byte big-endian number and then the field (seq and at_ms as 8-byte big-endian
numbers, the rest as UTF-8). The first entry's prev_hash is 64 zeros.
",
        generated = summary::datetime(now),
        reference_file = "case-….zip",
    )
}

/// Checks a package as a recipient would: the signature, the signer when `trusted` is given,
/// and every file. Reads at most what a package of this service can hold.
pub fn verify_package(
    package: &[u8],
    trusted: Option<&VerifyingKey>,
) -> Result<Manifest, PackageError> {
    let limits = evidence::ReadLimits {
        max_entries: usize::try_from(CASE_REPORTS_MAX)
            .unwrap_or(usize::MAX)
            .saturating_mul(8),
        max_entry_bytes: 1024 * 1024 * 1024,
        max_total_bytes: MAX_EVIDENCE_BYTES + 1024 * 1024 * 1024,
    };
    evidence::verify(package, trusted, &limits).map(|v| v.manifest)
}

/// The public half of the signing key in `path`, which must exist: checking against a key made
/// on the spot would prove nothing.
pub fn trusted_key(path: &Path) -> Result<VerifyingKey, String> {
    signing_key(path).map(|k| k.verifying_key())
}

/// The signing key in `path`, which must exist (unlike [`crate::signing::load_or_create`]).
pub fn signing_key(path: &Path) -> Result<SigningKey, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the signing key file {}: {e}", path.display()))?;
    let bytes: [u8; 32] = hex::decode(text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| {
            format!(
                "{} does not hold a 64-hex-digit Ed25519 key",
                path.display()
            )
        })?;
    Ok(SigningKey::from_bytes(&bytes))
}

/// A public key as 64 hex digits.
pub fn public_key_hex(key: &VerifyingKey) -> String {
    hex::encode(key.to_bytes())
}

/// The evidence package of a case, signed.
#[utoipa::path(
    get, path = "/api/v1/cases/{id}/export", tag = "casework",
    params(("id" = i64, Path, description = "Case id")),
    responses(
        (status = 200, description = "The signed evidence package (zip), its SHA-256 in X-Content-SHA256", content_type = "application/zip"),
        (status = 403, description = "The caller may not export evidence", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case (or a restricted one the caller may not see)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The case is too large for one package", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Stored evidence no longer matches its recorded SHA-256; nothing was exported", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn api_export(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<UrlPath<i64>, axum::extract::rejection::PathRejection>,
) -> Result<Response, Problem> {
    let UrlPath(id) = id.map_err(|_| Problem::not_found("case"))?;
    // Whether the case exists is answered first: a restricted case is absent to whoever may
    // not see it, whatever else they may do.
    let case = state
        .store
        .case(id)
        .await?
        .ok_or_else(|| Problem::not_found("case"))?;
    if case.restricted && !caller.can(Permission::Legal) {
        return Err(Problem::not_found("case"));
    }
    caller.require(Permission::Export)?;
    let package = export_case(&state, id, &caller.actor()).await?;
    let mut res = package.bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", package.file_name))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&package.sha256) {
        h.insert("x-content-sha256", v);
    }
    Ok(res)
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(api_export))]
pub struct ExportApi;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_files_are_named_by_their_type() {
        for (t, ext) in [
            ("message/rfc822", "eml"),
            ("application/json", "json"),
            ("application/vnd.rampart.portal-form+json", "json"),
            ("text/plain; charset=utf-8", "txt"),
            ("application/octet-stream", "bin"),
            ("", "bin"),
        ] {
            assert_eq!(raw_extension(t), ext, "{t}");
        }
    }

    #[test]
    fn references_cannot_leave_their_folder() {
        assert_eq!(path_safe("R-ABCDE-12345"), "R-ABCDE-12345");
        assert_eq!(path_safe("../x/y"), "___x_y");
    }
}
