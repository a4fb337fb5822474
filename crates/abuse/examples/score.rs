//! Simulates a marketplace in memory, builds the model, runs the detectors and scores them
//! against the ground truth:
//!
//! ```text
//! cargo run --release -p rampart-abuse --example score -- --accounts 100000 --days 60 --seed 7
//! ```
//!
//! Options: `--accounts N`, `--days D`, `--seed S`, `--no-scripts` (detect scripts without
//! being told the known ones), `--shuffle` (apply the events shuffled, every tenth twice),
//! `--examples` (print one finding of each detector), `--show DETECTOR` (print all of its
//! findings).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use rampart_abuse::detect::{DetectConfig, Detector, detect};
use rampart_abuse::events::{Event, parse_line};
use rampart_abuse::model::Model;
use rampart_abuse::score::{score, table};
use rampart_abuse::simulate::{Config, simulate};

struct Args {
    accounts: usize,
    days: u32,
    seed: u64,
    scripts: bool,
    shuffle: bool,
    examples: bool,
    show: Option<String>,
}

fn args() -> Args {
    let mut a = Args {
        accounts: 100_000,
        days: 60,
        seed: 7,
        scripts: true,
        shuffle: false,
        examples: false,
        show: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().expect("a value after the flag");
        match flag.as_str() {
            "--accounts" => a.accounts = value().parse().expect("--accounts N"),
            "--days" => a.days = value().parse().expect("--days D"),
            "--seed" => a.seed = value().parse().expect("--seed S"),
            "--no-scripts" => a.scripts = false,
            "--shuffle" => a.shuffle = true,
            "--examples" => a.examples = true,
            "--show" => a.show = Some(value()),
            other => panic!("unknown option {other}"),
        }
    }
    a
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// CPU time this thread has used (user and system), from /proc: wall time lies on a shared
/// machine.
fn cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return Duration::ZERO;
    };
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |r| r.1);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// Wall and CPU time of a phase.
struct Clock(Instant, Duration);

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu())
    }

    fn stop(&self) -> (Duration, Duration) {
        (self.0.elapsed(), cpu().saturating_sub(self.1))
    }
}

fn both(t: (Duration, Duration)) -> String {
    format!("{} (cpu {})", ms(t.0), ms(t.1))
}

fn rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let a = args();
    let t = Clock::start();
    let mut lines = Vec::new();
    let truth = simulate(&Config::new(a.accounts, a.days, a.seed), |l| {
        lines.push(l.to_string())
    });
    let simulated = t.stop();

    let t = Clock::start();
    let mut events: Vec<Event> = lines
        .iter()
        .map(|l| parse_line(l).expect("the simulator writes valid lines"))
        .collect();
    let parsed = t.stop();
    drop(lines);
    if a.shuffle {
        // A fixed shuffle (splitmix64), every tenth event twice.
        let mut state = a.seed ^ 0x5DEE_CE66_D1CE_4E5B;
        let mut next = move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let again: Vec<Event> = events.iter().step_by(10).cloned().collect();
        events.extend(again);
        for i in (1..events.len()).rev() {
            let j = (next() % (i as u64 + 1)) as usize;
            events.swap(i, j);
        }
    }

    let rss_before = rss_kb();
    let cfg = DetectConfig {
        scripts: if a.scripts {
            truth.scripts.clone()
        } else {
            Vec::new()
        },
        ..DetectConfig::default()
    };
    let t = Clock::start();
    let mut model = Model::with_options(cfg.model_options());
    let mut applied = 0usize;
    for e in &events {
        applied += usize::from(model.apply(e));
    }
    let built = t.stop();
    let rss_after = rss_kb();

    let t = Clock::start();
    let findings = detect(&model, &cfg, truth.end);
    let detected = t.stop();

    // The hot path: one account's aggregates, as a decision asks for them.
    let ids: Vec<String> = (1..=a.accounts.min(20_000))
        .map(|i| format!("acct-{i:06}"))
        .collect();
    let t = Instant::now();
    let mut linked = 0u64;
    for id in &ids {
        linked += model.stats(id, truth.end).linked_accounts;
    }
    let per_stats = t.elapsed().as_secs_f64() * 1e6 / ids.len().max(1) as f64;

    println!(
        "{} accounts x {} days, seed {}: {} events ({} applied of {} offered{}), {} rings, {} \
         fraud refunds, {} fake reviews, {} scripted contacts",
        a.accounts,
        a.days,
        a.seed,
        truth.stats.events,
        applied,
        events.len(),
        if a.shuffle { ", shuffled" } else { "" },
        truth.rings.len(),
        truth.fraud_refunds.len(),
        truth.fake_reviews.len(),
        truth.scripted_contacts.len()
    );
    println!(
        "simulate {}, parse {}, build model {} ({:.2} us cpu an event), detect {}, stats \
         {per_stats:.1} us a call ({linked} links seen)",
        both(simulated),
        both(parsed),
        both(built),
        built.1.as_secs_f64() * 1e6 / events.len().max(1) as f64,
        both(detected),
    );
    if let (Some(b), Some(a)) = (rss_before, rss_after) {
        println!(
            "model memory (resident growth while building): {:.0} MB, {:.0} bytes an event",
            (a.saturating_sub(b)) as f64 / 1024.0,
            (a.saturating_sub(b)) as f64 * 1024.0 / applied.max(1) as f64
        );
    }
    println!(
        "known scripts given to the detector: {}\n",
        if a.scripts { "yes" } else { "no" }
    );
    let scores = score(&findings, &truth);
    print!("{}", table(&scores));
    // Ring members the account detector missed, by how many fraud refunds they got: one
    // refund is below its minimum support.
    let flagged: std::collections::BTreeSet<&str> = findings
        .iter()
        .filter(|f| f.detector == Detector::AccountRefundAbuse)
        .flat_map(|f| f.accounts.iter().map(String::as_str))
        .collect();
    let mut missed = std::collections::BTreeMap::<usize, usize>::new();
    for m in truth.rings.iter().flat_map(|r| &r.members) {
        if !flagged.contains(m.as_str()) {
            let n = truth
                .fraud_refunds
                .iter()
                .filter(|f| &f.account_id == m)
                .count();
            *missed.entry(n).or_default() += 1;
        }
    }
    println!(
        "account_refund_abuse missed members by fraud refunds received: {}",
        missed
            .iter()
            .map(|(n, c)| format!("{c} with {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for s in &scores {
        if !s.trap_hits.is_empty() {
            println!(
                "{} trap hits: {}",
                s.detector.as_str(),
                s.trap_hits.join(", ")
            );
        }
    }
    if let Some(d) = &a.show {
        println!();
        for f in findings.iter().filter(|f| f.detector.as_str() == d) {
            println!("[{}] {:.2} {}", f.key, f.score, f.summary);
            for e in &f.evidence {
                println!("    - {} ({} events)", e.fact, e.event_ids.len());
            }
        }
    }
    if a.examples {
        println!();
        for d in Detector::ALL {
            if let Some(f) = findings.iter().find(|f| f.detector == *d) {
                println!("[{}] {:.2} {}", d.as_str(), f.score, f.summary);
                for e in &f.evidence {
                    println!("    - {} ({} events)", e.fact, e.event_ids.len());
                }
            }
        }
    }
}
