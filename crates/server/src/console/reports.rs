//! Triage, reports, campaigns and indicators in the console: the queue of new reports with
//! filters and keyboard shortcuts, a report shown safely (its raw message as text, links
//! defanged), campaign pages with a chart and a graph drawn on the server, and the analysts'
//! corrections (accept or dismiss, merge, split, benign).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, RawForm, State};
use axum::response::Response;
use axum::routing::{get, post};
use rampart_indicators::extract::IndicatorKind;
use rampart_store::{
    CampaignDetail, CampaignRow, CaseRow, IndicatorDetail, ManualLink, ReportCursor, ReportFilter,
    ReportIndicator, ReportRow,
};
use serde::Deserialize;

use super::{ConsoleError, FormFields, Layout, Staff, page, see_other};
use crate::AppState;
use crate::auth::Permission;
use crate::casework::{self, MergeInput, ReasonInput, SplitInput, TriageInput};
use crate::i18n::Tr;
use crate::problem::Arg;
use crate::read::{ReportQuery, report_filter};
use crate::svg;

/// How much of a raw message the report page shows (the whole is a download).
const RAW_PREVIEW_BYTES: usize = 256 * 1024;
/// Reports per page in lists.
const PAGE_SIZE: u32 = 50;

/// Shows a value of `kind` so nobody can click or paste it by accident.
pub fn defang(kind: &str, value: &str) -> String {
    match IndicatorKind::ALL.into_iter().find(|k| k.as_str() == kind) {
        Some(k) => rampart_casework::summary::defang(k, value),
        None => value.to_string(),
    }
}

/// Defangs everything in `text` that could be followed or pasted as a live address: schemes
/// (`hxxp://`, `javascript[:]`), dots between a name and what looks like its next label
/// (`evil[.]example`, in any script), and the `@` of addresses (`pay[@]evil[.]example`).
/// Prose keeps its full stops (a dot before a space, a digit or the end stays as it is).
pub fn defang_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut i = 0;
    let starts = |i: usize, word: &str| {
        let mut k = i;
        for w in word.chars() {
            match chars.get(k) {
                Some(c) if c.to_ascii_lowercase() == w => k += 1,
                _ => return false,
            }
        }
        true
    };
    while i < chars.len() {
        let c = chars[i];
        if (c == 'h' || c == 'H') && (starts(i, "http://") || starts(i, "https://")) {
            out.push_str("hxxp");
            i += 4;
            continue;
        }
        if (c == 'j' || c == 'J') && starts(i, "javascript:") {
            out.push_str("javascript[:]");
            i += "javascript:".len();
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let named =
            |p: Option<char>| p.is_some_and(|p| p.is_alphanumeric() || p == '-' || p == '_');
        if c == '.' && named(prev) && next.is_some_and(char::is_alphabetic) {
            out.push_str("[.]");
        } else if c == '@' && named(prev) && next.is_some_and(char::is_alphanumeric) {
            out.push_str("[@]");
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// The filters as the page shows them back.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub channel: String,
    pub language: String,
    pub country: String,
    pub verdict: String,
    pub campaign: String,
    pub since: String,
    pub until: String,
    pub q: String,
    pub cursor: String,
}

impl Filters {
    /// Whether `value` is the chosen channel or verdict, for the filter form.
    pub fn chose(&self, which: impl AsRef<str>, value: impl AsRef<str>) -> bool {
        let chosen = match which.as_ref() {
            "channel" => &self.channel,
            "verdict" => &self.verdict,
            _ => return false,
        };
        chosen == value.as_ref()
    }

    fn query(&self, t: &Tr, untriaged: bool) -> Result<ReportQuery, ConsoleError> {
        let opt = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        let campaign = match opt(&self.campaign) {
            None => None,
            Some(c) => Some(
                c.trim_start_matches('#')
                    .parse::<i64>()
                    .map_err(|_| ConsoleError::bad_request(t, "console-error-campaign-number"))?,
            ),
        };
        Ok(ReportQuery {
            channel: opt(&self.channel),
            campaign,
            country: opt(&self.country).map(|c| c.to_ascii_uppercase()),
            language: opt(&self.language),
            since: opt(&self.since),
            until: opt(&self.until),
            untriaged: Some(untriaged),
            verdict: opt(&self.verdict),
            q: opt(&self.q),
            cursor: opt(&self.cursor),
            limit: Some(PAGE_SIZE),
        })
    }

    /// The query string for the next page.
    fn next_link(&self, path: &str, cursor: &str) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("channel", &self.channel),
            ("language", &self.language),
            ("country", &self.country),
            ("verdict", &self.verdict),
            ("campaign", &self.campaign),
            ("since", &self.since),
            ("until", &self.until),
            ("q", &self.q),
        ] {
            if !v.trim().is_empty() {
                parts.push(format!("{k}={}", super::encode_component(v.trim())));
            }
        }
        parts.push(format!("cursor={}", super::encode_component(cursor)));
        format!("{path}?{}", parts.join("&"))
    }
}

