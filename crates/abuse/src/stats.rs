//! What is known about an account at one moment, as rules and decisions see it: counts, sums
//! and rates over the account's history, and its ties to other accounts. The model
//! ([`crate::model`]) computes it from events in any order; rules ([`crate::rules`]) read it.
//!
//! Money is in minor units and summed per account regardless of currency only when the account
//! uses one currency; `value_currency` names it (mixed currencies: the one with the most orders,
//! the others left out of the sums).

use serde::{Deserialize, Serialize};

/// An account's aggregates. Every count is over the whole known history unless its name says
/// otherwise (`_30d`: the 30 days before `as_of`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountStats {
    pub account_id: String,
    /// Whether a sign-up or account event has been seen (orders can arrive first).
    pub known: bool,
    /// Days since the first account event, 0 when unknown.
    pub age_days: f64,
    /// The moment the figures describe, UTC Unix milliseconds.
    pub as_of: i64,

    pub orders: u64,
    pub orders_30d: u64,
    pub order_value_minor: i64,
    /// The currency of the sums.
    pub value_currency: String,

    pub refunds: u64,
    pub refunds_30d: u64,
    pub refund_value_minor: i64,
    /// Refunds with the reason "not received".
    pub refunds_not_received: u64,
    /// Refunds with nothing back: return not required, or required and never received.
    pub refunds_without_return: u64,
    /// Refunds of items in high-value categories.
    pub refunds_high_value: u64,
    /// Refunds an agent granted over an automatic denial.
    pub refunds_overriding_denial: u64,
    /// Refunds over orders, 0 without orders.
    pub refund_rate: f64,
    /// "Not received" refunds over orders, 0 without orders.
    pub not_received_rate: f64,

    pub returns: u64,
    /// Returns the warehouse received.
    pub returns_received: u64,
    /// Returns received far lighter than the item, or marked empty.
    pub returns_mismatched: u64,

    pub contacts: u64,
    pub contacts_30d: u64,
    /// Distinct agents who issued this account's refunds.
    pub refund_agents: u64,
    /// Refunds issued by the single agent who issued most of them.
    pub refunds_top_agent: u64,

    pub reviews: u64,
    pub reviews_30d: u64,

    /// Devices, payment fingerprints, IPs, phones and addresses seen on the account.
    pub devices: u64,
    /// Other accounts sharing at least one device, payment fingerprint, normalised address,
    /// phone or IP with this one.
    pub linked_accounts: u64,
    /// Refund value of the linked accounts together (this one excluded).
    pub linked_refund_value_minor: i64,

    /// Open findings naming this account.
    pub findings: u64,
    /// The highest score among them, 0 without findings.
    pub finding_score: f64,
}
