-- Issue 13 part 3: state the LLM keeps. A bot declares typed memory fields (one row per bot: the list as JSON, checked
-- by the API, and how the model updates them: OpenAI-compatible tools or a JSON block appended to its answer). A
-- change notifies parley_config like the bot's own row, so every worker's configuration snapshot follows.
CREATE TABLE bot_memory_fields (
    tenant_id    uuid        NOT NULL,
    bot_id       uuid        NOT NULL,
    fields       jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(fields) = 'array'),
    update_mode  text        NOT NULL DEFAULT 'tools' CHECK (update_mode IN ('tools', 'json_block')),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, bot_id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE
);
CREATE TRIGGER bot_memory_fields_config_change AFTER INSERT OR UPDATE OR DELETE ON bot_memory_fields
    FOR EACH ROW EXECUTE FUNCTION parley_notify_config_change();

-- The values: per contact (conversation_id NULL) or per conversation. subject_id is the contact's id or the
-- conversation's, so one primary key covers both scopes. Erased with the contact (and with the conversation).
CREATE TABLE memory_values (
    tenant_id        uuid        NOT NULL,
    bot_id           uuid        NOT NULL,
    field            text        NOT NULL CHECK (length(field) BETWEEN 1 AND 40),
    subject_id       uuid        NOT NULL,
    contact_id       uuid        NOT NULL,
    conversation_id  uuid,
    value            jsonb       NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, bot_id, subject_id, field),
    CHECK (subject_id = coalesce(conversation_id, contact_id)),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX memory_values_contact_idx ON memory_values (tenant_id, contact_id);

-- Every change: who (llm, agent, flow, api; actor = the member or API key), when, old -> new, and the turn (the
-- inbound event) for the LLM's. Unique per turn, field and subject: a turn that runs again changes nothing twice.
CREATE TABLE memory_history (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    bot_id           uuid        NOT NULL,
    field            text        NOT NULL,
    contact_id       uuid        NOT NULL,
    conversation_id  uuid,
    old_value        jsonb,
    new_value        jsonb,
    source           text        NOT NULL CHECK (source IN ('llm', 'agent', 'flow', 'api')),
    actor_id         uuid,
    turn_id          uuid,
    changed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX memory_history_contact_idx ON memory_history (tenant_id, contact_id, id DESC);
CREATE UNIQUE INDEX memory_history_turn_idx ON memory_history (tenant_id, turn_id, field, contact_id,
    coalesce(conversation_id, contact_id)) WHERE turn_id IS NOT NULL;

ALTER TABLE bot_memory_fields ENABLE ROW LEVEL SECURITY;
ALTER TABLE bot_memory_fields FORCE ROW LEVEL SECURITY;
CREATE POLICY bot_memory_fields_tenant ON bot_memory_fields USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
ALTER TABLE memory_values ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_values FORCE ROW LEVEL SECURITY;
CREATE POLICY memory_values_tenant ON memory_values USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
ALTER TABLE memory_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE memory_history FORCE ROW LEVEL SECURITY;
CREATE POLICY memory_history_tenant ON memory_history USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
