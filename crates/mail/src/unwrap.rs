//! Following forwards from what reached the report mailbox to the scam inside it: one level at a
//! time, inline forwards first (their attachments travel with them), then attached messages,
//! within `max_forward_depth` and the MIME limits.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::Limits;
use crate::header::{Field, MessageHeaders, parse_address_list, parse_date, split_entity};
use crate::html::{self, HtmlDoc, Positioned};
use crate::inline::{self, ForwardedHeaders, InlineForward};
use crate::mime::{self, AttachedMessage, Budget, Piece, Walked};
use crate::notes::{Notes, size_in_words};
use crate::report::{Attachment, Mailbox, Message, UnwrapKind, Unwrapped};

/// One message as read, before it becomes a [`Message`].
#[derive(Debug, Default)]
pub(crate) struct Level<'a> {
    headers: MessageHeaders,
    /// Readable text: each multipart/alternative by its text/plain version when it has one.
    text: String,
    /// Every HTML part, for links and hidden text (and for the text when there is no plain one).
    html: HtmlDoc,
    attachments: Vec<Attachment>,
    messages: Vec<AttachedMessage<'a>>,
}

impl<'a> Level<'a> {
    pub(crate) fn from_walked(walked: Walked<'a>) -> Level<'a> {
        let has_plain: HashSet<usize> = walked
            .pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Plain {
                    text,
                    group: Some(g),
                } if !text.trim().is_empty() => Some(*g),
                _ => None,
            })
            .collect();
        let mut texts: Vec<String> = Vec::new();
        let mut html = HtmlDoc::default();
        for piece in walked.pieces {
            match piece {
                Piece::Plain { text, .. } => texts.push(text),
                Piece::Html { doc, group } => {
                    if group.is_none_or(|g| !has_plain.contains(&g)) {
                        texts.push(doc.text.clone());
                    }
                    html.append(doc);
                }
            }
        }
        let text = texts
            .iter()
            .map(|t| t.trim_end())
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        Level {
            headers: walked.header.message(),
            text: normalise_newlines(&text),
            html,
            attachments: walked.attachments,
            messages: walked.messages,
        }
    }

    /// Detaches the level from the buffer it was read from.
    fn into_owned(self) -> Level<'static> {
        Level {
            headers: self.headers,
            text: self.text,
            html: self.html,
            attachments: self.attachments,
            messages: self
                .messages
                .into_iter()
                .map(|m| AttachedMessage {
                    bytes: Cow::Owned(m.bytes.into_owned()),
                    depth: m.depth,
                })
                .collect(),
        }
    }

    fn subject_says_forward(&self) -> bool {
        self.headers
            .subject
            .as_deref()
            .is_some_and(|s| inline::strip_prefixes(s).1)
    }
}

/// What `follow` found.
pub(crate) struct Unwrapping {
    pub(crate) forwarder: Option<Mailbox>,
    pub(crate) unwrapped: Unwrapped,
    pub(crate) scam: Message,
    pub(crate) envelope: Message,
}

/// One step inwards: the inner message, and what of the outer one is the forwarder's own.
struct Step<'a> {
    kind: UnwrapKind,
    inner: Level<'a>,
    outer_text: String,
    outer_html: HtmlDoc,
}

pub(crate) fn follow<'a>(
    top: Level<'a>,
    limits: &Limits,
    budget: &mut Budget,
    notes: &mut Notes,
) -> Unwrapping {
    let mut steps: Vec<UnwrapKind> = Vec::new();
    let mut envelope: Option<(Message, Option<Mailbox>)> = None;
    let mut current = top;
    while let Some(step) = step(&mut current, limits, budget, notes) {
        if steps.len() >= limits.max_forward_depth {
            notes.add(format!(
                "forwards nested deeper than {} were not unwrapped",
                limits.max_forward_depth
            ));
            break;
        }
        if envelope.is_none() {
            let forwarder = current.headers.from.clone();
            let outer = Level {
                headers: std::mem::take(&mut current.headers),
                text: step.outer_text,
                html: step.outer_html,
                attachments: std::mem::take(&mut current.attachments),
                messages: Vec::new(),
            };
            envelope = Some((message(outer, limits, notes, "outer message"), forwarder));
        }
        steps.push(step.kind);
        current = step.inner;
    }
    let scam = message(current, limits, notes, "scam");
    let depth = steps.len();
    let (envelope, forwarder) = match envelope {
        Some((envelope, forwarder)) => (envelope, forwarder),
        None => (scam.clone(), None),
    };
    Unwrapping {
        forwarder,
        unwrapped: Unwrapped {
            kind: steps.last().copied().unwrap_or(UnwrapKind::Direct),
            depth,
            steps,
        },
        scam,
        envelope,
    }
}

