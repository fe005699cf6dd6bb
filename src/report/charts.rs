//! The HTML report's charts, as SVG: the membership timeline, time and money spent against value
//! won, the depth of relationships, referrals received → won, and where the business came from.
//!
//! Every chart has one row per network (and one for what happened outside any network where it
//! counts), so that its height grows with the number of networks and 1 or 50 read alike; long
//! names are cut with an ellipsis (the full name is in the row's tooltip). Each bar is a colour
//! of its own lightness with a pattern, and each timeline mark a shape of its own, so that a
//! greyscale print tells them apart. Rows carry `data-` attributes with the figures they draw,
//! which the tests compare with the JSON report.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate};

use super::svg::{Fill, Pattern, Svg, esc, n, paint, text_width, truncate};
use super::words::Words;
use super::{Marks, Report};
use crate::db::report::{ConcernDay, MeetingDay};
use crate::domain::Kind;
use crate::messages::Msg;

/// The charts' width in SVG units; the page scales them to its own.
const WIDTH: f64 = 960.0;
const FONT: f64 = 12.0;
const SMALL: f64 = 11.0;
const INK: &str = "#1b1b1b";
const GRID: &str = "#c8c8c8";
const BAND: &str = "#f2f2f2";

/// Kinds by colour and pattern: lightness from 22 % to 81 %, and no two alike in pattern where
/// their lightness is close.
pub fn kind_fill(kind: Kind) -> Fill {
    match kind {
        Kind::GenderBased => Fill::patterned("#b5179e", Pattern::Diagonal, "#f7d1ee", "#ffffff"),
        Kind::CoOptation => Fill::patterned("#f4a261", Pattern::Dots, "#5a2d00", INK),
        Kind::Political => Fill::patterned("#6a4c93", Pattern::Cross, "#e4dcf0", "#ffffff"),
        Kind::Professional => Fill::solid("#2a9d8f", INK),
        Kind::Alumni => Fill::patterned("#a7c957", Pattern::Horizontal, "#2d3b00", INK),
        Kind::Online => Fill::solid("#1d3557", "#ffffff"),
        Kind::Local => Fill::patterned("#e9c46a", Pattern::Vertical, "#5c4500", INK),
        Kind::Other => Fill::patterned("#8d99ae", Pattern::BackDiagonal, INK, INK),
    }
}

const SPENT: Fill = Fill::patterned("#f4a261", Pattern::Diagonal, "#7a3b00", INK);
const WON: Fill = Fill::solid("#1b4332", "#ffffff");
const HOURS: Fill = Fill::solid("#a8c5e6", INK);
const MET_ONCE: Fill = Fill::patterned("#dbe9f6", Pattern::Dots, "#08519c", INK);
const MET_TWICE: Fill = Fill::solid("#6baed6", INK);
const MET_MORE: Fill = Fill::solid("#08519c", "#ffffff");
const REF_OPEN: Fill = Fill::patterned("#b7e4c7", Pattern::Diagonal, "#1b4332", INK);
const REF_LOST: Fill = Fill::solid("#8d8d8d", INK);
const NETWORKS: Fill = Fill::patterned("#2a9d8f", Pattern::Diagonal, "#d8f3ef", INK);
const ONE_TO_ONE: Fill = Fill::solid("#1d3557", "#ffffff");

/// A row of a chart: a network, or what happened outside any network.
struct Row {
    label: String,
    outside: bool,
    /// `data-` attributes naming the row: `data-network="…"` or `data-outside="true"`.
    data: String,
}

impl Row {
    fn network(name: &str) -> Row {
        Row {
            label: name.to_string(),
            outside: false,
            data: format!("data-network=\"{}\"", esc(name)),
        }
    }

    fn outside(words: &Words) -> Row {
        Row {
            label: words.say(Msg::OneToOneRow, &[]),
            outside: true,
            data: "data-outside=\"true\"".to_string(),
        }
    }
}

/// The width of the labels' column, for these rows.
fn label_column<'a>(rows: impl Iterator<Item = &'a Row>) -> f64 {
    let widest = rows.map(|r| text_width(&r.label, FONT)).fold(0.0, f64::max);
    (widest + 16.0).clamp(110.0, 250.0)
}

