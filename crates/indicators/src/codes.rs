//! ISO code lists the intake checks against: countries (ISO 3166-1 alpha-2) and currencies
//! (ISO 4217, with the number of minor-unit digits each uses).

/// Officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo, in common use).
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN \
BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ \
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM \
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK \
LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG \
NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG \
SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM \
US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// Active ISO 4217 currencies and their minor-unit digits (2 unless listed otherwise below).
const CURRENCIES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL \
BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP \
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW \
KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO \
NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD \
SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG \
XOF XPF YER ZAR ZMW ZWG";

const ZERO_DIGITS: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV",
    "XAF", "XOF", "XPF",
];
const THREE_DIGITS: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// The upper-case country code when `code` (any case) is an ISO 3166-1 alpha-2 code.
pub fn country(code: &str) -> Option<String> {
    let upper = code.trim().to_ascii_uppercase();
    (upper.len() == 2 && COUNTRIES.split_ascii_whitespace().any(|c| c == upper)).then_some(upper)
}

/// The upper-case currency code and its minor-unit digits when `code` is an ISO 4217 code.
pub fn currency(code: &str) -> Option<(String, u32)> {
    let upper = code.trim().to_ascii_uppercase();
    if upper.len() != 3 || !CURRENCIES.split_ascii_whitespace().any(|c| c == upper) {
        return None;
    }
    let digits = if ZERO_DIGITS.contains(&upper.as_str()) {
        0
    } else if THREE_DIGITS.contains(&upper.as_str()) {
        3
    } else {
        2
    };
    Some((upper, digits))
}

/// Largest amount accepted, in major units: far above any real loss, far below i64 overflow.
pub const MAX_MAJOR_AMOUNT: i64 = 1_000_000_000_000;

/// Parses a decimal amount ("49.99", "1200") into minor units of a currency with `digits`
/// minor digits. Negative, zero, non-decimal, over-precise or absurd amounts are refused.
pub fn minor_units(amount: &str, digits: u32) -> Result<i64, String> {
    let a = amount.trim();
    if a.is_empty() || a.len() > 32 {
        return Err("amount must be a decimal number such as 49.99".into());
    }
    let (int, frac) = match a.split_once('.') {
        Some((i, f)) => (i, f),
        None => (a, ""),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err("amount must be a positive decimal number such as 49.99".into());
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > digits as usize {
        return Err(format!(
            "amount has more than {digits} decimal places for this currency"
        ));
    }
    let major: i64 = int.parse().map_err(|_| "amount is too large".to_string())?;
    if major > MAX_MAJOR_AMOUNT {
        return Err("amount is too large".into());
    }
    let scale = 10_i64.pow(digits);
    let mut minor_frac: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse()
            .map_err(|_| "amount is not a number".to_string())?
    };
    for _ in frac.len()..digits as usize {
        minor_frac *= 10;
    }
    let minor = major * scale + minor_frac;
    if minor <= 0 {
        return Err("amount must be greater than zero".into());
    }
    Ok(minor)
}

