//! Every message of the command line — confirmations, errors, hints, questions — once per
//! language, keyed, like the report's sentences in `i18n`. Templates fill `{name}` slots; a
//! template with `|` holds a singular and a plural form (see `Lang::count`).

use crate::i18n::sentences;

sentences! {
    /// A message of the command line.
    Msg;

    // The frame of every error.
    UsageMore => "For more information, try `--help`.", "Pour en savoir plus : `--help`.";
    InvalidValue => "invalid value `{value}` for `{arg}`", "valeur `{value}` invalide pour `{arg}`";
    InvalidValueBecause => "invalid value `{value}` for `{arg}`: {why}",
        "valeur `{value}` invalide pour `{arg}` : {why}";
    PossibleValues => "possible values: {values}", "valeurs possibles : {values}";
    UnknownArgument => "unexpected argument `{arg}`", "option inattendue : `{arg}`";
    UnknownCommand => "unrecognized command `{arg}`", "commande inconnue : `{arg}`";
    DidYouMean => "did you mean `{near}`?", "vouliez-vous dire `{near}` ?";
    MissingArguments => "the following required arguments were not provided: {args}",
        "il manque des arguments obligatoires : {args}";
    ConflictingArguments => "`{arg}` cannot be used with `{other}`",
        "`{arg}` ne peut pas s'utiliser avec `{other}`";
    TooManyValues => "unexpected value `{value}` for `{arg}`: it takes one",
        "valeur en trop `{value}` pour `{arg}` : une seule est attendue";
    MissingValue => "a value is required for `{arg}` but none was supplied",
        "`{arg}` attend une valeur, et aucune n'a été donnée";

    // Values the command line could not take.
    NotADate => "`{value}` is not a date: expected YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, `today` or `yesterday`",
        "`{value}` n'est pas une date : attendu AAAA-MM-JJ, AAAA-MM, JJ/MM/AAAA, `today` (aujourd'hui) ou `yesterday` (hier)";
    NoSuchDay => "`{value}` is not a day of the calendar", "`{value}` n'est pas un jour du calendrier";
    NotAnAmount => "`{value}` is not an amount: expected a number such as 45, 45.50, 45,50, 1 200 or 45 €",
        "`{value}` n'est pas un montant : attendu un nombre comme 45, 45,50, 45.50, 1 200 ou 45 €";
    NegativeAmount => "`{value}` is negative: expected an amount of zero or more",
        "`{value}` est négatif : attendu un montant positif ou nul";
    AmountPrecision => "`{value}` has more than two decimals: expected cents at most, such as 45.50",
        "`{value}` a plus de deux décimales : attendu des centimes au plus, comme 45,50";
    AmountTooLarge => "`{value}` is too large: expected at most 1 000 000 000 000",
        "`{value}` est trop grand : attendu au plus 1 000 000 000 000";
    EmptyName => "the name is empty: expected at least one letter", "le nom est vide : attendu au moins une lettre";
    EmptyText => "the text is empty: expected at least one letter", "le texte est vide : attendu au moins une lettre";
    NameTooLong => "the name is {n} characters long: expected at most {max}",
        "le nom fait {n} caractères : attendu au plus {max}";
    TextTooLong => "the text is {n} characters long: expected at most {max}",
        "le texte fait {n} caractères : attendu au plus {max}";
    ControlCharacter => "{value} contains a control character: expected printable text",
        "{value} contient un caractère de contrôle : attendu du texte imprimable";
    NotARating => "`{value}` is not a rating: expected a whole number from 1 to 5",
        "`{value}` n'est pas une note : attendu un nombre entier de 1 à 5";
    NotADuration => "`{value}` is not a duration: expected minutes from 0 to 1440, such as 90 or 1h30",
        "`{value}` n'est pas une durée : attendu des minutes de 0 à 1440, comme 90 ou 1h30";
    NotAnEmail => "`{value}` is not an e-mail address: expected name@example.com",
        "`{value}` n'est pas une adresse e-mail : attendu nom@exemple.fr";
    NotALinkedin => "`{value}` is not a LinkedIn profile: expected https://www.linkedin.com/in/NAME",
        "`{value}` n'est pas un profil LinkedIn : attendu https://www.linkedin.com/in/NOM";
    NotAnId => "`{value}` is not a row number: expected the # shown by `netjournal list`, such as 12 or #12",
        "`{value}` n'est pas un numéro de ligne : attendu le n° que montre `netjournal list`, comme 12 ou #12";

    // Missing values, names not found.
    Missing => "missing {option}: expected {expected}", "il manque {option} : attendu {expected}";
    MissingNoTerminal => "give {option} on the command line: nothing is asked without a terminal or with `--no-input`",
        "donnez {option} sur la ligne de commande : rien n'est demandé sans terminal ni avec `--no-input`";
    NoNetworkNamed => "no network named `{name}`", "aucun réseau nommé `{name}`";
    NoContactNamed => "no contact named `{name}`", "aucun contact nommé `{name}`";
    NoNetworkYet => "the journal has no network yet: start with `netjournal add network NAME --kind KIND`",
        "le journal n'a encore aucun réseau : commencez par `netjournal add network NOM --kind TYPE`";
    KnownNetworks => "the journal's networks: {names}", "les réseaux du journal : {names}";
    KnownContacts => "the journal's contacts: {names}", "les contacts du journal : {names}";
    RecordContact => "to record them: `netjournal add contact \"{name}\"`",
        "pour l'enregistrer : `netjournal add contact \"{name}\"`";
    NoNetworkNumbered => "no network {id}", "aucun réseau {id}";
    NoContactNumbered => "no contact {id}", "aucun contact {id}";
    NoNetworkNamedOrNumbered => "no network named `{name}` and no network {id}",
        "aucun réseau nommé `{name}` ni numéroté {id}";
    NoContactNamedOrNumbered => "no contact named `{name}` and no contact {id}",
        "aucun contact nommé `{name}` ni numéroté {id}";
    SeeNumbers => "see the numbers with `netjournal list {things}`",
        "les numéros sont dans `netjournal list {things}`";
    PeriodBackwards => "--since {since} is after --until {until}: expected a period that runs forward",
        "--since {since} est après --until {until} : attendu une période dans l'ordre";
    NowInvalid => "NETJOURNAL_NOW=`{value}` is not a moment: expected a date such as 2024-06-01 or an RFC 3339 time such as 2024-06-01T09:30:00+02:00",
        "NETJOURNAL_NOW=`{value}` n'est pas un instant : attendu une date comme 2024-06-01 ou une heure RFC 3339 comme 2024-06-01T09:30:00+02:00";
    NoHome => "cannot find a home folder to keep the journal in",
        "impossible de trouver un dossier personnel où garder le journal";
    GiveDb => "give the journal's path with `--db PATH` or `NETJOURNAL_DB`",
        "donnez le chemin du journal avec `--db CHEMIN` ou `NETJOURNAL_DB`";

    // The journal file.
    CannotCreateDir => "cannot create the folder `{path}` for the journal: {why}",
        "impossible de créer le dossier `{path}` du journal : {why}";
    CannotCreate => "cannot create the journal `{path}`: {why}", "impossible de créer le journal `{path}` : {why}";
    IsDir => "`{path}` is a folder, not a journal file", "`{path}` est un dossier, pas un fichier journal";
    Foreign => "`{path}` is not a netjournal journal", "`{path}` n'est pas un journal netjournal";
    NotAJournalFile => "the file is not a netjournal journal", "le fichier n'est pas un journal netjournal";
    TooNew => "the journal `{path}` was written by a newer netjournal (schema version {found}; this program knows versions up to {known}); it was left untouched",
        "le journal `{path}` a été écrit par un netjournal plus récent (schéma version {found} ; ce programme connaît jusqu'à la version {known}) ; il n'a pas été touché";
    InstallNewer => "install the newer netjournal to open it", "installez le netjournal plus récent pour l'ouvrir";
    ChooseJournal => "choose the journal file with `--db PATH` or `NETJOURNAL_DB`",
        "choisissez le fichier journal avec `--db CHEMIN` ou `NETJOURNAL_DB`";
    Busy => "the journal is busy: another program is writing to it",
        "le journal est occupé : un autre programme y écrit";
    BusyHint => "another program holds the journal; try again in a moment",
        "un autre programme tient le journal ; réessayez dans un instant";
    ReadOnly => "the journal cannot be written: it is read-only", "le journal ne peut pas être écrit : il est en lecture seule";
    DiskFull => "the disk is full: the journal could not be written", "le disque est plein : le journal n'a pas pu être écrit";
    CannotOpen => "the journal file cannot be opened", "le fichier journal ne peut pas être ouvert";
    PermissionDenied => "permission denied on the journal file", "permission refusée sur le fichier journal";
    Damaged => "the journal file is damaged", "le fichier journal est endommagé";
    IoFailure => "the journal could not be read or written", "le journal n'a pas pu être lu ou écrit";
    Refused => "the journal refused the change: it breaks one of the journal's rules",
        "le journal a refusé la modification : elle enfreint une de ses règles";
    Unexpected => "unexpected error from the journal's storage", "erreur inattendue du stockage du journal";
    CannotWriteOutput => "cannot write the output: {why}", "impossible d'écrire la sortie : {why}";
    CannotWriteFile => "cannot write `{path}`: {why}", "impossible d'écrire `{path}` : {why}";

    // Confirmations.
    AddedNetwork => "Added network #{id} `{name}` ({kind}), joined on {date}.",
        "Réseau n°{id} `{name}` ajouté ({kind}), rejoint le {date}.";
    NetworkExists => "a network named `{name}` is already in the journal",
        "un réseau nommé `{name}` est déjà dans le journal";
    SeeNetwork => "see it with `netjournal show network \"{name}\"`",
        "voyez-le avec `netjournal show network \"{name}\"`";
    AddedContact => "Added contact #{id} `{name}`.", "Contact n°{id} `{name}` ajouté.";
    AddedContactThrough => "Added contact #{id} `{name}`, met through {network}.",
        "Contact n°{id} `{name}` ajouté, rencontré via {network}.";
    CreatedContact => "Added contact `{name}`.", "Contact `{name}` ajouté.";
    CreatedContactThrough => "Added contact `{name}`, met through {network}.",
        "Contact `{name}` ajouté, rencontré via {network}.";
    ContactExists => "a contact named `{name}` is already in the journal",
        "un contact nommé `{name}` est déjà dans le journal";
    TwoPeopleOneName => "two people with one name? add what tells them apart, e.g. `Paul Martin (BNI)`",
        "deux personnes du même nom ? ajoutez ce qui les distingue, par exemple `Paul Martin (BNI)`";
    LoggedMeeting => "Logged meeting #{id}: {format} on {date}.", "Réunion n°{id} enregistrée : {format} le {date}.";
    LoggedMeetingAt => "Logged meeting #{id}: {format} at {network} on {date}.",
        "Réunion n°{id} enregistrée : {format} à {network} le {date}.";
    LoggedReferral => "Logged referral #{id}: {direction}, {status}, on {date}.",
        "Recommandation n°{id} enregistrée : {direction}, {status}, le {date}.";
    ValueNeedsWon => "--value {value} is for business won, but the status is `{status}`",
        "--value {value} est pour une affaire gagnée, mais le statut est `{status}`";
    ValueNeedsWonHint => "use `--status won` with `--value`, or leave the value out",
        "utilisez `--status won` avec `--value`, ou ne donnez pas de valeur";
    RecordedValueNeedsWon => "the referral's value, {value}, is for business won, but its status would become `{status}`",
        "la valeur de la recommandation, {value}, est pour une affaire gagnée, mais son statut deviendrait `{status}`";
    RecordedValueNeedsWonHint => "add `--clear value` to drop the value, or leave the status as it is",
        "ajoutez `--clear value` pour retirer la valeur, ou laissez le statut tel quel";
    AddedNote => "Added note #{id}.", "Note n°{id} ajoutée.";
    AddedNoteOn => "Added note #{id} on {on}.", "Note n°{id} ajoutée sur {on}.";
    AddedConcern => "Added concern #{id}.", "Alerte n°{id} ajoutée.";
    AddedConcernOn => "Added concern #{id} on {on}.", "Alerte n°{id} ajoutée sur {on}.";
    OnNetwork => "network {name}", "le réseau {name}";
    OnMeeting => "meeting #{id}", "la réunion n°{id}";
    OnContact => "contact {name}", "le contact {name}";
    NoMeeting => "no meeting #{id}", "aucune réunion n°{id}";
    SeeMeetings => "see the meetings' numbers with `netjournal list meetings`",
        "les numéros des réunions sont dans `netjournal list meetings`";
    LeftNetwork => "Left network `{name}` on {date}.", "Réseau `{name}` quitté le {date}.";
    AlreadyLeft => "network `{name}` was already left on {date}", "le réseau `{name}` a déjà été quitté le {date}";
    EditLeft => "to change when or why: `netjournal edit network \"{name}\" --left DATE --reason TEXT`",
        "pour changer la date ou la raison : `netjournal edit network \"{name}\" --left DATE --reason TEXTE`";
    LeftBeforeJoined => "--date {date} is before `{name}` was joined, on {joined}",
        "--date {date} est avant l'adhésion à `{name}`, le {joined}";
    LeftBeforeJoinedHint => "give the date you left, on or after the date you joined",
        "donnez la date de départ, le jour de l'adhésion ou après";
    NothingToList => "Nothing to list.", "Rien à lister.";

    // Questions asked on a terminal.
    AskLeftNetwork => "Which network did you leave?", "Quel réseau avez-vous quitté ?";
    AskLeftWhen => "When did you leave?", "Quand l'avez-vous quitté ?";
    AskLeftWhy => "Why did you leave, in a few words?", "Pourquoi, en quelques mots ?";
    AskDirection => "Did you receive it or give it?", "L'avez-vous reçue ou donnée ?";
    AskReferralNetwork => "Which network did it come through?", "Par quel réseau est-elle venue ?";
    AskReferralContact => "Who referred you, or whom did you refer?", "Qui vous a recommandé, ou qui avez-vous recommandé ?";
    AskWhen => "When?", "Quand ?";
    AskOutcome => "What came of it?", "Qu'en est-il sorti ?";
    AskValue => "The business won, such as 3200?", "Le montant gagné, par exemple 3200 ?";
    AskAbout => "What is it about?", "De quoi s'agit-il ?";
    AskMeetingNetwork => "Which network was it?", "Quel réseau ?";
    AskMeetingWhen => "When was it?", "C'était quand ?";
    AskMet => "Whom did you meet?", "Qui avez-vous rencontré ?";
    AskMinutes => "How many minutes did it last?", "Combien de minutes a-t-elle duré ?";
    AskTravel => "Minutes spent getting there and back?", "Minutes de trajet, aller et retour ?";
    AskCost => "What did it cost you?", "Combien vous a-t-elle coûté ?";
    AskRating => "How worthwhile was it, from 1 to 5?", "Combien valait-elle, de 1 à 5 ?";
    AskNotes => "Notes?", "Notes ?";
    AskNetworkName => "The network's name?", "Le nom du réseau ?";
    AskJoined => "When did you join?", "Quand l'avez-vous rejoint ?";
    AskInvitedBy => "How did you find it, or who invited you?", "Comment l'avez-vous trouvé, ou qui vous a invité ?";
    AskFee => "Its membership fee?", "Sa cotisation ?";
    AskFeePeriod => "How often is it paid?", "Payée tous les combien ?";
    AskOther => "Anything else worth remembering?", "Autre chose à retenir ?";
    AskRules => "Its rules, such as \"one member per profession\"?", "Ses règles, par exemple \"un seul membre par métier\" ?";
    AskContactName => "Their name?", "Son nom ?";
    AskProfession => "What do they do?", "Son métier ?";
    AskCompany => "Where do they work?", "Son entreprise ?";
    AskContactNetwork => "Which network did you meet them through?", "Par quel réseau l'avez-vous rencontré ?";
    AskEmail => "Their e-mail address?", "Son adresse e-mail ?";
    AskLinkedin => "Their LinkedIn profile?", "Son profil LinkedIn ?";
    AskFirstMet => "When did you first meet them?", "Quand l'avez-vous rencontré pour la première fois ?";
    AskNote => "The note?", "La note ?";
    AskWhichNetwork => "Which network?", "Quel réseau ?";
    AskWho => "Who?", "Qui ?";
    AskMeetingNumber => "The meeting's number (see `netjournal list meetings`)?", "Le numéro de la réunion (voir `netjournal list meetings`) ?";
    AskConcern => "Is it a concern, a red flag?", "Est-ce une alerte, un signal d'alarme ?";
    AskHappened => "When did it happen?", "Quand est-ce arrivé ?";
    AskFormat => "How did it take place?", "Comment s'est-elle passée ?";
    AskKind => "What kind of network is it?", "Quel type de réseau ?";
    NotConfirmed => "not confirmed: {question}", "non confirmé : {question}";
    NotConfirmedHint => "nothing is asked without a terminal or with `--no-input`: add `--yes` to confirm",
        "rien n'est demandé sans terminal ni avec `--no-input` : ajoutez `--yes` pour confirmer";
    Interrupted => "interrupted: nothing was recorded", "interrompu : rien n'a été enregistré";
    CannotAsk => "cannot ask on the terminal: {why}", "impossible de poser la question sur le terminal : {why}";
    CannotAskHint => "give every value on the command line, or add `--no-input`",
        "donnez chaque valeur sur la ligne de commande, ou ajoutez `--no-input`";
    HowSkip => "empty to skip", "vide pour passer";
    HowNames => "names separated by commas, Tab completes", "noms séparés par des virgules, Tab complète";
    HowNone => "empty for none, Tab completes", "vide pour personne, Tab complète";
    ExpectFormat => "how the meeting took place: {values}", "comment la réunion s'est passée : {values}";
    ExpectOneOf => "one of {values}", "une valeur parmi {values}";
    ExpectNetworkName => "the network's name", "le nom du réseau";
    ExpectPersonName => "the person's name", "le nom de la personne";
    EveryNetworkLeft => "every network in the journal was left; to record a new one: `netjournal add network NAME --kind KIND`",
        "tous les réseaux du journal ont été quittés ; pour en enregistrer un nouveau : `netjournal add network NOM --kind TYPE`";
    NetworkLabelLeft => "{name} ({kind}, left {date})", "{name} ({kind}, quitté le {date})";
    AnswerNoContactNear => "no contact named `{name}`: did you mean `{near}`?",
        "aucun contact nommé `{name}` : vouliez-vous dire `{near}` ?";
    AnswerNoContact => "no contact named `{name}`: leave it empty, or record them first",
        "aucun contact nommé `{name}` : laissez vide, ou enregistrez-le d'abord";
    ExpectReason => "why you left, in a few words", "pourquoi vous êtes parti, en quelques mots";
    ExpectDirection => "the referral's direction", "le sens de la recommandation";
    NoneRelationship => "(none — a personal relationship)", "(aucun — une relation personnelle)";
    NoneOneToOne => "(none — a one-to-one outside any network)", "(aucun — un tête-à-tête hors réseau)";
    NoneOutside => "(none — met outside any network)", "(aucun — rencontré hors réseau)";
    ExpectNoteText => "the note's text", "le texte de la note";
    OptReceivedOrGiven => "--received or --given", "--received ou --given";
    WroteReport => "Wrote the report to {path}.", "Bilan écrit dans {path}.";
    // Why the system refused a file, in French (English keeps the system's own words).
    IoNotFound => "no such file or directory", "fichier ou dossier introuvable";
    IoPermissionDenied => "permission denied", "permission refusée";
    IoAlreadyExists => "it already exists", "il existe déjà";
    IoReadOnly => "read-only file system", "système de fichiers en lecture seule";
    IoStorageFull => "no space left on the disk", "plus de place sur le disque";
    IoNotADirectory => "not a directory", "ce n'est pas un dossier";
    IoIsADirectory => "it is a directory", "c'est un dossier";
    CannotWriteCsv => "cannot write CSV: {why}", "impossible d'écrire le CSV : {why}";
    CannotWriteJson => "cannot write JSON: {why}", "impossible d'écrire le JSON : {why}";

    // What a note is about, asked on a terminal.
    AboutNetwork => "a network", "un réseau";
    AboutContact => "a contact", "un contact";
    AboutMeeting => "a meeting", "une réunion";
    AboutNothing => "nothing in particular", "rien de particulier";

    NameRefused => "`{name}`: {why}", "`{name}` : {why}";

    // A yes/no question on a terminal (French only: English is dialoguer's own).
    YesNoKeys => "(y/n)", "(o/n)";
    Yes => "yes", "oui";
    No => "no", "non";

    // edit: refusals.
    NothingToChange => "nothing to change: give at least one option, such as {example}",
        "rien à changer : donnez au moins une option, par exemple {example}";
    SeeEditHelp => "see what can be changed with `netjournal edit {noun} --help`",
        "ce qui peut être changé : `netjournal edit {noun} --help`";
    EditExampleNetwork => "--name, --fee or --clear notes", "--name, --fee ou --clear notes";
    EditExampleMeeting => "--rating, --met NAME or --clear notes", "--rating, --met NOM ou --clear notes";
    EditExampleContact => "--company, --email or --clear notes", "--company, --email ou --clear notes";
    EditExampleReferral => "--status won --value AMOUNT", "--status won --value MONTANT";
    EditExampleNote => "a new TEXT, --concern or --date", "un nouveau TEXTE, --concern ou --date";
    Contradict => "{option} and `--clear {field}` contradict each other",
        "{option} et `--clear {field}` se contredisent";
    ContradictHint => "give {option} to set the {field}, or `--clear {field}` to empty it",
        "donnez {option} pour le remplir, ou `--clear {field}` pour le vider";
    StillActive => "{option} is for a network you left, and `{name}` is still active",
        "{option} est pour un réseau quitté, et `{name}` est toujours actif";
    RecordLeaving => "to record that you left it: `netjournal leave network \"{name}\" --reason TEXT`",
        "pour noter que vous l'avez quitté : `netjournal leave network \"{name}\" --reason TEXTE`";
    PeriodNeedsFee => "--fee-period {period} needs a fee, and `{name}` has none",
        "--fee-period {period} demande une cotisation, et `{name}` n'en a pas";
    PeriodNeedsFeeHint => "give the amount too: `--fee AMOUNT --fee-period PERIOD`",
        "donnez aussi le montant : `--fee MONTANT --fee-period PÉRIODE`";
    EditLeftBeforeJoined => "--left {left} is before `{name}` was joined, on {joined}",
        "--left {left} est avant l'adhésion à `{name}`, le {joined}";
    EditJoinedAfterLeft => "--joined {joined} is after `{name}` was left, on {left}",
        "--joined {joined} est après le départ de `{name}`, le {left}";
    LeftOnOrAfterJoined => "the day you left is on or after the day you joined",
        "le jour du départ est le jour de l'adhésion ou après";
    MetAndUnmet => "--met `{name}` and --unmet `{name}` contradict each other",
        "--met `{name}` et --unmet `{name}` se contredisent";
    GiveOne => "give one of them", "donnez l'un ou l'autre";
    NotMetThere => "`{name}` is not recorded as met at meeting #{id}",
        "`{name}` ne figure pas parmi les personnes rencontrées à la réunion n°{id}";
    NobodyMetThere => "nobody is recorded as met there", "personne n'y figure parmi les personnes rencontrées";
    MetThere => "the people met there: {names}", "les personnes rencontrées : {names}";
    ContactMissing => "contact #{id} is missing from the journal", "le contact n°{id} manque au journal";
    NoReferral => "no referral #{id}", "aucune recommandation n°{id}";
    SeeReferrals => "see the referrals' numbers with `netjournal list referrals`",
        "les numéros des recommandations sont dans `netjournal list referrals`";
    NoNote => "no note #{id}", "aucune note n°{id}";
    SeeNotes => "see the notes' numbers with `netjournal list notes`",
        "les numéros des notes sont dans `netjournal list notes`";

    // edit: what changed, field by field.
    UpdatedNetwork => "Updated network #{id} `{name}`: {changes}.", "Réseau n°{id} `{name}` modifié : {changes}.";
    UnchangedNetwork => "Nothing changed: network #{id} `{name}` already holds these values.",
        "Rien n'a changé : le réseau n°{id} `{name}` a déjà ces valeurs.";
    UpdatedMeeting => "Updated meeting #{id}: {changes}.", "Réunion n°{id} modifiée : {changes}.";
    UnchangedMeeting => "Nothing changed: meeting #{id} already holds these values.",
        "Rien n'a changé : la réunion n°{id} a déjà ces valeurs.";
    UpdatedContact => "Updated contact #{id} `{name}`: {changes}.", "Contact n°{id} `{name}` modifié : {changes}.";
    UnchangedContact => "Nothing changed: contact #{id} `{name}` already holds these values.",
        "Rien n'a changé : le contact n°{id} `{name}` a déjà ces valeurs.";
    UpdatedReferral => "Updated referral #{id}: {changes}.", "Recommandation n°{id} modifiée : {changes}.";
    UnchangedReferral => "Nothing changed: referral #{id} already holds these values.",
        "Rien n'a changé : la recommandation n°{id} a déjà ces valeurs.";
    UpdatedNote => "Updated note #{id}: {changes}.", "Note n°{id} modifiée : {changes}.";
    UnchangedNote => "Nothing changed: note #{id} already holds these values.",
        "Rien n'a changé : la note n°{id} a déjà ces valeurs.";
    ChangeSet => "{field} → {new}", "{field} → {new}";
    ChangeFrom => "{field} {old} → {new}", "{field} {old} → {new}";
    ChangeCleared => "{field} {old} → none", "{field} {old} → néant";
    MetAdded => "met + {name}", "contacts + {name}";
    MetRemoved => "met − {name}", "contacts − {name}";
    FeeOnce => "{amount} once", "{amount} une fois";
    FeePer => "{amount} per {period}", "{amount} par {period}";
    FieldName => "name", "nom";
    FieldKind => "kind", "type";
    FieldJoined => "joined", "adhésion";
    FieldInvitedBy => "invited by", "invité par";
    FieldFee => "fee", "cotisation";
    FieldRules => "rules", "règles";
    FieldNotes => "notes", "notes";
    FieldLeft => "left", "départ";
    FieldReason => "reason", "raison du départ";
    FieldExitReason => "exit reason", "raison du départ";
    FieldNetwork => "network", "réseau";
    FieldDate => "date", "date";
    FieldFormat => "format", "format";
    FieldMinutes => "minutes", "minutes";
    FieldTravel => "travel", "trajet";
    FieldCost => "cost", "coût";
    FieldRating => "rating", "évaluation";
    FieldProfession => "profession", "métier";
    FieldCompany => "company", "entreprise";
    FieldEmail => "email", "e-mail";
    FieldLinkedin => "linkedin", "LinkedIn";
    FieldDirection => "direction", "sens";
    FieldContact => "contact", "contact";
    FieldStatus => "status", "statut";
    FieldValue => "value", "valeur";
    FieldText => "text", "texte";
    FieldConcern => "concern", "alerte";
    FieldOn => "on", "sur";

    // rm: the question, what went, what stayed.
    ExpectNetworkNameOrNumber => "the network's name or number", "le nom ou le numéro du réseau";
    ExpectContactNameOrNumber => "the contact's name or number", "le nom ou le numéro du contact";
    ExpectMeetingNumber => "the meeting's number", "le numéro de la réunion";
    ExpectReferralNumber => "the referral's number", "le numéro de la recommandation";
    ExpectNoteNumber => "the note's number", "le numéro de la note";
    NothingRemoved => "Nothing removed.", "Rien n'a été supprimé.";
    ChangedMeanwhile => "the journal changed while you were answering: nothing removed",
        "le journal a changé pendant votre réponse : rien n'a été supprimé";
    ChangedMeanwhileHint => "run the command again to see what would go now",
        "relancez la commande pour voir ce qui serait supprimé maintenant";
    GoneNetwork => "the network was removed by another command meanwhile: nothing removed",
        "le réseau a été supprimé entre-temps par une autre commande : rien n'a été supprimé";
    GoneContact => "the contact was removed by another command meanwhile: nothing removed",
        "le contact a été supprimé entre-temps par une autre commande : rien n'a été supprimé";
    CountMeetings => "{n} meeting|{n} meetings", "{n} réunion|{n} réunions";
    CountReferrals => "{n} referral|{n} referrals", "{n} recommandation|{n} recommandations";
    CountNotes => "{n} note|{n} notes", "{n} note|{n} notes";
    AndLast => "{init} and {last}", "{init} et {last}";
    With => ", with {things}", ", avec {things}";
    AlsoRemoved => ", {things}", ", ainsi que {things}";
    AskRemoveNetwork => "Remove network `{name}`{with}{kept}?", "Supprimer le réseau `{name}`{with}{kept} ?";
    StaysNetworkContacts => "the contact met through it stays|the {n} contacts met through it stay",
        "le contact rencontré par ce réseau reste|les {n} contacts rencontrés par ce réseau restent";
    RemovedNetwork => "Removed network `{name}`{also}.", "Réseau `{name}` supprimé{also}.";
    KeptNetworkContacts => "Kept the contact met through it, now with no network.|Kept the {n} contacts met through it, now with no network.",
        "Le contact rencontré par ce réseau est gardé, désormais sans réseau.|Les {n} contacts rencontrés par ce réseau sont gardés, désormais sans réseau.";
    AskRemoveContact => "Remove contact `{name}`{with}{kept}?", "Supprimer le contact `{name}`{with}{kept} ?";
    StaysWithContact => "{things} with them stays|{things} with them stay",
        "{things} avec ce contact reste|{things} avec ce contact restent";
    RemovedContact => "Removed contact `{name}`{also}.", "Contact `{name}` supprimé{also}.";
    KeptWithContact => "Kept {things} with them.|Kept {things} with them.",
        "Reste au journal : {things} avec ce contact.|Restent au journal : {things} avec ce contact.";
    NoContactYet => "the journal has no contact yet", "le journal n'a encore aucun contact";
    SeeContacts => "see the contacts with `netjournal list contacts`", "les contacts sont dans `netjournal list contacts`";
    AskRemoveMeeting => "Remove meeting #{id}: {format} on {date}{with}{kept}?",
        "Supprimer la réunion n°{id} : {format} le {date}{with}{kept} ?";
    AskRemoveMeetingAt => "Remove meeting #{id}: {format} at {network} on {date}{with}{kept}?",
        "Supprimer la réunion n°{id} : {format} à {network} le {date}{with}{kept} ?";
    StaysMeetingContacts => "the contact met there stays|the {n} contacts met there stay",
        "le contact rencontré reste|les {n} contacts rencontrés restent";
    RemovedMeeting => "Removed meeting #{id}{also}.", "Réunion n°{id} supprimée{also}.";
    AskRemoveReferral => "Remove referral #{id}: {direction}{whom}, {status}, on {date}?",
        "Supprimer la recommandation n°{id} : {direction}{whom}, {status}, le {date} ?";
    // `{from}` is the contact as `Lang::by` gives it: `Paul`, `de Paul`, `d'Hélène`.
    ReferralFrom => " from {from}", " {from}";
    ReferralTo => " to {name}", " à {name}";
    RemovedReferral => "Removed referral #{id}.", "Recommandation n°{id} supprimée.";
    AskRemoveNote => "Remove note #{id} of {date}: {text}?", "Supprimer la note n°{id} du {date} : {text} ?";
    AskRemoveConcern => "Remove concern #{id} of {date}: {text}?", "Supprimer l'alerte n°{id} du {date} : {text} ?";
    RemovedNote => "Removed note #{id}.", "Note n°{id} supprimée.";
    RemovedConcern => "Removed concern #{id}.", "Alerte n°{id} supprimée.";

    // config.
    ColSetting => "Setting", "Réglage";
    ColDefault => "Default", "Par défaut";
    ColMeaning => "Meaning", "Signification";
    NotSetCell => "(unset)", "(non défini)";
    SettingIsDefault => "{key} = {value} (the default)", "{key} = {value} (la valeur par défaut)";
    SettingUnset => "{key} is no longer set", "{key} n'est plus défini";
    SettingNotSet => "`{key}` is not set", "`{key}` n'est pas défini";
    SetItWith => "set it with `netjournal config set {key} VALUE`",
        "définissez-le avec `netjournal config set {key} VALEUR`";
    NoSetting => "no setting named `{name}`", "aucun réglage nommé `{name}`";
    KnownSettings => "the settings are: {names}", "les réglages sont : {names}";
    NotASettingValue => "`{value}` is not a value for {key}: expected {expected}",
        "`{value}` n'est pas une valeur pour {key} : attendu {expected}";
    ExpectWholeNumber => "a whole number from {min} to {max}", "un nombre entier de {min} à {max}";
    ExpectRatio => "a number of zero or more, such as 1 or 1.5", "un nombre positif ou nul, comme 1 ou 1,5";
    ExpectPercent => "a percentage from 0 to 100", "un pourcentage de 0 à 100";
    ExpectCurrency => "a three-letter currency code such as EUR", "un code de devise à trois lettres, comme EUR";
    HelpCurrency => "the journal's currency, an ISO code (amounts are shown in it, never converted)",
        "la devise du journal, un code ISO (les montants y sont affichés, jamais convertis)";
    HelpRateHourly => "what an hour of your time is worth; the report then counts the time spent",
        "ce que vaut une heure de votre temps ; le bilan compte alors le temps passé";
    HelpMinMeetings => "meetings attended before a network is judged (fewer: `watch`, too early)",
        "réunions suivies avant qu'un réseau soit jugé (en deçà : « surveiller », trop tôt)";
    HelpMinReferrals => "referrals a judged network is expected to have brought (fewer: `leave`)",
        "recommandations qu'un réseau jugé doit avoir apportées (en deçà : « partir »)";
    HelpMinRoi => "business won for each unit of money spent needed to `stay` (1 = break even)",
        "montant gagné pour chaque unité dépensée qu'il faut pour « rester » (1 = rentrer dans ses frais)";
    HelpLeaveConcerns => "concerns that make a network `leave` (one concern already makes it `watch`)",
        "alertes qui font d'un réseau un « partir » (une seule alerte en fait déjà un « surveiller »)";
    HelpMaxMetOnce => "share of contacts met only once (%) above which relationships are too shallow",
        "part des contacts vus une seule fois (%) au-delà de laquelle les relations sont trop superficielles";

    // show network and the lists: labels, section titles, column headers, cells.
    SectionMeetings => "Meetings ({n})", "Réunions ({n})";
    SectionContacts => "Contacts ({n})", "Contacts ({n})";
    SectionReferrals => "Referrals ({n})", "Recommandations ({n})";
    SectionNotes => "Notes ({n})", "Notes ({n})";
    ColNumber => "#", "n°";
    ColNetwork => "Network", "Réseau";
    ColKind => "Kind", "Type";
    ColStatus => "Status", "Statut";
    ColJoined => "Joined", "Adhésion";
    ColLeft => "Left", "Départ";
    ColFee => "Fee", "Cotisation";
    ColExitReason => "Exit reason", "Raison du départ";
    ColDate => "Date", "Date";
    ColFormat => "Format", "Format";
    ColMinutes => "Minutes", "Minutes";
    ColTravel => "Travel", "Trajet";
    ColCost => "Cost", "Coût";
    ColRating => "Rating", "Évaluation";
    ColMet => "Met", "Contacts";
    ColName => "Name", "Nom";
    ColProfession => "Profession", "Métier";
    ColCompany => "Company", "Entreprise";
    ColMeetingsShared => "Meetings shared", "Réunions communes";
    ColEmail => "E-mail", "E-mail";
    ColDirection => "Direction", "Sens";
    ColContact => "Contact", "Contact";
    ColValue => "Value", "Valeur";
    ColDescription => "Description", "Description";
    ColConcern => "Concern", "Alerte";
    ColOn => "On", "Sur";
    ColNote => "Note", "Note";
    CellOnMeeting => "meeting #{id}", "réunion n°{id}";
    StatusActive => "active", "actif";
    StatusLeft => "left", "quitté";

    // man.
    CannotMakeManPage => "cannot make the manual page: {why}", "impossible de créer la page de manuel : {why}";
    CannotWriteManPages => "cannot write the manual pages in `{path}`: {why}",
        "impossible d'écrire les pages de manuel dans `{path}` : {why}";
    ChooseManDir => "choose a folder you can write to with `--dir DIR`",
        "choisissez un dossier où vous pouvez écrire avec `--dir DOSSIER`";
    WroteManPages => "Wrote the manual pages in {path}.", "Pages de manuel écrites dans {path}.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Template};

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_slots() {
        let slots = |t: &str| {
            let mut names: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}'))
                .map(|(n, _)| n.into())
                .collect();
            names.sort();
            names.dedup();
            names
        };
        for key in Msg::ALL {
            let (en, fr) = (key.template(Lang::En), key.template(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{key:?}");
            assert_eq!(slots(en), slots(fr), "{key:?}");
            assert_eq!(en.contains('|'), fr.contains('|'), "{key:?}");
        }
    }
}