fn step<'a>(
    level: &mut Level<'a>,
    limits: &Limits,
    budget: &mut Budget,
    notes: &mut Notes,
) -> Option<Step<'a>> {
    inline_step(level, limits, notes).or_else(|| attached_step(level, limits, budget, notes))
}

fn inline_step<'a>(level: &mut Level<'a>, limits: &Limits, notes: &mut Notes) -> Option<Step<'a>> {
    let says_forward = level.subject_says_forward();
    // Only the text that is kept is searched: a forward beyond it would have no body to keep.
    let scan = limits.max_text_bytes;
    let in_text = inline::find(&level.text, says_forward, scan);
    let in_html = if level.html.text.is_empty() {
        None
    } else {
        inline::find(&level.html.text, says_forward, scan)
    };
    let forward: &InlineForward = in_text.as_ref().or(in_html.as_ref())?;

    let (inner_text, outer_text) = match &in_text {
        Some(f) => (
            inline::body(&level.text, f),
            level.text[..f.start].to_owned(),
        ),
        None => match &in_html {
            Some(f) => (
                inline::body(&level.html.text, f),
                level.html.text[..f.start].to_owned(),
            ),
            None => (String::new(), level.text.clone()),
        },
    };
    let (inner_html, outer_html) = match &in_html {
        Some(f) => (level.html.tail(f.body_start), level.html.head(f.start)),
        None => {
            if !level.html.links.is_empty() || !level.html.hidden.is_empty() {
                notes.add("the forward was not found in the HTML body; all its links and hidden text were kept with the forwarded message");
            }
            (level.html.clone(), HtmlDoc::default())
        }
    };

    let headers = forwarded_headers(
        &forward.headers,
        level.headers.subject.as_deref(),
        limits,
        notes,
    );
    if headers.from.is_none() {
        notes.add("an inline forward had no readable From line; the scam's sender is unknown");
    }
    let mut inner_html = inner_html;
    if let Some(f) = &in_html {
        let mailtos = sender_mailtos(&level.html, f, &headers);
        inner_html.links.splice(0..0, mailtos);
    }
    Some(Step {
        kind: UnwrapKind::InlineForward,
        inner: Level {
            headers,
            text: inner_text,
            html: inner_html,
            // Forwarding inline carries the original's attachments along.
            attachments: level.attachments.clone(),
            messages: std::mem::take(&mut level.messages),
        },
        outer_text,
        outer_html,
    })
}

/// A value of a forwarded header block, cut to `max_header_bytes` like a real header field: a
/// "From:" line in a body can run to the end of a 40 MB message, and what it holds is kept in the
/// report (sender, subject, the date as written).
fn bounded(
    value: &Option<String>,
    name: &str,
    limits: &Limits,
    notes: &mut Notes,
) -> Option<String> {
    let value = value.as_deref()?;
    if value.len() <= limits.max_header_bytes {
        return Some(value.to_owned());
    }
    notes.add(format!(
        "the {name} line of a forwarded message was longer than {} and was cut",
        size_in_words(limits.max_header_bytes)
    ));
    let mut end = limits.max_header_bytes;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    Some(value[..end].to_owned())
}

/// The scam's headers as the forwarded header block wrote them. Without a Subject line, the
/// forward's own subject stands in, its "Fwd:" taken off.
fn forwarded_headers(
    written: &ForwardedHeaders,
    outer_subject: Option<&str>,
    limits: &Limits,
    notes: &mut Notes,
) -> MessageHeaders {
    let written = ForwardedHeaders {
        from: bounded(&written.from, "From", limits, notes),
        reply_to: bounded(&written.reply_to, "Reply-To", limits, notes),
        to: bounded(&written.to, "To", limits, notes),
        cc: bounded(&written.cc, "Cc", limits, notes),
        subject: bounded(&written.subject, "Subject", limits, notes),
        date: bounded(&written.date, "Date", limits, notes),
    };
    let written = &written;
    let addresses = |value: &Option<String>| -> Vec<Mailbox> {
        value
            .as_deref()
            .map(|v| parse_address_list(&inline::clean_address_value(v)))
            .unwrap_or_default()
            .into_iter()
            .map(name_without_address)
            .collect()
    };
    let mut to = addresses(&written.to);
    to.extend(addresses(&written.cc));
    let date = written.date.as_deref().and_then(parse_date);
    let subject = written
        .subject
        .clone()
        .filter(|s| !s.is_empty())
        .or_else(|| {
            outer_subject
                .map(|s| inline::strip_prefixes(s).0.to_owned())
                .filter(|s| !s.is_empty())
        });
    MessageHeaders {
        from: addresses(&written.from).into_iter().next(),
        reply_to: addresses(&written.reply_to),
        to,
        subject,
        date,
        date_text: if date.is_none() {
            written.date.clone()
        } else {
            None
        },
        ..MessageHeaders::default()
    }
}

