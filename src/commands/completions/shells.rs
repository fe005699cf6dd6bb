//! The scripts each shell is given, and how the program answers them.
//!
//! clap_complete's own scripts pass the words of the command line as the shell holds them:
//! still quoted, in bash and fish, and in zsh for a word with an open quote. A name with a
//! space or an accent typed as `"Les Ma`, `'Les M` or `Les\ Ma` then matched nothing, and
//! bash inserted `Les Matinales du Lez` unquoted, as three words. These adapters hand the
//! program the words unquoted (zsh and fish unquote them themselves; bash's line is read
//! here, see [`words`]) and, for bash, which quotes the completed word is in, so that a name
//! goes back into the line quoted as the user began it (zsh and fish quote what they insert).
//! The rest (parsing, candidates, zsh's and fish's answers) is clap_complete's.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

use clap_complete::env::{EnvCompleter, Fish, Zsh};

type Answer =
    fn(&mut clap::Command, Vec<OsString>, Option<&Path>, &mut dyn Write) -> std::io::Result<()>;

/// A shell's script, and how the program answers it.
#[derive(Debug, Clone, Copy)]
pub struct Adapter {
    name: &'static str,
    /// With `@VAR@`, `@COMPLETER@` and `@BIN@` to replace.
    script: &'static str,
    /// How the program's path and the command's name are quoted in the script.
    quote: fn(&str) -> String,
    answer: Answer,
}

impl EnvCompleter for Adapter {
    fn name(&self) -> &'static str {
        self.name
    }

    fn is(&self, name: &str) -> bool {
        name == self.name
    }

    fn write_registration(
        &self,
        var: &str,
        _name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let script = self
            .script
            .replace("@COMPLETER@", &(self.quote)(completer))
            .replace("@BIN@", &(self.quote)(bin))
            .replace("@VAR@", var);
        buf.write_all(script.as_bytes())
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        (self.answer)(cmd, args, current_dir, buf)
    }
}

/// bash: the line up to the cursor is read here (see [`words`]), not bash's `COMP_WORDS`,
/// which keep quotes and cut `--db=x` in three. mapfile: one candidate a line (names hold no
/// line break), never split on spaces nor expanded as a pattern. `$2` is the text bash will
/// replace: after a `=` or a `:`, and inside an open quote.
pub const BASH: Adapter = Adapter {
    name: "bash",
    script: r#"# netjournal's completion for bash (4 or newer): made by `netjournal completions bash`.
_netjournal() {
    local -a candidates
    mapfile -t candidates < <(_NETJOURNAL_REPLACED="$2" @VAR@=bash @COMPLETER@ -- "${COMP_LINE:0:COMP_POINT}" 2>/dev/null)
    COMPREPLY=("${candidates[@]}")
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=/] ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}
complete -F _netjournal @BIN@
"#,
    quote: sh_quote,
    answer: bash_answer,
};

/// zsh: the words before the cursor unquoted by zsh (`${(Q)…}`), and the word being
/// completed as zsh's `$PREFIX`: unquoted already inside an open quote, else unquoted too.
/// `-U`: the names are matched by the program as the journal matches them (`elo` offers
/// `Éloïse`), not by zsh's prefix. Installed in fpath, the file is the body of `_netjournal`.
pub const ZSH: Adapter = Adapter {
    name: "zsh",
    script: r#"#compdef @BIN@
# netjournal's completion for zsh: made by `netjournal completions zsh`.
_netjournal() {
    local current=$PREFIX
    [[ -z $compstate[quote] ]] && current=${(Q)PREFIX}
    local -a completions=("${(@f)$( \
        _CLAP_IFS=$'\n' \
        _CLAP_COMPLETE_INDEX=$(( CURRENT - 1 )) \
        @VAR@=zsh \
        @COMPLETER@ -- "${(Q)words[@]:0:$CURRENT-1}" "$current" 2>/dev/null \
    )}")
    local -a dirs=() other=()
    local completion value
    for completion in $completions; do
        value=${completion%%:*}
        if [[ $value == */ ]]; then
            dirs+=("${value%/}${completion#$value}")
        elif [[ -n $completion ]]; then
            other+=("$completion")
        fi
    done
    [[ -n $dirs ]] && _describe -V values dirs -S / -r /
    [[ -n $other ]] && _describe -V values other -U
}
if [[ $funcstack[1] == _netjournal ]]; then
    _netjournal "$@"
else
    compdef _netjournal @BIN@
fi
"#,
    quote: sh_quote,
    answer: |cmd, args, dir, buf| Zsh.write_complete(cmd, args, dir, buf),
};

