//! Content-Transfer-Encoding: base64 and quoted-printable decoded leniently, in one pass, into
//! any sink (a buffer for text, a hasher for attachments), with what was wrong reported rather
//! than refused — truncated and hand-made encodings are common in scam mail.

use std::borrow::Cow;

/// How a body is encoded for transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TransferEncoding {
    /// 7bit, 8bit, binary, or none declared.
    Identity,
    Base64,
    QuotedPrintable,
    /// Declared but not one we decode (x-uuencode, a typo); the bytes are kept as they are.
    Unknown,
}

impl TransferEncoding {
    pub(crate) fn from_header(value: Option<&str>) -> TransferEncoding {
        let Some(value) = value else {
            return TransferEncoding::Identity;
        };
        // Parameters and comments are not allowed here, but some senders add them.
        let token = value
            .split(|c: char| c == ';' || c == '(' || c.is_whitespace())
            .find(|t| !t.is_empty())
            .unwrap_or("");
        match token.to_ascii_lowercase().as_str() {
            "" | "7bit" | "8bit" | "binary" => TransferEncoding::Identity,
            "base64" => TransferEncoding::Base64,
            "quoted-printable" => TransferEncoding::QuotedPrintable,
            _ => TransferEncoding::Unknown,
        }
    }
}

/// What went wrong while decoding; the bytes that could be decoded were decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DecodeIssues {
    /// Base64 ended in the middle of a group of four characters.
    pub(crate) truncated: bool,
    /// Characters that have no meaning in the encoding, skipped (base64) or kept (QP).
    pub(crate) invalid: usize,
}

/// Decodes into a buffer, borrowing when there is nothing to decode.
pub(crate) fn decode_to_vec(
    encoding: TransferEncoding,
    input: &[u8],
) -> (Cow<'_, [u8]>, DecodeIssues) {
    match encoding {
        TransferEncoding::Identity | TransferEncoding::Unknown => {
            (Cow::Borrowed(input), DecodeIssues::default())
        }
        TransferEncoding::Base64 | TransferEncoding::QuotedPrintable => {
            // Decoded base64 is 3/4 of its input and QP never longer than its input.
            let mut out = Vec::with_capacity(input.len() / 4 * 3 + 3);
            let issues = decode_into(encoding, input, &mut |chunk| out.extend_from_slice(chunk));
            (Cow::Owned(out), issues)
        }
    }
}

/// Decodes into `sink` in chunks, so that a 30 MB attachment can be hashed without a second copy.
pub(crate) fn decode_into(
    encoding: TransferEncoding,
    input: &[u8],
    sink: &mut dyn FnMut(&[u8]),
) -> DecodeIssues {
    match encoding {
        TransferEncoding::Identity | TransferEncoding::Unknown => {
            sink(input);
            DecodeIssues::default()
        }
        TransferEncoding::Base64 => base64(input, sink),
        TransferEncoding::QuotedPrintable => quoted_printable(input, sink),
    }
}

const CHUNK: usize = 8 * 1024;

/// A small output buffer that is handed to the sink whenever it fills.
struct Chunked<'s> {
    buf: Vec<u8>,
    sink: &'s mut dyn FnMut(&[u8]),
}

impl<'s> Chunked<'s> {
    fn new(sink: &'s mut dyn FnMut(&[u8])) -> Self {
        Chunked {
            buf: Vec::with_capacity(CHUNK),
            sink,
        }
    }

    fn push(&mut self, byte: u8) {
        self.buf.push(byte);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            (self.sink)(&self.buf);
            self.buf.clear();
        }
    }
}

