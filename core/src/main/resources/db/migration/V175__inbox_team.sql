-- The inbox a support team lives in (docs/api/inbox.md, issue 18): status, assignment, who handed off, private
-- notes, canned replies and message search.

-- Status: open (the bot or a person is on it), waiting (a person must answer: the bot handed off, or the contact
-- wrote while a person holds it), resolved (done; the contact's next message reopens it). "closed" becomes resolved.
ALTER TABLE conversations DROP CONSTRAINT conversations_status_check;
UPDATE conversations SET status = 'resolved' WHERE status = 'closed';
ALTER TABLE conversations ADD CONSTRAINT conversations_status_check
    CHECK (status IN ('open', 'waiting', 'resolved'));
ALTER TABLE conversations
    -- the member who answers it; a member who leaves the workspace leaves it unassigned
    ADD COLUMN assignee_id    uuid,
    -- who or what paused the bot: flow (a flow's hand-off step), agent (a member took over), api (an API key),
    -- moderation (reserved); null while the bot answers
    ADD COLUMN handoff_source text CHECK (handoff_source IN ('flow', 'agent', 'api', 'moderation')),
    ADD COLUMN resolved_at    timestamptz,
    ADD CONSTRAINT conversations_assignee_fk FOREIGN KEY (tenant_id, assignee_id)
        REFERENCES memberships (tenant_id, user_id) ON DELETE SET NULL (assignee_id);
UPDATE conversations SET handoff_source = CASE WHEN taken_over_by IS NULL THEN 'flow' ELSE 'agent' END
    WHERE bot_paused;
-- "Needs a person" is the inbox's default view and the nav count: both read only the waiting rows.
CREATE INDEX conversations_waiting_idx ON conversations (tenant_id, assignee_id) WHERE status = 'waiting';
CREATE INDEX conversations_assignee_idx ON conversations (tenant_id, assignee_id) WHERE assignee_id IS NOT NULL;

-- Private notes: members write them to each other in a conversation. They live apart from messages, so nothing
-- that reads messages (sending, the LLM's history, the widget's transcript, exports to the contact) can see them.
CREATE TABLE conversation_notes (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    author_id       uuid,
    text            text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_notes_conversation_idx ON conversation_notes (tenant_id, conversation_id, id);
ALTER TABLE conversation_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY conversation_notes_tenant ON conversation_notes USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Canned replies: the tenant's saved answers, inserted with /shortcut in the reply box.
CREATE TABLE canned_replies (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    shortcut   text        NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, shortcut)
);
ALTER TABLE canned_replies ENABLE ROW LEVEL SECURITY;
ALTER TABLE canned_replies FORCE ROW LEVEL SECURITY;
CREATE POLICY canned_replies_tenant ON canned_replies USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Message search that works for Chinese, which has no spaces between words (so neither tsvector nor pg_trgm's
-- word-based trigrams find 營業時間 inside a sentence): every message's text is indexed by its character bigrams.
-- A search looks up the bigrams of the query in the GIN index, then checks the text really contains it (strpos),
-- so a hit is exact; a one-character query has no bigram and is checked on the tenant's messages directly.
CREATE FUNCTION parley_bigrams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}')
          FROM generate_series(1, char_length(value) - 1) AS i $$;
CREATE INDEX messages_text_bigrams_idx ON messages USING gin (parley_bigrams(text));
