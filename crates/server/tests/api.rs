//! The HTTP API end to end, on both storage engines: intake, idempotency, bad input, access
//! control, processing into indicators, correlation into campaigns, and the operator endpoints.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestServer;
use serde_json::{Value, json};

/// Announces a `size`-byte JSON body, sends its first 64 KiB, and returns what the server says.
async fn over_limit(base: &str, size: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/v1/reports HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {size}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let _ = stream.write_all(&vec![b' '; 64 * 1024]).await;
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

fn sms(body: &str) -> Value {
    json!({"channel": "sms", "body": body})
}

on_both_engines!(intake_stores_and_reads_back, |url: String| async move {
    let s = TestServer::start(common::settings(&url)).await;
    let res = s
        .post_report(json!({
            "channel": "sms",
            "body": "Amazon: your refund of £79.99 is waiting. Confirm at hxxps://amazon-refund-help[.]com/claim or call +44 20 7946 0958",
            "sender": "+44 7911 123456",
            "reporter_email": "Victim@Example.org",
            "country": "GB",
            "locale": "en-GB",
            "occurred_at": "2026-11-20T10:00:00Z",
            "money_lost": {"amount": "79.99", "currency": "GBP"},
            "payment_method": "gift_card"
        }))
        .await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let created: Value = res.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/reports/{id}"));
    let reference = created["reference"].as_str().unwrap();
    assert!(
        reference.starts_with("R-") && reference.len() == 13,
        "{reference}"
    );

    let token = s.token("analyst").await;
    s.settle(&token).await;
    let r = s.get_json(&format!("/api/v1/reports/{id}"), &token).await;
    assert_eq!(r["reference"], reference);
    assert_eq!(r["channel"], "sms");
    assert_eq!(r["country"], "GB");
    assert_eq!(r["language"], "en");
    assert_eq!(
        r["money_lost"],
        json!({"amount": "79.99", "currency": "GBP"})
    );
    assert_eq!(r["processed"], true);
    assert_eq!(r["sha256"].as_str().unwrap().len(), 64);
    assert!(r["campaign_id"].is_i64());
    let found: Vec<(String, String, String)> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_string(),
                i["value"].as_str().unwrap().to_string(),
                i["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |kind: &str, value: &str| found.iter().any(|(k, v, _)| k == kind && v == value);
    assert!(
        has("url", "https://amazon-refund-help.com/claim"),
        "{found:?}"
    );
    assert!(has("domain", "amazon-refund-help.com"), "{found:?}");
    assert!(has("phone", "+442079460958"), "{found:?}");
    assert!(has("phone", "+447911123456"), "{found:?}");
    let verdict = found
        .iter()
        .find(|(k, v, _)| k == "domain" && v == "amazon-refund-help.com")
        .map(|f| f.2.clone());
    assert_eq!(verdict.as_deref(), Some("lookalike"));
    s.stop().await;
});

on_both_engines!(
    idempotency_key_replays_the_first_answer,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        let send = |body: Value, key: &'static str| {
            let req = s
                .http
                .post(s.url("/api/v1/reports"))
                .header("idempotency-key", key)
                .json(&body);
            async move { req.send().await.unwrap() }
        };
        let first = send(sms("Pay the fee at parcel-fee.com"), "k-1").await;
        assert_eq!(first.status(), 201);
        let first_body = first.text().await.unwrap();
        let again = send(sms("Pay the fee at parcel-fee.com"), "k-1").await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(again.text().await.unwrap(), first_body);
        let reused = send(sms("A different report"), "k-1").await;
        assert_eq!(reused.status(), 422);
        let p: Value = reused.json().await.unwrap();
        assert!(
            p["type"]
                .as_str()
                .unwrap()
                .ends_with("idempotency-key-reused")
        );
        assert_eq!(s.store.report_count().await.unwrap(), 1);
        s.stop().await;
    }
);

