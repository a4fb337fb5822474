//! A small but real SMTP server on a loopback port, for tests of outgoing mail: it speaks enough
//! of RFC 5321 for a real client (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP,
//! QUIT), records what it receives, and can be told to fail on purpose — a given reply at a
//! given step for the next few transactions, silence, or no listener at all — so that retry
//! behaviour is tested against the real protocol rather than a mock. Plain text only: no AUTH,
//! no STARTTLS (clients must use `tls = "none"`).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// The name the server gives itself in its greeting and EHLO answer.
const NAME: &str = "smtp.rampart.test";
/// Longest command line accepted (RFC 5321 says 512; clients send less).
const MAX_LINE: u64 = 4096;
/// Largest message accepted, advertised as SIZE.
const MAX_MESSAGE: usize = 10 * 1024 * 1024;

/// A step of an SMTP session where a failure can be injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The 220 greeting on connect.
    Greeting,
    /// The answer to EHLO or HELO.
    Hello,
    /// The answer to MAIL FROM.
    MailFrom,
    /// The answer to RCPT TO.
    RcptTo,
    /// The 354 answer to DATA.
    Data,
    /// The answer after the message's final dot.
    EndOfData,
}

/// What to do instead of the usual answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Answer this line (`421 4.3.2 try again later`). A 421 also closes the connection, as
    /// RFC 5321 says; a negative greeting closes it too.
    Line(String),
    /// Say nothing and keep the connection open, so the client's timeout fires.
    Silence,
}

/// One message as received: the envelope and the bytes after DATA, unstuffed, up to (not
/// including) the final `.` line.
#[derive(Debug, Clone)]
pub struct Received {
    pub hello: String,
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
}

struct Rule {
    stage: Stage,
    reply: Reply,
    remaining: usize,
}

#[derive(Default)]
struct Shared {
    received: Vec<Received>,
    rules: Vec<Rule>,
    connections: usize,
    mail_commands: usize,
}

/// The running server; stops when dropped.
pub struct SmtpServer {
    addr: SocketAddr,
    shared: Arc<Mutex<Shared>>,
    accepting: Mutex<Option<JoinHandle<()>>>,
}

impl SmtpServer {
    /// Listens on 127.0.0.1 at a port the system picks.
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the SMTP listener");
        let addr = listener.local_addr().expect("listener address");
        let shared = Arc::new(Mutex::new(Shared::default()));
        let accepting = tokio::spawn(accept_loop(listener, shared.clone()));
        SmtpServer {
            addr,
            shared,
            accepting: Mutex::new(Some(accepting)),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Answers `reply` (a whole line such as `550 5.1.1 no such user`) instead of the usual
    /// answer at `stage`, the next `times` times that stage is reached.
    pub fn reply_next(&self, stage: Stage, reply: &str, times: usize) {
        self.lock().rules.push(Rule {
            stage,
            reply: Reply::Line(reply.to_string()),
            remaining: times,
        });
    }

    /// Says nothing at `stage`, the next `times` times it is reached.
    pub fn stall_next(&self, stage: Stage, times: usize) {
        self.lock().rules.push(Rule {
            stage,
            reply: Reply::Silence,
            remaining: times,
        });
    }

    /// Closes the listening socket and every open session: connecting now fails with
    /// "connection refused", as when the relay is down.
    pub async fn refuse_connections(&self) {
        let task = self.accepting.lock().expect("lock").take();
        if let Some(task) = task {
            task.abort();
            // Dropping the task drops the listener and the sessions it owns.
            let _ = task.await;
        }
    }

    /// Listens again on the same port after [`SmtpServer::refuse_connections`].
    pub async fn accept_connections(&self) {
        if self.accepting.lock().expect("lock").is_some() {
            return;
        }
        let listener = TcpListener::bind(self.addr)
            .await
            .expect("bind the SMTP listener again on its port");
        let task = tokio::spawn(accept_loop(listener, self.shared.clone()));
        *self.accepting.lock().expect("lock") = Some(task);
    }

    /// Every message accepted so far, in order.
    pub fn messages(&self) -> Vec<Received> {
        self.lock().received.clone()
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.lock().connections
    }

    /// MAIL commands received so far, accepted or not: the transactions a client started.
    pub fn mail_commands(&self) -> usize {
        self.lock().mail_commands
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        lock(&self.shared)
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        if let Ok(mut task) = self.accepting.lock()
            && let Some(task) = task.take()
        {
            task.abort();
        }
    }
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A session that panicked must not hide what was recorded before it.
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The injected answer for `stage`, if one is due.
fn injected(shared: &Mutex<Shared>, stage: Stage) -> Option<Reply> {
    let mut shared = lock(shared);
    let rule = shared
        .rules
        .iter_mut()
        .find(|r| r.stage == stage && r.remaining > 0)?;
    rule.remaining -= 1;
    Some(rule.reply.clone())
}

async fn accept_loop(listener: TcpListener, shared: Arc<Mutex<Shared>>) {
    // Owned here so that aborting this task ends every session with it.
    let mut sessions = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    lock(&shared).connections += 1;
                    sessions.spawn(session(stream, shared.clone()));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = sessions.join_next(), if !sessions.is_empty() => {}
        }
    }
}

