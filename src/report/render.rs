//! Renderers: the report laid out as text for a terminal (comfy-table summaries, verdicts,
//! next steps, prose) or as a Markdown document to paste into a blog post. JSON is the
//! report's serialisation and needs no renderer; the HTML page is in `super::html`, which shares
//! the table cells written here.

use std::fmt::Write;

use comfy_table::{Cell, Table, presets};

use super::prose;
use super::verdict::Call;
use super::words::Words;
use super::{NetworkReport, Report, Totals};
use crate::messages::Msg;
use crate::output::{Tone, markdown, paint};

/// Text or Markdown: the same content, two layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Text,
    Markdown,
}

/// Below this many columns the report drops its wide tables for one block per network.
pub const NARROW_BELOW: u16 = 100;

/// The widest the prose is wrapped, even on a wide screen: longer lines are hard to read.
const PROSE_WIDTH: usize = 96;

/// How much room the text report has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// No width known (piped, a file) or `--wide`: the tables at their natural width.
    Natural,
    /// A screen this wide: the tables fitted to it.
    Fitted(u16),
    /// A screen narrower than [`NARROW_BELOW`]: one block per network instead of the tables.
    Narrow(u16),
}

impl Screen {
    fn of(width: Option<u16>, wide: bool) -> Screen {
        match width {
            None => Screen::Natural,
            Some(_) if wide => Screen::Natural,
            Some(width) if width < NARROW_BELOW => Screen::Narrow(width),
            Some(width) => Screen::Fitted(width),
        }
    }

    fn width(self) -> Option<u16> {
        match self {
            Screen::Natural => None,
            Screen::Fitted(width) | Screen::Narrow(width) => Some(width),
        }
    }

    /// The prose's width: the screen's (`width`, known even with `--wide`), at most
    /// [`PROSE_WIDTH`].
    fn prose(self, width: Option<u16>) -> usize {
        width
            .or(self.width())
            .map_or(PROSE_WIDTH, |width| usize::from(width).min(PROSE_WIDTH))
            .max(20)
    }
}

/// The report for a terminal `width` columns wide (none when piped: the full tables at their
/// natural width); `wide` keeps the full tables even on a narrow screen. With `color`, verdicts
/// are coloured.
pub fn text(report: &Report, color: bool, width: Option<u16>, wide: bool) -> String {
    render(report, Layout::Text, color, Screen::of(width, wide), width)
}

pub fn markdown(report: &Report) -> String {
    render(report, Layout::Markdown, false, Screen::Natural, None)
}

/// A user's value (a name, a reason quoting a note…) as `layout` writes it: escaped in
/// Markdown, so that it cannot become markup (see [`markdown::escape`]).
fn value(layout: Layout, text: &str) -> String {
    match layout {
        Layout::Markdown => markdown::escape(text),
        Layout::Text => text.to_string(),
    }
}

/// The colour of a call.
fn tone(call: Call) -> Tone {
    match call {
        Call::Stay => Tone::Good,
        Call::Watch => Tone::Warn,
        Call::Leave => Tone::Bad,
        Call::Left => Tone::Muted,
    }
}

