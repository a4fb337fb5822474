//! Social-engineering scripts: support transcripts where the customer tells a known
//! refund-service story, or one told near word for word from many accounts.
//!
//! Only what the customer said counts (lines labelled `agent:`, `support:` and the like are
//! left out), as a set of content words: lower case, accents folded, stop words and anything
//! with a digit (order numbers, tracking numbers) dropped. Similarity is the Jaccard index of
//! two such sets. Near-duplicates are found with MinHash (32 hashes, 16 bands of 2) and
//! checked exactly, then grouped into clusters; a cluster that holds a known script's match
//! carries that script's name to all its members.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{Ix, fold};

use super::{
    Detector, Evidence, Facts, Finding, Purse, RefundFact, Subject, SubjectKind, UnionFind, plural,
    squash,
};

const STOP_WORDS: &[&str] = &[
    "a", "about", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "he",
    "her", "hi", "his", "how", "i", "if", "in", "is", "it", "its", "just", "me", "my", "no", "not",
    "of", "on", "or", "our", "please", "s", "she", "so", "t", "that", "the", "their", "them",
    "there", "they", "this", "to", "us", "was", "we", "were", "what", "when", "which", "will",
    "with", "would", "you", "your", "hello", "hey", "thanks", "thank", "ok", "okay",
];

const STAFF_LABELS: &[&str] = &[
    "agent",
    "support",
    "staff",
    "advisor",
    "adviser",
    "representative",
    "rep",
    "bot",
    "system",
    "assistant",
];

/// Comparing each bucket member with this many earlier ones keeps a huge bucket (a greeting
/// everybody types) linear.
const BUCKET_COMPARISONS: usize = 8;
const HASHES: usize = 32;
const ROWS: usize = 2;

