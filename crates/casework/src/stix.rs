//! A STIX 2.1 bundle of a case's indicators and campaigns, for partners and police.
//!
//! The bundle holds an `identity` for us (the `created_by_ref` of every object we make), one
//! `campaign` per campaign, one `indicator` per indicator with a STIX pattern, the observables
//! the patterns describe (`domain-name`, `url`, `email-addr`, `ipv4-addr`, `ipv6-addr`), an
//! `indicates` relationship from each indicator to each of its campaigns, and a `report` named
//! after the case that lists everything.
//!
//! Ids are deterministic, so exporting the same case twice gives the same ids and a partner's
//! platform updates objects instead of duplicating them: observables follow the STIX 2.1 rule
//! (UUIDv5 in the STIX namespace over the canonical JSON of `{"value": …}`); our own objects are
//! UUIDv5 in [`RAMPART_NAMESPACE`] over the case reference, the object's kind and its key (the
//! spec prefers UUIDv4 but allows any UUID from a namespace that cannot collide).
//!
//! Phone numbers and crypto-currency wallets have no standard STIX observable. Their patterns use
//! the custom object paths `x-rampart-phone-number:value` and `x-rampart-crypto-wallet:value`,
//! no observable object is emitted for them, and every indicator carries `x_rampart_kind` (our
//! kind: `phone`, `btc`, `eth`, …) so a consumer can tell a Bitcoin wallet from an Ethereum one.

use std::collections::{BTreeSet, HashMap, HashSet};

use rampart_indicators::extract::IndicatorKind;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::summary::utc;

/// The STIX 2.1 namespace for the ids of cyber-observable objects (section 2.9 of the spec).
pub const STIX_SCO_NAMESPACE: Uuid = Uuid::from_u128(0x00ab_edb4_aa42_466c_9c01_fed2_3315_a9b7);

/// Our namespace for the ids of the objects we make. Never change it: partners match on ids.
pub const RAMPART_NAMESPACE: Uuid = Uuid::from_u128(0x6e54_e570_c585_4528_b51b_a789_6c40_d9c3);

/// One indicator of the case. Times are UTC Unix milliseconds.
#[derive(Debug, Clone)]
pub struct StixIndicator {
    pub kind: IndicatorKind,
    pub value: String,
    pub first_seen: i64,
    pub last_seen: i64,
    pub report_count: i64,
    /// Ids of the campaigns it belongs to.
    pub campaigns: Vec<i64>,
}

/// One campaign of the case. Times are UTC Unix milliseconds.
#[derive(Debug, Clone)]
pub struct StixCampaign {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub first_seen: Option<i64>,
    pub last_seen: Option<i64>,
}

/// The case the bundle is about.
#[derive(Debug, Clone)]
pub struct StixCase {
    /// E.g. `CASE-12`.
    pub reference: String,
    pub title: String,
    /// When the bundle is made, UTC Unix milliseconds.
    pub created_at: i64,
    /// Our organisation's name, for the identity object.
    pub producer: String,
}

