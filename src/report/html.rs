//! The report as one self-contained HTML page: the same content as the text report — summary
//! table, verdicts with their reasons (as cards), the comparison by kind, where the business came
//! from, next steps and the retrospective — plus the charts of [`super::charts`], inline.
//!
//! No script, no stylesheet or font to fetch: the page opens offline and from a mail attachment.
//! It prints on A4 with each group of sections on its own pages. The markup is also well-formed
//! XML (void elements closed, only XML's own entities), so that tests can check it strictly.

use std::fmt::Write;

use super::render::{figure_headers, figures_cells, glued, network_totals};
use super::svg::esc;
use super::verdict::Call;
use super::words::Words;
use super::{Marks, Report, Totals};
use super::{charts, render};
use crate::messages::Msg;

const STYLE: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 28px 32px 40px; color: #1b1b1b;
  background: #fff; font: 15px/1.5 'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif; }
header h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .3em; }
.meta { margin: 0; color: #444; }
h2 { font-size: 1.3em; margin: 1.8em 0 .7em; padding-bottom: .2em; border-bottom: 2px solid #1b1b1b; }
h3 { font-size: 1.05em; margin: 0 0 .35em; }
table { border-collapse: collapse; width: 100%; font-size: .82em; font-variant-numeric: tabular-nums; }
th, td { padding: .4em .5em; border-bottom: 1px solid #c8c8c8; text-align: right; vertical-align: top; }
th { font-weight: 600; }
thead th { border-bottom: 2px solid #1b1b1b; vertical-align: bottom; }
td { white-space: nowrap; }
th.name, td.name { text-align: left; }
tbody th, tfoot th { min-width: 13em; }
tr.total th, tr.total td { font-weight: 600; border-top: 2px solid #1b1b1b; }
tr.outside td { font-style: italic; }
.call { display: inline-block; padding: 0 .55em; border-radius: 1em; font-weight: 700;
  font-size: .85em; letter-spacing: .03em; text-transform: uppercase; font-style: normal; }
.call.stay { background: #1b4332; color: #fff; }
.call.watch { background: #ffd166; color: #1b1b1b; border: 1px solid #8a6d00; }
.call.leave { background: #b00020; color: #fff; }
.call.left { background: #fff; color: #444; border: 1px dashed #444; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; }
.card { border: 1px solid #bdbdbd; border-left: 7px solid #8d8d8d; border-radius: 6px; padding: .7em .9em; }
.card.stay { border-left-color: #1b4332; }
.card.watch { border-left-color: #e0a800; }
.card.leave { border-left-color: #b00020; }
.card.left { border-left-color: #c8c8c8; }
.card .kind { margin: 0; color: #555; font-size: .9em; }
.card ul { margin: .4em 0 0; padding-left: 1.2em; }
figure { margin: 0 0 1em; }
svg.chart { display: block; width: 100%; max-width: 960px; height: auto; }
.retrospective article { margin-bottom: 1.1em; }
.retrospective p { margin: .2em 0; max-width: 78ch; }
footer { margin-top: 2.5em; padding-top: .5em; border-top: 1px solid #c8c8c8; color: #555; font-size: .85em; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .sheet + .sheet { break-before: page; }
  h2, h3 { break-after: avoid; }
  figure, .card, tr, article { break-inside: avoid; }
  .call, .card, svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";

/// The report as an HTML page, with the timeline's `marks`.
pub fn html(report: &Report, marks: &Marks) -> String {
    let words = Words {
        lang: report.lang,
        currency: report.currency.clone(),
    };
    let lang = match report.lang {
        crate::i18n::Lang::En => "en",
        crate::i18n::Lang::Fr => "fr",
    };
    let title = words.say(Msg::Title, &[]);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n\
         <meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"netjournal\"/>\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );

    // The title, the period and the hourly rate.
    let period = super::prose::period(report, &words);
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>",
        esc(&title),
        prose(&period)
    );
    if let Some(rate) = report.hourly_rate_cents {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            prose(&words.say(Msg::HourlyRate, &[("rate", &words.money(rate))]))
        );
    }
    out.push_str("</header>\n");

    if report.networks.is_empty() {
        let _ = writeln!(
            out,
            "<main>\n<p>{}</p>\n</main>",
            prose(&words.say(Msg::NoNetworks, &[]))
        );
        footer(&mut out, report, &words);
        return out;
    }

    out.push_str("<main>\n<div class=\"sheet\">\n");
    section(&mut out, "summary", &words.say(Msg::SectionSummary, &[]));
    summary_table(&mut out, report, &words);
    out.push_str("</section>\n");

    section(&mut out, "verdicts", &words.say(Msg::SectionVerdicts, &[]));
    out.push_str("<div class=\"cards\">\n");
    for network in &report.networks {
        let call = network.verdict.call;
        let _ = writeln!(
            out,
            "<article class=\"card {class}\">\n<h3>{} {}</h3>\n<p class=\"kind\">{}</p>\n<ul>",
            esc(&network.name),
            badge(call, &words),
            esc(network.kind.label(words.lang)),
            class = call_class(call),
        );
        for reason in &network.verdict.reasons {
            let _ = writeln!(out, "<li>{}</li>", prose(reason));
        }
        out.push_str("</ul>\n");
        if let Some(settle) = render::settle_line(&network.verdict, &words) {
            let _ = writeln!(out, "<p class=\"settle\">{}</p>", prose(&settle));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</div>\n</section>\n");
    let renewals: Vec<(&str, Vec<String>)> = render::by_renewal(report)
        .filter_map(|n| render::renewal_block(n, &words).map(|b| (n.name.as_str(), b)))
        .collect();
    if !renewals.is_empty() {
        section(&mut out, "renewals", &words.say(Msg::SectionRenewals, &[]));
        for (name, block) in renewals {
            let _ = writeln!(
                out,
                "<article>\n<h3>{}</h3>\n<p>{}</p>\n</article>",
                esc(name),
                prose(&block.join(" "))
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</div>\n");

    out.push_str("<div class=\"sheet\">\n");
    if let Some(svg) = charts::timeline(report, marks, &words) {
        chart_section(
            &mut out,
            "timeline",
            &words.say(Msg::SectionTimeline, &[]),
            &svg,
        );
    }
    if let Some(svg) = charts::spent_won(report, &words) {
        chart_section(
            &mut out,
            "spent-won",
            &words.say(Msg::SectionSpentWon, &[]),
            &svg,
        );
    }
    out.push_str("</div>\n<div class=\"sheet\">\n");
    if let Some(svg) = charts::depth(report, &words) {
        chart_section(&mut out, "depth", &words.say(Msg::SectionDepth, &[]), &svg);
    }
    if let Some(svg) = charts::referrals(report, &words) {
        chart_section(
            &mut out,
            "referrals",
            &words.say(Msg::SectionReferralsWon, &[]),
            &svg,
        );
    }
    out.push_str("</div>\n<div class=\"sheet\">\n");

    section(&mut out, "by-kind", &words.say(Msg::SectionByKind, &[]));
    kind_table(&mut out, report, &words);
    out.push_str("</section>\n");

    section(&mut out, "won", &words.say(Msg::SectionWon, &[]));
    let split = super::prose::won_split(report, &words);
    let _ = writeln!(out, "<p>{}</p>", prose(&split));
    if let Some(svg) = charts::won_split(report, &words, &split) {
        let _ = writeln!(out, "<figure>\n{svg}\n</figure>");
    }
    out.push_str("</section>\n");

    if !report.checks.is_empty() {
        section(&mut out, "checks", &words.say(Msg::SectionChecks, &[]));
        out.push_str("<ul>\n");
        for check in &report.checks {
            let _ = writeln!(out, "<li>{}</li>", prose(check));
        }
        out.push_str("</ul>\n</section>\n");
    }

    section(
        &mut out,
        "next-steps",
        &words.say(Msg::SectionNextSteps, &[]),
    );
    if report.next_steps.is_empty() {
        let none = super::prose::no_next_step(report, &words);
        let _ = writeln!(out, "<p>{}</p>", prose(&none));
    } else {
        out.push_str("<ol>\n");
        for step in &report.next_steps {
            let _ = writeln!(out, "<li>{}</li>", prose(step));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n</div>\n<div class=\"sheet\">\n");

    section(
        &mut out,
        "retrospective",
        &words.say(Msg::SectionRetrospective, &[]),
    );
    for network in &report.networks {
        let _ = writeln!(
            out,
            "<article>\n<h3>{}</h3>\n<p>{}</p>\n</article>",
            esc(&network.name),
            prose(&network.retrospective)
        );
    }
    out.push_str("</section>\n</div>\n</main>\n");
    footer(&mut out, report, &words);
    out
}

fn section(out: &mut String, id: &str, title: &str) {
    let _ = writeln!(
        out,
        "<section id=\"{id}\" class=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>",
        esc(title)
    );
}

fn chart_section(out: &mut String, id: &str, title: &str, svg: &str) {
    section(out, &format!("{id}-chart"), title);
    let _ = writeln!(out, "<figure>\n{svg}\n</figure>\n</section>");
}

fn footer(out: &mut String, report: &Report, words: &Words) {
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</body>\n</html>",
        prose(&words.say(
            Msg::GeneratedOn,
            &[("date", &words.date(report.generated_on))]
        ))
    );
}

fn call_class(call: Call) -> &'static str {
    match call {
        Call::Stay => "stay",
        Call::Watch => "watch",
        Call::Leave => "leave",
        Call::Left => "left",
    }
}

fn badge(call: Call, words: &Words) -> String {
    format!(
        "<span class=\"call {}\">{}</span>",
        call_class(call),
        esc(&call.label(words))
    )
}

/// Text for the page: escaped, with the spaces French typography keeps on one line (before
/// `:` or `€`, inside `« »`, between digit groups) made non-breaking.
fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<&str> = None;
    for word in text.split(' ') {
        if let Some(previous) = previous {
            out.push(if glued(previous, word) { '\u{a0}' } else { ' ' });
        }
        out.push_str(&esc(word));
        previous = Some(word);
    }
    out
}

/// A table's header; its first `names` columns hold text, the others figures.
fn header_row(out: &mut String, headers: &[String], names: usize) {
    out.push_str("<thead>\n<tr>");
    for (i, h) in headers.iter().enumerate() {
        let class = if i < names { " class=\"name\"" } else { "" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", esc(h));
    }
    out.push_str("</tr>\n</thead>\n");
}

/// A row of a table: its name, a second cell (text or a figure), the figures, and a last cell
/// when given.
struct Line<'a> {
    class: &'a str,
    first: &'a str,
    second: &'a str,
    second_is_text: bool,
    last: Option<String>,
}

fn figures_row(out: &mut String, line: Line, totals: &Totals, words: &Words, with_time: bool) {
    let class = if line.class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{}\"", line.class)
    };
    let second_class = if line.second_is_text {
        " class=\"name\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<tr{class}><th scope=\"row\" class=\"name\">{}</th><td{second_class}>{}</td>",
        esc(line.first),
        esc(line.second)
    );
    for cell in figures_cells(totals, words, with_time) {
        let _ = write!(out, "<td>{}</td>", esc(&cell));
    }
    if let Some(last) = line.last {
        let _ = write!(out, "<td>{last}</td>");
    }
    out.push_str("</tr>\n");
}

/// The summary: a row per network with its verdict, the total, and one-to-one relationships
/// outside any network — as in the text report.
fn summary_table(out: &mut String, report: &Report, words: &Words) {
    let with_time = report.hourly_rate_cents.is_some();
    let mut headers = vec![
        words.say(Msg::ColNetwork, &[]),
        words.say(Msg::ColKind, &[]),
    ];
    headers.extend(figure_headers(words, with_time));
    headers.push(words.say(Msg::ColVerdict, &[]));
    out.push_str("<table class=\"summary\">\n");
    header_row(out, &headers, 2);
    out.push_str("<tbody>\n");
    for network in &report.networks {
        let line = Line {
            class: "",
            first: &network.name,
            second: network.kind.label(words.lang),
            second_is_text: true,
            last: Some(badge(network.verdict.call, words)),
        };
        figures_row(out, line, &network_totals(network), words, with_time);
    }
    out.push_str("</tbody>\n");
    let total = report.networks.len() > 1;
    let outside = report.one_to_one.meetings.total > 0 || report.one_to_one.referrals.received > 0;
    if total || outside {
        out.push_str("<tfoot>\n");
        if total {
            let name = words.say(Msg::TotalRow, &[]);
            let line = Line {
                class: "total",
                first: &name,
                second: "",
                second_is_text: true,
                last: Some(String::new()),
            };
            figures_row(out, line, &report.totals, words, with_time);
        }
        if outside {
            let name = words.say(Msg::OneToOneRow, &[]);
            let line = Line {
                class: "outside",
                first: &name,
                second: "",
                second_is_text: true,
                last: Some(String::new()),
            };
            figures_row(out, line, &report.one_to_one, words, with_time);
        }
        out.push_str("</tfoot>\n");
    }
    out.push_str("</table>\n");
}

fn kind_table(out: &mut String, report: &Report, words: &Words) {
    let with_time = report.hourly_rate_cents.is_some();
    let mut headers = vec![
        words.say(Msg::ColKind, &[]),
        words.say(Msg::ColNetworks, &[]),
    ];
    headers.extend(figure_headers(words, with_time));
    out.push_str("<table class=\"by-kind\">\n");
    header_row(out, &headers, 1);
    out.push_str("<tbody>\n");
    for kind in &report.by_kind {
        let count = kind.totals.networks.to_string();
        let line = Line {
            class: "",
            first: kind.kind.label(words.lang),
            second: &count,
            second_is_text: false,
            last: None,
        };
        figures_row(out, line, &kind.totals, words, with_time);
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::prose;

    #[test]
    fn prose_is_escaped_and_keeps_french_marks_on_the_line() {
        assert_eq!(prose("a <b> & c"), "a &lt;b&gt; &amp; c");
        assert_eq!(
            prose("gagné 3 200 € : « oui »"),
            "gagné 3\u{a0}200\u{a0}€\u{a0}: «\u{a0}oui\u{a0}»"
        );
    }
}
