//! Correlation cost per report against a real database as it grows: fills a SQLite (or, with
//! RAMPART_BENCH_DATABASE_URL, a PostgreSQL) database with realistic reports through the real
//! intake and processing code, correlates them with the real correlator, and times the
//! correlation of a fixed batch of new reports at each size. Prints the cost per report, the
//! process RSS and the database size at each size.
//!
//! cargo bench -p rampart-server --bench correlation_db -- 10000 1000000

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use rampart_server::correlator::{LEASE, restore, step};
use rampart_server::intake::sha256_hex;
use rampart_server::{AppState, Settings};
use rampart_store::{ConnectConfig, NewReport, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const MEASURE: usize = 20_000;

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn dir_size_mib(path: &std::path::Path) -> f64 {
    let mut total = 0u64;
    if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            total += e.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    total as f64 / (1024.0 * 1024.0)
}

/// Campaign sizes are long-tailed: a few big operations, many small ones and one-offs. The
/// number of campaigns grows with the number of reports, as it does in real intake.
fn body(rng: &mut StdRng, n: usize) -> String {
    let campaigns = (n / 20).max(50) as u32;
    let pick: f64 = rng.random();
    let campaign = (pick.powf(3.0) * f64::from(campaigns)) as u32;
    if rng.random_bool(0.15) {
        // A one-off: nothing shared with anything else.
        return format!(
            "Hello, your invoice {} is attached, pay at https://oneoff-{}-{}.info/p",
            rng.random_range(0..1_000_000),
            rng.random_range(0..u32::MAX),
            n
        );
    }
    let mut crng = StdRng::seed_from_u64(u64::from(campaign));
    let domain = format!(
        "op{campaign}-{}.com",
        ["help", "verify", "track", "refund"][crng.random_range(0..4)]
    );
    let phones = 1 + crng.random_range(0..4);
    let phone = format!(
        "+44 7700 9{:05}",
        (campaign * 7 + rng.random_range(0..phones)) % 100_000
    );
    let words = [
        "parcel", "refund", "account", "prize", "invoice", "customs", "verify", "locked",
    ];
    let script: Vec<&str> = (0..12)
        .map(|_| words[crng.random_range(0..words.len())])
        .collect();
    format!(
        "{} — visit https://{domain}/{} or call {phone}. Ref {}. help at footer-cdn-assets.net",
        script.join(" "),
        rng.random_range(0..100_000),
        rng.random_range(0..1_000_000)
    )
}

async fn fill(state: &AppState, rng: &mut StdRng, from: usize, to: usize) {
    for n in from..to {
        let text = body(rng, to);
        let raw = serde_json::json!({"channel": "sms", "body": text}).to_string();
        let report = NewReport {
            channel: "sms".into(),
            subject: None,
            body: text,
            sender: None,
            reporter_email: None,
            reporter_key: sha256_hex(format!("r{}", rng.random_range(0..(to as u64))).as_bytes()),
            locale: None,
            country: Some(["GB", "DE", "FR", "US"][n % 4].into()),
            occurred_at: None,
            received_at: 1_763_000_000_000 + n as i64 * 1000,
            money_minor: None,
            money_currency: None,
            payment_method: None,
            raw_sha256: sha256_hex(raw.as_bytes()),
            raw: raw.into_bytes(),
            raw_type: "application/json".into(),
            ..Default::default()
        };
        let created = state
            .store
            .intake(&report, None, |_, _| (201, String::new()))
            .await
            .unwrap();
        let rampart_store::Intake::Created { id, .. } = created else {
            unreachable!()
        };
        let input = state.store.processing_input(id).await.unwrap().unwrap();
        let (language, links) = state.pipeline.process(&input);
        state
            .store
            .save_processing(id, language.as_deref(), &links, report.received_at)
            .await
            .unwrap();
        if n % 50_000 == 0 && n > from {
            eprintln!("  filled {n}");
        }
    }
    // Jobs were done by hand above; drop them so the queue does not grow.
    let _ = state
        .store
        .claim_jobs("bench", i64::MAX / 2, 1, u32::MAX)
        .await;
}

async fn correlate_all(
    state: &AppState,
    engine: &mut rampart_intel::correlate::Correlator,
) -> usize {
    let mut total = 0;
    loop {
        let (n, _) = step(state, engine, "bench").await.unwrap();
        if n == 0 {
            return total;
        }
        total += n;
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async move {
        let dir = tempfile::tempdir().unwrap();
        let url = std::env::var("RAMPART_BENCH_DATABASE_URL")
            .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
        let store = Store::connect(&ConnectConfig::new(url.clone()))
            .await
            .unwrap();
        let settings = Settings {
            database_url: url,
            ..Settings::default()
        };
        let state = AppState::new(store, settings).unwrap();
        assert!(
            state
                .store
                .acquire_lease(LEASE, "bench", 0, i64::MAX / 4)
                .await
                .unwrap()
        );
        let (mut engine, _) = restore(&state, "bench").await.unwrap();
        let mut rng = StdRng::seed_from_u64(7);
        let mut stored = 0;
        println!("reports_stored,correlate_us_per_report,rss_mib,db_mib");
        for size in sizes {
            let started = Instant::now();
            fill(&state, &mut rng, stored, size).await;
            correlate_all(&state, &mut engine).await;
            eprintln!(
                "  at {size}: filled and correlated in {:.1}s",
                started.elapsed().as_secs_f64()
            );
            fill(&state, &mut rng, size, size + MEASURE).await;
            let t = Instant::now();
            let n = correlate_all(&state, &mut engine).await;
            let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
            stored = size + MEASURE;
            println!(
                "{size},{per:.1},{:.0},{:.1}",
                rss_mib(),
                dir_size_mib(dir.path())
            );
        }
    });
}
