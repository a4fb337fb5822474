//! Twenty rules of the kind a fraud team writes first: a starting set to copy and tune, and
//! the set the benchmark measures.

use super::{Mode, Outcome, Rule};

/// Categories whose items are worth stealing.
const HIGH_VALUE: &str = "['laptops', 'phones', 'consoles', 'coins', 'tablets']";

struct Spec {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    applies_to: &'static [&'static str],
    outcome: Outcome,
    score: f64,
    mode: Mode,
    expression: String,
}

/// Twenty example rules covering refund abuse, insiders, linked accounts, sign-ups and reviews.
pub fn example_rules() -> Vec<Rule> {
    use Mode::{Live, Shadow};
    use Outcome::{Block, Review};
    let specs = [
        Spec {
            id: "high_value_not_received",
            name: "High-value item refunded as not received, nothing back",
            description: "A not-received refund of a laptop, phone, console, coin or tablet with no return asked for.",
            applies_to: &["refund"],
            outcome: Review,
            score: 40.0,
            mode: Live,
            expression: format!(
                "event.reason == 'not_received' && !event.return_required && event.amount >= 300.0 \
                 && has(event.category) && event.category in {HIGH_VALUE}"
            ),
        },
        Spec {
            id: "refund_without_return_high_value",
            name: "High-value refund with no return required",
            description: "Any reason, high-value category, nothing has to come back.",
            applies_to: &["refund"],
            outcome: Review,
            score: 30.0,
            mode: Live,
            expression: format!(
                "!event.return_required && event.amount >= 500.0 \
                 && event.?category.orValue('') in {HIGH_VALUE}"
            ),
        },
        Spec {
            id: "new_account_many_refunds",
            name: "New account with many refunds",
            description: "Under 30 days old, three or more refunds in 30 days.",
            applies_to: &["refund"],
            outcome: Review,
            score: 30.0,
            mode: Live,
            expression: "account.age_days < 30.0 && account.refunds_30d >= 3".into(),
        },
        Spec {
            id: "not_received_rate",
            name: "Another not-received refund on an account that rarely receives",
            description: "A third of the account's orders or more ended in a not-received refund.",
            applies_to: &["refund"],
            outcome: Review,
            score: 45.0,
            mode: Live,
            expression: "event.reason == 'not_received' && account.orders >= 3 \
                         && account.not_received_rate >= 0.33"
                .into(),
        },
        Spec {
            id: "denial_overridden",
            name: "Agent overrode an automatic denial",
            description: "An agent granted a refund of 200 or more that the automatic rules had denied.",
            applies_to: &["refund"],
            outcome: Review,
            score: 30.0,
            mode: Live,
            expression: "event.overrides_denial && event.amount >= 200.0".into(),
        },
        Spec {
            id: "repeated_overrides",
            name: "Denials overridden again and again for one account",
            description: "The account already had two refunds granted over a denial.",
            applies_to: &["refund"],
            outcome: Block,
            score: 60.0,
            mode: Live,
            expression: "event.overrides_denial && account.refunds_overriding_denial >= 2".into(),
        },
        Spec {
            id: "agent_concentration",
            name: "One agent issues most of the account's refunds",
            description: "Four refunds or more, at least 80% from the same agent, and this one from an agent.",
            applies_to: &["refund"],
            outcome: Review,
            score: 35.0,
            mode: Live,
            expression: "has(event.agent) && account.refunds >= 4 \
                         && account.refunds_top_agent * 10 >= account.refunds * 8"
                .into(),
        },
        Spec {
            id: "refunds_mostly_without_return",
            name: "Most of the account's refunds came with nothing back",
            description: "Three refunds or more, over half of them without a return.",
            applies_to: &["refund"],
            outcome: Review,
            score: 35.0,
            mode: Live,
            expression: "account.refunds >= 3 && account.refunds_without_return * 2 > account.refunds"
                .into(),
        },
        Spec {
            id: "mismatched_returns_history",
            name: "Refund for an account whose returns came back empty",
            description: "Two returns or more received far lighter than the item, or empty.",
            applies_to: &["refund"],
            outcome: Block,
            score: 70.0,
            mode: Live,
            expression: "account.returns_mismatched >= 2".into(),
        },
        Spec {
            id: "linked_refund_losses",
            name: "Linked accounts with large refund losses",
            description: "Three linked accounts or more whose refunds add up to 2,000 or more.",
            applies_to: &["refund"],
            outcome: Review,
            score: 40.0,
            mode: Live,
            expression: "account.linked_accounts >= 3 && account.linked_refund_value_minor >= 200000"
                .into(),
        },
        Spec {
            id: "disposable_email_signup",
            name: "Sign-up with a disposable email domain",
            description: "Throwaway mailboxes are how banned people come back.",
            applies_to: &["account"],
            outcome: Review,
            score: 25.0,
            mode: Live,
            expression: "has(event.email_domain) && event.email_domain in \
                         ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'temp-mail.org', \
                          'yopmail.com', 'trashmail.com', 'sharklasers.com', 'getnada.com', \
                          'dispostable.com', 'maildrop.cc']"
                .into(),
        },
        Spec {
            id: "shared_identity_signup",
            name: "Sign-up sharing identifiers with several accounts",
            description: "A new account tied to three others or more by device, card, address, phone or IP.",
            applies_to: &["account"],
            outcome: Review,
            score: 30.0,
            mode: Live,
            expression: "account.linked_accounts >= 3 && account.age_days < 7.0".into(),
        },
        Spec {
            id: "new_account_big_order",
            name: "Large order from a brand-new account",
            description: "1,500 or more within two days of sign-up.",
            applies_to: &["order"],
            outcome: Review,
            score: 25.0,
            mode: Live,
            expression: "account.age_days < 2.0 && event.total >= 1500.0".into(),
        },
        Spec {
            id: "coins_in_bulk",
            name: "Several gold coins in one order",
            description: "Three units or more of a coin: easy to resell, a favourite of refund rings.",
            applies_to: &["order"],
            outcome: Review,
            score: 20.0,
            mode: Shadow,
            expression: "event.items.exists(i, i.category == 'coins' && i.quantity >= 3)".into(),
        },
        Spec {
            id: "empty_box_received",
            name: "Return received empty or with the wrong item",
            description: "What the warehouse found in the box.",
            applies_to: &["return"],
            outcome: Review,
            score: 45.0,
            mode: Live,
            expression: "has(event.condition) && event.condition in ['empty', 'wrong_item']".into(),
        },
        Spec {
            id: "light_return_received",
            name: "Return received far too light",
            description: "Under 100 g at the warehouse: no phone, laptop or console weighs that.",
            applies_to: &["return"],
            outcome: Review,
            score: 30.0,
            mode: Live,
            expression: "event.stage == 'received' && has(event.weight_grams) && event.weight_grams < 100"
                .into(),
        },
        Spec {
            id: "delivered_elsewhere",
            name: "Return delivered somewhere other than its warehouse",
            description: "The carrier's delivery scan names another place than the return's warehouse.",
            applies_to: &["return"],
            outcome: Review,
            score: 35.0,
            mode: Live,
            expression: "event.stage == 'delivered' && has(event.location) && has(event.warehouse) \
                         && event.location != event.warehouse"
                .into(),
        },
        Spec {
            id: "refund_script_contact",
            name: "Contact following a refund-service script",
            description: "The wording refund services hand their customers.",
            applies_to: &["contact"],
            outcome: Review,
            score: 20.0,
            mode: Shadow,
            expression: "event.transcript.matches('(?i)refund (the full amount )?to (my|the) original payment method') \
                         || event.transcript.matches('(?i)(threw away|no longer have) the (original )?(packaging|box)')"
                .into(),
        },
        Spec {
            id: "review_burst",
            name: "Five-star review from an account reviewing in bursts",
            description: "Eight reviews or more in 30 days, and few orders behind them.",
            applies_to: &["review"],
            outcome: Review,
            score: 20.0,
            mode: Live,
            expression: "event.rating == 5 && account.reviews_30d >= 8 && account.orders_30d * 2 < account.reviews_30d"
                .into(),
        },
        Spec {
            id: "strong_finding",
            name: "Account already named by a strong finding",
            description: "Every event of an account with an open finding scored 80 or more.",
            applies_to: &[],
            outcome: Block,
            score: 50.0,
            mode: Live,
            expression: "account.findings > 0 && account.finding_score >= 80.0".into(),
        },
    ];
    specs
        .into_iter()
        .map(|s| Rule {
            id: s.id.into(),
            version: 1,
            name: s.name.into(),
            description: s.description.into(),
            applies_to: s.applies_to.iter().map(|k| (*k).into()).collect(),
            expression: s.expression,
            outcome: s.outcome,
            score: s.score,
            mode: s.mode,
        })
        .collect()
}
