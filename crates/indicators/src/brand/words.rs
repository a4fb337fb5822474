//! The words phishers put next to a brand name (`amazon-refund-help`, `paypallogin`), so that a
//! brand name glued to them is recognised and a brand name glued to anything else (`amazonia`,
//! `pineapple`) is not.

use std::collections::HashMap;

use smallvec::SmallVec;

use super::canon::{CanonBuf, push_ascii};

/// How much a word next to a brand name says about intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// Asks for credentials or money, or threatens: the vocabulary of phishing.
    Risk,
    /// A top-level domain written into a label (`amazon-com`, `amazon-co-uk`).
    Tld,
    /// Common on shops and services, innocent alone, still a brand-context word.
    Neutral,
    /// A run of digits (`amazon24`).
    Digits,
    /// Anything else: a word we know nothing about.
    Other,
}

/// Words asking for credentials, payment or action, or pretending to be the brand's staff.
const RISK: &[&str] = &[
    "account",
    "accounts",
    "acct",
    "activate",
    "activation",
    "activity",
    "alert",
    "alerts",
    "appeal",
    "auth",
    "authenticate",
    "authentication",
    "authorize",
    "bill",
    "billing",
    "blocked",
    "bonus",
    "cancel",
    "cancellation",
    "cashback",
    "claim",
    "confirm",
    "confirmation",
    "coupon",
    "credential",
    "credentials",
    "customer",
    "customers",
    "customs",
    "dispute",
    "expired",
    "fee",
    "fees",
    "gift",
    "giftcard",
    "giftcards",
    "help",
    "helpdesk",
    "helpline",
    "id",
    "identity",
    "invoice",
    "invoices",
    "kyc",
    "limited",
    "locked",
    "login",
    "logins",
    "logon",
    "mfa",
    "notice",
    "notification",
    "notify",
    "order",
    "orders",
    "otp",
    "package",
    "parcel",
    "password",
    "passwd",
    "pay",
    "payment",
    "payments",
    "pin",
    "prize",
    "reactivate",
    "recover",
    "recovery",
    "redelivery",
    "refund",
    "refunds",
    "register",
    "renew",
    "renewal",
    "reset",
    "resolution",
    "restore",
    "restricted",
    "review",
    "reward",
    "rewards",
    "safe",
    "safety",
    "secure",
    "security",
    "service",
    "services",
    "session",
    "shipment",
    "shipping",
    "sign",
    "signin",
    "signon",
    "sso",
    "subscription",
    "support",
    "suspend",
    "suspended",
    "suspension",
    "tax",
    "team",
    "track",
    "tracking",
    "unlock",
    "unusual",
    "update",
    "updates",
    "validate",
    "validation",
    "verification",
    "verified",
    "verify",
    "voucher",
    "wallet",
    "webscr",
    "winner",
    "delivery",
    "2fa",
];

/// Country codes and generic TLDs that typosquatters spell out inside a label.
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "gov", "edu", "co", "uk", "us", "de", "fr", "es", "it",
    "nl", "be", "ch", "at", "ca", "au", "jp", "in", "br", "mx", "pl", "se", "no", "dk", "fi", "ie",
    "nz", "za", "ru", "cn", "kr", "sg", "hk",
];

/// Ordinary words of shops and online services.
const NEUTRAL: &[&str] = &[
    "my",
    "www",
    "web",
    "online",
    "app",
    "apps",
    "mobile",
    "mail",
    "email",
    "shop",
    "store",
    "deals",
    "deal",
    "sale",
    "sales",
    "offer",
    "offers",
    "prime",
    "plus",
    "pro",
    "premium",
    "cloud",
    "home",
    "portal",
    "center",
    "centre",
    "desk",
    "hub",
    "global",
    "world",
    "international",
    "group",
    "official",
    "corp",
    "inc",
    "ltd",
    "now",
    "today",
    "direct",
    "express",
    "digital",
    "tech",
    "news",
    "jobs",
    "careers",
    "business",
    "partner",
    "partners",
    "seller",
    "sellers",
    "vendor",
    "buyer",
    "market",
    "marketplace",
    "music",
    "video",
    "tv",
    "photo",
    "photos",
    "drive",
    "docs",
    "office",
    "live",
    "cash",
    "card",
    "cards",
    "credit",
    "bank",
    "banking",
    "money",
    "crypto",
    "coin",
    "btc",
    "eth",
    "nft",
    "token",
    "invest",
    "trade",
    "trading",
    "free",
    "care",
    "checkout",
    "cart",
    "client",
    "clients",
    "member",
    "members",
    "user",
    "users",
    "access",
    "connect",
    "link",
    "go",
    "get",
    "the",
    "best",
    "new",
    "top",
    "hot",
    "fast",
    "easy",
    "cheap",
    "discount",
    "promo",
    "mart",
    "outlet",
    "usa",
    "europe",
    "asia",
    "gb",
    "en",
    "intl",
    "ads",
    "books",
    "courier",
    "post",
];

