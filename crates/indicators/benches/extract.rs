//! Throughput of indicator extraction on a 20 MB corpus shaped like what the platform receives:
//! prose in several languages and scripts mixed with scam messages that carry URLs (plain,
//! defanged, internationalised), e-mail addresses, phone numbers, IP addresses and crypto
//! addresses, among prices, dates and order numbers that must not be taken for indicators.
//!
//! Run: `CARGO_TARGET_DIR=/work/target-extract cargo bench -p rampart-indicators --bench extract --
//! --warm-up-time 2 --measurement-time 10`. The corpus is generated from a fixed seed, so every
//! run measures the same bytes.
//!
//! Composition: 30% of lines are scam-shaped (one template of sixteen each, four of which carry a
//! phone number); the rest is prose in English, French, German, Russian, Japanese and Arabic. On
//! 20 MB that makes about 88,000 indicators, 8,800 of them phone numbers. The phone numbering-plan
//! parser costs 4 to 15 µs a number (UK numbers are the dearest) against well under a microsecond
//! for everything else, so the share of phone numbers is what moves the figure most.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rampart_indicators::extract::{ExtractOptions, extract};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use sha3::{Digest, Keccak256};

const CORPUS_BYTES: usize = 20 * 1024 * 1024;
/// Share of lines that are scam-message-shaped (the rest is ordinary prose).
const SCAM_LINE_SHARE: f64 = 0.3;

const PROSE: [&[&str]; 6] = [
    &[
        "Thank you for your message, we will get back to you within two working days.",
        "The weather has been lovely this week and the garden is finally in bloom.",
        "Please find attached the minutes of yesterday's meeting for your review.",
        "I tried to call the bank but nobody answered, so I am writing to you instead.",
        "My grandmother received a strange letter and asked me whether it was genuine.",
        "We are looking forward to seeing you at the conference in the spring.",
        "The train was delayed again, which made me late for the appointment.",
        "Could you let me know whether the invoice has already been settled?",
    ],
    &[
        "Merci pour votre message, nous vous répondrons dans les plus brefs délais.",
        "Le temps était magnifique ce week-end et nous sommes allés à la plage.",
        "Veuillez trouver ci-joint le compte rendu de la réunion d'hier.",
        "J'ai reçu un courrier étrange et je voudrais savoir s'il est authentique.",
        "Nous avons hâte de vous retrouver au salon au mois de mai.",
        "Le train avait encore du retard, je suis arrivé après le début de la séance.",
    ],
    &[
        "Vielen Dank für Ihre Nachricht, wir melden uns so bald wie möglich bei Ihnen.",
        "Das Wetter war diese Woche wunderbar und der Garten blüht endlich.",
        "Anbei finden Sie das Protokoll der gestrigen Sitzung zur Durchsicht.",
        "Meine Großmutter hat einen seltsamen Brief bekommen und fragt, ob er echt ist.",
        "Der Zug hatte wieder Verspätung, deshalb kam ich zu spät zum Termin.",
    ],
    &[
        "Спасибо за ваше сообщение, мы ответим вам в течение двух рабочих дней.",
        "Погода на этой неделе была прекрасной, и сад наконец расцвёл.",
        "Моя бабушка получила странное письмо и спросила, настоящее ли оно.",
        "Поезд снова опоздал, поэтому я не успел на встречу вовремя.",
        "Пожалуйста, сообщите, был ли уже оплачен счёт за прошлый месяц.",
    ],
    &[
        "ご連絡ありがとうございます。二営業日以内にご返信いたします。",
        "今週は天気が良く、庭の花がようやく咲きました。",
        "昨日の会議の議事録を添付いたしますので、ご確認ください。",
        "祖母が不審な手紙を受け取り、本物かどうか私に尋ねました。",
        "電車がまた遅れたため、約束の時間に間に合いませんでした。",
    ],
    &[
        "شكرا لرسالتك، سنرد عليك خلال يومي عمل.",
        "كان الطقس جميلا هذا الأسبوع وأزهرت الحديقة أخيرا.",
        "تلقت جدتي رسالة غريبة وسألتني إن كانت حقيقية.",
        "تأخر القطار مرة أخرى فتأخرت عن الموعد.",
    ],
];

