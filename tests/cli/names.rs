//! Names as people type them (issue 14): matched ignoring case, accents, apostrophe and dash
//! styles, Unicode normalisation and extra spaces; near-duplicates asked about or refused, never
//! silently created; and messages that show a typed name as typed.

use crate::common::{TODAY, TestEnv};

#[test]
fn a_name_with_braces_is_shown_as_typed() {
    let env = TestEnv::new();
    env.run(["add", "network", "Club {date}", "--kind", "local"])
        .success()
        .stdout_is(&format!(
            "Added network #1 `Club {{date}}` (local), joined on {TODAY}.\n"
        ));
    env.run([
        "--lang", "fr", "add", "contact", "{name} {id}", "--network", "Club {date}",
    ])
    .success()
    .stdout_is("Contact n°1 `{name} {id}` ajouté, rencontré via Club {date}.\n");
}
