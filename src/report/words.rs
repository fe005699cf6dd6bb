//! Figures written in the reader's language: money, hours, counts and dates.

use chrono::NaiveDate;

use crate::domain::Money;
use crate::i18n::Lang;
use crate::messages::Msg;

/// The reader's language and the journal's currency.
#[derive(Debug, Clone)]
pub struct Words {
    pub lang: Lang,
    pub currency: String,
}

impl Words {
    /// An amount without cents when they are zero: `€3,200`, `3 200 €`.
    pub fn money(&self, cents: i64) -> String {
        Money::from_cents(cents).format_short(&self.currency, self.lang)
    }

    /// An "about" amount: `cents` rounded up to a multiple of `step` cents (`€1,650` for
    /// €1,642.10 with a step of €10), so that a target is never said lower than it is.
    pub fn money_about(&self, cents: i64, step: i64) -> String {
        let up = cents.max(0).saturating_add(step - 1);
        self.money(up - up.rem_euclid(step))
    }

    /// A fee with its period: `€120 a year`, `25 € par mois`.
    pub fn fee(&self, cents: i64, period: crate::domain::FeePeriod) -> String {
        use crate::domain::FeePeriod;
        let key = match period {
            FeePeriod::Year => Msg::FeeYear,
            FeePeriod::Month => Msg::FeeMonth,
            FeePeriod::Once => Msg::FeeOnce,
        };
        self.say(key, &[("amount", &self.money(cents))])
    }

    /// Time spent: `3 hours`, `12.5 hours`.
    pub fn hours(&self, minutes: i64) -> String {
        if minutes % 60 == 0 {
            self.count(Msg::Hours, minutes / 60)
        } else {
            self.lang
                .count_decimal(Msg::HoursDecimal, minutes as f64 / 60.0, 1)
        }
    }

    /// Hours as a bare number for a table cell: `12.5`.
    pub fn hours_number(&self, minutes: i64) -> String {
        self.lang.decimal(minutes as f64 / 60.0, 1)
    }

    /// A ratio (already rounded, see `report::ratio`) for a table cell or a reason: `2.5×`.
    pub fn ratio(&self, value: f64) -> String {
        format!("{}×", self.lang.decimal(value, 2))
    }

    pub fn count(&self, key: Msg, n: i64) -> String {
        self.lang.count(key, n, &[])
    }

    pub fn say(&self, key: Msg, args: &[(&str, &str)]) -> String {
        self.lang.say(key, args)
    }

    pub fn date(&self, day: NaiveDate) -> String {
        self.lang.date(day)
    }

    pub fn quote(&self, text: &str) -> String {
        self.lang.quote(text)
    }

    /// A span of time: `5 days`, `7 months`, `3 years`.
    pub fn span(&self, days: i64, from: NaiveDate, to: NaiveDate) -> String {
        let months = i64::from(crate::domain::date::months_between(from, to));
        if months >= 24 {
            self.count(Msg::Years, months / 12)
        } else if months >= 1 {
            self.count(Msg::Months, months)
        } else {
            self.count(Msg::Days, days)
        }
    }
}