fn base64_value(byte: u8) -> Option<u32> {
    match byte {
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'a'..=b'z' => Some(u32::from(byte - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 52),
        b'+' | b'-' => Some(62), // '-' and '_': the URL-safe alphabet, seen in hand-made mail
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

fn base64(input: &[u8], sink: &mut dyn FnMut(&[u8])) -> DecodeIssues {
    let mut out = Chunked::new(sink);
    let mut issues = DecodeIssues::default();
    let mut acc: u32 = 0;
    let mut held = 0u8;
    for &byte in input {
        if let Some(value) = base64_value(byte) {
            acc = (acc << 6) | value;
            held += 1;
            if held == 4 {
                out.push((acc >> 16) as u8);
                out.push((acc >> 8) as u8);
                out.push(acc as u8);
                acc = 0;
                held = 0;
            }
        } else if byte == b'=' {
            // Padding closes the group; some encoders concatenate padded blocks, so decoding goes
            // on after it.
            flush_partial(&mut out, acc, held);
            acc = 0;
            held = 0;
        } else if !byte.is_ascii_whitespace() {
            issues.invalid += 1;
        }
    }
    if held > 0 {
        issues.truncated = true;
        flush_partial(&mut out, acc, held);
    }
    out.flush();
    issues
}

fn flush_partial(out: &mut Chunked<'_>, acc: u32, held: u8) {
    match held {
        2 => out.push((acc >> 4) as u8),
        3 => {
            out.push((acc >> 10) as u8);
            out.push((acc >> 2) as u8);
        }
        // One character carries six bits, not a byte: nothing to keep.
        _ => {}
    }
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        _ => None,
    }
}

fn quoted_printable(input: &[u8], sink: &mut dyn FnMut(&[u8])) -> DecodeIssues {
    let mut out = Chunked::new(sink);
    let mut issues = DecodeIssues::default();
    for line in input.split_inclusive(|&b| b == b'\n') {
        let (content, newline): (&[u8], &[u8]) = if let Some(c) = line.strip_suffix(b"\r\n") {
            (c, b"\r\n")
        } else if let Some(c) = line.strip_suffix(b"\n") {
            (c, b"\n")
        } else {
            (line, b"")
        };
        // Trailing whitespace is transport padding (RFC 2045 6.7 rule 3).
        let content = content.trim_ascii_end();
        let mut i = 0;
        let mut soft_break = false;
        while i < content.len() {
            let byte = content[i];
            if byte != b'=' {
                out.push(byte);
                i += 1;
                continue;
            }
            if i + 1 == content.len() {
                soft_break = true;
                break;
            }
            match (
                content.get(i + 1).copied().and_then(hex_value),
                content.get(i + 2).copied().and_then(hex_value),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                }
                _ => {
                    // "=" not followed by two hex digits: keep it, as mail clients do.
                    issues.invalid += 1;
                    out.push(b'=');
                    i += 1;
                }
            }
        }
        if !soft_break {
            for &b in newline {
                out.push(b);
            }
        }
    }
    out.flush();
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(encoding: TransferEncoding, input: &str) -> (String, DecodeIssues) {
        let (bytes, issues) = decode_to_vec(encoding, input.as_bytes());
        (String::from_utf8_lossy(&bytes).into_owned(), issues)
    }

    #[test]
    fn base64_cases() {
        let ok = DecodeIssues::default();
        let cases: &[(&str, &str, DecodeIssues)] = &[
            ("SGVsbG8=", "Hello", ok),
            ("SGVs\r\nbG8=\r\n", "Hello", ok),
            (
                "SGVsbG8",
                "Hello",
                DecodeIssues {
                    truncated: true,
                    invalid: 0,
                },
            ),
            (
                "SGVsbG8gd29ybGQ",
                "Hello world",
                DecodeIssues {
                    truncated: true,
                    invalid: 0,
                },
            ),
            (
                "SGVsbG8gd2",
                "Hello w",
                DecodeIssues {
                    truncated: true,
                    invalid: 0,
                },
            ),
            (
                "SGVs*bG8=",
                "Hello",
                DecodeIssues {
                    truncated: false,
                    invalid: 1,
                },
            ),
            ("SGk=SGk=", "HiHi", ok),
            ("", "", ok),
            ("====", "", ok),
        ];
        for (input, expected, issues) in cases {
            assert_eq!(
                decode(TransferEncoding::Base64, input),
                (expected.to_string(), *issues),
                "{input:?}"
            );
        }
    }

    #[test]
    fn quoted_printable_cases() {
        let ok = DecodeIssues::default();
        let cases: &[(&str, &str, DecodeIssues)] = &[
            ("caf=C3=A9", "café", ok),
            ("caf=c3=a9", "café", ok),
            ("soft=\r\nbreak", "softbreak", ok),
            ("soft=  \nbreak", "softbreak", ok),
            ("line  \r\nnext", "line\r\nnext", ok),
            ("a=3Db", "a=b", ok),
            ("50=", "50", ok),
            (
                "100% = sure",
                "100% = sure",
                DecodeIssues {
                    truncated: false,
                    invalid: 1,
                },
            ),
            (
                "=ZZ",
                "=ZZ",
                DecodeIssues {
                    truncated: false,
                    invalid: 1,
                },
            ),
        ];
        for (input, expected, issues) in cases {
            assert_eq!(
                decode(TransferEncoding::QuotedPrintable, input),
                (expected.to_string(), *issues),
                "{input:?}"
            );
        }
    }

    #[test]
    fn header_values() {
        let cases = [
            (None, TransferEncoding::Identity),
            (Some("7bit"), TransferEncoding::Identity),
            (Some(" BASE64 "), TransferEncoding::Base64),
            (Some("base64; x=y"), TransferEncoding::Base64),
            (Some("Quoted-Printable"), TransferEncoding::QuotedPrintable),
            (Some("x-uuencode"), TransferEncoding::Unknown),
        ];
        for (value, expected) in cases {
            assert_eq!(TransferEncoding::from_header(value), expected, "{value:?}");
        }
    }

    #[test]
    fn large_input_is_delivered_in_chunks() {
        let input = "QUFB".repeat(10_000); // "AAA" × 10,000
        let mut chunks = 0;
        let mut total = 0;
        decode_into(TransferEncoding::Base64, input.as_bytes(), &mut |c| {
            chunks += 1;
            total += c.len();
        });
        assert_eq!(total, 30_000);
        assert!(chunks > 1);
    }
}
