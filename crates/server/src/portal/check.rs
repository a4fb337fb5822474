//! "Is this really us?": `/check` for people and `POST /api/v1/check` for apps. What was pasted
//! is read for indicators (never fetched), each is judged against the brand's channels and the
//! known campaigns, and the answer says what to do, in the person's language. Known campaigns
//! are described by counts and dates only: nothing of any report or reporter.

use std::net::SocketAddr;

use askama::Template;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rampart_indicators::brand::Verdict;
use rampart_indicators::phone::PhoneE164;
use rampart_indicators::{ExtractOptions, IndicatorKind};
use rampart_intel::check::{BrandMatch, Evidence, KnownCampaign, PublicVerdict, decide};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{LangQuery, Page, Reader, html, reader};
use crate::AppState;
use crate::i18n::{self, Tr};
use crate::json::parse_json;
use crate::problem::{FieldError, Problem};

/// The most text one check reads.
pub const MAX_CHECK_CHARS: usize = 10_000;
/// Indicators looked up for one check.
const MAX_LOOKUPS: usize = 20;

/// What to check: exactly one of `text`, `url`, `email`, `phone`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    /// A whole message.
    pub text: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    /// In international form, or national form of the locale's region.
    pub phone: Option<String>,
    /// BCP 47 language for the answer's words, e.g. `ja` or `pt-BR`.
    pub locale: Option<String>,
}

/// What is publicly known of a campaign.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicCampaign {
    /// Distinct people who reported it.
    pub reporters: u64,
    /// RFC 3339 date of the first report.
    pub first_reported: String,
    /// How it reaches people (`sms`, `email`, `phone_call`…), most common first.
    pub channels: Vec<String>,
}

/// The indicator that decided the verdict.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Matched {
    pub kind: String,
    pub value: String,
}

/// The answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckAnswer {
    /// `official`, `known_scam`, `lookalike` or `unknown`.
    pub verdict: String,
    /// The verdict in the requested language.
    pub message: String,
    /// What to do now, in the requested language.
    pub advice: String,
    /// A public description of the known campaign, in the requested language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Matched>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<PublicCampaign>,
    /// The language the words are in.
    pub locale: String,
}

/// What the person asked about, once read.
enum Asked {
    Text(String),
    Url(String),
    Email(String),
    Phone(String),
}

/// Indicators of what was asked; `Err` says which input could not be read.
fn indicators_of(
    asked: &Asked,
    region: Option<&str>,
) -> Result<Vec<(IndicatorKind, String)>, &'static str> {
    let opts = ExtractOptions {
        region: region.map(str::to_string),
        max_indicators: MAX_LOOKUPS,
    };
    let found = |text: &str| -> Vec<(IndicatorKind, String)> {
        rampart_indicators::extract(text, &opts)
            .into_iter()
            .map(|i| (i.kind, i.value))
            .collect()
    };
    match asked {
        Asked::Text(t) => Ok(found(t)),
        Asked::Url(u) => {
            let all = found(u);
            if all
                .iter()
                .any(|(k, _)| matches!(k, IndicatorKind::Url | IndicatorKind::Domain))
            {
                Ok(all)
            } else {
                Err("url")
            }
        }
        Asked::Email(e) => {
            let all: Vec<_> = found(e)
                .into_iter()
                .filter(|(k, _)| *k == IndicatorKind::Email)
                .collect();
            if all.is_empty() {
                Err("email")
            } else {
                Ok(all)
            }
        }
        Asked::Phone(p) => match PhoneE164::parse(p, region) {
            Ok(p) => Ok(vec![(IndicatorKind::Phone, p.as_str().to_string())]),
            Err(_) => Err("phone"),
        },
    }
}

