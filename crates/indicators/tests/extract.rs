//! What extraction finds in a text, kind by kind and defanged form by defanged form: each case is
//! the input and every indicator expected from it, as (kind, raw text, normalised value).

use IndicatorKind::*;
use rampart_indicators::extract::{ExtractOptions, IndicatorKind, extract};

type Expected<'a> = &'a [(IndicatorKind, &'a str, &'a str)];

fn check(input: &str, expected: Expected) {
    check_in(None, input, expected);
}

/// `check` with a region hint for national phone numbers.
fn check_in(region: Option<&str>, input: &str, expected: Expected) {
    let opts = ExtractOptions {
        region: region.map(str::to_string),
        ..ExtractOptions::default()
    };
    let found = extract(input, &opts);
    for i in &found {
        assert_eq!(
            &input[i.start..i.end],
            i.raw,
            "offsets of {i:?} in {input:?}"
        );
    }
    let got: Vec<(IndicatorKind, &str, &str)> = found
        .iter()
        .map(|i| (i.kind, i.raw.as_str(), i.value.as_str()))
        .collect();
    assert_eq!(got, expected, "in {input:?} (region {region:?})");
}

#[test]
fn urls() {
    check(
        "go to https://example.com/login now",
        &[
            (
                Url,
                "https://example.com/login",
                "https://example.com/login",
            ),
            (Domain, "example.com", "example.com"),
        ],
    );
    check(
        "HTTPS://WWW.Example.COM:443/Path?Q=1#F",
        &[
            (
                Url,
                "HTTPS://WWW.Example.COM:443/Path?Q=1#F",
                "https://www.example.com/Path?Q=1#F",
            ),
            (Domain, "WWW.Example.COM", "example.com"),
        ],
    );
    check(
        "http://example.com:8080",
        &[
            (Url, "http://example.com:8080", "http://example.com:8080/"),
            (Domain, "example.com", "example.com"),
        ],
    );
    check(
        "ftp://files.example.org/a.zip",
        &[
            (
                Url,
                "ftp://files.example.org/a.zip",
                "ftp://files.example.org/a.zip",
            ),
            (Domain, "files.example.org", "example.org"),
        ],
    );
    check(
        "see www.example.co.uk/offer.",
        &[
            (
                Url,
                "www.example.co.uk/offer",
                "http://www.example.co.uk/offer",
            ),
            (Domain, "www.example.co.uk", "example.co.uk"),
        ],
    );
    check(
        "(https://example.com/a_(b))",
        &[
            (
                Url,
                "https://example.com/a_(b)",
                "https://example.com/a_(b)",
            ),
            (Domain, "example.com", "example.com"),
        ],
    );
    check(
        "'https://example.com/x', \"https://example.com/y\"",
        &[
            (Url, "https://example.com/x", "https://example.com/x"),
            (Domain, "example.com", "example.com"),
            (Url, "https://example.com/y", "https://example.com/y"),
            (Domain, "example.com", "example.com"),
        ],
    );
    check(
        "Click https://example.com?ref=1!",
        &[
            (
                Url,
                "https://example.com?ref=1",
                "https://example.com/?ref=1",
            ),
            (Domain, "example.com", "example.com"),
        ],
    );
    check(
        "https://paypal.com@evil.example.net/login",
        &[
            (
                Url,
                "https://paypal.com@evil.example.net/login",
                "https://paypal.com@evil.example.net/login",
            ),
            (Domain, "evil.example.net", "example.net"),
        ],
    );
    check(
        "http://192.168.1.10:8080/admin",
        &[
            (
                Url,
                "http://192.168.1.10:8080/admin",
                "http://192.168.1.10:8080/admin",
            ),
            (Ipv4, "192.168.1.10", "192.168.1.10"),
        ],
    );
    check(
        "http://[2001:DB8::1]/x",
        &[
            (Url, "http://[2001:DB8::1]/x", "http://[2001:db8::1]/x"),
            (Ipv6, "2001:DB8::1", "2001:db8::1"),
        ],
    );
    check(
        "http://localhost:3000/",
        &[(Url, "http://localhost:3000/", "http://localhost:3000/")],
    );
    check(
        "詳細はhttps://example.jp/loginでご確認ください",
        &[
            (Url, "https://example.jp/login", "https://example.jp/login"),
            (Domain, "example.jp", "example.jp"),
        ],
    );
    check("https:// nothing here, http://, https://1.2.3.4.5/", &[]);
    check(
        "ssh://example.com",
        &[(Domain, "example.com", "example.com")],
    );
}

