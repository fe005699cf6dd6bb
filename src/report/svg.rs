//! A small SVG writer for the HTML report's charts: escaping, coordinates, fills that survive
//! greyscale printing (a colour of its own lightness, plus a pattern), and a document that
//! carries its accessible name and description.
//!
//! Hand-built rather than drawn with plotters' SVG backend: the charts are a dated timeline and
//! horizontal bars with text labels, which take a few dozen lines each; what plotters would add
//! (axes, meshes, font measuring) is what they need least, while what they need most — a
//! `<title>` and `<desc>` with `role="img"`, a `<title>` tooltip on each mark, pattern fills,
//! `data-` attributes the tests read, and text the browser lays out in the page's font — would
//! have to be added around it.

use std::fmt::Write;

/// Escapes text for an XML or HTML text node or attribute value.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; a note pasted from elsewhere may hold
            // one.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal at most: `12`, `12.5`.
pub fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// The width of `text` in the charts' sans-serif font of `size` pixels, estimated (the widest
/// common fonts average under 0.6 em a character): enough to lay labels out without measuring.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The pattern drawn over a fill's colour, so that two fills of close lightness still differ in
/// greyscale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    Diagonal,
    BackDiagonal,
    Cross,
    Dots,
    Horizontal,
    Vertical,
}

/// A colour, its pattern, and the ink the pattern is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fill {
    pub colour: &'static str,
    pub pattern: Pattern,
    pub ink: &'static str,
    /// The colour of text written on it.
    pub text: &'static str,
}

impl Fill {
    pub const fn solid(colour: &'static str, text: &'static str) -> Fill {
        Fill {
            colour,
            pattern: Pattern::Solid,
            ink: colour,
            text,
        }
    }

    pub const fn patterned(
        colour: &'static str,
        pattern: Pattern,
        ink: &'static str,
        text: &'static str,
    ) -> Fill {
        Fill {
            colour,
            pattern,
            ink,
            text,
        }
    }
}

/// The `fill` attribute's value for a fill that [`Svg::fills`] defined under `name` in the
/// document `id`.
pub fn paint(id: &str, name: &str, fill: Fill) -> String {
    match fill.pattern {
        Pattern::Solid => fill.colour.to_string(),
        _ => format!("url(#{id}-{name})"),
    }
}

/// An SVG document being written.
pub struct Svg {
    id: String,
    out: String,
}

impl Svg {
    /// A document `width` × `height` whose accessible name is `title` and description `desc`.
    /// `id` prefixes every id inside it, since the SVGs of one page share its id space.
    pub fn new(id: &str, width: f64, height: f64, title: &str, desc: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" \
             viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
             aria-label=\"{label}\" aria-describedby=\"{id}-desc\" \
             font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\" font-size=\"12\" \
             fill=\"#1b1b1b\">\n<title>{label}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
            w = n(width),
            h = n(height),
            label = esc(title),
            desc = esc(desc),
        );
        Svg {
            id: id.to_string(),
            out,
        }
    }

    /// Markup written as is: the caller escapes what it holds.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Defines the fills the chart uses, each under `{id}-{name}`.
    pub fn fills(&mut self, fills: &[(&str, Fill)]) {
        let patterned: Vec<_> = fills
            .iter()
            .filter(|(_, f)| f.pattern != Pattern::Solid)
            .collect();
        if patterned.is_empty() {
            return;
        }
        self.out.push_str("<defs>\n");
        for (name, fill) in patterned {
            let ink = fill.ink;
            let marks = match fill.pattern {
                Pattern::Solid => String::new(),
                Pattern::Diagonal => {
                    format!(
                        "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" stroke=\"{ink}\" stroke-width=\"1.4\"/>"
                    )
                }
                Pattern::BackDiagonal => {
                    format!(
                        "<path d=\"M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2\" stroke=\"{ink}\" stroke-width=\"1.4\"/>"
                    )
                }
                Pattern::Cross => format!(
                    "<path d=\"M0,0 l6,6 M6,0 l-6,6\" stroke=\"{ink}\" stroke-width=\"1\"/>"
                ),
                Pattern::Dots => format!("<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"{ink}\"/>"),
                Pattern::Horizontal => {
                    format!("<path d=\"M0,3 h6\" stroke=\"{ink}\" stroke-width=\"1.4\"/>")
                }
                Pattern::Vertical => {
                    format!("<path d=\"M3,0 v6\" stroke=\"{ink}\" stroke-width=\"1.4\"/>")
                }
            };
            let _ = writeln!(
                self.out,
                "<pattern id=\"{}-{name}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
                 <rect width=\"6\" height=\"6\" fill=\"{}\"/>{marks}</pattern>",
                self.id, fill.colour
            );
        }
        self.out.push_str("</defs>\n");
    }

    /// The `fill` attribute's value for a fill defined under `name` by [`Svg::fills`].
    pub fn paint(&self, name: &str, fill: Fill) -> String {
        paint(&self.id, name, fill)
    }

    /// A rectangle; `extra` holds further attributes, already escaped.
    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"{}{extra}/>",
            n(x),
            n(y),
            n(width.max(0.0)),
            n(height),
            if extra.is_empty() { "" } else { " " },
        );
    }

    /// A line of text; `anchor` is `start`, `middle` or `end`; `extra` holds further
    /// attributes, already escaped; `content` is escaped here.
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, extra: &str, content: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\"{}{}{extra}>{}</text>",
            n(x),
            n(y),
            if anchor == "start" {
                String::new()
            } else {
                format!(" text-anchor=\"{anchor}\"")
            },
            if extra.is_empty() { "" } else { " " },
            esc(content)
        );
    }

    /// A straight line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\"{}{extra}/>",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            if extra.is_empty() { "" } else { " " },
        );
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_control_characters() {
        assert_eq!(
            esc("<b>Tom & \"Jerry\"</b> l'ami"),
            "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; l&#39;ami"
        );
        assert_eq!(esc("a\u{7}b"), "a\u{FFFD}b");
    }

    #[test]
    fn coordinates_keep_one_decimal() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.3");
        assert_eq!(n(0.04), "0");
        assert_eq!(n(-3.5), "-3.5");
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(truncate("Club Affaires Sud", 40), "Club Affaires Sud");
        assert_eq!(truncate("Collectif Numérique", 10), "Collectif…");
        assert_eq!(truncate("Collectif Numérique", 11), "Collectif…");
    }

    #[test]
    fn a_document_names_and_describes_itself() {
        let mut svg = Svg::new("c", 100.0, 50.0, "A <chart>", "What it shows");
        svg.text(1.0, 2.0, "end", "", "R&D");
        let out = svg.finish();
        assert!(out.contains("role=\"img\""));
        assert!(out.contains("aria-label=\"A &lt;chart&gt;\""));
        assert!(out.contains("<desc id=\"c-desc\">What it shows</desc>"));
        assert!(out.contains("text-anchor=\"end\">R&amp;D</text>"));
    }
}
