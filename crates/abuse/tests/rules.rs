//! Analyst rules: what a rule set decides about an event, what the compiler refuses and how it
//! says so, how hostile expressions are bounded, and what rule tests and backtests report.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use proptest::prelude::*;
use rampart_abuse::events::{Channel, Condition, Event, RefundReason, ReturnStage, parse_line};
use rampart_abuse::rules::check::{MAX_EXPRESSION_BYTES, MAX_NESTING};
use rampart_abuse::rules::{
    ACCOUNT_FIELDS, BacktestCase, EVENT_FIELDS, EVENT_TYPES, Evaluation, Expect, Got, Mode,
    Outcome, Rule, RuleSet, RuleTest, backtest, example_rules, run_tests, valid_id,
};
use rampart_abuse::simulate::{Config, simulate};
use rampart_abuse::stats::AccountStats;
use serde_json::json;

// ---------------------------------------------------------------------------------------------
// Helpers.

fn rule(id: &str, applies_to: &[&str], expression: &str) -> Rule {
    Rule {
        id: id.into(),
        version: 1,
        name: format!("rule {id}"),
        description: String::new(),
        applies_to: applies_to.iter().map(|k| (*k).into()).collect(),
        expression: expression.into(),
        outcome: Outcome::Review,
        score: 10.0,
        mode: Mode::Live,
    }
}

fn with(mut r: Rule, outcome: Outcome, score: f64, mode: Mode) -> Rule {
    r.outcome = outcome;
    r.score = score;
    r.mode = mode;
    r
}

fn event(line: serde_json::Value) -> Event {
    parse_line(&line.to_string()).unwrap()
}

fn refund(amount: &str, category: Option<&str>) -> Event {
    let mut line = json!({
        "id": "evt-r", "type": "refund", "at": "2026-03-05T14:07:00Z", "refund_id": "rf-1",
        "order_id": "o-1", "account_id": "a-1", "amount": {"value": amount, "currency": "EUR"},
        "reason": "not_received", "channel": "chat", "issued_by": "agent-17",
        "return_required": false
    });
    if let Some(c) = category {
        line["category"] = json!(c);
    }
    event(line)
}

fn order() -> Event {
    event(json!({
        "id": "evt-o", "type": "order", "at": "2026-03-01T10:00:00Z", "order_id": "o-1",
        "account_id": "a-1", "items": [
            {"item_id": "i-1", "category": "Coins", "price": {"value": "450.00", "currency": "EUR"}, "quantity": 3},
            {"item_id": "i-2", "category": "books", "price": {"value": "12.50", "currency": "EUR"}, "weight_grams": 400}
        ]
    }))
}

fn account() -> AccountStats {
    AccountStats {
        account_id: "a-1".into(),
        known: true,
        age_days: 12.5,
        orders: 4,
        refunds: 3,
        refunds_30d: 3,
        ..AccountStats::default()
    }
}

fn run(rules: &[Rule], e: &Event) -> Evaluation {
    RuleSet::compile(rules).unwrap().evaluate(e, &account())
}

fn hit_ids(ev: &Evaluation) -> Vec<&str> {
    ev.hits.iter().map(|h| h.rule_id.as_str()).collect()
}

/// The compile errors of one rule, as messages.
fn refused(applies_to: &[&str], expression: &str) -> Vec<String> {
    match RuleSet::compile(&[rule("r", applies_to, expression)]) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.message).collect(),
    }
}

/// Asserts the expression is refused with a message containing each of `words`.
fn check_refused(applies_to: &[&str], expression: &str, words: &[&str]) {
    let messages = refused(applies_to, expression);
    assert!(!messages.is_empty(), "accepted: {expression}");
    let all = messages.join(" | ");
    for w in words {
        assert!(all.contains(w), "{expression}: {all:?} lacks {w:?}");
    }
}

fn check_accepted(applies_to: &[&str], expression: &str) {
    let messages = refused(applies_to, expression);
    assert!(messages.is_empty(), "{expression}: {messages:?}");
}

// ---------------------------------------------------------------------------------------------
// Decisions.

#[test]
fn outcomes_are_ordered_by_severity_and_read_back() {
    assert!(Outcome::Approve < Outcome::Review && Outcome::Review < Outcome::Block);
    for o in Outcome::ALL {
        assert_eq!(Outcome::parse(o.as_str()), Some(o));
        assert_eq!(serde_json::to_value(o).unwrap(), json!(o.as_str()));
    }
    assert_eq!(Outcome::parse("deny"), None);
    let wrong = serde_json::from_value::<Outcome>(json!("deny")).unwrap_err();
    assert!(wrong.to_string().contains("approve"), "{wrong}");
}