#[test]
fn defanged_urls() {
    let value = "https://evil.example.com/path";
    for raw in [
        "hxxps://evil.example.com/path",
        "hXXps://evil.example.com/path",
        "hxxps[:]//evil.example.com/path",
        "hxxps[://]evil.example.com/path",
        "https[:]//evil[.]example[.]com/path",
        "https://evil(.)example(.)com/path",
        "https://evil[dot]example(dot)com/path",
        "https://evil{.}example{.}com/path",
        "hxxps[:]//evil[.]example(.)com/path",
    ] {
        let host = &raw[raw.find("evil").unwrap_or(0)..raw.find("/path").unwrap_or(0)];
        check(
            &format!("go {raw} now"),
            &[(Url, raw, value), (Domain, host, "example.com")],
        );
    }
    check(
        "hxxp://1.2.3[.]4/x",
        &[
            (Url, "hxxp://1.2.3[.]4/x", "http://1.2.3.4/x"),
            (Ipv4, "1.2.3[.]4", "1.2.3.4"),
        ],
    );
    check(
        "www[.]evil[.]com/login[.]php",
        &[
            (
                Url,
                "www[.]evil[.]com/login[.]php",
                "http://www.evil.com/login.php",
            ),
            (Domain, "www[.]evil[.]com", "evil.com"),
        ],
    );
}

#[test]
fn internationalised_hosts() {
    let found = extract(
        "https://münchen.de/straße and аmazon.com",
        &ExtractOptions::default(),
    );
    let got: Vec<_> = found
        .iter()
        .map(|i| {
            (
                i.kind,
                i.raw.as_str(),
                i.value.as_str(),
                i.unicode.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Url,
                "https://münchen.de/straße",
                "https://xn--mnchen-3ya.de/straße",
                Some("https://münchen.de/straße")
            ),
            (
                Domain,
                "münchen.de",
                "xn--mnchen-3ya.de",
                Some("münchen.de")
            ),
            (
                Domain,
                "аmazon.com",
                "xn--mazon-3ve.com",
                Some("аmazon.com")
            ),
        ]
    );
}

#[test]
fn domains_in_running_text() {
    check(
        "visit amaz0n-refund.com now",
        &[(Domain, "amaz0n-refund.com", "amaz0n-refund.com")],
    );
    check(
        "visit evil[.]com now",
        &[(Domain, "evil[.]com", "evil.com")],
    );
    check(
        "login.secure.bank.co.uk.",
        &[(Domain, "login.secure.bank.co.uk", "bank.co.uk")],
    );
    check(
        "пример.рф",
        &[(Domain, "пример.рф", "xn--e1afmkfd.xn--p1ai")],
    );
    check(
        "確認はamazon.co.jpです",
        &[(Domain, "amazon.co.jp", "amazon.co.jp")],
    );
    check("«evil.com»", &[(Domain, "evil.com", "evil.com")]);
    check(
        "www.evil.zip and evil.zip",
        &[
            (Url, "www.evil.zip", "http://www.evil.zip/"),
            (Domain, "www.evil.zip", "evil.zip"),
        ],
    );
    check(
        "see readme.md, setup.py, image.png, report.pdf, src/main.rs",
        &[],
    );
    check("version 1.2.3, v2.0.1, e.g. i.e. 3.14", &[]);
    check("I went home.Then I paid today.Click here", &[]);
    check("example.notarealtld and co.uk", &[]);
}

#[test]
fn emails() {
    check(
        "mail John.Doe+x@Example.COM.",
        &[
            (Email, "John.Doe+x@Example.COM", "john.doe+x@example.com"),
            (Domain, "Example.COM", "example.com"),
        ],
    );
    check(
        "bob[at]evil[.]com",
        &[
            (Email, "bob[at]evil[.]com", "bob@evil.com"),
            (Domain, "evil[.]com", "evil.com"),
        ],
    );
    check(
        "bob(at)evil.com",
        &[
            (Email, "bob(at)evil.com", "bob@evil.com"),
            (Domain, "evil.com", "evil.com"),
        ],
    );
    check(
        "bob[@]evil.com",
        &[
            (Email, "bob[@]evil.com", "bob@evil.com"),
            (Domain, "evil.com", "evil.com"),
        ],
    );
    check(
        "john[.]doe[at]mail[.]example[.]org",
        &[
            (
                Email,
                "john[.]doe[at]mail[.]example[.]org",
                "john.doe@mail.example.org",
            ),
            (Domain, "mail[.]example[.]org", "example.org"),
        ],
    );
    check(
        "mailto:support@bank.de",
        &[
            (Email, "support@bank.de", "support@bank.de"),
            (Domain, "bank.de", "bank.de"),
        ],
    );
    check("a@b, @handle, x@localhost", &[]);
}