/// A report as a row of a list.
pub struct Row {
    pub id: i64,
    pub reference: String,
    pub received: String,
    pub channel: String,
    pub country: String,
    pub language: String,
    pub subject: String,
    pub campaign_id: Option<i64>,
    pub status: String,
}

fn one_line(s: &str, max: usize) -> String {
    rampart_casework::summary::clean(s, max)
}

fn row_of(r: &ReportRow) -> Row {
    let subject = r
        .subject
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&r.body);
    Row {
        id: r.id,
        reference: r.reference.clone(),
        received: super::when(&r.received_at),
        channel: r.channel.clone(),
        country: r.country.clone().unwrap_or_default(),
        language: r.language.clone().unwrap_or_default(),
        subject: defang_text(&one_line(subject, 120)),
        campaign_id: r.campaign_id,
        status: r.status.clone(),
    }
}

#[derive(Template)]
#[template(path = "console/reports.html")]
struct ReportsPage {
    layout: Layout,
    triage: bool,
    rows: Vec<Row>,
    f: Filters,
    next: Option<String>,
    channels: [&'static str; 6],
}

/// The channels a report comes through (`console-channel-` names them).
pub const CHANNELS: [&str; 6] = ["email", "sms", "phone_call", "social_media", "web", "other"];

async fn list(
    state: &AppState,
    staff: &Staff,
    f: Filters,
    triage: bool,
) -> Result<Response, ConsoleError> {
    staff.require(Permission::Read)?;
    let t = staff.t();
    let (filter, cursor, limit) = report_filter(f.query(&t, triage)?)?;
    let rows = state.store.reports(&filter, cursor, limit).await?;
    let path = if triage {
        "/console/triage"
    } else {
        "/console/reports"
    };
    let next = (rows.len() == limit as usize)
        .then(|| rows.last())
        .flatten()
        .map(|r| {
            f.next_link(
                path,
                &crate::read::encode_cursor(ReportCursor {
                    received_at: r.received_at,
                    id: r.id,
                }),
            )
        });
    let title = if triage {
        t.t("console-triage-title")
    } else if f.q.trim().is_empty() {
        t.t("console-reports-title")
    } else {
        t.s(
            "console-reports-title-search",
            "query",
            &one_line(&f.q, 100),
        )
    };
    Ok(page(ReportsPage {
        layout: staff.layout(&title, if triage { "triage" } else { "reports" }),
        triage,
        rows: rows.iter().map(row_of).collect(),
        f,
        next,
        channels: CHANNELS,
    }))
}

async fn triage_queue(
    State(state): State<AppState>,
    staff: Staff,
    Query(f): Query<Filters>,
) -> Result<Response, ConsoleError> {
    list(&state, &staff, f, true).await
}

async fn reports(
    State(state): State<AppState>,
    staff: Staff,
    Query(f): Query<Filters>,
) -> Result<Response, ConsoleError> {
    list(&state, &staff, f, false).await
}

async fn do_triage(
    State(state): State<AppState>,
    staff: Staff,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let f = FormFields::checked(&staff, &raw)?;
    casework::triage(
        &state,
        &staff.caller,
        TriageInput {
            report_ids: f.ids("report_id"),
            decision: f.get("decision").to_string(),
            reason: f.optional("reason"),
        },
    )
    .await?;
    let back = f.get("back");
    Ok(see_other(
        if back.starts_with("/console/") && !back.starts_with("//") {
            back
        } else {
            "/console/triage"
        },
    ))
}

/// The reason a correction form gives, for the audit trail.
fn reason_of(f: &FormFields) -> ReasonInput {
    ReasonInput {
        reason: f.get("reason").trim().to_string(),
    }
}

/// The cases about an object that this person may see.
async fn cases_about(
    state: &AppState,
    staff: &Staff,
    kind: rampart_store::LinkKind,
    id: i64,
) -> Result<Vec<CaseRow>, ConsoleError> {
    let filter = rampart_store::CaseFilter {
        linked: Some((kind, id)),
        hide_restricted: !staff.caller.can(Permission::Legal),
        ..Default::default()
    };
    Ok(state.store.cases(&filter, 50).await?)
}

/// One line of the report page's facts, in words.
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "console/report.html")]
struct ReportPage {
    layout: Layout,
    report: ReportRow,
    facts: Vec<Fact>,
    body: String,
    raw_text: String,
    /// The message that says how large the raw message is (and whether it is cut).
    raw_size_id: &'static str,
    raw_size: i64,
    indicators: Vec<ReportIndicator>,
    files: Vec<rampart_store::FileRow>,
    links: Vec<String>,
    cases: Vec<CaseRow>,
    triaged: bool,
}

