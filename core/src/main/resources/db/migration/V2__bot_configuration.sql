-- What a business configures: plans, bots, channels, flows, contacts. All tenant-owned tables follow V1's rules
-- (tenant_id NOT NULL, indexes leading with it, FORCE row-level security).

-- Plans are global reference data, kept in one table that billing (Stripe) updates. NULL limit = unlimited.
CREATE TABLE plans (
    id                        text PRIMARY KEY,
    name                      text        NOT NULL,
    max_bots                  integer,
    max_channels              integer,
    max_messages_per_month    integer,
    monthly_llm_budget_micros bigint,
    sort_order                integer     NOT NULL,
    stripe_price_id           text,
    updated_at                timestamptz NOT NULL DEFAULT now()
);
INSERT INTO plans (id, name, max_bots, max_channels, max_messages_per_month, monthly_llm_budget_micros, sort_order) VALUES
    ('free',     'Free',     1,    2,    1000,   2000000,   1),
    ('pro',      'Pro',      5,    10,   20000,  50000000,  2),
    ('business', 'Business', NULL, NULL, 200000, 500000000, 3);
ALTER TABLE tenants ADD CONSTRAINT tenants_plan_fkey FOREIGN KEY (plan) REFERENCES plans (id);

CREATE TABLE bots (
    tenant_id           uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id                  uuid        NOT NULL,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    persona             text        NOT NULL DEFAULT '' CHECK (length(persona) <= 16000),
    llm_provider        text        NOT NULL DEFAULT 'openai-compatible',
    llm_base_url        text,
    llm_model           text,
    llm_api_key_sealed  text,
    llm_api_key_hint    text,
    llm_temperature     numeric(3, 2),
    llm_max_tokens      integer,
    llm_timeout_ms      integer,
    history_window      integer     NOT NULL DEFAULT 10 CHECK (history_window BETWEEN 0 AND 100),
    welcome_message     text,
    fallback_message    text,
    limit_message       text,
    output_conversion   text        NOT NULL DEFAULT 'none' CHECK (output_conversion IN ('none', 'zh-Hant', 'zh-Hans')),
    limit_per_hour      integer,
    limit_per_day       integer,
    tier_limits         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    moderation          boolean     NOT NULL DEFAULT false,
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE channels (
    tenant_id           uuid        NOT NULL,
    id                  uuid        NOT NULL,
    bot_id              uuid        NOT NULL,
    type                text        NOT NULL CHECK (type IN ('line', 'whatsapp', 'telegram', 'web')),
    name                text,
    -- The provider's id of the account: LINE bot user id, WhatsApp phone_number_id, Telegram bot id.
    external_id         text,
    credentials_sealed  text,
    credential_hints    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    widget_key          text,
    health              text        NOT NULL DEFAULT 'unverified' CHECK (health IN ('unverified', 'healthy', 'unhealthy')),
    health_detail       text,
    verified_at         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX channels_bot_idx ON channels (tenant_id, bot_id);
-- One LINE channel / WhatsApp number / Telegram bot may be connected once, by one tenant. This index spans
-- tenants on purpose (RLS hides the other tenant's row, the index still refuses the duplicate).
CREATE UNIQUE INDEX channels_external_key ON channels (type, external_id) WHERE external_id IS NOT NULL;

-- Webhooks arrive before any tenant is known: the channel id in the URL (or the web widget key) is looked up
-- here to find the tenant, then everything else runs in that tenant's scope. Holds no secrets.
CREATE TABLE channel_routes (
    channel_id  uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type        text NOT NULL,
    widget_key  text UNIQUE
);
CREATE INDEX channel_routes_tenant_idx ON channel_routes (tenant_id);

CREATE TABLE flows (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    bot_id        uuid        NOT NULL,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    enabled       boolean     NOT NULL DEFAULT true,
    priority      integer     NOT NULL DEFAULT 0,
    trigger_type  text        NOT NULL CHECK (trigger_type IN ('keyword', 'regex', 'postback', 'follow', 'fallback')),
    trigger       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    steps         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX flows_bot_idx ON flows (tenant_id, bot_id, priority DESC);

CREATE TABLE contacts (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id                uuid        NOT NULL,
    display_name      text,
    attributes        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    tier              text        NOT NULL DEFAULT 'free' CHECK (length(tier) BETWEEN 1 AND 40),
    blocked           boolean     NOT NULL DEFAULT false,
    persona_override  text        CHECK (length(persona_override) <= 16000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX contacts_name_idx ON contacts (tenant_id, lower(display_name));

-- A contact as seen on one channel (LINE userId, WhatsApp wa_id, Telegram user id, web session id).
CREATE TABLE contact_identities (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    contact_id        uuid        NOT NULL,
    channel_id        uuid        NOT NULL,
    external_user_id  text        NOT NULL,
    profile           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    following         boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, channel_id, external_user_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_identities_contact_idx ON contact_identities (tenant_id, contact_id);

-- Row-level security ----------------------------------------------------------------------------------------
ALTER TABLE bots ENABLE ROW LEVEL SECURITY;
ALTER TABLE bots FORCE ROW LEVEL SECURITY;
CREATE POLICY bots_tenant ON bots USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE channels ENABLE ROW LEVEL SECURITY;
ALTER TABLE channels FORCE ROW LEVEL SECURITY;
CREATE POLICY channels_tenant ON channels USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE flows ENABLE ROW LEVEL SECURITY;
ALTER TABLE flows FORCE ROW LEVEL SECURITY;
CREATE POLICY flows_tenant ON flows USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY contacts_tenant ON contacts USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE contact_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_identities FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_identities_tenant ON contact_identities USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- channel_routes is a lookup keyed by unguessable ids, readable without a tenant (webhook ingress); writes
-- still need the tenant's scope.
ALTER TABLE channel_routes ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_routes FORCE ROW LEVEL SECURITY;
CREATE POLICY channel_routes_read ON channel_routes FOR SELECT USING (true);
CREATE POLICY channel_routes_insert ON channel_routes FOR INSERT WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY channel_routes_update ON channel_routes FOR UPDATE USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY channel_routes_delete ON channel_routes FOR DELETE USING (tenant_id = parley_current_tenant());

-- Configuration changes are announced on the "parley_config" channel after commit (NOTIFY is transactional), so
-- every process can drop its cached copy of that bot. Payload: "<tenant_id>:<bot_id>".
CREATE FUNCTION parley_notify_config_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_data record;
BEGIN
    IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
    IF TG_TABLE_NAME = 'bots' THEN
        PERFORM pg_notify('parley_config', row_data.tenant_id::text || ':' || row_data.id::text);
    ELSE
        PERFORM pg_notify('parley_config', row_data.tenant_id::text || ':' || row_data.bot_id::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER bots_config_change AFTER INSERT OR UPDATE OR DELETE ON bots
    FOR EACH ROW EXECUTE FUNCTION parley_notify_config_change();
CREATE TRIGGER channels_config_change AFTER INSERT OR UPDATE OR DELETE ON channels
    FOR EACH ROW EXECUTE FUNCTION parley_notify_config_change();
CREATE TRIGGER flows_config_change AFTER INSERT OR UPDATE OR DELETE ON flows
    FOR EACH ROW EXECUTE FUNCTION parley_notify_config_change();
