//! Header blocks: one MIME entity split into its header fields and its body, only the fields we
//! use kept and each bounded, then decoded (addresses, RFC 2047 words, RFC 2231 parameters,
//! dates, Received) by mail-parser on a small block we rebuild from them.
//!
//! Splitting is ours so that a block with a million fields or a 1 MB line costs one linear scan
//! and bounded memory; the field grammar is mail-parser's, which has years of broken mail behind
//! it.

use std::borrow::Cow;

use mail_parser::{Address, HeaderName, HeaderValue, Host, MessageParser};

use crate::Limits;
use crate::auth;
use crate::notes::{Notes, size_in_words};
use crate::report::{Authentication, Mailbox, ReceivedHop};

/// The header fields this crate reads. Everything else is skipped while splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    From,
    Sender,
    ReplyTo,
    To,
    Cc,
    Subject,
    Date,
    MessageId,
    ReturnPath,
    Received,
    AuthenticationResults,
    ArcAuthenticationResults,
    ContentType,
    ContentTransferEncoding,
    ContentDisposition,
}

/// Authentication-Results are added once per receiving server; a handful is plenty.
const MAX_AUTH_RESULTS: usize = 16;

impl Field {
    fn from_name(name: &[u8]) -> Option<Field> {
        const NAMES: &[(&str, Field)] = &[
            ("from", Field::From),
            ("sender", Field::Sender),
            ("reply-to", Field::ReplyTo),
            ("to", Field::To),
            ("cc", Field::Cc),
            ("subject", Field::Subject),
            ("date", Field::Date),
            ("message-id", Field::MessageId),
            ("return-path", Field::ReturnPath),
            ("received", Field::Received),
            ("authentication-results", Field::AuthenticationResults),
            (
                "arc-authentication-results",
                Field::ArcAuthenticationResults,
            ),
            ("content-type", Field::ContentType),
            ("content-transfer-encoding", Field::ContentTransferEncoding),
            ("content-disposition", Field::ContentDisposition),
        ];
        NAMES
            .iter()
            .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(name))
            .map(|&(_, f)| f)
    }

    /// The name written into the rebuilt block, so that mail-parser picks the right grammar.
    fn canonical(self) -> &'static str {
        match self {
            Field::From => "From",
            Field::Sender => "Sender",
            Field::ReplyTo => "Reply-To",
            Field::To => "To",
            Field::Cc => "Cc",
            Field::Subject => "Subject",
            Field::Date => "Date",
            Field::MessageId => "Message-ID",
            Field::ReturnPath => "Return-Path",
            Field::Received => "Received",
            Field::AuthenticationResults => "Authentication-Results",
            Field::ArcAuthenticationResults => "ARC-Authentication-Results",
            Field::ContentType => "Content-Type",
            Field::ContentTransferEncoding => "Content-Transfer-Encoding",
            Field::ContentDisposition => "Content-Disposition",
        }
    }

    fn is_mime(self) -> bool {
        matches!(
            self,
            Field::ContentType | Field::ContentTransferEncoding | Field::ContentDisposition
        )
    }
}

/// One kept header field, its value as written (folding included), cut to the limit.
#[derive(Debug, Clone)]
pub(crate) struct RawField<'a> {
    pub(crate) field: Field,
    pub(crate) value: &'a [u8],
}

/// The header fields of one entity that this crate reads.
#[derive(Debug, Default)]
pub(crate) struct HeaderBlock<'a> {
    pub(crate) fields: Vec<RawField<'a>>,
    /// Whether any syntactically valid field was seen, kept or not: a "message" without one is
    /// not a message.
    pub(crate) any_field: bool,
}

impl HeaderBlock<'_> {
    pub(crate) fn has(&self, field: Field) -> bool {
        self.fields.iter().any(|f| f.field == field)
    }

    fn values(&self, field: Field) -> impl Iterator<Item = &[u8]> {
        self.fields
            .iter()
            .filter(move |f| f.field == field)
            .map(|f| f.value)
    }
}

