//! Campaign intelligence over stored reports: correlation into campaigns, hubs, near-duplicate
//! script fingerprints, the warning list and campaign ranking.
//!
//! Everything here is pure: no IO, no clock (the caller passes `now`), no global state. The
//! correlator process owns a [`correlate::Correlator`], rebuilds it from the stored
//! report-indicator links at start-up ([`correlate::Correlator::restore`]) and writes each
//! [`correlate::Outcome`] back to the database.
//!
//! The order of work for a new report is: extraction (crate `rampart-indicators`) ->
//! [`warning::WarningList`] and official brand channels drop what must never correlate ->
//! [`script::fingerprints`] adds near-duplicate text keys -> [`correlate::Correlator::add_report`]
//! -> [`rank::score`] orders the campaigns for analysts.

pub mod check;
pub mod correlate;
mod dense;
pub mod ids;
pub mod rank;
pub mod script;
pub mod warning;

pub use correlate::{CorrelationConfig, Correlator, Outcome};
pub use ids::{CampaignId, IndicatorId, ReportId};
