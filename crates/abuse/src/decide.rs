//! A decision on one event: what the analyst rules say, joined with what enforcement already
//! knows of the account (its status, banned identifiers it reuses, open findings naming it).
//! The most severe live reason wins; shadow rule hits are kept beside, never enforced.

use std::collections::HashSet;

use serde::Serialize;

use crate::events::{Body, Event};
use crate::identifiers::signup_identifiers;
use crate::rules::{Evaluation, Outcome};
use crate::stats::AccountStats;

/// One reason for a decision, in plain words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// `rule`, `shadow_rule`, `account_status`, `banned_identifier`, `finding`.
    pub source: String,
    /// The rule id with its version (`id@3`), the account status, the identifier kind, or
    /// `open_findings`.
    pub code: String,
    /// What the reason asks for.
    pub outcome: Outcome,
    pub score: f64,
    pub detail: String,
}

/// What is known besides the rules.
#[derive(Debug, Clone, Default)]
pub struct Known<'a> {
    /// The account's enforcement status when it is not active (`warned`, `suspended`,
    /// `closed`, `banned`).
    pub account_status: Option<&'a str>,
    /// The identifiers (kind, normalised value) of banned accounts.
    pub banned: Option<&'a HashSet<(String, String)>>,
    /// Open findings at least this sure (0 to 1) send the decision to review.
    pub review_finding_score: f64,
}

/// The outcome, its score and every reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The most severe live reason's outcome; approve without one.
    pub outcome: Outcome,
    /// The live reasons' scores added up, at most 100.
    pub score: f64,
    /// Live reasons, most severe first, then by score.
    pub reasons: Vec<Reason>,
    /// Shadow rules that hit: recorded, never enforced.
    pub shadow: Vec<Reason>,
    /// Rules that could not be evaluated on the event.
    pub errors: Vec<String>,
}

/// Joins the rules' evaluation of `event` (with the account's aggregates `account`) with what
/// enforcement knows.
pub fn decide(event: &Event, account: &AccountStats, eval: &Evaluation, known: &Known) -> Verdict {
    let mut reasons = Vec::new();
    let mut shadow = Vec::new();
    for h in &eval.hits {
        let r = Reason {
            source: if h.shadow { "shadow_rule" } else { "rule" }.into(),
            code: format!("{}@{}", h.rule_id, h.version),
            outcome: h.outcome,
            score: h.score,
            detail: h.name.clone(),
        };
        if h.shadow {
            shadow.push(r);
        } else {
            reasons.push(r);
        }
    }
    if let Some(status @ ("banned" | "closed" | "suspended")) = known.account_status {
        reasons.push(Reason {
            source: "account_status".into(),
            code: status.into(),
            outcome: Outcome::Block,
            score: 100.0,
            detail: format!("the account is {status}"),
        });
    }
    if let (Body::Account(acc), Some(banned)) = (&event.body, known.banned) {
        for (kind, value) in signup_identifiers(acc)
            .iter()
            .filter(|i| banned.contains(*i))
        {
            reasons.push(Reason {
                source: "banned_identifier".into(),
                code: kind.clone(),
                outcome: Outcome::Block,
                score: 100.0,
                detail: format!("the {kind} {value} belongs to a banned account"),
            });
        }
    }
    if account.findings > 0 && account.finding_score >= known.review_finding_score {
        reasons.push(Reason {
            source: "finding".into(),
            code: "open_findings".into(),
            outcome: Outcome::Review,
            score: (account.finding_score * 100.0).round(),
            detail: format!(
                "{} open finding(s) name this account (highest score {:.2})",
                account.findings, account.finding_score
            ),
        });
    }
    reasons.sort_by(|a, b| b.outcome.cmp(&a.outcome).then(b.score.total_cmp(&a.score)));
    Verdict {
        outcome: reasons
            .iter()
            .map(|r| r.outcome)
            .max()
            .unwrap_or(Outcome::Approve),
        score: reasons.iter().map(|r| r.score).sum::<f64>().min(100.0),
        reasons,
        shadow,
        errors: eval
            .errors
            .iter()
            .map(|e| format!("{}@{}: {}", e.rule_id, e.version, e.message))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::parse_line;
    use crate::rules::Hit;

    fn signup() -> Event {
        parse_line(
            r#"{"id": "s1", "type": "account", "at": "2026-03-01T10:00:00Z", "account_id": "new",
                "email": "Again@Example.org", "device_id": "dev-9"}"#,
        )
        .unwrap()
    }

    fn hit(id: &str, outcome: Outcome, score: f64, shadow: bool) -> Hit {
        Hit {
            rule_id: id.into(),
            version: 2,
            name: id.into(),
            outcome,
            score,
            shadow,
        }
    }

    #[test]
    fn the_most_severe_live_reason_wins_and_shadow_hits_stay_aside() {
        let eval = Evaluation {
            hits: vec![
                hit("small", Outcome::Review, 30.0, false),
                hit("trial", Outcome::Block, 90.0, true),
                hit("big", Outcome::Review, 80.0, false),
            ],
            ..Evaluation::default()
        };
        let v = decide(
            &signup(),
            &AccountStats::default(),
            &eval,
            &Known::default(),
        );
        assert_eq!(v.outcome, Outcome::Review);
        assert_eq!(v.score, 100.0, "capped");
        let codes: Vec<&str> = v.reasons.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["big@2", "small@2"]);
        assert_eq!(v.shadow[0].code, "trial@2");
    }

    #[test]
    fn a_banned_status_or_identifier_blocks_and_findings_ask_for_review() {
        let banned = HashSet::from([("email".to_string(), "again@example.org".to_string())]);
        let account = AccountStats {
            findings: 2,
            finding_score: 0.8,
            ..AccountStats::default()
        };
        let known = Known {
            account_status: Some("warned"),
            banned: Some(&banned),
            review_finding_score: 0.7,
        };
        let v = decide(&signup(), &account, &Evaluation::default(), &known);
        assert_eq!(v.outcome, Outcome::Block);
        let sources: Vec<&str> = v.reasons.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(
            sources,
            ["banned_identifier", "finding"],
            "a warning is not a block"
        );
        let known = Known {
            account_status: Some("suspended"),
            review_finding_score: 0.9,
            ..Known::default()
        };
        let v = decide(&signup(), &account, &Evaluation::default(), &known);
        assert_eq!(v.reasons.len(), 1);
        assert_eq!(v.reasons[0].code, "suspended");
        let v = decide(
            &signup(),
            &AccountStats::default(),
            &Evaluation::default(),
            &Known::default(),
        );
        assert_eq!((v.outcome, v.score), (Outcome::Approve, 0.0));
    }
}