/// What the brand list says, with the verdict of an e-mail address coming from its domain.
fn brand_match(state: &AppState, kind: IndicatorKind, value: &str) -> BrandMatch {
    match state.pipeline.verdict(kind, value).verdict {
        Verdict::Official => BrandMatch::Official,
        Verdict::Lookalike => BrandMatch::Lookalike,
        Verdict::Unknown => BrandMatch::Unrelated,
    }
}

/// What is known of one indicator: counted over the reports that carry it, so an indicator slipped
/// into a big campaign's report is judged by its own reporters, not the campaign's.
async fn known_campaign(
    state: &AppState,
    kind: IndicatorKind,
    value: &str,
) -> Result<(bool, Option<KnownCampaign>), rampart_store::StoreError> {
    let Some(p) = state.store.public_indicator(kind.as_str(), value).await? else {
        return Ok((false, None));
    };
    let warned = p.warning.is_some() || p.is_hub;
    let known = p.in_campaign.then(|| KnownCampaign {
        reporters: u64::try_from(p.reporters).unwrap_or(0),
        first_reported: p.first_reported,
        channels: p.channels,
    });
    Ok((warned, known))
}

/// Judges what was asked.
async fn assess(
    state: &AppState,
    asked: &Asked,
    region: Option<&str>,
) -> Result<Result<(PublicVerdict, Option<Evidence>), &'static str>, rampart_store::StoreError> {
    let indicators = match indicators_of(asked, region) {
        Ok(i) => i,
        Err(field) => return Ok(Err(field)),
    };
    let mut evidence = Vec::with_capacity(indicators.len());
    for (kind, value) in indicators.into_iter().take(MAX_LOOKUPS) {
        let brand = brand_match(state, kind, &value);
        let (warned, campaign) = known_campaign(state, kind, &value).await?;
        let warned = warned
            || state
                .pipeline
                .warnings
                .reason(kind.as_str(), &value)
                .is_some();
        evidence.push(Evidence {
            kind: kind.as_str().to_string(),
            value,
            brand,
            warned,
            campaign,
        });
    }
    let decision = decide(&evidence, state.settings.portal.known_scam_min_reporters);
    let decided = decision.decided_by.and_then(|i| evidence.get(i).cloned());
    Ok(Ok((decision.verdict, decided)))
}

/// The words of an answer in one language.
fn words(
    t: &Tr,
    verdict: PublicVerdict,
    decided: Option<&Evidence>,
) -> (String, String, Option<String>, Option<String>) {
    // Only a known scam is described: a campaign under the public threshold stays private.
    let campaign = decided
        .and_then(|e| e.campaign.as_ref())
        .filter(|_| verdict == PublicVerdict::KnownScam);
    let message = match verdict {
        PublicVerdict::KnownScam => t.n(
            "verdict-known_scam",
            "count",
            campaign.map_or(0, |c| i64::try_from(c.reporters).unwrap_or(i64::MAX)),
        ),
        v => t.t(&format!("verdict-{}", v.as_str())),
    };
    let advice = match verdict {
        PublicVerdict::Official => t.t("check-advice-official"),
        PublicVerdict::KnownScam | PublicVerdict::Lookalike => t.t("check-advice-scam"),
        PublicVerdict::Unknown => t.t("check-advice-unknown"),
    };
    let since = campaign.map(|c| t.s("check-known-since", "date", &t.date(c.first_reported)));
    let channels = campaign.filter(|c| !c.channels.is_empty()).map(|c| {
        let names: Vec<String> = c
            .channels
            .iter()
            .map(|ch| t.t(&format!("channel-{ch}")))
            .collect();
        t.s("check-known-channels", "channels", &names.join(", "))
    });
    (message, advice, since, channels)
}

fn field_problem(field: &str, detail: &str) -> Problem {
    Problem::invalid(vec![FieldError {
        pointer: format!("#/{field}"),
        detail: detail.to_string(),
        message: None,
    }])
}