/// Writes a row's label, right-aligned against the plot, cut to fit, with the full label as
/// its tooltip.
fn row_label(svg: &mut Svg, row: &Row, column: f64, y: f64) {
    let max = ((column - 14.0) / (FONT * 0.6)).floor() as usize;
    let shown = truncate(&row.label, max);
    let style = if row.outside {
        "font-style=\"italic\""
    } else {
        ""
    };
    svg.raw(&format!("<g><title>{}</title>\n", esc(&row.label)));
    svg.text(column - 8.0, y, "end", style, &shown);
    svg.raw("</g>\n");
}

/// A round upper bound for an axis from 0 to `max`, and its step: 1, 2, 2.5 or 5 × 10ⁿ, at most
/// `steps` steps. `min_step` keeps integers whole (1 for counts, 100 cents for money).
fn scale(max: f64, min_step: f64, steps: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (min_step, min_step);
    }
    let raw = max / steps;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
        .max(min_step);
    let step = if min_step >= 1.0 {
        (step / min_step).ceil() * min_step
    } else {
        step
    };
    ((max / step).ceil() * step, step)
}

/// Legend entries laid out in lines that fit the chart's width, below `top`: returns the markup
/// and the height it takes.
fn legend(entries: &[(String, String)], left: f64, top: f64) -> (String, f64) {
    let mut out = String::new();
    let (mut x, mut y) = (left, top + 10.0);
    let mut lines = 1.0;
    for (swatch, label) in entries {
        let width = 22.0 + text_width(label, SMALL) + 18.0;
        if x + width > WIDTH - 8.0 && x > left {
            x = left;
            y += 20.0;
            lines += 1.0;
        }
        let _ = writeln!(
            out,
            "<g class=\"legend-entry\" transform=\"translate({},{})\">{swatch}\
             <text x=\"22\" y=\"4\" font-size=\"{}\">{}</text></g>",
            n(x),
            n(y),
            n(SMALL),
            esc(label)
        );
        x += width;
    }
    (out, lines * 20.0 + 4.0)
}

/// A legend swatch: a small bar in `paint`.
fn swatch(paint: &str) -> String {
    format!(
        "<rect x=\"0\" y=\"-6\" width=\"16\" height=\"11\" fill=\"{paint}\" stroke=\"{INK}\" stroke-width=\"0.6\"/>"
    )
}

fn in_person_mark(x: f64, y: f64) -> String {
    format!(
        "cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{INK}\" stroke=\"#ffffff\" stroke-width=\"1.5\"",
        n(x),
        n(y)
    )
}

fn remote_mark(x: f64, y: f64) -> String {
    let s = 5.5;
    format!(
        "d=\"M{},{} l{s},{s} l-{s},{s} l-{s},-{s} Z\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.6\"",
        n(x),
        n(y - s)
    )
}

fn concern_mark(x: f64, y: f64) -> String {
    let s = 5.0;
    let d = format!(
        "M{},{} l{},{} M{},{} l{},-{}",
        n(x - s),
        n(y - s),
        n(2.0 * s),
        n(2.0 * s),
        n(x - s),
        n(y + s),
        n(2.0 * s),
        n(2.0 * s)
    );
    format!(
        "<path d=\"{d}\" stroke=\"#ffffff\" stroke-width=\"5\" stroke-linecap=\"round\"/>\
         <path d=\"{d}\" stroke=\"#c1121f\" stroke-width=\"2.4\" stroke-linecap=\"round\"/>"
    )
}

/// A tooltip for `count` marks of `what` on `date`.
fn mark_tip(words: &Words, date: NaiveDate, count: i64, what: &str) -> String {
    let what = if count > 1 {
        format!("{count} × {what}")
    } else {
        what.to_string()
    };
    words.say(
        Msg::MarkTip,
        &[("date", &words.date(date)), ("what", &what)],
    )
}

/// The axis of the timeline: where its ticks fall and what they say.
struct TimeAxis {
    start: NaiveDate,
    /// Days from `start` to the day after the period's end.
    days: f64,
    left: f64,
    width: f64,
}

impl TimeAxis {
    fn x(&self, day: NaiveDate) -> f64 {
        let offset = (day - self.start).num_days() as f64;
        self.left + offset.clamp(0.0, self.days) / self.days * self.width
    }

    /// The middle of a day.
    fn mid(&self, day: NaiveDate) -> f64 {
        self.x(day) + 0.5 * self.width / self.days
    }

