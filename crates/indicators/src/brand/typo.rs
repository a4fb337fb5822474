//! Typosquats: which single slip of the finger (or two, for long names) turns a brand's label into
//! the candidate, and whether that slip is believable for a label of that length.
//!
//! Short labels sit next to many real names (`paypal` and `paypay` are one letter apart and both
//! payment companies), so the shorter the label, the fewer kinds of edit count: labels of up to 4
//! characters match no edit at all, 5 to 8 characters match one edit of the kinds typosquatters
//! actually register (a neighbouring key, a flipped bit, a swapped vowel, a look-alike digit,
//! transposed, doubled, dropped or added letters), and 9 or more characters match any one or two
//! edits.

use super::canon::FOREIGN;

/// Labels shorter than this are matched exactly (in canonical form) or not at all.
pub(super) const MIN_TYPO_LEN: usize = 5;
/// From this length on, any single edit counts and two edits count too.
const FREE_EDIT_LEN: usize = 9;
/// Longest label the edit-distance table is sized for (a DNS label is at most 63 bytes).
const MAX_LEN: usize = 64;

/// How far a candidate's length may be from a brand label's and still be a typo of it.
pub(super) fn max_distance(brand_len: usize) -> usize {
    match brand_len {
        0..MIN_TYPO_LEN => 0,
        MIN_TYPO_LEN..FREE_EDIT_LEN => 1,
        _ => 2,
    }
}

/// The edit that turns the brand's label into the candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edit {
    /// Two neighbouring letters swapped (`amzaon`).
    Swapped { first: u8, second: u8 },
    /// A letter left out (`amzon`).
    Missing { letter: u8 },
    /// A letter typed twice (`amazoon`).
    Doubled { letter: u8 },
    /// An extra letter (`samazon`).
    Added { letter: u8 },
    /// A hyphen inside the name (`ama-zon`).
    Hyphen,
    /// One letter replaced by another.
    Replaced { from: u8, to: u8, kin: Kin },
    /// Two edits of any kind (long labels only).
    TwoEdits,
}

/// Why a replacement is a believable typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kin {
    Keyboard,
    BitFlip,
    Vowel,
    LookAlike,
    /// No reason: counts only for long labels.
    Other,
}

/// The typo that turns `brand` into `cand` (both canonical), if it is one that counts for a label
/// of this length.
pub(super) fn typo(cand: &[u8], brand: &[u8]) -> Option<Edit> {
    let n = brand.len();
    if n < MIN_TYPO_LEN
        || cand == brand
        || cand.len().abs_diff(n) > max_distance(n)
        || cand.len() > MAX_LEN
        || n > MAX_LEN
        || !cand.is_ascii()
        || !brand.is_ascii()
    {
        return None;
    }
    if let Some((edit, at)) = single_edit(cand, brand) {
        return counts(edit, at, brand).then_some(edit);
    }
    if n >= FREE_EDIT_LEN && osa_distance(cand, brand) <= 2 {
        return Some(Edit::TwoEdits);
    }
    None
}

/// Whether `edit` at byte `at` of the brand label is a believable typo for a label of its length.
fn counts(edit: Edit, at: usize, brand: &[u8]) -> bool {
    let n = brand.len();
    if n >= FREE_EDIT_LEN {
        return true;
    }
    match edit {
        Edit::Swapped { .. } | Edit::Doubled { .. } | Edit::Hyphen => true,
        Edit::Replaced { kin, .. } => kin != Kin::Other,
        // Dropping a letter from a five-letter name leaves a four-letter string, and most of those
        // are somebody's real name or word.
        Edit::Missing { .. } => n > MIN_TYPO_LEN,
        Edit::Added { letter } => {
            if n > MIN_TYPO_LEN {
                return true;
            }
            // Five letters: a letter added at either end is usually another word (`apples`), so
            // only a fat-fingered neighbouring key inside the name counts.
            let inside = at > 0 && at < n;
            inside
                && (keyboard_adjacent(brand[at - 1], letter)
                    || keyboard_adjacent(brand[at], letter))
        }
        Edit::TwoEdits => false,
    }
}

