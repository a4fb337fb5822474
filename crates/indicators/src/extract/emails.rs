//! E-mail addresses, also defanged (`bob[at]evil[.]com`, `bob(at)evil.com`, `bob[@]evil.com`).

use super::classes::{CLASS, LOCAL};
use super::hosts::unicode_host;
use super::{IndicatorKind, Scanner};
use crate::defang::{at_len, dot_len, refang};
use crate::domain::{AsciiHost, RegistrableDomain};

/// RFC 5321's limit for a local part.
const MAX_LOCAL: usize = 64;

impl Scanner<'_> {
    /// An e-mail address whose local part starts at `s`. Reports the address and, for its domain, a
    /// domain indicator. Returns where to resume, or `None` when there is no address here.
    pub(super) fn email(&mut self, s: usize) -> Option<usize> {
        let b = self.b;
        let mut p = s;
        while p - s <= MAX_LOCAL {
            match b.get(p) {
                Some(&c) if CLASS[usize::from(c)] & LOCAL != 0 => p += 1,
                Some(b'[' | b'(' | b'{') => match dot_len(b, p) {
                    Some(d) => p += d,
                    None => break,
                },
                _ => break,
            }
        }
        let at = at_len(b, p)?;
        let local = self.text.get(s..p)?;
        if local.is_empty() || p - s > MAX_LOCAL || local.starts_with('.') || local.ends_with('.') {
            return None;
        }
        let host = self.scan_host(p + at, true)?;
        if host.labels < 2 || host.numeric {
            return None;
        }
        let ascii = AsciiHost::parse(&self.host_string(&host)).ok()?;
        let domain = RegistrableDomain::from_ascii_host(&ascii).ok()?;
        let local = refang(local).to_ascii_lowercase();
        let unicode = unicode_host(ascii.as_str()).map(|u| format!("{local}@{u}"));
        let value = format!("{local}@{}", ascii.as_str());
        self.push(IndicatorKind::Email, value, s, host.end, unicode);
        let domain_unicode = domain.unicode();
        self.push(
            IndicatorKind::Domain,
            domain.as_str().to_string(),
            host.start,
            host.end,
            domain_unicode,
        );
        Some(host.end)
    }
}
