//! What a rule sees: the CEL variables `event` and `account`, every field they have with its
//! type, and the values built for one event.
//!
//! A field missing from an event (a refund without a category, an account without a phone, an
//! `amount` on an order) is an absent key, never `null`: `has(event.category)` is false and
//! reading it anyway is an evaluation error. The compiler refuses rules that read a field
//! without knowing it is there (see [`super::check`]), so compiled rules meet absent keys only
//! through dynamic access such as `event[name]`.
//!
//! Values are built once per event, borrowing the event's strings (a 100,000-character
//! transcript is not copied), and handed to the interpreter by reference: a field read
//! allocates nothing.

use std::cell::RefCell;

use cel::ExecutionError;
use cel::common::traits::{Container, Indexer, Sizer};
use cel::common::types::{CelBool, CelDouble, CelInt, CelList, CelString, MAP_TYPE, Type};
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use serde::Serialize;
use smallvec::SmallVec;

use crate::events::{Body, Event, IssuedBy};
use crate::stats::AccountStats;

/// The event types, in the order of their bits in a kind mask.
pub const EVENT_TYPES: [&str; 7] = [
    "account", "order", "return", "refund", "contact", "review", "staff",
];

/// Every event type.
pub(super) const ALL_KINDS: u8 = 0b111_1111;

/// The bit of an event type in a kind mask.
pub(super) fn kind_bit(kind: &str) -> Option<u8> {
    EVENT_TYPES.iter().position(|k| *k == kind).map(|i| 1 << i)
}

/// The event types of a kind mask, for messages.
pub(super) fn kind_names(mask: u8) -> Vec<&'static str> {
    EVENT_TYPES
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, k)| *k)
        .collect()
}

/// The CEL type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Bool,
    Int,
    Double,
    String,
    /// `list(string)`.
    ListOfStrings,
    /// `list(map)` of order items, whose fields are [`ITEM_FIELDS`].
    ListOfItems,
}

impl FieldType {
    /// The type as CEL writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Bool => "bool",
            FieldType::Int => "int",
            FieldType::Double => "double",
            FieldType::String => "string",
            FieldType::ListOfStrings => "list(string)",
            FieldType::ListOfItems => "list(item)",
        }
    }
}

/// One field a rule can read, as the documentation and the compiler know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Field {
    pub name: &'static str,
    pub cel_type: FieldType,
    /// The event types that may carry it (empty for account and item fields).
    pub event_types: &'static [&'static str],
    /// Of those, the ones that always carry it; on the others it may be absent.
    pub always_on: &'static [&'static str],
    /// The only values it takes, when it is one of a closed set.
    pub values: &'static [&'static str],
    pub doc: &'static str,
}

impl Field {
    /// Whether some event of a type that carries it may lack it (test with `has()`).
    pub fn optional(&self) -> bool {
        self.always_on.len() < self.event_types.len()
    }

    pub(super) fn kinds(&self) -> u8 {
        mask(self.event_types)
    }

    pub(super) fn always_kinds(&self) -> u8 {
        mask(self.always_on)
    }
}

fn mask(kinds: &[&str]) -> u8 {
    kinds
        .iter()
        .filter_map(|k| kind_bit(k))
        .fold(0, |m, b| m | b)
}

const ALL: &[&str] = &EVENT_TYPES;
const WITH_ACCOUNT: &[&str] = &["account", "order", "return", "refund", "contact", "review"];
const RETURN_STAGES: &[&str] = &["label_created", "carrier_scan", "delivered", "received"];
const CONDITIONS: &[&str] = &["as_new", "used", "damaged", "wrong_item", "empty"];
const REASONS: &[&str] = &[
    "not_received",
    "damaged",
    "not_as_described",
    "wrong_item",
    "changed_mind",
    "other",
];
const CHANNELS: &[&str] = &["chat", "phone", "email", "self_service", "social"];

