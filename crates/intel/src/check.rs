//! "Is this really us?": one public verdict from what is known of each indicator found in what
//! a person pasted. Pure: the caller looks up brand verdicts and stored campaigns.
//!
//! The order is the safe one. A message is `known_scam` as soon as one of its indicators
//! belongs to a campaign enough people reported; `lookalike` as soon as one imitates the
//! brand; `official` only when every indicator is one of the brand's own channels (scam
//! messages often carry a genuine link next to the fake one); `unknown` otherwise.

use serde::Serialize;

/// What the public is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicVerdict {
    Official,
    KnownScam,
    Lookalike,
    Unknown,
}

impl PublicVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            PublicVerdict::Official => "official",
            PublicVerdict::KnownScam => "known_scam",
            PublicVerdict::Lookalike => "lookalike",
            PublicVerdict::Unknown => "unknown",
        }
    }
}

/// What the brand list says of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrandMatch {
    Official,
    Lookalike,
    Unrelated,
}

/// A campaign the indicator belongs to, as far as the public may know it: counts and dates,
/// never a report, a reporter or a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KnownCampaign {
    /// Distinct people who reported it.
    pub reporters: u64,
    /// Unix milliseconds.
    pub first_reported: i64,
    /// How it reached people, most common first (`sms`, `email`…).
    pub channels: Vec<String>,
}

/// One indicator found in the input and what is known of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub kind: String,
    pub value: String,
    pub brand: BrandMatch,
    /// On the warning list (a shortener, a free-mail provider, a platform): says nothing
    /// about who is behind it, so it never makes a verdict.
    pub warned: bool,
    pub campaign: Option<KnownCampaign>,
}

/// The verdict and the indicator that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub verdict: PublicVerdict,
    /// Index into the evidence; `None` for `unknown` and for `official` (all of them).
    pub decided_by: Option<usize>,
}

/// Decides; `min_reporters` distinct reporters make a campaign "known", so one person cannot
/// brand a number a scam by reporting it.
pub fn decide(evidence: &[Evidence], min_reporters: u64) -> Decision {
    let known = evidence.iter().position(|e| {
        e.brand != BrandMatch::Official
            && !e.warned
            && e.campaign
                .as_ref()
                .is_some_and(|c| c.reporters >= min_reporters.max(1))
    });
    if let Some(i) = known {
        return Decision {
            verdict: PublicVerdict::KnownScam,
            decided_by: Some(i),
        };
    }
    if let Some(i) = evidence
        .iter()
        .position(|e| e.brand == BrandMatch::Lookalike)
    {
        return Decision {
            verdict: PublicVerdict::Lookalike,
            decided_by: Some(i),
        };
    }
    let deciding: Vec<&Evidence> = evidence.iter().filter(|e| !e.warned).collect();
    if !deciding.is_empty() && deciding.iter().all(|e| e.brand == BrandMatch::Official) {
        return Decision {
            verdict: PublicVerdict::Official,
            decided_by: None,
        };
    }
    Decision {
        verdict: PublicVerdict::Unknown,
        decided_by: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, brand: BrandMatch, reporters: Option<u64>) -> Evidence {
        Evidence {
            kind: kind.into(),
            value: format!("{kind}-value"),
            brand,
            warned: false,
            campaign: reporters.map(|reporters| KnownCampaign {
                reporters,
                first_reported: 0,
                channels: vec!["sms".into()],
            }),
        }
    }

    fn check(evidence: &[Evidence], expected: PublicVerdict, by: Option<usize>) {
        let d = decide(evidence, 2);
        assert_eq!((d.verdict, d.decided_by), (expected, by), "{evidence:?}");
    }

    use BrandMatch::*;
    use PublicVerdict as V;

    #[test]
    fn verdicts() {
        check(&[], V::Unknown, None);
        check(&[ev("url", Unrelated, None)], V::Unknown, None);
        check(&[ev("url", Official, None)], V::Official, None);
        check(
            &[ev("url", Official, None), ev("phone", Official, None)],
            V::Official,
            None,
        );
        // A genuine link next to an unknown number is not proof of anything.
        check(
            &[ev("url", Official, None), ev("phone", Unrelated, None)],
            V::Unknown,
            None,
        );
        check(
            &[ev("url", Official, None), ev("domain", Lookalike, None)],
            V::Lookalike,
            Some(1),
        );
        check(
            &[
                ev("domain", Lookalike, None),
                ev("phone", Unrelated, Some(5)),
            ],
            V::KnownScam,
            Some(1),
        );
        // One reporter is not enough to call something a known scam.
        check(&[ev("phone", Unrelated, Some(1))], V::Unknown, None);
        // An official channel someone reported stays official.
        check(&[ev("url", Official, Some(9))], V::Official, None);
    }

    #[test]
    fn warned_indicators_never_decide() {
        let mut shortener = ev("domain", Unrelated, Some(50));
        shortener.warned = true;
        check(std::slice::from_ref(&shortener), V::Unknown, None);
        check(&[shortener, ev("url", Official, None)], V::Official, None);
    }
}
