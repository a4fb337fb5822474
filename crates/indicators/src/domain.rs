//! Registrable domains ("eTLD+1") by the public suffix list, in ASCII (punycode) and Unicode.

use std::fmt;

/// DNS limits: 253 characters for a name, 63 for a label.
pub const MAX_HOST_LEN: usize = 253;
const MAX_LABEL_LEN: usize = 63;

/// The part of a host name that a registrant controls: `example.co.uk` for `www.example.co.uk`.
/// Always lower case ASCII (IDNs in punycode); [`RegistrableDomain::unicode`] gives the form a
/// person reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct RegistrableDomain(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("host name is longer than {MAX_HOST_LEN} characters")]
    TooLong,
    #[error("host name is not valid IDNA: {0}")]
    Idna(String),
    #[error("host name has an empty or over-long label")]
    BadLabel,
    #[error("host name has no registrable domain under a known public suffix")]
    NoRegistrableDomain,
}

/// A host name normalised for comparison: lower case, IDNA to ASCII, no trailing dot.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AsciiHost(String);

impl AsciiHost {
    pub fn parse(host: &str) -> Result<Self, DomainError> {
        let host = host.trim().trim_end_matches('.');
        if host.len() > MAX_HOST_LEN * 4 {
            return Err(DomainError::TooLong);
        }
        let has_punycode = host
            .split('.')
            .any(|l| l.len() >= 4 && l.as_bytes()[..4].eq_ignore_ascii_case(b"xn--"));
        // Punycode labels must decode to valid IDNA (`xn--zz` does not): browsers refuse such
        // names, so they are not hosts anyone can be sent to.
        let ascii = if host.is_ascii() && !has_punycode {
            host.to_ascii_lowercase()
        } else {
            idna::domain_to_ascii(host).map_err(|e| DomainError::Idna(e.to_string()))?
        };
        if ascii.is_empty() || ascii.len() > MAX_HOST_LEN {
            return Err(DomainError::TooLong);
        }
        if ascii
            .split('.')
            .any(|l| l.is_empty() || l.len() > MAX_LABEL_LEN)
        {
            return Err(DomainError::BadLabel);
        }
        Ok(AsciiHost(ascii))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl RegistrableDomain {
    /// The registrable domain of `host` (Unicode or punycode, any case, trailing dot allowed).
    pub fn from_host(host: &str) -> Result<Self, DomainError> {
        let ascii = AsciiHost::parse(host)?;
        Self::from_ascii_host(&ascii)
    }

    pub fn from_ascii_host(host: &AsciiHost) -> Result<Self, DomainError> {
        let d = psl::domain(host.0.as_bytes()).ok_or(DomainError::NoRegistrableDomain)?;
        if !d.suffix().is_known() {
            return Err(DomainError::NoRegistrableDomain);
        }
        let s = std::str::from_utf8(d.as_bytes()).map_err(|_| DomainError::NoRegistrableDomain)?;
        Ok(RegistrableDomain(s.to_string()))
    }

    /// Lower case ASCII, punycode for IDNs.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Unicode form when the domain is an IDN; `None` when it is plain ASCII.
    pub fn unicode(&self) -> Option<String> {
        if !self.0.split('.').any(|l| l.starts_with("xn--")) {
            return None;
        }
        let (u, res) = idna::domain_to_unicode(&self.0);
        res.ok().map(|_| u)
    }

    /// The public suffix (`co.uk` for `example.co.uk`).
    pub fn suffix(&self) -> &str {
        psl::suffix_str(&self.0).unwrap_or("")
    }

    /// The label the registrant chose (`example` for `example.co.uk`).
    pub fn label(&self) -> &str {
        let suffix_len = self.suffix().len();
        let end = self.0.len().saturating_sub(suffix_len + 1);
        &self.0[..end]
    }
}

impl fmt::Display for RegistrableDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for RegistrableDomain {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(host: &str, expected: Option<&str>) {
        let got = RegistrableDomain::from_host(host).ok();
        assert_eq!(
            got.as_ref().map(RegistrableDomain::as_str),
            expected,
            "{host:?}"
        );
    }

    #[test]
    fn finds_registrable_domain() {
        check("www.example.com", Some("example.com"));
        check("WWW.Example.COM.", Some("example.com"));
        check("a.b.example.co.uk", Some("example.co.uk"));
        check("amazon.com.account-verify.io", Some("account-verify.io"));
        check("xn--mnchen-3ya.de", Some("xn--mnchen-3ya.de"));
        check("XN--MNCHEN-3YA.de", Some("xn--mnchen-3ya.de"));
        check("xn--zz.com", None);
        check("xn--.com", None);
        check("shop.xn--a.com", None);
        check("münchen.de", Some("xn--mnchen-3ya.de"));
        check("com", None);
        check("localhost", None);
        check("example.notarealtld", None);
        check("", None);
        check("a..b.com", None);
        check(&format!("{}.com", "a".repeat(64)), None);
    }

    #[test]
    fn gives_unicode_suffix_and_label() {
        let d = RegistrableDomain::from_host("shop.münchen.de").unwrap();
        assert_eq!(d.unicode().as_deref(), Some("münchen.de"));
        assert_eq!(d.suffix(), "de");
        assert_eq!(d.label(), "xn--mnchen-3ya");
        let d = RegistrableDomain::from_host("x.example.co.uk").unwrap();
        assert_eq!(d.unicode(), None);
        assert_eq!(d.label(), "example");
    }
}
