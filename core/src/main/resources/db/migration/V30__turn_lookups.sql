-- Indexes for the two reads every conversation turn makes (bench/README.md, issue 4).
--
-- 1. "Has this event been answered already?" A turn's reply marks its first outbound message with the inbound
--    event it answers (reply_to). The unique index makes "one reply per event" a constraint rather than a check,
--    and answers the question with one index probe instead of reading the tenant's recent messages.
--    payload.replyTo stays on every message of a reply (the senders and the API show it).
ALTER TABLE messages ADD COLUMN reply_to uuid;
UPDATE messages m SET reply_to = first.reply_to
FROM (SELECT DISTINCT ON (tenant_id, payload ->> 'replyTo') tenant_id, id, CAST(payload ->> 'replyTo' AS uuid) AS reply_to
      FROM messages
      WHERE direction = 'outbound' AND payload ->> 'replyTo' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      ORDER BY tenant_id, payload ->> 'replyTo', id) first
WHERE m.tenant_id = first.tenant_id AND m.id = first.id;
CREATE UNIQUE INDEX messages_reply_to_idx ON messages (tenant_id, reply_to) WHERE reply_to IS NOT NULL;

-- 2. Per-contact rate limits count a contact's inbound messages of the last hour/day. The count walks each of the
--    contact's conversations (conversations_contact_idx) and, in each, only the inbound messages whose UUIDv7 id is
--    recent enough (messages_inbound_idx), instead of every message the contact ever exchanged.
CREATE INDEX conversations_contact_idx ON conversations (tenant_id, contact_id);
CREATE INDEX messages_inbound_idx ON messages (tenant_id, conversation_id, id) WHERE direction = 'inbound';
