//! Authentication-Results (RFC 8601) read into SPF, DKIM and DMARC outcomes: what the receiving
//! server concluded about the sender. ARC-Authentication-Results stand in when a message has no
//! Authentication-Results of its own.

use crate::report::{AuthOutcome, AuthResult, Authentication};

/// The topmost Authentication-Results header with a result in it wins: it was added by the server
/// closest to the recipient, and anything below it may have been written by the sender. Without
/// one, the ARC set with the lowest instance (the first server that checked) is used.
pub(crate) fn from_headers(results: &[String], arc: &[String]) -> Authentication {
    if let Some(found) = results
        .iter()
        .map(|h| parse(h, false).1)
        .find(has_any_result)
    {
        return found;
    }
    arc.iter()
        .map(|h| parse(h, true))
        .filter(|(_, a)| has_any_result(a))
        .min_by_key(|(instance, _)| instance.unwrap_or(u32::MAX))
        .map(|(_, a)| a)
        .unwrap_or_default()
}

fn has_any_result(auth: &Authentication) -> bool {
    auth.spf.is_some() || auth.dkim.is_some() || auth.dmarc.is_some()
}

/// Parses one header value; with `arc`, an `i=N;` instance tag comes first.
fn parse(value: &str, arc: bool) -> (Option<u32>, Authentication) {
    let cleaned = strip_comments(value);
    let mut segments = split_outside_quotes(&cleaned, ';').into_iter();
    let mut instance = None;
    let mut auth = Authentication::default();
    let mut first = segments.next();
    if arc
        && let Some(i) = first
            .as_deref()
            .map(str::trim)
            .and_then(|s| s.strip_prefix("i="))
    {
        instance = i.trim().parse().ok();
        first = segments.next();
    }
    auth.authserv_id = first
        .as_deref()
        .and_then(|s| s.split_whitespace().next())
        .map(str::to_owned);
    for segment in segments {
        let pairs = pairs(&segment);
        let Some((method, result)) = pairs.first() else {
            continue;
        };
        let method = method.split('/').next().unwrap_or("").to_ascii_lowercase();
        let property = |name: &str| {
            pairs
                .iter()
                .skip(1)
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim_matches('"').to_owned())
                .filter(|v| !v.is_empty())
        };
        let outcome = |detail: Option<String>| AuthOutcome {
            result: result_of(result),
            detail,
        };
        match method.as_str() {
            "spf" if auth.spf.is_none() => {
                let detail = property("smtp.mailfrom")
                    .map(|v| domain_of(&v))
                    .or_else(|| property("smtp.helo"));
                auth.spf = Some(outcome(detail));
            }
            "dkim" if auth.dkim.is_none() => {
                let detail =
                    property("header.d").or_else(|| property("header.i").map(|v| domain_of(&v)));
                auth.dkim = Some(outcome(detail));
            }
            "dmarc" if auth.dmarc.is_none() => {
                auth.dmarc = Some(outcome(property("header.from")));
            }
            _ => {}
        }
    }
    (instance, auth)
}

fn result_of(value: &str) -> AuthResult {
    match value.trim_matches('"').to_ascii_lowercase().as_str() {
        "pass" => AuthResult::Pass,
        "fail" | "hardfail" => AuthResult::Fail,
        "softfail" => AuthResult::Softfail,
        "neutral" => AuthResult::Neutral,
        "none" => AuthResult::None,
        "temperror" => AuthResult::Temperror,
        "permerror" => AuthResult::Permerror,
        "policy" => AuthResult::Policy,
        _ => AuthResult::Other,
    }
}

fn domain_of(value: &str) -> String {
    value.rsplit_once('@').map_or(value, |(_, d)| d).to_owned()
}

