//! The report mailbox poller: reads the messages the public forwards to an IMAP folder, hands
//! each one's exact bytes to a [`MessageSink`], and only then moves it out of the folder.
//!
//! It knows nothing about reports. Crash safety comes from the order of the steps:
//!
//! 1. `UID FETCH … BODY.PEEK[]` — reading never sets `\Seen`, and never changes the mailbox;
//! 2. [`MessageSink::accept`] — the sink commits the report, idempotently by the SHA-256 of the
//!    bytes ([`MessageKey::sha256`]);
//! 3. `UID MOVE` to the processed folder (RFC 6851), or where the server lacks MOVE,
//!    `UID COPY` + `UID STORE +FLAGS (\Deleted)` + `UID EXPUNGE` (RFC 4315, UIDPLUS).
//!
//! A crash between 2 and 3 leaves the message where it was: it is fetched again on the next
//! poll and the sink recognises it by its SHA-256, so a message is never lost and never
//! reported twice. Nothing is ever expunged that was not copied first, and plain `EXPUNGE`
//! (which would also remove messages someone else marked `\Deleted`) is never sent.
//!
//! Everything is bounded: messages per poll (`batch`), the size of a message (`RFC822.SIZE` is
//! checked first, and the fetch itself asks for at most one byte more than the limit), and every
//! network step has a timeout.
//!
//! Folder names in the settings use `/` between levels; it is replaced by the server's own
//! hierarchy separator (Dovecot's Maildir uses `.`). Names are ASCII (IMAP's modified UTF-7 for
//! other names is not implemented).
//!
//! Note: async-imap logs every protocol line at TRACE through the `log` crate, the `LOGIN`
//! command (with the password) and message contents included; never enable TRACE for the
//! `async_imap` target in production.

use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_imap::types::Capabilities;
use futures::TryStreamExt;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// How `rampart serve` reaches the report mailbox (`[imap]` in the settings file).
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImapSettings {
    /// Poll the mailbox in this process.
    pub enabled: bool,
    pub host: String,
    /// `None`: 993 with implicit TLS, 143 otherwise.
    pub port: Option<u16>,
    pub tls: Tls,
    /// A PEM file of extra CA certificates to trust besides the public roots (a private CA, or
    /// the tests' own).
    pub ca_file: Option<PathBuf>,
    pub user: String,
    /// Never logged; `Debug` shows it redacted.
    pub password: String,
    /// Where the public's messages arrive.
    pub folder: String,
    /// Where a message goes once its report is stored; created if missing.
    pub processed_folder: String,
    /// Where a message goes that the sink can never store, or that is over
    /// `max_message_bytes`; created if missing. Nothing is ever deleted.
    pub failed_folder: String,
    /// Seconds between polls of an idle mailbox.
    pub poll_secs: u64,
    /// Most messages taken per poll; the next poll follows at once when more are waiting.
    pub batch: u32,
    /// Larger messages are not fetched but moved to `failed_folder`.
    pub max_message_bytes: u64,
    /// Limit on each network step: connecting, TLS, login, each command, and the sink.
    pub timeout_secs: u64,
}

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tls {
    /// Plain text: only for a server on the same machine or a test.
    None,
    /// Plain connection upgraded with `STARTTLS`; refusing it is an error, never a fallback.
    Starttls,
    /// TLS from the first byte (port 993).
    Implicit,
}

impl Default for ImapSettings {
    fn default() -> Self {
        ImapSettings {
            enabled: false,
            host: String::new(),
            port: None,
            tls: Tls::Implicit,
            ca_file: None,
            user: String::new(),
            password: String::new(),
            folder: "INBOX".into(),
            processed_folder: "Rampart/Processed".into(),
            failed_folder: "Rampart/Failed".into(),
            poll_secs: 60,
            batch: 50,
            // The same bound as `rampart_mail::Limits::default()`: what mailgate also takes.
            max_message_bytes: 40 * 1024 * 1024,
            timeout_secs: 60,
        }
    }
}

