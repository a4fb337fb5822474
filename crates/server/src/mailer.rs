//! Outgoing mail through the configured SMTP relay: builds a message with the headers automatic
//! mail needs, sends it, and sorts failures into "retry later" and "give up".
//!
//! The durable queue decides *when* to send (and calls [`backoff`] between attempts); this
//! module only knows how to send one message once. A [`Mailer`] is built once at start-up and
//! shared: it keeps a small pool of relay connections.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::response::{Category, Severity};
use lettre::transport::smtp::{AsyncSmtpTransportBuilder, PoolConfig};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `[smtp]` settings: where outgoing mail goes and as whom.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {
    /// Off by default: no mail is sent and acknowledgements are not queued.
    pub enabled: bool,
    /// The relay's host name (also the name its TLS certificate must carry).
    pub host: String,
    /// 587 (submission with STARTTLS) unless told otherwise; 465 for `implicit`.
    pub port: u16,
    pub tls: SmtpTls,
    /// Credentials for AUTH, if the relay wants them; both or neither.
    pub user: Option<String>,
    pub password: Option<String>,
    /// The sender, as a mailbox: `Example Shop <no-reply@example.com>`.
    pub from: String,
    /// Where replies should go, if not to `from`.
    pub reply_to: Option<String>,
    /// Longest one message may take, from connecting to the relay's answer after the data,
    /// in seconds; past it the attempt counts as a temporary failure.
    pub timeout_secs: u64,
    /// The name given in EHLO; the machine's host name when unset.
    pub hello_name: Option<String>,
}

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain text. Only for a relay on the same machine or a test listener.
    None,
    /// Plain connection upgraded with STARTTLS, which is required: no silent fallback to plain
    /// text, so an attacker on the path cannot strip it.
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Implicit,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            enabled: false,
            host: String::new(),
            port: 587,
            tls: SmtpTls::Starttls,
            user: None,
            password: None,
            // Empty on purpose: sending as some example address would be worse than refusing
            // to start.
            from: String::new(),
            reply_to: None,
            // Relays may scan a message before they answer its final dot.
            timeout_secs: 60,
            hello_name: None,
        }
    }
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("enabled", &self.enabled)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("from", &self.from)
            .field("reply_to", &self.reply_to)
            .field("timeout_secs", &self.timeout_secs)
            .field("hello_name", &self.hello_name)
            .finish()
    }
}

/// One message to send.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// The recipient's address as the reporter gave it: untrusted, parsed here.
    pub to: String,
    pub subject: String,
    pub text: String,
    /// An HTML alternative to `text`, if any.
    pub html: Option<String>,
    /// The language of subject and body (a BCP 47 tag such as `ja` or `pt-BR`), sent as
    /// `Content-Language`.
    pub language: String,
    /// Something unique to this message and stable across its retries (say `ack.R-2Q7X`); the
    /// Message-ID is made from it, so a retry after a lost answer carries the same id and the
    /// reporter's mail program can recognise the duplicate. Random when `None`.
    pub message_id_hint: Option<String>,
}

/// What the relay accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMail {
    /// With angle brackets, as in the header: `<ack.R-2Q7X@example.com>`.
    pub message_id: String,
}

/// Why a [`Mailer`] could not be built from its settings.
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("outgoing mail is disabled (smtp.enabled = false)")]
    Disabled,
    #[error("smtp.host is empty")]
    MissingHost,
    #[error("smtp.from is not a mailbox such as `Example Shop <no-reply@example.com>`: {0}")]
    InvalidFrom(String),
    #[error("smtp.reply_to is not a mailbox: {0}")]
    InvalidReplyTo(String),
    #[error("smtp.hello_name is not a host name or address literal: {0:?}")]
    InvalidHelloName(String),
    #[error("smtp.user and smtp.password go together: set both or neither")]
    IncompleteCredentials,
    #[error("TLS settings for {host}: {reason}")]
    Tls { host: String, reason: String },
}

/// Why a message was not sent, sorted by what the queue should do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// The relay could not be reached, timed out or answered 4xx (or refused our credentials):
    /// try again later, after [`backoff`].
    #[error("temporary mail failure: {0}")]
    Temporary(String),
    /// The address is invalid or the relay refused the message with 5xx: trying again would
    /// get the same answer.
    #[error("permanent mail failure: {0}")]
    Permanent(String),
}

