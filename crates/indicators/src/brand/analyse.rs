//! Which protected brand a (non-official) host imitates, by which technique, how closely, and the
//! sentence that tells a person why.
//!
//! The host is cut into its labels left of the public suffix; each label gets its canonical form
//! (see [`super::canon`]). One Aho-Corasick pass over all canonical labels finds every place a
//! brand name (or a homoglyph of it) occurs; a length-indexed table gives the few brand labels a
//! label could be an exact match or a typo of. Everything else (word lists, reasons) runs only for
//! the rare host that hits, so an unrelated ASCII host costs a few hundred nanoseconds.

use std::fmt::Write as _;

use smallvec::SmallVec;
use unicode_security::MixedScript;

use super::canon::{self, CanonBuf};
use super::typo::{self, Edit, Kin};
use super::words::{WordClass, Words};
use super::{BrandSet, BrandVerdict, Pattern, Verdict};

// Scores: confidence that the host impersonates the brand. A homoglyph of the whole name is
// deliberate by construction; a typo may be an accident of a real name; a brand name next to other
// words depends on the words.
const HOMOGLYPH_MIXED: f32 = 0.97;
const HOMOGLYPH_UNICODE: f32 = 0.95;
const HOMOGLYPH_ASCII: f32 = 0.93;
const HOMOGLYPH_ACCENTS: f32 = 0.9;
const OTHER_TLD: f32 = 0.9;
const TLD_IN_LABEL: f32 = 0.88;
const TYPO_ONE: f32 = 0.87;
const TYPO_TWO: f32 = 0.78;
/// Added to a typo when the label mixes scripts or uses non-ASCII letters: an accident does not
/// type Cyrillic.
const TYPO_UNICODE_BONUS: f32 = 0.05;
const DOT_SPLIT: f32 = 0.85;
const COMBO_UNKNOWN_WORDS: f32 = 0.65;
const COMBO_NEUTRAL_WORDS: f32 = 0.72;
const COMBO_ONE_RISK_WORD: f32 = 0.8;
const COMBO_RISK_WORDS: f32 = 0.85;
const COMBO_LOOKALIKE_BONUS: f32 = 0.05;
const COMBO_TYPO_PENALTY: f32 = 0.05;
/// A brand name followed by what looks like its TLD, left of someone else's domain
/// (`amazon.com.account-verify.io`): made to be misread as the real host.
const SUBDOMAIN_MIMIC: f32 = 0.9;
/// A combosquat followed by a TLD-like label (`microsoftonline.com.x7.ru`).
const SUBDOMAIN_MIMIC_COMBO: f32 = 0.85;
const SUBDOMAIN_EXACT: f32 = 0.75;
const SUBDOMAIN_PENALTY: f32 = 0.1;
const SUBDOMAIN_RISK_BONUS: f32 = 0.05;
const SUBDOMAIN_CAP: f32 = 0.9;
/// Longest canonical label that takes part in exact and typo matching.
pub(super) const MAX_MATCH_LEN: usize = 64;

/// How a label is written, for the score and the reason of a homoglyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Ascii,
    /// Latin letters with accents: `amazön`.
    Accents,
    /// Letters of one script other than ASCII Latin: all-Cyrillic `аррӏе`, Latin alpha `ɑ`.
    Unicode,
    /// Letters of several scripts in one label: Cyrillic `а` + Latin `mazon`.
    Mixed,
}

/// One label of the host left of the public suffix. Small and `Copy`: a host view is built for
/// every host checked, and most hosts resemble nothing.
#[derive(Debug, Clone, Copy)]
struct Label {
    /// Byte range in the ASCII host (at most 253 bytes).
    raw: (u16, u16),
    /// Byte range in [`HostView::canon`] (skeletons of long IDNs can outgrow `u16`).
    canon: (u32, u32),
    /// Index into [`HostView::unicode`] for an `xn--` label.
    unicode: Option<u8>,
    script: Script,
}

