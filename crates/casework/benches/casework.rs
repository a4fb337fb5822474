//! What the casework formats cost: chaining and verifying audit entries, and building and
//! verifying a signed evidence package.
//!
//! `cargo bench -p rampart-casework --bench casework -- --warm-up-time 2 --measurement-time 10`
//!
//! * `audit/append_100k`, `audit/verify_100k`: a chain of 100,000 entries shaped like the
//!   server's (actor, action, object and a JSON detail of about 150 bytes), appended one after
//!   another, then verified with a signed checkpoint every 1,000 entries, as `rampart audit
//!   verify` does after reading them from the database.
//! * `evidence/build_2000`, `evidence/verify_2000`: a package of 2,000 raw e-mails of about
//!   4 KiB each (deterministic text, so deflate finds what it finds in real mail) plus a
//!   summary, as `rampart case export` and `rampart case verify` build and check it.

#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ed25519_dalek::SigningKey;
use rampart_casework::audit::{self, Checkpoint, Entry, Event};
use rampart_casework::evidence::{self, ReadLimits};

const ENTRIES: usize = 100_000;
const MESSAGES: usize = 2_000;

/// splitmix64: fixed and reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn event(i: usize, rng: &mut Rng) -> Event {
    let actions = [
        "correlation.apply",
        "report.triage",
        "case.note",
        "action.request",
        "campaign.merge",
    ];
    Event {
        at: 1_763_000_000_000 + i as i64 * 250,
        actor: format!("user:analyst{}", rng.next() % 40),
        action: actions[i % actions.len()].to_string(),
        object: format!("campaign:{}", rng.next() % 5_000),
        detail: format!(
            r#"{{"reports":[{},{},{}],"indicators":{},"reason":"same sender domain and call-back number","hash":"{:016x}"}}"#,
            rng.next() % 1_000_000,
            rng.next() % 1_000_000,
            rng.next() % 1_000_000,
            rng.next() % 50,
            rng.next()
        ),
    }
}

fn chain(events: &[Event]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(events.len());
    for e in events {
        let next = audit::append(out.last(), e.clone());
        out.push(next);
    }
    out
}

fn raw_mail(i: usize, rng: &mut Rng) -> Vec<u8> {
    let words = [
        "your",
        "account",
        "has",
        "been",
        "suspended",
        "verify",
        "payment",
        "details",
        "within",
        "24",
        "hours",
        "or",
        "order",
        "will",
        "be",
        "cancelled",
        "refund",
        "click",
        "here",
        "customer",
        "service",
        "parcel",
        "delivery",
        "failed",
    ];
    let mut body = format!(
        "Received: from mx{} (mx.example.net [203.0.113.{}])\r\nFrom: \"Support\" <no-reply@secure-{}.top>\r\nTo: victim{i}@example.org\r\nSubject: Action required {}\r\nMessage-ID: <{:x}@secure.top>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
        rng.next() % 90,
        rng.next() % 250,
        rng.next() % 300,
        rng.next() % 100_000,
        rng.next()
    );
    while body.len() < 4_096 {
        body.push_str(words[(rng.next() % words.len() as u64) as usize]);
        body.push(if rng.next().is_multiple_of(12) {
            '\n'
        } else {
            ' '
        });
    }
    body.push_str("\nhttps://secure-login.top/verify?id=");
    body.push_str(&format!("{:x}\r\n", rng.next()));
    body.into_bytes()
}

fn bench(c: &mut Criterion) {
    let key = SigningKey::from_bytes(&[7; 32]);
    let mut rng = Rng(42);
    let events: Vec<Event> = (0..ENTRIES).map(|i| event(i, &mut rng)).collect();
    let entries = chain(&events);
    let checkpoints: Vec<Checkpoint> = entries
        .iter()
        .step_by(1_000)
        .map(|e| Checkpoint::sign(e, e.event.at, &key))
        .collect();
    let public = key.verifying_key();

    let mut g = c.benchmark_group("audit");
    g.sample_size(10);
    g.bench_function("append_100k", |b| b.iter(|| black_box(chain(&events))));
    g.bench_function("verify_100k", |b| {
        b.iter(|| {
            let v = audit::verify(entries.iter().cloned(), &checkpoints, Some(&public));
            assert!(v.is_intact());
            black_box(v)
        })
    });
    g.finish();

    let mut files: Vec<(String, Vec<u8>)> = (0..MESSAGES)
        .map(|i| (format!("raw/report-{i}.eml"), raw_mail(i, &mut rng)))
        .collect();
    files.push(("summary.txt".into(), vec![b'x'; 20_000]));
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let package = evidence::build("CASE-1", "2026-11-22T00:00:00Z", "Bench", &files, &key).unwrap();
    println!(
        "evidence package: {MESSAGES} messages, {:.1} MiB of files, {:.1} MiB zipped",
        bytes as f64 / 1_048_576.0,
        package.len() as f64 / 1_048_576.0
    );
    let mut g = c.benchmark_group("evidence");
    g.sample_size(10);
    g.bench_function("build_2000", |b| {
        b.iter(|| {
            black_box(
                evidence::build("CASE-1", "2026-11-22T00:00:00Z", "Bench", &files, &key).unwrap(),
            )
        })
    });
    g.bench_function("verify_2000", |b| {
        b.iter(|| {
            black_box(evidence::verify(&package, Some(&public), &ReadLimits::default()).unwrap())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
