//! Forwards written into the body text: the separator each mail client writes (Gmail, Outlook,
//! Apple Mail, Thunderbird, in English, French, German, Spanish and a few more), the header
//! block after it ("From: … Subject: …" and their translations), and the forwarded body below.
//!
//! "Original Message" separators, Outlook's underscore rule and bare header blocks are written
//! for replies too, and scammers fake reply threads; those count only when the subject says the
//! message is a forward ("Fwd:", "FW:", "WG:", "TR:", "RV:"…).

/// A forward found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InlineForward {
    /// Where the forward starts (its separator, or its header block when there is none): what
    /// comes before is the forwarder's own words.
    pub(crate) start: usize,
    /// Where the forwarded body starts.
    pub(crate) body_start: usize,
    pub(crate) headers: ForwardedHeaders,
    /// How many levels of "> " quoting the forward was written under.
    pub(crate) quote_depth: usize,
}

/// The header block of an inline forward, values as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ForwardedHeaders {
    pub(crate) from: Option<String>,
    pub(crate) reply_to: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) cc: Option<String>,
    pub(crate) subject: Option<String>,
    pub(crate) date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    From,
    ReplyTo,
    To,
    Cc,
    Subject,
    Date,
}

/// Separator phrases that only forwards use, after trimming dashes and colons, in lower case.
const FORWARD_SEPARATORS: &[&str] = &[
    "forwarded message",
    "begin forwarded message",
    "forwarded message follows",
    "message transféré",
    "début du message transféré",
    "début du message réexpédié",
    "weitergeleitete nachricht",
    "anfang der weitergeleiteten nachricht",
    "mensaje reenviado",
    "inicio del mensaje reenviado",
    "comienzo del mensaje reenviado",
    "messaggio inoltrato",
    "inizio messaggio inoltrato",
    "doorgestuurd bericht",
    "begin doorgestuurd bericht",
    "mensagem encaminhada",
    "início da mensagem reencaminhada",
    "転送されたメッセージ",
];

/// Separator phrases written for replies as well as forwards.
const REPLY_OR_FORWARD_SEPARATORS: &[&str] = &[
    "original message",
    "message d'origine",
    "message original",
    "ursprüngliche nachricht",
    "originalnachricht",
    "mensaje original",
    "messaggio originale",
    "oorspronkelijk bericht",
    "mensagem original",
];

fn label_of(name: &str) -> Option<Label> {
    let label = match name {
        "from" | "de" | "von" | "da" | "van" | "från" | "fra" | "od" | "от" | "差出人"
        | "发件人" | "寄件者" => Label::From,
        "reply-to" | "reply to" | "répondre à" | "antwort an" | "responder a" | "rispondi a"
        | "antwoord aan" => Label::ReplyTo,
        "to" | "à" | "a" | "an" | "para" | "aan" | "till" | "til" | "宛先" | "收件人" => {
            Label::To
        }
        "cc" | "kopie" | "copie à" | "copie" | "cópia" | "copia" => Label::Cc,
        "subject" | "objet" | "sujet" | "betreff" | "asunto" | "oggetto" | "onderwerp"
        | "assunto" | "ämne" | "emne" | "件名" | "主题" | "主旨" => Label::Subject,
        "date" | "sent" | "envoyé" | "envoyé le" | "gesendet" | "datum" | "enviado" | "fecha"
        | "data" | "inviato" | "verzonden" | "skickat" | "sendt" | "送信日時" | "日付"
        | "发送时间" | "日期" => Label::Date,
        _ => return None,
    };
    Some(label)
}

/// Subject prefixes that mark a forward, lower case.
const FORWARD_MARKERS: &[&str] = &[
    "fwd", "fw", "wg", "tr", "rv", "enc", "vs", "vb", "vl", "doorst", "pd", "转发", "轉寄", "転送",
];
/// Subject prefixes that mark a reply; skipped while looking for a forward marker.
const REPLY_MARKERS: &[&str] = &[
    "re", "aw", "sv", "antw", "ref", "res", "odp", "ynt", "答复", "回复", "返信",
];

/// The subject without its leading "Fwd:"/"Re:" prefixes, and whether any of them marked a
/// forward.
pub(crate) fn strip_prefixes(subject: &str) -> (&str, bool) {
    let mut rest = subject.trim();
    let mut forward = false;
    loop {
        // "[Fwd: Your account]", as some clients write it.
        if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']'))
            && prefix_of(inner).is_some()
        {
            rest = inner.trim();
            continue;
        }
        match prefix_of(rest) {
            Some((is_forward, after)) => {
                forward |= is_forward;
                rest = after.trim_start();
            }
            None => return (rest, forward),
        }
    }
}

