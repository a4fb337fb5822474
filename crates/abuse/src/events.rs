//! The events a marketplace sends, one JSON object per line:
//!
//! ```json
//! {"id": "evt-1", "type": "refund", "at": "2026-03-05T14:07:00Z", "refund_id": "rf-9",
//!  "order_id": "o-7", "account_id": "a-3", "amount": {"value": "899.00", "currency": "EUR"},
//!  "reason": "not_received", "channel": "chat", "issued_by": "agent-17", "return_required": true}
//! ```
//!
//! Every event has an `id` (unique for ever: the same id again is the same event, whatever else
//! it says), a `type` and the time it happened, `at` (RFC 3339). The rest depends on the type;
//! fields not listed here are ignored, so a marketplace may send more than is read. Reading is
//! two steps: serde takes the line apart into loose `Wire` values, then [`parse_line`] checks
//! every field and builds an [`Event`] whose values cannot be invalid, or returns every problem
//! found with the field it is about.
//!
//! Everything here is written by the marketplace's systems, which copy what customers typed
//! (names, addresses, transcripts, reviews): each text is bounded and cleaned of control
//! characters, each list is bounded, and nothing panics on any input.

use std::net::IpAddr;

use rampart_indicators::codes;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Longest line read, in bytes.
pub const MAX_LINE_BYTES: usize = 256 * 1024;
/// Longest identifier (event, account, order, agent…), in bytes.
pub const MAX_ID_BYTES: usize = 128;
/// Longest short text (a name, an address line, a category), in characters.
pub const MAX_SHORT_CHARS: usize = 300;
/// Longest support transcript, in characters.
pub const MAX_TRANSCRIPT_CHARS: usize = 100_000;
/// Longest review, in characters.
pub const MAX_REVIEW_CHARS: usize = 20_000;
/// Most items in one order.
pub const MAX_ITEMS: usize = 500;
/// Most addresses on one account.
pub const MAX_ADDRESSES: usize = 20;
/// Most shifts in one staff event.
pub const MAX_SHIFTS: usize = 400;
/// Heaviest weight accepted, in grams (a pallet, not a typo of a larger unit).
pub const MAX_WEIGHT_GRAMS: u32 = 2_000_000;
/// Most units of one item in an order.
pub const MAX_QUANTITY: u32 = 10_000;

/// An event as read: who sent it is the caller's business.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    /// When it happened, UTC Unix milliseconds.
    pub at: i64,
    pub body: Body,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    Account(Account),
    Order(Order),
    Return(Return),
    Refund(Refund),
    Contact(Contact),
    Review(Review),
    Staff(Staff),
}

impl Body {
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Account(_) => "account",
            Body::Order(_) => "order",
            Body::Return(_) => "return",
            Body::Refund(_) => "refund",
            Body::Contact(_) => "contact",
            Body::Review(_) => "review",
            Body::Staff(_) => "staff",
        }
    }

    /// The account the event is about, when it is about one.
    pub fn account_id(&self) -> Option<&str> {
        match self {
            Body::Account(a) => Some(&a.account_id),
            Body::Order(o) => Some(&o.account_id),
            Body::Return(r) => Some(&r.account_id),
            Body::Refund(r) => Some(&r.account_id),
            Body::Contact(c) => Some(&c.account_id),
            Body::Review(r) => Some(&r.account_id),
            Body::Staff(_) => None,
        }
    }
}

/// A money amount in minor units of an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Money {
    /// Minor units (cents), greater than zero.
    pub minor: i64,
    /// Upper-case ISO 4217 code.
    pub currency: String,
}

/// A postal address as the customer wrote it (normalising it is identity linking's work).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    pub line1: String,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub region: Option<String>,
    /// Upper-case ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
}

/// A sign-up, or a change to an account's details (the latest event wins field by field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub account_id: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub addresses: Vec<Address>,
    pub device_id: Option<String>,
    pub ip: Option<IpAddr>,
    pub payment_fingerprint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub item_id: String,
    /// The marketplace's category (`laptops`, `phones`, `consoles`, `coins`…).
    pub category: String,
    /// Price of one unit.
    pub price: Money,
    pub quantity: u32,
    /// Shipping weight of one unit, when known: an empty box comes back far lighter.
    pub weight_grams: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Order {
    pub order_id: String,
    pub account_id: String,
    pub items: Vec<Item>,
    pub shipping_address: Option<Address>,
}

macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            fn expected() -> String {
                [$($text),+].join(", ")
            }
        }
    };
}

closed_set!(
    /// Where a return is.
    ReturnStage {
        LabelCreated = "label_created",
        CarrierScan = "carrier_scan",
        Delivered = "delivered",
        Received = "received",
    }
);

closed_set!(
    /// The state of what the warehouse received.
    Condition {
        AsNew = "as_new",
        Used = "used",
        Damaged = "damaged",
        WrongItem = "wrong_item",
        Empty = "empty",
    }
);

closed_set!(
    /// Why a refund was asked for.
    RefundReason {
        NotReceived = "not_received",
        Damaged = "damaged",
        NotAsDescribed = "not_as_described",
        WrongItem = "wrong_item",
        ChangedMind = "changed_mind",
        Other = "other",
    }
);

closed_set!(
    /// How the customer reached the marketplace.
    Channel {
        Chat = "chat",
        Phone = "phone",
        Email = "email",
        SelfService = "self_service",
        Social = "social",
    }
);

/// A return's progress: the label, each carrier scan, delivery, and what the warehouse found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Return {
    pub return_id: String,
    pub order_id: String,
    pub account_id: String,
    pub stage: ReturnStage,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    /// Where the carrier scanned or delivered it (a depot, a postcode, a warehouse id).
    pub location: Option<String>,
    /// The warehouse the return should reach.
    pub warehouse: Option<String>,
    /// Weighed at the warehouse.
    pub weight_grams: Option<u32>,
    pub condition: Option<Condition>,
}

/// Who issued a refund.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuedBy {
    /// A support agent, by id.
    Agent(String),
    /// The marketplace's automatic refund rules.
    Automatic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refund {
    pub refund_id: String,
    pub order_id: String,
    pub account_id: String,
    pub amount: Money,
    pub reason: RefundReason,
    pub channel: Channel,
    pub issued_by: IssuedBy,
    /// Whether the item had to come back for this refund.
    pub return_required: bool,
    /// An agent granted what the automatic rules had denied.
    pub overrides_denial: bool,
    /// The item's category, when the refund names one.
    pub category: Option<String>,
}

/// A customer's contact with support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub contact_id: String,
    pub account_id: String,
    pub agent_id: Option<String>,
    pub channel: Channel,
    pub order_id: Option<String>,
    pub device_id: Option<String>,
    pub ip: Option<IpAddr>,
    pub transcript: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    pub review_id: String,
    pub account_id: String,
    pub product_id: String,
    /// 1 to 5.
    pub rating: u8,
    pub text: String,
}

/// One shift, UTC Unix milliseconds, `start < end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub start: i64,
    pub end: i64,
}

/// A support agent: team, site and the shifts they work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staff {
    pub agent_id: String,
    pub team: String,
    pub site: Option<String>,
    pub shifts: Vec<Shift>,
}

/// One problem with a line: the field (a JSON pointer, `/items/2/price/value`) and what is
/// wrong, in words an integrator can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub detail: String,
}

/// Why a line is not an event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
pub enum LineError {
    #[error("the line is longer than {MAX_LINE_BYTES} bytes")]
    TooLong,
    #[error("the line is not a JSON object: {0}")]
    NotJson(String),
    #[error("{} field(s) are wrong: {}", .0.len(), describe(.0))]
    Fields(Vec<FieldError>),
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{} {}", e.field, e.detail))
        .collect::<Vec<_>>()
        .join("; ")
}

// ---------------------------------------------------------------------------------------------
// The wire: loose shapes serde can always fill, checked below.

/// A JSON value as received, for fields whose type is checked here rather than by serde.
type Loose = Option<serde_json::Value>;

