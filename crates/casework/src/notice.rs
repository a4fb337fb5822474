//! The text of outgoing enforcement notices (takedowns, carrier reports, referrals, warnings).
//!
//! Pure composition: the server sends what [`compose`] returns. The target, the indicators and
//! the investigator's note are untrusted (a domain or a number chosen by the scammer, text typed
//! by a person): each is [`clean`]ed and every indicator is [`defang`]ed, and the subject is one
//! line whatever the input, so nothing can add a header (`\r\nBcc: …`) to the message.

use rampart_indicators::extract::IndicatorKind;

use crate::summary::{Figures, clean, datetime, defang, money};

/// Indicators listed in one notice at most; the rest are counted.
pub const MAX_LISTED: usize = 50;
/// Characters of the target in a subject.
const SUBJECT_TARGET_CHARS: usize = 100;
/// Characters of a reference (case or action).
const REFERENCE_CHARS: usize = 64;
/// Characters of a name, an address or a listed indicator.
const FIELD_CHARS: usize = 200;
/// Lines and characters per line of the investigator's note.
const NOTE_LINES: usize = 40;
const NOTE_LINE_CHARS: usize = 500;

/// What a notice asks for, and of whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// To a registrar or host: suspend a domain.
    Takedown,
    /// To a telecom carrier: act on a number used for scam calls or SMS.
    CarrierReport,
    /// To a police unit or agency: the case in brief, with an evidence package on request.
    LawEnforcementReferral,
    /// To a customer: these messages are not from us.
    CustomerWarning,
}

/// Everything a notice says. Times are UTC Unix milliseconds.
#[derive(Debug, Clone)]
pub struct NoticeInput<'a> {
    pub kind: NoticeKind,
    /// Our organisation.
    pub producer: &'a str,
    /// Where replies go.
    pub reply_to: &'a str,
    pub case_reference: &'a str,
    pub action_reference: &'a str,
    /// The domain, phone number, or agency / recipient name the notice is about or addressed to.
    pub target: &'a str,
    pub recipient_name: &'a str,
    pub figures: &'a Figures,
    /// Kind, value and number of reports.
    pub indicators: &'a [(IndicatorKind, String, i64)],
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
    /// Free text from the investigator.
    pub note: &'a str,
}

/// A notice ready to send: `subject` is a single line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub subject: String,
    pub body: String,
}

/// The notice for `input.kind`.
pub fn compose(input: &NoticeInput) -> Notice {
    let action = clean(input.action_reference, REFERENCE_CHARS);
    let (subject, body) = match input.kind {
        NoticeKind::Takedown => takedown(input),
        NoticeKind::CarrierReport => carrier_report(input),
        NoticeKind::LawEnforcementReferral => referral(input),
        NoticeKind::CustomerWarning => {
            let brand = clean(input.producer, FIELD_CHARS);
            return customer_warning(input, &English { brand: &brand });
        }
    };
    Notice {
        // Every part is cleaned already; cleaning the whole keeps the subject one line even if
        // a part is later added carelessly.
        subject: clean(&format!("[{action}] {subject}"), 300),
        body,
    }
}

/// Text built line by line.
#[derive(Default)]
struct Body(String);

impl Body {
    fn line(&mut self, s: impl AsRef<str>) {
        self.0.push_str(s.as_ref());
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }

    /// Up to [`MAX_LISTED`] items as `  - item`, then how many more there are.
    fn list(&mut self, items: &[String]) {
        for item in items.iter().take(MAX_LISTED) {
            self.line(format!("  - {item}"));
        }
        if items.len() > MAX_LISTED {
            self.line(format!("  and {} more", items.len() - MAX_LISTED));
        }
    }

