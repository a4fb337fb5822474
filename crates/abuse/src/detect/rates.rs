//! Rates from small samples, shrunk towards their group's: a beta prior fitted to the group,
//! the posterior mean for each member. Two refunds out of two is not a 100% rate.

/// A beta distribution over a rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beta {
    pub a: f64,
    pub b: f64,
}

impl Beta {
    /// A prior centred on `rate` worth `strength` observations. The rate is kept inside
    /// (0, 1) so that a group with no events still shrinks rather than divides by zero.
    pub fn from_rate(rate: f64, strength: f64) -> Beta {
        let rate = if rate.is_finite() {
            rate.clamp(1e-6, 1.0 - 1e-6)
        } else {
            0.5
        };
        let strength = if strength.is_finite() && strength > 0.0 {
            strength
        } else {
            1.0
        };
        Beta {
            a: rate * strength,
            b: (1.0 - rate) * strength,
        }
    }

    /// Fits a prior to a group's `(events, trials)`; see [`Moments::fit`].
    pub fn fit(group: &[(f64, f64)], min_strength: f64, max_strength: f64) -> Beta {
        let mut m = Moments::default();
        for &(k, n) in group {
            m.add(k, n);
        }
        m.fit(min_strength, max_strength)
    }

    pub fn mean(&self) -> f64 {
        self.a / (self.a + self.b)
    }

    /// The posterior mean after `events` out of `trials`.
    pub fn posterior_mean(&self, events: f64, trials: f64) -> f64 {
        let trials = trials.max(events).max(0.0);
        (events.max(0.0) + self.a) / (trials + self.a + self.b)
    }
}

/// The chance of `events` or more out of `trials` at rate `p`: how surprising a count is.
pub fn binomial_tail(events: u64, trials: u64, p: f64) -> f64 {
    if events == 0 {
        return 1.0;
    }
    if events > trials || !(0.0..1.0).contains(&p) || p <= 0.0 {
        return if events > trials || p <= 0.0 {
            0.0
        } else {
            1.0
        };
    }
    // log of the first term, C(n, k) p^k (1-p)^(n-k), then each next term from the last.
    let (n, k) = (trials as f64, events as f64);
    let log_choose: f64 = (0..events)
        .map(|i| ((trials - i) as f64).ln() - ((i + 1) as f64).ln())
        .sum();
    let mut log_term = log_choose + k * p.ln() + (n - k) * (1.0 - p).ln();
    let odds = (p / (1.0 - p)).ln();
    let mut total = 0.0;
    for i in events..=trials {
        let term = log_term.exp();
        total += term;
        if term < total * 1e-12 {
            break;
        }
        log_term += ((trials - i) as f64).ln() - ((i + 1) as f64).ln() + odds;
    }
    total.clamp(0.0, 1.0)
}

/// The chance of `events` or more out of `trials` for a member drawn from the group the prior
/// describes (the beta-binomial tail): fatter than [`binomial_tail`] at the group's mean,
/// because members of a group differ.
pub fn beta_binomial_tail(events: u64, trials: u64, prior: Beta) -> f64 {
    if events == 0 {
        return 1.0;
    }
    let (a, b) = (prior.a, prior.b);
    if events > trials || !(a > 0.0 && b > 0.0 && a.is_finite() && b.is_finite()) {
        return if events > trials { 0.0 } else { 1.0 };
    }
    let (n, k) = (trials as f64, events as f64);
    // log pmf(k) = log C(n, k) + log B(k + a, n - k + b) - log B(a, b).
    let log_beta = |x: f64, y: f64| ln_gamma(x) + ln_gamma(y) - ln_gamma(x + y);
    let mut log_term = ln_gamma(n + 1.0) - ln_gamma(k + 1.0) - ln_gamma(n - k + 1.0)
        + log_beta(k + a, n - k + b)
        - log_beta(a, b);
    let mut total = 0.0;
    for i in events..=trials {
        let term = log_term.exp();
        total += term;
        if term < total * 1e-12 {
            break;
        }
        let i = i as f64;
        // pmf(i + 1) / pmf(i) = (n - i) / (i + 1) * (i + a) / (n - i - 1 + b).
        log_term += (n - i).ln() - (i + 1.0).ln() + (i + a).ln() - (n - i - 1.0 + b).ln();
    }
    total.clamp(0.0, 1.0)
}

/// The logarithm of the gamma function for positive `x` (Lanczos, g = 7, nine terms: about
/// fifteen significant digits).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).abs().ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// What a group's members' rates add up to, so that a prior can be fitted to the group with
/// or without one member. Add members in a fixed order: sums of floats depend on it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    members: f64,
    events: f64,
    trials: f64,
    rates: f64,
    squares: f64,
    inverse_trials: f64,
}

impl Moments {
    /// Adds a member with `events` out of `trials`; members without trials are left out.
    pub fn add(&mut self, events: f64, trials: f64) {
        if !(trials > 0.0 && trials.is_finite() && events.is_finite()) {
            return;
        }
        let events = events.clamp(0.0, trials);
        let r = events / trials;
        self.members += 1.0;
        self.events += events;
        self.trials += trials;
        self.rates += r;
        self.squares += r * r;
        self.inverse_trials += 1.0 / trials;
    }

    /// The group without one of its members.
    pub fn without(&self, events: f64, trials: f64) -> Moments {
        let mut one = Moments::default();
        one.add(events, trials);
        self.minus(&one)
    }

