//! Real-shaped reported messages (tests/corpus/*.eml: phishing impersonating "Example Shop"),
//! each with what an analyst must get out of it: how the scam was found, who forwarded it, the
//! scam's sender, Reply-To, subject, a link, a phone number in its text, its authentication
//! results, and the notes on what could not be read.

// clippy.toml allows unwrap in #[test] functions only; helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use rampart_mail::{AuthResult, Limits, MailReport, UnwrapKind, parse};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn read(file: &str) -> MailReport {
    let raw = std::fs::read(corpus_dir().join(file)).unwrap();
    parse(&raw, &Limits::default()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What one corpus message must give. Fields left at `BASE` are not checked, except `notes`,
/// which must always match exactly.
struct Case {
    file: &'static str,
    kind: UnwrapKind,
    depth: usize,
    /// The forwarder's address.
    forwarder: Option<&'static str>,
    from_name: Option<&'static str>,
    from_address: &'static str,
    reply_to: &'static [&'static str],
    subject: &'static str,
    date: Option<i64>,
    text_has: &'static [&'static str],
    text_lacks: &'static [&'static str],
    hidden_has: &'static [&'static str],
    link: Option<&'static str>,
    /// SPF, DKIM, DMARC.
    auth: Option<[AuthResult; 3]>,
    notes: &'static [&'static str],
}

const BASE: Case = Case {
    file: "",
    kind: UnwrapKind::Direct,
    depth: 0,
    forwarder: None,
    from_name: None,
    from_address: "",
    reply_to: &[],
    subject: "",
    date: None,
    text_has: &[],
    text_lacks: &[],
    hidden_has: &[],
    link: None,
    auth: None,
    notes: &[],
};

use AuthResult::{Fail, None as NoResult, Softfail};
use UnwrapKind::{AttachedMessage, Direct, InlineForward};

