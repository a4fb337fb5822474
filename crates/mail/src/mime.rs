//! The MIME tree of one message, walked within bounds: readable text parts in order, attachments
//! hashed (never opened), and attached messages set aside for forward unwrapping.
//!
//! The walk is ours, not mail-parser's: it uses an explicit stack, counts every part against
//! `max_parts` and refuses entities deeper than `max_depth`, so a message of 200 nested
//! multiparts or a thousand nested messages costs bounded time, memory and stack. Boundaries are
//! matched at the start of a line, as RFC 2046 says; a missing closing boundary ends the part at
//! the end of the message.

use std::borrow::Cow;

use sha2::{Digest, Sha256};

use crate::Limits;
use crate::charset::{decode_text, sniff_html_charset};
use crate::header::{HeaderBlock, MimeHeaders, split_entity};
use crate::html::{self, HtmlDoc};
use crate::notes::Notes;
use crate::report::Attachment;
use crate::transfer::{DecodeIssues, TransferEncoding, decode_into, decode_to_vec};

/// Counts parts across every message read from one report, so that the limit holds however the
/// parts are spread over nested messages.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    parts: usize,
}

/// A readable body part.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Plain { text: String, group: Option<usize> },
    Html { doc: HtmlDoc, group: Option<usize> },
}

/// A message carried inside another, its bytes after transfer decoding.
#[derive(Debug, Clone)]
pub(crate) struct AttachedMessage<'a> {
    pub(crate) bytes: Cow<'a, [u8]>,
    /// The MIME depth of the part that carries it.
    pub(crate) depth: usize,
}

/// One message, walked.
#[derive(Debug, Default)]
pub(crate) struct Walked<'a> {
    pub(crate) header: HeaderBlock<'a>,
    pub(crate) pieces: Vec<Piece>,
    pub(crate) attachments: Vec<Attachment>,
    pub(crate) messages: Vec<AttachedMessage<'a>>,
}

/// Where a part sits: which multipart/alternative it is one version of, and whether its parent is
/// a digest (whose parts are messages by default).
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    group: Option<usize>,
    in_digest: bool,
}

struct Frame<'a> {
    body: &'a [u8],
    boundary: Vec<u8>,
    /// Where the next part starts; `None` once the closing boundary (or the end) was reached.
    next: Option<usize>,
    depth: usize,
    context: Context,
}

struct Walker<'l, 'a> {
    limits: &'l Limits,
    budget: &'l mut Budget,
    notes: &'l mut Notes,
    walked: Walked<'a>,
    stack: Vec<Frame<'a>>,
    groups: usize,
    stopped: bool,
}

/// Walks the message in `bytes`, whose top entity sits at MIME depth `depth`.
pub(crate) fn walk<'a>(
    bytes: &'a [u8],
    depth: usize,
    limits: &Limits,
    budget: &mut Budget,
    notes: &mut Notes,
) -> Walked<'a> {
    let (header, body) = split_entity(bytes, limits, notes);
    let mime = header.mime();
    let mut walker = Walker {
        limits,
        budget,
        notes,
        walked: Walked::default(),
        stack: Vec::new(),
        groups: 0,
        stopped: false,
    };
    walker.visit(&mime, body, depth, Context::default());
    walker.walked.header = header;
    while !walker.stopped {
        let Some(frame) = walker.stack.last_mut() else {
            break;
        };
        let Some((part, closed)) = next_part(frame) else {
            walker.stack.pop();
            continue;
        };
        if !closed {
            walker
                .notes
                .add("a multipart had no closing boundary; it was read to the end of the message");
        }
        let (depth, context) = (frame.depth + 1, frame.context);
        let (part_header, part_body) = split_entity(part, limits, walker.notes);
        walker.visit(&part_header.mime(), part_body, depth, context);
    }
    walker.walked
}

/// The next part of a multipart and whether it ended at a boundary, or `None` when there is no
/// part left.
fn next_part<'a>(frame: &mut Frame<'a>) -> Option<(&'a [u8], bool)> {
    let start = frame.next?;
    match find_delimiter(frame.body, start, &frame.boundary) {
        Some(delimiter) => {
            frame.next = (!delimiter.close).then_some(delimiter.after);
            Some((&frame.body[start..delimiter.part_end], true))
        }
        None => {
            frame.next = None;
            let rest = &frame.body[start..];
            if rest.iter().all(u8::is_ascii_whitespace) {
                None
            } else {
                Some((rest, false))
            }
        }
    }
}

