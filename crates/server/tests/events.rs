//! The marketplace's event log: events read from JSON lines are stored once per event id,
//! whatever order and however often they arrive, and read back in arrival order.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rampart_abuse::events::parse_line;
use rampart_store::{ConnectConfig, NewEvent, Store};

/// A refund event of account `account`, as a marketplace sends it.
fn refund(id: &str, account: &str, at: &str) -> String {
    format!(
        r#"{{"id": "{id}", "type": "refund", "at": "{at}", "refund_id": "rf-{id}", "order_id": "o-1",
            "account_id": "{account}", "amount": {{"value": "899.00", "currency": "EUR"}},
            "reason": "not_received", "channel": "chat", "issued_by": "agent-7", "return_required": false}}"#
    )
    .replace('\n', " ")
}

fn new_event(line: &str) -> NewEvent {
    let e = parse_line(line).unwrap();
    NewEvent {
        event_id: e.id.clone(),
        kind: e.body.kind().to_string(),
        at: e.at,
        account_id: e.body.account_id().map(str::to_string),
        body: serde_json::to_string(&e.body).unwrap(),
    }
}

on_both_engines!(
    events_are_stored_once_whatever_the_order,
    |url: String| async move {
        let store = Store::connect(&ConnectConfig::new(url)).await.unwrap();
        // Late and out of order: the second happened first.
        let first = [
            new_event(&refund("e1", "a1", "2026-03-05T14:00:00Z")),
            new_event(&refund("e2", "a1", "2026-03-01T09:00:00Z")),
            // Twice in the same batch.
            new_event(&refund("e1", "a1", "2026-03-05T14:00:00Z")),
        ];
        let done = store.insert_events(&first, "http", 1_000).await.unwrap();
        assert_eq!((done.stored, done.duplicates), (2, 1));
        // Sent again with another event: only the new one is stored, the old ones unchanged.
        let again = [
            new_event(&refund("e2", "a9", "2026-03-09T09:00:00Z")),
            new_event(&refund("e3", "a2", "2026-03-06T10:00:00Z")),
        ];
        let done = store.insert_events(&again, "nats", 2_000).await.unwrap();
        assert_eq!((done.stored, done.duplicates), (1, 1));
        assert_eq!(store.event_count().await.unwrap(), 3);

        let rows = store.events_after(0, 100).await.unwrap();
        let seen: Vec<(&str, Option<&str>, &str, i64)> = rows
            .iter()
            .map(|r| {
                (
                    r.event_id.as_str(),
                    r.account_id.as_deref(),
                    r.source.as_str(),
                    r.received_at,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("e1", Some("a1"), "http", 1_000),
                ("e2", Some("a1"), "http", 1_000),
                ("e3", Some("a2"), "nats", 2_000)
            ]
        );
        assert_eq!(rows[1].at, 1_772_355_600_000);
        assert!(rows[0].body.contains("\"minor\":89900"), "{}", rows[0].body);
        // Paging goes on from the last id seen.
        let rest = store.events_after(rows[0].id, 1).await.unwrap();
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].event_id, "e2");

        // A big batch is stored whole, across several statements.
        let many: Vec<NewEvent> = (0..1_000)
            .map(|i| {
                new_event(&refund(
                    &format!("b{i}"),
                    &format!("a{}", i % 50),
                    "2026-03-07T00:00:00Z",
                ))
            })
            .collect();
        let done = store.insert_events(&many, "http", 3_000).await.unwrap();
        assert_eq!((done.stored, done.duplicates), (1_000, 0));
        assert_eq!(store.event_count().await.unwrap(), 1_003);
        store.close().await;
    }
);
