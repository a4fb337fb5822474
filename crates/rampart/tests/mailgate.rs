//! `rampart mailgate` as a mail server's pipe transport runs it: one message on stdin, the
//! report's reference on stdout, and the exit status the mail server acts on — 0 once the report
//! is committed, 75 (try again later) when the database cannot be reached, 65 when the message
//! can never be stored.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use rampart_store::{ConnectConfig, Store};

const BIN: &str = env!("CARGO_BIN_EXE_rampart");

/// A phishing e-mail that spoofs amazon.com, forwarded as an attachment from Gmail by Hana.
const FORWARDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../server/tests/data/mail/amazon_phish_forwarded_as_attachment.eml"
));

/// sysexits.h, as mail servers read them.
const EX_DATAERR: i32 = 65;
const EX_TEMPFAIL: i32 = 75;

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `rampart mailgate ARGS` in `dir` with `message` on stdin, as a pipe transport does.
/// The message is written from another thread, and a write the child does not wait for (it
/// stopped reading at its size limit) is not an error.
fn mailgate(dir: &Path, args: &[&str], envs: &[(&str, &str)], message: &[u8]) -> Outcome {
    let mut child = Command::new(BIN)
        .arg("mailgate")
        .args(args)
        .current_dir(dir)
        .env_remove("RAMPART_DATABASE_URL")
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let message = message.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&message);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("rampart.db").display())
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

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

async fn open(url: &str) -> Store {
    Store::connect(&ConnectConfig::new(url)).await.unwrap()
}

#[test]
fn a_forwarded_phishing_email_is_stored_and_its_reference_printed() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(dir.path());

    let first = mailgate(dir.path(), &["--database-url", &url], &[], FORWARDED);

    assert_eq!(first.code, 0, "{}", first.stderr);
    let reference = first.stdout.trim().to_string();
    assert!(is_reference(&reference), "stdout: {:?}", first.stdout);
    assert_eq!(first.stdout, format!("{reference}\n"), "only the reference");
    runtime().block_on(async {
        let store = open(&url).await;
        let report = store
            .report_by_reference(&reference)
            .await
            .unwrap()
            .expect("the report is committed");
        assert_eq!(report.channel, "email");
        assert_eq!(report.source, "mailgate");
        assert_eq!(
            report.sender.as_deref(),
            Some("Amazon.com <account-update@amazon.com>")
        );
        assert_eq!(
            report.reporter_email.as_deref(),
            Some("hana.sato.1987@gmail.com")
        );
        assert_eq!(
            report.subject.as_deref(),
            Some("Your Amazon account has been locked — verify within 24 hours")
        );
        assert_eq!(report.auth.dmarc.as_deref(), Some("fail"));
        let (_, raw) = store.report_raw(report.id).await.unwrap().unwrap();
        assert!(raw == FORWARDED, "the stored bytes differ from the message");
        // `rampart serve` extracts the indicators later; the job is committed with the report.
        assert_eq!(report.processed_at, None);
        assert_eq!(store.job_counts().await.unwrap(), (1, 0));
        store.close().await;
    });

    // The mail server lost our answer and delivers again: same report, still a success.
    let again = mailgate(dir.path(), &["--database-url", &url], &[], FORWARDED);

    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout.trim(), reference);
    assert!(
        again
            .stderr
            .contains(&format!("stored before, as {reference}")),
        "{}",
        again.stderr
    );
    runtime().block_on(async {
        let store = open(&url).await;
        assert_eq!(store.report_count().await.unwrap(), 1);
        assert_eq!(store.job_counts().await.unwrap(), (1, 0));
        store.close().await;
    });
}

#[test]
fn the_database_comes_from_the_environment_or_a_configuration_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(dir.path());

    let from_env = mailgate(
        dir.path(),
        &[],
        &[("RAMPART_DATABASE_URL", &url)],
        FORWARDED,
    );
    assert_eq!(from_env.code, 0, "{}", from_env.stderr);

    // With an SMTP relay configured, the forwarder's acknowledgement is queued with the report
    // (the relay is only contacted by `rampart serve`).
    let config = dir.path().join("rampart.toml");
    std::fs::write(
        &config,
        format!(
            "database_url = \"{url}\"\n\
             [smtp]\nenabled = true\nhost = \"127.0.0.1\"\nport = 2525\ntls = \"none\"\n\
             from = \"Amazon Customer Protection <protect@amazon.example>\"\n"
        ),
    )
    .unwrap();
    let mut other = FORWARDED.to_vec();
    other.extend_from_slice(b"\n");
    let from_file = mailgate(
        dir.path(),
        &["--config", config.to_str().unwrap()],
        &[],
        &other,
    );
    assert_eq!(from_file.code, 0, "{}", from_file.stderr);
    assert_ne!(from_file.stdout, from_env.stdout);

    runtime().block_on(async {
        let store = open(&url).await;
        assert_eq!(store.report_count().await.unwrap(), 2);
        // Two processing jobs, and one acknowledgement for the message stored with the relay.
        assert_eq!(store.job_counts().await.unwrap(), (3, 0));
        store.close().await;
    });
}

#[test]
fn a_database_that_cannot_be_reached_means_try_again_later() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the database's directory should be: nobody, root included, can create it.
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, b"").unwrap();
    let unwritable = format!("sqlite://{}", blocker.join("rampart.db").display());
    for url in [
        "postgres://rampart@127.0.0.1:1/rampart",
        unwritable.as_str(),
    ] {
        let out = mailgate(dir.path(), &["--database-url", url], &[], FORWARDED);

        assert_eq!(out.code, EX_TEMPFAIL, "{url}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{url}: no reference");
        assert!(
            out.stderr
                .contains("the mail server should try again later"),
            "{url}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("cannot open the database"),
            "{url}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_message_that_can_never_be_stored_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(dir.path());
    let over_40_mib = {
        let mut raw = b"From: Amazon <no-reply@amazon-account-security.com>\n\
                        Subject: Your invoice\n\n"
            .to_vec();
        raw.resize(40 * 1024 * 1024 + 1, b'x');
        raw
    };
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty", b"", "the input is empty"),
        (
            "not an e-mail",
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            "does not start with a header field",
        ),
        ("over 40 MiB", &over_40_mib, "larger than 40 MiB"),
    ];
    for (what, message, reason) in cases {
        let out = mailgate(dir.path(), &["--database-url", &url], &[], message);

        assert_eq!(out.code, EX_DATAERR, "{what}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{what}: no reference");
        assert!(out.stderr.contains(reason), "{what}: {}", out.stderr);
        let refused = out.stderr.contains("not stored") || out.stderr.contains("cannot be stored");
        assert!(refused, "{what}: {}", out.stderr);
    }
    runtime().block_on(async {
        let store = open(&url).await;
        assert_eq!(store.report_count().await.unwrap(), 0, "nothing stored");
        assert_eq!(store.job_counts().await.unwrap(), (0, 0));
        store.close().await;
    });
}
