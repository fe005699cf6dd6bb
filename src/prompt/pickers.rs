//! Lists to pick one item from, drawn to fit the terminal. The command gives the items, each
//! with its label; the picker never reads the journal.
//!
//! dialoguer's lists counted the lines they drew without the ones a long label wraps onto, and
//! drew as many items as the terminal had lines: on a full screen the question and the cursor
//! scrolled off, and each key left a stale copy of the list above the new one. Here every line
//! drawn is measured on the terminal's width, the items shown are those that fit under the
//! question (the list scrolls inside), and the whole drawing is erased before the next.

use std::fmt::Write as _;
use std::io;

use dialoguer::console::{Key, Term, measure_text_width, strip_ansi_codes, truncate_str};
use dialoguer::theme::{ColorfulTheme, Theme};

use crate::domain::text::{name_key, printable};

/// One item a picker offers: what it stands for, and how it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
}

impl<T> Choice<T> {
    pub fn new(value: T, label: impl Into<String>) -> Choice<T> {
        Choice {
            value,
            label: label.into(),
        }
    }
}

/// How the keys typed act on a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// Letters move nothing; `q` (like Escape) cancels. For short lists of fixed words.
    Moves,
    /// Letters filter the list; only Escape cancels, `q` being a letter of the search.
    Filters,
}

/// The most lines one item takes: a longer label is cut with `…`.
const ITEM_LINES: usize = 2;

/// Asks `question` with `labels` listed under it, `default` under the cursor; the index of the
/// label picked, or `None` when the list was left with Escape (or `q`, see [`Typing`]).
///
/// The list takes at most the terminal's height less the question's lines; moving past its
/// last line scrolls it. Once answered, the list is replaced by one line that says the answer.
pub(super) fn pick(
    theme: &ColorfulTheme,
    question: &str,
    hint: &str,
    labels: &[String],
    typing: Typing,
    default: usize,
) -> dialoguer::Result<Option<usize>> {
    let term = Term::stderr();
    if !term.is_term() {
        return Err(io::Error::new(io::ErrorKind::NotConnected, "not a terminal").into());
    }
    // Labels and questions quote stored text: its control characters are shown, not obeyed.
    let question = printable(question);
    let labels: Vec<String> = labels.iter().map(|l| printable(l).into_owned()).collect();
    let mut list = List::new(&labels, typing, default);
    let mut drawn = 0;
    term.hide_cursor()?;
    let picked = loop {
        erase(&term, drawn)?;
        drawn = draw(&term, theme, &question, hint, &mut list)?;
        match (term.read_key()?, typing) {
            (Key::Escape, _) | (Key::Char('q'), Typing::Moves) => break None,
            (Key::Enter, _) | (Key::Char(' '), Typing::Moves) => {
                if let Some(index) = list.current() {
                    break Some(index);
                }
            }
            (Key::ArrowUp | Key::BackTab, _) => list.step(-1),
            (Key::ArrowDown | Key::Tab, _) => list.step(1),
            (Key::PageUp, _) => list.page(-1),
            (Key::PageDown, _) => list.page(1),
            (Key::Home, _) => list.jump(false),
            (Key::End, _) => list.jump(true),
            (Key::Backspace, Typing::Filters) => list.unfilter_one(),
            (Key::Char(c), Typing::Filters) if !c.is_control() => list.filter_more(c),
            _ => {}
        }
    };
    erase(&term, drawn)?;
    if let Some(index) = picked {
        let mut said = String::new();
        let _ = theme.format_select_prompt_selection(&mut said, &question, &labels[index]);
        term.write_line(&said)?;
    }
    term.show_cursor()?;
    term.flush()?;
    Ok(picked)
}

/// Erases the `drawn` lines of the last drawing; the cursor is left on its last line.
fn erase(term: &Term, drawn: usize) -> io::Result<()> {
    if drawn == 0 {
        return Ok(());
    }
    let mut erase = String::from("\r");
    if drawn > 1 {
        write!(erase, "\x1b[{}A", drawn - 1).expect("write to a String");
    }
    erase.push_str("\x1b[J");
    term.write_str(&erase)
}

/// Draws the question and the items that fit under it; the number of lines drawn. The cursor
/// is left at the end of the last line: a line feed after it could scroll the screen by one.
fn draw(
    term: &Term,
    theme: &ColorfulTheme,
    question: &str,
    hint: &str,
    list: &mut List,
) -> io::Result<usize> {
    let (height, width) = term.size();
    let (height, width) = (usize::from(height).max(2), usize::from(width).max(10));
    let asked = format!(
        "{question} {}",
        theme.hint_style.apply_to(format!("[{hint}]"))
    );
    let mut head = String::new();
    let _ = match list.typing {
        Typing::Filters => {
            theme.format_fuzzy_select_prompt(&mut head, &asked, &list.typed, list.typed.len())
        }
        Typing::Moves => theme.format_select_prompt(&mut head, &asked),
    };
    let mut lines = vec![head];
    let head_lines = lines_of(&lines[0], width);
    // The question stays whole on screen; the items share what is left.
    let room = height.saturating_sub(head_lines).max(1);
    // An item is drawn `❯ label`: two columns before its label.
    let most = ITEM_LINES.min(room) * width - 2;
    let items: Vec<String> = list
        .shown
        .iter()
        .enumerate()
        .map(|(at, &index)| {
            let label = truncate_str(&list.labels[index], most, "…");
            let mut line = String::new();
            let _ = theme.format_select_prompt_item(&mut line, &label, at == list.cursor);
            line
        })
        .collect();
    let heights: Vec<usize> = items.iter().map(|item| lines_of(item, width)).collect();
    for at in list.window(&heights, room) {
        lines.push(items[at].clone());
    }
    let count = lines.iter().map(|line| lines_of(line, width)).sum();
    term.write_str(&lines.join("\n"))?;
    term.flush()?;
    Ok(count)
}