/// The transaction in progress: MAIL given, recipients so far.
struct Transaction {
    mail_from: String,
    rcpt_to: Vec<String>,
}

enum Next {
    Continue,
    Close,
}

async fn session(stream: TcpStream, shared: Arc<Mutex<Shared>>) {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    match injected(&shared, Stage::Greeting) {
        Some(Reply::Silence) => return stall(&mut read).await,
        Some(Reply::Line(line)) => {
            let _ = say(&mut write, &line).await;
            if !line.starts_with('2') {
                return;
            }
        }
        None => {
            if say(&mut write, &format!("220 {NAME} ESMTP ready"))
                .await
                .is_err()
            {
                return;
            }
        }
    }
    let mut hello: Option<String> = None;
    let mut transaction: Option<Transaction> = None;
    loop {
        let Some(line) = read_line(&mut read).await else {
            return;
        };
        let Ok(line) = String::from_utf8(line) else {
            if say(&mut write, "500 5.5.2 not UTF-8").await.is_err() {
                return;
            }
            continue;
        };
        let line = line.trim_end_matches(['\r', '\n']);
        let (verb, argument) = line.split_once(' ').unwrap_or((line, ""));
        let verb = verb.to_ascii_uppercase();
        let step = match verb.as_str() {
            "EHLO" | "HELO" => {
                let reply = match injected(&shared, Stage::Hello) {
                    Some(reply) => Some(reply),
                    None => {
                        hello = Some(argument.trim().to_string());
                        transaction = None;
                        None
                    }
                };
                let usual = if verb == "EHLO" {
                    format!(
                        "250-{NAME} greets {}\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-SIZE {MAX_MESSAGE}\r\n250 ENHANCEDSTATUSCODES",
                        argument.trim()
                    )
                } else {
                    format!("250 {NAME}")
                };
                answer(&mut write, &mut read, reply, &usual).await
            }
            "MAIL" => {
                lock(&shared).mail_commands += 1;
                if hello.is_none() {
                    plain(&mut write, "503 5.5.1 say EHLO first").await
                } else if transaction.is_some() {
                    plain(&mut write, "503 5.5.1 a transaction is already open").await
                } else if let Some(path) = path(argument, "FROM:") {
                    match injected(&shared, Stage::MailFrom) {
                        Some(reply) => answer(&mut write, &mut read, Some(reply), "").await,
                        None => {
                            transaction = Some(Transaction {
                                mail_from: path,
                                rcpt_to: Vec::new(),
                            });
                            plain(&mut write, "250 2.1.0 sender ok").await
                        }
                    }
                } else {
                    plain(&mut write, "501 5.5.4 syntax: MAIL FROM:<address>").await
                }
            }
            "RCPT" => match (&mut transaction, path(argument, "TO:")) {
                (None, _) => plain(&mut write, "503 5.5.1 need MAIL first").await,
                (Some(_), None) => plain(&mut write, "501 5.5.4 syntax: RCPT TO:<address>").await,
                (Some(tx), Some(path)) => match injected(&shared, Stage::RcptTo) {
                    Some(reply) => answer(&mut write, &mut read, Some(reply), "").await,
                    None => {
                        tx.rcpt_to.push(path);
                        plain(&mut write, "250 2.1.5 recipient ok").await
                    }
                },
            },
            "DATA" => match transaction.take() {
                Some(tx) if !tx.rcpt_to.is_empty() => {
                    if let Some(reply) = injected(&shared, Stage::Data) {
                        transaction = Some(tx);
                        answer(&mut write, &mut read, Some(reply), "").await
                    } else if say(&mut write, "354 end data with <CR><LF>.<CR><LF>")
                        .await
                        .is_err()
                    {
                        Next::Close
                    } else {
                        match read_data(&mut read).await {
                            Data::Message(data) => match injected(&shared, Stage::EndOfData) {
                                Some(reply) => answer(&mut write, &mut read, Some(reply), "").await,
                                None => {
                                    let id = {
                                        let mut shared = lock(&shared);
                                        shared.received.push(Received {
                                            hello: hello.clone().unwrap_or_default(),
                                            mail_from: tx.mail_from,
                                            rcpt_to: tx.rcpt_to,
                                            data,
                                        });
                                        shared.received.len()
                                    };
                                    plain(&mut write, &format!("250 2.0.0 queued as {id}")).await
                                }
                            },
                            Data::TooLarge => {
                                plain(&mut write, "552 5.3.4 message too large").await
                            }
                            Data::Ended => Next::Close,
                        }
                    }
                }
                other => {
                    transaction = other;
                    plain(&mut write, "503 5.5.1 need RCPT first").await
                }
            },
            "RSET" => {
                transaction = None;
                plain(&mut write, "250 2.0.0 reset").await
            }
            "NOOP" => plain(&mut write, "250 2.0.0 ok").await,
            "QUIT" => {
                let _ = say(&mut write, "221 2.0.0 bye").await;
                Next::Close
            }
            _ => plain(&mut write, "502 5.5.2 command not implemented").await,
        };
        if let Next::Close = step {
            return;
        }
    }
}

