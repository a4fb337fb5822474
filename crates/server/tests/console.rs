//! The staff console over HTTP: logging in (password, lockout, second factor), sessions and
//! CSRF, triage, a hostile report shown safely, and the analysts' corrections.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::json;

fn get(s: &TestServer, session: &Session, path: &str) -> reqwest::RequestBuilder {
    no_redirects()
        .get(s.url(path))
        .header("cookie", &session.cookie)
}

fn post(s: &TestServer, session: &Session, path: &str) -> reqwest::RequestBuilder {
    no_redirects()
        .post(s.url(path))
        .header("cookie", &session.cookie)
}

on_both_engines!(logging_in_and_out, |url: String| async move {
    let s = TestServer::start(settings(&url)).await;
    s.user("alice", "analyst", "correct horse battery").await;

    // Pages need a login.
    let res = no_redirects()
        .get(s.url("/console/triage"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        "/console/login?next=/console/triage"
    );

    // A wrong password and an unknown name get the same answer.
    let wrong = s.login("alice", "not the password").await;
    assert_eq!(wrong.status(), 401);
    let unknown = s.login("mallory", "not the password").await;
    assert_eq!(unknown.status(), 401);
    let page_of = |html: String, name: &str| {
        let token = hidden(&html, "form_token").unwrap();
        html.replace(&token, "").replace(name, "")
    };
    assert_eq!(
        page_of(wrong.text().await.unwrap(), "alice"),
        page_of(unknown.text().await.unwrap(), "mallory"),
        "the two failures must read alike"
    );

    let ok = s.login("alice", "correct horse battery").await;
    assert_eq!(ok.status(), 303);
    assert_eq!(ok.headers()["location"], "/console/triage");
    let set = ok
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("__Host-rampart_session="))
        .expect("session cookie");
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(attr), "{set} lacks {attr}");
    }
    let cookie = set.split(';').next().unwrap().to_string();
    let page = no_redirects()
        .get(s.url("/console/triage"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    let csrf = hidden(&html, "csrf").unwrap();

    // Logging out needs the CSRF token, then the cookie is worthless.
    let refused = no_redirects()
        .post(s.url("/console/logout"))
        .header("cookie", &cookie)
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let out = no_redirects()
        .post(s.url("/console/logout"))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let after = no_redirects()
        .get(s.url("/console/triage"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        after.status(),
        303,
        "a logged-out session must not open pages"
    );

    // The chain has the story.
    let entries = s
        .store
        .audit_entries(&rampart_store::AuditFilter::default(), 100)
        .await
        .unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e.entry.event.action.as_str())
        .collect();
    for a in [
        "user.create",
        "user.login_failed",
        "user.login",
        "user.logout",
    ] {
        assert!(actions.contains(&a), "{a} missing from {actions:?}");
    }
    s.stop().await;
});