impl fmt::Debug for ImapSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let password = if self.password.is_empty() {
            "<empty>"
        } else {
            "<redacted>"
        };
        f.debug_struct("ImapSettings")
            .field("enabled", &self.enabled)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("ca_file", &self.ca_file)
            .field("user", &self.user)
            .field("password", &password)
            .field("folder", &self.folder)
            .field("processed_folder", &self.processed_folder)
            .field("failed_folder", &self.failed_folder)
            .field("poll_secs", &self.poll_secs)
            .field("batch", &self.batch)
            .field("max_message_bytes", &self.max_message_bytes)
            .field("timeout_secs", &self.timeout_secs)
            .finish()
    }
}

impl ImapSettings {
    /// The port connected to: the configured one, or the standard one for the TLS mode.
    pub fn effective_port(&self) -> u16 {
        self.port.unwrap_or(match self.tls {
            Tls::Implicit => 993,
            Tls::None | Tls::Starttls => 143,
        })
    }

    /// Says what is wrong with the settings, before any connection is made.
    pub fn check(&self) -> Result<(), String> {
        if self.host.trim().is_empty() {
            return Err("imap.host is empty".into());
        }
        if self.user.is_empty() {
            return Err("imap.user is empty".into());
        }
        if self.password.contains(['\r', '\n']) || self.user.contains(['\r', '\n']) {
            return Err("imap.user and imap.password cannot contain line breaks".into());
        }
        for (name, value) in [
            ("imap.folder", &self.folder),
            ("imap.processed_folder", &self.processed_folder),
            ("imap.failed_folder", &self.failed_folder),
        ] {
            if value.is_empty() {
                return Err(format!("{name} is empty"));
            }
            if !value.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                return Err(format!(
                    "{name} {value:?}: only printable ASCII folder names are supported"
                ));
            }
        }
        if self.processed_folder == self.folder || self.failed_folder == self.folder {
            return Err(
                "imap.processed_folder and imap.failed_folder must differ from imap.folder".into(),
            );
        }
        if self.batch == 0 {
            return Err("imap.batch must be at least 1".into());
        }
        if self.max_message_bytes == 0 {
            return Err("imap.max_message_bytes must be at least 1".into());
        }
        if self.timeout_secs == 0 {
            return Err("imap.timeout_secs must be at least 1".into());
        }
        Ok(())
    }

    fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs.max(1))
    }

    /// IMAP's partial fetch counts in 32 bits, and so does `RFC822.SIZE`.
    fn max_bytes(&self) -> u32 {
        u32::try_from(self.max_message_bytes)
            .unwrap_or(u32::MAX - 1)
            .min(u32::MAX - 1)
    }
}

/// Identifies a fetched message. The sink stores reports idempotently by `sha256`: a message
/// fetched again after a crash (same bytes) must not become a second report. `uid_validity`
/// and `uid` say where it was in the mailbox, for logs and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageKey {
    pub uid_validity: u32,
    pub uid: u32,
    /// Lower-case hex SHA-256 of the raw bytes handed to the sink.
    pub sha256: String,
}

/// Why a sink did not store a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SinkError {
    /// Storage is unavailable (the database is down): the message stays in the folder and is
    /// offered again on the next poll; the rest of the batch waits too.
    #[error("temporarily unable to store the message: {0}")]
    Temporary(String),
    /// The message can never be stored: it is moved to the failed folder.
    #[error("the message was rejected: {0}")]
    Rejected(String),
}

/// Where fetched messages go. `accept` returns `Ok` only once the message is durably stored
/// (committed); only then is it moved out of the folder.
pub trait MessageSink: Send + Sync {
    fn accept(
        &self,
        raw: Vec<u8>,
        key: MessageKey,
    ) -> impl Future<Output = Result<(), SinkError>> + Send;
}

