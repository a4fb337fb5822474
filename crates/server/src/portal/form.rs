//! The report form: shown at `GET /`, sent to `POST /` as multipart (it carries files). Every
//! problem is shown next to its field in the reader's language, with everything they typed
//! kept; a stored report answers with its reference and what happens next.

use std::collections::HashMap;
use std::net::SocketAddr;

use askama::Template;
use axum::Extension;
use axum::extract::{ConnectInfo, Multipart, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use time::OffsetDateTime;

use super::{LangQuery, Page, Reader, error_page, html, reader};
use crate::AppState;
use crate::challenge::{ChallengeError, Proof};
use crate::intake::{
    self, Amount, Channel, MoneyInput, PaymentMethod, ReportInput, ScamKind, millis,
};
use crate::limits::Limited;
use crate::problem::FieldError;
use rampart_store::Intake;

/// Text fields the form has, with the most bytes each may carry.
const TEXT_FIELDS: [(&str, usize); 17] = [
    ("lang", 64),
    ("challenge", 256),
    ("pow", 64),
    ("channel", 64),
    ("body", intake::MAX_BODY_CHARS * 4),
    ("sender", 4 * intake::MAX_SENDER_CHARS),
    ("phone_number", 256),
    ("links", intake::MAX_LINKS * intake::MAX_LINK_CHARS + 1024),
    ("occurred_date", 64),
    ("occurred_time", 64),
    ("scam_kind", 64),
    ("description", 4 * intake::MAX_DESCRIPTION_CHARS),
    ("money_lost", 16),
    ("amount", 128),
    ("currency", 16),
    ("payment_method", 64),
    ("reporter_email", 1024),
];

/// Currencies offered first in the form's menu; any ISO 4217 code is accepted.
const CURRENCIES: [&str; 30] = [
    "EUR", "USD", "GBP", "JPY", "CNY", "INR", "BRL", "MXN", "CAD", "AUD", "CHF", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "RON", "TRY", "UAH", "RUB", "ILS", "AED", "SAR", "EGP", "KRW",
    "IDR", "VND", "THB", "BDT",
];

const CHANNELS: [&str; 6] = ["email", "sms", "phone_call", "social_media", "web", "other"];
const PAYMENT_METHODS: [&str; 5] = ["gift_card", "wire", "crypto", "card", "other"];

/// Languages that write the decimal separator as a comma (49,99).
const COMMA_DECIMAL: [&str; 13] = [
    "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "tr", "id", "vi", "uk", "ru",
];

/// What the form shows: the values as typed and a message per field in trouble.
pub struct FormView {
    pub values: HashMap<String, String>,
    /// Field name and message, in the order of the form.
    pub errors: Vec<(String, String)>,
    pub challenge: String,
}

impl FormView {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.value(name) == value
    }

    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.as_str())
    }

    pub fn invalid(&self, name: &str) -> bool {
        self.error(name).is_some()
    }

    /// `aria-describedby` for a field with a hint: the hint, and the error when there is one.
    pub fn described(&self, name: &str) -> String {
        if self.invalid(name) {
            format!("{name}-hint {name}-error")
        } else {
            format!("{name}-hint")
        }
    }

    /// Where the error summary's link for a field goes: the first control a person can use.
    pub fn anchor(&self, name: &str) -> String {
        match name {
            "channel" => "channel-email".into(),
            "money" => "money_lost-yes".into(),
            "occurred_at" => "occurred_date".into(),
            other => other.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage<'a> {
    page: Page,
    form: FormView,
    channels: &'a [&'a str],
    scam_kinds: Vec<&'static str>,
    currencies: &'a [&'a str],
    payment_methods: &'a [&'a str],
}

#[derive(Template)]
#[template(path = "ack.html")]
struct AckPage {
    page: Page,
    reference: String,
    email: Option<String>,
    lost_money: bool,
}

fn render_form(state: &AppState, reader: &Reader, form: FormView, status: StatusCode) -> Response {
    let page = Page::new(
        reader.tr.clone(),
        state.settings.brand_name(),
        "form-title",
        "/",
        "report",
    );
    html(
        status,
        reader,
        ReportPage {
            page,
            form,
            channels: &CHANNELS,
            scam_kinds: ScamKind::ALL.iter().map(|k| k.as_str()).collect(),
            currencies: &CURRENCIES,
            payment_methods: &PAYMENT_METHODS,
        }
        .render(),
    )
}

