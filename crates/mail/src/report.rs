//! What `parse` hands out: the scam, the envelope it arrived in, how one was found in the other,
//! and what could not be read. Plain data, serialisable, no behaviour.

use serde::{Deserialize, Serialize};

/// One reported message, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailReport {
    /// The person who forwarded the scam (From of the outer message) when the message is a
    /// forward; `None` when the scam itself was delivered to the report mailbox (a spam trap, a
    /// bcc).
    pub forwarder: Option<Mailbox>,
    /// How the scam was found inside what arrived.
    pub unwrapped: Unwrapped,
    /// The scam message itself: the innermost forward reached within bounds.
    pub scam: Message,
    /// The outer message, for the record. Its `text` is the forwarder's own words (above the
    /// forwarded part); for a direct delivery it is the same message as `scam`.
    pub envelope: Message,
    /// What was cut or could not be read, in plain words.
    pub notes: Vec<String>,
}

/// How the scam was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unwrapped {
    /// The last step taken (how the scam itself was reached), `Direct` when no step was taken.
    pub kind: UnwrapKind,
    /// How many forwards were unwrapped: 0 for a direct delivery, 2 for a forward of a forward.
    pub depth: usize,
    /// Every step from the envelope inwards; `depth` entries.
    pub steps: Vec<UnwrapKind>,
}

/// One way a message carries another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnwrapKind {
    /// Not a forward: the message is the scam.
    Direct,
    /// Forwarded in the body text, below a separator and a header block ("From: … Subject: …").
    InlineForward,
    /// Forwarded as an attachment: a `message/rfc822` part or an attached `.eml` file.
    AttachedMessage,
}

/// One message: headers a person or an investigator reads, the body as text, links, attachments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub from: Option<Mailbox>,
    pub reply_to: Vec<Mailbox>,
    /// The envelope sender as the last hop recorded it, without angle brackets.
    pub return_path: Option<String>,
    pub to: Vec<Mailbox>,
    pub subject: Option<String>,
    /// Unix milliseconds, when the date could be read.
    pub date: Option<i64>,
    /// The date as written, for dates in a forwarded header block that are not RFC 5322
    /// ("Mon, Jan 6, 2025 at 10:15 AM", "lundi 6 janvier 2025 10:15").
    pub date_text: Option<String>,
    /// Without angle brackets.
    pub message_id: Option<String>,
    /// The Received chain in header order: the first entry is the last hop.
    pub received: Vec<ReceivedHop>,
    pub authentication: Authentication,
    /// Readable text of the body: text/plain preferred, HTML converted to text otherwise.
    pub text: String,
    /// Text an HTML body hides from the reader (display:none, font-size:0, white on white,
    /// comments…), kept apart from `text` because scammers put filler there to defeat filters.
    pub hidden_text: String,
    /// URLs from the HTML (`a`/`area` href, `form` action, `img` src) in order of appearance,
    /// without duplicates. Nothing is ever fetched.
    pub links: Vec<String>,
    pub attachments: Vec<Attachment>,
    /// The free text of the headers a reader sees besides the body, one per line: the subject and
    /// the display names of From and Reply-To. Scammers put phone numbers and links there
    /// ("Example Shop Support +1 888 555 0142"); indicator extraction can read them here.
    pub header_text: String,
}

/// A name and an address, either of which may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: Option<String>,
}

/// One Received header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedHop {
    /// The host the message came from, as the receiving server wrote it.
    pub from_host: Option<String>,
    /// The host that received it.
    pub by_host: Option<String>,
    /// The IP address literal of the sending host, if the header carries one.
    pub ip: Option<String>,
    /// Unix milliseconds.
    pub date: Option<i64>,
    /// The header as written (unfolded), for the record.
    pub raw: String,
}

/// What the receiving server concluded about the sender, from Authentication-Results (or
/// ARC-Authentication-Results when there is none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authentication {
    /// Who wrote the results (`mx.google.com`).
    pub authserv_id: Option<String>,
    pub spf: Option<AuthOutcome>,
    pub dkim: Option<AuthOutcome>,
    pub dmarc: Option<AuthOutcome>,
}

/// One method's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthOutcome {
    pub result: AuthResult,
    /// The identity the result is about: the domain of `smtp.mailfrom` (or `smtp.helo`) for SPF,
    /// `header.d` (or `header.i`) for DKIM, `header.from` for DMARC.
    pub detail: Option<String>,
}

/// RFC 8601 result values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthResult {
    Pass,
    Fail,
    Softfail,
    Neutral,
    None,
    Temperror,
    Permerror,
    Policy,
    Other,
}

/// One attachment, never opened: an archive stays a blob.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file name, reduced to a display string (no path, no control or bidi characters).
    pub filename: Option<String>,
    /// The declared media type, lower case (`application/zip`).
    pub content_type: String,
    /// Bytes after transfer decoding.
    pub size: u64,
    /// SHA-256 of the decoded bytes, lower-case hex.
    pub sha256: String,
}
