//! Marketplace abuse: what the marketplace's own systems see, turned into decisions with reasons.
//! Pure: values in, decisions out; the store keeps them, the server and the worker feed them.
//!
//! - [`events`]: the events a marketplace sends (accounts, orders, returns, refunds, support
//!   contacts, reviews, staff), read from JSON lines into types that cannot hold invalid data,
//!   with every size, count and length bounded.
//! - [`simulate`]: a made-up marketplace history, streamed as those JSON lines, with planted
//!   refund-service rings, their insiders and fake reviews among honest look-alikes, and the
//!   ground truth to score detectors against.

pub mod events;
pub mod simulate;
