//! A membership fee over time, with no I/O: the fee a network was joined at, the changes that
//! took effect later, and the rule `edit network --fee` follows to place a new fee in that
//! history (by default from the next renewal, so that a period already paid keeps its fee).

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Serialize, Serializer};

use super::FeePeriod;

/// A fee: an amount in cents and how often it is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fee {
    pub cents: i64,
    pub period: FeePeriod,
}

impl Fee {
    pub fn new(cents: i64, period: FeePeriod) -> Fee {
        Fee { cents, period }
    }
}

/// One step of a network's fee: from a date on (until the next step), this fee.
///
/// The first step of a network is the fee it was joined at, from its joining date. A network
/// with no joining date (only an imported one can lack it) has its first step from
/// [`NaiveDate::MIN`], written `null` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeeStep {
    #[serde(serialize_with = "date_or_null")]
    pub from_on: NaiveDate,
    pub fee_cents: i64,
    pub fee_period: FeePeriod,
}

impl FeeStep {
    pub fn fee(&self) -> Fee {
        Fee::new(self.fee_cents, self.fee_period)
    }
}

fn date_or_null<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    if *day == NaiveDate::MIN {
        serializer.serialize_none()
    } else {
        day.serialize(serializer)
    }
}

/// The fee in force on `day`: the last step from on or before it; before the first step, the
/// first (a network not joined yet is shown the fee it will be joined at).
pub fn in_force(steps: &[FeeStep], day: NaiveDate) -> Option<FeeStep> {
    steps
        .iter()
        .take_while(|step| step.from_on <= day)
        .last()
        .or(steps.first())
        .copied()
}

/// The first renewal strictly after `after`, counted from the joining date by `period` (the
/// joining date plus a whole number of periods, never drifting at the end of a month); `None`
/// for a fee paid once.
pub fn next_renewal(joined: NaiveDate, period: FeePeriod, after: NaiveDate) -> Option<NaiveDate> {
    let step = match period {
        FeePeriod::Year => 12,
        FeePeriod::Month => 1,
        FeePeriod::Once => return None,
    };
    // Jump close to `after`, then step: a journal may span decades of monthly renewals.
    let elapsed = super::date::months_between(joined, after).max(0) as u32;
    let mut k = (elapsed / step).saturating_sub(1).max(1);
    loop {
        let renewal = joined.checked_add_months(Months::new(k.checked_mul(step)?))?;
        if renewal > after {
            return Some(renewal);
        }
        k += 1;
    }
}

/// A network's fees as the journal holds them: the fee it was joined at (the network's own
/// `fee_cents`/`fee_period`) and the changes that take effect after joining (`fee_changes`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeeHistory {
    pub joined: Option<Fee>,
    pub changes: BTreeMap<NaiveDate, Fee>,
}

impl FeeHistory {
    /// No fee at all.
    pub fn is_empty(&self) -> bool {
        self.joined.is_none() && self.changes.is_empty()
    }

    /// The steps in order: the fee joined at, from `joined_on`, then each change. A change on
    /// or before the joining date (a journal whose joining date was moved, or imported so) is
    /// the fee in force at joining: the last such one stands for the joined-at fee.
    pub fn steps(&self, joined_on: Option<NaiveDate>) -> Vec<FeeStep> {
        let start = joined_on.unwrap_or(NaiveDate::MIN);
        let step = |from_on, fee: Fee| FeeStep {
            from_on,
            fee_cents: fee.cents,
            fee_period: fee.period,
        };
        let mut first = self.joined;
        let mut steps = Vec::with_capacity(self.changes.len() + 1);
        for (from, fee) in &self.changes {
            if *from <= start {
                first = Some(*fee);
            } else {
                steps.push(step(*from, *fee));
            }
        }
        if let Some(fee) = first {
            steps.insert(0, step(start, fee));
        }
        steps
    }

    /// The history as it is best written: a change on or before joining becomes the joined-at
    /// fee, and a change to the fee already in force is no change.
    pub fn normalized(&self, joined_on: Option<NaiveDate>) -> FeeHistory {
        let start = joined_on.unwrap_or(NaiveDate::MIN);
        let mut joined = self.joined;
        let mut changes = BTreeMap::new();
        let mut last = None;
        for (from, fee) in &self.changes {
            if *from <= start {
                joined = Some(*fee);
                continue;
            }
            if last.or(joined) != Some(*fee) {
                changes.insert(*from, *fee);
                last = Some(*fee);
            }
        }
        FeeHistory { joined, changes }
    }
}

