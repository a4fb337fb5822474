//! Phone numbers in running text: international (`+44 20 7946 0958`, `0044 …`) and, with a region
//! hint, national (`020 7946 0958`), with spaces, dashes, dots, brackets or slashes between digit
//! groups. Cheap shape checks turn away dates, prices, order numbers and version numbers before
//! the numbering-plan parser, which is by far the most expensive step of extraction, is asked.

use super::classes::{is_currency, is_spaceless};
use super::{IndicatorKind, Scanner};
use crate::phone::{MAX_PHONE_INPUT, PhoneE164};

/// E.164 allows at most 15 digits; national numbers with a trunk prefix, or `00` instead of `+`,
/// take up to two more.
const MAX_DIGITS: usize = 17;
/// Fewer digits than this is an amount, a year or a code, not a phone number anyone can call.
const MIN_DIGITS: usize = 7;
/// Digit groups we remember to recognise dates.
const MAX_GROUPS: usize = 8;

/// Words right before a number that say what it is when it is not a phone number.
const NOT_PHONE_WORDS: [&[u8]; 13] = [
    b"no",
    b"nr",
    b"order",
    b"ref",
    b"invoice",
    b"id",
    b"usd",
    b"eur",
    b"gbp",
    b"rub",
    b"total",
    b"amount",
    b"tracking",
];

/// A candidate as scanned.
struct Candidate {
    /// Digits with the international prefix folded in: `+` then digits, or national digits.
    digits: [u8; MAX_DIGITS + 1],
    len: usize,
    plus: bool,
    /// Lengths of the digit groups and the separator byte before each (0 for the first).
    groups: [(usize, u8); MAX_GROUPS],
    group_count: usize,
    brackets: bool,
    end: usize,
}