    /// The group without a subgroup of its members.
    pub fn minus(&self, other: &Moments) -> Moments {
        Moments {
            members: self.members - other.members,
            events: self.events - other.events,
            trials: self.trials - other.trials,
            rates: self.rates - other.rates,
            squares: self.squares - other.squares,
            inverse_trials: self.inverse_trials - other.inverse_trials,
        }
    }

    pub fn members(&self) -> f64 {
        self.members
    }

    /// A prior by the method of moments: its mean is the pooled rate (smoothed by half an
    /// event), its strength comes from how much the members' rates vary beyond what their
    /// sample sizes explain, bounded by `min_strength` and `max_strength`. With fewer than two
    /// members, or no variation beyond the sampling noise, the strength is `max_strength`.
    pub fn fit(&self, min_strength: f64, max_strength: f64) -> Beta {
        let mean = ((self.events + 0.5) / (self.trials + 1.0)).clamp(1e-6, 1.0 - 1e-6);
        let max_strength = max_strength.max(min_strength).max(1e-3);
        let strength = if self.members < 2.0 {
            max_strength
        } else {
            let spread = self.squares - 2.0 * mean * self.rates + self.members * mean * mean;
            let var = spread / (self.members - 1.0);
            let noise = mean * (1.0 - mean) * self.inverse_trials / self.members;
            let excess = var - noise;
            if excess <= 1e-12 {
                max_strength
            } else {
                mean * (1.0 - mean) / excess - 1.0
            }
        };
        let strength = if strength.is_finite() {
            strength.clamp(min_strength.max(1e-3), max_strength)
        } else {
            max_strength
        };
        Beta::from_rate(mean, strength)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_samples_are_shrunk_large_ones_are_not() {
        let team = Beta::from_rate(0.05, 20.0);
        // Two out of two is barely above the team.
        assert!(team.posterior_mean(2.0, 2.0) < 0.15);
        // Forty out of sixty is far above it.
        assert!(team.posterior_mean(40.0, 60.0) > 0.5);
    }

    #[test]
    fn fitting_follows_the_spread() {
        let alike: Vec<(f64, f64)> = (0..10).map(|_| (5.0, 100.0)).collect();
        let fit = Beta::fit(&alike, 2.0, 50.0);
        assert!((fit.mean() - 0.05).abs() < 0.01);
        assert_eq!(fit.a + fit.b, 50.0);
        let scattered = [(0.0, 100.0), (50.0, 100.0), (5.0, 100.0), (90.0, 100.0)];
        let fit = Beta::fit(&scattered, 2.0, 50.0);
        assert!(fit.a + fit.b < 5.0, "{fit:?}");
        let none = Beta::fit(&[], 2.0, 50.0);
        assert!(none.mean() > 0.0 && none.mean() < 1.0);
        let zero = Beta::fit(&[(0.0, 0.0), (0.0, 10.0)], 2.0, 50.0);
        assert!(zero.posterior_mean(0.0, 0.0).is_finite());
    }

    #[test]
    fn binomial_tails() {
        assert_eq!(binomial_tail(0, 10, 0.1), 1.0);
        assert!((binomial_tail(1, 1, 0.3) - 0.3).abs() < 1e-12);
        assert!((binomial_tail(2, 2, 0.5) - 0.25).abs() < 1e-12);
        assert!((binomial_tail(1, 3, 0.5) - 0.875).abs() < 1e-12);
        // Six out of 62 at 2.8% is unusual but not rare among 200 agents.
        let p = binomial_tail(6, 62, 0.028);
        assert!(p > 0.005 && p < 0.02, "{p}");
        assert!(binomial_tail(15, 30, 0.056) < 1e-9);
        assert_eq!(binomial_tail(11, 10, 0.5), 0.0);
        assert!(binomial_tail(5_000, 100_000, 0.05) > 0.4);
    }

    #[test]
    fn gamma_and_beta_binomial_tails() {
        for (x, want) in [
            (1.0, 0.0),
            (2.0, 0.0),
            (5.0, 24f64.ln()),
            (0.5, 0.572_364_942_924_7),
        ] {
            assert!((ln_gamma(x) - want).abs() < 1e-10, "{x}");
        }
        assert!((ln_gamma(171.5) - 709.143_163_030_928_2).abs() < 1e-8);
        // A strong prior behaves like the binomial at its mean.
        let strong = Beta::from_rate(0.1, 1e7);
        let (bb, bin) = (beta_binomial_tail(4, 20, strong), binomial_tail(4, 20, 0.1));
        assert!((bb - bin).abs() < 1e-4, "{bb} {bin}");
        // A weak prior makes a high count less surprising.
        let weak = Beta::from_rate(0.02, 50.0);
        assert!(beta_binomial_tail(8, 66, weak) > 10.0 * binomial_tail(8, 66, 0.02));
        // One out of one at a uniform prior: a half.
        let uniform = Beta { a: 1.0, b: 1.0 };
        assert!((beta_binomial_tail(1, 1, uniform) - 0.5).abs() < 1e-12);
        assert_eq!(beta_binomial_tail(0, 5, uniform), 1.0);
        assert_eq!(beta_binomial_tail(6, 5, uniform), 0.0);
    }

    #[test]
    fn leaving_one_out_is_fitting_without_it() {
        let group = [(1.0, 20.0), (2.0, 30.0), (0.0, 10.0), (30.0, 40.0)];
        let mut all = Moments::default();
        for (k, n) in group {
            all.add(k, n);
        }
        let rest = Beta::fit(&group[..3], 2.0, 50.0);
        let loo = all.without(30.0, 40.0).fit(2.0, 50.0);
        assert!((rest.a - loo.a).abs() < 1e-9 && (rest.b - loo.b).abs() < 1e-9);
    }
}
