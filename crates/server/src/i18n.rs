//! The portal's 22 languages: which one a request gets (the `lang` query, then the remembered
//! cookie, then Accept-Language), and the Fluent catalogues of `locales/` compiled in.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

use crate::problem::{Arg, Message};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
    };
}

/// One language of the portal.
#[derive(Debug)]
pub struct Language {
    /// The BCP 47 tag, also the folder under `locales/`.
    pub tag: &'static str,
    /// The language's name in itself, as the language menu shows it.
    pub name: &'static str,
    pub rtl: bool,
}

/// The languages the portal speaks, English first (the fallback).
pub const LANGUAGES: [Language; 22] = [
    lang("en", "English", false),
    lang("fr", "Français", false),
    lang("de", "Deutsch", false),
    lang("es", "Español", false),
    lang("it", "Italiano", false),
    lang("pt", "Português", false),
    lang("nl", "Nederlands", false),
    lang("pl", "Polski", false),
    lang("sv", "Svenska", false),
    lang("tr", "Türkçe", false),
    lang("ar", "العربية", true),
    lang("he", "עברית", true),
    lang("hi", "हिन्दी", false),
    lang("bn", "বাংলা", false),
    lang("ja", "日本語", false),
    lang("ko", "한국어", false),
    lang("zh-CN", "简体中文", false),
    lang("vi", "Tiếng Việt", false),
    lang("th", "ไทย", false),
    lang("id", "Bahasa Indonesia", false),
    lang("uk", "Українська", false),
    lang("ru", "Русский", false),
];

const fn lang(tag: &'static str, name: &'static str, rtl: bool) -> Language {
    Language { tag, name, rtl }
}

/// The cookie that remembers a chosen language.
pub const COOKIE: &str = "rampart_lang";

/// The portal language for a tag such as `pt-BR`, `zh-Hans`, `iw` or `EN`.
pub fn find(tag: &str) -> Option<&'static Language> {
    let tag = tag.trim();
    if tag.is_empty() || tag.len() > 35 {
        return None;
    }
    if let Some(l) = LANGUAGES.iter().find(|l| l.tag.eq_ignore_ascii_case(tag)) {
        return Some(l);
    }
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let primary = match primary.as_str() {
        // Tags retired from ISO 639 that old systems still send.
        "iw" => "he",
        "in" => "id",
        // Readers of Traditional Chinese read Simplified far better than English.
        "zh" => "zh-CN",
        p => p,
    };
    LANGUAGES.iter().find(|l| l.tag == primary)
}

/// The languages of an Accept-Language header, best first (RFC 9110 quality values).
fn accepted(header: &str) -> Vec<&str> {
    let mut ranked: Vec<(u16, usize, &str)> = header
        .split(',')
        .take(32)
        .enumerate()
        .filter_map(|(n, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .map(|q| (q * 1000.0) as u16)
                })?;
            (q > 0 && tag != "*").then_some((q, n, tag))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, _, t)| t).collect()
}

/// Which language to speak: an explicit choice, the remembered one, the browser's, English.
pub fn negotiate(
    query: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> &'static Language {
    query
        .and_then(find)
        .or_else(|| cookie.and_then(find))
        .or_else(|| {
            accept_language
                .map(accepted)
                .unwrap_or_default()
                .into_iter()
                .find_map(find)
        })
        .unwrap_or(&LANGUAGES[0])
}

/// First-strong isolates that Fluent puts around variables help bidi text on a page; plain text
/// for machines and mail clients (which could take them into a link) is better without them.
pub fn without_isolates(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// Formats the catalogue's messages in one language, with the brand's name at hand.
#[derive(Clone)]
pub struct Tr {
    pub lang: &'static Language,
    id: LanguageIdentifier,
    brand: String,
    /// Whether variables keep the first-strong isolates Fluent puts around them.
    isolate: bool,
}

/// A piece of a message formatted with [`Tr::pieces`]: its own text, or the place of one of the
/// variables that the template fills in itself (with markup such as a link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The message's text (empty for a slot).
    pub text: String,
    /// The name of the variable whose place this is ("" for text).
    pub slot: String,
}

/// The first of the private-use characters that stand for slots while a message is formatted.
const SLOT_BASE: u32 = 0xF_0000;

