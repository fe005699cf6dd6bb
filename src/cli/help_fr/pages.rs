//! The French help's table, `pages.txt`, read: plain text that a translator edits without
//! touching Rust, one page per command (its format is described at the top of the file).

use std::sync::LazyLock;

/// One command's help in French.
#[derive(Debug, Default)]
pub struct Page {
    /// The command as typed after `netjournal`: "" for the top, "log meeting"…
    pub path: String,
    /// What it does.
    pub about: String,
    /// The examples and notes after the options ("" when the English has none).
    pub after_help: String,
    /// Each argument's help by its id (a global option's on the top page only), and each
    /// possible value's that has one by `id=value`.
    pub args: Vec<(String, String)>,
}

/// Every page, read once.
pub static PAGES: LazyLock<Vec<Page>> = LazyLock::new(|| read(include_str!("pages.txt")).0);

/// The pages of `text`, and the lines that are none of the forms the format knows (a test
/// keeps them at none; at run time they are passed over, and the texts they held are missing,
/// which the completeness test names too).
pub fn read(text: &str) -> (Vec<Page>, Vec<String>) {
    let mut pages: Vec<Page> = Vec::new();
    let mut unknown = Vec::new();
    let mut in_after_help = false;
    for line in text.lines() {
        if let Some(path) = line
            .strip_prefix("[netjournal")
            .and_then(|rest| rest.strip_suffix(']'))
        {
            pages.push(Page {
                path: path.trim().to_string(),
                ..Page::default()
            });
            in_after_help = false;
            continue;
        }
        let Some(page) = pages.last_mut() else {
            if !line.is_empty() && !line.starts_with('#') {
                unknown.push(line.to_string());
            }
            continue;
        };
        if in_after_help {
            page.after_help.push_str(line);
            page.after_help.push('\n');
        } else if line == "after_help:" {
            in_after_help = true;
        } else if line.is_empty() || line.starts_with('#') {
        } else if let Some((key, text)) = line.split_once(" = ") {
            let text = text.replace("\\n", "\n");
            match key {
                "about" => page.about = text,
                _ => page.args.push((key.to_string(), text)),
            }
        } else {
            unknown.push(line.to_string());
        }
    }
    for page in &mut pages {
        page.after_help.truncate(page.after_help.trim_end().len());
    }
    (pages, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_only_lines_of_the_format() {
        let (pages, unknown) = read(include_str!("pages.txt"));
        assert!(unknown.is_empty(), "lines of no known form: {unknown:#?}");
        let mut paths: Vec<&str> = pages.iter().map(|page| page.path.as_str()).collect();
        paths.sort_unstable();
        let count = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), count, "a command with two pages");
    }

    #[test]
    fn a_page_is_read_whole() {
        let text = "# a comment\n[netjournal]\nabout = Le haut\n\n[netjournal log meeting]\n\
                    about = Une réunion\nnetwork = Le réseau\nformat=table = Un tableau\n\
                    rating = Une note\\nsur 5\nstray line\nafter_help:\nExemple :\n  netjournal log \
                    meeting\n\n# kept\n\n";
        let (pages, unknown) = read(text);
        assert_eq!(unknown, ["stray line"]);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            (pages[0].path.as_str(), pages[0].about.as_str()),
            ("", "Le haut")
        );
        let meeting = &pages[1];
        assert_eq!(meeting.path, "log meeting");
        assert_eq!(meeting.about, "Une réunion");
        assert_eq!(
            meeting.args,
            [
                ("network".to_string(), "Le réseau".to_string()),
                ("format=table".to_string(), "Un tableau".to_string()),
                ("rating".to_string(), "Une note\nsur 5".to_string()),
            ]
        );
        assert_eq!(
            meeting.after_help,
            "Exemple :\n  netjournal log meeting\n\n# kept"
        );
    }
}
