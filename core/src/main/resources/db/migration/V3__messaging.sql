-- The conversation pipeline: inbound events (dedupe), conversations, messages, the job queue, LLM usage and
-- monthly usage counters. Tenant-owned tables follow V1's rules.

CREATE TABLE conversations (
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    bot_id               uuid        NOT NULL,
    channel_id           uuid        NOT NULL,
    contact_id           uuid        NOT NULL,
    status               text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    -- Human takeover: while true the bot stays silent in this conversation.
    bot_paused           boolean     NOT NULL DEFAULT false,
    taken_over_by        uuid,
    taken_over_at        timestamptz,
    unread_count         integer     NOT NULL DEFAULT 0,
    last_message_at      timestamptz,
    -- WhatsApp allows free-form replies only within 24 h of the contact's last message.
    last_inbound_at      timestamptz,
    limit_notice_until   timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, channel_id, contact_id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversations_recent_idx ON conversations (tenant_id, last_message_at DESC, id);
CREATE INDEX conversations_bot_idx ON conversations (tenant_id, bot_id);

CREATE TABLE messages (
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    conversation_id      uuid        NOT NULL,
    direction            text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    sender               text        NOT NULL CHECK (sender IN ('contact', 'bot', 'agent', 'system')),
    agent_user_id        uuid,
    type                 text        NOT NULL,
    text                 text,
    payload              jsonb       NOT NULL DEFAULT '{}'::jsonb,
    provider_message_id  text,
    -- Outbound: queued → sent → delivered → read, or failed. Inbound: received. Moves forward only.
    status               text        NOT NULL CHECK (status IN ('received', 'queued', 'sent', 'delivered', 'read', 'failed')),
    status_detail        text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX messages_conversation_idx ON messages (tenant_id, conversation_id, id);
CREATE INDEX messages_provider_idx ON messages (tenant_id, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Every provider event as received. The unique key makes a redelivery a no-op (LINE webhookEventId, WhatsApp
-- wamid or wamid:status, Telegram update_id, web chat client message id).
CREATE TABLE inbound_events (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    channel_id         uuid        NOT NULL,
    provider_event_id  text        NOT NULL,
    kind               text        NOT NULL,
    payload            jsonb       NOT NULL,
    received_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, channel_id, provider_event_id)
);

-- The job queue (modeled on River/Oban): claimed with FOR UPDATE SKIP LOCKED across tenants, run in the job's
-- tenant scope. serial_key orders jobs of one conversation: at most one of them runs at a time, oldest first.
CREATE TABLE jobs (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    kind          text        NOT NULL,
    args          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    state         text        NOT NULL DEFAULT 'available'
                  CHECK (state IN ('available', 'running', 'retryable', 'completed', 'discarded', 'cancelled')),
    priority      smallint    NOT NULL DEFAULT 0,
    attempt       integer     NOT NULL DEFAULT 0,
    max_attempts  integer     NOT NULL DEFAULT 10,
    scheduled_at  timestamptz NOT NULL DEFAULT now(),
    attempted_at  timestamptz,
    finalized_at  timestamptz,
    unique_key    text,
    serial_key    text,
    locked_by     text,
    locked_until  timestamptz,
    errors        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_tenant_idx ON jobs (tenant_id, state, id);
CREATE INDEX jobs_fetch_idx ON jobs (priority DESC, scheduled_at, id) WHERE state IN ('available', 'retryable');
CREATE INDEX jobs_serial_idx ON jobs (serial_key, id) WHERE serial_key IS NOT NULL AND state IN ('available', 'retryable', 'running');
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE UNIQUE INDEX jobs_unique_key ON jobs (tenant_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE llm_usage (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    bot_id             uuid        NOT NULL,
    contact_id         uuid,
    conversation_id    uuid,
    provider           text        NOT NULL,
    model              text        NOT NULL,
    prompt_tokens      integer     NOT NULL DEFAULT 0,
    completion_tokens  integer     NOT NULL DEFAULT 0,
    latency_ms         integer     NOT NULL,
    outcome            text        NOT NULL,
    cost_micros        bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX llm_usage_bot_idx ON llm_usage (tenant_id, bot_id, created_at);

-- Monthly counters for plan quotas, updated per turn (cheaper than counting messages each time).
CREATE TABLE usage_counters (
    tenant_id          uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    period             text        NOT NULL,
    messages           integer     NOT NULL DEFAULT 0,
    llm_cost_micros    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, period)
);

-- Row-level security -------------------------------------------------------------------------------------------
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;
CREATE POLICY conversations_tenant ON conversations USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
CREATE POLICY messages_tenant ON messages USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE inbound_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbound_events FORCE ROW LEVEL SECURITY;
CREATE POLICY inbound_events_tenant ON inbound_events USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE llm_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY llm_usage_tenant ON llm_usage USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE usage_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY usage_counters_tenant ON usage_counters USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Workers claim jobs of every tenant, so the queue's own statements run in a "queue" scope
-- (parley.queue = 'on', set only by the queue's claim/rescue code); everything else needs the tenant's scope.
CREATE FUNCTION parley_queue_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('parley.queue', true), '') = 'on' $$;

ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY jobs_access ON jobs USING (tenant_id = parley_current_tenant() OR parley_queue_scope())
    WITH CHECK (tenant_id = parley_current_tenant() OR parley_queue_scope());
