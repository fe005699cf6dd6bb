-- The report's aggregates written straightforwardly in SQL: the reference that
-- `netjournal report` is measured against (benches/cli.sh runs it in Debian's sqlite3 shell on
-- the same journal file), and the figures it is checked against (tests/cli/generated.rs).
--
-- One row per network, by name, then one row (name NULL) for what happened outside any
-- network, over the period from @since to @until (both included; either may be left unset, as
-- the benchmark leaves both: the whole journal). Each figure is the report's JSON field of the
-- same name (in the sqlite3 shell, a period is set with `.parameter set @since "'2020-01-01'"`):
--   meetings {total, in_person, remote}, minutes (hours × 60), meeting_costs_cents,
--   contacts {total, met_once, met_twice, met_three_plus}, referrals {received, given, won,
--   lost, open, won_value_cents}, concerns.
-- A network's contacts are those met at its meetings and those recorded as met through it;
-- the depth of a relationship is the number of meetings shared with the person, in any
-- network, up to @until whatever @since; someone recorded but never met at a meeting counts as
-- met once. Concerns are those still unresolved at @until, whenever recorded.
WITH
meeting_totals AS (
    SELECT network_id,
           count(*) AS meetings,
           sum(in_person) AS in_person,
           sum(coalesce(minutes, 0) + coalesce(travel_minutes, 0)) AS minutes,
           sum(coalesce(cost_cents, 0)) AS cost_cents
    FROM meetings
    WHERE (@since IS NULL OR date >= @since) AND (@until IS NULL OR date <= @until)
    GROUP BY network_id
),
referral_totals AS (
    SELECT network_id,
           sum(direction = 'received') AS received,
           sum(direction = 'given') AS given,
           sum(direction = 'received' AND status = 'won') AS won,
           sum(direction = 'received' AND status = 'lost') AS lost,
           sum(direction = 'received' AND status = 'open') AS open,
           sum(CASE WHEN direction = 'received' AND status = 'won'
                    THEN coalesce(value_cents, 0) ELSE 0 END) AS won_value_cents
    FROM referrals
    WHERE (@since IS NULL OR date >= @since) AND (@until IS NULL OR date <= @until)
    GROUP BY network_id
),
period_meetings AS (
    SELECT id, network_id
    FROM meetings
    WHERE (@since IS NULL OR date >= @since) AND (@until IS NULL OR date <= @until)
),
depth AS (
    SELECT mc.contact_id, count(*) AS n
    FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
    WHERE @until IS NULL OR m.date <= @until
    GROUP BY mc.contact_id
),
met AS (
    SELECT m.network_id, mc.contact_id
    FROM meeting_contacts mc JOIN period_meetings m ON m.id = mc.meeting_id
    UNION
    SELECT network_id, id FROM contacts
    WHERE network_id IS NOT NULL
      AND (@since IS NULL OR added_on >= @since) AND (@until IS NULL OR added_on <= @until)
),
contact_totals AS (
    SELECT met.network_id,
           count(*) AS contacts,
           sum(coalesce(depth.n, 0) <= 1) AS met_once,
           sum(depth.n = 2) AS met_twice,
           sum(depth.n >= 3) AS met_three_plus
    FROM met LEFT JOIN depth ON depth.contact_id = met.contact_id
    GROUP BY met.network_id
),
concern_totals AS (
    SELECT coalesce(t.network_id, m.network_id, c.network_id) AS network_id,
           count(*) AS concerns
    FROM notes t
    LEFT JOIN meetings m ON m.id = t.meeting_id
    LEFT JOIN contacts c ON c.id = t.contact_id
    WHERE t.concern = 1
      AND (@until IS NULL OR (t.date <= @until
                              AND (t.resolved_on IS NULL OR t.resolved_on > @until)))
      AND (@until IS NOT NULL OR t.resolved_on IS NULL)
    GROUP BY 1
),
places AS (
    SELECT id, name FROM networks
    UNION ALL
    SELECT NULL, NULL
)
SELECT p.name,
       coalesce(mt.meetings, 0) AS meetings,
       coalesce(mt.in_person, 0) AS in_person,
       coalesce(mt.meetings, 0) - coalesce(mt.in_person, 0) AS remote,
       coalesce(mt.minutes, 0) AS minutes,
       coalesce(mt.cost_cents, 0) AS meeting_costs_cents,
       coalesce(ct.contacts, 0) AS contacts,
       coalesce(ct.met_once, 0) AS met_once,
       coalesce(ct.met_twice, 0) AS met_twice,
       coalesce(ct.met_three_plus, 0) AS met_three_plus,
       coalesce(rt.received, 0) AS received,
       coalesce(rt.given, 0) AS given,
       coalesce(rt.won, 0) AS won,
       coalesce(rt.lost, 0) AS lost,
       coalesce(rt.open, 0) AS open,
       coalesce(rt.won_value_cents, 0) AS won_value_cents,
       coalesce(cn.concerns, 0) AS concerns
FROM places p
LEFT JOIN meeting_totals mt ON mt.network_id IS p.id
LEFT JOIN referral_totals rt ON rt.network_id IS p.id
LEFT JOIN contact_totals ct ON ct.network_id IS p.id
LEFT JOIN concern_totals cn ON cn.network_id IS p.id
ORDER BY p.name IS NULL, p.name;
