//! Near-duplicate fingerprints of scam scripts: the same message sent with other numbers, links,
//! names or amounts shares at least one fingerprint; unrelated messages share none.
//!
//! # How
//!
//! 1. Only the first [`MAX_TEXT_BYTES`] are read, which bounds the work per report.
//! 2. NFKC and lower case (full-width letters, ligatures and styled "𝐟𝐚𝐧𝐜𝐲" text fold to plain
//!    ones), then tokens: links, e-mail addresses and `@handles` become one placeholder each;
//!    every run of numbers (phone numbers, amounts like `$1,250.00`, reference codes) becomes one
//!    number placeholder; punctuation and symbols go. Words are tokens, except in scripts written
//!    without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), where every character is.
//! 3. Shingles: three consecutive tokens (four in character-token text, where a token says less).
//! 4. MinHash with [`BANDS`] × [`ROWS`] hash functions (fixed seeds), cut into [`BANDS`] bands.
//!    Each band's values, together with the band number, hash to one `u64` fingerprint.
//!
//! Two texts whose shingle sets have Jaccard similarity `s` share at least one fingerprint with
//! probability `1 - (1 - s^4)^12`:
//!
//! | s    | 0.9  | 0.8   | 0.7 | 0.6 | 0.5 | 0.4  | 0.3 | 0.2  | 0.1   |
//! |------|------|-------|-----|-----|-----|------|-----|------|-------|
//! | P    | 1.00 | 0.998 | 0.96| 0.81| 0.54| 0.27 | 0.09| 0.02 | 0.001 |
//!
//! Fewer rows per band (the 10 × 2 or 8 × 3 layouts) would match 60% or 20% of pairs at `s` = 0.3;
//! more bands would put more indicators on every report. Variants of one script, after the
//! placeholders, sit well above 0.7; unrelated texts sit near 0.
//!
//! Texts under [`MIN_WORDS`] words (or about 20 characters of a script without spaces) get no
//! fingerprint: a short message ("call me back") matches too much to say anything.

use unicode_normalization::UnicodeNormalization;

/// Bands of the MinHash signature, and so fingerprints per text.
pub const BANDS: usize = 12;
/// MinHash values per band.
pub const ROWS: usize = 4;
/// Only this much of a text is read.
pub const MAX_TEXT_BYTES: usize = 16 * 1024;
/// Texts with fewer tokens than this (a character of a script without spaces counts 0.4) get no
/// fingerprint.
pub const MIN_WORDS: usize = 8;

const HASHES: usize = BANDS * ROWS;
/// Ties the fingerprints to this scheme, so that a future layout cannot collide with old keys.
const SCHEME: u64 = 0x5343_5249_5054_0001;

const URL_TOKEN: u64 = 0x75726c5f5f5f5f01;
const EMAIL_TOKEN: u64 = 0x656d61696c5f5f02;
const HANDLE_TOKEN: u64 = 0x68616e646c655f03;
const NUMBER_TOKEN: u64 = 0x6e756d6265725f04;

/// The fingerprints of a text: [`BANDS`] values, or none for a text too short to judge.
pub fn fingerprints(text: &str) -> Vec<u64> {
    let Some(signature) = signature(text) else {
        return Vec::new();
    };
    signature
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = mix(SCHEME ^ band as u64);
            for &v in rows {
                h = mix(h ^ v);
            }
            h
        })
        .collect()
}