/// A host cut into labels, with the canonical form of each.
pub(super) struct HostView<'a> {
    /// Lower case ASCII, IDNs in punycode.
    host: &'a str,
    /// The registrable domain (`account-verify.io`).
    registrable: &'a str,
    /// Labels left of the public suffix; the last one is the registrable label.
    labels: SmallVec<[Label; 8]>,
    /// Canonical labels, `.` between them.
    canon: CanonBuf,
    /// Unicode forms of the `xn--` labels; empty (no allocation) for ASCII hosts.
    unicode: Vec<String>,
}

impl<'a> HostView<'a> {
    /// `before_suffix` is the part of `host` left of the public suffix (without the dot), and
    /// `registrable` the registrable domain; both are slices of `host`, which is validated
    /// lower-case ASCII of at most 253 bytes.
    pub(super) fn new(host: &'a str, before_suffix: &'a str, registrable: &'a str) -> Self {
        let mut view = HostView {
            host,
            registrable,
            labels: SmallVec::new(),
            canon: CanonBuf::new(),
            unicode: Vec::new(),
        };
        let mut start = 0usize;
        for raw in before_suffix.split('.') {
            if !view.canon.is_empty() {
                view.canon.push(b'.');
            }
            let canon_start = view.canon.len();
            let mut unicode = None;
            let mut script = Script::Ascii;
            match raw
                .strip_prefix("xn--")
                .and_then(idna::punycode::decode_to_string)
            {
                Some(u) => {
                    let had_marks = canon::push_unicode(&u, &mut view.canon);
                    script = if !u.as_str().is_single_script() {
                        Script::Mixed
                    } else if had_marks && view.canon[canon_start..].is_ascii() {
                        Script::Accents
                    } else {
                        Script::Unicode
                    };
                    unicode = u8::try_from(view.unicode.len()).ok();
                    view.unicode.push(u);
                }
                // Not punycode (broken punycode was turned away before): compare as typed.
                None => canon::push_ascii(raw.as_bytes(), &mut view.canon),
            }
            let end = start + raw.len();
            view.labels.push(Label {
                raw: (to_u16(start), to_u16(end)),
                canon: (to_u32(canon_start), to_u32(view.canon.len())),
                unicode,
                script,
            });
            start = end + 1;
        }
        view
    }

    fn canon_of(&self, label: usize) -> &[u8] {
        let (s, e) = self.labels[label].canon;
        self.canon.get(s as usize..e as usize).unwrap_or(&[])
    }

    fn raw_of(&self, label: usize) -> &str {
        let (s, e) = self.labels[label].raw;
        self.host.get(usize::from(s)..usize::from(e)).unwrap_or("")
    }

    fn unicode_of(&self, label: usize) -> Option<&str> {
        self.labels[label]
            .unicode
            .and_then(|i| self.unicode.get(usize::from(i)))
            .map(String::as_str)
    }

    /// What a person reads: the Unicode form of an IDN label, else the label.
    fn display_of(&self, label: usize) -> &str {
        self.unicode_of(label).unwrap_or_else(|| self.raw_of(label))
    }

    /// The label as written, with its punycode when it is an IDN: `аmazon (xn--mazon-3ve)`.
    fn shown(&self, label: usize) -> String {
        match self.unicode_of(label) {
            Some(u) => format!("{u} ({})", self.raw_of(label)),
            None => self.raw_of(label).to_string(),
        }
    }

    /// The whole host as a person reads it, with the punycode form when they differ.
    fn shown_host(&self) -> String {
        if self.unicode.is_empty() {
            return self.host.to_string();
        }
        match idna::domain_to_unicode(self.host) {
            (u, Ok(())) if u != self.host => format!("{u} ({})", self.host),
            _ => self.host.to_string(),
        }
    }

    fn registrable_label(&self) -> usize {
        self.labels.len().saturating_sub(1)
    }

    fn canon_start(&self, label: usize) -> usize {
        self.labels[label].canon.0 as usize
    }
}

/// Offsets in a host of at most 253 bytes fit; saturating keeps an impossible overflow harmless.
fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How the brand name appears inside a combosquat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Exact,
    Homoglyph,
    Typo(Edit),
}