#[derive(Deserialize)]
struct Wire {
    id: Loose,
    #[serde(rename = "type")]
    kind: Loose,
    at: Loose,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// Reads one line. Blank lines are the caller's to skip.
pub fn parse_line(line: &str) -> Result<Event, LineError> {
    if line.len() > MAX_LINE_BYTES {
        return Err(LineError::TooLong);
    }
    let wire: Wire = serde_json::from_str(line).map_err(|e| LineError::NotJson(e.to_string()))?;
    let mut c = Checker::default();
    let id = c.id("/id", wire.id.as_ref(), true);
    let at = c.time("/at", wire.at.as_ref());
    let kind = c.text("/type", wire.kind.as_ref(), 32, true);
    let f = Fields(&wire.rest);
    let body = match kind.as_deref() {
        Some("account") => Some(Body::Account(account(&mut c, &f))),
        Some("order") => Some(Body::Order(order(&mut c, &f))),
        Some("return") => Some(Body::Return(return_event(&mut c, &f))),
        Some("refund") => Some(Body::Refund(refund(&mut c, &f))),
        Some("contact") => Some(Body::Contact(contact(&mut c, &f))),
        Some("review") => Some(Body::Review(review(&mut c, &f))),
        Some("staff") => Some(Body::Staff(staff(&mut c, &f))),
        Some(_) => {
            c.error(
                "/type",
                "must be one of account, order, return, refund, contact, review, staff",
            );
            None
        }
        None => None,
    };
    match (c.errors.is_empty(), id, at, body) {
        (true, Some(id), Some(at), Some(body)) => Ok(Event { id, at, body }),
        _ => Err(LineError::Fields(c.errors)),
    }
}

/// The fields of an object, looked up by name.
struct Fields<'a>(&'a serde_json::Map<String, serde_json::Value>);

impl Fields<'_> {
    fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.get(name).filter(|v| !v.is_null())
    }
}

/// Collects the problems of one line while its fields are read.
#[derive(Default)]
struct Checker {
    errors: Vec<FieldError>,
}

/// At most this many problems are reported for one line.
const MAX_ERRORS: usize = 20;