impl Tr {
    pub fn new(lang: &'static Language, brand: &str) -> Tr {
        let id = lang
            .tag
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default());
        Tr {
            lang,
            id,
            brand: brand.to_string(),
            isolate: true,
        }
    }

    /// The staff console's translator: English (the console's only language; the others fall
    /// back to it), without the isolates around variables. The console is left to right and
    /// its pages are compared as text, so its values are written into sentences as they are,
    /// like before the console spoke through the catalogue (an isolate character inside a value
    /// is dropped too).
    pub fn console() -> Tr {
        Tr {
            isolate: false,
            ..Tr::new(&LANGUAGES[0], "Rampart")
        }
    }

    fn format(&self, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(
            Cow::Borrowed("brand"),
            FluentValue::from(self.brand.clone()),
        );
        for (k, v) in args {
            map.insert(Cow::Owned((*k).to_string()), v.clone());
        }
        let text = LOCALES
            .try_lookup_with_args(&self.id, id, &map)
            .unwrap_or_else(|| {
                tracing::warn!(message_id = id, language = self.lang.tag, "message missing");
                id.to_string()
            });
        if self.isolate {
            text
        } else {
            without_isolates(&text)
        }
    }

    /// A message without variables (but the brand).
    pub fn t(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with one number, such as a count that picks a plural form.
    pub fn n(&self, id: &str, name: &str, value: impl std::borrow::Borrow<i64>) -> String {
        self.format(id, &[(name, FluentValue::from(*value.borrow()))])
    }

    /// A message whose id is made of parts (`channel-` + `sms`), for templates.
    pub fn part(&self, prefix: &str, key: &str, suffix: &str) -> String {
        self.t(&format!("{prefix}{key}{suffix}"))
    }

    /// A message whose id has a key and a number (`advice-gift_card-sign-` + `2`).
    pub fn part2(
        &self,
        prefix: &str,
        key: &str,
        middle: &str,
        n: impl std::fmt::Display,
        suffix: &str,
    ) -> String {
        self.t(&format!("{prefix}{key}{middle}{n}{suffix}"))
    }

    /// A message with one text value.
    pub fn s(&self, id: &str, name: &str, value: &str) -> String {
        self.format(id, &[(name, text(value))])
    }

    /// A message with two text values (owned or borrowed, as a template has them).
    pub fn s2(
        &self,
        id: &str,
        name: &str,
        value: impl AsRef<str>,
        name2: &str,
        value2: impl AsRef<str>,
    ) -> String {
        self.format(id, &[(name, text(value)), (name2, text(value2))])
    }

    /// A message with three text values.
    #[allow(clippy::too_many_arguments)]
    pub fn s3(
        &self,
        id: &str,
        name: &str,
        value: impl AsRef<str>,
        name2: &str,
        value2: impl AsRef<str>,
        name3: &str,
        value3: impl AsRef<str>,
    ) -> String {
        self.format(
            id,
            &[
                (name, text(value)),
                (name2, text(value2)),
                (name3, text(value3)),
            ],
        )
    }

    /// A message with two numbers.
    pub fn n2(
        &self,
        id: &str,
        name: &str,
        value: impl std::borrow::Borrow<i64>,
        name2: &str,
        value2: impl std::borrow::Borrow<i64>,
    ) -> String {
        self.format(
            id,
            &[
                (name, FluentValue::from(*value.borrow())),
                (name2, FluentValue::from(*value2.borrow())),
            ],
        )
    }

    /// A message with any numbers and texts, for code rather than templates.
    pub fn args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, &fluent_args(args))
    }

    /// A message a validation produced.
    pub fn message(&self, m: &Message) -> String {
        self.format(m.id, &fluent_args(&m.args))
    }

    /// A message cut at the variables named in `slots`, for a template that puts markup there
    /// (a link, `<code>`, `<kbd>`): the sentence stays whole in the catalogue, and the
    /// template writes each piece of text escaped and each slot itself.
    pub fn pieces<'b>(&self, id: &str, slots: impl AsRef<[&'b str]>) -> Vec<Piece> {
        self.pieces_with(id, &[], slots.as_ref())
    }

    /// [`Tr::pieces`] of a message that also has a number (which may pick a plural form).
    pub fn pieces_n<'b>(
        &self,
        id: &str,
        name: &str,
        value: impl std::borrow::Borrow<i64>,
        slots: impl AsRef<[&'b str]>,
    ) -> Vec<Piece> {
        self.pieces_with(
            id,
            &[(name, FluentValue::from(*value.borrow()))],
            slots.as_ref(),
        )
    }

    fn pieces_with(
        &self,
        id: &str,
        args: &[(&str, FluentValue<'static>)],
        slots: &[&str],
    ) -> Vec<Piece> {
        let mut all: Vec<(&str, FluentValue<'static>)> = args.to_vec();
        for (i, name) in slots.iter().enumerate() {
            let mark = u32::try_from(i)
                .ok()
                .and_then(|i| char::from_u32(SLOT_BASE + i))
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            all.push((name, FluentValue::from(mark.to_string())));
        }
        let text = self.format(id, &all);
        let mut out = Vec::new();
        let mut current = String::new();
        for c in text.chars() {
            let slot = u32::from(c)
                .checked_sub(SLOT_BASE)
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| slots.get(i));
            match slot {
                Some(name) => {
                    if !current.is_empty() {
                        out.push(Piece {
                            text: std::mem::take(&mut current),
                            slot: String::new(),
                        });
                    }
                    out.push(Piece {
                        text: String::new(),
                        slot: (*name).to_string(),
                    });
                }
                None => current.push(c),
            }
        }
        if !current.is_empty() {
            out.push(Piece {
                text: current,
                slot: String::new(),
            });
        }
        out
    }

    pub fn dir(&self) -> &'static str {
        if self.lang.rtl { "rtl" } else { "ltr" }
    }

    /// A date (Unix milliseconds) as ISO 8601: read the same in every language.
    pub fn date(&self, ms: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
            .map(|t| t.date().to_string())
            .unwrap_or_default()
    }
}