/// What the customer said in a transcript: the lines of speakers not labelled as staff (the
/// whole text when no line is labelled).
pub fn customer_text(transcript: &str) -> String {
    let mut out = String::new();
    let mut staff = false;
    for line in transcript.lines() {
        let label = line.split_once(':').and_then(|(label, rest)| {
            let l = label.trim().to_lowercase();
            (!l.is_empty()
                && l.chars().count() <= 20
                && l.chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '_' || c == '-'))
            .then_some((l, rest))
        });
        let text = match label {
            Some((l, rest)) => {
                staff = STAFF_LABELS
                    .iter()
                    .any(|s| l == *s || l.starts_with(&format!("{s} ")));
                rest
            }
            None => line,
        };
        if !staff {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// A text's content words, hashed, sorted, once each; and how many words it has in all.
pub fn content_words(text: &str) -> (Vec<u64>, usize) {
    let folded = fold(text);
    let mut words = 0;
    let mut set = Vec::new();
    for chunk in folded.split_whitespace() {
        // An order or tracking number ("ord-0042", "DHL0012") is one word, and says nothing.
        if chunk.chars().any(|c| c.is_ascii_digit()) {
            words += 1;
            continue;
        }
        for w in chunk.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            words += 1;
            if !STOP_WORDS.contains(&w) {
                set.push(fnv(w.as_bytes()));
            }
        }
    }
    set.sort_unstable();
    set.dedup();
    (set, words)
}

/// A known script's content words: placeholders in braces (`{order}`) are left out.
pub fn script_words(script: &str) -> Vec<u64> {
    let mut plain = String::with_capacity(script.len());
    let mut depth = 0u32;
    for c in script.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    content_words(&plain).0
}

/// The Jaccard index of two sorted sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn minhash(set: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &x in set {
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = mix(x ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// A contact as the detector sees it.
struct Said<'m> {
    id: &'m str,
    event: &'m str,
    at: i64,
    account: Ix,
    agent: Option<Ix>,
    order: Option<Ix>,
    words: Vec<u64>,
    /// The best known script and the similarity to it.
    script: Option<(usize, f64)>,
}

/// See the module documentation.
pub(crate) fn scripts(facts: &Facts) -> Vec<Finding> {
    let (m, cfg, now) = (facts.m, facts.cfg, facts.now);
    let known: Vec<Vec<u64>> = cfg.scripts.iter().map(|s| script_words(s)).collect();
    let mut said = Vec::new();
    for (_, id, row) in m.contacts.iter() {
        let Some(rec) = &row.rec else { continue };
        if rec.stamp.at > now {
            continue;
        }
        let (words, count) = content_words(&customer_text(&rec.value.transcript));
        let script = known
            .iter()
            .enumerate()
            .map(|(k, s)| (k, jaccard(&words, s)))
            .filter(|(_, sim)| *sim >= cfg.script_match)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if count < cfg.script_min_words && script.is_none() {
            continue;
        }
        said.push(Said {
            id,
            event: &rec.stamp.event,
            at: rec.stamp.at,
            account: rec.value.account,
            agent: rec.value.agent,
            order: rec.value.order,
            words,
            script,
        });
    }
    said.sort_by(|a, b| (a.at, a.id).cmp(&(b.at, b.id)));

    // Near-duplicates: MinHash bands as candidates, the exact index to decide.
    let mut uf = UnionFind::new(said.len());
    let mut buckets: HashMap<(usize, [u64; ROWS]), Vec<u32>> = HashMap::new();
    for (i, s) in said.iter().enumerate() {
        if s.words.is_empty() {
            continue;
        }
        let sig = minhash(&s.words);
        for (band, rows) in sig.chunks(ROWS).enumerate() {
            let mut key = [0u64; ROWS];
            key.copy_from_slice(rows);
            let bucket = buckets.entry((band, key)).or_default();
            for &j in bucket.iter().rev().take(BUCKET_COMPARISONS) {
                if jaccard(&s.words, &said[j as usize].words) >= cfg.near_duplicate {
                    uf.union(i as u32, j);
                }
            }
            bucket.push(i as u32);
        }
    }
    let mut clusters: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for i in 0..said.len() {
        clusters.entry(uf.find(i as u32)).or_default().push(i);
    }

    let mut out = Vec::new();
    for members in clusters.values() {
        let accounts: BTreeSet<&str> = members
            .iter()
            .map(|&i| facts.account_id(said[i].account))
            .collect();
        let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
        for &i in members {
            if let Some((k, _)) = said[i].script {
                *votes.entry(k).or_default() += 1;
            }
        }
        let label = votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k);
        if label.is_none() && accounts.len() < cfg.script_cluster_min_accounts {
            continue;
        }
        // Members in time order: the cluster is named after its first.
        let first = members.first().map_or("", |&i| said[i].id);
        for &i in members {
            out.push(finding(
                facts, &said[i], members, &said, &accounts, label, first,
            ));
        }
    }
    out
}

