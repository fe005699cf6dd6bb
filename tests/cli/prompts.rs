//! The questions asked on a terminal: each test runs netjournal in a pseudo-terminal (rexpect),
//! answers as a person would — typing, arrow keys, Tab, Enter, Ctrl-C — then checks what the
//! journal holds. Without a terminal nothing is asked: see `bad_input.rs`. The pickers are
//! also run on terminals of a fixed size, whose screen is read back (vt100) to see what a
//! person would see.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use serde_json::json;

use crate::common::{TODAY, TestEnv, YESTERDAY};

const DOWN: &str = "\x1b[B";
const TAB: &str = "\t";
const ESCAPE: &str = "\x1b";
const BACKSPACE: &str = "\x7f";

/// A journal with two active networks, one left, and one contact.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "BNI Montpellier" --kind co-optation --joined 2024-01-10
        add network "Freelances Montpellier" --kind professional --joined 2024-04-02
        add network "CPME Hérault" --kind political --joined 2023-11
        leave network "CPME Hérault" --date 2024-03-01 --reason "my name on press releases"
        add contact "Paul Martin" --profession plumber
        "#,
    );
    env
}

/// netjournal running in a pseudo-terminal, driven like a person at the keyboard. Every wait
/// fails the test with what the program printed so far.
struct Terminal {
    session: PtySession,
    line: String,
    /// The screen, for a terminal of a known size: everything printed is drawn on it.
    screen: Option<vt100::Parser>,
}

impl Terminal {
    /// Starts `netjournal --db JOURNAL ARGS…` on a terminal of its own.
    fn start(env: &TestEnv, args: &[&str]) -> Terminal {
        Terminal::spawn(env.spawnable(args), args, None)
    }

