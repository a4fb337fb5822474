//! Byte and character classes the scanner decides on: which bytes make up words, which may follow
//! a word to make it interesting, which may stand in a URL path or an e-mail local part.

/// ASCII letters, digits, `-` and `_`: the bytes of host labels, phone groups and addresses.
pub(super) const WORD: u8 = 1;
/// Bytes of non-ASCII characters (UTF-8 lead and continuation bytes).
pub(super) const HIGH: u8 = 1 << 1;
/// `+`, `(`, `:`: a phone number or an IPv6 address may start here without a word before it.
pub(super) const PUNCT_START: u8 = 1 << 2;
/// After a word, these make it worth a closer look: `.` (host names, IPv4), `@` (e-mail), `:`
/// (scheme, IPv6), brackets (defanged forms), `+` and `%` (e-mail local parts).
pub(super) const FOLLOW: u8 = 1 << 3;
/// May stand in a URL's path, query or fragment.
pub(super) const PATH: u8 = 1 << 4;
/// May stand in an e-mail local part.
pub(super) const LOCAL: u8 = 1 << 5;

pub(super) static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' {
            class |= WORD | LOCAL | PATH;
        }
        if c >= 0x80 {
            class |= HIGH;
        }
        if matches!(c, b'+' | b'(' | b':') {
            class |= PUNCT_START;
        }
        if matches!(c, b'.' | b'@' | b':' | b'[' | b'(' | b'{' | b'+' | b'%') {
            class |= FOLLOW;
        }
        // RFC 3986 characters plus the brackets and braces of defanged forms; quotes, angle
        // brackets, backslash, caret and backtick end a URL in running text.
        if c.is_ascii_graphic() && !matches!(c, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`') {
            class |= PATH;
        }
        if matches!(c, b'.' | b'%' | b'+') {
            class |= LOCAL;
        }
        t[i] = class;
        i += 1;
    }
    t
}

/// Characters of scripts written without spaces between words (Chinese, Japanese, Korean
/// particles, Thai, Lao, Khmer, Burmese) and the full-width forms and punctuation used with them.
/// An ASCII indicator glued to them still stands on its own: `詳細はhttps://…`, `jpです`.
pub(super) fn is_spaceless(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF
        | 0x1000..=0x109F
        | 0x1780..=0x17FF
        | 0x2E80..=0x2FDF
        | 0x3000..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// A non-ASCII character that can stand in an internationalised host label: a letter, a digit or a
/// combining mark (Devanagari vowel signs, Arabic harakat).
pub(super) fn is_label_char(c: char) -> bool {
    // The scripts met most often answer without the general Unicode tables, which are slow.
    match u32::from(c) {
        // Latin-1 letters (not × and ÷) and Latin Extended-A and -B.
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        // Cyrillic and Cyrillic Supplement, but the thousands sign.
        0x400..=0x481 | 0x483..=0x52F => true,
        // Arabic letters and harakat.
        0x620..=0x65F => true,
        _ => c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c),
    }
}

/// Currency signs: a number right after one is a price, not a phone number.
pub(super) fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₽'
            | '₩'
            | '₺'
            | '₴'
            | '₦'
            | '₱'
            | '฿'
            | '₫'
            | '₪'
            | '元'
            | '円'
    )
}