const CASES: &[Case] = &[
    Case {
        file: "direct_delivery.eml",
        kind: Direct,
        from_name: Some("Example Shop Security"),
        from_address: "security@examp1e-shop.com",
        reply_to: &["claims@examp1e-shop-help.net"],
        subject: "Your Example Shop account has been limited",
        date: Some(1_736_154_900_000),
        text_has: &[
            "https://examp1e-shop.com/account/restore?case=EX-4471",
            "+1 (888) 555-0142",
        ],
        auth: Some([Fail, NoResult, Fail]),
        ..BASE
    },
    Case {
        file: "multipart_alternative.eml",
        from_name: Some("Example Shop"),
        from_address: "orders@examp1e-shop.com",
        reply_to: &["orders-help@examp1e-shop-help.net"],
        subject: "Payment failed for order #4471-9921",
        date: Some(1_736_154_900_000),
        // text/plain is preferred over the HTML version of the same content.
        text_has: &[
            "Update your card here: https://examp1e-shop.com/orders/4471-9921/pay",
            "+1 (888) 555-0142",
        ],
        text_lacks: &["<p>"],
        link: Some("https://examp1e-shop.com/orders/4471-9921/pay?utm=mail&k=9"),
        auth: Some([Fail, NoResult, Fail]),
        ..BASE
    },
    Case {
        file: "base64.eml",
        from_name: Some("Example Shop"),
        from_address: "compte@examp1e-shop.fr",
        subject: "Votre compte Example Shop est suspendu 🔒",
        date: Some(1_736_344_978_000),
        text_has: &[
            "+44 20 7946 0958",
            "Pour le réactiver",
            "https://examp1e-shop.fr/reactivation",
        ],
        ..BASE
    },
    Case {
        file: "quoted_printable.eml",
        from_name: Some("Example Shop Billing"),
        from_address: "billing@examp1e-shop.com",
        subject: "Action required: verify your payment details",
        text_has: &[
            "Please Verify your payment details before 12 January 2025",
            "+1 (888) 555-0177",
        ],
        text_lacks: &["<a", "=3D", "font-family"],
        link: Some(
            "https://examp1e-shop.com/secure/login?session=abc123&return=%2Faccount%2Fbilling&lang=en-US",
        ),
        auth: Some([Softfail, NoResult, Fail]),
        ..BASE
    },
    Case {
        file: "html_only_hidden.eml",
        from_name: Some("Example Shop Rewards"),
        from_address: "rewards@examp1e-shop-gifts.com",
        subject: "You have a $500 Example Shop gift card",
        text_has: &[
            "gift card of $500 is waiting",
            "Claim it now by calling 1-888-555-0199.",
            "Claim your card",
        ],
        text_lacks: &[
            "garden",
            "invoice meeting",
            "qx7",
            "white on white",
            "holiday photos",
        ],
        hidden_has: &[
            "garden tomato recipe weather forecast sunny",
            "invoice meeting schedule lunch friday",
            "qx7 zv9 filler lorem",
            "white on white bank statement",
            "hidden words in a comment: holiday photos",
        ],
        link: Some("https://examp1e-shop-gifts.com/claim"),
        auth: Some([NoResult, NoResult, NoResult]),
        ..BASE
    },
    Case {
        file: "iso_8859_1.eml",
        from_name: Some("Example Shop Livraison"),
        from_address: "livraison@examp1e-shop-livraison.fr",
        subject: "Votre colis est bloqué à la douane",
        text_has: &[
            "n° 88-4471 est bloqué à la douane",
            "01 89 70 12 34",
            "https://examp1e-shop-livraison.fr/douane/884471",
        ],
        ..BASE
    },
    Case {
        file: "windows_1252.eml",
        from_name: Some("Example Shop Prime"),
        from_address: "prime@examp1e-shop.eu",
        subject: "Your “Prime” membership – 4,99 € due",
        text_has: &[
            "Your “Example Shop Prime” membership",
            "We’ve kept",
            "4,99 € is due today — pay",
            "+353 1 555 0123",
        ],
        ..BASE
    },
    Case {
        file: "shift_jis.eml",
        from_name: Some("Example Shop"),
        from_address: "info@examp1e-shop.jp",
        subject: "【重要】アカウント停止のお知らせ",
        text_has: &[
            "Example Shopアカウントが一時的に停止されました。",
            "03-4567-8901",
            "https://examp1e-shop.jp/verify?id=8842",
        ],
        ..BASE
    },
    Case {
        file: "gmail_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("alice.martin@example.org"),
        from_name: Some("Example Shop"),
        from_address: "security@examp1e-shop.com",
        subject: "Unusual sign-in to your Example Shop account",
        text_has: &["Dear Alice,", "new device in Lagos", "+1 (888) 555-0142"],
        text_lacks: &["almost clicked", "Forwarded message", "To: <alice"],
        hidden_has: &["weather sports recipes"],
        link: Some("https://examp1e-shop.com.verify-login.info/signin?u=alice"),
        ..BASE
    },
    Case {
        file: "outlook_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("bob.stone@example.net"),
        from_name: Some("Example Shop"),
        from_address: "billing@examp1e-shop.com",
        subject: "Action required: update your payment method",
        text_has: &[
            "Dear Bob,",
            "hxxps://examp1e-shop[.]com/billing",
            "+1 888 555 0142",
        ],
        text_lacks: &["Reporting this one", "Original Message", "Sent:"],
        ..BASE
    },
    Case {
        file: "outlook_html_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("dana.lee@example.com"),
        from_name: Some("Example Shop"),
        from_address: "refunds@examp1e-shop.com",
        subject: "Refund of $349.99 pending",
        text_has: &["Dear Dana,", "+1 (888) 555-0163"],
        text_lacks: &["Please look into this", "________"],
        link: Some("https://examp1e-shop-refunds.com/confirm"),
        ..BASE
    },
    Case {
        file: "apple_mail_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("chris.doe@example.com"),
        from_name: Some("Example Shop Refunds"),
        from_address: "refunds@examp1e-shop.com",
        reply_to: &["refund-desk@examp1e-shop-help.net"],
        subject: "Refund of your order",
        text_has: &[
            "Hello Chris,",
            "Reply with your card number and expiry date, or call +1 (888) 555-0188.",
        ],
        text_lacks: &["Is this legit", "> "],
        ..BASE
    },
    Case {
        file: "thunderbird_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("erik@example.se"),
        from_name: Some("Example Shop Delivery"),
        from_address: "delivery@examp1e-shop-parcel.com",
        reply_to: &["tracking@examp1e-shop-parcel.net"],
        subject: "Your parcel is waiting",
        date: Some(1_736_519_400_000),
        text_has: &[
            "https://examp1e-shop-parcel.com/redeliver/EX551029",
            "+46 8 555 012 34",
        ],
        text_lacks: &["Phishing, please block", "Forwarded Message"],
        ..BASE
    },
    Case {
        file: "french_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("claire.dubois@example.fr"),
        from_name: Some("Example Shop"),
        from_address: "service@examp1e-shop.fr",
        subject: "Votre colis est en attente",
        text_has: &[
            "frais de douane de 1,99 €",
            "https://examp1e-shop.fr.colis-suivi.com/paiement",
            "+33 6 12 34 56 78",
        ],
        text_lacks: &["arnaque", "Message transféré", "Objet"],
        ..BASE
    },
    Case {
        file: "german_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("jana.weber@example.de"),
        from_name: Some("Example Shop Kundenservice"),
        from_address: "konto@examp1e-shop.de",
        subject: "Ihr Konto wurde eingeschränkt",
        text_has: &[
            "https://examp1e-shop.de/konto/bestaetigen",
            "+49 30 555 01234",
        ],
        text_lacks: &["Bitte prüfen", "Weitergeleitete", "Betreff"],
        ..BASE
    },
    Case {
        file: "spanish_forward.eml",
        kind: InlineForward,
        depth: 1,
        forwarder: Some("lucia.garcia@example.es"),
        from_name: Some("Example Shop"),
        from_address: "avisos@examp1e-shop.es",
        subject: "Su cuenta ha sido suspendida",
        text_has: &["https://examp1e-shop.es/reactivar", "+34 91 555 01 23"],
        text_lacks: &["sospechoso", "Mensaje reenviado", "Asunto"],
        ..BASE
    },
    Case {
        file: "attached_rfc822.eml",
        kind: AttachedMessage,
        depth: 1,
        forwarder: Some("frank@example.net"),
        from_name: Some("Example Shop"),
        from_address: "noreply@examp1e-shop.com",
        reply_to: &["support@examp1e-shop-desk.com"],
        subject: "Your Example Shop account will be closed",
        date: Some(1_736_665_200_000),
        text_has: &[
            "confirm your details:\nhttps://examp1e-shop.com/confirm?acct=8891",
            "+1 (888) 555-0110",
        ],
        text_lacks: &["Forwarding as attachment"],
        link: Some("https://examp1e-shop.com/confirm?acct=8891"),
        auth: Some([Softfail, Fail, Fail]),
        ..BASE
    },
    Case {
        file: "attached_eml_octet_stream.eml",
        kind: AttachedMessage,
        depth: 1,
        forwarder: Some("grace@example.org"),
        from_name: Some("Example Shop Invoices"),
        from_address: "invoices@examp1e-shop.com",
        subject: "Invoice 8891 for your order",
        text_has: &["dispute the charge of $899.00 call +1 (888) 555-0133"],
        text_lacks: &["I did not order anything", "pizza"],
        hidden_has: &["pizza margherita tuesday football"],
        link: Some("https://examp1e-shop-invoices.com/dispute/8891"),
        ..BASE
    },
    Case {
        file: "nested_forward.eml",
        kind: AttachedMessage,
        depth: 2,
        forwarder: Some("henry@example.com"),
        from_name: Some("Example Shop"),
        from_address: "noreply@examp1e-shop.com",
        reply_to: &["support@examp1e-shop-desk.com"],
        subject: "Your Example Shop account will be closed",
        text_has: &["+1 (888) 555-0110"],
        text_lacks: &["My mother", "Henry, is this real"],
        auth: Some([Softfail, Fail, Fail]),
        ..BASE
    },
    Case {
        file: "forward_of_forward.eml",
        kind: InlineForward,
        depth: 2,
        forwarder: Some("ivy@example.org"),
        from_name: Some("Example Shop"),
        from_address: "security@examp1e-shop.com",
        subject: "Unusual sign-in to your Example Shop account",
        text_has: &[
            "https://examp1e-shop.com.verify-login.info/signin?u=alice",
            "+1 (888) 555-0142",
        ],
        text_lacks: &["Ivy here", "Alice here", "Forwarded"],
        ..BASE
    },
    Case {
        file: "broken_no_closing_boundary.eml",
        from_name: Some("Example Shop"),
        from_address: "alerts@examp1e-shop.com",
        subject: "Security alert",
        text_has: &[
            "Review activity: https://examp1e-shop.com/activity",
            "+1 (888) 555-0101",
        ],
        link: Some("https://examp1e-shop.com/activity"),
        notes: &["a multipart had no closing boundary; it was read to the end of the message"],
        ..BASE
    },
    Case {
        file: "broken_truncated_base64.eml",
        from_name: Some("Example Shop"),
        from_address: "refund@examp1e-shop-refund.com",
        subject: "Refund ready",
        text_has: &["Claim it at https://examp1e-shop-refund.com/claim before it expires."],
        notes: &["a base64 part was truncated; what was there was decoded"],
        ..BASE
    },
    Case {
        file: "broken_wrong_charset.eml",
        from_name: Some("Example Shop"),
        from_address: "compte@examp1e-shop.fr",
        subject: "Compte à réactiver",
        text_has: &["doit être réactivé avant vendredi", "01 89 70 55 66"],
        notes: &["text declared as utf-8 was not valid UTF-8; decoded as windows-1252"],
        ..BASE
    },
    Case {
        file: "broken_unknown_charset.eml",
        from_name: Some("Example Shop"),
        from_address: "news@examp1e-shop.com",
        subject: "Last chance",
        text_has: &["https://examp1e-shop.com/voucher"],
        notes: &["charset x-unknown not known; decoded as UTF-8 with replacement"],
        ..BASE
    },
    Case {
        file: "broken_missing_content_type.eml",
        from_name: Some("Example Shop"),
        from_address: "help@examp1e-shop.com",
        subject: "Your delivery",
        text_has: &[
            "https://examp1e-shop.com/reschedule",
            "+1 (888) 555-0144",
            "Café opening hours",
        ],
        ..BASE
    },
];