/// Formats minor units back as a decimal string ("49.99").
pub fn major_string(minor: i64, digits: u32) -> String {
    if digits == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    let s = scale.unsigned_abs();
    format!("{sign}{}.{:0width$}", m / s, m % s, width = digits as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_currencies() {
        assert_eq!(country("gb").as_deref(), Some("GB"));
        assert_eq!(country("UK"), None);
        assert_eq!(country("GBR"), None);
        assert_eq!(currency("eur"), Some(("EUR".into(), 2)));
        assert_eq!(currency("JPY"), Some(("JPY".into(), 0)));
        assert_eq!(currency("KWD"), Some(("KWD".into(), 3)));
        assert_eq!(currency("XYZ"), None);
        assert_eq!(COUNTRIES.split_ascii_whitespace().count(), 250);
    }

    #[test]
    fn amounts() {
        let check = |a: &str, d: u32, want: Result<i64, ()>| {
            assert_eq!(
                minor_units(a, d).map_err(|_| ()),
                want,
                "{a} with {d} digits"
            );
        };
        check("49.99", 2, Ok(4999));
        check("49.9", 2, Ok(4990));
        check("49", 2, Ok(4900));
        check("49.990", 2, Ok(4999));
        check("1200", 0, Ok(1200));
        check("1200.5", 0, Err(()));
        check("1.234", 3, Ok(1234));
        check("0", 2, Err(()));
        check("-5", 2, Err(()));
        check("1e5", 2, Err(()));
        check("", 2, Err(()));
        check(".5", 2, Err(()));
        check("99999999999999999999", 2, Err(()));
        check("1000000000001", 2, Err(()));
        assert_eq!(major_string(4999, 2), "49.99");
        assert_eq!(major_string(1200, 0), "1200");
        assert_eq!(major_string(5, 3), "0.005");
    }
}

/// An amount as a person types it in their language ("49,99", "1.234,56", "1 234,56",
/// "1'234.50", "٤٩٫٩٩", "４９.９９") as the plain "1234.56" that [`minor_units`] reads.
/// `comma_decimal` says whether the person's language writes the decimal separator as a comma,
/// which settles the only ambiguous shape: one separator followed by exactly three digits.
pub fn normalise_amount(typed: &str, comma_decimal: bool) -> String {
    let mut s = String::with_capacity(typed.len());
    for c in typed.trim().chars() {
        match c {
            // Grouping marks: spaces of every width and the Swiss apostrophe.
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}' | '\u{66c}' => {}
            '\u{66b}' => s.push('.'),
            '\u{ff0c}' | '\u{3001}' => s.push(','),
            '\u{ff0e}' => s.push('.'),
            c => match c.to_digit(10).or_else(|| unicode_digit(c)) {
                Some(d) => s.push(char::from(b'0' + d as u8)),
                None => s.push(c),
            },
        }
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (None, None) => None,
        (Some(p), None) | (None, Some(p)) => {
            let sep = if last_dot.is_some() { '.' } else { ',' };
            let digits_after = s.len() - p - 1;
            let several = s.matches(sep).count() > 1;
            if several {
                // "1.234.567" or "1,234,567": grouping only.
                None
            } else if digits_after == 3 {
                // "1,234" / "1.234": the language decides.
                let sep_is_decimal = (sep == ',') == comma_decimal;
                sep_is_decimal.then_some(sep)
            } else {
                Some(sep)
            }
        }
    };
    s.chars()
        .filter_map(|c| match c {
            '.' | ',' if Some(c) == decimal => Some('.'),
            '.' | ',' => None,
            c => Some(c),
        })
        .collect()
}

/// Decimal digits of the scripts the portal's languages write numbers in.
fn unicode_digit(c: char) -> Option<u32> {
    let zeros = [
        '\u{660}',  // Arabic-Indic
        '\u{6f0}',  // Extended Arabic-Indic (Persian, Urdu)
        '\u{966}',  // Devanagari
        '\u{9e6}',  // Bengali
        '\u{e50}',  // Thai
        '\u{ff10}', // Fullwidth
    ];
    zeros.iter().find_map(|z| {
        let d = (c as u32).checked_sub(*z as u32)?;
        (d < 10).then_some(d)
    })
}

#[cfg(test)]
mod amount_tests {
    use super::normalise_amount;

    fn check(typed: &str, comma_decimal: bool, expected: &str) {
        assert_eq!(normalise_amount(typed, comma_decimal), expected, "{typed}");
    }

    #[test]
    fn reads_amounts_as_people_write_them() {
        check("49.99", false, "49.99");
        check("49,99", true, "49.99");
        check("49,99", false, "49.99");
        check("1.234,56", true, "1234.56");
        check("1,234.56", false, "1234.56");
        check("1 234,56", true, "1234.56");
        check("1\u{202f}234,56", true, "1234.56");
        check("1'234.50", false, "1234.50");
        check("1,234", false, "1234");
        check("1,234", true, "1.234");
        check("1.234", true, "1234");
        check("1.234.567", true, "1234567");
        check("٤٩٫٩٩", false, "49.99");
        check("４９．９９", false, "49.99");
        check("४९.९९", false, "49.99");
        check("1200", true, "1200");
        check("abc", true, "abc");
    }
}
