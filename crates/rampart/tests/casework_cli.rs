//! `rampart case export`, `rampart case verify` and `rampart audit verify` as an operator and a
//! recipient run them: a package written and checked, a package changed after signing, and an
//! audit chain edited, cut into and cut short behind the service's back (SQLite; the same
//! tampering on PostgreSQL is in the server's tests/export.rs).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rampart_store::{ConnectConfig, LinkKind, NewCase, Store};

const BIN: &str = env!("CARGO_BIN_EXE_rampart");

/// A phishing e-mail that spoofs amazon.com, forwarded as an attachment.
const FORWARDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../server/tests/data/mail/amazon_phish_forwarded_as_attachment.eml"
));

/// A plain one, sent straight to the report address.
const PLAIN: &[u8] = b"From: Parcel Desk <desk@amazon-parcel-release.com>\r\n\
To: report@example.org\r\n\
Subject: Your parcel is held\r\n\
Date: Mon, 23 Nov 2026 09:00:00 +0000\r\n\
Message-ID: <held-1@amazon-parcel-release.com>\r\n\
\r\n\
Pay the release fee at https://amazon-parcel-release.com/pay within 24 hours.\r\n";

/// The signing key of this pretend deployment.
const KEY_HEX: &str = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rampart(dir: &Path, args: &[&str], stdin: &[u8]) -> Out {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("RAMPART_DATABASE_URL")
        .env("USER", "dana")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A configuration with a SQLite database, a signing key and an organisation, in `dir`.
struct Deployment {
    dir: tempfile::TempDir,
    url: String,
    config: PathBuf,
}

impl Deployment {
    fn new() -> Deployment {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("rampart.db").display());
        let key = dir.path().join("signing.key");
        std::fs::write(&key, format!("{KEY_HEX}\n")).unwrap();
        let config = dir.path().join("rampart.toml");
        std::fs::write(
            &config,
            format!(
                "database_url = \"{url}\"\n[casework]\nsigning_key_file = \"{}\"\norganisation = \"Example Shop\"\n",
                key.display()
            ),
        )
        .unwrap();
        Deployment { dir, url, config }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Out {
        rampart(self.path(), args, b"")
    }

    fn config(&self) -> &str {
        self.config.to_str().unwrap()
    }

    async fn store(&self) -> Store {
        Store::connect(&ConnectConfig::new(self.url.clone()))
            .await
            .unwrap()
    }

    /// Runs SQL beside the service, as someone with access to the database file would.
    async fn sql(&self, statements: &[&str]) {
        sqlx::any::install_default_drivers();
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect(&self.url)
            .await
            .unwrap();
        for s in statements {
            sqlx::query(s).execute(&pool).await.unwrap();
        }
        pool.close().await;
    }
}

/// The public half of `KEY_HEX`, as the tools print it.
fn public_key() -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k");
    std::fs::write(&path, KEY_HEX).unwrap();
    rampart_server::export::public_key_hex(&rampart_server::export::trusted_key(&path).unwrap())
}

/// The files of a zip by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

/// The same zip with `edit` applied to each file's bytes.
fn rezip(bytes: &[u8], edit: impl Fn(&str, &mut Vec<u8>)) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, mut b) in unzip(bytes) {
        edit(&name, &mut b);
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&b).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Two e-mail reports through `rampart mailgate` and a case about them; returns the case id
/// and the references.
fn case_with_two_reports(d: &Deployment) -> (i64, Vec<String>) {
    let mut references = Vec::new();
    for message in [FORWARDED, PLAIN] {
        let out = rampart(d.path(), &["mailgate", "--config", d.config()], message);
        assert_eq!(out.code, 0, "{}", out.stderr);
        references.push(out.stdout.trim().to_string());
    }
    let case = runtime().block_on(async {
        let store = d.store().await;
        let mut links = Vec::new();
        for r in &references {
            let id = store.report_by_reference(r).await.unwrap().unwrap().id;
            links.push((LinkKind::Report, id));
        }
        let case = store
            .open_case(
                &NewCase {
                    title: "Parcel release fee".into(),
                    summary: String::new(),
                    priority: "normal".into(),
                    restricted: false,
                    assignee_id: None,
                    links,
                },
                "user:test",
                1_795_000_000_000,
            )
            .await
            .unwrap();
        for n in 0..3 {
            store
                .add_note(case, &format!("note {n}"), "user:test", 1_795_000_000_000)
                .await
                .unwrap();
        }
        store.close().await;
        case
    });
    (case, references)
}