/// Declares a record's fields: an enum indexing its slots, name lookup, and the public table.
macro_rules! record {
    (
        $(#[$doc:meta])* $table:ident, $enum:ident {
            $( $variant:ident = $name:literal : $ty:ident, $kinds:expr, $always:expr, $values:expr, $fdoc:literal; )+
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum $enum { $($variant),+ }

        impl $enum {
            pub(super) const COUNT: usize = [$($enum::$variant),+].len();

            pub(super) fn from_name(name: &str) -> Option<$enum> {
                match name {
                    $($name => Some($enum::$variant),)+
                    _ => None,
                }
            }

            // Items are read by name alone.
            #[allow(dead_code)]
            fn index(name: &str) -> Option<usize> {
                $enum::from_name(name).map(|f| f as usize)
            }
        }

        $(#[$doc])*
        pub const $table: &[Field] = &[$(Field {
            name: $name,
            cel_type: FieldType::$ty,
            event_types: $kinds,
            always_on: $always,
            values: $values,
            doc: $fdoc,
        }),+];
    };
}

record!(
    /// The fields of `event`: the event's own, then its body's, flattened, under their wire
    /// names (money also in major units, and a few derived values).
    EVENT_FIELDS, Ev {
        Type = "type": String, ALL, ALL, &EVENT_TYPES, "The event type.";
        Id = "id": String, ALL, ALL, &[], "The event id.";
        At = "at": Int, ALL, ALL, &[], "When it happened, UTC Unix milliseconds.";
        AccountId = "account_id": String, WITH_ACCOUNT, WITH_ACCOUNT, &[], "The account it is about.";
        Email = "email": String, &["account"], &[], &[], "The account's email address, as sent.";
        EmailDomain = "email_domain": String, &["account"], &[], &[], "The part of the email after its last @, lower-case.";
        Phone = "phone": String, &["account"], &[], &[], "The account's phone number, as sent.";
        Name = "name": String, &["account"], &[], &[], "The account holder's name.";
        DeviceId = "device_id": String, &["account", "contact"], &[], &[], "The device the account or the contact came from.";
        Ip = "ip": String, &["account", "contact"], &[], &[], "The IP address, canonical text form.";
        PaymentFingerprint = "payment_fingerprint": String, &["account"], &[], &[], "The payment method's fingerprint.";
        Countries = "countries": ListOfStrings, &["account"], &["account"], &[], "The distinct countries of the account's addresses, ISO 3166-1 alpha-2.";
        AddressCount = "address_count": Int, &["account"], &["account"], &[], "How many addresses the account event lists.";
        OrderId = "order_id": String, &["order", "return", "refund", "contact"], &["order", "return", "refund"], &[], "The order (on a contact, when it names one).";
        Items = "items": ListOfItems, &["order"], &["order"], &[], "The order's items: maps with the item fields.";
        Total = "total": Double, &["order"], &["order"], &[], "The order's value in major units (899.0), items in `currency` only.";
        TotalMinor = "total_minor": Int, &["order"], &["order"], &[], "The order's value in minor units (89900), items in `currency` only.";
        Currency = "currency": String, &["order", "refund"], &["order", "refund"], &[], "ISO 4217 code of the amount (an order: of its first item).";
        Categories = "categories": ListOfStrings, &["order"], &["order"], &[], "The distinct categories of the order's items, lower-case.";
        ItemCount = "item_count": Int, &["order"], &["order"], &[], "Units ordered, all items together.";
        ShippingCountry = "shipping_country": String, &["order"], &[], &[], "The shipping address's country, when given.";
        ReturnId = "return_id": String, &["return"], &["return"], &[], "The return.";
        Stage = "stage": String, &["return"], &["return"], RETURN_STAGES, "Where the return is.";
        Carrier = "carrier": String, &["return"], &[], &[], "The carrier.";
        Tracking = "tracking": String, &["return"], &[], &[], "The tracking number.";
        Location = "location": String, &["return"], &[], &[], "Where the carrier scanned or delivered it.";
        Warehouse = "warehouse": String, &["return"], &[], &[], "The warehouse it should reach.";
        WeightGrams = "weight_grams": Int, &["return"], &[], &[], "Weighed at the warehouse, in grams.";
        Condition = "condition": String, &["return"], &[], CONDITIONS, "What the warehouse found.";
        RefundId = "refund_id": String, &["refund"], &["refund"], &[], "The refund.";
        Amount = "amount": Double, &["refund"], &["refund"], &[], "The refund in major units (899.0).";
        AmountMinor = "amount_minor": Int, &["refund"], &["refund"], &[], "The refund in minor units (89900).";
        Reason = "reason": String, &["refund"], &["refund"], REASONS, "Why the refund was asked for.";
        Channel = "channel": String, &["refund", "contact"], &["refund", "contact"], CHANNELS, "How the customer reached the marketplace.";
        IssuedBy = "issued_by": String, &["refund"], &["refund"], &[], "The agent id, or \"automatic\".";
        Agent = "agent": String, &["refund", "contact", "staff"], &["staff"], &[], "The support agent: who issued the refund, handled the contact, or the staff member.";
        Automatic = "automatic": Bool, &["refund"], &["refund"], &[], "Issued by the automatic refund rules.";
        ReturnRequired = "return_required": Bool, &["refund"], &["refund"], &[], "The item had to come back for this refund.";
        OverridesDenial = "overrides_denial": Bool, &["refund"], &["refund"], &[], "An agent granted what the automatic rules had denied.";
        Category = "category": String, &["refund"], &[], &[], "The refunded item's category, lower-case, when named.";
        ContactId = "contact_id": String, &["contact"], &["contact"], &[], "The contact.";
        Transcript = "transcript": String, &["contact"], &["contact"], &[], "The support transcript (at most 100,000 characters; empty when none was sent).";
        TranscriptLength = "transcript_length": Int, &["contact"], &["contact"], &[], "The transcript's length in characters.";
        ReviewId = "review_id": String, &["review"], &["review"], &[], "The review.";
        ProductId = "product_id": String, &["review"], &["review"], &[], "The product reviewed.";
        Rating = "rating": Int, &["review"], &["review"], &[], "1 to 5.";
        Text = "text": String, &["review"], &["review"], &[], "The review's text (at most 20,000 characters).";
        TextLength = "text_length": Int, &["review"], &["review"], &[], "The review's length in characters.";
        Team = "team": String, &["staff"], &["staff"], &[], "The agent's team.";
        Site = "site": String, &["staff"], &[], &[], "The agent's site.";
        ShiftCount = "shift_count": Int, &["staff"], &["staff"], &[], "How many shifts the staff event lists.";
    }
);

record!(
    /// The fields of each map in `event.items`.
    ITEM_FIELDS, It {
        ItemId = "item_id": String, &[], &[], &[], "The item.";
        Category = "category": String, &[], &[], &[], "Its category, lower-case.";
        Price = "price": Double, &[], &[], &[], "Price of one unit in major units.";
        PriceMinor = "price_minor": Int, &[], &[], &[], "Price of one unit in minor units.";
        Currency = "currency": String, &[], &[], &[], "ISO 4217 code of the price.";
        Quantity = "quantity": Int, &[], &[], &[], "Units ordered.";
        WeightGrams = "weight_grams": Int, &["order"], &[], &[], "Shipping weight of one unit in grams, when known (absent otherwise).";
    }
);

record!(
    /// The fields of `account`: every field of [`AccountStats`] under its own name.
    ACCOUNT_FIELDS, Ac {
        AccountId = "account_id": String, &[], &[], &[], "The account.";
        Known = "known": Bool, &[], &[], &[], "Whether a sign-up or account event has been seen.";
        AgeDays = "age_days": Double, &[], &[], &[], "Days since the first account event, 0 when unknown.";
        AsOf = "as_of": Int, &[], &[], &[], "The moment the figures describe, UTC Unix milliseconds.";
        Orders = "orders": Int, &[], &[], &[], "Orders, whole history.";
        Orders30d = "orders_30d": Int, &[], &[], &[], "Orders in the 30 days before as_of.";
        OrderValueMinor = "order_value_minor": Int, &[], &[], &[], "Order value in minor units of value_currency.";
        ValueCurrency = "value_currency": String, &[], &[], &[], "The currency of the sums.";
        Refunds = "refunds": Int, &[], &[], &[], "Refunds, whole history.";
        Refunds30d = "refunds_30d": Int, &[], &[], &[], "Refunds in the 30 days before as_of.";
        RefundValueMinor = "refund_value_minor": Int, &[], &[], &[], "Refund value in minor units.";
        RefundsNotReceived = "refunds_not_received": Int, &[], &[], &[], "Refunds with the reason not_received.";
        RefundsWithoutReturn = "refunds_without_return": Int, &[], &[], &[], "Refunds with nothing back.";
        RefundsHighValue = "refunds_high_value": Int, &[], &[], &[], "Refunds of items in high-value categories.";
        RefundsOverridingDenial = "refunds_overriding_denial": Int, &[], &[], &[], "Refunds an agent granted over an automatic denial.";
        RefundRate = "refund_rate": Double, &[], &[], &[], "Refunds over orders, 0 without orders.";
        NotReceivedRate = "not_received_rate": Double, &[], &[], &[], "Not-received refunds over orders, 0 without orders.";
        Returns = "returns": Int, &[], &[], &[], "Returns.";
        ReturnsReceived = "returns_received": Int, &[], &[], &[], "Returns the warehouse received.";
        ReturnsMismatched = "returns_mismatched": Int, &[], &[], &[], "Returns received far lighter than the item, or empty.";
        Contacts = "contacts": Int, &[], &[], &[], "Support contacts.";
        Contacts30d = "contacts_30d": Int, &[], &[], &[], "Support contacts in the 30 days before as_of.";
        RefundAgents = "refund_agents": Int, &[], &[], &[], "Distinct agents who issued this account's refunds.";
        RefundsTopAgent = "refunds_top_agent": Int, &[], &[], &[], "Refunds issued by the agent who issued most of them.";
        Reviews = "reviews": Int, &[], &[], &[], "Reviews.";
        Reviews30d = "reviews_30d": Int, &[], &[], &[], "Reviews in the 30 days before as_of.";
        Devices = "devices": Int, &[], &[], &[], "Devices, payment fingerprints, IPs, phones and addresses seen.";
        LinkedAccounts = "linked_accounts": Int, &[], &[], &[], "Other accounts sharing an identifier with this one.";
        LinkedRefundValueMinor = "linked_refund_value_minor": Int, &[], &[], &[], "Refund value of the linked accounts together, minor units.";
        Findings = "findings": Int, &[], &[], &[], "Open findings naming this account.";
        FindingScore = "finding_score": Double, &[], &[], &[], "The highest score among them, 0 without findings.";
    }
);

// ---------------------------------------------------------------------------------------------
// Values.

/// One field's value for one event. Plain data, so that the slots of a record cost nothing to
/// drop (dropping them one by one was a tenth of an evaluation); strings and lists live beside
/// them in the record.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Absent,
    Bool(CelBool),
    Int(CelInt),
    Double(CelDouble),
    /// Index into the record's strings.
    Str(u16),
    /// Index into the record's lists.
    List(u8),
}

fn int(n: impl TryInto<i64>) -> Slot {
    // Counts beyond i64 do not happen; saturate rather than wrap if one ever does.
    Slot::Int(CelInt::from(n.try_into().unwrap_or(i64::MAX)))
}

fn double(x: f64) -> Slot {
    Slot::Double(CelDouble::from(x))
}

fn boolean(b: bool) -> Slot {
    Slot::Bool(CelBool::from(b))
}

/// A record of named fields (`event`, `account`): a map to expressions.
#[derive(Debug, Clone)]
pub(super) struct Record<'a, const N: usize> {
    index: fn(&str) -> Option<usize>,
    slots: [Slot; N],
    strings: SmallVec<[CelString<'a>; 16]>,
    /// `cel`'s own lists: a list a rule writes compares equal to one only if both are.
    lists: SmallVec<[CelList<'a>; 2]>,
}

impl<'a, const N: usize> Record<'a, N> {
    fn new(index: fn(&str) -> Option<usize>) -> Self {
        Record {
            index,
            slots: [Slot::Absent; N],
            strings: SmallVec::new(),
            lists: SmallVec::new(),
        }
    }

    fn set(&mut self, i: usize, slot: Slot) {
        if let Some(s) = self.slots.get_mut(i) {
            *s = slot;
        }
    }

    fn set_str(&mut self, i: usize, s: impl Into<CelString<'a>>) {
        if let Ok(j) = u16::try_from(self.strings.len()) {
            self.strings.push(s.into());
            self.set(i, Slot::Str(j));
        }
    }

    fn set_opt_str(&mut self, i: usize, s: Option<&'a str>) {
        if let Some(s) = s {
            self.set_str(i, s);
        }
    }

    fn set_list(&mut self, i: usize, list: Vec<Box<dyn Val + 'a>>) {
        if let Ok(j) = u8::try_from(self.lists.len()) {
            self.lists.push(CelList::from(list));
            self.set(i, Slot::List(j));
        }
    }

    fn field(&self, i: usize) -> Option<&(dyn Val + 'a)> {
        match self.slots.get(i)? {
            Slot::Absent => None,
            Slot::Bool(v) => Some(v),
            Slot::Int(v) => Some(v),
            Slot::Double(v) => Some(v),
            Slot::Str(j) => self.strings.get(usize::from(*j)).map(|v| v as &dyn Val),
            Slot::List(j) => self.lists.get(usize::from(*j)).map(|v| v as &dyn Val),
        }
    }

    fn by_name(&self, name: &str) -> Option<&(dyn Val + 'a)> {
        (self.index)(name).and_then(|i| self.field(i))
    }

    fn count(&self) -> usize {
        (0..N).filter(|i| self.field(*i).is_some()).count()
    }
}

/// One item of an order: a map to expressions.
#[derive(Debug, Clone)]
pub(super) struct Item<'a> {
    item_id: CelString<'a>,
    category: CelString<'a>,
    price: CelDouble,
    price_minor: CelInt,
    currency: CelString<'a>,
    quantity: CelInt,
    weight_grams: Option<CelInt>,
}

impl<'a> Item<'a> {
    fn by_name(&self, name: &str) -> Option<&(dyn Val + 'a)> {
        Some(match It::from_name(name)? {
            It::ItemId => &self.item_id,
            It::Category => &self.category,
            It::Price => &self.price,
            It::PriceMinor => &self.price_minor,
            It::Currency => &self.currency,
            It::Quantity => &self.quantity,
            It::WeightGrams => return self.weight_grams.as_ref().map(|v| v as &dyn Val),
        })
    }

    fn count(&self) -> usize {
        It::COUNT - usize::from(self.weight_grams.is_none())
    }
}

/// `Val` for a record of named fields: `x.f`, `x['f']`, `has(x.f)`, `'f' in x`, `size(x)`.
macro_rules! map_val {
    ($ty:ident $(, $n:ident)?) => {
        impl<'a $(, const $n: usize)?> Val for $ty<'a $(, $n)?> {
            fn get_type(&self) -> &Type {
                &MAP_TYPE
            }

            fn cel_type() -> &'static Type {
                &MAP_TYPE
            }

            fn as_indexer<'b, 'v>(&'b self) -> Option<&'b (dyn Indexer + 'v)>
            where
                Self: 'v,
            {
                Some(self)
            }

            fn as_container(&self) -> Option<&dyn Container> {
                Some(self)
            }

            fn as_sizer(&self) -> Option<&dyn Sizer> {
                Some(self)
            }

            fn clone_as_boxed<'v>(&self) -> Box<dyn Val + 'v>
            where
                Self: 'v,
            {
                Box::new(self.clone())
            }
        }

        impl<'a $(, const $n: usize)?> Indexer for $ty<'a $(, $n)?> {
            fn get<'b, 'v>(&'b self, idx: &dyn Val) -> Result<CowVal<'b, 'v>, ExecutionError>
            where
                Self: 'v,
            {
                let Some(name) = idx.downcast_ref::<CelString>() else {
                    return Err(ExecutionError::UnexpectedType {
                        got: idx.get_type().name().to_owned(),
                        want: "string".to_owned(),
                    });
                };
                match self.by_name(name.inner()) {
                    Some(v) => Ok(CowVal::Borrowed(v)),
                    None => Err(ExecutionError::no_such_key(name.inner())),
                }
            }

            fn steal<'v>(self: Box<Self>, idx: &dyn Val) -> Result<Box<dyn Val + 'v>, ExecutionError>
            where
                Self: 'v,
            {
                self.get(idx).map(CowVal::into_owned)
            }
        }

        impl<'a $(, const $n: usize)?> Container for $ty<'a $(, $n)?> {
            fn contains(&self, value: &dyn Val) -> Result<bool, ExecutionError> {
                Ok(value
                    .downcast_ref::<CelString>()
                    .is_some_and(|name| self.by_name(name.inner()).is_some()))
            }
        }

        impl<'a $(, const $n: usize)?> Sizer for $ty<'a $(, $n)?> {
            fn size(&self) -> CelInt {
                CelInt::from(i64::try_from(self.count()).unwrap_or(i64::MAX))
            }
        }
    };
}

map_val!(Record, N);
map_val!(Item);

// ---------------------------------------------------------------------------------------------
// One event's values.

/// The fields a rule set reads, so that an event's values are built only where a rule looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Needs(u64);

impl Needs {
    pub(super) const ALL: Needs = Needs(u64::MAX);

    pub(super) fn add(&mut self, field: Ev) {
        self.0 |= 1 << field as u64;
    }

    pub(super) fn union(self, other: Needs) -> Needs {
        Needs(self.0 | other.0)
    }

    fn has(self, field: Ev) -> bool {
        self.0 & (1 << field as u64) != 0
    }
}

/// The variables of one evaluation: `event` and `account`, and what the lowered expressions
/// ask for by name (see [`super::lower`]): `event.amount`, `@has.event.category`, `@list.3`.
pub(super) struct Scope<'a> {
    event: Record<'a, { Ev::COUNT }>,
    account: Record<'a, { Ac::COUNT }>,
    lists: &'a [CelList<'static>],
}

impl<'a> Scope<'a> {
    pub(super) fn new(
        event: &'a Event,
        account: &'a AccountStats,
        needs: Needs,
        lists: &'a [CelList<'static>],
    ) -> Scope<'a> {
        Scope {
            event: event_record(event, needs),
            account: account_record(account),
            lists,
        }
    }
}