#[derive(Debug, Clone)]
enum Kind {
    /// The brand's label under another TLD: `amazon.co`.
    OtherTld,
    /// The brand's label written with look-alike characters: `аmazon`, `rnicrosoft`.
    Homoglyph,
    Typo(Edit),
    /// The brand's label followed by a TLD: `amazon-com`, `amazoncouk`.
    TldInLabel {
        look: Look,
    },
    /// The brand's label among other words: `amazon-refund-help`, `paypallogin`.
    Combo {
        look: Look,
        words: Words,
    },
    /// The brand's label cut by a dot, ending in the registrable label: `ama.zon.com`.
    DotSplit {
        from: usize,
    },
}

/// Where the imitation sits when it is left of someone else's registrable domain.
#[derive(Debug, Clone, Copy)]
struct Subdomain {
    /// Followed by a label that reads as its TLD (`amazon.com.`), so it passes for the real host.
    mimic: bool,
    /// The official domain spelt out in full (`amazon.co.uk` in `amazon.co.uk.evil.info`).
    official: Option<usize>,
}

#[derive(Debug, Clone)]
struct Finding {
    brand_label: usize,
    /// Label index in the host.
    at: usize,
    kind: Kind,
    sub: Option<Subdomain>,
    score: f32,
}

/// The verdict for a host that is not official: the closest imitation of a brand, if any.
pub(super) fn analyse(set: &BrandSet, view: &HostView<'_>) -> Option<BrandVerdict> {
    let mut best: Option<Finding> = None;
    let mut keep = |f: Finding| {
        if best.as_ref().is_none_or(|b| f.score > b.score) {
            best = Some(f);
        }
    };

    if let Some(ac) = &set.automaton {
        for m in ac.find_overlapping_iter(&view.canon[..]) {
            let Some(at) = view
                .labels
                .iter()
                .position(|l| l.canon.0 as usize <= m.start() && m.end() <= l.canon.1 as usize)
            else {
                continue;
            };
            let start = view.canon_start(at);
            let (s, e) = (m.start() - start, m.end() - start);
            let Some(p) = set.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            if let Some(f) = combo(set, view, at, p.label, s, e, Look::Exact) {
                keep(f);
            }
        }
    }

    for at in 0..view.labels.len() {
        whole_label(set, view, at, &mut keep);
        hyphen_tokens(set, view, at, &mut keep);
    }
    dot_split(set, view, &mut keep);

    best.map(|f| BrandVerdict {
        verdict: Verdict::Lookalike,
        brand: set
            .labels
            .get(f.brand_label)
            .and_then(|l| set.names.get(l.brand))
            .cloned(),
        score: f.score.clamp(0.0, 1.0),
        reason: reason(set, view, &f),
    })
}

/// The label as a whole is a brand label (another TLD, a homoglyph) or a typo of one.
fn whole_label(set: &BrandSet, view: &HostView<'_>, at: usize, keep: &mut impl FnMut(Finding)) {
    let c = view.canon_of(at);
    let mut buf = [0u8; MAX_MATCH_LEN];
    let t = if c.is_ascii() {
        c
    } else {
        canon::typo_form(c, &mut buf)
    };
    let script = view.labels[at].script;
    // Exact matches compare the canonical bytes; typos compare characters.
    let lengths = if t.len() == c.len() {
        [Some(c.len()), None]
    } else {
        [Some(c.len()), Some(t.len())]
    };
    for len in lengths.into_iter().flatten() {
        let Some(candidates) = set.by_len.get(len) else {
            continue;
        };
        if candidates.is_empty() {
            continue;
        }
        let mask = canon::char_mask(t);
        for &pi in candidates {
            let Some(p) = set.patterns.get(usize::from(pi)) else {
                continue;
            };
            let Some(b) = set.labels.get(p.label) else {
                continue;
            };
            let (kind, score) = if c == &p.canon[..] {
                if !p.variant && view.display_of(at) == b.display {
                    (Kind::OtherTld, OTHER_TLD)
                } else {
                    (Kind::Homoglyph, homoglyph_score(script))
                }
            } else {
                let Some(edit) = typo_of(t, mask, p) else {
                    continue;
                };
                (Kind::Typo(edit), typo_score(edit, script))
            };
            if let Some(f) = place(set, view, p.label, at, kind, score) {
                keep(f);
            }
        }
    }
}

