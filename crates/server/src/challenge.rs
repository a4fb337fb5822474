//! The public form's proof of work: a signed, one-time challenge that a browser solves in a
//! second or two, so that sending thousands of reports costs thousands of seconds of CPU. It
//! needs no third-party service and tells nobody anything about the person.
//!
//! A browser without JavaScript still gets through: its form carries a valid challenge but
//! no solution, and the caller then applies a stricter rate limit to it.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// How long a form stays valid after it was served.
pub const MAX_AGE_MS: i64 = 2 * 60 * 60 * 1000;
/// Challenges remembered as spent (for their two hours), at most; beyond it new submissions
/// are turned away until some expire, rather than forgetting any.
const MAX_SPENT: usize = 200_000;

/// Why a submission's challenge was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChallengeError {
    #[error("the form carries no challenge or a damaged one")]
    Malformed,
    #[error("the challenge was not issued by this service")]
    Forged,
    #[error("the form is older than two hours")]
    Expired,
    #[error("the challenge was already used")]
    Spent,
    #[error("the proof of work does not solve the challenge")]
    WrongSolution,
}

/// What a valid submission proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    /// The browser did the work.
    Work,
    /// A valid, fresh challenge but no work (no JavaScript).
    NoWork,
}

/// Issues and checks challenges with one key (shared by every node through the database).
pub struct Challenges {
    key: Vec<u8>,
    difficulty: u8,
    spent: Mutex<HashMap<[u8; 16], i64>>,
}

impl Challenges {
    pub fn new(key: &[u8], difficulty: u8) -> Challenges {
        Challenges {
            key: key.to_vec(),
            difficulty: difficulty.min(32),
            spent: Mutex::new(HashMap::new()),
        }
    }

    pub fn difficulty(&self) -> u8 {
        self.difficulty
    }

    fn sign(&self, payload: &[u8]) -> Vec<u8> {
        // A key of any length is accepted by HMAC; this cannot fail.
        let mut mac = match HmacSha256::new_from_slice(&self.key) {
            Ok(m) => m,
            Err(_) => return Vec::new(),
        };
        mac.update(payload);
        mac.finalize().into_bytes()[..16].to_vec()
    }

    /// A fresh challenge: `payload.signature`, both base64url.
    pub fn issue(&self, now_ms: i64) -> String {
        let mut payload = Vec::with_capacity(26);
        payload.push(1u8);
        payload.extend_from_slice(&now_ms.to_be_bytes());
        let nonce: [u8; 16] = rand::random();
        payload.extend_from_slice(&nonce);
        payload.push(self.difficulty);
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&payload),
            URL_SAFE_NO_PAD.encode(self.sign(&payload))
        )
    }

    /// Checks a submitted challenge and its optional solution, and spends it.
    pub fn verify(
        &self,
        token: &str,
        solution: Option<&str>,
        now_ms: i64,
    ) -> Result<Proof, ChallengeError> {
        let (payload_b64, sig_b64) = token.split_once('.').ok_or(ChallengeError::Malformed)?;
        if token.len() > 200 {
            return Err(ChallengeError::Malformed);
        }
        let payload = URL_SAFE_NO_PAD
            .decode(payload_b64)
            .map_err(|_| ChallengeError::Malformed)?;
        let sig = URL_SAFE_NO_PAD
            .decode(sig_b64)
            .map_err(|_| ChallengeError::Malformed)?;
        if payload.len() != 26 || payload[0] != 1 {
            return Err(ChallengeError::Malformed);
        }
        if !constant_time_eq(&self.sign(&payload), &sig) {
            return Err(ChallengeError::Forged);
        }
        let mut issued = [0u8; 8];
        issued.copy_from_slice(&payload[1..9]);
        let issued = i64::from_be_bytes(issued);
        if now_ms.saturating_sub(issued) > MAX_AGE_MS || issued > now_ms + 60_000 {
            return Err(ChallengeError::Expired);
        }
        let mut nonce = [0u8; 16];
        nonce.copy_from_slice(&payload[9..25]);
        let difficulty = payload[25];
        let proof = match solution.map(str::trim).filter(|s| !s.is_empty()) {
            None => Proof::NoWork,
            Some(s) if s.len() <= 32 && solves(token, s, difficulty) => Proof::Work,
            Some(_) => return Err(ChallengeError::WrongSolution),
        };
        let mut spent = self
            .spent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if spent.len() >= MAX_SPENT {
            spent.retain(|_, at| now_ms - *at <= MAX_AGE_MS);
            // Still full of live challenges: forgetting any would let it be replayed, so this
            // one waits (the person gets a fresh form) until some expire.
            if spent.len() >= MAX_SPENT {
                return Err(ChallengeError::Spent);
            }
        }
        if spent.insert(nonce, issued).is_some() {
            return Err(ChallengeError::Spent);
        }
        Ok(proof)
    }
}