async fn new_challenge(state: &AppState) -> Option<String> {
    match state.challenges().await {
        Ok(c) => Some(c.issue(millis(OffsetDateTime::now_utc()))),
        Err(e) => {
            tracing::error!(error = %e, "could not load the challenge key");
            None
        }
    }
}

fn unavailable(state: &AppState, reader: &Reader) -> Response {
    error_page(
        state,
        reader,
        StatusCode::SERVICE_UNAVAILABLE,
        "error-server-title",
        reader.tr.t("error-try-again"),
    )
}

/// `GET /`: an empty form.
pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Response {
    let reader = reader(&state, &headers, q.lang.as_deref());
    let Some(challenge) = new_challenge(&state).await else {
        return unavailable(&state, &reader);
    };
    let form = FormView {
        values: HashMap::new(),
        errors: Vec::new(),
        challenge,
    };
    render_form(&state, &reader, form, StatusCode::OK)
}

/// A file from the form.
struct Upload {
    filename: Option<String>,
    bytes: Vec<u8>,
    /// More bytes came than the field may hold; the rest was not read.
    too_large: bool,
}

/// The form as sent.
#[derive(Default)]
struct Sent {
    fields: HashMap<String, String>,
    eml: Option<Upload>,
    screenshot: Option<Upload>,
    /// Text fields that came over their bound.
    oversized: Vec<String>,
}

async fn read_field(
    field: &mut axum::extract::multipart::Field<'_>,
    max: usize,
) -> Result<(Vec<u8>, bool), axum::extract::multipart::MultipartError> {
    let mut out = Vec::new();
    let mut over = false;
    while let Some(chunk) = field.chunk().await? {
        if over {
            continue;
        }
        if out.len() + chunk.len() > max {
            over = true;
            out.clear();
            continue;
        }
        out.extend_from_slice(&chunk);
    }
    Ok((out, over))
}

async fn read_form(mut multipart: Multipart, max_eml: usize) -> Result<Sent, String> {
    let mut sent = Sent::default();
    let mut parts = 0;
    while let Some(mut field) = multipart.next_field().await.map_err(|e| e.body_text())? {
        parts += 1;
        if parts > 64 {
            return Err("too many parts".into());
        }
        let name = field.name().unwrap_or("").to_string();
        let filename = field.file_name().map(str::to_string);
        match name.as_str() {
            "eml" | "screenshot" => {
                let max = if name == "eml" {
                    max_eml
                } else {
                    intake::MAX_SCREENSHOT_BYTES
                };
                let (bytes, too_large) = read_field(&mut field, max)
                    .await
                    .map_err(|e| e.body_text())?;
                // A file input left empty still sends a part, with no name and no bytes.
                if bytes.is_empty() && !too_large {
                    continue;
                }
                let upload = Upload {
                    filename,
                    bytes,
                    too_large,
                };
                if name == "eml" {
                    sent.eml = Some(upload);
                } else {
                    sent.screenshot = Some(upload);
                }
            }
            _ => {
                let Some((key, max)) = TEXT_FIELDS.iter().find(|(k, _)| *k == name) else {
                    // Unknown fields are read and dropped.
                    read_field(&mut field, 0).await.map_err(|e| e.body_text())?;
                    continue;
                };
                let (bytes, over) = read_field(&mut field, *max)
                    .await
                    .map_err(|e| e.body_text())?;
                if over {
                    sent.oversized.push(key.to_string());
                }
                let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
                sent.fields.insert(key.to_string(), text);
            }
        }
    }
    Ok(sent)
}

/// The form field a validation pointer (`#/money_lost/amount`) belongs to.
fn field_of(pointer: &str) -> &str {
    let path = pointer.trim_start_matches("#/");
    match path.split('/').next().unwrap_or("") {
        "money_lost" => {
            if path.ends_with("currency") {
                "currency"
            } else {
                "amount"
            }
        }
        "screenshot" => "screenshot",
        "links" => "links",
        other => other,
    }
}

/// The order fields appear in, so the error summary reads top to bottom.
const FIELD_ORDER: [&str; 14] = [
    "channel",
    "body",
    "eml",
    "sender",
    "phone_number",
    "links",
    "occurred_at",
    "description",
    "money",
    "amount",
    "currency",
    "screenshot",
    "reporter_email",
    "form",
];

