//! A rule's own tests: example events, each expected to hit or to miss, kept in a file beside
//! the rule (`rampart rules test FILE`).
//!
//! ```json
//! {"rule": {"id": "high_value_not_received", "version": 1, ...},
//!  "examples": [{"name": "a laptop that never arrived",
//!                "event": {"id": "e1", "type": "refund", "at": "2026-03-05T14:07:00Z", ...},
//!                "account": {"refunds_30d": 3},
//!                "expect": "hit"}]}
//! ```
//!
//! An example's `event` is an event line as the marketplace sends it, read by
//! [`crate::events::parse_line`]; its `account` lists only the aggregates that matter, the
//! others are zero.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de::Error as _};

use super::{Rule, RuleError, RuleSet};
use crate::events::parse_line;
use crate::stats::AccountStats;

/// A rule and its examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTest {
    pub rule: Rule,
    pub examples: Vec<Example>,
}

/// One example: an event, its account, and whether the rule should hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub name: String,
    /// An event line, as a JSON object.
    pub event: serde_json::Value,
    /// The account's aggregates; fields left out are zero.
    #[serde(default, deserialize_with = "partial_account")]
    pub account: AccountStats,
    pub expect: Expect,
}

/// What an example expects of the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Hit,
    Miss,
}

/// What the rule did with an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Got {
    Hit,
    Miss,
    /// The example's event line is not a valid event.
    InvalidEvent,
    /// The rule could not be evaluated on it.
    EvaluationError,
}

/// One example's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleResult {
    pub name: String,
    pub expected: Expect,
    pub got: Got,
    pub passed: bool,
    /// Why, in a sentence.
    pub detail: String,
}

/// A rule test's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestReport {
    pub rule_id: String,
    pub version: u32,
    /// Why the rule did not compile; no example ran then.
    pub compile_errors: Vec<RuleError>,
    pub examples: Vec<ExampleResult>,
}

impl TestReport {
    /// Whether the rule compiled and every example gave what it expected.
    pub fn passed(&self) -> bool {
        self.compile_errors.is_empty() && self.examples.iter().all(|e| e.passed)
    }
}

impl fmt::Display for TestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "rule {} v{}", self.rule_id, self.version)?;
        for e in &self.compile_errors {
            writeln!(f, "  does not compile: {}", e.message)?;
        }
        for e in &self.examples {
            let mark = if e.passed { "ok  " } else { "FAIL" };
            writeln!(f, "  {mark} {}: {}", e.name, e.detail)?;
        }
        let passed = self.examples.iter().filter(|e| e.passed).count();
        write!(f, "  {passed} of {} examples passed", self.examples.len())
    }
}

/// Runs a rule on its examples.
pub fn run_tests(t: &RuleTest) -> TestReport {
    let mut report = TestReport {
        rule_id: t.rule.id.clone(),
        version: t.rule.version,
        compile_errors: Vec::new(),
        examples: Vec::new(),
    };
    let set = match RuleSet::compile(std::slice::from_ref(&t.rule)) {
        Ok(set) => set,
        Err(errors) => {
            report.compile_errors = errors;
            return report;
        }
    };
    for example in &t.examples {
        let (got, detail) = run_example(&set, &t.rule, example);
        let passed = matches!(
            (example.expect, got),
            (Expect::Hit, Got::Hit) | (Expect::Miss, Got::Miss)
        );
        report.examples.push(ExampleResult {
            name: example.name.clone(),
            expected: example.expect,
            got,
            passed,
            detail,
        });
    }
    report
}

fn run_example(set: &RuleSet, rule: &Rule, example: &Example) -> (Got, String) {
    let line = match serde_json::to_string(&example.event) {
        Ok(line) => line,
        Err(e) => return (Got::InvalidEvent, format!("the event is not JSON: {e}")),
    };
    let event = match parse_line(&line) {
        Ok(event) => event,
        Err(e) => return (Got::InvalidEvent, format!("the event is invalid: {e}")),
    };
    let applies =
        rule.applies_to.is_empty() || rule.applies_to.iter().any(|k| k == event.body.kind());
    let evaluation = set.evaluate(&event, &example.account);
    let expected = match example.expect {
        Expect::Hit => "a hit",
        Expect::Miss => "a miss",
    };
    if let Some(e) = evaluation.errors.first() {
        return (
            Got::EvaluationError,
            format!("expected {expected}; the rule failed: {}", e.message),
        );
    }
    let hit = evaluation.hits.iter().any(|h| h.rule_id == rule.id);
    let got = if hit { Got::Hit } else { Got::Miss };
    let detail = match (example.expect, hit) {
        (Expect::Hit, true) => "hit, as expected".to_owned(),
        (Expect::Miss, false) if !applies => format!(
            "miss, as expected (the rule does not apply to {} events)",
            event.body.kind()
        ),
        (Expect::Miss, false) => "miss, as expected".to_owned(),
        (Expect::Hit, false) if !applies => format!(
            "expected a hit, but the rule does not apply to {} events",
            event.body.kind()
        ),
        (Expect::Hit, false) => "expected a hit, got a miss".to_owned(),
        (Expect::Miss, true) => "expected a miss, got a hit".to_owned(),
    };
    (got, detail)
}

/// An account given field by field: the fields left out are zero, an unknown one is an error.
fn partial_account<'de, D: Deserializer<'de>>(d: D) -> Result<AccountStats, D::Error> {
    let given = serde_json::Value::deserialize(d)?;
    let mut full = serde_json::to_value(AccountStats::default()).map_err(D::Error::custom)?;
    match (full.as_object_mut(), given) {
        (_, serde_json::Value::Null) => {}
        (Some(full), serde_json::Value::Object(given)) => {
            for (k, v) in given {
                if !full.contains_key(&k) {
                    return Err(D::Error::custom(format!("the account has no field `{k}`")));
                }
                full.insert(k, v);
            }
        }
        _ => return Err(D::Error::custom("the account must be an object")),
    }
    serde_json::from_value(full).map_err(D::Error::custom)
}
