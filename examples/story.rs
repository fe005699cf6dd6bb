//! A user's story, told in the project's own words, typed into a temporary journal with the
//! real commands, then what the journal holds.
//!
//! She founded her communication agency in 2009 and tried three networks: a women
//! entrepreneurs' club (left after 4 meetings), a breakfast club that admits one member per
//! profession (left after 1 breakfast) and a local small-business association with a political
//! reach (left after a few calls, e-mails and her name on press releases she never agreed to).
//! Meanwhile almost all her business came from people she knows well, one to one. She now
//! tries a professional network, still paid for.
//!
//! Run it with `cargo run --release --example story`. Each step is written as the user would
//! type it after `netjournal`, and goes through `netjournal::cli::main_with`, exactly as the
//! binary does; the first step that fails stops the example with a non-zero exit code.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

/// The day the story is told: every `today` and every fee counted "up to now" is this day, so
/// that the example prints the same journal on every run.
const TODAY: &str = "2026-11-26";

/// A part of the story, and the commands that record it.
struct Chapter {
    title: &'static str,
    /// Each step as typed after `netjournal`. Words are split on spaces; text in single
    /// quotes is one word (the French apostrophe is written `’`, as in the story).
    steps: &'static [&'static str],
}

const STORY: &[Chapter] = &[
    Chapter {
        title: "2009 — she founds her company; the people she already knows",
        steps: &[
            "note 'J’ai monté ma boîte : une agence de communication' --date 2009-03-02",
            "add contact 'Claire Petit' --profession 'directrice marketing' \
             --company 'Maison Petit Vins' --notes 'ancienne collègue, avant 2009' --date 2009-03",
            "add contact 'Antoine Lambert' --profession dirigeant --company 'Lambert Menuiserie' \
             --notes 'mon premier client' --date 2009-05-12",
            "add contact 'Sophie Dumas' --profession expert-comptable --company 'Cabinet Dumas' \
             --email sophie.dumas@example.com --date 2009-04",
            "add contact 'Hélène Marchand' --profession 'consultante RH' \
             --linkedin linkedin.com/in/helene-marchand --date 2014-09-25",
            "add contact 'Camille Roussel' --profession photographe \
             --notes 'je la recommande les yeux fermés : je connais son travail' --date 2009-09",
            "log meeting --format one-to-one --date 2009-06-18 --minutes 60 --travel 30 \
             --met 'Antoine Lambert' --rating 5 --notes 'premier devis signé'",
        ],
    },
    Chapter {
        title: "2009–2010 — a women-entrepreneurs club",
        steps: &[
            "add network 'Elles Entreprennent 34' --kind gender-based --joined 2009-10-08 \
             --invited-by 'une conseillère de la CCI' --fee 150 --fee-period year \
             --notes 'accueil bienveillant pour une cheffe d’entreprise toute neuve'",
            "log meeting --network 'Elles Entreprennent 34' --date 2009-10-08 --format evening \
             --minutes 150 --travel 40 --cost 25 --rating 4 \
             --met 'Nathalie Roux' --met 'Isabelle Fabre' --met 'Sandrine Blanc' \
             --notes 'soirée d’accueil, très chaleureuse'",
            "log meeting --network 'elles entreprennent 34' --date 2009-11-19 --format lunch \
             --minutes 120 --travel 40 --cost 32 --rating 3 \
             --met 'Nathalie Roux' --met 'Véronique Garcia' \
             --notes 'sujet du jour : mener de front famille et entreprise'",
            "log meeting --network 'Elles Entreprennent 34' --date 14/01/2010 --format evening \
             --minutes 150 --travel 40 --cost 25 --rating 2 \
             --met 'Nathalie Roux' --met 'Isabelle Fabre' --met 'Sandrine Blanc' \
             --notes 'table ronde sur les femmes à la tête d’une entreprise ; aucune affaire évoquée'",
            "log referral --received --network 'Elles Entreprennent 34' --contact 'Sandrine Blanc' \
             --date 2010-01-20 --status lost \
             --notes 'une amie à elle cherchait un logo ; jamais rappelé'",
            "log meeting --network 'Elles Entreprennent 34' --date 2010-02-11 --format lunch \
             --minutes 120 --travel 40 --cost '30,00 €' --rating 2 \
             --met 'Véronique Garcia' --met 'Sandrine Blanc' \
             --notes 'de nouveau la vie privée au menu, rien sur nos clients'",
            "leave network 'Elles Entreprennent 34' --date 2010-02-12 \
             --reason 'on y parlait de nos vies plus que de nos entreprises ; je veux être \
             reconnue pour mon métier avant tout'",
        ],
    },
    Chapter {
        title: "2010–2011 — the business comes from people she knows",
        steps: &[
            "log meeting --format one-to-one --date 2010-03-04 --minutes 90 --travel 20 \
             --met 'Claire Petit' --rating 5 --notes 'déjeuner ; elle me parle du domaine de \
             son frère'",
            "log meeting --format one-to-one --date 2010-06-10 --minutes 60 --travel 20 \
             --met 'Claire Petit' --rating 5",
            "log referral --received --contact 'Claire Petit' --date 2010-06-15 --value '4 800' \
             --notes 'site et identité visuelle du domaine viticole de son frère'",
            "log meeting --format one-to-one --date 2011-03-30 --minutes 60 --travel 30 \
             --met 'Antoine Lambert' --rating 5",
            "log referral --received --contact 'Antoine Lambert' --date 2011-04-12 --value 7500 \
             --notes 'communication d’un fournisseur de Lambert Menuiserie'",
        ],
    },
    Chapter {
        title: "2012 — a breakfast club with one member per profession",
        steps: &[
            "log meeting --format one-to-one --date 2012-01-19 --minutes 60 \
             --met 'Sophie Dumas' --rating 4",
            "add network 'Les Matinales d’Affaires' --kind co-optation --joined 2012-03-13 \
             --invited-by 'Julien Moreau, une relation LinkedIn jamais rencontrée en vrai' \
             --fee 540 --fee-period year --rules 'un seul membre par profession' \
             --notes 'flattée d’avoir été retenue'",
            "log meeting --network 'Les Matinales d’Affaires' --date 2012-03-13 --format breakfast \
             --minutes 90 --travel 50 --cost 15 --rating 2 \
             --met 'Julien Moreau' --met 'Marc Lefèvre' --met 'Cédric Bonnet' \
             --met 'Laure Mercier' --met 'Thomas Girard' \
             --notes '7 h du matin : une minute chacun pour se présenter, puis des cartes \
             échangées autour d’un café'",
            "leave network 'Les Matinales d’Affaires' --date 2012-03-20 \
             --reason 'impossible de recommander à mes clients quelqu’un dont je ne connais que \
             la présentation d’une minute'",
        ],
    },
    Chapter {
        title: "2013–2014 — one to one, again",
        steps: &[
            "log meeting --format one-to-one --date 2013-09-12 --minutes 90 --travel 20 \
             --met 'Claire Petit' --rating 4",
            "log referral --received --contact 'Claire Petit' --date 2013-10-03 --value '3 200 €' \
             --notes 'catalogue d’un caviste ami'",
            "log meeting --format one-to-one --date 2014-09-25 --minutes 60 --travel 30 \
             --met 'Hélène Marchand' --rating 4 --notes 'rencontrée chez un client commun'",
            "log meeting --format one-to-one --date 2014-11-06 --minutes 60 --travel 30 \
             --met 'Antoine Lambert' --rating 4",
        ],
    },
    Chapter {
        title: "2015 — a local business association with a political reach",
        steps: &[
            "add network 'Union des TPE du Lez' --kind political --joined 2015-09-01 \
             --invited-by 'Gérard Vidal, son président, au téléphone' --fee 90 \
             --notes 'réseau local de petites entreprises, à portée politique'",
            "log meeting --network 'Union des TPE du Lez' --date 2015-09-03 --format phone \
             --minutes 30 --met 'Gérard Vidal' --rating 3 \
             --notes 'présentation de l’association et de ses actions auprès de la mairie'",
            "log meeting --network 'Union des TPE du Lez' --date 2015-09-17 --format email \
             --minutes 15 --met 'Gérard Vidal' --met 'Martine Costa' \
             --notes 'ordre du jour et projet de motion'",
            "log meeting --network 'Union des TPE du Lez' --date 2015-10-06 --format phone \
             --minutes 45 --met 'Martine Costa' --rating 2",
            "note 'mon nom figure sur un communiqué de presse contre le projet de tramway, que \
             je n’approuve pas ; personne ne m’a prévenue ni demandé mon accord' \
             --network 'Union des TPE du Lez' --concern --date 2015-10-20",
            "log meeting --network 'Union des TPE du Lez' --date 2015-10-22 --format email \
             --minutes 20 --met 'Gérard Vidal' --rating 1 \
             --notes 'je demande pourquoi mon nom est sur le communiqué'",
            "leave network 'Union des TPE du Lez' --date 2015-11-05 \
             --reason 'mon nom a été associé à des communiqués de presse avec lesquels je \
             n’étais pas d’accord, sans mon consentement'",
        ],
    },
    Chapter {
        title: "2015–2024 — the contracts come from the people she knows",
        steps: &[
            "log meeting --format one-to-one --date 2015-04-09 --minutes 60 \
             --met 'Camille Roussel' --rating 4",
            "log meeting --format one-to-one --date 2016-05-19 --minutes 90 --travel 20 \
             --met 'Claire Petit' --rating 4",
            "log referral --given --contact 'Camille Roussel' --date 2016-06-02 --status won \
             --notes 'recommandée à Claire Petit pour les photos du domaine'",
            "log meeting --format one-to-one --date 2017-02-16 --minutes 60 \
             --met 'Sophie Dumas' --rating 4",
            "log referral --received --contact 'Sophie Dumas' --date 2017-03-09 --value 2400 \
             --notes 'plaquette pour un cabinet d’architectes, client du cabinet'",
            "log meeting --format one-to-one --date 2018-06-07 --minutes 60 --travel 30 \
             --met 'Hélène Marchand' --rating 4",
            "log meeting --format one-to-one --date 2019-02-21 --minutes 90 --travel 30 \
             --met 'Antoine Lambert' --rating 5",
            "log referral --received --contact 'Antoine Lambert' --date 2019-03-14 --value 9800 \
             --notes 'charte graphique d’une fédération du bois'",
            "log meeting --format one-to-one --date 2020-10-15 --minutes 90 --travel 20 \
             --met 'Camille Roussel' --rating 4 --notes 'elle me montre son dernier reportage'",
            "log meeting --format one-to-one --date 2021-11-18 --minutes 60 \
             --met 'Hélène Marchand' --rating 4",
            "log referral --received --contact 'Hélène Marchand' --date 2022-02 --value 5600 \
             --notes 'marque employeur d’une PME industrielle'",
            "log meeting --format one-to-one --date 2024-05-16 --minutes 60 --travel 30 \
             --met 'Antoine Lambert' --rating 5",
            "log referral --received --contact 'Antoine Lambert' --date 2024-06-03 --value 6000 \
             --notes 'site d’un architecte d’intérieur'",
        ],
    },
    Chapter {
        title: "2026 — a professional network, still paid for",
        steps: &[
            "add network 'Collectif Numérique Occitanie' --kind professional --joined 2026-02-05 \
             --invited-by 'Hélène Marchand' --fee 240 --fee-period year \
             --rules 'une rencontre par trimestre, entraide entre indépendants'",
            "log meeting --network 'Collectif Numérique Occitanie' --date 2026-02-05 \
             --format event --minutes 180 --travel 60 --cost 20 --rating 3 \
             --met 'Rémi Fontaine' --met 'Inès Benali' --met 'Paul Chevalier' \
             --notes 'soirée d’accueil des nouveaux membres'",
            "log meeting --network 'Collectif Numérique Occitanie' --date 2026-05-21 \
             --format lunch --minutes 90 --travel 45 --cost 24 --rating 4 \
             --met 'Rémi Fontaine' --met 'Inès Benali' --notes 'atelier prix et devis'",
            "log meeting --network 'Collectif Numérique Occitanie' --date 2026-09-17 \
             --format video --minutes 60 --rating 3 --met 'Rémi Fontaine' \
             --notes 'un appel d’offres à plusieurs ?'",
            "log meeting --format one-to-one --date 2026-09-24 --minutes 60 --travel 30 \
             --met 'Hélène Marchand' --rating 5",
            "log referral --received --network 'Collectif Numérique Occitanie' \
             --contact 'Rémi Fontaine' --date 2026-10-15 --status open \
             --notes 'une association cherche une identité visuelle'",
        ],
    },
];

