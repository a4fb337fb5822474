//! Properties of extraction on any input: it never panics, every indicator points at the text it
//! came from, positions are ordered, the cap holds, and refanging is idempotent.

use proptest::prelude::*;
use rampart_indicators::defang::refang;
use rampart_indicators::extract::{ExtractOptions, Indicator, extract, extract_bytes};

fn assert_well_formed(text: &str, found: &[Indicator], opts: &ExtractOptions) {
    assert!(
        found.len() <= opts.max_indicators,
        "{} > cap in {text:?}",
        found.len()
    );
    for i in found {
        assert!(i.start < i.end, "{i:?} in {text:?}");
        assert_eq!(
            text.get(i.start..i.end),
            Some(i.raw.as_str()),
            "{i:?} in {text:?}"
        );
        assert!(!i.value.is_empty(), "{i:?} in {text:?}");
    }
    for pair in found.windows(2) {
        assert!(
            pair[0].start <= pair[1].start,
            "{pair:?} out of order in {text:?}"
        );
        let key = |i: &Indicator| (i.kind, i.start, i.end);
        assert_ne!(key(&pair[0]), key(&pair[1]), "duplicate in {text:?}");
    }
}

/// Pieces that make up indicators, defanged forms and the things that look like them.
const PIECES: &[&str] = &[
    "http",
    "https",
    "hxxps",
    "hXXp",
    "ftp",
    "://",
    "[:]//",
    "[://]",
    "[:]",
    ":",
    "/",
    "//",
    "?",
    "#",
    "=",
    "&",
    "%",
    "www",
    ".",
    "[.]",
    "(.)",
    "{.}",
    "[dot]",
    "(dot)",
    "@",
    "[at]",
    "(at)",
    "[@]",
    "com",
    "co",
    "uk",
    "zip",
    "рф",
    "xn--",
    "xn--zz",
    "xn--mnchen-3ya",
    "evil",
    "аmazon",
    "münchen",
    "例え",
    "確認は",
    "です",
    "é",
    "-",
    "_",
    "+",
    "+44",
    "0044",
    "20",
    "7946",
    "0958",
    "020",
    "415",
    "555",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    " ",
    "  ",
    "\n",
    "\u{a0}",
    "0",
    "1",
    "12",
    "255",
    "256",
    "2024",
    "::",
    "::1",
    "2001",
    "db8",
    "fe80",
    "ffff",
    "0x",
    "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "$",
    "€",
    "#",
    "order",
    "No.",
    ",",
    ";",
    "!",
    "\u{301}",
    "\u{3002}",
];

fn indicator_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

fn options() -> impl Strategy<Value = ExtractOptions> {
    (
        prop::option::of(prop::sample::select(
            &["GB", "US", "FR", "JP", "XX", ""][..],
        )),
        prop::sample::select(&[1usize, 2, 3, 1_000][..]),
    )
        .prop_map(|(region, max_indicators)| ExtractOptions {
            region: region.map(str::to_string),
            max_indicators,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_bytes_are_handled(bytes in prop::collection::vec(any::<u8>(), 0..400), opts in options()) {
        let found = extract_bytes(&bytes, &opts);
        assert_well_formed(&String::from_utf8_lossy(&bytes), &found, &opts);
    }

    #[test]
    fn arbitrary_strings_are_handled(text in any::<String>(), opts in options()) {
        assert_well_formed(&text, &extract(&text, &opts), &opts);
    }

    #[test]
    fn indicator_soup_is_handled(text in indicator_soup(), opts in options()) {
        assert_well_formed(&text, &extract(&text, &opts), &opts);
    }

    #[test]
    fn a_cap_keeps_the_first_indicators(text in indicator_soup(), max in 1usize..4) {
        let all = extract(&text, &ExtractOptions::default());
        let capped = extract(&text, &ExtractOptions { max_indicators: max, ..ExtractOptions::default() });
        prop_assert_eq!(&capped[..], &all[..all.len().min(max)]);
    }

    #[test]
    fn refang_is_idempotent(text in indicator_soup()) {
        let once = refang(&text);
        prop_assert_eq!(refang(&once), once);
    }

    #[test]
    fn refang_is_idempotent_on_any_string(text in any::<String>()) {
        let once = refang(&text);
        prop_assert_eq!(refang(&once), once);
    }
}
