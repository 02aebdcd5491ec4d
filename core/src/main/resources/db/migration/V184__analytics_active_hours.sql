-- Distinct counts of hour groups precomputed by the rollup refresh (issue 11, docs/analytics.md "Distinct counts"):
-- per scope (bot_id / channel_id, the zero UUID meaning "any"), kind and hourly bucket, the entities active in the
-- bucket (kind contact: contacts; conversation: channel and contact; active = sent a message) and, for contacts,
-- how many of them were first seen in the same bucket. An hour group is one bucket, so these are exact and a
-- 31-day range reads one row per hour and series instead of every contact-hour.
CREATE TABLE analytics_active_hours (
    tenant_id     uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('contact', 'conversation')),
    bot_id        uuid        NOT NULL,
    channel_id    uuid        NOT NULL,
    bucket        timestamptz NOT NULL,
    entities      bigint      NOT NULL,
    new_entities  bigint      NOT NULL,
    PRIMARY KEY (tenant_id, kind, bot_id, channel_id, bucket)
);
CREATE INDEX analytics_active_hours_bucket_idx ON analytics_active_hours (tenant_id, bucket);

ALTER TABLE analytics_active_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_active_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_active_hours_tenant ON analytics_active_hours USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Built by the next refresh of each tenant with rollups: a full rebuild, in slices (V183).
ALTER TABLE analytics_rollup_state NO FORCE ROW LEVEL SECURITY;
UPDATE analytics_rollup_state SET snapshot = NULL;
ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
INSERT INTO jobs (tenant_id, kind, args, unique_key, serial_key, max_attempts)
SELECT tenant_id, 'analytics.rollup', '{}', 'analytics.rollup:v184', 'analytics.rollup:' || tenant_id, 3
FROM analytics_rollup_state
ON CONFLICT DO NOTHING;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_rollup_state FORCE ROW LEVEL SECURITY;
