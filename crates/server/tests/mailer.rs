//! Outgoing mail against a real SMTP listener on loopback: what the reporter's mail program
//! shows, and how each kind of relay failure sorts into "retry later" and "give up".

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::smtp::{SmtpServer, Stage};
use mail_parser::{MessageParser, MimeHeaders};
use rampart_server::mailer::{
    Mailer, MailerError, OutgoingMail, SendError, SentMail, SmtpSettings, SmtpTls,
};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

const SUBJECT: &str = "ご報告ありがとうございます（受付番号 R-2Q7X）";
const TEXT: &str = "山田様\n\n詐欺の疑いのあるメッセージをご報告いただき、ありがとうございます。\n受付番号: R-2Q7X\n";

fn settings(server: &SmtpServer) -> SmtpSettings {
    SmtpSettings {
        enabled: true,
        host: "127.0.0.1".into(),
        port: server.port(),
        tls: SmtpTls::None,
        from: "Example Shop <no-reply@example.com>".into(),
        reply_to: Some("Example Shop Support <support@example.com>".into()),
        timeout_secs: 5,
        hello_name: Some("rampart.example.com".into()),
        ..SmtpSettings::default()
    }
}

fn acknowledgement(to: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.into(),
        subject: SUBJECT.into(),
        text: TEXT.into(),
        html: None,
        language: "ja".into(),
        message_id_hint: Some("ack.R-2Q7X".into()),
    }
}

async fn send(mailer: &Mailer, to: &str) -> Result<SentMail, SendError> {
    mailer.send(&acknowledgement(to)).await
}

fn temporary(result: Result<SentMail, SendError>) -> String {
    match result {
        Err(SendError::Temporary(why)) => why,
        other => panic!("expected a temporary failure, got {other:?}"),
    }
}

fn permanent(result: Result<SentMail, SendError>) -> String {
    match result {
        Err(SendError::Permanent(why)) => why,
        other => panic!("expected a permanent failure, got {other:?}"),
    }
}

/// Line endings as the sender wrote them (mail carries CRLF).
fn lf(s: &str) -> String {
    s.replace("\r\n", "\n")
}

#[tokio::test]
async fn a_japanese_acknowledgement_arrives_as_written() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();

    let sent = send(&mailer, "taro@example.jp").await.unwrap();

    assert_eq!(sent.message_id, "<ack.R-2Q7X@example.com>");
    let received = server.messages();
    assert_eq!(received.len(), 1);
    let received = &received[0];
    assert_eq!(received.hello, "rampart.example.com");
    assert_eq!(received.mail_from, "no-reply@example.com");
    assert_eq!(received.rcpt_to, ["taro@example.jp"]);
    // Encoded for any relay: headers in RFC 2047 words, the body in a transfer encoding.
    assert!(received.data.is_ascii());

    let message = MessageParser::default().parse(&received.data).unwrap();
    assert_eq!(message.subject(), Some(SUBJECT));
    assert_eq!(lf(&message.body_text(0).unwrap()), TEXT);
    let to = message.to().unwrap().first().unwrap();
    assert_eq!(to.address(), Some("taro@example.jp"));
    assert_eq!(to.name(), None);
    let from = message.from().unwrap().first().unwrap();
    assert_eq!(
        (from.name(), from.address()),
        (Some("Example Shop"), Some("no-reply@example.com"))
    );
    let reply_to = message.reply_to().unwrap().first().unwrap();
    assert_eq!(reply_to.address(), Some("support@example.com"));
    assert_eq!(message.message_id(), Some("ack.R-2Q7X@example.com"));
    assert!(message.date().is_some());
    let header = |name: &'static str| message.header_raw(name).map(str::trim);
    assert_eq!(header("Auto-Submitted"), Some("auto-replied"));
    assert_eq!(header("Content-Language"), Some("ja"));
    assert_eq!(header("X-Auto-Response-Suppress"), Some("All"));
    let content_type = message.content_type().unwrap();
    assert_eq!(
        (content_type.ctype(), content_type.subtype()),
        ("text", Some("plain"))
    );
    assert_eq!(
        content_type
            .attribute("charset")
            .map(str::to_ascii_lowercase),
        Some("utf-8".into())
    );
}

