//! Properties that hold for any input: `parse` never panics — on arbitrary bytes, on MIME-like
//! token soup, on corpus messages with bytes flipped, inserted, deleted or cut — and whatever it
//! returns stays within the limits it was given.

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::LazyLock;

use proptest::collection::vec;
use proptest::prelude::*;
use rampart_mail::{Limits, MailReport, Message, parse};

static CORPUS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
});

fn within_limits(report: &MailReport, limits: &Limits) {
    for message in [&report.scam, &report.envelope] {
        within(message, limits);
    }
    assert!(report.unwrapped.depth <= limits.max_forward_depth);
    assert_eq!(report.unwrapped.steps.len(), report.unwrapped.depth);
    assert!(report.notes.len() <= 101);
}

fn within(message: &Message, limits: &Limits) {
    assert!(message.text.len() <= limits.max_text_bytes);
    assert!(message.hidden_text.len() <= limits.max_text_bytes);
    assert!(message.links.len() <= limits.max_links);
    assert!(message.received.len() <= limits.max_received);
    for hop in &message.received {
        // Bytes that are not UTF-8 become U+FFFD, three bytes each.
        assert!(hop.raw.len() <= 3 * limits.max_header_bytes);
    }
    // Header values, written in a header or in a forwarded header block, are cut to the limit
    // (decoded, a byte may become three).
    let bound = 3 * limits.max_header_bytes;
    for value in [&message.subject, &message.date_text, &message.message_id] {
        assert!(value.as_ref().is_none_or(|v| v.len() <= bound));
    }
    for mailbox in message.from.iter().chain(&message.reply_to) {
        let name = mailbox.name.as_ref().map_or(0, String::len);
        let address = mailbox.address.as_ref().map_or(0, String::len);
        assert!(name + address <= bound + 1);
    }
}

/// Small limits, so that every cut is exercised.
fn small_limits() -> impl Strategy<Value = Limits> {
    (
        1usize..20,
        0usize..6,
        0usize..4,
        0usize..400,
        1usize..200,
        0usize..6,
        0usize..4,
    )
        .prop_map(
            |(parts, depth, forwards, text, header, links, received)| Limits {
                max_message_bytes: 1 << 20,
                max_parts: parts,
                max_depth: depth,
                max_forward_depth: forwards,
                max_text_bytes: text,
                max_header_bytes: header,
                max_links: links,
                max_received: received,
            },
        )
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    Truncate { at: usize },
    Repeat { at: usize, len: usize, times: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (
            any::<usize>(),
            prop_oneof![
                vec(any::<u8>(), 1..16),
                Just(b"\r\n--".to_vec()),
                Just(b"\r\n\r\n".to_vec()),
                Just(b"=?utf-8?b?".to_vec()),
                Just(b"<div style=\"display:none\">".to_vec()),
                Just(b"\r\n---------- Forwarded message ---------\r\nFrom: ".to_vec()),
                Just(b"Content-Type: message/rfc822\r\n\r\n".to_vec()),
            ]
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..64, 1usize..50).prop_map(|(at, len, times)| Mutation::Repeat {
            at,
            len,
            times
        }),
    ]
}

fn apply(raw: &mut Vec<u8>, mutation: &Mutation) {
    let len = raw.len().max(1);
    match mutation {
        Mutation::Flip { at, byte } => {
            if !raw.is_empty() {
                raw[at % len] = *byte;
            }
        }
        Mutation::Insert { at, bytes } => {
            let at = at % (raw.len() + 1);
            raw.splice(at..at, bytes.iter().copied());
        }
        Mutation::Delete { at, len: n } => {
            let at = at % len;
            let end = (at + n).min(raw.len());
            if at < end {
                raw.drain(at..end);
            }
        }
        Mutation::Truncate { at } => raw.truncate(at % len),
        Mutation::Repeat { at, len: n, times } => {
            let at = at % len;
            let end = (at + n).min(raw.len());
            if at < end {
                let piece = raw[at..end].to_vec();
                for _ in 0..*times {
                    raw.splice(end..end, piece.iter().copied());
                }
            }
        }
    }
}

/// Tokens that steer the parser into its MIME, header, forward and HTML paths.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "From: Example Shop <a@examp1e-shop.com>\r\n",
        "Subject: Fwd: x\r\n",
        "Reply-To: =?utf-8?q?Cl=C3=A9?= <r@x.test>\r\n",
        "Received: from a (b [203.0.113.1]) by c; Mon, 6 Jan 2025 10:15:00 +0000\r\n",
        "Authentication-Results: mx; spf=fail smtp.mailfrom=x.test\r\n",
        "Content-Type: multipart/mixed; boundary=b\r\n",
        "Content-Type: multipart/alternative; boundary=\"b\"\r\n",
        "Content-Type: message/rfc822\r\n",
        "Content-Type: text/html; charset=shift_jis\r\n",
        "Content-Type: application/octet-stream; name=a.eml\r\n",
        "Content-Transfer-Encoding: base64\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n",
        "\r\n",
        "--b\r\n",
        "--b--\r\n",
        "RnJvbTogYUBiLmMKCng=\r\n",
        "=C3=A9=\r\n",
        "---------- Forwarded message ---------\r\n",
        "-----Original Message-----\r\n",
        "De : X <x@y.z>\r\n",
        "Objet : y\r\n",
        "> ",
        "<a href=\"https://examp1e-shop.com/\">",
        "<div style=\"display:none\">",
        "</div>",
        "<!--",
        "&#x20AC;&amp",
        "text +1 (888) 555-0142 ",
    ])
}

proptest! {
    // Failures print their minimal input; there is no lib.rs beside an integration test to
    // persist them next to.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(raw in vec(any::<u8>(), 0..4096)) {
        if let Ok(report) = parse(&raw, &Limits::default()) {
            within_limits(&report, &Limits::default());
        }
    }

    #[test]
    fn mime_like_token_soup_never_panics(tokens in vec(token(), 0..300), limits in small_limits()) {
        let raw = tokens.concat();
        for limits in [Limits::default(), limits] {
            if let Ok(report) = parse(raw.as_bytes(), &limits) {
                within_limits(&report, &limits);
            }
        }
    }

    #[test]
    fn mutated_corpus_messages_never_panic(
        index in 0usize..1_000,
        mutations in vec(mutation(), 1..8),
        limits in small_limits(),
    ) {
        let mut raw = CORPUS[index % CORPUS.len()].clone();
        for mutation in &mutations {
            apply(&mut raw, mutation);
        }
        for limits in [Limits::default(), limits] {
            if let Ok(report) = parse(&raw, &limits) {
                within_limits(&report, &limits);
            }
        }
    }
}

#[test]
fn corpus_messages_are_within_tiny_limits() {
    let tiny = Limits {
        max_message_bytes: 1 << 20,
        max_parts: 2,
        max_depth: 1,
        max_forward_depth: 0,
        max_text_bytes: 10,
        max_header_bytes: 8,
        max_links: 1,
        max_received: 1,
    };
    for raw in CORPUS.iter() {
        let report = parse(raw, &tiny).unwrap();
        within_limits(&report, &tiny);
    }
}
