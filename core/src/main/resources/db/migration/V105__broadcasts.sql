-- Broadcasts (docs/broadcasts.md): a message to a segment on one or more channels, now or scheduled. Recipients and
-- their rendered content are planned up front, one row per broadcast and contact, then sent by broadcast.send jobs.
CREATE TABLE broadcasts (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    segment_id      uuid,
    channel_ids     uuid[]      NOT NULL,
    message         jsonb       NOT NULL,
    quiet_hours     jsonb,
    state           text        NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
    state_reason    text        CHECK (length(state_reason) <= 1000),
    scheduled_at    timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    planned_count   integer     NOT NULL DEFAULT 0,
    opted_out_count integer     NOT NULL DEFAULT 0,
    created_by      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE broadcasts ENABLE ROW LEVEL SECURITY;
ALTER TABLE broadcasts FORCE ROW LEVEL SECURITY;
CREATE POLICY broadcasts_tenant ON broadcasts USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- One row per recipient. status moves forward only (queued < sending < sent < delivered < read; failed and
-- cancelled end it; retry-failed puts failed rows back to queued on purpose). content is the recipient's rendered
-- message when it differs from the broadcast's (placeholders), else null. batch_key is the provider idempotency key
-- of the request that carried it (LINE X-Line-Retry-Key), written with 'sending' before the call.
CREATE TABLE broadcast_recipients (
    tenant_id           uuid        NOT NULL,
    broadcast_id        uuid        NOT NULL,
    id                  bigint      GENERATED ALWAYS AS IDENTITY,
    contact_id          uuid        NOT NULL,
    channel_id          uuid        NOT NULL,
    external_user_id    text        NOT NULL,
    content             jsonb,
    status              text        NOT NULL DEFAULT 'queued'
                        CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled')),
    reason              text        CHECK (length(reason) <= 500),
    batch_key           uuid,
    attempts            integer     NOT NULL DEFAULT 0,
    provider_message_id text,
    sent_at             timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, broadcast_id, id),
    UNIQUE (tenant_id, broadcast_id, contact_id),
    FOREIGN KEY (tenant_id, broadcast_id) REFERENCES broadcasts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX broadcast_recipients_status_idx ON broadcast_recipients (tenant_id, broadcast_id, channel_id, status, id);
CREATE INDEX broadcast_recipients_provider_idx ON broadcast_recipients (tenant_id, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
CREATE INDEX broadcast_recipients_sent_idx ON broadcast_recipients (tenant_id, sent_at) WHERE sent_at IS NOT NULL;
ALTER TABLE broadcast_recipients ENABLE ROW LEVEL SECURITY;
ALTER TABLE broadcast_recipients FORCE ROW LEVEL SECURITY;
CREATE POLICY broadcast_recipients_tenant ON broadcast_recipients USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The plan's quota of broadcast recipients per calendar month (UTC); null = unlimited.
ALTER TABLE plans ADD COLUMN max_broadcast_recipients_per_month integer;
