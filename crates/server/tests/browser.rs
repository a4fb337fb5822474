//! The public portal in a real browser (headless Chromium over WebDriver): in English, Arabic
//! and Japanese a person whose browser prefers that language fills the report form with the
//! keyboard, sends it, reads the reference, follows it to the status page and changes the
//! language with the page's menu; in Arabic a report without its message comes back with the
//! problems in Arabic and the keyboard focus on them. A screenshot of each step is kept in
//! `target/test-artifacts/browser/`. SQLite only: the HTTP tests run both engines, and what is
//! proved here is what the browser does.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::TestServer;
use common::browser::Browser;
use rampart_server::i18n::{Tr, find};

const BRAND: &str = "Amazon";

/// How long one story may take once its browser is up: a browser that stops answering fails
/// the test instead of holding CI until CI's own time runs out.
const DEADLINE: Duration = Duration::from_secs(600);

fn tr(lang: &str) -> Tr {
    Tr::new(find(lang).unwrap(), BRAND)
}

/// One person's report, as they would type it in their language.
struct Story {
    lang: &'static str,
    message: &'static str,
    sender: &'static str,
    /// The amount written the local way, and what it is in minor units.
    amount: &'static str,
    minor: i64,
    currency: &'static str,
    email: &'static str,
    /// The language chosen from the menu at the end.
    switch_to: &'static str,
}

/// A server with the default proof of work (17 bits today), so that the browser's SHA-256 must agree
/// with the server's. It costs the page about half a second, found before a person (or this
/// test) has filled the form, so no story needs an easier one.
async fn server() -> (tempfile::TempDir, TestServer) {
    let (dir, url) = common::sqlite_url();
    let settings = common::settings(&url);
    assert_eq!(
        settings.limits.challenge_difficulty,
        rampart_server::limits::LimitSettings::default().challenge_difficulty,
        "the browser must do the work a real visitor does"
    );
    (dir, TestServer::start(settings).await)
}

/// Asserts that the page is in `lang`: `<html lang dir>` and the language menu's button.
async fn assert_page_in(b: &Browser, lang: &str) {
    let dir = if find(lang).unwrap().rtl {
        "rtl"
    } else {
        "ltr"
    };
    assert_eq!(b.lang_and_dir().await, (lang.to_string(), dir.to_string()));
    let button = b.find("form.language button").await.text().await.unwrap();
    assert_eq!(button.trim(), tr(lang).t("language-change"), "in {lang}");
}

/// Types `text` into the control `css` as keystrokes.
async fn type_into(b: &Browser, css: &str, text: &str) {
    b.find(css).await.send_keys(text).await.unwrap();
}

/// One story in a browser of its own that prefers the story's language.
async fn report_scam(test: &str, story: Story) {
    let Some(b) = Browser::start(test, story.lang).await else {
        return;
    };
    tokio::time::timeout(DEADLINE, follow_story(&b, &story))
        .await
        .unwrap_or_else(|_| panic!("{test} did not finish within {DEADLINE:?}"));
    b.close().await;
}

