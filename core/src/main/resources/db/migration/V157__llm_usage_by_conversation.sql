-- A conversation's LLM usage totals (GET /api/v1/conversations/{id}/usage, docs/llm.md "Usage") sum its calls.
CREATE INDEX llm_usage_conversation_idx ON llm_usage (tenant_id, conversation_id) WHERE conversation_id IS NOT NULL;