#[test]
fn the_most_severe_live_outcome_wins_and_shadow_hits_change_nothing() {
    let rules = [
        with(
            rule("live_review", &["refund"], "true"),
            Outcome::Review,
            30.0,
            Mode::Live,
        ),
        with(
            rule("shadow_block", &["refund"], "true"),
            Outcome::Block,
            50.0,
            Mode::Shadow,
        ),
        with(
            rule("live_approve", &["refund"], "true"),
            Outcome::Approve,
            5.0,
            Mode::Live,
        ),
        with(
            rule("no_hit", &["refund"], "false"),
            Outcome::Block,
            90.0,
            Mode::Live,
        ),
    ];
    let ev = run(&rules, &refund("10.00", None));
    assert_eq!(ev.outcome, Outcome::Review);
    assert_eq!(ev.score, 35.0);
    assert_eq!(
        hit_ids(&ev),
        ["live_review", "shadow_block", "live_approve"]
    );
    let shadow: Vec<bool> = ev.hits.iter().map(|h| h.shadow).collect();
    assert_eq!(shadow, [false, true, false]);
    assert_eq!(ev.hits[1].outcome, Outcome::Block);
    assert_eq!(ev.hits[1].score, 50.0);
    assert!(ev.errors.is_empty());

    let live_block = with(rule("b", &[], "true"), Outcome::Block, 1.0, Mode::Live);
    assert_eq!(run(&[live_block], &order()).outcome, Outcome::Block);
}

#[test]
fn scores_add_up_to_at_most_one_hundred() {
    let rules = [
        with(rule("a", &[], "true"), Outcome::Review, 60.0, Mode::Live),
        with(rule("b", &[], "true"), Outcome::Review, 50.0, Mode::Live),
        with(rule("c", &[], "true"), Outcome::Review, 100.0, Mode::Shadow),
    ];
    let ev = run(&rules, &order());
    assert_eq!(ev.score, 100.0);
    assert_eq!(ev.hits.len(), 3);
}

#[test]
fn nothing_holds_approve_with_no_score() {
    let ev = run(&[rule("a", &[], "account.refunds > 100")], &order());
    assert_eq!(ev, Evaluation::default());
    assert_eq!(ev.outcome, Outcome::Approve);
}

