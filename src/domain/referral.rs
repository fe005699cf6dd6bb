//! The rule that ties a referral's status to its value, shared by `log referral` and `edit
//! referral`: only business won has a value, and a value given alone means it was won.

use super::{Money, ReferralStatus};

/// What a command asks of a referral's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueChange {
    /// Nothing said: the value recorded stays (none, for a new referral).
    Keep,
    /// `--value AMOUNT`.
    Set(Money),
    /// `--clear value`.
    Clear,
}

impl ValueChange {
    /// `--value` given or not.
    pub fn from_typed(value: Option<Money>) -> ValueChange {
        value.map_or(ValueChange::Keep, ValueChange::Set)
    }
}

/// Why a status and a value cannot go together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    /// `--value` was typed with a status other than won.
    #[error("value {value} typed with status {status}")]
    TypedValue {
        value: Money,
        status: ReferralStatus,
    },
    /// The value already recorded would stay on a referral that is no longer won.
    #[error("recorded value {value} kept with status {status}")]
    RecordedValue {
        value: Money,
        status: ReferralStatus,
    },
}

/// A referral's status and value after a command, from those `recorded` (for a new referral:
/// open, no value) and those typed: the status typed, else won when a value is typed, else the
/// status recorded; the value typed, else none when cleared, else the value recorded.
pub fn outcome(
    recorded: (ReferralStatus, Option<Money>),
    status: Option<ReferralStatus>,
    value: ValueChange,
) -> Result<(ReferralStatus, Option<Money>), OutcomeError> {
    let (recorded_status, recorded_value) = recorded;
    let new_status = match (status, value) {
        (Some(status), _) => status,
        (None, ValueChange::Set(_)) => ReferralStatus::Won,
        (None, _) => recorded_status,
    };
    let new_value = match value {
        ValueChange::Set(value) => Some(value),
        ValueChange::Clear => None,
        ValueChange::Keep => recorded_value,
    };
    match (new_status, new_value, value) {
        (ReferralStatus::Won, _, _) | (_, None, _) => Ok((new_status, new_value)),
        (status, Some(value), ValueChange::Set(_)) => {
            Err(OutcomeError::TypedValue { value, status })
        }
        (status, Some(value), _) => Err(OutcomeError::RecordedValue { value, status }),
    }
}

/// The network a referral with a contact came through, when no network is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Through<N> {
    /// The contact's own network: the one they were recorded as met through.
    Own(N),
    /// The only network where meetings with them were shared.
    Shared(N),
    /// Meetings with them were shared in several networks, and none is theirs: the user says
    /// which (or that it came outside any network).
    Several(Vec<N>),
    /// Met in no network: the referral comes outside any network.
    Nowhere,
}

impl<N> Through<N> {
    /// The network taken without asking, if there is one.
    pub fn network(&self) -> Option<&N> {
        match self {
            Through::Own(network) | Through::Shared(network) => Some(network),
            Through::Several(_) | Through::Nowhere => None,
        }
    }
}

/// The rule `log referral --contact X` follows without `--network`: X's own network, else the
/// only network where meetings with X were shared (`shared`, each network once), else several
/// to choose from, else none. A referral belongs to the network it came through, and the
/// person who passed it was met there.
pub fn through<N: Clone>(own: Option<&N>, shared: &[N]) -> Through<N> {
    match (own, shared) {
        (Some(own), _) => Through::Own(own.clone()),
        (None, []) => Through::Nowhere,
        (None, [only]) => Through::Shared(only.clone()),
        (None, several) => Through::Several(several.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferralStatus::{Lost, Open, Won};

    fn money(units: i64) -> Money {
        Money::from_cents(units * 100)
    }

    #[test]
    fn a_new_referral_is_open_or_won_with_its_value() {
        let new = (Open, None);
        let cases = [
            (None, ValueChange::Keep, (Open, None)),
            (
                None,
                ValueChange::Set(money(3200)),
                (Won, Some(money(3200))),
            ),
            (Some(Lost), ValueChange::Keep, (Lost, None)),
            (Some(Won), ValueChange::Keep, (Won, None)),
            (
                Some(Won),
                ValueChange::Set(money(45)),
                (Won, Some(money(45))),
            ),
        ];
        for (status, value, expected) in cases {
            assert_eq!(
                outcome(new, status, value),
                Ok(expected),
                "{status:?} {value:?}"
            );
        }
    }

    #[test]
    fn an_edit_keeps_what_it_does_not_name() {
        let won = (Won, Some(money(3200)));
        let cases = [
            ((Open, None), Some(Won), ValueChange::Keep, (Won, None)),
            (
                (Open, None),
                None,
                ValueChange::Set(money(10)),
                (Won, Some(money(10))),
            ),
            (won, None, ValueChange::Keep, won),
            (
                won,
                None,
                ValueChange::Set(money(4000)),
                (Won, Some(money(4000))),
            ),
            (won, None, ValueChange::Clear, (Won, None)),
            (won, Some(Lost), ValueChange::Clear, (Lost, None)),
            ((Lost, None), None, ValueChange::Clear, (Lost, None)),
        ];
        for (recorded, status, value, expected) in cases {
            assert_eq!(
                outcome(recorded, status, value),
                Ok(expected),
                "{recorded:?} {status:?} {value:?}"
            );
        }
    }

    #[test]
    fn a_value_goes_only_with_won() {
        assert_eq!(
            outcome((Open, None), Some(Lost), ValueChange::Set(money(5))),
            Err(OutcomeError::TypedValue {
                value: money(5),
                status: Lost
            })
        );
        assert_eq!(
            outcome(
                (Won, Some(money(5))),
                Some(Open),
                ValueChange::Set(money(6))
            ),
            Err(OutcomeError::TypedValue {
                value: money(6),
                status: Open
            })
        );
        let error = outcome((Won, Some(money(3200))), Some(Lost), ValueChange::Keep).unwrap_err();
        assert_eq!(
            error,
            OutcomeError::RecordedValue {
                value: money(3200),
                status: Lost
            }
        );
        assert!(error.to_string().contains("3200.00"), "{error}");
        // How the user reads it: `error::tests::a_value_kept_on_a_referral_not_won_is_refused`.
    }

    #[test]
    fn a_referral_comes_through_the_network_its_contact_was_met_through() {
        let cases: [(Option<&str>, &[&str], Through<&str>); 6] = [
            // Their own network wins, wherever else they were met.
            (Some("BNI"), &[], Through::Own("BNI")),
            (Some("BNI"), &["CPME", "Alumni"], Through::Own("BNI")),
            (Some("BNI"), &["CPME"], Through::Own("BNI")),
            // Else the only network where meetings were shared.
            (None, &["CPME"], Through::Shared("CPME")),
            // Several: the user says which.
            (
                None,
                &["Alumni", "CPME"],
                Through::Several(vec!["Alumni", "CPME"]),
            ),
            // Met in no network: outside any.
            (None, &[], Through::Nowhere),
        ];
        for (own, shared, expected) in cases {
            let got = through(own.as_ref(), shared);
            assert_eq!(got, expected, "{own:?} {shared:?}");
            assert_eq!(
                got.network(),
                match &expected {
                    Through::Own(n) | Through::Shared(n) => Some(n),
                    _ => None,
                }
            );
        }
    }
}