struct Delimiter {
    /// Where the part before it ends (the line break before the delimiter belongs to it).
    part_end: usize,
    /// Where the next part starts.
    after: usize,
    close: bool,
}

/// Finds the next "--boundary" line at or after `from`.
fn find_delimiter(body: &[u8], from: usize, boundary: &[u8]) -> Option<Delimiter> {
    let mut pattern = Vec::with_capacity(boundary.len() + 2);
    pattern.extend_from_slice(b"--");
    pattern.extend_from_slice(boundary);
    let finder = memchr::memmem::Finder::new(&pattern);
    let mut pos = from;
    while let Some(found) = finder.find(&body[pos..]) {
        let at = pos + found;
        pos = at + 1;
        let line_start = at == 0 || body[at - 1] == b'\n';
        if !line_start {
            continue;
        }
        let rest = &body[at + pattern.len()..];
        let close = rest.starts_with(b"--");
        let line_end =
            memchr::memchr(b'\n', rest).map_or(body.len(), |p| at + pattern.len() + p + 1);
        let tail = &body[at + pattern.len() + if close { 2 } else { 0 }..line_end];
        // "--abc" must not end a part delimited by "--abcdef".
        if !tail.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut part_end = at;
        if part_end > from && body[part_end - 1] == b'\n' {
            part_end -= 1;
            if part_end > from && body[part_end - 1] == b'\r' {
                part_end -= 1;
            }
        }
        return Some(Delimiter {
            part_end,
            after: line_end,
            close,
        });
    }
    None
}

impl<'a> Walker<'_, 'a> {
    fn count_part(&mut self) -> bool {
        self.budget.parts += 1;
        if self.budget.parts > self.limits.max_parts {
            self.notes.add(format!(
                "MIME parts beyond {} were not read",
                self.limits.max_parts
            ));
            self.stopped = true;
            return false;
        }
        true
    }

    fn visit(&mut self, mime: &MimeHeaders, body: &'a [u8], depth: usize, context: Context) {
        if !self.count_part() {
            return;
        }
        if depth > self.limits.max_depth {
            self.notes.add(format!(
                "MIME parts nested deeper than {} levels were not read",
                self.limits.max_depth
            ));
            return;
        }
        let default_type = if context.in_digest {
            "message/rfc822"
        } else {
            "text/plain"
        };
        let content_type = mime.content_type.as_deref().unwrap_or(default_type);

        if content_type.starts_with("multipart/") {
            match mime.boundary.as_deref().filter(|b| !b.is_empty()) {
                Some(boundary) => {
                    if let Some(first) = find_delimiter(body, 0, boundary.as_bytes()) {
                        let group = if content_type == "multipart/alternative" {
                            self.groups += 1;
                            Some(self.groups)
                        } else {
                            context.group
                        };
                        self.stack.push(Frame {
                            body,
                            boundary: boundary.as_bytes().to_vec(),
                            next: (!first.close).then_some(first.after),
                            depth,
                            context: Context {
                                group,
                                in_digest: content_type == "multipart/digest",
                            },
                        });
                        return;
                    }
                    self.notes
                        .add("a multipart had no boundary line in its body; it was read as text");
                }
                None => self
                    .notes
                    .add("a multipart declared no boundary; it was read as text"),
            }
            self.text(mime, body, false, context);
            return;
        }

        let filename = mime
            .filename
            .as_deref()
            .and_then(|f| display_filename(f, self.notes));
        let is_eml = filename
            .as_deref()
            .is_some_and(|f| f.to_ascii_lowercase().ends_with(".eml"));
        let is_message = matches!(content_type, "message/rfc822" | "message/global");
        if is_message || (is_eml && !content_type.starts_with("text/html")) {
            let (bytes, issues) = decode_to_vec(self.encoding(mime), body);
            self.issues(issues);
            self.walked
                .attachments
                .push(attachment(filename, content_type, &bytes));
            self.walked.messages.push(AttachedMessage { bytes, depth });
            return;
        }
        let named = filename.is_some() && !mime.inline;
        match content_type {
            "text/plain" | "text/html" if !mime.attachment && !named => {
                self.text(mime, body, content_type == "text/html", context);
            }
            _ => {
                let encoding = self.encoding(mime);
                let mut hasher = Sha256::new();
                let mut size = 0u64;
                let issues = decode_into(encoding, body, &mut |chunk| {
                    hasher.update(chunk);
                    size += chunk.len() as u64;
                });
                self.issues(issues);
                self.walked.attachments.push(Attachment {
                    filename,
                    content_type: content_type.to_owned(),
                    size,
                    sha256: hex::encode(hasher.finalize()),
                });
            }
        }
    }

    fn encoding(&mut self, mime: &MimeHeaders) -> TransferEncoding {
        let encoding = TransferEncoding::from_header(mime.transfer_encoding.as_deref());
        if encoding == TransferEncoding::Unknown {
            self.notes
                .add("a part had a transfer encoding that is not known; its bytes were kept as they were");
        }
        encoding
    }

    fn issues(&mut self, issues: DecodeIssues) {
        if issues.truncated {
            self.notes
                .add("a base64 part was truncated; what was there was decoded");
        }
        if issues.invalid > 0 {
            self.notes.add(
                "a part had characters that do not belong to its transfer encoding; they were skipped or kept as written",
            );
        }
    }

    fn text(&mut self, mime: &MimeHeaders, body: &[u8], is_html: bool, context: Context) {
        let (bytes, issues) = decode_to_vec(self.encoding(mime), body);
        self.issues(issues);
        let sniffed = if is_html && mime.charset.is_none() {
            sniff_html_charset(&bytes)
        } else {
            None
        };
        let charset = mime.charset.as_deref().or(sniffed.as_deref());
        let (text, note) = decode_text(&bytes, charset);
        if let Some(note) = note {
            self.notes.add(note);
        }
        let group = context.group;
        self.walked.pieces.push(if is_html {
            Piece::Html {
                doc: html::to_text(&text),
                group,
            }
        } else {
            Piece::Plain { text, group }
        });
    }
}

