//! ISO country and currency codes: kept in the indicators crate, shared with the abuse engine.

pub use rampart_indicators::codes::*;
