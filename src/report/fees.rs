//! Membership fees over a period: pro rata for yearly and monthly fees, whole for a one-off fee
//! paid within the period, and the next renewal date.

use chrono::{Days, Months, NaiveDate};

use crate::domain::FeePeriod;
pub use crate::domain::fee::FeeStep;

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

/// A network's fees over its membership: what was due when, and what each day cost.
///
/// A fee is due in full when it takes effect (at joining, for the fee joined at) and then at
/// each of its periods from that date, until the next change or the leaving date. Past periods
/// keep their fee: a change takes effect from its own date only.
#[derive(Debug, Clone, PartialEq)]
pub struct Fees {
    steps: Vec<FeeStep>,
    left: Option<NaiveDate>,
}

impl Fees {
    /// The fees of a network joined on `joined` (and left on `left`) at `initial`, changed by
    /// `changes` (in any order). A change dated on or before joining is the fee joined at.
    pub fn new(
        joined: NaiveDate,
        left: Option<NaiveDate>,
        initial: Option<(i64, FeePeriod)>,
        changes: &[FeeStep],
    ) -> Fees {
        let mut steps: Vec<FeeStep> = initial
            .map(|(fee_cents, fee_period)| FeeStep {
                from_on: joined,
                fee_cents,
                fee_period,
            })
            .into_iter()
            .chain(changes.iter().map(|step| FeeStep {
                from_on: step.from_on.max(joined),
                ..*step
            }))
            .collect();
        // The later of two steps on one day is the one in force (the change over the initial).
        steps.sort_by_key(|step| step.from_on);
        steps.dedup_by(|later, earlier| {
            let same = later.from_on == earlier.from_on;
            if same {
                *earlier = *later;
            }
            same
        });
        Fees { steps, left }
    }

    /// Whether any fee was ever set.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The fee in force on `day`.
    pub fn in_force(&self, day: NaiveDate) -> Option<FeeStep> {
        self.steps
            .iter()
            .rev()
            .find(|step| step.from_on <= day)
            .copied()
    }

    /// The step `i` in force until (the day before) this date, if it ever ends.
    fn end_of(&self, i: usize) -> Option<NaiveDate> {
        let next = self.steps.get(i + 1).map(|step| step.from_on);
        match (next, self.left) {
            (Some(next), Some(left)) => Some(next.min(left)),
            (next, left) => next.or(left),
        }
    }

    /// The dates the fee of step `i` falls due from `from` to `to`, both included, with its
    /// amount.
    fn due_in(&self, i: usize, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, i64)> {
        let step = self.steps[i];
        let end = self.end_of(i);
        let before_end = |day: NaiveDate| end.is_none_or(|end| day < end);
        let mut dues = Vec::new();
        let months = match step.fee_period {
            FeePeriod::Year => 12,
            FeePeriod::Month => 1,
            FeePeriod::Once => {
                if step.from_on >= from && step.from_on <= to && before_end(step.from_on) {
                    dues.push((step.from_on, step.fee_cents));
                }
                return dues;
            }
        };
        // Jump close to `from`, then step: a journal may span decades of monthly fees.
        let elapsed = crate::domain::date::months_between(step.from_on, from).max(0) as u32;
        let mut k = (elapsed / months).saturating_sub(1);
        while let Some(day) = step.from_on.checked_add_months(Months::new(k * months)) {
            if day > to || !before_end(day) {
                break;
            }
            if day >= from {
                dues.push((day, step.fee_cents));
            }
            k += 1;
        }
        dues
    }

    /// Every fee due from `from` to `to`, both included, in date order, with its amount.
    pub fn due(&self, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, i64)> {
        (0..self.steps.len())
            .flat_map(|i| self.due_in(i, from, to))
            .collect()
    }

    /// What was paid in fees within the period: each fee due in it, in full.
    pub fn paid(&self, since: Option<NaiveDate>, until: NaiveDate) -> i64 {
        let from = since.unwrap_or(NaiveDate::MIN);
        self.due(from, until).iter().map(|(_, cents)| cents).sum()
    }

    /// The fees' cost spread over the days of membership within the period, in cents, rounded
    /// to the nearest cent: a yearly fee costs `1 / 365` of itself a day, a monthly fee
    /// `12 / 365`; a one-off fee counts whole when it fell due within the period.
    pub fn pro_rata(&self, since: Option<NaiveDate>, until: NaiveDate) -> i64 {
        let mut total: i128 = 0;
        for (i, step) in self.steps.iter().enumerate() {
            let end = self.end_of(i);
            match step.fee_period {
                FeePeriod::Once => {
                    let within = since.is_none_or(|since| step.from_on >= since)
                        && step.from_on <= until
                        && end.is_none_or(|end| step.from_on < end);
                    if within {
                        total += i128::from(step.fee_cents);
                    }
                }
                FeePeriod::Year | FeePeriod::Month => {
                    let days = i128::from(membership_days(step.from_on, end, since, until));
                    let per_year = match step.fee_period {
                        FeePeriod::Month => 12,
                        _ => 1,
                    };
                    total += (i128::from(step.fee_cents) * days * per_year * 2 + 365) / (365 * 2);
                }
            }
        }
        i64::try_from(total).unwrap_or(i64::MAX)
    }