#[track_caller]
fn check(case: &Case) {
    let file = case.file;
    let report = read(file);
    let scam = &report.scam;
    assert_eq!(report.unwrapped.kind, case.kind, "{file}: kind");
    assert_eq!(report.unwrapped.depth, case.depth, "{file}: depth");
    assert_eq!(report.unwrapped.steps.len(), case.depth, "{file}: steps");
    assert_eq!(
        report.forwarder.as_ref().and_then(|f| f.address.as_deref()),
        case.forwarder,
        "{file}: forwarder"
    );
    let from = scam
        .from
        .as_ref()
        .unwrap_or_else(|| panic!("{file}: no From"));
    assert_eq!(from.name.as_deref(), case.from_name, "{file}: From name");
    assert_eq!(
        from.address.as_deref(),
        Some(case.from_address),
        "{file}: From address"
    );
    let reply_to: Vec<&str> = scam
        .reply_to
        .iter()
        .filter_map(|m| m.address.as_deref())
        .collect();
    assert_eq!(reply_to, case.reply_to, "{file}: Reply-To");
    assert_eq!(
        scam.subject.as_deref(),
        Some(case.subject),
        "{file}: subject"
    );
    if case.date.is_some() {
        assert_eq!(scam.date, case.date, "{file}: date");
    }
    for needle in case.text_has {
        assert!(
            scam.text.contains(needle),
            "{file}: text lacks {needle:?}:\n{}",
            scam.text
        );
    }
    for needle in case.text_lacks {
        assert!(
            !scam.text.contains(needle),
            "{file}: text has {needle:?}:\n{}",
            scam.text
        );
    }
    for needle in case.hidden_has {
        assert!(
            scam.hidden_text.contains(needle),
            "{file}: hidden text lacks {needle:?}:\n{}",
            scam.hidden_text
        );
    }
    if let Some(link) = case.link {
        assert!(
            scam.links.iter().any(|l| l == link),
            "{file}: no link {link:?} in {:?}",
            scam.links
        );
    }
    if let Some([spf, dkim, dmarc]) = case.auth {
        let auth = &scam.authentication;
        let got = [&auth.spf, &auth.dkim, &auth.dmarc].map(|o| o.as_ref().map(|o| o.result));
        assert_eq!(
            got,
            [Some(spf), Some(dkim), Some(dmarc)],
            "{file}: authentication"
        );
    }
    assert_eq!(report.notes, case.notes, "{file}: notes");
    if case.kind == Direct {
        assert_eq!(
            report.envelope, report.scam,
            "{file}: a direct delivery is its own envelope"
        );
    } else {
        assert_ne!(report.envelope.from, report.scam.from, "{file}: envelope");
    }
}

