-- Per web chat channel settings (issue 15 parts 3-4, docs/web-chat.md): allowed origins, required identity, the
-- longest message, the hosted page's offline text and branding. One JSON document on the channel row, so the
-- configuration snapshot (and its NOTIFY on change) carries it to every worker at once. Absent members mean the
-- defaults: any origin, identity optional, 4000 characters, no offline text.
ALTER TABLE channels ADD COLUMN web_settings jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(web_settings) = 'object');