/// Reads one "Fwd:"-like prefix: whether it marks a forward, and the text after it.
fn prefix_of(text: &str) -> Option<(bool, &str)> {
    let colon = text
        .char_indices()
        .take(16)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let (head, tail) = text.split_at(colon.0);
    let after = &tail[colon.1.len_utf8()..];
    // "Fwd[2]:" and "AW (2):" count the forwards.
    let word = head
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '[' | ']' | '(' | ')'))
        .trim()
        .to_lowercase();
    if FORWARD_MARKERS.contains(&word.as_str()) {
        Some((true, after))
    } else if REPLY_MARKERS.contains(&word.as_str()) {
        Some((false, after))
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    /// Only forwards write it.
    Forward,
    /// Replies write it too.
    ReplyOrForward,
}

/// One line with its quoting taken off.
#[derive(Debug, Clone, Copy)]
struct Line<'t> {
    start: usize,
    end: usize,
    quote_depth: usize,
    content: &'t str,
}

/// The lines of `text` from byte `from` on (which must start a line), read lazily: a text of
/// millions of empty lines costs no memory.
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line<'_>> + Clone {
    let rest = text.get(from..).unwrap_or("");
    rest.split_inclusive('\n').scan(from, |start, raw| {
        let line_start = *start;
        *start += raw.len();
        let (quote_depth, content) = unquote(raw.trim_end_matches(['\n', '\r']));
        Some(Line {
            start: line_start,
            end: *start,
            quote_depth,
            content,
        })
    })
}

/// Strips "> > " quoting; returns how deep it was.
fn unquote(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        match trimmed.strip_prefix('>') {
            Some(after) => {
                depth += 1;
                rest = after;
            }
            None => return (depth, if depth > 0 { trimmed } else { rest }),
        }
    }
}

fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

fn separator(line: &str) -> Option<Separator> {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '='));
    if trimmed.chars().count() >= 10 && trimmed.chars().all(|c| c == '_') {
        return Some(Separator::ReplyOrForward);
    }
    let phrase = trimmed
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '=' | '*' | ':'))
        .replace(['’', '`', '´'], "'")
        .to_lowercase();
    if phrase.len() > 60 {
        return None;
    }
    if FORWARD_SEPARATORS.contains(&phrase.as_str()) {
        Some(Separator::Forward)
    } else if REPLY_OR_FORWARD_SEPARATORS.contains(&phrase.as_str()) {
        Some(Separator::ReplyOrForward)
    } else {
        None
    }
}

/// "From: value", "De : value", "*Von:* value": the label and the value.
fn labelled(line: &str) -> Option<(Label, &str)> {
    let line = line.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    let (colon_at, colon) = line
        .char_indices()
        .take(32)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let name = line[..colon_at]
        .trim_matches(|c: char| c.is_whitespace() || c == '*')
        .to_lowercase();
    let label = label_of(&name)?;
    let value = line[colon_at + colon.len_utf8()..]
        .trim_start_matches('*')
        .trim();
    Some((label, value))
}

/// Reads the header block whose first line starts at byte `first`; returns it and where the
/// first line after it starts.
fn header_block(text: &str, first: usize) -> (ForwardedHeaders, usize) {
    const MAX_BLOCK_LINES: usize = 30;
    let mut headers = ForwardedHeaders::default();
    let mut last: Option<Label> = None;
    let mut next = first;
    // Apple Mail leaves a blank line between its separator and the block.
    let lines = lines_from(text, first)
        .enumerate()
        .skip_while(|(i, l)| *i < 3 && is_blank(l.content))
        .take(MAX_BLOCK_LINES);
    for (_, line) in lines {
        let content = line.content;
        if is_blank(content) {
            break;
        }
        if let Some((label, value)) = labelled(content) {
            let slot = match label {
                Label::From => &mut headers.from,
                Label::ReplyTo => &mut headers.reply_to,
                Label::To => &mut headers.to,
                Label::Cc => &mut headers.cc,
                Label::Subject => &mut headers.subject,
                Label::Date => &mut headers.date,
            };
            if slot.is_none() {
                *slot = Some(value.to_owned());
            }
            last = Some(label);
        } else if matches!(last, Some(Label::To | Label::Cc)) && content.contains(['@', ',', ';']) {
            // Long recipient lists wrap onto lines of their own.
            let slot = if last == Some(Label::To) {
                &mut headers.to
            } else {
                &mut headers.cc
            };
            if let Some(value) = slot {
                value.push(' ');
                value.push_str(content.trim());
            }
        } else {
            next = line.start;
            return (headers, next);
        }
        next = line.end;
    }
    (headers, next)
}

