//! Casework through the REST API, on both storage engines: a case opened from a campaign, its
//! tasks and notes, a takedown notice that reaches a real SMTP listener, completion that the
//! reporters see on their status page and in their mailbox, the published block list, who may
//! see and do what, refused input that leaves no trace, and the audit chain intact after it all.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::TestServer;
use common::smtp::{Received, SmtpServer};
use mail_parser::MessageParser;
use rampart_server::mailer::{SmtpSettings, SmtpTls};
use reqwest::Method;
use serde_json::{Value, json};

fn settings(url: &str, smtp: &SmtpServer) -> rampart_server::Settings {
    let mut settings = common::settings(url);
    settings.smtp = SmtpSettings {
        enabled: true,
        host: "127.0.0.1".into(),
        port: smtp.port(),
        tls: SmtpTls::None,
        from: "Amazon Protection <no-reply@protect.example.com>".into(),
        timeout_secs: 5,
        hello_name: Some("rampart.example.com".into()),
        ..SmtpSettings::default()
    };
    settings.portal.public_url = "https://report.example.com".into();
    settings.casework.reply_to = "abuse-desk@example.com".into();
    settings
}

/// Sends a request and returns the status and the JSON answer (`Null` when there is none).
async fn call(
    s: &TestServer,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = s.http.request(method.clone(), s.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let problem = res
        .headers()
        .get("content-type")
        .is_some_and(|v| v == "application/problem+json");
    let text = res.text().await.unwrap();
    if status >= 400 {
        assert!(
            problem,
            "{method} {path}: {status} without problem JSON: {text}"
        );
    }
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, value)
}