impl SendError {
    pub fn is_temporary(&self) -> bool {
        matches!(self, SendError::Temporary(_))
    }
}

/// Sends mail through one relay; cheap to clone (the connection pool is shared).
#[derive(Clone)]
pub struct Mailer {
    relay: Arc<Relay>,
    /// Longest a whole send may take.
    deadline: Duration,
    from: Mailbox,
    reply_to: Option<Mailbox>,
    /// The right-hand side of every Message-ID: the sender's domain, so ids do not depend on
    /// which node (or container host name) sent the message.
    id_domain: String,
    /// `host:port`, for logs.
    relay_addr: String,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("relay", &self.relay_addr)
            .field("from", &self.from.email.domain())
            .finish_non_exhaustive()
    }
}

/// Relay connections kept open between messages; acknowledgements come in bursts, not floods.
const POOL_SIZE: u32 = 4;

/// lettre's transport with its connection pool, replaced when a send is abandoned midway.
struct Relay {
    builder: AsyncSmtpTransportBuilder,
    pool: Mutex<Pool>,
}

struct Pool {
    generation: u64,
    /// `None` before the first send and after a send was abandoned; the next send builds one.
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
}

/// A send in progress on one generation of the pool.
///
/// A send that ends without an answer (its deadline passed, or the caller dropped it) leaves
/// its connection mid-conversation, and lettre returns it to the pool as healthy with an
/// answer still unread: the next message on it would read answers meant for other commands,
/// and a stale `250` could pass for acceptance. So that whole generation is given up; its
/// connections close when the last send still using it ends.
struct InFlight<'a> {
    relay: &'a Relay,
    generation: u64,
    finished: bool,
}

impl Relay {
    fn new(builder: AsyncSmtpTransportBuilder) -> Relay {
        Relay {
            // Built on first use: building starts a task, which needs the Tokio runtime, and
            // settings are checked before one is running.
            pool: Mutex::new(Pool {
                generation: 0,
                transport: None,
            }),
            builder,
        }
    }

    fn checkout(&self) -> (AsyncSmtpTransport<Tokio1Executor>, InFlight<'_>) {
        let mut pool = self.pool.lock().unwrap_or_else(PoisonError::into_inner);
        let transport = pool
            .transport
            .get_or_insert_with(|| self.builder.clone().build())
            .clone();
        let in_flight = InFlight {
            relay: self,
            generation: pool.generation,
            finished: false,
        };
        (transport, in_flight)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let mut pool = self
            .relay
            .pool
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Another abandoned send may have given this generation up already.
        if pool.generation == self.generation {
            pool.generation += 1;
            pool.transport = None;
        }
    }
}

