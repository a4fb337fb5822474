//! `rampart worker` against the machine's NATS JetStream (127.0.0.1:4222, or RAMPART_TEST_NATS):
//! a simulated marketplace's events published to a stream of this test's own, with repeats, a
//! message of several lines and a message that holds no valid event; one worker is killed with
//! SIGKILL after it has committed a batch and before it acknowledges it, two others take over,
//! and the event log ends with every event exactly once and the bad message set aside once.
//! Under CI=true a missing NATS is a failure; elsewhere the test says it was skipped.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use async_nats::jetstream;
use rampart_store::{ConnectConfig, Store};

const BIN: &str = env!("CARGO_BIN_EXE_rampart");

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn nats_url() -> String {
    std::env::var("RAMPART_TEST_NATS").unwrap_or_else(|_| "nats://127.0.0.1:4222".into())
}

/// The JetStream context, or `None` after saying why the test is skipped.
async fn jetstream_or_skip(test: &str) -> Option<jetstream::Context> {
    let url = nats_url();
    let client = tokio::time::timeout(Duration::from_secs(5), async_nats::connect(url.as_str()))
        .await
        .map_err(|_| "timed out".to_string())
        .and_then(|r| r.map_err(|e| e.to_string()));
    let why = match client {
        Ok(c) => {
            let js = jetstream::new(c);
            // Any JetStream request answers whether it is enabled.
            match js.get_stream("RAMPART_PROBE_NONE").await {
                Err(e)
                    if matches!(
                        e.kind(),
                        jetstream::context::GetStreamErrorKind::JetStream(_)
                    ) =>
                {
                    return Some(js);
                }
                Ok(_) => return Some(js),
                Err(e) => format!("JetStream is not enabled: {e}"),
            }
        }
        Err(e) => e,
    };
    assert!(
        !in_ci(),
        "NATS JetStream at {url} is required under CI=true: {why}"
    );
    eprintln!("SKIPPED {test}: NATS JetStream at {url} is not reachable ({why})");
    None
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn worker(db: &Path, stream: &str, ack_delay_ms: Option<u64>) -> KillOnDrop {
    let mut cmd = Command::new(BIN);
    cmd.args([
        "worker",
        "--database-url",
        &format!("sqlite://{}", db.display()),
        "--nats",
        &nats_url(),
        "--stream",
        stream,
        "--durable",
        "rampart-test",
        "--batch",
        "200",
        "--max-wait-ms",
        "200",
        "--ack-wait-secs",
        "2",
    ])
    .current_dir(db.parent().unwrap())
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    if let Some(ms) = ack_delay_ms {
        cmd.env("RAMPART_FAULT_ACK_DELAY_MS", ms.to_string());
    }
    KillOnDrop(cmd.spawn().unwrap())
}

async fn open(db: &Path) -> Store {
    Store::connect(&ConnectConfig::new(format!("sqlite://{}", db.display())))
        .await
        .unwrap()
}

async fn stored_ids(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    let mut after = 0;
    loop {
        let page = store.events_after(after, 10_000).await.unwrap();
        let Some(last) = page.last() else {
            return out;
        };
        after = last.id;
        out.extend(page.into_iter().map(|e| e.event_id));
    }
}

fn sigterm(child: &mut Child) -> String {
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "the worker did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(status.success(), "worker exit {status:?}: {err}");
    err
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_between_commit_and_ack_loses_and_doubles_nothing() {
    let Some(js) = jetstream_or_skip("a_worker_killed_between_commit_and_ack").await else {
        return;
    };
    let tag = format!(
        "{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let stream = format!("RAMPART_TEST_{tag}");
    let subject = format!("rampart.test.{tag}.events");
    js.create_stream(jetstream::stream::Config {
        name: stream.clone(),
        subjects: vec![subject.clone()],
        max_age: Duration::from_secs(3_600),
        ..Default::default()
    })
    .await
    .unwrap();
    struct DropStream(jetstream::Context, String);
    impl Drop for DropStream {
        fn drop(&mut self) {
            let (js, name) = (self.0.clone(), self.1.clone());
            // Best effort: the stream ages out within the hour anyway.
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async move {
                    let _ = js.delete_stream(&name).await;
                });
            })
            .join()
            .ok();
        }
    }
    let _cleanup = DropStream(js.clone(), stream.clone());

    // A small marketplace: every event once, a tenth of them twice, and the first fifty in one
    // message of fifty lines.
    let mut lines = Vec::new();
    rampart_abuse::simulate::simulate(&rampart_abuse::simulate::Config::new(1_000, 30, 11), |l| {
        lines.push(l.to_string())
    });
    let distinct: BTreeSet<String> = lines
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(distinct.len(), lines.len());
    assert!(lines.len() > 1_500, "{} events", lines.len());
    js.publish(subject.clone(), lines[..50].join("\n").into())
        .await
        .unwrap()
        .await
        .unwrap();
    let mut acks = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(50) {
        acks.push(js.publish(subject.clone(), l.clone().into()).await.unwrap());
        if i % 10 == 0 {
            acks.push(js.publish(subject.clone(), l.clone().into()).await.unwrap());
        }
    }
    acks.push(
        js.publish(
            subject.clone(),
            "{\"id\":\"broken\",\"type\":\"refund\"}".into(),
        )
        .await
        .unwrap(),
    );
    for a in acks {
        a.await.unwrap();
    }

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    // The first worker commits a batch, then waits 10 s before acknowledging it: it is killed
    // in that window.
    let mut first = worker(&db, &stream, Some(10_000));
    let deadline = Instant::now() + Duration::from_secs(60);
    let store = loop {
        if db.exists() {
            let store = open(&db).await;
            if store.event_count().await.unwrap_or(0) > 0 {
                break store;
            }
            store.close().await;
        }
        if let Some(status) = first.0.try_wait().unwrap() {
            panic!("the first worker stopped: {status:?}");
        }
        assert!(Instant::now() < deadline, "the first worker stored nothing");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    first.0.kill().unwrap();
    first.0.wait().unwrap();
    let committed_unacked = store.event_count().await.unwrap();
    assert!(committed_unacked > 0 && (committed_unacked as usize) < distinct.len());

    let mut second = worker(&db, &stream, None);
    let mut third = worker(&db, &stream, None);
    let consumer: jetstream::consumer::PullConsumer = js
        .get_stream(&stream)
        .await
        .unwrap()
        .get_consumer("rampart-test")
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let mut c = consumer.clone();
        let info = c.info().await.unwrap();
        let count = store.event_count().await.unwrap() as usize;
        if count == distinct.len() && info.num_pending == 0 && info.num_ack_pending == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "stored {count} of {}; pending {}, awaiting ack {}",
            distinct.len(),
            info.num_pending,
            info.num_ack_pending
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let log_second = sigterm(&mut second.0);
    let log_third = sigterm(&mut third.0);

    let ids = stored_ids(&store).await;
    assert_eq!(ids.len(), distinct.len(), "each event stored once");
    assert_eq!(ids.into_iter().collect::<BTreeSet<_>>(), distinct);
    let rejects = store.event_rejects(10).await.unwrap();
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert!(rejects[0].2.contains("/at"), "{:?}", rejects[0]);
    assert!(rejects[0].3.contains("broken"));
    // The killed worker acknowledged nothing, so the other two saw every message: they stored
    // exactly what it had not, and recognised its batch and the repeats as already stored.
    let figure = |log: &str, what: &str| -> u64 {
        let tail = log
            .lines()
            .find(|l| l.contains("stopped after"))
            .unwrap_or_else(|| panic!("{log}"));
        tail.split([',', ':'])
            .map(str::trim)
            .find(|p| p.ends_with(what))
            .and_then(|p| p.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{what} in {tail}"))
    };
    let stored: u64 = [&log_second, &log_third]
        .iter()
        .map(|l| figure(l, "events stored"))
        .sum();
    assert_eq!(stored, distinct.len() as u64 - committed_unacked as u64);
    let already: u64 = [&log_second, &log_third]
        .iter()
        .map(|l| figure(l, "already stored"))
        .sum();
    let repeats = (50..lines.len()).filter(|i| i % 10 == 0).count() as u64;
    assert!(
        already >= repeats + committed_unacked as u64,
        "{already} recognised as already stored; {repeats} repeats and {committed_unacked} redelivered"
    );
    store.close().await;
}