/// The typo that turns pattern `p` into `t` (typo form, character mask `mask`), if it counts.
fn typo_of(t: &[u8], mask: u64, p: &Pattern) -> Option<Edit> {
    if p.variant || t.len().abs_diff(p.canon.len()) > typo::max_distance(p.canon.len()) {
        return None;
    }
    let d = typo::max_distance(p.canon.len()) as u32;
    if (p.mask & !mask).count_ones() > d || (mask & !p.mask).count_ones() > d {
        return None;
    }
    typo::typo(t, &p.canon)
}

/// A hyphen-separated part of the label is a typo of a brand label: `amazn-support`. (Exact and
/// homoglyph parts are found by the Aho-Corasick pass.)
fn hyphen_tokens(set: &BrandSet, view: &HostView<'_>, at: usize, keep: &mut impl FnMut(Finding)) {
    let c = view.canon_of(at);
    if !c.contains(&b'-') || !c.is_ascii() {
        return;
    }
    let mut start = 0;
    for token in c.split(|&b| b == b'-') {
        let (s, e) = (start, start + token.len());
        start = e + 1;
        let Some(candidates) = set.by_len.get(token.len()) else {
            continue;
        };
        if candidates.is_empty() || token.len() < typo::MIN_TYPO_LEN - 1 {
            continue;
        }
        let mask = canon::char_mask(token);
        for &pi in candidates {
            let Some(p) = set.patterns.get(usize::from(pi)) else {
                continue;
            };
            if let Some(edit) = typo_of(token, mask, p)
                && let Some(f) = combo(set, view, at, p.label, s, e, Look::Typo(edit))
            {
                keep(f);
            }
        }
    }
}

/// The labels before the registrable label and the registrable label, joined, are a brand label:
/// `ama.zon.com`, `pay.pal.com.evil.net` is not (that is a subdomain imitation).
fn dot_split(set: &BrandSet, view: &HostView<'_>, keep: &mut impl FnMut(Finding)) {
    let last = view.registrable_label();
    for from in [last.checked_sub(1), last.checked_sub(2)]
        .into_iter()
        .flatten()
    {
        let mut joined = [0u8; MAX_MATCH_LEN];
        let mut len = 0;
        for l in from..=last {
            let c = view.canon_of(l);
            let Some(dst) = joined.get_mut(len..len + c.len()) else {
                return;
            };
            dst.copy_from_slice(c);
            len += c.len();
        }
        let joined = &joined[..len];
        let Some(candidates) = set.by_len.get(len) else {
            continue;
        };
        for &pi in candidates {
            let Some(p) = set.patterns.get(usize::from(pi)) else {
                continue;
            };
            if &p.canon[..] == joined {
                keep(Finding {
                    brand_label: p.label,
                    at: from,
                    kind: Kind::DotSplit { from },
                    sub: None,
                    score: DOT_SPLIT,
                });
            }
        }
    }
}