/// The header block of an HTML forward links its addresses: the sender's and Reply-To's belong
/// to the scam, the victim's own do not.
fn sender_mailtos(
    html: &HtmlDoc,
    forward: &InlineForward,
    headers: &MessageHeaders,
) -> Vec<Positioned> {
    let scam_addresses: Vec<String> = headers
        .from
        .iter()
        .chain(headers.reply_to.iter())
        .filter_map(|m| m.address.as_deref())
        .map(str::to_ascii_lowercase)
        .collect();
    html.links_between(forward.start, forward.body_start)
        .filter(|url| {
            url.get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
                && scam_addresses.contains(&url[7..].to_ascii_lowercase())
        })
        .map(|url| Positioned {
            at: 0,
            value: url.to_owned(),
        })
        .collect()
}

/// Outlook and Gmail write only a display name in some forwarded blocks ("From: Example Shop");
/// a "mailbox" without an '@' is a name.
fn name_without_address(mailbox: Mailbox) -> Mailbox {
    match mailbox {
        Mailbox {
            name,
            address: Some(address),
        } if !address.contains('@') => Mailbox {
            name: Some(match name {
                Some(name) => format!("{name} {address}"),
                None => address,
            }),
            address: None,
        },
        other => other,
    }
}

fn attached_step<'a>(
    level: &mut Level<'a>,
    limits: &Limits,
    budget: &mut Budget,
    notes: &mut Notes,
) -> Option<Step<'a>> {
    let index = level.messages.iter().position(|m| {
        // Only the header block is read here; a file that merely ends in .eml is not a message.
        let (header, _) = split_entity(skip_blank_lines(&m.bytes), limits, &mut Notes::default());
        header.has(Field::From) || header.has(Field::Subject)
    })?;
    if level.messages[index].depth + 1 > limits.max_depth {
        notes.add(format!(
            "an attached message nested deeper than {} MIME levels was not read",
            limits.max_depth
        ));
        return None;
    }
    let attached = level.messages.remove(index);
    let depth = attached.depth + 1;
    let inner = match attached.bytes {
        Cow::Borrowed(bytes) => Level::from_walked(mime::walk(
            skip_blank_lines(bytes),
            depth,
            limits,
            budget,
            notes,
        )),
        Cow::Owned(bytes) => Level::from_walked(mime::walk(
            skip_blank_lines(&bytes),
            depth,
            limits,
            budget,
            notes,
        ))
        .into_owned(),
    };
    Some(Step {
        kind: UnwrapKind::AttachedMessage,
        inner,
        outer_text: level.text.clone(),
        outer_html: level.html.clone(),
    })
}

/// Some clients put an empty line before an attached message's header; the header still counts.
fn skip_blank_lines(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
        .unwrap_or(bytes.len());
    // Back to the start of that line, so that a folded first line is not mistaken for a field.
    let line_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    &bytes[line_start..]
}