impl Checker {
    fn error(&mut self, field: &str, detail: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(FieldError {
                field: field.to_string(),
                detail: detail.into(),
            });
        }
    }

    /// A text of at most `max` characters, control characters turned into spaces, trimmed;
    /// empty counts as absent.
    fn text(
        &mut self,
        field: &str,
        v: Option<&serde_json::Value>,
        max: usize,
        required: bool,
    ) -> Option<String> {
        let s = match v {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                self.error(field, "must be a string");
                return None;
            }
        };
        let cleaned = s.map(clean).filter(|s| !s.is_empty());
        match cleaned {
            None if required => {
                self.error(field, "is required");
                None
            }
            Some(s) if s.chars().nth(max).is_some() => {
                self.error(field, format!("must be at most {max} characters"));
                None
            }
            other => other,
        }
    }

    /// An identifier: printable, no spaces, at most [`MAX_ID_BYTES`] bytes. Numbers are taken
    /// as their decimal text.
    fn id(&mut self, field: &str, v: Option<&serde_json::Value>, required: bool) -> Option<String> {
        let s = match v {
            Some(serde_json::Value::Number(n)) if n.is_u64() || n.is_i64() => n.to_string(),
            Some(serde_json::Value::String(s)) => s.trim().to_string(),
            None | Some(serde_json::Value::Null) => String::new(),
            Some(_) => {
                self.error(field, "must be a string");
                return None;
            }
        };
        if s.is_empty() {
            if required {
                self.error(field, "is required");
            }
            return None;
        }
        if s.len() > MAX_ID_BYTES {
            self.error(field, format!("must be at most {MAX_ID_BYTES} bytes"));
            return None;
        }
        if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
            self.error(field, "must not contain spaces or control characters");
            return None;
        }
        Some(s)
    }

    fn required_id(&mut self, f: &Fields, name: &str) -> String {
        self.id(&format!("/{name}"), f.get(name), true)
            .unwrap_or_default()
    }

    fn optional_id(&mut self, f: &Fields, name: &str) -> Option<String> {
        self.id(&format!("/{name}"), f.get(name), false)
    }

    fn short(&mut self, f: &Fields, name: &str, required: bool) -> Option<String> {
        self.text(&format!("/{name}"), f.get(name), MAX_SHORT_CHARS, required)
    }

    /// An RFC 3339 time as UTC Unix milliseconds.
    fn time(&mut self, field: &str, v: Option<&serde_json::Value>) -> Option<i64> {
        let s = self.text(field, v, 64, true)?;
        match OffsetDateTime::parse(&s, &Rfc3339) {
            // Before 2000 or after 2200 is a clock or a unit gone wrong.
            Ok(t) if (2000..=2200).contains(&t.year()) => {
                Some(i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(0))
            }
            Ok(_) => {
                self.error(field, "must be between the years 2000 and 2200");
                None
            }
            Err(_) => {
                self.error(
                    field,
                    "must be an RFC 3339 time such as 2026-03-05T14:07:00Z",
                );
                None
            }
        }
    }

    fn boolean(&mut self, f: &Fields, name: &str, default: Option<bool>) -> bool {
        match (f.get(name), default) {
            (Some(serde_json::Value::Bool(b)), _) => *b,
            (None, Some(d)) => d,
            (None, None) => {
                self.error(&format!("/{name}"), "is required (true or false)");
                false
            }
            (Some(_), _) => {
                self.error(&format!("/{name}"), "must be true or false");
                false
            }
        }
    }

    fn integer(
        &mut self,
        field: &str,
        v: Option<&serde_json::Value>,
        range: std::ops::RangeInclusive<u64>,
    ) -> Option<u64> {
        let v = v?;
        match v.as_u64() {
            Some(n) if range.contains(&n) => Some(n),
            _ => {
                self.error(
                    field,
                    format!(
                        "must be a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                );
                None
            }
        }
    }

    fn weight(&mut self, field: &str, v: Option<&serde_json::Value>) -> Option<u32> {
        self.integer(field, v, 0..=u64::from(MAX_WEIGHT_GRAMS))
            .and_then(|n| u32::try_from(n).ok())
    }

    fn choice<T: Copy>(
        &mut self,
        f: &Fields,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
        expected: &str,
        required: bool,
    ) -> Option<T> {
        let field = format!("/{name}");
        let s = self.text(&field, f.get(name), 64, required)?;
        let found = parse(&s);
        if found.is_none() {
            self.error(&field, format!("must be one of {expected}"));
        }
        found
    }

    /// `{"value": "899.00", "currency": "EUR"}`.
    fn money(&mut self, field: &str, v: Option<&serde_json::Value>) -> Option<Money> {
        let Some(obj) = v.and_then(serde_json::Value::as_object) else {
            self.error(
                field,
                "is required, as {\"value\": \"899.00\", \"currency\": \"EUR\"}",
            );
            return None;
        };
        let currency = match obj.get("currency").and_then(serde_json::Value::as_str) {
            Some(c) => match codes::currency(c) {
                Some(found) => Some(found),
                None => {
                    self.error(
                        &format!("{field}/currency"),
                        "must be an ISO 4217 code such as EUR",
                    );
                    None
                }
            },
            None => {
                self.error(&format!("{field}/currency"), "is required");
                None
            }
        };
        let value = match obj.get("value") {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => {
                self.error(
                    &format!("{field}/value"),
                    "is required, as a decimal string such as \"899.00\"",
                );
                None
            }
        };
        let (currency, digits) = currency?;
        match codes::minor_units(&value?, digits) {
            Ok(minor) => Some(Money { minor, currency }),
            Err(e) => {
                self.error(&format!("{field}/value"), e);
                None
            }
        }
    }

    fn ip(&mut self, f: &Fields, name: &str) -> Option<IpAddr> {
        let field = format!("/{name}");
        let s = self.text(&field, f.get(name), 64, false)?;
        match s.parse() {
            Ok(ip) => Some(ip),
            Err(_) => {
                self.error(&field, "must be an IPv4 or IPv6 address");
                None
            }
        }
    }

    fn address(&mut self, field: &str, v: &serde_json::Value) -> Option<Address> {
        let Some(obj) = v.as_object() else {
            self.error(
                field,
                "must be an object with line1, city, postcode, country",
            );
            return None;
        };
        let f = Fields(obj);
        let part = |c: &mut Checker, name: &str, required: bool| {
            c.text(
                &format!("{field}/{name}"),
                f.get(name),
                MAX_SHORT_CHARS,
                required,
            )
        };
        let line1 = part(self, "line1", true);
        let line2 = part(self, "line2", false);
        let city = part(self, "city", false);
        let postcode = part(self, "postcode", false);
        let region = part(self, "region", false);
        let country = match part(self, "country", false) {
            Some(c) => match codes::country(&c) {
                Some(c) => Some(c),
                None => {
                    self.error(
                        &format!("{field}/country"),
                        "must be an ISO 3166-1 alpha-2 code such as FR",
                    );
                    None
                }
            },
            None => None,
        };
        Some(Address {
            line1: line1?,
            line2,
            city,
            postcode,
            region,
            country,
        })
    }

    fn list<'v>(
        &mut self,
        f: &'v Fields,
        name: &str,
        max: usize,
        required: bool,
    ) -> &'v [serde_json::Value] {
        let field = format!("/{name}");
        match f.get(name) {
            Some(serde_json::Value::Array(a)) if a.len() > max => {
                self.error(&field, format!("must have at most {max} entries"));
                &[]
            }
            Some(serde_json::Value::Array(a)) if a.is_empty() && required => {
                self.error(&field, "must have at least one entry");
                &[]
            }
            Some(serde_json::Value::Array(a)) => a,
            None if required => {
                self.error(&field, "is required");
                &[]
            }
            None => &[],
            Some(_) => {
                self.error(&field, "must be a list");
                &[]
            }
        }
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'
    )
}

