//! The audit chain: an append-only list of entries, each carrying the hash of the one before,
//! so that changing, inserting or deleting an entry breaks the chain where it happened.
//!
//! The chain alone cannot tell a chain rewritten from some entry onwards (every later hash
//! recomputed) or cut short at the end: whoever can write the table can do that too. Signed
//! checkpoints close the gap: now and then the head (sequence number and hash) is signed with
//! an Ed25519 key kept outside the database, and [`verify`] checks the chain against them.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash the first entry points back to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DOMAIN: &[u8] = b"rampart-audit-v1";

/// What happened, before it is chained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Unix milliseconds.
    pub at: i64,
    /// `user:alice`, `token:7`, `system`.
    pub actor: String,
    /// `case.open`, `campaign.merge`, `action.complete`…
    pub action: String,
    /// `case:12`, `campaign:4`…
    pub object: String,
    /// What changed, as JSON.
    pub detail: String,
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// 1, 2, 3… without gaps.
    pub seq: i64,
    pub event: Event,
    /// Hex SHA-256 of the entry before ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// Hex SHA-256 of this entry's fields and `prev_hash`.
    pub hash: String,
}

/// Hashes an entry's content. Each field is length-prefixed, so no two different entries
/// encode to the same bytes (`"ab" + "c"` is not `"a" + "bc"`).
pub fn entry_hash(seq: i64, event: &Event, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    h.update(DOMAIN);
    for part in [
        prev_hash.as_bytes(),
        &seq.to_be_bytes(),
        &event.at.to_be_bytes(),
        event.actor.as_bytes(),
        event.action.as_bytes(),
        event.object.as_bytes(),
        event.detail.as_bytes(),
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    hex::encode(h.finalize())
}

/// The entry that follows `prev` (or starts the chain).
pub fn append(prev: Option<&Entry>, event: Event) -> Entry {
    let (seq, prev_hash) = match prev {
        Some(p) => (p.seq + 1, p.hash.clone()),
        None => (1, GENESIS.to_string()),
    };
    let hash = entry_hash(seq, &event, &prev_hash);
    Entry {
        seq,
        event,
        prev_hash,
        hash,
    }
}

/// A signed statement that the chain had `seq` entries and ended in `hash`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    /// Unix milliseconds.
    pub at: i64,
    /// Hex Ed25519 signature over [`Checkpoint::message`].
    pub signature: String,
}

impl Checkpoint {
    fn message(seq: i64, hash: &str, at: i64) -> Vec<u8> {
        format!("rampart-audit-checkpoint-v1\n{seq}\n{hash}\n{at}").into_bytes()
    }

    /// Signs the head of the chain.
    pub fn sign(head: &Entry, at: i64, key: &SigningKey) -> Checkpoint {
        let sig = key.sign(&Checkpoint::message(head.seq, &head.hash, at));
        Checkpoint {
            seq: head.seq,
            hash: head.hash.clone(),
            at,
            signature: hex::encode(sig.to_bytes()),
        }
    }

    /// Whether the signature is the key's.
    pub fn is_signed_by(&self, key: &VerifyingKey) -> bool {
        let Ok(bytes) = hex::decode(&self.signature) else {
            return false;
        };
        let Ok(sig) = Signature::from_slice(&bytes) else {
            return false;
        };
        key.verify(&Checkpoint::message(self.seq, &self.hash, self.at), &sig)
            .is_ok()
    }
}

/// One way the stored chain differs from what was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Break {
    /// The entry's content no longer matches its hash.
    Edited { seq: i64 },
    /// Entries are missing before this one.
    Missing { from: i64, to: i64 },
    /// This entry does not follow the one before it: it was inserted, or one before it was
    /// replaced.
    Unlinked { seq: i64 },
    /// The sequence goes backwards or repeats: an entry was inserted out of order.
    OutOfOrder { seq: i64, after: i64 },
    /// A signed checkpoint names an entry the chain no longer has: the end was cut off.
    Truncated { checkpoint_seq: i64, last_seq: i64 },
    /// A signed checkpoint's hash differs from the entry's: the chain was rewritten up to it.
    Rewritten { seq: i64 },
    /// A checkpoint's signature is not the audit key's.
    ForgedCheckpoint { seq: i64 },
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    pub entries: i64,
    pub checkpoints: usize,
    pub breaks: Vec<Break>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.breaks.is_empty()
    }
}

