//! E-mail into reports: what `rampart mailgate` (a mail server's pipe), the IMAP poller and an
//! .eml uploaded on the form share. The message's bytes are kept unchanged as the report's raw
//! evidence; the scam inside a forward becomes the report, and the person who forwarded it
//! becomes the reporter.

use rampart_mail::{MailError, MailReport, Mailbox};
use rampart_store::{Authentication, Intake, NewReport, StoreError};
use serde_json::json;

use crate::AppState;
use crate::intake::{self, MAX_DESCRIPTION_CHARS, MAX_SENDER_CHARS, MAX_SUBJECT_CHARS};

/// Links taken from one message's HTML; the rest are noted, not stored.
const MAX_EMAIL_LINKS: usize = 200;
/// Hidden text kept for the record.
const MAX_HIDDEN_CHARS: usize = 10_000;
/// Received hops kept in the details.
const MAX_HOPS: usize = 30;

/// Why a message was not stored.
#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    /// It can never be stored as it is: the sender should be told, not asked to retry.
    #[error("{0}")]
    Rejected(String),
    /// The database could not take it now: retry later.
    #[error("the database is unavailable: {0}")]
    Unavailable(#[from] StoreError),
}

/// A stored e-mail report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEmail {
    pub id: i64,
    pub reference: String,
    /// The same bytes had been stored before: this is that report.
    pub duplicate: bool,
}

fn limits() -> rampart_mail::Limits {
    rampart_mail::Limits::default()
}

/// At most `max_chars` characters of `s`, without NUL: a message may decode to NULs (UTF-16
/// labelled as UTF-8, an encoded word of zero bytes), PostgreSQL's text columns refuse them, and
/// they hide indicators ("C\0a\0l\0l"). The raw bytes keep them.
fn cut(s: &str, max_chars: usize) -> String {
    s.chars().filter(|&c| c != '\0').take(max_chars).collect()
}

/// `Name <address>` as one line, so that a phone number or link in a display name is read too.
fn mailbox_line(m: &Mailbox) -> Option<String> {
    let line = match (&m.name, &m.address) {
        (Some(n), Some(a)) if !n.trim().is_empty() => format!("{} <{a}>", n.trim()),
        (_, Some(a)) => a.clone(),
        (Some(n), None) => n.trim().to_string(),
        (None, None) => return None,
    };
    Some(cut(&line, MAX_SENDER_CHARS))
}

fn auth_word(o: &Option<rampart_mail::AuthOutcome>) -> Option<String> {
    o.as_ref().and_then(|o| {
        serde_json::to_value(o.result)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    })
}

/// What the headers said, for investigators: kept as the report's details.
fn details_of(mail: &MailReport) -> String {
    let scam = &mail.scam;
    let mut notes = mail.notes.clone();
    if scam.links.len() > MAX_EMAIL_LINKS {
        notes.push(format!(
            "the message has {} links; the first {MAX_EMAIL_LINKS} were kept",
            scam.links.len()
        ));
    }
    json!({
        "email": {
            "forwarder": mail.forwarder,
            "unwrapped": mail.unwrapped,
            "from": scam.from,
            "reply_to": scam.reply_to,
            "return_path": scam.return_path,
            "to": scam.to.iter().take(20).collect::<Vec<_>>(),
            "message_id": scam.message_id,
            "date_text": scam.date_text,
            "received": scam.received.iter().take(MAX_HOPS).collect::<Vec<_>>(),
            "authentication": scam.authentication,
            "attachments": scam.attachments.iter().take(100).collect::<Vec<_>>(),
            "hidden_text": cut(&scam.hidden_text, MAX_HIDDEN_CHARS),
            "envelope": {
                "from": mail.envelope.from,
                "subject": mail.envelope.subject,
                "message_id": mail.envelope.message_id,
                "authentication": mail.envelope.authentication,
            },
            "notes": notes,
        }
    })
    .to_string()
}

/// The header lines a scammer writes besides the body: display names, Reply-To (where answers
/// really go) and Return-Path.
fn header_text_of(mail: &MailReport) -> Option<String> {
    let scam = &mail.scam;
    let mut lines: Vec<String> = scam.header_text.lines().map(str::to_string).collect();
    lines.extend(scam.reply_to.iter().filter_map(|m| m.address.clone()));
    lines.extend(scam.return_path.clone());
    let text = cut(&lines.join("\n"), 16 * 1024);
    (!text.trim().is_empty()).then_some(text)
}