/// Control characters (newlines, tabs and the rest) become spaces; bidi controls are dropped;
/// the result is trimmed.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A long text (a transcript, a review): line breaks kept, other control characters and bidi
/// controls dropped.
fn long_text(c: &mut Checker, f: &Fields, name: &str, max: usize) -> String {
    let field = format!("/{name}");
    match f.get(name) {
        None => String::new(),
        Some(serde_json::Value::String(s)) if s.chars().nth(max).is_some() => {
            c.error(&field, format!("must be at most {max} characters"));
            String::new()
        }
        Some(serde_json::Value::String(s)) => s
            .chars()
            .filter(|ch| (!ch.is_control() || *ch == '\n') && !is_bidi_control(*ch))
            .collect::<String>()
            .trim()
            .to_string(),
        Some(_) => {
            c.error(&field, "must be a string");
            String::new()
        }
    }
}

fn account(c: &mut Checker, f: &Fields) -> Account {
    let addresses = c
        .list(f, "addresses", MAX_ADDRESSES, false)
        .iter()
        .enumerate()
        .filter_map(|(i, a)| c.address(&format!("/addresses/{i}"), a))
        .collect();
    Account {
        account_id: c.required_id(f, "account_id"),
        email: c.short(f, "email", false),
        phone: c.short(f, "phone", false),
        name: c.short(f, "name", false),
        addresses,
        device_id: c.optional_id(f, "device_id"),
        ip: c.ip(f, "ip"),
        payment_fingerprint: c.optional_id(f, "payment_fingerprint"),
    }
}

fn order(c: &mut Checker, f: &Fields) -> Order {
    let mut items = Vec::new();
    for (i, v) in c.list(f, "items", MAX_ITEMS, true).iter().enumerate() {
        let field = format!("/items/{i}");
        let Some(obj) = v.as_object() else {
            c.error(&field, "must be an object with item_id, category and price");
            continue;
        };
        let it = Fields(obj);
        let item_id = c.id(&format!("{field}/item_id"), it.get("item_id"), true);
        let category = c.text(
            &format!("{field}/category"),
            it.get("category"),
            MAX_SHORT_CHARS,
            true,
        );
        let price = c.money(&format!("{field}/price"), it.get("price"));
        let quantity = match it.get("quantity") {
            None => Some(1),
            Some(q) => c
                .integer(
                    &format!("{field}/quantity"),
                    Some(q),
                    1..=u64::from(MAX_QUANTITY),
                )
                .and_then(|n| u32::try_from(n).ok()),
        };
        let weight_grams = c.weight(&format!("{field}/weight_grams"), it.get("weight_grams"));
        if let (Some(item_id), Some(category), Some(price), Some(quantity)) =
            (item_id, category, price, quantity)
        {
            items.push(Item {
                item_id,
                category: category.to_lowercase(),
                price,
                quantity,
                weight_grams,
            });
        }
    }
    let shipping_address = f
        .get("shipping_address")
        .and_then(|a| c.address("/shipping_address", a));
    Order {
        order_id: c.required_id(f, "order_id"),
        account_id: c.required_id(f, "account_id"),
        items,
        shipping_address,
    }
}

