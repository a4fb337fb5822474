//! E-mail into reports, end to end, on SQLite and PostgreSQL: a forwarded phishing e-mail becomes
//! a report with the scammer's indicators (through `mailgate::store_email` and through the IMAP
//! poller against a real Dovecot), the same bytes never become two reports, hostile messages are
//! stored raw and processed within bounds or refused with a reason, and reporters are
//! acknowledged in their language through a real SMTP listener on loopback.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::future::Future;
use std::time::Duration;

use base64::Engine;
use common::TestServer;
use common::smtp::{SmtpServer, Stage};
use mail_parser::MessageParser;
use rampart_server::AppState;
use rampart_server::i18n::{self, Tr};
use rampart_server::mailer::{SmtpSettings, SmtpTls};
use rampart_server::mailgate::{EmailError, StoredEmail, store_email};
use rampart_store::{Authentication, ConnectConfig, ReportRow, Store};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// Hana forwards, from Gmail and as an attachment, a phishing e-mail that spoofs amazon.com: a
/// look-alike sign-in link, a phone number, and a Reply-To that leads to the scammer.
const FORWARDED: &[u8] = include_bytes!("data/mail/amazon_phish_forwarded_as_attachment.eml");
const FORWARDER: &str = "hana.sato.1987@gmail.com";
const SCAM_SUBJECT: &str = "Your Amazon account has been locked — verify within 24 hours";
const PHISHING_URL: &str =
    "https://amazon-account-security.com/ap/signin?openid.return_to=%2Fyour-account&session=8f3b2c";
const REPLY_TO: &str = "billing-team@amazon-secure-billing.com";

fn sha256(raw: &[u8]) -> String {
    hex::encode(Sha256::digest(raw))
}

/// The same message as an IMAP server holds it: CRLF line ends.
fn crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    for (i, &b) in raw.iter().enumerate() {
        if b == b'\n' && (i == 0 || raw[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// `R-` and two groups of five in Crockford's base32.
fn is_reference(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 13
        && s.starts_with("R-")
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .filter(|(i, _)| ![0, 1, 7].contains(i))
            .all(|(_, c)| c.is_ascii_digit() || c.is_ascii_uppercase())
}

/// A service with no HTTP server or workers: intake only, as `rampart mailgate` runs it.
async fn intake_only(url: &str) -> AppState {
    let store = Store::connect(&ConnectConfig::new(url)).await.unwrap();
    AppState::new(store, common::settings(url)).unwrap()
}

/// Waits for `done`, polling; fails after `limit` saying what did not happen.
async fn eventually<F, Fut>(what: &str, limit: Duration, done: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + limit;
    while !done().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what}: not within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The report once its indicators have been extracted.
async fn processed(store: &Store, id: i64) -> ReportRow {
    eventually(
        &format!("report {id} processed"),
        Duration::from_secs(120),
        || async {
            store
                .report(id)
                .await
                .unwrap()
                .unwrap()
                .processed_at
                .is_some()
        },
    )
    .await;
    store.report(id).await.unwrap().unwrap()
}

fn details(report: &ReportRow) -> Value {
    serde_json::from_str(&report.details).unwrap()
}

/// One indicator of a report as an analyst sees it.
#[derive(Debug)]
struct Found {
    kind: String,
    value: String,
    verdict: String,
    /// Where in the report it was found: `body`, `headers`, `sender`, …
    source: String,
}

/// The indicators in an API report view.
fn indicators(view: &Value) -> Vec<Found> {
    view["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let text = |k: &str| i[k].as_str().unwrap_or_default().to_string();
            Found {
                kind: text("kind"),
                value: text("value"),
                verdict: text("verdict"),
                source: text("source"),
            }
        })
        .collect()
}

#[track_caller]
fn find<'a>(found: &'a [Found], kind: &str, value: &str) -> &'a Found {
    found
        .iter()
        .find(|f| f.kind == kind && f.value == value)
        .unwrap_or_else(|| panic!("no {kind} indicator {value:?} in {found:#?}"))
}

