//! Brand lookalike verdicts: is a host, URL, email address or phone number a protected brand's
//! own, an imitation of it, or unrelated?
//!
//! A [`BrandSet`] is built once from the protected brands and answers many questions. It
//! recognises typosquats (`amzaon.com`), homoglyphs and confusable scripts (`аmazon.com`,
//! `xn--mazon-3ve.com`, `rnicrosoft.com`, `paypa1.com`), the brand name under another TLD
//! (`amazon.cm`) or with a TLD written into it (`amazon-com.net`), combosquats
//! (`amazon-refund-help.com`, `paypallogin.net`) and the brand as a subdomain of someone else's
//! domain (`amazon.com.account-verify.io`). False alarms cost as much as misses: short names match
//! no typos, and a brand name glued to a word that is not a known phishing or shop word
//! (`amazonia`, `pineapple`) is no match.
//!
//! Cost: everything that depends only on the brands (canonical labels, an Aho-Corasick automaton,
//! a length-indexed table of typo candidates) is built in [`BrandSet::new`]; a plain ASCII host
//! that resembles nothing is checked without heap allocation except for the verdict's reason.

mod analyse;
mod canon;
mod refang;
mod typo;
mod words;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use smallvec::SmallVec;

use crate::domain::{AsciiHost, DomainError, MAX_HOST_LEN, RegistrableDomain};
use crate::phone::{PhoneE164, PhoneError};

use analyse::HostView;
use canon::CanonBuf;
use words::Lexicon;

/// Longest URL [`BrandSet::check_url`] reads; longer ones are not worth the work of parsing.
pub const MAX_URL_LEN: usize = 16 * 1024;

/// A protected brand: its name, the domains it owns and the phone numbers it answers.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct Brand {
    pub name: String,
    /// Official domains (any host under them is official too): `amazon.com`, `amazon.co.uk`.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Official phone numbers in international form: `+44 20 7946 0958`.
    #[serde(default)]
    pub phones: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The brand's own domain, a host under it, or one of its phone numbers.
    Official,
    /// Made to be mistaken for the brand.
    Lookalike,
    /// No resemblance to a protected brand.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BrandVerdict {
    pub verdict: Verdict,
    /// The brand's name, for official and lookalike verdicts.
    pub brand: Option<String>,
    /// 0.0..=1.0: confidence that it impersonates the brand (1.0 for official).
    pub score: f32,
    /// Plain language, naming the brand's domain and the technique:
    /// "typosquat of amazon.com: letters az swapped (amzaon)".
    pub reason: String,
}

impl BrandVerdict {
    fn unknown(reason: impl Into<String>) -> Self {
        BrandVerdict {
            verdict: Verdict::Unknown,
            brand: None,
            score: 0.0,
            reason: reason.into(),
        }
    }

    fn official(brand: &str, reason: String) -> Self {
        BrandVerdict {
            verdict: Verdict::Official,
            brand: Some(brand.to_string()),
            score: 1.0,
            reason,
        }
    }
}

const NO_RESEMBLANCE: &str = "no resemblance to a protected brand";

/// What is wrong with which entry of a brand list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrandError {
    #[error("brand #{index} has an empty name")]
    EmptyName { index: usize },
    #[error("brand {brand:?}: official domain {domain:?} is not a usable domain: {source}")]
    Domain {
        brand: String,
        domain: String,
        source: DomainError,
    },
    #[error(
        "brand {brand:?}: official domain {domain:?} has characters a host name cannot have \
         (letters, digits, '-', '_' and '.' only, or Unicode letters for an IDN)"
    )]
    DomainCharacters { brand: String, domain: String },
    #[error(
        "brand {brand:?}: phone {phone:?} is not a valid number in international form \
         (+ and country code): {source}"
    )]
    Phone {
        brand: String,
        phone: String,
        source: PhoneError,
    },
    #[error("official domain {domain:?} is listed for both {first:?} and {second:?}")]
    DuplicateDomain {
        domain: String,
        first: String,
        second: String,
    },
    #[error("phone {phone:?} is listed for both {first:?} and {second:?}")]
    DuplicatePhone {
        phone: String,
        first: String,
        second: String,
    },
    #[error("the brand names are too many to index: {0}")]
    TooMany(String),
}

