//! Webhooks: decisions that need attention (review, block), reviews of them, and new findings
//! are announced to the URLs an admin subscribed, as signed JSON. Each delivery is a job
//! queued in the same place as the change it announces and retried with exponential backoff
//! (ten attempts, up to an hour apart) until the receiver answers 2xx.
//!
//! Signature: `Rampart-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the
//! webhook's secret, as Stripe and others do; a receiver recomputes it, compares in constant
//! time and refuses old timestamps. `Rampart-Delivery` is unique per delivery and stays the
//! same across retries, so a receiver can drop repeats.

use std::time::Duration;

use hmac::{Hmac, Mac};
use rampart_store::{Job, StoreError};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use time::OffsetDateTime;

use crate::AppState;
use crate::intake::millis;

/// The job that delivers one announcement to one webhook.
pub const DELIVER_WEBHOOK: &str = "deliver_webhook";

/// What a webhook can subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A decision with the outcome review or block, and every review of a decision.
    Decision,
    /// A new finding.
    Finding,
}

impl Topic {
    pub const ALL: [Topic; 2] = [Topic::Decision, Topic::Finding];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Decision => "decision",
            Topic::Finding => "finding",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Serialize, Deserialize)]
struct Payload {
    webhook_id: i64,
    delivery: String,
    topic: String,
    body: String,
}

/// The jobs that announce `body` on `topic` to every enabled webhook subscribed to it, to be
/// queued in the caller's transaction.
pub fn jobs_for(state: &AppState, topic: Topic, body: &serde_json::Value) -> Vec<(String, String)> {
    let text = body.to_string();
    state
        .abuse
        .webhooks()
        .iter()
        .filter(|w| w.disabled_at.is_none() && w.topics.iter().any(|t| t == topic.as_str()))
        .map(|w| {
            let payload = Payload {
                webhook_id: w.id,
                delivery: uuid::Uuid::now_v7().to_string(),
                topic: topic.as_str().to_string(),
                body: text.clone(),
            };
            (
                DELIVER_WEBHOOK.to_string(),
                serde_json::to_string(&payload).unwrap_or_default(),
            )
        })
        .collect()
}

/// Queues the announcement of `body` on `topic` to every subscribed webhook.
pub async fn announce(
    state: &AppState,
    topic: Topic,
    body: &serde_json::Value,
) -> Result<(), StoreError> {
    let jobs = jobs_for(state, topic, body);
    if jobs.is_empty() {
        return Ok(());
    }
    let now = millis(OffsetDateTime::now_utc());
    for (kind, payload) in &jobs {
        state.store.enqueue(kind, payload, now).await?;
    }
    state.wake_workers();
    Ok(())
}

/// The `Rampart-Signature` header's value for `body` sent at `t` (Unix seconds).
pub fn signature(secret: &str, t: i64, body: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(m) => m,
        // HMAC takes keys of any length; this cannot happen.
        Err(_) => return String::new(),
    };
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Deliveries sent at once by one worker.
const CONCURRENT_DELIVERIES: usize = 16;

/// Delivers the announcements of claimed jobs, side by side.
pub async fn run_jobs(state: &AppState, worker: &str, jobs: Vec<Job>) {
    use futures::StreamExt;
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("rampart-webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            for job in &jobs {
                crate::processing::fail(state, worker, job, &format!("HTTP client: {e}")).await;
            }
            return;
        }
    };
    futures::stream::iter(jobs)
        .for_each_concurrent(CONCURRENT_DELIVERIES, |job| {
            let client = client.clone();
            async move {
                match deliver(state, &client, &job).await {
                    Ok(()) => {
                        metrics::counter!("rampart_webhook_deliveries_total", "outcome" => "delivered").increment(1);
                        if let Err(e) = state.store.complete_job(job.id, worker).await {
                            tracing::warn!(job_id = job.id, error = %e, "delivered, but the job stays; it may be delivered again");
                        }
                    }
                    Err(Failure::Never(why)) => {
                        metrics::counter!("rampart_webhook_deliveries_total", "outcome" => "dropped").increment(1);
                        tracing::warn!(job_id = job.id, error = %why, "webhook delivery dropped");
                        let _ = state.store.bury_job(&job, worker, &why).await;
                    }
                    Err(Failure::Retry(why)) => {
                        metrics::counter!("rampart_webhook_deliveries_total", "outcome" => "retry").increment(1);
                        crate::processing::fail(state, worker, &job, &why).await;
                    }
                }
            }
        })
        .await;
}

enum Failure {
    /// Try again later.
    Retry(String),
    /// Trying again cannot help (the webhook was removed, the payload is unreadable).
    Never(String),
}

async fn deliver(state: &AppState, client: &reqwest::Client, job: &Job) -> Result<(), Failure> {
    let p: Payload = serde_json::from_str(&job.payload)
        .map_err(|e| Failure::Never(format!("bad payload: {e}")))?;
    let hooks = state
        .store
        .webhooks()
        .await
        .map_err(|e| Failure::Retry(e.to_string()))?;
    let Some(hook) = hooks.into_iter().find(|w| w.id == p.webhook_id) else {
        return Err(Failure::Never(format!(
            "webhook {} no longer exists",
            p.webhook_id
        )));
    };
    if hook.disabled_at.is_some() {
        return Err(Failure::Never(format!("webhook {} is disabled", hook.id)));
    }
    let t = OffsetDateTime::now_utc().unix_timestamp();
    let res = client
        .post(&hook.url)
        .header("content-type", "application/json")
        .header("rampart-delivery", &p.delivery)
        .header("rampart-topic", &p.topic)
        .header("rampart-signature", signature(&hook.secret, t, &p.body))
        .body(p.body)
        .send()
        .await
        .map_err(|e| Failure::Retry(format!("{}: {e}", hook.url)))?;
    let status = res.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(Failure::Retry(format!("{} answered {status}", hook.url)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_like_the_documentation_says() {
        // Recomputed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
        assert_eq!(
            signature("s3cret", 1_700_000_000, r#"{"a":1}"#),
            "t=1700000000,v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940"
        );
    }
}
