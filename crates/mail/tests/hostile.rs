//! Hostile input made on the fly: deep nesting, huge parts, zip bombs, giant header lines,
//! thousands of nested messages, random bytes. Each must finish quickly, within the limits, with
//! a note saying what was left out — never a panic, never a stack overflow.

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::time::{Duration, Instant};

use rampart_mail::{Limits, MailError, MailReport, UnwrapKind, parse};
use sha2::{Digest, Sha256};

/// What matters is that nothing is quadratic or unbounded: in a release build each of these takes
/// about a second at most; an unoptimised build (SHA-256 and base64 in debug) is ten times slower
/// and shares two cores with the other tests.
const QUICK: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(30)
} else {
    Duration::from_secs(3)
};

#[track_caller]
fn parse_quickly(raw: &[u8], limits: &Limits) -> MailReport {
    let started = Instant::now();
    let report = parse(raw, limits).expect("a message");
    let took = started.elapsed();
    assert!(took < QUICK, "took {took:?}");
    report
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len() / 3 * 4 + data.len() / 57 * 2 + 4);
    for (i, chunk) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for j in 0..4 {
            if j <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * j) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A deterministic byte stream (xorshift), so failures reproduce.
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

const HEADER: &str = "From: Example Shop <security@examp1e-shop.com>\r\nTo: trap@reports.rampart.example\r\nSubject: Your account\r\nMIME-Version: 1.0\r\n";