/// The brand label `bl` occurs at `[s, e)` of label `at`'s canonical form, inside other text.
/// A combosquat when the other text is separate words or known words glued to the name;
/// `amazonia` and `pineapple` are not.
fn combo(
    set: &BrandSet,
    view: &HostView<'_>,
    at: usize,
    bl: usize,
    s: usize,
    e: usize,
    look: Look,
) -> Option<Finding> {
    let c = view.canon_of(at);
    if s == 0 && e == c.len() {
        return None; // the whole label: an exact, homoglyph or typo match, not a combosquat
    }
    let b = set.labels.get(bl)?;
    let lex = &set.lexicon;
    // Names of three letters or fewer (`dhl`, `hp`) hide inside many words; glued to anything but
    // known words they say nothing.
    let short = e - s < 4;
    let ls = c[..s].iter().rposition(|&x| x == b'-').map_or(0, |p| p + 1);
    let re = c[e..]
        .iter()
        .position(|&x| x == b'-')
        .map_or(c.len(), |p| e + p);
    let mut words = Words::new();
    if ls < s {
        let left = &c[ls..s];
        let mut parts = Words::new();
        if lex.segment(left, false, &mut parts) {
            words.extend(parts.iter().map(|&(i, j)| (ls + i, ls + j)));
        } else {
            let l = lex.risk_suffix(left).filter(|_| !short)?;
            words.push((s - l, s));
        }
    }
    // The word right after the name, to tell `amazon-com` (a TLD spelt out) from other words.
    let mut next_word = None;
    if e < re {
        let right = &c[e..re];
        let mut parts = Words::new();
        if lex.segment(right, true, &mut parts) {
            next_word = parts.first().map(|&(i, j)| (e + i, e + j));
            words.extend(parts.iter().map(|&(i, j)| (e + i, e + j)));
        } else {
            let l = lex.risk_prefix(right).filter(|_| !short)?;
            next_word = Some((e, e + l));
            words.push((e, e + l));
        }
    }
    // Other hyphen-separated tokens of the label.
    let mut start = 0;
    for token in c.split(|&x| x == b'-') {
        let (ts, te) = (start, start + token.len());
        start = te + 1;
        if token.is_empty() || (ts < re && te > ls) {
            continue;
        }
        if next_word.is_none() && ts == re + 1 {
            next_word = Some((ts, te));
        }
        words.push((ts, te));
    }
    if words.is_empty() {
        return None;
    }
    words.sort_unstable();

    let (mut risk, mut known) = (0usize, 0usize);
    for &(i, j) in &words {
        match lex.class(&c[i..j]) {
            WordClass::Risk => risk += 1,
            WordClass::Tld | WordClass::Neutral | WordClass::Digits => known += 1,
            WordClass::Other => {}
        }
    }
    // A typo of the name next to words we know nothing about is most often another real name.
    if matches!(look, Look::Typo(_)) && risk + known == 0 {
        return None;
    }
    let look = match look {
        Look::Exact if !view.display_of(at).contains(b.display.as_str()) => Look::Homoglyph,
        other => other,
    };
    let tld_next = next_word.is_some_and(|(i, j)| lex.class(&c[i..j]) == WordClass::Tld);
    let mut score = if tld_next {
        TLD_IN_LABEL
    } else {
        match risk {
            0 if known > 0 => COMBO_NEUTRAL_WORDS,
            0 => COMBO_UNKNOWN_WORDS,
            1 => COMBO_ONE_RISK_WORD,
            _ => COMBO_RISK_WORDS,
        }
    };
    match look {
        Look::Exact => {}
        Look::Homoglyph => score += COMBO_LOOKALIKE_BONUS,
        Look::Typo(_) => score -= COMBO_TYPO_PENALTY,
    }
    let kind = if tld_next {
        Kind::TldInLabel { look }
    } else {
        Kind::Combo { look, words }
    };
    place(set, view, bl, at, kind, score)
}

/// Turns a match in label `at` into a finding. Left of someone else's registrable domain the
/// score drops, unless the label is followed by what reads as its TLD (`amazon.com.evil.io`):
/// then it is made to pass for the real host. A mere typo there is no finding: every domain
/// owner names subdomains freely, and `cloud.google.com` is no typo of `icloud`.
fn place(
    set: &BrandSet,
    view: &HostView<'_>,
    bl: usize,
    at: usize,
    kind: Kind,
    score: f32,
) -> Option<Finding> {
    if at == view.registrable_label() {
        return Some(Finding {
            brand_label: bl,
            at,
            kind,
            sub: None,
            score,
        });
    }
    let mimic = reads_as_tld(set, view, at + 1);
    let whole = matches!(kind, Kind::OtherTld | Kind::Homoglyph | Kind::Typo(_));
    if !mimic && matches!(kind, Kind::Typo(_)) {
        return None;
    }
    let official = if mimic && whole {
        spelt_official(set, view, bl, at)
    } else {
        None
    };
    let score = if mimic && whole {
        SUBDOMAIN_MIMIC
    } else if mimic {
        score.max(SUBDOMAIN_MIMIC_COMBO)
    } else {
        let base = match kind {
            Kind::OtherTld => SUBDOMAIN_EXACT,
            _ => score - SUBDOMAIN_PENALTY,
        };
        let risky = view
            .canon_of(view.registrable_label())
            .split(|&x| x == b'-')
            .any(|t| set.lexicon.class(t) == WordClass::Risk);
        if risky {
            (base + SUBDOMAIN_RISK_BONUS).min(SUBDOMAIN_CAP)
        } else {
            base.min(SUBDOMAIN_CAP)
        }
    };
    Some(Finding {
        brand_label: bl,
        at,
        kind,
        sub: Some(Subdomain { mimic, official }),
        score,
    })
}

