//! Acknowledgement e-mails: a reporter who left an address is told, in their language, that
//! their report arrived and where to follow it. Queued in the same transaction as the report
//! (a `send_acknowledgement` job), sent through the configured SMTP relay, retried with
//! backoff while the relay is unavailable, given up on at once when it refuses the address.

use rampart_store::Job;
use time::OffsetDateTime;

use crate::AppState;
use crate::i18n::{self, Tr, without_isolates};
use crate::intake::millis;
use crate::mailer::{OutgoingMail, SendError};

#[derive(serde::Deserialize)]
struct Payload {
    report_id: i64,
}

/// The acknowledgement for one report, in the reporter's language.
pub fn render(tr: &Tr, reference: &str, public_url: &str, to: &str) -> OutgoingMail {
    let url = format!(
        "{}/status/{reference}?lang={}",
        public_url.trim_end_matches('/'),
        tr.lang.tag
    );
    let text = [
        tr.t("email-ack-greeting"),
        String::new(),
        tr.s("email-ack-body", "reference", reference),
        String::new(),
        tr.s("email-ack-status", "url", &url),
        String::new(),
        tr.t("footer-never-ask"),
        String::new(),
        tr.t("email-ack-signoff"),
        String::new(),
    ]
    .join("\n");
    OutgoingMail {
        to: to.to_string(),
        subject: without_isolates(&tr.s("email-ack-subject", "reference", reference)),
        text: without_isolates(&text),
        html: None,
        language: tr.lang.tag.to_string(),
        message_id_hint: Some(format!("ack.{reference}")),
    }
}

/// Acknowledgements sent at once by one worker: with the relay's timeout this bounds how long a
/// batch can take, well inside the lock a claimed job holds, so no other worker takes a job
/// still being sent.
const CONCURRENT_SENDS: usize = 16;

/// Sends the acknowledgements of claimed jobs, side by side.
pub async fn run_jobs(state: &AppState, worker: &str, jobs: Vec<Job>) {
    use futures::StreamExt;
    futures::stream::iter(jobs)
        .for_each_concurrent(CONCURRENT_SENDS, |job| async move {
            let outcome = send_one(state, &job).await;
            record(state, worker, &job, outcome).await;
        })
        .await;
}

async fn record(state: &AppState, worker: &str, job: &Job, outcome: Result<(), SendError>) {
    let now = millis(OffsetDateTime::now_utc());
    let done = match outcome {
        Ok(()) => {
            metrics::counter!("rampart_jobs_processed_total", "kind" => rampart_store::SEND_ACKNOWLEDGEMENT, "outcome" => "done").increment(1);
            state.store.complete_job(job.id, worker).await
        }
        Err(SendError::Temporary(why)) => {
            let attempt = u32::try_from(job.attempts).unwrap_or(u32::MAX);
            let wait = crate::mailer::backoff(attempt);
            tracing::warn!(job_id = job.id, error = %why, attempts = job.attempts, retry_in_s = wait.as_secs(), "acknowledgement not sent; will retry");
            metrics::counter!("rampart_jobs_processed_total", "kind" => rampart_store::SEND_ACKNOWLEDGEMENT, "outcome" => "retry").increment(1);
            let wait_ms = i64::try_from(wait.as_millis()).unwrap_or(i64::MAX);
            state
                .store
                .fail_job(job, worker, &why, now.saturating_add(wait_ms))
                .await
        }
        Err(SendError::Permanent(why)) => {
            tracing::warn!(job_id = job.id, error = %why, "acknowledgement refused for good");
            metrics::counter!("rampart_jobs_processed_total", "kind" => rampart_store::SEND_ACKNOWLEDGEMENT, "outcome" => "refused").increment(1);
            state.store.bury_job(job, worker, &why).await
        }
    };
    if let Err(e) = done {
        tracing::warn!(job_id = job.id, error = %e, "could not record the acknowledgement's outcome; its lock will expire");
    }
}

async fn send_one(state: &AppState, job: &Job) -> Result<(), SendError> {
    let Some(mailer) = state.mailer.as_ref() else {
        return Err(SendError::Temporary(
            "no SMTP relay is configured on this node".into(),
        ));
    };
    let payload: Payload = serde_json::from_str(&job.payload)
        .map_err(|e| SendError::Permanent(format!("unreadable job payload: {e}")))?;
    let input = state
        .store
        .acknowledgement_input(payload.report_id)
        .await
        .map_err(|e| SendError::Temporary(e.to_string()))?;
    let Some((to, locale, reference)) = input else {
        // The report is gone or has no address: nothing to send.
        return Ok(());
    };
    let lang = locale
        .as_deref()
        .and_then(i18n::find)
        .unwrap_or(&i18n::LANGUAGES[0]);
    let tr = Tr::new(lang, state.settings.brand_name());
    let mail = render(&tr, &reference, &state.settings.portal.public_url, &to);
    mailer.send(&mail).await.map(|sent| {
        tracing::info!(report_id = payload.report_id, message_id = %sent.message_id, "acknowledgement sent");
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_the_reporters_language() {
        let tr = Tr::new(i18n::find("ar").unwrap(), "Example Shop");
        let mail = render(
            &tr,
            "R-7K3MQ-9XD2F",
            "https://report.example.com/",
            "a@b.example",
        );
        assert!(mail.subject.contains("R-7K3MQ-9XD2F"));
        assert!(
            mail.text
                .contains("https://report.example.com/status/R-7K3MQ-9XD2F?lang=ar")
        );
        assert!(!mail.text.contains('\u{2068}'));
        assert_eq!(mail.language, "ar");
        assert_ne!(
            mail.subject,
            render(
                &Tr::new(i18n::find("en").unwrap(), "Example Shop"),
                "R-7K3MQ-9XD2F",
                "x",
                "y"
            )
            .subject
        );
    }
}
