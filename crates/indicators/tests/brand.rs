//! Brand verdicts as the server and CLI see them: hosts, URLs, emails and phones against a small
//! set of real brands.

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rampart_indicators::brand::{Brand, BrandError, BrandSet, BrandVerdict, Verdict};

fn brand(name: &str, domains: &[&str], phones: &[&str]) -> Brand {
    Brand {
        name: name.to_string(),
        domains: domains.iter().map(|d| d.to_string()).collect(),
        phones: phones.iter().map(|p| p.to_string()).collect(),
    }
}

fn brands() -> Vec<Brand> {
    vec![
        brand(
            "Amazon",
            &["amazon.com", "amazon.co.uk", "amazon.de"],
            &["+44 20 7946 0958"],
        ),
        brand("PayPal", &["paypal.com", "paypal.me"], &[]),
        brand("Apple", &["apple.com", "icloud.com"], &[]),
        brand(
            "Microsoft",
            &["microsoft.com", "outlook.com"],
            &["+1 415 555 2671"],
        ),
        brand("DHL", &["dhl.com", "dhl.de"], &[]),
    ]
}

fn set() -> BrandSet {
    BrandSet::new(&brands()).unwrap()
}

#[track_caller]
fn assert_verdict(got: &BrandVerdict, input: &str, verdict: Verdict, brand: Option<&str>) {
    assert_eq!(
        (got.verdict, got.brand.as_deref()),
        (verdict, brand),
        "{input:?}: {got:?}"
    );
    assert!((0.0..=1.0).contains(&got.score), "{input:?}: {got:?}");
    assert!(!got.reason.is_empty(), "{input:?}: {got:?}");
    match verdict {
        Verdict::Official => assert_eq!(got.score, 1.0, "{input:?}: {got:?}"),
        Verdict::Lookalike => assert!(got.score >= 0.5, "{input:?}: {got:?}"),
        Verdict::Unknown => assert_eq!(got.score, 0.0, "{input:?}: {got:?}"),
    }
}

#[track_caller]
fn check(set: &BrandSet, host: &str, verdict: Verdict, brand: Option<&str>) {
    assert_verdict(&set.check_host(host), host, verdict, brand);
}

use Verdict::{Lookalike, Official, Unknown};

#[test]
fn official_domains_and_their_subdomains() {
    let s = set();
    check(&s, "amazon.com", Official, Some("Amazon"));
    check(&s, "www.amazon.com", Official, Some("Amazon"));
    check(&s, "smile.amazon.co.uk", Official, Some("Amazon"));
    check(&s, "AMAZON.DE.", Official, Some("Amazon"));
    check(&s, "amazon.com:443", Official, Some("Amazon"));
    check(&s, "  paypal.me ", Official, Some("PayPal"));
    check(&s, "id.apple.com", Official, Some("Apple"));
    check(&s, "www.icloud.com", Official, Some("Apple"));
    check(&s, "login.microsoft.com", Official, Some("Microsoft"));
    check(&s, "outlook.com", Official, Some("Microsoft"));
    check(&s, "mydhl.express.dhl.com", Official, Some("DHL"));
    check(&s, "ａｍａｚｏｎ.com", Official, Some("Amazon")); // full-width, IDNA maps it to ASCII
}

#[test]
fn typosquats() {
    let s = set();
    check(&s, "amzaon.com", Lookalike, Some("Amazon")); // transposition
    check(&s, "amzon.com", Lookalike, Some("Amazon")); // omission
    check(&s, "amazoon.com", Lookalike, Some("Amazon")); // repetition
    check(&s, "samazon.com", Lookalike, Some("Amazon")); // insertion
    check(&s, "amazone.fr", Lookalike, Some("Amazon")); // addition
    check(&s, "amazom.com", Lookalike, Some("Amazon")); // neighbouring key
    check(&s, "amazan.com", Lookalike, Some("Amazon")); // vowel swap
    check(&s, "ama-zon.com", Lookalike, Some("Amazon")); // hyphenation
    check(&s, "4mazon.com", Lookalike, Some("Amazon")); // look-alike digit
    check(&s, "paypl.com", Lookalike, Some("PayPal"));
    check(&s, "paypak.com", Lookalike, Some("PayPal"));
    check(&s, "pyapal.com", Lookalike, Some("PayPal"));
    check(&s, "paypall.com", Lookalike, Some("PayPal"));
    check(&s, "appel.com", Lookalike, Some("Apple"));
    check(&s, "appple.com", Lookalike, Some("Apple"));
    check(&s, "aplpe.com", Lookalike, Some("Apple"));
    check(&s, "apqle.com", Lookalike, Some("Apple")); // bit flip
    check(&s, "micosoft.com", Lookalike, Some("Microsoft"));
    check(&s, "mircosoft.com", Lookalike, Some("Microsoft"));
    check(&s, "micorsfot.com", Lookalike, Some("Microsoft")); // two edits on a long name
    check(&s, "microsfot.net", Lookalike, Some("Microsoft"));
    check(&s, "outlok.com", Lookalike, Some("Microsoft"));
    check(&s, "icl0ud.com", Lookalike, Some("Apple"));
}

