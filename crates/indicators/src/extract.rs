//! Finds every indicator in a text: where it stands (byte offsets), what it says, and its
//! normalised value.
//!
//! One forward pass over the bytes. Most bytes belong to ordinary words and cost one table lookup;
//! only a word followed by a trigger (`.`, `@`, `:`, a bracket) or a word that starts with a digit
//! gets a closer look, and the expensive parsers (phone numbering plans, IDNA, the public suffix
//! list, checksums) run only on candidates that passed cheap shape checks. Every scanner returns
//! where the main loop resumes, always past where it started, so the whole pass is linear in the
//! length of the text whatever an attacker writes.

mod addresses;
mod classes;
mod emails;
mod hosts;
mod phones;
mod urls;

use std::collections::HashMap;

use serde::Serialize;

use classes::{CLASS, FOLLOW, HIGH, PUNCT_START, WORD};

/// What an indicator is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
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

/// Longest URL reported: longer ones (padding that pushes the real host out of a preview, or
/// garbage) are reported cut at this many bytes, and the rest of the URL is skipped.
pub const MAX_URL_LEN: usize = 8192;

/// Every indicator in `text`, in order of position (ties: the longer first, then by kind).
///
/// At most `opts.max_indicators` are returned and the scan stops once that many are found; the
/// phone-number parser, the one expensive step, is asked at most `4 × max_indicators` times (at
/// least 64). URLs longer than [`MAX_URL_LEN`] bytes are reported cut at that length. Never panics;
/// the work is linear in `text.len()`.
pub fn extract(text: &str, opts: &ExtractOptions) -> Vec<Indicator> {
    if opts.max_indicators == 0 {
        return Vec::new();
    }
    let mut scanner = Scanner {
        text,
        b: text.as_bytes(),
        region: opts.region.as_deref(),
        max: opts.max_indicators,
        phone_budget: opts.max_indicators.saturating_mul(4).max(64),
        phone_memo: HashMap::new(),
        out: Vec::new(),
    };
    scanner.run();
    let mut out = scanner.out;
    out.sort_by_key(|i| (i.start, std::cmp::Reverse(i.end), i.kind));
    out.dedup_by(|a, b| (a.kind, a.start, a.end) == (b.kind, b.start, b.end));
    out.truncate(opts.max_indicators);
    out
}

/// [`extract()`] for raw bytes that may not be UTF-8 (a mail body in an unknown charset, a pasted
/// binary). Invalid sequences become U+FFFD first, so `start`, `end` and `raw` refer to that lossy
/// UTF-8 text, not to `bytes`; they match `bytes` exactly when `bytes` is valid UTF-8.
pub fn extract_bytes(bytes: &[u8], opts: &ExtractOptions) -> Vec<Indicator> {
    extract(&String::from_utf8_lossy(bytes), opts)
}

