//! Rate limits on the public endpoints, per client address and per reporter, so one person or
//! one script cannot flood the queue or the "is this really us?" check. Kept in memory per
//! node (GCRA from `governor`): with several nodes, each allows its own share.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use serde::{Deserialize, Serialize};

/// What an operator sets; every count is a burst that refills evenly over its period.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    pub enabled: bool,
    /// Reports from one address (an IPv6 /64 counts as one) per hour.
    pub reports_per_address_per_hour: u32,
    /// Reports naming one reporter e-mail per hour.
    pub reports_per_reporter_per_hour: u32,
    /// Portal reports without the proof of work (browsers without JavaScript) per address per
    /// hour: a script that skips the work gets only these.
    pub unproven_per_address_per_hour: u32,
    /// "Is this really us?" checks per address per minute.
    pub checks_per_address_per_minute: u32,
    /// Staff login attempts per address per minute (on top of the per-account lockout).
    pub logins_per_address_per_minute: u32,
    /// Proof-of-work difficulty of the public form, in leading zero bits (17: about a second
    /// of a phone's time).
    pub challenge_difficulty: u8,
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            enabled: true,
            reports_per_address_per_hour: 30,
            reports_per_reporter_per_hour: 20,
            unproven_per_address_per_hour: 6,
            checks_per_address_per_minute: 30,
            logins_per_address_per_minute: 10,
            challenge_difficulty: 17,
        }
    }
}

/// Which limit ran out and when to come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub retry_after: Duration,
}

impl Limited {
    /// Whole seconds for Retry-After, at least one.
    pub fn retry_after_secs(&self) -> u64 {
        self.retry_after.as_secs().max(1) + u64::from(self.retry_after.subsec_nanos() > 0)
    }

    /// Whole minutes for the person, at least one.
    pub fn retry_after_minutes(&self) -> u64 {
        self.retry_after_secs().div_ceil(60)
    }
}

/// The limiters of one node.
pub struct Limits {
    enabled: bool,
    reports_by_address: DefaultKeyedRateLimiter<IpAddr>,
    reports_by_reporter: DefaultKeyedRateLimiter<String>,
    unproven_by_address: DefaultKeyedRateLimiter<IpAddr>,
    checks_by_address: DefaultKeyedRateLimiter<IpAddr>,
    logins_by_address: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

fn per_hour(n: u32) -> Quota {
    Quota::per_hour(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

/// IPv6 hands a whole /64 to one subscriber: counting addresses would give them 2^64 tries.
pub fn client_key(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V4(_) => addr,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut seg = v6.segments();
                seg[4..].fill(0);
                IpAddr::V6(seg.into())
            }
        },
    }
}

impl Limits {
    pub fn new(s: &LimitSettings) -> Limits {
        Limits {
            enabled: s.enabled,
            reports_by_address: DefaultKeyedRateLimiter::keyed(per_hour(
                s.reports_per_address_per_hour,
            )),
            reports_by_reporter: DefaultKeyedRateLimiter::keyed(per_hour(
                s.reports_per_reporter_per_hour,
            )),
            unproven_by_address: DefaultKeyedRateLimiter::keyed(per_hour(
                s.unproven_per_address_per_hour,
            )),
            checks_by_address: DefaultKeyedRateLimiter::keyed(Quota::per_minute(
                NonZeroU32::new(s.checks_per_address_per_minute).unwrap_or(NonZeroU32::MIN),
            )),
            logins_by_address: DefaultKeyedRateLimiter::keyed(Quota::per_minute(
                NonZeroU32::new(s.logins_per_address_per_minute).unwrap_or(NonZeroU32::MIN),
            )),
            clock: DefaultClock::default(),
        }
    }

    fn take<K: Clone + std::hash::Hash + Eq>(
        &self,
        limiter: &DefaultKeyedRateLimiter<K>,
        key: &K,
    ) -> Result<(), Limited> {
        limiter.check_key(key).map_err(|not_until| Limited {
            retry_after: not_until.wait_time_from(self.clock.now()),
        })
    }