/// The one edit between `cand` and `brand` and where in the brand it happens, if they are exactly
/// one edit apart.
fn single_edit(cand: &[u8], brand: &[u8]) -> Option<(Edit, usize)> {
    let (m, n) = (cand.len(), brand.len());
    let first = cand
        .iter()
        .zip(brand)
        .position(|(a, b)| a != b)
        .unwrap_or(m.min(n));
    if m == n {
        let last = (0..n).rev().find(|&i| cand[i] != brand[i])?;
        if first == last {
            let (from, to) = (brand[first], cand[first]);
            return Some((
                Edit::Replaced {
                    from,
                    to,
                    kin: kin(from, to),
                },
                first,
            ));
        }
        if last == first + 1 && cand[first] == brand[last] && cand[last] == brand[first] {
            return Some((
                Edit::Swapped {
                    first: brand[first],
                    second: brand[last],
                },
                first,
            ));
        }
        return None;
    }
    if m == n + 1 && cand.get(first + 1..) == brand.get(first..) {
        let letter = cand[first];
        let next_to = |i: Option<usize>| i.and_then(|i| brand.get(i)) == Some(&letter);
        let edit = if next_to(first.checked_sub(1)) || next_to(Some(first)) {
            Edit::Doubled { letter }
        } else if letter == b'-' && first > 0 && first < n {
            Edit::Hyphen
        } else {
            Edit::Added { letter }
        };
        return Some((edit, first));
    }
    if m + 1 == n && cand.get(first..) == brand.get(first + 1..) {
        return Some((
            Edit::Missing {
                letter: brand[first],
            },
            first,
        ));
    }
    None
}

