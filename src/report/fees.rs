//! Membership fees over a period: pro rata for yearly and monthly fees, whole for a one-off fee
//! paid within the period, and the next renewal date.

use chrono::{Days, Months, NaiveDate};

use crate::domain::FeePeriod;

/// The days of membership within the period: from joining (or the period's start) to leaving
/// (or the day after the period's end), end excluded.
pub fn membership_days(
    joined: NaiveDate,
    left: Option<NaiveDate>,
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> i64 {
    let start = since.map_or(joined, |since| since.max(joined));
    let after_until = until.checked_add_days(Days::new(1)).unwrap_or(until);
    let end = left.map_or(after_until, |left| left.min(after_until));
    (end - start).num_days().max(0)
}

/// The share of a fee that falls within the period, in cents, rounded to the nearest cent.
/// A yearly fee counts `days / 365` of itself, a monthly fee `days × 12 / 365`, and a one-off
/// fee counts whole when the network was joined within the period.
pub fn fee_in_period(
    fee_cents: i64,
    period: FeePeriod,
    joined: NaiveDate,
    left: Option<NaiveDate>,
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> i64 {
    let days = i128::from(membership_days(joined, left, since, until));
    let fee = i128::from(fee_cents);
    let share = match period {
        FeePeriod::Year => (fee * days * 2 + 365) / (365 * 2),
        FeePeriod::Month => (fee * days * 12 * 2 + 365) / (365 * 2),
        FeePeriod::Once => {
            let joined_within = since.is_none_or(|since| joined >= since) && joined <= until;
            if joined_within { fee } else { 0 }
        }
    };
    i64::try_from(share).unwrap_or(i64::MAX)
}

/// The first renewal of a recurring fee after `today`, counted from the joining date.
pub fn next_renewal(joined: NaiveDate, period: FeePeriod, today: NaiveDate) -> Option<NaiveDate> {
    let step = match period {
        FeePeriod::Year => 12,
        FeePeriod::Month => 1,
        FeePeriod::Once => return None,
    };
    // Jump close to today, then step: a journal may span decades of monthly renewals.
    let elapsed = crate::domain::date::months_between(joined, today).max(0) as u32;
    let mut k = (elapsed / step).saturating_sub(1).max(1);
    loop {
        let renewal = joined.checked_add_months(Months::new(k * step))?;
        if renewal > today {
            return Some(renewal);
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn membership_is_clipped_to_the_period() {
        let joined = day(2024, 1, 1);
        let cases = [
            // (left, since, until, days)
            (None, None, day(2024, 12, 31), 366),
            (None, Some(day(2024, 7, 1)), day(2024, 12, 31), 184),
            (Some(day(2024, 4, 1)), None, day(2024, 12, 31), 91),
            (
                Some(day(2024, 4, 1)),
                Some(day(2024, 3, 1)),
                day(2024, 12, 31),
                31,
            ),
            (
                Some(day(2024, 4, 1)),
                Some(day(2024, 5, 1)),
                day(2024, 12, 31),
                0,
            ),
            (None, None, day(2023, 12, 31), 0),
            (Some(day(2024, 1, 1)), None, day(2024, 12, 31), 0),
        ];
        for (left, since, until, days) in cases {
            assert_eq!(
                membership_days(joined, left, since, until),
                days,
                "{left:?} {since:?}"
            );
        }
    }

    #[test]
    fn fees_are_pro_rata_over_the_period() {
        let joined = day(2023, 1, 1);
        let cases = [
            // A full year of a 600.00 yearly fee.
            (60000, FeePeriod::Year, None, None, day(2023, 12, 31), 60000),
            // Half a year in the period, crossing the join date.
            (
                60000,
                FeePeriod::Year,
                None,
                Some(day(2022, 7, 1)),
                day(2023, 7, 1),
                29918,
            ),
            // Left after 73 days: a fifth of the fee.
            (
                36500,
                FeePeriod::Year,
                Some(day(2023, 3, 15)),
                None,
                day(2023, 12, 31),
                7300,
            ),
            // A period after leaving costs nothing.
            (
                60000,
                FeePeriod::Year,
                Some(day(2023, 3, 15)),
                Some(day(2023, 6, 1)),
                day(2023, 12, 31),
                0,
            ),
            // A monthly fee of 30.00 over a year.
            (3000, FeePeriod::Month, None, None, day(2023, 12, 31), 36000),
            // A one-off fee counts whole when joined within the period, not otherwise.
            (5000, FeePeriod::Once, None, None, day(2023, 12, 31), 5000),
            (
                5000,
                FeePeriod::Once,
                None,
                Some(day(2023, 2, 1)),
                day(2023, 12, 31),
                0,
            ),
            (5000, FeePeriod::Once, None, None, day(2022, 12, 31), 0),
        ];
        for (fee, period, left, since, until, expected) in cases {
            assert_eq!(
                fee_in_period(fee, period, joined, left, since, until),
                expected,
                "{fee} {period} left {left:?} since {since:?} until {until}"
            );
        }
    }

    #[test]
    fn renewals_fall_on_anniversaries() {
        let cases = [
            (
                day(2024, 1, 10),
                FeePeriod::Year,
                day(2024, 6, 15),
                Some(day(2025, 1, 10)),
            ),
            (
                day(2020, 1, 10),
                FeePeriod::Year,
                day(2024, 6, 15),
                Some(day(2025, 1, 10)),
            ),
            (
                day(2020, 1, 10),
                FeePeriod::Year,
                day(2025, 1, 10),
                Some(day(2026, 1, 10)),
            ),
            (
                day(2024, 2, 29),
                FeePeriod::Year,
                day(2024, 6, 15),
                Some(day(2025, 2, 28)),
            ),
            (
                day(2024, 1, 31),
                FeePeriod::Month,
                day(2024, 6, 15),
                Some(day(2024, 6, 30)),
            ),
            (
                day(2010, 5, 20),
                FeePeriod::Month,
                day(2024, 6, 15),
                Some(day(2024, 6, 20)),
            ),
            (day(2024, 1, 10), FeePeriod::Once, day(2024, 6, 15), None),
        ];
        for (joined, period, today, expected) in cases {
            assert_eq!(
                next_renewal(joined, period, today),
                expected,
                "{joined} {period}"
            );
        }
    }
}
