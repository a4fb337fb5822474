//! URLs: `http`, `https`, `ftp` and scheme-less `www.` ones, plain or defanged
//! (`hxxps[:]//evil[.]example(.)com/path`).
//!
//! The value is built here rather than by a URL library, because the path and query must stay as
//! written (a library would re-encode them) while the scheme and host are normalised.

use std::fmt::Write as _;
use std::net::Ipv6Addr;

use super::classes::{CLASS, PATH, is_label_char, is_spaceless};
use super::hosts::{HostScan, unicode_host};
use super::{IndicatorKind, MAX_URL_LEN, Scanner};
use crate::defang::{colon_len, refang, refang_cow, scheme, scheme_separator_len};
use crate::domain::{AsciiHost, RegistrableDomain};

/// Userinfo longer than this is not looked for (it is where `paypal.com@evil.com` tricks live).
const MAX_USERINFO: usize = 256;

enum Host {
    Name {
        scan: HostScan,
        ascii: AsciiHost,
    },
    V4 {
        scan: HostScan,
        addr: std::net::Ipv4Addr,
    },
    V6 {
        start: usize,
        end: usize,
        addr: Ipv6Addr,
    },
}

impl Scanner<'_> {
    /// A URL whose scheme is the word `[s, e)` (`https`, `hxxps`, any case), when a scheme
    /// separator (`://`, `[:]//`, `[://]`) follows.
    pub(super) fn url_with_scheme(&mut self, s: usize, e: usize) -> Option<usize> {
        let scheme = scheme(self.text.get(s..e)?)?;
        let sep = scheme_separator_len(self.b, e)?;
        self.url(s, scheme, e + sep, false)
    }

    /// A URL written without a scheme, starting with `www.` at `s`.
    pub(super) fn url_without_scheme(&mut self, s: usize) -> Option<usize> {
        if !self.left_is_boundary(s) {
            return None;
        }
        self.url(s, "http", s, true)
    }

    fn url(
        &mut self,
        start: usize,
        scheme: &'static str,
        authority: usize,
        www: bool,
    ) -> Option<usize> {
        let b = self.b;
        let (userinfo, host_start) = if www {
            (None, authority)
        } else {
            self.userinfo(authority)
        };
        let host = if b.get(host_start) == Some(&b'[') {
            self.ipv6_literal(host_start)?
        } else {
            let scan = self.scan_host(host_start, true)?;
            if scan.numeric {
                Host::V4 {
                    addr: self.ipv4(&scan)?,
                    scan,
                }
            } else {
                // A host ending in a number is an IPv4 address or nothing (WHATWG URL).
                if b[scan.last_start].is_ascii_digit()
                    && b[scan.last_start..scan.end].iter().all(u8::is_ascii_digit)
                {
                    return None;
                }
                let ascii = AsciiHost::parse(&self.host_string(&scan)).ok()?;
                if www && (scan.labels < 3 || RegistrableDomain::from_ascii_host(&ascii).is_err()) {
                    return None;
                }
                Host::Name { scan, ascii }
            }
        };
        let host_end = match &host {
            Host::Name { scan, .. } | Host::V4 { scan, .. } => scan.end,
            Host::V6 { end, .. } => end + 1,
        };

        // Port: only when it is a valid one; otherwise the URL ends at the host.
        let mut p = host_end;
        let mut port = None;
        if let Some(c) = colon_len(b, p) {
            let digits = b[p + c..]
                .iter()
                .take(6)
                .take_while(|d| d.is_ascii_digit())
                .count();
            let after = b.get(p + c + digits);
            if (1..=5).contains(&digits) && !after.is_some_and(u8::is_ascii_alphanumeric) {
                let n: u32 = self.text.get(p + c..p + c + digits)?.parse().ok()?;
                if n <= 65_535 {
                    port = Some(n);
                    p += c + digits;
                }
            }
        }

        let path_start = p;
        let (run_end, mut end) = if matches!(b.get(p), Some(b'/' | b'?' | b'#')) {
            self.url_path(p)
        } else {
            (p, p)
        };
        if end - start > MAX_URL_LEN {
            end = (start + MAX_URL_LEN).max(path_start);
            while !self.text.is_char_boundary(end) {
                end -= 1;
            }
        }

        let path = refang_cow(self.text.get(path_start..end)?);
        let default_port = match scheme {
            "http" => 80,
            "https" => 443,
            _ => 21,
        };
        let build = |host: &str| {
            let mut v = String::with_capacity(scheme.len() + host.len() + path.len() + 16);
            v.push_str(scheme);
            v.push_str("://");
            if let Some(userinfo) = &userinfo {
                v.push_str(userinfo);
                v.push('@');
            }
            v.push_str(host);
            if let Some(port) = port.filter(|&n| n != default_port) {
                let _ = write!(v, ":{port}");
            }
            if !path.starts_with('/') {
                v.push('/');
            }
            v.push_str(&path);
            v
        };

        match host {
            Host::Name { scan, ascii } => {
                let unicode = unicode_host(ascii.as_str()).map(|u| build(&u));
                self.push(
                    IndicatorKind::Url,
                    build(ascii.as_str()),
                    start,
                    end,
                    unicode,
                );
                if let Ok(domain) = RegistrableDomain::from_ascii_host(&ascii) {
                    let unicode = domain.unicode();
                    self.push(
                        IndicatorKind::Domain,
                        domain.as_str().to_string(),
                        scan.start,
                        scan.end,
                        unicode,
                    );
                }
            }
            Host::V4 { scan, addr } => {
                self.push(
                    IndicatorKind::Url,
                    build(&addr.to_string()),
                    start,
                    end,
                    None,
                );
                self.push(
                    IndicatorKind::Ipv4,
                    addr.to_string(),
                    scan.start,
                    scan.end,
                    None,
                );
            }
            Host::V6 {
                start: s,
                end: e,
                addr,
            } => {
                self.push(
                    IndicatorKind::Url,
                    build(&format!("[{addr}]")),
                    start,
                    end,
                    None,
                );
                self.push(IndicatorKind::Ipv6, addr.to_string(), s, e, None);
            }
        }
        Some(run_end)
    }

    /// The userinfo before an `@` in the authority starting at `a` (refanged), and where the host
    /// starts.
    fn userinfo(&self, a: usize) -> (Option<String>, usize) {
        let b = self.b;
        let mut last_at = None;
        for (i, &c) in b.iter().enumerate().skip(a).take(MAX_USERINFO) {
            if c == b'@' {
                last_at = Some(i);
            } else if c.is_ascii_whitespace()
                || matches!(c, b'/' | b'?' | b'#' | b'"' | b'<' | b'>')
            {
                break;
            }
        }
        match last_at {
            Some(at) if at > a => match self.text.get(a..at) {
                Some(userinfo) => (Some(refang(userinfo)), at + 1),
                None => (None, a),
            },
            _ => (None, a),
        }
    }

    /// `[2001:db8::1]` at `i`.
    fn ipv6_literal(&self, i: usize) -> Option<Host> {
        let b = self.b;
        let inner_start = i + 1;
        let len = b
            .get(inner_start..)?
            .iter()
            .take(48)
            .position(|&c| c == b']')?;
        let addr = self
            .text
            .get(inner_start..inner_start + len)?
            .parse()
            .ok()?;
        Some(Host::V6 {
            start: inner_start,
            end: inner_start + len,
            addr,
        })
    }

    /// Path, query and fragment starting at `p`: returns the end of the run of URL characters and
    /// the end of the URL once trailing punctuation and unbalanced closing brackets or quotes
    /// (which belong to the sentence around it) are trimmed.
    fn url_path(&self, p: usize) -> (usize, usize) {
        let b = self.b;
        let mut q = p;
        // Brackets and quotes seen, so that trimming is one step per character: no quadratic
        // re-counting on `https://x.com/))))…`.
        let (mut open, mut close) = ([0usize; 3], [0usize; 3]);
        let mut quotes = 0usize;
        while let Some(&c) = b.get(q) {
            if c < 0x80 {
                if CLASS[usize::from(c)] & PATH == 0 {
                    break;
                }
                match c {
                    b'(' => open[0] += 1,
                    b'[' => open[1] += 1,
                    b'{' => open[2] += 1,
                    b')' => close[0] += 1,
                    b']' => close[1] += 1,
                    b'}' => close[2] += 1,
                    b'\'' => quotes += 1,
                    _ => {}
                }
                q += 1;
            } else {
                match self.char_at(q) {
                    Some(ch) if is_label_char(ch) && !is_spaceless(ch) => q += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        let run_end = q;
        let mut end = q;
        while end > p + 1 {
            let kind = match b[end - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' => None,
                b')' => Some(0),
                b']' => Some(1),
                b'}' => Some(2),
                b'\'' if quotes % 2 == 1 => {
                    quotes -= 1;
                    end -= 1;
                    continue;
                }
                _ => break,
            };
            if let Some(k) = kind {
                if close[k] <= open[k] {
                    break;
                }
                close[k] -= 1;
            }
            end -= 1;
        }
        (run_end, end)
    }
}