/// Walks the chain in stored order (by `seq`) and checks every link, then every checkpoint.
/// Streams: memory stays constant however long the chain, apart from the checkpoints.
pub fn verify(
    entries: impl IntoIterator<Item = Entry>,
    checkpoints: &[Checkpoint],
    key: Option<&VerifyingKey>,
) -> Verification {
    let mut v = ChainVerifier::new(checkpoints, key);
    for e in entries {
        v.push(&e);
    }
    v.finish()
}

/// [`verify`] one entry at a time, for chains read from a database page by page.
pub struct ChainVerifier {
    breaks: Vec<Break>,
    last_seq: i64,
    last_hash: String,
    count: i64,
    /// The checkpoints to look for: sequence number to (expected hash, seen).
    wanted: std::collections::HashMap<i64, (String, bool)>,
    checkpoints: usize,
}

impl ChainVerifier {
    pub fn new(checkpoints: &[Checkpoint], key: Option<&VerifyingKey>) -> ChainVerifier {
        let mut breaks = Vec::new();
        let mut sorted: Vec<&Checkpoint> = checkpoints.iter().collect();
        sorted.sort_by_key(|c| c.seq);
        let mut wanted = std::collections::HashMap::with_capacity(sorted.len());
        for c in &sorted {
            if let Some(k) = key
                && !c.is_signed_by(k)
            {
                breaks.push(Break::ForgedCheckpoint { seq: c.seq });
            }
            wanted.insert(c.seq, (c.hash.clone(), false));
        }
        ChainVerifier {
            breaks,
            last_seq: 0,
            last_hash: GENESIS.to_string(),
            count: 0,
            wanted,
            checkpoints: sorted.len(),
        }
    }

    /// The next entry in stored order.
    pub fn push(&mut self, e: &Entry) {
        self.count += 1;
        if e.seq <= self.last_seq {
            self.breaks.push(Break::OutOfOrder {
                seq: e.seq,
                after: self.last_seq,
            });
        } else if e.seq > self.last_seq + 1 {
            self.breaks.push(Break::Missing {
                from: self.last_seq + 1,
                to: e.seq - 1,
            });
        }
        if e.prev_hash != self.last_hash {
            self.breaks.push(Break::Unlinked { seq: e.seq });
        }
        if entry_hash(e.seq, &e.event, &e.prev_hash) != e.hash {
            self.breaks.push(Break::Edited { seq: e.seq });
        }
        if let Some((hash, seen)) = self.wanted.get_mut(&e.seq) {
            *seen = true;
            if *hash != e.hash {
                self.breaks.push(Break::Rewritten { seq: e.seq });
            }
        }
        self.last_seq = self.last_seq.max(e.seq);
        self.last_hash.clone_from(&e.hash);
    }