/// The STIX 2.1 bundle of a case. Objects come in a fixed order (identity, campaigns,
/// indicators, observables, relationships, report); the same input gives the same bundle.
/// A repeated indicator (same kind and value) or campaign (same id) is kept once, the first.
/// Relationships to campaigns not in `campaigns` are left out.
pub fn bundle(case: &StixCase, campaigns: &[StixCampaign], indicators: &[StixIndicator]) -> Value {
    let now = case.created_at;
    let reference = case.reference.as_str();
    let identity_id = sdo_id("identity", &[&case.producer]);
    let mut objects: Vec<Value> = Vec::new();

    let producer = if case.producer.trim().is_empty() {
        "Rampart"
    } else {
        case.producer.as_str()
    };
    objects.push(json!({
        "type": "identity",
        "spec_version": "2.1",
        "id": identity_id,
        "created": timestamp(now),
        "modified": timestamp(now),
        "name": producer,
        "identity_class": "organization",
    }));

    let mut campaign_ids: HashMap<i64, String> = HashMap::new();
    for c in campaigns {
        if campaign_ids.contains_key(&c.id) {
            continue;
        }
        let id = sdo_id("campaign", &[reference, &c.id.to_string()]);
        campaign_ids.insert(c.id, id.clone());
        let created = c.first_seen.unwrap_or(now);
        let mut campaign = json!({
            "type": "campaign",
            "spec_version": "2.1",
            "id": id,
            "created": timestamp(created),
            "modified": timestamp(created.max(now)),
            "created_by_ref": identity_id,
            "name": if c.name.trim().is_empty() { format!("Campaign {}", c.id) } else { c.name.clone() },
            "x_rampart_campaign_id": c.id,
        });
        if !c.description.is_empty() {
            campaign["description"] = json!(c.description);
        }
        if let Some(first) = c.first_seen {
            campaign["first_seen"] = json!(timestamp(first));
        }
        if let Some(last) = c.last_seen {
            // The spec wants last_seen no earlier than first_seen.
            campaign["last_seen"] = json!(timestamp(last.max(c.first_seen.unwrap_or(last))));
        }
        objects.push(campaign);
    }

    let mut seen: HashSet<(IndicatorKind, &str)> = HashSet::new();
    let mut observables: Vec<Value> = Vec::new();
    let mut observable_ids: BTreeSet<String> = BTreeSet::new();
    let mut relationships: Vec<Value> = Vec::new();
    for i in indicators {
        if !seen.insert((i.kind, i.value.as_str())) {
            continue;
        }
        let id = sdo_id("indicator", &[reference, i.kind.as_str(), &i.value]);
        let last_seen = i.last_seen.max(i.first_seen);
        objects.push(json!({
            "type": "indicator",
            "spec_version": "2.1",
            "id": id,
            "created": timestamp(i.first_seen),
            "modified": timestamp(i.first_seen.max(now)),
            "created_by_ref": identity_id,
            "name": format!("{}: {}", label(i.kind), i.value),
            "description": format!(
                "Seen in {} report(s) to {producer} (case {reference}) from {} to {}.",
                i.report_count,
                timestamp(i.first_seen),
                timestamp(last_seen),
            ),
            "indicator_types": ["malicious-activity"],
            "pattern": pattern(i.kind, &i.value),
            "pattern_type": "stix",
            "pattern_version": "2.1",
            "valid_from": timestamp(i.first_seen),
            "x_rampart_kind": i.kind.as_str(),
            "x_rampart_report_count": i.report_count,
            "x_rampart_last_seen": timestamp(last_seen),
        }));
        if let Some(sco_type) = observable_type(i.kind) {
            let sco_id = observable_id(sco_type, &i.value);
            if observable_ids.insert(sco_id.clone()) {
                observables.push(json!({
                    "type": sco_type,
                    "spec_version": "2.1",
                    "id": sco_id,
                    "value": i.value,
                }));
            }
        }
        let mut linked: HashSet<i64> = HashSet::new();
        for campaign in &i.campaigns {
            let Some(campaign_id) = campaign_ids.get(campaign) else {
                continue;
            };
            if !linked.insert(*campaign) {
                continue;
            }
            let created = i.first_seen.max(now);
            relationships.push(json!({
                "type": "relationship",
                "spec_version": "2.1",
                "id": sdo_id("relationship", &[reference, "indicates", &id, campaign_id]),
                "created": timestamp(created),
                "modified": timestamp(created),
                "created_by_ref": identity_id,
                "relationship_type": "indicates",
                "source_ref": id,
                "target_ref": campaign_id,
            }));
        }
    }
    objects.extend(observables);
    objects.extend(relationships);

    let object_refs: Vec<Value> = objects.iter().map(|o| o["id"].clone()).collect();
    let name = if case.title.trim().is_empty() {
        reference.to_string()
    } else {
        format!("{reference}: {}", case.title)
    };
    objects.push(json!({
        "type": "report",
        "spec_version": "2.1",
        "id": sdo_id("report", &[reference]),
        "created": timestamp(now),
        "modified": timestamp(now),
        "created_by_ref": identity_id,
        "name": name,
        "report_types": ["campaign"],
        "published": timestamp(now),
        "object_refs": object_refs,
        "external_references": [{ "source_name": "rampart", "external_id": reference }],
    }));

    json!({
        "type": "bundle",
        "id": sdo_id("bundle", &[reference, &now.to_string()]),
        "objects": objects,
    })
}

