//! Attacker-written input: huge, repetitive or malformed texts must be handled in time roughly
//! linear in their length, without panicking. The time limits are generous (debug builds, shared
//! machines); what they catch is quadratic behaviour, which on these sizes takes minutes or hours.

use std::time::{Duration, Instant};

use rampart_indicators::extract::{ExtractOptions, IndicatorKind, extract};

const LIMIT: Duration = Duration::from_secs(30);

fn run(name: &str, text: &str, opts: &ExtractOptions) -> Vec<rampart_indicators::Indicator> {
    let start = Instant::now();
    let found = extract(text, opts);
    let took = start.elapsed();
    assert!(took < LIMIT, "{name}: {} bytes took {took:?}", text.len());
    assert!(found.len() <= opts.max_indicators, "{name}");
    found
}

fn unbounded() -> ExtractOptions {
    ExtractOptions {
        region: Some("GB".to_string()),
        max_indicators: usize::MAX,
    }
}

#[test]
fn a_single_five_megabyte_line() {
    let unit = "abc.def-ghi_jkl.mno:pqr/stu?vwx#yz[.]0(dot)1{.}2 ";
    let line: String = unit.repeat(5 * 1024 * 1024 / unit.len());
    run("mixed line", &line, &unbounded());
    let dots = "a.".repeat(5 * 1024 * 1024 / 2);
    assert!(run("dotted line", &dots, &unbounded()).is_empty());
    let url = format!("https://example.com/{}", "a".repeat(5 * 1024 * 1024));
    let found = run("long url", &url, &unbounded());
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].raw.len(), 8192, "long URLs are reported cut");
}

#[test]
fn a_hundred_thousand_urls() {
    let text: String = (0..100_000)
        .map(|i| format!("https://host{i}.example.com/p?{i} "))
        .collect();
    let found = run("urls", &text, &unbounded());
    assert_eq!(
        found
            .iter()
            .filter(|i| i.kind == IndicatorKind::Url)
            .count(),
        100_000
    );
    let capped = run("urls, capped", &text, &ExtractOptions::default());
    assert_eq!(capped.len(), 1_000);
}

#[test]
fn odd_punycode() {
    let text =
        "xn--zz.com xn--.com xn--a.xn--b.com http://xn--zz.com/ xn----.com xn--80ak6aa92e.com "
            .repeat(20_000);
    let found = run("punycode", &text, &unbounded());
    assert!(
        found.iter().all(|i| i.value.contains("xn--80ak6aa92e")),
        "only the valid IDN is reported"
    );
    let label = format!("xn--{}.com ", "a".repeat(59));
    run("long punycode labels", &label.repeat(50_000), &unbounded());
}

#[test]
fn ten_megabytes_of_digits() {
    let digits = "7".repeat(10 * 1024 * 1024);
    assert!(run("digits", &digits, &unbounded()).is_empty());
    let spaced = "1 ".repeat(5 * 1024 * 1024);
    assert!(run("spaced digits", &spaced, &unbounded()).is_empty());
    let plus = "+4 ".repeat(3 * 1024 * 1024);
    run("plus signs", &plus, &unbounded());
    let dotted = "1.".repeat(5 * 1024 * 1024);
    assert!(run("dotted digits", &dotted, &unbounded()).is_empty());
}

#[test]
fn deep_bracket_nesting() {
    let n = 2 * 1024 * 1024;
    for (name, text) in [
        ("round", format!("{}{}", "(".repeat(n), ")".repeat(n))),
        ("square", format!("{}x{}", "[".repeat(n), "]".repeat(n))),
        ("defanged", "[[[.]]]".repeat(n / 4)),
        (
            "url",
            format!("https://example.com/{}{}", "(".repeat(n), ")".repeat(n)),
        ),
        (
            "url closing",
            format!("https://example.com/x{}", ")".repeat(n)),
        ),
        ("phone", "(1(2(3".repeat(n / 3)),
        ("colons", ":".repeat(n)),
        ("at signs", "a@".repeat(n / 2)),
    ] {
        run(name, &text, &unbounded());
    }
}

#[test]
fn phone_parses_are_bounded_by_the_cap() {
    // Every group looks like a number but none is valid: the parser must not be asked forever.
    let text = "+44 1234 5678 ".repeat(200_000);
    let start = Instant::now();
    assert!(extract(&text, &ExtractOptions::default()).is_empty());
    assert!(start.elapsed() < LIMIT);
}
