//! `POST /api/v1/reports`: attacker-written JSON in, a committed report and a tracking
//! reference out. Parsing and checking happen here, once; the store only stores.

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::net::{IpAddr, SocketAddr};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

use crate::AppState;
use crate::codes;
use crate::json::parse_json;
use crate::problem::{FieldError, Message, Problem};
use rampart_store::{IdempotencyKey, Intake, NewFile, NewReport};

/// Where the message reached the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
    PhoneCall,
    SocialMedia,
    Web,
    Other,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::PhoneCall => "phone_call",
            Channel::SocialMedia => "social_media",
            Channel::Web => "web",
            Channel::Other => "other",
        }
    }
}

/// How the money was paid, when some was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    GiftCard,
    Wire,
    Crypto,
    Card,
    Other,
}

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::GiftCard => "gift_card",
            PaymentMethod::Wire => "wire",
            PaymentMethod::Crypto => "crypto",
            PaymentMethod::Card => "card",
            PaymentMethod::Other => "other",
        }
    }
}

/// An amount as a JSON number (`49.99`) or a string (`"49.99"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    Number(serde_json::Number),
    Text(String),
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyInput {
    #[schema(value_type = String, example = "49.99")]
    pub amount: Amount,
    /// ISO 4217, e.g. `EUR`.
    pub currency: String,
}

/// What the scammer wanted: the public words for the common scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScamKind {
    FakeOrder,
    FakeRefund,
    GiftCard,
    FakeSupport,
    TechSupport,
    Delivery,
    Prize,
    Account,
    Other,
}