#[tokio::test]
async fn an_html_alternative_travels_with_the_text() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();
    let html = "<p>山田様</p><p>受付番号: <b>R-2Q7X</b></p>";

    mailer
        .send(&OutgoingMail {
            html: Some(html.into()),
            ..acknowledgement("taro@example.jp")
        })
        .await
        .unwrap();

    let received = server.messages();
    let message = MessageParser::default().parse(&received[0].data).unwrap();
    assert_eq!(
        message.content_type().unwrap().subtype(),
        Some("alternative")
    );
    assert_eq!(lf(&message.body_text(0).unwrap()), TEXT);
    assert_eq!(message.body_html(0).unwrap(), html);
    assert_eq!(
        message.header_raw("Content-Language").map(str::trim),
        Some("ja")
    );
}

#[tokio::test]
async fn lines_that_start_with_a_dot_arrive_unchanged() {
    // Plain ASCII goes out as 7bit, line by line: the client must stuff the dots and the
    // listener unstuff them, or the lone dot would end the message early.
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();
    let text = "Thank you.\n.\n.hidden\n..two\nend\n";

    mailer
        .send(&OutgoingMail {
            subject: "Your report".into(),
            text: text.into(),
            language: "en".into(),
            ..acknowledgement("taro@example.jp")
        })
        .await
        .unwrap();

    let received = server.messages();
    let data = String::from_utf8(received[0].data.clone()).unwrap();
    assert!(
        data.contains("\r\n.\r\n.hidden\r\n..two\r\nend\r\n"),
        "{data}"
    );
    let message = MessageParser::default().parse(&received[0].data).unwrap();
    // lettre closes a 7bit body with line breaks of its own.
    assert_eq!(
        lf(&message.body_text(0).unwrap()).trim_end(),
        text.trim_end()
    );
}

#[tokio::test]
async fn a_4xx_is_temporary_and_the_retry_goes_through() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();
    server.reply_next(Stage::RcptTo, "451 4.3.0 mailbox busy, try again later", 1);

    let why = temporary(send(&mailer, "taro@example.jp").await);
    assert!(why.contains("451"), "{why}");
    assert!(server.messages().is_empty());

    send(&mailer, "taro@example.jp").await.unwrap();
    assert_eq!(server.messages().len(), 1);
}

#[tokio::test]
async fn a_busy_relay_that_closes_with_421_is_temporary() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();

    server.reply_next(Stage::Greeting, "421 4.3.2 too busy, come back later", 1);
    assert!(temporary(send(&mailer, "taro@example.jp").await).contains("421"));

    server.reply_next(Stage::MailFrom, "421 4.4.5 shutting down", 1);
    assert!(temporary(send(&mailer, "taro@example.jp").await).contains("421"));

    send(&mailer, "taro@example.jp").await.unwrap();
    assert_eq!(server.messages().len(), 1);
}

#[tokio::test]
async fn a_5xx_for_the_recipient_is_permanent_and_keeps_the_address_out_of_the_error() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();
    server.reply_next(
        Stage::RcptTo,
        "550 5.1.1 <taro@example.jp>: recipient address rejected",
        1,
    );

    let why = permanent(send(&mailer, "taro@example.jp").await);

    assert!(why.contains("550"), "{why}");
    assert!(why.contains("<recipient>"), "{why}");
    assert!(
        !why.contains("taro@"),
        "the address leaked into the error: {why}"
    );
    assert!(server.messages().is_empty());
}