/// Splits an entity into its header block and its body. A line that is neither a field nor a
/// continuation ends the block, as does an empty line (which is then not part of the body).
pub(crate) fn split_entity<'a>(
    bytes: &'a [u8],
    limits: &Limits,
    notes: &mut Notes,
) -> (HeaderBlock<'a>, &'a [u8]) {
    let mut block = HeaderBlock::default();
    let mut received = 0usize;
    let mut auth_results = 0usize;
    let mut repeated: Vec<Field> = Vec::new();
    // The field being read: which one, where its value starts, whether it is kept.
    let mut current: Option<(Option<Field>, usize)> = None;
    let mut pos = 0usize;

    let finish = |current: &mut Option<(Option<Field>, usize)>,
                  end: usize,
                  block: &mut HeaderBlock<'a>,
                  notes: &mut Notes| {
        if let Some((Some(field), start)) = current.take() {
            let value = trim_line_end(&bytes[start..end]);
            let value = if value.len() > limits.max_header_bytes {
                notes.add(format!(
                    "the header {} was longer than {} and was cut",
                    field.canonical(),
                    size_in_words(limits.max_header_bytes)
                ));
                cut_at_char(value, limits.max_header_bytes)
            } else {
                value
            };
            block.fields.push(RawField { field, value });
        }
    };

    while pos < bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i + 1);
        let line = &bytes[pos..line_end];
        let content = trim_line_end(line);

        if content.is_empty() {
            finish(&mut current, pos, &mut block, notes);
            return (
                block_with_notes(block, received, &repeated, limits, notes),
                &bytes[line_end..],
            );
        }
        if matches!(line[0], b' ' | b'\t') {
            if current.is_some() {
                pos = line_end;
                continue;
            }
            // Whitespace before any field: not a header block.
            return (
                block_with_notes(block, received, &repeated, limits, notes),
                &bytes[pos..],
            );
        }
        finish(&mut current, pos, &mut block, notes);
        match field_name(content) {
            Some((name, value_offset)) => {
                block.any_field = true;
                let field = Field::from_name(name).filter(|&f| {
                    let keep = match f {
                        Field::Received => {
                            received += 1;
                            received <= limits.max_received
                        }
                        Field::AuthenticationResults | Field::ArcAuthenticationResults => {
                            auth_results += 1;
                            auth_results <= MAX_AUTH_RESULTS
                        }
                        _ => !block.has(f),
                    };
                    if !keep && !matches!(f, Field::Received) && !repeated.contains(&f) {
                        repeated.push(f);
                    }
                    keep
                });
                current = Some((field, pos + value_offset));
            }
            None if !block.any_field
                && (content.starts_with(b"From ") || content.starts_with(b">From ")) =>
            {
                // An mbox separator line left in by the client that saved the message.
            }
            None => {
                return (
                    block_with_notes(block, received, &repeated, limits, notes),
                    &bytes[pos..],
                );
            }
        }
        pos = line_end;
    }
    finish(&mut current, bytes.len(), &mut block, notes);
    (
        block_with_notes(block, received, &repeated, limits, notes),
        &bytes[bytes.len()..],
    )
}

fn block_with_notes<'a>(
    block: HeaderBlock<'a>,
    received: usize,
    repeated: &[Field],
    limits: &Limits,
    notes: &mut Notes,
) -> HeaderBlock<'a> {
    if received > limits.max_received {
        notes.add(format!(
            "Received headers beyond {} were not kept",
            limits.max_received
        ));
    }
    for field in repeated {
        if !field.is_mime()
            && !matches!(
                field,
                Field::AuthenticationResults | Field::ArcAuthenticationResults
            )
        {
            notes.add(format!(
                "the header {} appeared more than once; the first was used",
                field.canonical()
            ));
        }
    }
    block
}

