-- The agent's first answer after a hand-off (containment, docs/analytics.md): the earliest message of a member in
-- the conversation from the hand-off on, looked up once per hand-off of the range. Without this index each lookup
-- read every later message of the conversation to find none (the bot's, the contact's): 10 s for the 34,671
-- hand-offs of 90 days at 10 M messages (bench/README.md, "costs2"); with it, one index-only probe each. Agents'
-- messages are few, so the index is small and the turn path's inserts (contact and bot messages) skip it.
CREATE INDEX IF NOT EXISTS messages_agent_idx ON messages (tenant_id, conversation_id, created_at)
    WHERE sender = 'agent';
