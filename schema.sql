-- netjournal schema, version 1.
--
-- This file is the single source of the journal's schema: the program embeds it with
-- `include_str!` and applies it as migration 1 (see src/db/migrate.rs). Later changes are new
-- numbered migrations keyed on `PRAGMA user_version`, never an edit of a user's file by hand.
--
-- Conventions:
--   * every row has an integer `id` (for people to type) and a stable `uuid` (for export,
--     import and merges, so that a round trip never duplicates a row);
--   * dates are ISO-8601 text (`YYYY-MM-DD`), so that they sort and compare as text;
--   * money is an integer number of minor units (cents) of the journal's one currency;
--   * names are matched case-insensitively through `name_key`, the Unicode lower-case form of
--     the name computed by the program (SQLite's NOCASE only folds ASCII letters).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('currency', 'EUR');

CREATE TABLE networks (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('gender-based', 'co-optation', 'political',
                    'professional', 'alumni', 'online', 'local', 'other')),
    joined_on   TEXT CHECK (joined_on IS NULL OR date(joined_on) = joined_on),
    left_on     TEXT CHECK (left_on IS NULL OR date(left_on) = left_on),
    exit_reason TEXT,
    invited_by  TEXT,
    fee_cents   INTEGER CHECK (fee_cents IS NULL OR fee_cents >= 0),
    fee_period  TEXT CHECK (fee_period IS NULL OR fee_period IN ('year', 'month', 'once')),
    rules       TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((fee_cents IS NULL) = (fee_period IS NULL)),
    CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
) STRICT;

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT NOT NULL UNIQUE,
    profession  TEXT,
    company     TEXT,
    email       TEXT,
    linkedin    TEXT,
    network_id  INTEGER REFERENCES networks (id),
    notes       TEXT,
    added_on    TEXT NOT NULL CHECK (date(added_on) = added_on),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX contacts_network ON contacts (network_id);

CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    date           TEXT NOT NULL CHECK (date(date) = date),
    network_id     INTEGER REFERENCES networks (id),
    format         TEXT NOT NULL CHECK (format IN ('breakfast', 'lunch', 'dinner', 'evening',
                       'event', 'one-to-one', 'phone', 'video', 'email')),
    -- Derived from the format, stored so that the report can count without a CASE.
    in_person      INTEGER NOT NULL CHECK (in_person IN (0, 1)),
    minutes        INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
    travel_minutes INTEGER CHECK (travel_minutes IS NULL OR travel_minutes BETWEEN 0 AND 1440),
    cost_cents     INTEGER CHECK (cost_cents IS NULL OR cost_cents >= 0),
    rating         INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    notes          TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX meetings_network_date ON meetings (network_id, date);
CREATE INDEX meetings_date ON meetings (date);

-- Which contacts were met at which meeting: the depth of a relationship is the number of
-- meetings shared with that contact.
CREATE TABLE meeting_contacts (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_contacts_contact ON meeting_contacts (contact_id, meeting_id);

CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    direction   TEXT NOT NULL CHECK (direction IN ('received', 'given')),
    date        TEXT NOT NULL CHECK (date(date) = date),
    network_id  INTEGER REFERENCES networks (id),
    contact_id  INTEGER REFERENCES contacts (id),
    description TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
    value_cents INTEGER CHECK (value_cents IS NULL OR value_cents >= 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (value_cents IS NULL OR status = 'won')
) STRICT;

CREATE INDEX referrals_network_date ON referrals (network_id, date);
CREATE INDEX referrals_contact ON referrals (contact_id);
CREATE INDEX referrals_date ON referrals (date);

-- Free text attached to at most one of a network, a meeting or a contact (or to nothing: a
-- note about one's networking in general). A concern is a red flag, such as a consent breach.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    date       TEXT NOT NULL CHECK (date(date) = date),
    body       TEXT NOT NULL CHECK (length(trim(body)) > 0),
    concern    INTEGER NOT NULL DEFAULT 0 CHECK (concern IN (0, 1)),
    network_id INTEGER REFERENCES networks (id),
    meeting_id INTEGER REFERENCES meetings (id),
    contact_id INTEGER REFERENCES contacts (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((network_id IS NOT NULL) + (meeting_id IS NOT NULL) + (contact_id IS NOT NULL) <= 1)
) STRICT;

CREATE INDEX notes_network ON notes (network_id);
CREATE INDEX notes_meeting ON notes (meeting_id);
CREATE INDEX notes_contact ON notes (contact_id);
CREATE INDEX notes_date ON notes (date);