    /// Ticks: every year over a span of more than two years (labelled every 1, 2, 5 or 10
    /// years, as room allows), else every month (labelled every 1, 2, 3 or 6 months). Each tick:
    /// its day, its label if labelled, and whether it starts a year.
    fn ticks(&self, words: &Words) -> Vec<(NaiveDate, Option<String>, bool)> {
        let end = self.start + Days::new(self.days as u64);
        let mut ticks = Vec::new();
        if self.days > 731.0 {
            let years = (end.year() - self.start.year()).max(1) as f64;
            let every = [1, 2, 5, 10, 20, 50]
                .into_iter()
                .find(|k| years / f64::from(*k) * 44.0 <= self.width)
                .unwrap_or(100);
            for year in self.start.year()..=end.year() {
                let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                    continue;
                };
                if day < self.start || day >= end {
                    continue;
                }
                let label = (year % every == 0).then(|| year.to_string());
                ticks.push((day, label, true));
            }
        } else {
            let months = self.days / 30.4;
            let every = [1, 2, 3, 6, 12]
                .into_iter()
                .find(|k| months / f64::from(*k) * 78.0 <= self.width)
                .unwrap_or(12);
            let mut day = NaiveDate::from_ymd_opt(self.start.year(), self.start.month(), 1)
                .unwrap_or(self.start);
            let mut first = true;
            while day < end {
                if day >= self.start {
                    let labelled = day.month0().is_multiple_of(every);
                    let label = labelled.then(|| {
                        let with_year = first || day.month() == 1;
                        first = false;
                        words.lang.month(day, with_year)
                    });
                    ticks.push((day, label, day.month() == 1));
                }
                day = day
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(end);
            }
        }
        ticks
    }
}

