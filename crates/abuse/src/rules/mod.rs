//! Analyst rules: conditions written in CEL over one event and its account's aggregates, each
//! with the outcome and score it contributes when it holds, live or in shadow.
//!
//! ```text
//! id: high_value_not_received   applies_to: ["refund"]   outcome: review   score: 40
//! event.reason == 'not_received' && !event.return_required && event.amount >= 300.0
//!   && has(event.category) && event.category in ['laptops', 'phones', 'consoles']
//! ```
//!
//! A rule sees two variables (the full list, with types, is [`EVENT_FIELDS`], [`ITEM_FIELDS`]
//! and [`ACCOUNT_FIELDS`]):
//! - `event`: the event's `type`, `id`, `at` (Unix milliseconds) and its body's fields under
//!   their wire names, money also in major units (`amount` 899.0 beside `amount_minor` 89900).
//!   A field an event does not carry is an absent key, never `null`: `has(event.category)`
//!   tells, `event.?category.orValue('')` reads with a default.
//! - `account`: every field of [`AccountStats`] under its own name.
//!
//! [`RuleSet::compile`] checks every rule against that schema and refuses, with the rule's id
//! and a sentence an analyst can act on, what would otherwise fail on every event (see
//! [`check`] for the list, and the bounds on hostile expressions). [`RuleSet::evaluate`] runs
//! the rules that apply to an event's type over values built once per event, borrowed from it.
//! [`run_tests`] checks a rule against examples, [`backtest`] against labelled history.
//!
//! Decisions: the most severe outcome among live hits wins (approve < review < block); live
//! scores add up to at most 100; shadow hits are recorded and change nothing.
//!
//! Speed: a rule set only runs the rules whose `applies_to` names the event's type, builds the
//! event's values once (only the costly ones a rule reads), and runs expressions lowered to
//! shapes `cel` evaluates without allocating (`rules/lower.rs` says what `cel` 0.15 allocates and
//! how it is avoided). `benches/rules.rs` measures it.

mod backtest;
pub mod check;
mod library;
mod lower;
mod rule_test;
mod samples;
mod schema;

use std::fmt;
use std::sync::Arc;

use cel::common::types::{CelBool, CelList};
use cel::{Context, Env, ExecutionError, IdedExpr, Value};
use serde::{Deserialize, Serialize};

use crate::events::Event;
use crate::stats::AccountStats;

pub use backtest::{BACKTEST_SAMPLES, BacktestCase, BacktestReport, backtest};
pub use rule_test::{Example, ExampleResult, Expect, Got, RuleTest, TestReport, run_tests};
pub use samples::example_rules;
pub use schema::{ACCOUNT_FIELDS, EVENT_FIELDS, EVENT_TYPES, Field, FieldType, ITEM_FIELDS};

use schema::{ALL_KINDS, Needs, Scope, kind_bit};

/// Longest rule id, in bytes.
pub const MAX_ID_BYTES: usize = 64;
/// Longest rule name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Most rules in one set.
pub const MAX_RULES: usize = 1_000;
/// Highest score a rule contributes, and the cap on an evaluation's score.
pub const MAX_SCORE: f64 = 100.0;

/// What a rule asks for when it holds. Ordered by severity: `Approve < Review < Block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Approve,
    Review,
    Block,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Approve, Outcome::Review, Outcome::Block];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approve => "approve",
            Outcome::Review => "review",
            Outcome::Block => "block",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule's hits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Its hits decide.
    Live,
    /// Evaluated and recorded, never enforced: how a rule is tried on live traffic.
    Shadow,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Live => "live",
            Mode::Shadow => "shadow",
        }
    }
}

/// An analyst's rule, one version of it. Every change to the expression, outcome, score or
/// mode is a new version; the store keeps them all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// A stable slug: lower-case letters, digits, `_` and `-`, at most [`MAX_ID_BYTES`].
    pub id: String,
    /// From 1.
    pub version: u32,
    /// At most [`MAX_NAME_CHARS`].
    pub name: String,
    /// At most [`MAX_DESCRIPTION_CHARS`].
    #[serde(default)]
    pub description: String,
    /// The event types it applies to ([`EVENT_TYPES`]); empty for all.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// CEL over `event` and `account`, giving true or false; at most
    /// [`check::MAX_EXPRESSION_BYTES`].
    pub expression: String,
    pub outcome: Outcome,
    /// What a hit adds to the score, 0 to [`MAX_SCORE`].
    pub score: f64,
    pub mode: Mode,
}