/// The field name and where its value starts, if the line is a header field.
fn field_name(line: &[u8]) -> Option<(&[u8], usize)> {
    let colon = memchr::memchr(b':', line)?;
    let name = line[..colon].trim_ascii_end();
    let valid = !name.is_empty()
        && name.len() <= 128
        && name.iter().all(|&b| (33..=126).contains(&b) && b != b':');
    valid.then_some((name, colon + 1))
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Cuts at most `max` bytes, backing off so as not to split a UTF-8 sequence.
pub(crate) fn cut_at_char(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let mut end = max;
    while end > 0 && end > max.saturating_sub(3) && (bytes[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    &bytes[..end]
}

/// A field value as one line of text: folding removed, whitespace runs collapsed.
pub(crate) fn unfold(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Runs mail-parser over the chosen fields, rebuilt as a block of their own.
fn parse_fields<'b>(
    block: &HeaderBlock<'_>,
    wanted: impl Fn(Field) -> bool,
    storage: &'b mut Vec<u8>,
) -> Vec<(HeaderName<'b>, HeaderValue<'b>)> {
    storage.clear();
    for f in block.fields.iter().filter(|f| wanted(f.field)) {
        storage.extend_from_slice(f.field.canonical().as_bytes());
        storage.extend_from_slice(b": ");
        storage.extend_from_slice(f.value);
        storage.extend_from_slice(b"\r\n");
    }
    if storage.is_empty() {
        return Vec::new();
    }
    storage.extend_from_slice(b"\r\n");
    MessageParser::default()
        .parse_headers(storage.as_slice())
        .and_then(|m| m.parts.into_iter().next())
        .map(|p| p.headers.into_iter().map(|h| (h.name, h.value)).collect())
        .unwrap_or_default()
}

/// What a MIME entity says about itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct MimeHeaders {
    /// "type/subtype" in lower case, when declared and readable.
    pub(crate) content_type: Option<String>,
    pub(crate) boundary: Option<String>,
    pub(crate) charset: Option<String>,
    /// From Content-Disposition's filename, or Content-Type's name.
    pub(crate) filename: Option<String>,
    pub(crate) attachment: bool,
    /// Content-Disposition says inline, which keeps a named text part in the body.
    pub(crate) inline: bool,
    pub(crate) transfer_encoding: Option<String>,
}

impl HeaderBlock<'_> {
    pub(crate) fn mime(&self) -> MimeHeaders {
        let mut storage = Vec::new();
        let mut mime = MimeHeaders::default();
        let mut name_param = None;
        for (name, value) in parse_fields(self, Field::is_mime, &mut storage) {
            match (name, value) {
                (HeaderName::ContentType, HeaderValue::ContentType(ct)) => {
                    let ctype = ct.ctype().trim().to_ascii_lowercase();
                    if !ctype.is_empty() {
                        let subtype = ct.subtype().map(|s| s.trim().to_ascii_lowercase());
                        mime.content_type = Some(match subtype {
                            Some(s) if !s.is_empty() => format!("{ctype}/{s}"),
                            _ => ctype,
                        });
                    }
                    mime.boundary = ct.attribute("boundary").map(str::to_owned);
                    mime.charset = ct.attribute("charset").map(str::to_owned);
                    name_param = ct.attribute("name").map(str::to_owned);
                }
                (HeaderName::ContentDisposition, HeaderValue::ContentType(cd)) => {
                    mime.attachment = cd.is_attachment();
                    mime.inline = cd.is_inline();
                    mime.filename = cd.attribute("filename").map(str::to_owned);
                }
                (HeaderName::ContentTransferEncoding, value) => {
                    mime.transfer_encoding = value.as_text().map(str::to_owned);
                }
                _ => {}
            }
        }
        if mime.filename.is_none() {
            mime.filename = name_param;
        }
        mime
    }
}

/// What a message's header says about the message.
#[derive(Debug, Clone, Default)]
pub(crate) struct MessageHeaders {
    pub(crate) from: Option<Mailbox>,
    pub(crate) sender: Option<Mailbox>,
    pub(crate) reply_to: Vec<Mailbox>,
    pub(crate) to: Vec<Mailbox>,
    pub(crate) subject: Option<String>,
    pub(crate) date: Option<i64>,
    pub(crate) date_text: Option<String>,
    pub(crate) message_id: Option<String>,
    pub(crate) return_path: Option<String>,
    pub(crate) received: Vec<ReceivedHop>,
    pub(crate) authentication: Authentication,
}

impl HeaderBlock<'_> {
    pub(crate) fn message(&self) -> MessageHeaders {
        let mut storage = Vec::new();
        let mut headers = MessageHeaders::default();
        let raw_received: Vec<String> = self.values(Field::Received).map(unfold).collect();
        let mut received = raw_received.into_iter();
        for (name, value) in parse_fields(
            self,
            |f| {
                !f.is_mime()
                    && !matches!(
                        f,
                        Field::AuthenticationResults | Field::ArcAuthenticationResults
                    )
            },
            &mut storage,
        ) {
            match name {
                HeaderName::From => headers.from = mailboxes(&value).into_iter().next(),
                HeaderName::Sender => headers.sender = mailboxes(&value).into_iter().next(),
                HeaderName::ReplyTo => headers.reply_to = mailboxes(&value),
                HeaderName::To => headers.to = mailboxes(&value),
                HeaderName::Cc => headers.to.extend(mailboxes(&value)),
                HeaderName::Subject => headers.subject = text(&value),
                HeaderName::Date => {
                    headers.date = match &value {
                        HeaderValue::DateTime(d) if d.is_valid() => {
                            d.to_timestamp().checked_mul(1000)
                        }
                        _ => None,
                    };
                }
                HeaderName::MessageId => headers.message_id = text(&value),
                HeaderName::ReturnPath => headers.return_path = text(&value),
                HeaderName::Received => {
                    let raw = received.next().unwrap_or_default();
                    headers.received.push(hop(&value, raw));
                }
                _ => {}
            }
        }
        if headers.date.is_none() {
            headers.date_text = self.values(Field::Date).next().map(unfold);
        }
        let results: Vec<String> = self
            .values(Field::AuthenticationResults)
            .map(unfold)
            .collect();
        let arc: Vec<String> = self
            .values(Field::ArcAuthenticationResults)
            .map(unfold)
            .collect();
        headers.authentication = auth::from_headers(&results, &arc);
        headers
    }
}