/// `key=value` pairs of one result, spaces around `=` tolerated, quoted values kept whole.
fn pairs(segment: &str) -> Vec<(String, String)> {
    // Glue "a = b" into "a=b" so that splitting on whitespace keeps pairs together.
    let mut glued = String::with_capacity(segment.len());
    let mut in_quotes = false;
    let mut chars = segment.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if !in_quotes && c.is_whitespace() {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            if glued.ends_with('=') || chars.peek() == Some(&'=') {
                continue;
            }
        }
        glued.push(c);
    }
    split_outside_quotes(&glued, ' ')
        .into_iter()
        .filter_map(|token| {
            let (k, v) = token.split_once('=')?;
            Some((k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect()
}

/// Removes `(comments)`, which may nest, outside quoted strings.
fn strip_comments(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut depth = 0usize;
    let mut in_quotes = false;
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                if depth == 0 {
                    out.push(c);
                }
            }
            '"' if depth == 0 => {
                in_quotes = !in_quotes;
                out.push(c);
            }
            '(' if !in_quotes => depth += 1,
            ')' if !in_quotes && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(' ');
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn split_outside_quotes(value: &str, separator: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    for c in value.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if c == separator && !in_quotes {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(result: AuthResult, detail: Option<&str>) -> Option<AuthOutcome> {
        Some(AuthOutcome {
            result,
            detail: detail.map(str::to_owned),
        })
    }

    #[test]
    fn typical_headers() {
        let cases: &[(&str, Authentication)] = &[
            (
                "mx.google.com; spf=fail (google.com: domain of bounce@examp1e-shop.com does not designate 203.0.113.7 as permitted sender) smtp.mailfrom=bounce@examp1e-shop.com; dkim=none; dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=examp1e-shop.com",
                Authentication {
                    authserv_id: Some("mx.google.com".into()),
                    spf: outcome(AuthResult::Fail, Some("examp1e-shop.com")),
                    dkim: outcome(AuthResult::None, None),
                    dmarc: outcome(AuthResult::Fail, Some("examp1e-shop.com")),
                },
            ),
            (
                "mx.example.org 1; dkim = pass header.d=sendgrid.net header.s=s1 header.b=abc; dkim=fail header.d=example-shop.com; spf=softfail smtp.helo=mail.examp1e-shop.com",
                Authentication {
                    authserv_id: Some("mx.example.org".into()),
                    spf: outcome(AuthResult::Softfail, Some("mail.examp1e-shop.com")),
                    dkim: outcome(AuthResult::Pass, Some("sendgrid.net")),
                    dmarc: None,
                },
            ),
            (
                "spamtrap.example; dmarc=permerror reason=\"bad; record\" header.from=x.test; spf=hardfail smtp.mailfrom=x.test; dkim=weird header.i=@y.test",
                Authentication {
                    authserv_id: Some("spamtrap.example".into()),
                    spf: outcome(AuthResult::Fail, Some("x.test")),
                    dkim: outcome(AuthResult::Other, Some("y.test")),
                    dmarc: outcome(AuthResult::Permerror, Some("x.test")),
                },
            ),
            (
                "mx.example.org; none",
                Authentication {
                    authserv_id: Some("mx.example.org".into()),
                    ..Authentication::default()
                },
            ),
        ];
        for (header, expected) in cases {
            assert_eq!(&parse(header, false).1, expected, "{header}");
        }
    }

    #[test]
    fn the_topmost_header_with_results_wins_and_arc_is_the_fallback() {
        let top = "mx.example.org; spf=fail smtp.mailfrom=a.test".to_string();
        let forged = "mx.example.org; spf=pass smtp.mailfrom=a.test".to_string();
        let auth = from_headers(&["mx.example.org; none".into(), top, forged], &[]);
        assert_eq!(auth.spf.map(|o| o.result), Some(AuthResult::Fail));

        let arc = [
            "i=2; relay.example; spf=pass smtp.mailfrom=list.test".to_string(),
            "i=1; mx.origin.example; spf=fail smtp.mailfrom=a.test; dmarc=fail header.from=a.test"
                .to_string(),
        ];
        let auth = from_headers(&[], &arc);
        assert_eq!(auth.authserv_id.as_deref(), Some("mx.origin.example"));
        assert_eq!(auth.spf.map(|o| o.result), Some(AuthResult::Fail));
        assert_eq!(auth.dmarc.map(|o| o.result), Some(AuthResult::Fail));
    }

    #[test]
    fn garbage_does_not_panic() {
        for header in [
            "",
            ";;;",
            "((((",
            "\"unterminated; spf=pass",
            "a; =; spf=",
            "x; spf",
        ] {
            let _ = from_headers(&[header.to_string()], &[header.to_string()]);
        }
    }
}