#[test]
fn brand_name_under_another_tld() {
    let s = set();
    check(&s, "amazon.co", Lookalike, Some("Amazon"));
    check(&s, "amazon.cm", Lookalike, Some("Amazon"));
    check(&s, "amazon.xyz", Lookalike, Some("Amazon"));
    check(&s, "paypal.co.uk", Lookalike, Some("PayPal"));
    check(&s, "dhl.xyz", Lookalike, Some("DHL"));
    check(&s, "amazon-com.net", Lookalike, Some("Amazon"));
    check(&s, "amazoncom.net", Lookalike, Some("Amazon"));
    check(&s, "amazon-co-uk.info", Lookalike, Some("Amazon"));
    check(&s, "amazoncouk.shop", Lookalike, Some("Amazon"));
    check(&s, "www-paypal-com.top", Lookalike, Some("PayPal"));
}

#[test]
fn homoglyphs_and_confusable_scripts() {
    let s = set();
    check(&s, "аmazon.com", Lookalike, Some("Amazon")); // Cyrillic а
    check(&s, "xn--mazon-3ve.com", Lookalike, Some("Amazon")); // the same in punycode
    check(&s, "XN--MAZON-3VE.COM", Lookalike, Some("Amazon"));
    check(&s, "аррӏе.com", Lookalike, Some("Apple")); // all Cyrillic
    check(&s, "xn--80ak6aa92e.com", Lookalike, Some("Apple"));
    check(&s, "paypaӏ.com", Lookalike, Some("PayPal")); // Cyrillic palochka
    check(&s, "amazön.com", Lookalike, Some("Amazon")); // accent
    check(&s, "ɑmazon.com", Lookalike, Some("Amazon")); // Latin alpha
    check(&s, "rnicrosoft.com", Lookalike, Some("Microsoft"));
    check(&s, "amaz0n.com", Lookalike, Some("Amazon"));
    check(&s, "paypa1.com", Lookalike, Some("PayPal"));
    check(&s, "app1e.com", Lookalike, Some("Apple"));
    check(&s, "arnazon.de", Lookalike, Some("Amazon"));
    check(&s, "clhl.com", Lookalike, Some("DHL"));
    check(&s, "dh1.com", Lookalike, Some("DHL"));
    check(&s, "micr0s0ft.com", Lookalike, Some("Microsoft"));
    check(&s, "annazon.com", Lookalike, Some("Amazon")); // nn for m
    check(&s, "miƈrosoft.us", Lookalike, Some("Microsoft")); // a letter the confusables table lacks
    check(&s, "аmаzоn.com", Lookalike, Some("Amazon")); // three Cyrillic letters
    check(&s, "аmazon-login.com", Lookalike, Some("Amazon"));
}

#[test]
fn combosquats() {
    let s = set();
    check(&s, "amazon-refund-help.com", Lookalike, Some("Amazon"));
    check(&s, "amazonsupport.net", Lookalike, Some("Amazon"));
    check(&s, "secure-amazon-login.co", Lookalike, Some("Amazon"));
    check(&s, "amazon-prime-billing.xyz", Lookalike, Some("Amazon"));
    check(&s, "myamazonaccount.com", Lookalike, Some("Amazon"));
    check(&s, "amazon24.shop", Lookalike, Some("Amazon"));
    check(&s, "amazonloginx7.top", Lookalike, Some("Amazon")); // a risk word, then noise
    check(&s, "paypallogin.net", Lookalike, Some("PayPal"));
    check(
        &s,
        "paypal-resolution-center.org",
        Lookalike,
        Some("PayPal"),
    );
    check(&s, "verify-paypal.com", Lookalike, Some("PayPal"));
    check(&s, "paypa1-secure.com", Lookalike, Some("PayPal"));
    check(&s, "apple-id-verify.com", Lookalike, Some("Apple"));
    check(&s, "appleidsupport.info", Lookalike, Some("Apple"));
    check(&s, "icloud-unlock.net", Lookalike, Some("Apple"));
    check(
        &s,
        "microsoft-office365-login.com",
        Lookalike,
        Some("Microsoft"),
    );
    check(
        &s,
        "microsoftonline-verify.com",
        Lookalike,
        Some("Microsoft"),
    );
    check(&s, "dhl-tracking.info", Lookalike, Some("DHL"));
    check(&s, "dhlparcel-delivery.com", Lookalike, Some("DHL"));
    check(&s, "mydhl-redelivery.net", Lookalike, Some("DHL"));
    check(&s, "amazn-support.com", Lookalike, Some("Amazon")); // typo of the name plus a word
    check(&s, "amazon-login.herokuapp.com", Lookalike, Some("Amazon")); // under a shared suffix
}