on_both_engines!(
    bad_input_is_refused_and_nothing_is_stored,
    |url: String| async move {
        let mut settings = common::settings(&url);
        settings.max_body_bytes = 64 * 1024;
        let s = TestServer::start(settings).await;
        let post = |body: Vec<u8>, content_type: &'static str| {
            let req = s
                .http
                .post(s.url("/api/v1/reports"))
                .header("content-type", content_type)
                .body(body);
            async move { req.send().await.unwrap() }
        };
        let problem = |res: reqwest::Response, status: u16| async move {
            assert_eq!(res.status(), status);
            assert_eq!(res.headers()["content-type"], "application/problem+json");
            let p: Value = res.json().await.unwrap();
            assert_eq!(p["status"], status);
            p
        };
        // Malformed JSON, invalid UTF-8, not JSON at all.
        problem(
            post(b"{\"channel\": \"sms\", ".to_vec(), "application/json").await,
            400,
        )
        .await;
        problem(
            post(
                b"{\"channel\":\"sms\",\"body\":\"\xff\xfe\"}".to_vec(),
                "application/json",
            )
            .await,
            400,
        )
        .await;
        problem(
            post(b"channel=sms".to_vec(), "application/x-www-form-urlencoded").await,
            415,
        )
        .await;
        // Wrong types, unknown fields and bad values name the field.
        let p = problem(
            post(
                br#"{"channel": 5, "body": "x"}"#.to_vec(),
                "application/json",
            )
            .await,
            422,
        )
        .await;
        assert_eq!(p["errors"][0]["pointer"], "#/channel");
        let p = problem(
            post(
                br#"{"channel": "fax", "body": "x"}"#.to_vec(),
                "application/json",
            )
            .await,
            422,
        )
        .await;
        assert_eq!(p["errors"][0]["pointer"], "#/channel");
        let p = problem(
            post(
                br#"{"channel": "sms", "body": "x", "admin": true}"#.to_vec(),
                "application/json",
            )
            .await,
            422,
        )
        .await;
        assert!(p["detail"].as_str().unwrap().contains("admin"), "{p}");
        let p = problem(
            post(br#"{"channel": "sms"}"#.to_vec(), "application/json").await,
            422,
        )
        .await;
        assert!(p["detail"].as_str().unwrap().contains("body"), "{p}");
        let p = problem(
        post(br#"{"channel": "sms", "body": "x", "money_lost": {"amount": "ten", "currency": "EUR"}}"#.to_vec(), "application/json").await,
        422,
    )
    .await;
        assert_eq!(p["errors"][0]["pointer"], "#/money_lost/amount");
        // Over the configured limit, and a 10 MB body: the answer comes before the body is read.
        for size in [70 * 1024, 10 * 1024 * 1024] {
            let head = over_limit(&s.base, size).await;
            assert!(head.starts_with("HTTP/1.1 413"), "{size} bytes: {head}");
            assert!(head.contains("application/problem+json"), "{head}");
        }
        // A bad Idempotency-Key header.
        let res = s
            .http
            .post(s.url("/api/v1/reports"))
            .header("idempotency-key", "x".repeat(300))
            .json(&sms("hello"))
            .send()
            .await
            .unwrap();
        problem(res, 400).await;
        assert_eq!(s.store.report_count().await.unwrap(), 0);
        s.stop().await;
    }
);

on_both_engines!(
    reading_needs_a_token_with_a_role,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        let id = s
            .post_report(sms("hello"))
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        for path in [
            "/api/v1/reports".to_string(),
            format!("/api/v1/reports/{id}"),
            "/api/v1/campaigns".into(),
            "/api/v1/campaigns/1".into(),
            "/api/v1/indicators/domain/example.com".into(),
        ] {
            let res = s.http.get(s.url(&path)).send().await.unwrap();
            assert_eq!(res.status(), 401, "{path} without a token");
            assert_eq!(res.headers()["www-authenticate"], "Bearer");
            let res = s.get(&path, "rmp_not-a-real-token").await;
            assert_eq!(res.status(), 401, "{path} with an unknown token");
        }
        for role in ["analyst", "investigator", "legal", "admin"] {
            let token = s.token(role).await;
            assert_eq!(
                s.get(&format!("/api/v1/reports/{id}"), &token)
                    .await
                    .status(),
                200,
                "{role}"
            );
        }
        let token = s.token("analyst").await;
        let hash = rampart_server::intake::sha256_hex(token.as_bytes());
        let row = s.store.token_by_hash(&hash).await.unwrap().unwrap();
        assert!(s.store.revoke_token(row.id, 1).await.unwrap());
        assert_eq!(
            s.get("/api/v1/reports", &token).await.status(),
            401,
            "revoked"
        );
        s.stop().await;
    }
);

