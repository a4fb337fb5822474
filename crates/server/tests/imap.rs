//! The report mailbox poller against a real Dovecot (`.ci/dovecot.sh`): every message reaches
//! the sink with its exact bytes and then leaves the folder; nothing is lost when the sink fails,
//! rejects, or the poller dies between storing and moving; size, batch and TLS are enforced.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Mutex;
use std::time::Duration;

use common::dovecot::{self, TestMailbox};
use rampart_server::imap::{self, ImapError, MessageKey, MessageSink, PollOutcome, SinkError, Tls};
use sha2::{Digest, Sha256};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

/// What the sink does with the next messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Stores everything (the normal case).
    Store,
    /// Storage is down.
    FailTemporarily,
    /// Stores, then never answers: the poller is killed before it can move the message.
    StoreThenHang,
}

/// A sink that records every delivery; messages containing `REJECT-ME` are refused for good.
struct RecordingSink {
    mode: Mutex<Mode>,
    deliveries: Mutex<Vec<(Vec<u8>, MessageKey)>>,
    stored: Notify,
}

impl RecordingSink {
    fn new(mode: Mode) -> RecordingSink {
        RecordingSink {
            mode: Mutex::new(mode),
            deliveries: Mutex::new(Vec::new()),
            stored: Notify::new(),
        }
    }

    fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    fn deliveries(&self) -> Vec<(Vec<u8>, MessageKey)> {
        self.deliveries.lock().unwrap().clone()
    }

    fn bodies(&self) -> Vec<Vec<u8>> {
        self.deliveries().into_iter().map(|(raw, _)| raw).collect()
    }
}

impl MessageSink for RecordingSink {
    async fn accept(&self, raw: Vec<u8>, key: MessageKey) -> Result<(), SinkError> {
        let mode = *self.mode.lock().unwrap();
        if mode == Mode::FailTemporarily {
            return Err(SinkError::Temporary("database is down".into()));
        }
        if raw.windows(9).any(|w| w == b"REJECT-ME") {
            return Err(SinkError::Rejected("not a message we can read".into()));
        }
        self.deliveries.lock().unwrap().push((raw, key));
        self.stored.notify_one();
        if mode == Mode::StoreThenHang {
            std::future::pending::<()>().await;
        }
        Ok(())
    }
}