    /// The investigator's note, each line cleaned and indented so it cannot pass for ours.
    fn note(&mut self, heading: Option<&str>, note: &str) {
        let lines: Vec<&str> = note.lines().collect();
        let first = lines.iter().position(|l| !l.trim().is_empty());
        let last = lines.iter().rposition(|l| !l.trim().is_empty());
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        self.blank();
        if let Some(heading) = heading {
            self.line(heading);
        }
        let kept = &lines[first..=last];
        for l in kept.iter().take(NOTE_LINES) {
            self.line(format!("  {}", clean(l, NOTE_LINE_CHARS)));
        }
        if kept.len() > NOTE_LINES {
            self.line("  […]");
        }
    }

    fn greeting(&mut self, recipient: &str, fallback: &str) {
        let name = clean(recipient.trim(), FIELD_CHARS);
        if name.is_empty() {
            self.line(format!("Dear {fallback},"));
        } else {
            self.line(format!("Dear {name},"));
        }
        self.blank();
    }

    fn reply(&mut self, input: &NoticeInput) {
        self.blank();
        self.line(format!(
            "Please quote {} (our case {}) in any reply and write to {}.",
            clean(input.action_reference, REFERENCE_CHARS),
            clean(input.case_reference, REFERENCE_CHARS),
            clean(input.reply_to, FIELD_CHARS),
        ));
        self.blank();
        self.line("Kind regards,");
        self.line(clean(input.producer, FIELD_CHARS));
    }

    fn seen(&mut self, input: &NoticeInput) {
        if let Some(first) = input.first_seen {
            self.line(format!("- First seen: {}", datetime(first)));
        }
        if let Some(last) = input.last_seen {
            self.line(format!("- Last seen: {}", datetime(last)));
        }
    }
}

/// The indicators `keep` accepts, most reported first so that the cut at [`MAX_LISTED`] drops
/// the least telling.
fn picked(
    input: &NoticeInput,
    keep: impl Fn(IndicatorKind, &str) -> bool,
) -> Vec<(IndicatorKind, String, i64)> {
    let mut picked: Vec<(IndicatorKind, String, i64)> = input
        .indicators
        .iter()
        .filter(|(kind, value, _)| keep(*kind, value))
        .map(|(kind, value, reports)| (*kind, clean(&defang(*kind, value), FIELD_CHARS), *reports))
        .collect();
    picked.sort_by_key(|i| std::cmp::Reverse(i.2));
    picked
}

/// The indicators `keep` accepts, defanged and cleaned.
fn listed(input: &NoticeInput, keep: impl Fn(IndicatorKind, &str) -> bool) -> Vec<String> {
    picked(input, keep)
        .into_iter()
        .map(|(_, value, _)| value)
        .collect()
}

fn reports_sentence(f: &Figures) -> String {
    format!(
        "- Reports received: {} {} from {} distinct {}",
        f.reports,
        if f.reports == 1 { "report" } else { "reports" },
        f.distinct_victims,
        if f.distinct_victims == 1 {
            "person"
        } else {
            "people"
        },
    )
}

/// The host of a URL, lower case, without user information or port.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// Whether `url` is on `domain` or one of its subdomains.
fn on_domain(url: &str, domain: &str) -> bool {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    url_host(url).is_some_and(|host| {
        !domain.is_empty()
            && (host == domain
                || host
                    .strip_suffix(&domain)
                    .is_some_and(|sub| sub.ends_with('.')))
    })
}

fn takedown(input: &NoticeInput) -> (String, String) {
    let producer = clean(input.producer, FIELD_CHARS);
    let domain = defang(IndicatorKind::Domain, input.target.trim());
    let mut b = Body::default();
    b.greeting(input.recipient_name, "abuse team");
    b.line(format!(
        "We are writing on behalf of {producer} to report abuse of the domain {}.",
        clean(&domain, FIELD_CHARS)
    ));
    b.line(format!(
        "It is being used to impersonate {producer} in phishing and scam messages sent to members of the public, to take their money or personal details."
    ));
    b.blank();
    b.line("What we have seen");
    b.line(reports_sentence(input.figures));
    b.seen(input);
    b.line(format!("- Domain: {}", clean(&domain, FIELD_CHARS)));
    let urls = listed(input, |kind, value| {
        kind == IndicatorKind::Url && on_domain(value, input.target)
    });
    if !urls.is_empty() {
        b.line("- URLs on this domain used in the messages (defanged):");
        b.list(&urls);
    }
    b.blank();
    b.line("Our request");
    b.line("Please suspend this domain, or the service hosting it, under your abuse policy,");
    b.line("and keep the registration and access records in case law enforcement asks for them.");
    b.line("Indicators are defanged ([.] for a dot, hxxp for http) so that nobody follows them by accident.");
    b.note(Some("Note from our investigator:"), input.note);
    b.reply(input);
    (
        format!("Takedown request: {}", clean(&domain, SUBJECT_TARGET_CHARS)),
        b.0,
    )
}

