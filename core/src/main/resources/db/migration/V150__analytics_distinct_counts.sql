-- Distinct counts precomputed by the rollup refresh (issue 11, docs/analytics.md "Distinct counts"): a 90-day range
-- of active contacts, DAU/WAU/MAU, cohorts, active conversations reads a few thousand rows instead of one row per
-- contact and day. And what the incremental refresh needs to know which raw rows changed since the last one.
--
-- 1. analytics_active_days: per scope (bot_id / channel_id, the zero UUID meaning "any"), kind and local day, the
--    number of entities active that day grouped by the entity's previous active day in the same scope
--    (prev_day, '-infinity' for its first one) and, for first days of contacts, the local day the contact was
--    first seen (created_day, else '-infinity'). The entities active in [a, b] are then exactly the rows of days
--    a..b whose prev_day < a: each entity is counted once, on its first active day of the range. Kinds: contact
--    and conversation (a channel and a contact) active = with messages from the contact; contact_any and
--    conversation_any = with any activity (costs' contacts and conversations).
-- 2. analytics_retention: per scope and cohort day (the local day contacts were first seen), how many of them
--    were active `period` days later (unit day: 1, 7, 30) or in the ISO week `period` weeks after the one of
--    their first day (unit week: 1..8; week cohorts sum their days, so a range starting mid-week is exact);
--    unit day, period 0 is the cohort's size (scope "any" only: cohorts are not filtered, their activity is).
-- 3. analytics_rollup_state.snapshot: the snapshot of the last refresh; rows it could not see (inserted or updated
--    since, by their xmin) are the ones whose buckets the next refresh recomputes.

CREATE TABLE analytics_active_days (
    tenant_id    uuid    NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('contact', 'conversation', 'contact_any', 'conversation_any')),
    bot_id       uuid    NOT NULL,
    channel_id   uuid    NOT NULL,
    day          date    NOT NULL,
    prev_day     date    NOT NULL,
    created_day  date    NOT NULL,
    entities     bigint  NOT NULL,
    PRIMARY KEY (tenant_id, kind, bot_id, channel_id, day, prev_day, created_day)
);

CREATE TABLE analytics_retention (
    tenant_id    uuid     NOT NULL,
    unit         text     NOT NULL CHECK (unit IN ('day', 'week')),
    bot_id       uuid     NOT NULL,
    channel_id   uuid     NOT NULL,
    cohort       date     NOT NULL,
    period       integer  NOT NULL,
    contacts     bigint   NOT NULL,
    PRIMARY KEY (tenant_id, unit, bot_id, channel_id, cohort, period)
);

ALTER TABLE analytics_rollup_state ADD COLUMN snapshot pg_snapshot;

ALTER TABLE analytics_active_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_active_days FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_active_days_tenant ON analytics_active_days USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_retention ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_retention FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_retention_tenant ON analytics_retention USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Tenants with rollups (snapshot NULL) get their distinct counts built whole by their next refresh; one each now.
ALTER TABLE analytics_rollup_state NO FORCE ROW LEVEL SECURITY;
ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, max_attempts)
SELECT tenant_id, 'analytics.rollup', '{}', 'analytics.rollup:v150', 'analytics.rollup:' || tenant_id, 3
FROM analytics_rollup_state
ON CONFLICT DO NOTHING;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_rollup_state FORCE ROW LEVEL SECURITY;
