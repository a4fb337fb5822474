//! Sends stored notices (takedown requests, carrier reports, referrals, customer warnings,
//! status updates to reporters) through the SMTP relay: the `send_notice` job.
//!
//! The notice row holds the exact subject and body composed when the action was requested
//! (it is the evidence of what we sent); this job only delivers it and records the outcome:
//! `sent` with the relay's Message-ID, retried with backoff while the relay is unavailable,
//! `failed` at once when the relay refuses the address.

use rampart_store::{Job, SEND_NOTICE};
use time::OffsetDateTime;

use crate::AppState;
use crate::intake::millis;
use crate::mailer::{OutgoingMail, SendError, SentMail};

#[derive(serde::Deserialize)]
struct Payload {
    notice_id: i64,
}

/// Notices sent at once by one worker; see `acknowledge::CONCURRENT_SENDS`.
const CONCURRENT_SENDS: usize = 16;

/// Sends the notices of claimed jobs, side by side.
pub async fn run_jobs(state: &AppState, worker: &str, jobs: Vec<Job>) {
    use futures::StreamExt;
    futures::stream::iter(jobs)
        .for_each_concurrent(CONCURRENT_SENDS, |job| async move {
            let (notice_id, outcome) = send_one(state, &job).await;
            record(state, worker, &job, notice_id, outcome).await;
        })
        .await;
}

/// What became of one job: sent (with what the relay accepted), nothing to send, or an error.
type Outcome = Result<Option<SentMail>, SendError>;

async fn record(
    state: &AppState,
    worker: &str,
    job: &Job,
    notice_id: Option<i64>,
    outcome: Outcome,
) {
    let now = millis(OffsetDateTime::now_utc());
    let done = match outcome {
        Ok(sent) => {
            if let (Some(id), Some(sent)) = (notice_id, sent)
                && let Err(e) = state.store.notice_sent(id, &sent.message_id, now).await
            {
                // Sent but not recorded: retrying sends it again with the same Message-ID, which
                // mail programs recognise, rather than leaving the notice looking unsent.
                tracing::warn!(job_id = job.id, notice_id = id, error = %e, "notice sent but not recorded; will retry");
                metrics::counter!("rampart_jobs_processed_total", "kind" => SEND_NOTICE, "outcome" => "retry").increment(1);
                let wait = i64::try_from(crate::mailer::backoff(1).as_millis()).unwrap_or(30_000);
                let _ = state
                    .store
                    .fail_job(job, worker, &e.to_string(), now.saturating_add(wait))
                    .await;
                return;
            }
            metrics::counter!("rampart_jobs_processed_total", "kind" => SEND_NOTICE, "outcome" => "done").increment(1);
            state.store.complete_job(job.id, worker).await
        }
        Err(SendError::Temporary(why)) => {
            let attempt = u32::try_from(job.attempts).unwrap_or(u32::MAX);
            let wait = crate::mailer::backoff(attempt);
            let gave_up = job.attempts >= job.max_attempts;
            tracing::warn!(job_id = job.id, notice_id, error = %why, attempts = job.attempts, retry_in_s = wait.as_secs(), gave_up, "notice not sent");
            metrics::counter!("rampart_jobs_processed_total", "kind" => SEND_NOTICE, "outcome" => "retry").increment(1);
            if let Some(id) = notice_id
                && let Err(e) = state.store.notice_error(id, &why, gave_up).await
            {
                tracing::warn!(notice_id = id, error = %e, "could not record the notice's error");
            }
            let wait_ms = i64::try_from(wait.as_millis()).unwrap_or(i64::MAX);
            state
                .store
                .fail_job(job, worker, &why, now.saturating_add(wait_ms))
                .await
        }
        Err(SendError::Permanent(why)) => {
            tracing::warn!(job_id = job.id, notice_id, error = %why, "notice refused for good");
            metrics::counter!("rampart_jobs_processed_total", "kind" => SEND_NOTICE, "outcome" => "refused").increment(1);
            if let Some(id) = notice_id
                && let Err(e) = state.store.notice_error(id, &why, true).await
            {
                tracing::warn!(notice_id = id, error = %e, "could not record the notice's error");
            }
            state.store.bury_job(job, worker, &why).await
        }
    };
    if let Err(e) = done {
        tracing::warn!(job_id = job.id, error = %e, "could not record the notice's outcome; its lock will expire");
    }
}

/// The mail for a stored notice, exactly as stored.
pub fn mail_of(notice: &rampart_store::NoticeRow) -> OutgoingMail {
    OutgoingMail {
        to: notice.recipient.clone(),
        subject: notice.subject.clone(),
        text: notice.body.clone(),
        html: None,
        language: notice.language.clone().unwrap_or_else(|| "en".into()),
        // Stable across retries, so a resend after a lost answer carries the same Message-ID.
        message_id_hint: Some(format!("notice.{}", notice.id)),
    }
}

async fn send_one(state: &AppState, job: &Job) -> (Option<i64>, Outcome) {
    let payload: Payload = match serde_json::from_str(&job.payload) {
        Ok(p) => p,
        Err(e) => {
            return (
                None,
                Err(SendError::Permanent(format!("unreadable job payload: {e}"))),
            );
        }
    };
    let id = payload.notice_id;
    let Some(mailer) = state.mailer.as_ref() else {
        return (
            Some(id),
            Err(SendError::Temporary(
                "no SMTP relay is configured on this node".into(),
            )),
        );
    };
    let notice = match state.store.notice(id).await {
        Ok(Some(n)) => n,
        // Nothing to send (the row cannot disappear, but a job must not fail for ever).
        Ok(None) => return (None, Ok(None)),
        Err(e) => return (Some(id), Err(SendError::Temporary(e.to_string()))),
    };
    if notice.status == "sent" {
        return (Some(id), Ok(None));
    }
    let outcome = mailer.send(&mail_of(&notice)).await.map(|sent| {
        tracing::info!(notice_id = id, kind = %notice.kind, message_id = %sent.message_id, "notice sent");
        Some(sent)
    });
    (Some(id), outcome)
}
