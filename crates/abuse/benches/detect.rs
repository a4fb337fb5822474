//! The marketplace model and the detectors over a simulated marketplace (10,000 accounts,
//! 60 days, about 36,000 events): building the model, one account's aggregates as a decision
//! asks for them, and a full detection run.
//!
//! `cargo bench -p rampart-abuse --bench detect`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use rampart_abuse::detect::{DetectConfig, detect};
use rampart_abuse::events::{Event, parse_line};
use rampart_abuse::model::Model;
use rampart_abuse::simulate::{Config, simulate};

fn bench(c: &mut Criterion) {
    let mut events: Vec<Event> = Vec::new();
    let truth = simulate(&Config::new(10_000, 60, 7), |l| {
        events.push(parse_line(l).unwrap())
    });
    let cfg = DetectConfig {
        scripts: truth.scripts.clone(),
        ..DetectConfig::default()
    };
    let build = || {
        let mut m = Model::with_options(cfg.model_options());
        for e in &events {
            m.apply(e);
        }
        m
    };
    let model = build();

    let mut g = c.benchmark_group("model");
    g.sample_size(10);
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("apply every event (10,000 accounts x 60 days)", |b| {
        b.iter(|| black_box(build().len()))
    });
    g.finish();

    let ids: Vec<String> = (1..=1_000).map(|i| format!("acct-{i:06}")).collect();
    let mut g = c.benchmark_group("stats");
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.bench_function("one account's aggregates", |b| {
        b.iter(|| {
            for id in &ids {
                black_box(model.stats(id, truth.end));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("detect");
    g.sample_size(10);
    g.bench_function("every detector (10,000 accounts x 60 days)", |b| {
        b.iter(|| black_box(detect(&model, &cfg, truth.end).len()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
