-- Analytics (issue 11, docs/analytics.md): the tenant's time zone, the facts the figures need that were not kept,
-- and the rollups the analytics API reads instead of the raw messages.

-- The tenant's IANA time zone: analytics group hours, days, weeks and months in it (validated by the API).
ALTER TABLE tenants ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';

-- When the provider accepted an outbound message (status "sent"): the end of "webhook received → reply sent".
-- updated_at cannot serve: later statuses (delivered, read) move it.
ALTER TABLE messages ADD COLUMN sent_at timestamptz;

-- Every hand-off to a person: a flow's hand-off step, or a member taking the conversation over. Containment and
-- "agent first response after a hand-off" read it; few rows (one per hand-off), so read raw.
CREATE TABLE conversation_handoffs (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    conversation_id  uuid        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('flow', 'takeover')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_handoffs_time_idx ON conversation_handoffs (tenant_id, created_at);

-- Rollups, one row per bucket of one hour (bucket = its start). Buckets are aligned on the tenant's time zone's
-- minutes past the UTC hour (0 for most zones, 30 for Asia/Kolkata, 45 for Asia/Kathmandu), so that every local
-- hour, day, week and month — across DST changes too — is an exact union of buckets. align_minutes records the
-- alignment the rows were built with; a time zone change to another alignment rebuilds them.
CREATE TABLE analytics_rollup_state (
    tenant_id      uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    align_minutes  integer     NOT NULL DEFAULT 0,
    -- Rows are complete up to here; each refresh recomputes from (watermark - lookback) to catch late rows.
    watermark      timestamptz,
    refreshed_at   timestamptz NOT NULL DEFAULT now()
);

-- Counters: metric (e.g. messages_out) and dimension (e.g. bot_llm; a latency histogram bin; a provider error
-- code), summed over buckets, bots and channels by the read side.
CREATE TABLE analytics_counts (
    tenant_id   uuid        NOT NULL,
    bucket      timestamptz NOT NULL,
    metric      text        NOT NULL,
    bot_id      uuid        NOT NULL,
    channel_id  uuid        NOT NULL,
    dimension   text        NOT NULL DEFAULT '',
    value       bigint      NOT NULL,
    PRIMARY KEY (tenant_id, bucket, metric, bot_id, channel_id, dimension)
);

-- Who was active when: one row per contact, channel and bucket with any message or LLM call. Distinct counts
-- (active contacts, DAU/WAU/MAU, cohorts, active conversations = distinct channel and contact) and per-contact
-- cost read it; conversations are unique per (channel, contact).
CREATE TABLE analytics_contact_hours (
    tenant_id        uuid        NOT NULL,
    bucket           timestamptz NOT NULL,
    bot_id           uuid        NOT NULL,
    channel_id       uuid        NOT NULL,
    contact_id       uuid        NOT NULL,
    messages_in      integer     NOT NULL DEFAULT 0,
    messages_out     integer     NOT NULL DEFAULT 0,
    llm_calls        integer     NOT NULL DEFAULT 0,
    llm_cost_micros  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, bucket, bot_id, channel_id, contact_id)
);
CREATE INDEX analytics_contact_hours_contact_idx ON analytics_contact_hours (tenant_id, contact_id, bucket);

ALTER TABLE conversation_handoffs ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_handoffs FORCE ROW LEVEL SECURITY;
CREATE POLICY conversation_handoffs_tenant ON conversation_handoffs USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_rollup_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_rollup_state FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_rollup_state_tenant ON analytics_rollup_state USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_counts_tenant ON analytics_counts USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE analytics_contact_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_contact_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_contact_hours_tenant ON analytics_contact_hours USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
