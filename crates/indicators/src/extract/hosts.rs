//! Host names in running text and inside URLs and e-mail addresses: dotted labels, defanged dots,
//! internationalised labels; and what a dotted word turns out to be (a domain, an IPv4 address, a
//! phone number written with dots, or a version number, an abbreviation, a file name).

use std::borrow::Cow;

use super::classes::{is_label_char, is_spaceless};
use super::{IndicatorKind, Scanner};
use crate::defang::dot_len;
use crate::domain::RegistrableDomain;

/// Longest label we accept: 63 in ASCII; a Unicode label takes up to four bytes a character.
const MAX_LABEL_BYTES: usize = 63 * 4;
/// Longest host text we look at, defanged dots and Unicode included (a DNS name is at most 253
/// ASCII characters).
const MAX_HOST_BYTES: usize = 1024;

/// File extensions that are also top-level domains. `setup.py` or `notes.md` in running text is a
/// file name; `www.evil.zip` or `https://evil.zip/` still counts.
const FILE_EXTENSIONS: [&str; 15] = [
    "am", "ac", "bz", "md", "mk", "ml", "mov", "pl", "pm", "ps", "py", "rs", "sh", "tf", "zip",
];

/// A host name as written: where it stands and what its labels look like.
#[derive(Debug, Clone, Copy)]
pub(super) struct HostScan {
    pub start: usize,
    pub end: usize,
    pub labels: usize,
    /// End of the first label, start of the last.
    pub first_end: usize,
    pub last_start: usize,
    /// Written with at least one defanged dot.
    pub defanged: bool,
    pub non_ascii: bool,
    /// Every label is ASCII digits: an IPv4 address or a dotted number.
    pub numeric: bool,
    pub underscore: bool,
}

