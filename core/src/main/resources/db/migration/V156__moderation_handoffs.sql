-- A crisis flagged by moderation hands the conversation to a person (docs/llm.md): a third kind of hand-off, counted
-- in the "handoffs" analytics counter under its own dimension.
ALTER TABLE conversation_handoffs DROP CONSTRAINT conversation_handoffs_kind_check;
ALTER TABLE conversation_handoffs ADD CONSTRAINT conversation_handoffs_kind_check
    CHECK (kind IN ('flow', 'takeover', 'moderation'));
