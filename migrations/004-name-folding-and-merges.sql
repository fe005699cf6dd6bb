-- netjournal schema, version 4: names are matched ignoring accents, apostrophe and dash styles
-- and Unicode normalisation; merged contacts are remembered.
--
-- * `name_key` (networks, contacts) takes the folded form of `domain::text::name_key`. The
--   fold is computed by the program, so the re-keying is a Rust step run in this migration's
--   transaction, right after this file (see `migrate::RUST_STEPS`). Two rows whose names now
--   fold alike (`Amélie Dupré` and `Amelie Dupre`) are both kept: the first keeps the key, the
--   later one's key gets a suffix no typed name can have (U+001F, then its uuid), and a name
--   lookup that finds both asks which one (`merge contact` makes them one).
-- * `merged_contacts` remembers each contact merged into another by `merge contact`, by
--   uuid, so that importing an export taken before the merge maps the merged person's rows
--   onto the one kept instead of bringing them back.

CREATE TABLE merged_contacts (
    old_uuid   TEXT PRIMARY KEY NOT NULL,
    into_uuid  TEXT NOT NULL,
    merged_at  TEXT NOT NULL,
    CHECK (old_uuid <> into_uuid)
) STRICT;
