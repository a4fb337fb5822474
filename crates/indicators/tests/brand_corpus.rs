//! Recall on real-shaped lookalikes and false alarms on real unrelated domains, for the brands a
//! marketplace most often sees impersonated. Prints both figures (`--nocapture`) with every miss
//! and every false alarm, so a change in either shows up by name.

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use rampart_indicators::brand::{Brand, BrandSet, Verdict};

const LOOKALIKES: &str = include_str!("data/brand_lookalikes.txt");
const BENIGN: &str = include_str!("data/brand_benign.txt");

const MIN_RECALL: f64 = 0.95;
const MAX_FALSE_ALARMS: f64 = 0.02;

fn brands() -> BrandSet {
    let b = |name: &str, domains: &[&str]| Brand {
        name: name.to_string(),
        domains: domains.iter().map(|d| d.to_string()).collect(),
        phones: Vec::new(),
    };
    BrandSet::new(&[
        b("Amazon", &["amazon.com", "amazon.co.uk", "amazon.de"]),
        b("PayPal", &["paypal.com", "paypal.me"]),
        b("Apple", &["apple.com", "icloud.com"]),
        b("Microsoft", &["microsoft.com", "outlook.com"]),
        b("DHL", &["dhl.com", "dhl.de"]),
    ])
    .unwrap()
}

/// Non-comment lines as (host, rest of the line).
fn entries(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once(' ').unwrap_or((l, "")))
        .collect()
}

#[test]
fn recall_on_lookalikes_and_false_alarms_on_unrelated_domains() {
    let set = brands();

    let lookalikes = entries(LOOKALIKES);
    let mut by_technique: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for &(host, technique) in &lookalikes {
        let v = set.check_host(host);
        let hit = v.verdict == Verdict::Lookalike;
        let t = by_technique.entry(technique.trim()).or_default();
        t.0 += usize::from(hit);
        t.1 += 1;
        if !hit {
            misses.push(format!(
                "  {host} ({technique}): {:?}, {}",
                v.verdict, v.reason
            ));
        }
    }
    let found = lookalikes.len() - misses.len();
    let recall = found as f64 / lookalikes.len() as f64;

    let benign = entries(BENIGN);
    let mut alarms = Vec::new();
    for &(host, _) in &benign {
        let v = set.check_host(host);
        if v.verdict != Verdict::Unknown {
            alarms.push(format!(
                "  {host}: {:?} {:.2}, {}",
                v.verdict, v.score, v.reason
            ));
        }
    }
    let false_alarm_rate = alarms.len() as f64 / benign.len() as f64;

    println!(
        "recall: {found}/{} = {:.1}%",
        lookalikes.len(),
        recall * 100.0
    );
    for (technique, (hit, all)) in &by_technique {
        println!("  {technique:<14} {hit}/{all}");
    }
    println!("missed:\n{}", misses.join("\n"));
    println!(
        "false alarms: {}/{} = {:.1}%\n{}",
        alarms.len(),
        benign.len(),
        false_alarm_rate * 100.0,
        alarms.join("\n")
    );

    // Several hundred of each, or the figures say little.
    assert!(lookalikes.len() >= 500, "{} lookalikes", lookalikes.len());
    assert!(benign.len() >= 300, "{} unrelated domains", benign.len());
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.3} below {MIN_RECALL}"
    );
    assert!(
        false_alarm_rate <= MAX_FALSE_ALARMS,
        "false alarms {false_alarm_rate:.3} above {MAX_FALSE_ALARMS}"
    );
}

#[test]
fn corpus_lines_are_unique_hosts() {
    for (name, text) in [("lookalikes", LOOKALIKES), ("benign", BENIGN)] {
        let mut seen = std::collections::HashSet::new();
        for (host, _) in entries(text) {
            assert!(seen.insert(host), "{name}: {host} listed twice");
            assert!(
                !host.contains('/') && !host.contains(':'),
                "{name}: {host} is no host"
            );
        }
    }
    // No host is both.
    let benign: std::collections::HashSet<_> = entries(BENIGN).into_iter().map(|e| e.0).collect();
    for (host, _) in entries(LOOKALIKES) {
        assert!(!benign.contains(host), "{host} is in both files");
    }
}
