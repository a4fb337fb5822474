//! Casework: what investigators and lawyers do with campaigns, and the record that proves it.
//! Pure: values in, decisions and bytes out; the store keeps them, the server serves them.
//!
//! - [`audit`]: every change is an entry in a hash chain; [`audit::verify`] finds an edited,
//!   inserted or deleted entry, and signed checkpoints catch a chain rewritten from some entry on.
//! - [`evidence`]: a signed zip for partners and police; [`evidence::verify`] catches any change.
//! - [`stix`]: a case's indicators and campaigns as a STIX 2.1 bundle with deterministic ids.
//! - [`summary`]: the case in plain text and figures; [`summary::clean`] and [`summary::defang`].
//! - [`notice`]: the text of takedown requests, carrier reports, referrals and customer warnings.

pub mod audit;
pub mod evidence;
pub mod notice;
pub mod stix;
pub mod summary;
