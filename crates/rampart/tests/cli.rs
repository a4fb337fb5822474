//! The binary as a user runs it: extract and lookalike on stdin, token creation, and `serve`
//! configured from the environment, answering, and shutting down cleanly on SIGTERM.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_rampart");

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn extract_prints_one_json_line_per_indicator() {
    let (code, out, err) = run_with_stdin(
        &["extract", "--region", "GB"],
        "Call 020 7946 0958 or visit hxxps://evil[.]example(.)com/pay now".as_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    let found = lines(&out);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|v| (v["kind"].as_str().unwrap(), v["value"].as_str().unwrap()))
        .collect();
    assert!(kinds.contains(&("phone", "+442079460958")), "{kinds:?}");
    assert!(
        kinds.contains(&("url", "https://evil.example.com/pay")),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("domain", "example.com")), "{kinds:?}");
    let phone = found.iter().find(|v| v["kind"] == "phone").unwrap();
    assert_eq!(phone["raw"], "020 7946 0958");
    assert_eq!(phone["start"], 5);
    assert_eq!(phone["end"], 18);
}

#[test]
fn extract_survives_invalid_utf8_and_refuses_a_bad_region() {
    let (code, _, err) = run_with_stdin(
        &["extract"],
        b"\xff\xfe bad bytes http://ok.example.com \xc3",
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run_with_stdin(&["extract", "--region", "ZZZ"], b"x");
    assert_ne!(code, 0);
    assert!(err.contains("--region"), "{err}");
}

#[test]
fn lookalike_prints_a_verdict_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("brands.toml");
    std::fs::write(
        &config,
        "[[brand]]\nname = \"Amazon\"\ndomains = [\"amazon.com\", \"amazon.co.uk\"]\nphones = [\"+1 206 266 1000\"]\n",
    )
    .unwrap();
    let (code, out, err) = run_with_stdin(
        &["lookalike", "--config", config.to_str().unwrap()],
        b"www.amazon.com\namaz0n.com\nxn--mazon-3ve.com\namazon.com.account-verify.io\nhxxps://amazon-refund-help[.]com/x\nwikipedia.org\n\n",
    );
    assert_eq!(code, 0, "{err}");
    let got: Vec<(String, String)> = lines(&out)
        .iter()
        .map(|v| {
            (
                v["input"].as_str().unwrap().to_string(),
                v["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("www.amazon.com", "official"),
        ("amaz0n.com", "lookalike"),
        ("xn--mazon-3ve.com", "lookalike"),
        ("amazon.com.account-verify.io", "lookalike"),
        ("hxxps://amazon-refund-help[.]com/x", "lookalike"),
        ("wikipedia.org", "unknown"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    let first = &lines(&out)[1];
    assert_eq!(first["brand"], "Amazon");
    assert!(first["score"].as_f64().unwrap() > 0.5);
    assert!(!first["reason"].as_str().unwrap().is_empty());
}

#[test]
fn lookalike_needs_brands() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("empty.toml");
    std::fs::write(&config, "").unwrap();
    let (code, _, err) = run_with_stdin(
        &["lookalike", "--config", config.to_str().unwrap()],
        b"x.com\n",
    );
    assert_ne!(code, 0);
    assert!(err.contains("no [[brand]]"), "{err}");
}

/// Kills the child if the test fails before it has stopped it.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn http(addr: &str, request: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[test]
fn serve_takes_its_settings_from_the_environment_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let mut guard = KillOnDrop(
        Command::new(BIN)
            .args(["--log-format", "json", "serve"])
            // The evidence signing key is made on first start in the working directory.
            .current_dir(dir.path())
            .env("RAMPART_DATABASE_URL", format!("sqlite://{}", db.display()))
            .env("RAMPART_LISTEN", &addr)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let child = &mut guard.0;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if std::net::TcpStream::connect(&addr).is_ok() {
            break;
        }
        assert!(Instant::now() < deadline, "serve did not start listening");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(db.exists(), "the SQLite file is created on first start");
    let health = http(
        &addr,
        "GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let body = r#"{"channel":"email","body":"verify at paypa1-login.com"}"#;
    let created = http(
        &addr,
        &format!(
            "POST /api/v1/reports HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "serve did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(exit.success(), "exit {exit:?}: {stderr}");
    // Structured logs: every line is a JSON object.
    let log_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with('{')).collect();
    assert!(
        log_lines.iter().any(|l| l.contains("\"stopped\"")),
        "{stderr}"
    );
    for l in log_lines {
        serde_json::from_str::<serde_json::Value>(l).unwrap();
    }
}

#[test]
fn token_create_prints_a_token_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let out = Command::new(BIN)
        .args([
            "token",
            "create",
            "--role",
            "analyst",
            "--name",
            "alice",
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap();
    assert!(
        token.trim().starts_with("rmp_") && token.trim().len() > 40,
        "{token}"
    );
    let out = Command::new(BIN)
        .args(["token", "create", "--role", "boss", "--database-url", &url])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--role must be one of"));
}

#[test]
fn user_create_makes_the_first_admin_and_reset_lets_them_back_in() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("r.db").display());
    let (code, out, err) = run_with_stdin(
        &[
            "user",
            "create",
            "Alice",
            "--role",
            "admin",
            "--database-url",
            &url,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let password = out.trim();
    assert_eq!(password.chars().count(), 20, "{out}");
    assert!(err.contains("\"alice\"") && err.contains("admin"), "{err}");
    // The same name again is refused in plain words.
    let (code, _, err) = run_with_stdin(
        &[
            "user",
            "create",
            "alice",
            "--role",
            "analyst",
            "--database-url",
            &url,
        ],
        b"",
    );
    assert_ne!(code, 0);
    assert!(err.contains("taken"), "{err}");
    let (code, _, err) = run_with_stdin(
        &[
            "user",
            "create",
            "bob",
            "--role",
            "root",
            "--database-url",
            &url,
        ],
        b"",
    );
    assert_ne!(code, 0);
    assert!(err.contains("role"), "{err}");
    let (code, out, err) = run_with_stdin(&["user", "list", "--database-url", &url], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("alice\tadmin\tactive"), "{out}");
    let (code, new_password, err) = run_with_stdin(
        &["user", "reset-password", "alice", "--database-url", &url],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert_ne!(new_password.trim(), password);
    // Every step is in the audit chain, which verifies, but only with the deployment's signing
    // key at hand.
    let (code, out, err) = run_with_stdin(&["audit", "verify", "--database-url", &url], b"");
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("signing key"), "{err}");
    let key = dir.path().join("signing.key");
    std::fs::write(&key, format!("{}\n", "07".repeat(32))).unwrap();
    let config = dir.path().join("rampart.toml");
    std::fs::write(
        &config,
        format!(
            "database_url = \"{url}\"\n[casework]\nsigning_key_file = \"{}\"\n",
            key.display()
        ),
    )
    .unwrap();
    let config = config.display().to_string();
    let (code, out, err) = run_with_stdin(&["audit", "verify", "--config", &config], b"");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("INTACT"), "{out}");
    // The account made and its password reset; refusals change nothing.
    assert!(out.contains("entries:     2"), "{out}");
}

#[test]
fn simulate_writes_a_history_and_its_truth_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).display().to_string();
    let args = |to: &str| {
        [
            "simulate",
            "--accounts",
            "600",
            "--days",
            "20",
            "--seed",
            "7",
            "--out",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([to.to_string()])
        .collect::<Vec<_>>()
    };
    let a = args(&out("a"));
    let (code, _, err) = run_with_stdin(&a.iter().map(String::as_str).collect::<Vec<_>>(), b"");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("events") && err.contains("rings"), "{err}");
    let events = std::fs::read_to_string(dir.path().join("a/events.jsonl")).unwrap();
    let lines: Vec<&str> = events.lines().collect();
    assert!(lines.len() > 600, "{} lines", lines.len());
    for line in &lines {
        rampart_abuse::events::parse_line(line).unwrap();
    }
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("a/truth.json")).unwrap())
            .unwrap();
    assert!(!truth["rings"].as_array().unwrap().is_empty(), "{truth}");
    assert_eq!(truth["stats"]["events"], lines.len());

    // The same seed again: the same bytes. Over existing files only with --force.
    let (code, _, err) = run_with_stdin(&a.iter().map(String::as_str).collect::<Vec<_>>(), b"");
    assert_ne!(code, 0);
    assert!(err.contains("--force"), "{err}");
    let b = args(&out("b"));
    let (code, _, err) = run_with_stdin(&b.iter().map(String::as_str).collect::<Vec<_>>(), b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("b/events.jsonl")).unwrap(),
        events.as_bytes()
    );
    let (code, _, err) = run_with_stdin(&["simulate", "--days", "0", "--out", &out("c")], b"");
    assert_ne!(code, 0);
    assert!(err.contains("--days"), "{err}");
}
