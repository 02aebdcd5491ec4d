-- Coalesced turns (docs/conversation-turn.md, "Several messages, one answer"): consecutive messages of one
-- conversation waiting for a turn are answered together by one reply. That reply's first message carries the
-- leading event in reply_to (V30, unique); every other inbound message it answers is marked here with that event's
-- id, in the reply's transaction, so their own turns find them answered and stay silent.
ALTER TABLE messages ADD COLUMN answered_by uuid;