fn finding(
    facts: &Facts,
    s: &Said,
    members: &[usize],
    said: &[Said],
    accounts: &BTreeSet<&str>,
    label: Option<usize>,
    first: &str,
) -> Finding {
    let (m, cfg) = (facts.m, facts.cfg);
    let account = facts.account_id(s.account);
    let handled = match (s.order, s.agent) {
        (Some(o), Some(a)) => format!(
            "account {account}, order {}, handled by {}",
            m.orders.id(o),
            facts.agent_id(a)
        ),
        (Some(o), None) => format!("account {account}, order {}", m.orders.id(o)),
        (None, Some(a)) => format!("account {account}, handled by {}", facts.agent_id(a)),
        (None, None) => format!("account {account}"),
    };
    let what = match (s.script, label) {
        (Some((k, sim)), _) => format!(
            "repeats known refund-service script {} (\"{}\"): {:.0}% of their content words \
             match",
            k + 1,
            excerpt(cfg.scripts.get(k).map_or("", String::as_str)),
            sim * 100.0
        ),
        (None, Some(k)) => format!(
            "is a near-duplicate of transcripts that repeat known refund-service script {} \
             (\"{}\")",
            k + 1,
            excerpt(cfg.scripts.get(k).map_or("", String::as_str))
        ),
        (None, None) => "matches no known script".to_string(),
    };
    let window = i64::from(cfg.contact_window_hours) * 3_600_000;
    let after: Vec<&RefundFact> = facts
        .account_refunds(s.account)
        .into_iter()
        .filter(|r| r.lost() && r.at >= s.at && r.at <= s.at.saturating_add(window))
        .collect();
    let mut purse = Purse::default();
    for r in &after {
        purse.add(r.currency, r.amount);
    }
    let mut summary = format!(
        "Contact {} ({handled}) {what}; it is one of {} near-identical transcripts from {}",
        s.id,
        members.len(),
        plural(accounts.len() as u64, "account", "accounts"),
    );
    if after.is_empty() {
        summary.push('.');
    } else {
        summary.push_str(&format!(
            "; {} was refunded with nothing back within {} hours.",
            purse.text(),
            cfg.contact_window_hours
        ));
    }
    let mut f = Finding::new(Detector::Script, Subject::new(SubjectKind::Contact, s.id));
    let base = match (s.script, label) {
        (Some(_), _) => 0.75,
        (None, Some(_)) => 0.7,
        (None, None) => 0.55,
    };
    f.score = base
        + 0.2 * squash(accounts.len() as f64, 10.0)
        + if after.is_empty() { 0.0 } else { 0.05 };
    f.summary = summary;
    f.evidence.push(Evidence {
        fact: format!("The transcript {what}."),
        event_ids: vec![s.event.to_string()],
        value: s.script.map(|(_, sim)| sim),
    });
    f.evidence.push(Evidence {
        fact: format!(
            "Cluster script-{first}: {} near-identical transcripts from {}.",
            members.len(),
            plural(accounts.len() as u64, "account", "accounts")
        ),
        event_ids: facts.event_ids(
            members
                .iter()
                .map(|&i| (said[i].at, said[i].event))
                .collect(),
        ),
        value: Some(accounts.len() as f64),
    });
    if !after.is_empty() {
        f.evidence.push(Evidence {
            fact: format!(
                "{} with nothing back followed within {} hours ({}).",
                plural(after.len() as u64, "refund", "refunds"),
                cfg.contact_window_hours,
                purse.text()
            ),
            event_ids: facts.event_ids(after.iter().map(|r| (r.at, r.event)).collect()),
            value: Some(after.len() as f64),
        });
    }
    f.accounts = vec![account.to_string()];
    let mut related: Vec<Subject> = after
        .iter()
        .map(|r| Subject::new(SubjectKind::Refund, r.id))
        .collect();
    if let Some(o) = s.order {
        related.push(Subject::new(SubjectKind::Order, m.orders.id(o)));
    }
    f.related = facts.related(related);
    (f.money_minor, f.currency) = purse.main();
    f.first_at = s.at;
    f.last_at = after.iter().map(|r| r.at).max().unwrap_or(s.at);
    f
}

/// The first words of a script, for a summary.
fn excerpt(s: &str) -> String {
    let cut = crate::model::cut(s, 60);
    if cut.len() < s.len() {
        format!("{}…", cut.trim_end())
    } else {
        cut.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_customer_speaks() {
        let t = "customer: my parcel never came\nagent: sorry to hear that\nstill waiting\n\
                 Customer: refund me";
        assert_eq!(
            customer_text(t).split_whitespace().collect::<Vec<_>>(),
            ["my", "parcel", "never", "came", "refund", "me"]
        );
        assert_eq!(customer_text("no labels here").trim(), "no labels here");
    }

    #[test]
    fn order_numbers_and_case_do_not_matter() {
        let a = content_words("My order ord-123 never arrived, the CONCIERGE has nothing").0;
        let b = content_words("my order ORD-999 never arrived; the concierge has nothing!").0;
        assert_eq!(jaccard(&a, &b), 1.0);
        let s = script_words("my order {order} never arrived, the concierge has nothing");
        assert_eq!(jaccard(&a, &s), 1.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert!(jaccard(&a, &content_words("where is my jacket").0) < 0.2);
    }
}