const SCAM: [&str; 16] = [
    "Your parcel is on hold. Pay the customs fee of {price} at {url} before {date}.",
    "URGENT: your account has been suspended. Verify now: {url} or call {phone}.",
    "Votre colis est bloqué. Réglez {price} sur {url} avant le {date}.",
    "Ihr Konto wurde gesperrt. Bestätigen Sie Ihre Daten unter {url} bis {date}.",
    "Ваш аккаунт заблокирован. Подтвердите данные: {url} Тел. {phone}",
    "お客様のアカウントが停止されました。詳細は{url}をご確認ください。",
    "تم تعليق حسابك. يرجى التحقق عبر {url} قبل {date}",
    "Refund of {price} approved, order {order}. Reply to {email} with your card details.",
    "Send 0.05 BTC to {btc} to unlock your files. Contact {email}.",
    "Investment opportunity! Deposit ETH to {eth} and double it by {date}.",
    "Login attempt from {ipv4} ({ipv6}) blocked, confirm at {url}",
    "Reported phishing site: {defanged} hosted on {ipv4}",
    "Call our support on {phone_national} quoting order {order}, total {price}.",
    "IOC list: {defanged}, {email_defanged}, {ipv4_defanged}",
    "Win a prize at {idn_url} — offer ends {date}!",
    "Your invoice {order} of {price} is overdue, pay at {url} or phone {phone}.",
];

const BRANDS: [&str; 8] = [
    "amazon",
    "paypal",
    "netflix",
    "dhl",
    "royalmail",
    "apple",
    "bank",
    "laposte",
];
const WORDS: [&str; 8] = [
    "secure", "login", "verify", "account", "refund", "track", "support", "update",
];
const TLDS: [&str; 10] = [
    "com", "net", "top", "xyz", "info", "co.uk", "de", "ru", "shop", "online",
];
const IDN_HOSTS: [&str; 5] = [
    "аmazon.com",
    "pаypal.com",
    "пример.рф",
    "münchen-paket.de",
    "例え.jp",
];

fn main_corpus() -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(0x5ca1_ab1e);
    let mut messages = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        let lines = rng.random_range(1..=6);
        let mut message = String::new();
        for _ in 0..lines {
            if rng.random_bool(SCAM_LINE_SHARE) {
                scam_line(&mut rng, &mut message);
            } else {
                prose_line(&mut rng, &mut message);
            }
            message.push('\n');
        }
        total += message.len();
        messages.push(message);
    }
    messages
}

fn prose_line(rng: &mut StdRng, out: &mut String) {
    let language = PROSE.choose(rng).copied().unwrap_or_default();
    for i in 0..rng.random_range(1..=4) {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(language.choose(rng).copied().unwrap_or_default());
    }
}

fn scam_line(rng: &mut StdRng, out: &mut String) {
    let template = SCAM.choose(rng).copied().unwrap_or_default();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let field = &rest[open + 1..open + close];
        let value = match field {
            "url" => url(rng),
            "idn_url" => format!(
                "https://{}/{}",
                IDN_HOSTS.choose(rng).copied().unwrap_or_default(),
                pick(rng, &WORDS)
            ),
            "defanged" => defanged_url(rng),
            "email" => format!(
                "{}.{}@{}",
                pick(rng, &WORDS),
                rng.random_range(1..999),
                host(rng)
            ),
            "email_defanged" => {
                format!("{}[at]{}", pick(rng, &WORDS), host(rng).replace('.', "[.]"))
            }
            "phone" => phone(rng),
            "phone_national" => format!(
                "020 {} {}",
                rng.random_range(7000..8000),
                rng.random_range(1000..10_000)
            ),
            "ipv4" => ipv4(rng),
            "ipv4_defanged" => ipv4(rng).replacen('.', "[.]", 1),
            "ipv6" => format!(
                "2001:db8:{:x}::{:x}",
                rng.random_range(0..0xffff),
                rng.random_range(1..0xffff)
            ),
            "btc" => btc(rng),
            "eth" => eth(rng),
            "price" => match rng.random_range(0..3) {
                0 => format!(
                    "${}.{:02}",
                    rng.random_range(1..2000),
                    rng.random_range(0..100)
                ),
                1 => format!(
                    "{},{:02} €",
                    rng.random_range(1..2000),
                    rng.random_range(0..100)
                ),
                _ => format!("£{}", rng.random_range(1..500)),
            },
            "date" => match rng.random_range(0..2) {
                0 => format!(
                    "2024-{:02}-{:02}",
                    rng.random_range(1..13),
                    rng.random_range(1..29)
                ),
                _ => format!(
                    "{:02}/{:02}/2025",
                    rng.random_range(1..29),
                    rng.random_range(1..13)
                ),
            },
            "order" => format!("#{}", rng.random_range(100_000_000u64..999_999_999)),
            _ => String::new(),
        };
        out.push_str(&value);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

fn pick<'a>(rng: &mut StdRng, from: &[&'a str]) -> &'a str {
    from.choose(rng).copied().unwrap_or_default()
}

fn host(rng: &mut StdRng) -> String {
    format!(
        "{}-{}{}.{}",
        pick(rng, &BRANDS),
        pick(rng, &WORDS),
        rng.random_range(1..100),
        pick(rng, &TLDS)
    )
}

