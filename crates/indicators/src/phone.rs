//! Phone numbers in E.164, parsed once from what a person typed or a scammer wrote.

use std::fmt;
use std::str::FromStr;

use phonenumber::country;

/// The longest run of characters we hand to the phone parser: a real number written with spaces,
/// dashes, dots, brackets and an extension fits easily; anything longer is not a phone number and
/// would only cost time.
pub const MAX_PHONE_INPUT: usize = 40;

/// A valid phone number in E.164 form (`+` and up to 15 digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct PhoneE164(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is longer than {MAX_PHONE_INPUT} characters")]
    TooLong,
    #[error("unknown region {0:?}: expected an ISO 3166 alpha-2 code such as GB")]
    UnknownRegion(String),
    #[error("not a phone number: {0}")]
    Unparseable(String),
    #[error("not a valid phone number for its country")]
    Invalid,
}

impl PhoneE164 {
    /// Parses `raw` in international form (`+44 20 7946 0958`, `0044 …`) or, with a `region` hint
    /// (ISO 3166 alpha-2), in that country's national form (`020 7946 0958`).
    pub fn parse(raw: &str, region: Option<&str>) -> Result<Self, PhoneError> {
        size_regex_cache();
        let raw = raw.trim();
        if raw.len() > MAX_PHONE_INPUT {
            return Err(PhoneError::TooLong);
        }
        let region = match region {
            Some(r) => Some(parse_region(r)?),
            None => None,
        };
        let number =
            phonenumber::parse(region, raw).map_err(|e| PhoneError::Unparseable(e.to_string()))?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid);
        }
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        Ok(PhoneE164(e164))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO 3166 alpha-2 country the number belongs to, when the numbering plan tells.
    pub fn country(&self) -> Option<String> {
        let number = phonenumber::parse(None, &self.0).ok()?;
        number.country().id().map(|id| id.as_ref().to_string())
    }
}

/// Room for the regular expressions of every numbering plan (about 1,600 patterns).
///
/// The parser keeps them in one process-wide LRU cache of 100 entries. The plans of half a dozen
/// countries fill it, and a stream of numbers from more countries than that (any real stream of
/// scam reports) recompiles patterns on nearly every parse: about 1 ms a number instead of 5 µs.
/// With room for all of them nothing is ever evicted; the memory this takes is bounded by the
/// metadata (about 170 MB once numbers from every country have been seen, far less in practice).
pub const REGEX_CACHE_CAPACITY: usize = 2048;

/// Sizes the parser's regex cache once per process. The cache is the parser's own global state;
/// this only changes how much of it is kept.
fn size_regex_cache() {
    static SIZED: std::sync::Once = std::sync::Once::new();
    SIZED.call_once(|| {
        if let Ok(mut cache) = phonenumber::metadata::DATABASE.cache().lock()
            && cache.capacity() < REGEX_CACHE_CAPACITY
        {
            cache.set_capacity(REGEX_CACHE_CAPACITY);
        }
    });
}

/// Turns an ISO 3166 alpha-2 code (any case) into the parser's region id.
pub fn parse_region(region: &str) -> Result<country::Id, PhoneError> {
    let upper = region.trim().to_ascii_uppercase();
    country::Id::from_str(&upper).map_err(|_| PhoneError::UnknownRegion(region.to_string()))
}

impl fmt::Display for PhoneE164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for PhoneE164 {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, region: Option<&str>, expected: Option<&str>) {
        let got = PhoneE164::parse(raw, region).ok();
        assert_eq!(
            got.as_ref().map(PhoneE164::as_str),
            expected,
            "{raw:?} in {region:?}"
        );
    }

    #[test]
    fn parses_international_and_national_forms() {
        check("+44 20 7946 0958", None, Some("+442079460958"));
        check("020 7946 0958", Some("GB"), Some("+442079460958"));
        check("020 7946 0958", Some("gb"), Some("+442079460958"));
        check("(202) 555-0143", Some("US"), Some("+12025550143"));
        check("+1 (415) 555-2671", None, Some("+14155552671"));
        check("06 12 34 56 78", Some("FR"), Some("+33612345678"));
        check("+49 30 901820", None, Some("+4930901820"));
        check("020 7946 0958", None, None);
        check("12", Some("GB"), None);
        check(&"9".repeat(200), Some("GB"), None);
        check("+44 20 7946 0958", Some("XX"), None);
    }

    #[test]
    fn keeps_every_numbering_plan_compiled() {
        let _ = PhoneE164::parse("+44 20 7946 0958", None);
        let capacity = phonenumber::metadata::DATABASE
            .cache()
            .lock()
            .map(|c| c.capacity())
            .unwrap_or(0);
        assert!(capacity >= REGEX_CACHE_CAPACITY, "{capacity}");
    }

    #[test]
    fn tells_the_country() {
        let p = PhoneE164::parse("+33 6 12 34 56 78", None).unwrap();
        assert_eq!(p.country().as_deref(), Some("FR"));
    }
}