/// Byte ranges of words inside a label.
pub(super) type Words = SmallVec<[(usize, usize); 6]>;

/// Longest glued remainder we try to split into words; a DNS label is at most 63 bytes.
const MAX_SEGMENTED: usize = 63;

pub(super) struct Lexicon {
    words: HashMap<Box<[u8]>, WordClass>,
    longest: usize,
}

impl Lexicon {
    /// Words are stored in canonical form, as the labels they are compared with are.
    pub(super) fn new() -> Lexicon {
        let mut words = HashMap::new();
        let mut longest = 0;
        // Earlier lists win: a word that is both a risk word and neutral counts as a risk.
        for (list, class) in [
            (RISK, WordClass::Risk),
            (TLDS, WordClass::Tld),
            (NEUTRAL, WordClass::Neutral),
        ] {
            for w in list {
                let mut c = CanonBuf::new();
                push_ascii(w.as_bytes(), &mut c);
                longest = longest.max(c.len());
                words.entry(Box::from(&c[..])).or_insert(class);
            }
        }
        Lexicon { words, longest }
    }

    pub(super) fn class(&self, token: &[u8]) -> WordClass {
        if is_number(token) {
            return WordClass::Digits;
        }
        self.words.get(token).copied().unwrap_or(WordClass::Other)
    }

    /// Splits a remainder glued to a brand name (`supportcenter`) into known words and digit runs,
    /// appending each word's byte range (relative to `rem`) to `out`. False when some part of it
    /// is no known word (`ia` in `amazonia`).
    ///
    /// With `tld_first` (the remainder right of the name) it may start with a spelt-out public
    /// suffix (`com`, `couk`); elsewhere country codes are not words, or `bees` would split into
    /// `be` + `es`.
    pub(super) fn segment(&self, rem: &[u8], tld_first: bool, out: &mut Words) -> bool {
        if tld_first {
            for (first_end, end) in self.tld_runs(rem) {
                let start = out.len();
                if self.segment_words(&rem[end..], end, out) {
                    let tld: SmallVec<[(usize, usize); 2]> = match first_end {
                        Some(m) => SmallVec::from_buf([(0, m), (m, end)]),
                        None => SmallVec::from_iter([(0, end)]),
                    };
                    out.insert_many(start, tld);
                    return true;
                }
                out.truncate(start);
            }
        }
        self.segment_words(rem, 0, out)
    }

    /// Ways `rem` can start with one or two TLD words that together are a public suffix:
    /// `(end of the first word if there are two, end of the run)`.
    fn tld_runs(&self, rem: &[u8]) -> SmallVec<[(Option<usize>, usize); 4]> {
        let mut runs: SmallVec<[(Option<usize>, usize); 4]> = SmallVec::new();
        let is_tld = |w: &[u8]| self.words.get(w) == Some(&WordClass::Tld);
        for a in 2..=rem.len().min(4) {
            if !is_tld(&rem[..a]) {
                continue;
            }
            if is_public_suffix(&rem[..a], None) {
                runs.push((None, a));
            }
            for b in a + 2..=rem.len().min(a + 4) {
                if is_tld(&rem[a..b]) && is_public_suffix(&rem[..a], Some(&rem[a..b])) {
                    runs.push((Some(a), b));
                }
            }
        }
        // Longest run first: `couk` is `co.uk`, not `co` + something.
        runs.sort_unstable_by_key(|run| std::cmp::Reverse(run.1));
        runs
    }

    /// Splits `rem` entirely into known words (no TLDs) and numbers; ranges are offset by `base`.
    fn segment_words(&self, rem: &[u8], base: usize, out: &mut Words) -> bool {
        let n = rem.len();
        if n > MAX_SEGMENTED {
            return false;
        }
        // reach[j] = start of the word that ends at j on some full split of rem[..j].
        let mut reach = [usize::MAX; MAX_SEGMENTED + 1];
        reach[0] = 0;
        for i in 0..n {
            if reach[i] == usize::MAX {
                continue;
            }
            let longest = (i + self.longest).min(n);
            for j in i + 2..=longest {
                if reach[j] == usize::MAX && self.is_word(&rem[i..j]) {
                    reach[j] = i;
                }
            }
            // Numbers of any length (`amazon24`), written as the canonical form has them.
            for j in i + 1..=n {
                if !is_number_byte(rem[j - 1]) {
                    break;
                }
                if reach[j] == usize::MAX && is_number(&rem[i..j]) {
                    reach[j] = i;
                }
            }
        }
        if reach[n] == usize::MAX {
            return false;
        }
        let start = out.len();
        let mut j = n;
        while j > 0 {
            let i = reach[j];
            out.push((base + i, base + j));
            j = i;
        }
        out[start..].reverse();
        true
    }