#[test]
fn phones() {
    check(
        "call +44 20 7946 0958 now",
        &[(Phone, "+44 20 7946 0958", "+442079460958")],
    );
    check(
        "call 0044 20 7946 0958",
        &[(Phone, "0044 20 7946 0958", "+442079460958")],
    );
    check(
        "call +1 (415) 555-2671 (mobile)",
        &[(Phone, "+1 (415) 555-2671", "+14155552671")],
    );
    check(
        "+33 6 12 34 56 78.",
        &[(Phone, "+33 6 12 34 56 78", "+33612345678")],
    );
    check(
        "+44 (0)20 7946 0958",
        &[(Phone, "+44 (0)20 7946 0958", "+442079460958")],
    );
    check("+49 30/901820", &[(Phone, "+49 30/901820", "+4930901820")]);
    check(
        "+1.415.555.2671",
        &[(Phone, "+1.415.555.2671", "+14155552671")],
    );
    check_in(
        Some("GB"),
        "ring 020 7946 0958",
        &[(Phone, "020 7946 0958", "+442079460958")],
    );
    check_in(
        Some("FR"),
        "06.12.34.56.78",
        &[(Phone, "06.12.34.56.78", "+33612345678")],
    );
    check_in(
        Some("US"),
        "(415) 555-2671",
        &[(Phone, "(415) 555-2671", "+14155552671")],
    );
    check_in(
        Some("JP"),
        "電話03-1234-5678まで",
        &[(Phone, "03-1234-5678", "+81312345678")],
    );
    check("020 7946 0958 without a region", &[]);
}

#[test]
fn not_phones() {
    for text in [
        "in 2024 on 2024-03-15 or 15/03/2024 or 15.03.2024 at 12:30",
        "costs $1,299.99 or €49.99 or 1 299 000 руб or 4 999 EUR",
        "order #123456789 and order 0123456789 and 12345678901234567890",
        "tracking 4155552671",
        "version 1.2.3.4.5",
    ] {
        check_in(Some("GB"), text, &[]);
    }
}

#[test]
fn ips() {
    check(
        "from 10.0.0.1 and 8.8.8.8.",
        &[(Ipv4, "10.0.0.1", "10.0.0.1"), (Ipv4, "8.8.8.8", "8.8.8.8")],
    );
    check("1.2.3[.]4", &[(Ipv4, "1.2.3[.]4", "1.2.3.4")]);
    check("256.1.1.1 1.2.3 1.2.3.4.5", &[]);
    check(
        "at 2001:0DB8:0000:0000:0000:0000:0000:0001.",
        &[(
            Ipv6,
            "2001:0DB8:0000:0000:0000:0000:0000:0001",
            "2001:db8::1",
        )],
    );
    check(
        "::1 and fe80::1%eth0 and ::ffff:192.0.2.1",
        &[
            (Ipv6, "::1", "::1"),
            (Ipv6, "fe80::1", "fe80::1"),
            (Ipv6, "::ffff:192.0.2.1", "::ffff:192.0.2.1"),
        ],
    );
    check("at 12:30 or 12:30:45, std::vector, 00:1a:2b:3c:4d:5e", &[]);
}

#[test]
fn crypto_addresses() {
    check(
        "send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.",
        &[(
            Btc,
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        )],
    );
    check(
        "BTC: 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        &[(
            Btc,
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        )],
    );
    check(
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        &[(
            Btc,
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        )],
    );
    check(
        "eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        &[(
            Eth,
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        )],
    );
    // Checksums that do not hold.
    check(
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
        &[],
    );
}

#[test]
fn bracketed() {
    check(
        "from (2001:db8:1::2) and (10.0.0.1) and [8.8.4.4]",
        &[
            (Ipv6, "2001:db8:1::2", "2001:db8:1::2"),
            (Ipv4, "10.0.0.1", "10.0.0.1"),
            (Ipv4, "8.8.4.4", "8.8.4.4"),
        ],
    );
}