fn carrier_report(input: &NoticeInput) -> (String, String) {
    let producer = clean(input.producer, FIELD_CHARS);
    let number = clean(input.target.trim(), FIELD_CHARS);
    let mut b = Body::default();
    b.greeting(input.recipient_name, "fraud team");
    b.line(format!(
        "We are writing on behalf of {producer} to report the telephone number {number}."
    ));
    b.line(format!(
        "It is being used for scam calls and text messages (SMS) that impersonate {producer} to defraud members of the public."
    ));
    b.blank();
    b.line("What we have seen");
    b.line(reports_sentence(input.figures));
    b.seen(input);
    b.line(format!("- Number: {number}"));
    let target = input.target.trim();
    let others = listed(input, |kind, value| {
        kind == IndicatorKind::Phone && value.trim() != target
    });
    if !others.is_empty() {
        b.line("- Other numbers in the same scam:");
        b.list(&others);
    }
    b.blank();
    b.line("Our request");
    b.line("Please investigate this number and, where your terms allow, suspend or block it,");
    b.line("and keep the subscriber and traffic records in case law enforcement asks for them.");
    b.note(Some("Note from our investigator:"), input.note);
    b.reply(input);
    (
        format!(
            "Scam calls and SMS from {}",
            clean(input.target.trim(), SUBJECT_TARGET_CHARS)
        ),
        b.0,
    )
}

