//! The readable summary of a case, for the evidence package (`summary.txt`) and the console.
//!
//! Nearly every field here was written by someone else, most of it by the scammer or by a
//! reporter: [`clean`] makes each one a single line of visible text of bounded length before it
//! is written, so a subject cannot forge a line of the summary or reorder it with bidi controls.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rampart_indicators::extract::IndicatorKind;
use time::OffsetDateTime;

/// How long one untrusted field may be in the summary, in characters.
pub const FIELD_CHARS: usize = 200;

/// One report of the case.
#[derive(Debug, Clone)]
pub struct SummaryReport {
    pub reference: String,
    /// UTC Unix milliseconds.
    pub received_at: i64,
    pub channel: String,
    pub country: Option<String>,
    pub language: Option<String>,
    /// Pseudonymous id of the reporter: distinct victims are distinct keys.
    pub reporter_key: String,
    /// The loss the reporter stated: minor units and ISO 4217 currency.
    pub loss: Option<(i64, String)>,
    pub subject: Option<String>,
    pub raw_sha256: String,
    /// Path of the raw message inside the package.
    pub raw_file: String,
}

/// One entry of the case's timeline.
#[derive(Debug, Clone)]
pub struct SummaryEvent {
    /// UTC Unix milliseconds.
    pub at: i64,
    pub actor: String,
    pub what: String,
}

/// Everything the summary says. Times are UTC Unix milliseconds.
#[derive(Debug, Clone)]
pub struct SummaryInput {
    pub case_reference: String,
    pub title: String,
    pub status: String,
    pub opened_at: i64,
    pub generated_at: i64,
    pub producer: String,
    /// Campaign id and name.
    pub campaigns: Vec<(i64, String)>,
    /// Kind, value and the number of reports that carry it.
    pub indicators: Vec<(IndicatorKind, String, i64)>,
    pub reports: Vec<SummaryReport>,
    pub timeline: Vec<SummaryEvent>,
}

/// The case in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    pub reports: usize,
    pub distinct_victims: usize,
    /// Distinct victims who stated a loss above zero.
    pub victims_with_loss: usize,
    /// Currency (upper case) and total in minor units, sorted by currency. Each victim counts
    /// once per currency, with their largest stated loss in it.
    pub losses: Vec<(String, i64)>,
    /// Country (upper case) and number of reports from it, by count descending then name.
    /// Reports without a country are not counted.
    pub countries: Vec<(String, usize)>,
    /// Channel and number of reports through it, by count descending then name.
    pub channels: Vec<(String, usize)>,
    pub first_report: Option<i64>,
    pub last_report: Option<i64>,
}

/// The case's figures. A victim who reports the same loss twice, or restates it, counts once,
/// at the largest amount they stated in that currency; negative or zero losses count as none.
pub fn figures(input: &SummaryInput) -> Figures {
    let reports = &input.reports;
    let victims: BTreeSet<&str> = reports.iter().map(|r| r.reporter_key.as_str()).collect();
    // (currency, victim) -> largest loss stated.
    let mut largest: BTreeMap<(String, &str), i64> = BTreeMap::new();
    for r in reports {
        if let Some((amount, currency)) = &r.loss
            && *amount > 0
        {
            let entry = largest
                .entry((
                    currency.trim().to_ascii_uppercase(),
                    r.reporter_key.as_str(),
                ))
                .or_insert(0);
            *entry = (*entry).max(*amount);
        }
    }
    let victims_with_loss = largest
        .keys()
        .map(|(_, victim)| *victim)
        .collect::<BTreeSet<_>>()
        .len();
    let mut totals: BTreeMap<String, i64> = BTreeMap::new();
    for ((currency, _), amount) in largest {
        let total = totals.entry(currency).or_insert(0);
        *total = total.saturating_add(amount);
    }
    Figures {
        reports: reports.len(),
        distinct_victims: victims.len(),
        victims_with_loss,
        losses: totals.into_iter().collect(),
        countries: by_count(
            reports
                .iter()
                .filter_map(|r| r.country.as_deref())
                .map(|c| c.trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty()),
        ),
        channels: by_count(reports.iter().map(|r| r.channel.trim().to_string())),
        first_report: reports.iter().map(|r| r.received_at).min(),
        last_report: reports.iter().map(|r| r.received_at).max(),
    }
}

