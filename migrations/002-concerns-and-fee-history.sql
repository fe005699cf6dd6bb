-- netjournal schema, version 2: concerns are weighed, and a fee change takes effect from a date.
--
-- * A concern has a severity (`minor` or `serious`) and may be resolved on a date: minor
--   concerns never decide a verdict alone, resolved ones are history. Concerns recorded before
--   this version were all red flags: they become `serious`, unresolved.
-- * `fee_changes` holds the fees that took effect after joining: the network's own
--   `fee_cents`/`fee_period` is the fee it was joined at, and each change applies from its
--   `from_on` date, so that a past period keeps the fee it was paid at. A journal of version 1
--   has no change yet: its fees apply from joining, as they did.
--
-- The notes table is rebuilt to hold its new constraints (SQLite adds no table CHECK to an
-- existing table); no table refers to notes, so the copy keeps every row and id as it was.

CREATE TABLE notes_v2 (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    date        TEXT NOT NULL CHECK (date(date) = date),
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    concern     INTEGER NOT NULL DEFAULT 0 CHECK (concern IN (0, 1)),
    severity    TEXT CHECK (severity IS NULL OR severity IN ('minor', 'serious')),
    resolved_on TEXT CHECK (resolved_on IS NULL OR date(resolved_on) = resolved_on),
    network_id  INTEGER REFERENCES networks (id),
    meeting_id  INTEGER REFERENCES meetings (id),
    contact_id  INTEGER REFERENCES contacts (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((network_id IS NOT NULL) + (meeting_id IS NOT NULL) + (contact_id IS NOT NULL) <= 1),
    -- A concern has a severity; a plain note has none, and is never resolved.
    CHECK ((concern = 1) = (severity IS NOT NULL)),
    CHECK (resolved_on IS NULL OR concern = 1)
) STRICT;

INSERT INTO notes_v2 (id, uuid, date, body, concern, severity, resolved_on, network_id,
                      meeting_id, contact_id, created_at, updated_at)
SELECT id, uuid, date, body, concern, CASE WHEN concern = 1 THEN 'serious' END, NULL,
       network_id, meeting_id, contact_id, created_at, updated_at
FROM notes;

DROP TABLE notes;
ALTER TABLE notes_v2 RENAME TO notes;

CREATE INDEX notes_network ON notes (network_id);
CREATE INDEX notes_meeting ON notes (meeting_id);
CREATE INDEX notes_contact ON notes (contact_id);
CREATE INDEX notes_date ON notes (date);

CREATE TABLE fee_changes (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    network_id  INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    from_on     TEXT NOT NULL CHECK (date(from_on) = from_on),
    fee_cents   INTEGER NOT NULL CHECK (fee_cents >= 0),
    fee_period  TEXT NOT NULL CHECK (fee_period IN ('year', 'month', 'once')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (network_id, from_on)
) STRICT;