#[test]
fn every_corpus_message() {
    for case in CASES {
        check(case);
    }
}

#[test]
fn every_corpus_file_has_a_case() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".eml"))
        .collect();
    files.sort();
    let mut cased: Vec<String> = CASES.iter().map(|c| c.file.to_owned()).collect();
    cased.sort();
    assert_eq!(files, cased);
}

#[test]
fn direct_delivery_keeps_the_received_chain_and_ids() {
    let report = read("direct_delivery.eml");
    let scam = &report.scam;
    let hops: Vec<(Option<&str>, Option<&str>, Option<&str>)> = scam
        .received
        .iter()
        .map(|h| {
            (
                h.from_host.as_deref(),
                h.by_host.as_deref(),
                h.ip.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            (
                Some("mx1.reports.rampart.example"),
                Some("store.reports.rampart.example"),
                Some("192.0.2.10")
            ),
            (
                Some("mail.examp1e-shop.com"),
                Some("mx1.reports.rampart.example"),
                Some("203.0.113.45")
            ),
            (
                Some("10.8.0.3"),
                Some("mail.examp1e-shop.com"),
                Some("198.51.100.23")
            ),
        ]
    );
    assert_eq!(scam.received[1].date, Some(1_736_154_905_000));
    assert_eq!(scam.return_path.as_deref(), Some("bounce@examp1e-shop.com"));
    assert_eq!(
        scam.message_id.as_deref(),
        Some("20250106101500.4471@examp1e-shop.com")
    );
    let auth = &scam.authentication;
    assert_eq!(
        auth.authserv_id.as_deref(),
        Some("mx1.reports.rampart.example")
    );
    assert_eq!(
        auth.spf.as_ref().unwrap().detail.as_deref(),
        Some("examp1e-shop.com")
    );
    assert_eq!(
        auth.dmarc.as_ref().unwrap().detail.as_deref(),
        Some("examp1e-shop.com")
    );
    assert_eq!(
        scam.header_text,
        "Your Example Shop account has been limited\nExample Shop Security\nExample Shop Claims"
    );
}

#[test]
fn gmail_forward_separates_the_forwarder_from_the_scam() {
    let report = read("gmail_forward.eml");
    let (scam, envelope) = (&report.scam, &report.envelope);
    assert_eq!(
        envelope.text,
        "Hi, I got this weird email this morning, is it really from you? I almost clicked.\nAlice"
    );
    assert_eq!(envelope.links, ["https://example.org/~alice"]);
    assert_eq!(
        envelope.subject.as_deref(),
        Some("Fwd: Unusual sign-in to your Example Shop account")
    );
    assert_eq!(
        envelope.authentication.dmarc.as_ref().map(|o| o.result),
        Some(AuthResult::Pass)
    );
    // The sender's mailto: from the forwarded header block belongs to the scam, the victim's does
    // not, and nothing of the forwarder's comment does.
    assert_eq!(
        scam.links,
        [
            "mailto:security@examp1e-shop.com",
            "https://examp1e-shop.com.verify-login.info/signin?u=alice"
        ]
    );
    assert_eq!(
        scam.to[0].address.as_deref(),
        Some("alice.martin@example.org")
    );
    assert_eq!(scam.date, None);
    assert_eq!(
        scam.date_text.as_deref(),
        Some("Mon, Jan 6, 2025 at 10:15 AM")
    );
    assert_eq!(
        scam.authentication,
        Default::default(),
        "an inline forward carries no authentication"
    );
    assert!(scam.received.is_empty());
}

#[test]
fn html_links_are_collected_in_order_without_duplicates() {
    let report = read("html_only_hidden.eml");
    assert_eq!(
        report.scam.links,
        [
            "https://examp1e-shop-gifts.com/claim",
            "https://examp1e-shop-gifts.com/img/card.png",
            "https://examp1e-shop-gifts.com/area",
            "https://examp1e-shop-gifts.com/claim?c=500",
        ]
    );
}

#[test]
fn attachments_are_hashed_not_opened() {
    let report = read("attached_eml_octet_stream.eml");
    let zip = &report.scam.attachments[0];
    assert_eq!(zip.filename.as_deref(), Some("Invoice_8891.zip"));
    assert_eq!(zip.content_type, "application/zip");
    assert_eq!(zip.size, 156);
    assert_eq!(
        zip.sha256,
        "03a7231f3f3a865628b9a917c030da7d9ceab61278b9ee5c55ecf4c48672d629"
    );
    let eml = &report.envelope.attachments[0];
    assert_eq!(
        eml.filename.as_deref(),
        Some("Invoice 8891 for your order.eml")
    );
    assert_eq!(eml.content_type, "application/octet-stream");
}

#[test]
fn attached_message_keeps_its_own_headers() {
    let report = read("attached_rfc822.eml");
    let scam = &report.scam;
    assert_eq!(scam.received.len(), 2);
    assert_eq!(scam.received[1].ip.as_deref(), Some("203.0.113.150"));
    assert_eq!(
        scam.return_path.as_deref(),
        Some("noreply@examp1e-shop.com")
    );
    assert_eq!(
        scam.authentication.dkim.as_ref().unwrap().detail.as_deref(),
        Some("examp1e-shop.com")
    );
    assert_eq!(
        report.envelope.text,
        "Forwarding as attachment, this looks like phishing."
    );
    assert_eq!(report.envelope.attachments.len(), 1);
    assert_eq!(
        report.envelope.attachments[0].content_type,
        "message/rfc822"
    );
}

#[test]
fn nested_forward_records_each_step() {
    assert_eq!(
        read("nested_forward.eml").unwrapped.steps,
        [InlineForward, AttachedMessage]
    );
    assert_eq!(
        read("forward_of_forward.eml").unwrapped.steps,
        [InlineForward, InlineForward]
    );
}

#[test]
fn reports_serialise_to_json() {
    let report = read("gmail_forward.eml");
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"kind\":\"inline_forward\""));
    let back: MailReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}
