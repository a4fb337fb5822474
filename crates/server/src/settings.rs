//! What an operator configures: read by the binary from a TOML file and `RAMPART_…`
//! environment variables, then handed to the server as one value.

use std::net::SocketAddr;

use serde::{Deserialize, Serialize};

use rampart_indicators::brand::Brand;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// `sqlite://rampart.db` (created on first start) or `postgres://…`.
    pub database_url: String,
    pub listen: SocketAddr,
    /// Largest API request body accepted (a report with a screenshot in base64 needs about
    /// 14 MB); larger ones get 413.
    pub max_body_bytes: usize,
    /// Job workers in this process (extraction and other work after a commit).
    pub workers: usize,
    /// Most database connections this process opens.
    pub max_connections: u32,
    /// How long shutdown waits for in-flight requests and jobs, in seconds.
    pub shutdown_grace_secs: u64,
    pub correlation: CorrelationSettings,
    pub warning_list: WarningListSettings,
    /// Addresses of reverse proxies and load balancers in front of this service: from them,
    /// the client address is taken from `X-Forwarded-For`.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long an `Idempotency-Key` is remembered, in hours.
    pub idempotency_hours: u64,
    /// Protected brands: `[[brand]]` tables with `name`, `domains` and `phones`.
    #[serde(rename = "brand")]
    pub brands: Vec<Brand>,
    pub portal: PortalSettings,
    pub limits: crate::limits::LimitSettings,
    /// The relay acknowledgements and notices go out through.
    pub smtp: crate::mailer::SmtpSettings,
    /// A report mailbox `rampart serve` polls.
    pub imap: crate::imap::ImapSettings,
    /// Staff logins and sessions.
    pub console: ConsoleSettings,
    /// Signing, notices and evidence packages.
    pub casework: CaseworkSettings,
    /// The marketplace's events and what is decided on them.
    pub abuse: AbuseSettings,
}

/// The marketplace's events and what is decided on them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AbuseSettings {
    /// Most events in one `POST /api/v1/events` batch (or one stream message).
    pub max_batch_events: usize,
    /// Largest batch body, in bytes (within `max_body_bytes`).
    pub max_batch_bytes: usize,
    /// How often the detectors run over the events (when new ones arrived), in seconds.
    pub detect_every_secs: u64,
    /// A decision about an account named by an open finding at least this sure (0 to 1) goes
    /// to review.
    pub review_finding_score: f64,
    /// The detectors' windows and thresholds (`[abuse.detect]`).
    pub detect: rampart_abuse::detect::DetectConfig,
}

impl Default for AbuseSettings {
    fn default() -> Self {
        AbuseSettings {
            max_batch_events: 10_000,
            max_batch_bytes: 16 * 1024 * 1024,
            detect_every_secs: 30,
            review_finding_score: 0.7,
            detect: rampart_abuse::detect::DetectConfig::default(),
        }
    }
}

/// Staff logins and sessions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConsoleSettings {
    /// A session ends this long after login, whatever happens.
    pub session_hours: u64,
    /// A session ends after this long without a request.
    pub idle_minutes: u64,
    /// Wrong passwords (or codes) in a row before the account is locked.
    pub max_failed_logins: u32,
    /// How long a locked account stays locked.
    pub lockout_minutes: u64,
}

impl Default for ConsoleSettings {
    fn default() -> Self {
        ConsoleSettings {
            session_hours: 12,
            idle_minutes: 60,
            max_failed_logins: 5,
            lockout_minutes: 15,
        }
    }
}

/// Signing, notices and evidence packages.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CaseworkSettings {
    /// The Ed25519 key that signs audit checkpoints and evidence packages, as 64 hex
    /// characters in a file only this service reads; created on first start. Every node of
    /// one deployment needs the same file (a node with another key refuses to start).
    pub signing_key_file: std::path::PathBuf,
    /// Who we are in notices and evidence packages; empty takes the brand name.
    pub organisation: String,
    /// Where registrars, carriers and police answer notices.
    pub reply_to: String,
    /// How often the head of the audit chain is signed, in seconds (when it moved).
    pub checkpoint_secs: u64,
}

impl Default for CaseworkSettings {
    fn default() -> Self {
        CaseworkSettings {
            signing_key_file: "rampart-signing.key".into(),
            organisation: String::new(),
            reply_to: String::new(),
            checkpoint_secs: 10,
        }
    }
}

/// The public portal at `/`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PortalSettings {
    /// The name the public knows; empty takes the first `[[brand]]`'s name.
    pub brand_name: String,
    /// The address the public reaches this service at, for links in e-mails
    /// (`https://report.example.com`).
    pub public_url: String,
    /// Largest upload the form takes (an .eml file), in bytes.
    pub max_upload_bytes: usize,
    /// Distinct reporters a campaign needs before "is this really us?" calls it a known scam.
    pub known_scam_min_reporters: u64,
}

impl Default for PortalSettings {
    fn default() -> Self {
        PortalSettings {
            brand_name: String::new(),
            public_url: "http://127.0.0.1:8080".into(),
            max_upload_bytes: 25 * 1024 * 1024,
            known_scam_min_reporters: 2,
        }
    }
}

impl Settings {
    /// Who we are in notices and evidence packages.
    pub fn organisation(&self) -> &str {
        match self.casework.organisation.trim() {
            "" => self.brand_name(),
            o => o,
        }
    }

    /// The brand's public name.
    pub fn brand_name(&self) -> &str {
        if !self.portal.brand_name.trim().is_empty() {
            self.portal.brand_name.trim()
        } else {
            self.brands.first().map_or("Rampart", |b| b.name.as_str())
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CorrelationSettings {
    /// An indicator tying together more than this many otherwise unrelated groups of reports
    /// is flagged as a hub and kept from merging them.
    pub hub_threshold: usize,
    /// Reports the correlator takes per transaction.
    pub batch_size: u32,
    /// Run the correlator in this process (at most one process holds it at a time anyway).
    pub enabled: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WarningListSettings {
    /// Extra bare domains that must never tie reports together.
    pub domains: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://rampart.db".into(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body_bytes: 16 * 1024 * 1024,
            workers: 2,
            max_connections: 8,
            shutdown_grace_secs: 30,
            correlation: CorrelationSettings::default(),
            warning_list: WarningListSettings::default(),
            trusted_proxies: Vec::new(),
            idempotency_hours: 24,
            brands: Vec::new(),
            portal: PortalSettings::default(),
            limits: crate::limits::LimitSettings::default(),
            smtp: crate::mailer::SmtpSettings::default(),
            imap: crate::imap::ImapSettings::default(),
            console: ConsoleSettings::default(),
            casework: CaseworkSettings::default(),
            abuse: AbuseSettings::default(),
        }
    }
}

impl Default for CorrelationSettings {
    fn default() -> Self {
        CorrelationSettings {
            hub_threshold: 10,
            batch_size: 200,
            enabled: true,
        }
    }
}
