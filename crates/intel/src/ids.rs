//! Identifiers shared with the store: reports, indicators and campaigns are named by their
//! database ids, so the engine's output can be written back without translation.

use serde::{Deserialize, Serialize};

/// A stored report (`reports.id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportId(pub i64);

/// A stored indicator value (`indicators.id`): one normalised URL, domain, phone, script
/// fingerprint, and so on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IndicatorId(pub i64);

/// A campaign (`campaigns.id`). Allocated by the correlator from a counter, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CampaignId(pub i64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialise_as_bare_numbers() {
        let json = serde_json::to_string(&(ReportId(7), IndicatorId(-3), CampaignId(42)))
            .expect("serialise");
        assert_eq!(json, "[7,-3,42]");
        let back: (ReportId, IndicatorId, CampaignId) =
            serde_json::from_str("[1,2,3]").expect("parse");
        assert_eq!(back, (ReportId(1), IndicatorId(2), CampaignId(3)));
    }

    #[test]
    fn ids_order_by_value() {
        let mut v = vec![CampaignId(3), CampaignId(-1), CampaignId(2)];
        v.sort();
        assert_eq!(v, vec![CampaignId(-1), CampaignId(2), CampaignId(3)]);
    }
}
