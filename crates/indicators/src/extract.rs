//! Finds every indicator in a text: where it stands (byte offsets), what it says, and its
//! normalised value.

use serde::Serialize;

/// What an indicator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Url,
    Domain,
    Email,
    Phone,
    Ipv4,
    Ipv6,
    Btc,
    Eth,
}

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 8] = [
        IndicatorKind::Url,
        IndicatorKind::Domain,
        IndicatorKind::Email,
        IndicatorKind::Phone,
        IndicatorKind::Ipv4,
        IndicatorKind::Ipv6,
        IndicatorKind::Btc,
        IndicatorKind::Eth,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorKind::Url => "url",
            IndicatorKind::Domain => "domain",
            IndicatorKind::Email => "email",
            IndicatorKind::Phone => "phone",
            IndicatorKind::Ipv4 => "ipv4",
            IndicatorKind::Ipv6 => "ipv6",
            IndicatorKind::Btc => "btc",
            IndicatorKind::Eth => "eth",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One indicator found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indicator {
    pub kind: IndicatorKind,
    /// Normalised: URLs refanged with lower-case scheme and host (punycode), domains as the
    /// registrable domain in punycode, emails lower case, phones in E.164, IPv6 compressed,
    /// Ethereum addresses lower case.
    pub value: String,
    /// The text as it stood in the input.
    pub raw: String,
    /// Byte offsets of `raw` in the input.
    pub start: usize,
    pub end: usize,
    /// For internationalised domains and URLs: the Unicode form a person reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
}

/// Hints and bounds for [`extract()`].
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// ISO 3166 alpha-2 region for phone numbers written in national form.
    pub region: Option<String>,
    /// At most this many indicators are returned; extraction stops there (bounded work).
    pub max_indicators: usize,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            region: None,
            max_indicators: 1_000,
        }
    }
}

/// Every indicator in `text`, in order of position.
pub fn extract(_text: &str, _opts: &ExtractOptions) -> Vec<Indicator> {
    Vec::new()
}