async fn report(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, ConsoleError> {
    staff.require(Permission::Read)?;
    let t = staff.t();
    let Some(report) = state.store.report(id).await? else {
        return Err(ConsoleError::not_found(&t, "console-error-no-report"));
    };
    let (_, raw) = state.store.report_raw(id).await?.unwrap_or_default();
    let raw_size = i64::try_from(raw.len()).unwrap_or(i64::MAX);
    let raw_size_id = if raw.len() > RAW_PREVIEW_BYTES {
        "console-report-raw-size-cut"
    } else {
        "console-report-raw-size"
    };
    let raw_text = defang_text(&String::from_utf8_lossy(
        &raw[..raw.len().min(RAW_PREVIEW_BYTES)],
    ));
    let indicators = state.store.report_indicators(id).await?;
    let files = state.store.report_files(id).await?;
    let cases = cases_about(&state, &staff, rampart_store::LinkKind::Report, id).await?;
    let mut facts = vec![
        Fact {
            label: t.t("console-report-fact-received"),
            value: super::when(&report.received_at),
        },
        Fact {
            label: t.t("console-report-fact-channel"),
            value: t.part("console-channel-", &report.channel, ""),
        },
        Fact {
            label: t.t("console-report-fact-source"),
            value: report.source.clone(),
        },
        Fact {
            label: t.t("console-report-fact-status"),
            value: t.part("console-report-status-", &report.status, ""),
        },
    ];
    let mut add = |label: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            facts.push(Fact {
                label: t.t(label),
                value: v,
            });
        }
    };
    add(
        "console-report-fact-sender",
        report.sender.as_deref().map(defang_text),
    );
    add("console-report-fact-number", report.phone_number.clone());
    add("console-report-fact-country", report.country.clone());
    add("console-report-fact-language", report.language.clone());
    add(
        "console-report-fact-happened",
        report.occurred_at.map(|at| super::when(&at)),
    );
    add("console-report-fact-scam-kind", report.scam_kind.clone());
    add(
        "console-report-fact-money",
        report
            .money_minor
            .zip(report.money_currency.clone())
            .map(|(m, c)| rampart_casework::summary::money(&c, m)),
    );
    add("console-report-fact-paid-by", report.payment_method.clone());
    add(
        "console-report-fact-reporter-email",
        report
            .reporter_email
            .as_ref()
            .map(|_| t.t("console-report-fact-yes")),
    );
    add("console-report-fact-spf", report.auth.spf.clone());
    add("console-report-fact-dkim", report.auth.dkim.clone());
    add("console-report-fact-dmarc", report.auth.dmarc.clone());
    add(
        "console-report-fact-sha256",
        Some(report.raw_sha256.clone()),
    );
    let body = defang_text(&report.body);
    let links = report.links.iter().map(|l| defang_text(l)).collect();
    let triaged = report.status != "received";
    Ok(page(ReportPage {
        layout: staff.layout(
            &t.s("console-report-title", "reference", &report.reference),
            "reports",
        ),
        facts,
        body,
        raw_text,
        raw_size_id,
        raw_size,
        indicators,
        files,
        links,
        cases,
        triaged,
        report,
    }))
}

