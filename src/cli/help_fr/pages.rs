//! The French help, one page per command, in the order `netjournal --help` lists them. A text
//! of several paragraphs gives the summary (its first paragraph) and the long help (all of it),
//! as a doc comment does. The English of each page is the doc comments of the command's `Args`
//! struct (or its variant in `src/cli.rs`); the unit test of `help_fr` names what is missing.

/// One command's help in French.
pub struct Page {
    /// The command as typed after `netjournal`: "" for the top, "log meeting"…
    pub path: &'static str,
    /// What it does.
    pub about: &'static str,
    /// The examples and notes after the options ("" when the English has none).
    pub after_help: &'static str,
    /// Each argument's help by its id (a global option's on the top page only), and each
    /// possible value's that has one by `id=value`.
    pub args: &'static [(&'static str, &'static str)],
}

/// The `--help` of each `netjournal rm` command ends with this.
macro_rules! rm_confirm {
    () => {
        "On vous montre ce qui partirait et on vous demande de confirmer ; `--yes` répond oui. \
Répondre non ne supprime rien et n'est pas une erreur (code 0). Sans terminal, ou avec \
`--no-input`, rien n'est demandé : sans `--yes`, la commande s'arrête avec le code 2 et ne \
supprime rien."
    };
}

const DATE_SINCE: &str =
    "À partir de cette date (un mois commence à son premier jour) [par défaut : depuis le début]";
const DATE_UNTIL: &str = "Jusqu'à cette date (un mois finit à son dernier jour)";
const FORCE_DATED: &str =
    "L'enregistrer même daté d'après aujourd'hui, ou hors de votre adhésion à son réseau";
const CLEAR: &str =
    "Vider un champ facultatif ; répétez l'option, ou séparez les champs par des virgules";