#[test]
fn a_case_is_exported_and_its_package_verified() {
    let d = Deployment::new();
    let (case, references) = case_with_two_reports(&d);
    let out_file = d.path().join("package.zip");
    let out_path = out_file.to_str().unwrap();
    let case_arg = case.to_string();

    let out = d.run(&[
        "case",
        "export",
        &case_arg,
        "--out",
        out_path,
        "--config",
        d.config(),
    ]);

    assert_eq!(out.code, 0, "{}", out.stderr);
    let zip = std::fs::read(&out_file).unwrap();
    let sha = rampart_server::intake::sha256_hex(&zip);
    assert!(out.stdout.contains(out_path), "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("sha256:     {sha}")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(&public_key()), "{}", out.stdout);
    // README, summary, reports, STIX, audit, two raw e-mails.
    assert!(out.stdout.contains("files:      7"), "{}", out.stdout);
    let files = unzip(&zip);
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} in the package"))
            .1
            .clone()
    };
    assert!(file(&format!("raw/{}.eml", references[0])) == FORWARDED);
    assert!(file(&format!("raw/{}.eml", references[1])) == PLAIN);
    let summary = String::from_utf8(file("summary.txt")).unwrap();
    assert!(
        summary.starts_with(&format!("Case CASE-{case}: Parcel release fee\n")),
        "{summary}"
    );
    assert!(summary.contains("  Reports: 2\n"), "{summary}");
    assert!(summary.contains("by Example Shop"), "{summary}");
    let audit: serde_json::Value = serde_json::from_slice(&file("audit.json")).unwrap();
    assert_eq!(
        audit["entries"].as_array().unwrap().len(),
        6,
        "open, 2 links, 3 notes"
    );

    // The export is recorded, by the operating-system user.
    runtime().block_on(async {
        let store = d.store().await;
        let head = store.audit_head().await.unwrap().unwrap();
        assert_eq!(head.event.action, "case.export");
        assert_eq!(head.event.actor, "cli:dana");
        assert!(head.event.detail.contains(&sha), "{}", head.event.detail);
        store.close().await;
    });

    // An existing file is kept unless told otherwise.
    let again = d.run(&[
        "case",
        "export",
        &case_arg,
        "--out",
        out_path,
        "--config",
        d.config(),
    ]);
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert!(std::fs::read(&out_file).unwrap() == zip);
    let forced = d.run(&[
        "case",
        "export",
        &case_arg,
        "--out",
        out_path,
        "--config",
        d.config(),
        "--force",
    ]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let zip = std::fs::read(&out_file).unwrap();

    // A recipient without the key: intact, with a warning about who signed.
    let v = d.run(&["case", "verify", out_path]);
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
    assert!(
        v.stdout.contains(&format!("case:       CASE-{case}")),
        "{}",
        v.stdout
    );
    assert!(
        v.stdout.contains("issuer:     Example Shop"),
        "{}",
        v.stdout
    );
    assert!(
        v.stdout.contains(&format!("✓ raw/{}.eml", references[0])),
        "{}",
        v.stdout
    );
    assert!(v.stdout.contains("✓ summary.txt"), "{}", v.stdout);
    assert!(v.stdout.contains("warning: no trusted key"), "{}", v.stdout);
    // With the key confirmed out of band, or the deployment's own configuration: no warning.
    for args in [
        vec!["case", "verify", out_path, "--public-key", &public_key()],
        vec!["case", "verify", out_path, "--config", d.config()],
    ] {
        let v = d.run(&args);
        assert_eq!(v.code, 0, "{args:?}: {}{}", v.stdout, v.stderr);
        assert!(!v.stdout.contains("warning"), "{}", v.stdout);
    }
    // Another signer than the one expected.
    let other = "1".repeat(64);
    let other_key = {
        let p = d.path().join("other.key");
        std::fs::write(&p, &other).unwrap();
        rampart_server::export::public_key_hex(&rampart_server::export::trusted_key(&p).unwrap())
    };
    let v = d.run(&["case", "verify", out_path, "--public-key", &other_key]);
    assert_eq!(v.code, 1, "{}{}", v.stdout, v.stderr);
    assert!(v.stdout.contains("not by the expected key"), "{}", v.stdout);

    // One byte of one raw e-mail changed after signing.
    let target = format!("raw/{}.eml", references[1]);
    let changed = rezip(&zip, |name, bytes| {
        if name == target {
            bytes[20] ^= 0x20;
        }
    });
    let changed_path = d.path().join("changed.zip");
    std::fs::write(&changed_path, changed).unwrap();
    let v = d.run(&["case", "verify", changed_path.to_str().unwrap()]);
    assert_eq!(v.code, 1, "{}{}", v.stdout, v.stderr);
    assert!(
        v.stdout
            .contains(&format!("NOT VALID: {target} has changed")),
        "{}",
        v.stdout
    );
    // The manifest edited to match: the signature no longer does.
    let resigned = rezip(&zip, |name, bytes| {
        if name == "manifest.json" {
            *bytes = String::from_utf8(bytes.clone())
                .unwrap()
                .replace("Example Shop", "Example Shops")
                .into_bytes();
        }
    });
    std::fs::write(&changed_path, resigned).unwrap();
    let v = d.run(&["case", "verify", changed_path.to_str().unwrap()]);
    assert_eq!(v.code, 1);
    assert!(
        v.stdout.contains("signature does not match"),
        "{}",
        v.stdout
    );
    // Not a package at all: cannot be checked.
    std::fs::write(&changed_path, b"not a zip").unwrap();
    let v = d.run(&["case", "verify", changed_path.to_str().unwrap()]);
    assert_eq!(v.code, 1);
    assert!(v.stdout.contains("not a readable zip"), "{}", v.stdout);
    let v = d.run(&["case", "verify", "no-such-file.zip"]);
    assert_eq!(v.code, 2);
}