#[test]
fn brand_as_a_subdomain_of_another_domain() {
    let s = set();
    check(
        &s,
        "amazon.com.account-verify.io",
        Lookalike,
        Some("Amazon"),
    );
    check(
        &s,
        "www.amazon.co.uk.secure-login.info",
        Lookalike,
        Some("Amazon"),
    );
    check(&s, "amazon.evil.net", Lookalike, Some("Amazon"));
    check(&s, "paypal.com-login.net", Lookalike, Some("PayPal"));
    check(&s, "paypa1.com.secure.net", Lookalike, Some("PayPal"));
    check(
        &s,
        "appleid.apple.com.verify-account.cc",
        Lookalike,
        Some("Apple"),
    );
    check(
        &s,
        "login.microsoftonline.com.x7.ru",
        Lookalike,
        Some("Microsoft"),
    );
    check(&s, "dhl-parcel.notice.ly", Lookalike, Some("DHL"));
    check(&s, "ama.zon.com", Lookalike, Some("Amazon")); // split by a dot
    check(&s, "amazn.com.evil.net", Lookalike, Some("Amazon")); // a typo made to read as the host
    // A typo alone in a subdomain is someone's own naming, not an imitation.
    check(&s, "amazn.evil.net", Unknown, None);
    check(&s, "cloud.google.com", Unknown, None);
}

#[test]
fn unrelated_hosts_that_merely_look_similar() {
    let s = set();
    for host in [
        "amazing.com",
        "amazonia.org",
        "amazonas.gov.br",
        "mazda.com",
        "zon.com",
        "paypay.ne.jp",
        "paytm.com",
        "payoneer.com",
        "applebees.com",
        "pineapple.com",
        "snapple.com",
        "appleton.org",
        "apply.com",
        "ample.com",
        "maple.com",
        "apples.com",
        "microchip.com",
        "micron.com",
        "microcenter.com",
        "dhgate.com",
        "dell.com",
        "adhlabs.com",
        "ebay.com",
        "example.com",
        "wikipedia.org",
        "münchen.de",
        "xn--mnchen-3ya.de",
        "яндекс.рф",
        "outlookindia.com",
        "googleapis.com",
    ] {
        check(&s, host, Unknown, None);
    }
}

#[test]
fn hosts_that_are_no_domains() {
    let s = set();
    for host in [
        "",
        "   ",
        "com",
        "co.uk",
        "localhost",
        "192.168.0.1",
        "amazon.notarealtld",
        "a..b.com",
        "amazon com",
        "amazon.com/login",
        "xn--",
        "xn--.com",
        "xn--zz.com",
        "xn--mazon-3ve",
        "xn--mazon-3ve-.com",
        "-.com",
    ] {
        let got = s.check_host(host);
        assert_eq!(got.verdict, Unknown, "{host:?}: {got:?}");
    }
    let long = format!("{}.amazon.com.evil.net", "a.".repeat(130));
    let got = s.check_host(&long);
    assert_eq!(got.verdict, Unknown, "{got:?}");
    assert!(got.reason.contains("longer than 253"), "{got:?}");
    let long_unicode = format!("{}.com", "а".repeat(600));
    assert_eq!(s.check_host(&long_unicode).verdict, Unknown);
    let long_label = format!("{}.com", "a".repeat(64));
    assert_eq!(s.check_host(&long_label).verdict, Unknown);
}