impl ScamKind {
    pub const ALL: [ScamKind; 9] = [
        ScamKind::FakeOrder,
        ScamKind::FakeRefund,
        ScamKind::GiftCard,
        ScamKind::FakeSupport,
        ScamKind::TechSupport,
        ScamKind::Delivery,
        ScamKind::Prize,
        ScamKind::Account,
        ScamKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScamKind::FakeOrder => "fake_order",
            ScamKind::FakeRefund => "fake_refund",
            ScamKind::GiftCard => "gift_card",
            ScamKind::FakeSupport => "fake_support",
            ScamKind::TechSupport => "tech_support",
            ScamKind::Delivery => "delivery",
            ScamKind::Prize => "prize",
            ScamKind::Account => "account",
            ScamKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ScamKind> {
        ScamKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A picture of the message, base64 in JSON.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenshotInput {
    pub filename: Option<String>,
    /// The image bytes in standard base64: PNG, JPEG, GIF or WebP.
    pub data_base64: String,
}

/// A scam report as the public sends it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    pub channel: Channel,
    /// The message as received; for a call, what the caller said.
    pub body: String,
    pub subject: Option<String>,
    /// The e-mail address, phone number or handle the message came from.
    pub sender: Option<String>,
    /// The number that called or texted, in international form or national form of `country`.
    pub phone_number: Option<String>,
    /// Links in the message, as the reporter copied them (defanged forms are fine).
    #[serde(default)]
    pub links: Vec<String>,
    pub scam_kind: Option<ScamKind>,
    /// What happened, in the reporter's words.
    pub description: Option<String>,
    /// Where to tell the reporter about progress.
    pub reporter_email: Option<String>,
    /// BCP 47 language tag of the reporter, e.g. `fr-CA`.
    pub locale: Option<String>,
    /// ISO 3166-1 alpha-2 country of the reporter.
    pub country: Option<String>,
    /// RFC 3339 time the message arrived.
    pub occurred_at: Option<String>,
    pub money_lost: Option<MoneyInput>,
    pub payment_method: Option<PaymentMethod>,
    pub screenshot: Option<ScreenshotInput>,
}

/// The answer to a stored report.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportCreated {
    pub id: i64,
    /// The reporter's tracking reference.
    pub reference: String,
    pub received_at: String,
    /// Where the reporter can follow it.
    pub status_url: String,
}

/// A message as pasted; generous, because long HTML mails converted to text run long.
pub const MAX_BODY_CHARS: usize = 4_000_000;
pub const MAX_SUBJECT_CHARS: usize = 1_000;
pub const MAX_SENDER_CHARS: usize = 320;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_LOCALE_CHARS: usize = 35;
pub const MAX_DESCRIPTION_CHARS: usize = 5_000;
pub const MAX_LINKS: usize = 20;
pub const MAX_LINK_CHARS: usize = 2_048;
pub const MAX_SCREENSHOT_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_IDEMPOTENCY_KEY: usize = 255;

/// A screenshot whose bytes were checked to be an image.
#[derive(Debug, Clone)]
pub struct Screenshot {
    pub filename: Option<String>,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// What the bytes of an image are, from their first bytes; the sender's claim is not trusted.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// A file name as something safe to show and store: no path, no control characters, bounded.
pub fn clean_filename(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    let clean = clean.trim().to_string();
    (!clean.is_empty()).then_some(clean)
}

/// Checks a screenshot's size and kind.
pub fn check_screenshot(
    filename: Option<&str>,
    bytes: Vec<u8>,
) -> Result<Screenshot, (&'static str, Message)> {
    if bytes.len() > MAX_SCREENSHOT_BYTES {
        return Err((
            "larger than 10 MB",
            Message::new("error-file-too-large").number("max_mb", 10),
        ));
    }
    match sniff_image(&bytes) {
        Some(content_type) => Ok(Screenshot {
            filename: filename.and_then(clean_filename),
            content_type,
            bytes,
        }),
        None => Err((
            "not a PNG, JPEG, GIF or WebP image",
            Message::new("error-screenshot-type"),
        )),
    }
}

/// Collects field problems with their English detail and their catalogue message.
#[derive(Debug, Default)]
pub struct Issues(pub Vec<FieldError>);

impl Issues {
    pub fn push(&mut self, pointer: &str, detail: &str, message: Message) {
        self.0.push(FieldError {
            pointer: format!("#/{pointer}"),
            detail: detail.to_string(),
            message: Some(message),
        });
    }
}

/// Checks every field and collects every problem, so the reporter can fix all at once.
pub fn validate(input: ReportInput, now: OffsetDateTime) -> Result<Validated, Vec<FieldError>> {
    let mut issues = Issues::default();
    let mut err = |pointer: &str, detail: &str, message: Message| {
        issues.push(pointer, detail, message);
    };
    if input.body.trim().is_empty() {
        err(
            "body",
            "the message is empty",
            Message::new("error-body-empty"),
        );
    } else if input.body.chars().count() > MAX_BODY_CHARS {
        err(
            "body",
            &format!("longer than {MAX_BODY_CHARS} characters"),
            Message::new("error-body-too-long").number("max", MAX_BODY_CHARS as i64),
        );
    }
    // Text databases (PostgreSQL) refuse NUL; nothing a person types contains it.
    let texts = [
        ("body", Some(&input.body)),
        ("subject", input.subject.as_ref()),
        ("sender", input.sender.as_ref()),
        ("phone_number", input.phone_number.as_ref()),
        ("description", input.description.as_ref()),
        ("reporter_email", input.reporter_email.as_ref()),
        ("locale", input.locale.as_ref()),
        ("country", input.country.as_ref()),
        ("occurred_at", input.occurred_at.as_ref()),
    ];
    for (field, value) in texts {
        if value.is_some_and(|v| v.contains('\0')) {
            err(
                field,
                "contains a NUL character",
                Message::new("error-bad-request"),
            );
        }
    }
    if let Some(m) = &input.money_lost
        && m.currency.contains('\0')
    {
        err(
            "money_lost/currency",
            "contains a NUL character",
            Message::new("error-bad-request"),
        );
    }
    let too_long = |max: usize| Message::new("error-too-long").number("max", max as i64);
    let subject = non_empty(input.subject);
    if subject
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_SUBJECT_CHARS)
    {
        err(
            "subject",
            &format!("longer than {MAX_SUBJECT_CHARS} characters"),
            too_long(MAX_SUBJECT_CHARS),
        );
    }
    let sender = non_empty(input.sender);
    if sender
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_SENDER_CHARS)
    {
        err(
            "sender",
            &format!("longer than {MAX_SENDER_CHARS} characters"),
            too_long(MAX_SENDER_CHARS),
        );
    }
    let reporter_email = non_empty(input.reporter_email).map(|e| e.trim().to_string());
    if let Some(e) = &reporter_email
        && !plausible_email(e)
    {
        err(
            "reporter_email",
            "not an e-mail address",
            Message::new("error-email-invalid"),
        );
    }
    let locale = non_empty(input.locale);
    if let Some(l) = &locale
        && !plausible_locale(l)
    {
        err(
            "locale",
            "not a BCP 47 language tag such as en or pt-BR",
            Message::new("error-bad-request"),
        );
    }
    let country = match non_empty(input.country) {
        None => None,
        Some(c) => match codes::country(&c) {
            Some(c) => Some(c),
            None => {
                err(
                    "country",
                    "not an ISO 3166-1 alpha-2 country code such as GB",
                    Message::new("error-bad-request"),
                );
                None
            }
        },
    };
    let region = crate::processing::region_hint(country.as_deref(), locale.as_deref());
    let phone_number = match non_empty(input.phone_number) {
        None => None,
        Some(p) => match rampart_indicators::phone::PhoneE164::parse(&p, region.as_deref()) {
            Ok(p) => Some(p.as_str().to_string()),
            Err(_) => {
                err(
                    "phone_number",
                    "not a phone number: give it in international form such as +44 20 7946 0958",
                    Message::new("error-phone-invalid").text("example", "+44 20 7946 0958"),
                );
                None
            }
        },
    };
    let links: Vec<String> = input
        .links
        .into_iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if links.len() > MAX_LINKS {
        err(
            "links",
            &format!("more than {MAX_LINKS} links"),
            Message::new("error-too-many-links").number("max", MAX_LINKS as i64),
        );
    } else {
        for (n, l) in links.iter().enumerate() {
            if l.chars().count() > MAX_LINK_CHARS || !plausible_link(l) {
                err(
                    &format!("links/{n}"),
                    "not a link",
                    Message::new("error-link-invalid"),
                );
            }
        }
    }
    let description = non_empty(input.description);
    if description
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_DESCRIPTION_CHARS)
    {
        err(
            "description",
            &format!("longer than {MAX_DESCRIPTION_CHARS} characters"),
            too_long(MAX_DESCRIPTION_CHARS),
        );
    }
    let occurred_at = match non_empty(input.occurred_at) {
        None => None,
        Some(t) => match OffsetDateTime::parse(t.trim(), &Rfc3339) {
            Ok(t) if t > now + time::Duration::days(1) => {
                err(
                    "occurred_at",
                    "is in the future",
                    Message::new("error-date-future"),
                );
                None
            }
            Ok(t) if t.year() < 1990 => {
                err(
                    "occurred_at",
                    "is before 1990",
                    Message::new("error-date-invalid").text("example", "2026-11-21"),
                );
                None
            }
            Ok(t) => Some(millis(t)),
            Err(_) => {
                err(
                    "occurred_at",
                    "not an RFC 3339 time such as 2026-11-21T09:30:00Z",
                    Message::new("error-date-invalid").text("example", "2026-11-21"),
                );
                None
            }
        },
    };
    let money = match input.money_lost {
        None => None,
        Some(m) => match codes::currency(&m.currency) {
            None => {
                err(
                    "money_lost/currency",
                    "not an ISO 4217 currency code such as EUR",
                    Message::new("error-currency-invalid"),
                );
                None
            }
            Some((currency, digits)) => {
                let text = match &m.amount {
                    Amount::Number(n) => n.to_string(),
                    Amount::Text(s) => s.clone(),
                };
                match codes::minor_units(&text, digits) {
                    Ok(minor) => Some((minor, currency)),
                    Err(e) => {
                        err(
                            "money_lost/amount",
                            &e,
                            Message::new("error-amount-invalid"),
                        );
                        None
                    }
                }
            }
        },
    };
    let screenshot = match input.screenshot {
        None => None,
        Some(s) => {
            use base64::Engine;
            // Base64 is 4/3 of the bytes: refuse before decoding what cannot fit.
            if s.data_base64.len() > MAX_SCREENSHOT_BYTES / 3 * 4 + 4 {
                err(
                    "screenshot/data_base64",
                    "larger than 10 MB",
                    Message::new("error-file-too-large").number("max_mb", 10),
                );
                None
            } else {
                match base64::engine::general_purpose::STANDARD.decode(s.data_base64.trim()) {
                    Err(_) => {
                        err(
                            "screenshot/data_base64",
                            "not standard base64",
                            Message::new("error-screenshot-type"),
                        );
                        None
                    }
                    Ok(bytes) => match check_screenshot(s.filename.as_deref(), bytes) {
                        Ok(s) => Some(s),
                        Err((detail, message)) => {
                            err("screenshot/data_base64", detail, message);
                            None
                        }
                    },
                }
            }
        }
    };
    if issues.0.is_empty() {
        Ok(Validated {
            channel: input.channel,
            body: input.body,
            subject,
            sender,
            phone_number,
            links,
            scam_kind: input.scam_kind,
            description,
            reporter_email,
            locale,
            country,
            occurred_at,
            money,
            payment_method: input.payment_method,
            screenshot,
        })
    } else {
        Err(issues.0)
    }
}