#[test]
fn a_case_that_is_not_there_is_not_exported() {
    let d = Deployment::new();
    let out = d.run(&[
        "case",
        "export",
        "42",
        "--out",
        "x.zip",
        "--config",
        d.config(),
    ]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("no case 42"), "{}", out.stderr);
    assert!(!d.path().join("x.zip").exists());
    // Nor without the deployment's signing key: a key made on the spot would vouch for nothing.
    std::fs::remove_file(d.path().join("signing.key")).unwrap();
    let out = d.run(&[
        "case",
        "export",
        "42",
        "--out",
        "x.zip",
        "--config",
        d.config(),
    ]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("signing key"), "{}", out.stderr);
    assert!(!d.path().join("signing.key").exists());
}

#[test]
fn audit_verify_finds_an_edited_a_missing_and_a_cut_off_entry() {
    let d = Deployment::new();
    let (_case, _) = case_with_two_reports(&d);
    let verify = || d.run(&["audit", "verify", "--config", d.config()]);

    let v = verify();
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
    assert!(v.stdout.contains("entries:     6"), "{}", v.stdout);
    assert!(v.stdout.contains("INTACT"), "{}", v.stdout);

    // The service signs the head now and then; do it once here.
    runtime().block_on(async {
        let store = d.store().await;
        let key = rampart_server::export::signing_key(&d.path().join("signing.key")).unwrap();
        let cp = rampart_server::signing::checkpoint(&store, &key)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(cp.seq, 6);
        store.close().await;
    });
    let v = verify();
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
    assert!(v.stdout.contains("checkpoints: 1"), "{}", v.stdout);

    // Someone who can write the file drops the append-only trigger and edits an entry.
    runtime().block_on(d.sql(&[
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET detail = '{\"body\":\"nothing happened\"}' WHERE seq = 4",
    ]));
    let v = verify();
    assert_eq!(v.code, 1, "{}{}", v.stdout, v.stderr);
    assert!(v.stdout.contains("BROKEN"), "{}", v.stdout);
    assert!(v.stdout.contains("entry 4 was edited"), "{}", v.stdout);

    // …deletes another…
    runtime().block_on(d.sql(&[
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE seq = 2",
    ]));
    let v = verify();
    assert_eq!(v.code, 1);
    assert!(v.stdout.contains("entry 2 is missing"), "{}", v.stdout);
    assert!(v.stdout.contains("entry 4 was edited"), "{}", v.stdout);

    // …and cuts off the end, which only the signed checkpoint remembers.
    runtime().block_on(d.sql(&["DELETE FROM audit_log WHERE seq >= 5"]));
    let v = verify();
    assert_eq!(v.code, 1);
    assert!(
        v.stdout.contains(
            "the chain ends at 4 but a signed checkpoint vouches for 6: entries were cut off"
        ),
        "{}",
        v.stdout
    );

    // Without the key the checkpoints cannot be checked: that is not a verdict.
    std::fs::remove_file(d.path().join("signing.key")).unwrap();
    let v = verify();
    assert_eq!(v.code, 2, "{}{}", v.stdout, v.stderr);
    assert!(v.stderr.contains("signing key"), "{}", v.stderr);
}
