//! Attacker-written text in, typed and normalised indicators out. Pure: no IO, no clock, no globals
//! that change.
//!
//! The one entry point for text is [`extract()`]; brand verdicts live in [`brand`]; the language of a
//! text comes from [`lang`]. Every value handed out has been parsed once into a type that cannot
//! hold invalid data ([`RegistrableDomain`], [`PhoneE164`], …).

pub mod brand;
pub mod codes;
pub mod crypto;
pub mod defang;
pub mod domain;
pub mod extract;
pub mod lang;
pub mod phone;

pub use domain::RegistrableDomain;
pub use extract::{ExtractOptions, Indicator, IndicatorKind, extract};
pub use phone::PhoneE164;
