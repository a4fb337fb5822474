//! Refanging: every defanged form turned back into what it stands for.

use rampart_indicators::defang::refang;

fn check(input: &str, expected: &str) {
    assert_eq!(refang(input), expected, "{input:?}");
}

#[test]
fn refangs_every_form() {
    check("evil[.]com", "evil.com");
    check("evil(.)com", "evil.com");
    check("evil{.}com", "evil.com");
    check("evil[dot]com", "evil.com");
    check("evil(dot)com", "evil.com");
    check("evil{DOT}com", "evil.com");
    check("bob[at]evil.com", "bob@evil.com");
    check("bob(at)evil.com", "bob@evil.com");
    check("bob{at}evil.com", "bob@evil.com");
    check("bob[@]evil.com", "bob@evil.com");
    check("bob(@)evil.com", "bob@evil.com");
    check("hxxp://x", "http://x");
    check("hxxps://x", "https://x");
    check("hXXps://x", "https://x");
    // Only the defanged part is rewritten; extraction lower-cases the scheme.
    check("HXXPS://x", "httpS://x");
    check("https[:]//x", "https://x");
    check("https(:)//x", "https://x");
    check("https[://]x", "https://x");
    check(
        "hxxps[:]//evil[.]example(.)com/path",
        "https://evil.example.com/path",
    );
}

#[test]
fn leaves_everything_else_alone() {
    check("", "");
    check(
        "plain text (with brackets) [and] {braces}",
        "plain text (with brackets) [and] {braces}",
    );
    check("https://example.com/a_(b)", "https://example.com/a_(b)");
    check("münchen.de", "münchen.de");
}

#[test]
fn nested_forms_are_rewritten_in_one_pass() {
    check("evil[[.]]com", "evil.com");
    check("evil[[[.]]]com", "evil.com");
    check("https[[:]]//x", "https://x");
    check("[[:]//]", "://");
    check("bob[[at]]x", "bob@x");
    check("(h[.]xxp)", "(h.xxp)");
}
