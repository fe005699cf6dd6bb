-- netjournal schema, version 3: a meeting may say when it started.
--
-- `start_time` is the time of day, `HH:MM` on a 24-hour clock (`07:30`), or NULL when not
-- said (every meeting recorded before this version). Typed as `7:30`, `7h30`, `07:30`…, it was
-- once put in `--minutes`, making a breakfast last 450 minutes: it has a column of its own.

ALTER TABLE meetings ADD COLUMN start_time TEXT
    CHECK (start_time IS NULL OR (length(start_time) = 5
        AND start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'));