/// Sends the injected reply if there is one, else `usual`.
async fn answer(
    write: &mut OwnedWriteHalf,
    read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    injected: Option<Reply>,
    usual: &str,
) -> Next {
    match injected {
        None => plain(write, usual).await,
        Some(Reply::Silence) => {
            stall(read).await;
            Next::Close
        }
        Some(Reply::Line(line)) => {
            let next = plain(write, &line).await;
            if line.starts_with("421") {
                Next::Close
            } else {
                next
            }
        }
    }
}

async fn plain(write: &mut OwnedWriteHalf, line: &str) -> Next {
    match say(write, line).await {
        Ok(()) => Next::Continue,
        Err(_) => Next::Close,
    }
}

async fn say(write: &mut OwnedWriteHalf, line: &str) -> std::io::Result<()> {
    write.write_all(format!("{line}\r\n").as_bytes()).await?;
    write.flush().await
}

/// Reads and ignores whatever comes until the client gives up (or a minute passes).
async fn stall(read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) {
    let mut sink = [0u8; 1024];
    let _ = tokio::time::timeout(Duration::from_secs(60), async {
        while matches!(read.read(&mut sink).await, Ok(n) if n > 0) {}
    })
    .await;
}

/// One line with its line ending; `None` at the end of the stream or for an overlong line.
async fn read_line(read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> Option<Vec<u8>> {
    let mut line = Vec::new();
    match (&mut *read)
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)
        .await
    {
        Ok(0) | Err(_) => None,
        Ok(_) if !line.ends_with(b"\n") => None,
        Ok(_) => Some(line),
    }
}

enum Data {
    Message(Vec<u8>),
    TooLarge,
    Ended,
}

/// The message after DATA up to the line that is a single dot, with the leading dot that the
/// client added to every line starting with one taken off again (RFC 5321 §4.5.2).
async fn read_data(read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> Data {
    let mut data = Vec::new();
    let mut too_large = false;
    loop {
        let mut line = Vec::new();
        match (&mut *read)
            .take(MAX_MESSAGE as u64)
            .read_until(b'\n', &mut line)
            .await
        {
            Ok(0) | Err(_) => return Data::Ended,
            Ok(_) => {}
        }
        // Only CRLF.CRLF ends the data: a bare-LF dot is how SMTP smuggling starts.
        if line == b".\r\n" {
            return if too_large {
                Data::TooLarge
            } else {
                Data::Message(data)
            };
        }
        let line = line.strip_prefix(b".").unwrap_or(&line);
        if data.len() + line.len() > MAX_MESSAGE {
            too_large = true;
        } else {
            data.extend_from_slice(line);
        }
    }
}

/// The address in `FROM:<a@b> PARAMS` or `TO:<a@b>` (`prefix` is `FROM:` or `TO:`).
fn path(argument: &str, prefix: &str) -> Option<String> {
    let head = argument.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    let rest = argument.get(prefix.len()..)?.trim_start();
    let rest = rest.strip_prefix('<')?;
    let end = rest.find('>')?;
    Some(rest.get(..end)?.to_string())
}