/// Finds the first inline forward in the first `scan_limit` bytes of `text`.
/// `subject_says_forward` is whether the message the text belongs to has a forward marker in its
/// subject.
pub(crate) fn find(
    text: &str,
    subject_says_forward: bool,
    scan_limit: usize,
) -> Option<InlineForward> {
    for line in lines_from(text, 0).take_while(|l| l.start < scan_limit) {
        let found = match separator(line.content) {
            Some(Separator::Forward) => {
                let (headers, next) = header_block(text, line.end);
                let next = if headers.from.is_some() || headers.subject.is_some() {
                    next
                } else {
                    line.end
                };
                Some((headers, next))
            }
            Some(Separator::ReplyOrForward) if subject_says_forward => {
                let (headers, next) = header_block(text, line.end);
                (headers.from.is_some() && headers.subject.is_some()).then_some((headers, next))
            }
            _ if subject_says_forward
                && labelled(line.content).is_some_and(|(l, _)| l == Label::From) =>
            {
                let (headers, next) = header_block(text, line.start);
                (headers.from.is_some()
                    && headers.subject.is_some()
                    && (headers.date.is_some() || headers.to.is_some()))
                .then_some((headers, next))
            }
            _ => None,
        };
        if let Some((headers, next)) = found {
            let body_start = lines_from(text, next)
                .find(|l| !is_blank(l.content))
                .map_or(text.len(), |l| l.start);
            return Some(InlineForward {
                start: line.start,
                body_start,
                headers,
                quote_depth: line.quote_depth,
            });
        }
    }
    None
}

/// The forwarded body, with the quoting the forward was written under taken off.
pub(crate) fn body(text: &str, forward: &InlineForward) -> String {
    let body = text.get(forward.body_start..).unwrap_or("");
    if forward.quote_depth == 0 {
        return body.to_owned();
    }
    let mut out = String::with_capacity(body.len());
    for line in lines_from(body, 0) {
        let raw = &body[line.start..line.end];
        if line.quote_depth == 0 {
            out.push_str(raw);
            continue;
        }
        // Take off as many levels as the forward had, keep any deeper quoting.
        let mut rest = raw;
        for _ in 0..forward.quote_depth.min(line.quote_depth) {
            rest = rest.trim_start_matches([' ', '\t']);
            rest = rest.strip_prefix('>').unwrap_or(rest);
        }
        out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
    }
    out
}