/// Notices to customers in their language, as plain text: without the isolation marks that
/// Fluent puts around values for HTML.
impl rampart_casework::notice::Words for Tr {
    fn t(&self, id: &str) -> String {
        without_isolates(&Tr::t(self, id))
    }

    fn s(&self, id: &str, name: &str, value: &str) -> String {
        without_isolates(&Tr::s(self, id, name, value))
    }

    fn n(&self, id: &str, name: &str, value: i64) -> String {
        without_isolates(&Tr::n(self, id, name, value))
    }
}

fn text(value: impl AsRef<str>) -> FluentValue<'static> {
    FluentValue::from(value.as_ref().to_string())
}

fn fluent_args<'a>(args: &[(&'a str, Arg)]) -> Vec<(&'a str, FluentValue<'static>)> {
    args.iter()
        .map(|(k, v)| {
            let v = match v {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.clone()),
            };
            (*k, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: Option<&str>, cookie: Option<&str>, accept: Option<&str>, expected: &str) {
        assert_eq!(negotiate(query, cookie, accept).tag, expected);
    }

    #[test]
    fn picks_the_language() {
        check(None, None, None, "en");
        check(None, None, Some("fr-CA,fr;q=0.9,en;q=0.8"), "fr");
        check(None, None, Some("en;q=0.5, ja"), "ja");
        check(None, None, Some("zh-TW"), "zh-CN");
        check(None, None, Some("zh-Hans-CN"), "zh-CN");
        check(None, None, Some("pt-BR"), "pt");
        check(None, None, Some("iw"), "he");
        check(None, None, Some("xx, ar;q=0.1"), "ar");
        check(None, None, Some("de;q=0, it"), "it");
        check(None, None, Some("*"), "en");
        check(None, None, Some("garbage;q=abc"), "en");
        check(None, Some("ko"), Some("fr"), "ko");
        check(Some("uk"), Some("ko"), Some("fr"), "uk");
        check(Some("klingon"), Some("ko"), Some("fr"), "ko");
    }

    #[test]
    fn formats_in_each_language_with_plurals() {
        let en = Tr::new(find("en").unwrap(), "Example Shop");
        assert_eq!(
            en.n("error-summary-title", "count", 1),
            "There is one problem with your report"
        );
        assert_eq!(
            en.n("error-summary-title", "count", 3),
            "There are \u{2068}3\u{2069} problems with your report"
        );
        let ar = Tr::new(find("ar").unwrap(), "Example Shop");
        assert_eq!(ar.dir(), "rtl");
        assert_ne!(ar.t("form-submit"), en.t("form-submit"));
        for l in &LANGUAGES {
            let tr = Tr::new(l, "Example Shop");
            assert!(tr.t("site-tagline").contains("Example Shop"), "{}", l.tag);
            assert_ne!(tr.t("form-title"), "form-title", "{}", l.tag);
        }
    }
}
