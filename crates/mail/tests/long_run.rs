//! A long run without cargo-fuzz: messages generated from a grammar of what breaks mail parsers
//! (nested multiparts and messages, forwards inside forwards, every transfer encoding and a few
//! charsets, HTML with hidden text, header values from random bytes to megabytes of repetition),
//! each parsed under the default limits and under tiny ones. A panic or a parse slower than a
//! few seconds fails with the seed that reproduces it. Nothing is written to disk.
//!
//! Ignored by default; run it for as long as there is time:
//!
//! ```text
//! RAMPART_MAIL_LONG_RUN_SECS=600 cargo test -p rampart-mail --release --test long_run -- --ignored
//! RAMPART_MAIL_LONG_RUN_SEED=1234 cargo test -p rampart-mail --release --test long_run -- --ignored
//! ```

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use rampart_mail::{Limits, parse};

/// xorshift64*: deterministic, so a seed reproduces a message exactly.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

const NAMES: &[&str] = &[
    "From",
    "Sender",
    "Reply-To",
    "To",
    "Cc",
    "Subject",
    "Date",
    "Message-ID",
    "Return-Path",
    "Received",
    "Authentication-Results",
    "ARC-Authentication-Results",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Content-Disposition",
    "X-Other",
    "from",
    "SUBJECT",
];

const VALUES: &[&str] = &[
    "Example Shop <support@examp1e-shop.com>",
    "\"Sh\\\"op\" <a@b.c>, (comment (nested)) x@y.z",
    "=?utf-8?q?Cl=C3=A9_=00?= <r@x.test>",
    "=?iso-2022-jp?b?GyRCJEIbKEI=?=",
    "=?utf-7?q?+AGEAYgBj-?=",
    "=?x-unknown?b?////?=",
    "=?utf-8?b?",
    "Fwd: FW: Re: [Fwd: x]",
    "AW (2): TR : RV: x",
    "Mon, 6 Jan 2025 10:15:00 +0100",
    "Thu, 31 Dec 9999 23:59:60 -9959",
    "from a (b [203.0.113.1]) by c with ESMTPS id d; Mon, 6 Jan 2025 10:15:00 +0000",
    "from [IPv6:2001:db8::1] (helo=x) by y; 32 Foo 0 99:99:99 +9999",
    "mx; spf=fail smtp.mailfrom=x.test; dkim=pass header.d=y.test; dmarc=fail header.from=z",
    "i=1; mx; (((( spf = \"pass\" ;; dmarc",
    "multipart/mixed; boundary=b",
    "multipart/alternative; boundary=\"b\"",
    "multipart/digest; boundary=b",
    "multipart/related; boundary=",
    "message/rfc822",
    "message/global",
    "text/html; charset=shift_jis",
    "text/plain; charset=utf-16",
    "text/plain; charset=\"utf-7\"",
    "text/html",
    "application/octet-stream; name=\"a\u{202e}fdp.eml\"",
    "attachment; filename*=UTF-8''%E2%80%AEx.eml",
    "inline; filename=\"../../x.txt\"",
    "base64",
    "quoted-printable",
    "x-uuencode",
    "8bit",
    "",
];

const BODY_PIECES: &[&str] = &[
    "Dear customer, call +1 888 555 0142 or visit https://examp1e-shop.com/login\r\n",
    "---------- Forwarded message ---------\r\n",
    "-----Original Message-----\r\n",
    "________________________________\r\n",
    "Begin forwarded message:\r\n\r\n",
    "From: Example Shop [mailto:a@examp1e-shop.com]<mailto:a@examp1e-shop.com>\r\n",
    "De : X <x@y.z>\r\nObjet : y\r\nEnvoyé : lundi\r\nÀ : moi@example.org;\r\n  toi@example.org\r\n",
    "Subject: Fwd: inner\r\nDate: Mon, 6 Jan 2025 10:15:00 +0100\r\n",
    "> > > ",
    "\r\n",
    "--b\r\n",
    "--b--\r\n",
    "--bb\r\n",
    "RnJvbTogYUBiLmMKU3ViamVjdDogeAoKYm9keQo=\r\n",
    "====\r\n",
    "=C3=A9=\r\n=ZZ=3D\r\n",
    "<html><head><style>.h{display:none} #i{font-size:0} @media x{.v{color:red}}</style></head>",
    "<div class=\"h\">hidden</div><p id=i>tiny</p><span style=\"color:#fff;background:#fffffe\">white</span>",
    "<a href=\"https://examp1e-shop.com/&#x41;&amp;x\">link</a><img src=\"data:x\"><form action=hxxp://x>",
    "<!-- comment --><!--[if mso]>x<![endif]--><script>alert(1)</script><table><tr><td>a<td>b</table>",
    "<pre>  keep\r\n  this </pre><br></br><p>unclosed<li>item",
    "&#0;&#128;&#x110000;&#99999999999;&nbsp&amp;&unknown;&",
    "\u{200b}Ex\u{200d}ample\u{feff}",
    "<",
    "</",
    "<!",
];

fn header_value(rng: &mut Rng) -> Vec<u8> {
    match rng.below(10) {
        0 => {
            let n = rng.below(64);
            rng.bytes(n)
        }
        1 => {
            // A value repeated into kilobytes or megabytes.
            let unit = rng.pick(VALUES);
            let times = if rng.chance(10) {
                rng.below(200_000)
            } else {
                rng.below(200)
            };
            let mut v = unit.repeat(times).into_bytes();
            if rng.chance(50) {
                v.extend(b"\r\n\t");
                v.extend(unit.as_bytes());
            }
            v
        }
        _ => rng.pick(VALUES).as_bytes().to_vec(),
    }
}