/// A report whose every field has been checked.
#[derive(Debug, Clone)]
pub struct Validated {
    pub channel: Channel,
    pub body: String,
    pub subject: Option<String>,
    pub sender: Option<String>,
    pub phone_number: Option<String>,
    pub links: Vec<String>,
    pub scam_kind: Option<ScamKind>,
    pub description: Option<String>,
    pub reporter_email: Option<String>,
    pub locale: Option<String>,
    pub country: Option<String>,
    pub occurred_at: Option<i64>,
    pub money: Option<(i64, String)>,
    pub payment_method: Option<PaymentMethod>,
    pub screenshot: Option<Screenshot>,
}

impl Validated {
    /// The report to store; `raw` is what arrived, kept as evidence.
    pub fn into_report(
        self,
        source: &str,
        client: Option<IpAddr>,
        received_at: i64,
        raw: Vec<u8>,
        raw_type: &str,
        acknowledge: bool,
    ) -> NewReport {
        let mut files = Vec::new();
        if let Some(s) = self.screenshot {
            files.push(NewFile {
                kind: "screenshot".into(),
                filename: s.filename,
                content_type: s.content_type.into(),
                sha256: sha256_hex(&s.bytes),
                bytes: s.bytes,
            });
        }
        NewReport {
            channel: self.channel.as_str().to_string(),
            reporter_key: reporter_key(self.reporter_email.as_deref(), client),
            subject: self.subject,
            body: self.body,
            sender: self.sender,
            reporter_email: self.reporter_email,
            locale: self.locale,
            country: self.country,
            occurred_at: self.occurred_at,
            received_at,
            money_minor: self.money.as_ref().map(|m| m.0),
            money_currency: self.money.map(|m| m.1),
            payment_method: self.payment_method.map(|p| p.as_str().to_string()),
            raw_sha256: sha256_hex(&raw),
            raw,
            raw_type: raw_type.to_string(),
            source: source.to_string(),
            source_key: None,
            phone_number: self.phone_number,
            links: self.links,
            scam_kind: self.scam_kind.map(|k| k.as_str().to_string()),
            description: self.description,
            details: "{}".into(),
            header_text: None,
            hidden_text: None,
            auth: Default::default(),
            files,
            acknowledge,
        }
    }
}