/// Jaccard similarity of the shingle sets of two texts (after the same normalisation as
/// [`fingerprints`]), for showing an analyst how close two messages are. `0.0` when either text
/// has no shingle.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    let k = shingle_len(&ta).max(shingle_len(&tb));
    let (mut sa, mut sb) = (shingles(&ta.0, k), shingles(&tb.0, k));
    sa.sort_unstable();
    sa.dedup();
    sb.sort_unstable();
    sb.dedup();
    if sa.is_empty() || sb.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < sa.len() && j < sb.len() {
        match sa[i].cmp(&sb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (sa.len() + sb.len() - both) as f64
}

/// Tokens per shingle: three words, or four characters where characters are the tokens.
fn shingle_len(t: &(Vec<u64>, Counts)) -> usize {
    if t.1.chars > t.1.words { 4 } else { 3 }
}

fn shingles(tokens: &[u64], k: usize) -> Vec<u64> {
    tokens
        .windows(k)
        .map(|w| w.iter().fold(SCHEME, |h, &t| mix(h ^ t)))
        .collect()
}

/// The MinHash signature, or `None` for a text too short.
fn signature(text: &str) -> Option<[u64; HASHES]> {
    let t = tokens(text);
    let weight = t.1.words as f64 + 0.4 * t.1.chars as f64;
    if weight < MIN_WORDS as f64 {
        return None;
    }
    let shingles = shingles(&t.0, shingle_len(&t));
    if shingles.is_empty() {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for s in shingles {
        for (j, slot) in sig.iter_mut().enumerate() {
            let v = mix(s ^ SEEDS[j]);
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Word tokens (placeholders included).
    words: usize,
    /// Character tokens of scripts written without spaces.
    chars: usize,
}

/// Normalised tokens as hashes, with the counts used for the length rule.
fn tokens(text: &str) -> (Vec<u64>, Counts) {
    let text = prefix(text, MAX_TEXT_BYTES);
    let normal: String = text.nfkc().flat_map(char::to_lowercase).collect();
    let mut out: Vec<u64> = Vec::new();
    let mut counts = Counts::default();
    for chunk in normal.split_whitespace() {
        // Links and addresses are often glued to text in scripts without spaces
        // ("下記よりご確認ください。https://..."), so they are cut out of the chunk first.
        let mut rest = chunk;
        while !rest.is_empty() {
            let (text, special, after) = next_special(rest);
            if let Some(t) = classify(text) {
                push(&mut out, &mut counts, t, false);
            } else {
                text_tokens(text, &mut out, &mut counts);
            }
            if let Some(t) = special {
                push(&mut out, &mut counts, t, false);
            }
            rest = after;
        }
    }
    (out, counts)
}

/// Words, numbers and characters of a piece of text with no link or address in it.
fn text_tokens(text: &str, out: &mut Vec<u64>, counts: &mut Counts) {
    let mut word = String::new();
    let mut in_number = false;
    for c in text.chars() {
        if c.is_numeric() {
            flush_word(&mut word, out, counts);
            in_number = true;
            continue;
        }
        if in_number {
            // Separators inside a number (1,250.00 or 123-4567) keep it one number.
            if matches!(c, '.' | ',' | '\'' | '-' | '/' | ':' | '_') {
                continue;
            }
            push(out, counts, NUMBER_TOKEN, false);
            in_number = false;
        }
        if no_space_script(c) {
            flush_word(&mut word, out, counts);
            push(out, counts, hash_str(c.encode_utf8(&mut [0; 4])), true);
        } else if c.is_alphabetic() || is_mark(c) {
            word.push(c);
        } else {
            flush_word(&mut word, out, counts);
        }
    }
    if in_number {
        push(out, counts, NUMBER_TOKEN, false);
    }
    flush_word(&mut word, out, counts);
}

/// Splits a whitespace-free chunk at its first link, e-mail address or handle: (text before,
/// the placeholder, the rest after it). Links and addresses are ASCII (after NFKC); they end at
/// the first character that is not, and trailing punctuation is left to the text.
fn next_special(chunk: &str) -> (&str, Option<u64>, &str) {
    let bytes = chunk.as_bytes();
    let url_at = chunk.find("://").map(|p| {
        // Back over the scheme letters (http, https, hxxps).
        let mut s = p;
        while s > 0 && bytes[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        s
    });
    let www_at = chunk
        .match_indices("www.")
        .map(|(p, _)| p)
        .find(|&p| p == 0 || !bytes[p - 1].is_ascii_alphanumeric());
    let at_at = chunk.find('@').map(|p| {
        let mut s = p;
        while s > 0 && is_address_byte(bytes[s - 1]) {
            s -= 1;
        }
        (s, p)
    });
    let url_start = match (url_at, www_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let (start, kind) = match (url_start, at_at) {
        (Some(u), Some((a, _))) if a < u => (a, Special::Address),
        (Some(u), _) => (u, Special::Url),
        (None, Some((a, _))) => (a, Special::Address),
        (None, None) => return (chunk, None, ""),
    };
    let mut end = start;
    while end < bytes.len() && bytes[end].is_ascii_graphic() {
        end += 1;
    }
    while end > start
        && matches!(
            bytes[end - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\'' | b'"'
        )
    {
        end -= 1;
    }
    let span = &chunk[start..end];
    let token = match kind {
        Special::Url => Some(URL_TOKEN),
        Special::Address => match span.split_once('@') {
            Some(("", _)) => Some(HANDLE_TOKEN),
            Some((_, domain)) if domain.contains('.') => Some(EMAIL_TOKEN),
            // "@" inside text that is no address: keep it as text.
            _ => None,
        },
    };
    match token {
        Some(t) => (
            &chunk[..start],
            Some(t),
            &chunk[end.max(start + 1).min(chunk.len())..],
        ),
        None => {
            // Not an address: the text runs through the "@" and the search goes on after it.
            let cut = at_at.map_or(chunk.len(), |(_, p)| p + 1);
            (&chunk[..cut], None, &chunk[cut..])
        }
    }
}

#[derive(Clone, Copy)]
enum Special {
    Url,
    Address,
}

/// Characters of the local part of an e-mail address.
fn is_address_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn push(out: &mut Vec<u64>, counts: &mut Counts, t: u64, is_char: bool) {
    // A run of numbers is one placeholder, whatever separates them.
    if t == NUMBER_TOKEN && out.last() == Some(&NUMBER_TOKEN) {
        return;
    }
    out.push(t);
    if is_char {
        counts.chars += 1;
    } else {
        counts.words += 1;
    }
}

fn flush_word(word: &mut String, out: &mut Vec<u64>, counts: &mut Counts) {
    if !word.is_empty() {
        push(out, counts, hash_str(word), false);
        word.clear();
    }
}

/// A bare domain or link without a scheme (`refund-desk.co.uk/claim`), which varies between
/// copies of one script.
fn classify(piece: &str) -> Option<u64> {
    let c = piece.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'' | ',' | ';' | '!' | '?' | '.' | ':'
        )
    });
    if !c.is_ascii() {
        return None;
    }
    looks_like_domain(c.split(['/', '?']).next().unwrap_or(c)).then_some(URL_TOKEN)
}

/// `example.com`, `refund-desk.co.uk`: labels of letters, digits and hyphens, the last one 2 to
/// 24 letters. Leaves `e.g.`, `3.50` and `u.s.` alone.
fn looks_like_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let Some(tld) = labels.last() else {
        return false;
    };
    let tld_ok = (2..=24).contains(&tld.chars().count()) && tld.chars().all(char::is_alphabetic);
    tld_ok
        && labels[..labels.len() - 1]
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// Scripts written without spaces between words.
fn no_space_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FFFF) // CJK extensions B and later
}

/// Combining marks (Thai vowels and tones, Devanagari matras) belong to their word.
fn is_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x036F | 0x0900..=0x097F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
    )
}

