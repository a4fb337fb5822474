//! Just enough refanging to read a host out of a URL that a report wrote defanged
//! (`hxxps://amazon-login[.]com`). The full refanger belongs to extraction; brand checks get URLs
//! that were already extracted, so they only undo the common spellings.

/// Defanged spellings and what they stand for; matched ignoring ASCII case.
const DEFANGED: &[(&str, &str)] = &[
    ("hxxps", "https"),
    ("hxxp", "http"),
    ("[://]", "://"),
    ("[.]", "."),
    ("(.)", "."),
    ("{.}", "."),
    ("[dot]", "."),
    ("(dot)", "."),
    ("{dot}", "."),
    ("[:]", ":"),
];

/// `text` with every defanged spelling replaced.
pub(super) fn refang(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let hit = DEFANGED.iter().find(|(from, _)| {
            bytes
                .get(i..i + from.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(from.as_bytes()))
        });
        match hit {
            // Every spelling starts and ends with an ASCII byte, so `copied` and `i` are always
            // on character boundaries.
            Some((from, to)) => {
                out.push_str(text.get(copied..i).unwrap_or(""));
                out.push_str(to);
                i += from.len();
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undoes_common_defanging() {
        for (input, expected) in [
            ("hxxps://amazon-login[.]com/x", "https://amazon-login.com/x"),
            ("HXXP://paypal(.)com", "http://paypal.com"),
            ("hxxp[://]a{.}b[dot]c", "http://a.b.c"),
            ("https://a[.]b[:]8080/", "https://a.b:8080/"),
            ("аmazon[.]com", "аmazon.com"),
            ("plain.example", "plain.example"),
            ("", ""),
        ] {
            assert_eq!(refang(input), expected, "{input:?}");
        }
    }
}