/// The text a subdomain imitation is made to be read as: the label and the TLD-like labels (or
/// TLD-like first word) after it: `microsoftonline.com` in `login.microsoftonline.com.x7.ru`.
fn imitated_text(set: &BrandSet, view: &HostView<'_>, at: usize) -> String {
    let mut text = view.display_of(at).to_string();
    for next in at + 1..view.labels.len() {
        if !reads_as_tld(set, view, next) {
            break;
        }
        let label = view.raw_of(next);
        let word = if next == view.registrable_label() {
            label.split('-').next().unwrap_or(label)
        } else {
            label
        };
        text.push('.');
        text.push_str(word);
        if word.len() != label.len() {
            break;
        }
    }
    text
}

/// Label `at` (or its first hyphen-separated part) reads as a TLD: `com` in `amazon.com.evil.io`,
/// `com-login` in `amazon.com-login.net`.
fn reads_as_tld(set: &BrandSet, view: &HostView<'_>, at: usize) -> bool {
    if at >= view.labels.len() {
        return false;
    }
    let c = view.canon_of(at);
    let first = c.split(|&x| x == b'-').next().unwrap_or(c);
    set.lexicon.class(first) == WordClass::Tld
}

/// The official domain of the brand that the labels from `at` on spell out in full, if any.
fn spelt_official(set: &BrandSet, view: &HostView<'_>, bl: usize, at: usize) -> Option<usize> {
    let brand = set.labels.get(bl)?.brand;
    let rest = view.host.get(usize::from(view.labels[at].raw.0)..)?;
    set.officials.iter().position(|o| {
        o.brand == brand
            && rest.len() > o.host.len()
            && rest.starts_with(o.host.as_str())
            && rest.as_bytes().get(o.host.len()) == Some(&b'.')
    })
}

fn homoglyph_score(script: Script) -> f32 {
    match script {
        Script::Mixed => HOMOGLYPH_MIXED,
        Script::Unicode => HOMOGLYPH_UNICODE,
        Script::Ascii => HOMOGLYPH_ASCII,
        Script::Accents => HOMOGLYPH_ACCENTS,
    }
}

fn typo_score(edit: Edit, script: Script) -> f32 {
    let base = if edit == Edit::TwoEdits {
        TYPO_TWO
    } else {
        TYPO_ONE
    };
    match script {
        Script::Ascii => base,
        _ => base + TYPO_UNICODE_BONUS,
    }
}

/// The sentence a person reads: the brand's domain, the technique, and the host's own words.
fn reason(set: &BrandSet, view: &HostView<'_>, f: &Finding) -> String {
    let Some(b) = set.labels.get(f.brand_label) else {
        return String::from("resembles a protected brand");
    };
    let bdom = &b.domain;
    let label = view.shown(f.at);
    let mut r = String::new();
    // `write!` to a String cannot fail.
    let _ = match &f.kind {
        Kind::OtherTld => write!(r, "brand name of {bdom} under another TLD"),
        Kind::Homoglyph => write!(
            r,
            "homoglyph of {bdom}: {label} looks like {} ({})",
            b.display,
            homoglyph_how(view, f.at, &b.display)
        ),
        Kind::Typo(edit) => write!(r, "typosquat of {bdom}: {} ({label})", describe_edit(*edit)),
        Kind::TldInLabel { look } => write!(
            r,
            "{} of {bdom} with a TLD written into the name ({label})",
            look_name(*look)
        ),
        Kind::Combo { look, words } => write!(
            r,
            "combosquat of {bdom}: {} plus {} ({label})",
            look_name(*look),
            quoted_words(view, f.at, words)
        ),
        Kind::DotSplit { from } => {
            let (s, _) = view.labels[*from].raw;
            let (_, e) = view.labels[view.registrable_label()].raw;
            write!(
                r,
                "brand name of {bdom} split by a dot ({})",
                view.host.get(usize::from(s)..usize::from(e)).unwrap_or("")
            )
        }
    };
    if let Some(sub) = f.sub {
        let reg = view.registrable;
        let host = view.shown_host();
        r = if sub.mimic {
            let imitated = match sub.official.and_then(|o| set.officials.get(o)) {
                Some(o) => o.host.clone(),
                None => imitated_text(set, view, f.at),
            };
            let what = match f.kind {
                Kind::OtherTld => String::new(),
                _ => format!(" ({r})"),
            };
            format!("{imitated} imitated in a subdomain of {reg}: {host}{what}")
        } else if matches!(f.kind, Kind::OtherTld) {
            format!("brand name of {bdom} used as a subdomain of {reg} ({host})")
        } else {
            format!("{r}, in a subdomain of {reg}")
        };
    } else if matches!(f.kind, Kind::OtherTld) {
        let _ = write!(r, " ({})", view.registrable);
    }
    r
}