#[tokio::test]
async fn a_relay_that_wants_authentication_is_a_temporary_failure() {
    // 530 is permanent by its first digit, but it is about our settings, not the reporter's
    // message: once an operator fixes them, the queued acknowledgements must still go out.
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();
    server.reply_next(Stage::MailFrom, "530 5.7.0 authentication required", 1);

    assert!(temporary(send(&mailer, "taro@example.jp").await).contains("530"));
}

#[tokio::test]
async fn a_refusal_after_the_data_is_sorted_by_its_code() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();

    server.reply_next(Stage::EndOfData, "452 4.3.1 insufficient system storage", 1);
    assert!(temporary(send(&mailer, "taro@example.jp").await).contains("452"));
    server.reply_next(Stage::EndOfData, "554 5.7.1 message refused as spam", 1);
    assert!(permanent(send(&mailer, "taro@example.jp").await).contains("554"));
    assert!(server.messages().is_empty());

    send(&mailer, "taro@example.jp").await.unwrap();
    assert_eq!(server.messages().len(), 1);
}

#[tokio::test]
async fn a_relay_that_is_down_is_temporary_until_it_is_back() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();
    // A first message leaves a connection in the pool: going down must close that one too.
    send(&mailer, "taro@example.jp").await.unwrap();

    server.refuse_connections().await;
    temporary(send(&mailer, "taro@example.jp").await);

    server.accept_connections().await;
    send(&mailer, "hanako@example.jp").await.unwrap();
    let received = server.messages();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].rcpt_to, ["hanako@example.jp"]);
}

#[tokio::test]
async fn a_relay_that_never_answers_times_out_as_temporary() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&SmtpSettings {
        timeout_secs: 1,
        ..settings(&server)
    })
    .unwrap();
    server.stall_next(Stage::Greeting, 1);

    let started = Instant::now();
    let why = temporary(send(&mailer, "taro@example.jp").await);
    assert!(started.elapsed() < Duration::from_secs(5), "{why}");
    assert!(server.messages().is_empty());
}

#[tokio::test]
async fn a_connection_abandoned_mid_conversation_is_not_used_again() {
    // The relay takes the message and then says nothing. Had the abandoned connection gone
    // back to the pool, the next message would wait on it for an answer that never comes.
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&SmtpSettings {
        timeout_secs: 1,
        ..settings(&server)
    })
    .unwrap();
    send(&mailer, "taro@example.jp").await.unwrap();
    server.stall_next(Stage::EndOfData, 1);

    temporary(send(&mailer, "taro@example.jp").await);
    // lettre hands a dropped connection back to its pool from a task of its own; the retry
    // comes after a backoff, by which time that has happened.
    tokio::time::sleep(Duration::from_millis(200)).await;

    send(&mailer, "hanako@example.jp").await.unwrap();
    let received = server.messages();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].rcpt_to, ["hanako@example.jp"]);
}

#[tokio::test]
async fn an_address_that_tries_to_add_headers_is_refused_and_nothing_is_sent() {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();

    for to in [
        "victim@example.com\r\nBcc: attacker@example.org",
        "victim@example.com\nBcc: attacker@example.org",
        "victim@example.com>\r\nRCPT TO:<attacker@example.org>",
        "victim@example.com, attacker@example.org",
        "Victim <victim@example.com>",
        "root@[127.0.0.1]",
        "postmaster@localhost",
        "not an address",
        "",
    ] {
        let why = permanent(send(&mailer, to).await);
        assert!(
            why.starts_with("invalid recipient address"),
            "{to:?}: {why}"
        );
    }

    assert_eq!(server.connections(), 0, "the relay was contacted");
    assert_eq!(server.mail_commands(), 0);
    assert!(server.messages().is_empty());
}

#[tokio::test]
async fn no_mailer_when_mail_is_disabled() {
    let server = SmtpServer::start().await;
    let disabled = SmtpSettings {
        enabled: false,
        ..settings(&server)
    };
    assert!(matches!(Mailer::new(&disabled), Err(MailerError::Disabled)));
    assert_eq!(server.connections(), 0);
}