on_both_engines!(
    repeated_failures_lock_the_account,
    |url: String| async move {
        let s = TestServer::start(settings(&url)).await;
        s.user("bob", "investigator", "correct horse battery").await;
        for _ in 0..5 {
            assert_eq!(s.login("bob", "guess guess guess").await.status(), 401);
        }
        // Locked: even the right password is refused, with the same words.
        assert_eq!(s.login("bob", "correct horse battery").await.status(), 401);
        let user = s.store.user_by_username("bob").await.unwrap().unwrap();
        assert!(user.locked_until.is_some());
        // An admin unlocks it.
        let admin = s.session("admin").await;
        let res = post(&s, &admin, "/console/users/change")
            .form(&[
                ("csrf", admin.csrf.as_str()),
                ("user_id", &user.id.to_string()),
                ("change", "unlock"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(s.login("bob", "correct horse battery").await.status(), 303);
        s.stop().await;
    }
);

on_both_engines!(
    a_second_factor_is_asked_and_works_once,
    |url: String| async move {
        let s = TestServer::start(settings(&url)).await;
        let id = s.user("carol", "legal", "correct horse battery").await;
        let secret = totp_rs::Secret::Raw(vec![42u8; 20])
            .to_encoded()
            .to_string();
        s.store
            .change_user(
                id,
                &rampart_store::UserChange::TotpPending(secret.clone()),
                "test",
                0,
            )
            .await
            .unwrap();
        s.store
            .change_user(id, &rampart_store::UserChange::TotpConfirm, "test", 0)
            .await
            .unwrap();
        let res = s.login("carol", "correct horse battery").await;
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], "/console/login/code");
        let cookie = format!(
            "__Host-rampart_session={}",
            set_cookie(&res, "__Host-rampart_session").unwrap()
        );
        // Half logged in: no page and no API.
        let page = no_redirects()
            .get(s.url("/console/triage"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.headers()["location"], "/console/login/code");
        let api = no_redirects()
            .get(s.url("/api/v1/reports"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(api.status(), 401);

        let form = no_redirects()
            .get(s.url("/console/login/code"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        let csrf = hidden(&form.text().await.unwrap(), "csrf").unwrap();
        let totp = totp_rs::TOTP::new(
            totp_rs::Algorithm::SHA1,
            6,
            1,
            30,
            totp_rs::Secret::Encoded(secret).to_bytes().unwrap(),
            Some("Rampart".into()),
            "carol".into(),
        )
        .unwrap();
        let wrong = no_redirects()
            .post(s.url("/console/login/code"))
            .header("cookie", &cookie)
            .form(&[("csrf", csrf.as_str()), ("code", "000000")])
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), 401);
        let code = totp.generate_current().unwrap();
        let ok = no_redirects()
            .post(s.url("/console/login/code"))
            .header("cookie", &cookie)
            .form(&[("csrf", csrf.as_str()), ("code", code.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 303, "{}", ok.text().await.unwrap_or_default());
        let page = no_redirects()
            .get(s.url("/console/triage"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);

        // The same code cannot log in a second session.
        let again = s.login("carol", "correct horse battery").await;
        let cookie2 = format!(
            "__Host-rampart_session={}",
            set_cookie(&again, "__Host-rampart_session").unwrap()
        );
        let form = no_redirects()
            .get(s.url("/console/login/code"))
            .header("cookie", &cookie2)
            .send()
            .await
            .unwrap();
        let csrf2 = hidden(&form.text().await.unwrap(), "csrf").unwrap();
        let replay = no_redirects()
            .post(s.url("/console/login/code"))
            .header("cookie", &cookie2)
            .form(&[("csrf", csrf2.as_str()), ("code", code.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(replay.status(), 401, "a used code must not work again");
        s.stop().await;
    }
);

const XSS_BODY: &str = "Your parcel is held. <script>alert('x')</script>\n\
<img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">pay here</a>\n\
<svg onload=alert(3)><circle r=5 /></svg> Pay at https://amaz0n-refunds.example/pay?id=1 \"><iframe src=//evil.example>";

on_both_engines!(
    a_hostile_report_is_shown_as_text,
    |url: String| async move {
        let s = TestServer::start(settings(&url)).await;
        let token = s.token("analyst").await;
        let res = s
        .post_report(json!({"channel": "email", "subject": "<b onmouseover=alert(4)>Refund</b>", "body": XSS_BODY, "sender": "\"><script>alert(5)</script>@evil.example"}))
        .await;
        assert_eq!(res.status(), 201);
        let id = res.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        s.settle(&token).await;
        let analyst = s.session("analyst").await;
        let page = get(&s, &analyst, &format!("/console/reports/{id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        // What was markup in the report is text on the page: no element of it survives.
        for bad in [
            "<script>alert",
            "<img src=x",
            "<svg onload",
            "<iframe",
            "href=\"javascript:",
            "<b onmouseover",
            "https://amaz0n-refunds.example",
        ] {
            assert!(!html.contains(bad), "the page contains {bad:?}");
        }
        assert!(
            html.contains("&#60;script&#62;alert"),
            "the script tag is shown as text"
        );
        assert!(
            html.contains("amaz0n-refunds[.]example"),
            "the link is defanged"
        );
        assert!(
            !html.contains("href=\"https://amaz0n") && !html.contains("href=\"hxxp"),
            "no reported link is an anchor"
        );

        // The triage queue shows it too, escaped, and accepting it takes it off the queue.
        let queue = get(&s, &analyst, "/console/triage")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(queue.contains(&format!("value=\"{id}\"")));
        assert!(!queue.contains("<b onmouseover"));
        let res = post(&s, &analyst, "/console/triage")
            .form(&[
                ("csrf", analyst.csrf.as_str()),
                ("report_id", &id.to_string()),
                ("decision", "accept"),
                ("reason", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let queue = get(&s, &analyst, "/console/triage")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !queue.contains(&format!("value=\"{id}\"")),
            "an accepted report leaves the queue"
        );
        let status = s.store.report(id).await.unwrap().unwrap().status;
        assert_eq!(status, "under_review");
        // A dismissal needs a reason.
        let res = post(&s, &analyst, "/console/triage")
            .form(&[
                ("csrf", analyst.csrf.as_str()),
                ("report_id", &id.to_string()),
                ("decision", "dismiss"),
                ("reason", ""),
            ])
            .send()
            .await
            .unwrap();
        // Refused like the API refuses it: a missing field is 422 naming it.
        assert_eq!(res.status(), 422);
        let status = s.store.report(id).await.unwrap().unwrap().status;
        assert_eq!(status, "under_review", "nothing changed");
        s.stop().await;
    }
);

on_both_engines!(
    campaigns_are_merged_split_and_searched,
    |url: String| async move {
        let s = TestServer::start(settings(&url)).await;
        let token = s.token("analyst").await;
        for (body, n) in [
            (
                "Refund at https://refund-amazon.example/a call +44 20 7946 0001",
                3,
            ),
            ("Prize at https://prize-amazon.example/b", 2),
        ] {
            for i in 0..n {
                let res = s
                .post_report(json!({"channel": "sms", "body": format!("{body} ref {i}"), "reporter_email": format!("p{i}-{n}@example.org")}))
                .await;
                assert_eq!(res.status(), 201);
            }
        }
        s.settle(&token).await;
        let campaigns = s.get_json("/api/v1/campaigns", &token).await;
        let items = campaigns["items"].as_array().unwrap();
        assert_eq!(items.len(), 2, "{campaigns}");
        let (a, b) = (
            items[0]["id"].as_i64().unwrap(),
            items[1]["id"].as_i64().unwrap(),
        );
        let analyst = s.session("analyst").await;

        // The campaign page draws its chart and graph on the server.
        let html = get(&s, &analyst, &format!("/console/campaigns/{a}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("<svg") && html.contains("role=\"img\""),
            "charts are inline SVG"
        );

        // Merge b into a, with a reason.
        let res = post(&s, &analyst, &format!("/console/campaigns/{b}/merge"))
            .form(&[
                ("csrf", analyst.csrf.as_str()),
                ("into", &a.to_string()),
                ("reason", "same sender infrastructure"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        s.settle(&token).await;
        let campaigns = s.get_json("/api/v1/campaigns", &token).await;
        assert_eq!(
            campaigns["items"].as_array().unwrap().len(),
            1,
            "{campaigns}"
        );
        assert_eq!(campaigns["items"][0]["report_count"], 5);

        // Search finds words and parts of links, in any case.
        let found = get(&s, &analyst, "/console/reports?q=PRIZE-amazon")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            found.matches("data-report=").count(),
            2,
            "search by part of a link"
        );
        let api = s.get_json("/api/v1/reports?q=refund%20ref", &token).await;
        assert_eq!(api["items"].as_array().unwrap().len(), 3);
        let short = s.get("/api/v1/reports?q=ab", &token).await;
        assert_eq!(short.status(), 422);

        // Mark the shared phone benign: it joins the warning list and stops correlating.
        let phone = s
            .get_json("/api/v1/indicators/phone/+442079460001", &token)
            .await;
        let pid = phone["id"].as_i64().unwrap();
        let res = post(&s, &analyst, &format!("/console/indicators/{pid}/benign"))
            .form(&[
                ("csrf", analyst.csrf.as_str()),
                ("benign", "true"),
                ("reason", "our own call centre"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let row = s.store.indicator_by_id(pid, 1).await.unwrap().unwrap();
        assert!(row.indicator.excluded && row.indicator.benign_at.is_some());
        assert!(row.indicator.warning.is_some());

        // Every one of those changes is in a chain that verifies.
        let v = rampart_server::signing::verify_chain(&s.store, None)
            .await
            .unwrap();
        assert!(v.is_intact(), "{:?}", v.breaks);
        let actions: Vec<String> = s
            .store
            .audit_entries(&rampart_store::AuditFilter::default(), 500)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.entry.event.action)
            .collect();
        for a in ["campaign.merge", "indicator.benign", "correlation.apply"] {
            assert!(actions.iter().any(|x| x == a), "{a} missing");
        }
        s.stop().await;
    }
);

/// Posts `body` as `token` to the API and returns the answer's id at `pointer`.
async fn api_id(
    s: &TestServer,
    token: &str,
    path: &str,
    body: serde_json::Value,
    pointer: &str,
) -> i64 {
    let mut req = s.http.post(s.url(path)).bearer_auth(token);
    if !body.is_null() {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let answer: serde_json::Value = res.json().await.unwrap();
    assert!(status.is_success(), "{path}: {status} {answer}");
    answer
        .pointer(pointer)
        .and_then(serde_json::Value::as_i64)
        .unwrap_or_else(|| panic!("{path}: {answer}"))
}

async fn page(s: &TestServer, session: &Session, path: &str) -> (u16, String) {
    let res = get(s, session, path).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

on_both_engines!(
    drafts_and_the_block_list_show_each_role_what_it_may_see,
    |url: String| async move {
        let s = TestServer::start(settings(&url)).await;
        let res = s
            .post_report(json!({"channel": "sms",
                "body": "Amazon parcel fee unpaid: pay at https://amaz0n-parcel.com/fee"}))
            .await;
        assert_eq!(res.status(), 201);
        let analyst_token = s.token("analyst").await;
        let investigator = s.token("investigator").await;
        let legal = s.token("legal").await;
        s.settle(&analyst_token).await;
        let reports = s.get_json("/api/v1/reports", &analyst_token).await;
        let report = reports["items"][0]["id"].as_i64().unwrap();

        // Legal blocks the domain from a restricted case; an investigator drafts a takedown
        // from an open one.
        let secret = api_id(
            &s,
            &legal,
            "/api/v1/cases",
            json!({"title": "Insider selling refunds", "restricted": true, "reports": [report]}),
            "/case/id",
        )
        .await;
        let block = api_id(
            &s,
            &legal,
            &format!("/api/v1/cases/{secret}/actions"),
            json!({"kind": "blocklist", "target": "amaz0n-parcel.com"}),
            "/action/id",
        )
        .await;
        api_id(
            &s,
            &legal,
            &format!("/api/v1/actions/{block}/request"),
            json!(null),
            "/action/id",
        )
        .await;
        let open = api_id(
            &s,
            &investigator,
            "/api/v1/cases",
            json!({"title": "Parcel fee look-alike", "reports": [report]}),
            "/case/id",
        )
        .await;
        let draft = api_id(&s, &investigator, &format!("/api/v1/cases/{open}/actions"),
            json!({"kind": "takedown", "target": "amaz0n-parcel.com", "recipient_email": "abuse@registrar.example"}), "/action/id").await;

        // An analyst reads the draft (they may not request it) but not the restricted action.
        let analyst = s.session("analyst").await;
        let (status, html) = page(&s, &analyst, &format!("/console/actions/{draft}")).await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("<code>amaz0n-parcel.com</code>"), "{html}");
        assert!(
            !html.contains(&format!("/console/actions/{draft}/")),
            "{html}"
        );
        let (status, _) = page(&s, &analyst, &format!("/console/actions/{block}")).await;
        assert_eq!(status, 404);

        // The block list shows the entry to everyone; which case it came from only to legal.
        let reason = format!("case {secret} action {block}");
        let (status, html) = page(&s, &analyst, "/console/blocklist").await;
        assert_eq!(status, 200);
        assert!(html.contains("amaz0n-parcel[.]com"), "{html}");
        assert!(!html.contains(&reason), "{html}");
        let lawyer = s.session("legal").await;
        let (_, html) = page(&s, &lawyer, "/console/blocklist").await;
        assert!(html.contains(&reason), "{html}");
        s.stop().await;
    }
);