/// fish: the word being completed unquoted by fish (`string unescape`), as the words before
/// it are (`--tokenize`).
pub const FISH: Adapter = Adapter {
    name: "fish",
    script: r#"# netjournal's completion for fish: made by `netjournal completions fish`.
function __netjournal_complete
    set -l current (commandline --current-token | string unescape)
    @VAR@=fish @COMPLETER@ -- (commandline --current-process --tokenize --cut-at-cursor) "$current" 2>/dev/null
end
complete --keep-order --exclusive --command @BIN@ --arguments '(__netjournal_complete)'
"#,
    quote: fish_quote,
    answer: |cmd, args, dir, buf| Fish.write_complete(cmd, args, dir, buf),
};

/// Answers bash's script: the candidates for the last word of the line, quoted as that word
/// was begun, one a line, without what bash keeps of the word.
fn bash_answer(
    cmd: &mut clap::Command,
    args: Vec<OsString>,
    current_dir: Option<&Path>,
    buf: &mut dyn Write,
) -> std::io::Result<()> {
    let mut words = line_words(&args);
    let current = words.pop().unwrap_or_default();
    // Bash replaces only the end of the word: what follows its last `=` or `:`. Asked
    // without saying (by hand), the whole word is replaced.
    let kept = match std::env::var("_NETJOURNAL_REPLACED") {
        Ok(replaced) => current
            .text
            .strip_suffix(words_text(&replaced).as_str())
            .unwrap_or_default()
            .to_string(),
        Err(_) => String::new(),
    };
    let mut all: Vec<OsString> = words.into_iter().map(|word| word.text.into()).collect();
    all.push(current.text.into());
    let index = all.len() - 1;
    let candidates = clap_complete::engine::complete(cmd, all, index, current_dir)?;
    for candidate in candidates {
        let value = candidate.get_value().to_string_lossy();
        if let Some(rest) = value.strip_prefix(kept.as_str()) {
            writeln!(buf, "{}", current.quote.quoted(rest))?;
        }
    }
    Ok(())
}

/// `text` as one word for bash or zsh: as it is when nothing in it is special, else in single
/// quotes.
fn sh_quote(text: &str) -> String {
    if !text.is_empty() && text.chars().all(is_plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `text` as one word for fish, in single quotes, where only `\` and `'` are escaped.
fn fish_quote(text: &str) -> String {
    if !text.is_empty() && text.chars().all(is_plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\\', r"\\").replace('\'', r"\'"))
    }
}

/// A character no shell reads as anything but itself, anywhere in a word.
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '+' | '@' | '%' | ',')
}

/// The quotes a word was begun in, and left open at the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quote {
    #[default]
    None,
    Single,
    Double,
}

impl Quote {
    /// `text` as bash must receive it to insert it after a word begun in these quotes: bash
    /// closes an open quote itself, and inserts anything else as it is given.
    pub fn quoted(self, text: &str) -> String {
        match self {
            Quote::Single => text.replace('\'', r"'\''"),
            Quote::Double => text.chars().fold(String::new(), |mut out, c| {
                if matches!(c, '"' | '\\' | '$' | '`') {
                    out.push('\\');
                }
                out.push(c);
                out
            }),
            Quote::None => text.chars().fold(String::new(), |mut out, c| {
                if c.is_ascii() && !is_plain(c) {
                    out.push('\\');
                }
                out.push(c);
                out
            }),
        }
    }
}

/// A word of a shell command line, unquoted, with the quote left open at its end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub text: String,
    pub quote: Quote,
}

