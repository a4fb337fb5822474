//! Work after a report is committed: extract its indicators, judge them against the protected
//! brands and the warning list, detect its language and fingerprint its script, then store
//! all of it in one transaction. Runs from the durable job queue.

use std::time::Duration;

use rampart_indicators::brand::{BrandSet, BrandVerdict, Verdict};
use rampart_indicators::{ExtractOptions, Indicator, IndicatorKind, PhoneE164, RegistrableDomain};
use rampart_intel::warning::WarningList;
use rampart_store::{Job, NewLink, Processed, ProcessingInput};
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;
use unicode_normalization::UnicodeNormalization;

use crate::AppState;
use crate::intake::millis;
use crate::settings::Settings;

/// Most indicators kept from one report (bounded work and storage per report).
pub const MAX_INDICATORS_PER_REPORT: usize = 1_000;
/// Longest handle kept from a sender field.
const MAX_HANDLE_CHARS: usize = 100;

/// Everything processing needs that does not change while the service runs.
pub struct Pipeline {
    pub brands: BrandSet,
    pub warnings: WarningList,
}

impl Pipeline {
    pub fn new(settings: &Settings) -> Result<Pipeline, String> {
        let brands =
            BrandSet::new(&settings.brands).map_err(|e| format!("brand configuration: {e}"))?;
        let warnings = WarningList::builtin()
            .with_domains(settings.warning_list.domains.iter().map(String::as_str));
        Ok(Pipeline { brands, warnings })
    }

    /// What a report's text yields: its language and every indicator with its verdict.
    pub fn process(&self, r: &ProcessingInput) -> (Option<String>, Vec<NewLink>) {
        let region = region_hint(r.country.as_deref(), r.locale.as_deref());
        let opts = ExtractOptions {
            region: region.clone(),
            max_indicators: MAX_INDICATORS_PER_REPORT,
        };
        let mut links = Vec::new();
        let reporter = r.reporter_email.as_deref().map(str::to_lowercase);
        let push = |i: Indicator, source: &str, links: &mut Vec<NewLink>| {
            links.push(self.link(i, source));
        };
        let extract = |text: &str| {
            without_reporter(
                rampart_indicators::extract(text, &opts),
                reporter.as_deref(),
            )
        };
        if let Some(sender) = &r.sender {
            match self.sender_indicator(sender, region.as_deref()) {
                SenderIndicator::Found(found) => {
                    for i in without_reporter(found, reporter.as_deref()) {
                        push(i, "sender", &mut links);
                    }
                }
                SenderIndicator::Handle(h) => links.push(NewLink {
                    kind: "handle".into(),
                    raw: sender.clone(),
                    start: 0,
                    end: i64::try_from(sender.len()).unwrap_or(0),
                    value: h,
                    unicode: None,
                    verdict: "unknown".into(),
                    brand: None,
                    score: 0.0,
                    reason: "social-media or display handle".into(),
                    warning: None,
                    source: "sender".into(),
                }),
                SenderIndicator::Nothing => {}
            }
        }
        if let Some(subject) = &r.subject {
            for i in extract(subject) {
                push(i, "subject", &mut links);
            }
        }
        for i in extract(&r.body) {
            if links.len() >= MAX_INDICATORS_PER_REPORT {
                break;
            }
            push(i, "body", &mut links);
        }
        // What the reporter typed into the form's own fields: the number that called, the links
        // they copied and their account of what happened.
        let typed = [
            ("phone", r.phone_number.as_deref()),
            ("description", r.description.as_deref()),
            ("headers", r.header_text.as_deref()),
            ("hidden", r.hidden_text.as_deref()),
        ]
        .into_iter()
        .chain(r.links.iter().map(|l| ("links", Some(l.as_str()))));
        for (source, text) in typed {
            let Some(text) = text else { continue };
            for i in extract(text) {
                if links.len() >= MAX_INDICATORS_PER_REPORT {
                    break;
                }
                push(i, source, &mut links);
            }
        }
        for key in rampart_intel::script::fingerprints(&r.body) {
            links.push(NewLink {
                kind: "script".into(),
                value: format!("{key:016x}"),
                unicode: None,
                verdict: "unknown".into(),
                brand: None,
                score: 0.0,
                reason: "near-duplicate text key".into(),
                warning: None,
                source: "body".into(),
                raw: String::new(),
                start: 0,
                end: 0,
            });
        }
        let mut text = String::new();
        if let Some(s) = &r.subject {
            text.push_str(s);
            text.push('\n');
        }
        text.push_str(&r.body);
        let language = rampart_indicators::lang::detect(&text).map(|l| l.code.to_string());
        (language, links)
    }