/// Why a rule did not compile, in words an analyst can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("rule {rule_id} v{version}: {message}")]
pub struct RuleError {
    pub rule_id: String,
    pub version: u32,
    pub message: String,
}

/// A rule that held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub rule_id: String,
    pub version: u32,
    pub name: String,
    pub outcome: Outcome,
    pub score: f64,
    /// A shadow rule's hit: recorded, not counted.
    pub shadow: bool,
}

/// A rule that could not be evaluated on an event (a value absent or of an unexpected type):
/// reported, not a hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvalError {
    pub rule_id: String,
    pub version: u32,
    pub message: String,
}

/// What the rules say about one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The most severe outcome among live hits; approve when none.
    pub outcome: Outcome,
    /// The live hits' scores added up, at most [`MAX_SCORE`].
    pub score: f64,
    /// Every hit, live and shadow, in the rule set's order.
    pub hits: Vec<Hit>,
    pub errors: Vec<EvalError>,
}

impl Default for Evaluation {
    fn default() -> Self {
        Evaluation {
            outcome: Outcome::Approve,
            score: 0.0,
            hits: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// A compiled rule.
struct Compiled {
    rule: Rule,
    /// The event types it applies to.
    kinds: u8,
    expr: IdedExpr,
}

/// Compiled rules, ready to evaluate events; cheap to share between threads.
pub struct RuleSet {
    env: Arc<Env>,
    rules: Vec<Compiled>,
    /// The event fields some rule reads.
    needs: Needs,
    /// The event types some rule applies to.
    kinds: u8,
    /// The lists of literals the rules' expressions read (see [`lower`]).
    lists: Vec<CelList<'static>>,
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleSet")
            .field(
                "rules",
                &self
                    .rules
                    .iter()
                    .map(|r| format!("{} v{}", r.rule.id, r.rule.version))
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl RuleSet {
    /// Compiles every rule, or says what is wrong with each one that does not compile.
    pub fn compile(rules: &[Rule]) -> Result<RuleSet, Vec<RuleError>> {
        let env = library::env().map_err(|e| {
            rules
                .iter()
                .map(|r| error(r, format!("the rule engine did not start: {e}")))
                .collect::<Vec<_>>()
        })?;
        if rules.len() > MAX_RULES {
            return Err(vec![RuleError {
                rule_id: String::new(),
                version: 0,
                message: format!(
                    "a rule set holds at most {MAX_RULES} rules, not {}",
                    rules.len()
                ),
            }]);
        }
        let mut errors = Vec::new();
        let mut compiled = Vec::with_capacity(rules.len());
        for (i, rule) in rules.iter().enumerate() {
            if let Some(first) = rules[..i].iter().find(|r| r.id == rule.id) {
                errors.push(error(
                    rule,
                    format!(
                        "the rule appears twice (versions {} and {}); a rule set holds one version of each rule",
                        first.version, rule.version
                    ),
                ));
                continue;
            }
            let problems = validate(rule);
            let kinds = rule
                .applies_to
                .iter()
                .filter_map(|k| kind_bit(k))
                .fold(0, |m, b| m | b);
            let kinds = if rule.applies_to.is_empty() {
                ALL_KINDS
            } else {
                kinds
            };
            let checked = check::compile(&env, &rule.expression, kinds);
            match (problems.is_empty(), checked) {
                (true, Ok(c)) => compiled.push((rule, kinds, c)),
                (_, Err(messages)) => {
                    errors.extend(problems.into_iter().map(|m| error(rule, m)));
                    errors.extend(messages.into_iter().map(|m| error(rule, m)));
                }
                (false, Ok(_)) => errors.extend(problems.into_iter().map(|m| error(rule, m))),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let needs = compiled
            .iter()
            .fold(Needs::default(), |n, (_, _, c)| n.union(c.needs));
        let kinds = compiled.iter().fold(0, |m, (_, k, _)| m | k);
        let mut lists = lower::Lists::default();
        let rules = compiled
            .into_iter()
            .map(|(rule, kinds, mut c)| {
                lower::lower(&mut c.expr, &mut lists);
                Compiled {
                    rule: rule.clone(),
                    kinds,
                    expr: c.expr,
                }
            })
            .collect();
        Ok(RuleSet {
            env,
            rules,
            needs,
            kinds,
            lists: lists.values,
        })
    }

    /// The rules, as compiled, in order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().map(|c| &c.rule)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Runs the rules that apply to the event's type. Never panics: a rule that cannot be
    /// evaluated on this event is reported in [`Evaluation::errors`].
    pub fn evaluate(&self, event: &Event, account: &AccountStats) -> Evaluation {
        let mut out = Evaluation::default();
        let bit = kind_bit(event.body.kind()).unwrap_or(0);
        if self.kinds & bit == 0 {
            return out;
        }
        let scope = Scope::new(event, account, self.needs, &self.lists);
        let mut ctx = Context::with_env(Arc::clone(&self.env));
        ctx.set_variable_resolver(&scope);
        let mut score = 0.0;
        for c in self.rules.iter().filter(|c| c.kinds & bit != 0) {
            let rule = &c.rule;
            let result = Value::resolve_val(&c.expr, &ctx);
            let held = match &result {
                Ok(v) => match v.downcast_ref::<CelBool>() {
                    Some(b) => *b.inner(),
                    None => {
                        out.errors.push(EvalError {
                            rule_id: rule.id.clone(),
                            version: rule.version,
                            message: format!(
                                "the expression gave a {}, not true or false",
                                v.get_type().name()
                            ),
                        });
                        false
                    }
                },
                Err(e) => {
                    out.errors.push(EvalError {
                        rule_id: rule.id.clone(),
                        version: rule.version,
                        message: explain(e),
                    });
                    false
                }
            };
            if !held {
                continue;
            }
            let shadow = rule.mode == Mode::Shadow;
            if !shadow {
                out.outcome = out.outcome.max(rule.outcome);
                score += rule.score;
            }
            out.hits.push(Hit {
                rule_id: rule.id.clone(),
                version: rule.version,
                name: rule.name.clone(),
                outcome: rule.outcome,
                score: rule.score,
                shadow,
            });
        }
        out.score = f64::min(score, MAX_SCORE);
        out
    }
}

fn error(rule: &Rule, message: String) -> RuleError {
    RuleError {
        rule_id: rule.id.clone(),
        version: rule.version,
        message,
    }
}

/// What is wrong with a rule's id, name, description, event types, score and version.
fn validate(rule: &Rule) -> Vec<String> {
    let mut problems = Vec::new();
    if !valid_id(&rule.id) {
        problems.push(format!(
            "the id {:?} must be 1 to {MAX_ID_BYTES} lower-case letters, digits, '_' or '-'",
            rule.id
        ));
    }
    if rule.version == 0 {
        problems.push("the version must be 1 or more".into());
    }
    let name = rule.name.trim();
    if name.is_empty() {
        problems.push("the name is empty".into());
    } else if rule.name.chars().count() > MAX_NAME_CHARS {
        problems.push(format!(
            "the name is longer than {MAX_NAME_CHARS} characters"
        ));
    } else if rule.name.chars().any(char::is_control) {
        problems.push("the name contains control characters".into());
    }
    if rule.description.chars().count() > MAX_DESCRIPTION_CHARS {
        problems.push(format!(
            "the description is longer than {MAX_DESCRIPTION_CHARS} characters"
        ));
    }
    for (i, kind) in rule.applies_to.iter().enumerate() {
        if kind_bit(kind).is_none() {
            problems.push(format!(
                "applies_to names {kind:?}, which is not an event type ({})",
                EVENT_TYPES.join(", ")
            ));
        } else if rule.applies_to[..i].contains(kind) {
            problems.push(format!("applies_to names {kind:?} twice"));
        }
    }
    if !(rule.score.is_finite() && (0.0..=MAX_SCORE).contains(&rule.score)) {
        problems.push(format!(
            "the score must be from 0 to {MAX_SCORE}, not {}",
            rule.score
        ));
    }
    problems
}

/// A rule id: `[a-z0-9_-]{1,64}`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// An evaluation error in an analyst's words.
fn explain(e: &ExecutionError) -> String {
    match e {
        ExecutionError::NoSuchKey(key) => {
            format!("`{key}` is not set on this event (test it with has() before reading it)")
        }
        ExecutionError::UndeclaredReference(name) => match name.split_once('.') {
            Some((root, field)) if root == "event" || root == "account" => format!(
                "`{name}` is not set on this event (test it with has({root}.{field}) before reading it)"
            ),
            _ => format!("unknown name `{name}`"),
        },
        other => other.to_string(),
    }
}