/// Turns Outlook's "Name [mailto:addr]" and "addr<mailto:addr>" into "Name <addr>" / "addr".
pub(crate) fn clean_address_value(value: &str) -> String {
    // "support@x.com<mailto:support@x.com>": the mailto copy comes from a link turned into text.
    // One pass, left to right: lower-casing and searching the whole value again after each
    // removal made a line of many `<mailto:>` quadratic (minutes for a few megabytes).
    let lower = value.to_ascii_lowercase();
    let mut cleaned = String::with_capacity(value.len());
    let mut from = 0;
    while let Some(found) = lower[from..].find("<mailto:") {
        let start = from + found;
        let Some(len) = value[start..].find('>') else {
            break;
        };
        cleaned.push_str(&value[from..start]);
        from = start + len + 1;
    }
    cleaned.push_str(&value[from..]);
    let mut value = cleaned;
    if let Some(start) = value.to_ascii_lowercase().find("[mailto:") {
        let after = start + "[mailto:".len();
        let end = value[after..].find(']').map_or(value.len(), |p| after + p);
        let address = value[after..end].trim().to_owned();
        let name = value[..start].trim().to_owned();
        value = if name.is_empty() {
            address
        } else {
            format!("{name} <{address}>")
        };
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_prefixes() {
        let cases = [
            ("Fwd: Your account", "Your account", true),
            ("FW: Your account", "Your account", true),
            ("WG: Ihr Konto", "Ihr Konto", true),
            ("TR : Votre compte", "Votre compte", true),
            ("RV: Su cuenta", "Su cuenta", true),
            ("Fwd: Fwd: FW: nested", "nested", true),
            ("Re: Fwd: reply to forward", "reply to forward", true),
            ("[Fwd: bracketed]", "bracketed", true),
            ("Fwd[2]: counted", "counted", true),
            ("Re: Invoice", "Invoice", false),
            (
                "Your account: action needed",
                "Your account: action needed",
                false,
            ),
            ("Trouble: not a prefix", "Trouble: not a prefix", false),
            ("", "", false),
        ];
        for (subject, stripped, forward) in cases {
            assert_eq!(strip_prefixes(subject), (stripped, forward), "{subject:?}");
        }
    }

    #[test]
    fn separators() {
        let cases = [
            (
                "---------- Forwarded message ---------",
                Some(Separator::Forward),
            ),
            (
                "-------- Forwarded Message --------",
                Some(Separator::Forward),
            ),
            ("Begin forwarded message:", Some(Separator::Forward)),
            (
                "---------- Message transféré ---------",
                Some(Separator::Forward),
            ),
            (
                "---------- Weitergeleitete Nachricht ---------",
                Some(Separator::Forward),
            ),
            (
                "---------- Mensaje reenviado ---------",
                Some(Separator::Forward),
            ),
            ("Début du message réexpédié :", Some(Separator::Forward)),
            (
                "-----Original Message-----",
                Some(Separator::ReplyOrForward),
            ),
            (
                "-----Ursprüngliche Nachricht-----",
                Some(Separator::ReplyOrForward),
            ),
            (
                "-------- Message d’origine --------",
                Some(Separator::ReplyOrForward),
            ),
            (
                "________________________________",
                Some(Separator::ReplyOrForward),
            ),
            ("----------", None),
            ("Please find the forwarded message below", None),
        ];
        for (line, expected) in cases {
            assert_eq!(separator(line), expected, "{line:?}");
        }
    }

    #[test]
    fn labels() {
        let cases = [
            (
                "From: Example Shop <a@b.c>",
                Some((Label::From, "Example Shop <a@b.c>")),
            ),
            ("De : Example Shop", Some((Label::From, "Example Shop"))),
            (
                "De\u{a0}: Example Shop",
                Some((Label::From, "Example Shop")),
            ),
            ("*From:* Example Shop", Some((Label::From, "Example Shop"))),
            ("Von: x", Some((Label::From, "x"))),
            ("Objet : Votre colis", Some((Label::Subject, "Votre colis"))),
            ("Betreff: Ihr Paket", Some((Label::Subject, "Ihr Paket"))),
            ("Asunto: Su paquete", Some((Label::Subject, "Su paquete"))),
            (
                "Envoyé : lundi 6 janvier 2025 10:15",
                Some((Label::Date, "lundi 6 janvier 2025 10:15")),
            ),
            (
                "Gesendet: Montag, 6. Januar 2025 10:15",
                Some((Label::Date, "Montag, 6. Januar 2025 10:15")),
            ),
            ("À : moi@example.org", Some((Label::To, "moi@example.org"))),
            (
                "Reply-To: claims@x.test",
                Some((Label::ReplyTo, "claims@x.test")),
            ),
            ("Call us: +1 888 555 0142", None),
            ("https://examp1e-shop.com", None),
        ];
        for (line, expected) in cases {
            assert_eq!(labelled(line), expected, "{line:?}");
        }
    }

    #[track_caller]
    fn check(
        text: &str,
        subject_says_forward: bool,
        from: Option<&str>,
        subject: Option<&str>,
        body_starts: &str,
    ) {
        let found = find(text, subject_says_forward, usize::MAX).expect("a forward");
        assert_eq!(found.headers.from.as_deref(), from);
        assert_eq!(found.headers.subject.as_deref(), subject);
        assert!(
            body(text, &found).starts_with(body_starts),
            "body {:?}",
            body(text, &found)
        );
    }

    #[test]
    fn gmail() {
        check(
            "Look at this scam!\n\n---------- Forwarded message ---------\nFrom: Example Shop <support@examp1e-shop.com>\nDate: Mon, Jan 6, 2025 at 10:15 AM\nSubject: Your account is on hold\nTo: <me@example.org>\n\n\nDear customer,\n",
            false,
            Some("Example Shop <support@examp1e-shop.com>"),
            Some("Your account is on hold"),
            "Dear customer,",
        );
    }

    #[test]
    fn outlook_needs_a_forward_subject() {
        let text = "FYI\n\n-----Original Message-----\nFrom: Example Shop [mailto:security@examp1e-shop.com]\nSent: Monday, January 6, 2025 10:15 AM\nTo: me@example.org\nSubject: Verify your account\n\nDear customer,\n";
        check(
            text,
            true,
            Some("Example Shop [mailto:security@examp1e-shop.com]"),
            Some("Verify your account"),
            "Dear customer,",
        );
        assert_eq!(find(text, false, usize::MAX), None);
    }

    #[test]
    fn outlook_header_block_without_separator() {
        let text = "see below\n\nFrom: Example Shop <a@examp1e-shop.com>\nSent: Monday, January 6, 2025 10:15 AM\nTo: me@example.org; you@example.org;\n  them@example.org\nSubject: Verify\n\nBody here\n";
        check(
            text,
            true,
            Some("Example Shop <a@examp1e-shop.com>"),
            Some("Verify"),
            "Body here",
        );
        let found = find(text, true, usize::MAX).unwrap();
        assert_eq!(found.start, text.find("From:").unwrap());
        assert_eq!(
            found.headers.to.as_deref(),
            Some("me@example.org; you@example.org; them@example.org")
        );
        assert_eq!(find(text, false, usize::MAX), None);
    }

    #[test]
    fn apple_mail_with_a_blank_line_after_the_separator() {
        check(
            "Begin forwarded message:\n\nFrom: Example Shop <a@examp1e-shop.com>\nSubject: Refund\nDate: 6 January 2025 at 10:15:00 CET\nTo: me@example.org\nReply-To: refunds@examp1e-shop.net\n\nHello,\n",
            false,
            Some("Example Shop <a@examp1e-shop.com>"),
            Some("Refund"),
            "Hello,",
        );
    }

    #[test]
    fn thunderbird_order_and_a_block_that_ends_without_a_blank_line() {
        check(
            "-------- Forwarded Message --------\nSubject: \tRefund\nDate: \tMon, 6 Jan 2025 10:15:00 +0100\nFrom: \tExample Shop <a@examp1e-shop.com>\nTo: \tme@example.org\nDear customer\n",
            false,
            Some("Example Shop <a@examp1e-shop.com>"),
            Some("Refund"),
            "Dear customer",
        );
    }

    #[test]
    fn quoted_forward() {
        let text = "> ---------- Forwarded message ---------\n> From: a@examp1e-shop.com\n> Subject: Hi\n>\n> Line one\n> > deeper\n";
        let found = find(text, false, usize::MAX).unwrap();
        assert_eq!(found.quote_depth, 1);
        assert_eq!(body(text, &found), "Line one\n> deeper\n");
    }

    #[test]
    fn separator_without_header_block() {
        let text = "---------- Forwarded message ---------\nDear customer\n";
        let found = find(text, false, usize::MAX).unwrap();
        assert_eq!(found.headers, ForwardedHeaders::default());
        assert_eq!(body(text, &found), "Dear customer\n");
    }

    #[test]
    fn no_forward() {
        for text in [
            "Dear customer, your account is on hold. Call +1 888 555 0142.",
            "From: the desk of the CEO\nPlease pay this invoice.",
            "",
        ] {
            assert_eq!(find(text, false, usize::MAX), None, "{text:?}");
        }
    }

    #[test]
    fn outlook_address_values() {
        let cases = [
            (
                "Example Shop [mailto:a@examp1e-shop.com]",
                "Example Shop <a@examp1e-shop.com>",
            ),
            ("[mailto:a@examp1e-shop.com]", "a@examp1e-shop.com"),
            (
                "Example Shop <a@examp1e-shop.com<mailto:a@examp1e-shop.com>>",
                "Example Shop <a@examp1e-shop.com>",
            ),
            ("plain@x.test", "plain@x.test"),
            (
                "a@x.test<MAILTO:a@x.test>, b@x.test<mailto:b@x.test>",
                "a@x.test, b@x.test",
            ),
            ("a@x.test<mailto:a@x.test", "a@x.test<mailto:a@x.test"),
            ("é<mailto:x>ü<mailto:y", "éü<mailto:y"),
        ];
        for (value, expected) in cases {
            assert_eq!(clean_address_value(value), expected, "{value:?}");
        }
    }

    #[test]
    fn many_mailto_copies_cost_linear_time() {
        // Quadratic before: each copy removed meant lower-casing and searching the whole value
        // again; 200,000 copies (1.8 MB) took minutes.
        let value = format!("a@x.test{}", "<mailto:a@x.test>".repeat(200_000));
        let started = std::time::Instant::now();
        assert_eq!(clean_address_value(&value), "a@x.test");
        let unterminated = "<mailto:".repeat(200_000);
        assert_eq!(clean_address_value(&unterminated), unterminated);
        assert!(
            started.elapsed()
                < std::time::Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 }),
            "took {:?}",
            started.elapsed()
        );
    }
}