    pub fn verdict(&self, kind: IndicatorKind, value: &str) -> BrandVerdict {
        match kind {
            IndicatorKind::Domain => self.brands.check_host(value),
            IndicatorKind::Url => self.brands.check_url(value),
            IndicatorKind::Email => self.brands.check_email(value),
            IndicatorKind::Phone => self.brands.check_phone(value),
            _ => BrandVerdict {
                verdict: Verdict::Unknown,
                brand: None,
                score: 0.0,
                reason: "not a kind a brand channel can be".into(),
            },
        }
    }

    fn link(&self, i: Indicator, source: &str) -> NewLink {
        let v = self.verdict(i.kind, &i.value);
        let warning = self
            .warnings
            .reason(i.kind.as_str(), &i.value)
            .map(|r| r.to_string());
        NewLink {
            kind: i.kind.as_str().to_string(),
            verdict: verdict_str(v.verdict).to_string(),
            brand: v.brand,
            score: f64::from(v.score),
            reason: v.reason,
            warning,
            source: source.to_string(),
            start: i64::try_from(i.start).unwrap_or(0),
            end: i64::try_from(i.end).unwrap_or(0),
            raw: i.raw,
            value: i.value,
            unicode: i.unicode,
        }
    }

    fn sender_indicator(&self, sender: &str, region: Option<&str>) -> SenderIndicator {
        let opts = ExtractOptions {
            region: region.map(str::to_string),
            max_indicators: 8,
        };
        if let Ok(p) = PhoneE164::parse(sender, region) {
            let s = p.as_str().to_string();
            return SenderIndicator::Found(vec![Indicator {
                kind: IndicatorKind::Phone,
                value: s,
                raw: sender.to_string(),
                start: 0,
                end: sender.len(),
                unicode: None,
            }]);
        }
        let found = rampart_indicators::extract(sender, &opts);
        if !found.is_empty() {
            return SenderIndicator::Found(found);
        }
        match normalise_handle(sender) {
            Some(h) => SenderIndicator::Handle(h),
            None => SenderIndicator::Nothing,
        }
    }
}

enum SenderIndicator {
    Found(Vec<Indicator>),
    Handle(String),
    Nothing,
}

pub fn verdict_str(v: Verdict) -> &'static str {
    match v {
        Verdict::Official => "official",
        Verdict::Lookalike => "lookalike",
        Verdict::Unknown => "unknown",
    }
}

/// `@Amazon_Help ` and `amazon_help` are one handle: NFKC, lower case, no leading `@`, single
/// spaces.
pub fn normalise_handle(raw: &str) -> Option<String> {
    let folded: String = raw.nfkc().collect::<String>().to_lowercase();
    let trimmed = folded.trim().trim_start_matches('@').trim();
    let collapsed = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty()
        || collapsed.chars().count() > MAX_HANDLE_CHARS
        || collapsed.chars().any(char::is_control)
    {
        return None;
    }
    Some(collapsed)
}