/// Whether SHA-256(`token:solution`) starts with `difficulty` zero bits: what the browser's
/// script searches for.
pub fn solves(token: &str, solution: &str, difficulty: u8) -> bool {
    let digest = Sha256::digest(format!("{token}:{solution}").as_bytes());
    leading_zero_bits(&digest) >= u32::from(difficulty)
}

fn leading_zero_bits(bytes: &[u8]) -> u32 {
    let mut n = 0;
    for b in bytes {
        if *b == 0 {
            n += 8;
        } else {
            n += b.leading_zeros();
            break;
        }
    }
    n
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Finds a solution the way the browser does; for tests and the load generator.
pub fn solve(token: &str) -> Option<String> {
    let payload = URL_SAFE_NO_PAD.decode(token.split_once('.')?.0).ok()?;
    let difficulty = *payload.get(25)?;
    (0u64..u64::MAX)
        .map(|n| n.to_string())
        .find(|s| solves(token, s, difficulty))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_000_000_000;

    #[test]
    fn a_solved_challenge_passes_once() {
        let c = Challenges::new(b"key", 8);
        let token = c.issue(NOW);
        let solution = solve(&token).unwrap();
        assert_eq!(
            c.verify(&token, Some(&solution), NOW + 5_000),
            Ok(Proof::Work)
        );
        assert_eq!(
            c.verify(&token, Some(&solution), NOW + 6_000),
            Err(ChallengeError::Spent)
        );
    }

    #[test]
    fn refuses_what_it_should() {
        let c = Challenges::new(b"key", 12);
        let token = c.issue(NOW);
        assert_eq!(c.verify(&token, None, NOW), Ok(Proof::NoWork));
        let token = c.issue(NOW);
        let wrong = (0..)
            .map(|n: u32| n.to_string())
            .find(|s| !solves(&token, s, 12))
            .unwrap();
        assert_eq!(
            c.verify(&token, Some(&wrong), NOW),
            Err(ChallengeError::WrongSolution)
        );
        let other = Challenges::new(b"another key", 12).issue(NOW);
        assert_eq!(c.verify(&other, None, NOW), Err(ChallengeError::Forged));
        let old = c.issue(NOW - MAX_AGE_MS - 1);
        assert_eq!(c.verify(&old, None, NOW), Err(ChallengeError::Expired));
        for bad in ["", ".", "abc", "a.b", &"x".repeat(5000), "AAAA.AAAA"] {
            assert_eq!(
                c.verify(bad, None, NOW),
                Err(ChallengeError::Malformed),
                "{bad}"
            );
        }
        // A lower difficulty written into the payload breaks the signature.
        let (payload, sig) = token.split_once('.').unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(payload).unwrap();
        bytes[25] = 0;
        let forged = format!("{}.{sig}", URL_SAFE_NO_PAD.encode(bytes));
        assert_eq!(
            c.verify(&forged, Some("0"), NOW),
            Err(ChallengeError::Forged)
        );
    }

    #[test]
    fn counts_zero_bits() {
        assert_eq!(leading_zero_bits(&[0, 0, 0b0001_0000]), 19);
        assert_eq!(leading_zero_bits(&[0xff]), 0);
        assert_eq!(leading_zero_bits(&[0, 0]), 16);
    }
}