#[test]
fn trailing_punctuation_and_brackets() {
    for (input, raw) in [
        ("https://example.com/a.", "https://example.com/a"),
        ("https://example.com/a,", "https://example.com/a"),
        ("https://example.com/a;", "https://example.com/a"),
        ("https://example.com/a:", "https://example.com/a"),
        ("https://example.com/a!?", "https://example.com/a"),
        ("(https://example.com/a)", "https://example.com/a"),
        ("[https://example.com/a]", "https://example.com/a"),
        ("{https://example.com/a}", "https://example.com/a"),
        ("'https://example.com/a'", "https://example.com/a"),
        ("<https://example.com/a>", "https://example.com/a"),
        ("\"https://example.com/a\".", "https://example.com/a"),
        ("https://example.com/a).", "https://example.com/a"),
        (
            "https://example.com/wiki/A_(b)",
            "https://example.com/wiki/A_(b)",
        ),
        ("https://example.com/it's", "https://example.com/it's"),
    ] {
        check(
            input,
            &[(Url, raw, raw), (Domain, "example.com", "example.com")],
        );
    }
}

#[test]
fn unicode_forms() {
    let unicode_of = |text: &str| -> Vec<(IndicatorKind, Option<String>)> {
        extract(text, &ExtractOptions::default())
            .into_iter()
            .map(|i| (i.kind, i.unicode))
            .collect()
    };
    assert_eq!(
        unicode_of("http://xn--mnchen-3ya.de/a"),
        [
            (Url, Some("http://münchen.de/a".to_string())),
            (Domain, Some("münchen.de".to_string())),
        ]
    );
    assert_eq!(
        unicode_of("post@пример.рф"),
        [
            (Email, Some("post@пример.рф".to_string())),
            (Domain, Some("пример.рф".to_string())),
        ]
    );
    assert_eq!(
        unicode_of("https://example.com/"),
        [(Url, None), (Domain, None)]
    );
}

#[test]
fn more_crypto_forms() {
    let taproot = "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr";
    check(&format!("pay {taproot} now"), &[(Btc, taproot, taproot)]);
    let lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    check(lower, &[(Eth, lower, lower)]);
    // A transaction hash is not an address.
    check(&format!("tx 0x{}", "ab".repeat(32)), &[]);
    check("word1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", &[]);
}

#[test]
fn caps_and_bytes() {
    let text = "a.com b.com c.com d.com";
    let opts = ExtractOptions {
        max_indicators: 2,
        ..ExtractOptions::default()
    };
    let got: Vec<_> = extract(text, &opts).into_iter().map(|i| i.value).collect();
    assert_eq!(got, ["a.com", "b.com"]);
    // A host name is found from its dot, after a crypto-address-shaped start of its first label:
    // the cap still keeps what an uncapped scan puts first.
    let glued = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\u{430}mazon.com(";
    let first = |max_indicators| {
        let opts = ExtractOptions {
            max_indicators,
            ..ExtractOptions::default()
        };
        extract(glued, &opts).into_iter().next().map(|i| i.kind)
    };
    assert_eq!(first(1), Some(Domain));
    assert_eq!(first(1), first(1_000));
    assert!(
        extract(
            text,
            &ExtractOptions {
                max_indicators: 0,
                ..opts
            }
        )
        .is_empty()
    );

    // Invalid UTF-8 becomes U+FFFD (three bytes), and offsets count in that text.
    let found =
        rampart_indicators::extract::extract_bytes(b"\xff evil.com", &ExtractOptions::default());
    let got: Vec<_> = found
        .iter()
        .map(|i| (i.kind, i.start, i.end, i.value.as_str()))
        .collect();
    assert_eq!(got, [(Domain, 4, 12, "evil.com")]);
}

#[test]
fn overlaps_are_resolved() {
    // An e-mail address is not also a URL; its domain is reported once; a URL inside a URL's
    // query is part of that URL.
    check(
        "x@evil.com https://a.example.com/?u=https://b.example.org",
        &[
            (Email, "x@evil.com", "x@evil.com"),
            (Domain, "evil.com", "evil.com"),
            (
                Url,
                "https://a.example.com/?u=https://b.example.org",
                "https://a.example.com/?u=https://b.example.org",
            ),
            (Domain, "a.example.com", "example.com"),
        ],
    );
}