/// The victim's own address appears in forwarded mail, and so does the domain inside it; neither
/// says anything about the scam, and both would tie together unrelated scams reported by people
/// of one company.
fn without_reporter(found: Vec<Indicator>, reporter: Option<&str>) -> Vec<Indicator> {
    let Some(reporter) = reporter else {
        return found;
    };
    let spans: Vec<(usize, usize)> = found
        .iter()
        .filter(|i| i.kind == IndicatorKind::Email && i.value == reporter)
        .map(|i| (i.start, i.end))
        .collect();
    if spans.is_empty() {
        return found;
    }
    found
        .into_iter()
        .filter(|i| !spans.iter().any(|(s, e)| i.start >= *s && i.end <= *e))
        .collect()
}

/// A phone region from the reporter's country, or else from the region subtag of their locale
/// (`pt-BR` → BR).
pub fn region_hint(country: Option<&str>, locale: Option<&str>) -> Option<String> {
    if let Some(c) = country {
        return Some(c.to_ascii_uppercase());
    }
    let locale = locale?;
    locale
        .split(['-', '_'])
        .skip(1)
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
}

/// The normalised form of a value someone typed into a lookup, so `+44 20 7946 0958` finds
/// `+442079460958`.
pub fn normalise_lookup(kind: &str, value: &str) -> String {
    let value = value.trim();
    match kind {
        "phone" => PhoneE164::parse(value, None)
            .map_or_else(|_| value.to_string(), |p| p.as_str().to_string()),
        "domain" => RegistrableDomain::from_host(value)
            .map_or_else(|_| value.to_lowercase(), |d| d.as_str().to_string()),
        "email" | "eth" => value.to_lowercase(),
        "handle" => normalise_handle(value).unwrap_or_else(|| value.to_string()),
        "ipv6" => value
            .parse::<std::net::Ipv6Addr>()
            .map_or_else(|_| value.to_lowercase(), |ip| ip.to_string()),
        "url" => rampart_indicators::extract(value, &ExtractOptions::default())
            .into_iter()
            .find(|i| i.kind == IndicatorKind::Url)
            .map_or_else(|| value.to_string(), |i| i.value),
        _ => value.to_string(),
    }
}

/// Runs one job worker until `cancel`: claims due jobs, runs each to the end, and only then
/// looks at `cancel` again, so shutdown never abandons a job half-way.
pub async fn run_worker(state: AppState, worker: String, cancel: CancellationToken) {
    let lock_ms = 5 * 60 * 1000;
    loop {
        if cancel.is_cancelled() {
            break;
        }
        let now = millis(OffsetDateTime::now_utc());
        let jobs = match state.store.claim_jobs(&worker, now, lock_ms, 16).await {
            Ok(jobs) => jobs,
            Err(e) => {
                tracing::warn!(worker = %worker, error = %e, "could not claim jobs");
                Vec::new()
            }
        };
        if jobs.is_empty() {
            tokio::select! {
                _ = cancel.cancelled() => break,
                _ = state.work.notified() => {},
                _ = tokio::time::sleep(Duration::from_millis(500)) => {},
            }
            continue;
        }
        let (reports, others): (Vec<Job>, Vec<Job>) = jobs
            .into_iter()
            .partition(|j| j.kind == rampart_store::PROCESS_REPORT);
        let (acknowledgements, others): (Vec<Job>, Vec<Job>) = others
            .into_iter()
            .partition(|j| j.kind == rampart_store::SEND_ACKNOWLEDGEMENT);
        let (notices, others): (Vec<Job>, Vec<Job>) = others
            .into_iter()
            .partition(|j| j.kind == rampart_store::SEND_NOTICE);
        let (webhooks, others): (Vec<Job>, Vec<Job>) = others
            .into_iter()
            .partition(|j| j.kind == crate::webhooks::DELIVER_WEBHOOK);
        if !reports.is_empty() {
            let span = tracing::info_span!("process_reports", jobs = reports.len());
            process_reports(&state, &worker, reports)
                .instrument(span)
                .await;
        }
        if !acknowledgements.is_empty() {
            let span = tracing::info_span!("send_acknowledgements", jobs = acknowledgements.len());
            crate::acknowledge::run_jobs(&state, &worker, acknowledgements)
                .instrument(span)
                .await;
        }
        if !notices.is_empty() {
            let span = tracing::info_span!("send_notices", jobs = notices.len());
            crate::notices::run_jobs(&state, &worker, notices)
                .instrument(span)
                .await;
        }
        if !webhooks.is_empty() {
            let span = tracing::info_span!("deliver_webhooks", jobs = webhooks.len());
            crate::webhooks::run_jobs(&state, &worker, webhooks)
                .instrument(span)
                .await;
        }
        // Kinds this version does not know (a newer node queued them) wait for their attempts
        // to run out, then stay as dead jobs for an operator.
        for job in others {
            fail(
                &state,
                &worker,
                &job,
                &format!("unknown job kind {:?}", job.kind),
            )
            .await;
        }
    }
    tracing::info!(worker = %worker, "job worker stopped");
}

