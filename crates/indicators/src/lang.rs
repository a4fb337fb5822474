//! The language a report is written in, so that it can be routed to people who read it and so that
//! campaigns can be told apart by language.

use serde::Serialize;
use whatlang::Lang;

/// Only this many bytes from the start of a text are examined: language does not change halfway
/// through a scam message, and the work stays bounded whatever the sender pastes.
pub const MAX_LANG_INPUT: usize = 4096;

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-1 code such as `en`, `fr`, `ja`, `zh`.
    pub code: &'static str,
    /// 0.0 to 1.0.
    pub confidence: f64,
    /// Whether the detector considers the answer trustworthy (enough text, a clear winner).
    pub reliable: bool,
}

/// The language of `text`, judged on its first [`MAX_LANG_INPUT`] bytes with URLs, e-mail
/// addresses, host names and numbers left out (they are the same in every language and would only
/// pull the answer towards English).
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(MAX_LANG_INPUT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let words = without_noise(&text[..end]);
    let info = whatlang::detect(&words)?;
    Some(Language {
        code: iso639_1(info.lang()),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// The words of `text` that carry language: tokens with digits, `@`, `/`, `:` or an inner dot
/// (URLs, e-mail addresses, host names, phone numbers, prices) are dropped.
fn without_noise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for token in text.split_whitespace() {
        let inner = token.trim_end_matches(['.', ',', ';', '!', '?']);
        let noisy = inner
            .bytes()
            .any(|c| c.is_ascii_digit() || matches!(c, b'@' | b'/' | b':' | b'.' | b'[' | b'('));
        if !noisy {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(token);
        }
    }
    out
}

fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(detect(text).map(|l| l.code), expected, "{text:?}");
    }

    #[test]
    fn detects_languages() {
        check(
            "Your parcel could not be delivered. Please confirm your address and pay the fee today.",
            Some("en"),
        );
        check(
            "Votre colis n'a pas pu être livré. Veuillez confirmer votre adresse et payer les frais.",
            Some("fr"),
        );
        check(
            "Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse noch heute.",
            Some("de"),
        );
        check(
            "Ваша посылка не может быть доставлена. Пожалуйста, подтвердите ваш адрес сегодня.",
            Some("ru"),
        );
        check(
            "お荷物をお届けできませんでした。住所を確認してください。",
            Some("ja"),
        );
        check(
            "لم نتمكن من توصيل طردك. يرجى تأكيد عنوانك ودفع الرسوم اليوم.",
            Some("ar"),
        );
        check("", None);
        check("https://example.com 12345 +44 20 7946 0958", None);
    }

    #[test]
    fn ignores_urls_and_numbers() {
        let text = "Ваша посылка не может быть доставлена https://www.example-delivery.com/track?id=1 \
                    support@example.com www.example-delivery.com +44 20 7946 0958 \
                    Пожалуйста, подтвердите ваш адрес сегодня.";
        check(text, Some("ru"));
        assert_eq!(
            without_noise(
                "see https://x.com/a, mail a@b.com, call +44 20 7946 0958 or visit x.com."
            ),
            "see mail call or visit"
        );
    }

    #[test]
    fn looks_at_a_bounded_prefix() {
        let text = format!(
            "{}{}",
            "Bonjour, votre colis est arrivé. ".repeat(200),
            "ü".repeat(10_000)
        );
        let lang = detect(&text);
        assert_eq!(lang.map(|l| l.code), Some("fr"));
    }
}
