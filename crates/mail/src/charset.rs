//! Body bytes to text under the declared charset, second-guessed where mail gets it wrong: a
//! "utf-8" part in windows-1252, an "iso-8859-1" part in UTF-8, a charset nobody knows.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, WINDOWS_1252};

/// Decoded text and, when the declared charset could not be trusted, a note saying what was done.
pub(crate) fn decode_text(bytes: &[u8], declared: Option<&str>) -> (String, Option<String>) {
    let label = declared
        .map(|l| {
            l.trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_ascii_lowercase()
        })
        .filter(|l| !l.is_empty());
    let Some(label) = label else {
        return undeclared(bytes, "text without a charset");
    };
    if matches!(
        label.as_str(),
        "us-ascii" | "ascii" | "ansi_x3.4-1968" | "iso646-us"
    ) {
        return undeclared(bytes, "text declared as us-ascii");
    }
    let shown = shown_label(&label);
    match Encoding::for_label(label.as_bytes()) {
        Some(encoding) if encoding == UTF_8 => match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), None),
            Err(_) => {
                let (text, _, _) = WINDOWS_1252.decode(bytes);
                (
                    text.into_owned(),
                    Some(format!(
                        "text declared as {shown} was not valid UTF-8; decoded as windows-1252"
                    )),
                )
            }
        },
        Some(encoding) if encoding != REPLACEMENT => {
            // Valid UTF-8 with non-ASCII characters almost never happens by chance in a legacy
            // charset; a mislabelled UTF-8 part does, often.
            if !bytes.is_ascii()
                && let Ok(text) = std::str::from_utf8(bytes)
            {
                return (
                    text.to_owned(),
                    Some(format!(
                        "text declared as {shown} was UTF-8; decoded as UTF-8"
                    )),
                );
            }
            let (text, _, had_errors) = encoding.decode(bytes);
            let note = had_errors.then(|| {
                format!("text in {shown} had bytes that are not {shown}; they were replaced")
            });
            (text.into_owned(), note)
        }
        _ => {
            // Charsets the WHATWG set leaves out (UTF-7, IBM code pages) that mail-parser knows.
            if let Some(decoder) =
                mail_parser::decoders::charsets::map::charset_decoder(label.as_bytes())
            {
                return (decoder(bytes), None);
            }
            (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(format!(
                    "charset {shown} not known; decoded as UTF-8 with replacement"
                )),
            )
        }
    }
}

fn undeclared(bytes: &[u8], what: &str) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(_) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            (
                text.into_owned(),
                Some(format!(
                    "{what} was not ASCII or UTF-8; decoded as windows-1252"
                )),
            )
        }
    }
}

/// The label as it may appear in a note: it is attacker-written, so short and printable.
fn shown_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(40)
        .collect()
}

/// The charset an HTML document declares in a `<meta>` tag, for HTML parts whose Content-Type
/// has none.
pub(crate) fn sniff_html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let value: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .take(40)
        .map(|&b| char::from(b))
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], declared: Option<&str>, text: &str, note: Option<&str>) {
        let (got_text, got_note) = decode_text(bytes, declared);
        assert_eq!(got_text, text, "{declared:?}");
        assert_eq!(got_note.as_deref(), note, "{declared:?}");
    }

    #[test]
    fn charsets() {
        check(b"plain", None, "plain", None);
        check("café".as_bytes(), Some("UTF-8"), "café", None);
        check(b"caf\xe9", Some("iso-8859-1"), "café", None);
        check(b"caf\xe9", Some("\"ISO-8859-1\""), "café", None);
        check(
            b"\x93quoted\x94 \x80 5",
            Some("windows-1252"),
            "\u{201c}quoted\u{201d} € 5",
            None,
        );
        check(b"\x83e\x83X\x83g", Some("Shift_JIS"), "テスト", None);
        check(b"\x83e\x83X\x83g", Some("sjis"), "テスト", None);
        check(b"+AGEAYgBj-", Some("utf-7"), "abc", None);
        check(
            b"caf\xe9",
            Some("utf-8"),
            "café",
            Some("text declared as utf-8 was not valid UTF-8; decoded as windows-1252"),
        );
        check(
            "café".as_bytes(),
            Some("iso-8859-1"),
            "café",
            Some("text declared as iso-8859-1 was UTF-8; decoded as UTF-8"),
        );
        check(
            b"caf\xe9",
            None,
            "café",
            Some("text without a charset was not ASCII or UTF-8; decoded as windows-1252"),
        );
        check(
            b"abc",
            Some("x-unknown"),
            "abc",
            Some("charset x-unknown not known; decoded as UTF-8 with replacement"),
        );
        check(
            b"\x82\xa0\xff",
            Some("shift_jis"),
            "\u{3042}\u{fffd}",
            Some("text in shift_jis had bytes that are not shift_jis; they were replaced"),
        );
    }

    #[test]
    fn html_meta_charset() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<meta charset=\"Shift_JIS\">", Some("shift_jis")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
                Some("iso-8859-1"),
            ),
            (b"<p>no meta</p>", None),
        ];
        for (html, expected) in cases {
            assert_eq!(sniff_html_charset(html).as_deref(), *expected);
        }
    }
}
