-- Analytics rollups built to stay fast (issue 11 part 2, docs/analytics.md "How the figures are kept"): a 90-day
-- range reads about 90 rows per series instead of 2,160 hours × every histogram bin.
--
-- 1. A latency histogram is one row per bucket (metric, bot, channel): the bins it uses and their counts as two
--    arrays of the same length, bins ascending (DDSketch's mapping, LatencyBins). They merge by adding the counts of
--    equal bins (unnest(bins, counts) in SQL, a map in Java). They leave analytics_counts (one row per bin there).
-- 2. Daily rollups in the tenant's zone next to the hourly ones: a local day is an exact union of the zone-aligned
--    hourly buckets, so each refresh sums the hours of the local days it touched. time_zone records the zone the
--    daily rows were built with; another zone rebuilds them from the hourly rows.
-- 3. analytics_contact_days: one row per contact, channel and local day, for the distinct counts of day, week and
--    month buckets (active contacts, DAU/WAU/MAU, cohorts, per-contact cost, active conversations).

ALTER TABLE analytics_rollup_state ADD COLUMN time_zone text;

CREATE TABLE analytics_latency_hours (
    tenant_id   uuid        NOT NULL,
    bucket      timestamptz NOT NULL,
    metric      text        NOT NULL,
    bot_id      uuid        NOT NULL,
    channel_id  uuid        NOT NULL,
    bins        integer[]   NOT NULL,
    counts      bigint[]    NOT NULL,
    PRIMARY KEY (tenant_id, bucket, metric, bot_id, channel_id)
);

CREATE TABLE analytics_latency_days (
    tenant_id   uuid        NOT NULL,
    day         date        NOT NULL,
    metric      text        NOT NULL,
    bot_id      uuid        NOT NULL,
    channel_id  uuid        NOT NULL,
    bins        integer[]   NOT NULL,
    counts      bigint[]    NOT NULL,
    PRIMARY KEY (tenant_id, day, metric, bot_id, channel_id)
);

CREATE TABLE analytics_count_days (
    tenant_id   uuid        NOT NULL,
    day         date        NOT NULL,
    metric      text        NOT NULL,
    bot_id      uuid        NOT NULL,
    channel_id  uuid        NOT NULL,
    dimension   text        NOT NULL DEFAULT '',
    value       bigint      NOT NULL,
    PRIMARY KEY (tenant_id, day, metric, bot_id, channel_id, dimension)
);

CREATE TABLE analytics_contact_days (
    tenant_id        uuid        NOT NULL,
    day              date        NOT NULL,
    bot_id           uuid        NOT NULL,
    channel_id       uuid        NOT NULL,
    contact_id       uuid        NOT NULL,
    messages_in      integer     NOT NULL DEFAULT 0,
    messages_out     integer     NOT NULL DEFAULT 0,
    llm_calls        integer     NOT NULL DEFAULT 0,
    llm_cost_micros  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, bot_id, channel_id, contact_id)
);
CREATE INDEX analytics_contact_days_contact_idx ON analytics_contact_days (tenant_id, contact_id, day);

ALTER TABLE analytics_latency_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_latency_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_latency_hours_tenant ON analytics_latency_hours USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_latency_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_latency_days FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_latency_days_tenant ON analytics_latency_days USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_count_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_count_days FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_count_days_tenant ON analytics_count_days USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_contact_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_contact_days FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_contact_days_tenant ON analytics_contact_days USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Tenants whose rollups predate this migration (time_zone NULL) are rebuilt whole by their next refresh; one refresh
-- each is enqueued now, so that a tenant without new activity gets its daily rows too.
ALTER TABLE analytics_rollup_state NO FORCE ROW LEVEL SECURITY;
ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, max_attempts)
SELECT tenant_id, 'analytics.rollup', '{}', 'analytics.rollup:v135', 'analytics.rollup:' || tenant_id, 3
FROM analytics_rollup_state
ON CONFLICT DO NOTHING;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_rollup_state FORCE ROW LEVEL SECURITY;
