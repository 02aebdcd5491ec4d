-- The inbox lists conversations by latest activity (the last message, or creation for one without messages yet),
-- newest first, with keyset pagination on (activity, id). This index serves exactly that order, so a page is an
-- index range scan however many conversations a tenant has; V3's index (last_message_at DESC, id ASC, NULLs first)
-- could not serve the tie-break on id or the NULLs, and would only cost writes on every message.
DROP INDEX conversations_recent_idx;
CREATE INDEX conversations_activity_idx
    ON conversations (tenant_id, (COALESCE(last_message_at, created_at)) DESC, id DESC);