fn return_event(c: &mut Checker, f: &Fields) -> Return {
    let stage = c.choice(
        f,
        "stage",
        ReturnStage::parse,
        &ReturnStage::expected(),
        true,
    );
    Return {
        return_id: c.required_id(f, "return_id"),
        order_id: c.required_id(f, "order_id"),
        account_id: c.required_id(f, "account_id"),
        stage: stage.unwrap_or(ReturnStage::LabelCreated),
        carrier: c.short(f, "carrier", false),
        tracking: c.optional_id(f, "tracking"),
        location: c.short(f, "location", false),
        warehouse: c.short(f, "warehouse", false),
        weight_grams: c.weight("/weight_grams", f.get("weight_grams")),
        condition: c.choice(
            f,
            "condition",
            Condition::parse,
            &Condition::expected(),
            false,
        ),
    }
}

fn refund(c: &mut Checker, f: &Fields) -> Refund {
    let reason = c.choice(
        f,
        "reason",
        RefundReason::parse,
        &RefundReason::expected(),
        true,
    );
    let channel = c.choice(f, "channel", Channel::parse, &Channel::expected(), true);
    let issued_by = match c.optional_id(f, "issued_by") {
        Some(who) if who == "automatic" || who == "auto" => IssuedBy::Automatic,
        Some(agent) => IssuedBy::Agent(agent),
        None => {
            c.error("/issued_by", "is required: an agent id, or \"automatic\"");
            IssuedBy::Automatic
        }
    };
    let amount = c.money("/amount", f.get("amount"));
    Refund {
        refund_id: c.required_id(f, "refund_id"),
        order_id: c.required_id(f, "order_id"),
        account_id: c.required_id(f, "account_id"),
        amount: amount.unwrap_or(Money {
            minor: 0,
            currency: String::new(),
        }),
        reason: reason.unwrap_or(RefundReason::Other),
        channel: channel.unwrap_or(Channel::SelfService),
        issued_by,
        return_required: c.boolean(f, "return_required", None),
        overrides_denial: c.boolean(f, "overrides_denial", Some(false)),
        category: c.short(f, "category", false).map(|s| s.to_lowercase()),
    }
}

fn contact(c: &mut Checker, f: &Fields) -> Contact {
    let channel = c.choice(f, "channel", Channel::parse, &Channel::expected(), true);
    Contact {
        contact_id: c.required_id(f, "contact_id"),
        account_id: c.required_id(f, "account_id"),
        agent_id: c.optional_id(f, "agent_id"),
        channel: channel.unwrap_or(Channel::Chat),
        order_id: c.optional_id(f, "order_id"),
        device_id: c.optional_id(f, "device_id"),
        ip: c.ip(f, "ip"),
        transcript: long_text(c, f, "transcript", MAX_TRANSCRIPT_CHARS),
    }
}

fn review(c: &mut Checker, f: &Fields) -> Review {
    let rating = match f.get("rating") {
        None => {
            c.error("/rating", "is required (1 to 5)");
            None
        }
        v => c.integer("/rating", v, 1..=5),
    };
    Review {
        review_id: c.required_id(f, "review_id"),
        account_id: c.required_id(f, "account_id"),
        product_id: c.required_id(f, "product_id"),
        rating: rating.and_then(|r| u8::try_from(r).ok()).unwrap_or(1),
        text: long_text(c, f, "text", MAX_REVIEW_CHARS),
    }
}