#[derive(Template)]
#[template(path = "console/campaigns.html")]
struct CampaignsPage {
    layout: Layout,
    campaigns: Vec<CampaignRow>,
    page: u32,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    page: u32,
}

async fn campaigns(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<PageQuery>,
) -> Result<Response, ConsoleError> {
    staff.require(Permission::Read)?;
    let page_no = q.page.min(10_000);
    let campaigns = state
        .store
        .campaigns(page_no * PAGE_SIZE, PAGE_SIZE)
        .await?;
    Ok(page(CampaignsPage {
        layout: staff.layout(&staff.t().t("console-campaigns-title"), "campaigns"),
        campaigns,
        page: page_no,
    }))
}

/// Reports drawn in a campaign's graph at most (the layout is quadratic).
const GRAPH_REPORTS: u32 = 100;

#[derive(Template)]
#[template(path = "console/campaign.html")]
struct CampaignPage {
    layout: Layout,
    d: CampaignDetail,
    chart: String,
    graph: String,
    money: Vec<String>,
    reports: Vec<Row>,
    manual_links: Vec<ManualLink>,
    cases: Vec<CaseRow>,
    can_curate: bool,
}

async fn campaign(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, ConsoleError> {
    staff.require(Permission::Read)?;
    let t = staff.t();
    let Some(d) = state.store.campaign(id, 200).await? else {
        return Err(ConsoleError::not_found(&t, "console-error-no-campaign"));
    };
    if let Some(into) = d.campaign.merged_into {
        return Ok(see_other(&format!("/console/campaigns/{into}")));
    }
    let daily = state.store.campaign_daily(id).await?;
    let chart = svg::daily_chart(&t, &daily, &t.n("console-campaign-chart-title", "id", id));
    let graph_rows = state.store.campaign_graph(id, GRAPH_REPORTS).await?;
    let known: HashMap<i64, &rampart_store::IndicatorRow> =
        d.indicators.iter().map(|(i, _)| (i.id, i)).collect();
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut used: BTreeMap<i64, u32> = BTreeMap::new();
    for (rid, reference, inds) in &graph_rows {
        nodes.push(svg::Node {
            key: format!("r{rid}"),
            label: reference.clone(),
            kind: svg::NodeKind::Report,
            weight: 1,
            hub: false,
        });
        for i in inds {
            if known.contains_key(i) {
                *used.entry(*i).or_default() += 1;
                edges.push(svg::Edge {
                    from: format!("r{rid}"),
                    to: format!("i{i}"),
                });
            }
        }
    }
    for (i, n) in &used {
        if let Some(row) = known.get(i) {
            nodes.push(svg::Node {
                key: format!("i{i}"),
                label: defang(&row.kind, &row.value),
                kind: svg::NodeKind::Indicator,
                weight: *n,
                hub: row.is_hub,
            });
        }
    }
    let graph = svg::graph(
        &t,
        &nodes,
        &edges,
        &t.n("console-campaign-graph-title", "id", id),
    );
    let money = d
        .money
        .iter()
        .map(|m| {
            t.args(
                "console-campaign-money",
                &[
                    (
                        "amount",
                        Arg::Text(rampart_casework::summary::money(&m.currency, m.minor)),
                    ),
                    ("victims", Arg::Number(m.victims)),
                ],
            )
        })
        .collect();
    let filter = ReportFilter {
        campaign_id: Some(id),
        ..ReportFilter::default()
    };
    let reports = state.store.reports(&filter, None, PAGE_SIZE).await?;
    let manual_links = state.store.manual_links(id).await?;
    let cases = cases_about(&state, &staff, rampart_store::LinkKind::Campaign, id).await?;
    Ok(page(CampaignPage {
        layout: staff.layout(&t.n("console-campaign-title", "id", id), "campaigns"),
        chart,
        graph,
        money,
        reports: reports.iter().map(row_of).collect(),
        manual_links,
        cases,
        can_curate: staff.caller.can(Permission::Curate),
        d,
    }))
}

async fn merge(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let f = FormFields::checked(&staff, &raw)?;
    let into: i64 = f
        .get("into")
        .trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| ConsoleError::bad_request(&staff.t(), "console-error-merge-into"))?;
    let input = MergeInput {
        into,
        reason: reason_of(&f).reason,
    };
    casework::merge_campaigns(&state, &staff.caller, id, input).await?;
    Ok(see_other(&format!("/console/campaigns/{into}")))
}

