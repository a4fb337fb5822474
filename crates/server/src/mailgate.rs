//! E-mail into reports: what `rampart mailgate` (a mail server's pipe), the IMAP poller and an
//! .eml uploaded on the form share. The message's bytes are kept unchanged as the report's raw
//! evidence; the scam inside a forward becomes the report, and the person who forwarded it
//! becomes the reporter.

use rampart_mail::{MailReport, Mailbox};
use rampart_store::{Authentication, Intake, NewReport, StoreError};
use serde_json::json;

use crate::AppState;
use crate::intake::{self, MAX_DESCRIPTION_CHARS, MAX_SENDER_CHARS, MAX_SUBJECT_CHARS};

/// Links taken from one message's HTML; the rest are noted, not stored.
const MAX_EMAIL_LINKS: usize = 200;
/// Hidden text kept for the record.
const MAX_HIDDEN_CHARS: usize = 10_000;
/// Hidden text read for indicators.
const MAX_HIDDEN_READ_CHARS: usize = 200_000;
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

/// Text the HTML hides from the reader: filler against filters, but also numbers and links a
/// mail client may still show; read for indicators apart from the body.
fn hidden_text_of(mail: &MailReport) -> Option<String> {
    let text = cut(mail.scam.hidden_text.trim(), MAX_HIDDEN_READ_CHARS);
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

/// The scam's readable text (its subject when it has none): what stands for a pasted message.
pub fn body_of_mail(mail: &MailReport) -> String {
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
    let mail = parse(raw)?;
    Ok(report_from_mail(
        &mail,
        raw.to_vec(),
        source,
        received_at,
        acknowledge,
    ))
}

/// Reads a message; what cannot be read is rejected with the reason.
pub fn parse(raw: &[u8]) -> Result<MailReport, EmailError> {
    rampart_mail::parse(raw, &limits()).map_err(|e| EmailError::Rejected(e.to_string()))
}

/// [`parse`] on a blocking thread: reading 40 MB of hostile MIME must not hold up the threads
/// that answer requests. The bytes come back with the result, so nobody copies them to keep them.
pub async fn parse_off_thread(raw: Vec<u8>) -> (Result<MailReport, EmailError>, Vec<u8>) {
    match tokio::task::spawn_blocking(move || (parse(&raw), raw)).await {
        Ok(done) => done,
        Err(e) => (
            Err(EmailError::Rejected(format!(
                "the message could not be read: {e}"
            ))),
            Vec::new(),
        ),
    }
}

/// Whether the receiving server vouched for the forwarder: an acknowledgement goes only to an
/// address that passed SPF or DMARC, so a forged From cannot aim our relay at a stranger.
fn forwarder_verified(mail: &MailReport) -> bool {
    use rampart_mail::AuthResult;
    let a = &mail.envelope.authentication;
    [&a.dmarc, &a.spf]
        .iter()
        .any(|o| o.as_ref().is_some_and(|o| o.result == AuthResult::Pass))
}

/// The report for a message already read.
pub fn report_from_mail(
    mail: &MailReport,
    raw: Vec<u8>,
    source: &str,
    received_at: i64,
    acknowledge: bool,
) -> NewReport {
    let sha256 = intake::sha256_hex(&raw);
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
        None => intake::sha256_hex(format!("mail:{sha256}").as_bytes()),
    };
    // The forwarder's own words above the forward are their account of what happened.
    let description = (mail.forwarder.is_some())
        .then(|| cut(mail.envelope.text.trim(), MAX_DESCRIPTION_CHARS))
        .filter(|t| !t.trim().is_empty());
    NewReport {
        channel: "email".into(),
        subject: mail
            .scam
            .subject
            .as_deref()
            .map(|s| cut(s, MAX_SUBJECT_CHARS)),
        body: body_of_mail(mail),
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
        source_key: Some(format!("mail:{sha256}")),
        raw_sha256: sha256,
        raw,
        raw_type: "message/rfc822".into(),
        source: source.into(),
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
        details: details_of(mail),
        header_text: header_text_of(mail),
        hidden_text: hidden_text_of(mail),
        auth: auth_of(mail),
        files: Vec::new(),
        acknowledge: acknowledge && reporter_email.is_some() && forwarder_verified(mail),
    }
}

/// Stores one e-mail; the same bytes twice give the first report back.
pub async fn store_email(
    state: &AppState,
    raw: &[u8],
    source: &str,
) -> Result<StoredEmail, EmailError> {
    let now = intake::millis(time::OffsetDateTime::now_utc());
    let (mail, raw) = parse_off_thread(raw.to_vec()).await;
    let report = report_from_mail(&mail?, raw, source, now, state.acknowledgements_enabled());
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
pub fn fill_from_eml(report: &mut NewReport, mail: &MailReport) {
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
    report.details = details_of(mail);
    report.header_text = header_text_of(mail);
    report.hidden_text = hidden_text_of(mail);
    report.auth = auth_of(mail);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(spf: &str, html: &str) -> Vec<u8> {
        format!(
            "Authentication-Results: mx.reports.example; spf={spf} smtp.mailfrom=ann@example.org\r\n\
From: Ann <ann@example.org>\r\nTo: report@reports.example\r\nSubject: Fwd: Your parcel\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nThis looks fake.\r\n\
--b\r\nContent-Type: message/rfc822\r\n\r\n\
From: Parcel Service <track@parcel-fee.com>\r\nSubject: Your parcel\r\nMIME-Version: 1.0\r\n\
Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--b--\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn hidden_text_is_kept_for_extraction() {
        let raw = forwarded(
            "pass",
            "<p>Pay the fee today.</p><div style=\"display:none\">Call +1 415 555 0142</div>",
        );
        let r = report_from_email(&raw, "mailgate", 1_795_000_000_000, true).unwrap();
        assert!(!r.body.contains("555 0142"), "{}", r.body);
        assert!(
            r.hidden_text
                .as_deref()
                .unwrap()
                .contains("+1 415 555 0142")
        );
        assert_eq!(r.reporter_email.as_deref(), Some("ann@example.org"));
        assert!(r.acknowledge);
    }

    #[test]
    fn an_unverified_forwarder_is_not_acknowledged() {
        // Anyone can write someone else's address in From: without the receiving server's
        // word for it, an acknowledgement would be mail to a stranger.
        for spf in ["fail", "softfail", "none"] {
            let r = report_from_email(&forwarded(spf, "<p>x</p>"), "mailgate", 0, true).unwrap();
            assert_eq!(r.reporter_email.as_deref(), Some("ann@example.org"));
            assert!(!r.acknowledge, "spf={spf}");
        }
    }
}