/// The longest prefix of at most `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// FNV-1a over the bytes, finished with a mixer: stable across platforms and releases.
fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The splitmix64 finaliser.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One seed per MinHash function, fixed so that fingerprints never change between runs.
const SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut state: u64 = 0x6d69_6e68_6173_6821;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        s[i] = z ^ (z >> 31);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_turns_variable_parts_into_placeholders() {
        let (a, _) = tokens("Pay $1,250.00 to https://x.example/p?id=9 or mail bob@x.example now");
        let (b, _) = tokens("Pay €80 to www.other.example or mail alice@y.example now");
        assert_eq!(a, b);
        let (c, _) = tokens("Call +1 (555) 123-4567 today");
        let (d, _) = tokens("Call 0800 111 222 today");
        assert_eq!(c, d);
        // Full-width and styled letters fold to plain ones.
        let (e, _) = tokens("ＰＡＹ ＮＯＷ 𝐭𝐨𝐝𝐚𝐲");
        let (f, _) = tokens("pay now today");
        assert_eq!(e, f);
    }

    #[test]
    fn short_texts_get_no_fingerprint() {
        for t in [
            "",
            "call me back",
            "Your code is 123456, do not share",
            "您的验证码是123456",
            "   \n\t ",
        ] {
            assert!(fingerprints(t).is_empty(), "{t:?}");
        }
        assert_eq!(
            fingerprints("Your parcel is waiting at the depot, pay the customs fee today please")
                .len(),
            BANDS
        );
    }

    #[test]
    fn deterministic_and_distinct_per_band() {
        let t = "URGENT: your account has been suspended due to unusual activity, verify now";
        let a = fingerprints(t);
        assert_eq!(a, fingerprints(t));
        let mut d = a.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), BANDS);
    }

    #[test]
    fn only_the_first_16_kib_counts() {
        let head =
            "Dear customer your refund of 300 dollars is ready, click the link to claim it. ";
        let mut long = head.repeat(MAX_TEXT_BYTES / head.len() + 1);
        long.truncate(MAX_TEXT_BYTES);
        let same = fingerprints(&long);
        long.push_str(&"completely different trailing words about gardening ".repeat(20_000));
        assert_eq!(fingerprints(&long), same);
        // A multi-byte character across the cut does not panic.
        let cjk = "您的账户已被冻结请立即联系客服".repeat(2000);
        assert_eq!(fingerprints(&cjk).len(), BANDS);
    }

    #[test]
    fn similarity_is_jaccard_of_shingles() {
        let a = "one two three four five six seven eight nine ten";
        assert!((similarity(a, a) - 1.0).abs() < 1e-9);
        assert_eq!(
            similarity(a, "alpha beta gamma delta epsilon zeta eta theta"),
            0.0
        );
        // One word changed in the middle of ten: 3 of 8 shingles differ on each side.
        let b = "one two three four XXX six seven eight nine ten";
        let s = similarity(a, b);
        assert!((s - 5.0 / 11.0).abs() < 1e-9, "{s}");
    }
}