/// A STIX timestamp, `YYYY-MM-DDTHH:MM:SS.sssZ`, held to years 0000–9999.
pub fn timestamp(ms: i64) -> String {
    let t = utc(ms);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// The STIX pattern that matches `value`, e.g. `[domain-name:value = 'example.com']`.
pub fn pattern(kind: IndicatorKind, value: &str) -> String {
    format!("[{} = '{}']", object_path(kind), escape_literal(value))
}

/// `s` as the inside of a pattern's string literal: the grammar ends a literal at `'` and
/// reads `\` as an escape, so both are escaped; everything else stands for itself.
pub fn escape_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '\\' | '\'') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn object_path(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Url => "url:value",
        IndicatorKind::Domain => "domain-name:value",
        IndicatorKind::Email => "email-addr:value",
        IndicatorKind::Ipv4 => "ipv4-addr:value",
        IndicatorKind::Ipv6 => "ipv6-addr:value",
        IndicatorKind::Phone => "x-rampart-phone-number:value",
        IndicatorKind::Btc | IndicatorKind::Eth => "x-rampart-crypto-wallet:value",
    }
}

/// The standard observable type of a kind, when STIX has one.
fn observable_type(kind: IndicatorKind) -> Option<&'static str> {
    match kind {
        IndicatorKind::Url => Some("url"),
        IndicatorKind::Domain => Some("domain-name"),
        IndicatorKind::Email => Some("email-addr"),
        IndicatorKind::Ipv4 => Some("ipv4-addr"),
        IndicatorKind::Ipv6 => Some("ipv6-addr"),
        IndicatorKind::Phone | IndicatorKind::Btc | IndicatorKind::Eth => None,
    }
}

fn label(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Url => "URL",
        IndicatorKind::Domain => "Domain",
        IndicatorKind::Email => "E-mail address",
        IndicatorKind::Phone => "Phone number",
        IndicatorKind::Ipv4 => "IPv4 address",
        IndicatorKind::Ipv6 => "IPv6 address",
        IndicatorKind::Btc => "Bitcoin wallet",
        IndicatorKind::Eth => "Ethereum wallet",
    }
}

/// The id of an observable whose only id-contributing property is `value`: UUIDv5 in the STIX
/// namespace over its canonical (RFC 8785) JSON, `{"value":"…"}`. serde_json escapes a string
/// exactly as RFC 8785 does (`"`, `\`, control characters, `\u00xx` in lower case, nothing else).
fn observable_id(sco_type: &str, value: &str) -> String {
    let name = format!("{{\"value\":{}}}", Value::String(value.to_string()));
    format!(
        "{sco_type}--{}",
        Uuid::new_v5(&STIX_SCO_NAMESPACE, name.as_bytes())
    )
}