/// The membership timeline: a bar per network from joining to leaving (or the period's end),
/// coloured by kind, a circle per day of meetings in person, a diamond per day of remote
/// meetings, a cross per concern; a row for the meetings outside any network when there are
/// some. `None` when there is nothing to draw.
pub fn timeline(report: &Report, marks: &Marks, words: &Words) -> Option<String> {
    let until = report.period.until;
    let ids: Vec<i64> = report.networks.iter().map(|n| n.id).collect();
    let mut rows: Vec<Row> = report
        .networks
        .iter()
        .map(|n| Row::network(&n.name))
        .collect();
    let outside = marks.meetings.iter().any(|m| m.network_id.is_none())
        || marks.concerns.iter().any(|c| c.network_id.is_none());
    if outside {
        rows.push(Row::outside(words));
    }
    if rows.is_empty() {
        return None;
    }
    let row_of = |network: Option<i64>| match network {
        Some(id) => ids.iter().position(|i| *i == id),
        None => outside.then_some(ids.len()),
    };

    // From the period's start, or the first thing to show, to the period's end.
    let start = match report.period.since {
        Some(since) => since,
        None => {
            let first = report
                .networks
                .iter()
                .filter_map(|n| n.joined_on)
                .chain(marks.meetings.iter().map(|m| m.date))
                .chain(marks.concerns.iter().map(|c| c.date))
                .filter(|d| *d <= until)
                .min()
                .unwrap_or(until);
            // A round start: the first of the month, or of the year over a long span.
            if (until - first).num_days() > 731 {
                NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first)
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first)
            }
        }
    };
    let start = start.min(until - Days::new(30));
    let column = label_column(rows.iter());
    let axis = TimeAxis {
        start,
        days: ((until - start).num_days() + 1) as f64,
        left: column,
        width: WIDTH - column - 16.0,
    };

    let top = 28.0;
    let row_height = 28.0;
    let plot_bottom = top + rows.len() as f64 * row_height;

    let mut kinds: Vec<Kind> = report.networks.iter().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    let fills: Vec<(String, Fill)> = kinds
        .iter()
        .map(|k| (k.as_str().to_string(), kind_fill(*k)))
        .collect();
    let fill_refs: Vec<(&str, Fill)> = fills.iter().map(|(s, f)| (s.as_str(), *f)).collect();

    let in_person = words.say(Msg::LegendInPerson, &[]);
    let remote = words.say(Msg::LegendRemote, &[]);
    let concern = words.say(Msg::LegendConcern, &[]);

    // The legend is laid out first: its height decides the document's.
    let mut entries: Vec<(String, String)> = kinds
        .iter()
        .map(|k| {
            let paint = paint("timeline", k.as_str(), kind_fill(*k));
            (swatch(&paint), k.label(words.lang).to_string())
        })
        .collect();
    entries.push((
        format!("<circle {}/>", in_person_mark(8.0, 0.0)),
        in_person.clone(),
    ));
    entries.push((format!("<path {}/>", remote_mark(8.0, 0.0)), remote.clone()));
    entries.push((concern_mark(8.0, 0.0), concern.clone()));
    let (legend_markup, legend_height) = legend(&entries, 8.0, plot_bottom + 8.0);
    let height = plot_bottom + 8.0 + legend_height + 6.0;

    let title = words.say(Msg::SectionTimeline, &[]);
    let desc = words.say(Msg::TimelineDesc, &[("until", &words.date(until))]);
    let mut svg = Svg::new("timeline", WIDTH, height, &title, &desc);
    svg.fills(&fill_refs);

    // Bands, then the time grid over them, then the bars and marks.
    for i in (0..rows.len()).step_by(2) {
        svg.rect(
            0.0,
            top + i as f64 * row_height,
            WIDTH,
            row_height,
            BAND,
            "",
        );
    }
    for (day, label, major) in axis.ticks(words) {
        let x = axis.x(day);
        let (stroke, dash) = if major {
            ("#9a9a9a", "")
        } else {
            (GRID, "stroke-dasharray=\"2 3\"")
        };
        svg.line(x, top - 4.0, x, plot_bottom, stroke, dash);
        if let Some(label) = label {
            svg.text(x + 3.0, top - 10.0, "start", "font-size=\"11\"", &label);
        }
    }
    // The period's end: today, or the --until date.
    let end_x = axis.x(until + Days::new(1));
    svg.line(
        end_x,
        top - 4.0,
        end_x,
        plot_bottom,
        INK,
        "stroke-dasharray=\"4 3\"",
    );

    let mut meetings: BTreeMap<usize, Vec<&MeetingDay>> = BTreeMap::new();
    for m in &marks.meetings {
        if let Some(row) = row_of(m.network_id) {
            meetings.entry(row).or_default().push(m);
        }
    }
    let mut concerns: BTreeMap<usize, Vec<&ConcernDay>> = BTreeMap::new();
    for c in &marks.concerns {
        if let Some(row) = row_of(c.network_id) {
            concerns.entry(row).or_default().push(c);
        }
    }

    for (i, row) in rows.iter().enumerate() {
        let y = top + i as f64 * row_height;
        let mid = y + row_height / 2.0;
        svg.raw(&format!("<g class=\"row\" {}>\n", row.data));
        row_label(&mut svg, row, column, mid + 4.0);
        if let Some(network) = report.networks.get(i) {
            let joined = network.joined_on.unwrap_or(start).max(start);
            let left = network
                .left_on
                .filter(|l| *l <= until)
                .unwrap_or(until + Days::new(1));
            let (x1, x2) = (axis.x(joined), axis.x(left));
            let tip = words.say(
                Msg::SpanTip,
                &[
                    ("name", &network.name),
                    ("from", &words.date(network.joined_on.unwrap_or(start))),
                    ("to", &words.date(network.left_on.unwrap_or(until))),
                ],
            );
            let fill = kind_fill(network.kind);
            let paint = svg.paint(network.kind.as_str(), fill);
            svg.raw(&format!(
                "<rect class=\"membership\" data-kind=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" rx=\"2\" fill=\"{paint}\" stroke=\"{INK}\" stroke-width=\"0.6\"><title>{}</title></rect>\n",
                network.kind.as_str(),
                n(x1),
                n(mid - 8.0),
                n((x2 - x1).max(2.0)),
                esc(&tip)
            ));
        } else {
            // Outside any network: a thin line to carry the marks.
            svg.line(column, mid, axis.left + axis.width, mid, "#9a9a9a", "");
        }
        // Marks that fall on the same pixel are drawn once, with their count.
        let mut drawn: BTreeMap<(i64, bool), (NaiveDate, i64)> = BTreeMap::new();
        for m in meetings.get(&i).into_iter().flatten() {
            let key = (axis.mid(m.date).round() as i64, m.in_person);
            let entry = drawn.entry(key).or_insert((m.date, 0));
            entry.1 += m.count;
        }
        for ((_, person), (date, count)) in &drawn {
            let x = axis.mid(*date);
            let (what, class) = if *person {
                (&in_person, "in-person")
            } else {
                (&remote, "remote")
            };
            let tip = esc(&mark_tip(words, *date, *count, what));
            if *person {
                svg.raw(&format!(
                    "<circle class=\"meeting {class}\" data-count=\"{count}\" {}><title>{tip}</title></circle>\n",
                    in_person_mark(x, mid)
                ));
            } else {
                svg.raw(&format!(
                    "<path class=\"meeting {class}\" data-count=\"{count}\" {}><title>{tip}</title></path>\n",
                    remote_mark(x, mid)
                ));
            }
        }
        for c in concerns.get(&i).into_iter().flatten() {
            let tip = esc(&mark_tip(words, c.date, 1, &words.quote(&c.text)));
            svg.raw(&format!(
                "<g class=\"concern\">{}<title>{tip}</title></g>\n",
                concern_mark(axis.mid(c.date), mid)
            ));
        }
        svg.raw("</g>\n");
    }
    svg.raw(&legend_markup);
    Some(svg.finish())
}