impl<S: MessageSink> MessageSink for Arc<S> {
    fn accept(
        &self,
        raw: Vec<u8>,
        key: MessageKey,
    ) -> impl Future<Output = Result<(), SinkError>> + Send {
        (**self).accept(raw, key)
    }
}

impl<S: MessageSink> MessageSink for &S {
    fn accept(
        &self,
        raw: Vec<u8>,
        key: MessageKey,
    ) -> impl Future<Output = Result<(), SinkError>> + Send {
        (**self).accept(raw, key)
    }
}

/// What one poll did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PollOutcome {
    /// Stored by the sink and moved to the processed folder.
    pub accepted: u32,
    /// Rejected by the sink and moved to the failed folder.
    pub rejected: u32,
    /// Over `max_message_bytes`: moved to the failed folder without being fetched.
    pub oversized: u32,
    /// Left in the folder because the sink failed temporarily (at most one: the poll stops
    /// there).
    pub deferred: u32,
    /// More messages were waiting than one batch takes: poll again at once.
    pub more: bool,
}

/// Why a poll failed. Messages are never at risk on any of these: at worst one is fetched
/// again next time.
#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error("IMAP settings: {0}")]
    Settings(String),
    #[error("cannot use the CA file {path}: {reason}")]
    CaFile { path: PathBuf, reason: String },
    #[error("cannot connect to {host}:{port}: {source}")]
    Connect {
        host: String,
        port: u16,
        source: std::io::Error,
    },
    #[error("TLS with {host} failed: {source}")]
    Tls {
        host: String,
        source: std::io::Error,
    },
    #[error("the IMAP server refused the login of {user:?}: {reason}")]
    Login { user: String, reason: String },
    #[error("the IMAP server {0}")]
    Server(String),
    #[error(
        "the IMAP server supports neither MOVE nor UIDPLUS, so processed messages cannot be \
         removed without risking messages that others marked for deletion"
    )]
    NoSafeMove,
    #[error("IMAP {step} failed: {source}")]
    Command {
        step: &'static str,
        source: async_imap::error::Error,
    },
    #[error("IMAP {step} did not finish within {secs} s")]
    Timeout { step: &'static str, secs: u64 },
}

/// Connects, takes at most one batch of messages through the sink, and logs out.
pub async fn poll_once(
    settings: &ImapSettings,
    sink: &impl MessageSink,
) -> Result<PollOutcome, ImapError> {
    poll(settings, sink, &CancellationToken::new()).await
}

/// Polls until `shutdown`: every `poll_secs` while the mailbox is idle, at once while a batch
/// left messages waiting, and after an error again with a growing pause (1 s doubling to
/// 5 minutes). On shutdown the message in hand is finished (stored and moved) first. Returns at
/// once when `settings.enabled` is false.
pub async fn run(settings: ImapSettings, sink: impl MessageSink, shutdown: CancellationToken) {
    if !settings.enabled {
        tracing::info!("the report mailbox is not enabled");
        return;
    }
    tracing::info!(
        host = %settings.host,
        port = settings.effective_port(),
        tls = ?settings.tls,
        user = %settings.user,
        folder = %settings.folder,
        "polling the report mailbox"
    );
    let mut failures: u32 = 0;
    loop {
        if shutdown.is_cancelled() {
            return;
        }
        let pause = match poll(&settings, &sink, &shutdown).await {
            Ok(outcome) => {
                if failures > 0 {
                    tracing::info!("the report mailbox is reachable again");
                }
                failures = 0;
                if outcome.more && outcome.deferred == 0 {
                    continue;
                }
                Duration::from_secs(settings.poll_secs.max(1))
            }
            Err(e) => {
                failures = failures.saturating_add(1);
                let pause = backoff(failures);
                tracing::warn!(
                    error = %e,
                    failures,
                    retry_in_secs = pause.as_secs(),
                    "could not poll the report mailbox"
                );
                pause
            }
        };
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            () = shutdown.cancelled() => return,
        }
    }
}