/// Steps 1 to 4 of one person's report, with a screenshot after each.
async fn follow_story(b: &Browser, story: &Story) {
    let (_dir, s) = server().await;
    let t = tr(story.lang);
    let shot = |step: &str| format!("{}-{step}.png", story.lang);

    // 1. The browser's preference alone chooses the language.
    b.goto(&s.url("/")).await;
    assert_page_in(b, story.lang).await;
    let title = b.find("main h1").await.text().await.unwrap();
    assert_eq!(title.trim(), t.t("form-title"));

    // 2. The form, filled as a person would with the keyboard: Space picks a radio button,
    // typing a currency's letters picks it in the closed menu.
    type_into(b, "#channel-sms", " ").await;
    type_into(b, "#body", story.message).await;
    type_into(b, "#sender", story.sender).await;
    type_into(b, "#money_lost-yes", " ").await;
    type_into(b, "#amount", story.amount).await;
    type_into(b, "#currency", story.currency).await;
    type_into(b, "#reporter_email", story.email).await;
    let chosen = b
        .js(
            "[document.querySelector('input[name=channel]:checked').value, \
              document.querySelector('input[name=money_lost]:checked').value, \
              document.getElementById('currency').value, \
              document.getElementById('body').value]",
        )
        .await;
    assert_eq!(
        chosen,
        serde_json::json!(["sms", "yes", story.currency, story.message])
    );
    b.screenshot(&shot("1-form")).await;
    // The page's script holds the submission until its proof of work is found, then sends it.
    b.find("#report-form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();

    // The acknowledgement, with a reference that leads to the stored report.
    let reference = b.wait_for("p#reference").await.text().await.unwrap();
    let reference = reference.trim().to_string();
    assert_page_in(b, story.lang).await;
    let heading = b.find("main h1").await.text().await.unwrap();
    assert_eq!(heading.trim(), t.t("ack-title"));
    let report = s
        .store
        .report_by_reference(&reference)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{reference} is not stored"));
    assert_eq!(report.source, "portal");
    assert_eq!(report.channel, "sms");
    assert_eq!(report.locale.as_deref(), Some(story.lang));
    assert_eq!(report.body, story.message);
    assert_eq!(report.sender.as_deref(), Some(story.sender));
    assert_eq!(report.money_minor, Some(story.minor));
    assert_eq!(report.money_currency.as_deref(), Some(story.currency));
    assert_eq!(report.reporter_email.as_deref(), Some(story.email));
    // The proof of work came from the page's JavaScript: the test never touched the field.
    let (_, raw) = s.store.report_raw(report.id).await.unwrap().unwrap();
    let raw: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    assert_eq!(raw["proof_of_work"], true, "{raw}");
    assert_eq!(raw["form"]["lang"], story.lang);
    b.screenshot(&shot("2-acknowledgement")).await;

    // 3. The status page, from the acknowledgement's link.
    b.find("#status-link").await.click().await.unwrap();
    b.wait_for("ol#progress").await;
    assert_page_in(b, story.lang).await;
    let heading = b.find("main h1").await.text().await.unwrap();
    assert!(heading.contains(&reference), "{heading}");
    let step = b.find("#progress li[aria-current=step]").await;
    let status = step.attr("data-status").await.unwrap().unwrap();
    assert!(
        status == "received" || status == "under_review",
        "a new report is {status}"
    );
    let label = step.find(fantoccini::Locator::Css("strong")).await.unwrap();
    assert_eq!(
        label.text().await.unwrap().trim(),
        t.t(&format!("status-{status}"))
    );
    b.screenshot(&shot("3-status")).await;

    // 4. Another language from the menu: the same page in it, remembered for the next visit
    // over what the browser prefers.
    b.find("#lang-select")
        .await
        .select_by_value(story.switch_to)
        .await
        .unwrap();
    b.find("form.language button").await.click().await.unwrap();
    b.wait_until(&format!(
        "document.documentElement.lang === '{}' && document.getElementById('progress')",
        story.switch_to
    ))
    .await;
    assert_page_in(b, story.switch_to).await;
    let heading = b.find("main h1").await.text().await.unwrap();
    assert!(heading.contains(&reference), "{heading}");
    let label = b
        .find("#progress li[aria-current=step] strong")
        .await
        .text()
        .await
        .unwrap();
    let later = b
        .find("#progress li[aria-current=step]")
        .await
        .attr("data-status")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        label.trim(),
        tr(story.switch_to).t(&format!("status-{later}"))
    );
    let cookie = b.client.get_named_cookie("rampart_lang").await.unwrap();
    assert_eq!(cookie.value(), story.switch_to);
    b.screenshot(&shot("4-language-changed")).await;
    b.goto(&s.url("/")).await;
    assert_page_in(b, story.switch_to).await;
    let title = b.find("main h1").await.text().await.unwrap();
    assert_eq!(title.trim(), tr(story.switch_to).t("form-title"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english() {
    report_scam(
        "browser::english",
        Story {
            lang: "en",
            message: "Amazon: your parcel is on hold. Pay the 1.99 USD customs fee at \
                  https://amaz0n-parcel.com/pay or call +1 415 555 0142 today.",
            sender: "AMZN-INFO",
            amount: "1,250.75",
            minor: 125_075,
            currency: "USD",
            email: "pat@example.org",
            switch_to: "fr",
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic() {
    report_scam(
        "browser::arabic",
        Story {
            lang: "ar",
            message: "أمازون: تم إيقاف شحنتك. ادفع رسوم التوصيل عبر https://amaz0n-ksa.com/pay \
                  أو اتصل على +966 50 123 4567 اليوم.",
            sender: "Amazon-KSA",
            // Arabic-Indic digits with the Arabic thousands and decimal separators.
            amount: "١٬٢٥٠٫٧٥",
            minor: 125_075,
            currency: "SAR",
            email: "layla@example.com",
            switch_to: "en",
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn japanese() {
    report_scam(
        "browser::japanese",
        Story {
            lang: "ja",
            message: "【Amazon】お支払い方法に問題があります。https://amaz0n-co-jp.com/login \
                  から更新するか、0120-555-0142 までお電話ください。",
            sender: "+81 90 1234 5678",
            // Full-width digits and comma, as a Japanese input method types them.
            amount: "１２，０００",
            minor: 12_000,
            currency: "JPY",
            email: "hanako@example.jp",
            switch_to: "ko",
        },
    )
    .await;
}

/// 5. A report without its message, in Arabic: the summary and the message beside the field
/// are in Arabic, what was typed is kept, and the keyboard focus is on the summary so that a
/// screen reader announces it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_problems_are_shown_and_focused() {
    let test = "browser::arabic_problems_are_shown_and_focused";
    let Some(b) = Browser::start(test, "ar").await else {
        return;
    };
    tokio::time::timeout(DEADLINE, problems_in_arabic(&b))
        .await
        .unwrap_or_else(|_| panic!("{test} did not finish within {DEADLINE:?}"));
    b.close().await;
}

async fn problems_in_arabic(b: &Browser) {
    let (_dir, s) = server().await;
    let t = tr("ar");
    b.goto(&s.url("/")).await;
    type_into(b, "#channel-sms", " ").await;
    type_into(b, "#sender", "Amazon-KSA").await;
    b.find("#report-form button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    let summary = b.wait_for("#error-summary").await;
    assert_page_in(b, "ar").await;
    let title = summary
        .find(fantoccini::Locator::Css("h2"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title.trim(), t.n("error-summary-title", "count", 1));
    let link = summary.find(fantoccini::Locator::Css("a")).await.unwrap();
    assert_eq!(link.text().await.unwrap().trim(), t.t("error-body-empty"));
    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some("#body"));
    let beside = b.find("#body-error").await.text().await.unwrap();
    assert_eq!(beside.trim(), t.t("error-body-empty"));
    let body = b.find("#body").await;
    assert_eq!(
        body.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    let kept = b
        .js("[document.getElementById('sender').value, \
              document.querySelector('input[name=channel]:checked').value]")
        .await;
    assert_eq!(kept, serde_json::json!(["Amazon-KSA", "sms"]));
    // The page's script moves the focus once it has run (it is deferred).
    b.wait_until("document.activeElement && document.activeElement.id === 'error-summary'")
        .await;
    b.screenshot("ar-5-error.png").await;
    assert_eq!(s.store.report_count().await.unwrap(), 0);
    s.stop().await;
}