fn staff(c: &mut Checker, f: &Fields) -> Staff {
    let mut shifts = Vec::new();
    for (i, v) in c.list(f, "shifts", MAX_SHIFTS, false).iter().enumerate() {
        let field = format!("/shifts/{i}");
        let Some(obj) = v.as_object() else {
            c.error(&field, "must be an object with start and end");
            continue;
        };
        let s = Fields(obj);
        let start = c.time(&format!("{field}/start"), s.get("start"));
        let end = c.time(&format!("{field}/end"), s.get("end"));
        if let (Some(start), Some(end)) = (start, end) {
            if start < end && end - start <= 24 * 3_600_000 {
                shifts.push(Shift { start, end });
            } else {
                c.error(&field, "must end after it starts, within 24 hours");
            }
        }
    }
    Staff {
        agent_id: c.required_id(f, "agent_id"),
        team: c.short(f, "team", true).unwrap_or_default(),
        site: c.short(f, "site", false),
        shifts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<String> {
        match parse_line(line) {
            Err(LineError::Fields(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_refund_is_read_whole() {
        let e = parse_line(
            r#"{"id": "evt-1", "type": "refund", "at": "2026-03-05T14:07:00+01:00", "refund_id": "rf-9",
                "order_id": "o-7", "account_id": 42, "amount": {"value": "899.00", "currency": "eur"},
                "reason": "not_received", "channel": "chat", "issued_by": "agent-17",
                "return_required": true, "category": "Laptops", "extra": {"ignored": true}}"#,
        )
        .unwrap();
        assert_eq!(e.id, "evt-1");
        assert_eq!(e.at, 1_772_716_020_000);
        let Body::Refund(r) = e.body else {
            panic!("{e:?}")
        };
        assert_eq!(r.account_id, "42");
        assert_eq!(
            r.amount,
            Money {
                minor: 89_900,
                currency: "EUR".into()
            }
        );
        assert_eq!(r.issued_by, IssuedBy::Agent("agent-17".into()));
        assert!(r.return_required && !r.overrides_denial);
        assert_eq!(r.category.as_deref(), Some("laptops"));
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        assert_eq!(
            fields(
                r#"{"type": "refund", "at": "yesterday", "refund_id": "a b",
                    "amount": {"value": "-3", "currency": "EURO"}, "reason": "greed",
                    "channel": "chat", "issued_by": "automatic", "return_required": "yes"}"#
            ),
            [
                "/id",
                "/at",
                "/reason",
                "/amount/currency",
                "/refund_id",
                "/order_id",
                "/account_id",
                "/return_required"
            ]
        );
        assert_eq!(
            fields(r#"{"id": "e", "type": "parcel", "at": "2026-01-01T00:00:00Z"}"#),
            ["/type"]
        );
        assert!(matches!(parse_line("[1, 2]"), Err(LineError::NotJson(_))));
        assert!(matches!(
            parse_line(&"x".repeat(MAX_LINE_BYTES + 1)),
            Err(LineError::TooLong)
        ));
    }

    #[test]
    fn orders_returns_contacts_reviews_and_staff() {
        let order = parse_line(
            r#"{"id": "e1", "type": "order", "at": "2026-01-02T10:00:00Z", "order_id": "o1",
                "account_id": "a1", "items": [{"item_id": "i1", "category": "Consoles",
                "price": {"value": 499, "currency": "GBP"}, "quantity": 2, "weight_grams": 4200}],
                "shipping_address": {"line1": "1 High St", "city": "Leeds", "postcode": "LS1 1AA", "country": "gb"}}"#,
        )
        .unwrap();
        let Body::Order(o) = order.body else { panic!() };
        assert_eq!(o.items[0].price.minor, 49_900);
        assert_eq!(o.items[0].category, "consoles");
        assert_eq!(o.shipping_address.unwrap().country.as_deref(), Some("GB"));

        let ret = parse_line(
            r#"{"id": "e2", "type": "return", "at": "2026-01-09T10:00:00Z", "return_id": "r1",
                "order_id": "o1", "account_id": "a1", "stage": "received", "weight_grams": 310,
                "condition": "empty", "warehouse": "LBA1"}"#,
        )
        .unwrap();
        let Body::Return(r) = ret.body else { panic!() };
        assert_eq!(
            (r.stage, r.condition, r.weight_grams),
            (ReturnStage::Received, Some(Condition::Empty), Some(310))
        );

        let contact = parse_line(
            "{\"id\": \"e3\", \"type\": \"contact\", \"at\": \"2026-01-03T10:00:00Z\", \"contact_id\": \"c1\", \"account_id\": \"a1\", \"agent_id\": \"ag7\", \"channel\": \"chat\", \"ip\": \"2001:db8::1\", \"transcript\": \"hi\\nmy parcel\\u0007 never came\\u202e\"}",
        )
        .unwrap();
        let Body::Contact(c) = contact.body else {
            panic!()
        };
        assert_eq!(c.transcript, "hi\nmy parcel never came");

        assert_eq!(
            fields(
                r#"{"id": "e4", "type": "review", "at": "2026-01-03T10:00:00Z", "review_id": "v1", "account_id": "a1", "product_id": "p1", "rating": 6}"#
            ),
            ["/rating"]
        );
        assert_eq!(
            fields(
                r#"{"id": "e5", "type": "staff", "at": "2026-01-01T00:00:00Z", "agent_id": "ag7", "team": "refunds",
                "shifts": [{"start": "2026-01-01T09:00:00Z", "end": "2026-01-01T08:00:00Z"}]}"#
            ),
            ["/shifts/0"]
        );
    }
}