/// An official domain: it and every host under it belong to the brand.
struct Official {
    /// Lower case ASCII, IDNs in punycode.
    host: String,
    /// Its registrable domain (`amazon.com` for `smile.amazon.com`).
    registrable: String,
    brand: usize,
}

/// A brand's name as it appears in its domains (`amazon` for `amazon.co.uk`).
struct BrandLabel {
    /// As a person writes it: `amazon`, or the Unicode form of an IDN label.
    display: String,
    brand: usize,
    /// The registrable domain the label comes from, named in reasons.
    domain: String,
}

/// A canonical spelling that a host label is compared with: a brand label, or a variant of it
/// with look-alike letter pairs (`arnazon`), which only ever matches as a homoglyph.
struct Pattern {
    canon: Box<[u8]>,
    label: usize,
    variant: bool,
    mask: u64,
}

/// The protected brands, indexed for fast verdicts. Build once, share between threads.
pub struct BrandSet {
    names: Vec<String>,
    officials: Vec<Official>,
    phones: HashMap<String, usize>,
    labels: Vec<BrandLabel>,
    patterns: Vec<Pattern>,
    /// For a canonical label length, the patterns it can equal or be a typo of.
    by_len: Vec<SmallVec<[u16; 4]>>,
    /// Over the patterns; pattern ids are indices into `patterns`.
    automaton: Option<AhoCorasick>,
    lexicon: Lexicon,
}