    /// Starts `netjournal --db JOURNAL ARGS…` on a terminal `rows` high and `cols` wide, its
    /// screen kept (see [`Terminal::screen`]).
    fn sized(env: &TestEnv, args: &[&str], rows: u16, cols: u16) -> Terminal {
        // The size is set on the terminal (by stty, from a shell that then becomes
        // netjournal) before netjournal starts, as a terminal emulator sets it.
        let netjournal = env.spawnable(args);
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "stty rows {rows} cols {cols} && exec \"$0\" \"$@\""
            ))
            .arg(netjournal.get_program())
            .args(netjournal.get_args())
            .env_clear()
            .envs(
                netjournal
                    .get_envs()
                    .filter_map(|(name, value)| Some((name, value?))),
            )
            .current_dir(netjournal.get_current_dir().expect("a directory"));
        let screen = vt100::Parser::new(
            rows.try_into().expect("rows"),
            cols.try_into().expect("columns"),
            0,
        );
        Terminal::spawn(command, args, Some(screen))
    }

    fn spawn(mut command: Command, args: &[&str], screen: Option<vt100::Parser>) -> Terminal {
        // The pseudo-terminal is stdin, stdout and stderr; a dumb one draws without colour.
        command
            .stdin(Stdio::inherit())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .env("TERM", "dumb");
        let session = spawn_command(command, Some(10_000)).expect("start netjournal in a pty");
        Terminal {
            session,
            line: format!("netjournal {}", args.join(" ")),
            screen,
        }
    }

    /// Draws what was read (one character per byte, see `expect`) on the screen, if kept.
    fn draw(&mut self, read: &str) {
        if let Some(screen) = &mut self.screen {
            let bytes: Vec<u8> = read.chars().map(|c| c as u8).collect();
            screen.process(&bytes);
        }
    }

    /// Waits until the program has printed `text`.
    #[track_caller]
    fn expect(&mut self, text: &str) -> &mut Terminal {
        // rexpect reads the terminal byte by byte, each byte taken for a character.
        let as_read: String = text.bytes().map(char::from).collect();
        match self.session.exp_string(&as_read) {
            Ok(before) => {
                self.draw(&before);
                self.draw(&as_read);
            }
            Err(error) => panic!("`{}`: waited for {text:?}: {error}", self.line),
        }
        self
    }

    /// Reads what the program prints until it has printed nothing for a while: the screen is
    /// then the one a person sees.
    fn settle(&mut self) -> &mut Terminal {
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < Duration::from_millis(300) {
            match self.session.try_read() {
                Some(c) => {
                    self.draw(&c.to_string());
                    quiet_since = Instant::now();
                }
                None => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        self
    }

    /// The rows of the screen, as a person reads them, once the program has settled.
    fn screen(&mut self) -> Vec<String> {
        self.settle();
        let screen = self
            .screen
            .as_ref()
            .expect("a terminal of a known size")
            .screen();
        let (_, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .map(|row| row.trim_end().to_string())
            .collect()
    }

    /// Types `keys` (letters, arrow keys, Tab) without Enter.
    #[track_caller]
    fn keys(&mut self, keys: &str) -> &mut Terminal {
        self.session.send(keys).expect("type on the terminal");
        self.session.flush().expect("type on the terminal");
        self
    }

    /// Types `text` then Enter.
    #[track_caller]
    fn answer(&mut self, text: &str) -> &mut Terminal {
        self.keys(text).keys("\r")
    }

    /// Waits for `question`, then answers `text`.
    #[track_caller]
    fn ask(&mut self, question: &str, text: &str) -> &mut Terminal {
        self.expect(question).answer(text)
    }

    /// Waits for the program to end with `code`; returns what it printed since the last wait.
    #[track_caller]
    fn ends_with(&mut self, code: i32) -> String {
        let rest = match self.session.exp_eof() {
            // Back from one character per byte (see `expect`) to UTF-8.
            Ok(rest) => {
                self.draw(&rest);
                String::from_utf8_lossy(&rest.chars().map(|c| c as u8).collect::<Vec<u8>>())
                    .into_owned()
            }
            Err(error) => panic!("`{}`: waited for the end: {error}", self.line),
        };
        match self.session.process().wait() {
            Ok(WaitStatus::Exited(_, got)) if got == code => rest,
            other => panic!(
                "`{}`: expected exit {code}, got {other:?}; it printed:\n{rest}",
                self.line
            ),
        }
    }
}

#[test]
fn log_meeting_alone_walks_through_a_whole_meeting() {
    let env = journal();
    let mut term = Terminal::start(&env, &["log", "meeting"]);
    // The active networks are offered after "none"; typing filters them.
    term.expect("Which network was it?")
        .expect("(none — a one-to-one outside any network)")
        .expect("BNI Montpellier (co-optation)")
        .expect("Freelances Montpellier (professional)")
        .answer("bni");
    // Today is the default date: Enter takes it.
    term.expect("When was it?").expect(TODAY).answer("");
    // The formats are listed in order: one step down is `lunch`.
    term.expect("What kind of meeting was it?")
        .expect("breakfast");
    term.keys(DOWN).answer("");
    // Tab completes a known name; an unknown one becomes a new contact.
    term.expect("Whom did you meet?")
        .keys("pa")
        .keys(TAB)
        .expect("Paul Martin")
        .answer(", Sophie Durand");
    // Every figure is optional: an empty answer skips it.
    for question in [
        "When did it start (7:30, 7h30)?",
        "How many minutes did it last?",
        "Minutes spent getting there and back?",
        "What did it cost you?",
        "How worthwhile was it, from 1 to 5?",
        "Notes?",
    ] {
        term.ask(question, "");
    }
    term.expect(&format!(
        "Logged meeting #1: lunch at BNI Montpellier on {TODAY}."
    ))
    .expect("Added contact `Sophie Durand`, met through BNI Montpellier.");
    term.ends_with(0);

    let mut meetings = env.list_json("meetings", &[]);
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    meetings[0]["uuid"].take();
    assert_eq!(
        meetings[0],
        json!({
            "id": 1,
            "uuid": null,
            "date": TODAY,
            "start_time": null,
            "network": "BNI Montpellier",
            "format": "lunch",
            "in_person": true,
            "minutes": null,
            "travel_minutes": null,
            "cost_cents": null,
            "rating": null,
            "notes": null,
            "contacts": ["Paul Martin", "Sophie Durand"],
        })
    );
    assert_eq!(env.list_json("contacts", &[]).len(), 2);
}

#[test]
fn bad_answers_are_asked_again_and_figures_are_kept() {
    let env = journal();
    let mut term = Terminal::start(&env, &["log", "meeting"]);
    // The first entry: a one-to-one outside any network.
    term.ask("Which network was it?", "");
    term.ask("When was it?", "31/02/2024")
        .expect("is not a day of the calendar")
        .ask("When was it?", "yesterday");
    term.ask("What kind of meeting was it?", "");
    term.ask("Whom did you meet?", "paul martin");
    term.ask("When did it start (7:30, 7h30)?", "7h3")
        .expect("is not a time of day")
        .ask("When did it start (7:30, 7h30)?", "7h30");
    term.ask("How many minutes did it last?", "1h30");
    term.ask("Minutes spent getting there and back?", "forty")
        .expect("is not a duration")
        .ask("Minutes spent getting there and back?", "40");
    term.ask("What did it cost you?", "14,50");
    term.ask("How worthwhile was it, from 1 to 5?", "9")
        .expect("from 1 to 5")
        .ask("How worthwhile was it, from 1 to 5?", "4");
    term.ask("Notes?", "a real talk");
    term.expect(&format!("Logged meeting #1: breakfast on {YESTERDAY}."));
    term.ends_with(0);

    let meeting = &env.list_json("meetings", &[])[0];
    assert_eq!(meeting["network"], json!(null));
    assert_eq!(meeting["date"], YESTERDAY);
    assert_eq!(meeting["format"], "breakfast");
    assert_eq!(meeting["start_time"], "07:30");
    assert_eq!(meeting["minutes"], 90);
    assert_eq!(meeting["travel_minutes"], 40);
    assert_eq!(meeting["cost_cents"], 1450);
    assert_eq!(meeting["rating"], 4);
    assert_eq!(meeting["notes"], "a real talk");
    // The name typed in another case is the known contact, not a new one.
    assert_eq!(meeting["contacts"], json!(["Paul Martin"]));
    assert_eq!(env.list_json("contacts", &[]).len(), 1);
}

#[test]
fn ctrl_c_ends_cleanly_and_records_nothing() {
    let env = journal();
    let bytes = env.bytes();
    let dump = env.dump();
    // In a list (the cursor hidden) and in a line being typed.
    for answers in [&[][..], &["", ""][..]] {
        let mut term = Terminal::start(&env, &["log", "meeting"]);
        let questions = [
            "Which network was it?",
            "When was it?",
            "What kind of meeting was it?",
        ];
        for (question, answer) in questions.iter().zip(answers) {
            term.ask(question, answer);
        }
        term.expect(questions[answers.len()]);
        term.session.send_control('c').expect("press Ctrl-C");
        let rest = term.ends_with(2);
        assert!(
            rest.contains("error: interrupted: nothing was changed"),
            "{rest}"
        );
        assert!(!rest.contains("panicked"), "{rest}");
    }
    assert_eq!(env.bytes(), bytes, "the journal changed");
    assert_eq!(env.dump(), dump, "the journal's rows changed");
}

#[test]
fn a_command_given_in_full_asks_nothing() {
    let env = journal();
    let mut term = Terminal::start(
        &env,
        &[
            "log",
            "meeting",
            "--format",
            "phone",
            "--network",
            "Freelances Montpellier",
        ],
    );
    let printed = term.ends_with(0);
    assert!(
        printed.contains(&format!(
            "Logged meeting #1: phone at Freelances Montpellier on {TODAY}."
        )),
        "{printed}"
    );
    assert!(!printed.contains('?'), "a question was asked:\n{printed}");
}

#[test]
fn no_input_asks_nothing_even_on_a_terminal() {
    let env = journal();
    let dump = env.dump();
    let mut term = Terminal::start(&env, &["--no-input", "log", "meeting"]);
    let printed = term.ends_with(2);
    assert!(printed.contains("error: missing --format"), "{printed}");
    assert!(printed.contains("--no-input"), "{printed}");
    assert!(!printed.contains('?'), "a question was asked:\n{printed}");
    assert_eq!(env.dump(), dump);
}

#[test]
fn add_network_asks_again_for_a_taken_name_and_the_fee_period() {
    let env = journal();
    let mut term = Terminal::start(&env, &["add", "network"]);
    term.ask("The network's name?", "bni montpellier")
        .expect("a network named `BNI Montpellier` is already in the journal")
        .ask("The network's name?", "Femmes Entrepreneures 34");
    // gender-based is the first kind.
    term.ask("What kind of network is it?", "");
    term.ask("When did you join?", "2023-09");
    term.ask("How did you find it, or who invited you?", "Anne, a client");
    term.ask("Its membership fee?", "15");
    term.expect("How often is it paid?").keys(DOWN).answer("");
    term.ask("Its rules", "");
    term.ask("Anything else worth remembering?", "");
    term.expect(
        "Added network #4 `Femmes Entrepreneures 34` (gender-based), joined on 2023-09-01.",
    );
    term.ends_with(0);

    let network = env.row_named("networks", "Femmes Entrepreneures 34");
    assert_eq!(network["kind"], "gender-based");
    assert_eq!(network["invited_by"], "Anne, a client");
    assert_eq!(network["fee_cents"], 1500);
    assert_eq!(network["fee_period"], "month");
    assert_eq!(network["rules"], json!(null));
}

#[test]
fn log_referral_offers_known_contacts_and_asks_the_value_of_business_won() {
    let env = journal();
    let mut term = Terminal::start(&env, &["log", "referral"]);
    term.ask("Did you receive it or give it?", "");
    // The person first: where they were met may tell the network. Paul was met nowhere.
    // A typo: asked about, the contact it is close to first.
    term.ask("Who referred you, or whom did you refer?", "Paul Matin");
    term.expect("No contact named `Paul Matin` yet. Did you mean")
        .answer("");
    term.ask("Which network did it come through?", "bni");
    term.ask("When?", "2024-06-01");
    // open, won, lost.
    term.expect("What came of it?").keys(DOWN).answer("");
    term.ask("The business won", "3 200 €");
    term.ask("What is it about?", "a website for his brother-in-law");
    term.expect("Logged referral #1: received, won, on 2024-06-01.");
    term.ends_with(0);

    let referral = &env.list_json("referrals", &[])[0];
    assert_eq!(referral["network"], "BNI Montpellier");
    assert_eq!(referral["contact"], "Paul Martin");
    assert_eq!(referral["status"], "won");
    assert_eq!(referral["value_cents"], 320_000);
}

#[test]
fn log_referral_takes_the_network_a_contact_was_met_through_without_asking() {
    let env = journal();
    env.replay(r#"add contact "Zoé Durand" --network "Freelances Montpellier""#);
    let mut term = Terminal::start(&env, &["log", "referral"]);
    term.ask("Did you receive it or give it?", "");
    term.ask("Who referred you, or whom did you refer?", "zoé durand");
    // No network question: hers is known.
    term.ask("When?", "");
    term.expect("What came of it?").answer("");
    term.ask("What is it about?", "");
    let printed = term.ends_with(0);
    assert!(
        printed.contains("Recorded under Freelances Montpellier, where Zoé Durand was met."),
        "{printed}"
    );
    assert!(!printed.contains("Which network"), "{printed}");
    assert_eq!(
        env.list_json("referrals", &[])[0]["network"],
        "Freelances Montpellier"
    );
}

#[test]
fn log_referral_asks_which_network_when_the_contact_was_met_in_several() {
    let env = journal();
    env.replay(
        r#"
        log meeting --network "BNI Montpellier" --date 2024-05-02 --format breakfast --met "Paul Martin"
        log meeting --network "Freelances Montpellier" --date 2024-05-03 --format lunch --met "Paul Martin"
        "#,
    );
    // Asked on a terminal even of a command typed in full: the networks, then none.
    let mut term = Terminal::start(
        &env,
        &["log", "referral", "--received", "--contact", "Paul Martin"],
    );
    term.expect("Paul Martin was met in several networks: which one did it come through?")
        .expect("BNI Montpellier")
        .expect("Freelances Montpellier")
        .expect("(none — it came outside any network)");
    term.keys(DOWN).answer("");
    term.expect(&format!("Logged referral #1: received, open, on {TODAY}."));
    term.ends_with(0);
    // The last entry: outside any network.
    let mut term = Terminal::start(
        &env,
        &[
            "--lang",
            "fr",
            "log",
            "referral",
            "--given",
            "--contact",
            "paul martin",
        ],
    );
    term.expect(
        "Vous avez rencontré Paul Martin dans plusieurs réseaux : par lequel est-elle venue ?",
    )
    .expect("(aucun — elle est venue hors de tout réseau)");
    term.keys(DOWN).keys(DOWN).answer("");
    term.ends_with(0);
    let networks: Vec<_> = env
        .list_json("referrals", &[])
        .iter()
        .map(|r| r["network"].clone())
        .collect();
    assert_eq!(networks, [json!("Freelances Montpellier"), json!(null)]);
}

#[test]
fn note_asks_how_serious_a_concern_is() {
    let env = journal();
    let mut term = Terminal::start(&env, &["note"]);
    term.ask("The note?", "Lunches start half an hour late");
    // nothing in particular.
    term.expect("What is it about?")
        .keys(DOWN)
        .keys(DOWN)
        .keys(DOWN)
        .answer("");
    term.expect("Is it a concern, a red flag?").answer("y");
    // Serious first; one step down is minor.
    term.expect("How serious is it?")
        .expect("serious — a red flag")
        .expect("minor — worth noting");
    term.keys(DOWN).answer("");
    term.ask("When did it happen?", "");
    term.expect("Added minor concern #1.");
    term.ends_with(0);
    assert_eq!(env.list_json("notes", &[])[0]["severity"], "minor");
}

#[test]
fn leave_and_show_pick_the_network_from_a_list() {
    let env = journal();
    // Only the active networks can be left.
    let mut term = Terminal::start(&env, &["leave", "network"]);
    term.expect("Which network did you leave?")
        .expect("Freelances Montpellier (professional)")
        .answer("free");
    term.ask("When did you leave?", "");
    term.ask("Why did you leave, in a few words?", "too far");
    let printed = term.ends_with(0);
    assert!(
        printed.contains(&format!(
            "Left network `Freelances Montpellier` on {TODAY}."
        )),
        "{printed}"
    );
    assert!(
        !printed.contains("CPME"),
        "a network already left was offered:\n{printed}"
    );

    // Every network can be shown, those left marked so.
    let mut term = Terminal::start(&env, &["show", "network"]);
    term.expect("Which network?")
        .expect("CPME Hérault (political, left 2024-03-01)")
        .answer("cpme");
    let printed = term.ends_with(0);
    assert!(printed.contains("exit reason"), "{printed}");
}

#[test]
fn note_alone_asks_what_it_is_about() {
    let env = journal();
    let mut term = Terminal::start(&env, &["note"]);
    term.ask("The note?", "Knows every architect in town");
    // a network, a contact, a meeting, nothing in particular.
    term.expect("What is it about?").keys(DOWN).answer("");
    term.expect("Who?")
        .keys("Pa")
        .keys(TAB)
        .expect("Paul Martin")
        .answer("");
    term.expect("Is it a concern, a red flag?").answer("");
    term.ask("When did it happen?", "");
    term.expect("Added note #1 on contact Paul Martin.");
    term.ends_with(0);
}

#[test]
fn rm_without_a_name_picks_from_a_list_then_asks_to_confirm() {
    let env = journal();
    env.replay(r#"add contact "Zoé Durand" --profession accountant"#);
    let mut term = Terminal::start(&env, &["rm", "network"]);
    term.expect("Which network?")
        .expect("CPME Hérault (political, left 2024-03-01)")
        .answer("cpme");
    term.expect("Remove network `CPME Hérault`").answer("y");
    let printed = term.ends_with(0);
    assert!(
        printed.contains("Removed network `CPME Hérault`"),
        "{printed}"
    );
    let names: Vec<_> = env
        .list_json("networks", &[])
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["BNI Montpellier", "Freelances Montpellier"]);

    let mut term = Terminal::start(&env, &["rm", "contact"]);
    term.expect("Which contact?")
        .expect("Paul Martin")
        .expect("Zoé Durand")
        .answer("zoé");
    // Answered no: nothing goes.
    term.expect("Remove contact `Zoé Durand`").answer("n");
    let printed = term.ends_with(0);
    assert!(printed.contains("Nothing removed."), "{printed}");
    assert_eq!(env.list_json("contacts", &[]).len(), 2);

    // Without a terminal the name is still required.
    env.run(["rm", "contact"])
        .bad_input()
        .stderr_contains("NAME");
}

#[test]
fn a_question_longer_than_the_terminal_is_replaced_whole_by_its_answer() {
    let env = journal();
    env.replay(
        r#"add network "Les Matinales d'Affaires du Grand Montpellier Métropole" --kind co-optation --joined 2024-01-10
        log meeting --network "Les Matinales d'Affaires du Grand Montpellier Métropole" --date 2024-02-01 --format breakfast --met "Paul Martin""#,
    );
    let name = "Les Matinales d'Affaires du Grand Montpellier Métropole";
    let mut term = Terminal::sized(&env, &["rm", "network", name], 24, 80);
    term.expect("Remove network");
    let asked = term.screen();
    let question = asked
        .iter()
        .position(|row| row.starts_with("? Remove"))
        .unwrap();
    assert!(
        asked[question + 1].contains("meeting? (y/n)"),
        "the question takes two lines: {}",
        asked.join("\n")
    );
    term.answer("n");
    term.expect("Nothing removed.");
    let answered = term.screen();
    assert!(
        !answered.iter().any(|row| row.starts_with("? Remove")),
        "a line of the question is left above its answer:\n{}",
        answered.join("\n")
    );
    assert!(
        answered
            .iter()
            .any(|row| row.starts_with("✔ Remove network")),
        "{}",
        answered.join("\n")
    );
    term.ends_with(0);
    assert_eq!(env.list_json("networks", &[]).len(), 4);
}

#[test]
fn rm_and_edit_without_a_number_pick_the_row_from_a_list() {
    let env = journal();
    env.replay(
        r#"
        log meeting --network "BNI Montpellier" --date 2024-05-02 --format breakfast --met "Paul Martin"
        log meeting --network "Freelances Montpellier" --date 2024-06-01 --format video
        log referral --received --contact "Paul Martin" --date 2024-05-10 --notes "a bakery's website"
        note "Knows every winemaker in the valley" --contact "Paul Martin"
        "#,
    );
    // The most recent first; typed words narrow the list.
    let mut term = Terminal::start(&env, &["rm", "meeting"]);
    term.expect("Which meeting?")
        .expect("#2 · 2024-06-01 · video · Freelances Montpellier")
        .expect("#1 · 2024-05-02 · breakfast · BNI Montpellier · Paul Martin")
        .answer("breakfast");
    term.expect("Remove meeting #1").answer("n");
    let printed = term.ends_with(0);
    assert!(printed.contains("Nothing removed."), "{printed}");

    let mut term = Terminal::start(
        &env,
        &["edit", "referral", "--status", "won", "--value", "900"],
    );
    term.expect("Which referral?")
        // Paul was met at BNI only: the referral was recorded under it.
        .expect("#1 · 2024-05-10 · received · Paul Martin · BNI Montpellier · open · “a bakery's website”")
        .answer("");
    let printed = term.ends_with(0);
    assert!(printed.contains("Updated referral #1"), "{printed}");

    let mut term = Terminal::start(&env, &["edit", "network", "--rules", "one per trade"]);
    term.expect("Which network?").answer("bni");
    let printed = term.ends_with(0);
    assert!(
        printed.contains("Updated network #1 `BNI Montpellier`"),
        "{printed}"
    );

    let mut term = Terminal::start(&env, &["edit", "note", "--concern"]);
    term.expect("Which note?")
        .expect("#1 · 2024-06-15 · Paul Martin · “Knows every winemaker in the valley”")
        .answer("");
    term.ends_with(0);
    let notes = env.list_json("notes", &[]);
    assert_eq!(notes[0]["concern"], json!(true));
    let referrals = env.list_json("referrals", &[]);
    assert_eq!(referrals[0]["status"], "won");
    assert_eq!(env.list_json("meetings", &[]).len(), 2);

    // Without a terminal the number is still required, and nothing changes.
    let dump = env.dump();
    for args in [
        &["rm", "meeting", "--yes"][..],
        &["edit", "meeting", "--minutes", "60"],
        &["edit", "contact", "--company", "Acme"],
    ] {
        env.run(args.iter().copied()).bad_input();
    }
    assert_eq!(env.dump(), dump);
}

#[test]
fn a_picker_with_nothing_to_offer_says_so() {
    let env = journal();
    let mut term = Terminal::start(&env, &["rm", "referral"]);
    let printed = term.ends_with(2);
    assert!(
        printed.contains("the journal has no referral yet"),
        "{printed}"
    );
}

#[test]
fn a_picker_offers_the_most_recent_rows_and_says_so() {
    let env = TestEnv::new();
    // 501 meetings, one a day from 2023-01-01, imported in one go.
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let meetings: Vec<_> = (0..501u32)
        .map(|i| {
            let date = (start + chrono::Days::new(i.into())).to_string();
            json!({
                "uuid": format!("00000000-0000-4000-8000-{i:012}"),
                "date": date, "network_uuid": null, "format": "lunch", "contact_uuids": [],
                "created_at": "2024-06-15T12:00:00+00:00", "updated_at": "2024-06-15T12:00:00+00:00"
            })
        })
        .collect();
    let document = json!({
        "format": "netjournal-export", "format_version": 1, "schema_version": 1, "exported_at": "2024-06-15T12:00:00+00:00",
        "currency": "EUR", "settings": {}, "networks": [], "contacts": [], "meetings": meetings,
        "referrals": [], "notes": []
    });
    std::fs::write(env.path("many.json"), document.to_string()).unwrap();
    env.run(["import", "many.json"]).success();

    let mut term = Terminal::start(&env, &["rm", "meeting"]);
    term.expect("Which meeting? (the 500 most recent; an older one by its number)")
        .expect("#501 · 2024-05-15 · lunch");
    // The oldest is not offered: typing its date finds nothing (2023-01-02, #2, is there).
    term.keys("2023-01-0")
        .expect("#2 · 2023-01-02 · lunch")
        .keys("1");
    term.session.send_control('c').expect("press Ctrl-C");
    let printed = term.ends_with(2);
    assert!(!printed.contains("#1 · 2023-01-01"), "{printed}");
    assert_eq!(env.list_json("meetings", &[]).len(), 501);
}

#[test]
fn a_name_close_to_a_contact_is_asked_about_before_anything_is_recorded() {
    let env = journal();
    // The contact it is close to is offered first.
    let mut term = Terminal::start(
        &env,
        &[
            "log",
            "meeting",
            "--format",
            "lunch",
            "--met",
            "Pol Martin",
            "--date",
            "2024-06-01",
        ],
    );
    term.expect("No contact named `Pol Martin` yet. Did you mean")
        .expect("Paul Martin")
        .answer("");
    let said = term.ends_with(0);
    assert!(!said.contains("Added contact"), "{said}");
    assert_eq!(env.row_named("contacts", "Paul Martin")["meetings"], 1);

    // Someone else: recorded as a new contact, and said so.
    let mut term = Terminal::start(
        &env,
        &[
            "log",
            "meeting",
            "--format",
            "lunch",
            "--met",
            "Paula Martin",
            "--date",
            "2024-06-02",
        ],
    );
    term.expect("Did you mean").keys(DOWN).answer("");
    term.expect("Added contact `Paula Martin`.");
    term.ends_with(0);
    assert_eq!(env.row_named("contacts", "Paula Martin")["meetings"], 1);
}

#[test]
fn log_referral_on_a_terminal_records_a_new_person() {
    let env = journal();
    let mut term = Terminal::start(&env, &["--lang", "fr", "log", "referral"]);
    term.expect("L'avez-vous reçue ou donnée").answer("");
    term.expect("Qui vous a recommandé")
        .answer("Sophie Nouvelle");
    term.expect("Par quel réseau").answer("bni");
    term.expect("Quand").answer("2024-06-01");
    term.expect("Qu'en est-il sorti").answer("");
    term.expect("De quoi s'agit-il").answer("");
    term.expect("Contact `Sophie Nouvelle` ajouté, rencontré via le réseau BNI Montpellier.");
    term.ends_with(0);
    assert_eq!(
        env.row_named("contacts", "Sophie Nouvelle")["network"],
        "BNI Montpellier"
    );
}

/// Twelve networks, and 29 meetings in them, one a day from 2024-05-01; every fifth met four
/// people, which makes its line in a picker longer than 80 columns.
fn journal_of_29_meetings() -> TestEnv {
    const NETWORKS: [&str; 12] = [
        "BNI Montpellier",
        "BNI Nîmes",
        "CCI Hérault",
        "CPME Hérault",
        "Club des Entrepreneurs du Lez",
        "Dirigeants Commerciaux de France",
        "Femmes Entrepreneures 34",
        "Freelances Montpellier",
        "Les Matinales du Lez",
        "Quai des Affaires",
        "Rotary Montpellier",
        "Réseau Entreprendre",
    ];
    let env = TestEnv::new();
    let mut script = String::new();
    for name in NETWORKS {
        script.push_str(&format!(
            "add network \"{name}\" --kind professional --joined 2024-01-10\n"
        ));
    }
    for day in 1..=29 {
        let network = NETWORKS[day % NETWORKS.len()];
        let met = if day % 5 == 0 {
            r#"--met "Paul Martin" --met "Zoé Durand" --met "Sophie Lefebvre-Castelnau" --met "Amélie Dupré""#
        } else {
            r#"--met "Paul Martin""#
        };
        script.push_str(&format!(
            "log meeting --network \"{network}\" --date 2024-05-{day:02} --format breakfast {met}\n"
        ));
    }
    env.replay(&script);
    env
}

/// A picker as the screen shows it: the row of its question, and the rows under it.
struct Picker {
    question_row: usize,
    below: Vec<String>,
}

impl Picker {
    /// Finds the picker asking `question` on `screen`, and checks what a person must see: the
    /// question once, whole, with the list under it within the screen, one item under the
    /// cursor, and no line of an earlier drawing left over.
    #[track_caller]
    fn on(screen: &[String], question: &str) -> Picker {
        let asked: Vec<usize> = (0..screen.len())
            .filter(|&row| screen[row].contains(question))
            .collect();
        let [question_row] = asked[..] else {
            panic!(
                "the question {question:?} is not on the screen once:\n{}",
                screen.join("\n")
            );
        };
        let below: Vec<String> = screen[question_row + 1..]
            .iter()
            .filter(|row| !row.is_empty())
            .cloned()
            .collect();
        let cursors = below.iter().filter(|row| row.starts_with("❯")).count();
        assert_eq!(
            cursors,
            1,
            "one item under the cursor:\n{}",
            screen.join("\n")
        );
        let mut seen: Vec<&str> = below.iter().map(String::as_str).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(
            seen.len(),
            below.len(),
            "a line drawn twice:\n{}",
            screen.join("\n")
        );
        Picker {
            question_row,
            below,
        }
    }

    /// The item under the cursor, as its first line reads.
    fn current(&self) -> &str {
        let row = self
            .below
            .iter()
            .find(|row| row.starts_with("❯"))
            .expect("a cursor");
        row.trim_start_matches('❯').trim()
    }

    /// The numbers of the meetings listed (`#12` for `❯ #12 · …`).
    fn numbers(&self) -> Vec<String> {
        self.below
            .iter()
            .filter_map(|row| row.trim_start_matches('❯').trim().split(' ').next())
            .filter(|word| word.starts_with('#'))
            .map(String::from)
            .collect()
    }
}

#[test]
fn a_picker_fits_the_terminal_and_scrolls_inside() {
    let env = journal_of_29_meetings();
    let dump = env.dump();
    for (rows, command) in [
        (24, &["rm", "meeting"][..]),
        (10, &["rm", "meeting"][..]),
        (24, &["edit", "meeting", "--minutes", "60"][..]),
        (10, &["edit", "meeting", "--minutes", "60"][..]),
    ] {
        let mut term = Terminal::sized(&env, command, rows, 80);
        term.expect("Which meeting?").expect("#29 · 2024-05-29");
        let screen = term.screen();
        let picker = Picker::on(&screen, "Which meeting? [type to filter, Esc to cancel]");
        // The question stays at the top, the list takes the rest of the screen, no more (a
        // row may be left when the next item takes two).
        assert_eq!(picker.question_row, 0, "{}", screen.join("\n"));
        let room = usize::from(rows) - 1;
        assert!(
            (room - 1..=room).contains(&picker.below.len()),
            "{}",
            screen.join("\n")
        );
        assert!(
            picker.current().starts_with("#29 · "),
            "{}",
            screen.join("\n")
        );
        let shown = picker.numbers();
        // A line longer than the screen is wide takes two rows: fewer items than rows.
        assert!(shown.len() < usize::from(rows) - 1, "{}", screen.join("\n"));
        assert!(
            picker
                .below
                .iter()
                .any(|row| !row.contains(" #") && row.ends_with("Zoé Durand")),
            "the end of a long line on a row of its own:\n{}",
            screen.join("\n")
        );

        // Down past the last item shown: the list scrolls, the question stays.
        for _ in 0..shown.len() {
            term.keys(DOWN);
        }
        let screen = term.screen();
        let picker = Picker::on(&screen, "Which meeting?");
        assert_eq!(picker.question_row, 0, "{}", screen.join("\n"));
        assert!(
            picker.below.len() < usize::from(rows),
            "{}",
            screen.join("\n")
        );
        let next = 29 - shown.len();
        assert!(
            picker.current().starts_with(&format!("#{next} · ")),
            "#{next} expected under the cursor:\n{}",
            screen.join("\n")
        );
        let scrolled = picker.numbers();
        assert!(
            !scrolled.contains(&"#29".to_string()),
            "{}",
            screen.join("\n")
        );
        assert_eq!(
            scrolled.last(),
            Some(&format!("#{next}")),
            "{}",
            screen.join("\n")
        );

        // Escape cancels: exit 2, nothing changed, and the screen says so.
        term.keys(ESCAPE);
        let rest = term.ends_with(2);
        assert!(
            rest.contains("error: cancelled: nothing was changed"),
            "{rest}"
        );
        assert!(!rest.contains("panicked"), "{rest}");
        let screen = term.screen();
        assert!(
            screen
                .iter()
                .any(|row| row == "error: cancelled: nothing was changed"),
            "{}",
            screen.join("\n")
        );
        assert_eq!(env.dump(), dump, "the journal changed");
    }
}

#[test]
fn in_a_picker_that_typing_filters_q_is_a_letter_and_escape_cancels() {
    let env = journal_of_29_meetings();
    let dump = env.dump();
    for rows in [24, 10] {
        let mut term = Terminal::sized(&env, &["show", "network"], rows, 80);
        term.expect("Which network? [type to filter, Esc to cancel]")
            .expect("BNI Montpellier (professional)");
        let screen = term.screen();
        let picker = Picker::on(&screen, "Which network?");
        assert_eq!(
            picker.below.len(),
            usize::from(rows - 1).min(12),
            "{}",
            screen.join("\n")
        );
        assert!(
            picker.current().starts_with("BNI Montpellier"),
            "{}",
            screen.join("\n")
        );
        // Down to the last network: the list scrolls to show it, under the question.
        for _ in 0..11 {
            term.keys(DOWN);
        }
        let screen = term.screen();
        let picker = Picker::on(&screen, "Which network?");
        assert!(
            picker.current().starts_with("Rotary Montpellier"),
            "{}",
            screen.join("\n")
        );
        assert_eq!(
            screen.iter().any(|row| row.contains("BNI Montpellier")),
            rows == 24,
            "{}",
            screen.join("\n")
        );

        // `q` filters: only the network it finds is left.
        term.keys("q").expect("Quai des Affaires");
        let screen = term.screen();
        let picker = Picker::on(&screen, "Which network?");
        assert_eq!(
            picker.below,
            ["❯ Quai des Affaires (professional)"],
            "{}",
            screen.join("\n")
        );
        term.keys(BACKSPACE);
        let screen = term.screen();
        assert_eq!(
            Picker::on(&screen, "Which network?").below.len(),
            usize::from(rows - 1).min(12)
        );

        term.keys(ESCAPE);
        let rest = term.ends_with(2);
        assert!(
            rest.contains("error: cancelled: nothing was changed"),
            "{rest}"
        );
    }
    assert_eq!(env.dump(), dump, "the journal changed");
}

#[test]
fn q_or_escape_cancels_a_short_list_in_either_language() {
    let env = journal();
    let dump = env.dump();
    for (key, lang, said) in [
        ("q", "en", "error: cancelled: nothing was changed"),
        (ESCAPE, "en", "error: cancelled: nothing was changed"),
        ("q", "fr", "annulé : rien n'a été modifié"),
    ] {
        let mut term = Terminal::sized(&env, &["--lang", lang, "note"], 10, 80);
        term.expect("?").answer("Lunches start half an hour late");
        // a network, a contact, a meeting, nothing in particular: a list typing does not filter.
        term.expect(if lang == "en" {
            "Esc or q to cancel"
        } else {
            "Échap ou q pour annuler"
        });
        let screen = term.screen();
        let hint = if lang == "en" {
            "[Esc or q to cancel]"
        } else {
            "[Échap ou q pour annuler]"
        };
        assert_eq!(
            Picker::on(&screen, hint).below.len(),
            4,
            "{}",
            screen.join("\n")
        );
        term.keys(key);
        let rest = term.ends_with(2);
        assert!(rest.contains(said), "{rest}");
    }
    assert!(env.list_json("notes", &[]).is_empty());
    assert_eq!(env.dump(), dump, "the journal changed");
}