#[test]
fn a_rule_sees_only_the_event_types_it_applies_to() {
    let rules = [
        rule("refunds_only", &["refund"], "true"),
        rule("orders_and_refunds", &["order", "refund"], "true"),
        rule("everything", &[], "true"),
    ];
    let set = RuleSet::compile(&rules).unwrap();
    let on = |e: &Event| {
        set.evaluate(e, &account())
            .hits
            .into_iter()
            .map(|h| h.rule_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        on(&refund("5.00", None)),
        ["refunds_only", "orders_and_refunds", "everything"]
    );
    assert_eq!(on(&order()), ["orders_and_refunds", "everything"]);
    let staff = event(
        json!({"id": "s", "type": "staff", "at": "2026-01-01T00:00:00Z",
        "agent_id": "agent-1", "team": "refunds"}),
    );
    assert_eq!(on(&staff), ["everything"]);
}

// ---------------------------------------------------------------------------------------------
// What a rule reads.

#[test]
fn event_fields_read_as_documented() {
    let checks: &[(&[&str], &str)] = &[
        (
            &["refund"],
            "event.type == 'refund' && event.id == 'evt-r' && event.at == 1772719620000",
        ),
        (
            &["refund"],
            "event.amount == 1299.5 && event.amount_minor == 129950 && event.currency == 'EUR'",
        ),
        (
            &["refund"],
            "event.reason == 'not_received' && event.channel == 'chat'",
        ),
        (
            &["refund"],
            "event.issued_by == 'agent-17' && has(event.agent) && event.agent == 'agent-17' && !event.automatic",
        ),
        (
            &["refund"],
            "!event.return_required && !event.overrides_denial && event.?category.orValue('') == 'laptops'",
        ),
        (
            &["refund"],
            "event.account_id == 'a-1' && event.order_id == 'o-1' && event.refund_id == 'rf-1'",
        ),
        (
            &["refund"],
            "has(event.category) && !('weight_grams' in event) && 'category' in event && size(event) == 17",
        ),
    ];
    let e = refund("1299.50", Some("Laptops"));
    for (kinds, expr) in checks {
        let ev = run(&[rule("r", kinds, expr)], &e);
        assert!(ev.errors.is_empty(), "{expr}: {:?}", ev.errors);
        assert_eq!(ev.hits.len(), 1, "{expr} did not hold");
    }
    let order_checks = [
        "event.total == 1362.5 && event.total_minor == 136250 && event.currency == 'EUR'",
        "event.categories == ['coins', 'books'] && 'coins' in event.categories && event.item_count == 4",
        "['coins', 'books'] == event.categories && size(event.categories + ['x']) == 3",
        "size(event.items) == 2 && event.items[0].price == 450.0 && event.items[0].price_minor == 45000",
        "event.items.exists(i, i.category == 'coins' && i.quantity >= 3)",
        "event.items.all(i, !has(i.weight_grams) || i.weight_grams < 1000)",
        "event.items.filter(i, has(i.weight_grams)).size() == 1",
        "!has(event.shipping_country) && event.?shipping_country.orValue('none') == 'none'",
    ];
    for expr in order_checks {
        let ev = run(&[rule("r", &["order"], expr)], &order());
        assert!(ev.errors.is_empty(), "{expr}: {:?}", ev.errors);
        assert_eq!(ev.hits.len(), 1, "{expr} did not hold");
    }
}

#[test]
fn account_events_contacts_reviews_and_returns_read_as_documented() {
    let signup = event(
        json!({"id": "e1", "type": "account", "at": "2026-01-01T00:00:00Z",
        "account_id": "a-1", "email": "Kim.Doe@MailInator.com", "ip": "2001:db8::1",
        "addresses": [{"line1": "1 High St", "country": "gb"}, {"line1": "2 Low St", "country": "GB"},
                      {"line1": "3 Rue", "country": "fr"}]}),
    );
    let contact = event(
        json!({"id": "e2", "type": "contact", "at": "2026-01-01T00:00:00Z",
        "contact_id": "c1", "account_id": "a-1", "channel": "chat", "transcript": "héllo"}),
    );
    let review = event(
        json!({"id": "e3", "type": "review", "at": "2026-01-01T00:00:00Z",
        "review_id": "v1", "account_id": "a-1", "product_id": "p1", "rating": 5, "text": "great"}),
    );
    let ret = event(
        json!({"id": "e4", "type": "return", "at": "2026-01-01T00:00:00Z",
        "return_id": "r1", "order_id": "o1", "account_id": "a-1", "stage": "received",
        "weight_grams": 40, "condition": "empty"}),
    );
    let checks: &[(&Event, &str, &str)] = &[
        (
            &signup,
            "account",
            "has(event.email_domain) && event.email_domain == 'mailinator.com' && has(event.ip) && event.ip == '2001:db8::1'",
        ),
        (
            &signup,
            "account",
            "event.countries == ['GB', 'FR'] && event.address_count == 3",
        ),
        (
            &signup,
            "account",
            "!has(event.phone) && !has(event.device_id)",
        ),
        (
            &contact,
            "contact",
            "event.transcript_length == 5 && event.transcript.contains('llo')",
        ),
        (
            &contact,
            "contact",
            "!has(event.agent) && !has(event.order_id) && event.channel == 'chat'",
        ),
        (
            &review,
            "review",
            "event.rating == 5 && event.text_length == 5 && event.product_id == 'p1'",
        ),
        (
            &ret,
            "return",
            "event.stage == 'received' && event.?weight_grams.orValue(0) == 40 && has(event.condition) && event.condition == 'empty'",
        ),
        (
            &ret,
            "return",
            "account.refunds_30d == 3 && account.age_days == 12.5 && account.known",
        ),
    ];
    for (e, kind, expr) in checks {
        let ev = run(&[rule("r", &[kind], expr)], e);
        assert!(ev.errors.is_empty(), "{expr}: {:?}", ev.errors);
        assert_eq!(ev.hits.len(), 1, "{expr} did not hold");
    }
}

#[test]
fn functions_a_rule_may_call_are_there() {
    let e = event(
        json!({"id": "e2", "type": "contact", "at": "2026-01-01T00:00:00Z",
        "contact_id": "c1", "account_id": "a-1", "channel": "chat",
        "transcript": "Refund to my ORIGINAL payment method"}),
    );
    for expr in [
        "event.transcript.matches('(?i)original payment') && matches(event.transcript, 'Refund')",
        "event.transcript.startsWith('Refund') && event.transcript.endsWith('method')",
        "event.transcript.lowerAscii().contains('original') && event.transcript.upperAscii().contains('REFUND')",
        "event.transcript.split(' ').size() == 6 && size(event.transcript) == 36",
        "event.transcript.indexOf('to') == 7 && event.transcript.lastIndexOf('o') == 34",
        "event.transcript.substring(0, 6) == 'Refund' && event.transcript.charAt(0) == 'R'",
        "event.transcript.replace('Refund', 'R').trim().reverse().startsWith('dohtem')",
        "strings.quote('a') == '\"a\"' && event.transcript.trim() != ''",
        "int('3') == 3 && double(account.refunds) == 3.0 && string(3) == '3' && uint(3) == 3u",
        "bool('true') && type(1) == int && dyn(1) == 1 && bytes('a') == b'a'",
        "math.greatest(1, 5, 3) == 5 && math.least(2.0, 1.0) == 1.0 && math.abs(-2) == 2",
        "math.ceil(1.2) == 2.0 && math.floor(1.8) == 1.0 && math.round(1.5) == 2.0 && math.trunc(1.9) == 1.0",
        "math.sqrt(4.0) == 2.0 && math.sign(-3) == -1 && math.isFinite(1.0) && !math.isNaN(1.0) && !math.isInf(1.0)",
        "math.bitAnd(6, 3) == 2 && math.bitOr(4, 1) == 5 && math.bitXor(3, 1) == 2 && math.bitNot(0) == -1",
        "math.bitShiftLeft(1, 2) == 4 && math.bitShiftRight(4, 2) == 1",
        "optional.of(1).hasValue() && !optional.none().hasValue() && optional.ofNonZeroValue(0).orValue(7) == 7",
        "optional.of(2).value() == 2 && optional.none().or(optional.of(3)).value() == 3",
        "[1, 2, 3].exists_one(x, x == 2) && [1, 2].map(x, x * 2) == [2, 4] && {'a': 1}.size() == 1",
    ] {
        let ev = run(&[rule("r", &["contact"], expr)], &e);
        assert!(ev.errors.is_empty(), "{expr}: {:?}", ev.errors);
        assert_eq!(ev.hits.len(), 1, "{expr} did not hold");
    }
}

// ---------------------------------------------------------------------------------------------
// What the compiler refuses.

#[test]
fn syntax_errors_say_where() {
    check_refused(
        &["refund"],
        "event.amount >",
        &["line 1, column 15", "expecting"],
    );
    check_refused(
        &["refund"],
        "event.amount > 1.0 &&\n  (event.reason ==",
        &["line 2"],
    );
    check_refused(&["refund"], "   ", &["empty"]);
}

#[test]
fn unknown_names_and_fields_are_named_with_a_suggestion() {
    check_refused(
        &["refund"],
        "evnt.amount > 1.0",
        &["unknown name `evnt`", "did you mean `event`"],
    );
    check_refused(
        &["refund"],
        "refunds_30d > 2",
        &["unknown name `refunds_30d`", "`account.refunds_30d`"],
    );
    check_refused(
        &["refund"],
        "account.refund_30d > 2",
        &[
            "`account` has no field `refund_30d`",
            "did you mean `account.refunds_30d`",
        ],
    );
    check_refused(
        &["refund"],
        "event.amout > 1.0",
        &["line 1, column 1", "did you mean `event.amount`"],
    );
    check_refused(
        &["refund"],
        "event.refunds_30d > 1",
        &["`refunds_30d` is a field of `account`"],
    );
    check_refused(
        &["order"],
        "event.items.exists(i, i.categroy == 'x')",
        &["did you mean `category`"],
    );
    check_refused(
        &["contact"],
        "event.transcript.startswith('x')",
        &["unknown method", "did you mean `startsWith`"],
    );
    check_refused(
        &["contact"],
        "lower(event.transcript) == 'x'",
        &["unknown function `lower`"],
    );
    check_refused(
        &["contact"],
        "event.transcript.int() == 1",
        &["`int` is called as `int(x)`"],
    );
}

#[test]
fn fields_are_read_only_where_events_carry_them() {
    check_refused(
        &["order"],
        "event.amount > 1.0",
        &["comes with refund events only, never with order events"],
    );
    check_refused(&[], "event.amount > 1.0", &["also sees", "applies_to"]);
    check_refused(
        &["refund", "order"],
        "event.amount > 1.0",
        &["also sees order events"],
    );
    check_accepted(&[], "event.type == 'refund' && event.amount > 1.0");
    check_accepted(&[], "event.type in ['refund'] && event.amount > 1.0");
    check_accepted(&[], "event.type != 'refund' || event.amount > 1.0");
    check_accepted(&[], "event.type == 'refund' ? event.amount > 1.0 : false");
    check_accepted(&[], "has(event.amount) && event.amount > 1.0");
    check_refused(
        &["refund"],
        "event.category == 'laptops'",
        &["not on every refund event", "has(event.category)"],
    );
    check_accepted(
        &["refund"],
        "has(event.category) && event.category == 'laptops'",
    );
    check_accepted(
        &["refund"],
        "!has(event.category) || event.category == 'laptops'",
    );
    check_accepted(&["refund"], "event.?category.orValue('') == 'laptops'");
    check_refused(
        &["order"],
        "event.items.exists(i, i.weight_grams < 100)",
        &["`i.weight_grams` is not on every order item"],
    );
    check_accepted(
        &["order"],
        "event.items.exists(i, has(i.weight_grams) && i.weight_grams < 100)",
    );
    check_refused(
        &["order"],
        "has(event.amount)",
        &["never with order events"],
    );
}

#[test]
fn values_and_types_that_never_match_are_refused() {
    check_refused(
        &["refund"],
        "event.reason == 'not received'",
        &["`event.reason` is never 'not received'", "not_received"],
    );
    check_refused(
        &["refund"],
        "event.channel in ['chat', 'phone call']",
        &["never 'phone call'"],
    );
    check_refused(
        &["order"],
        "event.type == 'refund'",
        &["`event.type` is never 'refund' here"],
    );
    check_refused(
        &["review"],
        "event.rating == '5'",
        &["an int is compared with a string", "never equal"],
    );
    check_refused(&["review"], "event.rating in ['4', '5']", &["never there"]);
    check_refused(
        &["refund"],
        "event.amount * 2 > 100.0",
        &["mixes a double and an int", "2.0"],
    );
    check_refused(&["refund"], "event.amount > 'x'", &["cannot be ordered"]);
    check_refused(
        &["refund"],
        "account.refunds_30d",
        &["gives an int", "true or false"],
    );
    check_refused(&["refund"], "event.amount + 1.0", &["gives a double"]);
    check_refused(
        &["refund"],
        "account.refunds && true",
        &["`&&` needs true or false"],
    );
    check_refused(
        &["contact"],
        "event.transcript.matches('(unclosed')",
        &["pattern of `matches` is invalid"],
    );
    check_refused(&["refund"], "size(event.amount) > 1", &["`size` counts"]);
    check_accepted(&["review"], "event.rating > 3.5 && event.rating == 5.0");
    check_accepted(
        &["refund"],
        "event.amount_minor / 100 > 5 && event.amount * 2.0 > 10.0",
    );
}

#[test]
fn compile_errors_name_every_bad_rule_and_only_those() {
    let rules = [
        rule("good", &["refund"], "event.amount > 10.0"),
        rule("bad_syntax", &["refund"], "event.amount >"),
        rule("bad_field", &["refund"], "account.refundz > 1"),
        rule("also_good", &[], "account.refunds > 1"),
    ];
    let errors = RuleSet::compile(&rules).unwrap_err();
    let named: BTreeSet<&str> = errors.iter().map(|e| e.rule_id.as_str()).collect();
    assert_eq!(named, BTreeSet::from(["bad_field", "bad_syntax"]));
    assert!(errors.iter().all(|e| e.version == 1));
    let shown = errors[0].to_string();
    assert!(shown.starts_with("rule bad_syntax v1: line 1"), "{shown}");
}

#[test]
fn rule_metadata_is_checked() {
    for id in ["a", "refund-1", "x_y_2", &"a".repeat(64)] {
        assert!(valid_id(id), "{id}");
    }
    for id in ["", "A", "has space", "é", "a.b", "a/b", &"a".repeat(65)] {
        assert!(!valid_id(id), "{id}");
    }
    let problems = |r: Rule| {
        RuleSet::compile(&[r])
            .unwrap_err()
            .into_iter()
            .map(|e| e.message)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let base = rule("ok", &["refund"], "true");
    assert!(
        problems(Rule {
            id: "Bad Id".into(),
            ..base.clone()
        })
        .contains("the id \"Bad Id\"")
    );
    assert!(
        problems(Rule {
            version: 0,
            ..base.clone()
        })
        .contains("version")
    );
    assert!(
        problems(Rule {
            name: " ".into(),
            ..base.clone()
        })
        .contains("name is empty")
    );
    assert!(
        problems(Rule {
            name: "x".repeat(121),
            ..base.clone()
        })
        .contains("longer than 120")
    );
    assert!(
        problems(Rule {
            description: "x".repeat(2001),
            ..base.clone()
        })
        .contains("description")
    );
    assert!(
        problems(Rule {
            applies_to: vec!["parcel".into()],
            ..base.clone()
        })
        .contains("\"parcel\"")
    );
    assert!(
        problems(Rule {
            applies_to: vec!["order".into(), "order".into()],
            ..base.clone()
        })
        .contains("twice")
    );
    for score in [-1.0, 100.5, f64::NAN, f64::INFINITY] {
        assert!(
            problems(Rule {
                score,
                ..base.clone()
            })
            .contains("score"),
            "{score}"
        );
    }
    let twice = RuleSet::compile(&[
        base.clone(),
        Rule {
            version: 2,
            ..base.clone()
        },
    ])
    .unwrap_err();
    assert_eq!(twice.len(), 1);
    assert!(
        twice[0].message.contains("versions 1 and 2"),
        "{}",
        twice[0].message
    );
}

#[test]
fn rules_read_from_json_and_keep_their_fields() {
    let r: Rule = serde_json::from_value(json!({
        "id": "x", "version": 2, "name": "X", "expression": "true",
        "outcome": "block", "score": 12.5, "mode": "shadow"
    }))
    .unwrap();
    assert_eq!((r.description.as_str(), r.applies_to.len()), ("", 0));
    assert_eq!((r.outcome, r.mode), (Outcome::Block, Mode::Shadow));
    let back: Rule = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
    assert_eq!(back, r);
    let typo = serde_json::from_value::<Rule>(json!({
        "id": "x", "version": 2, "name": "X", "expression": "true",
        "outcome": "block", "score": 1, "mode": "live", "scroe": 3
    }));
    assert!(typo.unwrap_err().to_string().contains("scroe"));
}

// ---------------------------------------------------------------------------------------------
// Evaluation errors.

#[test]
fn an_evaluation_error_is_reported_not_a_hit_and_others_still_run() {
    let rules = [
        rule(
            "divides_by_zero",
            &["order"],
            "account.refunds / account.orders > 1",
        ),
        rule("bad_number", &["order"], "int(event.items[0].category) > 3"),
        rule("out_of_range", &["order"], "event.items[7].price > 1.0"),
        rule("fine", &["order"], "true"),
    ];
    let set = RuleSet::compile(&rules).unwrap();
    let ev = set.evaluate(&order(), &AccountStats::default());
    assert_eq!(hit_ids(&ev), ["fine"]);
    let errored: Vec<&str> = ev.errors.iter().map(|e| e.rule_id.as_str()).collect();
    assert_eq!(errored, ["divides_by_zero", "bad_number", "out_of_range"]);
    assert!(ev.errors[0].message.contains("zero"), "{:?}", ev.errors[0]);
    assert_eq!(ev.outcome, Outcome::Review);
}

#[test]
fn comparisons_negations_presence_and_lists_keep_their_meaning_when_run() {
    let e = refund("250.00", Some("phones"));
    let holds = [
        "event.amount > 249.99 && event.amount >= 250.0 && event.amount < 250.01 && event.amount <= 250",
        "account.refunds > 2.5 && 3u >= account.refunds && 'b' > 'a' && true > false",
        "!event.return_required && !!event.automatic == false && !(event.amount < 1.0)",
        "has(event.category) && has(account.refunds) && !has(event.agent) == false",
        "has(event.category) && event.category in ['phones', 'laptops'] && !(event.category in ['coins'])",
        "['chat', 'phone'].exists(c, c == event.channel) && ['x', 'y'].size() == 2",
        "has(event.category) && [event.category, 'x'] == ['phones', 'x'] && ['a', 'b'] + ['c'] == ['a', 'b', 'c']",
    ];
    for expr in holds {
        let ev = run(&[rule("r", &["refund"], expr)], &e);
        assert!(ev.errors.is_empty(), "{expr}: {:?}", ev.errors);
        assert_eq!(ev.hits.len(), 1, "{expr} did not hold");
    }
    let fails = [
        (
            "dyn(event.reason) > 1",
            "found no matching overload for '_>_' applied to '(string, int)'",
        ),
        ("dyn(1) <= dyn('a')", "'_<=_' applied to '(int, string)'"),
        ("!dyn(event.amount)", "double"),
    ];
    for (expr, message) in fails {
        let ev = run(&[rule("r", &["refund"], expr)], &e);
        assert!(ev.hits.is_empty(), "{expr}");
        assert!(
            ev.errors[0].message.contains(message),
            "{expr}: {:?}",
            ev.errors
        );
    }
}

#[test]
fn a_field_read_dynamically_and_absent_is_an_error_in_words() {
    let ev = run(
        &[rule(
            "r",
            &["refund"],
            "event[['category'][0]] == 'laptops'",
        )],
        &refund("9.00", None),
    );
    assert!(ev.hits.is_empty());
    assert!(
        ev.errors[0].message.contains("`category` is not set"),
        "{:?}",
        ev.errors
    );
    let ev = run(
        &[rule(
            "r",
            &["refund"],
            "event[['category'][0]] == 'laptops'",
        )],
        &refund("9.00", Some("laptops")),
    );
    assert_eq!(ev.hits.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Hostile expressions.

#[test]
fn long_expressions_are_refused_before_parsing() {
    let long = format!("{}true", "true && ".repeat(MAX_EXPRESSION_BYTES / 8));
    assert!(long.len() > MAX_EXPRESSION_BYTES);
    check_refused(&[], &long, &["bytes long"]);
}

#[test]
fn deep_nesting_is_refused_before_the_parser_recurses() {
    for n in [MAX_NESTING + 1, 100, 10_000 / 4] {
        let expr = format!("{}true{}", "(".repeat(n), ")".repeat(n));
        let expr: String = expr.chars().take(MAX_EXPRESSION_BYTES).collect();
        check_refused(&[], &expr, &["nest more than 8 deep"]);
    }
    let ten_thousand = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
    check_refused(&[], &ten_thousand, &["bytes long"]);
    check_refused(
        &[],
        &format!("{}1{} == [[1]]", "[".repeat(9), "]".repeat(9)),
        &["nest"],
    );
    // At the bound, it parses and runs, on a test thread's stack, in a debug build.
    let deepest = format!("{}true{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
    assert_eq!(run(&[rule("r", &[], &deepest)], &order()).hits.len(), 1);
}

#[test]
fn long_operator_chains_are_refused_before_the_interpreter_recurses() {
    let chain = format!("{} > 0", vec!["account.refunds"; 60].join(" + "));
    check_refused(&[], &chain, &["levels deep"]);
    let chain = format!("{} > 0", vec!["1"; 600].join("+"));
    check_refused(&[], &chain, &["operators"]);
    let members = format!("{{}}{} == 1", ".a".repeat(100));
    assert!(!refused(&[], &members).is_empty());
    // The deepest accepted shapes run without exhausting a test thread's stack.
    let chain = format!("{} >= 0", vec!["account.refunds"; 20].join(" + "));
    assert_eq!(run(&[rule("r", &[], &chain)], &order()).hits.len(), 1);
    let looped = format!(
        "event.items.exists(i, {} >= 0)",
        vec!["i.quantity"; 14].join(" + ")
    );
    assert_eq!(
        run(&[rule("r", &["order"], &looped)], &order()).hits.len(),
        1
    );
}

#[test]
fn strings_and_comments_cannot_hide_brackets_from_the_bound() {
    check_accepted(&["contact"], "event.transcript.contains('((((((((((((')");
    check_accepted(
        &["contact"],
        "event.transcript.contains(r'\\((((((((((((') // ((((((((((\n|| true",
    );
    check_accepted(
        &["contact"],
        "event.transcript.contains('''\n((((((((((((''')",
    );
    // What the lexer would skip and recover from is refused, not counted around.
    check_refused(&[], "'((((((((((((((((((((", &["not closed"]);
    check_refused(
        &[],
        "'a\n((((((((((((((((((((true))))))))))))))))))))'",
        &["not closed on its line"],
    );
    check_refused(&[], "'\\q' == '(((((((((((((((((((('", &["invalid escape"]);
    check_refused(&[], "'''((((((((((((((((((((", &["not closed"]);
}

#[test]
fn what_could_cost_far_more_than_the_event_is_large_is_refused() {
    let contact = &["contact"];
    check_refused(
        contact,
        "event.transcript.replace('', event.transcript).size() > 1",
        &["`replace` takes two string literals"],
    );
    check_refused(
        contact,
        "event.transcript.replace('a', 'aa') == ''",
        &["no longer than it"],
    );
    check_accepted(contact, "event.transcript.replace('  ', ' ').contains('x')");
    check_refused(
        contact,
        "event.transcript.split('').join(event.transcript) == ''",
        &["`join` is not available"],
    );
    check_refused(
        contact,
        "'%s'.format([event.transcript]) == ''",
        &["`format` is not available"],
    );
    check_refused(
        contact,
        "event.transcript.indexOf(event.transcript) > 0",
        &["`indexOf` looks for a string literal"],
    );
    check_refused(
        contact,
        "event.transcript.split('').exists(c, event.transcript.contains(c))",
        &["over split"],
    );
    check_accepted(contact, "'refund' in event.transcript.split(' ')");
    check_refused(
        contact,
        "event.transcript + 'x' == 'y'",
        &["could build a string of 390 KiB"],
    );
    check_refused(
        contact,
        "event.?transcript.orValue('') + '' == 'y'",
        &["could build"],
    );
    check_refused(
        &["review"],
        "[event.text, 'x'].exists(t, t + t + t + t == '')",
        &["could build"],
    );
    check_accepted(
        &["refund"],
        "event.reason + '/' + event.channel == 'not_received/chat'",
    );
}

#[test]
fn loops_do_not_nest() {
    check_refused(
        &["order"],
        "event.items.exists(i, event.items.exists(j, i.price > j.price))",
        &["inside another"],
    );
    check_refused(
        &["order"],
        "event.items.exists(event, true)",
        &["may not be called `event`"],
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever an analyst types, compiling returns rules or errors, and a compiled rule
    /// evaluates without panicking.
    #[test]
    fn compiling_anything_never_panics(expr in "[ -~\n]{0,120}") {
        if let Ok(set) = RuleSet::compile(&[rule("p", &[], &expr)]) {
            let _ = set.evaluate(&order(), &account());
        }
    }

    #[test]
    fn compiling_cel_shaped_text_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("event."), Just("account."), Just("amount"), Just("refunds"), Just("type"),
                Just("("), Just(")"), Just("["), Just("]"), Just(" && "), Just(" || "), Just("!"),
                Just(" == "), Just(" > "), Just("'refund'"), Just("1"), Just("2.5"), Just(","),
                Just("has("), Just(".exists(i, "), Just("i"), Just("size("), Just(" in "),
                Just("-"), Just("?"), Just(":"), Just("\""), Just("'"), Just("\\"), Just("r'"),
            ],
            0..40,
        )
    ) {
        let expr = parts.concat();
        if let Ok(set) = RuleSet::compile(&[rule("p", &[], &expr)]) {
            let _ = set.evaluate(&refund("5.00", Some("phones")), &account());
            let _ = set.evaluate(&order(), &account());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rule tests, backtests, the example rules.

fn rule_test_files() -> Vec<(String, RuleTest)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let t: RuleTest = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            (p.display().to_string(), t)
        })
        .collect()
}

#[test]
fn the_sample_rule_test_files_pass() {
    let files = rule_test_files();
    assert!(files.len() >= 3);
    for (path, t) in files {
        let report = run_tests(&t);
        assert!(report.passed(), "{path}:\n{report}");
        assert!(report.examples.iter().any(|e| e.got == Got::Hit), "{path}");
        assert!(report.examples.iter().any(|e| e.got == Got::Miss), "{path}");
    }
}

#[test]
fn a_rule_test_says_which_example_failed_and_why() {
    let (_, mut t) = rule_test_files()
        .into_iter()
        .find(|(p, _)| p.ends_with("high_value_not_received.json"))
        .unwrap();
    t.examples[0].expect = Expect::Miss;
    t.examples[1].event["amount"] = json!({"value": "-3", "currency": "EUR"});
    t.examples[2].account.refunds_30d = 1;
    let report = run_tests(&t);
    assert!(!report.passed());
    let results: Vec<(bool, Got, &str)> = report
        .examples
        .iter()
        .map(|e| (e.passed, e.got, e.detail.as_str()))
        .take(3)
        .collect();
    assert!(!results[0].0);
    assert_eq!(results[0].2, "expected a miss, got a hit");
    assert_eq!((results[1].0, results[1].1), (false, Got::InvalidEvent));
    assert!(results[1].2.contains("/amount/value"), "{}", results[1].2);
    assert!(results[2].0, "{}", results[2].2);
    let last = report.examples.last().unwrap();
    assert!(
        last.detail.contains("does not apply to order events"),
        "{}",
        last.detail
    );
    assert!(report.to_string().contains("FAIL"), "{report}");

    t.rule.expression = "event.amount >".into();
    let report = run_tests(&t);
    assert!(!report.passed() && report.examples.is_empty());
    assert!(report.compile_errors[0].message.contains("line 1"));

    let unknown_field = serde_json::from_value::<RuleTest>(json!({
        "rule": t.rule, "examples": [{"name": "n", "event": {}, "account": {"refundz": 1}, "expect": "hit"}]
    }));
    assert!(unknown_field.unwrap_err().to_string().contains("refundz"));
}

#[test]
fn a_backtest_counts_hits_labels_and_money() {
    let r = rule("big", &["refund"], "event.amount >= 100.0");
    // amount, label, money: hits are the first three.
    let table: [(&str, Option<bool>, i64); 7] = [
        ("500.00", Some(true), 50_000),  // true positive
        ("150.00", Some(false), 15_000), // false positive
        ("100.00", None, 10_000),        // hit, unlabelled
        ("99.99", Some(true), 9_999),    // false negative
        ("20.00", Some(false), 2_000),   // true negative
        ("5.00", None, 500),             // miss, unlabelled
        ("80.00", Some(true), 8_000),    // false negative
    ];
    let mut cases: Vec<BacktestCase> = table
        .iter()
        .enumerate()
        .map(|(i, (amount, label, money))| {
            let mut e = refund(amount, None);
            e.id = format!("evt-{i}");
            BacktestCase {
                event: e,
                account: account(),
                label: *label,
                money_minor: *money,
            }
        })
        .collect();
    cases.push(BacktestCase {
        event: order(),
        account: account(),
        label: Some(true),
        money_minor: 1,
    });
    let report = backtest(&r, cases).unwrap();
    assert_eq!((report.evaluated, report.skipped, report.errors), (7, 1, 0));
    assert_eq!(
        (report.hits, report.labelled, report.labelled_hits),
        (3, 5, 2)
    );
    assert_eq!(
        (
            report.true_positives,
            report.false_positives,
            report.false_negatives,
            report.true_negatives
        ),
        (1, 1, 2, 1)
    );
    assert_eq!(report.precision, Some(0.5));
    assert_eq!(report.recall, Some(1.0 / 3.0));
    assert_eq!(report.hit_money_minor, 75_000);
    assert_eq!(report.true_positive_money_minor, 50_000);
    assert_eq!(report.missed_money_minor, 17_999);
    assert_eq!(report.sample_hits, ["evt-0", "evt-1", "evt-2"]);

    let none = backtest(&r, std::iter::empty()).unwrap();
    assert_eq!((none.precision, none.recall), (None, None));
    assert!(backtest(&rule("bad", &[], "event.amount >"), std::iter::empty()).is_err());
}

/// Aggregates that look like an account's, derived from its id, so that the rules' thresholds
/// are crossed now and then.
fn plausible_account(id: &str) -> AccountStats {
    let h = id
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let orders = h % 30;
    let refunds = (h / 30) % 6;
    AccountStats {
        account_id: id.into(),
        known: true,
        age_days: (h % 400) as f64,
        orders,
        orders_30d: orders / 4,
        refunds,
        refunds_30d: refunds * 2 / 3,
        refunds_not_received: refunds / 2,
        refunds_without_return: refunds / 3,
        refunds_overriding_denial: (h / 7) % 3,
        refund_rate: if orders == 0 {
            0.0
        } else {
            refunds as f64 / orders as f64
        },
        not_received_rate: if orders == 0 {
            0.0
        } else {
            (refunds / 2) as f64 / orders as f64
        },
        returns_mismatched: (h / 11) % 3,
        linked_accounts: (h / 13) % 5,
        linked_refund_value_minor: ((h / 17) % 400_000) as i64,
        refunds_top_agent: refunds / 2,
        reviews_30d: (h / 19) % 12,
        findings: (h / 23) % 2,
        finding_score: ((h / 29) % 100) as f64,
        ..AccountStats::default()
    }
}

#[test]
fn the_twenty_example_rules_compile_and_run_on_a_simulated_marketplace_without_errors() {
    let rules = example_rules();
    assert_eq!(rules.len(), 20);
    let ids: BTreeSet<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), 20);
    let set = RuleSet::compile(&rules).unwrap();
    let mut lines = Vec::new();
    simulate(&Config::new(400, 20, 3), |l| lines.push(l.to_string()));
    let mut hits = BTreeSet::new();
    for line in &lines {
        let e = parse_line(line).unwrap();
        let account = plausible_account(e.body.account_id().unwrap_or(""));
        let ev = set.evaluate(&e, &account);
        assert!(ev.errors.is_empty(), "{line}: {:?}", ev.errors);
        hits.extend(ev.hits.into_iter().map(|h| h.rule_id));
    }
    assert!(hits.len() >= 10, "only {hits:?} ever held");
}

// ---------------------------------------------------------------------------------------------
// The schema.

#[test]
fn account_exposes_every_aggregate() {
    let stats = serde_json::to_value(AccountStats::default()).unwrap();
    let fields: Vec<&str> = stats
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let exposed: BTreeSet<&str> = ACCOUNT_FIELDS.iter().map(|f| f.name).collect();
    for f in &fields {
        assert!(
            exposed.contains(f),
            "AccountStats.{f} is not in ACCOUNT_FIELDS"
        );
    }
    assert_eq!(
        exposed.len(),
        fields.len(),
        "ACCOUNT_FIELDS lists fields AccountStats lacks"
    );
}

#[test]
fn closed_sets_match_the_event_types() {
    let values = |name: &str| {
        EVENT_FIELDS
            .iter()
            .find(|f| f.name == name)
            .unwrap()
            .values
            .to_vec()
    };
    let names = |all: Vec<&'static str>| all;
    assert_eq!(
        values("reason"),
        names(RefundReason::ALL.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(
        values("channel"),
        names(Channel::ALL.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(
        values("stage"),
        names(ReturnStage::ALL.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(
        values("condition"),
        names(Condition::ALL.iter().map(|r| r.as_str()).collect())
    );
    assert_eq!(values("type"), EVENT_TYPES.to_vec());
    let mut seen = BTreeSet::new();
    for f in EVENT_FIELDS {
        assert!(seen.insert(f.name), "{} twice", f.name);
        assert!(
            f.event_types.iter().all(|k| EVENT_TYPES.contains(k)),
            "{}",
            f.name
        );
        assert!(
            f.always_on.iter().all(|k| f.event_types.contains(k)),
            "{}",
            f.name
        );
    }
}

#[test]
fn a_rule_set_is_shared_between_threads() {
    fn shared<T: Send + Sync>(_: &T) {}
    let set = RuleSet::compile(&example_rules()).unwrap();
    shared(&set);
    let e = refund("900.00", Some("laptops"));
    let here = set.evaluate(&e, &account());
    let there = std::thread::scope(|s| s.spawn(|| set.evaluate(&e, &account())).join().unwrap());
    assert_eq!(here, there);
}