/// Counts each name, most frequent first, ties by name.
fn by_count(names: impl Iterator<Item = String>) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for name in names {
        *counts.entry(name).or_insert(0) += 1;
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// `s` as one line of visible text of at most `max_chars` characters: control characters (CR,
/// LF, tab, and the rest of C0 and C1), line and paragraph separators become a space, Unicode bidi
/// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) become U+FFFD, and a longer
/// text is cut to `max_chars - 1` characters followed by "…".
pub fn clean(s: &str, max_chars: usize) -> String {
    if max_chars == 0 {
        return String::new();
    }
    let visible = s.chars().map(|c| match c {
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => '\u{FFFD}',
        '\u{2028}' | '\u{2029}' => ' ',
        c if c.is_control() => ' ',
        c => c,
    });
    if s.chars().nth(max_chars).is_none() {
        visible.collect()
    } else {
        let mut out: String = visible.take(max_chars - 1).collect();
        out.push('…');
        out
    }
}

/// `value` in a form no reader or mail client turns into a live link: `.` becomes `[.]` in
/// domains, URLs, e-mail addresses and IPv4 addresses, `@` becomes `[@]`, and a URL's leading
/// `http` becomes `hxxp`. Other kinds are returned as they are. Does not [`clean`].
pub fn defang(kind: IndicatorKind, value: &str) -> String {
    match kind {
        IndicatorKind::Url | IndicatorKind::Domain | IndicatorKind::Email | IndicatorKind::Ipv4 => {
            let (scheme, rest) = match value.get(..4) {
                Some(head) if kind == IndicatorKind::Url && head.eq_ignore_ascii_case("http") => {
                    ("hxxp", value.get(4..).unwrap_or_default())
                }
                _ => ("", value),
            };
            let mut out = String::with_capacity(value.len() + 8);
            out.push_str(scheme);
            for c in rest.chars() {
                match c {
                    '.' => out.push_str("[.]"),
                    '@' => out.push_str("[@]"),
                    c => out.push(c),
                }
            }
            out
        }
        IndicatorKind::Phone | IndicatorKind::Ipv6 | IndicatorKind::Btc | IndicatorKind::Eth => {
            value.to_string()
        }
    }
}

/// Digits after the decimal point for an ISO 4217 currency (upper case).
pub fn minor_unit_exponent(currency: &str) -> u32 {
    match currency {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// An amount in minor units as people write it: `EUR 1,234.50`, `JPY 120,000`, `KWD 1.500`.
pub fn money(currency: &str, minor: i64) -> String {
    let currency = clean(currency.trim(), 8).to_ascii_uppercase();
    let exponent = minor_unit_exponent(&currency);
    let scale = 10u64.pow(exponent);
    let abs = minor.unsigned_abs();
    let whole = group_thousands(abs / scale);
    let sign = if minor < 0 { "-" } else { "" };
    if exponent == 0 {
        format!("{currency} {sign}{whole}")
    } else {
        let fraction = abs % scale;
        let width = exponent as usize;
        format!("{currency} {sign}{whole}.{fraction:0width$}")
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The UTC time of Unix milliseconds, held to years 0000–9999 (what RFC 3339 can write).
pub(crate) fn utc(ms: i64) -> OffsetDateTime {
    const MIN_MS: i64 = -62_167_219_200_000; // 0000-01-01T00:00:00Z
    const MAX_MS: i64 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
    let ms = ms.clamp(MIN_MS, MAX_MS);
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// `YYYY-MM-DD HH:MM UTC`.
pub fn datetime(ms: i64) -> String {
    let t = utc(ms);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

fn optional_datetime(ms: Option<i64>) -> String {
    ms.map_or_else(|| "-".to_string(), datetime)
}

fn field(s: &str) -> String {
    clean(s, FIELD_CHARS)
}

/// The summary as plain UTF-8 text, one fact per line, every untrusted field [`clean`]ed and
/// every indicator [`defang`]ed.
pub fn render_text(input: &SummaryInput) -> String {
    use std::fmt::Write as _;

    let f = figures(input);
    let mut out = String::new();
    // Writing to a String cannot fail.
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };

    line(&format!(
        "Case {}: {}",
        field(&input.case_reference),
        field(&input.title)
    ));
    line(&format!("Status: {}", field(&input.status)));
    line(&format!("Opened: {}", datetime(input.opened_at)));
    line(&format!(
        "Generated: {} by {}",
        datetime(input.generated_at),
        field(&input.producer)
    ));

    line("");
    line("Figures");
    line(&format!("  Reports: {}", f.reports));
    line(&format!("  Distinct victims: {}", f.distinct_victims));
    line(&format!(
        "  Victims who stated a loss: {}",
        f.victims_with_loss
    ));
    line(&format!(
        "  First report: {}",
        optional_datetime(f.first_report)
    ));
    line(&format!(
        "  Last report: {}",
        optional_datetime(f.last_report)
    ));

    line("");
    line("Losses by currency (each victim once, at their largest stated loss)");
    if f.losses.is_empty() {
        line("  (none stated)");
    }
    for (currency, minor) in &f.losses {
        line(&format!("  {}", money(currency, *minor)));
    }

    line("");
    line("Countries (reports)");
    if f.countries.is_empty() {
        line("  (none stated)");
    }
    for (country, n) in &f.countries {
        line(&format!("  {}: {n}", field(country)));
    }

    line("");
    line("Channels (reports)");
    if f.channels.is_empty() {
        line("  (none)");
    }
    for (channel, n) in &f.channels {
        line(&format!("  {}: {n}", field(channel)));
    }

    line("");
    line("Campaigns");
    if input.campaigns.is_empty() {
        line("  (none)");
    }
    for (id, name) in &input.campaigns {
        line(&format!("  #{id} {}", field(name)));
    }

    line("");
    line("Indicators (defanged)");
    if input.indicators.is_empty() {
        line("  (none)");
    }
    let mut indicators: Vec<&(IndicatorKind, String, i64)> = input.indicators.iter().collect();
    indicators.sort_by_key(|i| std::cmp::Reverse(i.2));
    for (kind, value, reports) in indicators {
        line(&format!(
            "  {:<6} {}  ({reports} {})",
            kind.as_str(),
            field(&defang(*kind, value)),
            if *reports == 1 { "report" } else { "reports" }
        ));
    }

    line("");
    line("Reports (received UTC | channel | country | language | loss | raw file | SHA-256)");
    if input.reports.is_empty() {
        line("  (none)");
    }
    let mut reports: Vec<&SummaryReport> = input.reports.iter().collect();
    reports.sort_by_key(|r| r.received_at);
    for r in reports {
        let mut row = format!(
            "  {} | {} | {} | {} | {} | ",
            field(&r.reference),
            datetime(r.received_at),
            field(&r.channel),
            r.country.as_deref().map_or_else(|| "-".into(), field),
            r.language.as_deref().map_or_else(|| "-".into(), field),
        );
        match &r.loss {
            Some((minor, currency)) => row.push_str(&money(currency, *minor)),
            None => row.push('-'),
        }
        let _ = write!(row, " | {} | {}", field(&r.raw_file), field(&r.raw_sha256));
        line(&row);
        if let Some(subject) = &r.subject {
            line(&format!("      subject: {}", field(subject)));
        }
    }

    line("");
    line("Timeline (UTC)");
    if input.timeline.is_empty() {
        line("  (none)");
    }
    let mut timeline: Vec<&SummaryEvent> = input.timeline.iter().collect();
    timeline.sort_by_key(|e| e.at);
    for e in timeline {
        line(&format!(
            "  {}  {}: {}",
            datetime(e.at),
            field(&e.actor),
            field(&e.what)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // 2024-03-05 14:07:09.250 UTC
    const T: i64 = 1_709_647_629_250;
    const HOUR: i64 = 3_600_000;

    fn report(reference: &str, victim: &str, loss: Option<(i64, &str)>) -> SummaryReport {
        SummaryReport {
            reference: reference.into(),
            received_at: T,
            channel: "email".into(),
            country: Some("FR".into()),
            language: Some("fr".into()),
            reporter_key: victim.into(),
            loss: loss.map(|(a, c)| (a, c.to_string())),
            subject: Some("Votre colis".into()),
            raw_sha256: "ab".repeat(32),
            raw_file: format!("raw/{reference}.eml"),
        }
    }

    fn input(reports: Vec<SummaryReport>) -> SummaryInput {
        SummaryInput {
            case_reference: "CASE-12".into(),
            title: "Parcel fee scam".into(),
            status: "open".into(),
            opened_at: T,
            generated_at: T + HOUR,
            producer: "Example Shop".into(),
            campaigns: vec![(3, "Parcel fee SMS".into())],
            indicators: vec![
                (IndicatorKind::Domain, "examp1e-shop.com".into(), 4),
                (IndicatorKind::Url, "https://examp1e-shop.com/pay".into(), 2),
                (IndicatorKind::Email, "help@examp1e-shop.com".into(), 1),
            ],
            reports,
            timeline: vec![
                SummaryEvent {
                    at: T + 2 * HOUR,
                    actor: "bob".into(),
                    what: "requested takedown".into(),
                },
                SummaryEvent {
                    at: T,
                    actor: "alice".into(),
                    what: "opened the case".into(),
                },
            ],
        }
    }

    #[test]
    fn losses_count_each_victim_once_at_their_largest_loss() {
        fn check(reports: Vec<SummaryReport>, losses: &[(&str, i64)], with_loss: usize) {
            let f = figures(&input(reports));
            let expected: Vec<(String, i64)> =
                losses.iter().map(|(c, a)| (c.to_string(), *a)).collect();
            assert_eq!(f.losses, expected);
            assert_eq!(f.victims_with_loss, with_loss);
        }
        check(vec![], &[], 0);
        // The same person reporting the same loss twice: counted once.
        check(
            vec![
                report("R-1", "v1", Some((10_000, "EUR"))),
                report("R-2", "v1", Some((10_000, "EUR"))),
            ],
            &[("EUR", 10_000)],
            1,
        );
        // Restated higher: the largest counts.
        check(
            vec![
                report("R-1", "v1", Some((5_000, "EUR"))),
                report("R-2", "v1", Some((12_000, "eur"))),
                report("R-3", "v2", Some((1_000, "EUR"))),
            ],
            &[("EUR", 13_000)],
            2,
        );
        // One victim, two currencies: once in each; sorted by currency.
        check(
            vec![
                report("R-1", "v1", Some((5_000, "JPY"))),
                report("R-2", "v1", Some((2_500, "EUR"))),
                report("R-3", "v2", None),
            ],
            &[("EUR", 2_500), ("JPY", 5_000)],
            1,
        );
        // Zero and negative losses are no loss.
        check(
            vec![
                report("R-1", "v1", Some((0, "EUR"))),
                report("R-2", "v2", Some((-5, "EUR"))),
            ],
            &[],
            0,
        );
        // Totals saturate instead of overflowing.
        check(
            vec![
                report("R-1", "v1", Some((i64::MAX, "EUR"))),
                report("R-2", "v2", Some((i64::MAX, "EUR"))),
            ],
            &[("EUR", i64::MAX)],
            2,
        );
    }

    #[test]
    fn figures_count_reports_victims_countries_and_channels() {
        let mut r2 = report("R-2", "v2", None);
        r2.channel = "sms".into();
        r2.country = Some("de".into());
        r2.received_at = T - HOUR;
        let mut r3 = report("R-3", "v1", None);
        r3.channel = "sms".into();
        r3.country = None;
        r3.received_at = T + HOUR;
        let mut r4 = report("R-4", "v3", None);
        r4.channel = "phone".into();
        let f = figures(&input(vec![report("R-1", "v1", None), r2, r3, r4]));
        assert_eq!(f.reports, 4);
        assert_eq!(f.distinct_victims, 3);
        assert_eq!(
            f.countries,
            vec![("FR".to_string(), 2), ("DE".to_string(), 1)]
        );
        assert_eq!(
            f.channels,
            vec![
                ("sms".to_string(), 2),
                ("email".to_string(), 1),
                ("phone".to_string(), 1)
            ]
        );
        assert_eq!(f.first_report, Some(T - HOUR));
        assert_eq!(f.last_report, Some(T + HOUR));
    }

    #[test]
    fn money_uses_the_currency_minor_unit() {
        fn check(currency: &str, minor: i64, expected: &str) {
            assert_eq!(money(currency, minor), expected, "{currency} {minor}");
        }
        check("EUR", 123_450, "EUR 1,234.50");
        check("EUR", 5, "EUR 0.05");
        check("EUR", 0, "EUR 0.00");
        check("USD", 100_000_000, "USD 1,000,000.00");
        check("JPY", 120_000, "JPY 120,000");
        check("KRW", 999, "KRW 999");
        check("VND", 1_000, "VND 1,000");
        check("KWD", 1_500, "KWD 1.500");
        check("BHD", 1_234_567, "BHD 1,234.567");
        check("TND", 7, "TND 0.007");
        check("eur", 100, "EUR 1.00");
        check("EUR", -250, "EUR -2.50");
        check("EUR", i64::MIN, "EUR -92,233,720,368,547,758.08");
    }

    #[test]
    fn datetime_is_minutes_in_utc() {
        fn check(ms: i64, expected: &str) {
            assert_eq!(datetime(ms), expected);
        }
        check(0, "1970-01-01 00:00 UTC");
        check(T, "2024-03-05 14:07 UTC");
        check(-1, "1969-12-31 23:59 UTC");
        check(i64::MAX, "9999-12-31 23:59 UTC");
        check(i64::MIN, "0000-01-01 00:00 UTC");
    }

    #[test]
    fn clean_makes_one_visible_line_of_bounded_length() {
        fn check(s: &str, max: usize, expected: &str) {
            assert_eq!(clean(s, max), expected, "{s:?}");
        }
        check("plain", 200, "plain");
        check("a\r\nTotal loss: EUR 0", 200, "a  Total loss: EUR 0");
        check("tab\there", 200, "tab here");
        check("nul\0bell\u{7}del\u{7f}nel\u{85}", 200, "nul bell del nel ");
        check("line\u{2028}para\u{2029}", 200, "line para ");
        check("\u{202E}moc.live", 200, "\u{FFFD}moc.live");
        check(
            "a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{2066}f\u{2067}g\u{2068}h\u{2069}i\u{200E}j\u{200F}k\u{061C}",
            200,
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i\u{FFFD}j\u{FFFD}k\u{FFFD}",
        );
        check("abcdef", 6, "abcdef");
        check("abcdefg", 6, "abcde…");
        check("ééééééé", 3, "éé…");
        check("anything", 0, "");
        check("", 5, "");
    }

    #[test]
    fn defang_breaks_links_without_losing_them() {
        fn check(kind: IndicatorKind, value: &str, expected: &str) {
            assert_eq!(defang(kind, value), expected);
        }
        check(IndicatorKind::Domain, "examp1e.com", "examp1e[.]com");
        check(
            IndicatorKind::Url,
            "https://a.example.com/x.php?u=b@c.d",
            "hxxps://a[.]example[.]com/x[.]php?u=b[@]c[.]d",
        );
        check(IndicatorKind::Url, "HTTP://x.io", "hxxp://x[.]io");
        check(IndicatorKind::Url, "ftp://http.io", "ftp://http[.]io");
        check(
            IndicatorKind::Email,
            "help@examp1e.com",
            "help[@]examp1e[.]com",
        );
        check(IndicatorKind::Ipv4, "192.0.2.1", "192[.]0[.]2[.]1");
        check(IndicatorKind::Phone, "+33612345678", "+33612345678");
        check(IndicatorKind::Ipv6, "2001:db8::1", "2001:db8::1");
        check(
            IndicatorKind::Btc,
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        );
        check(IndicatorKind::Url, "htt", "htt");
        check(IndicatorKind::Url, "hé.x", "hé[.]x");
    }

    #[test]
    fn the_text_shows_header_figures_and_sections() {
        let mut r2 = report("R-2", "v1", Some((123_450, "EUR")));
        r2.received_at = T + HOUR;
        let text = render_text(&input(vec![
            report("R-1", "v1", Some((100_000, "EUR"))),
            r2,
            report("R-3", "v2", Some((50_000, "JPY"))),
        ]));
        for expected in [
            "Case CASE-12: Parcel fee scam\n",
            "Status: open\n",
            "Opened: 2024-03-05 14:07 UTC\n",
            "Generated: 2024-03-05 15:07 UTC by Example Shop\n",
            "  Reports: 3\n",
            "  Distinct victims: 2\n",
            "  Victims who stated a loss: 2\n",
            "  First report: 2024-03-05 14:07 UTC\n",
            "  Last report: 2024-03-05 15:07 UTC\n",
            "  EUR 1,234.50\n",
            "  JPY 50,000\n",
            "  FR: 3\n",
            "  email: 3\n",
            "  #3 Parcel fee SMS\n",
            "  domain examp1e-shop[.]com  (4 reports)\n",
            "  url    hxxps://examp1e-shop[.]com/pay  (2 reports)\n",
            "  email  help[@]examp1e-shop[.]com  (1 report)\n",
            "  R-1 | 2024-03-05 14:07 UTC | email | FR | fr | EUR 1,000.00 | raw/R-1.eml | ",
            "  R-2 | 2024-03-05 15:07 UTC | email | FR | fr | EUR 1,234.50 | raw/R-2.eml | ",
            "      subject: Votre colis\n",
            "  2024-03-05 14:07 UTC  alice: opened the case\n  2024-03-05 16:07 UTC  bob: requested takedown\n",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        assert!(text.contains(&"ab".repeat(32)));
        assert!(
            !text.contains("examp1e-shop.com"),
            "a live indicator:\n{text}"
        );
        // Sections are in reading order.
        let order = [
            "Figures",
            "Losses",
            "Countries",
            "Channels",
            "Campaigns",
            "Indicators",
            "Reports (",
            "Timeline",
        ];
        let positions: Vec<usize> = order.iter().map(|s| text.find(s).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    }

    #[test]
    fn an_empty_case_says_so() {
        let mut i = input(vec![]);
        i.campaigns.clear();
        i.indicators.clear();
        i.timeline.clear();
        let text = render_text(&i);
        assert!(text.contains("  Reports: 0\n"));
        assert!(text.contains("  First report: -\n"));
        assert!(text.contains("  (none stated)\n"));
    }

    #[test]
    fn attacker_text_cannot_forge_a_line() {
        let mut r = report("R-1", "v1", None);
        r.subject = Some("hi\r\n  Reports: 0\n\u{202E}txt.exe".into());
        r.channel = "sms\nStatus: closed".into();
        r.raw_file = "raw/a\tb.eml".into();
        let mut i = input(vec![r]);
        i.title = "x\u{2028}Status: closed".into();
        i.timeline[0].what = "ok\n  2099-01-01 00:00 UTC  admin: deleted everything".into();
        let text = render_text(&i);
        for line in text.lines() {
            assert!(
                !line.starts_with("Status: closed")
                    && line != "  Reports: 0"
                    && !line.starts_with("  2099"),
                "forged line {line:?} in\n{text}"
            );
        }
        assert!(!text.contains('\r') && !text.contains('\t') && !text.contains('\u{202E}'));
        assert!(text.contains("      subject: hi    Reports: 0 \u{FFFD}txt.exe\n"));
        assert!(text.contains("  sms Status: closed: 1\n"));
    }

    #[test]
    fn long_fields_are_cut() {
        let mut r = report("R-1", "v1", None);
        r.subject = Some("A".repeat(10_000));
        let text = render_text(&input(vec![r]));
        let subject = text
            .lines()
            .find_map(|l| l.strip_prefix("      subject: "))
            .unwrap();
        assert_eq!(subject.chars().count(), FIELD_CHARS);
        assert!(subject.ends_with('…'));
    }

    proptest! {
        #[test]
        fn clean_never_yields_controls_or_long_text(s in any::<String>(), max in 0usize..50) {
            let c = clean(&s, max);
            prop_assert!(c.chars().count() <= max);
            let forbidden = c.chars().any(|ch| ch.is_control()
                || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                    | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}'));
            prop_assert!(!forbidden, "{:?}", c);
            if s.chars().count() <= max {
                prop_assert_eq!(c.chars().count(), s.chars().count());
            }
        }

        #[test]
        fn render_never_panics(subject in any::<String>(), loss in any::<i64>(), at in any::<i64>()) {
            let mut r = report("R-1", "v1", Some((loss, "EUR")));
            r.subject = Some(subject);
            r.received_at = at;
            let text = render_text(&input(vec![r]));
            prop_assert!(text.starts_with("Case CASE-12"));
        }
    }
}
