//! The public portal over HTTP: languages, the report form with its errors, the proof of work
//! and rate limits, the acknowledgement and status pages, "is this really us?" and the advice
//! pages. Runs on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestServer;
use rampart_server::i18n::{LANGUAGES, Tr, find};
use rampart_server::limits::LimitSettings;
use reqwest::multipart::{Form, Part};

const BRAND: &str = "Amazon";

fn tr(lang: &str) -> Tr {
    Tr::new(find(lang).unwrap(), BRAND)
}

/// What askama makes of a message in HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn page(s: &TestServer, path: &str, accept_language: &str) -> (u16, String) {
    let res = s
        .http
        .get(s.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

/// The value of `<input ... name="NAME" value="...">` in a page.
fn input_value(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no input {name}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn fresh_form(s: &TestServer, lang: &str) -> (String, String) {
    let (status, html) = page(s, &format!("/?lang={lang}"), "").await;
    assert_eq!(status, 200);
    let challenge = input_value(&html, "challenge");
    let solution = rampart_server::challenge::solve(&challenge).unwrap();
    (challenge, solution)
}

fn text_form(fields: &[(&str, &str)]) -> Form {
    fields.iter().fold(Form::new(), |f, (k, v)| {
        f.text(k.to_string(), v.to_string())
    })
}

async fn post_form(s: &TestServer, form: Form) -> (u16, String, reqwest::header::HeaderMap) {
    let res = s
        .http
        .post(s.url("/"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, res.text().await.unwrap(), headers)
}

fn reference_in(html: &str) -> String {
    let at = html
        .find("id=\"reference\">")
        .expect("a reference on the page")
        + 15;
    html[at..at + 13].to_string()
}

fn settings_with_low_difficulty(url: &str) -> rampart_server::Settings {
    let mut settings = common::settings(url);
    // Fast for tests; the browser test runs the real difficulty.
    settings.limits.challenge_difficulty = 8;
    settings
}

on_both_engines!(
    every_language_renders_every_page,
    |url: String| async move {
        let s = TestServer::start(settings_with_low_difficulty(&url)).await;
        for lang in &LANGUAGES {
            let t = tr(lang.tag);
            let (status, html) = page(&s, "/", lang.tag).await;
            assert_eq!(status, 200, "{}", lang.tag);
            let dir = if lang.rtl { "rtl" } else { "ltr" };
            assert!(
                html.contains(&format!("<html lang=\"{}\" dir=\"{dir}\">", lang.tag)),
                "{}",
                lang.tag
            );
            assert!(html.contains(&escaped(&t.t("form-title"))), "{}", lang.tag);
            assert!(
                html.contains(&escaped(&t.t("field-channel"))),
                "{}",
                lang.tag
            );
            for path in ["/check", "/status", "/advice"]
                .into_iter()
                .map(String::from)
                .chain(
                    rampart_server::portal::ADVICE_TOPICS
                        .iter()
                        .map(|t| format!("/advice/{t}")),
                )
            {
                let (status, html) = page(&s, &format!("{path}?lang={}", lang.tag), "").await;
                assert_eq!(status, 200, "{path} in {}", lang.tag);
                // A message id on the page means a message was missing.
                for id in ["advice-", "status-", "check-", "nav-", "footer-"] {
                    let shown = html
                        .split(['>', '<'])
                        .any(|text| text.trim_start().starts_with(id));
                    assert!(!shown, "{path} in {} shows a message id {id}…", lang.tag);
                }
            }
        }
        let (_, html) = page(&s, "/advice/gift_card?lang=ja", "").await;
        assert!(html.contains(&escaped(&tr("ja").t("advice-gift_card-do-2"))));
        let (status, _) = page(&s, "/advice/no-such-topic", "de").await;
        assert_eq!(status, 404);
        s.stop().await;
    }
);

on_both_engines!(
    the_language_is_chosen_and_remembered,
    |url: String| async move {
        let s = TestServer::start(settings_with_low_difficulty(&url)).await;
        let (_, html) = page(&s, "/", "fr-CA,fr;q=0.9,en;q=0.5").await;
        assert!(html.contains(&escaped(&tr("fr").t("form-submit"))));
        // Choosing a language sets a cookie that later pages follow over Accept-Language.
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .build()
            .unwrap();
        let res = client
            .get(s.url("/check?lang=ar"))
            .header("accept-language", "de")
            .send()
            .await
            .unwrap();
        let cookie = res
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(cookie.starts_with("rampart_lang=ar;"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"));
        let html = client
            .get(s.url("/status"))
            .header("accept-language", "de")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("dir=\"rtl\""));
        assert!(html.contains(&escaped(&tr("ar").t("status-lookup-title"))));
        // Pages carry their own policy: scripts and styles from this origin only.
        let res = s.http.get(s.url("/")).send().await.unwrap();
        let csp = res.headers()["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("form-action 'self'"));
        assert_eq!(res.headers()["cache-control"], "no-store");
        s.stop().await;
    }
);

on_both_engines!(
    a_report_from_the_form_is_acknowledged_and_followed,
    |url: String| async move {
        let s = TestServer::start(settings_with_low_difficulty(&url)).await;
        let (challenge, pow) = fresh_form(&s, "ja").await;
        let png = {
            let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
            b.extend_from_slice(&[0u8; 64]);
            b
        };
        let form = text_form(&[
            ("lang", "ja"),
            ("challenge", &challenge),
            ("pow", &pow),
            ("channel", "sms"),
            (
                "body",
                "【Amazon】ご注文の返金があります。https://amaz0n-refund.jp/login 0120-555-0142",
            ),
            ("sender", "+81 90 1234 5678"),
            ("phone_number", "+81 90 1234 5678"),
            ("links", "hxxps://amaz0n-refund[.]jp/login\n"),
            ("occurred_date", "2026-11-20"),
            ("occurred_time", "09:30"),
            ("scam_kind", "fake_refund"),
            ("description", "返金すると言われました"),
            ("money_lost", "yes"),
            ("amount", "1,200"),
            ("currency", "JPY"),
            ("payment_method", "gift_card"),
            ("reporter_email", "hanako@example.jp"),
        ])
        .part(
            "screenshot",
            Part::bytes(png.clone())
                .file_name("../../etc/shot.png")
                .mime_str("image/png")
                .unwrap(),
        );
        let (status, html, _) = post_form(&s, form).await;
        assert_eq!(status, 200, "{html}");
        let t = tr("ja");
        assert!(html.contains(&escaped(&t.t("ack-title"))));
        assert!(html.contains(&escaped(&t.t("ack-lost-money"))));
        let reference = reference_in(&html);
        assert!(reference.starts_with("R-"));
        let report = s
            .store
            .report_by_reference(&reference)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(report.source, "portal");
        assert_eq!(report.channel, "sms");
        assert_eq!(report.phone_number.as_deref(), Some("+819012345678"));
        assert_eq!(report.links, ["hxxps://amaz0n-refund[.]jp/login"]);
        assert_eq!(report.scam_kind.as_deref(), Some("fake_refund"));
        assert_eq!(report.money_minor, Some(1200));
        assert_eq!(report.money_currency.as_deref(), Some("JPY"));
        assert_eq!(report.locale.as_deref(), Some("ja"));
        assert_eq!(report.occurred_at, Some(1_795_167_000_000));
        let files = s.store.report_files(report.id).await.unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].content_type, "image/png");
        assert_eq!(files[0].filename.as_deref(), Some("shot.png"));
        assert_eq!(files[0].sha256, rampart_server::intake::sha256_hex(&png));

        // The status page follows the report, in any language, and shows nothing of its content.
        let (status, html) = page(&s, &format!("/status/{reference}?lang=ja"), "").await;
        assert_eq!(status, 200);
        assert!(html.contains(&escaped(&t.t("status-received"))));
        assert!(!html.contains("amaz0n") && !html.contains("hanako"));
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let (_, html) = page(
            &s,
            &format!("/status/{}?lang=de", reference.to_lowercase()),
            "",
        )
        .await;
        assert!(
            html.contains("aria-current=\"step\" data-status=\"under_review\""),
            "{html}"
        );
        assert!(html.contains(&escaped(&tr("de").t("status-under_review-detail"))));
        // Looked up as typed: redirected to the canonical address.
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(s.url(&format!(
                "/status?reference={}",
                reference.replace('-', " ")
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], format!("/status/{reference}"));
        // Unknown and malformed references get the same answer.
        for unknown in ["R-00000-00000", "R-0000", "<script>"] {
            let (status, html) = page(&s, &format!("/status/{unknown}?lang=ko"), "").await;
            assert_eq!(status, 404, "{unknown}");
            assert!(html.contains(&escaped(&tr("ko").t("status-not-found"))));
            assert!(!html.contains("<script>"));
        }
        s.stop().await;
    }
);

on_both_engines!(
    form_errors_sit_next_to_their_fields_and_keep_what_was_typed,
    |url: String| async move {
        let s = TestServer::start(settings_with_low_difficulty(&url)).await;
        let (challenge, pow) = fresh_form(&s, "fr").await;
        let form = text_form(&[
            ("lang", "fr"),
            ("challenge", &challenge),
            ("pow", &pow),
            ("body", "  "),
            ("sender", "<script>alert(1)</script>"),
            ("phone_number", "12"),
            ("reporter_email", "pas-une-adresse"),
            ("money_lost", "yes"),
            ("amount", "douze"),
            ("occurred_date", "2099-01-01"),
        ])
        .part(
            "screenshot",
            Part::bytes(b"MZ\x90\x00 not an image".to_vec()).file_name("x.exe"),
        );
        let (status, html, _) = post_form(&s, form).await;
        assert_eq!(status, 422);
        let t = tr("fr");
        assert!(
            html.contains(&escaped(&t.n("error-summary-title", "count", 8))),
            "{html}"
        );
        for (field, message) in [
            ("channel", t.t("error-channel-missing")),
            ("body", t.t("error-body-empty")),
            (
                "phone_number",
                t.s("error-phone-invalid", "example", "+44 20 7946 0958"),
            ),
            ("reporter_email", t.t("error-email-invalid")),
            ("amount", t.t("error-amount-invalid")),
            ("currency", t.t("error-currency-invalid")),
            ("occurred_at", t.t("error-date-future")),
            ("screenshot", t.t("error-screenshot-type")),
        ] {
            let tied = format!("id=\"{field}-error\">{}</p>", escaped(&message));
            assert!(html.contains(&tied), "{field}: {tied}");
        }
        assert!(html.contains(
            "aria-describedby=\"reporter_email-hint reporter_email-error\" aria-invalid=\"true\""
        ));
        // What was typed is back, escaped.
        assert!(html.contains("value=\"&#60;script&#62;alert(1)&#60;/script&#62;\""));
        assert!(html.contains("value=\"pas-une-adresse\""));
        assert!(!html.contains("<script>alert"));
        assert_eq!(s.store.report_count().await.unwrap(), 0);
        // A challenge can be used once.
        let form = text_form(&[
            ("challenge", &challenge),
            ("pow", &pow),
            ("channel", "email"),
            ("body", "x"),
        ]);
        let (status, html, _) = post_form(&s, form).await;
        assert_eq!(status, 422);
        assert!(html.contains(&escaped(&tr("en").t("error-form-expired"))));
        assert_eq!(s.store.report_count().await.unwrap(), 0);
        s.stop().await;
    }
);

on_both_engines!(
    the_form_is_rate_limited_and_asks_more_of_scripts,
    |url: String| async move {
        let mut settings = settings_with_low_difficulty(&url);
        settings.limits = LimitSettings {
            enabled: true,
            reports_per_address_per_hour: 4,
            reports_per_reporter_per_hour: 100,
            unproven_per_address_per_hour: 2,
            checks_per_address_per_minute: 3,
            logins_per_address_per_minute: 10,
            challenge_difficulty: 8,
        };
        let s = TestServer::start(settings).await;
        let send = |proof: bool| {
            let s = &s;
            async move {
                let (challenge, pow) = fresh_form(s, "en").await;
                let pow = if proof { pow } else { String::new() };
                let form = text_form(&[
                    ("challenge", &challenge),
                    ("pow", &pow),
                    ("channel", "email"),
                    (
                        "body",
                        "Your account is locked: https://amazon-verify.example/x",
                    ),
                ]);
                post_form(s, form).await
            }
        };
        // Without the work: two an hour.
        assert_eq!(send(false).await.0, 200);
        assert_eq!(send(false).await.0, 200);
        let (status, html, headers) = send(false).await;
        assert_eq!(status, 429);
        let retry: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
        assert!(retry > 60, "{retry}");
        assert!(html.contains("minutes"), "{html}");
        // With the work the address still has its own allowance, then it too runs out.
        assert_eq!(send(true).await.0, 200);
        assert_eq!(send(true).await.0, 429);
        // The API shares the address's allowance.
        let res = s
            .post_report(serde_json::json!({"channel": "sms", "body": "x"}))
            .await;
        assert_eq!(res.status(), 429);
        assert!(res.headers().contains_key("retry-after"));
        // A caller with a token is known and answerable: the address allowance is not theirs.
        let token = s.token("analyst").await;
        let res = s
            .http
            .post(s.url("/api/v1/reports"))
            .bearer_auth(&token)
            .json(&serde_json::json!({"channel": "sms", "body": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        // A token that is not valid is refused, not quietly taken as anonymous.
        let res = s
            .http
            .post(s.url("/api/v1/reports"))
            .bearer_auth("rmp_not-a-token")
            .json(&serde_json::json!({"channel": "sms", "body": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
        // Checks have theirs.
        for n in 0..4 {
            let res = s
                .http
                .post(s.url("/api/v1/check"))
                .json(&serde_json::json!({"url": "https://amazon.com/"}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), if n < 3 { 200 } else { 429 }, "check {n}");
        }
        assert_eq!(s.store.report_count().await.unwrap(), 4);
        s.stop().await;
    }
);

async fn check(s: &TestServer, body: serde_json::Value) -> (u16, serde_json::Value) {
    let res = s
        .http
        .post(s.url("/api/v1/check"))
        .json(&body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

on_both_engines!(is_this_really_us, |url: String| async move {
    let s = TestServer::start(settings_with_low_difficulty(&url)).await;
    // Two people report the same fake support number.
    for who in ["a@example.org", "b@example.net"] {
        let res = s
            .post_report(serde_json::json!({
                "channel": "phone_call", "body": "Amazon security here, your account was hacked, call +1 415 555 0142",
                "reporter_email": who
            }))
            .await;
        assert_eq!(res.status(), 201);
    }
    // Someone slips an honest number into a report of the known scam: the number is judged by
    // its own reporters, not by the campaign it joined.
    let res = s
        .post_report(serde_json::json!({
            "channel": "sms", "body": "Call +1 415 555 0142 or our partner on +1 212 555 0187",
            "reporter_email": "c@example.com"
        }))
        .await;
    assert_eq!(res.status(), 201);
    // One person reports another number: not enough to call it a known scam.
    let res = s
        .post_report(serde_json::json!({"channel": "sms", "body": "Call us on +1 646 555 0199"}))
        .await;
    assert_eq!(res.status(), 201);
    let token = s.token("analyst").await;
    s.settle(&token).await;

    let (status, answer) = check(
        &s,
        serde_json::json!({"phone": "(415) 555-0142", "locale": "en-US"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(answer["verdict"], "known_scam");
    assert_eq!(answer["campaign"]["reporters"], 3);
    assert_eq!(
        answer["campaign"]["channels"],
        serde_json::json!(["phone_call", "sms"])
    );
    assert_eq!(answer["matched"]["value"], "+14155550142");
    assert_eq!(
        answer["message"],
        rampart_server::i18n::without_isolates(&tr("en").n("verdict-known_scam", "count", 3))
    );
    // Nothing private: no reports, no reporters, no notes.
    let text = answer.to_string();
    assert!(
        !text.contains("example.org") && !text.contains("report_id") && !text.contains("hacked")
    );

    let (_, answer) = check(&s, serde_json::json!({"phone": "+1 646 555 0199"})).await;
    assert_eq!(answer["verdict"], "unknown");
    let (_, answer) = check(&s, serde_json::json!({"phone": "+1 212 555 0187"})).await;
    assert_eq!(answer["verdict"], "unknown", "{answer}");
    assert!(answer.get("description").is_none() && answer.get("campaign").is_none());
    let (_, answer) = check(
        &s,
        serde_json::json!({"url": "https://www.amazon.co.uk/gp/your-account", "locale": "de"}),
    )
    .await;
    assert_eq!(answer["verdict"], "official");
    assert_eq!(answer["locale"], "de");
    assert_eq!(answer["advice"], tr("de").t("check-advice-official"));
    let (_, answer) = check(
        &s,
        serde_json::json!({"email": "support@amaz0n-security.com", "locale": "ar"}),
    )
    .await;
    assert_eq!(answer["verdict"], "lookalike");
    assert_eq!(
        answer["message"],
        rampart_server::i18n::without_isolates(&tr("ar").t("verdict-lookalike"))
    );
    // A real link beside a fake one is not official.
    let (_, answer) = check(&s, serde_json::json!({"text": "Track it at https://amazon.com/track or hxxps://amazon-track[.]info/p"})).await;
    assert_eq!(answer["verdict"], "lookalike");
    // Exactly one input, readable.
    for (body, pointer) in [
        (serde_json::json!({}), "#/text"),
        (
            serde_json::json!({"url": "https://a.example", "phone": "+14155550142"}),
            "#/phone",
        ),
        (serde_json::json!({"phone": "not a number"}), "#/phone"),
        (serde_json::json!({"url": "nothing here"}), "#/url"),
        (serde_json::json!({"text": "x".repeat(10_001)}), "#/text"),
    ] {
        let (status, problem) = check(&s, body.clone()).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(problem["errors"][0]["pointer"], pointer, "{body}");
    }
    let (status, _) = check(&s, serde_json::json!({"text": "x", "extra": 1})).await;
    assert_eq!(status, 422);

    // The page says the same, in the reader's language.
    let res = s
        .http
        .post(s.url("/check"))
        .form(&[("input", "+1 415 555 0142"), ("lang", "es")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("data-verdict=\"known_scam\""));
    assert!(html.contains(&escaped(&tr("es").n("verdict-known_scam", "count", 3))));
    assert!(html.contains(&escaped(&tr("es").t("check-advice-scam"))));
    let res = s
        .http
        .post(s.url("/check"))
        .form(&[("input", "   "), ("lang", "he")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(&escaped(&tr("he").t("check-empty")))
    );
    s.stop().await;
});

on_both_engines!(
    the_api_takes_calls_and_screenshots,
    |url: String| async move {
        use base64::Engine;
        let s = TestServer::start(settings_with_low_difficulty(&url)).await;
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'];
        let res = s
        .post_report(serde_json::json!({
            "channel": "phone_call",
            "body": "They said a refund of 499 EUR was waiting and asked for gift cards",
            "phone_number": "06 12 34 56 78",
            "country": "FR",
            "scam_kind": "gift_card",
            "occurred_at": "2026-11-20T18:05:00+01:00",
            "screenshot": {"filename": "appel.jpg", "data_base64": base64::engine::general_purpose::STANDARD.encode(jpeg)}
        }))
        .await;
        assert_eq!(res.status(), 201);
        let created: serde_json::Value = res.json().await.unwrap();
        assert_eq!(
            created["status_url"],
            format!("/status/{}", created["reference"].as_str().unwrap())
        );
        let report = s
            .store
            .report(created["id"].as_i64().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(report.phone_number.as_deref(), Some("+33612345678"));
        let files = s.store.report_files(report.id).await.unwrap();
        assert_eq!(files[0].content_type, "image/jpeg");
        let (_, bytes) = s
            .store
            .report_file(report.id, files[0].id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(bytes, jpeg);
        // The number is an indicator of the report once processed.
        let token = s.token("analyst").await;
        s.settle(&token).await;
        let detail = s
            .get_json(&format!("/api/v1/reports/{}", report.id), &token)
            .await;
        let phones: Vec<&str> = detail["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == "phone")
            .map(|i| i["value"].as_str().unwrap())
            .collect();
        assert_eq!(phones, ["+33612345678"]);
        // Staff download evidence; it is never served as something a browser would render.
        assert_eq!(detail["files"][0]["content_type"], "image/jpeg");
        assert_eq!(detail["source"], "api");
        assert_eq!(detail["scam_kind"], "gift_card");
        let url = detail["files"][0]["url"].as_str().unwrap().to_string();
        let res = s.get(&url, &token).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "application/octet-stream");
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        assert!(
            res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        assert_eq!(res.bytes().await.unwrap().as_ref(), jpeg);
        let res = s.get(detail["raw_url"].as_str().unwrap(), &token).await;
        assert_eq!(res.status(), 200);
        let sha = res.headers()["x-content-sha256"]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(
            sha,
            rampart_server::intake::sha256_hex(&res.bytes().await.unwrap())
        );
        assert_eq!(s.get(&url, "not-a-token").await.status(), 401);
        assert_eq!(
            s.get(
                &format!("/api/v1/reports/{}/files/999999", report.id),
                &token
            )
            .await
            .status(),
            404
        );
        for (screenshot, detail) in [
            (
                serde_json::json!({"data_base64": "!!!"}),
                "not standard base64",
            ),
            (
                serde_json::json!({"data_base64": base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.7")}),
                "not a PNG, JPEG, GIF or WebP image",
            ),
        ] {
            let res = s
                .post_report(
                    serde_json::json!({"channel": "sms", "body": "x", "screenshot": screenshot}),
                )
                .await;
            assert_eq!(res.status(), 422);
            let problem: serde_json::Value = res.json().await.unwrap();
            assert_eq!(problem["errors"][0]["pointer"], "#/screenshot/data_base64");
            assert_eq!(problem["errors"][0]["detail"], detail);
        }
        let res = s
        .post_report(serde_json::json!({"channel": "sms", "body": "x", "links": vec!["https://a.example/"; 21]}))
        .await;
        assert_eq!(res.status(), 422);
        s.stop().await;
    }
);

on_both_engines!(
    an_uploaded_email_stands_for_the_pasted_message,
    |url: String| async move {
        let s = TestServer::start(settings_with_low_difficulty(&url)).await;
        let eml = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../mail/tests/corpus/gmail_forward.eml"),
        )
        .unwrap();
        let (challenge, pow) = fresh_form(&s, "fr").await;
        // No channel and no pasted text: the e-mail says both.
        let form = text_form(&[("lang", "fr"), ("challenge", &challenge), ("pow", &pow)]).part(
            "eml",
            Part::bytes(eml.clone()).file_name("Unusual sign-in.eml"),
        );
        let (status, html, _) = post_form(&s, form).await;
        assert_eq!(status, 200, "{html}");
        let reference = reference_in(&html);
        let report = s
            .store
            .report_by_reference(&reference)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(report.channel, "email");
        assert_eq!(
            report.subject.as_deref(),
            Some("Unusual sign-in to your Example Shop account")
        );
        assert!(
            report
                .sender
                .as_deref()
                .unwrap()
                .contains("security@examp1e-shop.com")
        );
        assert!(report.body.contains("+1 (888) 555-0142"));
        assert!(
            report.details.contains("alice.martin@example.org"),
            "{}",
            report.details
        );
        let files = s.store.report_files(report.id).await.unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].kind, "eml");
        assert_eq!(files[0].sha256, rampart_server::intake::sha256_hex(&eml));
        // Something that is not an e-mail, and nothing pasted: said next to the upload field.
        let (challenge, pow) = fresh_form(&s, "fr").await;
        let form = text_form(&[("lang", "fr"), ("challenge", &challenge), ("pow", &pow)])
            .part("eml", Part::bytes(vec![0u8; 64]).file_name("x.eml"));
        let (status, html, _) = post_form(&s, form).await;
        assert_eq!(status, 422);
        assert!(
            html.contains(&escaped(&tr("fr").t("error-eml-invalid"))),
            "{html}"
        );
        s.stop().await;
    }
);