impl Scanner<'_> {
    /// Scans a host name whose first label starts at `start`. `in_url` admits labels in scripts
    /// written without spaces (`https://例え.jp/`); in running text such characters end a label.
    /// `None` when there is no label or the text is too long to be a host name.
    pub(super) fn scan_host(&self, start: usize, in_url: bool) -> Option<HostScan> {
        let b = self.b;
        let mut p = start;
        let mut host = HostScan {
            start,
            end: start,
            labels: 0,
            first_end: start,
            last_start: start,
            defanged: false,
            non_ascii: false,
            numeric: true,
            underscore: false,
        };
        loop {
            let label_start = p;
            // A label is ASCII and other scripts, or a script written without spaces, never both:
            // where they meet, the host name ends (`example.jpです`).
            let mut ascii_letters = false;
            let mut spaceless = false;
            while let Some(&c) = b.get(p) {
                if c < 0x80 {
                    if !(c.is_ascii_alphanumeric() || c == b'-' || c == b'_') {
                        break;
                    }
                    if c.is_ascii_alphabetic() {
                        if spaceless {
                            break;
                        }
                        ascii_letters = true;
                    }
                    host.numeric &= c.is_ascii_digit();
                    host.underscore |= c == b'_';
                    p += 1;
                } else {
                    let Some(ch) = self.char_at(p) else { break };
                    if !is_label_char(ch) {
                        break;
                    }
                    if is_spaceless(ch) {
                        if !in_url || ascii_letters {
                            break;
                        }
                        spaceless = true;
                    }
                    host.non_ascii = true;
                    host.numeric = false;
                    p += ch.len_utf8();
                }
                if p - label_start > MAX_LABEL_BYTES {
                    return None;
                }
            }
            if p == label_start {
                break;
            }
            host.labels += 1;
            if host.labels == 1 {
                host.first_end = p;
            }
            host.last_start = label_start;
            host.end = p;
            if p - start > MAX_HOST_BYTES {
                return None;
            }
            match dot_len(b, p) {
                Some(d) if self.label_starts_at(p + d, in_url) => {
                    host.defanged |= d > 1;
                    p += d;
                }
                _ => break,
            }
        }
        if host.labels == 0 {
            return None;
        }
        // `evil.com--` or `evil.com_`: dashes and underscores never end a host name.
        while host.end > host.last_start + 1 && matches!(b[host.end - 1], b'-' | b'_') {
            host.end -= 1;
        }
        Some(host)
    }

    /// Whether a label can start at `i`: labels start with a letter or digit.
    fn label_starts_at(&self, i: usize, in_url: bool) -> bool {
        match self.b.get(i) {
            Some(c) if c.is_ascii_alphanumeric() => true,
            Some(&c) if c >= 0x80 => self
                .char_at(i)
                .is_some_and(|ch| is_label_char(ch) && (in_url || !is_spaceless(ch))),
            _ => false,
        }
    }

    /// Start of the label that ends at `end`, walking back over label characters. In running text
    /// a host name starts after a space, a bracket, a quote, or a character of a script written
    /// without spaces (`確認はamazon.co.jp`); Cyrillic or Greek letters are part of it (`аmazon.com`
    /// with a Cyrillic `а` is exactly what must be found).
    pub(super) fn label_start_before(&self, end: usize) -> usize {
        let b = self.b;
        let mut p = end;
        while p > 0 && end - p < MAX_LABEL_BYTES {
            let c = b[p - 1];
            if c < 0x80 {
                if !(c.is_ascii_alphanumeric() || c == b'-' || c == b'_') {
                    break;
                }
                p -= 1;
            } else {
                match self.char_before(p) {
                    Some(ch) if is_label_char(ch) && !is_spaceless(ch) => p -= ch.len_utf8(),
                    _ => break,
                }
            }
        }
        while p < end && matches!(b[p], b'-' | b'_') {
            p += 1;
        }
        p
    }

    /// The host name as it should be parsed: defanged dots written as dots.
    pub(super) fn host_string(&self, host: &HostScan) -> Cow<'_, str> {
        let Some(text) = self.text.get(host.start..host.end) else {
            return Cow::Borrowed("");
        };
        if !host.defanged {
            return Cow::Borrowed(text);
        }
        let b = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        let mut copied = 0;
        while i < b.len() {
            match dot_len(b, i) {
                Some(d) if d > 1 => {
                    out.push_str(text.get(copied..i).unwrap_or_default());
                    out.push('.');
                    i += d;
                    copied = i;
                }
                _ => i += 1,
            }
        }
        out.push_str(text.get(copied..).unwrap_or_default());
        Cow::Owned(out)
    }

    /// A word followed by a dot at `dot`: a host name, an IPv4 address, a dotted phone number, or
    /// something else with dots. `None` when no second label follows (a sentence's full stop), so
    /// that the word is looked at on its own.
    pub(super) fn dotted(&mut self, dot: usize) -> Option<usize> {
        // Most dots end a sentence; see that before walking back over the word.
        let second_label =
            dot_len(self.b, dot).is_some_and(|d| self.label_starts_at(dot + d, false));
        if !second_label {
            return None;
        }
        let start = self.label_start_before(dot);
        if start == dot {
            return None;
        }
        let Some(host) = self.scan_host(start, false) else {
            // Too long for a host name: skip the whole dotted run at once rather than re-scanning
            // its tail label by label.
            return Some(self.skip_dotted_run(dot));
        };
        if host.labels < 2 {
            return None;
        }
        if host.numeric {
            if let Some(addr) = self.ipv4(&host) {
                self.push(
                    IndicatorKind::Ipv4,
                    addr.to_string(),
                    host.start,
                    host.end,
                    None,
                );
                return Some(host.end);
            }
            // `06.12.34.56.78`, `415.555.2671`; the phone scanner rejects versions and dates.
            let next = if self.b[host.start].is_ascii_digit() {
                self.phone(host.start)
            } else {
                host.end
            };
            return Some(next.max(host.end));
        }
        self.bare_domain(&host);
        Some(host.end)
    }

    /// The address when `host` is a dotted quad of octets.
    pub(super) fn ipv4(&self, host: &HostScan) -> Option<std::net::Ipv4Addr> {
        if host.labels != 4 || !host.numeric {
            return None;
        }
        let text = self.host_string(host);
        let mut octets = [0u8; 4];
        for (slot, part) in octets.iter_mut().zip(text.split('.')) {
            if part.len() > 3 {
                return None;
            }
            *slot = part.parse().ok()?;
        }
        Some(std::net::Ipv4Addr::from(octets))
    }

    /// A host name in running text (not in a URL or an e-mail address): reported as a domain when
    /// it ends in a known public suffix and does not look like a file name or two sentences run
    /// together.
    fn bare_domain(&mut self, host: &HostScan) {
        let b = self.b;
        let text = self.text;
        if host.underscore {
            return;
        }
        // `src/main.rs`, `C:\\setup.py`: a path, not a host. `//evil.com` is a host after a scheme
        // we do not report as a URL (`ssh://`), and still a domain.
        let before = host.start.checked_sub(1).map(|i| b[i]);
        let before2 = host.start.checked_sub(2).map(|i| b[i]);
        if before == Some(b'\\') || (before == Some(b'/') && before2 != Some(b'/')) {
            return;
        }
        let tld = text.get(host.last_start..host.end).unwrap_or_default();
        let tld_b = tld.as_bytes();
        if tld.is_ascii() {
            let punycode = tld_b.len() > 4 && tld_b[..4].eq_ignore_ascii_case(b"xn--");
            if tld_b.len() < 2 || !(punycode || tld_b.iter().all(u8::is_ascii_alphabetic)) {
                return;
            }
            let www = host.first_end - host.start == 3
                && b[host.start..3 + host.start].eq_ignore_ascii_case(b"www");
            if host.labels == 2
                && !www
                && FILE_EXTENSIONS
                    .iter()
                    .any(|ext| ext.as_bytes().eq_ignore_ascii_case(tld_b))
            {
                return;
            }
            // `today.Click here`: a missing space after a full stop, not the `.click` TLD.
            let before_dot = host
                .last_start
                .checked_sub(1)
                .and_then(|i| self.char_before(i));
            if tld_b.len() > 3
                && tld_b[0].is_ascii_uppercase()
                && tld_b[1..].iter().all(u8::is_ascii_lowercase)
                && before_dot.is_some_and(char::is_lowercase)
            {
                return;
            }
            // Most dotted words end in something that is no TLD at all; the suffix list answers
            // that without building a string.
            let mut lower = [0u8; 63];
            let Some(buf) = lower.get_mut(..tld_b.len()) else {
                return;
            };
            buf.copy_from_slice(tld_b);
            buf.make_ascii_lowercase();
            if !psl::suffix(buf).is_some_and(|s| s.is_known()) {
                return;
            }
        }
        let name = self.host_string(host);
        if let Ok(domain) = RegistrableDomain::from_host(&name) {
            let unicode = domain.unicode();
            self.push(
                IndicatorKind::Domain,
                domain.as_str().to_string(),
                host.start,
                host.end,
                unicode,
            );
        }
    }

    /// End of the run of label characters and dots starting at `i`.
    fn skip_dotted_run(&self, i: usize) -> usize {
        let b = self.b;
        let mut p = i;
        while p < b.len()
            && (b[p] >= 0x80 || b[p].is_ascii_alphanumeric() || matches!(b[p], b'.' | b'-' | b'_'))
        {
            p += 1;
        }
        // Stay on a character boundary.
        while p < b.len() && !self.text.is_char_boundary(p) {
            p += 1;
        }
        p
    }
}

/// The Unicode form of an ASCII host name that has punycode labels; `None` for plain ASCII names
/// and for punycode that does not decode.
pub(super) fn unicode_host(ascii: &str) -> Option<String> {
    if !ascii.split('.').any(|l| l.starts_with("xn--")) {
        return None;
    }
    let (unicode, result) = idna::domain_to_unicode(ascii);
    result.ok().map(|()| unicode)
}