/// What `edit network --fee AMOUNT --fee-period P --from DATE` asks (each may be left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeeEdit {
    pub cents: Option<i64>,
    pub period: Option<FeePeriod>,
    pub from: Option<NaiveDate>,
}

/// Where an edited fee went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// The fee the network was joined at.
    Joined,
    /// A change from this date: the next renewal, when `renewal` (no `--from` was given).
    From { date: NaiveDate, renewal: bool },
}

/// Why a fee edit cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeEditError {
    /// A period alone, and no fee for it to apply to.
    PeriodNeedsFee(FeePeriod),
    /// `--from` after the network was left.
    AfterLeaving { from: NaiveDate, left: NaiveDate },
}

/// The membership around a fee edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub today: NaiveDate,
}

impl Membership {
    /// Where a fee edit without `--from` goes. A network with no fee yet is given the fee it
    /// was joined at. A network still paying a recurring fee changes it from its next renewal
    /// after today, so that the period already paid keeps its fee. Otherwise — a network left,
    /// a fee paid once, a network not joined yet or with no joining date — there is no renewal
    /// ahead, and the fee in force is corrected where it stands.
    pub fn default_place(&self, history: &FeeHistory) -> Placed {
        let steps = history.steps(self.joined_on);
        let left = self.left_on.is_some_and(|left| left <= self.today);
        let day = match self.left_on {
            Some(left) if left <= self.today => left,
            _ => self.today,
        };
        let Some(current) = in_force(&steps, day) else {
            return Placed::Joined;
        };
        if let Some(joined) = self.joined_on
            && joined <= self.today
            && !left
            && let Some(renewal) = next_renewal(joined, current.fee_period, self.today)
            && self.left_on.is_none_or(|left| renewal <= left)
        {
            return Placed::From {
                date: renewal,
                renewal: true,
            };
        }
        if current.from_on == steps[0].from_on {
            Placed::Joined
        } else {
            Placed::From {
                date: current.from_on,
                renewal: false,
            }
        }
    }