/// An RFC 5322 message with CRLF line ends (what servers store and return unchanged).
fn message(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Someone <someone@example.org>\r\n\
         To: reports@rampart.example\r\n\
         Subject: {subject}\r\n\
         Message-ID: <{}@example.org>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         {body}\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

/// A message of exactly `len` bytes.
fn message_of_len(len: usize) -> Vec<u8> {
    let mut raw = message("sized", "");
    assert!(len > raw.len() + 2, "{len} is too small for the headers");
    let fill = len - raw.len() - 2;
    raw.truncate(raw.len() - 2);
    raw.extend(std::iter::repeat_n(b'x', fill));
    raw.extend_from_slice(b"\r\n\r\n");
    raw.truncate(len);
    assert_eq!(raw.len(), len);
    raw
}

fn sha256(raw: &[u8]) -> String {
    hex::encode(Sha256::digest(raw))
}

fn raws(stored: &[dovecot::Stored]) -> Vec<Vec<u8>> {
    stored.iter().map(|s| s.raw.clone()).collect()
}

async fn mailbox(test: &str) -> Option<TestMailbox> {
    dovecot::mailbox(test).await
}

#[tokio::test]
async fn messages_reach_the_sink_byte_for_byte_then_move_to_the_processed_folder() {
    let Some(mb) = mailbox("imap::byte_for_byte").await else {
        return;
    };
    let sent = vec![
        message(
            "Your parcel is held",
            "Pay 1.99 at hxxps://parcel-fee[.]top",
        ),
        message("Ünïcödé", "Grüße, 8-bit body: привет, 你好"),
        message("long line", &"a".repeat(5000)),
    ];
    for raw in &sent {
        mb.deliver(raw).await;
    }
    let sink = RecordingSink::new(Mode::Store);

    let outcome = imap::poll_once(&mb.settings, &sink).await.unwrap();

    assert_eq!(
        outcome,
        PollOutcome {
            accepted: 3,
            ..PollOutcome::default()
        }
    );
    let deliveries = sink.deliveries();
    assert_eq!(sink.bodies(), sent, "exact bytes, oldest first");
    for (raw, key) in &deliveries {
        assert_eq!(key.sha256, sha256(raw));
        assert_ne!(key.uid_validity, 0);
    }
    let uids: Vec<u32> = deliveries.iter().map(|(_, k)| k.uid).collect();
    assert!(uids.windows(2).all(|w| w[0] < w[1]), "{uids:?}");
    assert!(mb.incoming().await.is_empty(), "moved out of the folder");
    let processed = mb.processed().await;
    assert_eq!(raws(&processed), sent);
    assert!(
        processed.iter().all(|m| !m.seen()),
        "the poller never sets \\Seen"
    );
    assert!(mb.failed().await.is_empty());

    let again = imap::poll_once(&mb.settings, &sink).await.unwrap();
    assert_eq!(again, PollOutcome::default(), "nothing is delivered twice");
    assert_eq!(sink.deliveries().len(), 3);
}

#[tokio::test]
async fn a_temporary_sink_failure_leaves_the_messages_for_the_next_poll() {
    let Some(mb) = mailbox("imap::temporary_failure").await else {
        return;
    };
    let sent = vec![message("one", "first"), message("two", "second")];
    for raw in &sent {
        mb.deliver(raw).await;
    }
    let sink = RecordingSink::new(Mode::FailTemporarily);

    let outcome = imap::poll_once(&mb.settings, &sink).await.unwrap();

    assert_eq!(
        outcome,
        PollOutcome {
            deferred: 1,
            ..PollOutcome::default()
        },
        "the poll stops at the first temporary failure"
    );
    let incoming = mb.incoming().await;
    assert_eq!(raws(&incoming), sent, "both messages are still there");
    assert!(incoming.iter().all(|m| !m.seen()));
    assert!(mb.processed().await.is_empty());

    sink.set_mode(Mode::Store);
    let outcome = imap::poll_once(&mb.settings, &sink).await.unwrap();
    assert_eq!(outcome.accepted, 2);
    assert_eq!(sink.bodies(), sent);
    assert!(mb.incoming().await.is_empty());
    assert_eq!(raws(&mb.processed().await), sent);
}

#[tokio::test]
async fn a_crash_between_storing_and_moving_redelivers_with_the_same_key() {
    let Some(mb) = mailbox("imap::crash").await else {
        return;
    };
    let raw = message("crash", "stored, then the process died");
    mb.deliver(&raw).await;
    let sink = RecordingSink::new(Mode::StoreThenHang);

    // The sink commits, then the poller is dropped mid-poll: as if the process died right
    // after the commit and before UID MOVE.
    tokio::select! {
        result = imap::poll_once(&mb.settings, &sink) => {
            panic!("the poll should still be waiting for the sink: {result:?}")
        }
        () = sink.stored.notified() => {}
    }
    let after_crash = mb.incoming().await;
    assert_eq!(raws(&after_crash), vec![raw.clone()], "not lost, not moved");
    assert!(!after_crash[0].seen());
    assert!(mb.processed().await.is_empty());

    sink.set_mode(Mode::Store);
    let outcome = imap::poll_once(&mb.settings, &sink).await.unwrap();

    assert_eq!(outcome.accepted, 1);
    let deliveries = sink.deliveries();
    assert_eq!(deliveries.len(), 2, "delivered again after the crash");
    assert_eq!(
        deliveries[0].1, deliveries[1].1,
        "same key both times, so the sink stores one report"
    );
    assert_eq!(deliveries[1].1.sha256, sha256(&raw));
    assert_eq!(deliveries[1].0, raw);
    assert!(mb.incoming().await.is_empty());
    assert_eq!(raws(&mb.processed().await), vec![raw]);
}

#[tokio::test]
async fn a_rejected_message_goes_to_the_failed_folder() {
    let Some(mb) = mailbox("imap::rejected").await else {
        return;
    };
    let bad = message("unreadable", "REJECT-ME");
    let good = message("fine", "a normal report");
    mb.deliver(&bad).await;
    mb.deliver(&good).await;
    let sink = RecordingSink::new(Mode::Store);

    let outcome = imap::poll_once(&mb.settings, &sink).await.unwrap();

    assert_eq!(
        outcome,
        PollOutcome {
            accepted: 1,
            rejected: 1,
            ..PollOutcome::default()
        }
    );
    assert_eq!(sink.bodies(), vec![good.clone()]);
    assert!(mb.incoming().await.is_empty());
    assert_eq!(raws(&mb.failed().await), vec![bad]);
    assert_eq!(raws(&mb.processed().await), vec![good]);
}

#[tokio::test]
async fn oversized_messages_go_to_the_failed_folder_unread() {
    let Some(mb) = mailbox("imap::oversized").await else {
        return;
    };
    // Through a relay that counts what the server sends, to see how much the poller reads.
    let relay = dovecot::CountingRelay::start().await;
    let settings = imap::ImapSettings {
        port: Some(relay.port),
        max_message_bytes: 1000,
        ..mb.settings.clone()
    };
    let at_limit = message_of_len(1000);
    let one_over = message_of_len(1001);
    let huge = message_of_len(300_000);
    for raw in [&one_over, &at_limit, &huge] {
        mb.deliver(raw).await;
    }
    let sink = RecordingSink::new(Mode::Store);

    let outcome = imap::poll_once(&settings, &sink).await.unwrap();

    assert_eq!(
        outcome,
        PollOutcome {
            accepted: 1,
            oversized: 2,
            ..PollOutcome::default()
        }
    );
    assert_eq!(
        sink.bodies(),
        vec![at_limit.clone()],
        "the limit is inclusive"
    );
    assert!(
        relay.bytes_to_client() < 20_000,
        "the poller read {} bytes: the 300 kB message was fetched",
        relay.bytes_to_client()
    );
    assert!(mb.incoming().await.is_empty());
    let failed = mb.failed().await;
    assert_eq!(
        raws(&failed),
        vec![one_over, huge],
        "kept whole, never lost"
    );
    assert!(failed.iter().all(|m| !m.seen()));
    assert_eq!(raws(&mb.processed().await), vec![at_limit]);
}

#[tokio::test]
async fn a_batch_is_bounded_and_the_rest_follow_in_order() {
    let Some(mb) = mailbox("imap::batch").await else {
        return;
    };
    let settings = imap::ImapSettings {
        batch: 2,
        ..mb.settings.clone()
    };
    let sent: Vec<Vec<u8>> = (0..5)
        .map(|i| message(&format!("report {i}"), "body"))
        .collect();
    for raw in &sent {
        mb.deliver(raw).await;
    }
    let sink = RecordingSink::new(Mode::Store);

    let mut per_poll = Vec::new();
    for _ in 0..4 {
        let outcome = imap::poll_once(&settings, &sink).await.unwrap();
        per_poll.push((outcome.accepted, outcome.more));
    }

    assert_eq!(
        per_poll,
        [(2, true), (2, true), (1, false), (0, false)],
        "(accepted, more) per poll"
    );
    assert_eq!(sink.bodies(), sent);
    assert_eq!(raws(&mb.processed().await), sent);
}

#[tokio::test]
async fn without_move_messages_are_copied_then_only_they_are_expunged() {
    let Some(mb) = mailbox("imap::without_move").await else {
        return;
    };
    // 127.0.0.2 reaches the same Dovecot, which announces no MOVE there (only UIDPLUS).
    let settings = imap::ImapSettings {
        host: dovecot::HOST_WITHOUT_MOVE.into(),
        batch: 1,
        ..mb.settings.clone()
    };
    let ours = message("first", "processed in this poll");
    let marked = message("second", "someone marked this one \\Deleted");
    mb.deliver(&ours).await;
    mb.deliver_flagged(&marked, Some("(\\Deleted)")).await;
    let sink = RecordingSink::new(Mode::Store);

    let outcome = imap::poll_once(&settings, &sink).await.unwrap();

    assert_eq!(outcome.accepted, 1);
    assert!(outcome.more);
    assert_eq!(sink.bodies(), vec![ours.clone()]);
    assert_eq!(raws(&mb.processed().await), vec![ours]);
    assert_eq!(
        raws(&mb.incoming().await),
        vec![marked],
        "a plain EXPUNGE would have removed the other \\Deleted message before it was read"
    );
}

#[tokio::test]
async fn implicit_tls_with_the_tests_ca() {
    let Some(mb) = mailbox("imap::implicit_tls").await else {
        return;
    };
    let settings = imap::ImapSettings {
        port: Some(dovecot::TLS_PORT),
        tls: Tls::Implicit,
        ca_file: Some(dovecot::ca_file()),
        ..mb.settings.clone()
    };
    let raw = message("over TLS", "encrypted all the way");
    mb.deliver(&raw).await;
    let sink = RecordingSink::new(Mode::Store);

    let outcome = imap::poll_once(&settings, &sink).await.unwrap();

    assert_eq!(outcome.accepted, 1);
    assert_eq!(sink.bodies(), vec![raw.clone()]);
    assert_eq!(raws(&mb.processed().await), vec![raw]);
}

#[tokio::test]
async fn starttls_with_the_tests_ca() {
    let Some(mb) = mailbox("imap::starttls").await else {
        return;
    };
    let settings = imap::ImapSettings {
        host: "localhost".into(),
        port: Some(dovecot::PLAIN_PORT),
        tls: Tls::Starttls,
        ca_file: Some(dovecot::ca_file()),
        ..mb.settings.clone()
    };
    let raw = message("STARTTLS", "upgraded");
    mb.deliver(&raw).await;
    let sink = RecordingSink::new(Mode::Store);

    let outcome = imap::poll_once(&settings, &sink).await.unwrap();

    assert_eq!(outcome.accepted, 1);
    assert_eq!(sink.bodies(), vec![raw]);
}

#[tokio::test]
async fn tls_refuses_a_certificate_no_trusted_ca_signed() {
    let Some(mb) = mailbox("imap::untrusted_certificate").await else {
        return;
    };
    let raw = message("untrusted", "must not be read");
    mb.deliver(&raw).await;
    let sink = RecordingSink::new(Mode::Store);
    for tls in [Tls::Implicit, Tls::Starttls] {
        let port = if tls == Tls::Implicit {
            dovecot::TLS_PORT
        } else {
            dovecot::PLAIN_PORT
        };
        let settings = imap::ImapSettings {
            port: Some(port),
            tls,
            ca_file: None,
            ..mb.settings.clone()
        };

        let result = imap::poll_once(&settings, &sink).await;

        match result {
            Err(ImapError::Tls { source, .. }) => assert!(
                source.to_string().contains("certificate"),
                "{tls:?}: {source}"
            ),
            other => panic!("{tls:?}: expected a TLS error, got {other:?}"),
        }
    }
    assert!(sink.deliveries().is_empty());
    assert_eq!(raws(&mb.incoming().await), vec![raw]);
}

#[tokio::test]
async fn a_wrong_password_is_a_login_error_that_does_not_repeat_it() {
    let Some(mb) = mailbox("imap::wrong_password").await else {
        return;
    };
    let settings = imap::ImapSettings {
        password: "wrong-password-1234".into(),
        ..mb.settings.clone()
    };
    let sink = RecordingSink::new(Mode::Store);

    let err = imap::poll_once(&settings, &sink).await.unwrap_err();

    assert!(matches!(err, ImapError::Login { .. }), "{err:?}");
    assert!(!err.to_string().contains("wrong-password-1234"), "{err}");
    assert!(
        !format!("{err:?}").contains("wrong-password-1234"),
        "{err:?}"
    );
    assert!(!format!("{settings:?}").contains("wrong-password-1234"));
}

#[tokio::test]
async fn run_keeps_polling_until_shutdown() {
    let Some(mb) = mailbox("imap::run").await else {
        return;
    };
    let first = message("before start", "waiting already");
    let second = message("while running", "arrives later");
    mb.deliver(&first).await;
    let sink = std::sync::Arc::new(RecordingSink::new(Mode::Store));
    let shutdown = CancellationToken::new();
    let poller = tokio::spawn(imap::run(
        mb.settings.clone(),
        sink.clone(),
        shutdown.clone(),
    ));

    wait_for(|| sink.deliveries().len() == 1).await;
    mb.deliver(&second).await;
    wait_for(|| sink.deliveries().len() == 2).await;
    shutdown.cancel();

    tokio::time::timeout(Duration::from_secs(5), poller)
        .await
        .expect("run returns soon after shutdown")
        .unwrap();
    assert_eq!(sink.bodies(), vec![first.clone(), second.clone()]);
    wait_for_async(|| async { mb.processed().await.len() == 2 }).await;
    assert_eq!(raws(&mb.processed().await), vec![first, second]);
}

async fn wait_for(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("not done within 10 s");
}

async fn wait_for_async<F: Future<Output = bool>>(done: impl Fn() -> F) {
    for _ in 0..200 {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("not done within 10 s");
}