/// One horizontal bar of a bar chart, with its value written after it.
struct Bar<'a> {
    name: &'a str,
    fill: Fill,
    value: f64,
    label: String,
}

/// Time and money: per network, a bar of money spent and one of value won on a shared money
/// axis, and a bar of hours on its own axis beside them.
pub fn spent_won(report: &Report, words: &Words) -> Option<String> {
    if report.networks.is_empty() {
        return None;
    }
    let rows: Vec<Row> = report
        .networks
        .iter()
        .map(|n| Row::network(&n.name))
        .collect();
    let column = label_column(rows.iter());
    let gap = 28.0;
    let plot = WIDTH - column - 12.0;
    let money_width = (plot - gap) * 0.68;
    let hours_left = column + money_width + gap;
    let hours_width = WIDTH - 12.0 - hours_left;

    let money_labels: Vec<(String, String)> = report
        .networks
        .iter()
        .map(|n| {
            (
                words.money(n.spent_cents),
                words.money(n.referrals.won_value_cents),
            )
        })
        .collect();
    let hour_labels: Vec<String> = report
        .networks
        .iter()
        .map(|n| format!("{} h", words.hours_number(n.minutes)))
        .collect();
    let widest_money = money_labels
        .iter()
        .flat_map(|(a, b)| [a, b])
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max);
    let widest_hours = hour_labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max);
    let max_money = report
        .networks
        .iter()
        .map(|n| n.spent_cents.max(n.referrals.won_value_cents))
        .max()
        .unwrap_or(0) as f64;
    let max_minutes = report.networks.iter().map(|n| n.minutes).max().unwrap_or(0) as f64;
    let (money_top, money_step) = scale(max_money, 100.0, 5.0);
    // The hours' panel is narrow: fewer ticks.
    let (hours_top, hours_step) = scale(max_minutes / 60.0, 0.5, 3.0);
    let money_bars = money_width - widest_money - 8.0;
    let hours_bars = hours_width - widest_hours - 8.0;

    let top = 44.0;
    let row_height = 36.0;
    let plot_bottom = top + rows.len() as f64 * row_height;
    let entries = vec![
        (
            swatch("url(#spent-won-spent)"),
            words.say(Msg::LegendSpent, &[]),
        ),
        (swatch(WON.colour), words.say(Msg::LegendWon, &[])),
        (swatch(HOURS.colour), words.say(Msg::LegendHours, &[])),
    ];
    let (legend_markup, legend_height) = legend(&entries, 8.0, plot_bottom + 8.0);
    let height = plot_bottom + 8.0 + legend_height + 6.0;

    let mut svg = Svg::new(
        "spent-won",
        WIDTH,
        height,
        &words.say(Msg::SectionSpentWon, &[]),
        &words.say(Msg::SpentWonDesc, &[]),
    );
    svg.fills(&[("spent", SPENT)]);
    for i in (0..rows.len()).step_by(2) {
        svg.rect(
            0.0,
            top + i as f64 * row_height,
            WIDTH,
            row_height,
            BAND,
            "",
        );
    }
    svg.text(
        column,
        14.0,
        "start",
        "font-weight=\"bold\"",
        &words.say(Msg::ChartMoney, &[]),
    );
    svg.text(
        hours_left,
        14.0,
        "start",
        "font-weight=\"bold\"",
        &words.say(Msg::ColHours, &[]),
    );
    let mut tick = 0.0;
    while tick <= money_top + 0.5 {
        let x = column + tick / money_top * money_bars;
        svg.line(x, top - 4.0, x, plot_bottom, GRID, "");
        svg.text(
            x,
            top - 8.0,
            "middle",
            "font-size=\"10\"",
            &words.money(tick as i64),
        );
        tick += money_step;
    }
    let mut tick = 0.0;
    while tick <= hours_top + 1e-9 {
        let x = hours_left + tick / hours_top * hours_bars;
        svg.line(x, top - 4.0, x, plot_bottom, GRID, "");
        svg.text(
            x,
            top - 8.0,
            "middle",
            "font-size=\"10\"",
            &words.lang.decimal(tick, 1),
        );
        tick += hours_step;
    }

    let spent_paint = paint("spent-won", "spent", SPENT);
    for (i, (row, network)) in rows.iter().zip(&report.networks).enumerate() {
        let y = top + i as f64 * row_height;
        svg.raw(&format!(
            "<g class=\"row\" {} data-spent-cents=\"{}\" data-won-cents=\"{}\" data-minutes=\"{}\">\n",
            row.data, network.spent_cents, network.referrals.won_value_cents, network.minutes
        ));
        row_label(&mut svg, row, column, y + row_height / 2.0 + 4.0);
        let (spent_label, won_label) = &money_labels[i];
        let bars = [
            Bar {
                name: "spent",
                fill: SPENT,
                value: network.spent_cents as f64,
                label: spent_label.clone(),
            },
            Bar {
                name: "won",
                fill: WON,
                value: network.referrals.won_value_cents as f64,
                label: won_label.clone(),
            },
        ];
        for (j, bar) in bars.iter().enumerate() {
            let by = y + 5.0 + j as f64 * 13.0;
            let w = bar.value / money_top * money_bars;
            let paint = if bar.name == "spent" {
                spent_paint.clone()
            } else {
                bar.fill.colour.to_string()
            };
            svg.rect(
                column,
                by,
                w,
                12.0,
                &paint,
                &format!(
                    "class=\"{}\" stroke=\"{INK}\" stroke-width=\"0.5\"",
                    bar.name
                ),
            );
            svg.text(
                column + w + 4.0,
                by + 10.0,
                "start",
                &format!("class=\"value {}\" font-size=\"{}\"", bar.name, n(SMALL)),
                &bar.label,
            );
        }
        let w = network.minutes as f64 / 60.0 / hours_top * hours_bars;
        svg.rect(
            hours_left,
            y + 11.0,
            w,
            14.0,
            HOURS.colour,
            &format!("class=\"hours\" stroke=\"{INK}\" stroke-width=\"0.5\""),
        );
        svg.text(
            hours_left + w + 4.0,
            y + 22.0,
            "start",
            &format!("class=\"value hours\" font-size=\"{}\"", n(SMALL)),
            &hour_labels[i],
        );
        svg.raw("</g>\n");
    }
    svg.raw(&legend_markup);
    Some(svg.finish())
}

