//! The staff console in headless Chromium: logging in, triage from the keyboard, and reports
//! whose text is a stored-XSS payload viewed by staff without anything running.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::browser::Browser;
use common::*;
use serde_json::json;

/// Payloads of every kind that has run in someone's console: each sets a flag if it runs.
const PAYLOADS: &[&str] = &[
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg onload=\"window.__xss='svg'\"><circle r=9/></svg>",
    "<a href=\"javascript:window.__xss='link'\" id=\"bait\">claim your refund</a>",
    "\"><script>window.__xss='attr'</script>",
    "<iframe srcdoc=\"<script>parent.__xss='frame'</script>\"></iframe>",
    "<details open ontoggle=\"window.__xss='toggle'\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
];

async fn log_in(b: &Browser, base: &str, user: &str, password: &str) {
    b.goto(&format!("{base}/console/login")).await;
    b.find("#username").await.send_keys(user).await.unwrap();
    b.find("#password").await.send_keys(password).await.unwrap();
    b.find("form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    b.wait_for("main h1").await;
    let url = b.client.current_url().await.unwrap();
    assert!(
        url.path().starts_with("/console/triage"),
        "logged in at {url}"
    );
}

/// Nothing the payloads carry ran, and no dialog is open.
async fn nothing_ran(b: &Browser, page: &str) {
    assert_eq!(
        b.js("window.__xss === undefined ? null : window.__xss")
            .await,
        serde_json::Value::Null,
        "a payload ran on {page}"
    );
    assert!(
        b.client.get_alert_text().await.is_err(),
        "a dialog opened on {page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_hostile_reports_as_text_and_triage_from_the_keyboard() {
    let Some(b) = Browser::start("console_xss", "en").await else {
        return;
    };
    let (_dir, url) = common::sqlite_url();
    let s = TestServer::start(common::settings(&url)).await;
    let token = s.token("analyst").await;
    let body = format!(
        "Dear customer, your refund is waiting.\n{}\nPay at https://amaz0n-refund.example/claim",
        PAYLOADS.join("\n")
    );
    let res = s
        .post_report(json!({"channel": "email", "subject": PAYLOADS[0], "body": body, "sender": PAYLOADS[1], "description": PAYLOADS[2]}))
        .await;
    assert_eq!(res.status(), 201);
    let hostile = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    for i in 0..2 {
        let res = s
            .post_report(json!({"channel": "sms", "body": format!("Parcel fee due at https://parcel-fee.example/{i}")}))
            .await;
        assert_eq!(res.status(), 201);
    }
    s.settle(&token).await;
    s.user("ana", "analyst", "a long enough password").await;
    log_in(&b, &s.base, "ana", "a long enough password").await;
    nothing_ran(&b, "the triage queue").await;
    b.screenshot("console-triage.png").await;

    // The report page: the payloads are on screen as text.
    b.goto(&format!("{}/console/reports/{hostile}", s.base))
        .await;
    b.wait_for("#raw-message").await;
    nothing_ran(&b, "the report page").await;
    let shown = b.find("#message-body").await.text().await.unwrap();
    assert!(
        shown.contains("<script>window.__xss = 'script'</script>"),
        "{shown}"
    );
    assert!(
        shown.contains("amaz0n-refund[.]example"),
        "links are defanged: {shown}"
    );
    assert_eq!(b.js("document.querySelectorAll('main script, main iframe, main img, main details, #bait').length").await, json!(0));
    let links: Vec<String> = serde_json::from_value(
        b.js("Array.from(document.querySelectorAll('main a')).map(a => a.getAttribute('href'))")
            .await,
    )
    .unwrap();
    assert!(
        links.iter().all(|h| h.starts_with('/')),
        "only our own links: {links:?}"
    );
    b.screenshot("console-hostile-report.png").await;

    // Its campaign's page draws it in SVG; labels stay text there too.
    let campaign = s
        .store
        .report(hostile)
        .await
        .unwrap()
        .unwrap()
        .campaign_id
        .unwrap();
    b.goto(&format!("{}/console/campaigns/{campaign}", s.base))
        .await;
    b.wait_for("figure.graph svg").await;
    nothing_ran(&b, "the campaign page").await;

    // Triage from the keyboard: j to the first report, x to select it, a to accept.
    b.goto(&format!("{}/console/triage", s.base)).await;
    b.wait_for("table.reports").await;
    let before = b
        .js("document.querySelectorAll('table.reports tbody tr').length")
        .await;
    assert_eq!(before, json!(3));
    b.js("(document.activeElement.blur(), null)").await;
    let body = b.find("body").await;
    body.send_keys("j").await.unwrap();
    body.send_keys("x").await.unwrap();
    body.send_keys("a").await.unwrap();
    b.wait_until("document.querySelectorAll('table.reports tbody tr').length === 2")
        .await;
    nothing_ran(&b, "the triage queue after accepting").await;
    b.close().await;
    s.stop().await;
}

/// The morning's work in the browser: triage, merge two campaigns, open a case, block the
/// scam's domain and see the reporter's status page change, then fetch the signed evidence
/// package the console offers and verify it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_investigator_goes_from_new_reports_to_enforcement_and_evidence() {
    let Some(b) = Browser::start("console_story", "en").await else {
        return;
    };
    let (_dir, url) = common::sqlite_url();
    let s = TestServer::start(common::settings(&url)).await;
    let token = s.token("analyst").await;
    let mut references = Vec::new();
    for (i, body) in [
        "Your refund of 49.99 is ready at https://amazon-refunds.top/claim call +44 20 7946 0011",
        "Refund pending: https://amazon-refunds.top/claim?id=2",
        "Prize! Collect at https://amaz0n-prize.xyz/now",
        "Second prize notice https://amaz0n-prize.xyz/now?x=1",
    ]
    .iter()
    .enumerate()
    {
        let res = s
            .post_report(json!({"channel": "sms", "body": body, "reporter_email": format!("victim{i}@example.org"), "country": "GB", "money_lost": {"amount": "49.99", "currency": "GBP"}}))
            .await;
        assert_eq!(res.status(), 201, "{:?}", res.text().await);
        let v: serde_json::Value = s.get_json("/api/v1/reports?limit=1", &token).await;
        references.push(v["items"][0]["reference"].as_str().unwrap().to_string());
    }
    s.settle(&token).await;
    s.user("ivy", "legal", "a long enough password").await;
    log_in(&b, &s.base, "ivy", "a long enough password").await;

    // Triage: select everything on the page and accept it.
    b.wait_for("table.reports").await;
    b.js("(document.querySelectorAll('table.reports input[type=checkbox]').forEach(c => c.checked = true), null)").await;
    b.find("#accept").await.click().await.unwrap();
    b.wait_until("document.querySelectorAll('table.reports tbody tr').length === 0")
        .await;

    // Two campaigns; merge the second into the first.
    let campaigns = s.get_json("/api/v1/campaigns", &token).await;
    let ids: Vec<i64> = campaigns["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{campaigns}");
    b.goto(&format!("{}/console/campaigns/{}", s.base, ids[1]))
        .await;
    b.find("#merge-into")
        .await
        .send_keys(&ids[0].to_string())
        .await
        .unwrap();
    b.find("#merge-reason")
        .await
        .send_keys("same refund-scam kit")
        .await
        .unwrap();
    b.find("#merge").await.click().await.unwrap();
    b.wait_for("figure.chart svg").await;
    assert!(
        b.client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with(&format!("/campaigns/{}", ids[0]))
    );
    s.settle(&token).await;

    // Open a case on it.
    b.goto(&format!("{}/console/campaigns/{}", s.base, ids[0]))
        .await;
    b.find("#open-case").await.click().await.unwrap();
    b.wait_for("#case-status").await;
    let case_path = b.client.current_url().await.unwrap().path().to_string();
    let case_id: i64 = case_path.rsplit('/').next().unwrap().parse().unwrap();

    // Block the refund domain: drafted, previewed, sent, completed at once.
    b.find("#a-kind")
        .await
        .select_by_value("blocklist")
        .await
        .unwrap();
    b.find("#a-target")
        .await
        .send_keys("amazon-refunds.top")
        .await
        .unwrap();
    b.find("#create-action").await.click().await.unwrap();
    b.wait_for("#action-status").await;
    b.find("#request").await.click().await.unwrap();
    b.wait_until("document.getElementById('action-status').textContent.trim() === 'completed'")
        .await;
    b.screenshot("console-action-completed.png").await;

    // The block list publishes it, and every reporter of the case sees "action taken".
    let list = s
        .http
        .get(s.url("/api/v1/blocklist"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.lines().any(|l| l == "amazon-refunds.top"), "{list}");
    for reference in &references {
        let status = s.store.public_status(reference).await.unwrap().unwrap();
        assert_eq!(status.status, "action_taken", "{reference}");
    }
    b.goto(&format!("{}/status/{}?lang=en", s.base, references[0]))
        .await;
    let page = b.find("main").await.text().await.unwrap();
    let action_taken =
        rampart_server::i18n::Tr::new(rampart_server::i18n::find("en").unwrap(), "Amazon")
            .t("status-action_taken");
    assert!(page.contains(&action_taken), "{page}");

    // The evidence package behind the console's button verifies against this service's key.
    b.goto(&format!("{}/console/cases/{case_id}", s.base)).await;
    let href = b.find("#export").await.attr("href").await.unwrap().unwrap();
    // The page's CSP lets no script fetch anything, so the download is made as the browser
    // would, with its session cookie (WebDriver can read the HttpOnly cookie).
    let cookie = b
        .client
        .get_named_cookie("__Host-rampart_session")
        .await
        .expect("the browser holds a session cookie");
    let res = no_redirects()
        .get(s.url(&href))
        .header(
            "cookie",
            format!("__Host-rampart_session={}", cookie.value()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/zip");
    let zip = res.bytes().await.unwrap().to_vec();
    let key = s.running.state.signing.verifying_key();
    let verified = rampart_casework::evidence::verify(&zip, Some(&key), &Default::default())
        .expect("the package verifies");
    let paths: Vec<&str> = verified
        .manifest
        .files
        .iter()
        .map(|f| f.path.as_str())
        .collect();
    assert!(
        paths.contains(&"summary.txt") && paths.contains(&"stix.json"),
        "{paths:?}"
    );
    assert_eq!(
        paths.iter().filter(|p| p.starts_with("raw/")).count(),
        4,
        "{paths:?}"
    );

    // Every step is in a chain that verifies.
    let v = rampart_server::signing::verify_chain(&s.store, Some(&key))
        .await
        .unwrap();
    assert!(v.is_intact(), "{:?}", v.breaks);
    b.close().await;
    s.stop().await;
}
