//! Marketplace abuse: what the marketplace's own systems see, turned into decisions with reasons.
//! Pure: values in, decisions out; the store keeps them, the server and the worker feed them.
//!
//! - [`events`]: the events a marketplace sends (accounts, orders, returns, refunds, support
//!   contacts, reviews, staff), read from JSON lines into types that cannot hold invalid data,
//!   with every size, count and length bounded.

pub mod events;
