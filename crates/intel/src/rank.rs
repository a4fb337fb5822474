//! Campaign ranking: which campaigns an analyst should look at first, with the reasons in words.
//!
//! The score adds up, each on a log scale so that no single signal drowns the others:
//!
//! * **distinct reporters**, not reports: one person sending a thousand reports is one voice
//!   (the raw count only breaks ties, and is capped at ten per reporter);
//! * **velocity**: reporters this week against last week;
//! * **money lost**: without exchange rates, the largest `log10` of a per-currency total in minor
//!   units, plus the number of victims who lost money;
//! * **spread** across countries (and, a little, across channels);
//!
//! and the sum is multiplied by a **recency** factor that halves every [`HALF_LIFE_DAYS`] days
//! since the campaign was last reported. A report dated in the future counts as now.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Recency halves the score every this many days since the last report.
pub const HALF_LIFE_DAYS: f64 = 14.0;

const W_REPORTERS: f64 = 10.0;
const W_REPORTS: f64 = 0.5;
const W_VELOCITY: f64 = 4.0;
const W_MONEY: f64 = 3.0;
const W_VICTIMS: f64 = 4.0;
const W_COUNTRIES: f64 = 5.0;
const W_CHANNELS: f64 = 1.5;

/// What is known about a campaign, computed by the store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignStats {
    pub reports: u64,
    pub distinct_reporters: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub first_seen: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen: OffsetDateTime,
    /// Distinct reporters in the 7 days before `now`.
    pub reporters_last_7d: u64,
    /// Distinct reporters in the 7 days before those.
    pub reporters_prev_7d: u64,
    /// Total reported loss per ISO 4217 currency, in minor units (cents).
    pub money_lost: Vec<(String, i64)>,
    pub victims_with_loss: u64,
    pub countries: u64,
    pub channels: u64,
}

/// A campaign's priority and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Higher first. Finite and non-negative.
    pub score: f64,
    /// Short sentences for the analyst, strongest signal first.
    pub reasons: Vec<String>,
}

/// Scores a campaign as of `now`.
pub fn score(stats: &CampaignStats, now: OffsetDateTime) -> Ranking {
    let mut parts: Vec<(f64, String)> = Vec::new();

    let reporters = stats.distinct_reporters;
    parts.push((
        W_REPORTERS * ln1p(reporters as f64),
        format!(
            "{reporters} distinct {}",
            plural(reporters, "reporter", "reporters")
        ),
    ));
    // Extra reports only break ties, and at most ten per reporter count: flooding adds nothing.
    let capped_reports = stats.reports.min(reporters.saturating_mul(10));
    parts.push((W_REPORTS * ln1p(capped_reports as f64), String::new()));
    if reporters > 0 && stats.reports >= reporters.saturating_mul(10) && stats.reports >= 20 {
        parts.push((
            0.0,
            format!(
                "{} reports from {reporters} {}: repeat reports discounted",
                stats.reports,
                plural(reporters, "reporter", "reporters")
            ),
        ));
    }

    let (this, prev) = (stats.reporters_last_7d, stats.reporters_prev_7d);
    // log2 of the week-on-week ratio, smoothed so that 1 -> 2 is not a surge; only growth counts.
    let growth = ((this as f64 + 2.0) / (prev as f64 + 2.0)).log2().max(0.0);
    let velocity = W_VELOCITY * growth * ln1p(this as f64);
    if velocity > 0.0 {
        parts.push((
            velocity,
            format!("growing: {this} reporters this week, {prev} the week before"),
        ));
    }

    let top_money = stats
        .money_lost
        .iter()
        .filter(|(_, minor)| *minor > 0)
        .max_by(|a, b| {
            log_minor(a.1)
                .total_cmp(&log_minor(b.1))
                .then(b.0.cmp(&a.0))
        });
    if let Some((currency, minor)) = top_money {
        parts.push((
            W_MONEY * log_minor(*minor),
            format!("{} lost", format_money(currency, *minor)),
        ));
    }
    if stats.victims_with_loss > 0 {
        let v = stats.victims_with_loss;
        parts.push((
            W_VICTIMS * ln1p(v as f64),
            format!("{v} {} lost money", plural(v, "victim", "victims")),
        ));
    }

    let countries = stats.countries;
    if countries > 1 {
        parts.push((
            W_COUNTRIES * (countries as f64).ln(),
            format!("reported from {countries} countries"),
        ));
    }
    if stats.channels > 1 {
        parts.push((
            W_CHANNELS * (stats.channels as f64).ln(),
            format!("seen on {} channels", stats.channels),
        ));
    }

    let age_days = ((now - stats.last_seen).as_seconds_f64() / 86_400.0).max(0.0);
    let recency = 0.5f64.powf(age_days / HALF_LIFE_DAYS);
    let total: f64 = parts.iter().map(|(s, _)| s).sum::<f64>() * recency;
    let score = if total.is_finite() {
        total.max(0.0)
    } else {
        0.0
    };

    parts.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut reasons: Vec<String> = parts
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| !r.is_empty())
        .collect();
    let days = age_days.floor() as i64;
    reasons.push(match days {
        0 => "last reported today".to_string(),
        1 => "last reported yesterday".to_string(),
        d => format!("last reported {d} days ago"),
    });
    Ranking { score, reasons }
}