/// A stacked bar chart of counts: each row's segments side by side, a number inside each
/// segment wide enough to hold it, and a label after the bar.
struct Stacked<'a> {
    id: &'a str,
    title: String,
    desc: String,
    /// Each segment's name (its class and fill id), fill and legend.
    segments: Vec<(&'a str, Fill, String)>,
    /// Each row: what it is, its `data-` attributes, its segments' counts and its end label.
    rows: Vec<(Row, String, Vec<i64>, String)>,
}

fn stacked(chart: Stacked) -> String {
    let column = label_column(chart.rows.iter().map(|r| &r.0));
    let widest = chart
        .rows
        .iter()
        .map(|r| text_width(&r.3, SMALL))
        .fold(0.0, f64::max);
    let max: i64 = chart
        .rows
        .iter()
        .map(|r| r.2.iter().sum::<i64>())
        .max()
        .unwrap_or(0);
    let (axis_top, step) = scale(max as f64, 1.0, 5.0);
    let bars = WIDTH - 12.0 - column - widest - 8.0;
    let top = 26.0;
    let row_height = 28.0;
    let plot_bottom = top + chart.rows.len() as f64 * row_height;

    let fills: Vec<(&str, Fill)> = chart.segments.iter().map(|s| (s.0, s.1)).collect();
    let entries: Vec<(String, String)> = chart
        .segments
        .iter()
        .map(|(name, fill, label)| (swatch(&paint(chart.id, name, *fill)), label.clone()))
        .collect();
    let (legend_markup, legend_height) = legend(&entries, 8.0, plot_bottom + 8.0);
    let height = plot_bottom + 8.0 + legend_height + 6.0;
    let mut svg = Svg::new(chart.id, WIDTH, height, &chart.title, &chart.desc);
    svg.fills(&fills);
    for i in (0..chart.rows.len()).step_by(2) {
        svg.rect(
            0.0,
            top + i as f64 * row_height,
            WIDTH,
            row_height,
            BAND,
            "",
        );
    }
    let mut tick = 0.0;
    while tick <= axis_top + 0.5 {
        let x = column + tick / axis_top * bars;
        svg.line(x, top - 4.0, x, plot_bottom, GRID, "");
        svg.text(
            x,
            top - 8.0,
            "middle",
            "font-size=\"10\"",
            &(tick as i64).to_string(),
        );
        tick += step;
    }
    for (i, (row, data, counts, end_label)) in chart.rows.iter().enumerate() {
        let y = top + i as f64 * row_height;
        svg.raw(&format!("<g class=\"row\" {} {data}>\n", row.data));
        row_label(&mut svg, row, column, y + row_height / 2.0 + 4.0);
        let mut x = column;
        for ((name, fill, _), count) in chart.segments.iter().zip(counts) {
            if *count == 0 {
                continue;
            }
            let w = *count as f64 / axis_top * bars;
            let paint = svg.paint(name, *fill);
            svg.rect(
                x,
                y + 6.0,
                w,
                16.0,
                &paint,
                &format!("class=\"{name}\" stroke=\"{INK}\" stroke-width=\"0.6\""),
            );
            let number = count.to_string();
            if w >= text_width(&number, SMALL) + 6.0 {
                // On a patterned fill, the number sits on a plain patch of the fill's colour.
                if fill.pattern != Pattern::Solid {
                    let pw = text_width(&number, SMALL) + 4.0;
                    svg.rect(
                        x + w / 2.0 - pw / 2.0,
                        y + 8.0,
                        pw,
                        12.0,
                        fill.colour,
                        "rx=\"2\"",
                    );
                }
                svg.text(
                    x + w / 2.0,
                    y + 18.0,
                    "middle",
                    &format!("font-size=\"{}\" fill=\"{}\"", n(SMALL), fill.text),
                    &number,
                );
            }
            x += w;
        }
        svg.text(
            x + 5.0,
            y + 18.0,
            "start",
            &format!("class=\"value\" font-size=\"{}\"", n(SMALL)),
            end_label,
        );
        svg.raw("</g>\n");
    }
    svg.raw(&legend_markup);
    svg.finish()
}