on_both_engines!(
    reports_sharing_an_indicator_form_one_campaign,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        let mut ids = Vec::new();
        for (i, text) in [
            "Your Amazon account is locked. Unlock it at https://amaz0n-unlock.net/a1 now",
            "Final notice: visit amaz0n-unlock.net to avoid closure of your account",
            "Call our refund desk on +44 20 7946 0123 about order 114-2231",
            "Refund pending. Ring +44 20 7946 0123 today, ask for Mike",
            "Something else entirely: win a prize at prize-draw-winner.org",
        ]
        .iter()
        .enumerate()
        {
            let country = ["GB", "DE", "FR", "GB", "US"][i];
            let res = s
                .post_report(json!({
                    "channel": "sms", "body": text, "country": country,
                    "reporter_email": format!("r{i}@example.org"),
                    "money_lost": {"amount": 10 * (i + 1), "currency": "EUR"}
                }))
                .await;
            assert_eq!(res.status(), 201);
            ids.push(res.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
        }
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let mut campaign = Vec::new();
        for id in &ids {
            campaign.push(
                s.get_json(&format!("/api/v1/reports/{id}"), &token).await["campaign_id"]
                    .as_i64()
                    .unwrap(),
            );
        }
        assert_eq!(campaign[0], campaign[1], "shared domain");
        assert_eq!(campaign[2], campaign[3], "shared phone");
        assert_ne!(campaign[0], campaign[2]);
        assert_ne!(campaign[4], campaign[0]);
        assert_ne!(campaign[4], campaign[2]);
        let c = s
            .get_json(&format!("/api/v1/campaigns/{}", campaign[0]), &token)
            .await;
        assert_eq!(c["report_count"], 2);
        assert_eq!(c["reporter_count"], 2);
        assert_eq!(
            c["money_lost"],
            json!([{"currency": "EUR", "amount": "30.00", "victims": 2}])
        );
        let countries: Vec<&str> = c["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["value"].as_str().unwrap())
            .collect();
        assert_eq!(countries, ["DE", "GB"]);
        assert!(
            c["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["value"] == "amaz0n-unlock.net" && i["verdict"] == "lookalike")
        );
        assert!(c["first_seen"].is_string() && c["last_seen"].is_string());
        let list = s.get_json("/api/v1/campaigns", &token).await;
        let listed: Vec<i64> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        assert_eq!(listed.len(), 3);
        assert!(
            listed.contains(&campaign[0])
                && listed.contains(&campaign[2])
                && listed.contains(&campaign[4])
        );
        assert_eq!(list["items"][0]["rank"], 1);
        let ind = s
            .get_json("/api/v1/indicators/phone/+44 20 7946 0123", &token)
            .await;
        assert_eq!(ind["value"], "+442079460123");
        assert_eq!(ind["campaigns"], json!([campaign[2]]));
        assert_eq!(ind["report_count"], 2);
        let filtered = s
            .get_json(&format!("/api/v1/reports?campaign={}", campaign[2]), &token)
            .await;
        assert_eq!(filtered["items"].as_array().unwrap().len(), 2);
        let filtered = s.get_json("/api/v1/reports?country=de", &token).await;
        assert_eq!(filtered["items"].as_array().unwrap().len(), 1);
        s.stop().await;
    }
);

on_both_engines!(
    official_and_warned_indicators_never_merge,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        for text in [
            "Scam one: pay at fee-one-parcel.com. Genuine help is at amazon.com, mail me at fake1@gmail.com",
            "Scam two: pay at fee-two-parcel.net. Genuine help is at amazon.com; see bit.ly for more",
            "Scam three: https://bit.ly/x1 fake2@gmail.com amazon.com +1 206 266 1000",
        ] {
            assert_eq!(s.post_report(sms(text)).await.status(), 201);
        }
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let list = s.get_json("/api/v1/campaigns", &token).await;
        assert_eq!(list["items"].as_array().unwrap().len(), 3, "{list}");
        let amazon = s
            .get_json("/api/v1/indicators/domain/amazon.com", &token)
            .await;
        assert_eq!(amazon["verdict"], "official");
        assert_eq!(amazon["report_count"], 3);
        let gmail = s
            .get_json("/api/v1/indicators/domain/gmail.com", &token)
            .await;
        assert!(gmail["warning"].is_string(), "{gmail}");
        let phone = s
            .get_json("/api/v1/indicators/phone/+12062661000", &token)
            .await;
        assert_eq!(phone["verdict"], "official");
        s.stop().await;
    }
);

on_both_engines!(
    a_hub_is_flagged_and_kept_from_merging,
    |url: String| async move {
        let mut settings = common::settings(&url);
        settings.correlation.hub_threshold = 2;
        let s = TestServer::start(settings).await;
        // Three independent operations with scripts of their own, each reported twice, all quoting
        // the same help-desk footer.
        for (op, script) in [
            (
                "alpha",
                "Your parcel is held at customs. Pay now at URL, reference DESK.",
            ),
            (
                "bravo",
                "We could not charge your card for Prime. Update it on URL (case DESK).",
            ),
            (
                "charlie",
                "Congratulations, you have won a games console! Claim it at URL via DESK.",
            ),
        ] {
            for n in 0..2 {
                let text = script
                    .replace("URL", &format!("https://{op}-pay.com/{n}"))
                    .replace("DESK", &format!("{op}-desk.org"));
                let text = format!("{text} Help: footer-help-centre.com");
                assert_eq!(s.post_report(sms(&text)).await.status(), 201);
            }
        }
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let hub = s
            .get_json("/api/v1/indicators/domain/footer-help-centre.com", &token)
            .await;
        assert_eq!(hub["hub"], true, "{hub}");
        assert_eq!(hub["campaigns"].as_array().unwrap().len(), 3);
        let list = s.get_json("/api/v1/campaigns", &token).await;
        assert_eq!(list["items"].as_array().unwrap().len(), 3, "{list}");
        s.stop().await;
    }
);

on_both_engines!(
    reports_queued_before_start_are_processed,
    |url: String| async move {
        // A report committed by a process that died before processing it: only its job remains.
        {
            let store =
                rampart_store::Store::connect(&rampart_store::ConnectConfig::new(url.clone()))
                    .await
                    .unwrap();
            let report = rampart_store::NewReport {
                channel: "email".into(),
                subject: Some("Account suspended".into()),
                body: "Verify at https://paypa1-secure.com/login".into(),
                sender: None,
                reporter_email: None,
                reporter_key: "k".into(),
                locale: None,
                country: None,
                occurred_at: None,
                received_at: 1_763_700_000_000,
                money_minor: None,
                money_currency: None,
                payment_method: None,
                raw: b"{}".to_vec(),
                raw_type: "application/json".into(),
                raw_sha256: rampart_server::intake::sha256_hex(b"{}"),
                ..Default::default()
            };
            store
                .intake(&report, None, |_, _| (201, String::new()))
                .await
                .unwrap();
            store.close().await;
        }
        let s = TestServer::start(common::settings(&url)).await;
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let page = s.get_json("/api/v1/reports", &token).await;
        let id = page["items"][0]["id"].as_i64().unwrap();
        let r = s.get_json(&format!("/api/v1/reports/{id}"), &token).await;
        assert!(
            r["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["value"] == "paypa1-secure.com")
        );
        s.stop().await;
    }
);

on_both_engines!(operator_endpoints_answer, |url: String| async move {
    let s = TestServer::start(common::settings(&url)).await;
    let res = s.http.get(s.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let res = s.http.get(s.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    s.post_report(sms("count me")).await;
    let metrics = s
        .http
        .get(s.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("rampart_http_requests_total"), "{metrics}");
    assert!(
        metrics.contains("rampart_reports_received_total"),
        "{metrics}"
    );
    let doc: Value = s
        .http
        .get(s.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/reports",
        "/api/v1/reports/{id}",
        "/api/v1/campaigns",
        "/api/v1/campaigns/{id}",
        "/api/v1/indicators/{kind}/{value}",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    let res = s
        .http
        .delete(s.url("/api/v1/reports"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(res.headers()["allow"].to_str().unwrap().contains("POST"));
    let res = s.http.get(s.url("/no/such/page")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    s.stop().await;
});

/// Posts `bodies` in the given order and returns the campaigns as sets of bodies.
async fn partition(url: String, bodies: &[String]) -> Vec<Vec<String>> {
    let mut settings = common::settings(&url);
    settings.correlation.hub_threshold = 2;
    let s = TestServer::start(settings).await;
    let mut ids = Vec::new();
    for b in bodies {
        let res = s.post_report(sms(b)).await;
        assert_eq!(res.status(), 201);
        ids.push((
            res.json::<Value>().await.unwrap()["id"].as_i64().unwrap(),
            b.clone(),
        ));
        // Let processing interleave with intake differently in each run.
        if ids.len() % 3 == 0 {
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        }
    }
    let token = s.token("analyst").await;
    s.settle(&token).await;
    let mut by_campaign: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for (id, body) in ids {
        let c = s.get_json(&format!("/api/v1/reports/{id}"), &token).await["campaign_id"]
            .as_i64()
            .unwrap();
        by_campaign.entry(c).or_default().push(body);
    }
    s.stop().await;
    let mut parts: Vec<Vec<String>> = by_campaign
        .into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect();
    parts.sort();
    parts
}

on_both_engines!(
    campaigns_do_not_depend_on_arrival_order,
    |url: String| async move {
        // Groups sharing domains and phones, chained through a late report, and a footer that
        // becomes a hub only once enough groups carry it.
        let mut bodies: Vec<String> = Vec::new();
        let scripts = [
            "Your parcel is held at the depot until the fee is paid at",
            "We noticed a sign-in from a new device, secure your account on",
            "You have been selected for a loyalty reward, claim it today via",
            "Your subscription could not be renewed, update your card at",
        ];
        for (g, script) in scripts.iter().enumerate() {
            for n in 0..2 {
                bodies.push(format!(
                    "{script} g{g}-pay.com or ring +44 20 7946 01{g}{n}. footer-cdn.net"
                ));
            }
        }
        bodies.push("Bridge: both g0-pay.com and g1-pay.com are ours".into());
        bodies.push("Loner without anything shared: lonely-{}.org".replace("{}", "x"));
        bodies.push("Phone only: ring +44 20 7946 0130".into());
        let forward = partition(url.clone(), &bodies).await;
        let mut reversed = bodies.clone();
        reversed.reverse();
        // A second, independent database for the other order.
        let other = if url.starts_with("sqlite") {
            let (dir, url) = common::sqlite_url();
            std::mem::forget(dir);
            url
        } else {
            common::pg_url("order-independence").await.unwrap()
        };
        let backward = partition(other, &reversed).await;
        assert_eq!(forward, backward);
        // g0 and g1 are bridged; g2 and g3 stand alone; the footer is a hub, the loner alone,
        // and the phone-only report joins g3 through its number.
        assert_eq!(forward.len(), 4, "{forward:#?}");
    }
);

on_both_engines!(
    a_report_with_100k_urls_is_bounded,
    |url: String| async move {
        let mut settings = common::settings(&url);
        settings.max_body_bytes = 8 * 1024 * 1024;
        let s = TestServer::start(settings).await;
        let body: String = (0..100_000)
            .map(|i| format!("http://h{i}.example.com/p "))
            .collect();
        let res = s.post_report(sms(&body)).await;
        assert_eq!(res.status(), 201);
        let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let r = s.get_json(&format!("/api/v1/reports/{id}"), &token).await;
        let n = r["indicators"].as_array().unwrap().len();
        assert!(
            n > 0 && n <= rampart_server::processing::MAX_INDICATORS_PER_REPORT,
            "{n} indicators"
        );
        s.stop().await;
    }
);

on_both_engines!(
    hostile_values_are_stored_or_refused_cleanly,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        // A URL longer than a PostgreSQL index entry may be.
        let long: String = (0..3000)
            .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
            .collect();
        let text = format!("Pay at https://long-url-scam.com/?q={long} now");
        assert_eq!(s.post_report(sms(&text)).await.status(), 201);
        // Amounts that would overflow a 64-bit sum, from two reporters of one campaign.
        for n in 0..2 {
            let res = s
                .post_report(json!({
                    "channel": "sms", "body": "Send the fee to overflow-fee.com today",
                    "reporter_email": format!("rich{n}@example.org"),
                    "money_lost": {"amount": "1000000000000", "currency": "KWD"}
                }))
                .await;
            assert_eq!(res.status(), 201);
        }
        // NUL is refused in every text field, naming it.
        let res = s
            .post_report(json!({"channel": "sms", "body": "x", "subject": "a\u{0}b"}))
            .await;
        assert_eq!(res.status(), 422);
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["pointer"], "#/subject");
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let u = s
            .get_json(
                &format!("/api/v1/indicators/url/https://long-url-scam.com/%3Fq={long}"),
                &token,
            )
            .await;
        assert_eq!(u["report_count"], 1);
        assert!(u["value"].as_str().unwrap().len() > 3000);
        let d = s
            .get_json("/api/v1/indicators/domain/overflow-fee.com", &token)
            .await;
        let c = s
            .get_json(&format!("/api/v1/campaigns/{}", d["campaigns"][0]), &token)
            .await;
        assert_eq!(c["money_lost"][0]["victims"], 2);
        assert_eq!(c["money_lost"][0]["currency"], "KWD");
        assert!(c["score"].as_f64().unwrap() > 0.0);
        s.stop().await;
    }
);
