//! Brand verdicts per second for hosts as they come out of scam reports: mostly unrelated
//! domains, some lookalikes, some IDNs, against 20 protected domains of 8 brands.
//!
//! CARGO_TARGET_DIR=/work/target-brand cargo bench -p rampart-indicators --bench lookalike -- \
//!     --warm-up-time 2 --measurement-time 10
//!
//! The input is generated from a fixed seed, so every run checks the same 100,000 hosts.

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rampart_indicators::brand::{Brand, BrandSet, Verdict};

const HOSTS: usize = 100_000;

fn brands() -> BrandSet {
    let b = |name: &str, domains: &[&str]| Brand {
        name: name.to_string(),
        domains: domains.iter().map(|d| d.to_string()).collect(),
        phones: Vec::new(),
    };
    let set = BrandSet::new(&[
        b(
            "Amazon",
            &[
                "amazon.com",
                "amazon.co.uk",
                "amazon.de",
                "amazon.fr",
                "amazon.co.jp",
            ],
        ),
        b("PayPal", &["paypal.com", "paypal.me"]),
        b("Apple", &["apple.com", "icloud.com"]),
        b(
            "Microsoft",
            &["microsoft.com", "outlook.com", "office.com", "live.com"],
        ),
        b("DHL", &["dhl.com", "dhl.de"]),
        b("Netflix", &["netflix.com"]),
        b("Google", &["google.com", "gmail.com", "youtube.com"]),
        b("eBay", &["ebay.com"]),
    ]);
    match set {
        Ok(s) => s,
        Err(e) => panic!("benchmark brands are valid: {e}"),
    }
}

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "acme", "alpha", "atlas", "bakery", "bank", "bay", "bean", "bear", "best", "bike", "bird",
    "blue", "book", "box", "bright", "bridge", "build", "cafe", "camp", "car", "care", "cart",
    "casa", "cat", "center", "city", "clean", "clinic", "cloud", "club", "coast", "code", "coffee",
    "cool", "craft", "crest", "data", "deal", "delta", "dental", "design", "digital", "dog",
    "dream", "drive", "east", "eco", "edge", "energy", "euro", "event", "farm", "fashion", "fast",
    "film", "first", "fish", "fit", "flow", "fly", "food", "forest", "fox", "fresh", "fun", "game",
    "garden", "gear", "global", "gold", "good", "green", "group", "guide", "hair", "happy",
    "health", "home", "hotel", "house", "hub", "idea", "info", "insure", "jet", "joy", "kids",
    "king", "lab", "lake", "land", "law", "life", "light", "line", "link", "little", "local",
    "logic", "love", "luxe", "made", "mail", "maker", "map", "market", "media", "medical", "metro",
    "mind", "mobile", "moon", "motor", "mountain", "music", "nature", "net", "new", "news", "next",
    "north", "nova", "ocean", "office", "one", "open", "orange", "outdoor", "park", "party",
    "peak", "pet", "photo", "pixel", "place", "plan", "planet", "play", "plus", "point", "power",
    "prime", "pro", "pure", "quest", "radio", "rapid", "real", "red", "rent", "river", "road",
    "rock", "royal", "run", "safe", "sail", "salon", "school", "sea", "sense", "shop", "silver",
    "simple", "sky", "smart", "snow", "social", "solar", "sound", "south", "space", "sport",
    "spring", "star", "start", "station", "stone", "store", "studio", "style", "sun", "super",
    "swift", "system", "taste", "team", "tech", "time", "top", "tour", "town", "toy", "trade",
    "travel", "tree", "true", "trust", "urban", "valley", "vision", "vista", "wave", "way", "web",
    "west", "wild", "wine", "wise", "wood", "work", "world", "yoga", "young", "zen", "zone",
    "apollo", "bamboo", "canyon", "harbor", "meadow", "summit", "thunder", "willow", "maple",
    "cedar", "falcon",
];
const TLDS: &[&str] = &[
    "com", "com", "com", "com", "net", "org", "de", "co.uk", "fr", "nl", "io", "info", "es", "it",
    "com.au", "ca", "jp", "co", "us", "ch", "se", "pl", "be", "at", "dk", "shop", "xyz", "online",
];
const SUBDOMAINS: &[&str] = &[
    "www", "mail", "shop", "m", "api", "cdn", "blog", "static", "app",
];
const BRAND_LABELS: &[&str] = &[
    "amazon",
    "paypal",
    "apple",
    "icloud",
    "microsoft",
    "outlook",
    "netflix",
    "google",
    "dhl",
];
const PHISH_WORDS: &[&str] = &[
    "login", "secure", "account", "verify", "support", "help", "refund", "billing", "update",
];
const IDNS: &[&str] = &[
    "münchen.de",
    "bücher-shop.de",
    "köln-events.de",
    "zürich-reisen.ch",
    "café-paris.fr",
    "españa-viajes.es",
    "пример.рф",
    "магазин.рф",
    "例え.jp",
    "naïve-art.com",
    "xn--mnchen-3ya.de",
    "xn--bcher-kva.com",
    "аmazon.com",
    "xn--mazon-3ve.com",
    "аррӏе.com",
    "xn--80ak6aa92e.com",
    "paypaӏ.com",
    "amazön.de",
    "gооgle.com",
    "nеtflix.com",
];