/// 1 s, 2 s, 4 s … up to 5 minutes: a mail server that is down for maintenance is not
/// hammered, and one that blinked is back in use at once.
fn backoff(failures: u32) -> Duration {
    let secs = 1u64 << failures.saturating_sub(1).min(9);
    Duration::from_secs(secs.min(300))
}

async fn poll(
    settings: &ImapSettings,
    sink: &impl MessageSink,
    shutdown: &CancellationToken,
) -> Result<PollOutcome, ImapError> {
    let span = tracing::info_span!("imap_poll", host = %settings.host, folder = %settings.folder);
    poll_in_span(settings, sink, shutdown)
        .instrument(span)
        .await
}

async fn poll_in_span(
    settings: &ImapSettings,
    sink: &impl MessageSink,
    shutdown: &CancellationToken,
) -> Result<PollOutcome, ImapError> {
    settings.check().map_err(ImapError::Settings)?;
    let started = Instant::now();
    let mut session = connect(settings).await?;
    let result = take_batch(&mut session, settings, sink, shutdown).await;
    match &result {
        Ok(outcome) => {
            metrics::counter!("rampart_imap_polls_total", "result" => "ok").increment(1);
            let busy = outcome.accepted + outcome.rejected + outcome.oversized + outcome.deferred;
            if busy > 0 {
                tracing::info!(
                    accepted = outcome.accepted,
                    rejected = outcome.rejected,
                    oversized = outcome.oversized,
                    deferred = outcome.deferred,
                    more = outcome.more,
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "polled the report mailbox"
                );
            } else {
                tracing::debug!("the report mailbox is empty");
            }
            // A polite goodbye; the work is already done, so its failure does not matter.
            let _ = tokio::time::timeout(settings.timeout(), session.logout()).await;
        }
        Err(_) => {
            // The connection may be in the middle of a response: drop it rather than talk on.
            metrics::counter!("rampart_imap_polls_total", "result" => "error").increment(1);
        }
    }
    result
}

/// How a message leaves the folder, by what the server offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mover {
    /// RFC 6851: atomic.
    Move,
    /// RFC 4315: copy first, then mark and expunge exactly that UID.
    CopyExpunge,
}

impl Mover {
    fn choose(capabilities: &Capabilities) -> Result<Mover, ImapError> {
        if capabilities.has_str("MOVE") {
            Ok(Mover::Move)
        } else if capabilities.has_str("UIDPLUS") {
            Ok(Mover::CopyExpunge)
        } else {
            Err(ImapError::NoSafeMove)
        }
    }
}