#[tokio::test]
async fn sending_is_counted_by_outcome() {
    let metrics = rampart_server::ops::prometheus().unwrap();
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&settings(&server)).unwrap();

    send(&mailer, "taro@example.jp").await.unwrap();
    server.reply_next(Stage::RcptTo, "550 5.1.1 no such user", 1);
    permanent(send(&mailer, "taro@example.jp").await);
    permanent(send(&mailer, "taro@example.jp\r\nBcc: x@example.org").await);

    let rendered = metrics.render();
    for outcome in ["sent", "permanent", "invalid"] {
        let line = format!("rampart_mail_sent_total{{outcome=\"{outcome}\"}}");
        assert!(rendered.contains(&line), "{line} missing from\n{rendered}");
    }
    assert!(
        !rendered.contains("example.jp"),
        "an address became a label"
    );
}

/// The listener itself, spoken to by hand: the commands a real client might use beyond what
/// lettre sends, and the end-of-data rules.
#[tokio::test]
async fn the_test_listener_speaks_smtp() {
    let server = SmtpServer::start().await;
    let stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    let mut exchange = async |command: &str| -> String {
        if !command.is_empty() {
            write.write_all(command.as_bytes()).await.unwrap();
        }
        // Multi-line replies continue with `250-`; the last line has a space.
        let mut reply = String::new();
        loop {
            let mut line = String::new();
            read.read_line(&mut line).await.unwrap();
            reply.push_str(&line);
            if line.as_bytes().get(3) != Some(&b'-') {
                return reply;
            }
        }
    };

    assert!(exchange("").await.starts_with("220 "));
    assert!(
        exchange("MAIL FROM:<a@example.com>\r\n")
            .await
            .starts_with("503 ")
    );
    assert!(
        exchange("HELO client.example.com\r\n")
            .await
            .starts_with("250 ")
    );
    assert!(exchange("NOOP\r\n").await.starts_with("250 "));
    assert!(
        exchange("RCPT TO:<b@example.com>\r\n")
            .await
            .starts_with("503 ")
    );
    assert!(
        exchange("MAIL FROM:<a@example.com>\r\n")
            .await
            .starts_with("250 ")
    );
    assert!(
        exchange("RCPT TO:<b@example.com>\r\n")
            .await
            .starts_with("250 ")
    );
    assert!(exchange("RSET\r\n").await.starts_with("250 "));
    assert!(
        exchange("DATA\r\n").await.starts_with("503 "),
        "RSET forgot the recipients"
    );
    assert!(
        exchange("mail from: <c@example.com> BODY=8BITMIME\r\n")
            .await
            .starts_with("250 ")
    );
    assert!(
        exchange("RCPT TO:<d@example.com>\r\n")
            .await
            .starts_with("250 ")
    );
    assert!(exchange("VRFY d\r\n").await.starts_with("502 "));
    assert!(exchange("DATA\r\n").await.starts_with("354 "));
    let reply = exchange("Subject: x\r\n\r\n..one dot\r\nbare\n.\nstill data\r\n.\r\n").await;
    assert!(reply.starts_with("250 "), "{reply}");
    let ehlo = exchange("EHLO client.example.com\r\n").await;
    assert!(
        ehlo.contains("250-8BITMIME\r\n") && ehlo.contains("250 "),
        "{ehlo}"
    );
    assert!(exchange("QUIT\r\n").await.starts_with("221 "));

    let received = server.messages();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].hello, "client.example.com");
    assert_eq!(received[0].mail_from, "c@example.com");
    assert_eq!(received[0].rcpt_to, ["d@example.com"]);
    assert_eq!(
        received[0].data,
        // A bare-LF dot does not end the data; like any line starting with a dot it loses it.
        b"Subject: x\r\n\r\n.one dot\r\nbare\n\nstill data\r\n"
    );
}