/// What the example prints once the story is in: a heading, then the command that shows it.
/// The report comes last, with any arguments given to the example (`-- --lang fr`,
/// `-- --format md`).
const SHOW: &[(&str, &str)] = &[
    ("Networks", "list networks"),
    ("Meetings", "list meetings"),
    ("Contacts", "list contacts"),
    ("Referrals", "list referrals"),
    ("Notes and concerns", "list notes"),
];

fn main() -> ExitCode {
    // SAFETY: pins the clock netjournal reads (`today`, the default dates, fees counted up to
    // now) so that every run prints the same journal. Edition 2024 makes `set_var` unsafe
    // because another thread could read the environment at the same time; none exists yet.
    #[allow(unsafe_code)]
    unsafe {
        std::env::set_var("NETJOURNAL_NOW", TODAY)
    };
    match tell() {
        // A reader that has gone (`… | head`) has read all it wanted.
        Ok(()) | Err(Stop::ReaderGone) => ExitCode::SUCCESS,
        Err(Stop::Failed(message)) => {
            eprintln!("story: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why the story stopped before its end.
enum Stop {
    /// The standard output was closed by its reader.
    ReaderGone,
    Failed(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Failed(message)
    }
}

/// A line of the story on the standard output.
fn line(text: std::fmt::Arguments<'_>) -> Result<(), Stop> {
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{text}").map_err(|error| match error.kind() {
        std::io::ErrorKind::BrokenPipe => Stop::ReaderGone,
        _ => Stop::Failed(format!("cannot write the story: {error}")),
    })
}

fn tell() -> Result<(), Stop> {
    let dir = tempfile::tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let db = dir.path().join("journal.db");
    line(format_args!(
        "The story typed into a temporary journal, as of {TODAY}:"
    ))?;
    line(format_args!(
        "(each command below ran as `netjournal --no-input --db {}`)",
        db.display()
    ))?;
    for chapter in STORY {
        line(format_args!("\n## {}\n", chapter.title))?;
        for step in chapter.steps {
            line(format_args!("$ netjournal {step}"))?;
            netjournal(&db, step)?;
        }
    }
    for (heading, command) in SHOW {
        line(format_args!("\n## {heading} — netjournal {command}\n"))?;
        netjournal(&db, command)?;
    }
    let extra: Vec<String> = std::env::args().skip(1).collect();
    let report = ["report".to_string()]
        .into_iter()
        .chain(extra)
        .collect::<Vec<_>>();
    line(format_args!(
        "\n## The report — netjournal {}\n",
        report.join(" ")
    ))?;
    run(&db, report)?;
    Ok(())
}

/// Runs one command on the journal at `db`, as the binary would, and fails when it fails.
fn netjournal(db: &Path, step: &str) -> Result<(), String> {
    let words = split(step).ok_or_else(|| format!("unbalanced quote in `{step}`"))?;
    run(db, words)
}

/// Runs a command given as words on the journal at `db`.
fn run(db: &Path, words: Vec<String>) -> Result<(), String> {
    let step = words.join(" ");
    // `--no-input`: the example never waits for an answer, even on a terminal.
    let args: Vec<OsString> = ["netjournal", "--no-input", "--db"]
        .into_iter()
        .map(OsString::from)
        .chain([db.as_os_str().to_owned()])
        .chain(words.into_iter().map(OsString::from))
        .collect();
    if netjournal::cli::main_with(args) == ExitCode::SUCCESS {
        Ok(())
    } else {
        Err(format!("this step failed: netjournal {step}"))
    }
}

/// Splits a step into words: on spaces, except inside single quotes. `None` when a quote is
/// left open.
fn split(step: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    for c in step.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                word.get_or_insert_default();
            }
            c if c.is_whitespace() && !quoted => words.extend(word.take()),
            c => word.get_or_insert_default().push(c),
        }
    }
    words.extend(word);
    (!quoted).then_some(words)
}