impl Scanner<'_> {
    /// A phone number starting at `s` (a digit, `+` or `(`). Returns where to resume.
    pub(super) fn phone(&mut self, s: usize) -> usize {
        if !self.phone_left_ok(s) {
            return self.skip_digits(s);
        }
        let (candidate, scanned_to) = match self.phone_candidate(s) {
            Ok(c) => c,
            // Too many digits: an account number, a hash, or an attack; skip all of it.
            Err(skip) => return skip,
        };
        let first_group_end = self.skip_digits(s);
        if !self.looks_like_phone(&candidate) {
            return first_group_end;
        }
        // `0044 …` is how most of the world dials `+44 …`; folding it in spares the parser a
        // guess about which international prefix the writer's country uses.
        let digits = &candidate.digits[..candidate.len];
        let (international, digits) = match digits.strip_prefix(b"00") {
            _ if candidate.plus => (true, digits),
            Some(rest) => (true, rest),
            None => (false, digits),
        };
        let mut input = String::with_capacity(digits.len() + 1);
        if international {
            input.push('+');
        }
        input.extend(digits.iter().map(|&d| char::from(d)));
        let e164 = match self.phone_memo.get(&input) {
            Some(known) => known.clone(),
            None => {
                if self.phone_budget == 0 {
                    return scanned_to;
                }
                self.phone_budget -= 1;
                let region = if international { None } else { self.region };
                let e164 = PhoneE164::parse(&input, region)
                    .ok()
                    .map(|p| p.as_str().to_string());
                self.phone_memo.insert(input, e164.clone());
                e164
            }
        };
        match e164 {
            Some(e164) => {
                self.push(IndicatorKind::Phone, e164, s, candidate.end, None);
                candidate.end
            }
            None => first_group_end,
        }
    }

    /// Scans digit groups and separators from `s`. `Err(resume)` when the run holds more digits than
    /// any phone number or is longer than [`MAX_PHONE_INPUT`].
    fn phone_candidate(&self, s: usize) -> Result<(Candidate, usize), usize> {
        let b = self.b;
        let mut c = Candidate {
            digits: [0; MAX_DIGITS + 1],
            len: 0,
            plus: false,
            groups: [(0, 0); MAX_GROUPS],
            group_count: 0,
            brackets: false,
            end: s,
        };
        let mut p = s;
        let mut opens = 0;
        let mut closes = 0;
        match b[p] {
            b'+' => {
                c.plus = true;
                p += 1;
            }
            b'(' => {
                opens += 1;
                p += 1;
            }
            _ => {}
        }
        let mut sep = 0u8;
        loop {
            let group_start = p;
            while p < b.len() && b[p].is_ascii_digit() {
                p += 1;
            }
            let group = &b[group_start..p];
            if group.is_empty() {
                break;
            }
            // `+44 (0)20 …`: the trunk prefix in brackets is not dialled from abroad.
            let trunk_in_brackets = c.plus
                && group == b"0"
                && b.get(group_start.wrapping_sub(1)) == Some(&b'(')
                && b.get(p) == Some(&b')');
            if !trunk_in_brackets {
                let Some(slot) = c.digits.get_mut(c.len..c.len + group.len()) else {
                    return Err(self.skip_digits(p));
                };
                slot.copy_from_slice(group);
                c.len += group.len();
            }
            if let Some(g) = c.groups.get_mut(c.group_count) {
                *g = (group.len(), sep);
            }
            c.group_count += 1;
            c.end = p;
            if p - s > MAX_PHONE_INPUT {
                return Err(p);
            }
            // Up to two separators between groups: `555-2671`, `(415) 555`, `+1 (415)`. Brackets
            // count only once a digit group follows them: `… 2671 (mobile)` ends before the bracket.
            let sep_start = p;
            let (mut sep_opens, mut sep_closes) = (0, 0);
            let mut count = 0;
            while count < 3 {
                let len = match b.get(p) {
                    Some(b' ' | b'-' | b'.' | b'/') => 1,
                    Some(b'(') => {
                        sep_opens += 1;
                        1
                    }
                    Some(b')') => {
                        sep_closes += 1;
                        1
                    }
                    // No-break space and narrow no-break space, as word processors insert them.
                    Some(0xC2) if b.get(p + 1) == Some(&0xA0) => 2,
                    Some(0xE2) if b.get(p + 1..p + 3) == Some(&[0x80, 0xAF]) => 3,
                    _ => break,
                };
                p += len;
                count += 1;
            }
            let (o, cl) = (opens + sep_opens, closes + sep_closes);
            if count == 0
                || count > 2
                || o > 1
                || cl > o
                || !b.get(p).is_some_and(u8::is_ascii_digit)
            {
                break;
            }
            opens = o;
            closes = cl;
            sep = b[sep_start];
        }
        c.brackets = opens > 0;
        if opens != closes {
            // `(415 555-2671`: an unclosed bracket is not how anyone writes a number.
            c.group_count = 0;
        }
        let resume = p.max(c.end);
        Ok((c, resume))
    }

    /// Whether the text before `s` lets a phone number start here: not inside a word or another
    /// number, not after a currency sign or a word such as `order` or `No.`.
    fn phone_left_ok(&self, s: usize) -> bool {
        let b = self.b;
        let Some(prev) = self.char_before(s) else {
            return true;
        };
        if prev.is_ascii() {
            if prev.is_ascii_alphanumeric()
                || matches!(
                    prev,
                    '_' | '.'
                        | ','
                        | '/'
                        | ':'
                        | '#'
                        | '$'
                        | '%'
                        | '&'
                        | '='
                        | '+'
                        | '-'
                        | '@'
                        | '\\'
                        | '*'
                )
            {
                return false;
            }
        } else if (prev.is_alphanumeric() && !is_spaceless(prev)) || is_currency(prev) {
            return false;
        }
        // Look one word back, over a space and a colon: `€ 1 299`, `Order: 1234567`.
        let mut p = s;
        while p > 0 && s - p < 3 && matches!(b[p - 1], b' ' | b':') {
            p -= 1;
        }
        if p == s {
            return true;
        }
        if self.char_before(p).is_some_and(is_currency) {
            return false;
        }
        let mut w = p;
        while w > 0 && p - w < 12 && (b[w - 1].is_ascii_alphabetic() || b[w - 1] == b'.') {
            w -= 1;
        }
        let word = b[w..p].strip_suffix(b".").unwrap_or(&b[w..p]);
        !NOT_PHONE_WORDS
            .iter()
            .any(|nw| nw.eq_ignore_ascii_case(word))
    }

    /// Shape checks that need no numbering plan.
    fn looks_like_phone(&self, c: &Candidate) -> bool {
        let b = self.b;
        if c.group_count == 0 || c.len == 0 {
            return false;
        }
        // What follows: a decimal part, a time, a percentage, a currency, or more of a word.
        let after = b.get(c.end).copied();
        let after2 = b.get(c.end + 1).copied();
        if after.is_some_and(|a| a.is_ascii_alphanumeric() || a == b'%')
            || (matches!(after, Some(b',' | b'.' | b':'))
                && after2.is_some_and(|d| d.is_ascii_digit()))
        {
            return false;
        }
        let mut q = c.end;
        if b.get(q) == Some(&b' ') {
            q += 1;
        }
        if self.char_at(q).is_some_and(is_currency)
            || b.get(q..q + 3).is_some_and(|w| {
                [b"eur", b"usd", b"gbp", b"rub", b"jpy"]
                    .iter()
                    .any(|c| w.eq_ignore_ascii_case(*c))
            })
        {
            return false;
        }
        if self.is_date(c) {
            return false;
        }
        let digits = &c.digits[..c.len];
        let idd = !c.plus && digits.starts_with(b"00") && digits.get(2).is_some_and(|&d| d != b'0');
        if c.plus || idd {
            let significant = if idd { c.len - 2 } else { c.len };
            return (MIN_DIGITS..=15).contains(&significant);
        }
        // National numbers need the region to be read at all; a single run of digits without the
        // trunk prefix is far more often an order or account number than a phone number.
        if self.region.is_none() || !(MIN_DIGITS..=MAX_DIGITS - 1).contains(&c.len) {
            return false;
        }
        let single_run = c.group_count == 1 && !c.brackets;
        !(single_run && digits[0] != b'0')
    }

    /// `2024-03-15`, `15/03/2024`, `15.03.24`: three groups with the same separator in the shape of
    /// a date.
    fn is_date(&self, c: &Candidate) -> bool {
        if c.group_count != 3 || c.plus {
            return false;
        }
        let [(a, _), (m, s1), (d, s2)] = [c.groups[0], c.groups[1], c.groups[2]];
        if s1 != s2 || !matches!(s1, b'-' | b'/' | b'.') {
            return false;
        }
        let small = |n: usize| (1..=2).contains(&n);
        (a == 4 && small(m) && small(d)) || (small(a) && small(m) && (d == 4 || d == 2))
    }

    /// End of the run of digits at `s` (after a leading `+` or `(`).
    fn skip_digits(&self, s: usize) -> usize {
        let b = self.b;
        let mut p = s;
        if matches!(b.get(p), Some(b'+' | b'(')) {
            p += 1;
        }
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        p.max(s + 1)
    }
}