fn ln1p(x: f64) -> f64 {
    x.max(0.0).ln_1p()
}

fn log_minor(minor: i64) -> f64 {
    (minor.max(0) as f64 + 1.0).log10()
}

fn plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Minor units per major unit (ISO 4217 exponent), for display only.
fn exponent(currency: &str) -> u32 {
    match currency.to_ascii_uppercase().as_str() {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

fn format_money(currency: &str, minor: i64) -> String {
    let e = exponent(currency);
    let unit = 10i64.pow(e);
    let (major, rest) = (minor / unit, minor % unit);
    let mut digits = major.to_string();
    // Thousands separators make large sums readable at a glance.
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    grouped = format!("{digits}{grouped}");
    let code = currency.to_ascii_uppercase();
    if e == 0 {
        format!("{grouped} {code}")
    } else {
        format!("{grouped}.{rest:0width$} {code}", width = e as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2025-06-30 12:00 UTC);

    fn base() -> CampaignStats {
        CampaignStats {
            reports: 10,
            distinct_reporters: 10,
            first_seen: datetime!(2025-06-01 00:00 UTC),
            last_seen: datetime!(2025-06-30 08:00 UTC),
            reporters_last_7d: 3,
            reporters_prev_7d: 3,
            money_lost: Vec::new(),
            victims_with_loss: 0,
            countries: 1,
            channels: 1,
        }
    }

    fn s(f: impl FnOnce(&mut CampaignStats)) -> f64 {
        let mut st = base();
        f(&mut st);
        score(&st, NOW).score
    }

    /// Each row: a description, and two campaigns where the first must outrank the second.
    #[test]
    fn orderings() {
        type Edit = fn(&mut CampaignStats);
        let cases: &[(&str, Edit, Edit)] = &[
            (
                "50 distinct victims beat one flooder with 1,000 reports",
                |c| {
                    c.reports = 50;
                    c.distinct_reporters = 50;
                },
                |c| {
                    c.reports = 1000;
                    c.distinct_reporters = 1;
                },
            ),
            (
                "more distinct reporters win at equal report counts",
                |c| {
                    c.reports = 40;
                    c.distinct_reporters = 40;
                },
                |c| {
                    c.reports = 40;
                    c.distinct_reporters = 4;
                },
            ),
            (
                "fresh beats stale at equal size",
                |c| c.last_seen = datetime!(2025-06-30 10:00 UTC),
                |c| c.last_seen = datetime!(2025-05-01 10:00 UTC),
            ),
            (
                "a small fresh campaign beats a big one silent for three months",
                |c| {
                    c.reports = 15;
                    c.distinct_reporters = 15;
                },
                |c| {
                    c.reports = 200;
                    c.distinct_reporters = 200;
                    c.last_seen = datetime!(2025-03-30 10:00 UTC);
                },
            ),
            (
                "growing beats flat",
                |c| {
                    c.reporters_last_7d = 8;
                    c.reporters_prev_7d = 1;
                },
                |c| {
                    c.reporters_last_7d = 4;
                    c.reporters_prev_7d = 5;
                },
            ),
            (
                "money lost beats none",
                |c| {
                    c.money_lost = vec![("USD".into(), 250_000)];
                    c.victims_with_loss = 3;
                },
                |_| {},
            ),
            (
                "more money beats less, whatever the currency",
                |c| c.money_lost = vec![("EUR".into(), 5_000_000), ("USD".into(), 100)],
                |c| c.money_lost = vec![("USD".into(), 20_000)],
            ),
            (
                "more victims with losses beat fewer at equal amounts",
                |c| {
                    c.money_lost = vec![("GBP".into(), 100_000)];
                    c.victims_with_loss = 8;
                },
                |c| {
                    c.money_lost = vec![("GBP".into(), 100_000)];
                    c.victims_with_loss = 1;
                },
            ),
            (
                "spread across countries beats one country",
                |c| c.countries = 6,
                |c| c.countries = 1,
            ),
            (
                "more channels beat one",
                |c| c.channels = 3,
                |c| c.channels = 1,
            ),
        ];
        for (name, better, worse) in cases {
            let (a, b) = (s(*better), s(*worse));
            assert!(a > b, "{name}: {a} should exceed {b}");
        }
    }

    #[test]
    fn recency_halves_every_14_days() {
        let fresh = s(|c| c.last_seen = NOW);
        let old = s(|c| c.last_seen = NOW - time::Duration::days(14));
        assert!((old / fresh - 0.5).abs() < 1e-9, "{old} / {fresh}");
        // A report dated in the future is treated as now, not as a bonus.
        let future = s(|c| c.last_seen = NOW + time::Duration::days(3));
        assert!((future - fresh).abs() < 1e-9);
    }

    #[test]
    fn reasons_read_as_sentences() {
        let mut st = base();
        st.reports = 1200;
        st.distinct_reporters = 3;
        st.money_lost = vec![("USD".into(), 123_456_789), ("JPY".into(), 5000)];
        st.victims_with_loss = 2;
        st.countries = 4;
        st.reporters_last_7d = 9;
        st.reporters_prev_7d = 1;
        st.last_seen = NOW - time::Duration::days(2);
        let r = score(&st, NOW);
        assert!(r.score.is_finite() && r.score > 0.0);
        for want in [
            "3 distinct reporters",
            "1200 reports from 3 reporters: repeat reports discounted",
            "growing: 9 reporters this week, 1 the week before",
            "1,234,567.89 USD lost",
            "2 victims lost money",
            "reported from 4 countries",
            "last reported 2 days ago",
        ] {
            assert!(
                r.reasons.iter().any(|x| x == want),
                "missing {want:?} in {:?}",
                r.reasons
            );
        }
        assert_eq!(format_money("jpy", 5000), "5,000 JPY");
        assert_eq!(format_money("KWD", 12_345), "12.345 KWD");
        assert_eq!(format_money("EUR", 5), "0.05 EUR");
    }

    #[test]
    fn empty_and_extreme_stats_stay_finite() {
        let mut st = base();
        st.reports = 0;
        st.distinct_reporters = 0;
        st.reporters_last_7d = 0;
        st.reporters_prev_7d = 0;
        st.countries = 0;
        st.channels = 0;
        st.money_lost = vec![("USD".into(), -5), ("XXX".into(), 0)];
        let r = score(&st, NOW);
        assert!(r.score.is_finite() && r.score >= 0.0);
        st.reports = u64::MAX;
        st.distinct_reporters = u64::MAX;
        st.reporters_last_7d = u64::MAX;
        st.money_lost = vec![("USD".into(), i64::MAX)];
        st.victims_with_loss = u64::MAX;
        st.countries = u64::MAX;
        st.channels = u64::MAX;
        st.last_seen = OffsetDateTime::UNIX_EPOCH;
        let r = score(&st, datetime!(9999-12-31 23:59 UTC));
        assert!(r.score.is_finite() && r.score >= 0.0, "{}", r.score);
        let _ = format_money("USD", i64::MIN);
    }
}