    /// A word of two letters or more (single letters would split almost anything) that is no TLD.
    fn is_word(&self, w: &[u8]) -> bool {
        w.len() >= 2
            && matches!(
                self.words.get(w),
                Some(WordClass::Risk | WordClass::Neutral)
            )
    }

    /// A risk word of at least four letters at the start of `rest` (right of a brand name), for
    /// labels like `amazonloginx7` whose tail is noise.
    pub(super) fn risk_prefix(&self, rest: &[u8]) -> Option<usize> {
        (4..=rest.len().min(self.longest))
            .rev()
            .find(|&l| self.class(&rest[..l]) == WordClass::Risk)
    }

    /// A risk word of at least four letters at the end of `rest` (left of a brand name).
    pub(super) fn risk_suffix(&self, rest: &[u8]) -> Option<usize> {
        (4..=rest.len().min(self.longest))
            .rev()
            .find(|&l| self.class(&rest[rest.len() - l..]) == WordClass::Risk)
    }
}

/// The canonical form folds `0` to `o` and `1` to `l`, so `2024` arrives as `2o24`: a number is
/// digits, `o` and `l`, with at least one digit that was not folded.
fn is_number(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(|&b| is_number_byte(b)) && w.iter().any(u8::is_ascii_digit)
}

fn is_number_byte(b: u8) -> bool {
    b.is_ascii_digit() || b == b'o' || b == b'l'
}

/// `first` (and `second`) joined by dots is a public suffix by itself: `co.uk`, `de`.
fn is_public_suffix(first: &[u8], second: Option<&[u8]>) -> bool {
    let mut buf = [0u8; 16];
    let mut len = first.len();
    let Some(dst) = buf.get_mut(..len) else {
        return false;
    };
    dst.copy_from_slice(first);
    if let Some(second) = second {
        let Some(dst) = buf.get_mut(len..len + 1 + second.len()) else {
            return false;
        };
        dst[0] = b'.';
        dst[1..].copy_from_slice(second);
        len += 1 + second.len();
    }
    let name = &buf[..len];
    psl::suffix(name).is_some_and(|s| s.is_known() && s.as_bytes() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(rem: &str) -> Option<Vec<String>> {
        let lex = Lexicon::new();
        let mut out = SmallVec::new();
        lex.segment(rem.as_bytes(), true, &mut out)
            .then(|| out.iter().map(|&(i, j)| rem[i..j].to_string()).collect())
    }

    #[test]
    fn splits_glued_words() {
        assert_eq!(split("support"), Some(vec!["support".into()]));
        assert_eq!(
            split("primebilling"),
            Some(vec!["prime".into(), "billing".into()])
        );
        assert_eq!(split("24"), Some(vec!["24".into()]));
        assert_eq!(split("2o24"), Some(vec!["2o24".into()]));
        assert_eq!(split("com"), Some(vec!["com".into()]));
        assert_eq!(split("couk"), Some(vec!["co".into(), "uk".into()]));
        assert_eq!(split("comlogin"), Some(vec!["com".into(), "login".into()]));
        assert_eq!(split("bees"), None); // `be` + `es` is no public suffix
        assert_eq!(
            split("loginverify2024"),
            Some(vec!["login".into(), "verify".into(), "2024".into()])
        );
        assert_eq!(split("ia"), None);
        assert_eq!(split("as"), None);
        assert_eq!(split("pine"), None);
        assert_eq!(split("bees"), None);
        assert_eq!(split(""), Some(vec![]));
    }

    #[test]
    fn classifies_tokens() {
        let lex = Lexicon::new();
        assert_eq!(lex.class(b"login"), WordClass::Risk);
        assert_eq!(lex.class(b"com"), WordClass::Tld);
        assert_eq!(lex.class(b"shop"), WordClass::Neutral);
        assert_eq!(lex.class(b"2024"), WordClass::Digits);
        assert_eq!(lex.class(b"rainforest"), WordClass::Other);
        assert_eq!(lex.class(b"cloud"), WordClass::Neutral);
        // Numbers as the canonical form writes them (`0` folded to `o`).
        assert_eq!(lex.class(b"2o24"), WordClass::Digits);
        assert_eq!(lex.class(b"lol"), WordClass::Other);
    }

    #[test]
    fn finds_risk_words_next_to_the_brand() {
        let lex = Lexicon::new();
        assert_eq!(lex.risk_prefix(b"loginx7"), Some(5));
        assert_eq!(lex.risk_suffix(b"x7secure"), Some(6));
        assert_eq!(lex.risk_prefix(b"ia"), None);
    }
}