fn referral(input: &NoticeInput) -> (String, String) {
    let producer = clean(input.producer, FIELD_CHARS);
    let case = clean(input.case_reference, REFERENCE_CHARS);
    let f = input.figures;
    let mut b = Body::default();
    b.greeting(input.recipient_name, "Sir or Madam");
    b.line(format!(
        "{producer} refers to you case {case}: a scam in which criminals impersonate {producer}."
    ));
    b.blank();
    b.line("Summary");
    b.line(reports_sentence(f));
    b.line(format!(
        "- Victims who stated a loss: {}",
        f.victims_with_loss
    ));
    if f.losses.is_empty() {
        b.line("- Stated losses: none");
    } else {
        b.line("- Stated losses (each victim counted once, at their largest stated loss):");
        for (currency, minor) in &f.losses {
            b.line(format!("  - {}", money(currency, *minor)));
        }
    }
    let counts = |items: &[(String, usize)]| {
        if items.is_empty() {
            "not stated".to_string()
        } else {
            items
                .iter()
                .map(|(name, n)| format!("{} ({n})", clean(name, FIELD_CHARS)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    b.line(format!(
        "- Victims' countries (reports): {}",
        counts(&f.countries)
    ));
    b.line(format!("- Channels (reports): {}", counts(&f.channels)));
    b.seen(input);
    let indicators: Vec<String> = picked(input, |_, _| true)
        .into_iter()
        .map(|(kind, value, reports)| {
            let noun = if reports == 1 { "report" } else { "reports" };
            format!("{} {value} ({reports} {noun})", kind.as_str())
        })
        .collect();
    if !indicators.is_empty() {
        b.line("- Indicators used by the scammers (defanged):");
        b.list(&indicators);
    }
    b.blank();
    b.line("Evidence");
    b.line("A signed evidence package is available on request: every report with the original");
    b.line("message as received and its SHA-256, a summary, and the indicators in STIX 2.1.");
    b.note(Some("Note from our investigator:"), input.note);
    b.reply(input);
    (
        format!("Referral of case {case}: scam impersonating {producer}"),
        b.0,
    )
}

/// The messages of a customer warning in one language, by the ids of the portal's catalogue
/// (`warning-*`, `email-ack-greeting`, `email-ack-signoff`). The brand is the translator's own;
/// every value passed in is cleaned already. The server's translator implements it for each
/// reporter's language; [`English`] is the fallback [`compose`] uses.
pub trait Words {
    /// A message whose only variable is the brand.
    fn t(&self, id: &str) -> String;
    /// A message with one text variable.
    fn s(&self, id: &str, name: &str, value: &str) -> String;
    /// A message with one number, which may choose a plural form.
    fn n(&self, id: &str, name: &str, value: i64) -> String;
}

/// The customer warning's messages in English, as in the catalogue.
pub struct English<'a> {
    pub brand: &'a str,
}

impl Words for English<'_> {
    fn t(&self, id: &str) -> String {
        let brand = self.brand;
        match id {
            "warning-subject" => format!("Warning: messages pretending to be {brand} are a scam"),
            "warning-intro" => format!(
                "Messages that claim to come from {brand} and come from, or link to, the addresses and numbers below are a scam. They are not from us."
            ),
            "warning-if-you-receive" => "If you receive one:".into(),
            "warning-no-links" => "never click on its links or open its attachments;".into(),
            "warning-no-payment" => {
                "never pay, and never give a password, a code or your card details;".into()
            }
            "warning-paid" => {
                "If you have already paid or shared details, contact your bank straight away."
                    .into()
            }
            "email-ack-greeting" => "Hello,".into(),
            "email-ack-signoff" => format!("The {brand} customer protection team"),
            _ => id.into(),
        }
    }

    fn s(&self, id: &str, _name: &str, value: &str) -> String {
        match id {
            "warning-report" => format!("report it to us at {value}, then delete it."),
            "warning-reference" => format!("Reference: {value}"),
            _ => id.into(),
        }
    }

    fn n(&self, id: &str, _name: &str, value: i64) -> String {
        match (id, value) {
            ("warning-more", 1) => "and one more".into(),
            ("warning-more", n) => format!("and {n} more"),
            _ => id.into(),
        }
    }
}

/// A warning to customers in the language of `words`: which addresses, numbers and sites are
/// the scam's (defanged, most reported first), what to do, and whom to tell.
pub fn customer_warning(input: &NoticeInput, words: &dyn Words) -> Notice {
    let action = clean(input.action_reference, REFERENCE_CHARS);
    let mut b = Body::default();
    b.line(clean(&words.t("email-ack-greeting"), FIELD_CHARS));
    b.blank();
    b.line(clean(&words.t("warning-intro"), 1_000));
    let senders = listed(input, |kind, _| {
        matches!(
            kind,
            IndicatorKind::Email
                | IndicatorKind::Phone
                | IndicatorKind::Domain
                | IndicatorKind::Url
        )
    });
    for item in senders.iter().take(MAX_LISTED) {
        b.line(format!("  - {item}"));
    }
    if senders.len() > MAX_LISTED {
        let more = i64::try_from(senders.len() - MAX_LISTED).unwrap_or(i64::MAX);
        b.line(format!(
            "  {}",
            clean(&words.n("warning-more", "count", more), FIELD_CHARS)
        ));
    }
    b.blank();
    b.line(clean(&words.t("warning-if-you-receive"), FIELD_CHARS));
    for item in [
        words.t("warning-no-links"),
        words.t("warning-no-payment"),
        words.s(
            "warning-report",
            "address",
            &clean(input.reply_to, FIELD_CHARS),
        ),
    ] {
        b.line(format!("  - {}", clean(&item, 500)));
    }
    b.line(clean(&words.t("warning-paid"), 500));
    b.note(None, input.note);
    b.blank();
    b.line(clean(
        &words.s("warning-reference", "reference", &action),
        FIELD_CHARS,
    ));
    b.line(clean(&words.t("email-ack-signoff"), FIELD_CHARS));
    Notice {
        subject: clean(
            &format!("[{action}] {}", clean(&words.t("warning-subject"), 250)),
            300,
        ),
        body: b.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2024-03-05 14:07 UTC
    const T: i64 = 1_709_647_629_250;
    const DAY: i64 = 86_400_000;

    fn figures() -> Figures {
        Figures {
            reports: 12,
            distinct_victims: 9,
            victims_with_loss: 3,
            losses: vec![("EUR".into(), 123_450), ("JPY".into(), 50_000)],
            countries: vec![("FR".into(), 8), ("BE".into(), 4)],
            channels: vec![("sms".into(), 10), ("email".into(), 2)],
            first_report: Some(T),
            last_report: Some(T + DAY),
        }
    }

    fn indicators() -> Vec<(IndicatorKind, String, i64)> {
        vec![
            (IndicatorKind::Domain, "examp1e-shop.com".into(), 9),
            (IndicatorKind::Url, "https://examp1e-shop.com/pay".into(), 7),
            (
                IndicatorKind::Url,
                "https://login.examp1e-shop.com/".into(),
                2,
            ),
            (IndicatorKind::Url, "https://bit.ly/abc".into(), 3),
            (
                IndicatorKind::Url,
                "https://notexamp1e-shop.com/x".into(),
                3,
            ),
            (IndicatorKind::Phone, "+33612345678".into(), 6),
            (IndicatorKind::Phone, "+33698765432".into(), 1),
            (IndicatorKind::Email, "help@examp1e-shop.com".into(), 2),
        ]
    }

    fn compose_with(kind: NoticeKind, target: &str, note: &str) -> Notice {
        let f = figures();
        let i = indicators();
        compose(&NoticeInput {
            kind,
            producer: "Example Shop",
            reply_to: "abuse@example.com",
            case_reference: "CASE-12",
            action_reference: "ACT-7",
            target,
            recipient_name: "",
            figures: &f,
            indicators: &i,
            first_seen: Some(T),
            last_seen: Some(T + DAY),
            note,
        })
    }

    fn check(notice: &Notice, subject: &str, facts: &[&str], absent: &[&str]) {
        assert_eq!(notice.subject, subject);
        for fact in facts {
            assert!(
                notice.body.contains(fact),
                "missing {fact:?} in\n{}",
                notice.body
            );
        }
        for a in absent {
            assert!(
                !notice.body.contains(a),
                "unexpected {a:?} in\n{}",
                notice.body
            );
        }
    }

    #[test]
    fn a_takedown_request_reads_like_an_abuse_notice() {
        let n = compose_with(
            NoticeKind::Takedown,
            "examp1e-shop.com",
            "The login page copies ours.",
        );
        check(
            &n,
            "[ACT-7] Takedown request: examp1e-shop[.]com",
            &[
                "Dear abuse team,",
                "abuse of the domain examp1e-shop[.]com.",
                "impersonate Example Shop in phishing and scam messages",
                "- Reports received: 12 reports from 9 distinct people",
                "- First seen: 2024-03-05 14:07 UTC",
                "- Last seen: 2024-03-06 14:07 UTC",
                "  - hxxps://examp1e-shop[.]com/pay\n",
                "  - hxxps://login[.]examp1e-shop[.]com/\n",
                "Please suspend this domain",
                "  The login page copies ours.",
                "Please quote ACT-7 (our case CASE-12) in any reply and write to abuse@example.com.",
                "Example Shop\n",
            ],
            &["bit[.]ly", "notexamp1e", "examp1e-shop.com", "https://"],
        );
    }

    #[test]
    fn a_takedown_lists_at_most_fifty_urls() {
        let f = figures();
        let urls: Vec<(IndicatorKind, String, i64)> = (0..60)
            .map(|n| (IndicatorKind::Url, format!("http://evil.example/{n}"), 1))
            .collect();
        let n = compose(&NoticeInput {
            kind: NoticeKind::Takedown,
            producer: "Example Shop",
            reply_to: "abuse@example.com",
            case_reference: "CASE-12",
            action_reference: "ACT-7",
            target: "evil.example",
            recipient_name: "Registrar Inc.",
            figures: &f,
            indicators: &urls,
            first_seen: None,
            last_seen: None,
            note: "",
        });
        assert_eq!(n.body.matches("  - hxxp://evil[.]example/").count(), 50);
        assert!(n.body.contains("  and 10 more\n"));
        assert!(n.body.starts_with("Dear Registrar Inc.,\n"));
        assert!(!n.body.contains("First seen") && !n.body.contains("investigator"));
    }

    #[test]
    fn a_carrier_report_asks_to_act_on_the_number() {
        let n = compose_with(NoticeKind::CarrierReport, "+33612345678", "");
        check(
            &n,
            "[ACT-7] Scam calls and SMS from +33612345678",
            &[
                "Dear fraud team,",
                "report the telephone number +33612345678.",
                "scam calls and text messages (SMS) that impersonate Example Shop",
                "- Reports received: 12 reports from 9 distinct people",
                "- First seen: 2024-03-05 14:07 UTC",
                "  - +33698765432\n",
                "suspend or block it",
                "Please quote ACT-7 (our case CASE-12)",
            ],
            &["  - +33612345678", "investigator"],
        );
    }

    #[test]
    fn a_referral_summarises_the_case() {
        let n = compose_with(
            NoticeKind::LawEnforcementReferral,
            "Cybercrime Unit",
            "Two victims are elderly.",
        );
        check(
            &n,
            "[ACT-7] Referral of case CASE-12: scam impersonating Example Shop",
            &[
                "case CASE-12: a scam in which criminals impersonate Example Shop.",
                "- Reports received: 12 reports from 9 distinct people",
                "- Victims who stated a loss: 3",
                "  - EUR 1,234.50\n",
                "  - JPY 50,000\n",
                "- Victims' countries (reports): FR (8), BE (4)",
                "- Channels (reports): sms (10), email (2)",
                "- Last seen: 2024-03-06 14:07 UTC",
                "  - domain examp1e-shop[.]com (9 reports)\n",
                "  - phone +33612345678 (6 reports)\n",
                "  - email help[@]examp1e-shop[.]com (2 reports)\n",
                "evidence package is available",
                "  Two victims are elderly.",
            ],
            &["examp1e-shop.com", "https://"],
        );
    }

    #[test]
    fn a_customer_warning_is_short_and_says_what_to_do() {
        let n = compose_with(NoticeKind::CustomerWarning, "Jane Doe", "");
        check(
            &n,
            "[ACT-7] Warning: messages pretending to be Example Shop are a scam",
            &[
                "claim to come from Example Shop",
                "  - examp1e-shop[.]com\n",
                "  - +33612345678\n",
                "  - help[@]examp1e-shop[.]com\n",
                "never click",
                "never pay",
                "report it to us at abuse@example.com",
                "Reference: ACT-7",
            ],
            &["examp1e-shop.com", "Reports received", "CASE-12"],
        );
        assert!(n.body.lines().count() < 30, "{}", n.body);
    }

    /// Messages by id with their values, to see which the warning asks for and where they go.
    struct Ids;

    impl Words for Ids {
        fn t(&self, id: &str) -> String {
            format!("<{id}>")
        }
        fn s(&self, id: &str, name: &str, value: &str) -> String {
            format!("<{id} {name}={value}>")
        }
        fn n(&self, id: &str, name: &str, value: i64) -> String {
            format!("<{id} {name}={value}>")
        }
    }

    #[test]
    fn a_customer_warning_is_all_in_the_language_of_its_words() {
        let f = figures();
        let many: Vec<(IndicatorKind, String, i64)> = (0..MAX_LISTED + 3)
            .map(|i| (IndicatorKind::Domain, format!("scam{i}.top"), 1))
            .collect();
        let input = NoticeInput {
            kind: NoticeKind::CustomerWarning,
            producer: "Example Shop",
            reply_to: "report@example.com\r\nBcc: x@y",
            case_reference: "CASE-12",
            action_reference: "ACT-7",
            target: "",
            recipient_name: "Jane Doe",
            figures: &f,
            indicators: &many,
            first_seen: None,
            last_seen: None,
            note: "",
        };
        let n = customer_warning(&input, &Ids);
        assert_eq!(n.subject, "[ACT-7] <warning-subject>");
        let lines: Vec<&str> = n.body.lines().collect();
        assert_eq!(lines[..3], ["<email-ack-greeting>", "", "<warning-intro>"]);
        assert_eq!(lines[3], "  - scam0[.]top");
        assert_eq!(lines[3 + MAX_LISTED], "  <warning-more count=3>");
        assert_eq!(
            lines[4 + MAX_LISTED..],
            [
                "",
                "<warning-if-you-receive>",
                "  - <warning-no-links>",
                "  - <warning-no-payment>",
                "  - <warning-report address=report@example.com  Bcc: x@y>",
                "<warning-paid>",
                "",
                "<warning-reference reference=ACT-7>",
                "<email-ack-signoff>",
            ]
        );
        // The English words are the catalogue's: one more is said in words.
        let english = customer_warning(
            &NoticeInput {
                indicators: &many[..MAX_LISTED + 1],
                ..input
            },
            &English {
                brand: "Example Shop",
            },
        );
        assert!(
            english.body.contains("\n  and one more\n"),
            "{}",
            english.body
        );
        assert!(
            english
                .body
                .ends_with("The Example Shop customer protection team\n")
        );
    }

    #[test]
    fn a_target_cannot_add_a_header() {
        for kind in [
            NoticeKind::Takedown,
            NoticeKind::CarrierReport,
            NoticeKind::LawEnforcementReferral,
            NoticeKind::CustomerWarning,
        ] {
            let n = compose_with(
                kind,
                "evil.com\r\nBcc: x@y",
                "ok\r\nBcc: z@w\n\u{202E}gnp.exe",
            );
            assert!(!n.subject.contains(['\r', '\n']), "{:?}", n.subject);
            assert!(!n.body.contains('\r') && !n.body.contains('\u{202E}'));
            for line in n.body.lines() {
                assert!(!line.starts_with("Bcc:"), "{kind:?}: {line:?}");
            }
        }
        let n = compose_with(NoticeKind::Takedown, "evil.com\r\nBcc: x@y", "");
        assert_eq!(
            n.subject,
            "[ACT-7] Takedown request: evil[.]com  Bcc: x[@]y"
        );
    }

    #[test]
    fn long_targets_are_cut_in_the_subject() {
        let target = format!("{}.com", "a".repeat(1_000));
        let n = compose_with(NoticeKind::Takedown, &target, "");
        assert!(n.subject.chars().count() < 140, "{}", n.subject);
        assert!(n.subject.ends_with('…'));
    }

    #[test]
    fn url_hosts_are_matched_on_the_domain() {
        fn check(url: &str, domain: &str, expected: bool) {
            assert_eq!(on_domain(url, domain), expected, "{url} on {domain}");
        }
        check("https://a.com/x", "a.com", true);
        check("https://WWW.A.COM:8443/x", "a.com", true);
        check("https://user@a.com/", "a.com", true);
        check("https://a.com.evil.net/", "a.com", false);
        check("https://evila.com/", "a.com", false);
        check("https://x.net/?u=a.com", "a.com", false);
        check("a.com/path", "a.com", true);
        check("https://a.com/", "", false);
        check("http://[2001:db8::1]:80/", "[2001:db8::1]", true);
    }
}
