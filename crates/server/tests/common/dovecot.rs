//! The tests' IMAP server: the Dovecot that `.ci/dovecot.sh` configures and starts (plain and
//! STARTTLS on 127.0.0.1:10143, TLS on 127.0.0.1:10993, no MOVE on 127.0.0.2:10143). Each test
//! gets folders of its own, so tests run in parallel. Under CI=true an unreachable Dovecot is a
//! failure; elsewhere the test says it was skipped and passes.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use futures::TryStreamExt;
use rampart_server::imap::{ImapSettings, Tls};
use tokio::net::TcpStream;

pub const HOST: &str = "127.0.0.1";
/// The same server, announcing no MOVE, so that the fallback path runs.
pub const HOST_WITHOUT_MOVE: &str = "127.0.0.2";
pub const PLAIN_PORT: u16 = 10143;
pub const TLS_PORT: u16 = 10993;
pub const USER: &str = "reports";
pub const PASSWORD: &str = "reports-test";

/// Where `.ci/dovecot.sh` keeps its files.
pub fn dir() -> PathBuf {
    std::env::var_os("RAMPART_DOVECOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/rampart-dovecot"))
}

/// The CA that signed the server's certificate.
pub fn ca_file() -> PathBuf {
    dir().join("ca.pem")
}

type Session = async_imap::Session<TcpStream>;

/// Why Dovecot was found unreachable, once, so the other tests skip without waiting again.
static DOWN: OnceLock<String> = OnceLock::new();

/// A folder of the test's own in the tests' mailbox, and poller settings that use it.
pub struct TestMailbox {
    /// Plain text to 127.0.0.1:10143; `folder`, `processed_folder` and `failed_folder` are
    /// this test's.
    pub settings: ImapSettings,
    separator: Option<String>,
}

/// A fresh set of folders for `test`; `None` (after saying so) when Dovecot is not reachable
/// outside CI.
pub async fn mailbox(test: &str) -> Option<TestMailbox> {
    if let Some(why) = DOWN.get() {
        return skip(test, why);
    }
    let mut session = match login().await {
        Ok(session) => session,
        Err(why) => {
            let _ = DOWN.set(why.clone());
            return skip(test, &why);
        }
    };
    let separator = separator(&mut session).await;
    remove_stale_folders(&mut session).await;
    let name = format!(
        "test-{}-{}",
        std::process::id(),
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    );
    let mailbox = TestMailbox {
        settings: ImapSettings {
            enabled: true,
            host: HOST.into(),
            port: Some(PLAIN_PORT),
            tls: Tls::None,
            ca_file: None,
            user: USER.into(),
            password: PASSWORD.into(),
            folder: name.clone(),
            processed_folder: format!("{name}/Processed"),
            failed_folder: format!("{name}/Failed"),
            poll_secs: 1,
            batch: 50,
            max_message_bytes: 1024 * 1024,
            timeout_secs: 10,
        },
        separator,
    };
    session
        .create(mailbox.server_name(&name))
        .await
        .expect("create the test's folder");
    let _ = session.logout().await;
    Some(mailbox)
}

impl TestMailbox {
    /// A folder name as the poller's settings spell it (`/` between levels), as the server does.
    pub fn server_name(&self, name: &str) -> String {
        match self.separator.as_deref() {
            Some(sep) => name.replace('/', sep),
            None => name.to_string(),
        }
    }

    /// Puts a message into the test's incoming folder, as a mail server delivering it would.
    pub async fn deliver(&self, raw: &[u8]) {
        self.deliver_flagged(raw, None).await;
    }

    /// Delivers with IMAP flags, e.g. `(\Deleted)`.
    pub async fn deliver_flagged(&self, raw: &[u8], flags: Option<&str>) {
        let mut session = login().await.expect("log in to Dovecot");
        session
            .append(self.server_name(&self.settings.folder), flags, None, raw)
            .await
            .expect("APPEND");
        let _ = session.logout().await;
    }

    pub async fn incoming(&self) -> Vec<Stored> {
        self.contents(&self.settings.folder).await
    }

    pub async fn processed(&self) -> Vec<Stored> {
        self.contents(&self.settings.processed_folder).await
    }

    pub async fn failed(&self) -> Vec<Stored> {
        self.contents(&self.settings.failed_folder).await
    }