/// The reader's locale: the first Accept-Language tag in the chosen language (keeps a region
/// such as pt-BR, which hints at the phone numbering plan), or the language itself.
fn locale_of(headers: &HeaderMap, lang: &str) -> String {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .into_iter()
        .flat_map(|v| v.split(','))
        .map(|t| t.split(';').next().unwrap_or("").trim())
        .find(|t| {
            t.len() <= 35
                && crate::i18n::find(t).is_some_and(|l| l.tag == lang)
                && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        .map_or_else(|| lang.to_string(), str::to_string)
}

/// `POST /`: check, store, acknowledge.
pub async fn submit(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let fallback = reader(&state, &headers, None);
    let sent = match multipart {
        Ok(m) => read_form(m, state.settings.portal.max_upload_bytes).await,
        Err(e) => Err(e.body_text()),
    };
    let mut sent = match sent {
        Ok(s) => s,
        Err(e) => {
            tracing::info!(error = %e, "a report form could not be read");
            metrics::counter!("rampart_portal_submissions_total", "outcome" => "unreadable")
                .increment(1);
            return error_page(
                &state,
                &fallback,
                StatusCode::BAD_REQUEST,
                "error-server-title",
                fallback.tr.t("error-bad-request"),
            );
        }
    };
    let reader = reader(
        &state,
        &headers,
        sent.fields.get("lang").map(String::as_str),
    );
    let client = intake::client_addr(
        &state,
        connect.as_ref().map(|Extension(ConnectInfo(a))| *a),
        &headers,
    );
    let now = OffsetDateTime::now_utc();
    let challenges = match state.challenges().await {
        Ok(c) => c,
        Err(_) => return unavailable(&state, &reader),
    };
    let proof = challenges.verify(
        sent.fields.get("challenge").map_or("", String::as_str),
        sent.fields.get("pow").map(String::as_str),
        millis(now),
    );
    let mut values = sent.fields.clone();
    values.remove("challenge");
    values.remove("pow");
    let mut form = FormView {
        values,
        errors: Vec::new(),
        challenge: String::new(),
    };
    let proof = match proof {
        Ok(p) => p,
        Err(e) => {
            let outcome = match e {
                ChallengeError::Expired => "expired",
                ChallengeError::Spent => "replayed",
                _ => "challenge_failed",
            };
            tracing::info!(reason = %e, "a report form's challenge was refused");
            metrics::counter!("rampart_portal_submissions_total", "outcome" => outcome)
                .increment(1);
            form.errors
                .push(("form".into(), reader.tr.t("error-form-expired")));
            return again(&state, &reader, form, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    // The address pays for every submission that gets this far, valid or not, before the
    // costly part (reading an uploaded e-mail).
    if let Err(limited) = state.limits.address(client, proof == Proof::Work) {
        metrics::counter!("rampart_portal_submissions_total", "outcome" => "rate_limited")
            .increment(1);
        return rate_limited(&state, &reader, limited);
    }
    // The uploaded e-mail's bytes go to the reader and come back to be stored: never copied.
    let (mail, eml_bytes) = match sent.eml.as_mut() {
        Some(eml) if !eml.too_large => {
            let (mail, bytes) =
                crate::mailgate::parse_off_thread(std::mem::take(&mut eml.bytes)).await;
            (Some(mail), bytes)
        }
        _ => (None, Vec::new()),
    };
    let (input, mut errors, screenshot) = input_of(
        &mut sent,
        mail.as_ref(),
        &reader,
        &headers,
        state.settings.portal.max_upload_bytes,
    );
    let validated = match intake::validate(input, now) {
        Ok(mut v) if errors.is_empty() => {
            v.screenshot = screenshot;
            Some(v)
        }
        Ok(_) => None,
        Err(field_errors) => {
            errors.extend(localise(&reader, field_errors));
            None
        }
    };
    let Some(validated) = validated else {
        errors.sort_by_key(|(name, _)| {
            FIELD_ORDER
                .iter()
                .position(|f| f == name)
                .unwrap_or(FIELD_ORDER.len())
        });
        errors.dedup_by(|a, b| a.0 == b.0);
        form.errors = errors;
        metrics::counter!("rampart_portal_submissions_total", "outcome" => "invalid").increment(1);
        return again(&state, &reader, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if let Err(limited) = state.limits.reporter(validated.reporter_email.as_deref()) {
        metrics::counter!("rampart_portal_submissions_total", "outcome" => "rate_limited")
            .increment(1);
        return rate_limited(&state, &reader, limited);
    }
    let email = validated.reporter_email.clone();
    let lost_money = validated.money.is_some();
    let raw = serde_json::to_vec(&serde_json::json!({
        "form": &sent.fields.iter().filter(|(k, _)| *k != "challenge" && *k != "pow").collect::<std::collections::BTreeMap<_, _>>(),
        "proof_of_work": proof == Proof::Work,
    }))
    .unwrap_or_default();
    let mut report = validated.into_report(
        "portal",
        client,
        millis(now),
        raw,
        "application/vnd.rampart.portal-form+json",
        state.acknowledgements_enabled(),
    );
    if let Some(eml) = &sent.eml {
        report.files.push(rampart_store::NewFile {
            kind: "eml".into(),
            filename: eml.filename.as_deref().and_then(intake::clean_filename),
            content_type: "message/rfc822".into(),
            sha256: intake::sha256_hex(&eml_bytes),
            bytes: eml_bytes,
        });
        if let Some(Ok(mail)) = &mail {
            crate::mailgate::fill_from_eml(&mut report, mail);
        }
    }
    match state
        .store
        .intake(&report, None, |_, _| (200, String::new()))
        .await
    {
        Ok(Intake::Created { id, reference, .. }) => {
            metrics::counter!("rampart_reports_received_total", "channel" => report.channel.clone())
                .increment(1);
            metrics::counter!("rampart_portal_submissions_total", "outcome" => "stored", "proof" => if proof == Proof::Work { "work" } else { "none" })
                .increment(1);
            tracing::info!(report_id = id, channel = %report.channel, "report stored from the portal");
            state.wake_workers();
            let page = Page::new(
                reader.tr.clone(),
                state.settings.brand_name(),
                "ack-title",
                "/",
                "report",
            );
            html(
                StatusCode::OK,
                &reader,
                AckPage {
                    page,
                    reference,
                    email,
                    lost_money,
                }
                .render(),
            )
        }
        Ok(_) => unavailable(&state, &reader),
        Err(e) => {
            tracing::error!(error = %e, "a portal report could not be stored");
            form.errors
                .push(("form".into(), reader.tr.t("error-try-again")));
            again(&state, &reader, form, StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// The form again, with its values, its errors and a fresh challenge.
async fn again(
    state: &AppState,
    reader: &Reader,
    mut form: FormView,
    status: StatusCode,
) -> Response {
    match new_challenge(state).await {
        Some(c) => {
            form.challenge = c;
            render_form(state, reader, form, status)
        }
        None => unavailable(state, reader),
    }
}

/// 429 with Retry-After and the wait in words.
pub fn rate_limited(state: &AppState, reader: &Reader, limited: Limited) -> Response {
    let minutes = i64::try_from(limited.retry_after_minutes()).unwrap_or(i64::MAX);
    let mut res = error_page(
        state,
        reader,
        StatusCode::TOO_MANY_REQUESTS,
        "error-server-title",
        reader.tr.n("error-rate-limited", "minutes", minutes),
    );
    if let Ok(v) = HeaderValue::from_str(&limited.retry_after_secs().to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    res
}

fn localise(reader: &Reader, errors: Vec<FieldError>) -> Vec<(String, String)> {
    errors
        .into_iter()
        .map(|e| {
            let text = e
                .message
                .as_ref()
                .map_or_else(|| e.detail.clone(), |m| reader.tr.message(m));
            (field_of(&e.pointer).to_string(), text)
        })
        .collect()
}

/// The form's fields as the API's input, and the problems only the form can have.
fn input_of(
    sent: &mut Sent,
    mail: Option<&Result<rampart_mail::MailReport, crate::mailgate::EmailError>>,
    reader: &Reader,
    headers: &HeaderMap,
    max_upload_bytes: usize,
) -> (
    ReportInput,
    Vec<(String, String)>,
    Option<intake::Screenshot>,
) {
    let t = &reader.tr;
    let mut errors: Vec<(String, String)> = Vec::new();
    let get = |k: &str| {
        sent.fields
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    for field in &sent.oversized {
        let name = match field.as_str() {
            "body" => "body",
            "description" => "description",
            "links" => "links",
            "sender" => "sender",
            "reporter_email" => "reporter_email",
            _ => "form",
        };
        errors.push((name.into(), t.t("error-bad-request")));
    }
    let channel = match get("channel").as_deref() {
        None => {
            // An uploaded e-mail says how it arrived.
            if sent.eml.is_some() {
                Some(Channel::Email)
            } else {
                errors.push(("channel".into(), t.t("error-channel-missing")));
                None
            }
        }
        Some(c) => match serde_json::from_value::<Channel>(serde_json::Value::String(c.into())) {
            Ok(c) => Some(c),
            Err(_) => {
                errors.push(("channel".into(), t.t("error-channel-missing")));
                None
            }
        },
    };
    if let Some(eml) = &sent.eml
        && eml.too_large
    {
        let mb = i64::try_from(max_upload_bytes / (1024 * 1024)).unwrap_or(i64::MAX);
        errors.push(("eml".into(), t.n("error-file-too-large", "max_mb", mb)));
    }
    let screenshot = match sent.screenshot.as_mut() {
        None => None,
        Some(s) if s.too_large => {
            errors.push((
                "screenshot".into(),
                t.n("error-file-too-large", "max_mb", 10),
            ));
            None
        }
        Some(s) => {
            match intake::check_screenshot(s.filename.as_deref(), std::mem::take(&mut s.bytes)) {
                Ok(shot) => Some(shot),
                Err((_, m)) => {
                    errors.push(("screenshot".into(), t.message(&m)));
                    None
                }
            }
        }
    };
    // An uploaded e-mail stands for the pasted message; the e-mail's own text fills it in.
    let mail_body = match mail {
        Some(Ok(m)) => Some(crate::mailgate::body_of_mail(m)).filter(|b| !b.trim().is_empty()),
        Some(Err(_)) => {
            errors.push(("eml".into(), t.t("error-eml-invalid")));
            None
        }
        None => None,
    };
    let body = match (get("body"), mail_body) {
        (Some(b), _) => sent.fields.get("body").cloned().unwrap_or(b),
        (None, Some(b)) => b,
        (None, None) => {
            if matches!(mail, Some(Ok(_))) {
                errors.push(("eml".into(), t.t("error-eml-invalid")));
            }
            String::new()
        }
    };
    let occurred_at = match (get("occurred_date"), get("occurred_time")) {
        (None, _) => None,
        (Some(d), time) => {
            let time = time.unwrap_or_else(|| "12:00".into());
            let time = if time.len() == 5 {
                format!("{time}:00")
            } else {
                time
            };
            Some(format!("{d}T{time}Z"))
        }
    };
    let money_lost = if get("money_lost").as_deref() == Some("yes") {
        let comma = COMMA_DECIMAL.contains(&reader.tr.lang.tag);
        let amount = get("amount").map(|a| crate::codes::normalise_amount(&a, comma));
        let currency = get("currency");
        // Checked here too: without a currency the API's validation cannot say the amount is
        // wrong as well.
        if amount
            .as_deref()
            .is_none_or(|a| crate::codes::minor_units(a, 3).is_err())
        {
            errors.push(("amount".into(), t.t("error-amount-invalid")));
        }
        if currency.is_none() {
            errors.push(("currency".into(), t.t("error-currency-invalid")));
        }
        match (amount, currency) {
            (Some(amount), Some(currency)) => Some(MoneyInput {
                amount: Amount::Text(amount),
                currency,
            }),
            _ => None,
        }
    } else {
        None
    };
    let payment_method = get("payment_method")
        .and_then(|p| serde_json::from_value::<PaymentMethod>(serde_json::Value::String(p)).ok());
    // Without a channel the other fields are still checked, so every problem shows at once.
    let input = ReportInput {
        channel: channel.unwrap_or(Channel::Other),
        body,
        subject: None,
        sender: get("sender"),
        phone_number: get("phone_number"),
        links: sent
            .fields
            .get("links")
            .map(|l| l.lines().map(str::to_string).collect())
            .unwrap_or_default(),
        scam_kind: get("scam_kind").as_deref().and_then(ScamKind::parse),
        description: get("description"),
        reporter_email: get("reporter_email"),
        locale: Some(locale_of(headers, reader.tr.lang.tag)),
        country: None,
        occurred_at,
        money_lost,
        payment_method: if get("money_lost").as_deref() == Some("yes") {
            payment_method
        } else {
            None
        },
        screenshot: None,
    };
    (input, errors, screenshot)
}
