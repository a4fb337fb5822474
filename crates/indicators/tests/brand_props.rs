//! Brand checks take attacker-written text: they never panic, keep their score in range, and give
//! a host the same verdict whether it is written in Unicode or in punycode.

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use proptest::prelude::*;
use rampart_indicators::brand::{Brand, BrandSet, BrandVerdict, Verdict};

/// Built once: the properties are about checks, not about building the set.
static SET: LazyLock<BrandSet> = LazyLock::new(build);

fn set() -> &'static BrandSet {
    &SET
}

fn build() -> BrandSet {
    let b = |name: &str, domains: &[&str], phones: &[&str]| Brand {
        name: name.to_string(),
        domains: domains.iter().map(|d| d.to_string()).collect(),
        phones: phones.iter().map(|p| p.to_string()).collect(),
    };
    BrandSet::new(&[
        b(
            "Amazon",
            &["amazon.com", "amazon.co.uk", "amazon.de"],
            &["+442079460958"],
        ),
        b("PayPal", &["paypal.com", "paypal.me"], &[]),
        b("Apple", &["apple.com", "icloud.com"], &[]),
        b("Microsoft", &["microsoft.com", "outlook.com"], &[]),
        b("DHL", &["dhl.com", "dhl.de"], &[]),
        b("Bücher", &["bücher.de"], &[]),
        b("Mmm", &["mmmmmmmmmmmmmmmmmmmm.com"], &[]),
    ])
    .unwrap()
}

fn well_formed(v: &BrandVerdict) -> bool {
    (0.0..=1.0).contains(&v.score)
        && !v.reason.is_empty()
        && match v.verdict {
            Verdict::Unknown => v.brand.is_none() && v.score == 0.0,
            Verdict::Official => v.brand.is_some() && v.score == 1.0,
            Verdict::Lookalike => v.brand.is_some() && v.score > 0.0,
        }
}

/// Host-shaped strings: labels of letters, digits, hyphens, punycode prefixes, Cyrillic and
/// accented letters, sometimes a brand name.
fn host_like() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        "[a-z0-9-]{0,12}",
        "xn--[a-z0-9-]{0,16}",
        "(amazon|paypal|apple|dhl|microsoft|rn|vv|cl|0|1|-|login|com|co|uk)+",
        "[a-zа-яöéɑӏ0-9-]{1,10}",
    ];
    (
        prop::collection::vec(label, 1..8),
        "(com|co\\.uk|de|net|io|xyz|рф|notatld|)",
    )
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_gives_a_well_formed_verdict(s in any::<String>()) {
        let set = set();
        for v in [set.check_host(&s), set.check_url(&s), set.check_email(&s), set.check_phone(&s)] {
            prop_assert!(well_formed(&v), "{s:?}: {v:?}");
        }
    }

    #[test]
    fn host_shaped_text_gives_a_well_formed_verdict(h in host_like()) {
        let set = set();
        let v = set.check_host(&h);
        prop_assert!(well_formed(&v), "{h:?}: {v:?}");
        prop_assert_eq!(&v, &set.check_host(&h.to_uppercase()), "{:?} in upper case", h);
        let url = format!("hxxps://{}/login?next=x", h.replace('.', "[.]"));
        prop_assert!(well_formed(&set.check_url(&url)), "{url:?}");
        prop_assert!(well_formed(&set.check_email(&format!("a@{h}"))), "{h:?}");
    }

    #[test]
    fn unicode_and_punycode_forms_agree(h in host_like()) {
        let set = set();
        if let Ok(ascii) = idna::domain_to_ascii(&h) {
            let (u, v) = (set.check_host(&h), set.check_host(&ascii));
            prop_assert_eq!((u.verdict, &u.brand), (v.verdict, &v.brand), "{:?} / {:?}", h, ascii);
        }
    }

    #[test]
    fn long_and_odd_hosts_never_panic(
        n in 0usize..600,
        piece in "(xn--|xn--zz|xn--mazon-3ve|\\.|-|а|a|rn)",
    ) {
        let set = set();
        let host = piece.repeat(n);
        let dotcom = format!("{host}.com");
        let url = format!("https://{host}.com/");
        prop_assert!(well_formed(&set.check_host(&host)));
        prop_assert!(well_formed(&set.check_host(&dotcom)));
        prop_assert!(well_formed(&set.check_url(&url)));
    }
}
