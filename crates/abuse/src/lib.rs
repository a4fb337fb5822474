//! Marketplace abuse: what the marketplace's own systems see, turned into decisions with reasons.
//! Pure: values in, decisions out; the store keeps them, the server and the worker feed them.
//!
//! - [`events`]: the events a marketplace sends (accounts, orders, returns, refunds, support
//!   contacts, reviews, staff), read from JSON lines into types that cannot hold invalid data,
//!   with every size, count and length bounded.
//! - [`simulate`]: a made-up marketplace history, streamed as those JSON lines, with planted
//!   refund-service rings, their insiders and fake reviews among honest look-alikes, and the
//!   ground truth to score detectors against.
//! - [`rules`]: analyst rules written in CEL over one event and its account's aggregates
//!   ([`stats`]), compiled once, evaluated live or in shadow, tested on examples and backtested.
//! - [`model`]: the marketplace in memory, built from events in any order (late, twice, out
//!   of order: same state), indexed by account so [`stats`] are computed in microseconds.
//! - [`detect`]: the detectors of refund fraud over the model (refunds without return, return
//!   mismatches, account refund abuse, insider collusion, rings, support devices, scripts,
//!   fake-review rings), each finding with a plain explanation and its evidence.
//! - [`decide`]: a decision on one event: the rules' hits joined with the account's status,
//!   banned identifiers and open findings.
//! - [`identifiers`]: what a ban records of an account and sign-up screening compares.
//! - [`score`]: detectors scored against the simulator's ground truth: precision, recall and
//!   the traps they fell into.

pub mod decide;
pub mod detect;
pub mod events;
pub mod identifiers;
pub mod model;
pub mod rules;
pub mod score;
pub mod simulate;
pub mod stats;