/// Exponential backoff from one second, capped at an hour.
pub fn retry_backoff_ms(attempts: i64) -> i64 {
    let exp = u32::try_from(attempts.clamp(0, 12)).unwrap_or(12);
    (1000_i64 << exp).min(3_600_000)
}

#[derive(serde::Deserialize)]
struct ReportPayload {
    report_id: i64,
}

/// Processes a batch of reports: reads them, extracts and judges off the async threads, then
/// stores every result and removes every finished job in one transaction. A job that cannot be
/// done is retried later on its own.
async fn process_reports(state: &AppState, worker: &str, jobs: Vec<Job>) {
    let mut todo = Vec::with_capacity(jobs.len());
    let mut done = Vec::with_capacity(jobs.len());
    for job in &jobs {
        let id = match serde_json::from_str::<ReportPayload>(&job.payload) {
            Ok(p) => p.report_id,
            Err(e) => {
                fail(state, worker, job, &format!("bad payload: {e}")).await;
                continue;
            }
        };
        match state.store.processing_input(id).await {
            Ok(Some(input)) if input.processed => done.push(job.id),
            Ok(Some(input)) => {
                todo.push(input);
                done.push(job.id);
            }
            Ok(None) => fail(state, worker, job, &format!("report {id} does not exist")).await,
            Err(e) => fail(state, worker, job, &e.to_string()).await,
        }
    }
    if done.is_empty() {
        return;
    }
    let pipeline = state.pipeline.clone();
    // Extraction is CPU work on attacker-sized input; keep it off the async threads.
    let processed = tokio::task::spawn_blocking(move || {
        todo.iter()
            .map(|input| {
                let (language, links) = pipeline.process(input);
                Processed {
                    report_id: input.id,
                    language,
                    links,
                }
            })
            .collect::<Vec<_>>()
    })
    .await;
    let processed = match processed {
        Ok(p) => p,
        Err(e) => {
            for job in jobs.iter().filter(|j| done.contains(&j.id)) {
                fail(state, worker, job, &format!("extraction failed: {e}")).await;
            }
            return;
        }
    };
    let links: usize = processed.iter().map(|p| p.links.len()).sum();
    let now = millis(OffsetDateTime::now_utc());
    match state
        .store
        .save_processing_batch(&processed, &done, worker, now)
        .await
    {
        Ok(stored) => {
            metrics::counter!("rampart_jobs_processed_total", "kind" => rampart_store::PROCESS_REPORT, "outcome" => "done")
                .increment(done.len() as u64);
            metrics::counter!("rampart_indicators_extracted_total").increment(links as u64);
            tracing::debug!(stored, links, "reports processed");
            state.correlate.notify_one();
        }
        Err(e) if e.is_unavailable() => {
            for job in jobs.iter().filter(|j| done.contains(&j.id)) {
                fail(state, worker, job, &e.to_string()).await;
            }
        }
        Err(e) => {
            // One report the database refuses must not hold back the others of its batch:
            // store them one by one, so only the culprit fails (and retries).
            tracing::warn!(error = %e, "batch could not be stored; storing its reports one by one");
            let by_report: std::collections::HashMap<i64, Processed> =
                processed.into_iter().map(|p| (p.report_id, p)).collect();
            for job in jobs.iter().filter(|j| done.contains(&j.id)) {
                let report = serde_json::from_str::<ReportPayload>(&job.payload)
                    .ok()
                    .map(|p| p.report_id);
                let one: Vec<Processed> = report
                    .and_then(|r| by_report.get(&r).cloned())
                    .into_iter()
                    .collect();
                match state
                    .store
                    .save_processing_batch(&one, &[job.id], worker, now)
                    .await
                {
                    Ok(_) => state.correlate.notify_one(),
                    Err(e) => fail(state, worker, job, &e.to_string()).await,
                }
            }
        }
    }
}