/// The pointers of a 422 problem's field errors.
fn pointers(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["pointer"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn lf(s: &str) -> String {
    s.replace("\r\n", "\n")
}

/// Waits for a message to `to` whose subject contains `subject`; returns its subject and text.
async fn mail_to(smtp: &SmtpServer, to: &str, subject: &str) -> (String, String) {
    for _ in 0..300 {
        let found = smtp.messages().into_iter().find_map(|m: Received| {
            if !m.rcpt_to.iter().any(|r| r == to) {
                return None;
            }
            let msg = MessageParser::default().parse(&m.data)?;
            let s = msg.subject()?.to_string();
            s.contains(subject)
                .then(|| (s, lf(&msg.body_text(0).unwrap_or_default())))
        });
        if let Some(found) = found {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no mail to {to} about {subject:?} within 15 s");
}

/// Posts the three reports of one look-alike campaign; returns their references.
async fn report_campaign(s: &TestServer) -> Vec<String> {
    let reports = [
        json!({"channel": "sms",
            "body": "Amazon: your refund of £79.99 is waiting. Confirm at hxxps://amazon-refund-help[.]com/claim",
            "reporter_email": "victim.one@example.org", "country": "GB", "locale": "en-GB",
            "money_lost": {"amount": "79.99", "currency": "GBP"}}),
        json!({"channel": "sms",
            "body": "Amazon : votre remboursement vous attend sur https://amazon-refund-help.com/claim ou appelez le +44 20 7946 0958",
            "reporter_email": "victime.deux@example.fr", "country": "FR", "locale": "fr"}),
        json!({"channel": "email",
            "body": "Your Amazon account is locked. Verify it at https://amazon-refund-help.com/login today.",
            "country": "GB"}),
    ];
    let mut references = Vec::new();
    for r in reports {
        let res = s.post_report(r).await;
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        references.push(body["reference"].as_str().unwrap().to_string());
    }
    references
}

on_both_engines!(
    a_takedown_goes_out_and_reporters_hear_of_it,
    |url: String| async move {
        let smtp = SmtpServer::start().await;
        let s = TestServer::start(settings(&url, &smtp)).await;
        let references = report_campaign(&s).await;
        let analyst = s.token("analyst").await;
        let investigator = s.token("investigator").await;
        let legal = s.token("legal").await;
        let admin = s.token("admin").await;
        s.settle(&analyst).await;
        let page = s.get_json("/api/v1/reports?limit=10", &analyst).await;
        let campaign = page["items"][0]["campaign_id"].as_i64().unwrap();
        assert!(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["campaign_id"] == campaign),
            "one campaign: {page}"
        );

        // An analyst opens a case from the campaign and works it.
        let (status, case) = call(
            &s,
            Method::POST,
            "/api/v1/cases",
            Some(&analyst),
            Some(json!({
                "title": "Refund look-alike amazon-refund-help.com",
                "summary": "SMS and e-mail pointing at a fake refund page.",
                "campaigns": [campaign]
            })),
        )
        .await;
        assert_eq!(status, 201, "{case}");
        let case_id = case["case"]["id"].as_i64().unwrap();
        assert_eq!(case["case"]["reference"], format!("CASE-{case_id}"));
        assert_eq!(case["case"]["status"], "open");
        assert_eq!(case["case"]["priority"], "normal");
        assert_eq!(case["links"][0]["label"], format!("#{campaign}, 3 reports"));
        assert_eq!(case["report_count"], 3);
        let cases = format!("/api/v1/cases/{case_id}");
        let (status, task) = call(
            &s,
            Method::POST,
            &format!("{cases}/tasks"),
            Some(&analyst),
            Some(json!({"title": "Find the registrar", "due": "2026-12-01"})),
        )
        .await;
        assert_eq!(status, 201, "{task}");
        let task_id = task["id"].as_i64().unwrap();
        let (status, _) = call(
            &s,
            Method::PATCH,
            &format!("{cases}/tasks/{task_id}"),
            Some(&analyst),
            Some(json!({"done": true})),
        )
        .await;
        assert_eq!(status, 204);
        let (status, _) = call(
            &s,
            Method::POST,
            &format!("{cases}/notes"),
            Some(&analyst),
            Some(json!({"body": "Registrar is on .com; page still live at 10:00."})),
        )
        .await;
        assert_eq!(status, 201);
        // Status and priority are for investigators.
        let (status, _) = call(
            &s,
            Method::PATCH,
            &cases,
            Some(&analyst),
            Some(json!({"status": "in_progress"})),
        )
        .await;
        assert_eq!(status, 403);
        let (status, case) = call(
            &s,
            Method::PATCH,
            &cases,
            Some(&investigator),
            Some(json!({"status": "in_progress", "priority": "high"})),
        )
        .await;
        assert_eq!(status, 200, "{case}");
        assert_eq!(case["case"]["status"], "in_progress");
        assert_eq!(case["case"]["priority"], "high");
        assert_eq!(case["tasks"][0]["title"], "Find the registrar");
        assert_eq!(case["tasks"][0]["due_at"], "2026-12-01T23:59:59.999Z");
        assert_eq!(case["tasks"][0]["done"], true);
        assert_eq!(
            case["notes"][0]["body"],
            "Registrar is on .com; page still live at 10:00."
        );
        let happened: Vec<&str> = case["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        for a in [
            "case.open",
            "case.link",
            "task.add",
            "task.done",
            "note.add",
            "case.status",
            "case.priority",
        ] {
            assert!(happened.contains(&a), "{a} missing from {happened:?}");
        }

        // Abuse contacts are configured by an admin.
        let contact = json!({"kind": "registrar", "pattern": "com", "name": "Example Registrar",
            "email": "abuse@registrar.example"});
        let (status, _) = call(
            &s,
            Method::PUT,
            "/api/v1/contacts",
            Some(&investigator),
            Some(contact.clone()),
        )
        .await;
        assert_eq!(status, 403);
        let (status, saved) = call(
            &s,
            Method::PUT,
            "/api/v1/contacts",
            Some(&admin),
            Some(contact),
        )
        .await;
        assert_eq!(status, 200, "{saved}");
        let (status, _) = call(
            &s,
            Method::PUT,
            "/api/v1/contacts",
            Some(&admin),
            Some(json!({
            "kind": "law_enforcement", "pattern": "gb", "name": "Action Fraud",
            "email": "referrals@police.example"})),
        )
        .await;
        assert_eq!(status, 200);
        let (_, listed) = call(
            &s,
            Method::GET,
            "/api/v1/contacts",
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(listed["items"].as_array().unwrap().len(), 2);

        // A takedown of the look-alike domain goes to the registrar with the case's figures.
        let (status, action) = call(
            &s,
            Method::POST,
            &format!("{cases}/actions"),
            Some(&investigator),
            Some(
                json!({"kind": "takedown", "target": "Amazon-Refund-Help.com",
                "note": "Also hosts a card form."}),
            ),
        )
        .await;
        assert_eq!(status, 201, "{action}");
        let takedown = action["action"]["id"].as_i64().unwrap();
        assert_eq!(action["action"]["status"], "draft");
        assert_eq!(action["action"]["target"], "amazon-refund-help.com");
        assert!(action["action"]["indicator_id"].is_i64());
        assert_eq!(
            action["action"]["recipient_email"],
            "abuse@registrar.example"
        );
        assert_eq!(action["action"]["recipient_name"], "Example Registrar");
        let (status, preview) = call(
            &s,
            Method::GET,
            &format!("/api/v1/actions/{takedown}/preview"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(preview["ready"], true);
        assert_eq!(preview["recipients"], json!(["abuse@registrar.example"]));
        let (status, requested) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{takedown}/request"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(status, 200, "{requested}");
        assert_eq!(requested["action"]["status"], "requested");
        assert_eq!(requested["notices"][0]["body"], preview["body"]);
        let (subject, text) = mail_to(&smtp, "abuse@registrar.example", "Takedown request").await;
        assert_eq!(
            subject,
            format!("[ACT-{takedown}] Takedown request: amazon-refund-help[.]com")
        );
        for fact in [
            "Dear Example Registrar,",
            "abuse of the domain amazon-refund-help[.]com",
            "Reports received: 3 reports from 3 distinct people",
            "hxxps://amazon-refund-help[.]com/claim",
            "Also hosts a card form.",
            &format!("Please quote ACT-{takedown} (our case CASE-{case_id})"),
            "abuse-desk@example.com",
        ] {
            assert!(text.contains(fact), "missing {fact:?} in\n{text}");
        }
        assert!(
            !text.contains("amazon-refund-help.com"),
            "a live link in\n{text}"
        );
        // The notice row is the evidence: exactly what was sent, and that it was.
        let mut sent = Value::Null;
        for _ in 0..200 {
            let (_, detail) = call(
                &s,
                Method::GET,
                &format!("/api/v1/actions/{takedown}"),
                Some(&analyst),
                None,
            )
            .await;
            if detail["notices"][0]["status"] == "sent" {
                sent = detail;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(sent["notices"][0]["recipient"], "abuse@registrar.example");
        assert_eq!(
            sent["notices"][0]["body"].as_str().unwrap().trim_end(),
            text.trim_end()
        );
        assert!(
            sent["notices"][0]["message_id"]
                .as_str()
                .unwrap()
                .contains("notice.")
        );

        // A carrier report with no carrier contact can be drafted, not requested.
        let (status, carrier) = call(
            &s,
            Method::POST,
            &format!("{cases}/actions"),
            Some(&investigator),
            Some(json!({"kind": "carrier_report", "target": "+44 20 7946 0958"})),
        )
        .await;
        assert_eq!(status, 201, "{carrier}");
        let carrier = carrier["action"]["id"].as_i64().unwrap();
        let (_, preview) = call(
            &s,
            Method::GET,
            &format!("/api/v1/actions/{carrier}/preview"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(preview["ready"], false);
        assert!(
            preview["problem"].as_str().unwrap().contains("carrier"),
            "{preview}"
        );
        let (status, refused) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{carrier}/request"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(status, 409, "{refused}");
        let (_, still) = call(
            &s,
            Method::GET,
            &format!("/api/v1/actions/{carrier}"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(still["action"]["status"], "draft");
        assert_eq!(still["notices"], json!([]));
        let (status, cancelled) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{carrier}/cancel"),
            Some(&investigator),
            Some(json!({"outcome": "No carrier contact yet"})),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(cancelled["action"]["status"], "cancelled");

        // Completing the takedown: every report shows "action taken" and reporters are told.
        let (status, done) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{takedown}/complete"),
            Some(&investigator),
            Some(json!({"outcome": "Registrar suspended the domain"})),
        )
        .await;
        assert_eq!(status, 200, "{done}");
        assert_eq!(done["action"]["status"], "completed");
        assert_eq!(done["action"]["outcome"], "Registrar suspended the domain");
        for reference in &references {
            let page = s
                .http
                .get(s.url(&format!("/status/{reference}")))
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), 200);
            let html = page.text().await.unwrap();
            assert!(
                html.contains(r#"aria-current="step" data-status="action_taken""#),
                "{reference}: {html}"
            );
        }
        let (subject, text) =
            mail_to(&smtp, "victim.one@example.org", "Update on your report").await;
        assert_eq!(subject, format!("Update on your report {}", references[0]));
        assert!(text.contains("Action taken"), "{text}");
        assert!(
            text.contains(&format!(
                "https://report.example.com/status/{}?lang=en",
                references[0]
            )),
            "{text}"
        );
        let (subject, text) =
            mail_to(&smtp, "victime.deux@example.fr", "Du nouveau concernant").await;
        assert!(subject.ends_with(&references[1]), "{subject}");
        assert!(text.contains("Mesures prises"), "{text}");
        assert!(
            text.contains(&format!(
                "https://report.example.com/status/{}?lang=fr",
                references[1]
            )),
            "{text}"
        );
        let (_, detail) = call(
            &s,
            Method::GET,
            &format!("/api/v1/actions/{takedown}"),
            Some(&analyst),
            None,
        )
        .await;
        let updates: Vec<&Value> = detail["notices"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "status_update")
            .collect();
        assert_eq!(updates.len(), 2, "{detail}");

        // A block-list entry is published at once, in text and JSON, without a token.
        let (status, block) = call(
            &s,
            Method::POST,
            &format!("{cases}/actions"),
            Some(&investigator),
            Some(json!({"kind": "blocklist", "target": "amazon-refund-help.com"})),
        )
        .await;
        assert_eq!(status, 201, "{block}");
        let block = block["action"]["id"].as_i64().unwrap();
        let (status, published) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{block}/request"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(status, 200, "{published}");
        assert_eq!(published["action"]["status"], "completed");
        let res = s.http.get(s.url("/api/v1/blocklist")).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "text/plain; charset=utf-8");
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("max-age=60")
        );
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        let text = res.text().await.unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("# "), "{text}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("# generated ") && l.ends_with(", 1 entry")),
            "{text}"
        );
        assert_eq!(
            lines
                .iter()
                .filter(|l| !l.starts_with("# "))
                .collect::<Vec<_>>(),
            [&"amazon-refund-help.com"]
        );
        let res = s
            .http
            .get(s.url("/api/v1/blocklist"))
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 304);
        let (status, list) =
            call(&s, Method::GET, "/api/v1/blocklist?format=json", None, None).await;
        assert_eq!(status, 200);
        assert!(list["generated_at"].is_string());
        assert_eq!(list["entries"][0]["kind"], "domain");
        assert_eq!(list["entries"][0]["value"], "amazon-refund-help.com");
        let entry = list["entries"][0]["id"].as_i64().unwrap();
        let (_, phones) = call(
            &s,
            Method::GET,
            "/api/v1/blocklist?format=json&kind=phone",
            None,
            None,
        )
        .await;
        assert_eq!(phones["entries"], json!([]));
        let (status, _) = call(&s, Method::GET, "/api/v1/blocklist?kind=btc", None, None).await;
        assert_eq!(status, 422);
        let (status, problem) = call(
            &s,
            Method::DELETE,
            &format!("/api/v1/blocklist/{entry}"),
            Some(&investigator),
            Some(json!({"reason": " "})),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(pointers(&problem), ["#/reason"]);
        let (status, _) = call(
            &s,
            Method::DELETE,
            &format!("/api/v1/blocklist/{entry}"),
            Some(&analyst),
            Some(json!({"reason": "Domain seized by the registry"})),
        )
        .await;
        assert_eq!(status, 403);
        let (status, _) = call(
            &s,
            Method::DELETE,
            &format!("/api/v1/blocklist/{entry}"),
            Some(&investigator),
            Some(json!({"reason": "Domain seized by the registry"})),
        )
        .await;
        assert_eq!(status, 204);
        let (_, list) = call(&s, Method::GET, "/api/v1/blocklist?format=json", None, None).await;
        assert_eq!(list["entries"], json!([]));
        let text = s
            .http
            .get(s.url("/api/v1/blocklist"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(text.lines().all(|l| l.starts_with("# ")), "{text}");

        // A customer warning goes to each reporter who left an address, and completes.
        let (status, warning) = call(
            &s,
            Method::POST,
            &format!("{cases}/actions"),
            Some(&investigator),
            Some(json!({"kind": "customer_warning"})),
        )
        .await;
        assert_eq!(status, 201, "{warning}");
        let warning = warning["action"]["id"].as_i64().unwrap();
        let (status, warned) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{warning}/request"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(status, 200, "{warned}");
        assert_eq!(warned["action"]["status"], "completed");
        let mut to: Vec<&str> = warned["notices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["recipient"].as_str().unwrap())
            .collect();
        to.sort_unstable();
        assert_eq!(to, ["victim.one@example.org", "victime.deux@example.fr"]);
        // Each in the language they reported in.
        let (_, text) = mail_to(&smtp, "victime.deux@example.fr", "sont des arnaques").await;
        assert!(
            text.contains("hxxps://amazon-refund-help[.]com/claim"),
            "{text}"
        );
        assert!(text.contains("ne cliquez jamais"), "{text}");
        assert!(
            text.contains(&format!("Référence\u{a0}: ACT-{warning}")),
            "{text}"
        );
        let (_, text) = mail_to(&smtp, "victim.one@example.org", "are a scam").await;
        assert!(text.contains("never click"), "{text}");
        assert!(
            text.contains(&format!("Reference: ACT-{warning}")),
            "{text}"
        );

        // Referrals to law enforcement are for legal; the police of the reporters' country.
        let (status, _) = call(
            &s,
            Method::POST,
            &format!("{cases}/actions"),
            Some(&investigator),
            Some(json!({"kind": "law_enforcement"})),
        )
        .await;
        assert_eq!(status, 403);
        let (status, referral) = call(
            &s,
            Method::POST,
            &format!("{cases}/actions"),
            Some(&legal),
            Some(json!({"kind": "law_enforcement", "note": "Victims in GB and FR."})),
        )
        .await;
        assert_eq!(status, 201, "{referral}");
        assert_eq!(
            referral["action"]["recipient_email"],
            "referrals@police.example"
        );
        let referral = referral["action"]["id"].as_i64().unwrap();
        let (status, _) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{referral}/request"),
            Some(&investigator),
            None,
        )
        .await;
        assert_eq!(status, 403);
        let (status, requested) = call(
            &s,
            Method::POST,
            &format!("/api/v1/actions/{referral}/request"),
            Some(&legal),
            None,
        )
        .await;
        assert_eq!(status, 200, "{requested}");
        let (subject, text) = mail_to(&smtp, "referrals@police.example", "Referral").await;
        assert_eq!(
            subject,
            format!("[ACT-{referral}] Referral of case CASE-{case_id}: scam impersonating Amazon")
        );
        assert!(text.contains("Stated losses"), "{text}");
        assert!(text.contains("GBP 79.99"), "{text}");

        // The audit chain tells all of it, to legal only, and is intact.
        let (status, _) = call(&s, Method::GET, "/api/v1/audit", Some(&investigator), None).await;
        assert_eq!(status, 403);
        let (status, audit) = call(
            &s,
            Method::GET,
            "/api/v1/audit?limit=500",
            Some(&legal),
            None,
        )
        .await;
        assert_eq!(status, 200);
        let actions: Vec<&str> = audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        for a in [
            "case.open",
            "case.link",
            "task.add",
            "task.done",
            "note.add",
            "contact.put",
            "action.create",
            "action.request",
            "notice.sent",
            "action.complete",
            "notice.queue",
            "action.cancelled",
            "blocklist.remove",
        ] {
            assert!(actions.contains(&a), "{a} missing from {actions:?}");
        }
        let (_, of_case) = call(
            &s,
            Method::GET,
            &format!("/api/v1/audit?case={case_id}&limit=3"),
            Some(&legal),
            None,
        )
        .await;
        let entries = of_case["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 3);
        assert!(entries.iter().all(|e| e["case_id"] == case_id));
        let before = of_case["next_before"].as_i64().unwrap();
        let (_, older) = call(
            &s,
            Method::GET,
            &format!("/api/v1/audit?case={case_id}&before={before}&limit=3"),
            Some(&legal),
            None,
        )
        .await;
        assert!(older["entries"][0]["seq"].as_i64().unwrap() < before);
        let (status, timeline) = call(
            &s,
            Method::GET,
            &format!("{cases}/timeline"),
            Some(&analyst),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            timeline["entries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["action"] == "action.complete")
        );
        let verified = rampart_server::signing::verify_chain(&s.store, None)
            .await
            .unwrap();
        assert!(verified.is_intact(), "{:?}", verified.breaks);
        assert!(verified.entries > 20);

        let doc = s.get_json("/api/v1/openapi.json", &analyst).await;
        for path in [
            "/api/v1/cases",
            "/api/v1/cases/{id}/actions",
            "/api/v1/actions/{id}/request",
            "/api/v1/blocklist",
            "/api/v1/audit",
            "/api/v1/contacts",
            "/api/v1/campaigns/{id}/merge",
        ] {
            assert!(
                doc["paths"][path].is_object(),
                "{path} missing from the OpenAPI document"
            );
        }
        s.stop().await;
    }
);

on_both_engines!(
    restricted_cases_and_refused_input,
    |url: String| async move {
        let smtp = SmtpServer::start().await;
        let s = TestServer::start(settings(&url, &smtp)).await;
        let res = s
            .post_report(json!({"channel": "sms",
            "body": "Amazon parcel fee unpaid: pay at https://amaz0n-parcel.com/fee"}))
            .await;
        assert_eq!(res.status(), 201);
        let analyst = s.token("analyst").await;
        let investigator = s.token("investigator").await;
        let legal = s.token("legal").await;
        s.settle(&analyst).await;
        let page = s.get_json("/api/v1/reports", &analyst).await;
        let report = page["items"][0]["id"].as_i64().unwrap();

        // Only legal may open a restricted case, and only legal sees it.
        let restricted =
            json!({"title": "Insider selling refunds", "restricted": true, "reports": [report]});
        let (status, _) = call(
            &s,
            Method::POST,
            "/api/v1/cases",
            Some(&investigator),
            Some(restricted.clone()),
        )
        .await;
        assert_eq!(status, 403);
        let (status, case) = call(
            &s,
            Method::POST,
            "/api/v1/cases",
            Some(&legal),
            Some(restricted),
        )
        .await;
        assert_eq!(status, 201, "{case}");
        let secret = case["case"]["id"].as_i64().unwrap();
        assert!(
            case["links"][0]["label"]
                .as_str()
                .unwrap()
                .starts_with("R-"),
            "{case}"
        );
        let (status, open) = call(&s, Method::POST, "/api/v1/cases", Some(&analyst),
            Some(json!({"title": "Parcel fee look-alike", "indicators": [{"kind": "domain", "value": "AMAZ0N-PARCEL.COM"}]}))).await;
        assert_eq!(status, 201, "{open}");
        let public = open["case"]["id"].as_i64().unwrap();
        assert_eq!(open["links"][0]["kind"], "indicator");
        assert_eq!(open["links"][0]["label"], "domain amaz0n-parcel.com");
        for (who, token) in [("analyst", &analyst), ("investigator", &investigator)] {
            let (status, _) = call(
                &s,
                Method::GET,
                &format!("/api/v1/cases/{secret}"),
                Some(token),
                None,
            )
            .await;
            assert_eq!(status, 404, "{who}");
            let (status, _) = call(
                &s,
                Method::GET,
                &format!("/api/v1/cases/{secret}/timeline"),
                Some(token),
                None,
            )
            .await;
            assert_eq!(status, 404, "{who}");
            let (status, _) = call(
                &s,
                Method::POST,
                &format!("/api/v1/cases/{secret}/notes"),
                Some(token),
                Some(json!({"body": "peek"})),
            )
            .await;
            assert_eq!(status, 404, "{who}");
            let (_, list) = call(&s, Method::GET, "/api/v1/cases", Some(token), None).await;
            let ids: Vec<i64> = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_i64().unwrap())
                .collect();
            assert_eq!(ids, [public], "{who}");
            let (_, linked) = call(
                &s,
                Method::GET,
                &format!("/api/v1/cases?report={report}"),
                Some(token),
                None,
            )
            .await;
            assert_eq!(linked["items"], json!([]), "{who}");
        }
        let (status, _) = call(
            &s,
            Method::GET,
            &format!("/api/v1/cases/{secret}"),
            Some(&legal),
            None,
        )
        .await;
        assert_eq!(status, 200);
        let (_, list) = call(&s, Method::GET, "/api/v1/cases", Some(&legal), None).await;
        assert_eq!(list["items"].as_array().unwrap().len(), 2);
        let (status, _) = call(
            &s,
            Method::PATCH,
            &format!("/api/v1/cases/{public}"),
            Some(&investigator),
            Some(json!({"restricted": true})),
        )
        .await;
        assert_eq!(status, 403);

        // Refused input: 422 naming the fields, and nothing written (the chain has not moved).
        let head = s.store.audit_head().await.unwrap().unwrap().seq;
        let cases = format!("/api/v1/cases/{public}");
        let long = "x".repeat(201);
        for (method, path, body, expected) in [
            (
                Method::POST,
                "/api/v1/cases".to_string(),
                json!({"title": ""}),
                vec!["#/title"],
            ),
            (
                Method::POST,
                "/api/v1/cases".to_string(),
                json!({"title": long, "priority": "asap"}),
                vec!["#/title", "#/priority"],
            ),
            (
                Method::POST,
                "/api/v1/cases".to_string(),
                json!({"title": "ok", "campaigns": [999999]}),
                vec!["#/campaigns"],
            ),
            (
                Method::POST,
                "/api/v1/cases".to_string(),
                json!({"title": "ok", "indicators": [{"kind": "domain", "value": "never-reported.example"}]}),
                vec!["#/indicators/0"],
            ),
            (
                Method::POST,
                "/api/v1/cases".to_string(),
                json!({"title": "ok", "reports": (1..=101).collect::<Vec<i64>>()}),
                vec!["#"],
            ),
            (
                Method::POST,
                "/api/v1/cases".to_string(),
                json!({"title": "ok", "owner": "me"}),
                vec!["#/owner"],
            ),
            (
                Method::PATCH,
                cases.clone(),
                json!({"status": "done"}),
                vec!["#/status"],
            ),
            (Method::PATCH, cases.clone(), json!({}), vec!["#"]),
            (
                Method::POST,
                format!("{cases}/tasks"),
                json!({"title": "Call the host", "due": "tomorrow"}),
                vec!["#/due"],
            ),
            (
                Method::POST,
                format!("{cases}/tasks"),
                json!({"title": "Call", "assignee_id": 424242}),
                vec!["#/assignee_id"],
            ),
            (
                Method::POST,
                format!("{cases}/notes"),
                json!({"body": "  "}),
                vec!["#/body"],
            ),
            (
                Method::POST,
                format!("{cases}/notes"),
                json!({"body": "y".repeat(20_001)}),
                vec!["#/body"],
            ),
            (
                Method::POST,
                format!("{cases}/actions"),
                json!({"kind": "nuke"}),
                vec!["#/kind"],
            ),
            (
                Method::POST,
                format!("{cases}/actions"),
                json!({"kind": "takedown", "target": "example.org"}),
                vec!["#/target"],
            ),
            (
                Method::POST,
                format!("{cases}/actions"),
                json!({"kind": "takedown", "target": "+44 20 7946 0958"}),
                vec!["#/target"],
            ),
            (
                Method::POST,
                format!("{cases}/actions"),
                json!({"kind": "takedown", "target": "amaz0n-parcel.com", "recipient_email": "Abuse <a@b.example>\r\nBcc: x@y.example"}),
                vec!["#/recipient_email"],
            ),
            (Method::POST, format!("{cases}/links"), json!({}), vec!["#"]),
            (
                Method::POST,
                "/api/v1/reports/triage".to_string(),
                json!({"report_ids": [report], "decision": "dismiss"}),
                vec!["#/reason"],
            ),
            (
                Method::POST,
                "/api/v1/reports/triage".to_string(),
                json!({"report_ids": [], "decision": "maybe"}),
                vec!["#/decision", "#/report_ids"],
            ),
            (
                Method::POST,
                "/api/v1/campaigns/1/merge".to_string(),
                json!({"into": 1, "reason": ""}),
                vec!["#/reason", "#/into"],
            ),
            (
                Method::POST,
                "/api/v1/campaigns/1/split".to_string(),
                json!({"indicator_ids": [], "reason": "wrong"}),
                vec!["#/indicator_ids"],
            ),
        ] {
            let (status, problem) = call(
                &s,
                method.clone(),
                &path,
                Some(&investigator),
                Some(body.clone()),
            )
            .await;
            assert_eq!(status, 422, "{method} {path} {body}: {problem}");
            assert_eq!(
                pointers(&problem),
                expected,
                "{method} {path} {body}: {problem}"
            );
        }
        let (status, problem) = call(&s, Method::PUT, "/api/v1/contacts", Some(&s.token("admin").await),
            Some(json!({"kind": "carrier", "pattern": "4477", "name": "", "email": "not an address"}))).await;
        assert_eq!(status, 422);
        assert_eq!(pointers(&problem), ["#/pattern", "#/name", "#/email"]);
        assert_eq!(
            s.store.audit_head().await.unwrap().unwrap().seq,
            head,
            "a refused request wrote to the chain"
        );
        let (_, list) = call(&s, Method::GET, "/api/v1/cases", Some(&legal), None).await;
        assert_eq!(list["items"].as_array().unwrap().len(), 2);

        // Triage and curation with reasons are recorded.
        let (status, triaged) = call(
            &s,
            Method::POST,
            "/api/v1/reports/triage",
            Some(&analyst),
            Some(json!({"report_ids": [report], "decision": "accept"})),
        )
        .await;
        assert_eq!(status, 200, "{triaged}");
        assert_eq!(triaged["triaged"], 1);
        let verified = rampart_server::signing::verify_chain(&s.store, None)
            .await
            .unwrap();
        assert!(verified.is_intact(), "{:?}", verified.breaks);
        s.stop().await;
    }
);