const RAW: &str = "Avec `--format csv` : écrire les cellules de texte telles quelles, même celles \
qu'un tableur exécuterait comme une formule (commençant par =, +, -, @, une tabulation ou un \
retour chariot), sinon écrites après une `'`";
pub const PAGES: &[Page] = &[
    Page {
        path: "",
        about: "Le journal de votre réseautage professionnel : les réseaux rejoints, les \
réunions, les personnes, les recommandations et ce qu'elles ont donné — et si chaque réseau en \
vaut la peine",
        after_help: "Exemples :
  netjournal add network \"BNI Montpellier\" --kind co-optation --fee 600
  netjournal log meeting          # sur un terminal, demande chaque valeur tour à tour
  netjournal report --network \"BNI Montpellier\"

Commencez par `netjournal add network NOM --kind TYPE` après avoir rejoint un groupe, puis \
`netjournal log meeting` après chaque réunion. `netjournal help COMMANDE` en dit plus sur chaque \
commande.",
        args: &[
            (
                "db",
                "Le fichier du journal [par défaut : le dossier de données de la plateforme, \
par exemple ~/.local/share/netjournal/journal.db]",
            ),
            (
                "lang",
                "La langue des messages et des bilans [par défaut : le français quand la \
première variable définie parmi LC_ALL, LC_MESSAGES et LANG est française]",
            ),
            ("yes", "Répondre oui à chaque confirmation"),
            (
                "no_input",
                "Ne jamais poser de question : une valeur manquante est une erreur",
            ),
            (
                "color",
                "Quand colorer la sortie [par défaut : auto, jamais quand NO_COLOR est défini]",
            ),
            ("color=auto", "Sur un terminal, sauf si NO_COLOR est défini"),
        ],
    },
    Page {
        path: "add",
        about: "Enregistrer un réseau rejoint ou une personne rencontrée",
        after_help: "Exemples :
  netjournal add network \"BNI Montpellier\" --kind co-optation --joined 2024-01-10
  netjournal add contact \"Paul Martin\" --profession plombier --network \"BNI Montpellier\"",
        args: &[],
    },
    Page {
        path: "add network",
        about: "Enregistrer un réseau rejoint",
        after_help: "Exemples :
  netjournal add network \"BNI Montpellier\" --kind co-optation --joined 2024-01-10 \\
      --fee 600 --fee-period year --rules \"un membre par profession\"
  netjournal add network \"Femmes Entrepreneures 34\" --kind gender-based --invited-by \"Claire\"",
        args: &[
            (
                "name",
                "Le nom du réseau, tel que vous l'appelez (unique, sans distinction de casse)",
            ),
            ("kind", "Ce qui rassemble ses membres"),
            ("joined", "Quand vous l'avez rejoint [par défaut : aujourd'hui]"),
            ("invited_by", "Comment vous l'avez connu, ou qui vous a invité"),
            ("fee", "La cotisation, par exemple 600 ou 45,50"),
            (
                "fee_period",
                "À quel rythme la cotisation se paie [par défaut : year, chaque année]",
            ),
            ("rules", "Ses règles, par exemple « un membre par profession »"),
            ("notes", "Tout ce qui mérite d'être retenu"),
        ],
    },
    Page {
        path: "add contact",
        about: "Enregistrer une personne rencontrée",
        after_help: "Exemples :
  netjournal add contact \"Paul Martin\" --profession plombier --network \"BNI Montpellier\"
  netjournal add contact \"Sophie Durand\" --email sophie@example.com \\
      --linkedin https://www.linkedin.com/in/sophie-durand",
        args: &[
            (
                "name",
                "Le nom de la personne (unique dans le journal, sans distinction de casse)",
            ),
            ("profession", "Son métier"),
            ("company", "Son entreprise"),
            ("network", "Le réseau par lequel vous l'avez rencontrée"),
            ("email", "Son adresse e-mail"),
            ("linkedin", "Son profil LinkedIn"),
            ("notes", "Tout ce qui mérite d'être retenu"),
            (
                "date",
                "Quand vous l'avez rencontrée la première fois [par défaut : aujourd'hui]",
            ),
            (
                "new_contact",
                "C'est une nouvelle personne, même quand le nom d'un contact en est proche \
(sans cette option, un nom proche fait l'objet d'une question, ou d'un refus avec --no-input)",
            ),
        ],
    },
    Page {
        path: "log",
        about: "Enregistrer une réunion ou une recommandation",
        after_help: "Exemples :
  netjournal log meeting --network \"BNI Montpellier\" --format breakfast --met \"Paul Martin\"
  netjournal log referral --received --contact \"Claire Petit\" --value 3200",
        args: &[],
    },
    Page {
        path: "log meeting",
        about: "Enregistrer une réunion : un petit-déjeuner, un déjeuner, un événement, un appel…",
        after_help: "Exemples :
  netjournal log meeting --network \"BNI Montpellier\" --date yesterday --format breakfast \\
      --minutes 90 --travel 40 --cost 14 --met \"Paul Martin\" --met \"Sophie Durand\" --rating 2
  netjournal log meeting --format one-to-one --met \"Claire Petit\" --notes \"un café, un vrai échange\"
  netjournal log meeting    # sur un terminal : demande le réseau, la date, les personnes…",
        args: &[
            (
                "network",
                "Le réseau auquel elle appartient (aucun pour un tête-à-tête avec un contact \
personnel)",
            ),
            ("date", "Quand elle a eu lieu [par défaut : aujourd'hui]"),
            ("at", "Quand elle a commencé : 7:30, 07:30, 7h30 ou 7h"),
            (
                "format",
                "Comment elle s'est déroulée (phone, video et email sont à distance ; les \
autres en personne)",
            ),
            ("minutes", "Combien de temps elle a duré, en minutes (ou 1h30)"),
            ("travel", "Le temps passé à l'aller et au retour, en minutes"),
            ("cost", "Ce qu'elle vous a coûté (le petit-déjeuner, le billet…)"),
            (
                "met",
                "Une personne rencontrée là ; répétez pour chacune. Les noms inconnus \
deviennent de nouveaux contacts",
            ),
            (
                "new_contact",
                "Chaque nom inconnu donné avec --met est une nouvelle personne, même quand le \
nom d'un contact en est proche (sans cette option, un nom proche fait l'objet d'une question, ou \
d'un refus avec --no-input)",
            ),
            ("rating", "Ce qu'elle valait, de 1 à 5"),
            ("notes", "Ce qui s'est passé, ce que vous avez appris"),
            ("force", FORCE_DATED),
        ],
    },
    Page {
        path: "log referral",
        about: "Enregistrer une recommandation reçue ou donnée",
        after_help: "Exemples :
  netjournal log referral --received --network \"BNI Montpellier\" --contact \"Paul Martin\" \\
      --notes \"site web pour son beau-frère\"
  netjournal log referral --received --contact \"Claire Petit\" --status won --value \"3 200\"
  netjournal log referral --given --contact \"Sophie Durand\" --network none --date 2024-03

Sans --network, une recommandation avec un contact est enregistrée dans le réseau par lequel \
cette personne a été rencontrée : son propre réseau, sinon le seul réseau où vous l'avez vue.",
        args: &[
            ("received", "Une recommandation qu'on vous a transmise"),
            ("given", "Une recommandation que vous avez transmise"),
            (
                "network",
                "Le réseau par lequel elle est venue ; `none` pour une recommandation hors de \
tout réseau [par défaut : avec --contact, le réseau par lequel cette personne a été rencontrée]",
            ),
            (
                "outside",
                "Elle est venue hors de tout réseau, par une relation personnelle (comme \
`--network none`)",
            ),
            (
                "contact",
                "Qui vous a recommandé, ou qui vous avez recommandé ; un nom inconnu devient un \
nouveau contact, rencontré par le réseau de la recommandation",
            ),
            (
                "new_contact",
                "Le --contact donné est une nouvelle personne, même quand le nom d'un contact en \
est proche (sans cette option, un nom proche fait l'objet d'une question, ou d'un refus avec \
--no-input)",
            ),
            ("date", "Quand [par défaut : aujourd'hui]"),
            (
                "status",
                "Ce qu'elle a donné [par défaut : open, ou won quand --value est donnée]",
            ),
            ("value", "L'affaire gagnée, par exemple 3200 ou « 3 200 € »"),
            ("notes", "De quoi il s'agit"),
            ("force", FORCE_DATED),
        ],
    },
    Page {
        path: "note",
        about: "Écrire une note sur un réseau, une réunion ou un contact (--concern pour une \
alerte)",
        after_help: "Exemples :
  netjournal note \"Mon nom sur un communiqué jamais approuvé\" --network \"CPME\" --concern
  netjournal note \"Déjeuners toujours en retard\" --network \"BNI\" --severity minor
  netjournal note \"Connaît tous les architectes de la ville\" --contact \"Paul Martin\"",
        args: &[
            ("text", "La note"),
            ("network", "L'attacher à ce réseau"),
            (
                "meeting",
                "L'attacher à la réunion de ce numéro (voir `netjournal list meetings`)",
            ),
            ("contact", "L'attacher à ce contact"),
            (
                "concern",
                "En faire une alerte : un signal d'alarme, comme votre nom utilisé sans votre \
accord",
            ),
            (
                "severity",
                "Le poids de l'alerte : minor (listée, ne décide jamais seule d'un verdict) ou \
serious (un signal d'alarme) ; implique --concern [par défaut : serious]",
            ),
            ("date", "Quand c'est arrivé [par défaut : aujourd'hui]"),
        ],
    },
    Page {
        path: "leave",
        about: "Enregistrer que vous avez quitté un réseau, et pourquoi",
        after_help: "Exemple :
  netjournal leave network \"BNI Montpellier\" --reason \"je ne peux pas recommander une inconnue\"",
        args: &[],
    },
    Page {
        path: "leave network",
        about: "Enregistrer que vous avez quitté un réseau, et pourquoi",
        after_help: "Exemple :
  netjournal leave network \"BNI Montpellier\" --date 2024-03 \\
      --reason \"impossible de recommander quelqu'un connu le temps d'un croissant\"",
        args: &[
            ("name", "Le réseau quitté"),
            ("date", "Quand vous l'avez quitté [par défaut : aujourd'hui]"),
            ("reason", "Pourquoi vous l'avez quitté"),
            (
                "force",
                "Le quitter à cette date même si des réunions ou des recommandations sont \
enregistrées après",
            ),
        ],
    },
    Page {
        path: "list",
        about: "Lister les réseaux, les réunions, les contacts, les recommandations ou les notes",
        after_help: "Exemples :
  netjournal list meetings --network \"BNI Montpellier\" --since 2024-01
  netjournal list networks --format json
  netjournal list referrals --format csv > recommandations.csv",
        args: &[
            ("what", "Ce qu'il faut lister"),
            ("network", "Seulement ce qui concerne ce réseau"),
            ("since", DATE_SINCE),
            ("until", DATE_UNTIL),
            ("format", "Comment imprimer la liste"),
            ("format=table", "Un tableau, pour les personnes"),
            ("format=json", "Un tableau JSON d'objets, pour les scripts"),
            ("format=csv", "Du CSV avec une ligne d'en-tête, pour les tableurs"),
            ("raw", RAW),
        ],
    },
    Page {
        path: "show",
        about: "Montrer un réseau ou un contact, avec tout ce que le journal en sait",
        after_help: "Exemples :
  netjournal show network \"BNI Montpellier\"
  netjournal show contact \"Claire Petit\"",
        args: &[],
    },
    Page {
        path: "show network",
        about: "Montrer un réseau avec ses réunions, ses contacts, ses recommandations et ses \
notes",
        after_help: "Exemple :
  netjournal show network \"BNI Montpellier\"",
        args: &[
            ("name", "Le réseau à montrer"),
            ("format", "Comment l'imprimer"),
        ],
    },
    Page {
        path: "show contact",
        about: "Montrer un contact : qui c'est, chaque réunion partagée, les recommandations \
dans les deux sens, les notes",
        after_help: "Exemples :
  netjournal show contact \"Claire Petit\"
  netjournal show contact 7 --format json",
        args: &[
            (
                "name",
                "Le contact à montrer : son nom, ou son numéro dans `netjournal list contacts`",
            ),
            ("format", "Comment l'imprimer"),
        ],
    },
    Page {
        path: "report",
        about: "Dire, réseau par réseau, ce qu'il a coûté, ce qu'il a rapporté, et s'il faut \
rester",
        after_help: "Exemples :
  netjournal report
  netjournal report --network \"BNI Montpellier\" --since 2024-01
  netjournal report --lang fr --format md --output bilan.md
  netjournal report --format html --output retro.html
  netjournal report --format json | jq '.networks[] | {name, verdict}'",
        args: &[
            ("network", "Seulement ce réseau"),
            ("since", DATE_SINCE),
            ("until", DATE_UNTIL),
            ("format", "Comment l'écrire"),
            (
                "format=text",
                "Des tableaux, des verdicts et de la prose pour un terminal",
            ),
            (
                "format=json",
                "L'interface stable pour les scripts (clés en anglais, montants en centimes)",
            ),
            ("format=md", "Un document Markdown à coller dans un billet de blog"),
            (
                "format=html",
                "Une page web autonome avec des graphiques, à ouvrir dans un navigateur ou à \
imprimer",
            ),
            (
                "output",
                "L'écrire dans ce fichier (lisible par vous seul) au lieu du terminal",
            ),
            (
                "wide",
                "Garder les tableaux complets sur un terminal étroit (sinon, sous 100 colonnes \
ou quand ils ne tiennent pas, le bilan montre un bloc par réseau)",
            ),
        ],
    },
    Page {
        path: "config",
        about: "Montrer ou changer les réglages gardés dans le journal (taux horaire, seuils du \
verdict)",
        after_help: "Exemples :
  netjournal config list
  netjournal config set rate.hourly 60",
        args: &[],
    },
    Page {
        path: "config list",
        about: "Montrer chaque réglage, sa valeur et ce qu'il fait",
        after_help: "Exemple :
  netjournal config list",
        args: &[],
    },
    Page {
        path: "config get",
        about: "Imprimer la valeur d'un réglage",
        after_help: "Exemple :
  netjournal config get rate.hourly",
        args: &[("key", "Le réglage, par exemple verdict.min_meetings")],
    },
    Page {
        path: "config set",
        about: "Changer un réglage",
        after_help: "Exemples :
  netjournal config set rate.hourly 60
  netjournal config set verdict.min_meetings 4",
        args: &[
            ("key", "Le réglage, par exemple rate.hourly"),
            ("value", "Sa nouvelle valeur"),
        ],
    },
    Page {
        path: "config unset",
        about: "Revenir à la valeur par défaut d'un réglage",
        after_help: "Exemple :
  netjournal config unset verdict.min_meetings",
        args: &[("key", "Le réglage")],
    },
    Page {
        path: "edit",
        about: "Changer un réseau, une réunion, un contact, une recommandation ou une note : \
seul ce que vous donnez change",
        after_help: "Seul ce que vous donnez change. `--clear CHAMP` (ou `--unset CHAMP`) vide \
un champ facultatif : `--clear notes`, `--clear rules,notes`. Un réseau ou un contact se désigne \
par son nom (en toute casse) ou par son n° dans `netjournal list` ; une réunion, une \
recommandation ou une note par son n°.

Exemples :
  netjournal edit referral 12 --status won --value 3200
  netjournal edit network \"BNI Montpellier\" --name \"BNI Montpellier Centre\" --clear notes",
        args: &[],
    },
    Page {
        path: "edit network",
        about: "Changer un réseau : le renommer, corriger son type, ses dates ou sa cotisation, \
ou pourquoi vous l'avez quitté",
        after_help: "Exemples :
  netjournal edit network \"BNI Montpellier\" --fee 720 --clear notes
  netjournal edit network \"BNI Montpellier\" --fee 780 --from 2025-01-10
  netjournal edit network \"union des tpe\" --name \"Union des TPE du Lez\" --kind local
  netjournal edit network 3 --left 2024-03-01 --reason \"mon nom sur des communiqués\"",
        args: &[
            (
                "network",
                "Le réseau : son nom (en toute casse) ou son n° dans `netjournal list \
networks` ; sur un terminal, choisi dans une liste s'il est omis",
            ),
            ("name", "Un nouveau nom (unique, sans distinction de casse)"),
            ("kind", "Ce qui rassemble ses membres"),
            ("joined", "Quand vous l'avez rejoint"),
            ("invited_by", "Comment vous l'avez connu, ou qui vous a invité"),
            (
                "fee",
                "La cotisation, par exemple 600 ou 45,50 : une nouvelle cotisation s'applique \
à partir du prochain renouvellement (voir --from), et les périodes précédentes gardent la leur ; \
une première cotisation est celle de l'adhésion",
            ),
            (
                "fee_period",
                "À quel rythme la cotisation se paie [par défaut : comme enregistré, ou year \
pour une première cotisation]",
            ),
            (
                "from",
                "Quand la nouvelle cotisation s'applique [par défaut : au prochain \
renouvellement, compté depuis l'adhésion ; pour un réseau quitté, ou une cotisation payée une \
fois, la cotisation en vigueur est corrigée] ; à la date d'adhésion ou avant, c'est la \
cotisation de l'adhésion. Donnée de nouveau à la même date, elle remplace ce changement",
            ),
            ("rules", "Ses règles, par exemple « un membre par profession »"),
            ("notes", "Tout ce qui mérite d'être retenu"),
            (
                "left",
                "Quand vous l'avez quitté (un réseau quitté ; pour en quitter un, voir \
`netjournal leave network`)",
            ),
            ("reason", "Pourquoi vous l'avez quitté (un réseau quitté)"),
            ("clear", CLEAR),
            (
                "clear=fee",
                "La cotisation, sa période, et chacun de ses changements dans le temps",
            ),
            (
                "force",
                "Garder les nouvelles dates même quand des réunions ou des recommandations déjà \
enregistrées tombent en dehors",
            ),
        ],
    },
    Page {
        path: "edit meeting",
        about: "Changer une réunion, et qui y a été rencontré",
        after_help: "Exemples :
  netjournal edit meeting 4 --travel 40 --cost 14 --rating 2
  netjournal edit meeting 4 --met \"Sophie Durand\" --unmet \"Paul Martin\" --clear notes",
        args: &[
            (
                "meeting",
                "Le n° de la réunion dans `netjournal list meetings` ; sur un terminal, choisie \
dans une liste si elle est omise",
            ),
            (
                "network",
                "Le réseau auquel elle appartient (`--clear network` pour un tête-à-tête hors \
de tout réseau)",
            ),
            ("date", "Quand elle a eu lieu"),
            ("at", "Quand elle a commencé : 7:30, 07:30, 7h30 ou 7h"),
            (
                "format",
                "Comment elle s'est déroulée (phone, video et email sont à distance ; les \
autres en personne)",
            ),
            ("minutes", "Combien de temps elle a duré, en minutes (ou 1h30)"),
            ("travel", "Le temps passé à l'aller et au retour, en minutes"),
            ("cost", "Ce qu'elle vous a coûté (le petit-déjeuner, le billet…)"),
            (
                "met",
                "Une autre personne rencontrée là ; répétez pour chacune. Les noms inconnus \
deviennent de nouveaux contacts",
            ),
            (
                "unmet",
                "Une personne notée comme rencontrée là qui ne l'a pas été ; répétez pour \
chacune",
            ),
            ("rating", "Ce qu'elle valait, de 1 à 5"),
            ("notes", "Ce qui s'est passé, ce que vous avez appris"),
            ("force", FORCE_DATED),
            ("clear", CLEAR),
            (
                "clear=network",
                "Le réseau : un tête-à-tête hors de tout réseau",
            ),
            ("clear=at", "L'heure de début"),
        ],
    },
    Page {
        path: "edit contact",
        about: "Changer un contact : le renommer, corriger son métier, son entreprise, son \
e-mail…",
        after_help: "Exemples :
  netjournal edit contact \"paul martin\" --company \"Martin Plomberie\" --email paul@example.com
  netjournal edit contact 4 --name \"Sophie Durand-Roux\" --clear network",
        args: &[
            (
                "contact",
                "Le contact : son nom (en toute casse) ou son n° dans `netjournal list \
contacts` ; sur un terminal, choisi dans une liste s'il est omis",
            ),
            (
                "name",
                "Un nouveau nom (unique dans le journal, sans distinction de casse)",
            ),
            ("profession", "Son métier"),
            ("company", "Son entreprise"),
            ("network", "Le réseau par lequel vous l'avez rencontré"),
            ("email", "Son adresse e-mail"),
            ("linkedin", "Son profil LinkedIn"),
            ("notes", "Tout ce qui mérite d'être retenu"),
            ("date", "Quand vous l'avez rencontré la première fois"),
            ("clear", CLEAR),
        ],
    },
    Page {
        path: "edit referral",
        about: "Changer une recommandation : son état, et sa valeur quand l'affaire est gagnée",
        after_help: "Exemples :
  netjournal edit referral 12 --status won --value 3200
  netjournal edit referral 7 --status lost --clear value --notes \"une agence moins chère a gagné\"",
        args: &[
            (
                "referral",
                "Le n° de la recommandation dans `netjournal list referrals` ; sur un terminal, \
choisie dans une liste si elle est omise",
            ),
            ("received", "Elle vous a été transmise"),
            ("given", "Vous l'avez transmise à quelqu'un"),
            ("network", "Le réseau par lequel elle est venue"),
            (
                "contact",
                "Qui vous a recommandé, ou qui vous avez recommandé",
            ),
            ("date", "Quand"),
            ("status", "Ce qu'elle a donné [won quand seule --value est donnée]"),
            (
                "value",
                "L'affaire gagnée, par exemple 3200 ou « 3 200 € » (seulement avec l'état won)",
            ),
            ("notes", "De quoi il s'agit"),
            ("force", FORCE_DATED),
            ("clear", CLEAR),
        ],
    },
    Page {
        path: "edit note",
        about: "Changer une note : son texte, ce sur quoi elle porte, si c'est une alerte",
        after_help: "Exemples :
  netjournal edit note 3 --concern
  netjournal edit note 3 --severity minor
  netjournal edit note 3 --resolved 2024-05-02
  netjournal edit note 5 \"Connaît tous les architectes\" --contact \"Sophie Durand\"",
        args: &[
            (
                "note",
                "Le n° de la note dans `netjournal list notes` ; sur un terminal, choisie dans \
une liste si elle est omise",
            ),
            ("text", "Le nouveau texte de la note"),
            ("network", "La mettre plutôt sur ce réseau"),
            (
                "meeting",
                "La mettre plutôt sur la réunion de ce n° (voir `netjournal list meetings`)",
            ),
            ("contact", "La mettre plutôt sur ce contact"),
            (
                "concern",
                "En faire une alerte : un signal d'alarme, comme votre nom utilisé sans votre \
accord",
            ),
            ("no_concern", "Ce n'est finalement pas une alerte"),
            (
                "severity",
                "Le poids de l'alerte : minor ou serious ; fait d'une simple note une alerte",
            ),
            (
                "resolved",
                "L'alerte a été levée, à cette date [par défaut : aujourd'hui]",
            ),
            ("unresolved", "L'alerte tient de nouveau : sa levée est annulée"),
            ("date", "Quand c'est arrivé"),
            ("clear", CLEAR),
            (
                "clear=target",
                "Ce sur quoi porte la note : elle devient une note sans objet particulier",
            ),
        ],
    },
    Page {
        path: "rm",
        about: "Supprimer un réseau, une réunion, un contact, une recommandation ou une note, \
après confirmation",
        after_help: concat!(
            rm_confirm!(),
            "

Exemples :
  netjournal rm network \"BNI Montpellier\"
  netjournal rm referral 3 --yes"
        ),
        args: &[],
    },
    Page {
        path: "rm network",
        about: "Supprimer un réseau avec ses réunions, ses recommandations et ses notes ; ses \
contacts restent",
        after_help: concat!(
            "Ce qui part : le réseau, ses réunions (avec leurs notes et qui y a été rencontré), \
ses recommandations et les notes sur lui. Ce qui reste : les personnes rencontrées par lui, \
comme contacts sans réseau. Ses réunions et ses recommandations partent plutôt que de rester sans \
réseau : le bilan les compterait comme des relations en tête-à-tête. Pour garder l'historique \
d'un réseau que vous avez quitté, enregistrez plutôt votre départ avec `netjournal leave \
network`.

",
            rm_confirm!(),
            "

Exemples :
  netjournal rm network \"BNI Montpellier\"
  netjournal rm network 2 --yes"
        ),
        args: &[(
            "network",
            "Le nom du réseau, ou son numéro dans `netjournal list networks` (`2`, ou `'#2'` : \
un numéro même quand un réseau s'appelle `2`) ; sur un terminal, choisi dans une liste s'il est \
omis",
        )],
    },
    Page {
        path: "rm meeting",
        about: "Supprimer une réunion avec ses notes ; les personnes rencontrées restent",
        after_help: concat!(
            "Ce qui part : la réunion, ses notes, et la trace de qui y a été rencontré. Ce qui \
reste : les personnes rencontrées, comme contacts.

",
            rm_confirm!(),
            "

Exemple :
  netjournal rm meeting 4"
        ),
        args: &[(
            "id",
            "Le numéro de la réunion (le `#` de `netjournal list meetings`) ; sur un terminal, \
choisie dans une liste si elle est omise",
        )],
    },
    Page {
        path: "rm contact",
        about: "Supprimer un contact avec les notes sur lui ; les réunions et les \
recommandations restent",
        after_help: concat!(
            "Ce qui part : le contact, les notes sur lui, et sa place parmi les personnes \
rencontrées à chaque réunion. Ce qui reste : les réunions (elles ont eu lieu, et ont coûté ce \
qu'elles ont coûté) et les recommandations venues de lui ou faites pour lui, sans contact \
(l'affaire a eu lieu elle aussi).

",
            rm_confirm!(),
            "

Exemples :
  netjournal rm contact \"Paul Martin\"
  netjournal rm contact 7 --yes"
        ),
        args: &[(
            "contact",
            "Le nom du contact, ou son numéro dans `netjournal list contacts` (`7`, ou `'#7'` : \
un numéro même quand un contact s'appelle `7`) ; sur un terminal, choisi dans une liste s'il est \
omis",
        )],
    },
    Page {
        path: "rm referral",
        about: "Supprimer une recommandation",
        after_help: concat!(
            "Ce qui part : la recommandation, et rien d'autre. Pour noter plutôt ce qu'elle est \
devenue, voir `netjournal edit referral`.

",
            rm_confirm!(),
            "

Exemple :
  netjournal rm referral 3"
        ),
        args: &[(
            "id",
            "Le numéro de la recommandation (le `#` de `netjournal list referrals`) ; sur un \
terminal, choisie dans une liste si elle est omise",
        )],
    },
    Page {
        path: "rm note",
        about: "Supprimer une note ou une alerte",
        after_help: concat!(
            "Ce qui part : la note (ou l'alerte), et rien d'autre.

",
            rm_confirm!(),
            "

Exemple :
  netjournal rm note 2"
        ),
        args: &[(
            "id",
            "Le numéro de la note (le `#` de `netjournal list notes`) ; sur un terminal, \
choisie dans une liste si elle est omise",
        )],
    },
    Page {
        path: "completions",
        about: "Imprimer un script de complétion pour un shell",
        after_help: "Exemples, pour les installer là où chaque shell les cherche (voir README.md) :
  netjournal completions bash > ~/.local/share/bash-completion/completions/netjournal
  netjournal completions zsh > ~/.zfunc/_netjournal    # fpath=(~/.zfunc $fpath) dans ~/.zshrc
  netjournal completions fish > ~/.config/fish/completions/netjournal.fish
  netjournal completions powershell >> $PROFILE",
        args: &[("shell", "Le shell où compléter")],
    },
    Page {
        path: "man",
        about: "Imprimer la page de manuel (roff, en anglais), par exemple `netjournal man | man \
-l -`",
        after_help: "Exemples :
  netjournal man | man -l -
  netjournal man --dir ~/.local/share/man/man1    # une page par commande, puis `man netjournal`",
        args: &[(
            "dir",
            "Écrire une page par commande (netjournal.1, netjournal-log-meeting.1, …) dans ce \
dossier, au lieu d'imprimer la page principale",
        )],
    },
    Page {
        path: "export",
        about: "Écrire tout le journal en JSON (ou une table en CSV)",
        after_help: "Le document JSON contient chaque réseau, contact, réunion, recommandation \
et note avec son uuid et ses dates de création et de modification, les réglages et la devise ; \
les lignes se désignent entre elles par uuid. `netjournal import FICHIER` l'apporte dans un \
autre journal, en n'ajoutant que ce qui manque à ce journal.

Exemples :
  netjournal export --output journal.json
  netjournal export --format csv --what meetings --output reunions.csv
  netjournal export | jq '.networks[].name'",
        args: &[
            ("format", "Comment l'écrire"),
            (
                "format=json",
                "Tout le journal, chaque ligne avec son uuid : ce que `netjournal import` relit",
            ),
            (
                "format=csv",
                "Une table (`--what`), avec les colonnes de `netjournal list … --format csv`",
            ),
            ("what", "La table à écrire en CSV"),
            (
                "output",
                "L'écrire dans ce fichier (créé lisible par vous seul, remplacé s'il existe) au \
lieu de la sortie standard",
            ),
            ("raw", RAW),
        ],
    },
    Page {
        path: "import",
        about: "Apporter un journal exporté ailleurs, des relations LinkedIn, ou des réunions \
d'un agenda",
        after_help: "Un journal exporté par `netjournal export` est fusionné par uuid : ce qui \
manque au journal est ajouté, ce qu'il a est gardé ; une ligne que le journal a avec un autre \
contenu, ou un réseau ou un contact du même nom sous un autre uuid, est un conflit, signalé et \
résolu en faveur du journal. Importer deux fois le même fichier n'ajoute rien. Une seule \
transaction : un enregistrement invalide n'importe rien, et il est nommé.

Exemples :
  netjournal import journal.json
  netjournal --db portable.db export | netjournal import /dev/stdin",
        args: &[(
            "file",
            "Un journal écrit par `netjournal export` (JSON)",
        )],
    },
    Page {
        path: "import linkedin",
        about: "Des contacts tirés de l'export de données de LinkedIn (Connections.csv)",
        after_help: "Exemples :
  netjournal import linkedin ~/Downloads/Connections.csv
  netjournal import linkedin Connections.csv --network \"Freelances Montpellier\"

LinkedIn donne le fichier dans son export de données : Préférences → Confidentialité des données \
→ Obtenir une copie de vos données → Relations, son en-tête en anglais, français, allemand, \
espagnol, italien, portugais ou néerlandais. Les contacts sont reconnus par profil LinkedIn, \
puis par e-mail, puis par nom ; ce qui manque au journal est complété, ce qu'il contient n'est \
jamais écrasé. Importer de nouveau le fichier n'ajoute rien.",
        args: &[
            ("file", "Le fichier Connections.csv de LinkedIn"),
            (
                "network",
                "Le réseau par lequel les nouveaux contacts ont été rencontrés (les contacts \
déjà dans le journal gardent le leur)",
            ),
        ],
    },
    Page {
        path: "import ics",
        about: "Des réunions tirées des événements d'un agenda (un fichier .ics)",
        after_help: "Exemples :
  netjournal import ics agenda.ics --since 2024-01
  netjournal import ics agenda.ics --match BNI --network \"BNI Montpellier\" --format breakfast
  netjournal import ics agenda.ics --me claire@example.com

Chaque occurrence d'un événement jusqu'à aujourd'hui (ou --until) devient une réunion ; les \
événements récurrents sont développés. Les personnes invitées deviennent les contacts \
rencontrés. Importer de nouveau le fichier n'ajoute rien : une réunion déjà importée prend la \
date, l'heure de début et la durée que l'agenda lui donne maintenant (une série déplacée reste \
une réunion par occurrence), et garde ce que vous y avez ajouté avec `netjournal edit meeting`. \
Les événements sont lus de 1900 à 2100, au plus 10 000 occurrences d'un même événement sur la \
période et 24 sur un même jour.",
        args: &[
            (
                "file",
                "L'agenda, en fichier .ics (iCalendar) exporté par un logiciel d'agenda",
            ),
            (
                "network",
                "Le réseau auquel les réunions appartiennent (et par lequel les nouveaux \
contacts ont été rencontrés)",
            ),
            (
                "matching",
                "Seulement les événements dont le titre contient ce texte (sans distinction de \
casse)",
            ),
            (
                "format",
                "Comment les réunions se sont déroulées : importez un type d'événement à la \
fois avec --match",
            ),
            (
                "since",
                "À partir de cette date (un mois commence à son premier jour) [par défaut : le \
premier événement]",
            ),
            (
                "until",
                "Jusqu'à cette date (un mois finit à son dernier jour) [par défaut : \
aujourd'hui]",
            ),
            (
                "me",
                "Votre propre adresse e-mail, répétée pour chacune : jamais faite contact, et \
les événements que vous avez déclinés sont écartés",
            ),
        ],
    },
    Page {
        path: "backup",
        about: "Copier le journal dans un fichier, sans risque, même pendant qu'il sert",
        after_help: "La copie est un instant du journal, pris par la sauvegarde en ligne de \
SQLite pendant que d'autres commandes peuvent y écrire ; elle est créée lisible par vous seul, \
et vérifiée avant d'être mise en place. C'est un journal comme un autre : lisez-le, ou \
continuez avec, par `--db FICHIER`.

Pour la restaurer, utilisez-la comme journal : `netjournal --db FICHIER …`, ou, sans aucun \
netjournal en cours, copiez-la sur le fichier du journal (voir `netjournal --help` pour savoir \
où il se trouve) après avoir mis l'ancien journal de côté, avec les fichiers `-wal` et `-shm` \
à côté s'il y en a.

Exemples :
  netjournal backup ~/sauvegardes/journal-2024-06-15.db
  netjournal backup journal-sauvegarde.db --force
  netjournal --db journal-sauvegarde.db report",
        args: &[
            ("file", "Le fichier où copier le journal"),
            ("force", "Remplacer FILE s'il existe"),
        ],
    },
    Page {
        path: "forget",
        about: "Effacer une personne du journal, sans laisser de trace d'elle dans le fichier",
        after_help: "Exemples :
  netjournal forget contact \"Zoé Quintal\"
  netjournal forget contact \"Zoé Quintal\" --redact --yes",
        args: &[],
    },
    Page {
        path: "forget contact",
        about: "Effacer une personne : le contact, les notes sur elle, sa place aux réunions ; \
aucune trace d'elle ne reste dans le fichier du journal",
        after_help: "Ce qui part : le contact, les notes sur lui, et sa place parmi les \
personnes rencontrées à chaque réunion. Ce qui reste : les réunions (elles ont eu lieu, et ont \
coûté ce qu'elles ont coûté) et les recommandations venues de lui ou faites pour lui, sans \
contact (l'affaire a eu lieu elle aussi). Le fichier est ensuite réécrit, pour qu'aucun des \
textes effacés n'y reste, pas même dans son espace libre.

Le texte libre ailleurs qui le nomme (les notes d'une réunion, une autre note, la description \
d'une recommandation, les notes d'un réseau…) vous appartient, et n'est pas réécrit : il est \
listé, et `--redact` y remplace son nom par `[forgotten]`. Les exports et sauvegardes faits \
avant gardent ce qu'ils contiennent.

On vous montre ce qui serait effacé et on vous demande de confirmer ; `--yes` répond oui. \
Répondre non n'efface rien et n'est pas une erreur (code 0). Sans terminal, ou avec \
`--no-input`, rien n'est demandé : sans `--yes`, la commande s'arrête avec le code 2 et n'efface \
rien.

Exemples :
  netjournal forget contact \"Zoé Quintal\"
  netjournal forget contact 7 --redact --yes",
        args: &[
            (
                "contact",
                "Le nom du contact, ou son numéro dans `netjournal list contacts` (`7`, ou \
`'#7'`)",
            ),
            (
                "redact",
                "Remplacer aussi son nom par `[forgotten]` dans le texte libre qui le mentionne",
            ),
        ],
    },
    Page {
        path: "merge",
        about: "Faire de deux fiches d'une même personne une seule, après confirmation",
        after_help: "Exemple :
  netjournal merge contact \"Amélie Dupré-Lefèvre\" \"Amelie Dupre Lefevre\"",
        args: &[],
    },
    Page {
        path: "merge contact",
        about: "Faire de deux contacts une seule personne : les réunions, recommandations et \
notes d'OTHER passent à KEEP",
        after_help: "Ce qui passe : les réunions d'OTHER (une réunion avec les deux compte une \
fois), les recommandations venues d'OTHER ou faites pour OTHER, et les notes sur OTHER. KEEP \
garde son nom et ses valeurs ; ses champs vides (métier, entreprise, e-mail, LinkedIn, réseau, \
notes) prennent ceux d'OTHER. Puis OTHER est supprimé. Importer un export fait avant la fusion \
ne fait pas revenir OTHER.

On vous montre ce qui passerait et on vous demande de confirmer ; `--yes` répond oui. Sans \
terminal, ou avec `--no-input`, rien n'est demandé : sans `--yes`, la commande s'arrête avec le \
code 2 et ne fusionne rien.

Exemples :
  netjournal merge contact \"Amélie Dupré-Lefèvre\" \"Amelie Dupre Lefevre\"
  netjournal merge contact 3 7 --yes",
        args: &[
            (
                "keep",
                "Le contact à garder : son nom, ou son numéro dans `netjournal list contacts`",
            ),
            (
                "other",
                "Le contact à fondre dans KEEP puis à supprimer : son nom ou son numéro",
            ),
        ],
    },
    Page {
        path: "recover",
        about: "Sauver dans un nouveau journal ce qui peut encore se lire d'un journal abîmé",
        after_help: "Pour un journal que SQLite dit abîmé (« le fichier journal est \
endommagé ») : chaque ligne encore lisible est copiée, table par table, dans NEW.db, un nouveau \
journal lisible par vous seul. Les lignes des pages abîmées sont perdues ; les lignes qui y \
renvoyaient sont gardées sans ce lien (une réunion dont le réseau est perdu), ou écartées \
quand elles ne peuvent exister sans lui (un participant d'une réunion perdue). Ce qui a été \
sauvé et ce qui a été perdu est dit pour chaque table. Le journal abîmé est seulement lu : \
gardez-le jusqu'à ce que NEW.db vous convienne.

Un journal sain peut aussi être récupéré : NEW.db contient alors ses lignes et rien d'autre, \
sans l'espace libre où un texte effacé peut subsister.

Exemples :
  netjournal recover ~/journal-recupere.db
  netjournal --db ~/journal-recupere.db report",
        args: &[
            ("file", "Le nouveau journal où écrire ce qui peut être lu"),
            ("force", "Remplacer NEW.db s'il existe"),
        ],
    },
];