static TRUE: CelBool = CelBool::TRUE;
static FALSE: CelBool = CelBool::FALSE;

impl VariableResolver for Scope<'_> {
    fn resolve<'b>(&'b self, name: &str) -> Option<CowVal<'b, 'b>> {
        if let Some(field) = name.strip_prefix("event.") {
            return Ev::index(field)
                .and_then(|i| self.event.field(i))
                .map(CowVal::Borrowed);
        }
        if let Some(field) = name.strip_prefix("account.") {
            return Ac::index(field)
                .and_then(|i| self.account.field(i))
                .map(CowVal::Borrowed);
        }
        if let Some(internal) = name.strip_prefix('@') {
            let present = |found: Option<&dyn Val>| {
                CowVal::Borrowed(if found.is_some() { &TRUE } else { &FALSE })
            };
            if let Some(field) = internal.strip_prefix("has.event.") {
                return Some(present(self.event.by_name(field)));
            }
            if let Some(field) = internal.strip_prefix("has.account.") {
                return Some(present(self.account.by_name(field)));
            }
            if let Some(i) = internal.strip_prefix("list.") {
                let list = i.parse::<usize>().ok().and_then(|i| self.lists.get(i));
                return list.map(|l| CowVal::Borrowed(l as &dyn Val));
            }
            return None;
        }
        match name {
            "event" => Some(CowVal::Borrowed(&self.event)),
            "account" => Some(CowVal::Borrowed(&self.account)),
            _ => None,
        }
    }
}