async fn take_batch(
    session: &mut Session,
    settings: &ImapSettings,
    sink: &impl MessageSink,
    shutdown: &CancellationToken,
) -> Result<PollOutcome, ImapError> {
    let limit = settings.timeout();
    let capabilities = step(limit, "CAPABILITY", session.capabilities()).await?;
    let mover = Mover::choose(&capabilities)?;
    let separator = hierarchy_separator(session, limit).await?;
    let folder = server_name(&settings.folder, separator.as_deref());
    let processed = server_name(&settings.processed_folder, separator.as_deref());
    let failed = server_name(&settings.failed_folder, separator.as_deref());
    ensure_folder(session, limit, &processed).await?;
    ensure_folder(session, limit, &failed).await?;

    let mailbox = step(limit, "SELECT", session.select(&folder)).await?;
    let uid_validity = mailbox.uid_validity.unwrap_or_else(|| {
        tracing::warn!(folder = %folder, "the server sent no UIDVALIDITY");
        0
    });
    let mut outcome = PollOutcome::default();
    if mailbox.exists == 0 {
        return Ok(outcome);
    }
    // The oldest messages by sequence number: no SEARCH over a mailbox that may hold many
    // thousands, and sizes for the batch only.
    let n = settings.batch.min(mailbox.exists);
    outcome.more = mailbox.exists > n;
    let mut waiting: Vec<(u32, Option<u32>)> = step(limit, "FETCH sizes", async {
        session
            .fetch(format!("1:{n}"), "(UID RFC822.SIZE)")
            .await?
            .try_filter_map(|f| async move { Ok(f.uid.map(|uid| (uid, f.size))) })
            .try_collect()
            .await
    })
    .await?;
    waiting.sort_unstable();
    waiting.dedup_by_key(|(uid, _)| *uid);

    let max = settings.max_bytes();
    for (uid, size) in waiting {
        if shutdown.is_cancelled() {
            // Finish the message in hand, not the batch: the rest is there next time.
            outcome.more = true;
            break;
        }
        if let Some(size) = size.filter(|&s| s > max) {
            oversized(session, mover, limit, uid, size, max, &failed).await?;
            outcome.oversized += 1;
            continue;
        }
        let Some(raw) = fetch_message(session, limit, uid, max).await? else {
            // Gone since the sizes were read (another client moved it): nothing to do.
            tracing::debug!(uid, "message disappeared before it was fetched");
            continue;
        };
        if raw.len() as u64 > u64::from(max) {
            // RFC822.SIZE said otherwise; the fetch stopped one byte past the limit.
            oversized(session, mover, limit, uid, raw.len() as u32, max, &failed).await?;
            outcome.oversized += 1;
            continue;
        }
        metrics::counter!("rampart_imap_fetched_bytes_total").increment(raw.len() as u64);
        let key = MessageKey {
            uid_validity,
            uid,
            sha256: hex::encode(Sha256::digest(&raw)),
        };
        let sha256 = key.sha256.clone();
        let verdict = match tokio::time::timeout(limit, sink.accept(raw, key)).await {
            Ok(verdict) => verdict,
            // Whether it committed or not, the message stays and comes back: both are safe.
            Err(_) => Err(SinkError::Temporary(format!(
                "the sink did not answer within {} s",
                limit.as_secs()
            ))),
        };
        match verdict {
            Ok(()) => {
                move_message(session, mover, limit, uid, &processed).await?;
                metrics::counter!("rampart_imap_messages_total", "outcome" => "accepted")
                    .increment(1);
                tracing::debug!(uid, uid_validity, sha256 = %sha256, "message stored and moved");
                outcome.accepted += 1;
            }
            Err(SinkError::Rejected(why)) => {
                move_message(session, mover, limit, uid, &failed).await?;
                metrics::counter!("rampart_imap_messages_total", "outcome" => "rejected")
                    .increment(1);
                tracing::warn!(
                    uid,
                    uid_validity,
                    sha256 = %sha256,
                    reason = %why,
                    folder = %failed,
                    "message rejected; moved to the failed folder"
                );
                outcome.rejected += 1;
            }
            Err(SinkError::Temporary(why)) => {
                // Storage is down: every other message would fail the same way.
                metrics::counter!("rampart_imap_messages_total", "outcome" => "deferred")
                    .increment(1);
                tracing::warn!(
                    uid,
                    uid_validity,
                    reason = %why,
                    "message could not be stored now; it stays for the next poll"
                );
                outcome.deferred += 1;
                break;
            }
        }
    }
    Ok(outcome)
}

async fn oversized(
    session: &mut Session,
    mover: Mover,
    limit: Duration,
    uid: u32,
    size: u32,
    max: u32,
    failed: &str,
) -> Result<(), ImapError> {
    move_message(session, mover, limit, uid, failed).await?;
    metrics::counter!("rampart_imap_messages_total", "outcome" => "oversized").increment(1);
    tracing::warn!(
        uid,
        size,
        max_message_bytes = max,
        folder = %failed,
        "message over the size limit; moved to the failed folder unread"
    );
    Ok(())
}