fn render(
    report: &Report,
    layout: Layout,
    color: bool,
    screen: Screen,
    width: Option<u16>,
) -> String {
    let words = Words {
        lang: report.lang,
        currency: report.currency.clone(),
    };
    let prose = screen.prose(width);
    // The wide tables give way to one block per network on a narrow screen, and on a wider one
    // too when their words cannot fit in it.
    let narrow = layout == Layout::Text
        && match screen {
            Screen::Natural => false,
            Screen::Narrow(_) => true,
            Screen::Fitted(width) => {
                !crate::output::fits(&summary_table(report, &words, layout, false), width)
                    || !crate::output::fits(&kind_table(report, &words, layout), width)
            }
        };
    // On a screen, lines are wrapped to it; piped, each stays whole, as before.
    let room = if width.is_some() { prose } else { usize::MAX };
    let mut out = String::new();
    let heading = |out: &mut String, level: usize, title: &str| match layout {
        Layout::Markdown => {
            let _ = writeln!(out, "{} {title}\n", "#".repeat(level));
        }
        Layout::Text if level == 1 => {
            let _ = writeln!(out, "{title}\n{}\n", "=".repeat(title.chars().count()));
        }
        Layout::Text => {
            let _ = writeln!(out, "{title}\n{}\n", "-".repeat(title.chars().count()));
        }
    };

    heading(&mut out, 1, &words.say(Msg::Title, &[]));
    let period = prose::period(report, &words);
    let _ = writeln!(out, "{period}");
    if let Some(rate) = report.hourly_rate_cents {
        let _ = writeln!(
            out,
            "{}",
            words.say(Msg::HourlyRate, &[("rate", &words.money(rate))])
        );
    }
    out.push('\n');

    if report.networks.is_empty() {
        let _ = writeln!(out, "{}", words.say(Msg::NoNetworks, &[]));
        return out;
    }

    if !narrow {
        let mut table = summary_table(report, &words, layout, color);
        crate::output::fit(&mut table, screen.width());
        let _ = writeln!(out, "{table}\n");
    }

    heading(&mut out, 2, &words.say(Msg::SectionVerdicts, &[]));
    for network in &report.networks {
        let call = network.verdict.call.label(&words);
        let settle = settle_line(&network.verdict, &words);
        match layout {
            Layout::Markdown => {
                let _ = writeln!(out, "### {} — **{call}**\n", value(layout, &network.name));
                for reason in &network.verdict.reasons {
                    let _ = writeln!(out, "- {}", value(layout, reason));
                }
                if let Some(settle) = settle {
                    let _ = writeln!(out, "\n*{}*", value(layout, &settle));
                }
            }
            Layout::Text => {
                let line = words.say(
                    Msg::VerdictLine,
                    &[
                        ("name", &network.name),
                        (
                            "call",
                            &paint(&call.to_uppercase(), tone(network.verdict.call), color),
                        ),
                    ],
                );
                let _ = writeln!(out, "{line}");
                if narrow {
                    let figures = narrow_figures(&network_totals(network), &words);
                    let kind = network.kind.label(words.lang);
                    let _ = writeln!(
                        out,
                        "{}",
                        hang(&format!("{kind} · {figures}"), "  ", "  ", prose)
                    );
                }
                for reason in &network.verdict.reasons {
                    let _ = writeln!(out, "{}", hang(reason, "  - ", "    ", room));
                }
                if let Some(settle) = settle {
                    let _ = writeln!(out, "{}", hang(&settle, "  ", "  ", room));
                }
            }
        }
        out.push('\n');
    }
    if narrow {
        let mut rows = Vec::new();
        if report.networks.len() > 1 {
            rows.push((Msg::TotalRow, &report.totals));
        }
        if report.one_to_one.meetings.total > 0 || report.one_to_one.referrals.received > 0 {
            rows.push((Msg::OneToOneRow, &report.one_to_one));
        }
        for (key, totals) in rows {
            let line = words.say(
                Msg::NarrowRow,
                &[
                    ("name", &words.say(key, &[])),
                    ("figures", &narrow_figures(totals, &words)),
                ],
            );
            let _ = writeln!(out, "{}\n", hang(&line, "", "  ", prose));
        }
    }

    let renewals: Vec<Vec<String>> = by_renewal(report)
        .filter_map(|network| renewal_block(network, &words))
        .collect();
    if !renewals.is_empty() {
        heading(&mut out, 2, &words.say(Msg::SectionRenewals, &[]));
        for block in renewals {
            match layout {
                Layout::Markdown => {
                    let _ = writeln!(out, "{}\n", value(layout, &block.join(" ")));
                }
                Layout::Text => {
                    let _ = writeln!(out, "{}\n", wrap(&block.join(" "), prose));
                }
            }
        }
    }

    heading(&mut out, 2, &words.say(Msg::SectionByKind, &[]));
    if narrow {
        for kind in &report.by_kind {
            let line = words.say(
                Msg::NarrowRow,
                &[
                    (
                        "name",
                        &format!(
                            "{} ({})",
                            kind.kind.label(words.lang),
                            words.count(Msg::Networks, kind.totals.networks)
                        ),
                    ),
                    ("figures", &narrow_figures(&kind.totals, &words)),
                ],
            );
            let _ = writeln!(out, "{}", hang(&line, "", "  ", prose));
        }
        out.push('\n');
    } else {
        let mut table = kind_table(report, &words, layout);
        crate::output::fit(&mut table, screen.width());
        let _ = writeln!(out, "{table}\n");
    }

    heading(&mut out, 2, &words.say(Msg::SectionWon, &[]));
    let split = prose::won_split(report, &words);
    let split = wrap(&split, room);
    let _ = writeln!(out, "{split}\n");

    if !report.checks.is_empty() {
        heading(&mut out, 2, &words.say(Msg::SectionChecks, &[]));
        for check in &report.checks {
            let check = value(layout, check);
            let check = match layout {
                Layout::Text => hang(&check, "- ", "  ", room),
                Layout::Markdown => format!("- {check}"),
            };
            let _ = writeln!(out, "{check}");
        }
        out.push('\n');
    }

    heading(&mut out, 2, &words.say(Msg::SectionNextSteps, &[]));
    if report.next_steps.is_empty() {
        let _ = writeln!(out, "{}", prose::no_next_step(report, &words));
    }
    for (i, step) in report.next_steps.iter().enumerate() {
        let number = format!("{}. ", i + 1);
        let step = value(layout, step);
        let step = match layout {
            Layout::Text => hang(&step, &number, &" ".repeat(number.len()), room),
            Layout::Markdown => format!("{number}{step}"),
        };
        let _ = writeln!(out, "{step}");
    }
    out.push('\n');

    heading(&mut out, 2, &words.say(Msg::SectionRetrospective, &[]));
    for network in &report.networks {
        match layout {
            Layout::Markdown => {
                let _ = writeln!(
                    out,
                    "### {}\n\n{}\n",
                    value(layout, &network.name),
                    value(layout, &network.retrospective)
                );
            }
            Layout::Text => {
                let _ = writeln!(
                    out,
                    "{}\n{}\n",
                    network.name,
                    wrap(&network.retrospective, prose)
                );
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The figures that decide, on one line, for the narrow layout: `4 meetings · €540 spent · €0
/// won · return —`.
fn narrow_figures(t: &Totals, words: &Words) -> String {
    words.say(
        Msg::NarrowFigures,
        &[
            ("meetings", &words.count(Msg::Meetings, t.meetings.total)),
            ("spent", &words.money(t.spent_cents)),
            ("won", &words.money(t.referrals.won_value_cents)),
            (
                "return",
                &t.roi.map(|r| words.ratio(r)).unwrap_or_else(|| "—".into()),
            ),
        ],
    )
}

/// `text` wrapped at `width`, its first line after `first` and the others after `rest`.
fn hang(text: &str, first: &str, rest: &str, width: usize) -> String {
    let room = width.saturating_sub(first.chars().count().max(rest.chars().count()));
    let mut out = String::new();
    for (i, line) in wrap(text, room.max(20)).lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
    }
    out
}

/// What a `watch` waits for and by when, or by when to `leave`: one line, or none.
pub(super) fn settle_line(verdict: &super::verdict::Verdict, words: &Words) -> Option<String> {
    match (verdict.call, &verdict.watch_for, verdict.decide_by) {
        (Call::Watch, Some(what), Some(by)) => Some(words.say(
            Msg::WatchForLine,
            &[("what", what), ("date", &words.date(by))],
        )),
        (Call::Watch, Some(what), None) => Some(words.say(Msg::WatchForUndated, &[("what", what)])),
        (Call::Leave | Call::Watch, _, Some(by)) => {
            Some(words.say(Msg::DecideBy, &[("date", &words.date(by))]))
        }
        _ => None,
    }
}

/// The networks with a renewal to come, the soonest first (then by name, as the report lists
/// them).
pub(super) fn by_renewal(report: &Report) -> impl Iterator<Item = &NetworkReport> {
    let mut due: Vec<&NetworkReport> = report
        .networks
        .iter()
        .filter(|network| network.renewal.is_some())
        .collect();
    due.sort_by_key(|network| network.renewal.map(|renewal| renewal.on));
    due.into_iter()
}

/// A network's renewal in sentences: when and for how much, what was given so far, what is
/// still to come at the recent pace, and what it must still bring to pay for itself.
pub(super) fn renewal_block(network: &NetworkReport, words: &Words) -> Option<Vec<String>> {
    let renewal = network.renewal?;
    let date = words.date(renewal.on);
    let mut block = vec![
        words.say(
            Msg::RenewalLine,
            &[
                ("network", &network.name),
                ("date", &date),
                ("days", &words.count(Msg::Days, renewal.days_left)),
                ("fee", &words.money(renewal.fee_cents)),
            ],
        ),
        words.say(
            Msg::RenewalToDate,
            &[
                ("paid", &words.money(renewal.paid_cents)),
                ("hours", &words.hours((renewal.hours * 60.0).round() as i64)),
            ],
        ),
    ];
    let forecast = &renewal.forecast;
    let referrals = &forecast.referrals;
    let whole = |x: f64| words.lang.decimal(x, 0);
    // Under half a referral to expect: none, at this pace, with how many at most.
    let expected = if referrals.mid < 0.5 {
        words.say(
            Msg::ExpectNone,
            &[("high", &whole(referrals.high.ceil().max(1.0)))],
        )
    } else {
        words.say(
            Msg::ExpectRange,
            &[
                ("low", &whole(referrals.low.floor())),
                ("high", &whole(referrals.high.ceil())),
                ("mid", &words.lang.decimal(referrals.mid, 1)),
            ],
        )
    };
    block.push(if forecast.meetings == 0 {
        words.say(Msg::RenewalForecastNone, &[("referrals", &expected)])
    } else {
        let key = if forecast.spent_cents == 0 {
            Msg::RenewalForecastFree
        } else {
            Msg::RenewalForecast
        };
        words.say(
            key,
            &[
                ("meetings", &words.count(Msg::Meetings, forecast.meetings)),
                (
                    "hours",
                    &words.hours((forecast.hours * 60.0).round() as i64),
                ),
                ("spent", &words.money(forecast.spent_cents)),
                ("referrals", &expected),
            ],
        )
    });
    block.push(if renewal.break_even_cents > 0 {
        words.say(
            Msg::BreakEven,
            &[
                (
                    "amount",
                    &words.money_about(renewal.break_even_cents, 10_000),
                ),
                ("date", &date),
            ],
        )
    } else {
        words.say(Msg::BreakEvenMet, &[])
    });
    Some(block)
}

fn new_table(layout: Layout, header: Vec<String>) -> Table {
    let mut table = Table::new();
    let header = match layout {
        // Two-line headers keep the table narrow enough for a terminal.
        Layout::Text => {
            table.load_style(presets::UTF8_FULL_CONDENSED);
            header
                .into_iter()
                .map(|h| h.replacen(" (", "\n(", 1))
                .collect()
        }
        Layout::Markdown => {
            table.load_style(presets::ASCII_MARKDOWN);
            header
        }
    };
    table.set_header(header);
    table
}

pub(super) fn figures_cells(t: &Totals, words: &Words, with_time: bool) -> Vec<String> {
    let mut cells = vec![
        format!(
            "{} ({} / {})",
            t.meetings.total, t.meetings.in_person, t.meetings.remote
        ),
        words.hours_number(t.minutes),
        words.money(t.spent_cents),
    ];
    if with_time {
        cells.push(
            t.time_value_cents
                .map(|v| words.money(v))
                .unwrap_or_default(),
        );
    }
    cells.extend([
        format!(
            "{} ({} / {} / {})",
            t.contacts.total, t.contacts.met_once, t.contacts.met_twice, t.contacts.met_three_plus
        ),
        format!("{} / {}", t.referrals.received, t.referrals.given),
        words.money(t.referrals.won_value_cents),
        t.roi.map(|r| words.ratio(r)).unwrap_or_else(|| "—".into()),
    ]);
    cells
}

pub(super) fn network_totals(n: &NetworkReport) -> Totals {
    Totals {
        networks: 1,
        meetings: n.meetings,
        hours: n.hours,
        minutes: n.minutes,
        spent_cents: n.spent_cents,
        time_value_cents: n.time_value_cents,
        contacts: n.contacts,
        referrals: n.referrals,
        concerns: n.concerns,
        roi: n.roi,
    }
}

pub(super) fn figure_headers(words: &Words, with_time: bool) -> Vec<String> {
    let mut keys = vec![Msg::ColMeetings, Msg::ColHours, Msg::ColSpent];
    if with_time {
        keys.push(Msg::ColTimeValue);
    }
    keys.extend([
        Msg::ColContacts,
        Msg::ColReferrals,
        Msg::ColWon,
        Msg::ColReturn,
    ]);
    keys.into_iter().map(|k| words.say(k, &[])).collect()
}

fn summary_table(report: &Report, words: &Words, layout: Layout, color: bool) -> Table {
    let with_time = report.hourly_rate_cents.is_some();
    let mut header = vec![
        words.say(Msg::ColNetwork, &[]),
        words.say(Msg::ColKind, &[]),
    ];
    header.extend(figure_headers(words, with_time));
    header.push(words.say(Msg::ColVerdict, &[]));
    let mut table = new_table(layout, header);
    if color {
        table.enforce_styling();
    }
    for network in &report.networks {
        let mut row = vec![
            value(layout, &network.name),
            network.kind.label(words.lang).to_string(),
        ];
        row.extend(figures_cells(&network_totals(network), words, with_time));
        let mut cells: Vec<Cell> = row.into_iter().map(Cell::new).collect();
        let verdict = Cell::new(network.verdict.call.label(words));
        cells.push(if color {
            verdict.fg(tone(network.verdict.call).table_color())
        } else {
            verdict
        });
        table.add_row(cells);
    }
    if report.networks.len() > 1 {
        let mut row = vec![words.say(Msg::TotalRow, &[]), String::new()];
        row.extend(figures_cells(&report.totals, words, with_time));
        row.push(String::new());
        table.add_row(row);
    }
    if report.one_to_one.meetings.total > 0 || report.one_to_one.referrals.received > 0 {
        let mut row = vec![words.say(Msg::OneToOneRow, &[]), String::new()];
        row.extend(figures_cells(&report.one_to_one, words, with_time));
        row.push(String::new());
        table.add_row(row);
    }
    table
}

fn kind_table(report: &Report, words: &Words, layout: Layout) -> Table {
    let with_time = report.hourly_rate_cents.is_some();
    let mut header = vec![
        words.say(Msg::ColKind, &[]),
        words.say(Msg::ColNetworks, &[]),
    ];
    header.extend(figure_headers(words, with_time));
    let mut table = new_table(layout, header);
    for kind in &report.by_kind {
        let mut row = vec![
            kind.kind.label(words.lang).to_string(),
            kind.totals.networks.to_string(),
        ];
        row.extend(figures_cells(&kind.totals, words, with_time));
        table.add_row(row);
    }
    table
}

/// Wraps a paragraph at `width` characters, on spaces — but never before a closing mark
/// (`;`, `:`, `»`, `€`, `%`…), after `«`, or between the digit groups of `3 200`, which French
/// typography keeps on one line: such words move to the next line together. A run longer than
/// `width` has a line of its own.
fn wrap(text: &str, width: usize) -> String {
    // The runs that must stay on one line.
    let mut runs: Vec<String> = Vec::new();
    let mut previous: Option<&str> = None;
    for word in text.split(' ') {
        match runs.last_mut() {
            Some(run) if previous.is_some_and(|previous| glued(previous, word)) => {
                run.push(' ');
                run.push_str(word);
            }
            _ => runs.push(word.to_string()),
        }
        previous = Some(word);
    }
    let mut out = String::new();
    let mut line = 0;
    for (i, run) in runs.iter().enumerate() {
        let len = run.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if i > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(run);
        line += len;
    }
    out
}

/// Whether the space between `previous` and `next` must not break.
pub(super) fn glued(previous: &str, next: &str) -> bool {
    let mark = next.trim_end_matches(['.', ',', ';', ':', ')']);
    let closes = next.starts_with([';', ':', '»', '!', '?']) || ["€", "%"].contains(&mark);
    let opens = previous.ends_with('«');
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let grouped = digits(previous) && next.chars().take_while(|c| c.is_ascii_digit()).count() == 3;
    // A number and what it counts: `3 réunions`, `6 mois`, `2,4 heures`.
    let number = previous.starts_with(|c: char| c.is_ascii_digit())
        && previous.ends_with(|c: char| c.is_ascii_digit())
        && previous
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let counted = number && next.starts_with(char::is_alphabetic);
    closes || opens || grouped || counted || in_a_date(previous, next)
}

/// Whether `previous next` is inside a date in words — `20 July`, `July 2024`, `1er juillet`,
/// `juillet 2024` — which a reader takes in at once and a line must not split.
fn in_a_date(previous: &str, next: &str) -> bool {
    let month = |word: &str| {
        crate::i18n::MONTHS_EN.contains(&word) || crate::i18n::MONTHS_FR.contains(&word)
    };
    let day = |word: &str| {
        let number = word.strip_suffix("er").unwrap_or(word);
        (1..=2).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit())
    };
    let year = |word: &str| {
        let number = word.trim_end_matches(['.', ',', ';', ':', ')', '»', '”']);
        number.len() == 4 && number.chars().all(|c| c.is_ascii_digit())
    };
    (day(previous) && month(next.trim_end_matches([',', '.', ';'])))
        || (month(previous) && year(next))
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_on_spaces() {
        assert_eq!(wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
        assert_eq!(wrap("aaa", 2), "aaa");
        assert_eq!(wrap("", 10), "");
    }

    #[test]
    fn wrap_keeps_french_marks_and_amounts_together() {
        assert_eq!(wrap("donné 1 ; aucune", 9), "donné 1 ;\naucune");
        assert_eq!(wrap("donné 1 ; aucune", 8), "donné\n1 ;\naucune");
        assert_eq!(wrap("pour 3 200 € gagnés", 7), "pour\n3 200 €\ngagnés");
        assert_eq!(wrap("dit « rester » : oui", 6), "dit\n« rester » :\noui");
        // A line never runs past the width for a mark that follows.
        assert_eq!(wrap("aaaa bbb :", 8), "aaaa\nbbb :");
        // A date in words stays on one line.
        assert_eq!(wrap("by 20 July 2024.", 10), "by\n20 July 2024.");
        assert_eq!(
            wrap("après 3 réunions et 6 mois", 10),
            "après\n3 réunions\net 6 mois"
        );
        assert_eq!(wrap("encore 2,4 heures", 10), "encore\n2,4 heures");
        assert_eq!(
            wrap("le 1er juillet 2024, puis", 8),
            "le\n1er juillet 2024,\npuis"
        );
        // An English amount is a word of its own.
        assert_eq!(wrap("spent €73.18.", 6), "spent\n€73.18.");
    }
}
