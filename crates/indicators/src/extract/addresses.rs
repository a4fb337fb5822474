//! Addresses that stand as one token: IPv6 (`2001:db8::1`, `::ffff:192.0.2.1`), Bitcoin and
//! Ethereum. (IPv4 addresses are dotted words and are recognised with host names.)

use std::net::Ipv6Addr;

use super::{IndicatorKind, Scanner};
use crate::crypto::{btc_address, eth_address};

/// The longest IPv6 text: eight groups of four, or six and a dotted quad.
const MAX_IPV6_TEXT: usize = 45;

impl Scanner<'_> {
    /// An IPv6 address starting at `s`. `None` when there is none, so that the word at `s` is
    /// looked at otherwise (`12:30` is a time).
    pub(super) fn ipv6(&mut self, s: usize) -> Option<usize> {
        let b = self.b;
        if s > 0
            && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b':' | b'.' | b'_' | b'-'))
        {
            return None;
        }
        let mut p = s;
        while p < b.len() && (b[p].is_ascii_hexdigit() || matches!(b[p], b':' | b'.')) {
            p += 1;
        }
        let run_end = p;
        if run_end - s > MAX_IPV6_TEXT + 2 {
            // `::::::…` or a long hex dump: nothing to find inside, skip it whole.
            return Some(run_end);
        }
        if b.get(p)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            return None;
        }
        // A full stop or a colon right after an address belongs to the sentence.
        if p > s && b[p - 1] == b'.' {
            p -= 1;
        }
        if p > s + 1 && b[p - 1] == b':' && b[p - 2] != b':' {
            p -= 1;
        }
        let text = self.text.get(s..p)?;
        let colons = text.bytes().filter(|&c| c == b':').count();
        if colons < 2 || !text.bytes().any(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let addr: Ipv6Addr = text.parse().ok()?;
        self.push(IndicatorKind::Ipv6, addr.to_string(), s, p, None);
        Some(run_end)
    }

    /// A Bitcoin address as the whole word `[s, e)`. Returns whether one was found.
    pub(super) fn btc(&mut self, s: usize, e: usize) -> bool {
        let Some(value) = self.text.get(s..e).and_then(btc_address) else {
            return false;
        };
        self.push(IndicatorKind::Btc, value, s, e, None);
        true
    }

    /// An Ethereum address as the whole word `[s, e)`.
    pub(super) fn eth(&mut self, s: usize, e: usize) {
        if let Some(value) = self.text.get(s..e).and_then(eth_address) {
            self.push(IndicatorKind::Eth, value, s, e, None);
        }
    }
}
