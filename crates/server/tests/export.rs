//! Evidence packages end to end, on both storage engines: reports in through the API and by
//! e-mail, a case on their campaign, the package out through `GET /api/v1/cases/{id}/export`,
//! checked as a recipient would; who may export; stored evidence that changed; and the audit
//! chain that records the export and catches an edited, deleted or cut-off entry.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use base64::Engine;
use common::*;
use ed25519_dalek::SigningKey;
use rampart_casework::audit::Break;
use rampart_server::export;
use rampart_server::signing;
use rampart_store::{AuditFilter, LinkKind, NewCase, Store};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn now_ms() -> i64 {
    i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap()
}

/// A connection beside the service's, for doing what an attacker with database access would.
async fn raw_pool(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .unwrap()
}

const SCAM: &str = "Amazon: your parcel is held at customs. Pay the release fee at \
    hxxps://amazon-parcel-release[.]com/pay today or it goes back. Track it on https://www.amazon.com/gp/css/order-history";

/// Posts `body` exactly as given, so the test knows the bytes the service received.
async fn post_exact(s: &TestServer, body: &Value) -> (Vec<u8>, i64, String) {
    let bytes = serde_json::to_vec(body).unwrap();
    let res = s
        .http
        .post(s.url("/api/v1/reports"))
        .header("content-type", "application/json")
        .body(bytes.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    (
        bytes,
        created["id"].as_i64().unwrap(),
        created["reference"].as_str().unwrap().to_string(),
    )
}

on_both_engines!(
    a_case_exports_as_a_signed_package,
    |url: String| async move {
        let s = TestServer::start(common::settings(&url)).await;
        let png = {
            let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
            b.extend_from_slice(&[7u8; 64]);
            b
        };
        // Two victims: one reports twice with the same loss (it counts once), one loses less.
        let mut posted: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut ids = Vec::new();
        for (email, amount, country, screenshot) in [
            ("ana@example.org", "100.00", "ES", true),
            ("ana@example.org", "100.00", "ES", false),
            ("ben@example.org", "50.00", "GB", false),
        ] {
            let mut body = json!({
                "channel": "sms", "body": SCAM, "sender": "+44 7700 900123",
                "reporter_email": email, "country": country,
                "money_lost": {"amount": amount, "currency": "EUR"},
            });
            if screenshot {
                body["screenshot"] = json!({"filename": "sms.png",
                "data_base64": base64::engine::general_purpose::STANDARD.encode(&png)});
            }
            let (bytes, id, reference) = post_exact(&s, &body).await;
            posted.insert(reference, bytes);
            ids.push(id);
        }
        // And one by e-mail, linked to the case on its own.
        let eml: &[u8] = include_bytes!("data/mail/amazon_phish_forwarded_as_attachment.eml");
        let report =
            rampart_server::mailgate::report_from_email(eml, "test", now_ms(), false).unwrap();
        let by_mail = rampart_server::mailgate::store_report(&s.running.state, &report, "test")
            .await
            .unwrap();
        posted.insert(by_mail.reference.clone(), eml.to_vec());

        let analyst = s.token("analyst").await;
        s.settle(&analyst).await;
        let campaign = s
            .get_json(&format!("/api/v1/reports/{}", ids[0]), &analyst)
            .await["campaign_id"]
            .as_i64()
            .unwrap();
        for id in &ids[1..] {
            let r = s.get_json(&format!("/api/v1/reports/{id}"), &analyst).await;
            assert_eq!(r["campaign_id"], campaign, "the SMS reports correlate");
        }
        let case_id = s
            .store
            .open_case(
                &NewCase {
                    title: "Parcel release fee".into(),
                    summary: String::new(),
                    priority: "high".into(),
                    restricted: false,
                    assignee_id: None,
                    links: vec![
                        (LinkKind::Campaign, campaign),
                        (LinkKind::Report, by_mail.id),
                    ],
                },
                "user:test",
                now_ms(),
            )
            .await
            .unwrap();

        // Legal exports it.
        let legal = s.token("legal").await;
        let res = s
            .get(&format!("/api/v1/cases/{case_id}/export"), &legal)
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "application/zip");
        assert_eq!(res.headers()["cache-control"], "no-store");
        let disposition = res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        let prefix = format!("attachment; filename=\"case-{case_id}-");
        assert!(
            disposition.starts_with(&prefix) && disposition.ends_with("Z.zip\""),
            "{disposition}"
        );
        let announced = res.headers()["x-content-sha256"]
            .to_str()
            .unwrap()
            .to_string();
        let zip = res.bytes().await.unwrap().to_vec();
        assert_eq!(announced, sha256(&zip));

        // A recipient checks it against the key the service signs with.
        let key = s.running.state.signing.verifying_key();
        let manifest = export::verify_package(&zip, Some(&key)).unwrap();
        assert_eq!(manifest.case, format!("CASE-{case_id}"));
        assert_eq!(manifest.public_key, hex::encode(key.to_bytes()));
        let listed: BTreeMap<&str, &export::ManifestFile> = manifest
            .files
            .iter()
            .map(|f| (f.path.as_str(), f))
            .collect();
        for name in [
            "README.txt",
            "summary.txt",
            "reports.json",
            "stix.json",
            "audit.json",
        ] {
            assert!(listed.contains_key(name), "{name} in {listed:?}");
        }
        // Every report's bytes are in it exactly as they arrived.
        for (reference, bytes) in &posted {
            let ext = if reference == &by_mail.reference {
                "eml"
            } else {
                "json"
            };
            let f = listed
                .get(format!("raw/{reference}.{ext}").as_str())
                .unwrap_or_else(|| panic!("raw/{reference}.{ext} in {listed:?}"));
            assert_eq!(f.sha256, sha256(bytes), "{reference}");
            assert_eq!(f.size, bytes.len() as u64);
        }
        let screenshot = listed
            .iter()
            .find(|(p, _)| p.starts_with("files/") && p.ends_with("-1.png"))
            .expect("the screenshot");
        assert_eq!(screenshot.1.sha256, sha256(&png));
        // Another key is not the signer.
        let other = SigningKey::from_bytes(&[5u8; 32]).verifying_key();
        assert!(matches!(
            export::verify_package(&zip, Some(&other)),
            Err(export::PackageError::WrongSigner { .. })
        ));

        // What the files say, as gathered for that package.
        let case = s.store.case(case_id).await.unwrap().unwrap();
        let files: BTreeMap<String, Vec<u8>> = export::gather(&s.running.state, &case, now_ms())
            .await
            .unwrap()
            .into_iter()
            .collect();
        for (path, bytes) in &files {
            if path.starts_with("raw/") || path.starts_with("files/") {
                assert_eq!(listed[path.as_str()].sha256, sha256(bytes), "{path}");
            }
        }
        let summary = String::from_utf8(files["summary.txt"].clone()).unwrap();
        assert!(summary.contains("  Reports: 4\n"), "{summary}");
        // Ana, Ben and the forwarder of the e-mail; Ana's loss counts once.
        assert!(summary.contains("  Distinct victims: 3\n"), "{summary}");
        assert!(
            summary.contains("  Victims who stated a loss: 2\n"),
            "{summary}"
        );
        assert!(summary.contains("  EUR 150.00\n"), "{summary}");
        assert!(summary.contains("amazon-parcel-release[.]com"), "{summary}");
        assert!(summary.contains("opened the case"), "{summary}");
        let stix: Value = serde_json::from_slice(&files["stix.json"]).unwrap();
        assert_eq!(stix["type"], "bundle");
        let patterns: Vec<&str> = stix["objects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["type"] == "indicator")
            .map(|o| o["pattern"].as_str().unwrap())
            .collect();
        assert!(
            patterns.contains(&"[domain-name:value = 'amazon-parcel-release.com']"),
            "{patterns:?}"
        );
        // The brand's own domain is no indicator of the scam.
        assert!(
            !patterns.iter().any(|p| p.contains("'amazon.com'")),
            "{patterns:?}"
        );
        assert!(
            stix["objects"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["type"] == "campaign" && o["x_rampart_campaign_id"] == campaign)
        );
        let reports: Value = serde_json::from_slice(&files["reports.json"]).unwrap();
        assert_eq!(reports["reports"].as_array().unwrap().len(), 4);
        let first = reports["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["loss"]["amount"] == "EUR 50.00")
            .unwrap();
        assert_eq!(first["country"], "GB");
        assert_eq!(first["sender"], "+44 7700 900123");
        assert!(first["received_at"].as_str().unwrap().ends_with('Z'));
        let audit: Value = serde_json::from_slice(&files["audit.json"]).unwrap();
        let actions: Vec<&str> = audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions[..3], ["case.open", "case.link", "case.link"]);
        assert!(audit["entries"][0]["hash"].as_str().unwrap().len() == 64);
        let readme = String::from_utf8(files["README.txt"].clone()).unwrap();
        assert!(readme.contains("rampart case verify"), "{readme}");
        assert!(readme.contains("out of band") || readme.contains("another channel"));

        // The export is in the audit chain, with the package's digest.
        let entries = s
            .store
            .audit_entries(
                &AuditFilter {
                    case_id: Some(case_id),
                    ..AuditFilter::default()
                },
                100,
            )
            .await
            .unwrap();
        let exported = entries
            .iter()
            .find(|e| e.entry.event.action == "case.export")
            .expect("a case.export entry");
        assert_eq!(exported.entry.event.object, format!("case:{case_id}"));
        let detail: Value = serde_json::from_str(&exported.entry.event.detail).unwrap();
        assert_eq!(detail["package_sha256"], sha256(&zip));
        assert_eq!(detail["files"], manifest.files.len());
        assert_eq!(detail["public_key"], manifest.public_key);
        assert!(exported.entry.event.actor.starts_with("token:"));
        let chain = signing::verify_chain(&s.store, Some(&key)).await.unwrap();
        assert!(chain.is_intact(), "{:?}", chain.breaks);

        // Who may export.
        let investigator = s.token("investigator").await;
        let res = s
            .get(&format!("/api/v1/cases/{case_id}/export"), &investigator)
            .await;
        assert_eq!(res.status(), 403);
        let res = s.get("/api/v1/cases/999999/export", &legal).await;
        assert_eq!(res.status(), 404);
        let secret = s
            .store
            .open_case(
                &NewCase {
                    title: "Insider".into(),
                    summary: String::new(),
                    priority: "normal".into(),
                    restricted: true,
                    assignee_id: None,
                    links: vec![(LinkKind::Report, ids[2])],
                },
                "user:test",
                now_ms(),
            )
            .await
            .unwrap();
        let res = s
            .get(&format!("/api/v1/cases/{secret}/export"), &investigator)
            .await;
        assert_eq!(res.status(), 404, "a restricted case is not there for them");
        let res = s
            .get(&format!("/api/v1/cases/{secret}/export"), &legal)
            .await;
        assert_eq!(res.status(), 200);

        // Someone changes a stored report's bytes: no package is made from it.
        let victim = posted
            .keys()
            .find(|r| **r != by_mail.reference)
            .unwrap()
            .clone();
        let pool = raw_pool(&url).await;
        let mut altered = posted[&victim].clone();
        altered[10] ^= 1;
        sqlx::query("UPDATE reports SET raw = $1 WHERE reference = $2")
            .bind(altered)
            .bind(victim.clone())
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        let res = s
            .get(&format!("/api/v1/cases/{case_id}/export"), &legal)
            .await;
        assert_eq!(res.status(), 500);
        let problem: Value = res.json().await.unwrap();
        assert_eq!(
            problem["type"],
            "https://rampart.invalid/problems/evidence-altered"
        );
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains(&victim) && detail.contains("altered"),
            "{detail}"
        );
        let exports = s
            .store
            .audit_entries(
                &AuditFilter {
                    case_id: Some(case_id),
                    ..AuditFilter::default()
                },
                100,
            )
            .await
            .unwrap()
            .iter()
            .filter(|e| e.entry.event.action == "case.export")
            .count();
        assert_eq!(exports, 1, "a refused export records no export");
        s.stop().await;
    }
);