/// The message's bytes, at most `max + 1` of them (so that an understated size is noticed
/// without reading the rest); `None` when the UID is gone.
async fn fetch_message(
    session: &mut Session,
    limit: Duration,
    uid: u32,
    max: u32,
) -> Result<Option<Vec<u8>>, ImapError> {
    // PEEK: \Seen is not set, so a message that fails here looks untouched to a person too.
    let query = format!("BODY.PEEK[]<0.{}>", max + 1);
    step(limit, "FETCH message", async {
        let mut fetches = session.uid_fetch(uid.to_string(), &query).await?;
        let mut body = None;
        // Drain every response, so the connection is ready for the next command.
        while let Some(fetch) = fetches.try_next().await? {
            if fetch.uid == Some(uid)
                && let Some(bytes) = fetch.body()
            {
                body = Some(bytes.to_vec());
            }
        }
        Ok(body)
    })
    .await
}

async fn move_message(
    session: &mut Session,
    mover: Mover,
    limit: Duration,
    uid: u32,
    to: &str,
) -> Result<(), ImapError> {
    let uid = uid.to_string();
    match mover {
        Mover::Move => step(limit, "UID MOVE", session.uid_mv(&uid, to)).await,
        Mover::CopyExpunge => {
            step(limit, "UID COPY", session.uid_copy(&uid, to)).await?;
            step(limit, "UID STORE", async {
                session
                    .uid_store(&uid, "+FLAGS.SILENT (\\Deleted)")
                    .await?
                    .try_for_each(|_| async { Ok(()) })
                    .await
            })
            .await?;
            // UID EXPUNGE removes only this message, not others marked \Deleted by someone else.
            step(limit, "UID EXPUNGE", async {
                session
                    .uid_expunge(&uid)
                    .await?
                    .try_for_each(|_| async { Ok(()) })
                    .await
            })
            .await
        }
    }
}

/// The server's hierarchy separator (`LIST "" ""`), `None` for a flat namespace.
async fn hierarchy_separator(
    session: &mut Session,
    limit: Duration,
) -> Result<Option<String>, ImapError> {
    step(limit, "LIST", async {
        let names: Vec<_> = session
            .list(Some(""), Some("\"\""))
            .await?
            .try_collect()
            .await?;
        Ok(names.iter().find_map(|n| n.delimiter().map(str::to_string)))
    })
    .await
}

/// A folder name from the settings (levels separated by `/`) in the server's spelling.
fn server_name(name: &str, separator: Option<&str>) -> String {
    match separator {
        Some(sep) if sep != "/" => name.replace('/', sep),
        _ => name.to_string(),
    }
}

/// Creates `name` if it does not exist yet, and subscribes to it so that people looking at the
/// mailbox with an ordinary client see it.
async fn ensure_folder(
    session: &mut Session,
    limit: Duration,
    name: &str,
) -> Result<(), ImapError> {
    if folder_exists(session, limit, name).await? {
        return Ok(());
    }
    if let Err(e) = step(limit, "CREATE", session.create(name)).await {
        // Another poller may have created it at the same moment.
        if !folder_exists(session, limit, name).await? {
            return Err(e);
        }
    }
    tracing::info!(folder = %name, "created a folder in the report mailbox");
    if let Err(e) = step(limit, "SUBSCRIBE", session.subscribe(name)).await {
        tracing::debug!(folder = %name, error = %e, "could not subscribe to the folder");
    }
    Ok(())
}

