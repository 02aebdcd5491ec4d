-- Message moderation (issue 14 part 2): the bot's boolean "moderation" (never read, always false since V40) becomes
-- the bot's moderation settings, a JSON object (docs/llm.md, "Moderation"). A row that still said true (none should:
-- V40 set them back) gets input and output moderation through the platform's moderation service; every other row
-- gets {} = moderation off, which is what false meant.
ALTER TABLE bots ADD COLUMN moderation_settings jsonb NOT NULL DEFAULT '{}';
UPDATE bots SET moderation_settings = '{"input": true, "output": true, "service": "platform"}' WHERE moderation;
ALTER TABLE bots DROP COLUMN moderation;
ALTER TABLE bots RENAME COLUMN moderation_settings TO moderation;
