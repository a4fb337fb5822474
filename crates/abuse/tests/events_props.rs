//! Whatever a marketplace's systems send, reading a line never panics, and a line read as an
//! event holds only bounded, clean values.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use rampart_abuse::events::{Body, LineError, MAX_LINE_BYTES, parse_line};

const KEYS: &[&str] = &[
    "id",
    "type",
    "at",
    "account_id",
    "order_id",
    "refund_id",
    "return_id",
    "contact_id",
    "review_id",
    "product_id",
    "agent_id",
    "amount",
    "reason",
    "channel",
    "issued_by",
    "return_required",
    "items",
    "stage",
    "weight_grams",
    "condition",
    "rating",
    "text",
    "transcript",
    "team",
    "shifts",
    "addresses",
    "ip",
    "email",
    "shipping_address",
];

fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_map(|n| serde_json::json!(n)),
        prop::sample::select(
            &[
                "refund",
                "order",
                "return",
                "account",
                "contact",
                "review",
                "staff",
                "2026-03-05T14:07:00Z",
                "not_received",
                "chat",
                "received",
                "empty",
                "EUR",
                "899.00",
                "automatic",
                "a-1",
                "",
                " ",
                "\u{202e}x",
                "\n",
            ][..]
        )
        .prop_map(|s| serde_json::json!(s)),
        ".{0,40}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop::sample::select(
                    &[
                        "value", "currency", "line1", "country", "start", "end", "item_id",
                        "category", "price"
                    ][..]
                ),
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

fn object() -> impl Strategy<Value = String> {
    prop::collection::btree_map(prop::sample::select(KEYS), value(), 0..12).prop_map(|m| {
        serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            .to_string()
    })
}

fn check(line: &str) {
    match parse_line(line) {
        Ok(e) => {
            assert!(!e.id.is_empty() && e.id.len() <= 128);
            let text = serde_json::to_string(&e.body).unwrap();
            assert!(!text.contains('\u{202e}'), "{text}");
            if let Body::Refund(r) = &e.body {
                assert!(r.amount.minor > 0);
            }
        }
        Err(LineError::Fields(errors)) => {
            assert!(!errors.is_empty() && errors.len() <= 20);
            assert!(errors.iter().all(|e| e.field.starts_with('/')));
        }
        Err(LineError::NotJson(_) | LineError::TooLong) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn any_string_is_handled(line in any::<String>()) {
        check(&line);
    }

    #[test]
    fn any_object_is_handled(line in object()) {
        check(&line);
    }
}

#[test]
fn huge_lists_are_refused_before_they_are_read() {
    let items: Vec<serde_json::Value> = (0..600)
        .map(|i| serde_json::json!({"item_id": i, "category": "x", "price": {"value": "1", "currency": "EUR"}}))
        .collect();
    let line = serde_json::json!({"id": "e", "type": "order", "at": "2026-01-01T00:00:00Z",
        "order_id": "o", "account_id": "a", "items": items})
    .to_string();
    assert!(line.len() < MAX_LINE_BYTES);
    let Err(LineError::Fields(errors)) = parse_line(&line) else {
        panic!("600 items were taken")
    };
    assert_eq!(errors[0].field, "/items");
}