fn account_record(a: &AccountStats) -> Record<'_, { Ac::COUNT }> {
    let mut r = Record::new(Ac::index);
    r.set_str(Ac::AccountId as usize, a.account_id.as_str());
    r.set_str(Ac::ValueCurrency as usize, a.value_currency.as_str());
    for (f, slot) in [
        (Ac::Known, boolean(a.known)),
        (Ac::AgeDays, double(a.age_days)),
        (Ac::AsOf, int(a.as_of)),
        (Ac::Orders, int(a.orders)),
        (Ac::Orders30d, int(a.orders_30d)),
        (Ac::OrderValueMinor, int(a.order_value_minor)),
        (Ac::Refunds, int(a.refunds)),
        (Ac::Refunds30d, int(a.refunds_30d)),
        (Ac::RefundValueMinor, int(a.refund_value_minor)),
        (Ac::RefundsNotReceived, int(a.refunds_not_received)),
        (Ac::RefundsWithoutReturn, int(a.refunds_without_return)),
        (Ac::RefundsHighValue, int(a.refunds_high_value)),
        (
            Ac::RefundsOverridingDenial,
            int(a.refunds_overriding_denial),
        ),
        (Ac::RefundRate, double(a.refund_rate)),
        (Ac::NotReceivedRate, double(a.not_received_rate)),
        (Ac::Returns, int(a.returns)),
        (Ac::ReturnsReceived, int(a.returns_received)),
        (Ac::ReturnsMismatched, int(a.returns_mismatched)),
        (Ac::Contacts, int(a.contacts)),
        (Ac::Contacts30d, int(a.contacts_30d)),
        (Ac::RefundAgents, int(a.refund_agents)),
        (Ac::RefundsTopAgent, int(a.refunds_top_agent)),
        (Ac::Reviews, int(a.reviews)),
        (Ac::Reviews30d, int(a.reviews_30d)),
        (Ac::Devices, int(a.devices)),
        (Ac::LinkedAccounts, int(a.linked_accounts)),
        (Ac::LinkedRefundValueMinor, int(a.linked_refund_value_minor)),
        (Ac::Findings, int(a.findings)),
        (Ac::FindingScore, double(a.finding_score)),
    ] {
        r.set(f as usize, slot);
    }
    r
}

