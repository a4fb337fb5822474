//! Cryptocurrency addresses that scammers ask to be paid to: Bitcoin (base58check P2PKH/P2SH and
//! bech32/bech32m segwit) and Ethereum (hex, EIP-55 mixed-case checksum). Only addresses whose
//! checksum holds are accepted, so random words and typos are not reported.

use sha3::{Digest, Keccak256};

/// The normalised form of a Bitcoin mainnet address, or `None` when `s` is not one: base58
/// addresses as written (the alphabet is case-sensitive), bech32 addresses in lower case.
pub fn btc_address(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() >= 3 && b[..3].eq_ignore_ascii_case(b"bc1") {
        return segwit_address(s);
    }
    match b.first()? {
        b'1' | b'3' => base58_address(s),
        _ => None,
    }
}

/// P2PKH (`1…`, version byte 0x00) and P2SH (`3…`, version byte 0x05): base58 of a version byte,
/// a 20-byte hash and a 4-byte double-SHA-256 checksum.
fn base58_address(s: &str) -> Option<String> {
    // 25 bytes in base58 take 26 to 35 characters; checking the alphabet first keeps ordinary
    // words away from the decoder.
    if !(26..=35).contains(&s.len()) || !s.bytes().all(is_base58) {
        return None;
    }
    let payload = bs58::decode(s).with_check(None).into_vec().ok()?;
    let version = match s.as_bytes().first()? {
        b'1' => 0x00,
        _ => 0x05,
    };
    (payload.len() == 21 && payload[0] == version).then(|| s.to_string())
}

/// Segwit (`bc1q…` bech32, `bc1p…` bech32m): the checksum variant must match the witness version.
fn segwit_address(s: &str) -> Option<String> {
    // P2WPKH is 42 characters, P2WSH and P2TR are 62; BIP-173 allows up to 90 but nothing longer
    // than 62 is a standard mainnet output.
    if !(14..=90).contains(&s.len()) {
        return None;
    }
    let (hrp, _version, _program) = bech32::segwit::decode(s).ok()?;
    (hrp == bech32::hrp::BC).then(|| s.to_ascii_lowercase())
}

fn is_base58(c: u8) -> bool {
    c.is_ascii_alphanumeric() && !matches!(c, b'0' | b'O' | b'I' | b'l')
}

/// The normalised (lower case) form of an Ethereum address `0x` + 40 hex digits, or `None` when
/// `s` is not one. An address written in mixed case carries an EIP-55 checksum in the case of its
/// letters; a mismatch means a typo or a tampered address, and it is rejected.
pub fn eth_address(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() != 42 || b[0] != b'0' || !matches!(b[1], b'x' | b'X') {
        return None;
    }
    let digits = &b[2..];
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let lower = digits.to_ascii_lowercase();
    let has_upper = digits.iter().any(u8::is_ascii_uppercase);
    let has_lower = digits.iter().any(u8::is_ascii_lowercase);
    if has_upper && has_lower {
        let hash = Keccak256::digest(&lower);
        for (i, &c) in digits.iter().enumerate() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            let byte = hash[i / 2];
            let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
            if c.is_ascii_uppercase() != (nibble >= 8) {
                return None;
            }
        }
    }
    let mut out = String::with_capacity(42);
    out.push_str("0x");
    // `lower` holds only ASCII hex digits.
    out.extend(lower.iter().map(|&c| char::from(c)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_btc(s: &str, expected: Option<&str>) {
        assert_eq!(btc_address(s).as_deref(), expected, "{s:?}");
    }

    fn check_eth(s: &str, expected: Option<&str>) {
        assert_eq!(eth_address(s).as_deref(), expected, "{s:?}");
    }

    #[test]
    fn validates_bitcoin_addresses() {
        let genesis = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
        check_btc(genesis, Some(genesis));
        check_btc("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", None);
        check_btc(
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            Some("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        );
        // A valid base58check string with P2SH's version byte cannot start with 1.
        check_btc("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", None);
        let p2wpkh = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        check_btc(p2wpkh, Some(p2wpkh));
        check_btc(&p2wpkh.to_uppercase(), Some(p2wpkh));
        check_btc("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", None);
        check_btc("BC1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", None);
        let p2tr = "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr";
        check_btc(p2tr, Some(p2tr));
        // Testnet is not a payment a scam victim can make.
        check_btc("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", None);
        check_btc("", None);
        check_btc("1", None);
    }

    #[test]
    fn validates_ethereum_addresses() {
        check_eth(
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            Some("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
        );
        check_eth(
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            Some("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
        );
        check_eth(
            "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
            Some("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
        );
        check_eth(
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            Some("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
        );
        // One letter's case flipped: the EIP-55 checksum fails.
        check_eth("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", None);
        check_eth("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", None);
        check_eth("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", None);
    }
}