/// A stacked chart's rows: each network's `figures`, then `outside`'s for what happened
/// outside any network when `shown`; none without a network.
fn per_network<T>(
    report: &Report,
    words: &Words,
    figures: impl Fn(&super::NetworkReport) -> T,
    shown: bool,
    outside: T,
) -> Option<Vec<(Row, T)>> {
    if report.networks.is_empty() {
        return None;
    }
    let mut rows: Vec<(Row, T)> = report
        .networks
        .iter()
        .map(|n| (Row::network(&n.name), figures(n)))
        .collect();
    if shown {
        rows.push((Row::outside(words), outside));
    }
    Some(rows)
}

/// The depth of relationships, stacked: met once, twice, three times or more — per network,
/// and outside any network when contacts were met there.
pub fn depth(report: &Report, words: &Words) -> Option<String> {
    let outside = report.one_to_one.contacts;
    let rows = per_network(report, words, |n| n.contacts, outside.total > 0, outside)?;
    Some(stacked(Stacked {
        id: "depth",
        title: words.say(Msg::SectionDepth, &[]),
        desc: words.say(Msg::DepthDesc, &[]),
        segments: vec![
            ("once", MET_ONCE, words.say(Msg::LegendMetOnce, &[])),
            ("twice", MET_TWICE, words.say(Msg::LegendMetTwice, &[])),
            ("more", MET_MORE, words.say(Msg::LegendMetMore, &[])),
        ],
        rows: rows
            .into_iter()
            .map(|(row, c)| {
                (
                    row,
                    format!(
                        "data-total=\"{}\" data-met-once=\"{}\" data-met-twice=\"{}\" data-met-three-plus=\"{}\"",
                        c.total, c.met_once, c.met_twice, c.met_three_plus
                    ),
                    vec![c.met_once, c.met_twice, c.met_three_plus],
                    c.total.to_string(),
                )
            })
            .collect(),
    }))
}