/// Distinct values, in order of appearance.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<Box<dyn Val + 'a>> {
    let mut seen: Vec<&str> = Vec::new();
    for v in values {
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.into_iter()
        .map(|v| Box::new(CelString::from(v)) as Box<dyn Val + 'a>)
        .collect()
}

fn event_record<'a>(e: &'a Event, needs: Needs) -> Record<'a, { Ev::COUNT }> {
    let mut r = Record::new(Ev::index);
    // Cheap fields are always set; the ones that cost a pass or an allocation only when read.
    let want = |f: Ev| needs.has(f);
    r.set_str(Ev::Type as usize, e.body.kind());
    r.set_str(Ev::Id as usize, e.id.as_str());
    r.set(Ev::At as usize, int(e.at));
    r.set_opt_str(Ev::AccountId as usize, e.body.account_id());
    match &e.body {
        Body::Account(a) => {
            r.set_opt_str(Ev::Email as usize, a.email.as_deref());
            if want(Ev::EmailDomain) {
                let domain = a.email.as_deref().and_then(|m| m.rsplit_once('@'));
                if let Some((_, d)) = domain.filter(|(_, d)| !d.is_empty()) {
                    if d.bytes().any(|b| b.is_ascii_uppercase()) {
                        r.set_str(Ev::EmailDomain as usize, d.to_ascii_lowercase());
                    } else {
                        r.set_str(Ev::EmailDomain as usize, d);
                    }
                }
            }
            r.set_opt_str(Ev::Phone as usize, a.phone.as_deref());
            r.set_opt_str(Ev::Name as usize, a.name.as_deref());
            r.set_opt_str(Ev::DeviceId as usize, a.device_id.as_deref());
            if let (true, Some(ip)) = (want(Ev::Ip), a.ip) {
                r.set_str(Ev::Ip as usize, ip.to_string());
            }
            r.set_opt_str(
                Ev::PaymentFingerprint as usize,
                a.payment_fingerprint.as_deref(),
            );
            if want(Ev::Countries) {
                let countries = a.addresses.iter().filter_map(|a| a.country.as_deref());
                r.set_list(Ev::Countries as usize, distinct(countries));
            }
            r.set(Ev::AddressCount as usize, int(a.addresses.len()));
        }
        Body::Order(o) => {
            r.set_str(Ev::OrderId as usize, o.order_id.as_str());
            let currency = o.items.first().map_or("", |i| i.price.currency.as_str());
            r.set_str(Ev::Currency as usize, currency);
            if want(Ev::Items) {
                let items = o.items.iter().map(|item| -> Box<dyn Val + 'a> {
                    Box::new(Item {
                        item_id: CelString::from(item.item_id.as_str()),
                        category: CelString::from(item.category.as_str()),
                        price: major(item.price.minor, minor_digits(&item.price.currency)),
                        price_minor: CelInt::from(item.price.minor),
                        currency: CelString::from(item.price.currency.as_str()),
                        quantity: CelInt::from(i64::from(item.quantity)),
                        weight_grams: item.weight_grams.map(|w| CelInt::from(i64::from(w))),
                    })
                });
                r.set_list(Ev::Items as usize, items.collect());
            }
            if want(Ev::Total) || want(Ev::TotalMinor) {
                let total = o
                    .items
                    .iter()
                    .filter(|i| i.price.currency == currency)
                    .map(|i| i.price.minor.saturating_mul(i64::from(i.quantity)))
                    .fold(0i64, i64::saturating_add);
                r.set(Ev::TotalMinor as usize, int(total));
                r.set(
                    Ev::Total as usize,
                    Slot::Double(major(total, minor_digits(currency))),
                );
            }
            if want(Ev::Categories) {
                let categories = o.items.iter().map(|i| i.category.as_str());
                r.set_list(Ev::Categories as usize, distinct(categories));
            }
            let units = o.items.iter().map(|i| u64::from(i.quantity)).sum::<u64>();
            r.set(Ev::ItemCount as usize, int(units));
            let country = o
                .shipping_address
                .as_ref()
                .and_then(|a| a.country.as_deref());
            r.set_opt_str(Ev::ShippingCountry as usize, country);
        }
        Body::Return(t) => {
            r.set_str(Ev::OrderId as usize, t.order_id.as_str());
            r.set_str(Ev::ReturnId as usize, t.return_id.as_str());
            r.set_str(Ev::Stage as usize, t.stage.as_str());
            r.set_opt_str(Ev::Carrier as usize, t.carrier.as_deref());
            r.set_opt_str(Ev::Tracking as usize, t.tracking.as_deref());
            r.set_opt_str(Ev::Location as usize, t.location.as_deref());
            r.set_opt_str(Ev::Warehouse as usize, t.warehouse.as_deref());
            if let Some(w) = t.weight_grams {
                r.set(Ev::WeightGrams as usize, int(w));
            }
            r.set_opt_str(Ev::Condition as usize, t.condition.map(|c| c.as_str()));
        }
        Body::Refund(f) => {
            r.set_str(Ev::OrderId as usize, f.order_id.as_str());
            r.set_str(Ev::RefundId as usize, f.refund_id.as_str());
            if want(Ev::Amount) {
                let digits = minor_digits(&f.amount.currency);
                r.set(
                    Ev::Amount as usize,
                    Slot::Double(major(f.amount.minor, digits)),
                );
            }
            r.set(Ev::AmountMinor as usize, int(f.amount.minor));
            r.set_str(Ev::Currency as usize, f.amount.currency.as_str());
            r.set_str(Ev::Reason as usize, f.reason.as_str());
            r.set_str(Ev::Channel as usize, f.channel.as_str());
            let agent = match &f.issued_by {
                IssuedBy::Agent(a) => Some(a.as_str()),
                IssuedBy::Automatic => None,
            };
            r.set_str(Ev::IssuedBy as usize, agent.unwrap_or("automatic"));
            r.set_opt_str(Ev::Agent as usize, agent);
            r.set(Ev::Automatic as usize, boolean(agent.is_none()));
            r.set(Ev::ReturnRequired as usize, boolean(f.return_required));
            r.set(Ev::OverridesDenial as usize, boolean(f.overrides_denial));
            r.set_opt_str(Ev::Category as usize, f.category.as_deref());
        }
        Body::Contact(c) => {
            r.set_str(Ev::ContactId as usize, c.contact_id.as_str());
            r.set_opt_str(Ev::Agent as usize, c.agent_id.as_deref());
            r.set_str(Ev::Channel as usize, c.channel.as_str());
            r.set_opt_str(Ev::OrderId as usize, c.order_id.as_deref());
            r.set_opt_str(Ev::DeviceId as usize, c.device_id.as_deref());
            if let (true, Some(ip)) = (want(Ev::Ip), c.ip) {
                r.set_str(Ev::Ip as usize, ip.to_string());
            }
            r.set_str(Ev::Transcript as usize, c.transcript.as_str());
            if want(Ev::TranscriptLength) {
                r.set(
                    Ev::TranscriptLength as usize,
                    int(c.transcript.chars().count()),
                );
            }
        }
        Body::Review(v) => {
            r.set_str(Ev::ReviewId as usize, v.review_id.as_str());
            r.set_str(Ev::ProductId as usize, v.product_id.as_str());
            r.set(Ev::Rating as usize, int(v.rating));
            r.set_str(Ev::Text as usize, v.text.as_str());
            if want(Ev::TextLength) {
                r.set(Ev::TextLength as usize, int(v.text.chars().count()));
            }
        }
        Body::Staff(s) => {
            r.set_str(Ev::Agent as usize, s.agent_id.as_str());
            r.set_str(Ev::Team as usize, s.team.as_str());
            r.set_opt_str(Ev::Site as usize, s.site.as_deref());
            r.set(Ev::ShiftCount as usize, int(s.shifts.len()));
        }
    }
    r
}

