//! The form in which a label is compared with a brand: what a reader sees rather than which code
//! points were typed.
//!
//! Characters a person cannot tell apart get the same canonical form, one character at a time:
//! ASCII is lower-cased and `0`/`1` read as `o`/`l`; any other character is decomposed (NFD), loses
//! its combining marks (`ö` reads as `o` at a glance) and becomes its UTS #39 confusable prototype
//! (Cyrillic `а` becomes `a`). Working character by character keeps plain ASCII labels unchanged
//! and of the same length, so the fast path never touches the Unicode tables and edit distances
//! stay meaningful. Look-alike letter *pairs* (`rn` for `m`, `vv` for `w`, `cl` for `d`) are not
//! folded here, where they would also change real words (`cloud`); they are spelt out as
//! variants of each brand name instead (see [`pair_variants`]).

use smallvec::SmallVec;
use unicode_normalization::UnicodeNormalization;
use unicode_security::skeleton;

/// Canonical forms of every label of a host, `.` between labels. Inline for all but very long hosts.
pub(super) type CanonBuf = SmallVec<[u8; 128]>;

/// Lower case plus the digits that stand in for letters. `0` and `1` are the only ones the UTS #39
/// skeleton maps to letters; other leetspeak (`4` for `a`) counts as a typo, not a homoglyph.
fn fold_ascii(b: u8) -> u8 {
    match b.to_ascii_lowercase() {
        b'0' => b'o',
        b'1' => b'l',
        other => other,
    }
}

/// Appends the canonical form of an ASCII label (any case).
pub(super) fn push_ascii(label: &[u8], out: &mut CanonBuf) {
    out.extend(label.iter().map(|&b| fold_ascii(b)));
}