    /// Every message in `folder` (named as in the settings), oldest first, read without
    /// setting `\Seen`; empty when the folder does not exist.
    pub async fn contents(&self, folder: &str) -> Vec<Stored> {
        let mut session = login().await.expect("log in to Dovecot");
        if session.examine(self.server_name(folder)).await.is_err() {
            return Vec::new();
        }
        let mut stored: Vec<Stored> = session
            .fetch("1:*", "(UID FLAGS BODY.PEEK[])")
            .await
            .expect("FETCH")
            .map_ok(|f| Stored {
                uid: f.uid.unwrap_or(0),
                raw: f.body().map(<[u8]>::to_vec).unwrap_or_default(),
                flags: f.flags().map(|fl| format!("{fl:?}")).collect(),
            })
            .try_collect()
            .await
            // "1:*" in an empty folder is an error on some servers: an empty folder then.
            .unwrap_or_default();
        stored.sort_by_key(|s| s.uid);
        let _ = session.logout().await;
        stored
    }
}

/// A message as the server holds it.
#[derive(Debug, Clone)]
pub struct Stored {
    pub uid: u32,
    pub raw: Vec<u8>,
    /// async-imap's names: `Seen`, `Deleted`, …
    pub flags: Vec<String>,
}

impl Stored {
    pub fn seen(&self) -> bool {
        self.flags.iter().any(|f| f == "Seen")
    }
}

/// Logs in over plain text, within 5 s.
pub async fn login() -> Result<Session, String> {
    let attempt = async {
        let tcp = TcpStream::connect((HOST, PLAIN_PORT))
            .await
            .map_err(|e| format!("cannot connect to {HOST}:{PLAIN_PORT}: {e}"))?;
        let mut client = async_imap::Client::new(tcp);
        client
            .read_response()
            .await
            .map_err(|e| format!("no greeting: {e}"))?;
        client
            .login(USER, PASSWORD)
            .await
            .map_err(|(e, _)| format!("login as {USER} refused: {e}"))
    };
    tokio::time::timeout(Duration::from_secs(5), attempt)
        .await
        .unwrap_or_else(|_| Err("timed out".into()))
}

async fn separator(session: &mut Session) -> Option<String> {
    let names: Vec<_> = session
        .list(Some(""), Some("\"\""))
        .await
        .ok()?
        .try_collect()
        .await
        .ok()?;
    names.iter().find_map(|n| n.delimiter().map(str::to_string))
}

/// Deletes the folders of earlier test processes that have ended, once per process, so the
/// mailbox does not fill up over many runs.
async fn remove_stale_folders(session: &mut Session) {
    static DONE: OnceLock<()> = OnceLock::new();
    if DONE.set(()).is_err() {
        return;
    }
    let Ok(stream) = session.list(Some(""), Some("\"test-*\"")).await else {
        return;
    };
    let mut names: Vec<String> = stream
        .map_ok(|n| n.name().to_string())
        .try_collect()
        .await
        .unwrap_or_default();
    // Children before their parents.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        let pid = name.split('-').nth(1).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = session.delete(&name).await;
        }
    }
}

fn skip(test: &str, why: &str) -> Option<TestMailbox> {
    if super::in_ci() {
        panic!(
            "Dovecot at {HOST}:{PLAIN_PORT} is required under CI=true but is not usable: {why} \
             (bash .ci/dovecot.sh starts it)"
        );
    }
    // Straight to the stream, not eprintln!: the harness captures the macros' output of passing
    // tests, and a skip must be seen.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: Dovecot at {HOST}:{PLAIN_PORT} is not usable ({why}); \
         bash .ci/dovecot.sh starts it"
    );
    None
}

/// A TCP relay on a loopback port to Dovecot's plain port that counts the bytes sent from the
/// server to the client, to show how much of a message a client read.
pub struct CountingRelay {
    pub port: u16,
    to_client: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl CountingRelay {
    pub async fn start() -> CountingRelay {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicU64, Ordering};
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        let listener = tokio::net::TcpListener::bind((HOST, 0))
            .await
            .expect("bind the relay");
        let port = listener.local_addr().expect("relay address").port();
        let to_client = Arc::new(AtomicU64::new(0));
        let counter = to_client.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Ok(server) = TcpStream::connect((HOST, PLAIN_PORT)).await else {
                    continue;
                };
                let (mut client_read, mut client_write) = client.into_split();
                let (mut server_read, mut server_write) = server.into_split();
                tokio::spawn(async move {
                    let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                    let _ = server_write.shutdown().await;
                });
                let counter = counter.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 16 * 1024];
                    loop {
                        match server_read.read(&mut buf).await {
                            Ok(0) | Err(_) => break,
                            Ok(n) => {
                                counter.fetch_add(n as u64, Ordering::SeqCst);
                                if client_write.write_all(&buf[..n]).await.is_err() {
                                    break;
                                }
                            }
                        }
                    }
                });
            }
        });
        CountingRelay { port, to_client }
    }

    /// Bytes relayed from the server to the client so far.
    pub fn bytes_to_client(&self) -> u64 {
        self.to_client.load(std::sync::atomic::Ordering::SeqCst)
    }
}