    pub fn finish(mut self) -> Verification {
        let mut missing: Vec<i64> = self
            .wanted
            .iter()
            .filter(|(_, (_, seen))| !seen)
            .map(|(seq, _)| *seq)
            .collect();
        missing.sort_unstable();
        for seq in missing {
            self.breaks.push(Break::Truncated {
                checkpoint_seq: seq,
                last_seq: self.last_seq,
            });
        }
        Verification {
            entries: self.count,
            checkpoints: self.checkpoints,
            breaks: self.breaks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(n: i64) -> Event {
        Event {
            at: 1_795_000_000_000 + n,
            actor: format!("user:u{}", n % 3),
            action: "case.note".into(),
            object: format!("case:{}", n % 5),
            detail: format!("{{\"n\":{n}}}"),
        }
    }

    fn chain(n: i64) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for i in 1..=n {
            let e = append(out.last(), event(i));
            out.push(e);
        }
        out
    }

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    fn check(entries: Vec<Entry>, checkpoints: &[Checkpoint]) -> Vec<Break> {
        let k = key().verifying_key();
        verify(entries, checkpoints, Some(&k)).breaks
    }

    #[test]
    fn an_untouched_chain_is_intact() {
        let c = chain(50);
        let cp = Checkpoint::sign(&c[29], 1, &key());
        let v = verify(c, &[cp], Some(&key().verifying_key()));
        assert!(v.is_intact(), "{:?}", v.breaks);
        assert_eq!((v.entries, v.checkpoints), (50, 1));
        assert!(verify(Vec::new(), &[], None).is_intact());
    }

    #[test]
    fn an_edited_entry_is_found() {
        let mut c = chain(10);
        c[4].event.detail = "{\"n\":\"changed\"}".into();
        assert_eq!(check(c, &[]), [Break::Edited { seq: 5 }]);
        let mut c = chain(10);
        c[2].event.actor = "user:someone-else".into();
        assert_eq!(check(c, &[]), [Break::Edited { seq: 3 }]);
        let mut c = chain(10);
        c[2].event.at += 1;
        assert_eq!(check(c, &[]), [Break::Edited { seq: 3 }]);
    }

    #[test]
    fn a_deleted_entry_is_found() {
        let mut c = chain(10);
        c.remove(6);
        assert_eq!(
            check(c, &[]),
            [
                Break::Missing { from: 7, to: 7 },
                Break::Unlinked { seq: 8 }
            ]
        );
    }

    #[test]
    fn an_inserted_entry_is_found() {
        // Inserted with a fresh number and renumbered after it, hashes recomputed for itself.
        let c = chain(10);
        let mut forged = append(Some(&c[3]), event(99));
        forged.seq = 5;
        let mut tampered: Vec<Entry> = c[..4].to_vec();
        tampered.push(forged);
        for e in &c[4..] {
            let mut e = e.clone();
            e.seq += 1;
            tampered.push(e);
        }
        let breaks = check(tampered, &[]);
        assert!(breaks.contains(&Break::Unlinked { seq: 6 }), "{breaks:?}");
        assert!(breaks.contains(&Break::Edited { seq: 6 }), "{breaks:?}");
    }

    #[test]
    fn a_rewritten_chain_is_caught_by_a_checkpoint() {
        // Whoever can write the table edits entry 3 and recomputes every hash after it: the
        // chain is consistent again, but the signed checkpoint at 8 no longer matches.
        let c = chain(10);
        let cp = Checkpoint::sign(&c[7], 1, &key());
        let mut rewritten: Vec<Entry> = c[..2].to_vec();
        for e in &c[2..] {
            let mut ev = e.event.clone();
            if e.seq == 3 {
                ev.detail = "{\"n\":\"rewritten\"}".into();
            }
            let next = append(rewritten.last(), ev);
            rewritten.push(next);
        }
        assert_eq!(check(rewritten.clone(), &[]), []);
        assert_eq!(check(rewritten, &[cp]), [Break::Rewritten { seq: 8 }]);
    }

    #[test]
    fn a_cut_off_end_is_caught_by_a_checkpoint() {
        let c = chain(10);
        let cp = Checkpoint::sign(&c[9], 1, &key());
        assert_eq!(
            check(c[..7].to_vec(), &[cp]),
            [Break::Truncated {
                checkpoint_seq: 10,
                last_seq: 7
            }]
        );
    }

    #[test]
    fn a_checkpoint_not_signed_by_the_key_is_forged() {
        let c = chain(5);
        let other = SigningKey::from_bytes(&[9u8; 32]);
        let forged = Checkpoint::sign(&c[4], 1, &other);
        assert_eq!(
            check(c.clone(), &[forged]),
            [Break::ForgedCheckpoint { seq: 5 }]
        );
        let mut edited = Checkpoint::sign(&c[4], 1, &key());
        edited.at += 1;
        assert_eq!(check(c, &[edited]), [Break::ForgedCheckpoint { seq: 5 }]);
    }

    #[test]
    fn fields_cannot_trade_bytes() {
        let a = Event {
            at: 1,
            actor: "ab".into(),
            action: "c".into(),
            object: String::new(),
            detail: String::new(),
        };
        let b = Event {
            actor: "a".into(),
            action: "bc".into(),
            ..a.clone()
        };
        assert_ne!(entry_hash(1, &a, GENESIS), entry_hash(1, &b, GENESIS));
    }

    proptest::proptest! {
        #[test]
        fn any_single_change_is_found(n in 2i64..40, at in 0usize..40, what in 0u8..4) {
            let mut c = chain(n);
            let at = at % c.len();
            match what {
                0 => c[at].event.detail.push('x'),
                1 => { c.remove(at); }
                2 => c[at].hash = GENESIS.into(),
                _ => {
                    let next = (at + 1) % c.len();
                    c.swap(at, next);
                }
            }
            let head = chain(n).last().cloned().unwrap();
            let cp = Checkpoint::sign(&head, 0, &key());
            proptest::prop_assert!(!check(c, &[cp]).is_empty());
        }
    }
}