pub(crate) async fn fail(state: &AppState, worker: &str, job: &Job, error: &str) {
    metrics::counter!("rampart_jobs_processed_total", "kind" => job.kind.clone(), "outcome" => "failed").increment(1);
    let backoff = retry_backoff_ms(job.attempts);
    tracing::warn!(job_id = job.id, error = %error, attempts = job.attempts, retry_in_ms = backoff, "job failed");
    let now = millis(OffsetDateTime::now_utc());
    if let Err(e) = state
        .store
        .fail_job(job, worker, error, now + backoff)
        .await
    {
        tracing::warn!(error = %e, "could not record job failure; its lock will expire");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reporters_own_address_and_its_domain_are_left_out() {
        let text = "To: Hana <hana@smallco-trading.co.jp>\nVisit https://smallco-trading.co.jp/x or pay at parcel-fee.com";
        let found = without_reporter(
            rampart_indicators::extract(text, &ExtractOptions::default()),
            Some("hana@smallco-trading.co.jp"),
        );
        let kinds: Vec<(&str, &str)> = found
            .iter()
            .map(|i| (i.kind.as_str(), i.value.as_str()))
            .collect();
        assert!(!kinds.iter().any(|(k, _)| *k == "email"), "{kinds:?}");
        // The same domain written elsewhere in the message is the message's, not the address's.
        assert!(
            kinds.contains(&("domain", "smallco-trading.co.jp")),
            "{kinds:?}"
        );
        assert!(kinds.contains(&("domain", "parcel-fee.com")), "{kinds:?}");
        let domains = kinds
            .iter()
            .filter(|(k, v)| *k == "domain" && *v == "smallco-trading.co.jp")
            .count();
        assert_eq!(domains, 1, "{kinds:?}");
    }

    #[test]
    fn region_hints() {
        assert_eq!(
            region_hint(Some("gb"), Some("fr-FR")).as_deref(),
            Some("GB")
        );
        assert_eq!(region_hint(None, Some("pt-BR")).as_deref(), Some("BR"));
        assert_eq!(region_hint(None, Some("zh-Hans-CN")).as_deref(), Some("CN"));
        assert_eq!(region_hint(None, Some("en")), None);
        assert_eq!(region_hint(None, None), None);
    }

    #[test]
    fn handles() {
        assert_eq!(
            normalise_handle("@Amazon_Help ").as_deref(),
            Some("amazon_help")
        );
        assert_eq!(
            normalise_handle("  Amazon   Support ").as_deref(),
            Some("amazon support")
        );
        assert_eq!(normalise_handle("ｐａｙｐａｌ").as_deref(), Some("paypal"));
        assert_eq!(normalise_handle("@"), None);
        assert_eq!(normalise_handle(&"x".repeat(101)), None);
    }

    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(retry_backoff_ms(0), 1000);
        assert_eq!(retry_backoff_ms(3), 8000);
        assert_eq!(retry_backoff_ms(50), 3_600_000);
    }
}