impl BrandSet {
    /// Validates every official domain and phone number and indexes the brands. Fails on the
    /// first wrong entry, naming the brand and the entry.
    pub fn new(brands: &[Brand]) -> Result<BrandSet, BrandError> {
        let mut names = Vec::with_capacity(brands.len());
        let mut officials: Vec<Official> = Vec::new();
        let mut phones: HashMap<String, usize> = HashMap::new();
        let mut labels: Vec<BrandLabel> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();

        for (index, b) in brands.iter().enumerate() {
            let name = b.name.trim();
            if name.is_empty() {
                return Err(BrandError::EmptyName { index });
            }
            names.push(name.to_string());

            for raw in &b.domains {
                let (host, reg) = parse_official(name, raw)?;
                if let Some(o) = officials.iter().find(|o| o.host == host) {
                    if o.brand == index {
                        continue;
                    }
                    return Err(BrandError::DuplicateDomain {
                        domain: host,
                        first: names[o.brand].clone(),
                        second: name.to_string(),
                    });
                }
                officials.push(Official {
                    host,
                    registrable: reg.as_str().to_string(),
                    brand: index,
                });

                let (canon, display) = label_of(&reg).ok_or_else(|| BrandError::Domain {
                    brand: name.to_string(),
                    domain: raw.clone(),
                    source: DomainError::Idna(String::from("broken punycode label")),
                })?;
                // Two domains with the same name (`amazon.com`, `amazon.de`) are one label; the
                // first domain listed is the one reasons name.
                if !patterns.iter().any(|p| p.canon == canon && !p.variant) {
                    let label = labels.len();
                    labels.push(BrandLabel {
                        display,
                        brand: index,
                        domain: reg.unicode().unwrap_or_else(|| reg.as_str().to_string()),
                    });
                    for v in canon::pair_variants(&canon) {
                        patterns.push(Pattern {
                            mask: canon::char_mask(&v),
                            canon: v.into_boxed_slice(),
                            label,
                            variant: true,
                        });
                    }
                    patterns.push(Pattern {
                        mask: canon::char_mask(&canon),
                        canon,
                        label,
                        variant: false,
                    });
                }
            }

            for raw in &b.phones {
                let phone = PhoneE164::parse(raw, None).map_err(|source| BrandError::Phone {
                    brand: name.to_string(),
                    phone: raw.clone(),
                    source,
                })?;
                match phones.get(phone.as_str()) {
                    Some(&first) if first != index => {
                        return Err(BrandError::DuplicatePhone {
                            phone: phone.as_str().to_string(),
                            first: names[first].clone(),
                            second: name.to_string(),
                        });
                    }
                    _ => {
                        phones.insert(phone.as_str().to_string(), index);
                    }
                }
            }
        }

        if patterns.len() > usize::from(u16::MAX) {
            return Err(BrandError::TooMany(format!(
                "{} names and spellings, at most {}",
                patterns.len(),
                u16::MAX
            )));
        }
        let mut by_len: Vec<SmallVec<[u16; 4]>> = vec![SmallVec::new(); analyse::MAX_MATCH_LEN + 1];
        for (i, p) in patterns.iter().enumerate() {
            let n = p.canon.len();
            // Variants only ever match exactly; typos are measured from the name itself.
            let d = if p.variant { 0 } else { typo::max_distance(n) };
            for len in n.saturating_sub(d)..=n + d {
                if let (Some(slot), Ok(i)) = (by_len.get_mut(len), u16::try_from(i)) {
                    slot.push(i);
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(patterns.iter().map(|p| &p.canon[..]))
                    .map_err(|e| BrandError::TooMany(e.to_string()))?,
            )
        };

        Ok(BrandSet {
            names,
            officials,
            phones,
            labels,
            patterns,
            by_len,
            automaton,
            lexicon: Lexicon::new(),
        })
    }

    /// True when no brand has an official domain or phone: every verdict would be unknown.
    pub fn is_empty(&self) -> bool {
        self.officials.is_empty() && self.phones.is_empty()
    }

    /// The verdict for a host or domain name: Unicode or punycode, any case, trailing dot and
    /// port allowed.
    pub fn check_host(&self, host: &str) -> BrandVerdict {
        let host = strip_host(host);
        if host.is_empty() {
            return BrandVerdict::unknown("empty host name");
        }
        if host.is_ascii() {
            if host.len() > MAX_HOST_LEN {
                return BrandVerdict::unknown(TOO_LONG);
            }
            let mut buf = [0u8; MAX_HOST_LEN];
            let lower = &mut buf[..host.len()];
            lower.copy_from_slice(host.as_bytes());
            lower.make_ascii_lowercase();
            match std::str::from_utf8(lower) {
                Ok(lower) => self.check_ascii(lower),
                Err(_) => BrandVerdict::unknown(NOT_A_HOST),
            }
        } else {
            // UTF-8 takes at most 4 bytes a character; anything longer cannot fit in 253 ASCII
            // characters after IDNA and is not worth converting.
            if host.len() > MAX_HOST_LEN * 4 {
                return BrandVerdict::unknown(TOO_LONG);
            }
            match idna::domain_to_ascii(host) {
                Ok(ascii) if ascii.len() > MAX_HOST_LEN => BrandVerdict::unknown(TOO_LONG),
                Ok(ascii) => self.check_ascii(&ascii),
                Err(_) => BrandVerdict::unknown(BAD_IDN),
            }
        }
    }

    /// The verdict for the host of a URL, defanged or not (`hxxps://amazon-login[.]com/x`). A
    /// URL whose user part names a brand but whose host is elsewhere
    /// (`https://amazon.com@evil.net/`) is a lookalike too.
    pub fn check_url(&self, url: &str) -> BrandVerdict {
        let url = url.trim();
        if url.len() > MAX_URL_LEN {
            return BrandVerdict::unknown(format!("URL is longer than {MAX_URL_LEN} bytes"));
        }
        let text = refang::refang(url);
        if let Some(address) = text
            .get(..7)
            .filter(|s| s.eq_ignore_ascii_case("mailto:"))
            .and_then(|_| text.get(7..))
        {
            return self.check_email(address);
        }
        let parsed = if text.contains("://") {
            url::Url::parse(&text)
        } else {
            url::Url::parse(&format!("http://{text}"))
        };
        let parsed = match parsed {
            Ok(p) => p,
            Err(e) => return BrandVerdict::unknown(format!("not a URL: {e}")),
        };
        let host = match parsed.host() {
            Some(url::Host::Domain(d)) => d,
            Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => {
                return BrandVerdict::unknown("the URL points to an IP address, not a domain name");
            }
            None => return BrandVerdict::unknown("the URL has no host"),
        };
        let verdict = self.check_host(host);
        if verdict.verdict != Verdict::Unknown || parsed.username().is_empty() {
            return verdict;
        }
        // `https://amazon.com@evil.net/` opens evil.net; a reader sees amazon.com first.
        let user = self.check_host(parsed.username());
        if user.verdict == Verdict::Unknown {
            return verdict;
        }
        BrandVerdict {
            verdict: Verdict::Lookalike,
            brand: user.brand,
            score: USERINFO_TRICK,
            reason: format!(
                "URL starts with {} but leads to {host} ({})",
                parsed.username(),
                user.reason
            ),
        }
    }

    /// A phone number is official if it is one of a brand's numbers; anything else is unknown
    /// (a number does not look like another).
    pub fn check_phone(&self, e164: &str) -> BrandVerdict {
        let phone = match PhoneE164::parse(e164, None) {
            Ok(p) => p,
            Err(e) => {
                return BrandVerdict::unknown(format!(
                    "not a phone number in international form: {e}"
                ));
            }
        };
        match self
            .phones
            .get(phone.as_str())
            .and_then(|&b| self.names.get(b))
        {
            Some(name) => {
                BrandVerdict::official(name, format!("official phone number of {name}: {phone}"))
            }
            None => BrandVerdict::unknown("not a phone number of a protected brand"),
        }
    }

    /// The verdict of an email address's domain. A display name around it
    /// (`Amazon <no-reply@amazon.com>`) is fine.
    pub fn check_email(&self, email: &str) -> BrandVerdict {
        let email = email.trim();
        let email = match email.rsplit_once('<') {
            Some((_, inner)) => inner.strip_suffix('>').unwrap_or(inner).trim(),
            None => email,
        };
        match email.rsplit_once('@') {
            Some((local, domain)) if !local.is_empty() => self.check_host(domain),
            _ => BrandVerdict::unknown("not an email address"),
        }
    }

    /// `host` is lower case ASCII of at most [`MAX_HOST_LEN`] bytes.
    fn check_ascii(&self, host: &str) -> BrandVerdict {
        if let Err(why) = validate_ascii_host(host) {
            return BrandVerdict::unknown(why);
        }
        // An `xn--` label must decode to a valid IDN (`xn--zz` does not): browsers refuse such
        // names, so nobody can be sent there. Only hosts with punycode pay for the check.
        if memchr::memmem::find(host.as_bytes(), b"xn--").is_some()
            && idna::domain_to_ascii(host).is_err()
        {
            return BrandVerdict::unknown(BAD_IDN);
        }
        let Some(domain) = psl::domain(host.as_bytes()).filter(|d| d.suffix().is_known()) else {
            if host
                .split('.')
                .all(|l| l.bytes().all(|b| b.is_ascii_digit()))
            {
                return BrandVerdict::unknown("an IP address, not a domain name");
            }
            return BrandVerdict::unknown("no registrable domain under a known public suffix");
        };
        let (reg_len, suffix_len) = (domain.as_bytes().len(), domain.suffix().as_bytes().len());
        let (Some(registrable), Some(before_suffix)) = (
            host.get(host.len().saturating_sub(reg_len)..),
            host.len()
                .checked_sub(suffix_len + 1)
                .and_then(|end| host.get(..end)),
        ) else {
            return BrandVerdict::unknown(NOT_A_HOST);
        };
        if let Some(v) = self.official(host, registrable) {
            return v;
        }
        let view = HostView::new(host, before_suffix, registrable);
        analyse::analyse(self, &view).unwrap_or_else(|| BrandVerdict::unknown(NO_RESEMBLANCE))
    }

    /// The official domain `host` is, or is under. Compares registrable domains first (a length
    /// check, mostly), so twenty official domains cost little for a host that is none of them.
    fn official(&self, host: &str, registrable: &str) -> Option<BrandVerdict> {
        let o = self.officials.iter().find(|o| {
            o.registrable == registrable
                && host.ends_with(o.host.as_str())
                && (host.len() == o.host.len()
                    || host.as_bytes().get(host.len() - o.host.len() - 1) == Some(&b'.'))
        })?;
        let name = self.names.get(o.brand)?;
        let reason = if host.len() == o.host.len() {
            format!("official domain of {name}")
        } else {
            format!("subdomain of {}, an official domain of {name}", o.host)
        };
        Some(BrandVerdict::official(name, reason))
    }
}

const TOO_LONG: &str = "host name is longer than 253 characters";
const NOT_A_HOST: &str = "not a host name";
const BAD_IDN: &str = "not a valid internationalised host name";
/// A URL whose user part names the brand: built to be misread, but the host itself is not the
/// imitation, so a little below a homoglyph.
const USERINFO_TRICK: f32 = 0.9;

/// Drops surrounding whitespace, one trailing dot and a `:port`.
fn strip_host(host: &str) -> &str {
    let host = host.trim();
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    host.strip_suffix('.').unwrap_or(host)
}

/// Letters, digits, `-`, `_` and `.`; no empty or over-long label.
fn validate_ascii_host(host: &str) -> Result<(), &'static str> {
    let mut label_len = 0usize;
    for b in host.bytes() {
        match b {
            b'.' => {
                if label_len == 0 {
                    return Err("host name has an empty label");
                }
                label_len = 0;
            }
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => {
                label_len += 1;
                if label_len > 63 {
                    return Err("host name has a label longer than 63 characters");
                }
            }
            _ => return Err(NOT_A_HOST),
        }
    }
    if label_len == 0 {
        return Err("host name has an empty label");
    }
    Ok(())
}

