//! The identifiers of an account that a ban records and sign-up screening compares: its e-mail
//! address and every device, payment fingerprint, phone, postal address and IP address the
//! model has seen on it, normalised as the model normalises them; and those a new sign-up
//! shows, normalised the same way.

use crate::events::Account;
use crate::model::{IdentKind, Model, address_key, phone_key};

/// An e-mail address as identifiers compare it: trimmed, lower-case; `None` when empty.
pub fn email_key(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    (!e.is_empty()).then_some(e)
}

/// The identifiers a sign-up (or account change) shows, as the model would record them:
/// `email`, `phone`, `device`, `payment` and `address` (an IP address is shared too widely to
/// screen on, though a ban records it).
pub fn signup_identifiers(a: &Account) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(e) = a.email.as_deref().and_then(email_key) {
        out.push(("email".into(), e));
    }
    if let Some(p) = a.phone.as_deref().and_then(phone_key) {
        out.push(("phone".into(), p));
    }
    if let Some(d) = &a.device_id {
        out.push(("device".into(), d.clone()));
    }
    if let Some(p) = &a.payment_fingerprint {
        out.push(("payment".into(), p.clone()));
    }
    for addr in &a.addresses {
        if let Some(k) = address_key(addr) {
            out.push(("address".into(), k));
        }
    }
    out
}

impl Model {
    /// Every identifier seen on the account, as (kind, normalised value), sorted: kinds are
    /// `email`, `device`, `payment`, `phone`, `address` and `ip` (a network range is too wide
    /// to ban). Empty for an account the model does not know.
    pub fn identifiers(&self, account_id: &str) -> Vec<(String, String)> {
        let Some(ix) = self.accounts.get(account_id) else {
            return Vec::new();
        };
        let Some(row) = self.accounts.row(ix) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(e) = row.email.as_ref().and_then(|e| email_key(&e.value)) {
            out.push(("email".to_string(), e));
        }
        for &ident in &row.idents {
            let Some(i) = self.idents.row(ident) else {
                continue;
            };
            let kind = match i.kind {
                IdentKind::Device => "device",
                IdentKind::Payment => "payment",
                IdentKind::Phone => "phone",
                IdentKind::Address => "address",
                IdentKind::Ip => "ip",
                IdentKind::Network => continue,
            };
            // Keys are a one-letter tag, a colon and the value.
            let key = self.idents.id(ident);
            if let Some((_, value)) = key.split_once(':') {
                out.push((kind.to_string(), value.to_string()));
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::events::parse_line;
    use crate::model::Model;

    #[test]
    fn a_ban_records_what_the_account_showed() {
        let mut m = Model::new();
        let line = r#"{"id": "e1", "type": "account", "at": "2026-03-01T10:00:00Z", "account_id": "a1",
            "email": "Mule@Example.org", "phone": "+44 7700 900123", "device_id": "dev-9",
            "ip": "203.0.113.7", "payment_fingerprint": "pf-1",
            "addresses": [{"line1": "1 High Street", "postcode": "AB1 2CD", "city": "Town", "country": "GB"}]}"#
            .replace('\n', " ");
        assert!(m.apply(&parse_line(&line).unwrap()));
        let ids = m.identifiers("a1");
        let kinds: Vec<&str> = ids.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            kinds,
            ["address", "device", "email", "ip", "payment", "phone"],
            "{ids:?}"
        );
        assert!(ids.contains(&("email".into(), "mule@example.org".into())));
        assert!(ids.contains(&("device".into(), "dev-9".into())));
        assert!(m.identifiers("nobody").is_empty());
        // A sign-up's identifiers are normalised the same way, so a ban matches them.
        let again = parse_line(&line.replace("\"e1\"", "\"e2\"")).unwrap();
        let crate::events::Body::Account(a) = &again.body else {
            panic!("an account event");
        };
        for id in super::signup_identifiers(a) {
            assert!(ids.contains(&id), "{id:?} in {ids:?}");
        }
    }
}