fn look_name(look: Look) -> String {
    match look {
        Look::Exact => String::from("the brand name"),
        Look::Homoglyph => String::from("a look-alike of the brand name"),
        Look::Typo(edit) => format!("a typo of the brand name ({})", describe_edit(edit)),
    }
}

fn describe_edit(edit: Edit) -> String {
    let ch = |b: u8| char::from(b);
    match edit {
        Edit::Swapped { first, second } => {
            format!("letters {}{} swapped", ch(first), ch(second))
        }
        Edit::Missing { letter } => format!("letter {} left out", ch(letter)),
        Edit::Doubled { letter } => format!("letter {} doubled", ch(letter)),
        Edit::Added { letter } => format!("extra letter {}", ch(letter)),
        Edit::Hyphen => String::from("hyphen inserted"),
        Edit::Replaced { from, to, kin } => {
            let why = match kin {
                Kin::Keyboard => ", a neighbouring key",
                Kin::BitFlip => ", one bit flipped",
                Kin::Vowel => ", a vowel swap",
                Kin::LookAlike => ", a look-alike character",
                Kin::Other => "",
            };
            if to == canon::FOREIGN {
                return format!(
                    "{} replaced by a look-alike letter from another script",
                    ch(from)
                );
            }
            format!("{} replaced by {}{why}", ch(from), ch(to))
        }
        Edit::TwoEdits => String::from("two letters changed"),
    }
}

/// Which look-alike characters make the label pass for the brand.
fn homoglyph_how(view: &HostView<'_>, at: usize, brand: &str) -> String {
    match view.labels[at].script {
        Script::Mixed => String::from("letters from several scripts mixed"),
        Script::Unicode => String::from("look-alike letters from another alphabet"),
        Script::Accents => String::from("accented letters"),
        Script::Ascii => {
            let raw = view.raw_of(at);
            let mut hints: SmallVec<[&str; 4]> = SmallVec::new();
            for (seen, stands_for, hint) in [
                ("0", "o", "0 for o"),
                ("1", "l", "1 for l"),
                ("rn", "m", "rn for m"),
                ("nn", "m", "nn for m"),
                ("vv", "w", "vv for w"),
                ("cl", "d", "cl for d"),
            ] {
                if raw.contains(seen) && brand.contains(stands_for) && !brand.contains(seen) {
                    hints.push(hint);
                }
            }
            if hints.is_empty() {
                String::from("look-alike characters")
            } else {
                hints.join(", ")
            }
        }
    }
}

/// The label's words as written where the canonical form lines up with the label, else canonical.
fn word_text(view: &HostView<'_>, at: usize, (i, j): (usize, usize)) -> String {
    let raw = view.raw_of(at);
    let c = view.canon_of(at);
    if view.unicode_of(at).is_none() && raw.len() == c.len() {
        return raw.get(i..j).unwrap_or("").to_string();
    }
    String::from_utf8_lossy(c.get(i..j).unwrap_or(&[])).into_owned()
}

fn quoted_words(view: &HostView<'_>, at: usize, words: &Words) -> String {
    let list: Vec<String> = words
        .iter()
        .map(|&w| format!("\"{}\"", word_text(view, at, w)))
        .collect();
    match list.len() {
        1 => format!("the word {}", list.join("")),
        _ => format!("the words {}", list.join(", ")),
    }
}