fn attachment(filename: Option<String>, content_type: &str, bytes: &[u8]) -> Attachment {
    Attachment {
        filename,
        content_type: content_type.to_owned(),
        size: bytes.len() as u64,
        sha256: hex::encode(Sha256::digest(bytes)),
    }
}

/// A file name as it may be shown: no directories, no control characters, no bidirectional
/// overrides (which turn "invoice_fdp.exe" into "invoice_exe.pdf" on screen), at most 255
/// characters.
pub(crate) fn display_filename(raw: &str, notes: &mut Notes) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let mut had_bidi = false;
    let cleaned: String = base
        .chars()
        .filter(|&c| {
            let bidi = matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            had_bidi |= bidi;
            !bidi && !c.is_control() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}')
        })
        .collect();
    if had_bidi {
        notes.add("an attachment name had bidirectional control characters (which can disguise its extension); they were removed");
    }
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown: String = collapsed.chars().take(255).collect();
    (!shown.is_empty()).then_some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk_str(raw: &str) -> (Walked<'_>, Vec<String>) {
        let mut notes = Notes::default();
        let mut budget = Budget::default();
        let walked = walk(
            raw.as_bytes(),
            0,
            &Limits::default(),
            &mut budget,
            &mut notes,
        );
        (walked, notes.into_vec())
    }

    fn plain_texts(walked: &Walked<'_>) -> Vec<String> {
        walked
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Plain { text, .. } => format!("plain:{}", text.trim()),
                Piece::Html { doc, .. } => format!("html:{}", doc.text),
            })
            .collect()
    }

    #[test]
    fn alternative_inside_mixed() {
        let raw = concat!(
            "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n",
            "preamble\r\n",
            "--outer\r\n",
            "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n",
            "--inner\r\nContent-Type: text/plain\r\n\r\nplain text\r\n",
            "--inner\r\nContent-Type: text/html\r\n\r\n<p>html text</p>\r\n",
            "--inner--\r\n",
            "--outer\r\n",
            "Content-Type: application/zip; name=\"a.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBA==\r\n",
            "--outer--\r\nepilogue\r\n"
        );
        let (walked, notes) = walk_str(raw);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(plain_texts(&walked), ["plain:plain text", "html:html text"]);
        assert!(matches!(
            walked.pieces[0],
            Piece::Plain { group: Some(1), .. }
        ));
        assert_eq!(walked.attachments.len(), 1);
        let zip = &walked.attachments[0];
        assert_eq!(
            (zip.filename.as_deref(), zip.content_type.as_str(), zip.size),
            (Some("a.zip"), "application/zip", 4)
        );
    }

    #[test]
    fn a_boundary_that_prefixes_another_does_not_split_it() {
        let raw = concat!(
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n",
            "--b\nContent-Type: multipart/alternative; boundary=\"bb\"\n\n",
            "--bb\n\ninner one\n--bb--\n",
            "--b\n\nsecond\n--b--\n"
        );
        let (walked, notes) = walk_str(raw);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(plain_texts(&walked), ["plain:inner one", "plain:second"]);
    }

    #[test]
    fn missing_closing_boundary_is_read_to_the_end() {
        let raw = "Content-Type: multipart/alternative; boundary=x\n\n--x\n\none\n--x\nContent-Type: text/html\n\n<b>two</b>\n";
        let (walked, notes) = walk_str(raw);
        assert_eq!(plain_texts(&walked), ["plain:one", "html:two"]);
        assert_eq!(
            notes,
            ["a multipart had no closing boundary; it was read to the end of the message"]
        );
    }

    #[test]
    fn multipart_without_boundary_is_text() {
        let (walked, notes) = walk_str("Content-Type: multipart/mixed\n\nsome text\n");
        assert_eq!(plain_texts(&walked), ["plain:some text"]);
        assert_eq!(
            notes,
            ["a multipart declared no boundary; it was read as text"]
        );
    }

    #[test]
    fn attached_messages_and_eml_files() {
        let raw = concat!(
            "Content-Type: multipart/mixed; boundary=m\n\n",
            "--m\n\nsee attached\n",
            "--m\nContent-Type: message/rfc822\n\nFrom: a@b.c\nSubject: one\n\nbody one\n",
            "--m\nContent-Type: application/octet-stream; name=\"two.EML\"\nContent-Transfer-Encoding: base64\n\n",
            "RnJvbTogYUBiLmMKU3ViamVjdDogdHdvCgpib2R5IHR3bwo=\n",
            "--m--\n"
        );
        let (walked, _) = walk_str(raw);
        assert_eq!(walked.messages.len(), 2);
        assert!(
            walked.messages[0]
                .bytes
                .starts_with(b"From: a@b.c\nSubject: one")
        );
        assert_eq!(
            &*walked.messages[1].bytes,
            b"From: a@b.c\nSubject: two\n\nbody two\n"
        );
        assert_eq!(walked.messages[1].depth, 1);
        assert_eq!(walked.attachments.len(), 2);
        assert_eq!(walked.attachments[1].filename.as_deref(), Some("two.EML"));
    }

    #[test]
    fn named_text_parts_are_attachments() {
        let raw = concat!(
            "Content-Type: multipart/mixed; boundary=m\n\n",
            "--m\n\nbody\n",
            "--m\nContent-Type: text/plain; name=\"notes.txt\"\n\nattached text\n",
            "--m\nContent-Type: text/plain\nContent-Disposition: inline; filename=\"shown.txt\"\n\nshown text\n",
            "--m--\n"
        );
        let (walked, _) = walk_str(raw);
        assert_eq!(plain_texts(&walked), ["plain:body", "plain:shown text"]);
        assert_eq!(walked.attachments.len(), 1);
    }

    #[test]
    fn limits_on_parts_and_depth() {
        let limits = Limits {
            max_parts: 3,
            ..Limits::default()
        };
        let raw =
            "Content-Type: multipart/mixed; boundary=m\n\n--m\n\na\n--m\n\nb\n--m\n\nc\n--m--\n";
        let mut notes = Notes::default();
        let walked = walk(
            raw.as_bytes(),
            0,
            &limits,
            &mut Budget::default(),
            &mut notes,
        );
        assert_eq!(walked.pieces.len(), 2);
        assert_eq!(notes.into_vec(), ["MIME parts beyond 3 were not read"]);

        let limits = Limits {
            max_depth: 1,
            ..Limits::default()
        };
        let raw = "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\ndeep\n--b--\n--a--\n";
        let mut notes = Notes::default();
        let walked = walk(
            raw.as_bytes(),
            0,
            &limits,
            &mut Budget::default(),
            &mut notes,
        );
        assert!(walked.pieces.is_empty());
        assert_eq!(
            notes.into_vec(),
            ["MIME parts nested deeper than 1 levels were not read"]
        );
    }

    #[test]
    fn file_names_for_display() {
        let cases = [
            ("invoice.pdf", Some("invoice.pdf")),
            ("C:\\Users\\x\\invoice.pdf", Some("invoice.pdf")),
            ("../../etc/passwd", Some("passwd")),
            ("invoice_\u{202E}fdp.exe", Some("invoice_fdp.exe")),
            ("a\u{0}b\r\n  c.txt", Some("ab c.txt")),
            ("   ", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                display_filename(raw, &mut Notes::default()).as_deref(),
                expected,
                "{raw:?}"
            );
        }
    }
}
