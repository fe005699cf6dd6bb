//! What is still to come until a renewal, at the recent pace: meetings, hours and money are
//! the pace carried forward; referrals, few and irregular, are a range that says how little a
//! handful of events tells.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Gamma};

/// How many events to expect: a likely figure and the range around it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub low: f64,
    pub mid: f64,
    pub high: f64,
}

/// The share of the chances left out on each side of a [`Range`].
const TAIL: f64 = 0.05;

/// The events to expect in `ahead` days when `count` happened over `over` days.
///
/// The rate of events is unknown: `count` events in `over` days is all that is known of it.
/// Under Jeffreys' prior, the rate's distribution given that is Gamma(count + ½, over); the
/// range is its 5 % and 95 % quantiles times the days ahead, and `mid` the observed rate times
/// the days ahead. Three referrals in a year give 1.1 to 7 for the next year; none gives 0
/// to 1.9: a small sample is honestly a wide range. One decimal each.
pub fn expected(count: i64, over: i64, ahead: i64) -> Range {
    if over <= 0 || ahead <= 0 {
        return Range {
            low: 0.0,
            mid: 0.0,
            high: 0.0,
        };
    }
    let scale = ahead as f64;
    let quantile = |p: f64| {
        Gamma::new(count.max(0) as f64 + 0.5, over as f64)
            .map(|rate| rate.inverse_cdf(p) * scale)
            .unwrap_or(0.0)
    };
    let one_decimal = |x: f64| (x * 10.0).round() / 10.0;
    Range {
        low: one_decimal(quantile(TAIL)),
        mid: one_decimal(count.max(0) as f64 * scale / over as f64),
        high: one_decimal(quantile(1.0 - TAIL)),
    }
}

/// `per` carried forward: `total` over `over` days, for `ahead` days, rounded to the nearest.
pub fn pace(total: i64, over: i64, ahead: i64) -> i64 {
    if over <= 0 || ahead <= 0 {
        return 0;
    }
    let value = i128::from(total) * i128::from(ahead);
    let over = i128::from(over);
    i64::try_from((value * 2 + over) / (over * 2)).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_events_give_a_wide_range() {
        let none = expected(0, 365, 365);
        assert_eq!(none.low, 0.0);
        assert_eq!(none.mid, 0.0);
        assert_eq!(none.high, 1.9);
        let three = expected(3, 365, 365);
        assert_eq!((three.low, three.mid, three.high), (1.1, 3.0, 7.0));
        // Thirty events say much more about the rate: the range narrows around the mid.
        let thirty = expected(30, 365, 365);
        assert!(thirty.low > 20.0 && thirty.high < 41.0, "{thirty:?}");
        // Half the time ahead, half the events.
        let half = expected(4, 365, 182);
        assert_eq!(half.mid, 2.0);
        assert_eq!(expected(3, 0, 30).high, 0.0);
        assert_eq!(expected(3, 365, 0).high, 0.0);
    }

    #[test]
    fn a_pace_is_carried_forward() {
        assert_eq!(pace(45, 315, 21), 3);
        assert_eq!(pace(120, 60, 30), 60);
        assert_eq!(pace(0, 60, 30), 0);
        assert_eq!(pace(10, 0, 30), 0);
    }
}