on_both_engines!(
    a_forwarded_phishing_email_becomes_a_report_with_the_scammers_indicators,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        let token = s.token("analyst").await;

        let stored = store_email(&s.running.state, FORWARDED, "mailgate")
            .await
            .unwrap();

        assert!(!stored.duplicate);
        assert!(is_reference(&stored.reference), "{}", stored.reference);
        let report = s.store.report(stored.id).await.unwrap().unwrap();
        assert_eq!(report.reference, stored.reference);
        assert_eq!(report.channel, "email");
        assert_eq!(report.source, "mailgate");
        // The scam is the report; the person who forwarded it is the reporter.
        assert_eq!(
            report.sender.as_deref(),
            Some("Amazon.com <account-update@amazon.com>")
        );
        assert_eq!(report.subject.as_deref(), Some(SCAM_SUBJECT));
        assert_eq!(report.reporter_email.as_deref(), Some(FORWARDER));
        assert_eq!(report.occurred_at, Some(1_741_587_160_000));
        assert!(
            report.body.contains(
                "We noticed an unusual sign-in attempt on your Amazon account and have locked it"
            ),
            "{}",
            report.body
        );
        assert!(report.body.contains(PHISHING_URL), "{}", report.body);
        assert!(
            report
                .description
                .as_deref()
                .unwrap()
                .starts_with("I never asked for this"),
            "{:?}",
            report.description
        );
        // What Gmail concluded about the scam, not what the report mailbox concluded about
        // Hana's forward.
        assert_eq!(
            report.auth,
            Authentication {
                spf: Some("softfail".into()),
                dkim: Some("none".into()),
                dmarc: Some("fail".into()),
            }
        );
        let details = details(&report);
        let email = &details["email"];
        assert_eq!(email["unwrapped"]["kind"], "attached_message");
        assert_eq!(email["forwarder"]["address"], FORWARDER);
        assert_eq!(email["reply_to"][0]["address"], REPLY_TO);
        assert_eq!(email["return_path"], "account-update@amazon.com");
        let hops: Vec<(&str, &str)> = email["received"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["from_host"].as_str().unwrap_or(""),
                    h["ip"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(hops.len(), 2, "{hops:?}");
        assert_eq!(
            hops[1],
            ("mail.amazon-account-security.com", "203.0.113.45"),
            "the hop the scam entered Gmail from"
        );
        assert_eq!(email["authentication"]["authserv_id"], "mx.google.com");
        assert_eq!(email["authentication"]["spf"]["result"], "softfail");
        assert_eq!(email["authentication"]["dmarc"]["result"], "fail");
        assert_eq!(
            email["envelope"]["authentication"]["dkim"]["result"],
            "pass"
        );
        // The evidence, byte for byte.
        let (raw_type, raw) = s.store.report_raw(stored.id).await.unwrap().unwrap();
        assert_eq!(raw_type, "message/rfc822");
        assert!(raw == FORWARDED, "the stored bytes differ from the e-mail");
        assert_eq!(report.raw_sha256, sha256(FORWARDED));

        s.settle(&token).await;
        let view = s
            .get_json(&format!("/api/v1/reports/{}", stored.id), &token)
            .await;
        assert_eq!(view["processed"], true);
        assert_eq!(view["sha256"], sha256(FORWARDED));
        let found = indicators(&view);
        let link = find(&found, "url", PHISHING_URL);
        assert_eq!(
            (link.verdict.as_str(), link.source.as_str()),
            ("lookalike", "body")
        );
        let domain = find(&found, "domain", "amazon-account-security.com");
        assert_eq!(domain.verdict, "lookalike");
        assert_eq!(find(&found, "phone", "+18885550143").source, "body");
        // Reply-To is where answers really go; only the headers say so.
        let reply_to = find(&found, "email", REPLY_TO);
        assert_eq!(
            (reply_to.verdict.as_str(), reply_to.source.as_str()),
            ("lookalike", "headers")
        );
        // The real Amazon link in the footer is recognised as Amazon's own.
        let footer = find(
            &found,
            "url",
            "https://www.amazon.com/gp/help/customer/display.html",
        );
        assert_eq!(footer.verdict, "official");
        // Hana's address is in the scam ("This e-mail was sent to …") and in its To header, but
        // she is the victim, not an indicator.
        let hana: Vec<&Found> = found
            .iter()
            .filter(|f| f.value.contains("hana.sato"))
            .collect();
        assert!(hana.is_empty(), "{hana:#?}");
        s.stop().await;
    }
);

on_both_engines!(
    the_same_bytes_twice_are_one_report,
    |url: String| async move {
        let state = intake_only(&url).await;

        let first = store_email(&state, FORWARDED, "mailgate").await.unwrap();
        // The mail server retries after losing our answer; the poller re-reads after a crash.
        let again = store_email(&state, FORWARDED, "mailgate").await.unwrap();
        let via_imap = store_email(&state, FORWARDED, "imap").await.unwrap();

        assert!(!first.duplicate);
        let expected = StoredEmail {
            duplicate: true,
            ..first.clone()
        };
        assert_eq!(again, expected);
        assert_eq!(via_imap, expected);
        assert_eq!(state.store.report_count().await.unwrap(), 1);
        assert_eq!(
            state.store.job_counts().await.unwrap(),
            (1, 0),
            "one processing job"
        );

        // One byte more is another message.
        let mut edited = FORWARDED.to_vec();
        edited.extend_from_slice(b"\n");
        let other = store_email(&state, &edited, "mailgate").await.unwrap();
        assert!(!other.duplicate);
        assert_ne!(other.reference, first.reference);
        assert_eq!(state.store.report_count().await.unwrap(), 2);

        // Two deliveries of one message at the same moment (two mail servers, or the pipe and
        // the poller) race to store it: one wins, the others find its report.
        let mut racing = FORWARDED.to_vec();
        racing.extend_from_slice(b"\n\n");
        let copies: Vec<StoredEmail> =
            futures::future::join_all((0..8).map(|_| store_email(&state, &racing, "mailgate")))
                .await
                .into_iter()
                .map(Result::unwrap)
                .collect();
        assert_eq!(
            copies.iter().filter(|c| !c.duplicate).count(),
            1,
            "{copies:?}"
        );
        assert!(
            copies.iter().all(|c| c.reference == copies[0].reference),
            "{copies:?}"
        );
        assert_eq!(state.store.report_count().await.unwrap(), 3);
        assert_eq!(state.store.job_counts().await.unwrap(), (3, 0));
        state.store.close().await;
    }
);

// ---------------------------------------------------------------------------------------------
// Hostile messages.

const SCAM_HEADER: &str = "From: Amazon <no-reply@amazon-account-security.com>\r\n\
    To: trap@reports.amazon.example\r\n\
    Subject: Your account is on hold\r\n\
    Date: Mon, 10 Mar 2025 06:12:40 +0000\r\n\
    MIME-Version: 1.0\r\n";

const CALL_US: &str = "Call +1 (888) 555-0143 to unlock your account.";

/// Base64 in 76-character lines, as mail programs write it.
fn base64_lines(data: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(data);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / 76 * 2 + 2);
    for line in encoded.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push_str("\r\n");
    }
    out
}