/// Appends the canonical form of a Unicode label. Returns whether combining marks were dropped
/// (accents), which the verdict's reason mentions.
pub(super) fn push_unicode(label: &str, out: &mut CanonBuf) -> bool {
    let mut had_marks = false;
    for c in label.chars().flat_map(char::to_lowercase).nfd() {
        if c.is_ascii() {
            out.push(fold_ascii(c as u8));
            continue;
        }
        if is_combining_mark(c) {
            had_marks = true;
            continue;
        }
        let mut tmp = [0u8; 4];
        let one = c.encode_utf8(&mut tmp);
        let mut proto: SmallVec<[char; 4]> = SmallVec::new();
        for p in skeleton(one).flat_map(char::to_lowercase) {
            if is_combining_mark(p) {
                had_marks = true;
            } else {
                proto.push(p);
            }
        }
        // The prototype of `m`-like letters is `rn`; a single character that reads as `m` is `m`.
        if proto.as_slice() == ['r', 'n'] {
            out.push(b'm');
            continue;
        }
        for p in proto {
            if p.is_ascii() {
                out.push(fold_ascii(p as u8));
            } else {
                out.extend_from_slice(p.encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
    had_marks
}

/// Combining marks that sit on a base letter (after NFD, `ö` is `o` + U+0308).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Letter pairs that pass for one letter in most fonts, as dnstwist's glyph table has them.
const PAIRS: &[(u8, &[u8])] = &[(b'm', b"rn"), (b'm', b"nn"), (b'w', b"vv"), (b'd', b"cl")];
/// A name with many such letters gets single substitutions only, to bound the variants.
const MAX_VARIANTS: usize = 16;

/// Spellings of a canonical brand name with look-alike letter pairs: `arnazon` and `annazon` for
/// `amazon`, `clhl` for `dhl`. Does not include the name itself.
pub(super) fn pair_variants(canon: &[u8]) -> Vec<Vec<u8>> {
    let spots: Vec<(usize, &[u8])> = canon
        .iter()
        .enumerate()
        .flat_map(|(i, &b)| {
            PAIRS
                .iter()
                .filter(move |(letter, _)| *letter == b)
                .map(move |&(_, pair)| (i, pair))
        })
        .collect();
    if spots.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut push = |v: Vec<u8>| {
        if v != canon && !out.contains(&v) {
            out.push(v);
        }
    };
    // Every combination of choices per position, when there are few; else one pair at a time.
    let positions: Vec<usize> = {
        let mut p: Vec<usize> = spots.iter().map(|s| s.0).collect();
        p.dedup();
        p
    };
    let combos: usize = positions
        .iter()
        .map(|&i| 1 + spots.iter().filter(|s| s.0 == i).count())
        .product();
    if combos <= MAX_VARIANTS + 1 {
        let mut variants: Vec<Vec<u8>> = vec![Vec::new()];
        for (i, &b) in canon.iter().enumerate() {
            let mut next = Vec::new();
            for v in &variants {
                let mut same = v.clone();
                same.push(b);
                next.push(same);
                for (_, pair) in spots.iter().filter(|s| s.0 == i) {
                    let mut alt = v.clone();
                    alt.extend_from_slice(pair);
                    next.push(alt);
                }
            }
            variants = next;
        }
        variants.into_iter().for_each(&mut push);
    } else {
        for &(i, pair) in &spots {
            let mut v = canon[..i].to_vec();
            v.extend_from_slice(pair);
            v.extend_from_slice(&canon[i + 1..]);
            push(v);
        }
    }
    out
}

/// A set of the characters in a canonical label, for a cheap lower bound on edit distance: each
/// edit adds at most one character kind and removes at most one.
pub(super) fn char_mask(canon: &[u8]) -> u64 {
    let mut m = 0u64;
    for &b in canon {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            b'-' => 36,
            b'_' => 37,
            _ => 38,
        };
        m |= 1 << bit;
    }
    m
}

/// Marks a character of a non-ASCII canonical label in [`typo_form`]: any letter the brand lacks
/// is one substitution, whatever script it is from.
pub(super) const FOREIGN: u8 = 0x01;

/// The canonical label with each non-ASCII character as one [`FOREIGN`] byte, so edit distance
/// counts characters, not UTF-8 bytes. Empty when it would not fit `out`.
pub(super) fn typo_form<'a>(canon: &[u8], out: &'a mut [u8; 64]) -> &'a [u8] {
    let mut n = 0;
    for c in String::from_utf8_lossy(canon).chars() {
        let Some(slot) = out.get_mut(n) else {
            return &[];
        };
        *slot = if c.is_ascii() { c as u8 } else { FOREIGN };
        n += 1;
    }
    &out[..n]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ascii(s: &str) -> String {
        let mut out = CanonBuf::new();
        push_ascii(s.as_bytes(), &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn unicode(s: &str) -> String {
        let mut out = CanonBuf::new();
        push_unicode(s, &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn folds_ascii_look_alikes() {
        for (input, expected) in [
            ("amazon", "amazon"),
            ("AMAZON", "amazon"),
            ("amaz0n", "amazon"),
            ("paypa1", "paypal"),
            ("g00gle", "google"),
            ("rnicrosoft", "rnicrosoft"), // pairs are brand variants, not folds
            ("icloud", "icloud"),
            ("amazon-login", "amazon-login"),
        ] {
            assert_eq!(ascii(input), expected, "{input:?}");
        }
    }

    #[test]
    fn folds_unicode_look_alikes() {
        for (input, expected) in [
            ("аmazon", "amazon"),        // Cyrillic а
            ("аррӏе", "apple"),          // all Cyrillic
            ("amazön", "amazon"),        // diaeresis
            ("ɑmazon", "amazon"),        // Latin alpha
            ("paypaӏ", "paypal"),        // Cyrillic palochka
            ("ｍicrosoft", "microsoft"), // full-width m
            ("münchen", "munchen"),
            ("dḫl", "dhl"), // breve below
            ("ÅMAZON", "amazon"),
        ] {
            assert_eq!(unicode(input), expected, "{input:?}");
        }
    }

    #[test]
    fn reports_dropped_accents() {
        let mut out = CanonBuf::new();
        assert!(push_unicode("amazön", &mut out));
        out.clear();
        assert!(!push_unicode("аmazon", &mut out));
    }

    #[test]
    fn spells_letter_pair_variants() {
        let v = |s: &str| -> Vec<String> {
            pair_variants(s.as_bytes())
                .into_iter()
                .map(|v| String::from_utf8_lossy(&v).into_owned())
                .collect()
        };
        assert_eq!(v("amazon"), ["arnazon", "annazon"]);
        assert_eq!(v("dhl"), ["clhl"]);
        assert_eq!(v("paypal"), Vec::<String>::new());
        assert_eq!(v("microsoft").len(), 2);
        assert_eq!(v("mmmmmmmmmm").len(), 20); // single substitutions only
    }

    #[test]
    fn typo_form_counts_characters() {
        let mut buf = [0u8; 64];
        let mut c = CanonBuf::new();
        push_unicode("miƈrosoft", &mut c);
        assert_eq!(typo_form(&c, &mut buf), b"mi\x01rosoft");
    }

    proptest! {
        // The ASCII fast path must agree with the Unicode path, or a Unicode host and its ASCII
        // twin would get different verdicts.
        #[test]
        fn ascii_path_agrees_with_unicode_path(s in "[a-zA-Z0-9_-]{0,40}") {
            prop_assert_eq!(ascii(&s), unicode(&s));
        }

        #[test]
        fn never_panics_on_any_label(s in "\\PC{0,40}") {
            let mut out = CanonBuf::new();
            push_unicode(&s, &mut out);
            let mut buf = [0u8; 64];
            let _ = typo_form(&out, &mut buf);
        }
    }
}