/// Is this really the brand? One of `text`, `url`, `email`, `phone`.
#[utoipa::path(
    post, path = "/api/v1/check", tag = "public",
    request_body = CheckInput,
    responses(
        (status = 200, description = "The verdict and advice", body = CheckAnswer),
        (status = 422, description = "Not exactly one input, or one that cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many checks from this address", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn api(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let client = crate::intake::client_addr(
        &state,
        connect.as_ref().map(|Extension(ConnectInfo(a))| *a),
        &headers,
    );
    if let Err(limited) = state.limits.check(client) {
        return Problem::rate_limited(limited).into_response();
    }
    let input: CheckInput = match parse_json(&headers, &body) {
        Ok(i) => i,
        Err(p) => return p.into_response(),
    };
    let given: Vec<(&str, &String)> = [
        ("text", input.text.as_ref()),
        ("url", input.url.as_ref()),
        ("email", input.email.as_ref()),
        ("phone", input.phone.as_ref()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.trim().is_empty()).map(|v| (k, v)))
    .collect();
    let (field, value) = match given.as_slice() {
        [one] => *one,
        [] => {
            return field_problem("text", "give one of text, url, email or phone").into_response();
        }
        _ => {
            return field_problem(given[1].0, "give only one of text, url, email or phone")
                .into_response();
        }
    };
    if value.chars().count() > MAX_CHECK_CHARS {
        return field_problem(field, &format!("longer than {MAX_CHECK_CHARS} characters"))
            .into_response();
    }
    if let Some(l) = &input.locale
        && (l.len() > 35 || l.contains('\0'))
    {
        return field_problem("locale", "not a BCP 47 language tag").into_response();
    }
    let lang = input
        .locale
        .as_deref()
        .and_then(i18n::find)
        .unwrap_or(&i18n::LANGUAGES[0]);
    let region = crate::processing::region_hint(None, input.locale.as_deref());
    let asked = match field {
        "url" => Asked::Url(value.clone()),
        "email" => Asked::Email(value.clone()),
        "phone" => Asked::Phone(value.clone()),
        _ => Asked::Text(value.clone()),
    };
    let (verdict, decided) = match assess(&state, &asked, region.as_deref()).await {
        Ok(Ok(v)) => v,
        Ok(Err(field)) => {
            let what = match field {
                "url" => "not a link",
                "email" => "not an e-mail address",
                _ => "not a phone number; give it in international form such as +44 20 7946 0958",
            };
            return field_problem(field, what).into_response();
        }
        Err(e) => {
            tracing::error!(error = %e, "check lookup failed");
            return Problem::unavailable().into_response();
        }
    };
    metrics::counter!("rampart_checks_total", "verdict" => verdict.as_str()).increment(1);
    let t = Tr::new(lang, state.settings.brand_name());
    let (message, advice, since, channels) = words(&t, verdict, decided.as_ref());
    let description = match (since, channels) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    }
    .map(|d| i18n::without_isolates(&d));
    let (message, advice) = (
        i18n::without_isolates(&message),
        i18n::without_isolates(&advice),
    );
    let answer = CheckAnswer {
        verdict: verdict.as_str().to_string(),
        message,
        advice,
        description,
        matched: decided.as_ref().map(|e| Matched {
            kind: e.kind.clone(),
            value: e.value.clone(),
        }),
        campaign: decided
            .as_ref()
            .and_then(|e| e.campaign.as_ref())
            .filter(|_| verdict == PublicVerdict::KnownScam)
            .map(|c| PublicCampaign {
                reporters: c.reporters,
                first_reported: crate::intake::rfc3339(c.first_reported),
                channels: c.channels.clone(),
            }),
        locale: lang.tag.to_string(),
    };
    axum::Json(answer).into_response()
}

/// What the page shows of an answer.
pub struct ResultView {
    pub verdict: &'static str,
    pub value: String,
    pub message: String,
    pub advice: String,
    pub since: Option<String>,
    pub channels: Option<String>,
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    page: Page,
    result: Option<ResultView>,
    error: Option<String>,
    input: String,
    official: Vec<String>,
}

fn official_channels(state: &AppState) -> Vec<String> {
    state
        .settings
        .brands
        .iter()
        .flat_map(|b| b.domains.iter().chain(b.phones.iter()).cloned())
        .take(20)
        .collect()
}

fn render(
    state: &AppState,
    reader: &Reader,
    status: StatusCode,
    result: Option<ResultView>,
    error: Option<String>,
    input: String,
) -> Response {
    let page = Page::new(
        reader.tr.clone(),
        state.settings.brand_name(),
        "nav-check",
        "/check",
        "check",
    );
    html(
        status,
        reader,
        CheckPage {
            page,
            result,
            error,
            input,
            official: official_channels(state),
        }
        .render(),
    )
}

/// `GET /check`.
pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LangQuery>,
) -> Response {
    let reader = reader(&state, &headers, q.lang.as_deref());
    render(&state, &reader, StatusCode::OK, None, None, String::new())
}