    /// One submission from `client`: taken before any costly work, whether or not the
    /// submission turns out valid, so invalid ones cost the sender too.
    pub fn address(&self, client: Option<IpAddr>, proven: bool) -> Result<(), Limited> {
        if !self.enabled {
            return Ok(());
        }
        if let Some(addr) = client.map(client_key) {
            self.take(&self.reports_by_address, &addr)?;
            if !proven {
                self.take(&self.unproven_by_address, &addr)?;
            }
        }
        Ok(())
    }

    /// One report naming `reporter`.
    pub fn reporter(&self, reporter: Option<&str>) -> Result<(), Limited> {
        match (self.enabled, reporter) {
            (true, Some(r)) => self.take(&self.reports_by_reporter, &r.trim().to_lowercase()),
            _ => Ok(()),
        }
    }

    /// One "is this really us?" check from `client`.
    pub fn check(&self, client: Option<IpAddr>) -> Result<(), Limited> {
        match (self.enabled, client) {
            (true, Some(addr)) => self.take(&self.checks_by_address, &client_key(addr)),
            _ => Ok(()),
        }
    }

    /// One staff login attempt from `client`. Always on: guessing passwords is never wanted,
    /// even where the public limits are switched off for a load test.
    pub fn login(&self, client: Option<IpAddr>) -> Result<(), Limited> {
        match client {
            Some(addr) => self.take(&self.logins_by_address, &client_key(addr)),
            None => Ok(()),
        }
    }

    /// Forgets clients whose allowance is full again; run now and then to bound memory.
    pub fn forget_idle(&self) {
        self.reports_by_address.retain_recent();
        self.reports_by_reporter.retain_recent();
        self.unproven_by_address.retain_recent();
        self.checks_by_address.retain_recent();
        self.logins_by_address.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a report spends: its address's allowance, then its reporter's.
    trait Report {
        fn report(
            &self,
            client: Option<IpAddr>,
            reporter: Option<&str>,
            proven: bool,
        ) -> Result<(), Limited>;
    }

    impl Report for Limits {
        fn report(
            &self,
            client: Option<IpAddr>,
            reporter: Option<&str>,
            proven: bool,
        ) -> Result<(), Limited> {
            self.address(client, proven)?;
            self.reporter(reporter)
        }
    }

    #[test]
    fn counts_per_address_and_per_reporter() {
        let limits = Limits::new(&LimitSettings {
            reports_per_address_per_hour: 2,
            reports_per_reporter_per_hour: 2,
            unproven_per_address_per_hour: 1,
            ..LimitSettings::default()
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(limits.report(Some(a), Some("x@example.org"), true).is_ok());
        assert!(limits.report(Some(a), Some("X@example.org "), true).is_ok());
        // The reporter is spent, whatever the address.
        let limited = limits
            .report(Some(b), Some("x@example.org"), true)
            .unwrap_err();
        assert!(limited.retry_after > Duration::from_secs(60 * 20));
        assert!(limited.retry_after_minutes() >= 20);
        assert!(limits.report(Some(a), None, true).is_err());
        // Without the proof of work, one per hour.
        assert!(limits.report(Some(b), None, false).is_ok());
        assert!(limits.report(Some(b), None, false).is_err());
    }

    #[test]
    fn an_ipv6_subnet_is_one_client() {
        let limits = Limits::new(&LimitSettings {
            reports_per_address_per_hour: 1,
            ..LimitSettings::default()
        });
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let same_64: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other_64: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(limits.report(Some(one), None, true).is_ok());
        assert!(limits.report(Some(same_64), None, true).is_err());
        assert!(limits.report(Some(other_64), None, true).is_ok());
    }

    #[test]
    fn disabled_limits_allow_everything() {
        let limits = Limits::new(&LimitSettings {
            enabled: false,
            reports_per_address_per_hour: 1,
            ..LimitSettings::default()
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..10 {
            assert!(limits.report(Some(a), None, false).is_ok());
        }
    }
}