/// Something that could be a link as a person copies it: `example.com/x`, `hxxps://a[.]b`.
fn plausible_link(l: &str) -> bool {
    let refanged = rampart_indicators::defang::refang(l);
    !refanged.chars().any(char::is_whitespace) && refanged.contains('.')
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn plausible_email(e: &str) -> bool {
    if e.len() > MAX_EMAIL_CHARS || e.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    match e.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && local.len() <= 64
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

fn plausible_locale(l: &str) -> bool {
    let l = l.trim();
    if l.len() > MAX_LOCALE_CHARS {
        return false;
    }
    let mut parts = l.split(['-', '_']);
    let Some(lang) = parts.next() else {
        return false;
    };
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub fn millis(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Who reported, as a key that counts distinct reporters without storing who they are in the
/// clear: the e-mail when given, otherwise the client address.
pub fn reporter_key(email: Option<&str>, client: Option<IpAddr>) -> String {
    match (email, client) {
        (Some(e), _) => sha256_hex(format!("email:{}", e.to_lowercase()).as_bytes()),
        // An IPv6 subscriber holds a whole /64: one reporter, not 2^64.
        (None, Some(addr)) => {
            sha256_hex(format!("ip:{}", crate::limits::client_key(addr)).as_bytes())
        }
        (None, None) => sha256_hex(b"unknown"),
    }
}

/// Store a scam report.
#[utoipa::path(
    post, path = "/api/v1/reports", tag = "reports",
    request_body = ReportInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries return the first answer")),
    responses(
        (status = 201, description = "Stored", body = ReportCreated),
        (status = 400, description = "Malformed JSON or header", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over the limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "A bearer token was sent and is not valid (without one, the anonymous allowance applies)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many reports from this address (anonymous callers) or naming this reporter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_report(
    State(state): State<AppState>,
    caller: Result<crate::auth::Caller, Problem>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, Problem> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::too_large(state.settings.max_body_bytes)
        } else {
            Problem::bad_request(format!("could not read the request body: {e}"))
        }
    })?;
    let client = client_addr(
        &state,
        connect.as_ref().map(|Extension(ConnectInfo(a))| *a),
        &headers,
    );
    let key = idempotency_key(&headers, &body, client)?;
    let input: ReportInput = parse_json(&headers, &body)?;
    let now = OffsetDateTime::now_utc();
    let v = validate(input, now).map_err(Problem::invalid)?;
    // A partner or app with a token is known and answerable; without one, the API is as
    // anonymous as a form sent without the proof of work, and gets the same allowance.
    let authenticated = match caller {
        Ok(_) => true,
        Err(_) if !headers.contains_key(header::AUTHORIZATION) => false,
        Err(problem) => return Err(problem),
    };
    if !authenticated {
        state
            .limits
            .address(client, false)
            .map_err(Problem::rate_limited)?;
    }
    state
        .limits
        .reporter(v.reporter_email.as_deref())
        .map_err(Problem::rate_limited)?;
    let received_at = millis(now);
    let report = v.into_report(
        "api",
        client,
        received_at,
        body.to_vec(),
        "application/json",
        state.acknowledgements_enabled(),
    );
    let received = rfc3339(received_at);
    let outcome = state
        .store
        .intake(&report, key.as_ref(), |id, reference| {
            let body = serde_json::to_string(&ReportCreated {
                id,
                reference: reference.to_string(),
                received_at: received.clone(),
                status_url: format!("/status/{reference}"),
            })
            .unwrap_or_default();
            (201, body)
        })
        .await?;
    let (status, body, replayed) = match outcome {
        Intake::Created {
            id,
            reference: _,
            status,
            response,
        } => {
            metrics::counter!("rampart_reports_received_total", "channel" => report.channel.clone()).increment(1);
            tracing::debug!(report_id = id, channel = %report.channel, "report stored");
            state.wake_workers();
            (status, response, false)
        }
        Intake::Replayed { status, response } => (status, response, true),
        Intake::Duplicate { .. } => {
            return Err(Problem::internal());
        }
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED);
    let location = serde_json::from_str::<ReportCreated>(&body)
        .ok()
        .and_then(|c| HeaderValue::from_str(&format!("/api/v1/reports/{}", c.id)).ok());
    let mut res = (status, body).into_response();
    if let Some(location) = location {
        res.headers_mut().insert(header::LOCATION, location);
    }
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if replayed {
        res.headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(res)
}

/// The client's address: the peer, or, when the peer is a configured trusted proxy, the
/// right-most address in `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_addr(
    state: &AppState,
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
) -> Option<IpAddr> {
    let peer = peer?.ip();
    let trusted = &state.settings.trusted_proxies;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    // From the right: each trusted proxy appended the address it saw. The first entry that is
    // not a trusted proxy is the client; anything to its left was written by the client and is
    // not believed. An entry that cannot be read ends the walk at the last trusted hop.
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut last = peer;
    for entry in entries.iter().rev() {
        let Some(addr) = forwarded_addr(entry) else {
            return Some(last);
        };
        if !trusted.contains(&addr) {
            return Some(addr);
        }
        last = addr;
    }
    Some(last)
}

/// An `X-Forwarded-For` entry: an address, or an address with a port (`203.0.113.7:4711`,
/// `[2001:db8::1]:4711`) as some proxies write it.
fn forwarded_addr(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// Keys are scoped to the client that sent them, so one client cannot replay or block
/// another's key.
fn idempotency_key(
    headers: &HeaderMap,
    body: &[u8],
    client: Option<IpAddr>,
) -> Result<Option<IdempotencyKey>, Problem> {
    let Some(v) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = v
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| {
            !k.is_empty()
                && k.len() <= MAX_IDEMPOTENCY_KEY
                && k.bytes().all(|b| b.is_ascii_graphic())
        })
        .ok_or_else(|| {
            Problem::bad_request(format!(
                "Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} visible ASCII characters"
            ))
        })?;
    let scope = client.map_or_else(String::new, |c| c.to_string());
    Ok(Some(IdempotencyKey {
        key: sha256_hex(format!("{scope}\n{key}").as_bytes()),
        request_sha256: sha256_hex(body),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: serde_json::Value) -> ReportInput {
        serde_json::from_value(json).unwrap()
    }

    fn now() -> OffsetDateTime {
        OffsetDateTime::parse("2026-11-21T12:00:00Z", &Rfc3339).unwrap()
    }

    fn errors(json: serde_json::Value) -> Vec<(String, String)> {
        match validate(input(json), now()) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| (e.pointer, e.detail)).collect(),
        }
    }

    #[test]
    fn forwarded_entries_with_ports_are_read() {
        assert_eq!(
            forwarded_addr("203.0.113.7"),
            Some("203.0.113.7".parse().unwrap())
        );
        assert_eq!(
            forwarded_addr("203.0.113.7:4711"),
            Some("203.0.113.7".parse().unwrap())
        );
        assert_eq!(
            forwarded_addr("[2001:db8::1]:443"),
            Some("2001:db8::1".parse().unwrap())
        );
        assert_eq!(forwarded_addr("unknown"), None);
        assert_eq!(forwarded_addr("_hidden"), None);
    }

    #[test]
    fn accepts_a_full_report() {
        let v = validate(
            input(serde_json::json!({
                "channel": "sms", "body": "Your parcel is held", "subject": "Parcel",
                "sender": "+44 7700 900123", "reporter_email": "Ann@Example.org", "locale": "en-GB",
                "country": "gb", "occurred_at": "2026-11-20T08:00:00+01:00",
                "money_lost": {"amount": 49.99, "currency": "gbp"}, "payment_method": "gift_card"
            })),
            now(),
        )
        .unwrap();
        assert_eq!(v.country.as_deref(), Some("GB"));
        assert_eq!(v.money, Some((4999, "GBP".into())));
        assert_eq!(v.occurred_at, Some(1_795_158_000_000));
    }

    #[test]
    fn names_each_bad_field() {
        let pointers = |json| errors(json).into_iter().map(|e| e.0).collect::<Vec<_>>();
        assert_eq!(
            pointers(serde_json::json!({"channel": "sms", "body": "  "})),
            ["#/body"]
        );
        assert_eq!(
            pointers(
                serde_json::json!({"channel": "sms", "body": "x", "country": "UK", "locale": "english!", "reporter_email": "nope"})
            ),
            ["#/reporter_email", "#/locale", "#/country"]
        );
        assert_eq!(
            pointers(
                serde_json::json!({"channel": "sms", "body": "x", "money_lost": {"amount": "-3", "currency": "EUR"}})
            ),
            ["#/money_lost/amount"]
        );
        assert_eq!(
            pointers(
                serde_json::json!({"channel": "sms", "body": "x", "money_lost": {"amount": 3, "currency": "EURO"}})
            ),
            ["#/money_lost/currency"]
        );
        assert_eq!(
            pointers(
                serde_json::json!({"channel": "sms", "body": "x", "occurred_at": "2030-01-01T00:00:00Z"})
            ),
            ["#/occurred_at"]
        );
        assert_eq!(
            pointers(
                serde_json::json!({"channel": "sms", "body": "x", "occurred_at": "yesterday"})
            ),
            ["#/occurred_at"]
        );
        assert_eq!(
            pointers(
                serde_json::json!({"channel": "sms", "body": "x", "money_lost": {"amount": 1.005, "currency": "EUR"}})
            ),
            ["#/money_lost/amount"]
        );
    }
}