/// The lines `text` takes on a terminal `width` columns wide, as the terminal wraps it: a
/// character two columns wide that does not fit at the end of a line starts the next.
pub(super) fn lines_of(text: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut column = 0;
    for c in strip_ansi_codes(text).chars() {
        let wide = measure_text_width(c.encode_utf8(&mut [0; 4]));
        if column + wide > width {
            lines += 1;
            column = 0;
        }
        column += wide;
    }
    lines
}

/// The items of a picker: those the typed text matches, the one under the cursor, and the first
/// one shown.
struct List<'a> {
    labels: &'a [String],
    typing: Typing,
    typed: String,
    /// The indices of the labels matching `typed`, best first.
    shown: Vec<usize>,
    /// The position in `shown` under the cursor.
    cursor: usize,
    /// The position in `shown` of the first item on screen.
    top: usize,
    /// How many items the last screen held, for a page.
    page: usize,
}

impl<'a> List<'a> {
    fn new(labels: &'a [String], typing: Typing, default: usize) -> List<'a> {
        List {
            labels,
            typing,
            typed: String::new(),
            shown: (0..labels.len()).collect(),
            cursor: default.min(labels.len().saturating_sub(1)),
            top: 0,
            page: 1,
        }
    }

    /// The index of the label under the cursor; none when nothing matches.
    fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// One step up or down, round from one end to the other.
    fn step(&mut self, by: isize) {
        let len = self.shown.len();
        if len > 0 {
            self.cursor = (self.cursor as isize + by).rem_euclid(len as isize) as usize;
        }
    }

    /// A screenful up or down, stopping at the ends.
    fn page(&mut self, by: isize) {
        let last = self.shown.len().saturating_sub(1);
        let moved = self.cursor as isize + by * self.page.max(1) as isize;
        self.cursor = moved.clamp(0, last as isize) as usize;
    }

    /// To the first item, or the last.
    fn jump(&mut self, last: bool) {
        self.cursor = if last {
            self.shown.len().saturating_sub(1)
        } else {
            0
        };
    }

    /// One more letter typed: the list narrows, the cursor on the best match.
    fn filter_more(&mut self, c: char) {
        self.typed.push(c);
        self.refilter();
    }

    /// The last letter typed taken back.
    fn unfilter_one(&mut self) {
        if self.typed.pop().is_some() {
            self.refilter();
        }
    }

    fn refilter(&mut self) {
        self.shown = matching(self.labels, &self.typed);
        self.cursor = 0;
        self.top = 0;
    }

    /// The positions in `shown` of the items on screen, given each one's `heights` in lines
    /// and the `room` under the question: the cursor always among them, the first shown
    /// moved no more than needed.
    fn window(&mut self, heights: &[usize], room: usize) -> Vec<usize> {
        if heights.is_empty() {
            return Vec::new();
        }
        self.top = self.top.min(self.cursor);
        while self.top < self.cursor && heights[self.top..=self.cursor].iter().sum::<usize>() > room
        {
            self.top += 1;
        }
        let mut used = 0;
        let mut shown = Vec::new();
        for (at, height) in heights.iter().enumerate().skip(self.top) {
            if used + height > room && !shown.is_empty() {
                break;
            }
            used += height;
            shown.push(at);
        }
        self.page = shown.len();
        shown
    }
}

/// The indices of the `labels` that `typed` matches, best first: those holding it as typed
/// (case, accents and apostrophe styles aside), then those holding each of its words, then
/// those holding its letters in order; in their own order within each. Nothing typed: all.
fn matching(labels: &[String], typed: &str) -> Vec<usize> {
    let typed = name_key(typed);
    if typed.is_empty() {
        return (0..labels.len()).collect();
    }
    let words: Vec<&str> = typed.split(' ').collect();
    let mut ranked: Vec<(u8, usize)> = labels
        .iter()
        .enumerate()
        .filter_map(|(index, label)| {
            let label = name_key(label);
            let rank = if label.contains(&typed) {
                0
            } else if words.iter().all(|word| label.contains(word)) {
                1
            } else if in_order(&label, &typed) {
                2
            } else {
                return None;
            };
            Some((rank, index))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, index)| index).collect()
}

/// Whether the letters of `typed` (spaces aside) appear in `label` in the same order.
fn in_order(label: &str, typed: &str) -> bool {
    let mut letters = label.chars();
    typed
        .chars()
        .filter(|c| *c != ' ')
        .all(|wanted| letters.any(|c| c == wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(all: &[&str]) -> Vec<String> {
        all.iter().map(|label| label.to_string()).collect()
    }

    #[test]
    fn typing_keeps_the_labels_it_matches_the_closest_first() {
        let all = labels(&[
            "(none — a one-to-one outside any network)",
            "BNI Montpellier (co-optation)",
            "Freelances Montpellier (professional)",
            "CPME Hérault (political, left 2024-03-01)",
        ]);
        let cases: [(&str, &[usize]); 8] = [
            // Nothing typed: every label, in its order.
            ("", &[0, 1, 2, 3]),
            ("bni", &[1]),
            // Case, accents and apostrophe styles aside.
            ("HERAULT", &[3]),
            ("cpme hé", &[3]),
            // Held as typed before held word by word, before letters in order.
            ("montpellier", &[1, 2]),
            ("montpellier free", &[2]),
            ("bmp", &[1]),
            ("zz", &[]),
        ];
        for (typed, expected) in cases {
            assert_eq!(matching(&all, typed), expected, "{typed:?}");
        }
        // The whole text held beats the words held apart, whatever the order of the list.
        let all = labels(&["lunch at Sète", "at lunch"]);
        assert_eq!(matching(&all, "at lunch"), [1, 0]);
    }

    #[test]
    fn the_window_keeps_the_cursor_in_view_and_moves_no_more_than_needed() {
        let all = labels(&["a", "b", "c", "d", "e", "f"]);
        let mut list = List::new(&all, Typing::Moves, 0);
        let heights = [1; 6];
        assert_eq!(list.window(&heights, 3), [0, 1, 2]);
        // Down within the window: it stays.
        list.step(1);
        list.step(1);
        assert_eq!(list.window(&heights, 3), [0, 1, 2]);
        // Past its last line: it scrolls by one.
        list.step(1);
        assert_eq!(list.window(&heights, 3), [1, 2, 3]);
        // Back up to the top line shown: it stays; above it: it scrolls back.
        list.step(-1);
        list.step(-1);
        assert_eq!(list.window(&heights, 3), [1, 2, 3]);
        list.step(-1);
        assert_eq!(list.window(&heights, 3), [0, 1, 2]);
        // Up from the first: round to the last, the window at the end.
        list.step(-1);
        assert_eq!(list.current(), Some(5));
        assert_eq!(list.window(&heights, 3), [3, 4, 5]);
        // A page down stops at the end, a page up at the start.
        list.page(1);
        assert_eq!(list.current(), Some(5));
        list.page(-1);
        assert_eq!(list.current(), Some(2));
        list.jump(false);
        assert_eq!(list.window(&heights, 3), [0, 1, 2]);
    }

    #[test]
    fn the_window_counts_the_lines_a_long_label_takes() {
        let all = labels(&["a", "b", "c", "d"]);
        let mut list = List::new(&all, Typing::Moves, 0);
        // `b` wraps onto a second line: three lines hold `a` and `b` only.
        let heights = [1, 2, 1, 1];
        assert_eq!(list.window(&heights, 3), [0, 1]);
        list.step(1);
        list.step(1);
        assert_eq!(list.window(&heights, 3), [1, 2]);
        // A room smaller than the cursor's item still shows it.
        list.jump(false);
        list.step(1);
        assert_eq!(list.window(&heights, 1), [1]);
    }

    #[test]
    fn filtering_puts_the_cursor_on_the_best_match_and_nothing_matched_picks_nothing() {
        let all = labels(&["#2 · video", "#1 · breakfast"]);
        let mut list = List::new(&all, Typing::Filters, 0);
        for c in "break".chars() {
            list.filter_more(c);
        }
        assert_eq!(list.current(), Some(1));
        list.filter_more('q');
        assert_eq!(list.current(), None);
        assert_eq!(list.window(&[], 5), Vec::<usize>::new());
        list.unfilter_one();
        assert_eq!(list.current(), Some(1));
        for _ in 0..5 {
            list.unfilter_one();
        }
        assert_eq!(list.shown, [0, 1]);
    }

    #[test]
    fn a_line_takes_as_many_terminal_lines_as_its_width_needs() {
        assert_eq!(lines_of("", 80), 1);
        assert_eq!(lines_of(&"x".repeat(80), 80), 1);
        assert_eq!(lines_of(&"x".repeat(81), 80), 2);
        // Columns, not bytes: `·` and `é` take one column each.
        assert_eq!(lines_of(&"é·".repeat(40), 80), 1);
        // A wide character that does not fit at the end of a line starts the next one.
        assert_eq!(lines_of("日本", 4), 1);
        assert_eq!(lines_of("a日本", 4), 2);
        assert_eq!(lines_of("日本語", 5), 2);
        // Colours take no column.
        assert_eq!(lines_of("\x1b[32m❯\x1b[0m ab", 4), 1);
    }
}
