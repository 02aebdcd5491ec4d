-- Long memory (issue 14 part 3, docs/llm.md "Long memory"): a rolling summary per conversation of the messages that
-- fell out of the bot's history window, written by a background job (worker summary/) with a cheaper model, or by a
-- member in the inbox. up_to_message_id is the newest message the summary covers: a job never moves it backwards, so
-- running one twice (or after a newer one) writes nothing. Deleted with the conversation (contact erasure).
CREATE TABLE conversation_summaries (
    tenant_id        uuid        NOT NULL,
    conversation_id  uuid        NOT NULL,
    summary          text        NOT NULL CHECK (length(summary) <= 8000),
    up_to_message_id uuid,
    -- llm (the summary job) or agent (edited in the inbox / the API)
    source           text        NOT NULL CHECK (source IN ('llm', 'agent')),
    model            text,
    updated_by       uuid,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, conversation_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE conversation_summaries ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_summaries FORCE ROW LEVEL SECURITY;
CREATE POLICY conversation_summaries_tenant ON conversation_summaries USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The bot's long-memory settings: {"summary": true, "summaryModel": "gpt-4o-mini"}; {} = no summaries (the default).
ALTER TABLE bots ADD COLUMN memory_settings jsonb NOT NULL DEFAULT '{}';

-- What an LLM call was for: reply (a turn's answer) or summary (the summary job). Other purposes may follow.
ALTER TABLE llm_usage ADD COLUMN purpose text NOT NULL DEFAULT 'reply';
