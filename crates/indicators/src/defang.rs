//! Defanged indicators (`hxxps[:]//evil[.]com`, `bob[at]evil(.)com`): recognising the forms while
//! scanning, and turning them back into what they stand for.
//!
//! Analysts and victims "defang" indicators so that nobody clicks them by accident. Scammers do the
//! same to get past filters. Both must be found and normalised to the live form.

use std::borrow::Cow;

/// Rewrites every defanged form in `s` to the character(s) it stands for: `[.]` `(.)` `{.}` `[dot]`
/// `(dot)` `{dot}` become `.`, `[at]` `(at)` `{at}` `[@]` `(@)` `{@}` become `@`, `[:]` `(:)` `{:}`
/// become `:`, `[://]` `(://)` `{://}` become `://`, and `hxxp` (any case) becomes `http`.
///
/// Idempotent: `refang(&refang(s)) == refang(s)` for every `s`, also for nested forms such as
/// `[[.]]`, because a rewrite that completes another form is rewritten in turn. Linear in the length
/// of `s`.
pub fn refang(s: &str) -> String {
    refang_cow(s).into_owned()
}

/// [`refang`] without a copy when there is nothing to rewrite, which is nearly always.
pub(crate) fn refang_cow(s: &str) -> Cow<'_, str> {
    // Every form holds an opening bracket or an `x`: one pass over the bytes tells most strings
    // apart from those that need rebuilding.
    if !s
        .bytes()
        .any(|c| matches!(c, b'[' | b'(' | b'{' | b'x' | b'X'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        out.push(ch);
        // Every form ends in one of these; checking only then keeps the common case cheap.
        if matches!(ch, ']' | ')' | '}' | 'p' | 'P') {
            // The output never holds a whole form (each is rewritten as soon as its last character
            // arrives), so a new form can only end at the end of the output: rewrite until none does.
            while let Some((len, replacement)) = form_at_end(out.as_bytes()) {
                out.truncate(out.len() - len);
                out.push_str(replacement);
            }
        }
    }
    Cow::Owned(out)
}

/// Defanged forms and what they stand for. Letters match in any case.
const FORMS: [(&[u8], &str); 19] = [
    (b"[.]", "."),
    (b"(.)", "."),
    (b"{.}", "."),
    (b"[dot]", "."),
    (b"(dot)", "."),
    (b"{dot}", "."),
    (b"[at]", "@"),
    (b"(at)", "@"),
    (b"{at}", "@"),
    (b"[@]", "@"),
    (b"(@)", "@"),
    (b"{@}", "@"),
    (b"[:]", ":"),
    (b"(:)", ":"),
    (b"{:}", ":"),
    (b"[://]", "://"),
    (b"(://)", "://"),
    (b"{://}", "://"),
    (b"hxxp", "http"),
];

/// The form that `out` ends with, if any: its length and its replacement.
fn form_at_end(out: &[u8]) -> Option<(usize, &'static str)> {
    FORMS.iter().find_map(|&(form, replacement)| {
        let start = out.len().checked_sub(form.len())?;
        out.get(start..)
            .filter(|tail| tail.eq_ignore_ascii_case(form))
            .map(|_| (form.len(), replacement))
    })
}

/// Length of the dot (`.` or a defanged dot) that starts at `b[i]`, if there is one.
pub(crate) fn dot_len(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'.' => Some(1),
        open @ (b'[' | b'(' | b'{') => {
            let close = closing(open);
            let rest = b.get(i + 1..)?;
            if rest.len() >= 2 && rest[0] == b'.' && rest[1] == close {
                Some(3)
            } else if rest.len() >= 4 && rest[..3].eq_ignore_ascii_case(b"dot") && rest[3] == close
            {
                Some(5)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Length of the at sign (`@` or a defanged one) that starts at `b[i]`, if there is one.
pub(crate) fn at_len(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'@' => Some(1),
        open @ (b'[' | b'(' | b'{') => {
            let close = closing(open);
            let rest = b.get(i + 1..)?;
            if rest.len() >= 2 && rest[0] == b'@' && rest[1] == close {
                Some(3)
            } else if rest.len() >= 3 && rest[..2].eq_ignore_ascii_case(b"at") && rest[2] == close {
                Some(4)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Length of the colon (`:` or `[:]`, `(:)`, `{:}`) that starts at `b[i]`, if there is one.
pub(crate) fn colon_len(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b':' => Some(1),
        open @ (b'[' | b'(' | b'{') => {
            let rest = b.get(i + 1..)?;
            (rest.len() >= 2 && rest[0] == b':' && rest[1] == closing(open)).then_some(3)
        }
        _ => None,
    }
}

/// Length of the separator between a URL's scheme and its authority that starts at `b[i]`:
/// `://`, `[:]//`, `[://]` (and the same with round or curly brackets).
pub(crate) fn scheme_separator_len(b: &[u8], i: usize) -> Option<usize> {
    if let Some(colon) = colon_len(b, i) {
        let slashes = b.get(i + colon..i + colon + 2)?;
        return (slashes == b"//").then_some(colon + 2);
    }
    let open = *b.get(i)?;
    let rest = b.get(i + 1..i + 5)?;
    (matches!(open, b'[' | b'(' | b'{') && rest[..3] == *b"://" && rest[3] == closing(open))
        .then_some(5)
}

/// The scheme a (possibly defanged) scheme name stands for: `hxxps` is `https`.
pub(crate) fn scheme(name: &str) -> Option<&'static str> {
    let b = name.as_bytes();
    let is = |s: &[u8]| b.eq_ignore_ascii_case(s);
    if is(b"http") || is(b"hxxp") {
        Some("http")
    } else if is(b"https") || is(b"hxxps") {
        Some("https")
    } else if is(b"ftp") {
        Some("ftp")
    } else {
        None
    }
}

fn closing(open: u8) -> u8 {
    match open {
        b'[' => b']',
        b'(' => b')',
        _ => b'}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_forms() {
        assert_eq!(dot_len(b"a[.]b", 1), Some(3));
        assert_eq!(dot_len(b"a(DOT)b", 1), Some(5));
        assert_eq!(dot_len(b"a[.)b", 1), None);
        assert_eq!(at_len(b"(at)", 0), Some(4));
        assert_eq!(at_len(b"[at", 0), None);
        assert_eq!(scheme_separator_len(b"x[:]//", 1), Some(5));
        assert_eq!(scheme_separator_len(b"x[://]", 1), Some(5));
        assert_eq!(scheme_separator_len(b"x://", 1), Some(3));
        assert_eq!(scheme_separator_len(b"x:/", 1), None);
        assert_eq!(scheme("hXXps"), Some("https"));
    }
}