/// The scam's own authentication results. A forward's outer results describe the forwarder's
/// mail, not the scam, so they stay in the details only.
fn auth_of(mail: &MailReport) -> Authentication {
    let a = &mail.scam.authentication;
    Authentication {
        spf: auth_word(&a.spf),
        dkim: auth_word(&a.dkim),
        dmarc: auth_word(&a.dmarc),
    }
}

fn body_of(mail: &MailReport) -> String {
    let text = mail
        .scam
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\0');
    if text.is_empty() {
        cut(
            mail.scam.subject.as_deref().unwrap_or_default(),
            MAX_SUBJECT_CHARS,
        )
    } else {
        cut(text, intake::MAX_BODY_CHARS)
    }
}

/// The scam's Date, when it can be true: the bounds the API puts on `occurred_at` (not before
/// 1990, at most a day after it arrived). Spam is often dated years ahead to stay at the top of
/// an inbox; the raw bytes keep the header as it was.
fn occurred_at(date: Option<i64>, received_at: i64) -> Option<i64> {
    const JANUARY_1990_MS: i64 = 631_152_000_000;
    const DAY_MS: i64 = 24 * 60 * 60 * 1000;
    date.filter(|&d| (JANUARY_1990_MS..=received_at.saturating_add(DAY_MS)).contains(&d))
}

/// The portal language the forwarder wrote their own words in, when the detector is sure of it,
/// so that their acknowledgement speaks it (the scam's language says nothing about them). `None`
/// (English) otherwise, and for a forward with no words of their own.
fn forwarder_locale(description: Option<&str>) -> Option<String> {
    let lang = rampart_indicators::lang::detect(description?)?;
    if !lang.reliable {
        return None;
    }
    crate::i18n::find(lang.code).map(|l| l.tag.to_string())
}

/// The report for one e-mail as a mail server delivered it.
pub fn report_from_email(
    raw: &[u8],
    source: &str,
    received_at: i64,
    acknowledge: bool,
) -> Result<NewReport, EmailError> {
    let mail = rampart_mail::parse(raw, &limits()).map_err(|e| match e {
        MailError::TooLarge { .. } => EmailError::Rejected(e.to_string()),
        other => EmailError::Rejected(other.to_string()),
    })?;
    let reporter_email = mail
        .forwarder
        .as_ref()
        .and_then(|f| f.address.clone())
        .map(|a| a.trim().to_lowercase())
        .filter(|a| {
            a.len() <= intake::MAX_EMAIL_CHARS
                && a.contains('@')
                && !a.contains(|c: char| c.is_control() || c.is_whitespace())
        });
    let reporter_key = match &reporter_email {
        Some(e) => intake::reporter_key(Some(e), None),
        // Delivered straight to the report address (a trap, a bcc): one anonymous reporter per
        // message, so such deliveries never count as many people.
        None => intake::sha256_hex(format!("mail:{}", intake::sha256_hex(raw)).as_bytes()),
    };
    // The forwarder's own words above the forward are their account of what happened.
    let description = (mail.forwarder.is_some())
        .then(|| cut(mail.envelope.text.trim(), MAX_DESCRIPTION_CHARS))
        .filter(|t| !t.trim().is_empty());
    Ok(NewReport {
        channel: "email".into(),
        subject: mail
            .scam
            .subject
            .as_deref()
            .map(|s| cut(s, MAX_SUBJECT_CHARS)),
        body: body_of(&mail),
        sender: mail.scam.from.as_ref().and_then(mailbox_line),
        reporter_email: reporter_email.clone(),
        reporter_key,
        locale: forwarder_locale(description.as_deref()),
        country: None,
        occurred_at: occurred_at(mail.scam.date, received_at),
        received_at,
        money_minor: None,
        money_currency: None,
        payment_method: None,
        raw_sha256: intake::sha256_hex(raw),
        raw: raw.to_vec(),
        raw_type: "message/rfc822".into(),
        source: source.into(),
        source_key: Some(format!("mail:{}", intake::sha256_hex(raw))),
        phone_number: None,
        links: mail
            .scam
            .links
            .iter()
            .take(MAX_EMAIL_LINKS)
            .map(|l| cut(l, usize::MAX))
            .collect(),
        scam_kind: None,
        description,
        details: details_of(&mail),
        header_text: header_text_of(&mail),
        auth: auth_of(&mail),
        files: Vec::new(),
        acknowledge: acknowledge && reporter_email.is_some(),
    })
}