/// Referrals received → won: per network, and for one-to-one relationships outside networks
/// when some came from there; each bar is the referrals received, split into won, open and
/// lost, and says `received → won` and the value won.
pub fn referrals(report: &Report, words: &Words) -> Option<String> {
    let outside = report.one_to_one.referrals;
    let rows = per_network(
        report,
        words,
        |n| n.referrals,
        outside.received > 0,
        outside,
    )?;
    Some(stacked(Stacked {
        id: "referrals",
        title: words.say(Msg::SectionReferralsWon, &[]),
        desc: words.say(Msg::ReferralsDesc, &[]),
        segments: vec![
            ("won", WON, words.say(Msg::LegendRefWon, &[])),
            ("open", REF_OPEN, words.say(Msg::LegendRefOpen, &[])),
            ("lost", REF_LOST, words.say(Msg::LegendRefLost, &[])),
        ],
        rows: rows
            .into_iter()
            .map(|(row, r)| {
                let mut label = format!("{} → {}", r.received, r.won);
                if r.won_value_cents > 0 {
                    let _ = write!(label, " · {}", words.money(r.won_value_cents));
                }
                (
                    row,
                    format!(
                        "data-received=\"{}\" data-won=\"{}\" data-won-cents=\"{}\"",
                        r.received, r.won, r.won_value_cents
                    ),
                    vec![r.won, r.open, r.lost],
                    label,
                )
            })
            .collect(),
    }))
}

/// Where the business came from: one bar split between networks and one-to-one relationships
/// outside any network. `None` when nothing was won.
pub fn won_split(report: &Report, words: &Words, sentence: &str) -> Option<String> {
    let won = &report.won_business;
    if won.total_cents <= 0 {
        return None;
    }
    let networks_label = format!(
        "{} — {} ({})",
        words.say(Msg::ColNetworks, &[]),
        words.money(won.through_networks_cents),
        words
            .lang
            .percent(won.through_networks_cents as f64 / won.total_cents as f64)
    );
    let outside_label = format!(
        "{} — {} ({})",
        words.say(Msg::OneToOneRow, &[]),
        words.money(won.one_to_one_cents),
        words
            .lang
            .percent(won.one_to_one_cents as f64 / won.total_cents as f64)
    );
    let entries = vec![
        (
            swatch(&paint("won-split", "networks", NETWORKS)),
            networks_label,
        ),
        (swatch(ONE_TO_ONE.colour), outside_label),
    ];
    let (legend_markup, legend_height) = legend(&entries, 8.0, 40.0);
    let height = 40.0 + legend_height + 4.0;
    let mut svg = Svg::new(
        "won-split",
        WIDTH,
        height,
        &words.say(Msg::SectionWon, &[]),
        sentence,
    );
    svg.fills(&[("networks", NETWORKS)]);
    let bar = WIDTH - 16.0;
    let through = won.through_networks_cents as f64 / won.total_cents as f64 * bar;
    let paint = svg.paint("networks", NETWORKS);
    svg.rect(
        8.0,
        8.0,
        through,
        28.0,
        &paint,
        &format!(
            "class=\"networks\" data-cents=\"{}\" stroke=\"{INK}\" stroke-width=\"0.6\"",
            won.through_networks_cents
        ),
    );
    svg.rect(
        8.0 + through,
        8.0,
        bar - through,
        28.0,
        ONE_TO_ONE.colour,
        &format!(
            "class=\"one-to-one\" data-cents=\"{}\" stroke=\"{INK}\" stroke-width=\"0.6\"",
            won.one_to_one_cents
        ),
    );
    svg.raw(&legend_markup);
    Some(svg.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_round_up_to_a_few_steps() {
        assert_eq!(scale(0.0, 1.0, 5.0), (1.0, 1.0));
        assert_eq!(scale(4.0, 1.0, 5.0), (4.0, 1.0));
        assert_eq!(scale(7.0, 1.0, 5.0), (8.0, 2.0));
        assert_eq!(scale(23_797.0, 100.0, 5.0), (25_000.0, 5_000.0));
        assert_eq!(scale(240_000.0, 100.0, 5.0), (250_000.0, 50_000.0));
        assert_eq!(scale(11.7, 0.5, 5.0), (12.5, 2.5));
        assert_eq!(scale(11.7, 0.5, 3.0), (15.0, 5.0));
        assert_eq!(scale(0.75, 0.5, 3.0), (1.0, 0.5));
    }

    #[test]
    fn kinds_differ_in_lightness_or_pattern() {
        // Lightness from the colour's relative luminance, in steps of 10 %: two kinds in the
        // same step must not share a pattern.
        fn step(hex: &str) -> u32 {
            let c = |i: usize| u32::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            let l = 0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5);
            (l * 10.0) as u32
        }
        for a in Kind::ALL {
            for b in Kind::ALL {
                let (fa, fb) = (kind_fill(*a), kind_fill(*b));
                if a != b && step(fa.colour) == step(fb.colour) {
                    assert_ne!(fa.pattern, fb.pattern, "{a:?} and {b:?}");
                }
            }
        }
    }
}