/// The id of an object we make: UUIDv5 in our namespace over its type and key parts, each
/// length-prefixed so that no two keys share a name.
fn sdo_id(object_type: &str, parts: &[&str]) -> String {
    let mut name = String::from(object_type);
    for part in parts {
        name.push_str(&format!("\n{}:{part}", part.len()));
    }
    format!(
        "{object_type}--{}",
        Uuid::new_v5(&RAMPART_NAMESPACE, name.as_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // 2024-03-05T14:07:09.250Z
    const T: i64 = 1_709_647_629_250;
    const DAY: i64 = 86_400_000;

    fn case() -> StixCase {
        StixCase {
            reference: "CASE-12".into(),
            title: "Parcel fee scam".into(),
            created_at: T + 30 * DAY,
            producer: "Example Shop".into(),
        }
    }

    fn campaigns() -> Vec<StixCampaign> {
        vec![
            StixCampaign {
                id: 3,
                name: "Parcel fee SMS".into(),
                description: "Fake customs fee".into(),
                first_seen: Some(T),
                last_seen: Some(T + DAY),
            },
            StixCampaign {
                id: 4,
                name: String::new(),
                description: String::new(),
                first_seen: None,
                last_seen: None,
            },
        ]
    }

    fn indicator(kind: IndicatorKind, value: &str, campaigns: Vec<i64>) -> StixIndicator {
        StixIndicator {
            kind,
            value: value.into(),
            first_seen: T,
            last_seen: T + DAY,
            report_count: 5,
            campaigns,
        }
    }

    fn indicators() -> Vec<StixIndicator> {
        vec![
            indicator(IndicatorKind::Domain, "examp1e-shop.com", vec![3, 4]),
            indicator(IndicatorKind::Url, "https://examp1e-shop.com/pay", vec![3]),
            indicator(IndicatorKind::Email, "help@examp1e-shop.com", vec![3]),
            indicator(IndicatorKind::Ipv4, "198.51.100.3", vec![]),
            indicator(IndicatorKind::Ipv6, "2001:db8::1", vec![3]),
            indicator(IndicatorKind::Phone, "+33612345678", vec![3, 99]),
            indicator(
                IndicatorKind::Btc,
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                vec![4],
            ),
            indicator(
                IndicatorKind::Eth,
                "0x52908400098527886E0F7030069857D2E4169EE7",
                vec![],
            ),
        ]
    }

    fn objects(b: &Value) -> &Vec<Value> {
        b["objects"].as_array().unwrap()
    }

    fn of_type<'a>(b: &'a Value, t: &str) -> Vec<&'a Value> {
        objects(b).iter().filter(|o| o["type"] == t).collect()
    }

    fn is_timestamp(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 24
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                10 => *c == b'T',
                13 | 16 => *c == b':',
                19 => *c == b'.',
                23 => *c == b'Z',
                _ => c.is_ascii_digit(),
            })
    }

    /// The text a pattern's string literal stands for.
    fn unescape_pattern(pattern: &str, path: &str) -> String {
        let inner = pattern
            .strip_prefix(&format!("[{path} = '"))
            .and_then(|p| p.strip_suffix("']"))
            .unwrap_or_else(|| panic!("bad pattern {pattern:?}"));
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push(chars.next().unwrap()),
                '\'' => panic!("unescaped quote in {pattern:?}"),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn the_bundle_has_the_objects_a_partner_expects() {
        let b = bundle(&case(), &campaigns(), &indicators());
        assert_eq!(b["type"], "bundle");
        let count = |t: &str| of_type(&b, t).len();
        assert_eq!(count("identity"), 1);
        assert_eq!(count("campaign"), 2);
        assert_eq!(count("indicator"), 8);
        assert_eq!(count("report"), 1);
        // Domain, URL, e-mail, IPv4, IPv6: phones and wallets have no standard observable.
        for t in ["domain-name", "url", "email-addr", "ipv4-addr", "ipv6-addr"] {
            assert_eq!(count(t), 1, "{t}");
        }
        // domain→3, domain→4, url→3, email→3, ipv6→3, phone→3 (99 is not in the bundle), btc→4.
        assert_eq!(count("relationship"), 7);
        for r in of_type(&b, "relationship") {
            assert_eq!(r["relationship_type"], "indicates");
            assert!(r["source_ref"].as_str().unwrap().starts_with("indicator--"));
            assert!(r["target_ref"].as_str().unwrap().starts_with("campaign--"));
        }

        let identity = of_type(&b, "identity")[0];
        assert_eq!(identity["name"], "Example Shop");
        assert_eq!(identity["identity_class"], "organization");
        for o in objects(&b) {
            let t = o["type"].as_str().unwrap();
            assert_eq!(o["spec_version"], "2.1", "{o}");
            if !matches!(
                t,
                "identity" | "domain-name" | "url" | "email-addr" | "ipv4-addr" | "ipv6-addr"
            ) {
                assert_eq!(o["created_by_ref"], identity["id"], "{o}");
            }
        }

        let report = of_type(&b, "report")[0];
        assert_eq!(report["name"], "CASE-12: Parcel fee scam");
        assert_eq!(report["report_types"], json!(["campaign"]));
        assert_eq!(report["published"], "2024-04-04T14:07:09.250Z");
        assert_eq!(
            report["object_refs"].as_array().unwrap().len(),
            objects(&b).len() - 1
        );

        let campaign = of_type(&b, "campaign")[0];
        assert_eq!(campaign["name"], "Parcel fee SMS");
        assert_eq!(campaign["description"], "Fake customs fee");
        assert_eq!(campaign["first_seen"], "2024-03-05T14:07:09.250Z");
        assert_eq!(campaign["last_seen"], "2024-03-06T14:07:09.250Z");
        assert_eq!(of_type(&b, "campaign")[1]["name"], "Campaign 4");
    }

    #[test]
    fn indicators_carry_pattern_validity_and_kind() {
        let b = bundle(&case(), &campaigns(), &indicators());
        fn check(b: &Value, kind: &str, pattern: &str) {
            let i = of_type(b, "indicator")
                .into_iter()
                .find(|i| i["x_rampart_kind"] == kind)
                .unwrap();
            assert_eq!(i["pattern"], pattern);
            assert_eq!(i["pattern_type"], "stix");
            assert_eq!(i["valid_from"], "2024-03-05T14:07:09.250Z");
            assert_eq!(i["indicator_types"], json!(["malicious-activity"]));
            assert_eq!(i["x_rampart_report_count"], 5);
            assert!(!i["name"].as_str().unwrap().is_empty());
        }
        check(&b, "domain", "[domain-name:value = 'examp1e-shop.com']");
        check(&b, "url", "[url:value = 'https://examp1e-shop.com/pay']");
        check(&b, "email", "[email-addr:value = 'help@examp1e-shop.com']");
        check(&b, "ipv4", "[ipv4-addr:value = '198.51.100.3']");
        check(&b, "ipv6", "[ipv6-addr:value = '2001:db8::1']");
        check(
            &b,
            "phone",
            "[x-rampart-phone-number:value = '+33612345678']",
        );
        check(
            &b,
            "btc",
            "[x-rampart-crypto-wallet:value = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']",
        );
        check(
            &b,
            "eth",
            "[x-rampart-crypto-wallet:value = '0x52908400098527886E0F7030069857D2E4169EE7']",
        );
    }

    #[test]
    fn ids_are_well_formed_and_the_same_on_every_export() {
        let b = bundle(&case(), &campaigns(), &indicators());
        assert_eq!(b, bundle(&case(), &campaigns(), &indicators()));
        let mut ids = HashSet::new();
        for o in objects(&b).iter().chain([&b]) {
            let id = o["id"].as_str().unwrap();
            let (t, uuid) = id.split_once("--").unwrap();
            assert_eq!(t, o["type"], "{id}");
            let uuid = Uuid::parse_str(uuid).unwrap();
            assert_eq!(uuid.get_version_num(), 5, "{id}");
            assert!(ids.insert(id.to_string()), "duplicate {id}");
        }
        // Another case gets other ids for its own objects, the same identity and observables.
        let mut other = case();
        other.reference = "CASE-13".into();
        let o = bundle(&other, &campaigns(), &indicators());
        let id_of = |b: &Value, t: &str| of_type(b, t)[0]["id"].clone();
        assert_ne!(id_of(&b, "indicator"), id_of(&o, "indicator"));
        assert_ne!(id_of(&b, "report"), id_of(&o, "report"));
        assert_eq!(id_of(&b, "identity"), id_of(&o, "identity"));
        assert_eq!(id_of(&b, "domain-name"), id_of(&o, "domain-name"));
    }

    #[test]
    fn observable_ids_follow_the_stix_rule() {
        // Expected values computed independently with Python's uuid.uuid5.
        fn check(sco_type: &str, value: &str, expected: &str) {
            assert_eq!(observable_id(sco_type, value), expected);
        }
        check(
            "domain-name",
            "example.com",
            "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7",
        );
        check(
            "ipv4-addr",
            "198.51.100.3",
            "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4",
        );
        check(
            "url",
            "https://example.com/a?b=\"c\"",
            "url--8b355004-7999-5b18-8def-404366ca74a8",
        );
    }

    #[test]
    fn every_reference_points_into_the_bundle() {
        let b = bundle(&case(), &campaigns(), &indicators());
        let ids: HashSet<&str> = objects(&b)
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        let mut refs = 0;
        for o in objects(&b) {
            for (key, value) in o.as_object().unwrap() {
                if key.ends_with("_ref") {
                    assert!(ids.contains(value.as_str().unwrap()), "{key} in {o}");
                    refs += 1;
                } else if key.ends_with("_refs") {
                    for r in value.as_array().unwrap() {
                        assert!(ids.contains(r.as_str().unwrap()), "{key} in {o}");
                        refs += 1;
                    }
                }
            }
        }
        assert!(refs > objects(&b).len());
    }

    #[test]
    fn timestamps_have_milliseconds_in_utc() {
        fn check(ms: i64, expected: &str) {
            assert_eq!(timestamp(ms), expected);
        }
        check(0, "1970-01-01T00:00:00.000Z");
        check(T, "2024-03-05T14:07:09.250Z");
        check(-1, "1969-12-31T23:59:59.999Z");
        check(i64::MAX, "9999-12-31T23:59:59.999Z");
        check(i64::MIN, "0000-01-01T00:00:00.000Z");

        let b = bundle(&case(), &campaigns(), &indicators());
        for o in objects(&b) {
            for key in [
                "created",
                "modified",
                "valid_from",
                "published",
                "first_seen",
                "last_seen",
            ] {
                if let Some(t) = o.get(key) {
                    assert!(is_timestamp(t.as_str().unwrap()), "{key} {t}");
                }
            }
            if let (Some(c), Some(m)) = (o.get("created"), o.get("modified")) {
                assert!(c.as_str() <= m.as_str(), "modified before created in {o}");
            }
        }
    }

    #[test]
    fn pattern_literals_are_escaped() {
        fn check(value: &str, expected: &str) {
            let p = pattern(IndicatorKind::Url, value);
            assert_eq!(p, expected);
            assert_eq!(unescape_pattern(&p, "url:value"), value);
        }
        check("http://a/b", "[url:value = 'http://a/b']");
        check("http://a/it's", r"[url:value = 'http://a/it\'s']");
        check(r"http://a/\x", r"[url:value = 'http://a/\\x']");
        check(r"\'", r"[url:value = '\\\'']");
        check(
            "http://a/'] OR [url:value = 'x",
            r"[url:value = 'http://a/\'] OR [url:value = \'x']",
        );
        check("a\nb]", "[url:value = 'a\nb]']");
        check("", "[url:value = '']");
    }

    #[test]
    fn an_attacker_value_with_a_quote_makes_a_valid_bundle() {
        let value = "evil.com/'] OR [x:y = '1\\";
        let b = bundle(
            &case(),
            &campaigns(),
            &[indicator(IndicatorKind::Url, value, vec![3])],
        );
        let text = serde_json::to_string(&b).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        let i = of_type(&back, "indicator")[0];
        assert_eq!(
            unescape_pattern(i["pattern"].as_str().unwrap(), "url:value"),
            value
        );
        assert_eq!(of_type(&back, "url")[0]["value"], value);
    }

    #[test]
    fn repeats_are_kept_once() {
        let mut c = campaigns();
        c.push(c[0].clone());
        let mut i = indicators();
        i.push(i[0].clone());
        i[0].campaigns = vec![3, 3, 4];
        let b = bundle(&case(), &c, &i);
        assert_eq!(of_type(&b, "campaign").len(), 2);
        assert_eq!(of_type(&b, "indicator").len(), 8);
        assert_eq!(of_type(&b, "relationship").len(), 7);
    }

    #[test]
    fn an_empty_case_is_still_a_valid_bundle() {
        let b = bundle(&case(), &[], &[]);
        assert_eq!(objects(&b).len(), 2);
        let report = of_type(&b, "report")[0];
        assert_eq!(
            report["object_refs"],
            json!([of_type(&b, "identity")[0]["id"]])
        );
    }

    proptest! {
        #[test]
        fn any_value_serialises_and_its_pattern_round_trips(
            value in any::<String>(),
            kind in proptest::sample::select(IndicatorKind::ALL.to_vec()),
            first in any::<i64>(),
            last in any::<i64>(),
        ) {
            let mut i = indicator(kind, &value, vec![3]);
            i.first_seen = first;
            i.last_seen = last;
            let b = bundle(&case(), &campaigns(), &[i]);
            let text = serde_json::to_string(&b).unwrap();
            let back: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&back, &b);
            let indicator = of_type(&back, "indicator")[0];
            let pattern = indicator["pattern"].as_str().unwrap();
            prop_assert_eq!(unescape_pattern(pattern, object_path(kind)), value);
        }
    }
}