/// Characters that show as nothing and are put between letters to break up the words filters
/// look for ("Ex\u{200B}ample").
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Readable text: line breaks normalised, invisible characters removed, cut to the limit.
fn readable(text: &str, limit: usize, what: &str, notes: &mut Notes) -> String {
    let text = normalise_newlines(text);
    let mut out: String = if text.contains(is_invisible) {
        notes.add(format!(
            "zero-width characters were removed from the {what} (they break up words that filters look for)"
        ));
        text.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        text
    };
    let trimmed = out.trim();
    if trimmed.len() != out.len() {
        out = trimmed.to_owned();
    }
    if out.len() > limit {
        notes.add(format!(
            "the {what} was longer than {} and was cut",
            size_in_words(limit)
        ));
        let mut end = limit;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

fn message(level: Level<'_>, limits: &Limits, notes: &mut Notes, which: &str) -> Message {
    let text = readable(
        &level.text,
        limits.max_text_bytes,
        &format!("text of the {which}"),
        notes,
    );
    let hidden_text = readable(
        &level.html.hidden_text(),
        limits.max_text_bytes,
        &format!("hidden text of the {which}"),
        notes,
    );
    if level.html.links_cut {
        notes.add(format!(
            "an HTML part had more than {} links; the rest were not read",
            html::MAX_LINK_OCCURRENCES
        ));
    }
    let mut seen = HashSet::new();
    let mut links = Vec::new();
    for link in level.html.links {
        if seen.contains(&link.value) {
            continue;
        }
        if links.len() >= limits.max_links {
            notes.add(format!("links beyond {} were not kept", limits.max_links));
            break;
        }
        seen.insert(link.value.clone());
        links.push(link.value);
    }
    let headers = level.headers;
    let mut header_lines: Vec<String> = Vec::new();
    if let Some(subject) = &headers.subject {
        header_lines.push(subject.clone());
    }
    let names = headers
        .from
        .iter()
        .chain(headers.sender.iter())
        .chain(headers.reply_to.iter())
        .filter_map(|m| m.name.clone());
    header_lines.extend(names);
    let header_text: String = header_lines
        .join("\n")
        .chars()
        .filter(|&c| !is_invisible(c))
        .collect();
    Message {
        from: headers.from,
        reply_to: headers.reply_to,
        return_path: headers.return_path,
        to: headers.to,
        subject: headers.subject,
        date: headers.date,
        date_text: headers.date_text,
        message_id: headers.message_id,
        received: headers.received,
        authentication: headers.authentication,
        text,
        hidden_text,
        links,
        attachments: level.attachments,
        header_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailbox(name: Option<&str>, address: Option<&str>) -> Mailbox {
        Mailbox {
            name: name.map(str::to_owned),
            address: address.map(str::to_owned),
        }
    }

    #[test]
    fn forwarded_header_values() {
        let written = ForwardedHeaders {
            from: Some("Example Shop".into()),
            reply_to: Some("Claims [mailto:claims@examp1e-shop.net]".into()),
            to: Some("Bob Stone; bob@example.net".into()),
            cc: None,
            subject: None,
            date: Some("Mon, 6 Jan 2025 10:15:00 +0100".into()),
        };
        let mut notes = Notes::default();
        let headers = forwarded_headers(
            &written,
            Some("FW: Fwd: Your invoice"),
            &Limits::default(),
            &mut notes,
        );
        assert!(notes.into_vec().is_empty());
        assert_eq!(headers.from, Some(mailbox(Some("Example Shop"), None)));
        assert_eq!(
            headers.reply_to,
            [mailbox(Some("Claims"), Some("claims@examp1e-shop.net"))]
        );
        assert_eq!(headers.subject.as_deref(), Some("Your invoice"));
        assert_eq!(headers.date, Some(1_736_154_900_000));
        assert_eq!(headers.date_text, None);
        assert!(
            headers
                .to
                .iter()
                .any(|m| m.address.as_deref() == Some("bob@example.net"))
        );
    }

    #[test]
    fn forwarded_header_values_are_cut_like_header_fields() {
        let limits = Limits {
            max_header_bytes: 10,
            ..Limits::default()
        };
        let written = ForwardedHeaders {
            from: Some(format!("Shop {}", "é".repeat(100))),
            subject: Some("x".repeat(100)),
            date: Some("y".repeat(100)),
            ..ForwardedHeaders::default()
        };
        let mut notes = Notes::default();
        let headers = forwarded_headers(&written, None, &limits, &mut notes);
        assert_eq!(headers.from, Some(mailbox(Some("Shop éé"), None)));
        assert_eq!(headers.subject.as_deref(), Some("xxxxxxxxxx"));
        assert_eq!(headers.date_text.as_deref(), Some("yyyyyyyyyy"));
        assert_eq!(
            notes.into_vec(),
            [
                "the From line of a forwarded message was longer than 10 bytes and was cut",
                "the Subject line of a forwarded message was longer than 10 bytes and was cut",
                "the Date line of a forwarded message was longer than 10 bytes and was cut",
            ]
        );
    }

    #[test]
    fn readable_text_drops_invisible_characters_and_is_cut_on_a_character() {
        let mut notes = Notes::default();
        assert_eq!(
            readable(
                "\r\n Ex\u{200B}am\u{00AD}ple\r\nShop ",
                100,
                "text of the scam",
                &mut notes
            ),
            "Example\nShop"
        );
        assert_eq!(readable("ééé", 3, "text of the scam", &mut notes), "é");
        assert_eq!(
            notes.into_vec(),
            [
                "zero-width characters were removed from the text of the scam (they break up words that filters look for)",
                "the text of the scam was longer than 3 bytes and was cut",
            ]
        );
    }
}