impl Mailer {
    /// Checks the settings; connects only when sending.
    pub fn new(settings: &SmtpSettings) -> Result<Mailer, MailerError> {
        if !settings.enabled {
            return Err(MailerError::Disabled);
        }
        let host = settings.host.trim();
        if host.is_empty() {
            return Err(MailerError::MissingHost);
        }
        let from = Mailbox::from_str(settings.from.trim())
            .map_err(|e| MailerError::InvalidFrom(e.to_string()))?;
        let reply_to = settings
            .reply_to
            .as_deref()
            .map(|r| Mailbox::from_str(r.trim()))
            .transpose()
            .map_err(|e| MailerError::InvalidReplyTo(e.to_string()))?;
        let tls_parameters = || {
            TlsParameters::new(host.to_string()).map_err(|e| MailerError::Tls {
                host: host.to_string(),
                reason: e.to_string(),
            })
        };
        let tls = match settings.tls {
            SmtpTls::None => Tls::None,
            SmtpTls::Starttls => Tls::Required(tls_parameters()?),
            SmtpTls::Implicit => Tls::Wrapper(tls_parameters()?),
        };
        let deadline = Duration::from_secs(settings.timeout_secs.max(1));
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(settings.port)
            .tls(tls)
            // lettre's async transport applies this to the TCP connect only; `send` bounds the
            // whole conversation.
            .timeout(Some(deadline))
            .pool_config(PoolConfig::new().max_size(POOL_SIZE));
        match (&settings.user, &settings.password) {
            (Some(user), Some(password)) => {
                if settings.tls == SmtpTls::None && !is_loopback(host) {
                    tracing::warn!(
                        relay = %host,
                        "SMTP credentials will cross the network in plain text (smtp.tls = \"none\")"
                    );
                }
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => return Err(MailerError::IncompleteCredentials),
        }
        if let Some(name) = &settings.hello_name {
            builder = builder.hello_name(hello_name(name)?);
        }
        Ok(Mailer {
            relay: Arc::new(Relay::new(builder)),
            deadline,
            id_domain: from.email.domain().to_string(),
            from,
            reply_to,
            relay_addr: format!("{host}:{}", settings.port),
        })
    }

    /// Sends one message. Nothing reaches the relay unless the recipient is a plain, valid
    /// address.
    pub async fn send(&self, mail: &OutgoingMail) -> Result<SentMail, SendError> {
        let to = match recipient(&mail.to) {
            Ok(to) => to,
            Err(reason) => {
                count("invalid");
                tracing::warn!(reason, "mail not sent: invalid recipient address");
                return Err(SendError::Permanent(format!(
                    "invalid recipient address: {reason}"
                )));
            }
        };
        let message_id = self.message_id(mail.message_id_hint.as_deref());
        let message = match self.message(mail, &to, &message_id) {
            Ok(message) => message,
            Err(reason) => {
                count("invalid");
                tracing::warn!(recipient_domain = %to.domain(), reason, "mail not sent: message could not be built");
                return Err(SendError::Permanent(reason));
            }
        };
        let started = Instant::now();
        let (transport, mut in_flight) = self.relay.checkout();
        let answer = tokio::time::timeout(self.deadline, transport.send(message)).await;
        if answer.is_ok() {
            in_flight.finished = true;
        }
        drop(in_flight);
        let (error, code) = match answer {
            Ok(Ok(_)) => {
                count("sent");
                tracing::info!(
                    recipient_domain = %to.domain(),
                    %message_id,
                    language = %mail.language,
                    relay = %self.relay_addr,
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "mail sent"
                );
                return Ok(SentMail { message_id });
            }
            Ok(Err(e)) => (classify(&e, &to), e.status().map(|c| c.to_string())),
            Err(_) => (
                SendError::Temporary(format!(
                    "the relay did not finish within {} s",
                    self.deadline.as_secs()
                )),
                None,
            ),
        };
        let outcome = if error.is_temporary() {
            "temporary"
        } else {
            "permanent"
        };
        count(outcome);
        tracing::warn!(
            recipient_domain = %to.domain(),
            %message_id,
            relay = %self.relay_addr,
            outcome,
            code = code.as_deref().unwrap_or(""),
            error = %error,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "mail not sent"
        );
        Err(error)
    }

    fn message(
        &self,
        mail: &OutgoingMail,
        to: &Address,
        message_id: &str,
    ) -> Result<Message, String> {
        let language = language_tag(&mail.language)
            .ok_or_else(|| format!("not a language tag: {:?}", mail.language))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            // No display name: nothing the reporter typed goes into a header but the address.
            .to(Mailbox::new(None, to.clone()))
            // lettre encodes a line break rather than letting it end the header; a subject is
            // one line anyway, so make it a space.
            .subject(one_line(&mail.subject))
            .message_id(Some(message_id.to_string()))
            // RFC 3834: automatic mail, so vacation responders and list servers leave it alone.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-replied".into(),
            ))
            // Exchange and Outlook ignore Auto-Submitted for their out-of-office replies; this
            // keeps them from answering a no-reply address.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("X-Auto-Response-Suppress"),
                "All".into(),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                language.to_string(),
            ));
        if let Some(reply_to) = &self.reply_to {
            builder = builder.reply_to(reply_to.clone());
        }
        let built = match &mail.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                html.clone(),
            )),
            None => builder.singlepart(SinglePart::plain(mail.text.clone())),
        };
        built.map_err(|e| format!("message could not be built: {e}"))
    }

    fn message_id(&self, hint: Option<&str>) -> String {
        let left = match hint {
            Some(hint) if is_dot_atom(hint) && hint.len() <= 64 => hint.to_string(),
            // A hint that could not stand in a header as it is: hashed, so it stays stable
            // across retries and distinct from other hints.
            Some(hint) => hex::encode(Sha256::digest(hint.as_bytes()).get(..16).unwrap_or(&[])),
            None => uuid::Uuid::new_v4().simple().to_string(),
        };
        format!("<{left}@{}>", self.id_domain)
    }
}