#[derive(Debug, Deserialize)]
pub struct CheckForm {
    #[serde(default)]
    input: String,
    lang: Option<String>,
}

/// What one pasted line most likely is.
fn classify(input: &str) -> Asked {
    let trimmed = input.trim();
    let one_line = !trimmed.contains('\n');
    let phoneish = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && trimmed.chars().filter(char::is_ascii_digit).count() >= 6;
    if one_line && phoneish {
        Asked::Phone(trimmed.to_string())
    } else {
        Asked::Text(trimmed.to_string())
    }
}

/// `POST /check` from the page's form.
pub async fn submit(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    form: Result<axum::Form<CheckForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = match form {
        Ok(axum::Form(f)) => f,
        Err(_) => CheckForm {
            input: String::new(),
            lang: None,
        },
    };
    let reader = reader(&state, &headers, form.lang.as_deref());
    let client = crate::intake::client_addr(
        &state,
        connect.as_ref().map(|Extension(ConnectInfo(a))| *a),
        &headers,
    );
    if let Err(limited) = state.limits.check(client) {
        return super::form::rate_limited(&state, &reader, limited);
    }
    let input: String = form.input.chars().take(MAX_CHECK_CHARS + 1).collect();
    let problem = if input.trim().is_empty() {
        Some(reader.tr.t("check-empty"))
    } else if input.chars().count() > MAX_CHECK_CHARS {
        Some(reader.tr.n("check-too-long", "max", MAX_CHECK_CHARS as i64))
    } else {
        None
    };
    if let Some(e) = problem {
        return render(
            &state,
            &reader,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(e),
            input,
        );
    }
    let region = crate::processing::region_hint(
        None,
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split([',', ';']).next()),
    );
    let mut asked = classify(&input);
    let mut assessed = assess(&state, &asked, region.as_deref()).await;
    // Digits that are no valid number may still be part of a message: read them as text.
    if matches!(assessed, Ok(Err(_))) {
        asked = Asked::Text(input.trim().to_string());
        assessed = assess(&state, &asked, region.as_deref()).await;
    }
    let (verdict, decided) = match assessed {
        Ok(Ok(v)) => v,
        Ok(Err(_)) => (PublicVerdict::Unknown, None),
        Err(e) => {
            tracing::error!(error = %e, "check lookup failed");
            return super::error_page(
                &state,
                &reader,
                StatusCode::SERVICE_UNAVAILABLE,
                "error-server-title",
                reader.tr.t("error-try-again"),
            );
        }
    };
    metrics::counter!("rampart_checks_total", "verdict" => verdict.as_str()).increment(1);
    let (message, advice, since, channels) = words(&reader.tr, verdict, decided.as_ref());
    let shown: String = input.trim().chars().take(200).collect();
    let result = ResultView {
        verdict: verdict.as_str(),
        value: shown,
        message,
        advice,
        since,
        channels,
    };
    render(&state, &reader, StatusCode::OK, Some(result), None, input)
}
