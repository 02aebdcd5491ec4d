-- Issue 13 part 2: a conversation's flow state. While a flow waits for the contact's answer to an `ask` step,
-- flow_id/step_index name that step (a restart resumes it: the state is here, not in memory) until expires_at.
-- variables are the conversation's own values captured by ask steps (saveTo conversation.variables.<key>); they
-- outlive the wait.
CREATE TABLE conversation_flow_state (
    tenant_id        uuid        NOT NULL,
    conversation_id  uuid        NOT NULL,
    flow_id          uuid,
    step_index       integer,
    attempts         integer     NOT NULL DEFAULT 0,
    expires_at       timestamptz,
    variables        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, conversation_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE,
    CHECK ((flow_id IS NULL) = (step_index IS NULL) AND (flow_id IS NULL) = (expires_at IS NULL))
);
ALTER TABLE conversation_flow_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_flow_state FORCE ROW LEVEL SECURITY;
CREATE POLICY conversation_flow_state_tenant ON conversation_flow_state USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