/// State of one pass over one text. The scanners for each kind of indicator live in the
/// submodules as further `impl` blocks.
struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    /// The region hint for national phone numbers. An unknown one makes the phone parser refuse
    /// national numbers and nothing else.
    region: Option<&'a str>,
    max: usize,
    /// Calls left to the phone parser, the one expensive step that a text full of digit groups
    /// could otherwise trigger thousands of times without producing an indicator.
    phone_budget: usize,
    /// Phone parser answers so far: a number repeated in a text (scam messages repeat their
    /// call-back number) costs one parse.
    phone_memo: HashMap<String, Option<String>>,
    out: Vec<Indicator>,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let b = self.b;
        let mut i = 0;
        // At the cap, the scan still finishes the host label it stands in: a host name is found
        // from its first dot and walks back over the label before it, so `1A1z…Naаmazon.com`
        // yields the domain that starts before the crypto-address-shaped word found first.
        while self.out.len() < self.max || self.inside_label(i) {
            // Spaces and punctuation start nothing: pass over them without the checks below.
            while i < b.len() && CLASS[usize::from(b[i])] & (WORD | HIGH | PUNCT_START) == 0 {
                i += 1;
            }
            let Some(&c) = b.get(i) else { break };
            let class = CLASS[usize::from(c)];
            let next = if class & WORD != 0 {
                let end = run_end(b, i, WORD);
                self.ascii_word(i, end)
            } else if class & HIGH != 0 {
                let end = high_run_end(b, i);
                self.high_word(end)
            } else {
                self.punct(i)
            };
            // Every scanner promises progress; this makes it a fact.
            i = next.max(i + 1);
        }
    }

    /// A run of ASCII letters, digits, `-` and `_` at `[s, e)`. Returns where to resume.
    fn ascii_word(&mut self, s: usize, e: usize) -> usize {
        let follow = self.b.get(e).copied().unwrap_or(b' ');
        if CLASS[usize::from(follow)] & FOLLOW != 0
            && let Some(next) = self.word_with_follower(s, e, follow)
        {
            return next;
        }
        self.plain_word(s, e)
    }

    /// The word `[s, e)` followed by a trigger byte: a URL's scheme, an e-mail local part, `www`,
    /// a host name's first label, an IPv6 address's first group, in that order.
    fn word_with_follower(&mut self, s: usize, e: usize, follow: u8) -> Option<usize> {
        if matches!(follow, b':' | b'[' | b'(' | b'{')
            && let Some(next) = self.url_with_scheme(s, e)
        {
            return Some(next);
        }
        if let Some(next) = self.email(s) {
            return Some(next);
        }
        let dot = crate::defang::dot_len(self.b, e).is_some();
        if dot
            && self.b[s..e].eq_ignore_ascii_case(b"www")
            && let Some(next) = self.url_without_scheme(s)
        {
            return Some(next);
        }
        if dot && let Some(next) = self.dotted(e) {
            return Some(next);
        }
        if follow == b':' && self.b[s..e].iter().all(u8::is_ascii_hexdigit) {
            return self.ipv6(s);
        }
        None
    }

    /// A word with nothing special after it: a phone number's first group, or a crypto address.
    fn plain_word(&mut self, s: usize, e: usize) -> usize {
        let word = &self.b[s..e];
        let len = word.len();
        let first = word[0];
        let btc_shape = (matches!(first, b'1' | b'3') && (26..=35).contains(&len))
            || (len >= 14 && word[..3].eq_ignore_ascii_case(b"bc1"));
        if btc_shape && self.left_is_boundary(s) && self.btc(s, e) {
            return e;
        }
        if len == 42 && first == b'0' && matches!(word[1], b'x' | b'X') && self.left_is_boundary(s)
        {
            self.eth(s, e);
            return e;
        }
        if first.is_ascii_digit() {
            return self.phone(s);
        }
        e
    }

    /// A run of non-ASCII bytes ending at `e`: only a host name can continue it (`пример.рф`).
    fn high_word(&mut self, e: usize) -> usize {
        if crate::defang::dot_len(self.b, e).is_some()
            && let Some(next) = self.dotted(e)
        {
            return next;
        }
        e
    }

    /// `+` or `(` may open a phone number, `::` an IPv6 address.
    fn punct(&mut self, i: usize) -> usize {
        let b = self.b;
        let next_is_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        match b[i] {
            b'+' | b'(' if next_is_digit => {
                // When no phone number starts at the bracket, what follows it is still a word of
                // its own: `(2001:db8::1)`, `(1.2.3.4)`.
                let found = self.out.len();
                let next = self.phone(i);
                if self.out.len() > found { next } else { i + 1 }
            }
            b':' if b.get(i + 1) == Some(&b':') => self.ipv6(i).unwrap_or(i + 2),
            _ => i + 1,
        }
    }

    /// Whether `i` stands between two characters of one host label, so that a host name found
    /// further on could start before `i`.
    fn inside_label(&self, i: usize) -> bool {
        let label = |c: char| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric() || c == '-' || c == '_'
            } else {
                classes::is_label_char(c) && !classes::is_spaceless(c)
            }
        };
        self.char_before(i).is_some_and(label) && self.char_at(i).is_some_and(label)
    }

    /// Whether the character before `i` ends a word, so that a token starting at `i` is not the
    /// tail of a longer one. Characters of scripts written without spaces (Japanese, Chinese, Thai,
    /// …) count as boundaries: `電話03-1234-5678` holds a phone number.
    fn left_is_boundary(&self, i: usize) -> bool {
        match self.char_before(i) {
            None => true,
            Some(c) if c.is_ascii() => !(c.is_ascii_alphanumeric() || c == '_'),
            Some(c) => !c.is_alphanumeric() || classes::is_spaceless(c),
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    fn push(
        &mut self,
        kind: IndicatorKind,
        value: String,
        start: usize,
        end: usize,
        unicode: Option<String>,
    ) {
        if let Some(raw) = self.text.get(start..end).filter(|raw| !raw.is_empty()) {
            self.out.push(Indicator {
                kind,
                value,
                raw: raw.to_string(),
                start,
                end,
                unicode,
            });
        }
    }
}

/// End of the run of non-ASCII bytes that starts at `i`. Text in Cyrillic, Arabic or Japanese is
/// such runs almost entirely, so they are skipped eight bytes at a time.
fn high_run_end(b: &[u8], i: usize) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut p = i;
    for chunk in b[i..].chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let ascii = !u64::from_le_bytes(word) & HIGH_BITS;
        if ascii != 0 {
            // The lowest set bit marks the first ASCII byte of the chunk (little-endian).
            return p + (ascii.trailing_zeros() / 8) as usize;
        }
        p += 8;
    }
    run_end(b, p, HIGH)
}

/// End of the run of bytes of class `class` that starts at `i`.
fn run_end(b: &[u8], i: usize, class: u8) -> usize {
    b.get(i..)
        .unwrap_or_default()
        .iter()
        .position(|&c| CLASS[usize::from(c)] & class == 0)
        .map_or(b.len(), |n| i + n)
}