fn headers(rng: &mut Rng, out: &mut Vec<u8>) {
    for _ in 0..rng.below(12) {
        out.extend(rng.pick(NAMES).as_bytes());
        out.extend(if rng.chance(90) {
            &b": "[..]
        } else {
            &b" :"[..]
        });
        out.extend(header_value(rng));
        out.extend(if rng.chance(90) {
            &b"\r\n"[..]
        } else {
            &b"\n"[..]
        });
    }
}

fn body(rng: &mut Rng, depth: usize, out: &mut Vec<u8>) {
    for _ in 0..rng.below(24) {
        match rng.below(20) {
            0 if depth < 30 => {
                // A nested entity: headers, blank line, body.
                headers(rng, out);
                out.extend(b"\r\n");
                body(rng, depth + 1, out);
            }
            1 => {
                let n = rng.below(256);
                out.extend(rng.bytes(n));
            }
            2 => {
                let piece = rng.pick(BODY_PIECES);
                let times = if rng.chance(5) {
                    rng.below(100_000)
                } else {
                    rng.below(50)
                };
                out.extend(piece.repeat(times).as_bytes());
            }
            _ => out.extend(rng.pick(BODY_PIECES).as_bytes()),
        }
    }
}

fn message(seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    if rng.chance(5) {
        out.extend(b"From someone@example.com Mon Jan  6 10:15:00 2025\n");
    }
    headers(&mut rng, &mut out);
    if rng.chance(80) {
        out.extend(b"From: f@example.org\r\nSubject: Fwd: x\r\n");
    }
    out.extend(b"\r\n");
    body(&mut rng, 0, &mut out);
    // Mutations on top of the grammar: flips, cuts, splices.
    for _ in 0..rng.below(4) {
        if out.is_empty() {
            break;
        }
        let at = rng.below(out.len());
        match rng.below(3) {
            0 => out[at] = rng.next() as u8,
            1 => out.truncate(at),
            _ => {
                let len = rng.below(64).min(out.len() - at);
                let piece = out[at..at + len].to_vec();
                let times = rng.below(100);
                for _ in 0..times {
                    out.splice(at..at, piece.iter().copied());
                }
            }
        }
    }
    out
}

fn tiny(seed: u64) -> Limits {
    let mut rng = Rng::new(seed ^ 0x5555);
    Limits {
        max_message_bytes: 64 * 1024 * 1024,
        max_parts: 1 + rng.below(20),
        max_depth: rng.below(6),
        max_forward_depth: rng.below(4),
        max_text_bytes: rng.below(400),
        max_header_bytes: 1 + rng.below(200),
        max_links: rng.below(6),
        max_received: rng.below(4),
    }
}

/// Per message; each takes milliseconds, the largest (tens of megabytes) well under a second.
const SLOW: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(60)
} else {
    Duration::from_secs(5)
};

fn check(seed: u64) {
    let raw = message(seed);
    for limits in [Limits::default(), tiny(seed)] {
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| parse(&raw, &limits)));
        let took = started.elapsed();
        let Ok(result) = outcome else {
            panic!(
                "seed {seed}: parse panicked on {} bytes; RAMPART_MAIL_LONG_RUN_SEED={seed} reproduces it",
                raw.len()
            );
        };
        assert!(
            took < SLOW,
            "seed {seed}: {} bytes took {took:?}; RAMPART_MAIL_LONG_RUN_SEED={seed} reproduces it",
            raw.len()
        );
        if let Ok(report) = result {
            for m in [&report.scam, &report.envelope] {
                assert!(m.text.len() <= limits.max_text_bytes, "seed {seed}");
                assert!(m.hidden_text.len() <= limits.max_text_bytes, "seed {seed}");
                assert!(m.links.len() <= limits.max_links, "seed {seed}");
                assert!(m.received.len() <= limits.max_received, "seed {seed}");
                let bound = 3 * limits.max_header_bytes;
                assert!(
                    m.subject.as_ref().is_none_or(|s| s.len() <= bound),
                    "seed {seed}"
                );
                assert!(
                    m.date_text.as_ref().is_none_or(|s| s.len() <= bound),
                    "seed {seed}"
                );
            }
            assert!(
                report.unwrapped.depth <= limits.max_forward_depth,
                "seed {seed}"
            );
            assert!(report.notes.len() <= 101, "seed {seed}");
        }
    }
}

#[test]
#[ignore = "a long run: RAMPART_MAIL_LONG_RUN_SECS=600 cargo test --release --test long_run -- --ignored"]
fn generated_hostile_messages_never_panic_and_stay_bounded() {
    if let Some(seed) = std::env::var("RAMPART_MAIL_LONG_RUN_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        check(seed);
        return;
    }
    let secs: u64 = std::env::var("RAMPART_MAIL_LONG_RUN_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let first: u64 = std::env::var("RAMPART_MAIL_LONG_RUN_FIRST")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut seed = first;
    while Instant::now() < deadline {
        check(seed);
        seed += 1;
    }
    eprintln!(
        "{} generated messages parsed (seeds {first}..{seed})",
        seed - first
    );
}
