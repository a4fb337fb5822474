//! `rampart load`: sends realistic scam reports to a running service at a fixed rate (open
//! loop, so a slow server cannot hide its latency by slowing the sender) and prints throughput
//! and latency percentiles. It only talks to the URL it is given; use loopback.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use hdrhistogram::Histogram;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::sync::Mutex;

#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Base URL of the service, e.g. http://127.0.0.1:8080.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Reports per second to send.
    #[arg(long, default_value_t = 2000)]
    rate: u32,
    /// How long to send, in seconds.
    #[arg(long, default_value_t = 30)]
    duration: u64,
    /// Most requests in flight at once (more are counted as overload errors).
    #[arg(long, default_value_t = 256)]
    max_in_flight: usize,
    /// Number of distinct campaigns the generated reports come from.
    #[arg(long, default_value_t = 500)]
    campaigns: u32,
    /// Seed for the generated reports.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print the summary as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Default)]
struct Tally {
    ok: u64,
    failed: u64,
    overload: u64,
    statuses: std::collections::BTreeMap<u16, u64>,
}

/// A deterministic, realistic report: a campaign's script with its own numbers and links.
pub fn report_body(rng: &mut StdRng, campaigns: u32) -> String {
    const SCRIPTS: &[&str] = &[
        "Your parcel could not be delivered. Pay the {amount} redelivery fee at {url} or call {phone} today.",
        "Amazon: we detected an unusual sign-in. Verify your account at {url} within 24 hours or it will be suspended.",
        "Refund of {amount} approved for order {order}. Confirm your card details at {url}. Questions? {phone}",
        "Votre colis est en attente. Réglez les frais de {amount} sur {url} avant demain.",
        "Ihr Konto wurde gesperrt. Bitte bestätigen Sie Ihre Daten unter {url} oder rufen Sie {phone} an.",
        "This is the fraud department. To stop the charge of {amount}, buy gift cards and read us the codes. Call back on {phone}.",
        "Congratulations! You won a PlayStation 5. Claim it at {url} and pay only shipping. Send BTC to {wallet}.",
        "Su pedido {order} ha sido retenido en aduana. Pague {amount} en {url}.",
    ];
    let campaign = rng.random_range(0..campaigns.max(1));
    let mut crng = StdRng::seed_from_u64(u64::from(campaign));
    let script = SCRIPTS[crng.random_range(0..SCRIPTS.len())];
    let domain = format!(
        "{}-{}{}.{}",
        ["amazon", "amaz0n", "parcel", "secure", "refund", "account"][crng.random_range(0..6)],
        ["help", "verify", "support", "track", "login", "billing"][crng.random_range(0..6)],
        campaign,
        ["com", "net", "xyz", "top", "info", "shop"][crng.random_range(0..6)]
    );
    let phone = format!("+44 7700 9{:05}", crng.random_range(0..100_000));
    let url = format!("https://{domain}/{}", rng.random_range(10_000..99_999));
    script
        .replace(
            "{amount}",
            &format!(
                "£{}.{:02}",
                rng.random_range(1..500),
                rng.random_range(0..100)
            ),
        )
        .replace("{url}", &url)
        .replace("{phone}", &phone)
        .replace(
            "{order}",
            &format!(
                "{}-{}",
                rng.random_range(100..999),
                rng.random_range(1_000_000..9_999_999)
            ),
        )
        .replace("{wallet}", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
}

pub fn report_json(rng: &mut StdRng, campaigns: u32) -> String {
    let channels = ["sms", "email", "phone_call", "social_media", "web"];
    let countries = ["GB", "DE", "FR", "ES", "US", "IT", "NL"];
    let mut v = serde_json::json!({
        "channel": channels[rng.random_range(0..channels.len())],
        "body": report_body(rng, campaigns),
        "country": countries[rng.random_range(0..countries.len())],
        "reporter_email": format!("victim{}@example.org", rng.random_range(0..1_000_000)),
    });
    if rng.random_bool(0.1) {
        v["money_lost"] = serde_json::json!({"amount": format!("{}.{:02}", rng.random_range(5..2000), rng.random_range(0..100)), "currency": "GBP"});
        v["payment_method"] = serde_json::json!("gift_card");
    }
    v.to_string()
}

pub async fn run(args: LoadArgs) -> anyhow::Result<ExitCode> {
    if args.rate == 0 || args.duration == 0 {
        anyhow::bail!("--rate and --duration must be above zero");
    }
    let endpoint = format!("{}/api/v1/reports", args.url.trim_end_matches('/'));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.max_in_flight)
        .timeout(Duration::from_secs(10))
        .build()
        .context("cannot build the HTTP client")?;
    let hist = Arc::new(Mutex::new(Histogram::<u64>::new_with_bounds(
        1, 60_000_000, 3,
    )?));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let in_flight = Arc::new(tokio::sync::Semaphore::new(args.max_in_flight));
    let mut rng = StdRng::seed_from_u64(args.seed);
    let total = u64::from(args.rate) * args.duration;
    let interval = Duration::from_secs_f64(1.0 / f64::from(args.rate));
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..total {
        let due = start + interval.mul_f64(n as f64);
        tokio::time::sleep_until(due.into()).await;
        let Ok(permit) = in_flight.clone().try_acquire_owned() else {
            tally.lock().await.overload += 1;
            continue;
        };
        let body = report_json(&mut rng, args.campaigns);
        let (client, endpoint, hist, tally) = (
            client.clone(),
            endpoint.clone(),
            hist.clone(),
            tally.clone(),
        );
        tasks.spawn(async move {
            let res = client
                .post(&endpoint)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await;
            // Latency from when the request was due, not when it left: an open-loop measure.
            let micros = u64::try_from(due.elapsed().as_micros()).unwrap_or(u64::MAX);
            let mut t = tally.lock().await;
            match res {
                Ok(r) => {
                    *t.statuses.entry(r.status().as_u16()).or_default() += 1;
                    if r.status().as_u16() == 201 {
                        t.ok += 1;
                        let _ = hist.lock().await.record(micros.max(1));
                    } else {
                        t.failed += 1;
                    }
                }
                Err(_) => t.failed += 1,
            }
            drop(permit);
        });
        while tasks.try_join_next().is_some() {}
    }
    while tasks.join_next().await.is_some() {}
    let elapsed = start.elapsed().as_secs_f64();
    let h = hist.lock().await;
    let t = tally.lock().await;
    let ms = |q: f64| h.value_at_quantile(q) as f64 / 1000.0;
    let summary = serde_json::json!({
        "target_rate": args.rate,
        "duration_s": elapsed,
        "sent": total - t.overload,
        "ok": t.ok,
        "failed": t.failed,
        "overload_skipped": t.overload,
        "statuses": t.statuses,
        "throughput_per_s": t.ok as f64 / elapsed,
        "latency_ms": {"p50": ms(0.5), "p90": ms(0.9), "p99": ms(0.99), "max": h.max() as f64 / 1000.0},
    });
    if args.json {
        println!("{summary}");
    } else {
        println!(
            "sent {} in {:.1}s: {} stored, {} failed, {} skipped (over {} in flight)\n\
             throughput {:.0} reports/s\nlatency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            total - t.overload,
            elapsed,
            t.ok,
            t.failed,
            t.overload,
            args.max_in_flight,
            t.ok as f64 / elapsed,
            ms(0.5),
            ms(0.9),
            ms(0.99),
            h.max() as f64 / 1000.0
        );
    }
    Ok(if t.failed == 0 && t.overload == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