fn text(value: &HeaderValue<'_>) -> Option<String> {
    let text = match value {
        HeaderValue::Text(t) => t.trim().to_owned(),
        HeaderValue::TextList(list) => list.first()?.trim().to_owned(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

pub(crate) fn mailboxes(value: &HeaderValue<'_>) -> Vec<Mailbox> {
    let addrs: Vec<&mail_parser::Addr<'_>> = match value {
        HeaderValue::Address(Address::List(list)) => list.iter().collect(),
        HeaderValue::Address(Address::Group(groups)) => {
            groups.iter().flat_map(|g| g.addresses.iter()).collect()
        }
        _ => Vec::new(),
    };
    addrs
        .into_iter()
        .filter_map(|a| {
            let clean = |s: &Option<Cow<'_, str>>| {
                s.as_deref()
                    .map(|s| s.trim().trim_matches('"').trim().to_owned())
                    .filter(|s| !s.is_empty())
            };
            let mailbox = Mailbox {
                name: clean(&a.name),
                address: clean(&a.address),
            };
            (mailbox.name.is_some() || mailbox.address.is_some()).then_some(mailbox)
        })
        .collect()
}

fn host(host: Option<&Host<'_>>) -> Option<String> {
    match host? {
        Host::Name(name) => Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
        Host::IpAddr(ip) => Some(ip.to_string()),
    }
}

fn hop(value: &HeaderValue<'_>, raw: String) -> ReceivedHop {
    let Some(received) = value.as_received() else {
        return ReceivedHop {
            raw,
            ..ReceivedHop::default()
        };
    };
    let ip = received.from_ip().or(match received.from() {
        Some(Host::IpAddr(ip)) => Some(*ip),
        _ => None,
    });
    ReceivedHop {
        from_host: host(received.from()).or_else(|| host(received.helo())),
        by_host: host(received.by()),
        ip: ip.map(|ip| ip.to_string()),
        date: received
            .date()
            .filter(|d| d.is_valid())
            .and_then(|d| d.to_timestamp().checked_mul(1000)),
        raw,
    }
}

/// Parses one address header value written in a forwarded header block ("Name <addr>").
pub(crate) fn parse_address_list(value: &str) -> Vec<Mailbox> {
    let block = format!("From: {value}\r\n\r\n");
    MessageParser::default()
        .parse_headers(block.as_bytes())
        .and_then(|m| m.parts.into_iter().next())
        .and_then(|p| p.headers.into_iter().next())
        .map(|h| mailboxes(&h.value))
        .unwrap_or_default()
}

/// Parses an RFC 5322 date written in a forwarded header block; `None` for other formats.
pub(crate) fn parse_date(value: &str) -> Option<i64> {
    mail_parser::DateTime::parse_rfc822(value)
        .filter(|d| d.is_valid())
        .and_then(|d| d.to_timestamp().checked_mul(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(raw: &str) -> (HeaderBlock<'_>, String, Vec<String>) {
        let mut notes = Notes::default();
        let (block, body) = split_entity(raw.as_bytes(), &Limits::default(), &mut notes);
        (
            block,
            String::from_utf8_lossy(body).into_owned(),
            notes.into_vec(),
        )
    }

    #[test]
    fn splits_fields_and_body() {
        let (block, body, notes) = split(
            "Received: from a\r\n\tby b\r\nX-Other: skipped\r\nSubject: Hi\r\n there\r\n\r\nBody\r\n",
        );
        assert_eq!(body, "Body\r\n");
        assert!(notes.is_empty());
        let fields: Vec<(Field, &[u8])> = block.fields.iter().map(|f| (f.field, f.value)).collect();
        assert_eq!(
            fields,
            vec![
                (Field::Received, &b" from a\r\n\tby b"[..]),
                (Field::Subject, &b" Hi\r\n there"[..]),
            ]
        );
    }

    #[test]
    fn a_line_that_is_not_a_field_starts_the_body() {
        let (block, body, _) = split("Subject: x\nDear customer, call us\nnow\n");
        assert!(block.has(Field::Subject));
        assert_eq!(body, "Dear customer, call us\nnow\n");
    }

    #[test]
    fn no_header_at_all() {
        let (block, body, _) = split("just text\n");
        assert!(!block.any_field);
        assert_eq!(body, "just text\n");
    }

    #[test]
    fn mbox_from_line_is_skipped() {
        let (block, _, _) =
            split("From someone@example.com Mon Jan  6 10:15:00 2025\nFrom: a@b.c\n\nx");
        assert!(block.has(Field::From));
    }

    #[test]
    fn a_long_header_is_cut_with_a_note() {
        let limits = Limits {
            max_header_bytes: 100,
            ..Limits::default()
        };
        let raw = format!("Subject: {}\n\nbody", "é".repeat(200));
        let mut notes = Notes::default();
        let (block, body) = split_entity(raw.as_bytes(), &limits, &mut notes);
        assert_eq!(body, b"body");
        let value = block.fields[0].value;
        assert!(value.len() <= 100 && std::str::from_utf8(value).is_ok());
        assert_eq!(
            notes.into_vec(),
            vec!["the header Subject was longer than 100 bytes and was cut"]
        );
    }

    #[test]
    fn received_beyond_the_limit_and_repeated_from_are_noted() {
        let limits = Limits {
            max_received: 2,
            ..Limits::default()
        };
        let raw = "Received: a\nReceived: b\nReceived: c\nFrom: x@y.z\nFrom: evil@y.z\n\n";
        let mut notes = Notes::default();
        let (block, _) = split_entity(raw.as_bytes(), &limits, &mut notes);
        assert_eq!(block.values(Field::Received).count(), 2);
        assert_eq!(
            notes.into_vec(),
            vec![
                "Received headers beyond 2 were not kept",
                "the header From appeared more than once; the first was used"
            ]
        );
    }

    #[test]
    fn decodes_message_headers() {
        let raw = concat!(
            "From: =?UTF-8?Q?Example_Sh=C3=B6p?= <support@examp1e-shop.com>\r\n",
            "Reply-To: \"Claims\" <claims@examp1e-shop.net>, other@examp1e-shop.net\r\n",
            "To: victim@example.org\r\n",
            "Subject: =?ISO-8859-1?Q?Votre_colis_est_bloqu=E9?=\r\n",
            "Date: Mon, 6 Jan 2025 10:15:00 +0100\r\n",
            "Message-ID: <abc@examp1e-shop.com>\r\n",
            "Return-Path: <bounce@examp1e-shop.com>\r\n",
            "Received: from mail.examp1e-shop.com (mail.examp1e-shop.com [203.0.113.7])\r\n",
            "\tby mx.example.org with ESMTP id 123; Mon, 6 Jan 2025 09:15:02 +0000\r\n",
            "\r\n"
        );
        let (block, _, _) = split(raw);
        let h = block.message();
        assert_eq!(
            h.from,
            Some(Mailbox {
                name: Some("Example Shöp".into()),
                address: Some("support@examp1e-shop.com".into())
            })
        );
        assert_eq!(h.reply_to.len(), 2);
        assert_eq!(h.reply_to[0].name.as_deref(), Some("Claims"));
        assert_eq!(h.subject.as_deref(), Some("Votre colis est bloqué"));
        assert_eq!(h.date, Some(1_736_154_900_000));
        assert_eq!(h.message_id.as_deref(), Some("abc@examp1e-shop.com"));
        assert_eq!(h.return_path.as_deref(), Some("bounce@examp1e-shop.com"));
        assert_eq!(h.received.len(), 1);
        let hop = &h.received[0];
        assert_eq!(hop.from_host.as_deref(), Some("mail.examp1e-shop.com"));
        assert_eq!(hop.by_host.as_deref(), Some("mx.example.org"));
        assert_eq!(hop.ip.as_deref(), Some("203.0.113.7"));
        assert_eq!(hop.date, Some(1_736_154_902_000));
        assert!(hop.raw.starts_with("from mail.examp1e-shop.com"));
    }

    #[test]
    fn decodes_mime_headers() {
        let raw = concat!(
            "Content-Type: Multipart/Mixed; boundary=\"b1\"; charset=UTF-8\r\n",
            "Content-Disposition: attachment; filename*=UTF-8''facture%20%C3%A9t%C3%A9.zip\r\n",
            "Content-Transfer-Encoding: Base64\r\n\r\n"
        );
        let (block, _, _) = split(raw);
        let m = block.mime();
        assert_eq!(m.content_type.as_deref(), Some("multipart/mixed"));
        assert_eq!(m.boundary.as_deref(), Some("b1"));
        assert_eq!(m.charset.as_deref(), Some("UTF-8"));
        assert!(m.attachment);
        assert_eq!(m.filename.as_deref(), Some("facture été.zip"));
        assert_eq!(m.transfer_encoding.as_deref(), Some("Base64"));
    }

    #[test]
    fn forwarded_header_values() {
        // (name, address) of each mailbox a value gives.
        type Expected<'a> = &'a [(Option<&'a str>, Option<&'a str>)];
        let cases: &[(&str, Expected<'_>)] = &[
            (
                "Example Shop <support@examp1e-shop.com>",
                &[(Some("Example Shop"), Some("support@examp1e-shop.com"))],
            ),
            (
                "support@examp1e-shop.com",
                &[(None, Some("support@examp1e-shop.com"))],
            ),
            (
                "<support@examp1e-shop.com>",
                &[(None, Some("support@examp1e-shop.com"))],
            ),
            (
                "a@x.com, \"B\" <b@x.com>",
                &[(None, Some("a@x.com")), (Some("B"), Some("b@x.com"))],
            ),
        ];
        for (value, expected) in cases {
            let expected: Vec<Mailbox> = expected
                .iter()
                .map(|(name, address)| Mailbox {
                    name: name.map(str::to_owned),
                    address: address.map(str::to_owned),
                })
                .collect();
            assert_eq!(parse_address_list(value), expected, "{value:?}");
        }
        assert_eq!(
            parse_date("Mon, 6 Jan 2025 10:15:00 +0100"),
            Some(1_736_154_900_000)
        );
        assert_eq!(parse_date("Mon, Jan 6, 2025 at 10:15 AM"), None);
    }
}
