//! The marketplace's event log: events read from JSON lines are stored once per event id,
//! whatever order and however often they arrive, and read back in arrival order; and
//! `POST /api/v1/events`, which only service tokens (and admins) may use, refuses a batch with
//! any bad line whole, naming each line, and stores nothing of it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use rampart_abuse::events::parse_line;
use rampart_store::{ConnectConfig, NewEvent, Store};
use serde_json::Value;

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
        body: line.to_string(),
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
        assert_eq!(parse_line(&rows[0].body).unwrap().id, "e1");
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

async fn post_lines(s: &TestServer, token: &str, content_type: &str, body: String) -> (u16, Value) {
    let res = s
        .http
        .post(s.url("/api/v1/events"))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

on_both_engines!(
    the_events_api_takes_whole_batches_from_service_tokens,
    |url: String| async move {
        let mut settings = settings(&url);
        settings.abuse.max_batch_events = 1_000;
        let s = TestServer::start(settings).await;
        let service = s.token("service").await;
        let ndjson = "application/x-ndjson";
        let batch = |ids: std::ops::Range<usize>| -> String {
            ids.map(|i| {
                refund(
                    &format!("h{i}"),
                    &format!("a{}", i % 7),
                    "2026-03-05T14:00:00Z",
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
        };

        let (status, body) = post_lines(&s, &service, ndjson, batch(0..300) + "\n").await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["received"], 300);
        assert_eq!(body["stored"], 300);
        assert_eq!(body["duplicates"], 0);
        // A retry of an overlapping batch stores only what is new.
        let (status, body) = post_lines(&s, &service, "application/jsonl", batch(250..400)).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            (body["stored"].as_u64(), body["duplicates"].as_u64()),
            (Some(100), Some(50))
        );

        // One bad line among good ones: nothing of the batch is stored, each bad line named.
        let mut lines: Vec<String> = (400..410)
            .map(|i| refund(&format!("h{i}"), "a1", "2026-03-05T14:00:00Z"))
            .collect();
        lines[3] = lines[3].replace("\"chat\"", "\"carrier pigeon\"");
        lines[7] = "{\"id\": \"x\", \"type\": \"refund\"".into();
        let (status, body) = post_lines(&s, &service, ndjson, lines.join("\n")).await;
        assert_eq!(status, 422, "{body}");
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("nothing was stored"),
            "{body}"
        );
        let errors = body["errors"].as_array().unwrap();
        assert_eq!(errors[0]["pointer"], "#/3/channel", "{body}");
        assert!(
            errors[0]["detail"].as_str().unwrap().starts_with("line 4:"),
            "{body}"
        );
        assert_eq!(errors[1]["pointer"], "#/7", "{body}");
        let store = Store::connect(&ConnectConfig::new(url.clone()))
            .await
            .unwrap();
        assert_eq!(store.event_count().await.unwrap(), 400);

        // Bounds and shapes.
        let (status, body) = post_lines(&s, &service, ndjson, batch(1_000..2_001)).await;
        assert_eq!(status, 413, "{body}");
        let (status, body) = post_lines(&s, &service, "application/json", batch(0..2)).await;
        assert_eq!(status, 415, "{body}");
        let (status, body) = post_lines(&s, &service, ndjson, String::new()).await;
        assert_eq!(
            (status, body["received"].as_u64()),
            (200, Some(0)),
            "{body}"
        );

        // Staff below admin may not feed the engine; a service token may read nothing.
        let analyst = s.token("analyst").await;
        let (status, body) = post_lines(&s, &analyst, ndjson, batch(0..1)).await;
        assert_eq!(status, 403, "{body}");
        let admin = s.token("admin").await;
        let (status, _) = post_lines(&s, &admin, ndjson, batch(500..501)).await;
        assert_eq!(status, 200);
        let res = s
            .http
            .get(s.url("/api/v1/reports"))
            .bearer_auth(&service)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let problem: Value = res.json().await.unwrap();
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("service token"),
            "{problem}"
        );
        assert_eq!(store.event_count().await.unwrap(), 401);
        store.close().await;
    }
);