/// The delay before the next attempt after `attempt` failed ones (1 after the first failure):
/// 30 s, 1 min, 2 min, 4 min … doubling up to one hour, each shortened by a random 0–25 %.
///
/// The jitter spreads out the retries of everything that failed together in one relay outage,
/// so they do not all come back in the same second; it only ever shortens the delay, so the
/// next delay is still longer than this one until the cap, and the cap is never exceeded.
pub fn backoff(attempt: u32) -> Duration {
    const FIRST: Duration = Duration::from_secs(30);
    const CAP: Duration = Duration::from_secs(60 * 60);
    // 2^7 × 30 s is already past the cap; the limit keeps the shift in range.
    let doublings = attempt.saturating_sub(1).min(7);
    let full = FIRST.saturating_mul(1 << doublings).min(CAP);
    full.mul_f64(rand::random_range(0.75..=1.0))
}

fn count(outcome: &'static str) {
    metrics::counter!("rampart_mail_sent_total", "outcome" => outcome).increment(1);
}

/// The recipient as a plain address, or why it cannot be one.
fn recipient(raw: &str) -> Result<Address, &'static str> {
    // Checked before parsing, whatever the parser would make of it: a line break (or any
    // control character) in an address a reporter typed is an attempt to add headers or
    // recipients.
    if raw.chars().any(char::is_control) {
        return Err("it contains a control character");
    }
    let raw = raw.trim();
    // RFC 5321's limit for a path; also bounds everything done with it below.
    if raw.len() > 254 {
        return Err("it is longer than 254 bytes");
    }
    let address = Address::from_str(raw).map_err(|_| "it is not an e-mail address")?;
    let domain = address.domain();
    // Address literals (`a@[10.0.0.1]`) and single-label domains (`root@localhost`) would let
    // a reporter point our relay at an internal host or one of its own mailboxes; no real
    // reporter needs them.
    if domain.starts_with('[') || domain.parse::<IpAddr>().is_ok() {
        return Err("its domain is an IP address");
    }
    if !domain.trim_end_matches('.').contains('.') {
        return Err("its domain has a single label");
    }
    Ok(address)
}

/// Sorts a relay failure into retry or give up, without the recipient's address in the text
/// (the text ends up in logs and in the job's last error).
fn classify(e: &lettre::transport::smtp::Error, to: &Address) -> SendError {
    let address: &str = to.as_ref();
    let text = e.to_string().replace(address, "<recipient>");
    match e.status() {
        // x3z: 530, 534, 535, 538 are about authentication and encryption. They concern the
        // relay's configuration, not this message, and once an operator fixes that the queued
        // mail should go out.
        Some(code)
            if code.severity == Severity::PermanentNegativeCompletion
                && code.category != Category::Unspecified3 =>
        {
            SendError::Permanent(text)
        }
        Some(_) => SendError::Temporary(text),
        // lettre's only per-message client error: the relay does not take internationalised
        // addresses (no SMTPUTF8), which will not change by trying again.
        None if e.is_client() && !address.is_ascii() => SendError::Permanent(text),
        // Connection refused, timeouts, TLS and protocol errors: the relay or the path to it,
        // not this message.
        None => SendError::Temporary(text),
    }
}

/// A BCP 47 language tag as far as a header needs: letters, digits and hyphens, a primary
/// subtag of letters. Anything else would be a bug upstream; it is never sent.
fn language_tag(tag: &str) -> Option<&str> {
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let primary_ok =
        (2..=8).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    (primary_ok && rest_ok && tag.len() <= 35).then_some(tag)
}