/// Hosts in the mix of a report stream: 85% unrelated, 10% lookalikes, 5% IDNs.
fn hosts() -> Vec<String> {
    let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
    let mut out = Vec::with_capacity(HOSTS);
    while out.len() < HOSTS {
        let roll = rng.below(100);
        let host = if roll < 85 {
            let mut label = rng.pick(WORDS).to_string();
            match rng.below(4) {
                0 => {
                    label.push('-');
                    label.push_str(rng.pick(WORDS));
                }
                1 => label.push_str(rng.pick(WORDS)),
                _ => {}
            }
            let sub = if rng.below(10) < 4 {
                format!("{}.", rng.pick(SUBDOMAINS))
            } else {
                String::new()
            };
            format!("{sub}{label}.{}", rng.pick(TLDS))
        } else if roll < 95 {
            let brand = rng.pick(BRAND_LABELS);
            let tld = rng.pick(TLDS);
            match rng.below(5) {
                0 => {
                    // A letter swapped, dropped or doubled.
                    let b = brand.as_bytes();
                    let i = rng.below(b.len() - 1);
                    let mut v = b.to_vec();
                    match rng.below(3) {
                        0 => v.swap(i, i + 1),
                        1 => {
                            v.remove(i);
                        }
                        _ => v.insert(i, b[i]),
                    }
                    format!("{}.{tld}", String::from_utf8_lossy(&v))
                }
                1 => format!("{brand}-{}.{tld}", rng.pick(PHISH_WORDS)),
                2 => format!("{}{brand}.{tld}", rng.pick(PHISH_WORDS)),
                3 => format!(
                    "{brand}.com.{}-{}.{tld}",
                    rng.pick(PHISH_WORDS),
                    rng.pick(WORDS)
                ),
                _ => format!("{brand}.{tld}"),
            }
        } else {
            rng.pick(IDNS).to_string()
        };
        out.push(host);
    }
    out
}

fn lookalike(c: &mut Criterion) {
    let set = brands();
    let hosts = hosts();
    let lookalikes = hosts
        .iter()
        .filter(|h| set.check_host(h).verdict == Verdict::Lookalike)
        .count();
    eprintln!("{} hosts, {lookalikes} lookalikes", hosts.len());
    let unrelated: Vec<&String> = hosts
        .iter()
        .filter(|h| h.is_ascii() && set.check_host(h).verdict == Verdict::Unknown)
        .collect();

    let mut group = c.benchmark_group("lookalike");
    // One iteration checks every host; flat sampling keeps the sample count sensible.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.throughput(Throughput::Elements(hosts.len() as u64));
    group.bench_function("check_host/mixed_100k", |b| {
        b.iter(|| {
            for h in &hosts {
                black_box(set.check_host(black_box(h)));
            }
        });
    });
    group.throughput(Throughput::Elements(unrelated.len() as u64));
    group.bench_function("check_host/unrelated_ascii", |b| {
        b.iter(|| {
            for h in &unrelated {
                black_box(set.check_host(black_box(h)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, lookalike);
criterion_main!(benches);