/// Normalises and checks one official domain: its ASCII host and its registrable domain.
fn parse_official(brand: &str, raw: &str) -> Result<(String, RegistrableDomain), BrandError> {
    let wrong = |source| BrandError::Domain {
        brand: brand.to_string(),
        domain: raw.to_string(),
        source,
    };
    let ascii = AsciiHost::parse(raw).map_err(wrong)?;
    if validate_ascii_host(ascii.as_str()).is_err() {
        return Err(BrandError::DomainCharacters {
            brand: brand.to_string(),
            domain: raw.to_string(),
        });
    }
    let reg = RegistrableDomain::from_ascii_host(&ascii).map_err(wrong)?;
    Ok((ascii.as_str().to_string(), reg))
}

/// The canonical form and display form of a registrable domain's label; `None` for a broken
/// punycode label.
fn label_of(reg: &RegistrableDomain) -> Option<(Box<[u8]>, String)> {
    let label = reg.label();
    let mut canon = CanonBuf::new();
    let display = match label.strip_prefix("xn--") {
        Some(puny) => {
            let u = idna::punycode::decode_to_string(puny).filter(|u| !u.is_empty())?;
            canon::push_unicode(&u, &mut canon);
            u
        }
        None => {
            canon::push_ascii(label.as_bytes(), &mut canon);
            label.to_string()
        }
    };
    (!canon.is_empty()).then(|| (Box::from(&canon[..]), display))
}