#[test]
fn reasons_name_the_brand_domain_and_the_technique() {
    let s = set();
    for (host, words) in [
        (
            "amzaon.com",
            &["typosquat of amazon.com", "swapped", "amzaon"][..],
        ),
        ("amzon.com", &["typosquat of amazon.com", "left out"]),
        ("amazom.com", &["neighbouring key"]),
        (
            "xn--mazon-3ve.com",
            &[
                "homoglyph of amazon.com",
                "аmazon",
                "xn--mazon-3ve",
                "scripts",
            ],
        ),
        (
            "rnicrosoft.com",
            &["homoglyph of microsoft.com", "rn for m"],
        ),
        ("paypa1.com", &["homoglyph of paypal.com", "1 for l"]),
        ("amazon.cm", &["amazon.com", "another TLD", "amazon.cm"]),
        (
            "amazon-com.net",
            &["amazon.com", "TLD written into the name"],
        ),
        (
            "amazon-refund-help.com",
            &["combosquat of amazon.com", "\"refund\"", "\"help\""],
        ),
        (
            "amazon.com.account-verify.io",
            &["amazon.com imitated", "account-verify.io"],
        ),
        (
            "www.amazon.co.uk.secure-login.info",
            &["amazon.co.uk imitated", "secure-login.info"],
        ),
        ("amazon.evil.net", &["subdomain of evil.net"]),
        ("ama.zon.com", &["split by a dot", "ama.zon"]),
        (
            "login.microsoftonline.com.x7.ru",
            &["microsoftonline.com imitated", "x7.ru", "combosquat"],
        ),
        (
            "miƈrosoft.us",
            &[
                "typosquat of microsoft.com",
                "look-alike letter from another script",
            ],
        ),
        ("xn--zz.com", &["not a valid internationalised host name"]),
        ("a".repeat(254).as_str(), &["longer than 253"]),
        ("wikipedia.org", &["no resemblance to a protected brand"]),
    ] {
        let got = s.check_host(host);
        for w in words {
            assert!(
                got.reason.contains(w),
                "{host:?}: {:?} lacks {w:?}",
                got.reason
            );
        }
    }
}

#[test]
fn scores_rank_closer_imitations_higher() {
    let s = set();
    let score = |h: &str| s.check_host(h).score;
    assert!(score("xn--mazon-3ve.com") >= 0.95);
    assert!((0.85..=0.9).contains(&score("amzaon.com")));
    assert!((0.6..=0.85).contains(&score("amazon-prime-billing.xyz")));
    assert!(score("amazon-refund-login.com") > score("amazon-prime-deals.com"));
    assert!(score("amazon-prime-deals.com") > score("amazon-rainforest.com"));
    assert!(score("xn--mazon-3ve.com") > score("amzaon.com"));
    assert!(score("amzaon.com") > score("amazon-refund-help.com"));
    assert!(score("amazon.com.account-verify.io") > score("amazon.evil.net"));
}

#[test]
fn urls_defanged_or_not() {
    let s = set();
    for (url, verdict, brand) in [
        (
            "https://www.amazon.com/gp/css/order-history",
            Official,
            Some("Amazon"),
        ),
        (
            "hxxps://amazon-refund-help[.]com/login",
            Lookalike,
            Some("Amazon"),
        ),
        ("hXXp://paypa1(.)com/signin", Lookalike, Some("PayPal")),
        ("hxxp[:]//dhl-tracking{.}info", Lookalike, Some("DHL")),
        ("http://xn--mazon-3ve.com/", Lookalike, Some("Amazon")),
        ("https://аmazon.com/", Lookalike, Some("Amazon")),
        (
            "amazon[dot]com.account-verify[.]io/x",
            Lookalike,
            Some("Amazon"),
        ),
        ("https://amazon.com@evil.net/", Lookalike, Some("Amazon")),
        ("https://example.com/amazon.com", Unknown, None),
        ("https://192.168.0.1/amazon", Unknown, None),
        ("mailto:help@amazon.de", Official, Some("Amazon")),
        ("not a url at all", Unknown, None),
        ("https://", Unknown, None),
        ("", Unknown, None),
    ] {
        assert_verdict(&s.check_url(url), url, verdict, brand);
    }
    let got = s.check_url("https://amazon.com@evil.net/");
    assert!(got.reason.contains("leads to evil.net"), "{got:?}");
    let long = format!("https://amazon.com/{}", "a".repeat(20_000));
    assert_eq!(s.check_url(&long).verdict, Unknown);
}