on_both_engines!(a_tampered_audit_chain_is_caught, |url: String| async move {
    let store = Store::connect(&rampart_store::ConnectConfig::new(url.clone()))
        .await
        .unwrap();
    let key = SigningKey::from_bytes(&[9u8; 32]);
    let case = store
        .open_case(
            &NewCase {
                title: "Chain".into(),
                summary: String::new(),
                priority: "normal".into(),
                restricted: false,
                assignee_id: None,
                links: vec![],
            },
            "user:test",
            now_ms(),
        )
        .await
        .unwrap();
    for n in 0..7 {
        store
            .add_note(case, &format!("note {n}"), "user:test", now_ms())
            .await
            .unwrap();
    }
    signing::checkpoint(&store, &key).await.unwrap().unwrap();
    let verify = || async {
        signing::verify_chain(&store, Some(&key.verifying_key()))
            .await
            .unwrap()
    };
    let v = verify().await;
    assert!(v.is_intact(), "{:?}", v.breaks);
    assert_eq!((v.entries, v.checkpoints), (8, 1));

    let pool = raw_pool(&url).await;
    // The triggers keep the chain append-only…
    assert!(
        sqlx::query("UPDATE audit_log SET detail = '{}' WHERE seq = 3")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_log WHERE seq = 3")
            .execute(&pool)
            .await
            .is_err()
    );
    // …until someone with the rights drops them.
    let drops: &[&str] = match store.dialect() {
        rampart_store::Dialect::Sqlite => &[
            "DROP TRIGGER audit_log_no_update",
            "DROP TRIGGER audit_log_no_delete",
        ],
        rampart_store::Dialect::Postgres => &[
            "DROP TRIGGER audit_log_no_change ON audit_log",
            "DROP TRIGGER audit_log_no_truncate ON audit_log",
        ],
    };
    for sql in drops {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    sqlx::query("UPDATE audit_log SET detail = '{\"body\":\"nothing to see\"}' WHERE seq = 3")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(verify().await.breaks, [Break::Edited { seq: 3 }]);
    sqlx::query("DELETE FROM audit_log WHERE seq = 5")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        verify().await.breaks,
        [
            Break::Edited { seq: 3 },
            Break::Missing { from: 5, to: 5 },
            Break::Unlinked { seq: 6 },
        ]
    );
    // Cutting off the end is caught by the signed checkpoint of the head.
    sqlx::query("DELETE FROM audit_log WHERE seq >= 7")
        .execute(&pool)
        .await
        .unwrap();
    let v = verify().await;
    assert!(
        v.breaks.contains(&Break::Truncated {
            checkpoint_seq: 8,
            last_seq: 6
        }),
        "{:?}",
        v.breaks
    );
    pool.close().await;
    store.close().await;
});