#[test]
fn two_hundred_nested_multiparts_stop_at_the_depth_limit() {
    let mut raw = String::from(HEADER);
    raw.push_str("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
    for level in 0..200 {
        raw.push_str(&format!(
            "--b{level}\r\nContent-Type: multipart/mixed; boundary=\"b{}\"\r\n\r\n",
            level + 1
        ));
    }
    raw.push_str("--b200\r\nContent-Type: text/plain\r\n\r\ndeep scam text\r\n--b200--\r\n");
    for level in (0..200).rev() {
        raw.push_str(&format!("--b{level}--\r\n"));
    }
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    assert_eq!(report.scam.subject.as_deref(), Some("Your account"));
    assert!(!report.scam.text.contains("deep scam text"));
    assert_eq!(
        report.notes,
        ["MIME parts nested deeper than 20 levels were not read"]
    );

    // With room for them, all 200 levels are read: the walk has no recursion to overflow.
    let roomy = Limits {
        max_depth: 1_000,
        ..Limits::default()
    };
    let report = parse_quickly(raw.as_bytes(), &roomy);
    assert_eq!(report.scam.text, "deep scam text");
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn parts_beyond_the_limit_are_not_read() {
    let mut raw = String::from(HEADER);
    raw.push_str("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
    for i in 0..2_000 {
        raw.push_str(&format!(
            "--p\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"
        ));
    }
    raw.push_str("--p--\r\n");
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    // The multipart itself is part 1; its first 499 children are read.
    assert!(report.scam.text.contains("part 498"));
    assert!(!report.scam.text.contains("part 499"));
    assert_eq!(report.notes, ["MIME parts beyond 500 were not read"]);
}

#[test]
fn a_thirty_megabyte_attachment_is_hashed_in_passing() {
    let data = pseudo_random(7, 22 * 1024 * 1024);
    let encoded = base64(&data);
    assert!(encoded.len() > 30_000_000);
    let raw = format!(
        "{HEADER}Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nCall +1 (888) 555-0142 about the attached statement.\r\n--m\r\nContent-Type: application/pdf; name=\"statement.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{encoded}\r\n--m--\r\n"
    );
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    assert_eq!(
        report.scam.text,
        "Call +1 (888) 555-0142 about the attached statement."
    );
    let attachment = &report.scam.attachments[0];
    assert_eq!(attachment.filename.as_deref(), Some("statement.pdf"));
    assert_eq!(attachment.size, data.len() as u64);
    assert_eq!(attachment.sha256, hex::encode(Sha256::digest(&data)));
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

/// A zip whose one member inflates from a few kilobytes to `expanded` bytes of zeros.
fn zip_bomb(expanded: usize) -> Vec<u8> {
    let mut deflater = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..expanded / zeros.len() {
        deflater.write_all(&zeros).unwrap();
    }
    let compressed = deflater.finish().unwrap();
    let mut crc = crc32fast::Hasher::new();
    for _ in 0..expanded / zeros.len() {
        crc.update(&zeros);
    }
    let crc = crc.finalize();
    let name = b"statement.txt";
    let mut zip = Vec::new();
    let local = |zip: &mut Vec<u8>| {
        zip.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        zip.extend_from_slice(&20u16.to_le_bytes()); // version needed
        zip.extend_from_slice(&0u16.to_le_bytes()); // flags
        zip.extend_from_slice(&8u16.to_le_bytes()); // deflate
        zip.extend_from_slice(&[0, 0, 0, 0]); // time, date
        zip.extend_from_slice(&crc.to_le_bytes());
        zip.extend_from_slice(&(compressed.len() as u32).to_le_bytes());
        zip.extend_from_slice(&(expanded as u32).to_le_bytes());
        zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes());
        zip.extend_from_slice(name);
    };
    local(&mut zip);
    zip.extend_from_slice(&compressed);
    let central_at = zip.len();
    zip.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    zip.extend_from_slice(&20u16.to_le_bytes()); // version made by
    zip.extend_from_slice(&20u16.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip.extend_from_slice(&8u16.to_le_bytes());
    zip.extend_from_slice(&[0, 0, 0, 0]);
    zip.extend_from_slice(&crc.to_le_bytes());
    zip.extend_from_slice(&(compressed.len() as u32).to_le_bytes());
    zip.extend_from_slice(&(expanded as u32).to_le_bytes());
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&[0; 12]); // extra, comment, disk, internal and external attributes
    zip.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    zip.extend_from_slice(name);
    let central_len = zip.len() - central_at;
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    zip.extend_from_slice(&[0, 0, 0, 0]);
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&(central_len as u32).to_le_bytes());
    zip.extend_from_slice(&(central_at as u32).to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

#[test]
fn a_zip_bomb_stays_a_blob() {
    let expanded = 64 * 1024 * 1024;
    let zip = zip_bomb(expanded);
    assert!(
        zip.len() < expanded / 500,
        "the bomb is small: {} bytes",
        zip.len()
    );
    let raw = format!(
        "{HEADER}Content-Type: multipart/mixed; boundary=\"z\"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nYour statement is attached.\r\n--z\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"statement.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--z--\r\n",
        base64(&zip)
    );
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    let attachment = &report.scam.attachments[0];
    assert_eq!(attachment.filename.as_deref(), Some("statement.zip"));
    assert_eq!(attachment.content_type, "application/zip");
    assert_eq!(
        attachment.size,
        zip.len() as u64,
        "the compressed size, not {expanded}"
    );
    assert_eq!(attachment.sha256, hex::encode(Sha256::digest(&zip)));
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn a_one_megabyte_header_line_is_cut() {
    let long = "A".repeat(1024 * 1024);
    let raw = format!(
        "From: Example Shop <security@examp1e-shop.com>\r\nX-Filler: {long}\r\nSubject: {long}\r\nReply-To: {long}@examp1e-shop.com\r\n\r\nCall +1 (888) 555-0142\r\n"
    );
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    let subject = report.scam.subject.unwrap();
    assert!(
        subject.len() <= 64 * 1024 && subject.len() > 60 * 1024,
        "{}",
        subject.len()
    );
    assert_eq!(report.scam.text, "Call +1 (888) 555-0142");
    assert_eq!(
        report.notes,
        [
            "the header Subject was longer than 64 KiB and was cut",
            "the header Reply-To was longer than 64 KiB and was cut",
        ]
    );
}

#[test]
fn pathological_header_values_are_parsed_within_bounds() {
    // Each value fills the 64 KiB a header may keep with what makes a grammar nest or loop.
    let fillers = [
        "(",
        ")",
        "<",
        "\"",
        "=?utf-8?q?",
        "=?",
        "\\",
        ",",
        ";",
        "[",
        "@",
        "=?utf-8?b?QUFB?= ",
    ];
    for filler in fillers {
        let value = filler.repeat(64 * 1024 / filler.len());
        let mut raw = String::new();
        for name in [
            "From",
            "Reply-To",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "Return-Path",
            "Received",
            "Authentication-Results",
        ] {
            raw.push_str(&format!("{name}: {value}\r\n"));
        }
        raw.push_str(&format!(
            "Content-Type: multipart/mixed; boundary={value}\r\n"
        ));
        raw.push_str(&format!(
            "Content-Disposition: attachment; filename*0={value}\r\n\r\nbody\r\n"
        ));
        let report = parse_quickly(raw.as_bytes(), &Limits::default());
        assert!(report.scam.received.len() == 1, "{filler:?}");
    }
}

#[test]
fn a_thousand_nested_attached_messages_stop_at_the_forward_limit() {
    let mut raw = String::new();
    for level in 0..1_000 {
        raw.push_str(&format!(
            "From: Forwarder {level} <f{level}@example.org>\r\nSubject: Fwd: level {level}\r\nContent-Type: message/rfc822\r\n\r\n"
        ));
    }
    raw.push_str(
        "From: Example Shop <security@examp1e-shop.com>\r\nSubject: innermost\r\n\r\nscam\r\n",
    );
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    assert_eq!(report.unwrapped.kind, UnwrapKind::AttachedMessage);
    assert_eq!(report.unwrapped.depth, 8);
    assert_eq!(
        report.forwarder.unwrap().address.as_deref(),
        Some("f0@example.org")
    );
    assert_eq!(report.scam.subject.as_deref(), Some("Fwd: level 8"));
    assert_eq!(
        report.notes,
        ["forwards nested deeper than 8 were not unwrapped"]
    );

    // Allowed to unwrap all of them, the MIME depth limit still holds.
    let roomy = Limits {
        max_forward_depth: 10_000,
        ..Limits::default()
    };
    let report = parse_quickly(raw.as_bytes(), &roomy);
    assert_eq!(report.unwrapped.depth, 20);
    assert_eq!(
        report.notes,
        ["an attached message nested deeper than 20 MIME levels was not read"]
    );
}

#[test]
fn deeply_nested_base64_messages() {
    // Each level base64-encodes the next, so the levels grow by a third each: 30 levels make
    // about 2 MB. Only the levels unwrapped are decoded.
    let mut inner = String::from(
        "From: Example Shop <security@examp1e-shop.com>\r\nSubject: innermost\r\n\r\nscam\r\n",
    );
    for level in (0..30).rev() {
        inner = format!(
            "From: f{level}@example.org\r\nSubject: Fwd: level {level}\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            base64(inner.as_bytes())
        );
    }
    let report = parse_quickly(inner.as_bytes(), &Limits::default());
    assert_eq!(report.unwrapped.depth, 8);
    assert_eq!(report.scam.subject.as_deref(), Some("Fwd: level 8"));
    assert_eq!(
        report.notes,
        ["forwards nested deeper than 8 were not unwrapped"]
    );
}

#[test]
fn a_thousand_nested_inline_forwards_stop_at_the_forward_limit() {
    let mut raw = String::from("From: f@example.org\r\nSubject: Fwd: x\r\n\r\n");
    for level in 0..1_000 {
        raw.push_str(&format!(
            "comment {level}\r\n---------- Forwarded message ---------\r\nFrom: Person {level} <p{level}@example.org>\r\nSubject: Fwd: level {level}\r\n\r\n"
        ));
    }
    raw.push_str("the scam\r\n");
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    assert_eq!(report.unwrapped.kind, UnwrapKind::InlineForward);
    assert_eq!(report.unwrapped.depth, 8);
    assert_eq!(
        report.scam.from.unwrap().address.as_deref(),
        Some("p7@example.org")
    );
    assert!(report.scam.text.starts_with("comment 8"));
    assert_eq!(
        report.notes,
        ["forwards nested deeper than 8 were not unwrapped"]
    );
}

#[test]
fn text_links_and_received_are_bounded() {
    let limits = Limits {
        max_text_bytes: 1_000,
        max_links: 10,
        max_received: 5,
        ..Limits::default()
    };
    let mut raw = String::new();
    for hop in 0..60 {
        raw.push_str(&format!("Received: from h{hop}.example.org by mx.example.org; Mon, 6 Jan 2025 10:15:00 +0000\r\n"));
    }
    raw.push_str("From: x@examp1e-shop.com\r\nContent-Type: text/html\r\n\r\n");
    for i in 0..50 {
        raw.push_str(&format!(
            "<p>{} <a href=\"https://examp1e-shop.com/{i}\">link</a></p>",
            "word ".repeat(20)
        ));
        raw.push_str(&format!(
            "<div style=\"display:none\">{}</div>",
            "filler ".repeat(20)
        ));
    }
    let report = parse_quickly(raw.as_bytes(), &limits);
    assert_eq!(report.scam.text.len(), 1_000);
    assert!(report.scam.hidden_text.len() <= 1_000);
    assert_eq!(report.scam.links.len(), 10);
    assert_eq!(report.scam.received.len(), 5);
    assert_eq!(
        report.notes,
        [
            "Received headers beyond 5 were not kept",
            "the text of the scam was longer than 1000 bytes and was cut",
            "the hidden text of the scam was longer than 1000 bytes and was cut",
            "links beyond 10 were not kept",
        ]
    );
}

#[test]
fn huge_bodies_stay_bounded() {
    // 8 MB of short lines in a forward: the text is cut, the forward search reads only what is
    // kept, and nothing holds a line table of millions of entries.
    let lines = "a\n".repeat(4 * 1024 * 1024);
    let raw = format!("From: f@example.org\r\nSubject: Fwd: x\r\n\r\n{lines}end\r\n");
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    assert_eq!(report.unwrapped.kind, UnwrapKind::Direct);
    assert_eq!(report.scam.text.len(), 2 * 1024 * 1024);
    assert_eq!(
        report.notes,
        ["the text of the scam was longer than 2 MiB and was cut"]
    );

    let mut html = String::from("From: x@examp1e-shop.com\r\nContent-Type: text/html\r\n\r\n");
    for i in 0..50_000 {
        html.push_str(&format!(
            "<a href=\"https://examp1e-shop.com/{i}\">x</a><span style=\"display:none\">h{i}</span>"
        ));
    }
    let report = parse_quickly(html.as_bytes(), &Limits::default());
    assert_eq!(report.scam.links.len(), 1_000);
    assert!(report.scam.hidden_text.contains("h49999"));
    assert_eq!(
        report.notes,
        [
            "an HTML part had more than 10000 links; the rest were not read",
            "links beyond 1000 were not kept",
        ]
    );
}

#[test]
fn a_forwarded_header_line_of_many_megabytes_is_cut_and_read_in_linear_time() {
    // An inline forward's "From:" line runs to the end of the line, which may be most of the
    // message. Its values were kept whole, past `max_header_bytes`, and Outlook's `<mailto:…>`
    // copies were taken out one at a time, each time lower-casing and searching the whole value
    // again: 400,000 copies (3.6 MB) took about a minute and a half, a 40 MB line hours. (The
    // quadratic loop on its own is tested in `inline::tests`.)
    let limits = Limits::default();
    let copies = "<mailto:>".repeat(400_000);
    let long = "x".repeat(3 * 1024 * 1024);
    let raw = format!(
        "From: victim@example.org\r\nSubject: Fwd: x\r\n\r\n\
         ---------- Forwarded message ---------\r\n\
         From: Example Shop <a@examp1e-shop.com>{copies}\r\n\
         Subject: {long}\r\n\
         Date: {long}\r\n\r\nbody\r\n"
    );
    let report = parse_quickly(raw.as_bytes(), &limits);
    assert_eq!(report.unwrapped.kind, UnwrapKind::InlineForward);
    assert_eq!(
        report.scam.from.as_ref().and_then(|m| m.address.as_deref()),
        Some("a@examp1e-shop.com")
    );
    let subject = report.scam.subject.as_deref().unwrap();
    assert_eq!(subject.len(), limits.max_header_bytes);
    assert_eq!(
        report.scam.date_text.as_deref().map(str::len),
        Some(limits.max_header_bytes)
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n
                == "the Subject line of a forwarded message was longer than 64 KiB and was cut"),
        "{:?}",
        report.notes
    );
}

#[test]
fn an_attached_message_after_blank_lines_is_still_read() {
    let raw = "From: f@example.org\r\nSubject: report\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\n\r\nsee attached\r\n--m\r\nContent-Type: message/rfc822\r\n\r\n\r\n\r\nFrom: Example Shop <a@examp1e-shop.com>\r\nSubject: scam\r\n\r\nbody\r\n--m--\r\n";
    let report = parse_quickly(raw.as_bytes(), &Limits::default());
    assert_eq!(report.unwrapped.kind, UnwrapKind::AttachedMessage);
    assert_eq!(report.scam.subject.as_deref(), Some("scam"));
}

#[test]
fn what_is_not_a_message() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "not an e-mail message: the input is empty"),
        (b" \r\n\t", "not an e-mail message: the input is empty"),
        (
            b"hello there, no headers here",
            "not an e-mail message: the input does not start with a header field",
        ),
        (
            b"\x00\x01\x02\xff",
            "not an e-mail message: the input does not start with a header field",
        ),
    ];
    for (raw, expected) in cases {
        assert_eq!(
            parse(raw, &Limits::default()).unwrap_err().to_string(),
            *expected
        );
    }
    let small = Limits {
        max_message_bytes: 10,
        ..Limits::default()
    };
    assert_eq!(
        parse(b"From: a@b.c\r\n\r\nhello", &small),
        Err(MailError::TooLarge {
            size: 20,
            limit: 10
        })
    );
}

#[test]
fn random_bytes_never_panic() {
    for seed in 0..300u64 {
        let len = (seed as usize * 37) % 5_000;
        let mut raw = pseudo_random(seed, len);
        // Half of them start like a message, so that the body paths run too.
        if seed % 2 == 0 {
            let mut with_header =
                b"From: a@b.c\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n".to_vec();
            with_header.append(&mut raw);
            raw = with_header;
        }
        let _ = parse(&raw, &Limits::default());
    }
}