/// Why `to` is a believable slip for `from`.
fn kin(from: u8, to: u8) -> Kin {
    if to == FOREIGN {
        // A letter from another script where the brand has an ASCII letter: a look-alike that the
        // confusables table does not know (`ƈ` for `c`), or no accident anyway.
        Kin::LookAlike
    } else if keyboard_adjacent(from, to) {
        Kin::Keyboard
    } else if is_vowel(from) && is_vowel(to) {
        Kin::Vowel
    } else if look_alike(from, to) {
        Kin::LookAlike
    } else if (from ^ to).count_ones() == 1 {
        // Bitsquatting: a memory or transmission error flips one bit of one character.
        Kin::BitFlip
    } else {
        Kin::Other
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Characters that pass for each other in a URL bar or in leetspeak. `0`/`o` and `1`/`l` are
/// already folded by the canonical form.
fn look_alike(a: u8, b: u8) -> bool {
    const PAIRS: &[(u8, u8)] = &[
        (b'i', b'l'),
        (b'i', b'j'),
        (b'b', b'd'),
        (b'u', b'v'),
        (b'c', b'e'),
        (b'c', b'o'),
        (b'g', b'q'),
        (b'g', b'9'),
        (b'a', b'4'),
        (b'e', b'3'),
        (b's', b'5'),
        (b't', b'7'),
        (b'b', b'8'),
        (b'b', b'6'),
        (b'z', b'2'),
        (b'i', b'!'),
    ];
    PAIRS
        .iter()
        .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

/// Neighbouring keys on a QWERTY keyboard (the layout dnstwist uses), digits row included.
pub(super) fn keyboard_adjacent(a: u8, b: u8) -> bool {
    let neighbours: &[u8] = match a {
        b'1' => b"2q",
        b'2' => b"3wq1",
        b'3' => b"4ew2",
        b'4' => b"5re3",
        b'5' => b"6tr4",
        b'6' => b"7yt5",
        b'7' => b"8uy6",
        b'8' => b"9iu7",
        b'9' => b"0oi8",
        b'0' => b"po9",
        b'q' => b"12wa",
        b'w' => b"3esaq2",
        b'e' => b"4rdsw3",
        b'r' => b"5tfde4",
        b't' => b"6ygfr5",
        b'y' => b"7uhgt6",
        b'u' => b"8ijhy7",
        b'i' => b"9okju8",
        b'o' => b"0plki9",
        b'p' => b"lo0",
        b'a' => b"qwsz",
        b's' => b"edxzaw",
        b'd' => b"rfcxse",
        b'f' => b"tgvcdr",
        b'g' => b"yhbvft",
        b'h' => b"ujnbgy",
        b'j' => b"ikmnhu",
        b'k' => b"olmji",
        b'l' => b"kop",
        b'z' => b"asx",
        b'x' => b"zsdc",
        b'c' => b"xdfv",
        b'v' => b"cfgb",
        b'b' => b"vghn",
        b'n' => b"bhjm",
        b'm' => b"njk",
        _ => b"",
    };
    neighbours.contains(&b)
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at 3.
/// Both inputs are at most [`MAX_LEN`] bytes; longer ones report the cap.
fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    const CAP: usize = 3;
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return CAP;
    }
    let mut prev2 = [0usize; MAX_LEN + 1];
    let mut prev = [0usize; MAX_LEN + 1];
    let mut cur = [0usize; MAX_LEN + 1];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min >= CAP {
            return CAP;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[b.len()].min(CAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cand: &str, brand: &str, expected: Option<Edit>) {
        assert_eq!(
            typo(cand.as_bytes(), brand.as_bytes()),
            expected,
            "{cand} vs {brand}"
        );
    }

    #[test]
    fn recognises_each_kind_of_typo() {
        use Edit::*;
        check(
            "amzaon",
            "amazon",
            Some(Swapped {
                first: b'a',
                second: b'z',
            }),
        );
        check("amzon", "amazon", Some(Missing { letter: b'a' }));
        check("amazoon", "amazon", Some(Doubled { letter: b'o' }));
        check("samazon", "amazon", Some(Added { letter: b's' }));
        check("amazone", "amazon", Some(Added { letter: b'e' }));
        check("ama-zon", "amazon", Some(Hyphen));
        check(
            "amazom",
            "amazon",
            Some(Replaced {
                from: b'n',
                to: b'm',
                kin: Kin::Keyboard,
            }),
        );
        check(
            "amazan",
            "amazon",
            Some(Replaced {
                from: b'o',
                to: b'a',
                kin: Kin::Vowel,
            }),
        );
        check(
            "amazin",
            "amazon",
            Some(Replaced {
                from: b'o',
                to: b'i',
                kin: Kin::Keyboard,
            }),
        );
        check(
            "4mazon",
            "amazon",
            Some(Replaced {
                from: b'a',
                to: b'4',
                kin: Kin::LookAlike,
            }),
        );
        check(
            "apqle",
            "apple",
            Some(Replaced {
                from: b'p',
                to: b'q',
                kin: Kin::BitFlip,
            }),
        );
        check(
            "micrsooft",
            "microsoft",
            Some(Swapped {
                first: b'o',
                second: b's',
            }),
        );
        check("micorsfot", "microsoft", Some(TwoEdits));
        check("mlcrosofd", "microsoft", Some(TwoEdits));
    }

    #[test]
    fn rejects_slips_that_are_not_believable_for_short_labels() {
        check("paypay", "paypal", None); // a real payment company, l->y is no typo
        check("apples", "apple", None); // a letter at the end of a five-letter word
        check("appe", "apple", None); // omission from five letters
        check("ebby", "ebay", None); // four letters: exact matches only
        check("amazing", "amazon", None); // two edits on six letters
        check("amazon", "amazon", None);
        check("micros", "microsoft", None);
    }

    #[test]
    fn osa_counts_transpositions_as_one() {
        assert_eq!(osa_distance(b"ab", b"ba"), 1);
        assert_eq!(osa_distance(b"kitten", b"sitting"), 3);
        assert_eq!(osa_distance(b"", b"abc"), 3);
        assert_eq!(osa_distance(b"microsoft", b"micorsfot"), 2);
    }
}
