//! Analyst rules: evaluation throughput of the twenty example rules over a simulated
//! marketplace (2,000 accounts, 30 days), and the time to compile them.
//!
//! `cargo bench -p rampart-abuse --bench rules`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BatchSize, Criterion, Throughput, black_box, criterion_group, criterion_main};
use rampart_abuse::events::{Event, parse_line};
use rampart_abuse::rules::{RuleSet, example_rules};
use rampart_abuse::simulate::{Config, simulate};
use rampart_abuse::stats::AccountStats;

/// Aggregates that look like an account's, derived from its id (the model that computes the
/// real ones is not needed to measure the rules).
fn plausible_account(id: &str) -> AccountStats {
    let h = id
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let orders = h % 30;
    let refunds = (h / 30) % 6;
    let rate = |n: u64| {
        if orders == 0 {
            0.0
        } else {
            n as f64 / orders as f64
        }
    };
    AccountStats {
        account_id: id.into(),
        known: true,
        age_days: (h % 400) as f64,
        orders,
        orders_30d: orders / 4,
        refunds,
        refunds_30d: refunds * 2 / 3,
        refunds_not_received: refunds / 2,
        refunds_without_return: refunds / 3,
        refunds_overriding_denial: (h / 7) % 3,
        refund_rate: rate(refunds),
        not_received_rate: rate(refunds / 2),
        returns_mismatched: (h / 11) % 3,
        linked_accounts: (h / 13) % 5,
        linked_refund_value_minor: ((h / 17) % 400_000) as i64,
        refunds_top_agent: refunds / 2,
        reviews_30d: (h / 19) % 12,
        findings: (h / 23) % 2,
        finding_score: ((h / 29) % 100) as f64,
        ..AccountStats::default()
    }
}

fn corpus() -> Vec<(Event, AccountStats)> {
    let mut events = Vec::new();
    simulate(&Config::new(2_000, 30, 42), |line| {
        let e = parse_line(line).unwrap();
        let account = plausible_account(e.body.account_id().unwrap_or(""));
        events.push((e, account));
    });
    events
}

/// CPU time this thread has run, in nanoseconds, where Linux tells it: on a shared machine the
/// wall-clock figures criterion reports include the time other processes held the core.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Events evaluated per second of this thread's CPU time, over `passes` passes.
fn per_cpu_second(set: &RuleSet, events: &[&(Event, AccountStats)], passes: u32) -> Option<f64> {
    let start = cpu_ns()?;
    for _ in 0..passes {
        for (event, account) in events {
            black_box(set.evaluate(black_box(event), black_box(account)));
        }
    }
    let spent = cpu_ns()?.checked_sub(start)?;
    Some(events.len() as f64 * f64::from(passes) / (spent as f64 / 1e9))
}

fn bench(c: &mut Criterion) {
    let events = corpus();
    let rules = example_rules();
    let set = RuleSet::compile(&rules).unwrap();
    let (hits, errors) = events.iter().fold((0, 0), |(h, e), (event, account)| {
        let ev = set.evaluate(event, account);
        (h + ev.hits.len(), e + ev.errors.len())
    });
    assert_eq!(errors, 0);
    let mut by_type = std::collections::BTreeMap::<&str, usize>::new();
    for (e, _) in &events {
        *by_type.entry(e.body.kind()).or_default() += 1;
    }
    eprintln!(
        "{} events {by_type:?}, {} rules, {hits} hits",
        events.len(),
        set.len()
    );
    let all: Vec<_> = events.iter().collect();
    let refunds: Vec<_> = events
        .iter()
        .filter(|(e, _)| e.body.kind() == "refund")
        .collect();
    // Every rule on every event: each rule made to apply to all types, its expression
    // guarded by the event type it was written for.
    let everywhere: Vec<_> = rules
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let [kind] = r.applies_to.as_slice() {
                r.expression = format!("event.type == '{kind}' && ({})", r.expression);
            }
            r.applies_to.clear();
            r
        })
        .collect();
    let everywhere = RuleSet::compile(&everywhere).unwrap();
    for (what, set, events, passes) in [
        ("20 example rules, simulated events", &set, &all, 40),
        ("20 example rules, refunds only", &set, &refunds, 400),
        ("20 rules on every event type", &everywhere, &all, 20),
    ] {
        if let Some(rate) = per_cpu_second(set, events, passes) {
            eprintln!("{what}: {rate:.0} events per CPU-second");
        }
    }

    let mut group = c.benchmark_group("rules");
    group.sample_size(20);
    for (name, set, events) in [
        ("evaluate 20 example rules, simulated events", &set, &all),
        (
            "evaluate 20 example rules, refunds only (10 apply)",
            &set,
            &refunds,
        ),
        (
            "evaluate 20 rules on every event type, simulated events",
            &everywhere,
            &all,
        ),
    ] {
        group.throughput(Throughput::Elements(events.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for (event, account) in events {
                    black_box(set.evaluate(black_box(event), black_box(account)));
                }
            });
        });
    }
    group.finish();

    // One rule at a time on one refund: what each kind of expression costs.
    let refund = events
        .iter()
        .find(|(e, _)| {
            matches!(&e.body, rampart_abuse::events::Body::Refund(r) if r.category.is_some())
        })
        .unwrap();
    let mut group = c.benchmark_group("rules expression");
    group.throughput(Throughput::Elements(1));
    for expression in [
        "true",
        "account.refunds == 3",
        "account.refunds >= 3",
        "!event.return_required",
        "has(event.category)",
        "event.reason == 'not_received' && event.amount >= 300.0",
        "event.?category.orValue('') in ['laptops', 'phones', 'consoles', 'coins', 'tablets']",
        "account.refunds_top_agent * 10 >= account.refunds * 8",
    ] {
        let mut rule = rules[0].clone();
        rule.expression = expression.into();
        let one = RuleSet::compile(&[rule]).unwrap();
        group.bench_function(expression, |b| {
            b.iter(|| black_box(one.evaluate(black_box(&refund.0), black_box(&refund.1))));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("rules compile");
    group.throughput(Throughput::Elements(rules.len() as u64));
    group.bench_function("compile 20 example rules", |b| {
        b.iter_batched(
            || rules.clone(),
            |rules| black_box(RuleSet::compile(&rules).unwrap()),
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