async fn split(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let f = FormFields::checked(&staff, &raw)?;
    let input = SplitInput {
        indicator_ids: f.ids("indicator_id"),
        reason: reason_of(&f).reason,
    };
    casework::split_campaign(&state, &staff.caller, id, input).await?;
    Ok(see_other(&format!("/console/campaigns/{id}")))
}

async fn unlink(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let f = FormFields::checked(&staff, &raw)?;
    casework::remove_manual_link(&state, &staff.caller, id, reason_of(&f)).await?;
    Ok(see_other("/console/campaigns"))
}

#[derive(Template)]
#[template(path = "console/indicator.html")]
struct IndicatorPage {
    layout: Layout,
    d: IndicatorDetail,
    shown: String,
    reports: Vec<Row>,
    can_curate: bool,
}

async fn indicator(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, ConsoleError> {
    staff.require(Permission::Read)?;
    let t = staff.t();
    let Some(d) = state.store.indicator_by_id(id, 50).await? else {
        return Err(ConsoleError::not_found(&t, "console-error-no-indicator"));
    };
    let mut reports = Vec::new();
    for rid in d.report_ids.iter().take(50) {
        if let Some(r) = state.store.report(*rid).await? {
            reports.push(row_of(&r));
        }
    }
    Ok(page(IndicatorPage {
        layout: staff.layout(&t.n("console-indicator-title", "id", id), "campaigns"),
        shown: defang(&d.indicator.kind, &d.indicator.value),
        reports,
        can_curate: staff.caller.can(Permission::Curate),
        d,
    }))
}

async fn benign(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    RawForm(raw): RawForm,
) -> Result<Response, ConsoleError> {
    let f = FormFields::checked(&staff, &raw)?;
    let mark = f.get("benign") != "false";
    casework::set_benign(&state, &staff.caller, id, mark, reason_of(&f)).await?;
    Ok(see_other(&format!("/console/indicators/{id}")))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/console/triage", get(triage_queue).post(do_triage))
        .route("/console/reports", get(reports))
        .route("/console/reports/{id}", get(report))
        .route("/console/campaigns", get(campaigns))
        .route("/console/campaigns/{id}", get(campaign))
        .route("/console/campaigns/{id}/merge", post(merge))
        .route("/console/campaigns/{id}/split", post(split))
        .route("/console/manual-links/{id}/remove", post(unlink))
        .route("/console/indicators/{id}", get(indicator))
        .route("/console/indicators/{id}/benign", post(benign))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defangs_what_could_be_clicked() {
        let t = defang_text("Go to https://evil.example/login?x=1 or mail pay@evil.example now");
        assert!(!t.contains("https://"), "{t}");
        assert!(!t.contains("evil.example/"), "{t}");
        assert!(t.contains("evil[.]example"), "{t}");
        assert!(!t.contains("pay@evil.example"), "{t}");
        let t = defang_text("<a href=\"javascript:alert(1)\">x</a> HTTP://A.B");
        assert!(!t.to_lowercase().contains("javascript:"), "{t}");
        assert!(!t.contains("HTTP://"), "{t}");
    }
}