/// RFC 5322 dot-atom text restricted to characters that need no thought in a Message-ID.
fn is_dot_atom(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn one_line(s: &str) -> String {
    s.split(char::is_control)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hello_name(name: &str) -> Result<ClientId, MailerError> {
    let name = name.trim();
    if let Ok(ip) = name.parse::<IpAddr>() {
        return Ok(match ip {
            IpAddr::V4(v4) => ClientId::Ipv4(v4),
            IpAddr::V6(v6) => ClientId::Ipv6(v6),
        });
    }
    // It goes verbatim into the EHLO command line.
    if is_dot_atom(name) && name.len() <= 253 {
        Ok(ClientId::Domain(name.to_string()))
    } else {
        Err(MailerError::InvalidHelloName(name.to_string()))
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_thirty_seconds_and_stops_at_an_hour() {
        let secs = |attempt| backoff(attempt).as_secs_f64();
        // (failed attempts, the delay before jitter takes off up to a quarter)
        let table = [
            (0, 30.0),
            (1, 30.0),
            (2, 60.0),
            (3, 120.0),
            (4, 240.0),
            (5, 480.0),
            (6, 960.0),
            (7, 1920.0),
            (8, 3600.0),
            (9, 3600.0),
            (1000, 3600.0),
            (u32::MAX, 3600.0),
        ];
        for _ in 0..200 {
            for (attempt, full) in table {
                let got = secs(attempt);
                assert!(
                    (full * 0.75..=full).contains(&got),
                    "attempt {attempt}: {got} s"
                );
            }
            // Jitter never makes a delay shorter than the one before it, up to the cap.
            for attempt in 1..8 {
                assert!(secs(attempt + 1) > secs(attempt), "attempt {attempt}");
            }
        }
    }

    #[test]
    fn backoff_is_jittered() {
        let delays: std::collections::HashSet<_> = (0..50).map(|_| backoff(4)).collect();
        assert!(delays.len() > 1, "50 delays, all the same: no jitter");
    }

    fn check_recipient(raw: &str, expected: Result<&str, &str>) {
        let got = recipient(raw);
        assert_eq!(
            got.as_ref().map(|a| a.as_ref()).map_err(|e| *e),
            expected,
            "{raw:?}"
        );
    }

    #[test]
    fn recipients() {
        check_recipient("taro@example.jp", Ok("taro@example.jp"));
        check_recipient("  taro@example.jp ", Ok("taro@example.jp"));
        check_recipient(
            "taro+ack@mail.example.co.jp",
            Ok("taro+ack@mail.example.co.jp"),
        );
        check_recipient("tarō@例え.jp", Ok("tarō@例え.jp"));
        let control = Err("it contains a control character");
        check_recipient("victim@example.com\r\nBcc: x@example.org", control);
        check_recipient("victim@example.com\nBcc: x@example.org", control);
        check_recipient("victim@example.com\r", control);
        check_recipient("victim@exa\0mple.com", control);
        check_recipient("victim@example.com\tx", control);
        let invalid = Err("it is not an e-mail address");
        check_recipient("", invalid);
        check_recipient("no at sign", invalid);
        check_recipient("Taro <taro@example.jp>", invalid);
        check_recipient("a@example.com, b@example.com", invalid);
        check_recipient("a@b@example.com", invalid);
        check_recipient("taro@example.jp>", invalid);
        check_recipient("root@[127.0.0.1]", Err("its domain is an IP address"));
        check_recipient("root@10.0.0.1", Err("its domain is an IP address"));
        check_recipient("root@localhost", Err("its domain has a single label"));
        let long = format!("{}@example.com", "a".repeat(250));
        check_recipient(&long, Err("it is longer than 254 bytes"));
    }

    #[test]
    fn language_tags() {
        for ok in ["ja", "en", "pt-BR", "zh-Hant-TW", "es-419", "sr-Latn"] {
            assert_eq!(language_tag(ok), Some(ok));
        }
        for bad in [
            "",
            "j",
            "ja\r\nBcc: x",
            "ja;q=1",
            "-ja",
            "ja-",
            "1a",
            "en-toolongsubtag",
            "ja ja",
        ] {
            assert_eq!(language_tag(bad), None, "{bad:?}");
        }
    }

    fn mailer() -> Mailer {
        Mailer::new(&SmtpSettings {
            enabled: true,
            host: "127.0.0.1".into(),
            port: 2525,
            tls: SmtpTls::None,
            from: "Example Shop <no-reply@example.com>".into(),
            ..SmtpSettings::default()
        })
        .unwrap()
    }

    #[test]
    fn message_ids_come_from_the_hint_and_the_sender_domain() {
        let m = mailer();
        assert_eq!(m.message_id(Some("ack.R-2Q7X")), "<ack.R-2Q7X@example.com>");
        // Unsafe hints are hashed: stable, and nothing of them reaches the header.
        let odd = m.message_id(Some("R 1>\r\nBcc: x"));
        assert_eq!(odd, m.message_id(Some("R 1>\r\nBcc: x")));
        assert_ne!(odd, m.message_id(Some("R 2>\r\nBcc: x")));
        assert!(is_dot_atom(
            odd.trim_start_matches('<')
                .trim_end_matches("@example.com>")
        ));
        assert_ne!(m.message_id(None), m.message_id(None));
    }

    #[test]
    fn a_line_break_in_the_subject_cannot_add_a_header() {
        let m = mailer();
        let mail = OutgoingMail {
            to: "taro@example.jp".into(),
            subject: "Thanks\r\nBcc: attacker@example.org".into(),
            text: "body".into(),
            html: None,
            language: "en".into(),
            message_id_hint: None,
        };
        let to = recipient(&mail.to).unwrap();
        let raw = m
            .message(&mail, &to, "<x@example.com>")
            .unwrap()
            .formatted();
        let raw = String::from_utf8(raw).unwrap();
        assert!(!raw.contains("\r\nBcc:"), "{raw}");
        assert!(
            raw.contains("Subject: Thanks Bcc: attacker@example.org\r\n"),
            "{raw}"
        );
    }

    #[test]
    fn a_bad_language_tag_is_refused_before_sending() {
        let m = mailer();
        let mail = OutgoingMail {
            to: "taro@example.jp".into(),
            subject: "s".into(),
            text: "t".into(),
            html: None,
            language: "ja\r\nBcc: x@example.org".into(),
            message_id_hint: None,
        };
        let to = recipient(&mail.to).unwrap();
        assert!(m.message(&mail, &to, "<x@example.com>").is_err());
    }

    #[test]
    fn settings() {
        let disabled = SmtpSettings::default();
        assert!(matches!(Mailer::new(&disabled), Err(MailerError::Disabled)));
        let base = SmtpSettings {
            enabled: true,
            host: "smtp.example.com".into(),
            from: "Example Shop <no-reply@example.com>".into(),
            ..SmtpSettings::default()
        };
        let with = |f: fn(&mut SmtpSettings)| {
            let mut s = base.clone();
            f(&mut s);
            Mailer::new(&s)
        };
        assert!(matches!(
            with(|s| s.host.clear()),
            Err(MailerError::MissingHost)
        ));
        assert!(matches!(
            with(|s| s.from = "no-reply".into()),
            Err(MailerError::InvalidFrom(_))
        ));
        assert!(matches!(
            with(|s| s.reply_to = Some("x".into())),
            Err(MailerError::InvalidReplyTo(_))
        ));
        assert!(matches!(
            with(|s| s.user = Some("u".into())),
            Err(MailerError::IncompleteCredentials)
        ));
        assert!(matches!(
            with(|s| s.hello_name = Some("mx.example.com\r\nMAIL FROM:<x@example.org>".into())),
            Err(MailerError::InvalidHelloName(_))
        ));
        // Outside any Tokio runtime, as when the binary reads its settings.
        for tls in [SmtpTls::None, SmtpTls::Starttls, SmtpTls::Implicit] {
            let mailer = Mailer::new(&SmtpSettings {
                tls,
                user: Some("rampart".into()),
                password: Some("secret".into()),
                hello_name: Some("rampart.example.com".into()),
                ..base.clone()
            });
            assert!(mailer.is_ok(), "{tls:?}: {:?}", mailer.err());
        }
        let password = SmtpSettings {
            password: Some("hunter2".into()),
            ..base.clone()
        };
        assert!(!format!("{password:?}").contains("hunter2"));
    }

    #[test]
    fn settings_from_toml_words() {
        let s: SmtpSettings = serde_json::from_value(serde_json::json!({
            "enabled": true, "host": "smtp.example.com", "tls": "implicit", "port": 465
        }))
        .unwrap();
        assert_eq!(s.tls, SmtpTls::Implicit);
        assert_eq!(SmtpSettings::default().tls, SmtpTls::Starttls);
        assert_eq!(SmtpSettings::default().port, 587);
        assert!(serde_json::from_value::<SmtpSettings>(serde_json::json!({"tls": "ssl"})).is_err());
        assert!(serde_json::from_value::<SmtpSettings>(serde_json::json!({"hots": "x"})).is_err());
    }
}