fn url(rng: &mut StdRng) -> String {
    let scheme = if rng.random_bool(0.8) {
        "https://"
    } else {
        "http://"
    };
    let www = if rng.random_bool(0.2) { "www." } else { "" };
    format!(
        "{scheme}{www}{}/{}?id={}",
        host(rng),
        pick(rng, &WORDS),
        rng.random_range(1000..100_000)
    )
}

fn defanged_url(rng: &mut StdRng) -> String {
    let host = host(rng);
    match rng.random_range(0..4) {
        0 => format!("hxxps://{}/login", host.replace('.', "[.]")),
        1 => format!("hxxp[:]//{}/", host.replace('.', "(.)")),
        2 => format!("https[://]{}/verify", host.replace('.', "[dot]")),
        _ => host.replace('.', "[.]"),
    }
}

/// International numbers from ten countries, in the ways people write them.
fn phone(rng: &mut StdRng) -> String {
    let mut d = |lo: u32, hi: u32| rng.random_range(lo..hi);
    match d(0, 10) {
        0 => format!("+44 20 {} {}", d(7000, 8000), d(1000, 10_000)),
        1 => format!("+1 (415) 555-{:04}", d(0, 10_000)),
        2 => format!(
            "+33 6 {:02} {:02} {:02} {:02}",
            d(10, 100),
            d(0, 100),
            d(0, 100),
            d(0, 100)
        ),
        3 => format!("0049 30 {}", d(100_000, 999_999)),
        4 => format!(
            "+7 (912) {}-{:02}-{:02}",
            d(100, 1000),
            d(0, 100),
            d(0, 100)
        ),
        5 => format!("+34 612 {} {}", d(100, 1000), d(100, 1000)),
        6 => format!("+91 98{} {}", d(100, 1000), d(10_000, 100_000)),
        7 => format!("+61 2 {} {}", d(1000, 10_000), d(1000, 10_000)),
        8 => format!("+55 11 9{}-{}", d(1000, 10_000), d(1000, 10_000)),
        _ => format!("+81 3-{}-{}", d(1000, 10_000), d(1000, 10_000)),
    }
}

fn ipv4(rng: &mut StdRng) -> String {
    format!(
        "{}.{}.{}.{}",
        rng.random_range(1..224),
        rng.random_range(0..256),
        rng.random_range(0..256),
        rng.random_range(1..255)
    )
}

fn btc(rng: &mut StdRng) -> String {
    let hash: [u8; 20] = rng.random();
    match rng.random_range(0..3) {
        0 => bs58::encode(hash).with_check_version(0x00).into_string(),
        1 => bs58::encode(hash).with_check_version(0x05).into_string(),
        _ => bech32::segwit::encode_v0(bech32::hrp::BC, &hash).unwrap_or_default(),
    }
}

/// An Ethereum address with its EIP-55 checksum in the case of its letters.
fn eth(rng: &mut StdRng) -> String {
    let bytes: [u8; 20] = rng.random();
    let lower = hex::encode(bytes);
    let hash = Keccak256::digest(lower.as_bytes());
    let mut out = String::from("0x");
    for (i, c) in lower.chars().enumerate() {
        let nibble = if i % 2 == 0 {
            hash[i / 2] >> 4
        } else {
            hash[i / 2] & 0x0f
        };
        out.push(if nibble >= 8 {
            c.to_ascii_uppercase()
        } else {
            c
        });
    }
    out
}

fn bench(c: &mut Criterion) {
    let messages = main_corpus();
    let bytes: usize = messages.iter().map(String::len).sum();
    let whole = messages.concat();
    let opts = ExtractOptions {
        region: Some("GB".to_string()),
        ..ExtractOptions::default()
    };
    let mut kinds = std::collections::BTreeMap::new();
    for m in &messages {
        for i in extract(m, &opts) {
            *kinds.entry(i.kind.as_str()).or_insert(0usize) += 1;
        }
    }
    let found: usize = kinds.values().sum();
    eprintln!(
        "corpus: {} messages, {bytes} bytes, {found} indicators",
        messages.len()
    );
    eprintln!("by kind: {kinds:?}");

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    // As the service calls it: one report at a time.
    group.bench_function("messages_20mb", |b| {
        b.iter(|| {
            let mut n = 0;
            for m in &messages {
                n += extract(black_box(m), &opts).len();
            }
            n
        });
    });
    // One text with no cap on the number of indicators: the scan itself, without per-call costs.
    let unbounded = ExtractOptions {
        max_indicators: usize::MAX,
        ..opts.clone()
    };
    group.bench_function("one_text_20mb", |b| {
        b.iter(|| extract(black_box(&whole), &unbounded).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