    /// The next fee due after `day`, with its amount: the next renewal. None once left, or
    /// when only one-off fees remain.
    pub fn next_due(&self, day: NaiveDate) -> Option<(NaiveDate, i64)> {
        if self.left.is_some() {
            return None;
        }
        let after = day.succ_opt()?;
        // A year and a month from now covers the next renewal of any step in force.
        let horizon = after.checked_add_months(Months::new(13))?;
        self.due(after, horizon)
            .into_iter()
            .min_by_key(|(day, _)| *day)
    }

    /// The last fee due on or before `day`, with its amount.
    pub fn last_due(&self, day: NaiveDate) -> Option<(NaiveDate, i64)> {
        let from = day
            .checked_sub_months(Months::new(13))
            .unwrap_or(NaiveDate::MIN);
        self.due(from, day).into_iter().max_by_key(|(day, _)| *day)
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
                Fees::new(joined, left, Some((fee, period)), &[]).pro_rata(since, until),
                expected,
                "{fee} {period} left {left:?} since {since:?} until {until}"
            );
        }
    }

    #[test]
    fn fees_are_paid_in_full_when_due() {
        let joined = day(2025, 1, 13);
        // Paid 350 at joining, left after two months: 350 paid, €56.58 of cost pro rata.
        let fees = Fees::new(
            joined,
            Some(day(2025, 3, 13)),
            Some((35000, FeePeriod::Year)),
            &[],
        );
        assert_eq!(fees.paid(None, day(2025, 12, 31)), 35000);
        assert_eq!(fees.pro_rata(None, day(2025, 12, 31)), 5658);
        // Still a member: the renewal falls due on the anniversary, not before.
        let fees = Fees::new(joined, None, Some((35000, FeePeriod::Year)), &[]);
        assert_eq!(fees.paid(None, day(2026, 1, 12)), 35000);
        assert_eq!(fees.paid(None, day(2026, 1, 13)), 70000);
        assert_eq!(fees.paid(Some(day(2025, 2, 1)), day(2026, 1, 12)), 0);
        assert_eq!(
            fees.next_due(day(2025, 6, 1)),
            Some((day(2026, 1, 13), 35000))
        );
        assert_eq!(
            fees.last_due(day(2026, 6, 1)),
            Some((day(2026, 1, 13), 35000))
        );
        // A monthly fee: due on the joining day of each month.
        let fees = Fees::new(joined, None, Some((2500, FeePeriod::Month)), &[]);
        assert_eq!(fees.paid(None, day(2025, 4, 12)), 7500);
        assert_eq!(fees.paid(None, day(2025, 4, 13)), 10000);
    }

    #[test]
    fn a_fee_change_keeps_the_past_at_its_fee() {
        let joined = day(2024, 1, 13);
        let change = FeeStep {
            from_on: day(2026, 1, 13),
            fee_cents: 20000,
            fee_period: FeePeriod::Year,
        };
        let fees = Fees::new(joined, None, Some((15000, FeePeriod::Year)), &[change]);
        // 2024 and 2025 at 150, 2026 at 200.
        assert_eq!(fees.paid(None, day(2026, 6, 1)), 15000 + 15000 + 20000);
        assert_eq!(fees.paid(None, day(2025, 6, 1)), 30000);
        assert_eq!(
            fees.pro_rata(Some(day(2025, 1, 13)), day(2026, 1, 12)),
            15000
        );
        assert_eq!(
            fees.pro_rata(Some(day(2026, 1, 13)), day(2027, 1, 12)),
            20000
        );
        assert_eq!(
            fees.in_force(day(2025, 12, 31)).map(|f| f.fee_cents),
            Some(15000)
        );
        assert_eq!(
            fees.in_force(day(2026, 1, 13)).map(|f| f.fee_cents),
            Some(20000)
        );
        assert_eq!(
            fees.next_due(day(2025, 6, 1)),
            Some((day(2026, 1, 13), 20000))
        );
        // A change on the joining day (or before) is the fee joined at.
        let earlier = FeeStep {
            from_on: day(2020, 1, 1),
            ..change
        };
        let fees = Fees::new(joined, None, Some((15000, FeePeriod::Year)), &[earlier]);
        assert_eq!(fees.paid(None, day(2024, 6, 1)), 20000);
        // A network without a fee that gets one from a date pays from that date.
        let fees = Fees::new(joined, None, None, &[change]);
        assert_eq!(fees.paid(None, day(2025, 12, 31)), 0);
        assert_eq!(fees.paid(None, day(2026, 1, 13)), 20000);
        assert!(Fees::new(joined, None, None, &[]).is_empty());
    }
}