/// Minor units as major units: 89900 EUR cents is 899.0.
fn major(minor: i64, digits: u32) -> CelDouble {
    // Amounts are bounded far below 2^53 by the event parser, so the conversion is exact
    // enough for comparisons against thresholds.
    #[allow(clippy::cast_precision_loss)]
    let value = minor as f64 / 10f64.powi(i32::try_from(digits).unwrap_or(2));
    CelDouble::from(value)
}

thread_local! {
    /// Minor-unit digits by currency: the ISO list is searched once per currency and thread.
    static DIGITS: RefCell<Vec<(String, u32)>> = const { RefCell::new(Vec::new()) };
}

/// The minor-unit digits of an (already checked) ISO 4217 code: 2 for EUR, 0 for JPY.
fn minor_digits(currency: &str) -> u32 {
    DIGITS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, d)) = cache.iter().find(|(c, _)| c == currency) {
            return *d;
        }
        let digits = rampart_indicators::codes::currency(currency).map_or(2, |(_, d)| d);
        // The event parser only lets ISO codes through, so this stays small; the bound is
        // for callers that build events by hand.
        if cache.len() < 512 {
            cache.push((currency.to_owned(), digits));
        }
        digits
    })
}

/// The field of `table` named `name`.
pub(super) fn field<'t>(table: &'t [Field], name: &str) -> Option<&'t Field> {
    table.iter().find(|f| f.name == name)
}

/// The names in `candidates` closest to `name`, for "did you mean" hints.
pub(super) fn closest<'c>(
    name: &str,
    candidates: impl Iterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, c)| *d <= 2.max(name.len().min(c.len()) / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}
