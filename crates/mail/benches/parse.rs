//! How fast a reported e-mail is read: the corpus of real-shaped messages (forwards, HTML,
//! charsets, broken MIME) one after another, and one large message with a 10 MB attachment.
//!
//! `cargo bench -p rampart-mail --bench parse -- --warm-up-time 2 --measurement-time 10`

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rampart_mail::{Limits, parse};

fn corpus() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// A phishing mail with a 10 MB base64 attachment, as people forward them with a PDF "invoice".
fn large_message() -> Vec<u8> {
    let mut m = b"From: \"Example Shop\" <billing@examp1e-shop.com>\r\nTo: victim@example.org\r\n\
Subject: Your invoice\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Pay now at <a href=\"https://examp1e-shop.com/pay\">our site</a> \
or call +1 415 555 0142.</p>\r\n--b1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n"
        .to_vec();
    let line = b"JVBERi0xLjcKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZUR\r\n";
    while m.len() < 10 * 1024 * 1024 {
        m.extend_from_slice(line);
    }
    m.extend_from_slice(b"--b1--\r\n");
    m
}

fn bench(c: &mut Criterion) {
    let limits = Limits::default();
    let messages = corpus();
    assert!(!messages.is_empty(), "the corpus is missing");
    let bytes: usize = messages.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("mail");
    g.throughput(Throughput::Elements(messages.len() as u64));
    g.bench_function(
        format!("corpus_{}_messages_{bytes}_bytes", messages.len()),
        |b| {
            b.iter(|| {
                for m in &messages {
                    std::hint::black_box(parse(m, &limits).ok());
                }
            })
        },
    );
    let large = large_message();
    g.throughput(Throughput::Bytes(large.len() as u64));
    g.bench_function("one_10mb_attachment", |b| {
        b.iter(|| std::hint::black_box(parse(&large, &limits).ok()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
