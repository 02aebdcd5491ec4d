-- The dashboard's test chat talks to a bot through the real pipeline, over a hidden web chat channel of the bot's
-- own (api TestChatService): at most one per bot, created on first use, not counted against the plan's channel
-- limit and not listed among the bot's channels unless asked for.
ALTER TABLE channels ADD COLUMN test_only boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX channels_one_test_per_bot ON channels (tenant_id, bot_id) WHERE test_only;

-- Contacts first seen through a test channel are the team's own tests, not customers (set by ContactRepository
-- when the contact is created).
ALTER TABLE contacts ADD COLUMN test_only boolean NOT NULL DEFAULT false;