/// The words of a bash command line cut at the cursor, unquoted as bash will when it runs the
/// command: backslashes, single and double quotes, the last one possibly left open. After a
/// space, the word being completed is an empty one. Expansions are left as typed.
pub fn words(line: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut word: Option<Word> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let quote = word.as_ref().map_or(Quote::None, |w| w.quote);
        match (quote, c) {
            (Quote::None, ' ' | '\t' | '\n') => words.extend(word.take()),
            (Quote::None, '\'') => word.get_or_insert_default().quote = Quote::Single,
            (Quote::None, '"') => word.get_or_insert_default().quote = Quote::Double,
            (Quote::Single, '\'') | (Quote::Double, '"') => {
                word.get_or_insert_default().quote = Quote::None;
            }
            (Quote::None, '\\') => {
                let word = word.get_or_insert_default();
                word.text.extend(chars.next());
            }
            (Quote::Double, '\\') => {
                let word = word.get_or_insert_default();
                match chars.next() {
                    Some(next @ ('"' | '\\' | '$' | '`')) => word.text.push(next),
                    Some(next) => {
                        word.text.push('\\');
                        word.text.push(next);
                    }
                    None => word.text.push('\\'),
                }
            }
            (_, c) => word.get_or_insert_default().text.push(c),
        }
    }
    words.push(word.unwrap_or_default());
    words
}

/// The words of the line the bash script passes as its one argument.
pub fn line_words(args: &[OsString]) -> Vec<Word> {
    let line = args.first().map(|line| line.to_string_lossy());
    words(line.as_deref().unwrap_or_default())
}

/// The text of `replaced` (bash's `$2`: quotes already removed, backslashes not) unquoted.
fn words_text(replaced: &str) -> String {
    words(replaced)
        .into_iter()
        .map(|word| word.text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, quote: Quote) -> Word {
        Word {
            text: text.to_string(),
            quote,
        }
    }

    #[test]
    fn a_bash_line_is_read_into_unquoted_words() {
        use Quote::*;
        let cases: &[(&str, &[Word])] = &[
            ("netjournal", &[word("netjournal", None)]),
            ("netjournal ", &[word("netjournal", None), word("", None)]),
            (
                r"nj show network Les\ Ma",
                &[
                    word("nj", None),
                    word("show", None),
                    word("network", None),
                    word("Les Ma", None),
                ],
            ),
            (r#"nj "Les Ma"#, &[word("nj", None), word("Les Ma", Double)]),
            ("nj 'Les M", &[word("nj", None), word("Les M", Single)]),
            (
                r#"nj "a b"c'd' e"#,
                &[word("nj", None), word("a bcd", None), word("e", None)],
            ),
            (
                r"nj 'Paul O'\''N",
                &[word("nj", None), word("Paul O'N", Single)],
            ),
            (
                r#"nj "Zo\"é \x"#,
                &[word("nj", None), word(r#"Zo"é \x"#, Double)],
            ),
            (
                "nj --db=\"my j.db\" x",
                &[
                    word("nj", None),
                    word("--db=my j.db", None),
                    word("x", None),
                ],
            ),
            (
                "nj  --db  ~/j.db ",
                &[
                    word("nj", None),
                    word("--db", None),
                    word("~/j.db", None),
                    word("", None),
                ],
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(&words(line), expected, "{line}");
        }
    }

    #[test]
    fn a_name_goes_back_quoted_as_it_was_begun() {
        use Quote::*;
        let cases = [
            (None, "Les Matinales du Lez", r"Les\ Matinales\ du\ Lez"),
            (None, "Éloïse Martin", r"Éloïse\ Martin"),
            (None, "Paul O'Neil (BNI)", r"Paul\ O\'Neil\ \(BNI\)"),
            (None, "a&b;c|$d`e*", r"a\&b\;c\|\$d\`e\*"),
            (None, "--format", "--format"),
            (Double, r#"Zoé "Zaza" $x\"#, r#"Zoé \"Zaza\" \$x\\"#),
            (Single, "Paul O'Neil", r"Paul O'\''Neil"),
        ];
        for (quote, name, expected) in cases {
            assert_eq!(quote.quoted(name), expected, "{name} in {quote:?}");
        }
    }
}