async fn folder_exists(
    session: &mut Session,
    limit: Duration,
    name: &str,
) -> Result<bool, ImapError> {
    let pattern = quoted(name);
    step(limit, "LIST", async {
        let names: Vec<_> = session
            .list(Some(""), Some(&pattern))
            .await?
            .try_collect()
            .await?;
        Ok(names.iter().any(|n| {
            n.name() == name
                && !n
                    .attributes()
                    .iter()
                    .any(|a| matches!(a, async_imap::types::NameAttribute::NoSelect))
        }))
    })
    .await
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A byte stream of either kind, so one session type serves plain and TLS connections.
trait Io: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug> Io for T {}

type Session = async_imap::Session<Box<dyn Io>>;

/// TCP, TLS as configured, the server's greeting, and the login.
async fn connect(settings: &ImapSettings) -> Result<Session, ImapError> {
    let limit = settings.timeout();
    let secs = limit.as_secs();
    let host = settings.host.trim();
    let port = settings.effective_port();
    let tcp = match tokio::time::timeout(limit, TcpStream::connect((host, port))).await {
        Ok(Ok(tcp)) => tcp,
        Ok(Err(source)) => {
            return Err(ImapError::Connect {
                host: host.to_string(),
                port,
                source,
            });
        }
        Err(_) => {
            return Err(ImapError::Timeout {
                step: "connect",
                secs,
            });
        }
    };
    let _ = tcp.set_nodelay(true);
    let stream: Box<dyn Io> = match settings.tls {
        Tls::None => Box::new(tcp),
        Tls::Implicit => Box::new(tls_handshake(settings, tcp).await?),
        Tls::Starttls => {
            let mut client = async_imap::Client::new(tcp);
            greeting(&mut client, limit).await?;
            step(
                limit,
                "STARTTLS",
                client.run_command_and_check_ok("STARTTLS", None),
            )
            .await?;
            // Anything the server sent after its OK and before the handshake would be
            // unprotected (an injection); into_inner drops it with the client's buffer.
            let tcp = client.into_inner();
            Box::new(tls_handshake(settings, tcp).await?)
        }
    };
    let mut client = async_imap::Client::new(stream);
    if settings.tls != Tls::Starttls {
        greeting(&mut client, limit).await?;
    }
    match tokio::time::timeout(limit, client.login(&settings.user, &settings.password)).await {
        Ok(Ok(session)) => Ok(session),
        Ok(Err((e, _))) => Err(ImapError::Login {
            user: settings.user.clone(),
            reason: e.to_string(),
        }),
        Err(_) => Err(ImapError::Timeout {
            step: "LOGIN",
            secs,
        }),
    }
}

async fn greeting<T>(client: &mut async_imap::Client<T>, limit: Duration) -> Result<(), ImapError>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug,
{
    let response = match tokio::time::timeout(limit, client.read_response()).await {
        Ok(Ok(Some(response))) => response,
        Ok(Ok(None)) => {
            return Err(ImapError::Server(
                "closed the connection before greeting".into(),
            ));
        }
        Ok(Err(e)) => {
            return Err(ImapError::Command {
                step: "greeting",
                source: e.into(),
            });
        }
        Err(_) => {
            return Err(ImapError::Timeout {
                step: "greeting",
                secs: limit.as_secs(),
            });
        }
    };
    match response.parsed() {
        async_imap::imap_proto::Response::Data {
            status: async_imap::imap_proto::Status::Ok,
            ..
        } => Ok(()),
        other => Err(ImapError::Server(format!(
            "greeted with {:?} rather than OK",
            other
        ))),
    }
}

async fn tls_handshake(
    settings: &ImapSettings,
    tcp: TcpStream,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, ImapError> {
    let host = settings.host.trim();
    let config = tls_config(settings)?;
    let name = ServerName::try_from(host.to_string()).map_err(|e| ImapError::Tls {
        host: host.to_string(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, e),
    })?;
    match tokio::time::timeout(
        settings.timeout(),
        TlsConnector::from(config).connect(name, tcp),
    )
    .await
    {
        Ok(Ok(tls)) => Ok(tls),
        Ok(Err(source)) => Err(ImapError::Tls {
            host: host.to_string(),
            source,
        }),
        Err(_) => Err(ImapError::Timeout {
            step: "TLS handshake",
            secs: settings.timeout().as_secs(),
        }),
    }
}

/// The public roots, and the certificates in `ca_file` if set. Read on each connection, so a
/// replaced CA file is used without a restart.
fn tls_config(settings: &ImapSettings) -> Result<Arc<ClientConfig>, ImapError> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = &settings.ca_file {
        let ca_error = |reason: String| ImapError::CaFile {
            path: path.clone(),
            reason,
        };
        let pem = std::fs::read(path).map_err(|e| ca_error(e.to_string()))?;
        let mut added = 0;
        for cert in CertificateDer::pem_slice_iter(&pem) {
            let cert = cert.map_err(|e| ca_error(e.to_string()))?;
            roots.add(cert).map_err(|e| ca_error(e.to_string()))?;
            added += 1;
        }
        if added == 0 {
            return Err(ca_error("no PEM certificate in it".into()));
        }
    }
    // The provider is named rather than taken from the process default, which is ambiguous
    // (and panics) when another dependency brings a second one.
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ImapError::Tls {
            host: settings.host.clone(),
            source: std::io::Error::other(e),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// One IMAP exchange, bounded in time, its error named by the step.
async fn step<T>(
    limit: Duration,
    step: &'static str,
    exchange: impl Future<Output = async_imap::error::Result<T>>,
) -> Result<T, ImapError> {
    match tokio::time::timeout(limit, exchange).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(source)) => Err(ImapError::Command { step, source }),
        Err(_) => Err(ImapError::Timeout {
            step,
            secs: limit.as_secs(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_password() {
        let settings = ImapSettings {
            password: "hunter2-secret".into(),
            ..ImapSettings::default()
        };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("hunter2-secret"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }

    #[test]
    fn folder_names_take_the_server_separator() {
        let check = |name: &str, sep: Option<&str>, expected: &str| {
            assert_eq!(server_name(name, sep), expected, "{name} with {sep:?}");
        };
        check("Rampart/Processed", Some("."), "Rampart.Processed");
        check("Rampart/Processed", Some("/"), "Rampart/Processed");
        check("Rampart/Processed", None, "Rampart/Processed");
        check("INBOX", Some("."), "INBOX");
    }

    #[test]
    fn the_port_follows_the_tls_mode_unless_set() {
        let check = |tls: Tls, port: Option<u16>, expected: u16| {
            let s = ImapSettings {
                tls,
                port,
                ..ImapSettings::default()
            };
            assert_eq!(s.effective_port(), expected, "{tls:?} {port:?}");
        };
        check(Tls::Implicit, None, 993);
        check(Tls::Starttls, None, 143);
        check(Tls::None, None, 143);
        check(Tls::Implicit, Some(10993), 10993);
    }

    #[test]
    fn backoff_doubles_up_to_five_minutes() {
        let secs: Vec<u64> = [1, 2, 3, 4, 9, 10, 50]
            .into_iter()
            .map(|n| backoff(n).as_secs())
            .collect();
        assert_eq!(secs, [1, 2, 4, 8, 256, 300, 300]);
    }

    #[test]
    fn settings_are_checked_before_connecting() {
        let good = ImapSettings {
            host: "imap.example.org".into(),
            user: "reports".into(),
            password: "x".into(),
            ..ImapSettings::default()
        };
        assert_eq!(good.check(), Ok(()));
        let bad = |f: &dyn Fn(&mut ImapSettings)| {
            let mut s = good.clone();
            f(&mut s);
            s.check().err()
        };
        assert!(bad(&|s| s.host.clear()).is_some());
        assert!(bad(&|s| s.processed_folder = "INBOX".into()).is_some());
        assert!(bad(&|s| s.failed_folder = "Boîte".into()).is_some());
        assert!(bad(&|s| s.password = "a\r\nb".into()).is_some());
        assert!(bad(&|s| s.batch = 0).is_some());
    }

    #[test]
    fn settings_read_from_toml_shape() {
        let json = serde_json::json!({
            "enabled": true, "host": "127.0.0.1", "tls": "starttls", "user": "u",
            "password": "p", "ca_file": "/tmp/ca.pem"
        });
        let s: ImapSettings = serde_json::from_value(json).unwrap();
        assert_eq!(s.tls, Tls::Starttls);
        assert_eq!(s.effective_port(), 143);
        assert_eq!(s.folder, "INBOX");
        let unknown = serde_json::json!({ "hots": "x" });
        assert!(serde_json::from_value::<ImapSettings>(unknown).is_err());
    }
}
