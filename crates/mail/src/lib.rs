//! RFC 5322 messages in, the scam they carry out. Pure: no IO, no clock, no network.
//!
//! The public forwards scam e-mails to a report mailbox; [`parse`] reads what arrived, follows
//! forwards inwards (inline in the body, or attached as a message) to the scam itself, and returns
//! its sender, Reply-To, subject, Received chain, authentication results, readable text, hidden
//! text, links and attachments, with notes on whatever was cut or could not be read.
//!
//! Everything in a message is attacker-written, so every step is bounded by [`Limits`]: the
//! input's size, MIME parts, nesting, forwards, text, header lengths, links, Received headers.
//! Nothing panics and nothing recurses without a bound; what is over a limit is left out with a
//! note rather than refused, except an input over `max_message_bytes`.
//!
//! Modules: [`report`] holds the output types; `header` splits and decodes header blocks (field
//! grammar from mail-parser); `mime` walks the MIME tree; `transfer` and `charset` decode bodies;
//! `html` turns HTML into visible text, hidden text and links; `auth` reads
//! Authentication-Results; `inline` recognises forwards written into a body; `unwrap` follows
//! them level by level; `notes` keeps the list of what was cut.

mod auth;
mod charset;
mod header;
mod html;
mod inline;
mod mime;
mod notes;
pub mod report;
mod transfer;
mod unwrap;

pub use report::{
    Attachment, AuthOutcome, AuthResult, Authentication, MailReport, Mailbox, Message, ReceivedHop,
    UnwrapKind, Unwrapped,
};

use notes::Notes;

/// Bounds on the work done for one message. The defaults suit a public report mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Larger inputs are refused with [`MailError::TooLarge`]. Default 40 MiB.
    pub max_message_bytes: usize,
    /// MIME entities read, across every nested message. Default 500.
    pub max_parts: usize,
    /// MIME nesting, counting a message inside a part as one more level. Default 20.
    pub max_depth: usize,
    /// Forwards unwrapped (a forward of a forward is 2). Default 8.
    pub max_forward_depth: usize,
    /// Text kept for indicator extraction, for `text` and `hidden_text` each. Default 2 MiB.
    pub max_text_bytes: usize,
    /// Bytes kept of one header field's value. Default 64 KiB.
    pub max_header_bytes: usize,
    /// Links kept per message. Default 1,000.
    pub max_links: usize,
    /// Received headers kept per message. Default 50.
    pub max_received: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 40 * 1024 * 1024,
            max_parts: 500,
            max_depth: 20,
            max_forward_depth: 8,
            max_text_bytes: 2 * 1024 * 1024,
            max_header_bytes: 64 * 1024,
            max_links: 1000,
            max_received: 50,
        }
    }
}

/// Why a message could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("the message is {size} bytes, over the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("not an e-mail message: {0}")]
    NotAMessage(String),
}

/// Reads one reported message.
///
/// ```
/// let raw = b"From: Example Shop <support@examp1e-shop.com>\r\nSubject: Your account\r\n\r\nCall +1 888 555 0142\r\n";
/// let report = rampart_mail::parse(raw, &rampart_mail::Limits::default()).unwrap();
/// assert_eq!(report.scam.from.unwrap().address.as_deref(), Some("support@examp1e-shop.com"));
/// assert!(report.forwarder.is_none());
/// ```
pub fn parse(raw: &[u8], limits: &Limits) -> Result<MailReport, MailError> {
    if raw.len() > limits.max_message_bytes {
        return Err(MailError::TooLarge {
            size: raw.len(),
            limit: limits.max_message_bytes,
        });
    }
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::NotAMessage("the input is empty".into()));
    }
    let mut notes = Notes::default();
    let mut budget = mime::Budget::default();
    let walked = mime::walk(raw, 0, limits, &mut budget, &mut notes);
    if !walked.header.any_field {
        return Err(MailError::NotAMessage(
            "the input does not start with a header field".into(),
        ));
    }
    let top = unwrap::Level::from_walked(walked);
    let found = unwrap::follow(top, limits, &mut budget, &mut notes);
    Ok(MailReport {
        forwarder: found.forwarder,
        unwrapped: found.unwrapped,
        scam: found.scam,
        envelope: found.envelope,
        notes: notes.into_vec(),
    })
}