#[test]
fn emails() {
    let s = set();
    for (email, verdict, brand) in [
        ("orders@amazon.co.uk", Official, Some("Amazon")),
        ("service@intl.paypal.com", Official, Some("PayPal")),
        ("no-reply@amazon-refund-help.com", Lookalike, Some("Amazon")),
        ("security@paypa1.com", Lookalike, Some("PayPal")),
        (
            "Amazon.co.uk <auto-confirm@amazon.co.uk>",
            Official,
            Some("Amazon"),
        ),
        (
            "\"PayPal\" <service@paypal-resolution-center.org>",
            Lookalike,
            Some("PayPal"),
        ),
        ("alice@example.com", Unknown, None),
        ("amazon.com", Unknown, None),
        ("@amazon.com", Unknown, None),
    ] {
        assert_verdict(&s.check_email(email), email, verdict, brand);
    }
}

#[test]
fn phones() {
    let s = set();
    for (phone, verdict, brand) in [
        ("+442079460958", Official, Some("Amazon")),
        ("+44 20 7946 0958", Official, Some("Amazon")),
        ("+14155552671", Official, Some("Microsoft")),
        ("+33612345678", Unknown, None),
        ("020 7946 0958", Unknown, None), // national form: no country, no verdict
        ("not a phone", Unknown, None),
    ] {
        assert_verdict(&s.check_phone(phone), phone, verdict, brand);
    }
}

#[test]
fn rejects_wrong_brand_entries_and_says_which() {
    let err = |brands: &[Brand]| BrandSet::new(brands).err();
    assert!(matches!(
        err(&[brand("  ", &["a.com"], &[])]),
        Some(BrandError::EmptyName { index: 0 })
    ));
    for bad in [
        "com",
        "localhost",
        "",
        "a..com",
        "amazon.notarealtld",
        "http://amazon.com",
        "xn--.com",
    ] {
        let e = err(&[brand("Amazon", &["amazon.com", bad], &[])]);
        let text = e.as_ref().map(ToString::to_string).unwrap_or_default();
        assert!(
            text.contains("Amazon") && text.contains(&format!("{bad:?}")),
            "{bad:?}: {e:?}"
        );
    }
    for bad in ["020 7946 0958", "12", "+44 20"] {
        let e = err(&[brand("Amazon", &["amazon.com"], &[bad])]);
        assert!(
            matches!(&e, Some(BrandError::Phone { phone, .. }) if phone == bad),
            "{bad:?}: {e:?}"
        );
    }
    assert!(matches!(
        err(&[
            brand("A", &["a.com"], &[]),
            brand("B", &["www.A.com", "a.com"], &[])
        ]),
        Some(BrandError::DuplicateDomain { .. })
    ));
    assert!(matches!(
        err(&[
            brand("A", &[], &["+14155552671"]),
            brand("B", &[], &["+1 415 555 2671"])
        ]),
        Some(BrandError::DuplicatePhone { .. })
    ));
    // Unicode official domains are fine and matched in either form.
    let s = BrandSet::new(&[brand("Bücher", &["bücher.de"], &[])]).unwrap();
    check(&s, "xn--bcher-kva.de", Official, Some("Bücher"));
    check(&s, "bücher.com", Lookalike, Some("Bücher"));
}

#[test]
fn a_set_is_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<BrandSet>();
    let s = std::sync::Arc::new(set());
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let s = std::sync::Arc::clone(&s);
            std::thread::spawn(move || s.check_host("amzaon.com").verdict)
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), Lookalike);
    }
}

#[test]
fn an_empty_set_finds_nothing() {
    let s = BrandSet::new(&[]).unwrap();
    assert!(s.is_empty());
    check(&s, "amazon.com", Unknown, None);
    assert!(!set().is_empty());
    let phones_only = BrandSet::new(&[brand("Acme", &[], &["+14155552671"])]).unwrap();
    assert!(!phones_only.is_empty());
}

#[test]
fn verdicts_serialise_for_the_api() {
    let s = set();
    let json = serde_json::to_value(s.check_host("amzaon.com")).unwrap();
    assert_eq!(json["verdict"], "lookalike");
    assert_eq!(json["brand"], "Amazon");
    let json = serde_json::to_value(s.check_host("wikipedia.org")).unwrap();
    assert_eq!(json["verdict"], "unknown");
    assert!(json["brand"].is_null());
    let parsed: Vec<Brand> =
        serde_json::from_str(r#"[{"name":"Amazon","domains":["amazon.com"]},{"name":"X"}]"#)
            .unwrap();
    assert!(parsed[1].domains.is_empty() && parsed[1].phones.is_empty());
}