/// Stores one e-mail; the same bytes twice give the first report back.
pub async fn store_email(
    state: &AppState,
    raw: &[u8],
    source: &str,
) -> Result<StoredEmail, EmailError> {
    let now = intake::millis(time::OffsetDateTime::now_utc());
    let report = report_from_email(raw, source, now, state.acknowledgements_enabled())?;
    store_report(state, &report, source).await
}

/// Stores an e-mail report made by [`report_from_email`].
pub async fn store_report(
    state: &AppState,
    report: &NewReport,
    source: &str,
) -> Result<StoredEmail, EmailError> {
    let stored = state
        .store
        .intake(report, None, |_, _| (201, String::new()))
        .await
        .map_err(|e| {
            // Data the database refuses will be refused again: say so rather than have the
            // mail server or the poller retry it for ever and hold up the messages behind it.
            if e.is_data_error() {
                EmailError::Rejected(format!("the database refused the message: {e}"))
            } else {
                EmailError::Unavailable(e)
            }
        })?;
    match stored {
        Intake::Created { id, reference, .. } => {
            metrics::counter!("rampart_reports_received_total", "channel" => "email").increment(1);
            tracing::info!(report_id = id, source, "report stored from an e-mail");
            state.wake_workers();
            Ok(StoredEmail {
                id,
                reference,
                duplicate: false,
            })
        }
        Intake::Duplicate { id, reference } => {
            tracing::info!(report_id = id, source, "the same e-mail came again");
            Ok(StoredEmail {
                id,
                reference,
                duplicate: true,
            })
        }
        Intake::Replayed { .. } => Err(EmailError::Rejected(
            "an idempotency answer came back for an e-mail".into(),
        )),
    }
}

/// An .eml uploaded with the form: what the person typed stays; the e-mail fills in what they
/// left out and adds what only its headers know.
pub fn fill_from_eml(report: &mut NewReport, raw: &[u8]) {
    let Ok(mail) = rampart_mail::parse(raw, &limits()) else {
        return;
    };
    report.channel = "email".into();
    if report.subject.is_none() {
        report.subject = mail
            .scam
            .subject
            .as_deref()
            .map(|s| cut(s, MAX_SUBJECT_CHARS));
    }
    if report.sender.is_none() {
        report.sender = mail.scam.from.as_ref().and_then(mailbox_line);
    }
    if report.occurred_at.is_none() {
        report.occurred_at = occurred_at(mail.scam.date, report.received_at);
    }
    for link in mail.scam.links.iter().take(MAX_EMAIL_LINKS) {
        let link = cut(link, usize::MAX);
        if !report.links.contains(&link) {
            report.links.push(link);
        }
    }
    report.details = details_of(&mail);
    report.header_text = header_text_of(&mail);
    report.auth = auth_of(&mail);
}

/// The readable text of an uploaded e-mail, to stand for the pasted message.
pub fn body_of_eml(raw: &[u8]) -> Option<String> {
    rampart_mail::parse(raw, &limits())
        .ok()
        .map(|m| body_of(&m))
}

/// The IMAP poller's sink: each fetched message becomes a report (or is recognised as one).
pub struct ReportSink {
    state: AppState,
}

impl ReportSink {
    pub fn new(state: AppState) -> ReportSink {
        ReportSink { state }
    }
}

impl crate::imap::MessageSink for ReportSink {
    async fn accept(
        &self,
        raw: Vec<u8>,
        key: crate::imap::MessageKey,
    ) -> Result<(), crate::imap::SinkError> {
        match store_email(&self.state, &raw, "imap").await {
            Ok(stored) => {
                tracing::debug!(
                    uid = key.uid,
                    report_id = stored.id,
                    duplicate = stored.duplicate,
                    "mailbox message stored"
                );
                Ok(())
            }
            Err(EmailError::Rejected(why)) => Err(crate::imap::SinkError::Rejected(why)),
            Err(EmailError::Unavailable(e)) => {
                Err(crate::imap::SinkError::Temporary(e.to_string()))
            }
        }
    }
}
