-- Issue 18: the bot's own "a person will answer" text, shown by the web chat widget after a hand-off
-- (NULL: the widget's default in the visitor's language).
ALTER TABLE bots ADD COLUMN handoff_text text CHECK (char_length(handoff_text) <= 500);

-- A flow started by its keyword trigger hands off as "keyword", told apart from other flows in the inbox.
ALTER TABLE conversations DROP CONSTRAINT IF EXISTS conversations_handoff_source_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_handoff_source_check
    CHECK (handoff_source IN ('flow', 'keyword', 'agent', 'api', 'moderation'));