    /// Places `edit` in `history` (see [`Membership::default_place`] when `--from` is not
    /// given); returns the history to write, normalized, and where the fee went.
    ///
    /// A `--from` on or before the joining date sets the fee joined at; a later one adds a
    /// change from that date, or replaces the change already on it. What is not given (the
    /// amount, or the period) is that of the fee in force on that date. A network with no fee
    /// yet given a fee from a later date was free until then: it is recorded so (a fee of 0),
    /// for past periods to keep what they cost.
    pub fn apply(
        &self,
        history: &FeeHistory,
        edit: FeeEdit,
    ) -> Result<(FeeHistory, Placed), FeeEditError> {
        let place = match edit.from {
            Some(from) => {
                if let Some(left) = self.left_on
                    && from > left
                {
                    return Err(FeeEditError::AfterLeaving { from, left });
                }
                if self.joined_on.is_some_and(|joined| from <= joined) {
                    Placed::Joined
                } else {
                    Placed::From {
                        date: from,
                        renewal: false,
                    }
                }
            }
            None => self.default_place(history),
        };
        let steps = history.steps(self.joined_on);
        let mut new = history.normalized(self.joined_on);
        let base = match place {
            Placed::Joined => steps.first().map(FeeStep::fee),
            Placed::From { date, .. } => in_force(&steps, date)
                .filter(|step| step.from_on <= date)
                .map(|step| step.fee()),
        };
        let fee = match (edit.cents, base) {
            (Some(cents), base) => Fee::new(
                cents,
                edit.period
                    .or(base.map(|fee| fee.period))
                    .unwrap_or(FeePeriod::Year),
            ),
            (None, Some(base)) => Fee::new(base.cents, edit.period.unwrap_or(base.period)),
            (None, None) => {
                return Err(FeeEditError::PeriodNeedsFee(
                    edit.period.unwrap_or(FeePeriod::Year),
                ));
            }
        };
        match place {
            Placed::Joined => new.joined = Some(fee),
            Placed::From { date, .. } => {
                if new.joined.is_none() && new.changes.range(..date).next().is_none() {
                    new.joined = Some(Fee::new(0, fee.period));
                }
                new.changes.insert(date, fee);
            }
        }
        Ok((new.normalized(self.joined_on), place))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn yearly(cents: i64) -> Fee {
        Fee::new(cents, FeePeriod::Year)
    }

    fn history(joined: Option<Fee>, changes: &[(NaiveDate, Fee)]) -> FeeHistory {
        FeeHistory {
            joined,
            changes: changes.iter().copied().collect(),
        }
    }

    #[test]
    fn renewals_count_from_joining_by_the_period() {
        use FeePeriod::{Month, Once, Year};
        let cases = [
            // (joined, period, after, renewal)
            ("2024-01-13", Year, "2024-06-15", Some("2025-01-13")),
            ("2024-01-13", Year, "2025-01-12", Some("2025-01-13")),
            // The renewal day itself is paid: the next one is a period later.
            ("2024-01-13", Year, "2025-01-13", Some("2026-01-13")),
            ("2024-04-02", Month, "2024-06-15", Some("2024-07-02")),
            ("2024-04-02", Month, "2024-04-02", Some("2024-05-02")),
            // The end of a month never drifts: Jan 31, Feb 29, Mar 31.
            ("2024-01-31", Month, "2024-03-01", Some("2024-03-31")),
            ("2024-01-31", Month, "2024-02-01", Some("2024-02-29")),
            ("2024-02-29", Year, "2024-03-01", Some("2025-02-28")),
            // Decades of monthly renewals.
            ("1990-05-10", Month, "2024-06-15", Some("2024-07-10")),
            ("2024-01-13", Once, "2024-06-15", None),
            // Not joined yet: the first renewal.
            ("2024-09-01", Year, "2024-06-15", Some("2025-09-01")),
        ];
        let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        for (joined, period, after, renewal) in cases {
            assert_eq!(
                next_renewal(date(joined), period, date(after)),
                renewal.map(date),
                "{joined} {period} {after}"
            );
        }
    }

    #[test]
    fn steps_start_with_the_fee_joined_at() {
        let joined = day(2024, 1, 13);
        let fees = history(
            Some(yearly(15_000)),
            &[
                (day(2025, 1, 13), yearly(20_000)),
                (day(2026, 1, 13), yearly(25_000)),
            ],
        );
        let steps = fees.steps(Some(joined));
        let got: Vec<_> = steps.iter().map(|s| (s.from_on, s.fee_cents)).collect();
        assert_eq!(
            got,
            [
                (joined, 15_000),
                (day(2025, 1, 13), 20_000),
                (day(2026, 1, 13), 25_000)
            ]
        );
        assert_eq!(in_force(&steps, day(2024, 1, 1)).unwrap().fee_cents, 15_000);
        assert_eq!(
            in_force(&steps, day(2025, 1, 12)).unwrap().fee_cents,
            15_000
        );
        assert_eq!(
            in_force(&steps, day(2025, 1, 13)).unwrap().fee_cents,
            20_000
        );
        assert_eq!(in_force(&steps, day(2030, 1, 1)).unwrap().fee_cents, 25_000);
        assert_eq!(in_force(&[], joined), None);
        // A change on or before joining is the fee in force at joining.
        let moved = history(Some(yearly(15_000)), &[(joined, yearly(20_000))]);
        assert_eq!(
            moved.steps(Some(joined)),
            [FeeStep {
                from_on: joined,
                fee_cents: 20_000,
                fee_period: FeePeriod::Year
            }]
        );
        assert_eq!(
            moved.normalized(Some(joined)),
            history(Some(yearly(20_000)), &[])
        );
        // No joining date: from always.
        assert_eq!(
            history(Some(yearly(1)), &[]).steps(None)[0].from_on,
            NaiveDate::MIN
        );
        assert_eq!(
            serde_json::to_value(history(Some(yearly(1)), &[]).steps(None)).unwrap(),
            serde_json::json!([{"from_on": null, "fee_cents": 1, "fee_period": "year"}])
        );
    }

    #[test]
    fn the_default_date_is_the_next_renewal_of_a_fee_still_paid() {
        let fees = history(Some(yearly(15_000)), &[]);
        let member = |joined, left| Membership {
            joined_on: Some(joined),
            left_on: left,
            today: day(2024, 6, 15),
        };
        let cases = [
            // Active, yearly: the next anniversary of joining.
            (
                member(day(2024, 1, 13), None),
                &fees,
                Placed::From {
                    date: day(2025, 1, 13),
                    renewal: true,
                },
            ),
            // Left: nothing ahead, the fee in force is corrected.
            (
                member(day(2024, 1, 13), Some(day(2024, 3, 1))),
                &fees,
                Placed::Joined,
            ),
            // Joined in the future: the fee it will be joined at.
            (member(day(2024, 9, 1), None), &fees, Placed::Joined),
            // Leaving before the renewal: no renewal ahead.
            (
                member(day(2024, 1, 13), Some(day(2024, 12, 31))),
                &fees,
                Placed::Joined,
            ),
        ];
        for (membership, fees, place) in cases {
            assert_eq!(membership.default_place(fees), place, "{membership:?}");
        }
        // A fee paid once has no renewal: the change in force is corrected.
        let once = history(
            Some(Fee::new(5_000, FeePeriod::Once)),
            &[(day(2024, 3, 1), Fee::new(6_000, FeePeriod::Once))],
        );
        assert_eq!(
            member(day(2024, 1, 13), None).default_place(&once),
            Placed::From {
                date: day(2024, 3, 1),
                renewal: false
            }
        );
        // No fee yet: the fee joined at.
        assert_eq!(
            member(day(2024, 1, 13), None).default_place(&FeeHistory::default()),
            Placed::Joined
        );
        // No joining date.
        let unknown = Membership {
            joined_on: None,
            left_on: None,
            today: day(2024, 6, 15),
        };
        assert_eq!(unknown.default_place(&fees), Placed::Joined);
    }

    #[test]
    fn an_edit_places_the_fee_and_keeps_the_past() {
        let joined = day(2024, 1, 13);
        let member = Membership {
            joined_on: Some(joined),
            left_on: None,
            today: day(2024, 6, 15),
        };
        let fees = history(Some(yearly(15_000)), &[]);
        let edit = |cents, period, from| FeeEdit {
            cents,
            period,
            from,
        };
        let renewal = day(2025, 1, 13);

        // By default from the next renewal.
        let (new, place) = member.apply(&fees, edit(Some(20_000), None, None)).unwrap();
        assert_eq!(
            new,
            history(Some(yearly(15_000)), &[(renewal, yearly(20_000))])
        );
        assert_eq!(
            place,
            Placed::From {
                date: renewal,
                renewal: true
            }
        );
        // Again on the same date: replaced.
        let (again, _) = member
            .apply(&new, edit(Some(22_000), None, Some(renewal)))
            .unwrap();
        assert_eq!(
            again,
            history(Some(yearly(15_000)), &[(renewal, yearly(22_000))])
        );
        // Back to the fee before it: no change left.
        let (back, _) = member.apply(&new, edit(Some(15_000), None, None)).unwrap();
        assert_eq!(back, fees);
        // On or before joining: the fee joined at.
        for from in [joined, day(2023, 1, 1)] {
            let (set, place) = member
                .apply(&new, edit(Some(10_000), None, Some(from)))
                .unwrap();
            assert_eq!(
                set,
                history(Some(yearly(10_000)), &[(renewal, yearly(20_000))])
            );
            assert_eq!(place, Placed::Joined);
        }
        // A period alone keeps the amount in force on that date.
        let (monthly, _) = member
            .apply(
                &new,
                edit(None, Some(FeePeriod::Month), Some(day(2024, 3, 1))),
            )
            .unwrap();
        assert_eq!(
            monthly,
            history(
                Some(yearly(15_000)),
                &[
                    (day(2024, 3, 1), Fee::new(15_000, FeePeriod::Month)),
                    (renewal, yearly(20_000))
                ]
            )
        );
        // No fee yet: the fee joined at, yearly unless said.
        let none = FeeHistory::default();
        let (first, place) = member.apply(&none, edit(Some(9_000), None, None)).unwrap();
        assert_eq!(first, history(Some(yearly(9_000)), &[]));
        assert_eq!(place, Placed::Joined);
        // No fee yet, from a later date: free until then.
        let (later, _) = member
            .apply(&none, edit(Some(9_000), None, Some(day(2024, 9, 1))))
            .unwrap();
        assert_eq!(
            later,
            history(Some(yearly(0)), &[(day(2024, 9, 1), yearly(9_000))])
        );
        // A period with no fee to apply to.
        assert_eq!(
            member.apply(&none, edit(None, Some(FeePeriod::Month), None)),
            Err(FeeEditError::PeriodNeedsFee(FeePeriod::Month))
        );
        // After leaving.
        let left = Membership {
            left_on: Some(day(2024, 3, 1)),
            ..member
        };
        assert_eq!(
            left.apply(&fees, edit(Some(1), None, Some(day(2024, 3, 2)))),
            Err(FeeEditError::AfterLeaving {
                from: day(2024, 3, 2),
                left: day(2024, 3, 1)
            })
        );
        // Left: the fee in force is corrected where it stands.
        let (fixed, place) = left.apply(&fees, edit(Some(12_000), None, None)).unwrap();
        assert_eq!(fixed, history(Some(yearly(12_000)), &[]));
        assert_eq!(place, Placed::Joined);
    }
}
