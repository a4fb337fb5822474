//! The abuse engine in the running service, on both engines: a simulated marketplace's events
//! sent over the API are read into the model on every node, the detectors run and store their
//! findings (the planted rings and insiders found, the traps left alone); an analyst writes a
//! rule and the marketplace's decisions follow it, with the review queue, audited reviews, a
//! ban that records the account's identifiers and blocks a new sign-up that reuses one, and
//! webhooks signed with the subscription's secret and retried until the receiver takes them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use rampart_abuse::simulate::{Config, Truth, simulate};
use serde_json::{Value, json};

async fn send_events(s: &TestServer, token: &str, lines: &[String]) {
    for chunk in lines.chunks(2_000) {
        let res = s
            .http
            .post(s.url("/api/v1/events"))
            .bearer_auth(token)
            .header("content-type", "application/x-ndjson")
            .body(chunk.join("\n"))
            .send()
            .await
            .unwrap();
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert_eq!(status, 200, "{body}");
    }
}

async fn post(s: &TestServer, token: &str, path: &str, body: &Value) -> (u16, Value) {
    let res = s
        .http
        .post(s.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// A webhook receiver on a loopback port: answers 500 to the first delivery, 200 after, and
/// keeps what it got (headers that matter, and the body).
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<(String, String, String)>>>,
}

async fn receiver() -> Receiver {
    use axum::http::HeaderMap;
    let got: Arc<Mutex<Vec<(String, String, String)>>> = Arc::default();
    let seen = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let seen = seen.clone();
            async move {
                let h = |n: &str| {
                    headers
                        .get(n)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string()
                };
                let mut seen = seen.lock().unwrap();
                seen.push((h("rampart-delivery"), h("rampart-signature"), body));
                if seen.len() == 1 {
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    axum::http::StatusCode::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Receiver {
        url: format!("http://{addr}/hook"),
        got,
    }
}

fn history() -> (Vec<String>, Truth) {
    let mut lines = Vec::new();
    let truth = simulate(&Config::new(3_000, 45, 21), |l| lines.push(l.to_string()));
    (lines, truth)
}

on_both_engines!(
    the_engine_finds_rings_decides_and_enforces,
    |url: String| async move {
        let mut settings = settings(&url);
        settings.abuse.detect_every_secs = 1;
        let s = TestServer::start(settings).await;
        let service = s.token("service").await;
        let analyst = s.token("analyst").await;
        let investigator = s.token("investigator").await;
        let admin = s.token("admin").await;
        let (lines, truth) = history();
        send_events(&s, &service, &lines).await;

        // Findings appear once the model has read the log and the detectors have run.
        let mut findings = Vec::new();
        for _ in 0..600 {
            let page = s.get_json("/api/v1/findings?limit=200", &analyst).await;
            findings = page["items"].as_array().cloned().unwrap_or_default();
            if findings
                .iter()
                .any(|f| f["detector"] == "insider_collusion")
                && findings.iter().any(|f| f["detector"] == "ring")
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(!findings.is_empty(), "no findings");
        let named: BTreeSet<String> = findings
            .iter()
            .flat_map(|f| f["accounts"].as_array().cloned().unwrap_or_default())
            .filter_map(|a| a.as_str().map(str::to_string))
            .collect();
        let ring: BTreeSet<String> = truth
            .ring_accounts()
            .iter()
            .map(|a| a.to_string())
            .collect();
        assert!(
            named.intersection(&ring).count() * 2 >= ring.len(),
            "most ring accounts are named: {} of {}",
            named.intersection(&ring).count(),
            ring.len()
        );
        let traps: BTreeSet<String> = truth
            .traps
            .heavy_returners
            .iter()
            .cloned()
            .chain(
                truth
                    .traps
                    .households
                    .iter()
                    .flat_map(|h| h.accounts.clone()),
            )
            .collect();
        let trapped: Vec<&String> = named.intersection(&traps).collect();
        assert!(trapped.is_empty(), "traps flagged: {trapped:?}");
        let insiders: BTreeSet<String> = truth.insiders().iter().map(|a| a.to_string()).collect();
        let agents: BTreeSet<String> = findings
            .iter()
            .filter(|f| f["detector"] == "insider_collusion")
            .flat_map(|f| f["agents"].as_array().cloned().unwrap_or_default())
            .filter_map(|a| a.as_str().map(str::to_string))
            .collect();
        assert!(agents.is_subset(&insiders), "{agents:?} vs {insiders:?}");
        assert!(!agents.is_empty());
        // Each finding explains itself with evidence.
        let f = &findings[0];
        assert!(!f["summary"].as_str().unwrap().is_empty());
        assert!(
            !f["evidence"]["evidence"].as_array().unwrap().is_empty(),
            "{f}"
        );

        // An analyst ships a rule; a rule that does not compile is refused with the reason.
        let rule = json!({
            "id": "big-not-received", "name": "Large refunds said not received",
            "applies_to": ["refund"],
            "expression": "event.reason == 'not_received' && event.amount >= 300.0",
            "outcome": "review", "score": 40, "mode": "live", "previous_version": 0
        });
        let mut broken = rule.clone();
        broken["expression"] = json!("event.amount >= ");
        let (status, body) = post(&s, &analyst, "/api/v1/rules", &broken).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["errors"][0]["pointer"], "#/expression");
        let (status, body) = post(&s, &analyst, "/api/v1/rules", &rule).await;
        assert_eq!(status, 201, "{body}");
        // Saving over a version someone else replaced is refused.
        let (status, _) = post(&s, &analyst, "/api/v1/rules", &rule).await;
        assert_eq!(status, 409);

        // The marketplace asks before refunding.
        let account = truth.rings[0].members[0].clone();
        let refund = json!({"id": "ask-1", "type": "refund", "at": "2026-02-20T10:00:00Z",
            "refund_id": "rf-ask-1", "order_id": "o-ask-1", "account_id": account,
            "amount": {"value": "1299.00", "currency": "EUR"}, "reason": "not_received",
            "channel": "chat", "issued_by": "automatic", "return_required": false});
        let (status, decision) = post(&s, &service, "/api/v1/decisions", &refund).await;
        assert_eq!(status, 200, "{decision}");
        assert_eq!(decision["outcome"], "review", "{decision}");
        assert!(
            decision["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["code"] == "big-not-received@1"),
            "{decision}"
        );
        assert!(decision["account"]["refunds"].as_u64().unwrap() > 0);
        let id = decision["decision_id"].as_str().unwrap().to_string();
        let queue = s
            .get_json("/api/v1/decisions?review=pending", &analyst)
            .await;
        assert!(
            queue["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["decision_id"] == id.as_str())
        );
        let (status, reviewed) = post(
            &s,
            &analyst,
            &format!("/api/v1/decisions/{id}/review"),
            &json!({"decision": "deny", "note": "ring member"}),
        )
        .await;
        assert_eq!(status, 200, "{reviewed}");
        assert_eq!(reviewed["review_status"], "denied");
        let (status, _) = post(
            &s,
            &analyst,
            &format!("/api/v1/decisions/{id}/review"),
            &json!({"decision": "approve"}),
        )
        .await;
        assert_eq!(status, 409);
        // A bad event is refused, field by field; a service token may not review.
        let (status, body) = post(
            &s,
            &service,
            "/api/v1/decisions",
            &json!({"id": "x", "type": "refund"}),
        )
        .await;
        assert_eq!(status, 422, "{body}");
        let (status, _) = post(
            &s,
            &service,
            &format!("/api/v1/decisions/{id}/review"),
            &json!({"decision": "approve"}),
        )
        .await;
        assert_eq!(status, 403);

        // Webhooks: an admin subscribes; deliveries are signed and retried.
        let hook = receiver().await;
        let (status, created) = post(
            &s,
            &admin,
            "/api/v1/webhooks",
            &json!({"url": hook.url, "topics": ["decision"]}),
        )
        .await;
        assert_eq!(status, 201, "{created}");
        let secret = created["secret"].as_str().unwrap().to_string();

        // An investigator bans the account: its identifiers are recorded, and a sign-up that
        // reuses its device is blocked.
        let (status, banned) = post(
            &s,
            &investigator,
            &format!("/api/v1/accounts/{account}/actions"),
            &json!({"action": "ban", "reason": "refund-service ring", "finding_id": findings[0]["id"]}),
        )
        .await;
        assert_eq!(status, 200, "{banned}");
        assert_eq!(banned["status"], "banned");
        let ids = banned["banned_identifiers"].as_array().unwrap();
        let device = ids
            .iter()
            .find(|i| i["kind"] == "device")
            .expect("a device is recorded")["value"]
            .as_str()
            .unwrap()
            .to_string();
        let (status, _) = post(
            &s,
            &analyst,
            &format!("/api/v1/accounts/{account}/actions"),
            &json!({"action": "ban", "reason": "x"}),
        )
        .await;
        assert_eq!(status, 403, "analysts may not ban");
        let signup = json!({"id": "ask-2", "type": "account", "at": "2026-02-21T10:00:00Z",
            "account_id": "brand-new-account", "email": "new@example.net", "device_id": device});
        let mut blocked = Value::Null;
        for _ in 0..100 {
            let (status, d) = post(&s, &service, "/api/v1/decisions", &signup).await;
            assert_eq!(status, 200, "{d}");
            if d["outcome"] == "block" {
                blocked = d;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            blocked["reasons"][0]["source"], "banned_identifier",
            "{blocked}"
        );
        // The banned account's own refunds are blocked from now on.
        let (_, again) = post(&s, &service, "/api/v1/decisions", &refund).await;
        assert_eq!(again["outcome"], "block", "{again}");

        // The block was announced: first refused by the receiver, then delivered again.
        let mut got = Vec::new();
        let mut retried = None;
        for _ in 0..150 {
            got = hook.got.lock().unwrap().clone();
            // The refused delivery came again, with the same delivery id.
            retried = got
                .iter()
                .skip(1)
                .position(|g| g.0 == got[0].0)
                .map(|i| i + 1);
            if retried.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let retried = retried.unwrap_or_else(|| panic!("no retry: {got:?}"));
        let (_, signature, body) = &got[retried];
        let t: i64 = signature
            .split(',')
            .find_map(|p| p.strip_prefix("t="))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            signature,
            &rampart_server::webhooks::signature(&secret, t, body)
        );
        let announced: Value = serde_json::from_str(body).unwrap();
        assert_eq!(announced["type"], "decision");
        assert_eq!(announced["decision"]["outcome"], "block");

        // Every change by a person is in the audit chain.
        let audit = s.get_json("/api/v1/audit?limit=200", &admin).await;
        let actions: Vec<&str> = audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        for a in ["rule.save", "decision.denied", "account.ban", "webhook.add"] {
            assert!(actions.contains(&a), "{a} in {actions:?}");
        }
        s.stop().await;
    }
);