/// A deterministic byte stream (xorshift): incompressible, so an attachment stays its size.
fn pseudo_random(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// A multipart/mixed scam: `CALL_US` as text, then one attachment.
fn with_attachment(content_type: &str, filename: &str, data: &[u8]) -> Vec<u8> {
    format!(
        "{SCAM_HEADER}Content-Type: multipart/mixed; boundary=\"att\"\r\n\r\n\
         --att\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{CALL_US}\r\n\
         --att\r\nContent-Type: {content_type}; name=\"{filename}\"\r\n\
         Content-Disposition: attachment; filename=\"{filename}\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}--att--\r\n",
        base64_lines(data)
    )
    .into_bytes()
}

/// A single text/plain scam whose body is `body` as it is, whatever `charset` says.
fn plain_with_charset(charset: &str, encoding: &str, body: &[u8]) -> Vec<u8> {
    let mut raw = format!(
        "{SCAM_HEADER}Content-Type: text/plain; charset=\"{charset}\"\r\n\
         Content-Transfer-Encoding: {encoding}\r\n\r\n"
    )
    .into_bytes();
    raw.extend_from_slice(body);
    raw.extend_from_slice(b"\r\n");
    raw
}

/// A plain scam dated `date`.
fn dated(date: &str) -> Vec<u8> {
    format!(
        "From: Amazon <no-reply@amazon-account-security.com>\r\nSubject: Your account is on hold\r\n\
         Date: {date}\r\n\r\n{CALL_US}\r\n"
    )
    .into_bytes()
}

fn nested_multiparts(levels: usize) -> Vec<u8> {
    let mut raw = format!("{SCAM_HEADER}Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
    for level in 0..levels {
        raw.push_str(&format!(
            "--b{level}\r\nContent-Type: multipart/mixed; boundary=\"b{}\"\r\n\r\n",
            level + 1
        ));
    }
    raw.push_str(&format!(
        "--b{levels}\r\nContent-Type: text/plain\r\n\r\n{CALL_US}\r\n--b{levels}--\r\n"
    ));
    for level in (0..levels).rev() {
        raw.push_str(&format!("--b{level}--\r\n"));
    }
    raw.into_bytes()
}

/// Writes bits as DEFLATE packs them: from the least significant bit of each byte.
#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    len: u32,
}

impl BitWriter {
    fn bits(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.len;
        self.len += count;
        while self.len >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.len -= 8;
        }
    }

    /// A Huffman code goes out most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.bits((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.len > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Raw DEFLATE (RFC 1951) of `1 + 258 * runs` zero bytes: a literal zero, then copies of the
/// longest length at distance 1, in one block with the fixed codes: 13 bits per 258 bytes.
fn deflated_zeros(runs: usize) -> Vec<u8> {
    let mut w = BitWriter::default();
    w.bits(1, 1); // the last block
    w.bits(1, 2); // fixed Huffman codes
    w.code(0b0011_0000, 8); // literal 0
    for _ in 0..runs {
        w.code(0b1100_0101, 8); // length 258 (symbol 285)
        w.code(0, 5); // distance 1
    }
    w.code(0, 7); // end of block (symbol 256)
    w.finish()
}

fn crc32_of_zeros(len: usize) -> u32 {
    let table: Vec<u32> = (0..256u32)
        .map(|n| {
            (0..8).fold(n, |c, _| {
                if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                }
            })
        })
        .collect();
    let mut crc = !0u32;
    for _ in 0..len {
        crc = table[(crc & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A zip of a few hundred kilobytes whose one member inflates to 64 MiB of zeros.
fn zip_bomb() -> (Vec<u8>, usize) {
    let runs = 260_000;
    let expanded = 1 + 258 * runs;
    let compressed = deflated_zeros(runs);
    let crc = crc32_of_zeros(expanded);
    let name = b"invoice.txt";
    let entry = |zip: &mut Vec<u8>| {
        zip.extend_from_slice(&20u16.to_le_bytes()); // version needed
        zip.extend_from_slice(&0u16.to_le_bytes()); // flags
        zip.extend_from_slice(&8u16.to_le_bytes()); // deflate
        zip.extend_from_slice(&[0, 0, 0x21, 0]); // time, date (1980-01-01)
        zip.extend_from_slice(&crc.to_le_bytes());
        zip.extend_from_slice(&(compressed.len() as u32).to_le_bytes());
        zip.extend_from_slice(&(expanded as u32).to_le_bytes());
        zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes()); // extra
    };
    let mut zip = 0x0403_4b50u32.to_le_bytes().to_vec();
    entry(&mut zip);
    zip.extend_from_slice(name);
    zip.extend_from_slice(&compressed);
    let central_at = zip.len();
    zip.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    zip.extend_from_slice(&20u16.to_le_bytes()); // version made by
    entry(&mut zip);
    zip.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
    zip.extend_from_slice(&[0; 4]); // external attributes
    zip.extend_from_slice(&0u32.to_le_bytes()); // where the local header is
    zip.extend_from_slice(name);
    let central_len = zip.len() - central_at;
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    zip.extend_from_slice(&[0, 0, 0, 0]); // disks
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&(central_len as u32).to_le_bytes());
    zip.extend_from_slice(&(central_at as u32).to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes()); // comment
    (zip, expanded)
}

/// What must become of one hostile message.
enum Expect {
    /// Stored byte for byte and processed; the function checks what the report shows.
    Stored(Box<dyn Fn(&ReportRow)>),
    /// Refused for good, with a reason that says this; nothing stored.
    Rejected(&'static str),
}

struct Hostile {
    what: &'static str,
    raw: Box<dyn Fn() -> Vec<u8>>,
    expect: Expect,
}

fn stored(check: impl Fn(&ReportRow) + 'static) -> Expect {
    Expect::Stored(Box::new(check))
}

fn notes(report: &ReportRow) -> Vec<String> {
    details(report)["email"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

#[track_caller]
fn calls_us(report: &ReportRow) {
    assert!(report.body.contains(CALL_US), "{:?}", report.body);
}

fn hostile_messages() -> Vec<Hostile> {
    vec![
        Hostile {
            what: "200 nested multipart parts",
            raw: Box::new(|| nested_multiparts(200)),
            expect: stored(|r| {
                // The text is below the depth limit: the subject stands for the body.
                assert_eq!(r.subject.as_deref(), Some("Your account is on hold"));
                assert_eq!(r.body, "Your account is on hold");
                assert_eq!(
                    notes(r),
                    ["MIME parts nested deeper than 20 levels were not read"]
                );
            }),
        },
        Hostile {
            what: "a 30 MB base64 attachment",
            raw: Box::new(|| {
                let raw = with_attachment(
                    "application/pdf",
                    "statement.pdf",
                    &pseudo_random(7, 22 * 1024 * 1024 + 512 * 1024),
                );
                assert!(raw.len() > 30_000_000, "{}", raw.len());
                raw
            }),
            expect: stored(|r| {
                calls_us(r);
                let data = pseudo_random(7, 22 * 1024 * 1024 + 512 * 1024);
                let attachment = &details(r)["email"]["attachments"][0];
                assert_eq!(attachment["filename"], "statement.pdf");
                assert_eq!(attachment["size"], data.len() as u64);
                assert_eq!(attachment["sha256"], sha256(&data));
            }),
        },
        Hostile {
            what: "a zip bomb",
            raw: Box::new(|| {
                let (zip, expanded) = zip_bomb();
                assert!(zip.len() * 150 < expanded, "{} bytes", zip.len());
                with_attachment("application/zip", "invoice.zip", &zip)
            }),
            expect: stored(|r| {
                calls_us(r);
                let (zip, _) = zip_bomb();
                let attachment = &details(r)["email"]["attachments"][0];
                assert_eq!(attachment["content_type"], "application/zip");
                // Never opened: the size of the archive, not of what it would inflate to.
                assert_eq!(attachment["size"], zip.len() as u64);
                assert_eq!(attachment["sha256"], sha256(&zip));
                assert!(notes(r).is_empty(), "{:?}", notes(r));
            }),
        },
        Hostile {
            what: "a header line of 1 MB",
            raw: Box::new(|| {
                let long = "A".repeat(1024 * 1024);
                format!(
                    "From: Amazon <no-reply@amazon-account-security.com>\r\n\
                     X-Campaign: {long}\r\nSubject: {long}\r\n\r\n{CALL_US}\r\n"
                )
                .into_bytes()
            }),
            expect: stored(|r| {
                calls_us(r);
                let subject = r.subject.as_deref().unwrap();
                assert_eq!(subject.chars().count(), 1_000);
                assert!(subject.chars().all(|c| c == 'A'));
                assert_eq!(
                    notes(r),
                    ["the header Subject was longer than 64 KiB and was cut"]
                );
            }),
        },
        Hostile {
            what: "an unknown charset",
            raw: Box::new(|| plain_with_charset("x-amzn-custom-8", "8bit", CALL_US.as_bytes())),
            expect: stored(calls_us),
        },
        Hostile {
            what: "Shift_JIS labelled as UTF-8",
            raw: Box::new(|| {
                // 「アカウント確認」 in Shift_JIS, then the number in ASCII.
                let mut body = vec![
                    0x83, 0x41, 0x83, 0x4a, 0x83, 0x45, 0x83, 0x93, 0x83, 0x67, 0x8a, 0x6d, 0x94,
                    0x46, b'\r', b'\n',
                ];
                body.extend_from_slice(CALL_US.as_bytes());
                plain_with_charset("utf-8", "8bit", &body)
            }),
            expect: stored(calls_us),
        },
        Hostile {
            what: "Latin-1 labelled as US-ASCII",
            raw: Box::new(|| {
                let mut body = b"Cher client, votre compte est bloqu\xe9. ".to_vec();
                body.extend_from_slice(CALL_US.as_bytes());
                plain_with_charset("us-ascii", "8bit", &body)
            }),
            expect: stored(calls_us),
        },
        Hostile {
            what: "UTF-16 labelled as UTF-8",
            raw: Box::new(|| {
                // What a misconfigured mailer sends: every other byte of ASCII text is a NUL.
                let utf16: Vec<u8> = CALL_US
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes())
                    .collect();
                plain_with_charset(
                    "utf-8",
                    "base64",
                    base64_lines(&utf16).trim_end().as_bytes(),
                )
            }),
            // PostgreSQL's text columns refuse NUL, and NULs between the digits would hide
            // the number: the text loses them, the raw bytes keep them.
            expect: stored(calls_us),
        },
        Hostile {
            what: "NULs in encoded words",
            raw: Box::new(|| {
                let word = |s: &str| {
                    format!(
                        "=?utf-8?B?{}?=",
                        base64::engine::general_purpose::STANDARD.encode(s)
                    )
                };
                format!(
                    "From: {} <no-reply@amazon-account-security.com>\r\nSubject: {}\r\n\r\n{CALL_US}\r\n",
                    word("Ama\0zon"),
                    word("\0Your account\0is on hold")
                )
                .into_bytes()
            }),
            expect: stored(|r| {
                calls_us(r);
                let (subject, sender) = (r.subject.as_deref(), r.sender.as_deref());
                assert!(!subject.unwrap().contains('\0'), "{subject:?}");
                assert!(!sender.unwrap().contains('\0'), "{sender:?}");
            }),
        },
        Hostile {
            what: "an encoded word in an unknown charset",
            raw: Box::new(|| {
                format!(
                    "From: =?x-klingon?B?QW1hem9u?= <no-reply@amazon-account-security.com>\r\n\
                     Subject: =?x-klingon?Q?Your_account_is_on_hold?=\r\n\r\n{CALL_US}\r\n"
                )
                .into_bytes()
            }),
            expect: stored(|r| {
                calls_us(r);
                assert!(r.subject.is_some());
            }),
        },
        Hostile {
            what: "a multipart cut off before its closing boundary",
            raw: Box::new(|| {
                format!(
                    "{SCAM_HEADER}Content-Type: multipart/alternative; boundary=\"cut\"\r\n\r\n\
                     --cut\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{CALL_US}\r\n\
                     --cut\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Call +1 (888) 555-01"
                )
                .into_bytes()
            }),
            expect: stored(calls_us),
        },
        Hostile {
            what: "base64 cut off in the middle of a quantum",
            raw: Box::new(|| {
                let encoded =
                    base64_lines(format!("{CALL_US}\r\nThen verify your card.").as_bytes());
                let cut = &encoded[..encoded.len() - 7];
                plain_with_charset("utf-8", "base64", cut.as_bytes())
            }),
            expect: stored(calls_us),
        },
        Hostile {
            what: "headers cut off in the middle of a line",
            raw: Box::new(|| {
                b"From: Amazon <no-reply@amazon-account-security.com>\r\nSubject: Your acc".to_vec()
            }),
            expect: stored(|r| {
                assert_eq!(r.subject.as_deref(), Some("Your acc"));
                assert_eq!(
                    r.sender.as_deref(),
                    Some("Amazon <no-reply@amazon-account-security.com>")
                );
            }),
        },
        Hostile {
            what: "a Date years ahead, to stay at the top of the inbox",
            raw: Box::new(|| dated("Thu, 31 Dec 2099 23:59:59 +0000")),
            expect: stored(|r| {
                calls_us(r);
                assert_eq!(r.occurred_at, None);
            }),
        },
        Hostile {
            what: "a Date before there was web mail",
            raw: Box::new(|| dated("Wed, 01 Jan 1975 08:00:00 +0000")),
            expect: stored(|r| {
                calls_us(r);
                assert_eq!(r.occurred_at, None);
            }),
        },
        Hostile {
            what: "an empty message",
            raw: Box::new(Vec::new),
            expect: Expect::Rejected("empty"),
        },
        Hostile {
            what: "blank lines only",
            raw: Box::new(|| b"\r\n\r\n  \r\n".to_vec()),
            expect: Expect::Rejected("empty"),
        },
        Hostile {
            what: "a PDF rather than an e-mail",
            raw: Box::new(|| {
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec()
            }),
            expect: Expect::Rejected("does not start with a header field"),
        },
        Hostile {
            what: "a 41 MB message",
            raw: Box::new(|| {
                with_attachment(
                    "application/octet-stream",
                    "big.bin",
                    &vec![0x5a; 31 * 1024 * 1024],
                )
            }),
            expect: Expect::Rejected("over the limit of 41943040"),
        },
    ]
}

on_both_engines!(
    hostile_messages_are_stored_raw_and_processed_or_refused_with_a_reason,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        for case in hostile_messages() {
            let raw = (case.raw)();
            let before = (
                s.store.report_count().await.unwrap(),
                s.store.job_counts().await.unwrap(),
            );
            let outcome = store_email(&s.running.state, &raw, "mailgate").await;
            match (&case.expect, outcome) {
                (Expect::Stored(check), Ok(stored)) => {
                    assert!(!stored.duplicate, "{}", case.what);
                    let (_, kept) = s.store.report_raw(stored.id).await.unwrap().unwrap();
                    assert!(kept == raw, "{}: the stored bytes differ", case.what);
                    let report = processed(&s.store, stored.id).await;
                    assert_eq!(report.raw_sha256, sha256(&raw), "{}", case.what);
                    check(&report);
                }
                (Expect::Rejected(reason), Err(EmailError::Rejected(why))) => {
                    assert!(why.contains(reason), "{}: {why}", case.what);
                    let after = (
                        s.store.report_count().await.unwrap(),
                        s.store.job_counts().await.unwrap(),
                    );
                    assert_eq!(after, before, "{}: something was stored", case.what);
                }
                (Expect::Stored(_), other) => {
                    panic!("{}: expected to be stored, got {other:?}", case.what)
                }
                (Expect::Rejected(_), other) => {
                    panic!("{}: expected to be rejected, got {other:?}", case.what)
                }
            }
        }
        s.stop().await;
    }
);

// ---------------------------------------------------------------------------------------------
// The report mailbox.

on_both_engines!(
    the_report_mailbox_is_read_without_loss_or_double_reports,
    |url: String| async move {
        let Some(mailbox) = common::dovecot::mailbox(module_path!()).await else {
            return;
        };
        let mut settings = common::settings(&url);
        settings.imap = mailbox.settings.clone();
        let s = TestServer::start(settings).await;
        let scam = crlf(FORWARDED);
        let truncated = crlf(
            format!(
                "{SCAM_HEADER}Content-Type: multipart/mixed; boundary=\"cut\"\r\n\r\n\
                 --cut\r\nContent-Type: text/plain\r\n\r\n{CALL_US}\r\n--cut\r\nContent-Type: app"
            )
            .as_bytes(),
        );
        let junk = b"this is not an e-mail, only a line of text\r\n".to_vec();

        for raw in [&scam, &truncated, &junk] {
            mailbox.deliver(raw).await;
        }
        eventually(
            "every message moved out of the incoming folder",
            Duration::from_secs(30),
            || async { mailbox.incoming().await.is_empty() },
        )
        .await;

        let processed: Vec<Vec<u8>> = mailbox
            .processed()
            .await
            .into_iter()
            .map(|m| m.raw)
            .collect();
        assert!(
            processed == [scam.clone(), truncated.clone()],
            "processed folder"
        );
        let failed: Vec<Vec<u8>> = mailbox.failed().await.into_iter().map(|m| m.raw).collect();
        assert!(failed == [junk], "the junk is kept, in the failed folder");
        let reports = s
            .store
            .reports(&Default::default(), None, 10)
            .await
            .unwrap();
        assert_eq!(reports.len(), 2);
        for report in &reports {
            assert_eq!(report.source, "imap");
            assert_eq!(report.channel, "email");
            let (_, raw) = s.store.report_raw(report.id).await.unwrap().unwrap();
            assert!(
                raw == scam || raw == truncated,
                "stored bytes are what arrived"
            );
        }
        let forwarded = reports
            .iter()
            .find(|r| r.raw_sha256 == sha256(&scam))
            .expect("the forwarded scam is a report");
        assert_eq!(forwarded.reporter_email.as_deref(), Some(FORWARDER));
        assert_eq!(forwarded.subject.as_deref(), Some(SCAM_SUBJECT));
        let reference = forwarded.reference.clone();

        // A crash after the report was committed and before the message was moved leaves it in
        // the folder: the same bytes come round again.
        mailbox.deliver(&scam).await;
        eventually(
            "the redelivered message moved to the processed folder",
            Duration::from_secs(30),
            || async { mailbox.processed().await.len() == 3 },
        )
        .await;
        assert!(mailbox.incoming().await.is_empty());
        assert_eq!(s.store.report_count().await.unwrap(), 2, "no second report");
        let again = s.store.report(forwarded.id).await.unwrap().unwrap();
        assert_eq!(again.reference, reference);
        assert!(mailbox.processed().await.last().unwrap().raw == scam);
        s.stop().await;
    }
);

// ---------------------------------------------------------------------------------------------
// Acknowledgements.

const PUBLIC_URL: &str = "https://report.amazon.example";

async fn with_relay(url: &str, relay: &SmtpServer) -> TestServer {
    let mut settings = common::settings(url);
    settings.portal.public_url = PUBLIC_URL.into();
    settings.smtp = SmtpSettings {
        enabled: true,
        host: "127.0.0.1".into(),
        port: relay.port(),
        tls: SmtpTls::None,
        from: "Amazon Customer Protection <protect@amazon.example>".into(),
        timeout_secs: 5,
        ..SmtpSettings::default()
    };
    TestServer::start(settings).await
}

/// A report through the API; its id and reference.
async fn report_from(s: &TestServer, reporter: Option<(&str, &str)>) -> (i64, String) {
    let mut body = json!({
        "channel": "sms",
        "body": "Amazon: your parcel is held, pay the fee at https://amazon-parcel-fee.com/pay",
    });
    if let Some((email, locale)) = reporter {
        body["reporter_email"] = json!(email);
        body["locale"] = json!(locale);
    }
    let res = s.post_report(body).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    (
        created["id"].as_i64().unwrap(),
        created["reference"].as_str().unwrap().to_string(),
    )
}

fn now_ms() -> i64 {
    rampart_server::intake::millis(time::OffsetDateTime::now_utc())
}

/// Line ends and the line breaks mail programs add at the end, out of the way.
fn text_of(body: &str) -> String {
    body.replace("\r\n", "\n").trim_end().to_string()
}

on_both_engines!(
    a_reporter_is_acknowledged_in_their_language,
    |url: String| async move {
        let relay = SmtpServer::start().await;
        let s = with_relay(&url, &relay).await;

        let (_, reference) = report_from(&s, Some(("taro@example.jp", "ja"))).await;

        eventually(
            "the acknowledgement reaches the relay",
            Duration::from_secs(30),
            || async { !relay.messages().is_empty() },
        )
        .await;
        let received = relay.messages();
        assert_eq!(received.len(), 1);
        let received = &received[0];
        assert_eq!(received.mail_from, "protect@amazon.example");
        assert_eq!(received.rcpt_to, ["taro@example.jp"]);
        let message = MessageParser::default().parse(&received.data).unwrap();
        let subject = message.subject().unwrap();
        let text = text_of(&message.body_text(0).unwrap());
        assert_eq!(
            subject,
            format!("詐欺の通報を受け付けました（受付番号：{reference}）")
        );
        let status_url = format!("{PUBLIC_URL}/status/{reference}?lang=ja");
        assert!(
            text.contains(&format!("受付番号は {reference} です")),
            "{text}"
        );
        assert!(text.contains(&status_url), "{text}");
        assert!(text.contains("Amazon お客様保護チーム"), "{text}");
        // Exactly what the template says, in Japanese.
        let expected = rampart_server::acknowledge::render(
            &Tr::new(i18n::find("ja").unwrap(), "Amazon"),
            &reference,
            PUBLIC_URL,
            "taro@example.jp",
        );
        assert_eq!(subject, expected.subject);
        assert_eq!(text, text_of(&expected.text));
        let from = message.from().unwrap().first().unwrap();
        assert_eq!(
            (from.name(), from.address()),
            (
                Some("Amazon Customer Protection"),
                Some("protect@amazon.example")
            )
        );
        assert_eq!(
            message.header_raw("Content-Language").map(str::trim),
            Some("ja")
        );
        eventually(
            "the acknowledgement leaves the queue",
            Duration::from_secs(30),
            || async { s.store.job_counts().await.unwrap() == (0, 0) },
        )
        .await;
        assert_eq!(relay.messages().len(), 1, "sent once");
        s.stop().await;
    }
);

/// The forwarded scam with other words of the forwarder's own above it.
fn forwarded_with_comment(comment: &str) -> Vec<u8> {
    let text = String::from_utf8(FORWARDED.to_vec()).unwrap();
    let plain = "I never asked for this and the link does not go to amazon.com. Is this really\n\
                 you? I have not clicked anything.";
    let html = "I never asked for this and the link does not go to amazon.com. Is this really \
                you? I have not clicked anything.";
    assert!(text.contains(plain) && text.contains(html));
    text.replace(plain, comment)
        .replace(html, comment)
        .into_bytes()
}

/// The acknowledgement the relay received for `reference`: its recipient, subject and text.
fn acknowledgement_of(relay: &SmtpServer, reference: &str) -> (Vec<String>, String, String) {
    let received = relay.messages();
    let found = received.iter().find_map(|r| {
        let message = MessageParser::default().parse(&r.data)?;
        let subject = message.subject()?.to_string();
        subject.contains(reference).then(|| {
            let text = text_of(&message.body_text(0).unwrap_or_default());
            (r.rcpt_to.clone(), subject, text)
        })
    });
    found.unwrap_or_else(|| panic!("no acknowledgement for {reference} among {received:?}"))
}

on_both_engines!(
    the_person_who_forwarded_a_scam_is_acknowledged_in_the_language_they_wrote_in,
    |url: String| async move {
        let relay = SmtpServer::start().await;
        let s = with_relay(&url, &relay).await;
        let english = store_email(&s.running.state, FORWARDED, "mailgate")
            .await
            .unwrap();
        let in_japanese = forwarded_with_comment(
            "こんなメールが届きました。アカウントがロックされたと書いてありますが、\
             本当にアマゾンからのメールでしょうか。リンクはまだ開いていません。",
        );
        let japanese = store_email(&s.running.state, &in_japanese, "mailgate")
            .await
            .unwrap();

        eventually(
            "both acknowledgements reach the relay",
            Duration::from_secs(30),
            || async { relay.messages().len() == 2 },
        )
        .await;
        let (to, subject, text) = acknowledgement_of(&relay, &english.reference);
        assert_eq!(to, [FORWARDER]);
        assert_eq!(subject, format!("Your scam report {}", english.reference));
        let status = format!("{PUBLIC_URL}/status/{}?lang=en", english.reference);
        assert!(text.contains(&status), "{text}");
        let (to, subject, text) = acknowledgement_of(&relay, &japanese.reference);
        assert_eq!(to, [FORWARDER]);
        assert_eq!(
            subject,
            format!(
                "詐欺の通報を受け付けました（受付番号：{}）",
                japanese.reference
            )
        );
        let status = format!("{PUBLIC_URL}/status/{}?lang=ja", japanese.reference);
        assert!(text.contains(&status), "{text}");

        // The same e-mail again is the same report, and no second acknowledgement.
        let again = store_email(&s.running.state, FORWARDED, "mailgate")
            .await
            .unwrap();
        assert!(again.duplicate);
        eventually("every job done", Duration::from_secs(30), || async {
            s.store.job_counts().await.unwrap() == (0, 0)
        })
        .await;
        assert_eq!(relay.mail_commands(), 2);
        s.stop().await;
    }
);

on_both_engines!(
    a_relay_that_says_try_later_gets_the_acknowledgement_on_a_later_attempt,
    |url: String| async move {
        let relay = SmtpServer::start().await;
        relay.reply_next(Stage::RcptTo, "451 4.3.0 mailbox busy, try again later", 1);
        let s = with_relay(&url, &relay).await;

        let (id, reference) = report_from(&s, Some(("taro@example.jp", "ja"))).await;

        processed(&s.store, id).await;
        eventually(
            "the first attempt reaches the relay",
            Duration::from_secs(30),
            || async { relay.mail_commands() == 1 },
        )
        .await;
        assert!(relay.messages().is_empty());
        // The retry waits 30 s or so (`mailer::backoff`, not configurable). A clock four
        // minutes ahead finds the job due once the failed attempt is recorded, and cannot take
        // it from a worker still holding it (a claim locks a job for five minutes).
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        let jobs = loop {
            let now = now_ms();
            let due_now = s
                .store
                .claim_jobs("test-now", now, 60_000, 16)
                .await
                .unwrap();
            assert!(due_now.is_empty(), "retried at once: {due_now:?}");
            let ahead = now + 4 * 60 * 1000;
            let due_later = s
                .store
                .claim_jobs("test-later", ahead, 60_000, 16)
                .await
                .unwrap();
            if !due_later.is_empty() {
                break due_later;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the acknowledgement was not queued again"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        assert_eq!(jobs.len(), 1, "{jobs:?}");
        assert_eq!(jobs[0].kind, rampart_store::SEND_ACKNOWLEDGEMENT);
        assert_eq!(jobs[0].attempts, 2, "the failed attempt counts");

        rampart_server::acknowledge::run_jobs(&s.running.state, "test-later", jobs).await;

        let received = relay.messages();
        assert_eq!(received.len(), 1);
        assert_eq!(received[0].rcpt_to, ["taro@example.jp"]);
        let message = MessageParser::default().parse(&received[0].data).unwrap();
        assert!(message.subject().unwrap().contains(&reference));
        assert_eq!(relay.mail_commands(), 2);
        assert_eq!(s.store.job_counts().await.unwrap(), (0, 0));
        s.stop().await;
    }
);

on_both_engines!(
    a_relay_that_refuses_the_address_ends_the_acknowledgement_at_once,
    |url: String| async move {
        let relay = SmtpServer::start().await;
        relay.reply_next(Stage::RcptTo, "550 5.1.1 no such user here", 1);
        let s = with_relay(&url, &relay).await;

        let (id, _) = report_from(&s, Some(("taro@example.jp", "ja"))).await;

        processed(&s.store, id).await;
        eventually(
            "the acknowledgement is given up on",
            Duration::from_secs(30),
            || async { s.store.job_counts().await.unwrap() == (0, 1) },
        )
        .await;
        assert!(relay.messages().is_empty());
        assert_eq!(relay.mail_commands(), 1, "one attempt");
        // Not even a clock two hours ahead, past every backoff, finds it again.
        let ahead = now_ms() + 2 * 60 * 60 * 1000;
        let claimed = s
            .store
            .claim_jobs("test-later", ahead, 60_000, 16)
            .await
            .unwrap();
        assert!(claimed.is_empty(), "{claimed:?}");
        assert_eq!(relay.mail_commands(), 1);
        s.stop().await;
    }
);

on_both_engines!(
    a_report_without_an_address_is_not_acknowledged,
    |url: String| async move {
        let relay = SmtpServer::start().await;
        let s = with_relay(&url, &relay).await;
        let token = s.token("analyst").await;

        report_from(&s, None).await;
        // Delivered straight to the report address: nobody forwarded it, nobody to tell.
        let mut direct = SCAM_HEADER.as_bytes().to_vec();
        direct.extend_from_slice(format!("\r\n{CALL_US}\r\n").as_bytes());
        let stored = store_email(&s.running.state, &direct, "mailgate")
            .await
            .unwrap();
        let report = s.store.report(stored.id).await.unwrap().unwrap();
        assert_eq!(report.reporter_email, None);

        s.settle(&token).await;
        assert_eq!(
            s.store.job_counts().await.unwrap(),
            (0, 0),
            "nothing queued"
        );
        assert_eq!(relay.connections(), 0, "nothing sent");
        s.stop().await;
    }
);
